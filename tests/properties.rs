//! Determinism and order independence of decisions; coverage shares (DESIGN.md §2) in [0, 1],
//! equal to a brute-force haversine count, and monotone when a designated institution is added;
//! a larger radius never turns a proximity rejection into an acceptance; a fund suspension
//! suspends every application it does not exempt; an institution is never its own neighbour.
//! A designated institution of an applicant's own type added near it never raises its
//! acceptance. Case counts respect PROPTEST_CASES (default 16; scripts/test runs 256).

mod common;
use common::*;
use dingdian::scenario::{Categories, Category, County, Institution, Kind, PopulationCell, Specialty};
use dingdian::spatial::{haversine_m, KindCoverage};
use dingdian::{Evaluation, Outcome, Verdict};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(16);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

#[derive(Clone, Debug)]
struct InstSpec {
    kind: usize,
    bearing: f64,
    dist: f64,
    designated: bool,
    cats: u8,
    outpatient: Option<bool>,
}

fn inst_spec() -> impl Strategy<Value = InstSpec> {
    (0usize..5, 0.0..360.0f64, 0.0..3_000.0f64, any::<bool>(), 1u8..8, proptest::option::of(any::<bool>())).prop_map(
        |(kind, bearing, dist, designated, cats, outpatient)| InstSpec {
            kind,
            bearing,
            dist,
            designated,
            cats,
            outpatient,
        },
    )
}

fn build_inst(i: usize, s: &InstSpec) -> Institution {
    let kind = Kind::ALL[s.kind];
    let mut x = inst(&format!("i-{i}"), kind, at(s.bearing, s.dist));
    x.designated = s.designated;
    if kind == Kind::Pharmacy {
        let cats: Vec<Category> =
            Category::ALL.iter().enumerate().filter(|(b, _)| s.cats & (1 << b) != 0).map(|(_, c)| *c).collect();
        x.category = Some(Categories::of(&cats));
    } else {
        x.provides_outpatient = s.outpatient;
    }
    if kind == Kind::InpatientSpecialty {
        x.specialty = Some(Specialty::ALL[s.cats as usize % 3]);
    }
    x.county = Some(if s.bearing < 180.0 { "east" } else { "west" }.into());
    x
}

fn cells(specs: &[(f64, f64, u64)]) -> Vec<PopulationCell> {
    specs
        .iter()
        .map(|&(b, d, pop)| {
            let p = at(b, d);
            PopulationCell {
                lon: p.0,
                lat: p.1,
                population: pop,
                county: Some(if b < 180.0 { "east" } else { "west" }.into()),
                area: None,
            }
        })
        .collect()
}

fn scenario(insts: &[InstSpec], cell_specs: &[(f64, f64, u64)], preset: &str) -> Sc {
    let mut sc = if preset == "linyi-2025" { Sc::linyi() } else { Sc::xian() };
    sc.s.counties.push(County { id: "east".into(), name: "东".into(), ..county_measuring("east", 8.0) });
    sc.s.counties.push(County { id: "west".into(), name: "西".into(), ..county_measuring("west", 5.0) });
    sc.s.institutions = insts.iter().enumerate().map(|(i, s)| build_inst(i, s)).collect();
    sc.s.population_cells = cells(cell_specs).into();
    // One application of every kind, spread around.
    for (k, kind) in Kind::ALL.iter().enumerate() {
        let mut a = application(*kind, at(72.0 * k as f64, 700.0)).eligible();
        a.id = format!("a-{k}");
        a.county = Some(if k < 3 { "east" } else { "west" }.into());
        if *kind == Kind::Pharmacy {
            a.category = Some(Categories::of(&[Category::Ordinary, Category::SpecialDrug]));
        }
        if *kind == Kind::InpatientSpecialty {
            a.specialty = Some(Specialty::ALL[0]);
        }
        if *kind == Kind::PrimaryCare {
            a.subtype = Some(dingdian::scenario::Subtype::CommunityStation);
        }
        sc.s.applications.push(a);
    }
    sc
}

fn layers(e: &Evaluation) -> [(&'static str, &KindCoverage); 3] {
    [("pharmacy", &e.coverage.pharmacy), ("outpatient", &e.coverage.outpatient), ("inpatient", &e.coverage.inpatient)]
}

fn all_shares(k: &KindCoverage) -> Vec<Option<f64>> {
    let mut v = vec![k.population_share];
    v.extend(k.by_county.iter().map(|(_, s)| *s));
    v.extend(k.by_category.iter().flatten().map(|(_, s)| *s));
    v
}

/// Brute force: the population whose cell lies within r of an institution accepted by `serves`.
fn brute(sc: &Sc, r: f64, serves: impl Fn(&Institution) -> bool) -> u64 {
    sc.s.population_cells
        .iter()
        .filter(|c| sc.s.institutions.iter().any(|i| serves(i) && haversine_m(c.lon, c.lat, i.lon, i.lat) <= r))
        .map(|c| c.population)
        .sum()
}

fn cell_strategy() -> impl Strategy<Value = Vec<(f64, f64, u64)>> {
    prop::collection::vec((0.0..360.0f64, 0.0..3_500.0f64, 1u64..5_000), 1..40)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn shuffling_institutions_does_not_change_decisions(
        (insts, order) in prop::collection::vec(inst_spec(), 0..30).prop_flat_map(|v| {
            let n = v.len();
            (Just(v), Just((0..n).collect::<Vec<usize>>()).prop_shuffle())
        }),
        cell_specs in cell_strategy(),
        preset in prop::sample::select(vec!["linyi-2025", "xian-2025"]),
    ) {
        let sc = scenario(&insts, &cell_specs, preset);
        let a = sc.eval();
        // Evaluating twice gives the same document (determinism).
        prop_assert_eq!(&a, &sc.eval());

        // Any order of the same institutions (each keeps its id), not only a rotation.
        let mut shuffled = scenario(&insts, &cell_specs, preset);
        shuffled.s.institutions = order.iter().map(|&k| sc.s.institutions[k].clone()).collect();
        let b = shuffled.eval();
        prop_assert_eq!(&a.decisions, &b.decisions);
        prop_assert_eq!(&a.coverage, &b.coverage);
        prop_assert_eq!(&a.figures, &b.figures);
    }

    #[test]
    fn coverage_shares_are_fractions_equal_to_brute_force(
        insts in prop::collection::vec(inst_spec(), 0..30),
        cell_specs in cell_strategy(),
        radius in 50.0..2_000.0f64,
    ) {
        let sc = scenario(&insts, &cell_specs, "linyi-2025").set("service_radius_m", radius);
        let e = sc.eval();
        for (name, k) in layers(&e) {
            prop_assert!(k.population_share.is_some());
            // A county without cells has no share (null), never a made-up one.
            for s in all_shares(k).into_iter().flatten() {
                prop_assert!((0.0..=1.0).contains(&s), "{} share {}", name, s);
            }
        }
        let total: u64 = sc.s.population_cells.iter().map(|c| c.population).sum();
        let want = [
            brute(&sc, radius, |i| i.designated && i.kind == Kind::Pharmacy),
            brute(&sc, radius, |i| i.designated && i.kind.is_medical() && i.provides_outpatient()),
            brute(&sc, radius, |i| i.designated && i.kind.is_inpatient()),
        ];
        for ((name, k), w) in layers(&e).into_iter().zip(want) {
            prop_assert_eq!(k.covered_population, w, "{} covered population", name);
            prop_assert_eq!(k.population_share, Some(w as f64 / total as f64), "{} share", name);
        }
    }

    #[test]
    fn adding_a_designated_institution_never_lowers_coverage(
        insts in prop::collection::vec(inst_spec(), 0..25),
        cell_specs in cell_strategy(),
        extra in inst_spec(),
    ) {
        let before = scenario(&insts, &cell_specs, "linyi-2025").eval();
        let mut more = insts.clone();
        more.push(InstSpec { designated: true, ..extra });
        let after = scenario(&more, &cell_specs, "linyi-2025").eval();
        for ((name, b), (_, a)) in layers(&before).into_iter().zip(layers(&after)) {
            prop_assert!(a.covered_population >= b.covered_population, "{} fell", name);
            for (x, y) in all_shares(b).into_iter().zip(all_shares(a)) {
                prop_assert_eq!(x.is_some(), y.is_some());
                prop_assert!(y >= x, "{} share fell: {:?} → {:?}", name, x, y);
            }
        }
    }
}

/// The rules that ask "is a neighbour within the service radius?" (engine::proximity::judge).
const PROXIMITY_RULES: [&str; 4] =
    ["inpatient.same_type_nearby", "outpatient.nearby", "pharmacy.same_type_nearby", "outpatient_pharmacy.no_new"];

/// A radius the parameter table accepts (50 m steps).
fn radius_strategy() -> impl Strategy<Value = f64> {
    (2u32..40).prop_map(|k| k as f64 * 50.0)
}

fn verdict_of(d: &dingdian::Decision, rule: &str) -> Option<Verdict> {
    d.rules.iter().find(|e| e.rule == rule).map(|e| e.verdict)
}

proptest! {
    #![proptest_config(config())]

    /// 三(二) "服务半径内已有同类定点药店的不予受理": a neighbour inside a circle is inside every
    /// larger circle, so widening the circle can only add proximity failures.
    #[test]
    fn a_larger_radius_never_turns_a_proximity_rejection_into_acceptance(
        insts in prop::collection::vec(inst_spec(), 0..30),
        cell_specs in cell_strategy(),
        small in radius_strategy(),
        wider in (0u32..30).prop_map(|k| k as f64 * 50.0),
        preset in prop::sample::select(vec!["linyi-2025", "xian-2025"]),
    ) {
        let large = small + wider;
        let a = scenario(&insts, &cell_specs, preset).set("service_radius_m", small).eval();
        let b = scenario(&insts, &cell_specs, preset).set("service_radius_m", large).eval();
        for (x, y) in a.decisions.iter().zip(&b.decisions) {
            for rule in PROXIMITY_RULES {
                if verdict_of(x, rule) == Some(Verdict::Fail) {
                    prop_assert_eq!(verdict_of(y, rule), Some(Verdict::Fail),
                        "{}: {} failed at {} m but not at {} m", x.id, rule, small, large);
                    prop_assert!(!matches!(y.outcome, Outcome::Accepted | Outcome::Prioritized),
                        "{}: rejected by {} at {} m, {:?} at {} m", x.id, rule, small, y.outcome, large);
                }
            }
        }
    }

    /// 三(三)1 "基金出现赤字的……暂停受理新增定点申请": with a fund deficit every application is
    /// suspended, except where an exemption reaches the fund rule; an eligibility failure still
    /// rejects first (DESIGN.md §1, outcome order).
    #[test]
    fn a_fund_suspension_suspends_every_application_it_does_not_exempt(
        insts in prop::collection::vec(inst_spec(), 0..20),
        cell_specs in cell_strategy(),
        key_project_escapes_fund in any::<bool>(),
        keyed in prop::collection::vec(any::<bool>(), 5),
    ) {
        let mut sc = scenario(&insts, &cell_specs, "linyi-2025")
            .city(|c| c.fund = linyi_city().fund)
            .fund(|f| f.employee_deficit = Some(true))
            .set("key_project_escapes_fund", key_project_escapes_fund);
        for (a, k) in sc.s.applications.iter_mut().zip(&keyed) {
            if *k {
                a.key_project = Some(dingdian::scenario::KeyProject(Some(dingdian::scenario::KeyLevel::Municipal)));
            }
        }
        let e = sc.eval();
        for (d, keyed) in e.decisions.iter().zip(&keyed) {
            let entry = d.rules.iter().find(|t| t.rule == "fund.deficit");
            prop_assert!(entry.is_some(), "{}: no fund.deficit entry", d.id);
            let entry = entry.unwrap();
            let eligibility_failed = d.rules.iter().any(|t| t.verdict == Verdict::Fail
                && dingdian::policy::rule_def(&t.rule).is_some_and(|r| r.is_eligibility()));
            if entry.exempted_by.is_some() {
                prop_assert!(key_project_escapes_fund && *keyed,
                    "{}: exempted from the fund rule by {:?} (key project: {}, escapes: {})",
                    d.id, entry.exempted_by, keyed, key_project_escapes_fund);
            } else {
                prop_assert_eq!(entry.verdict, Verdict::Suspend, "{}: fund.deficit with a deficit", &d.id);
                prop_assert!(
                    d.outcome == Outcome::Suspended || (eligibility_failed && d.outcome == Outcome::Rejected),
                    "{}: suspended by the fund rule but {:?}", d.id, d.outcome);
            }
        }
    }

    /// 三(四)2 (an address change is judged at the new site): the moving institution's old site
    /// is never its own neighbour — deciding the move is the same as deciding it in a city
    /// without the old site, as far as the proximity rules go.
    #[test]
    fn an_institution_is_never_its_own_neighbour(
        insts in prop::collection::vec(inst_spec(), 1..25),
        cell_specs in cell_strategy(),
        which in any::<prop::sample::Index>(),
        step in 0.0..400.0f64,
        preset in prop::sample::select(vec!["linyi-2025", "xian-2025"]),
    ) {
        let mut sc = scenario(&insts, &cell_specs, preset);
        let k = which.index(sc.s.institutions.len());
        sc.s.institutions[k].designated = true;
        let mover = sc.s.institutions[k].clone();
        let mut app = application(mover.kind, (mover.lon, mover.lat)).eligible().address_change(Some(&mover.id));
        app.id = "move".into();
        app.lon += step / 111_000.0;
        app.category = mover.category;
        app.specialty = mover.specialty;
        app.county = mover.county.clone();
        if mover.kind == Kind::PrimaryCare {
            app.subtype = Some(dingdian::scenario::Subtype::CommunityStation);
        }
        sc.s.applications = vec![app];
        let moving = sc.eval();
        // The same application as a new one, in the city without the old site.
        let mut without = Sc { s: sc.s.clone() };
        without.s.institutions.remove(k);
        without.s.applications[0].change = dingdian::scenario::Change::New;
        without.s.applications[0].institution_id = None;
        let reference = without.eval();
        for rule in PROXIMITY_RULES {
            let m = moving.decisions[0].rules.iter().find(|e| e.rule == rule);
            let r = reference.decisions[0].rules.iter().find(|e| e.rule == rule);
            prop_assert_eq!(m.map(|e| (e.verdict, &e.detail)), r.map(|e| (e.verdict, &e.detail)),
                "{} of the move differs from the same application without the old site", rule);
        }
    }
}

#[test]
fn coverage_counts_a_cell_exactly_at_the_radius() {
    // DESIGN §2: “within r” means distance ≤ r, the same haversine as the decisions.
    let p = at(37.0, 512.3);
    let d = haversine_m(ORIGIN.0, ORIGIN.1, p.0, p.1);
    let sc = |r: f64| {
        Sc::linyi()
            .inst(pharmacy("p", &[Category::Chronic], p))
            .cell(ORIGIN, 1000)
            .cell(at(217.0, 3_000.0), 3000)
            .set("service_radius_m", r)
    };
    let e = sc(d).eval();
    assert_eq!(e.coverage.pharmacy.population_share, Some(0.25));
    let cats = e.coverage.pharmacy.by_category.clone().unwrap();
    assert_eq!(
        cats,
        vec![
            ("ordinary".to_string(), Some(0.0)),
            ("chronic".to_string(), Some(0.25)),
            ("special_drug".to_string(), Some(0.0))
        ]
    );
    let e = sc(d * (1.0 - 1e-9)).eval();
    assert_eq!(e.coverage.pharmacy.population_share, Some(0.0));
}

#[test]
fn coverage_without_cells_is_null_and_a_non_designated_institution_covers_nobody() {
    let e = Sc::linyi().inst(pharmacy("p", &[Category::Ordinary], ORIGIN)).eval();
    assert_eq!(e.coverage.pharmacy.population_share, None);
    let e = Sc::linyi()
        .inst(pharmacy("p", &[Category::Ordinary], ORIGIN).undesignated())
        .inst(hospital("h", ORIGIN).undesignated())
        .cell(ORIGIN, 100)
        .eval();
    assert_eq!(e.coverage.pharmacy.population_share, Some(0.0));
    assert_eq!(e.coverage.outpatient.population_share, Some(0.0));
    assert_eq!(e.coverage.inpatient.population_share, Some(0.0));
    // A designated hospital with provides_outpatient: false covers inpatient only.
    let e = Sc::linyi().inst(hospital("h", ORIGIN).outpatient(false)).cell(ORIGIN, 100).eval();
    assert_eq!(e.coverage.outpatient.population_share, Some(0.0));
    assert_eq!(e.coverage.inpatient.population_share, Some(1.0));
}

#[test]
fn decisions_keep_the_order_of_the_applications() {
    let mut sc = scenario(&[], &[(0.0, 0.0, 100)], "linyi-2025");
    sc.s.applications.reverse();
    let ids: Vec<String> = sc.eval().decisions.into_iter().map(|d| d.id).collect();
    assert_eq!(ids, ["a-4", "a-3", "a-2", "a-1", "a-0"]);
}

/// An application's outcome counts as acceptance when it is accepted or prioritized.
fn accepting(o: Outcome) -> bool {
    matches!(o, Outcome::Accepted | Outcome::Prioritized)
}

proptest! {
    #![proptest_config(config())]

    /// A designated institution of the applicant's own type opened near it can only add a
    /// reason to refuse (a neighbour inside the radius, a more crowded area): it never turns a
    /// refusal into an acceptance, nor an acceptance into a priority.
    #[test]
    fn adding_a_same_type_designated_institution_near_an_applicant_never_raises_its_acceptance(
        insts in prop::collection::vec(inst_spec(), 0..30),
        cell_specs in cell_strategy(),
        which in 0usize..5,
        bearing in 0.0..360.0f64,
        dist in 0.0..1_500.0f64,
        radius in radius_strategy(),
        preset in prop::sample::select(vec!["linyi-2025", "xian-2025"]),
    ) {
        let before = scenario(&insts, &cell_specs, preset).set("service_radius_m", radius);
        let app = before.s.applications[which].clone();
        let mut after = scenario(&insts, &cell_specs, preset).set("service_radius_m", radius);
        let mut added = inst("added", app.kind, destination((app.lon, app.lat), bearing, dist));
        added.designated = true;
        added.category = app.category;
        added.specialty = app.specialty;
        added.subtype = app.subtype;
        added.integrated = app.integrated;
        added.county = app.county.clone();
        added.area = app.area.clone();
        after.s.institutions.push(added);
        let (a, b) = (before.eval(), after.eval());
        let (x, y) = (&a.decisions[which], &b.decisions[which]);
        prop_assert_eq!(&x.id, &y.id);
        prop_assert!(accepting(x.outcome) || !accepting(y.outcome),
            "{} ({:?}): {:?} before, {:?} with a same-type institution {:.0} m away", x.id, app.kind, x.outcome, y.outcome, dist);
        prop_assert!(!(x.outcome == Outcome::Accepted && y.outcome == Outcome::Prioritized),
            "{} ({:?}): accepted before, prioritized with a same-type institution {:.0} m away", x.id, app.kind, dist);
    }
}
