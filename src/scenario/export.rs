//! Export, as pure functions returning bytes or text (the app offers them as downloads; the
//! command line writes them):
//!
//! - results of the applications as CSV (UTF-8 with a byte-order mark, so that Excel on a Chinese
//!   system opens the Chinese correctly) or xlsx: id, name, kind, lon, lat, county, outcome,
//!   deciding rule, clause, and the distance to the nearest designated institution of the same
//!   type (`nearest_same_type`);
//! - the scenario as JSON (DESIGN.md §3);
//! - the institutions, applications and population cells as tables (CSV, or one xlsx workbook
//!   with a sheet each) holding every field, which the importer reads back to the same scenario;
//! - the same three as GeoJSON layers (WGS-84, RFC 7946): applications with their outcomes, cells
//!   with their coverage.

use std::fmt;

use serde_json::Value;

use super::import::{Field, Target};
use super::types::*;
use crate::text::Lang;

/// An export that could not be written (only xlsx can fail).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportError {
    pub message: String,
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ExportError {}

impl From<rust_xlsxwriter::XlsxError> for ExportError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        ExportError { message: format!("cannot write the workbook: {e}") }
    }
}

/// A result row's cells; `Cell::Number` where a spreadsheet should see a number.
pub(crate) enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

impl Cell {
    pub(crate) fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(x) => x.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

pub(crate) fn opt_text(s: &Option<String>) -> Cell {
    s.as_ref().map(|s| Cell::Text(s.clone())).unwrap_or(Cell::Empty)
}

/// Writes rows as CSV, UTF-8 with a byte-order mark.
pub(crate) fn csv_bytes(headers: &[String], rows: impl Iterator<Item = Vec<String>>) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(b"\xEF\xBB\xBF".to_vec());
    // Writing to memory cannot fail; a field count mismatch cannot happen (fixed columns).
    let _ = w.write_record(headers);
    for r in rows {
        let _ = w.write_record(&r);
    }
    w.into_inner().unwrap_or_default()
}

pub(crate) fn write_sheet(
    book: &mut rust_xlsxwriter::Workbook,
    name: &str,
    headers: &[String],
    rows: impl Iterator<Item = Vec<Cell>>,
) -> Result<(), ExportError> {
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name(name)?;
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &bold)?;
        sheet.set_column_width(c as u16, (h.chars().count() as f64 * 1.6).clamp(10.0, 40.0))?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (r, cells) in rows.enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in cells.iter().enumerate() {
            match cell {
                Cell::Text(s) => {
                    sheet.write_string(r, c as u16, s)?;
                }
                Cell::Number(x) => {
                    sheet.write_number(r, c as u16, *x)?;
                }
                Cell::Empty => {}
            }
        }
    }
    Ok(())
}

/// The scenario as indented JSON (DESIGN.md §3).
///
/// Through a `Value` (the same text: keys keep their order, numbers their digits): the app
/// already turns scenarios into `Value`s for share links, and writing one straight to indented
/// text would compile every scenario type's serialiser a third time into the page's wasm.
pub fn scenario_json(s: &Scenario) -> String {
    serde_json::to_value(s).and_then(|v| serde_json::to_string_pretty(&v)).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// Tables of every field

/// The fields a table of `target` holds, in order.
pub fn table_fields(target: Target) -> &'static [Field] {
    use Field::*;
    match target {
        Target::Institutions => &[
            Id,
            Name,
            Kind,
            Category,
            Specialty,
            Subtype,
            Integrated,
            Lon,
            Lat,
            County,
            Area,
            Designated,
            Beds,
            ProvidesOutpatient,
        ],
        Target::Applications => &[
            Id,
            Name,
            Kind,
            Category,
            Specialty,
            Subtype,
            Integrated,
            Change,
            InstitutionId,
            Scope,
            KeyProject,
            Lon,
            Lat,
            County,
            Area,
            Beds,
            InsuranceOfficeStaff,
            InsuranceDept,
            OperatingMonths,
            Physicians,
            Pharmacists,
            ShortageType,
            UnevenArea,
            NegativeListReason,
            NegativeListSince,
        ],
        Target::Cells => &[Lon, Lat, Population, County, Area],
    }
}

/// A header per field: the contract's names in English, the importer's Chinese headers in Chinese.
pub fn table_headers(target: Target, lang: Lang) -> Vec<String> {
    table_fields(target)
        .iter()
        .map(|f| match lang {
            Lang::En => f.id().to_string(),
            Lang::Zh => f.label().zh.into_owned(),
        })
        .collect()
}

/// A field's value in an export, rendered per format.
pub(crate) enum Val<'a> {
    Null,
    Text(&'a str),
    Id(&'static str),
    Num(f64),
    Int(u64),
    Bool(bool),
    Kind(Kind),
    Cats(Categories),
    Specialty(Specialty),
    Subtype(Subtype),
}

pub(crate) fn opt<'a, T>(v: &'a Option<T>, f: impl Fn(&'a T) -> Val<'a>) -> Val<'a> {
    v.as_ref().map(f).unwrap_or(Val::Null)
}

pub(crate) fn text(v: &Option<String>) -> Val<'_> {
    opt(v, |s| Val::Text(s))
}

/// One record's fields, in `table_fields` order.
pub(crate) fn record_values(target: Target, s: &Scenario, i: usize) -> Vec<(Field, Val<'_>)> {
    let fields = table_fields(target);
    let value = |f: Field| -> Val<'_> {
        match target {
            Target::Institutions => {
                let x = &s.institutions[i];
                match f {
                    Field::Id => Val::Text(&x.id),
                    Field::Name => text(&x.name),
                    Field::Kind => Val::Kind(x.kind),
                    Field::Category => opt(&x.category, |c| Val::Cats(*c)),
                    Field::Specialty => opt(&x.specialty, |v| Val::Specialty(*v)),
                    Field::Subtype => opt(&x.subtype, |v| Val::Subtype(*v)),
                    Field::Integrated => opt(&x.integrated, |b| Val::Bool(*b)),
                    Field::Lon => Val::Num(x.lon),
                    Field::Lat => Val::Num(x.lat),
                    Field::County => text(&x.county),
                    Field::Area => text(&x.area),
                    Field::Designated => Val::Bool(x.designated),
                    Field::Beds => opt(&x.beds, |n| Val::Int(*n)),
                    Field::ProvidesOutpatient => opt(&x.provides_outpatient, |b| Val::Bool(*b)),
                    _ => Val::Null,
                }
            }
            Target::Applications => {
                let x = &s.applications[i];
                match f {
                    Field::Id => Val::Text(&x.id),
                    Field::Name => text(&x.name),
                    Field::Kind => Val::Kind(x.kind),
                    Field::Category => opt(&x.category, |c| Val::Cats(*c)),
                    Field::Specialty => opt(&x.specialty, |v| Val::Specialty(*v)),
                    Field::Subtype => opt(&x.subtype, |v| Val::Subtype(*v)),
                    Field::Integrated => opt(&x.integrated, |b| Val::Bool(*b)),
                    Field::Change => Val::Id(match x.change {
                        Change::New => "new",
                        Change::NewSite => "new_site",
                        Change::AddressChange => "address_change",
                    }),
                    Field::InstitutionId => text(&x.institution_id),
                    Field::Scope => Val::Id(match x.scope {
                        Scope::Basic => "basic",
                        Scope::PersonalAccountOnly => "personal_account_only",
                        Scope::MedicalAid => "medical_aid",
                    }),
                    Field::KeyProject => opt(&x.key_project, |k| match k.0 {
                        None => Val::Bool(false),
                        Some(KeyLevel::Municipal) => Val::Id("municipal"),
                        Some(KeyLevel::Provincial) => Val::Id("provincial"),
                        Some(KeyLevel::Central) => Val::Id("central"),
                    }),
                    Field::Lon => Val::Num(x.lon),
                    Field::Lat => Val::Num(x.lat),
                    Field::County => text(&x.county),
                    Field::Area => text(&x.area),
                    Field::Beds => opt(&x.beds, |n| Val::Int(*n)),
                    Field::InsuranceOfficeStaff => opt(&x.insurance_office_staff, |n| Val::Int(*n)),
                    Field::InsuranceDept => opt(&x.insurance_dept, |b| Val::Bool(*b)),
                    Field::OperatingMonths => opt(&x.operating_months, |n| Val::Num(*n)),
                    Field::Physicians => opt(&x.physicians, |n| Val::Int(*n)),
                    Field::Pharmacists => opt(&x.pharmacists, |n| Val::Int(*n)),
                    Field::ShortageType => opt(&x.shortage_type, |b| Val::Bool(*b)),
                    Field::UnevenArea => opt(&x.uneven_area, |b| Val::Bool(*b)),
                    Field::NegativeListReason => opt(&x.negative_list, |n| {
                        Val::Id(match n.reason {
                            NegativeReason::FalseMaterials => "false_materials",
                            NegativeReason::AgreementTerminated => "agreement_terminated",
                            NegativeReason::Blacklisted => "blacklisted",
                        })
                    }),
                    Field::NegativeListSince => opt(&x.negative_list, |n| Val::Text(&n.since)),
                    _ => Val::Null,
                }
            }
            Target::Cells => {
                let x = &s.population_cells[i];
                match f {
                    Field::Lon => Val::Num(x.lon),
                    Field::Lat => Val::Num(x.lat),
                    Field::Population => Val::Int(x.population),
                    Field::County => text(&x.county),
                    Field::Area => text(&x.area),
                    _ => Val::Null,
                }
            }
        }
    };
    fields.iter().map(|f| (*f, value(*f))).collect()
}

pub(crate) fn count(target: Target, s: &Scenario) -> usize {
    match target {
        Target::Institutions => s.institutions.len(),
        Target::Applications => s.applications.len(),
        Target::Cells => s.population_cells.len(),
    }
}

/// A value as a table cell: ids as they are, except in Chinese, where kinds, categories,
/// specialties and subtypes are their Chinese names and booleans 是/否 (all read back).
pub(crate) fn table_cell(v: &Val, lang: Lang) -> Cell {
    let zh = lang == Lang::Zh;
    match v {
        Val::Null => Cell::Empty,
        Val::Text(s) => Cell::Text(s.to_string()),
        Val::Id(s) => Cell::Text(s.to_string()),
        Val::Num(x) => Cell::Number(*x),
        Val::Int(n) => Cell::Number(*n as f64),
        Val::Bool(b) if zh => Cell::Text(if *b { "是" } else { "否" }.to_string()),
        Val::Bool(b) => Cell::Text(b.to_string()),
        Val::Kind(k) if zh => Cell::Text(k.label().zh.into_owned()),
        Val::Kind(k) => Cell::Text(k.id().to_string()),
        Val::Cats(c) if zh => Cell::Text(c.label().zh.into_owned()),
        Val::Cats(c) => Cell::Text(c.iter().map(Category::id).collect::<Vec<_>>().join(",")),
        Val::Specialty(x) if zh => Cell::Text(x.label().zh.into_owned()),
        Val::Specialty(x) => Cell::Text(enum_id(*x)),
        Val::Subtype(x) if zh => Cell::Text(x.label().zh.into_owned()),
        Val::Subtype(x) => Cell::Text(enum_id(*x)),
    }
}

/// A value as JSON text, as the scenario contract writes it; `None` for absent.
fn json_value(v: &Val, out: &mut String) -> bool {
    let quoted = |s: &str, out: &mut String| out.push_str(&serde_json::to_string(s).unwrap_or_default());
    match v {
        Val::Null => return false,
        Val::Text(s) => quoted(s, out),
        Val::Id(s) => quoted(s, out),
        Val::Num(x) => out.push_str(&number(*x)),
        Val::Int(n) => out.push_str(&n.to_string()),
        Val::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Val::Kind(k) => quoted(k.id(), out),
        Val::Cats(c) => {
            let ids: Vec<&str> = c.iter().map(Category::id).collect();
            if ids.len() == 1 {
                quoted(ids[0], out);
            } else {
                out.push_str(&serde_json::to_string(&ids).unwrap_or_default());
            }
        }
        Val::Specialty(x) => quoted(&enum_id(*x), out),
        Val::Subtype(x) => quoted(&enum_id(*x), out),
    }
    true
}

/// A finite f64 as JSON: the shortest text that reads back to the same number.
fn number(x: f64) -> String {
    if x.is_finite() {
        x.to_string()
    } else {
        "null".to_string()
    }
}

fn enum_id<T: serde::Serialize>(v: T) -> String {
    match serde_json::to_value(v) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Institutions, applications or population cells as CSV (UTF-8 with BOM) with every field; the
/// importer reads it back to the same records.
pub fn table_csv(s: &Scenario, target: Target, lang: Lang) -> Vec<u8> {
    let rows = (0..count(target, s))
        .map(|i| record_values(target, s, i).iter().map(|(_, v)| table_cell(v, lang).text()).collect());
    csv_bytes(&table_headers(target, lang), rows)
}

pub(crate) fn sheet_name(target: Option<Target>, lang: Lang) -> &'static str {
    match (target, lang) {
        (None, Lang::Zh) => "审核结果",
        (None, Lang::En) => "results",
        (Some(t), Lang::En) => t.id(),
        (Some(Target::Institutions), Lang::Zh) => "医药机构",
        (Some(Target::Applications), Lang::Zh) => "申请",
        (Some(Target::Cells), Lang::Zh) => "人口格网",
    }
}

/// The name of a table's sheet in `tables_xlsx` (for `ImportOptions::sheet`).
pub fn table_sheet_name(target: Target, lang: Lang) -> &'static str {
    sheet_name(Some(target), lang)
}

// ---------------------------------------------------------------------------------------------
// GeoJSON layers (written directly: a hundred thousand features in well under a second)

/// Writes a FeatureCollection of points; `props` writes a feature's properties (comma-led pairs
/// after the first) into the string.
pub(crate) fn collection(n: usize, point: impl Fn(usize) -> (f64, f64), props: impl Fn(usize, &mut String)) -> String {
    let mut out = String::with_capacity(n * 200 + 64);
    out.push_str(r#"{"type":"FeatureCollection","features":["#);
    for i in 0..n {
        if i > 0 {
            out.push(',');
        }
        out.push_str(r#"{"type":"Feature","properties":{"#);
        props(i, &mut out);
        let (lon, lat) = point(i);
        out.push_str(r#"},"geometry":{"type":"Point","coordinates":["#);
        out.push_str(&number(lon));
        out.push(',');
        out.push_str(&number(lat));
        out.push_str("]}}");
    }
    out.push_str("]}");
    out
}

/// Writes `"key":value` pairs, a comma before each but the first of the object.
pub(crate) fn pair(out: &mut String, first: &mut bool, key: &str, value: &Val) {
    let mark = out.len();
    if !*first {
        out.push(',');
    }
    out.push('"');
    out.push_str(key);
    out.push_str("\":");
    if json_value(value, out) {
        *first = false;
    } else {
        out.truncate(mark);
    }
}

pub(crate) fn record_properties(target: Target, s: &Scenario, i: usize, out: &mut String) -> bool {
    let mut first = true;
    for (f, v) in record_values(target, s, i) {
        if !matches!(f, Field::Lon | Field::Lat) {
            pair(out, &mut first, f.id(), &v);
        }
    }
    first
}

/// The institutions as Point features, every field a property.
pub fn institutions_geojson(s: &Scenario) -> String {
    collection(
        s.institutions.len(),
        |i| (s.institutions[i].lon, s.institutions[i].lat),
        |i, out| {
            record_properties(Target::Institutions, s, i, out);
        },
    )
}
