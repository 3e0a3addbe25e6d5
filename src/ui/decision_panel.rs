//! Right column, top: the outcome of the selected application as a badge (symbol + words, never
//! colour alone), the rule that decided it, and the whole trace in order.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::i18n::{self as i, bi, bi_t, t};
use crate::app::state::{value_text, Shared};
use crate::engine::{Decision, Evaluation, Outcome, TraceEntry, Verdict};
use crate::policy::clauses::cite;
use crate::policy::{param_def, rule_def, ParamKind, Policy};
use crate::scenario::Scenario;
use crate::text::{Lang, Text};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// Bumped when the inputs must be re-created from the data (the judging date's).
    pub rev: String,
    /// The applications.
    pub scenario: Shared<Scenario>,
    /// Index of the application shown.
    pub selected: usize,
    /// The decisions and the judging date.
    pub evaluation: Shared<Evaluation>,
    /// The switches' current settings, named by trace entries.
    pub policy: Shared<Policy>,
    /// The message of a judging date refused.
    pub as_of_error: Option<Text>,
    /// The judging date typed (blank: today).
    pub on_as_of: Callback<String>,
    /// Another application chosen.
    pub on_pick: Callback<usize>,
}

pub fn outcome_symbol(o: Outcome) -> &'static str {
    match o {
        Outcome::Accepted => "✓",
        Outcome::Prioritized => "★",
        Outcome::Rejected => "✕",
        Outcome::Suspended => "⏸",
        Outcome::Undetermined => "?",
    }
}

pub fn verdict_symbol(v: Verdict) -> &'static str {
    match v {
        Verdict::Pass => "✓",
        Verdict::Fail => "✕",
        Verdict::Suspend => "⏸",
        Verdict::Gap => "?",
        Verdict::Priority => "★",
        Verdict::Exempt => "◇",
        Verdict::NotApplicable => "–",
    }
}

fn rule_title(id: &str) -> Text {
    rule_def(id).map(|d| d.title()).unwrap_or_else(|| Text::new(id.to_owned(), id.to_owned()))
}

/// Moves the keyboard focus to a parameter's control (from a trace entry's switch).
pub fn focus_param(id: &str) {
    // A row the preset does not use is folded away: the panel unfolds it, then focuses it.
    if !focus_shown_param(id) {
        super::params_panel::reveal(id);
    }
}

/// Scrolls to and focuses a shown parameter's control; false when it is not in the page.
pub fn focus_shown_param(id: &str) -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(Some(el)) = doc.query_selector(&format!("[data-param=\"{id}\"]")) else {
        return false;
    };
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    opts.set_behavior(web_sys::ScrollBehavior::Smooth);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.focus();
    }
    true
}

/// The switch's current setting in words.
fn switch_value(lang: Lang, policy: &Policy, id: &str) -> Option<String> {
    let def = param_def(id)?;
    let v = policy.values.get(id)?;
    let text = match def.kind {
        ParamKind::Choice(opts) => {
            let raw = value_text(v);
            opts.iter().find(|o| o.value == raw).map(|o| t(lang, &Text::new(o.zh, o.en))).unwrap_or(raw)
        }
        ParamKind::Bool => if v.as_bool() == Some(true) { i::YES } else { i::NO }.get(lang).to_string(),
        _ => value_text(v),
    };
    Some(text)
}

/// One trace entry: verdict, rule, clause, detail, the switch that decided it and its setting.
pub(crate) fn trace_entry(lang: Lang, policy: &Policy, e: &TraceEntry) -> Html {
    let title = rule_title(&e.rule);
    let verdict_class = format!("verdict-{}", e.verdict.id());
    let switch = e.switch.as_ref().map(|sw| {
        let label = param_def(sw).map(|d| d.label()).unwrap_or_else(|| Text::new(sw.clone(), sw.clone()));
        let current = switch_value(lang, policy, sw).unwrap_or_default();
        let target = sw.clone();
        let onclick = Callback::from(move |_| focus_param(&target));
        html! {
            <p class="trace-switch">
                <span class="trace-key">{ i::SWITCH.get(lang) }{ i::COLON.get(lang) }</span>
                <button type="button" class="link" data-switch-link={sw.clone()} {onclick}
                    title={i::SWITCH_GOTO.get(lang)}>
                    { t(lang, &label) }
                </button>
                if !current.is_empty() {
                    <span class="trace-current">{ i::paren(lang, &current) }</span>
                }
            </p>
        }
    });
    let exempted = e.exempted_by.as_ref().map(|by| {
        html! {
            <p class="trace-exempted">
                <span class="trace-key">{ i::EXEMPTED_BY.get(lang) }{ i::COLON.get(lang) }</span>
                { t(lang, &rule_title(by)) }
                if let Some(c) = rule_def(by).map(|d| d.origin_clause).filter(|c| !c.is_empty()) {
                    <span class="clause">{ cite(lang, c).into_owned() }</span>
                }
            </p>
        }
    });
    html! {
        <li class={classes!("trace-entry", verdict_class, (e.verdict == Verdict::NotApplicable).then_some("is-na"))}
            data-rule={e.rule.clone()} data-verdict={e.verdict.id()}>
            <div class="trace-head">
                <span class="verdict">
                    <span class="verdict-symbol" aria-hidden="true">{ verdict_symbol(e.verdict) }</span>
                    { t(lang, &e.verdict.label()) }
                </span>
                <span class="trace-title">{ t(lang, &title) }</span>
                <span class="clause">{ cite(lang, &e.clause).into_owned() }</span>
            </div>
            <p class="trace-detail">{ crate::policy::clauses::cite_in(lang, &t(lang, &e.detail)).into_owned() }</p>
            if let Some(n) = &e.note {
                <p class="trace-note"><span class="trace-key">{ i::NOTE.get(lang) }{ i::COLON.get(lang) }</span>{ crate::policy::clauses::cite_in(lang, &t(lang, n)).into_owned() }</p>
            }
            { switch.unwrap_or_default() }
            { super::readings_panel::trace_mark(lang, e) }
            { exempted.unwrap_or_default() }
        </li>
    }
}

/// The outcome badge: symbol, words in the current language, the other language beneath.
pub fn outcome_badge(lang: Lang, d: &Decision, testid: &'static str) -> Html {
    let o = d.outcome;
    html! {
        <div class={classes!("outcome", format!("outcome-{}", o.id()))} data-testid={testid} data-outcome={o.id()}>
            <span class="outcome-symbol" aria-hidden="true">{ outcome_symbol(o) }</span>
            <span class="outcome-words">{ bi(lang, &o.label()) }</span>
        </div>
    }
}

#[function_component(DecisionPanel)]
pub fn decision_panel(props: &Props) -> Html {
    // The other applications' list as the user left it open or closed (none: by its length).
    let others_open = use_state_eq(|| None::<bool>);
    let lang = props.lang;
    let evaluation = &*props.evaluation;
    let application = props.scenario.applications.get(props.selected);
    let decision = application.and_then(|a| evaluation.decisions.iter().find(|d| d.id == a.id));

    let as_of_set = props.on_as_of.reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().value());
    let as_of = html! {
        <div class={classes!("field", "field-inline", props.as_of_error.as_ref().map(|_| "has-error"))} key={format!("as-of-{}", props.rev)}>
            <label for="as-of">{ bi_t(lang, i::AS_OF) }</label>
            <div class="control">
                <input id="as-of" type="date" data-testid="as-of" value={evaluation.as_of.clone()} onchange={as_of_set} />
            </div>
            if let Some(e) = &props.as_of_error {
                <p class="field-error" role="alert" data-testid="as-of-error">{ t(lang, e) }</p>
            }
        </div>
    };

    let body = match (application, decision) {
        (Some(app), Some(d)) => {
            let deciding = d.deciding_rule();
            let deciding_html = match deciding {
                Some(e) => html! {
                    <div class="deciding" data-testid="deciding-rule" data-rule={e.rule.clone()}>
                        <span class="trace-key">{ i::DECIDED_BY.get(lang) }{ i::COLON.get(lang) }</span>
                        <strong>{ t(lang, &rule_title(&e.rule)) }</strong>
                        <span class="clause">{ cite(lang, &e.clause).into_owned() }</span>
                        <p class="deciding-detail">{ crate::policy::clauses::cite_in(lang, &t(lang, &e.detail)).into_owned() }</p>
                    </div>
                },
                None => html! {
                    <div class="deciding" data-testid="deciding-rule">
                        <span class="trace-key">{ i::DECIDED_BY.get(lang) }{ i::COLON.get(lang) }</span>{ i::NO_DECIDING_RULE.get(lang) }
                    </div>
                },
            };
            let name = app.name.clone().map(|n| format!(" · {n}")).unwrap_or_default();
            html! {
                <>
                    <div class="outcome-box" role="status" aria-live="polite" aria-atomic="true">
                        <p class="outcome-for">{ i::OUTCOME_FOR.get(lang) }{ " " }<strong>{ format!("{}{name}", app.id) }</strong></p>
                        { outcome_badge(lang, d, "outcome") }
                        { super::readings_panel::outcome_mark(lang, d) }
                        { deciding_html }
                        if !d.when_unmet.is_empty() {
                            <p class="deciding-where" data-testid="where-outcome" data-outcome={d.where_outcome.id()}>
                                <span class="trace-key">{ i::WHERE_OUTCOME.get(lang) }{ i::COLON.get(lang) }</span>
                                <strong>{ t(lang, &d.where_outcome.label()) }</strong>
                            </p>
                        }
                    </div>
                    <h3>{ bi_t(lang, i::TRACE_HEADING) }</h3>
                    <p class="field-hint">{ i::TRACE_INTRO.get(lang) }</p>
                    <ol class="trace" data-testid="trace">
                        { for d.rules.iter().map(|e| trace_entry(lang, &props.policy, e)) }
                    </ol>
                    { others(props, &others_open) }
                </>
            }
        }
        _ => html! { <p class="empty">{ i::NO_APPLICATION.get(lang) }</p> },
    };

    html! {
        <section class="panel panel-decision" id="decision" aria-labelledby="decision-heading" data-testid="decision" tabindex="-1">
            <div class="panel-head">
                <h2 id="decision-heading">{ bi_t(lang, i::DECISION_HEADING) }</h2>
                { as_of }
            </div>
            { body }
        </section>
    }
}

/// The other applications of the scenario with their outcomes; choosing one selects it. Folded,
/// the list is not built (a year's applications are hundreds of rows nobody sees).
fn others(props: &Props, user_open: &UseStateHandle<Option<bool>>) -> Html {
    let lang = props.lang;
    let apps = &props.scenario.applications;
    if apps.len() < 2 {
        return html! {};
    }
    // A year's worth of applications would push the rest of the page a few screens down: the
    // list opens by itself only when it is short (the results table lists them all, sortable).
    let open = user_open.unwrap_or(apps.len() <= 8);
    let ontoggle = {
        let user_open = user_open.clone();
        super::widgets::on_details_toggle(move |o| user_open.set(Some(o)))
    };
    html! {
        <details class="others" {open} {ontoggle}>
            <summary><h3>{ bi_t(lang, i::OTHER_APPLICATIONS) }<span class="sub">{ format!(" ({})", apps.len() - 1) }</span></h3></summary>
            if open {
                <ul class="others-list" data-testid="other-decisions">
                    { for apps.iter().enumerate().filter(|(idx, _)| *idx != props.selected).map(|(idx, a)| {
                        let d = props.evaluation.decisions.iter().find(|d| d.id == a.id);
                        let onclick = props.on_pick.reform(move |_: MouseEvent| idx);
                        let o = d.map(|d| d.outcome).unwrap_or(Outcome::Undetermined);
                        html! {
                            <li data-application={a.id.clone()} data-outcome={o.id()}>
                                <button type="button" class="link" {onclick}>
                                    { format!("{}{}", a.id, a.name.clone().map(|n| format!(" · {n}")).unwrap_or_default()) }
                                </button>
                                <span class={classes!("mini-outcome", format!("outcome-{}", o.id()))}>
                                    <span aria-hidden="true">{ outcome_symbol(o) }{ " " }</span>{ t(lang, &o.label()) }
                                </span>
                            </li>
                        }
                    }) }
                </ul>
            }
        </details>
    }
}
