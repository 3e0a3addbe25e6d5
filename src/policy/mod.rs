//! Presets (one file per policy text), the parameter table, and the resolved policy an
//! evaluation runs under: preset + the user's overrides, validated against the table.

pub mod clauses;
pub mod params;
pub mod readings;
pub mod rules;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::kinds::{Category, KeyLevel, Subtype};
use crate::text::Text;
pub use params::{param_def, Group, ParamDef, ParamKind, PARAMETERS};
pub use rules::{rule_def, Condition, RuleDef, RULES};

/// A preset: which rules apply with which clauses, and each parameter's default with its source.
/// The same format is used by the built-in presets, a preset file and an inline preset.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    pub id: String,
    pub title: Text,
    /// The short name the preset picker shows.
    pub short: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_file: Option<String>,
    pub rules: Vec<RuleSpec>,
    /// Rules of the yearly assessment of designated institutions (`dingdian assess`): exits and
    /// agreement terms, a trace of their own. Absent: none of them apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assessment_rules: Vec<RuleSpec>,
    /// Rules of the county medical community global budget (`dingdian settle`). Absent: none apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub budget_rules: Vec<RuleSpec>,
    pub parameters: BTreeMap<String, ParamSpec>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub rule: String,
    /// How this preset's text is cited, e.g. `linyi-2025 三(二)`.
    pub clause: String,
    /// For exemption and priority rules: the subtypes listed by the text; `"+integrated"` marks
    /// those listed only under integrated management (一体化管理).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtypes: Option<Vec<String>>,
    /// For exemption and priority rules: which levels of key construction project are listed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_project_levels: Option<Vec<KeyLevel>>,
    /// For proximity rules: this rule's own radius in metres, where a text sets one per kind of
    /// institution; absent, the `service_radius_m` parameter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub radius_m: Option<f64>,
    /// For the pharmacy proximity rules: count pharmacies that are not designated too, where a
    /// text says "医药机构" rather than "定点医药机构".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count_non_designated: Option<bool>,
    /// For `pharmacy.category_quota`: the most designated pharmacies of each category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quotas: Option<BTreeMap<Category, u64>>,
}

/// Rules whose neighbours lie within a radius: the ones a `radius_m` may be given to.
pub const PROXIMITY_RULES: &[&str] = &[
    "inpatient.same_type_nearby",
    "outpatient.nearby",
    "outpatient_pharmacy.no_new",
    "pharmacy.same_type_nearby",
    "pharmacy.min_spacing",
];

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ParamSpec {
    pub default: Value,
    /// The clause the default comes from, or why it is an assumption.
    pub source: Text,
    #[serde(default)]
    pub assumption: bool,
}

/// A listed subtype, with whether the text lists it only under integrated management.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListedSubtype {
    pub subtype: Subtype,
    pub integrated_only: bool,
}

pub fn parse_listed_subtype(s: &str) -> Option<ListedSubtype> {
    let (name, integrated_only) = match s.strip_suffix("+integrated") {
        Some(n) => (n, true),
        None => (s, false),
    };
    let subtype = serde_json::from_value::<Subtype>(Value::String(name.to_string())).ok()?;
    Some(ListedSubtype { subtype, integrated_only })
}

const LINYI_2025: &str = include_str!("presets/linyi-2025.json");
const XIAN_2025: &str = include_str!("presets/xian-2025.json");

/// The built-in presets, in the order the picker shows them.
pub fn builtin_presets() -> Vec<Preset> {
    [LINYI_2025, XIAN_2025].iter().map(|src| serde_json::from_str(src).expect("built-in presets are tested")).collect()
}

pub fn builtin_preset(id: &str) -> Option<Preset> {
    builtin_presets().into_iter().find(|p| p.id == id)
}

/// The rule families a preset turns on, each with its own registry and trace: admission
/// (`rules`), the yearly assessment (`assessment_rules`) and the county community budget
/// (`budget_rules`). Rule ids are unique across the families.
pub fn rule_families() -> [(&'static str, &'static [RuleDef]); 3] {
    [("rules", RULES), ("assessment_rules", rules::ASSESSMENT_RULES), ("budget_rules", rules::BUDGET_RULES)]
}

fn preset_family<'a>(p: &'a Preset, key: &str) -> &'a [RuleSpec] {
    match key {
        "assessment_rules" => &p.assessment_rules,
        "budget_rules" => &p.budget_rules,
        _ => &p.rules,
    }
}

/// A rule of any family, by id.
pub fn any_rule_def(id: &str) -> Option<&'static RuleDef> {
    rule_families().into_iter().find_map(|(_, defs)| defs.iter().find(|d| d.id == id))
}

/// Checks a preset file: known rules, known parameters, every parameter given, values in range.
pub fn validate_preset(p: &Preset, path: &str) -> Result<(), String> {
    for (key, defs) in rule_families() {
        let specs = preset_family(p, key);
        for (i, r) in specs.iter().enumerate() {
            if !defs.iter().any(|d| d.id == r.rule) {
                let elsewhere = rule_families()
                    .into_iter()
                    .find(|(_, d)| d.iter().any(|d| d.id == r.rule))
                    .map(|(k, _)| format!(" (it belongs in \"{k}\")"))
                    .unwrap_or_default();
                return Err(format!("{path}.{key}[{i}].rule: unknown rule \"{}\"{elsewhere}", r.rule));
            }
            if specs[..i].iter().any(|o| o.rule == r.rule) {
                return Err(format!("{path}.{key}[{i}].rule: \"{}\" is listed twice", r.rule));
            }
            for (j, s) in r.subtypes.iter().flatten().enumerate() {
                if parse_listed_subtype(s).is_none() {
                    return Err(format!("{path}.{key}[{i}].subtypes[{j}]: unknown subtype \"{s}\""));
                }
            }
            let at = format!("{path}.{key}[{i}]");
            if let Some(r_m) = r.radius_m {
                if !PROXIMITY_RULES.contains(&r.rule.as_str()) {
                    return Err(format!(
                        "{at}.radius_m: \"{}\" has no radius (only {})",
                        r.rule,
                        PROXIMITY_RULES.join(", ")
                    ));
                }
                if !r_m.is_finite() || !(50.0..=20_000.0).contains(&r_m) {
                    return Err(format!("{at}.radius_m: {r_m} is outside 50..20000"));
                }
            }
            if r.rule == "pharmacy.min_spacing" && r.radius_m.is_none() {
                return Err(format!("{at}.radius_m: \"pharmacy.min_spacing\" needs the spacing in metres"));
            }
            if r.count_non_designated.is_some()
                && !matches!(r.rule.as_str(), "pharmacy.same_type_nearby" | "pharmacy.min_spacing")
            {
                return Err(format!(
                    "{at}.count_non_designated: only the pharmacy proximity rules take it, not \"{}\"",
                    r.rule
                ));
            }
            match (&r.quotas, r.rule == "pharmacy.category_quota") {
                (Some(_), false) => return Err(format!("{at}.quotas: only \"pharmacy.category_quota\" takes quotas")),
                (None, true) => {
                    return Err(format!("{at}.quotas: \"pharmacy.category_quota\" needs a quota per category"))
                }
                _ => {}
            }
        }
    }
    for (id, spec) in &p.parameters {
        let def = param_def(id).ok_or_else(|| format!("{path}.parameters.{id}: unknown parameter"))?;
        def.check(&spec.default).map_err(|e| format!("{path}.parameters.{id}.default: {e}"))?;
    }
    Ok(())
}

/// A preset with every parameter of the table: one a preset file leaves out (written before
/// the parameter existed, or by hand) takes the built-in preset's default — the one of the
/// same id, else the first — and its source says so. Old preset files and links keep working.
pub fn complete_preset(p: &Preset) -> Preset {
    let mut full = p.clone();
    if PARAMETERS.iter().all(|d| p.parameters.contains_key(d.id)) {
        return full;
    }
    let builtins = builtin_presets();
    let base = builtins.iter().find(|b| b.id == p.id).or(builtins.first());
    for def in PARAMETERS {
        if full.parameters.contains_key(def.id) {
            continue;
        }
        if let Some(spec) = base.and_then(|b| b.parameters.get(def.id)) {
            let from = base.map(|b| b.id.as_str()).unwrap_or_default();
            full.parameters.insert(
                def.id.to_string(),
                ParamSpec {
                    default: spec.default.clone(),
                    source: Text::new(
                        format!("预设文件未给出，沿用内置 {from} 的默认值：{}", spec.source.zh),
                        format!("not in the preset file; the built-in {from} default: {}", spec.source.en),
                    ),
                    assumption: spec.assumption,
                },
            );
        }
    }
    full
}

/// A rule that is on, with the clause it is cited by.
#[derive(Clone, Debug, PartialEq)]
pub struct ActiveRule {
    pub def: &'static RuleDef,
    /// The rule's place in its family's registry (`RULES`, …): its function without a lookup.
    pub index: usize,
    /// `def.is_eligibility()`, `def.is_exemptable()`, `def.is_fund()`, asked once per policy
    /// rather than once per decision.
    pub eligibility: bool,
    pub exemptable: bool,
    pub fund: bool,
    pub clause: std::rc::Rc<str>,
    pub subtypes: Vec<ListedSubtype>,
    pub key_project_levels: Vec<KeyLevel>,
    /// This rule's own radius (`RuleSpec::radius_m`); `None`: `service_radius_m`.
    pub radius_m: Option<f64>,
    /// Pharmacies that are not designated count as neighbours too.
    pub count_non_designated: bool,
    /// The most designated pharmacies of each category (`pharmacy.category_quota`).
    pub quotas: Vec<(Category, u64)>,
    /// Turned on by an override although the preset's text has no such rule.
    pub added_by_user: bool,
    /// The parameters this rule reads (`rules::reads`) that the preset marks as assumptions:
    /// every verdict of the rule rests on them, and its trace entries say so.
    pub assumptions: std::rc::Rc<[std::borrow::Cow<'static, str>]>,
}

/// The preset with the user's overrides applied and checked: what an evaluation runs under.
#[derive(Clone, Debug, PartialEq)]
pub struct Policy {
    pub preset: Preset,
    /// Effective value of every parameter and switch.
    pub values: BTreeMap<&'static str, Value>,
    /// Rules that are on, in trace order.
    pub rules: Vec<ActiveRule>,
    /// Assessment rules that are on (exits, agreement terms), in trace order.
    pub assessment_rules: Vec<ActiveRule>,
    /// County community budget rules that are on, in trace order.
    pub budget_rules: Vec<ActiveRule>,
    pub params: Params,
}

impl Policy {
    /// `overrides`: parameter or switch id → value, or rule id → `true`/`false` (turn on or off).
    /// Errors name the field under `path`, e.g. `policy.overrides.service_radius_m: …`.
    pub fn resolve(preset: &Preset, overrides: &BTreeMap<String, Value>, path: &str) -> Result<Policy, String> {
        let preset = &complete_preset(preset);
        let mut values: BTreeMap<&'static str, Value> = BTreeMap::new();
        for def in PARAMETERS {
            let spec = preset
                .parameters
                .get(def.id)
                .ok_or_else(|| format!("preset \"{}\" has no default for \"{}\"", preset.id, def.id))?;
            values.insert(
                def.id,
                def.check(&spec.default).map_err(|e| format!("preset {}: {}: {e}", preset.id, def.id))?,
            );
        }
        let mut switched: BTreeMap<&'static str, bool> = BTreeMap::new();
        for (key, v) in overrides {
            if let Some(def) = param_def(key) {
                values.insert(def.id, def.check(v).map_err(|e| format!("{path}.{key}: {e}"))?);
            } else if let Some(rule) = any_rule_def(key) {
                let on = v
                    .as_bool()
                    .ok_or_else(|| format!("{path}.{key}: {v} is not true or false (turns the rule on or off)"))?;
                switched.insert(rule.id, on);
            } else {
                return Err(format!("{path}.{key}: unknown parameter, switch or rule"));
            }
        }
        let low = values["pharmacy_insufficient_below_per_10k"].as_f64().unwrap_or(0.0);
        let high = values["pharmacy_saturated_above_per_10k"].as_f64().unwrap_or(0.0);
        if low > high {
            // Name the threshold the user moved (the lower one when only it was overridden).
            return Err(
                if overrides.contains_key("pharmacy_insufficient_below_per_10k")
                    && !overrides.contains_key("pharmacy_saturated_above_per_10k")
                {
                    format!(
                        "{path}.pharmacy_insufficient_below_per_10k: {} is above the “saturated” threshold {}",
                        crate::text::num(low, 3),
                        crate::text::num(high, 3)
                    )
                } else {
                    format!(
                        "{path}.pharmacy_saturated_above_per_10k: {} is below the “insufficient” threshold {}",
                        crate::text::num(high, 3),
                        crate::text::num(low, 3)
                    )
                },
            );
        }

        let term = values["agreement_term_years"].as_f64().unwrap_or(0.0);
        let extended = values["agreement_extended_term_years"].as_f64().unwrap_or(0.0);
        if extended < term {
            return Err(
                if overrides.contains_key("agreement_term_years")
                    && !overrides.contains_key("agreement_extended_term_years")
                {
                    format!(
                        "{path}.agreement_term_years: {term} years is longer than the extended term {extended} years"
                    )
                } else {
                    format!("{path}.agreement_extended_term_years: {extended} years is shorter than the ordinary term {term} years")
                },
            );
        }

        let active = |defs: &'static [RuleDef], specs: &[RuleSpec]| -> Vec<ActiveRule> {
            let mut rules = Vec::new();
            for (index, def) in defs.iter().enumerate() {
                let spec = specs.iter().find(|r| r.rule == def.id);
                let on = switched.get(def.id).copied().unwrap_or(spec.is_some());
                if !on {
                    continue;
                }
                rules.push(ActiveRule {
                    def,
                    index,
                    eligibility: def.is_eligibility(),
                    exemptable: def.is_exemptable(),
                    fund: def.is_fund(),
                    clause: match spec.map(|s| s.clause.as_str()).unwrap_or(def.origin_clause) {
                        "" => "（通用规则，本预设的原文无此条 general rule: not in this preset's text）",
                        c => c,
                    }
                    .into(),
                    subtypes: spec
                        .and_then(|s| s.subtypes.as_ref())
                        .map(|v| v.iter().filter_map(|s| parse_listed_subtype(s)).collect())
                        .unwrap_or_default(),
                    key_project_levels: spec.and_then(|s| s.key_project_levels.clone()).unwrap_or_default(),
                    radius_m: spec.and_then(|s| s.radius_m),
                    count_non_designated: spec.and_then(|s| s.count_non_designated).unwrap_or(false),
                    quotas: spec
                        .and_then(|s| s.quotas.as_ref())
                        .map(|q| q.iter().map(|(c, n)| (*c, *n)).collect())
                        .unwrap_or_default(),
                    added_by_user: spec.is_none(),
                    assumptions: rules::reads(def.id)
                        .iter()
                        .filter(|id| preset.parameters.get(**id).is_some_and(|p| p.assumption))
                        .map(|id| std::borrow::Cow::Borrowed(*id))
                        .collect(),
                });
            }
            rules
        };
        let rules = active(RULES, &preset.rules);
        let assessment_rules = active(rules::ASSESSMENT_RULES, &preset.assessment_rules);
        let budget_rules = active(rules::BUDGET_RULES, &preset.budget_rules);
        let params = Params::from_values(&values);
        Ok(Policy { preset: preset.clone(), values, rules, assessment_rules, budget_rules, params })
    }

    /// Whether a rule of any family is on.
    pub fn is_on(&self, rule: &str) -> bool {
        self.rules.iter().chain(&self.assessment_rules).chain(&self.budget_rules).any(|r| r.def.id == rule)
    }

    /// An assessment or budget rule that is on, with its clause.
    pub fn active(&self, rule: &str) -> Option<&ActiveRule> {
        self.rules.iter().chain(&self.assessment_rules).chain(&self.budget_rules).find(|r| r.def.id == rule)
    }

    /// The preset's own default for a parameter, for "reset" and "changed from" marks.
    pub fn preset_default(&self, id: &str) -> Option<&Value> {
        self.preset.parameters.get(id).map(|s| &s.default)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FundCoefSource {
    Lower,
    Employee,
    Resident,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BetweenBand {
    Gap,
    Suspend,
    Pass,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SupplyScope {
    Inpatient,
    AllMedical,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NearbyEffect {
    Reject,
    Suspend,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaturatedArea {
    Gap,
    Pass,
    Fail,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StrictControl {
    Fail,
    Gap,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpecialDrugRegime {
    QuotaOnly,
    QuotaAndRadius,
}

/// Scores tied at the cut-off of the bottom share or the last place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TieAtCutoff {
    /// The tied share the rank and all exit.
    All,
    /// The tied share the rank and all stay.
    None,
}

/// Which exits put the institution on the negative list as “agreement terminated”.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NegativeListScope {
    AllExits,
    SanctionsOnly,
}

/// What “same type” means for a primary-care inpatient provider (linyi-2025 三(一)1②).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrimaryCareSameType {
    PrimaryCare,
    General,
}

/// Where linyi-2025 三(一)2's 800 m rule and its priority sentence pull apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListedCircle {
    CircleApplies,
    PriorityPrevails,
}

/// Moves and new sites under a plan with no clause on them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeWithoutClause {
    Gap,
    AsNew,
}

/// Who “does not fit the layout plan” (linyi-2019 政策措施(三)) for last-place elimination.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayoutTest {
    /// Only what the assessment record states (`fits_layout_plan`).
    Record,
    /// The record where it states it, else whether the admission rules would reject the
    /// institution at its site today.
    AdmissionRules,
}

/// Typed view of the effective values, with the names the rules use.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    pub target_beds_per_1000: f64,
    pub fund_coef_enabled: bool,
    pub fund_coef_source: FundCoefSource,
    pub patient_coef_enabled: bool,
    pub service_radius_m: f64,
    pub employee_fund_min_months: f64,
    pub resident_fund_min_months: f64,
    pub pharmacy_area_cell_m: f64,
    pub pharmacy_insufficient_below_per_10k: f64,
    pub pharmacy_saturated_above_per_10k: f64,
    /// `None`: the text gives no number, and neither did the user.
    pub special_drug_quota: Option<u64>,
    pub negative_list_years: i32,
    pub staffing_min_up_to_100_beds: u64,
    pub staffing_min_101_to_1000_beds: u64,
    pub staffing_min_over_1000_beds: u64,
    pub between_band: BetweenBand,
    pub city_supply_scope: SupplyScope,
    pub same_type_nearby_effect: NearbyEffect,
    pub saturated_pharmacy_area: SaturatedArea,
    pub key_project_escapes_fund: bool,
    pub staffing_is_admission_condition: bool,
    pub staffing_at_1000_beds: u64,
    pub xian_inpatient_default: StrictControl,
    pub xian_count_non_designated: bool,
    pub xian_special_drug_regime: SpecialDrugRegime,
    pub primary_care_same_type: PrimaryCareSameType,
    pub listed_primary_care_circle: ListedCircle,
    pub in_house_clinics_etc: bool,
    pub xian_outpatient_etc: bool,
    pub change_without_clause: ChangeWithoutClause,
    pub exit_score_min: f64,
    pub exit_satisfaction_min_pct: f64,
    pub exit_bottom_share_pct: f64,
    pub agreement_term_years: i32,
    pub agreement_extended_term_years: i32,
    pub exit_tie_at_cutoff: TieAtCutoff,
    pub exit_negative_list_scope: NegativeListScope,
    pub budget_surplus_retained_pct: f64,
    pub budget_overspend_fund_share_pct: f64,
    pub budget_objective_compensation_pct: f64,
    pub budget_prepay_months: f64,
    pub reimbursement_gap_min_pp: f64,
    pub dip_primary_diseases_min: u64,
    pub drg_primary_groups_min: u64,
    pub primary_groups_due_year: i32,
    /// Percent above the plan's quantity at which a planning area is “severely over quota”.
    pub last_place_severe_excess_pct: f64,
    pub last_place_layout_test: LayoutTest,
}

impl Params {
    /// From values already checked against the table.
    fn from_values(v: &BTreeMap<&'static str, Value>) -> Params {
        let f = |k: &str| v[k].as_f64().unwrap_or(0.0);
        let b = |k: &str| v[k].as_bool().unwrap_or(false);
        let s = |k: &str| v[k].as_str().unwrap_or("").to_string();
        Params {
            target_beds_per_1000: f("target_beds_per_1000"),
            fund_coef_enabled: b("fund_coef_enabled"),
            fund_coef_source: match s("fund_coef_source").as_str() {
                "employee" => FundCoefSource::Employee,
                "resident" => FundCoefSource::Resident,
                _ => FundCoefSource::Lower,
            },
            patient_coef_enabled: b("patient_coef_enabled"),
            service_radius_m: f("service_radius_m"),
            employee_fund_min_months: f("employee_fund_min_months"),
            resident_fund_min_months: f("resident_fund_min_months"),
            pharmacy_area_cell_m: f("pharmacy_area_cell_m"),
            pharmacy_insufficient_below_per_10k: f("pharmacy_insufficient_below_per_10k"),
            pharmacy_saturated_above_per_10k: f("pharmacy_saturated_above_per_10k"),
            special_drug_quota: v["special_drug_quota"].as_f64().map(|x| x as u64),
            negative_list_years: f("negative_list_years") as i32,
            staffing_min_up_to_100_beds: f("staffing_min_up_to_100_beds") as u64,
            staffing_min_101_to_1000_beds: f("staffing_min_101_to_1000_beds") as u64,
            staffing_min_over_1000_beds: f("staffing_min_over_1000_beds") as u64,
            between_band: match s("between_band").as_str() {
                "suspend" => BetweenBand::Suspend,
                "pass" => BetweenBand::Pass,
                _ => BetweenBand::Gap,
            },
            city_supply_scope: match s("city_supply_scope").as_str() {
                "all_medical" => SupplyScope::AllMedical,
                _ => SupplyScope::Inpatient,
            },
            same_type_nearby_effect: match s("same_type_nearby_effect").as_str() {
                "suspend" => NearbyEffect::Suspend,
                _ => NearbyEffect::Reject,
            },
            saturated_pharmacy_area: match s("saturated_pharmacy_area").as_str() {
                "pass" => SaturatedArea::Pass,
                "fail" => SaturatedArea::Fail,
                _ => SaturatedArea::Gap,
            },
            key_project_escapes_fund: b("key_project_escapes_fund"),
            staffing_is_admission_condition: b("staffing_is_admission_condition"),
            staffing_at_1000_beds: s("staffing_at_1000_beds").parse().unwrap_or(3),
            xian_inpatient_default: match s("xian_inpatient_default").as_str() {
                "gap" => StrictControl::Gap,
                _ => StrictControl::Fail,
            },
            xian_count_non_designated: b("xian_count_non_designated"),
            xian_special_drug_regime: match s("xian_special_drug_regime").as_str() {
                "quota_and_radius" => SpecialDrugRegime::QuotaAndRadius,
                _ => SpecialDrugRegime::QuotaOnly,
            },
            primary_care_same_type: match s("primary_care_same_type").as_str() {
                "general" => PrimaryCareSameType::General,
                _ => PrimaryCareSameType::PrimaryCare,
            },
            listed_primary_care_circle: match s("listed_primary_care_circle").as_str() {
                "priority_prevails" => ListedCircle::PriorityPrevails,
                _ => ListedCircle::CircleApplies,
            },
            in_house_clinics_etc: b("in_house_clinics_etc"),
            xian_outpatient_etc: b("xian_outpatient_etc"),
            change_without_clause: match s("change_without_clause").as_str() {
                "as_new" => ChangeWithoutClause::AsNew,
                _ => ChangeWithoutClause::Gap,
            },
            exit_score_min: f("exit_score_min"),
            exit_satisfaction_min_pct: f("exit_satisfaction_min_pct"),
            exit_bottom_share_pct: f("exit_bottom_share_pct"),
            agreement_term_years: f("agreement_term_years") as i32,
            agreement_extended_term_years: f("agreement_extended_term_years") as i32,
            exit_tie_at_cutoff: match s("exit_tie_at_cutoff").as_str() {
                "none" => TieAtCutoff::None,
                _ => TieAtCutoff::All,
            },
            exit_negative_list_scope: match s("exit_negative_list_scope").as_str() {
                "sanctions_only" => NegativeListScope::SanctionsOnly,
                _ => NegativeListScope::AllExits,
            },
            budget_surplus_retained_pct: f("budget_surplus_retained_pct"),
            budget_overspend_fund_share_pct: f("budget_overspend_fund_share_pct"),
            budget_objective_compensation_pct: f("budget_objective_compensation_pct"),
            budget_prepay_months: f("budget_prepay_months"),
            reimbursement_gap_min_pp: f("reimbursement_gap_min_pp"),
            dip_primary_diseases_min: f("dip_primary_diseases_min") as u64,
            drg_primary_groups_min: f("drg_primary_groups_min") as u64,
            primary_groups_due_year: f("primary_groups_due_year") as i32,
            last_place_severe_excess_pct: f("last_place_severe_excess_pct"),
            last_place_layout_test: match s("last_place_layout_test").as_str() {
                "admission_rules" => LayoutTest::AdmissionRules,
                _ => LayoutTest::Record,
            },
        }
    }
}

#[cfg(test)]
mod completeness_tests {
    use super::*;

    #[test]
    fn built_in_presets_give_every_parameter_themselves() {
        for p in builtin_presets() {
            for def in PARAMETERS {
                assert!(p.parameters.contains_key(def.id), "{} lacks {}", p.id, def.id);
            }
        }
    }

    #[test]
    fn a_preset_file_without_a_parameter_takes_the_built_in_default_and_says_so() {
        let mut p = builtin_preset("xian-2025").unwrap();
        p.parameters.remove("service_radius_m");
        validate_preset(&p, "policy.inline").unwrap();
        let policy = Policy::resolve(&p, &Default::default(), "policy.overrides").unwrap();
        assert_eq!(policy.params.service_radius_m, 1000.0);
        assert!(policy.preset.parameters["service_radius_m"].source.en.starts_with("not in the preset file"));
    }
}
