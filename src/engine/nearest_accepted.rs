//! "Where else could I apply?": for an application that the conditions of the place refuse where
//! it stands, the nearest places where the same application would be accepted on those
//! conditions — or, when there is none, the rule of the place that closes the county (or the
//! whole city) to it this year.
//!
//! The search reads the conditions of the place alone (`Condition::Where`: location, supply,
//! quotas, area classes). The conditions of the time (months in operation, staff, the negative
//! list, the fund state) are the same at every place: they are judged once and reported beside
//! the places (`when_unmet`), never as a place that is closed, so a shop not yet open still
//! learns where it could go.
//!
//! The candidates are the population cell centres, judged by the acceptance surface (which
//! agrees with single decisions by construction); every place returned is decided once more as a
//! whole application, so what the guided check shows is exactly what the engine would answer.

use serde::Serialize;

use super::prepared::Prepared;
use super::surface::{placed, Surface};
use super::{Outcome, TraceEntry};
use crate::scenario::Application;
use crate::spatial::haversine_m;

/// One place where the application would be accepted (or prioritized) on the conditions of
/// the place.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AcceptedPlace {
    /// Index of the population cell whose centre this is.
    pub cell: usize,
    pub lon: f64,
    pub lat: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
    /// The outcome there on the conditions of the place (`Decision::where_outcome`).
    pub outcome: Outcome,
    /// Haversine distance from the chosen spot, metres.
    pub distance_m: f64,
}

/// Why nowhere in a county (or the city) is open on the conditions of the place: the decision at
/// the place nearest the chosen spot, and the rule of the place that decided it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Closure {
    /// The county closed; `None` for the whole city.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
    /// The outcome there on the conditions of the place.
    pub outcome: Outcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<TraceEntry>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct NearestAccepted {
    /// Nearest first, at least `min_gap_m` apart from each other.
    pub places: Vec<AcceptedPlace>,
    /// No population cell of the applicant's county is open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub county_closed: Option<Closure>,
    /// No population cell anywhere is open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city_closed: Option<Closure>,
    /// Population cells searched (0: the data has no population cells to search).
    pub cells_searched: usize,
    /// The conditions of the time the application does not meet, the same at every place
    /// (`Surface::when_unmet`): the places above are open once these are met.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub when_unmet: Vec<TraceEntry>,
}

fn open(o: Outcome) -> bool {
    matches!(o, Outcome::Accepted | Outcome::Prioritized)
}

/// The `n` places nearest to `app` where `app` (moved there, with that cell's county and area)
/// would be accepted or prioritized on the conditions of the place, each at least `min_gap_m`
/// from the places before it.
pub fn nearest_accepted(prep: &Prepared, app: &Application, n: usize, min_gap_m: f64) -> NearestAccepted {
    let surface = prep.surface(app);
    nearest_accepted_on(prep, app, &surface, n, min_gap_m)
}

/// As `nearest_accepted`, with the application's acceptance surface already computed (the app
/// keeps the surface of the selected application).
pub fn nearest_accepted_on(
    prep: &Prepared,
    app: &Application,
    surface: &Surface,
    n: usize,
    min_gap_m: f64,
) -> NearestAccepted {
    let cells = &prep.scenario.population_cells;
    if cells.is_empty() || surface.where_outcomes.len() != cells.len() {
        return NearestAccepted::default();
    }
    let at = |k: usize| {
        let c = &cells[k];
        placed(app, c.lon, c.lat, c.county.as_deref(), c.area.as_deref())
    };
    let dist = |k: usize| haversine_m(app.lon, app.lat, cells[k].lon, cells[k].lat);

    let mut candidates: Vec<(f64, usize)> =
        (0..cells.len()).filter(|&k| open(surface.where_outcomes[k])).map(|k| (dist(k), k)).collect();
    candidates.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));

    let mut places: Vec<AcceptedPlace> = Vec::with_capacity(n);
    for &(d, k) in &candidates {
        if places.len() >= n {
            break;
        }
        let c = &cells[k];
        if places.iter().any(|p| haversine_m(p.lon, p.lat, c.lon, c.lat) < min_gap_m) {
            continue;
        }
        // The surface agrees with single decisions; deciding again makes the promise exact.
        let outcome = prep.decide(&at(k)).where_outcome;
        if !open(outcome) {
            continue;
        }
        places.push(AcceptedPlace {
            cell: k,
            lon: c.lon,
            lat: c.lat,
            county: c.county.clone(),
            outcome,
            distance_m: d,
        });
    }

    // A closed area: decide at its cell nearest the chosen spot and name the deciding rule.
    let closure = |ks: &mut dyn Iterator<Item = usize>, county: Option<String>| -> Option<Closure> {
        let k = ks.min_by(|&a, &b| dist(a).total_cmp(&dist(b)).then(a.cmp(&b)))?;
        let d = prep.decide(&at(k));
        Some(Closure { county, outcome: d.where_outcome, rule: d.deciding_where_rule().cloned() })
    };
    let city_closed = if candidates.is_empty() { closure(&mut (0..cells.len()), None) } else { None };
    let county_closed = match app.county.as_deref() {
        Some(county) => {
            let mine = |k: &usize| cells[*k].county.as_deref() == Some(county);
            let any_open = candidates.iter().any(|(_, k)| mine(k));
            if any_open {
                None
            } else {
                closure(&mut (0..cells.len()).filter(mine), Some(county.to_string()))
            }
        }
        None => None,
    };
    NearestAccepted {
        places,
        county_closed,
        city_closed,
        cells_searched: cells.len(),
        when_unmet: surface.when_unmet.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::policy::{builtin_preset, Policy};
    use crate::scenario::Kind;

    #[test]
    fn places_are_nearest_first_and_apart() {
        let scenario = crate::sample::linyi_sample();
        let policy = Policy::resolve(&builtin_preset("linyi-2025").unwrap(), &Default::default(), "o").unwrap();
        let prep = Prepared::new(&scenario, &policy, Date::new(2026, 3, 1).unwrap());
        let mut app = Application::new("g", Kind::Pharmacy, 118.35, 35.05);
        app.pharmacists = Some(1);
        app.operating_months = Some(6.0);
        let near = nearest_accepted(&prep, &app, 3, 300.0);
        assert!(!near.places.is_empty());
        for w in near.places.windows(2) {
            assert!(w[0].distance_m <= w[1].distance_m);
        }
        for (i, a) in near.places.iter().enumerate() {
            for b in &near.places[i + 1..] {
                assert!(haversine_m(a.lon, a.lat, b.lon, b.lat) >= 300.0);
            }
        }
    }

    /// 令2号 第六条(一) "正式运营至少3个月" is a condition of the time: a pharmacy not yet open
    /// (0 months) next to p-001 gets the same places as one open for six months, and the months
    /// are said once beside them, never as a city closed to it.
    #[test]
    fn a_pharmacy_not_yet_open_gets_real_places_and_the_months_once() {
        let scenario = crate::sample::linyi_sample();
        let policy = Policy::resolve(&builtin_preset("linyi-2025").unwrap(), &Default::default(), "o").unwrap();
        let prep = Prepared::new(&scenario, &policy, Date::new(2026, 3, 1).unwrap());
        let p001 = scenario.institutions.iter().find(|i| i.id == "p-001").unwrap();
        let mut app = Application::new("g", Kind::Pharmacy, p001.lon + 0.003, p001.lat);
        app.pharmacists = Some(1);
        app.county = p001.county.clone();
        app.operating_months = Some(6.0);
        let open_six = nearest_accepted(&prep, &app, 3, 300.0);
        app.operating_months = Some(0.0);
        let new = nearest_accepted(&prep, &app, 3, 300.0);
        assert!(!new.places.is_empty(), "real places for a shop not yet open");
        assert_eq!(new.places, open_six.places);
        assert_eq!((&new.city_closed, &new.county_closed), (&None, &None));
        let when: Vec<&str> = new.when_unmet.iter().map(|e| &*e.rule).collect();
        assert_eq!(when, ["national.operating_months"]);
        assert!(open_six.when_unmet.is_empty());
        // Each place is open on the conditions of the place, and closed only by the months.
        for p in &new.places {
            let area = scenario.population_cells[p.cell].area.as_deref();
            let d = prep.decide(&placed(&app, p.lon, p.lat, p.county.as_deref(), area));
            assert_eq!((d.outcome, d.where_outcome), (Outcome::Rejected, p.outcome));
        }
    }
}
