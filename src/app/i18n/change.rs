//! The line at the top of the page that says what an edit changed, and undo/redo
//! (`ui/change_line.rs`).

use crate::text::Words;
use crate::words;

pub const CH_LABEL: Words = words!("修改影响", "What changed");
pub const CH_PREVIOUS: Words = words!("本次修改", "This edit");
pub const CH_BASELINE: Words = words!("与基准相比", "Against the baseline");
pub const CH_NONE_YET: Words = words!(
    "修改参数、数据或申请后，这里说明改变了什么",
    "after an edit of the parameters, the data or an application, what it changed shows here",
);
pub const CH_OTHER_DATA: Words = words!("换了数据，无法逐格比较", "other data: nothing to compare cell by cell");
pub const CH_NOTHING: Words = words!("无可见变化", "nothing visible changed");
pub const CH_SAME_AS_BASELINE: Words = words!("与基准相同", "same as the baseline");
pub const CH_NO_DECISION: Words = words!("判定无变化", "no decision changed");
pub const CH_COVERAGE_SAME: Words = words!("覆盖率不变", "coverage unchanged");
pub const CH_UNDO: Words = words!("撤销", "Undo");
pub const CH_REDO: Words = words!("重做", "Redo");
pub const CH_UNDO_KEYS: Words = words!("撤销上一步修改（Ctrl+Z）", "Undo the last edit (Ctrl+Z)");
pub const CH_REDO_KEYS: Words = words!("重做（Ctrl+Shift+Z 或 Ctrl+Y）", "Redo (Ctrl+Shift+Z or Ctrl+Y)");
pub const CH_FULL_COMPARISON: Words = words!("完整比较", "full comparison");
pub const CH_COVERAGE: Words = words!("覆盖：", "coverage: ");
pub const CH_PHARMACY: Words = words!("药店", "pharmacy");
pub const CH_OUTPATIENT: Words = words!("门诊", "outpatient");
pub const CH_INPATIENT: Words = words!("住院", "inpatient");
pub const CH_AREA: Words = words!("所选申请可受理的居民：", "residents where the selected application is acceptable: ");

// The comparison: counties, and two presets side by side (`ui/review_panel.rs`, `ui/preset_compare.rs`).
pub const CH_COUNTIES_HEADING: Words = words!("各县区新增住院定点受理", "Counties' new inpatient designations");
pub const CH_NO_COUNTY_CHANGES: Words = words!("各县区住院受理状态相同", "every county's inpatient status is the same");
pub const CH_COUNTY: Words = words!("县区", "county");
pub const PR_HEADING: Words = words!("两个规划文本对照（同一数据）", "Two presets side by side (same data)");
pub const PR_INTRO: Words = words!(
    "当前数据分别按两个规划文本的默认值判定，下面列出判定、各县区住院受理和各项指标的不同之处。",
    "The data shown judged under each preset's defaults; the decisions, counties' inpatient status and figures that differ are listed.",
);
pub const PR_FIRST: Words = words!("规划文本甲", "preset A");
pub const PR_SECOND: Words = words!("规划文本乙", "preset B");
pub const PR_RUN: Words = words!("对照", "Compare");
pub const PR_NOTHING: Words = words!("两者判定与指标无差别", "no decision or figure differs");
pub const PR_DECISIONS: Words = words!("判定不同的申请", "Applications decided differently");
pub const PR_FIGURES: Words = words!("不同的指标", "Figures that differ");
pub const PR_APPLICATION: Words = words!("申请", "application");
