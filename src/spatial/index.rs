//! A uniform grid over longitude/latitude, stored densely (bucket starts + point ids, CSR).
//! Queries widen the searched band by the radius in degrees at the band's most poleward
//! latitude, so the prefilter never misses a point. A planar test in locally scaled degrees
//! settles points clearly inside or outside; only those within a thin band around the circle
//! are decided by haversine. Either way the answer is haversine's: the band (0.5% of r) is far
//! wider than the local approximation's error at city scale (< 0.01%).

use super::{haversine_from, haversine_m, min_f64, EARTH_RADIUS_M};
use crate::scenario::{Categories, Category, Institution, Kind};

/// `x.floor() as i64` without a call into libm (baseline x86-64 and wasm32 have no inline floor
/// for f64 -> int); exact for |x| < 2^53.
#[inline(always)]
pub(crate) fn floor_i64(x: f64) -> i64 {
    let t = x as i64;
    if (t as f64) > x {
        t - 1
    } else {
        t
    }
}

/// A lower bound of `x.cos()` for |x| ≤ π/2 (the Taylor series to x⁶: the next term is not
/// negative there), without a call into libm.
#[inline(always)]
fn cos_lower_bound(x: f64) -> f64 {
    let x2 = x * x;
    1.0 - x2 / 2.0 * (1.0 - x2 / 12.0 * (1.0 - x2 / 30.0))
}

/// Bucket edge in metres of latitude.
const CELL_M: f64 = 550.0;
/// Relative half-width of the band decided by haversine.
const BAND: f64 = 0.005;

#[derive(Clone, Debug, Default)]
pub struct PointGrid {
    cell_lat: f64,
    cell_lon: f64,
    lon0: f64,
    lat0: f64,
    cols: i64,
    rows: i64,
    /// `starts[b]..starts[b + 1]` index `ids` and `sorted` for bucket b.
    starts: Vec<u32>,
    /// The caller's index of each point, in bucket order.
    ids: Vec<u32>,
    /// The points in bucket order, so a scan reads memory in sequence.
    sorted: Vec<(f64, f64)>,
    points: Vec<(f64, f64)>,
}

impl PointGrid {
    pub fn build(points: Vec<(f64, f64)>) -> Self {
        if points.is_empty() {
            return PointGrid { starts: vec![0, 0], cols: 1, rows: 1, ..Default::default() };
        }
        let (mut w, mut s, mut e, mut n) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for &(lon, lat) in &points {
            w = w.min(lon);
            e = e.max(lon);
            s = s.min(lat);
            n = n.max(lat);
        }
        let mean_lat = (s + n) / 2.0;
        let cell_lat = (CELL_M / EARTH_RADIUS_M).to_degrees();
        let mut cell_lon = cell_lat / mean_lat.to_radians().cos().max(0.05);
        let mut cell_lat = cell_lat;
        // Keep the bucket count proportionate to the data: points spread over a continent get
        // coarser buckets rather than a huge empty array.
        let max_buckets = (points.len() as f64 * 4.0).max(1024.0);
        loop {
            let cols = ((e - w) / cell_lon).floor() + 1.0;
            let rows = ((n - s) / cell_lat).floor() + 1.0;
            if cols * rows <= max_buckets {
                break;
            }
            cell_lon *= 2.0;
            cell_lat *= 2.0;
        }
        let cols = ((e - w) / cell_lon).floor() as i64 + 1;
        let rows = ((n - s) / cell_lat).floor() as i64 + 1;
        let bucket = |lon: f64, lat: f64| -> usize {
            let cx = floor_i64((lon - w) / cell_lon).clamp(0, cols - 1);
            let cy = floor_i64((lat - s) / cell_lat).clamp(0, rows - 1);
            (cy * cols + cx) as usize
        };
        let nb = (cols * rows) as usize;
        let mut counts = vec![0u32; nb + 1];
        for &(lon, lat) in &points {
            counts[bucket(lon, lat) + 1] += 1;
        }
        for b in 0..nb {
            counts[b + 1] += counts[b];
        }
        let starts = counts.clone();
        let mut fill = counts;
        let mut ids = vec![0u32; points.len()];
        let mut sorted = vec![(0.0, 0.0); points.len()];
        for (i, &(lon, lat)) in points.iter().enumerate() {
            let b = bucket(lon, lat);
            ids[fill[b] as usize] = i as u32;
            sorted[fill[b] as usize] = (lon, lat);
            fill[b] += 1;
        }
        PointGrid { cell_lat, cell_lon, lon0: w, lat0: s, cols, rows, starts, ids, sorted, points }
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

    /// The points as given, in the caller's order.
    pub fn points(&self) -> &[(f64, f64)] {
        &self.points
    }

    /// The largest |latitude| of any point, bounded from above by the grid's extent (no pass
    /// over the points).
    pub(crate) fn max_abs_lat(&self) -> f64 {
        if self.points.is_empty() {
            return 0.0;
        }
        let (south, north) = (self.lat0.abs(), (self.lat0 + self.rows as f64 * self.cell_lat).abs());
        // Not `f64::max`: the size-optimised build calls libm for it, and `nearest` asks per query.
        if north > south {
            north
        } else {
            south
        }
    }

    /// Calls `f(index, distance_m)` for every point within `radius_m` (haversine distance ≤ r),
    /// in no particular order; `f` returns false to stop early. The distance passed is exact
    /// (haversine) for points in the band near the circle and a planar estimate for points well
    /// inside; use `within_exact` where the distance itself matters.
    pub fn within(&self, lon: f64, lat: f64, radius_m: f64, f: impl FnMut(usize, f64) -> bool) {
        self.scan::<true>(lon, lat, radius_m, false, f)
    }

    /// As `within`, without distances: for questions of "which", not "how far" (coverage).
    pub fn within_ids(&self, lon: f64, lat: f64, radius_m: f64, mut f: impl FnMut(usize) -> bool) {
        self.scan::<false>(lon, lat, radius_m, false, |i, _| f(i))
    }

    /// As `within`, with the exact haversine distance for every point reported.
    pub fn within_exact(&self, lon: f64, lat: f64, radius_m: f64, f: impl FnMut(usize, f64) -> bool) {
        self.scan::<true>(lon, lat, radius_m, true, f)
    }

    /// `DIST`: whether the callback needs the distance (a square root per point otherwise saved).
    fn scan<const DIST: bool>(
        &self,
        lon: f64,
        lat: f64,
        radius_m: f64,
        exact: bool,
        mut f: impl FnMut(usize, f64) -> bool,
    ) {
        // Planar prefilter in metres, scaled at the query's latitude.
        let m_per_deg = EARTH_RADIUS_M.to_radians();
        let kx = m_per_deg * lat.to_radians().cos();
        let inner = (radius_m * (1.0 - BAND)).powi(2);
        let outer = (radius_m * (1.0 + BAND)).powi(2);
        self.runs(lon, lat, radius_m, |a, b| {
            for (&i, &(plon, plat)) in self.ids[a..b].iter().zip(&self.sorted[a..b]) {
                let dx = (plon - lon) * kx;
                let dy = (plat - lat) * m_per_deg;
                let d2 = dx * dx + dy * dy;
                if d2 > outer {
                    continue;
                }
                let d = if d2 < inner && !exact {
                    if DIST {
                        d2.sqrt()
                    } else {
                        0.0
                    }
                } else {
                    let h = haversine_m(lon, lat, plon, plat);
                    if h > radius_m {
                        continue;
                    }
                    h
                };
                if !f(i as usize, d) {
                    return false;
                }
            }
            true
        })
    }

    /// Calls `f(index, d2)` for every point whose planar distance is at most `radius_m`, with
    /// d2 its square in m²: longitude scaled at the query's latitude, no haversine. For callers
    /// that bound the planar error themselves (`CoverageField`).
    pub(crate) fn planar_within(&self, lon: f64, lat: f64, radius_m: f64, mut f: impl FnMut(usize, f64)) {
        let m_per_deg = EARTH_RADIUS_M.to_radians();
        let kx = m_per_deg * lat.to_radians().cos();
        let r2 = radius_m * radius_m;
        self.runs(lon, lat, radius_m, |a, b| {
            for (&i, &(plon, plat)) in self.ids[a..b].iter().zip(&self.sorted[a..b]) {
                let dx = (plon - lon) * kx;
                let dy = (plat - lat) * m_per_deg;
                let d2 = dx * dx + dy * dy;
                if d2 <= r2 {
                    f(i as usize, d2);
                }
            }
            true
        })
    }

    /// The runs `a..b` of `ids`/`sorted` that may hold points within `radius_m` of the query:
    /// per grid row, the buckets under the circle's chord, widened conservatively (at the
    /// band's most poleward latitude). `visit` returns false to stop.
    fn runs(&self, lon: f64, lat: f64, radius_m: f64, mut visit: impl FnMut(usize, usize) -> bool) {
        if self.points.is_empty() || !radius_m.is_finite() || radius_m < 0.0 || !lon.is_finite() || !lat.is_finite() {
            return;
        }
        let dlat = (radius_m / EARTH_RADIUS_M).to_degrees();
        let poleward = (lat.abs() + dlat).min(89.9);
        let dlon = (dlat / poleward.to_radians().cos()).min(360.0);
        let x0 = floor_i64((lon - dlon - self.lon0) / self.cell_lon).max(0);
        let x1 = floor_i64((lon + dlon - self.lon0) / self.cell_lon).min(self.cols - 1);
        let y0 = floor_i64((lat - dlat - self.lat0) / self.cell_lat).max(0);
        let y1 = floor_i64((lat + dlat - self.lat0) / self.cell_lat).min(self.rows - 1);
        if x0 > x1 || y0 > y1 {
            return;
        }
        for cy in y0..=y1 {
            // Clip the row to the circle's chord: the row's latitude nearest the centre bounds
            // the half-width in longitude (conservatively, at the band's most poleward cos).
            let row_s = self.lat0 + cy as f64 * self.cell_lat;
            let row_n = row_s + self.cell_lat;
            let dy = if lat < row_s {
                row_s - lat
            } else if lat > row_n {
                lat - row_n
            } else {
                0.0
            };
            let half = if dy >= dlat { 0.0 } else { dlon * (1.0 - (dy / dlat).powi(2)).sqrt() * (1.0 + BAND) };
            let rx0 = floor_i64((lon - half - self.lon0) / self.cell_lon).max(x0);
            let rx1 = floor_i64((lon + half - self.lon0) / self.cell_lon).min(x1);
            if rx0 > rx1 {
                continue;
            }
            let row = cy * self.cols;
            let (a, b) = (self.starts[(row + rx0) as usize] as usize, self.starts[(row + rx1) as usize + 1] as usize);
            if !visit(a, b) {
                return;
            }
        }
    }

    /// The nearest point accepted by `keep`, searching outwards up to `max_m`; exact distance.
    /// Of points at the same distance, the lowest index.
    ///
    /// Searches the buckets in square rings around the query's bucket. Each side of a ring is
    /// searched only where it may hold a point nearer than the best so far (its distance from
    /// the query, from the query's place in its own bucket), and the search stops when no side
    /// may: a ring or two where points are dense, whatever the distance. A side row is one run
    /// of buckets, so one run of points. Only points whose planar estimate comes within the band
    /// of the best are tested by `keep` and measured by haversine.
    pub fn nearest(&self, lon: f64, lat: f64, max_m: f64, keep: impl Fn(usize) -> bool) -> Option<(usize, f64)> {
        if self.points.is_empty() || !(max_m >= 0.0) || !lon.is_finite() || !lat.is_finite() {
            return None;
        }
        let m_per_deg = EARTH_RADIUS_M.to_radians();
        // `haversine_m(lon, lat, ..)` computes these for every point: once here, bit for bit.
        let p1 = lat.to_radians();
        let cos_p1 = p1.cos();
        let kx = m_per_deg * cos_p1;
        // Metres per degree anywhere the search may reach (at the grid's or the query's most
        // poleward latitude), less 1% for the planar approximation: lower bounds of distance.
        let (query, grid) = (lat.abs(), self.max_abs_lat());
        let poleward = min_f64(if grid > query { grid } else { query }, 89.9);
        let mx = m_per_deg * cos_lower_bound(poleward.to_radians()) * 0.99;
        let my = m_per_deg * 0.99;
        let (wx, wy) = (self.cell_lon * mx, self.cell_lat * my);
        let fx = (lon - self.lon0) / self.cell_lon;
        let fy = (lat - self.lat0) / self.cell_lat;
        let (cx, cy) = (floor_i64(fx), floor_i64(fy));
        // From the query to its own bucket's edges: a point in ring k beyond the west edge is at
        // least `west + (k - 1) * wx` away, and so on.
        let west = (fx - cx as f64) * wx;
        let east = wx - west;
        let south = (fy - cy as f64) * wy;
        let north = wy - south;
        // Rings beyond this one hold no bucket of the grid.
        let last = cx.abs().max((self.cols - 1 - cx).abs()).max(cy.abs()).max((self.rows - 1 - cy).abs())
            + (cx.clamp(0, self.cols - 1) - cx).abs()
            + (cy.clamp(0, self.rows - 1) - cy).abs();
        let mut best: Option<(usize, f64)> = None;
        let mut bound = max_m;
        // Points a..e of the buckets' order.
        let scan = |a: usize, e: usize, best: &mut Option<(usize, f64)>, bound: &mut f64| {
            let cut = *bound * (1.0 + 2.0 * BAND) + 1e-6;
            let cut2 = cut * cut;
            for (&i, &(plon, plat)) in self.ids[a..e].iter().zip(&self.sorted[a..e]) {
                let dx = (plon - lon) * kx;
                let dy = (plat - lat) * m_per_deg;
                if dx * dx + dy * dy > cut2 || !keep(i as usize) {
                    continue;
                }
                let d = haversine_from(p1, cos_p1, lon, plon, plat);
                if d <= max_m && best.map_or(true, |(bi, bd)| d < bd || (d == bd && (i as usize) < bi)) {
                    *best = Some((i as usize, d));
                    *bound = d;
                }
            }
        };
        // The buckets x0..=x1 of row y, clipped to the grid: one run of points.
        let row = |y: i64, x0: i64, x1: i64| -> (usize, usize) {
            let (x0, x1) = (x0.max(0), x1.min(self.cols - 1));
            if y < 0 || y >= self.rows || x0 > x1 {
                return (0, 0);
            }
            let b = (y * self.cols) as usize;
            (self.starts[b + x0 as usize] as usize, self.starts[b + x1 as usize + 1] as usize)
        };
        // How many buckets beyond the query's own, on a side `gap` metres away with buckets
        // `w` wide, may hold a point within `bound` (at most k).
        let reach = |gap: f64, w: f64, bound: f64, k: i64| -> i64 {
            if gap > bound {
                0
            } else {
                let n = 1 + min_f64((bound - gap) / w, k as f64) as i64;
                if n < k {
                    n
                } else {
                    k
                }
            }
        };
        let (a, e) = row(cy, cx, cx);
        scan(a, e, &mut best, &mut bound);
        let mut k = 1i64;
        while k <= last {
            let far = (k - 1) as f64;
            let (gw, ge, gs, gn) = (west + far * wx, east + far * wx, south + far * wy, north + far * wy);
            if min_f64(min_f64(gw, ge), min_f64(gs, gn)) > bound {
                break;
            }
            // The rows at the ring's south and north, across the columns within reach.
            let (x0, x1) = (cx - reach(west, wx, bound, k), cx + reach(east, wx, bound, k));
            if gs <= bound {
                let (a, e) = row(cy - k, x0, x1);
                scan(a, e, &mut best, &mut bound);
            }
            if gn <= bound {
                let (a, e) = row(cy + k, x0, x1);
                scan(a, e, &mut best, &mut bound);
            }
            // The columns at the ring's west and east, between those rows, within reach.
            let (y0, y1) = (
                (cy - reach(south, wy, bound, k - 1)).max(cy - k + 1),
                (cy + reach(north, wy, bound, k - 1)).min(cy + k - 1),
            );
            let column = |x: i64, gap: f64, best: &mut Option<(usize, f64)>, bound: &mut f64| {
                if gap > *bound || x < 0 || x >= self.cols {
                    return;
                }
                let mut y = y0.max(0);
                while y <= y1.min(self.rows - 1) {
                    let (a, e) = row(y, x, x);
                    scan(a, e, best, bound);
                    y += 1;
                }
            };
            column(cx - k, gw, &mut best, &mut bound);
            column(cx + k, ge, &mut best, &mut bound);
            k += 1;
        }
        best
    }
}

/// Every institution in the data, designated or not; rules filter by kind and status.
#[derive(Clone, Debug)]
pub struct InstitutionIndex {
    pub grid: PointGrid,
    /// The same institutions split by kind (`Kind::ALL` order), and pharmacies by category
    /// (`Category::ALL` order): a search for a rare kind or category does not wade through the
    /// others. Each with the index into `institutions` of its points, ascending.
    by_kind: Vec<(PointGrid, Vec<u32>)>,
    by_category: Vec<(PointGrid, Vec<u32>)>,
    /// Whether each institution is designated: read here, a search for designated ones does
    /// not load every candidate institution from memory.
    designated: Vec<bool>,
}

/// Where a proximity rule's neighbours can be found: a superset of what its predicate keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Among {
    /// Institutions of this kind.
    Kind(Kind),
    /// Pharmacies with at least one of these categories.
    PharmacyCategories(Categories),
    /// Designated institutions of this kind.
    DesignatedKind(Kind),
    /// Designated pharmacies with at least one of these categories.
    DesignatedPharmacyCategories(Categories),
}

impl Among {
    /// Whether `i` is one of these.
    pub fn admits(self, i: &Institution) -> bool {
        match self {
            Among::Kind(k) => i.kind == k,
            Among::PharmacyCategories(cats) => i.kind == Kind::Pharmacy && i.categories().intersects(cats),
            Among::DesignatedKind(k) => i.designated && i.kind == k,
            Among::DesignatedPharmacyCategories(cats) => {
                i.designated && i.kind == Kind::Pharmacy && i.categories().intersects(cats)
            }
        }
    }
}

impl InstitutionIndex {
    pub fn build(institutions: &[Institution]) -> Self {
        let subset = |keep: &dyn Fn(&Institution) -> bool| {
            let ids: Vec<u32> = (0..institutions.len() as u32).filter(|&i| keep(&institutions[i as usize])).collect();
            let grid = PointGrid::build(
                ids.iter().map(|&i| (institutions[i as usize].lon, institutions[i as usize].lat)).collect(),
            );
            (grid, ids)
        };
        InstitutionIndex {
            grid: PointGrid::build(institutions.iter().map(|i| (i.lon, i.lat)).collect()),
            by_kind: Kind::ALL.iter().map(|&k| subset(&|i| i.kind == k)).collect(),
            by_category: Category::ALL
                .iter()
                .map(|&c| subset(&|i| i.kind == Kind::Pharmacy && i.categories().contains(c)))
                .collect(),
            designated: institutions.iter().map(|i| i.designated).collect(),
        }
    }

    /// The nearest institution satisfying `keep`, within 50 km, with its haversine distance.
    pub fn nearest<'a>(
        &self,
        institutions: &'a [Institution],
        lon: f64,
        lat: f64,
        keep: impl Fn(&Institution) -> bool,
    ) -> Option<(&'a Institution, f64)> {
        self.grid.nearest(lon, lat, 50_000.0, |i| keep(&institutions[i])).map(|(i, d)| (&institutions[i], d))
    }

    /// As `nearest`, of the institutions `among` admits only (`keep` need not test what `among`
    /// says): the same answer as `nearest` with both tests, the same tie-break (the lowest index).
    pub fn nearest_among<'a>(
        &self,
        institutions: &'a [Institution],
        lon: f64,
        lat: f64,
        among: Among,
        keep: impl Fn(&Institution) -> bool,
    ) -> Option<(&'a Institution, f64)> {
        let designated_only = matches!(among, Among::DesignatedKind(_) | Among::DesignatedPharmacyCategories(_));
        let search = |(grid, ids): &(PointGrid, Vec<u32>), max_m: f64| {
            grid.nearest(lon, lat, max_m, |k| {
                let i = ids[k] as usize;
                (!designated_only || self.designated[i]) && keep(&institutions[i])
            })
            .map(|(k, d)| (ids[k] as usize, d))
        };
        let best = match among {
            Among::Kind(k) | Among::DesignatedKind(k) => {
                Kind::ALL.iter().position(|&x| x == k).and_then(|p| search(&self.by_kind[p], 50_000.0))
            }
            Among::PharmacyCategories(cats) | Among::DesignatedPharmacyCategories(cats) => {
                // Each category's search goes no further than the best of those before it.
                let mut best: Option<(usize, f64)> = None;
                for (_, sub) in Category::ALL.iter().zip(&self.by_category).filter(|(c, _)| cats.contains(**c)) {
                    if let Some((i, d)) = search(sub, best.map_or(50_000.0, |(_, bd)| bd)) {
                        if best.map_or(true, |(bi, bd)| d < bd || (d == bd && i < bi)) {
                            best = Some((i, d));
                        }
                    }
                }
                best
            }
        };
        best.map(|(i, d)| (&institutions[i], d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brute(points: &[(f64, f64)], lon: f64, lat: f64, r: f64) -> Vec<usize> {
        (0..points.len()).filter(|&i| haversine_m(lon, lat, points[i].0, points[i].1) <= r).collect()
    }

    /// The nearest point `keep` accepts within `max_m`, by measuring every point; ties to the
    /// lowest index.
    fn brute_nearest(
        pts: &[(f64, f64)],
        lon: f64,
        lat: f64,
        max_m: f64,
        keep: impl Fn(usize) -> bool,
    ) -> Option<(usize, f64)> {
        let mut want: Option<(usize, f64)> = None;
        for (i, &(plon, plat)) in pts.iter().enumerate() {
            let d = haversine_m(lon, lat, plon, plat);
            if keep(i) && d <= max_m && want.map_or(true, |(_, bd)| d < bd) {
                want = Some((i, d));
            }
        }
        want
    }

    fn scatter(n: usize, seed: u64, w: f64, s: f64, dw: f64, dh: f64) -> Vec<(f64, f64)> {
        let mut seed = seed;
        let mut rnd = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        (0..n).map(|_| (w + rnd() * dw, s + rnd() * dh)).collect()
    }

    #[test]
    fn grid_agrees_with_brute_force() {
        let pts = scatter(3000, 7, 117.6, 34.4, 1.6, 1.8);
        let queries = scatter(300, 11, 117.5, 34.3, 1.8, 2.0);
        let g = PointGrid::build(pts.clone());
        for (k, &(lon, lat)) in queries.iter().enumerate() {
            let r = (k as f64 * 37.0) % 6000.0;
            let mut got = Vec::new();
            g.within(lon, lat, r, |i, _| {
                got.push(i);
                true
            });
            got.sort();
            assert_eq!(got, brute(&pts, lon, lat, r), "query {k} r={r}");
        }
    }

    #[test]
    fn exactly_at_the_radius_is_inside() {
        let g = PointGrid::build(vec![(118.0, 35.0), (118.01, 35.003)]);
        let d = haversine_m(118.0, 35.0, 118.01, 35.003);
        let mut hits = Vec::new();
        g.within(118.0, 35.0, d, |i, _| {
            hits.push(i);
            true
        });
        assert_eq!(hits.len(), 2, "distance ≤ r includes the point at exactly r");
        hits.clear();
        g.within(118.0, 35.0, d * (1.0 - 1e-12), |i, _| {
            hits.push(i);
            true
        });
        assert_eq!(hits, vec![0]);
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

    /// The ring search against every point: same point (lowest index on ties), same distance,
    /// with filters, limits and queries outside the grid.
    #[test]
    fn nearest_agrees_with_brute_force() {
        let mut pts = scatter(4000, 3, 108.3, 33.7, 1.2, 1.0);
        pts.extend_from_slice(&pts[..50].to_vec()); // duplicates: ties go to the lower index
        let g = PointGrid::build(pts.clone());
        let queries = scatter(600, 5, 107.8, 33.2, 2.2, 2.0);
        for (k, &(lon, lat)) in queries.iter().enumerate() {
            let max_m = [50_000.0, 3_000.0, 800.0, 0.0][k % 4];
            let keep = |i: usize| i % (1 + k % 5) == 0;
            let want = brute_nearest(&pts, lon, lat, max_m, keep);
            assert_eq!(g.nearest(lon, lat, max_m, keep), want, "query {k} at {lon},{lat} max {max_m}");
        }
        // A few points over a county-sized area: many empty rings between them.
        let sparse = scatter(12, 9, 108.0, 34.0, 0.6, 0.5);
        let g = PointGrid::build(sparse.clone());
        for &(lon, lat) in &scatter(200, 13, 107.9, 33.9, 0.8, 0.7) {
            let want = (0..sparse.len())
                .map(|i| (i, haversine_m(lon, lat, sparse[i].0, sparse[i].1)))
                .filter(|&(_, d)| d <= 50_000.0)
                .min_by(|a, b| a.1.total_cmp(&b.1));
            assert_eq!(g.nearest(lon, lat, 50_000.0, |_| true), want);
        }
    }

    /// The pruned ring search against every point where the pruning matters: clustered points
    /// with rare accepted ones (the search goes many rings out), queries on bucket edges and
    /// corners and outside the grid, exact ties, and limits between the points.
    #[test]
    fn nearest_prunes_nothing_it_should_find() {
        let mut pts = scatter(1500, 21, 108.8, 34.2, 0.05, 0.04); // a dense centre
        pts.extend(scatter(1500, 23, 108.3, 33.8, 1.0, 0.9)); // and the rest of a city
        pts.extend_from_slice(&pts[100..140].to_vec());
        let g = PointGrid::build(pts.clone());
        let mut queries = scatter(300, 29, 108.2, 33.7, 1.2, 1.1);
        // On bucket edges and corners, and a point's own place.
        for j in 0..60 {
            let (x, y) = (j % 9, j / 9);
            queries.push((
                g.lon0 + x as f64 * 7.0 * g.cell_lon,
                g.lat0 + y as f64 * 5.0 * g.cell_lat + if j % 2 == 0 { 0.0 } else { g.cell_lat * 0.5 },
            ));
        }
        queries.extend_from_slice(&pts[95..110].to_vec());
        for (k, &(lon, lat)) in queries.iter().enumerate() {
            let max_m = [50_000.0, 4_321.0, 900.0, 20_000.0, 0.0][k % 5];
            let m = [1, 7, 97, 601][k % 4];
            let keep = |i: usize| i % m == k % m || (m == 1);
            let want = brute_nearest(&pts, lon, lat, max_m, keep);
            assert_eq!(g.nearest(lon, lat, max_m, keep), want, "query {k} at {lon},{lat} max {max_m} every {m}th");
        }
    }

    /// Searching only a kind's or categories' institutions gives what the whole index gives.
    #[test]
    fn nearest_among_agrees_with_the_whole_index() {
        let s =
            crate::synth::synth_scenario(&crate::synth::SynthSpec::published(crate::synth::SampleCity::Xian, 3000.0));
        let index = InstitutionIndex::build(&s.institutions);
        let at = scatter(400, 17, 108.6, 33.9, 0.8, 0.6);
        let mixes = [
            Categories::of(&[Category::Ordinary]),
            Categories::of(&[Category::Chronic]),
            Categories::of(&[Category::SpecialDrug]),
            Categories::of(&[Category::Ordinary, Category::SpecialDrug]),
        ];
        for (k, &(lon, lat)) in at.iter().enumerate() {
            let cats = mixes[k % 4];
            let keep = |i: &Institution| i.designated && i.kind == Kind::Pharmacy && i.categories().intersects(cats);
            let whole = index.nearest(&s.institutions, lon, lat, keep).map(|(i, d)| (i.id.clone(), d));
            let among = index.nearest_among(&s.institutions, lon, lat, Among::PharmacyCategories(cats), keep);
            assert_eq!(among.map(|(i, d)| (i.id.clone(), d)), whole, "pharmacy {k}");
            let kind = Kind::ALL[k % Kind::ALL.len()];
            let keep = |i: &Institution| i.designated && i.kind == kind;
            let whole = index.nearest(&s.institutions, lon, lat, keep).map(|(i, d)| (i.id.clone(), d));
            let among = index.nearest_among(&s.institutions, lon, lat, Among::Kind(kind), keep);
            assert_eq!(among.map(|(i, d)| (i.id.clone(), d)), whole, "{kind:?} {k}");
            // `among` tests what it says itself: `keep` only what it adds (here, an own site).
            let own = s.institutions[k * 7 % s.institutions.len()].id.as_str();
            for among in [
                Among::DesignatedPharmacyCategories(cats),
                Among::DesignatedKind(kind),
                Among::PharmacyCategories(cats),
                Among::Kind(kind),
            ] {
                let whole = index
                    .nearest(&s.institutions, lon, lat, |i| among.admits(i) && i.id != own)
                    .map(|(i, d)| (i.id.clone(), d));
                let got = index.nearest_among(&s.institutions, lon, lat, among, |i| i.id != own);
                assert_eq!(got.map(|(i, d)| (i.id.clone(), d)), whole, "{among:?} {k}");
            }
        }
        assert!(s.institutions.iter().any(|i| !i.designated), "the data has institutions that are not designated");
    }

    #[test]
    fn points_spread_far_apart_do_not_blow_up_the_grid() {
        let g = PointGrid::build(vec![(-179.0, -89.0), (179.0, 89.0), (0.0, 0.0)]);
        assert!(g.starts.len() <= 1025 + 1);
        let mut n = 0;
        g.within(0.0, 0.0, 1.0, |_, _| {
            n += 1;
            true
        });
        assert_eq!(n, 1);
    }
}
