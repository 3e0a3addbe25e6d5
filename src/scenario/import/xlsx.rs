//! Workbooks (xlsx, and xls/xlsb/ods, which calamine reads the same way) from bytes: the first
//! sheet or a chosen one, each cell as the text a person sees, each row numbered as the
//! spreadsheet numbers it.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Reader};

use super::RawRow;
use crate::text::Text;

/// The sheet read, every sheet's name, and the non-blank rows.
pub struct Sheet {
    pub name: String,
    pub sheets: Vec<String>,
    pub rows: Vec<RawRow>,
}

/// Reads one sheet: `sheet` by name, else the first.
pub fn read_sheet(bytes: &[u8], sheet: Option<&str>) -> Result<Sheet, Text> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        Text::new(format!("不是可读取的 Excel 工作簿（{e}）"), format!("not a workbook that can be read ({e})"))
    })?;
    let sheets = book.sheet_names();
    let name = match sheet {
        Some(s) => match sheets.iter().find(|n| n.as_str() == s || n.trim() == s.trim()) {
            Some(n) => n.clone(),
            None => {
                return Err(Text::new(
                    format!("工作簿中没有名为“{s}”的工作表（有：{}）", sheets.join("、")),
                    format!("the workbook has no sheet \"{s}\" (it has: {})", sheets.join(", ")),
                ))
            }
        },
        None => sheets.first().cloned().ok_or_else(|| Text::new("工作簿中没有工作表", "the workbook has no sheet"))?,
    };
    let range = book.worksheet_range(&name).map_err(|e| {
        Text::new(format!("无法读取工作表“{name}”（{e}）"), format!("cannot read sheet \"{name}\" ({e})"))
    })?;
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut rows = Vec::with_capacity(range.height());
    for (i, r) in range.rows().enumerate() {
        if r.iter().all(|c| matches!(c, Data::Empty)) {
            continue;
        }
        let mut cells = vec![String::new(); col0 as usize];
        cells.extend(r.iter().map(cell_text));
        rows.push(RawRow { row: row0 as usize + i + 1, cells, point: None });
    }
    Ok(Sheet { name, sheets, rows })
}

/// A cell as text: whole numbers without ".0", other numbers at full precision, dates as
/// YYYY-MM-DD, errors as Excel shows them (#N/A).
pub fn cell_text(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        Data::DateTime(d) => number_text(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

pub fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}
