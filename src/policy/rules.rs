//! Every rule the engine knows, in trace order (DESIGN.md §1), with its title and the clause of
//! the text it comes from. A preset turns rules on and may cite them differently; a rule that a
//! user turns on where the preset's text has none keeps its origin clause.

use serde::Serialize;

use crate::text::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleDef {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    /// The clause of the text the rule comes from; empty for a general rule no built-in text
    /// has, which a preset that turns it on cites by its own clause.
    pub origin_clause: &'static str,
    /// Whether an admission rule is a condition of the place or of the time (`None`: the
    /// assessment's and the budget's rules, which judge no application).
    pub condition: Option<Condition>,
}

/// The two kinds of admission condition. Someone planning a shop asks two questions: would the
/// plan accept it *at this place*, and what must still happen *before it may apply*. A rule's
/// kind says which question it answers; the outcome of a decision is the same either way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// The plan's layout: the location rules, bed supply, quotas and area classes, with what
    /// lifts or ranks them for this applicant (exemptions, priorities, moves and new sites).
    Where,
    /// The applicant's own conditions, which time or the applicant can change: months in
    /// operation, staff, the negative list, medical-aid status; and the fund state, which is
    /// city-wide and the same at every place.
    When,
}

impl RuleDef {
    pub fn title(&self) -> Text {
        Text::new(self.zh, self.en)
    }

    /// Eligibility conditions bind exempt applicants too, and their `fail` rejects before any
    /// suspension (DESIGN.md §1, step 1).
    pub fn is_eligibility(&self) -> bool {
        self.id.starts_with("national.") || self.id == "negative_list" || self.id == "staffing.insurance_office"
    }

    /// Rules an exemption ("不受本规划限制") cannot reach: eligibility, the exemptions themselves and
    /// the priority listings.
    pub fn is_exemptable(&self) -> bool {
        !(self.is_eligibility()
            || self.id.starts_with("exempt.")
            || self.id == "priority.listed"
            || self.id == "primary_care.priority")
    }

    pub fn is_fund(&self) -> bool {
        self.id.starts_with("fund.")
    }

    /// A condition of the place: what this location would get (`Condition::Where`).
    pub fn is_where(&self) -> bool {
        self.condition == Some(Condition::Where)
    }
}

macro_rules! rule {
    ($id:literal, $zh:literal, $en:literal, $clause:literal) => {
        RuleDef { id: $id, zh: $zh, en: $en, origin_clause: $clause, condition: None }
    };
    ($id:literal, $zh:literal, $en:literal, $clause:literal, $condition:ident $(,)?) => {
        RuleDef { id: $id, zh: $zh, en: $en, origin_clause: $clause, condition: Some(Condition::$condition) }
    };
}

/// Trace order: national, negative list, staffing, exemptions, fund, bed supply, the kind's own
/// rules, pharmacy area class, changes.
pub static RULES: &[RuleDef] = &[
    rule!("national.operating_months", "正式运营满3个月", "operating for at least 3 months", "令2号 第六条(一)", When),
    rule!("national.physician", "至少1名执业医师", "at least one physician", "令2号 第六条(二)", When),
    rule!("national.pharmacist", "至少1名药师", "at least one pharmacist", "令3号", When),
    rule!(
        "national.insurance_dept",
        "100张床位以上设医保管理部门",
        "insurance department at 100+ beds",
        "令2号 第六条(三)",
        When,
    ),
    rule!("negative_list", "准入负面清单", "admission negative list", "linyi-2019 政策措施(三)", When),
    rule!("staffing.insurance_office", "医保办人员配备", "insurance office staffing", "linyi-2019 政策措施(二)", When),
    rule!(
        "exempt.key_project",
        "重点建设项目不受规划限制",
        "key construction projects are not limited by the plan",
        "linyi-2025 三(四)3",
        Where,
    ),
    rule!(
        "exempt.listed",
        "列明机构不受规划限制",
        "listed institutions are not limited by the plan",
        "xian-2025 规划目标和内容(二)3(1)",
        Where,
    ),
    rule!(
        "priority.listed",
        "列明机构优先纳入",
        "listed institutions come first",
        "xian-2025 规划目标和内容(二)3(1)",
        Where
    ),
    rule!("fund.deficit", "基金赤字暂停受理", "fund deficit suspends", "linyi-2025 三(三)1", When),
    rule!(
        "fund.warning_letter",
        "基金风险预警函暂停受理",
        "fund-risk warning letter suspends",
        "linyi-2025 三(三)2",
        When
    ),
    rule!(
        "fund.months_below_minimum",
        "基金可支付月数低于最低要求",
        "fund months below the minimum",
        "linyi-2025 三(三)3",
        When,
    ),
    rule!("inpatient.city_supply", "全市床位测算值", "city bed supply", "linyi-2025 三(一)1(1)(2)", Where),
    rule!("inpatient.county_supply", "县区床位测算值", "county bed supply", "linyi-2025 三(一)1①", Where),
    rule!(
        "inpatient.same_type_nearby",
        "服务圈内同类型住院定点机构",
        "same-type inpatient institution in the circle",
        "linyi-2025 三(一)1②",
        Where,
    ),
    rule!(
        "inpatient.strict_control",
        "住院定点严格控制增量",
        "strict control of new inpatient designations",
        "xian-2025 规划目标和内容(二)1",
        Where,
    ),
    rule!(
        "outpatient.nearby",
        "服务圈内已有门诊定点机构",
        "outpatient provider in the circle",
        "linyi-2025 三(一)2",
        Where
    ),
    rule!(
        "outpatient_pharmacy.no_new",
        "原则上不再新增（步行15分钟内无同类）",
        "no new ones in principle (unless none of the type within a 15-minute walk)",
        "xian-2025 规划目标和内容(二)2",
        Where,
    ),
    rule!("primary_care.priority", "基层医疗机构优先纳入", "primary care comes first", "linyi-2025 三(一)2 ¶2", Where),
    rule!(
        "pharmacy.same_type_nearby",
        "服务圈内同类型定点药店",
        "same-type designated pharmacy in the circle",
        "linyi-2025 三(二)",
        Where,
    ),
    rule!(
        "pharmacy.min_spacing",
        "药店之间的最小间距（不论类别）",
        "minimum spacing between pharmacies, whatever their category",
        "",
        Where,
    ),
    rule!(
        "special_drug_pharmacy.quota",
        "特药药店总量控制",
        "special-drug pharmacy quota",
        "xian-2025 规划目标和内容(二)3(2)",
        Where,
    ),
    rule!(
        "medical_aid.designated_only",
        "医疗救助定点限于医保定点机构",
        "medical-aid designation only for designated institutions",
        "xian-2025 规划目标和内容(二)3(3)",
        When,
    ),
    rule!("pharmacy.category_quota", "分类别的药店总量", "a quota of pharmacies per category", "", Where),
    rule!("pharmacy.area_class", "药店区域分类", "pharmacy area class", "linyi-2025 三(二)", Where),
    rule!("change.new_site", "新增执业地点视同新增", "a new site is judged as new", "linyi-2025 三(四)1", Where),
    rule!(
        "change.address",
        "变更注册地址按本规划执行",
        "an address change is judged under the plan",
        "linyi-2025 三(四)2",
        Where,
    ),
    rule!(
        "change.unregulated",
        "规划未规定迁址与新增执业地点",
        "the plan has no clause on moves and new sites",
        "xian-2025 规划目标和内容(二)",
        Where,
    ),
];

/// The rules of the yearly assessment of designated institutions (`dingdian assess`,
/// `engine::exits`): exits and agreement terms.
pub static ASSESSMENT_RULES: &[RuleDef] = &[
    rule!(
        "exit.poor_management",
        "管理差、服务质量不高、群众满意度差的退出",
        "poor management, service or satisfaction: exit",
        "linyi-2019 政策措施(三)"
    ),
    rule!(
        "exit.bottom_rank",
        "综合绩效评估排位靠后的退出",
        "ranked at the bottom of the comprehensive assessment: exit",
        "linyi-2019 政策措施(三)"
    ),
    rule!("exit.blacklist", "信用评价进入黑名单的退出", "on the credit blacklist: exit", "linyi-2019 政策措施(三)"),
    rule!(
        "exit.serious_violation",
        "严重违法违规违反协议的退出",
        "serious violation of law, rules or the agreement: exit",
        "linyi-2019 政策措施(三)"
    ),
    rule!(
        "exit.last_place",
        "规划区域严重超额的末位淘汰",
        "last-place elimination where the plan is over quota",
        "linyi-2019 政策措施(三)(五)"
    ),
    rule!(
        "exit.last_place_layout",
        "不符合布局规划要求的末位淘汰",
        "last-place elimination among those that do not fit the layout plan",
        "linyi-2019 政策措施(三)(五)"
    ),
    rule!("agreement.term", "协议有效期与续约", "agreement term and renewal", "linyi-2019 政策措施(四)"),
];

/// The rules of the county medical community global budget (`dingdian settle`, `budget`).
pub static BUDGET_RULES: &[RuleDef] = &[
    rule!(
        "community.six_unifications",
        "达到“六统一”方可实行总额付费",
        "global budget only with the six unifications",
        "shandong-2024 二(一)"
    ),
    rule!(
        "budget.growth_cap",
        "预算增幅不超过基金收入增幅",
        "budget growth not above fund-revenue growth",
        "shandong-2024 二(二)"
    ),
    rule!(
        "budget.no_cut",
        "合理控费致支出降低不降预算",
        "no budget cut after sensible cost control",
        "shandong-2024 二(二)"
    ),
    rule!(
        "budget.out_of_county",
        "县域外支出纳入预算",
        "out-of-county spending counts in the budget",
        "shandong-2024 二(二)"
    ),
    rule!("settlement.surplus_retained", "结余留用", "surplus retained", "shandong-2024 二(三)"),
    rule!(
        "settlement.objective_compensation",
        "客观因素超支合理补偿",
        "objective-cause overspend compensated",
        "shandong-2024 二(三)"
    ),
    rule!("settlement.overspend_shared", "合理超支分担", "reasonable overspend shared", "shandong-2024 二(三)"),
    rule!("prepayment.one_month", "预付1个月左右医保基金", "about one month advanced", "shandong-2024 二(四)"),
    rule!(
        "benefit.reimbursement_gap",
        "乡镇卫生院与县级医院报销比例差距",
        "township vs county-hospital reimbursement gap",
        "shandong-2024 三(一)"
    ),
    rule!(
        "payment.primary_groups",
        "DIP基层病种与DRG基层病组数量",
        "DIP primary-care diseases and DRG groups",
        "shandong-2024 三(四)"
    ),
];

pub fn rule_def(id: &str) -> Option<&'static RuleDef> {
    RULES.iter().find(|r| r.id == id)
}

/// The parameters (not the switches, which a trace entry names itself when one decides) each
/// rule's verdict reads, of every rule family. Those a preset marks as assumptions are listed on
/// the rule's trace entries (`TraceEntry::assumptions`), so a reader sees which numbers are the
/// simulator's and not the text's.
pub fn reads(rule: &str) -> &'static [&'static str] {
    const BEDS: &[&str] = &["target_beds_per_1000", "fund_coef_enabled", "fund_coef_source", "patient_coef_enabled"];
    match rule {
        "negative_list" => &["negative_list_years"],
        "staffing.insurance_office" => {
            &["staffing_min_up_to_100_beds", "staffing_min_101_to_1000_beds", "staffing_min_over_1000_beds"]
        }
        "fund.months_below_minimum" => &["employee_fund_min_months", "resident_fund_min_months"],
        "inpatient.city_supply" | "inpatient.county_supply" => BEDS,
        "inpatient.same_type_nearby"
        | "outpatient.nearby"
        | "outpatient_pharmacy.no_new"
        | "pharmacy.same_type_nearby"
        | "pharmacy.min_spacing" => &["service_radius_m"],
        "special_drug_pharmacy.quota" => &["special_drug_quota"],
        "pharmacy.area_class" => {
            &["pharmacy_area_cell_m", "pharmacy_insufficient_below_per_10k", "pharmacy_saturated_above_per_10k"]
        }
        "exit.poor_management" => &["exit_score_min", "exit_satisfaction_min_pct"],
        "exit.bottom_rank" => &["exit_bottom_share_pct"],
        "exit.last_place" => &["service_radius_m", "last_place_severe_excess_pct"],
        "agreement.term" => &["agreement_term_years", "agreement_extended_term_years"],
        "settlement.surplus_retained" => &["budget_surplus_retained_pct", "budget_assessment_full_score"],
        "settlement.objective_compensation" => &["budget_objective_compensation_pct"],
        "settlement.overspend_shared" => &["budget_overspend_fund_share_pct", "budget_assessment_full_score"],
        "prepayment.one_month" => &["budget_prepay_months"],
        "benefit.reimbursement_gap" => &["reimbursement_gap_min_pp"],
        "payment.primary_groups" => &["dip_primary_diseases_min", "drg_primary_groups_min", "primary_groups_due_year"],
        _ => &[],
    }
}

#[cfg(test)]
mod reads_tests {
    use super::*;

    #[test]
    fn every_parameter_a_rule_reads_is_in_the_table_and_is_no_switch() {
        for (_, defs) in crate::policy::rule_families() {
            for def in defs {
                for id in reads(def.id) {
                    let p = crate::policy::param_def(id)
                        .unwrap_or_else(|| panic!("{} reads unknown parameter {id}", def.id));
                    assert_ne!(
                        p.group,
                        crate::policy::Group::Switches,
                        "{} lists switch {id}: switches are named by the entry that they decide",
                        def.id
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod condition_tests {
    use super::*;

    fn of(id: &str) -> Option<Condition> {
        rule_def(id).unwrap_or_else(|| panic!("no rule {id}")).condition
    }

    #[test]
    fn every_admission_rule_is_a_condition_of_the_place_or_of_the_time() {
        let unclassified: Vec<&str> = RULES.iter().filter(|r| r.condition.is_none()).map(|r| r.id).collect();
        assert_eq!(unclassified, Vec::<&str>::new(), "admission rules neither where nor when");
        // The other families judge no application.
        for r in ASSESSMENT_RULES.iter().chain(BUDGET_RULES) {
            assert_eq!(r.condition, None, "{}", r.id);
        }
    }

    #[test]
    fn months_staff_negative_list_and_fund_are_when_location_supply_quotas_and_areas_are_where() {
        // 令2号 第六条(一) "正式运营至少3个月": a shop not yet open meets it by waiting, wherever it stands.
        assert_eq!(of("national.operating_months"), Some(Condition::When));
        // linyi-2025 三(三)1 "暂停全市当年度医药机构新增医保定点的受理和评估": the year's state, city-wide.
        for id in ["fund.deficit", "fund.warning_letter", "fund.months_below_minimum"] {
            assert_eq!(of(id), Some(Condition::When), "{id}");
        }
        for r in RULES.iter().filter(|r| r.is_eligibility()) {
            assert_eq!(r.condition, Some(Condition::When), "{}: an eligibility condition of the applicant", r.id);
        }
        // linyi-2025 三(二) "“15分钟医保服务圈”范围内已有同类型定点零售药店的,不再受理新增定点申请": the place.
        for id in [
            "pharmacy.same_type_nearby",
            "pharmacy.min_spacing",
            "pharmacy.area_class",
            "inpatient.same_type_nearby",
            "outpatient.nearby",
            "outpatient_pharmacy.no_new",
            "inpatient.city_supply",
            "inpatient.county_supply",
            "special_drug_pharmacy.quota",
            "pharmacy.category_quota",
        ] {
            assert_eq!(of(id), Some(Condition::Where), "{id}");
        }
    }
}
