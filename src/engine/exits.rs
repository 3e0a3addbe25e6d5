//! The yearly assessment of designated institutions, linyi-2019 (临医保发〔2019〕74号) 政策措施
//! (三)(四)(五): the four exits (四退出), last-place elimination (末位淘汰) where the plan is over
//! quota, agreement terms and renewals, the negative-list entry an exit leaves behind, and what the
//! exits do to coverage. A trace of its own (`dingdian assess`), beside the admission trace.
//!
//! Readings of this module where the text is silent (README, “Assessment and settlement”):
//! - Only institutions with an assessment record are assessed; a designated institution without
//!   one keeps its designation and counts in no ranking.
//! - Ranks are by score, higher is better, among the records of the same group (the record's
//!   `group`, else its kind), city-wide. The bottom share counts `⌊n × share⌋` institutions.
//!   Tied scores share the rank; a tie straddling the cut-off exits together or stays together
//!   (switch `exit_tie_at_cutoff`). Nobody is “ranked at the bottom” or “last” unless some peer
//!   scored higher: a group that is all tied loses no one.
//! - “Over the plan” (规划区域内严重超额) is a saturated pharmacy area (linyi-2025 三(二)) for a
//!   pharmacy, and for an inpatient institution a county whose actual beds per 1,000 residents are
//!   above its measured value (linyi-2025 三(一)1); “severely” is more than
//!   `last_place_severe_excess_pct` over that quantity (an assumption: the text gives no measure).
//!   The plans set no quantity for outpatient and primary-care institutions, so this branch does
//!   not concern them.
//! - “Does not fit the layout plan” (不符合布局规划要求的, `exit.last_place_layout`): the bureaus
//!   draw up the layout plan (政策措施(一)) and the simulator does not have it, so the record says
//!   it (`fits_layout_plan`); under `last_place_layout_test = admission_rules` a silent record is
//!   read from today's admission rules (a planning rule would reject it at its own site). The last
//!   place is among those of the same ranking group that do not fit.
//! - (五) asks only to explore (探索实行) last-place elimination: every such exit says so.
//! - Whether an exit bars re-admission as “已被解除医保服务协议” is `exit_negative_list_scope`; an
//!   exit's trace ends with a `negative_list` entry that names the switch when it decided.
//! - Every rule is judged on its own: an institution that exits for another reason still takes
//!   its rank or the last place; the next one up does not exit in its stead.
//! - An agreement runs from its start to the same day `agreement_term_years` later (in force
//!   while the date is before that day; 29 February counts to 28 February). It is due for renewal
//!   when that day comes before the next yearly assessment (the assessment date plus one year);
//!   the renewal runs from the old term's end, for `agreement_extended_term_years` when the term
//!   had no violation, else for the ordinary term.

use crate::words;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::prepared::{DataIndex, Prepared};
use super::{Judgement, TraceEntry, Verdict};
use crate::date::Date;
use crate::policy::{ActiveRule, LayoutTest, NegativeListScope, Params, Policy, RuleDef, TieAtCutoff};
use crate::scenario::{
    from_json, resolve_policy, validate, Application, Change, Institution, Kind, NegativeList, NegativeReason,
    Scenario, ScenarioError, Scope,
};
use crate::spatial::{coverage_layers, AreaClass, AreaKey, Coverage};
use crate::text::{num, Text};
use crate::tr;

pub use crate::policy::rules::ASSESSMENT_RULES;

pub fn assessment_rule_def(id: &str) -> Option<&'static RuleDef> {
    ASSESSMENT_RULES.iter().find(|d| d.id == id)
}

// ---------------------------------------------------------------------------------------------
// Input

/// What `dingdian assess` reads: a scenario (DESIGN §3, inline or a file) and one record per
/// assessed designated institution.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AssessInput {
    /// The scenario inline (give this or `scenario_file`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<Box<Scenario>>,
    /// A scenario file, relative to the assessment file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario_file: Option<String>,
    /// The assessment date: exits, renewals and negative-list entries date from it. Absent: the
    /// scenario's `as_of`, else today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    pub institutions: Vec<AssessmentRecord>,
}

/// One designated institution's assessment results for the year.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AssessmentRecord {
    /// The institution's id in the scenario; it must be designated.
    pub id: String,
    /// The ranking group (e.g. a hospital level); absent: the institution's kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Comprehensive assessment score (考核评价、综合绩效评估), higher is better.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// Satisfaction survey result (满意度测评), percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfaction_pct: Option<f64>,
    /// On the dishonesty blacklist by credit evaluation (信用评价进入黑名单).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blacklisted: Option<bool>,
    /// When it was blacklisted (the negative list counts from it); absent: the assessment date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blacklisted_since: Option<String>,
    /// Serious violations of law, regulation or the agreement found this year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serious_violations: Option<u64>,
    /// Violations of law or regulation (违法违规行为) in the current agreement term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub violations_in_term: Option<u64>,
    /// Start of the current agreement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement_start: Option<String>,
    /// Whether it fits the layout plan (布局规划, 政策措施(一)) the bureau drew up; `false`: it is
    /// subject to last-place elimination (政策措施(三)). Absent: see `last_place_layout_test`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fits_layout_plan: Option<bool>,
}

/// An assessment input read and checked: the scenario, the policy it names, the records.
#[derive(Clone, Debug)]
pub struct AssessRequest {
    pub scenario: Scenario,
    pub policy: Policy,
    pub records: Vec<AssessmentRecord>,
    /// The input's `as_of`, else the scenario's; `None`: today.
    pub as_of: Option<Date>,
}

fn err<T>(message: impl Into<String>) -> Result<T, ScenarioError> {
    Err(ScenarioError { message: message.into() })
}

fn prefixed(prefix: &str, e: ScenarioError) -> ScenarioError {
    ScenarioError { message: format!("{prefix}{}", e.message) }
}

/// The directory part of a relative path, with a trailing slash (`"a/b.json"` → `"a/"`).
fn dir_of(path: &str) -> &str {
    match path.rfind('/') {
        Some(i) => &path[..=i],
        None => "",
    }
}

/// Parses and checks an assessment input. `load_file` reads a file named relative to the
/// assessment file (the scenario file; a preset file the scenario names is relative to it).
/// Errors name the field path (`institutions[2].score: …`, `scenario.applications[0].lat: …`).
pub fn read_assess_input(
    src: &str,
    load_file: impl Fn(&str) -> Result<String, String>,
) -> Result<AssessRequest, ScenarioError> {
    let input: AssessInput = from_json(src, "")?;
    let (scenario, policy) = match (&input.scenario, &input.scenario_file) {
        (Some(s), None) => {
            validate(s).map_err(|e| prefixed("scenario.", e))?;
            let policy = resolve_policy(s, &load_file).map_err(|e| prefixed("scenario.", e))?;
            ((**s).clone(), policy)
        }
        (None, Some(file)) => {
            let text = load_file(file)
                .map_err(|e| ScenarioError { message: format!("scenario_file: cannot read \"{file}\": {e}") })?;
            let at = format!("scenario_file \"{file}\": ");
            let s = crate::scenario::parse(&text).map_err(|e| prefixed(&at, e))?;
            let dir = dir_of(file).to_string();
            let policy = resolve_policy(&s, |p| load_file(&format!("{dir}{p}"))).map_err(|e| prefixed(&at, e))?;
            (s, policy)
        }
        _ => return err("scenario: give exactly one of \"scenario\" or \"scenario_file\""),
    };
    let as_of = match &input.as_of {
        Some(d) => Some(
            Date::parse(d)
                .ok_or_else(|| ScenarioError { message: format!("as_of: \"{d}\" is not a date YYYY-MM-DD") })?,
        ),
        None => scenario.as_of.as_deref().and_then(Date::parse),
    };
    check_records(&scenario, &input.institutions)?;
    Ok(AssessRequest { scenario, policy, records: input.institutions, as_of })
}

/// Checks records against a scenario: ids of designated institutions, each once; values in range.
/// Errors name the record (`institutions[2].score: …`). The app checks a loaded file with it.
pub fn check_records(s: &Scenario, records: &[AssessmentRecord]) -> Result<(), ScenarioError> {
    let mut seen = std::collections::HashSet::new();
    let by_id: HashMap<&str, &Institution> = s.institutions.iter().map(|i| (i.id.as_str(), i)).collect();
    for (i, r) in records.iter().enumerate() {
        let path = format!("institutions[{i}]");
        if r.id.is_empty() {
            return err(format!("{path}.id: must not be empty"));
        }
        let Some(inst) = by_id.get(r.id.as_str()) else {
            return err(format!("{path}.id: \"{}\" is not the id of any institution of the scenario", r.id));
        };
        if !inst.designated {
            return err(format!(
                "{path}.id: \"{}\" is not designated (only designated institutions are assessed)",
                r.id
            ));
        }
        if !seen.insert(r.id.as_str()) {
            return err(format!("{path}.id: \"{}\" is assessed twice", r.id));
        }
        if r.group.as_deref() == Some("") {
            return err(format!("{path}.group: must not be empty"));
        }
        if let Some(x) = r.score {
            if !x.is_finite() || x < 0.0 {
                return err(format!("{path}.score: {x} is not a score (a number 0 or more)"));
            }
        }
        if let Some(x) = r.satisfaction_pct {
            if !(0.0..=100.0).contains(&x) {
                return err(format!("{path}.satisfaction_pct: {x} is outside 0..100"));
            }
        }
        for (field, v) in [("blacklisted_since", &r.blacklisted_since), ("agreement_start", &r.agreement_start)] {
            if let Some(d) = v {
                if Date::parse(d).is_none() {
                    return err(format!("{path}.{field}: \"{d}\" is not a date YYYY-MM-DD"));
                }
            }
        }
        if r.blacklisted_since.is_some() && r.blacklisted != Some(true) {
            return err(format!("{path}.blacklisted_since: given, but \"blacklisted\" is not true"));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Output

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssessOutcome {
    /// At least one exit rule bites: the agreement ends on the assessment date.
    Exits,
    /// The term ends before the next assessment: renewed.
    Renews,
    /// Stays, the agreement still in force (or its term unknown).
    Continues,
}

impl AssessOutcome {
    pub fn label(self) -> Text {
        match self {
            AssessOutcome::Exits => Text::new("退出", "exits"),
            AssessOutcome::Renews => Text::new("续约", "renews"),
            AssessOutcome::Continues => Text::new("继续履行协议", "continues"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Renewal {
    /// The new term starts the day the old one ends.
    pub from: String,
    pub years: i32,
    /// The day the new term ends (in force while the date is before it).
    pub term_end: String,
    /// Extended because the term had no violation (政策措施(四)).
    pub extended: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Agreement {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// The day the current term ends (in force while the date is before it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term_end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renewal: Option<Renewal>,
    /// For an exit: the agreement ends on the assessment date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terminated_on: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InstitutionAssessment {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub kind: Kind,
    /// The ranking group.
    pub group: String,
    pub outcome: AssessOutcome,
    /// The exit rules that bit, in trace order.
    pub exit_reasons: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreement: Option<Agreement>,
    /// The admission negative-list entry the exit leaves (政策措施(三)), for `negative_list`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub negative_list: Option<NegativeList>,
    /// The switch the entry (or its absence) rests on, when the other reading would give another
    /// answer: `exit_negative_list_scope` (is an exit by assessment “已被解除医保服务协议”?).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub negative_list_switch: Option<&'static str>,
    pub rules: Vec<TraceEntry>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    pub assessed: usize,
    pub exits: usize,
    pub renewals: usize,
    pub continuing: usize,
    /// Exits per rule (an institution may exit for several).
    pub exits_by_rule: Vec<RuleCount>,
    pub negative_list_entries: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RuleCount {
    pub rule: String,
    pub count: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct KindLoss {
    pub covered_before: u64,
    pub covered_after: u64,
    pub share_before: Option<f64>,
    pub share_after: Option<f64>,
    /// Cells covered before the exits and not after.
    pub cells_losing: usize,
    pub population_losing: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Losses {
    pub pharmacy: KindLoss,
    pub outpatient: KindLoss,
    pub inpatient: KindLoss,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CellLoss {
    /// Index into the scenario's `population_cells`.
    pub cell: usize,
    pub lon: f64,
    pub lat: f64,
    pub population: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
    /// The coverage layers the cell loses: `pharmacy`, `outpatient`, `inpatient`.
    pub kinds: Vec<&'static str>,
}

/// Coverage with and without the exiting institutions (DESIGN §2, at the policy's radius).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CoverageChange {
    pub radius_m: f64,
    pub exiting: Vec<String>,
    pub before: Coverage,
    pub after: Coverage,
    pub lost: Losses,
    pub cells_losing_count: usize,
    pub population_losing: u64,
    pub cells_losing_coverage: Vec<CellLoss>,
}

/// Everything `dingdian assess` prints.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Assessment {
    pub as_of: String,
    pub institutions: Vec<InstitutionAssessment>,
    pub summary: Summary,
    pub coverage: CoverageChange,
}

// ---------------------------------------------------------------------------------------------
// The rules

/// One assessed institution as the rules see it.
struct Row<'a> {
    rec: &'a AssessmentRecord,
    inst: &'a Institution,
    group: String,
    group_label: Text,
    /// A pharmacy's area (when the data has population cells).
    area: Option<AreaKey>,
}

struct AssessCtx<'a> {
    params: &'a Params,
    prep: &'a Prepared<'a>,
    rows: Vec<Row<'a>>,
    /// The scores of each ranking group, each pharmacy area and each county's inpatient
    /// institutions, gathered once.
    group_scores: HashMap<String, Vec<f64>>,
    area_scores: HashMap<AreaKey, Vec<f64>>,
    county_scores: HashMap<String, Vec<f64>>,
    /// Whether each row fits the layout plan (only when `exit.last_place_layout` is on), and the
    /// scores of those that do not, by ranking group.
    layout: Vec<LayoutFit>,
    misfit_scores: HashMap<String, Vec<f64>>,
}

/// Whether an assessed institution fits the layout plan, and how that is known.
#[derive(Clone, Debug)]
enum LayoutFit {
    /// The record states it.
    Stated(bool),
    /// The record is silent and the admission rules were asked (`last_place_layout_test =
    /// admission_rules`): `Some(rule)` names the rule that would reject it at its site today.
    Inferred(Option<RuleHit>),
    /// The record is silent and the switch reads only records.
    Unknown,
}

#[derive(Clone, Debug)]
struct RuleHit {
    rule: String,
    clause: String,
    detail: Text,
}

impl LayoutFit {
    fn misfit(&self) -> bool {
        matches!(self, LayoutFit::Stated(false) | LayoutFit::Inferred(Some(_)))
    }
}

/// Whether the admission rules would reject the institution at its own site today, as a new
/// application of its kind with its own site left out of the proximity tests: the first `fail`
/// of a planning rule (eligibility conditions are not about the layout).
fn admission_misfit(prep: &Prepared, inst: &Institution) -> Option<RuleHit> {
    let mut a = application_of(inst);
    // At the same address, judged as new with its own site left out (linyi-2025 三(四)2).
    a.change = Change::AddressChange;
    a.institution_id = Some(inst.id.clone());
    let d = prep.decide(&a);
    d.rules
        .iter()
        .find(|e| {
            e.verdict == Verdict::Fail && !crate::policy::any_rule_def(&e.rule).is_some_and(|r| r.is_eligibility())
        })
        .map(|e| RuleHit { rule: e.rule.to_string(), clause: e.clause.to_string(), detail: e.detail.to_text() })
}

impl<'a> AssessCtx<'a> {
    fn new(params: &'a Params, prep: &'a Prepared<'a>, rows: Vec<Row<'a>>) -> Self {
        let layout_on = prep.policy.is_on("exit.last_place_layout");
        let layout: Vec<LayoutFit> = rows
            .iter()
            .map(|r| match (r.rec.fits_layout_plan, params.last_place_layout_test) {
                _ if !layout_on => LayoutFit::Unknown,
                (Some(fits), _) => LayoutFit::Stated(fits),
                (None, LayoutTest::Record) => LayoutFit::Unknown,
                (None, LayoutTest::AdmissionRules) => LayoutFit::Inferred(admission_misfit(prep, r.inst)),
            })
            .collect();
        let mut cx = AssessCtx {
            params,
            prep,
            rows,
            group_scores: HashMap::new(),
            area_scores: HashMap::new(),
            county_scores: HashMap::new(),
            layout,
            misfit_scores: HashMap::new(),
        };
        for (i, r) in cx.rows.iter().enumerate() {
            let Some(score) = r.rec.score else { continue };
            cx.group_scores.entry(r.group.clone()).or_default().push(score);
            if cx.layout[i].misfit() {
                cx.misfit_scores.entry(r.group.clone()).or_default().push(score);
            }
            if let Some(a) = &r.area {
                cx.area_scores.entry(a.clone()).or_default().push(score);
            }
            if let (true, Some(c)) = (r.inst.kind.is_inpatient(), &r.inst.county) {
                cx.county_scores.entry(c.clone()).or_default().push(score);
            }
        }
        cx
    }
}

type ExitFn = fn(&AssessCtx, usize) -> Judgement;

fn exit_fn(id: &str) -> Option<ExitFn> {
    Some(match id {
        "exit.poor_management" => poor_management,
        "exit.bottom_rank" => bottom_rank,
        "exit.blacklist" => blacklist,
        "exit.serious_violation" => serious_violation,
        "exit.last_place" => last_place,
        "exit.last_place_layout" => last_place_layout,
        _ => return None,
    })
}

fn f(x: f64) -> String {
    num(x, 2)
}

/// 政策措施(三)“根据服务质量及满意度测评结果，将管理差、技术水平低、服务质量不高、群众满意度差的退出去”
fn poor_management(cx: &AssessCtx, i: usize) -> Judgement {
    let r = cx.rows[i].rec;
    let p = cx.params;
    if r.score.is_none() && r.satisfaction_pct.is_none() {
        return Judgement::missing(
            "score, satisfaction_pct",
            words!("考核得分和满意度", "the assessment score and satisfaction"),
        );
    }
    let mut parts: Vec<Text> = Vec::new();
    let mut bites = false;
    if let Some(s) = r.score {
        let low = s < p.exit_score_min;
        bites |= low;
        parts.push(if low {
            tr!("考核得分{}低于合格线{}", "assessment score {} below the pass mark {}"; f(s), f(p.exit_score_min))
        } else {
            tr!("考核得分{}不低于合格线{}", "assessment score {} not below the pass mark {}"; f(s), f(p.exit_score_min))
        });
    }
    if let Some(s) = r.satisfaction_pct {
        let low = s < p.exit_satisfaction_min_pct;
        bites |= low;
        parts.push(if low {
            tr!("满意度{}%低于{}%", "satisfaction {}% below {}%"; f(s), f(p.exit_satisfaction_min_pct))
        } else {
            tr!("满意度{}%不低于{}%", "satisfaction {}% not below {}%"; f(s), f(p.exit_satisfaction_min_pct))
        });
    }
    let mut detail = parts[0].clone();
    for t in &parts[1..] {
        detail = detail.join(t);
    }
    let mut j = if bites { Judgement::fail(detail.join(&tr!("退出", "exits"))) } else { Judgement::pass(detail) };
    if r.score.is_none() {
        j = j.note(tr!("未填报考核得分（score），只按满意度判断", "no score stated: judged on satisfaction alone"));
    } else if r.satisfaction_pct.is_none() {
        j = j.note(tr!(
            "未填报满意度（satisfaction_pct），只按考核得分判断",
            "no satisfaction stated: judged on the score alone"
        ));
    }
    j
}

/// Where an institution stands among scored peers: how many scored lower, tied (itself
/// included) and higher.
struct Standing {
    lower: usize,
    tied: usize,
    higher: usize,
}

fn standing(score: f64, peers: impl Iterator<Item = f64>) -> Standing {
    let mut s = Standing { lower: 0, tied: 0, higher: 0 };
    for x in peers {
        if x < score {
            s.lower += 1;
        } else if x > score {
            s.higher += 1;
        } else {
            s.tied += 1;
        }
    }
    s
}

/// Whether positions `lower + 1 ..= lower + tied` from the bottom fall within the bottom `k`,
/// and whether the tie straddles the cut-off (then the switch decided).
fn within_bottom(st: &Standing, k: usize, tie: TieAtCutoff) -> (bool, bool) {
    if st.higher == 0 || k == 0 || st.lower >= k {
        return (false, false);
    }
    if st.lower + st.tied <= k {
        return (true, false);
    }
    (tie == TieAtCutoff::All, true)
}

fn tie_note(st: &Standing, exits: bool) -> Text {
    if exits {
        tr!("{}家得分并列于分界处，同名次，一并退出", "{} institutions tie at the cut-off: they share the rank and all exit"; st.tied)
    } else {
        tr!("{}家得分并列于分界处，同名次，一并保留", "{} institutions tie at the cut-off: they share the rank and all stay"; st.tied)
    }
}

/// 政策措施(三)“将根据综合绩效评估排位靠后的退出去”
fn bottom_rank(cx: &AssessCtx, i: usize) -> Judgement {
    let row = &cx.rows[i];
    let Some(score) = row.rec.score else {
        return Judgement::missing("score", words!("综合绩效评估得分", "the comprehensive assessment score"));
    };
    let peers: &[f64] = cx.group_scores.get(&row.group).map(Vec::as_slice).unwrap_or(&[]);
    let n = peers.len();
    let pct = cx.params.exit_bottom_share_pct;
    let k = ((n as f64) * pct / 100.0 + 1e-9).floor() as usize;
    let st = standing(score, peers.iter().copied());
    let (bites, straddles) = within_bottom(&st, k, cx.params.exit_tie_at_cutoff);
    let g = &row.group_label;
    let tied = if st.tied > 1 { tr!("（{}家并列）", " ({} tied)"; st.tied) } else { tr!("", "") };
    let detail = Text::new(
        format!(
            "得分{}，在{}{}家中自下而上第{}名{}；后{}%为{}家（{}×{}%向下取整）",
            f(score),
            g.zh,
            n,
            st.lower + 1,
            tied.zh,
            f(pct),
            k,
            n,
            f(pct)
        ),
        format!(
            "score {}: rank {} from the bottom of {} in {}{}; the bottom {}% is {} ({} × {}% rounded down)",
            f(score),
            st.lower + 1,
            n,
            g.en,
            tied.en,
            f(pct),
            k,
            n,
            f(pct)
        ),
    );
    let mut j = if bites {
        Judgement::fail(detail.join(&tr!("排位靠后，退出", "ranked at the bottom: exits")))
    } else {
        Judgement::pass(detail)
    };
    if straddles {
        j = j.note(tie_note(&st, bites)).switch("exit_tie_at_cutoff");
    } else if st.higher == 0 && k > 0 && st.lower < k {
        j = j.note(tr!("同组无人得分更高，不存在排位靠后", "no one in the group scored higher: nobody ranks behind"));
    }
    j
}

/// 政策措施(三)“将根据信用评价进入黑名单的退出去”
fn blacklist(cx: &AssessCtx, i: usize) -> Judgement {
    let r = cx.rows[i].rec;
    match r.blacklisted {
        None => Judgement::missing("blacklisted", words!("信用评价结果", "the credit evaluation")),
        Some(true) => {
            let since = r
                .blacklisted_since
                .as_deref()
                .map(|d| tr!("（{}起）", " (since {})"; d))
                .unwrap_or_else(|| tr!("", ""));
            Judgement::fail(Text::new(
                format!("信用评价进入黑名单{}，退出", since.zh),
                format!("on the credit blacklist{}: exits", since.en),
            ))
        }
        Some(false) => Judgement::pass(tr!("未列入信用黑名单", "not on the credit blacklist")),
    }
}

/// 政策措施(三)“将严重违法违规违反协议的退出去”
fn serious_violation(cx: &AssessCtx, i: usize) -> Judgement {
    match cx.rows[i].rec.serious_violations {
        None => Judgement::missing("serious_violations", words!("严重违法违规违约次数", "serious violations")),
        Some(0) => Judgement::pass(tr!("本年度无严重违法违规违约行为（0次）", "no serious violation this year (0)")),
        Some(n) => {
            Judgement::fail(tr!("本年度严重违法违规违约{}次，退出", "{} serious violations this year: exits"; n))
        }
    }
}

/// (五) asks only to explore last-place elimination: every last-place exit says the simulator
/// applies it.
fn explore_note() -> Text {
    tr!(
        "政策措施(五)只要求“探索实行末位淘汰制”：本退出是模拟器按此施行，不是原文已定的规则",
        "linyi-2019 Measures (5) only asks to “explore” last-place elimination: this exit is the simulator applying it, not a rule the text settles"
    )
}

/// The last place among `peers` (the scores of those subject to elimination), `place` saying
/// where and why they are subject to it. `reading`: the switch or assumption the verdict rests
/// on, unless a tie at the cut-off decided (then the tie switch, and `reading` in the note).
fn last_among(cx: &AssessCtx, score: f64, peers: &[f64], place: Text, reading: &'static str) -> Judgement {
    let n = peers.len();
    let lowest = peers.iter().copied().fold(f64::INFINITY, f64::min);
    let st = standing(score, peers.iter().copied());
    let (bites, straddles) = within_bottom(&st, 1, cx.params.exit_tie_at_cutoff);
    let detail = Text::new(
        format!("{}：参加考核{}家，最低分{}；本机构{}分", place.zh, n, f(lowest), f(score)),
        format!("{}: {} assessed, lowest score {}; this one {}", place.en, n, f(lowest), f(score)),
    );
    let mut j = if bites {
        Judgement::fail(detail.join(&tr!("末位，淘汰", "last place: eliminated"))).note(explore_note())
    } else if st.higher == 0 && st.lower == 0 {
        Judgement::pass(detail.join(&tr!("无人得分更高，不存在末位", "no one scored higher: there is no last place")))
    } else {
        Judgement::pass(detail)
    };
    if straddles {
        j = j
            .note(tie_note(&st, bites))
            .note({
                let named = crate::policy::readings::label_of(reading).unwrap_or_else(|| Text::new(reading, reading));
                Text::new(
                    format!("亦取决于假设（{}）", named.zh),
                    format!("also rests on an assumption ({})", named.en),
                )
            })
            .switch("exit_tie_at_cutoff");
    } else {
        j = j.switch(reading);
    }
    j
}

/// How far `value` is above `quota`, in percent, and whether that is severe (above
/// `last_place_severe_excess_pct`).
fn severity(value: f64, quota: f64, p: &Params) -> (f64, bool) {
    let excess = if quota > 0.0 { (value / quota - 1.0) * 100.0 } else { f64::INFINITY };
    (excess, excess > p.last_place_severe_excess_pct)
}

fn severity_text(excess: f64, p: &Params) -> Text {
    let pct = if excess.is_finite() { f(excess) } else { "∞".to_string() };
    tr!(
        "超出配置{}%，“严重超额”按超出{}%以上认定（假设）",
        "{}% over the plan's quantity; “severely over” is taken as more than {}% over (an assumption)";
        pct, f(p.last_place_severe_excess_pct)
    )
}

/// 政策措施(三)“对不符合布局规划要求的或规划区域内严重超额的，实行末位淘汰制”；(五)“根据考核评价结果和定点医疗机构布局规划，探索实行末位淘汰制”
fn last_place(cx: &AssessCtx, i: usize) -> Judgement {
    let row = &cx.rows[i];
    let inst = row.inst;
    let prep = cx.prep;
    let p = cx.params;
    // Over the plan? How far? And which assessed peers share the over-quota place?
    let (place, peers): (Text, &[f64]) = if inst.kind == Kind::Pharmacy {
        let areas = &prep.areas;
        let Some(key) = &row.area else {
            return Judgement::missing(
                "population_cells",
                words!("常住人口分布（药店区域分类）", "where residents live (pharmacy area classes)"),
            );
        };
        let stat = areas.stats.get(key).cloned().unwrap_or_default();
        let (class, per_10k) = AreaClass::classify(stat.pharmacy_ids.len() as u32, stat.population, p);
        let density = per_10k
            .map(|d| tr!("每万人{}家", "{} per 10,000 residents"; f(d)))
            .unwrap_or_else(|| tr!("区域内无常住人口", "no residents in the area"));
        let label = key.label();
        let cl = class.label();
        let place = Text::new(
            format!("{}{}，属{}", label.zh, density.zh, cl.zh),
            format!("{}: {}, a {}", label.en, density.en, cl.en),
        );
        if class != AreaClass::Saturated {
            return Judgement::pass(Text::new(
                format!("{}，不属规划区域内严重超额，不实行末位淘汰", place.zh),
                format!("{}, not over the plan: no last-place elimination", place.en),
            ));
        }
        let (excess, severe) = severity(per_10k.unwrap_or(f64::INFINITY), p.pharmacy_saturated_above_per_10k, p);
        let place = place.join(&severity_text(excess, p));
        if !severe {
            return Judgement::pass(
                place.join(&tr!("不属严重超额，不实行末位淘汰", "not severely over: no last-place elimination")),
            )
            .switch("last_place_severe_excess_pct");
        }
        let peers = cx.area_scores.get(key).map(Vec::as_slice).unwrap_or(&[]);
        (place.join(&tr!("规划区域内严重超额", "severely over the plan")), peers)
    } else if inst.kind.is_inpatient() {
        let Some(county) = inst.county.as_deref() else {
            return Judgement::missing("county", words!("机构所在县区", "the institution's county"));
        };
        let name = prep
            .scenario
            .counties
            .iter()
            .find(|c| c.id == county)
            .map(|c| c.name.clone())
            .unwrap_or(county.to_string());
        let Some(cf) = prep.figures.county(county) else {
            return Judgement::missing_text(
                &format!("counties[id={county}]"),
                Text::new("该县区的床位数据", "the county's bed figures"),
            );
        };
        let (Some(actual), Some(measured)) = (cf.actual_beds_per_1000, cf.measured_beds_per_1000) else {
            let missing = if cf.missing.is_empty() { format!("counties[id={county}]") } else { cf.missing.join(", ") };
            return Judgement::missing_text(
                &missing,
                Text::new(
                    format!("{name}实际值或测算值的输入"),
                    format!("inputs of {name}'s actual or measured value"),
                ),
            );
        };
        if actual <= measured {
            return Judgement::pass(tr!(
                "{}每千人实际床位{}，不高于测算值{}，未超出床位配置，不实行末位淘汰",
                "{}: actual {} beds per 1,000, not above the measured {}: within its bed allocation, no last-place elimination";
                name, f(actual), f(measured)
            ));
        }
        let place = tr!("{}每千人实际床位{}，高于测算值{}", "{}: actual {} beds per 1,000, above the measured {}"; name, f(actual), f(measured));
        let (excess, severe) = severity(actual, measured, p);
        let place = place.join(&severity_text(excess, p));
        if !severe {
            return Judgement::pass(
                place.join(&tr!("不属严重超额，不实行末位淘汰", "not severely over: no last-place elimination")),
            )
            .switch("last_place_severe_excess_pct");
        }
        let peers = cx.county_scores.get(county).map(Vec::as_slice).unwrap_or(&[]);
        (place.join(&tr!("超出床位配置", "over its bed allocation")), peers)
    } else {
        return Judgement::na(Text::new(
            format!("规划未给{}设数量配置，末位淘汰只适用于相对饱和的药店区域和超出床位配置的县区", inst.kind.label().zh),
            format!(
                "the plans set no quantity for this kind ({}): last-place elimination concerns saturated pharmacy areas and counties over their bed allocation",
                inst.kind.label().en
            ),
        ));
    };
    let Some(score) = row.rec.score else {
        return Judgement::missing("score", words!("考核得分", "the assessment score"));
    };
    last_among(cx, score, peers, place, "last_place_severe_excess_pct")
}

/// 政策措施(三)“对不符合布局规划要求的……实行末位淘汰制”；(五)“根据考核评价结果和定点医疗机构布局规划，探索实行末位淘汰制”
fn last_place_layout(cx: &AssessCtx, i: usize) -> Judgement {
    let row = &cx.rows[i];
    const SWITCH: &str = "last_place_layout_test";
    let (misfit, why) = match &cx.layout[i] {
        LayoutFit::Unknown => {
            return Judgement::missing("fits_layout_plan", words!("是否符合布局规划（由医保部门的布局规划认定）", "whether it fits the layout plan (as the bureau's plan says)"))
                .switch(SWITCH);
        }
        LayoutFit::Stated(fits) => (
            !fits,
            if *fits {
                tr!("考核记录填报：符合布局规划要求", "the record states it fits the layout plan")
            } else {
                tr!("考核记录填报：不符合布局规划要求", "the record states it does not fit the layout plan")
            },
        ),
        LayoutFit::Inferred(None) => (
            false,
            tr!("记录未填报；按现行准入规则，在原址作为新申请不会被拒绝，视为符合布局规划", "the record is silent; the admission rules would not reject it at its site as a new application today: taken as fitting the layout plan"),
        ),
        LayoutFit::Inferred(Some(hit)) => (
            true,
            Text::new(
                format!("记录未填报；按现行准入规则，在原址作为新申请会被拒绝（{}，{}：{}），视为不符合布局规划", hit.rule, hit.clause, hit.detail.zh),
                format!("the record is silent; the admission rules would reject it at its site as a new application today ({}, {}: {}): taken as not fitting the layout plan", hit.rule, hit.clause, hit.detail.en),
            ),
        ),
    };
    if !misfit {
        return Judgement::pass(why.join(&tr!("不实行末位淘汰", "no last-place elimination"))).switch(SWITCH);
    }
    let Some(score) = row.rec.score else {
        return Judgement::missing("score", words!("考核得分", "the assessment score")).switch(SWITCH);
    };
    let peers = cx.misfit_scores.get(&row.group).map(Vec::as_slice).unwrap_or(&[]);
    let g = &row.group_label;
    let place = why.join(&Text::new(
        format!("{}中不符合布局规划要求的机构", g.zh),
        format!("among those of {} that do not fit the layout plan", g.en),
    ));
    last_among(cx, score, peers, place, SWITCH)
}

/// 政策措施(四)“协议有效期一般为三年……协议期内无违法违规行为的，延长续约有效期”
fn agreement_term(p: &Params, rec: &AssessmentRecord, exits: bool, as_of: Date) -> (Judgement, Option<Agreement>) {
    let start = rec.agreement_start.as_deref().and_then(Date::parse);
    let term_end = start.map(|s| s.add_years(p.agreement_term_years));
    if exits {
        let agreement = Agreement {
            start: start.map(|d| d.to_string()),
            term_end: term_end.map(|d| d.to_string()),
            renewal: None,
            terminated_on: Some(as_of.to_string()),
        };
        return (
            Judgement::na(
                tr!("退出：协议于{}终止，不续约", "exits: the agreement ends on {} and is not renewed"; as_of),
            ),
            Some(agreement),
        );
    }
    let (Some(start), Some(term_end)) = (start, term_end) else {
        return (Judgement::missing("agreement_start", words!("协议起始日期", "the agreement's start")), None);
    };
    let years = p.agreement_term_years;
    let next = as_of.add_years(1);
    let mut agreement =
        Agreement { start: Some(start.to_string()), term_end: Some(term_end.to_string()), ..Default::default() };
    if term_end >= next {
        let j = Judgement::pass(tr!(
            "协议自{}起{}年，至{}届满；下次年度考核（{}）前不到期，继续履行",
            "agreement from {} for {} years, ending on {}; not due before the next yearly assessment ({}): continues";
            start, years, term_end, next
        ));
        return (j, Some(agreement));
    }
    // Serious violations found this year fall in the current term too.
    let violations = match (rec.violations_in_term, rec.serious_violations) {
        (None, None) => None,
        (a, b) => Some(a.unwrap_or(0).max(b.unwrap_or(0))),
    };
    let extended = violations == Some(0);
    let renew_years = if extended { p.agreement_extended_term_years } else { years };
    let new_end = term_end.add_years(renew_years);
    agreement.renewal =
        Some(Renewal { from: term_end.to_string(), years: renew_years, term_end: new_end.to_string(), extended });
    let why = match violations {
        Some(0) => tr!("协议期内无违法违规行为，延长续约有效期", "no violation in the term: the renewal is extended"),
        Some(v) => {
            tr!("协议期内违法违规{}次，按一般有效期续约", "{} violation(s) in the term: the ordinary term"; v)
        }
        None => {
            tr!("协议期内违法违规情况未填报，按一般有效期续约", "violations in the term not stated: the ordinary term")
        }
    };
    let mut j = Judgement::pass(Text::new(
        format!(
            "协议自{}起{}年，{}届满；{}：续约{}年，自{}至{}",
            start, years, term_end, why.zh, renew_years, term_end, new_end
        ),
        format!(
            "agreement from {} for {} years ends on {}; {}: renewed for {} years, from {} to {}",
            start, years, term_end, why.en, renew_years, term_end, new_end
        ),
    ));
    if violations.is_none() {
        j = j.note(tr!(
            "填报 violations_in_term: 0 可按无违规延长续约",
            "state violations_in_term: 0 for the extended term"
        ));
    }
    if term_end < as_of {
        j = j.note(tr!(
            "协议在考核日前已届满，续约自原届满日起算",
            "the term ended before the assessment date: the renewal runs from its end"
        ));
    }
    (j, Some(agreement))
}

// ---------------------------------------------------------------------------------------------
// Negative list and re-application

/// The negative-list entry an exit leaves (政策措施(三)“已被解除医保服务协议的、列入失信黑名单的，三年内不受理医保定点申请”):
/// `blacklisted` (since the blacklisting, else the assessment date) for an exit for the blacklist;
/// `agreement_terminated` (since the assessment date) for an exit that terminates the agreement —
/// every exit, or only one for serious violations (switch `exit_negative_list_scope`). Of two
/// entries, the one whose bar ends later is kept; on the same date, `blacklisted`.
pub fn negative_list_entry(
    rec: &AssessmentRecord,
    exit_reasons: &[String],
    p: &Params,
    as_of: Date,
) -> Option<NegativeList> {
    let has = |id: &str| exit_reasons.iter().any(|r| r == id);
    let mut best: Option<(Date, NegativeReason)> = None;
    if has("exit.blacklist") {
        let since = rec.blacklisted_since.as_deref().and_then(Date::parse).unwrap_or(as_of);
        best = Some((since, NegativeReason::Blacklisted));
    }
    let terminated = match p.exit_negative_list_scope {
        NegativeListScope::AllExits => !exit_reasons.is_empty(),
        NegativeListScope::SanctionsOnly => has("exit.serious_violation"),
    };
    if terminated && best.map(|(d, _)| as_of > d).unwrap_or(true) {
        best = Some((as_of, NegativeReason::AgreementTerminated));
    }
    best.map(|(since, reason)| NegativeList { reason, since: since.to_string(), switch: None })
}

/// `exit_negative_list_scope` when the entry an exit leaves (or its absence) would differ under
/// the switch's other reading: the bar then rests on the switch, not on the text.
pub fn negative_list_rests_on_switch(
    rec: &AssessmentRecord,
    exit_reasons: &[String],
    p: &Params,
    as_of: Date,
) -> Option<&'static str> {
    let other = match p.exit_negative_list_scope {
        NegativeListScope::AllExits => NegativeListScope::SanctionsOnly,
        NegativeListScope::SanctionsOnly => NegativeListScope::AllExits,
    };
    let flipped = Params { exit_negative_list_scope: other, ..p.clone() };
    (negative_list_entry(rec, exit_reasons, p, as_of) != negative_list_entry(rec, exit_reasons, &flipped, as_of))
        .then_some("exit_negative_list_scope")
}

/// The trace entry of what an exit means for a new application (政策措施(三)“探索建立准入负面清单
/// 制度，对……已被解除医保服务协议的、列入失信黑名单的，三年内不受理医保定点申请”): `fail` when it
/// bars re-admission, `pass` when it does not; with the switch when the bar rests on it.
fn negative_list_trace(policy: &Policy, entry: Option<&NegativeList>, switch: Option<&'static str>) -> TraceEntry {
    let years = policy.params.negative_list_years;
    let clause =
        policy.active("negative_list").map(|r| r.clause.clone()).unwrap_or_else(|| "linyi-2019 政策措施(三)".into());
    let mut j = match entry {
        Some(n) => {
            let until = Date::parse(&n.since).map(|d| d.add_years(years).to_string()).unwrap_or_default();
            let r = n.reason.label();
            Judgement::fail(Text::new(
                format!("退出后列入准入负面清单（{}），自{}起{}年内不受理医保定点申请，{}起可再申请", r.zh, n.since, years, until),
                format!("the exit puts it on the admission negative list ({}): no application accepted for {} years from {}, again from {}", r.en, years, n.since, until),
            ))
            // 政策措施(三) only asks to explore the negative list (探索建立准入负面清单制度).
            .note(tr!(
                "政策措施(三)只要求“探索建立准入负面清单制度”：此处由模拟器施行",
                "linyi-2019 Measures (3) only asks to “explore” a negative list: the simulator applies it here"
            ))
        }
        None => Judgement::pass(tr!(
            "本次退出不属“已被解除医保服务协议”，不列入准入负面清单，可再申请",
            "this exit does not count as “agreement terminated”: no negative-list entry, it may apply again"
        )),
    };
    if let Some(sw) = switch {
        j = j
            .note(tr!(
                "本次退出是否算“已被解除医保服务协议”，原文未说（严重违法违规以外的退出也提前终止协议）：此处按解释开关，不是原文",
                "whether this exit counts as “agreement terminated” the text does not say (exits other than for serious violations also end the agreement early): this rests on a switch, not on the text"
            ))
            .switch(sw);
    }
    TraceEntry {
        rule: "negative_list".into(),
        clause,
        verdict: j.verdict,
        detail: j.detail,
        switch: j.switch.map(Into::into),
        exempted_by: None,
        note: j.note,
        assumptions: Default::default(),
    }
}

/// An application with the institution's own facts at its own site: its kind, categories,
/// specialty, subtype, county, area and beds.
fn application_of(inst: &Institution) -> Application {
    let mut a = Application::new(&inst.id, inst.kind, inst.lon, inst.lat);
    if inst.kind == Kind::Pharmacy {
        a.category = Some(inst.categories());
    }
    a.specialty = inst.specialty;
    a.subtype = inst.subtype;
    a.integrated = inst.integrated;
    a.county = inst.county.clone();
    a.area = inst.area.clone();
    a.beds = inst.beds;
    a
}

/// A new application from an institution that exited, at its old site with its old facts and
/// its negative-list entry: what `negative_list` judges when it applies again.
pub fn application_after_exit(inst: &Institution, entry: &NegativeList) -> Application {
    let mut a = application_of(inst);
    a.name = inst.name.clone();
    a.change = Change::New;
    a.scope = Scope::Basic;
    a.negative_list = Some(entry.clone());
    a
}

// ---------------------------------------------------------------------------------------------
// The assessment

/// A trace entry from a rule's judgement, marked when the user turned the rule on.
pub fn trace_entry(policy: &Policy, rule: &ActiveRule, mut j: Judgement) -> TraceEntry {
    if rule.added_by_user {
        j = j.note(Text::new(
            format!("本条由用户开启，{}的规划原文无此规定", policy.preset.short.zh),
            format!("turned on by the user: {} has no such rule", policy.preset.short.en),
        ));
    }
    TraceEntry {
        rule: rule.def.id.into(),
        clause: rule.clause.clone(),
        verdict: j.verdict,
        detail: j.detail,
        switch: j.switch.map(Into::into),
        exempted_by: None,
        note: j.note,
        assumptions: rule.assumptions.clone(),
    }
}

impl AssessRequest {
    pub fn assess(&self, today: Date) -> Assessment {
        assess(&self.scenario, &self.policy, &self.records, self.as_of.unwrap_or(today))
    }
}

/// Assesses every record under the policy's assessment rules on `as_of`, then re-runs coverage
/// without the institutions that exit.
pub fn assess(scenario: &Scenario, policy: &Policy, records: &[AssessmentRecord], as_of: Date) -> Assessment {
    assess_with_data(scenario, policy, std::rc::Rc::new(DataIndex::build(scenario)), records, as_of)
}

/// `assess` with the scenario's data index already built (the app keeps one per data set).
pub fn assess_with_data(
    scenario: &Scenario,
    policy: &Policy,
    data: std::rc::Rc<DataIndex>,
    records: &[AssessmentRecord],
    as_of: Date,
) -> Assessment {
    let prep = Prepared::with_data(scenario, policy, data.clone(), as_of);
    let by_id: HashMap<&str, &Institution> = scenario.institutions.iter().map(|i| (i.id.as_str(), i)).collect();
    let rows: Vec<Row> = records
        .iter()
        .filter_map(|rec| {
            let inst = *by_id.get(rec.id.as_str())?;
            let (group, group_label) = match &rec.group {
                Some(g) => (format!("group:{g}"), tr!("“{}”组", "group “{}”"; g)),
                None => {
                    let k = inst.kind.label();
                    (
                        format!("kind:{}", inst.kind.id()),
                        Text::new(format!("{}组", k.zh), format!("the group “{}”", k.en)),
                    )
                }
            };
            let area = (inst.kind == Kind::Pharmacy && prep.areas.has_population)
                .then(|| prep.areas.key_at(inst.lon, inst.lat, inst.area.as_deref()));
            Some(Row { rec, inst, group, group_label, area })
        })
        .collect();
    let cx = AssessCtx::new(&policy.params, &prep, rows);

    let mut out = Vec::with_capacity(cx.rows.len());
    for (i, row) in cx.rows.iter().enumerate() {
        let mut rules = Vec::new();
        let mut exit_reasons = Vec::new();
        for rule in &policy.assessment_rules {
            if let Some(fun) = exit_fn(rule.def.id) {
                let j = fun(&cx, i);
                if j.verdict == Verdict::Fail {
                    exit_reasons.push(rule.def.id.to_string());
                }
                rules.push(trace_entry(policy, rule, j));
            }
        }
        let exits = !exit_reasons.is_empty();
        let mut agreement = None;
        if let Some(rule) = policy.assessment_rules.iter().find(|r| r.def.id == "agreement.term") {
            let (j, a) = agreement_term(&policy.params, row.rec, exits, as_of);
            agreement = a;
            rules.push(trace_entry(policy, rule, j));
        } else if exits {
            agreement = Some(Agreement { terminated_on: Some(as_of.to_string()), ..Default::default() });
        }
        let outcome = if exits {
            AssessOutcome::Exits
        } else if agreement.as_ref().map(|a| a.renewal.is_some()).unwrap_or(false) {
            AssessOutcome::Renews
        } else {
            AssessOutcome::Continues
        };
        let negative_list_switch = negative_list_rests_on_switch(row.rec, &exit_reasons, &policy.params, as_of);
        // The entry names the switch it rests on, so a re-application's admission trace does too.
        let negative_list = negative_list_entry(row.rec, &exit_reasons, &policy.params, as_of)
            .map(|n| NegativeList { switch: negative_list_switch.map(str::to_string), ..n });
        if exits {
            rules.push(negative_list_trace(policy, negative_list.as_ref(), negative_list_switch));
        }
        out.push(InstitutionAssessment {
            id: row.inst.id.clone(),
            name: row.inst.name.clone(),
            kind: row.inst.kind,
            group: row.rec.group.clone().unwrap_or_else(|| row.inst.kind.id().to_string()),
            outcome,
            exit_reasons,
            agreement,
            negative_list,
            negative_list_switch,
            rules,
        });
    }

    let count = |o: AssessOutcome| out.iter().filter(|a| a.outcome == o).count();
    let summary = Summary {
        assessed: out.len(),
        exits: count(AssessOutcome::Exits),
        renewals: count(AssessOutcome::Renews),
        continuing: count(AssessOutcome::Continues),
        exits_by_rule: policy
            .assessment_rules
            .iter()
            .filter(|r| exit_fn(r.def.id).is_some())
            .map(|r| RuleCount {
                rule: r.def.id.to_string(),
                count: out.iter().filter(|a| a.exit_reasons.iter().any(|x| x == r.def.id)).count(),
            })
            .collect(),
        negative_list_entries: out.iter().filter(|a| a.negative_list.is_some()).count(),
    };
    let exiting: Vec<String> = out.iter().filter(|a| a.outcome == AssessOutcome::Exits).map(|a| a.id.clone()).collect();
    let coverage = coverage_change(&prep, &data, &exiting);
    Assessment { as_of: as_of.to_string(), institutions: out, summary, coverage }
}

/// Coverage before and after the exiting institutions leave, and the cells that lose it.
pub fn coverage_change(prep: &Prepared, data: &DataIndex, exiting: &[String]) -> CoverageChange {
    let s = prep.scenario;
    let radius = prep.policy.params.service_radius_m;
    let mut after_s = s.clone();
    for inst in after_s.institutions.iter_mut() {
        if exiting.contains(&inst.id) {
            inst.designated = false;
        }
    }
    let before = prep.coverage_layers();
    let after = coverage_layers(&after_s, &data.cells, radius);
    let before_cov = before.summary_with(s, &data.cell_population, &data.cell_county);
    let after_cov = after.summary_with(&after_s, &data.cell_population, &data.cell_county);

    const LAYERS: [(&str, u8); 3] = [("pharmacy", 0b111), ("outpatient", 1 << 3), ("inpatient", 1 << 4)];
    let mut lost = [KindLoss::default(), KindLoss::default(), KindLoss::default()];
    let mut cells = Vec::new();
    let mut population_losing = 0u64;
    for (c, (&mb, &ma)) in before.masks.iter().zip(&after.masks).enumerate() {
        let kinds: Vec<&'static str> =
            LAYERS.iter().filter(|(_, bits)| mb & bits != 0 && ma & bits == 0).map(|(k, _)| *k).collect();
        if kinds.is_empty() {
            continue;
        }
        let cell = &s.population_cells[c];
        for (k, (name, _)) in LAYERS.iter().enumerate() {
            if kinds.contains(name) {
                lost[k].cells_losing += 1;
                lost[k].population_losing = lost[k].population_losing.saturating_add(cell.population);
            }
        }
        population_losing = population_losing.saturating_add(cell.population);
        cells.push(CellLoss {
            cell: c,
            lon: cell.lon,
            lat: cell.lat,
            population: cell.population,
            county: cell.county.clone(),
            kinds,
        });
    }
    let fill = |l: &mut KindLoss, b: &crate::spatial::KindCoverage, a: &crate::spatial::KindCoverage| {
        l.covered_before = b.covered_population;
        l.covered_after = a.covered_population;
        l.share_before = b.population_share;
        l.share_after = a.population_share;
    };
    let [mut ph, mut op, mut ip] = lost;
    fill(&mut ph, &before_cov.pharmacy, &after_cov.pharmacy);
    fill(&mut op, &before_cov.outpatient, &after_cov.outpatient);
    fill(&mut ip, &before_cov.inpatient, &after_cov.inpatient);
    CoverageChange {
        radius_m: radius,
        exiting: exiting.to_vec(),
        before: before_cov,
        after: after_cov,
        lost: Losses { pharmacy: ph, outpatient: op, inpatient: ip },
        cells_losing_count: cells.len(),
        population_losing,
        cells_losing_coverage: cells,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_assessment_rule_has_a_function() {
        for d in ASSESSMENT_RULES {
            assert!(exit_fn(d.id).is_some() || d.id == "agreement.term", "{} has no function", d.id);
        }
    }

    #[test]
    fn rule_ids_are_unique_across_families() {
        let mut ids: Vec<&str> =
            crate::policy::rule_families().iter().flat_map(|(_, d)| d.iter().map(|d| d.id)).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }

    #[test]
    fn ties_share_the_rank() {
        // Scores 50, 60, 60, 70 with a bottom of 2: the two 60s share positions 2–3.
        let st = standing(60.0, [50.0, 60.0, 60.0, 70.0].into_iter());
        assert_eq!((st.lower, st.tied, st.higher), (1, 2, 1));
        assert_eq!(within_bottom(&st, 2, TieAtCutoff::All), (true, true));
        assert_eq!(within_bottom(&st, 2, TieAtCutoff::None), (false, true));
        assert_eq!(within_bottom(&st, 3, TieAtCutoff::None), (true, false));
        // All tied: nobody ranks behind anyone.
        let st = standing(60.0, [60.0, 60.0].into_iter());
        assert_eq!(within_bottom(&st, 1, TieAtCutoff::All), (false, false));
    }
}
