//! Real data in. A file (picked or dropped) is read into memory; the user says what it
//! holds (institutions, applications, population cells or county boundaries), its coordinate
//! system (WGS-84, GCJ-02 for AMap/Tencent, BD-09 for Baidu), the sheet of a workbook, and
//! whether the rows replace the list of their kind or are added to it.
//!
//! The file is read in the file worker (`super::io`, loaded at the first import), in chunks of
//! `CHUNK_ROWS` rows with progress after each, so a file of 100,000 rows never freezes the page;
//! a progress bar shows how far it is and Cancel stops the worker. Nothing the user had changes
//! until the finished records are applied (by the reducer, which refuses a result that would
//! make the scenario invalid). A file whose
//! header or coordinate columns are not recognised opens the column-mapping dialog; the mapping
//! given is remembered in this browser under the text of the header row.
//!
//! Afterwards the panel shows a summary line and the refused rows (row, column, reason), the
//! first `ISSUES_SHOWN` on screen and all of them as a CSV download.

use crate::ui::widgets::now_ms;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::time::Duration;

use web_sys::{DragEvent, HtmlInputElement, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::platform::time::sleep;
use yew::prelude::*;

use super::i18n::{self as i, bi_t, t};
use super::io;
use super::widgets::download;
use crate::app::state::{Dataset, Loaded as LoadedState, Shared};
use crate::file_worker::{ImportJob, Reply, Request};
use crate::scenario::import::session::{self, Preview};
use crate::scenario::import::{
    Boundaries, ColumnMapping, Crs, Field, Format, ImportReport, Imported, Merge, Progress, Target,
};
use crate::scenario::Scenario;
use crate::text::{thousands, Lang, Text};

/// Refused rows listed on screen; the CSV download has all of them.
pub const ISSUES_SHOWN: usize = 20;

/// What a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum What {
    Rows(Target),
    Boundaries,
}

impl What {
    const ALL: [What; 4] = [
        What::Rows(Target::Institutions),
        What::Rows(Target::Applications),
        What::Rows(Target::Cells),
        What::Boundaries,
    ];

    fn id(self) -> &'static str {
        match self {
            What::Rows(t) => t.id(),
            What::Boundaries => "boundaries",
        }
    }

    fn label(self) -> Text {
        match self {
            What::Rows(Target::Institutions) => i::IM_WHAT_INSTITUTIONS.clone(),
            What::Rows(Target::Applications) => i::IM_WHAT_APPLICATIONS.clone(),
            What::Rows(Target::Cells) => i::IM_WHAT_CELLS.clone(),
            What::Boundaries => i::IM_WHAT_BOUNDARIES.clone(),
        }
    }
}

/// A file read into memory.
pub struct Loaded {
    name: String,
    bytes: Vec<u8>,
    format: Format,
    sheets: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
struct Settings {
    what: What,
    crs: Crs,
    sheet: Option<String>,
    merge: Merge,
}

/// The column-mapping dialog: the file's first rows, the header row chosen and each column's field.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    preview: Rc<Preview>,
    target: Target,
    header_row: Option<usize>,
    fields: Vec<Option<Field>>,
    error: Option<Text>,
}

impl Draft {
    fn new(preview: Preview, target: Target, mapping: &ColumnMapping, error: Option<Text>) -> Draft {
        let header_row = if preview.headers.is_some() {
            None
        } else {
            mapping.header_row.or_else(|| preview.rows.first().map(|r| r.row))
        };
        let headers = preview.headers_at(header_row);
        let fields = session::initial_fields(&headers, mapping, target);
        Draft { preview: Rc::new(preview), target, header_row, fields, error }
    }

    fn headers(&self) -> Vec<String> {
        self.preview.headers_at(self.header_row)
    }
}

/// What an import ended with, for the report.
pub struct Finished {
    report: Option<ImportReport>,
    /// A line for imports without a row report (boundaries, a scenario file).
    line: Option<Text>,
    rows_ms: f64,
    apply_ms: f64,
}

#[derive(Clone)]
enum Phase {
    Idle,
    Reading,
    Ready,
    Mapping(Draft),
    Running(Progress),
    Applying,
    Done(Rc<Finished>),
    Failed(Text),
    Cancelled,
}

impl Phase {
    fn id(&self) -> &'static str {
        match self {
            Phase::Idle => "idle",
            Phase::Reading => "reading",
            Phase::Ready => "ready",
            Phase::Mapping(_) => "mapping",
            Phase::Running(_) => "running",
            Phase::Applying => "applying",
            Phase::Done(_) => "done",
            Phase::Failed(_) => "failed",
            Phase::Cancelled => "cancelled",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Remembered mappings (localStorage)

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn load_mapping(key: &str) -> Option<ColumnMapping> {
    let text = storage()?.get_item(key).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

fn save_mapping(key: &str, m: &ColumnMapping) {
    let m = ColumnMapping { header_row: None, columns: m.columns.clone() };
    if let (Some(st), Ok(v)) = (storage(), serde_json::to_string(&m)) {
        let _ = st.set_item(key, &v);
    }
}

// ---------------------------------------------------------------------------------------------
// The run

/// Everything an import run needs, taken from the render that started it.
#[derive(Clone)]
struct Ctx {
    file: Rc<Loaded>,
    settings: Settings,
    scenario: Rc<Scenario>,
    boundaries: Option<Rc<Boundaries>>,
    /// The sample city's real outlines of the data's counties: a row's county when it has
    /// none and no outlines were imported (they do not bound the import).
    outlines: Rc<Boundaries>,
    intents: Intents,
    phase: UseStateSetter<Phase>,
    generation: Rc<RefCell<u64>>,
}

/// `window.__dingdianImport`: the last import's timings (milliseconds), for the browser test
/// that measures 100,000 rows (test hooks only).
fn set_timing(
    rows: usize,
    rows_ms: f64,
    new_ms: f64,
    longest_chunk_ms: f64,
    join_ms: f64,
    rebuild_ms: f64,
    applied_at: f64,
) {
    let o = js_sys::Object::new();
    for (k, v) in [
        ("rows", rows as f64),
        ("rows_ms", rows_ms),
        ("new_ms", new_ms),
        ("longest_chunk_ms", longest_chunk_ms),
        ("join_ms", join_ms),
        ("rebuild_ms", rebuild_ms),
        ("applied_at", applied_at),
    ] {
        let _ = js_sys::Reflect::set(&o, &k.into(), &v.into());
    }
    crate::ui::expose("__dingdianImport", &o);
}

/// A scenario file (an exported scenario JSON) rather than GeoJSON.
fn as_scenario(bytes: &[u8]) -> Option<Scenario> {
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).ok()?;
    crate::scenario::parse(text).ok()
}

/// Every mapping remembered in this browser for `target`, by key (the worker cannot read
/// localStorage, so they go with the request).
fn remembered_mappings(target: Target) -> BTreeMap<String, ColumnMapping> {
    let prefix = session::mapping_key(target, &[]);
    let mut out = BTreeMap::new();
    let Some(st) = storage() else { return out };
    for i in 0..st.length().unwrap_or(0) {
        if let Some(key) = st.key(i).ok().flatten().filter(|k| k.starts_with(&prefix)) {
            if let Some(m) = load_mapping(&key) {
                out.insert(key, m);
            }
        }
    }
    out
}

/// Whether the run started as `mine` is still the one the panel shows.
fn is_current(ctx: &Ctx, mine: u64) -> bool {
    *ctx.generation.borrow() == mine
}

fn start(ctx: Ctx, mapping: Option<ColumnMapping>) {
    *ctx.generation.borrow_mut() += 1;
    let mine = *ctx.generation.borrow();
    ctx.intents.clear_error.emit(());
    ctx.phase.set(Phase::Running(Progress::default()));
    spawn_local(async move {
        // Let the progress bar show before the file is decoded.
        sleep(Duration::ZERO).await;
        if !is_current(&ctx, mine) {
            return;
        }
        let f = ctx.file.clone();
        let st = ctx.settings.clone();
        let t0 = now_ms();
        if f.format == Format::GeoJson {
            if let Some(sc) = as_scenario(&f.bytes) {
                let n = (sc.institutions.len(), sc.applications.len(), sc.population_cells.len());
                // Its policy (preset and overrides) comes with it: the same decisions.
                let preset = sc.policy.preset.clone().unwrap_or_default();
                let overrides = sc.policy.overrides.clone();
                ctx.intents.load.emit(Box::new(LoadedState {
                    dataset: Dataset::Imported,
                    scenario: sc,
                    preset,
                    overrides,
                    selected: 0,
                    lang: None,
                    baseline: None,
                }));
                let line = Text::new(
                    format!(
                        "{}{} 个机构、{} 个申请、{} 个人口格网",
                        i::IM_SCENARIO_LOADED.zh,
                        thousands(n.0 as u64),
                        thousands(n.1 as u64),
                        thousands(n.2 as u64)
                    ),
                    format!(
                        "{}{} institutions, {} applications, {} population cells",
                        i::IM_SCENARIO_LOADED.en,
                        thousands(n.0 as u64),
                        thousands(n.1 as u64),
                        thousands(n.2 as u64)
                    ),
                );
                ctx.phase.set(Phase::Done(Rc::new(Finished {
                    report: None,
                    line: Some(line),
                    rows_ms: 0.0,
                    apply_ms: now_ms() - t0,
                })));
                return;
            }
        }
        let target = match st.what {
            What::Boundaries => {
                let counties: Vec<(String, String)> =
                    ctx.scenario.counties.iter().map(|c| (c.id.clone(), c.name.clone())).collect();
                let request = Request::Boundaries { crs: st.crs, counties };
                io::ask(&request, Some(&f.bytes), move |reply| {
                    if !is_current(&ctx, mine) {
                        return;
                    }
                    match reply {
                        Reply::Boundaries(b) => {
                            let matched = b.areas.iter().filter(|a| a.matched).count();
                            let total = b.areas.len();
                            let ta = now_ms();
                            ctx.intents.boundaries.emit(Rc::new(b));
                            let line = Text::new(
                                format!("{}{total} 个边界，其中 {matched} 个对应已有区县", i::IM_BOUNDARIES_READ.zh),
                                format!(
                                    "{}{total} outlines, {matched} of them matched to counties of the data",
                                    i::IM_BOUNDARIES_READ.en
                                ),
                            );
                            ctx.phase.set(Phase::Done(Rc::new(Finished {
                                report: None,
                                line: Some(line),
                                rows_ms: ta - t0,
                                apply_ms: now_ms() - ta,
                            })));
                        }
                        Reply::Failed(m) => ctx.phase.set(Phase::Failed(m)),
                        _ => {}
                    }
                });
                return;
            }
            What::Rows(t) => t,
        };
        let mut options = session::options_for(
            target,
            st.crs,
            st.sheet.clone(),
            ColumnMapping::default(),
            &ctx.scenario,
            ctx.boundaries.as_deref(),
        );
        if options.boundaries.is_none() && !ctx.outlines.areas.is_empty() {
            options.boundaries = Some((*ctx.outlines).clone());
        }
        let remembered = if mapping.is_some() { BTreeMap::new() } else { remembered_mappings(target) };
        let job = ImportJob { format: f.format, options, mapping: mapping.clone(), remembered };
        // The rows are read in the file worker; its progress comes back chunk by chunk.
        io::ask(&Request::Import(job), Some(&f.bytes), move |reply| {
            if !is_current(&ctx, mine) {
                return;
            }
            match reply {
                Reply::Progress(p) => ctx.phase.set(Phase::Running(p)),
                Reply::Remember { key, mapping } => save_mapping(&key, &mapping),
                Reply::Mapping { preview, error } => {
                    let m = mapping.clone().unwrap_or_default();
                    ctx.phase.set(Phase::Mapping(Draft::new(preview, target, &m, Some(error))));
                }
                Reply::Imported { imported, new_ms, longest_chunk_ms, .. } => {
                    spawn_local(apply(ctx.clone(), mine, *imported, t0, new_ms, longest_chunk_ms));
                }
                Reply::Failed(m) => ctx.phase.set(Phase::Failed(m)),
                _ => {}
            }
        });
    });
}

/// The records read: joined to the data shown and checked, then handed to the reducer.
async fn apply(ctx: Ctx, mine: u64, imported: Imported, t0: f64, new_ms: f64, longest: f64) {
    let st = &ctx.settings;
    let rows_ms = now_ms() - t0;
    ctx.phase.set(Phase::Applying);
    sleep(Duration::ZERO).await;
    if !is_current(&ctx, mine) {
        return;
    }
    let report = imported.report.clone();
    let ta = now_ms();
    let (mut join_ms, mut tr) = (0.0, ta);
    if !imported.is_empty() {
        // Two tasks rather than one long one: the records joined and checked here, then
        // (after the browser has had a turn) the indexes and decisions rebuilt by the reducer.
        let pre = imported.apply(&ctx.scenario, st.merge).ok().map(|a| (ctx.scenario.clone(), Rc::new(a.scenario)));
        join_ms = now_ms() - ta;
        // Refused: the reducer applies the records again onto the data shown and says why.
        let imported = match pre {
            Some(_) => Imported { institutions: Vec::new(), applications: Vec::new(), cells: Vec::new(), ..imported },
            None => imported,
        };
        sleep(Duration::ZERO).await;
        if !is_current(&ctx, mine) {
            return;
        }
        let imported = Rc::new(imported);
        tr = now_ms();
        ctx.intents.apply.emit((imported, st.merge, pre));
    }
    let rebuild_ms = now_ms() - tr;
    let apply_ms = join_ms + rebuild_ms;
    set_timing(report.rows_read, rows_ms, new_ms, longest, join_ms, rebuild_ms, ta);
    ctx.phase.set(Phase::Done(Rc::new(Finished { report: Some(report), line: None, rows_ms, apply_ms })));
}

// ---------------------------------------------------------------------------------------------
// The panel

/// The records applied: with the scenario they were applied to and the result, when the panel
/// applied them already (`Action::ApplyImport`).
pub type ApplyImport = (Rc<Imported>, Merge, Option<(Rc<Scenario>, Rc<Scenario>)>);

/// What an import sends to the reducer.
#[derive(Clone, PartialEq)]
pub struct Intents {
    /// A new run starts: the last run's message goes.
    pub clear_error: Callback<()>,
    /// A whole scenario file opened.
    pub load: Callback<Box<LoadedState>>,
    /// County boundaries read.
    pub boundaries: Callback<Rc<Boundaries>>,
    /// Records read and joined.
    pub apply: Callback<ApplyImport>,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// The data the records are applied to.
    pub scenario: Shared<Scenario>,
    /// Boundaries imported before into the data shown (they place rows without a county).
    pub boundaries: Option<Shared<Boundaries>>,
    /// The sample city's real outlines of the data's counties.
    pub outlines: Shared<Boundaries>,
    /// Why the reducer refused the last records.
    pub error: Option<Text>,
    pub intents: Intents,
}

#[function_component(ImportPanel)]
pub fn import_panel(props: &Props) -> Html {
    let lang = props.lang;
    let phase = use_state(|| Phase::Idle);
    let file: UseStateHandle<Option<Rc<Loaded>>> = use_state(|| None);
    let settings = use_state(|| Settings {
        what: What::Rows(Target::Institutions),
        crs: Crs::Wgs84,
        sheet: None,
        merge: Merge::Replace,
    });
    let generation: Rc<RefCell<u64>> = use_mut_ref(|| 0);
    let reader: Rc<RefCell<Option<gloo::file::callbacks::FileReader>>> = use_mut_ref(|| None);
    let dragging = use_state_eq(|| false);
    {
        let generation = generation.clone();
        use_effect_with((), move |_| move || *generation.borrow_mut() += 1);
    }

    let ctx = file.as_ref().map(|f| Ctx {
        file: f.clone(),
        settings: (*settings).clone(),
        scenario: props.scenario.0.clone(),
        boundaries: props.boundaries.as_ref().map(|b| b.0.clone()),
        outlines: props.outlines.0.clone(),
        intents: props.intents.clone(),
        phase: phase.setter(),
        generation: generation.clone(),
    });

    // Reading a picked or dropped file.
    let load = {
        let phase = phase.clone();
        let file = file.clone();
        let reader = reader.clone();
        let settings = settings.clone();
        let generation = generation.clone();
        Rc::new(move |f: web_sys::File| {
            *generation.borrow_mut() += 1;
            let size = f.size() as u64;
            if let Some(m) = crate::limits::file_too_large(&f.name(), size) {
                phase.set(Phase::Failed(m));
                return;
            }
            let name = f.name();
            let gf = gloo::file::File::from(f);
            phase.set(Phase::Reading);
            let phase = phase.clone();
            let file = file.clone();
            let settings = settings.clone();
            let generation = generation.clone();
            let mine = *generation.borrow();
            let task = gloo::file::callbacks::read_as_bytes(&gf, move |res| match res {
                Ok(bytes) => {
                    let format = Format::detect(&name, &bytes);
                    let phase = phase.clone();
                    let file = file.clone();
                    let settings = settings.clone();
                    // A workbook's sheets are read by the file worker, from a copy.
                    let copy = (format == Format::Xlsx).then(|| bytes.clone());
                    let mut loaded = Some((name.clone(), bytes));
                    let mut ready = move |sheets: Vec<String>| {
                        let Some((name, bytes)) = loaded.take() else {
                            return;
                        };
                        let mut next = (*settings).clone();
                        next.sheet = sheets.first().cloned();
                        // Outlines come as GeoJSON polygons; points as rows.
                        if format != Format::GeoJson && next.what == What::Boundaries {
                            next.what = What::Rows(Target::Institutions);
                        }
                        settings.set(next);
                        file.set(Some(Rc::new(Loaded { name, bytes, format, sheets })));
                        phase.set(Phase::Ready);
                    };
                    if let Some(bytes) = copy {
                        let generation = generation.clone();
                        io::ask(&Request::Sheets { format }, Some(&bytes), move |reply| {
                            if *generation.borrow() == mine {
                                ready(match reply {
                                    Reply::Sheets(s) => s,
                                    _ => Vec::new(),
                                });
                            }
                        });
                    } else {
                        ready(Vec::new());
                    }
                }
                Err(e) => phase.set(Phase::Failed(Text::new(
                    format!("{}{e}", i::IM_READ_FAILED.zh),
                    format!("{}{e}", i::IM_READ_FAILED.en),
                ))),
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let on_file = {
        let load = load.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(f) = input.files().and_then(|l| l.get(0)) {
                load(f);
            }
            // The same file picked again is a new import.
            input.set_value("");
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let dragging = dragging.clone();
        let load = load.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(f) = e.data_transfer().and_then(|d| d.files()).and_then(|l| l.get(0)) {
                load(f);
            }
        })
    };

    let set = |f: fn(&mut Settings, String)| {
        let settings = settings.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = (*settings).clone();
            f(&mut next, v);
            settings.set(next);
        })
    };
    let on_what = set(|st, v| {
        if let Some(w) = What::ALL.into_iter().find(|w| w.id() == v) {
            st.what = w;
        }
    });
    let on_crs = set(|st, v| st.crs = Crs::parse(&v).unwrap_or_default());
    let on_sheet = set(|st, v| st.sheet = Some(v));
    let on_merge = {
        let settings = settings.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut next = (*settings).clone();
            next.merge = if v == "upsert" { Merge::Upsert } else { Merge::Replace };
            settings.set(next);
        })
    };
    let on_import = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(c) = ctx.clone() {
                start(c, None);
            }
        })
    };
    let on_cancel = {
        let generation = generation.clone();
        let phase = phase.clone();
        Callback::from(move |_: MouseEvent| {
            *generation.borrow_mut() += 1;
            // The worker reading the rows stops at once.
            io::stop();
            phase.set(Phase::Cancelled);
        })
    };

    let st = (*settings).clone();
    let busy = matches!(*phase, Phase::Running(_) | Phase::Applying | Phase::Reading);
    let file_line = file.as_ref().map(|f| {
        let fmt = match f.format {
            Format::Csv => "CSV",
            Format::Xlsx => "Excel",
            Format::GeoJson => "GeoJSON",
        };
        html! {
                    <p class="import-file" data-testid="import-file-name">
        <span class="import-file-name">{ f.name.clone() }</span>
                        { format!(" · {fmt} · {} {}", thousands(f.bytes.len() as u64), i::IM_BYTES.get(lang)) }
                    </p>
                }
    });
    let sheet_field = file.as_ref().filter(|f| f.format == Format::Xlsx && !f.sheets.is_empty()).map(|f| {
        html! {
            <div class="field">
                <label for="import-sheet">{ bi_t(lang, i::IM_SHEET) }</label>
                <div class="control">
                    <select id="import-sheet" data-testid="import-sheet" onchange={on_sheet}>
                        { for f.sheets.iter().map(|n| html! {
                            <option value={n.clone()} selected={st.sheet.as_deref() == Some(n.as_str())}>{ n.clone() }</option>
                        }) }
                    </select>
                </div>
            </div>
        }
    });

    let status = match &*phase {
        Phase::Idle | Phase::Ready => html! {},
        Phase::Reading => {
            html! { <p class="field-hint" role="status">{ i::IM_READING.get(lang) }</p> }
        }
        Phase::Running(p) => html! {
            <div class="import-progress" role="status" data-testid="import-progress">
                <progress max="1" value={format!("{:.3}", p.fraction)} aria-label={i::IM_PROGRESS.get(lang)}></progress>
                <span>{ format!("{} {}", thousands(p.rows_read as u64), i::IM_ROWS_READ.get(lang)) }</span>
                <button type="button" class="btn btn-quiet" data-testid="import-cancel" onclick={on_cancel.clone()}>
                    { "✕ " }{ i::IM_CANCEL.get(lang) }
                </button>
            </div>
        },
        Phase::Applying => {
            html! { <p class="field-hint" role="status" data-testid="import-progress">{ i::IM_APPLYING.get(lang) }</p> }
        }
        Phase::Cancelled => {
            html! { <p class="field-hint" role="status" data-testid="import-cancelled">{ i::IM_CANCELLED.get(lang) }</p> }
        }
        Phase::Failed(m) => {
            html! { <p class="field-error" role="alert" data-testid="import-error">{ "⚠ " }{ t(lang, m) }</p> }
        }
        Phase::Mapping(_) => html! {},
        Phase::Done(done) => report_view(lang, done, props.error.as_ref()),
    };
    let dialog = match (&*phase, ctx.clone()) {
        (Phase::Mapping(d), Some(c)) => {
            html! { <MappingDialog draft={d.clone()} {lang} ctx={CtxProp(c)} phase={phase.setter()} /> }
        }
        _ => html! {},
    };
    let apply_error = match (&*phase, props.error.as_ref()) {
        (Phase::Done(_), _) | (_, None) => html! {},
        (_, Some(m)) => html! { <p class="field-error" role="alert">{ t(lang, m) }</p> },
    };

    html! {
        <section class="panel panel-import" aria-labelledby="import-heading" data-testid="import-panel" data-state={phase.id()}>
            <div class="panel-head"><h2 id="import-heading">{ bi_t(lang, i::IM_HEADING) }</h2></div>
            <p class="field-hint">{ i::IM_INTRO.get(lang) }</p>
            <div class={classes!("drop-zone", dragging.then_some("is-dragging"))} data-testid="import-drop"
                ondragover={on_drag_over.clone()} ondragenter={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
                <label for="import-file" class="drop-label">
                    <span class="drop-icon" aria-hidden="true">{ "⇪" }</span>
                    <span>{ i::IM_DROP.get(lang) }</span>
                </label>
                <input id="import-file" type="file" data-testid="import-file" disabled={busy}
                    accept=".csv,.tsv,.txt,.xlsx,.xls,.xlsb,.ods,.json,.geojson" onchange={on_file} />
            </div>
            { for file_line }
            <div class="import-settings">
                <div class="field">
                    <label for="import-what">{ bi_t(lang, i::IM_WHAT) }</label>
                    <div class="control">
                        <select id="import-what" data-testid="import-what" onchange={on_what} disabled={busy}>
                            { for What::ALL.iter().map(|w| html! {
                                <option value={w.id()} selected={*w == st.what}>{ t(lang, &w.label()) }</option>
                            }) }
                        </select>
                    </div>
                </div>
                <div class="field">
                    <label for="import-crs">{ bi_t(lang, i::IM_CRS) }</label>
                    <div class="control">
                        <select id="import-crs" data-testid="import-crs" onchange={on_crs} disabled={busy}>
                            { for Crs::ALL.iter().map(|c| html! {
                                <option value={c.id()} selected={*c == st.crs}>{ t(lang, &c.label()) }</option>
                            }) }
                        </select>
                    </div>
                    <p class="field-hint">{ i::IM_CRS_HINT.get(lang) }</p>
                </div>
                { for sheet_field }
                if st.what != What::Boundaries {
                    <fieldset class="field import-merge">
                        <legend>{ bi_t(lang, i::IM_MERGE) }</legend>
                        <div class="check">
                            <input type="radio" id="import-replace" name="import-merge" value="replace" data-testid="import-replace"
                                checked={st.merge == Merge::Replace} onchange={on_merge.clone()} disabled={busy} />
                            <label for="import-replace">{ i::IM_REPLACE.get(lang) }</label>
                        </div>
                        <div class="check">
                            <input type="radio" id="import-upsert" name="import-merge" value="upsert" data-testid="import-upsert"
                                checked={st.merge == Merge::Upsert} onchange={on_merge} disabled={busy} />
                            <label for="import-upsert">{ i::IM_UPSERT.get(lang) }</label>
                        </div>
                    </fieldset>
                }
            </div>
            <div class="import-actions">
                <button type="button" class="btn btn-primary" data-testid="import-start" onclick={on_import} disabled={file.is_none() || busy}>
                    { "⇪ " }{ i::IM_START.get(lang) }
                </button>
            </div>
            { status }
            { apply_error }
            { dialog }
        </section>
    }
}

fn report_view(lang: Lang, done: &Rc<Finished>, apply_error: Option<&Text>) -> Html {
    let timing = format!(
        "{} {} {}",
        i::IM_TOOK.get(lang),
        thousands((done.rows_ms + done.apply_ms).round() as u64),
        i::MS.get(lang)
    );
    let Some(r) = &done.report else {
        return html! {
            <div class="import-report" data-testid="import-report">
                <p class="import-summary" role="status" data-testid="import-summary">
                    <span aria-hidden="true">{ "✓ " }</span>{ done.line.as_ref().map(|l| t(lang, l)).unwrap_or_default() }
                    <span class="field-hint">{ format!(" ({timing})") }</span>
                </p>
                if let Some(m) = apply_error {
                    <p class="field-error" role="alert" data-testid="import-error">{ "⚠ " }{ t(lang, m) }</p>
                }
            </div>
        };
    };
    let features = r.layout.format == Format::GeoJson;
    let r2 = r.clone();
    let on_download = Callback::from(move |_: MouseEvent| {
        let name = format!("{}.csv", i::IM_ISSUES_FILE.get(lang));
        let request = Request::IssuesCsv { report: r2.clone(), lang };
        let name = name.clone();
        io::ask(&request, None, move |reply| {
            if let Reply::File { bytes } = reply {
                download(&name, "text/csv;charset=utf-8", &bytes);
            }
        });
    });
    let ok = r.imported > 0 && apply_error.is_none();
    html! {
        <div class="import-report" data-testid="import-report" data-read={r.rows_read.to_string()}
            data-imported={r.imported.to_string()} data-refused={r.errors.to_string()}>
            <p class="import-summary" role="status" data-testid="import-summary">
                <span aria-hidden="true">{ if ok { "✓ " } else { "⚠ " } }</span>
                { r.summary(lang) }
                <span class="field-hint">{ format!(" ({timing})") }</span>
            </p>
            if let Some(m) = apply_error {
                <p class="field-error" role="alert" data-testid="import-error">{ "⚠ " }{ t(lang, m) }</p>
            } else if r.imported == 0 {
                <p class="field-error" role="alert" data-testid="import-error">{ "⚠ " }{ i::IM_NOTHING.get(lang) }</p>
            }
            if !r.notes.is_empty() {
                <ul class="import-notes">
                    { for r.notes.iter().map(|n| html! { <li>{ t(lang, n) }</li> }) }
                </ul>
            }
            if !r.issues.is_empty() {
                <h3 class="import-issues-heading">
                    { bi_t(lang, i::IM_ISSUES) }
                    <span class="field-hint">
                        { format!(" {} {} · {} {}", thousands(r.errors as u64), i::IM_REFUSED.get(lang), thousands(r.warnings as u64), i::IM_WARNINGS.get(lang)) }
                        if r.issues.len() > ISSUES_SHOWN {
                            { format!(" · {} {}", i::IM_FIRST_SHOWN.get(lang), ISSUES_SHOWN) }
                        }
                    </span>
                </h3>
                <div class="table-scroll" tabindex="0">
                    <table class="import-issues" data-testid="import-issues">
                        <thead><tr>
                            <th scope="col">{ if features { i::IM_COL_FEATURE.get(lang) } else { i::IM_COL_ROW.get(lang) } }</th>
                            <th scope="col">{ i::IM_COL_COLUMN.get(lang) }</th>
                            <th scope="col">{ i::IM_COL_REASON.get(lang) }</th>
                        </tr></thead>
                        <tbody>
                            { for r.issues.iter().take(ISSUES_SHOWN).map(|is| html! {
                                <tr data-row={is.row.to_string()} data-problem={format!("{:?}", is.problem)}
                                    class={classes!(matches!(is.severity, crate::scenario::import::Severity::Warning).then_some("is-warning"))}>
                                    <td class="num">{ is.row }</td>
                                    <td>{ is.column.clone().unwrap_or_default() }</td>
                                    <td>
                                        <span aria-hidden="true">{ if matches!(is.severity, crate::scenario::import::Severity::Warning) { "△ " } else { "✕ " } }</span>
                                        { r.describe_issue(is, lang) }
                                    </td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                <button type="button" class="btn btn-quiet" data-testid="import-issues-csv" onclick={on_download}>
                    { "⇩ " }{ i::IM_ISSUES_CSV.get(lang) }{ format!(" ({})", thousands(r.issues.len() as u64)) }
                </button>
            }
        </div>
    }
}

// ---------------------------------------------------------------------------------------------
// The column-mapping dialog

#[derive(Clone)]
struct CtxProp(Ctx);

impl PartialEq for CtxProp {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.0.file, &o.0.file)
            && self.0.settings == o.0.settings
            && Rc::ptr_eq(&self.0.scenario, &o.0.scenario)
    }
}

#[derive(Properties, PartialEq)]
struct DialogProps {
    draft: Draft,
    lang: Lang,
    ctx: CtxProp,
    phase: UseStateSetter<Phase>,
}

#[function_component(MappingDialog)]
fn mapping_dialog(p: &DialogProps) -> Html {
    let lang = p.lang;
    let draft = use_state(|| p.draft.clone());
    {
        // A new draft from the importer (its error after a try) replaces the one being edited.
        let draft = draft.clone();
        use_effect_with(p.draft.clone(), move |d| {
            draft.set(d.clone());
        });
    }
    let first = use_node_ref();
    {
        let first = first.clone();
        use_effect_with((), move |_| {
            if let Some(el) = first.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let d = (*draft).clone();
    let headers = d.headers();
    let sample = d.preview.sample_after(d.header_row, 3);
    let options = session::fields_for(d.target);

    let on_header_row = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = (*draft).clone();
            next.header_row = v.parse().ok();
            let headers = next.headers();
            next.fields = session::initial_fields(&headers, &ColumnMapping::default(), next.target);
            draft.set(next);
        })
    };
    let on_cancel = {
        let phase = p.phase.clone();
        Callback::from(move |_: MouseEvent| phase.set(Phase::Ready))
    };
    let on_key = {
        let phase = p.phase.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                phase.set(Phase::Ready);
            }
        })
    };
    let on_submit = {
        let draft = draft.clone();
        let ctx = p.ctx.0.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let d = (*draft).clone();
            let headers = d.headers();
            let m = session::mapping_of(d.header_row, &headers, &d.fields);
            start(ctx.clone(), Some(m));
        })
    };
    let geo = d.preview.headers.is_some();

    html! {
        <div class="modal-backdrop" data-testid="mapping-backdrop">
            <div class="modal mapping-dialog" role="dialog" aria-modal="true" aria-labelledby="mapping-heading"
                aria-describedby="mapping-intro" data-testid="mapping-dialog" onkeydown={on_key}>
                <form onsubmit={on_submit}>
                    <h2 id="mapping-heading">{ bi_t(lang, i::IM_MAP_HEADING) }</h2>
                    <p id="mapping-intro" class="field-hint">{ i::IM_MAP_INTRO.get(lang) }</p>
                    if let Some(e) = &d.error {
                        <p class="field-error" role="alert" data-testid="mapping-error">{ "⚠ " }{ t(lang, e) }</p>
                    }
                    if !geo {
                        <div class="field">
                            <label for="mapping-header-row">{ bi_t(lang, i::IM_MAP_HEADER_ROW) }</label>
                            <div class="control">
                                <select id="mapping-header-row" data-testid="mapping-header-row" ref={first.clone()} onchange={on_header_row}>
                                    { for d.preview.rows.iter().take(15).map(|r| {
                                        let text: Vec<&str> = r.cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).take(4).collect();
                                        html! {
                                            <option value={r.row.to_string()} selected={d.header_row == Some(r.row)}>
                                                { format!("{} {}: {}", i::IM_COL_ROW.get(lang), r.row, text.join(" | ")) }
                                            </option>
                                        }
                                    }) }
                                </select>
                            </div>
                        </div>
                    }
                    <div class="mapping-columns" data-testid="mapping-columns">
                        { for headers.iter().enumerate().map(|(c, h)| {
                            let id = format!("mapping-col-{c}");
                            let hint_id = format!("mapping-col-{c}-sample");
                            let values: Vec<String> = sample.iter().filter_map(|r| r.get(c)).map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).collect();
                            let chosen = d.fields.get(c).copied().flatten().filter(|f| *f != Field::Ignore);
                            let draft = draft.clone();
                            let on_change = Callback::from(move |e: Event| {
                                let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                                let mut next = (*draft).clone();
                                if next.fields.len() <= c {
                                    next.fields.resize(c + 1, None);
                                }
                                next.fields[c] = Field::ALL.into_iter().find(|f| f.id() == v).filter(|f| *f != Field::Ignore);
                                draft.set(next);
                            });
                            let label = if h.trim().is_empty() { crate::scenario::import::column_letter(c) } else { h.clone() };
                            html! {
                                <div class="field mapping-column" data-column={label.clone()}>
                                    <label for={id.clone()}>{ label.clone() }</label>
                                    <div class="control">
                                        <select id={id.clone()} data-testid="mapping-field" data-header={label} aria-describedby={hint_id.clone()}
                                            ref={if geo && c == 0 { first.clone() } else { NodeRef::default() }} onchange={on_change}>
                                            <option value="ignore" selected={chosen.is_none()}>{ i::IM_MAP_UNUSED.get(lang) }</option>
                                            { for options.iter().map(|f| html! {
                                                <option value={f.id()} selected={chosen == Some(*f)}>{ t(lang, &f.label()) }</option>
                                            }) }
                                        </select>
                                    </div>
                                    <p id={hint_id} class="field-hint mapping-sample">
                                        { if values.is_empty() { "—".to_string() } else { values.join(i::LIST_SEP.get(lang)) } }
                                    </p>
                                </div>
                            }
                        }) }
                    </div>
                    <p class="field-hint">{ i::IM_MAP_REMEMBER.get(lang) }</p>
                    <div class="modal-actions">
                        <button type="submit" class="btn btn-primary" data-testid="mapping-apply">{ "✓ " }{ i::IM_MAP_APPLY.get(lang) }</button>
                        <button type="button" class="btn btn-quiet" data-testid="mapping-cancel" onclick={on_cancel}>{ i::IM_CANCEL.get(lang) }</button>
                    </div>
                </form>
            </div>
        </div>
    }
}
