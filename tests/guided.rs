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
    let x = explain(&prep, &app, &d, true);
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
    let x250 = explain(&prep250, &app, &d250, true);
    assert!(x250.reasons.iter().any(|r| r.text.zh.contains("约 300 米，在 250 米以外")), "{:?}", x250.reasons);
}

/// linyi-2025 三(三)3 "上年度医保基金结余可支付月数低于国家规定最低月数…暂停全市当年度医药
///机构新增医保定点的受理和评估": the fund state is the year's and the whole city's, a condition of
/// the time. It is said once, beside places the location rules would accept, never as a city
/// with nowhere open.
#[test]
fn a_fund_suspension_is_said_once_for_the_city_beside_real_places() {
    let mut s = dingdian::sample::linyi_sample();
    s.city.fund.as_mut().unwrap().employee_months = Some(10.5);
    let policy = linyi();
    let prep = Prepared::new(&s, &policy, today());
    let app = pharmacy_near_p001(&s);
    let d = prep.decide(&app);
    assert_eq!(d.outcome, Outcome::Suspended);
    assert_eq!(d.where_outcome, Outcome::Rejected, "300 m from p-001");
    assert_eq!(d.when_unmet, ["fund.months_below_minimum"]);
    assert!(d.readings.iter().any(|r| r == "where_when"), "the split is the simulator's: {:?}", d.readings);

    let near = nearest_accepted(&prep, &app, 3, 400.0);
    assert_eq!(near.places.len(), 3, "{near:?}");
    assert_eq!((&near.city_closed, &near.county_closed), (&None, &None));
    let when: Vec<&str> = near.when_unmet.iter().map(|e| &*e.rule).collect();
    assert_eq!(when, ["fund.months_below_minimum"]);

    let x = explain(&prep, &app, &d, true);
    assert!(x.summary.zh.starts_with("在这个位置，按规划草案的位置规则不会受理；全市今年"), "{}", x.summary.zh);
    assert_eq!(x.when.len(), 1, "said once: {:?}", x.when);
    let fund = x.reasons.iter().filter(|r| r.rule.starts_with("fund.")).collect::<Vec<_>>();
    assert_eq!(fund.len(), 1);
    assert!(
        fund[0].text.zh.contains("职工医保统筹基金结余只够支付 10.5 个月（规定至少 12 个月）"),
        "{}",
        fund[0].text.zh
    );
    assert!(x.changes.iter().any(|c| c.zh.contains("换个地点也不会改变")), "{:?}", x.changes);
}

/// 令2号 第六条(一) "正式运营至少3个月": a pharmacy not yet open (0 months) is told what the place
/// would get under the location rules and that it may apply after 3 months, and is offered the
/// same places as one already open.
#[test]
fn a_pharmacy_not_yet_open_is_told_where_and_when_separately() {
    let s = dingdian::sample::linyi_sample();
    let policy = linyi();
    let prep = Prepared::new(&s, &policy, today());
    let open = pharmacy_near_p001(&s);
    let mut new = open.clone();
    new.operating_months = Some(0.0);

    let d = prep.decide(&new);
    assert_eq!(d.outcome, Outcome::Rejected);
    assert_eq!(d.where_outcome, Outcome::Rejected);
    assert_eq!(d.when_unmet, ["national.operating_months"]);
    assert!(d.readings.iter().any(|r| r == "where_when"), "the split is the simulator's: {:?}", d.readings);
    let x = explain(&prep, &new, &d, true);
    assert!(
        x.summary.zh.starts_with("在这个位置，按规划草案的位置规则不会受理；开业满 3 个月后才能申请。原因：离您选址最近的同类定点药店约 300 米"),
        "{}",
        x.summary.zh
    );
    assert!(x.summary.en.starts_with("At this place, the draft plan's location rules would not accept it; it may apply once it has been open for 3 months."), "{}", x.summary.en);
    let near = dingdian::guide::answer(&prep, &new, 400.0).nearest.expect("searched: the place refuses it");
    assert_eq!(near.places, nearest_accepted(&prep, &open, 3, 400.0).places);
    assert!(!near.places.is_empty() && near.city_closed.is_none());

    // At the nearest of those places: the location rules accept it, the months still bind, and
    // no other place is searched for.
    let p = &near.places[0];
    let mut there = new.clone();
    (there.lon, there.lat, there.county) = (p.lon, p.lat, p.county.clone());
    let answer = dingdian::guide::answer(&prep, &there, 400.0);
    assert_eq!(answer.decision.outcome, Outcome::Rejected);
    assert!(matches!(answer.decision.where_outcome, Outcome::Accepted | Outcome::Prioritized));
    assert!(answer.nearest.is_none());
    let verb = if answer.decision.where_outcome == Outcome::Accepted { "会受理" } else { "会优先纳入" };
    assert_eq!(
        answer.explanation.summary.zh,
        format!("在这个位置，按规划草案的位置规则{verb}；开业满 3 个月后才能申请。")
    );

    // While it waits, a pharmacy designated within 800 m first would change the place's answer.
    assert!(answer.explanation.changes.iter().any(|c| c.zh.contains("正式运营满 3 个月后再申请")));
    assert!(
        answer.explanation.changes.iter().any(|c| c.zh.contains("如果在您之前有同类定点药店在 800 米内成为定点")),
        "{:?}",
        answer.explanation.changes
    );

    // With what else is missing: no pharmacist yet (令3号).
    there.pharmacists = Some(0);
    let x = explain(&prep, &there, &prep.decide(&there), true);
    assert!(x.summary.zh.contains("；开业满 3 个月后才能申请；还要配备至少 1 名药师。"), "{}", x.summary.zh);
    assert_eq!(x.when.len(), 2);
    // The reasons say which are conditions of the place and which of the time.
    use dingdian::policy::Condition;
    let months = x.reasons.iter().find(|r| r.rule == "national.operating_months").unwrap();
    assert_eq!(months.condition, Some(Condition::When));
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
    let x = explain(&prep, &app, &d, true);
    assert!(
        x.reasons.iter().any(|r| r.rule == "inpatient.county_supply" && r.text.zh.contains("兰山区每千人需要")),
        "{:?}",
        x.reasons
    );
}

/// 三(二) "800米服务圈内已有同类型定点零售药店的，原则上不再新增": drawn as wide as the whole sample
/// (20 km), every place has one, so the answer offers no other place, says the city is closed by
/// that rule, and its way to change the answer points to no list below; with the plan's 800 m the
/// same applicant is pointed down to the places listed.
#[test]
fn with_no_place_open_anywhere_the_answer_points_to_no_list_below() {
    let s = dingdian::sample::linyi_sample();
    let app = pharmacy_near_p001(&s);
    let wide = {
        let ov = [("service_radius_m".to_string(), serde_json::json!(20_000.0))].into_iter().collect();
        Policy::resolve(&builtin_preset("linyi-2025").unwrap(), &ov, "o").unwrap()
    };
    let closed = dingdian::guide::answer(&Prepared::new(&s, &wide, today()), &app, 400.0);
    let near = closed.nearest.as_ref().expect("refused here, so other places are searched");
    assert!(near.places.is_empty(), "{:?}", near.places);
    let rule = near.city_closed.as_ref().and_then(|c| c.rule.as_ref()).map(|e| &*e.rule);
    assert_eq!(rule, Some("pharmacy.same_type_nearby"));
    let changes: Vec<(&str, &str)> = closed.explanation.changes.iter().map(|t| (&*t.zh, &*t.en)).collect();
    assert!(
        changes.contains(&(
            "选一处 20000 米内没有同类定点药店的地点",
            "choose a site with no designated pharmacy of the same type within 20000 m"
        )),
        "{changes:?}"
    );
    assert!(changes.iter().all(|(zh, en)| !zh.contains("见下面") && !en.contains("below")), "{changes:?}");

    let open = dingdian::guide::answer(&Prepared::new(&s, &linyi(), today()), &app, 400.0);
    assert!(!open.nearest.as_ref().unwrap().places.is_empty());
    let changes: Vec<&str> = open.explanation.changes.iter().map(|t| &*t.zh).collect();
    assert!(changes.contains(&"选一处 800 米内没有同类定点药店的地点（见下面离您最近的可受理地点）"), "{changes:?}");
}
