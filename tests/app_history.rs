//! Undo and redo through the app's reducer, and the line at the top of the page that says what
//! each edit changed: against the state before it and against the baseline.

use std::rc::Rc;

use dingdian::app::history::DEPTH;
use dingdian::app::state::{Action, Dataset, State};
use dingdian::planning::InpatientStatus;
use dingdian::review::CoverageKind;
use dingdian::text::Lang;

fn param(id: &'static str, raw: &str) -> Action {
    Action::SetParam(id, raw.to_string())
}

fn value(s: &State, id: &str) -> f64 {
    s.policy.values.get(id).and_then(|v| v.as_f64()).unwrap()
}

fn pharmacy(line: &dingdian::review::ChangeSummary) -> (Option<f64>, Option<f64>) {
    let c = line.coverage.iter().find(|c| c.kind == CoverageKind::Pharmacy).unwrap();
    (c.before, c.after)
}

#[test]
fn undo_brings_back_the_parameter_its_results_and_the_line_and_redo_takes_them_again() {
    let s0 = Rc::new(State::new());
    assert!(!s0.history.can_undo() && !s0.history.can_redo());
    let s1 = s0.clone().apply(param("service_radius_m", "500"));
    assert_eq!(value(&s1, "service_radius_m"), 500.0);
    assert!(s1.history.can_undo());
    // The line says what the edit did: pharmacy coverage before and after.
    let prev = s1.history.line.previous.clone().expect("a line after an edit");
    let (before, after) = pharmacy(&prev);
    assert_eq!(before, s0.evaluation.coverage.pharmacy.population_share);
    assert_eq!(after, s1.evaluation.coverage.pharmacy.population_share);
    assert!(after < before, "{before:?} → {after:?}");
    // Against the baseline (the preset) the same, after one edit.
    assert_eq!(pharmacy(&s1.history.line.baseline), (before, after));

    // Another parameter: the line measures from the state before it.
    let s2 = s1.clone().apply(param("target_beds_per_1000", "7.0"));
    assert_eq!(pharmacy(s2.history.line.previous.as_ref().unwrap()), (after, after), "coverage as it was");
    assert_eq!(pharmacy(&s2.history.line.baseline), (before, after), "against the baseline, both edits");

    let u = s2.clone().apply(Action::Undo);
    assert_eq!(value(&u, "target_beds_per_1000"), 7.45);
    assert_eq!(value(&u, "service_radius_m"), 500.0);
    assert!(Rc::ptr_eq(&u.evaluation, &s1.evaluation), "the results come back as computed, not recomputed");
    assert_eq!(u.history.line, s1.history.line, "and the line they had");
    assert!(u.rev > s2.rev, "the inputs are made again from the value brought back");
    assert!(u.history.can_redo());
    let u2 = u.apply(Action::Undo);
    assert_eq!(value(&u2, "service_radius_m"), 800.0);
    assert!(u2.overrides.is_empty());
    assert!(!u2.history.can_undo());
    // Nothing further back: the state stays.
    let same = u2.clone().apply(Action::Undo);
    assert!(Rc::ptr_eq(&same, &u2));

    let r = u2.apply(Action::Redo).apply(Action::Redo);
    assert_eq!(value(&r, "service_radius_m"), 500.0);
    assert_eq!(value(&r, "target_beds_per_1000"), 7.0);
    assert!(Rc::ptr_eq(&r.evaluation, &s2.evaluation));
    assert!(!r.history.can_redo());

    // A new edit after an undo drops what could be redone.
    let n = r.apply(Action::Undo).apply(param("service_radius_m", "1000"));
    assert!(!n.history.can_redo());
    assert_eq!(value(&n, "service_radius_m"), 1000.0);
}

#[test]
fn edits_of_one_parameter_in_a_row_are_one_step_measured_from_before_the_first() {
    // A slider dragged 800 → 700 → 600 → 500: one undo goes back to 800.
    let s0 = Rc::new(State::new());
    let s = ["700", "600", "500"].iter().fold(s0.clone(), |s, v| s.apply(param("service_radius_m", v)));
    let (b, a) = pharmacy(s.history.line.previous.as_ref().unwrap());
    assert_eq!(b, s0.evaluation.coverage.pharmacy.population_share, "from before the drag");
    assert_eq!(a, s.evaluation.coverage.pharmacy.population_share);
    let u = s.apply(Action::Undo);
    assert_eq!(value(&u, "service_radius_m"), 800.0);
    assert!(!u.history.can_undo());
    // After another edit the same parameter starts a step of its own.
    let s = u
        .apply(Action::Redo)
        .apply(param("target_beds_per_1000", "7.0"))
        .apply(param("service_radius_m", "300"))
        .apply(Action::Undo);
    assert_eq!((value(&s, "service_radius_m"), value(&s, "target_beds_per_1000")), (500.0, 7.0));
}

#[test]
fn views_are_not_steps_and_a_refused_value_is_not_one() {
    let s = Rc::new(State::new()).apply(Action::NewApp);
    let steps = |s: &State| format!("{:?}", *s.history);
    let before = steps(&s);
    let s = s.apply(Action::SetLang(Lang::En)).apply(Action::SelectApp(0));
    assert_eq!(steps(&s), before, "language and selection are views");
    let s = s.apply(param("service_radius_m", "not a number"));
    assert_eq!(steps(&s), before, "a refused value changes nothing to undo");
    // Undo goes back over the new application, the last edit.
    let n = s.scenario.applications.len();
    let u = s.apply(Action::Undo);
    assert_eq!(u.scenario.applications.len(), n - 1);
    assert_eq!(u.lang, Lang::En, "the language stays as chosen");
}

#[test]
fn a_lower_bed_target_names_the_counties_it_opens() {
    // The synthetic Linyi: a target just above the lowest county's measured value suspends that
    // county's new inpatient designations (linyi-2025 三(一)1), one just below opens it again.
    // Which counties open is computed from the state, not named here.
    let s = Rc::new(State::new()).apply(Action::SetDataset(Dataset::Linyi));
    assert_eq!(s.dataset, Dataset::Linyi);
    let lowest =
        s.evaluation.figures.counties.iter().filter_map(|(_, c)| c.measured_beds_per_1000).fold(f64::MAX, f64::min);
    // From a target below every county (each open), so that the higher one closes the lowest;
    // a pharmacy threshold between the targets, so that they are separate steps.
    let high = s
        .apply(param("target_beds_per_1000", &format!("{:.2}", lowest - 1.0)))
        .apply(param("pharmacy_saturated_above_per_10k", "2.5"))
        .apply(param("target_beds_per_1000", &format!("{:.2}", lowest + 0.05)))
        .apply(param("pharmacy_saturated_above_per_10k", "2.6"));
    let low = high.clone().apply(param("target_beds_per_1000", &format!("{:.2}", lowest - 0.05)));
    let line = low.history.line.previous.clone().unwrap();
    let expected: Vec<&str> = high
        .layers
        .counties
        .iter()
        .zip(low.layers.counties.iter())
        .filter(|(a, b)| a.status != InpatientStatus::Open && b.status == InpatientStatus::Open)
        .map(|(a, _)| a.name.as_str())
        .collect();
    assert!(!expected.is_empty(), "the lowest county opens: {:?}", high.layers.counties);
    let named: Vec<&str> = line.opened().map(|c| c.name.as_str()).collect();
    assert_eq!(named, expected);
    assert_eq!(line.closed().count(), 0);
    // Undo: the counties are suspended again, and the line is the previous edit's.
    let u = low.apply(Action::Undo);
    assert!(u.layers == high.layers);
    assert_eq!(u.history.line, high.history.line);
    // One more: the line of the higher target, which closed them.
    let u = u.apply(Action::Undo);
    let closed: Vec<&str> = u.history.line.previous.as_ref().unwrap().closed().map(|c| c.name.as_str()).collect();
    assert!(named.iter().all(|n| closed.contains(n)), "{closed:?}");
}

#[test]
fn undo_keeps_the_baseline_the_user_set_since() {
    let s = Rc::new(State::new()).apply(param("service_radius_m", "500")).apply(Action::SetBaseline);
    let base = s.review.baseline.clone().unwrap();
    assert!(base.is_custom());
    let u = s.apply(Action::Undo);
    assert_eq!(value(&u, "service_radius_m"), 800.0);
    let kept = u.review.baseline.clone().unwrap();
    assert_eq!(kept.overrides, base.overrides, "the baseline set by the user stays");
    // Against that baseline (500 m), the 800 m draft covers more.
    let (b, a) = pharmacy(&u.history.line.baseline);
    assert!(a > b, "{b:?} → {a:?}");
}

#[test]
fn a_data_set_switch_is_undone_with_the_edits_of_the_one_left() {
    let s = Rc::new(State::new()).apply(param("service_radius_m", "500")).apply(Action::NewApp);
    let apps = s.scenario.applications.len();
    let x = s.clone().apply(Action::SetDataset(Dataset::Xian));
    assert_eq!(x.dataset, Dataset::Xian);
    // Other cells: the line has no cell-by-cell comparison with the sample.
    assert!(x.history.line.previous.is_none());
    let u = x.apply(Action::Undo);
    assert_eq!(u.dataset, Dataset::Sample);
    assert_eq!(u.scenario.applications.len(), apps);
    assert!(Rc::ptr_eq(&u.scenario, &s.scenario));
}

#[test]
fn the_history_keeps_a_bounded_number_of_steps() {
    // Two parameters in turn, so that no edit joins the one before.
    let mut s = Rc::new(State::new());
    for k in 0..DEPTH + 5 {
        s = match k % 2 {
            0 => s.apply(param("service_radius_m", &(500 + k).to_string())),
            _ => s.apply(param("target_beds_per_1000", &format!("{:.2}", 7.0 + k as f64 / 100.0))),
        };
    }
    let mut undone = 0;
    while s.history.can_undo() {
        s = s.apply(Action::Undo);
        undone += 1;
    }
    assert_eq!(undone, DEPTH);
    // The oldest step kept: after the fifth edit.
    assert_eq!((value(&s, "service_radius_m"), value(&s, "target_beds_per_1000")), (504.0, 7.03));
}
