// The way there and the base map, on a phone (360×740): each accepted place with its direction,
// distance, coordinates and AMap/Baidu links; a spot given by pasting coordinates; and the
// deployer's basemap.json — absent (nothing leaves the origin), WGS-84 tiles (the app's layers
// as they are), GCJ-02 tiles (the app's layers shifted, a tap shifted back), and a bad file (a
// notice, no tiles, the check still works). Tiles are answered by page.route, never fetched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { answeredByTest, BASE_URL, isBasemapAbsent, isLocalUrl, launchBrowser, NEAR_P001, OUTPUT_DIR, P001, PHONE, WAIT_MS } from './helpers.mjs';

// A spot in the sample city (WGS-84).
const Q = { lon: 118.322, lat: 35.0644 };
// A 1×1 PNG: every tile (Leaflet draws it 256 px wide, the position is what is checked).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const TILES = 'https://tile.openstreetmap.org'; // allowed by the default Content-Security-Policy

/** WGS-84 → GCJ-02 by the published algorithm, written out independently of the app's Rust. */
function gcj02(lon, lat) {
  const A = 6378245.0, EE = 0.006693421622965943, PI = Math.PI;
  const x = lon - 105, y = lat - 35;
  let dlat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  dlat += ((20 * Math.sin(6 * x * PI) + 20 * Math.sin(2 * x * PI)) * 2) / 3;
  dlat += ((20 * Math.sin(y * PI) + 40 * Math.sin((y / 3) * PI)) * 2) / 3;
  dlat += ((160 * Math.sin((y / 12) * PI) + 320 * Math.sin((y * PI) / 30)) * 2) / 3;
  let dlon = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  dlon += ((20 * Math.sin(6 * x * PI) + 20 * Math.sin(2 * x * PI)) * 2) / 3;
  dlon += ((20 * Math.sin(x * PI) + 40 * Math.sin((x / 3) * PI)) * 2) / 3;
  dlon += ((150 * Math.sin((x / 12) * PI) + 300 * Math.sin((x / 30) * PI)) * 2) / 3;
  const rad = (lat / 180) * PI;
  const magic = 1 - EE * Math.sin(rad) ** 2;
  const sq = Math.sqrt(magic);
  dlat = (dlat * 180) / (((A * (1 - EE)) / (magic * sq)) * PI);
  dlon = (dlon * 180) / ((A / sq) * Math.cos(rad) * PI);
  return { lon: lon + dlon, lat: lat + dlat };
}

function metres(a, b) {
  const r = 6371008.8, rad = Math.PI / 180;
  const dphi = (b.lat - a.lat) * rad, dl = (b.lon - a.lon) * rad;
  const h = Math.sin(dphi / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dl / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(h));
}

let browser;
const contexts = [];

before(async () => {
  browser = await launchBrowser();
  mkdirSync(OUTPUT_DIR, { recursive: true });
  // The reference the test's own conversion is held to: googollee/eviltransform's Shanghai vector.
  const s = gcj02(121.5272106, 31.1774276);
  assert.ok(Math.abs(s.lon - 121.531541859215) < 1e-9 && Math.abs(s.lat - 31.17530398364597) < 1e-9);
});

after(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
});

/** Guided mode on a phone. `basemap`: the JSON basemap.json answers with (none: the server's 404).
 * Tiles are answered with a PNG and recorded; every other outside request is recorded and aborted. */
async function openGuide({ basemap } = {}) {
  const context = await browser.newContext(PHONE);
  contexts.push(context);
  const outside = [];
  const tiles = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocalUrl(url)) return route.continue();
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  if (basemap !== undefined) {
    await context.route(`${TILES}/**`, (route) => {
      tiles.push(route.request().url());
      answeredByTest.add(route.request().url());
      return route.fulfill({ status: 200, contentType: 'image/png', body: PNG });
    });
    await context.route('**/basemap.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(basemap) }),
    );
  }
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && !isBasemapAbsent(m) && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${BASE_URL}?mode=guide`, { waitUntil: 'load', timeout: WAIT_MS });
  await page.waitForSelector('[data-testid="guided"]', { timeout: WAIT_MS });
  return { page, problems, requests, outside, tiles };
}

async function expectStep(page, want) {
  await page.waitForSelector(`[data-testid="guided"][data-step="${want}"]`, { timeout: WAIT_MS });
}

/** An ordinary pharmacy, new, 6 months, 1 pharmacist: to the place screen. */
async function toPlace(page) {
  await expectStep(page, 'kind');
  await page.locator('[data-testid="guide-kind-pharmacy"]').tap();
  await page.locator('[data-testid="guide-next"]').tap();
  await expectStep(page, 'detail');
  await page.locator('[data-testid="guide-next"]').tap();
  await expectStep(page, 'change');
  await page.locator('[data-testid="guide-change-new"]').tap();
  await page.locator('[data-testid="guide-next"]').tap();
  await expectStep(page, 'size');
  await page.locator('[data-testid="guide-operating_months"]').fill('6');
  await page.locator('[data-testid="guide-pharmacists"]').fill('1');
  await page.locator('[data-testid="guide-next"]').tap();
  await expectStep(page, 'special');
  await page.locator('[data-testid="guide-next"]').tap();
  await expectStep(page, 'place');
}

/** Pastes `text`, picks `crs` if given, and presses "use this spot". */
async function paste(page, text, crs) {
  const box = page.locator('[data-testid="guide-paste"]');
  if (!(await box.evaluate((d) => d.open))) await box.locator('summary').tap();
  await page.locator('[data-testid="guide-paste-text"]').fill(text);
  if (crs) await page.locator(`[data-testid="guide-paste-crs-${crs}"]`).check();
  await page.locator('[data-testid="guide-paste-use"]').tap();
}

/** The chosen spot as the place screen writes it (5 decimals). */
async function chosen(page) {
  const text = await page.locator('[data-testid="guide-place-chosen"]').innerText();
  const m = /(\d+\.\d+)°\D+(\d+\.\d+)°/.exec(text);
  assert.ok(m, `no coordinates in "${text}"`);
  return { lon: Number(m[1]), lat: Number(m[2]) };
}

const EIGHT = { 北: 0, 东北: 45, 东: 90, 东南: 135, 南: 180, 西南: 225, 西: 270, 西北: 315 };

test('with no basemap.json each accepted place says its direction, distance and coordinates, links to AMap and Baidu, and nothing leaves the origin', async () => {
  const { page, problems, requests, outside } = await openGuide();
  await toPlace(page);
  await paste(page, `${NEAR_P001.lon.toFixed(6)},${NEAR_P001.lat.toFixed(6)}`, 'wgs84');
  await page.locator('[data-testid="guide-next"]').tap();
  await expectStep(page, 'answer');
  const items = page.locator('[data-testid="guide-places"] [data-testid="guide-place"]');
  await items.first().waitFor({ timeout: WAIT_MS });
  const places = await items.evaluateAll((lis) =>
    lis.map((li) => ({
      distance: Number(li.dataset.distanceM),
      way: li.querySelector('[data-testid="guide-place-way"]').textContent,
      coords: li.querySelector('[data-testid="guide-place-coords"]').textContent,
      amap: li.querySelector('[data-testid="guide-place-amap"]'),
      baidu: li.querySelector('[data-testid="guide-place-baidu"]'),
    })).map((p) => ({ ...p, amap: { href: p.amap.href, target: p.amap.target, rel: p.amap.rel }, baidu: { href: p.baidu.href, target: p.baidu.target, rel: p.baidu.rel } })),
  );
  assert.ok(places.length >= 1, 'at least one accepted place');
  for (const p of places) {
    const m = /^距您的选址(东北|东南|西北|西南|东|西|南|北)方向约 ([\d.]+) (米|公里)$/.exec(p.way);
    assert.ok(m, `direction and distance: "${p.way}"`);
    const c = /^北纬 (\d+\.\d{5})°，东经 (\d+\.\d{5})°$/.exec(p.coords);
    assert.ok(c, `coordinates: "${p.coords}"`);
    const at = { lat: Number(c[1]), lon: Number(c[2]) };
    // The word names the sector of the bearing from the spot to the coordinates shown.
    const y = Math.sin(((at.lon - NEAR_P001.lon) * Math.PI) / 180) * Math.cos((at.lat * Math.PI) / 180);
    const x = Math.cos((NEAR_P001.lat * Math.PI) / 180) * Math.sin((at.lat * Math.PI) / 180) -
      Math.sin((NEAR_P001.lat * Math.PI) / 180) * Math.cos((at.lat * Math.PI) / 180) * Math.cos(((at.lon - NEAR_P001.lon) * Math.PI) / 180);
    const bearing = ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
    const off = Math.abs(((bearing - EIGHT[m[1]] + 540) % 360) - 180);
    assert.ok(off <= 22.6, `"${m[1]}" for a bearing of ${bearing.toFixed(1)}°`);
    assert.ok(Math.abs(metres(NEAR_P001, at) - p.distance) < 5, 'the coordinates are the place measured');

    // AMap: GCJ-02, longitude first; Baidu: BD-09, latitude first. Both opened in a new tab.
    const a = new URL(p.amap.href);
    assert.equal(a.origin + a.pathname, 'https://uri.amap.com/marker');
    assert.equal(a.searchParams.get('coordinate'), 'gaode');
    const [alon, alat] = a.searchParams.get('position').split(',').map(Number);
    const g = gcj02(at.lon, at.lat);
    assert.ok(metres(g, { lon: alon, lat: alat }) < 1.5, `AMap gets the GCJ-02 point: ${a.searchParams.get('position')} vs ${g.lon},${g.lat}`);
    const b = new URL(p.baidu.href);
    assert.equal(b.origin + b.pathname, 'https://api.map.baidu.com/marker');
    assert.equal(b.searchParams.get('coord_type'), 'bd09ll');
    assert.equal(b.searchParams.get('output'), 'html');
    const [blat, blon] = b.searchParams.get('location').split(',').map(Number);
    const bd = metres(at, { lon: blon, lat: blat });
    assert.ok(bd > 300 && bd < 1500, `Baidu's point is BD-09, offset from WGS-84: ${bd} m`);
    for (const l of [p.amap, p.baidu]) {
      assert.equal(l.target, '_blank');
      assert.match(l.rel, /noopener/);
    }
  }
  // The chosen spot itself, under the map: its coordinates and its AMap link.
  assert.equal(
    await page.locator('[data-testid="guide-spot-coords"]').innerText(),
    `北纬 ${NEAR_P001.lat.toFixed(5)}°，东经 ${NEAR_P001.lon.toFixed(5)}°`,
  );
  const spotLink = new URL(await page.locator('[data-testid="guide-spot-amap"]').getAttribute('href'));
  const [slon, slat] = spotLink.searchParams.get('position').split(',').map(Number);
  assert.ok(metres(gcj02(NEAR_P001.lon, NEAR_P001.lat), { lon: slon, lat: slat }) < 1.5, 'the spot\'s AMap link is GCJ-02');

  // No tiles, no request beyond the page's origin (the links are only followed when chosen).
  assert.equal(await page.locator('.leaflet-tile').count(), 0);
  assert.equal(await page.locator('[data-testid="notice"]').count(), 0, 'a missing basemap.json is not worth a notice');
  assert.deepEqual(outside, []);
  assert.ok(requests.some((u) => u.endsWith('/basemap.json')), 'the app asked for basemap.json');
  assert.deepEqual(requests.filter((u) => !isLocalUrl(u)), []);
  assert.deepEqual(problems, []);

  await page.evaluate(() => document.querySelector('[data-testid="guide-nearest"]').scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'guided-phone-way.png') });
});

test('pasted coordinates: the system is asked when the text does not say it, read from a map link when it does, and bad text is named', async () => {
  const { page, problems } = await openGuide();
  await toPlace(page);
  const error = page.locator('[data-testid="guide-paste-error"]');

  await paste(page, '兰山区');
  assert.match(await error.innerText(), /找到 0 个数字/);
  await paste(page, '2.35,48.85');
  assert.match(await error.innerText(), /不是中国境内的经纬度/);
  await paste(page, 'https://j.map.baidu.com/7b/abc');
  assert.match(await error.innerText(), /短链接/);

  // Plain numbers, latitude first: which system is asked, then taken.
  await paste(page, `${Q.lat},${Q.lon}`);
  assert.match(await error.innerText(), /请选择坐标来自哪种地图/);
  assert.equal(await page.locator('[data-testid="guide-place-chosen"]').innerText().then((t) => /\d+\.\d+°/.test(t)), false);
  await page.locator('[data-testid="guide-paste-crs-wgs84"]').check();
  await page.locator('[data-testid="guide-paste-use"]').tap();
  assert.equal(await error.count(), 0, 'the message goes once the system is chosen');
  assert.deepEqual(await chosen(page), Q);

  // An AMap link says GCJ-02: taken back to the WGS-84 point.
  const g = gcj02(Q.lon, Q.lat);
  await paste(page, `https://uri.amap.com/marker?position=${g.lon.toFixed(7)},${g.lat.toFixed(7)}&name=x&coordinate=gaode`);
  assert.equal(await page.locator('[data-testid="guide-paste-crs"]').getAttribute('data-detected'), 'gcj02');
  assert.ok(await page.locator('[data-testid="guide-paste-crs-gcj02"]').isChecked());
  const back = await chosen(page);
  assert.ok(metres(back, Q) < 2, `the AMap point comes back to Q: ${JSON.stringify(back)}`);
  await page.locator('[data-testid="guide-paste"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'guided-phone-paste.png') });
  assert.deepEqual(problems, []);
});

/** Where on the screen tiles of `crs` have the WGS-84 point `p`: from the tile <img> Leaflet placed
 * (its z/x/y in its address, its box on the screen), so independent of how the app draws. */
async function tilePixel(page, p, crs, map = '[data-testid="guide-map"]') {
  const q = crs === 'gcj02' ? gcj02(p.lon, p.lat) : p;
  return page.evaluate(({ lon, lat, origin, map }) => {
    for (const img of document.querySelectorAll(`${map} img.leaflet-tile`)) {
      const m = /\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(img.src);
      if (!m || !img.src.startsWith(origin)) continue;
      const [z, tx, ty] = m.slice(1).map(Number);
      const world = 256 * 2 ** z;
      const wx = ((lon + 180) / 360) * world;
      const s = Math.sin((lat * Math.PI) / 180);
      const wy = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * world;
      if (Math.floor(wx / 256) !== tx || Math.floor(wy / 256) !== ty) continue;
      const r = img.getBoundingClientRect();
      const k = r.width / 256;
      return { x: r.left + (wx - tx * 256) * k, y: r.top + (wy - ty * 256) * k };
    }
    return null;
  }, { ...q, origin: TILES, map });
}

/** The WGS-84 point whose GCJ-02 image is `g` (the test's own forward conversion, iterated). */
function fromGcj02(g) {
  let w = { lon: g.lon, lat: g.lat };
  for (let k = 0; k < 10; k++) {
    const f = gcj02(w.lon, w.lat);
    w = { lon: w.lon - (f.lon - g.lon), lat: w.lat - (f.lat - g.lat) };
  }
  return w;
}

async function spotPixel(page) {
  const r = await page.locator('[data-testid="guide-spot"]').boundingBox();
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

for (const crs of ['wgs84', 'gcj02']) {
  test(`on ${crs} tiles the spot lands on its own pixel of the tiles, and a tap there gives the WGS-84 point back`, async () => {
    const basemap = { url: `${TILES}/{z}/{x}/{y}.png`, attribution: '© test tiles', crs, max_zoom: 18 };
    const { page, problems, outside, tiles } = await openGuide({ basemap });
    await toPlace(page);
    await page.waitForSelector('[data-testid="guide-map"] img.leaflet-tile', { state: 'attached', timeout: WAIT_MS });
    await paste(page, `${Q.lon},${Q.lat}`, 'wgs84');
    assert.deepEqual(await chosen(page), Q);
    // Zoomed in on the spot (17: a pixel is about a metre), with its tiles loaded.
    const shown = crs === 'gcj02' ? gcj02(Q.lon, Q.lat) : Q;
    // After the map's own framing of the new spot (it may still be animating).
    await page.waitForFunction(() => !window.__dingdianGuideMap._animatingZoom, null, { timeout: WAIT_MS });
    await page.waitForTimeout(400);
    await page.evaluate(({ lon, lat }) => window.__dingdianGuideMap.setView([lat, lon], 17, { animate: false }), shown);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="guide-map"] img.leaflet-tile-loaded').length > 0 &&
      [...document.querySelectorAll('[data-testid="guide-map"] img.leaflet-tile')].every((i) => i.src.includes('/17/')), null, { timeout: WAIT_MS })
      .catch(async (e) => {
        const srcs = await page.evaluate(() => [...document.querySelectorAll('[data-testid="guide-map"] img.leaflet-tile')].map((i) => `${i.className} ${i.src}`));
        const zoom = await page.evaluate(() => window.__dingdianGuideMap.getZoom());
        assert.fail(`tiles at zoom ${zoom}: ${srcs.join('\n')}: ${e.message}`);
      });
    await page.locator('[data-testid="guide-map"]').scrollIntoViewIfNeeded();
    const want = await tilePixel(page, Q, crs);
    assert.ok(want, 'a tile holds the spot');
    const got = await spotPixel(page);
    assert.ok(Math.hypot(got.x - want.x, got.y - want.y) < 2, `the pin at ${JSON.stringify(got)}, the tiles have the spot at ${JSON.stringify(want)}`);
    if (crs === 'gcj02') {
      const unshifted = await tilePixel(page, Q, 'wgs84');
      if (unshifted) assert.ok(Math.hypot(got.x - unshifted.x, got.y - unshifted.y) > 50, 'the pin is not where WGS-84 tiles would have it');
      assert.equal(await page.locator('[data-testid="guided"] .leaflet-control-attribution').innerText(), '© test tiles');
    }

    // A tap 40 px east of the spot: the point under the finger, in WGS-84.
    const map = await page.locator('[data-testid="guide-map"] .leaflet-container').boundingBox();
    const tapped = await page.evaluate(({ x, y, crs }) => {
      const m = window.__dingdianGuideMap;
      const box = m.getContainer().getBoundingClientRect();
      const at = m.containerPointToLatLng([x - box.left, y - box.top]);
      return { lon: at.lng, lat: at.lat, crs };
    }, { x: got.x + 40, y: got.y, crs });
    assert.ok(got.x + 40 < map.x + map.width);
    await page.touchscreen.tap(got.x + 40, got.y);
    await page.waitForFunction((lon) => !document.querySelector('[data-testid="guide-place-chosen"]').textContent.includes(lon), `${Q.lon}°`, { timeout: WAIT_MS });
    const after = await chosen(page);
    // Leaflet's point under the finger is in the tiles' system; the spot must be its WGS-84 point.
    const expect = crs === 'gcj02' ? fromGcj02(tapped) : tapped;
    assert.ok(metres(after, expect) < 2, `tapped ${JSON.stringify(after)}, expected ${JSON.stringify(expect)}`);
    assert.ok(metres(after, Q) > 20 && metres(after, Q) < 60, `40 px east at zoom 17 is some 40 m: ${metres(after, Q)} m`);

    assert.ok(tiles.length > 0 && tiles.every((u) => u.startsWith(`${TILES}/`)), 'tiles came from the configured server only');
    assert.deepEqual(outside, []);
    assert.deepEqual(problems, []);
    await page.screenshot({ path: path.join(OUTPUT_DIR, `guided-phone-tiles-${crs}.png`) });
  });
}

test('a wrong basemap.json, or a tile server the page policy refuses, is said in a notice; no tiles, the check still works', async () => {
  for (const [basemap, said] of [
    [{ url: `${TILES}/{z}/{x}/{y}.png`, attribution: 'x', crs: 'bd09' }, /字段 crs/],
    [{ url: `${TILES}/{z}/{x}.png`, attribution: 'x', crs: 'wgs84' }, /字段 url：缺少 \{y\}/],
    [{ url: 'https://t{s}.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=KEY', subdomains: '01234567', attribution: '© 天地图', crs: 'wgs84' }, /https:\/\/t0\.tianditu\.gov\.cn/],
  ]) {
    const { page, problems, outside, tiles } = await openGuide({ basemap });
    const notice = page.locator('[data-testid="notice"]');
    await notice.first().waitFor({ timeout: WAIT_MS });
    assert.match(await notice.first().innerText(), said);
    await toPlace(page);
    await paste(page, `${Q.lon},${Q.lat}`, 'wgs84');
    await page.locator('[data-testid="guide-next"]').tap();
    await expectStep(page, 'answer');
    assert.equal(await page.locator('.leaflet-tile').count(), 0);
    assert.deepEqual(tiles, []);
    assert.deepEqual(outside, []);
    assert.deepEqual(problems, []);
  }
});

test('the expert map on GCJ-02 tiles draws the application at its shifted pixel and places a click at the WGS-84 point under it', async () => {
  const basemap = { url: `${TILES}/{z}/{x}/{y}.png`, attribution: '© test tiles', crs: 'gcj02' };
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  contexts.push(context);
  await context.route('**/*', (route) => (isLocalUrl(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  await context.route(`${TILES}/**`, (route) => {
    answeredByTest.add(route.request().url());
    return route.fulfill({ status: 200, contentType: 'image/png', body: PNG });
  });
  await context.route('**/basemap.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(basemap) }));
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(BASE_URL, { waitUntil: 'load', timeout: WAIT_MS });
  await page.waitForSelector('[data-testid="map-application"]', { timeout: WAIT_MS });
  await page.waitForSelector('[data-testid="map-shifted"]', { timeout: WAIT_MS });
  const frame = page.locator('[data-testid="map"]');
  const app = { lon: Number(await frame.getAttribute('data-app-lon')), lat: Number(await frame.getAttribute('data-app-lat')) };
  const g = gcj02(app.lon, app.lat);
  await page.waitForFunction(() => !window.__dingdianMap._animatingZoom, null, { timeout: WAIT_MS });
  await page.waitForTimeout(400);
  await page.evaluate(({ lon, lat }) => window.__dingdianMap.setView([lat, lon], 17, { animate: false }), g);
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="map"] img.leaflet-tile')].filter((i) => i.src.includes('/17/')).length > 0, null, { timeout: WAIT_MS });
  await frame.scrollIntoViewIfNeeded();
  const want = await tilePixel(page, app, 'gcj02', '[data-testid="map"]');
  assert.ok(want, 'a tile holds the application');
  const pin = await page.locator('[data-testid="map-application"]').boundingBox();
  const got = { x: pin.x + pin.width / 2, y: pin.y + pin.height / 2 };
  assert.ok(Math.hypot(got.x - want.x, got.y - want.y) < 2, `the pin at ${JSON.stringify(got)}, the tiles have it at ${JSON.stringify(want)}`);

  const tapped = await page.evaluate(({ x, y }) => {
    const m = window.__dingdianMap;
    const box = m.getContainer().getBoundingClientRect();
    const at = m.containerPointToLatLng([x - box.left, y - box.top]);
    return { lon: at.lng, lat: at.lat };
  }, { x: got.x + 60, y: got.y });
  await page.mouse.click(got.x + 60, got.y);
  await page.waitForFunction((lon) => document.querySelector('[data-testid="map"]').dataset.appLon !== lon, String(app.lon), { timeout: WAIT_MS });
  const placed = { lon: Number(await frame.getAttribute('data-app-lon')), lat: Number(await frame.getAttribute('data-app-lat')) };
  assert.ok(metres(placed, fromGcj02(tapped)) < 1, `placed at ${JSON.stringify(placed)}`);
  assert.ok(metres(placed, tapped) > 300, 'not at the GCJ-02 point itself');
  assert.deepEqual(problems, []);
});
