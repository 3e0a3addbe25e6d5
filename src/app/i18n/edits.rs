//! What the reducer says when it refuses a typed value (`app::state`, `app::guided`).

use crate::text::Words;
use crate::words;

pub const INVALID_PREFIX: Words = words!("取值无效，未应用：", "Invalid value, not applied: ");

pub const E_COUNT: Words = words!("请输入不小于 0 的整数", "enter a whole number of at least 0",);
pub const E_NUMBER: Words = words!("请输入数值", "enter a number");

pub const E_DATE: Words = words!("请输入日期 YYYY-MM-DD", "enter a date YYYY-MM-DD");

pub const E_CATEGORY: Words = words!("药店至少要有一个类别", "a pharmacy needs at least one category",);
