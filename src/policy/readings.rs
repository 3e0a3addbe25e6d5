//! The readings register: every interpretation switch and every assumption of the presets, with
//! the clause it reads (quoted from the clause index), the question the text leaves open, each
//! possible reading, and each preset's default with its reason. It is built from the parameter
//! table, the presets and the clause index, so a parameter added there appears here by itself;
//! only its link to a clause is written below, and a test asks for it.

use serde::Serialize;
use serde_json::Value;

use super::clauses::{clause, Clause, CLAUSES};
use super::params::{Group, ParamDef, ParamKind, PARAMETERS};
use super::Preset;
use crate::text::{num, Text};

/// Which clause a parameter's reading rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    pub param: &'static str,
    /// Only under this preset, whose text cites another clause for it; `None`: every preset.
    pub preset: Option<&'static str>,
    /// A clause id of `CLAUSES`.
    pub clause: &'static str,
    /// A true/false switch's two readings, (zh, en) for `true` then `false`; a choice's options
    /// carry their own labels in the parameter table.
    pub answers: Option<[(&'static str, &'static str); 2]>,
}

const fn link(param: &'static str, clause: &'static str) -> Link {
    Link { param, preset: None, clause, answers: None }
}
const fn link_in(preset: &'static str, param: &'static str, clause: &'static str) -> Link {
    Link { param, preset: Some(preset), clause, answers: None }
}
const fn yes_no(
    param: &'static str,
    clause: &'static str,
    yes: (&'static str, &'static str),
    no: (&'static str, &'static str),
) -> Link {
    Link { param, preset: None, clause, answers: Some([yes, no]) }
}

/// Every switch and assumption (and the other parameters a clause gives) with its clause.
pub static LINKS: &[Link] = &[
    link("target_beds_per_1000", "linyi-2025 三(一)1"),
    link("fund_coef_enabled", "linyi-2025 附件"),
    link("fund_coef_source", "linyi-2025 附件"),
    link("patient_coef_enabled", "linyi-2025 附件"),
    link("service_radius_m", "linyi-2025 二(三)1"),
    link_in("xian-2025", "service_radius_m", "xian-2025 规划目标和内容(二)2"),
    link("employee_fund_min_months", "linyi-2025 三(三)3"),
    link("resident_fund_min_months", "linyi-2025 三(三)3"),
    link("pharmacy_area_cell_m", "linyi-2025 三(二)"),
    link("pharmacy_insufficient_below_per_10k", "linyi-2025 三(二)"),
    link("pharmacy_saturated_above_per_10k", "linyi-2025 三(二)"),
    link("special_drug_quota", "xian-2025 规划目标和内容(二)3(2)"),
    link("negative_list_years", "linyi-2019 政策措施(三)"),
    link("staffing_min_up_to_100_beds", "linyi-2019 政策措施(二)"),
    link("staffing_min_101_to_1000_beds", "linyi-2019 政策措施(二)"),
    link("staffing_min_over_1000_beds", "linyi-2019 政策措施(二)"),
    link("exit_score_min", "linyi-2019 政策措施(三)(五)"),
    link("exit_satisfaction_min_pct", "linyi-2019 政策措施(三)"),
    link("exit_bottom_share_pct", "linyi-2019 政策措施(三)"),
    link("last_place_severe_excess_pct", "linyi-2019 政策措施(三)(五)"),
    link("last_place_layout_test", "linyi-2019 政策措施(三)(五)"),
    link("agreement_term_years", "linyi-2019 政策措施(四)"),
    link("agreement_extended_term_years", "linyi-2019 政策措施(四)"),
    link("budget_surplus_retained_pct", "shandong-2024 二(三)"),
    link("budget_overspend_fund_share_pct", "shandong-2024 二(三)"),
    link("budget_objective_compensation_pct", "shandong-2024 二(三)"),
    link("budget_prepay_months", "shandong-2024 二(四)"),
    link("budget_assessment_link", "shandong-2024 二(四)"),
    link("budget_assessment_full_score", "shandong-2024 二(四)"),
    link("reimbursement_gap_min_pp", "shandong-2024 三(一)"),
    link("dip_primary_diseases_min", "shandong-2024 三(四)"),
    link("drg_primary_groups_min", "shandong-2024 三(四)"),
    link("primary_groups_due_year", "shandong-2024 三(四)"),
    link("between_band", "linyi-2025 三(一)1(1)(2)"),
    link("city_supply_scope", "linyi-2025 三(一)1(1)(2)"),
    link("same_type_nearby_effect", "linyi-2025 三(一)1②"),
    link("saturated_pharmacy_area", "linyi-2025 三(二)"),
    yes_no(
        "key_project_escapes_fund",
        "linyi-2025 三(四)3",
        (
            "也不受基金暂停限制（基金暂停属于本规划）",
            "escapes the fund suspension too (the suspension is part of the plan)",
        ),
        (
            "仍受基金暂停限制（基金暂停不属于本规划）",
            "is still suspended by the fund rules (they are not part of the plan)",
        ),
    ),
    yes_no(
        "staffing_is_admission_condition",
        "linyi-2019 政策措施(二)",
        (
            "是受理条件：人数不足不予受理（令2号第六条(三)）",
            "an admission condition: too few staff rejects (Order No. 2 Art. 6(3))",
        ),
        ("定点后的义务：符合，附提示", "a duty once designated: a pass with a warning note"),
    ),
    link("staffing_at_1000_beds", "linyi-2019 政策措施(二)"),
    link("xian_inpatient_default", "xian-2025 规划目标和内容(二)1"),
    yes_no(
        "xian_count_non_designated",
        "xian-2025 规划目标和内容(二)2",
        ("计入（字面：条文未说“定点”）", "counts (literal: the text does not say designated)"),
        ("不计入，只计定点机构", "does not count: designated institutions only"),
    ),
    link("xian_special_drug_regime", "xian-2025 规划目标和内容(二)3(2)"),
    link("primary_care_same_type", "linyi-2025 三(一)1②"),
    link("listed_primary_care_circle", "linyi-2025 三(一)2 ¶2"),
    yes_no(
        "in_house_clinics_etc",
        "linyi-2025 三(一)2 ¶2",
        ("包括：养老机构内设医疗机构也可优先纳入", "included: elderly-care-home clinics come first too"),
        (
            "不包括：只有点名的高等院校等内设医疗机构（字面）",
            "not included: only the in-university clinics the text names (literal)",
        ),
    ),
    yes_no(
        "xian_outpatient_etc",
        "xian-2025 规划目标和内容(二)2",
        (
            "包括：其他仅提供门诊服务的机构也适用（“等”不是封闭列举）",
            "included: other outpatient-only institutions too (“等” is no closed list)",
        ),
        ("不包括：只适用门诊部、诊所", "not included: outpatient departments and clinics only"),
    ),
    link("change_without_clause", "xian-2025 规划目标和内容(二)"),
    link("exit_tie_at_cutoff", "linyi-2019 政策措施(三)"),
    link("exit_negative_list_scope", "linyi-2019 政策措施(三)"),
];

/// The link of a parameter under a preset: the preset's own, else the one for every preset.
pub fn link_of(preset: &str, param: &str) -> Option<&'static Link> {
    LINKS
        .iter()
        .find(|l| l.param == param && l.preset == Some(preset))
        .or_else(|| LINKS.iter().find(|l| l.param == param && l.preset.is_none()))
}

/// Interpretation switches: the parameters of the table's “where the text is silent” group, and
/// any other that asks the question the text leaves open (a choice among its budget rules, say).
pub fn is_switch(def: &ParamDef) -> bool {
    def.group == Group::Switches || def.question().is_some()
}

/// The anchor of a parameter's entry, in the app and in docs/readings.md.
pub fn anchor(param: &str) -> String {
    format!("reading-{param}")
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Switch,
    Assumption,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reading {
    pub value: String,
    pub label: Text,
}

/// One preset's default for an entry, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PresetDefault {
    pub preset: String,
    pub short: Text,
    pub value: Value,
    /// The value as a reader says it: the choice's label, or the number with its unit.
    pub reading: Text,
    /// The preset's `source`: the clause the default comes from, or why it is assumed.
    pub source: Text,
    pub assumption: bool,
    /// The clause id this preset's reading rests on; `None` when the link is missing.
    pub clause: Option<&'static str>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entry {
    pub param: &'static str,
    pub anchor: String,
    pub kind: EntryKind,
    pub label: Text,
    /// The question the text leaves open (switches).
    pub question: Option<Text>,
    /// Each possible reading: a switch's choices; empty for a number.
    pub readings: Vec<Reading>,
    /// The clauses the presets' readings rest on, each once, in preset order.
    pub clauses: Vec<&'static Clause>,
    pub defaults: Vec<PresetDefault>,
}

impl Entry {
    pub fn default_in(&self, preset: &str) -> Option<&PresetDefault> {
        self.defaults.iter().find(|d| d.preset == preset)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PresetHead {
    pub id: String,
    pub short: Text,
    pub title: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Register {
    pub presets: Vec<PresetHead>,
    /// Switches first (the table's switch group, then other open questions), then assumptions,
    /// each in the parameter table's order.
    pub entries: Vec<Entry>,
}

impl Register {
    /// The register of these presets: every switch, and every parameter one of them assumes.
    pub fn of(presets: &[Preset]) -> Register {
        let presets: Vec<Preset> = presets.iter().map(super::complete_preset).collect();
        let assumed = |def: &ParamDef| presets.iter().any(|p| p.parameters.get(def.id).is_some_and(|s| s.assumption));
        // The table's own switches first, then the open questions of other groups.
        let mut switches: Vec<&'static ParamDef> = PARAMETERS.iter().filter(|d| is_switch(d)).collect();
        switches.sort_by_key(|d| d.group != Group::Switches);
        let switches = switches.into_iter().map(|d| (d, EntryKind::Switch));
        let assumptions = PARAMETERS.iter().filter(|d| !is_switch(d) && assumed(d)).map(|d| (d, EntryKind::Assumption));
        let mut entries: Vec<Entry> =
            switches.chain(assumptions).map(|(def, kind)| entry(def, kind, &presets)).collect();
        entries.extend(BUILT_IN.iter().map(|b| built_in_entry(b, &presets)));
        let heads = presets
            .iter()
            .map(|p| PresetHead { id: p.id.clone(), short: p.short.clone(), title: p.title.clone() })
            .collect();
        Register { presets: heads, entries }
    }

    pub fn entry(&self, param: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.param == param)
    }
}

fn entry(def: &'static ParamDef, kind: EntryKind, presets: &[Preset]) -> Entry {
    let readings = match def.kind {
        ParamKind::Choice(opts) => {
            opts.iter().map(|o| Reading { value: o.value.into(), label: Text::new(o.zh, o.en) }).collect()
        }
        ParamKind::Bool => {
            [true, false].into_iter().map(|b| Reading { value: b.to_string(), label: bool_label(def, b) }).collect()
        }
        ParamKind::Number { .. } => Vec::new(),
    };
    let mut clauses: Vec<&'static Clause> = Vec::new();
    let defaults = presets
        .iter()
        .filter_map(|p| {
            let spec = p.parameters.get(def.id)?;
            let clause_id = link_of(&p.id, def.id).map(|l| l.clause);
            if let Some(c) = clause_id.and_then(clause) {
                if !clauses.iter().any(|o| o.id == c.id) {
                    clauses.push(c);
                }
            }
            Some(PresetDefault {
                preset: p.id.clone(),
                short: p.short.clone(),
                value: spec.default.clone(),
                reading: value_reading(def, &spec.default),
                source: spec.source.clone(),
                assumption: spec.assumption,
                clause: clause_id,
            })
        })
        .collect();
    Entry {
        param: def.id,
        anchor: anchor(def.id),
        kind,
        label: def.label(),
        question: def.question(),
        readings,
        clauses,
        defaults,
    }
}

/// The built-in assumption that sorts the rules into conditions of the place and of the time
/// (`Condition`); every answer split between the two names it.
pub const WHERE_WHEN: &str = "where_when";

/// An assumption built into the arithmetic, with no parameter to change it: the figures and the
/// plan name it by id (`rests_on`), and the register says what it is and why.
pub struct BuiltIn {
    pub id: &'static str,
    pub clause: &'static str,
    pub label: (&'static str, &'static str),
    /// The question the text leaves open.
    pub question: (&'static str, &'static str),
    /// The simulator's answer.
    pub reading: (&'static str, &'static str),
}

pub static BUILT_IN: &[BuiltIn] = &[
    BuiltIn {
        id: "bed_need_formula",
        clause: "linyi-2025 三(一)1",
        label: ("测算值的算法", "the arithmetic of the measured value"),
        question: (
            "三(一)1只说测算值“根据住院人次、平均住院日、病床使用率、总参保人数等因素计算”，附件只定义两个调节系数：怎么算？",
            "三(一)1 says only that the measured value is worked out “from admissions, average stay, bed utilisation, the number insured and other factors”, and the annex only defines the two coefficients: how is it computed?",
        ),
        reading: (
            "卫生规划常用的床位需要量公式：需要床位 = 住院人次 × 平均住院日 ÷（365 × 病床使用率）；测算值 = 需要床位 ÷ 总参保人数 × 1000 × 基金调节系数 × 患者调节系数（两个系数是否计入另有开关）",
            "the standard bed-need formula of health planning: required beds = admissions × average stay ÷ (365 × utilisation); measured = required beds ÷ insured × 1000 × fund coefficient × patient coefficient (whether each coefficient enters is a switch of its own)",
        ),
    },
    BuiltIn {
        id: "county_fund_coef_city",
        clause: "linyi-2025 附件",
        label: ("县区的基金调节系数", "a county's fund coefficient"),
        question: ("附件定义基金调节系数，未说县区如何取。", "The annex defines the fund coefficient, not how a county takes it."),
        reading: ("用全市的（基金市级统筹）", "the city's (the fund is pooled city-wide)"),
    },
    BuiltIn {
        id: "county_patient_coef_fallback",
        clause: "linyi-2025 附件",
        label: ("县区缺出院人次时的患者调节系数", "a county's patient coefficient without discharge figures"),
        question: ("县区没有出院人次数据时，患者调节系数怎么取？原文未说。", "What is a county's patient coefficient when it has no discharge figures? The text does not say."),
        reading: ("用全市的患者调节系数", "the city's patient coefficient"),
    },
    BuiltIn {
        id: "county_bed_allowance",
        clause: "linyi-2025 三(一)1(1)(2)",
        label: ("县区定点床位额度", "a county's designated-bed allowance"),
        question: (
            "三(一)1(2)只说“各县区基本医保定点床位数实行分县区配置管理”，没有给出每个县区的床位数怎么定。",
            "三(一)1(2) says only that designated beds are “allocated county by county”, not how many each county gets.",
        ),
        reading: (
            "（测算值 − 实际值）× 县区常住人口 ÷ 1000，测算值不高于实际值时为 0：模拟器的算术，不是原文",
            "(measured − actual) × the county's residents ÷ 1000, 0 when measured is not above actual: the simulator's arithmetic, not the text's",
        ),
    },
    BuiltIn {
        id: WHERE_WHEN,
        clause: "令2号 第六条(一)",
        label: ("位置条件与时间条件的划分", "conditions of the place and of the time"),
        question: (
            "令2号第六条列出申请的基本条件，规划列出布局要求；原文没有说一个还没开业的机构能否先知道某个位置会不会受理，也没有把各条规则分为“位置”和“时间”两类。哪些算位置条件，哪些算时间条件？",
            "Order No. 2 Art. 6 lists the basic conditions of applying and the plans their layout rules; no text says whether a shop not yet open may learn what a place would get, nor sorts the rules into conditions of the place and of the time. Which are which?",
        ),
        reading: (
            "位置条件：服务圈内的同类机构和间距、床位测算（全市和县区）、总量、药店区域分类，以及对申请人的豁免、优先和迁址、新增执业点规则；时间条件：正式运营满3个月、医师和药师、100张床位以上的医保管理部门、医保办人员、负面清单、医疗救助定点资格，以及全市的医保基金情况。只改变答案怎么说（位置的结果和还缺的条件分开说），不改变判定结果",
            "of the place: same-type institutions and spacing in the circle, bed supply (city and county), quotas, pharmacy area classes, and the exemptions, priorities and rules on moves and new sites; of the time: 3 months in operation, physicians and pharmacists, the insurance department at 100 beds, insurance-office staff, the negative list, medical-aid status, and the city's fund state. It changes how the answer is said (what the place gets apart from what is still missing), never the outcome",
        ),
    },
];

fn built_in_entry(b: &'static BuiltIn, presets: &[Preset]) -> Entry {
    let reading = Text::new(b.reading.0, b.reading.1);
    let source = Text::new(
        format!("内置于计算，无参数可调：{}", b.reading.0),
        format!("built into the arithmetic, no parameter changes it: {}", b.reading.1),
    );
    Entry {
        param: b.id,
        anchor: anchor(b.id),
        kind: EntryKind::Assumption,
        label: Text::new(b.label.0, b.label.1),
        question: Some(Text::new(b.question.0, b.question.1)),
        readings: Vec::new(),
        clauses: clause(b.clause).into_iter().collect(),
        defaults: presets
            .iter()
            .map(|p| PresetDefault {
                preset: p.id.clone(),
                short: p.short.clone(),
                value: Value::String("built_in".into()),
                reading: reading.clone(),
                source: source.clone(),
                assumption: true,
                clause: Some(b.clause),
            })
            .collect(),
    }
}

/// How a reading is named to a reader: a parameter's label, or a built-in assumption's.
pub fn label_of(id: &str) -> Option<Text> {
    crate::policy::param_def(id)
        .map(|d| d.label())
        .or_else(|| BUILT_IN.iter().find(|b| b.id == id).map(|b| Text::new(b.label.0, b.label.1)))
}

fn bool_label(def: &ParamDef, b: bool) -> Text {
    let answers = LINKS.iter().find(|l| l.param == def.id).and_then(|l| l.answers);
    match (answers, b) {
        (Some([(zh, en), _]), true) | (Some([_, (zh, en)]), false) => Text::new(zh, en),
        (None, true) => Text::new("是", "yes"),
        (None, false) => Text::new("否", "no"),
    }
}

/// A parameter's value as a reader says it.
pub fn value_reading(def: &ParamDef, v: &Value) -> Text {
    let v = def.check(v).unwrap_or_else(|_| v.clone());
    match def.kind {
        ParamKind::Choice(opts) => {
            let raw = v.as_str().map(str::to_string).unwrap_or_else(|| v.to_string());
            opts.iter()
                .find(|o| o.value == raw)
                .map(|o| Text::new(o.zh, o.en))
                .unwrap_or_else(|| Text::new(raw.clone(), raw))
        }
        ParamKind::Bool => bool_label(def, v.as_bool() == Some(true)),
        ParamKind::Number { .. } => match v.as_f64() {
            None => Text::new("原文未给出（待定）", "not given by the text (undetermined)"),
            Some(x) => {
                let n = num(x, 6);
                let unit = def.unit();
                let sep = |u: &str| {
                    if u.is_empty() || u.starts_with('%') {
                        String::new()
                    } else {
                        " ".into()
                    }
                };
                Text::new(format!("{n}{}", unit.zh), format!("{n}{}{}", sep(&unit.en), unit.en))
            }
        },
    }
}

// ---------------------------------------------------------------------------------------------
// docs/readings.md

/// The command that writes docs/readings.md.
pub const REGENERATE: &str = "cargo run --bin dingdian -- readings > docs/readings.md";

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The register as Markdown, Chinese first with English alongside: what `dingdian readings` prints.
pub fn markdown(reg: &Register) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(
        w,
        "<!-- Generated by `dingdian readings` from the presets (src/policy/presets/), the parameter table"
    );
    let _ = writeln!(
        w,
        "     (src/policy/params.rs) and the clause index (src/policy/clauses.rs, src/policy/readings.rs)."
    );
    let _ = writeln!(w, "     Do not edit by hand: regenerate with `{REGENERATE}`. -->");
    let _ = writeln!(w);
    let _ = writeln!(w, "# 解读登记 Readings register");
    let _ = writeln!(w);
    let _ = writeln!(w, "条文没有回答的问题，模拟器必须选一种解读。本登记列出各预设的每个解释开关和每个假设：所解读的条文原文、条文留下的问题、可选的解读、各预设的默认值及其理由。");
    let _ = writeln!(w);
    let _ = writeln!(w, "Where a text leaves a question open, the simulator has to pick a reading. This register lists every interpretation switch and every assumption of the presets: the clause quoted, the question the text leaves open, each reading, and each preset's default with its reason. The quotes are the text's words; everything else is the simulator's reading.");
    let _ = writeln!(w);
    let _ = writeln!(w, "预设 Presets:");
    let _ = writeln!(w);
    for p in &reg.presets {
        let _ = writeln!(w, "- `{}` {} — {}", p.id, p.title.zh, p.title.en);
    }
    for (kind, heading, intro) in [
        (EntryKind::Switch, "解释开关 Switches", "条文未明之处，每个开关的每种取值都是一种解读。Where the text is silent: each value of a switch is one reading."),
        (EntryKind::Assumption, "假设 Assumptions", "条文未给出数值或未说明取法时，预设所取的值。Values a preset assumes where the text gives no number or does not say how."),
    ] {
        let _ = writeln!(w);
        let _ = writeln!(w, "## {heading}");
        let _ = writeln!(w);
        let _ = writeln!(w, "{intro}");
        for e in reg.entries.iter().filter(|e| e.kind == kind) {
            entry_markdown(w, e);
        }
    }
    let _ = writeln!(w);
    let _ = writeln!(w, "## 条文索引 Clause index");
    let _ = writeln!(w);
    let _ = writeln!(w, "预设和规则引用的每一条，及其所依据的原文（令2号、令3号的原文不在 policy-texts/ 中，引自 DESIGN.md）。Every clause the presets and rules cite, with the words of the text it rests on (令2号 and 令3号 are quoted as verified in DESIGN.md).");
    let _ = writeln!(w);
    let _ = writeln!(w, "| 条文 clause | 原文 text | gloss |");
    let _ = writeln!(w, "|---|---|---|");
    for c in CLAUSES {
        let _ = writeln!(w, "| {} | {} | {} |", cell(c.id), cell(c.quote), cell(c.gloss));
    }
    out
}

fn entry_markdown(w: &mut String, e: &Entry) {
    use std::fmt::Write;
    let _ = writeln!(w);
    let _ = writeln!(w, "### <a id=\"{}\"></a>{} · {}", e.anchor, e.label.zh, e.label.en);
    let _ = writeln!(w);
    let _ = writeln!(w, "`{}`", e.param);
    for c in &e.clauses {
        let _ = writeln!(w);
        let _ = writeln!(w, "**条文 Clause** {}", c.id);
        let _ = writeln!(w);
        let _ = writeln!(w, "> {}", c.quote);
        let _ = writeln!(w, ">");
        let _ = writeln!(w, "> *{}*", c.gloss);
    }
    if e.clauses.is_empty() {
        let _ = writeln!(w);
        let _ = writeln!(w, "**条文 Clause** 未编入索引 not in the clause index");
    }
    if let Some(q) = &e.question {
        let _ = writeln!(w);
        let _ = writeln!(w, "**问题 Question** {} — {}", q.zh, q.en);
    }
    if !e.readings.is_empty() {
        let _ = writeln!(w);
        let _ = writeln!(w, "**解读 Readings**");
        let _ = writeln!(w);
        for r in &e.readings {
            let _ = writeln!(w, "- `{}` {} — {}", r.value, r.label.zh, r.label.en);
        }
    }
    let _ = writeln!(w);
    let _ = writeln!(w, "| 预设 preset | 默认 default | 依据 basis | 理由 why |");
    let _ = writeln!(w, "|---|---|---|---|");
    for d in &e.defaults {
        let basis = match (e.kind, d.assumption) {
            (_, false) => "条文 the text",
            (EntryKind::Switch, true) => "解读 reading",
            (EntryKind::Assumption, true) => "假设 assumption",
        };
        let value = if d.value.is_null() { String::new() } else { format!("`{}` ", value_id(&d.value)) };
        let _ = writeln!(
            w,
            "| {} | {}{} · {} | {} | {} — {} |",
            d.preset,
            value,
            cell(&d.reading.zh),
            cell(&d.reading.en),
            basis,
            cell(&d.source.zh),
            cell(&d.source.en)
        );
    }
}

/// A value as a reading's `value` spells it: `gap`, `true`, `3`.
pub fn value_id(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::builtin_presets;

    const WHERE: &str = "src/policy/readings.rs (LINKS)";

    /// What the register needs of a parameter that is a switch or assumed by `preset`.
    fn problems(def: &ParamDef, preset: &Preset) -> Vec<String> {
        let mut out = Vec::new();
        let id = def.id;
        if is_switch(def) && def.question().is_none() {
            out.push(format!(
                "switch `{id}` has no question: give its `question` (zh, en) in PARAMETERS, src/policy/params.rs — the question the text leaves open"
            ));
        }
        let spec = preset.parameters.get(id);
        if spec.is_some_and(|s| s.source.zh.trim().is_empty() || s.source.en.trim().is_empty()) {
            out.push(format!("`{id}` has no `source` (zh and en) in preset {}: say the clause its default comes from, or why it is assumed", preset.id));
        }
        match link_of(&preset.id, id) {
            None => out.push(format!(
                "`{id}` has no clause: add `link(\"{id}\", \"<clause id as the presets cite it>\")` to {WHERE}, and the clause with its quoted sentence to CLAUSES in src/policy/clauses.rs if it is not there"
            )),
            Some(l) if clause(l.clause).is_none() => out.push(format!(
                "`{id}` is linked to \"{}\", which is not in the clause index: add it to CLAUSES in src/policy/clauses.rs with the sentence of the text it rests on",
                l.clause
            )),
            Some(_) => {}
        }
        match def.kind {
            ParamKind::Choice(opts) => {
                for o in opts.iter().filter(|o| o.zh.trim().is_empty() || o.en.trim().is_empty()) {
                    out.push(format!(
                        "choice \"{}\" of `{id}` lacks its label (zh, en) in PARAMETERS, src/policy/params.rs",
                        o.value
                    ));
                }
            }
            ParamKind::Bool if is_switch(def) => {
                if LINKS.iter().find(|l| l.param == id).and_then(|l| l.answers).is_none() {
                    out.push(format!(
                        "true/false switch `{id}` lacks the labels of its two readings: write it as `yes_no(\"{id}\", \"<clause id>\", (zh, en) for true, (zh, en) for false)` in {WHERE}"
                    ));
                }
            }
            _ => {}
        }
        out
    }

    #[test]
    fn every_switch_and_assumption_has_its_entry() {
        let mut all = Vec::new();
        for p in builtin_presets() {
            for def in PARAMETERS {
                let assumed = p.parameters.get(def.id).is_some_and(|s| s.assumption);
                if is_switch(def) || assumed {
                    all.extend(problems(def, &p).into_iter().map(|m| format!("{}: {m}", p.id)));
                }
            }
        }
        all.dedup();
        assert!(all.is_empty(), "the readings register is incomplete:\n  {}", all.join("\n  "));
    }

    #[test]
    fn a_new_switch_without_its_entry_is_named_with_what_to_add() {
        let preset = builtin_presets().remove(0);
        let bare = ParamDef {
            id: "brand_new_switch",
            question_zh: "",
            question_en: "",
            kind: ParamKind::Bool,
            ..PARAMETERS[0]
        };
        let bare = ParamDef { group: Group::Switches, ..bare };
        let found = problems(&bare, &preset).join("\n");
        assert!(found.contains("switch `brand_new_switch` has no question"), "{found}");
        assert!(found.contains("add `link(\"brand_new_switch\""), "{found}");
        assert!(found.contains("yes_no(\"brand_new_switch\""), "{found}");
    }

    #[test]
    fn links_name_known_parameters_and_presets_once_each() {
        let presets: Vec<String> = builtin_presets().into_iter().map(|p| p.id).collect();
        for (i, l) in LINKS.iter().enumerate() {
            assert!(
                PARAMETERS.iter().any(|d| d.id == l.param),
                "{WHERE} links `{}`, which is not in PARAMETERS: remove it",
                l.param
            );
            if let Some(p) = l.preset {
                assert!(
                    presets.iter().any(|id| id == p),
                    "{WHERE} links `{}` for preset \"{p}\", which is not built in",
                    l.param
                );
            }
            assert!(
                !LINKS[..i].iter().any(|o| o.param == l.param && o.preset == l.preset),
                "{WHERE} links `{}` twice",
                l.param
            );
            assert!(
                clause(l.clause).is_some(),
                "{WHERE}: `{}` → \"{}\" is not in CLAUSES (src/policy/clauses.rs)",
                l.param,
                l.clause
            );
        }
    }

    #[test]
    fn the_register_quotes_the_clause_and_gives_each_presets_default_and_reason() {
        let reg = Register::of(&builtin_presets());
        let band = reg.entry("between_band").expect("a switch is in the register");
        assert_eq!(band.kind, EntryKind::Switch);
        assert!(band.clauses[0].quote.contains("当全市测算值<目标值和实际值时"));
        assert!(band.question.as_ref().unwrap().zh.contains("介于两者之间"));
        assert_eq!(band.readings.iter().map(|r| r.value.as_str()).collect::<Vec<_>>(), ["gap", "suspend", "pass"]);
        let linyi = band.default_in("linyi-2025").unwrap();
        assert_eq!(linyi.reading.zh, "条文未规定（待定）");
        assert_eq!(linyi.source.zh, "解释开关：条文未规定");

        // Xi'an reads its walking radius from its own text, Linyi gives the number.
        let radius = reg.entry("service_radius_m").expect("an assumption of xian-2025 is in the register");
        assert_eq!(radius.kind, EntryKind::Assumption);
        assert_eq!(radius.default_in("xian-2025").unwrap().clause, Some("xian-2025 规划目标和内容(二)2"));
        assert_eq!(radius.default_in("xian-2025").unwrap().reading.en, "1000 m");
        assert!(radius.default_in("xian-2025").unwrap().assumption);
        assert!(!radius.default_in("linyi-2025").unwrap().assumption);

        // A true/false switch reads as words, not `true`.
        let key = reg.entry("key_project_escapes_fund").unwrap();
        assert!(key.default_in("linyi-2025").unwrap().reading.zh.starts_with("也不受基金暂停限制"));

        // A parameter no preset assumes and no switch is not a reading.
        assert!(reg.entry("employee_fund_min_months").is_none());
    }

    #[test]
    fn a_quota_the_text_does_not_give_reads_as_undetermined() {
        // xian-2025 (二)3(2)“实行总量控制” without a number: an empty quota is no number from the data.
        let def = crate::policy::param_def("special_drug_quota").unwrap();
        assert_eq!(value_reading(def, &Value::Null).en, "not given by the text (undetermined)");
        assert_eq!(value_reading(def, &serde_json::json!(12)).zh, "12家");
    }
}
