//! The app's import path (src/scenario/import/session.rs, as src/ui/import_panel.rs drives it):
//! options taken from the scenario shown, the chunked run, the column-mapping dialog's preview
//! and remembered mappings, the issues download, and the round trip export → import in the app
//! giving the same scenario and the same decisions.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;

use dingdian::date::Date;
use dingdian::results::{applications_geojson, cells_geojson};
use dingdian::scenario::export::{institutions_geojson, scenario_json, table_csv};
use dingdian::scenario::import::session::{self, CHUNK_ROWS};
use dingdian::scenario::import::*;
use dingdian::scenario::{parse, resolve_policy, Scenario};
use dingdian::text::Lang;

fn linyi_sample() -> Scenario {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/samples/linyi-sample.json");
    parse(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)).unwrap()
}

/// What the panel does on "Import": options from the scenario shown, then the chunked run.
fn import_into(
    s: &Scenario,
    format: Format,
    bytes: &[u8],
    target: Target,
    crs: Crs,
    mapping: ColumnMapping,
) -> Result<Imported, ImportError> {
    let opts = session::options_for(target, crs, None, mapping, s, None);
    Ok(session::run(Importer::new(format, bytes, opts)?))
}

#[test]
fn the_gbk_list_into_the_sample_refuses_the_row_geocoded_in_beijing() {
    let s = linyi_sample();
    let imp = import_into(
        &s,
        Format::Csv,
        &fixture("pharmacies-gbk.csv"),
        Target::Institutions,
        Crs::Gcj02,
        ColumnMapping::default(),
    )
    .unwrap();
    let r = &imp.report;
    assert_eq!((r.rows_read, r.imported, r.errors), (12, 5, 7), "{:#?}", r.issues);
    let far = r.issues.iter().find(|i| i.row == 12).unwrap();
    assert_eq!(far.problem, Problem::OutsideBounds, "the sample's extent is the city: Beijing is outside");
    let applied = imp.apply(&s, Merge::Replace).unwrap().scenario;
    assert_eq!(applied.institutions.len(), 5);
    assert_eq!(s.institutions.len(), linyi_sample().institutions.len(), "the scenario shown is left as it was");

    let csv = session::issues_csv(r, Lang::Zh);
    assert!(csv.starts_with(b"\xEF\xBB\xBF"), "Excel needs the BOM to read the Chinese");
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    assert_eq!(text.lines().count(), 1 + r.issues.len(), "{text}");
    assert!(text.contains("第 10 行，经度列（“暂无”）：不是数字"), "{text}");
}

#[test]
fn chunks_of_the_app_leave_the_same_records_as_one_call() {
    let s = linyi_sample();
    let mut csv = String::from("编号,名称,类型,经度,纬度\n");
    for k in 0..(CHUNK_ROWS * 2 + 17) {
        csv.push_str(&format!(
            "P{k},药店{k},零售药店,{:.6},{:.6}\n",
            118.30 + (k % 97) as f64 * 0.001,
            35.02 + (k % 89) as f64 * 0.001
        ));
    }
    let opts = || session::options_for(Target::Institutions, Crs::Wgs84, None, ColumnMapping::default(), &s, None);
    let mut imp = Importer::new(Format::Csv, csv.as_bytes(), opts()).unwrap();
    let mut steps = 0;
    let mut last = 0.0;
    loop {
        let p = imp.step(CHUNK_ROWS);
        steps += 1;
        assert!(p.fraction >= last, "progress never goes back");
        last = p.fraction;
        if p.done {
            break;
        }
    }
    assert_eq!(steps, 3, "2 full chunks and the rest");
    let chunked = imp.finish();
    let whole = import(Format::Csv, csv.as_bytes(), opts()).unwrap();
    assert_eq!(chunked, whole);
    assert_eq!(chunked.len(), CHUNK_ROWS * 2 + 17);
}

#[test]
fn unknown_headers_are_mapped_once_and_the_mapping_is_found_again() {
    let s = linyi_sample();
    let file = "甲,乙,丙,丁\n兰山药店,118.33,35.06,零售药店\n罗庄诊所,118.30,35.00,诊所\n";
    let err = import_into(&s, Format::Csv, file.as_bytes(), Target::Institutions, Crs::Wgs84, ColumnMapping::default())
        .unwrap_err();
    assert!(err.message.en.contains("column mapping"), "{}", err.message.en);

    // The dialog: the first rows, the header row chosen, a field per column.
    let preview = session::preview(Format::Csv, file.as_bytes(), None).unwrap();
    assert_eq!(preview.headers_at(Some(1)), ["甲", "乙", "丙", "丁"]);
    assert_eq!(preview.sample_after(Some(1), 5).len(), 2);
    let fields = [Some(Field::Name), Some(Field::Lon), Some(Field::Lat), Some(Field::Kind)];
    let mapping = session::mapping_of(Some(1), &preview.headers_at(Some(1)), &fields);
    let imp = import_into(&s, Format::Csv, file.as_bytes(), Target::Institutions, Crs::Wgs84, mapping.clone()).unwrap();
    assert_eq!((imp.report.imported, imp.report.errors), (2, 0), "{:#?}", imp.report.issues);
    assert_eq!(imp.institutions[1].name.as_deref(), Some("罗庄诊所"));

    // Remembered under the header row's text (as localStorage holds it: no header row)…
    let store = RefCell::new(HashMap::new());
    let key = session::mapping_key(Target::Institutions, &imp.report.layout.headers);
    let stored = ColumnMapping { header_row: None, ..mapping };
    store.borrow_mut().insert(key, serde_json::to_string(&stored).unwrap());
    let lookup = |k: &str| store.borrow().get(k).and_then(|v| serde_json::from_str::<ColumnMapping>(v).ok());
    // …and found in the next list of that bureau, which has a title row above the same header.
    let next = "兰山区药店名单,,,\n甲,乙,丙,丁,\n河东药店,118.41,35.09,零售药店\n";
    let preview = session::preview(Format::Csv, next.as_bytes(), None).unwrap();
    let m =
        session::remembered(&preview, Target::Institutions, lookup).expect("the mapping is found by the header's text");
    assert_eq!(m.header_row, Some(2));
    let imp = import_into(&s, Format::Csv, next.as_bytes(), Target::Institutions, Crs::Wgs84, m).unwrap();
    assert_eq!(imp.institutions.len(), 1);
    assert_eq!(imp.institutions[0].name.as_deref(), Some("河东药店"));
    // Not for another target: a mapping of institutions says nothing about cells.
    assert!(session::remembered(&preview, Target::Cells, lookup).is_none());
}

#[test]
fn the_app_round_trip_gives_the_same_scenario_and_the_same_decisions() {
    let s = linyi_sample();
    let policy = resolve_policy(&s, |_| Err("no files".into())).unwrap();
    let today = Date::new(2026, 3, 1).unwrap();
    let before = dingdian::evaluate(&s, &policy, today);
    // Each export of the app imported into the scenario shown, replacing the list of its kind.
    for lang in [Lang::Zh, Lang::En] {
        let mut back = s.clone();
        for t in Target::ALL {
            let imp = import_into(&back, Format::Csv, &table_csv(&s, t, lang), t, Crs::Wgs84, ColumnMapping::default())
                .unwrap();
            assert_eq!(imp.report.errors + imp.report.warnings, 0, "{t:?}: {:#?}", imp.report.issues);
            back = imp.apply(&back, Merge::Replace).unwrap().scenario;
        }
        assert_eq!(back, s, "CSV tables, {lang:?}");
    }
    let mut back = s.clone();
    let layers = [
        (Target::Institutions, institutions_geojson(&s)),
        (Target::Applications, applications_geojson(&s, Some(&before.decisions))),
        (Target::Cells, cells_geojson(&s, None)),
    ];
    for (t, text) in layers {
        let imp =
            import_into(&back, Format::GeoJson, text.as_bytes(), t, Crs::Wgs84, ColumnMapping::default()).unwrap();
        back = imp.apply(&back, Merge::Replace).unwrap().scenario;
    }
    assert_eq!(back, s, "GeoJSON layers");
    let after = dingdian::evaluate(&back, &policy, today);
    assert_eq!(after.decisions, before.decisions);
    // The scenario file: `Format::detect` calls it GeoJSON by its extension; the panel loads it whole.
    let json = scenario_json(&s);
    assert_eq!(Format::detect("scenario.json", json.as_bytes()), Format::GeoJson);
    assert_eq!(parse(&json).unwrap(), s);
}
