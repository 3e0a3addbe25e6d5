//! The consultation section below the columns — changes against the baseline,
//! the gaps report and sensitivity sweeps as tabs, and the printable summary. Renders what the
//! library (`crate::review`) computes; holds no rules.

use std::rc::Rc;

use yew::prelude::*;

use super::decision_panel::outcome_symbol;
use super::i18n::{self as i, bi_t, lang_tag, t};
use super::params_panel::display_value;
use super::sweep_panel::SweepPanel;
use crate::app::review_view::{cells_and_people, figure_diff, figure_value, rule_title, switch_label, ReviewView, Tab};
use crate::app::sweep::SweepInputs;
use crate::engine::Outcome;
use crate::policy::param_def;
use crate::review::{CellChanges, GapItem, GapsReport};
use crate::text::{num, thousands, Lang};

/// What the section shows (the review, the decisions, the figures) and what the sweep runs on;
/// the user's intents: set the baseline to the draft, or back to the preset.
#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub view: ReviewView,
    pub sweep: SweepInputs,
    pub on_set_baseline: Callback<()>,
    pub on_reset_baseline: Callback<()>,
    /// The data shown, for two presets side by side.
    pub presets: crate::app::review::PresetPairInputs,
}

/// Counties whose inpatient status differs between two sides (`a`, `b`: the sides' names).
pub(crate) fn counties_table(lang: Lang, changes: &[crate::review::CountyChange], a: i::Words, b: i::Words) -> Html {
    use crate::app::i18n::change as w;
    if changes.is_empty() {
        return html! { <p class="empty" data-testid="compare-counties-none">{ w::CH_NO_COUNTY_CHANGES.get(lang) }</p> };
    }
    html! {
        <div class="table-scroll">
            <table class="county-table review-table" data-testid="compare-counties">
                <thead><tr>
                    <th scope="col">{ w::CH_COUNTY.get(lang) }</th>
                    <th scope="col">{ a.get(lang) }</th>
                    <th scope="col">{ b.get(lang) }</th>
                </tr></thead>
                <tbody>
                    { for changes.iter().map(|c| html! {
                        <tr data-county={c.name.clone()} data-before={c.before.id()} data-after={c.after.id()}>
                            <th scope="row">{ c.name.clone() }</th>
                            <td>{ t(lang, &c.before.label()) }</td>
                            <td>{ t(lang, &c.after.label()) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

pub(crate) fn outcome_chip(lang: Lang, o: Outcome) -> Html {
    html! {
        <span class={classes!("mini-outcome", format!("outcome-{}", o.id()))}>
            <span aria-hidden="true">{ outcome_symbol(o) }{ " " }</span>{ t(lang, &o.label()) }
        </span>
    }
}

/// Parameters (and rules) of the draft against the baseline.
fn params_table(lang: Lang, v: &ReviewView) -> Html {
    let params = v.changed_params();
    let rules = v.changed_rules();
    if params.is_empty() && rules.is_empty() {
        return html! { <p class="empty" data-testid="compare-params-none">{ i::RV_NO_PARAM_CHANGES.get(lang) }</p> };
    }
    html! {
        <div class="table-scroll" tabindex="0">
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

fn decisions_list(lang: Lang, v: &ReviewView) -> Html {
    let changes = &v.review.comparison.decisions;
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
                        <strong class="review-app">{ v.app_name(&c.id) }</strong>
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
                                <span class="clause">{ format!(" {}", crate::policy::clauses::cite(lang, &r.clause)) }</span>
                                <span class="review-detail">{ t(lang, &r.detail) }</span>
                            </span>
                        }
                    </li>
                }
            }) }
        </ul>
    }
}

fn figures_table(lang: Lang, v: &ReviewView, only_changed: bool) -> Html {
    let figs = v.figures(only_changed);
    if figs.is_empty() {
        return html! { <p class="empty">{ i::RV_NO_FIGURE_CHANGES.get(lang) }</p> };
    }
    html! {
        <div class="table-scroll" tabindex="0">
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
fn cells_table(lang: Lang, cells: &[(i::Words, CellChanges)]) -> Html {
    let row = |label: i::Words, key: &'static str, c: &CellChanges| {
        html! {
            <tr data-kind={key} data-gained={c.gained.0.to_string()} data-lost={c.lost.0.to_string()}>
                <th scope="row">{ label.get(lang) }</th>
                <td>{ cells_and_people(lang, c.gained) }</td>
                <td>{ cells_and_people(lang, c.lost) }</td>
            </tr>
        }
    };
    let keys = ["pharmacy", "outpatient", "inpatient"];
    let changed = cells.first().map(|(_, c)| c.outcome_changed).unwrap_or((0, 0));
    html! {
        <>
            <div class="table-scroll" tabindex="0">
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
    let v = &props.view;
    let lang = props.lang;
    let custom = v.custom_baseline();
    let set = props.on_set_baseline.reform(|_: MouseEvent| ());
    let reset = props.on_reset_baseline.reform(|_: MouseEvent| ());
    let baseline_text = if custom { i::RV_BASELINE_CUSTOM } else { i::RV_BASELINE_PRESET };
    html! {
        <div class="review-tab" data-testid="compare" data-custom-baseline={custom.to_string()}>
            <p class="review-baseline">
                <span class="tag tag-baseline">{ i::RV_BASELINE.get(lang) }</span>{ " " }
                { baseline_text.get(lang) }
                if !custom { { format!("（{}）", t(lang, &v.preset_short)) } }
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
                    { params_table(lang, v) }
                    <h3>{ bi_t(lang, i::RV_DECISIONS_HEADING) }</h3>
                    { decisions_list(lang, v) }
                    <h3>{ bi_t(lang, crate::app::i18n::change::CH_COUNTIES_HEADING) }</h3>
                    { counties_table(lang, &v.review.comparison.counties, i::RV_BASELINE, i::RV_DRAFT) }
                </div>
                <div>
                    <h3>{ bi_t(lang, i::RV_FIGURES_HEADING) }</h3>
                    { figures_table(lang, v, false) }
                    <h3>{ bi_t(lang, i::RV_CELLS_HEADING) }</h3>
                    { cells_table(lang, cells) }
                    <p class="field-hint">{ i::RV_MAP_HINT.get(lang) }</p>
                </div>
            </div>
            <super::preset_compare::PresetCompare {lang} inputs={props.presets.clone()} />
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
                        <span class="clause">{ format!(" {}", crate::policy::clauses::cite(lang, &g.clause)) }</span>
                        <span class="review-detail">{ t(lang, &g.detail) }</span>
                    </th>
                    <td>
                        if let Some(sw) = &g.switch {
                            // The switch's own control in the params panel, where the gap is closed.
                            <button type="button" class="link main" data-switch-link={sw.clone()}
                                title={i::SWITCH_GOTO.get(lang)}
                                onclick={{ let sw = sw.clone(); Callback::from(move |_: MouseEvent| super::decision_panel::focus_param(&sw)) }}>
                                { switch_label(lang, sw) }
                            </button>
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
                            (Some(c), Some(p)) => cells_and_people(lang, (c, p)),
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
                <div class="table-scroll" tabindex="0">
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
                <div class="table-scroll" tabindex="0">
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

fn body_class(add: bool) {
    let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else {
        return;
    };
    let mut classes: Vec<String> =
        body.class_name().split_whitespace().filter(|c| *c != "printing-summary").map(str::to_string).collect();
    if add {
        classes.push("printing-summary".into());
    }
    body.set_class_name(&classes.join(" "));
}

/// The printable consultation summary: hidden on screen, the only thing printed while
/// `body.printing-summary` is set.
fn print_summary(lang: Lang, v: &ReviewView, gaps: Option<&GapsReport>) -> Html {
    let as_of = v.evaluation.as_of.clone();
    html! {
        <div class="print-summary" data-testid="print-summary-doc" lang={lang_tag(lang)}>
            <h1>{ i::RV_PRINT_TITLE.get(lang) }</h1>
            <p class="print-meta">
                { t(lang, &v.preset_title) }<br />
                { i::DATASET.get(lang) }{ i::COLON.get(lang) }{ v.dataset.label().get(lang) }
                { " · " }{ i::RV_AS_OF.get(lang) }{ i::COLON.get(lang) }{ as_of }
            </p>
            <h2>{ i::RV_PARAMS_HEADING.get(lang) }</h2>
            { params_table(lang, v) }
            <h2>{ i::RV_DECISIONS_HEADING.get(lang) }</h2>
            { decisions_list(lang, v) }
            <h2>{ i::RV_FIGURES_HEADING.get(lang) }</h2>
            { figures_table(lang, v, true) }
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
    let v = &props.view;
    let lang = props.lang;
    let tab = use_state_eq(|| Tab::Compare);
    let printing = use_state_eq(|| false);

    // Cells gained and lost per kind: only when the comparison changed.
    let cells = {
        let view = v.clone();
        use_memo(v.review.clone(), move |_| view.cells_by_kind())
    };
    // The gaps report: computed when its tab is open or the summary is printed.
    let want_gaps = *tab == Tab::Gaps || *printing;
    let gaps_report: Rc<Option<GapsReport>> = {
        let view = v.clone();
        use_memo((want_gaps, v.evaluation.clone(), v.layers.clone()), move |(want, _, _)| want.then(|| view.gaps()))
    };

    // Printing: the summary is rendered with its gaps, then the body class scopes the print
    // style to it and the browser's print dialog opens; the class goes after printing.
    {
        let printing = printing.clone();
        use_effect_with(*printing, move |on| {
            if *on {
                body_class(true);
                if let Some(w) = web_sys::window() {
                    // Once, and removed by the browser when it has run: the next print (the
                    // plan's, this one again) must not call a handler already spent.
                    gloo::events::EventListener::once(&w, "afterprint", move |_| {
                        body_class(false);
                        printing.set(false);
                    })
                    .forget();
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
                if *tb == Tab::Compare && !v.review.comparison.decisions.is_empty() {
                    <span class="tab-count" data-testid="compare-count">{ v.review.comparison.decisions.len() }</span>
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
                    Tab::Sweep => html! { <SweepPanel {lang} inputs={props.sweep.clone()} /> },
                } }
            </div>
            { print_summary(lang, v, gaps_report.as_ref().as_ref()) }
        </section>
    }
}
