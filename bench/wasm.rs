//! dingdian's engine in WebAssembly without a browser: `scripts/bench` builds this for wasm32,
//! runs `wasm-bindgen --target nodejs` on it and times it in Node on the shared dataset. The
//! same library code as the app (release profile), none of the app's UI. Empty natively.

#[cfg(target_arch = "wasm32")]
mod node {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = performance)]
        fn now() -> f64;
    }

    /// The dataset's JSON in, the report's JSON out (`dingdian::bench::CompareReport`).
    #[wasm_bindgen]
    pub fn compare(data: &[u8], runs: usize) -> Result<String, JsError> {
        let scenario: dingdian::Scenario = serde_json::from_slice(data).map_err(|e| JsError::new(&e.to_string()))?;
        let report = dingdian::bench::compare_run("dingdian WASM (Node)", &scenario, runs, &now);
        serde_json::to_string(&report).map_err(|e| JsError::new(&e.to_string()))
    }
}
