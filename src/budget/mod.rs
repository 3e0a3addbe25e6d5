//! The county medical community (县域医共体) global budget of shandong-2024 (鲁医保发〔2024〕39号):
//! eligibility by the six unifications (二(一)), the budget and its growth cap (二(二)), the
//! year-end settlement — surplus retained, objective overspend compensated, other reasonable
//! overspend shared (二(三)) — the optional advance of about a month (二(四)), the benefit and
//! payment checks (三(一), 三(四)), and a projection over a few years. `dingdian settle`.
//!
//! Readings where the text is silent (README, “Assessment and settlement”). Every figure that
//! rests on a switch or an assumed parameter lists their ids in `Settle::rests_on`; every figure
//! the input leaves open is `null` and named in `Settle::undetermined` with what would decide it.
//! - Amounts are yuan; they are compared to half a cent, so a standard that grows exactly as fast
//!   as the fund's revenue passes (“增幅不超过”).
//! - The cap binds the per-head standards (“按照增幅不超过……的原则，合理测算各类人头预算标准，
//!   结合县域医共体服务人群”): each of the employee and resident standards may grow by the
//!   revenue growth, and the total is the standards × the people served, so a community serving
//!   more people may get a total that grows faster. Without the standards the cap cannot be
//!   checked (`gap`): a proposed total is settled as stated; with no proposal the budget is
//!   undetermined. A standard or total above the cap is settled at the cap; one below the no-cut
//!   floor at the floor. When revenue fell and the community's spending fell through cost
//!   control, the specific rule (“不降低”) prevails over the cap.
//! - Out-of-county spending by the county's insured counts against the budget with the
//!   in-county payments under the existing methods (二(二)“原则上……应纳入”).
//! - Only reasonable overspend is shared (“合理超支分担”; “应分析原因，厘清责任”): the input says
//!   how much of the non-objective overspend was found reasonable; the rest the community bears.
//!   Not stated: the split is undetermined (`gap`, with its range), not assumed.
//! - Objective causes are an open list (“等客观因素”): a cause the user names is accepted, marked
//!   as the user's.
//! - The shares of 二(三) are “按协议约定”: parameters whose defaults are assumptions (all of a
//!   surplus retained, objective-cause overspend compensated in full, reasonable overspend half
//!   by the fund). A rule turned off removes its mechanism: no retention, no compensation (the
//!   objective part is then reasonable overspend, shared), no sharing (the community bears it all).
//! - 二(四) links the assessment results to retention and sharing without saying how: the switch
//!   `budget_assessment_link` leaves the score unapplied by default; set to `scale`, the retained
//!   surplus and the fund's share are multiplied by score ÷ `budget_assessment_full_score` (at
//!   most 1). Objective-cause compensation is not scaled (the text links only 超支分担, 结余留用).
//! - The advance of 二(四) is made when the fund balance covers it (“根据基金结余情况”).
//! - “相差不低于10个百分点” is the township rate minus the county-hospital rate: township centres
//!   must reimburse more (the point is to draw patients to primary care).
//! - A community short of the six unifications is not eligible; its settlement is still shown,
//!   marked as for reference only.
//! - The projection grows the budget by the revenue growth every year (the most the text allows
//!   with the people served unchanged) and spending by the spending growth, with no
//!   objective-cause overspend; a projected overspend's reasonable share is the projection's
//!   `reasonable_overspend_pct` (absent: undetermined); the settled year's assessment score
//!   carries forward; when spending falls (negative growth, read as cost control) the budget is
//!   not cut.

use crate::words;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::engine::exits::trace_entry;
use crate::engine::{Judgement, TraceEntry, Verdict};
use crate::policy::{Params, Policy, RuleDef};
use crate::scenario::{from_json, resolve_policy_ref, PolicyRef, ScenarioError};
use crate::text::{num, Text};
use crate::tr;

pub mod chart;

pub use crate::policy::rules::BUDGET_RULES;

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
            (
                "drug_distribution",
                Text::new("统一药品耗材配送", "drug and consumables distribution"),
                self.drug_distribution,
            ),
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
    /// The per-head budget standards (各类人头预算标准) and the people the community serves
    /// (服务人群): the growth cap binds the standards, not the total. Absent: the cap cannot be
    /// checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_head: Option<PerHead>,
}

/// 职工医保 and 居民医保: a standard each (二(二)“科学合理确定县域医共体职工医保和居民医保基金支出总额预算”).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PerHead {
    pub employee: HeadStandard,
    pub resident: HeadStandard,
}

impl PerHead {
    pub fn items(&self) -> [(&'static str, Text, &HeadStandard); 2] {
        [
            ("employee", Text::new("职工医保", "employee insurance"), &self.employee),
            ("resident", Text::new("居民医保", "resident insurance"), &self.resident),
        ]
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct HeadStandard {
    /// Last year's per-head budget standard, yuan a person served.
    pub last_year_standard: f64,
    /// This year's proposed standard; absent: the cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed_standard: Option<f64>,
    /// The insured people the community serves this year.
    pub served: u64,
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
    /// Of the overspend not from objective causes, what was found reasonable (合理超支) after
    /// “分析原因，厘清责任”, yuan. Only it is shared; absent: the sharing is undetermined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasonable_overspend: Option<f64>,
    /// The community's performance assessment score (履约考核, 二(四)) for the year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment_score: Option<f64>,
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

/// The objective causes of 二(三). The text's list ends in “等” (and the like), so a cause the
/// user names is accepted as objective and shown as the user's: `{"other": "…"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjectiveCause {
    /// 政策调整
    PolicyAdjustment,
    /// 县域医共体服务能力变化
    CapacityChange,
    /// 重大公共卫生事件
    PublicHealthEvent,
    /// A cause named by the user.
    Other(String),
}

impl ObjectiveCause {
    pub fn label(&self) -> Text {
        match self {
            ObjectiveCause::PolicyAdjustment => Text::new("政策调整", "policy adjustment"),
            ObjectiveCause::CapacityChange => Text::new("医共体服务能力变化", "change in the community's capacity"),
            ObjectiveCause::PublicHealthEvent => Text::new("重大公共卫生事件", "major public-health event"),
            ObjectiveCause::Other(t) => {
                Text::new(format!("{t}（用户认定的客观因素）"), format!("{t} (an objective cause named by the user)"))
            }
        }
    }
    pub fn is_users(&self) -> bool {
        matches!(self, ObjectiveCause::Other(_))
    }
}

impl<'de> Deserialize<'de> for ObjectiveCause {
    // A visitor, not a buffered `Value`: the refusal is raised while the value is read, so it is
    // placed (and named) at the cause itself, not at the end of the list.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{Error, MapAccess, Visitor};
        const KNOWN: &str = "policy_adjustment, capacity_change, public_health_event";
        struct Cause;
        impl<'de> Visitor<'de> for Cause {
            type Value = ObjectiveCause;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "one of {KNOWN}, or {{\"other\": \"a cause of your own\"}}")
            }
            fn visit_str<E: Error>(self, s: &str) -> Result<ObjectiveCause, E> {
                match s {
                    "policy_adjustment" => Ok(ObjectiveCause::PolicyAdjustment),
                    "capacity_change" => Ok(ObjectiveCause::CapacityChange),
                    "public_health_event" => Ok(ObjectiveCause::PublicHealthEvent),
                    _ => Err(E::custom(format!(
                        "\"{s}\" is not one of {KNOWN}; a cause of your own is written {{\"other\": \"{s}\"}}"
                    ))),
                }
            }
            fn visit_map<M: MapAccess<'de>>(self, mut m: M) -> Result<ObjectiveCause, M::Error> {
                let own = M::Error::custom("\"other\" must be a text naming the cause");
                let mut cause = None;
                while let Some(key) = m.next_key::<String>()? {
                    let value = m.next_value::<serde_json::Value>()?;
                    if key != "other" || cause.is_some() {
                        return Err(M::Error::custom(format!(
                            "{{\"{key}\": …}} is not a cause: one of {KNOWN}, or {{\"other\": \"a cause of your own\"}}"
                        )));
                    }
                    cause = Some(value);
                }
                match cause.as_ref().and_then(|v| v.as_str()).map(str::trim) {
                    Some(t) if !t.is_empty() => Ok(ObjectiveCause::Other(t.to_string())),
                    _ => Err(own),
                }
            }
        }
        d.deserialize_any(Cause)
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ProjectionInput {
    /// Years projected after the settled one.
    pub years: u32,
    pub revenue_growth_pct: f64,
    pub spending_growth_pct: f64,
    /// The share of each projected year's overspend that would be found reasonable, percent;
    /// absent: the projected years' sharing is undetermined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasonable_overspend_pct: Option<f64>,
}

/// A settle input read and checked, with the policy it names.
#[derive(Clone, Debug)]
pub struct SettleRequest {
    pub input: SettleInput,
    pub policy: Policy,
}

/// Parses and checks a settle input; `load_file` reads a preset file named relative to it.
/// Errors name the field path (`settlement.payments.drg_dip: …`).
pub fn read_settle_input(
    src: &str,
    load_file: impl Fn(&str) -> Result<String, String>,
) -> Result<SettleRequest, ScenarioError> {
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
            Text::new(
                format!("{x} 超出范围（大于 -100，至多 1000，单位 %）"),
                format!("{x} is outside more than -100..1000 (percent)"),
            ),
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
        return problem(
            "year",
            format!("{} 不在 2000–2100 之间", input.year),
            format!("{} is outside 2000..2100", input.year),
        );
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
    if let Some(ph) = &b.per_head {
        for (cat, _, h) in ph.items() {
            let path = format!("budget.per_head.{cat}");
            if !h.last_year_standard.is_finite() || h.last_year_standard <= 0.0 {
                return problem(
                    &format!("{path}.last_year_standard"),
                    format!("{} 不是大于 0 的人头预算标准（元/人）", h.last_year_standard),
                    format!("{} is not a per-head standard above 0 (yuan a person)", h.last_year_standard),
                );
            }
            amount_problem(&format!("{path}.proposed_standard"), h.proposed_standard)?;
        }
        if b.proposed.is_some() && ph.items().iter().any(|(_, _, h)| h.proposed_standard.is_some()) {
            return problem(
                "budget.proposed",
                "拟定预算请填总额或各类人头标准（budget.per_head.*.proposed_standard）之一，不要两者都填".into(),
                "give the proposal either as a total or as per-head standards (budget.per_head.*.proposed_standard), not both".into(),
            );
        }
    }
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
                "填写了客观超支，请注明其客观原因（政策调整、服务能力变化、公共卫生事件，或自行填写的其他客观因素）".into(),
                "name the objective cause of objective_overspend (policy_adjustment, capacity_change, public_health_event, or {\"other\": \"a cause of your own\"})".into(),
            );
        }
        amount_problem("settlement.reasonable_overspend", s.reasonable_overspend)?;
        if let Some(x) = s.assessment_score {
            if !x.is_finite() || !(0.0..=1000.0).contains(&x) {
                return problem(
                    "settlement.assessment_score",
                    format!("{x} 不在 0–1000 分之间"),
                    format!("{x} is outside 0..1000 points"),
                );
            }
        }
    }
    if let Some(x) = input.fund_balance {
        if !x.is_finite() {
            return problem("fund_balance", format!("{x} 不是数字"), format!("{x} is not a number"));
        }
    }
    if let Some(p) = &input.projection {
        if !(1..=30).contains(&p.years) {
            return problem(
                "projection.years",
                format!("{} 不在 1–30 之间", p.years),
                format!("{} is outside 1..30", p.years),
            );
        }
        growth_problem("projection.revenue_growth_pct", p.revenue_growth_pct)?;
        growth_problem("projection.spending_growth_pct", p.spending_growth_pct)?;
        if let Some(x) = p.reasonable_overspend_pct {
            if !x.is_finite() || !(0.0..=100.0).contains(&x) {
                return problem(
                    "projection.reasonable_overspend_pct",
                    format!("{x} 不在 0–100 之间"),
                    format!("{x} is outside 0..100"),
                );
            }
        }
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
    /// Each per-head standard with its cap and the people served (`null` when not stated).
    pub per_head: Option<Vec<HeadOut>>,
    /// The most the budget may be: each standard at its cap × the people served (`null` when
    /// `budget.growth_cap` is off or the standards are not stated).
    pub cap: Option<f64>,
    /// Last year's budget, when the no-cut rule holds it up.
    pub floor: Option<f64>,
    pub proposed: Option<f64>,
    /// The budget settled against (`null`: undetermined, neither standards nor a total stated).
    pub budget: Option<f64>,
    /// Its growth over last year's, percent.
    pub growth_pct: Option<f64>,
}

/// One per-head standard (二(二)“合理测算各类人头预算标准，结合县域医共体服务人群”).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HeadOut {
    /// `employee` or `resident`.
    pub category: &'static str,
    pub last_year_standard: f64,
    /// Last year's standard grown by the revenue growth (`null` when the cap is off).
    pub cap_standard: Option<f64>,
    pub proposed_standard: Option<f64>,
    /// The standard settled against.
    pub standard: f64,
    pub served: u64,
    /// Standard × served.
    pub budget: f64,
}

/// One year's settlement; amounts in yuan. A surplus and an overspend exclude each other.
/// `null` (None): undetermined — the input does not say what would decide it (see
/// `Settle::undetermined`).
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
    pub retained: Option<f64>,
    pub returned_to_fund: Option<f64>,
    pub overspend: f64,
    pub objective_overspend: f64,
    pub compensated: f64,
    /// The overspend not from objective causes.
    pub other_overspend: f64,
    /// Of it, what 分析原因、厘清责任 found reasonable (合理超支): the only part shared.
    pub reasonable_overspend: Option<f64>,
    /// The rest, borne by the community in full.
    pub unreasonable_overspend: Option<f64>,
    /// The fund's share of the reasonable overspend.
    pub fund_shares: Option<f64>,
    /// What the community writes off (冲减应收医疗款).
    pub community_bears: Option<f64>,
    /// Retained minus borne: the community's gain (+) or loss (−) against its spending.
    pub community_result: Option<f64>,
    /// What the fund pays in all: spending plus what it retains for, compensates or shares, less what the community bears.
    pub fund_cost: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SettlementOutcome {
    /// Every amount is determined.
    Settled,
    /// Some amount waits on a figure the input does not give (`Settle::undetermined`).
    Undetermined,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SettlementOut {
    pub outcome: SettlementOutcome,
    pub payments: Payments,
    #[serde(flatten)]
    pub amounts: Amounts,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub objective_causes: Vec<ObjectiveCause>,
    /// The assessment score (履约考核) and what it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assessment: Option<AssessmentOut>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AssessmentOut {
    pub score: Option<f64>,
    /// The factor applied to the retained surplus and the fund's share (`null`: not applied, or
    /// the score is missing).
    pub factor: Option<f64>,
    /// The switch `budget_assessment_link` decided how the score enters.
    pub link: &'static str,
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
    pub cumulative_community_result: Option<f64>,
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
    pub reasonable_overspend_pct: Option<f64>,
    /// The settled year, then each projected year: budget and spending lines for a chart.
    pub years: Vec<ProjectionYear>,
    /// The last year's balance.
    pub ends_in: EndsIn,
    pub final_balance: f64,
    pub cumulative_community_result: Option<f64>,
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
    /// Figure (`settlement.fund_shares`, …) → the switches and assumption parameters its value
    /// rests on: where the number is the simulator's reading, not the text's.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub rests_on: BTreeMap<&'static str, Vec<&'static str>>,
    /// Figure → the input field or switch that would decide it, for each figure left `null`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub undetermined: BTreeMap<&'static str, &'static str>,
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

/// How the assessment score of 二(四) enters a year's settlement.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Link {
    /// The switch leaves the score unapplied (the text links them but does not say how).
    NotApplied,
    /// The retained surplus and the fund's share are multiplied by this factor.
    Factor(f64),
    /// The score would scale them, but none is stated.
    Missing,
}

impl Link {
    fn of(policy: &Policy, score: Option<f64>) -> Link {
        if !assessment_scales(policy) {
            return Link::NotApplied;
        }
        let full = policy.values.get("budget_assessment_full_score").and_then(|v| v.as_f64()).unwrap_or(100.0);
        match score {
            Some(x) => Link::Factor((x / full).min(1.0)),
            None => Link::Missing,
        }
    }
    fn apply(self, x: f64) -> Option<f64> {
        if x.abs() <= CENT {
            return Some(x);
        }
        match self {
            Link::NotApplied => Some(x),
            Link::Factor(f) => Some(x * f),
            Link::Missing => None,
        }
    }
}

fn assessment_scales(policy: &Policy) -> bool {
    policy.values.get("budget_assessment_link").and_then(|v| v.as_str()) == Some("scale")
}

/// What part of the non-objective overspend is reasonable.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Reasonable {
    /// As found and stated, yuan.
    Stated(f64),
    /// A projected year: this share of the overspend, percent.
    Share(f64),
    NotStated,
}

/// The year-end settlement of 二(三) for one year. Only reasonable overspend is shared
/// (“结余留用、合理超支分担”); the unreasonable part, and any part the fund does not share, the
/// community bears. A figure that waits on an unstated input is `None`.
fn settle_amounts(
    budget: f64,
    in_county: f64,
    out_of_county: f64,
    objective: f64,
    reasonable: Reasonable,
    link: Link,
    p: &Params,
    m: Mechanisms,
) -> Amounts {
    let out = if m.out_of_county { out_of_county } else { 0.0 };
    let spending = in_county + out;
    let balance = budget - spending;
    let zero = Some(0.0);
    let mut a = Amounts {
        budget,
        in_county,
        out_of_county: out,
        spending,
        balance,
        retained: zero,
        returned_to_fund: zero,
        reasonable_overspend: zero,
        unreasonable_overspend: zero,
        fund_shares: zero,
        community_bears: zero,
        ..Default::default()
    };
    if balance >= -CENT {
        a.surplus = balance.max(0.0);
        a.retained = if m.retain { link.apply(a.surplus * p.budget_surplus_retained_pct / 100.0) } else { Some(0.0) };
        a.returned_to_fund = a.retained.map(|r| a.surplus - r);
        a.community_result = a.retained;
        a.fund_cost = a.retained.map(|r| spending + r);
    } else {
        a.overspend = -balance;
        a.objective_overspend = if m.compensate { objective.min(a.overspend) } else { 0.0 };
        a.compensated = a.objective_overspend * p.budget_objective_compensation_pct / 100.0;
        a.other_overspend = a.overspend - a.objective_overspend;
        // Without compensation the objective part is overspend like any other, and reasonable
        // by its nature (it has an objective cause).
        let objective_uncompensated = if m.compensate { 0.0 } else { objective.min(a.overspend) };
        let non_objective = a.other_overspend - objective_uncompensated;
        let found = match reasonable {
            _ if non_objective <= CENT => Some(0.0),
            Reasonable::Stated(x) => Some(x.min(non_objective)),
            Reasonable::Share(pct) => Some(non_objective * pct / 100.0),
            Reasonable::NotStated => None,
        };
        a.reasonable_overspend = found.map(|r| r + objective_uncompensated);
        a.unreasonable_overspend = a.reasonable_overspend.map(|r| a.other_overspend - r);
        a.fund_shares = if !m.share {
            Some(0.0)
        } else {
            a.reasonable_overspend.and_then(|r| link.apply(r * p.budget_overspend_fund_share_pct / 100.0))
        };
        a.community_bears = a.fund_shares.map(|f| a.overspend - a.compensated - f);
        a.community_result = a.community_bears.map(|b| -b);
        a.fund_cost = a.fund_shares.map(|f| budget + a.compensated + f);
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
        return (
            Judgement::pass(tr!(
                "六统一全部达到，实行医保基金总额付费",
                "all six unifications hold: the global budget applies"
            )),
            true,
            missing,
        );
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

/// 二(二)“按照增幅不超过统筹区当年医保基金收入增幅的原则，合理测算各类人头预算标准，结合县域医共体服务人群，科学合理确定县域医共体年度医保基金支出总额预算”；“不降低下年度总额付费预算指标”
fn budget_out(b: &BudgetInput, policy: &Policy) -> BudgetOut {
    let g = b.fund_revenue_growth_pct;
    let cap_on = policy.is_on("budget.growth_cap");
    let heads: Option<Vec<HeadOut>> = b.per_head.as_ref().map(|ph| {
        ph.items()
            .iter()
            .map(|(category, _, h)| {
                let grown = h.last_year_standard * (1.0 + g / 100.0);
                let mut standard = h.proposed_standard.unwrap_or(grown);
                if cap_on && standard > grown + CENT {
                    standard = grown;
                }
                HeadOut {
                    category,
                    last_year_standard: h.last_year_standard,
                    cap_standard: cap_on.then_some(grown),
                    proposed_standard: h.proposed_standard,
                    standard,
                    served: h.served,
                    budget: standard * h.served as f64,
                }
            })
            .collect()
    });
    let cap = heads
        .as_ref()
        .filter(|_| cap_on)
        .map(|hs| hs.iter().map(|h| h.cap_standard.unwrap_or(0.0) * h.served as f64).sum::<f64>());
    let floor =
        (policy.is_on("budget.no_cut") && b.spending_fell_by_cost_control == Some(true)).then_some(b.last_year_budget);
    let mut budget = match (b.proposed, &heads) {
        (Some(p), _) => Some(match cap {
            Some(c) if p > c + CENT => c,
            _ => p,
        }),
        (None, Some(hs)) => Some(hs.iter().map(|h| h.budget).sum()),
        (None, None) => None,
    };
    if let (Some(f), Some(x)) = (floor, budget.as_mut()) {
        if *x < f - CENT {
            *x = f;
        }
    }
    BudgetOut {
        last_year: b.last_year_budget,
        revenue_growth_pct: g,
        per_head: heads,
        cap,
        floor,
        proposed: b.proposed,
        budget,
        growth_pct: budget.map(|x| (x / b.last_year_budget - 1.0) * 100.0),
    }
}

/// 二(二)“按照增幅不超过统筹区当年医保基金收入增幅的原则，合理测算各类人头预算标准，结合县域医共体服务人群”
fn growth_cap(b: &BudgetInput, out: &BudgetOut) -> Judgement {
    let g = pct(b.fund_revenue_growth_pct);
    let last = yuan(b.last_year_budget);
    let grown = b.last_year_budget * (1.0 + b.fund_revenue_growth_pct / 100.0);
    let (Some(ph), Some(heads)) = (&b.per_head, &out.per_head) else {
        // The cap binds the per-head standards: without them and the people served it cannot be
        // checked (a grown population may rightly raise the total).
        let what = tr!(
            "未填报各类人头预算标准和服务人群（budget.per_head）：增幅上限约束的是人头预算标准，无法核对（若服务人群不变，相当于总额{}元×(1+{}%)＝{}元）",
            "the per-head standards and the people served are not stated (budget.per_head): the cap binds the per-head standards and cannot be checked (were the people served unchanged, it would be {} × (1 + {}%) = {} in total)";
            last, g, yuan(grown)
        );
        return match b.proposed {
            Some(p) => Judgement::new(
                Verdict::Gap,
                what.join(&tr!("按拟定预算{}元结算", "settled against the proposed {}"; yuan(p))),
            ),
            None => Judgement::new(
                Verdict::Gap,
                what.join(&tr!(
                    "也未填报拟定预算（budget.proposed）：预算待定",
                    "nor is a budget proposed (budget.proposed): the budget is undetermined"
                )),
            ),
        };
    };
    let mut over = false;
    let mut parts: Vec<Text> = Vec::new();
    for ((_, label, h), o) in ph.items().iter().zip(heads) {
        let cap = o.cap_standard.unwrap_or(o.standard);
        let (zh, en) = (label.zh.clone(), label.en.clone());
        let served = crate::text::thousands(h.served);
        let line = match h.proposed_standard {
            Some(p) if p > cap + CENT => {
                over = true;
                Text::new(
                    format!("{zh}：拟定人头标准{}元超过上限{}元（上年{}元×(1+{g}%)），按上限计；×服务人群{}人＝{}元", yuan(p), yuan(cap), yuan(h.last_year_standard), served, yuan(o.budget)),
                    format!("{en}: the proposed per-head standard {} is above the cap {} (last year's {} × (1 + {g}%)), counted at the cap; × {} people served = {}", yuan(p), yuan(cap), yuan(h.last_year_standard), served, yuan(o.budget)),
                )
            }
            Some(p) => Text::new(
                format!("{zh}：拟定人头标准{}元不超过上限{}元（上年{}元×(1+{g}%)）；×服务人群{}人＝{}元", yuan(p), yuan(cap), yuan(h.last_year_standard), served, yuan(o.budget)),
                format!("{en}: the proposed per-head standard {} is not above the cap {} (last year's {} × (1 + {g}%)); × {} people served = {}", yuan(p), yuan(cap), yuan(h.last_year_standard), served, yuan(o.budget)),
            ),
            None => Text::new(
                format!("{zh}：人头标准按上限{}元（上年{}元×(1+{g}%)）×服务人群{}人＝{}元", yuan(cap), yuan(h.last_year_standard), served, yuan(o.budget)),
                format!("{en}: the per-head standard at the cap {} (last year's {} × (1 + {g}%)) × {} people served = {}", yuan(cap), yuan(h.last_year_standard), served, yuan(o.budget)),
            ),
        };
        parts.push(line);
    }
    let cap_total = out.cap.unwrap_or(0.0);
    let heads_total: f64 = heads.iter().map(|h| h.budget).sum();
    if b.proposed.is_none() {
        parts.push(tr!("两类合计{}元", "the two together {}"; yuan(heads_total)));
    }
    if let Some(p) = b.proposed {
        let line = if p > cap_total + CENT {
            over = true;
            tr!(
                "拟定总额预算{}元超过各类人头标准上限×服务人群之和{}元：按{}元结算",
                "the proposed total {} is above the sum of each capped standard × the people served, {}: settled at {}";
                yuan(p), yuan(cap_total), yuan(cap_total)
            )
        } else {
            tr!(
                "拟定总额预算{}元不超过各类人头标准上限×服务人群之和{}元",
                "the proposed total {} is not above the sum of each capped standard × the people served, {}";
                yuan(p), yuan(cap_total)
            )
        };
        parts.push(line);
    }
    let settled = out.budget.unwrap_or(0.0);
    parts.push(tr!(
        "总额预算{0}元，较上年{1}元增长{2}%（人头标准增幅不超过基金收入增幅{3}%；服务人群的变化计入总额）",
        "total budget {0}, {2}% on last year's {1} (the per-head standards grow no faster than the revenue, {3}%; a change in the people served counts in the total)";
        yuan(settled), last, pct(out.growth_pct.unwrap_or(0.0)), g
    ));
    let mut detail = parts[0].clone();
    for t in &parts[1..] {
        detail = detail.join(t);
    }
    let mut j = if over { Judgement::fail(detail) } else { Judgement::pass(detail) };
    if let Some(f) = out.floor {
        if f > cap_total + CENT {
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
        Some(false) => Judgement::na(tr!(
            "上年支出未因合理控费降低，本条不涉及",
            "last year's spending did not fall through cost control: not concerned"
        )),
        Some(true) => {
            let last = yuan(b.last_year_budget);
            let below = |x: f64| x < b.last_year_budget - CENT;
            let standards_proposed =
                b.per_head.as_ref().is_some_and(|ph| ph.items().iter().any(|(_, _, h)| h.proposed_standard.is_some()));
            let asked = b.proposed.or_else(|| {
                out.per_head.as_ref().filter(|_| standards_proposed).map(|hs| hs.iter().map(|h| h.budget).sum())
            });
            match (asked, out.budget) {
                (_, None) => Judgement::new(
                    Verdict::Gap,
                    tr!(
                        "上年支出因合理控费降低，预算不低于上年预算{}元；本年预算待定",
                        "last year's spending fell through cost control, so the budget is not below last year's {}; this year's budget is undetermined";
                        last
                    ),
                ),
                (Some(p), Some(_)) if below(p) => Judgement::fail(tr!(
                    "上年支出因合理控费降低，拟定预算{}元低于上年预算{}元：按上年预算结算",
                    "last year's spending fell through cost control, and the proposed {} is below last year's {}: settled at last year's";
                    yuan(p), last
                )),
                (_, Some(x)) => Judgement::pass(tr!(
                    "上年支出因合理控费降低，预算{}元不低于上年预算{}元",
                    "last year's spending fell through cost control; the budget {} is not below last year's {}";
                    yuan(x), last
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
        None => {
            Judgement::missing("settlement.out_of_county", words!("县域外医保基金支出", "out-of-county fund spending"))
                .note(tr!("按0计入", "counted as 0"))
        }
        Some(x) => Judgement::pass(tr!(
            "县域外支出{}元计入：县域内{}元＋县域外{}元＝{}元，对照预算",
            "out-of-county spending {} counts: in-county {} + out-of-county {} = {} against the budget";
            yuan(x), yuan(a.in_county), yuan(x), yuan(a.spending)
        )),
    }
}

/// What the assessment score did to a figure, for the trace: `None` when no score is stated and
/// the switch leaves it unapplied.
fn link_note(link: Link, score: Option<f64>) -> Option<Text> {
    match (link, score) {
        (Link::NotApplied, None) => None,
        (Link::NotApplied, Some(x)) => Some(tr!(
            "履约考核得分{}分未折算：二(四)只说考核结果与结余留用、超支分担“挂钩”，未说如何挂钩（开关“履约考核结果如何影响年终清算”）",
            "the assessment score {} is not applied: Sec. II(4) says the results are “linked” to retention and sharing, not how (switch “how the performance assessment enters the year-end settlement”)";
            num(x, 2)
        )),
        (Link::Factor(f), _) => Some(tr!(
            "按履约考核得分{}分折算，系数{}（开关“履约考核结果如何影响年终清算”，假设“考核得分达到此分即全额留用、全额分担”）",
            "scaled by the assessment score {}: factor {} (switch “how the performance assessment enters the year-end settlement”, assumption “assessment score at or above which nothing is scaled down”)";
            num(score.unwrap_or(0.0), 2), num(f, 4)
        )),
        (Link::Missing, _) => Some(tr!(
            "须按履约考核得分折算（开关“履约考核结果如何影响年终清算”），但未填报得分（settlement.assessment_score）",
            "to be scaled by the assessment score (switch “how the performance assessment enters the year-end settlement”), but no score is stated (settlement.assessment_score)"
        )),
    }
}

fn with_link(j: Judgement, link: Link, score: Option<f64>) -> Judgement {
    match link_note(link, score) {
        Some(n) => j.note(n).switch("budget_assessment_link"),
        None => j,
    }
}

/// 二(三)“对产生的结余或超支费用，按协议约定留用或分担，结余留用资金作为县域医共体业务收入”
fn surplus_retained(a: &Amounts, p: &Params, link: Link, score: Option<f64>) -> Judgement {
    if a.overspend > 0.0 {
        return Judgement::na(tr!("超支{}元，无结余", "an overspend of {}: no surplus"; yuan(a.overspend)));
    }
    let share = tr!(
        "留用比例{}%为假设（budget_surplus_retained_pct：条文“按协议约定”，未给比例）",
        "the {}% retained is an assumption (budget_surplus_retained_pct: the text says “as the agreement provides”, no share)";
        pct(p.budget_surplus_retained_pct)
    );
    let j = match (a.retained, a.returned_to_fund) {
        (Some(r), Some(back)) => Judgement::pass(tr!(
            "预算{}元−支出{}元＝结余{}元；留用{}即{}元作为医共体业务收入，{}元留在基金",
            "budget {} − spending {} = surplus {}; {} retained, {}, as the community's revenue; {} stays in the fund";
            yuan(a.budget), yuan(a.spending), yuan(a.surplus), format!("{}%", pct(p.budget_surplus_retained_pct)), yuan(r), yuan(back)
        )),
        _ => Judgement::new(
            Verdict::Gap,
            tr!(
                "预算{}元−支出{}元＝结余{}元；留用额待定：至多{}元",
                "budget {} − spending {} = surplus {}; the amount retained is undetermined: at most {}";
                yuan(a.budget), yuan(a.spending), yuan(a.surplus), yuan(a.surplus * p.budget_surplus_retained_pct / 100.0)
            ),
        ),
    };
    let j = if a.surplus > CENT { j.note(share) } else { j };
    with_link(j, link, score)
}

/// 二(三)“确因政策调整、县域医共体服务能力变化、重大公共卫生事件等客观因素导致医疗费用发生重大变化的，医保基金应给予合理补偿”
fn objective_compensation(a: &Amounts, s: &SettlementInput, p: &Params) -> Judgement {
    let claimed = s.objective_overspend.unwrap_or(0.0);
    if a.overspend <= 0.0 {
        let j = Judgement::na(tr!("有结余，无超支需补偿", "a surplus: no overspend to compensate"));
        return if claimed > 0.0 {
            j.note(
                tr!("填报的客观因素超支{}元不适用", "the stated objective overspend {} does not apply"; yuan(claimed)),
            )
        } else {
            j
        };
    }
    if a.objective_overspend <= 0.0 {
        return Judgement::na(
            tr!("超支{}元中无客观因素部分", "no part of the overspend {} is from objective causes"; yuan(a.overspend)),
        );
    }
    let causes: Vec<Text> = s.objective_causes.iter().map(|c| c.label()).collect();
    let zh = causes.iter().map(|t| &*t.zh).collect::<Vec<_>>().join("、");
    let en = causes.iter().map(|t| &*t.en).collect::<Vec<_>>().join(", ");
    let mut j = Judgement::pass(Text::new(
        format!(
            "超支{}元中{}元因{}等客观因素，医保基金补偿{}%即{}元",
            yuan(a.overspend),
            yuan(a.objective_overspend),
            zh,
            pct(p.budget_objective_compensation_pct),
            yuan(a.compensated)
        ),
        format!(
            "of the overspend {}, {} is from objective causes ({}): the fund compensates {}%, {}",
            yuan(a.overspend),
            yuan(a.objective_overspend),
            en,
            pct(p.budget_objective_compensation_pct),
            yuan(a.compensated)
        ),
    ))
    .note(tr!(
        "补偿比例{}%为假设（条文“应给予合理补偿”，未给比例）",
        "the {}% compensated is an assumption (the text says “shall be reasonably compensated”, no share)";
        pct(p.budget_objective_compensation_pct)
    ));
    if s.objective_causes.iter().any(ObjectiveCause::is_users) {
        j = j.note(tr!(
            "条文所列客观因素以“等”结尾：用户认定的原因按客观因素计，标明为用户所认定",
            "the text's list of objective causes ends in “等” (and the like): a cause named by the user counts as objective, marked as the user's"
        ));
    }
    if claimed > a.overspend + CENT {
        j = j.note(tr!(
            "填报的客观因素超支{}元超过超支总额，按{}元计",
            "the stated objective overspend {} exceeds the overspend: counted as {}";
            yuan(claimed), yuan(a.overspend)
        ));
    }
    j
}

/// 二(三)“建立‘结余留用、合理超支分担’机制”；“对县域医共体超支部分，应分析原因，厘清责任”；“对超支费用应及时冲减应收医疗款，不得长期挂账”
fn overspend_shared(a: &Amounts, s: &SettlementInput, p: &Params, link: Link) -> Judgement {
    if a.overspend <= 0.0 {
        return Judgement::na(tr!("有结余{}元，无超支", "a surplus of {}: no overspend"; yuan(a.surplus)));
    }
    if a.other_overspend <= CENT {
        return Judgement::na(tr!(
            "超支{}元全部来自客观因素，无其他超支需分担",
            "the whole overspend {} is from objective causes: nothing else to share";
            yuan(a.overspend)
        ));
    }
    let share = pct(p.budget_overspend_fund_share_pct);
    let score = s.assessment_score;
    let j = match (a.reasonable_overspend, a.fund_shares, a.community_bears) {
        (None, _, _) => {
            // The text shares only reasonable overspend, found by analysing causes and
            // responsibilities: until the input says how much, the split is open — say its range.
            let most = a.other_overspend * p.budget_overspend_fund_share_pct / 100.0;
            let base = a.overspend - a.compensated;
            return with_link(
                Judgement::new(
                    Verdict::Gap,
                    tr!(
                        "其他超支{}元中经“分析原因，厘清责任”认定为合理的部分未填报（settlement.reasonable_overspend）：只有合理超支才分担，分担额待定——医保基金分担0至{}元，医共体承担{}至{}元",
                        "how much of the other overspend {} was found reasonable after “analysing the causes and settling responsibility” is not stated (settlement.reasonable_overspend): only reasonable overspend is shared, so the split is undetermined — the fund shares 0 to {}, the community bears {} to {}";
                        yuan(a.other_overspend), yuan(most), yuan(base - most), yuan(base)
                    ),
                ),
                link,
                score,
            );
        }
        (Some(r), Some(f), Some(bears)) => Judgement::pass(tr!(
            "其他超支{}元，经分析原因、厘清责任认定合理超支{}元：医保基金分担{}%即{}元；不合理超支{}元由医共体承担；医共体共承担{}元（冲减应收医疗款）",
            "other overspend {}, of which {} found reasonable after analysing causes and responsibility: the fund shares {}%, {}; the unreasonable {} is the community's; the community bears {} in all (written off its receivables)";
            yuan(a.other_overspend), yuan(r), share, yuan(f), yuan(a.unreasonable_overspend.unwrap_or(0.0)), yuan(bears)
        )),
        (Some(r), _, _) => Judgement::new(
            Verdict::Gap,
            tr!(
                "其他超支{}元中合理超支{}元：医保基金分担额待定，至多{}%即{}元",
                "other overspend {}, of which {} reasonable: the fund's share is undetermined, at most {}%, {}";
                yuan(a.other_overspend), yuan(r), share, yuan(r * p.budget_overspend_fund_share_pct / 100.0)
            ),
        ),
    };
    let mut j = j.note(tr!(
        "分担比例{}%为假设（条文“按协议约定”，未给比例）",
        "the {}% shared is an assumption (the text says “as the agreement provides”, no share)";
        share
    ));
    if let Some(x) = s.reasonable_overspend {
        if x > a.other_overspend + CENT {
            j = j.note(tr!(
                "填报的合理超支{}元超过其他超支，按{}元计",
                "the stated reasonable overspend {} exceeds the other overspend: counted as {}";
                yuan(x), yuan(a.other_overspend)
            ));
        }
    }
    with_link(j, link, score)
}

/// 二(四)“各统筹区医保经办机构可根据基金结余情况向县域医共体预付1个月左右的医保基金”
fn prepayment(budget: Option<f64>, balance: Option<f64>, p: &Params) -> (Judgement, Option<Prepayment>) {
    let months = p.budget_prepay_months;
    if months <= 0.0 {
        return (Judgement::na(tr!("预付月数为0，不预付", "0 months: no advance")), None);
    }
    let Some(budget) = budget else {
        return (
            Judgement::na(tr!(
                "预算待定，预付额无从计算",
                "the budget is undetermined, so the advance cannot be worked out"
            )),
            None,
        );
    };
    let amount = budget * months / 12.0;
    let Some(bal) = balance else {
        let pre = Prepayment { months, amount, fund_balance: None, made: false };
        return (
            Judgement::missing("fund_balance", words!("统筹基金累计结余", "the fund's accumulated balance")),
            Some(pre),
        );
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
    let link = Link::of(policy, input.settlement.as_ref().and_then(|s| s.assessment_score));
    let amounts = input.settlement.as_ref().zip(budget.budget).map(|(s, b)| {
        let reasonable = s.reasonable_overspend.map(Reasonable::Stated).unwrap_or(Reasonable::NotStated);
        settle_amounts(
            b,
            s.payments.total(),
            s.out_of_county.unwrap_or(0.0),
            s.objective_overspend.unwrap_or(0.0),
            reasonable,
            link,
            p,
            m,
        )
    });

    let mut rules = Vec::new();
    let mut eligible = None;
    let mut missing_unifications = Vec::new();
    let mut prepay = None;
    for rule in &policy.budget_rules {
        let settlement_missing = || match (&input.settlement, budget.budget) {
            (Some(_), None) => Judgement::new(
                Verdict::Gap,
                tr!(
                    "预算待定，无法清算（见 budget.growth_cap）",
                    "the budget is undetermined, so nothing can be settled (see budget.growth_cap)"
                ),
            ),
            _ => Judgement::missing("settlement", words!("年终清算数据", "the year-end figures")),
        };
        let j = match rule.def.id {
            "community.six_unifications" => {
                let (j, ok, missing) = six_unifications(c);
                eligible = Some(ok);
                missing_unifications = missing;
                j
            }
            "budget.growth_cap" => growth_cap(&input.budget, &budget),
            "budget.no_cut" => no_cut(&input.budget, &budget),
            "budget.out_of_county" => match amounts {
                None => settlement_missing(),
                Some(_) => out_of_county(input.settlement.as_ref(), amounts.as_ref()),
            },
            "settlement.surplus_retained" => match (&amounts, &input.settlement) {
                (Some(a), Some(s)) => surplus_retained(a, p, link, s.assessment_score),
                _ => settlement_missing(),
            },
            "settlement.objective_compensation" => match (&amounts, &input.settlement) {
                (Some(a), Some(s)) => objective_compensation(a, s, p),
                _ => settlement_missing(),
            },
            "settlement.overspend_shared" => match (&amounts, &input.settlement) {
                (Some(a), Some(s)) => overspend_shared(a, s, p, link),
                _ => settlement_missing(),
            },
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
        (Some(pi), Some(a0)) => Some(project(input.year, a0, pi, p, m, link, policy.is_on("budget.no_cut"))),
        _ => None,
    };
    let settlement = input.settlement.as_ref().zip(amounts).map(|(s, a)| SettlementOut {
        outcome: if undetermined_figures(&a).is_empty() {
            SettlementOutcome::Settled
        } else {
            SettlementOutcome::Undetermined
        },
        payments: s.payments.clone(),
        amounts: a,
        objective_causes: s.objective_causes.clone(),
        assessment: (s.assessment_score.is_some() || link != Link::NotApplied).then(|| AssessmentOut {
            score: s.assessment_score,
            factor: match link {
                Link::Factor(f) => Some(f),
                _ => None,
            },
            link: if assessment_scales(policy) { "scale" } else { "not_applied" },
        }),
    });
    let undetermined = undetermined_map(input, &budget, settlement.as_ref(), link);
    let rests_on = rests_on_map(input, settlement.as_ref(), projection.as_ref(), m, link);
    Settle {
        year: input.year,
        community: CommunityOut { id: c.id.clone(), name: c.name.clone() },
        eligible,
        missing_unifications,
        budget,
        settlement,
        prepayment: prepay,
        projection,
        notes,
        rests_on,
        undetermined,
        rules,
    }
}

/// The amounts of a year left `None`, by name.
fn undetermined_figures(a: &Amounts) -> Vec<&'static str> {
    [
        ("retained", a.retained),
        ("returned_to_fund", a.returned_to_fund),
        ("reasonable_overspend", a.reasonable_overspend),
        ("unreasonable_overspend", a.unreasonable_overspend),
        ("fund_shares", a.fund_shares),
        ("community_bears", a.community_bears),
        ("community_result", a.community_result),
        ("fund_cost", a.fund_cost),
    ]
    .into_iter()
    .filter(|(_, v)| v.is_none())
    .map(|(k, _)| k)
    .collect()
}

fn settlement_key(figure: &str) -> &'static str {
    match figure {
        "retained" => "settlement.retained",
        "returned_to_fund" => "settlement.returned_to_fund",
        "reasonable_overspend" => "settlement.reasonable_overspend",
        "unreasonable_overspend" => "settlement.unreasonable_overspend",
        "fund_shares" => "settlement.fund_shares",
        "community_bears" => "settlement.community_bears",
        "community_result" => "settlement.community_result",
        _ => "settlement.fund_cost",
    }
}

/// Each figure left `null` and the input field (or switch) that would decide it.
fn undetermined_map(
    input: &SettleInput,
    budget: &BudgetOut,
    st: Option<&SettlementOut>,
    link: Link,
) -> BTreeMap<&'static str, &'static str> {
    let mut out = BTreeMap::new();
    if budget.budget.is_none() {
        out.insert("budget.budget", "budget.per_head");
        if input.settlement.is_some() {
            out.insert("settlement", "budget.per_head");
        }
    }
    if let Some(st) = st {
        let a = &st.amounts;
        for f in undetermined_figures(a) {
            // The reasonable part decides the overspend's split; the score decides the rest.
            let by = if a.overspend > 0.0 && a.reasonable_overspend.is_none() {
                "settlement.reasonable_overspend"
            } else if link == Link::Missing {
                "settlement.assessment_score"
            } else {
                "settlement.reasonable_overspend"
            };
            out.insert(settlement_key(f), by);
        }
    }
    out
}

/// Each figure whose value rests on a switch or an assumed parameter (the text gives no number),
/// with their ids.
fn rests_on_map(
    input: &SettleInput,
    st: Option<&SettlementOut>,
    projection: Option<&Projection>,
    m: Mechanisms,
    link: Link,
) -> BTreeMap<&'static str, Vec<&'static str>> {
    let mut out: BTreeMap<&'static str, Vec<&'static str>> = BTreeMap::new();
    let score_stated = input.settlement.as_ref().is_some_and(|s| s.assessment_score.is_some());
    let link_ids: Vec<&'static str> = match link {
        Link::Factor(_) | Link::Missing => {
            vec!["budget_assessment_link", "budget_assessment_full_score"]
        }
        Link::NotApplied if score_stated => vec!["budget_assessment_link"],
        Link::NotApplied => vec![],
    };
    let mut add = |key: &'static str, ids: &[&'static str]| {
        let e = out.entry(key).or_default();
        for id in ids {
            if !e.contains(id) {
                e.push(id);
            }
        }
    };
    let mut year = |a: &Amounts, keys: [&'static str; 5]| -> Vec<&'static str> {
        // keys: retained, compensated, fund_shares, the community's figures, the fund's cost.
        let mut all = Vec::new();
        if a.surplus > CENT && m.retain {
            let mut ids = vec!["budget_surplus_retained_pct"];
            ids.extend(&link_ids);
            add(keys[0], &ids);
            all.extend(ids);
        }
        if a.overspend > 0.0 {
            if a.compensated > CENT {
                add(keys[1], &["budget_objective_compensation_pct"]);
                all.push("budget_objective_compensation_pct");
            }
            if m.share && a.reasonable_overspend.unwrap_or(1.0) > CENT {
                let mut ids = vec!["budget_overspend_fund_share_pct"];
                ids.extend(&link_ids);
                add(keys[2], &ids);
                all.extend(ids);
            }
        }
        add(keys[3], &all);
        add(keys[4], &all);
        all
    };
    if let Some(st) = st {
        year(
            &st.amounts,
            [
                "settlement.retained",
                "settlement.compensated",
                "settlement.fund_shares",
                "settlement.community_result",
                "settlement.fund_cost",
            ],
        );
    }
    if let Some(pr) = projection {
        for y in pr.years.iter().filter(|y| y.projected) {
            year(
                &y.amounts,
                [
                    "projection.retained",
                    "projection.compensated",
                    "projection.fund_shares",
                    "projection.community_result",
                    "projection.fund_cost",
                ],
            );
        }
        if pr.reasonable_overspend_pct.is_some() && pr.years.iter().any(|y| y.projected && y.amounts.overspend > 0.0) {
            add("projection.fund_shares", &["projection.reasonable_overspend_pct"]);
        }
    }
    out.retain(|_, v| !v.is_empty());
    out
}

/// The settled year, then `years` more: the budget grows by the revenue growth (held when
/// spending falls and the no-cut rule is on), spending by the spending growth, the out-of-county
/// share of spending as in the settled year, no objective-cause overspend; the reasonable share
/// of any overspend as the projection says (else undetermined), and the settled year's
/// assessment score carried forward.
fn project(
    year: i32,
    first: &Amounts,
    pi: &ProjectionInput,
    p: &Params,
    m: Mechanisms,
    link: Link,
    no_cut: bool,
) -> Projection {
    let rg = 1.0 + pi.revenue_growth_pct / 100.0;
    let sg = 1.0 + pi.spending_growth_pct / 100.0;
    let mut years = vec![ProjectionYear {
        year,
        projected: false,
        amounts: first.clone(),
        cumulative_community_result: first.community_result,
    }];
    let (mut budget, mut in_county, mut out) = (first.budget, first.in_county, first.out_of_county);
    let mut cumulative = first.community_result;
    let reasonable = pi.reasonable_overspend_pct.map(Reasonable::Share).unwrap_or(Reasonable::NotStated);
    for t in 1..=pi.years as i32 {
        let grown = budget * rg;
        budget = if no_cut && sg < 1.0 { grown.max(budget) } else { grown };
        in_county *= sg;
        out *= sg;
        let a = settle_amounts(budget, in_county, out, 0.0, reasonable, link, p, m);
        cumulative = cumulative.zip(a.community_result).map(|(c, r)| c + r);
        years.push(ProjectionYear {
            year: year + t,
            projected: true,
            amounts: a,
            cumulative_community_result: cumulative,
        });
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
        reasonable_overspend_pct: pi.reasonable_overspend_pct,
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
