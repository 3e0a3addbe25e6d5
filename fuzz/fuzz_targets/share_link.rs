//! See `tests/fuzz_checks/mod.rs`, `share_link`: what this target asserts, also run by
//! `cargo test` on every committed input of `fuzz/corpus/share_link/`.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/fuzz_checks/mod.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::share_link(data));
