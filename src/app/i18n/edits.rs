//! What the reducer says when it refuses a typed value (`app::state`, `app::guided`).

use crate::text::Words;
use crate::words;

pub const INVALID_PREFIX: Words = words!("取值无效，未应用：", "Invalid value, not applied: ");

pub const E_COUNT: Words = words!(
    "请输入不小于 0 的整数",
    "enter a whole number of at least 0",
);
pub const E_NUMBER: Words = words!("请输入数值", "enter a number");

pub const E_UTILISATION: Words = words!(
    "病床使用率须大于 0 且不超过 1.5",
    "bed utilisation must be more than 0 and at most 1.5",
);

pub const E_STAY: Words = words!(
    "平均住院日须大于 0 且不超过 365",
    "average stay must be more than 0 and at most 365",
);

pub const E_MONTHS: Words = words!(
    "月数须在 0 到 1200 之间",
    "months must be between 0 and 1,200",
);

pub const E_LON: Words = words!(
    "经度须在 −180 到 180 之间",
    "longitude must be between −180 and 180",
);

pub const E_LAT: Words = words!(
    "纬度须在 −90 到 90 之间",
    "latitude must be between −90 and 90",
);

pub const E_OPERATING: Words = words!(
    "运营月数须在 0 到 12000 之间",
    "months of operation must be between 0 and 12,000",
);
pub const E_DATE: Words = words!("请输入日期 YYYY-MM-DD", "enter a date YYYY-MM-DD");

pub const E_CATEGORY: Words = words!(
    "药店至少要有一个类别",
    "a pharmacy needs at least one category",
);

pub const E_PERSONAL_ACCOUNT: Words = words!(
    "“仅个人账户结算”只适用于门诊部、诊所",
    "“personal account only” is valid for outpatient clinics only",
);
