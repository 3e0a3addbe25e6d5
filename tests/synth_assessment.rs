//! The synthetic assessment records the app starts with (src/synth_assessment.rs): the same seed
//! gives the same records, every record is one `dingdian assess` would accept, and under the
//! Linyi preset the sample shows an exit with its clause and some renewals.

use std::collections::BTreeMap;

use dingdian::date::Date;
use dingdian::engine::exits::{assess, check_records, AssessOutcome};
use dingdian::policy::{builtin_presets, Policy};
use dingdian::sample::linyi_sample;
use dingdian::synth::{synth_scenario, SampleCity, SynthSpec};
use dingdian::synth_assessment::{synth_records, DEFAULT_SEED};

fn linyi_policy(overrides: &[(&str, serde_json::Value)]) -> Policy {
    let presets = builtin_presets();
    let p = presets.iter().find(|p| p.id == "linyi-2025").expect("linyi-2025 preset");
    let o: BTreeMap<String, serde_json::Value> = overrides.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
    Policy::resolve(p, &o, "policy.overrides").expect("resolves")
}

fn as_of() -> Date {
    Date::parse("2026-03-01").unwrap()
}

#[test]
fn same_seed_same_records_another_seed_others() {
    let sc = linyi_sample();
    let a = synth_records(&sc, DEFAULT_SEED, as_of());
    assert_eq!(a, synth_records(&sc, DEFAULT_SEED, as_of()));
    assert_ne!(a, synth_records(&sc, DEFAULT_SEED + 1, as_of()));
}

#[test]
fn one_valid_record_per_designated_institution() {
    let sc = linyi_sample();
    let recs = synth_records(&sc, DEFAULT_SEED, as_of());
    let designated: Vec<&str> = sc.institutions.iter().filter(|i| i.designated).map(|i| i.id.as_str()).collect();
    let ids: Vec<&str> = recs.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, designated, "one record per designated institution, in order; none for the others");
    check_records(&sc, &recs).unwrap_or_else(|e| panic!("refused as `dingdian assess` would: {}", e.message));
    for r in &recs {
        let start = Date::parse(r.agreement_start.as_deref().unwrap()).unwrap();
        assert!(start < as_of() && start >= as_of().add_years(-3), "{}: agreement from {start}", r.id);
    }
}

#[test]
fn the_sample_shows_an_exit_with_its_clause_and_renewals() {
    // Whatever the seed, at least one institution fails the pass mark of 政策措施(三).
    let sc = linyi_sample();
    for seed in [DEFAULT_SEED, 1, 2, 3] {
        let recs = synth_records(&sc, seed, as_of());
        let a = assess(&sc, &linyi_policy(&[]), &recs, as_of());
        let exit = a.institutions.iter().find(|i| i.outcome == AssessOutcome::Exits);
        let exit = exit.unwrap_or_else(|| panic!("seed {seed}: no exit"));
        let e = exit.rules.iter().find(|e| exit.exit_reasons.iter().any(|r| *r == e.rule)).unwrap();
        assert!(e.clause.starts_with("linyi-2019 政策措施(三)"), "{}", e.clause);
    }
    let a = assess(&sc, &linyi_policy(&[]), &synth_records(&sc, DEFAULT_SEED, as_of()), as_of());
    assert!(a.summary.renewals >= 1, "{:?}", a.summary);
}

#[test]
fn a_larger_bottom_share_takes_more_out_of_the_sample() {
    // The browser test moves this parameter and expects the count of exits to change.
    let sc = linyi_sample();
    let recs = synth_records(&sc, DEFAULT_SEED, as_of());
    let at = |share: f64| {
        assess(&sc, &linyi_policy(&[("exit_bottom_share_pct", share.into())]), &recs, as_of()).summary.exits
    };
    assert!(at(50.0) > at(5.0), "5%: {}, 50%: {}", at(5.0), at(50.0));
}

#[test]
fn shares_on_a_synthetic_city_are_plausible() {
    let sc = synth_scenario(&SynthSpec::published(SampleCity::Linyi, 3000.0));
    let recs = synth_records(&sc, DEFAULT_SEED, as_of());
    let n = recs.len() as f64;
    assert!(n > 1000.0, "{n} records");
    let share = |f: &dyn Fn(&dingdian::engine::exits::AssessmentRecord) -> bool| {
        recs.iter().filter(|r| f(r)).count() as f64 / n
    };
    let low = share(&|r| r.score.unwrap() < 60.0);
    let unhappy = share(&|r| r.satisfaction_pct.unwrap() < 80.0);
    let black = share(&|r| r.blacklisted == Some(true));
    assert!((0.02..0.07).contains(&low), "below the pass mark: {low}");
    assert!((0.01..0.06).contains(&unhappy), "satisfaction below 80%: {unhappy}");
    assert!((0.002..0.025).contains(&black), "blacklisted: {black}");
}
