//! Bed figures of linyi-2025 一(一), 三(一)1 and the annex, for the city and each county.
//!
//! actual = open beds ÷ residents × 1000; required beds = admissions × average stay ÷ (365 ×
//! utilisation); measured = required ÷ insured × 1000 × fund coefficient × patient coefficient.
//! The text names the inputs and both coefficients but not the arithmetic: this is the standard
//! bed-need formula of Chinese health planning, the simulator's reading, not a quote.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::policy::{FundCoefSource, Params};
use crate::scenario::{Discharges, Scenario};

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FundRatios {
    pub employee: Option<f64>,
    pub resident: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Figures {
    pub actual_beds_per_1000: Option<f64>,
    pub target_beds_per_1000: f64,
    pub required_beds: Option<f64>,
    pub measured_raw_per_1000: Option<f64>,
    pub fund_ratios: FundRatios,
    pub fund_coef: Option<f64>,
    pub patient_coef: Option<f64>,
    pub measured_beds_per_1000: Option<f64>,
    /// Field paths of the inputs that were absent (or zero where they divide), so a `null` figure says why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
    #[serde(serialize_with = "as_map")]
    pub counties: Vec<(String, CountyFigures)>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CountyFigures {
    pub actual_beds_per_1000: Option<f64>,
    pub required_beds: Option<f64>,
    pub measured_raw_per_1000: Option<f64>,
    pub fund_coef: Option<f64>,
    pub patient_coef: Option<f64>,
    /// Whether the patient coefficient used the county's own discharges or fell back to the city's.
    pub patient_coef_from: &'static str,
    pub measured_beds_per_1000: Option<f64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
}

fn as_map<S: Serializer>(v: &[(String, CountyFigures)], s: S) -> Result<S::Ok, S::Error> {
    let mut m = s.serialize_map(Some(v.len()))?;
    for (k, f) in v {
        m.serialize_entry(k, f)?;
    }
    m.end()
}

impl Figures {
    pub fn county(&self, id: &str) -> Option<&CountyFigures> {
        self.counties.iter().find(|(k, _)| k == id).map(|(_, f)| f)
    }
}

/// The inputs shared by the city and a county.
struct BedInputs<'a> {
    path: &'a str,
    resident_population: Option<u64>,
    open_beds: Option<u64>,
    insured: Option<u64>,
    admissions: Option<u64>,
    avg_stay_days: Option<f64>,
    bed_utilisation: Option<f64>,
}

struct BedCore {
    actual: Option<f64>,
    required: Option<f64>,
    measured_raw: Option<f64>,
    missing: Vec<String>,
}

fn need<T: Copy>(v: Option<T>, path: &str, field: &str, missing: &mut Vec<String>) -> Option<T> {
    if v.is_none() {
        missing.push(format!("{path}.{field}"));
    }
    v
}

fn core(i: &BedInputs) -> BedCore {
    let mut missing = Vec::new();
    let pop = need(i.resident_population, i.path, "resident_population", &mut missing);
    let beds = need(i.open_beds, i.path, "open_beds", &mut missing);
    let actual = match (beds, pop) {
        (Some(b), Some(p)) if p > 0 => Some(b as f64 / p as f64 * 1000.0),
        _ => None,
    };
    let adm = need(i.admissions, i.path, "admissions", &mut missing);
    let stay = need(i.avg_stay_days, i.path, "avg_stay_days", &mut missing);
    let util = need(i.bed_utilisation, i.path, "bed_utilisation", &mut missing);
    let required = match (adm, stay, util) {
        (Some(a), Some(s), Some(u)) if u > 0.0 => Some(a as f64 * s / (365.0 * u)),
        _ => None,
    };
    let insured = need(i.insured, i.path, "insured", &mut missing);
    let measured_raw = match (required, insured) {
        (Some(r), Some(n)) if n > 0 => Some(r / n as f64 * 1000.0),
        _ => None,
    };
    // A zero denominator is stated but unusable: name it, so a `null` figure still says why.
    for (v, field) in [(pop, "resident_population"), (insured, "insured")] {
        if v == Some(0) {
            missing.push(format!("{}.{field} = 0", i.path));
        }
    }
    BedCore { actual, required, measured_raw, missing }
}

/// 患者调节系数 = (本地参保人在本地出院人次 − 本地参保人在异地出院人次 + 异地参保人在本地出院人次) ÷ 本地参保人在本地出院人次
pub fn patient_coef(d: &Discharges) -> Option<f64> {
    (d.local_local > 0).then(|| {
        (d.local_local as f64 - d.local_elsewhere as f64 + d.nonlocal_local as f64) / d.local_local as f64
    })
}

pub fn compute(s: &Scenario, p: &Params) -> Figures {
    let c = &s.city;
    let city_core = core(&BedInputs {
        path: "city",
        resident_population: c.resident_population,
        open_beds: c.open_beds,
        insured: c.insured,
        admissions: c.admissions,
        avg_stay_days: c.avg_stay_days,
        bed_utilisation: c.bed_utilisation,
    });
    let mut missing = city_core.missing;

    // 基金调节系数 = 基金可支付月数 ÷ 基金安全要求可支付月数
    let fund = c.fund.unwrap_or_default();
    let ratio = |months: Option<f64>, min: f64| months.filter(|_| min > 0.0).map(|m| m / min);
    let fund_ratios = FundRatios {
        employee: ratio(fund.employee_months, p.employee_fund_min_months),
        resident: ratio(fund.resident_months, p.resident_fund_min_months),
    };
    let fund_coef = if !p.fund_coef_enabled {
        Some(1.0)
    } else {
        let (e, r) = (fund_ratios.employee, fund_ratios.resident);
        let need_e = matches!(p.fund_coef_source, FundCoefSource::Employee | FundCoefSource::Lower);
        let need_r = matches!(p.fund_coef_source, FundCoefSource::Resident | FundCoefSource::Lower);
        if need_e && e.is_none() {
            missing.push("city.fund.employee_months".into());
        }
        if need_r && r.is_none() {
            missing.push("city.fund.resident_months".into());
        }
        match p.fund_coef_source {
            FundCoefSource::Employee => e,
            FundCoefSource::Resident => r,
            FundCoefSource::Lower => e.zip(r).map(|(a, b)| a.min(b)),
        }
    };
    let city_patient_coef = if !p.patient_coef_enabled {
        Some(1.0)
    } else {
        let pc = c.discharges.as_ref().and_then(patient_coef);
        if pc.is_none() {
            missing.push("city.discharges".into());
        }
        pc
    };
    let measure = |raw: Option<f64>, fc: Option<f64>, pc: Option<f64>| Some(raw? * fc? * pc?);

    let counties = s
        .counties
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let path = format!("counties[{i}]");
            let cc = core(&BedInputs {
                path: &path,
                resident_population: k.resident_population,
                open_beds: k.open_beds,
                insured: k.insured,
                admissions: k.admissions,
                avg_stay_days: k.avg_stay_days,
                bed_utilisation: k.bed_utilisation,
            });
            let mut cmissing = cc.missing;
            // A county uses the city's fund coefficient (municipal pooling) and its own discharges,
            // falling back to the city's.
            let (pc, from) = if !p.patient_coef_enabled {
                (Some(1.0), "off")
            } else if let Some(d) = &k.discharges {
                (patient_coef(d), "county")
            } else {
                (city_patient_coef, "city")
            };
            if fund_coef.is_none() {
                cmissing.extend(missing.iter().filter(|m| m.starts_with("city.fund")).cloned());
            }
            if pc.is_none() {
                cmissing.push(format!("{path}.discharges"));
            }
            let f = CountyFigures {
                actual_beds_per_1000: cc.actual,
                required_beds: cc.required,
                measured_raw_per_1000: cc.measured_raw,
                fund_coef,
                patient_coef: pc,
                patient_coef_from: from,
                measured_beds_per_1000: measure(cc.measured_raw, fund_coef, pc),
                missing: cmissing,
            };
            (k.id.clone(), f)
        })
        .collect();

    Figures {
        actual_beds_per_1000: city_core.actual,
        target_beds_per_1000: p.target_beds_per_1000,
        required_beds: city_core.required,
        measured_raw_per_1000: city_core.measured_raw,
        fund_ratios,
        fund_coef,
        patient_coef: city_patient_coef,
        measured_beds_per_1000: measure(city_core.measured_raw, fund_coef, city_patient_coef),
        missing,
        counties,
    }
}
