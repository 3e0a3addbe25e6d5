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
use crate::spatial::AreaClass;

/// Indexes that depend on the data alone, not on any parameter.
pub struct DataIndex {
    pub institutions: InstitutionIndex,
    /// A grid of the population cells, for coverage from the institutions' side.
    pub cells: PointGrid,
    /// The county of every population cell (index into `counties`; `u32::MAX` for none).
    pub cell_county: Vec<u32>,
    /// The residents of every population cell, gathered so that tallies read 8 bytes a cell.
    pub cell_population: Vec<u64>,
}

impl DataIndex {
    pub fn build(s: &Scenario) -> Self {
        DataIndex {
            institutions: InstitutionIndex::build(&s.institutions),
            cells: cell_grid(s),
            cell_county: cell_counties(s),
            cell_population: s.population_cells.iter().map(|c| c.population).collect(),
        }
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
        let areas = AreaModel::build(scenario, &data.institutions, &policy.params);
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
        let classes: Vec<AreaClass> = self
            .areas
            .keys
            .iter()
            .map(|k| {
                let (n, population) = self.areas.stats.get(k).map_or((0, 0), |s| (s.pharmacy_ids.len() as u32, s.population));
                AreaClass::classify(n, population, &self.policy.params).0
            })
            .collect();
        self.areas.cell_area.iter().map(|&a| classes[a as usize]).collect()
    }
}
