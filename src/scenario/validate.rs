//! Parsing with errors that name the field path (`applications[3].lat: 95 is outside -90..90`)
//! or, for broken JSON, the line and column; then the checks serde cannot express.

use std::collections::HashSet;
use std::fmt;

use super::types::*;
use crate::date::Date;
use crate::policy::{builtin_preset, builtin_presets, validate_preset, Policy, Preset};

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
    Err(ScenarioError {
        message: message.into(),
    })
}

/// Parses JSON into `T`, naming the field path of a type error and the line/column of a syntax one.
pub fn from_json<T: serde::de::DeserializeOwned>(
    src: &str,
    root: &str,
) -> Result<T, ScenarioError> {
    let de = &mut serde_json::Deserializer::from_str(src);
    let value: T = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let msg = if inner.is_syntax() || inner.is_eof() {
            format!(
                "{}not valid JSON: {inner}",
                if root.is_empty() {
                    String::new()
                } else {
                    format!("{root}: ")
                }
            )
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
    })?;
    Ok(value)
}

pub fn parse(src: &str) -> Result<Scenario, ScenarioError> {
    let s: Scenario = from_json(src, "")?;
    validate(&s)?;
    Ok(s)
}

fn check_lonlat(path: &str, lon: f64, lat: f64) -> Result<(), ScenarioError> {
    if !(-90.0..=90.0).contains(&lat) {
        return err(format!("{path}.lat: {lat} is outside -90..90"));
    }
    if !(-180.0..=180.0).contains(&lon) {
        return err(format!("{path}.lon: {lon} is outside -180..180"));
    }
    Ok(())
}

fn check_range(
    path: &str,
    v: Option<f64>,
    lo: f64,
    hi: f64,
    lo_open: bool,
) -> Result<(), ScenarioError> {
    if let Some(x) = v {
        let below = if lo_open { x <= lo } else { x < lo };
        if below || x > hi {
            let l = if lo_open {
                format!("more than {lo}")
            } else {
                format!("{lo}")
            };
            return err(format!("{path}: {x} is outside {l}..{hi}"));
        }
    }
    Ok(())
}

struct BedFields<'a> {
    avg_stay_days: Option<f64>,
    bed_utilisation: Option<f64>,
    path: &'a str,
}

fn check_beds(b: BedFields) -> Result<(), ScenarioError> {
    check_range(
        &format!("{}.avg_stay_days", b.path),
        b.avg_stay_days,
        0.0,
        365.0,
        true,
    )?;
    check_range(
        &format!("{}.bed_utilisation", b.path),
        b.bed_utilisation,
        0.0,
        1.5,
        true,
    )
}

fn check_county_ref(
    path: &str,
    county: &Option<String>,
    ids: &HashSet<&str>,
) -> Result<(), ScenarioError> {
    if let Some(c) = county {
        if !ids.contains(c.as_str()) {
            return err(format!(
                "{path}.county: \"{c}\" is not the id of any entry in counties"
            ));
        }
    }
    Ok(())
}

struct KindFields<'a> {
    kind: Kind,
    category: &'a Option<Categories>,
    specialty: &'a Option<Specialty>,
    subtype: &'a Option<Subtype>,
}

fn check_kind_fields(path: &str, k: KindFields) -> Result<(), ScenarioError> {
    if k.category.is_some() && k.kind != Kind::Pharmacy {
        return err(format!(
            "{path}.category: only pharmacies have a category (kind is {})",
            k.kind.id()
        ));
    }
    if k.specialty.is_some() && k.kind != Kind::InpatientSpecialty {
        return err(format!(
            "{path}.specialty: only inpatient_specialty institutions have a specialty (kind is {})",
            k.kind.id()
        ));
    }
    if k.subtype.is_some() && k.kind != Kind::PrimaryCare {
        return err(format!(
            "{path}.subtype: only primary_care institutions have a subtype (kind is {})",
            k.kind.id()
        ));
    }
    Ok(())
}

pub fn validate(s: &Scenario) -> Result<(), ScenarioError> {
    let p = &s.policy;
    let given = [p.preset.is_some(), p.file.is_some(), p.inline.is_some()]
        .iter()
        .filter(|x| **x)
        .count();
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
        (
            "population_cells",
            s.population_cells.len(),
            MAX_POPULATION_CELLS,
        ),
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
        check_range(
            "city.fund.employee_months",
            f.employee_months,
            0.0,
            1200.0,
            false,
        )?;
        check_range(
            "city.fund.resident_months",
            f.resident_months,
            0.0,
            1200.0,
            false,
        )?;
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
        check_beds(BedFields {
            avg_stay_days: c.avg_stay_days,
            bed_utilisation: c.bed_utilisation,
            path: &path,
        })?;
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
            },
        )?;
        check_range(
            &format!("{path}.operating_months"),
            a.operating_months,
            0.0,
            12_000.0,
            false,
        )?;
        if a.scope == Scope::PersonalAccountOnly && a.kind != Kind::Outpatient {
            return err(format!("{path}.scope: \"personal_account_only\" is valid only for kind \"outpatient\" (门诊部、诊所)"));
        }
        if a.scope == Scope::MedicalAid && a.institution_id.is_none() {
            return err(format!("{path}.institution_id: a \"medical_aid\" application must name the existing institution"));
        }
        if let Some(id) = &a.institution_id {
            if !inst_ids.contains(id.as_str())
                && (a.change == Change::AddressChange || a.scope == Scope::MedicalAid)
            {
                // A medical-aid application naming an unknown institution is the rule's own case
                // (medical_aid.designated_only fails it); an address change must name one that moves.
                if a.change == Change::AddressChange {
                    return err(format!("{path}.institution_id: \"{id}\" is not the id of any institution (the one that moves)"));
                }
            }
        }
        if let Some(n) = &a.negative_list {
            if Date::parse(&n.since).is_none() {
                return err(format!(
                    "{path}.negative_list.since: \"{}\" is not a date YYYY-MM-DD",
                    n.since
                ));
            }
            if let Some(sw) = &n.switch {
                if crate::policy::param_def(sw).is_none() {
                    return err(format!("{path}.negative_list.switch: \"{sw}\" is not a switch of the parameter table"));
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
    if [p.preset.is_some(), p.file.is_some(), p.inline.is_some()]
        .iter()
        .filter(|x| **x)
        .count()
        != 1
    {
        return err("policy: give exactly one of \"preset\", \"file\" or \"inline\"");
    }
    let preset: Preset = if let Some(id) = &p.preset {
        match builtin_preset(id) {
            Some(preset) => preset,
            None => {
                let known: Vec<String> = builtin_presets().into_iter().map(|p| p.id).collect();
                return err(format!(
                    "policy.preset: unknown preset \"{id}\" (known: {})",
                    known.join(", ")
                ));
            }
        }
    } else if let Some(file) = &p.file {
        let src = load_file(file).map_err(|e| ScenarioError {
            message: format!("policy.file: cannot read \"{file}\": {e}"),
        })?;
        let preset: Preset = from_json(&src, &format!("policy.file \"{file}\""))?;
        validate_preset(&preset, &format!("policy.file \"{file}\""))
            .map_err(|message| ScenarioError { message })?;
        preset
    } else if let Some(inline) = &p.inline {
        validate_preset(inline, "policy.inline").map_err(|message| ScenarioError { message })?;
        (**inline).clone()
    } else {
        return err("policy: give exactly one of \"preset\", \"file\" or \"inline\"");
    };
    Policy::resolve(&preset, &p.overrides, "policy.overrides")
        .map_err(|message| ScenarioError { message })
}
