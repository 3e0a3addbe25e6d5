// scripts/bench's last step: checks that every tool gave the same answers, then prints the
// table of medians (and ratios to dingdian WASM in Chromium) and writes it as Markdown.
//   node report.mjs OUT_DIR RESULTS.md
// OUT_DIR holds one JSON report per tool (dingdian::bench::CompareReport's shape) and meta.json.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const [dir, mdPath] = process.argv.slice(2);
const read = (f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
const meta = read('meta.json');
const firstLoad = existsSync(path.join(dir, 'first-load.json')) ? read('first-load.json') : null;
const phone = existsSync(path.join(dir, 'phone.json')) ? read('phone.json') : null;
const order = [
  ['native.json', 'dingdian native (release)'],
  ['chromium.json', 'dingdian WASM, Chromium (the app)'],
  ['node-wasm.json', 'dingdian WASM, Node'],
  ['shapely.json', 'shapely 2 STRtree (Python)'],
  ['turf.json', 'turf.js + geokdbush (Node)'],
  ['naive.json', 'naive all pairs (native, sampled)'],
];
const reports = order.filter(([f]) => existsSync(path.join(dir, f))).map(([f, name]) => ({ file: f, name, ...read(f) }));
const ref = reports.find((r) => r.file === 'native.json');
if (!ref) throw new Error('no dingdian native report');

// ---- agreement ------------------------------------------------------------------------------
const RADIUS = 800;
const EPS = 1e-6; // metres: distances from different libm sin/cos/asin may differ in the last bits
const problems = [];
const notes = [];
let boundary = 0;
for (const r of reports) {
  if (r === ref) continue;
  const a = r.answers;
  const b = ref.answers;
  const sampled = r.file === 'naive.json';
  if (a.total_population !== b.total_population) problems.push(`${r.name}: total population ${a.total_population} ≠ ${b.total_population}`);
  if (!sampled && JSON.stringify(a.covered_population) !== JSON.stringify(b.covered_population)) {
    problems.push(`${r.name}: covered population ${a.covered_population} ≠ dingdian's ${b.covered_population}`);
  }
  if (a.surface.length !== b.surface.length) problems.push(`${r.name}: surface has ${a.surface.length} cells, not ${b.surface.length}`);
  let cellsDiffer = 0;
  let checkedCells = 0;
  for (let k = 0; k < b.surface.length; k++) {
    if (a.surface[k] === '-') continue;
    checkedCells++;
    if (a.surface[k] !== b.surface[k]) cellsDiffer++;
  }
  if (cellsDiffer) problems.push(`${r.name}: the acceptance surface differs at ${cellsDiffer} of ${checkedCells} cells`);
  let checkedApps = 0;
  for (let k = 0; k < b.nearest_m.length; k++) {
    const x = a.nearest_m[k];
    const y = b.nearest_m[k];
    if (sampled && x === null && y !== null) continue; // not in the sample (none within 50 km is rare)
    checkedApps++;
    if ((x === null) !== (y === null) || (x !== null && Math.abs(x - y) > EPS)) {
      problems.push(`${r.name}: application ${k}: nearest ${x} m, dingdian ${y} m`);
      if (problems.length > 20) break;
      continue;
    }
    if (x !== null && (x <= RADIUS) !== (y <= RADIUS)) {
      if (Math.abs(y - RADIUS) <= EPS) boundary++;
      else problems.push(`${r.name}: application ${k}: inside ${x <= RADIUS}, dingdian ${y <= RADIUS}`);
    }
  }
  if (sampled) notes.push(`${r.name}: checked ${checkedCells} sampled cells and ${checkedApps} sampled applications against dingdian.`);
}
if (problems.length) {
  console.error('DISAGREEMENT — stopping:\n' + problems.slice(0, 20).join('\n'));
  process.exit(1);
}

// ---- table ----------------------------------------------------------------------------------
const wasm = reports.find((r) => r.file === 'chromium.json') ?? reports.find((r) => r.file === 'node-wasm.json') ?? ref;
const t = (r) => r.times;
const work = (r) => t(r).coverage_ms + t(r).nearest_ms + t(r).surface_ms;
const recompute = (r) => t(r).recompute_ms ?? null;
const recomputeCold = (r) => t(r).recompute_cold_ms ?? null;
const recomputePrebuilt = (r) => t(r).recompute_prebuilt_ms ?? null;
const ms = (x) => (x == null ? '—' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 2 : 1)} ms`);
const ratio = (x, y) => (x == null || y == null ? '—' : `${(x / y).toFixed(x / y < 10 ? 2 : 0)}×`);
const perS = (r) => (t(r).decide_ms == null ? '—' : Math.round((r.applications / t(r).decide_ms) * 1000).toLocaleString('en-US'));
const header = [
  'tool',
  'index (once)',
  'coverage, 3 layers',
  'nearest same-type ×10,000',
  'surface',
  'coverage + nearest + surface',
  '× dingdian WASM',
  'recompute after a parameter change',
  'recompute, radius past the reach',
  'recompute, radius within the idle-prebuilt field (2,000 m)',
  'decisions/s (with trace)',
  'surface outcomes/s',
  'first load (KB on the wire)',
  'first decision, 4 Mbit/s · 80 ms',
];
const rows = reports.map((r) => [
  r.name,
  ms(t(r).index_ms),
  ms(t(r).coverage_ms),
  ms(t(r).nearest_ms),
  ms(t(r).surface_ms),
  ms(work(r)),
  r === wasm ? '1×' : ratio(work(r), work(wasm)),
  ms(recompute(r)),
  ms(recomputeCold(r)),
  ms(recomputePrebuilt(r)),
  perS(r),
  t(r).decide_ms == null ? '—' : Math.round((r.cells / t(r).surface_ms) * 1000).toLocaleString('en-US'),
  r.file === 'chromium.json' && firstLoad ? `${firstLoad.first_load_kb} KB` : '—',
  r.file === 'chromium.json' && firstLoad ? ms(firstLoad.first_decision_ms) : '—',
]);
const table = [
  `| ${header.join(' | ')} |`,
  `|${header.map((_, k) => (k === 0 ? '---' : '---:')).join('|')}|`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');

// ---- goals ----------------------------------------------------------------------------------
const byFile = (f) => reports.find((r) => r.file === f);
const goals = [];
const check = (ok, text) => goals.push(`- ${ok ? 'met' : '**missed**'}: ${text}`);
const chromiumR = byFile('chromium.json');
if (chromiumR) {
  check(recompute(chromiumR) != null && recompute(chromiumR) <= 16, `recompute ≤ 16 ms in WASM in Chromium — ${ms(recompute(chromiumR))} after any parameter change, the radius included, within the coverage field's reach`);
  check(recomputeCold(chromiumR) != null && recomputeCold(chromiumR) <= 16, `recompute ≤ 16 ms in WASM in Chromium when the radius passes the field's reach (the first recompute of a data set, and a slider dragged past the largest radius so far; the reach then grows by a quarter) — ${ms(recomputeCold(chromiumR))}`);
}
for (const [f, k, name] of [['turf.json', 10, 'turf.js'], ['shapely.json', 3, 'shapely']]) {
  const r = byFile(f);
  if (r && wasm) check(work(r) / work(wasm) >= k, `≥ ${k}× ${name} (coverage + nearest + surface) — ${ratio(work(r), work(wasm))}`);
}
const nat = byFile('native.json');
const dps = (r) => (r.applications / t(r).decide_ms) * 1000;
const ops = (r) => (r.cells / t(r).surface_ms) * 1000;
const fmt = (x) => Math.round(x).toLocaleString('en-US');
check(dps(nat) >= 1e6, `≥ 1,000,000 decisions/s native — whole decisions with their trace: ${perS(nat)}/s; outcomes through the acceptance surface (each equal to a single decision's outcome, tested): ${fmt(ops(nat))}/s`);
if (wasm) check(dps(wasm) >= 3e5, `≥ 300,000 decisions/s in WASM (${wasm.name}) — with trace: ${perS(wasm)}/s; through the surface: ${fmt(ops(wasm))}/s`);
if (meta.size) check(meta.size.gz_kb <= 400, `release wasm + js ≤ 400 KB gzipped — ${meta.size.gz_kb} KB (wasm ${meta.size.wasm_gz_kb} KB + js ${meta.size.js_gz_kb} KB)`);
if (firstLoad) {
  check(firstLoad.first_load_kb <= 400, `first load ≤ 400 KB (index.html and everything it fetches before the first decision, on the wire) — ${firstLoad.first_load_kb} KB`);
  check(firstLoad.first_decision_ms <= 2000, `first decision ≤ 2.0 s at 4 Mbit/s and 80 ms round trip — ${ms(firstLoad.first_decision_ms)}; first paint ${ms(firstLoad.first_paint_ms)} (median of ${firstLoad.runs.length} loads)`);
}
if (chromiumR?.first_render_ms != null) {
  check(chromiumR.first_render_ms <= 1000, `first render ≤ 1 s from a local static server — ${ms(chromiumR.first_render_ms)} (median of ${chromiumR.first_render_all_ms.length} loads)`);
}

// ---- phone ----------------------------------------------------------------------------------
// bench/phone.mjs: each interaction from its input event to the frame that shows its result.
let phoneMd = '';
if (phone) {
  const b = Object.values(phone.builds)[0];
  const rates = phone.rates;
  const cell = (rate, k) => {
    const f = b[rate]?.[k];
    return f && f.median != null ? `${ms(f.median)} (${ms(f.min)}–${ms(f.max)})` : '—';
  };
  const ROWS = [
    ['radius', 'radius change (a tap on the slider), Xi\'an', 100],
    ['param', 'parameter edit (typed, Enter), Xi\'an', 100],
    ['place', 'map tap placing the application, Xi\'an', 100],
    ['guided_answer', 'guided check: "next" to the answer', 100],
    ['guided_places', 'guided check: to its places on the map', 100],
    ['dataset', 'data-set switch to Xi\'an, to the map redrawn', 500],
    ['dataset_longest_task', '… its longest task (frozen)', 100],
    ['drag_longest_frame_gap', 'finger drag of the slider: longest frame gap', 50],
  ];
  const head = ['interaction', ...rates.map((r) => `CPU ×${r}: median (min–max)`), 'goal at ×4'];
  const lines = [
    `| ${head.join(' | ')} |`,
    `|---|${rates.map(() => '---:').join('|')}|---:|`,
    ...ROWS.map(([k, name, goal]) => `| ${name} | ${rates.map((r) => cell(r, k)).join(' | ')} | ≤ ${goal} ms |`),
    `| finger drag: recomputes / distinct values / final value computed | ${rates.map((r) => b[r] ? `${b[r].drag_recomputes.median} / ${b[r].drag_values.median} / ${b[r].drag_final_computed}` : '—').join(' | ')} | final always |`,
  ];
  const x4 = b[4] ?? b[rates[0]];
  for (const [k, name, goal] of ROWS) {
    if (x4?.[k]) check(x4[k].median <= goal, `phone, CPU ×4: ${name} ≤ ${goal} ms — ${ms(x4[k].median)}`);
  }
  if (x4) check(x4.drag_final_computed.split('/')[0] === x4.drag_final_computed.split('/')[1], `phone: the final value of every finger drag computed — ${x4.drag_final_computed}`);
  phoneMd = `## On a phone

\`bench/phone.mjs\`: the release build in Chromium emulating a 360×740 phone (DPR 2, touch) with the CPU slowed by CDP \`Emulation.setCPUThrottlingRate\`; ${phone.runs} runs, each on a fresh page; medians and spread. Each figure runs from the input event (its timestamp) to the end of the first frame painted after the last change it caused (DOM mutations and image loads; the frame's end is a message posted from requestAnimationFrame), so it includes the recompute, Yew's rendering, Leaflet's layers and the paint.

${lines.join('\n')}
`;
}

const md = `# Benchmark results

Written by \`scripts/bench${meta.quick ? ' --quick' : ''}\` on ${meta.date} (UTC)${meta.quick ? ' — **quick mode: few repeats, figures indicative only**' : ''}.

**Machine**: ${meta.cpu}, ${meta.cores} cores, ${meta.memory}; load average ${meta.load} at the start (other work shared the cores).
**Versions**: ${meta.versions}.

**Dataset** (one file, \`${meta.data}\`, written once by \`cargo bench --bench compare -- gen\`): ${ref.institutions.toLocaleString('en-US')} institutions (synthetic Xi'an, mixed kinds, designated and not), ${ref.cells.toLocaleString('en-US')} populated cells, ${ref.applications.toLocaleString('en-US')} hypothetical pharmacy applications of mixed categories; seeded. Radius ${RADIUS} m, haversine on R = 6,371,008.8 m, "within" = distance ≤ r.

Medians of ${meta.runs} runs per step (naive: one sampled run, scaled up).

${table}

What each column computes, identically in every tool (answers checked: same covered population per layer, same nearest distance per application within ${EPS} m, same inside/outside verdict, same acceptable cells):
- **coverage, 3 layers**: residents of cells with a designated pharmacy / outpatient provider / inpatient institution within r (dingdian also gives every county and pharmacy category in the same call).
- **nearest same-type ×10,000**: for each application, the distance to the nearest designated pharmacy sharing a category with it (none within 50 km: none).
- **surface**: for every cell, whether a new ordinary pharmacy is acceptable there — no designated pharmacy with the ordinary category within r (dingdian: the app's full acceptance surface under Linyi's rules, every rule judged, read as "not rejected").
- **recompute after a parameter change**: what the app recomputes, in its order, timed as one (dingdian only): figures and the area model, coverage of every layer with county and category shares, every cell's area class, and the acceptance surface (which reads the coverage's layers instead of scanning again). Coverage reads the data's coverage field: every cell's planar distance to each layer, kept out to the largest radius asked so far, so any radius within that reach is one comparison per cell and layer (cells within the planar error of r are settled by haversine). The columns before it time each step alone on a fresh start (coverage: the field built too).
- **recompute, radius past the reach**: the same when the radius is beyond any asked before, so the field is rebuilt (the first recompute of a data set; a slider dragged outwards, the reach growing by a quarter each time).
- **decisions/s (with trace)**: whole decisions per second, for the 10,000 applications (dingdian only): every rule of the preset judged, and a trace entry for each — rule, clause, verdict and the numbers it read (distances, counts, densities, dates). The entry's Chinese and English sentences are rendered from those numbers when someone reads them (the panel, the JSON), so they are not in this figure.
- **surface outcomes/s**: cells of the acceptance surface per second; each cell's outcome is what a single decision there gives (tested in \`src/engine/surface.rs\`).
- **first load, first decision** (the app only): a first visit at phone size with Chromium's network throttled to 4 Mbit/s down, 1 Mbit/s up and 80 ms round trip, no cache and no service worker, served as the README's host configuration serves it (Brotli copies; \`bench/static-server.mjs\`): the bytes on the wire until the first decision is painted, and the time to it (Element Timing\'s render time of the outcome) (\`bench/first-load.mjs\`).

${boundary ? `Float-boundary cases (distance within ${EPS} m of r, verdicts differ): ${boundary}.` : `Float-boundary cases (distance within ${EPS} m of r): none in this dataset.`}
${notes.map((n) => `- ${n}`).join('\n')}

${phoneMd}
## Goals

${goals.join('\n')}
`;
writeFileSync(mdPath, md);
console.log(table);
console.log('\n' + goals.join('\n'));
console.log(`\nwritten: ${mdPath}`);
