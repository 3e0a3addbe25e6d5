//! The browser benchmark page (`#bench`): the same engine code as the app and `cargo bench`,
//! timed with `performance.now()` in WASM on the synthetic Xi'an-scale city. The figures are
//! shown in a table and left in `window.__dingdianBench` for scripts.

use gloo::timers::callback::Timeout;
use serde::Serialize;
use yew::prelude::*;

use crate::date::Date;
use crate::engine::prepared::Prepared;
use crate::policy::{builtin_preset, Policy};
use crate::scenario::{Application, Kind};
use crate::spatial::AreaModel;
use crate::synth::{synth_scenario, SampleCity, SynthSpec};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BenchRow {
    pub radius_m: f64,
    pub prepare_ms: f64,
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

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let s = now();
            f();
            now() - s
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[runs / 2]
}

pub fn run(cell_m: f64, runs: usize) -> BenchReport {
    let t = now();
    let scenario = synth_scenario(&SynthSpec::published(SampleCity::Xian, cell_m));
    let generate_ms = now() - t;
    let mut app = Application::new("bench", Kind::Pharmacy, 108.95, 34.27);
    app.pharmacists = Some(1);
    let today = Date::new(2026, 3, 1).unwrap_or(Date::today());
    let rows = [800.0, 1000.0]
        .into_iter()
        .filter_map(|radius_m| {
            let ov = [("service_radius_m".to_string(), serde_json::json!(radius_m))].into_iter().collect();
            let policy = Policy::resolve(&builtin_preset("linyi-2025")?, &ov, "bench").ok()?;
            let prepare_ms = median_ms(runs, || {
                std::hint::black_box(Prepared::new(&scenario, &policy, today));
            });
            let prep = Prepared::new(&scenario, &policy, today);
            let coverage_ms = median_ms(runs, || {
                std::hint::black_box(prep.coverage());
            });
            let area_classes_ms = median_ms(runs, || {
                std::hint::black_box(AreaModel::build(&scenario, &prep.data.institutions, &policy.params));
            });
            let surface_ms = median_ms(runs, || {
                std::hint::black_box(prep.surface(&app));
            });
            Some(BenchRow {
                radius_m,
                prepare_ms,
                coverage_ms,
                area_classes_ms,
                surface_ms,
                recompute_ms: coverage_ms + area_classes_ms + surface_ms,
            })
        })
        .collect();
    BenchReport { institutions: scenario.institutions.len(), population_cells: scenario.population_cells.len(), generate_ms, runs, rows }
}

#[function_component(BenchPage)]
pub fn bench_page() -> Html {
    let report = use_state(|| None::<BenchReport>);
    {
        let report = report.clone();
        use_effect_with((), move |_| {
            // Let the "running" message paint first.
            let t = Timeout::new(50, move || {
                let r = run(178.0, 7);
                if let (Some(w), Ok(v)) = (web_sys::window(), serde_wasm_bindgen::to_value(&r)) {
                    let _ = js_sys::Reflect::set(&w, &"__dingdianBench".into(), &v);
                }
                report.set(Some(r));
            });
            move || drop(t)
        });
    }
    html! {
        <main class="bench" data-testid="bench">
            <h1>{ "定点 dingdian · 性能基准 / benchmark" }</h1>
            <p>{ "合成的西安规模城市（约12,000家机构、300,000个有人口的网格），WASM，Chromium 中用 performance.now() 计时，取中位数。" }<br/>
               { "A synthetic Xi'an-scale city (about 12,000 institutions and 300,000 populated cells), WASM, timed with performance.now(), medians." }</p>
            {
                match &*report {
                    None => html! { <p data-testid="bench-running">{ "正在运行… / running…" }</p> },
                    Some(r) => html! {
                        <>
                        <p>{ format!("{} institutions, {} populated cells, generated in {:.0} ms; {} runs each.", r.institutions, r.population_cells, r.generate_ms, r.runs) }</p>
                        <table data-testid="bench-result">
                            <thead><tr>
                                <th>{ "半径 radius" }</th><th>{ "索引 index (ms)" }</th><th>{ "覆盖 coverage (ms)" }</th>
                                <th>{ "区域分类 area classes (ms)" }</th><th>{ "受理面 surface (ms)" }</th><th>{ "重算 recompute (ms)" }</th>
                            </tr></thead>
                            <tbody>
                            { for r.rows.iter().map(|row| html! {
                                <tr>
                                    <td>{ format!("{} m", row.radius_m) }</td>
                                    <td>{ format!("{:.1}", row.prepare_ms) }</td>
                                    <td>{ format!("{:.1}", row.coverage_ms) }</td>
                                    <td>{ format!("{:.1}", row.area_classes_ms) }</td>
                                    <td>{ format!("{:.1}", row.surface_ms) }</td>
                                    <td><strong>{ format!("{:.1}", row.recompute_ms) }</strong></td>
                                </tr>
                            }) }
                            </tbody>
                        </table>
                        </>
                    },
                }
            }
        </main>
    }
}
