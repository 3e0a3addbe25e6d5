//! The way to a place (direction, distance, coordinates, map links), coordinates pasted from a
//! map app, and the deployer's base map (`app::way`, `app::basemap`).

use crate::text::{Lang, Text, Words};
use crate::words;

pub const W_NORTH: Words = words!("北", "north");
pub const W_NORTHEAST: Words = words!("东北", "northeast");
pub const W_EAST: Words = words!("东", "east");
pub const W_SOUTHEAST: Words = words!("东南", "southeast");
pub const W_SOUTH: Words = words!("南", "south");
pub const W_SOUTHWEST: Words = words!("西南", "southwest");
pub const W_WEST: Words = words!("西", "west");
pub const W_NORTHWEST: Words = words!("西北", "northwest");

pub const W_HERE: Words = words!("就在您的选址", "at your spot");
pub const W_OPEN_AMAP: Words = words!("在高德地图中打开", "Open in AMap (高德)");
pub const W_OPEN_BAIDU: Words = words!("在百度地图中打开", "Open in Baidu Maps (百度)");
pub const W_AMAP: Words = words!("高德地图", "AMap");
pub const W_BAIDU: Words = words!("百度地图", "Baidu Maps");
pub const W_NEW_TAB: Words = words!("（在新标签页打开外部网站）", " (opens an outside website in a new tab)");
pub const W_COORDS_NOTE: Words = words!(
    "坐标为 WGS-84（GPS）；链接中的坐标已换算为该地图所用的坐标（高德 GCJ-02、百度 BD-09）。点击链接才会离开本页。",
    "Coordinates are WGS-84 (GPS); each link carries them converted to its map's own system (AMap GCJ-02, Baidu BD-09). Nothing leaves this page unless you follow a link.",
);

/// "东北方向约 750 米" / "about 750 m northeast".
pub fn w_heading_distance(heading: &Text, distance: &Text) -> Text {
    Text::new(format!("{}方向{}", heading.zh, distance.zh), format!("{} {}", distance.en, heading.en))
}

/// "北纬 35.06123°，东经 118.35012°" / "35.06123° N, 118.35012° E".
pub fn w_coords(lon: f64, lat: f64) -> Text {
    let (ns_zh, ns_en) = if lat >= 0.0 { ("北纬", "N") } else { ("南纬", "S") };
    let (ew_zh, ew_en) = if lon >= 0.0 { ("东经", "E") } else { ("西经", "W") };
    let (la, lo) = (format!("{:.5}", lat.abs()), format!("{:.5}", lon.abs()));
    Text::new(format!("{ns_zh} {la}°，{ew_zh} {lo}°"), format!("{la}° {ns_en}, {lo}° {ew_en}"))
}

pub fn w_place_name(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("可受理地点 {n}"),
        Lang::En => format!("Accepted place {n}"),
    }
}

// Pasted coordinates.

pub const P_HEADING: Words = words!("或粘贴坐标", "Or paste coordinates");
pub const P_LABEL: Words =
    words!("从地图应用复制的坐标或分享链接", "Coordinates or a share link copied from a map app");
pub const P_HINT: Words = words!(
    "例如“118.35012,35.06123”（经度,纬度，或纬度,经度），或高德、百度、腾讯地图的标注链接。",
    "e.g. \"118.35012,35.06123\" (longitude,latitude, or latitude,longitude), or a marker link from AMap, Baidu or Tencent Maps.",
);
pub const P_CRS: Words = words!("这组坐标来自", "These coordinates come from");
pub const P_USE: Words = words!("用这个位置", "Use this spot");
pub const P_DETECTED_AMAP: Words = words!("从高德链接识别为 GCJ-02", "recognised as GCJ-02 from the AMap link");
pub const P_DETECTED_BAIDU: Words = words!("从百度链接识别", "recognised from the Baidu link");
pub const P_DETECTED_TENCENT: Words = words!("从腾讯地图链接识别", "recognised from the Tencent Maps link");
pub const P_DETECTED_GEO: Words = words!("geo: 链接按标准为 WGS-84", "a geo: link is WGS-84 by its standard");
pub const P_DETECTED_WORD: Words =
    words!("从粘贴内容中的坐标系名称识别", "recognised from the system named in the text");

pub const P_E_EMPTY: Words = words!("请先粘贴坐标或链接。", "Paste coordinates or a link first.");
pub const P_E_CRS: Words = words!(
    "请选择坐标来自哪种地图：WGS-84（GPS）、GCJ-02（高德、腾讯）或 BD-09（百度）。",
    "Choose which kind of map the coordinates come from: WGS-84 (GPS), GCJ-02 (AMap, Tencent) or BD-09 (Baidu).",
);
pub const P_E_SHORT_LINK: Words = words!(
    "这是短链接，不含坐标：请在地图应用中打开它，再复制坐标（或“复制经纬度”）。",
    "This is a short link, without coordinates: open it in the map app and copy the coordinates instead.",
);
pub const P_E_LINK: Words = words!(
    "这个链接里找不到坐标：请粘贴经纬度，或高德、百度、腾讯地图的标注链接。",
    "No coordinates found in this link: paste the longitude and latitude, or a marker link from AMap, Baidu or Tencent Maps.",
);
pub const P_E_MERCATOR: Words = words!(
    "百度墨卡托坐标（bd09mc，以米为单位）无法使用：请复制百度的经纬度坐标（bd09ll）。",
    "Baidu Mercator coordinates (bd09mc, in metres) cannot be used: copy Baidu's longitude and latitude (bd09ll).",
);

/// The text held `found` numbers, not two.
pub fn p_e_count(found: usize) -> Text {
    Text::new(
        format!("找到 {found} 个数字，需要 2 个：经度和纬度，用逗号隔开。"),
        format!(
            "Found {found} number{}; two are needed: longitude and latitude, separated by a comma.",
            if found == 1 { "" } else { "s" }
        ),
    )
}

/// Neither order puts the two numbers in China.
pub fn p_e_not_china(a: &str, b: &str) -> Text {
    Text::new(
        format!("“{a}”和“{b}”不是中国境内的经纬度（经度约 73–136，纬度约 3–54）。"),
        format!("\"{a}\" and \"{b}\" are not a longitude and latitude in China (longitude about 73–136, latitude about 3–54)."),
    )
}

// The deployer's base map (basemap.json).

pub fn b_e_config(detail: &Text) -> Text {
    Text::new(
        format!("底图配置 basemap.json 有误，地图不显示底图：{}", detail.zh),
        format!("The base map configuration basemap.json is wrong, so no base map is shown: {}", detail.en),
    )
}

pub fn b_e_field(field: &str, zh: &str, en: &str) -> Text {
    Text::new(format!("字段 {field}：{zh}"), format!("field {field}: {en}"))
}

pub fn b_e_csp(origin: &str) -> Text {
    Text::new(
        format!(
            "本页的内容安全策略（index.html 中的 Content-Security-Policy）不允许从 {origin} 加载图片，底图不显示：请把它加入 img-src（见 docs/basemap.md）。"
        ),
        format!(
            "The page's Content-Security-Policy (in index.html) does not allow images from {origin}, so no base map is shown: add it to img-src (see docs/basemap.md)."
        ),
    )
}

pub const B_SHIFTED: Words = words!(
    "底图为 GCJ-02（高德、腾讯）坐标：本工具的图层已相应偏移绘制，计算仍用 WGS-84。",
    "The base map is in GCJ-02 (AMap, Tencent): this tool's layers are drawn shifted to match; every computation stays in WGS-84.",
);
pub const B_CRS: Words = words!("瓦片坐标系", "Tiles' coordinate system");
