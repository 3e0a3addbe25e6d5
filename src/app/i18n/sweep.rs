//! The sensitivity sweep (`ui/sweep_panel.rs`).

use crate::text::Words;
use crate::words;

pub const RV_SW_INTRO: Words = words!(
    "选一个参数，在一个范围内逐步取值，其余参数保持当前值：看覆盖率、所选申请的可受理人口占比和暂停、不予受理的申请数如何变化。",
    "Step one parameter over a range, everything else as set: see how coverage, the accepting share of the selected application's surface and the suspended and rejected applications change.",
);
pub const RV_SW_PARAM: Words = words!("参数", "Parameter");
pub const RV_SW_FROM: Words = words!("起点", "From");
pub const RV_SW_TO: Words = words!("终点", "To");
pub const RV_SW_STEPS: Words = words!("取值个数", "Values");
pub const RV_SW_RUN: Words = words!("开始计算", "Run sweep");
pub const RV_SW_CANCEL: Words = words!("取消", "Cancel");
pub const RV_SW_CANCELLED: Words = words!("已取消", "cancelled");
pub const RV_SW_PROGRESS: Words = words!("计算进度", "Sweep progress");
pub const RV_SW_CURRENT: Words = words!("当前 ", "current ");
pub const RV_SW_CHART_TITLE: Words = words!("敏感性分析", "Sensitivity sweep");
pub const RV_SW_LEFT_AXIS: Words = words!("人口占比", "share of residents");
pub const RV_SW_RIGHT_AXIS: Words = words!("申请数", "applications");
pub const RV_SW_COVERAGE: Words = words!("覆盖率", "coverage");

pub const RV_SW_ACCEPTING: Words = words!("所选申请可受理人口占比", "where the selected application is accepted",);
pub const RV_SW_SUSPENDED: Words = words!("暂停受理评估的申请", "suspended applications");
pub const RV_SW_REJECTED: Words = words!("不予受理的申请", "rejected applications");

pub const RV_SW_BAD_RANGE: Words = words!(
    "范围无效：起点须小于终点，且在参数范围内",
    "Invalid range: the start must be below the end, within the parameter's range",
);

pub const RV_SW_BAD_STEPS: Words =
    words!("取值个数须为2到101之间的整数", "The number of values must be a whole number from 2 to 101",);

pub const RV_SW_REFUSED: Words = words!("与其他参数冲突、未计算的取值：", "values refused by the other parameters:",);

pub const RV_SW_NOTE: Words = words!(
    "可下载为CSV（Excel可直接打开）、SVG图或PNG图片。",
    "Download as CSV (opens in Excel), as an SVG picture or as a PNG image.",
);
