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
use super::plan_panel::PlanInputs;
use crate::app::state::{Action, State};
use crate::engine::surface::placed;
use crate::planning::{Site, SiteSearch, SiteSpec};
use crate::scenario::{Category, Kind, Specialty};
use crate::text::{thousands, Lang};

/// At most this many suggestions.
pub const MAX_K: usize = 50;
/// The random comparison's seed (shown; the same as `dingdian plan --seed`'s default).
const SEED: u64 = 1;
const SLICE_MS: f64 = 12.0;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// The kinds one may ask suggestions for.
const KINDS: [Kind; 5] = [
    Kind::Pharmacy,
    Kind::Outpatient,
    Kind::PrimaryCare,
    Kind::InpatientGeneral,
    Kind::InpatientSpecialty,
];

#[derive(Clone, Copy, Debug, PartialEq)]
enum Phase {
    Greedy,
    Random,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Run {
    Idle,
    Running { phase: Phase, done: usize, k: usize },
    Cancelled,
    Done,
}

impl Run {
    fn id(self) -> &'static str {
        match self {
            Run::Idle => "idle",
            Run::Running { .. } => "running",
            Run::Cancelled => "cancelled",
            Run::Done => "done",
        }
    }
}

/// One finished (or cancelled) run.
#[derive(Clone, Debug, PartialEq)]
struct Outcome {
    spec: SiteSpec,
    k: usize,
    greedy: Vec<Site>,
    random: Vec<Site>,
    covered_before: u64,
    /// Milliseconds from Run to the last random pick.
    ms: f64,
    /// The parameters or data changed since: the picks may no longer be accepted.
    stale: bool,
}

fn total(sites: &[Site]) -> u64 {
    sites.last().map_or(0, |s| s.total_added)
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<State>,
}

#[function_component(SitesPanel)]
pub fn sites_panel(props: &Props) -> Html {
    let s = &*props.state;
    let lang = s.lang;
    let spec = use_state_eq(|| SiteSpec::new(Kind::Pharmacy));
    let k = use_state_eq(|| 10usize);
    let run = use_state_eq(|| Run::Idle);
    let outcome: UseStateHandle<Option<Rc<Outcome>>> = use_state(|| None);
    let generation: Rc<RefCell<u64>> = use_mut_ref(|| 0);

    // New parameters or data: stop a run, mark the picks as out of date and take them off the map.
    {
        let inputs = PlanInputs::of(s);
        let generation = generation.clone();
        let outcome = outcome.clone();
        let run = run.clone();
        let dispatch = props.state.dispatcher();
        use_effect_with(inputs, move |_| {
            let was_running = matches!(*run, Run::Running { .. });
            *generation.borrow_mut() += 1;
            if let Some(o) = outcome.as_ref().filter(|o| !o.stale) {
                outcome.set(Some(Rc::new(Outcome {
                    stale: true,
                    ..(**o).clone()
                })));
                dispatch.dispatch(Action::ShowSites(Rc::new(Vec::new())));
            }
            if was_running {
                run.set(Run::Cancelled);
            }
        });
    }

    let on_run = {
        let s = props.state.clone();
        let spec = *spec;
        let k = *k;
        let run = run.setter();
        let outcome = outcome.setter();
        let generation = generation.clone();
        Callback::from(move |_| {
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            let generation = generation.clone();
            let inputs = PlanInputs::of(&s);
            let dispatch = s.dispatcher();
            let run = run.clone();
            let outcome = outcome.clone();
            dispatch.dispatch(Action::ShowSites(Rc::new(Vec::new())));
            run.set(Run::Running {
                phase: Phase::Greedy,
                done: 0,
                k,
            });
            spawn_local(async move {
                let current = || *generation.borrow() == mine;
                let t0 = now_ms();
                let (sc, policy, today) = (&*inputs.scenario, &*inputs.policy, inputs.today);
                let mut result = Outcome {
                    spec,
                    k,
                    greedy: Vec::new(),
                    random: Vec::new(),
                    covered_before: 0,
                    ms: 0.0,
                    stale: false,
                };
                for phase in [Phase::Greedy, Phase::Random] {
                    let mut search = match phase {
                        Phase::Greedy => SiteSearch::greedy(sc, policy, today, spec),
                        Phase::Random => SiteSearch::random(sc, policy, today, spec, SEED),
                    };
                    if phase == Phase::Greedy {
                        result.covered_before = search.covered_population();
                    }
                    loop {
                        let slice = now_ms();
                        let mut more = true;
                        while more && now_ms() - slice < SLICE_MS {
                            more = search.sites().len() < k && search.step().is_some();
                        }
                        let done = search.sites().len();
                        let sites = search.sites().to_vec();
                        match phase {
                            Phase::Greedy => result.greedy = sites,
                            Phase::Random => result.random = sites,
                        }
                        if !more {
                            break;
                        }
                        run.set(Run::Running { phase, done, k });
                        sleep(Duration::ZERO).await;
                        if !current() {
                            // Cancelled: what was found so far stays, marked as such.
                            if !result.greedy.is_empty() && phase == Phase::Greedy {
                                dispatch
                                    .dispatch(Action::ShowSites(Rc::new(result.greedy.clone())));
                            }
                            result.ms = now_ms() - t0;
                            outcome.set(Some(Rc::new(result)));
                            return;
                        }
                    }
                    if phase == Phase::Greedy {
                        dispatch.dispatch(Action::ShowSites(Rc::new(result.greedy.clone())));
                    }
                }
                result.ms = now_ms() - t0;
                outcome.set(Some(Rc::new(result)));
                run.set(Run::Done);
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
            run.set(Run::Cancelled);
        })
    };
    let on_kind = {
        let spec = spec.clone();
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(kind) = KINDS.into_iter().find(|k| k.id() == id) {
                let mut next = SiteSpec::new(kind);
                if kind == Kind::InpatientSpecialty {
                    next.specialty = Some(Specialty::ALL[0]);
                }
                spec.set(next);
            }
        })
    };
    let on_category = {
        let spec = spec.clone();
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(c) = Category::ALL.into_iter().find(|c| c.id() == id) {
                spec.set(SiteSpec {
                    category: Some(c),
                    ..*spec
                });
            }
        })
    };
    let on_specialty = {
        let spec = spec.clone();
        Callback::from(move |e: Event| {
            let idx: usize = e
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .parse()
                .unwrap_or(0);
            if let Some(sp) = Specialty::ALL.get(idx) {
                spec.set(SiteSpec {
                    specialty: Some(*sp),
                    ..*spec
                });
            }
        })
    };
    let on_k = {
        let k = k.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Ok(n) = v.trim().parse::<usize>() {
                k.set(n.clamp(1, MAX_K));
            }
        })
    };

    let r = *run;
    let running = matches!(r, Run::Running { .. });
    let progress = match r {
        Run::Running { phase, done, k } => {
            let (label, frac) = match phase {
                Phase::Greedy => (i::SITES_GREEDY_RUNNING, done as f64 / k.max(1) as f64 / 2.0),
                Phase::Random => (
                    i::SITES_RANDOM_RUNNING,
                    0.5 + done as f64 / k.max(1) as f64 / 2.0,
                ),
            };
            html! {
                <div class="plan-progress" role="status" data-testid="sites-progress">
                    <progress max="1" value={format!("{frac:.3}")} aria-label={i::PLAN_PROGRESS.get(lang)}></progress>
                    <span>{ format!("{} {}/{}", label.get(lang), done, k) }</span>
                </div>
            }
        }
        Run::Cancelled => {
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

fn results(props: &Props, lang: Lang, o: &Outcome) -> Html {
    let (g, r) = (total(&o.greedy), total(&o.random));
    let spec = o.spec;
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
            if o.greedy.len() < o.k && !o.stale {
                <p class="field-hint" data-testid="sites-exhausted">{ i::SITES_EXHAUSTED.get(lang) }</p>
            }
            <p class="field-hint" data-testid="sites-time" data-ms={format!("{:.0}", o.ms)}>
                { format!("{} {} {}", i::PLAN_DONE_IN.get(lang), thousands(o.ms.round() as u64), i::MS.get(lang)) }
            </p>
            { chart(lang, &o.greedy, &o.random) }
            <ol class="sites-list" data-testid="sites-list">
                { for o.greedy.iter().enumerate().map(|(n, site)| {
                    let county = site.county.as_ref().and_then(|id| props.state.scenario.counties.iter().find(|c| &c.id == id)).map(|c| c.name.clone()).unwrap_or_default();
                    let on_place = {
                        let d = props.state.dispatcher();
                        let app = placed(&spec.template(), site.lon, site.lat, site.county.as_deref(), None);
                        let name = format!("{} {}", i::SITES_PICK_NAME.get(lang), n + 1);
                        Callback::from(move |_| {
                            let mut a = app.clone();
                            a.name = Some(name.clone());
                            d.dispatch(Action::AddApplication(a));
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
    let (w, h) = (320.0, 180.0);
    let (l, r, t_, b) = (48.0, 10.0, 10.0, 30.0);
    let kmax = greedy.len().max(random.len()).max(1) as f64;
    let ymax = total(greedy).max(total(random)).max(1) as f64;
    let x = |k: f64| l + k / kmax * (w - l - r);
    let y = |v: f64| h - b - v / ymax * (h - t_ - b);
    let points = |sites: &[Site]| {
        std::iter::once((0.0, 0.0))
            .chain(
                sites
                    .iter()
                    .enumerate()
                    .map(|(n, s)| ((n + 1) as f64, s.total_added as f64)),
            )
            .map(|(k, v)| format!("{:.1},{:.1}", x(k), y(v)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let desc = format!(
        "{} {} {}; {} {} {}",
        i::SITES_GREEDY.get(lang),
        thousands(total(greedy)),
        i::U_PERSONS.get(lang),
        i::SITES_RANDOM.get(lang),
        thousands(total(random)),
        i::U_PERSONS.get(lang)
    );
    html! {
        <figure class="sites-chart">
            <svg viewBox={format!("0 0 {w} {h}")} role="img" aria-labelledby="sites-chart-title sites-chart-desc" data-testid="sites-chart">
                <title id="sites-chart-title">{ i::SITES_CHART.get(lang) }</title>
                <desc id="sites-chart-desc">{ desc }</desc>
                <line x1={l.to_string()} y1={(h - b).to_string()} x2={(w - r).to_string()} y2={(h - b).to_string()} class="axis" />
                <line x1={l.to_string()} y1={t_.to_string()} x2={l.to_string()} y2={(h - b).to_string()} class="axis" />
                <text x={(l - 4.0).to_string()} y={(t_ + 4.0).to_string()} text-anchor="end" class="tick">{ thousands(ymax as u64) }</text>
                <text x={(l - 4.0).to_string()} y={(h - b).to_string()} text-anchor="end" class="tick">{ "0" }</text>
                <text x={x(kmax).to_string()} y={(h - b + 14.0).to_string()} text-anchor="end" class="tick">{ format!("K = {}", kmax as usize) }</text>
                <text x={l.to_string()} y={(h - b + 14.0).to_string()} text-anchor="middle" class="tick">{ "0" }</text>
                <text x={((l + w - r) / 2.0).to_string()} y={(h - 4.0).to_string()} text-anchor="middle" class="label">{ i::SITES_AXIS_K.get(lang) }</text>
                <polyline points={points(random)} class="series-random" data-series="random" data-points={random.len().to_string()} />
                <polyline points={points(greedy)} class="series-greedy" data-series="greedy" data-points={greedy.len().to_string()} />
                { for greedy.iter().enumerate().map(|(n, s)| html! {
                    <circle cx={format!("{:.1}", x((n + 1) as f64))} cy={format!("{:.1}", y(s.total_added as f64))} r="2.5" class="dot-greedy" />
                }) }
                { for random.iter().enumerate().map(|(n, s)| html! {
                    <rect x={format!("{:.1}", x((n + 1) as f64) - 2.0)} y={format!("{:.1}", y(s.total_added as f64) - 2.0)} width="4" height="4" class="dot-random" />
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
