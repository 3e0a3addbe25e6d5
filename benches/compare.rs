//! `scripts/bench`'s native side: writes the comparison's one dataset, and runs dingdian (native,
//! release profile) and the naive all-pairs floor on it. Not a test; see README "Performance".
//!
//!   cargo bench --bench compare -- gen  DATA.json
//!   cargo bench --bench compare -- run  DATA.json RUNS OUT.json      dingdian native
//!   cargo bench --bench compare -- naive DATA.json STRIDE OUT.json   all pairs, every STRIDE-th cell/application

use std::time::Instant;

use dingdian::bench::{compare_dataset, compare_run, CompareAnswers, CompareReport, CompareTimes, COMPARE_RADIUS_M};
use dingdian::scenario::{Category, Institution, Kind, Scenario};
use dingdian::spatial::haversine_m;

fn load(path: &str) -> Scenario {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn write(path: &str, report: &CompareReport) {
    std::fs::write(path, serde_json::to_string(report).expect("json")).unwrap_or_else(|e| panic!("{path}: {e}"));
}

/// The three coverage layers as bits: pharmacy, outpatient provider, inpatient institution.
fn layers(i: &Institution) -> u8 {
    if !i.designated {
        return 0;
    }
    let mut m = 0;
    if i.kind == Kind::Pharmacy {
        m |= 1;
    }
    if i.kind.is_medical() && i.provides_outpatient() {
        m |= 2;
    }
    if i.kind.is_inpatient() {
        m |= 4;
    }
    m
}

/// Every pair, no index: each sampled cell against every institution, each sampled application
/// against every pharmacy. Times are scaled up from the sample to the whole dataset.
fn naive(s: &Scenario, stride: usize) -> CompareReport {
    let r = COMPARE_RADIUS_M;
    let origin = Instant::now();
    let now = || origin.elapsed().as_secs_f64() * 1000.0;
    let cells: Vec<usize> = (0..s.population_cells.len()).step_by(stride).collect();
    let scale_cells = s.population_cells.len() as f64 / cells.len() as f64;
    let mask: Vec<u8> = s.institutions.iter().map(layers).collect();

    let t = now();
    let mut covered = [0u64; 3];
    for &k in &cells {
        let c = &s.population_cells[k];
        let mut m = 0u8;
        for (i, &im) in s.institutions.iter().zip(&mask) {
            if im != 0 && haversine_m(i.lon, i.lat, c.lon, c.lat) <= r {
                m |= im;
            }
        }
        for (b, slot) in covered.iter_mut().enumerate() {
            if m & (1 << b) != 0 {
                *slot += c.population;
            }
        }
    }
    let coverage_ms = (now() - t) * scale_cells;

    let t = now();
    let mut surface = vec![b'-'; s.population_cells.len()];
    for &k in &cells {
        let c = &s.population_cells[k];
        let blocked = s.institutions.iter().any(|i| {
            i.designated
                && i.kind == Kind::Pharmacy
                && i.categories().contains(Category::Ordinary)
                && haversine_m(i.lon, i.lat, c.lon, c.lat) <= r
        });
        surface[k] = if blocked { b'0' } else { b'1' };
    }
    let surface_ms = (now() - t) * scale_cells;

    let apps: Vec<usize> = (0..s.applications.len()).step_by(stride.min(10).max(1)).collect();
    let t = now();
    let mut nearest_m = vec![None; s.applications.len()];
    for &k in &apps {
        let a = &s.applications[k];
        let cats = a.categories();
        let mut best: Option<f64> = None;
        for i in &s.institutions {
            if i.designated && i.kind == Kind::Pharmacy && i.categories().intersects(cats) {
                let d = haversine_m(a.lon, a.lat, i.lon, i.lat);
                if d <= 50_000.0 && best.map_or(true, |b| d < b) {
                    best = Some(d);
                }
            }
        }
        nearest_m[k] = best;
    }
    let nearest_ms = (now() - t) * s.applications.len() as f64 / apps.len() as f64;

    CompareReport {
        tool: format!(
            "naive all pairs (native; every {stride}th cell, every {}th application, scaled up)",
            stride.min(10).max(1)
        ),
        runs: 1,
        institutions: s.institutions.len(),
        cells: s.population_cells.len(),
        applications: s.applications.len(),
        times: CompareTimes {
            index_ms: 0.0,
            coverage_ms,
            nearest_ms,
            decide_ms: None,
            surface_ms,
            area_classes_ms: None,
            recompute_ms: None,
            recompute_cold_ms: None,
            recompute_prebuilt_ms: None,
        },
        answers: CompareAnswers {
            total_population: s.population_cells.iter().map(|c| c.population).sum(),
            // Sampled: scripts/bench checks the sampled cells one by one through `surface`.
            covered_population: covered,
            nearest_m,
            surface: String::from_utf8(surface).expect("ascii"),
        },
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["gen", out] => {
            let s = compare_dataset();
            std::fs::write(out, serde_json::to_string(&s).expect("json")).unwrap_or_else(|e| panic!("{out}: {e}"));
            eprintln!(
                "{out}: {} institutions, {} cells, {} applications",
                s.institutions.len(),
                s.population_cells.len(),
                s.applications.len()
            );
        }
        ["run", data, runs, out] => {
            let s = load(data);
            let origin = Instant::now();
            let now = move || origin.elapsed().as_secs_f64() * 1000.0;
            write(out, &compare_run("dingdian native", &s, runs.parse().expect("RUNS"), &now));
        }
        // For a profiler: whole decisions (outcome and trace), every application, ROUNDS times.
        // `decide DATA ROUNDS render`: and render every entry's sentences, as a reader would.
        ["decide", data, rounds, rest @ ..] => {
            let render = rest.first() == Some(&"render");
            let s = load(data);
            let policy = dingdian::bench::compare_policy();
            let today = dingdian::date::Date { year: 2026, month: 3, day: 1 };
            let prep = dingdian::engine::prepared::Prepared::new(&s, &policy, today);
            // Time on the CPU as well as on the clock: the shared machine's load moves the latter.
            let on_cpu_ns = || {
                std::fs::read_to_string("/proc/self/schedstat")
                    .ok()
                    .and_then(|s| s.split(' ').next()?.parse::<f64>().ok())
            };
            let cpu0 = on_cpu_ns();
            let origin = Instant::now();
            for _ in 0..rounds.parse::<usize>().expect("ROUNDS") {
                for a in &s.applications {
                    let d = prep.decide(a);
                    if render {
                        for e in &d.rules {
                            std::hint::black_box((&e.detail.zh, e.note.as_ref().map(|n| &n.en)));
                        }
                    }
                    std::hint::black_box(d);
                }
            }
            let n = s.applications.len() as f64 * rounds.parse::<f64>().expect("ROUNDS");
            let wall = origin.elapsed().as_secs_f64();
            match (cpu0, on_cpu_ns()) {
                (Some(a), Some(b)) => {
                    eprintln!("{:.0} decisions/s ({:.0}/s of CPU time)", n / wall, n / ((b - a) / 1e9))
                }
                _ => eprintln!("{:.0} decisions/s", n / wall),
            }
        }
        ["naive", data, stride, out] => {
            let s = load(data);
            write(out, &naive(&s, stride.parse().expect("STRIDE")));
        }
        _ => {
            eprintln!(
                "usage: compare gen DATA | run DATA RUNS OUT | decide DATA ROUNDS [render] | naive DATA STRIDE OUT"
            );
            std::process::exit(2);
        }
    }
}
