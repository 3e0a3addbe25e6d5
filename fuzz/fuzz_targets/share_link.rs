//! The share-link decoder on any text (a tampered, truncated or hostile link): an error with a
//! message, never a panic, and never more than the decoded-size limit in memory. Half of the
//! inputs are first run through a valid link's prefix so the fuzzer reaches the inflater.
#![no_main]
use dingdian::share::{decode, from_fragment, Base, LINK_MAX_DECODED_BYTES};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let base = |id: &str| (id == "sample").then(|| Base::new(dingdian::sample::linyi_sample()));
    if let Some(payload) = from_fragment(text) {
        let _ = decode(payload, LINK_MAX_DECODED_BYTES, base);
    }
    let _ = decode(text, LINK_MAX_DECODED_BYTES, base);
});
