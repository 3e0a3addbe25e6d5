//! Coverage of DESIGN.md §2: the share of the population whose cell centre lies within the
//! service radius of at least one designated institution of a kind, city-wide and per county;
//! for pharmacies also per category.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::InstitutionIndex;
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

fn layer(s: &Scenario, index: &InstitutionIndex, r: f64, serves: impl Fn(&Institution) -> bool) -> KindCoverage {
    let mut total = 0u64;
    let mut covered = 0u64;
    let mut county_tot: Vec<u64> = vec![0; s.counties.len()];
    let mut county_cov: Vec<u64> = vec![0; s.counties.len()];
    for c in &s.population_cells {
        let mut hit = false;
        index.grid.within(c.lon, c.lat, r, |i, _| {
            hit = serves(&s.institutions[i]);
            !hit
        });
        total += c.population;
        if hit {
            covered += c.population;
        }
        if let Some(k) = c.county.as_ref().and_then(|id| s.counties.iter().position(|k| &k.id == id)) {
            county_tot[k] += c.population;
            if hit {
                county_cov[k] += c.population;
            }
        }
    }
    KindCoverage {
        population_share: share(covered, total),
        covered_population: covered,
        by_county: s.counties.iter().enumerate().map(|(k, c)| (c.id.clone(), share(county_cov[k], county_tot[k]))).collect(),
        by_category: None,
    }
}

pub fn coverage(s: &Scenario, index: &InstitutionIndex, radius_m: f64) -> Coverage {
    let mut pharmacy = layer(s, index, radius_m, serves_pharmacy);
    pharmacy.by_category = Some(
        Category::ALL
            .iter()
            .map(|&cat| {
                let l = layer(s, index, radius_m, |i| serves_pharmacy(i) && i.categories().contains(cat));
                (cat.id().to_string(), l.population_share)
            })
            .collect(),
    );
    Coverage {
        pharmacy,
        outpatient: layer(s, index, radius_m, serves_outpatient),
        inpatient: layer(s, index, radius_m, serves_inpatient),
    }
}
