//! What each fuzz target asserts, in one place: `fuzz/fuzz_targets/*` call these on the
//! fuzzer's inputs, and `tests/fuzz_corpus.rs` on every committed input of `fuzz/corpus/`
//! (the seeds and each crash turned into a regression case), so a finding stays fixed.
#![allow(dead_code)]

use dingdian::scenario::import::{Format, ImportOptions, Importer, Merge, Target};
use dingdian::share::{decode, encode, from_fragment, Base, View, LINK_MAX_DECODED_BYTES};

/// The scenario parser and validator: an error with a message, never a panic.
pub fn scenario_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(s) = dingdian::scenario::parse(text) {
        if let Err(e) = dingdian::scenario::validate(&s) {
            assert!(!e.to_string().trim().is_empty(), "a refusal without a message");
        }
    }
}

/// The whole engine on any scenario that validates: no panic, and the same answer twice.
pub fn evaluate(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(s) = dingdian::scenario::parse(text) else {
        return;
    };
    if dingdian::scenario::validate(&s).is_err() {
        return;
    }
    let Ok(policy) = dingdian::scenario::resolve_policy(&s, |_| Err("no files while fuzzing".into())) else {
        return;
    };
    let today = dingdian::date::Date::new(2026, 3, 1).unwrap();
    let a = dingdian::evaluate(&s, &policy, today);
    let b = dingdian::evaluate(&s, &policy, today);
    assert_eq!(a, b, "evaluate is not deterministic");
}

/// An importer on any bytes, for every target: rows imported or refused with a reason, never a
/// panic or an endless loop; and whatever it imports passes the scenario validator once put in
/// a scenario (the sample's, its list of that kind replaced by the import), as the app does.
pub fn import(format: Format, data: &[u8]) {
    for target in [Target::Institutions, Target::Applications, Target::Cells] {
        let Ok(mut imp) = Importer::new(format, data, ImportOptions::new(target)) else {
            continue;
        };
        let mut steps = 0;
        while !imp.step(64).done {
            steps += 1;
            assert!(steps < 1_000_000, "the importer does not finish");
        }
        let imported = imp.finish();
        for issue in &imported.report.issues {
            assert!(
                !issue.reason.en.trim().is_empty() && !issue.reason.zh.trim().is_empty(),
                "a refused row without a reason: {issue:?}"
            );
        }
        if imported.is_empty() {
            continue;
        }
        let base = dingdian::sample::linyi_sample();
        if let Err(e) = imported.apply(&base, Merge::Replace) {
            panic!("{target:?}: the importer took records the scenario validator refuses: {e}");
        }
    }
}

/// The share-link decoder on any text (a tampered, cut or hostile link): an error with a
/// message, never a panic; and a link that opens, encoded again, opens to the same state.
pub fn share_link(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let base = |id: &str| (id == "sample").then(|| Base::new(dingdian::sample::linyi_sample()));
    let mut inputs = vec![text];
    if let Some(payload) = from_fragment(text) {
        inputs.push(payload);
    }
    for input in inputs {
        let opened = match decode(input, LINK_MAX_DECODED_BYTES, base) {
            Ok(o) => o,
            Err(e) => {
                assert!(!e.message().en.trim().is_empty(), "a refused link without a message");
                continue;
            }
        };
        let Some(sc) = opened.scenario.clone() else {
            continue;
        };
        let view =
            View { dataset: opened.dataset.clone(), lang: opened.lang.unwrap_or_default(), selected: opened.selected };
        let again = encode(&sc, &view, base(&opened.dataset).as_ref(), None);
        let reopened = decode(&again.text, LINK_MAX_DECODED_BYTES, base)
            .unwrap_or_else(|e| panic!("a link that opened, encoded again, does not open: {e}"));
        // Not assert_eq: a whole scenario is too long a message to read.
        assert!(reopened.scenario == opened.scenario, "the scenario changed on the round trip");
        assert_eq!(
            (&reopened.dataset, &reopened.preset, &reopened.overrides, reopened.selected),
            (&opened.dataset, &opened.preset, &opened.overrides, opened.selected),
            "the view changed on the round trip"
        );
        assert_eq!(reopened.lang.unwrap_or_default(), view.lang, "the language changed on the round trip");
    }
}
