//! A scenario made ready for many questions: indexes, figures and the area model built once,
//! then any number of decisions, coverage and surfaces. What depends on the data alone
//! (`DataIndex`) is kept while only parameters change; the app rebuilds the rest, which is cheap.

use super::surface::{acceptance_surface, Surface};
use super::{decide, figures, Ctx, Decision, Figures};
use std::rc::Rc;

use crate::date::Date;
use crate::policy::Policy;
use crate::scenario::{Application, Institution, Scenario, SharedList};
use crate::spatial::{
    cell_counties, cell_grid, AreaModel, CellRows, Coverage, CoverageField, CoverageLayers, InstitutionIndex, PointGrid,
};
use crate::spatial::{AreaCells, AreaClass};

/// Indexes that depend on the data alone, not on any parameter.
pub struct DataIndex {
    pub institutions: InstitutionIndex,
    /// A grid of the population cells, for coverage from the institutions' side.
    pub cells: PointGrid,
    /// The same cells as runs along parallels, when they lie on a lattice: the coverage field
    /// is then built run by run. Found at the first field built (`DataIndex::cell_rows`).
    cell_rows: Rc<std::cell::OnceCell<Option<CellRows>>>,
    /// The county of every population cell (index into `counties`; `u32::MAX` for none).
    pub cell_county: Vec<u32>,
    /// The first cell (in the scenario's order) of every county, and last of cells with no
    /// county; `u32::MAX` where there is none.
    pub county_first_cell: Vec<u32>,
    /// The residents of every population cell, gathered so that tallies read 8 bytes a cell.
    pub cell_population: Vec<u64>,
    /// The population cells' pharmacy areas at the last area cell size asked for: they depend
    /// on the cells alone, so a parameter change re-counts pharmacies but keeps them.
    pub areas: AreaCellsCache,
    /// Every cell's distance to each coverage layer, out to the largest radius asked for so far:
    /// coverage at a new radius within it is one comparison per cell and layer.
    pub field: FieldCache,
    /// The designated pharmacies counted per area, for the last institutions and area cells
    /// asked for: no other parameter changes it, so most recomputes find it made.
    pub area_models: AreaModelCache,
}

/// `DataIndex::area_models`, keyed by the very list of institutions (held, so that a change to
/// it copies it and misses) and the very area cells it was counted for.
#[derive(Default)]
pub struct AreaModelCache(std::cell::RefCell<Option<(SharedList<Institution>, Rc<AreaModel>)>>);

impl AreaModelCache {
    fn get(&self, s: &Scenario, cells: Rc<AreaCells>) -> Rc<AreaModel> {
        let mut slot = self.0.borrow_mut();
        if let Some((institutions, model)) = &*slot {
            if institutions.is_shared_with(&s.institutions) && Rc::ptr_eq(&model.cells, &cells) {
                return model.clone();
            }
        }
        let model = Rc::new(AreaModel::with_cells(s, cells));
        *slot = Some((s.institutions.clone(), model.clone()));
        model
    }
}

/// `DataIndex::field`: built at the first coverage question, rebuilt only when a radius beyond
/// its reach is asked for.
#[derive(Default)]
pub struct FieldCache(std::cell::RefCell<Option<Rc<CoverageField>>>);

impl FieldCache {
    /// A field reaching at least `radius_m`. When the radius outgrows the field, the new one
    /// reaches a quarter further, so a slider dragged outwards rescans every few steps, not at
    /// every step.
    fn get(&self, s: &Scenario, cells: &PointGrid, rows: Option<&CellRows>, radius_m: f64) -> Rc<CoverageField> {
        let mut slot = self.0.borrow_mut();
        match &*slot {
            Some(f) if f.reach_m >= radius_m => f.clone(),
            old => {
                let reach = old.as_ref().map_or(radius_m, |f| radius_m.max(f.reach_m * 1.25));
                let f = Rc::new(CoverageField::build(s, cells, rows, reach));
                *slot = Some(f.clone());
                f
            }
        }
    }

    /// Builds the field out to `reach_m` now unless it already reaches that far: asked when the
    /// page is idle, so that a radius moved later within `reach_m` never waits for a rescan.
    /// True when it built.
    fn prebuild(&self, s: &Scenario, cells: &PointGrid, rows: Option<&CellRows>, reach_m: f64) -> bool {
        if !(reach_m >= 0.0 && reach_m.is_finite()) || self.0.borrow().as_ref().is_some_and(|f| f.reach_m >= reach_m) {
            return false;
        }
        *self.0.borrow_mut() = Some(Rc::new(CoverageField::build(s, cells, rows, reach_m)));
        true
    }
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
        let cell_county = cell_counties(s);
        let mut county_first_cell = vec![u32::MAX; s.counties.len() + 1];
        for (c, &k) in cell_county.iter().enumerate().rev() {
            county_first_cell[(k as usize).min(s.counties.len())] = c as u32;
        }
        DataIndex {
            institutions: InstitutionIndex::build(&s.institutions),
            cells: cell_grid(s),
            cell_rows: Rc::default(),
            cell_county,
            county_first_cell,
            cell_population: s.population_cells.iter().map(|c| c.population).collect(),
            areas: AreaCellsCache::default(),
            field: FieldCache::default(),
            area_models: AreaModelCache::default(),
        }
    }

    /// This index for the same population cells with `institutions` instead: what depends on
    /// the cells is shared, what depends on the institutions (their index, coverage) is new.
    pub fn with_institutions(&self, institutions: &[Institution]) -> DataIndex {
        DataIndex {
            institutions: InstitutionIndex::build(institutions),
            cells: self.cells.clone(),
            cell_rows: self.cell_rows.clone(),
            cell_county: self.cell_county.clone(),
            county_first_cell: self.county_first_cell.clone(),
            cell_population: self.cell_population.clone(),
            areas: self.areas.clone(),
            field: FieldCache::default(),
            area_models: AreaModelCache::default(),
        }
    }

    /// The cells as runs along parallels, or `None` when they lie on no lattice.
    pub fn cell_rows(&self) -> Option<&CellRows> {
        self.cell_rows.get_or_init(|| CellRows::build(self.cells.points())).as_ref()
    }

    /// Drops the coverage field, so that the next coverage question scans again: for
    /// benchmarks that time coverage from a cold start.
    pub fn forget_coverage_field(&self) {
        self.field.0.borrow_mut().take();
    }

    /// Builds the coverage field of `s` out to `reach_m` unless it already reaches it (see
    /// `FieldCache::prebuild`). True when it built.
    pub fn prebuild_coverage_field(&self, s: &Scenario, reach_m: f64) -> bool {
        self.field.prebuild(s, &self.cells, self.cell_rows(), reach_m)
    }

    /// The coverage layers of `s` (whose data this index was built for) at `radius_m`.
    pub fn coverage_layers(&self, s: &Scenario, radius_m: f64) -> CoverageLayers {
        // No radius covers anything (as the scan has it), and none should grow the field.
        if !(radius_m >= 0.0 && radius_m.is_finite()) {
            return CoverageLayers { masks: vec![0; s.population_cells.len()] };
        }
        self.field.get(s, &self.cells, self.cell_rows(), radius_m).layers(s, &self.institutions.grid, radius_m)
    }

    /// The area model of `s` (whose population cells this index was built for) under `p`,
    /// counted afresh (the benchmark times it).
    pub fn area_model(&self, s: &Scenario, p: &crate::policy::Params) -> AreaModel {
        AreaModel::with_cells(s, self.areas.get(s, p))
    }

    /// The area model of `s` under `p`, counted once for these institutions and area cells.
    pub fn shared_area_model(&self, s: &Scenario, p: &crate::policy::Params) -> Rc<AreaModel> {
        self.area_models.get(s, self.areas.get(s, p))
    }
}

pub struct Prepared<'a> {
    pub scenario: &'a Scenario,
    pub policy: &'a Policy,
    pub data: Rc<DataIndex>,
    pub figures: Figures,
    pub areas: Rc<AreaModel>,
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
        let areas = data.shared_area_model(scenario, &policy.params);
        Prepared { scenario, policy, data, figures, areas, as_of, layers: Default::default() }
    }

    pub fn ctx(&self) -> Ctx<'_> {
        Ctx {
            scenario: self.scenario,
            policy: self.policy,
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
        self.layers.get_or_init(|| self.data.coverage_layers(self.scenario, self.policy.params.service_radius_m))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spatial::coverage_layers;
    use crate::synth::{synth_scenario, SampleCity, SynthSpec};

    /// A radius slider dragged out and back: every step's coverage is the scan's at that
    /// radius, whether the kept field reaches it or has to grow.
    #[test]
    fn coverage_follows_a_slider_out_and_back() {
        let s = synth_scenario(&SynthSpec::published(SampleCity::Xian, 3000.0));
        let data = DataIndex::build(&s);
        assert!(data.cell_rows().is_some(), "the field is built run by run");
        let mut reaches = Vec::new();
        assert!(data.coverage_layers(&s, f64::NAN).masks.iter().all(|&m| m == 0));
        assert!(data.field.0.borrow().is_none(), "a radius that is no number builds nothing");
        for r in [800.0, 850.0, 700.0, 1000.0, 1001.0, 1600.0, 50.0, 1250.0, 3000.0, 800.0] {
            assert_eq!(data.coverage_layers(&s, r), coverage_layers(&s, &data.cells, r), "radius {r}");
            reaches.push(data.field.0.borrow().as_ref().unwrap().reach_m);
        }
        // Kept while the radius stays within reach; grown by a quarter when it passes it.
        assert_eq!(reaches, [800.0, 1000.0, 1000.0, 1000.0, 1250.0, 1600.0, 1600.0, 1600.0, 3000.0, 3000.0]);
    }

    /// Prebuilt out to 2000 m when the page is idle, a slider dragged anywhere up to 2000 m
    /// keeps that one field, and every step's coverage is still the scan's.
    #[test]
    fn a_prebuilt_field_serves_every_radius_within_it() {
        let s = synth_scenario(&SynthSpec::published(SampleCity::Linyi, 3000.0));
        let data = DataIndex::build(&s);
        let _ = data.coverage_layers(&s, 800.0);
        assert!(data.prebuild_coverage_field(&s, 2000.0), "a field reaching 800 m is built out to 2000 m");
        assert!(!data.prebuild_coverage_field(&s, 1500.0), "nor rebuilt for less than it reaches");
        assert!(!data.prebuild_coverage_field(&s, f64::NAN));
        let built = data.field.0.borrow().clone().unwrap();
        for r in [200.0, 850.0, 1333.0, 2000.0, 800.0] {
            assert_eq!(data.coverage_layers(&s, r), coverage_layers(&s, &data.cells, r), "radius {r}");
            assert!(Rc::ptr_eq(&built, data.field.0.borrow().as_ref().unwrap()), "radius {r} rebuilt the field");
        }
    }
}
