//! `cargo bench`: the full recompute at Xi'an scale (about 12,000 institutions and 300,000
//! populated cells, seeded), at 800 m and at Xi'an's default 1,000 m. Medians of repeated runs.

use std::time::Instant;

use dingdian::date::Date;
use dingdian::engine::prepared::Prepared;
use dingdian::policy::{builtin_preset, Policy};
use dingdian::scenario::{Application, Kind};
use dingdian::spatial::AreaModel;
use dingdian::synth::{synth_scenario, SampleCity, SynthSpec};

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[runs / 2]
}

fn main() {
    let cell_m: f64 = std::env::var("DINGDIAN_BENCH_CELL_M").ok().and_then(|v| v.parse().ok()).unwrap_or(178.0);
    let runs: usize = std::env::var("DINGDIAN_BENCH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(7);
    let t = Instant::now();
    let scenario = synth_scenario(&SynthSpec::published(SampleCity::Xian, cell_m));
    println!(
        "synthetic Xi'an: {} institutions, {} populated cells (generated in {:.0} ms)",
        scenario.institutions.len(),
        scenario.population_cells.len(),
        t.elapsed().as_secs_f64() * 1000.0
    );
    let mut app = Application::new("bench", Kind::Pharmacy, 108.95, 34.27);
    app.pharmacists = Some(1);
    println!("{:<8} {:>12} {:>12} {:>14} {:>16}", "radius", "index (ms)", "coverage", "area classes", "surface (pharm.)");
    for radius in [800.0, 1000.0] {
        // Linyi's rules (proximity + area classes) on Xi'an's data: the heavier surface.
        let ov = [("service_radius_m".to_string(), serde_json::json!(radius))].into_iter().collect();
        let policy = Policy::resolve(&builtin_preset("linyi-2025").unwrap(), &ov, "o").unwrap();
        let today = Date::new(2026, 3, 1).unwrap();
        let index = median_ms(runs, || {
            std::hint::black_box(Prepared::new(&scenario, &policy, today));
        });
        let prep = Prepared::new(&scenario, &policy, today);
        let coverage = median_ms(runs, || {
            std::hint::black_box(prep.coverage());
        });
        let areas = median_ms(runs, || {
            std::hint::black_box(AreaModel::build(&scenario, &prep.data.institutions, &policy.params));
        });
        let surface = median_ms(runs, || {
            std::hint::black_box(prep.surface(&app));
        });
        println!("{:<8} {:>12.1} {:>12.1} {:>14.1} {:>16.1}", format!("{radius} m"), index, coverage, areas, surface);
    }
}
