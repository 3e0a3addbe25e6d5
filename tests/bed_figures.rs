//! Bed figures of linyi-2025 一(一), 三(一)1 and the annex, and the two bed-supply rules.

mod common;
use common::*;
use dingdian::scenario::{Discharges, Kind, Specialty};
use dingdian::{Outcome, Verdict};

const CITY: &str = "linyi-2025 三(一)1(1)(2)";
const COUNTY: &str = "linyi-2025 三(一)1①";

#[test]
fn design_worked_example_figures() {
    // 一(一)“全市常住人口1084.84万人，全市开放床位数84634张……实际值达到7.8张”
    let e = Sc::linyi().eval();
    let f = &e.figures;
    close(f.actual_beds_per_1000, 84_634.0 / 10_848_400.0 * 1000.0, 1e-12, "actual");
    close(f.actual_beds_per_1000, 7.8015, 1e-4, "actual (7.80 in the text)");
    assert_eq!(f.target_beds_per_1000, 7.45);
    close(f.required_beds, 78_800.53, 1e-2, "required beds");
    close(f.measured_raw_per_1000, 7.7255, 1e-4, "measured before coefficients");
    close(f.fund_ratios.employee, 14.2 / 12.0, 1e-12, "employee ratio");
    close(f.fund_ratios.resident, 1.25, 1e-12, "resident ratio");
    // 附件“基金调节系数=基金可支付月数÷基金安全要求可支付月数”, the lower of the two
    close(f.fund_coef, 1.1833, 1e-4, "fund_coef");
    // 附件“患者调节系数=(本地参保人在本地出院人次-本地参保人在异地出院人次+异地参保人在本地出院人次)÷本地参保人在本地出院人次”
    close(f.patient_coef, 0.964, 1e-12, "patient_coef");
    close(f.measured_beds_per_1000, 8.8128, 1e-4, "measured");
    assert!(f.missing.is_empty(), "{:?}", f.missing);

    let l = f.county("lanshan").expect("lanshan figures");
    close(l.actual_beds_per_1000, 8.162, 1e-4, "lanshan actual");
    close(l.required_beds, 12_489.14, 1e-2, "lanshan required");
    close(l.measured_raw_per_1000, 7.3466, 1e-4, "lanshan raw");
    close(l.fund_coef, 1.1833, 1e-4, "lanshan fund_coef (the city's: municipal pooling)");
    close(l.patient_coef, 0.964, 1e-12, "lanshan patient_coef (falls back to the city's)");
    assert_eq!(l.patient_coef_from, "city");
    close(l.measured_beds_per_1000, 8.3805, 1e-4, "lanshan measured");
}

#[test]
fn fund_coef_source_and_switches() {
    // 附件“基金调节系数=基金可支付月数÷基金安全要求可支付月数”：取哪项基金、是否计入为参数
    let fc = |sc: Sc| sc.eval().figures.fund_coef;
    close(fc(Sc::linyi().set("fund_coef_source", "employee")), 14.2 / 12.0, 1e-12, "employee");
    close(fc(Sc::linyi().set("fund_coef_source", "resident")), 1.25, 1e-12, "resident");
    close(fc(Sc::linyi().set("fund_coef_source", "lower")), 14.2 / 12.0, 1e-12, "lower");
    // The lower one is the resident fund when it is the tighter one.
    close(fc(Sc::linyi().fund(|f| f.resident_months = Some(6.6))), 1.1, 1e-12, "lower = resident");

    // Either coefficient can be switched off (= 1).
    let f = Sc::linyi().set("fund_coef_enabled", false).set("patient_coef_enabled", false).eval().figures;
    assert_eq!(f.fund_coef, Some(1.0));
    assert_eq!(f.patient_coef, Some(1.0));
    close(f.measured_beds_per_1000, 7.7255, 1e-4, "measured = raw");
    let l = f.county("lanshan").unwrap();
    assert_eq!((l.fund_coef, l.patient_coef, l.patient_coef_from), (Some(1.0), Some(1.0), "off"));
    close(l.measured_beds_per_1000, 7.3466, 1e-4, "lanshan measured = raw");

    // The minimum months are the denominators.
    let f = Sc::linyi().set("employee_fund_min_months", 10).set("fund_coef_source", "employee").eval().figures;
    close(f.fund_coef, 1.42, 1e-12, "14.2 / 10");
}

#[test]
fn county_patient_coef_uses_its_own_discharges_when_given() {
    // 附件“患者调节系数=(本地参保人在本地出院人次-本地参保人在异地出院人次+异地参保人在本地出院人次)÷本地参保人在本地出院人次”，县区以本县为“本地”
    let e = Sc::linyi()
        .county(dingdian::scenario::County {
            discharges: Some(Discharges { local_local: 1000, local_elsewhere: 300, nonlocal_local: 100 }),
            ..county_measuring("k", 8.0)
        })
        .eval();
    let k = e.figures.county("k").unwrap();
    assert_eq!(k.patient_coef_from, "county");
    close(k.patient_coef, 0.8, 1e-12, "k patient_coef");
    close(k.fund_coef, 14.2 / 12.0, 1e-12, "k fund_coef (city's)");
    close(k.measured_beds_per_1000, 8.0 * 14.2 / 12.0 * 0.8, 1e-9, "k measured");
}

#[test]
fn absent_figures_are_named() {
    // 三(一)1“测算值……根据住院人次、平均住院日、病床使用率、总参保人数等因素计算” — without an input the rule says which
    let e = Sc::linyi().city(|c| c.discharges = None).eval();
    assert_eq!(e.figures.patient_coef, None);
    assert_eq!(e.figures.measured_beds_per_1000, None);
    assert!(e.figures.missing.iter().any(|m| m == "city.discharges"), "{:?}", e.figures.missing);
    // The county falls back to the city's coefficient, which is missing too.
    assert_eq!(e.figures.county("lanshan").unwrap().measured_beds_per_1000, None);

    let d = Sc::linyi()
        .city(|c| c.discharges = None)
        .app(application(Kind::InpatientGeneral, ORIGIN).eligible().county("lanshan"))
        .decide();
    missing(&d, "inpatient.city_supply", CITY, "city.discharges");
    missing(&d, "inpatient.county_supply", COUNTY, "discharges");

    let d =
        Sc::linyi().city(|c| c.admissions = None).app(application(Kind::InpatientGeneral, ORIGIN).eligible()).decide();
    missing(&d, "inpatient.city_supply", CITY, "city.admissions");
    // Without a county the county rule cannot be judged.
    missing(&d, "inpatient.county_supply", COUNTY, "county");

    let d =
        Sc::linyi().city(|c| c.open_beds = None).app(application(Kind::InpatientGeneral, ORIGIN).eligible()).decide();
    missing(&d, "inpatient.city_supply", CITY, "city.open_beds");
}

fn hospital_in(county: &str) -> dingdian::Application {
    application(Kind::InpatientGeneral, ORIGIN).eligible().county(county)
}

#[test]
fn city_measured_below_both_suspends() {
    // 三(一)1(1)“当全市测算值<目标值和实际值时……暂停全市当年度医疗机构新增医保定点的受理和评估”
    let d = Sc::linyi().city_figures(7.0, 7.8).county(county_measuring("k", 8.0)).app(hospital_in("k")).decide();
    rule(&d, "inpatient.city_supply", Verdict::Suspend, CITY, &["7", "7.45", "7.8"]);
    rule(&d, "inpatient.county_supply", Verdict::Pass, COUNTY, &["8", "7.45"]);
    outcome(&d, Outcome::Suspended);
}

#[test]
fn city_measured_above_both_passes() {
    // 三(一)1(2)“当全市测算值>目标值和实际值时……及时将符合条件的医疗机构纳入医保定点管理”
    let d = Sc::linyi().city_figures(8.0, 7.8).county(county_measuring("k", 8.0)).app(hospital_in("k")).decide();
    rule(&d, "inpatient.city_supply", Verdict::Pass, CITY, &["8", "7.45", "7.8"]);
    outcome(&d, Outcome::Accepted);
    // The DESIGN example city: 8.81 > 7.45 and 7.8.
    let d = Sc::linyi().app(hospital_in("lanshan")).decide();
    rule(&d, "inpatient.city_supply", Verdict::Pass, CITY, &["8.81", "7.45", "7.8"]);
    rule(&d, "inpatient.county_supply", Verdict::Pass, COUNTY, &["8.38", "7.45"]);
    outcome(&d, Outcome::Accepted);
}

#[test]
fn city_measured_between_follows_between_band() {
    // 三(一)1(1)(2) say nothing when the measured value lies between target and actual
    let sc = || Sc::linyi().city_figures(7.6, 7.8).county(county_measuring("k", 8.0)).app(hospital_in("k"));
    let d = sc().decide();
    let e = rule(&d, "inpatient.city_supply", Verdict::Gap, CITY, &["7.6", "7.45", "7.8"]);
    assert_eq!(e.switch.as_deref(), Some("between_band"));
    outcome(&d, Outcome::Undetermined);

    let d = sc().set("between_band", "suspend").decide();
    let e = rule(&d, "inpatient.city_supply", Verdict::Suspend, CITY, &["7.6"]);
    assert_eq!(e.switch.as_deref(), Some("between_band"));
    outcome(&d, Outcome::Suspended);

    let d = sc().set("between_band", "pass").decide();
    let e = rule(&d, "inpatient.city_supply", Verdict::Pass, CITY, &["7.6"]);
    assert_eq!(e.switch.as_deref(), Some("between_band"));
    outcome(&d, Outcome::Accepted);

    // Above actual but below target is between too.
    let d = Sc::linyi().city_figures(7.3, 7.0).county(county_measuring("k", 8.0)).app(hospital_in("k")).decide();
    rule(&d, "inpatient.city_supply", Verdict::Gap, CITY, &["7.3", "7.45", "7"]);
}

#[test]
fn city_measured_equal_to_the_target_is_in_the_band() {
    // “<目标值和实际值” and “>目标值和实际值” are strict: equal to one of them is neither
    let base = Sc::linyi().city_figures(7.6, 7.2).county(county_measuring("k", 8.0)).app(hospital_in("k"));
    let measured = base.eval().figures.measured_beds_per_1000.unwrap();
    let d = base.set("target_beds_per_1000", measured).decide();
    let e = rule(&d, "inpatient.city_supply", Verdict::Gap, CITY, &["7.6"]);
    assert_eq!(e.switch.as_deref(), Some("between_band"));
}

#[test]
fn target_is_a_parameter() {
    // 三(一)1“每千常住人口床位数目标值……为7.45张”（“十五五”规划出台后按新规划）
    let d = Sc::linyi().set("target_beds_per_1000", 9.0).app(hospital_in("lanshan")).decide();
    rule(&d, "inpatient.city_supply", Verdict::Gap, CITY, &["8.81", "9", "7.8"]);
    rule(&d, "inpatient.county_supply", Verdict::Suspend, COUNTY, &["8.38", "9"]);
}

#[test]
fn city_supply_scope_inpatient_or_all_medical() {
    // 三(一)1(1) sits under “提供住院服务的医疗机构” but says “医疗机构新增医保定点”
    let sc = || Sc::linyi().city_figures(7.0, 7.8).app(application(Kind::Outpatient, ORIGIN).eligible());
    let d = sc().decide();
    let e = rule(&d, "inpatient.city_supply", Verdict::NotApplicable, CITY, &[]);
    assert_eq!(e.switch.as_deref(), Some("city_supply_scope"));
    outcome(&d, Outcome::Accepted);

    let d = sc().set("city_supply_scope", "all_medical").decide();
    let e = rule(&d, "inpatient.city_supply", Verdict::Suspend, CITY, &["7", "7.45", "7.8"]);
    assert_eq!(e.switch.as_deref(), Some("city_supply_scope"));
    outcome(&d, Outcome::Suspended);

    // A pharmacy is not a 医疗机构 under either reading.
    let d = Sc::linyi()
        .set("city_supply_scope", "all_medical")
        .city_figures(7.0, 7.8)
        .app(pharmacy_app(&[dingdian::scenario::Category::Ordinary], ORIGIN).eligible())
        .decide();
    rule(&d, "inpatient.city_supply", Verdict::NotApplicable, CITY, &[]);
    outcome(&d, Outcome::Accepted);
}

#[test]
fn county_measured_below_target_suspends_in_that_county_only() {
    // 三(一)1①“上年度基本医保定点千人测算床位数小于每千常住人口目标床位数的”，暂停县域内本年度新增住院医保定点受理评估
    let sc = |county: &str| {
        Sc::linyi()
            .county(county_measuring("poor", 6.0)) // 6.0 × 1.1833 × 0.964 = 6.84 < 7.45
            .county(county_measuring("rich", 7.0)) // 7.0 × 1.1833 × 0.964 = 7.99 ≥ 7.45
            .app(hospital_in(county))
    };
    let d = sc("poor").decide();
    let e = rule(&d, "inpatient.county_supply", Verdict::Suspend, COUNTY, &["6.84", "7.45"]);
    zh_has(e, "poor县");
    rule(&d, "inpatient.city_supply", Verdict::Pass, CITY, &[]);
    outcome(&d, Outcome::Suspended);

    let d = sc("rich").decide();
    rule(&d, "inpatient.county_supply", Verdict::Pass, COUNTY, &["7.99", "7.45"]);
    outcome(&d, Outcome::Accepted);

    // Evaluated whatever the city result: under a city suspension the county is still judged.
    let d = Sc::linyi().city_figures(7.0, 7.8).county(county_measuring("poor", 6.0)).app(hospital_in("poor")).decide();
    rule(&d, "inpatient.city_supply", Verdict::Suspend, CITY, &[]);
    rule(&d, "inpatient.county_supply", Verdict::Suspend, COUNTY, &["6", "7.45"]);

    // Inpatient only: an outpatient applicant in the poor county is not concerned.
    let d = Sc::linyi()
        .county(county_measuring("poor", 6.0))
        .app(application(Kind::Outpatient, ORIGIN).eligible().county("poor"))
        .decide();
    rule(&d, "inpatient.county_supply", Verdict::NotApplicable, COUNTY, &[]);
    outcome(&d, Outcome::Accepted);

    // A specialty hospital is an inpatient institution too.
    let d = Sc::linyi()
        .county(county_measuring("poor", 6.0))
        .app(application(Kind::InpatientSpecialty, ORIGIN).eligible().county("poor").specialty(Specialty::Nursing))
        .decide();
    rule(&d, "inpatient.county_supply", Verdict::Suspend, COUNTY, &["7.45"]);
}

#[test]
fn county_supply_uses_the_countys_measured_not_the_actual() {
    // 三(一)1① compares the county's 测算值 with the target; a county with many beds (actual 20) but
    // a low measured value is suspended.
    let d = Sc::linyi()
        .county(dingdian::scenario::County { open_beds: Some(20_000), ..county_measuring("k", 6.0) })
        .app(hospital_in("k"))
        .decide();
    let e = rule(&d, "inpatient.county_supply", Verdict::Suspend, COUNTY, &["6.84", "7.45"]);
    assert!(!e.detail.zh.contains("20"), "{:?}", e.detail.zh);
}

#[test]
fn a_zero_denominator_is_named_too() {
    // 测算值 divides by the insured: with 0 insured the figure cannot be computed, and the trace says which input.
    let d = Sc::linyi().city(|c| c.insured = Some(0)).app(hospital_in("lanshan")).decide();
    missing(&d, "inpatient.city_supply", CITY, "city.insured = 0");
    let d = Sc::linyi()
        .county(dingdian::scenario::County { insured: Some(0), ..county_measuring("k", 8.0) })
        .app(hospital_in("k"))
        .decide();
    missing(&d, "inpatient.county_supply", COUNTY, "counties[1].insured = 0");
}

#[test]
fn county_measured_equal_to_the_target_is_not_below_it() {
    // 三(一)1①“测算床位数小于……目标床位数的” — equal is not 小于
    let base = Sc::linyi().county(county_measuring("k", 7.0)).app(hospital_in("k"));
    let measured = base.eval().figures.county("k").unwrap().measured_beds_per_1000.unwrap();
    let d = base.set("target_beds_per_1000", measured).decide();
    rule(&d, "inpatient.county_supply", Verdict::Pass, COUNTY, &[]);
    // …and a hair above it suspends.
    let base = Sc::linyi().county(county_measuring("k", 7.0)).app(hospital_in("k"));
    let d = base.set("target_beds_per_1000", measured + 1e-9).decide();
    rule(&d, "inpatient.county_supply", Verdict::Suspend, COUNTY, &[]);
}

#[test]
fn county_figures_missing_are_named() {
    // 三(一)1①“上年度基本医保定点千人测算床位数” of the county needs its own figures
    let d = Sc::linyi()
        .county(dingdian::scenario::County { insured: None, ..county_measuring("k", 8.0) })
        .app(hospital_in("k"))
        .decide();
    missing(&d, "inpatient.county_supply", COUNTY, "counties[1].insured");
}

#[test]
fn the_measured_value_says_which_readings_it_rests_on() {
    // 三(一)1“基本医保需要千人床位数测算值……根据住院人次、平均住院日、病床使用率、总参保人数等因素计算”：
    // the text names the inputs, not the arithmetic; the annex defines 基金调节系数 and 患者调节系数
    // without saying how they enter. Each figure names the readings it rests on.
    let f = Sc::linyi().eval().figures;
    let ids = |rs: Vec<&dingdian::engine::figures::FigureReading>| rs.iter().map(|r| r.id).collect::<Vec<_>>();
    assert_eq!(
        ids(f.readings_of("measured_beds_per_1000")),
        ["bed_need_formula", "fund_coef_enabled", "fund_coef_source", "patient_coef_enabled"]
    );
    assert_eq!(ids(f.readings_of("required_beds")), ["bed_need_formula"]);
    assert_eq!(ids(f.readings_of("fund_coef")), ["fund_coef_enabled", "fund_coef_source"]);
    // The actual value is the text's own definition (一(一)“每千常住人口实际床位数”): no reading.
    assert!(f.readings_of("actual_beds_per_1000").is_empty());

    let formula = f.readings_of("measured_beds_per_1000")[0];
    assert_eq!(formula.kind, dingdian::engine::figures::ReadingKind::Assumption);
    assert!(formula.text.zh.contains("不是原文"), "{}", formula.text.zh);
    assert!(formula.text.en.contains("not a quote"), "{}", formula.text.en);
    let source = f.readings.iter().find(|r| r.id == "fund_coef_source").unwrap();
    assert_eq!(source.kind, dingdian::engine::figures::ReadingKind::Switch);
    assert_eq!(source.value, Some("lower".into()));

    // A county: the city's fund coefficient (municipal pooling) and, without its own discharges,
    // the city's patient coefficient are readings too.
    assert_eq!(
        ids(f.county_readings_of("lanshan", "measured_beds_per_1000")),
        [
            "bed_need_formula",
            "fund_coef_enabled",
            "fund_coef_source",
            "county_fund_coef_city",
            "patient_coef_enabled",
            "county_patient_coef_fallback"
        ]
    );
    // The numbers themselves are unchanged by the marks.
    close(f.measured_beds_per_1000, 8.8128, 1e-4, "measured");
}

#[test]
fn switching_a_coefficient_off_changes_the_marks_with_the_figure() {
    // 附件“基金调节系数=基金可支付月数÷基金安全要求可支付月数”: off, which fund it takes no longer matters.
    let f = Sc::linyi().set("fund_coef_enabled", false).eval().figures;
    let ids: Vec<&str> = f.readings_of("measured_beds_per_1000").iter().map(|r| r.id).collect();
    assert_eq!(ids, ["bed_need_formula", "fund_coef_enabled", "patient_coef_enabled"]);
    let on = f.readings.iter().find(|r| r.id == "fund_coef_enabled").unwrap();
    assert_eq!(on.value, Some(false.into()));
    assert!(on.text.en.contains("does not (= 1)"), "{}", on.text.en);

    // A county with its own discharges does not rest on the fallback.
    let e = Sc::linyi()
        .county(dingdian::scenario::County {
            discharges: Some(Discharges { local_local: 1000, local_elsewhere: 300, nonlocal_local: 100 }),
            ..county_measuring("k", 8.0)
        })
        .eval();
    let ids: Vec<&str> = e.figures.county_readings_of("k", "patient_coef").iter().map(|r| r.id).collect();
    assert_eq!(ids, ["patient_coef_enabled"]);
}
