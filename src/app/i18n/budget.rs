//! The county medical community global budget of shandong-2024 (`app::assess`,
//! `ui/budget_panel.rs`).

use crate::text::Words;
use crate::words;

pub const EMPTY: Words = words!("", "");

pub const BU_HEADING: Words = words!("县域医共体医保基金总额付费", "County medical community global budget",);

pub const BU_CLAUSE_NOTE: Words = words!("山东省2024 二(一)至(四)、三(一)(四)", "shandong-2024 2(1)–(4), 3(1)(4)",);

pub const BU_INTRO: Words = words!(
    "输入医共体的“六统一”、上年预算、基金收入增幅和按现行付费方式计算的支付额，得到年度预算、年终清算（结余留用、合理超支分担）、按月预付、两项考核和多年预测。比例参数在左侧参数表“县域医共体医保基金总额付费”一组。",
    "Enter the community's six unifications, last year's budget, the fund's revenue growth and the payments under the existing methods; see the year's budget, the year-end settlement (surplus retained, reasonable overspend shared), the monthly advance, the two checks and a projection. The shares are parameters in the table on the left, group “County medical community global budget”.",
);
pub const BU_SAMPLE_TAG: Words = words!("示例数据", "sample figures");

pub const BU_SAMPLE_NOTE: Words = words!(
    "预填的是一个示例医共体（与 dingdian settle 的示例相同），不是真实数据。",
    "The form starts with a sample community (the example of dingdian settle), not real figures.",
);
pub const BU_RESET: Words = words!("恢复示例数据", "Back to the sample");
pub const BU_HAS_ERRORS: Words = words!(
    "有输入无效（见标出的字段），结果按各字段上次的有效值计算。",
    "Some inputs are invalid (see the marked fields); the results use each field's last valid value."
);
pub const BU_YUAN: Words = words!("元", "yuan");
pub const BU_PCT: Words = words!("%", "%");
pub const BU_MONTHS: Words = words!("个月", "months");

pub const BU_G_COMMUNITY: Words = words!("医共体与“六统一”", "The community and its six unifications");
pub const BU_G_BUDGET: Words = words!("年度预算", "The year's budget");

pub const BU_G_SETTLEMENT: Words =
    words!("年终清算：按现行付费方式计算的支付", "Year-end: payments under the existing methods",);
pub const BU_G_PREPAY: Words = words!("按月预付", "Monthly advance");
pub const BU_G_PROJECTION: Words = words!("多年预测的假设", "Projection assumptions");
pub const BU_F_YEAR: Words = words!("清算年度", "Year settled");
pub const BU_U_PERSONNEL: Words = words!("统一人事管理", "Unified personnel");
pub const BU_U_FINANCE: Words = words!("统一财务管理", "Unified finance");
pub const BU_U_ASSETS: Words = words!("统一资产管理", "Unified assets");
pub const BU_U_OPERATIONS: Words = words!("统一业务管理", "Unified operations");

pub const BU_U_CATALOGUE: Words = words!("统一药品耗材目录", "Unified drug and consumables catalogue");

pub const BU_U_DISTRIBUTION: Words = words!("统一药品耗材配送", "Unified drug and consumables distribution",);

pub const BU_F_TOWNSHIP: Words =
    words!("乡镇卫生院居民住院报销比例", "Township centre resident inpatient reimbursement",);

pub const BU_F_COUNTY_HOSPITAL: Words =
    words!("县级医院居民住院报销比例", "County hospital resident inpatient reimbursement",);
pub const BU_F_DIP: Words = words!("DIP基层病种数", "DIP primary-care diseases");
pub const BU_F_DRG: Words = words!("DRG基层病组数", "DRG primary-care groups");
pub const BU_F_LAST_BUDGET: Words = words!("上年度总额预算", "Last year's budget");

pub const BU_F_REVENUE_GROWTH: Words = words!("统筹区当年医保基金收入增幅", "Pooling area's fund revenue growth",);

pub const BU_F_PROPOSED: Words = words!("拟定本年度预算（空：按上限）", "Proposed budget (blank: the cap)",);

pub const BU_F_SPENDING_FELL: Words = words!("支出因控费下降", "Spending fell through cost control");
pub const BU_F_PAY_DRG: Words = words!("DRG/DIP付费", "DRG/DIP payments");
pub const BU_F_PAY_BED: Words = words!("床日付费", "Bed-day payments");
pub const BU_F_PAY_CAPITATION: Words = words!("人头付费", "Capitation payments");
pub const BU_F_PAY_OTHER: Words = words!("其他付费", "Other payments");
pub const BU_F_OUT_OF_COUNTY: Words = words!("县外就医支出", "Out-of-county spending");
pub const BU_F_OBJECTIVE: Words = words!("客观因素导致的超支", "Overspend from objective causes");
pub const BU_C_POLICY: Words = words!("客观因素：政策调整", "Objective cause: policy adjustment");

pub const BU_C_CAPACITY: Words = words!("客观因素：医共体服务能力变化", "Objective cause: change in capacity",);

pub const BU_C_HEALTH: Words = words!("客观因素：重大公共卫生事件", "Objective cause: major public-health event",);

pub const BU_F_FUND_BALANCE: Words = words!("统筹基金累计结余", "Pooled fund's accumulated balance");
pub const BU_F_PROJ_YEARS: Words = words!("预测年数", "Years projected");
pub const BU_F_PROJ_REVENUE: Words = words!("每年基金收入增幅", "Fund revenue growth per year");
pub const BU_F_PROJ_SPENDING: Words = words!("每年支出增幅", "Spending growth per year");

pub const BU_E_AMOUNT: Words = words!("须为0或以上的金额（元）", "must be an amount in yuan, 0 or more",);

pub const BU_E_ABOVE_ZERO: Words = words!("须为大于0的金额（元）", "must be an amount in yuan above 0");
pub const BU_E_REQUIRED: Words = words!("必填", "is required");

pub const BU_E_GROWTH: Words =
    words!("须为大于−100、不超过1000的百分数", "must be a percentage above −100, at most 1000",);

pub const BU_E_PCT: Words = words!("须为0到100之间的百分数", "must be a percentage from 0 to 100",);
pub const BU_E_COUNT: Words = words!("须为0或正整数", "must be a whole number, 0 or more");

pub const BU_E_YEAR: Words = words!("须为2000到2100之间的年份", "must be a year from 2000 to 2100",);
pub const BU_E_YEARS: Words = words!("须为1到30之间的整数", "must be a whole number from 1 to 30");

pub const BU_H_ELIGIBILITY: Words = words!("是否实行总额付费（六统一）", "Eligibility: the six unifications",);

pub const BU_RULE_OFF: Words = words!("本预设未开启此规则。", "This preset does not turn this rule on.",);
pub const BU_H_BUDGET: Words = words!("年度预算", "The year's budget");
pub const BU_B_LAST: Words = words!("上年度预算", "Last year's budget");

pub const BU_B_CAP: Words = words!("增幅上限（按基金收入增幅）", "Cap (grown by the fund's revenue growth)",);

pub const BU_B_FLOOR: Words = words!("不降低的下限（控费结余）", "Floor (not cut after cost control)",);
pub const BU_B_PROPOSED: Words = words!("拟定预算", "Proposed");
pub const BU_B_SETTLED: Words = words!("据以清算的预算", "Budget settled against");
pub const BU_B_GROWTH: Words = words!("预算增幅", "Budget growth");
pub const BU_H_SETTLEMENT: Words = words!("年终清算", "Year-end settlement");
pub const BU_SURPLUS_WORDS: Words = words!("结余", "Surplus");
pub const BU_OVERSPEND_WORDS: Words = words!("超支", "Overspend");
pub const BU_COL_ITEM: Words = words!("项目", "Item");
pub const BU_COL_YUAN: Words = words!("金额（元）", "Amount (yuan)");
pub const BU_R_BUDGET: Words = words!("预算", "Budget");

pub const BU_R_IN_COUNTY: Words = words!("县域内支付（现行付费方式）", "In-county payments (existing methods)",);
pub const BU_R_OUT: Words = words!("县外就医支出", "Out-of-county spending");
pub const BU_R_SPENDING: Words = words!("支出合计", "Spending");
pub const BU_R_BALANCE: Words = words!("预算减支出", "Budget minus spending");
pub const BU_R_SURPLUS: Words = words!("结余", "Surplus");
pub const BU_R_RETAINED: Words = words!("结余留用（医共体收入）", "Retained by the community");
pub const BU_R_RETURNED: Words = words!("留在基金", "Stays with the fund");
pub const BU_R_OVERSPEND: Words = words!("超支", "Overspend");
pub const BU_R_OBJECTIVE: Words = words!("其中客观因素超支", "of which objective causes");
pub const BU_R_COMPENSATED: Words = words!("客观因素超支补偿", "Compensated (objective causes)");
pub const BU_R_OTHER: Words = words!("其他合理超支", "Other overspend");
pub const BU_R_FUND_SHARES: Words = words!("医保基金分担", "Fund's share");
pub const BU_R_BEARS: Words = words!("医共体承担", "Borne by the community");
pub const BU_R_RESULT: Words = words!("医共体结果", "Community's result");
pub const BU_R_FUND_COST: Words = words!("医保基金实际支出", "Cost to the fund");

pub const BU_WATERFALL_TITLE: Words =
    words!("年终清算：从预算到医共体结果", "year-end settlement: from the budget to the community's result",);
pub const BU_S_BUDGET: Words = words!("预算", "Budget");
pub const BU_S_IN_COUNTY: Words = words!("县域内支付", "In-county");
pub const BU_S_OUT: Words = words!("县外就医", "Out-of-county");
pub const BU_S_BALANCE: Words = words!("结余/超支", "Balance");
pub const BU_S_RETURNED: Words = words!("留在基金", "To the fund");
pub const BU_S_RETAINED: Words = words!("医共体留用", "Retained");
pub const BU_S_COMPENSATED: Words = words!("客观因素补偿", "Compensated");
pub const BU_S_FUND_SHARES: Words = words!("基金分担", "Fund share");
pub const BU_S_BEARS: Words = words!("医共体承担", "Community bears");
pub const BU_K_TOTAL: Words = words!("实心：合计", "solid: totals");
pub const BU_K_DOWN: Words = words!("斜线：减少", "hatched: money out");
pub const BU_K_UP: Words = words!("圆点：补回", "dotted: money back");

pub const BU_K_UNIT: Words =
    words!("图中单位：万元；表中为元", "chart in 10,000 yuan (万) / million yuan; tables in yuan",);
pub const BU_H_PREPAY: Words = words!("按月预付", "Monthly advance");
pub const BU_PREPAY_MADE: Words = words!("预付", "advanced");

pub const BU_PREPAY_NOT: Words = words!("基金结余不足，不预付", "not advanced: the fund balance does not cover it",);
pub const BU_PER_MONTH_NOTE: Words = words!("；每月约 ", "; per month about ");
pub const BU_H_CHECKS: Words = words!("两项考核", "The two checks");
pub const BU_H_PROJECTION: Words = words!("多年预测", "Multi-year projection");

pub const BU_PROJ_ASSUME: Words =
    words!("预算每年按基金收入增幅增长 ", "Budget grows each year by the revenue growth ",);
pub const BU_PROJ_ASSUME2: Words = words!("，支出每年增长 ", ", spending by ");
pub const BU_PROJECTION_TITLE: Words = words!("各年预算与支出", "Budget and spending by year");
pub const BU_BY_END: Words = words!("到", "By ");

pub const BU_ENDS_SURPLUS: Words = words!("医共体当年结余 ", "the community ends the year in surplus by ",);

pub const BU_ENDS_DEFICIT: Words = words!("医共体当年超支 ", "the community ends the year in deficit by ",);
pub const BU_ENDS_BALANCED: Words = words!("医共体收支平衡 ", "the community breaks even ");

pub const BU_CUMULATIVE: Words = words!("各年医共体结果累计 ", "cumulative result for the community ",);
pub const BU_K_BUDGET: Words = words!("实心：预算", "solid: budget");
pub const BU_K_SPENDING: Words = words!("斜线：支出", "hatched: spending");
pub const BU_K_OVER: Words = words!("超支", "overspend");
pub const BU_K_UNDER: Words = words!("结余", "surplus");
pub const BU_K_PROJECTED: Words = words!("* 预测年度", "* projected year");
pub const BU_COL_YEAR: Words = words!("年度", "Year");
pub const BU_COL_CUMULATIVE: Words = words!("累计医共体结果", "Cumulative result");
pub const BU_TRACE: Words = words!("全部规则判定", "Every rule's verdict");

/// What the folded panel holds, on its summary line.
pub const BU_HOLDS: Words = words!(
    "内含：年度预算、年终清算、按月预付、考核与多年预测",
    "Holds: the year's budget, year-end settlement, monthly advance, checks and projection",
);
