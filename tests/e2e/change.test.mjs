// The line under the header that says what each edit changed (against the state before it and
// against the baseline), and undo/redo by buttons and keys. At a bureau desk: 1440×900.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { OUTPUT_DIR, WAIT_MS, setParam, useApp } from './helpers.mjs';

const session = useApp();

const line = (page) => page.locator('[data-testid="change-line"]');
const previous = (page) => page.locator('[data-testid="change-previous"]');
const baseline = (page) => page.locator('[data-testid="change-baseline"]');
const paramValue = (page, name) => page.locator(`input[type=number][data-param="${name}"]`).inputValue();

async function desk() {
  const { page, context } = await session.open();
  await page.setViewportSize({ width: 1440, height: 900 });
  return { page, context };
}

/** Waits until the line's "this edit" row holds `text`; the error shows what it said. */
async function expectPrevious(page, text, why) {
  try {
    await previous(page).filter({ hasText: text }).waitFor({ timeout: WAIT_MS });
  } catch {
    assert.fail(`${why}: the line should say "${text}"; it says "${await previous(page).innerText().catch(() => '(nothing)')}"`);
  }
}

/** The line is on the first screen, wherever the page is scrolled to. */
async function inView(page, name) {
  const box = await line(page).boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 900, `the line is on the screen (${JSON.stringify(box)})`);
  mkdirSync(OUTPUT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(OUTPUT_DIR, `change-${name}.png`) });
}

test('each edit says what it changed, against the previous state and the baseline', async () => {
  const { page } = await desk();
  await line(page).waitFor({ timeout: WAIT_MS });
  assert.equal(await page.locator('[data-testid="undo"]').isDisabled(), true, 'nothing to undo on opening');
  assert.equal(await page.locator('[data-testid="redo"]').isDisabled(), true);
  assert.equal(await line(page).locator('[aria-live="polite"]').count(), 1, 'a screen reader hears it');

  // The beds target 7.45 → 7.4 changes no decision and no coverage, and the line says so.
  await setParam(page, 'target_beds_per_1000', 7.4);
  await expectPrevious(page, '判定无变化', 'after the beds target 7.4');
  await expectPrevious(page, '覆盖率不变', 'after the beds target 7.4');

  // On to 7.0 (one step with 7.4, measured from 7.45): 罗庄区's measured value (about 7.2 per
  // 1,000) lies between the two, so the lower target opens it, and the line names it and the
  // decisions that changed.
  await setParam(page, 'target_beds_per_1000', 7.0);
  await expectPrevious(page, '住院受理开放：罗庄区', 'after the beds target 7.0');
  await expectPrevious(page, '项判定改变', 'after the beds target 7.0');
  await previous(page).locator('[data-part="opened"][title*="inpatient acceptance opened"]').waitFor();
  await baseline(page).locator('[data-part="opened"]').filter({ hasText: '罗庄区' }).waitFor();
  await inView(page, 'beds-7.0');

  // The radius 800 → 500 m: pharmacy coverage before → after, a lower figure after.
  await setParam(page, 'service_radius_m', 500);
  await expectPrevious(page, '覆盖：药店', 'after the radius 500 m');
  const cov = await previous(page).locator('[data-part="coverage"] .main').innerText();
  const m = cov.match(/药店 ([\d.]+)% → ([\d.]+)%/);
  assert.ok(m, `pharmacy coverage before → after in "${cov}"`);
  assert.ok(Number(m[2]) < Number(m[1]), `a smaller radius covers fewer residents: "${cov}"`);
  // Against the baseline the county opened by the lower target is still open, and the coverage is the radius's.
  await baseline(page).locator('[data-part="opened"]').filter({ hasText: '罗庄区' }).waitFor();
  await baseline(page).locator('[data-part="coverage"]').filter({ hasText: `药店 ${m[1]}% → ${m[2]}%` }).waitFor();
  await inView(page, 'radius-500');

  // The changed decisions are one click away.
  const decisions = previous(page).locator('details.chg-decisions');
  if (await decisions.count()) {
    await decisions.locator('summary').click();
    assert.ok((await decisions.locator('li').count()) > 0, 'the list of changed decisions opens');
    await decisions.locator('summary').click();
  }
});

test('undo and redo bring back the parameter and the line, by buttons and by keys', async () => {
  const { page } = await desk();
  await setParam(page, 'target_beds_per_1000', 6.5);
  await expectPrevious(page, '住院受理开放：罗庄区', 'after the beds target 6.5');
  await setParam(page, 'service_radius_m', 500);
  await expectPrevious(page, '覆盖：药店', 'after the radius 500 m');

  // The button: the radius comes back, and the line is the beds edit's again.
  await page.locator('[data-testid="undo"]').click();
  await expectPrevious(page, '住院受理开放：罗庄区', 'after undo');
  assert.equal(await paramValue(page, 'service_radius_m'), '800');
  assert.equal(await paramValue(page, 'target_beds_per_1000'), '6.5');
  assert.equal(await page.locator('[data-testid="redo"]').isDisabled(), false, 'what was undone can be redone');

  // Ctrl+Z on the page (not in a text field): the beds target too.
  await page.locator('[data-testid="change-line"]').click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('Control+z');
  await page.waitForFunction(
    () => document.querySelector('input[type=number][data-param="target_beds_per_1000"]')?.value === '7.45',
    null,
    { timeout: WAIT_MS },
  );
  assert.equal(await page.locator('[data-testid="undo"]').isDisabled(), true, 'back at the start');
  await expectPrevious(page, '修改参数、数据或申请后', 'at the start, the hint');

  // Ctrl+Shift+Z and the button redo both edits.
  await page.keyboard.press('Control+Shift+Z');
  await expectPrevious(page, '住院受理开放：罗庄区', 'after redo');
  assert.equal(await paramValue(page, 'target_beds_per_1000'), '6.5');
  await page.locator('[data-testid="redo"]').click();
  await expectPrevious(page, '覆盖：药店', 'after the second redo');
  assert.equal(await paramValue(page, 'service_radius_m'), '500');
  assert.equal(await page.locator('[data-testid="redo"]').isDisabled(), true);

  // Inside a number field Ctrl+Z is the browser's own: the app's history stays.
  const input = page.locator('input[type=number][data-param="service_radius_m"]');
  await input.focus();
  await page.keyboard.press('Control+z');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('[data-testid="redo"]').isDisabled(), true, 'no undo of the app from inside a field');

  // Autosave follows the state shown after an undo: a reload opens it.
  const saved = () => page.evaluate(() => localStorage.getItem('dingdian.work'));
  const before = await saved();
  await page.locator('[data-testid="undo"]').click();
  await expectPrevious(page, '住院受理开放：罗庄区', 'after the last undo');
  await page.waitForFunction((b) => localStorage.getItem('dingdian.work') !== b, before, { timeout: WAIT_MS });
  await page.reload();
  await page.locator('[data-testid="outcome"]').waitFor({ state: 'attached', timeout: WAIT_MS });
  assert.equal(await paramValue(page, 'service_radius_m'), '800', 'the undone radius is not what was saved');
  assert.equal(await paramValue(page, 'target_beds_per_1000'), '6.5');
});

test('the comparison lists the counties a draft opens, and two presets compare side by side', async () => {
  const { page } = await desk();
  await setParam(page, 'target_beds_per_1000', 6.5);
  await expectPrevious(page, '住院受理开放：罗庄区', 'after the beds target 6.5');
  // The line's link leads to the full comparison, which names the county and both statuses.
  await page.locator('[data-testid="change-compare-link"]').click();
  const row = page.locator('[data-testid="compare-counties"] tr[data-county="罗庄区"]');
  await row.waitFor({ timeout: WAIT_MS });
  assert.equal(await row.getAttribute('data-after'), 'open');
  assert.notEqual(await row.getAttribute('data-before'), 'open');

  // Linyi's preset against Xi'an's on the sample: a result with both presets' names.
  const box = page.locator('[data-testid="preset-compare"]');
  await box.scrollIntoViewIfNeeded();
  const options = await box.locator('[data-testid="preset-b"] option').evaluateAll((os) => os.map((o) => o.textContent));
  const xian = options.findIndex((o) => o.includes('西安'));
  assert.ok(xian >= 0, `a Xi'an preset to compare with: ${options.join(', ')}`);
  await box.locator('[data-testid="preset-b"]').selectOption(String(xian));
  await box.locator('[data-testid="preset-compare-run"]').click();
  const result = box.locator('[data-testid="preset-compare-result"]');
  await result.waitFor({ timeout: WAIT_MS });
  assert.equal(await result.getAttribute('data-b'), String(xian));
  const figures = await result.locator('[data-testid="preset-compare-figures"] tr[data-figure]').count();
  const decisions = await result.locator('[data-testid="preset-compare-decisions"] tbody tr').count();
  assert.ok(figures + decisions > 0, 'the two presets differ somewhere on the sample');
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'change-presets.png') });
});
