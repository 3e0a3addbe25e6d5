//! The page: header (name, data set, preset picker, language), the line of what the last edit
//! changed, the banner that says the data is a sample or synthetic, then the working surface
//! that answers every edit at once — parameters on the left, the map (its legend beside it) in
//! the centre, the decision on the right — and under the map the tasks as tabs (`nav.rs`: the
//! application and sites, bed figures and data, coverage, compare and gaps, the annual plan, the
//! assessment, the budget, import and results), only the chosen task's panels in the page. On
//! phones one column: map, decision, the tasks, parameters, the change line stuck to the top.
//! On phones the header's controls fold into one "菜单 Menu" disclosure so the page's own content
//! starts on the first screen; guided mode's header keeps only what the public needs: the
//! language and the way back to the expert view.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::application_form::{self, ApplicationForm, ServiceRadius};
use super::assessment_panel::AssessmentPanel;
use super::budget_panel::BudgetPanel;
use super::change_line::ChangeLine;
use super::coverage_panel::CoveragePanel;
use super::data_panel::{DataPanel, DataSnap};
use super::decision_panel::{outcome_symbol, DecisionPanel};
use super::figures_panel::{FiguresPanel, FiguresSnap};
use super::guided::{self, Guided};
use super::i18n::{self as i, lang_tag, t};
use super::import_panel::{self, ImportPanel};
use super::map::tiles::{self, Deployed};
use super::map::MapPanel;
use super::nav::{self, TaskPanel, TaskTabs};
use super::params_panel::{ParamsKey, ParamsPanel, ParamsSnap};
use super::plan_panel::PlanPanel;
use super::readings_panel::{self, ReadingsDialog};
use super::results_panel::ResultsPanel;
use super::review_panel::ReviewPanel;
use super::share_menu::{Notices, ShareMenu};
use super::sites_panel::SitesPanel;
use crate::app::assess::{BudgetAction, ExitsAction};
use crate::app::change_view::ChangeView;
use crate::app::coverage::CoverageView;
use crate::app::guided::{Guide, GuideAction};
use crate::app::guided_view::GuidedView;
use crate::app::map_view::MapView;
use crate::app::plan_job::PlanInputs;
use crate::app::readings::ReadingsView;
use crate::app::results_table::ResultsView;
use crate::app::review_view::ReviewView;
use crate::app::state::{Action, Dataset, ErrorKey, Shared};
use crate::app::sweep::SweepInputs;
use crate::app::tasks::Task;
use crate::app::work::Work;
use crate::scenario::{Category, DataField, Field};
use crate::text::Lang;

#[function_component(App)]
pub fn app() -> Html {
    // A share link in the address, else the autosaved work, else the preset.
    let state = use_reducer(super::persist::initial_state);
    let lang = state.lang;
    // The user's intents, made once: a component's props compare equal across renders.
    let on_action = {
        let d = state.dispatcher();
        (*use_memo((), move |_| Callback::from(move |a: Action| d.dispatch(a)))).clone()
    };
    // What autosave and the share menu carry.
    let work = Work::of(&state);
    super::persist::use_persistence(work.clone(), on_action.clone());
    let intents = {
        let a = on_action.clone();
        use_memo((), move |_| Intents::new(&a))
    };
    // The decision and the map are painted first; the parameters and the task's panels follow.
    let first_painted = super::widgets::use_first_paint();
    let params_snap = {
        let snap = use_memo(ParamsKey::of(&state), |_| ParamsSnap::of(&state));
        Shared(snap)
    };
    // Guided mode or the expert view, from the address (`?mode=guide`) and its link.
    let guide = use_reducer(|| Guide::new(guided::mode_from_url()));
    // Guided mode's intents, made once like `on_action`.
    let on_guide = {
        let d = guide.dispatcher();
        (*use_memo((), move |_| Callback::from(move |a: GuideAction| d.dispatch(a)))).clone()
    };
    {
        // The browser's Back and Forward move between the two views.
        let d = guide.dispatcher();
        use_effect_with((), move |_| {
            let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                d.dispatch(GuideAction::Open(guided::mode_from_url()))
            });
            let w = web_sys::window();
            if let Some(w) = &w {
                w.set_onpopstate(Some(wasm_bindgen::JsCast::unchecked_ref(cb.as_ref())));
            }
            move || {
                if let Some(w) = w {
                    w.set_onpopstate(None);
                }
                drop(cb);
            }
        });
    }

    // The deployer's base map (basemap.json beside the page), asked for once; none, no tiles.
    let deployed = use_state(Deployed::default);
    {
        let (set, d) = (deployed.setter(), state.dispatcher());
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                match tiles::load().await {
                    Ok(Some(c)) => set.set(Deployed(Some(std::rc::Rc::new(c)))),
                    Ok(None) => {}
                    Err(e) => d.dispatch(Action::Notify(crate::persist::Notice::warning(e))),
                }
            });
        });
    }

    // The document's language and title follow the toggle (screen readers, fonts, hyphenation,
    // the tab and a printout's header).
    use_effect_with(lang, |lang| {
        let doc = web_sys::window().and_then(|w| w.document());
        if let Some(root) = doc.as_ref().and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", lang_tag(*lang));
        }
        if let Some(d) = doc {
            d.set_title(i::DOC_TITLE.get(*lang));
        }
    });

    let on_preset = {
        let d = state.dispatcher();
        Callback::from(move |e: Event| {
            d.dispatch(Action::SetPreset(e.target_unchecked_into::<HtmlSelectElement>().value()))
        })
    };
    // A synthetic city being made: its line shows, and the picker waits, until it is shown.
    let making = use_state_eq(|| None::<Dataset>);
    let on_dataset = {
        let d = state.dispatcher();
        let (lang, stash, making) = (state.lang, state.stash.clone(), making.clone());
        let policy = state.policy.clone();
        Callback::from(move |e: Event| {
            let Some(ds) = Dataset::from_id(&e.target_unchecked_into::<HtmlSelectElement>().value()) else {
                return;
            };
            let Some(city) = ds.city().filter(|_| !stash.contains_key(&ds)) else {
                d.dispatch(Action::SetDataset(ds));
                return;
            };
            // Made in steps with a frame painted between them (outlines, the city, its
            // indexes, its coverage field and area counts, then the recompute and the map,
            // whose institutions follow its outlines), so the page answers
            // at once and never freezes for the whole of it.
            let (d, making, policy) = (d.clone(), making.clone(), policy.clone());
            making.set(Some(ds));
            yew::platform::spawn_local(async move {
                if !ds.ready() {
                    if let Err(e) = super::outlines::load(city).await {
                        making.set(None);
                        d.dispatch(Action::Notify(crate::persist::Notice::warning(i::outlines_failed(&e))));
                        return;
                    }
                }
                super::widgets::next_paint().await;
                let sc = ds.scenario(lang);
                super::widgets::next_paint().await;
                if lang == Lang::Zh {
                    // The same city autosave and links refer to: kept, not made again.
                    crate::app::work::remember_base(ds, &sc);
                }
                let made = crate::app::state::Stashed::made(sc);
                super::widgets::next_paint().await;
                // Its coverage field out to the radius in use, then its pharmacies counted per
                // area: the recompute finds both made.
                made.data.index.prebuild_coverage_field(&made.scenario, policy.params.service_radius_m);
                let _ = made.data.index.shared_area_model(&made.scenario, &policy.params);
                super::widgets::next_paint().await;
                d.dispatch(Action::SetDatasetMade(ds, Box::new(made)));
                making.set(None);
                // The base's fingerprint (for links and autosave) when the page is idle: after
                // the map has drawn the new city's institutions, not before them.
                super::persist::when_idle_run(move || crate::app::work::fingerprint_base(ds));
            });
        })
    };
    {
        // The data shown names counties of a sample city whose outlines are not loaded yet (the
        // small sample on opening, imported data named like them): fetched, then drawn.
        let d = state.dispatcher();
        let wanted = state
            .data
            .0
            .outlines
            .areas
            .is_empty()
            .then(|| crate::outlines::city_of(&state.scenario.counties))
            .flatten();
        use_effect_with(wanted, move |wanted| {
            if let Some(city) = *wanted {
                yew::platform::spawn_local(async move {
                    match super::outlines::load(city).await {
                        Ok(()) => d.dispatch(Action::OutlinesLoaded),
                        Err(e) => gloo::console::warn!(format!("county outlines not loaded: {e}")),
                    }
                });
            }
        });
    }
    {
        // When the page is first idle, every sample city's outlines are fetched and read, so
        // that choosing another city waits for no download (and works if the network has gone
        // since). The service worker caches the same files anyway.
        use_effect_with((), |_| {
            super::persist::when_idle_run(|| {
                yew::platform::spawn_local(async {
                    if let Err(e) = super::outlines::load_all(&crate::outlines::CITIES).await {
                        gloo::console::warn!(format!("county outlines not fetched ahead: {e}"));
                    }
                });
            });
        });
    }
    {
        // When the page is idle after new data, the coverage field is built out to the radius
        // slider's end: a drag then never waits for a rescan.
        let snapshot = (*state).clone();
        use_effect_with(state.data.clone(), move |_| {
            super::persist::when_idle_run(move || {
                crate::app::coverage::prebuild_coverage_field(&snapshot);
            });
        });
    }
    let on_lang = {
        let d = state.dispatcher();
        Callback::from(move |_| d.dispatch(Action::SetLang(if lang == Lang::Zh { Lang::En } else { Lang::Zh })))
    };
    // The phone header's menu (a disclosure; CSS shows the controls anyway on wider screens).
    let menu_open = use_state(|| false);
    let menu_button = use_node_ref();
    {
        // A new view starts with the menu folded.
        let menu_open = menu_open.clone();
        use_effect_with(guide.open, move |_| menu_open.set(false));
    }
    let toggle_menu = {
        let menu_open = menu_open.clone();
        Callback::from(move |_: MouseEvent| menu_open.set(!*menu_open))
    };
    let on_menu_key = {
        let menu_open = menu_open.clone();
        let menu_button = menu_button.clone();
        Callback::from(move |e: KeyboardEvent| {
            // Escape in the share menu or the reset dialog closes only that one.
            let inner = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .and_then(|t| t.closest("dialog, .share-menu").ok().flatten())
                .is_some();
            if e.key() == "Escape" && *menu_open && !inner && !e.default_prevented() {
                menu_open.set(false);
                if let Some(b) = menu_button.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            }
        })
    };
    // The task shown under the map (the reader's view, not the model's: it stays out of `State`),
    // and the element a link into it asked for, scrolled to once the task is drawn.
    let task = use_state(nav::initial_task);
    let anchor = use_state(|| {
        let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
        Task::holding(&hash).map(|_| hash.trim_start_matches('#').to_string())
    });
    let on_task = {
        let set = task.setter();
        use_callback((), move |t: Task, _| set.set(t))
    };
    nav::use_task_links({
        let (set_task, set_anchor) = (task.setter(), anchor.setter());
        Callback::from(move |(t, id): (Task, String)| {
            set_task.set(t);
            set_anchor.set(Some(id));
        })
    });
    {
        let anchor = anchor.clone();
        use_effect_with(((*task), (*anchor).clone()), move |(_, id)| {
            if let Some(id) = id {
                nav::scroll_to_anchor(id);
                anchor.set(None);
            }
        });
    }
    let preset = state.preset();
    let banner = match state.dataset {
        Dataset::Sample => i::SAMPLE_BANNER,
        Dataset::Linyi | Dataset::Xian => i::SYNTH_BANNER,
        Dataset::Imported => i::IMPORTED_BANNER,
    };
    // An opened scenario file is a choice once there is one.
    let datasets: Vec<Dataset> = Dataset::ALL
        .into_iter()
        .chain(
            (state.dataset == Dataset::Imported || state.stash.contains_key(&Dataset::Imported))
                .then_some(Dataset::Imported),
        )
        .collect();
    let decision = state.application().and_then(|a| state.evaluation.decisions.iter().find(|d| d.id == a.id));

    html! {
        <ContextProvider<Deployed> context={(*deployed).clone()}>
        <ContextProvider<ServiceRadius> context={ServiceRadius(state.policy.params.service_radius_m)}>
        <main data-testid="app" class="app" lang={lang_tag(lang)}>
            if guide.open {
                <a class="skip-link" href="#guide-main">{ i::G_SKIP.get(lang) }</a>
            } else {
                <a class="skip-link" href="#decision">{ i::SKIP_TO_DECISION.get(lang) }</a>
            }
            <header class={classes!("app-header", guide.open.then_some("is-guide"), menu_open.then_some("menu-open"))}>
                <div class="brand">
                    <span class="logo" aria-hidden="true">{ "定" }</span>
                    <div class="brand-text">
                        <h1>{ &*i::APP_NAME.zh }<span class="brand-latin" lang="en">{ &*i::APP_NAME.en }</span></h1>
                        <p class="tagline">{ i::APP_TAGLINE.get(lang) }</p>
                    </div>
                </div>
                if !guide.open {
                    // Shown on phones only (CSS); named in both languages whichever is chosen.
                    <button type="button" class="btn btn-lang menu-toggle" data-testid="menu-button" ref={menu_button}
                        aria-expanded={menu_open.to_string()} aria-controls="header-controls"
                        onclick={toggle_menu} onkeydown={on_menu_key.clone()}>
                        <span class="menu-icon" aria-hidden="true">{ if *menu_open { "✕" } else { "☰" } }</span>
                        { &*i::MENU.zh }{ " " }<span lang="en">{ &*i::MENU.en }</span>
                    </button>
                }
                <div id="header-controls" class={classes!("header-controls", menu_open.then_some("is-open"))}
                    data-testid="header-controls" onkeydown={on_menu_key}>
                    if !guide.open {
                        <div class="preset-picker dataset-picker">
                            <label for="dataset">{ i::DATASET.get(lang) }</label>
                            <select id="dataset" data-testid="dataset" ~value={state.dataset.id()} onchange={on_dataset}
                                disabled={making.is_some()}>
                                { for datasets.iter().map(|d| html! {
                                    <option value={d.id()} selected={*d == state.dataset}>{ d.label().get(lang) }</option>
                                }) }
                            </select>
                        </div>
                        <div class="preset-picker">
                            <label for="preset">{ i::PRESET.get(lang) }</label>
                            <select id="preset" data-testid="preset" ~value={preset.id.clone()} onchange={on_preset}>
                                { for state.presets.iter().map(|p| html! {
                                    <option value={p.id.clone()} selected={p.id == preset.id}>{ t(lang, &p.short) }</option>
                                }) }
                            </select>
                        </div>
                    }
                    { guided::mode_switch(lang, guide.open, &on_guide) }
                    <button type="button" class="btn btn-lang" data-testid="lang" lang={lang_tag(i::other(lang))} onclick={on_lang}>
                        { i::LANG_BUTTON.get(lang) }
                    </button>
                    if !guide.open {
                        { readings_panel::open_link(lang) }
                        <ShareMenu {lang} work={work.clone()} on_action={on_action.clone()} />
                    }
                </div>
                if !guide.open {
                    <p class="preset-title" data-testid="preset-title">{ t(lang, &preset.title) }</p>
                }
            </header>
            if !guide.open {
                // What the last edit changed, right under the header, with undo and redo.
                <ChangeLine {lang} view={ChangeView::of(&state)} on_undo={intents.undo.clone()} on_redo={intents.redo.clone()} />
                { guided::guide_bar(lang, &on_guide) }
            }
            <div class="banner" role="note" data-testid="sample-banner" data-dataset={state.dataset.id()}>
                <span class="banner-icon" aria-hidden="true">{ "ⓘ" }</span>
                <span>
                    <strong>{ banner.get(lang) }</strong>
                    <span class="banner-sub" lang={lang_tag(i::other(lang))}>{ banner.get(i::other(lang)) }</span>
                </span>
            </div>
            if making.is_some() {
                <p class="banner banner-busy" role="status" data-testid="dataset-making">
                    <span class="spinner" aria-hidden="true"></span>{ i::DATASET_MAKING.get(lang) }
                </p>
            }
            <Notices {lang} notices={Shared(state.notices.clone())} on_action={on_action.clone()} />
            if guide.open {
                <Guided {lang} view={GuidedView::of(&state)} guide={(*guide).clone()} on_guide={on_guide.clone()} on_expert={intents.add_application.clone()} />
            } else {
                // The working surface (parameters, map, decision) answers every edit at once;
                // the rest is one task at a time, under the map.
                <div class="columns">
                    <div class="col col-params">
                        if first_painted {
                            <ParamsPanel snap={params_snap.clone()}
                                on_set={intents.set_param.clone()}
                                on_reset={intents.reset_param.clone()}
                                on_rule={intents.toggle_rule.clone()} />
                        } else {
                            <section class="panel panel-pending" aria-busy="true"></section>
                        }
                    </div>
                    <div class="col col-map">
                        <MapPanel {lang} view={MapView::of(&state)} on_place={intents.place_app.clone()} />
                    </div>
                    <div class="col col-decision">
                        <DecisionPanel lang={lang} rev={state.data_inputs_rev()} scenario={Shared(state.scenario.clone())}
                            selected={state.selected} evaluation={Shared(state.evaluation.clone())}
                            policy={Shared(state.policy.clone())}
                            as_of_error={state.error(&ErrorKey::AsOf).cloned()}
                            on_as_of={intents.set_as_of.clone()}
                            on_pick={intents.select_app.clone()} />
                    </div>
                    <div class="col col-tasks">
                        <TaskTabs {lang} task={*task} on_task={on_task} />
                        <TaskPanel task={*task}>
                            if first_painted { { task_panels(&state, &intents, *task) } }
                        </TaskPanel>
                    </div>
                </div>
                if let Some(d) = decision {
                    <a class={classes!("outcome-bar", format!("outcome-{}", d.outcome.id()))} href="#decision"
                        data-testid="outcome-bar" aria-hidden="true" tabindex="-1">
                        <span class="outcome-symbol">{ outcome_symbol(d.outcome) }</span>
                        { t(lang, &d.outcome.label()) }
                    </a>
                }
            }
            <ReadingsDialog {lang} view={ReadingsView::of(&state)} />
            <footer class="app-foot">
                <p>{ i::OFFLINE_NOTE.get(lang) }</p>
            </footer>
        </main>
        </ContextProvider<ServiceRadius>>
        </ContextProvider<Deployed>>
    }
}

/// The panels of a task.
fn task_panels(state: &UseReducerHandle<crate::app::state::State>, intents: &Intents, task: Task) -> Html {
    let lang = state.lang;
    let preset = state.preset();
    match task {
        Task::Application => html! {
            <>
                <ApplicationForm lang={lang} rev={state.data_inputs_rev()} scenario={Shared(state.scenario.clone())}
                    selected={state.selected}
                    errors={application_form::field_errors(state)}
                    on_pick={intents.select_app.clone()}
                    on_new={intents.new_app.clone()}
                    on_remove={intents.remove_app.clone()}
                    on_field={intents.set_app.clone()}
                    on_category={intents.toggle_category.clone()} />
                <SitesPanel {lang} inputs={PlanInputs::of(state)}
                    on_sites={intents.show_sites.clone()} on_place={intents.add_application.clone()} />
            </>
        },
        Task::Figures => html! {
            <>
                <FiguresPanel snap={FiguresSnap::of(state)} />
                <DataPanel snap={DataSnap::of(state)}
                    on_city={intents.set_city.clone()}
                    on_county={intents.set_county.clone()} />
            </>
        },
        Task::Coverage => html! { <CoveragePanel {lang} view={CoverageView::of(state)} /> },
        Task::Review => html! {
            <div class="review-wrap">
                <ReviewPanel {lang} view={ReviewView::of(state)} sweep={SweepInputs::of(state)}
                    on_set_baseline={intents.set_baseline.clone()} on_reset_baseline={intents.reset_baseline.clone()}
                    presets={crate::app::review::PresetPairInputs::of(state)} />
            </div>
        },
        Task::Plan => html! { <PlanPanel {lang} inputs={PlanInputs::of(state)} policy_title={preset.title.clone()} /> },
        // The yearly assessment and exits, the county medical community budget.
        Task::Assess => html! {
            <AssessmentPanel lang={lang} dataset={state.dataset} scenario={Shared(state.scenario.clone())}
                policy={Shared(state.policy.clone())} data={state.data.clone()}
                as_of={crate::app::assess::as_of(state)} exits={state.exits.clone()}
                on_exits={intents.exits.clone()} on_add={intents.add_application.clone()} />
        },
        Task::Budget => html! {
            <BudgetPanel lang={lang} budget={state.budget.clone()} policy={Shared(state.policy.clone())}
                on_set={intents.set_budget.clone()}
                on_reset={intents.reset_budget.clone()} />
        },
        Task::Io => html! {
            <div class="io-wrap">
                <ImportPanel lang={lang} scenario={Shared(state.scenario.clone())}
                    boundaries={state.boundaries.clone().filter(|_| state.dataset == Dataset::Imported).map(Shared)}
                    outlines={Shared(state.data.outlines.clone())}
                    error={state.error(&ErrorKey::Import).cloned()}
                    intents={intents.import.clone()} />
                <ResultsPanel {lang} view={ResultsView::of(state)} on_focus={intents.focus_app.clone()} />
            </div>
        },
    }
}

/// The typed intents the panels send, each a `Callback` made once.
struct Intents {
    set_param: Callback<(&'static str, String)>,
    reset_param: Callback<&'static str>,
    toggle_rule: Callback<(&'static str, bool)>,
    set_city: Callback<(DataField, String)>,
    set_county: Callback<(usize, DataField, String)>,
    select_app: Callback<usize>,
    new_app: Callback<()>,
    remove_app: Callback<()>,
    set_app: Callback<(Field, String)>,
    toggle_category: Callback<(Category, bool)>,
    set_as_of: Callback<String>,
    import: import_panel::Intents,
    exits: Callback<ExitsAction>,
    set_budget: Callback<(&'static str, String)>,
    reset_budget: Callback<()>,
    show_sites: Callback<std::rc::Rc<Vec<crate::planning::Site>>>,
    add_application: Callback<crate::scenario::Application>,
    set_baseline: Callback<()>,
    reset_baseline: Callback<()>,
    focus_app: Callback<usize>,
    place_app: Callback<(f64, f64)>,
    undo: Callback<()>,
    redo: Callback<()>,
}

impl Intents {
    fn new(a: &Callback<Action>) -> Intents {
        Intents {
            set_param: a.reform(|(id, raw)| Action::SetParam(id, raw)),
            reset_param: a.reform(Action::ResetParam),
            toggle_rule: a.reform(|(id, on)| Action::ToggleRule(id, on)),
            set_city: a.reform(|(f, raw)| Action::SetCity(f, raw)),
            set_county: a.reform(|(c, f, raw)| Action::SetCounty(c, f, raw)),
            select_app: a.reform(Action::SelectApp),
            new_app: a.reform(|()| Action::NewApp),
            remove_app: a.reform(|()| Action::RemoveApp),
            set_app: a.reform(|(f, raw)| Action::SetApp(f, raw)),
            toggle_category: a.reform(|(c, on)| Action::ToggleCategory(c, on)),
            set_as_of: a.reform(Action::SetAsOf),
            import: import_panel::Intents {
                clear_error: a.reform(|()| Action::ClearImportError),
                load: a.reform(Action::LoadScenario),
                boundaries: a.reform(Action::ApplyBoundaries),
                apply: a.reform(|(im, merge, pre)| Action::ApplyImport(im, merge, pre)),
            },
            exits: a.reform(Action::Exits),
            set_budget: a.reform(|(f, raw)| Action::Budget(BudgetAction::Set(f, raw))),
            reset_budget: a.reform(|()| Action::Budget(BudgetAction::Reset)),
            show_sites: a.reform(Action::ShowSites),
            add_application: a.reform(Action::AddApplication),
            set_baseline: a.reform(|_| Action::SetBaseline),
            reset_baseline: a.reform(|_| Action::ResetBaseline),
            focus_app: a.reform(Action::FocusApp),
            place_app: a.reform(|(lon, lat)| Action::PlaceApp(lon, lat)),
            undo: a.reform(|()| Action::Undo),
            redo: a.reform(|()| Action::Redo),
        }
    }
}
