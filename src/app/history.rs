//! Undo and redo of the work, and what the last edit changed. Every action that changes the work
//! (the preset, a parameter or rule, the data, an application, the data set, an opened file) keeps
//! the state before it; an undo brings that state back as it was computed, so it costs no
//! recompute. Views (a panel opened, the language, the selected application) are not steps.
//!
//! With each edit the line at the top of the page is worked out once: the edit against the
//! state before it and the work against the baseline (`review::delta`).

use std::collections::BTreeMap;
use std::rc::Rc;

use serde_json::Value;

use super::review::Review;
use super::state::{Dataset, ErrorKey, Layers, MapData, Shared, Stashed, State};
use crate::engine::Evaluation;
use crate::policy::Policy;
use crate::review::{delta, ChangeSummary, Side};
use crate::scenario::import::Boundaries;
use crate::scenario::Scenario;

/// How many edits an undo can go back: each step shares what it did not change, but a data
/// edit on a whole city keeps a copy of its data.
pub const DEPTH: usize = 40;

/// What the line at the top says.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Line {
    /// The last edit against the state before it: `None` before any edit, and after one that
    /// replaced the data (another data set, an opened file), where cells do not compare.
    pub previous: Option<Rc<ChangeSummary>>,
    /// The work against the baseline.
    pub baseline: Rc<ChangeSummary>,
    /// Counts the edits, so an edit that changes the same things again is announced again.
    pub edits: u64,
}

/// The work as an undo brings it back.
#[derive(Clone)]
struct Step {
    preset_idx: usize,
    overrides: BTreeMap<String, Value>,
    policy: Rc<Policy>,
    dataset: Dataset,
    scenario: Rc<Scenario>,
    data: Shared<MapData>,
    evaluation: Rc<Evaluation>,
    layers: Shared<Layers>,
    stash: Rc<BTreeMap<Dataset, Stashed>>,
    selected: usize,
    next_app: u32,
    boundaries: Option<Rc<Boundaries>>,
    review: Shared<Review>,
    line: Shared<Line>,
}

impl Step {
    fn of(s: &State) -> Step {
        Step {
            preset_idx: s.preset_idx,
            overrides: s.overrides.clone(),
            policy: s.policy.clone(),
            dataset: s.dataset,
            scenario: s.scenario.clone(),
            data: s.data.clone(),
            evaluation: s.evaluation.clone(),
            layers: s.layers.clone(),
            stash: s.stash.clone(),
            selected: s.selected,
            next_app: s.next_app,
            boundaries: s.boundaries.clone(),
            review: s.review.clone(),
            line: s.history.line.clone(),
        }
    }

    /// Puts this work into `s`; the baseline the user has set since stays the baseline.
    fn restore(self, s: &mut State) {
        let baseline_kept = match (&s.review.baseline, &self.review.baseline) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b) || (a.overrides == b.overrides && a.preset_idx == self.preset_idx),
            _ => true,
        };
        s.preset_idx = self.preset_idx;
        s.overrides = self.overrides;
        s.policy = self.policy;
        s.dataset = self.dataset;
        s.scenario = self.scenario;
        s.data = self.data;
        s.evaluation = self.evaluation;
        s.layers = self.layers;
        s.stash = self.stash;
        s.selected = self.selected;
        s.next_app = self.next_app;
        s.boundaries = self.boundaries;
        // The inputs show the values brought back; messages about refused text go with it.
        s.rev += 1;
        s.errors.retain(|k, _| *k == ErrorKey::Import);
        if baseline_kept {
            s.review = self.review;
            s.history = Shared(Rc::new(History { line: self.line, ..(*s.history).clone() }));
        } else {
            s.review = super::review::refresh(s, true, false);
            let line =
                Line { previous: self.line.previous.clone(), baseline: against_baseline(s), edits: self.line.edits };
            s.history = Shared(Rc::new(History { line: Shared(Rc::new(line)), ..(*s.history).clone() }));
        }
    }
}

/// The edits that can be undone and redone, and the line of the state shown.
#[derive(Clone)]
pub struct History {
    past: Vec<Step>,
    future: Vec<Step>,
    pub line: Shared<Line>,
    /// The parameter the last step edited: further edits of it join that step.
    last_param: Option<&'static str>,
}

impl History {
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

impl std::fmt::Debug for History {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "History({} back, {} forward)", self.past.len(), self.future.len())
    }
}

pub fn empty() -> Shared<History> {
    Shared(Rc::new(History {
        past: Vec::new(),
        future: Vec::new(),
        line: Shared(Rc::new(Line::default())),
        last_param: None,
    }))
}

/// No step back, and the line comparing the work opened with its baseline.
pub fn start(s: &State) -> Shared<History> {
    let line = Line { previous: None, baseline: against_baseline(s), edits: 0 };
    Shared(Rc::new(History { past: Vec::new(), future: Vec::new(), line: Shared(Rc::new(line)), last_param: None }))
}

fn step_side(s: &Step) -> Side<'_> {
    side_of(&s.evaluation, &s.layers)
}

fn side(s: &State) -> Side<'_> {
    side_of(&s.evaluation, &s.layers)
}

/// What `review::delta` compares of a computed state.
fn side_of<'a>(evaluation: &'a Evaluation, layers: &'a Layers) -> Side<'a> {
    Side {
        decisions: &evaluation.decisions,
        coverage: &evaluation.coverage,
        masks: &layers.coverage.masks,
        surface: &layers.surface.outcomes,
        counties: &layers.counties,
    }
}

fn against_baseline(s: &State) -> Rc<ChangeSummary> {
    Rc::new(match &s.review.baseline {
        Some(b) => delta(&b.snapshot.side(), &side(s), &s.data.index.cell_population),
        None => ChangeSummary::default(),
    })
}

/// Whether the work differs (not only the view of it).
fn work_changed(a: &State, b: &State) -> bool {
    a.preset_idx != b.preset_idx
        || a.dataset != b.dataset
        || !Rc::ptr_eq(&a.scenario, &b.scenario)
        || a.overrides != b.overrides
}

/// After an action: an edit of the work becomes a step back, and the line says what it changed.
/// `param`: the parameter the action set. Edits of one parameter in a row (a slider dragged,
/// a value typed again) are one step, measured from the state before the first of them.
pub fn after_action(before: &Rc<State>, after: Rc<State>, param: Option<&'static str>) -> Rc<State> {
    if Rc::ptr_eq(before, &after) {
        return after;
    }
    let edit = work_changed(before, &after);
    // A new baseline, another selected application (its surface), a recompute: the line's
    // comparison with the baseline follows.
    let moved = !Rc::ptr_eq(&before.evaluation, &after.evaluation) || before.review != after.review;
    if !edit && !moved {
        return after;
    }
    let mut s = Rc::try_unwrap(after).unwrap_or_else(|a| (*a).clone());
    let mut h = (*before.history).clone();
    let baseline = against_baseline(&s);
    if edit {
        let joins = param.is_some() && param == h.last_param && h.future.is_empty() && !h.past.is_empty();
        if !joins {
            h.past.push(Step::of(before));
            if h.past.len() > DEPTH {
                h.past.remove(0);
            }
        }
        h.future.clear();
        h.last_param = param;
        // Against the state an undo brings back; cells compare only on the same data.
        let from = h.past.last().expect("a step was just kept");
        let previous =
            (from.data == s.data).then(|| Rc::new(delta(&step_side(from), &side(&s), &s.data.index.cell_population)));
        h.line = Shared(Rc::new(Line { previous, baseline, edits: before.history.line.edits + 1 }));
    } else {
        h.line = Shared(Rc::new(Line { baseline, ..(*before.history.line).clone() }));
    }
    s.history = Shared(Rc::new(h));
    Rc::new(s)
}

/// The state before the last edit, as it was (the undone edit can be redone).
pub fn undo(s: &Rc<State>) -> Rc<State> {
    travel(s, true)
}

/// The edit last undone, again.
pub fn redo(s: &Rc<State>) -> Rc<State> {
    travel(s, false)
}

/// One step back (`back`) or forward: the state left goes on the other side, to return to.
fn travel(s: &Rc<State>, back: bool) -> Rc<State> {
    let mut h = (*s.history).clone();
    let History { past, future, .. } = &mut h;
    let (from, to) = if back { (past, future) } else { (future, past) };
    let Some(step) = from.pop() else {
        return s.clone();
    };
    to.push(Step::of(s));
    h.last_param = None;
    let mut next = (**s).clone();
    next.history = Shared(Rc::new(h));
    step.restore(&mut next);
    Rc::new(next)
}
