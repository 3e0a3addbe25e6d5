//! The county medical community (县域医共体) global budget of shandong-2024 (鲁医保发〔2024〕39号):
//! eligibility by the six unifications (二(一)), the budget and its growth cap (二(二)), the
//! year-end settlement — surplus retained, objective overspend compensated, other reasonable
//! overspend shared (二(三)) — the optional advance of about a month (二(四)), the benefit and
//! payment checks (三(一), 三(四)), and a projection over a few years. `dingdian settle`.
//!
//! Readings where the text is silent (README, “Assessment and settlement”):
//! - Amounts are yuan; they are compared to half a cent, so a budget that grows exactly as fast
//!   as the fund's revenue passes (“增幅不超过”).
//! - The budget settled against is the proposed one, else the cap (last year's budget grown by
//!   the revenue growth). A proposal above the cap is settled at the cap; one below the no-cut
//!   floor at the floor. When revenue fell and the community's spending fell through cost
//!   control, the specific rule (“不降低”) prevails over the cap.
//! - Out-of-county spending by the county's insured counts against the budget with the
//!   in-county payments under the existing methods (二(二)“原则上……应纳入”).
//! - The shares of 二(三) are “按协议约定”: parameters whose defaults are assumptions (all of a
//!   surplus retained, objective-cause overspend compensated in full, other overspend half by the
//!   fund). A rule turned off removes its mechanism: no retention, no compensation (the objective
//!   part is then shared like other overspend), no sharing (the community bears it all).
//! - The advance of 二(四) is made when the fund balance covers it (“根据基金结余情况”).
//! - “相差不低于10个百分点” is the township rate minus the county-hospital rate: township centres
//!   must reimburse more (the point is to draw patients to primary care).
//! - A community short of the six unifications is not eligible; its settlement is still shown,
//!   marked as for reference only.
//! - The projection grows the budget by the revenue growth every year (the most the text allows)
//!   and spending by the spending growth, with no objective-cause overspend; when spending falls
//!   (negative growth, read as cost control) the budget is not cut.

use crate::words;
use serde::{Deserialize, Serialize};

use crate::engine::exits::trace_entry;
use crate::engine::{Judgement, TraceEntry};
use crate::policy::{Params, Policy, RuleDef};
use crate::scenario::{from_json, resolve_policy_ref, PolicyRef, ScenarioError};
use crate::text::{num, Text};
use crate::tr;

pub mod chart;

const fn def(id: &'static str, zh: &'static str, en: &'static str, origin_clause: &'static str) -> RuleDef {
    RuleDef { id, zh, en, origin_clause }
}

/// The budget rules, in trace order. A preset turns them on in `budget_rules`.
pub static BUDGET_RULES: &[RuleDef] = &[
    def("community.six_unifications", "达到“六统一”方可实行总额付费", "global budget only with the six unifications", "shandong-2024 二(一)"),
    def("budget.growth_cap", "预算增幅不超过基金收入增幅", "budget growth not above fund-revenue growth", "shandong-2024 二(二)"),
    def("budget.no_cut", "合理控费致支出降低不降预算", "no budget cut after sensible cost control", "shandong-2024 二(二)"),
    def("budget.out_of_county", "县域外支出纳入预算", "out-of-county spending counts in the budget", "shandong-2024 二(二)"),
    def("settlement.surplus_retained", "结余留用", "surplus retained", "shandong-2024 二(三)"),
    def("settlement.objective_compensation", "客观因素超支合理补偿", "objective-cause overspend compensated", "shandong-2024 二(三)"),
    def("settlement.overspend_shared", "合理超支分担", "reasonable overspend shared", "shandong-2024 二(三)"),
    def("prepayment.one_month", "预付1个月左右医保基金", "about one month advanced", "shandong-2024 二(四)"),
    def("benefit.reimbursement_gap", "乡镇卫生院与县级医院报销比例差距", "township vs county-hospital reimbursement gap", "shandong-2024 三(一)"),
    def("payment.primary_groups", "DIP基层病种与DRG基层病组数量", "DIP primary-care diseases and DRG groups", "shandong-2024 三(四)"),
];

pub fn budget_rule_def(id: &str) -> Option<&'static RuleDef> {
    BUDGET_RULES.iter().find(|d| d.id == id)
}

/// Amounts are compared to half a cent.
const CENT: f64 = 0.005;

// ---------------------------------------------------------------------------------------------
// Input

/// What `dingdian settle` reads.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SettleInput {
    /// As in a scenario: a built-in preset, a preset file (relative to this file) or one inline,
    /// with overrides.
    pub policy: PolicyRef,
    /// The budget year being settled.
    pub year: i32,
    pub community: Community,
    pub budget: BudgetInput,
    /// The year-end figures; absent: only the budget and the checks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settlement: Option<SettlementInput>,
    /// The pooled fund's accumulated balance, yuan (for the advance of 二(四)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fund_balance: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub projection: Option<ProjectionInput>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Community {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default)]
    pub unifications: Unifications,
    /// Resident (居民医保) inpatient reimbursement rates, percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resident_inpatient_reimbursement_pct: Option<Reimbursement>,
    /// DIP primary-care diseases (DIP基层病种) in the pooling area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dip_primary_diseases: Option<u64>,
    /// DRG primary-care groups (DRG基层病组) in the pooling area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drg_primary_groups: Option<u64>,
}

/// The six unifications (六统一) as assessed by the community's management committee.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Unifications {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personnel: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finance: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assets: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operations: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drug_catalogue: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drug_distribution: Option<bool>,
}

impl Unifications {
    /// Each unification: its field name, label, and what the input says.
    pub fn items(&self) -> [(&'static str, Text, Option<bool>); 6] {
        [
            ("personnel", Text::new("统一人事管理", "personnel"), self.personnel),
            ("finance", Text::new("统一财务管理", "finance"), self.finance),
            ("assets", Text::new("统一资产管理", "assets"), self.assets),
            ("operations", Text::new("统一业务管理", "operations"), self.operations),
            ("drug_catalogue", Text::new("统一药品耗材目录", "drug and consumables catalogue"), self.drug_catalogue),
            ("drug_distribution", Text::new("统一药品耗材配送", "drug and consumables distribution"), self.drug_distribution),
        ]
    }
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Reimbursement {
    pub township: f64,
    pub county_hospital: f64,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BudgetInput {
    /// Last year's total budget (职工 + 居民), yuan.
    pub last_year_budget: f64,
    /// The pooling area's fund-revenue growth this year, percent.
    pub fund_revenue_growth_pct: f64,
    /// The budget proposed for this year; absent: the cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed: Option<f64>,
    /// Last year's spending fell through sensible cost control and health management.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spending_fell_by_cost_control: Option<bool>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SettlementInput {
    /// Fund payments to the community's members this year under the existing methods, yuan.
    pub payments: Payments,
    /// Fund spending on the county's insured outside the county, yuan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_of_county: Option<f64>,
    /// The part of an overspend found to come from objective causes, yuan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objective_overspend: Option<f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objective_causes: Vec<ObjectiveCause>,
}

/// Payments by method (DRG/DIP付费、床日付费、人头付费等现行付费方式).
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Payments {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drg_dip: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bed_day: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capitation: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other: Option<f64>,
}

impl Payments {
    fn items(&self) -> [(&'static str, Option<f64>); 4] {
        [("drg_dip", self.drg_dip), ("bed_day", self.bed_day), ("capitation", self.capitation), ("other", self.other)]
    }
    pub fn total(&self) -> f64 {
        self.items().iter().filter_map(|(_, x)| *x).sum()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjectiveCause {
    /// 政策调整
    PolicyAdjustment,
    /// 县域医共体服务能力变化
    CapacityChange,
    /// 重大公共卫生事件
    PublicHealthEvent,
}

impl ObjectiveCause {
    pub fn label(self) -> Text {
        match self {
            ObjectiveCause::PolicyAdjustment => Text::new("政策调整", "policy adjustment"),
            ObjectiveCause::CapacityChange => Text::new("医共体服务能力变化", "change in the community's capacity"),
            ObjectiveCause::PublicHealthEvent => Text::new("重大公共卫生事件", "major public-health event"),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ProjectionInput {
    /// Years projected after the settled one.
    pub years: u32,
    pub revenue_growth_pct: f64,
    pub spending_growth_pct: f64,
}

/// A settle input read and checked, with the policy it names.
#[derive(Clone, Debug)]
pub struct SettleRequest {
    pub input: SettleInput,
    pub policy: Policy,
}

/// Parses and checks a settle input; `load_file` reads a preset file named relative to it.
/// Errors name the field path (`settlement.payments.drg_dip: …`).
pub fn read_settle_input(src: &str, load_file: impl Fn(&str) -> Result<String, String>) -> Result<SettleRequest, ScenarioError> {
    let input: SettleInput = from_json(src, "")?;
    check_settle_input(&input)?;
    let policy = resolve_policy_ref(&input.policy, load_file)?;
    Ok(SettleRequest { input, policy })
}

/// A refused value of a settle input: the field's path and what is wrong, in both languages.
pub type SettleProblem = (String, Text);

fn amount_problem(path: &str, x: Option<f64>) -> Result<(), SettleProblem> {
    match x {
        Some(v) if !v.is_finite() || v < 0.0 => Err((
            path.to_string(),
            Text::new(format!("{v} 不是金额（元，0 或以上）"), format!("{v} is not an amount (yuan, 0 or more)")),
        )),
        _ => Ok(()),
    }
}

fn growth_problem(path: &str, x: f64) -> Result<(), SettleProblem> {
    if !x.is_finite() || x <= -100.0 || x > 1000.0 {
        return Err((
            path.to_string(),
            Text::new(format!("{x} 超出范围（大于 -100，至多 1000，单位 %）"), format!("{x} is outside more than -100..1000 (percent)")),
        ));
    }
    Ok(())
}

fn problem(path: &str, zh: String, en: String) -> Result<(), SettleProblem> {
    Err((path.to_string(), Text::new(zh, en)))
}

/// The checks of `read_settle_input` on an input already parsed (the app's form builds one).
/// Errors name the field path (`budget.last_year_budget: …`).
pub fn check_settle_input(input: &SettleInput) -> Result<(), ScenarioError> {
    settle_input_problem(input).map_err(|(path, what)| ScenarioError { message: format!("{path}: {}", what.en) })
}

/// The same checks, the message in both languages (the app shows the chosen one).
pub fn settle_input_problem(input: &SettleInput) -> Result<(), SettleProblem> {
    if !(2000..=2100).contains(&input.year) {
        return problem("year", format!("{} 不在 2000–2100 之间", input.year), format!("{} is outside 2000..2100", input.year));
    }
    if input.community.id.is_empty() {
        return problem("community.id", "不能为空".into(), "must not be empty".into());
    }
    if let Some(r) = &input.community.resident_inpatient_reimbursement_pct {
        for (field, v) in [("township", r.township), ("county_hospital", r.county_hospital)] {
            if !(0.0..=100.0).contains(&v) {
                return problem(
                    &format!("community.resident_inpatient_reimbursement_pct.{field}"),
                    format!("{v} 不在 0–100 之间"),
                    format!("{v} is outside 0..100"),
                );
            }
        }
    }
    let b = &input.budget;
    if !b.last_year_budget.is_finite() || b.last_year_budget <= 0.0 {
        return problem(
            "budget.last_year_budget",
            format!("{} 不是大于 0 的金额（元）", b.last_year_budget),
            format!("{} is not an amount above 0 (yuan)", b.last_year_budget),
        );
    }
    growth_problem("budget.fund_revenue_growth_pct", b.fund_revenue_growth_pct)?;
    amount_problem("budget.proposed", b.proposed)?;
    if let Some(s) = &input.settlement {
        for (field, v) in s.payments.items() {
            amount_problem(&format!("settlement.payments.{field}"), v)?;
        }
        if s.payments.items().iter().all(|(_, v)| v.is_none()) {
            return problem(
                "settlement.payments",
                "请至少填写一项：按病种（DRG/DIP）、按床日、按人头或其他".into(),
                "give at least one of drg_dip, bed_day, capitation, other".into(),
            );
        }
        amount_problem("settlement.out_of_county", s.out_of_county)?;
        amount_problem("settlement.objective_overspend", s.objective_overspend)?;
        if s.objective_overspend.unwrap_or(0.0) > 0.0 && s.objective_causes.is_empty() {
            return problem(
                "settlement.objective_causes",
                "填写了客观超支，请注明其客观原因（政策调整、服务能力变化、公共卫生事件）".into(),
                "name the objective cause of objective_overspend (policy_adjustment, capacity_change, public_health_event)".into(),
            );
        }
    }
    if let Some(x) = input.fund_balance {
        if !x.is_finite() {
            return problem("fund_balance", format!("{x} 不是数字"), format!("{x} is not a number"));
        }
    }
    if let Some(p) = &input.projection {
        if !(1..=30).contains(&p.years) {
            return problem("projection.years", format!("{} 不在 1–30 之间", p.years), format!("{} is outside 1..30", p.years));
        }
        growth_problem("projection.revenue_growth_pct", p.revenue_growth_pct)?;
        growth_problem("projection.spending_growth_pct", p.spending_growth_pct)?;
        if input.settlement.is_none() {
            return problem(
                "projection",
                "需要先有结算数据（预测从结算年度的支出开始）".into(),
                "needs \"settlement\" (the settled year's spending is where the projection starts)".into(),
            );
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Output

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CommunityOut {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BudgetOut {
    pub last_year: f64,
    pub revenue_growth_pct: f64,
    /// Last year's budget grown by the revenue growth (`null` when `budget.growth_cap` is off).
    pub cap: Option<f64>,
    /// Last year's budget, when the no-cut rule holds it up.
    pub floor: Option<f64>,
    pub proposed: Option<f64>,
    /// The budget settled against.
    pub budget: f64,
    /// Its growth over last year's, percent.
    pub growth_pct: f64,
}

/// One year's settlement; amounts in yuan. A surplus and an overspend exclude each other.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Amounts {
    pub budget: f64,
    /// In-county payments under the existing methods.
    pub in_county: f64,
    pub out_of_county: f64,
    /// In-county plus out-of-county: what counts against the budget.
    pub spending: f64,
    /// Budget minus spending: positive a surplus, negative an overspend.
    pub balance: f64,
    pub surplus: f64,
    /// Kept by the community as revenue (结余留用资金作为业务收入).
    pub retained: f64,
    pub returned_to_fund: f64,
    pub overspend: f64,
    pub objective_overspend: f64,
    pub compensated: f64,
    pub other_overspend: f64,
    /// The fund's share of the other overspend.
    pub fund_shares: f64,
    /// What the community writes off (冲减应收医疗款).
    pub community_bears: f64,
    /// Retained minus borne: the community's gain (+) or loss (−) against its spending.
    pub community_result: f64,
    /// What the fund pays in all: spending plus what it retains for, compensates or shares, less what the community bears.
    pub fund_cost: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SettlementOut {
    pub payments: Payments,
    #[serde(flatten)]
    pub amounts: Amounts,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub objective_causes: Vec<ObjectiveCause>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Prepayment {
    pub months: f64,
    pub amount: f64,
    pub fund_balance: Option<f64>,
    pub made: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProjectionYear {
    pub year: i32,
    /// The settled year itself (from the input), or a projected one.
    pub projected: bool,
    #[serde(flatten)]
    pub amounts: Amounts,
    pub cumulative_community_result: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EndsIn {
    Surplus,
    Deficit,
    Balanced,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Projection {
    pub revenue_growth_pct: f64,
    pub spending_growth_pct: f64,
    /// The settled year, then each projected year: budget and spending lines for a chart.
    pub years: Vec<ProjectionYear>,
    /// The last year's balance.
    pub ends_in: EndsIn,
    pub final_balance: f64,
    pub cumulative_community_result: f64,
}

/// Everything `dingdian settle` prints.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Settle {
    pub year: i32,
    pub community: CommunityOut,
    /// All six unifications hold (`null` when `community.six_unifications` is off).
    pub eligible: Option<bool>,
    /// The unifications that do not hold or are not stated.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing_unifications: Vec<&'static str>,
    pub budget: BudgetOut,
    pub settlement: Option<SettlementOut>,
    pub prepayment: Option<Prepayment>,
    pub projection: Option<Projection>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Text>,
    pub rules: Vec<TraceEntry>,
}

// ---------------------------------------------------------------------------------------------
// Arithmetic

/// Yuan as people read them: thousands separated, at most two decimals.
pub fn yuan(x: f64) -> String {
    let s = num(x.abs(), 2);
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), format!(".{f}")),
        None => (s.clone(), String::new()),
    };
    let grouped = int.parse::<u64>().map(crate::text::thousands).unwrap_or(int);
    format!("{}{grouped}{frac}", if x < -CENT { "-" } else { "" })
}

fn pct(x: f64) -> String {
    num(x, 2)
}

/// Which settlement mechanisms are on.
#[derive(Clone, Copy, Debug)]
struct Mechanisms {
    out_of_county: bool,
    retain: bool,
    compensate: bool,
    share: bool,
}

impl Mechanisms {
    fn of(policy: &Policy) -> Self {
        Mechanisms {
            out_of_county: policy.is_on("budget.out_of_county"),
            retain: policy.is_on("settlement.surplus_retained"),
            compensate: policy.is_on("settlement.objective_compensation"),
            share: policy.is_on("settlement.overspend_shared"),
        }
    }
}

/// The year-end settlement of 二(三) for one year.
fn settle_amounts(budget: f64, in_county: f64, out_of_county: f64, objective: f64, p: &Params, m: Mechanisms) -> Amounts {
    let out = if m.out_of_county { out_of_county } else { 0.0 };
    let spending = in_county + out;
    let balance = budget - spending;
    let mut a = Amounts { budget, in_county, out_of_county: out, spending, balance, ..Default::default() };
    if balance >= -CENT {
        a.surplus = balance.max(0.0);
        a.retained = if m.retain { a.surplus * p.budget_surplus_retained_pct / 100.0 } else { 0.0 };
        a.returned_to_fund = a.surplus - a.retained;
        a.community_result = a.retained;
        a.fund_cost = spending + a.retained;
    } else {
        a.overspend = -balance;
        a.objective_overspend = if m.compensate { objective.min(a.overspend) } else { 0.0 };
        a.compensated = a.objective_overspend * p.budget_objective_compensation_pct / 100.0;
        a.other_overspend = a.overspend - a.objective_overspend;
        a.fund_shares = if m.share { a.other_overspend * p.budget_overspend_fund_share_pct / 100.0 } else { 0.0 };
        a.community_bears = a.overspend - a.compensated - a.fund_shares;
        a.community_result = -a.community_bears;
        a.fund_cost = budget + a.compensated + a.fund_shares;
    }
    a
}

// ---------------------------------------------------------------------------------------------
// The rules

/// 二(一)“对经医共体管委会评估达到‘六统一’(统一人事管理、财务管理、资产管理、业务管理、药品耗材目录、药品耗材配送)的县域医共体，实行医保基金总额付费”
fn six_unifications(c: &Community) -> (Judgement, bool, Vec<&'static str>) {
    let items = c.unifications.items();
    let missing: Vec<&'static str> = items.iter().filter(|(_, _, v)| *v != Some(true)).map(|(id, _, _)| *id).collect();
    if missing.is_empty() {
        return (Judgement::pass(tr!("六统一全部达到，实行医保基金总额付费", "all six unifications hold: the global budget applies")), true, missing);
    }
    let list = |lang_zh: bool| -> String {
        items
            .iter()
            .filter(|(_, _, v)| *v != Some(true))
            .map(|(id, t, v)| {
                let state = match (v, lang_zh) {
                    (Some(false), true) => "未达到",
                    (None, true) => "未填报",
                    (Some(false), false) => "not met",
                    _ => "not stated",
                };
                if lang_zh {
                    format!("{}（{}，{}）", t.zh, id, state)
                } else {
                    format!("{} ({}, {})", t.en, id, state)
                }
            })
            .collect::<Vec<_>>()
            .join(if lang_zh { "、" } else { ", " })
    };
    let j = Judgement::fail(Text::new(
        format!("未达到“六统一”，不实行总额付费：缺{}", list(true)),
        format!("the six unifications do not all hold, so no global budget: missing {}", list(false)),
    ));
    (j, false, missing)
}

/// 二(二)“按照增幅不超过统筹区当年医保基金收入增幅的原则……确定县域医共体年度医保基金支出总额预算”；“不降低下年度总额付费预算指标”
fn budget_out(b: &BudgetInput, policy: &Policy) -> BudgetOut {
    let g = b.fund_revenue_growth_pct;
    let grown = b.last_year_budget * (1.0 + g / 100.0);
    let cap = policy.is_on("budget.growth_cap").then_some(grown);
    let floor = (policy.is_on("budget.no_cut") && b.spending_fell_by_cost_control == Some(true)).then_some(b.last_year_budget);
    let mut budget = b.proposed.unwrap_or(grown);
    if let Some(c) = cap {
        if budget > c + CENT {
            budget = c;
        }
    }
    if let Some(f) = floor {
        if budget < f - CENT {
            budget = f;
        }
    }
    BudgetOut {
        last_year: b.last_year_budget,
        revenue_growth_pct: g,
        cap,
        floor,
        proposed: b.proposed,
        budget,
        growth_pct: (budget / b.last_year_budget - 1.0) * 100.0,
    }
}

/// 二(二)“按照增幅不超过统筹区当年医保基金收入增幅的原则”
fn growth_cap(b: &BudgetInput, out: &BudgetOut) -> Judgement {
    let cap = out.cap.unwrap_or(out.budget);
    let g = pct(b.fund_revenue_growth_pct);
    let last = yuan(b.last_year_budget);
    let mut j = match b.proposed {
        None => Judgement::pass(tr!(
            "未填报拟定预算，按上限确定：上年预算{}元×(1+{}%)＝{}元",
            "no budget proposed: set at the cap, last year's {} × (1 + {}%) = {}";
            last, g, yuan(cap)
        )),
        Some(p) => {
            let growth = pct((p / b.last_year_budget - 1.0) * 100.0);
            if p <= cap + CENT {
                Judgement::pass(tr!(
                    "拟定预算{}元较上年{}元增长{}%，不超过基金收入增幅{}%（上限{}元）",
                    "proposed {} against last year's {}: growth {}%, not above the revenue growth {}% (cap {})";
                    yuan(p), last, growth, g, yuan(cap)
                ))
            } else {
                Judgement::fail(tr!(
                    "拟定预算{}元较上年{}元增长{}%，超过基金收入增幅{}%：按上限{}元结算",
                    "proposed {} against last year's {}: growth {}%, above the revenue growth {}%; settled at the cap {}";
                    yuan(p), last, growth, g, yuan(cap)
                ))
            }
        }
    };
    if let Some(f) = out.floor {
        if f > cap + CENT {
            j = j.note(tr!(
                "基金收入下降，但医共体因合理控费支出降低，“不降低下年度预算”优先：预算保持{}元",
                "revenue fell, but the community's spending fell through cost control: “no cut” prevails, the budget stays {}";
                yuan(f)
            ));
        }
    }
    j
}

/// 二(二)“对因合理控费和加强健康管理出现医保基金支出降低的县域医共体，不降低下年度总额付费预算指标”
fn no_cut(b: &BudgetInput, out: &BudgetOut) -> Judgement {
    match b.spending_fell_by_cost_control {
        None => Judgement::missing(
            "budget.spending_fell_by_cost_control",
            words!("上年支出是否因合理控费而降低", "whether last year's spending fell through cost control"),
        ),
        Some(false) => Judgement::na(tr!("上年支出未因合理控费降低，本条不涉及", "last year's spending did not fall through cost control: not concerned")),
        Some(true) => {
            let last = yuan(b.last_year_budget);
            match b.proposed {
                Some(p) if p < b.last_year_budget - CENT => Judgement::fail(tr!(
                    "上年支出因合理控费降低，拟定预算{}元低于上年预算{}元：按上年预算结算",
                    "last year's spending fell through cost control, and the proposed {} is below last year's {}: settled at last year's";
                    yuan(p), last
                )),
                _ => Judgement::pass(tr!(
                    "上年支出因合理控费降低，预算{}元不低于上年预算{}元",
                    "last year's spending fell through cost control; the budget {} is not below last year's {}";
                    yuan(out.budget), last
                )),
            }
        }
    }
}

/// 二(二)“原则上，县域外发生的医保基金支出应纳入县域医共体医保基金支出总额预算”
fn out_of_county(s: Option<&SettlementInput>, a: Option<&Amounts>) -> Judgement {
    let (Some(s), Some(a)) = (s, a) else {
        return Judgement::missing("settlement", words!("年终清算数据", "the year-end figures"));
    };
    match s.out_of_county {
        None => Judgement::missing("settlement.out_of_county", words!("县域外医保基金支出", "out-of-county fund spending"))
            .note(tr!("按0计入", "counted as 0")),
        Some(x) => Judgement::pass(tr!(
            "县域外支出{}元计入：县域内{}元＋县域外{}元＝{}元，对照预算",
            "out-of-county spending {} counts: in-county {} + out-of-county {} = {} against the budget";
            yuan(x), yuan(a.in_county), yuan(x), yuan(a.spending)
        )),
    }
}

/// 二(三)“对产生的结余或超支费用，按协议约定留用或分担，结余留用资金作为县域医共体业务收入”
fn surplus_retained(a: &Amounts, p: &Params) -> Judgement {
    if a.overspend > 0.0 {
        return Judgement::na(tr!("超支{}元，无结余", "an overspend of {}: no surplus"; yuan(a.overspend)));
    }
    Judgement::pass(tr!(
        "预算{}元−支出{}元＝结余{}元；留用{}%即{}元作为医共体业务收入，{}元留在基金",
        "budget {} − spending {} = surplus {}; {}% retained, {}, as the community's revenue; {} stays in the fund";
        yuan(a.budget), yuan(a.spending), yuan(a.surplus), pct(p.budget_surplus_retained_pct), yuan(a.retained), yuan(a.returned_to_fund)
    ))
}

/// 二(三)“确因政策调整、县域医共体服务能力变化、重大公共卫生事件等客观因素导致医疗费用发生重大变化的，医保基金应给予合理补偿”
fn objective_compensation(a: &Amounts, s: &SettlementInput, p: &Params) -> Judgement {
    let claimed = s.objective_overspend.unwrap_or(0.0);
    if a.overspend <= 0.0 {
        let j = Judgement::na(tr!("有结余，无超支需补偿", "a surplus: no overspend to compensate"));
        return if claimed > 0.0 { j.note(tr!("填报的客观因素超支{}元不适用", "the stated objective overspend {} does not apply"; yuan(claimed))) } else { j };
    }
    if a.objective_overspend <= 0.0 {
        return Judgement::na(tr!("超支{}元中无客观因素部分", "no part of the overspend {} is from objective causes"; yuan(a.overspend)));
    }
    let causes: Vec<Text> = s.objective_causes.iter().map(|c| c.label()).collect();
    let zh = causes.iter().map(|t| t.zh.as_str()).collect::<Vec<_>>().join("、");
    let en = causes.iter().map(|t| t.en.as_str()).collect::<Vec<_>>().join(", ");
    let mut j = Judgement::pass(Text::new(
        format!(
            "超支{}元中{}元因{}等客观因素，医保基金补偿{}%即{}元",
            yuan(a.overspend), yuan(a.objective_overspend), zh, pct(p.budget_objective_compensation_pct), yuan(a.compensated)
        ),
        format!(
            "of the overspend {}, {} is from objective causes ({}): the fund compensates {}%, {}",
            yuan(a.overspend), yuan(a.objective_overspend), en, pct(p.budget_objective_compensation_pct), yuan(a.compensated)
        ),
    ));
    if claimed > a.overspend + CENT {
        j = j.note(tr!(
            "填报的客观因素超支{}元超过超支总额，按{}元计",
            "the stated objective overspend {} exceeds the overspend: counted as {}";
            yuan(claimed), yuan(a.overspend)
        ));
    }
    j
}

/// 二(三)“建立‘结余留用、合理超支分担’机制”；“对超支费用应及时冲减应收医疗款，不得长期挂账”
fn overspend_shared(a: &Amounts, p: &Params) -> Judgement {
    if a.overspend <= 0.0 {
        return Judgement::na(tr!("有结余{}元，无超支", "a surplus of {}: no overspend"; yuan(a.surplus)));
    }
    Judgement::pass(tr!(
        "其他超支{}元：医保基金分担{}%即{}元，医共体承担{}元（冲减应收医疗款）",
        "other overspend {}: the fund shares {}%, {}; the community bears {} (written off its receivables)";
        yuan(a.other_overspend), pct(p.budget_overspend_fund_share_pct), yuan(a.fund_shares), yuan(a.community_bears)
    ))
}

/// 二(四)“各统筹区医保经办机构可根据基金结余情况向县域医共体预付1个月左右的医保基金”
fn prepayment(budget: f64, balance: Option<f64>, p: &Params) -> (Judgement, Option<Prepayment>) {
    let months = p.budget_prepay_months;
    if months <= 0.0 {
        return (Judgement::na(tr!("预付月数为0，不预付", "0 months: no advance")), None);
    }
    let amount = budget * months / 12.0;
    let Some(bal) = balance else {
        let pre = Prepayment { months, amount, fund_balance: None, made: false };
        return (Judgement::missing("fund_balance", words!("统筹基金累计结余", "the fund's accumulated balance")), Some(pre));
    };
    let made = bal >= amount - CENT;
    let detail = tr!(
        "预付{}个月即{}元（预算{}元÷12×{}），基金累计结余{}元",
        "advance of {} month(s), {} (budget {} ÷ 12 × {}); fund balance {}";
        num(months, 2), yuan(amount), yuan(budget), num(months, 2), yuan(bal)
    );
    let j = if made {
        Judgement::pass(detail.join(&tr!("结余足以预付", "the balance covers it")))
    } else {
        Judgement::fail(detail.join(&tr!("结余不足，不预付", "the balance does not cover it: no advance")))
    };
    (j, Some(Prepayment { months, amount, fund_balance: Some(bal), made }))
}

/// 三(一)“乡镇卫生院和县级医院居民医保住院报销比例原则上相差不低于10个百分点”
fn reimbursement_gap(c: &Community, p: &Params) -> Judgement {
    let Some(r) = c.resident_inpatient_reimbursement_pct else {
        return Judgement::missing(
            "community.resident_inpatient_reimbursement_pct",
            words!("居民医保住院报销比例", "resident inpatient reimbursement rates"),
        );
    };
    let gap = r.township - r.county_hospital;
    let min = p.reimbursement_gap_min_pp;
    let detail = tr!(
        "乡镇卫生院{}%，县级医院{}%，相差{}个百分点",
        "township centres {}%, county hospitals {}%: a gap of {} percentage points";
        pct(r.township), pct(r.county_hospital), pct(gap)
    );
    // Rates such as 80.1 and 70.1 differ by 9.999999999999986 in binary: compare to 1e-9.
    if gap + 1e-9 >= min {
        Judgement::pass(detail.join(&tr!("不低于{}个百分点", "not below {}"; pct(min))))
    } else {
        Judgement::fail(detail.join(&tr!("低于{}个百分点", "below {}"; pct(min))))
    }
}

/// 三(四)“2025年年底前DIP基层病种和DRG基层病组分别不少于80个和20个”
fn primary_groups(c: &Community, year: i32, p: &Params) -> Judgement {
    let mut parts = Vec::new();
    let mut short = false;
    if let Some(n) = c.dip_primary_diseases {
        short |= n < p.dip_primary_diseases_min;
        parts.push(tr!("DIP基层病种{}个（不少于{}个）", "{} DIP primary-care diseases (at least {})"; n, p.dip_primary_diseases_min));
    }
    if let Some(n) = c.drg_primary_groups {
        short |= n < p.drg_primary_groups_min;
        parts.push(tr!("DRG基层病组{}个（不少于{}个）", "{} DRG primary-care groups (at least {})"; n, p.drg_primary_groups_min));
    }
    if parts.is_empty() {
        return Judgement::missing(
            "community.dip_primary_diseases, community.drg_primary_groups",
            words!("DIP基层病种或DRG基层病组数", "the DIP primary-care disease or DRG group count"),
        );
    }
    let mut detail = parts[0].clone();
    for t in &parts[1..] {
        detail = detail.join(t);
    }
    let due = p.primary_groups_due_year;
    if !short {
        Judgement::pass(detail.join(&tr!("达标", "met")))
    } else if year < due {
        Judgement::na(detail.join(&tr!("未达标，但{}年年底前达标即可（本年为{}年）", "short, but due only by the end of {} (this is {})"; due, year)))
    } else {
        Judgement::fail(detail.join(&tr!("{}年年底前应达标，未达标", "due by the end of {}: short"; due)))
    }
}

// ---------------------------------------------------------------------------------------------
// Settlement and projection

impl SettleRequest {
    pub fn settle(&self) -> Settle {
        settle(&self.input, &self.policy)
    }
}

/// The budget, the year-end settlement, the advance, the checks and the projection, under the
/// policy's budget rules.
pub fn settle(input: &SettleInput, policy: &Policy) -> Settle {
    let p = &policy.params;
    let m = Mechanisms::of(policy);
    let c = &input.community;
    let budget = budget_out(&input.budget, policy);
    let amounts = input.settlement.as_ref().map(|s| {
        settle_amounts(budget.budget, s.payments.total(), s.out_of_county.unwrap_or(0.0), s.objective_overspend.unwrap_or(0.0), p, m)
    });

    let mut rules = Vec::new();
    let mut eligible = None;
    let mut missing_unifications = Vec::new();
    let mut prepay = None;
    for rule in &policy.budget_rules {
        let settlement_missing = || Judgement::missing("settlement", words!("年终清算数据", "the year-end figures"));
        let j = match rule.def.id {
            "community.six_unifications" => {
                let (j, ok, missing) = six_unifications(c);
                eligible = Some(ok);
                missing_unifications = missing;
                j
            }
            "budget.growth_cap" => growth_cap(&input.budget, &budget),
            "budget.no_cut" => no_cut(&input.budget, &budget),
            "budget.out_of_county" => out_of_county(input.settlement.as_ref(), amounts.as_ref()),
            "settlement.surplus_retained" => amounts.as_ref().map(|a| surplus_retained(a, p)).unwrap_or_else(settlement_missing),
            "settlement.objective_compensation" => match (&amounts, &input.settlement) {
                (Some(a), Some(s)) => objective_compensation(a, s, p),
                _ => settlement_missing(),
            },
            "settlement.overspend_shared" => amounts.as_ref().map(|a| overspend_shared(a, p)).unwrap_or_else(settlement_missing),
            "prepayment.one_month" => {
                let (j, pre) = prepayment(budget.budget, input.fund_balance, p);
                prepay = pre;
                j
            }
            "benefit.reimbursement_gap" => reimbursement_gap(c, p),
            "payment.primary_groups" => primary_groups(c, input.year, p),
            _ => Judgement::na(Text::new("未实现的规则", "rule not implemented")),
        };
        rules.push(trace_entry(policy, rule, j));
    }

    let mut notes = Vec::new();
    if eligible == Some(false) {
        notes.push(tr!(
            "医共体未达到“六统一”，不实行医保基金总额付费（二(一)）；以下结算与预测仅供参考",
            "the community does not meet the six unifications, so no global budget applies (二(一)); the settlement and projection below are for reference only"
        ));
    }
    if policy.budget_rules.is_empty() {
        notes.push(tr!(
            "本预设未开启县域医共体总额付费规则（可在overrides中逐条开启）",
            "this preset turns on no county-community budget rule (each can be turned on in overrides)"
        ));
    }

    let projection = match (&input.projection, &amounts) {
        (Some(pi), Some(a0)) => Some(project(input.year, a0, pi, p, m, policy.is_on("budget.no_cut"))),
        _ => None,
    };
    Settle {
        year: input.year,
        community: CommunityOut { id: c.id.clone(), name: c.name.clone() },
        eligible,
        missing_unifications,
        budget,
        settlement: input.settlement.as_ref().zip(amounts).map(|(s, a)| SettlementOut {
            payments: s.payments.clone(),
            amounts: a,
            objective_causes: s.objective_causes.clone(),
        }),
        prepayment: prepay,
        projection,
        notes,
        rules,
    }
}

/// The settled year, then `years` more: the budget grows by the revenue growth (held when
/// spending falls and the no-cut rule is on), spending by the spending growth, the out-of-county
/// share of spending as in the settled year, no objective-cause overspend.
fn project(year: i32, first: &Amounts, pi: &ProjectionInput, p: &Params, m: Mechanisms, no_cut: bool) -> Projection {
    let rg = 1.0 + pi.revenue_growth_pct / 100.0;
    let sg = 1.0 + pi.spending_growth_pct / 100.0;
    let mut years = vec![ProjectionYear { year, projected: false, amounts: first.clone(), cumulative_community_result: first.community_result }];
    let (mut budget, mut in_county, mut out) = (first.budget, first.in_county, first.out_of_county);
    let mut cumulative = first.community_result;
    for t in 1..=pi.years as i32 {
        let grown = budget * rg;
        budget = if no_cut && sg < 1.0 { grown.max(budget) } else { grown };
        in_county *= sg;
        out *= sg;
        let a = settle_amounts(budget, in_county, out, 0.0, p, m);
        cumulative += a.community_result;
        years.push(ProjectionYear { year: year + t, projected: true, amounts: a, cumulative_community_result: cumulative });
    }
    let last = years.last().map(|y| y.amounts.balance).unwrap_or(0.0);
    let ends_in = if last > CENT {
        EndsIn::Surplus
    } else if last < -CENT {
        EndsIn::Deficit
    } else {
        EndsIn::Balanced
    };
    Projection {
        revenue_growth_pct: pi.revenue_growth_pct,
        spending_growth_pct: pi.spending_growth_pct,
        years,
        ends_in,
        final_balance: last,
        cumulative_community_result: cumulative,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_reads_as_people_write_it() {
        assert_eq!(yuan(105_000_000.0), "105,000,000");
        assert_eq!(yuan(1234.5), "1,234.5");
        assert_eq!(yuan(-2_500_000.0), "-2,500,000");
        assert_eq!(yuan(0.001), "0");
    }

    #[test]
    fn every_budget_rule_is_dispatched() {
        // With every budget rule on, no trace entry falls to the “not implemented” arm.
        let src = r#"{"policy": {"preset": "linyi-2025"}, "year": 2025, "community": {"id": "c"},
            "budget": {"last_year_budget": 100, "fund_revenue_growth_pct": 5},
            "settlement": {"payments": {"other": 90}}}"#;
        let req = read_settle_input(src, |_| Err("no files".into())).unwrap();
        let out = req.settle();
        assert_eq!(out.rules.len(), BUDGET_RULES.len());
        for e in &out.rules {
            assert_ne!(e.detail.en, "rule not implemented", "{} is not dispatched", e.rule);
        }
    }

    #[test]
    fn a_refused_budget_value_is_explained_in_chinese_too() {
        // The app's budget form shows these in the chosen language; the command line keeps English.
        let src = r#"{"policy": {"preset": "linyi-2025"}, "year": 2025, "community": {"id": "c"},
            "budget": {"last_year_budget": 100, "fund_revenue_growth_pct": 5},
            "settlement": {"payments": {"other": 90}, "objective_overspend": 10}}"#;
        let input: SettleInput = from_json(src, "").unwrap();
        let (path, what) = settle_input_problem(&input).unwrap_err();
        assert_eq!(path, "settlement.objective_causes");
        assert!(what.zh.contains("客观原因"), "{}", what.zh);
        let cli = check_settle_input(&input).unwrap_err().message;
        assert!(cli.starts_with("settlement.objective_causes: name the objective cause"), "{cli}");
    }
}
