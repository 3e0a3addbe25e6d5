//! Every rule the engine knows, in trace order (DESIGN.md §1), with its title and the clause of
//! the text it comes from. A preset turns rules on and may cite them differently; a rule that a
//! user turns on where the preset's text has none keeps its origin clause.

use crate::text::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleDef {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    /// The clause of the text the rule comes from; empty for a general rule no built-in text
    /// has, which a preset that turns it on cites by its own clause.
    pub origin_clause: &'static str,
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
}

macro_rules! rule {
    ($id:literal, $zh:literal, $en:literal, $clause:literal) => {
        RuleDef { id: $id, zh: $zh, en: $en, origin_clause: $clause }
    };
}

/// Trace order: national, negative list, staffing, exemptions, fund, bed supply, the kind's own
/// rules, pharmacy area class, changes.
pub static RULES: &[RuleDef] = &[
    rule!("national.operating_months", "正式运营满3个月", "operating for at least 3 months", "令2号 第六条(一)"),
    rule!("national.physician", "至少1名执业医师", "at least one physician", "令2号 第六条(二)"),
    rule!("national.pharmacist", "至少1名药师", "at least one pharmacist", "令3号"),
    rule!(
        "national.insurance_dept",
        "100张床位以上设医保管理部门",
        "insurance department at 100+ beds",
        "令2号 第六条(三)"
    ),
    rule!("negative_list", "准入负面清单", "admission negative list", "linyi-2019 政策措施(三)"),
    rule!("staffing.insurance_office", "医保办人员配备", "insurance office staffing", "linyi-2019 政策措施(二)"),
    rule!(
        "exempt.key_project",
        "重点建设项目不受规划限制",
        "key construction projects are not limited by the plan",
        "linyi-2025 三(四)3"
    ),
    rule!(
        "exempt.listed",
        "列明机构不受规划限制",
        "listed institutions are not limited by the plan",
        "xian-2025 规划目标和内容(二)3(1)"
    ),
    rule!("priority.listed", "列明机构优先纳入", "listed institutions come first", "xian-2025 规划目标和内容(二)3(1)"),
    rule!("fund.deficit", "基金赤字暂停受理", "fund deficit suspends", "linyi-2025 三(三)1"),
    rule!("fund.warning_letter", "基金风险预警函暂停受理", "fund-risk warning letter suspends", "linyi-2025 三(三)2"),
    rule!(
        "fund.months_below_minimum",
        "基金可支付月数低于最低要求",
        "fund months below the minimum",
        "linyi-2025 三(三)3"
    ),
    rule!("inpatient.city_supply", "全市床位测算值", "city bed supply", "linyi-2025 三(一)1(1)(2)"),
    rule!("inpatient.county_supply", "县区床位测算值", "county bed supply", "linyi-2025 三(一)1①"),
    rule!(
        "inpatient.same_type_nearby",
        "服务圈内同类型住院定点机构",
        "same-type inpatient institution in the circle",
        "linyi-2025 三(一)1②"
    ),
    rule!(
        "inpatient.strict_control",
        "住院定点严格控制增量",
        "strict control of new inpatient designations",
        "xian-2025 规划目标和内容(二)1"
    ),
    rule!("outpatient.nearby", "服务圈内已有门诊定点机构", "outpatient provider in the circle", "linyi-2025 三(一)2"),
    rule!(
        "outpatient_pharmacy.no_new",
        "原则上不再新增（步行15分钟内无同类）",
        "no new ones in principle (unless none of the type within a 15-minute walk)",
        "xian-2025 规划目标和内容(二)2"
    ),
    rule!("primary_care.priority", "基层医疗机构优先纳入", "primary care comes first", "linyi-2025 三(一)2 ¶2"),
    rule!(
        "pharmacy.same_type_nearby",
        "服务圈内同类型定点药店",
        "same-type designated pharmacy in the circle",
        "linyi-2025 三(二)"
    ),
    rule!(
        "pharmacy.min_spacing",
        "药店之间的最小间距（不论类别）",
        "minimum spacing between pharmacies, whatever their category",
        ""
    ),
    rule!(
        "special_drug_pharmacy.quota",
        "特药药店总量控制",
        "special-drug pharmacy quota",
        "xian-2025 规划目标和内容(二)3(2)"
    ),
    rule!(
        "medical_aid.designated_only",
        "医疗救助定点限于医保定点机构",
        "medical-aid designation only for designated institutions",
        "xian-2025 规划目标和内容(二)3(3)"
    ),
    rule!("pharmacy.category_quota", "分类别的药店总量", "a quota of pharmacies per category", ""),
    rule!("pharmacy.area_class", "药店区域分类", "pharmacy area class", "linyi-2025 三(二)"),
    rule!("change.new_site", "新增执业地点视同新增", "a new site is judged as new", "linyi-2025 三(四)1"),
    rule!(
        "change.address",
        "变更注册地址按本规划执行",
        "an address change is judged under the plan",
        "linyi-2025 三(四)2"
    ),
    rule!(
        "change.unregulated",
        "规划未规定迁址与新增执业地点",
        "the plan has no clause on moves and new sites",
        "xian-2025 规划目标和内容(二)"
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
