//! Last year's figures of the city and its counties (`ui/data_panel.rs`; the bed figures
//! name the same fields).

use crate::text::Words;
use crate::words;

pub const DATA_HEADING: Words = words!("上年度数据", "Last year's figures");

pub const DATA_INTRO: Words = words!(
    "留空表示缺少该项数据，相关规则将显示“不适用”并说明缺什么。",
    "Leave a figure blank when it is unknown: the rules that need it say “not applicable” and name it.",
);
pub const DATA_BLANK: Words = words!("缺", "missing");
pub const F_RESIDENT_POPULATION: Words = words!("常住人口", "resident population");
pub const F_OPEN_BEDS: Words = words!("实际开放床位", "open beds");
pub const F_INSURED: Words = words!("参保人数", "insured");
pub const F_ADMISSIONS: Words = words!("住院人次", "admissions");
pub const F_AVG_STAY: Words = words!("平均住院日", "average stay");
pub const F_UTILISATION: Words = words!("病床使用率", "bed utilisation");

pub const F_DISCHARGES: Words = words!("出院人次（患者调节系数）", "discharges (patient coefficient)",);
pub const F_LOCAL_LOCAL: Words = words!("本地参保人在本地", "local insured, treated locally");
pub const F_LOCAL_ELSEWHERE: Words = words!("本地参保人在异地", "local insured, treated elsewhere");

pub const F_NONLOCAL_LOCAL: Words = words!("异地参保人在本地", "non-local insured, treated locally");

pub const DISCHARGES_HINT: Words = words!(
    "三项一起使用：清空任一项即视为缺失（县区则改用全市数据）。",
    "The three go together: clearing one clears all (a county then uses the city's).",
);
pub const F_FUND: Words = words!("医保基金（全市统筹）", "Insurance fund (pooled city-wide)");

pub const F_EMPLOYEE_MONTHS: Words = words!("职工统筹基金可支付月数", "employee pooled fund: months payable",);
pub const F_RESIDENT_MONTHS: Words = words!("居民基金可支付月数", "resident fund: months payable");

pub const F_EMPLOYEE_DEFICIT: Words = words!("职工基金上年度赤字", "employee fund in deficit last year");

pub const F_RESIDENT_DEFICIT: Words = words!("居民基金上年度赤字", "resident fund in deficit last year");

pub const F_WARNING_LETTER: Words = words!("收到基金风险预警函", "fund-risk warning letter received");
pub const U_TIMES: Words = words!("人次", "");
pub const U_DAYS: Words = words!("天", "days");
pub const U_FRACTION: Words = words!("比值，如 0.82", "fraction, e.g. 0.82");
