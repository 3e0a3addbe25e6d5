//! The guided answer as a page to keep: the buttons that print the simulated decision slip
//! (模拟判定单) and save it as an image, and the slip itself — hidden on screen and, while it is
//! in the page, the only thing printed (style.css, "the simulated decision slip"), so the
//! browser's own Print gives it too.
//! What it says, its maps' shapes and the image's layout are `crate::app::slip`; this file
//! paints them: the maps as SVG, the image on a canvas saved as a PNG through a blob: URL.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::super::i18n::{lang_tag, t};
use crate::app::i18n::slip as w;
use crate::app::i18n::COLON;
use crate::app::slip::{
    image, outcome_colour, outcome_symbol, ring_path, verdict_symbol, Draw, Slip, SlipMap, SlipMaps, MAP_H, MAP_W,
};
use crate::app::state::{MapData, Shared};
use crate::text::{Lang, Words};

const FONT: &str = "\"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"WenQuanYi Micro Hei\", \"Helvetica Neue\", Arial, sans-serif";
/// The spot's colour on both maps (the tests look for it in the saved image).
const SPOT: &str = "#d0021b";
const PLACE: &str = "#1b6e33";
const HOME_FILL: &str = "#f1ede0";

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub slip: Slip,
    pub data: Shared<MapData>,
}

// ---------------------------------------------------------------------------------------------
// The maps as SVG (printed)

fn svg_map(m: &SlipMap, title: String, lang: Lang, testid: &'static str) -> Html {
    let n = |x: f64| format!("{x:.1}");
    let (sx, sy) = m.spot;
    let bar_y = MAP_H - 14.0;
    html! {
        <svg class="slip-map" data-testid={testid} viewBox={format!("0 0 {MAP_W} {MAP_H}")} role="img"
            aria-label={format!("{}{}{}", w::S_MAP_LABEL.get(lang), COLON.get(lang), title)}>
            <rect x="0" y="0" width={MAP_W.to_string()} height={MAP_H.to_string()} fill="#ffffff" />
            { for m.outlines.iter().map(|o| html! {
                <path d={o.rings.iter().map(|r| ring_path(r)).collect::<String>()} fill-rule="evenodd"
                    fill={if o.home { HOME_FILL } else { "none" }} stroke={if o.home { "#333333" } else { "#9a9a9a" }}
                    stroke-width={if o.home { "1.6" } else { "0.8" }} stroke-linejoin="round" />
            }) }
            if let Some([x, y, bw, bh]) = m.inset {
                <rect x={n(x)} y={n(y)} width={n(bw.max(3.0))} height={n(bh.max(3.0))} fill="none" stroke="#111111" stroke-width="1.2" />
            }
            if let Some(r) = m.radius_px {
                <circle cx={n(sx)} cy={n(sy)} r={n(r)} fill="rgba(208,2,27,0.06)" stroke={SPOT} stroke-width="1" stroke-dasharray="4 3" />
            }
            { for m.places.iter().enumerate().map(|(k, (x, y))| html! {
                <g>
                    <circle cx={n(*x)} cy={n(*y)} r="9" fill="#ffffff" stroke={PLACE} stroke-width="2" />
                    <text x={n(*x)} y={n(y + 4.0)} text-anchor="middle" font-size="11" font-weight="700" fill={PLACE}>{ k + 1 }</text>
                </g>
            }) }
            <circle cx={n(sx)} cy={n(sy)} r="6" fill={SPOT} stroke="#ffffff" stroke-width="2" />
            <text x="8" y="18" font-size="13" font-weight="700" fill="#111111" stroke="#ffffff" stroke-width="3" paint-order="stroke">{ title }</text>
            <line x1="10" x2={n(10.0 + m.scale.px)} y1={n(bar_y)} y2={n(bar_y)} stroke="#111111" stroke-width="2.5" />
            <text x="10" y={n(bar_y - 5.0)} font-size="11" fill="#111111">{ t(lang, &m.scale.label) }</text>
        </svg>
    }
}

/// The printed slip (hidden on screen).
fn doc(lang: Lang, s: &Slip, maps: &SlipMaps) -> Html {
    let colon = COLON.get(lang);
    let county = if s.county.is_empty() { w::S_OUTSIDE.get(lang).to_string() } else { s.county.clone() };
    let row = |label: Words, value: String| {
        html! { <div class="slip-row"><dt>{ label.get(lang) }</dt><dd>{ value }</dd></div> }
    };
    html! {
        <article class={classes!("slip-doc", format!("slip-density-{}", s.density()))} data-testid="slip"
            data-outcome={s.outcome.id()} data-density={s.density().to_string()} lang={lang_tag(lang)}>
            <header class="slip-head">
                <h1 class="slip-title">{ &*w::S_TITLE.zh }<span class="slip-title-en" lang="en">{ &*w::S_TITLE.en }</span></h1>
                <p class="slip-statement" data-testid="slip-statement">
                    <strong lang="zh-CN">{ &*w::S_STATEMENT.zh }</strong><span lang="en">{ &*w::S_STATEMENT.en }</span>
                </p>
            </header>
            <dl class="slip-meta">
                { row(w::S_APPLICATION, t(lang, &s.application)) }
                { row(w::S_SPOT, t(lang, &s.coords)) }
                { row(w::S_COUNTY, county) }
                { row(w::S_PRESET, t(lang, &s.preset)) }
                { row(w::S_AS_OF, s.as_of.clone()) }
                { row(w::S_DATA, format!("{} · {}", t(lang, &s.dataset), s.data_note.get(lang))) }
            </dl>
            <figure class="slip-maps">
                { svg_map(&maps.area, s.map_title(lang, 0), lang, "slip-map-area") }
                { svg_map(&maps.near, s.map_title(lang, 1), lang, "slip-map-near") }
                <figcaption>
                    <span class="slip-key-spot" aria-hidden="true">{ "●" }</span>{ " " }{ w::S_MAP_SPOT.get(lang) }{ "　" }
                    <span class="slip-key-radius" aria-hidden="true">{ "◌" }</span>{ " " }{ w::S_MAP_RADIUS.get(lang) }{ " " }{ t(lang, &w::s_length(s.radius_m)) }{ "　" }
                    <span class="slip-key-place" aria-hidden="true">{ "①" }</span>{ " " }{ w::S_MAP_PLACES.get(lang) }{ "　" }
                    <span aria-hidden="true">{ "□" }</span>{ " " }{ w::S_MAP_BOX.get(lang) }
                </figcaption>
            </figure>
            <h2>{ w::S_DECISION.get(lang) }</h2>
            <p class="slip-outcome" data-testid="slip-outcome" style={format!("color:{}", outcome_colour(s.outcome))}>
                <span aria-hidden="true">{ outcome_symbol(s.outcome) }{ " " }</span>{ t(lang, &s.outcome.label()) }
            </p>
            <p class="slip-summary">{ t(lang, &s.summary) }</p>
            <h2>{ w::S_REASONS.get(lang) }</h2>
            <ol class="slip-reasons" data-testid="slip-reasons">
                { for s.reasons.iter().map(|r| html! {
                    <li data-verdict={r.verdict.id()}>
                        <span class="slip-verdict"><span aria-hidden="true">{ verdict_symbol(r.verdict) }{ " " }</span>{ t(lang, &r.verdict.label()) }{ colon }</span>
                        { t(lang, &r.text) }
                        <span class="slip-clause" data-testid="slip-clause">{ w::S_CLAUSE.get(lang) }{ r.clause.clone() }</span>
                        { for r.readings.iter().map(|rd| html! {
                            <span class="slip-reading" data-testid="slip-reason-reading"><span aria-hidden="true">{ "⚑ " }</span>{ w::S_READING_MARK.get(lang) }{ colon }{ t(lang, rd) }</span>
                        }) }
                    </li>
                }) }
            </ol>
            <h2>{ w::S_CHANGES.get(lang) }</h2>
            <ul class="slip-changes" data-testid="slip-changes">
                if s.changes.is_empty() {
                    <li>{ w::S_NO_CHANGES.get(lang) }</li>
                }
                { for s.changes.iter().map(|c| html! { <li>{ t(lang, c) }</li> }) }
                if let Some(cl) = &s.closed {
                    <li>{ t(lang, cl) }</li>
                }
            </ul>
            if !s.places.is_empty() {
                <h2>{ w::S_PLACES.get(lang) }</h2>
                <ol class="slip-places" data-testid="slip-places">
                    { for s.places.iter().map(|p| html! { <li>{ t(lang, &p.text) }</li> }) }
                </ol>
            }
            if !s.readings.is_empty() {
                <div class="slip-readings" data-testid="slip-readings">
                    <strong><span aria-hidden="true">{ "⚑ " }</span>{ w::S_READINGS.get(lang) }{ colon }</strong>
                    <ul>{ for s.readings.iter().map(|rd| html! { <li>{ t(lang, rd) }</li> }) }</ul>
                </div>
            }
            <footer class="slip-foot">
                <p><strong>{ &*w::S_STATEMENT.zh }</strong>{ " / " }<span lang="en">{ &*w::S_STATEMENT.en }</span></p>
                <p>{ w::S_FOOT.get(lang) }</p>
            </footer>
        </article>
    }
}

// ---------------------------------------------------------------------------------------------
// The image (saved)

fn font(px: f64, bold: bool) -> String {
    format!("{}{px:.1}px {FONT}", if bold { "700 " } else { "" })
}

/// Paints a map into the box `[x, y, width, height]` of the canvas.
fn paint_map(ctx: &web_sys::CanvasRenderingContext2d, m: &SlipMap, title: &str, lang: Lang, [x, y, w, h]: [f64; 4]) {
    ctx.save();
    let _ = ctx.translate(x, y);
    let _ = ctx.scale(w / MAP_W, h / MAP_H);
    ctx.begin_path();
    ctx.rect(0.0, 0.0, MAP_W, MAP_H);
    ctx.clip();
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, MAP_W, MAP_H);
    ctx.set_line_join("round");
    for o in &m.outlines {
        ctx.begin_path();
        for r in &o.rings {
            for (k, (px, py)) in r.iter().enumerate() {
                if k == 0 {
                    ctx.move_to(*px, *py);
                } else {
                    ctx.line_to(*px, *py);
                }
            }
            ctx.close_path();
        }
        if o.home {
            ctx.set_fill_style_str(HOME_FILL);
            ctx.fill_with_canvas_winding_rule(web_sys::CanvasWindingRule::Evenodd);
        }
        ctx.set_stroke_style_str(if o.home { "#333333" } else { "#9a9a9a" });
        ctx.set_line_width(if o.home { 1.6 } else { 0.8 });
        ctx.stroke();
    }
    if let Some([bx, by, bw, bh]) = m.inset {
        ctx.set_stroke_style_str("#111111");
        ctx.set_line_width(1.2);
        ctx.stroke_rect(bx, by, bw.max(3.0), bh.max(3.0));
    }
    let (sx, sy) = m.spot;
    if let Some(r) = m.radius_px {
        ctx.begin_path();
        let _ = ctx.arc(sx, sy, r, 0.0, std::f64::consts::TAU);
        ctx.set_fill_style_str("rgba(208,2,27,0.06)");
        ctx.fill();
        let _ = ctx.set_line_dash(&js_sys::Array::of2(&4.0.into(), &3.0.into()));
        ctx.set_stroke_style_str(SPOT);
        ctx.set_line_width(1.0);
        ctx.stroke();
        let _ = ctx.set_line_dash(&js_sys::Array::new());
    }
    ctx.set_text_align("center");
    for (k, (px, py)) in m.places.iter().enumerate() {
        ctx.begin_path();
        let _ = ctx.arc(*px, *py, 9.0, 0.0, std::f64::consts::TAU);
        ctx.set_fill_style_str("#ffffff");
        ctx.fill();
        ctx.set_stroke_style_str(PLACE);
        ctx.set_line_width(2.0);
        ctx.stroke();
        ctx.set_fill_style_str(PLACE);
        ctx.set_font(&font(11.0, true));
        let _ = ctx.fill_text(&(k + 1).to_string(), *px, py + 4.0);
    }
    ctx.set_text_align("start");
    ctx.begin_path();
    let _ = ctx.arc(sx, sy, 6.0, 0.0, std::f64::consts::TAU);
    ctx.set_fill_style_str(SPOT);
    ctx.fill();
    ctx.set_stroke_style_str("#ffffff");
    ctx.set_line_width(2.0);
    ctx.stroke();
    ctx.set_fill_style_str("#111111");
    ctx.set_font(&font(13.0, true));
    ctx.set_stroke_style_str("#ffffff");
    ctx.set_line_width(3.0);
    let _ = ctx.stroke_text(title, 8.0, 18.0);
    let _ = ctx.fill_text(title, 8.0, 18.0);
    let bar_y = MAP_H - 14.0;
    ctx.set_stroke_style_str("#111111");
    ctx.set_line_width(2.5);
    ctx.begin_path();
    ctx.move_to(10.0, bar_y);
    ctx.line_to(10.0 + m.scale.px, bar_y);
    ctx.stroke();
    ctx.set_font(&font(11.0, false));
    let _ = ctx.fill_text(m.scale.label.get(lang), 10.0, bar_y - 5.0);
    ctx.restore();
}

/// The slip drawn on a new canvas of A4 proportions.
fn draw(lang: Lang, s: &Slip, maps: &SlipMaps) -> Option<web_sys::HtmlCanvasElement> {
    let doc = web_sys::window()?.document()?;
    let canvas: web_sys::HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(crate::app::slip::IMAGE_W as u32);
    canvas.set_height(crate::app::slip::IMAGE_H as u32);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let measure = |text: &str, px: f64, bold: bool| {
        ctx.set_font(&font(px, bold));
        ctx.measure_text(text).map(|m| m.width()).unwrap_or(text.chars().count() as f64 * px)
    };
    let im = image(s, lang, &measure);
    for step in &im.steps {
        match step {
            Draw::Text { x, y, px, bold, colour, text } => {
                ctx.set_font(&font(*px, *bold));
                ctx.set_fill_style_str(colour);
                let _ = ctx.fill_text(text, *x, *y);
            }
            Draw::Rect { x, y, w, h, stroke, fill } => {
                if let Some(f) = fill {
                    ctx.set_fill_style_str(f);
                    ctx.fill_rect(*x, *y, *w, *h);
                }
                ctx.set_stroke_style_str(stroke);
                ctx.set_line_width(1.5);
                ctx.stroke_rect(*x, *y, *w, *h);
            }
            Draw::Map { which, x, y, w: mw, h: mh } => {
                let m = if *which == 0 { &maps.area } else { &maps.near };
                paint_map(&ctx, m, &s.map_title(lang, *which), lang, [*x, *y, *mw, *mh]);
            }
        }
    }
    Some(canvas)
}

/// Draws the slip and saves it as a PNG; `done` hears whether it worked.
fn save_image(lang: Lang, s: &Slip, maps: &SlipMaps, done: Callback<bool>) {
    let Some(canvas) = draw(lang, s, maps) else {
        done.emit(false);
        return;
    };
    let name = s.file_name(lang);
    let on_blob = Closure::once(move |blob: JsValue| {
        let Some(blob) = blob.dyn_into::<web_sys::Blob>().ok() else {
            done.emit(false);
            return;
        };
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let url = gloo::file::ObjectUrl::from(gloo::file::Blob::from(blob));
        super::super::widgets::save_href(&doc, &url, &name);
        done.emit(true);
        // Revoked once the download has surely started.
        gloo::timers::callback::Timeout::new(60_000, move || drop(url)).forget();
    });
    if canvas.to_blob_with_type(on_blob.as_ref().unchecked_ref(), "image/png").is_err() {
        return;
    }
    on_blob.forget();
}

#[derive(Clone, Copy, PartialEq)]
enum Saving {
    Idle,
    Busy,
    Done,
    Failed,
}

/// The print and save buttons, and the slip (printed only).
#[function_component(SlipKeep)]
pub fn slip_keep(p: &Props) -> Html {
    let lang = p.lang;
    // The slip is hidden on screen: it is built in the frame after the answer is shown.
    let shown = super::super::widgets::use_after_paint();
    let maps = use_memo((shown, p.slip.clone(), p.data.clone()), |(shown, s, d)| {
        shown.then(|| Rc::new(SlipMaps::of(s, &d.outlines, d.bounds)))
    });
    let saving = use_state_eq(|| Saving::Idle);
    let on_print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let on_save = {
        let (slip, maps, data, saving) = (p.slip.clone(), maps.clone(), p.data.clone(), saving.clone());
        Callback::from(move |_| {
            saving.set(Saving::Busy);
            let done = {
                let saving = saving.clone();
                Callback::from(move |ok: bool| saving.set(if ok { Saving::Done } else { Saving::Failed }))
            };
            let maps = (*maps).clone().unwrap_or_else(|| Rc::new(SlipMaps::of(&slip, &data.outlines, data.bounds)));
            save_image(lang, &slip, &maps, done);
        })
    };
    let status = match *saving {
        Saving::Idle => None,
        Saving::Busy => Some(w::S_SAVING),
        Saving::Done => Some(w::S_SAVED),
        Saving::Failed => Some(w::S_SAVE_FAILED),
    };
    html! {
        <div class="slip-keep" data-testid="slip-keep">
            <p class="field-hint">{ w::S_KEEP_HINT.get(lang) }</p>
            <div class="slip-buttons">
                <button type="button" class="btn btn-quiet" data-testid="slip-print" onclick={on_print}>
                    { w::S_PRINT.get(lang) }
                </button>
                <button type="button" class="btn btn-quiet" data-testid="slip-save" onclick={on_save} disabled={*saving == Saving::Busy}>
                    { w::S_SAVE.get(lang) }
                </button>
            </div>
            <p class="slip-status" data-testid="slip-save-status" role="status"
                data-state={match *saving { Saving::Idle => "idle", Saving::Busy => "busy", Saving::Done => "done", Saving::Failed => "failed" }}>
                { status.map(|s| s.get(lang)).unwrap_or_default() }
            </p>
            if let Some(maps) = maps.as_ref() {
                { doc(lang, &p.slip, maps) }
            }
        </div>
    }
}
