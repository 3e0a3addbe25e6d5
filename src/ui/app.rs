//! The page: header (name, preset picker, language), the sample-data banner, and three columns —
//! parameters and figures on the left, the application in the centre, the decision on the right.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::application_form::ApplicationForm;
use super::data_panel::DataPanel;
use super::decision_panel::{outcome_symbol, DecisionPanel};
use super::figures_panel::FiguresPanel;
use super::i18n::{self as i, lang_tag, t};
use super::params_panel::ParamsPanel;
use super::state::{Action, State};
use crate::text::Lang;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::new);
    let lang = state.lang;

    // The document's language follows the toggle (screen readers, fonts, hyphenation).
    use_effect_with(lang, |lang| {
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", lang_tag(*lang));
        }
    });

    let on_preset = {
        let d = state.dispatcher();
        Callback::from(move |e: Event| {
            d.dispatch(Action::SetPreset(e.target_unchecked_into::<HtmlSelectElement>().value()))
        })
    };
    let on_lang = {
        let d = state.dispatcher();
        Callback::from(move |_| d.dispatch(Action::SetLang(if lang == Lang::Zh { Lang::En } else { Lang::Zh })))
    };
    let preset = state.preset();
    let is_sample = {
        let name = &state.scenario.city.name;
        name.contains("样例") || name.to_lowercase().contains("sample")
    };
    let decision = state.application().and_then(|a| state.evaluation.decisions.iter().find(|d| d.id == a.id));

    html! {
        <main data-testid="app" class="app" lang={lang_tag(lang)}>
            <a class="skip-link" href="#decision">{ i::SKIP_TO_DECISION.get(lang) }</a>
            <header class="app-header">
                <div class="brand">
                    <span class="logo" aria-hidden="true">{ "定" }</span>
                    <div class="brand-text">
                        <h1>{ i::APP_NAME.0 }<span class="brand-latin" lang="en">{ i::APP_NAME.1 }</span></h1>
                        <p class="tagline">{ i::APP_TAGLINE.get(lang) }</p>
                    </div>
                </div>
                <div class="header-controls">
                    <div class="preset-picker">
                        <label for="preset">{ i::PRESET.get(lang) }</label>
                        <select id="preset" data-testid="preset" ~value={preset.id.clone()} onchange={on_preset}>
                            { for state.presets.iter().map(|p| html! {
                                <option value={p.id.clone()} selected={p.id == preset.id}>{ t(lang, &p.short) }</option>
                            }) }
                        </select>
                    </div>
                    <button type="button" class="btn btn-lang" data-testid="lang" lang={lang_tag(i::other(lang))} onclick={on_lang}>
                        { i::LANG_BUTTON.get(lang) }
                    </button>
                </div>
                <p class="preset-title" data-testid="preset-title">{ t(lang, &preset.title) }</p>
            </header>
            if is_sample {
                <div class="banner" role="note" data-testid="sample-banner">
                    <span class="banner-icon" aria-hidden="true">{ "ⓘ" }</span>
                    <span>
                        <strong>{ i::SAMPLE_BANNER.get(lang) }</strong>
                        <span class="banner-sub" lang={lang_tag(i::other(lang))}>{ i::SAMPLE_BANNER.get(i::other(lang)) }</span>
                    </span>
                </div>
            }
            <div class="columns">
                <div class="col col-params">
                    <ParamsPanel state={state.clone()} />
                    <DataPanel state={state.clone()} />
                </div>
                <div class="col col-form">
                    <ApplicationForm state={state.clone()} />
                </div>
                <div class="col col-decision">
                    <DecisionPanel state={state.clone()} />
                    <FiguresPanel state={state.clone()} />
                </div>
            </div>
            if let Some(d) = decision {
                <a class={classes!("outcome-bar", format!("outcome-{}", d.outcome.id()))} href="#decision"
                    data-testid="outcome-bar" aria-hidden="true" tabindex="-1">
                    <span class="outcome-symbol">{ outcome_symbol(d.outcome) }</span>
                    { t(lang, &d.outcome.label()) }
                </a>
            }
            <footer class="app-foot">
                <p>{ i::OFFLINE_NOTE.get(lang) }</p>
            </footer>
        </main>
    }
}
