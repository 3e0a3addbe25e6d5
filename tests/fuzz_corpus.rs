//! Every committed input of `fuzz/corpus/<target>/` (the seeds, and each input a fuzzer found a
//! fault with, kept as a regression case) run through the same checks as the fuzz target, so
//! `cargo test` fails when a fixed finding comes back.

mod fuzz_checks;

use dingdian::scenario::import::Format;

fn each_input(target: &str, check: impl Fn(&[u8])) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target);
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        // The file that failed, named, when a check panics.
        eprintln!("{target}: {}", path.display());
        check(&bytes);
        n += 1;
    }
    assert!(n > 0, "no inputs in {}", dir.display());
}

#[test]
fn the_scenario_json_corpus_parses_or_is_refused_with_a_message() {
    each_input("scenario_json", fuzz_checks::scenario_json);
}

#[test]
fn the_evaluate_corpus_evaluates_deterministically() {
    each_input("evaluate", fuzz_checks::evaluate);
}

#[test]
fn the_import_corpora_import_only_what_validates() {
    each_input("import_csv", |b| fuzz_checks::import(Format::Csv, b));
    each_input("import_xlsx", |b| fuzz_checks::import(Format::Xlsx, b));
    each_input("import_geojson", |b| fuzz_checks::import(Format::GeoJson, b));
}

#[test]
fn the_share_link_corpus_round_trips() {
    each_input("share_link", fuzz_checks::share_link);
}
