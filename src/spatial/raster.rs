//! Dense map layers (coverage cells, area classes, the acceptance surface) as one RGBA image
//! computed in Rust, not thousands of DOM nodes. Rows are spaced in Web Mercator, the
//! projection of the slippy map, so an image overlay stretched over its bounds lines up with
//! the base map at every zoom.

use super::EARTH_RADIUS_M;

#[derive(Clone, Debug, PartialEq)]
pub struct Raster {
    pub width: u32,
    pub height: u32,
    /// Row-major RGBA, top row first.
    pub rgba: Vec<u8>,
    /// west, south, east, north in degrees: the image's corners.
    pub bounds: [f64; 4],
}

fn merc_y(lat: f64) -> f64 {
    let phi = lat.clamp(-85.0, 85.0).to_radians();
    (std::f64::consts::FRAC_PI_4 + phi / 2.0).tan().ln()
}

/// The typical spacing of cells: the median distance to the nearest other cell, sampled.
pub fn typical_spacing_m(points: &[(f64, f64)]) -> f64 {
    if points.len() < 2 {
        return 500.0;
    }
    let grid = super::PointGrid::build(points.to_vec());
    let step = (points.len() / 400).max(1);
    let mut d: Vec<f64> = points
        .iter()
        .enumerate()
        .step_by(step)
        .filter_map(|(i, p)| grid.nearest(p.0, p.1, 20_000.0, |j| j != i).map(|(_, d)| d))
        .collect();
    if d.is_empty() {
        return 500.0;
    }
    d.sort_by(f64::total_cmp);
    d[d.len() / 2].max(10.0)
}

/// Paints each point as a square `cell_m` wide in `rgba_of(i)` (skipped when `None`), on an
/// image at most `max_side` pixels wide or high covering all points.
pub fn paint(points: &[(f64, f64)], cell_m: f64, max_side: u32, rgba_of: impl Fn(usize) -> Option<[u8; 4]>) -> Raster {
    if points.is_empty() {
        return Raster { width: 1, height: 1, rgba: vec![0; 4], bounds: [0.0; 4] };
    }
    let half_lat = (cell_m / 2.0 / EARTH_RADIUS_M).to_degrees();
    let (mut w, mut s, mut e, mut n) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(lon, lat) in points {
        let half_lon = half_lat / lat.to_radians().cos().max(0.01);
        w = w.min(lon - half_lon);
        e = e.max(lon + half_lon);
        s = s.min(lat - half_lat);
        n = n.max(lat + half_lat);
    }
    let (x0, x1) = (w.to_radians(), e.to_radians());
    let (y0, y1) = (merc_y(s), merc_y(n));
    let aspect = (y1 - y0) / (x1 - x0).max(1e-12);
    let max_side = max_side.max(1) as f64;
    let (width, height) = if aspect >= 1.0 {
        ((max_side / aspect).ceil().max(1.0), max_side)
    } else {
        (max_side, (max_side * aspect).ceil().max(1.0))
    };
    let (width, height) = (width as u32, height as u32);
    let px = width as f64 / (x1 - x0).max(1e-12);
    let py = height as f64 / (y1 - y0).max(1e-12);
    let mut rgba = vec![0u8; (width * height * 4) as usize];
    for (i, &(lon, lat)) in points.iter().enumerate() {
        let Some(colour) = rgba_of(i) else { continue };
        let half_lon = half_lat / lat.to_radians().cos().max(0.01);
        let cx0 = (((lon - half_lon).to_radians() - x0) * px).floor().max(0.0) as u32;
        let cx1 = ((((lon + half_lon).to_radians() - x0) * px).ceil() as u32).min(width).max(cx0 + 1).min(width);
        let ry0 = ((y1 - merc_y(lat + half_lat)) * py).floor().max(0.0) as u32;
        let ry1 = ((((y1 - merc_y(lat - half_lat)) * py).ceil()) as u32).min(height).max(ry0 + 1).min(height);
        for row in ry0..ry1 {
            let base = (row * width) as usize * 4;
            for col in cx0..cx1 {
                let k = base + col as usize * 4;
                rgba[k..k + 4].copy_from_slice(&colour);
            }
        }
    }
    Raster { width, height, rgba, bounds: [w, s, e, n] }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_painted_cell_lands_where_the_map_puts_it() {
        // Two cells 10 km apart north-south; the lower one coloured.
        let pts = [(118.3, 35.0), (118.3, 35.09)];
        let r = paint(&pts, 500.0, 400, |i| (i == 0).then_some([255, 0, 0, 255]));
        assert!(r.height > r.width, "a north-south strip is tall");
        let red_rows: Vec<u32> =
            (0..r.height).filter(|&y| (0..r.width).any(|x| r.rgba[((y * r.width + x) * 4) as usize] == 255)).collect();
        assert!(!red_rows.is_empty());
        assert!(*red_rows.first().unwrap() > r.height / 2, "the southern cell is painted in the bottom half");
        assert!(r.bounds[1] < 35.0 && r.bounds[3] > 35.09);
    }

    #[test]
    fn spacing_of_a_regular_grid_is_found() {
        let proj = super::super::LocalProjection::new(118.0, 35.0);
        let pts: Vec<(f64, f64)> = (0..30)
            .flat_map(|i| (0..30).map(move |j| (i, j)))
            .map(|(i, j)| proj.to_lonlat(i as f64 * 250.0, j as f64 * 250.0))
            .collect();
        let d = typical_spacing_m(&pts);
        assert!((d - 250.0).abs() < 2.0, "{d}");
    }
}
