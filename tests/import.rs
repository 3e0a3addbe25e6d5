//! Import and export (src/scenario/import, src/scenario/export) on real-looking files:
//! tests/fixtures/import/ (made by make-fixtures.py there), workbooks written here with
//! rust_xlsxwriter, and the round trip export → import → the same scenario and decisions.

use std::path::{Path, PathBuf};
use std::process::Command;

use dingdian::date::Date;
use dingdian::results::{applications_geojson, cells_geojson, result_rows, results_csv, results_xlsx, tables_xlsx};
use dingdian::scenario::export::{institutions_geojson, scenario_json, table_csv, table_sheet_name};
use dingdian::scenario::import::*;
use dingdian::scenario::{
    parse, resolve_policy, Application, Categories, Category, Change, Institution, KeyLevel, KeyProject, Kind,
    NegativeList, NegativeReason, Scenario, Scope, Specialty, Subtype,
};
use dingdian::spatial::haversine_m;
use dingdian::text::Lang;
use dingdian::{Outcome, Policy};

fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn design_example() -> Scenario {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/design-example.json");
    parse(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn linyi_sample() -> Scenario {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/samples/linyi-sample.json");
    parse(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn policy_of(s: &Scenario) -> Policy {
    resolve_policy(s, |_| Err("no files".into())).unwrap()
}

/// Linyi's extent, roughly, with a margin.
const LINYI: Bounds = Bounds { west: 117.3, south: 34.2, east: 119.3, north: 36.3 };

fn counties() -> Vec<(String, String)> {
    [("lanshan", "兰山区"), ("luozhuang", "罗庄区"), ("hedong", "河东区")]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn issue_at(r: &ImportReport, row: usize) -> &RowIssue {
    r.issues.iter().find(|i| i.row == row).unwrap_or_else(|| panic!("no issue on row {row}: {:#?}", r.issues))
}

fn close(a: (f64, f64), b: (f64, f64), tol_deg: f64) -> bool {
    (a.0 - b.0).abs() <= tol_deg && (a.1 - b.1).abs() <= tol_deg
}

// ---------------------------------------------------------------------------------------------
// Coordinate systems

/// Published pairs. WGS-84 → GCJ-02 from the test vectors of googollee/eviltransform (Shanghai,
/// Shenzhen, Beijing); GCJ-02 → WGS-84 and → BD-09 at (123, 45) from hujiulong/gcoord's tests.
#[test]
fn gcj02_matches_published_reference_points() {
    for (wgs, gcj) in [
        ((121.5272106, 31.1774276), (121.531541859215, 31.17530398364597)),
        ((113.912316, 22.543847), (113.9171764808363, 22.540796131694766)),
        ((116.377817, 39.911954), (116.38404722455657, 39.91334545536069)),
    ] {
        let fwd = wgs84_to_gcj02(wgs.0, wgs.1);
        assert!(close(fwd, gcj, 1e-9), "forward {wgs:?}: {fwd:?} vs {gcj:?}");
        let back = gcj02_to_wgs84(gcj.0, gcj.1);
        assert!(close(back, wgs, 1e-7), "inverse {gcj:?}: {back:?} vs {wgs:?}");
        assert!(haversine_m(back.0, back.1, wgs.0, wgs.1) < 0.01);
    }
    let w = gcj02_to_wgs84(123.0, 45.0);
    assert!(close(w, (122.99395597, 44.99804071), 5e-6), "{w:?}");
    let b = gcj02_to_bd09(123.0, 45.0);
    assert!(close(b, (123.00636499, 45.00636899), 5e-6), "{b:?}");
    // The published algorithm at Tiananmen, and AMap's own service within a metre of it.
    let g = wgs84_to_gcj02(116.39089, 39.90734);
    assert!(close(g, (116.39713094, 39.90874107), 1e-8), "{g:?}");
    assert!(haversine_m(g.0, g.1, 116.39713623, 39.90874539) < 1.0);
}

/// Baidu: BD-09 (123, 45) → GCJ-02 and → WGS-84 from hujiulong/gcoord's tests (5 decimals, as
/// they check); a WGS-84 → GCJ-02 → BD-09 chain near Shanghai from the tests of a geotool CLI.
/// (googollee/eviltransform's BD-09 vectors are not used: its BD formula takes x·π where Baidu's
/// published one takes x·π·3000/180.)
#[test]
fn bd09_matches_published_reference_points() {
    let g = bd09_to_gcj02(123.0, 45.0);
    assert!(close(g, (122.99363304, 44.99365430), 5e-6), "{g:?}");
    let w = bd09_to_wgs84(123.0, 45.0);
    assert!(close(w, (122.98762210, 44.99171540), 5e-6), "{w:?}");
    let wgs = (121.0917077, 30.6107779);
    // That tool's arithmetic differs from the published algorithm in the eighth decimal (1 cm).
    let gcj = wgs84_to_gcj02(wgs.0, wgs.1);
    assert!(close(gcj, (121.09626935575027, 30.608604331756705), 2e-7), "{gcj:?}");
    let bd = wgs84_to_bd09(wgs.0, wgs.1);
    assert!(close(bd, (121.10271732371203, 30.61484572185035), 2e-7), "{bd:?}");
    let back = bd09_to_wgs84(bd.0, bd.1);
    assert!(close(back, wgs, 1e-8), "{back:?}");
}

#[test]
fn round_trips_are_exact_to_half_a_metre_and_outside_china_nothing_moves() {
    let mut worst: f64 = 0.0;
    for i in 0..=40 {
        for j in 0..=30 {
            let (lon, lat) = (74.0 + i as f64 * 1.5, 18.0 + j as f64 * 1.2);
            for crs in [Crs::Gcj02, Crs::Bd09] {
                let (x, y) = crs.from_wgs84(lon, lat);
                let (l, a) = crs.to_wgs84(x, y);
                worst = worst.max(haversine_m(lon, lat, l, a));
                assert!((l - lon).abs() < 1e-7 && (a - lat).abs() < 1e-7, "{crs:?} at {lon},{lat}");
            }
        }
    }
    assert!(worst < 0.5, "worst round trip {worst} m");
    for (lon, lat) in [(2.35, 48.85), (-74.0, 40.7), (139.7, 35.7), (151.2, -33.9)] {
        assert_eq!(wgs84_to_gcj02(lon, lat), (lon, lat));
        assert_eq!(gcj02_to_wgs84(lon, lat), (lon, lat));
        assert!(out_of_china(lon, lat));
    }
    // Inside China the offset is hundreds of metres.
    let (x, y) = wgs84_to_gcj02(118.35, 35.05);
    assert!(haversine_m(118.35, 35.05, x, y) > 100.0);
    assert_eq!(Crs::parse("GCJ-02"), Some(Crs::Gcj02));
    assert_eq!(Crs::parse("BD-09"), Some(Crs::Bd09));
    assert_eq!(Crs::parse("EPSG:4326"), Some(Crs::Wgs84));
}

// ---------------------------------------------------------------------------------------------
// CSV

fn pharmacies() -> Imported {
    let opts = ImportOptions {
        crs: Crs::Gcj02,
        bounds: Some(LINYI),
        counties: counties(),
        ..ImportOptions::new(Target::Institutions)
    };
    import(Format::Csv, &fixture("pharmacies-gbk.csv"), opts).unwrap()
}

#[test]
fn gbk_csv_with_a_title_row_amap_coordinates_and_bad_rows() {
    let imp = pharmacies();
    let r = &imp.report;
    let l = &r.layout;
    assert_eq!(l.encoding.as_deref(), Some("GB18030"));
    assert_eq!(l.delimiter, Some(','));
    assert_eq!(l.header_row, Some(2));
    assert_eq!(l.title.as_deref(), Some("临沂市定点零售药店名单（2024年）"));
    assert_eq!(l.title_kind, Some(Kind::Pharmacy));
    assert_eq!(l.column_of(Field::Id), Some(1));
    assert_eq!(l.column_of(Field::Name), Some(2));
    assert_eq!(l.column_of(Field::Category), Some(3));
    assert_eq!(l.column_of(Field::County), Some(4));
    assert_eq!(l.column_of(Field::Lon), Some(6));
    assert_eq!(l.column_of(Field::Lat), Some(7));
    assert_eq!(l.fields[0], None, "序号 is not an id");

    let ids: Vec<&str> = imp.institutions.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["P37130200001", "P37130200002", "P37131100003", "P37131200004", "P37130200005"]);
    assert_eq!(imp.rows, [3, 4, 5, 7, 8], "rows as the file numbers them: title 1, header 2, a blank line 6");
    assert_eq!((r.rows_read, r.imported, r.errors, r.warnings), (12, 5, 7, 0));

    // AMap coordinates come back to the WGS-84 points they were made from (6 decimals ≈ 0.1 m).
    let wgs = [
        (118.318684, 35.064378),
        (118.331868, 35.072023),
        (118.284512, 34.996120),
        (118.402214, 35.089311),
        (118.342170, 35.051660),
    ];
    for (i, w) in imp.institutions.iter().zip(wgs) {
        assert!(haversine_m(i.lon, i.lat, w.0, w.1) < 0.3, "{} at {},{} vs {w:?}", i.id, i.lon, i.lat);
    }
    let p1 = &imp.institutions[0];
    assert_eq!(p1.kind, Kind::Pharmacy);
    assert_eq!(p1.name.as_deref(), Some("临沂市仁和大药房有限公司"));
    assert_eq!(p1.category, Some(Categories::of(&[Category::Ordinary, Category::Chronic])));
    assert_eq!(p1.county.as_deref(), Some("lanshan"));
    assert!(p1.designated);
    assert_eq!(imp.institutions[3].category, Some(Categories::of(&[Category::SpecialDrug])));
    assert_eq!(imp.institutions[4].county.as_deref(), Some("lanshan"), "兰山 is 兰山区");
    assert_eq!(imp.institutions[2].county.as_deref(), Some("luozhuang"));

    let missing = issue_at(r, 9);
    assert_eq!((missing.problem, missing.column.as_deref()), (Problem::Missing, Some("经度")));
    let nan = issue_at(r, 10);
    assert_eq!((nan.problem, nan.column.as_deref(), nan.value.as_str()), (Problem::NotANumber, Some("经度"), "暂无"));
    assert_eq!(nan.describe(Lang::En, false), "row 10, column 经度 (\"暂无\"): not a number");
    assert_eq!(nan.describe(Lang::Zh, false), "第 10 行，经度列（“暂无”）：不是数字");
    let dup = issue_at(r, 11);
    assert_eq!((dup.problem, dup.column.as_deref()), (Problem::DuplicateId, Some("药店编码")));
    assert!(dup.reason.en.contains("first on row 4"), "{}", dup.reason.en);
    let far = issue_at(r, 12);
    assert_eq!(far.problem, Problem::OutsideBounds);
    assert!(far.reason.zh.contains("本市范围"), "{}", far.reason.zh);
    let swapped = issue_at(r, 13);
    assert_eq!((swapped.problem, swapped.column.as_deref()), (Problem::OutOfRange, Some("纬度")));
    assert!(swapped.reason.en.contains("swapped"), "{}", swapped.reason.en);
    let cat = issue_at(r, 14);
    assert_eq!(
        (cat.problem, cat.column.as_deref(), cat.value.as_str()),
        (Problem::UnknownValue, Some("类别"), "保健品")
    );
    let note = issue_at(r, 16);
    assert_eq!(note.problem, Problem::Missing, "the note under the table has no coordinates");
    assert!(r.issues.iter().all(|i| i.severity == Severity::Error));
    assert!(r.notes.iter().any(|n| n.en.contains("from the name")), "{:?}", r.notes);
    assert!(
        r.summary(Lang::En).starts_with("12 rows read, 5 imported as institutions, 7 refused"),
        "{}",
        r.summary(Lang::En)
    );
}

#[test]
fn utf8_bom_csv_with_chinese_kinds() {
    let opts = ImportOptions { bounds: Some(LINYI), counties: counties(), ..ImportOptions::new(Target::Institutions) };
    let imp = import(Format::Csv, &fixture("institutions-utf8-bom.csv"), opts).unwrap();
    let r = &imp.report;
    assert_eq!(r.layout.encoding.as_deref(), Some("UTF-8 (BOM)"));
    assert_eq!(r.layout.headers[0], "编号", "the byte-order mark is not part of the first header");
    let get = |id: &str| imp.institutions.iter().find(|i| i.id == id).unwrap_or_else(|| panic!("{id}"));
    assert_eq!((get("H001").kind, get("H001").beds), (Kind::InpatientGeneral, Some(2600)));
    let eye = get("H002");
    assert_eq!(
        (eye.kind, eye.specialty, eye.beds),
        (Kind::InpatientSpecialty, Some(Specialty::Ophthalmology), Some(120))
    );
    assert!(!get("H003").designated);
    assert_eq!(get("H003").kind, Kind::InpatientGeneral, "中医医院 counts as general");
    assert_eq!(get("O001").kind, Kind::Outpatient);
    assert_eq!(get("O002").kind, Kind::Outpatient);
    assert_eq!((get("C001").kind, get("C001").subtype), (Kind::PrimaryCare, Some(Subtype::CommunityCentre)));
    assert_eq!(get("C002").subtype, Some(Subtype::TownshipCentre));
    assert_eq!(get("C003").subtype, Some(Subtype::VillageClinic));
    assert_eq!(get("C003").county.as_deref(), Some("hedong"));
    let kind = issue_at(r, 10);
    assert_eq!(
        (kind.problem, kind.column.as_deref(), kind.value.as_str()),
        (Problem::UnknownKind, Some("机构类型"), "物流中心")
    );
    let beds = issue_at(r, 11);
    assert_eq!(
        (beds.problem, beds.column.as_deref(), beds.value.as_str()),
        (Problem::NotANumber, Some("床位数（张）"), "一百")
    );
    assert_eq!((r.imported, r.errors), (8, 2));
}

#[test]
fn tab_separated_cells_with_blank_lines() {
    let imp = import(Format::Csv, &fixture("cells.tsv"), ImportOptions::new(Target::Cells)).unwrap();
    let r = &imp.report;
    assert_eq!(r.layout.delimiter, Some('\t'));
    assert_eq!(r.layout.encoding.as_deref(), Some("UTF-8"));
    let pops: Vec<u64> = imp.cells.iter().map(|c| c.population).collect();
    assert_eq!(pops, [985, 1624, 2210, 0], "fractional population is rounded");
    assert_eq!(imp.rows, [2, 4, 5, 9]);
    assert_eq!(issue_at(r, 7).problem, Problem::NotANumber);
    assert_eq!(issue_at(r, 8).problem, Problem::OutOfRange);
    assert_eq!(issue_at(r, 8).column.as_deref(), Some("population"));
    // No counties known: the values are kept, and applying adds the counties they name.
    let base = Scenario { population_cells: vec![].into(), counties: vec![], ..design_example() };
    let base = Scenario { institutions: vec![].into(), applications: vec![], ..base };
    let applied = imp.apply(&base, Merge::Replace).unwrap();
    assert_eq!(applied.counties_added, ["lanshan", "luozhuang", "hedong"]);
    assert_eq!(applied.scenario.population_cells.len(), 4);
    assert!(base.population_cells.is_empty(), "the caller's scenario is untouched");
}

#[test]
fn baidu_applications_come_back_to_wgs84() {
    let opts = ImportOptions { crs: Crs::Bd09, bounds: Some(LINYI), ..ImportOptions::new(Target::Applications) };
    let imp = import(Format::Csv, &fixture("applications-bd09.csv"), opts).unwrap();
    assert_eq!(imp.report.errors, 0, "{:#?}", imp.report.issues);
    let a = &imp.applications;
    assert_eq!(a.len(), 2);
    assert_eq!((a[0].id.as_str(), a[0].kind, a[0].change), ("A2025001", Kind::Pharmacy, Change::New));
    assert_eq!((a[0].pharmacists, a[0].operating_months), (Some(1), Some(4.0)));
    assert!(haversine_m(a[0].lon, a[0].lat, 118.323079, 35.067976) < 0.3);
    assert_eq!((a[1].kind, a[1].category, a[1].operating_months), (Kind::Outpatient, None, Some(14.0)));
    assert!(haversine_m(a[1].lon, a[1].lat, 118.2861, 34.9973) < 0.3);
}

// ---------------------------------------------------------------------------------------------
// GeoJSON and boundaries

#[test]
fn geojson_points_and_a_county_outline_with_a_hole() {
    let bytes = fixture("linyi-gcj02.geojson");
    assert_eq!(Format::detect("linyi.geojson", &bytes), Format::GeoJson);
    let b = Boundaries::from_geojson(&bytes, Crs::Gcj02, &counties()).unwrap();
    assert_eq!(b.areas.len(), 1);
    assert_eq!(
        (b.areas[0].id.as_str(), b.areas[0].name.as_deref(), b.areas[0].matched),
        ("lanshan", Some("兰山区"), true)
    );
    // The outline was drawn in WGS-84 and stored in GCJ-02: converted back, its corners are where they were.
    let ext = b.extent(0.0).unwrap();
    assert!(
        close((ext.west, ext.south), (118.22, 34.98), 1e-6) && close((ext.east, ext.north), (118.42, 35.20), 1e-6),
        "{ext:?}"
    );
    assert_eq!(b.county_of(118.35, 35.05), Some("lanshan"));
    assert_eq!(b.county_of(118.31, 35.11), None, "inside the hole");
    assert_eq!(b.county_of(118.50, 35.05), None);
    let corner = b.areas[0].shape.0[0].exterior().0[1];
    assert_eq!(b.county_of(corner.x, corner.y), Some("lanshan"), "on the outline counts as inside");
    let again = Boundaries::from_geojson(b.to_geojson().as_bytes(), Crs::Wgs84, &counties()).unwrap();
    assert_eq!(again.areas[0].shape, b.areas[0].shape);
    assert!(again.new_counties().is_empty());
    let unmatched = Boundaries::from_geojson(&bytes, Crs::Gcj02, &[]).unwrap();
    assert_eq!(unmatched.new_counties()[0].name, "兰山区");

    let opts = ImportOptions {
        crs: Crs::Gcj02,
        boundaries: Some(b),
        counties: counties(),
        ..ImportOptions::new(Target::Institutions)
    };
    let imp = import(Format::GeoJson, &bytes, opts).unwrap();
    let r = &imp.report;
    assert_eq!(r.layout.shapes_skipped, 1);
    assert_eq!(imp.rows, [2, 3, 4], "rows are feature numbers");
    let ids: Vec<&str> = imp.institutions.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["p-g1", "p-g2", "p-g3"], "ids from the features' own id");
    assert!(haversine_m(imp.institutions[0].lon, imp.institutions[0].lat, 118.318684, 35.064378) < 0.05);
    let counties: Vec<Option<&str>> = imp.institutions.iter().map(|i| i.county.as_deref()).collect();
    assert_eq!(counties, [Some("lanshan"), Some("lanshan"), None], "county by point in polygon");
    assert_eq!(imp.institutions[2].kind, Kind::Outpatient);
    assert!(r.notes.iter().any(|n| n.en.contains("boundaries")), "{:?}", r.notes);
}

#[test]
fn files_that_cannot_be_imported_say_why() {
    let no_header = "a,b,c\n1,2,3\n".as_bytes();
    let e = Importer::new(Format::Csv, no_header, ImportOptions::new(Target::Institutions)).err().unwrap();
    assert!(e.message.en.contains("no header row"), "{e}");
    let no_coords = "名称,类型,区县\n药店,零售药店,兰山区\n".as_bytes();
    let e = Importer::new(Format::Csv, no_coords, ImportOptions::new(Target::Institutions)).err().unwrap();
    assert!(e.message.en.contains("no longitude and latitude columns"), "{e}");
    assert!(e.message.zh.contains("名称、类型、区县"), "{}", e.message.zh);
    let e =
        Importer::new(Format::Csv, "经度,纬度\n118,35\n".as_bytes(), ImportOptions::new(Target::Cells)).err().unwrap();
    assert!(e.message.en.contains("no population column"), "{e}");
    let e = Importer::new(Format::GeoJson, b"{\"type\": \"Nonsense\"}", ImportOptions::new(Target::Institutions))
        .err()
        .unwrap();
    assert!(e.message.en.contains("not valid GeoJSON"), "{e}");
    let e =
        Importer::new(Format::Xlsx, b"PK\x03\x04 not a zip", ImportOptions::new(Target::Institutions)).err().unwrap();
    assert!(e.message.en.contains("not a workbook"), "{e}");
    assert!(Boundaries::from_geojson(&fixture("linyi-gcj02.geojson")[..0], Crs::Wgs84, &[]).is_err());
}

// ---------------------------------------------------------------------------------------------
// Workbooks

/// A workbook as a bureau sends it: a merged title over a two-row header ("坐标" over
/// 经度 | 纬度), numbers as numbers, a second sheet of applications with a real date cell.
fn bureau_workbook() -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format as XFormat, Workbook};
    let mut book = Workbook::new();
    let bold = XFormat::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name("定点医疗机构").unwrap();
    sheet.merge_range(0, 0, 0, 5, "临沂市医保定点医疗机构名单（2024年12月）", &bold).unwrap();
    for (c, h) in ["序号", "机构名称", "机构类别", "坐标", "", "床位数"].iter().enumerate() {
        if !h.is_empty() {
            sheet.write_string(1, c as u16, *h).unwrap();
        }
    }
    sheet.merge_range(1, 3, 1, 4, "坐标", &bold).unwrap();
    sheet.write_string(2, 3, "经度").unwrap();
    sheet.write_string(2, 4, "纬度").unwrap();
    let rows: [(&str, &str, f64, f64, Option<f64>); 3] = [
        ("临沂市人民医院", "综合医院", 118.340712, 35.070831, Some(2600.0)),
        ("临沂市肿瘤医院", "专科医院", 118.345512, 35.082831, Some(800.0)),
        ("兰山区金雀山街道社区卫生服务站", "基层医疗卫生机构", 118.352110, 35.066231, None),
    ];
    for (i, (name, kind, lon, lat, beds)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        sheet.write_number(r, 0, i as f64 + 1.0).unwrap();
        sheet.write_string(r, 1, *name).unwrap();
        sheet.write_string(r, 2, *kind).unwrap();
        sheet.write_number(r, 3, *lon).unwrap();
        sheet.write_number(r, 4, *lat).unwrap();
        if let Some(b) = beds {
            sheet.write_number(r, 5, *b).unwrap();
        }
    }
    sheet.write_string(6, 1, "坐标缺失诊所").unwrap();
    sheet.write_string(6, 2, "诊所").unwrap();
    let apps = book.add_worksheet();
    apps.set_name("申请").unwrap();
    for (c, h) in ["申请编号", "名称", "类型", "经度", "纬度", "负面清单", "列入日期"].iter().enumerate()
    {
        apps.write_string(0, c as u16, *h).unwrap();
    }
    apps.write_string(1, 0, "A-9").unwrap();
    apps.write_string(1, 1, "拟开设药店").unwrap();
    apps.write_string(1, 2, "零售药店").unwrap();
    apps.write_number(1, 3, 118.351).unwrap();
    apps.write_number(1, 4, 35.051).unwrap();
    apps.write_string(1, 5, "已被解除医保服务协议").unwrap();
    let date = ExcelDateTime::from_ymd(2025, 3, 1).unwrap();
    apps.write_datetime_with_format(1, 6, &date, &XFormat::new().set_num_format("yyyy-mm-dd")).unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn xlsx_with_a_merged_title_and_a_two_row_header() {
    let bytes = bureau_workbook();
    assert_eq!(Format::detect("名单.xlsx", &bytes), Format::Xlsx);
    let imp = import(Format::Xlsx, &bytes, ImportOptions::new(Target::Institutions)).unwrap();
    let r = &imp.report;
    assert_eq!(r.layout.sheet.as_deref(), Some("定点医疗机构"));
    assert_eq!(r.layout.sheets, ["定点医疗机构", "申请"]);
    assert_eq!(r.layout.header_row, Some(2));
    assert_eq!(r.layout.title.as_deref(), Some("临沂市医保定点医疗机构名单（2024年12月）"));
    assert_eq!(r.layout.headers[3..5], ["经度".to_string(), "纬度".to_string()]);
    let i = &imp.institutions;
    assert_eq!(i.len(), 3, "{:#?}", r.issues);
    assert_eq!((i[0].kind, i[0].beds, i[0].lon, i[0].lat), (Kind::InpatientGeneral, Some(2600), 118.340712, 35.070831));
    assert_eq!((i[1].kind, i[1].specialty), (Kind::InpatientSpecialty, Some(Specialty::Oncology)));
    assert_eq!((i[2].kind, i[2].subtype), (Kind::PrimaryCare, Some(Subtype::CommunityStation)));
    assert_eq!(imp.rows, [4, 5, 6], "spreadsheet row numbers");
    assert_eq!(i[0].id, "i-4", "no id column: ids from row numbers");
    let bad = issue_at(r, 7);
    assert_eq!((bad.problem, bad.column.as_deref()), (Problem::Missing, Some("经度")));

    let opts = ImportOptions { sheet: Some("申请".into()), ..ImportOptions::new(Target::Applications) };
    let apps = import(Format::Xlsx, &bytes, opts).unwrap();
    let a = &apps.applications[0];
    assert_eq!(
        a.negative_list,
        Some(NegativeList { reason: NegativeReason::AgreementTerminated, since: "2025-03-01".into(), switch: None })
    );
    let opts = ImportOptions { sheet: Some("第三页".into()), ..ImportOptions::new(Target::Applications) };
    let e = Importer::new(Format::Xlsx, &bytes, opts).err().unwrap();
    assert!(e.message.zh.contains("定点医疗机构、申请"), "{}", e.message.zh);
}

// ---------------------------------------------------------------------------------------------
// Column mappings

#[test]
fn a_mapping_names_unknown_headers_and_can_change_before_rows_are_read() {
    let csv = "单位,X坐标,Y坐标,性质,备注\n仁和药店,118.31,35.06,零售药店,x\n康复诊所,118.32,35.07,诊所,y\n".as_bytes();
    let e = Importer::new(Format::Csv, csv, ImportOptions::new(Target::Institutions)).err().unwrap();
    assert!(e.message.en.contains("no header row"), "{e}");
    let mapping: ColumnMapping = serde_json::from_str(
        r#"{"columns": {"单位": "name", "X坐标": "lon", "Y坐标": "lat", "性质": "kind", "备注": "ignore"}}"#,
    )
    .unwrap();
    let opts = ImportOptions { mapping: mapping.clone(), ..ImportOptions::new(Target::Institutions) };
    let imp = import(Format::Csv, csv, opts).unwrap();
    assert_eq!(imp.institutions.len(), 2);
    assert_eq!((imp.institutions[1].kind, imp.institutions[1].lon), (Kind::Outpatient, 118.32));
    assert_eq!(serde_json::from_str::<ColumnMapping>(&serde_json::to_string(&mapping).unwrap()).unwrap(), mapping);

    // Remap: lon and lat the other way round, before the first step; not after.
    let csv2 = "名称,经度,纬度,类型\n甲药店,35.06,118.31,零售药店\n".as_bytes();
    let mut imp = Importer::new(Format::Csv, csv2, ImportOptions::new(Target::Institutions)).unwrap();
    assert_eq!(imp.layout().column_of(Field::Lon), Some(1));
    let swap = ColumnMapping {
        header_row: Some(1),
        columns: [("经度".to_string(), Field::Lat), ("纬度".to_string(), Field::Lon)].into(),
    };
    imp.remap(swap.clone()).unwrap();
    assert_eq!(imp.layout().column_of(Field::Lon), Some(2));
    imp.step(10);
    assert!(imp.remap(ColumnMapping::default()).is_err());
    let done = imp.finish();
    assert_eq!((done.institutions[0].lon, done.institutions[0].lat), (118.31, 35.06));
}

#[test]
fn combined_coordinates_kind_by_default_and_ids_kept_unique() {
    let csv = "名称,经纬度,编号\n甲,\"118.31,35.06\",x1\n乙,118.32，35.07,x2\n丙,118.33,x3\n丁,\"118.34,35.08\",x1\n"
        .as_bytes();
    let opts = ImportOptions { default_kind: Some(Kind::Pharmacy), ..ImportOptions::new(Target::Institutions) };
    let imp = import(Format::Csv, csv, opts).unwrap();
    assert_eq!(imp.institutions.len(), 2);
    assert!(imp.institutions.iter().all(|i| i.kind == Kind::Pharmacy));
    assert_eq!(issue_at(&imp.report, 4).problem, Problem::NotANumber);
    assert_eq!(issue_at(&imp.report, 5).problem, Problem::DuplicateId);
}

#[test]
fn county_values_unknown_to_the_scenario_are_warnings() {
    let csv = "名称,类型,经度,纬度,区县\n甲,药店,118.31,35.06,兰山区\n乙,药店,118.32,35.07,沂水县\n".as_bytes();
    let opts = ImportOptions { counties: counties(), ..ImportOptions::new(Target::Institutions) };
    let imp = import(Format::Csv, csv, opts).unwrap();
    assert_eq!(imp.institutions.len(), 2);
    assert_eq!(imp.institutions[1].county, None);
    let w = issue_at(&imp.report, 3);
    assert_eq!((w.problem, w.severity, w.value.as_str()), (Problem::UnknownCounty, Severity::Warning, "沂水县"));
    assert_eq!((imp.report.errors, imp.report.warnings), (0, 1));
}

// ---------------------------------------------------------------------------------------------
// Large files, in chunks

fn big_csv(rows: usize) -> Vec<u8> {
    let mut s = String::from("编号,名称,类型,类别,经度,纬度,区县\n");
    let mut seed = 7u64;
    let mut rnd = || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    for i in 0..rows {
        let kind = ["零售药店", "诊所", "村卫生室", "综合医院"][i % 4];
        let cat = if i % 4 == 0 { "普通" } else { "" };
        s.push_str(&format!(
            "N{i:06},机构{i},{kind},{cat},{:.6},{:.6},兰山区\n",
            117.6 + rnd() * 1.6,
            34.4 + rnd() * 1.7
        ));
    }
    s.into_bytes()
}

#[test]
fn a_hundred_thousand_rows_import_in_chunks() {
    let bytes = big_csv(100_000);
    let opts = || ImportOptions {
        crs: Crs::Gcj02,
        bounds: Some(LINYI),
        counties: counties(),
        ..ImportOptions::new(Target::Institutions)
    };
    let mut imp = Importer::new(Format::Csv, &bytes, opts()).unwrap();
    let mut last = imp.progress();
    let mut steps = 0;
    while !last.done {
        let p = imp.step(5_000);
        assert!(p.fraction >= last.fraction && p.rows_read >= last.rows_read, "{p:?} after {last:?}");
        assert!(p.rows_read - last.rows_read <= 5_000);
        last = p;
        steps += 1;
    }
    assert_eq!(steps, 20 + 1, "20 full chunks, then one that finds the end");
    assert_eq!(last.fraction, 1.0);
    let done = imp.finish();
    assert_eq!((done.report.rows_read, done.report.imported, done.report.errors), (100_000, 100_000, 0));
    assert_eq!(done.institutions[99_999].id, "N099999");
    // Cancelling is dropping: a partly read importer leaves nothing behind.
    let mut partial = Importer::new(Format::Csv, &bytes, opts()).unwrap();
    let p = partial.step(1_000);
    assert!(!p.done && p.rows_read == 1_000 && p.fraction > 0.0 && p.fraction < 0.05, "{p:?}");
    drop(partial);
}

// ---------------------------------------------------------------------------------------------
// Export and the round trip

/// The sample city with institutions and applications that use every field.
fn rich_scenario() -> Scenario {
    let mut s = linyi_sample();
    let mut extra = Institution {
        id: "X-1".into(),
        name: Some("样例乡镇卫生院".into()),
        kind: Kind::PrimaryCare,
        category: None,
        specialty: None,
        subtype: Some(Subtype::VillageClinic),
        integrated: Some(true),
        lon: 118.3012345678901,
        lat: 35.0312345678901,
        county: Some("luozhuang".into()),
        area: Some("册山街道".into()),
        designated: false,
        beds: Some(12),
        provides_outpatient: Some(false),
    };
    s.institutions.push(extra.clone());
    extra.id = "X-2".into();
    extra.kind = Kind::Pharmacy;
    extra.subtype = None;
    extra.integrated = None;
    extra.category = Some(Categories::of(&[Category::Chronic, Category::SpecialDrug]));
    extra.designated = true;
    s.institutions.push(extra);
    let mut a = Application::new("A-2", Kind::InpatientSpecialty, 118.33, 35.07);
    a.name = Some("拟设眼科医院".into());
    a.specialty = Some(Specialty::Ophthalmology);
    a.beds = Some(80);
    a.key_project = Some(KeyProject(Some(KeyLevel::Provincial)));
    a.insurance_office_staff = Some(3);
    a.insurance_dept = Some(true);
    a.operating_months = Some(7.5);
    a.physicians = Some(12);
    a.county = Some("lanshan".into());
    s.applications.push(a);
    let mut b = Application::new("A-3", Kind::Pharmacy, 118.319, 35.0645);
    b.change = Change::AddressChange;
    b.institution_id = Some("p-001".into());
    b.shortage_type = Some(false);
    b.uneven_area = Some(true);
    b.negative_list =
        Some(NegativeList { reason: NegativeReason::FalseMaterials, since: "2024-11-30".into(), switch: None });
    b.area = Some("兰山街道".into());
    s.applications.push(b);
    let mut c = Application::new("A-4", Kind::Outpatient, 118.29, 34.99);
    c.scope = Scope::PersonalAccountOnly;
    c.key_project = Some(KeyProject(None));
    c.category = None;
    s.applications.push(c);
    let mut d = Application::new("A-5", Kind::PrimaryCare, 118.40, 35.09);
    d.scope = Scope::MedicalAid;
    d.institution_id = Some("X-1".into());
    d.subtype = Some(Subtype::CommunityStation);
    d.change = Change::NewSite;
    s.applications.push(d);
    dingdian::scenario::validate(&s).unwrap();
    s
}

/// Imports each table into `base` (the scenario with empty lists).
fn reimport(base: &Scenario, files: [(Format, Vec<u8>, Option<&str>); 3]) -> Scenario {
    let mut out = base.clone();
    for (target, (format, bytes, sheet)) in Target::ALL.into_iter().zip(files) {
        let opts =
            ImportOptions { sheet: sheet.map(str::to_string), ..ImportOptions::new(target) }.with_counties_of(base);
        let imp = import(format, &bytes, opts).unwrap();
        assert_eq!(imp.report.errors + imp.report.warnings, 0, "{target:?}: {:#?}", imp.report.issues);
        out = imp.apply(&out, Merge::Replace).unwrap().scenario;
    }
    out
}

#[test]
fn export_then_import_gives_the_same_scenario_and_the_same_decisions() {
    let s = rich_scenario();
    let policy = policy_of(&s);
    let today = Date::new(2026, 3, 1).unwrap();
    let before = dingdian::evaluate(&s, &policy, today);
    let base =
        Scenario { institutions: vec![].into(), applications: vec![], population_cells: vec![].into(), ..s.clone() };
    let check = |back: Scenario, how: &str| {
        assert_eq!(back, s, "{how}");
        let after = dingdian::evaluate(&back, &policy_of(&back), today);
        assert_eq!(after.decisions, before.decisions, "{how}");
        assert_eq!(after.coverage, before.coverage, "{how}");
    };
    for lang in [Lang::En, Lang::Zh] {
        let csv = Target::ALL.map(|t| (Format::Csv, table_csv(&s, t, lang), None));
        check(reimport(&base, csv), &format!("CSV tables, {lang:?}"));
        let book = tables_xlsx(&s, Some(&result_rows(&s, &before.decisions)), lang).unwrap();
        let sheets = Target::ALL.map(|t| (Format::Xlsx, book.clone(), Some(table_sheet_name(t, lang))));
        check(reimport(&base, sheets), &format!("xlsx workbook, {lang:?}"));
    }
    let layers = [
        (Format::GeoJson, institutions_geojson(&s).into_bytes(), None),
        (Format::GeoJson, applications_geojson(&s, Some(&before.decisions)).into_bytes(), None),
        (Format::GeoJson, cells_geojson(&s, None).into_bytes(), None),
    ];
    check(reimport(&base, layers), "GeoJSON layers");
    check(parse(&scenario_json(&s)).unwrap(), "scenario JSON");
    assert!(table_csv(&s, Target::Institutions, Lang::Zh).starts_with("\u{FEFF}编号,名称,类型".as_bytes()));
}

#[test]
fn results_as_csv_and_xlsx() {
    let s = design_example();
    let eval = dingdian::evaluate(&s, &policy_of(&s), Date::new(2026, 3, 1).unwrap());
    let rows = result_rows(&s, &eval.decisions);
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    assert_eq!(
        (r.outcome, r.deciding_rule.as_deref(), r.clause.as_deref()),
        (Outcome::Rejected, Some("pharmacy.same_type_nearby"), Some("linyi-2025 三(二)"))
    );
    assert!((r.nearest_same_type_m.unwrap() - 143.7).abs() < 0.05, "{:?}", r.nearest_same_type_m);
    assert_eq!(r.county.as_deref(), Some("兰山区"));

    let csv = results_csv(&rows, Lang::Zh);
    assert!(csv.starts_with(b"\xEF\xBB\xBF"), "a byte-order mark for Excel");
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "编号,名称,类型,经度,纬度,区县,结果,决定规则,条款,最近同类定点机构距离（米）");
    assert_eq!(lines[1], "a-1,,零售药店,118.351,35.051,兰山区,不予受理,服务圈内同类型定点药店,linyi-2025 三(二),143.7");
    let en = String::from_utf8(results_csv(&rows, Lang::En)).unwrap();
    assert!(en.contains(
        "id,name,kind,lon,lat,county,outcome,deciding rule,clause,nearest same-type designated institution (m)"
    ));
    assert!(en.contains("a-1,,retail pharmacy,118.351,35.051,兰山区 (Lanshan District),rejected,"));
    assert!(en.contains(",linyi-2025 Sec. III(2),143.7"), "the clause in English: {en}");
    assert!(!en.contains("pharmacy.same_type_nearby"), "the rule by its name, not its id");

    // Read the workbook back with the importer's own reader: the same cells, numbers as numbers.
    let book = results_xlsx(&rows, Lang::En).unwrap();
    let opts = ImportOptions {
        mapping: ColumnMapping { header_row: Some(1), ..Default::default() },
        ..ImportOptions::new(Target::Applications)
    };
    let imp = Importer::new(Format::Xlsx, &book, opts).unwrap();
    assert_eq!(imp.layout().sheet.as_deref(), Some("results"));
    assert_eq!(
        imp.layout().sample[0],
        [
            "a-1",
            "",
            "retail pharmacy",
            "118.351",
            "35.051",
            "兰山区 (Lanshan District)",
            "rejected",
            "same-type designated pharmacy in the circle",
            "linyi-2025 Sec. III(2)",
            "143.7"
        ]
    );
}

#[test]
fn geojson_layers_carry_outcomes_and_coverage() {
    let s = design_example();
    let policy = policy_of(&s);
    let eval = dingdian::evaluate(&s, &policy, Date::new(2026, 3, 1).unwrap());
    let apps: serde_json::Value = serde_json::from_str(&applications_geojson(&s, Some(&eval.decisions))).unwrap();
    let f = &apps["features"][0];
    assert_eq!(f["geometry"]["coordinates"], serde_json::json!([118.351, 35.051]));
    assert_eq!(f["properties"]["outcome"], "rejected");
    assert_eq!(f["properties"]["deciding_rule"], "pharmacy.same_type_nearby");
    let prepared = dingdian::engine::prepared::Prepared::new(&s, &policy, Date::new(2026, 3, 1).unwrap());
    let layers = prepared.coverage_layers();
    let cells: serde_json::Value = serde_json::from_str(&cells_geojson(&s, Some(&layers))).unwrap();
    assert_eq!(cells["features"][0]["properties"]["covered_pharmacy"], true);
    assert_eq!(cells["features"][0]["properties"]["covered_inpatient"], false);
    assert_eq!(cells["features"][0]["properties"]["population"], 5200);
}

#[test]
fn upsert_replaces_by_id_and_appends_the_rest() {
    let s = design_example();
    let csv = "编号,名称,类型,类别,经度,纬度,区县\np-001,改名药店,零售药店,普通,118.35,35.05,兰山区\np-002,新药店,零售药店,普通,118.36,35.06,兰山区\n";
    let imp =
        import(Format::Csv, csv.as_bytes(), ImportOptions::new(Target::Institutions).with_counties_of(&s)).unwrap();
    let up = imp.apply(&s, Merge::Upsert).unwrap().scenario;
    assert_eq!(up.institutions.len(), 2);
    assert_eq!(up.institutions[0].name.as_deref(), Some("改名药店"));
    assert_eq!(s.institutions[0].name.as_deref(), Some("…"), "the caller's scenario is untouched");
    let replaced = imp.apply(&s, Merge::Replace).unwrap().scenario;
    assert_eq!(replaced.institutions.len(), 2);
    // An address change naming an institution the scenario lacks is refused by validation, with the file row.
    let apps = "编号,类型,经度,纬度,申请类型,原机构编号\na-9,零售药店,118.35,35.05,迁址,nope\n";
    let imp = import(Format::Csv, apps.as_bytes(), ImportOptions::new(Target::Applications)).unwrap();
    let e = imp.apply(&s, Merge::Replace).unwrap_err();
    assert!(e.message.contains("institution_id") && e.message.contains("row 2 of the file"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// The command line

fn dingdian(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dingdian")).args(args).output().expect("runs")
}

#[test]
fn cli_import_refuses_bad_rows_naming_file_row_and_column() {
    let f = fixture_path("pharmacies-gbk.csv");
    let o = dingdian(&[
        "import",
        "--institutions",
        f.to_str().unwrap(),
        "--crs",
        "gcj02",
        "--bounds",
        "117.3,34.2,119.3,36.3",
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(o.stdout.is_empty());
    assert!(err.contains("pharmacies-gbk.csv: refused: row 10, column 经度 (\"暂无\"): not a number"), "{err}");
    assert!(err.contains("row 11, column 药店编码 (\"P37130200002\"): duplicate id (first on row 4)"), "{err}");
    assert!(err.contains("7 rows refused; nothing written"), "{err}");
}

#[test]
fn cli_import_writes_a_scenario_that_evaluates() {
    let dir = std::env::temp_dir().join(format!("dingdian-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = |n: &str| fixture_path(n).to_str().unwrap().to_string();
    let o = dingdian(&[
        "import",
        "--institutions",
        &f("pharmacies-gbk.csv"),
        "--applications",
        &f("applications-bd09.csv"),
        "--cells",
        &f("cells.tsv"),
        "--crs",
        "gcj02",
        "--crs",
        "applications=bd09",
        "--crs",
        "cells=wgs84",
        "--bounds",
        "117.3,34.2,119.3,36.3",
        "--skip-bad-rows",
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let s: Scenario = parse(&String::from_utf8_lossy(&o.stdout)).unwrap();
    assert_eq!(s.city.name, "临沂市", "from the title");
    assert_eq!((s.institutions.len(), s.applications.len(), s.population_cells.len()), (5, 2, 4));
    // A new scenario's counties are those the first file names (兰山 is 兰山区); later files must
    // use them: cells.tsv names its counties by other ids, which are dropped with a warning.
    let ids: Vec<&str> = s.counties.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["兰山区", "罗庄区", "河东区"]);
    assert!(s.institutions.iter().all(|i| i.county.is_some()));
    assert!(err.contains("cells.tsv: 6 rows read, 4 imported as population_cells, 2 refused, 4 warnings"), "{err}");
    assert!(
        err.contains("cells.tsv: warning: row 2, column county (\"lanshan\"): unknown county; left empty"),
        "{err}"
    );
    let path = dir.join("s.json");
    std::fs::write(&path, &o.stdout).unwrap();
    let e = dingdian(&["evaluate", path.to_str().unwrap()]);
    assert_eq!(e.status.code(), Some(0), "{}", String::from_utf8_lossy(&e.stderr));

    // Into the design example: its counties match 兰山区 → lanshan; --upsert keeps p-001.
    let into = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/design-example.json");
    let o = dingdian(&[
        "import",
        "--institutions",
        &f("institutions-utf8-bom.csv"),
        "--into",
        into.to_str().unwrap(),
        "--upsert",
        "--skip-bad-rows",
        "--lang",
        "zh",
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("第 10 行，机构类型列（“物流中心”）：未知的机构类型"), "{err}");
    let s: Scenario = parse(&String::from_utf8_lossy(&o.stdout)).unwrap();
    assert_eq!(s.institutions.len(), 1 + 8);
    assert_eq!(s.institutions[0].id, "p-001");
    assert_eq!(s.institutions[1].county.as_deref(), Some("lanshan"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn cli_import_with_boundaries_gives_counties_by_point_in_polygon() {
    let g = fixture_path("linyi-gcj02.geojson");
    let g = g.to_str().unwrap();
    let o = dingdian(&["import", "--institutions", g, "--boundaries", g, "--crs", "gcj02", "--city", "临沂市"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("1 outlines, 1 new counties"), "{err}");
    let s: Scenario = parse(&String::from_utf8_lossy(&o.stdout)).unwrap();
    assert_eq!((s.counties.len(), s.counties[0].id.as_str()), (1, "兰山区"));
    let counties: Vec<Option<&str>> = s.institutions.iter().map(|i| i.county.as_deref()).collect();
    assert_eq!(counties, [Some("兰山区"), Some("兰山区"), None]);
}

#[test]
fn cli_import_errors_name_the_file() {
    let o = dingdian(&["import", "--institutions", "/no/such/file.csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot read /no/such/file.csv"));
    let o = dingdian(&["import", "--institutions", fixture_path("cells.tsv").to_str().unwrap(), "--crs", "mars"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--crs: \"mars\" is not wgs84, gcj02 or bd09"));
    let o = dingdian(&["import"]);
    assert_eq!(o.status.code(), Some(2));
}

/// Found by fuzzing (fuzz/corpus/import_csv/regression-months-past-range.csv): a months figure past the contract's
/// range (0–12,000, what the scenario validator accepts) was taken by the importer, and the whole
/// import then failed as a scenario. The row is refused on its own, naming the column and the range.
#[test]
fn a_months_figure_out_of_range_is_refused_on_its_row() {
    let csv = "编号,机构类型,经度,纬度,运营月数\nA1,药店,118.35,35.05,500269\nA2,药店,118.36,35.06,6\n";
    let opts = ImportOptions { bounds: Some(LINYI), counties: counties(), ..ImportOptions::new(Target::Applications) };
    let imp = import(Format::Csv, csv.as_bytes(), opts).unwrap();
    let months = issue_at(&imp.report, 2);
    assert_eq!(
        (months.problem, months.column.as_deref(), months.value.as_str()),
        (Problem::OutOfRange, Some("运营月数"), "500269")
    );
    assert!(months.reason.en.contains("between 0 and 12,000"), "{:?}", months.reason);
    assert_eq!(imp.applications.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["A2"]);
    imp.apply(&linyi_sample(), Merge::Replace).expect("what was imported validates");
}
