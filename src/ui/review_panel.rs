//! The consultation section below the columns — changes against the baseline,
//! the gaps report and sensitivity sweeps as tabs, and the printable summary. Renders what the
//! library (`crate::review`) computes; holds no rules.

use std::rc::Rc;

use serde_json::Value;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::decision_panel::outcome_symbol;
use super::figures_panel::{fmt, pct};
use super::i18n::{self as i, bi_t, lang_tag, t};
use super::params_panel::display_value;
use super::sweep_panel::SweepPanel;
use crate::app::state::{Action, Shared, State};
use crate::engine::prepared::Prepared;
use crate::engine::Outcome;
use crate::policy::{any_rule_def, param_def, Group, PARAMETERS};
use crate::review::compare::{INPATIENT_BITS, OUTPATIENT_BITS, PHARMACY_BITS};
use crate::review::{
    cell_changes, gaps, CellChanges, FigureChange, FigureUnit, GapItem, GapsReport,
};
use crate::text::{num, thousands, Lang};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<State>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    Compare,
    Gaps,
    Sweep,
}

impl Tab {
    const ALL: [Tab; 3] = [Tab::Compare, Tab::Gaps, Tab::Sweep];
    fn id(self) -> &'static str {
        match self {
            Tab::Compare => "compare",
            Tab::Gaps => "gaps",
            Tab::Sweep => "sweep",
        }
    }
    fn label(self) -> i::Words {
        match self {
            Tab::Compare => i::RV_TAB_COMPARE,
            Tab::Gaps => i::RV_TAB_GAPS,
            Tab::Sweep => i::RV_TAB_SWEEP,
        }
    }
}

/// The parameters whose draft value differs from the baseline: (id, baseline, draft).
pub fn changed_params(s: &State) -> Vec<(&'static str, Value, Value)> {
    let Some(b) = s.review.baseline.as_ref() else {
        return Vec::new();
    };
    PARAMETERS
        .iter()
        // As in the parameter panel: the assessment and budget parameters act outside the app.
        .filter(|d| !matches!(d.group, Group::Exits | Group::Budget))
        .filter_map(|d| {
            let base = b.value(d.id).cloned().unwrap_or(Value::Null);
            let draft = s.policy.values.get(d.id).cloned().unwrap_or(Value::Null);
            (base != draft).then_some((d.id, base, draft))
        })
        .collect()
}

/// Rules turned on or off against the baseline: (id, on in the draft).
fn changed_rules(s: &State) -> Vec<(&'static str, bool)> {
    let Some(b) = s.review.baseline.as_ref() else {
        return Vec::new();
    };
    crate::policy::RULES
        .iter()
        .filter_map(|d| {
            let (was, is) = (b.policy.is_on(d.id), s.policy.is_on(d.id));
            (was != is).then_some((d.id, is))
        })
        .collect()
}

fn figure_value(lang: Lang, unit: FigureUnit, x: Option<f64>) -> String {
    match (unit, x) {
        (_, None) => i::MISSING_VALUE.get(lang).to_string(),
        (FigureUnit::Share, v) => pct(v, lang),
        (FigureUnit::Count, Some(v)) => thousands(v.round().max(0.0) as u64),
        (FigureUnit::PerThousand, Some(v)) => fmt(v, 2),
    }
}

fn figure_diff(lang: Lang, f: &FigureChange) -> String {
    match f.difference() {
        None => i::MISSING_VALUE.get(lang).to_string(),
        Some(d) if d.abs() < 1e-12 => "0".to_string(),
        Some(d) => {
            let sign = if d > 0.0 { "+" } else { "−" };
            let body = match f.unit {
                FigureUnit::Share => format!("{} {}", num(d.abs() * 100.0, 1), i::RV_PP.get(lang)),
                FigureUnit::Count => thousands(d.abs().round() as u64),
                FigureUnit::PerThousand => fmt(d.abs(), 2),
            };
            format!("{sign}{body}")
        }
    }
}

fn outcome_chip(lang: Lang, o: Outcome) -> Html {
    html! {
        <span class={classes!("mini-outcome", format!("outcome-{}", o.id()))}>
            <span aria-hidden="true">{ outcome_symbol(o) }{ " " }</span>{ t(lang, &o.label()) }
        </span>
    }
}

fn app_name(s: &State, id: &str) -> String {
    match s
        .scenario
        .applications
        .iter()
        .find(|a| a.id == id)
        .and_then(|a| a.name.clone())
    {
        Some(n) => format!("{id} · {n}"),
        None => id.to_string(),
    }
}

fn rule_title(lang: Lang, id: &str) -> String {
    any_rule_def(id)
        .map(|d| t(lang, &d.title()))
        .unwrap_or_else(|| id.to_string())
}

fn switch_label(lang: Lang, id: &str) -> String {
    param_def(id)
        .map(|d| t(lang, &d.label()))
        .unwrap_or_else(|| id.to_string())
}

/// Parameters (and rules) of the draft against the baseline.
fn params_table(s: &State) -> Html {
    let lang = s.lang;
    let params = changed_params(s);
    let rules = changed_rules(s);
    if params.is_empty() && rules.is_empty() {
        return html! { <p class="empty" data-testid="compare-params-none">{ i::RV_NO_PARAM_CHANGES.get(lang) }</p> };
    }
    html! {
        <div class="table-scroll">
            <table class="county-table review-table" data-testid="compare-params">
                <thead><tr>
                    <th scope="col">{ i::RV_PARAMETER.get(lang) }</th>
                    <th scope="col">{ i::RV_BASELINE.get(lang) }</th>
                    <th scope="col">{ i::RV_DRAFT.get(lang) }</th>
                </tr></thead>
                <tbody>
                    { for params.iter().map(|(id, b, d)| {
                        let def = param_def(id).expect("from the table");
                        html! {
                            <tr data-param={*id}>
                                <th scope="row">{ t(lang, &def.label()) }</th>
                                <td data-side="baseline">{ display_value(lang, def, b) }</td>
                                <td data-side="draft">{ display_value(lang, def, d) }</td>
                            </tr>
                        }
                    }) }
                    { for rules.iter().map(|(id, on)| {
                        let (b, d) = if *on { (i::RV_RULE_OFF, i::RV_RULE_ON) } else { (i::RV_RULE_ON, i::RV_RULE_OFF) };
                        html! {
                            <tr data-rule={*id}>
                                <th scope="row">{ rule_title(lang, id) }</th>
                                <td data-side="baseline">{ b.get(lang) }</td>
                                <td data-side="draft">{ d.get(lang) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

fn decisions_list(s: &State) -> Html {
    let lang = s.lang;
    let changes = &s.review.comparison.decisions;
    if changes.is_empty() {
        return html! { <p class="empty" data-testid="compare-decisions-none">{ i::RV_NO_DECISION_CHANGES.get(lang) }</p> };
    }
    html! {
        <ul class="review-decisions" data-testid="compare-decisions">
            { for changes.iter().map(|c| {
                let rule = c.rule.as_ref();
                html! {
                    <li data-app={c.id.clone()} data-baseline={c.baseline.id()} data-draft={c.draft.id()}
                        data-rule={rule.map(|r| r.rule.clone())}>
                        <strong class="review-app">{ app_name(s, &c.id) }</strong>
                        <span class="review-arrow">
                            { outcome_chip(lang, c.baseline) }
                            <span aria-hidden="true">{ " → " }</span>
                            <span class="visually-hidden">{ i::RV_BECOMES.get(lang) }</span>
                            { outcome_chip(lang, c.draft) }
                        </span>
                        if let Some(r) = rule {
                            <span class="review-rule">
                                { i::RV_CHANGED_BY.get(lang) }{ i::COLON.get(lang) }
                                <span class="main">{ rule_title(lang, &r.rule) }</span>
                                <span class="clause">{ format!(" {}", r.clause) }</span>
                                <span class="review-detail">{ t(lang, &r.detail) }</span>
                            </span>
                        }
                    </li>
                }
            }) }
        </ul>
    }
}

fn figures_table(s: &State, only_changed: bool) -> Html {
    let lang = s.lang;
    let figs: Vec<&FigureChange> = s
        .review
        .comparison
        .figures
        .iter()
        .filter(|f| !only_changed || f.changed())
        .collect();
    if figs.is_empty() {
        return html! { <p class="empty">{ i::RV_NO_FIGURE_CHANGES.get(lang) }</p> };
    }
    html! {
        <div class="table-scroll">
            <table class="county-table review-table" data-testid="compare-figures">
                <thead><tr>
                    <th scope="col">{ i::RV_FIGURE.get(lang) }</th>
                    <th scope="col">{ i::RV_BASELINE.get(lang) }</th>
                    <th scope="col">{ i::RV_DRAFT.get(lang) }</th>
                    <th scope="col">{ i::RV_DIFFERENCE.get(lang) }</th>
                </tr></thead>
                <tbody>
                    { for figs.into_iter().map(|f| html! {
                        <tr data-figure={f.key.clone()} class={classes!(f.changed().then_some("is-changed"))}
                            data-baseline={f.baseline.map(|v| num(v, 6))} data-draft={f.draft.map(|v| num(v, 6))}>
                            <th scope="row">
                                { t(lang, &f.label) }
                                { super::figures_panel::reading_marks(lang, &f.readings.iter().map(|id| super::figures_panel::Mark { id, text: None }).collect::<Vec<_>>()) }
                            </th>
                            <td>{ figure_value(lang, f.unit, f.baseline) }</td>
                            <td>{ figure_value(lang, f.unit, f.draft) }</td>
                            <td class="review-diff">{ figure_diff(lang, f) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// Cells that gain or lose coverage, per kind, and surface cells whose outcome changed.
fn cells_table(s: &State, cells: &[(i::Words, CellChanges)]) -> Html {
    let lang = s.lang;
    let row = |label: i::Words, key: &'static str, c: &CellChanges| {
        html! {
            <tr data-kind={key} data-gained={c.gained.0.to_string()} data-lost={c.lost.0.to_string()}>
                <th scope="row">{ label.get(lang) }</th>
                <td>{ format!("{} ({} {})", thousands(c.gained.0), thousands(c.gained.1), i::U_PERSONS.get(lang)) }</td>
                <td>{ format!("{} ({} {})", thousands(c.lost.0), thousands(c.lost.1), i::U_PERSONS.get(lang)) }</td>
            </tr>
        }
    };
    let keys = ["pharmacy", "outpatient", "inpatient"];
    let changed = cells
        .first()
        .map(|(_, c)| c.outcome_changed)
        .unwrap_or((0, 0));
    html! {
        <>
            <div class="table-scroll">
                <table class="county-table review-table" data-testid="compare-cells">
                    <thead><tr>
                        <th scope="col">{ i::COV_KIND.get(lang) }</th>
                        <th scope="col">{ i::RV_CELLS_GAINED.get(lang) }</th>
                        <th scope="col">{ i::RV_CELLS_LOST.get(lang) }</th>
                    </tr></thead>
                    <tbody>{ for cells.iter().zip(keys).map(|((l, c), k)| row(*l, k, c)) }</tbody>
                </table>
            </div>
            <p class="field-hint" data-testid="compare-surface-changed" data-cells={changed.0.to_string()}>
                { i::RV_SURFACE_CHANGED.get(lang) }{ i::COLON.get(lang) }
                { format!("{} {} ({} {})", thousands(changed.0), i::CELLS.get(lang), thousands(changed.1), i::U_PERSONS.get(lang)) }
            </p>
        </>
    }
}

fn compare_tab(props: &Props, cells: &[(i::Words, CellChanges)]) -> Html {
    let s = &*props.state;
    let lang = s.lang;
    let custom = s.review.baseline.as_ref().is_some_and(|b| b.is_custom());
    let set = {
        let d = props.state.dispatcher();
        Callback::from(move |_| d.dispatch(Action::SetBaseline))
    };
    let reset = {
        let d = props.state.dispatcher();
        Callback::from(move |_| d.dispatch(Action::ResetBaseline))
    };
    let baseline_text = if custom {
        i::RV_BASELINE_CUSTOM
    } else {
        i::RV_BASELINE_PRESET
    };
    html! {
        <div class="review-tab" data-testid="compare" data-custom-baseline={custom.to_string()}>
            <p class="review-baseline">
                <span class="tag tag-baseline">{ i::RV_BASELINE.get(lang) }</span>{ " " }
                { baseline_text.get(lang) }
                if !custom { { format!("（{}）", t(lang, &s.preset().short)) } }
            </p>
            <div class="review-actions">
                <button type="button" class="btn btn-small" data-testid="set-baseline" onclick={set}>
                    { "⚑ " }{ i::RV_SET_BASELINE.get(lang) }</button>
                if custom {
                    <button type="button" class="btn btn-small btn-quiet" data-testid="reset-baseline" onclick={reset}>
                        { "↺ " }{ i::RV_RESET_BASELINE.get(lang) }</button>
                }
            </div>
            <p class="field-hint">{ i::RV_COMPARE_INTRO.get(lang) }</p>
            <div class="review-grid">
                <div>
                    <h3>{ bi_t(lang, i::RV_PARAMS_HEADING) }</h3>
                    { params_table(s) }
                    <h3>{ bi_t(lang, i::RV_DECISIONS_HEADING) }</h3>
                    { decisions_list(s) }
                </div>
                <div>
                    <h3>{ bi_t(lang, i::RV_FIGURES_HEADING) }</h3>
                    { figures_table(s, false) }
                    <h3>{ bi_t(lang, i::RV_CELLS_HEADING) }</h3>
                    { cells_table(s, cells) }
                    <p class="field-hint">{ i::RV_MAP_HINT.get(lang) }</p>
                </div>
            </div>
        </div>
    }
}

fn gap_rows(lang: Lang, items: &[GapItem], open: bool) -> Html {
    html! {
        <tbody>
            { for items.iter().map(|g| html! {
                <tr data-rule={g.rule.clone()} data-switch={g.switch.clone()} data-verdict={g.verdict.id()}
                    data-applications={g.applications.len().to_string()}
                    data-undetermined={g.applications_undetermined.to_string()}
                    data-cells={g.cells.map(|c| c.to_string())}>
                    <th scope="row">
                        <span class="main">{ rule_title(lang, &g.rule) }</span>
                        <span class="clause">{ format!(" {}", g.clause) }</span>
                        <span class="review-detail">{ t(lang, &g.detail) }</span>
                    </th>
                    <td>
                        if let Some(sw) = &g.switch {
                            <span class="main">{ switch_label(lang, sw) }</span>
                            <code class="switch-id">{ format!(" {sw}") }</code>
                            { " " }{ super::readings_panel::param_link(lang, sw) }
                            if let Some(q) = &g.question {
                                <span class="review-detail">{ t(lang, q) }</span>
                            }
                        }
                    </td>
                    <td>
                        { thousands(g.applications.len() as u64) }
                        if open && g.applications_undetermined > 0 {
                            <span class="review-detail">{ format!("{} {}", i::RV_OF_WHICH_UNDETERMINED.get(lang), g.applications_undetermined) }</span>
                        }
                        if !g.applications.is_empty() {
                            <span class="review-detail">{ g.applications.join(", ") }</span>
                        }
                    </td>
                    if open {
                        <td>{ match (g.cells, g.population) {
                            (Some(c), Some(p)) => format!("{} ({} {})", thousands(c), thousands(p), i::U_PERSONS.get(lang)),
                            _ => i::MISSING_VALUE.get(lang).to_string(),
                        } }</td>
                    }
                </tr>
            }) }
        </tbody>
    }
}

fn gaps_view(lang: Lang, r: &GapsReport, testid: &'static str) -> Html {
    html! {
        <div class="review-tab" data-testid={testid} data-open={r.open.len().to_string()}
            data-undetermined-cells={r.undetermined_cells.to_string()}>
            <p class="field-hint">{ i::RV_GAPS_INTRO.get(lang) }</p>
            <h3>{ bi_t(lang, i::RV_GAPS_OPEN) }</h3>
            if r.open.is_empty() {
                <p class="empty" data-testid="gaps-none">{ i::RV_GAPS_NONE.get(lang) }</p>
            } else {
                <div class="table-scroll">
                    <table class="county-table review-table gaps-table" data-testid="gaps-open">
                        <thead><tr>
                            <th scope="col">{ i::RV_RULE_CLAUSE.get(lang) }</th>
                            <th scope="col">{ i::RV_SWITCH.get(lang) }</th>
                            <th scope="col">{ i::RV_APPLICATIONS.get(lang) }</th>
                            <th scope="col">{ i::RV_SURFACE_CELLS.get(lang) }</th>
                        </tr></thead>
                        { gap_rows(lang, &r.open, true) }
                    </table>
                </div>
            }
            <h3>{ bi_t(lang, i::RV_GAPS_READINGS) }</h3>
            <p class="field-hint">{ i::RV_READINGS_INTRO.get(lang) }</p>
            if r.readings.is_empty() {
                <p class="empty">{ i::RV_READINGS_NONE.get(lang) }</p>
            } else {
                <div class="table-scroll">
                    <table class="county-table review-table gaps-table" data-testid="gaps-readings">
                        <thead><tr>
                            <th scope="col">{ i::RV_RULE_CLAUSE.get(lang) }</th>
                            <th scope="col">{ i::RV_SWITCH.get(lang) }</th>
                            <th scope="col">{ i::RV_APPLICATIONS.get(lang) }</th>
                        </tr></thead>
                        { gap_rows(lang, &r.readings, false) }
                    </table>
                </div>
            }
        </div>
    }
}

fn compute_gaps(s: &State) -> GapsReport {
    let prep = Prepared::with_data(&s.scenario, &s.policy, s.data.index.clone(), s.today);
    gaps(
        &prep,
        &s.evaluation.decisions,
        s.application(),
        &s.layers.surface.outcomes,
    )
}

fn body_class(add: bool) {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    let mut classes: Vec<String> = body
        .class_name()
        .split_whitespace()
        .filter(|c| *c != "printing-summary")
        .map(str::to_string)
        .collect();
    if add {
        classes.push("printing-summary".into());
    }
    body.set_class_name(&classes.join(" "));
}

/// The printable consultation summary: hidden on screen, the only thing printed while
/// `body.printing-summary` is set.
fn print_summary(s: &State, gaps: Option<&GapsReport>) -> Html {
    let lang = s.lang;
    let as_of = s.evaluation.as_of.clone();
    html! {
        <div class="print-summary" data-testid="print-summary-doc" lang={lang_tag(lang)}>
            <h1>{ i::RV_PRINT_TITLE.get(lang) }</h1>
            <p class="print-meta">
                { t(lang, &s.preset().title) }<br />
                { i::DATASET.get(lang) }{ i::COLON.get(lang) }{ s.dataset.label().get(lang) }
                { " · " }{ i::RV_AS_OF.get(lang) }{ i::COLON.get(lang) }{ as_of }
            </p>
            <h2>{ i::RV_PARAMS_HEADING.get(lang) }</h2>
            { params_table(s) }
            <h2>{ i::RV_DECISIONS_HEADING.get(lang) }</h2>
            { decisions_list(s) }
            <h2>{ i::RV_FIGURES_HEADING.get(lang) }</h2>
            { figures_table(s, true) }
            <h2>{ i::RV_TAB_GAPS.get(lang) }</h2>
            if let Some(g) = gaps {
                { gaps_view(lang, g, "print-gaps") }
            }
            <p class="print-foot">{ i::OFFLINE_NOTE.get(lang) }</p>
        </div>
    }
}

#[function_component(ReviewPanel)]
pub fn review_panel(props: &Props) -> Html {
    let s = &*props.state;
    let lang = s.lang;
    let tab = use_state_eq(|| Tab::Compare);
    let printing = use_state_eq(|| false);

    // Cells gained and lost per kind: one pass per kind over the cells, only when the
    // comparison changed.
    let cells = {
        let review = s.review.clone();
        let pop = s.data.index.clone();
        use_memo(review, move |r| {
            let Some(b) = r.baseline.as_ref() else {
                return Vec::new();
            };
            [
                (i::COV_PHARMACY, PHARMACY_BITS),
                (i::COV_OUTPATIENT, OUTPATIENT_BITS),
                (i::COV_INPATIENT, INPATIENT_BITS),
            ]
            .into_iter()
            .map(|(l, bits)| {
                (
                    l,
                    cell_changes(&b.snapshot, &r.draft, bits, &pop.cell_population),
                )
            })
            .collect::<Vec<_>>()
        })
    };
    // The gaps report: computed when its tab is open or the summary is printed.
    let want_gaps = *tab == Tab::Gaps || *printing;
    let gaps_report: Rc<Option<GapsReport>> = {
        let state = props.state.clone();
        use_memo(
            (want_gaps, Shared(s.evaluation.clone()), s.layers.clone()),
            move |(want, _, _)| want.then(|| compute_gaps(&state)),
        )
    };

    // Printing: the summary is rendered with its gaps, then the body class scopes the print
    // style to it and the browser's print dialog opens; the class goes after printing.
    {
        let printing = printing.clone();
        use_effect_with(*printing, move |on| {
            if *on {
                body_class(true);
                if let Some(w) = web_sys::window() {
                    let after = wasm_bindgen::closure::Closure::once_into_js(move || {
                        body_class(false);
                        printing.set(false);
                    });
                    let _ = w.add_event_listener_with_callback("afterprint", after.unchecked_ref());
                    let _ = w.print();
                }
            }
            || ()
        });
    }
    let on_print = {
        let printing = printing.clone();
        Callback::from(move |_| printing.set(true))
    };

    let tabs = Tab::ALL.iter().map(|tb| {
        let on = {
            let tab = tab.clone();
            let tb = *tb;
            Callback::from(move |_| tab.set(tb))
        };
        let selected = *tab == *tb;
        html! {
            <button type="button" role="tab" id={format!("review-tab-{}", tb.id())} class={classes!("review-tab-btn", selected.then_some("is-selected"))}
                aria-selected={selected.to_string()} aria-controls="review-tabpanel" data-testid={format!("tab-{}", tb.id())}
                onclick={on}>
                { bi_t(lang, tb.label()) }
                if *tb == Tab::Compare && !s.review.comparison.decisions.is_empty() {
                    <span class="tab-count" data-testid="compare-count">{ s.review.comparison.decisions.len() }</span>
                }
            </button>
        }
    });

    html! {
        <section class="panel panel-review" aria-labelledby="review-heading" data-testid="review">
            <div class="panel-head review-head">
                <h2 id="review-heading">{ bi_t(lang, i::RV_HEADING) }</h2>
                <button type="button" class="btn btn-small" data-testid="print-summary" onclick={on_print}>
                    { i::RV_PRINT.get(lang) }</button>
            </div>
            <div class="review-tabs" role="tablist" aria-label={i::RV_HEADING.get(lang)}>{ for tabs }</div>
            <div id="review-tabpanel" role="tabpanel" aria-labelledby={format!("review-tab-{}", tab.id())}>
                { match *tab {
                    Tab::Compare => compare_tab(props, &cells),
                    Tab::Gaps => match gaps_report.as_ref() {
                        Some(g) => gaps_view(lang, g, "gaps"),
                        None => html! {},
                    },
                    Tab::Sweep => html! { <SweepPanel state={props.state.clone()} /> },
                } }
            </div>
            { print_summary(s, gaps_report.as_ref().as_ref()) }
        </section>
    }
}
