//! A uniform grid over longitude/latitude. Queries widen the searched band by the radius in
//! degrees at the band's most poleward latitude, so the prefilter never misses a point; the
//! final test is always the haversine distance.

use std::collections::HashMap;

use super::{haversine_m, EARTH_RADIUS_M};
use crate::scenario::Institution;

/// Grid cell edge in degrees of latitude (about 550 m); longitude cells are scaled by the data's
/// mean latitude so cells are roughly square.
const CELL_M: f64 = 550.0;

#[derive(Clone, Debug)]
pub struct PointGrid {
    cell_lat: f64,
    cell_lon: f64,
    cells: HashMap<(i32, i32), Vec<u32>>,
    points: Vec<(f64, f64)>,
}

impl PointGrid {
    pub fn build(points: Vec<(f64, f64)>) -> Self {
        let mean_lat = if points.is_empty() { 0.0 } else { points.iter().map(|p| p.1).sum::<f64>() / points.len() as f64 };
        let cell_lat = (CELL_M / EARTH_RADIUS_M).to_degrees();
        let cell_lon = cell_lat / mean_lat.to_radians().cos().max(0.05);
        let mut cells: HashMap<(i32, i32), Vec<u32>> = HashMap::new();
        for (i, &(lon, lat)) in points.iter().enumerate() {
            cells.entry(Self::key_of(cell_lon, cell_lat, lon, lat)).or_default().push(i as u32);
        }
        PointGrid { cell_lat, cell_lon, cells, points }
    }

    fn key_of(cell_lon: f64, cell_lat: f64, lon: f64, lat: f64) -> (i32, i32) {
        ((lon / cell_lon).floor() as i32, (lat / cell_lat).floor() as i32)
    }

    pub fn len(&self) -> usize {
        self.points.len()
    }

    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    pub fn point(&self, i: usize) -> (f64, f64) {
        self.points[i]
    }

    /// Calls `f(index, distance_m)` for every point within `radius_m` (distance ≤ r), in no
    /// particular order; `f` returns false to stop early.
    pub fn within(&self, lon: f64, lat: f64, radius_m: f64, mut f: impl FnMut(usize, f64) -> bool) {
        if self.points.is_empty() || !radius_m.is_finite() || radius_m < 0.0 {
            return;
        }
        let dlat = (radius_m / EARTH_RADIUS_M).to_degrees();
        let poleward = (lat.abs() + dlat).min(89.9);
        let dlon = (dlat / poleward.to_radians().cos()).min(360.0);
        let (x0, y0) = Self::key_of(self.cell_lon, self.cell_lat, lon - dlon, lat - dlat);
        let (x1, y1) = Self::key_of(self.cell_lon, self.cell_lat, lon + dlon, lat + dlat);
        // A radius wider than the data: scan the cells that exist instead of the empty ones.
        let span = (x1 as i64 - x0 as i64 + 1) * (y1 as i64 - y0 as i64 + 1);
        if span > self.cells.len() as i64 * 4 {
            for (&(cx, cy), ids) in &self.cells {
                if cx < x0 || cx > x1 || cy < y0 || cy > y1 {
                    continue;
                }
                for &i in ids {
                    if !self.visit(i, lon, lat, radius_m, &mut f) {
                        return;
                    }
                }
            }
            return;
        }
        for cy in y0..=y1 {
            for cx in x0..=x1 {
                if let Some(ids) = self.cells.get(&(cx, cy)) {
                    for &i in ids {
                        if !self.visit(i, lon, lat, radius_m, &mut f) {
                            return;
                        }
                    }
                }
            }
        }
    }

    #[inline]
    fn visit(&self, i: u32, lon: f64, lat: f64, r: f64, f: &mut impl FnMut(usize, f64) -> bool) -> bool {
        let (plon, plat) = self.points[i as usize];
        let d = haversine_m(lon, lat, plon, plat);
        if d <= r {
            f(i as usize, d)
        } else {
            true
        }
    }

    /// The nearest point accepted by `keep`, searching outwards up to `max_m`.
    pub fn nearest(&self, lon: f64, lat: f64, max_m: f64, keep: impl Fn(usize) -> bool) -> Option<(usize, f64)> {
        let mut radius = CELL_M * 2.0;
        loop {
            let r = radius.min(max_m);
            let mut best: Option<(usize, f64)> = None;
            self.within(lon, lat, r, |i, d| {
                if keep(i) && best.map_or(true, |(_, bd)| d < bd) {
                    best = Some((i, d));
                }
                true
            });
            if best.is_some() || r >= max_m {
                return best;
            }
            radius *= 4.0;
        }
    }
}

/// Every institution in the data, designated or not; rules filter by kind and status.
#[derive(Clone, Debug)]
pub struct InstitutionIndex {
    pub grid: PointGrid,
}

impl InstitutionIndex {
    pub fn build(institutions: &[Institution]) -> Self {
        InstitutionIndex { grid: PointGrid::build(institutions.iter().map(|i| (i.lon, i.lat)).collect()) }
    }

    /// The nearest institution satisfying `keep` within `radius_m`, and the nearest overall
    /// (within 50 km) for the detail sentence when none is inside the circle.
    pub fn nearest<'a>(
        &self,
        institutions: &'a [Institution],
        lon: f64,
        lat: f64,
        keep: impl Fn(&Institution) -> bool,
    ) -> Option<(&'a Institution, f64)> {
        self.grid.nearest(lon, lat, 50_000.0, |i| keep(&institutions[i])).map(|(i, d)| (&institutions[i], d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brute(points: &[(f64, f64)], lon: f64, lat: f64, r: f64) -> Vec<usize> {
        (0..points.len()).filter(|&i| haversine_m(lon, lat, points[i].0, points[i].1) <= r).collect()
    }

    #[test]
    fn grid_agrees_with_brute_force() {
        // A deterministic scatter over Linyi's extent.
        let mut seed: u64 = 7;
        let mut rnd = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let pts: Vec<(f64, f64)> = (0..2000).map(|_| (117.6 + rnd() * 1.6, 34.4 + rnd() * 1.8)).collect();
        let g = PointGrid::build(pts.clone());
        for _ in 0..200 {
            let (lon, lat, r) = (117.6 + rnd() * 1.6, 34.4 + rnd() * 1.8, rnd() * 5000.0);
            let mut got = Vec::new();
            g.within(lon, lat, r, |i, _| {
                got.push(i);
                true
            });
            got.sort();
            assert_eq!(got, brute(&pts, lon, lat, r));
        }
    }

    #[test]
    fn nearest_finds_far_points_and_respects_the_filter() {
        let g = PointGrid::build(vec![(118.0, 35.0), (118.2, 35.0), (118.001, 35.0)]);
        let (i, d) = g.nearest(118.19, 35.0, 50_000.0, |_| true).unwrap();
        assert_eq!(i, 1);
        assert!(d < 1000.0);
        let (i, _) = g.nearest(118.19, 35.0, 50_000.0, |i| i != 1).unwrap();
        assert_eq!(i, 2);
        assert!(g.nearest(120.0, 35.0, 50_000.0, |_| true).is_none());
    }
}
