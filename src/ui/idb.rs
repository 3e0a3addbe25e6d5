//! Autosave's larger store: one IndexedDB object store of texts by key (`persist.rs` says when
//! it is used). Each call opens the database, does one thing and resolves; a browser without
//! IndexedDB, or one that refuses it, answers with the reason.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB: &str = "dingdian";
const STORE: &str = "texts";

/// A promise settled by the first of `ok` or `fail` the target fires: with `value()` or the error.
fn settled(
    set: impl FnOnce(&js_sys::Function, &js_sys::Function),
    value: impl FnOnce() -> JsValue + 'static,
    error: impl FnOnce() -> JsValue + 'static,
) -> js_sys::Promise {
    // `Promise::new` takes an `FnMut` it calls once, at once.
    let mut parts = Some((set, value, error));
    js_sys::Promise::new(&mut |resolve, reject| {
        let Some((set, value, error)) = parts.take() else { return };
        let ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &value());
        });
        let fail = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = reject.call1(&JsValue::NULL, &error());
        });
        set(ok.unchecked_ref(), fail.unchecked_ref());
    })
}

/// The request's result once it succeeds (the handlers are set at once, before the request can fire).
fn request(req: IdbRequest) -> JsFuture {
    let (r, e) = (req.clone(), req.clone());
    let p = settled(
        |ok, fail| {
            req.set_onsuccess(Some(ok));
            req.set_onerror(Some(fail));
        },
        move || r.result().unwrap_or(JsValue::UNDEFINED),
        move || e.error().ok().flatten().map(JsValue::from).unwrap_or_else(|| "IndexedDB request failed".into()),
    );
    JsFuture::from(p)
}

/// Resolves when the transaction is committed (a write is then on disk, as far as the browser
/// says); the handlers are set at once.
fn committed(tx: IdbTransaction) -> JsFuture {
    let e = tx.clone();
    let p = settled(
        |ok, fail| {
            tx.set_oncomplete(Some(ok));
            // A failed request aborts its transaction: `abort` follows every `error`, and the
            // handler may run once only.
            tx.set_onabort(Some(fail));
        },
        || JsValue::UNDEFINED,
        move || e.error().map(JsValue::from).unwrap_or_else(|| "IndexedDB transaction failed".into()),
    );
    JsFuture::from(p)
}

async fn open() -> Result<IdbDatabase, JsValue> {
    let factory = web_sys::window()
        .ok_or_else(|| JsValue::from("no window"))?
        .indexed_db()?
        .ok_or_else(|| JsValue::from("IndexedDB is not available"))?;
    let req = factory.open_with_u32(DB, 1)?;
    let upgrade = Closure::once_into_js(move |e: web_sys::Event| {
        let db = e.target().and_then(|t| t.unchecked_into::<IdbRequest>().result().ok());
        if let Some(db) = db {
            let _ = db.unchecked_into::<IdbDatabase>().create_object_store(STORE);
        }
    });
    req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    Ok(request(req.into()).await?.unchecked_into())
}

/// Runs `act` on the store in one transaction, waits for it to commit, returns what `act`'s request gave.
async fn run(
    mode: IdbTransactionMode,
    act: impl FnOnce(&IdbObjectStore) -> Result<IdbRequest, JsValue>,
) -> Result<JsValue, JsValue> {
    let db = open().await?;
    let result = async {
        let tx = db.transaction_with_str_and_mode(STORE, mode)?;
        let req = act(&tx.object_store(STORE)?)?;
        let done = committed(tx);
        // Both awaited, whatever the first gives: a dropped future's handler would be called spent.
        let value = request(req).await;
        let done = done.await;
        value.and_then(|v| done.map(|_| v))
    }
    .await;
    db.close();
    result
}

/// The text stored under `key`, if any.
pub async fn get(key: &str) -> Result<Option<String>, JsValue> {
    Ok(run(IdbTransactionMode::Readonly, |s| s.get(&key.into())).await?.as_string())
}

/// Stores `text` under `key`.
pub async fn put(key: &str, text: &str) -> Result<(), JsValue> {
    run(IdbTransactionMode::Readwrite, |s| s.put_with_key(&text.into(), &key.into())).await.map(drop)
}

/// Copies what is stored under `from` to `to` (nothing stored: `to` removed).
pub async fn copy(from: &str, to: &str) -> Result<(), JsValue> {
    match get(from).await? {
        Some(text) => put(to, &text).await,
        None => run(IdbTransactionMode::Readwrite, |s| s.delete(&to.into())).await.map(drop),
    }
}
