//! A scenario made ready for many questions: figures, the institution index and the area model
//! built once, then any number of decisions, coverage and surfaces. The app keeps one while the
//! data stay the same and asks it again on every click.

use super::surface::{acceptance_surface, Surface};
use super::{decide, figures, Ctx, Decision, Figures};
use crate::date::Date;
use crate::policy::Policy;
use crate::scenario::{Application, Scenario};
use crate::spatial::{cell_counties, cell_grid, coverage_layers, AreaModel, Coverage, CoverageLayers, InstitutionIndex, PointGrid};

pub struct Prepared<'a> {
    pub scenario: &'a Scenario,
    pub policy: &'a Policy,
    pub figures: Figures,
    pub index: InstitutionIndex,
    pub areas: AreaModel,
    /// A grid of the population cells, for coverage from the institutions' side.
    pub cells: PointGrid,
    /// The county of every population cell (index into `counties`).
    pub cell_county: Vec<u32>,
    pub as_of: Date,
}

impl<'a> Prepared<'a> {
    /// `today` fills a missing `as_of`.
    pub fn new(scenario: &'a Scenario, policy: &'a Policy, today: Date) -> Self {
        let as_of = scenario.as_of.as_deref().and_then(Date::parse).unwrap_or(today);
        let figures = figures::compute(scenario, &policy.params);
        let index = InstitutionIndex::build(&scenario.institutions);
        let areas = AreaModel::build(scenario, &index, &policy.params);
        let cells = cell_grid(scenario);
        let cell_county = cell_counties(scenario);
        Prepared { scenario, policy, figures, index, areas, cells, cell_county, as_of }
    }

    pub fn ctx(&self) -> Ctx<'_> {
        Ctx {
            scenario: self.scenario,
            params: &self.policy.params,
            figures: &self.figures,
            index: &self.index,
            areas: &self.areas,
            as_of: self.as_of,
        }
    }

    pub fn decide(&self, app: &Application) -> Decision {
        decide(&self.ctx(), self.policy, app)
    }

    pub fn coverage_layers(&self) -> CoverageLayers {
        coverage_layers(self.scenario, &self.cells, self.policy.params.service_radius_m)
    }

    pub fn coverage(&self) -> Coverage {
        self.coverage_layers().summary(self.scenario, &self.cell_county)
    }

    pub fn surface(&self, template: &Application) -> Surface {
        acceptance_surface(self, template)
    }
}
