//! Coverage at any radius from one scan. For every population cell and coverage layer, the
//! planar distance to the nearest institution serving the layer is kept with the data; a
//! parameter change, the service radius included (up to the reach already scanned), then reads
//! each layer with one comparison per cell. Cells whose distance lies within the planar
//! approximation's error of the radius are settled by haversine, so the answer is exactly the
//! scan's (`coverage_layers`): an institution within r by haversine, distance ≤ r.

use super::{haversine_m, layer_bits, CoverageLayers, PointGrid, EARTH_RADIUS_M};
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
    /// Per cell, per layer: the least planar distance to an institution serving the layer,
    /// squared, in `unit_m2` steps rounded down; `NONE` for none within reach. Squared, because a
    /// square root per pair was most of the build's time.
    d: Vec<[u16; LAYERS]>,
    unit_m2: f64,
    /// `layer_bits` of every institution, in the scenario's order.
    inst_bits: Vec<u8>,
}

impl CoverageField {
    /// Scans every serving institution's surroundings out to `reach_m` (one pass, as coverage at
    /// that radius costs).
    pub fn build(s: &Scenario, cells: &PointGrid, reach_m: f64) -> Self {
        let reach_m = if reach_m.is_finite() { reach_m.max(0.0) } else { 0.0 };
        let lat_max = s.institutions.iter().map(|i| i.lat.abs()).fold(cells.max_abs_lat(), f64::max);
        let rel_err = relative_error(lat_max, reach_m);
        let inst_bits: Vec<u8> = s.institutions.iter().map(layer_bits).collect();
        let scan_m = reach_m * (1.0 + rel_err);
        let unit_m2 = (scan_m * scan_m / (NONE - 1) as f64).max(1e-18);
        let per_unit = 1.0 / unit_m2;
        let mut d = vec![[NONE; LAYERS]; s.population_cells.len()];
        // Institutions in bands of latitude, west to east: neighbours in turn touch mostly the
        // same cells, which are then still in cache.
        let mut order: Vec<(i64, f64, u32)> = (s.institutions.iter().zip(&inst_bits).enumerate())
            .filter(|(_, (_, &bits))| bits != 0)
            .map(|(k, (i, _))| (crate::spatial::index::floor_i64(i.lat / 0.02), i.lon, k as u32))
            .collect();
        order.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
        for (_, _, i) in order {
            let (inst, bits) = (&s.institutions[i as usize], inst_bits[i as usize]);
            cells.planar_within(inst.lon, inst.lat, scan_m, |c, d2| {
                let q = (d2 * per_unit) as u16;
                let entry = &mut d[c];
                let mut rest = bits;
                while rest != 0 {
                    let b = rest.trailing_zeros() as usize;
                    if q < entry[b] {
                        entry[b] = q;
                    }
                    rest &= rest - 1;
                }
            });
        }
        CoverageField { reach_m, rel_err, d, unit_m2, inst_bits }
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
        let maybe = (far * far / self.unit_m2).floor().min(NONE as f64 - 1.0);
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
    /// `reach_m`.
    fn linyi_field(reach_m: f64) -> (Scenario, PointGrid, PointGrid, CoverageField) {
        let s = synth_scenario(&SynthSpec::published(SampleCity::Linyi, 2500.0));
        let cells = cell_grid(&s);
        let institutions = PointGrid::build(s.institutions.iter().map(|i| (i.lon, i.lat)).collect());
        let field = CoverageField::build(&s, &cells, reach_m);
        (s, cells, institutions, field)
    }

    /// A field reaching far has coarse steps; a radius just short of a cell's nearest
    /// institution, with the cell's step the same as the radius's, must still leave the cell
    /// uncovered (the step below the radius's is the last one that is sure).
    #[test]
    fn a_radius_just_short_of_the_nearest_within_one_coarse_step_does_not_cover() {
        let (s, cells, institutions, field) = linyi_field(20_000.0);
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
            assert_eq!(field.layers(&s, &institutions, r), coverage_layers(&s, &cells, r), "radius {r}");
        }
    }

    /// The field's layers equal the scan's at every radius up to its reach, including radii
    /// that fall exactly on a cell's distance (where the planar estimate cannot decide).
    #[test]
    fn field_layers_equal_the_scan_at_every_radius() {
        let (s, cells, institutions, field) = linyi_field(3000.0);
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
            assert_eq!(field.layers(&s, &institutions, r), coverage_layers(&s, &cells, r), "radius {r}");
        }
    }
}
