//! The page around the panels: title, tagline, language button, skip link,
//! the fatal-error screen and the phone menu (`ui/app.rs`, `ui/mod.rs`).

use crate::text::Words;
use crate::words;

pub const APP_NAME: Words = words!("定点", "dingdian");

pub const APP_TAGLINE: Words = words!(
    "医保定点医药机构准入规则模拟：改参数，看规则如何判定申请、影响床位与服务覆盖",
    "Simulates the rules that admit hospitals, clinics and pharmacies to basic medical insurance: change a parameter, see the decision",
);
/// The document's title (the tab, bookmarks, a printout's header), in the page's language.
pub const DOC_TITLE: Words =
    words!("定点 dingdian · 医保定点医药机构准入模拟", "dingdian · simulating the designation of insurance providers",);
pub const PRESET: Words = words!("规划文本", "Policy text");
pub const LANG_BUTTON: Words = words!("English", "中文");

pub const OFFLINE_NOTE: Words = words!(
    "全部在浏览器内计算，不发送任何数据。",
    "Everything is computed in your browser; nothing is sent anywhere.",
);
pub const SKIP_TO_DECISION: Words = words!("跳到判定结果", "Skip to the decision");
pub const FATAL_TITLE: Words = words!("出错了", "Something went wrong");
pub const FATAL_RELOAD: Words = words!("重新加载", "Reload");

pub const FATAL_AUTOSAVED: Words = words!(
    "你的工作已自动保存：重新加载页面即可恢复。",
    "Your work was saved automatically: reloading the page restores it.",
);
pub const G_SKIP: Words = words!("跳到简易自查", "Skip to the quick check");

/// The phone header's menu button: always in both languages, so either reader finds it.
pub const MENU: Words = words!("菜单", "Menu");
