//! The page's side of the file worker (`crate::file_worker`, built as `dingdian-io`): reading
//! files to import and writing files to download happen there, so the page's wasm carries no
//! file format and a large file is parsed off the page's thread.
//!
//! The worker is started at the first request (the first import or export), not at load, and
//! kept for the next ones. `stop` terminates it (Cancel of an import): whatever it was doing ends
//! at once, and the next request starts a fresh one.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker};

use crate::file_worker::{Reply, Request};
use crate::text::Text;

/// Trunk's loader for the worker (`data-loader-shim` in index.html), next to index.html.
const LOADER: &str = "./dingdian-io_loader.js";

type OnReply = Box<dyn FnMut(Reply)>;
type Pending = Rc<RefCell<HashMap<u32, OnReply>>>;

struct Client {
    worker: Worker,
    pending: Pending,
    /// Messages sent before the worker's wasm has started (which says so with `{ready: true}`):
    /// the worker's global scope would drop them, having no handler yet.
    waiting: Rc<RefCell<Option<Vec<(Object, Array)>>>>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

fn failed(what: &str) -> Reply {
    Reply::Failed(Text::new(
        format!("文件处理程序无法运行（{what}）"),
        format!("the file worker could not run ({what})"),
    ))
}

fn field(data: &JsValue, k: &str) -> JsValue {
    Reflect::get(data, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
}

/// Every request still waiting gets `reply`, and the worker is dropped (the next request starts
/// a new one).
fn fail_all(reply: Reply) {
    let client = CLIENT.with(|c| c.borrow_mut().take());
    let Some(client) = client else { return };
    client.worker.terminate();
    let waiting: Vec<OnReply> = client.pending.borrow_mut().drain().map(|(_, f)| f).collect();
    for mut f in waiting {
        f(reply.clone());
    }
}

fn spawn() -> Result<Client, JsValue> {
    let worker = Worker::new(LOADER)?;
    let pending: Pending = Rc::new(RefCell::new(HashMap::new()));
    let waiting: Rc<RefCell<Option<Vec<(Object, Array)>>>> = Rc::new(RefCell::new(Some(Vec::new())));
    let on_message = {
        let pending = pending.clone();
        let waiting = waiting.clone();
        let worker = worker.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let data = e.data();
            if field(&data, "ready").is_truthy() {
                for (msg, transfer) in waiting.borrow_mut().take().unwrap_or_default() {
                    let _ = worker.post_message_with_transfer(&msg, &transfer);
                }
                return;
            }
            let Some(id) = field(&data, "id").as_f64().map(|x| x as u32) else {
                return;
            };
            let json = field(&data, "json").as_string().unwrap_or_default();
            let reply = match serde_json::from_str::<Reply>(&json) {
                Ok(Reply::File { .. }) => Reply::File {
                    bytes: field(&data, "bytes").dyn_into::<Uint8Array>().map(|b| b.to_vec()).unwrap_or_default(),
                },
                Ok(r) => r,
                Err(e) => failed(&e.to_string()),
            };
            // Out of the map while it runs: the callback may ask again.
            let Some(mut f) = pending.borrow_mut().remove(&id) else {
                return;
            };
            let last = reply.is_last();
            f(reply);
            if !last {
                pending.borrow_mut().insert(id, f);
            }
        })
    };
    // A worker that cannot load (its files missing) or that stopped on an error.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        e.prevent_default();
        let message = field(&e, "message").as_string().unwrap_or_else(|| "error".to_string());
        fail_all(failed(&message));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // They live as long as the page may get events from this worker (a few bytes per worker).
    on_message.forget();
    on_error.forget();
    Ok(Client { worker, pending, waiting })
}

/// Sends `request` (with a copy of `bytes`, transferred to the worker) and calls `on_reply` with
/// each reply until the last (`Reply::is_last`). Returns the request's id.
pub fn ask(request: &Request, bytes: Option<&[u8]>, on_reply: impl FnMut(Reply) + 'static) -> u32 {
    let on_reply: OnReply = Box::new(on_reply);
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    let sent = CLIENT.with(|c| -> Result<(), (String, OnReply)> {
        let mut c = c.borrow_mut();
        if c.is_none() {
            match spawn() {
                Ok(client) => *c = Some(client),
                Err(e) => return Err((e.as_string().unwrap_or_else(|| format!("{e:?}")), on_reply)),
            }
        }
        let Some(client) = c.as_ref() else {
            return Err(("no worker".into(), on_reply));
        };
        let json = match serde_json::to_string(request) {
            Ok(j) => j,
            Err(e) => return Err((e.to_string(), on_reply)),
        };
        let msg = Object::new();
        let _ = Reflect::set(&msg, &"id".into(), &id.into());
        let _ = Reflect::set(&msg, &"json".into(), &json.into());
        let transfer = Array::new();
        if let Some(b) = bytes {
            let buf = Uint8Array::from(b);
            let _ = Reflect::set(&msg, &"bytes".into(), &buf);
            transfer.push(&buf.buffer());
        }
        if let Some(queue) = client.waiting.borrow_mut().as_mut() {
            queue.push((msg, transfer));
        } else if let Err(e) = client.worker.post_message_with_transfer(&msg, &transfer) {
            return Err((format!("{e:?}"), on_reply));
        }
        // No reply can arrive before this task ends.
        client.pending.borrow_mut().insert(id, on_reply);
        Ok(())
    });
    if let Err((m, mut on_reply)) = sent {
        on_reply(failed(&m));
    }
    id
}

/// Ends whatever the worker is doing (no reply comes for it).
pub fn stop() {
    if let Some(c) = CLIENT.with(|c| c.borrow_mut().take()) {
        c.worker.terminate();
    }
}

/// Has the worker write a file and saves it as `name` when it comes; `on_failed` gets the
/// message if it cannot be written.
pub fn download_made(request: &Request, name: String, mime: &'static str, on_failed: impl Fn(Text) + 'static) {
    ask(request, None, move |reply| match reply {
        Reply::File { bytes } => super::widgets::download(&name, mime, &bytes),
        Reply::Failed(m) => on_failed(m),
        _ => {}
    });
}
