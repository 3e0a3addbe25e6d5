//! Every application decided at once, as a table: outcome (symbol and words), the rule
//! and clause that decided it, and the distance to the nearest designated institution of the
//! same type. Sortable (click a header; `aria-sort` says how), filterable (outcome, kind, text)
//! and paginated; choosing a row selects the application, which the map highlights and pans to.
//! Below, the exports: results as CSV (UTF-8 with BOM) and xlsx, the scenario as JSON, and the
//! institutions, applications (with outcomes) and population cells (with coverage) as GeoJSON.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::decision_panel::outcome_symbol;
use super::i18n::{self as i, bi_t, t};
use super::io;
use super::widgets::download;
use crate::app::results_table::{
    distance, export, pages, Col, Export, ExportFile, ResultsView, Rows, TableView, PAGE_ROWS,
};
use crate::app::state::Shared;
use crate::engine::Outcome;
use crate::scenario::Kind;
use crate::text::{thousands, Lang};

/// What the table shows and exports; the user's intent: bring an application into view.
#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub view: ResultsView,
    /// The application's index in the scenario.
    pub on_focus: Callback<usize>,
}

/// Gives the user an export's file.
fn save(file: ExportFile) {
    match file {
        // Tables are written by the file worker (loaded at the first export).
        ExportFile::Worker { request, name, mime } => io::download_made(&request, name, mime, |_| {}),
        ExportFile::Made { name, mime, text } => download(name, mime, text.as_bytes()),
    }
}

#[function_component(ResultsPanel)]
pub fn results_panel(props: &Props) -> Html {
    let s = &props.view;
    let lang = props.lang;
    // None: open by itself when imported data holds more than one application.
    let open_choice = use_state_eq(|| None::<bool>);
    let open = open_choice.unwrap_or(s.auto_open());
    let view = use_state(TableView::default);

    // Made only while the table is open: the distances need an index of the institutions.
    let rows = use_memo((s.scenario.clone(), s.evaluation.clone(), open), |(sc, ev, open)| {
        if *open {
            Rows::of(sc, ev)
        } else {
            Rows::default()
        }
    });
    let v = (*view).clone();
    let order = use_memo((Shared(rows.clone()), v.clone()), |(rows, v)| v.order(&rows.rows));

    let on_toggle = {
        let open_choice = open_choice.clone();
        super::widgets::on_details_toggle(move |o| open_choice.set(Some(o)))
    };
    let update = |f: fn(&mut TableView, String)| {
        let view = view.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = (*view).clone();
            f(&mut next, value);
            next.page = 0;
            view.set(next);
        })
    };
    let on_outcome = update(|v, x| v.outcome = Outcome::ALL.into_iter().find(|o| o.id() == x));
    let on_kind = update(|v, x| v.kind = Kind::ALL.into_iter().find(|k| k.id() == x));
    let on_text = {
        let view = view.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut next = (*view).clone();
            next.text = value;
            next.page = 0;
            view.set(next);
        })
    };
    let (pages, page) = pages(order.len(), v.page);
    let go = |to: usize| {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*view).clone();
            next.page = to;
            view.set(next);
        })
    };

    let selected_id = s.selected_id();
    let header = |col: Col| {
        let view = view.clone();
        let (aria, arrow) = v.sort_of(col);
        let onclick = Callback::from(move |_: MouseEvent| view.set(view.sorted_by(col)));
        html! {
            <th scope="col" aria-sort={aria} data-col={col.id()}>
                <button type="button" class="th-sort" data-testid={format!("sort-{}", col.id())} {onclick}>
                    { col.label().get(lang) }<span class="sort-arrow" aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    };
    let body = order.iter().skip(page * PAGE_ROWS).take(PAGE_ROWS).map(|&k| {
        let r = &rows.rows[k];
        let idx = rows.index[k];
        let select = props.on_focus.reform(move |_: MouseEvent| idx);
        let is_sel = selected_id == Some(r.id.as_str());
        let rule_title = r.deciding_rule.as_deref().and_then(crate::policy::rule_def).map(|d| t(lang, &d.title()));
        html! {
            <tr data-id={r.id.clone()} data-outcome={r.outcome.id()} aria-selected={is_sel.to_string()}
                class={classes!(is_sel.then_some("is-selected"))} onclick={select.clone()}>
                <td>
                    <button type="button" class="linklike" data-testid="result-select" aria-pressed={is_sel.to_string()} onclick={select}>
                        { r.id.clone() }
                    </button>
                </td>
                <td class="result-name">{ r.name.clone().unwrap_or_default() }</td>
                <td>{ t(lang, &r.kind.label()) }</td>
                <td>{ r.county.as_deref().map(|c| crate::place_names::county_label(lang, c).into_owned()).unwrap_or_default() }</td>
                <td class={classes!("result-outcome", format!("outcome-{}", r.outcome.id()))}>
                    <span class="result-symbol" aria-hidden="true">{ outcome_symbol(r.outcome) }</span>
                    { t(lang, &r.outcome.label()) }
                </td>
                <td class="result-rule">
                    if let Some(rule) = &r.deciding_rule {
                        <span class="rule-name" data-rule={rule.clone()}>{ rule_title.clone().unwrap_or_else(|| rule.clone()) }</span>
                        if let Some(c) = &r.clause {
                            <span class="rule-clause">{ crate::policy::clauses::cite(lang, c).into_owned() }</span>
                        }
                    } else {
                        { "—" }
                    }
                </td>
                <td class="num" data-m={r.nearest_same_type_m.map(|d| format!("{d:.1}"))}>{ distance(lang, r.nearest_same_type_m) }</td>
            </tr>
        }
    });

    // Exports: made on click, in the page's language.
    let export = |what: Export| {
        let view = s.clone();
        Callback::from(move |_: MouseEvent| save(export(&view, what, lang)))
    };
    let counts = s.counts();
    html! {
        <section class="panel panel-results" aria-labelledby="results-heading" data-testid="results-panel">
            <details class="results-details" open={open} ontoggle={on_toggle}>
                <summary data-testid="results-open">
                    <h2 id="results-heading">{ bi_t(lang, i::RS_HEADING) }</h2>
                    <span class="field-hint results-counts" data-testid="results-counts">
                        { format!("{} {}", thousands(s.evaluation.decisions.len() as u64), i::RS_APPLICATIONS.get(lang)) }
                        { for counts.iter().map(|(o, n)| html! {
                            <span class={classes!("count-chip", format!("outcome-{}", o.id()))}>
                                <span aria-hidden="true">{ outcome_symbol(*o) }</span>{ format!(" {} {}", t(lang, &o.label()), thousands(*n as u64)) }
                            </span>
                        }) }
                    </span>
                </summary>
                <div class="results-filters">
                    <div class="field">
                        <label for="results-outcome">{ bi_t(lang, i::RS_FILTER_OUTCOME) }</label>
                        <div class="control">
                            <select id="results-outcome" data-testid="results-outcome" onchange={on_outcome}>
                                <option value="" selected={v.outcome.is_none()}>{ i::RS_ALL.get(lang) }</option>
                                { for Outcome::ALL.iter().map(|o| html! {
                                    <option value={o.id()} selected={v.outcome == Some(*o)}>{ format!("{} {}", outcome_symbol(*o), t(lang, &o.label())) }</option>
                                }) }
                            </select>
                        </div>
                    </div>
                    <div class="field">
                        <label for="results-kind">{ bi_t(lang, i::RS_FILTER_KIND) }</label>
                        <div class="control">
                            <select id="results-kind" data-testid="results-kind" onchange={on_kind}>
                                <option value="" selected={v.kind.is_none()}>{ i::RS_ALL.get(lang) }</option>
                                { for Kind::ALL.iter().map(|k| html! {
                                    <option value={k.id()} selected={v.kind == Some(*k)}>{ t(lang, &k.label()) }</option>
                                }) }
                            </select>
                        </div>
                    </div>
                    <div class="field">
                        <label for="results-text">{ bi_t(lang, i::RS_FILTER_TEXT) }</label>
                        <div class="control">
                            <input id="results-text" type="search" data-testid="results-text" value={v.text.clone()} oninput={on_text} />
                        </div>
                    </div>
                </div>
                <p class="field-hint" role="status" data-testid="results-shown">
                    { format!("{} {} / {}", thousands(order.len() as u64), i::RS_SHOWN.get(lang), thousands(rows.rows.len() as u64)) }
                </p>
                <div class="table-scroll" tabindex="0">
                    <table class="results-table" data-testid="results-table">
                        <caption class="sr-only">{ i::RS_CAPTION.get(lang) }</caption>
                        <thead><tr>{ for Col::ALL.iter().map(|c| header(*c)) }</tr></thead>
                        <tbody>{ for body }</tbody>
                    </table>
                </div>
                if pages > 1 {
                    <nav class="pager" aria-label={i::RS_PAGES.get(lang)} data-testid="results-pager">
                        <button type="button" class="btn btn-quiet" data-testid="results-prev" disabled={page == 0} onclick={go(page.saturating_sub(1))}>
                            { "‹ " }{ i::RS_PREV.get(lang) }
                        </button>
                        <span data-testid="results-page">{ format!("{} / {}", page + 1, pages) }</span>
                        <button type="button" class="btn btn-quiet" data-testid="results-next" disabled={page + 1 >= pages} onclick={go(page + 1)}>
                            { i::RS_NEXT.get(lang) }{ " ›" }
                        </button>
                    </nav>
                }
            </details>
            <div class="export-bar" data-testid="exports">
                <h3>{ bi_t(lang, i::RS_EXPORT) }</h3>
                <div class="export-buttons">
                    <button type="button" class="btn btn-quiet" data-testid="export-results-csv" onclick={export(Export::ResultsCsv)}>{ "⇩ " }{ i::RS_EX_CSV.get(lang) }</button>
                    <button type="button" class="btn btn-quiet" data-testid="export-results-xlsx" onclick={export(Export::ResultsXlsx)}>{ "⇩ " }{ i::RS_EX_XLSX.get(lang) }</button>
                    <button type="button" class="btn btn-quiet" data-testid="export-scenario" onclick={export(Export::Scenario)}>{ "⇩ " }{ i::RS_EX_JSON.get(lang) }</button>
                    <button type="button" class="btn btn-quiet" data-testid="export-institutions" onclick={export(Export::Institutions)}>{ "⇩ " }{ i::RS_EX_INSTITUTIONS.get(lang) }</button>
                    <button type="button" class="btn btn-quiet" data-testid="export-applications" onclick={export(Export::Applications)}>{ "⇩ " }{ i::RS_EX_APPLICATIONS.get(lang) }</button>
                    <button type="button" class="btn btn-quiet" data-testid="export-cells" onclick={export(Export::Cells)}>{ "⇩ " }{ i::RS_EX_CELLS.get(lang) }</button>
                </div>
            </div>
        </section>
    }
}
