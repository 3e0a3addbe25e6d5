// What dingdian promises about hostile content and failures (README "What dingdian promises"):
// the Content-Security-Policy is in force and the app runs under it, text a user or a file
// supplies is shown as text and never runs, and a panic leaves a message and a way back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WAIT_MS, launchBrowser, openApp, useApp } from './helpers.mjs';

const session = useApp();

async function open(options) {
  const app = await session.open(options);
  // Every CSP violation the page reports, as "directive: blocked URI".
  await app.page.evaluate(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`),
    );
  });
  return app;
}

const HOSTILE = `<img src=x onerror="window.__pwned='img'"><script>window.__pwned='script'</script>`;

/** The tile servers the build allowed images from (scripts/csp.mjs, DINGDIAN_TILE_ORIGINS). */
const TILE_ORIGINS = (process.env.DINGDIAN_TILE_ORIGINS ?? 'https://tile.openstreetmap.org').trim().split(/\s+/).filter(Boolean);

test('the page carries the whole Content-Security-Policy, and the browser enforces it', async () => {
  const { page, problems } = await open();
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content', { timeout: WAIT_MS })
    .catch(() => null);
  assert.ok(csp, 'index.html has no <meta http-equiv="Content-Security-Policy">');
  const directives = Object.fromEntries(
    csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
  );
  const script = directives['script-src'] || [];
  const hashes = script.filter((s) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s));
  assert.ok(hashes.length >= 1, `script-src names Trunk's inline loader by its hash: ${csp}`);
  // Every directive, each exactly: nothing missing, nothing added, nothing loosened.
  assert.deepEqual(directives, {
    'default-src': ["'none'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'", ...hashes],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...TILE_ORIGINS],
    'connect-src': ["'self'", 'blob:'],
    'worker-src': ["'self'", 'blob:'],
    'font-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  }, `the policy is not the one promised: ${csp}`);

  // The app itself runs under the policy without tripping it.
  await page.waitForTimeout(300);
  const violations = await page.evaluate(() => window.__cspViolations);
  const logged = problems.filter((p) => /Content Security Policy/i.test(p));
  assert.deepEqual([...violations, ...logged], [], 'the app violated its own Content-Security-Policy');

  // And the browser enforces it: an inline script, an image from elsewhere, a plugin, a <base>
  // and a form sent elsewhere are each refused.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.appendChild(s);
    return window.__inlineRan === true;
  });
  assert.equal(ran, false, 'an injected inline script ran: the policy is not enforced');
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = 'https://example.com/pixel.png';
    document.body.appendChild(img);
    const obj = document.createElement('object');
    obj.data = '/favicon.ico';
    obj.type = 'application/x-shockwave-flash';
    document.body.appendChild(obj);
    const base = document.createElement('base');
    base.href = 'https://example.com/';
    document.head.appendChild(base);
    const form = document.createElement('form');
    form.action = '/elsewhere';
    form.method = 'get';
    form.target = '_self';
    document.body.appendChild(form);
    form.requestSubmit();
  });
  await page.waitForFunction(() => window.__cspViolations.length >= 4, null, { timeout: WAIT_MS }).catch(() => {});
  const refused = new Set((await page.evaluate(() => window.__cspViolations)).map((v) => v.split(':')[0]));
  for (const d of ['img-src', 'object-src', 'base-uri', 'form-action']) {
    assert.ok(refused.has(d), `the browser did not refuse on ${d}; violations: ${[...refused].join(', ') || '(none)'}`);
  }
  assert.ok(!page.url().includes('elsewhere'), 'the form was sent');
});

test('a page opened as a user opens it exposes no test hooks', async () => {
  // A browser of its own, without the switch every test page gets.
  const browser = await launchBrowser({ testHooks: false });
  try {
    const { page } = await openApp(browser);
    // Whatever the page has done by now: a map drawn, a decision made, an edit recomputed.
    await page.locator('input[data-field="name"]').first().fill('药店');
    await page.locator('input[data-field="name"]').first().press('Tab');
    await page.waitForSelector('[data-testid="map"] .leaflet-container', { timeout: WAIT_MS });
    await page.waitForTimeout(300);
    const hooks = await page.evaluate(() => Object.getOwnPropertyNames(window).filter((k) => k.startsWith('__dingdian')));
    assert.deepEqual(hooks, [], `a plain page carries test hooks: ${hooks.join(', ')}`);
  } finally {
    await browser.close();
  }
  // A test page has them: the check above is not looking in the wrong place.
  const { page } = await open();
  await page.waitForFunction(() => typeof window.__dingdianMap === 'object' && typeof window.__dingdianProvokePanic === 'function', null, { timeout: WAIT_MS })
    .catch(() => assert.fail('a test page has no window.__dingdianMap or __dingdianProvokePanic'));
});

test('a name with HTML and script in it is shown as text and never runs', async () => {
  const { page } = await open();
  const name = page.locator('input[data-field="name"]').first();
  await name.waitFor({ state: 'visible', timeout: WAIT_MS });
  await name.fill(HOSTILE);
  await name.press('Tab');
  await page.waitForTimeout(500);

  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'the hostile name ran code');
  assert.equal(await page.locator('img[src="x"]').count(), 0, 'the hostile name became an <img> element');
  const options = await page.locator('select[data-testid="application"] option').allInnerTexts();
  assert.ok(
    options.some((t) => t.includes('<img src=x')),
    `the name should appear literally (as text) in the application picker; options: ${options.join(' | ')}`,
  );
});

test('a panic shows a message with a way back instead of a frozen page', async () => {
  const { page } = await open();
  const hasProbe = await page.evaluate(() => typeof window.__dingdianProvokePanic === 'function');
  assert.ok(hasProbe, 'window.__dingdianProvokePanic is missing');
  await page.evaluate(() => {
    try {
      window.__dingdianProvokePanic();
    } catch {
      // a release build aborts: the trap surfaces here after the panic hook has run
    }
  });
  const box = page.locator('#fatal-error');
  await box.waitFor({ state: 'visible', timeout: WAIT_MS }).catch(() => assert.fail('no visible #fatal-error after a panic'));
  const text = await box.innerText();
  assert.ok(text.includes('出错了') && text.includes('Something went wrong'), `the message should be bilingual: ${text}`);
  assert.ok(text.includes('__dingdianProvokePanic'), `the message should carry the panic's text: ${text}`);
  const reload = page.locator('#fatal-error button');
  assert.ok(await reload.isVisible(), 'the message has no reload button');

  await Promise.all([page.waitForEvent('load', { timeout: WAIT_MS }), reload.click()]);
  await page
    .waitForSelector('[data-testid="outcome"]', { state: 'attached', timeout: WAIT_MS })
    .catch(() => assert.fail('after the reload button the app did not come back'));
  assert.equal(await page.locator('#fatal-error').isVisible(), false, 'the message is still shown after reload');
});

test('a hostile base-map attribution is shown as text and never runs', async () => {
  const { page } = await open();
  await page.locator('[data-testid="basemap"] summary').click();
  // A local tile address (nothing may leave the local server): the tiles 404, which is enough.
  await page.locator('#basemap-url').fill(`${new URL(page.url()).origin}/no-such-tiles/{z}/{x}/{y}.png`);
  await page.locator('#basemap-url').press('Tab');
  await page.locator('#basemap-attribution').fill(HOSTILE);
  await page.locator('#basemap-attribution').press('Tab');
  await page.locator('[data-testid="basemap-on"]').check();
  const attribution = page.locator('[data-testid="map"] .leaflet-control-attribution');
  await page.waitForFunction(() => document.querySelector('[data-testid="map"] .leaflet-control-attribution')?.textContent.includes('<img'), null, { timeout: WAIT_MS })
    .catch(async () => assert.fail(`the attribution does not show the text as typed: ${await attribution.innerText().catch(() => '(none)')}`));
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'the attribution ran code');
  assert.equal(await page.locator('img[src="x"]').count(), 0, 'the attribution became an <img>');
  assert.equal(await attribution.locator('script').count(), 0, 'the attribution became a <script>');
});
