//! Pharmacy area classes of linyi-2025 三(二): blank (空白), insufficient (相对不足), adequate,
//! saturated (相对饱和), from designated pharmacies of any category per 10,000 residents. Areas
//! are the data's administrative units when it has them, else grid cells of
//! `pharmacy_area_cell_m` in a local projection centred on the data.

use rustc_hash::FxHashMap;

use serde::Serialize;

use super::{LocalProjection, PointGrid};
use crate::policy::Params;
use crate::scenario::{Kind, Scenario};
use crate::text::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaClass {
    Blank,
    Insufficient,
    Adequate,
    Saturated,
}

impl AreaClass {
    pub fn label(self) -> Text {
        match self {
            AreaClass::Blank => Text::new("空白区域", "blank area"),
            AreaClass::Insufficient => Text::new("相对不足区域", "insufficient area"),
            AreaClass::Adequate => Text::new("适度区域", "adequate area"),
            AreaClass::Saturated => Text::new("相对饱和区域", "saturated area"),
        }
    }

    /// Designated pharmacies per 10,000 residents against the two thresholds.
    pub fn classify(pharmacies: u32, population: u64, p: &Params) -> (AreaClass, Option<f64>) {
        if pharmacies == 0 {
            return (AreaClass::Blank, (population > 0).then_some(0.0));
        }
        if population == 0 {
            return (AreaClass::Saturated, None);
        }
        let per_10k = pharmacies as f64 / population as f64 * 10_000.0;
        let class = if per_10k < p.pharmacy_insufficient_below_per_10k {
            AreaClass::Insufficient
        } else if per_10k > p.pharmacy_saturated_above_per_10k {
            AreaClass::Saturated
        } else {
            AreaClass::Adequate
        };
        (class, Some(per_10k))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AreaKey {
    Admin(String),
    Grid(i32, i32),
}

impl AreaKey {
    pub fn label(&self) -> Text {
        match self {
            AreaKey::Admin(a) => Text::new(format!("区域“{a}”"), format!("area “{a}”")),
            AreaKey::Grid(x, y) => Text::new(format!("网格({x},{y})"), format!("grid cell ({x},{y})")),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct AreaStat {
    pub population: u64,
    /// Designated pharmacies (any category), with their ids so one can be left out.
    pub pharmacy_ids: Vec<usize>,
}

/// Residents and designated pharmacies per area, looked up by key (`get`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AreaStats {
    /// Per area of `AreaCells::keys`, in that order.
    by_index: Vec<AreaStat>,
    /// Areas with pharmacies but no population cell.
    extra: FxHashMap<AreaKey, AreaStat>,
    index: AreaIndex,
}

impl AreaStats {
    pub fn get(&self, key: &AreaKey) -> Option<&AreaStat> {
        match self.index.of(key) {
            Some(k) => self.by_index.get(k as usize),
            None => self.extra.get(key),
        }
    }

    /// The stats of area `k` of `AreaCells::keys`.
    pub fn of(&self, k: usize) -> &AreaStat {
        &self.by_index[k]
    }
}

/// The index into `AreaCells::keys` of a key: grid keys through a dense array over the cells'
/// extent (no hashing), names (and grid keys of an extent too large for the array) by hash.
#[derive(Clone, Debug, Default, PartialEq)]
struct AreaIndex {
    by_key: std::rc::Rc<FxHashMap<AreaKey, u32>>,
    grid: std::rc::Rc<DenseGrid>,
}

/// `slots[(y - y0) * w + (x - x0)]`: the index of grid key (x, y), `u32::MAX` for none.
#[derive(Clone, Debug, Default, PartialEq)]
struct DenseGrid {
    x0: i32,
    y0: i32,
    w: i64,
    h: i64,
    slots: Vec<u32>,
}

impl DenseGrid {
    fn get(&self, x: i32, y: i32) -> Option<u32> {
        let (dx, dy) = (x as i64 - self.x0 as i64, y as i64 - self.y0 as i64);
        if dx < 0 || dy < 0 || dx >= self.w || dy >= self.h {
            return None;
        }
        let k = self.slots[(dy * self.w + dx) as usize];
        (k != u32::MAX).then_some(k)
    }
}

impl AreaIndex {
    fn of(&self, key: &AreaKey) -> Option<u32> {
        match key {
            AreaKey::Grid(x, y) if !self.grid.slots.is_empty() => self.grid.get(*x, *y),
            _ => self.by_key.get(key).copied(),
        }
    }
}

/// What the area model knows from the population cells alone (their areas and residents):
/// built once per data and area cell size (`DataIndex::area_model`), shared by every recompute.
pub struct AreaCells {
    pub by_admin: bool,
    pub projection: LocalProjection,
    pub cell_m: f64,
    /// The data has population cells at all (without them no area can be classed).
    pub has_population: bool,
    /// Every area, and the area (index into `keys`) of every population cell.
    pub keys: Vec<AreaKey>,
    pub cell_area: Vec<u32>,
    /// Residents per area of `keys`.
    pub population: Vec<u64>,
    /// The index into `keys` of each key.
    index: AreaIndex,
    cell_grid: PointGrid,
    cell_areas: Vec<Option<String>>,
}

/// The area model of a recompute: the cells' areas (shared, see `AreaCells`, whose fields it
/// derefs to) and the designated pharmacies of the scenario at hand per area.
pub struct AreaModel {
    pub cells: std::rc::Rc<AreaCells>,
    pub stats: AreaStats,
}

impl std::ops::Deref for AreaModel {
    type Target = AreaCells;
    fn deref(&self) -> &AreaCells {
        &self.cells
    }
}

impl AreaModel {
    pub fn build(s: &Scenario, _index: &super::InstitutionIndex, p: &Params) -> Self {
        Self::with_cells(s, std::rc::Rc::new(AreaCells::build(s, p)))
    }

    /// With the cells' areas already built for this scenario's population cells.
    pub fn with_cells(s: &Scenario, cells: std::rc::Rc<AreaCells>) -> Self {
        let mut stats = AreaStats {
            by_index: cells
                .population
                .iter()
                .map(|&population| AreaStat { population, pharmacy_ids: Vec::new() })
                .collect(),
            extra: FxHashMap::default(),
            index: cells.index.clone(),
        };
        for (i, inst) in s.institutions.iter().enumerate() {
            if inst.kind == Kind::Pharmacy && inst.designated {
                let key = cells.key_at(inst.lon, inst.lat, inst.area.as_deref());
                match cells.index.of(&key) {
                    Some(k) => stats.by_index[k as usize].pharmacy_ids.push(i),
                    None => stats.extra.entry(key).or_default().pharmacy_ids.push(i),
                }
            }
        }
        AreaModel { cells, stats }
    }
}

impl AreaCells {
    pub fn build(s: &Scenario, p: &Params) -> Self {
        let by_admin = s.population_cells.iter().any(|c| c.area.is_some());
        let (mut sx, mut sy, mut n) = (0.0, 0.0, 0.0);
        for c in &s.population_cells {
            sx += c.lon;
            sy += c.lat;
            n += 1.0;
        }
        if n == 0.0 {
            for i in &s.institutions {
                sx += i.lon;
                sy += i.lat;
                n += 1.0;
            }
        }
        let projection = if n > 0.0 { LocalProjection::new(sx / n, sy / n) } else { LocalProjection::new(0.0, 0.0) };
        // Only needed to place an unlabelled point in an administrative area.
        let cell_grid = if by_admin {
            PointGrid::build(s.population_cells.iter().map(|c| (c.lon, c.lat)).collect())
        } else {
            PointGrid::default()
        };
        let cell_areas =
            if by_admin { s.population_cells.iter().map(|c| c.area.clone()).collect() } else { Vec::new() };
        let mut m = AreaCells {
            by_admin,
            projection,
            cell_m: p.pharmacy_area_cell_m,
            has_population: !s.population_cells.is_empty(),
            keys: Vec::new(),
            cell_area: Vec::with_capacity(s.population_cells.len()),
            population: Vec::new(),
            index: Default::default(),
            cell_grid,
            cell_areas,
        };
        m.index_cells(s);
        let mut population = vec![0u64; m.keys.len()];
        for (c, &a) in s.population_cells.iter().zip(&m.cell_area) {
            population[a as usize] = population[a as usize].saturating_add(c.population);
        }
        m.population = population;
        m.index.by_key = std::rc::Rc::new(m.keys.iter().enumerate().map(|(k, key)| (key.clone(), k as u32)).collect());
        m
    }

    /// Fills `keys` and `cell_area`: the same keys as `key_at` gives, found without hashing a
    /// key per cell (a dense array over the grid's extent, or interned names).
    fn index_cells(&mut self, s: &Scenario) {
        let cells = &s.population_cells;
        if self.by_admin {
            let mut names: FxHashMap<String, u32> = FxHashMap::default();
            for c in cells {
                let key = match c.area.as_deref() {
                    Some(a) => AreaKey::Admin(a.to_string()),
                    None => self.key_at(c.lon, c.lat, None),
                };
                let name = match &key {
                    AreaKey::Admin(a) => a.as_str(),
                    AreaKey::Grid(..) => "",
                };
                let k = match names.get(name) {
                    Some(&k) => k,
                    None => {
                        let k = self.keys.len() as u32;
                        names.insert(name.to_string(), k);
                        self.keys.push(key);
                        k
                    }
                };
                self.cell_area.push(k);
            }
            return;
        }
        let xy: Vec<(i32, i32)> = cells
            .iter()
            .map(|c| {
                let (x, y) = self.projection.to_xy(c.lon, c.lat);
                (super::index::floor_i64(x / self.cell_m) as i32, super::index::floor_i64(y / self.cell_m) as i32)
            })
            .collect();
        let (mut x0, mut y0, mut x1, mut y1) = (i32::MAX, i32::MAX, i32::MIN, i32::MIN);
        for &(x, y) in &xy {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        let (w, h) = ((x1 as i64 - x0 as i64 + 1).max(0), (y1 as i64 - y0 as i64 + 1).max(0));
        if w * h <= 8_000_000 {
            let mut dense = vec![u32::MAX; (w * h) as usize];
            for &(x, y) in &xy {
                let slot = &mut dense[((y - y0) as i64 * w + (x - x0) as i64) as usize];
                if *slot == u32::MAX {
                    *slot = self.keys.len() as u32;
                    self.keys.push(AreaKey::Grid(x, y));
                }
                self.cell_area.push(*slot);
            }
            self.index.grid = std::rc::Rc::new(DenseGrid { x0, y0, w, h, slots: dense });
        } else {
            let mut sparse: FxHashMap<(i32, i32), u32> = FxHashMap::default();
            for &(x, y) in &xy {
                let next = self.keys.len() as u32;
                let k = *sparse.entry((x, y)).or_insert(next);
                if k == next {
                    self.keys.push(AreaKey::Grid(x, y));
                }
                self.cell_area.push(k);
            }
        }
    }

    /// The area of a point: its stated area; else, when the data has areas, that of the nearest
    /// population cell; else the grid cell it falls in.
    pub fn key_at(&self, lon: f64, lat: f64, area: Option<&str>) -> AreaKey {
        if self.by_admin {
            if let Some(a) = area {
                return AreaKey::Admin(a.to_string());
            }
            if let Some((i, _)) = self.cell_grid.nearest(lon, lat, 50_000.0, |i| self.cell_areas[i].is_some()) {
                return AreaKey::Admin(self.cell_areas[i].clone().unwrap_or_default());
            }
        }
        let (x, y) = self.projection.to_xy(lon, lat);
        AreaKey::Grid(super::index::floor_i64(x / self.cell_m) as i32, super::index::floor_i64(y / self.cell_m) as i32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A grid key's area found through the dense array is the one its hash finds, inside the
    /// cells' extent, on its edges and beyond it.
    #[test]
    fn grid_keys_are_found_without_hashing_as_by_hash() {
        let s =
            crate::synth::synth_scenario(&crate::synth::SynthSpec::published(crate::synth::SampleCity::Linyi, 3000.0));
        let p = crate::policy::Policy::resolve(
            &crate::policy::builtin_preset("linyi-2025").unwrap(),
            &Default::default(),
            "o",
        )
        .unwrap()
        .params;
        let cells = AreaCells::build(&s, &p);
        assert!(!cells.by_admin && !cells.index.grid.slots.is_empty());
        let g = &cells.index.grid;
        let mut found = 0;
        for y in g.y0 - 2..g.y0 + g.h as i32 + 2 {
            for x in g.x0 - 2..g.x0 + g.w as i32 + 2 {
                let key = AreaKey::Grid(x, y);
                let by_hash = cells.index.by_key.get(&key).copied();
                assert_eq!(cells.index.of(&key), by_hash, "{key:?}");
                found += by_hash.is_some() as usize;
            }
        }
        assert_eq!(found, cells.keys.len());
        let model = AreaModel::with_cells(&s, std::rc::Rc::new(cells));
        for (k, key) in model.keys.iter().enumerate() {
            assert_eq!(model.stats.get(key), Some(model.stats.of(k)));
        }
    }

    /// The cells' areas kept from one recompute to the next give the classes a fresh build
    /// gives, after pharmacies change and when the data has administrative areas.
    #[test]
    fn kept_cell_areas_count_the_pharmacies_of_the_scenario_at_hand() {
        let s =
            crate::synth::synth_scenario(&crate::synth::SynthSpec::published(crate::synth::SampleCity::Linyi, 3000.0));
        let p = crate::policy::Policy::resolve(
            &crate::policy::builtin_preset("linyi-2025").unwrap(),
            &Default::default(),
            "o",
        )
        .unwrap()
        .params;
        let mut admin = s.clone();
        for (k, c) in admin.population_cells.iter_mut().enumerate() {
            c.area = (k % 5 != 0).then(|| format!("a{}", k % 7));
        }
        for base in [s, admin] {
            let kept = std::rc::Rc::new(AreaCells::build(&base, &p));
            let mut changed = base.clone();
            for (k, i) in changed.institutions.iter_mut().enumerate() {
                if k % 3 == 0 {
                    i.designated = !i.designated;
                }
            }
            for sc in [&base, &changed] {
                let index = crate::spatial::InstitutionIndex::build(&sc.institutions);
                let fresh = AreaModel::build(sc, &index, &p);
                let reused = AreaModel::with_cells(sc, kept.clone());
                assert_eq!(fresh.keys, reused.keys);
                assert_eq!(fresh.cell_area, reused.cell_area);
                let mut n = 0;
                for key in &fresh.keys {
                    assert_eq!(fresh.stats.get(key), reused.stats.get(key), "{key:?}");
                    n += reused.stats.get(key).map_or(0, |st| st.pharmacy_ids.len());
                }
                let designated = sc.institutions.iter().filter(|i| i.designated && i.kind == Kind::Pharmacy).count();
                let extra: usize = reused.stats.extra.values().map(|st| st.pharmacy_ids.len()).sum();
                assert_eq!(n + extra, designated, "every designated pharmacy is in one area");
            }
        }
    }
}
