//! The table of every application and its exports (`ui/results_panel.rs`).

use crate::text::Words;
use crate::words;

pub const RS_HEADING: Words = words!("批量判定结果", "Results of every application");
pub const RS_APPLICATIONS: Words = words!("个申请", "applications");
pub const RS_FILTER_OUTCOME: Words = words!("结果", "Outcome");
pub const RS_FILTER_KIND: Words = words!("类型", "Kind");
pub const RS_FILTER_TEXT: Words = words!("搜索", "Search");
pub const RS_ALL: Words = words!("全部", "all");
pub const RS_SHOWN: Words = words!("条符合", "shown");
pub const RS_CAPTION: Words = words!(
    "每个申请的判定结果、决定规则和最近同类定点机构距离",
    "Each application's outcome, deciding rule and distance to the nearest same-type designated institution"
);
pub const RS_COL_ID: Words = words!("编号", "Id");
pub const RS_COL_NAME: Words = words!("名称", "Name");
pub const RS_COL_KIND: Words = words!("类型", "Kind");
pub const RS_COL_COUNTY: Words = words!("区县", "County");
pub const RS_COL_OUTCOME: Words = words!("结果", "Outcome");
pub const RS_COL_RULE: Words = words!("决定规则（条款）", "Deciding rule (clause)");
pub const RS_COL_NEAREST: Words = words!("最近同类定点", "Nearest same type");
pub const RS_NONE_NEAR: Words = words!("50公里内无", "none within 50 km");
pub const RS_KM: Words = words!("公里", "km");
pub const RS_PAGES: Words = words!("分页", "Pages");
pub const RS_PREV: Words = words!("上一页", "Previous");
pub const RS_NEXT: Words = words!("下一页", "Next");
pub const RS_EXPORT: Words = words!("导出", "Export");
pub const RS_FILE: Words = words!("判定结果", "results");
pub const RS_EX_CSV: Words = words!("结果 CSV", "Results CSV");
pub const RS_EX_XLSX: Words = words!("结果 Excel", "Results Excel");
pub const RS_EX_JSON: Words = words!("情景 JSON", "Scenario JSON");
pub const RS_EX_INSTITUTIONS: Words = words!("机构 GeoJSON", "Institutions GeoJSON");

pub const RS_EX_APPLICATIONS: Words = words!("申请及结果 GeoJSON", "Applications with outcomes GeoJSON");
pub const RS_EX_CELLS: Words = words!("人口格网及覆盖 GeoJSON", "Cells with coverage GeoJSON");
