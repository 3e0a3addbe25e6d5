//! See `tests/fuzz_checks/mod.rs`, `scenario_json`: what this target asserts, also run by
//! `cargo test` on every committed input of `fuzz/corpus/scenario_json/`.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/fuzz_checks/mod.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::scenario_json(data));
