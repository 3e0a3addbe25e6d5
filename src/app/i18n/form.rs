//! The application form (`ui/application_form.rs`; the guided questions borrow some labels).

use crate::text::Words;
use crate::words;

pub const FORM_HEADING: Words = words!("申请", "Application");
pub const NONE: Words = words!("无", "none");
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

pub const A_DEPT: Words = words!("设有内部医保管理部门", "has an internal insurance department",);
pub const A_OPERATING: Words = words!("正式运营月数", "months in operation");

pub const A_PHYSICIANS: Words = words!("第一注册地在本机构的医师", "physicians registered here first",);
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
