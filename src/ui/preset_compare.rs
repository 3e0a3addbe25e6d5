//! Two presets side by side on the data shown (Linyi's rules against Xi'an's): pick two, compare,
//! read the decisions, the counties' inpatient status and the figures that differ. The work is
//! `app::review::PresetPairInputs::compare`; this renders it.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::i18n::{self as i, bi_t, t};
use super::review_panel::{counties_table, outcome_chip};
use crate::app::i18n::change as w;
use crate::app::review::{PresetPair, PresetPairInputs};
use crate::app::review_view::{figure_diff, figure_value};
use crate::text::{Lang, Text};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub inputs: PresetPairInputs,
}

#[function_component(PresetCompare)]
pub fn preset_compare(props: &Props) -> Html {
    let lang = props.lang;
    let inputs = &props.inputs;
    let a = use_state(|| inputs.preset_idx);
    let b = use_state(|| inputs.other());
    let result = use_state(|| None::<Rc<PresetPair>>);
    let pick = |h: &UseStateHandle<usize>| {
        let h = h.clone();
        Callback::from(move |e: Event| {
            if let Ok(k) = e.target_unchecked_into::<HtmlSelectElement>().value().parse() {
                h.set(k);
            }
        })
    };
    let run = {
        let (inputs, a, b, result) = (inputs.clone(), a.clone(), b.clone(), result.clone());
        Callback::from(move |_: MouseEvent| result.set(inputs.compare(*a, *b).map(Rc::new)))
    };
    let select = |id: &'static str, label: &'static Text, h: &UseStateHandle<usize>| {
        html! {
            <label class="preset-pick">
                <span>{ label.get(lang) }</span>
                <select data-testid={id} onchange={pick(h)}>
                    { for inputs.presets.iter().enumerate().map(|(k, p)| html! {
                        <option value={k.to_string()} selected={k == **h}>{ t(lang, &p.short) }</option>
                    }) }
                </select>
            </label>
        }
    };
    // A result belongs to the data it was computed on.
    let shown = result.as_ref().filter(|r| r.scenario == inputs.scenario);
    let name = |k: usize| inputs.presets.get(k).map(|p| t(lang, &p.short)).unwrap_or_default();
    html! {
        <div class="preset-compare" data-testid="preset-compare">
            <h3>{ bi_t(lang, w::PR_HEADING) }</h3>
            <p class="field-hint">{ w::PR_INTRO.get(lang) }</p>
            <div class="review-actions">
                { select("preset-a", w::PR_FIRST, &a) }
                { select("preset-b", w::PR_SECOND, &b) }
                <button type="button" class="btn btn-small" data-testid="preset-compare-run" onclick={run}>
                    { w::PR_RUN.get(lang) }</button>
            </div>
            if let Some(r) = shown {
                { pair_view(lang, inputs, r, &name(r.a), &name(r.b)) }
            }
        </div>
    }
}

fn pair_view(lang: Lang, inputs: &PresetPairInputs, r: &PresetPair, a: &str, b: &str) -> Html {
    let c = &r.comparison;
    let figures: Vec<_> = c.changed_figures().collect();
    if c.decisions.is_empty() && c.counties.is_empty() && figures.is_empty() {
        return html! { <p class="empty" data-testid="preset-compare-none">{ w::PR_NOTHING.get(lang) }</p> };
    }
    let app_name = |id: &str| {
        inputs.scenario.applications.iter().find(|x| x.id == id).and_then(|x| x.name.clone()).unwrap_or(id.to_string())
    };
    html! {
        <div class="review-grid" data-testid="preset-compare-result" data-a={r.a.to_string()} data-b={r.b.to_string()}>
            <div>
                <h4>{ bi_t(lang, w::PR_DECISIONS) }</h4>
                if c.decisions.is_empty() {
                    <p class="empty">{ i::RV_NO_DECISION_CHANGES.get(lang) }</p>
                } else {
                <div class="table-scroll">
                    <table class="county-table review-table" data-testid="preset-compare-decisions">
                        <thead><tr><th scope="col">{ w::PR_APPLICATION.get(lang) }</th><th scope="col">{ a }</th><th scope="col">{ b }</th></tr></thead>
                        <tbody>
                            { for c.decisions.iter().map(|d| html! {
                                <tr data-a={d.baseline.id()} data-b={d.draft.id()}>
                                    <th scope="row">{ app_name(&d.id) }</th>
                                    <td>{ outcome_chip(lang, d.baseline) }</td>
                                    <td>{ outcome_chip(lang, d.draft) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                }
                <h4>{ bi_t(lang, w::CH_COUNTIES_HEADING) }</h4>
                { counties_table(lang, &c.counties, w::PR_FIRST, w::PR_SECOND) }
            </div>
            <div>
                <h4>{ bi_t(lang, w::PR_FIGURES) }</h4>
                <div class="table-scroll">
                    <table class="county-table review-table" data-testid="preset-compare-figures">
                        <thead><tr><th scope="col">{ i::RV_FIGURE.get(lang) }</th><th scope="col">{ a }</th><th scope="col">{ b }</th><th scope="col">{ i::RV_DIFFERENCE.get(lang) }</th></tr></thead>
                        <tbody>
                            { for figures.iter().map(|f| html! {
                                <tr data-figure={f.key.clone()}>
                                    <th scope="row">{ t(lang, &f.label) }</th>
                                    <td>{ figure_value(lang, f.unit, f.baseline) }</td>
                                    <td>{ figure_value(lang, f.unit, f.draft) }</td>
                                    <td class="review-diff">{ figure_diff(lang, f) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </div>
        </div>
    }
}
