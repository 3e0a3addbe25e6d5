//! The whole engine on any valid scenario: the fuzzer mutates JSON (seeded with the samples);
//! whatever parses and validates must evaluate without a panic, deterministically.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(s) = dingdian::scenario::parse(text) else { return };
    if dingdian::scenario::validate(&s).is_err() {
        return;
    }
    let Ok(policy) = dingdian::scenario::resolve_policy(&s, |_| Err("no files while fuzzing".into())) else { return };
    let today = dingdian::date::Date::new(2026, 3, 1).unwrap();
    let a = dingdian::evaluate(&s, &policy, today);
    let b = dingdian::evaluate(&s, &policy, today);
    assert_eq!(a, b, "evaluate is not deterministic");
});
