// The app on a mid-range phone: the release build in Chromium emulating a 360×740 phone (DPR 2,
// touch, mobile: Playwright's context options, which send CDP Emulation.setDeviceMetricsOverride
// and Emulation.setTouchEmulationEnabled) with the CPU slowed by CDP
// Emulation.setCPUThrottlingRate, at each rate of RATES (default 4 and 1), RUNS runs each (a
// fresh page every run), medians and spread (min–max).
//
// What one figure is: from the input event that carries the intent (its Event.timeStamp: the
// slider's `input`, a field's or a select's `change`, a tap's `click`) to the end of the first
// frame painted after the last change that input caused — every DOM mutation (MutationObserver)
// and every image that finished loading (the map's cell and institution images), until the page
// has been quiet for QUIET_MS. "The end of a frame" is a MessageChannel message posted from a
// requestAnimationFrame callback: it runs after that frame's style, layout and paint. So each
// figure covers the app's recompute, Yew's rendering, Leaflet's layers, the image's decoding and
// the frame that paints them, to within one frame. "shown" figures stop instead at the frame after
// the change that first made the interaction's own answer true (the decision, the guided answer),
// before the map has caught up. The Event Timing API's duration of the same event (first paint
// after its handlers) is kept in the JSON as `event_ms` for comparison: it stops before work the
// app defers to the next frame or to an image load, so it is not the headline figure.
//
// Interactions, each run, on a fresh page (the expert view, then guided mode):
//   dataset   the data-set picker set to the synthetic Xi'an (outlines fetched, indexes built,
//             everything recomputed and redrawn); with the longest task and frame gap inside
//   radius    a tap on the radius slider on Xi'an (one step of the service radius)
//   param     a parameter typed into its field and committed (Enter) on Xi'an
//   place     a tap on the map placing the selected application on Xi'an
//   drag      a finger dragged along the radius slider (CDP Input.dispatchTouchEvent, 60 moves
//             16 ms apart): the longest frame gap and task during it, input events, recomputes,
//             and whether the value under the finger at the end is the one computed
//   guided    the guided check's "next" tapped on the place step: to the answer (shown) and to
//             its places on the small map (settled)
// The app's test hooks are on (window.__dingdianTestHooks), for the guided map's handle (to tap
// a known spot) and the map's update counter (recomputes during the drag); they only expose objects.
//
//   node phone.mjs OUT.json RUNS LABEL=DIST_DIR [LABEL=DIST_DIR …]
// Several builds (before/after a change) are served side by side under /LABEL/ and measured in
// turn within each run (their order alternating run by run), so the machine's changing load
// falls on all of them alike. Environment: PHONE_PORT (default 8109), PHONE_RATES ("4,1"),
// PHONE_PARTS ("expert,guided": either alone measures only its interactions), CHROMIUM, and
// PHONE_TRACE=FILE: a Chromium trace of the finger drag (the last one measured) written there.
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './static-server.mjs';

const [outPath, runsArg, ...builds] = process.argv.slice(2);
if (!outPath || !builds.length) {
  console.error('usage: node phone.mjs OUT.json RUNS LABEL=DIST_DIR [LABEL=DIST_DIR …]');
  process.exit(2);
}
const RUNS = Number(runsArg) || 5;
const RATES = (process.env.PHONE_RATES ?? '4,1').split(',').map(Number);
const PORT = Number(process.env.PHONE_PORT ?? 8109);
const PARTS = (process.env.PHONE_PARTS ?? 'expert,guided').split(',');
const QUIET_MS = 700;
const SETTLE_MS = 1500;
const WAIT_MS = 60_000;
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, serviceWorkers: 'block' };
// A spot 300 m east of the sample's designated pharmacy p-001 (tests/e2e/guided.test.mjs).
const P001 = { lon: 118.318684, lat: 35.064378 };
const NEAR_P001 = { lon: P001.lon + 300 / (111195 * Math.cos((P001.lat * Math.PI) / 180)), lat: P001.lat };

const root = mkdtempSync(path.join(os.tmpdir(), 'dingdian-phone-'));
const labels = builds.map((b) => {
  const [label, dir] = b.split('=');
  symlinkSync(path.resolve(dir), path.join(root, label));
  return label;
});
const server = serve(root, PORT);

// Installed in every page before the app: records changes, frames, long tasks and events.
function recorder() {
  const r = { lastChange: 0, frames: [], ends: [], longtasks: [], events: [], timing: [], watch: null };
  window.__ph = r;
  const mark = () => {
    const now = performance.now();
    r.lastChange = now;
    if (r.watch && r.watch.at === null) {
      try {
        if (r.watch.pred()) r.watch.at = now;
      } catch {
        /* not there yet */
      }
    }
  };
  new MutationObserver(mark).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener('load', (e) => e.target instanceof HTMLImageElement && mark(), true);
  const ch = new MessageChannel();
  ch.port1.onmessage = () => r.ends.push(performance.now());
  const tick = (t) => {
    r.frames.push(t);
    ch.port2.postMessage(0);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  new PerformanceObserver((l) => l.getEntries().forEach((e) => r.longtasks.push([e.startTime, e.duration]))).observe({ type: 'longtask' });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => r.timing.push([e.name, e.startTime, e.duration]))).observe({ type: 'event', durationThreshold: 16 });
  for (const type of ['input', 'change', 'click']) addEventListener(type, (e) => r.events.push([type, e.timeStamp]), true);
}

/** Runs `act`, then waits in the page until `pred` holds and the page has been quiet. */
async function measure(page, { act, intent, pred, quiet: q = QUIET_MS }) {
  // Past the autosave of the step before (it runs 700 ms after an edit, changing nothing shown).
  await quiet(page, SETTLE_MS);
  const t_mark = await page.evaluate((pred) => {
    const r = window.__ph;
    r.watch = { pred: new Function(`return (${pred});`), at: null };
    return performance.now();
  }, pred);
  await act();
  return page.evaluate(
    async ({ t_mark, intent, quiet, wait }) => {
      const r = window.__ph;
      const start = performance.now();
      for (;;) {
        await new Promise((res) => setTimeout(res, 25));
        if (r.watch.at === null && r.watch.pred()) r.watch.at = Math.max(r.lastChange, t_mark);
        if (r.watch.at !== null && performance.now() - r.lastChange >= quiet) break;
        if (performance.now() - start > wait) throw new Error(`not shown after ${wait} ms: ${r.watch.pred}`);
      }
      const ev = r.events.find(([type, ts]) => type === intent && ts >= t_mark);
      if (!ev) throw new Error(`no ${intent} event`);
      const t0 = ev[1];
      const endAfter = (t) => r.ends.find((e) => e > t) ?? performance.now();
      const shown = endAfter(r.watch.at);
      const settled = endAfter(Math.max(r.lastChange, r.watch.at));
      const frames = r.frames.filter((t) => t >= t0 - 100 && t <= settled + 1);
      let gap = 0;
      for (let k = 1; k < frames.length; k++) gap = Math.max(gap, frames[k] - frames[k - 1]);
      const task = Math.max(0, ...r.longtasks.filter(([s, d]) => s + d >= t0 && s <= settled).map(([, d]) => d));
      const et = r.timing.find(([name, st]) => name === intent && Math.abs(st - t0) < 2);
      r.watch = null;
      return { ms: settled - t0, shown_ms: shown - t0, longest_task_ms: task, longest_frame_gap_ms: gap, event_ms: et ? et[2] : null };
    },
    { t_mark, intent, quiet: q, wait: WAIT_MS },
  );
}

/** Taps the element at fractions (fx, fy) of its box, once the page has stopped moving there. */
async function tapAt(page, locator, fx = 0.5, fy = 0.5) {
  for (let attempt = 0; ; attempt++) {
    await locator.scrollIntoViewIfNeeded();
    await quiet(page);
    const b = await locator.boundingBox();
    const [x, y] = [b.x + b.width * fx, b.y + b.height * fy];
    const hit = await locator.evaluate((el, { x, y }) => el.contains(document.elementFromPoint(x, y)), { x, y });
    if (hit || attempt >= 5) {
      await page.touchscreen.tap(x, y);
      return;
    }
  }
}

/** The point of the expert map nearest (fx, fy) of its box, on a 5 % grid, where a tap meets the
 * map itself: no marker, cluster, popup or control. */
async function bareMapSpot(page, fx, fy) {
  const spot = await page.evaluate(({ fx, fy }) => {
    const el = document.querySelector('[data-testid="map"] .leaflet-container');
    const b = el.getBoundingClientRect();
    const top = Math.max(b.top, 0);
    const bottom = Math.min(b.bottom, innerHeight);
    const points = [];
    for (let i = 1; i < 20; i++) for (let j = 1; j < 20; j++) points.push([i / 20, j / 20]);
    points.sort((p, q) => Math.hypot(p[0] - fx, p[1] - fy) - Math.hypot(q[0] - fx, q[1] - fy));
    for (const [u, v] of points) {
      const x = b.left + b.width * u;
      const y = top + (bottom - top) * v;
      const hit = document.elementFromPoint(x, y);
      if (hit && el.contains(hit) && !hit.closest('.leaflet-marker-icon, .leaflet-interactive, .leaflet-control, .leaflet-popup')) return { x, y };
    }
    return null;
  }, { fx, fy });
  if (!spot) throw new Error('no bare spot on the map to tap');
  return spot;
}

async function quiet(page, ms = QUIET_MS) {
  await page.evaluate(async (q) => {
    const r = window.__ph;
    while (performance.now() - r.lastChange < q) await new Promise((res) => setTimeout(res, 25));
  }, ms);
}

const SLIDER = 'input[type=range][data-param-range="service_radius_m"]';
const RADIUS_FIELD = 'input[type=number][data-param="service_radius_m"]';
const PARAM = 'pharmacy_saturated_above_per_10k';

async function expert(context, base, rate, run) {
  const page = await context.newPage();
  await page.goto(base, { waitUntil: 'load', timeout: WAIT_MS });
  await page.waitForSelector('[data-testid="outcome"]', { state: 'attached', timeout: WAIT_MS });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const out = {};

  // The data-set switch (the picker sits in the phone header's menu).
  await page.locator('[data-testid="menu-button"]').tap();
  out.dataset = await measure(page, {
    intent: 'change',
    pred: `document.querySelector('[data-testid="sample-banner"]')?.dataset.dataset === 'xian' && !!document.querySelector('[data-testid="outcome"]')`,
    act: () => page.locator('select[data-testid="dataset"]').selectOption('xian'),
  });
  await page.locator('[data-testid="menu-button"]').tap();
  await quiet(page);

  // One step of the slider, by a tap on its track (alternating sides run by run).
  const slider = page.locator(SLIDER);
  const fx = run % 2 ? 0.3 : 0.7;
  out.radius = await measure(page, {
    intent: 'input',
    pred: `(() => { const s = document.querySelector('${SLIDER}'), f = document.querySelector('${RADIUS_FIELD}'); return s && f && f.value === s.value && s.value !== '${await slider.inputValue()}'; })()`,
    act: () => tapAt(page, slider, fx),
  });

  // A parameter typed and committed.
  const field = page.locator(`input[type=number][data-param="${PARAM}"]`);
  await field.scrollIntoViewIfNeeded();
  const was = Number(await field.inputValue());
  const want = String(was + 1);
  await field.tap();
  await field.fill(want);
  out.param = await measure(page, {
    intent: 'change',
    pred: `document.querySelector('[data-param-row="${PARAM}"]')?.dataset.changed === 'true'`,
    act: () => field.press('Enter'),
  });

  // A tap on the map places the application. At whole-city zoom most of Xi'an is under cluster
  // markers, and a tap on one zooms in (by design), so the map is first brought to street zoom
  // around the application, as a person would before placing it, and the tap goes to a spot that
  // no marker or control covers.
  const map = page.locator('[data-testid="map"]');
  await map.scrollIntoViewIfNeeded();
  await page.evaluate(() => {
    const m = document.querySelector('[data-testid="map"]');
    window.__dingdianMap.setView([Number(m.dataset.appLat), Number(m.dataset.appLon)], 15, { animate: false });
  });
  await quiet(page);
  const lon0 = await map.getAttribute('data-app-lon');
  const spot = await bareMapSpot(page, run % 2 ? 0.35 : 0.65, 0.4);
  out.place = await measure(page, {
    intent: 'click',
    pred: `document.querySelector('[data-testid="map"]')?.dataset.appLon !== '${lon0}'`,
    act: () => page.touchscreen.tap(spot.x, spot.y),
  });

  // A finger dragged along the slider from its left end to its right end.
  await tapAt(page, slider, 0.01);
  await quiet(page);
  await slider.scrollIntoViewIfNeeded();
  const b = await slider.boundingBox();
  const y = b.y + b.height / 2;
  const x0 = b.x + 8;
  const x1 = b.x + b.width - 8;
  const rec0 = await page.evaluate(() => {
    const r = window.__ph;
    r.dragInputs = [];
    r.dragListener = (e) => r.dragInputs.push(e.target.value);
    document.querySelector('input[type=range][data-param-range="service_radius_m"]').addEventListener('input', r.dragListener);
    // Recomputes (`syncs`, map updates, in builds before the map waited off the screen).
    const tm = window.__dingdianTiming ?? {};
    return { t: performance.now(), recomputes: tm.recomputes ?? tm.syncs ?? 0 };
  });
  const touch = (type, x) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }] });
  if (process.env.PHONE_TRACE) {
    await context.browser().startTracing(page, { path: process.env.PHONE_TRACE, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] });
  }
  await touch('touchStart', x0);
  const STEPS = 60;
  for (let k = 1; k <= STEPS; k++) {
    await touch('touchMove', x0 + ((x1 - x0) * k) / STEPS);
    await new Promise((res) => setTimeout(res, 16));
  }
  await touch('touchEnd', x1);
  const t_end = await page.evaluate(() => performance.now());
  await quiet(page);
  if (process.env.PHONE_TRACE) await context.browser().stopTracing();
  out.drag = await page.evaluate(
    ({ rec0, t_end }) => {
      const r = window.__ph;
      document.querySelector('input[type=range][data-param-range="service_radius_m"]').removeEventListener('input', r.dragListener);
      const frames = r.frames.filter((t) => t >= rec0.t && t <= t_end + 50);
      let gap = 0;
      for (let k = 1; k < frames.length; k++) gap = Math.max(gap, frames[k] - frames[k - 1]);
      const task = Math.max(0, ...r.longtasks.filter(([s, d]) => s + d >= rec0.t && s <= t_end).map(([, d]) => d));
      const slider = document.querySelector('input[type=range][data-param-range="service_radius_m"]').value;
      const shown = document.querySelector('input[type=number][data-param="service_radius_m"]').value;
      return {
        longest_frame_gap_ms: gap,
        longest_task_ms: task,
        long_tasks: r.longtasks.filter(([s, d]) => s >= rec0.t && s <= t_end && d > 50).length,
        input_events: r.dragInputs.length,
        values: new Set(r.dragInputs).size,
        recomputes: ((tm) => tm.recomputes ?? tm.syncs ?? 0)(window.__dingdianTiming ?? {}) - rec0.recomputes,
        final_value: slider,
        final_computed: slider === shown,
      };
    },
    { rec0, t_end },
  );
  await page.close();
  return out;
}

async function guided(context, base, rate) {
  const page = await context.newPage();
  await page.goto(`${base}?mode=guide`, { waitUntil: 'load', timeout: WAIT_MS });
  const step = (s) => page.waitForSelector(`[data-testid="guided"][data-step="${s}"]`, { timeout: WAIT_MS });
  await step('kind');
  await page.locator('[data-testid="guide-kind-pharmacy"]').tap();
  await page.locator('[data-testid="guide-next"]').tap();
  await step('detail');
  await page.locator('[data-testid="guide-next"]').tap();
  await step('change');
  await page.locator('[data-testid="guide-change-new"]').tap();
  await page.locator('[data-testid="guide-next"]').tap();
  await step('size');
  await page.locator('[data-testid="guide-operating_months"]').fill('6');
  await page.locator('[data-testid="guide-pharmacists"]').fill('1');
  await page.locator('[data-testid="guide-next"]').tap();
  await step('special');
  await page.locator('[data-testid="guide-next"]').tap();
  await step('place');
  await page.waitForFunction(() => window.__dingdianGuideMap, null, { timeout: WAIT_MS });
  await page.evaluate(({ lon, lat }) => window.__dingdianGuideMap.setView([lat, lon], 15, { animate: false }), NEAR_P001);
  const box = await page.locator('[data-testid="guide-map"] .leaflet-container').boundingBox();
  const pt = await page.evaluate(({ lon, lat }) => window.__dingdianGuideMap.latLngToContainerPoint([lat, lon]), NEAR_P001);
  await page.touchscreen.tap(box.x + pt.x, box.y + pt.y);
  await page.waitForSelector('[data-testid="guide-spot"]', { timeout: WAIT_MS });
  await quiet(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const next = page.locator('[data-testid="guide-next"]');
  await next.scrollIntoViewIfNeeded();
  await quiet(page);
  const r = await measure(page, {
    intent: 'click',
    pred: `!!document.querySelector('[data-testid="guide-answer"]')`,
    act: () => tapAt(page, next),
  });
  const places = await page.locator('[data-testid="guide-map"] [data-testid="guide-place-marker"]').count();
  await page.close();
  return { ...r, places_on_map: places };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
const results = {}; // label → rate → list of runs
try {
  for (let run = 0; run < RUNS; run++) {
    for (const rate of RATES) {
      const order = run % 2 ? [...labels].reverse() : labels;
      for (const label of order) {
        const base = `http://127.0.0.1:${PORT}/${label}/`;
        // Each part in a fresh context: the expert view's autosave would open guided mode on Xi'an.
        const fresh = async () => {
          const context = await browser.newContext(PHONE);
          await context.addInitScript(() => {
            window.__dingdianTestHooks = true;
          });
          await context.addInitScript(recorder);
          return context;
        };
        let r = {};
        if (PARTS.includes('expert')) {
          const c1 = await fresh();
          r = await expert(c1, base, rate, run).finally(() => c1.close());
        }
        if (PARTS.includes('guided')) {
          const c2 = await fresh();
          r.guided = await guided(c2, base, rate).finally(() => c2.close());
        }
        ((results[label] ??= {})[rate] ??= []).push(r);
        console.log(`run ${run + 1}/${RUNS} ×${rate} ${label}: ` + summary1(r));
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}

function summary1(r) {
  const f = (x) => Math.round(x);
  const parts = [];
  if (r.dataset) {
    parts.push(`dataset ${f(r.dataset.ms)} (task ${f(r.dataset.longest_task_ms)}), radius ${f(r.radius.ms)}, param ${f(r.param.ms)}, place ${f(r.place.ms)}`,
      `drag gap ${f(r.drag.longest_frame_gap_ms)} (${r.drag.recomputes} recomputes, ${r.drag.values} values, final ${r.drag.final_computed ? 'computed' : 'LOST'})`);
  }
  if (r.guided) parts.push(`guided ${f(r.guided.shown_ms)}/${f(r.guided.ms)}`);
  return parts.join(', ');
}

// Medians and spread per label and rate.
const stat = (all) => {
  const s = all.filter((x) => x !== undefined).sort((a, b) => a - b);
  if (!s.length) return null;
  return { median: s[s.length >> 1], min: s[0], max: s[s.length - 1] };
};
const FIGURES = [
  ['radius', (r) => r.radius?.ms],
  ['param', (r) => r.param?.ms],
  ['place', (r) => r.place?.ms],
  ['guided_answer', (r) => r.guided?.shown_ms],
  ['guided_places', (r) => r.guided?.ms],
  ['dataset', (r) => r.dataset?.ms],
  ['dataset_longest_task', (r) => r.dataset?.longest_task_ms],
  ['dataset_longest_frame_gap', (r) => r.dataset?.longest_frame_gap_ms],
  ['drag_longest_frame_gap', (r) => r.drag?.longest_frame_gap_ms],
  ['drag_longest_task', (r) => r.drag?.longest_task_ms],
  ['drag_recomputes', (r) => r.drag?.recomputes],
  ['drag_values', (r) => r.drag?.values],
];
const report = {
  method: 'input event timeStamp → end of the first frame after the last change it caused (MutationObserver, image loads; rAF + MessageChannel), fresh page per run',
  device: '360×740, DPR 2, touch, mobile (Chromium emulation)',
  runs: RUNS,
  rates: RATES,
  builds: {},
};
for (const label of labels) {
  report.builds[label] = {};
  for (const rate of RATES) {
    const rs = results[label]?.[rate] ?? [];
    const figs = Object.fromEntries(FIGURES.map(([k, f]) => [k, stat(rs.map(f))]));
    figs.drag_final_computed = `${rs.filter((r) => r.drag?.final_computed).length}/${rs.filter((r) => r.drag).length}`;
    report.builds[label][rate] = { ...figs, runs: rs };
  }
}
writeFileSync(outPath, JSON.stringify(report, null, 1));
for (const label of labels) {
  for (const rate of RATES) {
    const b = report.builds[label][rate];
    const f = (k) => (b[k] ? `${Math.round(b[k].median)} (${Math.round(b[k].min)}–${Math.round(b[k].max)})` : '–');
    console.log(`${label} ×${rate}: radius ${f('radius')} · param ${f('param')} · place ${f('place')} · guided ${f('guided_answer')} / places ${f('guided_places')} · ` +
      `dataset ${f('dataset')}, longest task ${f('dataset_longest_task')} · drag gap ${f('drag_longest_frame_gap')}, final computed ${b.drag_final_computed}`);
  }
}
