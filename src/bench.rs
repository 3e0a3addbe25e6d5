//! The recompute benchmark, shared by `cargo bench` (native) and the app's `#bench` page
//! (WASM in Chromium), so both time exactly the same work: a seeded synthetic Xi'an-scale city,
//! Linyi's rules (proximity and area classes), at 800 m and at Xi'an's default 1,000 m.

use serde::Serialize;

use crate::date::Date;
use crate::engine::prepared::{DataIndex, Prepared};
use crate::policy::{builtin_preset, Policy};
use crate::scenario::{Application, Kind, Scenario};
use crate::synth::{synth_scenario, SampleCity, SynthSpec};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BenchRow {
    pub radius_m: f64,
    /// Indexes that depend on the data alone (built once per dataset).
    pub data_index_ms: f64,
    pub coverage_ms: f64,
    pub area_classes_ms: f64,
    pub surface_ms: f64,
    /// Coverage + area classes + surface: what a parameter change recomputes.
    pub recompute_ms: f64,
    /// The same when the radius is beyond any asked before (the coverage field is rebuilt).
    pub recompute_cold_ms: f64,
    /// The same when the radius moves to one the app's idle prebuild already reaches.
    pub recompute_prebuilt_ms: f64,
}

/// How far the app builds the coverage field when the page is idle: the radius slider's end
/// (`app::coverage::RADIUS_SLIDER_M`, which a test keeps equal to this).
pub const PREBUILT_REACH_M: f64 = 2000.0;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BenchReport {
    pub institutions: usize,
    pub population_cells: usize,
    pub generate_ms: f64,
    pub runs: usize,
    pub rows: Vec<BenchRow>,
}

/// Median of `runs` timings of `f`, with `now()` in milliseconds.
pub fn median_ms(now: &dyn Fn() -> f64, runs: usize, f: &mut dyn FnMut()) -> f64 {
    let mut t: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let s = now();
            f();
            now() - s
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[t.len() / 2]
}

/// Medians of the steps of a recompute after a parameter change, as the app runs them (a fresh
/// `Prepared`, coverage, area classes, then the surface, which reads the coverage's layers).
pub struct RecomputeSteps {
    /// `Prepared::with_data`: figures and the area model (pharmacies and residents per area).
    pub prepare_ms: f64,
    pub coverage_ms: f64,
    /// The area model (part of `prepare_ms`) and every cell's class.
    pub area_classes_ms: f64,
    pub surface_ms: f64,
    /// All of it, timed as one (the median of the totals).
    pub recompute_ms: f64,
    /// All of it when the radius is beyond any asked before, so that the coverage field is
    /// rebuilt (the first recompute after loading data, and a slider moved past the reach).
    pub recompute_cold_ms: f64,
    /// All of it after the idle prebuild (`PREBUILT_REACH_M`), the radius moved to three
    /// quarters of that reach: what a slider drag past the earlier radius costs in the app.
    pub recompute_prebuilt_ms: f64,
}

pub fn recompute_steps(
    scenario: &Scenario,
    policy: &Policy,
    data: &std::rc::Rc<DataIndex>,
    today: Date,
    template: &Application,
    runs: usize,
    now: &dyn Fn() -> f64,
) -> RecomputeSteps {
    let median = |mut t: Vec<f64>| {
        t.sort_by(f64::total_cmp);
        t[t.len() / 2]
    };
    let (mut prepare, mut areas, mut coverage, mut classes, mut surface, mut total, mut cold) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let whole = || {
        let prep = Prepared::with_data(scenario, policy, data.clone(), today);
        std::hint::black_box(prep.coverage());
        std::hint::black_box(prep.cell_area_classes());
        std::hint::black_box(prep.surface(template));
    };
    for _ in 0..runs.max(1) {
        data.forget_coverage_field();
        let t0 = now();
        whole();
        cold.push(now() - t0);
    }
    let mut prebuilt = Vec::new();
    let mut further = policy.clone();
    further.params.service_radius_m = PREBUILT_REACH_M * 0.75;
    data.prebuild_coverage_field(scenario, PREBUILT_REACH_M);
    for _ in 0..runs.max(1) {
        let t0 = now();
        let prep = Prepared::with_data(scenario, &further, data.clone(), today);
        std::hint::black_box(prep.coverage());
        std::hint::black_box(prep.cell_area_classes());
        std::hint::black_box(prep.surface(template));
        prebuilt.push(now() - t0);
    }
    for _ in 0..runs.max(1) {
        let t0 = now();
        let prep = Prepared::with_data(scenario, policy, data.clone(), today);
        let t1 = now();
        std::hint::black_box(prep.coverage());
        let t2 = now();
        std::hint::black_box(prep.cell_area_classes());
        let t3 = now();
        std::hint::black_box(prep.surface(template));
        let t4 = now();
        let a0 = now();
        std::hint::black_box(data.area_model(scenario, &policy.params));
        areas.push(now() - a0);
        prepare.push(t1 - t0);
        coverage.push(t2 - t1);
        classes.push(t3 - t2);
        surface.push(t4 - t3);
        total.push(t4 - t0);
    }
    let classes_ms = median(classes);
    RecomputeSteps {
        prepare_ms: median(prepare),
        coverage_ms: median(coverage),
        area_classes_ms: median(areas) + classes_ms,
        surface_ms: median(surface),
        recompute_ms: median(total),
        recompute_cold_ms: median(cold),
        recompute_prebuilt_ms: median(prebuilt),
    }
}

/// The synthetic city of the benchmark: about 12,000 institutions and, at 178 m, 300,000 cells.
pub fn city(cell_m: f64) -> Scenario {
    synth_scenario(&SynthSpec::published(SampleCity::Xian, cell_m))
}

pub fn run(scenario: &Scenario, generate_ms: f64, runs: usize, now: &dyn Fn() -> f64) -> BenchReport {
    let mut app = Application::new("bench", Kind::Pharmacy, 108.95, 34.27);
    app.pharmacists = Some(1);
    let today = Date { year: 2026, month: 3, day: 1 };
    let data = std::rc::Rc::new(DataIndex::build(scenario));
    let rows = [800.0, 1000.0]
        .into_iter()
        .filter_map(|radius_m| {
            let ov = [("service_radius_m".to_string(), serde_json::json!(radius_m))].into_iter().collect();
            let policy = Policy::resolve(&builtin_preset("linyi-2025")?, &ov, "bench").ok()?;
            let data_index_ms = median_ms(now, runs, &mut || {
                std::hint::black_box(DataIndex::build(scenario));
            });
            let steps = recompute_steps(scenario, &policy, &data, today, &app, runs, now);
            Some(BenchRow {
                radius_m,
                data_index_ms,
                coverage_ms: steps.coverage_ms,
                area_classes_ms: steps.area_classes_ms,
                surface_ms: steps.surface_ms,
                recompute_ms: steps.recompute_ms,
                recompute_cold_ms: steps.recompute_cold_ms,
                recompute_prebuilt_ms: steps.recompute_prebuilt_ms,
            })
        })
        .collect();
    BenchReport {
        institutions: scenario.institutions.len(),
        population_cells: scenario.population_cells.len(),
        generate_ms,
        runs,
        rows,
    }
}

// ---------------------------------------------------------------------------------------------
// The side-by-side comparison (`scripts/bench`). One dataset, written once to a file,
// read by every tool; these are dingdian's answers and timings on it, the same code natively
// (`benches/compare.rs`), in Node (`bench/wasm.rs`) and in Chromium (`#bench-compare`).

/// The service radius of the comparison.
pub const COMPARE_RADIUS_M: f64 = 800.0;
/// The applications of the comparison: this many, seeded.
pub const COMPARE_APPLICATIONS: usize = 10_000;
const COMPARE_SEED: u64 = 20_261_123;

/// The comparison's dataset: the Xi'an-scale city (178 m cells) plus 10,000 hypothetical new
/// pharmacy applications of mixed categories, each within 150 m of a populated cell's centre.
pub fn compare_dataset() -> Scenario {
    use crate::scenario::{Categories, Category};
    use rand_core::{Rng, SeedableRng};
    let mut s = city(178.0);
    let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(COMPARE_SEED);
    let mut f = move || (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    let mixes: [&[Category]; 4] = [
        &[Category::Ordinary],
        &[Category::Chronic],
        &[Category::SpecialDrug],
        &[Category::Ordinary, Category::Chronic],
    ];
    let n = s.population_cells.len();
    s.applications = (0..COMPARE_APPLICATIONS)
        .map(|k| {
            let c = &s.population_cells[((f() * n as f64) as usize).min(n - 1)];
            let (dx, dy) = (f() * 2.0 - 1.0, f() * 2.0 - 1.0);
            let lat = c.lat + dy * 150.0 / 111_195.0;
            let lon = c.lon + dx * 150.0 / (111_195.0 * c.lat.to_radians().cos());
            let mut a = Application::new(&format!("bench-{k}"), Kind::Pharmacy, lon, lat);
            a.category = Some(Categories::of(mixes[(f() * 4.0) as usize % 4]));
            a.pharmacists = Some(1);
            a.county = c.county.clone();
            a
        })
        .collect();
    s
}

/// The comparison's policy: Linyi's rules at 800 m.
pub fn compare_policy() -> Policy {
    let ov = [("service_radius_m".to_string(), serde_json::json!(COMPARE_RADIUS_M))].into_iter().collect();
    Policy::resolve(&builtin_preset("linyi-2025").expect("builtin preset"), &ov, "bench").expect("bench policy")
}

/// Medians of one tool's steps, in milliseconds (absent: the tool does not do that step).
#[derive(Clone, Debug, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct CompareTimes {
    /// Indexes built once per dataset.
    pub index_ms: f64,
    /// Covered population of the three layers (dingdian: every layer, county and category).
    pub coverage_ms: f64,
    /// Nearest same-type designated pharmacy for every application.
    pub nearest_ms: f64,
    /// Whole decisions (every rule, with its trace: rule, clause, verdict and the numbers read;
    /// the sentences are rendered only when read) for every application.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decide_ms: Option<f64>,
    /// The acceptance surface over every cell.
    pub surface_ms: f64,
    /// Pharmacy area classes (dingdian only: part of its recompute).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area_classes_ms: Option<f64>,
    /// What the app recomputes after a parameter change, in its order, timed as one (dingdian
    /// only): figures, coverage, area classes, the surface (reading the coverage's layers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recompute_ms: Option<f64>,
    /// The same after a radius beyond any asked before: the coverage field is rebuilt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recompute_cold_ms: Option<f64>,
    /// The same after the radius moved within the field the app prebuilds when idle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recompute_prebuilt_ms: Option<f64>,
}

/// One tool's answers: what `scripts/bench` checks across tools.
#[derive(Clone, Debug, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct CompareAnswers {
    pub total_population: u64,
    /// Residents of cells with a designated pharmacy / outpatient provider / inpatient
    /// institution within the radius.
    pub covered_population: [u64; 3],
    /// Per application, the distance in metres to the nearest designated pharmacy sharing a
    /// category with it (none within 50 km: null).
    pub nearest_m: Vec<Option<f64>>,
    /// Per cell, '1' where a new ordinary pharmacy is acceptable (no designated pharmacy with the
    /// ordinary category within the radius), else '0'.
    pub surface: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct CompareReport {
    pub tool: String,
    pub runs: usize,
    pub institutions: usize,
    pub cells: usize,
    pub applications: usize,
    pub times: CompareTimes,
    pub answers: CompareAnswers,
}

/// dingdian on the comparison's dataset: its own public functions, as the app calls them.
pub fn compare_run(tool: &str, scenario: &Scenario, runs: usize, now: &dyn Fn() -> f64) -> CompareReport {
    use crate::engine::Verdict;
    let policy = compare_policy();
    let today = Date { year: 2026, month: 3, day: 1 };
    let index_ms = median_ms(now, runs, &mut || {
        std::hint::black_box(DataIndex::build(scenario));
    });
    let data = std::rc::Rc::new(DataIndex::build(scenario));
    let prep = Prepared::with_data(scenario, &policy, data.clone(), today);
    let mut template = Application::new("surface", Kind::Pharmacy, 0.0, 0.0);
    template.pharmacists = Some(1);
    // Each step alone, on a fresh `Prepared` (which would otherwise keep its coverage).
    let fresh = || Prepared::with_data(scenario, &policy, data.clone(), today);
    let alone = |step: &dyn Fn(&Prepared)| {
        let mut t: Vec<f64> = (0..runs.max(1))
            .map(|_| {
                let p = fresh();
                let s = now();
                step(&p);
                now() - s
            })
            .collect();
        t.sort_by(f64::total_cmp);
        t[t.len() / 2]
    };
    // From a cold start, as the other tools compute it: the coverage field is built too.
    let coverage_ms = alone(&|p| {
        p.data.forget_coverage_field();
        std::hint::black_box(p.coverage());
    });
    let surface_ms = alone(&|p| {
        std::hint::black_box(p.surface(&template));
    });
    let steps = recompute_steps(scenario, &policy, &data, today, &template, runs, now);
    let apps = &scenario.applications;
    let same_type = |a: &Application| {
        let cats = a.categories();
        move |i: &crate::scenario::Institution| {
            i.designated && i.kind == Kind::Pharmacy && i.categories().intersects(cats)
        }
    };
    // As the same-type rule asks it (src/engine/pharmacy.rs).
    let nearest = |a: &Application| {
        let among = crate::spatial::Among::PharmacyCategories(a.categories());
        data.institutions.nearest_among(&scenario.institutions, a.lon, a.lat, among, same_type(a)).map(|(_, d)| d)
    };
    let nearest_ms = median_ms(now, runs, &mut || {
        for a in apps {
            std::hint::black_box(nearest(a));
        }
    });
    let decide_ms = median_ms(now, runs, &mut || {
        for a in apps {
            std::hint::black_box(prep.decide(a));
        }
    });

    let coverage = prep.coverage();
    let surface = prep.surface(&template);
    let nearest_m: Vec<Option<f64>> = apps.iter().map(nearest).collect();
    // The decisions' own same-type verdicts must say what the distances say.
    for (a, d) in apps.iter().zip(&nearest_m) {
        let decision = prep.decide(a);
        let rule = decision.rules.iter().find(|e| e.rule == "pharmacy.same_type_nearby");
        let inside = d.is_some_and(|d| d <= policy.params.service_radius_m);
        assert_eq!(rule.map(|e| e.verdict == Verdict::Fail), Some(inside), "application {}", a.id);
    }
    CompareReport {
        tool: tool.to_string(),
        runs,
        institutions: scenario.institutions.len(),
        cells: scenario.population_cells.len(),
        applications: apps.len(),
        times: CompareTimes {
            index_ms,
            coverage_ms,
            nearest_ms,
            decide_ms: Some(decide_ms),
            surface_ms,
            area_classes_ms: Some(steps.area_classes_ms),
            recompute_ms: Some(steps.recompute_ms),
            recompute_cold_ms: Some(steps.recompute_cold_ms),
            recompute_prebuilt_ms: Some(steps.recompute_prebuilt_ms),
        },
        answers: CompareAnswers {
            total_population: scenario.population_cells.iter().map(|c| c.population).sum(),
            covered_population: [
                coverage.pharmacy.covered_population,
                coverage.outpatient.covered_population,
                coverage.inpatient.covered_population,
            ],
            nearest_m,
            surface: surface
                .outcomes
                .iter()
                .map(|&o| if o == crate::engine::Outcome::Rejected { '0' } else { '1' })
                .collect(),
        },
    }
}
