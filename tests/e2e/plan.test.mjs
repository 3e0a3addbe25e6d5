// Browser end-to-end tests of the plan panel: the annual acceptance plan (a row per county
// with its status, recomputed when a parameter changes), its CSV download and its print layout
// (one page per county), and suggested sites (numbered on the map, the K curve, greedy against
// random). Run through scripts/test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { OUTPUT_DIR, WAIT_MS, openTask, setParam, unfold, useApp } from './helpers.mjs';

const session = useApp();

async function open() {
  const app = await session.open();
  return app;
}

// The sample's three counties.
const COUNTIES = ['lanshan', 'luozhuang', 'hedong'];
const STATUSES = ['open', 'suspended', 'undetermined', 'closed'];

/** Opens the plan panel and waits for a finished plan; returns county → inpatient status. */
async function openPlan(page) {
  await openTask(page, 'plan');
  await unfold(page, 'plan-open');
  return planStatuses(page);
}

async function planStatuses(page) {
  await page
    .waitForSelector('[data-testid="plan-panel"][data-state="done"] [data-testid="plan-table"][data-fresh="true"]', {
      state: 'attached',
      timeout: WAIT_MS,
    })
    .catch(async () => {
      const st = await page.locator('[data-testid="plan-panel"]').getAttribute('data-state');
      assert.fail(`the plan did not finish within ${WAIT_MS} ms (panel state "${st}")`);
    });
  const rows = await page
    .locator('[data-testid="plan-table"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [tr.dataset.county, tr.dataset.inpatient]));
  return Object.fromEntries(rows);
}

test('the plan has a row per county with a status, and moves when the fund floor does', async () => {
  const { page, problems } = await open();
  const before = await openPlan(page);
  assert.deepEqual(Object.keys(before).sort(), [...COUNTIES].sort(), 'one row per county of the sample');
  for (const [county, status] of Object.entries(before)) {
    assert.ok(STATUSES.includes(status), `${county}: status "${status}"`);
  }
  // The sample: 罗庄区's measured beds are below the target (三(一)1①), the other two are open.
  assert.equal(before.lanshan, 'open');
  assert.equal(before.luozhuang, 'suspended');
  const lanshan = page.locator('[data-testid="plan-table"] tr[data-county="lanshan"]');
  assert.match(await lanshan.locator('[data-testid="plan-beds"]').getAttribute('data-beds'), /^\d+$/);
  const pharmacies = Number(await lanshan.locator('[data-testid="plan-pharmacies"]').getAttribute('data-count'));
  assert.ok(pharmacies > 0, 'some new pharmacy could be accepted in 兰山区');
  // The arithmetic is there on demand.
  await lanshan.locator('.plan-arith summary').click();
  assert.match(await lanshan.locator('.plan-arith p').innerText(), /1,837,789/);
  // 三(一)1(2) only says beds are allocated county by county: the allowance says it is the
  // simulator's arithmetic, what it compares, and the readings of the measured value.
  const reading = lanshan.locator('[data-testid="plan-beds-reading"]');
  assert.equal(await reading.getAttribute('data-assumption'), 'county_bed_allowance');
  assert.match(await reading.innerText(), /各县区基本医保定点床位数实行分县区配置管理/);
  assert.match(await lanshan.locator('[data-testid="plan-beds"] .reading-marks').getAttribute('data-readings'), /^county_bed_allowance bed_need_formula /);

  // The employee fund pays 14.2 months; a floor of 15 suspends every county (三(三)3).
  await setParam(page, 'employee_fund_min_months', 15);
  await page
    .waitForSelector('[data-testid="plan-table"][data-fresh="true"] tr[data-county="lanshan"][data-inpatient="suspended"]', {
      state: 'attached',
      timeout: WAIT_MS,
    })
    .catch(() => {});
  const after = await planStatuses(page);
  assert.equal(after.lanshan, 'suspended', 'a fund floor above the fund suspends 兰山区');
  assert.equal(await lanshan.locator('[data-testid="plan-inpatient"] [data-rule]').getAttribute('data-rule'), 'fund.months_below_minimum');
  assert.equal(await lanshan.locator('[data-testid="plan-pharmacies"]').getAttribute('data-count'), '0');
  assert.deepEqual(problems, []);
});

test('the plan downloads as CSV with a BOM, a row per county', async () => {
  const { page } = await open();
  await openPlan(page);
  const link = page.locator('[data-testid="plan-csv"]');
  assert.match(await link.getAttribute('download'), /\.csv$/);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: WAIT_MS }), link.click()]);
  assert.match(download.suggestedFilename(), /\.csv$/);
  const bytes = Array.from(readFileSync(await download.path()));
  assert.deepEqual(bytes.slice(0, 3), [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const text = new TextDecoder().decode(new Uint8Array(bytes.slice(3)));
  const lines = text.trim().split('\r\n');
  assert.equal(lines.length, 1 + COUNTIES.length);
  assert.ok(lines[0].startsWith('区县代码,区县,'), lines[0]);
  assert.ok(lines.some((l) => l.startsWith('luozhuang,罗庄区,') && l.includes('暂停受理')));
});

/** The files of a zip archive (an xlsx), read through its central directory: name → text. */
function unzipText(buf) {
  const files = new Map();
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd -= 1;
  assert.ok(eocd >= 0, 'a zip archive (end of central directory found)');
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = buf.readUInt16LE(eocd + 10); n > 0; n -= 1) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    files.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString('utf8'));
    p += 46 + nameLen + extra;
  }
  return files;
}

test('the plan downloads as an Excel workbook with a row per county', async () => {
  const { page } = await open();
  await openPlan(page);
  const link = page.locator('[data-testid="plan-xlsx"]');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: WAIT_MS }), link.click()]);
  assert.match(download.suggestedFilename(), /^年度受理计划-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const files = unzipText(readFileSync(await download.path()));
  const sheet = files.get('xl/worksheets/sheet1.xml');
  assert.ok(sheet, `a first worksheet (files: ${[...files.keys()].join(', ')})`);
  assert.equal((sheet.match(/<row /g) || []).length, 1 + COUNTIES.length, 'a header row and a row per county');
  const strings = files.get('xl/sharedStrings.xml') ?? sheet;
  for (const name of ['兰山区', '罗庄区', '河东区', '暂停受理']) assert.ok(strings.includes(name), name);
  assert.equal(await page.locator('[data-testid="plan-file-error"]').count(), 0);
});

test('the print view has one A4 page per county, only while printing the plan', async () => {
  const { page } = await open();
  await openPlan(page);
  const pages = page.locator('[data-testid="plan-print"] .plan-page');
  assert.equal(await pages.count(), COUNTIES.length);
  assert.deepEqual(await pages.evaluateAll((ps) => ps.map((p) => p.dataset.county)), COUNTIES);
  const first = pages.first();
  assert.match(await first.locator('h1').textContent(), /^《兰山区\d{4}年新增定点医药机构年度受理计划》$/);
  assert.match(await first.locator('.plan-page-sim').textContent(), /模拟/);
  assert.ok((await first.locator('.plan-page-clauses li').allTextContents()).includes('linyi-2025 四(一)'));
  // On screen the pages are not shown.
  assert.equal(await first.evaluate((p) => getComputedStyle(p.parentElement).display), 'none');

  // The Print button marks the body while the print dialog is open.
  await page.evaluate(() => {
    window.__printedWith = null;
    window.print = () => {
      window.__printedWith = document.body.className;
    };
  });
  await page.locator('[data-testid="plan-print-button"]').click();
  assert.match(await page.evaluate(() => window.__printedWith), /\bprinting-plan\b/);
  assert.doesNotMatch(await page.evaluate(() => document.body.className), /printing-plan/, 'removed after printing');

  await page.evaluate(() => document.body.classList.add('printing-plan'));
  await page.emulateMedia({ media: 'print' });
  const style = await pages.evaluateAll((ps) =>
    ps.map((p) => ({ shown: getComputedStyle(p.parentElement).display, after: getComputedStyle(p).breakAfter })),
  );
  assert.deepEqual(
    style.map((s) => s.after),
    ['page', 'page', 'auto'],
    'a page break after every county but the last',
  );
  assert.equal(style[0].shown, 'block');
  assert.equal(await page.locator('[data-testid="plan-print"]').isVisible(), true, 'the printout is on paper (no hidden ancestor)');
  for (const col of ['.col-params', '.col-map', '.col-decision', '[data-testid="task-tabs"]']) {
    assert.equal(await page.locator(col).evaluate((e) => getComputedStyle(e).display), 'none', `the app is not printed (${col})`);
  }
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'plan-print.png'), fullPage: true });
  // Printing without the class (another panel's print) leaves the plan out.
  await page.evaluate(() => document.body.classList.remove('printing-plan'));
  assert.equal(await first.evaluate((p) => getComputedStyle(p.parentElement).display), 'none');
  await page.emulateMedia({ media: 'screen' });
});

test('suggested sites: K = 3 numbered on the map, the curve, greedy at least random', async () => {
  const { page, problems } = await open();
  const k = page.locator('[data-testid="sites-k"]');
  await k.fill('3');
  await k.press('Tab');
  await page.locator('[data-testid="sites-run"]').click();
  await page.waitForSelector('[data-testid="sites-panel"][data-state="done"]', { state: 'attached', timeout: WAIT_MS });
  const markers = page.locator('[data-testid="map"] [data-testid="site-marker"]');
  // The panel's button is far below the map, which is drawn when it comes back near the screen.
  await page.locator('[data-testid="map"]').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="map"] [data-testid="site-marker"]').length === 3, null, { timeout: WAIT_MS })
    .catch(async () => assert.fail(`${await markers.count()} numbered sites on the map, not 3`));
  assert.deepEqual(await markers.evaluateAll((ms) => ms.map((m) => m.textContent).sort()), ['1', '2', '3']);
  // Zoomed out until they crowd, a number that would lie on an earlier one (or on the
  // application's pin) is skipped: a dot where it stands.
  await page.evaluate(() => window.__dingdianMap.setZoom(9, { animate: false }));
  await page.waitForFunction(() => document.querySelector('[data-testid="map"] .dd-site[data-crowded]'), null, { timeout: WAIT_MS });
  const numbered = await page.locator('[data-testid="map"] .leaflet-marker-icon.dd-site:not([data-crowded])').evaluateAll((els) =>
    els.map((e) => { const r = e.getBoundingClientRect(); return { n: e.textContent, l: r.left, t: r.top, r: r.right, b: r.bottom }; }),
  );
  assert.ok(numbered.length >= 1, `some site keeps its number: ${JSON.stringify(numbered)}`);
  for (const a of numbered) for (const b of numbered) {
    if (a.n < b.n) assert.ok(!(a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b), `sites ${a.n} and ${b.n} overlap with their numbers shown`);
  }
  await page.locator('[data-testid="map-fit"]').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="map"] .dd-site[data-crowded]'), null, { timeout: WAIT_MS });
  const chart = page.locator('[data-testid="sites-chart"]');
  assert.equal(await chart.locator('polyline[data-series="greedy"]').getAttribute('data-points'), '3');
  assert.equal(await chart.locator('polyline[data-series="random"]').getAttribute('data-points'), '3');
  // The curve starts at the origin and has a point per K.
  const pts = (await chart.locator('polyline[data-series="greedy"]').getAttribute('points')).trim().split(/\s+/);
  assert.equal(pts.length, 4);
  const greedy = Number(await page.locator('[data-testid="sites-greedy-total"]').getAttribute('data-value'));
  const random = Number(await page.locator('[data-testid="sites-random-total"]').getAttribute('data-value'));
  assert.ok(greedy > 0, 'the picks add covered residents');
  assert.ok(greedy >= random, `greedy ${greedy} ≥ random ${random}`);
  // Each pick's added residents sum to the greedy total.
  const added = await page.locator('[data-testid="sites-list"] li').evaluateAll((lis) => lis.map((li) => Number(li.dataset.added)));
  assert.equal(added.length, 3);
  assert.equal(added.reduce((a, b) => a + b, 0), greedy);
  assert.ok(added[0] >= added[1] && added[1] >= added[2], `greedy gains never grow: ${added}`);

  // A pick placed as an application is accepted (or prioritized) by the rules.
  await page.locator('[data-testid="sites-list"] li').first().locator('button').click();
  await page.waitForSelector('[data-testid="outcome"][data-outcome="accepted"], [data-testid="outcome"][data-outcome="prioritized"]', {
    state: 'attached',
    timeout: WAIT_MS,
  });
  await page.locator('[data-testid="sites-panel"]').screenshot({ path: path.join(OUTPUT_DIR, 'plan-sites.png') });

  // New parameters: the picks are out of date and leave the map.
  await setParam(page, 'service_radius_m', 500);
  await page.waitForSelector('[data-testid="sites-results"][data-stale="true"]', { state: 'attached', timeout: WAIT_MS });
  await page.locator('[data-testid="map"]').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => !document.querySelector('[data-testid="map"] [data-testid="site-marker"]'), null, { timeout: WAIT_MS })
    .catch(async () => assert.fail(`${await markers.count()} out-of-date sites still on the map`));
  assert.deepEqual(problems, []);
});
