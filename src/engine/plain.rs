//! The decision in everyday words, for the public's guided check: one short paragraph with the
//! answer, the reasons with the deciding figures ("离您选址最近的同类定点药店约 140 米，规划要求
//! 800 米内不能已有同类定点药店"), and what would change the answer. Built from the decision's
//! trace; the figures a sentence quotes come from the same functions the rules use.

use serde::Serialize;

use super::prepared::Prepared;
use super::proximity::{nearest, NeighboursOr};
use super::{pharmacy, Decision, Outcome, TraceEntry, Verdict};
use crate::policy::rule_def;
use crate::policy::rules::Condition;
use crate::scenario::{Application, Change};
use crate::spatial::AreaClass;
use crate::text::{num, Text};

/// One reason in everyday words, with the clause it rests on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reason {
    pub rule: String,
    pub clause: String,
    pub verdict: Verdict,
    /// A condition of the place or of the time (`RuleDef::condition`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
    pub text: Text,
    /// What the applicant (or the city) could change for this reason to go away or stay away.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explanation {
    pub outcome: Outcome,
    /// The outcome on the conditions of the place alone (`Decision::where_outcome`).
    pub where_outcome: Outcome,
    /// What this place would get under the plan's location rules: "在这个位置，按规划草案的位置
    /// 规则会受理".
    pub place: Text,
    /// What the conditions of the time still ask, each once: "开业满 3 个月后才能申请"; the fund
    /// state once for the whole city. Empty when they are all met.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<Text>,
    /// One short paragraph: the answer and its main reason; with conditions of the time unmet,
    /// it leads with `place` and `when`.
    pub summary: Text,
    /// The deciding reason first, then the others that bit, then the location rules it passed.
    pub reasons: Vec<Reason>,
    /// What would change the answer, without repeats.
    pub changes: Vec<Text>,
    /// Said with every answer: a simulation of a draft, not an official decision.
    pub framing: Text,
}

/// About how far, as people say it: "约 140 米", "约 1.2 公里".
pub fn about_distance(d: f64) -> Text {
    if d < 995.0 {
        let m = ((d / 10.0).round() * 10.0).max(10.0);
        Text::new(format!("约 {} 米", num(m, 0)), format!("about {} m", num(m, 0)))
    } else {
        let km = num(d / 1000.0, 1);
        Text::new(format!("约 {km} 公里"), format!("about {km} km"))
    }
}

fn neighbours(rule: &str, prep: &Prepared, app: &Application) -> Option<NeighboursOr> {
    let active = prep.policy.rules.iter().find(|r| r.def.id == rule)?;
    super::proximity::neighbours_of(active, &prep.ctx(), app)
}

fn strip_article(en: &str) -> &str {
    en.strip_prefix("a ").or_else(|| en.strip_prefix("an ")).unwrap_or(en)
}

/// What the applicant is asking for, as the subject of the answer.
fn subject(app: &Application) -> Text {
    let k = app.kind.label();
    match app.change {
        Change::New => Text::new(
            format!("您在所选地点新开{}的医保定点申请", k.zh),
            format!("an application to designate a new {} at the chosen site", k.en),
        ),
        Change::NewSite => Text::new(
            format!("您在所选地点新增{}执业点的医保定点申请", k.zh),
            format!("an application for a new site of a {} at the chosen place", k.en),
        ),
        Change::AddressChange => {
            Text::new(format!("您的{}迁到所选地点的申请", k.zh), format!("moving your {} to the chosen site", k.en))
        }
    }
}

/// The pointers from a way to choose elsewhere down to the places the answer lists.
const SEE_NEAREST_BELOW: (&str, &str) = ("（见下面离您最近的可受理地点）", " (see the nearest such places below)");
const SEE_PLACES_BELOW: (&str, &str) = ("（见下面的可受理地点）", " (see the places below)");

/// The everyday sentence for one trace entry, and what would change it. `None`: the entry says
/// nothing the public needs (a plain pass of a rule that does not depend on the site).
fn reason(prep: &Prepared, app: &Application, e: &TraceEntry, places_below: bool) -> Option<(Text, Option<Text>)> {
    // Where the answer lists other places, a way to choose elsewhere points down to them.
    let see_below = |zh: String, en: String, below: (&str, &str)| {
        if places_below {
            Text::new(format!("{zh}{}", below.0), format!("{en}{}", below.1))
        } else {
            Text::new(zh, en)
        }
    };
    // The rule's own radius where the preset gives one.
    let r = prep
        .policy
        .rules
        .iter()
        .find(|a| a.def.id == e.rule)
        .and_then(|a| a.radius_m)
        .unwrap_or(prep.policy.params.service_radius_m);
    let rs = num(r, 0);
    let v = e.verdict;
    let proximity = |n: &super::proximity::Neighbours| {
        let what = &n.what;
        let near = nearest(&prep.ctx(), app, n);
        let (dz, de) = match near {
            Some((_, d)) => {
                let a = about_distance(d);
                (a.zh.into_owned(), a.en.into_owned())
            }
            None => ("50 公里以上".to_string(), "over 50 km".to_string()),
        };
        (what.text(), dz, de)
    };
    let generic = || {
        let title = rule_def(&e.rule).map(|d| d.title()).unwrap_or_else(|| Text::new(e.rule.clone(), e.rule.clone()));
        Text::new(format!("{}：{}", title.zh, e.detail.zh), format!("{}: {}", title.en, e.detail.en))
    };
    let silent_change = || {
        Text::new(
            "规划原文对此没有规定，要等政策制定部门说明；专家视图里可以切换不同理解看结果如何变化",
            "the plan's text is silent here; it takes the policymakers to say; the expert view lets you try each reading",
        )
    };
    let city_wide = Text::new(
        "这一条对全市所有新申请都一样，换个地点也不会改变；要等下一年度情况变化",
        "this applies to every new application in the city, so another site would not help; it takes next year's situation to change",
    );

    let rule: &str = &e.rule;
    let out = match (rule, v) {
        ("pharmacy.same_type_nearby" | "inpatient.same_type_nearby" | "outpatient.nearby", _) => {
            let Some(Ok(n)) = neighbours(rule, prep, app) else {
                return (v != Verdict::Pass && v != Verdict::NotApplicable).then(|| (generic(), None));
            };
            let (what, dz, de) = proximity(&n);
            let what_en = strip_article(&what.en);
            match v {
                Verdict::Fail | Verdict::Suspend => (
                    Text::new(
                        format!("离您选址最近的{}{dz}，规划要求 {rs} 米内不能已有{}", what.zh, what.zh),
                        format!(
                            "the nearest {what_en} is {de} from your site; the plan accepts no new one with {} within {rs} m",
                            what.en
                        ),
                    ),
                    Some(see_below(
                        format!("选一处 {rs} 米内没有{}的地点", what.zh),
                        format!("choose a site with no {what_en} within {rs} m"),
                        SEE_NEAREST_BELOW,
                    )),
                ),
                Verdict::Pass => (
                    Text::new(
                        format!("离您选址最近的{}{dz}，在 {rs} 米以外，符合要求", what.zh),
                        format!("the nearest {what_en} is {de} from your site, beyond {rs} m: this condition is met"),
                    ),
                    Some(Text::new(
                        format!("如果在您之前有{}在 {rs} 米内成为定点，结果会变", what.zh),
                        format!("if {} within {rs} m is designated before you, the answer changes", what.en),
                    )),
                ),
                _ => return None,
            }
        }
        ("outpatient_pharmacy.no_new", Verdict::Fail | Verdict::Pass) => {
            let Some(Ok(n)) = neighbours(rule, prep, app) else {
                return Some((generic(), None));
            };
            let (what, dz, de) = proximity(&n);
            let what_en = strip_article(&what.en);
            let rule_text = Text::new(
                format!("规划原则上不再新增，只有 {rs} 米内没有{}时才择优纳入", what.zh),
                format!("the plan adds no new ones in principle, except where no {what_en} is within {rs} m"),
            );
            if v == Verdict::Fail {
                (
                    Text::new(
                        format!("离您选址最近的{}{dz}；{}", what.zh, rule_text.zh),
                        format!("the nearest {what_en} is {de} from your site; {}", rule_text.en),
                    ),
                    Some(see_below(
                        format!("选一处 {rs} 米内没有{}的地点", what.zh),
                        format!("choose a site with no {what_en} within {rs} m"),
                        SEE_NEAREST_BELOW,
                    )),
                )
            } else {
                (
                    Text::new(
                        format!("离您选址最近的{}{dz}；{}", what.zh, rule_text.zh),
                        format!("the nearest {what_en} is {de} from your site; {}", rule_text.en),
                    ),
                    None,
                )
            }
        }
        ("fund.months_below_minimum", Verdict::Suspend) => {
            let f = prep.scenario.city.fund.unwrap_or_default();
            let p = &prep.policy.params;
            let mut parts_zh = Vec::new();
            let mut parts_en = Vec::new();
            if let Some(m) = f.employee_months.filter(|&m| m < p.employee_fund_min_months) {
                parts_zh.push(format!(
                    "职工医保统筹基金结余只够支付 {} 个月（规定至少 {} 个月）",
                    num(m, 1),
                    num(p.employee_fund_min_months, 1)
                ));
                parts_en.push(format!(
                    "the employee fund's balance covers only {} months (at least {} required)",
                    num(m, 1),
                    num(p.employee_fund_min_months, 1)
                ));
            }
            if let Some(m) = f.resident_months.filter(|&m| m < p.resident_fund_min_months) {
                parts_zh.push(format!(
                    "居民医保基金结余只够支付 {} 个月（规定至少 {} 个月）",
                    num(m, 1),
                    num(p.resident_fund_min_months, 1)
                ));
                parts_en.push(format!(
                    "the resident fund's balance covers only {} months (at least {} required)",
                    num(m, 1),
                    num(p.resident_fund_min_months, 1)
                ));
            }
            (
                Text::new(
                    format!("本市上年度{}，全市当年暂停受理新增定点", parts_zh.join("，")),
                    format!(
                        "last year {}, so new designations are suspended city-wide this year",
                        parts_en.join(" and ")
                    ),
                ),
                Some(city_wide),
            )
        }
        ("fund.deficit", Verdict::Suspend) => (
            Text::new(
                "本市医保基金上年度出现赤字，全市当年暂停受理新增定点",
                "the city's insurance fund was in deficit last year, so new designations are suspended city-wide this year",
            ),
            Some(city_wide),
        ),
        ("fund.warning_letter", Verdict::Suspend) => (
            Text::new(
                "本市收到上级医保部门的基金运行风险预警函，全市当年暂停受理新增定点",
                "the city received a fund-risk warning letter, so new designations are suspended city-wide this year",
            ),
            Some(city_wide),
        ),
        ("inpatient.city_supply", Verdict::Suspend) => {
            let f = &prep.figures;
            match (f.measured_beds_per_1000, f.actual_beds_per_1000) {
                (Some(m), Some(a)) => (
                    Text::new(
                        format!("按医保测算，全市每千人需要 {} 张床位，少于目标 {} 张和现有 {} 张，全市当年暂停新增住院定点", num(m, 2), num(f.target_beds_per_1000, 2), num(a, 2)),
                        format!("by the insurance calculation the city needs {} beds per 1,000 residents, fewer than the target {} and the {} it has: new inpatient designations are suspended city-wide this year", num(m, 2), num(f.target_beds_per_1000, 2), num(a, 2)),
                    ),
                    Some(city_wide),
                ),
                _ => (generic(), Some(city_wide)),
            }
        }
        ("inpatient.county_supply", Verdict::Suspend) => {
            let county = app.county.as_deref().unwrap_or_default();
            let name = prep
                .scenario
                .counties
                .iter()
                .find(|c| c.id == county)
                .map(|c| c.name.clone())
                .unwrap_or(county.to_string());
            match prep.figures.county(county).and_then(|c| c.measured_beds_per_1000) {
                Some(m) => (
                    Text::new(
                        format!("按医保测算，{name}每千人需要 {} 张床位，少于目标 {} 张，县内当年暂停新增住院定点", num(m, 2), num(prep.figures.target_beds_per_1000, 2)),
                        format!("by the insurance calculation {name} needs {} beds per 1,000 residents, fewer than the target {}: new inpatient designations are suspended in the county this year", num(m, 2), num(prep.figures.target_beds_per_1000, 2)),
                    ),
                    Some({
                        let elsewhere = see_below("在需要更多床位的其他县区申请".into(), "apply in a county that needs more beds".into(), SEE_PLACES_BELOW);
                        Text::new(format!("{}，或等下一年度", elsewhere.zh), format!("{}, or wait for next year", elsewhere.en))
                    }),
                ),
                None => (generic(), None),
            }
        }
        ("pharmacy.area_class", Verdict::Priority | Verdict::Gap | Verdict::Fail) => {
            let ctx = prep.ctx();
            let key = prep.areas.key_at(app.lon, app.lat, app.area.as_deref());
            let a = pharmacy::read_area(&ctx, app, &key);
            let p = &prep.policy.params;
            match a.class {
                AreaClass::Blank => (
                    Text::new(
                        "您选址所在片区目前没有定点药店，按规划新开且符合要求的药店优先纳入",
                        "there is no designated pharmacy in your site's area yet: a new pharmacy that meets the plan comes first",
                    ),
                    None,
                ),
                _ => {
                    let density = a.per_10k.map(|d| num(d, 1)).unwrap_or_default();
                    let told = Text::new(
                        format!("您选址所在片区药店已较密集（每万人约 {density} 家定点药店，高于假设的 {} 家）", num(p.pharmacy_saturated_above_per_10k, 1)),
                        format!("your site's area is already dense with pharmacies (about {density} designated per 10,000 residents, above the assumed {})", num(p.pharmacy_saturated_above_per_10k, 1)),
                    );
                    if v == Verdict::Gap {
                        (
                            Text::new(format!("{}；规划只说这类片区要“逐步优化”，没说是否受理，所以结果待定", told.zh), format!("{}; the plan says only that such areas are “gradually optimised”, not whether to accept, so the answer is open", told.en)),
                            Some(silent_change()),
                        )
                    } else {
                        (
                            Text::new(
                                format!("{}；按当前理解不受理", told.zh),
                                format!("{}; under the current reading not accepted", told.en),
                            ),
                            Some(Text::new("选一处药店不那么密集的片区", "choose an area with fewer pharmacies")),
                        )
                    }
                }
            }
        }
        ("national.operating_months", Verdict::Fail) => (
            Text::new(
                format!(
                    "机构要正式运营满 3 个月才能申请，您填的是 {} 个月",
                    num(app.operating_months.unwrap_or(0.0), 1)
                ),
                format!(
                    "an institution must have operated for 3 months before it applies; you said {}",
                    num(app.operating_months.unwrap_or(0.0), 1)
                ),
            ),
            Some(Text::new("正式运营满 3 个月后再申请", "apply once you have operated for 3 months")),
        ),
        ("national.pharmacist", Verdict::Fail) => (
            Text::new(
                "药店至少要有 1 名执业药师（或有药学专业技术资格的药师），您填的是 0 名",
                "a pharmacy needs at least 1 licensed pharmacist; you said none",
            ),
            Some(Text::new("配备至少 1 名药师", "employ at least 1 pharmacist")),
        ),
        ("national.physician", Verdict::Fail) => (
            Text::new(
                "机构至少要有 1 名第一注册地在本机构的医师，您填的是 0 名",
                "the institution needs at least 1 physician registered there first; you said none",
            ),
            Some(Text::new(
                "至少有 1 名医师以本机构为第一注册地",
                "have at least 1 physician registered first at the institution",
            )),
        ),
        ("national.insurance_dept", Verdict::Fail) => (
            Text::new(
                "100 张床位以上的医疗机构要设内部医保管理部门，您填的是没有",
                "an institution with 100 beds or more needs an internal insurance department; you said it has none",
            ),
            Some(Text::new("设立内部医保管理部门", "set up an internal insurance department")),
        ),
        ("staffing.insurance_office", Verdict::Fail) => (
            Text::new(
                format!("医保办人员不够：{}", e.detail.zh),
                format!("not enough insurance-office staff: {}", e.detail.en),
            ),
            Some(Text::new("配齐医保办工作人员", "staff the insurance office as required")),
        ),
        ("negative_list", Verdict::Fail) => (
            Text::new(
                format!("您填写的情形在负面清单内：{}", e.detail.zh),
                format!("the situation you stated is on the negative list: {}", e.detail.en),
            ),
            Some(Text::new("期满后再申请", "apply after the bar ends")),
        ),
        ("primary_care.priority", Verdict::Priority) => (
            Text::new(
                "乡镇卫生院、社区卫生服务机构等基层医疗卫生机构按规划优先纳入",
                "township health centres, community health services and other primary-care institutions come first under the plan",
            ),
            None,
        ),
        ("exempt.key_project" | "exempt.listed", Verdict::Exempt) => (
            Text::new(
                format!("您的机构不受本规划的数量和布局限制：{}", e.detail.zh),
                format!("your institution is not limited by the plan's numbers and layout: {}", e.detail.en),
            ),
            None,
        ),
        (_, Verdict::Gap) => (generic(), Some(silent_change())),
        (_, Verdict::Fail | Verdict::Suspend | Verdict::Priority | Verdict::Exempt) => (generic(), None),
        _ => return None,
    };
    Some(out)
}

/// What this place would get under the plan's location rules (the conditions of the place).
fn place_sentence(where_outcome: Outcome) -> Text {
    match where_outcome {
        Outcome::Accepted => Text::new(
            "在这个位置，按规划草案的位置规则会受理",
            "At this place, the draft plan's location rules would accept it",
        ),
        Outcome::Prioritized => Text::new(
            "在这个位置，按规划草案的位置规则会优先纳入",
            "At this place, the draft plan's location rules would give it priority",
        ),
        Outcome::Rejected => Text::new(
            "在这个位置，按规划草案的位置规则不会受理",
            "At this place, the draft plan's location rules would not accept it",
        ),
        Outcome::Suspended => Text::new(
            "在这个位置，按规划草案的位置规则今年暂停受理",
            "At this place, the draft plan's location rules suspend it this year",
        ),
        Outcome::Undetermined => Text::new(
            "在这个位置，规划草案的位置规则没有明确规定，结果待定",
            "At this place, the draft plan's location rules do not settle it",
        ),
    }
}

/// What the unmet conditions of the time (`Decision::when_entries`, `Surface::when_unmet`) still
/// ask of `app`, each once.
pub fn still_needed_all<'a>(app: &Application, entries: impl IntoIterator<Item = &'a TraceEntry>) -> Vec<Text> {
    let mut when: Vec<Text> = Vec::new();
    for e in entries {
        let t = still_needed(app, e);
        if !when.contains(&t) {
            when.push(t);
        }
    }
    when
}

/// What an unmet condition of the time still asks, in a few words. The fund rules say one
/// thing for the whole city, so they share one sentence.
fn still_needed(app: &Application, e: &TraceEntry) -> Text {
    match (&*e.rule, e.verdict) {
        ("national.operating_months", Verdict::Fail) => {
            let m = app.operating_months.unwrap_or(0.0);
            if m > 0.0 {
                let left = num(3.0 - m, 1);
                Text::new(
                    format!("开业满 3 个月后才能申请（还差 {left} 个月）"),
                    format!("it may apply once it has been open for 3 months ({left} to go)"),
                )
            } else {
                Text::new("开业满 3 个月后才能申请", "it may apply once it has been open for 3 months")
            }
        }
        ("national.pharmacist", Verdict::Fail) => {
            Text::new("还要配备至少 1 名药师", "it still needs at least 1 pharmacist")
        }
        ("national.physician", Verdict::Fail) => Text::new(
            "还要有至少 1 名第一注册地在本机构的医师",
            "it still needs at least 1 physician registered first there",
        ),
        ("national.insurance_dept", Verdict::Fail) => {
            Text::new("还要设立内部医保管理部门", "it still needs an internal insurance department")
        }
        ("staffing.insurance_office", Verdict::Fail) => {
            Text::new("还要配齐医保办人员", "it still needs the insurance-office staff")
        }
        ("negative_list", Verdict::Fail) => {
            Text::new("负面清单的限制期满后才能申请", "it may apply once the negative-list bar ends")
        }
        ("medical_aid.designated_only", Verdict::Fail) => Text::new(
            "先成为医保定点医疗机构，才能申请医疗救助定点",
            "it must be a designated medical institution before it applies for medical aid",
        ),
        (fund, Verdict::Suspend) if fund.starts_with("fund.") => Text::new(
            "全市今年因医保基金情况暂停受理新增定点，在哪里都一样，要等下一年度",
            "the insurance fund's state suspends new designations city-wide this year, wherever the site: it takes next year",
        ),
        _ => {
            let title =
                rule_def(&e.rule).map(|d| d.title()).unwrap_or_else(|| Text::new(e.rule.clone(), e.rule.clone()));
            Text::new(
                format!("还要满足“{}”（{}）", title.zh, e.detail.zh),
                format!("it still has to meet “{}” ({})", title.en, e.detail.en),
            )
        }
    }
}

/// The decision `d` of `app` in everyday words. `places_below`: the answer lists other places
/// where it would be accepted, to which a way to choose elsewhere points.
pub fn explain(prep: &Prepared, app: &Application, d: &Decision, places_below: bool) -> Explanation {
    let deciding = d.deciding_rule().map(|e| e.rule.clone());
    let mut order: Vec<&TraceEntry> = Vec::new();
    if let Some(e) = d.deciding_rule() {
        order.push(e);
    }
    for e in &d.rules {
        if Some(&e.rule) == deciding.as_ref() {
            continue;
        }
        let bites =
            matches!(e.verdict, Verdict::Fail | Verdict::Suspend | Verdict::Gap | Verdict::Priority | Verdict::Exempt);
        let site = e.verdict == Verdict::Pass && super::surface::LOCATION_RULES.contains(&&*e.rule);
        if bites || site {
            order.push(e);
        }
    }
    let mut reasons = Vec::new();
    for e in order {
        if let Some((text, change)) = reason(prep, app, e, places_below) {
            reasons.push(Reason {
                rule: e.rule.to_string(),
                clause: e.clause.to_string(),
                verdict: e.verdict,
                condition: rule_def(&e.rule).and_then(|d| d.condition),
                text,
                change,
            });
        }
    }
    let mut changes: Vec<Text> = Vec::new();
    for r in &reasons {
        // Only what would change this answer: for an open answer the risks, else the obstacles;
        // at a place the location rules accept, the risks too while the applicant waits.
        let open = |o: Outcome| matches!(o, Outcome::Accepted | Outcome::Prioritized);
        let relevant = if open(d.outcome) {
            r.verdict == Verdict::Pass
        } else {
            r.verdict != Verdict::Pass || open(d.where_outcome)
        };
        if let (true, Some(c)) = (relevant, &r.change) {
            if !changes.contains(c) {
                changes.push(c.clone());
            }
        }
    }

    let who = subject(app);
    let main = reasons.first().filter(|r| r.verdict != Verdict::Pass).map(|r| r.text.clone());
    let because = |t: &Option<Text>| match t {
        Some(t) => Text::new(format!("原因：{}。", t.zh), format!("Why: {}.", t.en)),
        None => Text::default(),
    };
    let b = because(&main);
    let summary = match d.outcome {
        Outcome::Accepted => Text::new(
            format!("按规划草案的规则模拟，{}会被受理，进入评估。受理不等于一定成为定点：之后还有评估和签订协议。", who.zh),
            format!("Simulated under the draft plan's rules, {} would be accepted for assessment. Acceptance is not designation: assessment and an agreement follow.", who.en),
        ),
        Outcome::Prioritized => Text::new(
            format!("按规划草案的规则模拟，{}会被优先纳入评估。{}", who.zh, b.zh),
            format!("Simulated under the draft plan's rules, {} would be assessed with priority. {}", who.en, b.en),
        ),
        Outcome::Rejected => Text::new(
            format!("按规划草案的规则模拟，{}不会被受理。{}", who.zh, b.zh),
            format!("Simulated under the draft plan's rules, {} would not be accepted. {}", who.en, b.en),
        ),
        Outcome::Suspended => Text::new(
            format!("按规划草案的规则模拟，{}今年会被暂停受理。{}", who.zh, b.zh),
            format!("Simulated under the draft plan's rules, {} would be suspended this year. {}", who.en, b.en),
        ),
        Outcome::Undetermined => Text::new(
            format!("规划草案对您的情况没有明确规定，{}的结果待定。{}", who.zh, b.zh),
            format!("The draft plan does not settle your case: the answer to {} is open. {}", who.en, b.en),
        ),
    };
    // A condition of the time unmet: the answer leads with what this place would get and what
    // must still happen, so a shop not yet open learns both.
    let place = place_sentence(d.where_outcome);
    let when = still_needed_all(app, d.when_entries());
    let summary = if when.is_empty() {
        summary
    } else {
        let where_reason = d.deciding_where_rule().and_then(|w| reasons.iter().find(|r| r.rule == w.rule));
        let why = because(&where_reason.map(|r| r.text.clone()));
        let (wz, we): (Vec<&str>, Vec<&str>) = when.iter().map(|t| (&*t.zh, &*t.en)).unzip();
        Text::new(
            format!("{}；{}。{}", place.zh, wz.join("；"), why.zh),
            format!("{}; {}. {}", place.en, we.join("; "), why.en),
        )
    };
    let short = &prep.policy.preset.short;
    // The presets' short names already say 征求意见稿; a user's preset may not.
    let draft = if short.zh.contains("征求意见稿") { String::new() } else { "（征求意见稿）".to_string() };
    let framing = Text::new(
        format!("这是按{}{draft}的规则做的模拟，不是医保部门的正式决定。", short.zh),
        format!(
            "This is a simulation of the rules of a draft plan ({}), not an official decision of the insurance bureau.",
            short.en
        ),
    );
    Explanation {
        outcome: d.outcome,
        where_outcome: d.where_outcome,
        place,
        when,
        summary: Text::new(summary.zh.trim_end().to_owned(), summary.en.trim_end().to_owned()),
        reasons,
        changes,
        framing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_are_said_as_people_say_them() {
        assert_eq!(about_distance(143.7).zh, "约 140 米");
        assert_eq!(about_distance(409.0).en, "about 410 m");
        assert_eq!(about_distance(3.0).zh, "约 10 米");
        assert_eq!(about_distance(1234.0).zh, "约 1.2 公里");
        assert_eq!(about_distance(998.0).en, "about 1 km");
    }
}
