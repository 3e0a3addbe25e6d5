//! See `tests/fuzz_checks/mod.rs`, `evaluate`: what this target asserts, also run by
//! `cargo test` on every committed input of `fuzz/corpus/evaluate/`.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/fuzz_checks/mod.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::evaluate(data));
