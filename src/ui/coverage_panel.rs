//! Coverage of the current radius (city-wide per kind and pharmacy category, and per county),
//! the pharmacy area classes (areas and residents per class), and the acceptance surface of the
//! selected application (cells and residents per outcome). Everything is recomputed with the
//! decisions on every change.

use yew::prelude::*;

use super::decision_panel::outcome_symbol;
use super::figures_panel::{fmt, pct};
use super::i18n::{self as i, bi, bi_t, t};
use crate::app::coverage::{category_label, CoverageView};
use crate::app::state::AREA_CLASSES;
use crate::engine::Outcome;
use crate::spatial::KindCoverage;
use crate::text::{num, thousands, Lang, Words};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub view: CoverageView,
}

fn share_attr(x: Option<f64>) -> String {
    x.map(|v| num(v, 4)).unwrap_or_default()
}

/// A city-wide row with its bar.
fn city_row(lang: Lang, key: &'static str, label: Words, k: &KindCoverage) -> Html {
    let share = k.population_share;
    let width = share.map(|x| (x * 100.0).clamp(0.0, 100.0)).unwrap_or(0.0);
    html! {
        <div class="coverage-row" data-coverage={key} data-share={share_attr(share)}>
            <div class="coverage-label">
                <span>{ label.get(lang) }</span>
                <span class="coverage-value">{ pct(share, lang) }</span>
            </div>
            <div class="bar" aria-hidden="true"><span style={format!("width:{width:.1}%")}></span></div>
            <p class="coverage-sub">
                { i::COV_COVERED_RESIDENTS.get(lang) }{ i::COLON.get(lang) }{ thousands(k.covered_population) }{ " " }{ i::U_PERSONS.get(lang) }
            </p>
            if let Some(cats) = &k.by_category {
                <p class="coverage-cats">
                    <span>{ i::COV_OF_WHICH.get(lang) }{ i::COLON.get(lang) }</span>
                    { for cats.iter().map(|(id, v)| {
                        let label = category_label(lang, id);
                        html! { <span class="coverage-cat" data-category={id.clone()} data-share={share_attr(*v)}>{ format!("{label} {}", pct(*v, lang)) }</span> }
                    }) }
                </p>
            }
        </div>
    }
}

#[function_component(CoveragePanel)]
pub fn coverage_panel(props: &Props) -> Html {
    let s = &props.view;
    let lang = props.lang;
    let cov = &s.evaluation.coverage;
    let layers = &s.layers;
    let radius = s.radius;
    let no_cells = s.no_cells();
    let share_of = |pop: u64| s.share_of(pop);

    let counties = html! {
        <>
            <h3>{ bi_t(lang, i::COV_BY_COUNTY) }</h3>
            <div class="table-scroll" tabindex="0">
                <table class="county-table coverage-table" data-testid="coverage-counties">
                    <thead>
                        <tr>
                            <th scope="col">{ i::FIG_COUNTY.get(lang) }</th>
                            <th scope="col">{ i::COV_PHARMACY.get(lang) }</th>
                            <th scope="col">{ i::COV_OUTPATIENT.get(lang) }</th>
                            <th scope="col">{ i::COV_INPATIENT.get(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for s.scenario.counties.iter().map(|c| {
                            let [p, o, h] = s.county_shares(&c.id);
                            html! {
                                <tr data-county={c.id.clone()}>
                                    <th scope="row">{ crate::place_names::county_label(lang, &c.name).into_owned() }</th>
                                    <td data-coverage="pharmacy" data-share={share_attr(p)}>{ pct(p, lang) }</td>
                                    <td data-coverage="outpatient" data-share={share_attr(o)}>{ pct(o, lang) }</td>
                                    <td data-coverage="inpatient" data-share={share_attr(h)}>{ pct(h, lang) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    };

    let areas = html! {
        <>
            <h3>{ bi_t(lang, i::AREA_TABLE) }</h3>
            <p class="field-hint">{ i::AREA_INTRO.get(lang) }</p>
            <div class="table-scroll" tabindex="0">
                <table class="county-table coverage-table" data-testid="area-classes">
                    <thead>
                        <tr>
                            <th scope="col">{ i::COV_KIND.get(lang) }</th>
                            <th scope="col">{ i::AREA_COUNT.get(lang) }</th>
                            <th scope="col">{ i::RESIDENTS.get(lang) }</th>
                            <th scope="col">{ i::SHARE_OF_RESIDENTS.get(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for AREA_CLASSES.iter().zip(layers.area_counts.iter()).map(|(c, (n, pop))| html! {
                            <tr data-area-class={format!("{c:?}").to_lowercase()} data-areas={n.to_string()} data-residents={pop.to_string()}>
                                <th scope="row">{ bi(lang, &c.label()) }</th>
                                <td>{ thousands(*n) }</td>
                                <td>{ thousands(*pop) }</td>
                                <td>{ pct(share_of(*pop), lang) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    };

    let surface = &layers.surface;
    let app_name = s.app_name();
    let when = s.surface_when();
    let surface_html = html! {
        <>
            <h3>{ bi_t(lang, i::SURFACE_TABLE) }
                if let Some(n) = app_name { <span class="sub">{ n }</span> }
            </h3>
            <p class="field-hint">{ i::SURFACE_INTRO.get(lang) }</p>
            if !when.is_empty() {
                <p class="surface-when" data-testid="surface-when">{ i::SURFACE_WHEN.get(lang) }
                    { when.iter().map(|w| t(lang, w)).collect::<Vec<_>>().join(i::SEMICOLON.get(lang)) }
                    { " " }{ super::readings_panel::assumption_mark(lang, crate::policy::readings::WHERE_WHEN) }
                </p>
            }
            <div class="table-scroll" tabindex="0">
                <table class="county-table coverage-table" data-testid="surface-counts">
                    <thead>
                        <tr>
                            <th scope="col">{ i::OUTCOME.get(lang) }</th>
                            <th scope="col">{ i::CELLS.get(lang) }</th>
                            <th scope="col">{ i::RESIDENTS.get(lang) }</th>
                            <th scope="col">{ i::SHARE_OF_RESIDENTS.get(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for surface.where_counts.iter().map(|c| {
                            let o = c.outcome.unwrap_or(Outcome::Undetermined);
                            html! {
                                <tr data-outcome={o.id()} data-cells={c.cells.to_string()} data-residents={c.population.to_string()}>
                                    <th scope="row">
                                        <span class={classes!("mini-outcome", format!("outcome-{}", o.id()))}>
                                            <span aria-hidden="true">{ outcome_symbol(o) }{ " " }</span>{ t(lang, &o.label()) }
                                        </span>
                                    </th>
                                    <td>{ thousands(c.cells) }</td>
                                    <td>{ thousands(c.population) }</td>
                                    <td>{ pct(share_of(c.population), lang) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    };

    html! {
        <section class="panel panel-coverage" aria-labelledby="coverage-heading" data-testid="coverage-panel"
            data-radius={num(radius, 1)}>
            <h2 id="coverage-heading">{ bi_t(lang, i::COV_PANEL_HEADING) }</h2>
            <p class="field-hint">{ i::COV_INTRO.get(lang) }{ format!(" r = {} {}", num(radius, 0), i::METRES.get(lang)) }</p>
            if no_cells {
                <p class="empty">{ i::COV_NONE.get(lang) }</p>
            } else {
                <h3>{ bi_t(lang, i::COV_CITY) }</h3>
                <div class="coverage-city" data-testid="coverage-city">
                    { city_row(lang, "pharmacy", i::COV_PHARMACY, &cov.pharmacy) }
                    { city_row(lang, "outpatient", i::COV_OUTPATIENT, &cov.outpatient) }
                    { city_row(lang, "inpatient", i::COV_INPATIENT, &cov.inpatient) }
                </div>
                { counties }
                { areas }
                { surface_html }
                <p class="recompute-time" data-testid="recompute-ms" data-ms={num(s.recompute_ms, 2)}>
                    { i::RECOMPUTED_IN.get(lang) }{ i::COLON.get(lang) }{ fmt(s.recompute_ms, 1) }{ " " }{ i::MS.get(lang) }
                    { format!(" · {} × {}", thousands(s.scenario.population_cells.len() as u64), i::CELLS.get(lang)) }
                </p>
            }
        </section>
    }
}
