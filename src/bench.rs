//! The recompute benchmark, shared by `cargo bench` (native) and the app's `#bench` page
//! (WASM in Chromium), so both time exactly the same work: a seeded synthetic Xi'an-scale city,
//! Linyi's rules (proximity and area classes), at 800 m and at Xi'an's default 1,000 m.

use serde::Serialize;

use crate::date::Date;
use crate::engine::prepared::{DataIndex, Prepared};
use crate::policy::{builtin_preset, Policy};
use crate::scenario::{Application, Kind, Scenario};
use crate::spatial::AreaModel;
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
}

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
            let prep = Prepared::with_data(scenario, &policy, data.clone(), today);
            let coverage_ms = median_ms(now, runs, &mut || {
                std::hint::black_box(prep.coverage());
            });
            let area_classes_ms = median_ms(now, runs, &mut || {
                std::hint::black_box(AreaModel::build(scenario, &prep.data.institutions, &policy.params));
            });
            let surface_ms = median_ms(now, runs, &mut || {
                std::hint::black_box(prep.surface(&app));
            });
            Some(BenchRow {
                radius_m,
                data_index_ms,
                coverage_ms,
                area_classes_ms,
                surface_ms,
                recompute_ms: coverage_ms + area_classes_ms + surface_ms,
            })
        })
        .collect();
    BenchReport { institutions: scenario.institutions.len(), population_cells: scenario.population_cells.len(), generate_ms, runs, rows }
}
