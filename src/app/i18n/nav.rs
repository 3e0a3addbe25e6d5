//! The expert view's tasks (`ui/nav.rs`) and what the parameter groups show beside their inputs
//! (`app/beside.rs`).

use crate::text::Words;
use crate::words;

pub const TASKS_LABEL: Words = words!("任务", "Tasks");
pub const TASK_APPLICATION: Words = words!("申请与建议点位", "Application and sites");
pub const TASK_FIGURES: Words = words!("床位测算与数据", "Bed figures and data");
pub const TASK_COVERAGE: Words = words!("服务覆盖", "Coverage");
pub const TASK_REVIEW: Words = words!("比较与缺口", "Compare and gaps");
pub const TASK_PLAN: Words = words!("年度受理计划", "Annual plan");
pub const TASK_ASSESS: Words = words!("年度考核与退出", "Assessment and exits");
pub const TASK_BUDGET: Words = words!("医共体总额付费", "Community budget");
pub const TASK_IO: Words = words!("导入与批量结果", "Import and results");

pub const BESIDE_CITY: Words = words!("本市数据", "This city's figures");
pub const BESIDE_EMPLOYEE: Words = words!("职工统筹基金可支付", "employee pooled fund payable");
pub const BESIDE_RESIDENT: Words = words!("居民基金可支付", "resident fund payable");
pub const BESIDE_MONTHS: Words = words!("个月", "months");
pub const BESIDE_BELOW: Words = words!("低于最低月数", "below the minimum");
pub const BESIDE_NOT_BELOW: Words = words!("不低于最低月数", "not below the minimum");
pub const BESIDE_MEASURED: Words = words!("测算值", "measured");
pub const BESIDE_ACTUAL: Words = words!("实际值", "actual");
pub const BESIDE_TARGET: Words = words!("目标值", "target");
pub const BESIDE_COUNTIES: Words = words!("各县区测算值", "Counties' measured values");
pub const BESIDE_BELOW_TARGET: Words = words!("低于目标值", "below the target");
pub const BESIDE_NOT_BELOW_TARGET: Words = words!("不低于目标值", "not below the target");
pub const BESIDE_PER_1000: Words = words!("张/千人", "beds per 1,000");
