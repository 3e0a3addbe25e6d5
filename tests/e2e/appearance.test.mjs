// What a phone owner and a static host see of the built app besides the page itself: a loading
// screen before the wasm arrives, it can be installed ("add to home screen": a manifest Chromium reads without errors, icons that load at
// the sizes named), it follows the device's dark colour scheme with every text legible (axe-core's
// contrast check, desktop and phone), and every large file has .gz and .br copies a host can serve.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import { BASE_URL, OUTPUT_DIR, WAIT_MS, distDir, launchBrowser, openApp } from './helpers.mjs';
import { listFiles } from '../../scripts/sw-files.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let browser;
const contexts = [];

before(async () => {
  browser = await launchBrowser();
  mkdirSync(OUTPUT_DIR, { recursive: true });
});

after(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG file');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test('the app can be installed: Chromium reads its manifest without errors, and its icons load at the sizes it names', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(BASE_URL, { waitUntil: 'load', timeout: WAIT_MS });
  await page.waitForSelector('[data-testid="outcome"]', { state: 'attached', timeout: WAIT_MS });

  const cdp = await context.newCDPSession(page);
  const { url, errors, data } = await cdp.send('Page.getAppManifest');
  assert.ok(url.endsWith('/manifest.webmanifest'), `the page links its manifest (got ${JSON.stringify(url)})`);
  assert.deepEqual(errors, [], 'Chromium finds no error in the manifest');
  const manifest = JSON.parse(data);
  assert.equal(manifest.display, 'standalone');
  assert.equal(new URL(manifest.start_url, url).href, BASE_URL, 'it starts at the page itself, under any sub-path');
  assert.match(manifest.name, /定点/);

  const sizes = [];
  for (const icon of manifest.icons) {
    const res = await fetch(new URL(icon.src, url));
    assert.ok(res.ok, `${icon.src} loads`);
    const bytes = Buffer.from(await res.arrayBuffer());
    if (icon.type === 'image/png') {
      assert.equal(pngSize(bytes), icon.sizes, `${icon.src} is ${icon.sizes} as the manifest says`);
      sizes.push(`${icon.sizes} ${icon.purpose}`);
    }
  }
  for (const want of ['192x192 any', '512x512 any', '512x512 maskable']) assert.ok(sizes.includes(want), `an icon ${want}`);
});

/** Runs axe-core's checks (a CSP-bypassing context: the app's CSP forbids injected scripts). */
async function contrastViolations(page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')}: ${n.failureSummary.split('\n').slice(1, 2).join('')}`) }));
  });
}

/** Relative luminance of a CSS rgb() colour (WCAG's formula). */
function luminance(rgb) {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Opens the expert view in a dark-scheme context with `options`; the page is dark, axe-core finds nothing. */
async function darkExpertView(options, shotName) {
  const context = await browser.newContext({ ...options, colorScheme: 'dark', bypassCSP: true, serviceWorkers: 'block' });
  contexts.push(context);
  const { page } = await openApp(browser, { context });
  const colours = await page.evaluate(() => {
    const panel = document.querySelector('.panel') ?? document.body;
    return { body: getComputedStyle(document.body).backgroundColor, panel: getComputedStyle(panel).backgroundColor, ink: getComputedStyle(document.body).color };
  });
  assert.ok(luminance(colours.body) < 0.05 && luminance(colours.panel) < 0.05, `dark backgrounds, got ${JSON.stringify(colours)}`);
  assert.ok(luminance(colours.ink) > 0.6, `light text, got ${colours.ink}`);
  await page.locator('ol[data-testid="trace"]').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUTPUT_DIR, `${shotName}.png`) });
  assert.deepEqual(await contrastViolations(page), [], 'no accessibility violation in the dark scheme');
}

test('on an office desktop set to dark, the page is dark and axe-core finds no violation, contrast included', async () => {
  await darkExpertView({ viewport: { width: 1440, height: 900 } }, 'dark-1440');
});

test('on a phone set to dark, the expert view is dark and axe-core finds no violation, contrast included', async () => {
  await darkExpertView({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }, 'dark-360');
});

test('a phone set to dark gets the dark scheme in guided mode too, with no violation', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: 'dark', bypassCSP: true, serviceWorkers: 'block' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${BASE_URL}?mode=guide`, { waitUntil: 'load', timeout: WAIT_MS });
  await page.waitForSelector('[data-testid="guided"]', { timeout: WAIT_MS });
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'dark-guided-360.png') });
  assert.deepEqual(await contrastViolations(page), [], 'no accessibility violation in guided mode, dark');
});

test('the first screen is never blank: until the wasm arrives, a loading screen names the app and says what is happening', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  contexts.push(context);
  // The page's wasm held back, as on a slow network, until the loading screen has been seen.
  let release;
  const held = new Promise((r) => { release = r; });
  await context.route(/dingdian-app-[^/]*\.wasm$/, async (route) => { await held; await route.continue(); });
  const page = await context.newPage();
  await page.goto(BASE_URL, { waitUntil: 'load', timeout: WAIT_MS });
  const loading = page.locator('#loading');
  assert.ok(await loading.isVisible(), 'the loading screen is shown while the wasm is on its way');
  const text = await loading.innerText();
  assert.match(text, /定点/, 'it names the app');
  assert.match(text, /正在载入/, 'it says what is happening, in Chinese');
  assert.match(text, /Loading/, 'and in English');
  const box = await page.locator('.loading-now').boundingBox();
  assert.ok(box && box.y + box.height <= 740, 'the message is on the first screen of a phone');
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'loading-360.png') });
  release();
  await page.waitForSelector('[data-testid="outcome"]', { state: 'attached', timeout: WAIT_MS });
  assert.ok(!(await loading.isVisible()), 'the loading screen is gone once the app has rendered');
});

test('every large file of the build has .gz and .br copies beside it that decode to the same bytes', () => {
  const dist = distDir();
  const files = listFiles(dist);
  const large = files.filter((f) => /\.(wasm|js|css|html|geojson)$/.test(f) && statSync(path.join(dist, f)).size >= 1024);
  assert.ok(large.some((f) => f.endsWith('.wasm')), 'the build has wasm');
  for (const f of large) {
    const bytes = readFileSync(path.join(dist, f));
    for (const [ext, decode] of [['gz', zlib.gunzipSync], ['br', zlib.brotliDecompressSync]]) {
      const copy = path.join(dist, `${f}.${ext}`);
      assert.ok(existsSync(copy), `${f}.${ext} is built`);
      assert.ok(decode(readFileSync(copy)).equals(bytes), `${f}.${ext} decodes to ${f}`);
    }
  }
});
