//! The one table of parameters and interpretation switches. Labels, units and valid ranges live
//! here; defaults and source clauses live in each preset file, because they differ by city.

use serde_json::Value;

use crate::text::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Beds,
    Circle,
    Fund,
    Pharmacy,
    Eligibility,
    /// linyi-2019 政策措施(三)(四)(五): the yearly assessment, exits and agreement terms.
    Exits,
    /// shandong-2024: the county medical community's global budget and its settlement.
    Budget,
    Switches,
}

impl Group {
    pub const ALL: [Group; 8] = [
        Group::Beds,
        Group::Circle,
        Group::Fund,
        Group::Pharmacy,
        Group::Eligibility,
        Group::Exits,
        Group::Budget,
        Group::Switches,
    ];

    pub fn label(self) -> Text {
        match self {
            Group::Beds => Text::new("床位", "Beds"),
            Group::Circle => Text::new("15分钟医保服务圈", "Service circle"),
            Group::Fund => Text::new("医保基金", "Insurance fund"),
            Group::Pharmacy => Text::new("零售药店区域", "Pharmacy areas"),
            Group::Eligibility => Text::new("申请条件", "Eligibility"),
            Group::Exits => Text::new("年度考核与退出", "Annual assessment and exits"),
            Group::Budget => Text::new("县域医共体医保基金总额付费", "County medical community global budget"),
            Group::Switches => Text::new("条文未明之处（解释开关）", "Where the text is silent (switches)"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ParamKind {
    /// A number in `min..=max`; `integer` refuses fractions; `auto` allows `null` meaning
    /// "derived from the data" (e.g. the special-drug quota).
    Number {
        min: f64,
        max: f64,
        step: f64,
        integer: bool,
        auto: bool,
    },
    /// One of the listed values.
    Choice(&'static [ChoiceOption]),
    Bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChoiceOption {
    pub value: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

const fn opt(value: &'static str, zh: &'static str, en: &'static str) -> ChoiceOption {
    ChoiceOption { value, zh, en }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamDef {
    pub id: &'static str,
    pub group: Group,
    pub zh: &'static str,
    pub en: &'static str,
    pub unit_zh: &'static str,
    pub unit_en: &'static str,
    pub kind: ParamKind,
    /// For switches: the question the text leaves open.
    pub question_zh: &'static str,
    pub question_en: &'static str,
}

impl ParamDef {
    pub fn label(&self) -> Text {
        Text::new(self.zh, self.en)
    }
    pub fn unit(&self) -> Text {
        Text::new(self.unit_zh, self.unit_en)
    }
    pub fn question(&self) -> Option<Text> {
        (!self.question_zh.is_empty()).then(|| Text::new(self.question_zh, self.question_en))
    }

    /// Checks a value against the table; the message names the range or the allowed values.
    pub fn check(&self, v: &Value) -> Result<Value, String> {
        match self.kind {
            ParamKind::Number { min, max, integer, auto, .. } => {
                if v.is_null() && auto {
                    return Ok(Value::Null);
                }
                let Some(x) = v.as_f64() else {
                    return Err(format!(
                        "{} is not a number{}",
                        v,
                        if auto { " (or null for the figure derived from the data)" } else { "" }
                    ));
                };
                if !x.is_finite() || x < min || x > max {
                    return Err(format!("{} is outside {}..{}", crate::text::num(x, 6), fmt(min), fmt(max)));
                }
                if integer && x.fract() != 0.0 {
                    return Err(format!("{} is not a whole number", x));
                }
                Ok(v.clone())
            }
            ParamKind::Choice(options) => {
                // Numbers are accepted where the choice is a number, e.g. `staffing_at_1000_beds: 5`.
                let s = match v {
                    Value::String(s) => s.clone(),
                    Value::Number(n) => n.to_string(),
                    Value::Bool(b) => b.to_string(),
                    _ => String::new(),
                };
                if options.iter().any(|o| o.value == s) {
                    Ok(Value::String(s))
                } else {
                    let allowed: Vec<String> = options.iter().map(|o| format!("\"{}\"", o.value)).collect();
                    Err(format!("{} is not one of {}", v, allowed.join(", ")))
                }
            }
            ParamKind::Bool => match v {
                Value::Bool(_) => Ok(v.clone()),
                _ => Err(format!("{} is not true or false", v)),
            },
        }
    }
}

fn fmt(x: f64) -> String {
    crate::text::num(x, 6)
}

const NO_Q: (&str, &str) = ("", "");

macro_rules! param {
    ($id:literal, $group:ident, $zh:literal, $en:literal, $uzh:literal, $uen:literal, $kind:expr) => {
        param!($id, $group, $zh, $en, $uzh, $uen, $kind, NO_Q)
    };
    ($id:literal, $group:ident, $zh:literal, $en:literal, $uzh:literal, $uen:literal, $kind:expr, $q:expr) => {
        ParamDef {
            id: $id,
            group: Group::$group,
            zh: $zh,
            en: $en,
            unit_zh: $uzh,
            unit_en: $uen,
            kind: $kind,
            question_zh: $q.0,
            question_en: $q.1,
        }
    };
}

const fn number(min: f64, max: f64, step: f64) -> ParamKind {
    ParamKind::Number { min, max, step, integer: false, auto: false }
}
const fn whole(min: f64, max: f64) -> ParamKind {
    ParamKind::Number { min, max, step: 1.0, integer: true, auto: false }
}

pub static PARAMETERS: &[ParamDef] = &[
    param!("target_beds_per_1000", Beds, "每千常住人口目标床位数", "target beds per 1,000 residents",
        "张/千人", "beds per 1,000", number(0.1, 50.0, 0.01)),
    param!("fund_coef_enabled", Beds, "测算值计入基金调节系数", "apply the fund coefficient to the measured value",
        "", "", ParamKind::Bool),
    param!("fund_coef_source", Beds, "基金调节系数取哪项基金", "fund used for the fund coefficient",
        "", "", ParamKind::Choice(&[
            opt("lower", "两项中较低者", "the lower of the two"),
            opt("employee", "职工医保统筹基金", "employee pooled fund"),
            opt("resident", "居民医保基金", "resident fund"),
        ])),
    param!("patient_coef_enabled", Beds, "测算值计入患者调节系数", "apply the patient coefficient to the measured value",
        "", "", ParamKind::Bool),
    param!("service_radius_m", Circle, "服务半径", "service radius", "米", "m", number(50.0, 20_000.0, 50.0)),
    param!("employee_fund_min_months", Fund, "职工医保统筹基金最低可支付月数", "employee pooled fund: minimum months payable",
        "个月", "months", number(0.0, 120.0, 0.5)),
    param!("resident_fund_min_months", Fund, "居民医保基金最低可支付月数", "resident fund: minimum months payable",
        "个月", "months", number(0.0, 120.0, 0.5)),
    param!("pharmacy_area_cell_m", Pharmacy, "区域网格边长（无行政区划时）", "area grid cell size (when the data has no areas)",
        "米", "m", number(100.0, 50_000.0, 100.0)),
    param!("pharmacy_insufficient_below_per_10k", Pharmacy, "“相对不足”上限", "“insufficient” below",
        "家/万人", "per 10,000 residents", number(0.0, 1000.0, 0.1)),
    param!("pharmacy_saturated_above_per_10k", Pharmacy, "“相对饱和”下限", "“saturated” above",
        "家/万人", "per 10,000 residents", number(0.0, 1000.0, 0.1)),
    param!("special_drug_quota", Pharmacy, "特药定点零售药店总量（空=原文未给出）", "special-drug pharmacy quota (empty: the text gives none)",
        "家", "pharmacies", ParamKind::Number { min: 0.0, max: 1_000_000.0, step: 1.0, integer: true, auto: true }),
    param!("negative_list_years", Eligibility, "负面清单不予受理年限", "negative list: years barred",
        "年", "years", whole(0.0, 50.0)),
    param!("staffing_min_up_to_100_beds", Eligibility, "医保办人员：100张床位及以下", "insurance office staff: up to 100 beds",
        "人", "staff", whole(0.0, 100.0)),
    param!("staffing_min_101_to_1000_beds", Eligibility, "医保办人员：101–1000张床位", "insurance office staff: 101–1,000 beds",
        "人", "staff", whole(0.0, 100.0)),
    param!("staffing_min_over_1000_beds", Eligibility, "医保办人员：1000张床位以上", "insurance office staff: over 1,000 beds",
        "人", "staff", whole(0.0, 100.0)),
    param!("exit_score_min", Exits, "考核得分合格线（低于即按“管理差”退出）", "assessment score pass mark (below it: exit for poor management)",
        "分", "points", number(0.0, 1000.0, 1.0)),
    param!("exit_satisfaction_min_pct", Exits, "群众满意度下限（低于即退出）", "minimum satisfaction (below it: exit)",
        "%", "%", number(0.0, 100.0, 1.0)),
    param!("exit_bottom_share_pct", Exits, "综合绩效评估“排位靠后”的比例", "bottom share of the comprehensive assessment",
        "%", "%", number(0.0, 100.0, 0.5)),
    param!("agreement_term_years", Exits, "协议有效期", "agreement term", "年", "years", whole(1.0, 20.0)),
    param!("agreement_extended_term_years", Exits, "协议期内无违法违规时的续约有效期", "renewal term when the term had no violation",
        "年", "years", whole(1.0, 30.0)),
    param!("last_place_severe_excess_pct", Exits, "“严重超额”：超出规划配置的比例", "“severely over quota”: excess over the plan's quantity",
        "%", "%", number(0.0, 1000.0, 1.0)),
    param!("budget_surplus_retained_pct", Budget, "结余留用比例", "share of a surplus the community retains",
        "%", "%", number(0.0, 100.0, 1.0)),
    param!("budget_overspend_fund_share_pct", Budget, "其他合理超支由医保基金分担的比例", "fund's share of other reasonable overspend",
        "%", "%", number(0.0, 100.0, 1.0)),
    param!("budget_objective_compensation_pct", Budget, "客观因素导致超支的补偿比例", "compensation of overspend from objective causes",
        "%", "%", number(0.0, 100.0, 1.0)),
    param!("budget_prepay_months", Budget, "向医共体预付医保基金月数", "months of fund advanced to the community",
        "个月", "months", number(0.0, 12.0, 0.5)),
    param!("reimbursement_gap_min_pp", Budget, "乡镇卫生院与县级医院居民住院报销比例最小差距", "minimum gap between township and county-hospital resident inpatient reimbursement",
        "个百分点", "percentage points", number(0.0, 100.0, 0.5)),
    param!("dip_primary_diseases_min", Budget, "DIP基层病种最少数", "minimum DIP primary-care diseases",
        "个", "diseases", whole(0.0, 10_000.0)),
    param!("drg_primary_groups_min", Budget, "DRG基层病组最少数", "minimum DRG primary-care groups",
        "个", "groups", whole(0.0, 10_000.0)),
    param!("primary_groups_due_year", Budget, "基层病种（组）数量须于该年年底前达标", "primary-care diseases and groups due by the end of",
        "年", "year", whole(2000.0, 2100.0)),
    param!("budget_assessment_link", Budget, "履约考核结果如何影响年终清算", "how the performance assessment enters the year-end settlement",
        "", "", ParamKind::Choice(&[
            opt("not_applied", "条文只说挂钩、未说如何挂钩：得分只显示，不折算", "the text links them but not how: the score is shown, not applied"),
            opt("scale", "按得分折算结余留用额和医保基金分担额", "the score scales the retained surplus and the fund's share of overspend"),
        ]),
        ("二(四)“考核结果与年终清算超支分担和结余留用机制挂钩”：得分如何改变留用额和分担额？",
         "二(四) “the assessment results are linked to the year-end sharing of overspend and retention of surplus”: how does a score change them?")),
    param!("budget_assessment_full_score", Budget, "考核得分达到此分即全额留用、全额分担（低于按比例折算）", "assessment score at or above which nothing is scaled down (below it, in proportion)",
        "分", "points", number(1.0, 1000.0, 1.0)),
    param!("between_band", Switches, "测算值介于目标值与实际值之间", "measured value between target and actual",
        "", "", ParamKind::Choice(&[
            opt("gap", "条文未规定（待定）", "the text is silent (undetermined)"),
            opt("suspend", "暂停受理", "suspend"),
            opt("pass", "可以受理", "accept for assessment"),
        ]),
        ("三(一)1只规定了测算值同时低于或同时高于目标值和实际值的情形，介于两者之间（或相等）时怎么办？",
         "三(一)1 covers only measured below both or above both: what happens between them, or on equality?")),
    param!("city_supply_scope", Switches, "全市暂停受理的范围", "scope of the city-wide suspension",
        "", "", ParamKind::Choice(&[
            opt("inpatient", "住院医疗机构（所在标题）", "inpatient institutions (the heading's scope)"),
            opt("all_medical", "所有医疗机构（字面）", "every medical institution (the literal words)"),
        ]),
        ("三(一)1(1)暂停“医疗机构新增医保定点”，却写在“提供住院服务的医疗机构”标题下。",
         "三(一)1(1) suspends “new designations of medical institutions” under the heading for inpatient institutions.")),
    param!("same_type_nearby_effect", Switches, "服务圈内已有同类型机构的后果", "effect of a same-type institution in the circle",
        "", "", ParamKind::Choice(&[
            opt("reject", "不予受理该申请", "reject the application"),
            opt("suspend", "暂停县域受理评估", "suspend the county's acceptance"),
        ]),
        ("三(一)1②字面上暂停整个县域的受理评估，还是只是不受理该申请？",
         "三(一)1 ② literally suspends the county's acceptance: or does it only reject this application?")),
    param!("saturated_pharmacy_area", Switches, "“相对饱和”区域的新药店", "new pharmacies in saturated areas",
        "", "", ParamKind::Choice(&[
            opt("gap", "条文未规定（待定）", "the text is silent (undetermined)"),
            opt("pass", "可以受理", "accept for assessment"),
            opt("fail", "不予受理", "reject"),
        ]),
        ("三(二)只说饱和区域“逐步优化布局及密度”，未说是否受理新申请。",
         "三(二) says saturated areas are “gradually optimised”, not whether new ones are accepted.")),
    param!("key_project_escapes_fund", Switches, "重点项目是否也不受基金暂停限制", "does a key project escape the fund suspension?",
        "", "", ParamKind::Bool,
        ("三(四)3“不受本规划限制”：基金暂停（三(三)）也属于本规划吗？",
         "三(四)3 “not limited by this plan”: is the fund suspension of 三(三) part of the plan?")),
    param!("staffing_is_admission_condition", Switches, "医保办人员数是否为受理条件", "is insurance-office staffing an admission condition?",
        "", "", ParamKind::Bool,
        ("2019年的人员配备是定点机构的义务（较高档次写“原则上”）；令2号第六条(三)把医保管理人员列为申请条件。",
         "The 2019 staffing numbers are duties of designated institutions (upper tiers say “in principle”); Order No. 2 Art. 6(3) makes staffing an application condition.")),
    param!("staffing_at_1000_beds", Switches, "恰好1000张床位时的人员要求", "staff required at exactly 1,000 beds",
        "人", "staff", ParamKind::Choice(&[
            opt("3", "3人（101–1000张档）", "3 (the 101–1,000 tier)"),
            opt("5", "5人（“1000张以上”含本数）", "5 (“1,000 and above” includes 1,000)"),
        ]),
        ("“101张-1000张”与“1000张床位以上”在1000张处重叠。",
         "“101–1,000 beds” and “1,000 beds and above” overlap at exactly 1,000.")),
    param!("xian_inpatient_default", Switches, "“严格控制增量”的住院机构", "inpatient institutions under “strict control of growth”",
        "", "", ParamKind::Choice(&[
            opt("fail", "不予受理", "reject"),
            opt("gap", "条文未规定（待定）", "the text is silent (undetermined)"),
        ]),
        ("规划目标和内容(二)1“严格控制增量”是严格控制，不是明文禁止。",
         "规划目标和内容(二)1 “strictly control growth” is strict control, not an explicit ban.")),
    param!("xian_count_non_designated", Switches, "未定点的同类机构是否计入", "do non-designated institutions count?",
        "", "", ParamKind::Bool,
        ("规划目标和内容(二)2“没有同类型医药机构”：未定点的算不算？",
         "规划目标和内容(二)2 “no institution of the same type”: does a non-designated one count?")),
    param!("xian_special_drug_regime", Switches, "特药药店的审核方式", "how special-drug pharmacies are judged",
        "", "", ParamKind::Choice(&[
            opt("quota_only", "仅总量控制", "quota only"),
            opt("quota_and_radius", "总量控制且适用步行15分钟规则", "quota and the 15-minute rule"),
        ]),
        ("特药药店只看总量控制，还是同时适用规划目标和内容(二)2？",
         "Is a special-drug pharmacy judged by its quota only, or also by 规划目标和内容(二)2?")),
    param!("primary_care_same_type", Switches, "基层住院机构的“同类型”", "“same type” for a primary-care inpatient provider",
        "", "", ParamKind::Choice(&[
            opt("primary_care", "提供住院服务的基层医疗机构（乡镇卫生院、社区卫生服务中心）", "primary-care institutions providing inpatient care (township and community centres)"),
            opt("general", "任何综合性住院定点机构（含医院）", "any general inpatient institution, hospitals included"),
        ]),
        ("三(一)1②只说“同类型综合性或专科定点医疗机构”：有床位的乡镇卫生院、社区卫生服务中心与谁同类？",
         "三(一)1 ② says only “a same-type general or specialty institution”: what is the same type as a township or community centre with beds?")),
    param!("listed_primary_care_circle", Switches, "列明的基层机构是否仍适用800米规则", "does the 800 m rule still apply to listed primary care?",
        "", "", ParamKind::Choice(&[
            opt("circle_applies", "仍适用：优先纳入须“符合条件”（字面）", "it applies: priority is for those “meeting the conditions” (literal)"),
            opt("priority_prevails", "不适用：优先纳入条款优先", "it does not: the priority sentence prevails"),
        ]),
        ("三(一)2第一句：服务圈内已有门诊定点机构的不再受理仅门诊的新增申请；第二句：列明的基层机构“符合条件的，可优先纳入”。两句冲突时（如一体化管理的社区卫生服务站800米内已有定点诊所）以哪句为准？",
         "三(一)2 first sentence: no new outpatient-only applicant where a designated outpatient provider is in the circle; second: listed primary care “meeting the conditions may come first”. When they pull apart (an integrated community station within 800 m of a designated clinic), which prevails?")),
    param!("in_house_clinics_etc", Switches, "“高等院校等内设医疗机构”是否包括养老机构内设医疗机构", "do “in-university and similar in-house clinics” include elderly-care-home clinics?",
        "", "", ParamKind::Bool,
        ("三(一)2“高等院校等内设医疗机构”：“等”不是封闭列举，养老机构内设医疗机构（linyi-2019提到医养结合）算不算？",
         "三(一)2 “in-house clinics of universities and the like”: “等” is no closed list; do elderly-care-home clinics (linyi-2019 names 医养结合) count?")),
    param!("xian_outpatient_etc", Switches, "“门诊部、诊所等”是否包括其他仅门诊机构", "do “outpatient departments, clinics and the like” include other outpatient-only institutions?",
        "", "", ParamKind::Bool,
        ("规划目标和内容(二)2“门诊部、诊所等定点医疗机构”：“等”是否包括未列入(二)3(1)的其他仅提供门诊服务的机构（如未一体化管理的村卫生室）？",
         "规划目标和内容(二)2 “outpatient departments, clinics and the like”: does “等” take in other outpatient-only institutions not listed in (二)3(1), such as a village clinic outside integrated management?")),
    param!("change_without_clause", Switches, "规划未规定的迁址与新增执业地点", "moves and new sites where the plan has no clause",
        "", "", ParamKind::Choice(&[
            opt("gap", "条文未规定（待定）", "the text is silent (undetermined)"),
            opt("as_new", "借用临沂三(四)1–2：视同新增，原址不计入", "borrow linyi-2025 三(四)1–2: judged as new, the old site left out"),
        ]),
        ("规划没有关于变更注册地址、新增执业地点的条款：按新增申请审核，还是待定？",
         "The plan has no clause on address changes or new practice sites: judge them as new applications, or leave them undetermined?")),
    param!("exit_tie_at_cutoff", Switches, "排位靠后、末位淘汰分界处的并列得分", "scores tied at the cut-off of the bottom share or the last place",
        "", "", ParamKind::Choice(&[
            opt("all", "并列者同名次，一并退出", "the tied share the rank and all exit"),
            opt("none", "并列者同名次，一并保留", "the tied share the rank and all stay"),
        ]),
        ("政策措施(三)“排位靠后的退出去”“末位淘汰”：分界处得分并列时，并列者都退出还是都保留？",
         "linyi-2019 Measures (3) “those ranked at the bottom exit”, “last-place elimination”: when scores tie at the cut-off, do all the tied exit, or none?")),
    param!("exit_negative_list_scope", Switches, "哪些退出算“已被解除医保服务协议”", "which exits count as “agreement terminated”",
        "", "", ParamKind::Choice(&[
            opt("all_exits", "每项退出都是解除协议", "every exit terminates the agreement"),
            opt("sanctions_only", "仅严重违法违规退出是解除协议", "only exits for serious violations terminate the agreement"),
        ]),
        ("负面清单不受理“已被解除医保服务协议的”：因考核（管理差、排位靠后、末位淘汰）退出是否也算？",
         "The negative list bars those whose agreement “was terminated”: does an exit by assessment (poor management, bottom rank, last place) count?")),
    param!("last_place_layout_test", Switches, "谁“不符合布局规划要求”", "who “does not fit the layout plan”",
        "", "", ParamKind::Choice(&[
            opt("record", "以考核记录中“是否符合布局规划”一项为准", "as the assessment record's “fits the layout plan” states it"),
            opt("admission_rules", "记录未填报时，按现行准入规则在原址会被拒绝的", "where the record is silent, those the admission rules would reject at their site today"),
        ]),
        ("政策措施(三)对“不符合布局规划要求的”实行末位淘汰，布局规划由医保部门制定（政策措施(一)），模拟器没有这份规划：由考核记录填报，还是按现行准入规则推断？",
         "linyi-2019 Measures (3) applies last-place elimination to those that “do not fit the layout plan”; the bureaus draw up that plan (linyi-2019 Measures (1)) and the simulator does not have it: is it stated in the record, or inferred from today's admission rules?")),
];

pub fn param_def(id: &str) -> Option<&'static ParamDef> {
    PARAMETERS.iter().find(|p| p.id == id)
}
