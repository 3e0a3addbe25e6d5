//! Import of designated institutions, applications and population cells from the files bureaus
//! publish: CSV (UTF-8 with or without BOM, GBK/GB18030, UTF-16; comma or tab), workbooks (xlsx,
//! xls; the first sheet or a chosen one) and GeoJSON (points; polygons are `Boundaries`).
//!
//! Everything here is a pure function over bytes: the app reads a file with the browser's file
//! picker and hands over the bytes; the command line reads it from disk.
//!
//! - `Importer::new(format, bytes, options)` decodes the file and finds its layout (encoding,
//!   delimiter, sheet, the header row under any title rows, which column holds which field):
//!   `Importer::layout` is what a mapping dialog shows; `Importer::remap` applies the user's
//!   `ColumnMapping` before any row is read.
//! - `Importer::step(n)` converts up to `n` rows and reports `Progress`, so the app yields to the
//!   browser between chunks (and cancels by dropping the importer). `Importer::finish` runs the
//!   rest and returns `Imported`: the new records and an `ImportReport` whose `RowIssue`s name the
//!   row as the file shows it (1-based, counting the header and title rows; for GeoJSON the
//!   feature number), the column and the reason.
//! - Nothing touches the caller's scenario: `Imported::apply` returns a new one.
//!
//! Coordinates are converted to WGS-84 from the file's `Crs` (GCJ-02 for AMap and Tencent, BD-09
//! for Baidu). Decoding a CSV file, parsing a workbook's sheet and parsing a GeoJSON document
//! happen at once in `Importer::new`; the per-row work (parsing, checks, conversion, county
//! lookup) is what `step` spreads out.

mod columns;
mod crs;
mod csv;
mod geojson;
pub mod session;
mod xlsx;

use std::collections::{HashMap, VecDeque};

use rustc_hash::FxHashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

pub use self::columns::{
    clean, column_letter, find_header, normalize, parse_bool, parse_categories, parse_date, parse_degrees, parse_kind,
    parse_number, parse_pair, parse_specialty, parse_subtype, recognize, ColumnMapping, KindReading,
};
// The contract's fields, named once for the import and the application form.
pub use self::crs::{
    bd09_to_gcj02, bd09_to_wgs84, gcj02_to_bd09, gcj02_to_wgs84, out_of_china, wgs84_to_bd09, wgs84_to_gcj02, Crs,
};
pub use self::csv::decode;
pub use self::geojson::{Boundaries, Boundary};
use super::types::*;
use super::validate::{
    field_fits_kind, field_range, scope_fits_kind, scope_names_institution, validate, ScenarioError, LAT, LON,
};
pub use crate::scenario::Field;
use crate::text::{Lang, Text};

/// What the rows of a file become.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    #[default]
    Institutions,
    Applications,
    #[serde(rename = "population_cells")]
    Cells,
}

impl Target {
    pub const ALL: [Target; 3] = [Target::Institutions, Target::Applications, Target::Cells];

    /// The scenario's key: `institutions`, `applications`, `population_cells`.
    pub fn id(self) -> &'static str {
        match self {
            Target::Institutions => "institutions",
            Target::Applications => "applications",
            Target::Cells => "population_cells",
        }
    }

    pub fn label(self) -> Text {
        match self {
            Target::Institutions => Text::new("医药机构", "institutions"),
            Target::Applications => Text::new("申请", "applications"),
            Target::Cells => Text::new("人口格网", "population cells"),
        }
    }
}

/// A file's format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    #[default]
    Csv,
    /// xlsx, and the other workbooks calamine reads (xls, xlsb, ods).
    Xlsx,
    GeoJson,
}

impl Format {
    /// By the bytes (a zip or an OLE container is a workbook; a JSON object with a `"type"` is
    /// GeoJSON), then by the file name's extension; CSV otherwise.
    pub fn detect(file_name: &str, bytes: &[u8]) -> Format {
        if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0") {
            return Format::Xlsx;
        }
        let head = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let head = &head[..head.len().min(4096)];
        let first = head.iter().find(|b| !b.is_ascii_whitespace());
        if first == Some(&b'{') && head.windows(6).any(|w| w == b"\"type\"") {
            return Format::GeoJson;
        }
        let ext = file_name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => Format::Xlsx,
            "geojson" | "json" => Format::GeoJson,
            _ => Format::Csv,
        }
    }
}

/// A rectangle in WGS-84 degrees: rows outside it are refused ("outside the city").
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bounds {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl Bounds {
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        (self.west..=self.east).contains(&lon) && (self.south..=self.north).contains(&lat)
    }

    /// The rectangle around points, widened by `margin_m` metres on every side.
    pub fn around(points: impl IntoIterator<Item = (f64, f64)>, margin_m: f64) -> Option<Bounds> {
        let mut b: Option<Bounds> = None;
        for (lon, lat) in points {
            if !lon.is_finite() || !lat.is_finite() {
                continue;
            }
            b = Some(match b {
                None => Bounds { west: lon, south: lat, east: lon, north: lat },
                Some(b) => Bounds {
                    west: b.west.min(lon),
                    south: b.south.min(lat),
                    east: b.east.max(lon),
                    north: b.north.max(lat),
                },
            });
        }
        let b = b?;
        let dlat = margin_m / 111_195.0;
        let mid = ((b.south + b.north) / 2.0).to_radians().cos().max(0.01);
        let dlon = margin_m / (111_195.0 * mid);
        Some(Bounds {
            west: (b.west - dlon).max(-180.0),
            south: (b.south - dlat).max(-90.0),
            east: (b.east + dlon).min(180.0),
            north: (b.north + dlat).min(90.0),
        })
    }

    /// The extent of a scenario's population cells, else of its institutions, plus a margin.
    pub fn of_scenario(s: &Scenario, margin_m: f64) -> Option<Bounds> {
        if !s.population_cells.is_empty() {
            Bounds::around(s.population_cells.iter().map(|c| (c.lon, c.lat)), margin_m)
        } else {
            Bounds::around(s.institutions.iter().map(|i| (i.lon, i.lat)), margin_m)
        }
    }

    /// "west,south,east,north".
    pub fn parse(s: &str) -> Option<Bounds> {
        let v: Vec<f64> = s.split(',').map(|p| p.trim().parse::<f64>()).collect::<Result<_, _>>().ok()?;
        match v.as_slice() {
            [w, s, e, n] if w < e && s < n => Some(Bounds { west: *w, south: *s, east: *e, north: *n }),
            _ => None,
        }
    }
}

/// How to read a file.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ImportOptions {
    pub target: Target,
    /// The coordinate system of the file's coordinates (also of GeoJSON geometry).
    pub crs: Crs,
    /// A workbook's sheet by name; the first when absent.
    pub sheet: Option<String>,
    pub mapping: ColumnMapping,
    /// Rows outside are refused; absent, only -180..180 and -90..90 are checked.
    pub bounds: Option<Bounds>,
    /// The scenario's counties `(id, name)`: a county cell may give either (兰山区 or lanshan; 兰山
    /// for 兰山区), and one matching none is dropped with a warning. Empty: county cells are
    /// kept as they are, and `Imported::apply` adds the counties they name.
    pub counties: Vec<(String, String)>,
    /// Fills the county of rows without one (or with an unknown one) by point in polygon.
    pub boundaries: Option<Boundaries>,
    /// The kind of rows whose kind column is absent or empty (before guessing from the name).
    pub default_kind: Option<Kind>,
    /// Rows without an id get `prefix + row number`; default `i-` for institutions, `a-` for
    /// applications.
    pub id_prefix: Option<String>,
}

impl ImportOptions {
    pub fn new(target: Target) -> Self {
        ImportOptions { target, ..Default::default() }
    }

    /// Takes the counties of the scenario the rows will join.
    pub fn with_counties_of(mut self, s: &Scenario) -> Self {
        self.counties = s.counties.iter().map(|c| (c.id.clone(), c.name.clone())).collect();
        self
    }
}

/// The county id a cell names, among `(id, name)` pairs: the id, the name, or the name without its
/// 区/县/市 suffix ("兰山" for 兰山区).
pub fn match_county(value: &str, counties: &[(String, String)]) -> Option<String> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    if let Some((id, _)) = counties.iter().find(|(id, name)| id == v || name == v) {
        return Some(id.clone());
    }
    let strip = |s: &str| {
        let n = normalize(s);
        let mut t = n.as_str();
        for suffix in ["自治县", "新区", "区", "县", "市", "旗"] {
            if let Some(x) = t.strip_suffix(suffix) {
                if x.chars().count() >= 2 {
                    t = x;
                    break;
                }
            }
        }
        t.to_string()
    };
    let nv = strip(v);
    counties.iter().find(|(id, name)| strip(id) == nv || strip(name) == nv).map(|(id, _)| id.clone())
}

/// A row as read: its number as the file shows it, its cells, and for GeoJSON the point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RawRow {
    pub row: usize,
    pub cells: Vec<String>,
    pub point: Option<(f64, f64)>,
}

impl RawRow {
    fn is_blank(&self) -> bool {
        self.point.is_none() && self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// Why a row (or a value in it) was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    Missing,
    NotANumber,
    NotAWholeNumber,
    OutOfRange,
    OutsideBounds,
    UnknownKind,
    UnknownValue,
    NotADate,
    DuplicateId,
    UnknownCounty,
    Dropped,
    Unreadable,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The row was not imported.
    Error,
    /// The row was imported without the value.
    Warning,
}

/// One problem in one row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RowIssue {
    /// 1-based as the file shows it, counting the header and title rows (a spreadsheet's row
    /// number; a CSV file's line); for GeoJSON the feature's number.
    pub row: usize,
    /// The column's header (or its letter); `None` for the row as a whole.
    pub column: Option<String>,
    /// 0-based column index, for highlighting.
    pub column_index: Option<usize>,
    pub field: Option<Field>,
    pub value: String,
    pub problem: Problem,
    pub severity: Severity,
    /// The reason, e.g. 不是数字 / not a number.
    pub reason: Text,
}

impl RowIssue {
    /// "row 7, column 经度 (\"abc\"): not a number" / "第 7 行，经度列（“abc”）：不是数字".
    pub fn describe(&self, lang: Lang, features: bool) -> String {
        let value = if self.value.is_empty() { String::new() } else { format!(" (\"{}\")", self.value) };
        match lang {
            Lang::En => {
                let unit = if features { "feature" } else { "row" };
                let col = self.column.as_ref().map(|c| format!(", column {c}")).unwrap_or_default();
                format!("{unit} {}{col}{value}: {}", self.row, self.reason.en)
            }
            Lang::Zh => {
                let unit = if features { "个要素" } else { "行" };
                let col = self.column.as_ref().map(|c| format!("，{c}列")).unwrap_or_default();
                let value = if self.value.is_empty() { String::new() } else { format!("（“{}”）", self.value) };
                format!("第 {} {unit}{col}{value}：{}", self.row, self.reason.zh)
            }
        }
    }
}

/// A file that cannot be imported at all (not its rows: those are `RowIssue`s).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub message: Text,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message.en)
    }
}

impl std::error::Error for ImportError {}

impl From<Text> for ImportError {
    fn from(message: Text) -> Self {
        ImportError { message }
    }
}

/// What the importer found in the file: what a column-mapping dialog shows.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    pub format: Format,
    /// CSV: `UTF-8`, `UTF-8 (BOM)`, `GB18030`, `UTF-16LE`, `UTF-16BE`.
    pub encoding: Option<String>,
    /// CSV: `,` or `\t`.
    pub delimiter: Option<char>,
    /// Workbooks: the sheet read, and every sheet's name.
    pub sheet: Option<String>,
    pub sheets: Vec<String>,
    /// The header row as the file numbers it (its first row for a two-row header); `None` for
    /// GeoJSON, whose columns are the property names.
    pub header_row: Option<usize>,
    /// Rows above the header joined ("临沂市定点零售药店名单（2024年）").
    pub title: Option<String>,
    pub headers: Vec<String>,
    /// The field each column was read as (`None`: not used).
    pub fields: Vec<Option<Field>>,
    /// The first data rows as read, for a preview.
    pub sample: Vec<Vec<String>>,
    /// The kind the title names, used for rows without one.
    pub title_kind: Option<Kind>,
    /// GeoJSON: polygon features left out of a point import (read them as `Boundaries`).
    pub shapes_skipped: usize,
}

impl Layout {
    pub fn column_of(&self, field: Field) -> Option<usize> {
        self.fields.iter().position(|f| *f == Some(field))
    }

    fn is_features(&self) -> bool {
        self.format == Format::GeoJson
    }
}

/// At most this many issues are kept in a report (all are counted).
pub const MAX_ISSUES: usize = 5_000;

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportReport {
    pub target: Target,
    pub crs: Crs,
    pub layout: Layout,
    /// Non-blank data rows read.
    pub rows_read: usize,
    pub imported: usize,
    /// Rows not imported.
    pub errors: usize,
    /// Values left out of imported rows.
    pub warnings: usize,
    /// The first `MAX_ISSUES` issues, in row order.
    pub issues: Vec<RowIssue>,
    /// What was assumed, e.g. "kind taken from the name in 12 rows".
    pub notes: Vec<Text>,
}

impl ImportReport {
    pub fn describe_issue(&self, issue: &RowIssue, lang: Lang) -> String {
        issue.describe(lang, self.layout.is_features())
    }

    /// A one-line summary: rows read and imported, encoding, header row, coordinate system.
    pub fn summary(&self, lang: Lang) -> String {
        let l = &self.layout;
        let mut how = Vec::new();
        if let Some(e) = &l.encoding {
            how.push(e.clone());
        }
        if let Some(d) = l.delimiter {
            how.push(match (d, lang) {
                ('\t', Lang::En) => "tab-separated".into(),
                ('\t', Lang::Zh) => "制表符分隔".into(),
                (_, Lang::En) => "comma-separated".into(),
                (_, Lang::Zh) => "逗号分隔".into(),
            });
        }
        if let Some(s) = &l.sheet {
            how.push(match lang {
                Lang::En => format!("sheet \"{s}\""),
                Lang::Zh => format!("工作表“{s}”"),
            });
        }
        if let Some(h) = l.header_row {
            how.push(match lang {
                Lang::En => format!("header on row {h}"),
                Lang::Zh => format!("表头在第 {h} 行"),
            });
        }
        if self.crs != Crs::Wgs84 {
            how.push(format!("{} → WGS-84", self.crs.label().get(lang)));
        }
        match lang {
            Lang::En => format!(
                "{} {} read, {} imported as {}, {} refused, {} warnings ({})",
                self.rows_read,
                if l.is_features() { "features" } else { "rows" },
                self.imported,
                self.target.id(),
                self.errors,
                self.warnings,
                how.join(", ")
            ),
            Lang::Zh => format!(
                "读取 {} {}，导入{} {} 条，拒绝 {} 条，警告 {} 条（{}）",
                self.rows_read,
                if l.is_features() { "个要素" } else { "行" },
                self.target.label().zh,
                self.imported,
                self.errors,
                self.warnings,
                how.join("，")
            ),
        }
    }
}

/// Where an import stands, after a `step`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub rows_read: usize,
    pub imported: usize,
    pub errors: usize,
    /// Share of the file read, 0..=1.
    pub fraction: f64,
    pub done: bool,
}

/// How imported records join a scenario.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Merge {
    /// The records replace the scenario's list of their kind.
    #[default]
    Replace,
    /// A record whose id the scenario has replaces that entry in place; the others are appended.
    /// Population cells have no id: they are appended.
    Upsert,
}

/// The records of a finished import, not yet part of any scenario.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Imported {
    pub target: Target,
    pub institutions: Vec<Institution>,
    pub applications: Vec<Application>,
    pub cells: Vec<PopulationCell>,
    /// The file row of every record, in order (for messages about a record).
    pub rows: Vec<usize>,
    pub report: ImportReport,
}

/// A scenario with imported records, and the counties added for county values it lacked.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    pub scenario: Scenario,
    pub counties_added: Vec<String>,
}

impl Imported {
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// A new scenario: `s` with these records merged in, checked by `validate`. A county value
    /// the scenario lacks is matched to one of its counties or of those added before it by
    /// `match_county` ("兰山" after "兰山区"), else becomes a county with only an id and a name.
    /// `s` is left as it was.
    pub fn apply(&self, s: &Scenario, merge: Merge) -> Result<Applied, ScenarioError> {
        let mut out = s.clone();
        let mut known: Vec<(String, String)> = out.counties.iter().map(|c| (c.id.clone(), c.name.clone())).collect();
        let mut added: Vec<String> = Vec::new();
        let mut resolve = |county: &mut Option<String>| {
            let Some(c) = county.as_ref() else { return };
            if known.iter().any(|(id, _)| id == c) {
                return;
            }
            match match_county(c, &known) {
                Some(id) => *county = Some(id),
                None => {
                    known.push((c.clone(), c.clone()));
                    added.push(c.clone());
                }
            }
        };
        let mut institutions = self.institutions.clone();
        let mut applications = self.applications.clone();
        let mut cells = self.cells.clone();
        institutions.iter_mut().for_each(|i| resolve(&mut i.county));
        applications.iter_mut().for_each(|a| resolve(&mut a.county));
        cells.iter_mut().for_each(|c| resolve(&mut c.county));
        fn merge_by_id<T>(list: &mut Vec<T>, new: Vec<T>, merge: Merge, id: impl Fn(&T) -> &str) {
            match merge {
                Merge::Replace => *list = new,
                Merge::Upsert => {
                    let at: HashMap<String, usize> =
                        list.iter().enumerate().map(|(i, x)| (id(x).to_string(), i)).collect();
                    for x in new {
                        match at.get(id(&x)) {
                            Some(&i) => list[i] = x,
                            None => list.push(x),
                        }
                    }
                }
            }
        }
        match self.target {
            Target::Institutions => merge_by_id(&mut out.institutions, institutions, merge, |i| &i.id),
            Target::Applications => merge_by_id(&mut out.applications, applications, merge, |a| &a.id),
            Target::Cells => match merge {
                Merge::Replace => out.population_cells = cells.into(),
                Merge::Upsert => out.population_cells.extend(cells),
            },
        }
        out.counties.extend(added.iter().map(|c| County { id: c.clone(), name: c.clone(), ..Default::default() }));
        validate(&out).map_err(|e| self.locate(e, &out, s.population_cells.len(), merge))?;
        Ok(Applied { scenario: out, counties_added: added })
    }

    /// Adds the file row to a validation message about one of this import's records.
    fn locate(&self, e: ScenarioError, out: &Scenario, cells_before: usize, merge: Merge) -> ScenarioError {
        let prefix = format!("{}[", self.target.id());
        let Some(rest) = e.message.strip_prefix(&prefix) else {
            return e;
        };
        let Some(k) = rest.split(']').next().and_then(|n| n.parse::<usize>().ok()) else {
            return e;
        };
        let mine = match self.target {
            Target::Institutions => {
                out.institutions.get(k).and_then(|x| self.institutions.iter().position(|i| i.id == x.id))
            }
            Target::Applications => {
                out.applications.get(k).and_then(|x| self.applications.iter().position(|a| a.id == x.id))
            }
            Target::Cells => match merge {
                Merge::Replace => Some(k),
                Merge::Upsert => k.checked_sub(cells_before),
            },
        };
        match mine.and_then(|i| self.rows.get(i)) {
            Some(row) => ScenarioError { message: format!("{} (row {row} of the file)", e.message) },
            None => e,
        }
    }
}

/// Rows come from a CSV reader on demand, or from a table already in memory.
enum Source {
    Csv(self::csv::CsvRows),
    Rows { rows: std::vec::IntoIter<RawRow>, total: usize },
}

impl Source {
    fn next_row(&mut self) -> Option<Result<RawRow, String>> {
        match self {
            Source::Csv(c) => c.next_row(),
            Source::Rows { rows, .. } => rows.next().map(Ok),
        }
    }

    fn fraction(&self) -> f64 {
        match self {
            Source::Csv(c) => c.fraction(),
            Source::Rows { rows, total } => 1.0 - rows.len() as f64 / (*total).max(1) as f64,
        }
    }
}

/// Readings of the values that repeat down a column (kinds, categories, counties), each parsed
/// once per import.
#[derive(Default)]
struct Cache {
    kinds: FxHashMap<String, Option<KindReading>>,
    categories: FxHashMap<String, Option<Categories>>,
    counties: FxHashMap<String, Option<String>>,
}

impl Cache {
    fn kind(&mut self, t: &str) -> Option<KindReading> {
        if let Some(k) = self.kinds.get(t) {
            return *k;
        }
        let k = parse_kind(t);
        self.kinds.insert(t.to_string(), k);
        k
    }

    fn categories(&mut self, t: &str) -> Option<Categories> {
        if let Some(c) = self.categories.get(t) {
            return *c;
        }
        let c = parse_categories(t).map(|c| Categories::of(&c));
        self.categories.insert(t.to_string(), c);
        c
    }

    fn county(&mut self, t: &str, counties: &[(String, String)]) -> Option<String> {
        if let Some(c) = self.counties.get(t) {
            return c.clone();
        }
        let c = match_county(t, counties);
        self.counties.insert(t.to_string(), c.clone());
        c
    }
}

/// Rows read for finding the header.
const HEAD_ROWS: usize = 40;
/// Rows searched for the header.
const HEADER_SEARCH: usize = 30;
const SAMPLE_ROWS: usize = 10;

/// A chunked import: `new`, optionally `remap`, then `step` until done (or `finish`).
pub struct Importer {
    options: ImportOptions,
    source: Source,
    /// Rows read ahead of conversion: the head while the layout may change, then the data rows
    /// that were read with it.
    pending: VecDeque<RawRow>,
    head: Vec<RawRow>,
    started: bool,
    layout: Layout,
    /// Column of each field, by `Field as usize`.
    columns: [Option<usize>; Field::ALL.len()],
    /// The data start inside `head`.
    data_start: usize,
    out: Imported,
    ids: FxHashMap<String, usize>,
    cache: Cache,
    kind_from_name: usize,
    kind_from_title: usize,
    kind_from_default: usize,
    ids_made: usize,
    county_from_boundary: usize,
    done: bool,
    noted: bool,
    /// Data rows read before the rest are refused (`limits::MAX_IMPORT_ROWS`).
    row_limit: usize,
}

impl Importer {
    /// A lower row limit than `limits::MAX_IMPORT_ROWS` (never a higher one).
    pub fn with_row_limit(mut self, rows: usize) -> Importer {
        self.row_limit = rows.min(crate::limits::MAX_IMPORT_ROWS);
        self
    }

    /// Reads the file's layout; no row is converted yet.
    pub fn new(format: Format, bytes: &[u8], options: ImportOptions) -> Result<Importer, ImportError> {
        if let Some(m) = crate::limits::file_too_large("文件 / the file", bytes.len() as u64) {
            return Err(m.into());
        }
        let mut layout = Layout { format, ..Default::default() };
        let (source, mut head) = match format {
            Format::Csv => {
                let mut c = self::csv::CsvRows::new(bytes);
                layout.encoding = Some(c.encoding.to_string());
                layout.delimiter = Some(c.delimiter as char);
                let mut head = Vec::new();
                let until = options.mapping.header_row.unwrap_or(0);
                while head.len() < HEAD_ROWS || head.last().is_some_and(|r: &RawRow| r.row <= until + SAMPLE_ROWS) {
                    match c.next_row() {
                        Some(Ok(r)) if r.is_blank() => continue,
                        Some(Ok(r)) => head.push(r),
                        Some(Err(e)) => {
                            return Err(Text::new(
                                format!("无法读取 CSV：{e}"),
                                format!("cannot read the CSV file: {e}"),
                            )
                            .into())
                        }
                        None => break,
                    }
                }
                (Source::Csv(c), head)
            }
            Format::Xlsx => {
                let sheet = self::xlsx::read_sheet(bytes, options.sheet.as_deref())?;
                layout.sheet = Some(sheet.name);
                layout.sheets = sheet.sheets;
                let mut rows = sheet.rows;
                let until = options.mapping.header_row.unwrap_or(0);
                let n = rows
                    .iter()
                    .position(|r| r.row > until + SAMPLE_ROWS)
                    .unwrap_or(rows.len())
                    .max(HEAD_ROWS)
                    .min(rows.len());
                let rest = rows.split_off(n);
                let total = rest.len();
                (Source::Rows { rows: rest.into_iter(), total }, rows)
            }
            Format::GeoJson => {
                let p = self::geojson::read_points(bytes)?;
                layout.headers = p.headers;
                layout.shapes_skipped = p.shapes;
                let total = p.rows.len();
                (Source::Rows { rows: p.rows.into_iter(), total }, Vec::new())
            }
        };
        head.retain(|r| !r.is_blank());
        let target = options.target;
        let mut imp = Importer {
            out: Imported {
                target,
                report: ImportReport { target, crs: options.crs, ..Default::default() },
                ..Default::default()
            },
            options,
            source,
            pending: VecDeque::new(),
            head,
            started: false,
            layout,
            columns: [None; Field::ALL.len()],
            data_start: 0,
            ids: FxHashMap::default(),
            cache: Cache::default(),
            kind_from_name: 0,
            kind_from_title: 0,
            kind_from_default: 0,
            ids_made: 0,
            county_from_boundary: 0,
            done: false,
            noted: false,
            row_limit: crate::limits::MAX_IMPORT_ROWS,
        };
        imp.find_layout()?;
        Ok(imp)
    }

    /// What was found: encoding, delimiter, sheet, header row, each column's field, a sample.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// Reads the columns again with the user's mapping; only before the first `step`.
    pub fn remap(&mut self, mapping: ColumnMapping) -> Result<(), ImportError> {
        if self.started {
            return Err(Text::new(
                "已开始导入，不能再更改列对应",
                "rows have been read: the mapping can no longer change",
            )
            .into());
        }
        let old = std::mem::replace(&mut self.options.mapping, mapping);
        if let Err(e) = self.find_layout() {
            self.options.mapping = old;
            self.find_layout()?;
            return Err(e);
        }
        Ok(())
    }

    fn find_layout(&mut self) -> Result<(), ImportError> {
        let target = self.options.target;
        let mapping = &self.options.mapping;
        let l = &mut self.layout;
        if l.format == Format::GeoJson {
            let (fields, _) = columns::fields_of(&l.headers, mapping, target);
            l.fields = fields;
            self.data_start = 0;
        } else {
            let cells: Vec<Vec<String>> = self.head.iter().map(|r| r.cells.clone()).collect();
            let (index, two, headers) = match mapping.header_row {
                Some(h) => {
                    let i = self.head.iter().position(|r| r.row == h).ok_or_else(|| {
                        Text::new(
                            format!("第 {h} 行是空行或不存在，不能作表头"),
                            format!("row {h} is blank or absent: it cannot be the header"),
                        )
                    })?;
                    (i, false, cells[i].clone())
                }
                None => {
                    let search = &cells[..cells.len().min(HEADER_SEARCH)];
                    columns::find_header(search, mapping, target).ok_or_else(|| {
                        let first: Vec<String> = cells.first().map(|r| r.iter().filter(|c| !c.trim().is_empty()).cloned().collect()).unwrap_or_default();
                        Text::new(
                            format!(
                                "找不到表头：前 {HEADER_SEARCH} 行中没有一行含两个以上可识别的列名（如 名称、经度、纬度、类型）；第一行是：{}。请给出列对应",
                                first.join("、")
                            ),
                            format!(
                                "no header row: none of the first {HEADER_SEARCH} rows names two or more known columns (such as name, lon, lat, kind); the first row is: {}. Give a column mapping",
                                first.join(", ")
                            ),
                        )
                    })?
                }
            };
            let title: Vec<String> = self.head[..index]
                .iter()
                .flat_map(|r| r.cells.iter().map(|c| c.trim().to_string()).filter(|c| !c.is_empty()))
                .collect();
            l.title = (!title.is_empty()).then(|| title.join(" "));
            l.header_row = Some(self.head[index].row);
            l.fields = columns::fields_of(&headers, mapping, target).0;
            l.headers = headers;
            self.data_start = index + 1 + usize::from(two);
        }
        self.columns = [None; Field::ALL.len()];
        for (c, f) in l.fields.iter().enumerate() {
            if let Some(f) = f {
                if *f != Field::Ignore && self.columns[*f as usize].is_none() {
                    self.columns[*f as usize] = Some(c);
                }
            }
        }
        let has = |f: Field| self.columns[f as usize].is_some();
        let geo = l.format == Format::GeoJson;
        let coordinates = has(Field::Coordinates) || (has(Field::Lon) && has(Field::Lat));
        if !geo && !coordinates {
            return Err(Text::new(
                format!("找不到经度、纬度列（表头：{}）。请给出列对应", l.headers.join("、")),
                format!("no longitude and latitude columns (headers: {}). Give a column mapping", l.headers.join(", ")),
            )
            .into());
        }
        if target == Target::Cells && !has(Field::Population) {
            return Err(Text::new(
                format!("找不到人口列（表头：{}）。请给出列对应", l.headers.join("、")),
                format!("no population column (headers: {}). Give a column mapping", l.headers.join(", ")),
            )
            .into());
        }
        l.title_kind = if has(Field::Kind) { None } else { l.title.as_deref().and_then(parse_kind).map(|k| k.kind) };
        l.sample = match &self.source {
            Source::Rows { rows, .. } if geo => {
                rows.as_slice().iter().take(SAMPLE_ROWS).map(|r| r.cells.clone()).collect()
            }
            _ => self.head.iter().skip(self.data_start).take(SAMPLE_ROWS).map(|r| r.cells.clone()).collect(),
        };
        Ok(())
    }

    fn start(&mut self) {
        if self.started {
            return;
        }
        self.started = true;
        let head = std::mem::take(&mut self.head);
        self.pending = head.into_iter().skip(self.data_start).collect();
        self.out.report.layout = self.layout.clone();
    }

    /// Converts up to `max_rows` rows.
    pub fn step(&mut self, max_rows: usize) -> Progress {
        self.start();
        let mut n = 0;
        while n < max_rows && !self.done {
            let raw = match self.pending.pop_front() {
                Some(r) => r,
                None => match self.source.next_row() {
                    Some(Ok(r)) => r,
                    Some(Err(e)) => {
                        let row = self.out.report.layout.header_row.unwrap_or(0) + self.out.report.rows_read + 1;
                        self.issue(RowIssue {
                            row,
                            column: None,
                            column_index: None,
                            field: None,
                            value: String::new(),
                            problem: Problem::Unreadable,
                            severity: Severity::Error,
                            reason: Text::new(
                                format!("无法读取：{e}；其后各行未导入"),
                                format!("cannot be read: {e}; the rows after it were not imported"),
                            ),
                        });
                        self.done = true;
                        break;
                    }
                    None => {
                        self.done = true;
                        break;
                    }
                },
            };
            if raw.is_blank() {
                continue;
            }
            if self.out.report.rows_read >= self.row_limit {
                let max = crate::text::thousands(self.row_limit as u64);
                self.issue(RowIssue {
                    row: raw.row,
                    column: None,
                    column_index: None,
                    field: None,
                    value: String::new(),
                    problem: Problem::Unreadable,
                    severity: Severity::Error,
                    reason: Text::new(
                        format!("超过每个文件 {max} 行的上限：本行及其后各行未导入，请拆分文件"),
                        format!("over the limit of {max} rows per file: this row and the rows after it were not imported; split the file"),
                    ),
                });
                self.done = true;
                break;
            }
            n += 1;
            self.convert(raw);
        }
        if self.done && !self.noted {
            self.noted = true;
            self.finish_notes();
        }
        self.progress()
    }

    pub fn progress(&self) -> Progress {
        let r = &self.out.report;
        Progress {
            rows_read: r.rows_read,
            imported: r.imported,
            errors: r.errors,
            fraction: if self.done { 1.0 } else { self.source.fraction() },
            done: self.done,
        }
    }

    /// Converts every remaining row and returns the result.
    pub fn finish(mut self) -> Imported {
        while !self.done {
            self.step(10_000);
        }
        self.out
    }

    fn finish_notes(&mut self) {
        let p = self.id_prefix();
        let notes = &mut self.out.report.notes;
        if self.kind_from_default > 0 {
            let k = self.options.default_kind.map(|k| k.label()).unwrap_or_default();
            notes.push(Text::new(
                format!("{} 行没有类型，按指定的“{}”导入", self.kind_from_default, k.zh),
                format!("kind: {} rows without one were taken as {} (as given)", self.kind_from_default, k.en),
            ));
        }
        if self.kind_from_name > 0 {
            notes.push(Text::new(
                format!("{} 行的类型由名称判断（如“大药房”→零售药店，“卫生院”→基层医疗卫生机构）", self.kind_from_name),
                format!(
                    "kind: {} rows had theirs read from the name (大药房 → pharmacy, 卫生院 → primary care, …)",
                    self.kind_from_name
                ),
            ));
        }
        if self.kind_from_title > 0 {
            let k = self.layout.title_kind.map(|k| k.label()).unwrap_or_default();
            let t = self.layout.title.clone().unwrap_or_default();
            notes.push(Text::new(
                format!("{} 行的类型取自标题“{t}”：{}", self.kind_from_title, k.zh),
                format!("kind: {} rows took theirs from the title \"{t}\": {}", self.kind_from_title, k.en),
            ));
        }
        if self.ids_made > 0 {
            notes.push(Text::new(
                format!("{} 行没有编号，编号按行号生成（{p}行号）", self.ids_made),
                format!("ids: {} rows without one were given {p}<row number>", self.ids_made),
            ));
        }
        if self.county_from_boundary > 0 {
            notes.push(Text::new(
                format!("{} 行的区县由边界判断", self.county_from_boundary),
                format!("county: {} rows had theirs found by the boundaries", self.county_from_boundary),
            ));
        }
        if self.layout.shapes_skipped > 0 {
            notes.push(Text::new(
                format!("{} 个面要素未作为点导入（可作为区县边界读入）", self.layout.shapes_skipped),
                format!("{} polygon features were left out (read them as boundaries)", self.layout.shapes_skipped),
            ));
        }
    }

    fn id_prefix(&self) -> String {
        self.options.id_prefix.clone().unwrap_or_else(|| match self.options.target {
            Target::Applications => "a-".to_string(),
            _ => "i-".to_string(),
        })
    }

    fn issue(&mut self, issue: RowIssue) {
        let r = &mut self.out.report;
        match issue.severity {
            Severity::Error => r.errors += 1,
            Severity::Warning => r.warnings += 1,
        }
        if r.issues.len() < MAX_ISSUES {
            r.issues.push(issue);
        }
    }

    /// A refused row has exactly one error (conversion stops at the first), so `errors` counts rows.
    fn convert(&mut self, raw: RawRow) {
        self.out.report.rows_read += 1;
        let mut row = Row { importer: self, raw: &raw, issues: Vec::new() };
        let record = row.record();
        let issues = std::mem::take(&mut row.issues);
        for i in issues {
            self.issue(i);
        }
        if let Some(rec) = record {
            self.out.rows.push(raw.row);
            self.out.report.imported += 1;
            match rec {
                Record::Institution(i) => self.out.institutions.push(i),
                Record::Application(a) => self.out.applications.push(a),
                Record::Cell(c) => self.out.cells.push(c),
            }
        }
    }
}

/// One import in one call: `Importer::new` then `finish`.
pub fn import(format: Format, bytes: &[u8], options: ImportOptions) -> Result<Imported, ImportError> {
    Ok(Importer::new(format, bytes, options)?.finish())
}

enum Record {
    Institution(Institution),
    Application(Application),
    Cell(PopulationCell),
}

/// The conversion of one row, gathering its issues.
struct Row<'a> {
    importer: &'a mut Importer,
    raw: &'a RawRow,
    issues: Vec<RowIssue>,
}

/// Stops converting the row (its error is already recorded).
struct Refused;

type Get<T> = Result<T, Refused>;

impl<'a> Row<'a> {
    fn column(&self, f: Field) -> Option<usize> {
        self.importer.columns[f as usize]
    }

    /// The trimmed text of a field's cell, if the column exists and the cell is not empty.
    fn text(&self, f: Field) -> Option<(usize, &'a str)> {
        let c = self.column(f)?;
        let raw: &'a RawRow = self.raw;
        let t = raw.cells.get(c).map(|s| s.trim()).unwrap_or("");
        (!t.is_empty()).then_some((c, t))
    }

    fn owned(&self, f: Field) -> Option<String> {
        self.text(f).map(|(_, t)| t.to_string())
    }

    fn push(
        &mut self,
        col: Option<usize>,
        f: Option<Field>,
        value: &str,
        problem: Problem,
        severity: Severity,
        reason: Text,
    ) {
        let column = col.map(|c| columns::column_name(&self.importer.layout.headers, c));
        self.issues.push(RowIssue {
            row: self.raw.row,
            column,
            column_index: col,
            field: f,
            value: value.to_string(),
            problem,
            severity,
            reason,
        });
    }

    fn refuse<T>(&mut self, col: Option<usize>, f: Field, value: &str, problem: Problem, reason: Text) -> Get<T> {
        self.push(col, Some(f), value, problem, Severity::Error, reason);
        Err(Refused)
    }

    fn warn(&mut self, col: Option<usize>, f: Field, value: &str, problem: Problem, reason: Text) {
        self.push(col, Some(f), value, problem, Severity::Warning, reason);
    }

    fn record(&mut self) -> Option<Record> {
        let r = match self.importer.options.target {
            Target::Institutions => self.institution().map(Record::Institution),
            Target::Applications => self.application().map(Record::Application),
            Target::Cells => self.cell().map(Record::Cell),
        };
        r.ok()
    }

    fn coordinates(&mut self) -> Get<(f64, f64)> {
        let crs = self.importer.options.crs;
        let (lon_col, lat_col) = match self.column(Field::Coordinates) {
            Some(c) if self.column(Field::Lon).is_none() => (Some(c), Some(c)),
            _ => (self.column(Field::Lon), self.column(Field::Lat)),
        };
        let (lon, lat) = if let Some(p) = self.raw.point {
            p
        } else if let (Some(c), None) = (self.column(Field::Coordinates), self.column(Field::Lon)) {
            let Some((_, t)) = self.text(Field::Coordinates) else {
                return self.refuse(
                    Some(c),
                    Field::Coordinates,
                    "",
                    Problem::Missing,
                    Text::new("缺少坐标", "no coordinates"),
                );
            };
            match parse_pair(t) {
                Some(p) => p,
                None => {
                    return self.refuse(
                        Some(c),
                        Field::Coordinates,
                        t,
                        Problem::NotANumber,
                        Text::new("不是“经度,纬度”形式的坐标", "not coordinates as \"longitude,latitude\""),
                    )
                }
            }
        } else {
            let lon_t = self.text(Field::Lon).map(|x| x.1);
            let lat_t = self.text(Field::Lat).map(|x| x.1);
            match (lon_t, lat_t) {
                (None, None) => {
                    return self.refuse(
                        lon_col,
                        Field::Lon,
                        "",
                        Problem::Missing,
                        Text::new("缺少经纬度", "no coordinates"),
                    );
                }
                (None, Some(_)) => {
                    return self.refuse(
                        lon_col,
                        Field::Lon,
                        "",
                        Problem::Missing,
                        Text::new("缺少经度", "no longitude"),
                    )
                }
                (Some(_), None) => {
                    return self.refuse(lat_col, Field::Lat, "", Problem::Missing, Text::new("缺少纬度", "no latitude"))
                }
                (Some(a), Some(b)) => {
                    let lon = match parse_degrees(a) {
                        Some(x) => x,
                        None => {
                            return self.refuse(
                                lon_col,
                                Field::Lon,
                                a,
                                Problem::NotANumber,
                                Text::new("不是数字", "not a number"),
                            )
                        }
                    };
                    let lat = match parse_degrees(b) {
                        Some(x) => x,
                        None => {
                            return self.refuse(
                                lat_col,
                                Field::Lat,
                                b,
                                Problem::NotANumber,
                                Text::new("不是数字", "not a number"),
                            )
                        }
                    };
                    (lon, lat)
                }
            }
        };
        let shown = format!("{lon},{lat}");
        if !lon.is_finite() || !lat.is_finite() {
            return self.refuse(
                lon_col,
                Field::Lon,
                &shown,
                Problem::NotANumber,
                Text::new("不是数字", "not a number"),
            );
        }
        if lon == 0.0 && lat == 0.0 {
            return self.refuse(
                lon_col,
                Field::Lon,
                &shown,
                Problem::Missing,
                Text::new("坐标为 0,0（未定位）", "coordinates 0,0 (not geocoded)"),
            );
        }
        let bounds = self.importer.options.bounds;
        let swapped_fits = || {
            let (l, a) = crs.to_wgs84(lat, lon);
            LAT.contains(lon) && bounds.is_some_and(|b| b.contains(l, a))
        };
        let hint = |swapped: bool| {
            if swapped {
                Text::new("；经纬度似乎填反了", "; longitude and latitude look swapped")
            } else {
                Text::new("", "")
            }
        };
        if !LAT.contains(lat) {
            let h = hint(swapped_fits() || (LAT.contains(lon) && LON.contains(lat)));
            let r = LAT.refusal();
            return self.refuse(
                lat_col,
                Field::Lat,
                &lat.to_string(),
                Problem::OutOfRange,
                Text::new(format!("{}{}", r.zh, h.zh), format!("{}{}", r.en, h.en)),
            );
        }
        if !LON.contains(lon) {
            return self.refuse(lon_col, Field::Lon, &lon.to_string(), Problem::OutOfRange, LON.refusal());
        }
        let (wlon, wlat) = crs.to_wgs84(lon, lat);
        if let Some(b) = bounds {
            if !b.contains(wlon, wlat) {
                let h = hint(swapped_fits());
                return self.refuse(
                    lon_col,
                    Field::Lon,
                    &shown,
                    Problem::OutsideBounds,
                    Text::new(
                        format!(
                            "位于本市范围（东经 {:.3}–{:.3}，北纬 {:.3}–{:.3}）之外{}",
                            b.west, b.east, b.south, b.north, h.zh
                        ),
                        format!(
                            "outside the city's bounds ({:.3}–{:.3} °E, {:.3}–{:.3} °N){}",
                            b.west, b.east, b.south, b.north, h.en
                        ),
                    ),
                );
            }
        }
        Ok((wlon, wlat))
    }

    fn id(&mut self) -> Get<String> {
        let id = match self.text(Field::Id) {
            Some((_, t)) => t.to_string(),
            None => {
                self.importer.ids_made += 1;
                format!("{}{}", self.importer.id_prefix(), self.raw.row)
            }
        };
        if let Some(first) = self.importer.ids.get(&id) {
            let first = *first;
            let col = self.column(Field::Id);
            return self.refuse(
                col,
                Field::Id,
                &id,
                Problem::DuplicateId,
                Text::new(format!("编号重复（与第 {first} 行相同）"), format!("duplicate id (first on row {first})")),
            );
        }
        Ok(id)
    }

    /// Records the id once the row is accepted.
    fn keep_id(&mut self, id: &str) {
        self.importer.ids.insert(id.to_string(), self.raw.row);
    }

    fn name(&self) -> Option<String> {
        self.owned(Field::Name)
    }

    /// The kind, with the subtype or specialty the kind cell or else the name implies
    /// ("专科医院" named "临沂市眼科医院" is an ophthalmology hospital).
    fn kind(&mut self, name: Option<&str>) -> Get<KindReading> {
        let mut k = self.kind_only(name)?;
        if k.kind == Kind::InpatientSpecialty && k.specialty.is_none() && self.text(Field::Specialty).is_none() {
            k.specialty = name.and_then(parse_specialty);
        }
        if k.kind == Kind::PrimaryCare && k.subtype.is_none() && self.text(Field::Subtype).is_none() {
            k.subtype = name.and_then(parse_subtype);
        }
        Ok(k)
    }

    fn kind_only(&mut self, name: Option<&str>) -> Get<KindReading> {
        if let Some((c, t)) = self.text(Field::Kind) {
            return match self.importer.cache.kind(t) {
                Some(k) => Ok(k),
                None => self.refuse(
                    Some(c),
                    Field::Kind,
                    t,
                    Problem::UnknownKind,
                    Text::new(
                        "未知的机构类型（应为 零售药店、门诊部、诊所、综合医院、专科医院、社区卫生服务中心、乡镇卫生院 等）",
                        "unknown kind (expected pharmacy, outpatient, inpatient_general, inpatient_specialty, primary_care, or 零售药店, 诊所, 综合医院 …)",
                    ),
                ),
            };
        }
        if let Some(k) = self.importer.options.default_kind {
            self.importer.kind_from_default += 1;
            let from_name = name.and_then(parse_kind).filter(|r| r.kind == k);
            return Ok(from_name.unwrap_or(KindReading { kind: k, subtype: None, specialty: None }));
        }
        if let Some(k) = name.and_then(parse_kind) {
            self.importer.kind_from_name += 1;
            return Ok(k);
        }
        if let Some(k) = self.importer.layout.title_kind {
            self.importer.kind_from_title += 1;
            let from_name = name.and_then(parse_kind).filter(|r| r.kind == k);
            return Ok(from_name.unwrap_or(KindReading { kind: k, subtype: None, specialty: None }));
        }
        let col = self.column(Field::Kind).or(self.column(Field::Name));
        self.refuse(
            col,
            Field::Kind,
            name.unwrap_or(""),
            Problem::UnknownKind,
            Text::new("没有机构类型，名称也看不出类型", "no kind, and the name does not tell one"),
        )
    }

    fn whole(&mut self, f: Field) -> Get<Option<u64>> {
        let Some((c, t)) = self.text(f) else {
            return Ok(None);
        };
        match parse_number(t) {
            Some(x) if x >= 0.0 && x.fract() == 0.0 && x < 9.0e15 => Ok(Some(x as u64)),
            Some(x) if x < 0.0 => {
                self.refuse(Some(c), f, t, Problem::OutOfRange, Text::new("不能为负数", "must not be negative"))
            }
            Some(_) => {
                self.refuse(Some(c), f, t, Problem::NotAWholeNumber, Text::new("不是整数", "not a whole number"))
            }
            None => self.refuse(Some(c), f, t, Problem::NotANumber, Text::new("不是数字", "not a number")),
        }
    }

    fn number(&mut self, f: Field) -> Get<Option<f64>> {
        let Some((c, t)) = self.text(f) else {
            return Ok(None);
        };
        // The field's own range first, as the scenario validator checks it.
        match (parse_number(t), field_range(f)) {
            (Some(x), Some(r)) if !r.contains(x) => self.refuse(Some(c), f, t, Problem::OutOfRange, r.refusal()),
            (Some(x), _) if x >= 0.0 => Ok(Some(x)),
            (Some(_), _) => {
                self.refuse(Some(c), f, t, Problem::OutOfRange, Text::new("不能为负数", "must not be negative"))
            }
            (None, _) => self.refuse(Some(c), f, t, Problem::NotANumber, Text::new("不是数字", "not a number")),
        }
    }

    fn boolean(&mut self, f: Field) -> Get<Option<bool>> {
        let Some((c, t)) = self.text(f) else {
            return Ok(None);
        };
        match parse_bool(t) {
            Some(b) => Ok(Some(b)),
            None => {
                self.refuse(Some(c), f, t, Problem::UnknownValue, Text::new("应为 是 或 否", "not yes or no (是/否)"))
            }
        }
    }

    /// A value parsed by `parse`, refused with `expected` when it does not parse.
    fn value<T>(&mut self, f: Field, parse: impl Fn(&str) -> Option<T>, expected: Text) -> Get<Option<T>> {
        let Some((c, t)) = self.text(f) else {
            return Ok(None);
        };
        match parse(t) {
            Some(v) => Ok(Some(v)),
            None => self.refuse(Some(c), f, t, Problem::UnknownValue, expected),
        }
    }

    fn county(&mut self, lon: f64, lat: f64) -> Option<String> {
        let from_boundary =
            |imp: &Importer| imp.options.boundaries.as_ref().and_then(|b| b.county_of(lon, lat)).map(str::to_string);
        match self.text(Field::County) {
            Some((_, t)) if self.importer.options.counties.is_empty() => Some(t.to_string()),
            Some((c, t)) => match self.importer.cache.county(t, &self.importer.options.counties) {
                Some(id) => Some(id),
                None => {
                    let b = from_boundary(self.importer);
                    let (zh, en) = match &b {
                        Some(id) => (
                            format!("未知的区县，按边界取“{id}”"),
                            format!("unknown county; \"{id}\" by the boundaries"),
                        ),
                        None => ("未知的区县，已留空".to_string(), "unknown county; left empty".to_string()),
                    };
                    self.warn(Some(c), Field::County, t, Problem::UnknownCounty, Text::new(zh, en));
                    b
                }
            },
            None => {
                let b = from_boundary(self.importer);
                if b.is_some() {
                    self.importer.county_from_boundary += 1;
                }
                b
            }
        }
    }

    /// Category, specialty, subtype and integrated management, each only for the kind that has it
    /// (else dropped with a warning), the kind cell's own subtype or specialty filling an empty
    /// column.
    fn kind_fields(
        &mut self,
        k: KindReading,
    ) -> Get<(Option<Categories>, Option<Specialty>, Option<Subtype>, Option<bool>)> {
        let cats = match self.text(Field::Category) {
            None => None,
            Some((c, t)) => match self.importer.cache.categories(t) {
                Some(cats) => Some(cats),
                None => {
                    return self.refuse(
                        Some(c),
                        Field::Category,
                        t,
                        Problem::UnknownValue,
                        Text::new(
                            "未知的药店类别（应为 普通、门诊慢特病、特药）",
                            "unknown category (expected ordinary, chronic, special_drug; 普通, 慢特病, 特药)",
                        ),
                    )
                }
            },
        };
        let specialty = self
            .value(Field::Specialty, parse_specialty, Text::new("未知的专科", "unknown specialty"))?
            .or(k.specialty);
        let subtype = self
            .value(Field::Subtype, parse_subtype, Text::new("未知的基层机构类型", "unknown primary-care subtype"))?
            .or(k.subtype);
        // A value the kind cannot have is left out with the validation's own words.
        let integrated = self.boolean(Field::Integrated)?;
        let mut fits = |f: Field| match field_fits_kind(f, k.kind) {
            Ok(()) => true,
            Err(why) => {
                if let Some((c, t)) = self.text(f) {
                    let left_out = Text::new("已忽略", "left out");
                    self.warn(Some(c), f, t, Problem::Dropped, why.join(&left_out));
                }
                false
            }
        };
        let cats = cats.filter(|_| fits(Field::Category));
        let specialty = specialty.filter(|_| fits(Field::Specialty));
        let subtype = subtype.filter(|_| fits(Field::Subtype));
        let integrated = integrated.filter(|_| fits(Field::Integrated));
        Ok((cats, specialty, subtype, integrated))
    }

    fn institution(&mut self) -> Get<Institution> {
        let (lon, lat) = self.coordinates()?;
        let id = self.id()?;
        let name = self.name();
        let k = self.kind(name.as_deref())?;
        let (category, specialty, subtype, integrated) = self.kind_fields(k)?;
        let designated = self.boolean(Field::Designated)?.unwrap_or(true);
        let beds = self.whole(Field::Beds)?;
        let provides_outpatient = self.boolean(Field::ProvidesOutpatient)?;
        let area = self.owned(Field::Area);
        let county = self.county(lon, lat);
        self.keep_id(&id);
        Ok(Institution {
            id,
            name,
            kind: k.kind,
            category,
            specialty,
            subtype,
            integrated,
            lon,
            lat,
            county,
            area,
            designated,
            beds,
            provides_outpatient,
        })
    }

    fn application(&mut self) -> Get<Application> {
        let (lon, lat) = self.coordinates()?;
        let id = self.id()?;
        let name = self.name();
        let k = self.kind(name.as_deref())?;
        let (category, specialty, subtype, integrated) = self.kind_fields(k)?;
        let change = self
            .value(
                Field::Change,
                columns::parse_change,
                Text::new(
                    "未知的申请类型（应为 新增、新增院区、迁址）",
                    "unknown change (expected new, new_site, address_change)",
                ),
            )?
            .unwrap_or_default();
        let institution_id = self.owned(Field::InstitutionId);
        let scope = self
            .value(
                Field::Scope,
                columns::parse_scope,
                Text::new(
                    "未知的申请范围（应为 基本医保、个人账户、医疗救助）",
                    "unknown scope (expected basic, personal_account_only, medical_aid)",
                ),
            )?
            .unwrap_or_default();
        let key_project = self
            .value(
                Field::KeyProject,
                columns::parse_key_project,
                Text::new("应为 是、否、市级、省级 或 中央", "expected yes, no, municipal, provincial or central"),
            )?
            .map(KeyProject);
        let beds = self.whole(Field::Beds)?;
        let insurance_office_staff = self.whole(Field::InsuranceOfficeStaff)?;
        let insurance_dept = self.boolean(Field::InsuranceDept)?;
        let operating_months = self.number(Field::OperatingMonths)?;
        let physicians = self.whole(Field::Physicians)?;
        let pharmacists = self.whole(Field::Pharmacists)?;
        let shortage_type = self.boolean(Field::ShortageType)?;
        let uneven_area = self.boolean(Field::UnevenArea)?;
        let reason = self.value(
            Field::NegativeListReason,
            columns::parse_negative_reason,
            Text::new(
                "未知的负面清单情形（应为 提供虚假申请材料、已被解除医保服务协议、列入失信黑名单）",
                "unknown negative-list reason (expected false_materials, agreement_terminated, blacklisted)",
            ),
        )?;
        let since = self
            .value(Field::NegativeListSince, parse_date, Text::new("不是日期（YYYY-MM-DD）", "not a date (YYYY-MM-DD)"))
            .inspect_err(|_| {
                if let Some(i) = self.issues.last_mut() {
                    i.problem = Problem::NotADate;
                }
            })?;
        let negative_list = match (reason, since) {
            (Some(reason), Some(since)) => Some(NegativeList { reason, since, switch: None }),
            (None, None) => None,
            (Some(_), None) => {
                let c = self.column(Field::NegativeListSince).or(self.column(Field::NegativeListReason));
                return self.refuse(
                    c,
                    Field::NegativeListSince,
                    "",
                    Problem::Missing,
                    Text::new("负面清单缺少日期", "a negative-list entry needs its date"),
                );
            }
            (None, Some(d)) => {
                let c = self.column(Field::NegativeListReason);
                return self.refuse(
                    c,
                    Field::NegativeListReason,
                    &d,
                    Problem::Missing,
                    Text::new("负面清单缺少情形", "a negative-list date needs its reason"),
                );
            }
        };
        let area = self.owned(Field::Area);
        if let Err(why) = scope_fits_kind(scope, k.kind) {
            let c = self.column(Field::Scope);
            return self.refuse(c, Field::Scope, "personal_account_only", Problem::UnknownValue, why);
        }
        if let Err(why) = scope_names_institution(scope, institution_id.as_deref()) {
            let c = self.column(Field::InstitutionId).or(self.column(Field::Scope));
            return self.refuse(c, Field::InstitutionId, "", Problem::Missing, why);
        }
        let county = self.county(lon, lat);
        self.keep_id(&id);
        Ok(Application {
            id,
            name,
            kind: k.kind,
            category,
            specialty,
            subtype,
            integrated,
            change,
            institution_id,
            scope,
            key_project,
            lon,
            lat,
            county,
            area,
            beds,
            insurance_office_staff,
            insurance_dept,
            operating_months,
            physicians,
            pharmacists,
            shortage_type,
            uneven_area,
            negative_list,
        })
    }

    fn cell(&mut self) -> Get<PopulationCell> {
        let (lon, lat) = self.coordinates()?;
        let population = match self.text(Field::Population) {
            None => {
                let c = self.column(Field::Population);
                return self.refuse(c, Field::Population, "", Problem::Missing, Text::new("缺少人口", "no population"));
            }
            Some((c, t)) => match parse_number(t) {
                // Gridded population (WorldPop and the like) is fractional: rounded.
                Some(x) if (0.0..9.0e15).contains(&x) => x.round() as u64,
                Some(_) => {
                    return self.refuse(
                        Some(c),
                        Field::Population,
                        t,
                        Problem::OutOfRange,
                        Text::new("不能为负数", "must not be negative"),
                    )
                }
                None => {
                    return self.refuse(
                        Some(c),
                        Field::Population,
                        t,
                        Problem::NotANumber,
                        Text::new("不是数字", "not a number"),
                    )
                }
            },
        };
        let area = self.owned(Field::Area);
        let county = self.county(lon, lat);
        Ok(PopulationCell { lon, lat, population, county, area })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counties_match_by_id_name_or_short_name() {
        let c = vec![("lanshan".to_string(), "兰山区".to_string()), ("yinan".to_string(), "沂南县".to_string())];
        assert_eq!(match_county("兰山区", &c).as_deref(), Some("lanshan"));
        assert_eq!(match_county("兰山", &c).as_deref(), Some("lanshan"));
        assert_eq!(match_county("lanshan", &c).as_deref(), Some("lanshan"));
        assert_eq!(match_county("沂南", &c).as_deref(), Some("yinan"));
        assert_eq!(match_county("罗庄区", &c), None);
    }

    #[test]
    fn formats_and_bounds() {
        assert_eq!(Format::detect("a.csv", b"PK\x03\x04rest"), Format::Xlsx);
        assert_eq!(Format::detect("a.txt", b" {\"type\": \"FeatureCollection\"}"), Format::GeoJson);
        assert_eq!(Format::detect("list.xls", b"whatever"), Format::Xlsx);
        assert_eq!(Format::detect("list.csv", "名称,经度".as_bytes()), Format::Csv);
        let b = Bounds::around([(118.0, 35.0), (118.5, 35.4)], 1000.0).unwrap();
        assert!(b.contains(118.0, 35.0) && b.contains(117.995, 34.995) && !b.contains(117.98, 35.0));
        assert_eq!(Bounds::parse("117,34,119,36"), Some(Bounds { west: 117.0, south: 34.0, east: 119.0, north: 36.0 }));
        assert_eq!(Bounds::parse("119,34,117,36"), None);
    }
}
