//! The line under the header: what the last edit changed (against the state before it) and
//! where the work stands against the baseline, read aloud by a screen reader, with the changed
//! decisions one click away and Undo/Redo (buttons and Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y).

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::i18n::{bi, lang_tag, other, t};
use crate::app::change_view::{parts, ChangeView, Part};
use crate::app::i18n::change as w;
use crate::review::ChangeSummary;
use crate::text::Lang;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub view: ChangeView,
    pub on_undo: Callback<()>,
    pub on_redo: Callback<()>,
}

/// Whether a key press belongs to a field where the browser's own undo applies.
fn typing(e: &KeyboardEvent) -> bool {
    let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return false;
    };
    if el.is_content_editable() || el.tag_name().eq_ignore_ascii_case("textarea") {
        return true;
    }
    match el.dyn_ref::<web_sys::HtmlInputElement>() {
        Some(input) => !matches!(input.type_().as_str(), "checkbox" | "radio" | "range" | "button" | "submit" | "file"),
        None => false,
    }
}

/// A statement in the language shown, the other language on hover: the line stays a line (its
/// labels and buttons carry both languages).
fn part_html(lang: Lang, p: &Part) -> Html {
    html! {
        <span class="chg-part" data-part={p.key} title={p.text.get(other(lang)).to_string()}>
            <span class="main">{ p.text.get(lang).to_string() }</span>
        </span>
    }
}

/// One row: its label, then its statements; the decisions statement opens the list of them.
fn row(lang: Lang, v: &ChangeView, label: &'static crate::text::Text, key: &'static str, s: &ChangeSummary) -> Html {
    let ps = parts(s);
    html! {
        <p class="chg-row" data-testid={format!("change-{key}")}>
            <strong class="chg-label">{ bi(lang, label) }</strong>
            { for ps.iter().map(|p| if p.key == "decisions" && !s.decisions.is_empty() {
                html! {
                    <details class="chg-part chg-decisions" data-part="decisions">
                        <summary title={p.text.get(other(lang)).to_string()}><span class="main">{ p.text.get(lang).to_string() }</span></summary>
                        <ul>
                            { for s.decisions.iter().map(|d| html! {
                                <li data-outcome={d.draft.id()}>{ t(lang, &v.decision(d)) }</li>
                            }) }
                        </ul>
                    </details>
                }
            } else {
                part_html(lang, p)
            }) }
        </p>
    }
}

#[function_component(ChangeLine)]
pub fn change_line(props: &Props) -> Html {
    let lang = props.lang;
    let v = &props.view;
    {
        // The keys work anywhere on the page except where text is being typed.
        let (undo, redo) = (props.on_undo.clone(), props.on_redo.clone());
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                gloo::events::EventListener::new_with_options(&w, "keydown", options, move |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
                    if !(e.ctrl_key() || e.meta_key()) || e.alt_key() || e.default_prevented() || typing(e) {
                        return;
                    }
                    match (e.key().to_lowercase().as_str(), e.shift_key()) {
                        ("z", false) => undo.emit(()),
                        ("z", true) | ("y", false) => redo.emit(()),
                        _ => return,
                    }
                    e.prevent_default();
                })
            });
            move || drop(listener)
        });
    }
    let line = &*v.line;
    let undo = props.on_undo.reform(|_: MouseEvent| ());
    let redo = props.on_redo.reform(|_: MouseEvent| ());
    let o = other(lang);
    // Nothing said yet and nothing to undo: phones leave the first screen to the map (CSS).
    let idle = line.previous.is_none() && line.edits == 0 && line.baseline.is_empty() && !v.can_undo && !v.can_redo;
    html! {
        <section class={classes!("change-line", idle.then_some("is-idle"))} data-testid="change-line"
            aria-label={w::CH_LABEL.get(lang).to_string()}>
            // Re-made on every edit, so the same words after another edit are announced again.
            <div class="chg-rows" aria-live="polite" key={line.edits.to_string()}>
                { match &line.previous {
                    Some(p) => row(lang, v, w::CH_PREVIOUS, "previous", p),
                    None if line.edits > 0 => html! {
                        <p class="chg-row" data-testid="change-previous">
                            <strong class="chg-label">{ bi(lang, w::CH_PREVIOUS) }</strong>
                            <span class="chg-part">{ bi(lang, w::CH_OTHER_DATA) }</span>
                        </p>
                    },
                    None => html! {
                        <p class="chg-row chg-hint" data-testid="change-previous">{ bi(lang, w::CH_NONE_YET) }</p>
                    },
                } }
                if line.baseline.is_empty() {
                    <p class="chg-row" data-testid="change-baseline">
                        <strong class="chg-label">{ bi(lang, w::CH_BASELINE) }</strong>
                        <span class="chg-part">{ bi(lang, w::CH_SAME_AS_BASELINE) }</span>
                    </p>
                } else {
                    { row(lang, v, w::CH_BASELINE, "baseline", &line.baseline) }
                }
            </div>
            <div class="chg-actions">
                <button type="button" class="btn btn-small" data-testid="undo" disabled={!v.can_undo}
                    title={w::CH_UNDO_KEYS.get(lang).to_string()} onclick={undo}>
                    { "↶ " }{ w::CH_UNDO.get(lang) }<span class="sub" lang={lang_tag(o)}>{ w::CH_UNDO.get(o) }</span>
                </button>
                <button type="button" class="btn btn-small" data-testid="redo" disabled={!v.can_redo}
                    title={w::CH_REDO_KEYS.get(lang).to_string()} onclick={redo}>
                    { "↷ " }{ w::CH_REDO.get(lang) }<span class="sub" lang={lang_tag(o)}>{ w::CH_REDO.get(o) }</span>
                </button>
                <a class="chg-link" href="#review-heading" data-testid="change-compare-link">{ w::CH_FULL_COMPARISON.get(lang) }</a>
            </div>
        </section>
    }
}
