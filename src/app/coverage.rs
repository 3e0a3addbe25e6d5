//! The coverage panel's model: what it shows (`CoverageView`) and the shares it computes from
//! it: of all residents, per county and kind, a pharmacy category's name.

use super::state::{Layers, Shared, State};
use crate::engine::plain::still_needed_all;
use crate::engine::Evaluation;
use crate::scenario::{Category, Scenario};
use crate::spatial::KindCoverage;
use crate::text::{Lang, Text};

/// The radius slider's range, in metres: the radii a drag explores. The coverage field is
/// prebuilt to its end when the page is idle, so a drag never waits for a rescan.
pub const RADIUS_SLIDER_M: (f64, f64) = (200.0, 2000.0);

/// Builds the coverage field out to the slider's end (or the radius in force, if further) unless
/// it reaches that far already: for the page to call when it is idle. True when it built.
pub fn prebuild_coverage_field(s: &State) -> bool {
    let reach = RADIUS_SLIDER_M.1.max(s.policy.params.service_radius_m);
    s.data.index.prebuild_coverage_field(&s.scenario, reach)
}

/// What the coverage panel shows, compared by identity.
#[derive(Clone, PartialEq)]
pub struct CoverageView {
    pub scenario: Shared<Scenario>,
    pub evaluation: Shared<Evaluation>,
    pub layers: Shared<Layers>,
    pub radius: f64,
    pub selected: usize,
    /// Milliseconds the last recompute took.
    pub recompute_ms: f64,
}

impl CoverageView {
    pub fn of(s: &State) -> CoverageView {
        CoverageView {
            scenario: Shared(s.scenario.clone()),
            evaluation: Shared(s.evaluation.clone()),
            layers: s.layers.clone(),
            radius: s.policy.params.service_radius_m,
            selected: s.selected,
            recompute_ms: s.recompute_ms,
        }
    }

    pub fn no_cells(&self) -> bool {
        self.scenario.population_cells.is_empty()
    }

    /// `pop` as a share of every resident of the cells (None without residents).
    pub fn share_of(&self, pop: u64) -> Option<f64> {
        let total: u64 = self.scenario.population_cells.iter().map(|c| c.population).sum();
        (total > 0).then(|| pop as f64 / total as f64)
    }

    /// A county's coverage share for pharmacies, outpatient and inpatient care.
    pub fn county_shares(&self, county: &str) -> [Option<f64>; 3] {
        let cov = &self.evaluation.coverage;
        let of = |k: &KindCoverage| k.by_county.iter().find(|(c, _)| c == county).and_then(|(_, v)| *v);
        [of(&cov.pharmacy), of(&cov.outpatient), of(&cov.inpatient)]
    }

    /// What the selected application still has to meet wherever it stands (`surface_when`).
    pub fn surface_when(&self) -> Vec<Text> {
        surface_when(&self.layers, self.scenario.applications.get(self.selected))
    }

    /// The selected application named for the surface's heading: "A1 · 某某药店".
    pub fn app_name(&self) -> Option<String> {
        let a = self.scenario.applications.get(self.selected)?;
        Some(match &a.name {
            Some(n) => format!("{} · {n}", a.id),
            None => a.id.clone(),
        })
    }
}

/// What the application whose surface `layers` holds still has to meet wherever it stands (the
/// conditions of the time): said once beside the surface, which shows the conditions of the
/// place alone.
pub fn surface_when(layers: &Layers, app: Option<&crate::scenario::Application>) -> Vec<Text> {
    match app {
        Some(a) => still_needed_all(a, &layers.surface.when_unmet),
        None => Vec::new(),
    }
}

/// A pharmacy category's name by id (the id itself when unknown).
pub fn category_label(lang: Lang, id: &str) -> String {
    Category::ALL
        .iter()
        .find(|c| c.id() == id)
        .map(|c| super::i18n::t(lang, &c.label()))
        .unwrap_or_else(|| id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The benchmark times what the app prebuilds: the slider's end.
    #[test]
    fn the_benchmark_prebuilds_as_far_as_the_slider_reaches() {
        assert_eq!(RADIUS_SLIDER_M.1, crate::bench::PREBUILT_REACH_M);
    }

    /// Once prebuilt for the data shown, asking again builds nothing (the page asks after every
    /// new data set, and again when the outlines arrive).
    #[test]
    fn the_idle_prebuild_builds_once_per_data() {
        let s = State::new();
        assert!(prebuild_coverage_field(&s));
        assert!(!prebuild_coverage_field(&s));
    }

    #[test]
    fn shares_are_of_every_resident_and_per_county() {
        let s = State::new();
        let v = CoverageView::of(&s);
        let total: u64 = s.scenario.population_cells.iter().map(|c| c.population).sum();
        assert_eq!(v.share_of(total), Some(1.0));
        assert_eq!(v.share_of(0), Some(0.0));
        let c = &s.scenario.counties[0].id;
        let [p, _, _] = v.county_shares(c);
        let expected = s.evaluation.coverage.pharmacy.by_county.iter().find(|(id, _)| id == c).and_then(|(_, v)| *v);
        assert_eq!(p, expected);
        assert!(v.county_shares("no such county").iter().all(Option::is_none));
        let a = &s.scenario.applications[s.selected];
        assert!(v.app_name().unwrap().starts_with(&a.id));
        assert_eq!(category_label(Lang::En, "nonsense"), "nonsense");
        assert!(CoverageView::of(&s) == v);
    }
}
