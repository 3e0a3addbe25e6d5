//! What one state changed against another, in the terms a consultation asks about: the
//! decisions whose outcome differs, the counties whose new inpatient designations opened or
//! closed, coverage by kind before and after, and how much of the map became or stopped being
//! acceptable for the selected application. Plain data over two computed states: the app
//! measures each edit against the previous state and against the baseline with it.

use serde::Serialize;

use super::compare::{decision_changes, DecisionChange};
use crate::engine::prepared::Prepared;
use crate::engine::surface::placed;
use crate::engine::{Decision, Outcome};
use crate::planning::{InpatientStatus, SiteSpec};
use crate::scenario::Kind;
use crate::spatial::{Coverage, KindCoverage};

/// A county's new inpatient designations, as the annual acceptance plan states them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountyStatus {
    pub county: String,
    pub name: String,
    pub status: InpatientStatus,
}

/// Every county's inpatient status: the best outcome a new general inpatient institution gets
/// anywhere in the county on the acceptance surface (the plan decides at that cell, and the
/// surface agrees with `decide`); a county without cells is decided at the cells' centre.
pub fn county_inpatient(prep: &Prepared) -> Vec<CountyStatus> {
    let sc = prep.scenario;
    if sc.counties.is_empty() {
        return Vec::new();
    }
    let template = SiteSpec::new(Kind::InpatientGeneral).template();
    let surface = prep.surface(&template);
    let mut best: Vec<Option<Outcome>> = vec![None; sc.counties.len()];
    for (k, &c) in prep.data.cell_county.iter().enumerate() {
        let (Some(slot), Some(&o)) = (best.get_mut(c as usize), surface.outcomes.get(k)) else {
            continue;
        };
        if slot.is_none_or(|b| crate::planning::rank(o) < crate::planning::rank(b)) {
            *slot = Some(o);
        }
    }
    sc.counties
        .iter()
        .zip(best)
        .map(|(county, o)| {
            let outcome = o.unwrap_or_else(|| {
                let n = sc.population_cells.len().max(1) as f64;
                let (x, y) = sc.population_cells.iter().fold((0.0, 0.0), |(x, y), c| (x + c.lon, y + c.lat));
                prep.decide(&placed(&template, x / n, y / n, Some(&county.id), None)).outcome
            });
            CountyStatus { county: county.id.clone(), name: county.name.clone(), status: InpatientStatus::of(outcome) }
        })
        .collect()
}

/// One side of a change: borrowed from a computed state.
#[derive(Clone, Copy)]
pub struct Side<'a> {
    pub decisions: &'a [Decision],
    pub coverage: &'a Coverage,
    /// Per population cell, the coverage layers that reach it.
    pub masks: &'a [u8],
    /// The selected application's acceptance surface (empty without one).
    pub surface: &'a [Outcome],
    pub counties: &'a [CountyStatus],
}

/// A county whose inpatient status differs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountyChange {
    pub county: String,
    pub name: String,
    pub before: InpatientStatus,
    pub after: InpatientStatus,
}

impl CountyChange {
    pub fn opened(&self) -> bool {
        self.after == InpatientStatus::Open
    }
    pub fn closed(&self) -> bool {
        self.before == InpatientStatus::Open
    }
}

/// Which coverage layer a share belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CoverageKind {
    Pharmacy,
    Outpatient,
    Inpatient,
}

impl CoverageKind {
    pub const ALL: [CoverageKind; 3] = [CoverageKind::Pharmacy, CoverageKind::Outpatient, CoverageKind::Inpatient];
    pub fn of(self, c: &Coverage) -> &KindCoverage {
        match self {
            CoverageKind::Pharmacy => &c.pharmacy,
            CoverageKind::Outpatient => &c.outpatient,
            CoverageKind::Inpatient => &c.inpatient,
        }
    }
    /// The bits of `CoverageLayers::masks` of this kind.
    pub fn bits(self) -> u8 {
        match self {
            CoverageKind::Pharmacy => crate::spatial::PHARMACY,
            CoverageKind::Outpatient => crate::spatial::OUTPATIENT,
            CoverageKind::Inpatient => crate::spatial::INPATIENT,
        }
    }
}

/// A kind's share of residents covered, before and after.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ShareChange {
    pub kind: CoverageKind,
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// Cells (and their residents) that gained or lost this coverage.
    pub gained: (u64, u64),
    pub lost: (u64, u64),
}

impl ShareChange {
    pub fn changed(&self) -> bool {
        self.gained.0 > 0 || self.lost.0 > 0 || self.before != self.after
    }
}

/// The part of the map where the selected application would be accepted (or prioritized).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AreaChange {
    /// Share of residents in acceptable cells; `None` without a surface on that side.
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// Cells (and their residents) that became acceptable, or stopped being so.
    pub gained: (u64, u64),
    pub lost: (u64, u64),
}

/// Everything one state changed against another.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ChangeSummary {
    pub decisions: Vec<DecisionChange>,
    pub counties: Vec<CountyChange>,
    pub coverage: Vec<ShareChange>,
    pub area: AreaChange,
}

impl ChangeSummary {
    /// Nothing a user would notice changed.
    pub fn is_empty(&self) -> bool {
        self.decisions.is_empty()
            && self.counties.is_empty()
            && !self.coverage.iter().any(ShareChange::changed)
            && self.area.gained.0 == 0
            && self.area.lost.0 == 0
    }
    pub fn opened(&self) -> impl Iterator<Item = &CountyChange> {
        self.counties.iter().filter(|c| c.opened())
    }
    pub fn closed(&self) -> impl Iterator<Item = &CountyChange> {
        self.counties.iter().filter(|c| c.closed())
    }
}

/// The counties whose inpatient status differs, matched by id, in `after`'s order.
pub fn county_changes(before: &[CountyStatus], after: &[CountyStatus]) -> Vec<CountyChange> {
    after
        .iter()
        .filter_map(|a| {
            let b = before.iter().find(|b| b.county == a.county)?;
            (b.status != a.status).then(|| CountyChange {
                county: a.county.clone(),
                name: a.name.clone(),
                before: b.status,
                after: a.status,
            })
        })
        .collect()
}

fn acceptable(o: Outcome) -> bool {
    matches!(o, Outcome::Accepted | Outcome::Prioritized)
}

fn add(t: &mut (u64, u64), p: u64) {
    t.0 += 1;
    t.1 = t.1.saturating_add(p);
}

/// What `after` changed against `before`, both computed on the same cells (`population`).
/// Decisions are matched by application id, counties by id; cells compare only when both sides
/// have one per population cell.
pub fn delta(before: &Side, after: &Side, population: &[u64]) -> ChangeSummary {
    let n = population.len();
    let counties = county_changes(before.counties, after.counties);
    let masks = before.masks.len() == n && after.masks.len() == n;
    let coverage = CoverageKind::ALL
        .into_iter()
        .map(|kind| {
            let mut c = ShareChange {
                kind,
                before: kind.of(before.coverage).population_share,
                after: kind.of(after.coverage).population_share,
                gained: (0, 0),
                lost: (0, 0),
            };
            if masks {
                let bits = kind.bits();
                for (k, &p) in population.iter().enumerate() {
                    match (before.masks[k] & bits != 0, after.masks[k] & bits != 0) {
                        (false, true) => add(&mut c.gained, p),
                        (true, false) => add(&mut c.lost, p),
                        _ => {}
                    }
                }
            }
            c
        })
        .collect();
    let total = population.iter().fold(0u64, |a, &p| a.saturating_add(p));
    let share = |s: &[Outcome]| -> Option<f64> {
        (s.len() == n && total > 0).then(|| {
            let pop =
                s.iter().zip(population).filter(|(o, _)| acceptable(**o)).fold(0u64, |a, (_, &p)| a.saturating_add(p));
            pop as f64 / total as f64
        })
    };
    let mut area = AreaChange { before: share(before.surface), after: share(after.surface), ..Default::default() };
    if before.surface.len() == n && after.surface.len() == n {
        for (k, &p) in population.iter().enumerate() {
            match (acceptable(before.surface[k]), acceptable(after.surface[k])) {
                (false, true) => add(&mut area.gained, p),
                (true, false) => add(&mut area.lost, p),
                _ => {}
            }
        }
    }
    ChangeSummary { decisions: decision_changes(before.decisions, after.decisions), counties, coverage, area }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::engine::prepared::DataIndex;
    use crate::policy::{builtin_preset, Policy};
    use crate::review::Snapshot;
    use crate::scenario::{Application, Scenario};
    use std::collections::BTreeMap;
    use std::rc::Rc;

    fn today() -> Date {
        Date::new(2026, 3, 1).unwrap()
    }

    fn snap(s: &Scenario, data: &Rc<DataIndex>, overrides: &[(&str, serde_json::Value)]) -> Snapshot {
        let ov: BTreeMap<String, serde_json::Value> =
            overrides.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        let policy = Policy::resolve(&builtin_preset("linyi-2025").unwrap(), &ov, "o").unwrap();
        let prep = Prepared::with_data(s, &policy, data.clone(), today());
        Snapshot::compute(&prep, s.applications.first())
    }

    #[test]
    fn the_county_status_is_the_annual_plans() {
        let s = crate::sample::linyi_sample();
        let policy = Policy::resolve(&builtin_preset("linyi-2025").unwrap(), &BTreeMap::new(), "o").unwrap();
        let prep = Prepared::new(&s, &policy, today());
        let ours = county_inpatient(&prep);
        let plan = crate::planning::annual_plan(&s, &policy, today(), 2);
        assert_eq!(ours.len(), plan.counties.len());
        for (a, b) in ours.iter().zip(&plan.counties) {
            assert_eq!((&a.county, a.status), (&b.county, b.inpatient.status));
        }
    }

    #[test]
    fn a_state_against_itself_changes_nothing() {
        let s = crate::sample::linyi_sample();
        let data = Rc::new(DataIndex::build(&s));
        let a = snap(&s, &data, &[]);
        let d = delta(&a.side(), &a.side(), &data.cell_population);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(d.coverage.len(), 3);
    }

    #[test]
    fn a_smaller_radius_lowers_pharmacy_coverage_and_says_where() {
        let s = crate::sample::linyi_sample();
        let data = Rc::new(DataIndex::build(&s));
        let pop = &data.cell_population;
        let before = snap(&s, &data, &[]);
        let after = snap(&s, &data, &[("service_radius_m", 500.into())]);
        let d = delta(&before.side(), &after.side(), pop);
        let ph = d.coverage.iter().find(|c| c.kind == CoverageKind::Pharmacy).unwrap();
        assert!(ph.after.unwrap() < ph.before.unwrap(), "{ph:?}");
        assert!(ph.lost.0 > 0 && ph.gained.0 == 0, "{ph:?}");
        // The residents lost are the share lost.
        let total: u64 = pop.iter().sum();
        assert!((ph.before.unwrap() - ph.after.unwrap() - ph.lost.1 as f64 / total as f64).abs() < 1e-9);
        // Back again: the same cells, gained.
        let back = delta(&after.side(), &before.side(), pop);
        let ph2 = back.coverage.iter().find(|c| c.kind == CoverageKind::Pharmacy).unwrap();
        assert_eq!((ph2.gained, ph2.lost), (ph.lost, ph.gained));
    }

    #[test]
    fn a_lower_bed_target_opens_a_county_for_inpatient_applications() {
        // The synthetic Linyi (the published county figures): counties whose measured value lies
        // between the old and the new target are opened by the lower target. Computed, not
        // named, so the test follows the data.
        use crate::synth::{synth_scenario, SampleCity, SynthSpec};
        let s = synth_scenario(&SynthSpec::published(SampleCity::Linyi, 1000.0));
        let data = Rc::new(DataIndex::build(&s));
        let before = snap(&s, &data, &[]);
        let after = snap(&s, &data, &[("target_beds_per_1000", 7.0.into())]);
        let d = delta(&before.side(), &after.side(), &data.cell_population);
        let opened: Vec<&str> = d.opened().map(|c| c.name.as_str()).collect();
        assert!(!opened.is_empty(), "{:?}", d.counties);
        for c in d.opened() {
            let was = before.counties.iter().find(|x| x.county == c.county).unwrap();
            assert_eq!(was.status, c.before);
            assert_ne!(c.before, InpatientStatus::Open);
            let now = after.counties.iter().find(|x| x.county == c.county).unwrap();
            assert_eq!(now.status, InpatientStatus::Open);
        }
        assert_eq!(d.closed().count(), 0);
        // The reverse edit closes the same counties.
        let back = delta(&after.side(), &before.side(), &data.cell_population);
        let closed: Vec<&str> = back.closed().map(|c| c.name.as_str()).collect();
        assert_eq!(opened, closed);
    }

    #[test]
    fn acceptable_cells_are_counted_where_the_surface_changes() {
        let mut s = crate::sample::linyi_sample();
        // A pharmacy application first, so its surface is the one compared.
        let p = s.institutions.iter().find(|i| i.designated && i.kind == Kind::Pharmacy).unwrap().clone();
        let mut a = Application::new("t", Kind::Pharmacy, p.lon, p.lat);
        a.pharmacists = Some(2);
        a.operating_months = Some(12.0);
        a.category = Some(p.categories());
        s.applications.insert(0, a);
        let data = Rc::new(DataIndex::build(&s));
        let pop = &data.cell_population;
        let before = snap(&s, &data, &[]);
        let after = snap(&s, &data, &[("service_radius_m", 300.into())]);
        let d = delta(&before.side(), &after.side(), pop);
        // A smaller same-type distance lets the pharmacy in closer to others: more acceptable.
        assert!(d.area.gained.0 > 0, "{:?}", d.area);
        let total: u64 = pop.iter().sum();
        let moved = (d.area.gained.1 as f64 - d.area.lost.1 as f64) / total as f64;
        assert!((d.area.after.unwrap() - d.area.before.unwrap() - moved).abs() < 1e-9);
    }
}
