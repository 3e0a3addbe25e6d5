// Browser end-to-end tests of the map: clicking places the selected application and the decision
// follows; the radius moves coverage; dense layers are images made in the page; the synthetic
// cities load; phones get a usable map; nothing leaves 127.0.0.1. Run through scripts/test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  BASE_URL,
  OUTPUT_DIR,
  WAIT_MS,
  allRequests,
  clickMapAt,
  expectOutcome,
  isLocalUrl,
  openTask,
  setParam,
  traceItem,
  traceRules,
  useApp,
} from './helpers.mjs';

const session = useApp();

async function open(options) {
  const app = await session.open(options);
  await app.page
    .locator('[data-testid="map"] .leaflet-container')
    .waitFor({ state: 'visible', timeout: WAIT_MS })
    .catch(() => assert.fail('the map ([data-testid="map"] .leaflet-container) did not appear'));
  return app;
}

// A spot in western 河东区 (by the real outlines; the old ellipses gave it to 兰山区) with no
// designated pharmacy within 800 m (the sample's area class there is blank), and one 80 m from
// p-001 (118.318684, 35.064378).
const BLANK = { lon: 118.365, lat: 35.06 };
const CROWDED = { lon: 118.319, lat: 35.065 };

async function appAt(page) {
  const el = page.locator('[data-testid="map"]');
  return { lon: Number(await el.getAttribute('data-app-lon')), lat: Number(await el.getAttribute('data-app-lat')) };
}

async function traceText(page, rule) {
  return (await page.locator(traceItem(rule)).innerText()).replace(/\s+/g, ' ');
}

test('clicking the map places the application: a blank spot is prioritized, next to p-001 it is rejected', async () => {
  const { page } = await open();
  await expectOutcome(page, 'rejected', 'the sample application before any click');
  const before = await traceText(page, 'pharmacy.same_type_nearby');

  await clickMapAt(page, BLANK);
  await expectOutcome(page, 'prioritized', `after clicking the blank spot ${JSON.stringify(BLANK)}`);
  const at = await appAt(page);
  assert.ok(Math.abs(at.lon - BLANK.lon) < 0.001 && Math.abs(at.lat - BLANK.lat) < 0.001,
    `the application should now stand at the clicked spot; it is at ${JSON.stringify(at)}`);
  await page
    .locator(traceItem('pharmacy.same_type_nearby', 'pass'))
    .waitFor({ state: 'attached', timeout: WAIT_MS })
    .catch(async () => assert.fail(`at the blank spot the distance rule should pass; trace: ${(await traceRules(page)).join(', ')}`));
  assert.equal(await page.locator('[data-field="county"]').inputValue(), 'hedong', 'the click sets the county from the outlines');
  await page.locator(traceItem('pharmacy.area_class', 'priority')).waitFor({ state: 'attached', timeout: WAIT_MS })
    .catch(async () => assert.fail(`a blank area should give pharmacy.area_class=priority; trace: ${(await traceRules(page)).join(', ')}`));
  assert.equal(await page.locator('svg path.dd-hit').count(), 0, 'no same-type pharmacy is ringed at the blank spot');

  await clickMapAt(page, CROWDED);
  await expectOutcome(page, 'rejected', `after clicking next to p-001 ${JSON.stringify(CROWDED)}`);
  await page.locator(traceItem('pharmacy.same_type_nearby', 'fail')).waitFor({ state: 'attached', timeout: WAIT_MS });
  const after = await traceText(page, 'pharmacy.same_type_nearby');
  assert.notEqual(after, before, 'the trace should give the new distance');
  assert.ok(/\b(7\d|8\d)(\.\d)? ?(米|m)/.test(after), `the nearest same-type pharmacy is about 80 m away; the trace says: "${after}"`);
  assert.ok((await page.locator('svg path.dd-hit').count()) >= 1, 'p-001 is ringed as inside the application\'s circle');
  assert.equal(
    await page.locator('[data-testid="map-application"]').getAttribute('data-outcome'),
    'rejected',
    'the application\'s pin carries the outcome',
  );
});

test('the radius moves coverage: typed, then dragged on the slider', async () => {
  const { page } = await open();
  await openTask(page, 'coverage');
  const share = () =>
    page.locator('[data-testid="coverage-panel"] [data-testid="coverage-city"] [data-coverage="pharmacy"]').getAttribute('data-share');
  const first = await share();
  assert.ok(first && Number(first) > 0, `the pharmacy coverage should be a share, got ${first}`);

  await setParam(page, 'service_radius_m', 1500);
  await page.waitForFunction(
    (v) => document.querySelector('[data-testid="coverage-city"] [data-coverage="pharmacy"]')?.dataset.share !== v,
    first,
    { timeout: WAIT_MS },
  );
  const typed = await share();
  assert.ok(Number(typed) > Number(first), `a wider radius covers more: ${first} → ${typed}`);

  const slider = page.locator('input[type=range][data-param-range="service_radius_m"]');
  await slider.scrollIntoViewIfNeeded();
  await slider.fill('400');
  await page.waitForFunction(
    (v) => document.querySelector('[data-testid="coverage-city"] [data-coverage="pharmacy"]')?.dataset.share !== v,
    typed,
    { timeout: WAIT_MS },
  );
  const dragged = await share();
  assert.ok(Number(dragged) < Number(first), `400 m covers less than 800 m: ${dragged} vs ${first}`);
  assert.equal(await page.locator('input[type=number][data-param="service_radius_m"]').inputValue(), '400');
  await expectOutcome(page, 'prioritized', 'at 400 m the sample application has no same-type pharmacy within the radius');

  // The area-class and surface tables are there and add up.
  const cells = await page.locator('[data-testid="surface-counts"] tr[data-cells]').evaluateAll((trs) =>
    trs.reduce((a, tr) => a + Number(tr.dataset.cells), 0),
  );
  assert.equal(cells, 300, 'the surface counts one outcome per population cell of the sample');
  assert.equal(await page.locator('[data-testid="area-classes"] tr[data-area-class]').count(), 4);
  assert.equal(await page.locator('[data-testid="coverage-counties"] tr[data-county]').count(), 3);
});

test('the acceptance surface follows the selected application, not where it stands', async () => {
  const { page } = await open();
  // The surface's counts are in the coverage task, the application's kind in its own.
  await openTask(page, 'coverage');
  const counts = () =>
    page.locator('[data-testid="surface-counts"] tr[data-outcome]').evaluateAll((trs) => trs.map((tr) => `${tr.dataset.outcome}=${tr.dataset.cells}`).join(' '));
  const pharmacy = await counts();
  await clickMapAt(page, BLANK);
  await expectOutcome(page, 'prioritized', 'after the click');
  assert.equal(await counts(), pharmacy, 'moving the application does not change its surface');
  await openTask(page, 'application');
  await page.locator('select[data-field="kind"]').selectOption('outpatient');
  await openTask(page, 'coverage');
  await page.waitForFunction(
    (before) => [...document.querySelectorAll('[data-testid="surface-counts"] tr[data-outcome]')].map((tr) => `${tr.dataset.outcome}=${tr.dataset.cells}`).join(' ') !== before,
    pharmacy,
    { timeout: WAIT_MS },
  );
});

// 令2号 第六条(一) "正式运营至少3个月" is a condition of the time: with the selected application's
// months set to 0 the surface still shows where it could go, and the months are said once.
test('the acceptance surface shows the conditions of the place; an unmet condition of the time is said once, not painted everywhere', async () => {
  const { page } = await open();
  await page.setViewportSize({ width: 1440, height: 900 });
  await openTask(page, 'coverage');
  const counts = () =>
    page.locator('[data-testid="surface-counts"] tr[data-outcome]').evaluateAll((trs) => trs.map((tr) => `${tr.dataset.outcome}=${tr.dataset.cells}`).join(' '));
  await clickMapAt(page, BLANK);
  await expectOutcome(page, 'prioritized', 'at the blank spot, open six months');
  const before = await counts();
  assert.match(before, /(accepted|prioritized)=[1-9]/, `some cells accept the sample pharmacy: ${before}`);
  assert.equal(await page.locator('[data-testid="surface-when"]').count(), 0, 'nothing unmet before');
  await openTask(page, 'application');
  const months = page.locator('input[data-field="operating_months"]');
  await months.fill('0');
  await months.press('Tab');
  await openTask(page, 'coverage');
  await page.locator('[data-testid="surface-when"]').waitFor({ timeout: WAIT_MS });
  assert.match(await page.locator('[data-testid="surface-when"]').innerText(), /开业满 3 个月后才能申请/);
  // The split of the place from the time is the simulator's reading: marked wherever it is said.
  assert.equal(await page.locator('[data-testid="surface-when"] [data-reading-link="where_when"]').count(), 1, 'marked beside the surface table');
  assert.equal(await page.locator('[data-testid="decision"] [data-testid="outcome-reading"] [data-reading-link="where_when"]').count() >= 1, true, 'marked on the decision');
  await expectOutcome(page, 'rejected', 'not yet open: rejected today');
  // The decision says what the place alone would give.
  const where = page.locator('[data-testid="where-outcome"]');
  await where.waitFor({ timeout: WAIT_MS });
  assert.equal(await where.getAttribute('data-outcome'), 'prioritized', 'the blank spot still comes first on the place alone');
  assert.equal(await counts(), before, 'the surface of the place is unchanged: the months are the same everywhere');
  await page.locator('[data-testid="cells-surface"]').check();
  await page.locator('[data-testid="legend-surface-when"]').waitFor({ timeout: WAIT_MS });
  assert.match(await page.locator('[data-testid="legend-surface-when"]').innerText(), /开业满 3 个月后才能申请/);
  assert.equal(await page.locator('[data-testid="legend-surface-when"] [data-reading-link="where_when"]').count(), 1, 'marked in the legend');
  await page.locator('[data-testid="legend-cells"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'map-surface-not-yet-open.png') });
  await page.locator('[data-testid="surface-when"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'coverage-surface-not-yet-open.png') });
});

test('the dense layers are images painted in the page, and each cell layer can be shown', async () => {
  const { page } = await open({ screenshot: 'map-desktop' });
  // The cells are a canvas painted in place (no image to encode and decode on every change).
  const img = page.locator('[data-testid="map"] .leaflet-overlay-pane canvas.leaflet-image-layer.dd-cells');
  for (const layer of ['surface', 'coverage', 'area_class']) {
    await page.locator(`[data-testid="cells-${layer}"]`).check();
    await page.waitForFunction((l) => document.querySelector('[data-testid="map"]').dataset.cells === l, layer, { timeout: WAIT_MS });
    await img.first().waitFor({ state: 'attached', timeout: WAIT_MS });
    const painted = await img.first().evaluate((el) => {
      const d = el.getContext('2d').getImageData(0, 0, el.width, el.height).data;
      let n = 0;
      for (let k = 3; k < d.length; k += 4) if (d[k] > 0) n++;
      return { w: el.width, n };
    });
    assert.ok(painted.w > 1 && painted.n > 100, `the ${layer} overlay should have painted cells: ${JSON.stringify(painted)}`);
  }
  await page.locator('[data-testid="cells-none"]').check();
  await img.waitFor({ state: 'detached', timeout: WAIT_MS });
  // Institutions of the sample are few: one letter marker each, or one numbered marker for those
  // that would overlap; the 14 designated ones (p-007 is not designated) until non-designated
  // ones are asked for; then 8 without the pharmacies.
  const markers = (n) =>
    page.waitForFunction(
      (n) => {
        const pane = document.querySelector('[data-testid="map"] .leaflet-marker-pane');
        const clustered = [...pane.querySelectorAll('[data-testid="map-cluster"]')].reduce((a, e) => a + Number(e.dataset.count), 0);
        return pane.querySelectorAll('[data-institution]').length + clustered === n;
      },
      n,
      { timeout: WAIT_MS },
    );
  await markers(14);
  await page.locator('[data-testid="layer-non-designated"]').check();
  await markers(15);
  // Close enough to tell apart: p-007 on its own, hollow.
  await page.evaluate(() => window.__dingdianMap.setView([35.047741, 118.341757], 16, { animate: false }));
  await page.waitForFunction(() => document.querySelector('[data-testid="map"] .is-undesignated [data-institution="p-007"]'), null, { timeout: WAIT_MS });
  await page.locator('[data-testid="map-fit"]').click();
  await page.locator('[data-testid="layer-group-0"]').uncheck();
  await markers(8);
});

test('the synthetic Xi\'an loads in the browser, keeps the parameters, and stays responsive', async () => {
  const { page } = await open();
  await openTask(page, 'coverage');
  await setParam(page, 'service_radius_m', 1000);
  await page.locator('select[data-testid="dataset"]').selectOption('xian');
  await page.waitForSelector('[data-testid="sample-banner"][data-dataset="xian"]', { timeout: WAIT_MS });
  await page.locator('[data-testid="outcome"]').waitFor({ state: 'attached', timeout: WAIT_MS });
  assert.equal(await page.locator('select[data-testid="preset"]').inputValue(), 'linyi-2025', 'the preset is kept');
  assert.equal(await page.locator('input[type=number][data-param="service_radius_m"]').inputValue(), '1000', 'the radius is kept');
  assert.equal(await page.locator('[data-testid="coverage-counties"] tr[data-county]').count(), 13, 'Xi\'an has 13 districts and counties');
  const cells = await page.locator('[data-testid="surface-counts"] tr[data-cells]').evaluateAll((trs) =>
    trs.reduce((a, tr) => a + Number(tr.dataset.cells), 0),
  );
  assert.ok(cells > 8000, `about 10,000 population cells, got ${cells}`);

  // Xi'an's many other applications are folded; opened, every one is listed with its outcome.
  const others = page.locator('[data-testid="decision"] details.others');
  assert.equal(await others.evaluate((d) => d.open), false, 'a long list starts folded');
  assert.equal(await page.locator('[data-testid="other-decisions"]').count(), 0, 'folded, its rows are not built');
  const count = Number((await others.locator('summary .sub').last().innerText()).replace(/\D/g, ''));
  assert.ok(count > 8, `more than eight other applications: ${count}`);
  await others.locator('summary').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="other-decisions"] li[data-outcome]').length === n, count, { timeout: WAIT_MS });

  // Drag the slider for a while; the page measures each recompute and map update.
  const timing = await page.evaluate(async () => {
    const r = document.querySelector('input[type=range][data-param-range="service_radius_m"]');
    const frame = () => new Promise((res) => requestAnimationFrame(res));
    const out = [];
    for (let k = 0; k < 16; k++) {
      r.value = String(500 + k * 50);
      r.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      await frame();
      out.push({ ...window.__dingdianTiming });
    }
    return out;
  });
  const median = (k) => timing.map((t) => t[k]).sort((a, b) => a - b)[timing.length >> 1];
  console.log(`# Xi'an slider: recompute median ${median('recompute_ms').toFixed(1)} ms, map update median ${median('map_ms').toFixed(1)} ms`);
  // Speed is the benchmark's business (scripts/bench); here, that every step was recomputed and drawn.
  assert.ok(timing.every((t) => t.recompute_ms > 0 && t.map_ms >= 0), `every slider step recomputes and redraws: ${JSON.stringify(timing.slice(0, 3))}`);
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'map-xian.png') });

  // Back to the sample: as it was left.
  await page.locator('select[data-testid="dataset"]').selectOption('sample');
  await page.waitForSelector('[data-testid="sample-banner"][data-dataset="sample"]', { timeout: WAIT_MS });
  assert.equal(await page.locator('[data-testid="coverage-counties"] tr[data-county]').count(), 3);
});

test('panels that skip unneeded re-renders still follow the language and the data set', async () => {
  const { page } = await open();
  await openTask(page, 'figures');
  const radiusLabel = page.locator('[data-param-row="service_radius_m"] label .main').first();
  const zh = await radiusLabel.innerText();
  await page.locator('[data-testid="lang"]').click();
  await page.waitForFunction((zh) => document.querySelector('[data-param-row="service_radius_m"] label .main')?.innerText !== zh, zh, { timeout: WAIT_MS });
  assert.match(await radiusLabel.innerText(), /radius/i, 'the parameter rows speak English');
  assert.match(await page.locator('#data-heading .main').textContent(), /figures/i, 'the data panel speaks English');
  assert.match(await page.locator('#figures-heading .main').textContent(), /Bed/i, 'the figures panel speaks English');
  await page.locator('select[data-testid="dataset"]').selectOption('linyi');
  await page.waitForSelector('[data-testid="sample-banner"][data-dataset="linyi"]', { timeout: WAIT_MS });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="county-data-"]').length === 12, null, { timeout: WAIT_MS });
  assert.equal(await page.locator('[data-testid="county-figures"] tbody tr').count(), 12, 'the figures follow the data set');
});

test('on a phone (360 × 740) the map is full width, tappable, and nothing scrolls sideways', async () => {
  const { page } = await open();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.waitForTimeout(300);
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(widths[0] <= widths[1], `no horizontal scroll: scrollWidth ${widths[0]} > ${widths[1]}`);
  const box = await page.locator('[data-testid="map"] .leaflet-container').boundingBox();
  assert.ok(box.width >= 320, `the map should take the phone's width, it is ${box.width} px`);
  for (const sel of ['.leaflet-control-zoom-in', '.leaflet-control-zoom-out', '[data-testid="map-fit"]']) {
    const b = await page.locator(`[data-testid="map-panel"] ${sel}`).boundingBox();
    assert.ok(b.width >= 44 && b.height >= 44, `${sel} is a tap target of at least 44 px: ${b.width} × ${b.height}`);
  }
  await clickMapAt(page, BLANK);
  await expectOutcome(page, 'prioritized', 'a tap on the blank spot on a phone');
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'map-phone.png') });
});

test('a base map is off by default; once set, its tiles come from the address given', async () => {
  const { page, requests } = await open();
  const tiles = '[data-testid="map"] .leaflet-tile-pane img';
  assert.equal(await page.locator(tiles).count(), 0, 'no tiles by default');
  await page.locator('[data-testid="basemap"] summary').click();
  // A local address (nothing may leave 127.0.0.1): the tiles 404, which is enough here.
  const origin = new URL(BASE_URL).origin;
  await page.locator('#basemap-url').fill(`${origin}/no-such-tiles/{z}/{x}/{y}.png`);
  await page.locator('#basemap-url').press('Tab');
  await page.locator('#basemap-attribution').fill('test tiles');
  await page.locator('#basemap-attribution').press('Tab');
  await page.locator('[data-testid="basemap-on"]').check();
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length > 0, tiles, { timeout: WAIT_MS });
  assert.ok(requests.some((u) => u.includes('/no-such-tiles/')), 'tiles were requested from the address given');
  assert.ok((await page.locator('[data-testid="map"] .leaflet-control-attribution').innerText()).includes('test tiles'));
  await page.locator('[data-testid="basemap-on"]').uncheck();
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 0, tiles, { timeout: WAIT_MS });
});

test('no request leaves the local server, whatever the map does', async () => {
  const { page } = await open();
  await page.evaluate(() => window.__dingdianMap.setZoom(16));
  await page.evaluate(() => window.__dingdianMap.setZoom(10));
  await page.waitForLoadState('networkidle', { timeout: WAIT_MS }).catch(() => {});
  assert.ok(allRequests.length > 0, 'no requests were recorded at all');
  const outside = [...new Set(allRequests.filter((u) => !isLocalUrl(u)))];
  assert.deepEqual(outside, [], `requests went (or tried to go) elsewhere: ${outside.join(', ')}`);
});
