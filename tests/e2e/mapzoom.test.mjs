// The map at every zoom, on the synthetic Linyi (12 counties): at city zoom the coverage layer
// fills each county by its covered share, and a radius change 800 → 500 m recolours the fills;
// zoomed in, the cells show instead. Institutions that would overlap are one numbered marker
// (the counts add up to the institutions in view) and a click on one zooms in; county labels
// never overlap. Screenshots at 1440 × 900 and 360 × 740; axe-core finds nothing on the map.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { axeViolations, OUTPUT_DIR, PHONE, setParam, useApp, WAIT_MS } from './helpers.mjs';

/** The map panel, on the WCAG 2.1 A/AA rules. */
const MAP_AXE = { within: '[data-testid="map-panel"]', tags: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] };

const session = useApp();

/** The synthetic Linyi with the coverage layer shown, the whole city in view. */
async function openLinyi(options) {
  // bypassCSP: axe-core is injected as a script (the app's own policy forbids that).
  const context = await session.browser().newContext({ ...options, bypassCSP: true, serviceWorkers: 'block' });
  const { page } = await session.open({ context });
  // On a phone the data set is picked from the menu.
  const menu = page.locator('[data-testid="menu-button"]');
  if (await menu.isVisible()) await menu.click();
  await page.locator('select[data-testid="dataset"]').selectOption('linyi');
  await page.waitForSelector('[data-testid="sample-banner"][data-dataset="linyi"]', { timeout: WAIT_MS });
  await page.locator('[data-testid="outcome"]').waitFor({ state: 'attached', timeout: WAIT_MS });
  if (await menu.isVisible() && (await menu.getAttribute('aria-expanded')) === 'true') await menu.click();
  const layers = page.locator('details[data-testid="map-layers"]');
  if ((await layers.getAttribute('open')) === null) await layers.locator(':scope > summary').click();
  await page.locator('[data-testid="cells-coverage"]').check();
  await page.waitForFunction(() => document.querySelector('[data-testid="map"]').dataset.cells === 'coverage', null, { timeout: WAIT_MS });
  await page.locator('[data-testid="map-fit"]').click();
  await page.waitForSelector('[data-testid="map"][data-by-county="true"]', { timeout: WAIT_MS });
  await page.locator('[data-testid="map"]').scrollIntoViewIfNeeded();
  await settled(page);
  return page;
}

/** Waits for the map to stop moving and the page to draw twice. */
async function settled(page) {
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const map = window.__dingdianMap;
        const done = () => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(resolve)), 50);
        // Leaflet marks a map in a pan or zoom animation with these.
        if (map._animatingZoom || map._panAnim?._inProgress) map.once('moveend', done);
        else done();
      }),
  );
}

/** Each filled county: its share and fill colour, by county id. */
function fills(page) {
  return page.locator('path.dd-choropleth[data-county]').evaluateAll((ps) =>
    Object.fromEntries(ps.map((p) => [p.dataset.county, { share: Number(p.dataset.share), fill: p.getAttribute('fill'), bin: p.dataset.bin }])),
  );
}

/** The county labels shown (not skipped), with their boxes, and the boxes of the markers
 * (institutions, cluster counts, the pin) they keep off and of the map's controls. */
function shownLabels(page) {
  return page.locator('[data-testid="map"]').evaluate((map) => {
    const box = (e) => {
      const r = e.getBoundingClientRect();
      return { l: r.left, t: r.top, r: r.right, b: r.bottom };
    };
    const labels = [...map.querySelectorAll('.dd-county-label')]
      .filter((e) => getComputedStyle(e).visibility !== 'hidden')
      .map((e) => {
        // How far the map moved the name off the markers under it (the CSS `translate`).
        const [dx = 0, dy = 0] = (e.style.translate || '').split(' ').map((v) => parseFloat(v) || 0);
        return { text: e.innerText.replace(/\s+/g, ' '), dx, dy, ...box(e) };
      });
    const markers = [...map.querySelectorAll('.leaflet-marker-pane .leaflet-marker-icon')].map((e) => ({
      text: e.textContent.trim() || e.className,
      ...box(e),
    }));
    const controls = [...map.querySelectorAll('.leaflet-control-container .leaflet-control')].map((e) => ({
      text: e.className,
      ...box(e),
    }));
    return { labels, markers, controls };
  }).then(({ labels, markers, controls }) => Object.assign(labels, { markers, controls }));
}

/** No label on another or under the map's buttons; and names step aside from the markers (counts, institutions) where a
 * spot nearby is free: the names cover fewer markers than where the map first put them. */
function assertNoOverlap(labels, where) {
  const overlap = (a, b) => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
  const covers = (a) => (labels.markers ?? []).filter((m) => overlap(a, m)).length;
  let [now, before, moved] = [0, 0, 0];
  for (let i = 0; i < labels.length; i++) {
    const a = labels[i];
    for (let j = i + 1; j < labels.length; j++) {
      assert.ok(!overlap(a, labels[j]), `${where}: the labels "${a.text}" and "${labels[j].text}" overlap`);
    }
    for (const c of labels.controls ?? []) assert.ok(!overlap(a, c), `${where}: the label "${a.text}" is under the map's ${c.text}`);
    const unmoved = { l: a.l - a.dx, r: a.r - a.dx, t: a.t - a.dy, b: a.b - a.dy };
    if (a.dx || a.dy) moved++;
    now += covers(a);
    before += covers(unmoved);
  }
  if (labels.markers?.length && before > 0) {
    assert.ok(moved > 0 && now < before, `${where}: the names cover ${now} markers, where they first stood ${before}`);
  }
}

/** Cluster counts plus lone markers, and what the map says is in view. */
async function markerTally(page) {
  return page.evaluate(() => {
    const map = document.querySelector('[data-testid="map"]');
    const clusters = [...map.querySelectorAll('.leaflet-marker-pane [data-testid="map-cluster"]')].map((e) => Number(e.dataset.count));
    const singles = map.querySelectorAll('.leaflet-marker-pane [data-institution]').length;
    return {
      clusters,
      singles,
      inView: Number(map.dataset.inView),
      mode: map.dataset.institutions,
      icons: map.querySelectorAll('.leaflet-marker-pane .leaflet-marker-icon').length,
    };
  });
}

/** The first screen with the map in it (the radius field was the last thing scrolled to). */
async function shot(page, name) {
  await page.evaluate(() => document.querySelector('[data-testid="map"]').scrollIntoView({ block: 'center' }));
  await settled(page);
  await page.screenshot({ path: path.join(OUTPUT_DIR, `${name}.png`) });
}

test('at city zoom on a desktop the counties are filled by their covered share, and 800 → 500 m recolours them', async () => {
  const page = await openLinyi({ viewport: { width: 1440, height: 900 } });
  await setParam(page, 'service_radius_m', 800);
  await page.waitForFunction(() => document.querySelector('path.dd-choropleth[data-share]'), null, { timeout: WAIT_MS });
  await settled(page);
  const before = await fills(page);
  const counties = Object.keys(before);
  assert.ok(counties.length >= 9, `a fill per county of the synthetic Linyi, got ${counties.join(' ')}`);
  for (const [id, f] of Object.entries(before)) {
    assert.ok(f.share >= 0 && f.share <= 1 && f.fill && f.fill !== 'none', `county ${id} is filled: ${JSON.stringify(f)}`);
  }
  assert.equal(await page.locator('[data-testid="legend-by-county"]').count(), 1, 'the legend says the counties show their share');
  assert.equal(await page.locator('[data-testid="legend-cell-items"] li').count(), 5, 'the legend lists the five share bins');
  assert.match(await page.locator('[data-testid="legend-cell-note"]').innerText(), /放大|zoom in/);
  const sharesShown = await page.locator('[data-testid="county-share"]').count();
  assert.ok(sharesShown >= 9, `each county's label carries its share (${sharesShown})`);
  await shot(page, 'mapzoom-1440-city-800');

  await setParam(page, 'service_radius_m', 500);
  await page.waitForFunction(
    (before) => [...document.querySelectorAll('path.dd-choropleth[data-county]')].some((p) => Number(p.dataset.share) !== before[p.dataset.county].share),
    before,
    { timeout: WAIT_MS },
  );
  await settled(page);
  const after = await fills(page);
  let recoloured = 0;
  for (const id of counties) {
    assert.ok(after[id].share <= before[id].share, `a smaller radius never covers more of ${id}: ${before[id].share} → ${after[id].share}`);
    if (after[id].fill !== before[id].fill) recoloured++;
  }
  assert.ok(recoloured >= 1, `some county changes colour from 800 to 500 m: ${JSON.stringify({ before, after })}`);
  await shot(page, 'mapzoom-1440-city-500');
  await page.locator('[data-testid="legend-cells"]').screenshot({ path: path.join(OUTPUT_DIR, 'mapzoom-legend-by-county.png') });

  const named = await shownLabels(page);
  assertNoOverlap(named, 'city zoom, 1440 × 900');
  // Names step aside from the counts rather than vanish: most counties stay named.
  assert.ok(named.length >= 10, `most of the 12 counties are named at city zoom: ${named.map((l) => l.text).join(', ')}`);
  assert.deepEqual(await axeViolations(page, MAP_AXE), [], 'axe-core finds nothing in the map panel');

  // Zoomed in, the cells show and the fills give way; the legend says so.
  // Zoom in a step at a time until a cell is wide enough (how many steps depends on the map's
  // width on this layout, which sets the whole-city zoom).
  for (let step = 0; step < 4; step += 1) {
    await page.evaluate(() => {
      const m = window.__dingdianMap;
      m.setZoom(m.getZoom() + 1, { animate: false });
    });
    const cells = await page
      .waitForSelector('[data-testid="map"][data-by-county="false"]', { timeout: 3000 })
      .then(() => true, () => false);
    if (cells) break;
  }
  await page.waitForSelector('[data-testid="map"][data-by-county="false"]', { timeout: WAIT_MS });
  await page.locator('[data-testid="map"] canvas.dd-cells').waitFor({ state: 'attached', timeout: WAIT_MS });
  assert.equal(await page.locator('path.dd-choropleth').count(), 0, 'no county fill over the cells');
  assert.equal(await page.locator('[data-testid="legend-by-cell"]').count(), 1, 'the legend says how to get the shares back');
  await settled(page);
  assertNoOverlap(await shownLabels(page), 'zoomed in, 1440 × 900');
  await shot(page, 'mapzoom-1440-zoomed');
});

test('institutions that would overlap are one numbered marker; the counts add up and a click zooms in', async () => {
  const page = await openLinyi({ viewport: { width: 1440, height: 900 } });
  const t = await markerTally(page);
  assert.equal(t.mode, 'markers', `at city zoom the clusters are few enough to be markers: ${JSON.stringify(t)}`);
  assert.ok(t.clusters.length > 0, `clusters at city zoom: ${JSON.stringify(t)}`);
  const total = t.clusters.reduce((a, b) => a + b, 0) + t.singles;
  assert.equal(total, t.inView, `cluster counts and lone markers add up to the institutions in view: ${JSON.stringify(t)}`);
  assert.ok(t.icons < t.inView / 5, `far fewer markers than institutions: ${t.icons} for ${t.inView}`);

  const zoom0 = await page.evaluate(() => window.__dingdianMap.getZoom());
  const biggest = await page.evaluate(() => {
    const els = [...document.querySelectorAll('.leaflet-marker-pane [data-testid="map-cluster"]')];
    els.sort((a, b) => Number(b.dataset.count) - Number(a.dataset.count));
    els[0].closest('.leaflet-marker-icon').setAttribute('data-test-pick', '');
    return Number(els[0].dataset.count);
  });
  await page.locator('[data-test-pick]').click();
  await page.waitForFunction((z) => window.__dingdianMap.getZoom() > z, zoom0, { timeout: WAIT_MS });
  await settled(page);
  const t2 = await markerTally(page);
  assert.ok(t2.inView <= t.inView, `fewer institutions in view after zooming in on a cluster of ${biggest}`);
  const total2 = t2.clusters.reduce((a, b) => a + b, 0) + t2.singles;
  if (t2.mode === 'markers') assert.equal(total2, t2.inView, `the counts still add up once zoomed in: ${JSON.stringify(t2)}`);
});

test('on a phone (360 × 740) the city shows county shares, few markers, and no label on another', async () => {
  // Set to dark: the fills, labels and legend read there too.
  const page = await openLinyi({ ...PHONE, colorScheme: 'dark' });
  await page.locator('[data-testid="map"]').scrollIntoViewIfNeeded();
  await settled(page);
  const f = await fills(page);
  assert.ok(Object.keys(f).length >= 9, 'the counties are filled on a phone too');
  const t = await markerTally(page);
  assert.ok(t.clusters.length > 0 && t.icons < 80, `a phone's map holds a few dozen markers, not hundreds: ${JSON.stringify(t)}`);
  const labels = await shownLabels(page);
  assert.ok(labels.length >= 1, 'some county is named');
  assertNoOverlap(labels, 'city zoom, 360 × 740');
  await shot(page, 'mapzoom-360-city');
  assert.deepEqual(await axeViolations(page, MAP_AXE), [], 'axe-core finds nothing in the map panel, dark');
});
