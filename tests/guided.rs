//! The guided check for the public, engine side: the nearest places where a refused
//! application would be accepted, the rule that closes a county or the city, and the decision in
//! everyday words with the deciding figures.

use dingdian::date::Date;
use dingdian::engine::nearest_accepted::nearest_accepted;
use dingdian::engine::plain::{about_distance, explain};
use dingdian::engine::prepared::Prepared;
use dingdian::engine::{evaluate, Outcome};
use dingdian::policy::{builtin_preset, Policy};
use dingdian::scenario::{Application, Category, Kind, Scenario};
use dingdian::spatial::haversine_m;

fn today() -> Date {
    Date::new(2026, 3, 1).unwrap()
}

fn linyi() -> Policy {
    Policy::resolve(&builtin_preset("linyi-2025").unwrap(), &Default::default(), "o").unwrap()
}

/// An ordinary pharmacy that meets the national conditions, 300 m east of designated pharmacy p-001.
fn pharmacy_near_p001(s: &Scenario) -> Application {
    let p = s.institutions.iter().find(|i| i.id == "p-001").unwrap();
    let dlon = 300.0 / (111_195.0 * p.lat.to_radians().cos());
    let mut a = Application::new("guide", Kind::Pharmacy, p.lon + dlon, p.lat);
    a.county = p.county.clone();
    a.operating_months = Some(6.0);
    a.pharmacists = Some(1);
    a
}

#[test]
fn a_refused_pharmacy_gets_nearby_places_that_are_really_accepted() {
    let s = dingdian::sample::linyi_sample();
    let policy = linyi();
    let prep = Prepared::new(&s, &policy, today());
    let app = pharmacy_near_p001(&s);
    let d = prep.decide(&app);
    assert_eq!(d.outcome, Outcome::Rejected);
    assert_eq!(d.deciding_rule().unwrap().rule, "pharmacy.same_type_nearby");

    let near = nearest_accepted(&prep, &app, 3, 400.0);
    assert_eq!(near.places.len(), 3, "{near:?}");
    assert!(near.city_closed.is_none() && near.county_closed.is_none());
    for w in near.places.windows(2) {
        assert!(w[0].distance_m <= w[1].distance_m, "nearest first");
    }
    // Submitted as applications in the scenario, each place is accepted (or prioritized), and
    // no designated pharmacy of the same type stands within 800 m of it.
    let mut with = s.clone();
    with.applications.clear();
    for (k, p) in near.places.iter().enumerate() {
        let mut a = app.clone();
        a.id = format!("there-{k}");
        a.lon = p.lon;
        a.lat = p.lat;
        a.county = p.county.clone();
        assert!((haversine_m(app.lon, app.lat, p.lon, p.lat) - p.distance_m).abs() < 1e-6);
        with.applications.push(a);
        let closest = s
            .institutions
            .iter()
            .filter(|i| i.designated && i.kind == Kind::Pharmacy && i.categories().contains(Category::Ordinary))
            .map(|i| haversine_m(p.lon, p.lat, i.lon, i.lat))
            .fold(f64::INFINITY, f64::min);
        assert!(closest > 800.0, "place {k}: a same-type pharmacy {closest} m away");
    }
    let ev = evaluate(&with, &policy, today());
    for d in &ev.decisions {
        assert!(matches!(d.outcome, Outcome::Accepted | Outcome::Prioritized), "{} is {:?}", d.id, d.outcome);
    }
    // And no open place is nearer than the first one offered.
    let surface = prep.surface(&app);
    for (c, o) in s.population_cells.iter().zip(&surface.outcomes) {
        if matches!(o, Outcome::Accepted | Outcome::Prioritized) {
            assert!(haversine_m(app.lon, app.lat, c.lon, c.lat) >= near.places[0].distance_m);
        }
    }
}

#[test]
fn the_pharmacy_distance_is_said_in_everyday_words_with_its_figures() {
    let s = dingdian::sample::linyi_sample();
    let policy = linyi();
    let prep = Prepared::new(&s, &policy, today());
    let app = pharmacy_near_p001(&s);
    let d = prep.decide(&app);
    let x = explain(&prep, &app, &d);
    // The nearest designated pharmacy sharing the ordinary category, found here by brute force.
    let nearest = s
        .institutions
        .iter()
        .filter(|i| i.designated && i.kind == Kind::Pharmacy && i.categories().contains(Category::Ordinary))
        .map(|i| haversine_m(app.lon, app.lat, i.lon, i.lat))
        .fold(f64::INFINITY, f64::min);
    assert!((nearest - 300.0).abs() < 2.0, "{nearest}");
    let want =
        format!("离您选址最近的同类定点药店{}，规划要求 800 米内不能已有同类定点药店", about_distance(nearest).zh);
    assert_eq!(want, "离您选址最近的同类定点药店约 300 米，规划要求 800 米内不能已有同类定点药店");
    assert!(x.summary.zh.contains("不会被受理"), "{}", x.summary.zh);
    assert!(x.summary.zh.contains(&want), "{}", x.summary.zh);
    assert!(x.summary.en.contains("about 300 m") && x.summary.en.contains("800 m"), "{}", x.summary.en);
    assert_eq!(x.reasons[0].rule, "pharmacy.same_type_nearby");
    assert_eq!(x.reasons[0].clause, "linyi-2025 三(二)");
    assert!(x.changes.iter().any(|c| c.zh.contains("800 米内没有同类定点药店")), "{:?}", x.changes);
    assert!(x.framing.zh.contains("不是医保部门的正式决定"));

    // Under a 250 m radius the same site is accepted, and the words follow the parameter.
    let ov = [("service_radius_m".to_string(), serde_json::json!(250))].into_iter().collect();
    let policy250 = Policy::resolve(&builtin_preset("linyi-2025").unwrap(), &ov, "o").unwrap();
    let prep250 = Prepared::new(&s, &policy250, today());
    let d250 = prep250.decide(&app);
    assert!(matches!(d250.outcome, Outcome::Accepted | Outcome::Prioritized), "{:?}", d250.outcome);
    let x250 = explain(&prep250, &app, &d250);
    assert!(x250.reasons.iter().any(|r| r.text.zh.contains("约 300 米，在 250 米以外")), "{:?}", x250.reasons);
}

#[test]
fn a_fund_suspension_closes_the_whole_city_and_names_the_fund_rule() {
    let mut s = dingdian::sample::linyi_sample();
    s.city.fund.as_mut().unwrap().employee_months = Some(10.5);
    let policy = linyi();
    let prep = Prepared::new(&s, &policy, today());
    let app = pharmacy_near_p001(&s);
    let d = prep.decide(&app);
    assert_eq!(d.outcome, Outcome::Suspended);

    let near = nearest_accepted(&prep, &app, 3, 400.0);
    assert!(near.places.is_empty());
    assert!(near.cells_searched > 0);
    let city = near.city_closed.as_ref().expect("the city is closed");
    assert_eq!(city.outcome, Outcome::Suspended);
    assert_eq!(city.rule.as_ref().unwrap().rule, "fund.months_below_minimum");
    let county = near.county_closed.as_ref().expect("so is the county");
    assert_eq!(county.county.as_deref(), Some("lanshan"));
    assert_eq!(county.rule.as_ref().unwrap().rule, "fund.months_below_minimum");

    let x = explain(&prep, &app, &d);
    assert!(x.summary.zh.contains("职工医保统筹基金结余只够支付 10.5 个月（规定至少 12 个月）"), "{}", x.summary.zh);
    assert!(x.changes.iter().any(|c| c.zh.contains("换个地点也不会改变")), "{:?}", x.changes);
}

#[test]
fn a_county_closed_to_inpatient_institutions_names_the_county_rule_and_points_elsewhere() {
    let mut s = dingdian::sample::linyi_sample();
    let policy = linyi();
    // Make lanshan's measured value fall below the target: few admissions.
    let lanshan = s.counties.iter_mut().find(|c| c.id == "lanshan").unwrap();
    lanshan.admissions = Some(10_000);
    let prep = Prepared::new(&s, &policy, today());
    let lanshan_cell = s.population_cells.iter().find(|c| c.county.as_deref() == Some("lanshan")).unwrap();
    let mut app = Application::new("guide", Kind::InpatientGeneral, lanshan_cell.lon, lanshan_cell.lat);
    app.county = Some("lanshan".into());
    app.operating_months = Some(6.0);
    app.physicians = Some(2);
    let d = prep.decide(&app);
    let county_rule = d.rules.iter().find(|e| e.rule == "inpatient.county_supply").unwrap();
    assert_eq!(county_rule.verdict, dingdian::Verdict::Suspend, "{:?}", county_rule.detail);

    let near = nearest_accepted(&prep, &app, 2, 400.0);
    let closed = near.county_closed.as_ref().expect("lanshan is closed");
    assert_eq!(closed.county.as_deref(), Some("lanshan"));
    // The city rule may also suspend; whichever decides, every place offered lies elsewhere.
    for p in &near.places {
        assert_ne!(p.county.as_deref(), Some("lanshan"));
    }
    let x = explain(&prep, &app, &d);
    assert!(
        x.reasons.iter().any(|r| r.rule == "inpatient.county_supply" && r.text.zh.contains("兰山区每千人需要")),
        "{:?}",
        x.reasons
    );
}
