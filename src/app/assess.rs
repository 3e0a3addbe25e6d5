//! The state of the assessment and budget panels and its part of the reducer: the
//! assessment records of each data set (synthetic until the user loads a file or edits one),
//! the last assessment, and the budget form's input with its field messages. The reducer
//! (`state.rs`) hands `Action::Exits` and `Action::Budget` here.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

/// The words this file shows, from the features they belong to.
mod i {
    pub use crate::app::i18n::{assess::*, budget::*};
}
use super::state::{Dataset, Shared, State};
use crate::budget::{settle_input_problem, ObjectiveCause, SettleInput};
use crate::date::Date;
use crate::engine::exits::{check_records, AssessInput, Assessment, AssessmentRecord};
use crate::policy::Policy;
use crate::scenario::Scenario;
use crate::synth_assessment::{synth_records, DEFAULT_SEED};
use crate::text::{Text, Words};
use crate::words;

/// Where a data set's records came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    Synthetic { seed: u64 },
    File { name: String },
}

/// The assessment records of one data set.
#[derive(Clone, Debug, PartialEq)]
pub struct Records {
    pub list: Vec<AssessmentRecord>,
    pub source: Source,
    /// Some record was changed by hand.
    pub edited: bool,
    /// The designated institutions the records were made for (synthetic records follow them).
    pub fingerprint: u64,
}

/// A finished assessment and what it was computed from (to tell when it is out of date).
pub struct AssessResult {
    pub assessment: Assessment,
    pub dataset: Dataset,
    pub policy: Rc<Policy>,
    pub records: Rc<Records>,
    pub scenario: Rc<Scenario>,
    pub ms: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExitsState {
    pub records: BTreeMap<Dataset, Rc<Records>>,
    pub result: Option<Shared<AssessResult>>,
    /// Bumped by "show on the map": the map switches its cells to the lost-coverage layer.
    pub show_on_map: u64,
    /// The record open in the editor.
    pub editing: Option<String>,
    /// Messages under the input they refused.
    pub errors: BTreeMap<ExitsErrorKey, Text>,
}

/// A field of an assessment record the editor changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordField {
    Score,
    SatisfactionPct,
    SeriousViolations,
    ViolationsInTerm,
    AgreementStart,
    Blacklisted,
    FitsLayoutPlan,
    Group,
}

impl RecordField {
    /// The field's name in the record format of `dingdian assess`.
    pub fn id(self) -> &'static str {
        match self {
            RecordField::Score => "score",
            RecordField::SatisfactionPct => "satisfaction_pct",
            RecordField::SeriousViolations => "serious_violations",
            RecordField::ViolationsInTerm => "violations_in_term",
            RecordField::AgreementStart => "agreement_start",
            RecordField::Blacklisted => "blacklisted",
            RecordField::FitsLayoutPlan => "fits_layout_plan",
            RecordField::Group => "group",
        }
    }
}

/// Which input of the assessment panel a message belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ExitsErrorKey {
    /// The file of records loaded.
    File,
    /// A field of the record being edited.
    Record(RecordField),
}

impl std::fmt::Debug for AssessResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AssessResult({} institutions, {:.0} ms)", self.assessment.institutions.len(), self.ms)
    }
}

pub enum ExitsAction {
    /// Makes sure the current data set has records (synthetic ones when it has none).
    EnsureRecords,
    /// New synthetic records from this seed.
    Resynth(u64),
    /// A file of records in the format of `dingdian assess` (or a bare array of records).
    Load {
        name: String,
        text: String,
    },
    Edit(Option<String>),
    /// A field of the record being edited, raw input.
    SetField(RecordField, String),
    Result(Rc<AssessResult>),
    ShowOnMap,
}

/// The designated institutions' ids, hashed: synthetic records are remade when they change.
pub fn fingerprint(sc: &Scenario) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for inst in sc.institutions.iter().filter(|i| i.designated) {
        inst.id.hash(&mut h);
    }
    h.finish()
}

/// The assessment date: the scenario's judging date, else today.
pub fn as_of(s: &State) -> Date {
    s.scenario.as_of.as_deref().and_then(Date::parse).unwrap_or(s.today)
}

/// The records of `dataset`, if they are there and still fit its institutions.
pub fn current_records(x: &ExitsState, dataset: Dataset, sc: &Scenario) -> Option<Rc<Records>> {
    let r = x.records.get(&dataset)?;
    match r.source {
        Source::Synthetic { .. } if !r.edited && r.fingerprint != fingerprint(sc) => None,
        _ => Some(r.clone()),
    }
}

fn records_shown(s: &State) -> Option<Rc<Records>> {
    current_records(&s.exits, s.dataset, &s.scenario)
}

fn synthetic(s: &State, seed: u64) -> Rc<Records> {
    Rc::new(Records {
        list: synth_records(&s.scenario, seed, as_of(s)),
        source: Source::Synthetic { seed },
        edited: false,
        fingerprint: fingerprint(&s.scenario),
    })
}

/// Applies one assessment action.
pub fn reduce_exits(s: &mut State, action: ExitsAction) {
    let mut x = (*s.exits).clone();
    match action {
        ExitsAction::EnsureRecords => {
            if records_shown(s).is_none() {
                let seed = match s.exits.records.get(&s.dataset).map(|r| &r.source) {
                    Some(Source::Synthetic { seed }) => *seed,
                    _ => DEFAULT_SEED,
                };
                x.records.insert(s.dataset, synthetic(s, seed));
            }
        }
        ExitsAction::Resynth(seed) => {
            x.records.insert(s.dataset, synthetic(s, seed));
            x.errors.clear();
            x.editing = None;
        }
        ExitsAction::Load { name, text } => match parse_records(&s.scenario, &text) {
            Ok(list) => {
                x.records.insert(
                    s.dataset,
                    Rc::new(Records {
                        list,
                        source: Source::File { name },
                        edited: false,
                        fingerprint: fingerprint(&s.scenario),
                    }),
                );
                x.errors.clear();
                x.editing = None;
            }
            Err(e) => {
                x.errors.insert(ExitsErrorKey::File, e);
            }
        },
        ExitsAction::Edit(id) => {
            x.errors.retain(|k, _| !matches!(k, ExitsErrorKey::Record(_)));
            x.editing = id;
        }
        ExitsAction::SetField(field, raw) => {
            let key = ExitsErrorKey::Record(field);
            let Some(id) = x.editing.clone() else { return };
            let Some(recs) = records_shown(s) else {
                return;
            };
            let Some(k) = recs.list.iter().position(|r| r.id == id) else {
                return;
            };
            let mut rec = recs.list[k].clone();
            match set_record_field(&mut rec, field, &raw) {
                Ok(()) => {
                    x.errors.remove(&key);
                    let mut next = (*recs).clone();
                    next.list[k] = rec;
                    next.edited = true;
                    x.records.insert(s.dataset, Rc::new(next));
                }
                Err(e) => {
                    x.errors.insert(key, e);
                }
            }
        }
        ExitsAction::Result(r) => x.result = Some(Shared(r)),
        ExitsAction::ShowOnMap => x.show_on_map += 1,
    }
    s.exits = Shared(Rc::new(x));
}

/// A file of records: the input of `dingdian assess` (its scenario, if any, is not used: the
/// records are checked against the data set shown) or a bare array of records.
pub fn parse_records(sc: &Scenario, text: &str) -> Result<Vec<AssessmentRecord>, Text> {
    let bad = |m: String| Text::new(format!("{}{m}", i::AS_FILE_REFUSED.zh), format!("{}{m}", i::AS_FILE_REFUSED.en));
    let list = if text.trim_start().starts_with('[') {
        crate::scenario::from_json::<Vec<AssessmentRecord>>(text, "institutions").map_err(|e| bad(e.message))?
    } else {
        crate::scenario::from_json::<AssessInput>(text, "").map_err(|e| bad(e.message))?.institutions
    };
    check_records(sc, &list).map_err(|e| bad(e.message))?;
    Ok(list)
}

fn parse_opt_f64(raw: &str, lo: f64, hi: f64) -> Result<Option<f64>, ()> {
    let t = raw.trim().replace([',', '，'], "");
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(x) if x.is_finite() && x >= lo && x <= hi => Ok(Some(x)),
        _ => Err(()),
    }
}

fn parse_opt_count(raw: &str) -> Result<Option<u64>, ()> {
    let t = raw.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<u64>().map(Some).map_err(|_| ())
}

/// One field of an assessment record; the message names the field.
fn set_record_field(r: &mut AssessmentRecord, field: RecordField, raw: &str) -> Result<(), Text> {
    let named = |label: Words, what: Words| {
        Text::new(format!("{}：{}", label.zh, what.zh), format!("{}: {}", label.en, what.en))
    };
    match field {
        RecordField::Score => {
            r.score = parse_opt_f64(raw, 0.0, f64::MAX).map_err(|_| named(i::AS_F_SCORE, i::AS_E_SCORE))?
        }
        RecordField::SatisfactionPct => {
            r.satisfaction_pct = parse_opt_f64(raw, 0.0, 100.0).map_err(|_| named(i::AS_F_SATISFACTION, i::AS_E_PCT))?
        }
        RecordField::SeriousViolations => {
            r.serious_violations = parse_opt_count(raw).map_err(|_| named(i::AS_F_SERIOUS, i::AS_E_COUNT))?
        }
        RecordField::ViolationsInTerm => {
            r.violations_in_term = parse_opt_count(raw).map_err(|_| named(i::AS_F_IN_TERM, i::AS_E_COUNT))?
        }
        RecordField::AgreementStart => {
            let t = raw.trim();
            if t.is_empty() {
                r.agreement_start = None;
            } else if Date::parse(t).is_some() {
                r.agreement_start = Some(t.to_string());
            } else {
                return Err(named(i::AS_F_START, i::AS_E_DATE));
            }
        }
        RecordField::Blacklisted => {
            r.blacklisted = match raw {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            };
            if r.blacklisted != Some(true) {
                r.blacklisted_since = None;
            }
        }
        // 政策措施(三)“不符合布局规划要求的”: stated, or left to the switch last_place_layout_test.
        RecordField::FitsLayoutPlan => {
            r.fits_layout_plan = match raw {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            }
        }
        RecordField::Group => {
            let t = raw.trim();
            r.group = (!t.is_empty()).then(|| t.to_string());
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The budget form

/// The sample community the form starts with (the `dingdian settle` example of docs/assessment-and-settlement.md).
pub const SETTLE_SAMPLE: &str = include_str!("../../www/samples/settle-sample.json");

pub fn sample_settle_input() -> SettleInput {
    serde_json::from_str(SETTLE_SAMPLE).expect("the built-in settle sample parses")
}

#[derive(Clone, Debug, PartialEq)]
pub struct BudgetState {
    /// The last valid input: what the panel settles.
    pub input: Rc<SettleInput>,
    /// What the user typed into a field that was refused (kept in the input box).
    pub raw: BTreeMap<&'static str, String>,
    /// Messages by field, each naming the field.
    pub errors: BTreeMap<&'static str, Text>,
    /// Bumped when the inputs must be re-created (reset).
    pub rev: u64,
}

impl Default for BudgetState {
    fn default() -> Self {
        BudgetState { input: Rc::new(sample_settle_input()), raw: BTreeMap::new(), errors: BTreeMap::new(), rev: 0 }
    }
}

pub enum BudgetAction {
    /// A field (see `BUDGET_FIELDS`), raw input.
    Set(&'static str, String),
    Reset,
}

/// How a budget field is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// Yuan, 0 or more; blank allowed when optional.
    Amount {
        optional: bool,
    },
    /// Percent, more than −100 up to 1000.
    Growth,
    /// Percent 0..100.
    Pct,
    Count,
    Year,
    Years,
    Bool,
    /// A performance assessment score, 0..1000; blank allowed.
    Score,
    /// Free text; blank allowed.
    Text,
}

// Labels and messages of the fields added for the per-head standards, the reasonable part of an
// overspend, the user's own objective cause and the assessment score.
pub const BU_F_EMP_LAST: Words =
    words!("职工医保：上年人头预算标准（元/人）", "Employee insurance: last year's per-head standard (yuan a person)",);
pub const BU_F_EMP_PROPOSED: Words = words!(
    "职工医保：拟定本年人头标准（空：按上限）",
    "Employee insurance: proposed per-head standard (blank: the cap)",
);
pub const BU_F_EMP_SERVED: Words = words!("职工医保：服务人群（人）", "Employee insurance: people served",);
pub const BU_F_RES_LAST: Words =
    words!("居民医保：上年人头预算标准（元/人）", "Resident insurance: last year's per-head standard (yuan a person)",);
pub const BU_F_RES_PROPOSED: Words = words!(
    "居民医保：拟定本年人头标准（空：按上限）",
    "Resident insurance: proposed per-head standard (blank: the cap)",
);
pub const BU_F_RES_SERVED: Words = words!("居民医保：服务人群（人）", "Resident insurance: people served",);
pub const BU_F_REASONABLE: Words = words!(
    "其他超支中经分析原因、厘清责任认定的合理超支（空：待定）",
    "Of the other overspend, found reasonable after analysing causes and responsibility (blank: undetermined)",
);
pub const BU_C_OTHER: Words =
    words!("其他客观因素（自行填写，按用户认定计）", "Another objective cause (your words; shown as yours)",);
pub const BU_F_SCORE: Words = words!("履约考核得分（空：未填报）", "Performance assessment score (blank: not stated)",);
pub const BU_E_SCORE: Words = words!("须为0到1000之间的得分", "must be a score from 0 to 1000");

/// Every field of the form: id, label, kind.
pub const BUDGET_FIELDS: &[(&str, Words, FieldKind)] = &[
    ("year", i::BU_F_YEAR, FieldKind::Year),
    ("u.personnel", i::BU_U_PERSONNEL, FieldKind::Bool),
    ("u.finance", i::BU_U_FINANCE, FieldKind::Bool),
    ("u.assets", i::BU_U_ASSETS, FieldKind::Bool),
    ("u.operations", i::BU_U_OPERATIONS, FieldKind::Bool),
    ("u.drug_catalogue", i::BU_U_CATALOGUE, FieldKind::Bool),
    ("u.drug_distribution", i::BU_U_DISTRIBUTION, FieldKind::Bool),
    ("township_pct", i::BU_F_TOWNSHIP, FieldKind::Pct),
    ("county_hospital_pct", i::BU_F_COUNTY_HOSPITAL, FieldKind::Pct),
    ("dip_primary_diseases", i::BU_F_DIP, FieldKind::Count),
    ("drg_primary_groups", i::BU_F_DRG, FieldKind::Count),
    ("last_year_budget", i::BU_F_LAST_BUDGET, FieldKind::Amount { optional: false }),
    ("fund_revenue_growth_pct", i::BU_F_REVENUE_GROWTH, FieldKind::Growth),
    ("proposed", i::BU_F_PROPOSED, FieldKind::Amount { optional: true }),
    ("spending_fell", i::BU_F_SPENDING_FELL, FieldKind::Bool),
    ("employee_last_standard", BU_F_EMP_LAST, FieldKind::Amount { optional: true }),
    ("employee_proposed_standard", BU_F_EMP_PROPOSED, FieldKind::Amount { optional: true }),
    ("employee_served", BU_F_EMP_SERVED, FieldKind::Count),
    ("resident_last_standard", BU_F_RES_LAST, FieldKind::Amount { optional: true }),
    ("resident_proposed_standard", BU_F_RES_PROPOSED, FieldKind::Amount { optional: true }),
    ("resident_served", BU_F_RES_SERVED, FieldKind::Count),
    ("drg_dip", i::BU_F_PAY_DRG, FieldKind::Amount { optional: true }),
    ("bed_day", i::BU_F_PAY_BED, FieldKind::Amount { optional: true }),
    ("capitation", i::BU_F_PAY_CAPITATION, FieldKind::Amount { optional: true }),
    ("other", i::BU_F_PAY_OTHER, FieldKind::Amount { optional: true }),
    ("out_of_county", i::BU_F_OUT_OF_COUNTY, FieldKind::Amount { optional: true }),
    ("objective_overspend", i::BU_F_OBJECTIVE, FieldKind::Amount { optional: true }),
    ("cause.policy_adjustment", i::BU_C_POLICY, FieldKind::Bool),
    ("cause.capacity_change", i::BU_C_CAPACITY, FieldKind::Bool),
    ("cause.public_health_event", i::BU_C_HEALTH, FieldKind::Bool),
    ("cause.other", BU_C_OTHER, FieldKind::Text),
    ("reasonable_overspend", BU_F_REASONABLE, FieldKind::Amount { optional: true }),
    ("assessment_score", BU_F_SCORE, FieldKind::Score),
    ("fund_balance", i::BU_F_FUND_BALANCE, FieldKind::Amount { optional: true }),
    ("projection_years", i::BU_F_PROJ_YEARS, FieldKind::Years),
    ("projection_revenue_pct", i::BU_F_PROJ_REVENUE, FieldKind::Growth),
    ("projection_spending_pct", i::BU_F_PROJ_SPENDING, FieldKind::Growth),
];

pub fn budget_field(id: &str) -> Option<&'static (&'static str, Words, FieldKind)> {
    BUDGET_FIELDS.iter().find(|(f, _, _)| *f == id)
}

const CAUSES: [(&str, ObjectiveCause); 3] = [
    ("cause.policy_adjustment", ObjectiveCause::PolicyAdjustment),
    ("cause.capacity_change", ObjectiveCause::CapacityChange),
    ("cause.public_health_event", ObjectiveCause::PublicHealthEvent),
];

/// The value a field shows for an input.
pub fn budget_value(input: &SettleInput, field: &str) -> String {
    let n = |x: Option<f64>| x.map(|v| crate::text::num(v, 2)).unwrap_or_default();
    // Amounts with thousands separators, as people read them (the field takes them back).
    let y = |x: Option<f64>| x.map(crate::budget::yuan).unwrap_or_default();
    let c = &input.community;
    let u = &c.unifications;
    let b = |x: Option<bool>| x.map(|v| v.to_string()).unwrap_or_default();
    let st = input.settlement.as_ref();
    let pr = input.projection.as_ref();
    match field {
        "year" => input.year.to_string(),
        "u.personnel" => b(u.personnel),
        "u.finance" => b(u.finance),
        "u.assets" => b(u.assets),
        "u.operations" => b(u.operations),
        "u.drug_catalogue" => b(u.drug_catalogue),
        "u.drug_distribution" => b(u.drug_distribution),
        "township_pct" => n(c.resident_inpatient_reimbursement_pct.map(|r| r.township)),
        "county_hospital_pct" => n(c.resident_inpatient_reimbursement_pct.map(|r| r.county_hospital)),
        "dip_primary_diseases" => c.dip_primary_diseases.map(|x| x.to_string()).unwrap_or_default(),
        "drg_primary_groups" => c.drg_primary_groups.map(|x| x.to_string()).unwrap_or_default(),
        "last_year_budget" => y(Some(input.budget.last_year_budget)),
        "fund_revenue_growth_pct" => n(Some(input.budget.fund_revenue_growth_pct)),
        "proposed" => y(input.budget.proposed),
        "spending_fell" => b(input.budget.spending_fell_by_cost_control),
        "employee_last_standard" => y(input.budget.per_head.as_ref().map(|p| p.employee.last_year_standard)),
        "employee_proposed_standard" => y(input.budget.per_head.as_ref().and_then(|p| p.employee.proposed_standard)),
        "employee_served" => input.budget.per_head.as_ref().map(|p| p.employee.served.to_string()).unwrap_or_default(),
        "resident_last_standard" => y(input.budget.per_head.as_ref().map(|p| p.resident.last_year_standard)),
        "resident_proposed_standard" => y(input.budget.per_head.as_ref().and_then(|p| p.resident.proposed_standard)),
        "resident_served" => input.budget.per_head.as_ref().map(|p| p.resident.served.to_string()).unwrap_or_default(),
        "reasonable_overspend" => y(st.and_then(|s| s.reasonable_overspend)),
        "assessment_score" => n(st.and_then(|s| s.assessment_score)),
        "cause.other" => st
            .and_then(|s| {
                s.objective_causes.iter().find_map(|c| match c {
                    ObjectiveCause::Other(t) => Some(t.clone()),
                    _ => None,
                })
            })
            .unwrap_or_default(),
        "drg_dip" => y(st.and_then(|s| s.payments.drg_dip)),
        "bed_day" => y(st.and_then(|s| s.payments.bed_day)),
        "capitation" => y(st.and_then(|s| s.payments.capitation)),
        "other" => y(st.and_then(|s| s.payments.other)),
        "out_of_county" => y(st.and_then(|s| s.out_of_county)),
        "objective_overspend" => y(st.and_then(|s| s.objective_overspend)),
        f if f.starts_with("cause.") => {
            let cause = CAUSES.iter().find(|(id, _)| *id == f).map(|(_, c)| c);
            st.map(|s| cause.is_some_and(|c| s.objective_causes.contains(c))).unwrap_or(false).to_string()
        }
        "fund_balance" => y(input.fund_balance),
        "projection_years" => pr.map(|p| p.years.to_string()).unwrap_or_default(),
        "projection_revenue_pct" => pr.map(|p| crate::text::num(p.revenue_growth_pct, 2)).unwrap_or_default(),
        "projection_spending_pct" => pr.map(|p| crate::text::num(p.spending_growth_pct, 2)).unwrap_or_default(),
        _ => String::new(),
    }
}

/// A per-head standard of the input, started when a per-head field is given before the
/// standards exist (the whole-input check then asks for the rest, naming each).
fn head(input: &mut SettleInput, employee: bool) -> &mut crate::budget::HeadStandard {
    let ph = input.budget.per_head.get_or_insert_with(|| crate::budget::PerHead {
        employee: crate::budget::HeadStandard { last_year_standard: 0.0, proposed_standard: None, served: 0 },
        resident: crate::budget::HeadStandard { last_year_standard: 0.0, proposed_standard: None, served: 0 },
    });
    if employee {
        &mut ph.employee
    } else {
        &mut ph.resident
    }
}

/// Reads one field into `input`; the message says what the field needs.
fn set_budget_field(input: &mut SettleInput, field: &str, raw: &str) -> Result<(), Words> {
    let Some((_, _, kind)) = budget_field(field) else {
        return Ok(());
    };
    let t = raw.trim().replace([',', '，', ' '], "");
    let num = |lo: f64, lo_open: bool, hi: f64| -> Result<Option<f64>, ()> {
        if t.is_empty() {
            return Ok(None);
        }
        match t.parse::<f64>() {
            Ok(x) if x.is_finite() && (if lo_open { x > lo } else { x >= lo }) && x <= hi => Ok(Some(x)),
            _ => Err(()),
        }
    };
    let boolean = raw == "true";
    let settlement = input.settlement.get_or_insert_with(|| crate::budget::SettlementInput {
        payments: Default::default(),
        out_of_county: None,
        objective_overspend: None,
        objective_causes: Vec::new(),
        reasonable_overspend: None,
        assessment_score: None,
    });
    match *kind {
        FieldKind::Amount { optional } => {
            let refused = if field == "last_year_budget" { i::BU_E_ABOVE_ZERO } else { i::BU_E_AMOUNT };
            let v = num(0.0, false, 1e15).map_err(|_| refused)?;
            if v.is_none() && !optional {
                return Err(i::BU_E_REQUIRED);
            }
            match field {
                "last_year_budget" => {
                    let v = v.unwrap_or(0.0);
                    if v <= 0.0 {
                        return Err(i::BU_E_ABOVE_ZERO);
                    }
                    input.budget.last_year_budget = v;
                }
                "proposed" => input.budget.proposed = v,
                "drg_dip" => settlement.payments.drg_dip = v,
                "bed_day" => settlement.payments.bed_day = v,
                "capitation" => settlement.payments.capitation = v,
                "other" => settlement.payments.other = v,
                "out_of_county" => settlement.out_of_county = v,
                "objective_overspend" => settlement.objective_overspend = v,
                "reasonable_overspend" => settlement.reasonable_overspend = v,
                // Blank: the standards are not stated (the cap is then undetermined).
                "employee_last_standard" | "resident_last_standard" => match v {
                    None => input.budget.per_head = None,
                    Some(x) => head(input, field == "employee_last_standard").last_year_standard = x,
                },
                "employee_proposed_standard" | "resident_proposed_standard" => {
                    if v.is_some() || input.budget.per_head.is_some() {
                        head(input, field == "employee_proposed_standard").proposed_standard = v;
                    }
                }
                "fund_balance" => input.fund_balance = v,
                _ => {}
            }
        }
        FieldKind::Growth => {
            let v = num(-100.0, true, 1000.0).map_err(|_| i::BU_E_GROWTH)?.ok_or(i::BU_E_REQUIRED)?;
            match field {
                "fund_revenue_growth_pct" => input.budget.fund_revenue_growth_pct = v,
                "projection_revenue_pct" => {
                    if let Some(p) = input.projection.as_mut() {
                        p.revenue_growth_pct = v
                    }
                }
                "projection_spending_pct" => {
                    if let Some(p) = input.projection.as_mut() {
                        p.spending_growth_pct = v
                    }
                }
                _ => {}
            }
        }
        FieldKind::Pct => {
            let v = num(0.0, false, 100.0).map_err(|_| i::BU_E_PCT)?;
            let r = &mut input.community.resident_inpatient_reimbursement_pct;
            match (v, field) {
                (None, _) => *r = None,
                (Some(x), "township_pct") => {
                    r.get_or_insert(crate::budget::Reimbursement { township: x, county_hospital: x }).township = x
                }
                (Some(x), _) => {
                    r.get_or_insert(crate::budget::Reimbursement { township: x, county_hospital: x }).county_hospital =
                        x
                }
            }
        }
        FieldKind::Count => {
            let v = if t.is_empty() { None } else { Some(t.parse::<u64>().map_err(|_| i::BU_E_COUNT)?) };
            match field {
                "dip_primary_diseases" => input.community.dip_primary_diseases = v,
                "employee_served" | "resident_served" => {
                    let n = v.ok_or(i::BU_E_REQUIRED)?;
                    head(input, field == "employee_served").served = n;
                }
                _ => input.community.drg_primary_groups = v,
            }
        }
        FieldKind::Year => {
            input.year = t.parse::<i32>().ok().filter(|y| (2000..=2100).contains(y)).ok_or(i::BU_E_YEAR)?;
        }
        FieldKind::Years => {
            let y = t.parse::<u32>().ok().filter(|y| (1..=30).contains(y)).ok_or(i::BU_E_YEARS)?;
            if let Some(p) = input.projection.as_mut() {
                p.years = y;
            }
        }
        FieldKind::Bool => {
            let u = &mut input.community.unifications;
            let v = Some(boolean);
            match field {
                "u.personnel" => u.personnel = v,
                "u.finance" => u.finance = v,
                "u.assets" => u.assets = v,
                "u.operations" => u.operations = v,
                "u.drug_catalogue" => u.drug_catalogue = v,
                "u.drug_distribution" => u.drug_distribution = v,
                "spending_fell" => input.budget.spending_fell_by_cost_control = v,
                f => {
                    if let Some((_, c)) = CAUSES.iter().find(|(id, _)| *id == f) {
                        settlement.objective_causes.retain(|x| x != c);
                        if boolean {
                            settlement.objective_causes.push(c.clone());
                        }
                    }
                }
            }
        }
        FieldKind::Score => {
            settlement.assessment_score = num(0.0, false, 1000.0).map_err(|_| BU_E_SCORE)?;
        }
        FieldKind::Text => {
            // The user's own objective cause (二(三)“等客观因素”): one, replacing any before.
            settlement.objective_causes.retain(|c| !c.is_users());
            let t = raw.trim();
            if !t.is_empty() {
                settlement.objective_causes.push(ObjectiveCause::Other(t.to_string()));
            }
        }
    }
    Ok(())
}

/// Applies one budget action: a field is read and the whole input checked as `dingdian settle`
/// would; a refused value keeps its text in the box with a message naming the field, and the
/// panel goes on showing the last valid input's settlement.
pub fn reduce_budget(s: &mut State, action: BudgetAction) {
    let mut b = (*s.budget).clone();
    match action {
        BudgetAction::Reset => b = BudgetState { rev: b.rev + 1, ..BudgetState::default() },
        BudgetAction::Set(field, raw) => {
            let Some((_, label, _)) = budget_field(field) else {
                return;
            };
            let named =
                |what: Text| Text::new(format!("{}：{}", label.zh, what.zh), format!("{}: {}", label.en, what.en));
            let mut next = (*b.input).clone();
            let checked = set_budget_field(&mut next, field, &raw)
                .map_err(|e| named(e.clone()))
                .and_then(|()| settle_input_problem(&next).map_err(|(_, what)| named(what)));
            match checked {
                Ok(()) => {
                    b.errors.remove(field);
                    b.raw.remove(field);
                    // A value refused for want of another one (an objective overspend without its
                    // cause) is taken once that other one is given.
                    for (other, raw) in b.raw.clone() {
                        let mut retry = next.clone();
                        if set_budget_field(&mut retry, other, &raw).is_ok() && settle_input_problem(&retry).is_ok() {
                            next = retry;
                            b.errors.remove(other);
                            b.raw.remove(other);
                        }
                    }
                    b.input = Rc::new(next);
                }
                Err(e) => {
                    b.errors.insert(field, e);
                    b.raw.insert(field, raw);
                }
            }
        }
    }
    s.budget = Shared(Rc::new(b));
}
