//! Share links and autosave, the browser's side: the address bar (share links `#s=1.…`, `?lang=`), local storage
//! (autosave, the language), the clipboard and scenario files. What is saved, how it is read and
//! what the app opens with are decided in `crate::persist` (pure, tested natively); here only
//! the browser is asked and told. Storage that is full or blocked is reported, never fatal.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::i18n as i;
use crate::app::state::{Action, Dataset, Loaded, State};
pub use crate::app::work::Work;
use crate::app::work::{base_for, loaded};
use crate::persist::{self, Notice, LANG_KEY, PREVIOUS_KEY, WORK_KEY};
use crate::share::{self, Base};
use crate::text::Lang;

// ---------------------------------------------------------------------------------------------
// Storage

/// The name and message of a JavaScript error (`QuotaExceededError: …`).
fn js_error(e: &JsValue) -> String {
    let get = |k: &str| js_sys::Reflect::get(e, &k.into()).ok().and_then(|v| v.as_string());
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

thread_local! {
    /// The saved work read from the larger store before the app started (`fetch_large_work`):
    /// the text, or why it could not be read.
    static LARGE_WORK: RefCell<Option<Result<String, String>>> = const { RefCell::new(None) };
}

/// Whether local storage says the saved work is in the larger store.
pub fn work_in_large_store() -> bool {
    read(WORK_KEY).ok().flatten().as_deref() == Some(persist::IN_LARGE_STORE)
}

/// The text stored under `key` in the larger store.
async fn large_read(key: &str) -> Result<String, String> {
    match super::idb::get(key).await {
        Ok(v) => v.ok_or_else(|| "nothing stored".to_string()),
        Err(e) => Err(js_error(&e)),
    }
}

/// Reads the saved work from the larger store, for `initial_state` and `cities_at_start`: called
/// before the app starts when `work_in_large_store`.
pub async fn fetch_large_work() {
    let got = large_read(WORK_KEY).await;
    LARGE_WORK.with(|w| *w.borrow_mut() = Some(got));
}

/// The saved work (wherever it is kept), and why the larger store could not be read if it could not.
fn saved_work(st: &web_sys::Storage) -> (Option<String>, Option<String>) {
    match st.get_item(WORK_KEY).ok().flatten() {
        Some(t) if t == persist::IN_LARGE_STORE => match LARGE_WORK.with(|w| w.borrow().clone()) {
            Some(Ok(text)) => (Some(text), None),
            Some(Err(e)) => (None, Some(e)),
            None => (None, Some("not read".into())),
        },
        other => (other, None),
    }
}

/// Puts the saved work aside under `PREVIOUS_KEY`, wherever it is kept. True when something was.
fn put_aside() -> bool {
    match read(WORK_KEY).ok().flatten() {
        Some(t) if t == persist::IN_LARGE_STORE => {
            // Started before any later save of the work, whose transaction IndexedDB orders after it.
            yew::platform::spawn_local(async {
                if let Err(e) = super::idb::copy(WORK_KEY, PREVIOUS_KEY).await {
                    gloo::console::warn!(format!("the saved work was not put aside: {}", js_error(&e)));
                }
            });
            write(PREVIOUS_KEY, &t).is_ok()
        }
        Some(t) => write(PREVIOUS_KEY, &t).is_ok(),
        None => false,
    }
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
    let (path, search) = (l.pathname().unwrap_or_default(), l.search().unwrap_or_default());
    let hash = l.hash().unwrap_or_default();
    let rest: Vec<&str> = hash
        .trim_start_matches('#')
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with(share::FRAGMENT_KEY))
        .collect();
    let hash = if rest.is_empty() { String::new() } else { format!("#{}", rest.join("&")) };
    replace_url(&format!("{path}{search}{hash}"));
}

/// `?lang=` follows the toggle, so a copied or bookmarked address opens in the same language.
fn set_query_lang(lang: Lang) {
    let Some(l) = location() else { return };
    let search = l.search().unwrap_or_default();
    let next = persist::query_with_lang(&search, lang);
    if next != search {
        let (path, hash) = (l.pathname().unwrap_or_default(), l.hash().unwrap_or_default());
        replace_url(&format!("{path}{next}{hash}"));
    }
}

/// The address a share link starts from: this page, with its query (the language), no fragment.
pub fn page_address() -> String {
    let Some(l) = location() else {
        return String::new();
    };
    format!("{}{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default(), l.search().unwrap_or_default())
}

// ---------------------------------------------------------------------------------------------
// From and to the state

/// The sample cities whose outlines the opening state needs (a link or a save on 临沂 or 西安
/// is made afresh inside them): the page fetches them before it starts.
pub fn cities_at_start() -> Vec<crate::synth::SampleCity> {
    let (hash, search) =
        location().map(|l| (l.hash().unwrap_or_default(), l.search().unwrap_or_default())).unwrap_or_default();
    let saved = storage().ok().and_then(|st| saved_work(&st).0);
    let asked = RefCell::new(Vec::new());
    let ask = |id: &str| {
        if let Some(c) = Dataset::from_id(id).and_then(Dataset::city) {
            asked.borrow_mut().push(c);
        }
        None
    };
    // As `&dyn Fn`, like `initial_state`'s: one copy of `persist::start` in the page, not two.
    let _ = persist::start(&hash, &search, saved.as_deref(), None, &ask as &dyn Fn(&str) -> Option<Base>);
    let mut cities = asked.into_inner();
    cities.dedup();
    cities
}

/// The state the app opens with: a share link in the address, else the autosaved work, else the
/// preset; with the notices that say which and what went wrong.
pub fn initial_state() -> State {
    let (hash, search) =
        location().map(|l| (l.hash().unwrap_or_default(), l.search().unwrap_or_default())).unwrap_or_default();
    let (saved, saved_lang, blocked, unreadable) = match storage() {
        Ok(st) => {
            let (work, unreadable) = saved_work(&st);
            (work, st.get_item(LANG_KEY).ok().flatten(), None, unreadable)
        }
        Err(e) => (None, None, Some(e), None),
    };
    let start = persist::start(
        &hash,
        &search,
        saved.as_deref(),
        saved_lang.as_deref(),
        &base_for as &dyn Fn(&str) -> Option<Base>,
    );
    if start.put_aside_saved && saved.is_some() {
        put_aside();
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
    if let Some(e) = unreadable {
        notices.push(Notice::warning(i::large_store_unreadable(&e)));
    }
    s.notices = Rc::new(notices);
    s
}

/// Brings back the work put aside when a link was opened.
pub fn restore_previous(d: &Callback<Action>) {
    let d = d.clone();
    // Work on a synthetic city is made afresh inside its outlines: loaded first.
    yew::platform::spawn_local(async move {
        if let Err(e) = super::outlines::load_all(&crate::outlines::CITIES).await {
            gloo::console::warn!(format!("county outlines not loaded: {e}"));
        }
        restore_previous_now(&d).await;
    });
}

async fn restore_previous_now(d: &Callback<Action>) {
    let mut text = read(PREVIOUS_KEY).ok().flatten();
    if text.as_deref() == Some(persist::IN_LARGE_STORE) {
        match large_read(PREVIOUS_KEY).await {
            Ok(t) => text = Some(t),
            Err(e) => return d.emit(Action::Notify(Notice::warning(i::large_store_unreadable(&e)))),
        }
    }
    match text.map(|t| persist::open_saved(&t, base_for)) {
        Some(Ok(saved)) => {
            d.emit(Action::LoadScenario(Box::new(loaded(saved.opened, saved.baseline, None))));
            d.emit(Action::Notify(Notice::info(i::PREVIOUS_RESTORED.clone())));
        }
        Some(Err(m)) => d.emit(Action::Notify(Notice::warning(m))),
        None => d.emit(Action::Notify(Notice::warning(i::NO_PREVIOUS.clone()))),
    }
}

/// Saves now (on the debounce timer, or when the page is hidden or closed): in local storage,
/// or, when the work is large, in the larger store (local storage the fallback where that fails).
fn save(work: &Work, failing: &Rc<RefCell<bool>>, d: &Callback<Action>) {
    let text = work.save_text();
    if !persist::goes_to_large_store(text.len()) {
        saved(write(WORK_KEY, &text), failing, d);
        return;
    }
    let (failing, d) = (failing.clone(), d.clone());
    // Asynchronous: a save begun as the page closes may not finish; the one before it stays.
    yew::platform::spawn_local(async move {
        let result = match super::idb::put(WORK_KEY, &text).await {
            Ok(_) => write(WORK_KEY, persist::IN_LARGE_STORE),
            Err(e) => {
                write(WORK_KEY, &text).map_err(|local| format!("IndexedDB: {}; localStorage: {local}", js_error(&e)))
            }
        };
        saved(result, &failing, &d);
    });
}

/// Reports a failed save, once until a save succeeds again, not on every edit.
fn saved(result: Result<(), String>, failing: &Rc<RefCell<bool>>, d: &Callback<Action>) {
    match result {
        Ok(()) => *failing.borrow_mut() = false,
        Err(e) => {
            if !std::mem::replace(&mut *failing.borrow_mut(), true) {
                d.emit(Action::Notify(Notice::warning(i::storage_failed(&e))));
            }
        }
    }
}

/// Quiet time after the last edit before the work is saved.
const AUTOSAVE_DELAY_MS: u32 = 700;

/// Autosave (debounced, flushed when the page is hidden), the language in the address and in
/// storage, and share links pasted into the address of the open page.
#[hook]
pub fn use_persistence(work: Work, d: Callback<Action>) {
    use_effect_with(work.lang(), |lang| {
        set_query_lang(*lang);
        let _ = write(LANG_KEY, persist::lang_id(*lang));
    });

    let pending = use_mut_ref(|| None::<Work>);
    let timer = use_mut_ref(|| None::<Timeout>);
    let failing = use_mut_ref(|| false);
    {
        let (pending, timer, failing, d) = (pending.clone(), timer.clone(), failing.clone(), d.clone());
        use_effect_with(work, move |work| {
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
        let (pending, failing, d) = (pending.clone(), failing.clone(), d);
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
                EventListener::new(&window.document().expect("a document"), "visibilitychange", move |_| {
                    let hidden = web_sys::window().and_then(|w| w.document()).is_some_and(|doc| doc.hidden());
                    if hidden {
                        if let Some(w) = pending.borrow_mut().take() {
                            save(&w, &failing, &d);
                        }
                    }
                })
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
fn open_link(hash: &str, pending: &Rc<RefCell<Option<Work>>>, failing: &Rc<RefCell<bool>>, d: &Callback<Action>) {
    let Some(text) = share::from_fragment(hash) else {
        return;
    };
    let opened = share::decode(text, share::LINK_MAX_DECODED_BYTES, base_for);
    drop_share_fragment();
    let Ok(o) = opened.map_err(|e| d.emit(Action::Notify(Notice::warning(e.message())))) else {
        return;
    };
    // The work the link replaces is saved now and put aside, to be brought back.
    if let Some(w) = pending.borrow_mut().take() {
        save(&w, failing, d);
    }
    let aside = put_aside();
    let notes = o.notes.clone();
    d.emit(Action::LoadScenario(Box::new(loaded(o, None, None))));
    let mut n = Notice::info(i::SHARE_LINK_OPENED.clone());
    n.offers_previous = aside;
    d.emit(Action::Notify(n));
    for n in notes {
        d.emit(Action::Notify(Notice::warning(n)));
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
        let f: js_sys::Function = js_sys::Reflect::get(c, &"writeText".into()).ok()?.dyn_into().ok()?;
        f.call1(c, &text.into()).ok()?.dyn_into::<js_sys::Promise>().ok()
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
pub fn open_file(file: web_sys::File, d: Callback<Action>) {
    let name = file.name();
    // Refused by its size before a byte of it is read.
    if let Some(why) = crate::limits::file_too_large(&name, file.size() as u64) {
        d.emit(Action::Notify(Notice::warning(i::file_refused(&name, &why))));
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
                d.emit(Action::LoadScenario(Box::new(Loaded {
                    dataset: Dataset::Imported,
                    scenario: f.scenario,
                    preset: f.preset,
                    overrides: f.overrides,
                    selected: 0,
                    lang: None,
                    baseline: None,
                })));
                d.emit(Action::Notify(Notice::info(i::file_opened(&name))));
            }
            Err(why) => d.emit(Action::Notify(Notice::warning(i::file_refused(&name, &why)))),
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
    let http = w.location().protocol().map(|p| p.starts_with("http")).unwrap_or(false);
    if !has || !http {
        return;
    }
    let container = w.navigator().service_worker();
    let promise = container.register("./sw.js");
    // A refusal (private mode, a policy) is worth a console line, not an unhandled rejection.
    let refused = Closure::<dyn FnMut(JsValue)>::new(|e: JsValue| {
        gloo::console::warn!(format!("service worker not registered: {}", js_error(&e)));
    });
    let _ = promise.catch(&refused);
    refused.forget();
    // The worker caches the page's own files at once and the file worker's (import and export)
    // only when they are first used or when the page is idle: it is told so here.
    let ready = Closure::<dyn FnMut(JsValue)>::new(|registration: JsValue| {
        let tell = Closure::<dyn FnMut()>::once(move || {
            let active = js_sys::Reflect::get(&registration, &"active".into()).unwrap_or(JsValue::NULL);
            if let Ok(post) =
                js_sys::Reflect::get(&active, &"postMessage".into()).and_then(|f| f.dyn_into::<js_sys::Function>())
            {
                let _ = post.call1(&active, &"idle".into());
            }
        });
        when_idle(tell.into_js_value().unchecked_into());
    });
    let _ = container.ready().map(|p| p.then(&ready));
    ready.forget();
}

/// Runs `f` once when the browser is idle (see `when_idle`).
pub(super) fn when_idle_run(f: impl FnOnce() + 'static) {
    when_idle(wasm_bindgen::closure::Closure::once_into_js(f).unchecked_into());
}

/// Calls `f` when the browser is idle (`requestIdleCallback`, at most 10 s on), or after 3 s
/// where there is no such call.
pub(super) fn when_idle(f: js_sys::Function) {
    let Some(w) = web_sys::window() else { return };
    let idle = js_sys::Reflect::get(&w, &"requestIdleCallback".into())
        .ok()
        .and_then(|r| r.dyn_into::<js_sys::Function>().ok());
    match idle {
        Some(request) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &10_000.into());
            let _ = request.call2(&w, &f, &options);
        }
        None => {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&f, 3_000);
        }
    }
}
