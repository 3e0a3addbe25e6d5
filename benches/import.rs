//! `cargo bench --bench import`: importing 100,000 rows natively, as the app does it (chunks of
//! 5,000 rows, each chunk timed: the longest is how long the page would not respond), from a GBK
//! CSV in GCJ-02, a UTF-8 CSV in WGS-84, an xlsx workbook and a GeoJSON file; and the exports.
//! Medians of three runs. Wall-clock figures are reported, never asserted.

use std::time::{Duration, Instant};

use dingdian::results::tables_xlsx;
use dingdian::scenario::export::{institutions_geojson, table_csv};
use dingdian::scenario::import::{Bounds, Crs, Format, ImportOptions, Importer, Target};
use dingdian::scenario::Scenario;
use dingdian::text::Lang;

const ROWS: usize = 100_000;
const CHUNK: usize = 5_000;

/// 100,000 institutions across Linyi, kinds and counties in Chinese, coordinates in `crs`.
fn table(crs: Crs) -> String {
    let mut s =
        String::from("临沂市定点医药机构名单（2024年）,,,,,,\n编号,机构名称,机构类型,类别,经度,纬度,所属区县\n");
    let mut seed = 20250728u64;
    let mut rnd = || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    for i in 0..ROWS {
        let (kind, name) =
            [("零售药店", "大药房"), ("诊所", "诊所"), ("村卫生室", "卫生室"), ("综合医院", "人民医院")][i % 4];
        let cat = if i % 4 == 0 { "普通、门诊慢特病" } else { "" };
        let county = ["兰山区", "罗庄区", "河东区"][i % 3];
        let (lon, lat) = crs.from_wgs84(117.6 + rnd() * 1.6, 34.4 + rnd() * 1.7);
        s.push_str(&format!("D{i:06},临沂市第{i}{name},{kind},{cat},{lon:.6},{lat:.6},{county}\n"));
    }
    s
}

fn options(crs: Crs) -> ImportOptions {
    let counties = [("lanshan", "兰山区"), ("luozhuang", "罗庄区"), ("hedong", "河东区")];
    ImportOptions {
        crs,
        bounds: Some(Bounds { west: 117.3, south: 34.2, east: 119.3, north: 36.3 }),
        counties: counties.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect(),
        ..ImportOptions::new(Target::Institutions)
    }
}

/// (Importer::new, total, longest chunk, rows imported)
fn run(format: Format, bytes: &[u8], crs: Crs) -> (Duration, Duration, Duration, usize) {
    let t0 = Instant::now();
    let mut imp = Importer::new(format, bytes, options(crs)).expect("imports");
    let opened = t0.elapsed();
    let mut longest = opened;
    loop {
        let t = Instant::now();
        let p = imp.step(CHUNK);
        longest = longest.max(t.elapsed());
        if p.done {
            break;
        }
    }
    let n = imp.finish().institutions.len();
    (opened, t0.elapsed(), longest, n)
}

fn median<T: Ord + Copy>(mut v: Vec<T>) -> T {
    v.sort();
    v[v.len() / 2]
}

fn measure(label: &str, format: Format, bytes: &[u8], crs: Crs) {
    let runs: Vec<_> = (0..3).map(|_| run(format, bytes, crs)).collect();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{label:<44} {:>6.1} MB  open {:>7.1} ms  total {:>7.1} ms  longest step {:>6.1} ms  ({} rows)",
        bytes.len() as f64 / 1e6,
        ms(median(runs.iter().map(|r| r.0).collect())),
        ms(median(runs.iter().map(|r| r.1).collect())),
        ms(median(runs.iter().map(|r| r.2).collect())),
        runs[0].3
    );
}

fn main() {
    println!("importing {ROWS} rows, chunks of {CHUNK} (medians of 3)");
    let gcj = table(Crs::Gcj02);
    let gbk = encoding_rs::GBK.encode(&gcj).0.into_owned();
    measure("CSV, GBK, title row, GCJ-02", Format::Csv, &gbk, Crs::Gcj02);
    let wgs = table(Crs::Wgs84);
    measure("CSV, UTF-8, title row, WGS-84", Format::Csv, wgs.as_bytes(), Crs::Wgs84);
    let bd = table(Crs::Bd09);
    measure("CSV, UTF-8, title row, BD-09", Format::Csv, bd.as_bytes(), Crs::Bd09);

    // The WGS-84 table imported once, then exported and imported again in the other formats.
    let base: Scenario = serde_json::from_str(r#"{"policy": {"preset": "linyi-2025"}, "city": {"name": "临沂市"},
        "counties": [{"id": "lanshan", "name": "兰山区"}, {"id": "luozhuang", "name": "罗庄区"}, {"id": "hedong", "name": "河东区"}]}"#)
        .expect("base scenario");
    let imported = Importer::new(Format::Csv, wgs.as_bytes(), options(Crs::Wgs84)).expect("imports").finish();
    let s = imported.apply(&base, dingdian::scenario::import::Merge::Replace).expect("applies").scenario;
    let t = Instant::now();
    let book = tables_xlsx(&s, None, Lang::Zh).expect("xlsx");
    println!(
        "export xlsx workbook ({} institutions)                {:>7.1} ms",
        s.institutions.len(),
        t.elapsed().as_secs_f64() * 1000.0
    );
    let t = Instant::now();
    let csv = table_csv(&s, Target::Institutions, Lang::Zh);
    println!("export CSV table                                         {:>7.1} ms", t.elapsed().as_secs_f64() * 1000.0);
    let t = Instant::now();
    let geo = institutions_geojson(&s);
    println!("export GeoJSON layer                                     {:>7.1} ms", t.elapsed().as_secs_f64() * 1000.0);
    let with_sheet = |mut o: ImportOptions| {
        o.sheet = Some("医药机构".into());
        o
    };
    let runs: Vec<_> = (0..3)
        .map(|_| {
            let t0 = Instant::now();
            let mut imp = Importer::new(Format::Xlsx, &book, with_sheet(options(Crs::Wgs84))).expect("xlsx");
            let opened = t0.elapsed();
            let mut longest = opened;
            while !imp.progress().done {
                let t = Instant::now();
                imp.step(CHUNK);
                longest = longest.max(t.elapsed());
            }
            (opened, t0.elapsed(), longest)
        })
        .collect();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{:<44} {:>6.1} MB  open {:>7.1} ms  total {:>7.1} ms  longest step {:>6.1} ms",
        "xlsx (exported above)",
        book.len() as f64 / 1e6,
        ms(median(runs.iter().map(|r| r.0).collect())),
        ms(median(runs.iter().map(|r| r.1).collect())),
        ms(median(runs.iter().map(|r| r.2).collect()))
    );
    measure("CSV (exported above, UTF-8 with BOM)", Format::Csv, &csv, Crs::Wgs84);
    measure("GeoJSON (exported above)", Format::GeoJson, geo.as_bytes(), Crs::Wgs84);
}
