//! What the app's import panel does around the `Importer`, as plain functions over plain data so
//! that the native tests run the app's exact path:
//!
//! - `preview`: the first rows of a file as read, for the column-mapping dialog when the importer
//!   cannot find the header or the coordinate columns by itself;
//! - `mapping_key` / `remembered`: a mapping the user gave once is stored under the text of its
//!   header row and found again in the next file with the same header;
//! - `options_for`: the options of an import into a scenario (its counties, the bounds that
//!   refuse rows outside the city, imported county boundaries);
//! - `run`: the chunked loop (`CHUNK_ROWS` rows a step) the app spreads over the event loop;
//! - `issues_csv`: every refused row and value as a CSV file (UTF-8 with BOM, for Excel).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::columns::{fields_of, ColumnMapping};
use super::{
    geojson, xlsx, Boundaries, Bounds, Crs, Format, ImportError, ImportOptions, ImportReport, Imported, Importer,
    RawRow, Target,
};
use crate::scenario::Field;
use crate::scenario::Scenario;
use crate::text::{Lang, Text};

/// Rows converted between two returns to the browser's event loop.
pub const CHUNK_ROWS: usize = 2_000;
/// Rows of a file shown by the mapping dialog (and searched for a remembered header).
pub const PREVIEW_ROWS: usize = 30;
/// Rows outside the scenario's extent by more than this are refused as outside the city.
pub const BOUNDS_MARGIN_M: f64 = 30_000.0;

/// The first rows of a file, as the mapping dialog shows them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Preview {
    pub format: Format,
    /// Workbooks: every sheet, and the one read.
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
    /// CSV and workbooks: the first non-blank rows, numbered as the file numbers them.
    pub rows: Vec<RawRow>,
    /// GeoJSON: the property names (the columns), and the first features' values in `rows`.
    pub headers: Option<Vec<String>>,
}

impl Preview {
    /// The columns when `header_row` holds the headers (GeoJSON: the property names).
    pub fn headers_at(&self, header_row: Option<usize>) -> Vec<String> {
        if let Some(h) = &self.headers {
            return h.clone();
        }
        let row = header_row.and_then(|h| self.rows.iter().find(|r| r.row == h)).or(self.rows.first());
        row.map(|r| trim_trailing(&r.cells)).unwrap_or_default()
    }

    /// The rows under the header, for the dialog's sample values.
    pub fn sample_after(&self, header_row: Option<usize>, n: usize) -> Vec<Vec<String>> {
        match (&self.headers, header_row) {
            (Some(_), _) | (None, None) => self.rows.iter().take(n).map(|r| r.cells.clone()).collect(),
            (None, Some(h)) => self.rows.iter().filter(|r| r.row > h).take(n).map(|r| r.cells.clone()).collect(),
        }
    }
}

fn trim_trailing(cells: &[String]) -> Vec<String> {
    let end = cells.iter().rposition(|c| !c.trim().is_empty()).map(|i| i + 1).unwrap_or(0);
    cells[..end].to_vec()
}

/// Reads the first `PREVIEW_ROWS` non-blank rows (GeoJSON: the property names and the first
/// features), without looking for a header.
pub fn preview(format: Format, bytes: &[u8], sheet: Option<&str>) -> Result<Preview, ImportError> {
    if let Some(m) = crate::limits::file_too_large("文件 / the file", bytes.len() as u64) {
        return Err(m.into());
    }
    let blank = |r: &RawRow| r.point.is_none() && r.cells.iter().all(|c| c.trim().is_empty());
    match format {
        Format::Csv => {
            let mut c = super::csv::CsvRows::new(bytes);
            let mut rows = Vec::new();
            while rows.len() < PREVIEW_ROWS {
                match c.next_row() {
                    Some(Ok(r)) if blank(&r) => continue,
                    Some(Ok(r)) => rows.push(r),
                    Some(Err(e)) => {
                        return Err(
                            Text::new(format!("无法读取 CSV：{e}"), format!("cannot read the CSV file: {e}")).into()
                        )
                    }
                    None => break,
                }
            }
            Ok(Preview { format, rows, ..Default::default() })
        }
        Format::Xlsx => {
            let s = xlsx::read_sheet(bytes, sheet)?;
            let rows = s.rows.into_iter().filter(|r| !blank(r)).take(PREVIEW_ROWS).collect();
            Ok(Preview { format, sheets: s.sheets, sheet: Some(s.name), rows, headers: None })
        }
        Format::GeoJson => {
            let p = geojson::read_points(bytes)?;
            let rows = p.rows.into_iter().take(PREVIEW_ROWS).collect();
            Ok(Preview { format, rows, headers: Some(p.headers), ..Default::default() })
        }
    }
}

/// The sheets of a workbook (empty for other formats or an unreadable file).
pub fn sheets(format: Format, bytes: &[u8]) -> Vec<String> {
    match format {
        Format::Xlsx => xlsx::read_sheet(bytes, None).map(|s| s.sheets).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Where a mapping is remembered: the header row's text (trailing empty cells left out), so the
/// same bureau's next list finds it whatever its title rows.
pub fn mapping_key(target: Target, headers: &[String]) -> String {
    let cells: Vec<String> = trim_trailing(headers).iter().map(|h| h.trim().to_string()).collect();
    format!("dingdian.mapping.{}:{}", target.id(), cells.join("\u{1f}"))
}

/// The remembered mapping for the first row of `preview` whose key `lookup` knows, with that row
/// as the header row (GeoJSON: the property names).
pub fn remembered(
    preview: &Preview,
    target: Target,
    lookup: impl Fn(&str) -> Option<ColumnMapping>,
) -> Option<ColumnMapping> {
    if let Some(h) = &preview.headers {
        return lookup(&mapping_key(target, h)).map(|m| ColumnMapping { header_row: None, ..m });
    }
    preview
        .rows
        .iter()
        .find_map(|r| lookup(&mapping_key(target, &r.cells)).map(|m| ColumnMapping { header_row: Some(r.row), ..m }))
}

/// The mapping the dialog starts from: each column's recognised field (or the given mapping's).
pub fn initial_fields(headers: &[String], mapping: &ColumnMapping, target: Target) -> Vec<Option<Field>> {
    fields_of(headers, mapping, target).0
}

/// The user's choices as a mapping: every column named, unchosen ones as `ignore` (so the
/// built-in recognition does not override what the user left out).
pub fn mapping_of(header_row: Option<usize>, headers: &[String], chosen: &[Option<Field>]) -> ColumnMapping {
    let mut columns = BTreeMap::new();
    for (h, f) in headers.iter().zip(chosen) {
        let h = h.trim();
        if h.is_empty() || columns.contains_key(h) {
            continue;
        }
        columns.insert(h.to_string(), f.unwrap_or(Field::Ignore));
    }
    ColumnMapping { header_row, columns }
}

/// What the dialog shows for a field: the fields a column of `target` can hold, `ignore` last.
pub fn fields_for(target: Target) -> Vec<Field> {
    Field::ALL.into_iter().filter(|f| *f != Field::Ignore && f.applies_to(target)).collect()
}

/// The options of an import into `s`: its counties (a county cell may give the id or the name),
/// bounds around its cells or institutions (or the imported boundaries) so that a row geocoded
/// in another city is refused, and the boundaries for rows without a county.
pub fn options_for(
    target: Target,
    crs: Crs,
    sheet: Option<String>,
    mapping: ColumnMapping,
    s: &Scenario,
    boundaries: Option<&Boundaries>,
) -> ImportOptions {
    let bounds = match boundaries.and_then(|b| b.extent(BOUNDS_MARGIN_M)) {
        Some(b) => Some(b),
        // Replacing the cells may move the city: only the world's bounds are checked.
        None if target == Target::Cells => None,
        None => Bounds::of_scenario(s, BOUNDS_MARGIN_M),
    };
    ImportOptions { crs, sheet, mapping, bounds, boundaries: boundaries.cloned(), ..ImportOptions::new(target) }
        .with_counties_of(s)
}

/// Runs an importer to the end in the app's chunks.
pub fn run(mut importer: Importer) -> Imported {
    while !importer.step(CHUNK_ROWS).done {}
    importer.finish()
}

/// Every issue of a report as CSV (UTF-8 with BOM): row, column, value, severity, reason, and the
/// whole message as the panel shows it.
pub fn issues_csv(report: &ImportReport, lang: Lang) -> Vec<u8> {
    let headers: [&str; 6] = match lang {
        Lang::Zh => ["行", "列", "值", "处理", "原因", "说明"],
        Lang::En => ["row", "column", "value", "outcome", "reason", "message"],
    };
    let mut w = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(b"\xEF\xBB\xBF".to_vec());
    let _ = w.write_record(headers);
    for i in &report.issues {
        let severity = match (i.severity, lang) {
            (super::Severity::Error, Lang::Zh) => "未导入",
            (super::Severity::Error, Lang::En) => "row refused",
            (super::Severity::Warning, Lang::Zh) => "已导入，值未用",
            (super::Severity::Warning, Lang::En) => "imported without the value",
        };
        let _ = w.write_record([
            i.row.to_string(),
            i.column.clone().unwrap_or_default(),
            i.value.clone(),
            severity.to_string(),
            i.reason.get(lang).to_string(),
            report.describe_issue(i, lang),
        ]);
    }
    w.into_inner().unwrap_or_default()
}
