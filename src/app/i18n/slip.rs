//! The simulated decision slip (模拟判定单): the guided answer printed or saved as an image
//! (`app::slip`, `ui/guided/slip.rs`).

use crate::text::{num, Lang, Text, Words};
use crate::words;

pub const S_TITLE: Words = words!("模拟判定单", "Simulated decision slip");
/// Said at the top and the foot of every slip, in both languages.
pub const S_STATEMENT: Words = words!(
    "本单为规划草案的模拟结果，不是医保部门的正式决定",
    "This is a simulation of a draft plan, not an official decision"
);
pub const S_PRINT: Words = words!("打印判定单", "Print the slip");
pub const S_SAVE: Words = words!("保存为图片", "Save as image");
pub const S_KEEP_HINT: Words = words!(
    "把结果留作记录：一页 A4，附地图、理由和条款。",
    "Keep the answer: one A4 page with the map, the reasons and their clauses.",
);
pub const S_SAVING: Words = words!("正在生成图片…", "Making the image…");
pub const S_SAVED: Words =
    words!("图片已保存（见浏览器的下载）。", "The image is saved (see the browser's downloads).");
pub const S_SAVE_FAILED: Words = words!(
    "这个浏览器无法生成图片，请改用“打印判定单”。",
    "This browser could not make the image; use “Print the slip” instead."
);

pub const S_APPLICATION: Words = words!("申请", "Application");
pub const S_SPOT: Words = words!("地点", "Spot");
pub const S_COUNTY: Words = words!("所在县区", "County");
pub const S_PRESET: Words = words!("规则", "Rules");
pub const S_AS_OF: Words = words!("判定日期", "Judged as of");
pub const S_DATA: Words = words!("数据", "Data");
pub const S_DECISION: Words = words!("判定结果", "Decision");
pub const S_REASONS: Words = words!("理由及条款", "Reasons and clauses");
pub const S_CLAUSE: Words = words!("条款：", "Clause: ");
pub const S_CHANGES: Words = words!("什么会改变结果", "What would change it");
pub const S_NO_CHANGES: Words =
    words!("按当前规则，没有您能改变的因素。", "Under the current rules nothing you could change would change it.");
pub const S_PLACES: Words =
    words!("附近可受理的地点（地图上的编号）", "Nearby places that would accept it (numbered on the map)");
pub const S_READINGS: Words = words!(
    "此答案依据模拟器对条文未明之处的解读",
    "This answer rests on the simulator's reading of where the text is silent",
);
pub const S_READING_MARK: Words = words!("解读", "reading");
pub const S_ASSUMED: Words = words!("假设", "assumption");
pub const S_OUTSIDE: Words = words!("不在任何县区内", "outside every county");

pub const S_MAP_AREA: Words = words!("所在县区", "The county");
pub const S_MAP_NEAR: Words = words!("附近", "Nearby");
pub const S_MAP_SPOT: Words = words!("选址", "your spot");
pub const S_MAP_RADIUS: Words = words!("服务半径", "service radius");
pub const S_MAP_PLACES: Words = words!("可受理的地点", "places that would accept it");
pub const S_MAP_BOX: Words = words!("方框为右图范围", "the box is the right-hand map");
pub const S_MAP_LABEL: Words = words!("选址地图", "Map of the spot");
pub const S_FOOT: Words = words!(
    "由 dingdian 规划模拟器在浏览器中离线生成；规则、数据和解读见应用的专家视图。",
    "Made offline in the browser by the dingdian planning simulator; the rules, data and readings are in the app's expert view.",
);

/// The spot as degrees east and north (WGS-84).
pub fn s_coords(lon: f64, lat: f64) -> Text {
    let (x, y) = (format!("{:.5}", lon.abs()), format!("{:.5}", lat.abs()));
    let (ew_zh, ew_en) = if lon < 0.0 { ("西经", "W") } else { ("东经", "E") };
    let (ns_zh, ns_en) = if lat < 0.0 { ("南纬", "S") } else { ("北纬", "N") };
    Text::new(format!("{ew_zh} {x}°，{ns_zh} {y}°（WGS-84）"), format!("{y}° {ns_en}, {x}° {ew_en} (WGS-84)"))
}

/// A scale bar's length: "500 米", "2 公里".
pub fn s_length(m: f64) -> Text {
    if m < 1000.0 {
        Text::new(format!("{} 米", num(m, 0)), format!("{} m", num(m, 0)))
    } else {
        Text::new(format!("{} 公里", num(m / 1000.0, 1)), format!("{} km", num(m / 1000.0, 1)))
    }
}

/// The saved image's file name.
pub fn s_file_name(lang: Lang, as_of: &str) -> String {
    match lang {
        Lang::Zh => format!("模拟判定单-{as_of}.png"),
        Lang::En => format!("simulated-decision-slip-{as_of}.png"),
    }
}
