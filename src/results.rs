//! The results of a scenario's decisions as the user takes them away: a table (CSV with a
//! byte-order mark so that Excel on a Chinese system reads it, or xlsx, alone or before the
//! scenario's own tables), and GeoJSON layers of the applications with their outcomes and the
//! cells with their coverage. Written with the scenario's own table and GeoJSON writers
//! (`scenario::export`); here, above the engine, because a result reads its decisions and coverage.

use std::collections::HashMap;

use crate::engine::Decision;
use crate::scenario::export::{
    collection, count, csv_bytes, opt, opt_text, pair, record_properties, record_values, sheet_name, table_cell,
    table_headers, write_sheet, Cell, ExportError, Val,
};
use crate::scenario::import::Target;
use crate::scenario::*;
use crate::spatial::{CoverageLayers, InstitutionIndex, INPATIENT, OUTPATIENT, PHARMACY};
use crate::text::Lang;
use crate::Outcome;

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
        Kind::InpatientSpecialty => {
            i.kind == Kind::InpatientSpecialty && app.specialty.is_some() && i.specialty == app.specialty
        }
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
        Lang::Zh => {
            ["编号", "名称", "类型", "经度", "纬度", "区县", "结果", "决定规则", "条款", "最近同类定点机构距离（米）"]
        }
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

fn result_cells(r: &ResultRow, lang: Lang) -> Vec<Cell> {
    vec![
        Cell::Text(r.id.clone()),
        opt_text(&r.name),
        Cell::Text(r.kind.label().get(lang).to_string()),
        Cell::Number(r.lon),
        Cell::Number(r.lat),
        opt_text(&r.county.as_deref().map(|c| crate::place_names::county_label(lang, c).into_owned())),
        Cell::Text(r.outcome.label().get(lang).to_string()),
        // A reader's table: the rule by its name and the clause in the reader's language.
        opt_text(
            &r.deciding_rule
                .as_deref()
                .map(|id| crate::policy::any_rule_def(id).map_or(id.to_string(), |d| d.title().get(lang).to_string())),
        ),
        opt_text(&r.clause.as_deref().map(|c| crate::policy::clauses::cite(lang, c).into_owned())),
        r.nearest_same_type_m.map(|d| Cell::Number((d * 10.0).round() / 10.0)).unwrap_or(Cell::Empty),
    ]
}

/// The results as CSV (UTF-8 with BOM, CRLF): headers and kind/outcome labels in `lang`.
pub fn results_csv(rows: &[ResultRow], lang: Lang) -> Vec<u8> {
    let headers: Vec<String> = result_headers(lang).iter().map(|s| s.to_string()).collect();
    csv_bytes(&headers, rows.iter().map(|r| result_cells(r, lang).iter().map(Cell::text).collect()))
}

/// The results as an xlsx workbook of one sheet.
pub fn results_xlsx(rows: &[ResultRow], lang: Lang) -> Result<Vec<u8>, ExportError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let headers: Vec<String> = result_headers(lang).iter().map(|s| s.to_string()).collect();
    write_sheet(&mut book, sheet_name(None, lang), &headers, rows.iter().map(|r| result_cells(r, lang)))?;
    Ok(book.save_to_buffer()?)
}

/// One workbook: the results (when given), then a sheet per table with every field.
pub fn tables_xlsx(s: &Scenario, results: Option<&[ResultRow]>, lang: Lang) -> Result<Vec<u8>, ExportError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    if let Some(rows) = results {
        let headers: Vec<String> = result_headers(lang).iter().map(|s| s.to_string()).collect();
        write_sheet(&mut book, sheet_name(None, lang), &headers, rows.iter().map(|r| result_cells(r, lang)))?;
    }
    for target in Target::ALL {
        let rows = (0..count(target, s))
            .map(|i| record_values(target, s, i).iter().map(|(_, v)| table_cell(v, lang)).collect());
        write_sheet(&mut book, sheet_name(Some(target), lang), &table_headers(target, lang), rows)?;
    }
    Ok(book.save_to_buffer()?)
}

/// The applications as Point features; with decisions, also `outcome`, `deciding_rule`,
/// `clause` and `nearest_same_type_m`.
pub fn applications_geojson(s: &Scenario, decisions: Option<&[Decision]>) -> String {
    let results: HashMap<String, ResultRow> =
        decisions.map(|d| result_rows(s, d).into_iter().map(|r| (r.id.clone(), r)).collect()).unwrap_or_default();
    collection(
        s.applications.len(),
        |i| (s.applications[i].lon, s.applications[i].lat),
        |i, out| {
            let mut first = record_properties(Target::Applications, s, i, out);
            if let Some(r) = results.get(&s.applications[i].id) {
                pair(out, &mut first, "outcome", &Val::Id(r.outcome.id()));
                pair(out, &mut first, "deciding_rule", &opt(&r.deciding_rule, |x| Val::Text(x)));
                pair(out, &mut first, "clause", &opt(&r.clause, |x| Val::Text(x)));
                pair(out, &mut first, "nearest_same_type_m", &opt(&r.nearest_same_type_m, |d| Val::Num(*d)));
            }
        },
    )
}

/// The population cells as Point features; with coverage layers, also `covered_pharmacy`,
/// `covered_outpatient`, `covered_inpatient`.
pub fn cells_geojson(s: &Scenario, coverage: Option<&CoverageLayers>) -> String {
    collection(
        s.population_cells.len(),
        |i| (s.population_cells[i].lon, s.population_cells[i].lat),
        |i, out| {
            let mut first = record_properties(Target::Cells, s, i, out);
            if let Some(l) = coverage {
                let at = |bits: u8| Val::Bool(l.masks.get(i).is_some_and(|m| m & bits != 0));
                pair(out, &mut first, "covered_pharmacy", &at(PHARMACY));
                pair(out, &mut first, "covered_outpatient", &at(OUTPATIENT));
                pair(out, &mut first, "covered_inpatient", &at(INPATIENT));
            }
        },
    )
}
