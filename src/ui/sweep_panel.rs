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
use crate::app::state::State;
use crate::engine::Outcome;
use crate::policy::{param_def, Group, ParamDef, ParamKind};
use crate::review::sweep::{default_range, sweep_csv, sweep_values, sweepable, Sweep, SweepPoint};
use crate::scenario::Kind;
use crate::text::{num, Lang, Text};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<State>,
}

/// The parameters offered: the numbers of the table the app shows.
fn offered() -> Vec<&'static ParamDef> {
    sweepable()
        .filter(|d| !matches!(d.group, Group::Exits | Group::Budget))
        .collect()
}

/// Which coverage the chart shows for the selected application's kind (0 pharmacy, 1
/// outpatient, 2 inpatient), with its label.
fn coverage_of(kind: Option<Kind>) -> (usize, i::Words) {
    match kind {
        Some(Kind::InpatientGeneral | Kind::InpatientSpecialty) => (2, i::COV_INPATIENT),
        Some(Kind::Outpatient | Kind::PrimaryCare) => (1, i::COV_OUTPATIENT),
        _ => (0, i::COV_PHARMACY),
    }
}

/// A finished or running sweep as the page shows it.
#[derive(Clone, Debug, PartialEq)]
struct Result_ {
    param: &'static str,
    lo: f64,
    hi: f64,
    /// The parameter's value when the sweep started: the marked one.
    current: f64,
    coverage_k: usize,
    coverage_label: i::Words,
    points: Vec<SweepPoint>,
    total: usize,
    running: bool,
}

fn unit(lang: Lang, def: &ParamDef) -> String {
    t(lang, &def.unit())
}

fn label_with_unit(lang: Lang, def: &ParamDef) -> String {
    let u = unit(lang, def);
    if u.is_empty() {
        t(lang, &def.label())
    } else {
        format!("{}{}", t(lang, &def.label()), i::paren(lang, &u))
    }
}

// ---------------------------------------------------------------------------------------------
// The chart

const W: f64 = 680.0;
const H: f64 = 440.0;
const ML: f64 = 60.0;
const MR: f64 = 60.0;
const MT: f64 = 34.0;
const PLOT_H: f64 = 250.0;

/// Round tick values covering lo..=hi, about `n` of them.
fn ticks(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    if !(hi > lo) {
        return vec![lo];
    }
    let raw = (hi - lo) / n.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let mut out = Vec::new();
    let mut x = (lo / step).ceil() * step;
    while x <= hi + step * 1e-9 {
        out.push((x * 1e9).round() / 1e9);
        x += step;
    }
    out
}

struct Series {
    key: &'static str,
    label: i::Words,
    colour: &'static str,
    dash: &'static str,
    marker: &'static str,
    right: bool,
    value: fn(&SweepPoint, usize) -> Option<f64>,
}

const SERIES: [Series; 4] = [
    Series {
        key: "coverage",
        label: i::RV_SW_COVERAGE,
        colour: "#21669c",
        dash: "",
        marker: "circle",
        right: false,
        value: |p, k| p.coverage[k],
    },
    Series {
        key: "accepting",
        label: i::RV_SW_ACCEPTING,
        colour: "#1b823c",
        dash: "8 4",
        marker: "square",
        right: false,
        value: |p, _| p.accepting_share,
    },
    Series {
        key: "suspended",
        label: i::RV_SW_SUSPENDED,
        colour: "#a06e00",
        dash: "2 3",
        marker: "triangle",
        right: true,
        value: |p, _| {
            p.error
                .is_none()
                .then(|| p.count(Outcome::Suspended) as f64)
        },
    },
    Series {
        key: "rejected",
        label: i::RV_SW_REJECTED,
        colour: "#be231b",
        dash: "10 3 2 3",
        marker: "diamond",
        right: true,
        value: |p, _| p.error.is_none().then(|| p.count(Outcome::Rejected) as f64),
    },
];

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
fn chart(lang: Lang, r: &Result_, current: f64, node: NodeRef) -> Html {
    let Some(def) = param_def(r.param) else {
        return html! {};
    };
    let (lo, hi) = (r.lo, if r.hi > r.lo { r.hi } else { r.lo + 1.0 });
    let pw = W - ML - MR;
    let x_of = |v: f64| ML + (v - lo) / (hi - lo) * pw;
    let y_share = |v: f64| MT + PLOT_H - v.clamp(0.0, 1.0) * PLOT_H;
    let max_count = r
        .points
        .iter()
        .filter(|p| p.error.is_none())
        .map(|p| p.count(Outcome::Suspended).max(p.count(Outcome::Rejected)))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let count_ticks: Vec<f64> = ticks(0.0, max_count, 4)
        .into_iter()
        .filter(|v| v.fract() == 0.0)
        .collect();
    let count_top = count_ticks
        .last()
        .copied()
        .unwrap_or(max_count)
        .max(max_count);
    let y_count = |v: f64| MT + PLOT_H - v / count_top * PLOT_H;
    let x_ticks = ticks(lo, hi, 6);
    let bottom = MT + PLOT_H;
    let current_in = current >= lo && current <= hi;
    let cx = x_of(current.clamp(lo, hi));
    let u = unit(lang, def);
    let current_label = format!(
        "{}{}{}",
        i::RV_SW_CURRENT.get(lang),
        num(current, 2),
        if u.is_empty() {
            String::new()
        } else {
            format!(" {u}")
        }
    );
    let title = format!(
        "{} — {}",
        i::RV_SW_CHART_TITLE.get(lang),
        t(lang, &def.label())
    );

    let lines = SERIES.iter().map(|s| {
        let pts: Vec<(f64, f64)> = r
            .points
            .iter()
            .filter_map(|p| {
                let v = (s.value)(p, r.coverage_k)?;
                Some((x_of(p.value), if s.right { y_count(v) } else { y_share(v) }))
            })
            .collect();
        let d: String = pts.iter().enumerate().map(|(k, (x, y))| format!("{}{} {}", if k == 0 { "M" } else { "L" }, num(*x, 1), num(*y, 1))).collect();
        html! {
            <g class="sweep-series" data-series={s.key}>
                <path d={d} fill="none" stroke={s.colour} stroke-width="2" stroke-dasharray={(!s.dash.is_empty()).then_some(s.dash)} />
                { for pts.iter().map(|(x, y)| marker(s.marker, *x, *y, s.colour)) }
            </g>
        }
    });
    let legend_y = bottom + 58.0;
    let legend = SERIES.iter().enumerate().map(|(k, s)| {
        // One series a row: long labels (English) never run into each other.
        let x = ML;
        let y = legend_y + k as f64 * 19.0;
        let label = if s.key == "coverage" {
            format!("{}{}{}", s.label.get(lang), i::COLON.get(lang), r.coverage_label.get(lang))
        } else {
            s.label.get(lang).to_string()
        };
        let axis = if s.right { i::RV_SW_RIGHT_AXIS } else { i::RV_SW_LEFT_AXIS };
        html! {
            <g data-legend={s.key}>
                <line x1={num(x, 1)} y1={num(y, 1)} x2={num(x + 28.0, 1)} y2={num(y, 1)} stroke={s.colour} stroke-width="2"
                    stroke-dasharray={(!s.dash.is_empty()).then_some(s.dash)} />
                { marker(s.marker, x + 14.0, y, s.colour) }
                <text x={num(x + 36.0, 1)} y={num(y + 4.0, 1)} font-size="12">{ format!("{label}{}", i::paren(lang, axis.get(lang))) }</text>
            </g>
        }
    });

    html! {
        <svg ref={node} class="sweep-chart" data-testid="sweep-chart" xmlns="http://www.w3.org/2000/svg"
            viewBox={format!("0 0 {W} {H}")} role="img" aria-labelledby="sweep-chart-title"
            data-param={r.param} data-points={r.points.len().to_string()}
            font-family="system-ui, 'Noto Sans CJK SC', 'PingFang SC', sans-serif">
            <title id="sweep-chart-title">{ title.clone() }</title>
            <rect x="0" y="0" width={W.to_string()} height={H.to_string()} fill="#ffffff" />
            <text x={ML.to_string()} y="14" font-size="13" font-weight="600">{ title }</text>
            // Grid and axes
            { for ticks(0.0, 1.0, 5).into_iter().map(|v| html! {
                <g>
                    <line x1={ML.to_string()} x2={num(W - MR, 1)} y1={num(y_share(v), 1)} y2={num(y_share(v), 1)} stroke="#e3e6ea" />
                    <text x={num(ML - 6.0, 1)} y={num(y_share(v) + 4.0, 1)} font-size="11" text-anchor="end">{ format!("{}%", num(v * 100.0, 0)) }</text>
                </g>
            }) }
            { for count_ticks.iter().map(|v| html! {
                <text x={num(W - MR + 6.0, 1)} y={num(y_count(*v) + 4.0, 1)} font-size="11">{ num(*v, 0) }</text>
            }) }
            <line x1={ML.to_string()} x2={ML.to_string()} y1={MT.to_string()} y2={bottom.to_string()} stroke="#444" />
            <line x1={num(W - MR, 1)} x2={num(W - MR, 1)} y1={MT.to_string()} y2={bottom.to_string()} stroke="#444" />
            <line x1={ML.to_string()} x2={num(W - MR, 1)} y1={bottom.to_string()} y2={bottom.to_string()} stroke="#444" />
            { for x_ticks.iter().map(|v| html! {
                <g>
                    <line x1={num(x_of(*v), 1)} x2={num(x_of(*v), 1)} y1={bottom.to_string()} y2={num(bottom + 5.0, 1)} stroke="#444" />
                    <text x={num(x_of(*v), 1)} y={num(bottom + 18.0, 1)} font-size="11" text-anchor="middle">{ num(*v, 2) }</text>
                </g>
            }) }
            <text x={num(ML + pw / 2.0, 1)} y={num(bottom + 38.0, 1)} font-size="12" text-anchor="middle">{ label_with_unit(lang, def) }</text>
            <text transform={format!("translate(14 {}) rotate(-90)", num(MT + PLOT_H / 2.0, 1))} font-size="12" text-anchor="middle">{ i::RV_SW_LEFT_AXIS.get(lang) }</text>
            <text transform={format!("translate({} {}) rotate(90)", num(W - 12.0, 1), num(MT + PLOT_H / 2.0, 1))} font-size="12" text-anchor="middle">{ i::RV_SW_RIGHT_AXIS.get(lang) }</text>
            { for lines }
            // The current value: a line and a label.
            <g class="sweep-current" data-testid="sweep-current" data-value={num(current, 6)} data-in-range={current_in.to_string()}>
                <line x1={num(cx, 1)} x2={num(cx, 1)} y1={MT.to_string()} y2={bottom.to_string()} stroke="#111" stroke-width="1.5" stroke-dasharray="5 3" />
                <text x={num(if cx > W - MR - 120.0 { cx - 4.0 } else { cx + 4.0 }, 1)} y={num(MT + 12.0, 1)} font-size="12" font-weight="600"
                    text-anchor={if cx > W - MR - 120.0 { "end" } else { "start" }}>{ current_label }</text>
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
    let blob =
        gloo::file::Blob::new_with_options(svg.as_str(), Some("image/svg+xml;charset=utf-8"));
    let url = gloo::file::ObjectUrl::from(blob);
    let Ok(img) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let loaded = {
        let img = img.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            const SCALE: f64 = 2.0;
            let Some(canvas) = doc
                .create_element("canvas")
                .ok()
                .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
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
            let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(
                &img,
                0.0,
                0.0,
                W * SCALE,
                H * SCALE,
            );
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
    let ctor: js_sys::Function = js_sys::Reflect::get(&w, &"XMLSerializer".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let ser = js_sys::Reflect::construct(&ctor, &js_sys::Array::new()).ok()?;
    let f: js_sys::Function = js_sys::Reflect::get(&ser, &"serializeToString".into())
        .ok()?
        .dyn_into()
        .ok()?;
    f.call1(&ser, el).ok()?.as_string()
}

// ---------------------------------------------------------------------------------------------
// The panel

#[function_component(SweepPanel)]
pub fn sweep_panel(props: &Props) -> Html {
    let s = &*props.state;
    let lang = s.lang;
    let params = offered();
    let param = use_state(|| "service_radius_m");
    let def = param_def(*param).unwrap_or(params[0]);
    let current = s
        .policy
        .values
        .get(def.id)
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    let range = use_state(|| None::<(String, String)>);
    let steps = use_state(|| "19".to_string());
    let (dlo, dhi) = default_range(def, current);
    let (lo_text, hi_text) = (*range)
        .clone()
        .unwrap_or_else(|| (num(dlo, 6), num(dhi, 6)));
    let result = use_state(|| None::<Result_>);
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
            range.set(Some((
                e.target_unchecked_into::<HtmlInputElement>().value(),
                hi.clone(),
            )))
        })
    };
    let on_hi = {
        let range = range.clone();
        let lo = lo_text.clone();
        Callback::from(move |e: Event| {
            range.set(Some((
                lo.clone(),
                e.target_unchecked_into::<HtmlInputElement>().value(),
            )))
        })
    };
    let on_steps = {
        let steps = steps.clone();
        Callback::from(move |e: Event| {
            steps.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };

    let on_run = {
        let state = props.state.clone();
        let job = job.clone();
        let generation = generation.clone();
        let result = result.clone();
        let error = error.clone();
        let (lo_text, hi_text, steps_text) = (lo_text.clone(), hi_text.clone(), (*steps).clone());
        Callback::from(move |_| {
            let s = &*state;
            let parse = |x: &str| {
                x.trim()
                    .replace(',', "")
                    .parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite())
            };
            let (Some(lo), Some(hi)) = (parse(&lo_text), parse(&hi_text)) else {
                error.set(Some(i::RV_SW_BAD_RANGE.clone()));
                return;
            };
            let n = steps_text
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|n| (2..=101).contains(n));
            let Some(n) = n else {
                error.set(Some(i::RV_SW_BAD_STEPS.clone()));
                return;
            };
            let ParamKind::Number { min, max, .. } = def.kind else {
                return;
            };
            if lo >= hi || lo < min || hi > max {
                error.set(Some(Text::new(
                    format!(
                        "{}（{}–{}）",
                        i::RV_SW_BAD_RANGE.zh,
                        num(min, 6),
                        num(max, 6)
                    ),
                    format!("{} ({}–{})", i::RV_SW_BAD_RANGE.en, num(min, 6), num(max, 6)),
                )));
                return;
            }
            error.set(None);
            let values = sweep_values(def, lo, hi, n);
            let template = s.application().cloned();
            let (coverage_k, coverage_label) = coverage_of(template.as_ref().map(|a| a.kind));
            let sweep = match Sweep::new(
                s.scenario.clone(),
                s.data.index.clone(),
                s.preset().clone(),
                s.overrides.clone(),
                def.id,
                values.clone(),
                template,
                s.today,
            ) {
                Ok(sw) => sw,
                Err(e) => {
                    error.set(Some(Text::new(e.clone(), e)));
                    return;
                }
            };
            *job.borrow_mut() = Some(sweep);
            let gen = {
                let mut g = generation.borrow_mut();
                *g += 1;
                *g
            };
            let base = Result_ {
                param: def.id,
                lo: values.first().copied().unwrap_or(lo),
                hi: values.last().copied().unwrap_or(hi),
                current,
                coverage_k,
                coverage_label,
                points: Vec::new(),
                total: values.len(),
                running: true,
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
                    download(
                        &format!("dingdian-sweep-{}.csv", r.param),
                        "text/csv;charset=utf-8",
                        sweep_csv(d, &r.points).as_bytes(),
                    );
                }
            }
        })
    };
    let on_svg = {
        let chart_ref = chart_ref.clone();
        let result = result.clone();
        Callback::from(move |_| {
            let name = (*result)
                .as_ref()
                .map(|r| format!("dingdian-sweep-{}.svg", r.param))
                .unwrap_or_default();
            if let Some(svg) = chart_ref
                .cast::<web_sys::Element>()
                .and_then(|el| serialize(&el))
            {
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
            let name = (*result)
                .as_ref()
                .map(|r| format!("dingdian-sweep-{}.png", r.param))
                .unwrap_or_default();
            if let Some(svg) = chart_ref
                .cast::<web_sys::Element>()
                .and_then(|el| serialize(&el))
            {
                download_png(name, svg);
            }
        })
    };

    let r = (*result).clone();
    let running = r.as_ref().is_some_and(|r| r.running);
    let errors_in = r
        .as_ref()
        .map(|r| r.points.iter().filter(|p| p.error.is_some()).count())
        .unwrap_or(0);
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
            <p class="field-hint">{ format!("{}{}{}", i::RV_SW_CURRENT.get(lang), num(current, 6), { let u = unit(lang, def); if u.is_empty() { u } else { format!(" {u}") } }) }</p>
            if let Some(e) = &*error {
                <p class="field-error" role="alert" data-testid="sweep-error"><span aria-hidden="true">{ "⚠ " }</span>{ t(lang, e) }</p>
            }
            if let Some(r) = &r {
                <div class="sweep-progress" aria-live="polite">
                    <progress data-testid="sweep-progress" max={r.total.to_string()} value={r.points.len().to_string()}
                        aria-label={i::RV_SW_PROGRESS.get(lang)}></progress>
                    <span data-testid="sweep-progress-text" data-done={(!r.running && r.points.len() == r.total).to_string()}>
                        { format!("{} / {}", r.points.len(), r.total) }
                        if !r.running && r.points.len() < r.total { { " · " }{ i::RV_SW_CANCELLED.get(lang) } }
                    </span>
                </div>
                if !r.points.is_empty() {
                    <div class="sweep-figure">{ chart(lang, r, s.policy.values.get(r.param).and_then(|v| v.as_f64()).unwrap_or(r.current), chart_ref.clone()) }</div>
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
    result: UseStateHandle<Option<Result_>>,
    mut shown: Result_,
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
