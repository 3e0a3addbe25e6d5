//! Parsing with errors that name the field path (`applications[3].lat: 95 is outside -90..90`)
//! or, for broken JSON, the line and column; then the checks serde cannot express.

use std::collections::HashSet;
use std::fmt;

use super::field::{DataField, Field};
use super::types::*;
use crate::date::Date;
use crate::policy::{builtin_preset, builtin_presets, validate_preset, Policy, Preset};
use crate::text::Text;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioError {
    pub message: String,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ScenarioError {}

fn err<T>(message: impl Into<String>) -> Result<T, ScenarioError> {
    Err(ScenarioError { message: message.into() })
}

/// Parses JSON into `T`, naming the field path of a type error and the line/column of a syntax one.
pub fn from_json<T: serde::de::DeserializeOwned>(src: &str, root: &str) -> Result<T, ScenarioError> {
    super::json_path::from_str(src).map_err(|(path, inner)| {
        let msg = if inner.is_syntax() || inner.is_eof() {
            format!("{}not valid JSON: {inner}", if root.is_empty() { String::new() } else { format!("{root}: ") })
        } else {
            let full = match (root.is_empty(), path.as_str()) {
                (true, ".") => "(top level)".to_string(),
                (true, p) => p.to_string(),
                (false, ".") => root.to_string(),
                (false, p) => format!("{root}.{p}"),
            };
            format!("{full}: {inner}")
        };
        ScenarioError { message: msg }
    })
}

pub fn parse(src: &str) -> Result<Scenario, ScenarioError> {
    let s: Scenario = from_json(src, "")?;
    validate(&s)?;
    Ok(s)
}

// ---------------------------------------------------------------------------------------------
// Field invariants: each one function with one bilingual message, asked by `validate` (which
// names the field path), the importer (which names the row), the app's reducer (which keeps the
// field as it was) and the form (which disables what would be refused).

/// An interval a figure must lie in. The ranges are data, read by `validate`, the app's reducer
/// and the form's input bounds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    pub lo: f64,
    pub hi: f64,
    /// More than `lo` rather than at least `lo` (a stay of 0 days is no stay).
    pub lo_open: bool,
    /// What the figure is, as the refusal names it.
    pub what: (&'static str, &'static str),
}

/// Average length of stay, days.
pub const AVG_STAY_DAYS: Range = Range { lo: 0.0, hi: 365.0, lo_open: true, what: ("平均住院日", "average stay") };
/// Bed utilisation, a fraction (beds may be used beyond capacity, not past 150 %).
pub const BED_UTILISATION: Range =
    Range { lo: 0.0, hi: 1.5, lo_open: true, what: ("病床使用率", "bed utilisation") };
/// Months a pooled fund can pay.
pub const FUND_MONTHS: Range = Range { lo: 0.0, hi: 1200.0, lo_open: false, what: ("月数", "months") };
/// An applicant's months of operation.
pub const OPERATING_MONTHS: Range =
    Range { lo: 0.0, hi: 12_000.0, lo_open: false, what: ("运营月数", "months of operation") };
pub const LON: Range = Range { lo: -180.0, hi: 180.0, lo_open: false, what: ("经度", "longitude") };
pub const LAT: Range = Range { lo: -90.0, hi: 90.0, lo_open: false, what: ("纬度", "latitude") };

impl Range {
    pub fn contains(&self, x: f64) -> bool {
        let above = if self.lo_open { x > self.lo } else { x >= self.lo };
        above && x <= self.hi
    }

    /// The refusal as the app shows it: 平均住院日须大于 0 且不超过 365 / average stay must be
    /// more than 0 and at most 365.
    pub fn refusal(&self) -> Text {
        let (zh, en) = self.what;
        let zh_num = |x: f64| crate::text::num(x, 6).replace('-', "−");
        let en_num = |x: f64| {
            if x.fract() == 0.0 && x.abs() >= 1000.0 {
                let t = crate::text::thousands(x.abs() as u64);
                if x < 0.0 {
                    format!("−{t}")
                } else {
                    t
                }
            } else {
                zh_num(x)
            }
        };
        let (lo, hi) = (self.lo, self.hi);
        if self.lo_open {
            Text::new(
                format!("{zh}须大于 {} 且不超过 {}", zh_num(lo), zh_num(hi)),
                format!("{en} must be more than {} and at most {}", en_num(lo), en_num(hi)),
            )
        } else {
            Text::new(
                format!("{zh}须在 {} 到 {} 之间", zh_num(lo), zh_num(hi)),
                format!("{en} must be between {} and {}", en_num(lo), en_num(hi)),
            )
        }
    }

    /// The bounds as an input's `min` and `max` attributes.
    pub fn min_attr(&self) -> String {
        crate::text::num(self.lo, 6)
    }
    pub fn max_attr(&self) -> String {
        crate::text::num(self.hi, 6)
    }

    /// The contract's error (DESIGN §3): `city.avg_stay_days: 0 is outside more than 0..365`.
    fn check(&self, path: &str, v: Option<f64>) -> Result<(), ScenarioError> {
        match v {
            Some(x) if !self.contains(x) => {
                let lo = if self.lo_open { format!("more than {}", self.lo) } else { format!("{}", self.lo) };
                err(format!("{path}: {x} is outside {lo}..{}", self.hi))
            }
            _ => Ok(()),
        }
    }
}

/// The range of a figure of the city or a county, if it has one beyond "0 or more".
pub fn data_range(f: DataField) -> Option<Range> {
    match f {
        DataField::AvgStayDays => Some(AVG_STAY_DAYS),
        DataField::BedUtilisation => Some(BED_UTILISATION),
        DataField::FundEmployeeMonths | DataField::FundResidentMonths => Some(FUND_MONTHS),
        _ => None,
    }
}

/// The range of an application's number, if it has one beyond "0 or more".
pub fn field_range(f: Field) -> Option<Range> {
    match f {
        Field::Lon => Some(LON),
        Field::Lat => Some(LAT),
        Field::OperatingMonths => Some(OPERATING_MONTHS),
        _ => None,
    }
}

/// The one kind that has this field (only a pharmacy has categories, only a specialty hospital a
/// specialty, only a primary-care institution a subtype and integrated management); `None`: every
/// kind may have it.
pub fn kind_of_field(f: Field) -> Option<Kind> {
    match f {
        Field::Category => Some(Kind::Pharmacy),
        Field::Specialty => Some(Kind::InpatientSpecialty),
        Field::Subtype | Field::Integrated => Some(Kind::PrimaryCare),
        _ => None,
    }
}

/// Whether an institution or application of `kind` may have `f` (see `kind_of_field`).
pub fn field_fits_kind(f: Field, kind: Kind) -> Result<(), Text> {
    match kind_of_field(f) {
        Some(only) if only != kind => {
            let (field, only) = (f.label(), only.label());
            Err(Text::new(
                format!("{}仅适用于“{}”", field.zh, only.zh),
                format!("{}: only for kind “{}”", field.en, only.en),
            ))
        }
        _ => Ok(()),
    }
}

/// 三(一)2: only an outpatient department or clinic may apply for personal-account settlement
/// alone.
pub fn scope_fits_kind(scope: Scope, kind: Kind) -> Result<(), Text> {
    if scope == Scope::PersonalAccountOnly && kind != Kind::Outpatient {
        return Err(Text::new(
            "“仅个人账户结算”只适用于门诊部、诊所",
            "“personal account only” is for outpatient departments and clinics only",
        ));
    }
    Ok(())
}

/// A medical-aid application is made by an existing institution, which it names.
pub fn scope_names_institution(scope: Scope, institution_id: Option<&str>) -> Result<(), Text> {
    if scope == Scope::MedicalAid && institution_id.is_none() {
        return Err(Text::new(
            "医疗救助定点申请须写明原机构编号",
            "a medical_aid application must name the existing institution",
        ));
    }
    Ok(())
}

/// A field invariant's refusal in a scenario: its path, then the message in both languages.
fn refused<T>(path: &str, t: Text) -> Result<T, ScenarioError> {
    err(format!("{path}: {} / {}", t.zh, t.en))
}

fn check_lonlat(path: &str, lon: f64, lat: f64) -> Result<(), ScenarioError> {
    LAT.check(&format!("{path}.lat"), Some(lat))?;
    LON.check(&format!("{path}.lon"), Some(lon))
}

struct BedFields<'a> {
    avg_stay_days: Option<f64>,
    bed_utilisation: Option<f64>,
    path: &'a str,
}

fn check_beds(b: BedFields) -> Result<(), ScenarioError> {
    AVG_STAY_DAYS.check(&format!("{}.avg_stay_days", b.path), b.avg_stay_days)?;
    BED_UTILISATION.check(&format!("{}.bed_utilisation", b.path), b.bed_utilisation)
}

fn check_county_ref(path: &str, county: &Option<String>, ids: &HashSet<&str>) -> Result<(), ScenarioError> {
    if let Some(c) = county {
        if !ids.contains(c.as_str()) {
            return err(format!("{path}.county: \"{c}\" is not the id of any entry in counties"));
        }
    }
    Ok(())
}

struct KindFields<'a> {
    kind: Kind,
    category: &'a Option<Categories>,
    specialty: &'a Option<Specialty>,
    subtype: &'a Option<Subtype>,
    integrated: Option<bool>,
}

fn check_kind_fields(path: &str, k: KindFields) -> Result<(), ScenarioError> {
    for (f, has) in [
        (Field::Category, k.category.is_some()),
        (Field::Specialty, k.specialty.is_some()),
        (Field::Subtype, k.subtype.is_some()),
        (Field::Integrated, k.integrated.is_some()),
    ] {
        if has {
            field_fits_kind(f, k.kind).or_else(|t| refused(&format!("{path}.{}", f.id()), t))?;
        }
    }
    Ok(())
}

pub fn validate(s: &Scenario) -> Result<(), ScenarioError> {
    let p = &s.policy;
    let given = [p.preset.is_some(), p.file.is_some(), p.inline.is_some()].iter().filter(|x| **x).count();
    if given != 1 {
        return err("policy: give exactly one of \"preset\", \"file\" or \"inline\"");
    }
    if let Some(as_of) = &s.as_of {
        if Date::parse(as_of).is_none() {
            return err(format!("as_of: \"{as_of}\" is not a date YYYY-MM-DD"));
        }
    }
    use crate::limits::*;
    for (path, n, max) in [
        ("counties", s.counties.len(), MAX_COUNTIES),
        ("institutions", s.institutions.len(), MAX_INSTITUTIONS),
        ("applications", s.applications.len(), MAX_APPLICATIONS),
        ("population_cells", s.population_cells.len(), MAX_POPULATION_CELLS),
    ] {
        if let Some(m) = too_many(path, n, max) {
            return err(m);
        }
    }
    check_beds(BedFields {
        avg_stay_days: s.city.avg_stay_days,
        bed_utilisation: s.city.bed_utilisation,
        path: "city",
    })?;
    if let Some(f) = &s.city.fund {
        FUND_MONTHS.check("city.fund.employee_months", f.employee_months)?;
        FUND_MONTHS.check("city.fund.resident_months", f.resident_months)?;
    }
    let mut county_ids = HashSet::new();
    for (i, c) in s.counties.iter().enumerate() {
        let path = format!("counties[{i}]");
        if c.id.is_empty() {
            return err(format!("{path}.id: must not be empty"));
        }
        if !county_ids.insert(c.id.as_str()) {
            return err(format!("{path}.id: \"{}\" is used twice", c.id));
        }
        check_beds(BedFields { avg_stay_days: c.avg_stay_days, bed_utilisation: c.bed_utilisation, path: &path })?;
    }
    let mut inst_ids = HashSet::new();
    for (i, inst) in s.institutions.iter().enumerate() {
        let path = format!("institutions[{i}]");
        if inst.id.is_empty() {
            return err(format!("{path}.id: must not be empty"));
        }
        if !inst_ids.insert(inst.id.as_str()) {
            return err(format!("{path}.id: \"{}\" is used twice", inst.id));
        }
        check_lonlat(&path, inst.lon, inst.lat)?;
        check_county_ref(&path, &inst.county, &county_ids)?;
        check_kind_fields(
            &path,
            KindFields {
                kind: inst.kind,
                category: &inst.category,
                specialty: &inst.specialty,
                subtype: &inst.subtype,
                integrated: inst.integrated,
            },
        )?;
    }
    let mut app_ids = HashSet::new();
    for (i, a) in s.applications.iter().enumerate() {
        let path = format!("applications[{i}]");
        if a.id.is_empty() {
            return err(format!("{path}.id: must not be empty"));
        }
        if !app_ids.insert(a.id.as_str()) {
            return err(format!("{path}.id: \"{}\" is used twice", a.id));
        }
        check_lonlat(&path, a.lon, a.lat)?;
        check_county_ref(&path, &a.county, &county_ids)?;
        check_kind_fields(
            &path,
            KindFields {
                kind: a.kind,
                category: &a.category,
                specialty: &a.specialty,
                subtype: &a.subtype,
                integrated: a.integrated,
            },
        )?;
        OPERATING_MONTHS.check(&format!("{path}.operating_months"), a.operating_months)?;
        scope_fits_kind(a.scope, a.kind).or_else(|t| refused(&format!("{path}.scope"), t))?;
        scope_names_institution(a.scope, a.institution_id.as_deref())
            .or_else(|t| refused(&format!("{path}.institution_id"), t))?;
        if let Some(id) = &a.institution_id {
            if !inst_ids.contains(id.as_str()) && (a.change == Change::AddressChange || a.scope == Scope::MedicalAid) {
                // A medical-aid application naming an unknown institution is the rule's own case
                // (medical_aid.designated_only fails it); an address change must name one that moves.
                if a.change == Change::AddressChange {
                    return err(format!(
                        "{path}.institution_id: \"{id}\" is not the id of any institution (the one that moves)"
                    ));
                }
            }
        }
        if let Some(n) = &a.negative_list {
            if Date::parse(&n.since).is_none() {
                return err(format!("{path}.negative_list.since: \"{}\" is not a date YYYY-MM-DD", n.since));
            }
            if let Some(sw) = &n.switch {
                if crate::policy::param_def(sw).is_none() {
                    return err(format!(
                        "{path}.negative_list.switch: \"{sw}\" is not a switch of the parameter table"
                    ));
                }
            }
        }
    }
    for (i, c) in s.population_cells.iter().enumerate() {
        let path = format!("population_cells[{i}]");
        check_lonlat(&path, c.lon, c.lat)?;
        check_county_ref(&path, &c.county, &county_ids)?;
    }
    Ok(())
}

/// The preset a scenario names, then its overrides: the policy it is judged under. `load_file`
/// reads a preset file (`"policy": {"file": …}`); the command line resolves it relative to the
/// scenario, the app never needs it (a loaded preset file travels inline).
pub fn resolve_policy(
    s: &Scenario,
    load_file: impl Fn(&str) -> Result<String, String>,
) -> Result<Policy, ScenarioError> {
    resolve_policy_ref(&s.policy, load_file)
}

/// As `resolve_policy`, for a `policy` object outside a scenario (`dingdian settle`).
pub fn resolve_policy_ref(
    p: &PolicyRef,
    load_file: impl Fn(&str) -> Result<String, String>,
) -> Result<Policy, ScenarioError> {
    if [p.preset.is_some(), p.file.is_some(), p.inline.is_some()].iter().filter(|x| **x).count() != 1 {
        return err("policy: give exactly one of \"preset\", \"file\" or \"inline\"");
    }
    let preset: Preset = if let Some(id) = &p.preset {
        match builtin_preset(id) {
            Some(preset) => preset,
            None => {
                let known: Vec<String> = builtin_presets().into_iter().map(|p| p.id).collect();
                return err(format!("policy.preset: unknown preset \"{id}\" (known: {})", known.join(", ")));
            }
        }
    } else if let Some(file) = &p.file {
        let src = load_file(file)
            .map_err(|e| ScenarioError { message: format!("policy.file: cannot read \"{file}\": {e}") })?;
        let preset: Preset = from_json(&src, &format!("policy.file \"{file}\""))?;
        validate_preset(&preset, &format!("policy.file \"{file}\"")).map_err(|message| ScenarioError { message })?;
        preset
    } else if let Some(inline) = &p.inline {
        validate_preset(inline, "policy.inline").map_err(|message| ScenarioError { message })?;
        (**inline).clone()
    } else {
        return err("policy: give exactly one of \"preset\", \"file\" or \"inline\"");
    };
    Policy::resolve(&preset, &p.overrides, "policy.overrides").map_err(|message| ScenarioError { message })
}
