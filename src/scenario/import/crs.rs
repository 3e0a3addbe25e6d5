//! Coordinate systems of Chinese map services, converted to WGS-84 on import (DESIGN.md §2).
//!
//! - **WGS-84**: GPS, OpenStreetMap, GeoJSON by RFC 7946; what the scenario holds.
//! - **GCJ-02** ("Mars coordinates"): AMap (高德), Tencent (腾讯), and Alibaba DataV boundaries.
//!   The forward offset is the widely published algorithm (Krasovsky ellipsoid constants,
//!   a = 6378245 m, e² = 0.00669342162296594323); it is not invertible in closed form, so the
//!   inverse iterates the forward transform until the residual is below 1e-9° (~0.1 mm).
//! - **BD-09**: Baidu (百度), a further rotation and offset of GCJ-02; BD-09 → GCJ-02 → WGS-84,
//!   the first step also inverted by iteration so that a round trip is exact to 1e-9°.
//!
//! Outside the rectangle the algorithm treats as China (72.004–137.8347 °E, 0.8293–55.8271 °N)
//! GCJ-02 applies no offset, as the services themselves do.

use std::f64::consts::PI;

use serde::{Deserialize, Serialize};

/// A file's coordinate system. Serialised as `"wgs84"`, `"gcj02"`, `"bd09"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Crs {
    #[default]
    Wgs84,
    Gcj02,
    Bd09,
}

impl Crs {
    pub const ALL: [Crs; 3] = [Crs::Wgs84, Crs::Gcj02, Crs::Bd09];

    pub fn id(self) -> &'static str {
        match self {
            Crs::Wgs84 => "wgs84",
            Crs::Gcj02 => "gcj02",
            Crs::Bd09 => "bd09",
        }
    }

    /// `wgs84`, `WGS-84`, `EPSG:4326`, `gcj02`, `GCJ-02`, `amap`, `bd09`, `BD-09`, `baidu`, …
    pub fn parse(s: &str) -> Option<Crs> {
        let k: String = s.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
        match k.as_str() {
            "wgs84" | "epsg4326" | "wgs" | "gps" => Some(Crs::Wgs84),
            "gcj02" | "gcj" | "amap" | "gaode" | "tencent" | "qq" => Some(Crs::Gcj02),
            "bd09" | "bd09ll" | "bd" | "baidu" => Some(Crs::Bd09),
            _ => None,
        }
    }

    pub fn label(self) -> crate::text::Text {
        use crate::text::Text;
        match self {
            Crs::Wgs84 => Text::new("WGS-84（GPS、天地图、OpenStreetMap）", "WGS-84 (GPS, Tianditu, OpenStreetMap)"),
            Crs::Gcj02 => Text::new("GCJ-02（高德、腾讯地图）", "GCJ-02 (AMap, Tencent Maps)"),
            Crs::Bd09 => Text::new("BD-09（百度地图）", "BD-09 (Baidu Maps)"),
        }
    }

    /// A point of this system in WGS-84.
    pub fn to_wgs84(self, lon: f64, lat: f64) -> (f64, f64) {
        match self {
            Crs::Wgs84 => (lon, lat),
            Crs::Gcj02 => gcj02_to_wgs84(lon, lat),
            Crs::Bd09 => bd09_to_wgs84(lon, lat),
        }
    }

    /// A WGS-84 point in this system (for exports meant for a Chinese map service).
    pub fn from_wgs84(self, lon: f64, lat: f64) -> (f64, f64) {
        match self {
            Crs::Wgs84 => (lon, lat),
            Crs::Gcj02 => wgs84_to_gcj02(lon, lat),
            Crs::Bd09 => wgs84_to_bd09(lon, lat),
        }
    }
}

const A: f64 = 6_378_245.0;
const EE: f64 = 0.006_693_421_622_965_943;
const X_PI: f64 = PI * 3000.0 / 180.0;
/// Iterations stop when the residual is below this (degrees).
const TOLERANCE: f64 = 1e-9;
const MAX_ITERATIONS: usize = 30;

/// The rectangle the published algorithm treats as outside China: no offset there.
pub fn out_of_china(lon: f64, lat: f64) -> bool {
    !(72.004..=137.8347).contains(&lon) || !(0.8293..=55.8271).contains(&lat)
}

fn offset_lat(x: f64, y: f64) -> f64 {
    let mut r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * x.abs().sqrt();
    r += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    r += (20.0 * (y * PI).sin() + 40.0 * (y / 3.0 * PI).sin()) * 2.0 / 3.0;
    r += (160.0 * (y / 12.0 * PI).sin() + 320.0 * (y * PI / 30.0).sin()) * 2.0 / 3.0;
    r
}

fn offset_lon(x: f64, y: f64) -> f64 {
    let mut r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * x.abs().sqrt();
    r += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    r += (20.0 * (x * PI).sin() + 40.0 * (x / 3.0 * PI).sin()) * 2.0 / 3.0;
    r += (150.0 * (x / 12.0 * PI).sin() + 300.0 * (x / 30.0 * PI).sin()) * 2.0 / 3.0;
    r
}

/// WGS-84 → GCJ-02, the published forward algorithm.
pub fn wgs84_to_gcj02(lon: f64, lat: f64) -> (f64, f64) {
    if out_of_china(lon, lat) {
        return (lon, lat);
    }
    let mut dlat = offset_lat(lon - 105.0, lat - 35.0);
    let mut dlon = offset_lon(lon - 105.0, lat - 35.0);
    let radlat = lat / 180.0 * PI;
    let magic = 1.0 - EE * radlat.sin() * radlat.sin();
    let sqrt_magic = magic.sqrt();
    dlat = (dlat * 180.0) / ((A * (1.0 - EE)) / (magic * sqrt_magic) * PI);
    dlon = (dlon * 180.0) / (A / sqrt_magic * radlat.cos() * PI);
    (lon + dlon, lat + dlat)
}

/// Inverts `forward` at `target` by fixed-point iteration (the offsets vary slowly, so each step
/// gains several digits): start at the target, subtract the residual of the forward image.
fn invert(target: (f64, f64), forward: impl Fn(f64, f64) -> (f64, f64)) -> (f64, f64) {
    let (mut lon, mut lat) = target;
    for _ in 0..MAX_ITERATIONS {
        let (fl, fa) = forward(lon, lat);
        let (dl, da) = (fl - target.0, fa - target.1);
        lon -= dl;
        lat -= da;
        if dl.abs() < TOLERANCE && da.abs() < TOLERANCE {
            break;
        }
    }
    (lon, lat)
}

/// GCJ-02 → WGS-84 by iteration to below 1e-9°.
pub fn gcj02_to_wgs84(lon: f64, lat: f64) -> (f64, f64) {
    if out_of_china(lon, lat) {
        return (lon, lat);
    }
    invert((lon, lat), wgs84_to_gcj02)
}

/// GCJ-02 → BD-09, Baidu's published forward transform.
pub fn gcj02_to_bd09(lon: f64, lat: f64) -> (f64, f64) {
    let z = (lon * lon + lat * lat).sqrt() + 0.00002 * (lat * X_PI).sin();
    let theta = lat.atan2(lon) + 0.000003 * (lon * X_PI).cos();
    (z * theta.cos() + 0.0065, z * theta.sin() + 0.006)
}

/// BD-09 → GCJ-02: the published approximate inverse, refined by iteration to below 1e-9°.
pub fn bd09_to_gcj02(lon: f64, lat: f64) -> (f64, f64) {
    let (x, y) = (lon - 0.0065, lat - 0.006);
    let z = (x * x + y * y).sqrt() - 0.00002 * (y * X_PI).sin();
    let theta = y.atan2(x) - 0.000003 * (x * X_PI).cos();
    let (mut gl, mut ga) = (z * theta.cos(), z * theta.sin());
    for _ in 0..MAX_ITERATIONS {
        let (bl, ba) = gcj02_to_bd09(gl, ga);
        let (dl, da) = (bl - lon, ba - lat);
        gl -= dl;
        ga -= da;
        if dl.abs() < TOLERANCE && da.abs() < TOLERANCE {
            break;
        }
    }
    (gl, ga)
}

pub fn wgs84_to_bd09(lon: f64, lat: f64) -> (f64, f64) {
    let (l, a) = wgs84_to_gcj02(lon, lat);
    gcj02_to_bd09(l, a)
}

/// BD-09 → GCJ-02 → WGS-84.
pub fn bd09_to_wgs84(lon: f64, lat: f64) -> (f64, f64) {
    let (l, a) = bd09_to_gcj02(lon, lat);
    gcj02_to_wgs84(l, a)
}
