//! See `tests/fuzz_checks/mod.rs`, `import`: rows imported or refused with a reason, never a
//! panic, and whatever is imported passes the scenario validator. Also run by `cargo test` on
//! every committed input of `fuzz/corpus/import_xlsx/`.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/fuzz_checks/mod.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::import(dingdian::scenario::import::Format::Xlsx, data));
