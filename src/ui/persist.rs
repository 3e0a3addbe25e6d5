//! Share links and autosave, the browser's side: the address bar (share links `#s=1.…`, `?lang=`), local storage
//! (autosave, the language), the clipboard and scenario files. What is saved, how it is read and
//! what the app opens with are decided in `crate::persist` (pure, tested natively); here only
//! the browser is asked and told. Storage that is full or blocked is reported, never fatal.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::i18n as i;
use crate::app::state::{Action, Dataset, Loaded, State};
use crate::persist::{self, Notice, LANG_KEY, PREVIOUS_KEY, WORK_KEY};
use crate::scenario::Scenario;
use crate::share::{self, Base, Opened, View};
use crate::text::Lang;

thread_local! {
    /// The built-in data sets as links refer to them, made once (a synthetic city takes a while).
    static BASES: RefCell<BTreeMap<Dataset, Rc<Base>>> = const { RefCell::new(BTreeMap::new()) };
}

/// A built-in data set as links and saves refer to it: always made in Chinese, so its
/// fingerprint does not depend on the language the user had on.
pub fn base_of(ds: Dataset) -> Option<Rc<Base>> {
    if !ds.is_builtin() || !ds.ready() {
        return None;
    }
    Some(BASES.with(|b| {
        b.borrow_mut()
            .entry(ds)
            .or_insert_with(|| Rc::new(Base::new(ds.scenario(Lang::Zh))))
            .clone()
    }))
}

fn base_for(id: &str) -> Option<Base> {
    Dataset::from_id(id).and_then(base_of).map(|b| (*b).clone())
}

// ---------------------------------------------------------------------------------------------
// Storage

/// The name and message of a JavaScript error (`QuotaExceededError: …`).
fn js_error(e: &JsValue) -> String {
    let get = |k: &str| {
        js_sys::Reflect::get(e, &k.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    match (get("name"), get("message")) {
        (Some(n), Some(m)) if !m.is_empty() => format!("{n}: {m}"),
        (Some(n), _) => n,
        _ => e.as_string().unwrap_or_else(|| "unknown error".into()),
    }
}

/// `window.localStorage`, which a browser may refuse (private mode, blocked cookies).
fn storage() -> Result<web_sys::Storage, String> {
    let w = web_sys::window().ok_or("no window")?;
    match w.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err("localStorage is not available".into()),
        Err(e) => Err(js_error(&e)),
    }
}

pub fn read(key: &str) -> Result<Option<String>, String> {
    storage()?.get_item(key).map_err(|e| js_error(&e))
}

pub fn write(key: &str, value: &str) -> Result<(), String> {
    storage()?.set_item(key, value).map_err(|e| js_error(&e))
}

// ---------------------------------------------------------------------------------------------
// The address

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// Rewrites the address without a reload or a history entry.
fn replace_url(url: &str) {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(url));
    }
}

/// The address without the share link in its fragment (other fragments, `#bench`, stay).
fn drop_share_fragment() {
    let Some(l) = location() else { return };
    let (path, search) = (
        l.pathname().unwrap_or_default(),
        l.search().unwrap_or_default(),
    );
    let hash = l.hash().unwrap_or_default();
    let rest: Vec<&str> = hash
        .trim_start_matches('#')
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with(share::FRAGMENT_KEY))
        .collect();
    let hash = if rest.is_empty() {
        String::new()
    } else {
        format!("#{}", rest.join("&"))
    };
    replace_url(&format!("{path}{search}{hash}"));
}

/// `?lang=` follows the toggle, so a copied or bookmarked address opens in the same language.
fn set_query_lang(lang: Lang) {
    let Some(l) = location() else { return };
    let search = l.search().unwrap_or_default();
    let next = persist::query_with_lang(&search, lang);
    if next != search {
        let (path, hash) = (
            l.pathname().unwrap_or_default(),
            l.hash().unwrap_or_default(),
        );
        replace_url(&format!("{path}{next}{hash}"));
    }
}

/// The address a share link starts from: this page, with its query (the language), no fragment.
fn page_address() -> String {
    let Some(l) = location() else {
        return String::new();
    };
    format!(
        "{}{}{}",
        l.origin().unwrap_or_default(),
        l.pathname().unwrap_or_default(),
        l.search().unwrap_or_default()
    )
}

// ---------------------------------------------------------------------------------------------
// From and to the state

/// What autosave and links carry, taken from the state (the scenario shared, not copied).
#[derive(Clone)]
pub struct Work {
    scenario: Rc<Scenario>,
    dataset: Dataset,
    preset: String,
    overrides: BTreeMap<String, Value>,
    selected: usize,
    lang: Lang,
    baseline: Option<BTreeMap<String, Value>>,
    /// The judging date the decisions used (today when the scenario names none).
    judged_on: String,
}

impl PartialEq for Work {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.scenario, &o.scenario)
            && self.dataset == o.dataset
            && self.preset == o.preset
            && self.overrides == o.overrides
            && self.selected == o.selected
            && self.lang == o.lang
            && self.baseline == o.baseline
    }
}

impl Work {
    pub fn of(s: &State) -> Work {
        Work {
            scenario: s.scenario.clone(),
            dataset: s.dataset,
            preset: s.preset().id.clone(),
            overrides: s.overrides.clone(),
            selected: s.selected,
            lang: s.lang,
            baseline: s
                .review
                .baseline
                .as_ref()
                .filter(|b| b.is_custom())
                .map(|b| b.overrides.clone()),
            judged_on: s.evaluation.as_of.clone(),
        }
    }

    fn scenario_with_policy(&self) -> Scenario {
        let mut sc = (*self.scenario).clone();
        sc.policy = crate::scenario::PolicyRef {
            preset: Some(self.preset.clone()),
            overrides: self.overrides.clone(),
            ..Default::default()
        };
        sc
    }

    fn view(&self) -> View {
        View {
            dataset: self.dataset.id().to_string(),
            lang: self.lang,
            selected: self.selected,
        }
    }

    /// The text autosave stores.
    fn save_text(&self) -> String {
        let base = base_of(self.dataset);
        persist::save_text(
            &self.scenario_with_policy(),
            &self.view(),
            base.as_deref(),
            self.baseline.as_ref(),
        )
    }

    /// The share link, and the size the data would have had when it was left out.
    pub fn link(&self) -> (String, Option<usize>) {
        let base = base_of(self.dataset);
        let mut sc = self.scenario_with_policy();
        // A link opened another day judges on the day it was made: the same decisions (the
        // fund and operating-month rules count from this date).
        if sc.as_of.is_none() && !self.judged_on.is_empty() {
            sc.as_of = Some(self.judged_on.clone());
        }
        let e = share::encode(
            &sc,
            &self.view(),
            base.as_deref(),
            Some(share::LINK_LIMIT_CHARS),
        );
        (
            format!("{}#{}{}", page_address(), share::FRAGMENT_KEY, e.text),
            e.data_left_out,
        )
    }
}

/// What `Action::LoadScenario` needs from an opened link or save. A link that left out data
/// not built in opens its parameters on the sample.
fn loaded(o: Opened, baseline: Option<BTreeMap<String, Value>>, lang: Option<Lang>) -> Loaded {
    let (dataset, scenario) = match (Dataset::from_id(&o.dataset), o.scenario) {
        (Some(ds), Some(sc)) => (ds, sc),
        (None, Some(sc)) => (Dataset::Imported, sc),
        (_, None) => (
            Dataset::Sample,
            Dataset::Sample.scenario(lang.or(o.lang).unwrap_or_default()),
        ),
    };
    Loaded {
        dataset,
        scenario,
        preset: o.preset,
        overrides: o.overrides,
        selected: o.selected,
        lang: lang.or(o.lang),
        baseline,
    }
}

/// The sample cities whose outlines the opening state needs (a link or a save on 临沂 or 西安
/// is made afresh inside them): the page fetches them before it starts.
pub fn cities_at_start() -> Vec<crate::synth::SampleCity> {
    let (hash, search) = location()
        .map(|l| (l.hash().unwrap_or_default(), l.search().unwrap_or_default()))
        .unwrap_or_default();
    let saved = storage()
        .ok()
        .and_then(|st| st.get_item(WORK_KEY).ok().flatten());
    let asked = RefCell::new(Vec::new());
    let ask = |id: &str| {
        if let Some(c) = Dataset::from_id(id).and_then(Dataset::city) {
            asked.borrow_mut().push(c);
        }
        None
    };
    // As `&dyn Fn`, like `initial_state`'s: one copy of `persist::start` in the page, not two.
    let _ = persist::start(
        &hash,
        &search,
        saved.as_deref(),
        None,
        &ask as &dyn Fn(&str) -> Option<Base>,
    );
    let mut cities = asked.into_inner();
    cities.dedup();
    cities
}

/// The state the app opens with: a share link in the address, else the autosaved work, else the
/// preset; with the notices that say which and what went wrong.
pub fn initial_state() -> State {
    let (hash, search) = location()
        .map(|l| (l.hash().unwrap_or_default(), l.search().unwrap_or_default()))
        .unwrap_or_default();
    let (saved, saved_lang, blocked) = match storage() {
        Ok(st) => (
            st.get_item(WORK_KEY).ok().flatten(),
            st.get_item(LANG_KEY).ok().flatten(),
            None,
        ),
        Err(e) => (None, None, Some(e)),
    };
    let start = persist::start(
        &hash,
        &search,
        saved.as_deref(),
        saved_lang.as_deref(),
        &base_for as &dyn Fn(&str) -> Option<Base>,
    );
    if start.put_aside_saved {
        if let Some(text) = &saved {
            let _ = write(PREVIOUS_KEY, text);
        }
    }
    if start.clear_fragment {
        drop_share_fragment();
    }
    let mut s = State::new();
    match start.opened {
        Some(o) => s.load(loaded(o, start.baseline, Some(start.lang))),
        None if start.lang != s.lang => {
            // The first data set's names (the hypothetical pharmacy) in the user's language.
            s.lang = start.lang;
            s.reset_to_preset();
        }
        None => {}
    }
    let mut notices = start.notices;
    if let Some(e) = blocked {
        notices.push(Notice::warning(i::storage_failed(&e)));
    }
    s.notices = Rc::new(notices);
    s
}

/// Brings back the work put aside when a link was opened.
pub fn restore_previous(d: &UseReducerDispatcher<State>) {
    let d = d.clone();
    // Work on a synthetic city is made afresh inside its outlines: loaded first.
    yew::platform::spawn_local(async move {
        if let Err(e) = super::outlines::load_all(&crate::outlines::CITIES).await {
            gloo::console::warn!(format!("county outlines not loaded: {e}"));
        }
        restore_previous_now(&d);
    });
}

fn restore_previous_now(d: &UseReducerDispatcher<State>) {
    let text = read(PREVIOUS_KEY).ok().flatten();
    match text.map(|t| persist::open_saved(&t, base_for)) {
        Some(Ok(saved)) => {
            d.dispatch(Action::LoadScenario(Box::new(loaded(
                saved.opened,
                saved.baseline,
                None,
            ))));
            d.dispatch(Action::Notify(Notice::info(i::PREVIOUS_RESTORED.clone())));
        }
        Some(Err(m)) => d.dispatch(Action::Notify(Notice::warning(m))),
        None => d.dispatch(Action::Notify(Notice::warning(i::NO_PREVIOUS.clone()))),
    }
}

/// Saves now (on the debounce timer, or when the page is hidden or closed).
fn save(work: &Work, failing: &Rc<RefCell<bool>>, d: &UseReducerDispatcher<State>) {
    match write(WORK_KEY, &work.save_text()) {
        Ok(()) => *failing.borrow_mut() = false,
        Err(e) => {
            // Reported once until a save succeeds again, not on every edit.
            if !std::mem::replace(&mut *failing.borrow_mut(), true) {
                d.dispatch(Action::Notify(Notice::warning(i::storage_failed(&e))));
            }
        }
    }
}

/// Quiet time after the last edit before the work is saved.
const AUTOSAVE_DELAY_MS: u32 = 700;

/// Autosave (debounced, flushed when the page is hidden), the language in the address and in
/// storage, and share links pasted into the address of the open page.
#[hook]
pub fn use_persistence(state: &UseReducerHandle<State>) {
    use_effect_with(state.lang, |lang| {
        set_query_lang(*lang);
        let _ = write(LANG_KEY, persist::lang_id(*lang));
    });

    let pending = use_mut_ref(|| None::<Work>);
    let timer = use_mut_ref(|| None::<Timeout>);
    let failing = use_mut_ref(|| false);
    {
        let (pending, timer, failing, d) = (
            pending.clone(),
            timer.clone(),
            failing.clone(),
            state.dispatcher(),
        );
        use_effect_with(Work::of(state), move |work| {
            *pending.borrow_mut() = Some(work.clone());
            let p = pending.clone();
            *timer.borrow_mut() = Some(Timeout::new(AUTOSAVE_DELAY_MS, move || {
                if let Some(w) = p.borrow_mut().take() {
                    save(&w, &failing, &d);
                }
            }));
        });
    }
    {
        let (pending, failing, d) = (pending.clone(), failing.clone(), state.dispatcher());
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a window");
            let flush = {
                let (pending, failing, d) = (pending.clone(), failing.clone(), d.clone());
                EventListener::new(&window, "pagehide", move |_| {
                    if let Some(w) = pending.borrow_mut().take() {
                        save(&w, &failing, &d);
                    }
                })
            };
            // A hidden tab may be discarded or closed without another event.
            let hidden = {
                let (pending, failing, d) = (pending.clone(), failing.clone(), d.clone());
                EventListener::new(
                    &window.document().expect("a document"),
                    "visibilitychange",
                    move |_| {
                        let hidden = web_sys::window()
                            .and_then(|w| w.document())
                            .is_some_and(|doc| doc.hidden());
                        if hidden {
                            if let Some(w) = pending.borrow_mut().take() {
                                save(&w, &failing, &d);
                            }
                        }
                    },
                )
            };
            // A link pasted into the address of this page changes only the fragment.
            let hashchange = EventListener::new(&window, "hashchange", move |_| {
                let hash = location().and_then(|l| l.hash().ok()).unwrap_or_default();
                if share::from_fragment(&hash).is_none() {
                    return;
                }
                let (pending, failing, d) = (pending.clone(), failing.clone(), d.clone());
                // A link on a synthetic city is made afresh inside its outlines: loaded first.
                yew::platform::spawn_local(async move {
                    if let Err(e) = super::outlines::load_all(&crate::outlines::CITIES).await {
                        gloo::console::warn!(format!("county outlines not loaded: {e}"));
                    }
                    open_link(&hash, &pending, &failing, &d);
                });
            });
            move || drop((flush, hidden, hashchange))
        });
    }
}

/// Opens the share link in the address (pasted into the open page).
fn open_link(
    hash: &str,
    pending: &Rc<RefCell<Option<Work>>>,
    failing: &Rc<RefCell<bool>>,
    d: &UseReducerDispatcher<State>,
) {
    let Some(text) = share::from_fragment(hash) else {
        return;
    };
    let opened = share::decode(text, share::LINK_MAX_DECODED_BYTES, base_for);
    drop_share_fragment();
    let Ok(o) = opened.map_err(|e| d.dispatch(Action::Notify(Notice::warning(e.message())))) else {
        return;
    };
    // The work the link replaces is saved now and put aside, to be brought back.
    if let Some(w) = pending.borrow_mut().take() {
        save(&w, failing, d);
    }
    let aside = read(WORK_KEY)
        .ok()
        .flatten()
        .map(|t| write(PREVIOUS_KEY, &t).is_ok())
        .unwrap_or(false);
    let notes = o.notes.clone();
    d.dispatch(Action::LoadScenario(Box::new(loaded(o, None, None))));
    let mut n = Notice::info(i::SHARE_LINK_OPENED.clone());
    n.offers_previous = aside;
    d.dispatch(Action::Notify(n));
    for n in notes {
        d.dispatch(Action::Notify(Notice::warning(n)));
    }
}

// ---------------------------------------------------------------------------------------------
// Clipboard and files

/// Copies `text`; `done(true)` when the clipboard took it, `done(false)` when the browser
/// refused (no clipboard API, no permission, not a secure context).
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let clipboard = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined() && !c.is_null());
    let write = clipboard.as_ref().and_then(|c| {
        let f: js_sys::Function = js_sys::Reflect::get(c, &"writeText".into())
            .ok()?
            .dyn_into()
            .ok()?;
        f.call1(c, &text.into())
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    });
    let Some(promise) = write else {
        done(false);
        return;
    };
    let done = Rc::new(RefCell::new(Some(done)));
    let answer = |ok: bool| {
        let done = done.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
            if let Some(f) = done.borrow_mut().take() {
                f(ok)
            }
        })
    };
    let (yes, no) = (answer(true), answer(false));
    let _ = promise.then2(&yes, &no);
    // Called once, by the promise, after this returns: two small closures per copy.
    yes.forget();
    no.forget();
}

/// Opens a scenario file the user chose: loaded when valid, else a notice naming the field,
/// the current work untouched.
pub fn open_file(file: web_sys::File, d: UseReducerDispatcher<State>) {
    let name = file.name();
    // Refused by its size before a byte of it is read.
    if let Some(why) = crate::limits::file_too_large(&name, file.size() as u64) {
        d.dispatch(Action::Notify(Notice::warning(i::file_refused(
            &name, &why,
        ))));
        return;
    }
    let file = gloo::file::File::from(file);
    let task = gloo::file::callbacks::read_as_text(&file, move |result| {
        let opened = match result {
            Ok(text) => persist::open_scenario_file(&name, &text),
            Err(e) => Err(crate::text::Text::new(e.to_string(), e.to_string())),
        };
        match opened {
            Ok(f) => {
                d.dispatch(Action::LoadScenario(Box::new(Loaded {
                    dataset: Dataset::Imported,
                    scenario: f.scenario,
                    preset: f.preset,
                    overrides: f.overrides,
                    selected: 0,
                    lang: None,
                    baseline: None,
                })));
                d.dispatch(Action::Notify(Notice::info(i::file_opened(&name))));
            }
            Err(why) => d.dispatch(Action::Notify(Notice::warning(i::file_refused(
                &name, &why,
            )))),
        }
    });
    // Dropping the reader would abort it: it must live until it calls back (a few bytes each).
    std::mem::forget(task);
}

// ---------------------------------------------------------------------------------------------
// Offline

/// Registers www/sw.js (beside index.html, whatever the sub-path), which keeps the app's files
/// for offline use. Where it cannot run (a file: page, an old browser) the app works online.
pub fn register_service_worker() {
    let Some(w) = web_sys::window() else { return };
    let has = js_sys::Reflect::has(&w.navigator(), &"serviceWorker".into()).unwrap_or(false);
    let http = w
        .location()
        .protocol()
        .map(|p| p.starts_with("http"))
        .unwrap_or(false);
    if !has || !http {
        return;
    }
    let promise = w.navigator().service_worker().register("./sw.js");
    // A refusal (private mode, a policy) is worth a console line, not an unhandled rejection.
    let refused = Closure::<dyn FnMut(JsValue)>::new(|e: JsValue| {
        gloo::console::warn!(format!("service worker not registered: {}", js_error(&e)));
    });
    let _ = promise.catch(&refused);
    refused.forget();
}
