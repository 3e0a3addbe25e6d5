//! The rule engine: one file per rule family, each rule a small pure function of the
//! application and the context, returning a verdict with a bilingual detail that carries the
//! deciding numbers. `evaluate` runs every active rule in trace order and combines the verdicts.

mod change;
mod detail;
mod eligibility;
mod exempt;
pub mod exits;
pub mod figures;
mod fund;
mod inpatient;
mod national;
pub mod nearest_accepted;
mod outpatient;
mod pharmacy;
pub mod plain;
pub mod prepared;
mod primary_care;
mod proximity;
mod supply;
pub mod surface;
mod xian;

use crate::words;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::rc::Rc;

use crate::date::Date;
use crate::policy::{ActiveRule, Params, Policy};
use crate::scenario::{Application, Scenario, Service};
use crate::spatial::{AreaModel, Coverage, InstitutionIndex};
use crate::text::{Text, Words};
pub use figures::{CountyFigures, Figures};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Pass,
    Fail,
    Suspend,
    Gap,
    Priority,
    Exempt,
    NotApplicable,
}

impl Verdict {
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::Suspend => "suspend",
            Verdict::Gap => "gap",
            Verdict::Priority => "priority",
            Verdict::Exempt => "exempt",
            Verdict::NotApplicable => "not_applicable",
        }
    }

    pub fn label(self) -> Text {
        match self {
            Verdict::Pass => Text::new("符合", "pass"),
            Verdict::Fail => Text::new("不符合", "fail"),
            Verdict::Suspend => Text::new("暂停", "suspend"),
            Verdict::Gap => Text::new("条文未规定", "text silent"),
            Verdict::Priority => Text::new("优先", "priority"),
            Verdict::Exempt => Text::new("不受规划限制", "exempt"),
            Verdict::NotApplicable => Text::new("不适用", "not applicable"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Accepted,
    Prioritized,
    Rejected,
    Suspended,
    Undetermined,
}

impl Outcome {
    pub const ALL: [Outcome; 5] =
        [Outcome::Accepted, Outcome::Prioritized, Outcome::Rejected, Outcome::Suspended, Outcome::Undetermined];

    pub fn id(self) -> &'static str {
        match self {
            Outcome::Accepted => "accepted",
            Outcome::Prioritized => "prioritized",
            Outcome::Rejected => "rejected",
            Outcome::Suspended => "suspended",
            Outcome::Undetermined => "undetermined",
        }
    }

    pub fn label(self) -> Text {
        match self {
            Outcome::Accepted => Text::new("受理（纳入评估）", "accepted for assessment"),
            Outcome::Prioritized => Text::new("优先纳入", "prioritized"),
            Outcome::Rejected => Text::new("不予受理", "rejected"),
            Outcome::Suspended => Text::new("暂停受理评估", "suspended"),
            Outcome::Undetermined => Text::new("条文未规定（待定）", "undetermined: the text is silent"),
        }
    }
}

/// One rule's verdict on one application, before it is placed in the trace.
#[derive(Clone, Debug, PartialEq)]
pub struct Judgement {
    pub verdict: Verdict,
    pub detail: Detail,
    pub note: Option<Detail>,
    pub switch: Option<&'static str>,
    /// A second reading the verdict rests on, beside `switch` (listed with the entry's assumptions).
    pub also: Option<&'static str>,
}

impl Judgement {
    pub fn new(verdict: Verdict, detail: impl Into<Detail>) -> Self {
        Judgement { verdict, detail: detail.into(), note: None, switch: None, also: None }
    }
    pub fn pass(detail: impl Into<Detail>) -> Self {
        Self::new(Verdict::Pass, detail)
    }
    pub fn fail(detail: impl Into<Detail>) -> Self {
        Self::new(Verdict::Fail, detail)
    }
    pub fn suspend(detail: impl Into<Detail>) -> Self {
        Self::new(Verdict::Suspend, detail)
    }
    pub fn priority(detail: impl Into<Detail>) -> Self {
        Self::new(Verdict::Priority, detail)
    }
    pub fn exempt(detail: impl Into<Detail>) -> Self {
        Self::new(Verdict::Exempt, detail)
    }
    pub fn gap(detail: impl Into<Detail>, switch: &'static str) -> Self {
        Self::new(Verdict::Gap, detail).switch(switch)
    }
    pub fn na(detail: impl Into<Detail>) -> Self {
        Self::new(Verdict::NotApplicable, detail)
    }
    /// The rule does not concern this kind of applicant.
    pub fn not_this_kind(app: &Application) -> Self {
        Self::na(Reading::NotThisKind(app.kind))
    }
    /// The rule concerns medical institutions of the other service (linyi-2025 三(一)1 or 2).
    pub fn not_this_service(service: Service) -> Self {
        Self::na(Reading::NotThisService(service))
    }
    /// The service of a primary-care centre decides which rules apply, and its beds are not stated.
    pub fn beds_unstated() -> Self {
        Self::missing("beds", words!("床位数（是否提供住院服务）", "its beds (whether it provides inpatient care)"))
    }
    /// The applicant's service, or the judgement when a pharmacy or of unknown service.
    pub fn service_of(app: &Application) -> Result<Service, Judgement> {
        match app.service() {
            Some(s) => Ok(s),
            None if app.kind.is_medical() => Err(Self::beds_unstated()),
            None => Err(Self::not_this_kind(app)),
        }
    }
    /// A figure or fact the rule needs is absent.
    pub fn missing(field: &'static str, what: Words) -> Self {
        Self::na(Reading::Missing { field, what })
    }
    /// A figure or fact the rule needs is absent, named by a field path built at run time.
    pub fn missing_text(field: &str, what: Text) -> Self {
        Self::na(missing_text(field, &what))
    }
    pub fn note(mut self, note: impl Into<Detail>) -> Self {
        let note = note.into();
        self.note = Some(match self.note {
            Some(n) => Reading::Joined(Box::new([n, note])).into(),
            None => note,
        });
        self
    }
    pub fn switch(mut self, id: &'static str) -> Self {
        self.switch = Some(id);
        self
    }
    /// Names a second switch the verdict rests on; the first goes to `switch`.
    pub fn reading(mut self, id: &'static str) -> Self {
        match self.switch {
            None => self.switch = Some(id),
            Some(s) if s == id => {}
            Some(_) => self.also = Some(id),
        }
        self
    }
}

fn missing_text(field: &str, what: &Text) -> Text {
    Text::new(format!("缺少{}（{}）", what.zh, field), format!("{} is missing ({})", what.en, field))
}

pub use detail::Detail;
pub(crate) use detail::Reading;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TraceEntry {
    pub rule: Cow<'static, str>,
    #[serde(with = "detail::shared_str")]
    pub clause: Rc<str>,
    pub verdict: Verdict,
    pub detail: Detail,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub switch: Option<Cow<'static, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exempted_by: Option<Cow<'static, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Detail>,
    /// Parameters the preset marks as assumptions (the text gives no number or choice) that this
    /// rule's verdict rests on, by id: the simulator's reading, not the text's.
    #[serde(default, with = "detail::shared_ids", skip_serializing_if = "detail::shared_ids::is_empty")]
    pub assumptions: Rc<[Cow<'static, str>]>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub id: String,
    pub outcome: Outcome,
    /// The switches and assumptions the answer rests on (`Decision::readings_of`), and the
    /// split of the place from the time (`readings::WHERE_WHEN`) whenever `when_unmet` is not empty: empty
    /// when it is the text's answer alone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Cow<'static, str>>,
    /// The outcome on the conditions of the place alone (`Condition::Where`: location, supply,
    /// quotas, area classes): what this location would get. Equal to `outcome` when every
    /// condition of the time is met.
    pub where_outcome: Outcome,
    /// The conditions of the time (`Condition::When`: months in operation, staff, the negative
    /// list, the fund state) that stand in the way, by rule id in trace order: each a `fail`,
    /// `suspend` or `gap`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when_unmet: Vec<Cow<'static, str>>,
    pub rules: Vec<TraceEntry>,
}

impl Decision {
    /// The readings an outcome rests on: the switches and assumptions of the entries of the
    /// deciding step (every `fail` of a rejection, …), and the switch of every entry a switch
    /// decided whatever its verdict (a `pass` under `between_band = pass` rests on it too).
    pub fn readings_of(outcome: Outcome, rules: &[TraceEntry]) -> Vec<Cow<'static, str>> {
        let deciding = |v: Verdict| match outcome {
            Outcome::Rejected => v == Verdict::Fail,
            Outcome::Suspended => v == Verdict::Suspend,
            Outcome::Undetermined => v == Verdict::Gap,
            Outcome::Prioritized => v == Verdict::Priority,
            Outcome::Accepted => false,
        };
        let mut ids: Vec<Cow<'static, str>> = Vec::new();
        let mut add = |id: &Cow<'static, str>| {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        };
        for e in rules {
            if e.verdict == Verdict::NotApplicable {
                continue;
            }
            if let Some(sw) = &e.switch {
                add(sw);
            }
            if deciding(e.verdict) {
                e.assumptions.iter().for_each(&mut add);
            }
        }
        ids
    }

    /// The trace entries of the conditions of the time that stand in the way (`when_unmet`).
    pub fn when_entries(&self) -> impl Iterator<Item = &TraceEntry> {
        self.rules.iter().filter(|e| self.when_unmet.contains(&e.rule))
    }

    /// The entry that decided the outcome on the conditions of the place (`where_outcome`),
    /// if any: the first where-entry of the deciding step.
    pub fn deciding_where_rule(&self) -> Option<&TraceEntry> {
        let v = match self.where_outcome {
            Outcome::Rejected => Verdict::Fail,
            Outcome::Suspended => Verdict::Suspend,
            Outcome::Undetermined => Verdict::Gap,
            Outcome::Prioritized => Verdict::Priority,
            Outcome::Accepted => return None,
        };
        self.rules.iter().find(|e| e.verdict == v && crate::policy::rule_def(&e.rule).is_some_and(|d| d.is_where()))
    }

    /// The trace entry that decided the outcome (the first entry of the deciding step), if any.
    pub fn deciding_rule(&self) -> Option<&TraceEntry> {
        let is = |e: &&TraceEntry, v: Verdict| e.verdict == v;
        let eligibility =
            |e: &&TraceEntry| crate::policy::rule_def(&e.rule).map(|d| d.is_eligibility()).unwrap_or(false);
        match self.outcome {
            Outcome::Rejected => self
                .rules
                .iter()
                .find(|e| is(e, Verdict::Fail) && eligibility(e))
                .or_else(|| self.rules.iter().find(|e| is(e, Verdict::Fail))),
            Outcome::Suspended => self.rules.iter().find(|e| is(e, Verdict::Suspend)),
            Outcome::Undetermined => self.rules.iter().find(|e| is(e, Verdict::Gap)),
            Outcome::Prioritized => self.rules.iter().find(|e| is(e, Verdict::Priority)),
            Outcome::Accepted => None,
        }
    }
}

/// Everything `dingdian evaluate` prints: the figures, one decision per application, coverage.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evaluation {
    pub as_of: String,
    pub figures: Figures,
    pub decisions: Vec<Decision>,
    pub coverage: Coverage,
}

/// What every rule may look at besides the application.
pub struct Ctx<'a> {
    pub scenario: &'a Scenario,
    /// The rules in force: a rule may ask what another rule of the preset lists.
    pub policy: &'a Policy,
    pub params: &'a Params,
    pub figures: &'a Figures,
    pub index: &'a InstitutionIndex,
    pub areas: &'a AreaModel,
    pub as_of: Date,
}

type RuleFn = fn(&Ctx, &Application, &ActiveRule) -> Judgement;

/// Every rule's function, in the order of `policy::RULES` (a test holds the two together), so
/// that an active rule finds its function by `ActiveRule::index`.
static RULE_FNS: &[(&str, RuleFn)] = &[
    ("national.operating_months", national::operating_months),
    ("national.physician", national::physician),
    ("national.pharmacist", national::pharmacist),
    ("national.insurance_dept", national::insurance_dept),
    ("negative_list", eligibility::negative_list),
    ("staffing.insurance_office", eligibility::insurance_office_staffing),
    ("exempt.key_project", exempt::key_project),
    ("exempt.listed", exempt::listed),
    ("priority.listed", exempt::priority_listed),
    ("fund.deficit", fund::deficit),
    ("fund.warning_letter", fund::warning_letter),
    ("fund.months_below_minimum", fund::months_below_minimum),
    ("inpatient.city_supply", supply::city_supply),
    ("inpatient.county_supply", supply::county_supply),
    ("inpatient.same_type_nearby", inpatient::same_type_nearby),
    ("inpatient.strict_control", xian::strict_control),
    ("outpatient.nearby", outpatient::nearby),
    ("outpatient_pharmacy.no_new", xian::no_new),
    ("primary_care.priority", primary_care::priority),
    ("pharmacy.same_type_nearby", pharmacy::same_type_nearby),
    ("pharmacy.min_spacing", pharmacy::min_spacing),
    ("special_drug_pharmacy.quota", xian::special_drug_quota),
    ("medical_aid.designated_only", xian::medical_aid_designated_only),
    ("pharmacy.category_quota", pharmacy::category_quota),
    ("pharmacy.area_class", pharmacy::area_class),
    ("change.new_site", change::new_site),
    ("change.address", change::address),
    ("change.unregulated", change::unregulated),
];

fn rule_fn(id: &str) -> RuleFn {
    match RULE_FNS.iter().find(|(i, _)| *i == id) {
        Some((_, f)) => *f,
        None => |_, _, _| Judgement::na(words!("未实现的规则", "rule not implemented")),
    }
}

/// The function of an active rule of `policy.rules`.
fn active_rule_fn(rule: &ActiveRule) -> RuleFn {
    // `index` is the place in `RULES` when `def` is that entry; the order test does the rest.
    match (crate::policy::RULES.get(rule.index), RULE_FNS.get(rule.index)) {
        (Some(def), Some((_, f))) if std::ptr::eq(def, rule.def) => *f,
        _ => rule_fn(rule.def.id),
    }
}

/// Evaluates every application of the scenario under the policy. `today` fills a missing `as_of`.
pub fn evaluate(scenario: &Scenario, policy: &Policy, today: Date) -> Evaluation {
    let prep = prepared::Prepared::new(scenario, policy, today);
    let decisions = scenario.applications.iter().map(|a| prep.decide(a)).collect();
    let coverage = prep.coverage();
    Evaluation { as_of: prep.as_of.to_string(), figures: prep.figures, decisions, coverage }
}

thread_local! {
    /// The assumptions of an entry that rests on none, shared: an empty `Rc<[_]>` of its own
    /// would be an allocation (and a free) for every rule that does not apply, in every decision.
    static NO_ASSUMPTIONS: Rc<[Cow<'static, str>]> = Rc::from([]);
}

/// One application, every active rule in trace order. The trace keeps what each rule read;
/// its sentences are rendered when someone reads them (`Detail`).
pub fn decide(ctx: &Ctx, policy: &Policy, app: &Application) -> Decision {
    let mut exempted_by: Option<&'static str> = None;
    let mut mask = 0;
    let mut where_mask = 0;
    let mut when_unmet: Vec<Cow<'static, str>> = Vec::new();
    // Collected from an exact-size iterator: each entry is written straight into the trace's
    // one allocation rather than built aside and copied in (a push would copy 200-odd bytes).
    let entries: Vec<TraceEntry> = policy
        .rules
        .iter()
        .map(|rule| {
            let def = rule.def;
            let exemption_reaches = rule.exemptable && !(rule.fund && !ctx.params.key_project_escapes_fund);
            let mut j = match exempted_by {
                Some(_) if exemption_reaches => Judgement::na(words!(
                    "申请人不受本规划限制，本条不适用",
                    "the applicant is not limited by the plan; not applied",
                )),
                _ => active_rule_fn(rule)(ctx, app, rule),
            };
            if exempted_by.is_some()
                && rule.fund
                && !ctx.params.key_project_escapes_fund
                && j.verdict == Verdict::Suspend
            {
                j.switch = Some("key_project_escapes_fund");
            }
            if rule.added_by_user {
                j = j.note(Text::new(
                    format!("本条由用户开启，{}的规划原文无此规定", policy.preset.short.zh),
                    format!("turned on by the user: {} has no such rule", policy.preset.short.en),
                ));
            }
            let entry_exempted_by = match exempted_by {
                Some(by) if exemption_reaches => Some(Cow::Borrowed(by)),
                _ => None,
            };
            if j.verdict == Verdict::Exempt && exempted_by.is_none() {
                exempted_by = Some(def.id);
            }
            let severity = severity_of(rule.eligibility, j.verdict);
            mask |= severity;
            if def.is_where() {
                where_mask |= severity;
            } else if matches!(j.verdict, Verdict::Fail | Verdict::Suspend | Verdict::Gap) {
                when_unmet.push(Cow::Borrowed(def.id));
            }
            TraceEntry {
                rule: Cow::Borrowed(def.id),
                clause: rule.clause.clone(),
                verdict: j.verdict,
                detail: j.detail,
                switch: j.switch.map(Cow::Borrowed),
                exempted_by: entry_exempted_by,
                note: j.note,
                assumptions: match (j.verdict, j.also) {
                    (Verdict::NotApplicable, None) => NO_ASSUMPTIONS.with(Rc::clone),
                    (Verdict::NotApplicable, Some(also)) => Rc::from([Cow::Borrowed(also)]),
                    (_, None) => rule.assumptions.clone(),
                    (_, Some(also)) => rule.assumptions.iter().cloned().chain([Cow::Borrowed(also)]).collect(),
                },
            }
        })
        .collect();
    let outcome = outcome_of(mask);
    let mut readings = Decision::readings_of(outcome, &entries);
    // An answer said in two parts (what the place gets, what the time still lacks) rests on the
    // simulator's sorting of the rules into the two.
    if !when_unmet.is_empty() {
        readings.push(Cow::Borrowed(crate::policy::readings::WHERE_WHEN));
    }
    Decision {
        id: app.id.clone(),
        outcome,
        readings,
        where_outcome: outcome_of(where_mask),
        when_unmet,
        rules: entries,
    }
}

/// What a verdict contributes to the outcome, as bits: the steps of DESIGN.md §1.
pub mod severity {
    pub const ELIGIBILITY_FAIL: u8 = 1;
    pub const SUSPEND: u8 = 2;
    pub const FAIL: u8 = 4;
    pub const GAP: u8 = 8;
    pub const PRIORITY: u8 = 16;
}

#[inline]
pub fn severity_of(eligibility: bool, v: Verdict) -> u8 {
    match v {
        Verdict::Fail if eligibility => severity::ELIGIBILITY_FAIL,
        Verdict::Fail => severity::FAIL,
        Verdict::Suspend => severity::SUSPEND,
        Verdict::Gap => severity::GAP,
        Verdict::Priority => severity::PRIORITY,
        Verdict::Pass | Verdict::Exempt | Verdict::NotApplicable => 0,
    }
}

/// The most severe step that has a verdict decides (DESIGN.md §1): eligibility `fail` rejects;
/// then any `suspend` suspends; then any `fail` rejects; then `gap`, then `priority`.
#[inline]
pub fn outcome_of(mask: u8) -> Outcome {
    use severity::*;
    if mask & ELIGIBILITY_FAIL != 0 {
        Outcome::Rejected
    } else if mask & SUSPEND != 0 {
        Outcome::Suspended
    } else if mask & FAIL != 0 {
        Outcome::Rejected
    } else if mask & GAP != 0 {
        Outcome::Undetermined
    } else if mask & PRIORITY != 0 {
        Outcome::Prioritized
    } else {
        Outcome::Accepted
    }
}

pub fn combine(entries: &[TraceEntry]) -> Outcome {
    let eligibility = |e: &TraceEntry| crate::policy::rule_def(&e.rule).map(|d| d.is_eligibility()).unwrap_or(false);
    outcome_of(entries.iter().fold(0, |m, e| m | severity_of(eligibility(e), e.verdict)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_functions_are_in_registry_order() {
        let ids: Vec<&str> = RULE_FNS.iter().map(|(id, _)| *id).collect();
        let registry: Vec<&str> = crate::policy::RULES.iter().map(|d| d.id).collect();
        assert_eq!(ids, registry);
    }

    #[test]
    fn every_registered_rule_has_a_function() {
        for def in crate::policy::RULES {
            // The fallback arm answers "not implemented"; no registered rule may reach it.
            let f = rule_fn(def.id);
            let fallback = rule_fn("no.such.rule");
            assert_ne!(f as usize, fallback as usize, "{} has no function", def.id);
        }
    }
}
