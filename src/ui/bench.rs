//! The browser benchmark page (`#bench`): the same engine code as the app and `cargo bench`,
//! timed with `performance.now()` in WASM on the synthetic Xi'an-scale city. The figures are
//! shown in a table and left in `window.__dingdianBench` for scripts.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::bench::{self, BenchReport};

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

pub fn run(cell_m: f64, runs: usize) -> BenchReport {
    let t = now();
    let scenario = bench::city(cell_m);
    let generate_ms = now() - t;
    bench::run(&scenario, generate_ms, runs, &now)
}

/// `#bench-compare` (scripts/bench): leaves `window.__dingdianCompare(bytes, runs)`, which runs
/// `bench::compare_run` on the shared dataset's JSON and returns the report as JSON.
fn expose_compare() {
    use wasm_bindgen::prelude::*;
    let f = Closure::<dyn Fn(js_sys::Uint8Array, usize) -> String>::new(|bytes: js_sys::Uint8Array, runs: usize| {
        // From a `str`, as the app reads every scenario: reading from bytes would compile the
        // scenario's whole parser a second time into the page's wasm (about 6 KB gzipped).
        let parsed = String::from_utf8(bytes.to_vec())
            .map_err(|e| e.to_string())
            .and_then(|text| serde_json::from_str::<crate::Scenario>(&text).map_err(|e| e.to_string()));
        match parsed {
            Ok(s) => serde_json::to_string(&bench::compare_run("dingdian WASM (Chromium)", &s, runs, &now))
                .unwrap_or_default(),
            Err(e) => format!("{{\"error\":{:?}}}", e),
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = js_sys::Reflect::set(&w, &"__dingdianCompare".into(), f.as_ref());
    }
    f.forget();
}

#[function_component(BenchPage)]
pub fn bench_page() -> Html {
    let report = use_state(|| None::<BenchReport>);
    let compare = web_sys::window().and_then(|w| w.location().hash().ok()).is_some_and(|h| h == "#bench-compare");
    {
        let report = report.clone();
        use_effect_with((), move |_| {
            if compare {
                expose_compare();
            }
            // Let the "running" message paint first.
            let t = (!compare).then(|| {
                Timeout::new(50, move || {
                    let r = run(178.0, 7);
                    if let (Some(w), Ok(v)) = (web_sys::window(), serde_wasm_bindgen::to_value(&r)) {
                        let _ = js_sys::Reflect::set(&w, &"__dingdianBench".into(), &v);
                    }
                    report.set(Some(r));
                })
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
                    None if compare => html! { <p data-testid="bench-compare-ready">{ "window.__dingdianCompare" }</p> },
                    None => html! { <p data-testid="bench-running">{ "正在运行… / running…" }</p> },
                    Some(r) => html! {
                        <>
                        <p>{ format!("{} institutions, {} populated cells, generated in {:.0} ms; {} runs each.", r.institutions, r.population_cells, r.generate_ms, r.runs) }</p>
                        <table data-testid="bench-result">
                            <thead><tr>
                                <th>{ "半径 radius" }</th><th>{ "索引 index (ms)" }</th><th>{ "覆盖 coverage (ms)" }</th>
                                <th>{ "区域分类 area classes (ms)" }</th><th>{ "受理面 surface (ms)" }</th><th>{ "重算 recompute (ms)" }</th><th>{ "半径超出已算范围时重算 recompute, radius past the reach (ms)" }</th><th>{ "空闲时预建至 2000 米后重算 recompute within the idle-prebuilt field (ms)" }</th>
                            </tr></thead>
                            <tbody>
                            { for r.rows.iter().map(|row| html! {
                                <tr>
                                    <td>{ format!("{} m", row.radius_m) }</td>
                                    <td>{ format!("{:.1}", row.data_index_ms) }</td>
                                    <td>{ format!("{:.1}", row.coverage_ms) }</td>
                                    <td>{ format!("{:.1}", row.area_classes_ms) }</td>
                                    <td>{ format!("{:.1}", row.surface_ms) }</td>
                                    <td><strong>{ format!("{:.1}", row.recompute_ms) }</strong></td>
                                    <td>{ format!("{:.1}", row.recompute_cold_ms) }</td>
                                    <td>{ format!("{:.1}", row.recompute_prebuilt_ms) }</td>
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
