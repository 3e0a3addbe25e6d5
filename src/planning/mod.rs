//! Planning outputs: the annual acceptance plan of each county (年度受理计划, linyi-2025 四(一))
//! and suggested sites for new designated institutions.
//!
//! Nothing here estimates what the rules would say: every status, every count of institutions
//! a county could still accept and every suggested site comes from the engine's own `decide`
//! and acceptance surface, recomputed after each hypothetical institution is added, so the plan
//! and the rules never disagree.

use std::rc::Rc;

use rand_core::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;
use serde::Serialize;

use crate::date::Date;
use crate::engine::prepared::{DataIndex, Prepared};
use crate::engine::surface::placed;
use crate::engine::{Outcome, TraceEntry, Verdict};
use crate::policy::Policy;
use crate::scenario::{Application, Categories, Category, Institution, Kind, Scenario, Specialty};
use crate::spatial::AreaClass;
use crate::text::{num, thousands, Lang, Text};

mod export;
pub use export::{plan_csv, plan_rows, plan_table_csv, plan_table_xlsx, plan_xlsx, PlanCell};

/// Bilingual text whose two sentences take their arguments in different orders.
macro_rules! tr2 {
    ($zh:literal, $en:literal; $($a:expr),*; $($b:expr),* $(,)?) => {
        Text::new(format!($zh, $($a),*), format!($en, $($b),*))
    };
}

/// The clause of the annual acceptance plan.
pub const PLAN_CLAUSE: &str = "四(一)";
/// The clause of the pharmacy area classes.
pub const AREA_CLAUSE: &str = "三(二)";
/// The clause of the bed figures the allowance rests on.
pub const BEDS_CLAUSE: &str = "三(一)1";

/// What kind of new institution is planned for: a kind, and for pharmacies a category.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SiteSpec {
    pub kind: Kind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub specialty: Option<Specialty>,
}

impl SiteSpec {
    pub fn new(kind: Kind) -> Self {
        SiteSpec { kind, category: (kind == Kind::Pharmacy).then_some(Category::Ordinary), specialty: None }
    }

    /// A new application of this kind that meets the national thresholds (12 months operating,
    /// a pharmacist or two physicians), so only the planning rules speak.
    pub fn template(&self) -> Application {
        let mut a = Application::new("planned", self.kind, 0.0, 0.0);
        a.operating_months = Some(12.0);
        if self.kind == Kind::Pharmacy {
            a.pharmacists = Some(1);
            a.category = Some(Categories::of(&[self.category.unwrap_or(Category::Ordinary)]));
        } else {
            a.physicians = Some(2);
        }
        a.specialty = self.specialty;
        a
    }

    /// Whether a designated institution serves the population this kind serves (DESIGN §2).
    pub fn serves(&self, i: &Institution) -> bool {
        if !i.designated {
            return false;
        }
        match self.kind {
            Kind::Pharmacy => i.kind == Kind::Pharmacy && self.category.is_none_or(|c| i.categories().contains(c)),
            Kind::Outpatient | Kind::PrimaryCare => i.kind.is_medical() && i.provides_outpatient(),
            Kind::InpatientGeneral | Kind::InpatientSpecialty => i.kind.is_inpatient(),
        }
    }
}

/// A scenario with hypothetical designated institutions added, and the data indexes that do not
/// change when institutions are added (population cells, their counties) shared with the base.
struct Work<'a> {
    scenario: Scenario,
    policy: &'a Policy,
    base: Rc<DataIndex>,
    base_count: usize,
    today: Date,
}

impl<'a> Work<'a> {
    fn new(scenario: &Scenario, policy: &'a Policy, today: Date) -> Self {
        let base = Rc::new(DataIndex::build(scenario));
        Work { scenario: scenario.clone(), policy, base, base_count: scenario.institutions.len(), today }
    }

    fn prepared(&self) -> Prepared<'_> {
        let data = if self.scenario.institutions.len() == self.base_count {
            self.base.clone()
        } else {
            Rc::new(self.base.with_institutions(&self.scenario.institutions))
        };
        Prepared::with_data(&self.scenario, self.policy, data, self.today)
    }

    /// The application `template` at population cell `k`.
    fn at(&self, template: &Application, k: usize) -> Application {
        let c = &self.scenario.population_cells[k];
        placed(template, c.lon, c.lat, c.county.as_deref(), c.area.as_deref())
    }

    /// Adds a hypothetical designated institution of the template's kind at cell `k`.
    fn add(&mut self, template: &Application, k: usize) {
        let c = &self.scenario.population_cells[k];
        let n = self.scenario.institutions.len();
        let inst = Institution {
            id: format!("planned-{n}"),
            name: None,
            kind: template.kind,
            category: template.category,
            specialty: template.specialty,
            subtype: template.subtype,
            integrated: template.integrated,
            lon: c.lon,
            lat: c.lat,
            county: c.county.clone(),
            area: c.area.clone(),
            designated: true,
            beds: template.beds,
            provides_outpatient: None,
        };
        self.scenario.institutions.push(inst);
    }
}

fn open(o: Outcome) -> bool {
    matches!(o, Outcome::Accepted | Outcome::Prioritized)
}

/// A trace entry the plan relies on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RuleRef {
    pub rule: String,
    pub clause: String,
    pub verdict: Verdict,
    pub detail: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub switch: Option<String>,
}

impl From<&TraceEntry> for RuleRef {
    fn from(e: &TraceEntry) -> Self {
        RuleRef {
            rule: e.rule.to_string(),
            clause: e.clause.to_string(),
            verdict: e.verdict,
            detail: e.detail.to_text(),
            switch: e.switch.as_deref().map(str::to_string),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InpatientStatus {
    /// Some place in the county would be accepted (or prioritized).
    Open,
    /// New inpatient designations are suspended (a fund rule, a supply rule, or a same-type
    /// rule read as a suspension).
    Suspended,
    /// The text is silent; a switch decides.
    Undetermined,
    /// Nowhere in the county would a new inpatient institution be accepted, though nothing is
    /// suspended (every site is rejected, e.g. by the same-type rule).
    Closed,
}

impl InpatientStatus {
    /// The status the best outcome of a new inpatient institution in the county gives.
    pub fn of(best: Outcome) -> InpatientStatus {
        match best {
            Outcome::Accepted | Outcome::Prioritized => InpatientStatus::Open,
            Outcome::Suspended => InpatientStatus::Suspended,
            Outcome::Undetermined => InpatientStatus::Undetermined,
            Outcome::Rejected => InpatientStatus::Closed,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            InpatientStatus::Open => "open",
            InpatientStatus::Suspended => "suspended",
            InpatientStatus::Undetermined => "undetermined",
            InpatientStatus::Closed => "closed",
        }
    }

    /// The status in the words a bureau's plan would use.
    pub fn label(self) -> Text {
        match self {
            InpatientStatus::Open => Text::new("受理", "open"),
            InpatientStatus::Suspended => Text::new("暂停受理", "suspended"),
            InpatientStatus::Undetermined => Text::new("待定（取决于开关）", "undetermined (a switch decides)"),
            InpatientStatus::Closed => Text::new("不予受理", "closed"),
        }
    }
}

/// New inpatient designations in a county, from one decision the engine made there.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InpatientPlan {
    pub status: InpatientStatus,
    pub text: Text,
    /// Where the representative application was decided: the most populous cell of the county
    /// among those with the most favourable outcome of the acceptance surface.
    pub lon: f64,
    pub lat: f64,
    pub outcome: Outcome,
    /// The rule that decided the outcome, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deciding_rule: Option<RuleRef>,
    /// Every entry of the trace that was not a plain pass or not applicable.
    pub rules: Vec<RuleRef>,
}

/// The designated-bed allowance implied by the bed figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BedAllowance {
    pub measured_per_1000: Option<f64>,
    pub actual_per_1000: Option<f64>,
    pub residents: Option<u64>,
    /// (measured − actual) × residents ÷ 1000; 0 when measured ≤ actual; `None` when a figure is missing.
    pub beds: Option<f64>,
    /// `beds` rounded down to whole beds.
    pub whole_beds: Option<u64>,
    pub text: Text,
    pub clause: String,
    /// The allowance is the simulator's arithmetic, not the text's: this labelled assumption.
    pub assumption: &'static str,
    /// The figure the measured value is compared against (this struct's field): the county's
    /// actual value, not the target.
    pub compares_against: &'static str,
    /// Every reading the allowance rests on: the assumption, then those of the county's measured
    /// value (ids of the evaluation's `figures.readings`).
    pub rests_on: Vec<&'static str>,
    /// What the text says and what the simulator adds, in words.
    pub reading: Text,
}

/// The designated-bed allowance's arithmetic, a labelled assumption.
pub const BED_ALLOWANCE_ASSUMPTION: &str = "county_bed_allowance";

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AreaClassCount {
    pub class: AreaClass,
    pub label: Text,
    /// Pharmacy areas with at least one population cell in the county.
    pub areas: u64,
    /// Residents of the county's cells in areas of this class.
    pub residents: u64,
}

/// How many new institutions of a kind the rules could accept in a county, each one tested.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Capacity {
    pub spec: SiteSpec,
    pub new_institutions: u64,
    /// The city-wide run stopped at the cap before the rules closed every cell.
    pub capped: bool,
    pub text: Text,
    /// Why no more: the deciding rule at the county's most populous cell once the run ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limited_by: Option<RuleRef>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountyPlan {
    pub county: String,
    pub name: String,
    /// Residents of the county's population cells.
    pub cell_residents: u64,
    pub inpatient: InpatientPlan,
    pub beds: BedAllowance,
    pub pharmacy_areas: Vec<AreaClassCount>,
    pub pharmacy: Capacity,
    pub outpatient: Capacity,
}

impl CountyPlan {
    /// The clauses the county's plan relies on: the plan itself (linyi-2025 四(一)), then every
    /// clause cited by a rule that spoke in its inpatient decision or limited its capacity, in
    /// order of first mention.
    pub fn clauses(&self) -> Vec<String> {
        let mut out = vec![format!("linyi-2025 {PLAN_CLAUSE}")];
        let cited = self.inpatient.rules.iter().chain(self.inpatient.deciding_rule.iter());
        let limits = self.pharmacy.limited_by.iter().chain(self.outpatient.limited_by.iter());
        for r in cited.chain(limits) {
            if !r.clause.is_empty() && !out.contains(&r.clause) {
                out.push(r.clause.clone());
            }
        }
        out
    }

    /// Residents and areas of one pharmacy area class.
    pub fn areas_of(&self, class: AreaClass) -> (u64, u64) {
        self.pharmacy_areas.iter().find(|a| a.class == class).map_or((0, 0), |a| (a.areas, a.residents))
    }
}

/// The annual acceptance plan (年度受理计划) of every county.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnnualPlan {
    pub as_of: String,
    pub preset: String,
    pub title: Text,
    pub clause: String,
    pub cap: usize,
    pub counties: Vec<CountyPlan>,
}

/// Ranks outcomes for a county's inpatient status: the most favourable first (the plan's, and
/// `review::delta`'s county status).
pub(crate) fn rank(o: Outcome) -> u8 {
    match o {
        Outcome::Accepted | Outcome::Prioritized => 0,
        Outcome::Undetermined => 1,
        Outcome::Suspended => 2,
        Outcome::Rejected => 3,
    }
}

/// A deciding rule as a reader reads it: its title and clause, then what it found.
fn rule_text(r: &RuleRef) -> Text {
    use crate::policy::clauses::cite;
    let title =
        crate::policy::any_rule_def(&r.rule).map_or_else(|| Text::new(r.rule.clone(), r.rule.clone()), |d| d.title());
    tr2!("{}（{}）：{}", "{} ({}): {}";
        title.zh, r.clause, r.detail.zh;
        title.en, cite(Lang::En, &r.clause), r.detail.en)
}

/// Builds the plan. `cap` bounds the number of hypothetical institutions of each kind added
/// city-wide while counting what the rules could still accept.
pub fn annual_plan(scenario: &Scenario, policy: &Policy, today: Date, cap: usize) -> AnnualPlan {
    let mut builder = PlanBuilder::new(scenario, policy, today, cap);
    while builder.step() {}
    builder.finish()
}

/// Which part of the plan a `PlanBuilder` is working on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanPhase {
    /// Adding hypothetical pharmacies one at a time.
    Pharmacy,
    /// Adding hypothetical outpatient-only institutions one at a time.
    Outpatient,
    /// The county rows: inpatient status, bed allowance, area classes.
    Counties,
    Done,
}

/// How far a `PlanBuilder` has come, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct PlanProgress {
    pub phase: PlanPhase,
    /// Hypothetical institutions added so far in the current capacity run.
    pub added: usize,
    pub cap: usize,
    /// 0 to 1, never decreasing: each capacity run is counted as if it went to the cap.
    pub fraction: f64,
}

/// The annual plan built in small steps (one hypothetical institution, or the county rows, per
/// `step`), so that a browser can show progress and stay responsive between steps.
pub struct PlanBuilder<'a> {
    scenario: &'a Scenario,
    policy: &'a Policy,
    today: Date,
    cap: usize,
    pharmacy: CapacitySearch<'a>,
    outpatient: CapacitySearch<'a>,
    /// The judging date and the county rows, once done.
    counties: Option<(String, Vec<CountyPlan>)>,
}

impl<'a> PlanBuilder<'a> {
    pub fn new(scenario: &'a Scenario, policy: &'a Policy, today: Date, cap: usize) -> Self {
        // Cells by population, most populous first (ties by position).
        let mut order: Vec<usize> = (0..scenario.population_cells.len()).collect();
        order.sort_by(|&a, &b| {
            scenario.population_cells[b].population.cmp(&scenario.population_cells[a].population).then(a.cmp(&b))
        });
        let order = Rc::new(order);
        PlanBuilder {
            scenario,
            policy,
            today,
            cap,
            pharmacy: CapacitySearch::new(scenario, policy, today, SiteSpec::new(Kind::Pharmacy), cap, order.clone()),
            outpatient: CapacitySearch::new(scenario, policy, today, SiteSpec::new(Kind::Outpatient), cap, order),
            counties: None,
        }
    }

    /// Does one unit of work; `false` once the plan is complete.
    pub fn step(&mut self) -> bool {
        if self.pharmacy.done.is_none() {
            self.pharmacy.step();
        } else if self.outpatient.done.is_none() {
            self.outpatient.step();
        } else if self.counties.is_none() {
            self.counties = Some(self.county_rows());
        }
        self.counties.is_none()
    }

    pub fn progress(&self) -> PlanProgress {
        let run = |c: &CapacitySearch| {
            if c.done.is_some() {
                1.0
            } else {
                c.added.len() as f64 / (self.cap.max(1) + 1) as f64
            }
        };
        let (phase, added) = if self.pharmacy.done.is_none() {
            (PlanPhase::Pharmacy, self.pharmacy.added.len())
        } else if self.outpatient.done.is_none() {
            (PlanPhase::Outpatient, self.outpatient.added.len())
        } else if self.counties.is_none() {
            (PlanPhase::Counties, 0)
        } else {
            (PlanPhase::Done, 0)
        };
        let fraction =
            0.45 * run(&self.pharmacy) + 0.45 * run(&self.outpatient) + if self.counties.is_some() { 0.1 } else { 0.0 };
        PlanProgress { phase, added, cap: self.cap, fraction }
    }

    /// The plan; completes whatever steps are left first.
    pub fn finish(mut self) -> AnnualPlan {
        while self.step() {}
        let (as_of, counties) = self.counties.take().unwrap_or_default();
        AnnualPlan {
            as_of,
            preset: self.policy.preset.id.clone(),
            title: Text::new("新增定点医药机构年度受理计划", "annual acceptance plan for new designated institutions"),
            clause: PLAN_CLAUSE.to_string(),
            cap: self.cap,
            counties,
        }
    }

    fn county_rows(&self) -> (String, Vec<CountyPlan>) {
        let scenario = self.scenario;
        let work = Work::new(scenario, self.policy, self.today);
        let prep = work.prepared();
        let inpatient_template = SiteSpec::new(Kind::InpatientGeneral).template();
        let surface = prep.surface(&inpatient_template);
        let classes = prep.cell_area_classes();
        let cells = &scenario.population_cells;
        let pops = &prep.data.cell_population;
        let cell_county = &prep.data.cell_county;
        let as_of = prep.as_of.to_string();
        let (Some(pharmacy_run), Some(outpatient_run)) = (&self.pharmacy.done, &self.outpatient.done) else {
            return (as_of, Vec::new());
        };

        let mut counties = Vec::with_capacity(scenario.counties.len());
        for (ci, county) in scenario.counties.iter().enumerate() {
            let mine: Vec<usize> = (0..cells.len()).filter(|&k| cell_county[k] == ci as u32).collect();
            let cell_residents = mine.iter().fold(0u64, |a, &k| a.saturating_add(pops[k]));

            // Inpatient: decide at the most populous cell with the best outcome.
            let best = mine.iter().copied().min_by(|&a, &b| {
                rank(surface.outcomes[a]).cmp(&rank(surface.outcomes[b])).then(pops[b].cmp(&pops[a])).then(a.cmp(&b))
            });
            let app = match best {
                Some(k) => work.at(&inpatient_template, k),
                None => {
                    let (lon, lat) = centre(scenario);
                    placed(&inpatient_template, lon, lat, Some(&county.id), None)
                }
            };
            let decision = prep.decide(&app);
            let inpatient = inpatient_plan(county, &app, &decision);

            let beds = bed_allowance(&prep, county);

            let mut pharmacy_areas: Vec<AreaClassCount> =
                [AreaClass::Blank, AreaClass::Insufficient, AreaClass::Adequate, AreaClass::Saturated]
                    .into_iter()
                    .map(|class| AreaClassCount { class, label: class.label(), areas: 0, residents: 0 })
                    .collect();
            let mut seen = vec![false; prep.areas.keys.len()];
            for &k in &mine {
                let slot = pharmacy_areas.iter_mut().find(|c| c.class == classes[k]).expect("every class listed");
                slot.residents = slot.residents.saturating_add(pops[k]);
                let a = prep.areas.cell_area[k] as usize;
                if !seen[a] {
                    seen[a] = true;
                    slot.areas += 1;
                }
            }

            let pharmacy = pharmacy_run.capacity(ci, county, &mine);
            let outpatient = outpatient_run.capacity(ci, county, &mine);
            counties.push(CountyPlan {
                county: county.id.clone(),
                name: county.name.clone(),
                cell_residents,
                inpatient,
                beds,
                pharmacy_areas,
                pharmacy,
                outpatient,
            });
        }
        (as_of, counties)
    }
}

fn centre(s: &Scenario) -> (f64, f64) {
    let n = s.population_cells.len().max(1) as f64;
    if s.population_cells.is_empty() {
        return s.institutions.first().map_or((0.0, 0.0), |i| (i.lon, i.lat));
    }
    let (x, y) = s.population_cells.iter().fold((0.0, 0.0), |(x, y), c| (x + c.lon, y + c.lat));
    (x / n, y / n)
}

fn inpatient_plan(county: &crate::scenario::County, app: &Application, d: &crate::engine::Decision) -> InpatientPlan {
    let deciding_rule = d.deciding_rule().map(RuleRef::from);
    let rules: Vec<RuleRef> = d
        .rules
        .iter()
        .filter(|e| !matches!(e.verdict, Verdict::Pass | Verdict::NotApplicable))
        .map(RuleRef::from)
        .collect();
    let name = &county.name;
    let name_en = crate::place_names::county_label(Lang::En, name);
    let (status, text) = match (d.outcome, &deciding_rule) {
        (Outcome::Accepted | Outcome::Prioritized, _) => (
            InpatientStatus::Open,
            tr2!("{}本年度受理新增住院医保定点申请（在经度{}、纬度{}处申请的判定：{}）",
                "{}: new inpatient designations are open this year (an application at {}, {} is {})";
                name, num(app.lon, 5), num(app.lat, 5), d.outcome.label().zh;
                name_en, num(app.lon, 5), num(app.lat, 5), d.outcome.label().en),
        ),
        (Outcome::Suspended, r) => {
            let why = r.as_ref().map(rule_text).unwrap_or_default();
            (
                InpatientStatus::Suspended,
                tr2!("暂停{}本年度新增住院医保定点受理评估：{}", "{}: new inpatient designations are suspended this year: {}";
                    name, why.zh; name_en, why.en),
            )
        }
        (Outcome::Undetermined, r) => {
            // The switch by its label, never its id.
            let switch = r
                .as_ref()
                .and_then(|r| r.switch.as_deref())
                .and_then(crate::policy::param_def)
                .map(|d| d.label())
                .unwrap_or_else(|| Text::new("", ""));
            let why = r.as_ref().map(rule_text).unwrap_or_default();
            (
                InpatientStatus::Undetermined,
                tr2!("{}新增住院医保定点：条文未规定，取决于开关“{}”。{}", "{}: new inpatient designations are undetermined; the text is silent and the switch “{}” decides. {}";
                    name, switch.zh, why.zh; name_en, switch.en, why.en),
            )
        }
        (Outcome::Rejected, r) => {
            let why = r.as_ref().map(rule_text).unwrap_or_default();
            (
                InpatientStatus::Closed,
                tr2!("{}县域内任何人口网格处的新增住院申请均不予受理：{}", "{}: a new inpatient application is rejected at every population cell of the county: {}";
                    name, why.zh; name_en, why.en),
            )
        }
    };
    InpatientPlan { status, text, lon: app.lon, lat: app.lat, outcome: d.outcome, deciding_rule, rules }
}

/// (measured − actual) per 1,000 × the county's residents ÷ 1000.
pub fn bed_allowance(prep: &Prepared, county: &crate::scenario::County) -> BedAllowance {
    let f = prep.figures.county(&county.id);
    let measured = f.and_then(|f| f.measured_beds_per_1000);
    let actual = f.and_then(|f| f.actual_beds_per_1000);
    let residents = county.resident_population;
    let name = &county.name;
    let name_en = crate::place_names::county_label(Lang::En, name);
    let (beds, text) = match (measured, actual, residents) {
        (Some(m), Some(a), Some(r)) if m > a => {
            let beds = (m - a) * r as f64 / 1000.0;
            (
                Some(beds),
                tr2!("{}定点床位额度 =（测算值 {} − 实际值 {}）张/千人 × 常住人口 {} ÷ 1000 = {} 张",
                    "{}: designated-bed allowance = (measured {} − actual {}) per 1,000 × {} residents ÷ 1000 = {} beds";
                    name, num(m, 4), num(a, 4), thousands(r), num(beds, 1);
                    name_en, num(m, 4), num(a, 4), thousands(r), num(beds, 1)),
            )
        }
        (Some(m), Some(a), _) => (
            Some(0.0),
            tr2!("{}测算值 {} ≤ 实际值 {}（张/千人），无新增定点床位额度", "{}: measured {} ≤ actual {} per 1,000, so no designated-bed allowance";
                name, num(m, 4), num(a, 4); name_en, num(m, 4), num(a, 4)),
        ),
        _ => {
            let mut missing: Vec<String> = f.map(|f| f.missing.clone()).unwrap_or_default();
            if residents.is_none() && !missing.iter().any(|m| m.ends_with("resident_population")) {
                missing.push(format!("counties[{}].resident_population", county.id));
            }
            let list = missing.join(", ");
            (
                None,
                tr2!("{}缺少床位测算所需数据（{}），无法计算定点床位额度", "{}: the bed figures lack inputs ({}), so no allowance can be computed";
                    name, list; name_en, list),
            )
        }
    };
    let mut rests_on = vec![BED_ALLOWANCE_ASSUMPTION];
    rests_on.extend(prep.figures.county_readings_of(&county.id, "measured_beds_per_1000").iter().map(|r| r.id));
    let target = num(prep.policy.params.target_beds_per_1000, 2);
    let label =
        |id: &str| crate::policy::readings::label_of(id).unwrap_or_else(|| Text::new(id.to_string(), id.to_string()));
    let then = if rests_on.len() > 1 {
        let names: Vec<Text> = rests_on[1..].iter().map(|id| label(id)).collect();
        let zh = names.iter().map(|n| format!("“{}”", n.zh)).collect::<Vec<_>>().join("、");
        let en = names.iter().map(|n| format!("“{}”", n.en)).collect::<Vec<_>>().join(", ");
        tr2!("测算值本身也依据解读：{}", " The measured value rests on readings too: {}"; zh; en)
    } else {
        Text::new("", "")
    };
    let reading = tr2!(
        "定点床位额度是模拟器的算术，不是原文（假设“{}”）：三(一)1(2)只说“各县区基本医保定点床位数实行分县区配置管理”，未给配置方法。模拟器以县区测算值与县区实际值相比（不是与目标值 {} 相比）：额度 =（测算值 − 实际值）× 常住人口 ÷ 1000；原文在全市测算值高于目标值和实际值时才实行分县区配置，额度则对每个县区照算。{}",
        "the designated-bed allowance is the simulator's arithmetic, not the text's (assumption “{}”): Sec. III(1)1(2) says only “each county's designated beds are allocated county by county” and gives no method. The simulator compares the county's measured value with its actual value (not with the target {}): allowance = (measured − actual) × residents ÷ 1000; the text allocates by county only when the city's measured value is above both target and actual, while the allowance is worked out for every county.{}";
        label(BED_ALLOWANCE_ASSUMPTION).zh, target, then.zh;
        label(BED_ALLOWANCE_ASSUMPTION).en, target, then.en
    );
    BedAllowance {
        measured_per_1000: measured,
        actual_per_1000: actual,
        residents,
        beds,
        whole_beds: beds.map(|b| b.floor().max(0.0) as u64),
        text,
        clause: BEDS_CLAUSE.to_string(),
        assumption: BED_ALLOWANCE_ASSUMPTION,
        compares_against: "actual_per_1000",
        rests_on,
        reading,
    }
}

/// A city-wide run adding, one at a time, a hypothetical designated institution at the most
/// populous cell the rules accept, until none is accepted or the cap is reached.
struct CapacityRun {
    spec: SiteSpec,
    /// The cell of every institution added.
    added: Vec<usize>,
    capped: bool,
    /// The deciding rule at every cell once the run ended (only for cells not open).
    final_outcomes: Vec<Outcome>,
    final_reasons: Vec<(usize, RuleRef)>,
}

/// A `CapacityRun` in progress: one institution added per `step`.
struct CapacitySearch<'a> {
    work: Work<'a>,
    spec: SiteSpec,
    template: Application,
    cap: usize,
    /// Cells by population, most populous first.
    order: Rc<Vec<usize>>,
    added: Vec<usize>,
    done: Option<CapacityRun>,
}

impl<'a> CapacitySearch<'a> {
    fn new(
        scenario: &Scenario,
        policy: &'a Policy,
        today: Date,
        spec: SiteSpec,
        cap: usize,
        order: Rc<Vec<usize>>,
    ) -> Self {
        CapacitySearch {
            work: Work::new(scenario, policy, today),
            spec,
            template: spec.template(),
            cap,
            order,
            added: Vec::new(),
            done: None,
        }
    }

    fn step(&mut self) {
        if self.done.is_some() {
            return;
        }
        let prep = self.work.prepared();
        let surface = prep.surface(&self.template);
        let pick = self.order.iter().copied().find(|&k| open(surface.outcomes[k]));
        match pick {
            Some(k) if self.added.len() < self.cap => {
                drop(prep);
                self.work.add(&self.template, k);
                self.added.push(k);
            }
            _ => {
                let capped = pick.is_some();
                // Why no more, per county: the deciding rule at its most populous closed cell.
                let mut final_reasons = Vec::new();
                let mut seen = vec![false; self.work.scenario.counties.len()];
                for &k in self.order.iter() {
                    let c = prep.data.cell_county[k];
                    if c == u32::MAX || seen[c as usize] || open(surface.outcomes[k]) {
                        continue;
                    }
                    seen[c as usize] = true;
                    if let Some(r) = prep.decide(&self.work.at(&self.template, k)).deciding_rule() {
                        final_reasons.push((c as usize, RuleRef::from(r)));
                    }
                }
                let final_outcomes = surface.outcomes;
                self.done = Some(CapacityRun {
                    spec: self.spec,
                    added: self.added.clone(),
                    capped,
                    final_outcomes,
                    final_reasons,
                });
            }
        }
    }
}

impl CapacityRun {
    fn capacity(&self, ci: usize, county: &crate::scenario::County, mine: &[usize]) -> Capacity {
        let n = self.added.iter().filter(|k| mine.binary_search(k).is_ok()).count() as u64;
        let open_left = mine.iter().any(|&k| open(self.final_outcomes[k]));
        let limited_by = self.final_reasons.iter().find(|(c, _)| *c == ci).map(|(_, r)| r.clone());
        let kind = self.spec.kind.label();
        let name = &county.name;
        let name_en = crate::place_names::county_label(Lang::En, name);
        let mut text = tr2!("{}：按现行规则逐个检验，还可受理新增{} {} 家", "{}: tested one by one, the rules could accept {} more new {}(s)";
            name, kind.zh, n; name_en, n, kind.en);
        if self.capped && open_left {
            text = text.join(&tr2!("已达上限 {} 家（全市），实际可能更多", "the city-wide cap of {} was reached; there may be more"; self.added.len(); self.added.len()));
        }
        if let (Some(r), false) = (&limited_by, self.capped && open_left) {
            text = text.join(&tr2!("此后受限于{}", "then limited by {}"; rule_text(r).zh; rule_text(r).en));
        }
        Capacity { spec: self.spec, new_institutions: n, capped: self.capped && open_left, text, limited_by }
    }
}

// ---------------------------------------------------------------------------------------------
// Suggested sites

/// One suggested (or randomly drawn) site.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Site {
    pub lon: f64,
    pub lat: f64,
    /// Index of the population cell whose centre the site is.
    pub cell: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
    /// The outcome the rules gave the site when it was picked.
    pub outcome: Outcome,
    /// Residents newly within the service radius of a designated institution of the kind.
    pub added_population: u64,
    /// Running total of residents added by this and the earlier sites.
    pub total_added: u64,
}

/// Greedy maximum coverage (or random picks) over the acceptance surface, one site per `step`,
/// the surface recomputed after each site is added as a designated institution.
pub struct SiteSearch<'a> {
    work: Work<'a>,
    spec: SiteSpec,
    template: Application,
    covered: Vec<bool>,
    rng: Option<Pcg64Mcg>,
    sites: Vec<Site>,
    finished: bool,
}

impl<'a> SiteSearch<'a> {
    /// Each step picks the accepted or prioritized cell whose circle adds the most residents not
    /// yet covered.
    pub fn greedy(scenario: &Scenario, policy: &'a Policy, today: Date, spec: SiteSpec) -> Self {
        Self::build(scenario, policy, today, spec, None)
    }

    /// Each step picks an accepted or prioritized cell at random (seeded).
    pub fn random(scenario: &Scenario, policy: &'a Policy, today: Date, spec: SiteSpec, seed: u64) -> Self {
        Self::build(scenario, policy, today, spec, Some(Pcg64Mcg::seed_from_u64(seed)))
    }

    fn build(scenario: &Scenario, policy: &'a Policy, today: Date, spec: SiteSpec, rng: Option<Pcg64Mcg>) -> Self {
        let work = Work::new(scenario, policy, today);
        let mut covered = vec![false; scenario.population_cells.len()];
        let r = policy.params.service_radius_m;
        for i in scenario.institutions.iter().filter(|i| spec.serves(i)) {
            work.base.cells.within_ids(i.lon, i.lat, r, |c| {
                covered[c] = true;
                true
            });
        }
        SiteSearch { work, spec, template: spec.template(), covered, rng, sites: Vec::new(), finished: false }
    }

    pub fn spec(&self) -> SiteSpec {
        self.spec
    }

    /// Residents already covered before any suggestion.
    pub fn covered_population(&self) -> u64 {
        let pops = &self.work.base.cell_population;
        self.covered.iter().zip(pops).filter(|(c, _)| **c).fold(0u64, |a, (_, &p)| a.saturating_add(p))
    }

    pub fn sites(&self) -> &[Site] {
        &self.sites
    }

    pub fn total_added(&self) -> u64 {
        self.sites.last().map_or(0, |s| s.total_added)
    }

    /// No cell is accepted any more.
    pub fn finished(&self) -> bool {
        self.finished
    }

    /// Adds one site; `None` once no cell is accepted.
    pub fn step(&mut self) -> Option<&Site> {
        if self.finished {
            return None;
        }
        let radius = self.work.policy.params.service_radius_m;
        let (k, outcome) = {
            let prep = self.work.prepared();
            let surface = prep.surface(&self.template);
            let candidates: Vec<usize> = (0..surface.outcomes.len()).filter(|&k| open(surface.outcomes[k])).collect();
            if candidates.is_empty() {
                self.finished = true;
                return None;
            }
            let k = match &mut self.rng {
                Some(rng) => candidates[(rng.next_u64() % candidates.len() as u64) as usize],
                None => {
                    let cells = &self.work.scenario.population_cells;
                    let mut best = (0u64, 0u64, usize::MAX);
                    for &k in &candidates {
                        let gain = self.gain(k, radius);
                        let key = (gain, cells[k].population);
                        if best.2 == usize::MAX || key > (best.0, best.1) {
                            best = (gain, cells[k].population, k);
                        }
                    }
                    best.2
                }
            };
            (k, surface.outcomes[k])
        };
        let c = &self.work.scenario.population_cells[k];
        let (lon, lat) = (c.lon, c.lat);
        let county = c.county.clone();
        let mut added = 0u64;
        let pops = &self.work.base.cell_population;
        let covered = &mut self.covered;
        self.work.base.cells.within_ids(lon, lat, radius, |i| {
            if !covered[i] {
                covered[i] = true;
                added = added.saturating_add(pops[i]);
            }
            true
        });
        self.work.add(&self.template, k);
        let total_added = self.total_added().saturating_add(added);
        self.sites.push(Site { lon, lat, cell: k, county, outcome, added_population: added, total_added });
        self.sites.last()
    }

    /// Residents within the radius of cell `k` not yet covered.
    fn gain(&self, k: usize, radius: f64) -> u64 {
        let c = &self.work.scenario.population_cells[k];
        let pops = &self.work.base.cell_population;
        let mut g = 0u64;
        self.work.base.cells.within_ids(c.lon, c.lat, radius, |i| {
            if !self.covered[i] {
                g = g.saturating_add(pops[i]);
            }
            true
        });
        g
    }
}

/// One run of K picks.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SiteRun {
    pub sites: Vec<Site>,
    /// K → total residents added, for K = 1..=sites.len().
    pub curve: Vec<u64>,
    /// Fewer than K sites: the rules accepted no further cell.
    pub exhausted: bool,
}

/// Suggested sites and the comparison with random accepted sites.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Suggestions {
    pub spec: SiteSpec,
    pub k: usize,
    pub service_radius_m: f64,
    /// Residents already within the radius of a designated institution of the kind.
    pub covered_before: u64,
    pub population: u64,
    pub greedy: SiteRun,
    pub seed: u64,
    pub random: SiteRun,
    pub text: Text,
}

fn run(mut search: SiteSearch, k: usize) -> SiteRun {
    while search.sites().len() < k && search.step().is_some() {}
    let exhausted = search.sites().len() < k;
    let sites = search.sites;
    let curve = sites.iter().map(|s| s.total_added).collect();
    SiteRun { sites, curve, exhausted }
}

/// Up to `k` sites the current rules accept, chosen greedily to add the most covered residents,
/// and `k` random accepted sites (seeded) for comparison.
pub fn suggest_sites(
    scenario: &Scenario,
    policy: &Policy,
    today: Date,
    spec: SiteSpec,
    k: usize,
    seed: u64,
) -> Suggestions {
    let greedy = SiteSearch::greedy(scenario, policy, today, spec);
    let covered_before = greedy.covered_population();
    let greedy = run(greedy, k);
    let random = run(SiteSearch::random(scenario, policy, today, spec, seed), k);
    let population = scenario.population_cells.iter().fold(0u64, |a, c| a.saturating_add(c.population));
    let (g, r) = (greedy.curve.last().copied().unwrap_or(0), random.curve.last().copied().unwrap_or(0));
    let kind = spec.kind.label();
    let text = tr2!(
        "按最大覆盖贪心选出 {} 个可受理的{}点位，新增覆盖 {} 人；随机选取 {} 个可受理点位（种子 {}）新增覆盖 {} 人",
        "{} accepted sites for a new {} chosen greedily for coverage add {} residents; {} random accepted sites (seed {}) add {}";
        greedy.sites.len(), kind.zh, thousands(g), random.sites.len(), seed, thousands(r);
        greedy.sites.len(), kind.en, thousands(g), random.sites.len(), seed, thousands(r)
    );
    Suggestions {
        spec,
        k,
        service_radius_m: policy.params.service_radius_m,
        covered_before,
        population,
        greedy,
        seed,
        random,
        text,
    }
}
