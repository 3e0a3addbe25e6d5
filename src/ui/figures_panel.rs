//! Right column, below the decision: the bed figures with every intermediate term and the
//! formula it comes from (the simulator's reading of the annex, said so) and a county table.
//! Coverage has its own panel (coverage_panel.rs).

use yew::prelude::*;

use super::i18n::{self as i, bi_t, t};
use crate::app::figures::{city_rows, fmt_opt, missing_label, standing, FigureRow};
pub use crate::app::figures::{fmt, pct, FiguresSnap};
use crate::engine::figures::{FigureReading, ReadingKind};
use crate::engine::Figures;
use crate::policy::param_def;
use crate::text::{Lang, Text};

/// What the panel shows (the figures, the data behind their formulas, the coefficient
/// parameters): it is not rendered again when none of those changed (a radius drag, a click).
#[derive(Properties, PartialEq)]
pub struct Props {
    pub snap: FiguresSnap,
}

/// A reading a figure or an outcome rests on: a switch or assumed parameter (its id is a
/// parameter's: the mark jumps to its control) or a labelled assumption (its words on hover).
pub struct Mark<'a> {
    pub id: &'a str,
    pub text: Option<&'a Text>,
}

impl<'a> From<&'a FigureReading> for Mark<'a> {
    fn from(r: &'a FigureReading) -> Self {
        Mark { id: r.id, text: Some(&r.text) }
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
        Some(d) if crate::policy::readings::is_switch(d) => crate::policy::readings::EntryKind::Switch,
        _ => crate::policy::readings::EntryKind::Assumption,
    };
    // What a built-in assumption says, on hover (the register has it in full).
    let title: Vec<String> = marks.iter().filter_map(|m| m.text.map(|x| t(lang, x))).collect();
    html! {
        <span class="reading-marks" data-readings={ids.join(" ")} title={(!title.is_empty()).then(|| title.join("\n"))}>
            <span class="tag tag-assumption">{ Text::new("解读", "reading").get(lang).to_string() }</span>
            { " " }
            { super::readings_panel::links(lang, marks.iter().map(|m| (m.id, kind(m.id)))) }
        </span>
    }
}

fn rows_table(lang: Lang, rows: Vec<FigureRow>) -> Html {
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
    let city: Vec<&str> = f.readings_of("measured_beds_per_1000").iter().map(|r| r.id).collect();
    let own: Vec<Mark> = all.iter().filter(|r| !city.contains(&r.id)).map(|r| Mark::from(*r)).collect();
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
                        <strong>{ crate::policy::readings::label_of(r.id).map_or(r.id.to_string(), |l| t(lang, &l)) }</strong>{ " " }<span class="tag tag-assumption">{ kind }</span>{ " " }{ crate::policy::clauses::cite_in(lang, &t(lang, &r.text)).into_owned() }
                    </li>
                }
            }) }
        </ul>
    }
}

/// Where the city's measured value stands against target and actual (三(一)1).
fn comparison(lang: Lang, f: &Figures) -> Html {
    let Some((class, text)) = standing(f) else {
        return html! {};
    };
    html! {
        <p class={classes!("comparison", format!("comparison-{class}"))} data-testid="figures-comparison" data-comparison={class}>
            { text.get(lang) }
        </p>
    }
}

#[function_component(FiguresPanel)]
pub fn figures_panel(props: &Props) -> Html {
    let snap = &props.snap;
    let lang = snap.lang;
    let f = &snap.figures;
    let county_name = |id: &str| {
        snap.counties
            .iter()
            .find(|(c, _)| c == id)
            .map(|(_, name)| crate::place_names::county_label(lang, name).into_owned())
            .unwrap_or_else(|| id.to_string())
    };
    html! {
        <>
        <section class="panel panel-figures" aria-labelledby="figures-heading" data-testid="figures">
            <h2 id="figures-heading">{ bi_t(lang, i::FIGURES_HEADING) }</h2>
            <h3 class="figures-city">{ i::CITY.get(lang) }{ " · " }{ snap.city.name.clone() }</h3>
            { rows_table(lang, city_rows(snap)) }
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
                <div class="table-scroll" tabindex="0">
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
