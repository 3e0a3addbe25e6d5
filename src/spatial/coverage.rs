//! Coverage of DESIGN.md §2: the share of the population whose cell centre lies within the
//! service radius of at least one designated institution of a kind, city-wide and per county;
//! for pharmacies also per category.
//!
//! Computed from the institutions' side: each serving institution marks the cells within r of
//! it, found through a grid of the cells. Haversine is symmetric, so this is exactly "the cell
//! has an institution within r", at a fraction of the cost when cells outnumber institutions.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::PointGrid;
use crate::scenario::{Category, Institution, Kind, Scenario};

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct KindCoverage {
    /// `null` when the scenario has no population cells.
    pub population_share: Option<f64>,
    pub covered_population: u64,
    #[serde(serialize_with = "as_map")]
    pub by_county: Vec<(String, Option<f64>)>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "opt_map")]
    pub by_category: Option<Vec<(String, Option<f64>)>>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Coverage {
    pub pharmacy: KindCoverage,
    pub outpatient: KindCoverage,
    pub inpatient: KindCoverage,
}

fn as_map<S: Serializer>(v: &[(String, Option<f64>)], s: S) -> Result<S::Ok, S::Error> {
    let mut m = s.serialize_map(Some(v.len()))?;
    for (k, x) in v {
        m.serialize_entry(k, x)?;
    }
    m.end()
}

fn opt_map<S: Serializer>(v: &Option<Vec<(String, Option<f64>)>>, s: S) -> Result<S::Ok, S::Error> {
    as_map(v.as_deref().unwrap_or(&[]), s)
}

/// Which designated institutions serve a coverage layer.
pub fn serves_pharmacy(i: &Institution) -> bool {
    i.designated && i.kind == Kind::Pharmacy
}
pub fn serves_outpatient(i: &Institution) -> bool {
    i.designated && i.kind.is_medical() && i.provides_outpatient()
}
pub fn serves_inpatient(i: &Institution) -> bool {
    i.designated && i.kind.is_inpatient()
}

fn share(covered: u64, total: u64) -> Option<f64> {
    (total > 0).then(|| covered as f64 / total as f64)
}

/// A grid over the population cells, built once per scenario.
pub fn cell_grid(s: &Scenario) -> PointGrid {
    PointGrid::build(s.population_cells.iter().map(|c| (c.lon, c.lat)).collect())
}

/// For every population cell: is there an institution accepted by `serves` within `radius_m`?
pub fn covered_cells(
    s: &Scenario,
    cells: &PointGrid,
    radius_m: f64,
    serves: impl Fn(&Institution) -> bool,
) -> Vec<bool> {
    let mut covered = vec![false; s.population_cells.len()];
    for inst in s.institutions.iter().filter(|i| serves(i)) {
        cells.within_ids(inst.lon, inst.lat, radius_m, |c| {
            covered[c] = true;
            true
        });
    }
    covered
}

/// The county (index into `counties`) of every population cell; `u32::MAX` for none.
pub fn cell_counties(s: &Scenario) -> Vec<u32> {
    let county_pos: std::collections::HashMap<&str, u32> =
        s.counties.iter().enumerate().map(|(k, c)| (c.id.as_str(), k as u32)).collect();
    s.population_cells
        .iter()
        .map(|c| c.county.as_deref().and_then(|id| county_pos.get(id).copied()).unwrap_or(u32::MAX))
        .collect()
}

/// Residents and covered residents per layer, city-wide and per county. One addition per cell:
/// residents are summed by (mask, county), and each layer's sums are read off that small table.
fn tally(s: &Scenario, cell_pop: &[u64], cell_county: &[u32], masks: &[u8], layers: &[u8]) -> Vec<KindCoverage> {
    let nk = s.counties.len() + 1; // slot 0: cells with no county
    let mut table = vec![0u64; 32 * nk];
    for ((&pop, &county), &m) in cell_pop.iter().zip(cell_county).zip(masks) {
        let k = if county == u32::MAX { 0 } else { county as usize + 1 };
        let slot = &mut table[(m as usize & 31) * nk + k];
        *slot = slot.saturating_add(pop);
    }
    let sum = |keep: &dyn Fn(usize) -> bool, k: Option<usize>| -> u64 {
        (0..32)
            .filter(|&m| keep(m))
            .map(|m| match k {
                Some(k) => table[m * nk + k],
                None => table[m * nk..(m + 1) * nk].iter().fold(0u64, |a, &b| a.saturating_add(b)),
            })
            .fold(0u64, |a, b| a.saturating_add(b))
    };
    let total_city = sum(&|_| true, None);
    let total_county: Vec<u64> = (0..s.counties.len()).map(|c| sum(&|_| true, Some(c + 1))).collect();
    layers
        .iter()
        .map(|&bits| {
            let covered = |m: usize| m as u8 & bits != 0;
            let hit = sum(&covered, None);
            KindCoverage {
                population_share: share(hit, total_city),
                covered_population: hit,
                by_county: s
                    .counties
                    .iter()
                    .enumerate()
                    .map(|(c, county)| (county.id.clone(), share(sum(&covered, Some(c + 1)), total_county[c])))
                    .collect(),
                by_category: None,
            }
        })
        .collect()
}

/// Covered cells of every layer, kept for the map and the acceptance surface.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CoverageLayers {
    /// Per cell, the layers that cover it: bits 0–2 the pharmacy categories, 3 outpatient, 4 inpatient.
    pub masks: Vec<u8>,
}

/// Bits of `CoverageLayers::masks`: outpatient, inpatient.
pub const OUTPATIENT: u8 = 1 << 3;
pub const INPATIENT: u8 = 1 << 4;

/// The coverage layers an institution serves, as the bits of `CoverageLayers::masks`.
pub fn layer_bits(inst: &Institution) -> u8 {
    let mut m = 0u8;
    if serves_pharmacy(inst) {
        for (k, cat) in Category::ALL.iter().enumerate() {
            if inst.categories().contains(*cat) {
                m |= 1 << k;
            }
        }
    }
    if serves_outpatient(inst) {
        m |= OUTPATIENT;
    }
    if serves_inpatient(inst) {
        m |= INPATIENT;
    }
    m
}

/// The bits `b` of `CoverageLayers::masks` such that an institution serves a layer of `b`
/// exactly when `keep` accepts it — then "a kept institution within r" is `mask & b != 0`,
/// read off the coverage already computed. `None` when no combination of layers matches.
pub fn layers_matching(s: &Scenario, keep: impl Fn(&Institution) -> bool) -> Option<u8> {
    let kept: Vec<bool> = s.institutions.iter().map(&keep).collect();
    let bits: Vec<u8> = s.institutions.iter().map(layer_bits).collect();
    let candidates = (1u8..8).chain([OUTPATIENT, INPATIENT]);
    candidates.into_iter().find(|&b| kept.iter().zip(&bits).all(|(&k, &m)| k == (m & b != 0)))
}

/// One pass over the designated institutions: each marks, in a bit mask per cell, every layer
/// it serves. The reference for `CoverageField`, and a one-off scan where no field is kept.
pub fn coverage_layers(s: &Scenario, cells: &PointGrid, radius_m: f64) -> CoverageLayers {
    let mut masks = vec![0u8; s.population_cells.len()];
    for inst in &s.institutions {
        let m = layer_bits(inst);
        if m == 0 {
            continue;
        }
        cells.within_ids(inst.lon, inst.lat, radius_m, |c| {
            masks[c] |= m;
            true
        });
    }
    CoverageLayers { masks }
}

/// Bits of `CoverageLayers::masks`: any pharmacy category.
pub const PHARMACY: u8 = 0b111;

impl CoverageLayers {
    /// Per cell, whether any of the layers `bits` covers it.
    pub fn covered(&self, bits: u8) -> impl Iterator<Item = bool> + '_ {
        self.masks.iter().map(move |&m| m & bits != 0)
    }

    /// Coverage shares, city-wide, per county and per pharmacy category. `cell_pop` and
    /// `cell_county` from `DataIndex` (`cell_population`, `cell_county`).
    pub fn summary_with(&self, s: &Scenario, cell_pop: &[u64], cell_county: &[u32]) -> Coverage {
        let layers = [PHARMACY, 1, 2, 4, OUTPATIENT, INPATIENT];
        let mut t = tally(s, cell_pop, cell_county, &self.masks, &layers).into_iter();
        let mut pharmacy = t.next().unwrap_or_default();
        let by_cat: Vec<Option<f64>> = (0..3).map(|_| t.next().unwrap_or_default().population_share).collect();
        pharmacy.by_category =
            Some(Category::ALL.iter().zip(by_cat).map(|(cat, share)| (cat.id().to_string(), share)).collect());
        Coverage { pharmacy, outpatient: t.next().unwrap_or_default(), inpatient: t.next().unwrap_or_default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spatial::haversine_m;

    #[test]
    fn marking_from_institutions_equals_searching_from_cells() {
        let s =
            crate::synth::synth_scenario(&crate::synth::SynthSpec::published(crate::synth::SampleCity::Linyi, 3000.0));
        let grid = cell_grid(&s);
        for r in [0.0, 500.0, 800.0, 2500.0] {
            let fast = covered_cells(&s, &grid, r, serves_pharmacy);
            for (k, c) in s.population_cells.iter().enumerate().step_by(7) {
                let slow =
                    s.institutions.iter().any(|i| serves_pharmacy(i) && haversine_m(c.lon, c.lat, i.lon, i.lat) <= r);
                assert_eq!(fast[k], slow, "cell {k} at r={r}");
            }
        }
    }
}
