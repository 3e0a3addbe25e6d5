//! The bed figures and their arithmetic (`ui/figures_panel.rs`).

use crate::text::Words;
use crate::words;

pub const FIGURES_HEADING: Words = words!("床位测算", "Bed figures");

pub const FIG_ACTUAL: Words = words!("实际值（每千常住人口床位）", "actual (beds per 1,000 residents)",);

pub const FIG_ACTUAL_FORMULA: Words = words!("开放床位 ÷ 常住人口 × 1000", "open beds ÷ residents × 1,000",);
pub const FIG_TARGET: Words = words!("目标值", "target");
pub const FIG_REQUIRED: Words = words!("需要床位数", "required beds");

pub const FIG_REQUIRED_FORMULA: Words =
    words!("住院人次 × 平均住院日 ÷ (365 × 病床使用率)", "admissions × average stay ÷ (365 × bed utilisation)",);

pub const FIG_RAW: Words = words!("测算值（系数前，每千参保人）", "measured before coefficients (per 1,000 insured)",);

pub const FIG_RAW_FORMULA: Words = words!("需要床位数 ÷ 参保人数 × 1000", "required beds ÷ insured × 1,000",);

pub const FIG_FUND_RATIOS: Words = words!("基金可支付月数 ÷ 最低要求", "fund months payable ÷ the minimum",);
pub const FIG_EMPLOYEE: Words = words!("职工", "employee");
pub const FIG_RESIDENT: Words = words!("居民", "resident");
pub const FIG_FUND_COEF: Words = words!("基金调节系数", "fund coefficient");
pub const FIG_PATIENT_COEF: Words = words!("患者调节系数", "patient coefficient");

pub const FIG_PATIENT_FORMULA: Words = words!(
    "(本地在本地 − 本地在异地 + 异地在本地) ÷ 本地在本地",
    "(local-local − local-elsewhere + nonlocal-local) ÷ local-local",
);
pub const FIG_MEASURED: Words = words!("测算值（计入系数后）", "measured (after coefficients)");

pub const FIG_MEASURED_FORMULA: Words =
    words!("系数前测算值 × 基金调节系数 × 患者调节系数", "measured before × fund coef × patient coef",);

pub const FIG_READING: Words = words!(
    "说明：规划附件列出了这些指标和两个调节系数，但没有写出算式。上面的算式是本模拟器按卫生规划常用的床位需求公式所作的理解，不是原文引文。",
    "Note: the annex names these inputs and both coefficients but not the arithmetic. The formulas above are the simulator's reading (the standard bed-need formula of health planning), not a quote.",
);
pub const FIG_SOURCE_LOWER: Words = words!("取两项中较低者", "the lower of the two");
pub const FIG_SOURCE_EMPLOYEE: Words = words!("取职工统筹基金", "the employee fund");
pub const FIG_SOURCE_RESIDENT: Words = words!("取居民基金", "the resident fund");
pub const FIG_MISSING: Words = words!("缺少数据", "Missing inputs");
pub const FIG_COEF_OFF: Words = words!("已关闭（= 1）", "switched off (= 1)");
pub const FIG_COUNTY_TABLE: Words = words!("各县区", "By county");
pub const FIG_T_ACTUAL: Words = words!("实际值", "actual");
pub const FIG_T_RAW: Words = words!("系数前测算值", "measured, before coef.");
pub const FIG_T_PATIENT: Words = words!("患者系数", "patient coef.");
pub const FIG_T_MEASURED: Words = words!("测算值", "measured");
pub const FIG_PATIENT_FROM_CITY: Words = words!("用全市出院数据", "city discharges used");

pub const FIG_COMPARE_BELOW: Words = words!("测算值低于目标值和实际值", "measured is below both target and actual",);

pub const FIG_COMPARE_ABOVE: Words = words!("测算值高于目标值和实际值", "measured is above both target and actual",);

pub const FIG_COMPARE_BETWEEN: Words =
    words!("测算值介于目标值与实际值之间（或相等）", "measured lies between target and actual (or equals one)",);
pub const MISSING_VALUE: Words = words!("缺", "n/a");
