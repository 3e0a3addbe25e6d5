//! GeoJSON: Point features become rows (their properties the columns, the point the
//! coordinates); Polygon and MultiPolygon features are county or area boundaries, kept beside the
//! scenario as `Boundaries` (the scenario contract has no field for them), with the
//! point-in-polygon `county_of` that gives a point its county.

use geo::{BoundingRect, Coord, Intersects, LineString, MultiPolygon, Polygon, Rect};
use geojson::{Feature, GeoJson, GeometryValue, JsonValue, PolygonType};
use serde_json::{json, Map, Value};

use super::columns::{normalize, recognize};
use super::{match_county, Bounds, Crs, ImportError, RawRow};
use crate::scenario::County;
use crate::scenario::Field;
use crate::text::Text;

fn parse(bytes: &[u8]) -> Result<GeoJson, Text> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice::<GeoJson>(bytes)
        .map_err(|e| Text::new(format!("不是有效的 GeoJSON（{e}）"), format!("not valid GeoJSON ({e})")))
}

fn features(g: GeoJson) -> Vec<Feature> {
    match g {
        GeoJson::FeatureCollection(fc) => fc.features,
        GeoJson::Feature(f) => vec![f],
        GeoJson::Geometry(geometry) => vec![Feature { geometry: Some(geometry), ..Default::default() }],
    }
}

fn is_shape(f: &Feature) -> bool {
    matches!(
        f.geometry.as_ref().map(|g| &g.value),
        Some(GeometryValue::Polygon { .. } | GeometryValue::MultiPolygon { .. })
    )
}

/// A property as a cell's text: strings as they are, numbers at full precision, lists joined by
/// commas, `null` empty.
fn cell_text(v: &JsonValue) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(a) => a.iter().map(cell_text).collect::<Vec<_>>().join(","),
        Value::Object(_) => v.to_string(),
    }
}

fn id_text(id: &geojson::feature::Id) -> String {
    match id {
        geojson::feature::Id::String(s) => s.clone(),
        geojson::feature::Id::Number(n) => n.to_string(),
    }
}

/// The point features of a file as rows: the columns (property names in order of first
/// appearance, plus `id` from the features' own ids), the rows (numbered by feature, 1-based),
/// and how many polygon features were left for `Boundaries`.
pub struct PointRows {
    pub headers: Vec<String>,
    pub rows: Vec<RawRow>,
    pub shapes: usize,
}

pub fn read_points(bytes: &[u8]) -> Result<PointRows, Text> {
    let features = features(parse(bytes)?);
    let mut headers: Vec<String> = Vec::new();
    let mut index = std::collections::HashMap::new();
    for f in &features {
        for k in f.properties.iter().flat_map(|p| p.keys()) {
            if !index.contains_key(k) {
                index.insert(k.clone(), headers.len());
                headers.push(k.clone());
            }
        }
    }
    let id_column = if features.iter().any(|f| f.id.is_some()) && !index.contains_key("id") {
        index.insert("id".to_string(), headers.len());
        headers.push("id".to_string());
        Some(headers.len() - 1)
    } else {
        None
    };
    let mut rows = Vec::with_capacity(features.len());
    let mut shapes = 0;
    for (i, f) in features.into_iter().enumerate() {
        if is_shape(&f) {
            shapes += 1;
            continue;
        }
        let mut cells = vec![String::new(); headers.len()];
        for (k, v) in f.properties.iter().flatten() {
            cells[index[k]] = cell_text(v);
        }
        if let (Some(c), Some(id)) = (id_column, &f.id) {
            cells[c] = id_text(id);
        }
        let point = match f.geometry.map(|g| g.value) {
            Some(GeometryValue::Point { coordinates }) if coordinates.len() >= 2 => {
                Some((coordinates[0], coordinates[1]))
            }
            _ => None,
        };
        rows.push(RawRow { row: i + 1, cells, point });
    }
    Ok(PointRows { headers, rows, shapes })
}

/// One boundary: the county (or area) it outlines, in WGS-84.
#[derive(Clone, Debug, PartialEq)]
pub struct Boundary {
    /// The id of the scenario's county it was matched to (by name or id), else its own name,
    /// code or `boundary-N`.
    pub id: String,
    pub name: Option<String>,
    /// Whether `id` is a county of the scenario the boundaries were read for.
    pub matched: bool,
    pub shape: MultiPolygon<f64>,
    pub bbox: Rect<f64>,
}

/// County or area boundaries from a GeoJSON file, kept by the caller beside the scenario.
/// Serialized as plain rings (the file worker reads them and the page uses them).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(from = "BoundariesWire", into = "BoundariesWire")]
pub struct Boundaries {
    pub areas: Vec<Boundary>,
}

/// `Boundaries` as data: each area's polygons as rings of `[lon, lat]`, exterior first.
#[derive(serde::Serialize, serde::Deserialize)]
struct BoundariesWire(Vec<(String, Option<String>, bool, Vec<Vec<Vec<[f64; 2]>>>)>);

impl From<Boundaries> for BoundariesWire {
    fn from(b: Boundaries) -> Self {
        let ring = |l: &LineString<f64>| l.0.iter().map(|c| [c.x, c.y]).collect::<Vec<_>>();
        BoundariesWire(
            b.areas
                .into_iter()
                .map(|a| {
                    let polys = a
                        .shape
                        .0
                        .iter()
                        .map(|p| std::iter::once(p.exterior()).chain(p.interiors()).map(ring).collect())
                        .collect();
                    (a.id, a.name, a.matched, polys)
                })
                .collect(),
        )
    }
}

impl From<BoundariesWire> for Boundaries {
    fn from(w: BoundariesWire) -> Self {
        let ring = |r: Vec<[f64; 2]>| LineString::from(r.into_iter().map(|[x, y]| Coord { x, y }).collect::<Vec<_>>());
        let areas =
            w.0.into_iter()
                .filter_map(|(id, name, matched, polys)| {
                    let shape = MultiPolygon(
                        polys
                            .into_iter()
                            .filter_map(|rings| {
                                let mut rings = rings.into_iter().map(ring);
                                let exterior = rings.next()?;
                                Some(Polygon::new(exterior, rings.collect()))
                            })
                            .collect(),
                    );
                    let bbox = shape.bounding_rect()?;
                    Some(Boundary { id, name, matched, shape, bbox })
                })
                .collect();
        Boundaries { areas }
    }
}

fn ring(r: &[geojson::Position], crs: Crs) -> LineString<f64> {
    LineString::from(
        r.iter()
            .filter(|p| p.len() >= 2)
            .map(|p| {
                let (x, y) = crs.to_wgs84(p[0], p[1]);
                Coord { x, y }
            })
            .collect::<Vec<_>>(),
    )
}

fn polygon(p: &PolygonType, crs: Crs) -> Option<Polygon<f64>> {
    let mut rings = p.iter().map(|r| ring(r, crs));
    let exterior = rings.next()?;
    Some(Polygon::new(exterior, rings.collect()))
}

impl Boundaries {
    /// The Polygon and MultiPolygon features of a GeoJSON file, converted from `crs` (DataV's
    /// county outlines are GCJ-02), each matched to one of `counties` (`(id, name)`) by name or id.
    /// Point features are left out. Properties read: a name (`name`, `名称`, `区县`, …) and a code
    /// (`id`, `adcode`, `code`, `编码`, …).
    pub fn from_geojson(bytes: &[u8], crs: Crs, counties: &[(String, String)]) -> Result<Boundaries, ImportError> {
        let mut areas = Vec::new();
        for (i, f) in features(parse(bytes)?).into_iter().enumerate() {
            let shape = match f.geometry.as_ref().map(|g| &g.value) {
                Some(GeometryValue::Polygon { coordinates }) => {
                    MultiPolygon(polygon(coordinates, crs).into_iter().collect())
                }
                Some(GeometryValue::MultiPolygon { coordinates }) => {
                    MultiPolygon(coordinates.iter().filter_map(|p| polygon(p, crs)).collect())
                }
                _ => continue,
            };
            let Some(bbox) = shape.bounding_rect() else {
                continue;
            };
            let mut name = None;
            let mut code = f.id.as_ref().map(id_text);
            for (k, v) in f.properties.iter().flatten() {
                let text = cell_text(v);
                if text.trim().is_empty() {
                    continue;
                }
                let n = normalize(k);
                match recognize(k) {
                    Some(Field::Name | Field::County) if name.is_none() => name = Some(text.trim().to_string()),
                    Some(Field::Id) if code.is_none() => code = Some(text.trim().to_string()),
                    _ if ["adcode", "gb", "areacode", "区划代码", "行政区划代码"].contains(&n.as_str())
                        && code.is_none() =>
                    {
                        code = Some(text.trim().to_string())
                    }
                    _ => {}
                }
            }
            let matched = name
                .as_deref()
                .and_then(|n| match_county(n, counties))
                .or_else(|| code.as_deref().and_then(|c| match_county(c, counties)));
            let id = match (&matched, &name, &code) {
                (Some(id), _, _) => id.clone(),
                (None, Some(n), _) => n.clone(),
                (None, None, Some(c)) => c.clone(),
                (None, None, None) => format!("boundary-{}", i + 1),
            };
            areas.push(Boundary { id, name, matched: matched.is_some(), shape, bbox });
        }
        if areas.is_empty() {
            return Err(Text::new(
                "文件中没有面要素（Polygon 或 MultiPolygon）",
                "the file has no Polygon or MultiPolygon feature",
            )
            .into());
        }
        Ok(Boundaries { areas })
    }

    /// The boundary containing a WGS-84 point (a point on an edge counts as inside; where two
    /// outlines share the edge, the first in the file wins): its id.
    pub fn county_of(&self, lon: f64, lat: f64) -> Option<&str> {
        let c = Coord { x: lon, y: lat };
        self.areas.iter().find(|a| a.bbox.intersects(&c) && a.shape.intersects(&c)).map(|a| a.id.as_str())
    }

    /// The rectangle around every outline (for `ImportOptions::bounds`, with a margin).
    pub fn extent(&self, margin_m: f64) -> Option<Bounds> {
        Bounds::around(
            self.areas.iter().flat_map(|a| [(a.bbox.min().x, a.bbox.min().y), (a.bbox.max().x, a.bbox.max().y)]),
            margin_m,
        )
    }

    /// A county entry for every outline not matched to one of the scenario's counties (id and
    /// name only), for a scenario made from the outlines.
    pub fn new_counties(&self) -> Vec<County> {
        self.areas
            .iter()
            .filter(|a| !a.matched)
            .map(|a| County {
                id: a.id.clone(),
                name: a.name.clone().unwrap_or_else(|| a.id.clone()),
                ..Default::default()
            })
            .collect()
    }

    /// The outlines as a GeoJSON FeatureCollection in WGS-84 (`id`, `name` properties), which
    /// `from_geojson` reads back.
    pub fn to_geojson(&self) -> String {
        let ring = |l: &LineString<f64>| l.0.iter().map(|c| json!([c.x, c.y])).collect::<Vec<_>>();
        let features: Vec<Value> = self
            .areas
            .iter()
            .map(|a| {
                let polys: Vec<Value> = a
                    .shape
                    .0
                    .iter()
                    .map(|p| {
                        let mut rings = vec![Value::Array(ring(p.exterior()))];
                        rings.extend(p.interiors().iter().map(|r| Value::Array(ring(r))));
                        Value::Array(rings)
                    })
                    .collect();
                let mut props = Map::new();
                props.insert("id".into(), json!(a.id));
                if let Some(n) = &a.name {
                    props.insert("name".into(), json!(n));
                }
                json!({"type": "Feature", "properties": props, "geometry": {"type": "MultiPolygon", "coordinates": polys}})
            })
            .collect();
        json!({"type": "FeatureCollection", "features": features}).to_string()
    }
}
