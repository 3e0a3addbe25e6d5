//! Guided mode: a check for the public, beside the expert view. A few questions one
//! screen at a time, a spot on the map (or the browser's position), then the answer in plain
//! words with the reasons, what would change it, the nearest places where it would be accepted,
//! and the expert trace one tap away. Reached from the header's button or by `?mode=guide`.
//!
//! Its state and reducer are `crate::app::guided` (owned by `ui::app`, which passes the state and
//! a callback for its intents); `questions`, `place` and `answer` render the screens; `map`
//! is the small Leaflet map; `geo` asks the browser where it is. What to ask and the answer come
//! from `crate::guide`.

mod answer;
mod geo;
mod map;
mod place;
mod questions;
mod slip;
mod way;

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::i18n::{self as i, t, Words};
use crate::app::guided::{Guide, GuideAction};
pub use crate::app::guided_view::Computed;
use crate::app::guided_view::GuidedView;
use crate::guide::{self as g, Step};
use crate::scenario::Application;
use crate::text::Lang;

// ---------------------------------------------------------------------------------------------
// The mode in the address: `?mode=guide`, other parameters (`?lang=` …) and the hash kept.

/// The address's query as `key=value` pieces, in order (raw, never decoded: kept as given).
fn query_pieces() -> Vec<String> {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    search.trim_start_matches('?').split('&').filter(|p| !p.is_empty()).map(str::to_string).collect()
}

/// Whether the address asks for guided mode.
pub fn mode_from_url() -> bool {
    query_pieces().iter().any(|p| p == "mode=guide")
}

/// The address of guided mode (`true`) or the expert view, keeping the other parameters and
/// the hash.
pub fn mode_href(guide: bool) -> String {
    let mut pieces: Vec<String> =
        query_pieces().into_iter().filter(|p| p != "mode" && !p.starts_with("mode=")).collect();
    if guide {
        pieces.push("mode=guide".into());
    }
    let loc = web_sys::window().map(|w| w.location());
    let path = loc.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_default();
    let hash = loc.as_ref().and_then(|l| l.hash().ok()).unwrap_or_default();
    if pieces.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{}{hash}", pieces.join("&"))
    }
}

/// Puts the mode in the address (a new history entry, so Back returns to the other view).
pub fn push_mode(guide: bool) {
    let href = mode_href(guide);
    let Some(w) = web_sys::window() else { return };
    let Ok(history) = js_sys::Reflect::get(&w, &"history".into()) else {
        return;
    };
    let Ok(push) = js_sys::Reflect::get(&history, &"pushState".into()) else {
        return;
    };
    if let Ok(push) = push.dyn_into::<js_sys::Function>() {
        let _ = push.call3(&history, &wasm_bindgen::JsValue::NULL, &"".into(), &href.into());
    }
}

/// The header's link between the two views: a real link (it opens in a new tab too), which
/// switches in place when simply clicked.
/// A click that switches view in place (a modified click opens the link as the browser would).
fn switch_click(on_guide: &Callback<GuideAction>, to_guide: bool) -> Callback<MouseEvent> {
    let d = on_guide.clone();
    Callback::from(move |e: MouseEvent| {
        if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
            return;
        }
        e.prevent_default();
        push_mode(to_guide);
        d.emit(GuideAction::Open(to_guide));
    })
}

/// `open`: guided mode is shown.
pub fn mode_switch(lang: Lang, open: bool, on_guide: &Callback<GuideAction>) -> Html {
    let to_guide = !open;
    let onclick = switch_click(on_guide, to_guide);
    let (icon, label) = if to_guide { ("☑", i::G_ENTER) } else { ("⚙", i::G_EXPERT) };
    html! {
        <a class="btn btn-mode" href={mode_href(to_guide)} data-testid={if to_guide { "open-guide" } else { "open-expert" }} {onclick}>
            <span aria-hidden="true">{ icon }{ " " }</span>{ label.get(lang) }
        </a>
    }
}

/// On phones (CSS) the header's controls are folded into a menu; the public's way in stays in
/// sight as a bar under the header.
pub fn guide_bar(lang: Lang, on_guide: &Callback<GuideAction>) -> Html {
    html! {
        <a class="guide-bar" href={mode_href(true)} data-testid="open-guide-bar" onclick={switch_click(on_guide, true)}>
            <span aria-hidden="true">{ "☑ " }</span>{ i::G_BAR.get(lang) }<span aria-hidden="true">{ " →" }</span>
        </a>
    }
}

// ---------------------------------------------------------------------------------------------

/// What guided mode reads of the expert state and of its own state, the intents it sends its own
/// reducer, and the one it sends the expert view: take the answer's application there.
#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub view: GuidedView,
    pub guide: Guide,
    pub on_guide: Callback<GuideAction>,
    pub on_expert: Callback<Application>,
}

fn step_title(s: Step) -> Words {
    match s {
        Step::Kind => i::G_STEP_KIND,
        Step::Detail => i::G_STEP_DETAIL,
        Step::Change => i::G_STEP_CHANGE,
        Step::Size => i::G_STEP_SIZE,
        Step::Special => i::G_STEP_SPECIAL,
        Step::Place => i::G_STEP_PLACE,
        Step::Answer => i::G_STEP_ANSWER,
    }
}

fn step_id(s: Step) -> &'static str {
    match s {
        Step::Kind => "kind",
        Step::Detail => "detail",
        Step::Change => "change",
        Step::Size => "size",
        Step::Special => "special",
        Step::Place => "place",
        Step::Answer => "answer",
    }
}

/// After a screen change: the focus to the first control with a message, else to the heading,
/// so a keyboard or screen-reader user starts on the new screen.
fn move_focus() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let target = doc
        .query_selector(".guide-step [aria-invalid=\"true\"], .guide-step fieldset[aria-describedby] input, .guide-step select[aria-describedby]")
        .ok()
        .flatten()
        .or_else(|| doc.get_element_by_id("guide-heading"));
    if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// The answer, once shown, starts at the top of the screen: the outcome, why, and where the same
/// application would do are then the first screen of a phone (the introduction, read already,
/// is above). After the frame that first shows it, so that frame lays out only the answer.
fn answer_to_top() {
    yew::platform::spawn_local(async {
        super::widgets::next_paint().await;
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Ok(Some(el)) = doc.query_selector(".guide-step") {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Start);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    });
}

#[function_component(Guided)]
pub fn guided(props: &Props) -> Html {
    let s = &props.view;
    let gd = &props.guide;
    let lang = props.lang;
    let steps = g::steps(&gd.answers, &s.policy);
    let size = g::size_fields(&gd.answers, &s.policy);
    // A screen the answers no longer need (another kind) is not shown: the first one is.
    let step = if steps.contains(&gd.step) { gd.step } else { steps[0] };
    let at = steps.iter().position(|x| *x == step).unwrap_or(0);

    let answer_shown = step == Step::Answer;
    use_effect_with(gd.moves, move |_| {
        move_focus();
        if answer_shown {
            answer_to_top();
        }
        || ()
    });

    // The answer: decided once per answers, spot, rules and data, not on every render.
    let computed =
        use_memo((gd.answers.clone(), step == Step::Answer, s.clone()), |(answers, show, view)| -> Option<Computed> {
            if !*show {
                return None;
            }
            view.answer(answers)
        });

    let on_next = {
        let d = props.on_guide.clone();
        let steps = steps.clone();
        Callback::from(move |_| d.emit(GuideAction::Next(steps.clone(), size)))
    };
    let on_back = {
        let d = props.on_guide.clone();
        let steps = steps.clone();
        Callback::from(move |_| d.emit(GuideAction::Back(steps.clone())))
    };

    // The expert trace under the answer is built when first opened, and stays open across answers.
    let trace_open = use_state_eq(|| false);

    // The questions see the guide's answers and send its intents. The place and the answer show
    // the small map between what stands above and what stands below it: one map at one place in
    // the page, kept (not made again) when "see the answer" is tapped.
    let send = props.on_guide.clone();
    let question = |body: Html| (body, Html::default(), Html::default());
    let (body, map, below) = match step {
        Step::Kind => question(questions::kind(lang, gd, &send)),
        Step::Detail => question(questions::detail(lang, gd, &send)),
        Step::Change => question(questions::change(lang, gd, &send, g::movers(&gd.answers, &s.scenario.institutions))),
        Step::Size => question(questions::size(lang, gd, &send, size)),
        Step::Special => question(questions::special(
            lang,
            gd,
            &send,
            g::specials(gd.answers.kind.unwrap_or(crate::scenario::Kind::Pharmacy), &s.policy),
        )),
        Step::Place => place::place(props),
        Step::Answer => answer::answer(props, (*computed).as_ref(), &trace_open),
    };
    let n = steps.len();
    let progress = i::g_progress(lang, at + 1, n);
    let next_label = match step {
        Step::Place => i::G_SEE_ANSWER,
        _ => i::G_NEXT,
    };

    html! {
        <section class="guide" id="guide-main" data-testid="guided" data-step={step_id(step)} aria-labelledby="guide-title">
            <div class="guide-top">
                <h2 id="guide-title">{ i::G_TITLE.get(lang) }</h2>
                <p class="guide-intro">{ i::G_INTRO.get(lang) }</p>
                <p class="guide-rules" data-testid="guide-rules">
                    { i::G_RULES_USED.get(lang) }{ t(lang, &s.preset_short) }
                    { i::LIST_SEP.get(lang) }{ i::G_DATA_USED.get(lang) }{ s.dataset.label().get(lang) }
                </p>
            </div>
            <div class="guide-progress">
                <p class="guide-progress-text" data-testid="guide-progress" aria-live="polite">
                    { progress }{ i::COLON.get(lang) }<strong>{ step_title(step).get(lang) }</strong>
                </p>
                <ol class="guide-dots" aria-hidden="true">
                    { for steps.iter().enumerate().map(|(k, _)| html! {
                        <li class={classes!((k < at).then_some("is-done"), (k == at).then_some("is-current"))}></li>
                    }) }
                </ol>
            </div>
            <div class="guide-step" data-testid={format!("guide-step-{}", step_id(step))}>
                <h3 id="guide-heading" class="guide-heading" tabindex="-1">{ step_title(step).get(lang) }</h3>
                { body }
                { map }
                { below }
            </div>
            if step != Step::Answer {
                <div class="guide-nav">
                    if at > 0 {
                        <button type="button" class="btn btn-quiet" data-testid="guide-back" onclick={on_back}>
                            <span aria-hidden="true">{ "← " }</span>{ i::G_BACK.get(lang) }
                        </button>
                    }
                    <button type="button" class="btn guide-next" data-testid="guide-next" onclick={on_next}>
                        { next_label.get(lang) }<span aria-hidden="true">{ " →" }</span>
                    </button>
                </div>
            }
        </section>
    }
}

/// The `Rc` of a memo's list of places, for the map's props.
fn places_of(c: Option<&Computed>) -> Rc<Vec<crate::engine::nearest_accepted::AcceptedPlace>> {
    Rc::new(c.and_then(|c| c.answer.nearest.as_ref()).map(|n| n.places.clone()).unwrap_or_default())
}
