//! The acceptance surface of DESIGN.md §2: for a chosen application (kind, category, flags), the
//! outcome the rules give at every population cell centre — "where could a new pharmacy still
//! be accepted?"
//!
//! Most rules do not depend on where the applicant stands: they are judged once. A rule that
//! reads the location depends on it only through a key — its county, its pharmacy area, or
//! whether one of its neighbours (the rule's own predicate) lies within the radius. The
//! neighbour keys of all cells come from one pass over the institutions (as coverage does);
//! the rule function itself is called once per distinct key, at a cell with that key, and its
//! verdict reused. So the surface and a single decision never disagree, at a fraction of the
//! cost of judging every cell.

use serde::Serialize;

use super::prepared::Prepared;
use super::proximity::{neighbours_of, radius};
use super::{decide, outcome_of, pharmacy, rule_fn, severity_of, Outcome, TraceEntry};
use crate::scenario::Application;
use crate::spatial::{covered_cells, layers_matching, AreaClass};

/// Rules whose verdict depends on the applicant's location (or its county or area); each is a
/// condition of the place (`Condition::Where`).
pub const LOCATION_RULES: &[&str] = &[
    "inpatient.county_supply",
    "inpatient.same_type_nearby",
    "outpatient.nearby",
    "outpatient_pharmacy.no_new",
    "pharmacy.same_type_nearby",
    "pharmacy.min_spacing",
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
    /// One outcome per cell on the conditions of the place alone (`Decision::where_outcome`):
    /// where the application could go once it meets the conditions of the time.
    pub where_outcomes: Vec<Outcome>,
    /// Cells and residents per where-outcome, in `Outcome::ALL` order.
    pub where_counts: Vec<OutcomeCount>,
    /// The conditions of the time the application does not meet (`Decision::when_unmet`): the
    /// same at every cell, so judged once and said once.
    pub when_unmet: Vec<TraceEntry>,
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

/// A location rule's key at every cell: its verdict depends on the cell only through it.
enum Keys<'a> {
    /// Whether any layer of these bits of the coverage masks reaches the cell.
    Layers(&'a [u8], u8),
    /// Whether the rule's own scan found a neighbour within the radius.
    Scanned(Vec<bool>),
    /// The cell's county (cells without one share a spare key, `counties.len()`).
    County,
    /// The cell's pharmacy area; the verdict follows from the class the rule reads for it.
    AreaClass(Vec<AreaClass>),
}

impl Keys<'_> {
    /// The number of distinct keys, and a cell with each key that occurs (the first in the
    /// cells' order), `u32::MAX` for keys that do not.
    fn first_cells(&self, prep: &Prepared) -> Vec<u32> {
        let first_where = |hit: &dyn Fn(usize) -> bool| -> u32 {
            (0..prep.data.cell_population.len()).find(|&c| hit(c)).map_or(u32::MAX, |c| c as u32)
        };
        match self {
            Keys::Layers(masks, bits) => {
                vec![first_where(&|c| masks[c] & bits == 0), first_where(&|c| masks[c] & bits != 0)]
            }
            Keys::Scanned(hit) => vec![first_where(&|c| !hit[c]), first_where(&|c| hit[c])],
            Keys::County => prep.data.county_first_cell.clone(),
            Keys::AreaClass(class_of_area) => {
                let mut first = vec![u32::MAX; AreaClass::Saturated as usize + 1];
                let mut present = [false; AreaClass::Saturated as usize + 1];
                for &k in class_of_area {
                    present[k as usize] = true;
                }
                // Stops once every class that some area has is found.
                let mut missing = present.iter().filter(|&&p| p).count();
                for (c, &a) in prep.areas.cell_area.iter().enumerate() {
                    let k = class_of_area[a as usize] as usize;
                    if missing == 0 {
                        break;
                    }
                    if first[k] == u32::MAX {
                        first[k] = c as u32;
                        missing -= 1;
                    }
                }
                first
            }
        }
    }

    /// ORs `severity[key]` into every cell's mask.
    fn apply(&self, prep: &Prepared, severity: &[u8], masks: &mut [u8]) {
        match self {
            Keys::Layers(layers, bits) => {
                for (m, &l) in masks.iter_mut().zip(*layers) {
                    *m |= severity[usize::from(l & bits != 0)];
                }
            }
            Keys::Scanned(hit) => {
                for (m, &h) in masks.iter_mut().zip(hit) {
                    *m |= severity[usize::from(h)];
                }
            }
            Keys::County => {
                let spare = severity[severity.len() - 1];
                for (m, &k) in masks.iter_mut().zip(&prep.data.cell_county) {
                    *m |= severity.get(k as usize).copied().unwrap_or(spare);
                }
            }
            Keys::AreaClass(class_of_area) => {
                let of_area: Vec<u8> = class_of_area.iter().map(|&k| severity[k as usize]).collect();
                for (m, &a) in masks.iter_mut().zip(&prep.areas.cell_area) {
                    *m |= of_area[a as usize];
                }
            }
        }
    }
}

pub fn acceptance_surface(prep: &Prepared, template: &Application) -> Surface {
    let ctx = prep.ctx();
    let s = prep.scenario;
    let cells = &s.population_cells;
    if cells.is_empty() {
        return Surface::default();
    }
    let at =
        |k: usize| placed(template, cells[k].lon, cells[k].lat, cells[k].county.as_deref(), cells[k].area.as_deref());
    let base = decide(&ctx, prep.policy, &at(0));

    // Rules that do not read the location, and location rules whose verdict is the same at
    // every key, make one fixed part; each other rule ORs its verdict per key into every cell.
    // The conditions of the time never read the location: their part is kept aside, so the
    // cells carry the conditions of the place alone and the full outcome adds `when`.
    let mut fixed = 0u8;
    let mut when = 0u8;
    let mut varying: Vec<(Keys, Vec<u8>)> = Vec::new();
    for (rule, entry) in prep.policy.rules.iter().zip(&base.rules) {
        let id = rule.def.id;
        let keys = if !LOCATION_RULES.contains(&id) || entry.exempted_by.is_some() {
            None
        } else {
            match (id, neighbours_of(rule, &ctx, template)) {
                // Neighbours that are exactly some coverage layers (an ordinary pharmacy's
                // same-type neighbours are the ordinary-category layer) at the coverage radius:
                // the coverage of this recompute has the answer already. Otherwise a scan.
                (_, Some(Ok(n))) => Some(
                    match (prep.layers_if_computed(), rule.radius_m, layers_matching(s, |i| n.counts(template, i))) {
                        (Some(layers), None, Some(bits)) => Keys::Layers(&layers.masks, bits),
                        _ => Keys::Scanned(covered_cells(s, &prep.data.cells, radius(&ctx, rule), |i| {
                            n.counts(template, i)
                        })),
                    },
                ),
                // The rule does not reach this applicant wherever it stands.
                (_, Some(Err(_))) => None,
                ("inpatient.county_supply", None) => Some(Keys::County),
                ("pharmacy.area_class", None) => Some(Keys::AreaClass(
                    prep.areas.keys.iter().map(|key| pharmacy::read_area(&ctx, template, key).class).collect(),
                )),
                _ => None,
            }
        };
        let Some(keys) = keys else {
            let severity = severity_of(rule.def.is_eligibility(), entry.verdict);
            if rule.def.is_where() {
                fixed |= severity;
            } else {
                when |= severity;
            }
            continue;
        };
        let first = keys.first_cells(prep);
        let severity: Vec<u8> =
            first
                .iter()
                .map(|&c| {
                    if c == u32::MAX {
                        0
                    } else {
                        severity_of(false, rule_fn(id)(&ctx, &at(c as usize), rule).verdict)
                    }
                })
                .collect();
        let occurring = || first.iter().zip(&severity).filter(|(&c, _)| c != u32::MAX).map(|(_, &v)| v);
        match occurring().next() {
            Some(v) if occurring().all(|w| w == v) => fixed |= v,
            _ => varying.push((keys, severity)),
        }
    }

    let mut masks = vec![fixed; cells.len()];
    for (keys, severity) in &varying {
        keys.apply(prep, severity, &mut masks);
    }
    // A mask's outcome and its place in `Outcome::ALL`, tabled once.
    let table: Vec<(Outcome, usize)> = (0..=u8::MAX)
        .map(|m| {
            let o = outcome_of(m);
            (o, Outcome::ALL.iter().position(|&x| x == o).unwrap_or(0))
        })
        .collect();
    let mut tally = [(0u64, 0u64); Outcome::ALL.len()];
    let mut where_tally = [(0u64, 0u64); Outcome::ALL.len()];
    let mut outcomes = Vec::with_capacity(cells.len());
    let mut where_outcomes = Vec::with_capacity(cells.len());
    for (&m, &p) in masks.iter().zip(&prep.data.cell_population) {
        for (mask, tally, out) in [(m | when, &mut tally, &mut outcomes), (m, &mut where_tally, &mut where_outcomes)] {
            let (o, k) = table[mask as usize];
            out.push(o);
            tally[k].0 += 1;
            tally[k].1 = tally[k].1.saturating_add(p);
        }
    }
    let counts_of = |tally: [(u64, u64); Outcome::ALL.len()]| {
        Outcome::ALL
            .iter()
            .zip(tally)
            .map(|(&o, (n, pop))| OutcomeCount { outcome: Some(o), cells: n, population: pop })
            .collect()
    };
    Surface {
        outcomes,
        counts: counts_of(tally),
        where_outcomes,
        where_counts: counts_of(where_tally),
        when_unmet: base.when_entries().cloned().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::engine::prepared::Prepared;
    use crate::policy::{builtin_preset, Policy};
    use crate::scenario::{Kind, Subtype};

    fn check_agrees(overrides: &[(&str, serde_json::Value)], template: Application) {
        let scenario = crate::sample::linyi_sample();
        let ov = overrides.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        let policy = Policy::resolve(&builtin_preset("linyi-2025").unwrap(), &ov, "overrides").unwrap();
        let prep = Prepared::new(&scenario, &policy, Date::new(2026, 3, 1).unwrap());
        let surface = prep.surface(&template);
        assert_eq!(surface.outcomes.len(), scenario.population_cells.len());
        for (k, c) in scenario.population_cells.iter().enumerate() {
            let app = placed(&template, c.lon, c.lat, c.county.as_deref(), c.area.as_deref());
            let d = prep.decide(&app);
            assert_eq!(d.outcome, surface.outcomes[k], "cell at {},{}", c.lon, c.lat);
            assert_eq!(d.where_outcome, surface.where_outcomes[k], "where, cell at {},{}", c.lon, c.lat);
            assert_eq!(d.when_entries().cloned().collect::<Vec<_>>(), surface.when_unmet);
        }
        let total: u64 = surface.counts.iter().map(|c| c.cells).sum();
        assert_eq!(total as usize, scenario.population_cells.len());
    }

    #[test]
    fn surface_agrees_with_single_decisions_for_a_pharmacy() {
        let mut a = Application::new("s", Kind::Pharmacy, 0.0, 0.0);
        a.pharmacists = Some(1);
        check_agrees(&[], a.clone());
        // 令2号 第六条(一): not yet open, the months bind at every cell; the place's part is unchanged.
        let mut new = a.clone();
        new.operating_months = Some(0.0);
        check_agrees(&[], new);
        check_agrees(&[("service_radius_m", 300.into()), ("saturated_pharmacy_area", "fail".into())], a);
    }

    #[test]
    fn surface_agrees_for_inpatient_outpatient_and_primary_care() {
        check_agrees(&[], Application::new("s", Kind::InpatientGeneral, 0.0, 0.0));
        check_agrees(
            &[("same_type_nearby_effect", "suspend".into())],
            Application::new("s", Kind::InpatientGeneral, 0.0, 0.0),
        );
        check_agrees(&[], Application::new("s", Kind::Outpatient, 0.0, 0.0));
        let mut p = Application::new("s", Kind::PrimaryCare, 0.0, 0.0);
        p.subtype = Some(Subtype::TownshipCentre);
        check_agrees(&[], p);
    }

    /// Reading the same-type neighbours off the coverage layers gives the surface a scan gives,
    /// for every category mix, radius, and an applicant that is itself a designated pharmacy.
    #[test]
    fn surface_from_coverage_layers_equals_surface_from_its_own_scan() {
        use crate::scenario::{Categories, Category};
        use crate::synth::{synth_scenario, SampleCity, SynthSpec};
        let scenario = synth_scenario(&SynthSpec::published(SampleCity::Linyi, 2500.0));
        let own = scenario.institutions.iter().find(|i| i.designated && i.kind == Kind::Pharmacy).unwrap().id.clone();
        let mixes = [
            Categories::of(&[Category::Ordinary]),
            Categories::of(&[Category::Chronic]),
            Categories::of(&[Category::SpecialDrug]),
            Categories::of(&[Category::Ordinary, Category::Chronic]),
            Categories::of(&[Category::Ordinary, Category::Chronic, Category::SpecialDrug]),
        ];
        let mut reused = 0;
        for (k, r) in [300.0, 800.0, 1750.0].into_iter().enumerate() {
            let ov = [("service_radius_m".to_string(), serde_json::json!(r))].into_iter().collect();
            let policy = Policy::resolve(&builtin_preset("linyi-2025").unwrap(), &ov, "o").unwrap();
            for (m, cats) in mixes.iter().enumerate() {
                let mut t = Application::new("s", Kind::Pharmacy, 0.0, 0.0);
                t.category = Some(*cats);
                t.pharmacists = Some(1);
                if (k + m) % 3 == 0 {
                    t.institution_id = Some(own.clone()); // its own site is never its neighbour
                    t.change = crate::scenario::Change::AddressChange;
                }
                let fresh = Prepared::new(&scenario, &policy, Date::new(2026, 3, 1).unwrap());
                let scanned = fresh.surface(&t);
                let prep = Prepared::new(&scenario, &policy, Date::new(2026, 3, 1).unwrap());
                let _ = prep.coverage();
                reused += usize::from(
                    crate::spatial::layers_matching(&scenario, |i| {
                        i.designated && i.kind == Kind::Pharmacy && i.categories().intersects(*cats)
                    })
                    .is_some(),
                );
                assert_eq!(prep.surface(&t), scanned, "r={r} categories {m}");
            }
        }
        assert!(reused >= 10, "most mixes read the coverage layers ({reused})");
    }

    #[test]
    fn every_location_rule_is_a_condition_of_the_place() {
        for id in LOCATION_RULES {
            assert!(crate::policy::rule_def(id).is_some_and(|d| d.is_where()), "{id}");
        }
    }

    /// 令2号 第六条(一) "正式运营至少3个月": a pharmacy not yet open is rejected at every cell, but
    /// the surface of the place still shows where it could go, and names the months once.
    #[test]
    fn a_pharmacy_not_yet_open_sees_where_it_could_go_and_the_months_said_once() {
        let scenario = crate::sample::linyi_sample();
        let policy = Policy::resolve(&builtin_preset("linyi-2025").unwrap(), &Default::default(), "o").unwrap();
        let prep = Prepared::new(&scenario, &policy, Date::new(2026, 3, 1).unwrap());
        let mut t = Application::new("s", Kind::Pharmacy, 0.0, 0.0);
        t.pharmacists = Some(1);
        t.operating_months = Some(0.0);
        let s = prep.surface(&t);
        assert!(s.outcomes.iter().all(|&o| o == Outcome::Rejected));
        let open = |o: &&Outcome| matches!(o, Outcome::Accepted | Outcome::Prioritized);
        let where_open = s.where_outcomes.iter().filter(open).count();
        assert!(where_open > 0, "some places accept it on the conditions of the place");
        assert!(s.where_outcomes.contains(&Outcome::Rejected), "and some do not (same-type pharmacies nearby)");
        let when: Vec<&str> = s.when_unmet.iter().map(|e| &*e.rule).collect();
        assert_eq!(when, ["national.operating_months"]);
        // Six months in: the where-surface is the same, and now the outcome too.
        t.operating_months = Some(6.0);
        let open6 = prep.surface(&t);
        assert_eq!(open6.where_outcomes, s.where_outcomes);
        assert_eq!(open6.outcomes, s.where_outcomes);
        assert!(open6.when_unmet.is_empty());
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

    #[test]
    fn surface_agrees_on_a_synthetic_city_under_both_presets() {
        use crate::scenario::{Categories, Category, Specialty};
        use crate::synth::{synth_scenario, SampleCity, SynthSpec};
        for (city, preset) in [(SampleCity::Linyi, "linyi-2025"), (SampleCity::Xian, "xian-2025")] {
            let mut scenario = synth_scenario(&SynthSpec::published(city, 4000.0));
            // County figures so the county rule has something to say.
            for (k, c) in scenario.counties.iter_mut().enumerate() {
                c.insured = c.resident_population;
                c.admissions = c.resident_population.map(|p| p / 5 + k as u64 * 3000);
                c.avg_stay_days = Some(8.9);
                c.bed_utilisation = Some(0.82);
            }
            let special = {
                let mut a = Application::new("s", Kind::Pharmacy, 0.0, 0.0);
                a.category = Some(Categories::of(&[Category::SpecialDrug, Category::Ordinary]));
                a
            };
            let mut specialty = Application::new("s", Kind::InpatientSpecialty, 0.0, 0.0);
            specialty.specialty = Some(Specialty::Paediatrics);
            let templates = [
                Application::new("s", Kind::Pharmacy, 0.0, 0.0),
                special,
                Application::new("s", Kind::Outpatient, 0.0, 0.0),
                Application::new("s", Kind::InpatientGeneral, 0.0, 0.0),
                specialty,
            ];
            for ov in [
                vec![],
                vec![
                    ("service_radius_m", serde_json::json!(2500)),
                    ("xian_count_non_designated", serde_json::json!(true)),
                ],
            ] {
                let ov = ov.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
                let mut policy = Policy::resolve(&builtin_preset(preset).unwrap(), &ov, "o").unwrap();
                policy.params.fund_coef_enabled = false;
                policy.params.patient_coef_enabled = false;
                let prep = Prepared::new(&scenario, &policy, Date::new(2026, 3, 1).unwrap());
                for t in &templates {
                    let surface = prep.surface(t);
                    for (k, c) in scenario.population_cells.iter().enumerate() {
                        let app = placed(t, c.lon, c.lat, c.county.as_deref(), c.area.as_deref());
                        let d = prep.decide(&app);
                        assert_eq!(d.outcome, surface.outcomes[k], "{preset} {:?} cell {k}", t.kind);
                        assert_eq!(d.where_outcome, surface.where_outcomes[k], "{preset} {:?} cell {k}", t.kind);
                    }
                }
            }
        }
    }

    #[test]
    fn cells_without_a_county_share_one_key() {
        // A county-less cell once became key u32::MAX and a four-billion-entry table.
        let mut scenario = crate::sample::linyi_sample();
        for c in scenario.population_cells.iter_mut().step_by(3) {
            c.county = None;
        }
        let policy = Policy::resolve(&builtin_preset("linyi-2025").unwrap(), &Default::default(), "o").unwrap();
        let prep = Prepared::new(&scenario, &policy, Date::new(2026, 3, 1).unwrap());
        let t = Application::new("s", Kind::InpatientGeneral, 0.0, 0.0);
        let surface = prep.surface(&t);
        for (k, c) in scenario.population_cells.iter().enumerate() {
            let app = placed(&t, c.lon, c.lat, c.county.as_deref(), c.area.as_deref());
            assert_eq!(prep.decide(&app).outcome, surface.outcomes[k], "cell {k}");
        }
    }
}
