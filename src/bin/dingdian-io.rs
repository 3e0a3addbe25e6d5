//! The app's file worker (wasm32, built by Trunk as a Web Worker: see index.html). It reads the
//! files the user imports and writes the files the user downloads, so that the page's own wasm
//! carries none of the file formats; what it does is `dingdian::file_worker::handle`. Messages
//! both ways are `{ id, json, bytes? }`: the request or reply as JSON and the file's bytes in a
//! transferred (not copied) buffer.

#[cfg(target_arch = "wasm32")]
fn main() {
    use std::cell::Cell;

    use dingdian::file_worker::{handle, Reply, Request};
    use dingdian::text::Text;
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    thread_local! {
        /// The request being handled, so that a panic's message reaches the page for it.
        static CURRENT: Cell<f64> = const { Cell::new(-1.0) };
    }

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    fn post(id: f64, reply: Reply) {
        let msg = Object::new();
        let _ = Reflect::set(&msg, &"id".into(), &id.into());
        let transfer = Array::new();
        let reply = match reply {
            Reply::File { bytes } => {
                let buf = Uint8Array::from(bytes.as_slice());
                let _ = Reflect::set(&msg, &"bytes".into(), &buf);
                transfer.push(&buf.buffer());
                Reply::File { bytes: Vec::new() }
            }
            r => r,
        };
        let json = serde_json::to_string(&reply).unwrap_or_default();
        let _ = Reflect::set(&msg, &"json".into(), &json.into());
        let _ = scope().post_message_with_transfer(&msg, &transfer);
    }

    std::panic::set_hook(Box::new(|info| {
        let id = CURRENT.with(Cell::get);
        web_sys::console::error_1(&info.to_string().into());
        let m = info.to_string();
        post(id, Reply::Failed(Text::new(format!("文件处理出错：{m}"), format!("the file worker failed: {m}"))));
    }));

    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
        let data = e.data();
        let field = |k: &str| Reflect::get(&data, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
        let id = field("id").as_f64().unwrap_or(-1.0);
        CURRENT.with(|c| c.set(id));
        let bytes = field("bytes").dyn_into::<Uint8Array>().map(|b| b.to_vec()).unwrap_or_default();
        match serde_json::from_str::<Request>(&field("json").as_string().unwrap_or_default()) {
            Ok(request) => handle(request, bytes, &js_sys::Date::now, &mut |reply| post(id, reply)),
            Err(e) => post(
                id,
                Reply::Failed(Text::new(
                    format!("文件处理请求无效：{e}"),
                    format!("a bad request to the file worker: {e}"),
                )),
            ),
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages that came while the wasm loaded found no handler: the page holds its requests
    // until this.
    let ready = Object::new();
    let _ = Reflect::set(&ready, &"ready".into(), &true.into());
    let _ = scope().post_message(&ready);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dingdian-io is the browser app's file worker, built by Trunk. The command line is `dingdian`.");
    std::process::exit(2);
}
