//! linyi-2025 三(一)2 ¶2: primary care comes first. Primary-care applicants are judged by their
//! kind: the bed-supply and proximity rules of the other kinds do not apply to them.

mod common;
use common::*;
use dingdian::scenario::{Kind, Subtype};
use dingdian::{Outcome, Verdict};

const PRIO: &str = "linyi-2025 三(一)2 ¶2";

fn primary(st: Subtype) -> dingdian::Application {
    application(Kind::PrimaryCare, ORIGIN).eligible().subtype(st)
}

#[test]
fn listed_subtypes_come_first() {
    // 三(一)2“按照《临沂市‘十四五’医疗卫生服务体系规划》设立的乡镇卫生院、社区卫生服务中心……以及高等院校等内设医疗机构符合条件的，可优先纳入医保定点”
    for (st, zh) in [
        (Subtype::TownshipCentre, "乡镇卫生院"),
        (Subtype::CommunityCentre, "社区卫生服务中心"),
        (Subtype::CampusClinic, "高等院校内设医疗机构"),
    ] {
        let d = Sc::linyi().app(primary(st)).decide();
        zh_has(rule(&d, "primary_care.priority", Verdict::Priority, PRIO, &[]), zh);
        outcome(&d, Outcome::Prioritized);
    }
}

#[test]
fn stations_and_village_clinics_only_under_integrated_management() {
    // 三(一)2“社区卫生服务中心(包括一体化管理的社区卫生服务站、村卫生室)”
    for (st, zh) in [(Subtype::CommunityStation, "社区卫生服务站"), (Subtype::VillageClinic, "村卫生室")] {
        let d = Sc::linyi().app(primary(st).integrated()).decide();
        zh_has(rule(&d, "primary_care.priority", Verdict::Priority, PRIO, &[]), zh);
        outcome(&d, Outcome::Prioritized);

        let d = Sc::linyi().app(primary(st)).decide();
        let e = rule(&d, "primary_care.priority", Verdict::Pass, PRIO, &[]);
        zh_has(e, "一体化管理");
        outcome(&d, Outcome::Accepted);
    }
}

#[test]
fn an_elderly_care_clinic_is_not_listed_in_linyi() {
    // 三(一)2 lists 乡镇卫生院、社区卫生服务中心……高等院校等内设医疗机构 — no 养老机构
    let d = Sc::linyi().app(primary(Subtype::ElderlyCareClinic)).decide();
    let e = rule(&d, "primary_care.priority", Verdict::Pass, PRIO, &[]);
    zh_has(e, "不在本条列明");
    outcome(&d, Outcome::Accepted);
}

#[test]
fn subtype_missing_or_other_kind() {
    // 三(一)2“乡镇卫生院、社区卫生服务中心……可优先纳入” — needs the subtype; other kinds are not concerned
    let d = Sc::linyi().app(application(Kind::PrimaryCare, ORIGIN).eligible()).decide();
    missing(&d, "primary_care.priority", PRIO, "subtype");
    let d = Sc::linyi().app(application(Kind::Outpatient, ORIGIN).eligible()).decide();
    rule(&d, "primary_care.priority", Verdict::NotApplicable, PRIO, &[]);
}

#[test]
fn primary_care_is_free_of_the_other_kinds_bed_and_proximity_rules() {
    // 三(一)1“提供住院服务的医疗机构”、三(一)2“仅提供门诊服务的医疗机构” — rules by kind; 三(三) applies to every 医药机构
    // A township centre beside a designated hospital and clinic, in a city whose measured value
    // would suspend inpatient designations and a county below target.
    let d = Sc::linyi()
        .city_figures(7.0, 7.8)
        .county(county_measuring("k", 5.0))
        .inst(hospital("h-1", at(0.0, 100.0)))
        .inst(clinic("c-1", at(90.0, 100.0)))
        .app(primary(Subtype::TownshipCentre).county("k"))
        .decide();
    for r in ["inpatient.city_supply", "inpatient.county_supply", "inpatient.same_type_nearby", "outpatient.nearby", "pharmacy.same_type_nearby"] {
        assert_eq!(entry(&d, r).verdict, Verdict::NotApplicable, "{r}\n{}", show(&d));
    }
    outcome(&d, Outcome::Prioritized);

    // …but the fund, eligibility and staffing rules still apply.
    let d = Sc::linyi().fund(|f| f.employee_deficit = Some(true)).app(primary(Subtype::TownshipCentre)).decide();
    outcome(&d, Outcome::Suspended);
    let d = Sc::linyi()
        .app(primary(Subtype::TownshipCentre).beds(150).staff(1).with(|a| a.insurance_dept = Some(true)))
        .decide();
    rule(&d, "staffing.insurance_office", Verdict::Fail, "linyi-2019 政策措施(二)", &["150", "3", "1"]);
    outcome(&d, Outcome::Rejected);
}
