//! Every application decided at once, as a table: outcome (symbol and words), the rule
//! and clause that decided it, and the distance to the nearest designated institution of the
//! same type. Sortable (click a header; `aria-sort` says how), filterable (outcome, kind, text)
//! and paginated; choosing a row selects the application, which the map highlights and pans to.
//! Below, the exports: results as CSV (UTF-8 with BOM) and xlsx, the scenario as JSON, and the
//! institutions, applications (with outcomes) and population cells (with coverage) as GeoJSON.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::decision_panel::outcome_symbol;
use super::i18n::{self as i, bi_t, t};
use super::io;
use super::widgets::download;
use crate::app::state::{Action, Dataset, State};
use crate::engine::{Evaluation, Outcome};
use crate::file_worker::Request;
use crate::results::{applications_geojson, cells_geojson, result_rows, ResultRow};
use crate::scenario::export::{institutions_geojson, scenario_json};
use crate::scenario::{Kind, Scenario};
use crate::text::{thousands, Lang};

/// Rows on one page of the table.
pub const PAGE_ROWS: usize = 50;

/// What the rows depend on, compared by identity.
#[derive(Clone)]
struct Inputs {
    scenario: Rc<Scenario>,
    evaluation: Rc<Evaluation>,
}

impl PartialEq for Inputs {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.scenario, &o.scenario) && Rc::ptr_eq(&self.evaluation, &o.evaluation)
    }
}

/// The result rows and, for each, the application's index in the scenario.
struct Rows {
    rows: Vec<ResultRow>,
    index: Vec<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    Id,
    Name,
    Kind,
    County,
    Outcome,
    Rule,
    Nearest,
}

impl Col {
    const ALL: [Col; 7] = [
        Col::Id,
        Col::Name,
        Col::Kind,
        Col::County,
        Col::Outcome,
        Col::Rule,
        Col::Nearest,
    ];

    fn id(self) -> &'static str {
        match self {
            Col::Id => "id",
            Col::Name => "name",
            Col::Kind => "kind",
            Col::County => "county",
            Col::Outcome => "outcome",
            Col::Rule => "rule",
            Col::Nearest => "nearest",
        }
    }

    fn label(self) -> i::Words {
        match self {
            Col::Id => i::RS_COL_ID,
            Col::Name => i::RS_COL_NAME,
            Col::Kind => i::RS_COL_KIND,
            Col::County => i::RS_COL_COUNTY,
            Col::Outcome => i::RS_COL_OUTCOME,
            Col::Rule => i::RS_COL_RULE,
            Col::Nearest => i::RS_COL_NEAREST,
        }
    }
}

fn outcome_rank(o: Outcome) -> usize {
    Outcome::ALL.iter().position(|x| *x == o).unwrap_or(0)
}

fn compare(a: &ResultRow, b: &ResultRow, col: Col) -> Ordering {
    let text = |x: &Option<String>| x.clone().unwrap_or_default();
    match col {
        Col::Id => a.id.cmp(&b.id),
        Col::Name => text(&a.name).cmp(&text(&b.name)),
        Col::Kind => a.kind.id().cmp(b.kind.id()),
        Col::County => text(&a.county).cmp(&text(&b.county)),
        Col::Outcome => outcome_rank(a.outcome).cmp(&outcome_rank(b.outcome)),
        Col::Rule => text(&a.deciding_rule).cmp(&text(&b.deciding_rule)),
        // None (nothing within 50 km) sorts after every distance.
        Col::Nearest => match (a.nearest_same_type_m, b.nearest_same_type_m) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
    }
}

#[derive(Clone, Debug, PartialEq)]
struct View {
    sort: Col,
    ascending: bool,
    outcome: Option<Outcome>,
    kind: Option<Kind>,
    text: String,
    page: usize,
}

fn distance(lang: Lang, m: Option<f64>) -> String {
    match m {
        None => i::RS_NONE_NEAR.get(lang).to_string(),
        Some(d) if d < 1000.0 => format!("{} {}", d.round() as u64, i::METRES.get(lang)),
        Some(d) => format!("{:.2} {}", d / 1000.0, i::RS_KM.get(lang)),
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<State>,
}

#[function_component(ResultsPanel)]
pub fn results_panel(props: &Props) -> Html {
    let s = &*props.state;
    let lang = s.lang;
    // None: open by itself when imported data holds more than one application.
    let open_choice = use_state_eq(|| None::<bool>);
    let auto_open = s.dataset == Dataset::Imported && s.scenario.applications.len() > 1;
    let open = open_choice.unwrap_or(auto_open);
    let view = use_state(|| View {
        sort: Col::Outcome,
        ascending: true,
        outcome: None,
        kind: None,
        text: String::new(),
        page: 0,
    });

    let inputs = Inputs {
        scenario: s.scenario.clone(),
        evaluation: s.evaluation.clone(),
    };
    // Made only while the table is open: the distances need an index of the institutions.
    let rows = use_memo((inputs, open), |(inp, open)| {
        if !*open {
            return Rows {
                rows: Vec::new(),
                index: Vec::new(),
            };
        }
        let rows = result_rows(&inp.scenario, &inp.evaluation.decisions);
        let at: HashMap<&str, usize> = inp
            .scenario
            .applications
            .iter()
            .enumerate()
            .map(|(k, a)| (a.id.as_str(), k))
            .collect();
        let index = rows
            .iter()
            .map(|r| at.get(r.id.as_str()).copied().unwrap_or(0))
            .collect();
        Rows { rows, index }
    });
    let v = (*view).clone();
    let order = {
        let v = v.clone();
        use_memo(
            (crate::app::state::Shared(rows.clone()), v),
            move |(rows, v)| {
                let needle = v.text.trim().to_lowercase();
                let mut order: Vec<usize> = (0..rows.rows.len())
                    .filter(|&k| {
                        let r = &rows.rows[k];
                        v.outcome.is_none_or(|o| r.outcome == o)
                            && v.kind.is_none_or(|x| r.kind == x)
                            && (needle.is_empty()
                                || r.id.to_lowercase().contains(&needle)
                                || r.name
                                    .as_deref()
                                    .is_some_and(|n| n.to_lowercase().contains(&needle))
                                || r.county
                                    .as_deref()
                                    .is_some_and(|n| n.to_lowercase().contains(&needle))
                                || r.deciding_rule
                                    .as_deref()
                                    .is_some_and(|n| n.to_lowercase().contains(&needle)))
                    })
                    .collect();
                order.sort_by(|&a, &b| {
                    let o = compare(&rows.rows[a], &rows.rows[b], v.sort).then_with(|| a.cmp(&b));
                    if v.ascending {
                        o
                    } else {
                        o.reverse()
                    }
                });
                order
            },
        )
    };

    let on_toggle = {
        let open_choice = open_choice.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlElement = e.target_unchecked_into();
            open_choice.set(Some(el.get_attribute("open").is_some()));
        })
    };
    let update = |f: fn(&mut View, String)| {
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
    let pages = order.len().div_ceil(PAGE_ROWS).max(1);
    let page = v.page.min(pages - 1);
    let go = |to: usize| {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*view).clone();
            next.page = to;
            view.set(next);
        })
    };

    let selected_id = s.application().map(|a| a.id.clone());
    let header = |col: Col| {
        let view = view.clone();
        let sorted = v.sort == col;
        let aria = if !sorted {
            "none"
        } else if v.ascending {
            "ascending"
        } else {
            "descending"
        };
        let onclick = Callback::from(move |_: MouseEvent| {
            let mut next = (*view).clone();
            if next.sort == col {
                next.ascending = !next.ascending;
            } else {
                next.sort = col;
                next.ascending = true;
            }
            next.page = 0;
            view.set(next);
        });
        let arrow = if !sorted {
            "↕"
        } else if v.ascending {
            "▲"
        } else {
            "▼"
        };
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
        let d = props.state.dispatcher();
        let select = Callback::from(move |_: MouseEvent| d.dispatch(Action::FocusApp(idx)));
        let is_sel = selected_id.as_deref() == Some(r.id.as_str());
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
                <td>{ r.county.clone().unwrap_or_default() }</td>
                <td class={classes!("result-outcome", format!("outcome-{}", r.outcome.id()))}>
                    <span class="result-symbol" aria-hidden="true">{ outcome_symbol(r.outcome) }</span>
                    { t(lang, &r.outcome.label()) }
                </td>
                <td class="result-rule">
                    if let Some(rule) = &r.deciding_rule {
                        <span class="rule-id" title={rule_title.clone()}>{ rule.clone() }</span>
                        if let Some(c) = &r.clause {
                            <span class="rule-clause">{ c.clone() }</span>
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
    const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    let export = |what: &'static str| {
        let st = props.state.clone();
        Callback::from(move |_: MouseEvent| {
            let s = &*st;
            let lang = s.lang;
            let stem = i::RS_FILE.get(lang);
            match what {
                // Tables are written by the file worker (loaded at the first export).
                "csv" => {
                    let request = Request::ResultsCsv {
                        rows: result_rows(&s.scenario, &s.evaluation.decisions),
                        lang,
                    };
                    io::download_made(
                        &request,
                        format!("{stem}.csv"),
                        "text/csv;charset=utf-8",
                        |_| {},
                    )
                }
                "xlsx" => {
                    let request = Request::ResultsXlsx {
                        rows: result_rows(&s.scenario, &s.evaluation.decisions),
                        lang,
                    };
                    io::download_made(&request, format!("{stem}.xlsx"), XLSX_MIME, |_| {})
                }
                "json" => download(
                    "scenario.json",
                    "application/json",
                    scenario_json(&s.export_scenario()).as_bytes(),
                ),
                "institutions" => download(
                    "institutions.geojson",
                    "application/geo+json",
                    institutions_geojson(&s.scenario).as_bytes(),
                ),
                "applications" => download(
                    "applications.geojson",
                    "application/geo+json",
                    applications_geojson(&s.scenario, Some(&s.evaluation.decisions)).as_bytes(),
                ),
                _ => download(
                    "cells.geojson",
                    "application/geo+json",
                    cells_geojson(&s.scenario, Some(&s.layers.coverage)).as_bytes(),
                ),
            }
        })
    };

    let counts: Vec<(Outcome, usize)> = Outcome::ALL
        .iter()
        .map(|o| {
            (
                *o,
                s.evaluation
                    .decisions
                    .iter()
                    .filter(|d| d.outcome == *o)
                    .count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
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
                <div class="table-scroll">
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
                    <button type="button" class="btn btn-quiet" data-testid="export-results-csv" onclick={export("csv")}>{ "⇩ " }{ i::RS_EX_CSV.get(lang) }</button>
                    <button type="button" class="btn btn-quiet" data-testid="export-results-xlsx" onclick={export("xlsx")}>{ "⇩ " }{ i::RS_EX_XLSX.get(lang) }</button>
                    <button type="button" class="btn btn-quiet" data-testid="export-scenario" onclick={export("json")}>{ "⇩ " }{ i::RS_EX_JSON.get(lang) }</button>
                    <button type="button" class="btn btn-quiet" data-testid="export-institutions" onclick={export("institutions")}>{ "⇩ " }{ i::RS_EX_INSTITUTIONS.get(lang) }</button>
                    <button type="button" class="btn btn-quiet" data-testid="export-applications" onclick={export("applications")}>{ "⇩ " }{ i::RS_EX_APPLICATIONS.get(lang) }</button>
                    <button type="button" class="btn btn-quiet" data-testid="export-cells" onclick={export("cells")}>{ "⇩ " }{ i::RS_EX_CELLS.get(lang) }</button>
                </div>
            </div>
        </section>
    }
}
