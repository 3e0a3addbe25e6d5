//! The readings register (解读登记) over the page: every interpretation switch and assumption of
//! the presets, with the clause quoted, the question it leaves open, each reading and each
//! preset's default with its reason — so a policymaker can tell the text's answer from the
//! simulator's. The address opens it: `#readings` at the top, `#reading-<id>` at an entry, which
//! is what the marks on trace entries and outcomes link to (Back closes it again). It renders
//! `policy::readings::Register`, built from the tables already in the app.

use crate::words;
use std::borrow::Cow;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::HtmlDialogElement;
use yew::prelude::*;

use super::decision_panel::focus_param;
use super::i18n::{self as i, bi, bi_t, lang_tag, t};
use crate::app::readings::{basis, target, ReadingsView};
use crate::engine::{Decision, TraceEntry};
use crate::policy::clauses::{cite, cite_in};
use crate::policy::param_def;
use crate::policy::readings::{anchor, is_switch, value_id, value_reading, Entry, EntryKind, Register};
use crate::text::{Lang, Text, Words};

pub const MARK: Words = words!("解读", "reading");
const OPEN: Words = words!("解读登记", "Readings");
const HEADING: Words =
    words!("解读登记：条文未明之处与假设", "Readings register: where the text is silent, and assumptions",);
const INTRO: Words = words!(
    "条文没有回答的问题，模拟器必须选一种解读。下面列出每个解释开关和每个假设：所解读的条文原文、条文留下的问题、可选的解读、各预设的默认值及其理由。引号内是条文原话，其余是模拟器的解读。",
    "Where a text leaves a question open, the simulator has to pick a reading. Below are every interpretation switch and every assumption: the clause quoted, the question it leaves open, each reading, and each preset's default with its reason. The quotes are the text's words; everything else is the simulator's reading.",
);
const CLOSE: Words = words!("关闭", "Close");
const SWITCHES: Words = words!("解释开关", "Switches");
const ASSUMPTIONS: Words = words!("本预设的假设", "Assumptions of this preset");
const OTHER_ASSUMPTIONS: Words = words!("仅在其他预设中为假设", "Assumptions of other presets only");
const CLAUSE: Words = words!("条文", "Clause");
const NO_CLAUSE: Words = words!("条文尚未编入索引", "the clause is not yet in the index");
const QUESTION: Words = words!("条文留下的问题", "The question the text leaves open");
const READINGS: Words = words!("可选的解读", "Readings");
const DEFAULTS: Words = words!("各预设的默认值及理由", "Each preset's default, and why");
const PRESET_COL: Words = words!("预设", "preset");
const DEFAULT_COL: Words = words!("默认", "default");
const BASIS_COL: Words = words!("依据", "basis");
const WHY_COL: Words = words!("理由", "why");
const BASIS_TEXT: Words = words!("条文", "the text");
const BASIS_READING: Words = words!("解读", "reading");
const BASIS_ASSUMPTION: Words = words!("假设", "assumption");
const ACTIVE_PRESET: Words = words!("当前预设", "active preset");
const IS_DEFAULT: Words = words!("本预设默认", "this preset's default");
const IN_FORCE: Words = words!("当前采用", "in force now");
const NOW: Words = words!("当前取值", "now");
const CHANGED: Words = words!("已改动", "changed");
const ADJUST: Words = words!("调整此项", "adjust it");
const OUTCOME_RESTS: Words = words!("此答案依据模拟器的解读", "this answer rests on the simulator's reading",);
const ASSUMED: Words = words!("假设", "assumption");

/// The address of a parameter's entry in the register.
pub fn href(param: &str) -> String {
    format!("#{}", anchor(param))
}

/// Opens the register at a fragment in place: a history entry of its own (so Back closes it),
/// without the browser's fragment navigation, which would also tell the rest of the page that
/// the view changed. A click meant for a new tab or window is left to the browser.
fn open_at(fragment: String) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        if e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() || e.button() != 0 {
            return;
        }
        e.prevent_default();
        let Some(w) = web_sys::window() else { return };
        if let Ok(h) = w.history() {
            let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&fragment));
        }
        if let Ok(ev) = web_sys::Event::new("hashchange") {
            let _ = w.dispatch_event(&ev);
        }
    })
}

fn current_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The address without the register's fragment (no history entry, no `hashchange`).
fn drop_fragment() {
    let Some(w) = web_sys::window() else { return };
    let l = w.location();
    if target(&l.hash().unwrap_or_default()).is_none() {
        return;
    }
    let url = format!("{}{}", l.pathname().unwrap_or_default(), l.search().unwrap_or_default());
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The ids a trace entry's verdict rests on: the switch that decided it, then its assumptions.
fn rests_on(e: &TraceEntry) -> impl Iterator<Item = (&str, EntryKind)> {
    e.switch
        .as_deref()
        .map(|s| (s, EntryKind::Switch))
        .into_iter()
        .chain(e.assumptions.iter().map(|a: &Cow<str>| (a.as_ref(), EntryKind::Assumption)))
}

fn param_label(id: &str) -> Text {
    crate::policy::readings::label_of(id).unwrap_or_else(|| Text::new(id.to_owned(), id.to_owned()))
}

/// Links to the register entries of what an entry rests on, named (never by raw id).
pub fn links<'a>(lang: Lang, ids: impl Iterator<Item = (&'a str, EntryKind)>) -> Html {
    let items: Vec<Html> = ids
        .enumerate()
        .map(|(n, (id, kind))| {
            let sep = if n > 0 { i::LIST_SEP.get(lang) } else { "" };
            let kind_hint = (kind == EntryKind::Assumption).then(|| html! {
                <span class="reading-kind">{ ASSUMED.get(lang) }{ i::COLON.get(lang) }</span>
            });
            html! {
                <>
                    { sep }
                    <a class="reading-link" href={href(id)} data-reading-link={id.to_string()} onclick={open_at(href(id))}>
                        { kind_hint.unwrap_or_default() }{ t(lang, &param_label(id)) }
                    </a>
                </>
            }
        })
        .collect();
    html! { <>{ for items }</> }
}

/// The badge that says “the simulator's reading”, in both languages whatever the page's.
fn badge() -> Html {
    html! {
        <span class="reading-badge">
            <span aria-hidden="true">{ "⚑ " }</span>{ &*MARK.zh }{ " " }<span lang="en">{ &*MARK.en }</span>
        </span>
    }
}

/// The mark on a trace entry that rests on a reading (nothing when it rests on none).
pub fn trace_mark(lang: Lang, e: &TraceEntry) -> Html {
    if rests_on(e).next().is_none() {
        return html! {};
    }
    html! {
        <p class="trace-readings" data-testid="trace-reading">
            { badge() }{ " " }{ links(lang, rests_on(e)) }
        </p>
    }
}

/// The mark beside an outcome that rests on readings (`Decision::readings`: the switches that
/// decided an entry and the assumptions of the deciding entries).
pub fn outcome_mark(lang: Lang, d: &Decision) -> Html {
    if d.readings.is_empty() {
        return html! {};
    }
    let kind = |id: &str| match param_def(id) {
        Some(def) if is_switch(def) => EntryKind::Switch,
        _ => EntryKind::Assumption,
    };
    html! {
        <p class="outcome-reading" data-testid="outcome-reading">
            { badge() }{ " " }<span class="outcome-reading-words">{ OUTCOME_RESTS.get(lang) }{ i::COLON.get(lang) }</span>
            { links(lang, d.readings.iter().map(|id| (id.as_ref(), kind(id)))) }
        </p>
    }
}

/// The mark beside a statement that rests on one assumption (the surface's "still needed"
/// rests on the split of the place from the time).
pub fn assumption_mark(lang: Lang, id: &str) -> Html {
    html! {
        <span class="outcome-reading" data-testid="assumption-reading">
            { badge() }{ " " }{ links(lang, std::iter::once((id, EntryKind::Assumption))) }
        </span>
    }
}

/// The link from a parameter's row to its entry (the row's control stays where it is).
pub fn param_link(lang: Lang, id: &str) -> Html {
    html! {
        <a class="reading-link reading-param-link" href={href(id)} data-reading-link={id.to_string()} onclick={open_at(href(id))}>
            { OPEN.get(lang) }{ " ›" }
        </a>
    }
}

/// The header's way in.
pub fn open_link(lang: Lang) -> Html {
    html! {
        <a class="btn btn-lang btn-readings" href="#readings" data-testid="readings-link" onclick={open_at("#readings".into())}>
            <span aria-hidden="true">{ "⚑ " }</span>{ OPEN.get(lang) }
        </a>
    }
}

/// What the register shows: the presets, the active one and the values in force.
#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub view: ReadingsView,
}

#[function_component(ReadingsDialog)]
pub fn readings_dialog(props: &Props) -> Html {
    let s = &props.view;
    let lang = props.lang;
    let open = use_state(|| target(&current_hash()));
    {
        let open = open.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .map(|w| EventListener::new(&w, "hashchange", move |_| open.set(target(&current_hash()))));
            move || drop(listener)
        });
    }
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with((*open).clone(), move |target| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                match target {
                    Some(id) => {
                        if !d.open() {
                            let _ = d.show_modal();
                        }
                        scroll_to(if id.is_empty() { "readings-heading".to_string() } else { anchor(id) });
                    }
                    None if d.open() => d.close(),
                    None => {}
                }
            }
        });
    }
    // Escape, the close button or Back: the register closes and the address loses its fragment.
    let on_close = {
        let open = open.clone();
        Callback::from(move |_: Event| {
            drop_fragment();
            open.set(None);
        })
    };
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                d.close();
            }
        })
    };
    let presets = s.presets.0.clone();
    let register = use_memo(Rc::as_ptr(&presets) as usize, move |_| Register::of(&presets));

    let body = open.as_ref().map(|target| {
        let active = s.active();
        let sections = s.sections(&register);
        let others = sections.others;
        let target_in_others = others.iter().any(|e| e.param == target.as_str());
        let adjust = {
            let dialog = dialog.clone();
            Callback::from(move |id: String| {
                if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                    d.close();
                }
                focus_param(&id);
            })
        };
        let entry = |e: &Entry| entry_html(lang, s, e, active, target == e.param, adjust.clone());
        html! {
            <>
                <p class="readings-intro">{ INTRO.get(lang) }</p>
                <p class="readings-preset">
                    <span class="trace-key">{ ACTIVE_PRESET.get(lang) }{ i::COLON.get(lang) }</span>
                    { t(lang, s.preset_title()) }
                </p>
                <section class="readings-section" aria-labelledby="readings-switches">
                    <h3 id="readings-switches">{ bi_t(lang, SWITCHES) }</h3>
                    { for sections.switches.iter().map(|e| entry(e)) }
                </section>
                <section class="readings-section" aria-labelledby="readings-assumptions">
                    <h3 id="readings-assumptions">{ bi_t(lang, ASSUMPTIONS) }</h3>
                    { for sections.mine.iter().map(|e| entry(e)) }
                </section>
                if !others.is_empty() {
                    <details class="readings-section readings-others" open={target_in_others}>
                        <summary>{ bi_t(lang, OTHER_ASSUMPTIONS) }</summary>
                        { for others.iter().map(|e| entry(e)) }
                    </details>
                }
            </>
        }
    });

    html! {
        <dialog ref={dialog} class="readings-dialog" data-testid="readings" aria-labelledby="readings-heading" onclose={on_close}>
            <div class="readings-head">
                <h2 id="readings-heading" tabindex="-1">{ bi_t(lang, HEADING) }</h2>
                <button type="button" class="btn btn-quiet readings-close" data-testid="readings-close" onclick={close}>
                    <span aria-hidden="true">{ "✕ " }</span>{ CLOSE.get(lang) }
                </button>
            </div>
            { body.unwrap_or_default() }
        </dialog>
    }
}

fn scroll_to(id: String) {
    let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&id)) else {
        return;
    };
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Start);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.focus();
    }
}

fn basis_of(kind: EntryKind, assumption: bool) -> Words {
    basis(kind, assumption, [BASIS_TEXT, BASIS_READING, BASIS_ASSUMPTION])
}

/// A text whose English side cites its clauses in English (the Chinese side is left as it is).
fn cited(text: &Text) -> Text {
    Text::new(text.zh.clone(), cite_in(Lang::En, &text.en).into_owned())
}

fn entry_html(lang: Lang, s: &ReadingsView, e: &Entry, active: &str, targeted: bool, adjust: Callback<String>) -> Html {
    let def = param_def(e.param);
    let current = s.current(e.param);
    let current_id = current.map(value_id);
    let preset_default = e.default_in(active);
    let default_id = preset_default.map(|d| value_id(&d.value));
    let changed = s.is_changed(e.param);
    let clauses = if e.clauses.is_empty() {
        html! { <p class="reading-clause"><span class="trace-key">{ CLAUSE.get(lang) }{ i::COLON.get(lang) }</span>{ NO_CLAUSE.get(lang) }</p> }
    } else {
        html! {
            <>{ for e.clauses.iter().map(|c| {
                let here = preset_default.and_then(|d| d.clause) == Some(c.id);
                html! {
                    <figure class={classes!("reading-clause", here.then_some("is-active"))} data-clause={c.id}>
                        <figcaption><span class="trace-key">{ CLAUSE.get(lang) }{ i::COLON.get(lang) }</span><span class="clause">{ cite(lang, c.id).into_owned() }</span></figcaption>
                        <blockquote lang="zh-CN">{ c.quote }</blockquote>
                        <p class="reading-gloss" lang="en">{ c.gloss }</p>
                    </figure>
                }
            }) }</>
        }
    };
    let question = e.question.as_ref().map(|q| html! {
        <p class="reading-question"><span class="trace-key">{ QUESTION.get(lang) }{ i::COLON.get(lang) }</span>{ bi(lang, &cited(q)) }</p>
    });
    let options = (!e.readings.is_empty()).then(|| html! {
        <div class="reading-options">
            <p class="trace-key">{ READINGS.get(lang) }</p>
            <ul>
                { for e.readings.iter().map(|r| {
                    let is_default = default_id.as_deref() == Some(r.value.as_str());
                    let in_force = current_id.as_deref() == Some(r.value.as_str());
                    html! {
                        <li class={classes!(in_force.then_some("is-in-force"))} data-value={r.value.clone()}>
                            { bi(lang, &cited(&r.label)) }
                            if is_default { <span class="reading-tag">{ IS_DEFAULT.get(lang) }</span> }
                            if in_force { <span class="reading-tag is-in-force" data-testid="reading-in-force">{ "▶ " }{ IN_FORCE.get(lang) }</span> }
                        </li>
                    }
                }) }
            </ul>
        </div>
    });
    // A number: its value now, said with its unit.
    let now = (e.readings.is_empty()).then(|| match (def, current) {
        (Some(def), Some(v)) => html! {
            <p class="reading-now"><span class="trace-key">{ NOW.get(lang) }{ i::COLON.get(lang) }</span>{ t(lang, &value_reading(def, v)) }
                if changed { <span class="reading-tag is-changed">{ CHANGED.get(lang) }</span> }
            </p>
        },
        _ => html! {},
    });
    let mut rows: Vec<_> = e.defaults.iter().collect();
    rows.sort_by_key(|d| d.preset != active);
    let has_control = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&format!("[data-param=\"{}\"]", e.param)).ok().flatten())
        .is_some();
    let id = e.param.to_string();
    html! {
        <article class={classes!("reading-entry", targeted.then_some("is-target"))} id={e.anchor.clone()} tabindex="-1"
            data-reading={e.param}>
            <h4 class="reading-title" data-param={e.param}>{ bi(lang, &cited(&e.label)) }</h4>
            { clauses }
            { question.unwrap_or_default() }
            { options.unwrap_or_default() }
            { now.unwrap_or_default() }
            <div class="reading-defaults">
                <p class="trace-key">{ DEFAULTS.get(lang) }</p>
                <table>
                    <thead><tr>
                        <th scope="col">{ PRESET_COL.get(lang) }</th><th scope="col">{ DEFAULT_COL.get(lang) }</th>
                        <th scope="col">{ BASIS_COL.get(lang) }</th><th scope="col">{ WHY_COL.get(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.into_iter().map(|d| html! {
                            <tr class={classes!((d.preset == active).then_some("is-active"))} data-preset={d.preset.clone()}>
                                <th scope="row">{ t(lang, &d.short) }
                                    if d.preset == active { <span class="reading-tag">{ ACTIVE_PRESET.get(lang) }</span> }
                                </th>
                                <td>{ cite_in(lang, &t(lang, &d.reading)).into_owned() }</td>
                                <td>{ basis_of(e.kind, d.assumption).get(lang) }</td>
                                <td lang={lang_tag(lang)}>{ cite_in(lang, &t(lang, &d.source)).into_owned() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            if has_control {
                <button type="button" class="link reading-adjust" onclick={Callback::from(move |_| adjust.emit(id.clone()))}>
                    { ADJUST.get(lang) }
                </button>
            }
        </article>
    }
}
