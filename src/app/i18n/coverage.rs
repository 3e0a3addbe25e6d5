//! Coverage, pharmacy area classes and the acceptance surface (`ui/coverage_panel.rs`).

use crate::text::Words;
use crate::words;

pub const COV_INTRO: Words = words!(
    "常住人口中，居住点在服务半径内至少有一家定点机构的比例（当前半径）。",
    "Share of residents whose cell lies within the service radius of at least one designated institution (current radius).",
);
pub const COV_NONE: Words = words!("数据中没有人口分布", "no population cells in the data");
pub const COV_PANEL_HEADING: Words = words!("服务覆盖与区域类别", "Coverage and area classes");
pub const COV_CITY: Words = words!("全市覆盖率", "City-wide coverage");
pub const COV_BY_COUNTY: Words = words!("各县区覆盖率", "Coverage by county");
pub const COV_KIND: Words = words!("类型", "kind");
pub const COV_COVERED_RESIDENTS: Words = words!("覆盖人口", "residents covered");
pub const COV_OF_WHICH: Words = words!("其中", "of which");
pub const AREA_TABLE: Words = words!("药店区域类别", "Pharmacy area classes");

pub const AREA_INTRO: Words = words!(
    "按区域内每万常住人口的定点药店数分类（阈值见参数）；只计有常住人口的区域。",
    "By designated pharmacies per 10,000 residents of the area (thresholds among the parameters); areas with residents only.",
);
pub const AREA_COUNT: Words = words!("区域数", "areas");
pub const RESIDENTS: Words = words!("常住人口", "residents");
pub const SHARE_OF_RESIDENTS: Words = words!("人口占比", "share of residents");
pub const SURFACE_TABLE: Words = words!("可受理范围", "Acceptance surface");

pub const SURFACE_INTRO: Words = words!(
    "所选申请移到每个人口格网中心时，按位置条件（地点、床位、总量、片区分类）的判定结果，按格网数和常住人口计。",
    "The outcome on the conditions of the place (location, beds, quotas, area classes) for the selected application moved to each population cell's centre, by cells and residents.",
);

pub const SURFACE_WHEN: Words = words!(
    "所选申请在哪里都还要满足的条件（与位置无关，不计入上表和地图）：",
    "What the selected application still needs wherever it stands (not about the place, so not in the table or on the map): ",
);
pub const CELLS: Words = words!("格网数", "cells");
pub const OUTCOME: Words = words!("结果", "outcome");
pub const RECOMPUTED_IN: Words = words!("本次重算用时", "Recomputed in");
