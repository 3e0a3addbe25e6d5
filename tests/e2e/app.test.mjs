// Browser end-to-end tests of the built app (dist/), served by scripts/test at BASE_URL and
// driven in Debian's chromium by playwright-core. Run: scripts/test (or, with a server
// already up, BASE_URL=http://127.0.0.1:8080/ node --test tests/e2e/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL,
  WAIT_MS,
  allRequests,
  expectOutcome,
  isLocalUrl,
  normalise,
  outcomeOf,
  setParam,
  traceItem,
  traceRules,
  useApp,
} from './helpers.mjs';

const session = useApp();

async function open(options) {
  const app = await session.open(options);
  return app;
}

test('the app loads and rejects the default application on pharmacy distance (三(二))', async () => {
  const { page, problems } = await open({ screenshot: 'first-load' });

  const bodyText = (await page.locator('body').innerText()).trim();
  assert.ok(bodyText.length > 0, 'the page is blank');

  await expectOutcome(page, 'rejected', 'the default application should be rejected');

  const li = page.locator(traceItem('pharmacy.same_type_nearby', 'fail'));
  await li
    .waitFor({ state: 'attached', timeout: WAIT_MS })
    .catch(async () =>
      assert.fail(
        'the trace has no li[data-rule="pharmacy.same_type_nearby"][data-verdict="fail"]; ' +
          `its rules are: ${(await traceRules(page)).join(', ') || '(none)'}`,
      ),
    );
  const text = normalise(await li.innerText());
  assert.ok(text.includes('565.7'), `the failing distance rule should give 565.7 (m) to the nearest same-type pharmacy; its text: "${text}"`);
  assert.ok(text.includes('三(二)'), `the failing distance rule should cite clause 三(二); its text: "${text}"`);

  const panics = problems.filter((p) => p.includes('panicked'));
  assert.deepEqual(panics, [], 'the app panicked');
});

test('a 500 m service radius turns the outcome to prioritized and the distance rule to pass', async () => {
  const { page } = await open();
  await expectOutcome(page, 'rejected', 'before the change');

  await setParam(page, 'service_radius_m', 500);

  await expectOutcome(page, 'prioritized', 'after setting service_radius_m to 500');
  const passing = page.locator(traceItem('pharmacy.same_type_nearby', 'pass'));
  await passing
    .waitFor({ state: 'attached', timeout: WAIT_MS })
    .catch(async () =>
      assert.fail(
        'after setting service_radius_m to 500, expected pharmacy.same_type_nearby to pass; ' +
          `the trace is: ${(await traceRules(page)).join(', ') || '(none)'}`,
      ),
    );
  // The application's nearest institutions are marked within the new radius or not, and the
  // list's heading says which radius.
  const rows = () =>
    page.locator('[data-testid="nearby"] li').evaluateAll((lis) => lis.map((li) => [Number(li.dataset.distanceM.replace(/,/g, '')), li.dataset.within]));
  await page.waitForFunction(() => /r = 500\b/.test(document.querySelector('.nearby-radius')?.textContent ?? ''), null, { timeout: WAIT_MS })
    .catch(async () => assert.fail(`the nearest institutions' heading says ${await page.locator('.nearby-radius').textContent()}`));
  const marked = await rows();
  assert.ok(marked.some(([d]) => d > 500 && d <= 800), `an institution between 500 and 800 m: ${JSON.stringify(marked)}`);
  for (const [d, within] of marked) assert.equal(within, String(d <= 500), `an institution ${d} m away, within 500 m: ${within}`);
});

test('a refused service radius shows a parameter error and the previous radius stays in force', async () => {
  const { page } = await open();
  await expectOutcome(page, 'rejected', 'before the change');
  // The nearest same-type pharmacy is 565.7 m away: inside 800 m (rejected), outside 500 m.
  await setParam(page, 'service_radius_m', 500);
  await expectOutcome(page, 'prioritized', 'after setting service_radius_m to 500');

  // Both refused values would change the decision if they were applied: 25,000 m (above the
  // range) would reject again, 49 m (below it) would accept: each is tried from the other side.
  await setParam(page, 'service_radius_m', 25000);
  const error = page.locator('[data-testid="param-error-service_radius_m"]');
  await error
    .waitFor({ state: 'visible', timeout: WAIT_MS })
    .catch(() => assert.fail('service_radius_m = 25000 should show [data-testid="param-error-service_radius_m"]'));
  assert.match(await error.innerText(), /50/, 'the message gives the range');
  await page.waitForTimeout(500);
  assert.equal(await outcomeOf(page), 'prioritized', 'a refused 25,000 m must not be applied: 500 m stays in force');
  // The work kept is the one with 500 m: a reload (which saves on leaving) opens it.
  await page.reload();
  await expectOutcome(page, 'prioritized', 'after a reload, 500 m is still the radius in force');
  assert.equal(await page.locator('input[type=number][data-param="service_radius_m"]').inputValue(), '500', 'the radius kept is 500 m');

  // A value in range is applied again, and clears the message.
  await setParam(page, 'service_radius_m', 800);
  await expectOutcome(page, 'rejected', 'after setting service_radius_m back to 800');
  await error.waitFor({ state: 'detached', timeout: WAIT_MS });
  await setParam(page, 'service_radius_m', 49);
  await error.waitFor({ state: 'visible', timeout: WAIT_MS }).catch(() => assert.fail('service_radius_m = 49 should show the parameter error'));
  await page.waitForTimeout(500);
  assert.equal(await outcomeOf(page), 'rejected', 'a refused 49 m must not be applied: 800 m stays in force');
});

test('switching the preset to xian-2025 changes the rules applied', async () => {
  const { page } = await open();
  const beforeRules = await traceRules(page);
  assert.ok(
    beforeRules.some((r) => r.startsWith('pharmacy.area_class=')),
    `the default preset's trace should include pharmacy.area_class; it is: ${beforeRules.join(', ')}`,
  );

  const select = page.locator('select[data-testid="preset"]');
  await select.waitFor({ state: 'visible', timeout: WAIT_MS }).catch(() => {
    throw new Error(`no visible select[data-testid="preset"] within ${WAIT_MS} ms`);
  });
  await select.selectOption('xian-2025');

  await page
    .locator(traceItem('outpatient_pharmacy.no_new'))
    .waitFor({ state: 'attached', timeout: WAIT_MS })
    .catch(async () =>
      assert.fail(
        'with preset xian-2025 the trace should include outpatient_pharmacy.no_new; it is: ' +
          `${(await traceRules(page)).join(', ') || '(none)'}`,
      ),
    );
  await page
    .locator(traceItem('pharmacy.area_class'))
    .waitFor({ state: 'detached', timeout: WAIT_MS })
    .catch(() => assert.fail('with preset xian-2025 the trace should no longer include pharmacy.area_class'));
  const afterRules = await traceRules(page);
  assert.notDeepEqual(afterRules, beforeRules, 'the trace did not change with the preset');
});

test('no request leaves the local server', async () => {
  // A fresh load, exercised a little, plus everything the tests above requested.
  const { page } = await open();
  await setParam(page, 'service_radius_m', 500).catch(() => {});
  await page.waitForLoadState('networkidle', { timeout: WAIT_MS }).catch(() => {});

  assert.ok(allRequests.length > 0, 'no requests were recorded at all');
  const outside = [...new Set(allRequests.filter((u) => !isLocalUrl(u)))];
  assert.deepEqual(
    outside,
    [],
    `requests went (or tried to go) to somewhere other than ${BASE_URL}: ${outside.join(', ')}`,
  );
});
