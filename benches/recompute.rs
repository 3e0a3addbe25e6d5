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

type CellTree = rstar::RTree<rstar::primitives::GeomWithData<[f64; 2], u32>>;

/// An R-tree (rstar, bulk-loaded) over the cells in local metres: the alternative the grid was
/// chosen against.
fn rstar_build(scenario: &dingdian::Scenario) -> (CellTree, dingdian::spatial::LocalProjection) {
    let cells = &scenario.population_cells;
    let n = cells.len().max(1) as f64;
    let proj = dingdian::spatial::LocalProjection::new(
        cells.iter().map(|c| c.lon).sum::<f64>() / n,
        cells.iter().map(|c| c.lat).sum::<f64>() / n,
    );
    let items = cells
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (x, y) = proj.to_xy(c.lon, c.lat);
            rstar::primitives::GeomWithData::new([x, y], i as u32)
        })
        .collect();
    (rstar::RTree::bulk_load(items), proj)
}

/// The coverage question on the R-tree: widened by 2% for the projection's distortion, then
/// decided by haversine, so it answers exactly as the grid does.
fn rstar_covered(scenario: &dingdian::Scenario, tree: &(CellTree, dingdian::spatial::LocalProjection), radius_m: f64) -> Vec<bool> {
    let cells = &scenario.population_cells;
    let (tree, proj) = tree;
    let mut covered = vec![false; cells.len()];
    let r2 = (radius_m * 1.02).powi(2);
    for inst in scenario.institutions.iter().filter(|i| i.designated) {
        let (x, y) = proj.to_xy(inst.lon, inst.lat);
        for hit in tree.locate_within_distance([x, y], r2) {
            let c = &cells[hit.data as usize];
            if dingdian::spatial::haversine_m(inst.lon, inst.lat, c.lon, c.lat) <= radius_m {
                covered[hit.data as usize] = true;
            }
        }
    }
    covered
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
        // The alternative index, on the same question ("any designated institution within r").
        let grid_any = dingdian::spatial::covered_cells(&scenario, &prep.data.cells, radius, |i| i.designated);
        let t = Instant::now();
        let tree = rstar_build(&scenario);
        let tree_build_ms = t.elapsed().as_secs_f64() * 1000.0;
        let tree_any = rstar_covered(&scenario, &tree, radius);
        assert_eq!(grid_any, tree_any, "the grid and the R-tree disagree");
        let grid_ms = median_ms(runs, || {
            std::hint::black_box(dingdian::spatial::covered_cells(&scenario, &prep.data.cells, radius, |i| i.designated));
        });
        let tree_ms = median_ms(runs.min(3), || {
            std::hint::black_box(rstar_covered(&scenario, &tree, radius));
        });
        println!(
            "         any-institution coverage: grid {grid_ms:.1} ms; rstar R-tree {tree_ms:.1} ms (+{tree_build_ms:.0} ms build) — same cells"
        );
    }
}
