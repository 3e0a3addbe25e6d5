//! The app's state and its reducer. Every user intent is an `Action`; the reducer checks the
//! input, applies it or records a field-level message, and re-runs the engine (which is pure)
//! whenever the policy or the scenario changed. Components only render this state.
//!
//! What depends on the data alone (the engine's `DataIndex`, the county outlines,
//! the cell centres the map paints) is built once per data set and shared; a parameter change
//! rebuilds only the policy-dependent part (`Prepared::with_data`) and everything the page
//! shows from it: decisions, coverage, area classes and the acceptance surface.

use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;

use serde_json::Value;

/// The words this file shows, from the features they belong to.
mod i {
    pub use crate::app::i18n::{datasets::*, edits::*, form::*, import::*};
}
use crate::date::Date;
use crate::engine::prepared::{DataIndex, Prepared};
use crate::engine::surface::Surface;
use crate::engine::Evaluation;
use crate::policy::{builtin_presets, param_def, ParamKind, Policy, Preset};
use crate::scenario::import::{Boundaries, Imported, Merge};
use crate::scenario::{
    data_range, field_fits_kind, field_range, scope_fits_kind, scope_names_institution, Application, Categories,
    Category, Change, City, County, DataField, Discharges, Field, KeyLevel, KeyProject, Kind, NegativeList,
    NegativeReason, Range, Scenario, Scope, Specialty, Subtype,
};
use crate::spatial::{AreaClass, CoverageLayers};
use crate::synth::{county_seeds, synth_scenario, SampleCity, SynthSpec};
use crate::text::{Lang, Text, Words};

/// An `Rc` compared by identity: for large values rebuilt only when their inputs change.
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}
impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
impl<T> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Shared({:p})", Rc::as_ptr(&self.0))
    }
}
impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Which data the app works on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dataset {
    /// The small hand-made sample (www/samples/linyi-sample.json).
    Sample,
    /// Synthetic whole cities generated in the browser: real counties and census residents,
    /// synthetic locations.
    Linyi,
    Xian,
    /// A scenario file the user opened (or a link that carried its data): kept as it came.
    Imported,
}

impl Dataset {
    pub const ALL: [Dataset; 3] = [Dataset::Sample, Dataset::Linyi, Dataset::Xian];

    pub fn id(self) -> &'static str {
        match self {
            Dataset::Sample => "sample",
            Dataset::Linyi => "linyi",
            Dataset::Xian => "xian",
            Dataset::Imported => "imported",
        }
    }

    pub fn from_id(id: &str) -> Option<Dataset> {
        Dataset::ALL.into_iter().chain([Dataset::Imported]).find(|d| d.id() == id)
    }

    /// Whether the app can make the data set's scenario afresh (links carry only its edits).
    pub fn is_builtin(self) -> bool {
        self != Dataset::Imported
    }

    pub fn label(self) -> Words {
        match self {
            Dataset::Sample => i::DATASET_SAMPLE,
            Dataset::Linyi => i::DATASET_LINYI,
            Dataset::Xian => i::DATASET_XIAN,
            Dataset::Imported => i::DATASET_IMPORTED,
        }
    }

    /// Population cell spacing of the synthetic cities (about 17,000 and 10,000 cells).
    pub const SYNTH_CELL_M: f64 = 1000.0;

    /// The sample city whose outlines the data set is made in (the skin's outline loader
    /// fetches them first).
    pub fn city(self) -> Option<SampleCity> {
        match self {
            Dataset::Linyi => Some(SampleCity::Linyi),
            Dataset::Xian => Some(SampleCity::Xian),
            Dataset::Sample | Dataset::Imported => None,
        }
    }

    /// Whether the data set can be made now: a synthetic city needs its outlines loaded.
    pub fn ready(self) -> bool {
        self.city().is_none_or(|c| crate::outlines::get(c).is_some())
    }

    /// The scenario of the data set, freshly made (a synthetic city only when `ready`).
    pub fn scenario(self, lang: Lang) -> Scenario {
        let city = match self {
            // Imported data is never made afresh: it lives in the state or the stash.
            Dataset::Sample | Dataset::Imported => return crate::sample::linyi_sample(),
            Dataset::Linyi => SampleCity::Linyi,
            Dataset::Xian => SampleCity::Xian,
        };
        let mut sc = synth_scenario(&SynthSpec::published(city, Self::SYNTH_CELL_M));
        // First, before the year's applications: one hypothetical pharmacy near the centre, just
        // off the seat of the first (central) district, 兰山区 or 新城区.
        let seat = county_seeds(city).first().map(|c| c.seat).unwrap_or((0.0, 0.0));
        let (lon, lat) = (round6(seat.0 + 0.004), round6(seat.1 - 0.003));
        let mut a = Application::new("a-1", Kind::Pharmacy, lon, lat);
        a.name = Some(i::HYPOTHETICAL_PHARMACY.get(lang).to_string());
        a.category = Some(Categories::of(&[Category::Ordinary]));
        a.operating_months = Some(4.0);
        a.pharmacists = Some(1);
        a.county =
            crate::outlines::county_at(&crate::outlines::for_counties(&sc.counties), lon, lat).map(str::to_string);
        sc.applications.insert(0, a);
        sc
    }
}

/// What the map needs of the data that no parameter changes.
pub struct MapData {
    pub index: Rc<DataIndex>,
    /// The real county outlines of the sample cities, matched by name or code to the data's
    /// counties: empty until fetched (`Action::OutlinesLoaded`) or for other counties.
    pub outlines: Rc<Boundaries>,
    /// Population cell centres (lon, lat), in the scenario's order.
    pub points: Vec<(f64, f64)>,
    /// Typical distance between neighbouring cells: the painted square's side.
    pub spacing_m: f64,
    /// West, south, east, north of the cells and institutions.
    pub bounds: [f64; 4],
    /// The longer side of `bounds`, in metres.
    pub extent_m: f64,
}

impl MapData {
    pub fn build(sc: &Scenario) -> MapData {
        let points: Vec<(f64, f64)> = sc.population_cells.iter().map(|c| (c.lon, c.lat)).collect();
        let spacing_m = crate::spatial::raster::typical_spacing_m(&points);
        let (mut w, mut s, mut e, mut n) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (lon, lat) in points.iter().copied().chain(sc.institutions.iter().map(|x| (x.lon, x.lat))) {
            w = w.min(lon);
            e = e.max(lon);
            s = s.min(lat);
            n = n.max(lat);
        }
        let bounds = if w <= e { [w, s, e, n] } else { [118.25, 34.98, 118.42, 35.11] };
        let mid = (bounds[1] + bounds[3]) / 2.0;
        let extent_m = crate::spatial::haversine_m(bounds[0], mid, bounds[2], mid)
            .max(crate::spatial::haversine_m(bounds[0], bounds[1], bounds[0], bounds[3]));
        let outlines = Rc::new(crate::outlines::for_counties(&sc.counties));
        MapData { index: Rc::new(DataIndex::build(sc)), outlines, points, spacing_m, bounds, extent_m }
    }

    /// The same data with the outlines loaded since it was built, if that adds any.
    pub fn with_new_outlines(&self, sc: &Scenario) -> Option<MapData> {
        if !self.outlines.areas.is_empty() {
            return None;
        }
        let outlines = crate::outlines::for_counties(&sc.counties);
        (!outlines.areas.is_empty()).then(|| MapData {
            index: self.index.clone(),
            outlines: Rc::new(outlines),
            points: self.points.clone(),
            spacing_m: self.spacing_m,
            bounds: self.bounds,
            extent_m: self.extent_m,
        })
    }

    /// The county of a point: the outline it lies in, else the county of the nearest population
    /// cell (within 50 km).
    pub fn county_at(&self, sc: &Scenario, lon: f64, lat: f64) -> Option<String> {
        if let Some(id) = crate::outlines::county_at(&self.outlines, lon, lat) {
            return Some(id.to_string());
        }
        let cc = &self.index.cell_county;
        let (cell, _) = self.index.cells.nearest(lon, lat, 50_000.0, |k| cc.get(k).is_some_and(|&c| c != u32::MAX))?;
        sc.counties.get(cc[cell] as usize).map(|c| c.id.clone())
    }
}

/// Areas and residents per pharmacy area class, in `AREA_CLASSES` order.
pub const AREA_CLASSES: [AreaClass; 4] =
    [AreaClass::Blank, AreaClass::Insufficient, AreaClass::Adequate, AreaClass::Saturated];

/// Everything the map and the coverage panel show, from one recompute. Parts an edit cannot
/// change are shared with the previous recompute.
pub struct Layers {
    pub coverage: Rc<CoverageLayers>,
    /// The pharmacy area class of every cell's area.
    pub area_classes: Rc<Vec<AreaClass>>,
    /// (areas, residents) per class in `AREA_CLASSES` order; areas with residents only.
    pub area_counts: [(u64, u64); 4],
    /// The acceptance surface of the selected application (empty without one).
    pub surface: Rc<Surface>,
    /// Each county's new inpatient designations (open, suspended …): policy and data only.
    pub counties: Rc<Vec<crate::review::CountyStatus>>,
}

/// What a recompute must redo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    /// The policy or the data changed: everything.
    All,
    /// An application changed (not only its place): decisions and the surface.
    Applications,
    /// An application moved: its decision only.
    Decisions,
}

/// Where a recompute's time went (milliseconds), for the page's own measurements.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Timing {
    pub prepare_ms: f64,
    pub decide_ms: f64,
    pub coverage_ms: f64,
    pub area_classes_ms: f64,
    pub surface_ms: f64,
    pub total_ms: f64,
}

/// A data set put aside while another is shown, with the user's edits.
#[derive(Clone, Debug, PartialEq)]
pub struct Stashed {
    pub scenario: Rc<Scenario>,
    pub data: Shared<MapData>,
    pub selected: usize,
    pub next_app: u32,
}

impl Stashed {
    /// A data set as first shown: its scenario and the indexes built from it. The skin makes a
    /// synthetic city in steps (`Dataset::scenario`, then this), painting between them, and
    /// hands it over with `Action::SetDatasetMade`.
    pub fn made(sc: Scenario) -> Stashed {
        let data = Shared(Rc::new(MapData::build(&sc)));
        let next_app = sc.applications.len() as u32 + 1;
        Stashed { scenario: Rc::new(sc), data, selected: 0, next_app }
    }
}

#[derive(Clone, Debug)]
pub struct State {
    pub lang: Lang,
    pub presets: Rc<Vec<Preset>>,
    pub preset_idx: usize,
    /// Parameter, switch or rule id → value; only values that differ from the preset.
    pub overrides: BTreeMap<String, Value>,
    pub policy: Rc<Policy>,
    pub dataset: Dataset,
    pub scenario: Rc<Scenario>,
    /// Built from the data alone: rebuilt only when the data set changes.
    pub data: Shared<MapData>,
    pub evaluation: Rc<Evaluation>,
    pub layers: Shared<Layers>,
    /// Milliseconds the last recompute took (engine only, not rendering), and its parts.
    pub recompute_ms: f64,
    pub timing: Timing,
    /// The other data sets, as the user left them.
    pub stash: Rc<BTreeMap<Dataset, Stashed>>,
    /// Index into `scenario.applications`.
    pub selected: usize,
    /// Field-level messages, each under the input it refused.
    pub errors: BTreeMap<ErrorKey, Text>,
    /// Bumped when inputs must be re-created from the state (reset, preset switch, another
    /// application): an input the user typed an invalid value into keeps it until then.
    pub rev: u64,
    /// Bumped by a data-set switch: the inputs that show the data are made again
    /// (`data_inputs_rev`), the parameters' are kept, with any text typed into them.
    pub data_rev: u64,
    pub next_app: u32,
    pub today: Date,
    /// Suggested sites shown on the map, numbered from 1 (sites_panel.rs).
    pub sites: Shared<Vec<crate::planning::Site>>,
    /// The baseline and the draft's comparison with it.
    pub review: Shared<super::review::Review>,
    /// Share and autosave messages shown above the page until dismissed.
    pub notices: Rc<Vec<crate::persist::Notice>>,
    /// The assessment records and result, and the county community budget form.
    pub exits: Shared<super::assess::ExitsState>,
    pub budget: Shared<super::assess::BudgetState>,
    /// County boundaries imported from a GeoJSON file (drawn with the imported data).
    pub boundaries: Option<Rc<Boundaries>>,
    /// Bumped when the map should pan to the selected application (a results row).
    pub focus: u64,
    /// The edits an undo can go back through, and what the last one changed.
    pub history: Shared<super::history::History>,
}

/// Yew compares the state snapshot of every component's props on every render: large parts
/// are compared by identity (a recompute or an edit makes a new `Rc`), never element by element.
impl PartialEq for State {
    fn eq(&self, o: &Self) -> bool {
        self.lang == o.lang
            && self.preset_idx == o.preset_idx
            && self.rev == o.rev
            && self.selected == o.selected
            && self.dataset == o.dataset
            && self.next_app == o.next_app
            && self.today == o.today
            && Rc::ptr_eq(&self.presets, &o.presets)
            && Rc::ptr_eq(&self.policy, &o.policy)
            && Rc::ptr_eq(&self.scenario, &o.scenario)
            && Rc::ptr_eq(&self.evaluation, &o.evaluation)
            && Rc::ptr_eq(&self.stash, &o.stash)
            && self.data == o.data
            && self.layers == o.layers
            && self.overrides == o.overrides
            && self.errors == o.errors
            && self.sites == o.sites
            && self.review == o.review
            && Rc::ptr_eq(&self.notices, &o.notices)
            && self.exits == o.exits
            && self.budget == o.budget
            && self.focus == o.focus
            && self.history == o.history
            && match (&self.boundaries, &o.boundaries) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
    }
}

/// Which input a message in `State::errors` belongs to.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ErrorKey {
    /// A parameter or switch of the policy's table, by id.
    Param(&'static str),
    City(DataField),
    /// A county's figure, by the county's id.
    County(String, DataField),
    /// A field of the selected application.
    App(Field),
    /// The judging date.
    AsOf,
    /// Applying an import.
    Import,
}

impl ErrorKey {
    fn is_param(&self) -> bool {
        matches!(self, ErrorKey::Param(_))
    }
    fn is_app(&self) -> bool {
        matches!(self, ErrorKey::App(_))
    }
}

pub enum Action {
    SetLang(Lang),
    SetPreset(String),
    SetDataset(Dataset),
    /// The same, with the data set already made (`Stashed::made`); ignored when the data set
    /// was put aside meanwhile (its edits win).
    SetDatasetMade(Dataset, Box<Stashed>),
    /// A sample city's outlines arrived: the data shown gets them if it lacked them.
    OutlinesLoaded,
    /// Raw input of a parameter or switch.
    SetParam(&'static str, String),
    ResetParam(&'static str),
    ToggleRule(&'static str, bool),
    /// A figure of the city, raw input.
    SetCity(DataField, String),
    /// County index, figure, raw input (the fund is the city's alone).
    SetCounty(usize, DataField, String),
    /// A field of the selected application, raw input.
    SetApp(Field, String),
    /// Places (or moves) the selected application at a clicked point (lon, lat).
    PlaceApp(f64, f64),
    ToggleCategory(Category, bool),
    SelectApp(usize),
    NewApp,
    RemoveApp,
    SetAsOf(String),
    /// Shows these suggested sites on the map (none: clears them).
    ShowSites(Rc<Vec<crate::planning::Site>>),
    /// Adds an application (a suggested site placed as one) and selects it; its id is assigned.
    AddApplication(Application),
    /// The current parameters become the baseline the draft is compared with.
    SetBaseline,
    /// The preset's defaults become the baseline again.
    ResetBaseline,
    // Share links, autosave, scenario files.
    /// Replaces the working scenario (a share link, the autosaved work, a scenario file).
    LoadScenario(Box<Loaded>),
    /// Discards every edit: the preset's defaults on the built-in data set, nothing stashed.
    ResetToPreset,
    Notify(crate::persist::Notice),
    DismissNotice(usize),
    /// The assessment panel and the county community budget panel.
    Exits(super::assess::ExitsAction),
    Budget(super::assess::BudgetAction),
    // Import and results.
    /// Applies finished import onto the data shown; the result becomes the imported data set
    /// (the data set it was applied to stays in the picker as it was). A scenario the records
    /// make invalid is refused with a message under `import`, and nothing changes.
    /// With the scenario it was applied to and the result, when the panel applied it already
    /// (the reducer then only rebuilds, unless the scenario changed meanwhile).
    ApplyImport(Rc<Imported>, Merge, Option<(Rc<Scenario>, Rc<Scenario>)>),
    /// County boundaries: drawn on the map, their counties added, used by later imports.
    ApplyBoundaries(Rc<Boundaries>),
    /// Selects an application and pans the map to it.
    FocusApp(usize),
    ClearImportError,
    /// Back to the work before the last edit, and forward again (`app::history`).
    Undo,
    Redo,
}

/// A whole working state to load (a share link, autosaved work, a scenario file).
#[derive(Clone, Debug)]
pub struct Loaded {
    pub dataset: Dataset,
    pub scenario: Scenario,
    /// A built-in preset's id (unknown: the current preset stays).
    pub preset: String,
    pub overrides: BTreeMap<String, Value>,
    pub selected: usize,
    pub lang: Option<Lang>,
    /// The baseline's overrides of the preset (`None`: the preset is the baseline).
    pub baseline: Option<BTreeMap<String, Value>>,
}

fn now_ms() -> f64 {
    crate::date::monotonic_ms()
}

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

impl State {
    pub fn new() -> State {
        let scenario = crate::sample::linyi_sample();
        let presets = builtin_presets();
        let preset_id = scenario.policy.preset.clone().unwrap_or_else(|| "linyi-2025".to_string());
        let preset_idx = presets.iter().position(|p| p.id == preset_id).unwrap_or(0);
        let overrides = scenario.policy.overrides.clone();
        let policy = Policy::resolve(&presets[preset_idx], &overrides, "policy.overrides")
            .or_else(|_| Policy::resolve(&presets[preset_idx], &BTreeMap::new(), "policy.overrides"))
            .expect("built-in presets resolve");
        let today = Date::today();
        let next_app = scenario.applications.len() as u32 + 1;
        let data = Shared(Rc::new(MapData::build(&scenario)));
        let mut s = State {
            lang: Lang::Zh,
            presets: Rc::new(presets),
            preset_idx,
            overrides,
            policy: Rc::new(policy),
            dataset: Dataset::Sample,
            scenario: Rc::new(scenario),
            data,
            evaluation: Rc::new(Evaluation {
                as_of: String::new(),
                figures: Default::default(),
                decisions: Vec::new(),
                coverage: Default::default(),
            }),
            layers: Shared(Rc::new(Layers {
                coverage: Default::default(),
                area_classes: Default::default(),
                area_counts: [(0, 0); 4],
                surface: Default::default(),
                counties: Default::default(),
            })),
            recompute_ms: 0.0,
            timing: Timing::default(),
            stash: Rc::new(BTreeMap::new()),
            selected: 0,
            errors: BTreeMap::new(),
            rev: 0,
            data_rev: 0,
            next_app,
            today,
            sites: Shared(Rc::new(Vec::new())),
            review: super::review::empty(),
            notices: Rc::new(Vec::new()),
            exits: Shared(Rc::new(Default::default())),
            budget: Shared(Rc::new(Default::default())),
            boundaries: None,
            focus: 0,
            history: super::history::empty(),
        };
        s.recompute();
        s.history = super::history::start(&s);
        s
    }

    /// Replaces the working scenario, its parameters and what the user sees. The
    /// other data sets' edits are dropped: the loaded state is the whole work.
    pub fn load(&mut self, l: Loaded) {
        if let Some(idx) = self.presets.iter().position(|p| p.id == l.preset) {
            self.preset_idx = idx;
        }
        let overrides = if Policy::resolve(self.preset(), &l.overrides, "policy.overrides").is_ok() {
            l.overrides
        } else {
            BTreeMap::new()
        };
        self.overrides = overrides;
        if let Some(lang) = l.lang {
            self.lang = lang;
        }
        let mut sc = l.scenario;
        // The app keeps the policy in `preset_idx` and `overrides` (see `export_scenario`).
        sc.policy = Default::default();
        self.next_app = sc.applications.len() as u32 + 1;
        self.data = Shared(Rc::new(MapData::build(&sc)));
        self.selected = l.selected.min(sc.applications.len().saturating_sub(1));
        self.scenario = Rc::new(sc);
        self.dataset = l.dataset;
        self.stash = Rc::new(BTreeMap::new());
        // Imported outlines belonged to the work replaced.
        self.boundaries = None;
        self.errors.clear();
        self.sites = Shared(Rc::new(Vec::new()));
        self.review = super::review::empty();
        self.rev += 1;
        self.recompute();
        if let Some(b) = l.baseline.filter(|b| !b.is_empty()) {
            self.review = super::review::baseline_with(self, b);
        }
        // Opened directly (not as an undoable action): no step back, the line against the baseline.
        self.history = super::history::start(self);
    }

    /// "Reset to preset" — the preset's defaults on the built-in data set shown (the
    /// sample for imported data), every edit and stashed data set dropped.
    pub fn reset_to_preset(&mut self) {
        let dataset = if self.dataset.is_builtin() { self.dataset } else { Dataset::Sample };
        let preset = self.preset().id.clone();
        self.load(Loaded {
            dataset,
            scenario: dataset.scenario(self.lang),
            preset,
            overrides: BTreeMap::new(),
            selected: 0,
            lang: None,
            baseline: None,
        });
    }

    pub fn preset(&self) -> &Preset {
        &self.presets[self.preset_idx]
    }

    pub fn application(&self) -> Option<&Application> {
        self.scenario.applications.get(self.selected)
    }

    /// What keys the inputs that show the data: any re-creation (`rev`) or a data-set switch.
    pub fn data_inputs_rev(&self) -> String {
        format!("{}.{}", self.rev, self.data_rev)
    }

    /// The inputs are made again from the state (`rev`): a message about text typed into one of
    /// them goes with that text, so no message stands beside the value in force.
    fn recreate_inputs(&mut self) {
        self.rev += 1;
        self.errors.retain(|k, _| *k == ErrorKey::Import);
    }

    pub fn error(&self, key: &ErrorKey) -> Option<&Text> {
        self.errors.get(key)
    }

    /// Whether a parameter differs from the preset's default.
    pub fn is_changed(&self, id: &str) -> bool {
        self.overrides.contains_key(id)
    }

    /// The preset's default, normalised through the parameter table.
    pub fn preset_default(&self, id: &str) -> Option<Value> {
        let def = param_def(id)?;
        let spec = self.preset().parameters.get(id)?;
        def.check(&spec.default).ok()
    }

    /// The scenario with the policy as chosen in the app (preset and overrides): what an export
    /// writes. The working copy leaves `scenario.policy` alone, so that a parameter change never
    /// copies the data.
    pub fn export_scenario(&self) -> Scenario {
        export_scenario(&self.scenario, &self.preset().id, &self.overrides)
    }

    /// Re-runs the engine on the current policy and scenario: the decisions of every
    /// application, the figures, coverage, area classes and the selected application's
    /// acceptance surface. The data indexes are reused.
    fn recompute(&mut self) {
        self.recompute_part(Part::All);
    }

    /// Re-runs what an edit of `part` can change. Coverage, area classes and figures depend on the
    /// policy and the data, never on an application; the acceptance surface depends on the
    /// selected application but not on where it stands (the template is moved to every cell).
    fn recompute_part(&mut self, part: Part) {
        let t0 = now_ms();
        if part == Part::All {
            if let Ok(p) = Policy::resolve(self.preset(), &self.overrides, "policy.overrides") {
                self.policy = Rc::new(p);
            }
        }
        let sc = &*self.scenario;
        let prep = Prepared::with_data(sc, &self.policy, self.data.index.clone(), self.today);
        let t_prepare = now_ms();
        let decisions = match sc.applications.get(self.selected) {
            // A decision reads its own application and the data, never another application.
            Some(app) if part == Part::Decisions && self.evaluation.decisions.len() == sc.applications.len() => {
                let mut d = self.evaluation.decisions.clone();
                d[self.selected] = prep.decide(app);
                d
            }
            _ => sc.applications.iter().map(|a| prep.decide(a)).collect(),
        };
        let t_decide = now_ms();
        let old = self.layers.clone();
        let (coverage_layers, coverage) = if part == Part::All {
            let layers = prep.coverage_layers();
            let summary = layers.summary_with(sc, &prep.data.cell_population, &prep.data.cell_county);
            (Rc::new(layers), summary)
        } else {
            (old.coverage.clone(), self.evaluation.coverage.clone())
        };
        let t_coverage = now_ms();
        let (area_classes, area_counts) = if part == Part::All {
            let classes = prep.cell_area_classes();
            let mut counts = [(0u64, 0u64); 4];
            for key in &prep.areas.keys {
                let (pharmacies, population) =
                    prep.areas.stats.get(key).map(|st| (st.pharmacy_ids.len() as u32, st.population)).unwrap_or((0, 0));
                let (class, _) = AreaClass::classify(pharmacies, population, &self.policy.params);
                if let Some(k) = AREA_CLASSES.iter().position(|c| *c == class) {
                    counts[k].0 += 1;
                    counts[k].1 = counts[k].1.saturating_add(population);
                }
            }
            (Rc::new(classes), counts)
        } else {
            (old.area_classes.clone(), old.area_counts)
        };
        let t_classes = now_ms();
        let surface = if part == Part::Decisions {
            old.surface.clone()
        } else {
            Rc::new(match sc.applications.get(self.selected) {
                Some(a) => prep.surface(a),
                None => Surface::default(),
            })
        };
        // Each county's inpatient status is a surface too (a general hospital's): counted with it.
        let counties =
            if part == Part::All { Rc::new(crate::review::county_inpatient(&prep)) } else { old.counties.clone() };
        let t_surface = now_ms();
        self.evaluation =
            Rc::new(Evaluation { as_of: prep.as_of.to_string(), figures: prep.figures.clone(), decisions, coverage });
        self.layers =
            Shared(Rc::new(Layers { coverage: coverage_layers, area_classes, area_counts, surface, counties }));
        self.recompute_ms = now_ms() - t0;
        self.timing = Timing {
            prepare_ms: t_prepare - t0,
            decide_ms: t_decide - t_prepare,
            coverage_ms: t_coverage - t_decide,
            area_classes_ms: t_classes - t_coverage,
            surface_ms: t_surface - t_classes,
            total_ms: self.recompute_ms,
        };
        // The baseline follows the data and the selected application, never a draft step.
        self.review = super::review::refresh(self, part == Part::All, part == Part::Decisions);
    }

    /// Places the selected application at a point: its county from the county outlines
    /// (or the nearest cell's), its area left to the data (the nearest cell's, or the grid).
    fn place_app(&mut self, lon: f64, lat: f64) {
        if !(lon.is_finite() && lat.is_finite()) || self.selected >= self.scenario.applications.len() {
            return;
        }
        let (lon, lat) = (round6(lon.clamp(-180.0, 180.0)), round6(lat.clamp(-90.0, 90.0)));
        let county = self.data.county_at(&self.scenario, lon, lat);
        let mut sc = (*self.scenario).clone();
        let app = &mut sc.applications[self.selected];
        app.lon = lon;
        app.lat = lat;
        app.county = county;
        app.area = None;
        for f in [Field::Lon, Field::Lat, Field::County] {
            self.errors.remove(&ErrorKey::App(f));
        }
        self.scenario = Rc::new(sc);
        self.recompute_part(Part::Decisions);
    }

    /// Switches to another data set, keeping the preset, the parameters and the user's edits of
    /// the data set left (it comes back as it was).
    fn set_dataset(&mut self, ds: Dataset, made: Option<Stashed>) {
        if ds == self.dataset
            || (!ds.is_builtin() && !self.stash.contains_key(&ds))
            || (!ds.ready() && !self.stash.contains_key(&ds))
        {
            return;
        }
        let mut stash = (*self.stash).clone();
        stash.insert(
            self.dataset,
            Stashed {
                scenario: self.scenario.clone(),
                data: self.data.clone(),
                selected: self.selected,
                next_app: self.next_app,
            },
        );
        let next = match stash.remove(&ds) {
            Some(s) => s,
            None => {
                let mut next = made.unwrap_or_else(|| Stashed::made(ds.scenario(self.lang)));
                if ds != Dataset::Sample && next.scenario.as_of != self.scenario.as_of {
                    // A judging date set by the user carries over to the generated city.
                    Rc::make_mut(&mut next.scenario).as_of = self.scenario.as_of.clone();
                }
                next
            }
        };
        self.stash = Rc::new(stash);
        self.dataset = ds;
        self.scenario = next.scenario;
        self.data = match next.data.0.with_new_outlines(&self.scenario) {
            Some(d) => Shared(Rc::new(d)),
            None => next.data,
        };
        self.selected = next.selected.min(self.scenario.applications.len().saturating_sub(1));
        self.next_app = next.next_app;
        // The parameters are the same: their inputs stay, and so do messages about text typed
        // into them; the inputs that show the data are made again.
        self.errors.retain(|k, _| k.is_param());
        self.data_rev += 1;
        self.recompute();
    }

    /// Makes `sc` the imported data set: the data set shown is put aside as it was (unless it is
    /// the imported one, which `sc` replaces). `boundaries`: new outlines, else the imported
    /// data set keeps those it had.
    fn set_imported(&mut self, sc: Scenario, boundaries: Option<Rc<Boundaries>>) {
        if self.dataset != Dataset::Imported {
            let mut stash = (*self.stash).clone();
            stash.insert(
                self.dataset,
                Stashed {
                    scenario: self.scenario.clone(),
                    data: self.data.clone(),
                    selected: self.selected,
                    next_app: self.next_app,
                },
            );
            stash.remove(&Dataset::Imported);
            self.stash = Rc::new(stash);
            self.boundaries = None;
        }
        if boundaries.is_some() {
            self.boundaries = boundaries;
        }
        self.dataset = Dataset::Imported;
        self.data = Shared(Rc::new(MapData::build(&sc)));
        self.selected = self.selected.min(sc.applications.len().saturating_sub(1));
        self.next_app = sc.applications.len() as u32 + 1;
        self.scenario = Rc::new(sc);
        self.errors.retain(|k, _| k.is_param());
        self.recreate_inputs();
        self.recompute();
    }

    fn set_param(&mut self, id: &'static str, raw: &str) {
        let key = ErrorKey::Param(id);
        let Some(def) = param_def(id) else { return };
        let candidate: Result<Value, String> = match def.kind {
            ParamKind::Number { auto, .. } => {
                let s = raw.trim();
                if s.is_empty() {
                    if auto {
                        Ok(Value::Null)
                    } else {
                        Err(format!("\"{raw}\" is not a number"))
                    }
                } else {
                    match s.replace(',', "").parse::<f64>() {
                        Ok(x) if x.is_finite() => Ok(number_value(x)),
                        _ => Err(format!("\"{raw}\" is not a number")),
                    }
                }
            }
            ParamKind::Choice(_) => Ok(Value::String(raw.to_string())),
            ParamKind::Bool => Ok(Value::Bool(raw == "true")),
        };
        let checked = candidate.and_then(|v| def.check(&v));
        let value = match checked {
            Ok(v) => v,
            Err(msg) => {
                self.errors.insert(key, invalid(&msg));
                return;
            }
        };
        let mut next = self.overrides.clone();
        if Some(&value) == self.preset_default(id).as_ref() {
            next.remove(id);
        } else {
            next.insert(id.to_string(), value);
        }
        match Policy::resolve(self.preset(), &next, "policy.overrides") {
            Ok(_) => {
                self.errors.remove(&key);
                // A conflict message on the other pharmacy threshold is resolved by this change.
                const THRESHOLDS: [&str; 2] =
                    ["pharmacy_insufficient_below_per_10k", "pharmacy_saturated_above_per_10k"];
                if THRESHOLDS.contains(&id) {
                    for t in THRESHOLDS {
                        // The other's refused value was not applied: its input shows the value in force again.
                        if self.errors.remove(&ErrorKey::Param(t)).is_some() && t != id {
                            self.recreate_inputs();
                        }
                    }
                }
                self.overrides = next;
                self.recompute();
            }
            Err(msg) => {
                // `policy.overrides.<id>: message`: a cross-parameter check may name another one.
                let (path, text) =
                    msg.split_once(": ").map(|(p, m)| (p.to_string(), m.to_string())).unwrap_or_default();
                let other = path.rsplit('.').next().and_then(param_def).filter(|d| d.id != id);
                let mut e = invalid(if text.is_empty() { &msg } else { &text });
                if let Some(o) = other {
                    e.zh.to_mut().push_str(&format!("（与“{}”冲突）", o.zh));
                    e.en.to_mut().push_str(&format!(" (conflicts with “{}”)", o.en));
                }
                self.errors.insert(key, e);
            }
        }
    }

    fn toggle_rule(&mut self, id: &'static str, on: bool) {
        if crate::policy::any_rule_def(id).is_none() {
            return;
        }
        let p = self.preset();
        // Any family: admission, the yearly assessment, the county community budget.
        let in_preset = p.rules.iter().chain(&p.assessment_rules).chain(&p.budget_rules).any(|r| r.rule == id);
        if on == in_preset {
            self.overrides.remove(id);
        } else {
            self.overrides.insert(id.to_string(), Value::Bool(on));
        }
        self.recompute();
    }

    fn set_city(&mut self, field: DataField, raw: &str) {
        let mut sc = (*self.scenario).clone();
        let c = &mut sc.city;
        let result = if field.is_city_only() { set_fund(c, field, raw) } else { Beds::city(c).set(field, raw) };
        self.finish_data_edit(ErrorKey::City(field), result, sc);
    }

    fn set_county(&mut self, idx: usize, field: DataField, raw: &str) {
        let Some(county) = self.scenario.counties.get(idx) else {
            return;
        };
        if field.is_city_only() {
            return;
        }
        let key = ErrorKey::County(county.id.clone(), field);
        let mut sc = (*self.scenario).clone();
        let result = Beds::county(&mut sc.counties[idx]).set(field, raw);
        self.finish_data_edit(key, result, sc);
    }

    fn finish_data_edit(&mut self, key: ErrorKey, result: Result<Recreate, Text>, sc: Scenario) {
        match result {
            Ok(recreate) => {
                self.errors.remove(&key);
                if recreate == Recreate::Yes {
                    self.recreate_inputs();
                }
                self.scenario = Rc::new(sc);
                self.recompute();
            }
            Err(msg) => {
                self.errors.insert(key, msg);
            }
        }
    }

    fn set_app(&mut self, field: Field, raw: &str) {
        let key = ErrorKey::App(field);
        let mut sc = (*self.scenario).clone();
        let as_of = sc.as_of.clone().unwrap_or_else(|| self.today.to_string());
        let designated: Vec<(String, bool)> =
            sc.institutions.iter().filter(|i| i.designated).map(|i| (i.id.clone(), i.kind.is_medical())).collect();
        let Some(app) = sc.applications.get_mut(self.selected) else {
            return;
        };
        let result = apply_app_field(app, field, raw, &as_of, &designated);
        match result {
            Ok(recreate) => {
                self.errors.remove(&key);
                if recreate == Recreate::Yes {
                    self.recreate_inputs();
                }
                if field == Field::Kind {
                    // Fields that vanished with a kind change take their messages with them.
                    self.errors.retain(|k, _| !k.is_app());
                }
                self.scenario = Rc::new(sc);
                // Where the application stands does not change its acceptance surface.
                let moved_only = matches!(field, Field::Lon | Field::Lat | Field::County);
                self.recompute_part(if moved_only { Part::Decisions } else { Part::Applications });
            }
            Err(msg) => {
                self.errors.insert(key, msg);
            }
        }
    }

    fn toggle_category(&mut self, cat: Category, on: bool) {
        let key = ErrorKey::App(Field::Category);
        let mut sc = (*self.scenario).clone();
        let Some(app) = sc.applications.get_mut(self.selected) else {
            return;
        };
        if app.kind != Kind::Pharmacy {
            return;
        }
        let cats = app.categories();
        let next = if on {
            let mut v: Vec<Category> = cats.iter().collect();
            v.push(cat);
            Categories::of(&v)
        } else {
            cats.without(cat)
        };
        if next.is_empty() {
            self.errors.insert(key, msg(i::E_CATEGORY));
            self.rev += 1;
            return;
        }
        app.category = Some(next);
        self.errors.remove(&key);
        self.scenario = Rc::new(sc);
        self.recompute_part(Part::Applications);
    }

    fn new_app(&mut self) {
        let mut sc = (*self.scenario).clone();
        let (lon, lat, county) = match sc.applications.get(self.selected) {
            Some(a) => (a.lon, a.lat, a.county.clone()),
            None => centre(&sc),
        };
        let mut id = format!("a-{}", self.next_app);
        while sc.applications.iter().any(|a| a.id == id) {
            self.next_app += 1;
            id = format!("a-{}", self.next_app);
        }
        self.next_app += 1;
        let mut app = Application::new(&id, Kind::Pharmacy, lon, lat);
        app.name = Some(i::NEW_APPLICATION_NAME.get(self.lang).to_string());
        app.county = county;
        sc.applications.push(app);
        self.selected = sc.applications.len() - 1;
        self.scenario = Rc::new(sc);
        self.errors.retain(|k, _| !k.is_app());
        self.recreate_inputs();
        self.recompute_part(Part::Applications);
    }

    /// Adds `app` under a fresh id and selects it.
    fn add_app(&mut self, mut app: Application) {
        let mut sc = (*self.scenario).clone();
        let mut id = format!("a-{}", self.next_app);
        while sc.applications.iter().any(|a| a.id == id) {
            self.next_app += 1;
            id = format!("a-{}", self.next_app);
        }
        self.next_app += 1;
        app.id = id;
        sc.applications.push(app);
        self.selected = sc.applications.len() - 1;
        self.scenario = Rc::new(sc);
        self.errors.retain(|k, _| !k.is_app());
        self.recreate_inputs();
        self.recompute_part(Part::Applications);
    }

    fn remove_app(&mut self) {
        if self.scenario.applications.len() <= 1 {
            return;
        }
        let mut sc = (*self.scenario).clone();
        sc.applications.remove(self.selected);
        self.selected = self.selected.min(sc.applications.len().saturating_sub(1));
        self.scenario = Rc::new(sc);
        self.errors.retain(|k, _| !k.is_app());
        self.recreate_inputs();
        self.recompute_part(Part::Applications);
    }
}

impl Default for State {
    fn default() -> Self {
        State::new()
    }
}

impl State {
    /// The reducer: the state after `action` (the Yew skin's `Reducible::reduce` calls it). An
    /// edit of the work is kept for undo, and the line says what it changed.
    pub fn apply(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Undo => super::history::undo(&self),
            Action::Redo => super::history::redo(&self),
            action => {
                let param = match action {
                    Action::SetParam(id, _) => Some(id),
                    _ => None,
                };
                super::history::after_action(&self, self.clone().reduce(action), param)
            }
        }
    }

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SetLang(l) => s.lang = l,
            Action::SetPreset(id) => {
                if let Some(idx) = s.presets.iter().position(|p| p.id == id) {
                    if idx != s.preset_idx {
                        s.preset_idx = idx;
                        s.overrides.clear();
                        s.errors.retain(|k, _| !k.is_param());
                        s.rev += 1;
                        s.recompute();
                    }
                }
            }
            Action::SetDataset(ds) => s.set_dataset(ds, None),
            Action::SetDatasetMade(ds, made) => s.set_dataset(ds, Some(*made)),
            Action::OutlinesLoaded => {
                if let Some(d) = s.data.0.with_new_outlines(&s.scenario) {
                    s.data = Shared(Rc::new(d));
                }
            }
            Action::SetParam(id, raw) => s.set_param(id, &raw),
            Action::ResetParam(id) => {
                s.overrides.remove(id);
                s.errors.remove(&ErrorKey::Param(id));
                s.recreate_inputs();
                s.recompute();
            }
            Action::ToggleRule(id, on) => s.toggle_rule(id, on),
            Action::SetCity(f, raw) => s.set_city(f, &raw),
            Action::SetCounty(idx, f, raw) => s.set_county(idx, f, &raw),
            Action::SetApp(f, raw) => s.set_app(f, &raw),
            Action::PlaceApp(lon, lat) => s.place_app(lon, lat),
            Action::ToggleCategory(c, on) => s.toggle_category(c, on),
            Action::SelectApp(idx) => {
                if idx < s.scenario.applications.len() && idx != s.selected {
                    s.selected = idx;
                    s.errors.retain(|k, _| !k.is_app());
                    s.recreate_inputs();
                    // The acceptance surface follows the selected application.
                    s.recompute_part(Part::Applications);
                }
            }
            Action::ApplyImport(imported, merge, pre) => {
                // Applied beforehand onto the scenario still shown: only the rebuild is left here.
                let result = match pre {
                    Some((base, applied)) if Rc::ptr_eq(&base, &s.scenario) => {
                        drop(base);
                        Ok(Rc::try_unwrap(applied).unwrap_or_else(|a| (*a).clone()))
                    }
                    // Edited while the records were joined: they are not applied over the edit.
                    Some(_) => Err(i::IM_DATA_CHANGED.clone()),
                    None => imported.apply(&s.scenario, merge).map(|a| a.scenario).map_err(|e| {
                        Text::new(
                            format!("{}{}", i::IM_APPLY_FAILED.zh, e.message),
                            format!("{}{}", i::IM_APPLY_FAILED.en, e.message),
                        )
                    }),
                };
                match result {
                    Ok(sc) => s.set_imported(sc, None),
                    Err(m) => {
                        s.errors.insert(ErrorKey::Import, m);
                    }
                }
            }
            Action::ApplyBoundaries(b) => {
                let mut sc = (*s.scenario).clone();
                sc.counties
                    .extend(b.new_counties().into_iter().filter(|c| !s.scenario.counties.iter().any(|k| k.id == c.id)));
                s.set_imported(sc, Some(b));
            }
            Action::FocusApp(idx) => {
                if idx < s.scenario.applications.len() {
                    if idx != s.selected {
                        s.selected = idx;
                        s.errors.retain(|k, _| !k.is_app());
                        s.recreate_inputs();
                        s.recompute_part(Part::Applications);
                    }
                    s.focus += 1;
                }
            }
            Action::Undo | Action::Redo => {}
            Action::ClearImportError => {
                s.errors.remove(&ErrorKey::Import);
            }
            Action::SetBaseline => s.review = super::review::set_baseline(&s),
            Action::LoadScenario(l) => s.load(*l),
            Action::ResetToPreset => s.reset_to_preset(),
            Action::Notify(n) => {
                let mut v = (*s.notices).clone();
                // The same message twice (autosave failing again) is shown once.
                if !v.contains(&n) {
                    v.push(n);
                }
                s.notices = Rc::new(v);
            }
            Action::DismissNotice(k) => {
                let mut v = (*s.notices).clone();
                if k < v.len() {
                    v.remove(k);
                }
                s.notices = Rc::new(v);
            }
            Action::ResetBaseline => s.review = super::review::reset_baseline(&s),
            Action::Exits(a) => super::assess::reduce_exits(&mut s, a),
            Action::Budget(a) => super::assess::reduce_budget(&mut s, a),
            Action::NewApp => s.new_app(),
            Action::ShowSites(sites) => s.sites = Shared(sites),
            Action::AddApplication(app) => s.add_app(app),
            Action::RemoveApp => s.remove_app(),
            Action::SetAsOf(raw) => {
                let raw = raw.trim();
                if raw.is_empty() {
                    let mut sc = (*s.scenario).clone();
                    sc.as_of = None;
                    s.scenario = Rc::new(sc);
                    s.errors.remove(&ErrorKey::AsOf);
                    s.recreate_inputs();
                    s.recompute();
                } else if Date::parse(raw).is_some() {
                    let mut sc = (*s.scenario).clone();
                    sc.as_of = Some(raw.to_string());
                    s.scenario = Rc::new(sc);
                    s.errors.remove(&ErrorKey::AsOf);
                    s.recompute();
                } else {
                    s.errors.insert(ErrorKey::AsOf, msg(i::E_DATE));
                }
            }
        }
        Rc::new(s)
    }
}

// ---------------------------------------------------------------------------------------------
// Input parsing, shared by the panels.

/// Whether the inputs must be re-created after an accepted edit (a field cleared others).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Recreate {
    No,
    Yes,
}

fn msg(s: Words) -> Text {
    s.clone()
}

/// A refused parameter value: `ParamDef::check`'s message with a bilingual prefix.
fn invalid(m: &str) -> Text {
    Text::new(format!("{}{m}", i::INVALID_PREFIX.zh), format!("{}{m}", i::INVALID_PREFIX.en))
}

/// Whole numbers are stored as JSON integers, so an exported scenario reads `800`, not `800.0`.
/// A scenario with the policy as chosen (a preset and the overrides): what an export writes.
pub fn export_scenario(sc: &Scenario, preset: &str, overrides: &BTreeMap<String, Value>) -> Scenario {
    let mut sc = sc.clone();
    sc.policy.preset = Some(preset.to_string());
    sc.policy.file = None;
    sc.policy.inline = None;
    sc.policy.overrides = overrides.clone();
    sc
}

pub fn number_value(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        Value::from(x as i64)
    } else {
        Value::from(x)
    }
}

/// What a parameter value looks like in its input.
pub fn value_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Number(n) => n.as_f64().map(|x| crate::text::num(x, 6)).unwrap_or_else(|| n.to_string()),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

/// Blank = absent; else a whole number ≥ 0 (thousands separators and spaces allowed).
pub fn parse_count(raw: &str) -> Result<Option<u64>, Text> {
    let s: String = raw.chars().filter(|c| !matches!(c, ',' | '，' | ' ' | '_')).collect();
    if s.is_empty() {
        return Ok(None);
    }
    s.parse::<u64>().map(Some).map_err(|_| msg(i::E_COUNT))
}

/// Blank = absent; else a number in `range`, refused with the range's own message.
pub fn parse_in(raw: &str, range: Range) -> Result<Option<f64>, Text> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let x: f64 = s.replace(',', "").parse().map_err(|_| msg(i::E_NUMBER))?;
    if !x.is_finite() || !range.contains(x) {
        return Err(range.refusal());
    }
    Ok(Some(x))
}

fn parse_tristate(raw: &str) -> Option<bool> {
    match raw {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// The bed fields the city and a county share.
struct Beds<'a> {
    resident_population: &'a mut Option<u64>,
    open_beds: &'a mut Option<u64>,
    insured: &'a mut Option<u64>,
    admissions: &'a mut Option<u64>,
    avg_stay_days: &'a mut Option<f64>,
    bed_utilisation: &'a mut Option<f64>,
    discharges: &'a mut Option<Discharges>,
}

impl<'a> Beds<'a> {
    fn city(c: &'a mut City) -> Self {
        Beds {
            resident_population: &mut c.resident_population,
            open_beds: &mut c.open_beds,
            insured: &mut c.insured,
            admissions: &mut c.admissions,
            avg_stay_days: &mut c.avg_stay_days,
            bed_utilisation: &mut c.bed_utilisation,
            discharges: &mut c.discharges,
        }
    }
    fn county(c: &'a mut County) -> Self {
        Beds {
            resident_population: &mut c.resident_population,
            open_beds: &mut c.open_beds,
            insured: &mut c.insured,
            admissions: &mut c.admissions,
            avg_stay_days: &mut c.avg_stay_days,
            bed_utilisation: &mut c.bed_utilisation,
            discharges: &mut c.discharges,
        }
    }

    fn set(&mut self, field: DataField, raw: &str) -> Result<Recreate, Text> {
        use DataField as D;
        let real = |raw: &str| match data_range(field) {
            Some(r) => parse_in(raw, r),
            None => Ok(None),
        };
        match field {
            D::ResidentPopulation => *self.resident_population = parse_count(raw)?,
            D::OpenBeds => *self.open_beds = parse_count(raw)?,
            D::Insured => *self.insured = parse_count(raw)?,
            D::Admissions => *self.admissions = parse_count(raw)?,
            D::AvgStayDays => *self.avg_stay_days = real(raw)?,
            D::BedUtilisation => *self.bed_utilisation = real(raw)?,
            D::DischargesLocalLocal | D::DischargesLocalElsewhere | D::DischargesNonlocalLocal => {
                let Some(n) = parse_count(raw)? else {
                    let had = self.discharges.is_some();
                    *self.discharges = None;
                    return Ok(if had { Recreate::Yes } else { Recreate::No });
                };
                let created = self.discharges.is_none();
                let d = self.discharges.get_or_insert(Discharges::default());
                match field {
                    D::DischargesLocalLocal => d.local_local = n,
                    D::DischargesLocalElsewhere => d.local_elsewhere = n,
                    _ => d.nonlocal_local = n,
                }
                return Ok(if created { Recreate::Yes } else { Recreate::No });
            }
            // The fund is the city's (`set_fund`).
            _ => {}
        }
        Ok(Recreate::No)
    }
}

fn set_fund(c: &mut City, field: DataField, raw: &str) -> Result<Recreate, Text> {
    let mut f = c.fund.unwrap_or_default();
    let months = |raw: &str| match data_range(field) {
        Some(r) => parse_in(raw, r),
        None => Ok(None),
    };
    match field {
        DataField::FundEmployeeMonths => f.employee_months = months(raw)?,
        DataField::FundResidentMonths => f.resident_months = months(raw)?,
        DataField::FundEmployeeDeficit => f.employee_deficit = parse_tristate(raw),
        DataField::FundResidentDeficit => f.resident_deficit = parse_tristate(raw),
        DataField::FundWarningLetter => f.warning_letter = parse_tristate(raw),
        _ => return Ok(Recreate::No),
    }
    c.fund = Some(f);
    Ok(Recreate::No)
}

fn enum_from<E: serde::de::DeserializeOwned>(raw: &str) -> Option<E> {
    serde_json::from_value(Value::String(raw.to_string())).ok()
}

/// Applies one form field to the application. The scenario's own field checks decide what is
/// refused (the field keeps its value and the message is the validation's) and what a kind change
/// leaves out (only a pharmacy has categories, only a specialty hospital a specialty, …), so the
/// scenario stays valid.
fn apply_app_field(
    app: &mut Application,
    field: Field,
    raw: &str,
    as_of: &str,
    designated: &[(String, bool)],
) -> Result<Recreate, Text> {
    match field {
        Field::Name => {
            let s = raw.trim();
            app.name = (!s.is_empty()).then(|| s.to_string());
        }
        Field::Kind => {
            let Some(kind) = enum_from::<Kind>(raw) else {
                return Ok(Recreate::No);
            };
            app.kind = kind;
            let fits = |f: Field| field_fits_kind(f, kind).is_ok();
            // A pharmacy has at least one category: the ordinary one unless it had some.
            app.category = fits(Field::Category).then(|| app.category.unwrap_or(Categories::of(&[Category::Ordinary])));
            if !fits(Field::Specialty) {
                app.specialty = None;
            }
            if !fits(Field::Subtype) {
                app.subtype = None;
            }
            if !fits(Field::Integrated) {
                app.integrated = None;
            }
            if scope_fits_kind(app.scope, kind).is_err() {
                app.scope = Scope::Basic;
            }
        }
        Field::Specialty => app.specialty = enum_from::<Specialty>(raw),
        Field::Subtype => app.subtype = enum_from::<Subtype>(raw),
        Field::Integrated => app.integrated = (raw == "true").then_some(true),
        Field::Change => {
            app.change = enum_from::<Change>(raw).unwrap_or_default();
            if app.change != Change::AddressChange && app.scope != Scope::MedicalAid {
                app.institution_id = None;
            }
        }
        Field::InstitutionId => {
            let id = (!raw.is_empty()).then(|| raw.to_string());
            scope_names_institution(app.scope, id.as_deref())?;
            app.institution_id = id;
        }
        Field::Scope => {
            let scope = enum_from::<Scope>(raw).unwrap_or_default();
            scope_fits_kind(scope, app.kind)?;
            let mut institution_id = app.institution_id.clone();
            if scope == Scope::MedicalAid && institution_id.is_none() {
                // A medical-aid application names an existing designated medical institution.
                institution_id = designated.iter().find(|(_, medical)| *medical).map(|(id, _)| id.clone());
            }
            if scope != Scope::MedicalAid && app.change != Change::AddressChange {
                institution_id = None;
            }
            scope_names_institution(scope, institution_id.as_deref())?;
            app.scope = scope;
            app.institution_id = institution_id;
        }
        Field::KeyProject => {
            app.key_project = enum_from::<KeyLevel>(raw).map(|l| KeyProject(Some(l)));
        }
        Field::Lon | Field::Lat => {
            let Some(range) = field_range(field) else {
                return Ok(Recreate::No);
            };
            let x = parse_in(raw, range)?.ok_or_else(|| range.refusal())?;
            if field == Field::Lon {
                app.lon = x;
            } else {
                app.lat = x;
            }
        }
        Field::County => app.county = (!raw.is_empty()).then(|| raw.to_string()),
        Field::Beds => app.beds = parse_count(raw)?,
        Field::InsuranceOfficeStaff => app.insurance_office_staff = parse_count(raw)?,
        Field::InsuranceDept => app.insurance_dept = parse_tristate(raw),
        Field::OperatingMonths => {
            if let Some(range) = field_range(field) {
                app.operating_months = parse_in(raw, range)?;
            }
        }
        Field::Physicians => app.physicians = parse_count(raw)?,
        Field::Pharmacists => app.pharmacists = parse_count(raw)?,
        Field::ShortageType => app.shortage_type = parse_tristate(raw),
        Field::UnevenArea => app.uneven_area = parse_tristate(raw),
        Field::NegativeListReason => {
            app.negative_list = enum_from::<NegativeReason>(raw).map(|reason| NegativeList {
                reason,
                since: app.negative_list.as_ref().map(|n| n.since.clone()).unwrap_or_else(|| as_of.to_string()),
                switch: None,
            });
        }
        Field::NegativeListSince => {
            let s = raw.trim();
            if Date::parse(s).is_none() {
                return Err(msg(i::E_DATE));
            }
            if let Some(n) = app.negative_list.as_mut() {
                n.since = s.to_string();
            }
        }
        // Not edited one by one: the id is the app's, categories are toggled
        // (`Action::ToggleCategory`), the rest belongs to institutions or cells.
        Field::Id
        | Field::Category
        | Field::Coordinates
        | Field::Area
        | Field::Designated
        | Field::ProvidesOutpatient
        | Field::Population
        | Field::Ignore => {}
    }
    Ok(Recreate::No)
}

/// Where a new application goes when there is none to copy: the middle of the institutions.
fn centre(sc: &Scenario) -> (f64, f64, Option<String>) {
    let n = sc.institutions.len();
    if n == 0 {
        return (118.35, 35.05, None);
    }
    let lon = sc.institutions.iter().map(|i| i.lon).sum::<f64>() / n as f64;
    let lat = sc.institutions.iter().map(|i| i.lat).sum::<f64>() / n as f64;
    (lon, lat, sc.institutions[0].county.clone())
}
