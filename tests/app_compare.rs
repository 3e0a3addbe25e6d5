//! The comparison covers everything a draft changes (decisions, the counties' inpatient status,
//! coverage by kind and county, the acceptable area), and two presets compare side by side on
//! the same data.

use std::collections::BTreeMap;
use std::rc::Rc;

use dingdian::app::review::PresetPairInputs;
use dingdian::app::review_view::ReviewView;
use dingdian::app::state::{Action, State};
use dingdian::engine::prepared::Prepared;
use dingdian::planning::InpatientStatus;
use dingdian::policy::Policy;

fn param(id: &'static str, raw: &str) -> Action {
    Action::SetParam(id, raw.to_string())
}

#[test]
fn the_comparison_names_the_counties_a_draft_opens_and_the_county_coverage_it_moves() {
    let s = Rc::new(State::new());
    // The lowest county's measured value: a target under it opens that county.
    let lowest =
        s.evaluation.figures.counties.iter().filter_map(|(_, c)| c.measured_beds_per_1000).fold(f64::MAX, f64::min);
    let was = s.layers.counties.clone();
    let s = s.apply(param("target_beds_per_1000", &format!("{:.2}", lowest - 0.05)));
    let c = &s.review.comparison;
    let expected: Vec<&str> = was
        .iter()
        .zip(s.layers.counties.iter())
        .filter(|(a, b)| a.status != b.status)
        .map(|(a, _)| a.name.as_str())
        .collect();
    assert!(!expected.is_empty(), "{was:?}");
    assert_eq!(c.counties.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(), expected);
    assert!(c.counties.iter().all(|x| x.after == InpatientStatus::Open));

    // A smaller radius: each county's pharmacy coverage is listed where it changed, and only there.
    let s = s.apply(param("service_radius_m", "500"));
    let v = ReviewView::of(&s);
    let rows: Vec<_> =
        v.figures(false).into_iter().filter(|f| f.key.starts_with("coverage.county.pharmacy.")).collect();
    assert!(!rows.is_empty());
    for f in &rows {
        assert!(f.changed() && f.difference().unwrap() < 0.0, "{f:?}");
        let id = f.key.rsplit('.').next().unwrap();
        let draft = s.evaluation.coverage.pharmacy.by_county.iter().find(|(c, _)| c == id).unwrap().1;
        assert_eq!(f.draft, draft);
    }
    // The acceptable area of the selected application is one of the figures.
    assert!(v.figures(false).iter().any(|f| f.key == "surface.accepting"));
}

#[test]
fn two_presets_compare_side_by_side_on_the_same_data() {
    let s = Rc::new(State::new()).apply(Action::NewApp);
    let inputs = PresetPairInputs::of(&s);
    let (a, b) = (s.preset_idx, inputs.other());
    assert_ne!(a, b);
    let pair = inputs.compare(a, b).expect("both presets resolve");
    // Every listed decision is the one each preset's own evaluation gives, and every decision
    // that differs is listed.
    let decide = |k: usize| {
        let policy = Policy::resolve(&s.presets[k], &BTreeMap::new(), "p").unwrap();
        let prep = Prepared::with_data(&s.scenario, &policy, s.data.index.clone(), s.today);
        s.scenario.applications.iter().map(|x| (x.id.clone(), prep.decide(x).outcome)).collect::<Vec<_>>()
    };
    let (da, db) = (decide(a), decide(b));
    let differ: Vec<&str> = da.iter().zip(&db).filter(|(x, y)| x.1 != y.1).map(|(x, _)| x.0.as_str()).collect();
    assert_eq!(pair.comparison.decisions.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), differ);
    for d in &pair.comparison.decisions {
        assert_eq!(Some(d.baseline), da.iter().find(|x| x.0 == d.id).map(|x| x.1));
        assert_eq!(Some(d.draft), db.iter().find(|x| x.0 == d.id).map(|x| x.1));
    }
    // The same preset against itself: nothing differs.
    let same = inputs.compare(a, a).unwrap();
    assert!(same.comparison.decisions.is_empty() && same.comparison.counties.is_empty());
    assert_eq!(same.comparison.changed_figures().count(), 0);
}
