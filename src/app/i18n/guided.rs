//! Guided mode for the public (`app::guided`, `ui/guided/`).

use crate::text::{Lang, Words};
use crate::words;

pub const G_ENTER: Words = words!("简易自查（公众版）", "Quick check (for the public)");
pub const G_EXPERT: Words = words!("专家视图", "Expert view");

pub const G_TITLE: Words = words!("我的机构能申请医保定点吗？", "Could my institution be designated?",);

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

pub fn g_progress(lang: Lang, k: usize, n: usize) -> String {
    match lang {
        Lang::Zh => format!("第 {k} 步，共 {n} 步"),
        Lang::En => format!("Step {k} of {n}"),
    }
}

pub const G_Q_KIND: Words = words!("您要申请定点的是哪类机构？", "What kind of institution is applying?",);

pub const G_KIND_PHARMACY_HINT: Words = words!("卖药的零售药店、连锁药店门店", "a retail pharmacy or a chain's shop",);

pub const G_KIND_OUTPATIENT_HINT: Words =
    words!("只看门诊、不收住院病人的门诊部、诊所", "outpatients only, no hospital beds",);

pub const G_KIND_PRIMARY_HINT: Words = words!(
    "乡镇卫生院、社区卫生服务中心（站）、村卫生室等",
    "township health centres, community health centres and stations, village clinics",
);

pub const G_KIND_GENERAL_HINT: Words = words!("收住院病人的综合医院", "a general hospital with inpatient beds",);

pub const G_KIND_SPECIALTY_HINT: Words = words!(
    "收住院病人的专科医院（如口腔、眼科、康复）",
    "a specialty hospital with inpatient beds (dental, eye, rehabilitation …)",
);

pub const G_Q_CATEGORY: Words = words!("药店申请哪些类别的定点？", "Which categories does the pharmacy apply for?",);

pub const G_Q_CATEGORY_HINT: Words = words!(
    "可以多选。离得近的同类定点药店才算“同类”。",
    "Choose one or more. Only designated pharmacies of a shared category count as the same type.",
);
pub const G_CAT_ORDINARY_HINT: Words = words!("一般的医保购药", "everyday insured purchases");

pub const G_CAT_CHRONIC_HINT: Words =
    words!("为门诊慢性病、特殊病患者供药", "medicines for chronic and special outpatient conditions",);

pub const G_CAT_SPECIAL_HINT: Words =
    words!("国家谈判药品等特殊药品", "special drugs such as nationally negotiated medicines",);
pub const G_Q_SPECIALTY: Words = words!("是哪个专科？", "Which specialty?");

pub const G_Q_SUBTYPE: Words = words!("是哪种基层医疗卫生机构？", "Which kind of primary-care institution?",);

pub const G_INTEGRATED: Words =
    words!("实行乡村（或医共体）一体化管理", "under integrated (village or county-network) management",);
pub const G_INTEGRATED_HINT: Words = words!("不确定就不选", "leave unticked if unsure");
pub const G_CHOOSE: Words = words!("请选择…", "Choose …");

pub const G_Q_CHANGE: Words = words!("这是新开、新增执业点，还是搬迁？", "Is it new, a new site, or a move?",);
pub const G_CHANGE_NEW: Words = words!("新开一家", "A new institution");

pub const G_CHANGE_NEW_HINT: Words =
    words!("还不是医保定点，第一次申请", "not designated yet, applying for the first time",);

pub const G_CHANGE_SITE: Words =
    words!("已是定点，新增一个执业点（分院、分店）", "Already designated, adding a site (a branch)",);

pub const G_CHANGE_SITE_HINT: Words =
    words!("规划把新增执业点视同新开", "the plan treats a new site as a new designation",);

pub const G_CHANGE_MOVE: Words = words!("已是定点，搬到新地址", "Already designated, moving to a new address",);
pub const G_CHANGE_MOVE_HINT: Words = words!("按新地址重新审核", "judged again at the new address");

pub const G_SIZE_INTRO: Words = words!(
    "国家规定的基本条件要用到这些数字。还没开业的，运营月数填 0：结果会分开告诉您所选位置能否受理，以及开业多久后才能申请。",
    "The national basic conditions need these figures. If it has not opened yet, enter 0 months: the answer then tells you separately whether the spot would be accepted and how long after opening it may apply.",
);
pub const G_Q_MONTHS: Words = words!("已经正式运营了几个月？", "How many months has it operated?");

pub const G_Q_MONTHS_HINT: Words = words!("要满 3 个月才能申请", "3 months are needed before applying");
pub const G_Q_PHARMACISTS: Words = words!("有几名执业药师？", "How many licensed pharmacists?");
pub const G_Q_PHARMACISTS_HINT: Words = words!("至少要有 1 名", "at least 1 is needed");

pub const G_Q_PHYSICIANS: Words =
    words!("有几名第一注册地在本机构的医师？", "How many physicians are first registered here?",);
pub const G_Q_PHYSICIANS_HINT: Words = words!("至少要有 1 名", "at least 1 is needed");
pub const G_Q_BEDS: Words = words!("有多少张床位？", "How many beds?");

pub const G_Q_BEDS_HINT: Words = words!("没有住院床位就填 0", "enter 0 if there are no inpatient beds",);

pub const G_Q_STAFF: Words = words!("医保办有几名工作人员？", "How many staff in the insurance office?",);

pub const G_Q_STAFF_HINT: Words =
    words!("100 张床位及以下至少 1 人，更多床位要更多人", "at least 1 up to 100 beds, more for more beds",);

pub const G_Q_DEPT: Words = words!("是否设有内部医保管理部门？", "Is there an internal insurance department?",);

pub const G_Q_KEY: Words =
    words!("是否属于政府确定的重点建设项目？", "Is it a key construction project named by the government?",);

pub const G_Q_NEGATIVE: Words = words!("机构是否有过以下情形？", "Has the institution had any of these?",);
pub const G_NONE_OF_THESE: Words = words!("没有", "None");

pub const G_Q_XIAN: Words =
    words!("卫生健康部门是否认定为以下情形？", "Has the health commission listed it as follows?",);

pub const G_UNEVEN_HINT: Words = words!("以卫生健康部门公布的名单为准", "as published by the health commission",);

pub const G_SHORTAGE_HINT: Words = words!(
    "如护理、儿科、老年医学、精神、康复等紧缺类型（假设）",
    "e.g. nursing, paediatrics, geriatrics, psychiatry, rehabilitation (an assumption)",
);
pub const G_E_KIND: Words = words!("请选择一种机构类型", "Choose a kind of institution");
pub const G_E_CATEGORY: Words = words!("请至少选择一个类别", "Choose at least one category");
pub const G_E_CHOOSE: Words = words!("请选择一项", "Choose one");

pub const G_E_REQUIRED: Words = words!("请填写一个数字（没有就填 0）", "Enter a number (0 if none)");

pub const G_E_PLACE: Words =
    words!("请先在地图上选一个地点，或使用您的位置", "Pick a spot on the map first, or use your location",);

pub const G_OUTSIDE: Words = words!(
    "这个地点不在本数据集所覆盖的城市范围内，请在地图上框出的区县内选址。",
    "That spot is outside the city this data covers: pick a spot inside the county outlines on the map.",
);

pub const G_PLACE_HINT: Words = words!(
    "在地图上点一下您打算开办的地点。一根手指拖动地图，用 ＋／－ 放大缩小；也可以用键盘方向键移动地图，再选“用地图中心点”。",
    "Tap the map where you plan to open. Drag with one finger, zoom with + / −; with a keyboard, move the map with the arrow keys and choose “Use the map centre”.",
);
pub const G_LOCATE: Words = words!("使用我的位置", "Use my location");

pub const G_LOCATING: Words = words!("正在向浏览器请求您的位置…", "Asking your browser for your location …",);

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
    "坐标为 WGS-84（GPS 和浏览器定位使用的坐标），与数据一致；粘贴的高德（GCJ-02）、百度（BD-09）坐标先换算为 WGS-84。",
    "Coordinates are WGS-84 (as GPS and the browser give them), the same as the data's; pasted AMap (GCJ-02) and Baidu (BD-09) coordinates are converted to WGS-84 first.",
);

pub const G_MAP_LABEL: Words = words!("选址地图：点按选择地点", "Location map: tap to choose a spot",);
pub const G_MAP_LEGEND: Words = words!("地图图例", "Map legend");
pub const G_MAP_SPOT: Words = words!("您的选址", "Your spot");

pub const G_MAP_CIRCLE: Words = words!("虚线圆：规划的服务半径", "Dashed circle: the plan's service radius",);

pub const G_MAP_SAME: Words = words!("会计入距离判断的定点机构", "Designated institutions the distance rule counts",);

pub const G_MAP_PLACE: Words =
    words!("可受理的地点（编号与距离）", "Places that would be accepted (number and distance)",);

pub const G_MAP_CROWDED: Words =
    words!("此范围内机构太多，放大地图后显示。", "Too many institutions here: zoom in to see them.",);

pub const G_MAP_TAP_AGAIN: Words =
    words!("在地图上点另一个地点，可以立即查看那里的结果。", "Tap another spot on the map to see the answer there.",);
pub const G_NO_ANSWER: Words = words!("请先选择地点。", "Choose a spot first.");

pub const G_SAMPLE_NOTE: Words = words!(
    "本工具中的机构位置和人口是合成的示例数据，不是真实机构。",
    "The institutions and residents here are a synthetic sample, not real ones.",
);

pub const G_SYNTH_NOTE: Words = words!(
    "区县、区县边界和人口是真实的（人口普查、高德边界），机构和居民点的位置是合成的，不是真实机构。",
    "Counties, their outlines and residents are real (census, AMap outlines); the locations of institutions and residents are synthetic, not real institutions.",
);
pub const G_REASONS: Words = words!("原因", "Reasons");
pub const G_CLAUSE: Words = words!("依据：", "Clause: ");
pub const G_WHAT_CHANGES: Words = words!("怎样会改变结果", "What would change the answer");

pub const G_NEAREST: Words = words!("离您最近的可受理地点", "The nearest places where it would be accepted",);

pub const G_NEAREST_INTRO: Words = words!(
    "按规划草案的位置规则（只看地点，不看开业时间、人员等），同样的申请放在这些地点会被受理（距离从您的选址算起，地图上有编号）：",
    "Under the draft plan's location rules (the place only, not months open, staff and the like), the same application would be accepted at these places (distances from your spot; numbered on the map):",
);

/// On the answer's first screen, beside the outcome: where the same application would do.
pub const G_FIRST_PLACE: Words = words!("最近的可受理地点：", "The nearest place where it would be accepted: ");
pub const G_FIRST_PLACE_MORE: Words = words!("全部地点和地图", "all places and the map");

pub const G_NEAREST_WHEN: Words = words!("在这些地点同样要：", "At these places too: ");

pub const G_REASONS_WHERE: Words = words!("这个位置：规划的位置规则", "This place: the plan's location rules");

pub const G_REASONS_WHEN: Words = words!(
    "与位置无关：开业时间、人员和全市的情况（在哪里都一样）",
    "Not about the place: time open, staff and the city's state (the same everywhere)",
);

pub fn g_from_you(lang: Lang, dist: &str) -> String {
    match lang {
        Lang::Zh => format!("距您的选址{dist}"),
        Lang::En => format!("{dist} from your spot"),
    }
}

/// A place's county after its way there (in English by its romanised name where known).
pub fn g_in_county(lang: Lang, county: &str) -> String {
    match lang {
        Lang::Zh => format!("（{county}）"),
        Lang::En => format!(", {}", crate::place_names::romanised(county).unwrap_or(county)),
    }
}

pub fn g_try_place_label(lang: Lang, k: usize, dist: &str) -> String {
    match lang {
        // Begins with the button's visible words, as a speech-input user would say them.
        Lang::Zh => format!("改选这里：第 {k} 个地点（{dist}）"),
        Lang::En => format!("Check here: place {k} ({dist})"),
    }
}

pub const G_TRY_PLACE: Words = words!("改选这里", "Check here");
pub const G_WHOLE_CITY: Words = words!("全市", "In the whole city");

pub const G_CLOSED: Words =
    words!("今年没有任何地点可受理这类申请。", " no place is open to this kind of application this year.",);
pub const G_CLOSED_BY: Words = words!("原因是：", " The rule that closes it: ");

pub const G_NONE_FOUND: Words = words!("附近没有找到可受理的地点。", "No place nearby would accept it.",);

pub const G_NO_CELLS: Words = words!(
    "这份数据没有人口格网，无法搜索其他地点。",
    "This data has no population cells to search for other places.",
);

pub const G_TRACE: Words = words!("查看专家判定过程（逐条规则）", "Show the expert trace (rule by rule)",);
pub const G_CHANGE_PLACE: Words = words!("换个地点", "Choose another spot");
pub const G_RESTART: Words = words!("重新开始", "Start again");

pub const G_TO_EXPERT: Words = words!("在专家视图中打开这份申请", "Open this application in the expert view",);
pub const G_APP_NAME: Words = words!("简易自查的申请", "Application from the quick check");

pub const G_IMPORTED_NOTE: Words = words!(
    "机构和人口来自您导入的数据文件，结果只与该文件一样准确。",
    "The institutions and residents come from the data file you loaded: the answer is only as right as that file.",
);

pub const G_MOVING_FROM: Words = words!("您现在是哪家定点机构？", "Which designated institution are you now?",);

pub const G_MOVING_FROM_HINT: Words = words!(
    "输入名称或编号，从列表中选择。旧址不会算作新址附近的同类机构。",
    "Type the name or number and pick it from the list. Your old site is then not counted as a neighbour of the new one.",
);
pub const G_MOVING_FOUND: Words = words!("已找到：编号", "Found: number");

pub const G_MOVING_UNLISTED: Words = words!(
    "数据中没有这家机构：按新机构计算，旧址若在附近，会被算作同类机构。",
    "Not in the data: judged as a new institution, so an old site nearby counts as a neighbour.",
);

pub const G_BAR: Words =
    words!("想开药店或诊所？简易自查（公众版）", "Opening a pharmacy or clinic? The quick check for the public",);
