//! The app's flows, driven as the skin drives them: the review (a baseline and the draft's
//! comparison with it), the assessment and county community budget panels, and the guided check
//! from its first question to its answer. Expected outcomes come from the engine, the rules'
//! registry or the data, never written down.

use std::rc::Rc;

use dingdian::app::assess::{
    as_of, current_records, AssessResult, BudgetAction, ExitsAction, ExitsErrorKey, RecordField, Source, BUDGET_FIELDS,
};
use dingdian::app::guided::{Guide, GuideAction, GuideField};
use dingdian::app::state::{Action, Dataset, State};
use dingdian::budget::settle;
use dingdian::engine::exits::{assess_with_data, AssessOutcome};
use dingdian::engine::prepared::Prepared;
use dingdian::engine::{Decision, Outcome, Verdict};
use dingdian::guide::{self, Step};
use dingdian::policy::Policy;
use dingdian::scenario::{Application, Category, Change, Field, Kind};
use dingdian::synth_assessment::DEFAULT_SEED;

// ---------------------------------------------------------------------------------------------
// Error lookups: the only places that know how the panels key their messages (being typed;
// adapt them here).

/// The assessment record editor's message under a field, in English.
fn record_error(s: &State, field: RecordField) -> Option<String> {
    s.exits.errors.get(&ExitsErrorKey::Record(field)).map(|t| t.en.to_string())
}

/// The assessment panel's message about a records file.
fn records_file_error(s: &State) -> Option<String> {
    s.exits.errors.get(&ExitsErrorKey::File).map(|t| t.en.to_string())
}

/// The budget form's message under a field, in English.
fn budget_error(s: &State, field: &str) -> Option<String> {
    s.budget.errors.get(field).map(|t| t.en.to_string())
}

/// The guided check's message under a question.
fn guide_error(g: &Guide, field: impl Into<GuideField>) -> Option<String> {
    g.error(field).map(|t| t.en.to_string())
}

// ---------------------------------------------------------------------------------------------
// Reading the state

/// The assessment records of the data set shown, as the assessment panel reads them.
fn records_of(s: &State) -> Option<Rc<dingdian::app::assess::Records>> {
    current_records(&s.exits, s.dataset, &s.scenario)
}

fn start() -> Rc<State> {
    Rc::new(State::new())
}

fn decision<'a>(s: &'a State, id: &str) -> &'a Decision {
    s.evaluation.decisions.iter().find(|d| d.id == id).unwrap_or_else(|| panic!("no decision for {id}"))
}

fn outcome_of(list: &[(String, Outcome)], id: &str) -> Outcome {
    list.iter().find(|(x, _)| x == id).unwrap().1
}

fn outcomes(s: &State) -> Vec<(String, Outcome)> {
    s.evaluation.decisions.iter().map(|d| (d.id.clone(), d.outcome)).collect()
}

fn selected_id(s: &State) -> String {
    s.application().unwrap().id.clone()
}

/// What the engine decides for the state's applications under the preset with `overrides`,
/// computed afresh.
fn engine_outcomes(
    s: &State,
    overrides: &std::collections::BTreeMap<String, serde_json::Value>,
) -> Vec<(String, Outcome)> {
    let policy = Policy::resolve(s.preset(), overrides, "policy.overrides").unwrap();
    let prep = Prepared::new(&s.scenario, &policy, s.today);
    s.scenario.applications.iter().map(|a| (a.id.clone(), prep.decide(a).outcome)).collect()
}

/// The applications the review lists as changed: (id, baseline, draft).
fn listed(s: &State) -> Vec<(String, Outcome, Outcome)> {
    s.review.comparison.decisions.iter().map(|c| (c.id.clone(), c.baseline, c.draft)).collect()
}

/// What the review should list: every application whose outcome under the baseline's overrides
/// differs from its outcome under the draft's, both asked of the engine afresh.
fn expected_listing(s: &State) -> Vec<(String, Outcome, Outcome)> {
    let b = s.review.baseline.as_ref().expect("a baseline");
    let base = engine_outcomes(s, &b.overrides);
    let draft = engine_outcomes(s, &s.overrides);
    base.into_iter().zip(draft).filter(|(b, d)| b.1 != d.1).map(|(b, d)| (b.0, b.1, d.1)).collect()
}

/// A general hospital of 80 beds, complete in what the national and staffing rules read, about
/// 5 km from the first institution of `county`.
fn hospital(s: &State, county: &str) -> Application {
    let near = s.scenario.institutions.iter().find(|i| i.county.as_deref() == Some(county)).unwrap();
    let mut a = Application::new("h", Kind::InpatientGeneral, near.lon + 0.05, near.lat + 0.03);
    a.county = Some(county.to_string());
    a.beds = Some(80);
    a.physicians = Some(10);
    a.operating_months = Some(12.0);
    a.insurance_office_staff = Some(2);
    a
}

/// The sample with one hospital application in each county.
fn with_hospitals() -> Rc<State> {
    let mut s = start();
    let counties: Vec<String> = s.scenario.counties.iter().map(|c| c.id.clone()).collect();
    for c in counties {
        let a = hospital(&s, &c);
        s = s.apply(Action::AddApplication(a));
    }
    s
}

/// A bed target under every county's measured value.
fn target_under_every_county(s: &State) -> String {
    let lowest =
        s.evaluation.figures.counties.iter().filter_map(|(_, f)| f.measured_beds_per_1000).fold(f64::MAX, f64::min);
    format!("{}", ((lowest - 0.05) * 100.0).floor() / 100.0)
}

fn east(lon: f64, lat: f64, metres: f64) -> (f64, f64) {
    (lon + metres / (111_195.0 * lat.to_radians().cos()), lat)
}

// ---------------------------------------------------------------------------------------------
// The review

#[test]
fn a_lower_bed_target_against_the_preset_baseline_lists_the_applications_it_turns() {
    let s = with_hospitals();
    let b = s.review.baseline.as_ref().expect("the preset is the baseline");
    assert!(!b.is_custom());
    assert!(listed(&s).is_empty(), "the draft is the preset");
    let before = outcomes(&s);

    let target = target_under_every_county(&s);
    let s = s.apply(Action::SetParam("target_beds_per_1000", target));
    let after = outcomes(&s);
    let turned: Vec<(String, Outcome, Outcome)> = before
        .iter()
        .filter(|(id, o)| outcome_of(&after, id) != *o)
        .map(|(id, o)| (id.clone(), *o, outcome_of(&after, id)))
        .collect();
    assert!(!turned.is_empty(), "the lower target turns some application");
    assert_eq!(listed(&s), turned);
    for c in &s.review.comparison.decisions {
        let rule = c.rule.as_ref().expect("the review names the rule that turned it");
        assert_eq!(rule.rule, "inpatient.county_supply");
        assert_eq!(rule.draft, Some(Verdict::Pass));
    }
    let target = s
        .review
        .comparison
        .changed_figures()
        .find(|f| f.key == "beds.target")
        .expect("the target is among the changed figures");
    assert_eq!(target.draft, Some(s.policy.params.target_beds_per_1000));
    assert_ne!(target.baseline, target.draft);

    // The draft becomes the baseline: nothing differs.
    let s = s.apply(Action::SetBaseline);
    assert!(s.review.baseline.as_ref().unwrap().is_custom());
    assert!(listed(&s).is_empty());
    assert_eq!(s.review.comparison.changed_figures().count(), 0);

    // Back to the preset's target: the same applications, the other way round.
    let s = s.apply(Action::ResetParam("target_beds_per_1000"));
    let back: Vec<(String, Outcome, Outcome)> = turned.iter().map(|(id, b, d)| (id.clone(), *d, *b)).collect();
    assert_eq!(listed(&s), back);

    // The lower target again, now the baseline's own: nothing differs, until the preset is the
    // baseline again.
    let target = target_under_every_county(&s);
    let s = s.apply(Action::SetParam("target_beds_per_1000", target));
    assert!(listed(&s).is_empty());
    let s = s.apply(Action::ResetBaseline);
    assert!(!s.review.baseline.as_ref().unwrap().is_custom());
    assert_eq!(listed(&s), turned);
}

#[test]
fn an_application_moved_or_added_is_judged_on_both_sides_of_the_comparison() {
    let s = start();
    let id = selected_id(&s);
    // A smaller service radius than the sample's nearest pharmacy distance turns a-1.
    let s = s.apply(Action::SetParam("service_radius_m", "300".into()));
    assert_eq!(listed(&s), expected_listing(&s));
    assert!(listed(&s).iter().any(|(x, _, _)| *x == id));

    // Moved next to a designated pharmacy: refused under either radius, so no longer listed.
    let p = s
        .scenario
        .institutions
        .iter()
        .find(|i| i.designated && i.kind == Kind::Pharmacy && i.categories().contains(Category::Ordinary))
        .map(|i| (i.lon, i.lat))
        .unwrap();
    let (lon, lat) = east(p.0, p.1, 100.0);
    let s = s.apply(Action::PlaceApp(lon, lat));
    assert_eq!(listed(&s), expected_listing(&s));
    assert!(!listed(&s).iter().any(|(x, _, _)| *x == id));

    // A new application is judged by the baseline too, where it stands.
    let s = s.apply(Action::NewApp);
    let (lon, lat) = east(p.0, p.1, 400.0);
    let s = s.apply(Action::PlaceApp(lon, lat));
    let new = selected_id(&s);
    assert!(s.review.draft.decisions.iter().any(|d| d.id == new));
    assert_eq!(listed(&s), expected_listing(&s));
    assert!(
        listed(&s).iter().any(|(x, _, _)| *x == new),
        "400 m from a designated pharmacy: inside the preset's radius, outside the draft's"
    );
}

/// Every decision of the state's applications under the preset with `overrides`, trace and all,
/// computed afresh.
fn engine_decisions(s: &State, overrides: &std::collections::BTreeMap<String, serde_json::Value>) -> Vec<Decision> {
    let policy = Policy::resolve(s.preset(), overrides, "policy.overrides").unwrap();
    let prep = Prepared::new(&s.scenario, &policy, s.today);
    s.scenario.applications.iter().map(|a| prep.decide(a)).collect()
}

#[test]
fn a_move_judges_the_moved_application_again_and_every_decision_stays_the_engines() {
    // A place tap re-judges the moved application alone: a decision reads its own application
    // and the data, never another application. Every decision, on both sides of the comparison,
    // must still be what the engine gives afresh.
    let s = start().apply(Action::SetParam("service_radius_m", "300".into()));
    let n = s.scenario.applications.len();
    assert!(n >= 2, "the sample has several applications");
    let p = s
        .scenario
        .institutions
        .iter()
        .find(|i| i.designated && i.kind == Kind::Pharmacy)
        .map(|i| (i.lon, i.lat))
        .unwrap();
    let mut s = s;
    for (k, metres) in [(0, 100.0), (0, 500.0), (n - 1, 100.0), (n - 1, 2_000.0)] {
        s = s.apply(Action::SelectApp(k));
        let (lon, lat) = east(p.0, p.1, metres);
        s = s.apply(Action::PlaceApp(lon, lat));
        assert!((s.scenario.applications[k].lon - lon).abs() < 1e-6, "application {k} moved");
        assert_eq!(
            s.evaluation.decisions,
            engine_decisions(&s, &s.overrides),
            "the draft, after moving {k} {metres} m east"
        );
        let b = s.review.baseline.as_ref().unwrap();
        assert_eq!(
            b.snapshot.decisions,
            engine_decisions(&s, &b.overrides),
            "the baseline, after moving {k} {metres} m east"
        );
    }
    // With the draft's parameters the baseline's: the same decisions on both sides.
    let s = s.apply(Action::SetBaseline).apply(Action::PlaceApp(p.0, p.1));
    let b = s.review.baseline.as_ref().unwrap();
    assert_eq!(b.snapshot.decisions, engine_decisions(&s, &s.overrides));
    assert_eq!(s.evaluation.decisions, b.snapshot.decisions);
}

#[test]
fn a_custom_baseline_stays_when_the_data_set_changes() {
    let s = start()
        .apply(Action::SetParam("service_radius_m", "500".into()))
        .apply(Action::SetBaseline)
        .apply(Action::ResetParam("service_radius_m"));
    assert!(!listed(&s).is_empty() || s.review.comparison.changed_figures().count() > 0);

    let s = s.apply(Action::SetDataset(Dataset::Xian));
    let b = s.review.baseline.as_ref().unwrap();
    assert!(b.is_custom());
    assert_eq!(b.policy.params.service_radius_m, 500.0);
    assert!(Rc::ptr_eq(&b.scenario, &s.scenario), "judged on the data shown");
    assert_eq!(listed(&s), expected_listing(&s));
    let radius_changes = s.review.comparison.changed_figures().filter(|f| f.key.starts_with("coverage.")).count();
    assert!(radius_changes > 0, "a wider radius covers more of Xi'an");
}

#[test]
fn a_baseline_with_the_drafts_parameters_follows_a_data_set_change_as_the_engine_judges_it() {
    // The same radius in the baseline and the draft: on the new data the two agree everywhere,
    // and the baseline's outcomes are the engine's under the baseline's parameters.
    let s = start().apply(Action::SetParam("service_radius_m", "500".into())).apply(Action::SetBaseline);
    let s = s.apply(Action::SetDataset(Dataset::Xian));
    let b = s.review.baseline.as_ref().unwrap();
    assert_eq!(b.policy.params.service_radius_m, 500.0);
    assert!(Rc::ptr_eq(&b.scenario, &s.scenario), "judged on the data shown");
    assert_eq!(listed(&s), expected_listing(&s));
    assert_eq!(listed(&s), vec![]);
    assert_eq!(s.review.comparison.changed_figures().count(), 0);
    let fresh = engine_outcomes(&s, &b.overrides);
    let kept: Vec<(String, Outcome)> = b.snapshot.decisions.iter().map(|d| (d.id.clone(), d.outcome)).collect();
    assert_eq!(kept, fresh);
    // A draft step away from it is listed against it.
    let s = s.apply(Action::SetParam("service_radius_m", "1500".into()));
    assert_eq!(listed(&s), expected_listing(&s));
    assert!(s.review.comparison.changed_figures().any(|f| f.key.starts_with("coverage.")));
}

// ---------------------------------------------------------------------------------------------
// The assessment panel

/// What the panel does once the records are there: assesses them on the data shown and hands
/// the result back.
fn run_assessment(s: Rc<State>) -> Rc<State> {
    let recs = records_of(&s).expect("records to assess");
    let assessment = assess_with_data(&s.scenario, &s.policy, s.data.index.clone(), &recs.list, as_of(&s));
    let r = AssessResult {
        assessment,
        dataset: s.dataset,
        policy: s.policy.clone(),
        records: recs,
        scenario: s.scenario.clone(),
        ms: 0.0,
    };
    s.apply(Action::Exits(ExitsAction::Result(Rc::new(r))))
}

fn assessed_outcome(s: &State, id: &str) -> (AssessOutcome, Vec<String>) {
    let r = s.exits.result.as_ref().expect("an assessment");
    let i = r.assessment.institutions.iter().find(|i| i.id == id).unwrap();
    (i.outcome, i.exit_reasons.clone())
}

#[test]
fn the_assessment_panel_starts_from_synthetic_records_of_the_designated_institutions() {
    let s = start();
    assert!(records_of(&s).is_none());
    let s = s.apply(Action::Exits(ExitsAction::EnsureRecords));
    let recs = records_of(&s).expect("records for the sample");
    assert_eq!(recs.source, Source::Synthetic { seed: DEFAULT_SEED });
    assert!(!recs.edited);
    let designated: Vec<&str> =
        s.scenario.institutions.iter().filter(|i| i.designated).map(|i| i.id.as_str()).collect();
    let ids: Vec<&str> = recs.list.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, designated);

    // Asked again: the same records, not new ones.
    let s = s.apply(Action::Exits(ExitsAction::EnsureRecords));
    assert!(Rc::ptr_eq(&records_of(&s).unwrap(), &recs));

    // Another seed: other records.
    let s = s.apply(Action::Exits(ExitsAction::Resynth(DEFAULT_SEED + 1)));
    let other = records_of(&s).unwrap();
    assert_eq!(other.source, Source::Synthetic { seed: DEFAULT_SEED + 1 });
    assert_ne!(other.list, recs.list);

    // The assessment the panel shows covers every record.
    let s = run_assessment(s);
    let r = s.exits.result.as_ref().unwrap();
    assert_eq!(r.assessment.institutions.len(), other.list.len());
    assert_eq!(r.assessment.summary.assessed, other.list.len());
}

#[test]
fn a_record_edited_to_blacklisted_makes_that_institution_exit() {
    let s = start().apply(Action::Exits(ExitsAction::EnsureRecords));
    assert!(s.policy.is_on("exit.blacklist"));
    let s = run_assessment(s);
    let exits_before = s.exits.result.as_ref().unwrap().assessment.summary.exits;
    let staying = s
        .exits
        .result
        .as_ref()
        .unwrap()
        .assessment
        .institutions
        .iter()
        .find(|i| i.outcome != AssessOutcome::Exits)
        .expect("some institution stays")
        .id
        .clone();

    let s = s
        .apply(Action::Exits(ExitsAction::Edit(Some(staying.clone()))))
        .apply(Action::Exits(ExitsAction::SetField(RecordField::Blacklisted, "true".into())));
    let recs = records_of(&s).unwrap();
    assert!(recs.edited);
    assert_eq!(recs.list.iter().find(|r| r.id == staying).unwrap().blacklisted, Some(true));

    let s = run_assessment(s);
    let (outcome, reasons) = assessed_outcome(&s, &staying);
    assert_eq!(outcome, AssessOutcome::Exits);
    assert!(reasons.iter().any(|r| r == "exit.blacklist"), "{reasons:?}");
    assert_eq!(s.exits.result.as_ref().unwrap().assessment.summary.exits, exits_before + 1);
}

#[test]
fn a_refused_record_field_names_the_field_and_leaves_the_record() {
    let s = start().apply(Action::Exits(ExitsAction::EnsureRecords));
    let recs = records_of(&s).unwrap();
    let id = recs.list[0].id.clone();
    let s = s
        .apply(Action::Exits(ExitsAction::Edit(Some(id))))
        .apply(Action::Exits(ExitsAction::SetField(RecordField::SatisfactionPct, "120".into())));
    let m = record_error(&s, RecordField::SatisfactionPct).expect("a message under the field");
    assert!(m.contains("Satisfaction"), "names the field: {m}");
    assert!(Rc::ptr_eq(&records_of(&s).unwrap(), &recs));

    let s = s.apply(Action::Exits(ExitsAction::SetField(RecordField::SatisfactionPct, "88".into())));
    assert_eq!(record_error(&s, RecordField::SatisfactionPct), None);
    assert_eq!(records_of(&s).unwrap().list[0].satisfaction_pct, Some(88.0));

    // Closing the editor takes its messages with it.
    let s = s
        .apply(Action::Exits(ExitsAction::SetField(RecordField::Score, "high".into())))
        .apply(Action::Exits(ExitsAction::Edit(None)));
    assert_eq!(record_error(&s, RecordField::Score), None);
}

#[test]
fn a_records_file_replaces_the_synthetic_records_and_a_bad_one_is_refused() {
    let s = start().apply(Action::Exits(ExitsAction::EnsureRecords));
    let mut list = records_of(&s).unwrap().list.clone();
    list.truncate(3);
    list[0].score = Some(99.0);
    let text = serde_json::to_string(&list).unwrap();
    let s = s.apply(Action::Exits(ExitsAction::Load { name: "records.json".into(), text }));
    assert_eq!(records_file_error(&s), None);
    let recs = records_of(&s).unwrap();
    assert_eq!(recs.source, Source::File { name: "records.json".into() });
    assert_eq!(recs.list, list);

    // A record of an institution the data does not have: refused, the file's records stay.
    let mut bad = list.clone();
    bad[0].id = "no-such-institution".into();
    let s = s.apply(Action::Exits(ExitsAction::Load {
        name: "bad.json".into(),
        text: serde_json::to_string(&bad).unwrap(),
    }));
    let m = records_file_error(&s).expect("the file is refused");
    assert!(m.contains("no-such-institution"), "names the record: {m}");
    assert!(Rc::ptr_eq(&records_of(&s).unwrap(), &recs));

    let s = s.apply(Action::Exits(ExitsAction::Load { name: "broken.json".into(), text: "[{".into() }));
    assert!(records_file_error(&s).is_some());
    assert!(Rc::ptr_eq(&records_of(&s).unwrap(), &recs));
}

#[test]
fn synthetic_records_follow_the_designated_institutions_of_the_data_shown() {
    let s = start().apply(Action::Exits(ExitsAction::EnsureRecords));
    let n = records_of(&s).unwrap().list.len();
    // The same sample with one designated pharmacy less, opened as a file.
    let mut sc = (*s.scenario).clone();
    let gone = sc.institutions.iter().position(|i| i.designated && i.kind == Kind::Pharmacy).unwrap();
    let gone_id = sc.institutions.remove(gone).id;
    let preset = s.preset().id.clone();
    let s = s.apply(Action::LoadScenario(Box::new(dingdian::app::state::Loaded {
        dataset: Dataset::Sample,
        scenario: sc,
        preset,
        overrides: Default::default(),
        selected: 0,
        lang: None,
        baseline: None,
    })));
    assert!(records_of(&s).is_none(), "records of other institutions are not shown");
    let s = s.apply(Action::Exits(ExitsAction::EnsureRecords));
    let recs = records_of(&s).unwrap();
    assert_eq!(recs.list.len(), n - 1);
    assert!(!recs.list.iter().any(|r| r.id == gone_id));
}

// ---------------------------------------------------------------------------------------------
// The county community budget panel

fn budget_label(field: &str) -> &'static str {
    BUDGET_FIELDS.iter().find(|(f, _, _)| *f == field).unwrap().1.en.as_ref()
}

#[test]
fn the_budget_panel_settles_the_sample_community_and_a_lower_revenue_growth_lowers_the_cap() {
    let s = start();
    let before = settle(&s.budget.input, &s.policy);
    let cap = before.budget.cap.expect("the sample states its per-head standards");
    let growth = s.budget.input.budget.fund_revenue_growth_pct;

    let s = s.apply(Action::Budget(BudgetAction::Set("fund_revenue_growth_pct", format!("{}", growth - 3.0))));
    assert_eq!(budget_error(&s, "fund_revenue_growth_pct"), None);
    assert_eq!(s.budget.input.budget.fund_revenue_growth_pct, growth - 3.0);
    let after = settle(&s.budget.input, &s.policy);
    // budget.growth_cap: the per-head standards may grow no faster than the fund's revenue.
    assert!(after.budget.cap.unwrap() < cap);

    let rev = s.budget.rev;
    let s = s.apply(Action::Budget(BudgetAction::Reset));
    assert_eq!(s.budget.input.budget.fund_revenue_growth_pct, growth);
    assert_eq!(settle(&s.budget.input, &s.policy).budget.cap, Some(cap));
    assert!(s.budget.rev > rev, "the inputs are made afresh");
}

#[test]
fn a_refused_budget_value_names_the_field_and_the_last_valid_input_is_settled() {
    let s = start();
    let input = s.budget.input.clone();
    let s = s.apply(Action::Budget(BudgetAction::Set("last_year_budget", "0".into())));
    let m = budget_error(&s, "last_year_budget").expect("a message under the field");
    assert!(m.starts_with(budget_label("last_year_budget")), "names the field: {m}");
    assert_eq!(s.budget.raw.get("last_year_budget").map(String::as_str), Some("0"));
    assert!(Rc::ptr_eq(&s.budget.input, &input), "the last valid input is settled");

    let s = s.apply(Action::Budget(BudgetAction::Set("last_year_budget", "120,000,000".into())));
    assert_eq!(budget_error(&s, "last_year_budget"), None);
    assert!(s.budget.raw.is_empty());
    assert_eq!(s.budget.input.budget.last_year_budget, 120_000_000.0);
}

#[test]
fn a_budget_value_refused_for_want_of_another_is_taken_once_the_other_is_given() {
    let s = start();
    let st = s.budget.input.settlement.as_ref().unwrap();
    assert!(st.objective_overspend.unwrap_or(0.0) > 0.0 && st.objective_causes.len() == 1);
    let cause = "cause.public_health_event";
    // Unticking the only cause leaves an objective overspend without one: refused.
    let s = s.apply(Action::Budget(BudgetAction::Set(cause, "false".into())));
    assert!(budget_error(&s, cause).is_some());
    assert_eq!(s.budget.input.settlement.as_ref().unwrap().objective_causes.len(), 1);
    // No objective overspend any more: the unticked cause is taken too.
    let s = s.apply(Action::Budget(BudgetAction::Set("objective_overspend", "0".into())));
    assert_eq!(budget_error(&s, cause), None);
    assert!(s.budget.errors.is_empty());
    let st = s.budget.input.settlement.as_ref().unwrap();
    assert_eq!(st.objective_overspend, Some(0.0));
    assert!(st.objective_causes.is_empty());
}

// ---------------------------------------------------------------------------------------------
// The guided check

/// One press of "next" as the skin sends it: the screens and sizes the current answers call for.
fn next(s: &State, g: Rc<Guide>) -> Rc<Guide> {
    let steps = guide::steps(&g.answers, &s.policy);
    let size = guide::size_fields(&g.answers, &s.policy);
    g.apply(GuideAction::Next(steps, size))
}

fn back(s: &State, g: Rc<Guide>) -> Rc<Guide> {
    let steps = guide::steps(&g.answers, &s.policy);
    g.apply(GuideAction::Back(steps))
}

/// A point offered on the map, checked against the data set's city as the skin checks it.
fn offer(s: &State, g: Rc<Guide>, lon: f64, lat: f64) -> Rc<Guide> {
    let inside = guide::inside_city(&s.data.outlines, &s.data.points, s.data.spacing_m, lon, lat);
    g.apply(GuideAction::Place { lon, lat, inside })
}

/// The answer the skin shows at the last screen, with the application it judged.
fn guided_answer(s: &State, g: &Guide) -> (Application, guide::GuideAnswer) {
    let (lon, lat) = g.answers.place.expect("a place");
    let prep = Prepared::with_data(&s.scenario, &s.policy, s.data.index.clone(), s.today);
    let county = s.data.county_at(&s.scenario, lon, lat);
    let app = guide::application(&g.answers, lon, lat, county, &prep.as_of.to_string());
    let gap = s.data.spacing_m.max(300.0);
    let ans = guide::answer(&prep, &app, gap);
    (app, ans)
}

/// Answers every question for a pharmacy of one pharmacist, six months open, at (lon, lat).
fn guide_pharmacy(s: &State, lon: f64, lat: f64) -> Rc<Guide> {
    let mut g = Rc::new(Guide::new(true));
    g = g.apply(GuideAction::Kind(Kind::Pharmacy));
    while g.step != Step::Place {
        if g.step == Step::Size {
            g = g
                .apply(GuideAction::Raw(Field::OperatingMonths, "6".into()))
                .apply(GuideAction::Raw(Field::Pharmacists, "1".into()));
        }
        let at = g.step;
        g = next(s, g);
        assert_ne!(g.step, at, "stuck at {at:?}: {:?}", g.errors);
    }
    g = offer(s, g, lon, lat);
    next(s, g)
}

#[test]
fn answering_the_questions_for_a_pharmacy_leads_to_the_engines_decision_for_it() {
    let s = start();
    let mut g = Rc::new(Guide::new(true));
    assert_eq!(g.step, Step::Kind);

    // Nothing chosen: the screen stays and says what is missing.
    g = next(&s, g);
    assert_eq!(g.step, Step::Kind);
    assert!(guide_error(&g, Field::Kind).is_some());

    g = g.apply(GuideAction::Kind(Kind::Pharmacy));
    assert_eq!(guide_error(&g, Field::Kind), None);
    let steps = guide::steps(&g.answers, &s.policy);
    let mut seen = vec![g.step];
    while g.step != Step::Size {
        g = next(&s, g);
        seen.push(g.step);
    }
    // The figures the rules read are asked for, each named when missing.
    let size = guide::size_fields(&g.answers, &s.policy);
    assert!(size.operating_months && size.pharmacists && !size.beds);
    g = next(&s, g);
    assert_eq!(g.step, Step::Size);
    assert!(guide_error(&g, Field::OperatingMonths).is_some());
    assert!(guide_error(&g, Field::Pharmacists).is_some());
    g = g
        .apply(GuideAction::Raw(Field::OperatingMonths, "6".into()))
        .apply(GuideAction::Raw(Field::Pharmacists, "one".into()));
    assert_eq!(g.answers.operating_months, Some(6.0));
    assert_eq!(g.answers.pharmacists, None, "kept as typed until it parses");
    assert_eq!(g.raw(Field::Pharmacists), "one");
    g = next(&s, g);
    assert_eq!(g.step, Step::Size);
    g = g.apply(GuideAction::Raw(Field::Pharmacists, "1".into()));
    while g.step != Step::Place {
        g = next(&s, g);
        seen.push(g.step);
    }
    assert_eq!(seen, steps[..seen.len()].to_vec(), "the screens in order");

    // A spot outside the city is refused; one inside is taken.
    g = offer(&s, g, 116.3975, 39.9087);
    assert_eq!(g.answers.place, None);
    assert!(guide_error(&g, GuideField::Place).is_some());
    g = next(&s, g);
    assert_eq!(g.step, Step::Place);
    let p = s
        .scenario
        .institutions
        .iter()
        .find(|i| i.designated && i.kind == Kind::Pharmacy && i.categories().contains(Category::Ordinary))
        .unwrap();
    let (lon, lat) = east(p.lon, p.lat, 150.0);
    g = offer(&s, g, lon, lat);
    assert_eq!(guide_error(&g, GuideField::Place), None);
    g = next(&s, g);
    assert_eq!(g.step, Step::Answer);

    // The answer is the engine's decision for the application the answers make, and the same
    // application opened in the expert view gets the same decision.
    let (app, ans) = guided_answer(&s, &g);
    assert_eq!(app.kind, Kind::Pharmacy);
    assert_eq!((app.operating_months, app.pharmacists), (Some(6.0), Some(1)));
    let s = s.apply(Action::AddApplication(app));
    let id = selected_id(&s);
    let expert = decision(&s, &id);
    assert_eq!(expert.outcome, ans.decision.outcome);
    assert_eq!(expert.rules, ans.decision.rules);
    assert_eq!(
        ans.decision.rules.iter().find(|e| e.rule == "pharmacy.same_type_nearby").map(|e| e.verdict),
        Some(Verdict::Fail),
        "150 m from a designated pharmacy of its category"
    );

    // Refused: the places offered instead are accepted there in the expert view too.
    let offered = ans.nearest.expect("places are offered when refused");
    let place = offered.places.first().expect("the sample has open places");
    let s = s.apply(Action::PlaceApp(place.lon, place.lat));
    assert_eq!(decision(&s, &id).outcome, place.outcome);
    assert!(matches!(place.outcome, Outcome::Accepted | Outcome::Prioritized));
}

#[test]
fn another_kind_keeps_only_the_place_and_the_months_and_asks_its_own_questions() {
    let s = start();
    let a = s.application().unwrap();
    let (lon, lat) = (a.lon, a.lat);
    let g = guide_pharmacy(&s, lon, lat);
    assert_eq!(g.step, Step::Answer);

    let g = g.apply(GuideAction::Kind(Kind::InpatientGeneral));
    assert_eq!(g.answers.place, Some((lon, lat)));
    assert_eq!(g.answers.operating_months, Some(6.0));
    assert_eq!(g.answers.pharmacists, None);
    assert!(g.answers.categories.is_empty());
    assert_eq!(g.raw(Field::Pharmacists), "");
    // The answer screen is still in the hospital's screens; from Size a hospital is asked beds.
    let mut g = g;
    while g.step != Step::Size {
        g = back(&s, g);
    }
    let size = guide::size_fields(&g.answers, &s.policy);
    assert!(size.beds && size.physicians && !size.pharmacists);
    g = g
        .apply(GuideAction::Raw(Field::Beds, "120".into()))
        .apply(GuideAction::Raw(Field::Physicians, "8".into()))
        .apply(GuideAction::Raw(Field::InsuranceOfficeStaff, "3".into()));
    // At 100 beds or more the insurance department is asked (令2号).
    g = next(&s, g);
    assert_eq!(g.step, Step::Size);
    assert!(guide_error(&g, Field::InsuranceDept).is_some());
    g = g.apply(GuideAction::InsuranceDept(true));
    g = next(&s, g);
    assert_ne!(g.step, Step::Size);

    // Restart: a fresh check, still open.
    let moves = g.moves;
    let g = g.apply(GuideAction::Restart);
    assert!(g.open);
    assert_eq!(g.step, Step::Kind);
    assert_eq!(g.answers, guide::Answers::default());
    assert!(g.moves > moves);
}

#[test]
fn a_pharmacy_without_a_category_is_asked_for_one_and_a_choice_clears_the_message() {
    let s = start();
    let mut g = next(&s, Rc::new(Guide::new(true)).apply(GuideAction::Kind(Kind::Pharmacy)));
    assert_eq!(g.step, Step::Detail);
    assert!(g.answers.categories.contains(Category::Ordinary), "ordinary is ticked to start with");
    g = g.apply(GuideAction::Category(Category::Ordinary, false));
    g = next(&s, g);
    assert_eq!(g.step, Step::Detail);
    assert!(guide_error(&g, Field::Category).is_some());
    g = g.apply(GuideAction::Category(Category::Chronic, true));
    assert_eq!(guide_error(&g, Field::Category), None);
    g = next(&s, g);
    assert_eq!(g.step, Step::Change);
}

#[test]
fn the_institution_that_moves_is_kept_as_typed_and_named_in_the_application() {
    let s = start();
    let mut g = Rc::new(Guide::new(true))
        .apply(GuideAction::Kind(Kind::Pharmacy))
        .apply(GuideAction::Change(Change::AddressChange));
    let movers = guide::movers(&g.answers, &s.scenario.institutions);
    let (id, name) = movers.first().expect("the sample has designated pharmacies").clone();
    let typed = guide::mover_label(&id, &name);
    g = g.apply(GuideAction::MovingFrom(guide::mover_typed(&movers, &typed), typed.clone()));
    assert_eq!(g.raw(Field::InstitutionId), typed);
    assert_eq!(g.answers.moving_from.as_deref(), Some(id.as_str()));
    let (lon, lat) = (s.scenario.institutions[0].lon, s.scenario.institutions[0].lat);
    assert_eq!(guide::application(&g.answers, lon, lat, None, "").institution_id.as_deref(), Some(id.as_str()));
    // Only the figures are typed through `Raw`: another field changes nothing.
    assert_eq!(*g.clone().apply(GuideAction::Raw(Field::InstitutionId, "x".into())), *g);

    // Another kind moves another institution: what was typed goes, the months stay.
    g = g.apply(GuideAction::Raw(Field::OperatingMonths, "6".into())).apply(GuideAction::Kind(Kind::Outpatient));
    assert_eq!(g.raw(Field::InstitutionId), "");
    assert_eq!(g.answers.moving_from, None);
    assert_eq!(g.raw(Field::OperatingMonths), "6");
}
