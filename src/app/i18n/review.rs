//! The consultation section: baseline against draft, gaps in the text, print (`ui/review_panel.rs`).

use crate::text::Words;
use crate::words;

pub const RV_HEADING: Words = words!("征求意见工作台", "Consultation review");
pub const RV_TAB_COMPARE: Words = words!("与基准比较", "Changes vs baseline");
pub const RV_TAB_GAPS: Words = words!("条文空白", "Gaps in the text");
pub const RV_TAB_SWEEP: Words = words!("敏感性分析", "Sensitivity sweep");
pub const RV_PRINT: Words = words!("打印摘要", "Print summary");

pub const RV_PRINT_TITLE: Words =
    words!("征求意见摘要：参数改动与影响", "Consultation summary: changes and their effects",);
pub const RV_AS_OF: Words = words!("判定日期", "Judged as of");
pub const RV_BASELINE: Words = words!("基准", "Baseline");
pub const RV_DRAFT: Words = words!("草案（当前）", "Draft (current)");
pub const RV_BASELINE_PRESET: Words = words!("规划文本默认值", "the text's defaults");

pub const RV_BASELINE_CUSTOM: Words =
    words!("用户设定的参数（“设为基准”）", "parameters set by the user (“set as baseline”)",);

pub const RV_SET_BASELINE: Words = words!("将当前参数设为基准", "Set current parameters as baseline");

pub const RV_RESET_BASELINE: Words = words!("恢复以规划默认值为基准", "Baseline back to the text's defaults",);

pub const RV_COMPARE_INTRO: Words = words!(
    "同一数据分别按基准参数和当前参数判定；下面列出两者不同之处。",
    "The same data judged under the baseline and the current parameters; what differs is listed below.",
);
pub const RV_PARAMS_HEADING: Words = words!("参数：基准与草案", "Parameters: baseline and draft");

pub const RV_DECISIONS_HEADING: Words = words!("判定结果不同的申请", "Applications decided differently");

pub const RV_FIGURES_HEADING: Words = words!("覆盖率、区域类别与床位", "Coverage, area classes and beds");
pub const RV_CELLS_HEADING: Words = words!("覆盖变化的格网", "Cells whose coverage changes");
pub const RV_PARAMETER: Words = words!("参数", "parameter");
pub const RV_FIGURE: Words = words!("指标", "figure");
pub const RV_DIFFERENCE: Words = words!("差值", "difference");
pub const RV_PP: Words = words!("个百分点", "pp");
pub const RV_RULE_ON: Words = words!("开启", "on");
pub const RV_RULE_OFF: Words = words!("关闭", "off");

pub const RV_NO_PARAM_CHANGES: Words = words!("当前参数与基准相同。", "The current parameters equal the baseline.",);

pub const RV_NO_DECISION_CHANGES: Words =
    words!("没有申请的判定结果与基准不同。", "No application is decided differently from the baseline.",);

pub const RV_NO_FIGURE_CHANGES: Words = words!("指标与基准相同。", "The figures equal the baseline.");
pub const RV_BECOMES: Words = words!("变为", "becomes");
pub const RV_CHANGED_BY: Words = words!("改变结果的规则", "changed by");

pub const RV_CELLS_GAINED: Words = words!("新增覆盖的格网（人口）", "cells gaining coverage (residents)",);

pub const RV_CELLS_LOST: Words = words!("失去覆盖的格网（人口）", "cells losing coverage (residents)",);

pub const RV_SURFACE_CHANGED: Words =
    words!("所选申请可受理结果改变的格网", "cells where the selected application's outcome changes",);

pub const RV_MAP_HINT: Words = words!(
    "地图图层选“与基准的差异”可看到这些格网的位置。",
    "Choose the map layer “difference from baseline” to see where these cells are.",
);

pub const RV_GAPS_INTRO: Words = words!(
    "对当前数据，条文未规定结果之处：每条规则及其条款、可决定它的解释开关，以及涉及的申请数和可受理范围格网数。",
    "Where the text leaves the outcome undetermined for the current data: each rule with its clause, the switch that would decide it, and how many applications and surface cells fall into it.",
);
pub const RV_GAPS_OPEN: Words = words!("条文未规定（待定）", "Undetermined: the text is silent");

pub const RV_GAPS_NONE: Words =
    words!("当前数据下没有条文未规定的情形。", "Nothing is left undetermined for the current data.",);

pub const RV_GAPS_READINGS: Words = words!("由解释开关决定的情形", "Decided by an interpretation switch",);

pub const RV_READINGS_INTRO: Words = words!(
    "条文不明确、由当前开关取值决定结果的判定（仅计申请数）。",
    "Judgements the text leaves unclear, decided by the switch's current reading (applications only).",
);

pub const RV_READINGS_NONE: Words = words!("没有由解释开关决定的判定。", "No judgement is decided by a switch.",);
pub const RV_RULE_CLAUSE: Words = words!("规则与条款", "rule and clause");
pub const RV_SWITCH: Words = words!("解释开关", "switch");
pub const RV_APPLICATIONS: Words = words!("申请数", "applications");
pub const RV_SURFACE_CELLS: Words = words!("可受理范围格网（人口）", "surface cells (residents)");
pub const RV_OF_WHICH_UNDETERMINED: Words = words!("其中结果待定", "undetermined:");
