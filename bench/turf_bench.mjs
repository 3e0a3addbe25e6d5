// turf.js on scripts/bench's shared dataset, as a turf user would write it with the index turf
// users add for point queries (kdbush + geokdbush): candidates from geokdbush's great-circle
// search (slightly widened), decided by turf's own `distance` in metres (haversine, R =
// 6,371,008.8 m, like dingdian); "within" means distance <= r.
//
//   node turf_bench.mjs DATA.json RUNS OUT.json
import { readFileSync, writeFileSync } from 'node:fs';
import distance from '@turf/distance';
import KDBush from 'kdbush';
import { around } from 'geokdbush';

const [dataPath, runsArg, outPath] = process.argv.slice(2);
const runs = Number(runsArg);
const RADIUS = 800;
const WIDEN = 1.01; // geokdbush uses R = 6371 km and its own formula: search a little wider
const s = JSON.parse(readFileSync(dataPath, 'utf8'));
const inst = s.institutions;
const cells = s.population_cells;
const apps = s.applications;
const cats = (x) => new Set(typeof (x.category ?? 'ordinary') === 'string' ? [x.category ?? 'ordinary'] : x.category);
const medical = (k) => k !== 'pharmacy';
const inpatient = (k) => k === 'inpatient_general' || k === 'inpatient_specialty';
const layers = {
  pharmacy: (i) => i.designated && i.kind === 'pharmacy',
  outpatient: (i) => i.designated && medical(i.kind) && (i.provides_outpatient ?? true),
  inpatient: (i) => i.designated && inpatient(i.kind),
};
for (const c of ['ordinary', 'chronic', 'special_drug']) {
  layers[c] = (i) => i.designated && i.kind === 'pharmacy' && cats(i).has(c);
}
const km = (m) => m / 1000;

function median(xs) {
  const t = [...xs].sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)];
}
function medianMs(f) {
  const times = [];
  let out;
  for (let k = 0; k < Math.max(runs, 1); k++) {
    const t = performance.now();
    out = f();
    times.push(performance.now() - t);
  }
  return [median(times), out];
}

function build() {
  const cellIndex = new KDBush(cells.length);
  for (const c of cells) cellIndex.add(c.lon, c.lat);
  cellIndex.finish();
  const trees = {};
  for (const [name, keep] of Object.entries(layers)) {
    const ids = [];
    inst.forEach((i, k) => keep(i) && ids.push(k));
    const index = new KDBush(Math.max(ids.length, 1));
    for (const k of ids) index.add(inst[k].lon, inst[k].lat);
    if (ids.length === 0) index.add(0, 0);
    index.finish();
    trees[name] = { index, ids };
  }
  return { cellIndex, trees };
}
const [indexMs, { cellIndex, trees }] = medianMs(build);

// From each serving institution: the cells around it (as dingdian does; the faster way round).
function covered(name) {
  const mask = new Uint8Array(cells.length);
  for (const k of trees[name].ids) {
    const i = inst[k];
    const from = [i.lon, i.lat];
    for (const c of around(cellIndex, i.lon, i.lat, Infinity, km(RADIUS) * WIDEN)) {
      if (!mask[c] && distance(from, [cells[c].lon, cells[c].lat], { units: 'meters' }) <= RADIUS) mask[c] = 1;
    }
  }
  return mask;
}
function coverage() {
  return ['pharmacy', 'outpatient', 'inpatient'].map((n) => {
    const m = covered(n);
    let pop = 0;
    for (let c = 0; c < cells.length; c++) if (m[c]) pop += cells[c].population;
    return pop;
  });
}
function nearest() {
  return apps.map((a) => {
    let best = Infinity;
    const at = [a.lon, a.lat];
    for (const c of cats(a)) {
      const { index, ids } = trees[c];
      if (ids.length === 0) continue;
      const [first] = around(index, a.lon, a.lat, 1, 50 * WIDEN);
      if (first === undefined) continue;
      const f = ids[first];
      const d0 = distance(at, [inst[f].lon, inst[f].lat], { units: 'meters' });
      for (const j of around(index, a.lon, a.lat, Infinity, km(d0) * WIDEN + 0.001)) {
        const i = inst[ids[j]];
        best = Math.min(best, distance(at, [i.lon, i.lat], { units: 'meters' }));
      }
    }
    return best <= 50_000 ? best : null;
  });
}
const [coverageMs, coveredPopulation] = medianMs(coverage);
const [nearestMs, nearestM] = medianMs(nearest);
const [surfaceMs, surf] = medianMs(() => covered('ordinary'));
const version = (p) => JSON.parse(readFileSync(new URL(`./node_modules/${p}/package.json`, import.meta.url))).version;
writeFileSync(
  outPath,
  JSON.stringify({
    tool: `turf.js @turf/distance ${version('@turf/distance')} + kdbush ${version('kdbush')} + geokdbush ${version('geokdbush')}, Node ${process.versions.node}`,
    runs,
    institutions: inst.length,
    cells: cells.length,
    applications: apps.length,
    times: { index_ms: indexMs, coverage_ms: coverageMs, nearest_ms: nearestMs, surface_ms: surfaceMs },
    answers: {
      total_population: cells.reduce((a, c) => a + c.population, 0),
      covered_population: coveredPopulation,
      nearest_m: nearestM,
      surface: Array.from(surf, (b) => (b ? '0' : '1')).join(''),
    },
  }),
);
