// The first visit on a phone network waits for the wasm: the built page must ask for it before
// anything else (scripts/early-fetch.mjs), and Leaflet's script, which only the map needs, must
// neither stop the parser nor share the line with the wasm: the app loads it (leaflet.rs `load`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { earlyFetch } from '../../scripts/early-fetch.mjs';
import { BASE_URL, WAIT_MS, distDir, launchBrowser, openApp, useApp } from './helpers.mjs';

const session = useApp();

/** The order of the page's fetches as the HTML names them: `wasm`, `js` (module preload), `css`, `script`. */
function fetchOrder(html) {
  const out = [];
  const re = /<link\b[^>]*>|<script\b[^>]*>/gi;
  for (let m; (m = re.exec(html)); ) {
    const tag = m[0];
    if (/rel="preload"/.test(tag) && /\.wasm"/.test(tag)) out.push('wasm');
    else if (/rel="modulepreload"/.test(tag)) out.push('js');
    else if (/rel="stylesheet"/.test(tag)) out.push('css');
    else if (/<script\b[^>]*\bsrc=/.test(tag)) out.push(inTemplate(html, m.index) ? 'script(inert)' : /\bdefer\b/.test(tag) ? 'script(defer)' : 'script');
    else if (/type="module"/.test(tag)) out.push('module');
  }
  return out;
}

/** Whether the position `at` lies inside a <template> (whose content the browser neither fetches nor runs). */
const inTemplate = (html, at) => html.lastIndexOf('<template', at) > html.lastIndexOf('</template>', at);

const trunkLike = `<!doctype html><html><head><meta charset="utf-8" />
<meta http-equiv="Content-Security-Policy" content="default-src 'none'" />
<link rel="stylesheet" href="./leaflet-1.css"/>
<script src="./leaflet-2.js" integrity="sha384-x"></script>
<script src="./other-5.js"></script>
<link rel="stylesheet" href="./style-3.css"/>
<script type="module">import init from './app-4.js'; await init({ module_or_path: './app-4_bg.wasm' });</script>
<link rel="modulepreload" href="./app-4.js" crossorigin="anonymous"><link rel="preload" href="./app-4_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm"></head>
<body></body></html>`;

test('the preloads move to the top of <head>, after the policy; Leaflet is left for the app to load, any other script deferred', () => {
  const out = earlyFetch(trunkLike);
  assert.deepEqual(fetchOrder(out), ['js', 'wasm', 'css', 'script(inert)', 'script(defer)', 'css', 'module']);
  assert.match(out, /<template id="dd-leaflet"><script src="\.\/leaflet-2\.js" integrity="sha384-x"><\/script><\/template>/);
  assert.ok(out.indexOf('Content-Security-Policy') < out.indexOf('modulepreload'), 'the policy covers the preloads');
  assert.match(out, /<link fetchpriority="high" rel="preload" href="\.\/app-4_bg\.wasm"/);
  // Nothing lost: the same tags, in another order.
  const tags = (html) => (html.match(/<(?:link|script)\b[^>]*>/g) ?? []).map((t) => t.replace(/ ?(defer|fetchpriority="high")/g, '')).sort();
  assert.deepEqual(tags(out), tags(trunkLike));
  assert.throws(() => earlyFetch('<html><head><meta charset="utf-8"></head></html>'), /no preload link/);
});

test('the built page asks for the wasm first, lets no script stop the parser and leaves Leaflet to the app', () => {
  const html = readFileSync(path.join(distDir(), 'index.html'), 'utf8');
  const order = fetchOrder(html);
  assert.equal(order[0], 'js', `the app's module is preloaded first: ${order.join(', ')}`);
  assert.equal(order[1], 'wasm', `then its wasm: ${order.join(', ')}`);
  assert.ok(!order.includes('script'), `no parser-blocking script: ${order.join(', ')}`);
  assert.match(html, /<template id="dd-leaflet"><script src="\.\/leaflet-[0-9a-f]+\.js" integrity="sha384-[^"]+"><\/script><\/template>/);
});

test('Leaflet is fetched after the wasm, and the map is made after the decision is on the page', async () => {
  const { page, requests } = await session.open();
  const wasm = requests.findIndex((u) => /dingdian-app-[0-9a-f]+_bg\.wasm$/.test(u));
  const leaflet = requests.findIndex((u) => /leaflet-[0-9a-f]+\.js$/.test(u));
  assert.ok(wasm >= 0 && leaflet > wasm, `the wasm is asked for before Leaflet: ${requests.map((u) => u.replace(/^.*\//, '')).join(', ')}`);
  // The map is made (openApp waits for it) and answers: a click places the application.
  await page.waitForSelector('[data-testid="map"] .leaflet-container .leaflet-control-zoom', { timeout: WAIT_MS });
  assert.equal(await page.locator('[data-testid="map-panel"] .field-error').count(), 0);
});

test('without Leaflet the decision still stands, and the map says it could not load', async () => {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
    await context.route('**/*', (route) =>
      /leaflet-[0-9a-f]+\.js$/.test(route.request().url()) ? route.abort('failed') : route.continue(),
    );
    const { page, problems } = await openApp(browser, { context, url: BASE_URL });
    assert.ok(await page.locator('[data-testid="outcome"]').getAttribute('data-outcome'));
    await assert.doesNotReject(
      page.locator('[data-testid="map-panel"] .field-error').filter({ hasText: '地图程序库未能加载' }).waitFor({ timeout: WAIT_MS }),
    );
    assert.deepEqual(problems.filter((p) => /panicked|page error/.test(p)), []);
  } finally {
    await browser.close();
  }
});
