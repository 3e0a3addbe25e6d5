//! The deployer's base map: `basemap.json` beside `index.html` names a tile server, its
//! attribution and the coordinate system its tiles are drawn in. Absent (the default) the app
//! shows no tiles and makes no request beyond its own origin.
//!
//! ```json
//! { "url": "https://t{s}.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=KEY",
//!   "labels": "https://t{s}.tianditu.gov.cn/DataServer?T=cva_w&x={x}&y={y}&l={z}&tk=KEY",
//!   "subdomains": "01234567", "attribution": "© 天地图", "crs": "wgs84", "max_zoom": 18 }
//! ```
//!
//! Tiles in WGS-84 (天地图, OpenStreetMap) take the app's layers as they are. Tiles in GCJ-02
//! (AMap, Tencent) are offset from WGS-84 by hundreds of metres; the map then draws every layer
//! of its own at `Crs::from_wgs84` of its WGS-84 point, and a tap on the map is taken back with
//! `Crs::to_wgs84` before it reaches the engine (`to_screen`, `from_screen`). The engine never
//! sees GCJ-02. Baidu's tiles use their own tiling of BD-09 Mercator metres, not Web Mercator:
//! they are refused with a message.
//!
//! The page's Content-Security-Policy (a `<meta>` in the built index.html) must allow the tile
//! server's images; the file cannot widen it. `csp_allows_image` tells the app whether it does,
//! so that a server the policy refuses gets a message instead of a blank map.

use serde::Deserialize;

use crate::scenario::import::Crs;
use crate::text::Text;

mod i {
    pub use crate::app::i18n::way::*;
}

/// The file's name, beside index.html.
pub const FILE: &str = "basemap.json";

#[derive(Clone, Debug, PartialEq)]
pub struct BaseMapConfig {
    /// Tile URL template with `{z}`, `{x}`, `{y}` and optionally `{s}`.
    pub url: String,
    /// A second template drawn above the first (天地图's place names, `cva_w`).
    pub labels: Option<String>,
    /// The letters `{s}` takes in turn ("01234567").
    pub subdomains: String,
    pub attribution: String,
    /// Wgs84 or Gcj02.
    pub crs: Crs,
    pub max_zoom: u8,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    url: String,
    #[serde(default)]
    labels: Option<String>,
    #[serde(default)]
    subdomains: Option<String>,
    attribution: String,
    crs: String,
    #[serde(default)]
    max_zoom: Option<u32>,
}

fn field(name: &str, zh: &str, en: &str) -> Text {
    i::b_e_field(name, zh, en)
}

fn check_template(name: &str, url: &str, subdomains: &str) -> Result<String, Text> {
    let u = url.trim();
    if u.is_empty() {
        return Err(field(name, "不能为空", "must not be empty"));
    }
    let lower = u.to_ascii_lowercase();
    if lower.starts_with("http://") {
        return Err(field(
            name,
            "须以 https:// 开头（https 页面不能加载 http 图片）",
            "must start with https:// (an https page cannot load http images)",
        ));
    }
    if lower.contains("://") && !lower.starts_with("https://")
        || lower.starts_with("javascript:")
        || lower.starts_with("data:")
    {
        return Err(field(
            name,
            "须是 https:// 地址或本站的相对路径",
            "must be an https:// address or a path on this site",
        ));
    }
    for p in ["{z}", "{x}", "{y}"] {
        if !u.contains(p) {
            return Err(Text::new(
                format!("字段 {name}：缺少 {p}（瓦片地址须含 {{z}}、{{x}}、{{y}}）"),
                format!("field {name}: {p} is missing (a tile URL needs {{z}}, {{x}} and {{y}})"),
            ));
        }
    }
    if u.contains("{s}") && subdomains.is_empty() {
        return Err(field(
            "subdomains",
            "地址含 {s}，须给出子域名字母（如 \"01234567\"）",
            "the URL has {s}, so give the subdomain letters (e.g. \"01234567\")",
        ));
    }
    Ok(u.to_string())
}

/// Reads and checks `basemap.json`; a message names the field that is wrong.
pub fn parse_config(json: &str) -> Result<BaseMapConfig, Text> {
    let raw: Raw = crate::scenario::json_path::from_str(json).map_err(|(path, inner)| {
        let inner = inner.to_string();
        if path == "." || path.is_empty() {
            Text::new(inner.clone(), inner)
        } else {
            Text::new(format!("字段 {path}：{inner}"), format!("field {path}: {inner}"))
        }
    })?;
    let subdomains = raw.subdomains.unwrap_or_default().trim().to_string();
    let url = check_template("url", &raw.url, &subdomains)?;
    let labels = match raw.labels {
        Some(l) if !l.trim().is_empty() => Some(check_template("labels", &l, &subdomains)?),
        _ => None,
    };
    let crs = match Crs::parse(&raw.crs) {
        Some(Crs::Bd09) => {
            return Err(field(
                "crs",
                "百度瓦片用自己的切片方式，不是标准 Web 墨卡托，无法使用；请用 WGS-84（天地图）或 GCJ-02（高德、腾讯）瓦片",
                "Baidu's tiles use their own tiling, not Web Mercator, and cannot be used; use WGS-84 (Tianditu) or GCJ-02 (AMap, Tencent) tiles",
            ))
        }
        Some(c) => c,
        None => {
            return Err(Text::new(
                format!("字段 crs：“{}”不是可用的坐标系，应为 \"wgs84\" 或 \"gcj02\"", raw.crs),
                format!("field crs: \"{}\" is not a coordinate system it knows; use \"wgs84\" or \"gcj02\"", raw.crs),
            ))
        }
    };
    let attribution = raw.attribution.trim().to_string();
    if attribution.is_empty() {
        return Err(field(
            "attribution",
            "不能为空：瓦片提供者要求注明版权和审图号",
            "must not be empty: tile providers require their credit (and, in China, the map approval number)",
        ));
    }
    let max_zoom = match raw.max_zoom {
        None => 18,
        Some(z @ 1..=22) => z as u8,
        Some(z) => {
            return Err(Text::new(
                format!("字段 max_zoom：{z} 超出范围 1–22"),
                format!("field max_zoom: {z} is outside 1–22"),
            ))
        }
    };
    Ok(BaseMapConfig { url, labels, subdomains, attribution, crs, max_zoom })
}

impl BaseMapConfig {
    /// The origins the tiles come from (each subdomain spelled out); none for a path on this site.
    pub fn origins(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for template in std::iter::once(&self.url).chain(self.labels.as_ref()) {
            let letters: Vec<String> = if template.contains("{s}") {
                self.subdomains.chars().map(|c| c.to_string()).collect()
            } else {
                vec![String::new()]
            };
            for s in letters {
                if let Some(o) = origin_of(&template.replace("{s}", &s)) {
                    if !out.contains(&o) {
                        out.push(o);
                    }
                }
            }
        }
        out
    }
}

/// `https://host[:port]` of an absolute URL; None for a relative one.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    Some(format!("{}://{}", scheme.to_ascii_lowercase(), host.to_ascii_lowercase()))
}

/// Whether a Content-Security-Policy lets the page load images from `origin` (its `img-src`, else
/// `default-src`; `*`, `https:`, exact origins and `*.` host wildcards, as CSP Level 3 matches them).
pub fn csp_allows_image(policy: &str, origin: &str) -> bool {
    let directive = |name: &str| {
        policy.split(';').map(str::trim).find_map(|d| {
            let mut parts = d.split_whitespace();
            (parts.next()?.eq_ignore_ascii_case(name)).then(|| parts.map(str::to_string).collect::<Vec<_>>())
        })
    };
    let Some(sources) = directive("img-src").or_else(|| directive("default-src")) else {
        return true;
    };
    let Some((scheme, host)) = origin.split_once("://") else {
        return false;
    };
    sources.iter().any(|s| {
        let s = s.to_ascii_lowercase();
        if s == "*" {
            return scheme == "https" || scheme == "http";
        }
        if s == format!("{scheme}:") {
            return true;
        }
        let (ss, sh) = match s.split_once("://") {
            Some((a, b)) => (a.to_string(), b.trim_end_matches('/').to_string()),
            None => (scheme.to_string(), s.trim_end_matches('/').to_string()),
        };
        if ss != scheme {
            return false;
        }
        match sh.strip_prefix("*.") {
            Some(suffix) => host.ends_with(&format!(".{suffix}")),
            None => sh == host,
        }
    })
}

/// Where a WGS-84 point is drawn on tiles of `crs`.
pub fn to_screen(crs: Crs, lon: f64, lat: f64) -> (f64, f64) {
    crs.from_wgs84(lon, lat)
}

/// The WGS-84 point under a position on tiles of `crs` (a tap on the map).
pub fn from_screen(crs: Crs, lon: f64, lat: f64) -> (f64, f64) {
    crs.to_wgs84(lon, lat)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spatial::haversine_m;

    const TIANDITU: &str = r#"{
        "url": "https://t{s}.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=KEY",
        "labels": "https://t{s}.tianditu.gov.cn/DataServer?T=cva_w&x={x}&y={y}&l={z}&tk=KEY",
        "subdomains": "01234567",
        "attribution": "© 天地图",
        "crs": "wgs84"
    }"#;
    const AMAP: &str = r#"{
        "url": "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}",
        "subdomains": "1234", "attribution": "© 高德地图", "crs": "gcj02", "max_zoom": 18
    }"#;

    #[test]
    fn both_setups_of_the_readme_are_read() {
        let t = parse_config(TIANDITU).unwrap();
        assert_eq!((t.crs, t.max_zoom, t.subdomains.as_str()), (Crs::Wgs84, 18, "01234567"));
        assert!(t.labels.is_some());
        assert_eq!(t.origins().len(), 8, "{:?}", t.origins());
        assert_eq!(t.origins()[0], "https://t0.tianditu.gov.cn");
        let a = parse_config(AMAP).unwrap();
        assert_eq!(a.crs, Crs::Gcj02);
        assert_eq!(
            a.origins(),
            [
                "https://webrd01.is.autonavi.com",
                "https://webrd02.is.autonavi.com",
                "https://webrd03.is.autonavi.com",
                "https://webrd04.is.autonavi.com"
            ]
        );
        // Tiles on this site need no origin.
        let own = parse_config(r#"{"url": "tiles/{z}/{x}/{y}.png", "attribution": "x", "crs": "WGS-84"}"#).unwrap();
        assert!(own.origins().is_empty());
    }

    #[test]
    fn a_bad_file_names_the_field() {
        let en = |json: &str| parse_config(json).unwrap_err().en.into_owned();
        let base = |k: &str, v: &str| {
            let mut m: serde_json::Map<String, serde_json::Value> = serde_json::from_str(AMAP).unwrap();
            m.insert(k.into(), serde_json::from_str(v).unwrap());
            serde_json::Value::Object(m).to_string()
        };
        assert!(en(&base("crs", "\"bd09\"")).starts_with("field crs: Baidu"), "{}", en(&base("crs", "\"bd09\"")));
        assert!(en(&base("crs", "\"utm\"")).contains("field crs: \"utm\""));
        assert!(en(&base("url", "\"http://a/{z}/{x}/{y}\"")).contains("field url: must start with https://"));
        assert!(en(&base("url", "\"https://a/{z}/{x}\"")).contains("field url: {y} is missing"));
        assert!(en(&base("subdomains", "\"\"")).contains("field subdomains"));
        assert!(en(&base("attribution", "\" \"")).contains("field attribution"));
        assert!(en(&base("max_zoom", "30")).contains("field max_zoom: 30"));
        assert!(en(&base("max_zoom", "\"18\"")).contains("field max_zoom"), "{}", en(&base("max_zoom", "\"18\"")));
        assert!(en(&base("key", "\"abc\"")).contains("unknown field `key`"));
        assert!(en(r#"{"url": "https://a/{z}/{x}/{y}", "crs": "wgs84"}"#).contains("missing field `attribution`"));
        assert!(!en("{not json").is_empty());
    }

    #[test]
    fn the_default_policy_refuses_other_tile_servers_and_a_widened_one_allows_them() {
        let default =
            "default-src 'none'; img-src 'self' data: blob: https://tile.openstreetmap.org; connect-src 'self'";
        assert!(csp_allows_image(default, "https://tile.openstreetmap.org"));
        assert!(!csp_allows_image(default, "https://t0.tianditu.gov.cn"));
        let wide = default.replace("img-src 'self'", "img-src 'self' https://*.tianditu.gov.cn");
        assert!(csp_allows_image(&wide, "https://t0.tianditu.gov.cn"));
        assert!(!csp_allows_image(&wide, "https://tianditu.gov.cn.evil.example"));
        assert!(csp_allows_image("img-src https:", "https://webrd01.is.autonavi.com"));
        assert!(!csp_allows_image("default-src 'none'", "https://a.example"));
        assert!(csp_allows_image("script-src 'self'", "https://a.example"), "no image directive, no limit");
    }

    #[test]
    fn gcj02_tiles_draw_a_point_at_its_shifted_place_and_a_tap_comes_back_to_wgs84() {
        let (lon, lat) = (118.35, 35.05);
        assert_eq!(to_screen(Crs::Wgs84, lon, lat), (lon, lat));
        let s = to_screen(Crs::Gcj02, lon, lat);
        let shift = haversine_m(lon, lat, s.0, s.1);
        assert!((200.0..800.0).contains(&shift), "GCJ-02 moves Linyi by hundreds of metres: {shift}");
        let back = from_screen(Crs::Gcj02, s.0, s.1);
        assert!(haversine_m(lon, lat, back.0, back.1) < 0.01);
    }
}
