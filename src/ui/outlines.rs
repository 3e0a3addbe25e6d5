//! The sample cities' real county outlines (not in the page's wasm), fetched when the page is
//! first idle or, at the latest, with the data set that needs them, and handed to
//! `crate::outlines::register`.

use std::cell::RefCell;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{future_to_promise, JsFuture};

use crate::outlines;
use crate::synth::SampleCity;

fn js_text(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| Reflect::get(e, &"message".into()).ok().and_then(|m| m.as_string()))
        .unwrap_or_else(|| format!("{e:?}"))
}

/// The text of a file next to the page: `fetch(path)`, then `response.text()`.
async fn fetch_text(path: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(path)).await.map_err(|e| js_text(&e))?;
    let get = |k: &str| Reflect::get(&response, &k.into()).unwrap_or(JsValue::UNDEFINED);
    if get("ok").as_bool() != Some(true) {
        return Err(format!("HTTP {}", get("status").as_f64().unwrap_or(0.0)));
    }
    let text: Function = get("text").dyn_into().map_err(|_| "no response.text()")?;
    let promise: Promise = text.call0(&response).map_err(|e| js_text(&e))?.unchecked_into();
    JsFuture::from(promise).await.map_err(|e| js_text(&e))?.as_string().ok_or_else(|| "not text".to_string())
}

thread_local! {
    /// A city's outlines being fetched (by `crate::outlines::slot`): the text's promise, which
    /// every caller awaits, so that a switch during the idle fetch ahead downloads nothing again.
    static FETCHING: RefCell<[Option<Promise>; 2]> = const { RefCell::new([None, None]) };
}

/// Fetches and registers a city's outlines unless they are loaded. Failures are returned as
/// text for a notice.
pub async fn load(city: SampleCity) -> Result<(), String> {
    if outlines::get(city).is_some() {
        return Ok(());
    }
    let path = outlines::file_path(city);
    let k = outlines::slot(city);
    let text = FETCHING.with(|f| {
        f.borrow_mut()[k]
            .get_or_insert_with(|| {
                future_to_promise(async move { fetch_text(path).await.map(JsValue::from).map_err(JsValue::from) })
            })
            .clone()
    });
    let text = JsFuture::from(text).await;
    // Cleared and registered with no await between, so a caller either finds the outlines or
    // fetches afresh (after a failure).
    FETCHING.with(|f| f.borrow_mut()[k] = None);
    let text =
        text.map_err(|e| format!("{path}: {}", js_text(&e)))?.as_string().ok_or_else(|| format!("{path}: not text"))?;
    if outlines::get(city).is_none() {
        outlines::register(city, outlines::parse(city, &text)?);
    }
    Ok(())
}

/// Fetches the outlines of every city in `cities`, one after the other.
pub async fn load_all(cities: &[SampleCity]) -> Result<(), String> {
    for &c in cities {
        load(c).await?;
    }
    Ok(())
}
