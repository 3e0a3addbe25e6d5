//! The way to a place the guided check names: its direction from the chosen spot in the eight
//! words people give directions in (东, 东北, 北 …), its rounded distance, its coordinates, and
//! links that open it in AMap (高德地图) and Baidu Maps (百度地图). And the reverse: a spot
//! given by pasting coordinates or a share link copied from a map app.
//!
//! Every point here is WGS-84, as the scenario holds it. The links carry the point converted by
//! the project's own code (`scenario::import::crs`) into the system each service reads: AMap
//! GCJ-02, Baidu BD-09. They follow the services' public URI schemes and involve no server of
//! ours: a link is a navigation the user chooses.
//!
//! - AMap, 单点标注 (lbs.amap.com/api/uri-api/guide/mobile-web/point):
//!   `https://uri.amap.com/marker?position=LON,LAT&name=…&src=…&coordinate=gaode&callnative=0`
//!   (`coordinate=gaode`: GCJ-02).
//! - Baidu, Web 端 URI 标注 (lbsyun.baidu.com/index.php?title=uri/api/web):
//!   `https://api.map.baidu.com/marker?location=LAT,LON&title=…&content=…&output=html&coord_type=bd09ll&src=…`
//!   (`location` is latitude first; `output=html` is required on the web; `src` names the caller).

use crate::engine::plain::about_distance;
use crate::scenario::import::Crs;
use crate::text::{Text, Words};

mod i {
    pub use crate::app::i18n::way::*;
}

/// One of the eight directions, clockwise from north.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heading {
    North,
    NorthEast,
    East,
    SouthEast,
    South,
    SouthWest,
    West,
    NorthWest,
}

impl Heading {
    pub const ALL: [Heading; 8] = [
        Heading::North,
        Heading::NorthEast,
        Heading::East,
        Heading::SouthEast,
        Heading::South,
        Heading::SouthWest,
        Heading::West,
        Heading::NorthWest,
    ];

    /// The direction a bearing (degrees clockwise from north) falls in: 45° sectors centred on
    /// each direction, so 22.5° and beyond is north-east.
    pub fn of_bearing(deg: f64) -> Heading {
        let d = deg.rem_euclid(360.0);
        Heading::ALL[(((d + 22.5) / 45.0).floor() as usize) % 8]
    }

    pub fn words(self) -> Words {
        match self {
            Heading::North => i::W_NORTH,
            Heading::NorthEast => i::W_NORTHEAST,
            Heading::East => i::W_EAST,
            Heading::SouthEast => i::W_SOUTHEAST,
            Heading::South => i::W_SOUTH,
            Heading::SouthWest => i::W_SOUTHWEST,
            Heading::West => i::W_WEST,
            Heading::NorthWest => i::W_NORTHWEST,
        }
    }
}

/// The initial great-circle bearing from `from` to `to` (lon, lat in degrees), in degrees
/// clockwise from north, 0 ≤ b < 360.
pub fn bearing_deg(from: (f64, f64), to: (f64, f64)) -> f64 {
    let (l1, p1) = (from.0.to_radians(), from.1.to_radians());
    let (l2, p2) = (to.0.to_radians(), to.1.to_radians());
    let dl = l2 - l1;
    let y = dl.sin() * p2.cos();
    let x = p1.cos() * p2.sin() - p1.sin() * p2.cos() * dl.cos();
    y.atan2(x).to_degrees().rem_euclid(360.0)
}

/// Closer than this, a place is "at your spot": a direction would be noise.
const SAME_SPOT_M: f64 = 5.0;

/// "东北方向约 750 米" / "about 750 m northeast": the direction from the spot and the distance
/// as the answer already rounds it (`engine::plain::about_distance`).
pub fn heading_distance(from: (f64, f64), to: (f64, f64), distance_m: f64) -> Text {
    if distance_m < SAME_SPOT_M {
        return i::W_HERE.clone();
    }
    let h = Heading::of_bearing(bearing_deg(from, to));
    i::w_heading_distance(h.words(), &about_distance(distance_m))
}

/// A WGS-84 point as people read it, five decimals (about a metre).
pub fn coords(lon: f64, lat: f64) -> Text {
    i::w_coords(lon, lat)
}

/// Who is asking, as both services ask callers to say.
const SOURCE: &str = "dingdian";

/// A query string with every value percent-encoded.
fn query(base: &str, pairs: &[(&str, &str)]) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        q.append_pair(k, v);
    }
    format!("{base}?{}", q.finish())
}

/// AMap's marker link for a WGS-84 point, the point converted to GCJ-02.
pub fn amap_link(lon: f64, lat: f64, name: &str) -> String {
    let (gl, ga) = Crs::Gcj02.from_wgs84(lon, lat);
    let position = format!("{gl:.6},{ga:.6}");
    query(
        "https://uri.amap.com/marker",
        &[("position", &position), ("name", name), ("src", SOURCE), ("coordinate", "gaode"), ("callnative", "0")],
    )
}

/// Baidu's marker link for a WGS-84 point, the point converted to BD-09.
pub fn baidu_link(lon: f64, lat: f64, title: &str, content: &str) -> String {
    let (bl, ba) = Crs::Bd09.from_wgs84(lon, lat);
    let location = format!("{ba:.6},{bl:.6}");
    query(
        "https://api.map.baidu.com/marker",
        &[
            ("location", &location),
            ("title", title),
            ("content", content),
            ("output", "html"),
            ("coord_type", "bd09ll"),
            ("src", "webapp.dingdian.check"),
        ],
    )
}

/// What a pasted text says: a point in the system it came from, and that system when the text
/// tells (a link's service or parameter, or the system's name written beside the numbers).
#[derive(Clone, Debug, PartialEq)]
pub struct Pasted {
    pub lon: f64,
    pub lat: f64,
    pub crs: Option<Crs>,
    /// How the system was recognised.
    pub why: Option<Words>,
}

impl Pasted {
    /// The point in WGS-84, in the system the text gave or, when it gave none, the one chosen.
    pub fn to_wgs84(&self, chosen: Option<Crs>) -> Option<(f64, f64)> {
        self.crs.or(chosen).map(|c| c.to_wgs84(self.lon, self.lat))
    }
}

/// China by the ranges AMap's URI guide gives (73°33′E–135°05′E, 3°51′N–53°33′N, widened to
/// whole degrees); they do not overlap, so the larger number is the longitude.
fn fits_china(lon: f64, lat: f64) -> bool {
    (73.0..=136.0).contains(&lon) && (3.0..=54.0).contains(&lat)
}

/// Two numbers in either order, as a (lon, lat) in China.
fn order(a: &str, b: &str) -> Result<(f64, f64), Text> {
    let (x, y) = match (a.parse::<f64>(), b.parse::<f64>()) {
        (Ok(x), Ok(y)) => (x, y),
        _ => return Err(i::p_e_not_china(a, b)),
    };
    if fits_china(x, y) {
        Ok((x, y))
    } else if fits_china(y, x) {
        Ok((y, x))
    } else {
        Err(i::p_e_not_china(a, b))
    }
}

/// The numbers in a text, as written (a sign, digits, one decimal point).
fn numbers(s: &str) -> Vec<&str> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut k = 0;
    while k < b.len() {
        let start = k;
        if b[k] == b'-' && k + 1 < b.len() && b[k + 1].is_ascii_digit() {
            k += 1;
        }
        if k < b.len() && b[k].is_ascii_digit() {
            while k < b.len() && b[k].is_ascii_digit() {
                k += 1;
            }
            if k + 1 < b.len() && b[k] == b'.' && b[k + 1].is_ascii_digit() {
                k += 1;
                while k < b.len() && b[k].is_ascii_digit() {
                    k += 1;
                }
            }
            out.push(&s[start..k]);
        } else {
            k = start + 1;
        }
    }
    out
}

/// The names of systems people write beside coordinates, with what they mean; removed before the
/// numbers are read (the digits of "bd09" or "WGS-84" are not coordinates).
const SYSTEM_NAMES: [(&str, Crs); 12] = [
    ("bd09ll", Crs::Bd09),
    ("bd-09", Crs::Bd09),
    ("bd09", Crs::Bd09),
    ("百度", Crs::Bd09),
    ("baidu", Crs::Bd09),
    ("gcj-02", Crs::Gcj02),
    ("gcj02", Crs::Gcj02),
    ("高德", Crs::Gcj02),
    ("腾讯", Crs::Gcj02),
    ("amap", Crs::Gcj02),
    ("wgs-84", Crs::Wgs84),
    ("wgs84", Crs::Wgs84),
];

/// Plain coordinates, perhaps with the system named beside them.
fn plain(text: &str) -> Result<Pasted, Text> {
    let mut s = text.to_lowercase();
    let mut named: Option<Crs> = None;
    for (name, crs) in SYSTEM_NAMES {
        if s.contains(name) {
            named.get_or_insert(crs);
            s = s.replace(name, " ");
        }
    }
    if named.is_none() && (s.contains("gps") || s.contains("epsg:4326")) {
        named = Some(Crs::Wgs84);
        s = s.replace("epsg:4326", " ");
    }
    let nums = numbers(&s);
    if nums.len() != 2 {
        return Err(i::p_e_count(nums.len()));
    }
    let (lon, lat) = order(nums[0], nums[1])?;
    Ok(Pasted { lon, lat, crs: named, why: named.map(|_| i::P_DETECTED_WORD) })
}

/// The value of a query parameter (decoded).
fn param(pairs: &[(String, String)], key: &str) -> Option<String> {
    pairs.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| v.clone())
}

/// "a,b" as two numbers in either order.
fn pair(v: &str) -> Result<(f64, f64), Text> {
    let nums = numbers(v);
    if nums.len() < 2 {
        return Err(i::P_E_LINK.clone());
    }
    order(nums[0], nums[1])
}

/// A link: AMap, Baidu and Tencent marker links say their system; a geo: URI is WGS-84
/// (RFC 5870). Short links carry no coordinates.
fn link(text: &str) -> Result<Pasted, Text> {
    let lower = text.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("geo:") {
        let coords = rest.split([';', '?']).next().unwrap_or("");
        let (lon, lat) = pair(coords)?;
        return Ok(Pasted { lon, lat, crs: Some(Crs::Wgs84), why: Some(i::P_DETECTED_GEO) });
    }
    let after_scheme = lower.split_once("://").map(|x| x.1).unwrap_or(&lower);
    let host = after_scheme.split(['/', '?', '#']).next().unwrap_or("");
    let query_text = text.split_once('?').map(|x| x.1).unwrap_or("");
    let query_text = query_text.split('#').next().unwrap_or("");
    let pairs: Vec<(String, String)> =
        form_urlencoded::parse(query_text.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    if host.starts_with("j.map.baidu.com") || host.starts_with("surl.amap.com") || host == "url.cn" {
        return Err(i::P_E_SHORT_LINK.clone());
    }
    if host.ends_with("amap.com") || host.ends_with("gaode.com") || host.ends_with("autonavi.com") {
        let at = param(&pairs, "position")
            .or_else(|| param(&pairs, "lnglat"))
            .or_else(|| Some(format!("{},{}", param(&pairs, "lng")?, param(&pairs, "lat")?)))
            .or_else(|| param(&pairs, "markers"));
        let Some(at) = at else { return Err(i::P_E_LINK.clone()) };
        let (lon, lat) = pair(&at)?;
        let crs = match param(&pairs, "coordinate").as_deref() {
            Some("wgs84") => Crs::Wgs84,
            _ => Crs::Gcj02,
        };
        return Ok(Pasted { lon, lat, crs: Some(crs), why: Some(i::P_DETECTED_AMAP) });
    }
    if host.ends_with("baidu.com") {
        let at = param(&pairs, "location").or_else(|| param(&pairs, "latlng"));
        let Some(at) = at else { return Err(i::P_E_LINK.clone()) };
        let crs = match param(&pairs, "coord_type").map(|c| c.to_ascii_lowercase()).as_deref() {
            None | Some("bd09ll") | Some("bd09") => Crs::Bd09,
            Some("gcj02") => Crs::Gcj02,
            Some("wgs84") => Crs::Wgs84,
            Some(_) => return Err(i::P_E_MERCATOR.clone()),
        };
        let (lon, lat) = pair(&at)?;
        return Ok(Pasted { lon, lat, crs: Some(crs), why: Some(i::P_DETECTED_BAIDU) });
    }
    if host.ends_with("map.qq.com") {
        // marker=coord:LAT,LNG;title:…  or  coord=LAT,LNG; coord_type 1 is GPS, else Tencent's GCJ-02.
        let at = param(&pairs, "marker")
            .and_then(|m| m.split(';').find_map(|kv| kv.trim().strip_prefix("coord:").map(str::to_string)))
            .or_else(|| param(&pairs, "coord"));
        let Some(at) = at else { return Err(i::P_E_LINK.clone()) };
        let (lon, lat) = pair(&at)?;
        let crs = if param(&pairs, "coord_type").as_deref() == Some("1") { Crs::Wgs84 } else { Crs::Gcj02 };
        return Ok(Pasted { lon, lat, crs: Some(crs), why: Some(i::P_DETECTED_TENCENT) });
    }
    Err(i::P_E_LINK.clone())
}

/// Reads what was pasted: "lon,lat" or "lat,lon" (any separator, full-width commas too), perhaps
/// with the system's name, or a marker link from AMap, Baidu or Tencent Maps, or a geo: URI.
pub fn parse_pasted(text: &str) -> Result<Pasted, Text> {
    let t = text.trim();
    if t.is_empty() {
        return Err(i::P_E_EMPTY.clone());
    }
    let lower = t.to_ascii_lowercase();
    if lower.contains("://") || lower.starts_with("geo:") || lower.starts_with("www.") {
        link(t)
    } else {
        plain(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::import::{bd09_to_wgs84, gcj02_to_wgs84, wgs84_to_bd09, wgs84_to_gcj02};
    use crate::spatial::haversine_m;
    use crate::text::Lang;

    /// A spot in Lanshan district, Linyi (WGS-84).
    const SPOT: (f64, f64) = (118.35, 35.05);

    /// A point `d` metres from SPOT at `bearing` degrees (small distances: flat earth is enough).
    fn at(bearing: f64, d: f64) -> (f64, f64) {
        let r = crate::spatial::EARTH_RADIUS_M;
        let b = bearing.to_radians();
        let dlat = (d * b.cos() / r).to_degrees();
        let dlon = (d * b.sin() / (r * SPOT.1.to_radians().cos())).to_degrees();
        (SPOT.0 + dlon, SPOT.1 + dlat)
    }

    #[test]
    fn each_of_the_eight_directions_is_named_with_the_rounded_distance() {
        let cases = [
            (0.0, "北方向约 750 米", "about 750 m north"),
            (45.0, "东北方向约 750 米", "about 750 m northeast"),
            (90.0, "东方向约 750 米", "about 750 m east"),
            (135.0, "东南方向约 750 米", "about 750 m southeast"),
            (180.0, "南方向约 750 米", "about 750 m south"),
            (225.0, "西南方向约 750 米", "about 750 m southwest"),
            (270.0, "西方向约 750 米", "about 750 m west"),
            (315.0, "西北方向约 750 米", "about 750 m northwest"),
        ];
        for (bearing, zh, en) in cases {
            let p = at(bearing, 748.0);
            let d = haversine_m(SPOT.0, SPOT.1, p.0, p.1);
            let t = heading_distance(SPOT, p, d);
            assert_eq!((t.get(Lang::Zh), t.get(Lang::En)), (zh, en), "bearing {bearing}");
        }
        let far = at(60.0, 2_340.0);
        assert_eq!(heading_distance(SPOT, far, 2_340.0).get(Lang::Zh), "东北方向约 2.3 公里");
        assert_eq!(heading_distance(SPOT, SPOT, 0.0).get(Lang::En), "at your spot");
    }

    #[test]
    fn sectors_are_45_degrees_centred_on_each_direction() {
        assert_eq!(Heading::of_bearing(22.4), Heading::North);
        assert_eq!(Heading::of_bearing(22.6), Heading::NorthEast);
        assert_eq!(Heading::of_bearing(337.4), Heading::NorthWest);
        assert_eq!(Heading::of_bearing(337.6), Heading::North);
        assert_eq!(Heading::of_bearing(-90.0), Heading::West);
        assert!((bearing_deg(SPOT, at(123.0, 500.0)) - 123.0).abs() < 0.1);
    }

    #[test]
    fn coordinates_read_with_hemispheres_and_five_decimals() {
        let t = coords(118.350123, 35.061234);
        assert_eq!(t.get(Lang::Zh), "北纬 35.06123°，东经 118.35012°");
        assert_eq!(t.get(Lang::En), "35.06123° N, 118.35012° E");
    }

    fn query_of(url: &str) -> Vec<(String, String)> {
        let q = url.split_once('?').unwrap().1;
        form_urlencoded::parse(q.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
    }

    #[test]
    fn the_amap_link_carries_the_point_in_gcj02_longitude_first() {
        let url = amap_link(SPOT.0, SPOT.1, "可受理地点 1 & 2");
        assert!(url.starts_with("https://uri.amap.com/marker?"), "{url}");
        let q = query_of(&url);
        let pos = param(&q, "position").unwrap();
        let (lon, lat) =
            pos.split_once(',').map(|(a, b)| (a.parse::<f64>().unwrap(), b.parse::<f64>().unwrap())).unwrap();
        let (gl, ga) = wgs84_to_gcj02(SPOT.0, SPOT.1);
        assert!((lon - gl).abs() < 1e-6 && (lat - ga).abs() < 1e-6, "{pos}");
        // Hundreds of metres from the WGS-84 point: without the conversion the pin would be wrong.
        assert!(haversine_m(SPOT.0, SPOT.1, lon, lat) > 100.0);
        let back = gcj02_to_wgs84(lon, lat);
        assert!(haversine_m(back.0, back.1, SPOT.0, SPOT.1) < 0.2);
        assert_eq!(param(&q, "coordinate").as_deref(), Some("gaode"));
        assert_eq!(param(&q, "name").as_deref(), Some("可受理地点 1 & 2"), "the name survives encoding");
        assert!(!url.contains(' ') && !url.contains("可"), "percent-encoded: {url}");
    }

    #[test]
    fn the_baidu_link_carries_the_point_in_bd09_latitude_first() {
        let url = baidu_link(SPOT.0, SPOT.1, "地点", "东北方向约 750 米");
        assert!(url.starts_with("https://api.map.baidu.com/marker?"), "{url}");
        let q = query_of(&url);
        let loc = param(&q, "location").unwrap();
        let (lat, lon) =
            loc.split_once(',').map(|(a, b)| (a.parse::<f64>().unwrap(), b.parse::<f64>().unwrap())).unwrap();
        let (bl, ba) = wgs84_to_bd09(SPOT.0, SPOT.1);
        assert!((lon - bl).abs() < 1e-6 && (lat - ba).abs() < 1e-6, "{loc}");
        let back = bd09_to_wgs84(lon, lat);
        assert!(haversine_m(back.0, back.1, SPOT.0, SPOT.1) < 0.2);
        assert_eq!(param(&q, "coord_type").as_deref(), Some("bd09ll"));
        assert_eq!(param(&q, "output").as_deref(), Some("html"));
        assert_eq!(param(&q, "content").as_deref(), Some("东北方向约 750 米"));
        assert!(param(&q, "src").is_some());
    }

    #[test]
    fn pasted_numbers_in_either_order_and_any_separator() {
        for text in [
            "118.35012,35.06123",
            "35.06123,118.35012",
            " 118.35012， 35.06123 ",
            "35.06123 118.35012",
            "118.35012;35.06123",
        ] {
            let p = parse_pasted(text).unwrap();
            assert_eq!((p.lon, p.lat, p.crs), (118.35012, 35.06123, None), "{text}");
        }
        assert!(parse_pasted("118.35,35.06").unwrap().to_wgs84(None).is_none(), "no system, no point");
        let w = parse_pasted("118.35,35.06").unwrap().to_wgs84(Some(Crs::Gcj02)).unwrap();
        assert_eq!(w, gcj02_to_wgs84(118.35, 35.06));
    }

    #[test]
    fn a_system_named_in_the_text_is_recognised_and_its_digits_are_not_read() {
        let p = parse_pasted("BD09: 118.36172,35.06823").unwrap();
        assert_eq!((p.lon, p.lat, p.crs), (118.36172, 35.06823, Some(Crs::Bd09)));
        let p = parse_pasted("WGS-84 35.05, 118.35").unwrap();
        assert_eq!((p.lon, p.lat, p.crs), (118.35, 35.05, Some(Crs::Wgs84)));
        assert_eq!(parse_pasted("高德 118.35,35.05").unwrap().crs, Some(Crs::Gcj02));
    }

    #[test]
    fn links_say_their_system() {
        let p = parse_pasted("https://uri.amap.com/marker?position=118.355,35.048&name=x&coordinate=gaode").unwrap();
        assert_eq!((p.lon, p.lat, p.crs), (118.355, 35.048, Some(Crs::Gcj02)));
        let p = parse_pasted("https://uri.amap.com/marker?position=118.355,35.048&coordinate=wgs84").unwrap();
        assert_eq!(p.crs, Some(Crs::Wgs84));
        let p = parse_pasted("http://api.map.baidu.com/marker?location=35.054,118.361&title=a&output=html").unwrap();
        assert_eq!((p.lon, p.lat, p.crs), (118.361, 35.054, Some(Crs::Bd09)), "Baidu's default is BD-09");
        let p = parse_pasted("https://api.map.baidu.com/marker?location=35.054,118.361&coord_type=gcj02").unwrap();
        assert_eq!(p.crs, Some(Crs::Gcj02));
        let p =
            parse_pasted("https://apis.map.qq.com/uri/v1/marker?marker=coord:35.05,118.35;title:x&referer=y").unwrap();
        assert_eq!((p.lon, p.lat, p.crs), (118.35, 35.05, Some(Crs::Gcj02)));
        let p = parse_pasted("geo:35.05,118.35;u=20").unwrap();
        assert_eq!((p.lon, p.lat, p.crs), (118.35, 35.05, Some(Crs::Wgs84)));
        // Our own links read back to the point they were made for.
        let (lon, lat) = (118.3321, 35.1012);
        for url in [amap_link(lon, lat, "a"), baidu_link(lon, lat, "a", "b")] {
            let w = parse_pasted(&url).unwrap().to_wgs84(None).unwrap();
            assert!(haversine_m(w.0, w.1, lon, lat) < 0.2, "{url}");
        }
    }

    #[test]
    fn bad_pastes_say_what_is_wrong() {
        let msg = |s: &str| parse_pasted(s).unwrap_err().en.into_owned();
        assert!(msg("  ").contains("Paste coordinates"));
        assert!(msg("118.35").contains("Found 1 number;"), "{}", msg("118.35"));
        assert!(msg("118.35, 35.05, 12").contains("Found 3 numbers"));
        assert!(msg("兰山区").contains("Found 0 numbers"));
        let e = msg("2.35,48.85");
        assert!(e.contains("\"2.35\"") && e.contains("not a longitude and latitude in China"), "{e}");
        assert!(msg("https://j.map.baidu.com/7b/abc").contains("short link"));
        assert!(msg("https://surl.amap.com/2abc").contains("short link"));
        assert!(msg("https://example.com/?q=1").contains("No coordinates found"));
        assert!(msg("https://uri.amap.com/marker?name=x").contains("No coordinates found"));
        assert!(msg("https://api.map.baidu.com/marker?location=4163000,13175000&coord_type=bd09mc").contains("bd09mc"));
    }
}
