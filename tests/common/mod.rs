//! A small builder for the rule tests: a city with figures, counties, institutions placed at a
//! bearing and distance from an origin, and one application; plus assertions on the trace.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub mod cli;

use dingdian::date::Date;
use dingdian::policy::Policy;
use dingdian::scenario::{
    resolve_policy, validate, Application, Categories, Category, Change, City, County, Discharges, Fund, Institution,
    KeyLevel, KeyProject, Kind, NegativeList, NegativeReason, PolicyRef, PopulationCell, Scenario, Scope, Specialty,
    Subtype,
};
use dingdian::spatial::{haversine_m, EARTH_RADIUS_M};
use dingdian::{Decision, Evaluation, Outcome, TraceEntry, Verdict};
use serde_json::Value;

/// Where applications are placed unless a test says otherwise (the DESIGN §3 pharmacy p-001).
pub const ORIGIN: (f64, f64) = (118.35, 35.05);

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures().join(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

// ---------------------------------------------------------------------------------------------
// Geometry

/// The point `dist_m` metres from `from` along the initial bearing `bearing_deg` (clockwise from
/// north), on the engine's sphere: its haversine distance from `from` is `dist_m` to ~1e-6 m.
pub fn destination(from: (f64, f64), bearing_deg: f64, dist_m: f64) -> (f64, f64) {
    let d = dist_m / EARTH_RADIUS_M;
    let b = bearing_deg.to_radians();
    let (lon1, lat1) = (from.0.to_radians(), from.1.to_radians());
    let lat2 = (lat1.sin() * d.cos() + lat1.cos() * d.sin() * b.cos()).asin();
    let lon2 = lon1 + (b.sin() * d.sin() * lat1.cos()).atan2(d.cos() - lat1.sin() * lat2.sin());
    (lon2.to_degrees(), lat2.to_degrees())
}

/// A point at a bearing and distance from `ORIGIN`.
pub fn at(bearing_deg: f64, dist_m: f64) -> (f64, f64) {
    destination(ORIGIN, bearing_deg, dist_m)
}

pub fn dist(a: (f64, f64), b: (f64, f64)) -> f64 {
    haversine_m(a.0, a.1, b.0, b.1)
}

// ---------------------------------------------------------------------------------------------
// Institutions and applications

pub fn inst(id: &str, kind: Kind, p: (f64, f64)) -> Institution {
    Institution {
        id: id.to_string(),
        name: None,
        kind,
        category: None,
        specialty: None,
        subtype: None,
        integrated: None,
        lon: p.0,
        lat: p.1,
        county: None,
        area: None,
        designated: true,
        beds: None,
        provides_outpatient: None,
    }
}

pub fn pharmacy(id: &str, cats: &[Category], p: (f64, f64)) -> Institution {
    let mut i = inst(id, Kind::Pharmacy, p);
    i.category = Some(Categories::of(cats));
    i
}

pub fn hospital(id: &str, p: (f64, f64)) -> Institution {
    inst(id, Kind::InpatientGeneral, p)
}

pub fn specialty_hospital(id: &str, s: Specialty, p: (f64, f64)) -> Institution {
    let mut i = inst(id, Kind::InpatientSpecialty, p);
    i.specialty = Some(s);
    i
}

pub fn clinic(id: &str, p: (f64, f64)) -> Institution {
    inst(id, Kind::Outpatient, p)
}

pub trait InstExt: Sized {
    fn undesignated(self) -> Self;
    fn outpatient(self, provides: bool) -> Self;
    fn area(self, a: &str) -> Self;
    fn county(self, c: &str) -> Self;
}

impl InstExt for Institution {
    fn undesignated(mut self) -> Self {
        self.designated = false;
        self
    }
    fn outpatient(mut self, provides: bool) -> Self {
        self.provides_outpatient = Some(provides);
        self
    }
    fn area(mut self, a: &str) -> Self {
        self.area = Some(a.to_string());
        self
    }
    fn county(mut self, c: &str) -> Self {
        self.county = Some(c.to_string());
        self
    }
}

/// A blank application "a-1" of a kind at a point: every fact unstated.
pub fn application(kind: Kind, p: (f64, f64)) -> Application {
    Application::new("a-1", kind, p.0, p.1)
}

pub fn pharmacy_app(cats: &[Category], p: (f64, f64)) -> Application {
    let mut a = application(Kind::Pharmacy, p);
    a.category = Some(Categories::of(cats));
    a
}

/// Chainable edits of an application.
pub trait AppExt: Sized {
    fn with(self, f: impl FnOnce(&mut Application)) -> Self;
    /// States the national facts so that every `national.*` rule passes (no beds stated).
    fn eligible(self) -> Self;
    fn beds(self, beds: u64) -> Self;
    fn staff(self, n: u64) -> Self;
    fn key(self, level: Option<KeyLevel>) -> Self;
    fn subtype(self, s: Subtype) -> Self;
    fn integrated(self) -> Self;
    fn specialty(self, s: Specialty) -> Self;
    fn county(self, c: &str) -> Self;
    fn area(self, a: &str) -> Self;
    fn negative(self, reason: NegativeReason, since: &str) -> Self;
    fn address_change(self, institution_id: Option<&str>) -> Self;
    fn scope(self, s: Scope) -> Self;
}

impl AppExt for Application {
    fn with(mut self, f: impl FnOnce(&mut Application)) -> Self {
        f(&mut self);
        self
    }
    fn eligible(mut self) -> Self {
        self.operating_months = Some(12.0);
        if self.kind == Kind::Pharmacy {
            self.pharmacists = Some(1);
        } else {
            self.physicians = Some(2);
        }
        self
    }
    fn beds(mut self, beds: u64) -> Self {
        self.beds = Some(beds);
        self
    }
    fn staff(mut self, n: u64) -> Self {
        self.insurance_office_staff = Some(n);
        self
    }
    fn key(mut self, level: Option<KeyLevel>) -> Self {
        self.key_project = Some(KeyProject(level));
        self
    }
    fn subtype(mut self, s: Subtype) -> Self {
        self.subtype = Some(s);
        self
    }
    fn integrated(mut self) -> Self {
        self.integrated = Some(true);
        self
    }
    fn specialty(mut self, s: Specialty) -> Self {
        self.specialty = Some(s);
        self
    }
    fn county(mut self, c: &str) -> Self {
        self.county = Some(c.to_string());
        self
    }
    fn area(mut self, a: &str) -> Self {
        self.area = Some(a.to_string());
        self
    }
    fn negative(mut self, reason: NegativeReason, since: &str) -> Self {
        self.negative_list = Some(NegativeList { reason, since: since.to_string(), switch: None });
        self
    }
    fn address_change(mut self, institution_id: Option<&str>) -> Self {
        self.change = Change::AddressChange;
        self.institution_id = institution_id.map(str::to_string);
        self
    }
    fn scope(mut self, s: Scope) -> Self {
        self.scope = s;
        self
    }
}

// ---------------------------------------------------------------------------------------------
// Scenarios

/// The city of DESIGN.md §3 (illustrative figures): measured 8.8128, target 7.45, actual 7.80;
/// funds sound (14.2 and 7.5 months, no deficit, no warning letter).
pub fn linyi_city() -> City {
    City {
        name: "临沂市".into(),
        resident_population: Some(10_848_400),
        open_beds: Some(84_634),
        insured: Some(10_200_000),
        admissions: Some(2_650_000),
        avg_stay_days: Some(8.9),
        bed_utilisation: Some(0.82),
        discharges: Some(Discharges { local_local: 2_500_000, local_elsewhere: 150_000, nonlocal_local: 60_000 }),
        fund: Some(Fund {
            employee_months: Some(14.2),
            resident_months: Some(7.5),
            employee_deficit: Some(false),
            resident_deficit: Some(false),
            warning_letter: Some(false),
        }),
    }
}

/// 兰山区 of DESIGN.md §3: measured 8.3805 with the city's coefficients.
pub fn lanshan() -> County {
    County {
        id: "lanshan".into(),
        name: "兰山区".into(),
        resident_population: Some(1_837_789),
        open_beds: Some(15_000),
        insured: Some(1_700_000),
        admissions: Some(420_000),
        avg_stay_days: Some(8.9),
        bed_utilisation: Some(0.82),
        discharges: None,
    }
}

/// A county whose measured value before coefficients is exactly `raw` beds per 1,000 insured
/// (365-day stays at full utilisation: required beds = admissions).
pub fn county_measuring(id: &str, raw: f64) -> County {
    County {
        id: id.into(),
        name: format!("{id}县"),
        resident_population: Some(1_000_000),
        open_beds: Some(7_000),
        insured: Some(1_000_000),
        admissions: Some((raw * 1000.0).round() as u64),
        avg_stay_days: Some(365.0),
        bed_utilisation: Some(1.0),
        discharges: None,
    }
}

pub struct Sc {
    pub s: Scenario,
}

impl Sc {
    pub fn preset(id: &str, city: City) -> Sc {
        Sc {
            s: Scenario {
                policy: PolicyRef { preset: Some(id.into()), ..Default::default() },
                city,
                counties: vec![],
                institutions: vec![].into(),
                applications: vec![],
                population_cells: vec![].into(),
                as_of: Some("2026-03-01".into()),
            },
        }
    }

    /// linyi-2025 with the DESIGN §3 city and 兰山区.
    pub fn linyi() -> Sc {
        let mut sc = Sc::preset("linyi-2025", linyi_city());
        sc.s.counties.push(lanshan());
        sc
    }

    /// xian-2025; Xi'an publishes no bed or fund figures, so the city has only a name.
    pub fn xian() -> Sc {
        Sc::preset("xian-2025", City { name: "西安市".into(), ..Default::default() })
    }

    /// A parameter, switch or rule override (`"service_radius_m"`, `"fund.deficit"`).
    pub fn set(mut self, key: &str, v: impl Into<Value>) -> Sc {
        self.s.policy.overrides.insert(key.to_string(), v.into());
        self
    }

    pub fn inst(mut self, i: Institution) -> Sc {
        self.s.institutions.push(i);
        self
    }

    pub fn app(mut self, a: Application) -> Sc {
        self.s.applications.push(a);
        self
    }

    pub fn county(mut self, c: County) -> Sc {
        self.s.counties.push(c);
        self
    }

    pub fn cell(mut self, p: (f64, f64), population: u64) -> Sc {
        self.s.population_cells.push(PopulationCell { lon: p.0, lat: p.1, population, county: None, area: None });
        self
    }

    pub fn area_cell(mut self, p: (f64, f64), population: u64, area: &str) -> Sc {
        self.s.population_cells.push(PopulationCell {
            lon: p.0,
            lat: p.1,
            population,
            county: None,
            area: Some(area.to_string()),
        });
        self
    }

    pub fn city(mut self, f: impl FnOnce(&mut City)) -> Sc {
        f(&mut self.s.city);
        self
    }

    pub fn fund(mut self, f: impl FnOnce(&mut Fund)) -> Sc {
        let mut fund = self.s.city.fund.unwrap_or_default();
        f(&mut fund);
        self.s.city.fund = Some(fund);
        self
    }

    pub fn as_of(mut self, d: &str) -> Sc {
        self.s.as_of = Some(d.to_string());
        self
    }

    /// Makes the city's measured value `measured` exactly (coefficients 1: fund months at the
    /// minimum, balanced discharges) and its actual value `actual`.
    pub fn city_figures(self, measured: f64, actual: f64) -> Sc {
        self.city(|c| {
            c.resident_population = Some(10_000_000);
            c.open_beds = Some((actual * 10_000.0).round() as u64);
            c.insured = Some(1_000_000);
            c.admissions = Some((measured * 1000.0).round() as u64);
            c.avg_stay_days = Some(365.0);
            c.bed_utilisation = Some(1.0);
            c.discharges = Some(Discharges { local_local: 1_000, local_elsewhere: 100, nonlocal_local: 100 });
            c.fund = Some(Fund {
                employee_months: Some(12.0),
                resident_months: Some(6.0),
                employee_deficit: Some(false),
                resident_deficit: Some(false),
                warning_letter: Some(false),
            });
        })
    }

    pub fn policy(&self) -> Policy {
        resolve_policy(&self.s, load_fixture).unwrap_or_else(|e| panic!("policy: {e}"))
    }

    pub fn try_policy(&self) -> Result<Policy, String> {
        resolve_policy(&self.s, load_fixture).map_err(|e| e.message)
    }

    /// Validates the scenario as the command line would, then evaluates it.
    pub fn eval(&self) -> Evaluation {
        if let Err(e) = validate(&self.s) {
            panic!("the test built an invalid scenario: {e}");
        }
        dingdian::evaluate(&self.s, &self.policy(), Date::new(2026, 3, 1).unwrap())
    }

    /// The gaps report of the scenario's decisions (no acceptance surface).
    #[allow(dead_code)]
    pub fn gaps(&self) -> dingdian::review::GapsReport {
        let policy = self.policy();
        let prep = dingdian::engine::prepared::Prepared::new(&self.s, &policy, Date::new(2026, 3, 1).unwrap());
        let decisions: Vec<Decision> = self.s.applications.iter().map(|a| prep.decide(a)).collect();
        dingdian::review::gaps(&prep, &decisions, None, &[])
    }

    /// The decision on the one application of the scenario.
    pub fn decide(&self) -> Decision {
        let e = self.eval();
        assert_eq!(e.decisions.len(), 1, "the scenario has one application");
        e.decisions.into_iter().next().unwrap()
    }
}

fn load_fixture(file: &str) -> Result<String, String> {
    std::fs::read_to_string(fixtures().join(file)).map_err(|e| e.to_string())
}

// ---------------------------------------------------------------------------------------------
// Assertions

pub fn show(d: &Decision) -> String {
    let mut s = format!("decision {} → {:?}\n", d.id, d.outcome);
    for e in &d.rules {
        s += &format!(
            "  {:<30} {:<14} {:<16} {}{}{}{}\n",
            e.rule,
            e.clause,
            e.verdict.id(),
            e.detail.zh,
            e.switch.as_ref().map(|x| format!(" [switch {x}]")).unwrap_or_default(),
            e.exempted_by.as_ref().map(|x| format!(" [exempted_by {x}]")).unwrap_or_default(),
            e.note.as_ref().map(|n| format!(" [note {}]", n.zh)).unwrap_or_default(),
        );
    }
    s
}

pub fn entry<'a>(d: &'a Decision, rule: &str) -> &'a TraceEntry {
    d.rules.iter().find(|e| e.rule == rule).unwrap_or_else(|| panic!("no trace entry for {rule}\n{}", show(d)))
}

pub fn has_entry(d: &Decision, rule: &str) -> bool {
    d.rules.iter().any(|e| e.rule == rule)
}

/// Asserts the entry of `rule`: its verdict, its clause, and that the detail carries every
/// needle in both languages (the deciding numbers).
pub fn rule<'a>(d: &'a Decision, rule: &str, verdict: Verdict, clause: &str, needles: &[&str]) -> &'a TraceEntry {
    let e = entry(d, rule);
    assert_eq!(e.verdict, verdict, "verdict of {rule}\n{}", show(d));
    assert_eq!(&*e.clause, clause, "clause of {rule}\n{}", show(d));
    for n in needles {
        assert!(
            e.detail.zh.contains(n) && e.detail.en.contains(n),
            "detail of {rule} lacks {n:?}: zh {:?} / en {:?}",
            e.detail.zh,
            e.detail.en
        );
    }
    e
}

/// Asserts the entry's detail (zh) contains a Chinese phrase.
pub fn zh_has(e: &TraceEntry, phrase: &str) {
    assert!(e.detail.zh.contains(phrase), "{}: detail {:?} lacks {phrase:?}", e.rule, e.detail.zh);
}

pub fn note_has(e: &TraceEntry, phrase: &str) {
    let n = e.note.as_ref().unwrap_or_else(|| panic!("{} has no note", e.rule));
    assert!(n.zh.contains(phrase) || n.en.contains(phrase), "{}: note {:?} lacks {phrase:?}", e.rule, n);
}

pub fn outcome(d: &Decision, o: Outcome) {
    assert_eq!(d.outcome, o, "outcome\n{}", show(d));
}

/// A `not_applicable` entry that names the missing field.
pub fn missing<'a>(d: &'a Decision, rule_id: &str, clause: &str, field: &str) -> &'a TraceEntry {
    let e = rule(d, rule_id, Verdict::NotApplicable, clause, &[field]);
    assert!(e.detail.zh.contains("缺少") && e.detail.en.contains("missing"), "{rule_id}: {:?}", e.detail);
    e
}

pub fn close(got: Option<f64>, want: f64, tol: f64, what: &str) {
    let g = got.unwrap_or_else(|| panic!("{what} is null"));
    assert!((g - want).abs() <= tol, "{what}: got {g}, want {want} ± {tol}");
}
