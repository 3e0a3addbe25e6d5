//! xian-2025 规划目标和内容(二): strict control of inpatient growth, no new pharmacies and clinics in
//! principle, exemptions and priority listings, the special-drug quota, medical-aid designation.

mod common;
use common::*;
use dingdian::scenario::Category::{Chronic, Ordinary, SpecialDrug};
use dingdian::scenario::{KeyLevel, Kind, Scope, Subtype};
use dingdian::{Outcome, Verdict};

const STRICT: &str = "xian-2025 规划目标和内容(二)1";
const NO_NEW: &str = "xian-2025 规划目标和内容(二)2";
const LISTED: &str = "xian-2025 规划目标和内容(二)3(1)";
const QUOTA: &str = "xian-2025 规划目标和内容(二)3(2)";
const AID: &str = "xian-2025 规划目标和内容(二)3(3)";

fn hospital_app() -> dingdian::Application {
    application(Kind::InpatientGeneral, ORIGIN).eligible()
}

#[test]
fn xian_preset_rules_and_radius() {
    let p = Sc::xian().policy();
    let ids: Vec<&str> = p.rules.iter().map(|r| r.def.id).collect();
    assert_eq!(
        ids,
        [
            "national.operating_months",
            "national.physician",
            "national.pharmacist",
            "national.insurance_dept",
            "exempt.listed",
            "priority.listed",
            "inpatient.strict_control",
            "outpatient_pharmacy.no_new",
            "special_drug_pharmacy.quota",
            "medical_aid.designated_only",
            "change.unregulated",
        ]
    );
    // 规划目标和内容(二)2“步行15分钟” gives no metres: 1,000 m is an assumption.
    assert_eq!(p.params.service_radius_m, 1000.0);
    assert!(p.preset.parameters["service_radius_m"].assumption);
}

#[test]
fn strict_control_of_new_inpatient_designations() {
    // (二)1“按照规划原则，对住院定点医疗机构严格控制增量”
    let d = Sc::xian().app(hospital_app()).decide();
    let e = rule(&d, "inpatient.strict_control", Verdict::Fail, STRICT, &[]);
    assert_eq!(e.switch.as_deref(), Some("xian_inpatient_default"));
    outcome(&d, Outcome::Rejected);

    // “严格控制” is not an explicit ban: the switch can leave it undetermined.
    let d = Sc::xian().set("xian_inpatient_default", "gap").app(hospital_app()).decide();
    let e = rule(&d, "inpatient.strict_control", Verdict::Gap, STRICT, &[]);
    assert_eq!(e.switch.as_deref(), Some("xian_inpatient_default"));
    outcome(&d, Outcome::Undetermined);

    // A specialty hospital is an inpatient institution too; a clinic is not concerned.
    let d = Sc::xian().app(application(Kind::InpatientSpecialty, ORIGIN).eligible()).decide();
    rule(&d, "inpatient.strict_control", Verdict::Fail, STRICT, &[]);
    let d = Sc::xian().app(application(Kind::Outpatient, ORIGIN).eligible()).decide();
    rule(&d, "inpatient.strict_control", Verdict::NotApplicable, STRICT, &[]);
}

#[test]
fn uneven_areas_and_shortage_types_come_first() {
    // (二)1“对市卫生健康部门确定的分布不均衡区域内的住院医疗机构及短板资源类住院医疗机构，可优先按规定纳入医保定点管理”
    let d = Sc::xian().app(hospital_app().with(|a| a.uneven_area = Some(true))).decide();
    zh_has(rule(&d, "inpatient.strict_control", Verdict::Priority, STRICT, &[]), "分布不均衡区域");
    outcome(&d, Outcome::Prioritized);

    let d = Sc::xian().app(hospital_app().with(|a| a.shortage_type = Some(true))).decide();
    let e = rule(&d, "inpatient.strict_control", Verdict::Priority, STRICT, &[]);
    zh_has(e, "短板资源类");
    // The example shortage types are borrowed from Binzhou and say so.
    note_has(e, "滨州");
    outcome(&d, Outcome::Prioritized);

    let d = Sc::xian()
        .app(hospital_app().with(|a| {
            a.uneven_area = Some(false);
            a.shortage_type = Some(false)
        }))
        .decide();
    rule(&d, "inpatient.strict_control", Verdict::Fail, STRICT, &[]);
}

#[test]
fn no_new_pharmacy_unless_none_of_the_type_within_a_15_minute_walk() {
    // (二)2“本规划期内原则上不再新增。对参保人员步行15分钟有效活动半径范围内没有同类型医药机构的可按规定择优纳入”
    let app = || pharmacy_app(&[Ordinary], ORIGIN).eligible();
    let d = Sc::xian().inst(pharmacy("p-1", &[Ordinary, Chronic], at(250.0, 999.0))).app(app()).decide();
    let e = rule(&d, "outpatient_pharmacy.no_new", Verdict::Fail, NO_NEW, &["1000", "999"]);
    zh_has(e, "原则上不再新增");
    note_has(e, "假设");
    outcome(&d, Outcome::Rejected);

    let d = Sc::xian().inst(pharmacy("p-1", &[Ordinary], at(250.0, 1001.0))).app(app()).decide();
    let e = rule(&d, "outpatient_pharmacy.no_new", Verdict::Pass, NO_NEW, &["1000", "1001"]);
    zh_has(e, "择优纳入");
    outcome(&d, Outcome::Accepted);

    // Same type = a category in common.
    let d = Sc::xian().inst(pharmacy("p-1", &[Chronic], at(250.0, 300.0))).app(app()).decide();
    rule(&d, "outpatient_pharmacy.no_new", Verdict::Pass, NO_NEW, &["1000"]);
}

#[test]
fn no_new_counts_non_designated_ones_unless_the_switch_narrows_it() {
    // (二)2“对参保人员步行15分钟有效活动半径范围内没有同类型医药机构的可按规定择优纳入”: the text
    // says 同类型医药机构, not 定点, so a non-designated one counts (literal); the switch narrows it.
    let sc = || {
        Sc::xian()
            .inst(pharmacy("p-1", &[Ordinary], at(0.0, 400.0)).undesignated())
            .app(pharmacy_app(&[Ordinary], ORIGIN).eligible())
    };
    let d = sc().decide();
    let e = rule(&d, "outpatient_pharmacy.no_new", Verdict::Fail, NO_NEW, &["400"]);
    assert_eq!(e.switch.as_deref(), Some("xian_count_non_designated"));
    zh_has(e, "含未定点");
    outcome(&d, Outcome::Rejected);

    let d = sc().set("xian_count_non_designated", false).decide();
    let e = rule(&d, "outpatient_pharmacy.no_new", Verdict::Pass, NO_NEW, &["1000"]);
    assert_eq!(e.switch.as_deref(), Some("xian_count_non_designated"));
    outcome(&d, Outcome::Accepted);

    let sc = || {
        Sc::xian()
            .inst(clinic("c-1", at(0.0, 400.0)).undesignated())
            .app(application(Kind::Outpatient, ORIGIN).eligible())
    };
    rule(&sc().decide(), "outpatient_pharmacy.no_new", Verdict::Fail, NO_NEW, &["400"]);
    rule(
        &sc().set("xian_count_non_designated", false).decide(),
        "outpatient_pharmacy.no_new",
        Verdict::Pass,
        NO_NEW,
        &[],
    );
}

#[test]
fn no_new_outpatient_counts_another_outpatient_institution() {
    // (二)2“定点零售药店和门诊部、诊所等定点医疗机构……没有同类型医药机构的可按规定择优纳入”
    let app = || application(Kind::Outpatient, ORIGIN).eligible();
    let d = Sc::xian().inst(clinic("c-1", at(135.0, 700.0))).app(app()).decide();
    zh_has(rule(&d, "outpatient_pharmacy.no_new", Verdict::Fail, NO_NEW, &["1000", "700"]), "门诊部、诊所");
    outcome(&d, Outcome::Rejected);

    // A hospital, a primary-care institution or a pharmacy is not the same type as a clinic.
    let d = Sc::xian()
        .inst(hospital("h-1", at(135.0, 100.0)))
        .inst(inst("pc-1", Kind::PrimaryCare, at(0.0, 100.0)))
        .inst(pharmacy("p-1", &[Ordinary], at(270.0, 100.0)))
        .app(app())
        .decide();
    rule(&d, "outpatient_pharmacy.no_new", Verdict::Pass, NO_NEW, &["1000"]);
    outcome(&d, Outcome::Accepted);

    // Inpatient and primary-care applicants are not concerned.
    let d = Sc::xian().app(application(Kind::PrimaryCare, ORIGIN).eligible()).decide();
    rule(&d, "outpatient_pharmacy.no_new", Verdict::NotApplicable, NO_NEW, &[]);
    let d = Sc::xian().app(hospital_app()).decide();
    rule(&d, "outpatient_pharmacy.no_new", Verdict::NotApplicable, NO_NEW, &[]);
}

#[test]
fn a_moving_clinic_does_not_count_its_old_site() {
    // (二)2“对参保人员步行15分钟有效活动半径范围内没有同类型医药机构的可按规定择优纳入” — not counting its own old site
    // A designated clinic changing address is judged at the new address without itself.
    let d = Sc::xian()
        .inst(dingdian::Institution { name: Some("康宁诊所".into()), ..clinic("c-old", at(0.0, 200.0)) })
        .app(application(Kind::Outpatient, ORIGIN).eligible().address_change(Some("c-old")))
        .decide();
    note_has(rule(&d, "outpatient_pharmacy.no_new", Verdict::Pass, NO_NEW, &[]), "康宁诊所");
}

fn special(n: usize) -> Sc {
    let mut sc = Sc::xian();
    for i in 0..n {
        sc = sc.inst(pharmacy(&format!("sd-{i}"), &[SpecialDrug], at(90.0, 5_000.0 + 100.0 * i as f64)));
    }
    sc
}

#[test]
fn special_drug_quota_without_a_number_is_undetermined() {
    // (二)3(2)“特药定点零售药店……实行总量控制、动态管理”: a total without a number. The data's
    // count is no quota: the case stays undetermined until a quota is set.
    let d = special(2).app(pharmacy_app(&[SpecialDrug], ORIGIN).eligible()).decide();
    let e = rule(&d, "special_drug_pharmacy.quota", Verdict::Gap, QUOTA, &["2"]);
    assert_eq!(e.switch.as_deref(), Some("special_drug_quota"));
    zh_has(e, "没有给出总量");
    outcome(&d, Outcome::Undetermined);

    // Even with no special-drug pharmacy in the data, an empty quota is no "quota 0 is full".
    let d = special(0).app(pharmacy_app(&[SpecialDrug], ORIGIN).eligible()).decide();
    rule(&d, "special_drug_pharmacy.quota", Verdict::Gap, QUOTA, &["0"]);
    outcome(&d, Outcome::Undetermined);

    // Non-designated special-drug pharmacies are outside the quota count.
    let d = special(2)
        .inst(pharmacy("sd-x", &[SpecialDrug], at(0.0, 9_000.0)).undesignated())
        .app(pharmacy_app(&[SpecialDrug], ORIGIN).eligible())
        .set("special_drug_quota", 3)
        .decide();
    rule(&d, "special_drug_pharmacy.quota", Verdict::Pass, QUOTA, &["2", "3"]);
}

#[test]
fn special_drug_quota_set_by_the_user() {
    // (二)3(2)“实行总量控制”: a quota larger than today's number leaves room
    let d = special(2).set("special_drug_quota", 3).app(pharmacy_app(&[SpecialDrug], ORIGIN).eligible()).decide();
    let e = rule(&d, "special_drug_pharmacy.quota", Verdict::Pass, QUOTA, &["2", "3"]);
    note_has(e, "用户设定");
    outcome(&d, Outcome::Accepted);

    let d = special(2).set("special_drug_quota", 2).app(pharmacy_app(&[SpecialDrug], ORIGIN).eligible()).decide();
    rule(&d, "special_drug_pharmacy.quota", Verdict::Fail, QUOTA, &["2"]);

    // An ordinary pharmacy is not concerned.
    let d = special(2).app(pharmacy_app(&[Ordinary], ORIGIN).eligible()).decide();
    rule(&d, "special_drug_pharmacy.quota", Verdict::NotApplicable, QUOTA, &[]);
    outcome(&d, Outcome::Accepted);
}

#[test]
fn special_drug_regime_quota_only_or_quota_and_radius() {
    // Is a special-drug pharmacy judged by its quota only, or also by (二)2“步行15分钟……没有同类型”?
    let sc = || {
        Sc::xian()
            .set("special_drug_quota", 5)
            .inst(pharmacy("sd-1", &[SpecialDrug], at(0.0, 500.0)))
            .app(pharmacy_app(&[SpecialDrug], ORIGIN).eligible())
    };
    let d = sc().decide();
    let e = rule(&d, "outpatient_pharmacy.no_new", Verdict::NotApplicable, NO_NEW, &[]);
    assert_eq!(e.switch.as_deref(), Some("xian_special_drug_regime"));
    rule(&d, "special_drug_pharmacy.quota", Verdict::Pass, QUOTA, &["1", "5"]);
    outcome(&d, Outcome::Accepted);

    let d = sc().set("xian_special_drug_regime", "quota_and_radius").decide();
    rule(&d, "outpatient_pharmacy.no_new", Verdict::Fail, NO_NEW, &["500"]);
    outcome(&d, Outcome::Rejected);

    // An ordinary + special-drug pharmacy is judged on its ordinary category under quota_only.
    let d = Sc::xian()
        .set("special_drug_quota", 5)
        .inst(pharmacy("sd-1", &[SpecialDrug], at(0.0, 500.0)))
        .app(pharmacy_app(&[Ordinary, SpecialDrug], ORIGIN).eligible())
        .decide();
    rule(&d, "outpatient_pharmacy.no_new", Verdict::Pass, NO_NEW, &[]);
}

#[test]
fn a_moving_special_drug_pharmacy_keeps_the_count() {
    // (二)3(2)“特药定点零售药店……实行总量控制” — a move is no net growth
    // Moving does not add a special-drug pharmacy: it is left out of the count, so the default quota has room.
    let d = special(2)
        .set("special_drug_quota", 2)
        .app(pharmacy_app(&[SpecialDrug], ORIGIN).eligible().address_change(Some("sd-0")))
        .decide();
    rule(&d, "special_drug_pharmacy.quota", Verdict::Pass, QUOTA, &["1", "2"]);
}

#[test]
fn medical_aid_only_for_designated_medical_institutions() {
    // (二)3(3)“医疗救助定点医疗机构按照上级规定，在医保定点医疗机构范围内按规定择优纳入”
    let aid = |id: &str| {
        application(Kind::Outpatient, at(0.0, 3_000.0))
            .eligible()
            .scope(Scope::MedicalAid)
            .with(|a| a.institution_id = Some(id.into()))
    };
    let sc = || {
        Sc::xian()
            .inst(clinic("c-ok", at(0.0, 3_000.0)))
            .inst(clinic("c-no", at(0.0, 6_000.0)).undesignated())
            .inst(pharmacy("p-1", &[Ordinary], at(0.0, 9_000.0)))
    };
    let d = sc().app(aid("c-ok")).decide();
    rule(&d, "medical_aid.designated_only", Verdict::Pass, AID, &["c-ok"]);
    outcome(&d, Outcome::Accepted);

    let d = sc().app(aid("c-no")).decide();
    rule(&d, "medical_aid.designated_only", Verdict::Fail, AID, &["c-no"]);
    outcome(&d, Outcome::Rejected);

    let d = sc().app(aid("p-1")).decide();
    rule(&d, "medical_aid.designated_only", Verdict::Fail, AID, &["p-1"]);

    let d = sc().app(aid("nobody")).decide();
    rule(&d, "medical_aid.designated_only", Verdict::Fail, AID, &["nobody"]);

    let d = sc().app(application(Kind::Outpatient, at(0.0, 20_000.0)).eligible()).decide();
    rule(&d, "medical_aid.designated_only", Verdict::NotApplicable, AID, &[]);
}

#[test]
fn a_medical_aid_application_is_not_a_new_insurance_designation() {
    // (二)3(3)“……在医保定点医疗机构范围内按规定择优纳入”: the hospital is already designated, so
    // (二)1“对住院定点医疗机构严格控制增量” does not concern it, nor does (二)2 count it as its own neighbour.
    let d = Sc::xian()
        .inst(hospital("h-1", ORIGIN))
        .app(hospital_app().scope(Scope::MedicalAid).with(|a| a.institution_id = Some("h-1".into())))
        .decide();
    rule(&d, "medical_aid.designated_only", Verdict::Pass, AID, &["h-1"]);
    rule(&d, "inpatient.strict_control", Verdict::NotApplicable, STRICT, &[]);
    outcome(&d, Outcome::Accepted);

    let d = Sc::xian()
        .inst(clinic("c-1", ORIGIN))
        .app(
            application(Kind::Outpatient, ORIGIN)
                .eligible()
                .scope(Scope::MedicalAid)
                .with(|a| a.institution_id = Some("c-1".into())),
        )
        .decide();
    rule(&d, "outpatient_pharmacy.no_new", Verdict::NotApplicable, NO_NEW, &[]);
    outcome(&d, Outcome::Accepted);
}

fn primary(st: Subtype) -> dingdian::Application {
    application(Kind::PrimaryCare, ORIGIN).eligible().subtype(st)
}

#[test]
fn listed_primary_care_is_exempt_and_comes_first() {
    // (二)3(1)“按照卫生规划设立的社区卫生服务中心、社区卫生服务站、乡镇卫生院（含一体化管理的村卫生室），以及高等院校、养老机构内设医疗机构，优先按规定纳入医保定点协议管理，不受本规划限制”
    for (st, zh) in [
        (Subtype::CommunityCentre, "社区卫生服务中心"),
        // Xi'an lists the community station without requiring integrated management.
        (Subtype::CommunityStation, "社区卫生服务站"),
        (Subtype::TownshipCentre, "乡镇卫生院"),
        (Subtype::CampusClinic, "高等院校内设医疗机构"),
        (Subtype::ElderlyCareClinic, "养老机构内设医疗机构"),
    ] {
        let d = Sc::xian().app(primary(st)).decide();
        let e = rule(&d, "exempt.listed", Verdict::Exempt, LISTED, &[]);
        zh_has(e, zh);
        zh_has(rule(&d, "priority.listed", Verdict::Priority, LISTED, &[]), zh);
        for r in [
            "inpatient.strict_control",
            "outpatient_pharmacy.no_new",
            "special_drug_pharmacy.quota",
            "medical_aid.designated_only",
        ] {
            let e = entry(&d, r);
            assert_eq!(
                (e.verdict, e.exempted_by.as_deref()),
                (Verdict::NotApplicable, Some("exempt.listed")),
                "{r}\n{}",
                show(&d)
            );
        }
        outcome(&d, Outcome::Prioritized);
    }
}

#[test]
fn a_village_clinic_is_listed_only_under_integrated_management() {
    // (二)3(1)“乡镇卫生院（含一体化管理的村卫生室）”
    let d = Sc::xian().app(primary(Subtype::VillageClinic).integrated()).decide();
    zh_has(rule(&d, "exempt.listed", Verdict::Exempt, LISTED, &[]), "一体化管理的村卫生室");
    outcome(&d, Outcome::Prioritized);

    let d = Sc::xian().app(primary(Subtype::VillageClinic)).decide();
    zh_has(rule(&d, "exempt.listed", Verdict::Pass, LISTED, &[]), "村卫生室须为一体化管理");
    rule(&d, "priority.listed", Verdict::Pass, LISTED, &[]);
    outcome(&d, Outcome::Accepted);
}

#[test]
fn provincial_and_municipal_key_projects_listed_central_not() {
    // (二)3(1)“列入省市政府重点建设项目的医疗机构……不受本规划限制”
    for level in [KeyLevel::Provincial, KeyLevel::Municipal] {
        let d = Sc::xian().app(hospital_app().key(Some(level))).decide();
        rule(&d, "exempt.listed", Verdict::Exempt, LISTED, &[]);
        rule(&d, "priority.listed", Verdict::Priority, LISTED, &[]);
        let e = entry(&d, "inpatient.strict_control");
        assert_eq!((e.verdict, e.exempted_by.as_deref()), (Verdict::NotApplicable, Some("exempt.listed")));
        outcome(&d, Outcome::Prioritized);
    }
    // 省市 — a central key project is not listed by Xi'an's text.
    let d = Sc::xian().app(hospital_app().key(Some(KeyLevel::Central))).decide();
    zh_has(rule(&d, "exempt.listed", Verdict::Pass, LISTED, &[]), "本条未列中央重点建设项目");
    rule(&d, "inpatient.strict_control", Verdict::Fail, STRICT, &[]);
    outcome(&d, Outcome::Rejected);

    // A pharmacy is not a 医疗机构.
    let d = Sc::xian()
        .inst(pharmacy("p-1", &[Ordinary], at(0.0, 100.0)))
        .app(pharmacy_app(&[Ordinary], ORIGIN).eligible().key(Some(KeyLevel::Provincial)))
        .decide();
    zh_has(rule(&d, "exempt.listed", Verdict::Pass, LISTED, &[]), "不含药店");
    rule(&d, "outpatient_pharmacy.no_new", Verdict::Fail, NO_NEW, &["100"]);
    outcome(&d, Outcome::Rejected);
}

#[test]
fn listed_applicants_still_meet_the_national_conditions() {
    // 令2号 第六条(一)“正式运营至少3个月” binds even an applicant “不受本规划限制”
    let d = Sc::xian().app(primary(Subtype::CommunityStation).with(|a| a.operating_months = Some(2.0))).decide();
    rule(&d, "exempt.listed", Verdict::Exempt, LISTED, &[]);
    rule(&d, "national.operating_months", Verdict::Fail, "令2号 第六条(一)", &["2"]);
    outcome(&d, Outcome::Rejected);
}

const UNREGULATED: &str = "xian-2025 规划目标和内容(二)";

#[test]
fn another_outpatient_only_institution_answers_to_no_new_through_its_etc() {
    // (二)2“我市现有定点零售药店和门诊部、诊所等定点医药机构总量已满足参保群众服务需求，本规划期内原则上不再新增”:
    // “等” is no closed list. A village clinic outside integrated management is not listed by (二)3(1),
    // provides outpatient care only, and by default is judged by (二)2 like a clinic.
    let village = |id: &str, p| {
        let mut i = inst(id, Kind::PrimaryCare, p);
        i.subtype = Some(Subtype::VillageClinic);
        i
    };
    let app = || application(Kind::PrimaryCare, ORIGIN).eligible().subtype(Subtype::VillageClinic);
    let sc = || Sc::xian().inst(village("v-1", at(0.0, 300.0))).app(app());
    let d = sc().decide();
    let e = rule(&d, "outpatient_pharmacy.no_new", Verdict::Fail, NO_NEW, &["300"]);
    assert!(e.assumptions.iter().any(|a| a == "xian_outpatient_etc"), "{}", show(&d));
    outcome(&d, Outcome::Rejected);

    // Read as a closed list, (二)2 does not reach it.
    let d = sc().set("xian_outpatient_etc", false).decide();
    let e = rule(&d, "outpatient_pharmacy.no_new", Verdict::NotApplicable, NO_NEW, &[]);
    assert_eq!(e.switch.as_deref(), Some("xian_outpatient_etc"));
    outcome(&d, Outcome::Accepted);

    // One under integrated management is listed: "不受本规划限制".
    let d = Sc::xian().inst(village("v-1", at(0.0, 300.0))).app(app().integrated()).decide();
    outcome(&d, Outcome::Prioritized);
}

#[test]
fn moves_and_new_sites_are_undetermined_where_the_plan_has_no_clause() {
    // Xi'an's 规划目标和内容(二) says nothing of 变更注册地址 or 新增执业地点 (Linyi's 三(四)1–2 do):
    // the preset does not borrow Linyi's reading unless the switch says so.
    let moving = || pharmacy_app(&[Ordinary], ORIGIN).eligible().address_change(Some("p-9"));
    let sc = || Sc::xian().inst(pharmacy("p-9", &[Ordinary], at(0.0, 5_000.0)));
    let d = sc().app(moving()).decide();
    let e = rule(&d, "change.unregulated", Verdict::Gap, UNREGULATED, &[]);
    assert_eq!(e.switch.as_deref(), Some("change_without_clause"));
    zh_has(e, "变更注册地址");
    outcome(&d, Outcome::Undetermined);

    let d = sc().set("change_without_clause", "as_new").app(moving()).decide();
    let e = rule(&d, "change.unregulated", Verdict::Pass, UNREGULATED, &[]);
    assert_eq!(e.switch.as_deref(), Some("change_without_clause"));
    // The English trace (and the CLI's) cites the borrowed clause in English.
    assert!(e.detail.en.contains("linyi-2025 Sec. III(4)1–2"), "{:?}", e.detail.en);
    assert!(!e.detail.en.contains('三'), "{:?}", e.detail.en);
    note_has(e, "借用");
    outcome(&d, Outcome::Accepted);

    let d = Sc::xian().app(pharmacy_app(&[Ordinary], ORIGIN).eligible()).decide();
    rule(&d, "change.unregulated", Verdict::NotApplicable, UNREGULATED, &[]);
}
