//! linyi-2025 三(三) fund conditions, and the combination of verdicts into an outcome
//! (DESIGN.md §1): eligibility fail > suspension > other fail > gap > priority > accepted.

mod common;
use common::*;
use dingdian::scenario::{Category, KeyLevel, Kind, NegativeReason, Specialty, Subtype};
use dingdian::{Outcome, Verdict};

const DEFICIT: &str = "linyi-2025 三(三)1";
const LETTER: &str = "linyi-2025 三(三)2";
const MONTHS: &str = "linyi-2025 三(三)3";

fn pharmacy_alone() -> dingdian::Application {
    pharmacy_app(&[Category::Ordinary], ORIGIN).eligible()
}

#[test]
fn deficit_of_either_fund_suspends() {
    // 三(三)1“居民或职工医保基金上年度出现赤字”
    let d = Sc::linyi().fund(|f| f.employee_deficit = Some(true)).app(pharmacy_alone()).decide();
    let e = rule(&d, "fund.deficit", Verdict::Suspend, DEFICIT, &[]);
    zh_has(e, "职工医保基金");
    outcome(&d, Outcome::Suspended);

    let d = Sc::linyi().fund(|f| f.resident_deficit = Some(true)).app(pharmacy_alone()).decide();
    let e = rule(&d, "fund.deficit", Verdict::Suspend, DEFICIT, &[]);
    zh_has(e, "居民医保基金");
    outcome(&d, Outcome::Suspended);

    let d = Sc::linyi().app(pharmacy_alone()).decide();
    rule(&d, "fund.deficit", Verdict::Pass, DEFICIT, &[]);
    outcome(&d, Outcome::Accepted);

    let d = Sc::linyi().fund(|f| f.resident_deficit = None).app(pharmacy_alone()).decide();
    missing(&d, "fund.deficit", DEFICIT, "city.fund.resident_deficit");
}

#[test]
fn warning_letter_suspends() {
    // 三(三)2“收到上级医保部门基金运行风险预警函”
    let d = Sc::linyi().fund(|f| f.warning_letter = Some(true)).app(pharmacy_alone()).decide();
    rule(&d, "fund.warning_letter", Verdict::Suspend, LETTER, &[]);
    outcome(&d, Outcome::Suspended);
    let d = Sc::linyi().app(pharmacy_alone()).decide();
    rule(&d, "fund.warning_letter", Verdict::Pass, LETTER, &[]);
    let d = Sc::linyi().fund(|f| f.warning_letter = None).app(pharmacy_alone()).decide();
    missing(&d, "fund.warning_letter", LETTER, "city.fund.warning_letter");
}

#[test]
fn months_exactly_at_the_minimum_pass_just_below_suspend() {
    // 三(三)3“职工医保统筹基金不低于12个月、居民医保基金不低于6个月”
    let d = Sc::linyi()
        .fund(|f| {
            f.employee_months = Some(12.0);
            f.resident_months = Some(6.0)
        })
        .app(pharmacy_alone())
        .decide();
    rule(&d, "fund.months_below_minimum", Verdict::Pass, MONTHS, &["12", "6"]);
    outcome(&d, Outcome::Accepted);

    let d = Sc::linyi().fund(|f| f.employee_months = Some(11.99)).app(pharmacy_alone()).decide();
    rule(&d, "fund.months_below_minimum", Verdict::Suspend, MONTHS, &["11.99", "12"]);
    outcome(&d, Outcome::Suspended);

    let d = Sc::linyi().fund(|f| f.resident_months = Some(5.99)).app(pharmacy_alone()).decide();
    rule(&d, "fund.months_below_minimum", Verdict::Suspend, MONTHS, &["5.99", "6"]);
}

#[test]
fn months_minimum_is_a_parameter_and_absent_months_are_named() {
    // 三(三)3“低于国家规定最低月数”：最低月数为参数
    let d = Sc::linyi().set("employee_fund_min_months", 15).app(pharmacy_alone()).decide();
    rule(&d, "fund.months_below_minimum", Verdict::Suspend, MONTHS, &["14.2", "15"]);
    let d = Sc::linyi().fund(|f| f.resident_months = None).app(pharmacy_alone()).decide();
    missing(&d, "fund.months_below_minimum", MONTHS, "city.fund.resident_months");
    let d = Sc::linyi().city(|c| c.fund = None).app(pharmacy_alone()).decide();
    missing(&d, "fund.months_below_minimum", MONTHS, "city.fund.employee_months");
    missing(&d, "fund.deficit", DEFICIT, "city.fund.employee_deficit");
    outcome(&d, Outcome::Accepted);
}

#[test]
fn fund_suspension_suspends_every_kind() {
    // 三(三)“暂停全市当年度医药机构新增医保定点的受理和评估”
    let apps = [
        application(Kind::InpatientGeneral, ORIGIN).eligible().county("lanshan"),
        application(Kind::InpatientSpecialty, ORIGIN).eligible().county("lanshan").specialty(Specialty::Paediatrics),
        application(Kind::Outpatient, ORIGIN).eligible(),
        application(Kind::PrimaryCare, ORIGIN).eligible().subtype(Subtype::TownshipCentre),
        pharmacy_alone(),
    ];
    for a in apps {
        let kind = a.kind;
        let d = Sc::linyi().fund(|f| f.warning_letter = Some(true)).app(a).decide();
        outcome(&d, Outcome::Suspended);
        assert_eq!(d.deciding_rule().map(|e| &*e.rule), Some("fund.warning_letter"), "{kind:?}");
    }
}

#[test]
fn eligibility_fail_beats_fund_suspension() {
    // 令2号 第六条(一)“正式运营至少3个月” is a condition of the application itself; 三(三) suspends acceptance
    let d = Sc::linyi()
        .fund(|f| f.employee_deficit = Some(true))
        .app(pharmacy_alone().with(|a| a.operating_months = Some(1.0)))
        .decide();
    rule(&d, "fund.deficit", Verdict::Suspend, DEFICIT, &[]);
    rule(&d, "national.operating_months", Verdict::Fail, "令2号 第六条(一)", &["1"]);
    outcome(&d, Outcome::Rejected);
    assert_eq!(d.deciding_rule().unwrap().rule, "national.operating_months");

    let d = Sc::linyi()
        .fund(|f| f.employee_deficit = Some(true))
        .app(pharmacy_alone().negative(NegativeReason::Blacklisted, "2025-01-01"))
        .decide();
    outcome(&d, Outcome::Rejected);
    assert_eq!(d.deciding_rule().unwrap().rule, "negative_list");
}

#[test]
fn suspension_beats_a_plan_fail_and_a_plain_fail_rejects() {
    // 三(二)“‘15分钟医保服务圈’范围内已有同类型定点零售药店的，不再受理新增定点申请”
    let sc = || Sc::linyi().inst(pharmacy("p-1", &[Category::Ordinary], at(30.0, 200.0))).app(pharmacy_alone());
    let d = sc().decide();
    rule(&d, "pharmacy.same_type_nearby", Verdict::Fail, "linyi-2025 三(二)", &["800", "200"]);
    outcome(&d, Outcome::Rejected);
    assert_eq!(d.deciding_rule().unwrap().rule, "pharmacy.same_type_nearby");

    // 三(三)“暂停全市当年度医药机构新增医保定点的受理和评估” — suspended, whatever the circle says
    let d = sc().fund(|f| f.employee_months = Some(10.0)).decide();
    rule(&d, "pharmacy.same_type_nearby", Verdict::Fail, "linyi-2025 三(二)", &["800"]);
    outcome(&d, Outcome::Suspended);
    assert_eq!(d.deciding_rule().unwrap().rule, "fund.months_below_minimum");
}

#[test]
fn gap_is_undetermined_and_priority_prioritized_below_suspension() {
    // 三(一)1(1)(2) cover only both-below and both-above: in between the text is silent
    let gap = || {
        Sc::linyi()
            .city_figures(7.6, 7.8)
            .county(county_measuring("k", 8.0))
            .app(application(Kind::InpatientGeneral, ORIGIN).eligible().county("k"))
    };
    let d = gap().decide();
    let e = rule(&d, "inpatient.city_supply", Verdict::Gap, "linyi-2025 三(一)1(1)(2)", &["7.6", "7.45", "7.8"]);
    assert_eq!(e.switch.as_deref(), Some("between_band"));
    outcome(&d, Outcome::Undetermined);
    assert_eq!(d.deciding_rule().unwrap().rule, "inpatient.city_supply");
    // A suspension is more severe than a gap.
    let d = gap().fund(|f| f.warning_letter = Some(true)).decide();
    outcome(&d, Outcome::Suspended);

    // 三(一)2“乡镇卫生院……可优先纳入医保定点”
    let prio = || Sc::linyi().app(application(Kind::PrimaryCare, ORIGIN).eligible().subtype(Subtype::TownshipCentre));
    let d = prio().decide();
    rule(&d, "primary_care.priority", Verdict::Priority, "linyi-2025 三(一)2 ¶2", &[]);
    outcome(&d, Outcome::Prioritized);
    let d = prio().fund(|f| f.resident_deficit = Some(true)).decide();
    rule(&d, "primary_care.priority", Verdict::Priority, "linyi-2025 三(一)2 ¶2", &[]);
    outcome(&d, Outcome::Suspended);
}

fn key_hospital(level: KeyLevel) -> dingdian::Application {
    application(Kind::InpatientGeneral, ORIGIN).eligible().county("lanshan").key(Some(level))
}

#[test]
fn key_project_hospital_is_exempt_from_plan_rules_but_not_eligibility() {
    // 三(四)3“列入中央、省、市重点建设项目的医疗机构，不受本规划限制，可按规定纳入医保定点评估范围”
    let d = Sc::linyi()
        .city_figures(7.0, 7.8) // the city measured value would suspend
        .fund(|f| f.employee_deficit = Some(true)) // so would the fund
        .county(county_measuring("k", 7.0))
        .inst(hospital("h-1", at(90.0, 100.0)))
        .app(key_hospital(KeyLevel::Provincial).county("k"))
        .decide();
    let e = rule(&d, "exempt.key_project", Verdict::Exempt, "linyi-2025 三(四)3", &[]);
    zh_has(e, "省重点建设项目");
    for r in [
        "fund.deficit",
        "fund.warning_letter",
        "fund.months_below_minimum",
        "inpatient.city_supply",
        "inpatient.county_supply",
        "inpatient.same_type_nearby",
        "change.new_site",
        "change.address",
    ] {
        let e = entry(&d, r);
        assert_eq!(e.verdict, Verdict::NotApplicable, "{r}\n{}", show(&d));
        assert_eq!(e.exempted_by.as_deref(), Some("exempt.key_project"), "{r}");
    }
    for r in ["national.operating_months", "national.physician", "negative_list"] {
        assert_eq!(entry(&d, r).exempted_by, None, "{r} is an eligibility condition");
    }
    outcome(&d, Outcome::Accepted);
    // In the JSON trace: `exempted_by` where it applies, absent elsewhere.
    let json = serde_json::to_value(&d).unwrap();
    let by_rule = |id: &str| json["rules"].as_array().unwrap().iter().find(|e| e["rule"] == id).unwrap().clone();
    assert_eq!(by_rule("fund.deficit")["exempted_by"], "exempt.key_project");
    assert_eq!(by_rule("fund.deficit")["verdict"], "not_applicable");
    assert!(by_rule("negative_list").get("exempted_by").is_none());
    assert_eq!(by_rule("exempt.key_project")["switch"], "key_project_escapes_fund");

    // Staffing still binds: 政策措施(二)“101张-1000张床位的原则上不少于3人”
    let d = Sc::linyi()
        .app(key_hospital(KeyLevel::Central).beds(300).staff(1).with(|a| a.insurance_dept = Some(true)))
        .decide();
    rule(&d, "staffing.insurance_office", Verdict::Fail, "linyi-2019 政策措施(二)", &["300", "3", "1"]);
    outcome(&d, Outcome::Rejected);

    // And so do the national conditions.
    let d = Sc::linyi().app(key_hospital(KeyLevel::Municipal).with(|a| a.physicians = Some(0))).decide();
    rule(&d, "national.physician", Verdict::Fail, "令2号 第六条(二)", &[]);
    outcome(&d, Outcome::Rejected);
}

#[test]
fn key_project_under_the_fund_switch_stays_suspended() {
    // 三(四)3“不受本规划限制” vs 三(三) suspension: switch key_project_escapes_fund = false
    let d = Sc::linyi()
        .set("key_project_escapes_fund", false)
        .fund(|f| f.employee_deficit = Some(true))
        .inst(hospital("h-1", at(90.0, 100.0)))
        .app(key_hospital(KeyLevel::Municipal))
        .decide();
    rule(&d, "exempt.key_project", Verdict::Exempt, "linyi-2025 三(四)3", &[]);
    let e = rule(&d, "fund.deficit", Verdict::Suspend, DEFICIT, &[]);
    assert_eq!(e.switch.as_deref(), Some("key_project_escapes_fund"));
    assert_eq!(e.exempted_by, None);
    // The plan's other rules are still lifted.
    assert_eq!(entry(&d, "inpatient.same_type_nearby").exempted_by.as_deref(), Some("exempt.key_project"));
    outcome(&d, Outcome::Suspended);

    // key_project: true means municipal.
    let d = Sc::linyi().app(application(Kind::Outpatient, ORIGIN).eligible().key(Some(KeyLevel::Municipal))).decide();
    zh_has(rule(&d, "exempt.key_project", Verdict::Exempt, "linyi-2025 三(四)3", &[]), "市重点建设项目");
}

#[test]
fn a_pharmacy_key_project_is_not_exempt() {
    // 三(四)3“列入……重点建设项目的医疗机构” — medical institutions only
    let d =
        Sc::linyi().fund(|f| f.warning_letter = Some(true)).app(pharmacy_alone().key(Some(KeyLevel::Central))).decide();
    let e = rule(&d, "exempt.key_project", Verdict::NotApplicable, "linyi-2025 三(四)3", &[]);
    zh_has(e, "药店");
    assert!(d.rules.iter().all(|e| e.exempted_by.is_none()), "{}", show(&d));
    rule(&d, "fund.warning_letter", Verdict::Suspend, LETTER, &[]);
    outcome(&d, Outcome::Suspended);
}

#[test]
fn key_project_false_or_unstated() {
    // 三(四)3“列入中央、省、市重点建设项目的医疗机构” — not one, or not stated
    let d = Sc::linyi().app(application(Kind::Outpatient, ORIGIN).eligible().key(None)).decide();
    rule(&d, "exempt.key_project", Verdict::Pass, "linyi-2025 三(四)3", &[]);
    let d = Sc::linyi().app(application(Kind::Outpatient, ORIGIN).eligible()).decide();
    rule(&d, "exempt.key_project", Verdict::NotApplicable, "linyi-2025 三(四)3", &[]);
}

#[test]
fn xian_has_no_fund_rules_until_turned_on() {
    // 西安规划无“基金赤字暂停受理”条款；临沂 三(三)1“居民或职工医保基金上年度出现赤字” can be turned on
    let deficit =
        |sc: Sc| sc.fund(|f| f.employee_deficit = Some(true)).app(application(Kind::Outpatient, ORIGIN).eligible());
    let d = deficit(Sc::xian()).decide();
    assert!(!has_entry(&d, "fund.deficit"), "{}", show(&d));
    outcome(&d, Outcome::Accepted);

    let d = deficit(Sc::xian().set("fund.deficit", true)).decide();
    // The rule keeps its origin clause and says it was added by the user.
    let e = rule(&d, "fund.deficit", Verdict::Suspend, DEFICIT, &[]);
    note_has(e, "本条由用户开启");
    note_has(e, "turned on by the user");
    outcome(&d, Outcome::Suspended);
}
