//! A scenario made ready for many questions: indexes, figures and the area model built once,
//! then any number of decisions, coverage and surfaces. What depends on the data alone
//! (`DataIndex`) is kept while only parameters change; the app rebuilds the rest, which is cheap.

use super::surface::{acceptance_surface, Surface};
use super::{decide, figures, Ctx, Decision, Figures};
use std::rc::Rc;

use crate::date::Date;
use crate::policy::Policy;
use crate::scenario::{Application, Scenario};
use crate::spatial::{cell_counties, cell_grid, coverage_layers, AreaModel, Coverage, CoverageLayers, InstitutionIndex, PointGrid};
use crate::spatial::{AreaCells, AreaClass};

/// Indexes that depend on the data alone, not on any parameter.
pub struct DataIndex {
    pub institutions: InstitutionIndex,
    /// A grid of the population cells, for coverage from the institutions' side.
    pub cells: PointGrid,
    /// The county of every population cell (index into `counties`; `u32::MAX` for none).
    pub cell_county: Vec<u32>,
    /// The residents of every population cell, gathered so that tallies read 8 bytes a cell.
    pub cell_population: Vec<u64>,
    /// The population cells' pharmacy areas at the last area cell size asked for: they depend
    /// on the cells alone, so a parameter change re-counts pharmacies but keeps them.
    pub areas: AreaCellsCache,
}

/// `DataIndex::areas`: the cells' areas, built on first use and kept per area cell size.
#[derive(Clone, Default)]
pub struct AreaCellsCache(std::cell::RefCell<Option<Rc<AreaCells>>>);

impl AreaCellsCache {
    fn get(&self, s: &Scenario, p: &crate::policy::Params) -> Rc<AreaCells> {
        // Without population cells the projection follows the institutions: nothing to keep.
        if s.population_cells.is_empty() {
            return Rc::new(AreaCells::build(s, p));
        }
        let mut slot = self.0.borrow_mut();
        match &*slot {
            Some(cells) if cells.cell_m.to_bits() == p.pharmacy_area_cell_m.to_bits() => cells.clone(),
            _ => {
                let cells = Rc::new(AreaCells::build(s, p));
                *slot = Some(cells.clone());
                cells
            }
        }
    }
}

impl DataIndex {
    pub fn build(s: &Scenario) -> Self {
        DataIndex {
            institutions: InstitutionIndex::build(&s.institutions),
            cells: cell_grid(s),
            cell_county: cell_counties(s),
            cell_population: s.population_cells.iter().map(|c| c.population).collect(),
            areas: AreaCellsCache::default(),
        }
    }

    /// The area model of `s` (whose population cells this index was built for) under `p`.
    pub fn area_model(&self, s: &Scenario, p: &crate::policy::Params) -> AreaModel {
        AreaModel::with_cells(s, self.areas.get(s, p))
    }
}

pub struct Prepared<'a> {
    pub scenario: &'a Scenario,
    pub policy: &'a Policy,
    pub data: Rc<DataIndex>,
    pub figures: Figures,
    pub areas: AreaModel,
    pub as_of: Date,
    /// The coverage layers at this policy's radius, once computed: the surface reads them.
    layers: std::cell::OnceCell<CoverageLayers>,
}

impl<'a> Prepared<'a> {
    /// `today` fills a missing `as_of`.
    pub fn new(scenario: &'a Scenario, policy: &'a Policy, today: Date) -> Self {
        Self::with_data(scenario, policy, Rc::new(DataIndex::build(scenario)), today)
    }

    /// With indexes already built for this scenario's data (`DataIndex::build(scenario)`).
    pub fn with_data(scenario: &'a Scenario, policy: &'a Policy, data: Rc<DataIndex>, today: Date) -> Self {
        let as_of = scenario.as_of.as_deref().and_then(Date::parse).unwrap_or(today);
        let figures = figures::compute(scenario, &policy.params);
        let areas = data.area_model(scenario, &policy.params);
        Prepared { scenario, policy, data, figures, areas, as_of, layers: Default::default() }
    }

    pub fn ctx(&self) -> Ctx<'_> {
        Ctx {
            scenario: self.scenario,
            params: &self.policy.params,
            figures: &self.figures,
            index: &self.data.institutions,
            areas: &self.areas,
            as_of: self.as_of,
        }
    }

    pub fn decide(&self, app: &Application) -> Decision {
        decide(&self.ctx(), self.policy, app)
    }

    pub fn coverage_layers(&self) -> CoverageLayers {
        self.layers().clone()
    }

    /// The coverage layers, computed on first use.
    pub fn layers(&self) -> &CoverageLayers {
        self.layers.get_or_init(|| coverage_layers(self.scenario, &self.data.cells, self.policy.params.service_radius_m))
    }

    /// The coverage layers if already computed (the surface reuses them, never computes them).
    pub fn layers_if_computed(&self) -> Option<&CoverageLayers> {
        self.layers.get()
    }

    pub fn coverage(&self) -> Coverage {
        self.layers().summary_with(self.scenario, &self.data.cell_population, &self.data.cell_county)
    }

    pub fn surface(&self, template: &Application) -> Surface {
        acceptance_surface(self, template)
    }
}

impl Prepared<'_> {
    /// The pharmacy area class of every population cell's area, as the data stands (no
    /// applicant's own site left out): the map's area-class layer.
    pub fn cell_area_classes(&self) -> Vec<AreaClass> {
        let classes: Vec<AreaClass> = (0..self.areas.keys.len())
            .map(|k| {
                let s = self.areas.stats.of(k);
                AreaClass::classify(s.pharmacy_ids.len() as u32, s.population, &self.policy.params).0
            })
            .collect();
        self.areas.cell_area.iter().map(|&a| classes[a as usize]).collect()
    }
}
