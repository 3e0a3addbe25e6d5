//! Suggested sites (linyi-2025 三(二): steer new pharmacies toward blank and under-served
//! areas): for a kind (and category or specialty) and a number K, up to K places the current
//! rules accept, picked greedily to add the most covered residents — each pick added as a
//! designated institution before the next, so a pick can block its neighbours — and K random
//! accepted places for comparison. The picks are numbered on the map; a small chart draws K
//! against the residents added, greedy against random.
//!
//! The search (`planning::SiteSearch`) runs in slices with the browser given back in between,
//! with progress and a cancel button.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::platform::time::sleep;
use yew::prelude::*;

use super::i18n::{self as i, bi_t, t};
use crate::app::plan_job::{done_in, PlanInputs, SLICE_MS};
use crate::app::sites::{
    county_name, parse_k, spec_for, total, with_category, with_specialty, SitesChart, SitesJob, SitesOutcome, SitesRun,
    SitesStep, KINDS, MAX_K, SEED,
};
use crate::planning::{Site, SiteSpec};
use crate::scenario::{Application, Category, Kind, Specialty};
use crate::text::{thousands, Lang};

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// What the search runs on (the data without the applications, the policy), and the user's two
/// intents: the picks shown on the map, and a pick placed as an application.
#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub inputs: PlanInputs,
    pub on_sites: Callback<Rc<Vec<Site>>>,
    pub on_place: Callback<Application>,
}

#[function_component(SitesPanel)]
pub fn sites_panel(props: &Props) -> Html {
    let lang = props.lang;
    let spec = use_state_eq(|| SiteSpec::new(Kind::Pharmacy));
    let k = use_state_eq(|| 10usize);
    let run = use_state_eq(|| SitesRun::Idle);
    let outcome: UseStateHandle<Option<Rc<SitesOutcome>>> = use_state(|| None);
    let generation: Rc<RefCell<u64>> = use_mut_ref(|| 0);

    // New parameters or data: stop a run, mark the picks as out of date and take them off the map.
    {
        let inputs = props.inputs.clone();
        let generation = generation.clone();
        let outcome = outcome.clone();
        let run = run.clone();
        let on_sites = props.on_sites.clone();
        use_effect_with(inputs, move |_| {
            let was_running = matches!(*run, SitesRun::Running { .. });
            *generation.borrow_mut() += 1;
            if let Some(o) = outcome.as_ref().filter(|o| !o.stale) {
                outcome.set(Some(Rc::new(SitesOutcome { stale: true, ..(**o).clone() })));
                on_sites.emit(Rc::new(Vec::new()));
            }
            if was_running {
                run.set(SitesRun::Cancelled);
            }
        });
    }

    let on_run = {
        let inputs = props.inputs.clone();
        let on_sites = props.on_sites.clone();
        let spec = *spec;
        let k = *k;
        let run = run.setter();
        let outcome = outcome.setter();
        let generation = generation.clone();
        Callback::from(move |_| {
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            let generation = generation.clone();
            let inputs = inputs.clone();
            let on_sites = on_sites.clone();
            let run = run.clone();
            let outcome = outcome.clone();
            on_sites.emit(Rc::new(Vec::new()));
            run.set(SitesRun::Running { phase: crate::app::sites::Phase::Greedy, done: 0, k });
            spawn_local(async move {
                let current = || *generation.borrow() == mine;
                let t0 = now_ms();
                let mut job = SitesJob::new(&inputs, spec, k);
                loop {
                    match job.slice(now_ms, SLICE_MS) {
                        SitesStep::More(progress) => {
                            run.set(progress);
                            sleep(Duration::ZERO).await;
                            if !current() {
                                // Cancelled: what was found so far stays, marked as such.
                                if job.phase() == crate::app::sites::Phase::Greedy && !job.greedy().is_empty() {
                                    on_sites.emit(Rc::new(job.greedy().to_vec()));
                                }
                                outcome.set(Some(Rc::new(job.outcome(now_ms() - t0))));
                                return;
                            }
                        }
                        SitesStep::GreedyDone => on_sites.emit(Rc::new(job.greedy().to_vec())),
                        SitesStep::Finished => break,
                    }
                }
                outcome.set(Some(Rc::new(job.outcome(now_ms() - t0))));
                run.set(SitesRun::Done);
                // For measurements in a test.
                crate::ui::expose("__dingdianSitesMs", &(now_ms() - t0).into());
            });
        })
    };
    let on_cancel = {
        let generation = generation.clone();
        let run = run.setter();
        Callback::from(move |_| {
            *generation.borrow_mut() += 1;
            run.set(SitesRun::Cancelled);
        })
    };
    let on_kind = {
        let spec = spec.clone();
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(next) = spec_for(&id) {
                spec.set(next);
            }
        })
    };
    let on_category = {
        let spec = spec.clone();
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(next) = with_category(*spec, &id) {
                spec.set(next);
            }
        })
    };
    let on_specialty = {
        let spec = spec.clone();
        Callback::from(move |e: Event| {
            let idx = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(next) = with_specialty(*spec, &idx) {
                spec.set(next);
            }
        })
    };
    let on_k = {
        let k = k.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Some(n) = parse_k(&v) {
                k.set(n);
            }
        })
    };

    let r = *run;
    let running = matches!(r, SitesRun::Running { .. });
    let progress = match r {
        SitesRun::Running { .. } => {
            let (frac, words) = r.progress(lang).unwrap_or_default();
            html! {
                <div class="plan-progress" role="status" data-testid="sites-progress">
                    <progress max="1" value={format!("{frac:.3}")} aria-label={i::PLAN_PROGRESS.get(lang)}></progress>
                    <span>{ words }</span>
                </div>
            }
        }
        SitesRun::Cancelled => {
            html! { <p class="plan-progress field-hint" role="status" data-testid="sites-progress">{ i::SITES_CANCELLED.get(lang) }</p> }
        }
        _ => html! {},
    };

    let sp = *spec;
    html! {
        <section class="panel panel-sites" aria-labelledby="sites-heading" data-testid="sites-panel" data-state={r.id()}>
            <div class="panel-head">
                <h2 id="sites-heading">{ bi_t(lang, i::SITES_HEADING) }</h2>
            </div>
            <p class="field-hint">{ i::SITES_INTRO.get(lang) }</p>
            <div class="sites-controls">
                <div class="field">
                    <label for="sites-kind">{ i::SITES_KIND.get(lang) }</label>
                    <div class="control">
                        <select id="sites-kind" data-testid="sites-kind" onchange={on_kind} disabled={running}>
                            { for KINDS.iter().map(|kd| html! {
                                <option value={kd.id()} selected={*kd == sp.kind}>{ t(lang, &kd.label()) }</option>
                            }) }
                        </select>
                    </div>
                </div>
                if sp.kind == Kind::Pharmacy {
                    <div class="field">
                        <label for="sites-category">{ i::SITES_CATEGORY.get(lang) }</label>
                        <div class="control">
                            <select id="sites-category" data-testid="sites-category" onchange={on_category} disabled={running}>
                                { for Category::ALL.iter().map(|c| html! {
                                    <option value={c.id()} selected={Some(*c) == sp.category}>{ t(lang, &c.label()) }</option>
                                }) }
                            </select>
                        </div>
                    </div>
                }
                if sp.kind == Kind::InpatientSpecialty {
                    <div class="field">
                        <label for="sites-specialty">{ i::SITES_SPECIALTY.get(lang) }</label>
                        <div class="control">
                            <select id="sites-specialty" data-testid="sites-specialty" onchange={on_specialty} disabled={running}>
                                { for Specialty::ALL.iter().enumerate().map(|(n, x)| html! {
                                    <option value={n.to_string()} selected={Some(*x) == sp.specialty}>{ t(lang, &x.label()) }</option>
                                }) }
                            </select>
                        </div>
                    </div>
                }
                <div class="field">
                    <label for="sites-k">{ i::SITES_K.get(lang) }</label>
                    <div class="control">
                        <input id="sites-k" data-testid="sites-k" type="number" inputmode="numeric" min="1" max={MAX_K.to_string()} step="1"
                            value={k.to_string()} onchange={on_k} disabled={running} />
                    </div>
                </div>
                <div class="sites-buttons">
                    <button type="button" class="btn" data-testid="sites-run" onclick={on_run} disabled={running}>{ "▶ " }{ i::SITES_RUN.get(lang) }</button>
                    <button type="button" class="btn btn-quiet" data-testid="sites-cancel" onclick={on_cancel} disabled={!running}>{ "■ " }{ i::SITES_CANCEL.get(lang) }</button>
                </div>
            </div>
            { progress }
            if let Some(o) = outcome.as_ref() {
                { results(props, lang, o) }
            }
        </section>
    }
}

fn results(props: &Props, lang: Lang, o: &Rc<SitesOutcome>) -> Html {
    let (g, r) = (total(&o.greedy), total(&o.random));
    html! {
        <div class="sites-results" data-testid="sites-results" data-stale={o.stale.to_string()}>
            if o.stale {
                <p class="field-hint legend-warn" role="status">{ i::SITES_STALE.get(lang) }</p>
            }
            <dl class="sites-totals">
                <div>
                    <dt>{ i::SITES_GREEDY_TOTAL.get(lang) }{ format!(" (K = {})", o.greedy.len()) }</dt>
                    <dd data-testid="sites-greedy-total" data-value={g.to_string()}>{ thousands(g) }{ " " }{ i::U_PERSONS.get(lang) }</dd>
                </div>
                <div>
                    <dt>{ i::SITES_RANDOM_TOTAL.get(lang) }{ format!(" (K = {}, {} {})", o.random.len(), i::SITES_SEED.get(lang), SEED) }</dt>
                    <dd data-testid="sites-random-total" data-value={r.to_string()}>{ thousands(r) }{ " " }{ i::U_PERSONS.get(lang) }</dd>
                </div>
                <div>
                    <dt>{ i::SITES_BEFORE.get(lang) }</dt>
                    <dd>{ thousands(o.covered_before) }{ " " }{ i::U_PERSONS.get(lang) }</dd>
                </div>
            </dl>
            if o.exhausted() {
                <p class="field-hint" data-testid="sites-exhausted">{ i::SITES_EXHAUSTED.get(lang) }</p>
            }
            <p class="field-hint" data-testid="sites-time" data-ms={format!("{:.0}", o.ms)}>
                { done_in(lang, o.ms) }
            </p>
            { chart(lang, &o.greedy, &o.random) }
            <ol class="sites-list" data-testid="sites-list">
                { for o.greedy.iter().enumerate().map(|(n, site)| {
                    let county = county_name(&props.inputs.scenario, site.county.as_deref());
                    let on_place = {
                        let place = props.on_place.clone();
                        let o = o.clone();
                        Callback::from(move |_| {
                            if let Some(a) = o.pick_application(n, lang) {
                                place.emit(a);
                            }
                        })
                    };
                    html! {
                        <li data-n={(n + 1).to_string()} data-added={site.added_population.to_string()}>
                            <span class="dd-site legend-site" aria-hidden="true"><span>{ n + 1 }</span></span>
                            <span class="sites-where">
                                { county }{ " " }<span class="plan-sub">{ format!("{:.5}, {:.5}", site.lon, site.lat) }</span>
                            </span>
                            <span class="sites-added">{ "+" }{ thousands(site.added_population) }{ " " }{ i::U_PERSONS.get(lang) }</span>
                            <button type="button" class="btn btn-quiet btn-small" onclick={on_place} disabled={o.stale}
                                aria-label={format!("{} {}", i::SITES_PLACE.get(lang), n + 1)}>{ i::SITES_PLACE.get(lang) }</button>
                        </li>
                    }
                }) }
            </ol>
        </div>
    }
}

/// K against residents added, greedy (solid, dots) and random (dashed, squares).
fn chart(lang: Lang, greedy: &[Site], random: &[Site]) -> Html {
    let c = SitesChart::of(lang, greedy, random);
    let (w, h, l, r, t_, b) = (c.w, c.h, c.left, c.right, c.top, c.bottom);
    html! {
        <figure class="sites-chart">
            <svg viewBox={format!("0 0 {w} {h}")} role="img" aria-labelledby="sites-chart-title sites-chart-desc" data-testid="sites-chart">
                <title id="sites-chart-title">{ i::SITES_CHART.get(lang) }</title>
                <desc id="sites-chart-desc">{ c.desc.clone() }</desc>
                <line x1={l.to_string()} y1={(h - b).to_string()} x2={(w - r).to_string()} y2={(h - b).to_string()} class="axis" />
                <line x1={l.to_string()} y1={t_.to_string()} x2={l.to_string()} y2={(h - b).to_string()} class="axis" />
                <text x={(l - 4.0).to_string()} y={(t_ + 4.0).to_string()} text-anchor="end" class="tick">{ thousands(c.ymax as u64) }</text>
                <text x={(l - 4.0).to_string()} y={(h - b).to_string()} text-anchor="end" class="tick">{ "0" }</text>
                <text x={c.x(c.kmax).to_string()} y={(h - b + 14.0).to_string()} text-anchor="end" class="tick">{ format!("K = {}", c.kmax as usize) }</text>
                <text x={l.to_string()} y={(h - b + 14.0).to_string()} text-anchor="middle" class="tick">{ "0" }</text>
                <text x={((l + w - r) / 2.0).to_string()} y={(h - 4.0).to_string()} text-anchor="middle" class="label">{ i::SITES_AXIS_K.get(lang) }</text>
                <polyline points={c.random_line.clone()} class="series-random" data-series="random" data-points={random.len().to_string()} />
                <polyline points={c.greedy_line.clone()} class="series-greedy" data-series="greedy" data-points={greedy.len().to_string()} />
                { for c.greedy_dots.iter().map(|(x, y)| html! {
                    <circle cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="2.5" class="dot-greedy" />
                }) }
                { for c.random_dots.iter().map(|(x, y)| html! {
                    <rect x={format!("{:.1}", x - 2.0)} y={format!("{:.1}", y - 2.0)} width="4" height="4" class="dot-random" />
                }) }
            </svg>
            <figcaption class="sites-legend">
                <span><span class="line-greedy" aria-hidden="true"></span>{ i::SITES_GREEDY.get(lang) }</span>
                <span><span class="line-random" aria-hidden="true"></span>{ i::SITES_RANDOM.get(lang) }</span>
                <span class="plan-sub">{ i::SITES_AXIS_Y.get(lang) }</span>
            </figcaption>
        </figure>
    }
}
