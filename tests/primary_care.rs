//! linyi-2025 三(一): the rules apply by the service an applicant provides. 三(一)1 governs
//! "提供住院服务的医疗机构", 三(一)2 "仅提供门诊服务的医疗机构"; the primary-care list of 三(一)2 ¶2
//! ("可优先纳入") gives priority and exempts nothing.

mod common;
use common::*;
use dingdian::scenario::{Kind, Subtype};
use dingdian::{Outcome, Verdict};

const PRIO: &str = "linyi-2025 三(一)2 ¶2";
const CITY: &str = "linyi-2025 三(一)1(1)(2)";
const COUNTY: &str = "linyi-2025 三(一)1①";
const SAME_TYPE: &str = "linyi-2025 三(一)1②";
const OUTPATIENT: &str = "linyi-2025 三(一)2";

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
        let e = rule(&d, "primary_care.priority", Verdict::Priority, PRIO, &[]);
        zh_has(e, zh);
        note_has(e, "不是豁免");
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
        note_has(e, "按其提供的服务");
        outcome(&d, Outcome::Accepted);
    }
}

#[test]
fn a_village_clinic_outside_integrated_management_is_judged_as_an_outpatient_only_clinic() {
    // 三(一)2“在‘15分钟医保服务圈’范围内有提供门诊服务的定点医疗机构的，不再受理仅提供门诊服务的新增定点申请”:
    // a village clinic not under integrated management, 100 m from a designated clinic, is rejected
    // as an ordinary clinic at the same spot is (it was accepted when rules went by kind).
    let sc = |app| Sc::linyi().inst(clinic("c-1", at(0.0, 100.0))).app(app).decide();
    let village = sc(primary(Subtype::VillageClinic));
    let clinic_there = sc(application(Kind::Outpatient, ORIGIN).eligible());
    for d in [&village, &clinic_there] {
        rule(d, "outpatient.nearby", Verdict::Fail, OUTPATIENT, &["800", "100"]);
        outcome(d, Outcome::Rejected);
    }
    // Unlisted primary care gets no priority either.
    rule(&village, "primary_care.priority", Verdict::Pass, PRIO, &[]);
}

#[test]
fn a_listed_station_within_the_circle_is_a_switch_with_the_literal_reading_as_default() {
    // 三(一)2: the 800 m sentence and "一体化管理的社区卫生服务站……符合条件的，可优先纳入" pull apart
    // for an integrated station 300 m from a designated clinic. Literal: priority is no exemption.
    let sc = || Sc::linyi().inst(clinic("c-1", at(45.0, 300.0))).app(primary(Subtype::CommunityStation).integrated());
    let d = sc().decide();
    let e = rule(&d, "outpatient.nearby", Verdict::Fail, OUTPATIENT, &["300"]);
    assert_eq!(e.switch.as_deref(), Some("listed_primary_care_circle"));
    rule(&d, "primary_care.priority", Verdict::Priority, PRIO, &[]);
    outcome(&d, Outcome::Rejected);

    let d = sc().set("listed_primary_care_circle", "priority_prevails").decide();
    let e = rule(&d, "outpatient.nearby", Verdict::NotApplicable, OUTPATIENT, &[]);
    assert_eq!(e.switch.as_deref(), Some("listed_primary_care_circle"));
    outcome(&d, Outcome::Prioritized);

    // The gaps report lists the case among the readings in force.
    let report =
        Sc::linyi().inst(clinic("c-1", at(45.0, 300.0))).app(primary(Subtype::CommunityStation).integrated()).gaps();
    assert!(
        report
            .readings
            .iter()
            .any(|r| r.switch.as_deref() == Some("listed_primary_care_circle") && r.applications == ["a-1"]),
        "{:#?}",
        report.readings
    );
}

#[test]
fn a_township_centre_with_beds_is_judged_by_the_inpatient_rules() {
    // 三(一)1(1)“当全市测算值<目标值和实际值时，以优化存量为主，暂停全市当年度医疗机构新增医保定点的受理和评估”:
    // a 40-bed 乡镇卫生院 provides inpatient care; it is suspended as a 40-bed hospital at the same
    // spot is (it was prioritized when rules went by kind). Priority does not lift a suspension.
    let sc = |app| Sc::linyi().city_figures(7.0, 7.8).app(app).decide();
    let centre = sc(primary(Subtype::TownshipCentre).beds(40));
    let hospital_there = sc(application(Kind::InpatientGeneral, ORIGIN).eligible().beds(40));
    for d in [&centre, &hospital_there] {
        rule(d, "inpatient.city_supply", Verdict::Suspend, CITY, &["7.45", "7.8"]);
        rule(d, "outpatient.nearby", Verdict::NotApplicable, OUTPATIENT, &[]);
        outcome(d, Outcome::Suspended);
    }
    rule(&centre, "primary_care.priority", Verdict::Priority, PRIO, &[]);

    // 三(一)1①“上年度基本医保定点千人测算床位数小于每千常住人口目标床位数的”: the county rule too.
    let d = Sc::linyi()
        .county(county_measuring("k", 5.0))
        .app(primary(Subtype::CommunityCentre).beds(20).county("k"))
        .decide();
    rule(&d, "inpatient.county_supply", Verdict::Suspend, COUNTY, &["5", "7.45"]);
    outcome(&d, Outcome::Suspended);
}

#[test]
fn same_type_for_a_primary_care_inpatient_provider_is_a_switch() {
    // 三(一)1②“‘15分钟医保服务圈’范围内已有同类型综合性或专科定点医疗机构的”: the text does not say what a
    // township centre with beds is the same type as. Default: another primary-care inpatient provider.
    let centre_with_beds = |id: &str, p| {
        let mut i = inst(id, Kind::PrimaryCare, p);
        i.subtype = Some(Subtype::TownshipCentre);
        i.beds = Some(30);
        i
    };
    let app = || primary(Subtype::TownshipCentre).beds(40);

    let d = Sc::linyi().inst(centre_with_beds("t-1", at(0.0, 500.0))).app(app()).decide();
    let e = rule(&d, "inpatient.same_type_nearby", Verdict::Fail, SAME_TYPE, &["500"]);
    assert!(
        e.assumptions.iter().any(|a| a == "primary_care_same_type")
            || e.switch.as_deref() == Some("primary_care_same_type"),
        "{}",
        show(&d)
    );
    outcome(&d, Outcome::Rejected);

    // A general hospital is not the same type under the default reading…
    let sc = || Sc::linyi().inst(hospital("h-1", at(0.0, 500.0))).app(app());
    let d = sc().decide();
    let e = rule(&d, "inpatient.same_type_nearby", Verdict::Pass, SAME_TYPE, &[]);
    assert_eq!(e.switch.as_deref(), Some("primary_care_same_type"));
    outcome(&d, Outcome::Prioritized);
    // …and is under the other.
    let d = sc().set("primary_care_same_type", "general").decide();
    rule(&d, "inpatient.same_type_nearby", Verdict::Fail, SAME_TYPE, &["500"]);
    outcome(&d, Outcome::Rejected);

    // A centre without beds is no inpatient neighbour.
    let mut no_beds = centre_with_beds("t-2", at(0.0, 500.0));
    no_beds.beds = Some(0);
    rule(&Sc::linyi().inst(no_beds).app(app()).decide(), "inpatient.same_type_nearby", Verdict::Pass, SAME_TYPE, &[]);
}

#[test]
fn a_centre_whose_beds_are_not_stated_is_told_what_is_missing() {
    // 三(一)1 and 三(一)2 sort by service: without its beds, which applies is unknown.
    let d = Sc::linyi().inst(clinic("c-1", at(0.0, 100.0))).app(primary(Subtype::TownshipCentre)).decide();
    for (r, clause) in [
        ("inpatient.county_supply", COUNTY),
        ("inpatient.same_type_nearby", SAME_TYPE),
        ("outpatient.nearby", OUTPATIENT),
    ] {
        missing(&d, r, clause, "beds");
    }
}

#[test]
fn an_elderly_care_clinic_is_listed_only_if_the_etc_switch_takes_it_in() {
    // 三(一)2“以及高等院校等内设医疗机构”: “等” is no closed list; whether it takes in an elderly-care-home
    // clinic (linyi-2019 names 医养结合) is a switch, off by default.
    let d = Sc::linyi().app(primary(Subtype::ElderlyCareClinic)).decide();
    let e = rule(&d, "primary_care.priority", Verdict::Pass, PRIO, &[]);
    zh_has(e, "不在本条列明");
    assert_eq!(e.switch.as_deref(), Some("in_house_clinics_etc"));
    outcome(&d, Outcome::Accepted);

    let d = Sc::linyi().set("in_house_clinics_etc", true).app(primary(Subtype::ElderlyCareClinic)).decide();
    let e = rule(&d, "primary_care.priority", Verdict::Priority, PRIO, &[]);
    assert_eq!(e.switch.as_deref(), Some("in_house_clinics_etc"));
    outcome(&d, Outcome::Prioritized);

    // Either way it provides outpatient care only, and the 800 m rule judges it.
    let d = Sc::linyi()
        .set("in_house_clinics_etc", true)
        .inst(clinic("c-1", at(0.0, 100.0)))
        .app(primary(Subtype::ElderlyCareClinic))
        .decide();
    rule(&d, "outpatient.nearby", Verdict::Fail, OUTPATIENT, &["100"]);
    outcome(&d, Outcome::Rejected);
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
fn the_fund_eligibility_and_staffing_rules_bind_primary_care_too() {
    // 三(三)“暂停全市当年度医药机构新增医保定点的受理和评估” applies to every 医药机构
    let d = Sc::linyi().fund(|f| f.employee_deficit = Some(true)).app(primary(Subtype::TownshipCentre)).decide();
    outcome(&d, Outcome::Suspended);
    let d = Sc::linyi()
        .app(primary(Subtype::TownshipCentre).beds(150).staff(1).with(|a| a.insurance_dept = Some(true)))
        .decide();
    rule(&d, "staffing.insurance_office", Verdict::Fail, "linyi-2019 政策措施(二)", &["150", "3", "1"]);
    outcome(&d, Outcome::Rejected);
}
