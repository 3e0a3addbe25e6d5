//! Sensitivity sweeps. A numeric parameter of the table is stepped over a
//! range by `crate::review::sweep::Sweep`, one value per timer tick so the page shows progress
//! and stays responsive, and can be cancelled; the result is an SVG chart rendered by Yew
//! (coverage share, acceptance share of the selected application's surface, suspended and
//! rejected applications, the current value marked) and downloads as CSV and SVG.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::i18n::{self as i, bi, bi_t, t};
use super::widgets::download;
use crate::app::sweep::{
    self, label_with_unit, offered, unit_suffix, SweepChart, SweepInputs, SweepResult, H, ML, MR, MT, PLOT_H, W,
};
use crate::policy::param_def;
use crate::review::sweep::{default_range, sweep_csv, Sweep};
use crate::text::{num, Lang, Text};

/// What a sweep runs on (policy, data, the selected application as the surface's template).
#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub inputs: SweepInputs,
}

fn marker(kind: &str, x: f64, y: f64, colour: &str) -> Html {
    let c = colour.to_string();
    match kind {
        "circle" => html! { <circle cx={num(x, 1)} cy={num(y, 1)} r="3.5" fill={c} /> },
        "square" => {
            html! { <rect x={num(x - 3.5, 1)} y={num(y - 3.5, 1)} width="7" height="7" fill={c} /> }
        }
        "triangle" => {
            html! { <path d={format!("M{} {}L{} {}L{} {}Z", num(x, 1), num(y - 4.5, 1), num(x + 4.5, 1), num(y + 3.5, 1), num(x - 4.5, 1), num(y + 3.5, 1))} fill={c} /> }
        }
        _ => {
            html! { <path d={format!("M{} {}L{} {}L{} {}L{} {}Z", num(x, 1), num(y - 5.0, 1), num(x + 5.0, 1), num(y, 1), num(x, 1), num(y + 5.0, 1), num(x - 5.0, 1), num(y, 1))} fill={c} /> }
        }
    }
}

/// `current`: the parameter's value now (it may have moved since the sweep ran).
fn chart(lang: Lang, r: &SweepResult, current: f64, node: NodeRef) -> Html {
    let Some(c) = SweepChart::layout(lang, r, current) else {
        return html! {};
    };
    let bottom = c.bottom;
    let cx = c.current_x;
    let lines = c.lines.iter().map(|l| {
        let s = l.series;
        html! {
            <g class="sweep-series" data-series={s.key}>
                <path d={l.path.clone()} fill="none" stroke={s.colour} stroke-width="2" stroke-dasharray={(!s.dash.is_empty()).then_some(s.dash)} />
                { for l.points.iter().map(|(x, y)| marker(s.marker, *x, *y, s.colour)) }
            </g>
        }
    });
    let legend_y = bottom + 58.0;
    let legend = c.lines.iter().enumerate().map(|(k, l)| {
        let s = l.series;
        // One series a row: long labels (English) never run into each other.
        let x = ML;
        let y = legend_y + k as f64 * 19.0;
        html! {
            <g data-legend={s.key}>
                <line x1={num(x, 1)} y1={num(y, 1)} x2={num(x + 28.0, 1)} y2={num(y, 1)} stroke={s.colour} stroke-width="2"
                    stroke-dasharray={(!s.dash.is_empty()).then_some(s.dash)} />
                { marker(s.marker, x + 14.0, y, s.colour) }
                <text x={num(x + 36.0, 1)} y={num(y + 4.0, 1)} font-size="12">{ l.legend.clone() }</text>
            </g>
        }
    });

    html! {
        <svg ref={node} class="sweep-chart" data-testid="sweep-chart" xmlns="http://www.w3.org/2000/svg"
            viewBox={format!("0 0 {W} {H}")} role="img" aria-labelledby="sweep-chart-title"
            data-param={r.param} data-points={r.points.len().to_string()}
            font-family="system-ui, 'Noto Sans CJK SC', 'PingFang SC', sans-serif">
            <title id="sweep-chart-title">{ c.title.clone() }</title>
            <rect x="0" y="0" width={W.to_string()} height={H.to_string()} fill="#ffffff" />
            <text x={ML.to_string()} y="14" font-size="13" font-weight="600">{ c.title.clone() }</text>
            // Grid and axes
            { for c.share_ticks.iter().map(|(y, label)| html! {
                <g>
                    <line x1={ML.to_string()} x2={num(W - MR, 1)} y1={num(*y, 1)} y2={num(*y, 1)} stroke="#e3e6ea" />
                    <text x={num(ML - 6.0, 1)} y={num(y + 4.0, 1)} font-size="11" text-anchor="end">{ label.clone() }</text>
                </g>
            }) }
            { for c.count_ticks.iter().map(|(y, label)| html! {
                <text x={num(W - MR + 6.0, 1)} y={num(y + 4.0, 1)} font-size="11">{ label.clone() }</text>
            }) }
            <line x1={ML.to_string()} x2={ML.to_string()} y1={MT.to_string()} y2={bottom.to_string()} stroke="#444" />
            <line x1={num(W - MR, 1)} x2={num(W - MR, 1)} y1={MT.to_string()} y2={bottom.to_string()} stroke="#444" />
            <line x1={ML.to_string()} x2={num(W - MR, 1)} y1={bottom.to_string()} y2={bottom.to_string()} stroke="#444" />
            { for c.x_ticks.iter().map(|(x, label)| html! {
                <g>
                    <line x1={num(*x, 1)} x2={num(*x, 1)} y1={bottom.to_string()} y2={num(bottom + 5.0, 1)} stroke="#444" />
                    <text x={num(*x, 1)} y={num(bottom + 18.0, 1)} font-size="11" text-anchor="middle">{ label.clone() }</text>
                </g>
            }) }
            <text x={num(ML + c.plot_w / 2.0, 1)} y={num(bottom + 38.0, 1)} font-size="12" text-anchor="middle">{ c.x_label.clone() }</text>
            <text transform={format!("translate(14 {}) rotate(-90)", num(MT + PLOT_H / 2.0, 1))} font-size="12" text-anchor="middle">{ i::RV_SW_LEFT_AXIS.get(lang) }</text>
            <text transform={format!("translate({} {}) rotate(90)", num(W - 12.0, 1), num(MT + PLOT_H / 2.0, 1))} font-size="12" text-anchor="middle">{ i::RV_SW_RIGHT_AXIS.get(lang) }</text>
            { for lines }
            // The current value: a line and a label.
            <g class="sweep-current" data-testid="sweep-current" data-value={num(current, 6)} data-in-range={c.current_in.to_string()}>
                <line x1={num(cx, 1)} x2={num(cx, 1)} y1={MT.to_string()} y2={bottom.to_string()} stroke="#111" stroke-width="1.5" stroke-dasharray="5 3" />
                <text x={num(if cx > W - MR - 120.0 { cx - 4.0 } else { cx + 4.0 }, 1)} y={num(MT + 12.0, 1)} font-size="12" font-weight="600"
                    text-anchor={if cx > W - MR - 120.0 { "end" } else { "start" }}>{ c.current_label.clone() }</text>
            </g>
            { for legend }
        </svg>
    }
}

// ---------------------------------------------------------------------------------------------
// Downloads

/// The chart as a PNG image — the SVG drawn on a canvas at twice its size through an
/// image of a blob: URL (the Content-Security-Policy allows blob: images), saved as a file.
fn download_png(name: String, svg: String) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // An image needs a size of its own; the chart has only a viewBox.
    let svg = if svg.contains("<svg width=") {
        svg
    } else {
        svg.replacen("<svg", &format!("<svg width=\"{W}\" height=\"{H}\""), 1)
    };
    let blob = gloo::file::Blob::new_with_options(svg.as_str(), Some("image/svg+xml;charset=utf-8"));
    let url = gloo::file::ObjectUrl::from(blob);
    let Ok(img) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let loaded = {
        let img = img.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            const SCALE: f64 = 2.0;
            let Some(canvas) =
                doc.create_element("canvas").ok().and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
            else {
                return;
            };
            canvas.set_width((W * SCALE) as u32);
            canvas.set_height((H * SCALE) as u32);
            let Some(ctx) = canvas
                .get_context("2d")
                .ok()
                .flatten()
                .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
            else {
                return;
            };
            ctx.set_fill_style_str("#ffffff");
            ctx.fill_rect(0.0, 0.0, W * SCALE, H * SCALE);
            let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, W * SCALE, H * SCALE);
            let Ok(data_url) = canvas.to_data_url_with_type("image/png") else {
                return;
            };
            super::widgets::save_href(&doc, &data_url, &name);
        })
    };
    img.set_onload(Some(loaded.as_ref().unchecked_ref()));
    img.set_src(&url);
    // The image and its handler live until the download started, then the URL is revoked.
    gloo::timers::callback::Timeout::new(10_000, move || drop((url, loaded))).forget();
}

/// The element as an SVG document (the XML serializer of the browser).
fn serialize(el: &web_sys::Element) -> Option<String> {
    let w = web_sys::window()?;
    let ctor: js_sys::Function = js_sys::Reflect::get(&w, &"XMLSerializer".into()).ok()?.dyn_into().ok()?;
    let ser = js_sys::Reflect::construct(&ctor, &js_sys::Array::new()).ok()?;
    let f: js_sys::Function = js_sys::Reflect::get(&ser, &"serializeToString".into()).ok()?.dyn_into().ok()?;
    f.call1(&ser, el).ok()?.as_string()
}

// ---------------------------------------------------------------------------------------------
// The panel

#[function_component(SweepPanel)]
pub fn sweep_panel(props: &Props) -> Html {
    let lang = props.lang;
    let params = offered();
    let param = use_state(|| "service_radius_m");
    let def = param_def(*param).unwrap_or(params[0]);
    let current = props.inputs.value(def.id).unwrap_or(0.0);
    let range = use_state(|| None::<(String, String)>);
    let steps = use_state(|| "19".to_string());
    let (dlo, dhi) = default_range(def, current);
    let (lo_text, hi_text) = (*range).clone().unwrap_or_else(|| (num(dlo, 6), num(dhi, 6)));
    let result = use_state(|| None::<SweepResult>);
    let error = use_state(|| None::<Text>);
    let job: Rc<RefCell<Option<Sweep>>> = use_mut_ref(|| None);
    // Bumped by every start and cancel: a tick of an older sweep stops.
    let generation: Rc<RefCell<u64>> = use_mut_ref(|| 0);
    let chart_ref = use_node_ref();

    let on_param = {
        let param = param.clone();
        let range = range.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(d) = param_def(&v) {
                param.set(d.id);
                range.set(None);
            }
        })
    };
    let on_lo = {
        let range = range.clone();
        let hi = hi_text.clone();
        Callback::from(move |e: Event| {
            range.set(Some((e.target_unchecked_into::<HtmlInputElement>().value(), hi.clone())))
        })
    };
    let on_hi = {
        let range = range.clone();
        let lo = lo_text.clone();
        Callback::from(move |e: Event| {
            range.set(Some((lo.clone(), e.target_unchecked_into::<HtmlInputElement>().value())))
        })
    };
    let on_steps = {
        let steps = steps.clone();
        Callback::from(move |e: Event| steps.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };

    let on_run = {
        let inputs = props.inputs.clone();
        let job = job.clone();
        let generation = generation.clone();
        let result = result.clone();
        let error = error.clone();
        let (lo_text, hi_text, steps_text) = (lo_text.clone(), hi_text.clone(), (*steps).clone());
        Callback::from(move |_| {
            let (sweep, base) = match sweep::start(&inputs, def, &lo_text, &hi_text, &steps_text) {
                Ok(Some(started)) => started,
                Ok(None) => return,
                Err(e) => {
                    error.set(Some(e));
                    return;
                }
            };
            error.set(None);
            *job.borrow_mut() = Some(sweep);
            let gen = {
                let mut g = generation.borrow_mut();
                *g += 1;
                *g
            };
            result.set(Some(base.clone()));
            tick(job.clone(), generation.clone(), gen, result.clone(), base);
        })
    };
    let on_cancel = {
        let job = job.clone();
        let generation = generation.clone();
        let result = result.clone();
        Callback::from(move |_| {
            *generation.borrow_mut() += 1;
            job.borrow_mut().take();
            if let Some(mut r) = (*result).clone() {
                r.running = false;
                result.set(Some(r));
            }
        })
    };
    let on_csv = {
        let result = result.clone();
        Callback::from(move |_| {
            if let Some(r) = &*result {
                if let Some(d) = param_def(r.param) {
                    download(&r.file_name("csv"), "text/csv;charset=utf-8", sweep_csv(d, &r.points).as_bytes());
                }
            }
        })
    };
    let on_svg = {
        let chart_ref = chart_ref.clone();
        let result = result.clone();
        Callback::from(move |_| {
            let name = (*result).as_ref().map(|r| r.file_name("svg")).unwrap_or_default();
            if let Some(svg) = chart_ref.cast::<web_sys::Element>().and_then(|el| serialize(&el)) {
                download(
                    &name,
                    "image/svg+xml;charset=utf-8",
                    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{svg}").as_bytes(),
                );
            }
        })
    };

    let on_png = {
        let chart_ref = chart_ref.clone();
        let result = result.clone();
        Callback::from(move |_| {
            let name = (*result).as_ref().map(|r| r.file_name("png")).unwrap_or_default();
            if let Some(svg) = chart_ref.cast::<web_sys::Element>().and_then(|el| serialize(&el)) {
                download_png(name, svg);
            }
        })
    };

    let r = (*result).clone();
    let running = r.as_ref().is_some_and(|r| r.running);
    let errors_in = r.as_ref().map(SweepResult::refused).unwrap_or(0);
    html! {
        <div class="review-tab sweep" data-testid="sweep">
            <p class="field-hint">{ i::RV_SW_INTRO.get(lang) }</p>
            <div class="sweep-controls">
                <div class="field">
                    <label for="sweep-param">{ bi_t(lang, i::RV_SW_PARAM) }</label>
                    <div class="control">
                        <select id="sweep-param" data-testid="sweep-param" ~value={def.id} onchange={on_param} disabled={running}>
                            { for params.iter().map(|d| html! {
                                <option value={d.id} selected={d.id == def.id}>{ label_with_unit(lang, d) }</option>
                            }) }
                        </select>
                    </div>
                </div>
                <div class="field">
                    <label for="sweep-lo">{ bi_t(lang, i::RV_SW_FROM) }</label>
                    <div class="control"><input id="sweep-lo" data-testid="sweep-lo" type="number" inputmode="decimal" step="any"
                        value={lo_text.clone()} onchange={on_lo} disabled={running} /></div>
                </div>
                <div class="field">
                    <label for="sweep-hi">{ bi_t(lang, i::RV_SW_TO) }</label>
                    <div class="control"><input id="sweep-hi" data-testid="sweep-hi" type="number" inputmode="decimal" step="any"
                        value={hi_text.clone()} onchange={on_hi} disabled={running} /></div>
                </div>
                <div class="field">
                    <label for="sweep-steps">{ bi_t(lang, i::RV_SW_STEPS) }</label>
                    <div class="control"><input id="sweep-steps" data-testid="sweep-steps" type="number" inputmode="numeric" min="2" max="101" step="1"
                        value={(*steps).clone()} onchange={on_steps} disabled={running} /></div>
                </div>
                <div class="sweep-buttons">
                    if running {
                        <button type="button" class="btn" data-testid="sweep-cancel" onclick={on_cancel}>{ "■ " }{ i::RV_SW_CANCEL.get(lang) }</button>
                    } else {
                        <button type="button" class="btn btn-primary" data-testid="sweep-run" onclick={on_run}>{ "▶ " }{ i::RV_SW_RUN.get(lang) }</button>
                    }
                </div>
            </div>
            <p class="field-hint">{ format!("{}{}{}", i::RV_SW_CURRENT.get(lang), num(current, 6), unit_suffix(lang, def)) }</p>
            if let Some(e) = &*error {
                <p class="field-error" role="alert" data-testid="sweep-error"><span aria-hidden="true">{ "⚠ " }</span>{ t(lang, e) }</p>
            }
            if let Some(r) = &r {
                <div class="sweep-progress" aria-live="polite">
                    <progress data-testid="sweep-progress" max={r.total.to_string()} value={r.points.len().to_string()}
                        aria-label={i::RV_SW_PROGRESS.get(lang)}></progress>
                    <span data-testid="sweep-progress-text" data-done={(!r.running && r.points.len() == r.total).to_string()}>
                        { format!("{} / {}", r.points.len(), r.total) }
                        if r.cancelled() { { " · " }{ i::RV_SW_CANCELLED.get(lang) } }
                    </span>
                </div>
                if !r.points.is_empty() {
                    <div class="sweep-figure">{ chart(lang, r, props.inputs.value(r.param).unwrap_or(r.current), chart_ref.clone()) }</div>
                    if errors_in > 0 {
                        <p class="field-hint" data-testid="sweep-refused">{ format!("{} {}", i::RV_SW_REFUSED.get(lang), errors_in) }</p>
                    }
                    <div class="review-actions">
                        <button type="button" class="btn btn-small" data-testid="sweep-csv" onclick={on_csv} disabled={r.running}>{ "⬇ CSV" }</button>
                        <button type="button" class="btn btn-small" data-testid="sweep-svg" onclick={on_svg} disabled={r.running}>{ "⬇ SVG" }</button>
                        <button type="button" class="btn btn-small" data-testid="sweep-png" onclick={on_png} disabled={r.running}>{ "⬇ PNG" }</button>
                    </div>
                }
            }
            <p class="field-hint">{ bi(lang, i::RV_SW_NOTE) }</p>
        </div>
    }
}

/// One value of the sweep, then yield to the browser (a zero-delay timer) before the next.
fn tick(
    job: Rc<RefCell<Option<Sweep>>>,
    generation: Rc<RefCell<u64>>,
    gen: u64,
    result: UseStateHandle<Option<SweepResult>>,
    mut shown: SweepResult,
) {
    gloo::timers::callback::Timeout::new(0, move || {
        if *generation.borrow() != gen {
            return;
        }
        let (point, done) = {
            let mut j = job.borrow_mut();
            let Some(sweep) = j.as_mut() else { return };
            let p = sweep.step().cloned();
            (p, sweep.done())
        };
        if let Some(p) = point {
            shown.points.push(p);
        }
        shown.running = !done;
        result.set(Some(shown.clone()));
        if done {
            job.borrow_mut().take();
        } else {
            tick(job, generation, gen, result, shown);
        }
    })
    .forget();
}
