//! Which column holds what: the fields of the scenario contract, the Chinese and English headers
//! that name them in bureau lists, the caller's own mapping, finding the header row under a
//! title, and reading the values (kinds in Chinese, 是/否, full-width digits, 118°21′E …).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Target;
use crate::scenario::{Category, Change, Field, KeyLevel, Kind, NegativeReason, Scope, Specialty, Subtype};

impl Field {
    /// Whether the field means something for rows of this target.
    pub fn applies_to(self, target: Target) -> bool {
        use Field::*;
        match target {
            Target::Cells => matches!(self, Lon | Lat | Coordinates | Population | County | Area | Ignore),
            Target::Institutions => matches!(
                self,
                Id | Name
                    | Kind
                    | Category
                    | Specialty
                    | Subtype
                    | Integrated
                    | Lon
                    | Lat
                    | Coordinates
                    | County
                    | Area
                    | Designated
                    | Beds
                    | ProvidesOutpatient
                    | Ignore
            ),
            Target::Applications => !matches!(self, Designated | ProvidesOutpatient | Population),
        }
    }
}

/// The caller's own reading of a file's columns, which the app remembers per source: header
/// text (as in the file, trimmed) → field, and optionally the header row. Columns it does not
/// name are recognised by the built-in header names; `"ignore"` leaves one out.
///
/// ```json
/// {"header_row": 3, "columns": {"GPS东经": "lon", "GPS北纬": "lat", "药店编码": "id", "备注": "ignore"}}
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnMapping {
    /// The row that holds the headers, 1-based as the file shows it; absent: found by looking
    /// for the row that names the most known fields among the first rows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header_row: Option<usize>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub columns: BTreeMap<String, Field>,
}

impl ColumnMapping {
    /// The field a header names: the mapping's own entry, else the built-in recognition.
    pub fn field_of(&self, header: &str, target: Target) -> Option<Field> {
        let h = header.trim();
        if let Some(f) = self.columns.get(h) {
            return Some(*f);
        }
        if let Some((_, f)) =
            self.columns.iter().find(|(k, _)| normalize(k) == normalize(h) && !normalize(h).is_empty())
        {
            return Some(*f);
        }
        recognize(h).filter(|f| f.applies_to(target))
    }
}

// ---------------------------------------------------------------------------------------------
// Headers

/// Lower case, full-width ASCII folded, everything but letters and digits (CJK included) dropped:
/// "床位数（张）" → "床位数张", "Institution_ID" → "institutionid".
pub fn normalize(s: &str) -> String {
    s.chars().map(fold_width).filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// `normalize` after dropping bracketed parts: "床位数（张）" → "床位数", "经度(GCJ-02)" → "经度".
fn normalize_bare(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0u32;
    for c in s.chars().map(fold_width) {
        match c {
            '(' | '[' | '【' | '〔' | '<' | '《' => depth += 1,
            ')' | ']' | '】' | '〕' | '>' | '》' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    normalize(&out)
}

/// Full-width ASCII (ＡＢＣ１２３，（）) to ASCII; the ideographic space to a space.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Exact header names, normalised.
const HEADERS: &[(Field, &[&str])] = &[
    (
        Field::Id,
        &[
            "id",
            "code",
            "identifier",
            "编号",
            "编码",
            "代码",
            "机构编号",
            "机构编码",
            "机构代码",
            "定点编号",
            "定点编码",
            "定点机构编码",
            "定点机构编号",
            "医保编码",
            "医保编号",
            "医保定点编号",
            "医保定点编码",
            "医药机构编码",
            "定点医药机构编码",
            "定点医药机构编号",
            "医疗机构编码",
            "药店编码",
            "药店编号",
            "统一社会信用代码",
            "申请编号",
        ],
    ),
    (
        Field::Name,
        &[
            "name",
            "institution",
            "institutionname",
            "名称",
            "机构名称",
            "医药机构名称",
            "定点医药机构名称",
            "定点机构名称",
            "医疗机构名称",
            "药店名称",
            "医院名称",
            "单位名称",
            "机构",
            "申请机构",
            "申请机构名称",
        ],
    ),
    (
        Field::Kind,
        &["kind", "type", "类型", "机构类型", "机构类别", "医药机构类型", "定点类型", "医疗机构类型", "定点机构类型"],
    ),
    (Field::Category, &["category", "categories", "类别", "药店类别", "药店类型", "定点类别", "服务类别"]),
    (Field::Specialty, &["specialty", "专科", "专科类别", "专科类型", "科别"]),
    (Field::Subtype, &["subtype", "基层类型", "基层机构类型", "子类型", "细分类型"]),
    (Field::Integrated, &["integrated", "一体化", "一体化管理", "是否一体化管理"]),
    (Field::Lon, &["lon", "lng", "long", "longitude", "x", "经度", "东经", "gps经度", "经度坐标"]),
    (Field::Lat, &["lat", "latitude", "y", "纬度", "北纬", "gps纬度", "纬度坐标"]),
    (
        Field::Coordinates,
        &["coordinates", "coordinate", "location", "lnglat", "lonlat", "经纬度", "坐标", "经纬度坐标", "位置坐标"],
    ),
    (
        Field::County,
        &[
            "county",
            "district",
            "区县",
            "县区",
            "县",
            "区",
            "县市区",
            "所属区县",
            "所在区县",
            "所属县区",
            "行政区",
            "行政区划",
            "区划",
            "所属区域",
        ],
    ),
    (Field::Area, &["area", "town", "street", "街道", "乡镇", "乡镇街道", "街道乡镇", "镇街", "所属乡镇", "所属街道"]),
    (Field::Designated, &["designated", "是否定点", "定点", "是否医保定点", "定点状态", "医保定点"]),
    (Field::Beds, &["beds", "床位", "床位数", "编制床位", "开放床位", "实有床位", "核定床位", "床位数量"]),
    (Field::ProvidesOutpatient, &["providesoutpatient", "提供门诊", "是否提供门诊", "门诊服务"]),
    (Field::Change, &["change", "申请类型", "变更类型", "申请事项"]),
    (
        Field::InstitutionId,
        &["institutionid", "原机构编号", "原机构编码", "原定点编号", "关联机构编号", "所属机构编号"],
    ),
    (Field::Scope, &["scope", "申请范围", "范围", "服务范围"]),
    (Field::KeyProject, &["keyproject", "重点项目", "重点建设项目"]),
    (Field::InsuranceOfficeStaff, &["insuranceofficestaff", "医保办人员", "医保办人数", "医保办专职人员"]),
    (Field::InsuranceDept, &["insurancedept", "医保部门", "医保办", "是否设医保办", "医保管理部门"]),
    (Field::OperatingMonths, &["operatingmonths", "运营月数", "经营月数", "执业月数", "运行月数", "营业月数"]),
    (Field::Physicians, &["physicians", "医师", "医师数", "执业医师", "执业医师数"]),
    (Field::Pharmacists, &["pharmacists", "药师", "药师数", "执业药师", "执业药师数"]),
    (Field::ShortageType, &["shortagetype", "紧缺", "紧缺型", "紧缺类型", "是否紧缺型"]),
    (Field::UnevenArea, &["unevenarea", "布局不均衡", "布局不均衡区域", "资源不均衡区域"]),
    (Field::NegativeListReason, &["negativelistreason", "negativelist", "负面清单", "负面清单原因", "负面情形"]),
    (Field::NegativeListSince, &["negativelistsince", "负面清单日期", "负面清单起始日期", "列入日期"]),
    (Field::Population, &["population", "pop", "人口", "常住人口", "人口数", "人数", "居民人口"]),
    (Field::Ignore, &["ignore", "忽略"]),
];

/// Parts of header names, tried in order when no exact name matches.
const HEADER_PARTS: &[(&str, Field)] = &[
    ("经纬度", Field::Coordinates),
    ("经度", Field::Lon),
    ("纬度", Field::Lat),
    ("longitude", Field::Lon),
    ("latitude", Field::Lat),
    ("区县", Field::County),
    ("县区", Field::County),
    ("区划", Field::County),
    ("行政区", Field::County),
    ("乡镇", Field::Area),
    ("街道", Field::Area),
    ("床位", Field::Beds),
    ("人口", Field::Population),
    ("机构类", Field::Kind),
    ("名称", Field::Name),
    ("编码", Field::Id),
    ("编号", Field::Id),
];

/// The field a header names by the built-in list, if any.
pub fn recognize(header: &str) -> Option<Field> {
    let exact = |n: &str| HEADERS.iter().find(|(_, names)| names.contains(&n)).map(|(f, _)| *f);
    let n = normalize(header);
    if n.is_empty() {
        return None;
    }
    if let Some(f) = exact(&n) {
        return Some(f);
    }
    let bare = normalize_bare(header);
    if let Some(f) = exact(&bare) {
        return Some(f);
    }
    HEADER_PARTS.iter().find(|(part, _)| bare.contains(part)).map(|(_, f)| *f)
}

/// What a header row yields: the field of every column (a field named twice goes to the first
/// column naming it), and how many fields it recognises.
pub fn fields_of(headers: &[String], mapping: &ColumnMapping, target: Target) -> (Vec<Option<Field>>, usize) {
    let mut seen = std::collections::HashSet::new();
    let fields: Vec<Option<Field>> = headers
        .iter()
        .map(|h| {
            let f = mapping.field_of(h, target)?;
            (f == Field::Ignore || seen.insert(f)).then_some(f)
        })
        .collect();
    let score = fields.iter().filter(|f| matches!(f, Some(x) if *x != Field::Ignore)).count();
    (fields, score)
}

/// The header row among `rows` (each a row's cells), and whether the row below it completes it
/// (a two-row header: "坐标" above "经度 | 纬度"): `(index, two_rows, headers)`. Cells left empty
/// in the header row take the text above them (a cell merged down from the row above).
pub fn find_header(
    rows: &[Vec<String>],
    mapping: &ColumnMapping,
    target: Target,
) -> Option<(usize, bool, Vec<String>)> {
    let mut best: Option<(usize, usize)> = None;
    for (i, r) in rows.iter().enumerate() {
        let (_, score) = fields_of(r, mapping, target);
        if score >= 2 && best.is_none_or(|(_, s)| score > s) {
            best = Some((i, score));
        }
    }
    let (i, score) = best?;
    let mut headers = rows[i].clone();
    if i > 0 {
        let above = &rows[i - 1];
        let mut filled = headers.clone();
        for (c, h) in filled.iter_mut().enumerate() {
            if h.trim().is_empty() {
                if let Some(a) = above.get(c).filter(|a| mapping.field_of(a, target).is_some()) {
                    *h = a.clone();
                }
            }
        }
        if fields_of(&filled, mapping, target).1 > score {
            headers = filled;
        }
    }
    if let Some(below) = rows.get(i + 1) {
        // A second header row has text only under empty cells of the first or under a group
        // header merged across columns ("坐标" over "经度 | 纬度"); a data row fills every column.
        let width = headers.len().max(below.len());
        let top = |c: usize| headers.get(c).map(|s| s.trim()).unwrap_or("");
        let low = |c: usize| below.get(c).map(|s| s.trim()).unwrap_or("");
        let group_start =
            |c: usize| !top(c).is_empty() && c + 1 < width && top(c + 1).is_empty() && !low(c + 1).is_empty();
        let fits = (0..width).all(|c| low(c).is_empty() || top(c).is_empty() || group_start(c));
        if fits {
            let combined: Vec<String> =
                (0..width).map(|c| if low(c).is_empty() { top(c) } else { low(c) }.to_string()).collect();
            if fields_of(&combined, mapping, target).1 > fields_of(&headers, mapping, target).1 {
                return Some((i, true, combined));
            }
        }
    }
    Some((i, false, headers))
}

/// A column's name for messages: its header, else its letter as a spreadsheet shows it.
pub fn column_name(headers: &[String], index: usize) -> String {
    match headers.get(index).map(|h| h.trim()) {
        Some(h) if !h.is_empty() => h.to_string(),
        _ => column_letter(index),
    }
}

/// 0 → "A", 25 → "Z", 26 → "AA".
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// Values

/// A cell's text with full-width characters folded and spaces trimmed.
pub fn clean(s: &str) -> String {
    s.chars().map(fold_width).collect::<String>().trim().to_string()
}

/// A number: full-width digits, thousands separators ("1,234"), a trailing unit in Chinese
/// ("120张") are accepted.
pub fn parse_number(s: &str) -> Option<f64> {
    if let Ok(x) = s.trim().parse::<f64>() {
        return x.is_finite().then_some(x);
    }
    let t = clean(s);
    let t = t.trim_end_matches(|c: char| !c.is_ascii() && !c.is_numeric()).trim();
    if t.is_empty() {
        return None;
    }
    let plain: String = if looks_grouped(t) { t.chars().filter(|&c| c != ',').collect() } else { t.to_string() };
    plain.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// "1,234,567.5": groups of three after the first comma.
fn looks_grouped(t: &str) -> bool {
    let int_part = t.split('.').next().unwrap_or("");
    let int_part = int_part.strip_prefix('-').unwrap_or(int_part);
    let mut groups = int_part.split(',');
    let first = groups.next().unwrap_or("");
    t.contains(',')
        && (1..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
}

/// Degrees: decimal ("118.35", "E118.35", "118.35°E", "东经118.35") or degrees-minutes-seconds
/// ("118°21′36″E", "35°3'N"). South and west are negative.
pub fn parse_degrees(s: &str) -> Option<f64> {
    if let Ok(x) = s.trim().parse::<f64>() {
        return x.is_finite().then_some(x);
    }
    let mut t = clean(s);
    let mut sign = 1.0;
    for (word, neg) in [("东经", false), ("北纬", false), ("西经", true), ("南纬", true)] {
        if let Some(rest) = t.strip_prefix(word) {
            t = rest.trim().to_string();
            if neg {
                sign = -1.0;
            }
        }
    }
    let upper = t.to_ascii_uppercase();
    let t = upper.trim();
    let t = if let Some(rest) = t.strip_prefix(['E', 'N']) {
        rest
    } else if let Some(rest) = t.strip_prefix(['W', 'S']) {
        sign = -sign;
        rest
    } else if let Some(rest) = t.strip_suffix(['E', 'N']) {
        rest
    } else if let Some(rest) = t.strip_suffix(['W', 'S']) {
        sign = -sign;
        rest
    } else {
        t
    };
    let t = t.trim();
    if !t.contains(['°', '′', '″', '\'', '"', '度', '分', '秒']) {
        return t.parse::<f64>().ok().filter(|x| x.is_finite()).map(|x| sign * x);
    }
    let mut parts = [0.0f64; 3];
    let mut k = 0;
    let mut num = String::new();
    for c in t.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || c == '.' || c == '-' {
            num.push(c);
        } else if !num.is_empty() {
            if k >= 3 {
                return None;
            }
            parts[k] = num.parse().ok()?;
            k += 1;
            num.clear();
        }
    }
    if k == 0 || parts[1] >= 60.0 || parts[2] >= 60.0 {
        return None;
    }
    let neg = parts[0] < 0.0;
    let v = parts[0].abs() + parts[1] / 60.0 + parts[2] / 3600.0;
    Some(sign * if neg { -v } else { v })
}

/// "118.35,35.05", "118.35，35.05", "118.35 35.05", "[118.35, 35.05]".
pub fn parse_pair(s: &str) -> Option<(f64, f64)> {
    let t = clean(s);
    let t = t.trim_matches(|c| c == '[' || c == ']' || c == '(' || c == ')');
    let parts: Vec<&str> = t.split([',', ';', ' ', '\t', '，']).filter(|p| !p.is_empty()).collect();
    match parts.as_slice() {
        [a, b] => Some((parse_degrees(a)?, parse_degrees(b)?)),
        _ => None,
    }
}

/// 是/否, Y/N, yes/no, true/false, 1/0, √/×, 定点/非定点, 有/无.
pub fn parse_bool(s: &str) -> Option<bool> {
    let t = clean(s).to_lowercase();
    match t.as_str() {
        "是" | "y" | "yes" | "true" | "t" | "1" | "√" | "✓" | "✔" | "有" | "定点" | "已定点" | "对" => {
            Some(true)
        }
        "否" | "n" | "no" | "false" | "f" | "0" | "×" | "✗" | "✘" | "无" | "非定点" | "未定点" | "不是" => {
            Some(false)
        }
        _ => None,
    }
}

/// A date as `YYYY-MM-DD` from "2025-03-01", "2025/3/1", "2025.3.1", "2025年3月1日", "20250301".
pub fn parse_date(s: &str) -> Option<String> {
    let t = clean(s);
    let digits_only = t.chars().all(|c| c.is_ascii_digit());
    let (y, m, d) = if digits_only && t.len() == 8 {
        (t[0..4].parse().ok()?, t[4..6].parse().ok()?, t[6..8].parse().ok()?)
    } else {
        let t = t.split(['T', ' ']).next().unwrap_or("");
        let nums: Vec<&str> = t.split(['-', '/', '.', '年', '月', '日']).filter(|p| !p.is_empty()).collect();
        match nums.as_slice() {
            [y, m, d] => (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?),
            _ => return None,
        }
    };
    crate::date::Date::new(y, m, d).map(|d| d.to_string())
}

/// What a kind cell (or a name, or a title) says: the kind, and the subtype or specialty it
/// implies. 零售药店→pharmacy, 门诊部/诊所→outpatient, 综合医院→inpatient_general,
/// 专科医院/眼科医院→inpatient_specialty, 社区卫生服务中心/乡镇卫生院/村卫生室→primary_care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KindReading {
    pub kind: Kind,
    pub subtype: Option<Subtype>,
    pub specialty: Option<Specialty>,
}

const PRIMARY_CARE: &[(&str, Option<Subtype>)] = &[
    ("社区卫生服务中心", Some(Subtype::CommunityCentre)),
    ("社区卫生服务站", Some(Subtype::CommunityStation)),
    ("社区卫生服务", Some(Subtype::CommunityCentre)),
    ("乡镇卫生院", Some(Subtype::TownshipCentre)),
    ("中心卫生院", Some(Subtype::TownshipCentre)),
    ("卫生院", Some(Subtype::TownshipCentre)),
    ("村卫生室", Some(Subtype::VillageClinic)),
    ("卫生室", Some(Subtype::VillageClinic)),
    ("高等院校", Some(Subtype::CampusClinic)),
    ("高校", Some(Subtype::CampusClinic)),
    ("校医院", Some(Subtype::CampusClinic)),
    ("学校医务室", Some(Subtype::CampusClinic)),
    ("养老机构", Some(Subtype::ElderlyCareClinic)),
    ("养老院", Some(Subtype::ElderlyCareClinic)),
    ("敬老院", Some(Subtype::ElderlyCareClinic)),
    ("基层医疗", None),
];

const SPECIALTY_WORDS: &[(&str, Specialty)] = &[
    ("妇幼", Specialty::ObstetricsGynaecology),
    ("妇产", Specialty::ObstetricsGynaecology),
    ("妇女", Specialty::ObstetricsGynaecology),
    ("儿童", Specialty::Paediatrics),
    ("儿科", Specialty::Paediatrics),
    ("骨科", Specialty::Orthopaedics),
    ("骨伤", Specialty::Orthopaedics),
    ("眼科", Specialty::Ophthalmology),
    ("眼", Specialty::Ophthalmology),
    ("耳鼻", Specialty::Ent),
    ("口腔", Specialty::Stomatology),
    ("牙", Specialty::Stomatology),
    ("皮肤", Specialty::Dermatology),
    ("精神", Specialty::Psychiatry),
    ("心理", Specialty::Psychiatry),
    ("肿瘤", Specialty::Oncology),
    ("传染", Specialty::InfectiousDiseases),
    ("感染", Specialty::InfectiousDiseases),
    ("结核", Specialty::InfectiousDiseases),
    ("心血管", Specialty::Cardiology),
    ("心脏", Specialty::Cardiology),
    ("胸科", Specialty::Cardiology),
    ("康复", Specialty::Rehabilitation),
    ("老年", Specialty::Geriatrics),
    ("护理", Specialty::Nursing),
    ("内科", Specialty::InternalMedicine),
    ("外科", Specialty::Surgery),
];

/// Every specialty by its id (normalised) and Chinese name; a test holds these to the types.
const SPECIALTIES: [(&str, &str, Specialty); 18] = [
    ("internalmedicine", "内科", Specialty::InternalMedicine),
    ("surgery", "外科", Specialty::Surgery),
    ("paediatrics", "儿科", Specialty::Paediatrics),
    ("obstetricsgynaecology", "妇产科", Specialty::ObstetricsGynaecology),
    ("orthopaedics", "骨科", Specialty::Orthopaedics),
    ("ophthalmology", "眼科", Specialty::Ophthalmology),
    ("ent", "耳鼻喉科", Specialty::Ent),
    ("stomatology", "口腔科", Specialty::Stomatology),
    ("dermatology", "皮肤科", Specialty::Dermatology),
    ("psychiatry", "精神科", Specialty::Psychiatry),
    ("oncology", "肿瘤科", Specialty::Oncology),
    ("infectiousdiseases", "传染病科", Specialty::InfectiousDiseases),
    ("cardiology", "心血管科", Specialty::Cardiology),
    ("rehabilitation", "康复科", Specialty::Rehabilitation),
    ("geriatrics", "老年医学科", Specialty::Geriatrics),
    ("nursing", "护理", Specialty::Nursing),
    ("tcm", "中医", Specialty::Tcm),
    ("other", "其他专科", Specialty::Other),
];

/// Every primary-care subtype by its id (normalised) and Chinese name.
const SUBTYPES: [(&str, &str, Subtype); 6] = [
    ("townshipcentre", "乡镇卫生院", Subtype::TownshipCentre),
    ("communitycentre", "社区卫生服务中心", Subtype::CommunityCentre),
    ("communitystation", "社区卫生服务站", Subtype::CommunityStation),
    ("villageclinic", "村卫生室", Subtype::VillageClinic),
    ("campusclinic", "高等院校内设医疗机构", Subtype::CampusClinic),
    ("elderlycareclinic", "养老机构内设医疗机构", Subtype::ElderlyCareClinic),
];

/// A specialty from an id or a Chinese word ("眼科", "ophthalmology", "口腔医院").
pub fn parse_specialty(s: &str) -> Option<Specialty> {
    let n = normalize(s);
    if n.is_empty() {
        return None;
    }
    if let Some((_, _, sp)) = SPECIALTIES.iter().find(|(id, zh, _)| *id == n || *zh == n) {
        return Some(*sp);
    }
    if n.contains("中医") && !n.contains("医院") {
        return Some(Specialty::Tcm);
    }
    SPECIALTY_WORDS
        .iter()
        .find(|(w, _)| n.contains(w))
        .map(|(_, sp)| *sp)
        .or_else(|| n.contains("中医").then_some(Specialty::Tcm))
}

/// A subtype from an id or its Chinese name.
pub fn parse_subtype(s: &str) -> Option<Subtype> {
    let n = normalize(s);
    if n.is_empty() {
        return None;
    }
    SUBTYPES
        .iter()
        .find(|(id, zh, _)| *id == n || *zh == n)
        .map(|(_, _, st)| *st)
        .or_else(|| PRIMARY_CARE.iter().find(|(w, _)| n.contains(w)).and_then(|(_, st)| *st))
}

/// The kind a cell, a name or a title names; `None` when it names none.
pub fn parse_kind(s: &str) -> Option<KindReading> {
    let n = normalize(s);
    if n.is_empty() {
        return None;
    }
    let plain = |kind| Some(KindReading { kind, subtype: None, specialty: None });
    match n.as_str() {
        "inpatientgeneral" => return plain(Kind::InpatientGeneral),
        "inpatientspecialty" => return plain(Kind::InpatientSpecialty),
        "outpatient" => return plain(Kind::Outpatient),
        "primarycare" => return plain(Kind::PrimaryCare),
        "pharmacy" => return plain(Kind::Pharmacy),
        "inpatient" | "hospital" | "general" => return plain(Kind::InpatientGeneral),
        "specialty" | "specialist" => return plain(Kind::InpatientSpecialty),
        "clinic" => return plain(Kind::Outpatient),
        "primary" => return plain(Kind::PrimaryCare),
        _ => {}
    }
    if let Some((_, st)) = PRIMARY_CARE.iter().find(|(w, _)| n.contains(w)) {
        return Some(KindReading { kind: Kind::PrimaryCare, subtype: *st, specialty: None });
    }
    if ["药店", "药房", "药品零售", "药号", "药堂", "药业连锁", "医药连锁", "pharmacy", "drugstore"]
        .iter()
        .any(|w| n.contains(w))
    {
        return plain(Kind::Pharmacy);
    }
    if ["门诊部", "诊所", "医务室", "卫生所", "门诊", "outpatient"].iter().any(|w| n.contains(w)) {
        return plain(Kind::Outpatient);
    }
    let hospital = ["医院", "保健院", "护理院", "疗养院", "精神卫生中心", "hospital"].iter().any(|w| n.contains(w));
    let specialty = SPECIALTY_WORDS.iter().find(|(w, _)| n.contains(w)).map(|(_, sp)| *sp);
    if n.contains("专科") || (hospital && specialty.is_some()) {
        let sp = specialty.or_else(|| n.contains("中医").then_some(Specialty::Tcm));
        return Some(KindReading { kind: Kind::InpatientSpecialty, subtype: None, specialty: sp });
    }
    if n.contains("综合") || hospital || n.contains("住院") {
        return plain(Kind::InpatientGeneral);
    }
    None
}

/// Categories from "普通", "慢特病", "特药", ids, or several joined by 、,;/+.
pub fn parse_categories(s: &str) -> Option<Vec<Category>> {
    let t = clean(s);
    let mut out = Vec::new();
    for part in t.split(['、', ',', '，', ';', '；', '/', '+', '|', ' ']).filter(|p| !p.trim().is_empty()) {
        let n = normalize(part);
        let c = if let Some(c) = Category::ALL.iter().find(|c| normalize(c.id()) == n) {
            *c
        } else if n.contains("特药") || n.contains("特殊药") || n.contains("双通道") || n == "special" {
            Category::SpecialDrug
        } else if n.contains("慢") || n.contains("门特") || n.contains("门慢") {
            Category::Chronic
        } else if n.contains("普通") || n.contains("一般") {
            Category::Ordinary
        } else {
            return None;
        };
        if !out.contains(&c) {
            out.push(c);
        }
    }
    (!out.is_empty()).then_some(out)
}

pub fn parse_change(s: &str) -> Option<Change> {
    let n = normalize(s);
    match n.as_str() {
        "new" | "新增" | "新申请" | "首次申请" | "新建" => Some(Change::New),
        "newsite" | "新增院区" | "新院区" | "新设院区" | "分院区" => Some(Change::NewSite),
        "addresschange" | "迁址" | "地址变更" | "变更地址" | "搬迁" => Some(Change::AddressChange),
        _ => None,
    }
}

pub fn parse_scope(s: &str) -> Option<Scope> {
    let n = normalize(s);
    match n.as_str() {
        "basic" | "基本医保" | "基本医疗保险" | "医保" => Some(Scope::Basic),
        "personalaccountonly" | "个人账户" | "仅个人账户" | "个人账户结算" => {
            Some(Scope::PersonalAccountOnly)
        }
        "medicalaid" | "医疗救助" | "医疗救助定点" => Some(Scope::MedicalAid),
        _ => None,
    }
}

/// `None` = not a key project; `Some(level)` = one.
pub fn parse_key_project(s: &str) -> Option<Option<KeyLevel>> {
    let n = normalize(s);
    match n.as_str() {
        "municipal" | "市级" | "市" | "市重点" | "市重点建设项目" => Some(Some(KeyLevel::Municipal)),
        "provincial" | "省级" | "省" | "省重点" | "省重点建设项目" => Some(Some(KeyLevel::Provincial)),
        "central" | "中央" | "国家级" | "中央重点建设项目" => Some(Some(KeyLevel::Central)),
        _ => parse_bool(s).map(|b| b.then_some(KeyLevel::Municipal)),
    }
}

pub fn parse_negative_reason(s: &str) -> Option<NegativeReason> {
    let n = normalize(s);
    match n.as_str() {
        "falsematerials" | "提供虚假申请材料" | "虚假材料" | "虚假申请材料" => {
            Some(NegativeReason::FalseMaterials)
        }
        "agreementterminated" | "已被解除医保服务协议" | "解除协议" | "解除医保服务协议" => {
            Some(NegativeReason::AgreementTerminated)
        }
        "blacklisted" | "列入失信黑名单" | "失信黑名单" | "黑名单" => Some(NegativeReason::Blacklisted),
        _ => None,
    }
}

/// The snake_case id serde gives a unit variant.
#[cfg(test)]
fn enum_id<T: Serialize>(v: T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_chinese_and_english() {
        for (h, f) in [
            ("机构名称", Field::Name),
            ("经度(GCJ-02)", Field::Lon),
            ("GPS纬度", Field::Lat),
            ("县（市、区）", Field::County),
            ("床位数（张）", Field::Beds),
            ("Longitude", Field::Lon),
            ("lng", Field::Lon),
            ("是否定点", Field::Designated),
            ("常住人口（人）", Field::Population),
            ("定点医药机构编码", Field::Id),
            ("经纬度", Field::Coordinates),
            ("institution_id", Field::InstitutionId),
            ("所属乡镇（街道）", Field::Area),
        ] {
            assert_eq!(recognize(h), Some(f), "{h}");
        }
        assert_eq!(recognize("序号"), None);
        assert_eq!(recognize("地址"), None);
    }

    #[test]
    fn kinds_in_chinese() {
        let k = |s: &str| parse_kind(s).map(|r| (r.kind, r.subtype, r.specialty));
        assert_eq!(k("零售药店"), Some((Kind::Pharmacy, None, None)));
        assert_eq!(k("门诊部"), Some((Kind::Outpatient, None, None)));
        assert_eq!(k("诊所"), Some((Kind::Outpatient, None, None)));
        assert_eq!(k("综合医院"), Some((Kind::InpatientGeneral, None, None)));
        assert_eq!(k("专科医院"), Some((Kind::InpatientSpecialty, None, None)));
        assert_eq!(k("临沂市眼科医院"), Some((Kind::InpatientSpecialty, None, Some(Specialty::Ophthalmology))));
        assert_eq!(k("社区卫生服务中心"), Some((Kind::PrimaryCare, Some(Subtype::CommunityCentre), None)));
        assert_eq!(k("乡镇卫生院"), Some((Kind::PrimaryCare, Some(Subtype::TownshipCentre), None)));
        assert_eq!(k("村卫生室"), Some((Kind::PrimaryCare, Some(Subtype::VillageClinic), None)));
        assert_eq!(k("inpatient_specialty"), Some((Kind::InpatientSpecialty, None, None)));
        assert_eq!(k("漱玉平民大药房兰山店"), Some((Kind::Pharmacy, None, None)));
        assert_eq!(k("临沂市人民医院"), Some((Kind::InpatientGeneral, None, None)));
        assert_eq!(
            k("临沂市妇幼保健院"),
            Some((Kind::InpatientSpecialty, None, Some(Specialty::ObstetricsGynaecology)))
        );
        for kind in Kind::ALL {
            assert_eq!(parse_kind(&kind.label().zh).map(|r| r.kind), Some(kind), "{}", kind.label().zh);
        }
        assert_eq!(k("物流公司"), None);
    }

    #[test]
    fn values() {
        assert_eq!(parse_number("１２０张"), Some(120.0));
        assert_eq!(parse_number("1,234,567"), Some(1_234_567.0));
        assert_eq!(parse_number("1,2"), None);
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_degrees("118°21′36″E"), Some(118.36));
        assert_eq!(parse_degrees("东经118.5"), Some(118.5));
        assert_eq!(parse_degrees("35.05N"), Some(35.05));
        assert_eq!(parse_degrees("W 3.5"), Some(-3.5));
        assert_eq!(parse_pair("118.35，35.05"), Some((118.35, 35.05)));
        assert_eq!(parse_bool("是"), Some(true));
        assert_eq!(parse_bool("×"), Some(false));
        assert_eq!(parse_date("2025年3月1日").as_deref(), Some("2025-03-01"));
        assert_eq!(parse_date("2025/3/1").as_deref(), Some("2025-03-01"));
        assert_eq!(parse_date("2025-02-30"), None);
        assert_eq!(parse_categories("普通、门诊慢特病"), Some(vec![Category::Ordinary, Category::Chronic]));
        assert_eq!(parse_categories("ordinary,special_drug"), Some(vec![Category::Ordinary, Category::SpecialDrug]));
        assert_eq!(parse_categories("蔬菜"), None);
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(27), "AB");
        for st in Subtype::ALL {
            assert_eq!(parse_subtype(&st.label().zh), Some(st));
            assert_eq!(parse_subtype(&enum_id(st)), Some(st));
        }
        assert_eq!(SPECIALTIES.len(), Specialty::ALL.len());
        for (id, zh, sp) in SPECIALTIES {
            assert_eq!((id, zh), (normalize(&enum_id(sp)).as_str(), &*sp.label().zh));
        }
        for (id, zh, st) in SUBTYPES {
            assert_eq!((id, zh), (normalize(&enum_id(st)).as_str(), &*st.label().zh));
        }
        for sp in Specialty::ALL {
            assert_eq!(parse_specialty(&sp.label().zh), Some(sp), "{}", sp.label().zh);
            assert_eq!(parse_specialty(&enum_id(sp)), Some(sp));
        }
    }

    #[test]
    fn header_row_under_a_title_and_two_row_headers() {
        let rows =
            |v: &[&[&str]]| v.iter().map(|r| r.iter().map(|s| s.to_string()).collect()).collect::<Vec<Vec<String>>>();
        let m = ColumnMapping::default();
        let r = rows(&[
            &["临沂市定点零售药店名单（2024年）", "", ""],
            &["序号", "药店名称", "经度", "纬度"],
            &["1", "a", "118", "35"],
        ]);
        let (i, two, h) = find_header(&r, &m, Target::Institutions).unwrap();
        assert_eq!((i, two), (1, false));
        assert_eq!(h[1], "药店名称");
        let r = rows(&[&["机构名称", "坐标", "", "类型"], &["", "经度", "纬度", ""], &["a", "118", "35", "诊所"]]);
        let (i, two, h) = find_header(&r, &m, Target::Institutions).unwrap();
        assert_eq!((i, two), (0, true));
        assert_eq!(h, vec!["机构名称", "经度", "纬度", "类型"]);
    }
}
