//! The annual acceptance plan of every county (年度受理计划, linyi-2025 四(一)): a table on screen,
//! a CSV download, and a printable document of one A4 page per county in the shape a bureau
//! would publish.
//!
//! The plan adds hypothetical institutions one at a time and recomputes the rules after each
//! (`planning::PlanBuilder`), which takes seconds on a whole city. It is built only while the
//! panel is open, in slices of a few milliseconds with the browser given back in between, a
//! moment after the last parameter change; a newer change cancels a run in progress.

use crate::ui::widgets::now_ms;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use yew::platform::spawn_local;
use yew::platform::time::sleep;
use yew::prelude::*;

use super::decision_panel::outcome_symbol;
use super::figures_panel::{reading_marks, Mark};
use super::i18n::{self as i, bi_t, lang_tag, t};
use super::io;
use crate::app::plan_job::{
    done_in, print_meta, print_title, slice, step_text, year_of, PlanFile, PlanInputs, PlanRun, DEBOUNCE_MS, PLAN_CAP,
    SLICE_MS,
};
use crate::app::review_view::{rule_title, switch_label};
use crate::engine::Outcome;
use crate::planning::{AnnualPlan, Capacity, CountyPlan, InpatientStatus, PlanBuilder};
use crate::policy::clauses::cite;
use crate::spatial::AreaClass;
use crate::text::{thousands, Lang, Text};

/// A finished plan.
struct Ready {
    plan: AnnualPlan,
}

/// What the plan shows: its inputs (the data without the applications, the policy) and the
/// preset's title for the printed pages.
#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub inputs: PlanInputs,
    pub policy_title: Text,
}

#[function_component(PlanPanel)]
pub fn plan_panel(props: &Props) -> Html {
    let lang = props.lang;
    // Mounted only when its task's tab is chosen, which is asking to see it: open, and
    // the plan made at once; folded, it costs nothing.
    let open = use_state_eq(|| true);
    let run = use_state_eq(|| PlanRun::Idle);
    let ready: UseStateHandle<Option<Rc<Ready>>> = use_state(|| None);
    // Bumped by every new input: a run whose number is no longer current stops.
    let generation: Rc<RefCell<u64>> = use_mut_ref(|| 0);

    let inputs = props.inputs.clone();
    {
        let run = run.setter();
        let ready = ready.setter();
        let generation = generation.clone();
        use_effect_with((inputs, *open), move |(inputs, open)| {
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            if *open {
                run.set(PlanRun::Waiting);
                let inputs = inputs.clone();
                let generation = generation.clone();
                spawn_local(async move {
                    let current = || *generation.borrow() == mine;
                    sleep(Duration::from_millis(DEBOUNCE_MS)).await;
                    if !current() {
                        return;
                    }
                    let t0 = now_ms();
                    let mut builder = PlanBuilder::new(&inputs.scenario, &inputs.policy, inputs.today, PLAN_CAP);
                    while slice(|| builder.step(), now_ms, SLICE_MS) {
                        run.set(PlanRun::Running(builder.progress()));
                        sleep(Duration::ZERO).await;
                        if !current() {
                            return;
                        }
                    }
                    let plan = builder.finish();
                    ready.set(Some(Rc::new(Ready { plan })));
                    run.set(PlanRun::Done { ms: now_ms() - t0 });
                });
            } else {
                run.set(PlanRun::Idle);
            }
            move || {
                // Unmounted or replaced: whatever runs stops at its next slice.
                *generation.borrow_mut() += 1;
            }
        });
    }
    let on_toggle = {
        let open = open.clone();
        super::widgets::on_details_toggle(move |o| open.set(o))
    };
    let on_print = Callback::from(|_| print_plan());
    // The files are made when asked for, in the page's language, by the file worker (loaded at
    // the first export); the link's own click only asks, the download follows the reply.
    let csv_link = use_node_ref();
    let xlsx_link = use_node_ref();
    let xlsx_error = use_state(|| None::<String>);
    let on_file = |link: NodeRef, format: PlanFile| {
        let ready = ready.clone();
        let xlsx_error = xlsx_error.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            let (Some(r), Some(a)) = (ready.as_ref(), link.cast::<web_sys::Element>()) else {
                return;
            };
            let name = a.get_attribute("download").unwrap_or_default();
            let request = format.request(&r.plan, lang);
            xlsx_error.set(None);
            let xlsx_error = xlsx_error.clone();
            io::download_made(&request, name, format.mime(), move |m| {
                xlsx_error.set(Some(format!("{} {}", i::PLAN_XLSX_FAILED.get(lang), m.get(lang))))
            });
        })
    };
    let on_csv = on_file(csv_link.clone(), PlanFile::Csv);
    let on_xlsx = on_file(xlsx_link.clone(), PlanFile::Xlsx);

    let r = *run;
    let have_plan = ready.is_some();
    let fresh = matches!(r, PlanRun::Done { .. });
    let progress = match r {
        PlanRun::Idle => html! {},
        PlanRun::Waiting => html! {
            <p class="plan-progress" role="status" data-testid="plan-progress">{ i::PLAN_WAITING.get(lang) }</p>
        },
        PlanRun::Running(p) => {
            let what = step_text(&p);
            html! {
                <div class="plan-progress" role="status" data-testid="plan-progress">
                    <progress max="1" value={format!("{:.3}", p.fraction)} aria-label={i::PLAN_PROGRESS.get(lang)}></progress>
                    <span>{ t(lang, &what) }</span>
                </div>
            }
        }
        PlanRun::Done { ms } => html! {
            <p class="plan-progress plan-done field-hint" role="status" data-testid="plan-progress" data-ms={format!("{ms:.0}")}>
                { done_in(lang, ms) }
            </p>
        },
    };

    html! {
        <>
        <section class="panel panel-plan" aria-labelledby="plan-heading" data-testid="plan-panel" data-state={r.id()}>
            <details class="plan-details" open={*open} ontoggle={on_toggle}>
                <summary data-testid="plan-open">
                    <h2 id="plan-heading">{ bi_t(lang, i::PLAN_HEADING) }</h2>
                    <span class="plan-clause">{ crate::policy::clauses::cite_in(lang, i::PLAN_CLAUSE_NOTE.get(lang)).into_owned() }</span>
                    <span class="fold-hint" data-testid="fold-hint">{ i::PLAN_HOLDS.get(lang) }</span>
                </summary>
                <p class="field-hint">{ i::PLAN_INTRO.get(lang) }</p>
                <div class="plan-actions">
                    <button type="button" class="btn" data-testid="plan-print-button" onclick={on_print} disabled={!have_plan}>
                        { i::PLAN_PRINT.get(lang) }
                    </button>
                    if let Some(rd) = ready.as_ref() {
                        <a class="btn btn-quiet" data-testid="plan-csv" href="#" ref={csv_link} onclick={on_csv}
                            download={PlanFile::Csv.name(lang, &rd.plan)}>
                            { "⇩ " }{ i::PLAN_CSV.get(lang) }
                        </a>
                        <a class="btn btn-quiet" data-testid="plan-xlsx" href="#" ref={xlsx_link} onclick={on_xlsx}
                            download={PlanFile::Xlsx.name(lang, &rd.plan)}>
                            { "⇩ " }{ i::PLAN_XLSX.get(lang) }
                        </a>
                    }
                    if let Some(message) = (*xlsx_error).clone() {
                        <p class="field-error" role="alert" data-testid="plan-file-error">{ message }</p>
                    }
                </div>
                { progress }
                if let Some(rd) = ready.as_ref() {
                    <PlanTable ready={rd.clone()} {lang} {fresh} />
                }
            </details>
        </section>
        if let Some(rd) = ready.as_ref() {
            <PlanPrint ready={rd.clone()} {lang} city={props.inputs.scenario.city.name.clone()} policy={t(lang, &props.policy_title)} />
        }
        </>
    }
}

/// Prints the plan only: the class scopes the print stylesheet (other panels print their own).
fn print_plan() {
    let Some(w) = web_sys::window() else { return };
    let Some(body) = w.document().and_then(|d| d.body()) else {
        return;
    };
    let before = body.class_name();
    body.set_class_name(format!("{before} printing-plan").trim());
    // `print()` returns once the dialog has closed (at once when headless).
    let _ = w.print();
    body.set_class_name(&before);
}

fn status_class(s: InpatientStatus) -> &'static str {
    match s {
        InpatientStatus::Open => "outcome-accepted",
        InpatientStatus::Suspended => "outcome-suspended",
        InpatientStatus::Undetermined => "outcome-undetermined",
        InpatientStatus::Closed => "outcome-rejected",
    }
}

fn status_symbol(s: InpatientStatus) -> &'static str {
    outcome_symbol(match s {
        InpatientStatus::Open => Outcome::Accepted,
        InpatientStatus::Suspended => Outcome::Suspended,
        InpatientStatus::Undetermined => Outcome::Undetermined,
        InpatientStatus::Closed => Outcome::Rejected,
    })
}

fn status_badge(lang: Lang, s: InpatientStatus) -> Html {
    html! {
        <span class={classes!("plan-status", status_class(s))}>
            <span aria-hidden="true">{ status_symbol(s) }{ " " }</span>{ t(lang, &s.label()) }
        </span>
    }
}

fn areas_cell(lang: Lang, c: &CountyPlan, class: AreaClass) -> Html {
    let (areas, residents) = c.areas_of(class);
    html! {
        <td class="num" data-class={format!("{class:?}").to_lowercase()} data-areas={areas.to_string()} data-residents={residents.to_string()}>
            { areas }<span class="plan-unit">{ i::PLAN_AREAS_UNIT.get(lang) }</span>
            <span class="plan-sub">{ thousands(residents) }{ " " }{ i::U_PERSONS.get(lang) }</span>
        </td>
    }
}

fn capacity_cell(lang: Lang, c: &Capacity, testid: &'static str) -> Html {
    let limited = c
        .limited_by
        .as_ref()
        .map(|r| format!("{} ({})", rule_title(lang, &r.rule), cite(lang, &r.clause)))
        .unwrap_or_default();
    html! {
        <td class="num" data-testid={testid} data-count={c.new_institutions.to_string()} data-capped={c.capped.to_string()} title={t(lang, &c.text)}>
            if c.capped { <span aria-label={i::PLAN_AT_LEAST.get(lang)}>{ "≥" }</span> }
            { c.new_institutions }
            if !limited.is_empty() {
                <span class="plan-sub">{ i::PLAN_THEN_LIMITED.get(lang) }{ limited }</span>
            }
        </td>
    }
}

/// The table and the printed pages render only when the plan, the language or (for the table)
/// its freshness changed, not on every progress update of the next plan.
#[derive(Properties)]
struct ViewProps {
    ready: Rc<Ready>,
    lang: Lang,
    #[prop_or_default]
    fresh: bool,
    #[prop_or_default]
    city: String,
    #[prop_or_default]
    policy: String,
}

impl PartialEq for ViewProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.ready, &o.ready)
            && self.lang == o.lang
            && self.fresh == o.fresh
            && self.city == o.city
            && self.policy == o.policy
    }
}

#[function_component(PlanTable)]
fn plan_table(p: &ViewProps) -> Html {
    table(p.lang, &p.ready.plan, p.fresh)
}

#[function_component(PlanPrint)]
fn plan_print(p: &ViewProps) -> Html {
    print_pages(p.lang, &p.city, &p.policy, &p.ready.plan)
}

fn table(lang: Lang, plan: &AnnualPlan, fresh: bool) -> Html {
    html! {
        <div class="table-scroll" tabindex="0">
            <table class="plan-table county-table" data-testid="plan-table" aria-busy={(!fresh).to_string()}
                data-fresh={fresh.to_string()} data-as-of={plan.as_of.clone()}>
                <caption class="visually-hidden">{ i::PLAN_HEADING.get(lang) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ i::FIG_COUNTY.get(lang) }</th>
                        <th scope="col">{ i::PLAN_COL_INPATIENT.get(lang) }</th>
                        <th scope="col">{ i::PLAN_COL_BEDS.get(lang) }</th>
                        <th scope="col">{ AreaClass::Blank.label().get(lang).to_string() }</th>
                        <th scope="col">{ AreaClass::Insufficient.label().get(lang).to_string() }</th>
                        <th scope="col">{ AreaClass::Saturated.label().get(lang).to_string() }</th>
                        <th scope="col">{ i::PLAN_COL_PHARMACIES.get(lang) }</th>
                        <th scope="col">{ i::PLAN_COL_OUTPATIENT.get(lang) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for plan.counties.iter().map(|c| {
                        let ip = &c.inpatient;
                        let rule = ip.deciding_rule.as_ref();
                        html! {
                            <tr data-county={c.county.clone()} data-inpatient={ip.status.id()}>
                                <th scope="row">{ crate::place_names::county_label(lang, &c.name).into_owned() }</th>
                                <td data-testid="plan-inpatient">
                                    { status_badge(lang, ip.status) }
                                    if let Some(r) = rule {
                                        <span class="plan-sub" data-rule={r.rule.clone()}>
                                            { format!("{} · {}", rule_title(lang, &r.rule), cite(lang, &r.clause)) }
                                            if let Some(sw) = &r.switch { { format!(" · {}{}", i::PLAN_SWITCH.get(lang), switch_label(lang, sw)) } }
                                        </span>
                                    }
                                </td>
                                <td class="num" data-testid="plan-beds" data-beds={c.beds.whole_beds.map(|b| b.to_string())}>
                                    <details class="plan-arith">
                                        <summary>
                                            { c.beds.whole_beds.map(thousands).unwrap_or_else(|| "—".into()) }
                                            <span class="plan-unit">{ i::PLAN_BEDS_UNIT.get(lang) }</span>
                                            <span class="plan-sub">{ i::PLAN_SHOW_ARITH.get(lang) }</span>
                                        </summary>
                                        <p>{ t(lang, &c.beds.text) }</p>
                                        <div class="reading-note" data-testid="plan-beds-reading" data-assumption={c.beds.assumption}>
                                            { t(lang, &c.beds.reading) }
                                        </div>
                                    </details>
                                    { beds_marks(lang, c) }
                                </td>
                                { areas_cell(lang, c, AreaClass::Blank) }
                                { areas_cell(lang, c, AreaClass::Insufficient) }
                                { areas_cell(lang, c, AreaClass::Saturated) }
                                { capacity_cell(lang, &c.pharmacy, "plan-pharmacies") }
                                { capacity_cell(lang, &c.outpatient, "plan-outpatient") }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// The readings the bed allowance rests on, beside it: its own arithmetic first.
fn beds_marks(lang: Lang, c: &CountyPlan) -> Html {
    let marks: Vec<Mark> = c
        .beds
        .rests_on
        .iter()
        .map(|id| Mark { id, text: (*id == c.beds.assumption).then_some(&c.beds.reading) })
        .collect();
    reading_marks(lang, &marks)
}

/// Open or closed, for a kind counted by a capacity run.
fn capacity_status(lang: Lang, c: &Capacity) -> Html {
    let open = c.new_institutions > 0;
    html! {
        <span class={classes!("plan-status", if open { "outcome-accepted" } else { "outcome-rejected" })}>
            <span aria-hidden="true">{ if open { "✓ " } else { "✕ " } }</span>
            { if open { i::PLAN_OPEN.get(lang) } else { i::PLAN_CLOSED.get(lang) } }
        </span>
    }
}

/// One page per county, hidden on screen; the print stylesheet shows only these while
/// `body.printing-plan` is set.
fn print_pages(lang: Lang, city: &str, preset: &str, plan: &AnnualPlan) -> Html {
    let year = year_of(&plan.as_of);
    html! {
        <div class="plan-print" data-testid="plan-print" aria-hidden="true" lang={lang_tag(lang)}>
            { for plan.counties.iter().map(|c| {
                let county = crate::place_names::county_label(lang, &c.name);
                let title = print_title(lang, &county, &year);
                let ip = &c.inpatient;
                html! {
                    <article class="plan-page" data-county={c.county.clone()}>
                        <p class="plan-page-sim">{ i::PLAN_SIMULATION.get(lang) }</p>
                        <h1>{ title }</h1>
                        <p class="plan-page-meta">
                            { print_meta(lang, city, &county, &year, &plan.as_of) }
                        </p>
                        <p class="plan-page-meta">{ i::PLAN_P_POLICY.get(lang) }{ i::COLON.get(lang) }{ preset.to_string() }</p>
                        <table class="plan-page-table">
                            <thead>
                                <tr>
                                    <th scope="col">{ i::PLAN_P_KIND.get(lang) }</th>
                                    <th scope="col">{ i::PLAN_P_STATUS.get(lang) }</th>
                                    <th scope="col">{ i::PLAN_P_NUMBERS.get(lang) }</th>
                                </tr>
                            </thead>
                            <tbody>
                                <tr>
                                    <th scope="row">{ i::PLAN_P_INPATIENT.get(lang) }</th>
                                    <td>{ status_badge(lang, ip.status) }</td>
                                    <td>{ t(lang, &ip.text) }</td>
                                </tr>
                                <tr>
                                    <th scope="row">{ i::PLAN_COL_BEDS.get(lang) }</th>
                                    <td>{ c.beds.whole_beds.map(|b| format!("{} {}", thousands(b), i::PLAN_BEDS_UNIT.get(lang))).unwrap_or_else(|| "—".into()) }</td>
                                    <td>
                                        { t(lang, &c.beds.text) }
                                        <p class="plan-page-reading" data-assumption={c.beds.assumption}>{ t(lang, &c.beds.reading) }</p>
                                    </td>
                                </tr>
                                <tr>
                                    <th scope="row">{ i::PLAN_P_PHARMACY.get(lang) }</th>
                                    <td>{ capacity_status(lang, &c.pharmacy) }</td>
                                    <td>{ t(lang, &c.pharmacy.text) }</td>
                                </tr>
                                <tr>
                                    <th scope="row">{ i::PLAN_P_OUTPATIENT.get(lang) }</th>
                                    <td>{ capacity_status(lang, &c.outpatient) }</td>
                                    <td>{ t(lang, &c.outpatient.text) }</td>
                                </tr>
                            </tbody>
                        </table>
                        <h2>{ i::PLAN_P_AREAS.get(lang) }</h2>
                        <table class="plan-page-table">
                            <thead>
                                <tr>
                                    <th scope="col">{ i::PLAN_P_CLASS.get(lang) }</th>
                                    <th scope="col">{ i::AREA_COUNT.get(lang) }</th>
                                    <th scope="col">{ i::RESIDENTS.get(lang) }</th>
                                </tr>
                            </thead>
                            <tbody>
                                { for c.pharmacy_areas.iter().map(|a| html! {
                                    <tr>
                                        <th scope="row">{ t(lang, &a.label) }</th>
                                        <td class="num">{ a.areas }</td>
                                        <td class="num">{ thousands(a.residents) }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                        <h2>{ i::PLAN_P_CLAUSES.get(lang) }</h2>
                        <ul class="plan-page-clauses">
                            { for c.clauses().into_iter().map(|cl| html! { <li>{ cite(lang, &cl).into_owned() }</li> }) }
                        </ul>
                        <p class="plan-page-foot">{ i::PLAN_P_FOOT.get(lang) }</p>
                    </article>
                }
            }) }
        </div>
    }
}
