//! The limits of "What dingdian promises" (docs/promises.md): huge or hostile inputs are refused with a
//! message naming what and how much — never a hang, a crash or a silent truncation.

mod common;
use common::cli::{run as dingdian, stderr, Scratch};

use dingdian::limits::{MAX_APPLICATIONS, MAX_COUNTIES, MAX_FILE_BYTES, MAX_INSTITUTIONS, MAX_POPULATION_CELLS};
use dingdian::scenario::import::{Format, ImportOptions, Importer, Target};
use dingdian::scenario::{parse, validate, Institution, Kind};

fn sample() -> serde_json::Value {
    serde_json::from_str(dingdian::sample::SAMPLE_LINYI).unwrap()
}

#[test]
fn a_200_mb_file_is_refused_before_it_is_read() {
    // Sparse: 200 MB on paper, nothing on disk.
    let dir = Scratch::new();
    let path = dir.path("huge.json");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(200 * 1024 * 1024).unwrap();
    let o = dingdian(&["evaluate", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("200.0 MB") && e.contains("limit of 100.0 MB"), "{e}");
}

#[test]
fn a_10000_level_nested_document_is_refused_with_its_line_and_column() {
    let dir = Scratch::new();
    let path = dir.path("deep.json");
    let deep = format!(
        "{{\"policy\":{{\"preset\":\"linyi-2025\",\"overrides\":{{\"x\":{}{}}}}}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    std::fs::write(&path, deep).unwrap();
    let o = dingdian(&["evaluate", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("recursion limit") && e.contains("line 1 column"), "{e}");
}

#[test]
fn a_radius_of_1e308_is_refused_in_one_short_line() {
    let mut s = sample();
    s["policy"]["overrides"] = serde_json::json!({ "service_radius_m": 1e308 });
    let dir = Scratch::new();
    let path = dir.path("radius.json");
    std::fs::write(&path, s.to_string()).unwrap();
    let o = dingdian(&["evaluate", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("policy.overrides.service_radius_m: 1e308 is outside 50..20000"), "{e}");
    assert!(e.len() < 200, "the message quotes the number in full: {e}");
}

#[test]
fn more_institutions_than_the_limit_are_refused_naming_the_field() {
    let mut s = parse(dingdian::sample::SAMPLE_LINYI).unwrap();
    let template: Institution = s.institutions.iter().find(|i| i.kind == Kind::Pharmacy).unwrap().clone();
    s.institutions = (0..=MAX_INSTITUTIONS).map(|n| Institution { id: format!("x-{n}"), ..template.clone() }).collect();
    let e = validate(&s).unwrap_err().to_string();
    assert!(e.contains("institutions: 200,001 entries, over the limit of 200,000"), "{e}");
}

#[test]
fn an_import_stops_at_its_row_limit_and_says_so() {
    let mut csv = String::from("名称,类型,经度,纬度\n");
    for n in 0..8 {
        csv.push_str(&format!("药店{n},药店,118.3{n},35.05\n"));
    }
    let mut imp =
        Importer::new(Format::Csv, csv.as_bytes(), ImportOptions::new(Target::Institutions)).unwrap().with_row_limit(5);
    while !imp.step(2).done {}
    let out = imp.finish();
    assert_eq!(out.institutions.len(), 5, "the rows within the limit are imported");
    let last = out.report.issues.last().expect("an issue for the rows beyond the limit");
    assert_eq!(last.row, 7, "the first row over the limit (header is row 1)");
    assert!(last.reason.en.contains("over the limit of 5 rows"), "{}", last.reason.en);
}

#[test]
fn an_import_of_more_than_the_byte_limit_is_refused() {
    let big = vec![b'a'; MAX_FILE_BYTES as usize + 1];
    let e = Importer::new(Format::Csv, &big, ImportOptions::new(Target::Institutions)).err().expect("refused");
    assert!(e.message.en.contains("over the limit of 100.0 MB"), "{}", e.message.en);
}

/// A scenario with `n` copies of one of the sample's entries in `field`, each with its own id.
fn with_copies(field: &str, n: usize) -> Result<(), String> {
    let mut s = parse(dingdian::sample::SAMPLE_LINYI).unwrap();
    match field {
        "applications" => {
            let a = s.applications[0].clone();
            s.applications = (0..n).map(|k| dingdian::Application { id: format!("a-{k}"), ..a.clone() }).collect();
        }
        "population_cells" => {
            let c = s.population_cells[0].clone();
            s.population_cells = vec![c; n].into();
        }
        "counties" => {
            let c = s.counties[0].clone();
            s.counties = (0..n).map(|k| dingdian::scenario::County { id: format!("c-{k}"), ..c.clone() }).collect();
        }
        _ => unreachable!(),
    }
    validate(&s).map_err(|e| e.to_string())
}

#[test]
fn more_applications_cells_or_counties_than_their_limits_are_refused_naming_the_field() {
    for (field, max, want) in [
        ("applications", MAX_APPLICATIONS, "applications: 100,001 entries, over the limit of 100,000"),
        ("population_cells", MAX_POPULATION_CELLS, "population_cells: 1,000,001 entries, over the limit of 1,000,000"),
        ("counties", MAX_COUNTIES, "counties: 1,001 entries, over the limit of 1,000"),
    ] {
        let e = with_copies(field, max + 1).expect_err(field);
        assert!(e.contains(want), "{field}: {e}");
    }
    // At the limit the count is no reason to refuse (other checks may still speak).
    for (field, max) in [("applications", MAX_APPLICATIONS), ("counties", MAX_COUNTIES)] {
        if let Err(e) = with_copies(field, max) {
            assert!(!e.contains("over the limit"), "{field} at its limit: {e}");
        }
    }
}

#[test]
fn the_rows_past_the_import_limit_get_one_message_not_one_each() {
    let mut csv = String::from("名称,类型,经度,纬度\n");
    for n in 0..40 {
        csv.push_str(&format!("药店{n},药店,118.3{},35.05\n", n % 10));
    }
    let mut imp =
        Importer::new(Format::Csv, csv.as_bytes(), ImportOptions::new(Target::Institutions)).unwrap().with_row_limit(5);
    while !imp.step(3).done {}
    let out = imp.finish();
    assert_eq!(out.institutions.len(), 5);
    let over: Vec<_> = out.report.issues.iter().filter(|i| i.reason.en.contains("limit")).collect();
    let rows: Vec<usize> = out.report.issues.iter().map(|i| i.row).collect();
    assert_eq!(over.len(), 1, "35 rows past the limit, one message; issues at rows {rows:?}");
    assert_eq!(out.report.issues.len(), 1, "and no other issue; issues at rows {rows:?}");
}
