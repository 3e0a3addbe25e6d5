//! Parameters, switches and rule toggles (`ui/params_panel.rs`).

use crate::text::Words;
use crate::words;

pub const PARAMS_HEADING: Words = words!("参数与解释开关", "Parameters and switches");

pub const PARAMS_INTRO: Words = words!(
    "默认值取自所选规划文本；改动即时重新判定。",
    "Defaults come from the chosen text; every change is judged again at once.",
);
pub const RULES_HEADING: Words = words!("规则开关", "Rules on or off");

pub const RULES_INTRO: Words = words!(
    "所选规划文本包含的规则默认开启；其他文本的规则可手动开启。",
    "The rules of the chosen text are on; rules from other texts can be turned on.",
);
pub const RULES_OTHER: Words = words!("本规划文本未包含的规则", "Rules not in this text");
pub const RULE_ADDED: Words = words!("用户开启", "turned on by you");
pub const RULE_REMOVED: Words = words!("用户关闭", "turned off by you");
pub const RESET: Words = words!("恢复默认", "Reset");
pub const RESET_LABEL: Words = words!("恢复为规划文本默认值", "Reset to the text's default");
pub const PRESET_DEFAULT: Words = words!("规划默认值", "Text's default");
pub const CHANGED: Words = words!("已修改", "changed");
pub const ASSUMPTION: Words = words!("假设", "assumption");
pub const SOURCE: Words = words!("出处", "Source");
pub const AUTO: Words = words!("原文未给出（待定）", "not given by the text (undetermined)");
pub const SLIDER_LABEL: Words = words!("拖动调整服务半径", "Drag to change the service radius");
pub const RV_BASELINE_VALUE: Words = words!("基准值", "Baseline");

pub const RV_BASELINE_IS_PRESET: Words = words!("基准值（规划默认值）", "Baseline (the text's default)");

pub const AS_RULES_HEADING: Words = words!("年度考核与退出规则", "Annual assessment and exit rules");

pub const BU_RULES_HEADING: Words = words!("县域医共体总额付费规则", "County community global budget rules",);

/// The count of parameters the chosen text does not use, folded away, and the button that
/// shows them (`{n}`: how many).
pub fn unused_hidden(n: usize) -> crate::text::Text {
    crate::text::Text::new(
        format!("另有 {n} 项参数本规划文本未使用，已隐藏"),
        format!("{n} more parameters this text does not use are hidden"),
    )
}
pub const SHOW_UNUSED: Words = words!("显示", "Show them");
pub const HIDE_UNUSED: Words = words!("隐藏未使用的参数", "Hide the unused parameters");
