// On a phone (360×740, touch): a finger dragged fast along the radius slider ends on the value
// under the finger, computed; a tap on a slow phone moves the pin with the answer; picking a
// synthetic city says at once that it is being made.
// What the phone's timings are is scripts/bench's to report (bench/phone.mjs), never asserted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WAIT_MS, openTask, setParam, useApp } from './helpers.mjs';

const session = useApp();
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, serviceWorkers: 'block' };

async function openPhone() {
  const context = await session.browser().newContext(PHONE);
  return session.open({ context });
}

test('a fast finger drag along the radius slider ends with the radius under the finger computed', async () => {
  const { page, context } = await openPhone();
  // The coverage panel, which says the radius in force, is a task of its own.
  await openTask(page, 'coverage');
  const slider = page.locator('input[type=range][data-param-range="service_radius_m"]');
  await slider.scrollIntoViewIfNeeded();
  // Wait until nothing moves there any more, then drag from the left end to three quarters.
  await page.waitForTimeout(300);
  const b = await slider.boundingBox();
  const y = b.y + b.height / 2;
  const x0 = b.x + 8;
  const x1 = b.x + (b.width - 16) * 0.75 + 8;
  const cdp = await context.newCDPSession(page);
  const touch = (type, x) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1 }] });
  await touch('touchStart', x0);
  // Many moves with no pause between them: more input events than frames.
  for (let k = 1; k <= 40; k++) await touch('touchMove', x0 + ((x1 - x0) * k) / 40);
  // A hand faster than the frames: the finger's last positions reach the page inside one task,
  // then it lifts (`change`).
  await page.evaluate(() => {
    const r = document.querySelector('input[type=range][data-param-range="service_radius_m"]');
    for (const v of ['1200', '1350', '1550']) {
      r.value = v;
      r.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
  await touch('touchEnd', x1);
  await slider.evaluate((r) => r.dispatchEvent(new Event('change', { bubbles: true })));
  const final = await slider.inputValue();
  assert.equal(final, '1550', 'the thumb is where the finger stopped');
  // The radius in force is the value under the finger: the field, the coverage panel and the map
  // all say so.
  await page.waitForFunction(
    (v) =>
      document.querySelector('input[type=number][data-param="service_radius_m"]').value === v &&
      document.querySelector('[data-testid="coverage-panel"]')?.dataset.radius === v,
    final,
    { timeout: WAIT_MS },
  ).catch(async () => {
    const shown = await page.locator('input[type=number][data-param="service_radius_m"]').inputValue();
    const coverage = await page.locator('[data-testid="coverage-panel"]').getAttribute('data-radius');
    assert.fail(`the drag ended at ${final} m, but the field shows ${shown} m and coverage ${coverage} m`);
  });
});

/** Drags a finger along the radius slider in `steps` moves (40 ms apart) from the left end to
 * `to` of its width and holds it there, on a CPU slowed `rate` times; returns the recomputes
 * made while it was held, for how long (ms), the thumb's and the field's values after each
 * move, and `lift`. */
async function holdDrag(page, context, { steps, to, rate = 1 }) {
  const slider = page.locator('input[type=range][data-param-range="service_radius_m"]');
  // Mid-screen: at the top edge the sticky change line would take the touch.
  await slider.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(800);
  const start = await slider.inputValue();
  const b = await slider.boundingBox();
  const y = b.y + b.height / 2;
  const x0 = b.x + 8;
  const x1 = b.x + 8 + (b.width - 16) * to;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  try {
    const touch = (type, x) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1 }] });
    const recomputes = () => page.evaluate(() => window.__dingdianTiming?.recomputes ?? 0);
    const before = await recomputes();
    const now = () => page.evaluate(() => performance.now());
    const t0 = await now();
    const shown = [];
    await touch('touchStart', x0);
    for (let k = 1; k <= steps; k++) {
      await touch('touchMove', x0 + ((x1 - x0) * k) / steps);
      await page.waitForTimeout(40);
      shown.push(await page.evaluate(() => [
        document.querySelector('input[type=range][data-param-range="service_radius_m"]').value,
        document.querySelector('input[type=number][data-param="service_radius_m"]').value,
      ]));
    }
    const held = (await recomputes()) - before;
    const heldMs = (await now()) - t0;
    assert.notEqual(shown.at(-1)[0], start, 'the finger moved the thumb');
    return { held, heldMs, shown, lift: () => touch('touchEnd', x1) };
  } finally {
    // The renderer may be shared with the next test's page.
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
}

test('on a phone too slow to follow a drag, the held slider recomputes on release; the number follows the finger', async () => {
  const { page, context } = await openPhone();
  await openTask(page, 'coverage');
  const radiusInForce = () => page.locator('[data-testid="coverage-panel"]').getAttribute('data-radius');
  // A phone far slower than this machine: each recompute and its rendering take many frames.
  const { held, heldMs, shown, lift } = await holdDrag(page, context, { steps: 20, to: 0.75, rate: 20 });
  // The first value or two are computed while the app learns how long a frame takes; then one
  // every 0.75 s at most, not one per move.
  assert.ok(held <= 2 + heldMs / 750, `${held} recomputes in ${Math.round(heldMs)} ms of a held drag on a slow phone (${shown.length} moves)`);
  for (const [thumb, field] of shown.slice(-5)) assert.equal(field, thumb, 'the number beside the slider follows the thumb');
  const last = shown.at(-1)[0];
  await lift();
  await page.waitForFunction((v) => document.querySelector('[data-testid="coverage-panel"]')?.dataset.radius === v, last, { timeout: WAIT_MS })
    .catch(async () => assert.fail(`released at ${last} m, the radius in force is ${await radiusInForce()} m`));
});

test('where frames are quick, a held slider recomputes as it moves', async () => {
  const { page, context } = await openPhone();
  await openTask(page, 'coverage');
  const { held, shown, lift } = await holdDrag(page, context, { steps: 12, to: 0.6 });
  // Most moves, not all: on a busy machine a frame now and then runs long.
  assert.ok(held >= 4, `${held} recomputes during a drag of ${shown.length} moves on the small sample`);
  await lift();
});

test('on a slow phone, a tap on the map moves the pin in the same frame as the answer', async () => {
  const { page, context } = await openPhone();
  const map = page.locator('[data-testid="map"]');
  await map.locator('.leaflet-container').waitFor({ state: 'visible', timeout: WAIT_MS });
  await map.locator('[data-testid="map-application"]').waitFor({ state: 'attached', timeout: WAIT_MS });
  await map.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  // A spot in western 河东区 with no designated pharmacy near (as in map.test.mjs), at street zoom.
  const spot = { lon: 118.365, lat: 35.06 };
  await page.evaluate(([lon, lat]) => window.__dingdianMap.setView([lat, lon], 14, { animate: false }), [spot.lon, spot.lat]);
  await page.waitForTimeout(500);
  const pt = await page.evaluate(([lon, lat]) => window.__dingdianMap.latLngToContainerPoint([lat, lon]), [spot.lon, spot.lat]);
  const box = await map.locator('.leaflet-container').boundingBox();
  // Each frame numbered (requestAnimationFrame); the frame in which the application's place in
  // the page (the map's data-app-lon, set by the render) and the pin's position (Leaflet's, set
  // by the map's drawing) first changed.
  await page.evaluate(() => {
    const seen = { frame: 0, answer: null, pin: null };
    window.__pinFrames = seen;
    const tick = () => { seen.frame += 1; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const mapEl = document.querySelector('[data-testid="map"]');
    const lon0 = mapEl.dataset.appLon;
    const pin = () => document.querySelector('[data-testid="map-application"]')?.closest('.leaflet-marker-icon');
    const style0 = pin()?.style.transform;
    new MutationObserver(() => {
      if (seen.answer === null && mapEl.dataset.appLon !== lon0) seen.answer = seen.frame;
      if (seen.pin === null && pin() && pin().style.transform !== style0) seen.pin = seen.frame;
    }).observe(mapEl, { subtree: true, attributes: true, childList: true });
  });
  const cdp = await context.newCDPSession(page);
  // Slow enough that rendering the answer takes longer than a frame, so that Yew yields to the
  // browser before its effects run.
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  try {
    await page.touchscreen.tap(box.x + pt.x, box.y + pt.y);
    await page.waitForFunction(() => window.__pinFrames.answer !== null && window.__pinFrames.pin !== null, null, { timeout: WAIT_MS })
      .catch(async () => assert.fail(`the tap did not move both: ${JSON.stringify(await page.evaluate(() => window.__pinFrames))}`));
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
  const { answer, pin } = await page.evaluate(() => window.__pinFrames);
  assert.equal(pin, answer, `the answer changed in frame ${answer} and the pin moved in frame ${pin}`);
});

test('picking a synthetic city says at once that it is being made, then shows it', async () => {
  const { page } = await openPhone();
  // Record every moment the "being made" line is in the page.
  await page.evaluate(() => {
    window.__making = { seen: false, disabled: false };
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="dataset-making"][role="status"]')) {
        window.__making.seen = true;
        window.__making.disabled ||= document.querySelector('select[data-testid="dataset"]').disabled;
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await page.locator('[data-testid="menu-button"]').tap();
  await page.locator('select[data-testid="dataset"]').selectOption('xian');
  await page.waitForSelector('[data-testid="sample-banner"][data-dataset="xian"]', { timeout: WAIT_MS });
  await page.locator('[data-testid="dataset-making"]').waitFor({ state: 'detached', timeout: WAIT_MS });
  const making = await page.evaluate(() => window.__making);
  assert.ok(making.seen, 'a line said the city was being made');
  assert.ok(making.disabled, 'the picker waits while the city is made');
  assert.equal(await page.locator('select[data-testid="dataset"]').isDisabled(), false, 'the picker is back once it is shown');
  await page.locator('[data-testid="outcome"]').waitFor({ state: 'attached', timeout: WAIT_MS });
});

test('a map scrolled far off the phone\'s screen is drawn anew when it comes back, with what changed meanwhile', async () => {
  const { page } = await openPhone();
  const map = page.locator('[data-testid="map"] .leaflet-container');
  await map.waitFor({ state: 'visible', timeout: WAIT_MS });
  // The application's service circle, as Leaflet draws it (metres), and the map's update count.
  const drawn = () =>
    page.evaluate(() => {
      let circle = 0;
      window.__dingdianMap.eachLayer((l) => {
        if (l instanceof L.Circle) circle = Math.max(circle, l.getRadius());
      });
      return { circle, syncs: window.__dingdianTiming?.syncs ?? 0, rings: document.querySelectorAll('svg path.dd-hit').length };
    });
  // Settled: the county outlines arrive after the first drawing and are drawn too.
  await page.waitForFunction(() => {
    const n = window.__dingdianTiming?.syncs ?? 0;
    const w = (window.__settle ??= { n, at: performance.now() });
    if (w.n !== n) Object.assign(w, { n, at: performance.now() });
    return n > 0 && performance.now() - w.at > 800;
  }, null, { timeout: WAIT_MS, polling: 100 });
  const before = await drawn();
  assert.equal(before.circle, 800, 'the sample\'s service circle is 800 m');

  // The parameters are far below the map on a phone: the map is more than a screen away. A
  // person scrolls there over many frames before editing; the test scrolls at once, so it waits
  // for the frames in which the browser reports the map gone (the IntersectionObserver).
  await page.locator('input[type=number][data-param="service_radius_m"]').scrollIntoViewIfNeeded();
  assert.ok((await map.boundingBox()).y + 740 < 0, 'the map is more than a screen above');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
  const scrolled = await drawn();
  await setParam(page, 'service_radius_m', 2000);
  await page.waitForFunction(() => document.querySelector('input[type=range][data-param-range="service_radius_m"]')?.value === '2000', null, { timeout: WAIT_MS });
  await page.waitForTimeout(300);
  const away = await drawn();
  assert.equal(away.syncs, scrolled.syncs, 'nobody sees the map: it is not drawn meanwhile');
  assert.equal(away.circle, 800, 'the map still shows the old circle, undrawn');

  // Scrolled back: the circle and the rings are those of 2 km.
  await map.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    let circle = 0;
    window.__dingdianMap.eachLayer((l) => {
      if (l instanceof L.Circle) circle = Math.max(circle, l.getRadius());
    });
    return circle === 2000;
  }, null, { timeout: WAIT_MS }).catch(async () => assert.fail(`back on the screen the service circle is ${(await drawn()).circle} m, not 2,000`));
  const back = await drawn();
  assert.ok(back.rings > before.rings, `more same-type pharmacies are ringed within 2 km (${back.rings}) than within 800 m (${before.rings})`);
});
