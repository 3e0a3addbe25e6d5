//! The scenario parser and validator on any bytes: an error with a message, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(s) = dingdian::scenario::parse(text) {
            let _ = dingdian::scenario::validate(&s);
        }
    }
});
