//! Coverage of DESIGN.md §2: the share of the population whose cell centre lies within the
//! service radius of at least one designated institution of a kind, city-wide and per county;
//! for pharmacies also per category.
//!
//! Computed from the institutions' side: each serving institution marks the cells within r of
//! it, found through a grid of the cells. Haversine is symmetric, so this is exactly "the cell
//! has an institution within r", at a fraction of the cost when cells outnumber institutions.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::{InstitutionIndex, PointGrid};
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
pub fn covered_cells(s: &Scenario, cells: &PointGrid, radius_m: f64, serves: impl Fn(&Institution) -> bool) -> Vec<bool> {
    let mut covered = vec![false; s.population_cells.len()];
    for inst in s.institutions.iter().filter(|i| serves(i)) {
        cells.within(inst.lon, inst.lat, radius_m, |c, _| {
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

fn summarise(s: &Scenario, cell_county: &[u32], covered: &[bool]) -> KindCoverage {
    let mut total = 0u64;
    let mut hit = 0u64;
    let mut county_tot: Vec<u64> = vec![0; s.counties.len()];
    let mut county_cov: Vec<u64> = vec![0; s.counties.len()];
    for ((c, &is), &k) in s.population_cells.iter().zip(covered).zip(cell_county) {
        let pop = if is { c.population } else { 0 };
        total = total.saturating_add(c.population);
        hit = hit.saturating_add(pop);
        if let Some(k) = (k != u32::MAX).then_some(k as usize) {
            county_tot[k] = county_tot[k].saturating_add(c.population);
            county_cov[k] = county_cov[k].saturating_add(pop);
        }
    }
    KindCoverage {
        population_share: share(hit, total),
        covered_population: hit,
        by_county: s.counties.iter().enumerate().map(|(k, c)| (c.id.clone(), share(county_cov[k], county_tot[k]))).collect(),
        by_category: None,
    }
}

/// Covered cells of every layer, kept for the map and the acceptance surface.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CoverageLayers {
    /// Per pharmacy category, in `Category::ALL` order.
    pub pharmacy_by_category: [Vec<bool>; 3],
    pub pharmacy: Vec<bool>,
    pub outpatient: Vec<bool>,
    pub inpatient: Vec<bool>,
}

/// One pass over the designated institutions: each marks, in a bit mask per cell, every layer
/// it serves (bits 0–2 the pharmacy categories, 3 outpatient, 4 inpatient).
pub fn coverage_layers(s: &Scenario, cells: &PointGrid, radius_m: f64) -> CoverageLayers {
    const OUTPATIENT: u8 = 1 << 3;
    const INPATIENT: u8 = 1 << 4;
    let mut masks = vec![0u8; s.population_cells.len()];
    for inst in &s.institutions {
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
        if m == 0 {
            continue;
        }
        cells.within(inst.lon, inst.lat, radius_m, |c, _| {
            masks[c] |= m;
            true
        });
    }
    let layer = |bits: u8| masks.iter().map(|&m| m & bits != 0).collect::<Vec<bool>>();
    CoverageLayers {
        pharmacy: layer(0b111),
        pharmacy_by_category: [layer(1), layer(2), layer(4)],
        outpatient: layer(OUTPATIENT),
        inpatient: layer(INPATIENT),
    }
}

impl CoverageLayers {
    /// `cell_county` from `cell_counties`.
    pub fn summary(&self, s: &Scenario, cell_county: &[u32]) -> Coverage {
        let mut pharmacy = summarise(s, cell_county, &self.pharmacy);
        pharmacy.by_category = Some(
            Category::ALL
                .iter()
                .zip(&self.pharmacy_by_category)
                .map(|(cat, layer)| (cat.id().to_string(), summarise(s, cell_county, layer).population_share))
                .collect(),
        );
        Coverage {
            pharmacy,
            outpatient: summarise(s, cell_county, &self.outpatient),
            inpatient: summarise(s, cell_county, &self.inpatient),
        }
    }
}

pub fn coverage(s: &Scenario, _index: &InstitutionIndex, radius_m: f64) -> Coverage {
    coverage_layers(s, &cell_grid(s), radius_m).summary(s, &cell_counties(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spatial::haversine_m;

    #[test]
    fn marking_from_institutions_equals_searching_from_cells() {
        let s = crate::synth::synth_scenario(&crate::synth::SynthSpec::published(crate::synth::SampleCity::Linyi, 3000.0));
        let grid = cell_grid(&s);
        for r in [0.0, 500.0, 800.0, 2500.0] {
            let fast = covered_cells(&s, &grid, r, serves_pharmacy);
            for (k, c) in s.population_cells.iter().enumerate().step_by(7) {
                let slow = s.institutions.iter().any(|i| serves_pharmacy(i) && haversine_m(c.lon, c.lat, i.lon, i.lat) <= r);
                assert_eq!(fast[k], slow, "cell {k} at r={r}");
            }
        }
    }
}
