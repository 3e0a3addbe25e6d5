//! Suggested sites (`ui/sites_panel.rs`).

use crate::text::Words;
use crate::words;

pub const SITES_HEADING: Words = words!("建议点位", "Suggested sites");

pub const SITES_INTRO: Words = words!(
    "在现行规则会受理的位置中，按“新增覆盖人口最多”逐个选点（每选一个即作为定点机构加入并重新判定，同类型半径内的邻近点随之不再受理），并与随机选取的可受理点位比较。",
    "Among places the current rules accept, picks one at a time the place that adds the most covered residents (each pick is added as a designated institution and the rules re-applied, so same-type neighbours within the radius are no longer accepted), compared with randomly chosen accepted places.",
);
pub const SITES_KIND: Words = words!("机构类型", "Kind");
pub const SITES_CATEGORY: Words = words!("药店类别", "Pharmacy category");
pub const SITES_SPECIALTY: Words = words!("专科", "Specialty");
pub const SITES_K: Words = words!("点位数 K（1–50）", "Number of sites K (1–50)");
pub const SITES_RUN: Words = words!("运行", "Run");
pub const SITES_CANCEL: Words = words!("取消", "Cancel");
pub const SITES_GREEDY_RUNNING: Words = words!("最大覆盖选点", "Greedy picks");
pub const SITES_RANDOM_RUNNING: Words = words!("随机对照选点", "Random picks");
pub const SITES_CANCELLED: Words = words!("已取消。", "Cancelled.");

pub const SITES_STALE: Words = words!(
    "参数或数据已改变，以下点位可能不再被受理：请重新运行。",
    "Parameters or data changed: these sites may no longer be accepted. Run again.",
);
pub const SITES_GREEDY_TOTAL: Words = words!("最大覆盖选点新增覆盖", "Greedy: residents added");
pub const SITES_RANDOM_TOTAL: Words = words!("随机选点新增覆盖", "Random: residents added");
pub const SITES_SEED: Words = words!("种子", "seed");
pub const SITES_BEFORE: Words = words!("选点前已覆盖", "Covered before");

pub const SITES_EXHAUSTED: Words = words!("规则已不再受理更多点位。", "The rules accept no further site.",);
pub const SITES_CHART: Words = words!("点位数 K 与新增覆盖人口", "K against residents added");
pub const SITES_GREEDY: Words = words!("最大覆盖（贪心）", "Greedy maximum coverage");
pub const SITES_RANDOM: Words = words!("随机可受理点位", "Random accepted sites");
pub const SITES_AXIS_K: Words = words!("点位数 K", "number of sites K");

pub const SITES_AXIS_Y: Words = words!("纵轴：累计新增覆盖人口", "vertical: residents added, cumulative",);
pub const SITES_PICK_NAME: Words = words!("建议点位", "Suggested site");
pub const SITES_PLACE: Words = words!("作为申请", "Place as application");
