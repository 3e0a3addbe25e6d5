//! The browser app. Trunk builds this binary for wasm32 (see index.html).

#[cfg(target_arch = "wasm32")]
fn main() {
    dingdian::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dingdian-app is the browser app: build and serve it with scripts/serve (Trunk). The command line is `dingdian`.");
    std::process::exit(2);
}
