//! The guided check's questions and answers (`dingdian::guide`): only the questions the
//! active rules read are asked, the answers make the application the engine judges, a spot must
//! lie in the data set's city, and a refused answer offers places that are really accepted.

use dingdian::date::Date;
use dingdian::engine::prepared::Prepared;
use dingdian::engine::Outcome;
use dingdian::guide::{
    answer, application, inside_bounds, inside_city, mover_label, mover_typed, movers, size_fields, specials, steps,
    Answers, Step,
};
use dingdian::outlines::for_counties as outlines_for;
use dingdian::policy::{builtin_preset, Policy};
use dingdian::scenario::{Categories, Category, Change, Kind, Scenario};
use dingdian::spatial::haversine_m;

fn today() -> Date {
    Date::new(2026, 3, 1).unwrap()
}

fn policy(id: &str) -> Policy {
    Policy::resolve(&builtin_preset(id).unwrap(), &Default::default(), "o").unwrap()
}

fn pharmacy_answers() -> Answers {
    Answers {
        kind: Some(Kind::Pharmacy),
        categories: Categories::of(&[Category::Ordinary]),
        operating_months: Some(6.0),
        pharmacists: Some(1),
        ..Answers::default()
    }
}

/// 300 m east of designated pharmacy p-001 of the sample.
fn near_p001(s: &Scenario) -> (f64, f64) {
    let p = s.institutions.iter().find(|i| i.id == "p-001").unwrap();
    (p.lon + 300.0 / (111_195.0 * p.lat.to_radians().cos()), p.lat)
}

#[test]
fn only_the_questions_the_rules_read_are_asked() {
    let linyi = policy("linyi-2025");
    let xian = policy("xian-2025");
    let a = pharmacy_answers();
    assert_eq!(
        steps(&a, &linyi),
        vec![Step::Kind, Step::Detail, Step::Change, Step::Size, Step::Special, Step::Place, Step::Answer]
    );
    // An outpatient clinic has no category to choose.
    let clinic = Answers { kind: Some(Kind::Outpatient), ..Answers::default() };
    assert!(!steps(&clinic, &linyi).contains(&Step::Detail));

    // A pharmacy is asked for pharmacists, never beds; a hospital for beds and staff.
    let f = size_fields(&a, &linyi);
    assert!(f.pharmacists && f.operating_months && !f.beds && !f.physicians);
    let mut hospital = Answers { kind: Some(Kind::InpatientGeneral), beds: Some(80), ..Answers::default() };
    let f = size_fields(&hospital, &linyi);
    assert!(f.beds && f.insurance_office_staff && f.physicians && !f.insurance_dept);
    // The insurance department is asked only at 100 beds or more (令2号).
    hospital.beds = Some(120);
    assert!(size_fields(&hospital, &linyi).insurance_dept);

    // Linyi names the negative list; Xi'an names shortage types and unevenly served areas for
    // inpatient institutions, and neither for a pharmacy.
    assert!(specials(Kind::Pharmacy, &linyi).negative_list);
    assert!(!specials(Kind::Pharmacy, &xian).negative_list);
    assert!(!specials(Kind::Pharmacy, &xian).shortage_type);
    assert!(specials(Kind::InpatientGeneral, &xian).shortage_type);
    assert!(!specials(Kind::InpatientGeneral, &linyi).shortage_type);
}

#[test]
fn a_spot_outside_the_city_is_refused() {
    let s = dingdian::sample::linyi_sample();
    let outlines = outlines_for(&s.counties);
    let cells: Vec<(f64, f64)> = s.population_cells.iter().map(|c| (c.lon, c.lat)).collect();
    let (lon, lat) = near_p001(&s);
    assert!(inside_city(&outlines, &cells, 500.0, lon, lat));
    // Tiananmen, Beijing.
    assert!(!inside_city(&outlines, &cells, 500.0, 116.3975, 39.9087));
    assert!(!inside_city(&outlines, &cells, 500.0, f64::NAN, 35.0));
    // Data with neither outlines nor cells: the box round it, with a margin.
    let wsen = [118.30, 35.00, 118.40, 35.10];
    assert!(inside_bounds(wsen, 5_000.0, 118.42, 35.05));
    assert!(!inside_bounds(wsen, 5_000.0, 118.50, 35.05));
}

#[test]
fn a_pharmacy_next_to_a_designated_one_is_refused_with_places_that_are_accepted() {
    let s = dingdian::sample::linyi_sample();
    let p = policy("linyi-2025");
    let prep = Prepared::new(&s, &p, today());
    let (lon, lat) = near_p001(&s);
    let mut a = pharmacy_answers();
    a.place = Some((lon, lat));
    let app = application(&a, lon, lat, Some("lanshan".into()), "2026-03-01");
    assert_eq!(app.pharmacists, Some(1));
    assert_eq!(app.beds, None, "a pharmacy is never asked for beds");

    let ans = answer(&prep, &app, 400.0);
    assert_eq!(ans.decision.outcome, Outcome::Rejected);
    assert!(
        ans.explanation
            .summary
            .zh
            .contains("离您选址最近的同类定点药店约 300 米，规划要求 800 米内不能已有同类定点药店"),
        "{}",
        ans.explanation.summary.zh
    );
    let near = ans.nearest.expect("a refused answer searches other places");
    assert!(!near.places.is_empty());
    for place in &near.places {
        let mut there = app.clone();
        there.lon = place.lon;
        there.lat = place.lat;
        there.county = place.county.clone();
        let o = prep.decide(&there).outcome;
        assert!(matches!(o, Outcome::Accepted | Outcome::Prioritized), "{o:?} at place {}", place.cell);
        assert!((haversine_m(lon, lat, place.lon, place.lat) - place.distance_m).abs() < 1e-6);
    }

    // Far from every designated pharmacy the same answers are accepted, and nothing is searched.
    let far = s
        .population_cells
        .iter()
        .find(|c| {
            let mut x = app.clone();
            x.lon = c.lon;
            x.lat = c.lat;
            x.county = c.county.clone();
            matches!(prep.decide(&x).outcome, Outcome::Accepted)
        })
        .expect("some cell accepts an ordinary pharmacy");
    let there = application(&a, far.lon, far.lat, far.county.clone(), "2026-03-01");
    let ans = answer(&prep, &there, 400.0);
    assert_eq!(ans.decision.outcome, Outcome::Accepted);
    assert!(ans.nearest.is_none());
}

#[test]
fn a_negative_list_answer_bars_the_application_from_today() {
    let s = dingdian::sample::linyi_sample();
    let p = policy("linyi-2025");
    let prep = Prepared::new(&s, &p, today());
    let (lon, lat) = near_p001(&s);
    let mut a = pharmacy_answers();
    a.negative_list = Some(dingdian::scenario::NegativeReason::FalseMaterials);
    let app = application(&a, lon, lat, Some("lanshan".into()), &prep.as_of.to_string());
    let d = prep.decide(&app);
    assert_eq!(d.outcome, Outcome::Rejected);
    let neg = d.rules.iter().find(|e| e.rule == "negative_list").unwrap();
    assert_eq!(neg.verdict, dingdian::Verdict::Fail, "{:?}", neg.detail);
}

/// linyi-2025 三(二)“同类型定点零售药店” within 800 m: a designated pharmacy that moves 300 m is
/// not its own neighbour once the guided check knows which one it is.
#[test]
fn a_pharmacy_that_moves_300_m_is_not_refused_for_its_own_old_site() {
    let s = dingdian::sample::linyi_sample();
    let p = policy("linyi-2025");
    let prep = Prepared::new(&s, &p, today());
    let (lon, lat) = near_p001(&s);
    let mut a = pharmacy_answers();
    a.change = Change::AddressChange;
    a.place = Some((lon, lat));

    let list = movers(&a, &s.institutions);
    let p001 = list.iter().find(|(id, _)| id == "p-001").expect("p-001 is offered as the one that moves");
    assert!(list
        .iter()
        .all(|(id, _)| s.institutions.iter().any(|i| &i.id == id && i.designated && i.kind == Kind::Pharmacy)));
    assert_eq!(mover_typed(&list, &mover_label(&p001.0, &p001.1)), Some("p-001".to_string()));
    assert_eq!(mover_typed(&list, " p-001 "), Some("p-001".to_string()));
    assert_eq!(mover_typed(&list, "no such pharmacy"), None);

    // Not named: its old site 300 m away counts as a same-type neighbour.
    let unnamed = application(&a, lon, lat, Some("lanshan".into()), "2026-03-01");
    assert_eq!(answer(&prep, &unnamed, 400.0).decision.outcome, Outcome::Rejected);

    a.moving_from = mover_typed(&list, "p-001");
    let named = application(&a, lon, lat, Some("lanshan".into()), "2026-03-01");
    assert_eq!(named.institution_id.as_deref(), Some("p-001"));
    assert_ne!(answer(&prep, &named, 400.0).decision.outcome, Outcome::Rejected);

    // A new pharmacy never names an institution, whatever was typed before.
    a.change = Change::New;
    assert_eq!(application(&a, lon, lat, None, "2026-03-01").institution_id, None);
}

#[test]
fn a_health_centre_is_asked_its_beds_since_they_decide_which_rules_judge_it() {
    // linyi-2025 三(一)1“提供住院服务的医疗机构” / 三(一)2“仅提供门诊服务的医疗机构”: a 乡镇卫生院 is judged by
    // the service it provides, so the check asks its beds even where no staffing rule does (Xi'an).
    let mut a = Answers {
        kind: Some(Kind::PrimaryCare),
        subtype: Some(dingdian::scenario::Subtype::TownshipCentre),
        ..Answers::default()
    };
    let mut without_staffing = policy("linyi-2025");
    without_staffing.rules.retain(|r| r.def.id != "staffing.insurance_office");
    assert!(size_fields(&a, &without_staffing).beds);
    // A village clinic provides outpatient care only: nothing to ask there.
    a.subtype = Some(dingdian::scenario::Subtype::VillageClinic);
    assert!(!size_fields(&a, &without_staffing).beds);
}
