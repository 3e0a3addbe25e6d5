// Browser end-to-end tests of import and export in the app: importing files (the file input), the
// column-mapping dialog and its remembered mapping, cancelling a large import, the results table
// (sort, filter, selection that the map follows), the CSV export's BOM, hostile names from a
// file shown as text, and the time 100,000 rows take (reported, never asserted).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OUTPUT_DIR, WAIT_MS, openTask, setParam, useApp } from './helpers.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'import');

const session = useApp();
// Import and the results table are the task 导入与批量结果 under the map.
const open = async (options) => {
  const app = await session.open(options);
  await openTask(app.page, 'io');
  return app;
};

/** Chooses what the file holds and its coordinate system, picks the file and starts the import. */
async function importFile(page, file, { what = 'institutions', crs = 'wgs84', merge } = {}) {
  await page.locator('[data-testid="import-what"]').selectOption(what);
  await page.locator('[data-testid="import-crs"]').selectOption(crs);
  await page.locator('[data-testid="import-file"]').setInputFiles(file);
  await page.waitForSelector('[data-testid="import-panel"][data-state="ready"]', { timeout: WAIT_MS });
  if (merge) await page.locator(`[data-testid="import-${merge}"]`).check();
  await page.locator('[data-testid="import-start"]').click();
}

async function waitDone(page, ms = WAIT_MS) {
  await page
    .waitForSelector('[data-testid="import-panel"][data-state="done"]', { timeout: ms })
    .catch(async () => {
      const st = await page.locator('[data-testid="import-panel"]').getAttribute('data-state');
      const text = await page.locator('[data-testid="import-panel"]').innerText();
      assert.fail(`the import did not finish (panel state "${st}"): ${text.slice(0, 400)}`);
    });
}

const csvFile = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

/** `n` applications near the sample's centre, of mixed kinds, so their outcomes differ. */
function applicationsCsv(n) {
  const kinds = ['零售药店', '诊所', '零售药店', '综合医院', '卫生院'];
  let s = '申请编号,申请机构名称,类型,类别,申请类型,经度,纬度,执业药师数,运营月数\n';
  for (let k = 0; k < n; k++) {
    const lon = (118.30 + ((k * 37) % 100) * 0.0012).toFixed(6);
    const lat = (35.02 + ((k * 53) % 100) * 0.0008).toFixed(6);
    const kind = kinds[k % kinds.length];
    const cat = kind === '零售药店' ? '普通' : '';
    s += `A${String(k + 1).padStart(3, '0')},申请${k + 1},${kind},${cat},新增,${lon},${lat},${k % 3},${(k % 24) + 1}\n`;
  }
  return s;
}

test('the first load does not fetch the file worker; the first import does', async () => {
  const { page, requests } = await open();
  const io = () => requests.filter((u) => /\/dingdian-io[^/]*$/.test(new URL(u).pathname));
  assert.deepEqual(io(), [], 'the file worker is not loaded with the page');
  await importFile(page, path.join(FIXTURES, 'institutions-utf8-bom.csv'));
  await waitDone(page);
  const loaded = io().map((u) => new URL(u).pathname.split('/').pop());
  assert.ok(loaded.includes('dingdian-io_loader.js'), `the worker was started at the import: ${loaded.join(', ')}`);
  assert.ok(Number(await page.locator('[data-testid="import-report"]').getAttribute('data-imported')) > 0, 'the rows came back from it');
});

test('the GBK list imports through the file input: rows counted, bad rows listed with row and reason', async () => {
  const { page, problems } = await open();
  await importFile(page, path.join(FIXTURES, 'pharmacies-gbk.csv'), { crs: 'gcj02' });
  await waitDone(page);
  const report = page.locator('[data-testid="import-report"]');
  assert.equal(await report.getAttribute('data-read'), '12', 'twelve data rows under the title and header');
  assert.equal(await report.getAttribute('data-imported'), '5');
  assert.equal(await report.getAttribute('data-refused'), '7');
  const summary = await page.locator('[data-testid="import-summary"]').innerText();
  assert.ok(summary.includes('读取 12 行') && summary.includes('GB18030'), `summary: ${summary}`);
  // Row 10 has 暂无 for its longitude.
  const row10 = await page.locator('[data-testid="import-issues"] tr[data-row="10"]').innerText();
  assert.ok(row10.includes('10') && row10.includes('经度') && row10.includes('不是数字'), `row 10: ${row10}`);
  const row12 = await page.locator('[data-testid="import-issues"] tr[data-row="12"]').innerText();
  assert.ok(row12.includes('本市范围'), `the row geocoded in Beijing is outside the city: ${row12}`);
  // The data shown is now the imported data set, and says so.
  assert.equal(await page.locator('[data-testid="dataset"]').inputValue(), 'imported');
  assert.equal(await page.locator('[data-testid="sample-banner"]').getAttribute('data-dataset'), 'imported');
  assert.ok((await page.locator('[data-testid="sample-banner"]').innerText()).includes('导入的数据'));
  // The issues download has every issue, with the BOM.
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: WAIT_MS }),
    page.locator('[data-testid="import-issues-csv"]').click(),
  ]);
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the issues CSV starts with the UTF-8 BOM');
  assert.equal(bytes.toString('utf8').trim().split('\n').length, 8, 'a header and seven issues');
  // The other data sets are still there, as they were.
  await page.locator('[data-testid="dataset"]').selectOption('sample');
  await page.waitForSelector('[data-testid="sample-banner"][data-dataset="sample"]', { timeout: WAIT_MS });
  assert.deepEqual(problems.filter((p) => !p.includes('favicon')), []);
});

test('unknown headers open the mapping dialog; the mapping is remembered for the next file', async () => {
  const { page } = await open();
  const file = '甲,乙,丙,丁\n兰山药店,118.33,35.06,零售药店\n罗庄诊所,118.30,35.00,诊所\n';
  await importFile(page, csvFile('odd-headers.csv', file));
  const dialog = page.locator('[data-testid="mapping-dialog"]');
  await dialog.waitFor({ state: 'visible', timeout: WAIT_MS });
  assert.equal(await dialog.getAttribute('role'), 'dialog');
  // Every column's select has a label (the header) and the focus is in the dialog.
  assert.equal(await page.locator('label[for="mapping-col-1"]').innerText(), '乙');
  assert.ok(await page.evaluate(() => !!document.activeElement.closest('[data-testid="mapping-dialog"]')), 'focus is in the dialog');
  await mkdirSync(OUTPUT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'import-mapping-desktop.png') });
  const pick = (header, field) => page.locator(`select[data-testid="mapping-field"][data-header="${header}"]`).selectOption(field);
  await pick('甲', 'name');
  await pick('乙', 'lon');
  await pick('丙', 'lat');
  await pick('丁', 'kind');
  // Keyboard: the apply button is a submit button, Enter on a select submits the form.
  await page.locator('[data-testid="mapping-apply"]').focus();
  await page.keyboard.press('Enter');
  await waitDone(page);
  assert.equal(await page.locator('[data-testid="import-report"]').getAttribute('data-imported'), '2');

  // The next list of the same bureau, with a title row above the same header: no dialog.
  const next = '兰山区药店名单,,,\n甲,乙,丙,丁\n河东药店,118.41,35.09,零售药店\n';
  await importFile(page, csvFile('odd-headers-2.csv', next), { merge: 'upsert' });
  await waitDone(page);
  assert.equal(await page.locator('[data-testid="mapping-dialog"]').count(), 0, 'the remembered mapping is used');
  assert.equal(await page.locator('[data-testid="import-report"]').getAttribute('data-imported'), '1');
});

test('cancelling a large import keeps the data as it was', async () => {
  const { page } = await open();
  let s = '编号,名称,类型,经度,纬度\n';
  for (let k = 0; k < 150_000; k++) s += `C${k},药店${k},零售药店,${(118.3 + (k % 997) * 0.0001).toFixed(6)},${(35.03 + (k % 991) * 0.0001).toFixed(6)}\n`;
  await importFile(page, csvFile('big.csv', s));
  await page.waitForSelector('[data-testid="import-cancel"]', { timeout: WAIT_MS });
  await page.locator('[data-testid="import-cancel"]').click();
  await page.waitForSelector('[data-testid="import-panel"][data-state="cancelled"]', { timeout: WAIT_MS });
  const said = page.locator('[data-testid="import-cancelled"]');
  await said.waitFor({ state: 'visible', timeout: WAIT_MS }).catch(() => assert.fail('a cancelled import says so'));
  assert.match(await said.innerText(), /已取消导入.*数据保持不变/, 'the message says the import was cancelled and the data kept');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('[data-testid="dataset"]').inputValue(), 'sample', 'still the sample');
  assert.equal(await page.locator('[data-testid="dataset"] option[value="imported"]').count(), 0, 'no imported data set');
  assert.equal(await page.locator('[data-testid="sample-banner"]').getAttribute('data-dataset'), 'sample');
});

test('a file that cannot be read says why and leaves the data and the edits as they were', async () => {
  const { page } = await open();
  await setParam(page, 'service_radius_m', 500);
  const outcome = await page.locator('[data-testid="outcome"]').getAttribute('data-outcome');
  // Looks like a workbook (the zip signature), is not one.
  const broken = { name: '定点名单.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 not really a workbook', 'latin1') };
  await page.locator('[data-testid="import-what"]').selectOption('institutions');
  await page.locator('[data-testid="import-file"]').setInputFiles(broken);
  // Refused when the file is read, or when the import starts.
  await page.waitForSelector('[data-testid="import-panel"]:is([data-state="ready"], [data-state="failed"])', { timeout: WAIT_MS });
  if ((await page.locator('[data-testid="import-panel"]').getAttribute('data-state')) === 'ready') {
    await page.locator('[data-testid="import-start"]').click();
  }
  await page.waitForSelector('[data-testid="import-panel"][data-state="failed"]', { timeout: WAIT_MS });
  const message = (await page.locator('[data-testid="import-error"]').innerText()).trim();
  assert.match(message, /不是可读取的 Excel 工作簿/, `the message says what was wrong with the file: ${message}`);
  assert.equal(await page.locator('[data-testid="dataset"]').inputValue(), 'sample', 'still the sample');
  assert.equal(await page.locator('input[type=number][data-param="service_radius_m"]').inputValue(), '500', 'the edit is kept');
  assert.equal(await page.locator('[data-testid="outcome"]').getAttribute('data-outcome'), outcome, 'the decision is unchanged');
});

test('a file over the size limit is refused by its size before it is read, the data kept', async () => {
  const { page } = await open();
  // Sparse: 101 MB on paper, nothing on disk; the browser is handed the path, not the bytes.
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const file = path.join(OUTPUT_DIR, 'institutions-101mb.csv');
  const fd = openSync(file, 'w');
  ftruncateSync(fd, 101 * 1024 * 1024);
  closeSync(fd);
  await page.locator('[data-testid="import-what"]').selectOption('institutions');
  await page.locator('[data-testid="import-file"]').setInputFiles(file);
  await page.waitForSelector('[data-testid="import-panel"][data-state="failed"]', { timeout: WAIT_MS })
    .catch(async () => assert.fail(`a 101 MB file is refused, the panel is "${await page.locator('[data-testid="import-panel"]').getAttribute('data-state')}"`));
  const message = (await page.locator('[data-testid="import-error"]').innerText()).trim();
  assert.match(message, /institutions-101mb\.csv.*101\.0 MB.*100\.0 MB/, `the message names the file, its size and the limit: ${message}`);
  assert.equal(await page.locator('[data-testid="dataset"]').inputValue(), 'sample', 'still the sample');
  unlinkSync(file);
});

test('imported applications are decided at once: sort, filter, select a row and the map follows', async () => {
  const { page } = await open();
  await importFile(page, csvFile('applications.csv', applicationsCsv(60)), { what: 'applications' });
  await waitDone(page);
  const table = page.locator('[data-testid="results-table"]');
  await table.waitFor({ state: 'visible', timeout: WAIT_MS });
  assert.equal(await table.locator('tbody tr').count(), 50, 'fifty rows a page');
  assert.equal(await page.locator('[data-testid="results-page"]').innerText(), '1 / 2');

  // Sort by distance: ascending, then descending.
  await page.locator('[data-testid="sort-nearest"]').click();
  assert.equal(await page.locator('th[data-col="nearest"]').getAttribute('aria-sort'), 'ascending');
  const metres = () => table.locator('tbody td[data-m]').evaluateAll((tds) => tds.map((td) => Number(td.dataset.m)));
  const up = await metres();
  assert.deepEqual(up, [...up].sort((a, b) => a - b), 'ascending distances');
  await page.locator('[data-testid="sort-nearest"]').click();
  assert.equal(await page.locator('th[data-col="nearest"]').getAttribute('aria-sort'), 'descending');
  const down = await metres();
  assert.deepEqual(down, [...down].sort((a, b) => b - a), 'descending distances');

  // Filter by an outcome present, then by text.
  const outcomes = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.outcome));
  const some = outcomes[0];
  await page.locator('[data-testid="results-outcome"]').selectOption(some);
  const filtered = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.outcome));
  assert.ok(filtered.length > 0 && filtered.every((o) => o === some), `only ${some}: ${filtered.join(',')}`);
  await page.locator('[data-testid="results-outcome"]').selectOption('');
  await page.locator('[data-testid="results-text"]').fill('申请17');
  const ids = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.id));
  assert.deepEqual(ids, ['A017'], 'the text search finds the name');

  // Selecting the row selects the application: the map's pin moves there.
  await table.locator('tbody tr[data-id="A017"] [data-testid="result-select"]').click();
  await page.waitForSelector('[data-testid="results-table"] tr[data-id="A017"][aria-selected="true"]', { timeout: WAIT_MS });
  const lon = (118.30 + ((16 * 37) % 100) * 0.0012).toFixed(6);
  await page.waitForSelector(`[data-testid="map"][data-app-lon="${Number(lon)}"]`, { timeout: WAIT_MS });
  const label = await page.locator('[data-testid="map-application-label"]').innerText();
  assert.equal(label, '申请17', 'the map labels the selected application');
  const centre = await page.evaluate(() => window.__dingdianMap.getCenter());
  assert.ok(Math.abs(centre.lng - Number(lon)) < 0.01, `the map panned to the application: ${JSON.stringify(centre)}`);

  // The results as CSV start with the BOM, and hold every application.
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: WAIT_MS }),
    page.locator('[data-testid="export-results-csv"]').click(),
  ]);
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the results CSV starts with the UTF-8 BOM');
  assert.equal(bytes.toString('utf8').trim().split('\n').length, 61, 'a header and sixty applications');
});

/** Clicks an export button and returns the bytes downloaded. */
async function download(page, testid) {
  const [d] = await Promise.all([
    page.waitForEvent('download', { timeout: WAIT_MS }),
    page.locator(`[data-testid="${testid}"]`).click(),
  ]);
  return readFileSync(await d.path());
}

/** A scenario file's data: everything but what says when and how it was written. */
function scenarioData(bytes) {
  const { policy, as_of, ...data } = JSON.parse(bytes.toString('utf8'));
  return { policy, data };
}

test('exports: the scenario JSON imported again gives the same data and decisions', async () => {
  const { page } = await open();
  // Sixty applications of mixed kinds: decisions that differ, all of them compared.
  await importFile(page, csvFile('applications.csv', applicationsCsv(60)), { what: 'applications' });
  await waitDone(page);
  const scenario = await download(page, 'export-scenario');
  const results = (await download(page, 'export-results-csv')).toString('utf8');
  const outcomes = new Set(await page.locator('[data-testid="results-table"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.outcome)));
  assert.ok(outcomes.size > 1, `the applications are decided differently: ${[...outcomes].join(', ')}`);

  await importFile(page, { name: 'scenario.json', mimeType: 'application/json', buffer: scenario });
  await waitDone(page);
  assert.equal(await page.locator('[data-testid="dataset"]').inputValue(), 'imported');
  assert.deepEqual(scenarioData(await download(page, 'export-scenario')), scenarioData(scenario), 'the same data and parameters');
  assert.equal((await download(page, 'export-results-csv')).toString('utf8'), results, 'the same decision for every application');

  for (const what of ['results-xlsx', 'institutions', 'applications', 'cells']) {
    const b = await download(page, `export-${what}`);
    if (what === 'results-xlsx') assert.equal(b.subarray(0, 2).toString(), 'PK', 'an xlsx is a zip');
    else assert.equal(JSON.parse(b.toString('utf8')).type, 'FeatureCollection', what);
  }
});

test('county boundaries from GeoJSON (GCJ-02) are drawn on the map with their names', async () => {
  const { page } = await open();
  await importFile(page, path.join(FIXTURES, 'linyi-gcj02.geojson'), { what: 'boundaries', crs: 'gcj02' });
  await waitDone(page);
  const summary = await page.locator('[data-testid="import-summary"]').innerText();
  assert.ok(summary.includes('1 个边界') && summary.includes('1 个对应'), `one outline, matched to 兰山区: ${summary}`);
  assert.equal(await page.locator('[data-testid="dataset"]').inputValue(), 'imported');
  await page.waitForSelector('path.dd-boundary', { state: 'attached', timeout: WAIT_MS });
  assert.equal(await page.locator('path.dd-boundary').count(), 1, 'one imported outline drawn');
  const labels = await page.locator('.dd-county-label').allInnerTexts();
  assert.ok(labels.includes('兰山区'), `the outline is named by its county: ${labels.join(' | ')}`);
  // At city zoom the coverage layer fills the imported county by its covered share.
  await page.locator('[data-testid="cells-coverage"]').check();
  await page.evaluate(() => window.__dingdianMap.setZoom(9, { animate: false }));
  await page.waitForSelector('[data-testid="map"][data-by-county="true"] path.dd-choropleth[data-share]', { state: 'attached', timeout: WAIT_MS });
  assert.equal(await page.locator('path.dd-choropleth[data-share]').count(), 1, 'the one imported county is filled');
});

test('a hostile county name from a boundary file is shown as text on the map', async () => {
  const { page } = await open();
  const geojson = JSON.parse(readFileSync(path.join(FIXTURES, 'linyi-gcj02.geojson'), 'utf8'));
  const hostile = `<img src=x onerror="window.__pwned='county'"><b>新区</b>`;
  geojson.features[0].properties = { name: hostile };
  const file = { name: 'hostile-county.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(geojson)) };
  await importFile(page, file, { what: 'boundaries', crs: 'gcj02' });
  await waitDone(page);
  await page.waitForSelector('path.dd-boundary', { state: 'attached', timeout: WAIT_MS });
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'the county name ran code');
  assert.equal(await page.locator('img[src="x"]').count(), 0, 'the county name became an <img>');
  assert.equal(await page.locator('.dd-county-label b').count(), 0, 'the county name became markup');
  const labels = await page.locator('.dd-county-label').allInnerTexts();
  assert.ok(labels.includes(hostile), `the outline is labelled with the name as text: ${labels.join(' | ')}`);
});

test('hostile names from a file are shown as text in the results table and on the map', async () => {
  const { page } = await open();
  await importFile(page, path.join(FIXTURES, 'hostile-names.csv'), { what: 'applications' });
  await waitDone(page);
  await page.waitForSelector('[data-testid="results-table"] tbody tr', { timeout: WAIT_MS });
  await page.locator('[data-testid="results-table"] tr[data-id="X002"] [data-testid="result-select"]').click();
  await page.waitForSelector('[data-testid="map-application-label"]', { timeout: WAIT_MS });
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'a hostile name ran code');
  assert.equal(await page.locator('img[src="x"]').count(), 0, 'a hostile name became an <img>');
  assert.equal(await page.locator('main svg[onload]').count(), 0, 'a hostile name became an <svg>');
  assert.equal(await page.locator('main script').count(), 0, 'a hostile name became a <script>');
  const names = await page.locator('[data-testid="results-table"] td.result-name').allInnerTexts();
  assert.ok(names.some((n) => n.includes('<img src=x onerror=')), `names shown literally: ${names.join(' | ')}`);
  assert.ok(names.some((n) => n.includes('<script>')), `names shown literally: ${names.join(' | ')}`);
  const label = await page.locator('[data-testid="map-application-label"]').innerText();
  assert.ok(label.startsWith('<script>'), `the map's label shows the name as text: ${label}`);
});

test('100,000 rows import in chunks with a progress bar; the time is reported', async () => {
  const { page } = await open();
  const n = 100_000;
  let s = '编号,机构名称,机构类型,类别,经度,纬度,所属区县\n';
  const kinds = [['零售药店', '普通'], ['诊所', ''], ['村卫生室', ''], ['综合医院', '']];
  for (let k = 0; k < n; k++) {
    const [kind, cat] = kinds[k % 4];
    const county = ['兰山区', '罗庄区', '河东区'][k % 3];
    s += `D${k},机构${k},${kind},${cat},${(118.26 + ((k * 7919) % 10007) / 10007 * 0.15).toFixed(6)},${(34.99 + ((k * 104729) % 10009) / 10009 * 0.11).toFixed(6)},${county}\n`;
  }
  // Long tasks (main thread busy ≥ 50 ms) while importing, and how often the progress showed.
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__longTasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: false });
    window.__progressSeen = new Set();
    const obs = new MutationObserver(() => {
      const p = document.querySelector('[data-testid="import-progress"] span');
      if (p) window.__progressSeen.add(p.textContent);
    });
    obs.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  // From disk, as a person picks it (a buffer would be decoded by the test harness in the page).
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const file = path.join(OUTPUT_DIR, 'import-100k.csv');
  writeFileSync(file, s);
  const t0 = Date.now();
  await importFile(page, file);
  await waitDone(page, 120_000);
  const wall = Date.now() - t0;
  const timing = await page.evaluate(() => window.__dingdianImport);
  const longTasks = await page.evaluate(() => window.__longTasks);
  const seen = await page.evaluate(() => window.__progressSeen.size);
  assert.equal(await page.locator('[data-testid="import-report"]').getAttribute('data-imported'), String(n));
  assert.ok(seen >= 10, `the progress bar moved while importing (${seen} updates seen)`);
  const longest = longTasks.length ? Math.max(...longTasks.map((t) => t[1])) : 0;
  const map = await page.evaluate(() => window.__dingdianTiming);
  console.log(
    `import 100,000 rows: ${wall} ms in all; reading the file ${Math.round(timing.new_ms)} ms, rows ${Math.round(timing.rows_ms)} ms ` +
      `(longest chunk ${Math.round(timing.longest_chunk_ms)} ms), joining the records ${Math.round(timing.join_ms)} ms, ` +
      `rebuild ${Math.round(timing.rebuild_ms)} ms ` +
      `(recompute ${Math.round(map.recompute_ms)} ms, map ${Math.round(map.map_ms)} ms); ` +
      `long tasks [start relative to apply, ms]: ${JSON.stringify(longTasks.map(([t, d]) => [Math.round(t - timing.applied_at), Math.round(d)]))}, longest ${Math.round(longest)} ms`,
  );
});

test('screenshots of the import panel and the results table (desktop and phone)', async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const [name, viewport] of [['desktop', { width: 1400, height: 900 }], ['phone', { width: 360, height: 740 }]]) {
    const { page } = await open();
    await page.setViewportSize(viewport);
    await importFile(page, path.join(FIXTURES, 'pharmacies-gbk.csv'), { crs: 'gcj02' });
    await waitDone(page);
    await page.locator('[data-testid="import-panel"]').screenshot({ path: path.join(OUTPUT_DIR, `import-panel-${name}.png`) });
    await importFile(page, csvFile('applications.csv', applicationsCsv(60)), { what: 'applications' });
    await waitDone(page);
    await page.locator('[data-testid="results-panel"]').screenshot({ path: path.join(OUTPUT_DIR, `results-${name}.png`) });
    const odd = '甲,乙,丙,丁\n兰山药店,118.33,35.06,零售药店\n';
    await importFile(page, csvFile('odd.csv', odd));
    await page.locator('[data-testid="mapping-dialog"]').waitFor({ state: 'visible', timeout: WAIT_MS });
    await page.screenshot({ path: path.join(OUTPUT_DIR, `mapping-${name}.png`) });
  }
});
