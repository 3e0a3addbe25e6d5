//! The consultation section's model: what it shows of the state (`ReviewView`), its tabs, the
//! parameters and rules that differ from the baseline, the figures' values and differences in
//! words, the cells gained and lost per kind and the gaps report. The skin renders these.

use serde_json::Value;

mod i {
    pub use crate::app::i18n::{figures::*, review::*, *};
}
use super::review::Review;
use super::state::{Dataset, Layers, MapData, Shared, State};
use crate::date::Date;
use crate::engine::prepared::Prepared;
use crate::engine::Evaluation;
use crate::policy::{any_rule_def, param_def, Group, Policy, PARAMETERS};
use crate::review::compare::{INPATIENT_BITS, OUTPATIENT_BITS, PHARMACY_BITS};
use crate::review::{cell_changes, gaps, CellChanges, FigureChange, FigureUnit, GapsReport};
use crate::scenario::Scenario;
use crate::text::{num, thousands, Lang, Text, Words};

use super::figures::{fmt, pct};

/// What the review panel shows, compared by identity.
#[derive(Clone, PartialEq)]
pub struct ReviewView {
    pub review: Shared<Review>,
    pub policy: Shared<Policy>,
    pub scenario: Shared<Scenario>,
    pub evaluation: Shared<Evaluation>,
    pub layers: Shared<Layers>,
    pub data: Shared<MapData>,
    pub selected: usize,
    pub today: Date,
    pub dataset: Dataset,
    pub preset_title: Text,
    pub preset_short: Text,
}

impl ReviewView {
    pub fn of(s: &State) -> ReviewView {
        ReviewView {
            review: s.review.clone(),
            policy: Shared(s.policy.clone()),
            scenario: Shared(s.scenario.clone()),
            evaluation: Shared(s.evaluation.clone()),
            layers: s.layers.clone(),
            data: s.data.clone(),
            selected: s.selected,
            today: s.today,
            dataset: s.dataset,
            preset_title: s.preset().title.clone(),
            preset_short: s.preset().short.clone(),
        }
    }

    /// The baseline is one the user set (not the preset's).
    pub fn custom_baseline(&self) -> bool {
        self.review.baseline.as_ref().is_some_and(|b| b.is_custom())
    }

    /// The parameters whose draft value differs from the baseline: (id, baseline, draft).
    pub fn changed_params(&self) -> Vec<(&'static str, Value, Value)> {
        let Some(b) = self.review.baseline.as_ref() else {
            return Vec::new();
        };
        PARAMETERS
            .iter()
            // As in the parameter panel: the assessment and budget parameters act outside the app.
            .filter(|d| !matches!(d.group, Group::Exits | Group::Budget))
            .filter_map(|d| {
                let base = b.value(d.id).cloned().unwrap_or(Value::Null);
                let draft = self.policy.values.get(d.id).cloned().unwrap_or(Value::Null);
                (base != draft).then_some((d.id, base, draft))
            })
            .collect()
    }

    /// Rules turned on or off against the baseline: (id, on in the draft).
    pub fn changed_rules(&self) -> Vec<(&'static str, bool)> {
        let Some(b) = self.review.baseline.as_ref() else {
            return Vec::new();
        };
        crate::policy::RULES
            .iter()
            .filter_map(|d| {
                let (was, is) = (b.policy.is_on(d.id), self.policy.is_on(d.id));
                (was != is).then_some((d.id, is))
            })
            .collect()
    }

    /// An application named by its id and, when it has one, its name.
    pub fn app_name(&self, id: &str) -> String {
        match self.scenario.applications.iter().find(|a| a.id == id).and_then(|a| a.name.clone()) {
            Some(n) => format!("{id} · {n}"),
            None => id.to_string(),
        }
    }

    /// The compared figures, all or only those that changed; a county's coverage only where it
    /// changed (a row per county and kind would bury the city's figures).
    pub fn figures(&self, only_changed: bool) -> Vec<&FigureChange> {
        let listed = |f: &&FigureChange| f.changed() || (!only_changed && !f.key.starts_with("coverage.county."));
        self.review.comparison.figures.iter().filter(listed).collect()
    }

    /// Cells gained and lost per kind against the baseline (none without one): one pass per
    /// kind over the cells.
    pub fn cells_by_kind(&self) -> Vec<(Words, CellChanges)> {
        let r = &self.review;
        let Some(b) = r.baseline.as_ref() else {
            return Vec::new();
        };
        [(i::COV_PHARMACY, PHARMACY_BITS), (i::COV_OUTPATIENT, OUTPATIENT_BITS), (i::COV_INPATIENT, INPATIENT_BITS)]
            .into_iter()
            .map(|(l, bits)| (l, cell_changes(&b.snapshot, &r.draft, bits, &self.data.index.cell_population)))
            .collect()
    }

    /// The gaps report of the current decisions and the selected application's surface.
    pub fn gaps(&self) -> GapsReport {
        let prep = Prepared::with_data(&self.scenario, &self.policy, self.data.index.clone(), self.today);
        gaps(
            &prep,
            &self.evaluation.decisions,
            self.scenario.applications.get(self.selected),
            &self.layers.surface.outcomes,
        )
    }
}

/// The section's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Compare,
    Gaps,
    Sweep,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::Compare, Tab::Gaps, Tab::Sweep];
    pub fn id(self) -> &'static str {
        match self {
            Tab::Compare => "compare",
            Tab::Gaps => "gaps",
            Tab::Sweep => "sweep",
        }
    }
    pub fn label(self) -> Words {
        match self {
            Tab::Compare => i::RV_TAB_COMPARE,
            Tab::Gaps => i::RV_TAB_GAPS,
            Tab::Sweep => i::RV_TAB_SWEEP,
        }
    }
}

/// A compared figure's value in words.
pub fn figure_value(lang: Lang, unit: FigureUnit, x: Option<f64>) -> String {
    match (unit, x) {
        (_, None) => i::MISSING_VALUE.get(lang).to_string(),
        (FigureUnit::Share, v) => pct(v, lang),
        (FigureUnit::Count, Some(v)) => thousands(v.round().max(0.0) as u64),
        (FigureUnit::PerThousand, Some(v)) => fmt(v, 2),
    }
}

/// Draft minus baseline, signed, in the figure's unit (percentage points for shares).
pub fn figure_diff(lang: Lang, f: &FigureChange) -> String {
    match f.difference() {
        None => i::MISSING_VALUE.get(lang).to_string(),
        Some(d) if d.abs() < 1e-12 => "0".to_string(),
        Some(d) => {
            let sign = if d > 0.0 { "+" } else { "−" };
            let body = match f.unit {
                FigureUnit::Share => format!("{} {}", num(d.abs() * 100.0, 1), i::RV_PP.get(lang)),
                FigureUnit::Count => thousands(d.abs().round() as u64),
                FigureUnit::PerThousand => fmt(d.abs(), 2),
            };
            format!("{sign}{body}")
        }
    }
}

/// Cells (and their residents) in words: "12 (3,400 persons)".
pub fn cells_and_people(lang: Lang, (cells, people): (u64, u64)) -> String {
    format!("{} ({} {})", thousands(cells), thousands(people), i::U_PERSONS.get(lang))
}

pub fn rule_title(lang: Lang, id: &str) -> String {
    any_rule_def(id).map(|d| i::t(lang, &d.title())).unwrap_or_else(|| id.to_string())
}

pub fn switch_label(lang: Lang, id: &str) -> String {
    param_def(id).map(|d| i::t(lang, &d.label())).unwrap_or_else(|| id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::Action;
    use std::rc::Rc;

    #[test]
    fn differences_are_signed_in_the_figures_unit() {
        let f = |unit, b, d| FigureChange {
            key: "k".into(),
            label: Text::new("k", "k"),
            unit,
            baseline: Some(b),
            draft: Some(d),
            readings: Vec::new(),
        };
        assert_eq!(figure_diff(Lang::En, &f(FigureUnit::Share, 0.5, 0.525)), format!("+2.5 {}", i::RV_PP.en));
        assert_eq!(figure_diff(Lang::En, &f(FigureUnit::Count, 1200.0, 200.0)), "−1,000");
        assert_eq!(figure_diff(Lang::En, &f(FigureUnit::PerThousand, 1.0, 1.0)), "0");
        assert_eq!(figure_value(Lang::En, FigureUnit::Count, Some(1234.4)), "1,234");
        assert_eq!(cells_and_people(Lang::En, (2, 3400)), format!("2 (3,400 {})", i::U_PERSONS.en));
    }

    #[test]
    fn a_changed_parameter_is_listed_against_the_baseline() {
        let s = Rc::new(State::new());
        let s = s.apply(Action::SetBaseline);
        let v = ReviewView::of(&s);
        assert!(v.changed_params().is_empty());
        let radius = s.policy.params.service_radius_m;
        let s = s.apply(Action::SetParam("service_radius_m", (radius + 100.0).to_string()));
        let v = ReviewView::of(&s);
        let changed = v.changed_params();
        assert_eq!(changed.len(), 1, "{changed:?}");
        assert_eq!(changed[0].0, "service_radius_m");
        assert_eq!(v.cells_by_kind().len(), 3);
        assert!(ReviewView::of(&s) == v);
    }
}
