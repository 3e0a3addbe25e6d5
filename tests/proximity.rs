//! The “15分钟医保服务圈” rules of linyi-2025 (service radius 800 m, 二(三)1): same-type
//! pharmacies, same-type inpatient institutions, outpatient providers; the radius boundary
//! (distance ≤ r is inside); address changes and new sites (三(四)).

mod common;
use common::*;
use dingdian::scenario::{Category, Change, Kind, Scope, Specialty};
use dingdian::spatial::haversine_m;
use dingdian::text::num;
use dingdian::{Outcome, Verdict};

const PHARM: &str = "linyi-2025 三(二)";
const INPAT: &str = "linyi-2025 三(一)1②";
const OUTPAT: &str = "linyi-2025 三(一)2";

use Category::{Chronic, Ordinary, SpecialDrug};

fn pharmacy_near(cats: &[Category], p: (f64, f64)) -> Sc {
    Sc::linyi().inst(pharmacy("p-1", cats, p)).app(pharmacy_app(&[Ordinary], ORIGIN).eligible())
}

#[test]
fn design_example_pharmacy_143_7_m_away_is_rejected() {
    // 三(二)“‘15分钟医保服务圈’范围内已有同类型定点零售药店的，不再受理新增定点申请”
    let d = Sc::linyi()
        .inst(pharmacy("p-001", &[Ordinary, Chronic], (118.35, 35.05)))
        .app(pharmacy_app(&[Ordinary], (118.351, 35.051)))
        .decide();
    let e = rule(&d, "pharmacy.same_type_nearby", Verdict::Fail, PHARM, &["800", "143.7"]);
    assert_eq!(e.detail.zh, "800 米内已有同类定点药店（最近 143.7 米）");
    assert_eq!(e.detail.en, "a designated pharmacy of the same type within 800 m (nearest 143.7 m)");
    outcome(&d, Outcome::Rejected);
}

#[test]
fn a_neighbour_on_the_very_site_is_said_to_be_there_not_0_m_away() {
    // The applicant stands where a designated pharmacy of the same type already is.
    let d = pharmacy_near(&[Ordinary], ORIGIN).decide();
    let e = rule(&d, "pharmacy.same_type_nearby", Verdict::Fail, PHARM, &["800"]);
    assert_eq!(e.detail.zh, "800 米内已有同类定点药店（就在同一地点）");
    assert!(e.detail.en.ends_with("(at the very same site)"), "{}", e.detail.en);
    outcome(&d, Outcome::Rejected);
}

#[test]
fn radius_boundary_is_inclusive() {
    // 二(三)1“服务半径800米范围内”: a neighbour exactly at the radius is inside (distance ≤ r)
    let p = at(37.0, 512.3);
    let d_m = haversine_m(ORIGIN.0, ORIGIN.1, p.0, p.1);
    let d = pharmacy_near(&[Ordinary], p).set("service_radius_m", d_m).decide();
    rule(&d, "pharmacy.same_type_nearby", Verdict::Fail, PHARM, &[&num(d_m, 1)]);
    outcome(&d, Outcome::Rejected);

    let d = pharmacy_near(&[Ordinary], p).set("service_radius_m", d_m * (1.0 - 1e-9)).decide();
    let e = rule(&d, "pharmacy.same_type_nearby", Verdict::Pass, PHARM, &[&num(d_m, 1)]);
    zh_has(e, "米内没有");
    outcome(&d, Outcome::Accepted);

    // The same boundary for the outpatient and inpatient circles.
    let d = Sc::linyi()
        .inst(clinic("c-1", p))
        .app(application(Kind::Outpatient, ORIGIN).eligible())
        .set("service_radius_m", d_m)
        .decide();
    rule(&d, "outpatient.nearby", Verdict::Fail, OUTPAT, &[&num(d_m, 1)]);
    let d = Sc::linyi()
        .inst(clinic("c-1", p))
        .app(application(Kind::Outpatient, ORIGIN).eligible())
        .set("service_radius_m", d_m * (1.0 - 1e-9))
        .decide();
    rule(&d, "outpatient.nearby", Verdict::Pass, OUTPAT, &[]);
    let d = Sc::linyi()
        .inst(hospital("h-1", p))
        .app(application(Kind::InpatientGeneral, ORIGIN).eligible().county("lanshan"))
        .set("service_radius_m", d_m)
        .decide();
    rule(&d, "inpatient.same_type_nearby", Verdict::Fail, INPAT, &[&num(d_m, 1)]);
    let d = Sc::linyi()
        .inst(hospital("h-1", p))
        .app(application(Kind::InpatientGeneral, ORIGIN).eligible().county("lanshan"))
        .set("service_radius_m", d_m * (1.0 - 1e-9))
        .decide();
    rule(&d, "inpatient.same_type_nearby", Verdict::Pass, INPAT, &[]);
}

#[test]
fn default_radius_is_800_m() {
    // 二(三)1“构建‘15分钟医保服务圈’(指服务半径800米范围内，下同)”
    let d = pharmacy_near(&[Ordinary], at(200.0, 799.0)).decide();
    rule(&d, "pharmacy.same_type_nearby", Verdict::Fail, PHARM, &["800", "799"]);
    let d = pharmacy_near(&[Ordinary], at(200.0, 801.0)).decide();
    rule(&d, "pharmacy.same_type_nearby", Verdict::Pass, PHARM, &["800", "801"]);
    // A wider radius reaches it.
    let d = pharmacy_near(&[Ordinary], at(200.0, 801.0)).set("service_radius_m", 1000).decide();
    rule(&d, "pharmacy.same_type_nearby", Verdict::Fail, PHARM, &["1000", "801"]);
}

#[test]
fn pharmacy_same_type_means_a_category_in_common() {
    // 三(二)“已有同类型定点零售药店的” — same type: at least one category in common
    let app = |cats: &[Category]| pharmacy_app(cats, ORIGIN).eligible();
    let near = at(10.0, 300.0);
    let d = Sc::linyi().inst(pharmacy("p-1", &[Ordinary], near)).app(app(&[Chronic])).decide();
    let e = rule(&d, "pharmacy.same_type_nearby", Verdict::Pass, PHARM, &["800"]);
    note_has(e, "门诊慢特病");
    outcome(&d, Outcome::Accepted);

    let d = Sc::linyi().inst(pharmacy("p-1", &[Ordinary, Chronic], near)).app(app(&[Chronic])).decide();
    rule(&d, "pharmacy.same_type_nearby", Verdict::Fail, PHARM, &["300"]);

    let d = Sc::linyi().inst(pharmacy("p-1", &[Chronic], near)).app(app(&[Ordinary, Chronic])).decide();
    rule(&d, "pharmacy.same_type_nearby", Verdict::Fail, PHARM, &["300"]);

    let d = Sc::linyi().inst(pharmacy("p-1", &[SpecialDrug], near)).app(app(&[Ordinary, Chronic])).decide();
    rule(&d, "pharmacy.same_type_nearby", Verdict::Pass, PHARM, &[]);

    // A pharmacy without a stated category is an ordinary one.
    let mut plain = pharmacy("p-1", &[Ordinary], near);
    plain.category = None;
    let d = Sc::linyi().inst(plain).app(app(&[Ordinary])).decide();
    rule(&d, "pharmacy.same_type_nearby", Verdict::Fail, PHARM, &["300"]);
}

#[test]
fn only_designated_pharmacies_count_and_the_nearest_is_reported() {
    // 三(二)“已有同类型定点零售药店” — a non-designated one is not a 定点 pharmacy
    let d = Sc::linyi()
        .inst(pharmacy("p-1", &[Ordinary], at(0.0, 100.0)).undesignated())
        .inst(pharmacy("p-2", &[Ordinary], at(180.0, 1234.5)))
        .app(pharmacy_app(&[Ordinary], ORIGIN).eligible())
        .decide();
    let e = rule(&d, "pharmacy.same_type_nearby", Verdict::Pass, PHARM, &["800", "1234.5"]);
    assert_eq!(e.detail.zh, "800 米内没有同类定点药店（最近 1234.5 米）");

    // Nothing of the type within 50 km.
    let d = Sc::linyi().app(pharmacy_app(&[Ordinary], ORIGIN).eligible()).decide();
    let e = rule(&d, "pharmacy.same_type_nearby", Verdict::Pass, PHARM, &["800"]);
    zh_has(e, "50 公里内也没有");

    // The nearest of several inside is the one reported.
    let d = Sc::linyi()
        .inst(pharmacy("p-1", &[Ordinary], at(0.0, 700.0)))
        .inst(pharmacy("p-2", &[Ordinary], at(90.0, 250.0)))
        .app(pharmacy_app(&[Ordinary], ORIGIN).eligible())
        .decide();
    rule(&d, "pharmacy.same_type_nearby", Verdict::Fail, PHARM, &["250"]);
}

#[test]
fn pharmacy_rule_does_not_concern_other_kinds() {
    // 三(二)“已有同类型定点零售药店的” concerns pharmacies; 三(一)2 counts 定点医疗机构 only
    let d = Sc::linyi()
        .inst(pharmacy("p-1", &[Ordinary], at(0.0, 50.0)))
        .app(application(Kind::Outpatient, ORIGIN).eligible())
        .decide();
    rule(&d, "pharmacy.same_type_nearby", Verdict::NotApplicable, PHARM, &[]);
    // …and a designated pharmacy is no outpatient provider.
    rule(&d, "outpatient.nearby", Verdict::Pass, OUTPAT, &[]);
    outcome(&d, Outcome::Accepted);
}

fn general_app() -> dingdian::Application {
    application(Kind::InpatientGeneral, ORIGIN).eligible().county("lanshan")
}

fn specialty_app(s: Specialty) -> dingdian::Application {
    application(Kind::InpatientSpecialty, ORIGIN).eligible().county("lanshan").specialty(s)
}

#[test]
fn inpatient_general_near_a_designated_general_is_rejected() {
    // 三(一)1②“‘15分钟医保服务圈’范围内已有同类型综合性或专科定点医疗机构的”
    let d = Sc::linyi().inst(hospital("h-1", at(45.0, 600.0))).app(general_app()).decide();
    let e = rule(&d, "inpatient.same_type_nearby", Verdict::Fail, INPAT, &["800", "600"]);
    assert_eq!(e.switch.as_deref(), Some("same_type_nearby_effect"));
    zh_has(e, "综合性住院定点医疗机构");
    outcome(&d, Outcome::Rejected);

    // Not the same type: a specialty hospital, or a non-designated general one.
    let d = Sc::linyi()
        .inst(specialty_hospital("s-1", Specialty::Orthopaedics, at(45.0, 100.0)))
        .inst(hospital("h-2", at(45.0, 200.0)).undesignated())
        .app(general_app())
        .decide();
    rule(&d, "inpatient.same_type_nearby", Verdict::Pass, INPAT, &["800"]);
    outcome(&d, Outcome::Accepted);
}

#[test]
fn inpatient_specialty_counts_the_same_specialty_only() {
    // 三(一)1②“已有同类型……专科定点医疗机构的” — same type = the same specialty
    let d = Sc::linyi()
        .inst(specialty_hospital("s-1", Specialty::Paediatrics, at(300.0, 400.0)))
        .app(specialty_app(Specialty::Paediatrics))
        .decide();
    let e = rule(&d, "inpatient.same_type_nearby", Verdict::Fail, INPAT, &["400"]);
    zh_has(e, "儿科");
    outcome(&d, Outcome::Rejected);

    let d = Sc::linyi()
        .inst(specialty_hospital("s-1", Specialty::Ophthalmology, at(300.0, 400.0)))
        .inst(hospital("h-1", at(0.0, 100.0)))
        .app(specialty_app(Specialty::Paediatrics))
        .decide();
    rule(&d, "inpatient.same_type_nearby", Verdict::Pass, INPAT, &["800"]);
    outcome(&d, Outcome::Accepted);

    // Without its specialty the rule cannot be judged.
    let d = Sc::linyi().app(application(Kind::InpatientSpecialty, ORIGIN).eligible().county("lanshan")).decide();
    missing(&d, "inpatient.same_type_nearby", INPAT, "specialty");
}

#[test]
fn same_type_nearby_effect_suspend() {
    // 三(一)1②: literally “暂停县域内本年度新增住院医保定点受理评估”
    let d = Sc::linyi()
        .set("same_type_nearby_effect", "suspend")
        .inst(hospital("h-1", at(45.0, 600.0)))
        .app(general_app())
        .decide();
    let e = rule(&d, "inpatient.same_type_nearby", Verdict::Suspend, INPAT, &["600"]);
    assert_eq!(e.switch.as_deref(), Some("same_type_nearby_effect"));
    outcome(&d, Outcome::Suspended);
}

#[test]
fn outpatient_nearby_counts_any_designated_outpatient_provider() {
    // 三(一)2“在‘15分钟医保服务圈’范围内有提供门诊服务的定点医疗机构的，不再受理仅提供门诊服务的新增定点申请”
    let app = || application(Kind::Outpatient, ORIGIN).eligible();
    let near = at(120.0, 500.0);
    for i in [
        hospital("x", near),
        specialty_hospital("x", Specialty::Stomatology, near),
        clinic("x", near),
        inst("x", Kind::PrimaryCare, near),
    ] {
        let d = Sc::linyi().inst(i).app(app()).decide();
        let e = rule(&d, "outpatient.nearby", Verdict::Fail, OUTPAT, &["800", "500"]);
        zh_has(e, "提供门诊服务的定点医疗机构");
        outcome(&d, Outcome::Rejected);
    }
    // provides_outpatient: false does not count; nor a non-designated clinic; nor a pharmacy.
    let d = Sc::linyi()
        .inst(hospital("h", near).outpatient(false))
        .inst(clinic("c", at(0.0, 100.0)).undesignated())
        .inst(pharmacy("p", &[Ordinary], at(0.0, 50.0)).outpatient(true))
        .app(app())
        .decide();
    rule(&d, "outpatient.nearby", Verdict::Pass, OUTPAT, &["800"]);
    outcome(&d, Outcome::Accepted);
}

#[test]
fn personal_account_only_clinics_are_judged_the_same() {
    // 三(一)2“仅申请开通职工医保个人账户结算服务的医疗机构(指门诊部或诊所)按照本规划执行”
    let d = Sc::linyi()
        .inst(clinic("c-1", at(0.0, 300.0)))
        .app(application(Kind::Outpatient, ORIGIN).eligible().scope(Scope::PersonalAccountOnly))
        .decide();
    let e = rule(&d, "outpatient.nearby", Verdict::Fail, OUTPAT, &["300"]);
    note_has(e, "个人账户");
    outcome(&d, Outcome::Rejected);
}

#[test]
fn outpatient_rule_concerns_outpatient_applicants_only() {
    // A hospital applicant next to a clinic: 三(一)2 is for 仅提供门诊服务 applicants.
    let d = Sc::linyi().inst(clinic("c-1", at(0.0, 100.0))).app(general_app()).decide();
    rule(&d, "outpatient.nearby", Verdict::NotApplicable, OUTPAT, &[]);
    rule(&d, "inpatient.same_type_nearby", Verdict::Pass, INPAT, &[]);
    outcome(&d, Outcome::Accepted);
}

#[test]
fn address_change_never_counts_its_own_old_site() {
    // 三(四)2“变更注册地址的定点医药机构，按照本规划执行”: judged at the new address as new
    let old = at(0.0, 300.0);
    let mut moving = pharmacy("p-old", &[Ordinary], old);
    moving.name = Some("仁和大药房".into());
    let sc = |app: dingdian::Application| Sc::linyi().inst(moving.clone()).app(app);

    // The old site is named as a person knows it, never by its id.
    let no_id = |e: &dingdian::TraceEntry| {
        for t in std::iter::once(&e.detail).chain(&e.note) {
            assert!(!t.zh.contains("p-old") && !t.en.contains("p-old"), "{}: the id shows: {t:?}", e.rule);
        }
    };
    let d = sc(pharmacy_app(&[Ordinary], ORIGIN).eligible().address_change(Some("p-old"))).decide();
    let e = rule(&d, "pharmacy.same_type_nearby", Verdict::Pass, PHARM, &["800"]);
    note_has(e, "仁和大药房");
    no_id(e);
    let e = rule(&d, "change.address", Verdict::Pass, "linyi-2025 三(四)2", &["仁和大药房"]);
    note_has(e, "视同新增申请");
    no_id(e);
    outcome(&d, Outcome::Accepted);

    // Without institution_id the application's own id names the mover.
    let d =
        sc(pharmacy_app(&[Ordinary], ORIGIN).eligible().address_change(None).with(|a| a.id = "p-old".into())).decide();
    rule(&d, "pharmacy.same_type_nearby", Verdict::Pass, PHARM, &[]);
    no_id(rule(&d, "change.address", Verdict::Pass, "linyi-2025 三(四)2", &["仁和大药房"]));

    // Another pharmacy in the new circle still counts.
    let d = sc(pharmacy_app(&[Ordinary], ORIGIN).eligible().address_change(Some("p-old")))
        .inst(pharmacy("p-other", &[Ordinary], at(180.0, 450.0)))
        .decide();
    rule(&d, "pharmacy.same_type_nearby", Verdict::Fail, PHARM, &["450"]);
    outcome(&d, Outcome::Rejected);

    // A plain new application next to the same pharmacy is rejected.
    let d = sc(pharmacy_app(&[Ordinary], ORIGIN).eligible()).decide();
    rule(&d, "pharmacy.same_type_nearby", Verdict::Fail, PHARM, &["300"]);
    rule(&d, "change.address", Verdict::NotApplicable, "linyi-2025 三(四)2", &[]);

    // The same for a moving clinic and a moving hospital.
    let d = Sc::linyi()
        .inst(clinic("c-old", old))
        .app(application(Kind::Outpatient, ORIGIN).eligible().address_change(Some("c-old")))
        .decide();
    rule(&d, "outpatient.nearby", Verdict::Pass, OUTPAT, &[]);
    let d = Sc::linyi().inst(hospital("h-old", old)).app(general_app().address_change(Some("h-old"))).decide();
    rule(&d, "inpatient.same_type_nearby", Verdict::Pass, INPAT, &[]);
}

#[test]
fn new_site_is_judged_as_new() {
    // 三(四)1“新增执业地点(新设分院区)的定点医疗机构视同新增定点，按照本规划执行”
    let d = Sc::linyi()
        .inst(hospital("h-1", at(0.0, 300.0)))
        .app(general_app().with(|a| a.change = Change::NewSite))
        .decide();
    let e = rule(&d, "change.new_site", Verdict::Pass, "linyi-2025 三(四)1", &[]);
    note_has(e, "视同新增申请");
    // A branch campus next to a designated general hospital is rejected like any new one.
    rule(&d, "inpatient.same_type_nearby", Verdict::Fail, INPAT, &["300"]);
    outcome(&d, Outcome::Rejected);

    let d = Sc::linyi().app(general_app()).decide();
    rule(&d, "change.new_site", Verdict::NotApplicable, "linyi-2025 三(四)1", &[]);

    // A pharmacy's new site: the clause concerns medical institutions; judged as new.
    let d = Sc::linyi().app(pharmacy_app(&[Ordinary], ORIGIN).eligible().with(|a| a.change = Change::NewSite)).decide();
    let e = rule(&d, "change.new_site", Verdict::NotApplicable, "linyi-2025 三(四)1", &[]);
    note_has(e, "视同新增申请");
}

#[test]
fn a_medical_aid_applicant_is_never_its_own_neighbour() {
    // DESIGN.md §2: an institution is never its own neighbour. A medical-aid application names the
    // existing institution (institution_id); under Linyi, which has no medical-aid clause, it is
    // judged as a new application, but its own site does not count.
    let d = Sc::linyi()
        .inst(dingdian::Institution { name: Some("康宁诊所".into()), ..clinic("c-1", ORIGIN) })
        .app(application(Kind::Outpatient, ORIGIN).eligible().with(|a| {
            a.scope = dingdian::scenario::Scope::MedicalAid;
            a.institution_id = Some("c-1".into());
        }))
        .decide();
    let e = rule(&d, "outpatient.nearby", Verdict::Pass, OUTPAT, &[]);
    note_has(e, "康宁诊所");
    assert!(!e.note.as_ref().unwrap().en.contains("c-1"), "named, not by its id: {:?}", e.note);
    // Another clinic in the circle still counts.
    let d = Sc::linyi()
        .inst(clinic("c-1", ORIGIN))
        .inst(clinic("c-2", at(90.0, 300.0)))
        .app(application(Kind::Outpatient, ORIGIN).eligible().with(|a| {
            a.scope = dingdian::scenario::Scope::MedicalAid;
            a.institution_id = Some("c-1".into());
        }))
        .decide();
    rule(&d, "outpatient.nearby", Verdict::Fail, OUTPAT, &["300"]);
}
