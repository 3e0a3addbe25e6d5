//! The decision and its rule-by-rule trace (`ui/decision_panel.rs`).

use crate::text::Words;
use crate::words;

pub const DECISION_HEADING: Words = words!("判定", "Decision");
pub const AS_OF: Words = words!("判定日期", "Judged on");
pub const DECIDED_BY: Words = words!("决定性规则", "Decided by");
pub const NO_DECIDING_RULE: Words = words!("没有规则阻止受理", "No rule stands in the way");
pub const WHERE_OUTCOME: Words = words!(
    "只看位置条件（开业时间、人员等满足后）",
    "On the conditions of the place alone (once time open, staff etc. are met)"
);
pub const TRACE_HEADING: Words = words!("逐条判定", "Rule by rule");

pub const TRACE_INTRO: Words = words!(
    "按规定顺序列出每一条规则；“不适用”的条目颜色较浅。",
    "Every rule in its order; entries that do not apply are dimmed.",
);
pub const SWITCH: Words = words!("解释开关", "switch");
pub const SWITCH_GOTO: Words = words!("转到该开关", "go to the switch");
pub const EXEMPTED_BY: Words = words!("豁免依据", "exempted by");
pub const NOTE: Words = words!("说明", "note");
pub const OTHER_APPLICATIONS: Words = words!("其他申请", "Other applications");
pub const NO_APPLICATION: Words = words!("没有申请。请新建一个。", "No application. Create one.");
pub const OUTCOME_FOR: Words = words!("申请", "Application");
