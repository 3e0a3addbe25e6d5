//! The preset format carries other regions' rules: a fixture preset combines what neither sample
//! city does — a radius per kind of institution, non-designated neighbours counted, a minimum
//! spacing between any two pharmacies whatever their category, and a quota per category.

mod common;
use common::*;
use dingdian::policy::Preset;
use dingdian::scenario::Category::{Chronic, Ordinary, SpecialDrug};
use dingdian::scenario::{Kind, PolicyRef};
use dingdian::{Outcome, Verdict};

fn general() -> Sc {
    let mut sc = Sc::linyi();
    sc.s.policy = PolicyRef { file: Some("general-preset.json".into()), ..Default::default() };
    sc
}

#[test]
fn each_kind_is_judged_at_its_own_radius() {
    // fixture 第四条“诊所1500米内已有提供门诊服务的定点医疗机构的，不予受理”; 第五条 pharmacies at 500 m:
    // a pharmacy 700 m from another passes where a clinic 1,200 m from another fails.
    let d = general()
        .inst(pharmacy("p-1", &[Ordinary], at(0.0, 700.0)))
        .app(pharmacy_app(&[Ordinary], ORIGIN).eligible())
        .decide();
    rule(&d, "pharmacy.same_type_nearby", Verdict::Pass, "fixture 第五条", &["500"]);
    outcome(&d, Outcome::Accepted);

    let d =
        general().inst(clinic("c-1", at(0.0, 1_200.0))).app(application(Kind::Outpatient, ORIGIN).eligible()).decide();
    rule(&d, "outpatient.nearby", Verdict::Fail, "fixture 第四条", &["1500"]);
    outcome(&d, Outcome::Rejected);

    // The service radius itself stays the preset's parameter (coverage uses it).
    assert_eq!(general().policy().params.service_radius_m, 1000.0);
}

#[test]
fn non_designated_pharmacies_count_where_the_text_says_so() {
    // fixture 第五条“500米内已有同类型零售药店的” (not 定点): a non-designated one 300 m away counts.
    let d = general()
        .inst(pharmacy("p-1", &[Ordinary], at(0.0, 300.0)).undesignated())
        .app(pharmacy_app(&[Ordinary], ORIGIN).eligible())
        .decide();
    let e = rule(&d, "pharmacy.same_type_nearby", Verdict::Fail, "fixture 第五条", &["500", "300"]);
    zh_has(e, "含未定点");
    outcome(&d, Outcome::Rejected);
    // Under Linyi's rule (定点 only) the same spot passes.
    let d = Sc::linyi()
        .inst(pharmacy("p-1", &[Ordinary], at(0.0, 300.0)).undesignated())
        .app(pharmacy_app(&[Ordinary], ORIGIN).eligible())
        .decide();
    rule(&d, "pharmacy.same_type_nearby", Verdict::Pass, "linyi-2025 三(二)", &[]);
}

#[test]
fn a_minimum_spacing_between_any_two_pharmacies_whatever_their_category() {
    // fixture 第六条“新开办药店与已有定点药店间距不少于200米，不论经营类别”: a special-drug pharmacy 150 m
    // away is no same type for an ordinary applicant, yet too close.
    let sc = |d_m: f64| {
        general()
            .inst(pharmacy("p-1", &[SpecialDrug], at(90.0, d_m)))
            .app(pharmacy_app(&[Ordinary], ORIGIN).eligible())
            .decide()
    };
    let d = sc(150.0);
    rule(&d, "pharmacy.same_type_nearby", Verdict::Pass, "fixture 第五条", &[]);
    rule(&d, "pharmacy.min_spacing", Verdict::Fail, "fixture 第六条", &["200", "150"]);
    outcome(&d, Outcome::Rejected);
    let d = sc(250.0);
    rule(&d, "pharmacy.min_spacing", Verdict::Pass, "fixture 第六条", &["200"]);
    outcome(&d, Outcome::Accepted);
}

#[test]
fn a_quota_per_category() {
    // fixture 第七条“慢病定点药店总量不超过2家，特药定点药店不超过1家”
    let chronic = |id: &str, b: f64| pharmacy(id, &[Ordinary, Chronic], at(b, 5_000.0));
    let d = general().inst(chronic("c-1", 0.0)).app(pharmacy_app(&[Chronic], ORIGIN).eligible()).decide();
    rule(&d, "pharmacy.category_quota", Verdict::Pass, "fixture 第七条", &["1", "2"]);
    outcome(&d, Outcome::Accepted);

    let d = general()
        .inst(chronic("c-1", 0.0))
        .inst(chronic("c-2", 180.0))
        .app(pharmacy_app(&[Chronic], ORIGIN).eligible())
        .decide();
    let e = rule(&d, "pharmacy.category_quota", Verdict::Fail, "fixture 第七条", &["2"]);
    zh_has(e, "已达总量");
    outcome(&d, Outcome::Rejected);

    // An ordinary pharmacy has no quota.
    let d = general()
        .inst(chronic("c-1", 0.0))
        .inst(chronic("c-2", 180.0))
        .app(pharmacy_app(&[Ordinary], ORIGIN).eligible())
        .decide();
    rule(&d, "pharmacy.category_quota", Verdict::NotApplicable, "fixture 第七条", &[]);
}

#[test]
fn the_acceptance_surface_agrees_with_single_decisions_under_the_fixture() {
    // The surface reads each rule at its own radius, as a single decision does.
    let scenario = dingdian::sample::linyi_sample();
    let preset: Preset = serde_json::from_str(&fixture("general-preset.json")).unwrap();
    let policy = dingdian::Policy::resolve(&preset, &Default::default(), "o").unwrap();
    let prep =
        dingdian::engine::prepared::Prepared::new(&scenario, &policy, dingdian::date::Date::new(2026, 3, 1).unwrap());
    for template in [pharmacy_app(&[Ordinary], ORIGIN).eligible(), application(Kind::Outpatient, ORIGIN).eligible()] {
        let surface = prep.surface(&template);
        let mut seen = std::collections::BTreeSet::new();
        for (c, &o) in scenario.population_cells.iter().zip(&surface.outcomes) {
            let app =
                dingdian::engine::surface::placed(&template, c.lon, c.lat, c.county.as_deref(), c.area.as_deref());
            assert_eq!(prep.decide(&app).outcome, o, "cell at {},{}", c.lon, c.lat);
            seen.insert(o);
        }
        assert!(seen.len() > 1, "the fixture should accept some cells and reject others: {seen:?}");
    }
}

#[test]
fn bad_rule_options_are_refused_naming_the_field() {
    let bad = |edit: &dyn Fn(&mut serde_json::Value), needle: &str| {
        let mut v: serde_json::Value = serde_json::from_str(&fixture("general-preset.json")).unwrap();
        edit(&mut v);
        let p: Preset = serde_json::from_value(v).unwrap();
        let e = dingdian::policy::validate_preset(&p, "policy.inline").unwrap_err();
        assert!(e.contains(needle), "{e}");
    };
    bad(&|v| v["rules"][0]["radius_m"] = 500.into(), "policy.inline.rules[0].radius_m");
    bad(&|v| v["rules"][5]["radius_m"] = 5.into(), "policy.inline.rules[5].radius_m: 5 is outside");
    bad(
        &|v| v["rules"][6].as_object_mut().unwrap().remove("radius_m").map(|_| ()).unwrap_or(()),
        "policy.inline.rules[6].radius_m",
    );
    bad(&|v| v["rules"][4]["count_non_designated"] = true.into(), "policy.inline.rules[4].count_non_designated");
    bad(
        &|v| v["rules"][7].as_object_mut().unwrap().remove("quotas").map(|_| ()).unwrap_or(()),
        "policy.inline.rules[7].quotas",
    );
}
