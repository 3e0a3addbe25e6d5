//! The yearly assessment (linyi-2019 政策措施(三)(四)(五)): who exits and why (the trace with its
//! clauses), who renews and for how long, the count per rule, and the coverage the exits take
//! away (the cells are a map layer).
//!
//! The records are synthetic for the built-in data sets (labelled so); the user loads a file
//! in the format of `dingdian assess` or edits a record. Assessing a whole city takes about a
//! second in the browser, so it runs only while the panel is open: on opening, after a change
//! when the last run was quick, else on the button.

use crate::ui::widgets::now_ms;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::platform::time::sleep;
use yew::prelude::*;

use super::decision_panel::verdict_symbol;
use super::figures_panel::{reading_marks, Mark};
use super::i18n::{self as i, bi, bi_t, t};
use super::widgets::{error_line, Hook};
use crate::app::assess::ExitsState;
use crate::app::assess::{current_records, AssessResult, ExitsAction, ExitsErrorKey, RecordField, Records, Source};
use crate::app::state::{Dataset, MapData, Shared};
use crate::date::Date;
use crate::engine::exits::{
    application_after_exit, assess_with_data, assessment_rule_def, AssessOutcome, InstitutionAssessment, KindLoss,
};
use crate::engine::TraceEntry;
use crate::policy::clauses::cite;
use crate::policy::Policy;
use crate::scenario::Application;
use crate::scenario::NegativeList;
use crate::scenario::Scenario;
use crate::text::{num, thousands, Lang, Text};

/// A run slower than this is not repeated on every change: the panel offers a button instead.
const AUTO_MS: f64 = 400.0;
/// Rows listed per outcome (the counts are complete).
const MAX_ROWS: usize = 200;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub dataset: Dataset,
    /// The institutions, cells and figures assessed.
    pub scenario: Shared<Scenario>,
    pub policy: Shared<Policy>,
    /// The data's indexes (an assessment reuses them).
    pub data: Shared<MapData>,
    /// The judging date.
    pub as_of: Date,
    /// The records of every data set, the last result, the editor and its messages.
    pub exits: Shared<ExitsState>,
    /// The panel's intents (`ExitsAction`).
    pub on_exits: Callback<ExitsAction>,
    /// An exited institution applies again (an application added and selected).
    pub on_add: Callback<Application>,
}

/// The data an assessment depends on: the institutions and cells, not the applications.
fn same_data(a: &Scenario, b: &Scenario) -> bool {
    std::ptr::eq(a, b)
        || (a.as_of == b.as_of
            && a.institutions == b.institutions
            && a.population_cells == b.population_cells
            && a.city == b.city
            && a.counties == b.counties)
}

/// Whether the shown result was computed from the current inputs.
fn is_fresh(p: &Props, r: &AssessResult, records: &Option<Rc<Records>>) -> bool {
    r.dataset == p.dataset
        && Rc::ptr_eq(&r.policy, &p.policy.0)
        && records.as_ref().is_some_and(|x| Rc::ptr_eq(x, &r.records))
        && same_data(&r.scenario, &p.scenario)
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Run {
    Idle,
    Computing,
}

/// What the computing effect watches.
#[derive(Clone)]
struct Key {
    open: bool,
    force: u32,
    policy: Rc<crate::policy::Policy>,
    scenario: Rc<Scenario>,
    records: Option<Rc<Records>>,
}

impl PartialEq for Key {
    fn eq(&self, o: &Self) -> bool {
        self.open == o.open
            && self.force == o.force
            && Rc::ptr_eq(&self.policy, &o.policy)
            && same_data(&self.scenario, &o.scenario)
            && match (&self.records, &o.records) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
    }
}

#[function_component(AssessmentPanel)]
pub fn assessment_panel(props: &Props) -> Html {
    let lang = props.lang;
    // Mounted only when its task's tab is chosen, which is asking to see it: open, and
    // the assessment made at once; folded, it costs nothing.
    let open = use_state_eq(|| true);
    let run = use_state_eq(|| Run::Idle);
    let force = use_state_eq(|| 0u32);
    // The button's presses already acted on.
    let forced: Rc<RefCell<u32>> = use_mut_ref(|| 0);
    let generation: Rc<RefCell<u64>> = use_mut_ref(|| 0);
    let records = current_records(&props.exits, props.dataset, &props.scenario);

    {
        let p = Props {
            lang: props.lang,
            dataset: props.dataset,
            scenario: props.scenario.clone(),
            policy: props.policy.clone(),
            data: props.data.clone(),
            as_of: props.as_of,
            exits: props.exits.clone(),
            on_exits: props.on_exits.clone(),
            on_add: props.on_add.clone(),
        };
        let run = run.setter();
        let generation = generation.clone();
        let forced = forced.clone();
        let key = Key {
            open: *open,
            force: *force,
            policy: props.policy.0.clone(),
            scenario: props.scenario.0.clone(),
            records: records.clone(),
        };
        use_effect_with(key, move |key| {
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            if key.open {
                match &key.records {
                    None => p.on_exits.emit(ExitsAction::EnsureRecords),
                    Some(recs) => {
                        let prev = p.exits.result.as_ref().map(|r| r.0.clone());
                        let fresh = prev.as_ref().is_some_and(|r| is_fresh(&p, r, &key.records));
                        let quick = prev.as_ref().map_or(true, |r| r.ms < AUTO_MS || r.dataset != p.dataset);
                        let asked = key.force != *forced.borrow();
                        *forced.borrow_mut() = key.force;
                        if !fresh && (quick || asked) {
                            run.set(Run::Computing);
                            let (scenario, policy, data, recs) =
                                (p.scenario.0.clone(), p.policy.0.clone(), p.data.index.clone(), recs.clone());
                            let (dataset, date) = (p.dataset, p.as_of);
                            let send = p.on_exits.clone();
                            let generation = generation.clone();
                            spawn_local(async move {
                                // Let the page show "computing" before the work holds the thread.
                                sleep(Duration::from_millis(30)).await;
                                if *generation.borrow() != mine {
                                    return;
                                }
                                let t0 = now_ms();
                                let assessment = assess_with_data(&scenario, &policy, data, &recs.list, date);
                                let ms = now_ms() - t0;
                                send.emit(ExitsAction::Result(Rc::new(AssessResult {
                                    assessment,
                                    dataset,
                                    policy,
                                    records: recs,
                                    scenario,
                                    ms,
                                })));
                                run.set(Run::Idle);
                            });
                        }
                    }
                }
            }
            move || {
                *generation.borrow_mut() += 1;
            }
        });
    }

    let on_toggle = {
        let open = open.clone();
        super::widgets::on_details_toggle(move |o| open.set(o))
    };
    let result = props.exits.result.as_ref().map(|r| r.0.clone()).filter(|r| r.dataset == props.dataset);
    let fresh = result.as_ref().is_some_and(|r| is_fresh(props, r, &records));
    let computing = *run == Run::Computing;
    let state_id = if !*open {
        "idle"
    } else if computing {
        "computing"
    } else if fresh {
        "done"
    } else {
        "stale"
    };
    let on_assess = {
        let force = force.clone();
        Callback::from(move |_| force.set(*force + 1))
    };

    let status = if computing {
        html! { <p class="assess-status is-busy" role="status" data-testid="assess-status">
        <span class="spinner" aria-hidden="true"></span>{ i::AS_COMPUTING.get(lang) }</p> }
    } else if let (true, Some(r)) = (fresh, &result) {
        html! { <p class="assess-status field-hint" role="status" data-testid="assess-status" data-ms={format!("{:.0}", r.ms)}>
            { format!("{} {} {} · {}{}", i::PLAN_DONE_IN.get(lang), thousands(r.ms.round() as u64), i::MS.get(lang), i::AS_AS_OF.get(lang), r.assessment.as_of) }
        </p> }
    } else if result.is_some() {
        html! { <p class="assess-status is-stale" role="status" data-testid="assess-status">{ i::AS_STALE.get(lang) }</p> }
    } else {
        html! {}
    };

    html! {
        <section class="panel panel-assess" aria-labelledby="assess-heading" data-testid="assess-panel" data-state={state_id}>
            <details class="plan-details" open={*open} ontoggle={on_toggle}>
                <summary data-testid="assess-open">
                    <h2 id="assess-heading">{ bi_t(lang, i::AS_HEADING) }</h2>
                    <span class="plan-clause">{ i::AS_CLAUSE_NOTE.get(lang) }</span>
                    <span class="fold-hint" data-testid="fold-hint">{ i::AS_HOLDS.get(lang) }</span>
                </summary>
                <p class="field-hint">{ i::AS_INTRO.get(lang) }</p>
                { records_box(props, records.as_deref()) }
                <div class="plan-actions">
                    <button type="button" class="btn" data-testid="assess-run" onclick={on_assess} disabled={computing || fresh}>
                        { "↻ " }{ i::AS_RUN.get(lang) }
                    </button>
                    { status }
                </div>
                if let Some(r) = result.as_ref() {
                    <div class={classes!("assess-result", (!fresh).then_some("is-stale"))} aria-busy={computing.to_string()}>
                        { summary_view(props, r) }
                        { coverage_view(props, r) }
                        { exits_view(props, r) }
                        { renewals_view(props, r) }
                    </div>
                }
                { editor(props, records.as_deref()) }
            </details>
        </section>
    }
}

fn source_text(lang: Lang, r: &Records) -> String {
    let base = match &r.source {
        Source::Synthetic { seed } => format!("{}{}", i::AS_SOURCE_SYNTH.get(lang), seed),
        Source::File { name } => format!("{}{}", i::AS_SOURCE_FILE.get(lang), name),
    };
    if r.edited {
        format!("{base}{}", i::AS_SOURCE_EDITED.get(lang))
    } else {
        base
    }
}

/// Where the records come from, with the synthetic label, a new seed and a file to load.
fn records_box(props: &Props, records: Option<&Records>) -> Html {
    let lang = props.lang;
    let synthetic = records.is_some_and(|r| matches!(r.source, Source::Synthetic { .. }));
    let seed = match records.map(|r| &r.source) {
        Some(Source::Synthetic { seed }) => *seed,
        _ => crate::synth_assessment::DEFAULT_SEED,
    };
    let on_seed = {
        let d = props.on_exits.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Ok(seed) = v.trim().parse::<u64>() {
                d.emit(ExitsAction::Resynth(seed));
            }
        })
    };
    let on_file = {
        let d = props.on_exits.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let file = gloo::file::File::from(file);
            let name = file.name();
            let d = d.clone();
            let reader = gloo::file::callbacks::read_as_text(&file, move |res| {
                let text = res.unwrap_or_default();
                d.emit(ExitsAction::Load { name, text });
            });
            // Dropping the reader would cancel it; the read is short and happens once.
            std::mem::forget(reader);
            input.set_value("");
        })
    };
    let file_hook = Hook::Field("assess-file");
    html! {
        <div class="assess-source" data-testid="assess-source" data-synthetic={synthetic.to_string()}>
            <p>
                if synthetic {
                    <span class="tag tag-assumption" data-testid="assess-synthetic">{ bi_t(lang, i::AS_SYNTH_TAG) }</span>{ " " }
                }
                <strong>{ i::AS_RECORDS.get(lang) }{ i::COLON.get(lang) }</strong>
                { records.map(|r| format!("{} · {}{}", source_text(lang, r), r.list.len(), i::AS_RECORDS_UNIT.get(lang))).unwrap_or_default() }
            </p>
            if synthetic {
                <p class="field-hint">{ i::AS_SYNTH_NOTE.get(lang) }</p>
            }
            <div class="assess-source-controls">
                <div class="field field-inline">
                    <label for="assess-seed">{ bi_t(lang, i::AS_SEED) }</label>
                    <div class="control">
                        <input id="assess-seed" type="number" inputmode="numeric" min="0" step="1" value={seed.to_string()}
                            data-testid="assess-seed" onchange={on_seed} />
                    </div>
                </div>
                <div class="field">
                    <label for="assess-file">{ bi_t(lang, i::AS_LOAD) }</label>
                    <div class="control">
                        <input id="assess-file" type="file" accept=".json,application/json" data-testid="assess-file" onchange={on_file} />
                    </div>
                    <p class="field-hint">{ i::AS_LOAD_HINT.get(lang) }</p>
                    { error_line(lang, &file_hook, props.exits.errors.get(&ExitsErrorKey::File)) }
                </div>
            </div>
        </div>
    }
}

fn rule_title(id: &str) -> Text {
    // An exit may rest on an admission rule too (the negative list).
    assessment_rule_def(id)
        .or_else(|| crate::policy::any_rule_def(id))
        .map(|d| d.title())
        .unwrap_or_else(|| Text::new(id.to_owned(), id.to_owned()))
}

fn summary_view(props: &Props, r: &AssessResult) -> Html {
    let lang = props.lang;
    let sm = &r.assessment.summary;
    let clause_of = |rule: &str| -> String { r.policy.active(rule).map(|a| a.clause.to_string()).unwrap_or_default() };
    html! {
        <>
            <dl class="sites-totals assess-counts" data-testid="assess-counts" data-exits={sm.exits.to_string()}
                data-renewals={sm.renewals.to_string()} data-assessed={sm.assessed.to_string()}>
                <div><dt>{ i::AS_ASSESSED.get(lang) }</dt><dd>{ thousands(sm.assessed as u64) }</dd></div>
                <div class="is-exit"><dt>{ "✕ " }{ i::AS_EXITS.get(lang) }</dt><dd data-testid="assess-exits">{ thousands(sm.exits as u64) }</dd></div>
                <div><dt>{ "↻ " }{ i::AS_RENEWALS.get(lang) }</dt><dd>{ thousands(sm.renewals as u64) }</dd></div>
                <div><dt>{ i::AS_CONTINUING.get(lang) }</dt><dd>{ thousands(sm.continuing as u64) }</dd></div>
                <div><dt>{ i::AS_NEGATIVE.get(lang) }</dt><dd>{ thousands(sm.negative_list_entries as u64) }</dd></div>
            </dl>
            if r.policy.assessment_rules.is_empty() {
                <p class="missing">{ i::AS_NO_RULES.get(lang) }</p>
            }
            <h3>{ bi_t(lang, i::AS_BY_RULE) }</h3>
            <div class="table-scroll" tabindex="0">
                <table class="county-table assess-rules" data-testid="assess-by-rule">
                    <thead><tr>
                        <th scope="col">{ i::AS_COL_RULE.get(lang) }</th>
                        <th scope="col">{ i::AS_COL_CLAUSE.get(lang) }</th>
                        <th scope="col">{ i::AS_COL_EXITS.get(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for sm.exits_by_rule.iter().map(|rc| html! {
                            <tr data-rule={rc.rule.clone()} data-count={rc.count.to_string()}>
                                <th scope="row">{ bi(lang, &rule_title(&rc.rule)) }</th>
                                <td class="assess-clause">{ cite(lang, &clause_of(&rc.rule)).into_owned() }</td>
                                <td>{ rc.count }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}

fn coverage_view(props: &Props, r: &AssessResult) -> Html {
    let lang = props.lang;
    let c = &r.assessment.coverage;
    let row = |label: Text, l: &KindLoss| {
        let share = |x: Option<f64>| x.map(|v| format!("{}%", num(v * 100.0, 1))).unwrap_or_else(|| "–".into());
        html! {
            <tr>
                <th scope="row">{ t(lang, &label) }</th>
                <td>{ thousands(l.covered_before) }<span class="plan-sub">{ share(l.share_before) }</span></td>
                <td>{ thousands(l.covered_after) }<span class="plan-sub">{ share(l.share_after) }</span></td>
                <td>{ thousands(l.cells_losing as u64) }</td>
                <td>{ thousands(l.population_losing) }</td>
            </tr>
        }
    };
    let on_map = {
        let d = props.on_exits.clone();
        Callback::from(move |_| {
            d.emit(ExitsAction::ShowOnMap);
            if let Some(el) =
                web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("map-heading"))
            {
                el.scroll_into_view();
            }
        })
    };
    html! {
        <>
            <h3>{ bi_t(lang, i::AS_COVERAGE) }</h3>
            <p class="field-hint">{ format!("{}{} m", i::AS_COVERAGE_NOTE.get(lang), num(c.radius_m, 0)) }</p>
            <p class="assess-lost" data-testid="assess-lost" data-cells={c.cells_losing_count.to_string()}>
                <span class="legend-symbol" aria-hidden="true">{ "−" }</span>
                { format!("{} {} · {} {}", thousands(c.cells_losing_count as u64), i::AS_CELLS_LOSING.get(lang),
                    thousands(c.population_losing), i::AS_RESIDENTS_LOSING.get(lang)) }
                { " " }
                <button type="button" class="btn btn-small" data-testid="assess-show-map" onclick={on_map}
                    disabled={c.cells_losing_count == 0}>{ "◫ " }{ i::AS_SHOW_MAP.get(lang) }</button>
            </p>
            <div class="table-scroll" tabindex="0">
                <table class="county-table" data-testid="assess-coverage">
                    <thead><tr>
                        <th scope="col">{ i::AS_COL_KIND.get(lang) }</th>
                        <th scope="col">{ i::AS_COL_BEFORE.get(lang) }</th>
                        <th scope="col">{ i::AS_COL_AFTER.get(lang) }</th>
                        <th scope="col">{ i::AS_COL_CELLS.get(lang) }</th>
                        <th scope="col">{ i::AS_COL_RESIDENTS.get(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { row(i::L_ALL_PHARMACIES.clone(), &c.lost.pharmacy) }
                        { row(i::COV_OUTPATIENT.clone(), &c.lost.outpatient) }
                        { row(i::COV_INPATIENT.clone(), &c.lost.inpatient) }
                    </tbody>
                </table>
            </div>
        </>
    }
}

fn trace_list(lang: Lang, rules: &[TraceEntry]) -> Html {
    html! {
        <ol class="trace assess-trace">
            { for rules.iter().map(|e| html! {
                <li class={classes!("trace-entry", format!("verdict-{}", e.verdict.id()))} data-rule={e.rule.clone()} data-verdict={e.verdict.id()}>
                    <div class="trace-head">
                        <span class="verdict">
                            <span class="verdict-symbol" aria-hidden="true">{ verdict_symbol(e.verdict) }</span>
                            { t(lang, &e.verdict.label()) }
                        </span>
                        <span class="trace-title">{ t(lang, &rule_title(&e.rule)) }</span>
                        <span class="clause" data-testid="trace-clause">{ cite(lang, &e.clause).into_owned() }</span>
                    </div>
                    <p class="trace-detail">{ t(lang, &e.detail) }</p>
                    if let Some(n) = &e.note {
                        <p class="trace-note"><span class="trace-key">{ i::NOTE.get(lang) }{ i::COLON.get(lang) }</span>{ t(lang, n) }</p>
                    }
                    { super::readings_panel::trace_mark(lang, e) }
                </li>
            }) }
        </ol>
    }
}

/// 政策措施(三)“不符合布局规划要求的”: the record states it, or leaves it to the switch.
fn layout_field(props: &Props, fits: Option<bool>) -> Html {
    let lang = props.lang;
    let d = props.on_exits.clone();
    let onchange = Callback::from(move |e: Event| {
        let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        d.emit(ExitsAction::SetField(RecordField::FitsLayoutPlan, v))
    });
    let opt = |value: &'static str, zh: &'static str, en: &'static str, selected: bool| {
        html! {
            <option {value} {selected}>{ Text::new(zh, en).get(lang).to_string() }</option>
        }
    };
    html! {
        <div class="field">
            <label for="assess-rec-fits_layout_plan">{ Text::new("是否符合布局规划要求（末位淘汰）", "fits the layout plan (last-place elimination)").get(lang).to_string() }</label>
            <div class="control">
                <select id="assess-rec-fits_layout_plan" data-record-field="fits_layout_plan" {onchange}>
                    { opt("", "未填报（按开关 last_place_layout_test）", "not stated (switch last_place_layout_test)", fits.is_none()) }
                    { opt("true", "符合", "fits", fits == Some(true)) }
                    { opt("false", "不符合", "does not fit", fits == Some(false)) }
                </select>
            </div>
        </div>
    }
}

fn edit_button(props: &Props, id: &str) -> Html {
    let lang = props.lang;
    let d = props.on_exits.clone();
    let target = id.to_string();
    let onclick = Callback::from(move |_| {
        d.emit(ExitsAction::Edit(Some(target.clone())));
        if let Some(el) =
            web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("assess-editor"))
        {
            el.scroll_into_view();
        }
    });
    html! {
        <button type="button" class="btn btn-small btn-quiet" data-edit-record={id.to_string()} {onclick}
            aria-label={format!("{}{}{}", i::AS_EDIT.get(lang), i::COLON.get(lang), id)}>{ "✎ " }{ i::AS_EDIT.get(lang) }</button>
    }
}

/// The negative list feeds back into admission: the exited institution applies again, at its
/// old site with its entry, and the decision panel shows `negative_list` rejecting it.
fn reapply_button(props: &Props, r: &AssessResult, a: &InstitutionAssessment, entry: &NegativeList) -> Html {
    let lang = props.lang;
    let Some(inst) = r.scenario.institutions.iter().find(|x| x.id == a.id) else {
        return html! {};
    };
    let app = application_after_exit(inst, entry);
    let d = props.on_add.clone();
    let onclick = Callback::from(move |_| {
        d.emit(app.clone());
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("decision")) {
            el.scroll_into_view();
        }
    });
    html! {
        <button type="button" class="btn btn-small btn-quiet" data-reapply={a.id.clone()} {onclick}
            title={i::AS_REAPPLY_HINT.get(lang)}>{ "↩ " }{ i::AS_REAPPLY.get(lang) }</button>
    }
}

/// Whether the exit bars re-admission rests on the switch `exit_negative_list_scope`: say so.
fn negative_switch_mark(lang: Lang, a: &InstitutionAssessment) -> Html {
    let Some(sw) = a.negative_list_switch else {
        return html! {};
    };
    let why = Text::new(
        "是否算“已被解除医保服务协议”原文未说：按解释开关",
        "whether this counts as “agreement terminated” the text does not say: a switch decides",
    );
    html! {
        <>
            { " " }<span class="field-hint">{ why.get(lang).to_string() }</span>
            { reading_marks(lang, &[Mark { id: sw, text: None }]) }
        </>
    }
}

fn inst_name(lang: Lang, a: &InstitutionAssessment) -> Html {
    html! {
        <>
            <strong>{ a.name.clone().unwrap_or_else(|| a.id.clone()) }</strong>
            <span class="plan-sub">{ format!("{} · {}", a.id, t(lang, &a.kind.label())) }</span>
        </>
    }
}

fn exits_view(props: &Props, r: &AssessResult) -> Html {
    let lang = props.lang;
    let exits: Vec<&InstitutionAssessment> =
        r.assessment.institutions.iter().filter(|a| a.outcome == AssessOutcome::Exits).collect();
    html! {
        <>
            <h3>{ bi_t(lang, i::AS_EXITS_HEADING) }</h3>
            if exits.is_empty() {
                <p class="empty">{ i::AS_NO_EXITS.get(lang) }</p>
            } else {
                <ul class="assess-list" data-testid="assess-exit-list">
                    { for exits.iter().take(MAX_ROWS).map(|a| {
                        let reasons: Vec<&TraceEntry> = a.rules.iter().filter(|e| a.exit_reasons.iter().any(|r| *r == e.rule)).collect();
                        html! {
                            <li class="assess-item is-exit" data-testid="assess-exit" data-id={a.id.clone()} data-reasons={a.exit_reasons.join(" ")}>
                                <div class="assess-item-head">
                                    <span class="plan-status outcome-rejected"><span aria-hidden="true">{ "✕ " }</span>{ t(lang, &a.outcome.label()) }</span>
                                    <span class="assess-who">{ inst_name(lang, a) }</span>
                                    { edit_button(props, &a.id) }
                                </div>
                                <ul class="assess-reasons">
                                    { for reasons.iter().map(|e| html! {
                                        <li data-rule={e.rule.clone()}>
                                            <strong>{ t(lang, &rule_title(&e.rule)) }</strong>
                                            { " " }<span class="clause" data-testid="exit-clause">{ cite(lang, &e.clause).into_owned() }</span>
                                            <span class="assess-detail">{ t(lang, &e.detail) }</span>
                                            // A reading the exit rests on (e.g. (五) only asks to explore 末位淘汰).
                                            if let Some(n) = &e.note {
                                                <span class="assess-detail assess-note">{ t(lang, n) }</span>
                                            }
                                            if let Some(sw) = &e.switch {
                                                { reading_marks(lang, &[Mark { id: sw, text: None }]) }
                                            }
                                        </li>
                                    }) }
                                </ul>
                                if let Some(n) = &a.negative_list {
                                    <p class="assess-negative" data-negative-switch={a.negative_list_switch}>
                                        <span class="field-hint">{ format!("{}{}{}{}", i::AS_NEG_ENTRY.get(lang), t(lang, &n.reason.label()), i::AS_SINCE.get(lang), n.since) }</span>
                                        { negative_switch_mark(lang, a) }
                                        { reapply_button(props, r, a, n) }
                                    </p>
                                } else if a.negative_list_switch.is_some() {
                                    <p class="assess-negative" data-negative-switch={a.negative_list_switch}>
                                        <span class="field-hint">{ Text::new("不列入准入负面清单，可再申请", "no negative-list entry: it may apply again").get(lang).to_string() }</span>
                                        { negative_switch_mark(lang, a) }
                                    </p>
                                }
                                <details class="assess-trace-box">
                                    <summary>{ i::AS_TRACE.get(lang) }</summary>
                                    { trace_list(lang, &a.rules) }
                                </details>
                            </li>
                        }
                    }) }
                </ul>
                if exits.len() > MAX_ROWS {
                    <p class="field-hint">{ format!("{}{}", i::AS_MORE.get(lang), exits.len() - MAX_ROWS) }</p>
                }
            }
        </>
    }
}

fn renewals_view(props: &Props, r: &AssessResult) -> Html {
    let lang = props.lang;
    let renewals: Vec<&InstitutionAssessment> =
        r.assessment.institutions.iter().filter(|a| a.outcome == AssessOutcome::Renews).collect();
    html! {
        <>
            <h3>{ bi_t(lang, i::AS_RENEWALS_HEADING) }</h3>
            if renewals.is_empty() {
                <p class="empty">{ i::AS_NO_RENEWALS.get(lang) }</p>
            } else {
                <div class="table-scroll" tabindex="0">
                    <table class="county-table assess-renewals" data-testid="assess-renewals">
                        <thead><tr>
                            <th scope="col">{ i::AS_COL_INSTITUTION.get(lang) }</th>
                            <th scope="col">{ i::AS_COL_TERM_END.get(lang) }</th>
                            <th scope="col">{ i::AS_COL_RENEWAL.get(lang) }</th>
                            <th scope="col"><span class="visually-hidden">{ i::AS_EDIT.get(lang) }</span></th>
                        </tr></thead>
                        <tbody>
                            { for renewals.iter().take(MAX_ROWS).map(|a| {
                                let ag = a.agreement.as_ref();
                                let rn = ag.and_then(|g| g.renewal.as_ref());
                                html! {
                                    <tr data-id={a.id.clone()} data-years={rn.map(|x| x.years.to_string())}>
                                        <th scope="row">{ inst_name(lang, a) }</th>
                                        <td>{ ag.and_then(|g| g.term_end.clone()).unwrap_or_default() }</td>
                                        <td>
                                            if let Some(x) = rn {
                                                { format!("{} → {} · {} {}", x.from, x.term_end, x.years, i::AS_YEARS.get(lang)) }
                                                <span class="plan-sub">{ if x.extended { i::AS_EXTENDED } else { i::AS_ORDINARY }.get(lang) }</span>
                                            }
                                        </td>
                                        <td>{ edit_button(props, &a.id) }</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
                if renewals.len() > MAX_ROWS {
                    <p class="field-hint">{ format!("{}{}", i::AS_MORE.get(lang), renewals.len() - MAX_ROWS) }</p>
                }
            }
        </>
    }
}

/// The editor of one record: pick an institution by id, change its results.
fn editor(props: &Props, records: Option<&Records>) -> Html {
    let lang = props.lang;
    let editing = props.exits.editing.clone();
    let rec = editing.as_ref().and_then(|id| records.and_then(|r| r.list.iter().find(|x| &x.id == id)));
    let on_pick = {
        let d = props.on_exits.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            let v = v.trim().to_string();
            d.emit(ExitsAction::Edit((!v.is_empty()).then_some(v)));
        })
    };
    let set = |field: RecordField| {
        let d = props.on_exits.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            d.emit(ExitsAction::SetField(field, v))
        })
    };
    let set_bool = |field: RecordField| {
        let d = props.on_exits.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().checked();
            d.emit(ExitsAction::SetField(field, v.to_string()))
        })
    };
    let unknown = editing.is_some() && rec.is_none();
    let field = |field: RecordField, label: i::Words, value: String, kind: &'static str| {
        let hook = Hook::Field(field.id());
        let id = format!("assess-rec-{}", field.id());
        let err = props.exits.errors.get(&ExitsErrorKey::Record(field));
        html! {
            <div class={classes!("field", err.map(|_| "has-error"))}>
                <label for={id.clone()}>{ bi_t(lang, label) }</label>
                <div class="control">
                    <input id={id.clone()} type={kind} {value} data-record-field={field.id()}
                        inputmode={(kind == "text").then_some("decimal")}
                        aria-invalid={err.map(|_| "true")} onchange={set(field)} />
                </div>
                { error_line(lang, &hook, err) }
            </div>
        }
    };
    let n = |x: Option<f64>| x.map(|v| num(v, 2)).unwrap_or_default();
    let c = |x: Option<u64>| x.map(|v| v.to_string()).unwrap_or_default();
    html! {
        <div class="assess-editor" id="assess-editor" data-testid="assess-editor">
            <h3>{ bi_t(lang, i::AS_EDITOR) }</h3>
            <div class="field field-inline">
                <label for="assess-edit-id">{ bi_t(lang, i::AS_EDIT_ID) }</label>
                <div class="control">
                    <input id="assess-edit-id" type="text" data-testid="assess-edit-id" value={editing.clone().unwrap_or_default()} onchange={on_pick} />
                </div>
            </div>
            if unknown {
                <p class="field-error" role="alert">{ i::AS_NO_RECORD.get(lang) }</p>
            }
            if let Some(r) = rec {
                <div class="assess-editor-grid" key={r.id.clone()}>
                    { field(RecordField::Score, i::AS_F_SCORE, n(r.score), "text") }
                    { field(RecordField::SatisfactionPct, i::AS_F_SATISFACTION, n(r.satisfaction_pct), "text") }
                    { field(RecordField::SeriousViolations, i::AS_F_SERIOUS, c(r.serious_violations), "text") }
                    { field(RecordField::ViolationsInTerm, i::AS_F_IN_TERM, c(r.violations_in_term), "text") }
                    { field(RecordField::AgreementStart, i::AS_F_START, r.agreement_start.clone().unwrap_or_default(), "text") }
                    <div class="field field-check">
                        <div class="check">
                            <input id="assess-rec-blacklisted" type="checkbox" checked={r.blacklisted == Some(true)}
                                data-record-field="blacklisted" onchange={set_bool(RecordField::Blacklisted)} />
                            <label for="assess-rec-blacklisted">{ bi_t(lang, i::AS_F_BLACKLISTED) }</label>
                        </div>
                    </div>
                    { layout_field(props, r.fits_layout_plan) }
                </div>
            }
        </div>
    }
}
