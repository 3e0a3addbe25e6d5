//! "Use my location": one `navigator.geolocation.getCurrentPosition` call, through `Reflect` so
//! that no browser binding (and no crate feature) is added for it. The browser answers in
//! WGS-84, the coordinates the scenario holds, so nothing is converted.

use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::guided::LocateError;

fn get(o: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(o, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

/// Asks the browser once; at most one of the callbacks is called (perhaps at once).
pub fn locate(on_ok: impl FnOnce(f64, f64) + 'static, on_err: impl FnOnce(LocateError) + 'static) {
    let window = match web_sys::window() {
        Some(w) => JsValue::from(w),
        None => return on_err(LocateError::Unsupported),
    };
    // Browsers give positions only to secure pages (https, or this computer).
    let secure = get(&window, "isSecureContext").and_then(|v| v.as_bool()).unwrap_or(true);
    let geo = get(&window, "navigator").and_then(|n| get(&n, "geolocation"));
    let (Some(geo), true) = (geo, secure) else {
        return on_err(LocateError::Unsupported);
    };
    let Some(call) = get(&geo, "getCurrentPosition").and_then(|f| f.dyn_into::<Function>().ok()) else {
        return on_err(LocateError::Unsupported);
    };
    let ok = Closure::once_into_js(move |pos: JsValue| {
        let coords = get(&pos, "coords");
        let at = coords.and_then(|c| Some((get(&c, "longitude")?.as_f64()?, get(&c, "latitude")?.as_f64()?)));
        match at {
            Some((lon, lat)) => on_ok(lon, lat),
            // Unreachable by the spec, but never a panic.
            None => {}
        }
    });
    let err = Closure::once_into_js(move |e: JsValue| {
        // GeolocationPositionError.code: 1 denied, 2 unavailable, 3 timeout.
        let code = get(&e, "code").and_then(|c| c.as_f64()).unwrap_or(2.0) as u32;
        on_err(match code {
            1 => LocateError::Denied,
            3 => LocateError::Timeout,
            _ => LocateError::Unavailable,
        })
    });
    let options = js_sys::Object::new();
    let _ = Reflect::set(&options, &"enableHighAccuracy".into(), &JsValue::TRUE);
    let _ = Reflect::set(&options, &"timeout".into(), &JsValue::from_f64(15_000.0));
    let _ = Reflect::set(&options, &"maximumAge".into(), &JsValue::from_f64(60_000.0));
    let _ = call.call3(&geo, &ok, &err, &options);
}
