//! Presets are data: a preset file or an inline preset combines existing rule families without a
//! code change; overrides change parameters and switches and turn rules on or off.

mod common;
use common::*;
use dingdian::policy::{builtin_presets, Preset, RULES};
use dingdian::scenario::Category::{Ordinary, SpecialDrug};
use dingdian::scenario::{Kind, NegativeReason, PolicyRef, Subtype};
use dingdian::{Outcome, Verdict};

fn custom_preset() -> Preset {
    serde_json::from_str(&fixture("custom-preset.json")).expect("the fixture preset parses")
}

fn with_file() -> Sc {
    let mut sc = Sc::linyi();
    sc.s.policy = PolicyRef { file: Some("custom-preset.json".into()), ..Default::default() };
    sc
}

fn with_inline() -> Sc {
    let mut sc = Sc::linyi();
    sc.s.policy = PolicyRef { inline: Some(Box::new(custom_preset())), ..Default::default() };
    sc
}

#[test]
fn every_rule_belongs_to_a_builtin_preset_and_the_trace_follows_the_registry() {
    // DESIGN §1: 令2号、令3号 apply under every preset; the trace lists every rule in order
    let presets = builtin_presets();
    assert_eq!(presets.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["linyi-2025", "xian-2025"]);
    // General rules (no origin clause: no built-in text has them) are in the general fixture.
    let general: Preset = serde_json::from_str(&fixture("general-preset.json")).unwrap();
    for def in RULES {
        let home = if def.origin_clause.is_empty() { std::slice::from_ref(&general) } else { &presets[..] };
        assert!(home.iter().any(|p| p.rules.iter().any(|r| r.rule == def.id)), "{} is in no preset", def.id);
    }
    // DESIGN §1: “The national.* rules belong to every preset.”
    for p in &presets {
        for id in ["national.operating_months", "national.physician", "national.pharmacist", "national.insurance_dept"]
        {
            assert!(p.rules.iter().any(|r| r.rule == id), "{} lacks {id}", p.id);
        }
    }
    // Every rule is evaluated and shown in registry order, even after an early fail.
    for sc in [Sc::linyi(), Sc::xian()] {
        let policy = sc.policy();
        let d = sc.app(pharmacy_app(&[Ordinary], ORIGIN).with(|a| a.operating_months = Some(0.0))).decide();
        outcome(&d, Outcome::Rejected);
        let order: Vec<&str> = d.rules.iter().map(|e| &*e.rule).collect();
        let want: Vec<&str> = RULES.iter().map(|r| r.id).filter(|id| policy.is_on(id)).collect();
        assert_eq!(order, want);
        assert_eq!(order.len(), policy.preset.rules.len());
    }
}

#[test]
fn linyi_preset_carries_the_2019_rules_and_the_800_m_radius() {
    // 二(三)1“构建‘15分钟医保服务圈’(指服务半径800米范围内，下同)”; 三(一)1“目标值……为7.45张”
    let p = Sc::linyi().policy();
    for id in ["negative_list", "staffing.insurance_office"] {
        let r = p.rules.iter().find(|r| r.def.id == id).unwrap();
        assert!(r.clause.starts_with("linyi-2019 政策措施"), "{id}: {}", r.clause);
        assert!(!r.added_by_user);
    }
    assert_eq!(p.params.service_radius_m, 800.0);
    assert!(!p.preset.parameters["service_radius_m"].assumption);
    assert!(p.preset.parameters["pharmacy_saturated_above_per_10k"].assumption);
    assert_eq!(p.params.target_beds_per_1000, 7.45);
    assert_eq!((p.params.employee_fund_min_months, p.params.resident_fund_min_months), (12.0, 6.0));
}

#[test]
fn a_preset_file_combines_rule_families_without_code() {
    // The fixture: national operating months and pharmacist, the negative list (2 years), Xi'an's
    // exemption listing only village clinics (without integration) and central key projects, a fund
    // deficit rule, the same-type pharmacy rule at 500 m, a special-drug quota of 1, strict control
    // of inpatient growth defaulting to a gap.
    let sc = with_file();
    let policy = sc.policy();
    assert_eq!(policy.preset.id, "custom-2025");
    assert_eq!(policy.params.service_radius_m, 500.0);

    // 646 m from a designated ordinary pharmacy: inside Linyi's 800 m, outside this preset's 500 m.
    let far = at(90.0, 646.0);
    let d =
        with_file().inst(pharmacy("p-1", &[Ordinary], ORIGIN)).app(pharmacy_app(&[Ordinary], far).eligible()).decide();
    let e = rule(&d, "pharmacy.same_type_nearby", Verdict::Pass, "custom 第四条", &["500", "646"]);
    assert!(e.note.is_some());
    outcome(&d, Outcome::Accepted);
    let d =
        Sc::linyi().inst(pharmacy("p-1", &[Ordinary], ORIGIN)).app(pharmacy_app(&[Ordinary], far).eligible()).decide();
    rule(&d, "pharmacy.same_type_nearby", Verdict::Fail, "linyi-2025 三(二)", &["800", "646"]);

    // The rules that are off in the file are not in the trace.
    let d = with_file().app(application(Kind::Outpatient, ORIGIN).eligible()).decide();
    let ids: Vec<&str> = d.rules.iter().map(|e| &*e.rule).collect();
    assert_eq!(
        ids,
        [
            "national.operating_months",
            "national.pharmacist",
            "negative_list",
            "exempt.listed",
            "fund.deficit",
            "inpatient.strict_control",
            "pharmacy.same_type_nearby",
            "special_drug_pharmacy.quota",
        ]
    );

    // Its parameters: a two-year negative list, a quota of one, strict control as a gap.
    let d = with_file()
        .app(pharmacy_app(&[Ordinary], ORIGIN).eligible().negative(NegativeReason::Blacklisted, "2024-03-01"))
        .decide();
    rule(&d, "negative_list", Verdict::Pass, "custom 第三条", &["2", "2026-03-01"]);
    let d = with_file()
        .inst(pharmacy("sd", &[SpecialDrug], at(0.0, 9_000.0)))
        .app(pharmacy_app(&[SpecialDrug], ORIGIN).eligible())
        .decide();
    rule(&d, "special_drug_pharmacy.quota", Verdict::Fail, "custom 第五条", &["1"]);
    let d = with_file().app(application(Kind::InpatientGeneral, ORIGIN).eligible()).decide();
    rule(&d, "inpatient.strict_control", Verdict::Gap, "custom 第六条", &[]);
    outcome(&d, Outcome::Undetermined);

    // Its listing: a village clinic without integration is exempt here; a central key project too.
    let d = with_file()
        .fund(|f| f.employee_deficit = Some(true))
        .app(application(Kind::PrimaryCare, ORIGIN).eligible().subtype(Subtype::VillageClinic))
        .decide();
    rule(&d, "exempt.listed", Verdict::Exempt, "custom 第一条", &[]);
    assert_eq!(entry(&d, "fund.deficit").exempted_by.as_deref(), Some("exempt.listed"));
    outcome(&d, Outcome::Accepted);
    let d = with_file()
        .app(application(Kind::InpatientGeneral, ORIGIN).eligible().key(Some(dingdian::scenario::KeyLevel::Central)))
        .decide();
    rule(&d, "exempt.listed", Verdict::Exempt, "custom 第一条", &[]);
    outcome(&d, Outcome::Accepted);
}

#[test]
fn the_same_preset_inline_gives_the_same_decisions() {
    let build = |sc: Sc| {
        sc.inst(pharmacy("p-1", &[Ordinary], ORIGIN))
            .app(pharmacy_app(&[Ordinary], at(90.0, 300.0)).eligible())
            .app(pharmacy_app(&[Ordinary], at(90.0, 646.0)).eligible().with(|a| a.id = "a-2".into()))
    };
    let a = build(with_file()).eval();
    let b = build(with_inline()).eval();
    assert_eq!(a.decisions, b.decisions);
    assert_eq!(a.decisions[0].outcome, Outcome::Rejected);
    assert_eq!(a.decisions[1].outcome, Outcome::Accepted);
    // And the inline preset survives a JSON round trip of the scenario (what the app exports).
    let json = serde_json::to_string(&build(with_inline()).s).unwrap();
    let back = dingdian::scenario::parse(&json).expect("round trip");
    assert_eq!(back.policy.inline.as_deref(), Some(&custom_preset()));
}

#[test]
fn overrides_change_parameters_and_switches() {
    let p = Sc::linyi().set("service_radius_m", 1000).set("between_band", "suspend").policy();
    assert_eq!(p.params.service_radius_m, 1000.0);
    assert_eq!(p.params.between_band, dingdian::policy::BetweenBand::Suspend);
    // The preset default is kept for “changed from” marks.
    assert_eq!(p.preset_default("service_radius_m"), Some(&serde_json::json!(800)));
    // Overrides apply on top of a preset file too.
    let p = with_file().set("service_radius_m", 700).policy();
    assert_eq!(p.params.service_radius_m, 700.0);
}

#[test]
fn an_override_turns_a_rule_on_with_a_note_or_off() {
    // Xi'an's draft has no fund rules; the user turns fund.deficit on.
    let d = Sc::xian()
        .set("fund.deficit", true)
        .fund(|f| {
            f.employee_deficit = Some(false);
            f.resident_deficit = Some(false)
        })
        .app(application(Kind::Outpatient, ORIGIN).eligible())
        .decide();
    let e = rule(&d, "fund.deficit", Verdict::Pass, "linyi-2025 三(三)1", &[]);
    note_has(e, "本条由用户开启，西安 2025 征求意见稿的规划原文无此规定");
    let policy = Sc::xian().set("fund.deficit", true).policy();
    assert!(policy.rules.iter().find(|r| r.def.id == "fund.deficit").unwrap().added_by_user);

    // A preset rule turned off leaves the trace.
    let d = Sc::linyi()
        .set("pharmacy.same_type_nearby", false)
        .inst(pharmacy("p-1", &[Ordinary], at(0.0, 100.0)))
        .app(pharmacy_app(&[Ordinary], ORIGIN).eligible())
        .decide();
    assert!(!has_entry(&d, "pharmacy.same_type_nearby"), "{}", show(&d));
    outcome(&d, Outcome::Accepted);
    // A preset rule "turned on" again is not marked as added.
    let d = Sc::linyi().set("fund.deficit", true).app(application(Kind::Outpatient, ORIGIN).eligible()).decide();
    assert_eq!(entry(&d, "fund.deficit").note, None);
}

#[test]
fn bad_overrides_name_the_key() {
    let err = Sc::linyi().set("service_radius", 900).try_policy().unwrap_err();
    assert!(err.starts_with("policy.overrides.service_radius:"), "{err}");
    assert!(err.contains("unknown"), "{err}");

    let err = Sc::linyi().set("service_radius_m", "far").try_policy().unwrap_err();
    assert!(err.starts_with("policy.overrides.service_radius_m:") && err.contains("not a number"), "{err}");
    let err = Sc::linyi().set("service_radius_m", 10).try_policy().unwrap_err();
    assert!(err.starts_with("policy.overrides.service_radius_m:") && err.contains("outside"), "{err}");
    let err = Sc::linyi().set("between_band", "maybe").try_policy().unwrap_err();
    assert!(err.starts_with("policy.overrides.between_band:") && err.contains("\"gap\""), "{err}");
    let err = Sc::linyi().set("key_project_escapes_fund", "no").try_policy().unwrap_err();
    assert!(err.starts_with("policy.overrides.key_project_escapes_fund:"), "{err}");
    let err = Sc::linyi().set("fund.deficit", "on").try_policy().unwrap_err();
    assert!(err.starts_with("policy.overrides.fund.deficit:"), "{err}");
    let err = Sc::linyi().set("negative_list_years", 2.5).try_policy().unwrap_err();
    assert!(err.starts_with("policy.overrides.negative_list_years:") && err.contains("whole"), "{err}");
}

#[test]
fn bad_policy_references_are_errors() {
    let mut sc = Sc::linyi();
    sc.s.policy.preset = Some("beijing-2030".into());
    let err = sc.try_policy().unwrap_err();
    assert!(err.contains("policy.preset") && err.contains("beijing-2030") && err.contains("linyi-2025"), "{err}");

    let mut sc = Sc::linyi();
    sc.s.policy = PolicyRef { file: Some("no-such-preset.json".into()), ..Default::default() };
    let err = sc.try_policy().unwrap_err();
    assert!(err.starts_with("policy.file: cannot read \"no-such-preset.json\""), "{err}");

    // A preset naming an unknown rule names the place.
    let mut bad = custom_preset();
    bad.rules[1].rule = "pharmacy.teleport".into();
    let mut sc = Sc::linyi();
    sc.s.policy = PolicyRef { inline: Some(Box::new(bad)), ..Default::default() };
    let err = sc.try_policy().unwrap_err();
    assert!(err.starts_with("policy.inline.rules[1].rule") && err.contains("pharmacy.teleport"), "{err}");

    // A preset file written before a parameter existed still loads: the parameter takes the
    // built-in default and its source says so.
    let mut old = custom_preset();
    old.parameters.remove("service_radius_m");
    let mut sc = Sc::linyi();
    sc.s.policy = PolicyRef { inline: Some(Box::new(old)), ..Default::default() };
    let policy = sc.try_policy().expect("an older preset file loads");
    assert_eq!(policy.params.service_radius_m, 800.0);
    assert!(policy.preset.parameters["service_radius_m"].source.zh.starts_with("预设文件未给出"));

    // Exactly one of preset, file, inline.
    let mut sc = Sc::linyi();
    sc.s.policy.file = Some("custom-preset.json".into());
    let err = dingdian::scenario::validate(&sc.s).unwrap_err().message;
    assert!(err.starts_with("policy:"), "{err}");
}
