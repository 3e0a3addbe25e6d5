//! Importing bureau lists and opened files (`ui/import_panel.rs`, `app::state`).

use crate::text::Words;
use crate::words;

pub const IM_HEADING: Words = words!("导入数据", "Import data");

pub const IM_INTRO: Words = words!(
    "导入医保部门公布的定点机构名单、申请或人口格网：CSV（UTF-8 或 GBK，逗号或制表符分隔）、Excel 工作簿或 GeoJSON。文件只在本浏览器中读取。",
    "Import a bureau's list of designated institutions, applications or population cells: CSV (UTF-8 or GBK, comma or tab), Excel workbooks or GeoJSON. Files are read in this browser only.",
);

pub const IM_DROP: Words = words!("选择文件，或把文件拖到这里", "Choose a file, or drop one here",);
pub const IM_BYTES: Words = words!("字节", "bytes");
pub const IM_WHAT: Words = words!("文件内容", "The file holds");

pub const IM_WHAT_INSTITUTIONS: Words = words!("医药机构（定点名单）", "institutions (designated list)");

pub const IM_WHAT_APPLICATIONS: Words = words!("申请（批量判定）", "applications (decided in a batch)");
pub const IM_WHAT_CELLS: Words = words!("人口格网", "population cells");

pub const IM_WHAT_BOUNDARIES: Words = words!("区县边界（GeoJSON 面）", "county boundaries (GeoJSON polygons)",);
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

pub const IM_CANCELLED: Words = words!("已取消导入，数据保持不变。", "Import cancelled; the data is as it was.",);

pub const IM_APPLYING: Words =
    words!("正在应用导入的数据并重新计算…", "Applying the imported records and recomputing…",);

pub const IM_APPLY_FAILED: Words =
    words!("导入的记录未应用，数据保持不变：", "The imported records were not applied; the data is as it was: ",);

pub const IM_DATA_CHANGED: Words = words!(
    "导入期间数据已被修改：导入的记录未应用，请重新导入。",
    "The data was edited during the import: the imported records were not applied; import the file again.",
);

pub const IM_NOTHING: Words =
    words!("没有可导入的行，数据保持不变。", "No row could be imported; the data is as it was.",);
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
