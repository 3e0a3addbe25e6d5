// Browser tests of finding things without scrolling: parameters the preset does not use fold
// away behind a count, folded panels show that they fold and what they hold, and each gap of the
// gaps report leads to its switch. Run through scripts/test (or BASE_URL=… node --test
// tests/e2e/panels.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { OUTPUT_DIR, WAIT_MS, openTask, setParam, useApp } from './helpers.mjs';

const session = useApp();

test("under Xi'an's preset Linyi's bed parameters are hidden behind a count, and come back on request", async () => {
  const { page } = await session.open();
  const beds = page.locator('[data-param-row="target_beds_per_1000"]');
  await beds.waitFor({ state: 'attached', timeout: WAIT_MS });

  await page.selectOption('[data-testid="preset"]', 'xian-2025');
  await beds.waitFor({ state: 'detached', timeout: WAIT_MS })
    .catch(() => assert.fail("under xian-2025 Linyi's bed target should be hidden"));
  assert.equal(await page.locator('[data-param-row="between_band"]').count(), 0, 'a Linyi bed switch is hidden too');
  assert.equal(await page.locator('[data-param-row="service_radius_m"]').count(), 1, "Xi'an's own radius still shows");
  const note = page.locator('[data-testid="unused-params"]');
  const text = await note.innerText();
  const n = Number((text.match(/\d+/) || [])[0]);
  assert.ok(n > 0, `the note counts the hidden parameters: "${text}"`);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'params-xian-desktop.png'), fullPage: false });

  await note.locator('button').click();
  await beds.waitFor({ state: 'attached', timeout: WAIT_MS })
    .catch(() => assert.fail('"show them" should bring the hidden parameters back'));
});

test('the plan and the assessment open with their tab; the budget, long, stays folded; folded, each shows the fold marker and says what it holds', async () => {
  const { page } = await session.open();
  for (const [task, id, opens] of [['plan', 'plan-open', true], ['assess', 'assess-open', true], ['budget', 'budget-open', false]]) {
    await openTask(page, task);
    const summary = page.locator(`[data-testid="${id}"]`);
    await summary.waitFor({ state: 'attached', timeout: WAIT_MS });
    const marker = () => summary.evaluate((el) => getComputedStyle(el, '::before').content);
    // Choosing the tab is asking to see it: no second click (but for the long budget).
    assert.equal(await summary.evaluate((el) => el.parentElement.open), opens, `${id} is ${opens ? 'open' : 'folded'} when its tab is chosen`);
    assert.equal(await marker(), opens ? '"▾"' : '"▸"', `${id} shows the ${opens ? 'open' : 'folded'} marker`);
    await summary.scrollIntoViewIfNeeded();
    await summary.click();
    assert.equal(await marker(), opens ? '"▸"' : '"▾"', `${id}, clicked, shows the other marker`);
    const hint = (await summary.locator('[data-testid="fold-hint"]').innerText()).trim();
    assert.ok(hint.length > 4, `${id} says what it holds: "${hint}"`);
  }
});

test('a gap in the gaps report takes the reader to its switch', async () => {
  const { page } = await session.open();
  await setParam(page, 'pharmacy_insufficient_below_per_10k', 0.2);
  await setParam(page, 'pharmacy_saturated_above_per_10k', 0.5);
  await openTask(page, 'review');
  const tab = page.locator('[data-testid="tab-gaps"]');
  await tab.scrollIntoViewIfNeeded();
  await tab.click();
  const link = page.locator('[data-testid="gaps"] [data-testid="gaps-open"] tr[data-switch="saturated_pharmacy_area"] [data-switch-link="saturated_pharmacy_area"]');
  await link.waitFor({ state: 'attached', timeout: WAIT_MS })
    .catch(() => assert.fail('the open gap should name its switch as a link'));
  await link.click();
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-param') === 'saturated_pharmacy_area', null, { timeout: WAIT_MS })
    .catch(async () => assert.fail(`the switch's control should have the focus; it is on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))}`));
});
