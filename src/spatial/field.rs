//! Coverage at any radius from one build. For every population cell and coverage layer, the
//! planar distance to the nearest institution serving the layer is kept with the data; a
//! parameter change, the service radius included (up to the reach already built), then reads
//! each layer with one comparison per cell. Cells whose distance lies within the planar
//! approximation's error of the radius are settled by haversine, so the answer is exactly the
//! scan's (`coverage_layers`): an institution within r by haversine, distance ≤ r.
//!
//! The field is built row by row (`by_rows`, a lower envelope of parabolas along each run of
//! cells) when the cells lie on a lattice, else by scanning institution–cell pairs (`by_pairs`).

use super::{haversine_m, layer_bits, CellRows, CoverageLayers, PointGrid, EARTH_RADIUS_M};
use crate::scenario::Scenario;

/// The layers of `CoverageLayers::masks`: three pharmacy categories, outpatient, inpatient.
const LAYERS: usize = 5;
/// No institution of the layer within reach.
const NONE: u16 = u16::MAX;

pub struct CoverageField {
    /// Every serving institution within this haversine distance of a cell is in its entry.
    pub reach_m: f64,
    /// A bound on |planar − haversine| / haversine for any pair within reach, with room for
    /// floating-point rounding.
    rel_err: f64,
    /// Per cell, per layer: the least planar distance to an institution serving the layer
    /// (longitude scaled at the institution's latitude by pairs, at the cell's by rows),
    /// squared, in `unit_m2` steps rounded down; `NONE` for none within reach. Squared, because a
    /// square root per pair was most of the build's time.
    d: Vec<[u16; LAYERS]>,
    unit_m2: f64,
    /// How far a kept squared distance may exceed the least one (the envelope's rounding):
    /// never below it.
    slack_m2: f64,
    /// `layer_bits` of every institution, in the scenario's order.
    inst_bits: Vec<u8>,
}

impl CoverageField {
    /// Every serving institution's distance to every cell out to `reach_m`: run by run when
    /// the cells lie on a lattice (`rows`), else by scanning each institution's surroundings
    /// (as coverage at that radius costs).
    pub fn build(s: &Scenario, cells: &PointGrid, rows: Option<&CellRows>, reach_m: f64) -> Self {
        let reach_m = if reach_m.is_finite() { reach_m.max(0.0) } else { 0.0 };
        let lat_max = s.institutions.iter().map(|i| i.lat.abs()).fold(cells.max_abs_lat(), f64::max);
        let rel_err = relative_error(lat_max, reach_m);
        let inst_bits: Vec<u8> = s.institutions.iter().map(layer_bits).collect();
        let scan_m = reach_m * (1.0 + rel_err);
        let unit_m2 = (scan_m * scan_m / (NONE - 1) as f64).max(1e-18);
        let (d, slack_m2) = match rows {
            Some(rows) => by_rows(s, rows, cells, &inst_bits, scan_m, unit_m2),
            None => (by_pairs(s, cells, &inst_bits, scan_m, unit_m2), 0.0),
        };
        CoverageField { reach_m, rel_err, d, unit_m2, slack_m2, inst_bits }
    }

    /// The coverage layers at `radius_m` (≤ `reach_m`). `institutions` is the grid of all the
    /// scenario's institutions (`InstitutionIndex::grid`), for the few cells near the edge.
    pub fn layers(&self, s: &Scenario, institutions: &PointGrid, radius_m: f64) -> CoverageLayers {
        let n = s.population_cells.len();
        if !(radius_m >= 0.0 && radius_m.is_finite()) || self.d.len() != n {
            return CoverageLayers { masks: vec![0; n] };
        }
        debug_assert!(radius_m <= self.reach_m, "radius {radius_m} beyond the field's reach {}", self.reach_m);
        // Certainly within r below `sure`; certainly beyond above `maybe`; between, measure.
        // A step q holds squared planar distances in [q, q + 1) units.
        let (near, far) = (radius_m / (1.0 + self.rel_err), radius_m / (1.0 - self.rel_err));
        let sure = ((near * near / self.unit_m2).floor() - 1.0).clamp(-1.0, NONE as f64 - 1.0);
        let maybe = ((far * far + self.slack_m2) / self.unit_m2).floor().min(NONE as f64 - 1.0);
        let (sure, maybe) = (sure as i32, maybe as i32);
        let mut masks = Vec::with_capacity(n);
        let mut unsure: Vec<(u32, u8)> = Vec::new();
        // Unrolled by hand: the release profile optimises for size and would keep the loop.
        let bits = |e: &[u16; LAYERS], t: i32| {
            let le = |q: u16| u8::from(i32::from(q) <= t);
            le(e[0]) | le(e[1]) << 1 | le(e[2]) << 2 | le(e[3]) << 3 | le(e[4]) << 4
        };
        for (c, entry) in self.d.iter().enumerate() {
            let m = bits(entry, sure);
            let u = bits(entry, maybe) & !m;
            masks.push(m);
            if u != 0 {
                unsure.push((c as u32, u));
            }
        }
        for (c, mut open) in unsure {
            let cell = &s.population_cells[c as usize];
            institutions.planar_within(cell.lon, cell.lat, radius_m * (1.0 + self.rel_err), |i, _| {
                let hit = self.inst_bits[i] & open;
                // The scan's own order of arguments: the institution first.
                if hit != 0 && haversine_m(s.institutions[i].lon, s.institutions[i].lat, cell.lon, cell.lat) <= radius_m
                {
                    masks[c as usize] |= hit;
                    open &= !hit;
                }
            });
        }
        CoverageLayers { masks }
    }
}

/// The field by scanning, for each serving institution, the cells within `scan_m`.
fn by_pairs(s: &Scenario, cells: &PointGrid, inst_bits: &[u8], scan_m: f64, unit_m2: f64) -> Vec<[u16; LAYERS]> {
    let per_unit = 1.0 / unit_m2;
    let mut d = vec![[NONE; LAYERS]; s.population_cells.len()];
    // Institutions in bands of latitude, west to east: neighbours in turn touch mostly the
    // same cells, which are then still in cache.
    let mut order: Vec<(i64, f64, u32)> = (s.institutions.iter().zip(inst_bits).enumerate())
        .filter(|(_, (_, &bits))| bits != 0)
        .map(|(k, (i, _))| (crate::spatial::index::floor_i64(i.lat / 0.02), i.lon, k as u32))
        .collect();
    order.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, _, i) in order {
        let (inst, bits) = (&s.institutions[i as usize], inst_bits[i as usize]);
        cells.planar_within(inst.lon, inst.lat, scan_m, |c, d2| {
            let q = (d2 * per_unit) as u16;
            let entry = &mut d[c];
            for_each_layer(bits, |b| {
                if q < entry[b] {
                    entry[b] = q;
                }
            });
        });
    }
    d
}

/// The field run by run. Along a parallel φ, with x the metres east at that latitude
/// (kx = metres per degree of longitude there), institution i's squared planar distance to a
/// cell at longitude λ is (kx·(λ − λᵢ))² + gᵢ, where gᵢ = (m·(φ − φᵢ))² is fixed for the row:
/// parabolas in x of one curvature, whose lower envelope (Felzenszwalb and Huttenlocher's
/// distance transform) is each cell's nearest institution. Every cell's distance is then that
/// formula for that institution; near the envelope's breakpoints rounding may pick an
/// institution a few ulps further than the nearest, so the field also returns how far above
/// the least distance a kept one may be.
///
/// The longitude is scaled at the cell's latitude here and at the institution's in
/// `by_pairs`: the bound on the planar error (`relative_error`) holds for either end.
fn by_rows(
    s: &Scenario,
    rows: &CellRows,
    cells: &PointGrid,
    inst_bits: &[u8],
    scan_m: f64,
    unit_m2: f64,
) -> (Vec<[u16; LAYERS]>, f64) {
    let m_per_deg = EARTH_RADIUS_M.to_radians();
    let per_unit = 1.0 / unit_m2;
    let r2 = scan_m * scan_m;
    let points = cells.points();
    let mut d = vec![[NONE; LAYERS]; s.population_cells.len()];
    // Serving institutions west to east (the scenario's order among equals), so that each row's
    // list comes out in order.
    let mut sites: Vec<Site> = (s.institutions.iter().zip(inst_bits))
        .filter(|(i, &bits)| bits != 0 && i.lon.is_finite() && i.lat.is_finite())
        .map(|(i, &bits)| Site { lon: i.lon, lat: i.lat, bits })
        .collect();
    sites.sort_by(|a, b| a.lon.total_cmp(&b.lon));
    if sites.is_empty() || rows.runs.is_empty() {
        return (d, 0.0);
    }
    // Positions in metres from the middle of the cells, to keep the squares small. An
    // institution enters a run's envelope only within reach of the run, so no position is
    // further out than the cells' half width plus the reach (a stray institution far away
    // widens nothing).
    let (mut west, mut east) = (f64::INFINITY, f64::NEG_INFINITY);
    for run in &rows.runs {
        west = west.min(points[run.start as usize].0);
        east = east.max(points[run.end as usize - 1].0);
    }
    let lon_mid = (west + east) / 2.0;
    let kx_most = rows.lat.iter().fold(0.0f64, |k, lat| k.max(lat.to_radians().cos()));
    let half_span_m = (east - lon_mid) * m_per_deg * kx_most + scan_m * 1.01 + 1.0;
    // Rounding in the envelope (a few ulps of the squares it compares), with a wide margin.
    let slack_m2 = 1e-12 * (half_span_m * half_span_m + r2);
    let cut = r2 + slack_m2;

    // The institutions (index into `sites`) each row may reach: a list per row, in compressed
    // rows, counted first as differences.
    let n_rows = rows.lat.len();
    let mut ranges: Vec<(u32, u32)> = Vec::with_capacity(sites.len());
    let mut change = vec![0i32; n_rows + 1];
    // Conservative in degrees; the squared distance decides.
    let half = scan_m / m_per_deg * (1.0 + 1e-9) + 1e-9;
    for site in &sites {
        let r0 = rows.lat.partition_point(|&l| l < site.lat - half);
        let r1 = rows.lat.partition_point(|&l| l <= site.lat + half).max(r0);
        ranges.push((r0 as u32, r1 as u32));
        change[r0] += 1;
        change[r1] -= 1;
    }
    let mut starts = vec![0u32; n_rows + 1];
    let mut reaching = 0i32;
    for r in 0..n_rows {
        reaching += change[r];
        starts[r + 1] = starts[r] + reaching as u32;
    }
    let mut lists = vec![0u32; starts[n_rows] as usize];
    let mut next = starts.clone();
    for (j, &(r0, r1)) in ranges.iter().enumerate() {
        for at in &mut next[r0 as usize..r1 as usize] {
            lists[*at as usize] = j as u32;
            *at += 1;
        }
    }

    let kx_rows: Vec<f64> = rows.lat.iter().map(|lat| m_per_deg * lat.to_radians().cos()).collect();
    let mut envelopes: [Envelope; LAYERS] = Default::default();
    // One run's cells, in metres east of the middle.
    let mut xs: Vec<f64> = Vec::new();
    for run in &rows.runs {
        let (row, kx) = (run.row as usize, kx_rows[run.row as usize]);
        let row_lat = rows.lat[row];
        let run_points = &points[run.start as usize..run.end as usize];
        let list = &lists[starts[row] as usize..starts[row + 1] as usize];
        // The institutions within reach of the run's ends, east and west.
        let reach_deg = scan_m / kx * (1.0 + 1e-9) + 1e-9;
        let (first, last) = (run_points[0].0 - reach_deg, run_points[run_points.len() - 1].0 + reach_deg);
        let from = list.partition_point(|&j| sites[j as usize].lon < first);
        let to = list.partition_point(|&j| sites[j as usize].lon <= last);
        for env in &mut envelopes {
            env.0.clear();
        }
        for &j in &list[from..to.max(from)] {
            let site = &sites[j as usize];
            // The scan's dy² for every cell of the row.
            let dy = (row_lat - site.lat) * m_per_deg;
            let g = dy * dy;
            if g <= cut {
                let x = (site.lon - lon_mid) * kx;
                for_each_layer(site.bits, |b| envelopes[b].add(x, g, site.lon));
            }
        }
        if envelopes.iter().all(|env| env.0.is_empty()) {
            continue;
        }
        xs.clear();
        xs.extend(run_points.iter().map(|&(lon, _)| (lon - lon_mid) * kx));
        let entries = &mut d[run.start as usize..run.end as usize];
        for (b, env) in envelopes.iter().enumerate() {
            let (Some(first), Some(last)) = (env.0.first(), env.0.last()) else { continue };
            // Cells further east or west than the reach from every institution stay out of it.
            let (west, east) = (first.x - scan_m - 1.0, last.x + scan_m + 1.0);
            let (lo, hi) = (xs.partition_point(|&x| x < west), xs.partition_point(|&x| x <= east));
            // West to east, moving to the next parabola where it becomes the lowest.
            let (mut e, mut p) = (0, *first);
            for ((entry, &x), &(lon, _)) in entries[lo..hi].iter_mut().zip(&xs[lo..hi]).zip(&run_points[lo..hi]) {
                while x > p.to {
                    e += 1;
                    p = env.0[e];
                }
                let dx = (lon - p.coord) * kx;
                let d2 = dx * dx + p.g;
                if d2 <= cut {
                    let q = (d2 * per_unit) as u16;
                    entry[b] = if q < NONE { q } else { NONE - 1 };
                }
            }
        }
    }
    (d, slack_m2)
}

/// A serving institution, as the field reads it.
struct Site {
    lon: f64,
    lat: f64,
    bits: u8,
}

fn for_each_layer(bits: u8, mut f: impl FnMut(usize)) {
    let mut rest = bits;
    while rest != 0 {
        f(rest.trailing_zeros() as usize);
        rest &= rest - 1;
    }
}

/// The lower envelope of parabolas (x − xᵢ)² + gᵢ, given in order of xᵢ: each lowest until
/// its `to` (the last one's is +∞).
#[derive(Default)]
struct Envelope(Vec<Parabola>);

#[derive(Clone, Copy)]
struct Parabola {
    x: f64,
    /// gᵢ + xᵢ², what two parabolas' crossing is found from.
    h: f64,
    g: f64,
    /// The institution's own coordinate along the row, for the exact distance.
    coord: f64,
    /// Lowest from `from` onwards, until `to`.
    from: f64,
    to: f64,
}

impl Envelope {
    /// Adds the parabola of an institution at `x`, not before those added so far, `g` off
    /// the row.
    fn add(&mut self, x: f64, g: f64, coord: f64) {
        let stack = &mut self.0;
        let h = g + x * x;
        let from = loop {
            let Some(top) = stack.last() else { break f64::NEG_INFINITY };
            if x == top.x {
                if h < top.h {
                    stack.pop();
                    continue;
                }
                // Nowhere lower than the one on top.
                return;
            }
            let cross = (h - top.h) / (2.0 * (x - top.x));
            if cross <= top.from {
                stack.pop();
                continue;
            }
            break cross;
        };
        if let Some(top) = stack.last_mut() {
            top.to = from;
        }
        stack.push(Parabola { x, h, g, coord, from, to: f64::INFINITY });
    }
}

/// How far the planar distance (longitude scaled at one end's latitude) can stray from
/// haversine, relatively, for pairs within `reach_m`: to first order the other end's latitude
/// changes the scale by tan φ · Δφ, with Δφ ≤ reach / R; the second-order term and rounding
/// are far inside the last two terms. Twice the first-order bound, for margin.
/// `lat_max`: the most poleward latitude of the data, in degrees.
fn relative_error(lat_max: f64, reach_m: f64) -> f64 {
    let ratio = reach_m / EARTH_RADIUS_M;
    let lat_max = (lat_max + ratio.to_degrees()).min(89.0);
    2.0 * lat_max.to_radians().tan() * ratio + ratio * ratio + 1e-6
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spatial::{cell_grid, coverage_layers};
    use crate::synth::{synth_scenario, SampleCity, SynthSpec};

    /// The bound holds for pairs at every latitude a city could be at, out to 20 km (the
    /// radius's upper limit), in every direction.
    #[test]
    fn planar_error_stays_within_the_bound() {
        let m_per_deg = EARTH_RADIUS_M.to_radians();
        for lat in [0.0, 18.0, 35.0, 53.5, 70.0] {
            for reach in [100.0, 800.0, 5_000.0, 20_000.0] {
                let e = relative_error(lat, reach);
                for k in 0..360 {
                    let a = (k as f64).to_radians();
                    for f in [0.05, 0.5, 1.0] {
                        let d = reach * f;
                        let (dlat, dlon) =
                            (d * a.sin() / m_per_deg, d * a.cos() / (m_per_deg * lat.to_radians().cos()));
                        let (lon2, lat2) = (110.0 + dlon, lat + dlat);
                        let h = haversine_m(110.0, lat, lon2, lat2);
                        if h > reach {
                            continue;
                        }
                        let kx = m_per_deg * lat.to_radians().cos();
                        let p = (((lon2 - 110.0) * kx).powi(2) + ((lat2 - lat) * m_per_deg).powi(2)).sqrt();
                        assert!(
                            (p - h).abs() <= e * h,
                            "lat {lat} reach {reach} angle {k} d {d}: planar {p} haversine {h} bound {e}"
                        );
                    }
                }
            }
        }
    }

    /// Synthetic Linyi at 2.5 km cells, its cell and institution grids, and its field out to
    /// `reach_m`, built run by run (`by_rows`) or by scanning pairs.
    fn linyi_field(reach_m: f64, by_rows: bool) -> (Scenario, PointGrid, PointGrid, CoverageField) {
        let s = synth_scenario(&SynthSpec::published(SampleCity::Linyi, 2500.0));
        let cells = cell_grid(&s);
        let institutions = PointGrid::build(s.institutions.iter().map(|i| (i.lon, i.lat)).collect());
        let rows = CellRows::build(cells.points());
        assert!(rows.is_some(), "the sample city's cells lie on a lattice");
        let field = CoverageField::build(&s, &cells, rows.as_ref().filter(|_| by_rows), reach_m);
        (s, cells, institutions, field)
    }

    /// A field reaching far has coarse steps; a radius just short of a cell's nearest
    /// institution, with the cell's step the same as the radius's, must still leave the cell
    /// uncovered (the step below the radius's is the last one that is sure).
    #[test]
    fn a_radius_just_short_of_the_nearest_within_one_coarse_step_does_not_cover() {
        for by_rows in [false, true] {
            let (s, cells, institutions, field) = linyi_field(20_000.0, by_rows);
            let nearest = |c: &crate::scenario::PopulationCell| {
                s.institutions
                    .iter()
                    .filter(|i| layer_bits(i) & 1 != 0)
                    .map(|i| haversine_m(i.lon, i.lat, c.lon, c.lat))
                    .fold(f64::INFINITY, f64::min)
            };
            let short: Vec<f64> = s.population_cells.iter().map(nearest).filter(|&d| d > 300.0).take(12).collect();
            assert_eq!(short.len(), 12);
            for d in short {
                let r = d - 0.01;
                let got = field.layers(&s, &institutions, r);
                assert_eq!(got, coverage_layers(&s, &cells, r), "radius {r}, by rows {by_rows}");
            }
        }
    }

    /// The field's layers equal the scan's at every radius up to its reach, including radii
    /// that fall exactly on a cell's distance (where the planar estimate cannot decide).
    #[test]
    fn field_layers_equal_the_scan_at_every_radius() {
        for by_rows in [false, true] {
            let (s, cells, institutions, field) = linyi_field(3000.0, by_rows);
            // Radii exactly at some cell's haversine distance from a designated institution.
            let inst = s.institutions.iter().find(|i| layer_bits(i) != 0).unwrap();
            let on_edge: Vec<f64> = s
                .population_cells
                .iter()
                .map(|c| haversine_m(inst.lon, inst.lat, c.lon, c.lat))
                .filter(|&d| d > 100.0 && d < 3000.0)
                .take(6)
                .collect();
            assert!(!on_edge.is_empty());
            for r in [0.0, 50.0, 300.0, 800.0, 1000.0, 2999.0, 3000.0].into_iter().chain(on_edge) {
                let got = field.layers(&s, &institutions, r);
                assert_eq!(got, coverage_layers(&s, &cells, r), "radius {r}, by rows {by_rows}");
            }
        }
    }

    /// Checks every `k`th cell's kept step against the least squared planar distance to each
    /// layer (the longitude scaled at the cell's latitude), measured to every institution: the
    /// same step, or one above it within the field's slack. How many were within reach.
    fn assert_steps_are_the_least(s: &Scenario, field: &CoverageField, k: usize, case: &str) -> usize {
        let m_per_deg = EARTH_RADIUS_M.to_radians();
        let r2 = (field.reach_m * (1.0 + field.rel_err)).powi(2);
        let step = |d2: f64| ((d2 / field.unit_m2) as u16).min(NONE - 1);
        let mut kept = 0;
        for (c, cell) in s.population_cells.iter().enumerate().step_by(k) {
            let kx = m_per_deg * cell.lat.to_radians().cos();
            for l in 0..LAYERS {
                let least = (s.institutions.iter().zip(&field.inst_bits))
                    .filter(|(_, &bits)| bits & (1 << l) != 0)
                    .map(|(i, _)| ((cell.lon - i.lon) * kx).powi(2) + ((cell.lat - i.lat) * m_per_deg).powi(2))
                    .fold(f64::INFINITY, f64::min);
                let q = field.d[c][l];
                if least > r2 + field.slack_m2 {
                    assert_eq!(q, NONE, "{case}: cell {c} layer {l}: {least} m² is out of reach");
                    continue;
                }
                kept += 1;
                let ok = q == step(least) || (q > step(least) && q <= step(least + field.slack_m2));
                assert!(ok || (least > r2 && q == NONE), "{case}: cell {c} layer {l}: step {q}, least {least} m²");
            }
        }
        kept
    }

    /// Run by run, every cell keeps its least planar distance to each layer, as measuring to
    /// every institution finds it, but for rounding within the field's slack.
    #[test]
    fn rows_keep_the_least_distance_to_every_layer() {
        let (s, _, _, field) = linyi_field(2000.0, true);
        assert!(field.slack_m2 > 0.0 && field.slack_m2 < field.unit_m2, "slack {}", field.slack_m2);
        let kept = assert_steps_are_the_least(&s, &field, 5, "Linyi");
        assert!(kept > 500, "{kept} cells and layers within reach");
    }

    /// Lattices of every spacing, at any latitude up to 89°, with gaps and a cell without a
    /// place, and institutions placed to trouble the envelope: on a cell, at one latitude or
    /// longitude, a hair apart, stacked on one another, one on the far side of the world. Every
    /// kept step is the least distance's, and at every radius, including the reach and radii
    /// that fall on a cell's distance, coverage read from the field is the scan's.
    #[test]
    fn rows_answer_as_the_scan_does_for_awkward_institutions() {
        use rand_core::{Rng, SeedableRng};
        let template = synth_scenario(&SynthSpec::published(SampleCity::Linyi, 5000.0));
        let kinds: Vec<crate::scenario::Institution> =
            template.institutions.iter().filter(|i| layer_bits(i) != 0).take(40).cloned().collect();
        let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(7);
        let mut f = move || (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        let mut built_by_rows = 0;
        for case in 0..120 {
            let step = 0.0005 + 0.01 * f();
            let (n_cols, n_rows) = (16 + (f() * 24.0) as usize, 2 + (f() * 12.0) as usize);
            let (lon0, lat0) = (100.0 + 20.0 * f(), (-89.0 + 178.0 * f()).min(89.0 - n_rows as f64 * step));
            let mut s = template.clone();
            let mut cells: Vec<crate::scenario::PopulationCell> = (0..n_rows)
                .flat_map(|r| (0..n_cols).map(move |c| (c, r)))
                .map(|(c, r)| crate::scenario::PopulationCell {
                    lon: lon0 + c as f64 * step,
                    lat: lat0 + r as f64 * step,
                    population: 1,
                    county: None,
                    area: None,
                })
                .filter(|_| f() > 0.03)
                .collect();
            if case % 7 == 0 {
                let at = (f() * cells.len() as f64) as usize;
                cells[at].lon = f64::NAN;
            }
            s.population_cells = cells.into();
            let mut insts: Vec<crate::scenario::Institution> = Vec::new();
            for k in 0..(1 + (f() * 30.0) as usize) {
                let mut inst = kinds[(f() * kinds.len() as f64) as usize].clone();
                let prev = insts.last().map(|p: &crate::scenario::Institution| (p.lon, p.lat));
                let anywhere =
                    (lon0 + (f() * 1.4 - 0.2) * n_cols as f64 * step, lat0 + (f() * 1.4 - 0.2) * n_rows as f64 * step);
                let (lon, lat) = match (prev, (f() * 8.0) as u32) {
                    (Some(p), 0) => p,
                    (Some(p), 1) => (anywhere.0, p.1),
                    (Some(p), 2) => (p.0, anywhere.1),
                    (Some(p), 3) => (p.0 + 1e-12, p.1 + 1e-9),
                    (Some(p), 4) => (p.0 + 1e-9, anywhere.1),
                    (_, 5) => {
                        (lon0 + (f() * n_cols as f64).floor() * step, lat0 + (f() * n_rows as f64).floor() * step)
                    }
                    _ => anywhere,
                };
                inst.id = format!("i-{k}");
                (inst.lon, inst.lat) = (lon, lat);
                insts.push(inst);
            }
            if case % 5 == 0 {
                let mut far = insts[0].clone();
                (far.id, far.lon, far.lat) = ("far".into(), lon0 - 179.0, -lat0.signum() * 80.0);
                insts.push(far);
            }
            s.institutions = insts.into();
            let cells = cell_grid(&s);
            let institutions = PointGrid::build(s.institutions.iter().map(|i| (i.lon, i.lat)).collect());
            let Some(rows) = CellRows::build(cells.points()) else { continue };
            built_by_rows += 1;
            let reach = [0.0, 1.0, 30.0, 400.0, 2500.0, 9000.0][case % 6] * (0.5 + f());
            let field = CoverageField::build(&s, &cells, Some(&rows), reach);
            assert_steps_are_the_least(&s, &field, 1, &format!("case {case}, reach {reach}"));
            let inst = &s.institutions[0];
            let on_edge = s
                .population_cells
                .iter()
                .map(|c| haversine_m(inst.lon, inst.lat, c.lon, c.lat))
                .filter(|&d| d <= reach);
            for r in [0.0, reach * f(), reach].into_iter().chain(on_edge.take(5)) {
                let got = field.layers(&s, &institutions, r);
                assert_eq!(got, coverage_layers(&s, &cells, r), "case {case}: reach {reach}, radius {r}");
            }
        }
        assert!(built_by_rows >= 100, "only {built_by_rows} of 120 lattices built by rows");
    }
}
