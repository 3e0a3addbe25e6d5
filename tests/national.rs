//! The national conditions (国家医疗保障局令第2号、第3号), which every preset carries: operating
//! months, physician, pharmacist, insurance department — biting, passing, boundary and absent.

mod common;
use common::*;
use dingdian::scenario::Kind;
use dingdian::{Outcome, Verdict};

const PRESETS: [&str; 2] = ["linyi-2025", "xian-2025"];

fn sc(preset: &str) -> Sc {
    if preset == "linyi-2025" {
        Sc::linyi()
    } else {
        Sc::xian()
    }
}

/// A hospital far from anything, so only the national rules can decide.
fn hospital_app() -> dingdian::Application {
    application(Kind::InpatientGeneral, ORIGIN).eligible().county("lanshan")
}

#[test]
fn operating_months_below_three_rejects_at_three_passes() {
    for p in PRESETS {
        let mut app = hospital_app();
        if p == "xian-2025" {
            app.county = None;
        }
        // 令2号 第六条(一)“正式运营至少3个月”
        let d = sc(p).app(app.clone().with(|a| a.operating_months = Some(2.9))).decide();
        rule(&d, "national.operating_months", Verdict::Fail, "令2号 第六条(一)", &["2.9", "3"]);
        outcome(&d, Outcome::Rejected);

        let d = sc(p).app(app.clone().with(|a| a.operating_months = Some(3.0))).decide();
        rule(&d, "national.operating_months", Verdict::Pass, "令2号 第六条(一)", &["3"]);
    }
}

#[test]
fn operating_months_of_a_pharmacy_count_at_the_registered_address() {
    // 令3号（在注册地址正式经营至少3个月）
    let d = Sc::linyi()
        .app(
            pharmacy_app(&[dingdian::scenario::Category::Ordinary], ORIGIN)
                .eligible()
                .with(|a| a.operating_months = Some(1.0)),
        )
        .decide();
    let e = rule(&d, "national.operating_months", Verdict::Fail, "令2号 第六条(一)", &["1"]);
    zh_has(e, "在注册地址");
    outcome(&d, Outcome::Rejected);
}

#[test]
fn physician_required_for_medical_institutions_only() {
    for p in PRESETS {
        // 令2号 第六条(二)“至少1名……第一注册地在该医疗机构医师”
        let d = sc(p).app(application(Kind::Outpatient, ORIGIN).eligible().with(|a| a.physicians = Some(0))).decide();
        rule(&d, "national.physician", Verdict::Fail, "令2号 第六条(二)", &["1"]);
        outcome(&d, Outcome::Rejected);

        let d = sc(p).app(application(Kind::Outpatient, ORIGIN).eligible().with(|a| a.physicians = Some(1))).decide();
        rule(&d, "national.physician", Verdict::Pass, "令2号 第六条(二)", &["1"]);

        // A pharmacy is not concerned.
        let d = sc(p).app(pharmacy_app(&[dingdian::scenario::Category::Ordinary], ORIGIN).eligible()).decide();
        let e = rule(&d, "national.physician", Verdict::NotApplicable, "令2号 第六条(二)", &[]);
        zh_has(e, "零售药店");
    }
}

#[test]
fn pharmacist_required_for_pharmacies_only() {
    use dingdian::scenario::Category::Ordinary;
    for p in PRESETS {
        // 令3号“应至少配备1名……药师”
        let d = sc(p).app(pharmacy_app(&[Ordinary], ORIGIN).eligible().with(|a| a.pharmacists = Some(0))).decide();
        rule(&d, "national.pharmacist", Verdict::Fail, "令3号", &["1"]);
        outcome(&d, Outcome::Rejected);

        let d = sc(p).app(pharmacy_app(&[Ordinary], ORIGIN).eligible().with(|a| a.pharmacists = Some(2))).decide();
        rule(&d, "national.pharmacist", Verdict::Pass, "令3号", &["2", "1"]);

        let d = sc(p).app(application(Kind::Outpatient, ORIGIN).eligible()).decide();
        rule(&d, "national.pharmacist", Verdict::NotApplicable, "令3号", &[]);
    }
}

#[test]
fn insurance_dept_from_100_beds_inclusive() {
    for p in PRESETS {
        let base = || {
            let mut a = hospital_app().with(|a| a.insurance_dept = Some(false));
            if p == "xian-2025" {
                a.county = None;
            }
            a
        };
        // 令2号 第六条(三)“100张床位以上的医疗机构应设内部医保管理部门”：以上含本数
        let d = sc(p).app(base().beds(100).staff(3)).decide();
        rule(&d, "national.insurance_dept", Verdict::Fail, "令2号 第六条(三)", &["100"]);
        outcome(&d, Outcome::Rejected);

        let d = sc(p).app(base().beds(99).staff(3)).decide();
        rule(&d, "national.insurance_dept", Verdict::Pass, "令2号 第六条(三)", &["99", "100"]);

        let d = sc(p).app(base().beds(100).staff(3).with(|a| a.insurance_dept = Some(true))).decide();
        rule(&d, "national.insurance_dept", Verdict::Pass, "令2号 第六条(三)", &["100"]);
    }
}

#[test]
fn absent_national_facts_are_not_applicable_and_named() {
    // 令2号 第六条、令3号: a fact not stated in the application is not judged, and the trace names it
    for p in PRESETS {
        // A member of the public may try an application without knowing every detail.
        let d = sc(p).app(application(Kind::Outpatient, ORIGIN)).decide();
        missing(&d, "national.operating_months", "令2号 第六条(一)", "operating_months");
        missing(&d, "national.physician", "令2号 第六条(二)", "physicians");
        missing(&d, "national.insurance_dept", "令2号 第六条(三)", "beds");
        let d = sc(p).app(pharmacy_app(&[dingdian::scenario::Category::Ordinary], ORIGIN)).decide();
        missing(&d, "national.pharmacist", "令3号", "pharmacists");
        // 100 beds stated but not whether there is a department.
        let d = sc(p).app(application(Kind::Outpatient, ORIGIN).beds(150)).decide();
        missing(&d, "national.insurance_dept", "令2号 第六条(三)", "insurance_dept");
    }
}
