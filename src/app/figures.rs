//! The bed figures panel's model: what it shows (`FiguresSnap`, compared by value so a radius
//! drag or a click does not render it again), the rows of the city's figures with their
//! formulas written out, where the measured value stands, and the number formats the panels
//! share.

mod i {
    pub use crate::app::i18n::{data::*, figures::*, *};
}
use super::state::State;
use crate::engine::figures::FigureReading;
use crate::engine::Figures;
use crate::policy::FundCoefSource;
use crate::text::{num, thousands, Lang, Words};

/// What the figures panel shows: the figures, the data behind their formulas and the
/// coefficient parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct FiguresSnap {
    pub lang: Lang,
    pub figures: Figures,
    pub city: crate::scenario::City,
    pub counties: Vec<(String, String)>,
    /// The fund minimum months (employee, resident), whether the fund coefficient is on and its
    /// source, whether the patient coefficient is on.
    pub coef: (f64, f64, bool, FundCoefSource, bool),
}

impl FiguresSnap {
    pub fn of(s: &State) -> FiguresSnap {
        let p = &s.policy.params;
        FiguresSnap {
            lang: s.lang,
            figures: s.evaluation.figures.clone(),
            city: s.scenario.city.clone(),
            counties: s.scenario.counties.iter().map(|c| (c.id.clone(), c.name.clone())).collect(),
            coef: (
                p.employee_fund_min_months,
                p.resident_fund_min_months,
                p.fund_coef_enabled,
                p.fund_coef_source,
                p.patient_coef_enabled,
            ),
        }
    }
}

/// A figure with thousands separators and at most `decimals` places.
pub fn fmt(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let s = num(x.abs(), decimals);
    let (int, frac) = match s.split_once('.') {
        Some((a, b)) => (a.to_string(), format!(".{b}")),
        None => (s.clone(), String::new()),
    };
    let int = int.parse::<u64>().map(thousands).unwrap_or(int);
    format!("{}{int}{frac}", if x < 0.0 { "−" } else { "" })
}

pub fn fmt_opt(lang: Lang, x: Option<f64>, decimals: usize) -> String {
    x.map(|v| fmt(v, decimals)).unwrap_or_else(|| i::MISSING_VALUE.get(lang).to_string())
}

pub fn pct(x: Option<f64>, lang: Lang) -> String {
    x.map(|v| format!("{}%", num(v * 100.0, 1))).unwrap_or_else(|| i::MISSING_VALUE.get(lang).to_string())
}

/// A figure path (`city.fund.employee_months`, `counties[1].insured`) in words.
pub fn missing_label(lang: Lang, path: &str) -> String {
    let field = path.rsplit('.').next().unwrap_or(path);
    let label: Option<Words> = match field {
        "resident_population" => Some(i::F_RESIDENT_POPULATION),
        "open_beds" => Some(i::F_OPEN_BEDS),
        "insured" => Some(i::F_INSURED),
        "admissions" => Some(i::F_ADMISSIONS),
        "avg_stay_days" => Some(i::F_AVG_STAY),
        "bed_utilisation" => Some(i::F_UTILISATION),
        "discharges" => Some(i::F_DISCHARGES),
        "employee_months" => Some(i::F_EMPLOYEE_MONTHS),
        "resident_months" => Some(i::F_RESIDENT_MONTHS),
        _ => None,
    };
    match label {
        Some(l) => format!("{}{}", l.get(lang), i::paren(lang, path)),
        None => path.to_string(),
    }
}

/// One row of the city's figures: its label, the formula with the numbers put in, the value and
/// the readings it rests on.
pub struct FigureRow<'a> {
    pub key: &'static str,
    pub label: Words,
    pub formula: Option<String>,
    pub value: String,
    pub strong: bool,
    pub readings: Vec<&'a FigureReading>,
}

pub fn city_rows(snap: &FiguresSnap) -> Vec<FigureRow<'_>> {
    let lang = snap.lang;
    let f = &snap.figures;
    let c = &snap.city;
    let (employee_min, resident_min, fund_coef_enabled, fund_coef_source, patient_coef_enabled) = snap.coef;
    let m = i::MISSING_VALUE.get(lang);
    let ou = |x: Option<u64>| x.map(thousands).unwrap_or_else(|| m.to_string());
    let of = |x: Option<f64>, d: usize| x.map(|v| fmt(v, d)).unwrap_or_else(|| m.to_string());

    let actual_formula = format!("{} ÷ {} × 1000", ou(c.open_beds), ou(c.resident_population));
    let required_formula =
        format!("{} × {} ÷ (365 × {})", ou(c.admissions), of(c.avg_stay_days, 2), of(c.bed_utilisation, 4));
    let raw_formula = format!("{} ÷ {} × 1000", of(f.required_beds, 1), ou(c.insured));
    let fund = c.fund.unwrap_or_default();
    let ratios = format!(
        "{} {} ÷ {} = {}；{} {} ÷ {} = {}",
        i::FIG_EMPLOYEE.get(lang),
        of(fund.employee_months, 2),
        num(employee_min, 2),
        of(f.fund_ratios.employee, 4),
        i::FIG_RESIDENT.get(lang),
        of(fund.resident_months, 2),
        num(resident_min, 2),
        of(f.fund_ratios.resident, 4),
    );
    let fund_coef_formula = if !fund_coef_enabled {
        i::FIG_COEF_OFF.get(lang).to_string()
    } else {
        let source = match fund_coef_source {
            FundCoefSource::Lower => i::FIG_SOURCE_LOWER,
            FundCoefSource::Employee => i::FIG_SOURCE_EMPLOYEE,
            FundCoefSource::Resident => i::FIG_SOURCE_RESIDENT,
        };
        source.get(lang).to_string()
    };
    let patient_formula = if !patient_coef_enabled {
        i::FIG_COEF_OFF.get(lang).to_string()
    } else {
        match c.discharges {
            Some(d) => format!(
                "({} − {} + {}) ÷ {}",
                thousands(d.local_local),
                thousands(d.local_elsewhere),
                thousands(d.nonlocal_local),
                thousands(d.local_local)
            ),
            None => i::FIG_PATIENT_FORMULA.get(lang).to_string(),
        }
    };
    let measured_formula =
        format!("{} × {} × {}", of(f.measured_raw_per_1000, 4), of(f.fund_coef, 4), of(f.patient_coef, 4));
    vec![
        FigureRow {
            key: "actual_beds_per_1000",
            label: i::FIG_ACTUAL,
            formula: Some(format!("{} = {actual_formula}", i::FIG_ACTUAL_FORMULA.get(lang))),
            value: of(f.actual_beds_per_1000, 4),
            strong: true,
            readings: f.readings_of("actual_beds_per_1000"),
        },
        FigureRow {
            key: "target_beds_per_1000",
            label: i::FIG_TARGET,
            formula: None,
            value: fmt(f.target_beds_per_1000, 4),
            strong: true,
            readings: f.readings_of("target_beds_per_1000"),
        },
        FigureRow {
            key: "required_beds",
            label: i::FIG_REQUIRED,
            formula: Some(format!("{} = {required_formula}", i::FIG_REQUIRED_FORMULA.get(lang))),
            value: of(f.required_beds, 1),
            strong: false,
            readings: f.readings_of("required_beds"),
        },
        FigureRow {
            key: "measured_raw_per_1000",
            label: i::FIG_RAW,
            formula: Some(format!("{} = {raw_formula}", i::FIG_RAW_FORMULA.get(lang))),
            value: of(f.measured_raw_per_1000, 4),
            strong: false,
            readings: f.readings_of("measured_raw_per_1000"),
        },
        FigureRow {
            key: "fund_ratios",
            label: i::FIG_FUND_RATIOS,
            formula: Some(ratios),
            value: String::new(),
            strong: false,
            readings: f.readings_of("fund_ratios"),
        },
        FigureRow {
            key: "fund_coef",
            label: i::FIG_FUND_COEF,
            formula: Some(fund_coef_formula),
            value: of(f.fund_coef, 4),
            strong: false,
            readings: f.readings_of("fund_coef"),
        },
        FigureRow {
            key: "patient_coef",
            label: i::FIG_PATIENT_COEF,
            formula: Some(patient_formula),
            value: of(f.patient_coef, 4),
            strong: false,
            readings: f.readings_of("patient_coef"),
        },
        FigureRow {
            key: "measured_beds_per_1000",
            label: i::FIG_MEASURED,
            formula: Some(format!("{} = {measured_formula}", i::FIG_MEASURED_FORMULA.get(lang))),
            value: of(f.measured_beds_per_1000, 4),
            strong: true,
            readings: f.readings_of("measured_beds_per_1000"),
        },
    ]
}

/// Where the city's measured value stands against target and actual (三(一)1): a class for the
/// page and its words; None while either is missing.
pub fn standing(f: &Figures) -> Option<(&'static str, Words)> {
    let (Some(m), Some(a)) = (f.measured_beds_per_1000, f.actual_beds_per_1000) else {
        return None;
    };
    let tg = f.target_beds_per_1000;
    Some(if m < tg && m < a {
        ("below", i::FIG_COMPARE_BELOW)
    } else if m > tg && m > a {
        ("above", i::FIG_COMPARE_ABOVE)
    } else {
        ("between", i::FIG_COMPARE_BETWEEN)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_with_separators_and_a_true_minus() {
        assert_eq!(fmt(1234567.891, 2), "1,234,567.89");
        assert_eq!(fmt(-2.5, 1), "−2.5");
        assert_eq!(pct(Some(0.1234), Lang::En), "12.3%");
        assert_eq!(pct(None, Lang::En), i::MISSING_VALUE.en);
        assert_eq!(fmt_opt(Lang::Zh, None, 2), i::MISSING_VALUE.zh);
    }

    #[test]
    fn a_missing_figure_is_named_in_words_with_its_path() {
        let m = missing_label(Lang::En, "counties[1].insured");
        assert!(m.starts_with(&*i::F_INSURED.en) && m.contains("counties[1].insured"), "{m}");
        assert_eq!(missing_label(Lang::En, "city.unknown"), "city.unknown");
    }

    #[test]
    fn the_city_rows_write_out_every_formula() {
        let s = State::new();
        let snap = FiguresSnap::of(&s);
        let rows = city_rows(&snap);
        let keys: Vec<&str> = rows.iter().map(|r| r.key).collect();
        assert_eq!(keys[0], "actual_beds_per_1000");
        assert_eq!(keys.last(), Some(&"measured_beds_per_1000"));
        let actual = &rows[0];
        assert!(actual.formula.as_deref().unwrap().contains("× 1000"));
        assert_eq!(FiguresSnap::of(&s), snap, "the same state shows the same figures");
        if let Some((class, _)) = standing(&snap.figures) {
            assert!(["below", "above", "between"].contains(&class));
        }
    }
}
