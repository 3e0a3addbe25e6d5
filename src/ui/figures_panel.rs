//! Right column, below the decision: the bed figures with every intermediate term and the
//! formula it comes from (the simulator's reading of the annex, said so) and a county table.
//! Coverage has its own panel (coverage_panel.rs).

use yew::prelude::*;

use super::i18n::{self as i, bi_t, t, Words};
use crate::app::state::State;
use crate::engine::figures::{FigureReading, ReadingKind};
use crate::engine::Figures;
use crate::policy::{param_def, FundCoefSource};
use crate::text::{num, thousands, Lang, Text};

#[derive(Properties)]
pub struct Props {
    pub state: UseReducerHandle<State>,
    /// What the panel showed: the figures, the data behind their formulas and the coefficient
    /// parameters. It is not rendered again when none of those changed (a radius drag, a click).
    pub snap: FiguresSnap,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        self.snap == other.snap
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct FiguresSnap {
    lang: Lang,
    figures: Figures,
    city: crate::scenario::City,
    counties: Vec<(String, String)>,
    coef: (f64, f64, bool, FundCoefSource, bool),
}

impl FiguresSnap {
    pub fn of(s: &State) -> FiguresSnap {
        let p = &s.policy.params;
        FiguresSnap {
            lang: s.lang,
            figures: s.evaluation.figures.clone(),
            city: s.scenario.city.clone(),
            counties: s
                .scenario
                .counties
                .iter()
                .map(|c| (c.id.clone(), c.name.clone()))
                .collect(),
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

fn fmt_opt(lang: Lang, x: Option<f64>, decimals: usize) -> String {
    x.map(|v| fmt(v, decimals))
        .unwrap_or_else(|| i::MISSING_VALUE.get(lang).to_string())
}

pub fn pct(x: Option<f64>, lang: Lang) -> String {
    x.map(|v| format!("{}%", num(v * 100.0, 1)))
        .unwrap_or_else(|| i::MISSING_VALUE.get(lang).to_string())
}

/// A figure path (`city.fund.employee_months`, `counties[1].insured`) in words.
fn missing_label(lang: Lang, path: &str) -> String {
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

/// A reading a figure or an outcome rests on: a switch or assumed parameter (its id is a
/// parameter's: the mark jumps to its control) or a labelled assumption (its words on hover).
pub struct Mark<'a> {
    pub id: &'a str,
    pub text: Option<&'a Text>,
}

impl<'a> From<&'a FigureReading> for Mark<'a> {
    fn from(r: &'a FigureReading) -> Self {
        Mark {
            id: r.id,
            text: Some(&r.text),
        }
    }
}

/// “⚑ 解读”: the simulator's readings beside a figure, each named (a switch's or parameter's
/// label, a built-in assumption's name) and linked to its entry in the readings register. The
/// ids stay in `data-readings` for the tests and the printout.
pub fn reading_marks(lang: Lang, marks: &[Mark]) -> Html {
    if marks.is_empty() {
        return html! {};
    }
    let ids: Vec<&str> = marks.iter().map(|m| m.id).collect();
    let kind = |id: &str| match param_def(id) {
        Some(d) if crate::policy::readings::is_switch(d) => {
            crate::policy::readings::EntryKind::Switch
        }
        _ => crate::policy::readings::EntryKind::Assumption,
    };
    // What a built-in assumption says, on hover (the register has it in full).
    let title: Vec<String> = marks
        .iter()
        .filter_map(|m| m.text.map(|x| t(lang, x)))
        .collect();
    html! {
        <span class="reading-marks" data-readings={ids.join(" ")} title={(!title.is_empty()).then(|| title.join("\n"))}>
            <span class="tag tag-assumption">{ Text::new("解读", "reading").get(lang).to_string() }</span>
            { " " }
            { super::readings_panel::links(lang, marks.iter().map(|m| (m.id, kind(m.id)))) }
        </span>
    }
}

struct Row<'a> {
    key: &'static str,
    label: Words,
    formula: Option<String>,
    value: String,
    strong: bool,
    readings: Vec<&'a FigureReading>,
}

fn rows_table(lang: Lang, rows: Vec<Row>) -> Html {
    html! {
        <dl class="figures-list">
            { for rows.into_iter().map(|r| html! {
                <div class={classes!("figure-row", r.strong.then_some("is-strong"))} data-figure={r.key}>
                    <dt>
                        { r.label.get(lang) }
                        if let Some(f) = r.formula {
                            <span class="formula">{ f }</span>
                        }
                        { reading_marks(lang, &r.readings.iter().map(|x| Mark::from(*x)).collect::<Vec<_>>()) }
                    </dt>
                    <dd>{ r.value }</dd>
                </div>
            }) }
        </dl>
    }
}

/// A county's measured value rests on the city's readings and its own: the table marks only the
/// county's own (the list above explains all), keeping every id in `data-readings`.
fn county_marks(lang: Lang, f: &Figures, county: &str) -> Html {
    let all = f.county_readings_of(county, "measured_beds_per_1000");
    let city: Vec<&str> = f
        .readings_of("measured_beds_per_1000")
        .iter()
        .map(|r| r.id)
        .collect();
    let own: Vec<Mark> = all
        .iter()
        .filter(|r| !city.contains(&r.id))
        .map(|r| Mark::from(*r))
        .collect();
    let ids: Vec<&str> = all.iter().map(|r| r.id).collect();
    html! {
        <span class="county-readings" data-readings={ids.join(" ")}>{ reading_marks(lang, &own) }</span>
    }
}

/// Every reading the figures rest on, in words: what the text says and what the simulator adds.
fn readings_list(lang: Lang, f: &Figures) -> Html {
    html! {
        <ul class="figure-readings" data-testid="figure-readings">
            { for f.readings.iter().map(|r| {
                let kind = match r.kind {
                    ReadingKind::Switch => i::SWITCH.get(lang),
                    ReadingKind::Assumption => i::ASSUMPTION.get(lang),
                };
                html! {
                    <li data-reading={r.id} data-kind={if r.kind == ReadingKind::Switch { "switch" } else { "assumption" }}>
                        <code>{ r.id }</code>{ " " }<span class="tag tag-assumption">{ kind }</span>{ " " }{ t(lang, &r.text) }
                    </li>
                }
            }) }
        </ul>
    }
}

fn city_rows<'a>(s: &State, f: &'a Figures) -> Vec<Row<'a>> {
    let lang = s.lang;
    let c = &s.scenario.city;
    let p = &s.policy.params;
    let m = i::MISSING_VALUE.get(lang);
    let ou = |x: Option<u64>| x.map(thousands).unwrap_or_else(|| m.to_string());
    let of = |x: Option<f64>, d: usize| x.map(|v| fmt(v, d)).unwrap_or_else(|| m.to_string());

    let actual_formula = format!("{} ÷ {} × 1000", ou(c.open_beds), ou(c.resident_population));
    let required_formula = format!(
        "{} × {} ÷ (365 × {})",
        ou(c.admissions),
        of(c.avg_stay_days, 2),
        of(c.bed_utilisation, 4)
    );
    let raw_formula = format!("{} ÷ {} × 1000", of(f.required_beds, 1), ou(c.insured));
    let fund = c.fund.unwrap_or_default();
    let ratios = format!(
        "{} {} ÷ {} = {}；{} {} ÷ {} = {}",
        i::FIG_EMPLOYEE.get(lang),
        of(fund.employee_months, 2),
        num(p.employee_fund_min_months, 2),
        of(f.fund_ratios.employee, 4),
        i::FIG_RESIDENT.get(lang),
        of(fund.resident_months, 2),
        num(p.resident_fund_min_months, 2),
        of(f.fund_ratios.resident, 4),
    );
    let fund_coef_formula = if !p.fund_coef_enabled {
        i::FIG_COEF_OFF.get(lang).to_string()
    } else {
        let source = match p.fund_coef_source {
            FundCoefSource::Lower => i::FIG_SOURCE_LOWER,
            FundCoefSource::Employee => i::FIG_SOURCE_EMPLOYEE,
            FundCoefSource::Resident => i::FIG_SOURCE_RESIDENT,
        };
        source.get(lang).to_string()
    };
    let patient_formula = if !p.patient_coef_enabled {
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
    let measured_formula = format!(
        "{} × {} × {}",
        of(f.measured_raw_per_1000, 4),
        of(f.fund_coef, 4),
        of(f.patient_coef, 4)
    );
    vec![
        Row {
            key: "actual_beds_per_1000",
            label: i::FIG_ACTUAL,
            formula: Some(format!(
                "{} = {actual_formula}",
                i::FIG_ACTUAL_FORMULA.get(lang)
            )),
            value: of(f.actual_beds_per_1000, 4),
            strong: true,
            readings: f.readings_of("actual_beds_per_1000"),
        },
        Row {
            key: "target_beds_per_1000",
            label: i::FIG_TARGET,
            formula: None,
            value: fmt(f.target_beds_per_1000, 4),
            strong: true,
            readings: f.readings_of("target_beds_per_1000"),
        },
        Row {
            key: "required_beds",
            label: i::FIG_REQUIRED,
            formula: Some(format!(
                "{} = {required_formula}",
                i::FIG_REQUIRED_FORMULA.get(lang)
            )),
            value: of(f.required_beds, 1),
            strong: false,
            readings: f.readings_of("required_beds"),
        },
        Row {
            key: "measured_raw_per_1000",
            label: i::FIG_RAW,
            formula: Some(format!("{} = {raw_formula}", i::FIG_RAW_FORMULA.get(lang))),
            value: of(f.measured_raw_per_1000, 4),
            strong: false,
            readings: f.readings_of("measured_raw_per_1000"),
        },
        Row {
            key: "fund_ratios",
            label: i::FIG_FUND_RATIOS,
            formula: Some(ratios),
            value: String::new(),
            strong: false,
            readings: f.readings_of("fund_ratios"),
        },
        Row {
            key: "fund_coef",
            label: i::FIG_FUND_COEF,
            formula: Some(fund_coef_formula),
            value: of(f.fund_coef, 4),
            strong: false,
            readings: f.readings_of("fund_coef"),
        },
        Row {
            key: "patient_coef",
            label: i::FIG_PATIENT_COEF,
            formula: Some(patient_formula),
            value: of(f.patient_coef, 4),
            strong: false,
            readings: f.readings_of("patient_coef"),
        },
        Row {
            key: "measured_beds_per_1000",
            label: i::FIG_MEASURED,
            formula: Some(format!(
                "{} = {measured_formula}",
                i::FIG_MEASURED_FORMULA.get(lang)
            )),
            value: of(f.measured_beds_per_1000, 4),
            strong: true,
            readings: f.readings_of("measured_beds_per_1000"),
        },
    ]
}

/// Where the city's measured value stands against target and actual (三(一)1).
fn comparison(lang: Lang, f: &Figures) -> Html {
    let (Some(m), Some(a)) = (f.measured_beds_per_1000, f.actual_beds_per_1000) else {
        return html! {};
    };
    let tg = f.target_beds_per_1000;
    let (class, text) = if m < tg && m < a {
        ("below", i::FIG_COMPARE_BELOW)
    } else if m > tg && m > a {
        ("above", i::FIG_COMPARE_ABOVE)
    } else {
        ("between", i::FIG_COMPARE_BETWEEN)
    };
    html! {
        <p class={classes!("comparison", format!("comparison-{class}"))} data-testid="figures-comparison" data-comparison={class}>
            { text.get(lang) }
        </p>
    }
}

#[function_component(FiguresPanel)]
pub fn figures_panel(props: &Props) -> Html {
    let s = &*props.state;
    let lang = s.lang;
    let f = &s.evaluation.figures;
    let county_name = |id: &str| {
        s.scenario
            .counties
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    html! {
        <>
        <section class="panel panel-figures" aria-labelledby="figures-heading" data-testid="figures">
            <h2 id="figures-heading">{ bi_t(lang, i::FIGURES_HEADING) }</h2>
            <h3 class="figures-city">{ i::CITY.get(lang) }{ " · " }{ s.scenario.city.name.clone() }</h3>
            { rows_table(lang, city_rows(s, f)) }
            { comparison(lang, f) }
            if !f.missing.is_empty() {
                <div class="missing" data-testid="figures-missing">
                    <strong>{ i::FIG_MISSING.get(lang) }{ i::COLON.get(lang) }</strong>
                    <ul>{ for f.missing.iter().map(|m| html! { <li data-missing={m.clone()}>{ missing_label(lang, m) }</li> }) }</ul>
                </div>
            }
            <p class="reading-note">{ i::FIG_READING.get(lang) }</p>
            { readings_list(lang, f) }
            if !f.counties.is_empty() {
                <h3>{ bi_t(lang, i::FIG_COUNTY_TABLE) }</h3>
                <div class="table-scroll">
                    <table class="county-table" data-testid="county-figures">
                        <thead>
                            <tr>
                                <th scope="col">{ i::FIG_COUNTY.get(lang) }</th>
                                <th scope="col">{ i::FIG_T_ACTUAL.get(lang) }</th>
                                <th scope="col">{ i::FIG_T_RAW.get(lang) }</th>
                                <th scope="col">{ i::FIG_T_PATIENT.get(lang) }</th>
                                <th scope="col">{ i::FIG_T_MEASURED.get(lang) }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for f.counties.iter().map(|(id, c)| {
                                let below = c.measured_beds_per_1000.map(|m| m < f.target_beds_per_1000);
                                html! {
                                    <tr data-county={id.clone()}>
                                        <th scope="row">{ county_name(id) }</th>
                                        <td>{ fmt_opt(lang, c.actual_beds_per_1000, 2) }</td>
                                        <td>{ fmt_opt(lang, c.measured_raw_per_1000, 4) }</td>
                                        <td>
                                            { fmt_opt(lang, c.patient_coef, 4) }
                                            if c.patient_coef_from == "city" {
                                                <span class="cell-note">{ i::FIG_PATIENT_FROM_CITY.get(lang) }</span>
                                            }
                                        </td>
                                        <td class={classes!(below.map(|b| if b { "is-below" } else { "is-above" }))}>
                                            { fmt_opt(lang, c.measured_beds_per_1000, 4) }
                                            { match below {
                                                Some(true) => html! { <span class="cell-note">{ "< " }{ i::FIG_TARGET.get(lang) }</span> },
                                                Some(false) => html! { <span class="cell-note">{ "≥ " }{ i::FIG_TARGET.get(lang) }</span> },
                                                None => html! {},
                                            } }
                                            { county_marks(lang, f, id) }
                                            if !c.missing.is_empty() {
                                                <span class="cell-note" data-missing={c.missing.join(" ")}>
                                                    { format!("{}{}{}", i::FIG_MISSING.get(lang), i::COLON.get(lang), c.missing.iter().map(|m| missing_label(lang, m)).collect::<Vec<_>>().join(i::LIST_SEP.get(lang))) }
                                                </span>
                                            }
                                        </td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
        </>
    }
}
