//! linyi-2019 (临医保发〔2019〕74号) eligibility conditions that come with the Linyi preset: the
//! admission negative list and insurance-office staffing. Xi'an's preset leaves both off.

mod common;
use common::*;
use dingdian::scenario::{Category, Kind, NegativeReason};
use dingdian::{Outcome, Verdict};

const NEG: &str = "linyi-2019 政策措施(三)";
const STAFF: &str = "linyi-2019 政策措施(二)";

fn listed_since(since: &str, as_of: &str) -> dingdian::Decision {
    Sc::linyi()
        .as_of(as_of)
        .app(pharmacy_app(&[Category::Ordinary], ORIGIN).eligible().negative(NegativeReason::FalseMaterials, since))
        .decide()
}

#[test]
fn negative_list_bars_for_three_years_to_the_day() {
    // 政策措施(三)“对提供虚假申请材料的、已被解除医保服务协议的、列入失信黑名单的，三年内不受理医保定点申请”
    let d = listed_since("2023-03-01", "2026-02-28");
    let e = rule(&d, "negative_list", Verdict::Fail, NEG, &["2023-03-01", "3", "2026-03-01"]);
    zh_has(e, "提供虚假申请材料");
    outcome(&d, Outcome::Rejected);

    // On the anniversary the bar ends.
    let d = listed_since("2023-03-01", "2026-03-01");
    rule(&d, "negative_list", Verdict::Pass, NEG, &["2023-03-01", "2026-03-01"]);
    outcome(&d, Outcome::Accepted);
}

#[test]
fn negative_list_from_29_february_ends_on_28_february() {
    // 政策措施(三)“……三年内不受理医保定点申请”：2024-02-29起，三年届满于2027-02-28
    let d = listed_since("2024-02-29", "2027-02-27");
    rule(&d, "negative_list", Verdict::Fail, NEG, &["2024-02-29", "2027-02-28"]);
    let d = listed_since("2024-02-29", "2027-02-28");
    rule(&d, "negative_list", Verdict::Pass, NEG, &["2027-02-28"]);
}

#[test]
fn negative_list_every_reason_bites_and_the_years_are_a_parameter() {
    // 政策措施(三)“……已被解除医保服务协议的、列入失信黑名单的，三年内不受理医保定点申请”
    for (reason, zh) in
        [(NegativeReason::AgreementTerminated, "已被解除医保服务协议"), (NegativeReason::Blacklisted, "列入失信黑名单")]
    {
        let d = Sc::linyi()
            .app(pharmacy_app(&[Category::Ordinary], ORIGIN).eligible().negative(reason, "2025-01-01"))
            .decide();
        let e = rule(&d, "negative_list", Verdict::Fail, NEG, &["2025-01-01", "2028-01-01"]);
        zh_has(e, zh);
    }
    // With a one-year bar the same entry has run out by 2026-03-01.
    let d = Sc::linyi()
        .set("negative_list_years", 1)
        .app(pharmacy_app(&[Category::Ordinary], ORIGIN).eligible().negative(NegativeReason::Blacklisted, "2025-01-01"))
        .decide();
    rule(&d, "negative_list", Verdict::Pass, NEG, &["2026-01-01"]);
}

#[test]
fn negative_list_absent_is_not_applicable_and_future_date_not_in_force() {
    // 政策措施(三)“探索建立准入负面清单制度” — applies only to an applicant on the list
    let d = Sc::linyi().app(pharmacy_app(&[Category::Ordinary], ORIGIN).eligible()).decide();
    rule(&d, "negative_list", Verdict::NotApplicable, NEG, &[]);
    let d = listed_since("2026-06-01", "2026-03-01");
    rule(&d, "negative_list", Verdict::Pass, NEG, &["2026-06-01"]);
}

#[test]
fn negative_list_binds_a_key_project_too() {
    // 三(四)3“列入中央、省、市重点建设项目的医疗机构，不受本规划限制” — but the 2019 negative list is an eligibility condition
    let d = Sc::linyi()
        .app(
            application(Kind::InpatientGeneral, ORIGIN)
                .eligible()
                .county("lanshan")
                .key(Some(dingdian::scenario::KeyLevel::Central))
                .negative(NegativeReason::AgreementTerminated, "2025-06-01"),
        )
        .decide();
    rule(&d, "exempt.key_project", Verdict::Exempt, "linyi-2025 三(四)3", &[]);
    let e = rule(&d, "negative_list", Verdict::Fail, NEG, &["2025-06-01"]);
    assert_eq!(e.exempted_by, None);
    outcome(&d, Outcome::Rejected);
}

fn staffed(beds: u64, staff: u64) -> dingdian::Application {
    application(Kind::InpatientGeneral, ORIGIN)
        .eligible()
        .county("lanshan")
        .beds(beds)
        .staff(staff)
        .with(|a| a.insurance_dept = Some(true))
}

#[test]
fn staffing_tiers_at_100_and_101_beds() {
    // 政策措施(二)“100张床位及以下的医疗机构最少配备1人”
    let d = Sc::linyi().app(staffed(100, 1)).decide();
    rule(&d, "staffing.insurance_office", Verdict::Pass, STAFF, &["100", "1"]);
    outcome(&d, Outcome::Accepted);
    let d = Sc::linyi().app(staffed(100, 0)).decide();
    rule(&d, "staffing.insurance_office", Verdict::Fail, STAFF, &["100", "1", "0"]);
    outcome(&d, Outcome::Rejected);

    // 政策措施(二)“101张-1000张床位的原则上不少于3人”
    let d = Sc::linyi().app(staffed(101, 2)).decide();
    let e = rule(&d, "staffing.insurance_office", Verdict::Fail, STAFF, &["101", "3", "2"]);
    assert_eq!(e.switch.as_deref(), Some("staffing_is_admission_condition"));
    outcome(&d, Outcome::Rejected);
    let d = Sc::linyi().app(staffed(101, 3)).decide();
    rule(&d, "staffing.insurance_office", Verdict::Pass, STAFF, &["101", "3"]);
}

#[test]
fn staffing_over_1000_beds_needs_five() {
    // 政策措施(二)“1000张床位以上的原则上不少于5人”
    let d = Sc::linyi().app(staffed(1001, 4)).decide();
    rule(&d, "staffing.insurance_office", Verdict::Fail, STAFF, &["1001", "5", "4"]);
    let d = Sc::linyi().app(staffed(1001, 5)).decide();
    rule(&d, "staffing.insurance_office", Verdict::Pass, STAFF, &["1001", "5"]);
}

#[test]
fn staffing_at_exactly_1000_beds_follows_the_switch() {
    // 政策措施(二)“101张-1000张……不少于3人”与“1000张床位以上……不少于5人”在1000张处重叠
    let d = Sc::linyi().app(staffed(1000, 3)).decide();
    let e = rule(&d, "staffing.insurance_office", Verdict::Pass, STAFF, &["1000", "3"]);
    assert_eq!(e.switch.as_deref(), Some("staffing_at_1000_beds"));

    let d = Sc::linyi().set("staffing_at_1000_beds", "5").app(staffed(1000, 3)).decide();
    let e = rule(&d, "staffing.insurance_office", Verdict::Fail, STAFF, &["1000", "5", "3"]);
    assert_eq!(e.switch.as_deref(), Some("staffing_at_1000_beds"));
    outcome(&d, Outcome::Rejected);

    // The number form of the choice is accepted too.
    let d = Sc::linyi().set("staffing_at_1000_beds", 5).app(staffed(1000, 5)).decide();
    rule(&d, "staffing.insurance_office", Verdict::Pass, STAFF, &["1000", "5"]);
}

#[test]
fn staffing_not_an_admission_condition_passes_with_a_warning() {
    // 政策措施(二)“……原则上不少于3人”：按开关解释为定点机构的义务而非受理条件
    let d = Sc::linyi().set("staffing_is_admission_condition", false).app(staffed(500, 1)).decide();
    let e = rule(&d, "staffing.insurance_office", Verdict::Pass, STAFF, &["500", "3", "1"]);
    assert_eq!(e.switch.as_deref(), Some("staffing_is_admission_condition"));
    note_has(e, "不作为受理条件");
    outcome(&d, Outcome::Accepted);
}

#[test]
fn staffing_needs_beds_and_staff_and_concerns_medical_institutions() {
    // 政策措施(二)“定点医疗机构要加强内设医保机构和队伍建设，成立医保办” — medical institutions, by their beds
    let d = Sc::linyi().app(application(Kind::InpatientGeneral, ORIGIN).eligible().county("lanshan").staff(2)).decide();
    missing(&d, "staffing.insurance_office", STAFF, "beds");
    let d = Sc::linyi().app(application(Kind::InpatientGeneral, ORIGIN).eligible().county("lanshan").beds(50)).decide();
    missing(&d, "staffing.insurance_office", STAFF, "insurance_office_staff");
    let d = Sc::linyi().app(pharmacy_app(&[Category::Ordinary], ORIGIN).eligible()).decide();
    rule(&d, "staffing.insurance_office", Verdict::NotApplicable, STAFF, &[]);
}

#[test]
fn xian_has_neither_rule_unless_the_user_turns_it_on() {
    // 临医保发〔2019〕74号 is Linyi’s notice: 西安规划无负面清单和医保办人员配备条款
    let app = || {
        application(Kind::Outpatient, ORIGIN)
            .eligible()
            .beds(500)
            .staff(1)
            .with(|a| a.insurance_dept = Some(true))
            .negative(NegativeReason::Blacklisted, "2025-01-01")
    };
    let d = Sc::xian().app(app()).decide();
    assert!(!has_entry(&d, "negative_list") && !has_entry(&d, "staffing.insurance_office"), "{}", show(&d));
    outcome(&d, Outcome::Accepted);

    let d = Sc::xian().set("negative_list", true).set("staffing.insurance_office", true).app(app()).decide();
    let e = rule(&d, "negative_list", Verdict::Fail, NEG, &["2025-01-01"]);
    note_has(e, "本条由用户开启");
    let e = rule(&d, "staffing.insurance_office", Verdict::Fail, STAFF, &["500", "3"]);
    note_has(e, "西安");
    outcome(&d, Outcome::Rejected);
}
