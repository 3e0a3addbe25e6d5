//! linyi-2025 三(二) pharmacy area classes: blank, insufficient, adequate, saturated, from
//! designated pharmacies (any category) per 10,000 residents, by administrative area when the data
//! has them, else by grid cell.

mod common;
use common::*;
use dingdian::scenario::Category::{Chronic, Ordinary, SpecialDrug};
use dingdian::{Outcome, Verdict};

const AREA: &str = "linyi-2025 三(二)";

/// One population cell of `pop` at the origin (the grid is centred there, so the origin's cell is
/// (0,0)); `n` designated ordinary pharmacies at 100–700 m north-east, all in that 1 km cell; a
/// special-drug applicant 50 m north-east (no same-type neighbour, so only the class decides).
fn grid(n: usize, pop: u64) -> Sc {
    let mut sc = Sc::linyi().cell(ORIGIN, pop);
    for i in 0..n {
        sc = sc.inst(pharmacy(&format!("p-{i}"), &[Ordinary], at(45.0, 100.0 + 60.0 * i as f64)));
    }
    sc.app(pharmacy_app(&[SpecialDrug], at(45.0, 50.0)).eligible())
}

/// 10,000 residents in the origin's cell, six designated ordinary pharmacies 600 m north-east
/// of it, and a special-drug applicant 50 m north-east.
fn six_pharmacies_600_m_north_east() -> Sc {
    let mut sc = Sc::linyi().cell(ORIGIN, 10_000);
    for i in 0..6 {
        sc = sc.inst(pharmacy(&format!("p-{i}"), &[Ordinary], at(45.0, 600.0)));
    }
    sc.app(pharmacy_app(&[SpecialDrug], at(45.0, 50.0)).eligible())
}

#[test]
fn blank_area_comes_first() {
    // 三(二)“目前无定点零售药店的区域，新开设且符合规划要求的零售药店，优先纳入基本医疗保险定点评估范围”
    let d = grid(0, 10_000).decide();
    let e = rule(&d, "pharmacy.area_class", Verdict::Priority, AREA, &["0", "10000"]);
    zh_has(e, "空白区域");
    zh_has(e, "1000 米网格");
    note_has(e, "阈值为假设");
    outcome(&d, Outcome::Prioritized);
}

#[test]
fn insufficient_and_adequate_areas_pass() {
    // 三(二)“目前定点零售药店相对不足的区域，新开设且符合条件的零售药店，纳入基本医疗保险定点评估范围”
    let d = grid(1, 10_000).decide();
    let e = rule(&d, "pharmacy.area_class", Verdict::Pass, AREA, &["1", "10000"]);
    zh_has(e, "相对不足区域");
    outcome(&d, Outcome::Accepted);

    // Exactly at the low threshold (2.0 per 10,000) is no longer insufficient.
    let d = grid(2, 10_000).decide();
    let e = rule(&d, "pharmacy.area_class", Verdict::Pass, AREA, &["2", "10000"]);
    zh_has(e, "适度区域");
    // Exactly at the high threshold (5.0) is not yet saturated.
    let d = grid(5, 10_000).decide();
    let e = rule(&d, "pharmacy.area_class", Verdict::Pass, AREA, &["5", "10000"]);
    zh_has(e, "适度区域");
    outcome(&d, Outcome::Accepted);
}

#[test]
fn saturated_area_follows_its_switch() {
    // 三(二)“目前定点零售药店相对饱和的区域，按照区域常住人口购药需求逐步优化定点零售药店的布局及密度”
    let d = grid(6, 10_000).decide();
    let e = rule(&d, "pharmacy.area_class", Verdict::Gap, AREA, &["6", "10000"]);
    zh_has(e, "相对饱和区域");
    assert_eq!(e.switch.as_deref(), Some("saturated_pharmacy_area"));
    outcome(&d, Outcome::Undetermined);

    let d = grid(6, 10_000).set("saturated_pharmacy_area", "pass").decide();
    let e = rule(&d, "pharmacy.area_class", Verdict::Pass, AREA, &["6"]);
    assert_eq!(e.switch.as_deref(), Some("saturated_pharmacy_area"));
    outcome(&d, Outcome::Accepted);

    let d = grid(6, 10_000).set("saturated_pharmacy_area", "fail").decide();
    let e = rule(&d, "pharmacy.area_class", Verdict::Fail, AREA, &["6"]);
    assert_eq!(e.switch.as_deref(), Some("saturated_pharmacy_area"));
    outcome(&d, Outcome::Rejected);
}

#[test]
fn thresholds_are_parameters() {
    // 三(二)“相对不足的区域……相对饱和的区域” — the draft gives no numbers
    // The draft gives no numbers: both thresholds are assumptions the user can move.
    let d = grid(5, 10_000).set("pharmacy_saturated_above_per_10k", 4.5).decide();
    let e = rule(&d, "pharmacy.area_class", Verdict::Gap, AREA, &["5"]);
    zh_has(e, "相对饱和区域");
    note_has(e, "高于4.5为相对饱和");
    let d = grid(2, 10_000).set("pharmacy_insufficient_below_per_10k", 2.5).decide();
    zh_has(rule(&d, "pharmacy.area_class", Verdict::Pass, AREA, &["2"]), "相对不足区域");
    // The low threshold above the high one is refused.
    let err =
        grid(2, 10_000).set("pharmacy_insufficient_below_per_10k", 6).try_policy().expect_err("6 > 5 must be refused");
    // The message names the threshold the user moved.
    assert!(err.contains("policy.overrides.pharmacy_insufficient_below_per_10k"), "{err}");
    let err =
        grid(2, 10_000).set("pharmacy_saturated_above_per_10k", 1.5).try_policy().expect_err("2 > 1.5 must be refused");
    assert!(err.contains("policy.overrides.pharmacy_saturated_above_per_10k"), "{err}");
}

#[test]
fn any_category_counts_but_only_designated_ones() {
    // The class counts designated pharmacies of every category; non-designated ones are not 定点.
    let mut sc = Sc::linyi().cell(ORIGIN, 10_000);
    for (i, cats) in
        [&[Ordinary][..], &[Chronic], &[SpecialDrug], &[Ordinary, Chronic], &[Chronic], &[Ordinary]].iter().enumerate()
    {
        sc = sc.inst(pharmacy(&format!("p-{i}"), cats, at(45.0, 900.0 + 10.0 * i as f64)));
    }
    let d = sc.app(pharmacy_app(&[Ordinary], at(45.0, 50.0)).eligible()).decide();
    rule(&d, "pharmacy.area_class", Verdict::Gap, AREA, &["6"]);

    let mut sc = Sc::linyi().cell(ORIGIN, 10_000);
    for i in 0..6 {
        sc = sc.inst(pharmacy(&format!("p-{i}"), &[Ordinary], at(45.0, 900.0)).undesignated());
    }
    let d = sc.app(pharmacy_app(&[Ordinary], at(45.0, 50.0)).eligible()).decide();
    rule(&d, "pharmacy.area_class", Verdict::Priority, AREA, &["0"]);
}

#[test]
fn grid_cell_size_is_a_parameter() {
    // 三(二)“目前无定点零售药店的区域” — without administrative areas, an area is a grid cell
    // Six pharmacies 600 m north-east of the origin (x = y ≈ 424 m): in the origin's 1 km cell,
    // but in another cell once cells are 400 m.
    let sc = six_pharmacies_600_m_north_east;
    let d = sc().decide();
    zh_has(rule(&d, "pharmacy.area_class", Verdict::Gap, AREA, &["6", "10000"]), "1000 米网格");
    let d = sc().set("pharmacy_area_cell_m", 400).decide();
    let e = rule(&d, "pharmacy.area_class", Verdict::Priority, AREA, &["0", "10000"]);
    zh_has(e, "400 米网格");
}

#[test]
fn administrative_areas_are_used_when_the_data_has_them() {
    // 三(二)“鼓励和促进零售药店向空白区域、相对不足区域、乡镇和基层分布” — areas are towns/streets when the data has them
    // A town/street id on cells, institutions and applications replaces the grid.
    let sc = |app_area: Option<&str>, app_at: (f64, f64)| {
        let mut sc =
            Sc::linyi().area_cell(at(0.0, 0.0), 10_000, "town-a").area_cell(at(90.0, 5_000.0), 20_000, "town-b");
        for i in 0..6 {
            sc = sc.inst(pharmacy(&format!("p-{i}"), &[Ordinary], at(0.0, 3_000.0)).area("town-a"));
        }
        let mut app = pharmacy_app(&[SpecialDrug], app_at).eligible();
        app.area = app_area.map(str::to_string);
        sc.app(app)
    };
    // The applicant stands next to town-a's pharmacies but declares town-b: blank.
    let d = sc(Some("town-b"), at(0.0, 3_000.0)).decide();
    let e = rule(&d, "pharmacy.area_class", Verdict::Priority, AREA, &["town-b", "20000"]);
    assert!(!e.detail.zh.contains("网格"), "admin areas, not grid: {:?}", e.detail.zh);
    // Declaring town-a: 6 per 10,000 → saturated.
    let d = sc(Some("town-a"), at(90.0, 5_000.0)).decide();
    rule(&d, "pharmacy.area_class", Verdict::Gap, AREA, &["town-a", "6", "10000"]);
    // Without a stated area, the nearest cell's area: 50 m from town-b's cell.
    let d = sc(None, destination(at(90.0, 5_000.0), 0.0, 50.0)).decide();
    rule(&d, "pharmacy.area_class", Verdict::Priority, AREA, &["town-b"]);
}

#[test]
fn a_moving_pharmacy_does_not_count_itself() {
    // 三(四)2“变更注册地址的定点医药机构，按照本规划执行”: its own old site is left out
    let d = grid(6, 10_000)
        .with_app(|a| {
            a.category = Some(dingdian::scenario::Categories::of(&[SpecialDrug]));
            *a = a.clone().address_change(Some("p-5"));
        })
        .decide();
    rule(&d, "pharmacy.area_class", Verdict::Pass, AREA, &["5", "10000"]);
}

#[test]
fn without_population_cells_the_class_is_not_applicable() {
    // 三(二)“按照区域常住人口购药需求” — without residents no area can be classed
    let d = Sc::linyi().app(pharmacy_app(&[Ordinary], ORIGIN).eligible()).decide();
    missing(&d, "pharmacy.area_class", AREA, "population_cells");
    outcome(&d, Outcome::Accepted);
    // And it does not concern other kinds.
    let d = Sc::linyi()
        .cell(ORIGIN, 100)
        .app(application(dingdian::scenario::Kind::Outpatient, ORIGIN).eligible())
        .decide();
    rule(&d, "pharmacy.area_class", Verdict::NotApplicable, AREA, &[]);
}

trait WithApp {
    fn with_app(self, f: impl FnOnce(&mut dingdian::Application)) -> Self;
}

impl WithApp for Sc {
    fn with_app(mut self, f: impl FnOnce(&mut dingdian::Application)) -> Self {
        f(self.s.applications.last_mut().expect("an application"));
        self
    }
}

#[test]
fn pharmacies_are_counted_per_area_once_for_the_data_and_again_when_it_or_the_cell_size_changes() {
    // 三(二) counts the designated pharmacies of an area. The app keeps the count while only
    // other parameters change (a recompute then finds it made), and counts again for other
    // institutions or another area cell size: each count must be the fresh one.
    use dingdian::engine::prepared::{DataIndex, Prepared};
    use std::rc::Rc;
    let make = six_pharmacies_600_m_north_east;
    let sc = make();
    let data = Rc::new(DataIndex::build(&sc.s));
    let today = dingdian::date::Date::parse("2025-07-28").unwrap();
    let fresh = |s: &dingdian::scenario::Scenario, p: &dingdian::policy::Policy| {
        DataIndex::build(s).area_model(s, &p.params).stats
    };
    let policy = sc.policy();
    let first = Prepared::with_data(&sc.s, &policy, data.clone(), today);
    let wider_policy = make().set("service_radius_m", 1200).policy();
    let again = Prepared::with_data(&sc.s, &wider_policy, data.clone(), today);
    assert!(Rc::ptr_eq(&first.areas, &again.areas), "another radius: the same count");
    assert_eq!(first.areas.stats, fresh(&sc.s, &policy));

    // Two of the six are no longer designated: counted again, four in the origin's cell.
    let mut fewer = sc.s.clone();
    fewer.institutions[0].designated = false;
    fewer.institutions[1].designated = false;
    let recount = Prepared::with_data(&fewer, &policy, data.clone(), today);
    assert_eq!(recount.areas.stats, fresh(&fewer, &policy));
    assert_ne!(recount.areas.stats, first.areas.stats);

    let finer = make().set("pharmacy_area_cell_m", 400).policy();
    let counted = Prepared::with_data(&sc.s, &finer, data.clone(), today);
    assert!(!Rc::ptr_eq(&first.areas, &counted.areas));
    assert_eq!(counted.areas.stats, fresh(&sc.s, &finer));
}
