//! The app's state and reducer, driven as the skin drives it: `State::new()`, then one `Action`
//! after another through `State::apply`, reading what the panels read (decisions and their
//! traces, figures, the review, errors, the stash, notices). Every expected outcome is read from
//! the engine or from the data, never written down.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde_json::json;

use dingdian::app::state::{Action, Dataset, ErrorKey, Loaded, Stashed, State};
use dingdian::engine::prepared::Prepared;
use dingdian::engine::{Decision, Outcome, Verdict};
use dingdian::persist::Notice;
use dingdian::policy::Policy;
use dingdian::scenario::import::{import, Boundaries, Crs, Field, Format, ImportOptions, Merge, Target};
use dingdian::scenario::{Application, Categories, Category, Kind};
use dingdian::spatial::haversine_m;
use dingdian::text::{Lang, Text};

// ---------------------------------------------------------------------------------------------
// Edits and error lookups: the only places that know how a field is named in an `Action` and
// how `State::errors` is keyed (both are being typed; adapt them here).

/// The raw text of one field of the selected application, as the form sends it.
fn set_app_field(s: Rc<State>, field: Field, raw: &str) -> Rc<State> {
    s.apply(Action::SetApp(field, raw.to_string()))
}

/// The message under a field of the selected application, in English.
fn error_for_app(s: &State, field: Field) -> Option<String> {
    s.error(&ErrorKey::App(field)).map(|t| t.en.to_string())
}

/// The message shown under a parameter's input, in English.
fn error_for_param(s: &State, id: &str) -> Option<String> {
    s.errors.iter().find(|(k, _)| matches!(k, ErrorKey::Param(p) if *p == id)).map(|(_, t)| t.en.to_string())
}

/// The parameters that show a message.
fn params_with_errors(s: &State) -> Vec<String> {
    s.errors
        .keys()
        .filter_map(|k| match k {
            ErrorKey::Param(p) => Some(p.to_string()),
            _ => None,
        })
        .collect()
}

/// The message under the judging date.
fn error_for_as_of(s: &State) -> Option<String> {
    s.error(&ErrorKey::AsOf).map(|t| t.en.to_string())
}

/// The import panel's message.
fn error_for_import(s: &State) -> Option<String> {
    s.error(&ErrorKey::Import).map(|t| t.en.to_string())
}

// ---------------------------------------------------------------------------------------------
// Reading the state

/// The app as it opens: the hand-made sample (judged on its own date, 2026-03-01), the preset
/// it names.
fn start() -> Rc<State> {
    Rc::new(State::new())
}

fn decision<'a>(s: &'a State, id: &str) -> &'a Decision {
    s.evaluation.decisions.iter().find(|d| d.id == id).unwrap_or_else(|| panic!("no decision for {id}"))
}

fn verdict(d: &Decision, rule: &str) -> Option<Verdict> {
    d.rules.iter().find(|e| e.rule == rule).map(|e| e.verdict)
}

fn outcomes(s: &State) -> Vec<(String, Outcome)> {
    s.evaluation.decisions.iter().map(|d| (d.id.clone(), d.outcome)).collect()
}

fn selected_id(s: &State) -> String {
    s.application().expect("an application is selected").id.clone()
}

/// What the engine decides for the state's applications, computed afresh from the preset, the
/// overrides and the scenario (no index or policy kept by the app).
fn engine_decisions(s: &State) -> Vec<Decision> {
    let policy = Policy::resolve(s.preset(), &s.overrides, "policy.overrides").unwrap();
    let prep = Prepared::new(&s.scenario, &policy, s.today);
    s.scenario.applications.iter().map(|a| prep.decide(a)).collect()
}

/// A general hospital of 80 beds, complete in what the national and staffing rules read, about
/// 5 km from the first institution of `county`.
fn hospital(s: &State, county: &str) -> Application {
    let near = s
        .scenario
        .institutions
        .iter()
        .find(|i| i.county.as_deref() == Some(county))
        .expect("the sample has institutions in every county");
    let mut a = Application::new("h", Kind::InpatientGeneral, near.lon + 0.05, near.lat + 0.03);
    a.county = Some(county.to_string());
    a.beds = Some(80);
    a.physicians = Some(10);
    a.operating_months = Some(12.0);
    a.insurance_office_staff = Some(2);
    a
}

/// The sample with one hospital application in each county: (state, [(application id, county)]).
fn with_hospitals() -> (Rc<State>, Vec<(String, String)>) {
    let mut s = start();
    let counties: Vec<String> = s.scenario.counties.iter().map(|c| c.id.clone()).collect();
    let mut apps = Vec::new();
    for c in counties {
        let a = hospital(&s, &c);
        s = s.apply(Action::AddApplication(a));
        apps.push((selected_id(&s), c));
    }
    (s, apps)
}

fn county_measured(s: &State, county: &str) -> f64 {
    s.evaluation
        .figures
        .counties
        .iter()
        .find(|(id, _)| id == county)
        .and_then(|(_, f)| f.measured_beds_per_1000)
        .expect("the sample's counties have every figure")
}

/// The selected application's `pharmacy.same_type_nearby` radius and the designated pharmacies
/// sharing one of its categories.
fn pharmacy_neighbours(s: &State) -> (f64, Vec<(f64, f64)>) {
    let rule = s
        .policy
        .rules
        .iter()
        .find(|r| r.def.id == "pharmacy.same_type_nearby")
        .expect("the sample's preset has the pharmacy spacing rule");
    let radius = rule.radius_m.unwrap_or(s.policy.params.service_radius_m);
    let cats = s.application().unwrap().categories();
    let near = s
        .scenario
        .institutions
        .iter()
        .filter(|i| i.designated && i.kind == Kind::Pharmacy && i.categories().intersects(cats))
        .map(|i| (i.lon, i.lat))
        .collect();
    (radius, near)
}

/// `metres` east of (lon, lat).
fn east(lon: f64, lat: f64, metres: f64) -> (f64, f64) {
    (lon + metres / (111_195.0 * lat.to_radians().cos()), lat)
}

// ---------------------------------------------------------------------------------------------
// Parameters and rules

#[test]
fn a_lower_bed_target_lifts_the_suspension_in_the_county_below_it_and_reset_restores_it() {
    let (s, apps) = with_hospitals();
    let before = outcomes(&s);
    let old = s.policy.params.target_beds_per_1000;
    assert_eq!(s.evaluation.figures.target_beds_per_1000, old);
    // A target under every county's measured value, so no county is below it any more.
    let lowest = apps.iter().map(|(_, c)| county_measured(&s, c)).fold(f64::MAX, f64::min);
    let new = ((lowest - 0.05) * 100.0).floor() / 100.0;
    let held_back: Vec<&String> = apps.iter().filter(|(_, c)| county_measured(&s, c) < old).map(|(id, _)| id).collect();
    assert!(!held_back.is_empty(), "the sample has a county below the preset's target");

    let s = s.apply(Action::SetParam("target_beds_per_1000", format!("{new}")));
    assert_eq!(error_for_param(&s, "target_beds_per_1000"), None);
    assert!(s.is_changed("target_beds_per_1000"));
    assert_eq!(s.evaluation.figures.target_beds_per_1000, new);
    for (id, _) in &apps {
        let was = before.iter().find(|(x, _)| x == id).unwrap().1;
        let d = decision(&s, id);
        if held_back.contains(&id) {
            // 三(一)1①: a county measured below the target suspends new inpatient designations.
            assert_ne!(d.outcome, was, "{id} turns with the lower target");
            assert_eq!(verdict(d, "inpatient.county_supply"), Some(Verdict::Pass));
        } else {
            assert_eq!(d.outcome, was, "{id} lies in a county above both targets");
        }
    }
    assert_eq!(s.evaluation.decisions, engine_decisions(&s));

    let s = s.apply(Action::ResetParam("target_beds_per_1000"));
    assert!(!s.is_changed("target_beds_per_1000"));
    assert_eq!(s.evaluation.figures.target_beds_per_1000, old);
    assert_eq!(outcomes(&s), before);
}

#[test]
fn an_invalid_parameter_value_is_refused_for_that_parameter_and_the_policy_in_force_stays() {
    let (s0, _) = with_hospitals();
    let id = "target_beds_per_1000";

    let s = s0.clone().apply(Action::SetParam(id, "七点五".into()));
    let m = error_for_param(&s, id).expect("a message under the target's input");
    assert!(m.contains("七点五"), "the message quotes what was typed: {m}");
    assert_eq!(params_with_errors(&s), vec![id.to_string()]);
    assert!(Rc::ptr_eq(&s.policy, &s0.policy), "the policy in force stays");
    assert!(!s.is_changed(id));
    assert_eq!(s.evaluation.decisions, s0.evaluation.decisions);

    // Out of the parameter's range: refused too.
    let s = s.apply(Action::SetParam(id, "80".into()));
    assert!(error_for_param(&s, id).is_some());
    assert_eq!(s.policy.params.target_beds_per_1000, s0.policy.params.target_beds_per_1000);

    // A valid value afterwards clears the message and is in force.
    let s = s.apply(Action::SetParam(id, "7.2".into()));
    assert_eq!(error_for_param(&s, id), None);
    assert!(params_with_errors(&s).is_empty());
    assert_eq!(s.policy.params.target_beds_per_1000, 7.2);
    assert_eq!(s.evaluation.figures.target_beds_per_1000, 7.2);
}

#[test]
fn a_pharmacy_threshold_that_crosses_the_other_is_refused_naming_the_other() {
    let s0 = start();
    let low = "pharmacy_insufficient_below_per_10k";
    let high = "pharmacy_saturated_above_per_10k";
    let saturated = s0.policy.values[high].as_f64().unwrap();

    let s = s0.clone().apply(Action::SetParam(low, format!("{}", saturated + 1.0)));
    let m = error_for_param(&s, low).expect("a message under the threshold");
    assert!(
        m.contains("saturated") && m.contains(&format!("{saturated}")),
        "names the other threshold and its value: {m}"
    );
    assert_eq!(params_with_errors(&s), vec![low.to_string()]);
    assert!(Rc::ptr_eq(&s.policy, &s0.policy));
    assert_eq!(s.layers.area_counts, s0.layers.area_counts);

    // Typing the same threshold right again clears its message.
    let s = s.apply(Action::SetParam(low, format!("{}", saturated - 1.0)));
    assert_eq!(error_for_param(&s, low), None);
    assert_eq!(s.policy.values[low].as_f64(), Some(saturated - 1.0));

    // Both moved: the message under the one typed says which parameter it conflicts with.
    let s = s.apply(Action::SetParam(high, format!("{}", saturated - 0.5)));
    let s = s.apply(Action::SetParam(low, format!("{}", saturated)));
    let m = error_for_param(&s, low).expect("a message under the threshold");
    let other = dingdian::policy::param_def(high).unwrap();
    assert!(m.contains(other.en), "names the other parameter: {m}");
}

#[test]
fn mending_a_threshold_conflict_from_the_other_side_shows_the_value_in_force() {
    let s0 = start();
    let low = "pharmacy_insufficient_below_per_10k";
    let high = "pharmacy_saturated_above_per_10k";
    let insufficient = s0.policy.values[low].as_f64().unwrap();
    let saturated = s0.policy.values[high].as_f64().unwrap();
    let s = s0.apply(Action::SetParam(high, format!("{}", insufficient / 2.0)));
    assert!(error_for_param(&s, high).is_some());
    let rev = s.rev;
    // Lowering the other threshold ends the conflict: the message goes, and since the refused
    // value was never applied the inputs are made afresh from the values in force.
    let s = s.apply(Action::SetParam(low, format!("{}", insufficient / 4.0)));
    assert_eq!(error_for_param(&s, high), None);
    assert_eq!(s.policy.values[high].as_f64(), Some(saturated));
    assert!(s.rev > rev, "the refused text would stay in the input with no message");
}

/// Another data set changes no parameter: the parameters' inputs stay as they are, text refused
/// in one of them with its message too, while the inputs that show the data (the application,
/// the judging date, the city's figures) are made again from the new data.
#[test]
fn a_data_set_switch_keeps_the_parameters_inputs_and_remakes_the_datas() {
    let id = "target_beds_per_1000";
    let s = start().apply(Action::SetParam(id, "abc".into()));
    assert!(error_for_param(&s, id).is_some());
    let (rev, data_rev) = (s.rev, s.data_inputs_rev());
    let s = s.apply(Action::SetDataset(Dataset::Xian));
    assert_eq!(s.rev, rev, "the parameters' inputs are kept");
    assert!(error_for_param(&s, id).is_some(), "with the message beside the text still in the input");
    assert_ne!(s.data_inputs_rev(), data_rev, "the data's inputs are made again");
}

/// Refused text stays in its input with its message; once the inputs are made again from the
/// state (another application, a reset), the input shows the value in force, and a message left
/// beside it would describe text that is no longer there.
#[test]
fn a_message_goes_with_the_refused_text_when_the_inputs_are_made_again() {
    let id = "target_beds_per_1000";
    let s0 = start();
    let s = s0.clone().apply(Action::SetParam(id, "abc".into()));
    assert!(error_for_param(&s, id).is_some());
    let rev = s.rev;
    let s = s.apply(Action::NewApp);
    assert!(s.rev > rev, "the inputs are made again");
    assert_eq!(error_for_param(&s, id), None, "no message beside the value in force");
    assert_eq!(s.policy.values[id], s0.policy.values[id]);

    // A threshold refused for a conflict, then the other threshold reset: the conflict has
    // gone with the reset, and so has its message.
    let low = "pharmacy_insufficient_below_per_10k";
    let high = "pharmacy_saturated_above_per_10k";
    let saturated = s0.policy.values[high].as_f64().unwrap();
    let s = s0
        .apply(Action::SetParam(low, format!("{}", saturated - 1.0)))
        .apply(Action::SetParam(high, format!("{}", saturated - 2.0)));
    assert!(error_for_param(&s, high).is_some(), "refused: below the other threshold");
    let s = s.apply(Action::ResetParam(low));
    assert_eq!(params_with_errors(&s), Vec::<String>::new());
    assert_eq!(s.policy.values[high].as_f64(), Some(saturated));
}

#[test]
fn turning_a_rule_off_removes_its_entry_from_every_decision_and_on_brings_it_back() {
    let (s0, _) = with_hospitals();
    let rule = "inpatient.same_type_nearby";
    assert!(s0.evaluation.decisions.iter().all(|d| verdict(d, rule).is_some()));

    let s = s0.clone().apply(Action::ToggleRule(rule, false));
    assert!(!s.policy.is_on(rule));
    assert!(s.is_changed(rule));
    for d in &s.evaluation.decisions {
        assert_eq!(verdict(d, rule), None, "{} still names {rule}", d.id);
        assert_eq!(d.rules.len() + 1, decision(&s0, &d.id).rules.len());
    }
    assert_eq!(s.evaluation.decisions, engine_decisions(&s));

    let s = s.apply(Action::ToggleRule(rule, true));
    assert!(s.policy.is_on(rule));
    assert!(!s.is_changed(rule), "back to the preset: no override left");
    assert_eq!(s.evaluation.decisions, s0.evaluation.decisions);
}

#[test]
fn switching_preset_judges_by_the_other_text_and_drops_the_overrides() {
    let s0 = start();
    assert_eq!(s0.preset().id, "linyi-2025");
    let s = s0
        .apply(Action::SetParam("service_radius_m", "1200".into()))
        .apply(Action::SetParam("target_beds_per_1000", "x".into()));
    assert!(s.is_changed("service_radius_m"));
    assert!(error_for_param(&s, "target_beds_per_1000").is_some());

    let rule_ids = |s: &State| -> Vec<String> { s.policy.rules.iter().map(|r| r.def.id.to_string()).collect() };
    let traced =
        |s: &State| -> Vec<String> { s.evaluation.decisions[0].rules.iter().map(|e| e.rule.to_string()).collect() };
    let linyi_rules = rule_ids(&s);

    let s = s.apply(Action::SetPreset("xian-2025".into()));
    assert_eq!(s.preset().id, "xian-2025");
    assert!(s.overrides.is_empty(), "the other preset starts from its own defaults");
    assert!(params_with_errors(&s).is_empty());
    let xian = dingdian::policy::builtin_preset("xian-2025").unwrap();
    let xian_rules: Vec<String> = xian.rules.iter().map(|r| r.rule.clone()).collect();
    assert_eq!(rule_ids(&s), xian_rules);
    assert_ne!(xian_rules, linyi_rules);
    assert_eq!(traced(&s), xian_rules, "every decision is traced by Xi'an's rules");
    for (e, spec) in s.evaluation.decisions[0].rules.iter().zip(&xian.rules) {
        assert_eq!(&*e.clause, spec.clause.as_str(), "{} cites Xi'an's clause", e.rule);
    }
    assert_eq!(s.policy.params.service_radius_m, xian.parameters["service_radius_m"].default.as_f64().unwrap());
    assert_eq!(s.evaluation.decisions, engine_decisions(&s));

    let s = s.apply(Action::SetPreset("linyi-2025".into()));
    assert_eq!(traced(&s), linyi_rules);
    assert!(s.overrides.is_empty(), "the Linyi override does not come back");
    // An unknown preset changes nothing.
    let s2 = s.clone().apply(Action::SetPreset("nowhere-2030".into()));
    assert_eq!(s2.preset().id, "linyi-2025");
    assert!(Rc::ptr_eq(&s2.policy, &s.policy));
}

// ---------------------------------------------------------------------------------------------
// Data sets, scenario files, reset

#[test]
fn another_data_set_and_back_keeps_the_users_edits() {
    let s = start()
        .apply(Action::SetAsOf("2025-06-30".into()))
        .apply(Action::SetParam("service_radius_m", "600".into()))
        .apply(Action::NewApp);
    let (lon, lat) = east(s.application().unwrap().lon, s.application().unwrap().lat, 900.0);
    let s = s.apply(Action::PlaceApp(lon, lat));
    let edited = s.scenario.clone();
    let (selected, next_app) = (s.selected, s.next_app);
    let sample_outcomes = outcomes(&s);

    let s = s.apply(Action::SetDataset(Dataset::Xian));
    assert_eq!(s.dataset, Dataset::Xian);
    assert!(s.stash.contains_key(&Dataset::Sample));
    assert_ne!(s.scenario.city.name, edited.city.name);
    // The parameters and the judging date go along; the data are Xi'an's.
    assert!(s.is_changed("service_radius_m"));
    assert_eq!(s.scenario.as_of.as_deref(), Some("2025-06-30"));
    assert_eq!(s.evaluation.as_of, "2025-06-30");
    assert_eq!(s.selected, 0);
    assert_eq!(s.evaluation.decisions.len(), s.scenario.applications.len());

    let s = s.apply(Action::SetDataset(Dataset::Sample));
    assert_eq!(s.dataset, Dataset::Sample);
    assert!(Rc::ptr_eq(&s.scenario, &edited), "the sample comes back as it was left");
    assert_eq!((s.selected, s.next_app), (selected, next_app));
    assert_eq!(outcomes(&s), sample_outcomes);
    assert!(s.stash.contains_key(&Dataset::Xian));
    assert!(!s.stash.contains_key(&Dataset::Sample));
}

#[test]
fn a_city_made_ahead_opens_as_a_switch_does_and_one_left_with_edits_comes_back_as_left() {
    let s =
        start().apply(Action::SetAsOf("2025-06-30".into())).apply(Action::SetParam("service_radius_m", "600".into()));
    let switched = s.clone().apply(Action::SetDataset(Dataset::Xian));
    // The skin makes the city and its indexes between frames, then hands them over.
    let made = || Box::new(Stashed::made(Dataset::Xian.scenario(Lang::Zh)));
    let ahead = s.apply(Action::SetDatasetMade(Dataset::Xian, made()));
    assert_eq!(ahead.dataset, Dataset::Xian);
    assert_eq!(ahead.scenario.as_of.as_deref(), Some("2025-06-30"), "the judging date set by the user goes along");
    assert!(ahead.is_changed("service_radius_m"));
    assert_eq!(*ahead.scenario, *switched.scenario);
    assert_eq!(outcomes(&ahead), outcomes(&switched));
    assert_eq!(ahead.layers.surface.outcomes, switched.layers.surface.outcomes);

    // Xi'an edited, left, then made afresh while the edits wait in the stash: the edits win.
    let (lon, lat) = (ahead.application().unwrap().lon, ahead.application().unwrap().lat);
    let (lon, lat) = east(lon, lat, 700.0);
    let edited = ahead.apply(Action::PlaceApp(lon, lat));
    let kept = edited.scenario.clone();
    let back = edited.apply(Action::SetDataset(Dataset::Sample)).apply(Action::SetDatasetMade(Dataset::Xian, made()));
    assert_eq!(back.dataset, Dataset::Xian);
    assert!(Rc::ptr_eq(&back.scenario, &kept), "Xi'an comes back as it was left");
}

#[test]
fn a_loaded_scenario_replaces_the_working_state() {
    let s = start()
        .apply(Action::SetParam("service_radius_m", "600".into()))
        .apply(Action::SetAsOf("not a date".into()))
        .apply(Action::SetDataset(Dataset::Xian));
    assert!(s.stash.contains_key(&Dataset::Sample));

    let mut sc = dingdian::sample::linyi_sample();
    sc.applications.truncate(1);
    let mut second = sc.applications[0].clone();
    second.id = "b-2".into();
    second.lon += 0.01;
    sc.applications.push(second);
    sc.as_of = Some("2025-12-31".into());
    let l = Loaded {
        dataset: Dataset::Imported,
        scenario: sc.clone(),
        preset: "xian-2025".into(),
        overrides: BTreeMap::from([("service_radius_m".to_string(), json!(1500))]),
        selected: 7,
        lang: Some(Lang::En),
        baseline: Some(BTreeMap::from([("service_radius_m".to_string(), json!(1200))])),
    };
    let s = s.apply(Action::LoadScenario(Box::new(l)));
    assert_eq!(s.dataset, Dataset::Imported);
    assert_eq!(s.preset().id, "xian-2025");
    assert_eq!(s.policy.params.service_radius_m, 1500.0);
    assert_eq!(s.lang, Lang::En);
    assert_eq!(s.scenario.applications, sc.applications);
    assert_eq!(s.evaluation.as_of, "2025-12-31");
    assert_eq!(s.selected, 1, "a selection past the end is the last application");
    assert!(s.stash.is_empty(), "the other data sets' edits belonged to the work replaced");
    assert!(s.errors.is_empty());
    let b = s.review.baseline.as_ref().expect("the loaded baseline");
    assert!(b.is_custom());
    assert_eq!(b.policy.params.service_radius_m, 1200.0);
    assert_eq!(s.evaluation.decisions, engine_decisions(&s));

    // Overrides the preset refuses are dropped, not half applied.
    let bad = Loaded {
        dataset: Dataset::Sample,
        scenario: dingdian::sample::linyi_sample(),
        preset: "linyi-2025".into(),
        overrides: BTreeMap::from([("service_radius_m".to_string(), json!(-5))]),
        selected: 0,
        lang: None,
        baseline: None,
    };
    let s = s.apply(Action::LoadScenario(Box::new(bad)));
    assert!(s.overrides.is_empty());
    assert_eq!(s.lang, Lang::En, "no language in the file: the language stays");
    assert!(s.review.baseline.as_ref().is_some_and(|b| !b.is_custom()));
}

#[test]
fn reset_to_preset_discards_every_edit() {
    let s0 = start();
    let s = s0
        .clone()
        .apply(Action::SetParam("service_radius_m", "600".into()))
        .apply(Action::ToggleRule("pharmacy.area_class", false))
        .apply(Action::NewApp)
        .apply(Action::SetBaseline)
        .apply(Action::SetDataset(Dataset::Xian))
        .apply(Action::SetDataset(Dataset::Sample));
    assert!(!s.overrides.is_empty() && !s.stash.is_empty());

    let s = s.apply(Action::ResetToPreset);
    assert_eq!(s.dataset, Dataset::Sample);
    assert_eq!(s.preset().id, s0.preset().id);
    assert!(s.overrides.is_empty());
    assert!(s.stash.is_empty());
    assert_eq!(s.scenario.applications, s0.scenario.applications);
    assert_eq!(s.scenario.institutions, s0.scenario.institutions);
    assert_eq!(s.selected, 0);
    assert!(s.review.baseline.as_ref().is_some_and(|b| !b.is_custom()));
    assert!(s.review.comparison.decisions.is_empty());
    assert_eq!(s.evaluation.decisions, s0.evaluation.decisions);
}

// ---------------------------------------------------------------------------------------------
// Applications

#[test]
fn a_pharmacy_placed_next_to_a_designated_one_is_refused_and_far_from_them_is_not() {
    let s = start();
    let id = selected_id(&s);
    let (radius, neighbours) = pharmacy_neighbours(&s);
    assert!(!neighbours.is_empty());

    // 100 m east of a designated pharmacy sharing a category: inside its radius.
    let (lon, lat) = east(neighbours[0].0, neighbours[0].1, 100.0);
    let s = s.apply(Action::PlaceApp(lon, lat));
    let a = s.application().unwrap();
    assert!((a.lon - lon).abs() < 1e-6 && (a.lat - lat).abs() < 1e-6);
    assert_eq!(a.county, s.data.county_at(&s.scenario, lon, lat));
    let near = decision(&s, &id);
    assert_eq!(verdict(near, "pharmacy.same_type_nearby"), Some(Verdict::Fail));
    assert_eq!(near.outcome, Outcome::Rejected);
    assert_eq!(s.evaluation.decisions, engine_decisions(&s));

    // A populated cell of another county, farther than the radius from every such pharmacy.
    let here = s.application().unwrap().county.clone();
    let far = s
        .scenario
        .population_cells
        .iter()
        .map(|c| (c.lon, c.lat))
        .find(|&(x, y)| {
            s.data.county_at(&s.scenario, x, y) != here
                && neighbours.iter().all(|&(nx, ny)| haversine_m(x, y, nx, ny) > radius * 1.5)
        })
        .expect("the sample has cells far from its pharmacies");
    let s = s.apply(Action::PlaceApp(far.0, far.1));
    let county = s.application().unwrap().county.clone();
    assert_ne!(county, here, "the application takes the county it now stands in");
    assert_eq!(county, s.data.county_at(&s.scenario, far.0, far.1));
    let d = decision(&s, &id);
    assert_eq!(verdict(d, "pharmacy.same_type_nearby"), Some(Verdict::Pass));
    assert_ne!(d.outcome, Outcome::Rejected);
    assert_eq!(s.evaluation.decisions, engine_decisions(&s));

    // A point that is not one is ignored.
    let s2 = s.clone().apply(Action::PlaceApp(f64::NAN, 35.0));
    assert!(Rc::ptr_eq(&s2.scenario, &s.scenario));
}

#[test]
fn a_new_application_is_added_selected_and_judged_and_removing_keeps_one() {
    let s0 = start();
    let n0 = s0.scenario.applications.len();
    let first = selected_id(&s0);
    let s = s0.clone().apply(Action::NewApp);
    assert_eq!(s.scenario.applications.len(), n0 + 1);
    assert_eq!(s.selected, n0);
    let new = s.application().unwrap().clone();
    assert!(!s0.scenario.applications.iter().any(|a| a.id == new.id), "{} is new", new.id);
    assert_ne!(new.id, first);
    assert_eq!(new.kind, Kind::Pharmacy);
    assert_eq!((new.lon, new.lat), (s0.application().unwrap().lon, s0.application().unwrap().lat));
    assert_eq!(s.evaluation.decisions.len(), n0 + 1);
    assert_eq!(s.evaluation.decisions, engine_decisions(&s));

    // A second new one gets yet another id.
    let s = s.apply(Action::NewApp);
    let ids: Vec<&str> = s.scenario.applications.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), n0 + 2);
    assert!(!ids[..n0 + 1].contains(&ids[n0 + 1]));

    // Removing takes the selected one out and selects one still there.
    let s = s.apply(Action::SelectApp(n0)).apply(Action::RemoveApp);
    assert_eq!(s.scenario.applications.len(), n0 + 1);
    assert!(!s.scenario.applications.iter().any(|a| a.id == new.id));
    assert!(s.selected < n0 + 1);
    assert!(!s.evaluation.decisions.iter().any(|d| d.id == new.id));

    // The last application is never removed.
    let s = (0..n0 + 3).fold(s, |s, _| s.apply(Action::RemoveApp));
    assert_eq!(s.scenario.applications.len(), 1);
    assert_eq!(s.evaluation.decisions.len(), 1);
}

#[test]
fn selecting_another_application_moves_the_acceptance_surface_to_it() {
    let (s, apps) = with_hospitals();
    let s = s.apply(Action::SelectApp(0));
    assert_eq!(s.selected, 0);
    let pharmacy_surface = s.layers.surface.outcomes.clone();
    assert_eq!(pharmacy_surface.len(), s.scenario.population_cells.len());

    let k = s.scenario.applications.iter().position(|a| a.id == apps[0].0).unwrap();
    let s = s.apply(Action::SelectApp(k));
    assert_eq!(selected_id(&s), apps[0].0);
    assert_ne!(s.layers.surface.outcomes, pharmacy_surface, "the hospital's surface is judged by the inpatient rules");
    // Out of range: nothing changes.
    let s2 = s.clone().apply(Action::SelectApp(99));
    assert_eq!(s2.selected, k);

    // A results row selects and asks the map to pan, even to the one already selected.
    let focus = s.focus;
    let s = s.apply(Action::FocusApp(0));
    assert_eq!((s.selected, s.focus), (0, focus + 1));
    let s = s.apply(Action::FocusApp(0));
    assert_eq!((s.selected, s.focus), (0, focus + 2));
    let s = s.apply(Action::FocusApp(99));
    assert_eq!(s.focus, focus + 2);
}

#[test]
fn an_added_application_gets_a_fresh_id_and_the_engines_decision() {
    let s0 = start();
    let taken = selected_id(&s0);
    let mut a = s0.application().unwrap().clone();
    a.category = Some(Categories::of(&[Category::Chronic]));
    a.name = Some("suggested site".into());
    let s = s0.clone().apply(Action::AddApplication(a));
    let added = s.application().unwrap();
    assert_ne!(added.id, taken, "the id the caller gave is replaced by a free one");
    assert_eq!(added.name.as_deref(), Some("suggested site"));
    assert_eq!(s.selected, s.scenario.applications.len() - 1);
    assert_eq!(s.evaluation.decisions, engine_decisions(&s));
    assert_eq!(decision(&s, &added.id.clone()).id, added.id);
}

#[test]
fn a_pharmacy_keeps_at_least_one_category() {
    let s0 = start();
    let cats: Vec<Category> = s0.application().unwrap().categories().iter().collect();
    assert_eq!(cats.len(), 1, "the sample's application names one category");
    let s = s0.clone().apply(Action::ToggleCategory(cats[0], false));
    assert!(error_for_app(&s, Field::Category).is_some());
    assert_eq!(s.application().unwrap().categories(), s0.application().unwrap().categories());
    assert!(Rc::ptr_eq(&s.evaluation, &s0.evaluation), "nothing is judged again");

    // Another category first: then the first may go, and the message with it.
    let s = s.apply(Action::ToggleCategory(Category::Chronic, true)).apply(Action::ToggleCategory(cats[0], false));
    assert_eq!(error_for_app(&s, Field::Category), None);
    let now: Vec<Category> = s.application().unwrap().categories().iter().collect();
    assert_eq!(now, vec![Category::Chronic]);
    assert_eq!(s.evaluation.decisions, engine_decisions(&s));
}

#[test]
fn a_message_under_an_application_field_goes_with_another_selection() {
    let s = start().apply(Action::NewApp);
    let s = set_app_field(s, Field::Lat, "north");
    assert!(error_for_app(&s, Field::Lat).is_some());
    let lat = s.application().unwrap().lat;
    assert!(lat.is_finite(), "the refused value is not applied");
    let s = s.apply(Action::SelectApp(0));
    assert_eq!(error_for_app(&s, Field::Lat), None);
}

#[test]
fn a_new_application_is_named_in_the_language_shown() {
    let s = start().apply(Action::SetLang(Lang::En)).apply(Action::NewApp);
    let en = s.application().unwrap().name.clone().unwrap();
    let s = s.apply(Action::SetLang(Lang::Zh)).apply(Action::NewApp);
    let zh = s.application().unwrap().name.clone().unwrap();
    assert_ne!(en, zh);
    assert!(en.is_ascii() && !zh.is_ascii());
}

#[test]
fn an_invalid_judging_date_keeps_the_date_and_says_so() {
    let s0 = start();
    let date = s0.evaluation.as_of.clone();
    let s = s0.clone().apply(Action::SetAsOf("2025-02-30".into()));
    assert!(error_for_as_of(&s).is_some());
    assert_eq!(s.evaluation.as_of, date);
    assert_eq!(s.scenario.as_of, s0.scenario.as_of);

    let s = s.apply(Action::SetAsOf("2025-06-30".into()));
    assert_eq!(error_for_as_of(&s), None);
    assert_eq!(s.evaluation.as_of, "2025-06-30");
    assert_eq!(s.scenario.as_of.as_deref(), Some("2025-06-30"));
}

// ---------------------------------------------------------------------------------------------
// Notices

#[test]
fn the_same_notice_twice_is_shown_once_and_dismissing_removes_it() {
    let a = Notice::warning(Text::new("自动保存失败", "autosave failed"));
    let b = Notice::info(Text::new("已打开文件", "file opened"));
    let s = start().apply(Action::Notify(a.clone())).apply(Action::Notify(a.clone())).apply(Action::Notify(b.clone()));
    assert_eq!(*s.notices, vec![a.clone(), b.clone()]);
    let s = s.apply(Action::DismissNotice(0));
    assert_eq!(*s.notices, vec![b.clone()]);
    let s = s.apply(Action::DismissNotice(5));
    assert_eq!(*s.notices, vec![b]);
}

// ---------------------------------------------------------------------------------------------
// Import

const APPLICATIONS_CSV: &str = "申请编号,申请机构名称,类型,类别,申请类型,经度,纬度,区县,执业药师数,运营月数
IM-1,拟开设药店（导入一）,零售药店,普通,新增,118.3402,35.0801,兰山区,1,6
IM-2,拟开设药店（导入二）,零售药店,普通,新增,118.3192,35.0645,兰山区,1,6
";

fn imported_applications(s: &State) -> dingdian::scenario::import::Imported {
    let opts = ImportOptions::new(Target::Applications).with_counties_of(&s.scenario);
    let imp = import(Format::Csv, APPLICATIONS_CSV.as_bytes(), opts).unwrap();
    assert_eq!(imp.report.errors, 0, "{:#?}", imp.report.issues);
    imp
}

#[test]
fn imported_applications_become_the_imported_data_set_and_the_sample_waits_as_it_was() {
    let s0 = start().apply(Action::NewApp);
    let sample = s0.scenario.clone();
    let imp = imported_applications(&s0);
    let s = s0.clone().apply(Action::ApplyImport(Rc::new(imp), Merge::Upsert, None));
    assert_eq!(error_for_import(&s), None);
    assert_eq!(s.dataset, Dataset::Imported);
    let ids: Vec<&str> = s.scenario.applications.iter().map(|a| a.id.as_str()).collect();
    assert!(ids.contains(&"IM-1") && ids.contains(&"IM-2"));
    assert_eq!(ids.len(), sample.applications.len() + 2, "upsert keeps the others");
    assert_eq!(
        s.scenario.applications[ids.iter().position(|i| *i == "IM-1").unwrap()].county.as_deref(),
        Some("lanshan")
    );
    assert_eq!(s.evaluation.decisions, engine_decisions(&s));
    assert!(Rc::ptr_eq(&s.stash[&Dataset::Sample].scenario, &sample));

    let s = s.apply(Action::SetDataset(Dataset::Sample));
    assert!(Rc::ptr_eq(&s.scenario, &sample));
    let s = s.apply(Action::SetDataset(Dataset::Imported));
    assert!(s.scenario.applications.iter().any(|a| a.id == "IM-2"));
}

#[test]
fn records_joined_onto_data_edited_meanwhile_are_refused_with_a_message() {
    let s0 = start();
    let imp = imported_applications(&s0);
    let applied = imp.apply(&s0.scenario, Merge::Upsert).unwrap().scenario;
    let base = s0.scenario.clone();
    // The user moved the application while the records were being joined.
    let a = s0.application().unwrap();
    let (lon, lat) = east(a.lon, a.lat, 200.0);
    let s = s0.clone().apply(Action::PlaceApp(lon, lat));
    let moved = s.scenario.clone();
    let s = s.apply(Action::ApplyImport(Rc::new(imp), Merge::Upsert, Some((base, Rc::new(applied)))));
    assert!(error_for_import(&s).is_some());
    assert_eq!(s.dataset, Dataset::Sample);
    assert!(Rc::ptr_eq(&s.scenario, &moved), "the edit stands");
    let s = s.apply(Action::ClearImportError);
    assert_eq!(error_for_import(&s), None);
}

#[test]
fn county_boundaries_add_their_counties_and_are_drawn_with_the_data() {
    let s0 = start();
    let geojson = json!({
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"name": "新设区"},
             "geometry": {"type": "Polygon", "coordinates": [[
                [118.50, 35.20], [118.60, 35.20], [118.60, 35.30], [118.50, 35.30], [118.50, 35.20]
             ]]}},
            {"type": "Feature", "properties": {"name": "兰山区"},
             "geometry": {"type": "Polygon", "coordinates": [[
                [118.20, 35.00], [118.40, 35.00], [118.40, 35.15], [118.20, 35.15], [118.20, 35.00]
             ]]}}
        ]
    });
    let counties: Vec<(String, String)> = s0.scenario.counties.iter().map(|c| (c.id.clone(), c.name.clone())).collect();
    let b = Boundaries::from_geojson(geojson.to_string().as_bytes(), Crs::Wgs84, &counties).unwrap();
    let s = s0.clone().apply(Action::ApplyBoundaries(Rc::new(b)));
    assert_eq!(s.dataset, Dataset::Imported);
    assert_eq!(s.boundaries.as_ref().map(|b| b.areas.len()), Some(2));
    let ids: Vec<&str> = s.scenario.counties.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), s0.scenario.counties.len() + 1, "only the unmatched outline is new");
    assert!(s.scenario.counties.iter().any(|c| c.name == "新设区"));
    assert!(s.stash.contains_key(&Dataset::Sample));
    assert_eq!(s.scenario.applications, s0.scenario.applications);
    assert_eq!(s.evaluation.decisions, engine_decisions(&s));
}

#[test]
fn moving_an_application_copies_the_applications_not_the_city() {
    // Each step is kept for undo: a copy of the city's institutions and population cells per
    // map tap would hold a city in memory per step. They are shared until one is changed.
    let s = start().apply(Action::SetDataset(Dataset::Xian));
    let a = s.application().unwrap();
    let (lon, lat) = east(a.lon, a.lat, 250.0);
    let moved = s.clone().apply(Action::PlaceApp(lon, lat));
    assert!((moved.application().unwrap().lon - lon).abs() < 1e-6);
    assert!(!Rc::ptr_eq(&moved.scenario, &s.scenario), "a new scenario, the old one kept for undo");
    assert!(moved.scenario.institutions.is_shared_with(&s.scenario.institutions));
    assert!(moved.scenario.population_cells.is_shared_with(&s.scenario.population_cells));
    assert_eq!(s.scenario.institutions, moved.scenario.institutions);

    // Changing the data copies it: the step before keeps its own.
    let undone = moved.clone().apply(Action::Undo);
    assert_eq!(undone.application().unwrap().lon, a.lon);
    let mut edited = (*moved.scenario).clone();
    edited.institutions[0].designated = !edited.institutions[0].designated;
    assert!(!edited.institutions.is_shared_with(&moved.scenario.institutions));
    assert_ne!(edited.institutions[0].designated, moved.scenario.institutions[0].designated);
}
