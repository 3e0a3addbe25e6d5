//! The Yew skin (wasm32 only): renders state and sends user intent; holds no rules.

pub fn start() {}
