//! The Yew skin (wasm32 only): renders state and sends user intent; holds no rules.
//!
//! The state, the reducer and the UI's words are plain Rust in `crate::app`, tested natively;
//! here `app` lays out the page and the panels render parameters, the map, the application
//! form, the decision, the figures and coverage, and send `Action`s.

mod app;
mod application_form;
mod assessment_panel;
pub mod bench;
mod budget_panel;
// What the last edit changed, undo and redo.
mod change_line;
mod charts;
mod coverage_panel;
mod data_panel;
pub(crate) mod decision_panel;
pub(crate) mod figures_panel;
mod guided;
pub mod i18n;
mod import_panel;
mod map;
// The expert view's tasks as tabs, and the links into them.
mod nav;
mod outlines;
mod params_panel;
mod plan_panel;
// Two presets' defaults on the same data, side by side.
mod preset_compare;
// The readings register, and the marks that link trace entries to it.
pub(crate) mod readings_panel;
mod results_panel;
mod review_panel;
mod sites_panel;
// Share links, autosave, scenario files.
mod idb;
mod persist;
mod share_menu;
mod sweep_panel;
mod widgets;
// Reading and writing files in a Web Worker loaded at the first import or export.
mod io;

use std::rc::Rc;

use wasm_bindgen::JsCast;

use crate::app::guided::{Guide, GuideAction};
use crate::app::state::{Action, State};

impl yew::Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        self.apply(action)
    }
}

impl yew::Reducible for Guide {
    type Action = GuideAction;
    fn reduce(self: Rc<Self>, action: GuideAction) -> Rc<Self> {
        self.apply(action)
    }
}

use self::i18n::{FATAL_AUTOSAVED, FATAL_RELOAD, FATAL_TITLE};

/// Entry point of the browser app: a panic hook that never leaves the page blank, then the app.
pub fn start() {
    // Through Yew: its renderer replaces a hook set with std::panic::set_hook by its own
    // console-only one, which would leave a frozen page.
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal_error(&info.to_string());
    }));
    expose_panic_probe();
    // Leaflet's script now, after the wasm it must not slow down (`leaflet::load`).
    map::leaflet::load();
    persist::register_service_worker();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let root = match document.create_element("div") {
        Ok(el) => el,
        Err(_) => return,
    };
    root.set_id("app-root");
    if body.append_child(&root).is_err() {
        return;
    }
    // `#bench` opens the benchmark page: the engine timed in WASM on the Xi'an-scale city.
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    let bench_page = hash == "#bench" || hash == "#bench-compare";
    // The outlines of a synthetic city opened by a link or a save (or benchmarked) come first;
    // the sample opens at once and gets its outlines when they arrive.
    let render = move || {
        if bench_page {
            yew::Renderer::<bench::BenchPage>::with_root(root).render();
        } else {
            yew::Renderer::<app::App>::with_root(root).render();
        }
    };
    let large = !bench_page && persist::work_in_large_store();
    if !large {
        let cities = if bench_page { vec![crate::synth::SampleCity::Xian] } else { persist::cities_at_start() };
        if cities.is_empty() {
            render();
            return;
        }
    }
    yew::platform::spawn_local(async move {
        // Large saved work is read from IndexedDB first: it may name a city whose outlines it needs.
        if large {
            persist::fetch_large_work().await;
        }
        let cities = if bench_page { vec![crate::synth::SampleCity::Xian] } else { persist::cities_at_start() };
        if let Err(e) = outlines::load_all(&cities).await {
            gloo::console::warn!(format!("county outlines not loaded: {e}"));
        }
        render();
    });
}

/// Whether the browser tests' hooks (`window.__dingdian…`) are on: only when a script ran
/// before the app and set `window.__dingdianTestHooks = true`, which the tests' browser does in
/// every page it opens. A link or a saved state cannot switch them on, and a page opened as a
/// user opens it carries none of them.
pub fn test_hooks() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"__dingdianTestHooks".into()).ok())
        .is_some_and(|v| v.as_bool() == Some(true))
}

/// `window[name] = value`, for the browser tests only (see `test_hooks`).
pub fn expose(name: &str, value: &wasm_bindgen::JsValue) {
    if !test_hooks() {
        return;
    }
    if let Some(w) = web_sys::window() {
        let _ = js_sys::Reflect::set(&w, &name.into(), value);
    }
}

/// `window.__dingdianProvokePanic()` panics inside the app's Rust code, so that a browser test
/// can check that a panic leaves a message and a way back rather than a frozen page. It can do
/// nothing worse than what it tests: show that message. Only with the test hooks on.
fn expose_panic_probe() {
    if !test_hooks() {
        return;
    }
    let probe =
        wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| panic!("panic provoked by window.__dingdianProvokePanic()"));
    expose("__dingdianProvokePanic", probe.as_ref());
    probe.forget();
}

/// Un-hides `#fatal-error` (in index.html) with a bilingual message, the panic text and a reload
/// button. Written with DOM calls only, so it works whatever state the app died in.
fn show_fatal_error(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let el = match document.get_element_by_id("fatal-error") {
        Some(el) => el,
        None => {
            let Some(body) = document.body() else { return };
            let Ok(el) = document.create_element("div") else {
                return;
            };
            el.set_id("fatal-error");
            let _ = el.set_attribute("role", "alert");
            let _ = body.insert_before(&el, body.first_child().as_ref());
            el
        }
    };
    el.set_text_content(None);
    let add = |tag: &str, class: &str, text: &str| -> Option<web_sys::Element> {
        let child = document.create_element(tag).ok()?;
        if !class.is_empty() {
            child.set_class_name(class);
        }
        child.set_text_content(Some(text));
        el.append_child(&child).ok()?;
        Some(child)
    };
    add("h2", "fatal-title", &format!("{} / {}", FATAL_TITLE.zh, FATAL_TITLE.en));
    add("pre", "fatal-detail", message);
    // The work is in storage (saved at most a moment ago), so a reload is safe.
    add("p", "fatal-autosaved", &format!("{} / {}", FATAL_AUTOSAVED.zh, FATAL_AUTOSAVED.en));
    if let Some(button) = add("button", "fatal-reload", &format!("{} / {}", FATAL_RELOAD.zh, FATAL_RELOAD.en)) {
        let _ = button.set_attribute("type", "button");
        let reload = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        let _ = button.dyn_ref::<web_sys::HtmlElement>().map(|b| b.set_onclick(Some(reload.as_ref().unchecked_ref())));
        reload.forget();
    }
    let _ = el.remove_attribute("hidden");
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        h.set_hidden(false);
    }
}
