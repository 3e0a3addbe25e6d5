//! The real county outlines of the sample cities (www/data/outlines, see www/data/SOURCES.md),
//! checked against facts they were not made from: the official areas and county seats of
//! www/data/counties.csv, and the GCJ-02 offset they were converted out of.

mod common;
use common::*;

use dingdian::date::Date;
use dingdian::outlines;
use dingdian::scenario::import::{wgs84_to_gcj02, Boundary};
use dingdian::scenario::{resolve_policy, Kind};
use dingdian::spatial::haversine_m;
use dingdian::synth::{county_seeds, synth_scenario, CountySeed, SampleCity, SynthSpec};
use geo::{Centroid, ChamberlainDuquetteArea, MapCoords};

const CITIES: [SampleCity; 2] = [SampleCity::Linyi, SampleCity::Xian];

fn each_county(mut f: impl FnMut(&CountySeed, &Boundary)) {
    for city in CITIES {
        let b = outlines::get(city).unwrap();
        for seed in county_seeds(city) {
            let area =
                b.areas.iter().find(|a| a.id == seed.adcode).unwrap_or_else(|| panic!("{} has no outline", seed.name));
            f(&seed, area);
        }
    }
}

#[test]
fn each_outline_has_the_official_area_of_its_county() {
    each_county(|seed, a| {
        let km2 = a.shape.chamberlain_duquette_unsigned_area() / 1e6;
        let off = (km2 - seed.area_km2).abs() / seed.area_km2;
        assert!(
            off < 0.05,
            "{}: outline {km2:.1} km², official {} km² ({:.1}% off)",
            seed.name,
            seed.area_km2,
            off * 100.0
        );
    });
}

#[test]
fn each_county_seat_lies_inside_its_own_outline() {
    for city in CITIES {
        let b = outlines::get(city).unwrap();
        for seed in county_seeds(city) {
            assert_eq!(b.county_of(seed.seat.0, seed.seat.1), Some(seed.adcode.as_str()), "the seat of {}", seed.name);
        }
    }
}

/// The outlines came in GCJ-02, which lies some hundreds of metres off WGS-84 here. Each
/// outline's centre is where counties.csv (WGS-84) puts the county's centroid; the same outline
/// left in GCJ-02 (the conversion's inverse applied) lies the offset away from it.
#[test]
fn outlines_sit_where_the_conversion_puts_them_not_at_the_gcj02_place() {
    each_county(|seed, a| {
        let c = a.shape.centroid().unwrap();
        let converted = haversine_m(c.x(), c.y(), seed.centroid.0, seed.centroid.1);
        let unconverted_shape = a.shape.map_coords(|p| {
            let (x, y) = wgs84_to_gcj02(p.x, p.y);
            geo::Coord { x, y }
        });
        let u = unconverted_shape.centroid().unwrap();
        let unconverted = haversine_m(u.x(), u.y(), seed.centroid.0, seed.centroid.1);
        // Measured: 8–118 m converted (counties.csv's centroids come from another copy of the
        // outlines), 456–550 m unconverted.
        assert!(converted < 150.0, "{}: centre {converted:.0} m from the county's centroid", seed.name);
        assert!(unconverted > 400.0, "{}: the unconverted outline's centre is only {unconverted:.0} m off", seed.name);
    });
}

/// Every synthetic cell and institution lies inside the outline of the county it is counted in,
/// and each county's cells hold its census residents.
#[test]
fn synthetic_residents_and_institutions_lie_inside_their_own_county() {
    for city in CITIES {
        let b = outlines::get(city).unwrap();
        let s = synth_scenario(&SynthSpec::published(city, 2000.0));
        for c in &s.population_cells {
            assert_eq!(b.county_of(c.lon, c.lat), c.county.as_deref(), "cell at {}, {}", c.lon, c.lat);
        }
        for i in &s.institutions {
            assert_eq!(b.county_of(i.lon, i.lat), i.county.as_deref(), "{} at {}, {}", i.id, i.lon, i.lat);
        }
        for seed in county_seeds(city) {
            let residents: u64 = s
                .population_cells
                .iter()
                .filter(|c| c.county.as_deref() == Some(&seed.adcode))
                .map(|c| c.population)
                .sum();
            assert_eq!(residents, seed.pop_2020, "{}", seed.name);
        }
    }
}

/// On the small sample a click among 河东区's cells is in 河东区 (the ellipses gave it to 兰山区),
/// and an inpatient application placed there is judged on 河东区's bed figures.
#[test]
fn a_click_in_hedong_is_judged_with_hedongs_figures() {
    let sample = dingdian::sample::linyi_sample();
    let b = outlines::for_counties(&sample.counties);
    // The middle of 河东区's cells, weighted by residents, and the district's seat.
    let mine: Vec<_> = sample.population_cells.iter().filter(|c| c.county.as_deref() == Some("hedong")).collect();
    let people: f64 = mine.iter().map(|c| c.population as f64).sum();
    let middle = (
        mine.iter().map(|c| c.lon * c.population as f64).sum::<f64>() / people,
        mine.iter().map(|c| c.lat * c.population as f64).sum::<f64>() / people,
    );
    let seat = county_seeds(SampleCity::Linyi).into_iter().find(|s| s.name == "河东区").unwrap().seat;
    for p in [middle, seat] {
        assert_eq!(b.county_of(p.0, p.1), Some("hedong"), "a click at {p:?}");
    }
    // Every cell of the sample lies in the county it is counted in.
    for c in &sample.population_cells {
        assert_eq!(b.county_of(c.lon, c.lat), c.county.as_deref(), "cell at {}, {}", c.lon, c.lat);
    }

    let mut sc = sample.clone();
    let county = b.county_of(middle.0, middle.1).map(str::to_string);
    sc.applications = vec![application(Kind::InpatientGeneral, middle).eligible().with(|a| a.county = county)];
    let policy = resolve_policy(&sc, |_| Err("no files".into())).unwrap();
    let e = dingdian::evaluate(&sc, &policy, Date::new(2026, 3, 1).unwrap());
    let figure = |id: &str| format!("{:.2}", e.figures.county(id).unwrap().measured_beds_per_1000.unwrap());
    let (hedong, lanshan) = (figure("hedong"), figure("lanshan"));
    assert_ne!(hedong, lanshan);
    let entry = entry(&e.decisions[0], "inpatient.county_supply");
    assert!(entry.detail.en.contains(&hedong), "河东区's {hedong} in {:?}", entry.detail.en);
    assert!(!entry.detail.en.contains(&lanshan), "兰山区's {lanshan} in {:?}", entry.detail.en);
}

/// The page's own point-in-polygon (`outlines::county_at`, kept out of geo to keep the first load
/// small) and `Boundaries::county_of` give every point of a fine grid over both cities the same
/// county.
#[test]
fn the_pages_point_in_polygon_agrees_with_geos() {
    for city in CITIES {
        let b = outlines::get(city).unwrap();
        let (mut w, mut s, mut e, mut n) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for a in &b.areas {
            (w, s, e, n) = (w.min(a.bbox.min().x), s.min(a.bbox.min().y), e.max(a.bbox.max().x), n.max(a.bbox.max().y));
        }
        let mut inside = 0;
        for i in 0..120 {
            for j in 0..120 {
                let (lon, lat) = (w + (e - w) * (i as f64 + 0.5) / 120.0, s + (n - s) * (j as f64 + 0.5) / 120.0);
                let county = outlines::county_at(&b, lon, lat);
                assert_eq!(county, b.county_of(lon, lat), "at {lon}, {lat}");
                inside += county.is_some() as usize;
            }
        }
        assert!(inside > 5_000, "{inside} of 14,400 grid points inside {city:?}");
    }
}
