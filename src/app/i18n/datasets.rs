//! Which data the app works on: the data sets' names, their banners, and what happens when
//! one cannot be opened (`app::state::Dataset`, `ui/app.rs`).

use crate::text::{Text, Words};
use crate::words;

pub const SAMPLE_BANNER: Words = words!(
    "样例数据：县区边界是真实的，机构和居民点的位置是合成的；数字仅供演示，不是官方统计。",
    "Sample data: the county outlines are real, the locations of institutions and residents are synthetic; the figures are for demonstration, not official statistics.",
);
pub const DATASET: Words = words!("数据", "Data");
pub const DATASET_SAMPLE: Words = words!("样例（小）", "Small sample");
pub const DATASET_LINYI: Words = words!("临沂（合成，全市）", "Linyi (synthetic, whole city)");
pub const DATASET_XIAN: Words = words!("西安（合成，全市）", "Xi'an (synthetic, whole city)");

pub const SYNTH_BANNER: Words = words!(
    "合成数据：县区、县区边界（高德数据，已转换为WGS-84）和2020年人口普查常住人口是真实的；机构和居民点在县区内的位置是合成的。导入真实位置之前，地图上的结论仅供演示。",
    "Synthetic data: the counties, their outlines (AMap's, converted to WGS-84) and their 2020 census residents are real; where institutions and residents lie inside them is synthetic. Until real locations are imported, what the map shows is a demonstration.",
);

/// While a synthetic city is made and indexed after it was picked.
pub const DATASET_MAKING: Words = words!("正在生成数据并建立索引…", "Making the data set and its indexes…");

pub const HYPOTHETICAL_PHARMACY: Words = words!("拟开设药店（假设）", "planned pharmacy (hypothetical)");

// Shared with import: imported files land in the same data set as opened scenario files.
pub const DATASET_IMPORTED: Words = words!("导入的数据", "Imported data");

pub const IMPORTED_BANNER: Words = words!(
    "导入的数据：来自您导入的文件、打开的情景文件或分享链接（只在本浏览器中），结果取决于其中的数据。",
    "Imported data: from files you imported, an opened scenario file or a shared link (kept in this browser only); results depend on that data.",
);

/// Autosave could not write: storage full or blocked.
pub fn outlines_failed(why: &str) -> Text {
    Text::new(
        format!("无法载入县区边界（{why}），未切换数据。"),
        format!("The county outlines could not be loaded ({why}); the data set was not switched."),
    )
}
