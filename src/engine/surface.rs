//! The acceptance surface of DESIGN.md §2: for a chosen application (kind, category, flags), the
//! outcome the rules give at every population cell centre — "where could a new pharmacy still
//! be accepted?"
//!
//! Most rules do not depend on where the applicant stands; they are judged once. Only the
//! rules that read the location are judged again at each cell, by the same rule functions, so
//! the surface and a single decision never disagree.

use serde::Serialize;

use super::{combine, decide, rule_fn, Ctx, Outcome, TraceEntry};
use crate::policy::Policy;
use crate::scenario::Application;

/// Rules whose verdict depends on the applicant's location (or its county or area).
pub const LOCATION_RULES: &[&str] = &[
    "inpatient.county_supply",
    "inpatient.same_type_nearby",
    "outpatient.nearby",
    "outpatient_pharmacy.no_new",
    "pharmacy.same_type_nearby",
    "pharmacy.area_class",
];

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct OutcomeCount {
    pub outcome: Option<Outcome>,
    pub cells: u64,
    pub population: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Surface {
    /// One outcome per population cell, in the scenario's order.
    pub outcomes: Vec<Outcome>,
    /// Cells and residents per outcome, in `Outcome::ALL` order.
    pub counts: Vec<OutcomeCount>,
}

/// The application `template` moved to `(lon, lat)` in `county`/`area`: what a click on the map
/// or a cell of the surface asks about.
pub fn placed(template: &Application, lon: f64, lat: f64, county: Option<&str>, area: Option<&str>) -> Application {
    let mut a = template.clone();
    a.lon = lon;
    a.lat = lat;
    a.county = county.map(str::to_string);
    a.area = area.map(str::to_string);
    a
}

pub fn acceptance_surface(ctx: &Ctx, policy: &Policy, template: &Application) -> Surface {
    let cells = &ctx.scenario.population_cells;
    let Some(first) = cells.first() else {
        return Surface::default();
    };
    let base = decide(ctx, policy, &placed(template, first.lon, first.lat, first.county.as_deref(), first.area.as_deref()));
    // Entries of the location rules, and whether an exemption already made them not applicable.
    let moving: Vec<(usize, &crate::policy::ActiveRule)> = policy
        .rules
        .iter()
        .enumerate()
        .filter(|(i, r)| LOCATION_RULES.contains(&r.def.id) && base.rules[*i].exempted_by.is_none())
        .collect();
    let mut entries: Vec<TraceEntry> = base.rules.clone();
    let mut outcomes = Vec::with_capacity(cells.len());
    for c in cells {
        if moving.is_empty() {
            outcomes.push(base.outcome);
            continue;
        }
        let app = placed(template, c.lon, c.lat, c.county.as_deref(), c.area.as_deref());
        for &(i, rule) in &moving {
            entries[i].verdict = rule_fn(rule.def.id)(ctx, &app, rule).verdict;
        }
        outcomes.push(combine(&entries));
    }
    let counts = Outcome::ALL
        .iter()
        .map(|&o| {
            let (mut n, mut pop) = (0u64, 0u64);
            for (c, &oc) in cells.iter().zip(&outcomes) {
                if oc == o {
                    n += 1;
                    pop = pop.saturating_add(c.population);
                }
            }
            OutcomeCount { outcome: Some(o), cells: n, population: pop }
        })
        .collect();
    Surface { outcomes, counts }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::engine::prepared::Prepared;
    use crate::policy::builtin_preset;
    use crate::scenario::{Kind, Subtype};

    fn check_agrees(overrides: &[(&str, serde_json::Value)], template: Application) {
        let scenario = crate::sample::linyi_sample();
        let ov = overrides.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        let policy = Policy::resolve(&builtin_preset("linyi-2025").unwrap(), &ov, "overrides").unwrap();
        let prep = Prepared::new(&scenario, &policy, Date::new(2026, 3, 1).unwrap());
        let surface = prep.surface(&template);
        assert_eq!(surface.outcomes.len(), scenario.population_cells.len());
        for (c, &o) in scenario.population_cells.iter().zip(&surface.outcomes) {
            let app = placed(&template, c.lon, c.lat, c.county.as_deref(), c.area.as_deref());
            assert_eq!(prep.decide(&app).outcome, o, "cell at {},{}", c.lon, c.lat);
        }
        let total: u64 = surface.counts.iter().map(|c| c.cells).sum();
        assert_eq!(total as usize, scenario.population_cells.len());
    }

    #[test]
    fn surface_agrees_with_single_decisions_for_a_pharmacy() {
        let mut a = Application::new("s", Kind::Pharmacy, 0.0, 0.0);
        a.pharmacists = Some(1);
        check_agrees(&[], a.clone());
        check_agrees(&[("service_radius_m", 300.into()), ("saturated_pharmacy_area", "fail".into())], a);
    }

    #[test]
    fn surface_agrees_for_inpatient_outpatient_and_primary_care() {
        check_agrees(&[], Application::new("s", Kind::InpatientGeneral, 0.0, 0.0));
        check_agrees(&[("same_type_nearby_effect", "suspend".into())], Application::new("s", Kind::InpatientGeneral, 0.0, 0.0));
        check_agrees(&[], Application::new("s", Kind::Outpatient, 0.0, 0.0));
        let mut p = Application::new("s", Kind::PrimaryCare, 0.0, 0.0);
        p.subtype = Some(Subtype::TownshipCentre);
        check_agrees(&[], p);
    }

    #[test]
    fn the_sample_city_has_places_a_new_pharmacy_could_go_and_places_it_could_not() {
        let scenario = crate::sample::linyi_sample();
        let policy = Policy::resolve(&builtin_preset("linyi-2025").unwrap(), &Default::default(), "o").unwrap();
        let prep = Prepared::new(&scenario, &policy, Date::new(2026, 3, 1).unwrap());
        let s = prep.surface(&Application::new("s", Kind::Pharmacy, 0.0, 0.0));
        let count = |o: Outcome| s.counts.iter().find(|c| c.outcome == Some(o)).map(|c| c.cells).unwrap_or(0);
        assert!(count(Outcome::Rejected) > 0);
        assert!(count(Outcome::Prioritized) + count(Outcome::Accepted) > 0);
    }
}
