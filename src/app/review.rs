//! The baseline the draft is compared with, kept beside the app's state. The
//! baseline is the preset, or the parameters the user set as baseline; it is evaluated on the
//! same data as the draft. It is recomputed only when the baseline or the data changes (or the
//! selected application, for its surface), never on a draft parameter step: then only the
//! cheap comparison is redone.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde_json::Value;

use super::state::{Shared, State};
use crate::engine::prepared::Prepared;
use crate::engine::surface::placed;
use crate::policy::Policy;
use crate::review::{compare, Comparison, Snapshot};
use crate::scenario::{Application, Scenario};

pub struct Baseline {
    pub preset_idx: usize,
    /// The baseline's overrides of the preset (empty: the preset itself).
    pub overrides: BTreeMap<String, Value>,
    pub policy: Rc<Policy>,
    /// The data the snapshot was computed on.
    pub scenario: Rc<Scenario>,
    /// The selected application, wherever it stands, whose surface the snapshot holds.
    pub template: Option<Application>,
    pub snapshot: Snapshot,
}

impl Baseline {
    /// Set by the user, not the preset's own defaults.
    pub fn is_custom(&self) -> bool {
        !self.overrides.is_empty()
    }
    /// A parameter's baseline value, as the table normalised it.
    pub fn value(&self, id: &str) -> Option<&Value> {
        self.policy.values.get(id)
    }
}

#[derive(Default)]
pub struct Review {
    pub baseline: Option<Rc<Baseline>>,
    pub draft: Snapshot,
    pub comparison: Comparison,
}

pub fn empty() -> Shared<Review> {
    Shared(Rc::new(Review::default()))
}

/// The surface template: the application with its place left out.
fn template_of(s: &State) -> Option<Application> {
    s.application().map(|a| placed(a, 0.0, 0.0, None, None))
}

fn draft_snapshot(s: &State) -> Snapshot {
    Snapshot {
        decisions: s.evaluation.decisions.clone(),
        figures: s.evaluation.figures.clone(),
        coverage: s.evaluation.coverage.clone(),
        masks: s.layers.coverage.masks.clone(),
        area_counts: s.layers.area_counts,
        surface: s.layers.surface.outcomes.clone(),
        counties: (*s.layers.counties).clone(),
    }
}

fn full(s: &State, overrides: BTreeMap<String, Value>) -> Rc<Baseline> {
    if overrides == s.overrides {
        // The baseline's parameters are the draft's: its snapshot is the draft's evaluation,
        // not a second one of the whole data (after a data-set or preset switch, most often).
        return Rc::new(Baseline {
            preset_idx: s.preset_idx,
            overrides,
            policy: s.policy.clone(),
            scenario: s.scenario.clone(),
            template: template_of(s),
            snapshot: draft_snapshot(s),
        });
    }
    let policy = Policy::resolve(s.preset(), &overrides, "baseline")
        .or_else(|_| Policy::resolve(s.preset(), &BTreeMap::new(), "baseline"))
        .expect("built-in presets resolve");
    let template = template_of(s);
    let prep = Prepared::with_data(&s.scenario, &policy, s.data.index.clone(), s.today);
    let snapshot = Snapshot::compute(&prep, s.application());
    Rc::new(Baseline {
        preset_idx: s.preset_idx,
        overrides,
        policy: Rc::new(policy),
        scenario: s.scenario.clone(),
        template,
        snapshot,
    })
}

fn with(s: &State, baseline: Rc<Baseline>) -> Shared<Review> {
    let draft = draft_snapshot(s);
    let comparison = compare(&baseline.snapshot, &draft, &s.data.index.cell_population);
    Shared(Rc::new(Review { baseline: Some(baseline), draft, comparison }))
}

/// After a recompute of the draft: `all` when the policy or the data changed, `moved_only`
/// when only an application's place changed.
pub fn refresh(s: &State, all: bool, moved_only: bool) -> Shared<Review> {
    let template = template_of(s);
    let baseline = match s.review.baseline.clone() {
        // The preset changed (or there is none yet): the preset is the baseline.
        None => full(s, BTreeMap::new()),
        Some(b) if b.preset_idx != s.preset_idx => full(s, BTreeMap::new()),
        // A draft step: the baseline stands.
        Some(b) if Rc::ptr_eq(&b.scenario, &s.scenario) && b.template == template => b,
        // The applications changed, not the data they are judged on: their decisions, and the
        // surface when the selected application is another or changed other than its place.
        Some(b) if !all || Rc::ptr_eq(&b.scenario, &s.scenario) => {
            let mut snapshot = b.snapshot.clone();
            let n = s.scenario.applications.len();
            if b.overrides == s.overrides && s.evaluation.decisions.len() == n {
                // The baseline's parameters are the draft's: so are its decisions and surface.
                snapshot.decisions = s.evaluation.decisions.clone();
                snapshot.surface = s.layers.surface.outcomes.clone();
            } else {
                let prep = Prepared::with_data(&s.scenario, &b.policy, s.data.index.clone(), s.today);
                match s.application() {
                    // One application moved: only its decision can change.
                    Some(app) if moved_only && snapshot.decisions.len() == n && s.selected < n => {
                        snapshot.decisions[s.selected] = prep.decide(app);
                    }
                    _ => snapshot.decisions = s.scenario.applications.iter().map(|a| prep.decide(a)).collect(),
                }
                if !(moved_only && b.template == template) {
                    snapshot.surface = s.application().map(|a| prep.surface(a).outcomes).unwrap_or_default();
                }
            }
            Rc::new(Baseline {
                preset_idx: b.preset_idx,
                overrides: b.overrides.clone(),
                policy: b.policy.clone(),
                scenario: s.scenario.clone(),
                template,
                snapshot,
            })
        }
        // The data changed: everything, under the same baseline parameters.
        Some(b) => full(s, b.overrides.clone()),
    };
    with(s, baseline)
}

/// "Set as baseline": the current parameters become the baseline (no recompute: the draft's
/// evaluation is the baseline's).
pub fn set_baseline(s: &State) -> Shared<Review> {
    let baseline = Rc::new(Baseline {
        preset_idx: s.preset_idx,
        overrides: s.overrides.clone(),
        policy: s.policy.clone(),
        scenario: s.scenario.clone(),
        template: template_of(s),
        snapshot: s.review.draft.clone(),
    });
    with(s, baseline)
}

/// Back to the preset as the baseline.
pub fn reset_baseline(s: &State) -> Shared<Review> {
    with(s, full(s, BTreeMap::new()))
}

/// A baseline of these overrides of the preset (restored autosaved work).
pub fn baseline_with(s: &State, overrides: BTreeMap<String, Value>) -> Shared<Review> {
    with(s, full(s, overrides))
}

/// The data shown, judged under two presets' defaults side by side (Linyi's rules against
/// Xi'an's, say): what one asks before choosing which text to follow.
#[derive(Clone, PartialEq)]
pub struct PresetPairInputs {
    pub presets: Shared<Vec<crate::policy::Preset>>,
    pub preset_idx: usize,
    pub scenario: Shared<Scenario>,
    pub data: Shared<super::state::MapData>,
    pub selected: usize,
    pub today: crate::date::Date,
}

/// Two presets compared: `a` plays the baseline, `b` the draft.
pub struct PresetPair {
    pub a: usize,
    pub b: usize,
    /// The data it was computed on: a result is shown only while the data is the same.
    pub scenario: Shared<Scenario>,
    pub comparison: Comparison,
}

impl PresetPairInputs {
    pub fn of(s: &State) -> PresetPairInputs {
        PresetPairInputs {
            presets: Shared(s.presets.clone()),
            preset_idx: s.preset_idx,
            scenario: Shared(s.scenario.clone()),
            data: s.data.clone(),
            selected: s.selected,
            today: s.today,
        }
    }

    /// The preset other than the one in use that a comparison starts with: the first of
    /// another city, else the next one.
    pub fn other(&self) -> usize {
        let n = self.presets.len();
        (1..n).map(|k| (self.preset_idx + k) % n).next().unwrap_or(self.preset_idx)
    }

    /// Each preset's defaults on the same data, compared (two full evaluations).
    pub fn compare(&self, a: usize, b: usize) -> Option<PresetPair> {
        let snap = |k: usize| -> Option<Snapshot> {
            let policy = Policy::resolve(self.presets.get(k)?, &BTreeMap::new(), "preset").ok()?;
            let prep = Prepared::with_data(&self.scenario, &policy, self.data.index.clone(), self.today);
            Some(Snapshot::compute(&prep, self.scenario.applications.get(self.selected)))
        };
        let (sa, sb) = (snap(a)?, snap(b)?);
        Some(PresetPair {
            a,
            b,
            scenario: self.scenario.clone(),
            comparison: compare(&sa, &sb, &self.data.index.cell_population),
        })
    }
}
