// Browser end-to-end tests of the consultation section: the draft against its
// baseline, the gaps report, a sensitivity sweep and the printable summary. Run through
// scripts/test (or BASE_URL=… node --test tests/e2e/compare.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { OUTPUT_DIR, WAIT_MS, expectOutcome, normalise, openTask, setParam, useApp } from './helpers.mjs';

const session = useApp();

async function open() {
  const app = await session.open();
  await openTask(app.page, 'review');
  await app.page
    .locator('[data-testid="review"]')
    .waitFor({ state: 'attached', timeout: WAIT_MS })
    .catch(() => assert.fail('the consultation section [data-testid="review"] did not appear'));
  return app;
}

async function openTab(page, id) {
  const tab = page.locator(`[data-testid="tab-${id}"]`);
  await tab.scrollIntoViewIfNeeded();
  await tab.click();
  await page.locator(`[data-testid="tab-${id}"][aria-selected="true"]`).waitFor({ state: 'attached', timeout: WAIT_MS });
}

test('a smaller radius lists the changed decision with baseline → draft outcomes and marks the baseline value', async () => {
  const { page } = await open();
  await expectOutcome(page, 'rejected', 'the sample application under the preset');
  await openTab(page, 'compare');
  await page.locator('[data-testid="compare"] [data-testid="compare-decisions-none"]').waitFor({ state: 'attached', timeout: WAIT_MS })
    .catch(() => assert.fail('with no change, the comparison should say no decision differs'));

  await setParam(page, 'service_radius_m', 500);
  await expectOutcome(page, 'prioritized', 'after setting service_radius_m to 500');

  const item = page.locator('[data-testid="compare"] [data-testid="compare-decisions"] li[data-app="a-1"]');
  await item.waitFor({ state: 'attached', timeout: WAIT_MS })
    .catch(() => assert.fail('the changed decision of a-1 should be listed under [data-testid="compare"] [data-testid="compare-decisions"]'));
  assert.equal(await item.getAttribute('data-baseline'), 'rejected');
  assert.equal(await item.getAttribute('data-draft'), 'prioritized');
  assert.equal(await item.getAttribute('data-rule'), 'pharmacy.same_type_nearby', 'the rule that changed it');
  const text = await item.innerText();
  assert.ok(text.includes('不予受理') && text.includes('优先纳入'), `the item shows both outcomes in Chinese: "${text}"`);
  // The rule that changed it is the pharmacy distance rule, clause 三(二) of linyi-2025.
  assert.ok(normalise(text).includes('三(二)'), `the item cites the rule's clause 三(二): "${text}"`);

  // The parameter row shows its baseline value; the comparison lists it with both values.
  const mark = page.locator('[data-testid="param-baseline-service_radius_m"]');
  await mark.waitFor({ state: 'attached', timeout: WAIT_MS })
    .catch(() => assert.fail('the radius row should show its baseline value [data-testid="param-baseline-service_radius_m"]'));
  assert.match(await mark.innerText(), /800/, 'the baseline radius is 800 m');
  const row = page.locator('[data-testid="compare"] [data-testid="compare-params"] tr[data-param="service_radius_m"]');
  assert.match(await row.locator('td[data-side="baseline"]').innerText(), /800/);
  assert.match(await row.locator('td[data-side="draft"]').innerText(), /500/);
  // Coverage shrinks: the figure shows both values and a negative difference.
  const fig = page.locator('[data-testid="compare"] [data-testid="compare-figures"] tr[data-figure="coverage.pharmacy"]');
  assert.ok(Number(await fig.getAttribute('data-draft')) < Number(await fig.getAttribute('data-baseline')),
    'pharmacy coverage at 500 m is below the baseline at 800 m');
  assert.match(await fig.locator('.review-diff').innerText(), /^−/, 'the difference is negative');
  const lost = Number(await page.locator('[data-testid="compare"] [data-testid="compare-cells"] tr[data-kind="pharmacy"]').getAttribute('data-lost'));
  assert.ok(lost > 0, 'cells lose pharmacy coverage');

  // The map's difference layer.
  await page.locator('[data-testid="cells-difference"]').check();
  await page.locator('[data-testid="map"][data-cells="difference"]').waitFor({ state: 'attached', timeout: WAIT_MS });
  const legend = await page.locator('[data-testid="legend-cells"]').innerText();
  assert.ok(legend.includes('失去覆盖'), `the legend names the cells that lose coverage: "${legend}"`);

  // "Set as baseline": the draft becomes the baseline and nothing differs any more.
  await page.locator('[data-testid="set-baseline"]').click();
  await page.locator('[data-testid="compare"] [data-testid="compare-decisions-none"]').waitFor({ state: 'attached', timeout: WAIT_MS })
    .catch(() => assert.fail('after "set as baseline" no decision should differ'));
  assert.equal(await page.locator('[data-testid="param-baseline-service_radius_m"]').count(), 0,
    'the radius equals the new baseline: no baseline mark');
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'compare-desktop.png'), fullPage: false });
});

test('the gaps report lists saturated pharmacy areas with clause, switch and counts', async () => {
  const { page } = await open();
  // Thresholds that make many areas "saturated": the text says nothing about new pharmacies there.
  await setParam(page, 'pharmacy_insufficient_below_per_10k', 0.2);
  await setParam(page, 'pharmacy_saturated_above_per_10k', 0.5);
  await openTab(page, 'gaps');
  const row = page.locator('[data-testid="gaps"] [data-testid="gaps-open"] tr[data-rule="pharmacy.area_class"][data-switch="saturated_pharmacy_area"]');
  await row.waitFor({ state: 'attached', timeout: WAIT_MS })
    .catch(async () => assert.fail(`the gaps report should list pharmacy.area_class; it shows: ${await page.locator('[data-testid="gaps"]').innerText()}`));
  const cells = Number(await row.getAttribute('data-cells'));
  assert.ok(cells > 0, `surface cells of the open gap: ${cells}`);
  const text = await row.innerText();
  assert.ok(text.includes('三(二)') || text.includes('三（二）'), `the row cites the clause 三(二): "${text}"`);
  assert.ok(text.includes(String(cells).replace(/\B(?=(\d{3})+(?!\d))/g, ',')), `the row shows the cell count ${cells}: "${text}"`);
  // Deciding the switch closes the gap: it moves to the readings.
  await page.locator('select[data-param="saturated_pharmacy_area"]').selectOption('fail');
  await page.locator('[data-testid="gaps"] [data-testid="gaps-readings"] tr[data-switch="saturated_pharmacy_area"], [data-testid="gaps"] [data-testid="gaps-none"]')
    .first().waitFor({ state: 'attached', timeout: WAIT_MS });
  assert.equal(await page.locator('[data-testid="gaps"] [data-testid="gaps-open"] tr[data-switch="saturated_pharmacy_area"]').count(), 0,
    'with the switch decided, the gap is no longer open');
});

test('a sweep over the radius draws a chart with the current value marked, and downloads CSV', async () => {
  const { page } = await open();
  await openTab(page, 'sweep');
  assert.equal(await page.locator('[data-testid="sweep-param"]').inputValue(), 'service_radius_m');
  assert.equal(await page.locator('[data-testid="sweep-lo"]').inputValue(), '200');
  assert.equal(await page.locator('[data-testid="sweep-hi"]').inputValue(), '2000');
  await page.locator('[data-testid="sweep-run"]').click();
  await page.locator('[data-testid="sweep-progress-text"][data-done="true"]').waitFor({ state: 'attached', timeout: WAIT_MS })
    .catch(() => assert.fail('the sweep did not finish'));
  const chart = page.locator('svg[data-testid="sweep-chart"]');
  assert.equal(await chart.getAttribute('data-points'), '19');
  const current = chart.locator('[data-testid="sweep-current"]');
  assert.equal(await current.getAttribute('data-value'), '800', 'the current radius is marked');
  assert.match(await current.locator('text').textContent(), /当前.*800/, 'the marker is labelled with the current value');
  // Every series has a point per value; coverage never falls as the radius grows.
  const ys = await chart.locator('[data-series="coverage"] circle').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('cy'))));
  assert.equal(ys.length, 19);
  for (let k = 1; k < ys.length; k++) assert.ok(ys[k] <= ys[k - 1] + 1e-6, 'coverage (up is smaller y) never falls');
  const text = await chart.textContent();
  assert.ok(text.includes('服务半径'), 'the x axis is labelled in Chinese');

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="sweep-csv"]').click()]);
  const file = path.join(OUTPUT_DIR, 'sweep.csv');
  await download.saveAs(file);
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync(file, 'utf8');
  assert.ok(csv.startsWith('\uFEFF'), 'the CSV starts with a BOM');
  assert.equal(csv.trim().split(/\r?\n/).length, 20, 'a header and 19 rows');
  const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="sweep-svg"]').click()]);
  assert.match(svg.suggestedFilename(), /\.svg$/);
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'sweep-desktop.png'), fullPage: false });
});

test('printing the summary twice, then the plan, leaves a clean console and the page as it was', async () => {
  const { page, problems } = await open();
  // A print dialog that closes at once, as the browser's does: then comes `afterprint`.
  await page.evaluate(() => {
    window.__printed = 0;
    window.print = () => {
      window.__printed += 1;
      window.dispatchEvent(new Event('afterprint'));
    };
  });
  for (const k of [1, 2]) {
    await page.locator('[data-testid="print-summary"]').click();
    await page.waitForFunction((k) => window.__printed === k, k, { timeout: WAIT_MS });
    await page.waitForFunction(() => !document.body.classList.contains('printing-summary'), null, { timeout: WAIT_MS });
  }
  // Any later print (the plan's) fires `afterprint` again.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.waitForTimeout(300);
  assert.deepEqual(problems, [], 'no error on the console');
});

test('printing shows the consultation summary alone, laid out for paper', async () => {
  const { page } = await open();
  await setParam(page, 'service_radius_m', 500);
  await expectOutcome(page, 'prioritized', 'after setting service_radius_m to 500');
  // The print dialog is not opened in a test: window.print is replaced before the click.
  await page.evaluate(() => {
    window.__printed = 0;
    window.print = () => { window.__printed += 1; };
  });
  await page.locator('[data-testid="print-summary"]').click();
  await page.waitForFunction(() => window.__printed === 1 && document.body.classList.contains('printing-summary'), null, { timeout: WAIT_MS });
  const summary = page.locator('[data-testid="print-summary-doc"]');
  assert.equal(await summary.isVisible(), false, 'on screen the summary stays hidden');
  await page.emulateMedia({ media: 'print' });
  await summary.waitFor({ state: 'visible', timeout: WAIT_MS });
  for (const col of ['.col-params', '.col-map', '.col-decision', '[data-testid="task-tabs"]']) {
    assert.equal(await page.locator(col).isVisible(), false, `the working surface is not printed (${col})`);
  }
  const text = await summary.innerText();
  assert.ok(text.includes('a-1'), 'the differing decision is in the summary');
  assert.match(text, /800/, 'the baseline radius is in the summary');
  assert.ok(await summary.locator('[data-testid="print-gaps"]').count() === 1, 'the gaps are in the summary');
  await page.pdf({ path: path.join(OUTPUT_DIR, 'summary.pdf'), format: 'A4' }).catch(() => {});
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'summary-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
});
