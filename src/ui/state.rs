//! The app's state and its reducer. Every user intent is an `Action`; the reducer checks the
//! input, applies it or records a field-level message, and re-runs the engine (which is pure)
//! whenever the policy or the scenario changed. Components only render this state.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde_json::Value;
use yew::Reducible;

use super::i18n::{self as i, T};
use crate::date::Date;
use crate::engine::{evaluate, Evaluation};
use crate::policy::{builtin_presets, param_def, rule_def, ParamKind, Policy, Preset};
use crate::scenario::{
    Application, Categories, Category, Change, City, County, Discharges, KeyLevel, KeyProject, Kind, NegativeList,
    NegativeReason, Scenario, Scope, Specialty, Subtype,
};
use crate::text::{Lang, Text};

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub presets: Rc<Vec<Preset>>,
    pub preset_idx: usize,
    /// Parameter, switch or rule id → value; only values that differ from the preset.
    pub overrides: BTreeMap<String, Value>,
    pub policy: Rc<Policy>,
    pub scenario: Rc<Scenario>,
    pub evaluation: Rc<Evaluation>,
    /// Index into `scenario.applications`.
    pub selected: usize,
    /// Field-level messages: `param:<id>`, `city:<field>`, `county:<id>:<field>`, `app:<field>`.
    pub errors: BTreeMap<String, Text>,
    /// Bumped when inputs must be re-created from the state (reset, preset switch, another
    /// application): an input the user typed an invalid value into keeps it until then.
    pub rev: u64,
    pub next_app: u32,
    pub today: Date,
}

pub enum Action {
    SetLang(Lang),
    SetPreset(String),
    /// Raw input of a parameter or switch.
    SetParam(&'static str, String),
    ResetParam(&'static str),
    ToggleRule(&'static str, bool),
    /// `city` field path (`open_beds`, `discharges.local_local`, `fund.employee_months` …), raw input.
    SetCity(&'static str, String),
    /// County index, field path, raw input.
    SetCounty(usize, &'static str, String),
    /// Application field of the selected application, raw input.
    SetApp(&'static str, String),
    ToggleCategory(Category, bool),
    SelectApp(usize),
    NewApp,
    RemoveApp,
    SetAsOf(String),
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
        let evaluation = evaluate(&scenario, &policy, today);
        let next_app = scenario.applications.len() as u32 + 1;
        State {
            lang: Lang::Zh,
            presets: Rc::new(presets),
            preset_idx,
            overrides,
            policy: Rc::new(policy),
            scenario: Rc::new(scenario),
            evaluation: Rc::new(evaluation),
            selected: 0,
            errors: BTreeMap::new(),
            rev: 0,
            next_app,
            today,
        }
    }

    pub fn preset(&self) -> &Preset {
        &self.presets[self.preset_idx]
    }

    pub fn application(&self) -> Option<&Application> {
        self.scenario.applications.get(self.selected)
    }

    pub fn error(&self, key: &str) -> Option<&Text> {
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

    fn recompute(&mut self) {
        if let Ok(p) = Policy::resolve(self.preset(), &self.overrides, "policy.overrides") {
            self.policy = Rc::new(p);
        }
        let mut sc = (*self.scenario).clone();
        sc.policy.preset = Some(self.preset().id.clone());
        sc.policy.file = None;
        sc.policy.inline = None;
        sc.policy.overrides = self.overrides.clone();
        self.scenario = Rc::new(sc);
        self.evaluation = Rc::new(evaluate(&self.scenario, &self.policy, self.today));
    }

    fn set_param(&mut self, id: &'static str, raw: &str) {
        let key = format!("param:{id}");
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
                        self.errors.remove(&format!("param:{t}"));
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
                    e.zh.push_str(&format!("（与“{}”冲突）", o.zh));
                    e.en.push_str(&format!(" (conflicts with “{}”)", o.en));
                }
                self.errors.insert(key, e);
            }
        }
    }

    fn toggle_rule(&mut self, id: &'static str, on: bool) {
        if rule_def(id).is_none() {
            return;
        }
        let in_preset = self.preset().rules.iter().any(|r| r.rule == id);
        if on == in_preset {
            self.overrides.remove(id);
        } else {
            self.overrides.insert(id.to_string(), Value::Bool(on));
        }
        self.recompute();
    }

    fn set_city(&mut self, field: &'static str, raw: &str) {
        let key = format!("city:{field}");
        let mut sc = (*self.scenario).clone();
        let c = &mut sc.city;
        let result = match field {
            f if f.starts_with("fund.") => set_fund(c, &f[5..], raw),
            f => {
                let mut b = Beds::city(c);
                b.set(f, raw)
            }
        };
        self.finish_data_edit(key, result, sc);
    }

    fn set_county(&mut self, idx: usize, field: &'static str, raw: &str) {
        let Some(county) = self.scenario.counties.get(idx) else { return };
        let key = format!("county:{}:{field}", county.id);
        let mut sc = (*self.scenario).clone();
        let mut b = Beds::county(&mut sc.counties[idx]);
        let result = b.set(field, raw);
        self.finish_data_edit(key, result, sc);
    }

    fn finish_data_edit(&mut self, key: String, result: Result<Recreate, Text>, sc: Scenario) {
        match result {
            Ok(recreate) => {
                self.errors.remove(&key);
                if recreate == Recreate::Yes {
                    self.rev += 1;
                }
                self.scenario = Rc::new(sc);
                self.recompute();
            }
            Err(msg) => {
                self.errors.insert(key, msg);
            }
        }
    }

    fn set_app(&mut self, field: &'static str, raw: &str) {
        let key = format!("app:{field}");
        let mut sc = (*self.scenario).clone();
        let as_of = sc.as_of.clone().unwrap_or_else(|| self.today.to_string());
        let designated: Vec<(String, bool)> =
            sc.institutions.iter().filter(|i| i.designated).map(|i| (i.id.clone(), i.kind.is_medical())).collect();
        let Some(app) = sc.applications.get_mut(self.selected) else { return };
        let result = apply_app_field(app, field, raw, &as_of, &designated);
        match result {
            Ok(recreate) => {
                self.errors.remove(&key);
                if recreate == Recreate::Yes {
                    self.rev += 1;
                }
                if field == "kind" {
                    // Fields that vanished with a kind change take their messages with them.
                    self.errors.retain(|k, _| !k.starts_with("app:"));
                }
                self.scenario = Rc::new(sc);
                self.recompute();
            }
            Err(msg) => {
                self.errors.insert(key, msg);
            }
        }
    }

    fn toggle_category(&mut self, cat: Category, on: bool) {
        let key = "app:category".to_string();
        let mut sc = (*self.scenario).clone();
        let Some(app) = sc.applications.get_mut(self.selected) else { return };
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
        self.recompute();
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
        self.errors.retain(|k, _| !k.starts_with("app:"));
        self.rev += 1;
        self.recompute();
    }

    fn remove_app(&mut self) {
        if self.scenario.applications.len() <= 1 {
            return;
        }
        let mut sc = (*self.scenario).clone();
        sc.applications.remove(self.selected);
        self.selected = self.selected.min(sc.applications.len().saturating_sub(1));
        self.scenario = Rc::new(sc);
        self.errors.retain(|k, _| !k.starts_with("app:"));
        self.rev += 1;
        self.recompute();
    }
}

impl Default for State {
    fn default() -> Self {
        State::new()
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SetLang(l) => s.lang = l,
            Action::SetPreset(id) => {
                if let Some(idx) = s.presets.iter().position(|p| p.id == id) {
                    if idx != s.preset_idx {
                        s.preset_idx = idx;
                        s.overrides.clear();
                        s.errors.retain(|k, _| !k.starts_with("param:"));
                        s.rev += 1;
                        s.recompute();
                    }
                }
            }
            Action::SetParam(id, raw) => s.set_param(id, &raw),
            Action::ResetParam(id) => {
                s.overrides.remove(id);
                s.errors.remove(&format!("param:{id}"));
                s.rev += 1;
                s.recompute();
            }
            Action::ToggleRule(id, on) => s.toggle_rule(id, on),
            Action::SetCity(f, raw) => s.set_city(f, &raw),
            Action::SetCounty(idx, f, raw) => s.set_county(idx, f, &raw),
            Action::SetApp(f, raw) => s.set_app(f, &raw),
            Action::ToggleCategory(c, on) => s.toggle_category(c, on),
            Action::SelectApp(idx) => {
                if idx < s.scenario.applications.len() && idx != s.selected {
                    s.selected = idx;
                    s.errors.retain(|k, _| !k.starts_with("app:"));
                    s.rev += 1;
                }
            }
            Action::NewApp => s.new_app(),
            Action::RemoveApp => s.remove_app(),
            Action::SetAsOf(raw) => {
                let raw = raw.trim();
                if raw.is_empty() {
                    let mut sc = (*s.scenario).clone();
                    sc.as_of = None;
                    s.scenario = Rc::new(sc);
                    s.errors.remove("as_of");
                    s.rev += 1;
                    s.recompute();
                } else if Date::parse(raw).is_some() {
                    let mut sc = (*s.scenario).clone();
                    sc.as_of = Some(raw.to_string());
                    s.scenario = Rc::new(sc);
                    s.errors.remove("as_of");
                    s.recompute();
                } else {
                    s.errors.insert("as_of".into(), msg(i::E_DATE));
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

fn msg(s: T) -> Text {
    s.text()
}

/// A refused parameter value: `ParamDef::check`'s message with a bilingual prefix.
fn invalid(m: &str) -> Text {
    Text::new(format!("{}{m}", i::INVALID_PREFIX.0), format!("{}{m}", i::INVALID_PREFIX.1))
}

/// Whole numbers are stored as JSON integers, so an exported scenario reads `800`, not `800.0`.
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

/// Blank = absent; else a number in the range (`lo_open`: more than `lo`).
pub fn parse_real(raw: &str, lo: f64, hi: f64, lo_open: bool, err: T) -> Result<Option<f64>, Text> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let x: f64 = s.replace(',', "").parse().map_err(|_| msg(i::E_NUMBER))?;
    let below = if lo_open { x <= lo } else { x < lo };
    if !x.is_finite() || below || x > hi {
        return Err(msg(err));
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

    fn set(&mut self, field: &str, raw: &str) -> Result<Recreate, Text> {
        match field {
            "resident_population" => *self.resident_population = parse_count(raw)?,
            "open_beds" => *self.open_beds = parse_count(raw)?,
            "insured" => *self.insured = parse_count(raw)?,
            "admissions" => *self.admissions = parse_count(raw)?,
            "avg_stay_days" => *self.avg_stay_days = parse_real(raw, 0.0, 365.0, true, i::E_STAY)?,
            "bed_utilisation" => *self.bed_utilisation = parse_real(raw, 0.0, 1.5, true, i::E_UTILISATION)?,
            f if f.starts_with("discharges.") => {
                let Some(n) = parse_count(raw)? else {
                    let had = self.discharges.is_some();
                    *self.discharges = None;
                    return Ok(if had { Recreate::Yes } else { Recreate::No });
                };
                let created = self.discharges.is_none();
                let d = self.discharges.get_or_insert(Discharges::default());
                match &f[11..] {
                    "local_local" => d.local_local = n,
                    "local_elsewhere" => d.local_elsewhere = n,
                    "nonlocal_local" => d.nonlocal_local = n,
                    _ => return Ok(Recreate::No),
                }
                return Ok(if created { Recreate::Yes } else { Recreate::No });
            }
            _ => {}
        }
        Ok(Recreate::No)
    }
}

fn set_fund(c: &mut City, field: &str, raw: &str) -> Result<Recreate, Text> {
    let mut f = c.fund.unwrap_or_default();
    match field {
        "employee_months" => f.employee_months = parse_real(raw, 0.0, 1200.0, false, i::E_MONTHS)?,
        "resident_months" => f.resident_months = parse_real(raw, 0.0, 1200.0, false, i::E_MONTHS)?,
        "employee_deficit" => f.employee_deficit = parse_tristate(raw),
        "resident_deficit" => f.resident_deficit = parse_tristate(raw),
        "warning_letter" => f.warning_letter = parse_tristate(raw),
        _ => {}
    }
    c.fund = Some(f);
    Ok(Recreate::No)
}

fn enum_from<E: serde::de::DeserializeOwned>(raw: &str) -> Option<E> {
    serde_json::from_value(Value::String(raw.to_string())).ok()
}

/// Applies one form field to the application, keeping the fields coherent with the kind (only a
/// pharmacy has categories, only a specialty hospital a specialty, …) so the scenario stays valid.
fn apply_app_field(
    app: &mut Application,
    field: &str,
    raw: &str,
    as_of: &str,
    designated: &[(String, bool)],
) -> Result<Recreate, Text> {
    match field {
        "name" => {
            let s = raw.trim();
            app.name = (!s.is_empty()).then(|| s.to_string());
        }
        "kind" => {
            let Some(kind) = enum_from::<Kind>(raw) else { return Ok(Recreate::No) };
            app.kind = kind;
            app.category = match kind {
                Kind::Pharmacy => Some(app.category.unwrap_or(Categories::of(&[Category::Ordinary]))),
                _ => None,
            };
            if kind != Kind::InpatientSpecialty {
                app.specialty = None;
            }
            if kind != Kind::PrimaryCare {
                app.subtype = None;
                app.integrated = None;
            }
            if kind != Kind::Outpatient && app.scope == Scope::PersonalAccountOnly {
                app.scope = Scope::Basic;
            }
        }
        "specialty" => app.specialty = enum_from::<Specialty>(raw),
        "subtype" => app.subtype = enum_from::<Subtype>(raw),
        "integrated" => app.integrated = (raw == "true").then_some(true),
        "change" => {
            app.change = enum_from::<Change>(raw).unwrap_or_default();
            if app.change != Change::AddressChange && app.scope != Scope::MedicalAid {
                app.institution_id = None;
            }
        }
        "institution_id" => {
            app.institution_id = (!raw.is_empty()).then(|| raw.to_string());
        }
        "scope" => {
            let scope = enum_from::<Scope>(raw).unwrap_or_default();
            if scope == Scope::PersonalAccountOnly && app.kind != Kind::Outpatient {
                return Err(msg(i::E_PERSONAL_ACCOUNT));
            }
            app.scope = scope;
            if scope == Scope::MedicalAid && app.institution_id.is_none() {
                // A medical-aid application names an existing designated medical institution.
                app.institution_id = designated.iter().find(|(_, medical)| *medical).map(|(id, _)| id.clone());
            }
            if scope != Scope::MedicalAid && app.change != Change::AddressChange {
                app.institution_id = None;
            }
        }
        "key_project" => {
            app.key_project = enum_from::<KeyLevel>(raw).map(|l| KeyProject(Some(l)));
        }
        "lon" => match parse_real(raw, -180.0, 180.0, false, i::E_LON)? {
            Some(x) => app.lon = x,
            None => return Err(msg(i::E_LON)),
        },
        "lat" => match parse_real(raw, -90.0, 90.0, false, i::E_LAT)? {
            Some(x) => app.lat = x,
            None => return Err(msg(i::E_LAT)),
        },
        "county" => app.county = (!raw.is_empty()).then(|| raw.to_string()),
        "beds" => app.beds = parse_count(raw)?,
        "insurance_office_staff" => app.insurance_office_staff = parse_count(raw)?,
        "insurance_dept" => app.insurance_dept = parse_tristate(raw),
        "operating_months" => app.operating_months = parse_real(raw, 0.0, 12_000.0, false, i::E_OPERATING)?,
        "physicians" => app.physicians = parse_count(raw)?,
        "pharmacists" => app.pharmacists = parse_count(raw)?,
        "shortage_type" => app.shortage_type = parse_tristate(raw),
        "uneven_area" => app.uneven_area = parse_tristate(raw),
        "negative_list" => {
            app.negative_list = enum_from::<NegativeReason>(raw).map(|reason| NegativeList {
                reason,
                since: app.negative_list.as_ref().map(|n| n.since.clone()).unwrap_or_else(|| as_of.to_string()),
            });
        }
        "negative_list_since" => {
            let s = raw.trim();
            if Date::parse(s).is_none() {
                return Err(msg(i::E_DATE));
            }
            if let Some(n) = app.negative_list.as_mut() {
                n.since = s.to_string();
            }
        }
        _ => {}
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
