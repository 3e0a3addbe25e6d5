//! Geometry: one metric everywhere (haversine on a sphere of 6,371,008.8 m, "within r" means
//! distance ≤ r), a grid index that prefilters conservatively in degrees, population coverage
//! and pharmacy area classes.

mod areas;
mod coverage;
mod field;
mod index;
pub mod raster;
mod rows;

pub use areas::{AreaCells, AreaClass, AreaKey, AreaModel, AreaStat, AreaStats};
pub use coverage::{
    cell_counties, cell_grid, coverage_layers, covered_cells, layer_bits, layers_matching, Coverage, CoverageLayers,
    KindCoverage, INPATIENT, OUTPATIENT, PHARMACY,
};
pub use field::CoverageField;
pub use index::{Among, InstitutionIndex, PointGrid};
pub use rows::{CellRows, Run};

pub const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// Great-circle distance in metres.
pub fn haversine_m(lon1: f64, lat1: f64, lon2: f64, lat2: f64) -> f64 {
    let p1 = lat1.to_radians();
    haversine_from(p1, p1.cos(), lon1, lon2, lat2)
}

/// `haversine_m(lon1, lat1, lon2, lat2)` with `p1 = lat1.to_radians()` and its cosine given,
/// for a search that measures many points from one place (the same bits: it is the one formula).
#[inline(always)]
pub(crate) fn haversine_from(p1: f64, cos_p1: f64, lon1: f64, lon2: f64, lat2: f64) -> f64 {
    let p2 = lat2.to_radians();
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + cos_p1 * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * min_f64(a.sqrt(), 1.0).asin()
}

/// `a.min(b)`, inline: the size-optimised build calls libm's `fmin` for `f64::min`.
#[inline(always)]
pub(crate) fn min_f64(a: f64, b: f64) -> f64 {
    // `f64::min` returns the other operand when one is NaN: so does this when `a` is.
    if a < b || b.is_nan() {
        a
    } else {
        b
    }
}

/// A local equirectangular projection in metres around a reference point: used for grid cells
/// and prefilters only, never for a final distance test.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LocalProjection {
    pub lon0: f64,
    pub lat0: f64,
    cos_lat0: f64,
}

impl LocalProjection {
    pub fn new(lon0: f64, lat0: f64) -> Self {
        LocalProjection { lon0, lat0, cos_lat0: lat0.to_radians().cos() }
    }

    pub fn to_xy(&self, lon: f64, lat: f64) -> (f64, f64) {
        let x = (lon - self.lon0).to_radians() * EARTH_RADIUS_M * self.cos_lat0;
        let y = (lat - self.lat0).to_radians() * EARTH_RADIUS_M;
        (x, y)
    }

    pub fn to_lonlat(&self, x: f64, y: f64) -> (f64, f64) {
        let lat = self.lat0 + (y / EARTH_RADIUS_M).to_degrees();
        let lon = self.lon0 + (x / (EARTH_RADIUS_M * self.cos_lat0)).to_degrees();
        (lon, lat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn haversine_matches_known_distances() {
        // One degree of latitude on this sphere: R·π/180.
        let d = haversine_m(118.0, 35.0, 118.0, 36.0);
        assert!((d - EARTH_RADIUS_M.to_radians()).abs() < 1e-6, "{d}");
        assert_eq!(haversine_m(118.35, 35.05, 118.35, 35.05), 0.0);
        // Symmetric.
        let (a, b) = (haversine_m(118.35, 35.05, 118.351, 35.051), haversine_m(118.351, 35.051, 118.35, 35.05));
        assert!((a - b).abs() < 1e-9);
        // DESIGN.md §3: the sample application lies 143.7 m from p-001.
        assert_eq!(crate::text::num(a, 1), "143.7");
    }

    #[test]
    fn projection_round_trips_and_agrees_with_haversine_nearby() {
        let p = LocalProjection::new(118.3, 35.1);
        let (x, y) = p.to_xy(118.31, 35.105);
        let (lon, lat) = p.to_lonlat(x, y);
        assert!((lon - 118.31).abs() < 1e-12 && (lat - 35.105).abs() < 1e-12);
        let planar = (x * x + y * y).sqrt();
        let h = haversine_m(118.3, 35.1, 118.31, 35.105);
        assert!((planar - h).abs() / h < 1e-3);
    }
}
