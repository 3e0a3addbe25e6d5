// Static hosting and offline use: the built app, unchanged, served from a sub-path
// (/x/tools/dingdian/) of a plain static server, renders there; its service worker lists every
// built file; after the first visit it renders again with the network gone (the browser offline
// and the server stopped). Run: /work/e2e.sh <worktree> tests/e2e/offline.test.mjs (or
// scripts/test). The built folder: $DIST_DIR, else dist-e2e/ or dist/ — checked to be the one
// served at BASE_URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { BASE_URL, OUTPUT_DIR, WAIT_MS, distDir, isBasemapAbsent, launchBrowser, openTask } from './helpers.mjs';
import { listFiles } from '../../scripts/sw-files.mjs';

let browser;
let server;
let root;

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function serve(dir, port) {
  const proc = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false);
    if (up) return proc;
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill();
  throw new Error(`python3 -m http.server did not come up on port ${port}`);
}

before(async () => {
  browser = await launchBrowser();
  mkdirSync(OUTPUT_DIR, { recursive: true });
});

after(async () => {
  server?.kill();
  await browser?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

test('the built app renders from a sub-path, lists every built file for offline use, and renders offline', async () => {
  const dist = distDir();
  const served = await (await fetch(BASE_URL)).text();
  assert.equal(readFileSync(path.join(dist, 'index.html'), 'utf8'), served, `${dist} is not the build served at ${BASE_URL}`);

  // Every built file is in the service worker's list, with nothing listed that is not built.
  const sw = readFileSync(path.join(dist, 'sw.js'), 'utf8');
  const listed = JSON.parse(sw.match(/^const FILES = (.*);$/m)[1]).map(([f]) => f).sort();
  // The .gz and .br copies beside the large files are for the host to serve, not to cache.
  const built = listFiles(dist).filter((f) => f !== 'sw.js' && !/\.(gz|br)$/.test(f)).sort();
  assert.deepEqual(listed, built, 'sw.js lists exactly the built files');
  assert.ok(built.some((f) => f.endsWith('.wasm')) && built.includes('index.html'));

  root = mkdtempSync(path.join(os.tmpdir(), 'dingdian-subpath-'));
  mkdirSync(path.join(root, 'x', 'tools'), { recursive: true });
  symlinkSync(dist, path.join(root, 'x', 'tools', 'dingdian'));
  const port = await freePort();
  server = await serve(root, port);
  const url = `http://127.0.0.1:${port}/x/tools/dingdian/`;

  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !isBasemapAbsent(m) && problems.push(m.text()));
  const outside = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol.startsWith('http') && !u.pathname.startsWith('/x/tools/dingdian/')) outside.push(r.url());
  });

  await page.goto(url, { waitUntil: 'load', timeout: WAIT_MS });
  await page.locator('[data-testid="outcome"]').waitFor({ state: 'attached', timeout: WAIT_MS })
    .catch(() => assert.fail(`the app did not render at ${url}: ${problems.join('; ')}`));
  assert.deepEqual(outside, [], 'every request stays under the sub-path');

  // The worker installed (its cache filled) and controls the page.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, url, 'the service worker covers the sub-path');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: WAIT_MS });
  const cachedNow = () => page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith('dingdian-')));
    return (await cache.keys()).map((r) => r.url);
  });
  // The page's own files first; the file worker's once the page is idle (within seconds).
  const ioFiles = built.filter((f) => f.startsWith('dingdian-io'));
  assert.ok(ioFiles.length > 0, 'the build has a file worker');
  let cached = await cachedNow();
  for (let i = 0; i < 100 && !built.every((f) => cached.includes(url + f)); i++) {
    await page.waitForTimeout(200);
    cached = await cachedNow();
  }
  for (const f of built) assert.ok(cached.includes(url + f), `${f} is cached`);

  // No network at all: the browser offline and the server gone.
  await context.setOffline(true);
  server.kill();
  server = null;
  await page.reload({ waitUntil: 'load', timeout: WAIT_MS });
  await page.locator('[data-testid="outcome"]').waitFor({ state: 'attached', timeout: WAIT_MS })
    .catch(() => assert.fail(`offline, the app did not render: ${problems.join('; ')}`));
  // Another address of the same page (the language in the query) opens offline too.
  await page.goto(`${url}?lang=en`, { waitUntil: 'load', timeout: WAIT_MS });
  await page.locator('ol[data-testid="trace"]').waitFor({ state: 'attached', timeout: WAIT_MS });
  assert.match(await page.locator('ol[data-testid="trace"]').innerText(), /pharmac/i, 'offline in English');
  // Offline, a file still imports: the file worker's files were cached with the rest.
  await openTask(page, 'io');
  await page.locator('[data-testid="import-what"]').selectOption('institutions');
  const csv = '编号,名称,类型,经度,纬度\nO1,离线药店,零售药店,118.33,35.06\n';
  await page.locator('[data-testid="import-file"]').setInputFiles({ name: 'offline.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.waitForSelector('[data-testid="import-panel"][data-state="ready"]', { timeout: WAIT_MS });
  await page.locator('[data-testid="import-start"]').click();
  await page.waitForSelector('[data-testid="import-panel"][data-state="done"]', { timeout: WAIT_MS })
    .catch(async () => assert.fail(`offline, the import did not finish: ${(await page.locator('[data-testid="import-panel"]').innerText()).slice(0, 300)}; ${problems.join('; ')}`));
  assert.equal(await page.locator('[data-testid="import-report"]').getAttribute('data-imported'), '1', 'offline, the row is imported');
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'offline-subpath.png') });
  await context.close();
});
