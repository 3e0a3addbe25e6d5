//! `cargo bench`: the full recompute at Xi'an scale (about 12,000 institutions and 300,000
//! populated cells, seeded), at 800 m and at Xi'an's default 1,000 m; medians of repeated runs.
//! The same measurement runs in WASM in Chromium on the app's `#bench` page (src/bench.rs).

use std::time::Instant;

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
fn rstar_covered(
    scenario: &dingdian::Scenario,
    tree: &(CellTree, dingdian::spatial::LocalProjection),
    radius_m: f64,
) -> Vec<bool> {
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
    let origin = Instant::now();
    let now = move || origin.elapsed().as_secs_f64() * 1000.0;
    let t = now();
    let scenario = dingdian::bench::city(cell_m);
    let report = dingdian::bench::run(&scenario, now() - t, runs, &now);
    println!(
        "synthetic Xi'an: {} institutions, {} populated cells (generated in {:.0} ms); medians of {} runs",
        report.institutions, report.population_cells, report.generate_ms, report.runs
    );
    println!(
        "{:<8} {:>14} {:>12} {:>14} {:>10} {:>12} {:>22} {:>26}",
        "radius",
        "data index",
        "coverage",
        "area classes",
        "surface",
        "recompute",
        "recompute, new reach",
        "recompute, prebuilt reach"
    );
    for r in &report.rows {
        println!(
            "{:<8} {:>11.1} ms {:>9.1} ms {:>11.1} ms {:>7.1} ms {:>9.1} ms {:>19.1} ms {:>23.1} ms",
            format!("{} m", r.radius_m),
            r.data_index_ms,
            r.coverage_ms,
            r.area_classes_ms,
            r.surface_ms,
            r.recompute_ms,
            r.recompute_cold_ms,
            r.recompute_prebuilt_ms
        );
    }
    // The alternative index, on the same question ("any designated institution within r").
    let data = dingdian::engine::prepared::DataIndex::build(&scenario);
    let tree_start = now();
    let tree = rstar_build(&scenario);
    let tree_build_ms = now() - tree_start;
    for radius in [800.0, 1000.0] {
        let grid_any = dingdian::spatial::covered_cells(&scenario, &data.cells, radius, |i| i.designated);
        assert_eq!(grid_any, rstar_covered(&scenario, &tree, radius), "the grid and the R-tree disagree");
        let grid_ms = dingdian::bench::median_ms(&now, runs, &mut || {
            std::hint::black_box(dingdian::spatial::covered_cells(&scenario, &data.cells, radius, |i| i.designated));
        });
        let tree_ms = dingdian::bench::median_ms(&now, runs.min(3), &mut || {
            std::hint::black_box(rstar_covered(&scenario, &tree, radius));
        });
        println!(
            "{radius} m, any-institution coverage: grid {grid_ms:.1} ms; rstar R-tree {tree_ms:.1} ms (+{tree_build_ms:.0} ms build), same cells"
        );
    }
}
