// What dingdian promises about hostile content and failures (README "What dingdian promises"):
// the Content-Security-Policy is in force and the app runs under it, text a user or a file
// supplies is shown as text and never runs, and a panic leaves a message and a way back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WAIT_MS, useApp } from './helpers.mjs';

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

test('the page carries a Content-Security-Policy that forbids inline script and other origins', async () => {
  const { page, problems } = await open();
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content', { timeout: WAIT_MS })
    .catch(() => null);
  assert.ok(csp, 'index.html has no <meta http-equiv="Content-Security-Policy">');
  const directives = Object.fromEntries(
    csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
  );
  assert.deepEqual(directives['default-src'], ["'none'"], `default-src should be 'none': ${csp}`);
  const script = directives['script-src'] || [];
  assert.ok(!script.includes("'unsafe-inline'"), `script-src must not allow 'unsafe-inline': ${csp}`);
  assert.ok(!script.includes("'unsafe-eval'"), `script-src must not allow 'unsafe-eval': ${csp}`);
  assert.ok(
    script.every((s) => ["'self'", "'wasm-unsafe-eval'"].includes(s) || s.startsWith("'sha256-")),
    `script-src should allow only the app's own files, wasm and hashed scripts: ${script.join(' ')}`,
  );
  assert.deepEqual(directives['connect-src'], ["'self'", 'blob:'], `connect-src should be 'self' blob: only: ${csp}`);

  // The app itself runs under the policy without tripping it.
  await page.waitForTimeout(300);
  const violations = await page.evaluate(() => window.__cspViolations);
  const logged = problems.filter((p) => /Content Security Policy/i.test(p));
  assert.deepEqual([...violations, ...logged], [], 'the app violated its own Content-Security-Policy');

  // And the policy is really enforced: an inline script injected into the page does not run.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.appendChild(s);
    return window.__inlineRan === true;
  });
  assert.equal(ran, false, 'an injected inline script ran: the policy is not enforced');
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
