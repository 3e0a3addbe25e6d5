//! The annual acceptance plan as a table: one row per county, headers in the reader's language.
//! CSV (UTF-8 with a byte-order mark, CRLF, so Excel on a Chinese system opens the Chinese
//! correctly) and xlsx (one sheet, bold frozen header). The app offers the CSV as a download;
//! the command line writes either (`dingdian plan --format csv|xlsx`).

use super::{AnnualPlan, CountyPlan, RuleRef};
use crate::policy::clauses::cite;
use crate::policy::{any_rule_def, param_def};
use crate::scenario::export::ExportError;
use crate::spatial::AreaClass;
use crate::text::{Lang, Text};

/// One cell of the plan table.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum PlanCell {
    Text(String),
    Number(f64),
    Empty,
}

impl PlanCell {
    fn csv(&self) -> String {
        match self {
            PlanCell::Text(s) => s.clone(),
            PlanCell::Number(x) => crate::text::num(*x, 4),
            PlanCell::Empty => String::new(),
        }
    }
}

const AREAS: [AreaClass; 4] = [AreaClass::Blank, AreaClass::Insufficient, AreaClass::Adequate, AreaClass::Saturated];

fn h(zh: &str, en: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
    }
}

fn headers(lang: Lang) -> Vec<String> {
    let mut out = vec![
        h("区县代码", "county id", lang),
        h("区县", "county", lang),
        h("常住人口（格网合计）", "residents (sum of cells)", lang),
        h("新增住院定点", "new inpatient designations", lang),
        h("住院判定依据规则", "inpatient: deciding rule", lang),
        h("住院判定依据条款", "inpatient: clause", lang),
        h("住院判定开关", "inpatient: switch", lang),
        h("住院说明", "inpatient: explanation", lang),
        h("定点床位额度（张）", "designated-bed allowance (beds)", lang),
        h("床位额度计算", "bed allowance arithmetic", lang),
        h("床位额度依据的解读（假设）", "bed allowance: the reading it rests on (assumption)", lang),
    ];
    for c in AREAS {
        let l = c.label();
        out.push(h(&format!("{}数", l.zh), &format!("{}s", l.en), lang));
        out.push(h(&format!("{}常住人口", l.zh), &format!("{} residents", l.en), lang));
    }
    out.extend([
        h("可受理新增定点零售药店（家）", "new pharmacies the rules could accept", lang),
        h("药店达到测算上限", "pharmacies: cap reached", lang),
        h("药店此后受限于", "pharmacies: then limited by", lang),
        h("可受理新增门诊定点机构（家）", "new outpatient-only institutions the rules could accept", lang),
        h("门诊达到测算上限", "outpatient: cap reached", lang),
        h("门诊此后受限于", "outpatient: then limited by", lang),
        h("依据条款", "clauses relied on", lang),
    ]);
    out
}

fn text(t: &Text, lang: Lang) -> PlanCell {
    PlanCell::Text(t.get(lang).to_string())
}

fn opt(s: Option<&str>) -> PlanCell {
    s.filter(|s| !s.is_empty()).map(|s| PlanCell::Text(s.to_string())).unwrap_or(PlanCell::Empty)
}

/// A rule as a reader names it: its title, never its id.
fn rule_name(id: &str, lang: Lang) -> String {
    any_rule_def(id).map_or(id.to_string(), |d| d.title().get(lang).to_string())
}

/// A switch as a reader names it: its label, never its id.
fn switch_name(id: &str, lang: Lang) -> String {
    param_def(id).map_or(id.to_string(), |d| d.label().get(lang).to_string())
}

fn rule_cell(r: Option<&RuleRef>, lang: Lang) -> PlanCell {
    opt(r.map(|r| format!("{} ({})", rule_name(&r.rule, lang), cite(lang, &r.clause))).as_deref())
}

fn yes_no(b: bool, lang: Lang) -> PlanCell {
    PlanCell::Text(h(if b { "是" } else { "否" }, if b { "yes" } else { "no" }, lang))
}

fn row(c: &CountyPlan, lang: Lang) -> Vec<PlanCell> {
    let d = c.inpatient.deciding_rule.as_ref();
    let mut out = vec![
        PlanCell::Text(c.county.clone()),
        PlanCell::Text(crate::place_names::county_label(lang, &c.name).into_owned()),
        PlanCell::Number(c.cell_residents as f64),
        text(&c.inpatient.status.label(), lang),
        opt(d.map(|r| rule_name(&r.rule, lang)).as_deref()),
        opt(d.map(|r| cite(lang, &r.clause).into_owned()).as_deref()),
        opt(d.and_then(|r| r.switch.as_deref()).map(|sw| switch_name(sw, lang)).as_deref()),
        text(&c.inpatient.text, lang),
        c.beds.whole_beds.map(|b| PlanCell::Number(b as f64)).unwrap_or(PlanCell::Empty),
        text(&c.beds.text, lang),
        text(&c.beds.reading, lang),
    ];
    for class in AREAS {
        let (areas, residents) = c.areas_of(class);
        out.push(PlanCell::Number(areas as f64));
        out.push(PlanCell::Number(residents as f64));
    }
    out.extend([
        PlanCell::Number(c.pharmacy.new_institutions as f64),
        yes_no(c.pharmacy.capped, lang),
        rule_cell(c.pharmacy.limited_by.as_ref(), lang),
        PlanCell::Number(c.outpatient.new_institutions as f64),
        yes_no(c.outpatient.capped, lang),
        rule_cell(c.outpatient.limited_by.as_ref(), lang),
        PlanCell::Text(c.clauses().iter().map(|cl| cite(lang, cl)).collect::<Vec<_>>().join("; ")),
    ]);
    out
}

/// The plan as a table: headers and one row per county.
pub fn plan_rows(plan: &AnnualPlan, lang: Lang) -> (Vec<String>, Vec<Vec<PlanCell>>) {
    (headers(lang), plan.counties.iter().map(|c| row(c, lang)).collect())
}

/// The plan as CSV, UTF-8 with a byte-order mark and CRLF line ends.
pub fn plan_csv(plan: &AnnualPlan, lang: Lang) -> Vec<u8> {
    let (headers, rows) = plan_rows(plan, lang);
    plan_table_csv(&headers, &rows)
}

/// `plan_csv` of a plan already laid out by `plan_rows` (what the app's file worker gets).
pub fn plan_table_csv(headers: &[String], rows: &[Vec<PlanCell>]) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(b"\xEF\xBB\xBF".to_vec());
    // Writing to memory cannot fail, and every row has the headers' length.
    let _ = w.write_record(headers);
    for r in rows {
        let _ = w.write_record(r.iter().map(PlanCell::csv));
    }
    w.into_inner().unwrap_or_default()
}

/// The plan as an xlsx workbook of one sheet; numbers stay numbers.
pub fn plan_xlsx(plan: &AnnualPlan, lang: Lang) -> Result<Vec<u8>, ExportError> {
    let (headers, rows) = plan_rows(plan, lang);
    plan_table_xlsx(&headers, &rows, lang)
}

/// `plan_xlsx` of a plan already laid out by `plan_rows` (what the app's file worker gets).
pub fn plan_table_xlsx(headers: &[String], rows: &[Vec<PlanCell>], lang: Lang) -> Result<Vec<u8>, ExportError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name(h("年度受理计划", "Annual plan", lang))?;
    for (c, name) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, name, &bold)?;
        sheet.set_column_width(c as u16, (name.chars().count() as f64 * 1.6).clamp(10.0, 40.0))?;
    }
    sheet.set_freeze_panes(1, 2)?;
    for (r, cells) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in cells.iter().enumerate() {
            match cell {
                PlanCell::Text(s) => {
                    sheet.write_string(r, c as u16, s)?;
                }
                PlanCell::Number(x) => {
                    sheet.write_number(r, c as u16, *x)?;
                }
                PlanCell::Empty => {}
            }
        }
    }
    Ok(book.save_to_buffer()?)
}
