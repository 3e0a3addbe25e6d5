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
use crate::text::Text;

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FundRatios {
    pub employee: Option<f64>,
    pub resident: Option<f64>,
}

/// Whether a figure rests on a switch the user can turn or on a labelled assumption the
/// simulator fixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReadingKind {
    Switch,
    Assumption,
}

/// A reading some figures rest on: where the text names the inputs but not the arithmetic, or
/// leaves a choice open. Shown beside the figure wherever it is read.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureReading {
    /// A switch's parameter id (`fund_coef_enabled`, …) or a labelled assumption's id
    /// (`bed_need_formula`, …).
    pub id: &'static str,
    pub kind: ReadingKind,
    /// A switch's current value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
    /// What the simulator reads, and what the text leaves unsaid.
    pub text: Text,
}

/// The arithmetic of required beds and the measured value: the standard bed-need formula.
pub const BED_NEED_FORMULA: &str = "bed_need_formula";
/// A county's fund coefficient is the city's (municipal pooling).
pub const COUNTY_FUND_COEF_CITY: &str = "county_fund_coef_city";
/// A county without discharge figures takes the city's patient coefficient.
pub const COUNTY_PATIENT_COEF_FALLBACK: &str = "county_patient_coef_fallback";

/// Which readings each figure rests on: figure field → reading ids, in field order.
pub type RestsOn = Vec<(&'static str, Vec<&'static str>)>;

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
    /// Which of the city's figures rest on which readings (ids of `readings`): the arithmetic of
    /// the measured value is the simulator's reading, not a quote.
    #[serde(serialize_with = "as_map")]
    pub rests_on: RestsOn,
    /// Every reading the city's and the counties' figures rest on, once.
    pub readings: Vec<FigureReading>,
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
    /// Which of the county's figures rest on which readings (ids of the city's `readings`).
    #[serde(serialize_with = "as_map")]
    pub rests_on: RestsOn,
}

fn as_map<K: Serialize, V: Serialize, S: Serializer>(v: &[(K, V)], s: S) -> Result<S::Ok, S::Error> {
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

    /// The readings a city figure rests on (empty for a figure that rests on none).
    pub fn readings_of(&self, figure: &str) -> Vec<&FigureReading> {
        resolve(&self.rests_on, &self.readings, figure)
    }

    /// The readings a county figure rests on.
    pub fn county_readings_of(&self, county: &str, figure: &str) -> Vec<&FigureReading> {
        self.county(county).map(|c| resolve(&c.rests_on, &self.readings, figure)).unwrap_or_default()
    }
}

fn resolve<'a>(rests_on: &RestsOn, readings: &'a [FigureReading], figure: &str) -> Vec<&'a FigureReading> {
    let ids = rests_on.iter().find(|(f, _)| *f == figure).map(|(_, ids)| ids.as_slice()).unwrap_or(&[]);
    ids.iter().filter_map(|id| readings.iter().find(|r| r.id == *id)).collect()
}

/// The readings of the measured value under these parameters, and which figure rests on which.
/// `county_fallback`: some county took the city's patient coefficient.
fn readings(p: &Params, county_fallback: bool, has_counties: bool) -> Vec<FigureReading> {
    let switch = |id: &'static str, value: serde_json::Value, text: Text| FigureReading {
        id,
        kind: ReadingKind::Switch,
        value: Some(value),
        text,
    };
    let assumption =
        |id: &'static str, text: Text| FigureReading { id, kind: ReadingKind::Assumption, value: None, text };
    let mut out = vec![assumption(
        BED_NEED_FORMULA,
        Text::new(
            "测算值的算法是模拟器的解读，不是原文：三(一)1只说“根据住院人次、平均住院日、病床使用率、总参保人数等因素计算”，附件只定义两个调节系数。模拟器采用卫生规划常用的床位需要量公式：需要床位 = 住院人次 × 平均住院日 ÷（365 × 病床使用率）；测算值 = 需要床位 ÷ 总参保人数 × 1000 × 基金调节系数 × 患者调节系数",
            "the arithmetic of the measured value is the simulator's reading, not a quote: 三(一)1 says only “computed from admissions, average stay, bed utilisation, total insured and other factors”, and the annex only defines the two coefficients. The simulator uses the standard bed-need formula of health planning: required beds = admissions × average stay ÷ (365 × utilisation); measured = required beds ÷ insured × 1000 × fund coefficient × patient coefficient",
        ),
    )];
    out.push(switch(
        "fund_coef_enabled",
        p.fund_coef_enabled.into(),
        if p.fund_coef_enabled {
            Text::new("附件定义了基金调节系数，正文未说是否计入测算值：按计入（乘入）", "the annex defines the fund coefficient, the body never says it enters the measured value: it does (multiplied in)")
        } else {
            Text::new("附件定义了基金调节系数，正文未说是否计入测算值：按不计入（= 1）", "the annex defines the fund coefficient, the body never says it enters the measured value: it does not (= 1)")
        },
    ));
    if p.fund_coef_enabled {
        let (zh, en, v) = match p.fund_coef_source {
            FundCoefSource::Lower => {
                ("职工、居民两项中较低者", "the lower of the employee and resident ratios", "lower")
            }
            FundCoefSource::Employee => ("职工医保统筹基金", "the employee pooled fund", "employee"),
            FundCoefSource::Resident => ("居民医保基金", "the resident fund", "resident"),
        };
        out.push(switch(
            "fund_coef_source",
            v.into(),
            Text::new(
                format!("附件的“基金可支付月数”未说是哪项基金：按{zh}"),
                format!("the annex's “months payable” does not say which fund: {en}"),
            ),
        ));
    }
    out.push(switch(
        "patient_coef_enabled",
        p.patient_coef_enabled.into(),
        if p.patient_coef_enabled {
            Text::new("附件定义了患者调节系数，正文未说是否计入测算值：按计入（乘入）", "the annex defines the patient coefficient, the body never says it enters the measured value: it does (multiplied in)")
        } else {
            Text::new("附件定义了患者调节系数，正文未说是否计入测算值：按不计入（= 1）", "the annex defines the patient coefficient, the body never says it enters the measured value: it does not (= 1)")
        },
    ));
    if has_counties && p.fund_coef_enabled {
        out.push(assumption(
            COUNTY_FUND_COEF_CITY,
            Text::new("县区的基金调节系数用全市的（基金市级统筹）：原文未说县区如何取", "a county's fund coefficient is the city's (the fund is pooled city-wide): the text does not say how a county takes it"),
        ));
    }
    if county_fallback {
        out.push(assumption(
            COUNTY_PATIENT_COEF_FALLBACK,
            Text::new(
                "县区未填出院人次时，用全市的患者调节系数：原文未说",
                "a county without discharge figures takes the city's patient coefficient: the text does not say",
            ),
        ));
    }
    out
}

/// Which readings each figure rests on: for the city (`county: None`), or for a county with
/// where its patient coefficient came from (`county`, `city`, `off`).
fn rests_on(p: &Params, county: Option<&str>) -> RestsOn {
    let mut fund = vec!["fund_coef_enabled"];
    if p.fund_coef_enabled {
        fund.push("fund_coef_source");
        if county.is_some() {
            fund.push(COUNTY_FUND_COEF_CITY);
        }
    }
    let mut patient = vec!["patient_coef_enabled"];
    if county == Some("city") {
        patient.push(COUNTY_PATIENT_COEF_FALLBACK);
    }
    let mut measured = vec![BED_NEED_FORMULA];
    measured.extend(&fund);
    measured.extend(&patient);
    vec![
        ("required_beds", vec![BED_NEED_FORMULA]),
        ("measured_raw_per_1000", vec![BED_NEED_FORMULA]),
        ("fund_coef", fund),
        ("patient_coef", patient),
        ("measured_beds_per_1000", measured),
    ]
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
    (d.local_local > 0)
        .then(|| (d.local_local as f64 - d.local_elsewhere as f64 + d.nonlocal_local as f64) / d.local_local as f64)
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

    let counties: Vec<(String, CountyFigures)> = s
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
                rests_on: rests_on(p, Some(from)),
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
        rests_on: rests_on(p, None),
        readings: readings(p, counties.iter().any(|(_, c)| c.patient_coef_from == "city"), !counties.is_empty()),
        counties,
    }
}
