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

use std::collections::HashMap;
use std::fmt;

use serde_json::Value;

use super::import::{Field, Target};
use super::types::*;
use crate::engine::Decision;
use crate::spatial::{CoverageLayers, InstitutionIndex, INPATIENT, OUTPATIENT, PHARMACY};
use crate::text::Lang;
use crate::Outcome;

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

/// One application's result.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ResultRow {
    pub id: String,
    pub name: Option<String>,
    pub kind: Kind,
    pub lon: f64,
    pub lat: f64,
    /// The county's name (its id when the scenario has no such county).
    pub county: Option<String>,
    pub outcome: Outcome,
    /// The rule whose verdict decided the outcome (`Decision::deciding_rule`); none when accepted.
    pub deciding_rule: Option<String>,
    pub clause: Option<String>,
    /// Metres to the nearest designated institution of the same type (`nearest_same_type`),
    /// `None` when there is none within 50 km.
    pub nearest_same_type_m: Option<f64>,
}

/// Whether `i` is a designated institution of the same type as the applicant, as the proximity
/// rules count them: a pharmacy sharing a category; a general inpatient institution; a specialty
/// one of the same specialty; for an outpatient applicant any medical institution that provides
/// outpatient care (the outpatient rule's neighbours); a primary-care institution. The
/// applicant's own existing site (address change, medical aid) never counts.
pub fn same_type(app: &Application, i: &Institution) -> bool {
    if !i.designated || Some(i.id.as_str()) == app.own_institution() {
        return false;
    }
    match app.kind {
        Kind::Pharmacy => i.kind == Kind::Pharmacy && i.categories().intersects(app.categories()),
        Kind::InpatientGeneral => i.kind == Kind::InpatientGeneral,
        Kind::InpatientSpecialty => i.kind == Kind::InpatientSpecialty && app.specialty.is_some() && i.specialty == app.specialty,
        Kind::Outpatient => i.kind.is_medical() && i.provides_outpatient(),
        // By the service it provides, as the rules judge it.
        Kind::PrimaryCare => match app.service() {
            Some(crate::scenario::Service::Inpatient) => i.kind == Kind::PrimaryCare && i.service() == app.service(),
            _ => i.kind.is_medical() && i.provides_outpatient(),
        },
    }
}

/// The distance to the nearest `same_type` institution, within 50 km.
pub fn nearest_same_type(s: &Scenario, index: &InstitutionIndex, app: &Application) -> Option<f64> {
    index.nearest(&s.institutions, app.lon, app.lat, |i| same_type(app, i)).map(|(_, d)| d)
}

/// The result of every application of `s` that has a decision (matched by id), in the
/// scenario's order.
pub fn result_rows(s: &Scenario, decisions: &[Decision]) -> Vec<ResultRow> {
    let by_id: HashMap<&str, &Decision> = decisions.iter().map(|d| (d.id.as_str(), d)).collect();
    let county_names: HashMap<&str, &str> = s.counties.iter().map(|c| (c.id.as_str(), c.name.as_str())).collect();
    let index = InstitutionIndex::build(&s.institutions);
    s.applications
        .iter()
        .filter_map(|a| {
            let d = by_id.get(a.id.as_str())?;
            let rule = d.deciding_rule();
            Some(ResultRow {
                id: a.id.clone(),
                name: a.name.clone(),
                kind: a.kind,
                lon: a.lon,
                lat: a.lat,
                county: a.county.as_deref().map(|c| county_names.get(c).copied().unwrap_or(c).to_string()),
                outcome: d.outcome,
                deciding_rule: rule.map(|r| r.rule.to_string()),
                clause: rule.map(|r| r.clause.to_string()),
                nearest_same_type_m: nearest_same_type(s, &index, a),
            })
        })
        .collect()
}

fn result_headers(lang: Lang) -> [&'static str; 10] {
    match lang {
        Lang::Zh => ["编号", "名称", "类型", "经度", "纬度", "区县", "结果", "决定规则", "条款", "最近同类定点机构距离（米）"],
        Lang::En => [
            "id",
            "name",
            "kind",
            "lon",
            "lat",
            "county",
            "outcome",
            "deciding rule",
            "clause",
            "nearest same-type designated institution (m)",
        ],
    }
}

/// A result row's cells; `Cell::Number` where a spreadsheet should see a number.
enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(x) => x.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

fn opt_text(s: &Option<String>) -> Cell {
    s.as_ref().map(|s| Cell::Text(s.clone())).unwrap_or(Cell::Empty)
}

fn result_cells(r: &ResultRow, lang: Lang) -> Vec<Cell> {
    vec![
        Cell::Text(r.id.clone()),
        opt_text(&r.name),
        Cell::Text(r.kind.label().get(lang).to_string()),
        Cell::Number(r.lon),
        Cell::Number(r.lat),
        opt_text(&r.county),
        Cell::Text(r.outcome.label().get(lang).to_string()),
        opt_text(&r.deciding_rule),
        opt_text(&r.clause),
        r.nearest_same_type_m.map(|d| Cell::Number((d * 10.0).round() / 10.0)).unwrap_or(Cell::Empty),
    ]
}

/// Writes rows as CSV, UTF-8 with a byte-order mark.
fn csv_bytes(headers: &[String], rows: impl Iterator<Item = Vec<String>>) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(b"\xEF\xBB\xBF".to_vec());
    // Writing to memory cannot fail; a field count mismatch cannot happen (fixed columns).
    let _ = w.write_record(headers);
    for r in rows {
        let _ = w.write_record(&r);
    }
    w.into_inner().unwrap_or_default()
}

/// The results as CSV (UTF-8 with BOM, CRLF): headers and kind/outcome labels in `lang`.
pub fn results_csv(rows: &[ResultRow], lang: Lang) -> Vec<u8> {
    let headers: Vec<String> = result_headers(lang).iter().map(|s| s.to_string()).collect();
    csv_bytes(&headers, rows.iter().map(|r| result_cells(r, lang).iter().map(Cell::text).collect()))
}

fn write_sheet(
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

/// The results as an xlsx workbook of one sheet.
pub fn results_xlsx(rows: &[ResultRow], lang: Lang) -> Result<Vec<u8>, ExportError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let headers: Vec<String> = result_headers(lang).iter().map(|s| s.to_string()).collect();
    write_sheet(&mut book, sheet_name(None, lang), &headers, rows.iter().map(|r| result_cells(r, lang)))?;
    Ok(book.save_to_buffer()?)
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
        Target::Institutions => {
            &[Id, Name, Kind, Category, Specialty, Subtype, Integrated, Lon, Lat, County, Area, Designated, Beds, ProvidesOutpatient]
        }
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
            Lang::Zh => f.label().zh,
        })
        .collect()
}

/// A field's value in an export, rendered per format.
enum Val<'a> {
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

fn opt<'a, T>(v: &'a Option<T>, f: impl Fn(&'a T) -> Val<'a>) -> Val<'a> {
    v.as_ref().map(f).unwrap_or(Val::Null)
}

fn text(v: &Option<String>) -> Val<'_> {
    opt(v, |s| Val::Text(s))
}

/// One record's fields, in `table_fields` order.
fn record_values(target: Target, s: &Scenario, i: usize) -> Vec<(Field, Val<'_>)> {
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

fn count(target: Target, s: &Scenario) -> usize {
    match target {
        Target::Institutions => s.institutions.len(),
        Target::Applications => s.applications.len(),
        Target::Cells => s.population_cells.len(),
    }
}

/// A value as a table cell: ids as they are, except in Chinese, where kinds, categories,
/// specialties and subtypes are their Chinese names and booleans 是/否 (all read back).
fn table_cell(v: &Val, lang: Lang) -> Cell {
    let zh = lang == Lang::Zh;
    match v {
        Val::Null => Cell::Empty,
        Val::Text(s) => Cell::Text(s.to_string()),
        Val::Id(s) => Cell::Text(s.to_string()),
        Val::Num(x) => Cell::Number(*x),
        Val::Int(n) => Cell::Number(*n as f64),
        Val::Bool(b) if zh => Cell::Text(if *b { "是" } else { "否" }.to_string()),
        Val::Bool(b) => Cell::Text(b.to_string()),
        Val::Kind(k) if zh => Cell::Text(k.label().zh),
        Val::Kind(k) => Cell::Text(k.id().to_string()),
        Val::Cats(c) if zh => Cell::Text(c.label().zh),
        Val::Cats(c) => Cell::Text(c.iter().map(Category::id).collect::<Vec<_>>().join(",")),
        Val::Specialty(x) if zh => Cell::Text(x.label().zh),
        Val::Specialty(x) => Cell::Text(enum_id(*x)),
        Val::Subtype(x) if zh => Cell::Text(x.label().zh),
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
    let rows = (0..count(target, s)).map(|i| record_values(target, s, i).iter().map(|(_, v)| table_cell(v, lang).text()).collect());
    csv_bytes(&table_headers(target, lang), rows)
}

fn sheet_name(target: Option<Target>, lang: Lang) -> &'static str {
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

/// One workbook: the results (when given), then a sheet per table with every field.
pub fn tables_xlsx(s: &Scenario, results: Option<&[ResultRow]>, lang: Lang) -> Result<Vec<u8>, ExportError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    if let Some(rows) = results {
        let headers: Vec<String> = result_headers(lang).iter().map(|s| s.to_string()).collect();
        write_sheet(&mut book, sheet_name(None, lang), &headers, rows.iter().map(|r| result_cells(r, lang)))?;
    }
    for target in Target::ALL {
        let rows = (0..count(target, s)).map(|i| record_values(target, s, i).iter().map(|(_, v)| table_cell(v, lang)).collect());
        write_sheet(&mut book, sheet_name(Some(target), lang), &table_headers(target, lang), rows)?;
    }
    Ok(book.save_to_buffer()?)
}

// ---------------------------------------------------------------------------------------------
// GeoJSON layers (written directly: a hundred thousand features in well under a second)

/// Writes a FeatureCollection of points; `props` writes a feature's properties (comma-led pairs
/// after the first) into the string.
fn collection(n: usize, point: impl Fn(usize) -> (f64, f64), props: impl Fn(usize, &mut String)) -> String {
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
fn pair(out: &mut String, first: &mut bool, key: &str, value: &Val) {
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

fn record_properties(target: Target, s: &Scenario, i: usize, out: &mut String) -> bool {
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
    collection(s.institutions.len(), |i| (s.institutions[i].lon, s.institutions[i].lat), |i, out| {
        record_properties(Target::Institutions, s, i, out);
    })
}

/// The applications as Point features; with decisions, also `outcome`, `deciding_rule`,
/// `clause` and `nearest_same_type_m`.
pub fn applications_geojson(s: &Scenario, decisions: Option<&[Decision]>) -> String {
    let results: HashMap<String, ResultRow> =
        decisions.map(|d| result_rows(s, d).into_iter().map(|r| (r.id.clone(), r)).collect()).unwrap_or_default();
    collection(s.applications.len(), |i| (s.applications[i].lon, s.applications[i].lat), |i, out| {
        let mut first = record_properties(Target::Applications, s, i, out);
        if let Some(r) = results.get(&s.applications[i].id) {
            pair(out, &mut first, "outcome", &Val::Id(r.outcome.id()));
            pair(out, &mut first, "deciding_rule", &opt(&r.deciding_rule, |x| Val::Text(x)));
            pair(out, &mut first, "clause", &opt(&r.clause, |x| Val::Text(x)));
            pair(out, &mut first, "nearest_same_type_m", &opt(&r.nearest_same_type_m, |d| Val::Num(*d)));
        }
    })
}

/// The population cells as Point features; with coverage layers, also `covered_pharmacy`,
/// `covered_outpatient`, `covered_inpatient`.
pub fn cells_geojson(s: &Scenario, coverage: Option<&CoverageLayers>) -> String {
    collection(s.population_cells.len(), |i| (s.population_cells[i].lon, s.population_cells[i].lat), |i, out| {
        let mut first = record_properties(Target::Cells, s, i, out);
        if let Some(l) = coverage {
            let at = |bits: u8| Val::Bool(l.masks.get(i).is_some_and(|m| m & bits != 0));
            pair(out, &mut first, "covered_pharmacy", &at(PHARMACY));
            pair(out, &mut first, "covered_outpatient", &at(OUTPATIENT));
            pair(out, &mut first, "covered_inpatient", &at(INPATIENT));
        }
    })
}
