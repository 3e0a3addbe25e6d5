//! Labelled form controls shared by the panels: every control has a visible label tied to it,
//! a unit, an optional hint, and a field-level message slot with a stable `data-testid`.

use std::cell::{Cell, RefCell};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::i18n::{self as i, bi, t};
use crate::text::{Lang, Text};

/// Which data hook a control carries (what the browser tests select on).
#[derive(Clone, Debug, PartialEq)]
pub enum Hook {
    /// `data-param="<id>"`, message `param-error-<id>`.
    Param(&'static str),
    /// `data-city="<field>"`, message `city-error-<field>`.
    City(&'static str),
    /// `data-county="<county id>" data-county-field="<field>"`, message `county-error-<county>-<field>`.
    County(String, &'static str),
    /// `data-field="<field>"`, message `field-error-<field>`.
    Field(&'static str),
}

impl Hook {
    pub fn dom_id(&self) -> String {
        let raw = match self {
            Hook::Param(id) => format!("param-{id}"),
            Hook::City(f) => format!("city-{f}"),
            Hook::County(c, f) => format!("county-{c}-{f}"),
            Hook::Field(f) => format!("field-{f}"),
        };
        raw.replace('.', "-")
    }
    pub fn error_testid(&self) -> String {
        match self {
            Hook::Param(id) => format!("param-error-{id}"),
            Hook::City(f) => format!("city-error-{f}"),
            Hook::County(c, f) => format!("county-error-{c}-{f}"),
            Hook::Field(f) => format!("field-error-{f}"),
        }
    }
    pub fn param(&self) -> Option<AttrValue> {
        match self {
            Hook::Param(id) => Some(AttrValue::Static(id)),
            _ => None,
        }
    }
    pub fn city(&self) -> Option<AttrValue> {
        match self {
            Hook::City(f) => Some(AttrValue::Static(f)),
            _ => None,
        }
    }
    pub fn county(&self) -> Option<AttrValue> {
        match self {
            Hook::County(c, _) => Some(AttrValue::from(c.clone())),
            _ => None,
        }
    }
    pub fn county_field(&self) -> Option<AttrValue> {
        match self {
            Hook::County(_, f) => Some(AttrValue::Static(f)),
            _ => None,
        }
    }
    pub fn field(&self) -> Option<AttrValue> {
        match self {
            Hook::Field(f) => Some(AttrValue::Static(f)),
            _ => None,
        }
    }
}

/// The message slot under a control (always in the DOM when there is a message).
pub fn error_line(lang: Lang, hook: &Hook, error: Option<&Text>) -> Html {
    match error {
        Some(e) => html! {
            <p class="field-error" id={format!("{}-error", hook.dom_id())} data-testid={hook.error_testid()} role="alert">
                <span aria-hidden="true">{ "⚠ " }</span>{ t(lang, e) }
            </p>
        },
        None => html! {},
    }
}

pub fn hint_line(lang: Lang, hint: Option<&Text>) -> Html {
    match hint {
        Some(h) => html! { <p class="field-hint">{ t(lang, h) }</p> },
        None => html! {},
    }
}

/// A number (or blank) input with label, unit and message.
pub struct NumberField<'a> {
    pub lang: Lang,
    pub hook: Hook,
    pub label: Text,
    pub unit: Text,
    pub value: String,
    pub step: Option<String>,
    pub min: Option<String>,
    pub max: Option<String>,
    pub placeholder: Option<String>,
    pub hint: Option<Text>,
    pub error: Option<&'a Text>,
    pub onchange: Callback<String>,
    /// Label and input on one row, the unit in the label (long lists of figures).
    pub compact: bool,
}

impl NumberField<'_> {
    pub fn new(lang: Lang, hook: Hook, label: Text, value: String, onchange: Callback<String>) -> Self {
        NumberField {
            lang,
            hook,
            label,
            unit: Text::default(),
            value,
            step: Some("any".into()),
            min: None,
            max: None,
            placeholder: None,
            hint: None,
            error: None,
            onchange,
            compact: false,
        }
    }

    pub fn render(self) -> Html {
        let id = self.hook.dom_id();
        let cb = self.onchange.clone();
        let onchange = Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlInputElement>().value()));
        let described = self.error.map(|_| format!("{id}-error"));
        let placeholder = self.placeholder.clone().unwrap_or_else(|| i::NOT_STATED.get(self.lang).to_string());
        let has_unit = !self.unit.zh.is_empty() || !self.unit.en.is_empty();
        let label = if self.compact && has_unit {
            let with = |l: &str, u: &str, open: &str, close: &str| {
                if u.is_empty() {
                    l.to_string()
                } else {
                    format!("{l}{open}{u}{close}")
                }
            };
            Text::new(with(&self.label.zh, &self.unit.zh, "（", "）"), with(&self.label.en, &self.unit.en, " (", ")"))
        } else {
            self.label.clone()
        };
        let show_unit = has_unit && !self.compact;
        html! {
            <div class={classes!("field", self.compact.then_some("field-row"), self.error.map(|_| "has-error"))}>
                <label for={id.clone()}>{ bi(self.lang, &label) }</label>
                <div class="control">
                    <input id={id.clone()} type="number" inputmode="decimal"
                        step={self.step.clone()} min={self.min.clone()} max={self.max.clone()}
                        value={self.value.clone()} placeholder={placeholder}
                        data-param={self.hook.param()} data-city={self.hook.city()}
                        data-county={self.hook.county()} data-county-field={self.hook.county_field()}
                        data-field={self.hook.field()}
                        aria-invalid={self.error.map(|_| "true")} aria-describedby={described}
                        {onchange} />
                    if show_unit {
                        <span class="unit">{ t(self.lang, &self.unit) }</span>
                    }
                </div>
                { hint_line(self.lang, self.hint.as_ref()) }
                { error_line(self.lang, &self.hook, self.error) }
            </div>
        }
    }
}

/// One option of a select: value, label.
pub struct Opt {
    pub value: String,
    pub label: Text,
    pub disabled: bool,
}

impl Opt {
    pub fn new(value: impl Into<String>, label: Text) -> Self {
        Opt { value: value.into(), label, disabled: false }
    }
}

/// A select with label and message. The current value is set both as the options' `selected`
/// (at creation) and as the element's `value` property (on every change of state).
#[allow(clippy::too_many_arguments)]
pub fn select_field(
    lang: Lang,
    hook: Hook,
    label: &Text,
    options: Vec<Opt>,
    value: &str,
    hint: Option<&Text>,
    error: Option<&Text>,
    onchange: Callback<String>,
) -> Html {
    let id = hook.dom_id();
    let onchange =
        Callback::from(move |e: Event| onchange.emit(e.target_unchecked_into::<HtmlSelectElement>().value()));
    let described = error.map(|_| format!("{id}-error"));
    html! {
        <div class={classes!("field", error.map(|_| "has-error"))}>
            <label for={id.clone()}>{ bi(lang, label) }</label>
            <div class="control">
                <select id={id.clone()} ~value={value.to_string()}
                    data-param={hook.param()} data-city={hook.city()}
                    data-county={hook.county()} data-county-field={hook.county_field()}
                    data-field={hook.field()}
                    aria-invalid={error.map(|_| "true")} aria-describedby={described}
                    {onchange}>
                    { for options.iter().map(|o| html! {
                        <option value={o.value.clone()} selected={o.value == value} disabled={o.disabled}>
                            { t(lang, &o.label) }
                        </option>
                    }) }
                </select>
            </div>
            { hint_line(lang, hint) }
            { error_line(lang, &hook, error) }
        </div>
    }
}

/// A yes / no / not stated choice for an optional fact.
pub fn tristate_field(
    lang: Lang,
    hook: Hook,
    label: &Text,
    value: Option<bool>,
    error: Option<&Text>,
    onchange: Callback<String>,
) -> Html {
    let options =
        vec![Opt::new("", i::NOT_STATED.clone()), Opt::new("true", i::YES.clone()), Opt::new("false", i::NO.clone())];
    let v = match value {
        Some(true) => "true",
        Some(false) => "false",
        None => "",
    };
    select_field(lang, hook, label, options, v, None, error, onchange)
}

/// A checkbox with its label beside it.
pub fn checkbox_field(
    lang: Lang,
    hook: Hook,
    label: &Text,
    checked: bool,
    error: Option<&Text>,
    onchange: Callback<bool>,
) -> Html {
    let id = hook.dom_id();
    let onchange =
        Callback::from(move |e: Event| onchange.emit(e.target_unchecked_into::<HtmlInputElement>().checked()));
    html! {
        <div class={classes!("field", "field-check", error.map(|_| "has-error"))}>
            <div class="check">
                <input id={id.clone()} type="checkbox" {checked}
                    data-param={hook.param()} data-city={hook.city()}
                    data-county={hook.county()} data-county-field={hook.county_field()}
                    data-field={hook.field()}
                    {onchange} />
                <label for={id.clone()}>{ bi(lang, label) }</label>
            </div>
            { error_line(lang, &hook, error) }
        </div>
    }
}

/// A section heading with the other language beside it.
pub fn heading(lang: Lang, level: u8, text: &Text, id: Option<&'static str>) -> Html {
    let inner = bi(lang, text);
    match level {
        2 => html! { <h2 id={id}>{ inner }</h2> },
        3 => html! { <h3 id={id}>{ inner }</h3> },
        _ => html! { <h4 id={id}>{ inner }</h4> },
    }
}

thread_local! {
    /// The latest value waiting for the next animation frame, and where it goes.
    static PER_FRAME: RefCell<Option<(String, Callback<String>)>> = const { RefCell::new(None) };
    /// How long the frame that took the last value lasted: its recompute, rendering and paint.
    static LAST_FRAME_MS: Cell<f64> = const { Cell::new(0.0) };
    /// A finger or the mouse button is down on a slider.
    static HELD: Cell<bool> = const { Cell::new(false) };
    /// When the last value was emitted.
    static LAST_EMIT_AT: Cell<f64> = const { Cell::new(0.0) };
    /// A frame is asked for to emit the waiting value (a held slow slider's value waits without).
    static FRAME_ASKED: Cell<bool> = const { Cell::new(false) };
    /// The page's first frame has been painted (`use_first_paint`).
    static FIRST_PAINTED: Cell<bool> = const { Cell::new(false) };
}

/// A frame longer than this is one a held slider does not wait through: the device is too slow
/// to follow a drag value by value (a tenth of a second, where an answer stops feeling at once;
/// a busy desktop's occasional long frame stays under it).
pub const LIVE_FRAME_MS: f64 = 100.0;

/// A held slider on a slow device still shows the value under the finger this often, and so
/// learns again how long a frame takes (one long frame on a quick machine is not for good).
pub const HELD_REFRESH_MS: f64 = 750.0;

/// Emits `value` to `cb` at the next animation frame; values arriving before then replace it.
/// A slider dragged across fifty steps in one frame so costs one recompute, not fifty. Where one
/// value's frame has taken longer than `LIVE_FRAME_MS` (a slow phone on a large city), a held
/// slider keeps only the latest value, emits one every `HELD_REFRESH_MS`, and the last on
/// release (`flush_per_frame`): the drag stays smooth, and the value under the finger is the one
/// computed.
pub fn emit_per_frame(cb: Callback<String>, value: String) {
    PER_FRAME.with(|p| p.borrow_mut().replace((value, cb)));
    let slow = LAST_FRAME_MS.get() > LIVE_FRAME_MS && now_ms() - LAST_EMIT_AT.get() < HELD_REFRESH_MS;
    if FRAME_ASKED.get() || (HELD.get() && slow) {
        return;
    }
    FRAME_ASKED.set(true);
    let flush = || {
        FRAME_ASKED.set(false);
        if let Some((v, cb)) = PER_FRAME.with(|p| p.borrow_mut().take()) {
            emit_timed(&cb, v);
        }
    };
    let f = Closure::once_into_js(flush);
    let scheduled = web_sys::window().map(|w| w.request_animation_frame(f.unchecked_ref()).is_ok()).unwrap_or(false);
    if !scheduled {
        flush();
    }
}

/// A slider is held (`true`) or let go. Letting go emits the value still waiting, at once.
pub fn hold_slider(held: bool) {
    HELD.set(held);
    if !held {
        flush_per_frame();
    }
}

/// Emits the value still waiting for its frame now: the end of a drag (the slider's `change`,
/// on lifting the finger) is computed at once, whatever the frames do.
pub fn flush_per_frame() {
    HELD.set(false);
    if let Some((v, cb)) = PER_FRAME.with(|p| p.borrow_mut().take()) {
        emit_timed(&cb, v);
    }
}

/// Emits `v` and measures the frame that paints what it caused.
fn emit_timed(cb: &Callback<String>, v: String) {
    let started = now_ms();
    LAST_EMIT_AT.set(started);
    cb.emit(v);
    // The next frame begins once this one's rendering (Yew's, the map's) is painted.
    let measure = Closure::once_into_js(move || LAST_FRAME_MS.set(now_ms() - started));
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(measure.unchecked_ref());
    }
}

/// The page's clock (`performance.now()`), in milliseconds.
pub(crate) fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// Starts the browser's download of `href` (an object or data URL) as the file `name`.
pub fn save_href(doc: &web_sys::Document, href: &str, name: &str) {
    let Ok(a) = doc.create_element("a") else {
        return;
    };
    let _ = a.set_attribute("href", href);
    let _ = a.set_attribute("download", name);
    let _ = a.set_attribute("hidden", "");
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
        if let Some(h) = a.dyn_ref::<web_sys::HtmlElement>() {
            h.click();
        }
        let _ = body.remove_child(&a);
    }
}

/// Saves bytes as a file through a temporary object URL (the CSP allows `blob:`).
pub fn download(name: &str, mime: &str, bytes: &[u8]) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let blob = gloo::file::Blob::new_with_options(bytes, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    save_href(&doc, &url, name);
    // Revoked once the download has surely started.
    gloo::timers::callback::Timeout::new(60_000, move || drop(url)).forget();
}

/// A `<details>`'s `ontoggle`: `set` is told whether it is now open (a panel keeps it, to build
/// what the fold holds only while it is open).
pub fn on_details_toggle(set: impl Fn(bool) + 'static) -> Callback<web_sys::Event> {
    Callback::from(move |e: web_sys::Event| {
        let el: web_sys::Element = e.target_unchecked_into();
        set(el.has_attribute("open"));
    })
}

/// Draws `value` with `draw` after this render, at most once per render, with the latest value:
/// in the render's own task, before the browser paints, when `before_paint` (a microtask queued
/// now), else as an effect. Yew runs effects after yielding to the browser once its pass has
/// taken 16 ms, which on a slow phone is every pass: a map drawn in an effect then shows what a
/// tap changed a frame after the rest of the page (the decision, then the pin), and that extra
/// frame is most of the wait. Heavy drawing (new data) is better left to the effect, so that no
/// one task both renders and draws a whole city.
#[hook]
pub fn use_draw<T: 'static>(value: T, before_paint: bool, draw: impl Fn(T) + 'static) {
    let next: std::rc::Rc<RefCell<Option<(T, Box<dyn Fn(T)>)>>> = use_mut_ref(|| None);
    *next.borrow_mut() = Some((value, Box::new(draw)));
    // Unmounted in the same pass (the view changed): nothing is drawn, as no effect would run.
    let mounted = use_mut_ref(|| true);
    {
        let mounted = mounted.clone();
        use_effect_with((), move |_| move || *mounted.borrow_mut() = false);
    }
    let run = move || {
        let taken = next.borrow_mut().take();
        if let Some((value, draw)) = taken {
            draw(value);
        }
    };
    if before_paint {
        let run = run.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if *mounted.borrow() {
                run();
            }
        });
    }
    use_effect(move || {
        run();
        || ()
    });
}

/// Resolves after the next frame has been painted: work after it starts in a task of its own.
pub(crate) async fn next_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(w) = web_sys::window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        let w2 = w.clone();
        let after_frame = Closure::once_into_js(move || {
            let _ = w2.set_timeout_with_callback(resolve.unchecked_ref());
        });
        let _ = w.request_animation_frame(after_frame.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[derive(Properties, PartialEq)]
pub struct AfterPaintProps {
    #[prop_or_default]
    pub children: Html,
}

/// Its children in the page from the frame after it first shows: what an answer holds below its
/// first screen is then neither put in the page nor laid out in the frame that shows the answer
/// (the caller still describes it; Yew makes the elements later). Once shown, it follows its
/// children at once: a later answer on the same screen is not held back, or what the reader had
/// scrolled to would vanish for a frame and the page jump.
#[function_component]
pub fn AfterPaint(props: &AfterPaintProps) -> Html {
    if use_after_paint() {
        props.children.clone()
    } else {
        Html::default()
    }
}

/// False on this component's first render, true from the frame after (a render follows). What a
/// tap's answer holds out of sight, such as a printout hidden on screen, is then not built in the
/// frame that shows the answer.
#[hook]
pub fn use_after_paint() -> bool {
    let painted = use_state_eq(|| false);
    {
        let painted = painted.setter();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                next_paint().await;
                painted.set(true);
            });
        });
    }
    *painted
}

/// False until the page's first frame is painted, then true (a render follows). What is not on a
/// phone's first screen waits for it, so that the frame which shows the decision is not also
/// laying out every parameter and task panel; mounted later, it renders at once.
#[hook]
pub fn use_first_paint() -> bool {
    let painted = use_state_eq(|| FIRST_PAINTED.get());
    {
        let painted = painted.setter();
        use_effect_with((), move |_| {
            if !FIRST_PAINTED.get() {
                wasm_bindgen_futures::spawn_local(async move {
                    next_paint().await;
                    FIRST_PAINTED.set(true);
                    painted.set(true);
                });
            }
        });
    }
    *painted
}
