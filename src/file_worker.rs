//! The app's file worker: reading files to import and writing files to download, in a second
//! wasm (`src/bin/dingdian-io.rs`) that the page loads into a Web Worker the first time a file
//! is imported or exported. The page's own wasm then carries none of the file formats (CSV,
//! xlsx/xls, GeoJSON, the GBK tables, zip), and parsing 100,000 rows runs off the page's thread.
//!
//! This module is the worker's whole behaviour as a plain function, `handle`, over plain data,
//! so that native tests run exactly what the worker does; the bin only moves messages. One
//! request (JSON, with the file's bytes beside it) gives replies through `post`: progress while
//! rows are read, then one last reply (`Reply::is_last`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::planning::{plan_table_csv, plan_table_xlsx, PlanCell};
use crate::results::{results_csv, results_xlsx, ResultRow};
use crate::scenario::import::session::{self, Preview, CHUNK_ROWS};
use crate::scenario::import::{
    Boundaries, ColumnMapping, Crs, Format, ImportOptions, ImportReport, Imported, Importer, Progress,
};
use crate::text::{Lang, Text};

/// What the page asks of the worker. The file (`Sheets`, `Import`, `Boundaries`) travels beside
/// the request as bytes.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Request {
    /// A workbook's sheet names (empty for another format or an unreadable file).
    Sheets {
        format: Format,
    },
    /// Rows of a file into records, as the import panel runs it.
    Import(ImportJob),
    /// County outlines from GeoJSON.
    Boundaries {
        crs: Crs,
        counties: Vec<(String, String)>,
    },
    ResultsCsv {
        rows: Vec<ResultRow>,
        lang: Lang,
    },
    ResultsXlsx {
        rows: Vec<ResultRow>,
        lang: Lang,
    },
    PlanCsv {
        headers: Vec<String>,
        rows: Vec<Vec<PlanCell>>,
    },
    PlanXlsx {
        headers: Vec<String>,
        rows: Vec<Vec<PlanCell>>,
        lang: Lang,
    },
    /// Every refused row and value of a report as CSV.
    IssuesCsv {
        report: ImportReport,
        lang: Lang,
    },
}

/// An import: the options of `session::options_for` (the mapping in them is replaced by
/// `mapping` or a remembered one), the mapping the user gave in the dialog, and the mappings
/// remembered in the browser (the worker cannot read localStorage) under `session::mapping_key`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ImportJob {
    pub format: Format,
    pub options: ImportOptions,
    pub mapping: Option<ColumnMapping>,
    pub remembered: BTreeMap<String, ColumnMapping>,
}

/// What the worker answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// Rows read so far (not the last reply).
    Progress(Progress),
    /// The mapping the user gave, to be remembered under this key (not the last reply).
    Remember {
        key: String,
        mapping: ColumnMapping,
    },
    Sheets(Vec<String>),
    /// The finished import, and how long its parts took in the worker (ms).
    Imported {
        imported: Box<Imported>,
        new_ms: f64,
        rows_ms: f64,
        longest_chunk_ms: f64,
    },
    /// The columns were not recognised: the mapping dialog, with the file's first rows.
    Mapping {
        preview: Preview,
        error: Text,
    },
    Boundaries(Boundaries),
    /// A file to download; the bytes travel beside the reply.
    File {
        #[serde(skip)]
        bytes: Vec<u8>,
    },
    /// Why the request failed, as the page shows it.
    Failed(Text),
}

impl Reply {
    /// Whether nothing more comes for the request.
    pub fn is_last(&self) -> bool {
        !matches!(self, Reply::Progress(_) | Reply::Remember { .. })
    }
}

/// Runs one request. `now` is a clock in milliseconds (only for the timings reported).
pub fn handle(request: Request, bytes: Vec<u8>, now: &dyn Fn() -> f64, post: &mut dyn FnMut(Reply)) {
    // The writer's own message: the page puts its sentence before it.
    let file = |r: Result<Vec<u8>, crate::scenario::export::ExportError>| match r {
        Ok(b) => Reply::File { bytes: b },
        Err(e) => Reply::Failed(Text::new(e.to_string(), e.to_string())),
    };
    let reply = match request {
        Request::Sheets { format } => Reply::Sheets(session::sheets(format, &bytes)),
        Request::Import(job) => return import(job, &bytes, now, post),
        Request::Boundaries { crs, counties } => match Boundaries::from_geojson(&bytes, crs, &counties) {
            Ok(b) => Reply::Boundaries(b),
            Err(e) => Reply::Failed(e.message),
        },
        Request::ResultsCsv { rows, lang } => Reply::File { bytes: results_csv(&rows, lang) },
        Request::ResultsXlsx { rows, lang } => file(results_xlsx(&rows, lang)),
        Request::PlanCsv { headers, rows } => Reply::File { bytes: plan_table_csv(&headers, &rows) },
        Request::PlanXlsx { headers, rows, lang } => file(plan_table_xlsx(&headers, &rows, lang)),
        Request::IssuesCsv { report, lang } => Reply::File { bytes: session::issues_csv(&report, lang) },
    };
    post(reply)
}

/// The import panel's run: the importer finds the layout (a mapping remembered for the header
/// wins over its recognition); when it cannot, the file's first rows go back for the mapping
/// dialog, unless a remembered mapping fits one of them. Then the rows in `CHUNK_ROWS` chunks,
/// with progress after each.
fn import(job: ImportJob, bytes: &[u8], now: &dyn Fn() -> f64, post: &mut dyn FnMut(Reply)) {
    let ImportJob { format, options, mapping, remembered } = job;
    let target = options.target;
    let with = |m: ColumnMapping| ImportOptions { mapping: m, ..options.clone() };
    let lookup = |k: &str| remembered.get(k).cloned();
    let given = mapping.is_some();
    let t0 = now();
    let mut importer = match Importer::new(format, bytes, with(mapping.clone().unwrap_or_default())) {
        Ok(mut imp) => {
            if !given {
                if let Some(m) = lookup(&session::mapping_key(target, &imp.layout().headers)) {
                    let header_row = imp.layout().header_row;
                    let _ = imp.remap(ColumnMapping { header_row, ..m });
                }
            }
            imp
        }
        Err(e) => {
            let preview = match session::preview(format, bytes, options.sheet.as_deref()) {
                Ok(p) if !p.rows.is_empty() => p,
                _ => return post(Reply::Failed(e.message)),
            };
            let found = if given { None } else { session::remembered(&preview, target, lookup) };
            match found.and_then(|m| Importer::new(format, bytes, with(m)).ok()) {
                Some(imp) => imp,
                None => return post(Reply::Mapping { preview, error: e.message }),
            }
        }
    };
    if let Some(m) = mapping {
        post(Reply::Remember { key: session::mapping_key(target, &importer.layout().headers), mapping: m });
    }
    let new_ms = now() - t0;
    let mut longest = 0.0f64;
    loop {
        let tc = now();
        let p = importer.step(CHUNK_ROWS);
        longest = longest.max(now() - tc);
        if p.done {
            break;
        }
        post(Reply::Progress(p));
    }
    let imported = Box::new(importer.finish());
    post(Reply::Imported { imported, new_ms, rows_ms: now() - t0, longest_chunk_ms: longest })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::import::Target;

    fn run(request: Request, bytes: &[u8]) -> Vec<Reply> {
        let mut out = Vec::new();
        handle(request, bytes.to_vec(), &|| 0.0, &mut |r| out.push(r));
        out
    }

    /// Through JSON both ways, as the messages travel.
    fn wire(r: &Reply) -> Reply {
        serde_json::from_str(&serde_json::to_string(r).unwrap()).unwrap()
    }

    fn job(mapping: Option<ColumnMapping>, remembered: BTreeMap<String, ColumnMapping>) -> Request {
        Request::Import(ImportJob {
            format: Format::Csv,
            options: ImportOptions::new(Target::Institutions),
            mapping,
            remembered,
        })
    }

    #[test]
    fn an_import_reports_progress_then_the_records_with_refused_rows() {
        let mut csv = String::from("编号,名称,类型,经度,纬度\n");
        for k in 0..5_000 {
            csv.push_str(&format!("C{k},药店{k},零售药店,118.3{},35.0{}\n", k % 10, k % 7));
        }
        csv.push_str("X,坏行,零售药店,abc,35.0\n");
        let replies = run(job(None, BTreeMap::new()), csv.as_bytes());
        let progress = replies.iter().filter(|r| matches!(r, Reply::Progress(_))).count();
        assert_eq!(progress, 2, "5,001 rows in chunks of 2,000");
        let Some(Reply::Imported { imported, .. }) = replies.last().map(wire) else { panic!("{:?}", replies.last()) };
        assert_eq!((imported.institutions.len(), imported.report.errors), (5_000, 1));
        let issue = &imported.report.issues[0];
        assert_eq!((issue.row, issue.column.as_deref()), (5_002, Some("经度")));
        // What arrives is what the importer made.
        let Some(Reply::Imported { imported: here, .. }) = replies.last() else { unreachable!() };
        assert_eq!(imported, *here);
    }

    #[test]
    fn unknown_headers_ask_for_a_mapping_and_a_remembered_one_is_used() {
        let csv = "甲,乙,丙,丁\n兰山药店,118.33,35.06,零售药店\n";
        let replies = run(job(None, BTreeMap::new()), csv.as_bytes());
        let Some(Reply::Mapping { preview, .. }) = replies.last().map(wire) else { panic!("{:?}", replies.last()) };
        assert_eq!(preview.rows[0].cells, ["甲", "乙", "丙", "丁"]);
        let fields = [
            crate::scenario::import::Field::Name,
            crate::scenario::import::Field::Lon,
            crate::scenario::import::Field::Lat,
            crate::scenario::import::Field::Kind,
        ];
        let headers = preview.headers_at(Some(1));
        let m = session::mapping_of(Some(1), &headers, &fields.map(Some));
        // Given in the dialog: remembered under the header, then imported.
        let replies = run(job(Some(m.clone()), BTreeMap::new()), csv.as_bytes());
        let Reply::Remember { key, mapping } = &replies[0] else { panic!("{:?}", replies[0]) };
        assert!(matches!(replies.last(), Some(Reply::Imported { imported, .. }) if imported.institutions.len() == 1));
        // The next file with that header finds it without the dialog.
        let remembered = BTreeMap::from([(key.clone(), ColumnMapping { header_row: None, ..mapping.clone() })]);
        let replies = run(job(None, remembered), "标题\n甲,乙,丙,丁\n河东药店,118.41,35.09,零售药店\n".as_bytes());
        assert!(
            matches!(replies.last(), Some(Reply::Imported { imported, .. }) if imported.institutions.len() == 1),
            "{:?}",
            replies.last()
        );
    }

    #[test]
    fn an_unreadable_workbook_says_why() {
        let request = Request::Import(ImportJob {
            format: Format::Xlsx,
            options: ImportOptions::new(Target::Institutions),
            mapping: None,
            remembered: BTreeMap::new(),
        });
        let replies = run(request, b"PK\x03\x04 not really a workbook");
        assert!(matches!(replies.last(), Some(Reply::Failed(t)) if t.en.contains("workbook")), "{:?}", replies.last());
    }

    #[test]
    fn boundaries_travel_as_rings() {
        let gj = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"兰山区"},
            "geometry":{"type":"Polygon","coordinates":[[[118.2,35.0],[118.4,35.0],[118.4,35.2],[118.2,35.2],[118.2,35.0]]]}}]}"#;
        let counties = vec![("lanshan".to_string(), "兰山区".to_string())];
        let replies = run(Request::Boundaries { crs: Crs::Wgs84, counties }, gj.as_bytes());
        let Some(Reply::Boundaries(b)) = replies.last() else { panic!("{:?}", replies.last()) };
        let back = wire(&replies[0]);
        assert_eq!(back, Reply::Boundaries(b.clone()));
        let Reply::Boundaries(back) = back else { unreachable!() };
        assert_eq!(back.county_of(118.3, 35.1), Some("lanshan"));
    }

    #[test]
    fn files_are_the_exports_bytes() {
        let rows = vec![ResultRow {
            id: "A1".into(),
            name: Some("药店, \"甲\"".into()),
            kind: crate::scenario::Kind::Pharmacy,
            lon: 118.3,
            lat: 35.05,
            county: None,
            outcome: crate::engine::Outcome::Accepted,
            deciding_rule: None,
            clause: None,
            nearest_same_type_m: Some(812.3),
        }];
        let Request::ResultsCsv { rows: back, lang } = serde_json::from_str(
            &serde_json::to_string(&Request::ResultsCsv { rows: rows.clone(), lang: Lang::Zh }).unwrap(),
        )
        .unwrap() else {
            unreachable!()
        };
        assert_eq!(
            run(Request::ResultsCsv { rows: back, lang }, b""),
            [Reply::File { bytes: results_csv(&rows, Lang::Zh) }]
        );
        let xlsx = run(Request::ResultsXlsx { rows, lang: Lang::En }, b"");
        assert!(matches!(&xlsx[..], [Reply::File { bytes: b }] if b.starts_with(b"PK\x03\x04")));
    }
}
