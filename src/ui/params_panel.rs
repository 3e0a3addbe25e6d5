//! Left column: every parameter and switch of the table, grouped, with its source clause, the
//! preset default when changed and a reset button; then the rules with on/off toggles.

use serde_json::Value;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::i18n::{self as i, bi, bi_t, t};
use super::widgets::{
    checkbox_field, emit_per_frame, error_line, flush_per_frame, heading, hold_slider, select_field, Hook, NumberField,
    Opt,
};
use crate::app::beside::{beds_note, fund_note, Beside, Figure};
use crate::app::state::{value_text, ErrorKey, Shared, State};
use crate::policy::{Group, ParamDef, ParamKind, ParamSpec, Preset, PARAMETERS, RULES};
use crate::text::{num, Lang, Text};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// What the panel shows (made once per `ParamsKey`); it is rendered again only when this
    /// is another.
    pub snap: Shared<ParamsSnap>,
    /// A parameter or switch typed or chosen: its id and the raw input.
    pub on_set: Callback<(&'static str, String)>,
    /// Back to the preset's value.
    pub on_reset: Callback<&'static str>,
    /// A rule turned on (true) or off.
    pub on_rule: Callback<(&'static str, bool)>,
}

/// Every row's snapshot and the rules'.
#[derive(Clone, Debug, PartialEq)]
pub struct ParamsSnap {
    lang: Lang,
    rows: Vec<RowSnap>,
    rules: RulesSnap,
    /// The figures the fund thresholds and the bed target are compared with.
    beside: Beside,
}

/// Everything `ParamsSnap::of` reads of the state, compared cheaply: the same key, the same
/// snapshot, so an edit elsewhere (a map tap, an application's field) skips building the rows.
/// A new policy (every parameter, preset or data change) is a new key.
#[derive(PartialEq)]
pub struct ParamsKey {
    lang: Lang,
    rev: u64,
    presets: Shared<Vec<Preset>>,
    preset_idx: usize,
    policy: Shared<crate::policy::Policy>,
    overrides: std::collections::BTreeMap<String, Value>,
    param_errors: Vec<(&'static str, Text)>,
    custom_baseline: Option<std::collections::BTreeMap<String, Value>>,
}

impl ParamsKey {
    pub fn of(s: &State) -> ParamsKey {
        ParamsKey {
            lang: s.lang,
            rev: s.rev,
            presets: Shared(s.presets.clone()),
            preset_idx: s.preset_idx,
            policy: Shared(s.policy.clone()),
            overrides: s.overrides.clone(),
            param_errors: s
                .errors
                .iter()
                .filter_map(|(k, t)| match k {
                    ErrorKey::Param(id) => Some((*id, t.clone())),
                    _ => None,
                })
                .collect(),
            custom_baseline: s.review.baseline.as_ref().filter(|b| b.is_custom()).map(|b| b.overrides.clone()),
        }
    }
}

impl ParamsSnap {
    pub fn of(s: &State) -> ParamsSnap {
        ParamsSnap {
            lang: s.lang,
            rows: PARAMETERS.iter().map(|d| RowSnap::of(s, d.id)).collect(),
            rules: rules_snap(s),
            beside: Beside::of(s),
        }
    }
}

#[function_component(ParamsPanel)]
pub fn params_panel(props: &Props) -> Html {
    let lang = props.snap.lang;
    // Folding is the reader's view, not the model's: it stays out of `State`.
    let show_unused = use_state(|| false);
    let hidden = props.snap.rows.iter().filter(|r| !r.shown()).count();
    let toggle = {
        let show_unused = show_unused.clone();
        Callback::from(move |_: MouseEvent| show_unused.set(!*show_unused))
    };
    // A link to a row folded away (a gap's switch, a reading's): the rows unfold, then the
    // row's control takes the focus.
    let pending = use_state(|| None::<String>);
    {
        let (show_unused, pending) = (show_unused.clone(), pending.clone());
        use_effect_with((), move |_| {
            REVEAL.with(|r| {
                *r.borrow_mut() = Some(Callback::from(move |id: String| {
                    show_unused.set(true);
                    pending.set(Some(id));
                }))
            });
            || REVEAL.with(|r| *r.borrow_mut() = None)
        });
    }
    {
        let pending = pending.clone();
        use_effect_with((*pending).clone(), move |id| {
            if let Some(id) = id {
                super::decision_panel::focus_shown_param(id);
                pending.set(None);
            }
        });
    }
    html! {
        <section class="panel panel-params" aria-labelledby="params-heading" data-testid="params">
            { heading(lang, 2, i::PARAMS_HEADING, Some("params-heading")) }
            <p class="panel-intro">{ i::PARAMS_INTRO.get(lang) }</p>
            // The count sits at the top, where a reader looking for a parameter starts.
            if hidden > 0 {
                <p class="unused-params" data-testid="unused-params">
                    if !*show_unused { <span>{ t(lang, &i::unused_hidden(hidden)) }{ " " }</span> }
                    <button type="button" class="btn btn-quiet show-unused" aria-expanded={(*show_unused).to_string()}
                        onclick={toggle}>
                        { if *show_unused { i::HIDE_UNUSED.get(lang) } else { i::SHOW_UNUSED.get(lang) } }
                    </button>
                </p>
            }
            // The assessment and budget groups act in their panels below the map (and in
            // `dingdian assess` / `settle`).
            { for Group::ALL.iter().map(|g| group_view(props, *g, *show_unused)) }
            <RulesView snap={props.snap.rules.clone()} on_rule={props.on_rule.clone()} />
        </section>
    }
}

fn group_view(props: &Props, group: Group, show_unused: bool) -> Html {
    let lang = props.snap.lang;
    let rows: Vec<(&'static ParamDef, &RowSnap)> = PARAMETERS
        .iter()
        .zip(&props.snap.rows)
        .filter(|(d, r)| d.group == group && (show_unused || r.shown()))
        .collect();
    if rows.is_empty() {
        return html! {};
    }
    html! {
        <fieldset class="group" data-group={format!("{group:?}").to_lowercase()}>
            <legend>{ bi(lang, &group.label()) }</legend>
            { for rows.into_iter().map(|(d, snap)| html! {
                <>
                    // What the input is compared with, just above it: the city's fund months
                    // over each minimum, the city's and the counties' beds over the target.
                    { fund_beside(lang, d.id, &props.snap.beside.fund) }
                    if d.id == "target_beds_per_1000" {
                        { beds_beside(lang, &props.snap.beside) }
                    }
                    <ParamRow key={d.id} def={d} snap={snap.clone()}
                        on_set={props.on_set.clone()} on_reset={props.on_reset.clone()} />
                </>
            }) }
        </fieldset>
    }
}

thread_local! {
    /// The mounted panel's way to unfold its rows for a link to one folded away.
    static REVEAL: std::cell::RefCell<Option<Callback<String>>> = const { std::cell::RefCell::new(None) };
}

/// Unfolds the parameters the preset does not use and focuses `id`'s control once it is
/// shown; false when no panel is mounted.
pub fn reveal(id: &str) -> bool {
    REVEAL.with(|r| r.borrow().as_ref().map(|cb| cb.emit(id.to_string())).is_some())
}

/// A figure's value and where it stands, in one line.
fn beside_value(lang: Lang, f: &Figure, note: fn(bool) -> i::Words) -> Html {
    html! {
        <>
            { f.value.clone().unwrap_or_else(|| i::MISSING_VALUE.get(lang).to_string()) }
            if let Some(below) = f.below {
                { " " }<span class={classes!("beside-note", below.then_some("is-below"))}>{ note(below).get(lang) }</span>
            }
        </>
    }
}

/// The city's fund months beside the minimum months (the employee fund's under its minimum,
/// the resident fund's under its own).
fn fund_beside(lang: Lang, param: &str, fund: &[Figure]) -> Html {
    let key = match param {
        "employee_fund_min_months" => "employee",
        "resident_fund_min_months" => "resident",
        _ => return html! {},
    };
    let Some(f) = fund.iter().find(|f| f.key == key) else {
        return html! {};
    };
    html! {
        <div class="beside" data-testid={format!("beside-fund-{key}")}>
            <dl class="beside-list">
                <div data-beside={key}>
                    <dt>{ i::BESIDE_CITY.get(lang) }{ i::COLON.get(lang) }{ t(lang, &f.label) }</dt>
                    <dd>{ beside_value(lang, f, fund_note) }</dd>
                </div>
            </dl>
        </div>
    }
}

/// The city's measured, actual and target beds per 1,000, then each county's measured value.
fn beds_beside(lang: Lang, b: &Beside) -> Html {
    html! {
        <div class="beside" data-testid="beside-beds">
            <p class="beside-head">{ bi_t(lang, i::BESIDE_CITY) }<span class="beside-unit">{ i::paren(lang, i::BESIDE_PER_1000.get(lang)) }</span></p>
            <dl class="beside-list">
                { for b.beds.iter().map(|f| html! {
                    <div data-beside={f.key.clone()}>
                        <dt>{ t(lang, &f.label) }</dt>
                        <dd>{ beside_value(lang, f, beds_note) }</dd>
                    </div>
                }) }
            </dl>
            if !b.counties.is_empty() {
                <table class="beside-counties" data-testid="beside-counties">
                    <caption>{ i::BESIDE_COUNTIES.get(lang) }</caption>
                    <tbody>
                        { for b.counties.iter().map(|c| html! {
                            <tr data-county={c.key.clone()}>
                                <th scope="row">{ t(lang, &c.label) }</th>
                                <td>{ beside_value(lang, c, beds_note) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </div>
    }
}

/// How a value reads for people: the option's label, yes/no, or the number with its unit.
pub(crate) fn display_value(lang: Lang, def: &ParamDef, v: &Value) -> String {
    match (def.kind, v) {
        (ParamKind::Choice(opts), _) => {
            let s = value_text(v);
            opts.iter()
                .find(|o| o.value == s)
                .map(|o| if lang == Lang::Zh { o.zh.to_string() } else { o.en.to_string() })
                .unwrap_or(s)
        }
        (ParamKind::Bool, Value::Bool(b)) => if *b { i::YES } else { i::NO }.get(lang).to_string(),
        (ParamKind::Number { .. }, Value::Null) => i::AUTO.get(lang).to_string(),
        (ParamKind::Number { .. }, Value::Number(n)) => {
            let x = n.as_f64().unwrap_or(0.0);
            let unit = t(lang, &def.unit());
            if unit.is_empty() {
                num(x, 6)
            } else {
                format!("{} {unit}", num(x, 6))
            }
        }
        _ => value_text(v),
    }
}

/// One parameter's row. It is rendered again only when something it shows changed (its value,
/// its message, the preset, the language), so that dragging the radius slider re-renders one
/// row, not the whole table.
#[derive(Properties)]
pub struct RowProps {
    pub def: &'static ParamDef,
    pub snap: RowSnap,
    pub on_set: Callback<(&'static str, String)>,
    pub on_reset: Callback<&'static str>,
}

/// What a row shows.
#[derive(Clone, Debug, PartialEq)]
pub struct RowSnap {
    lang: Lang,
    rev: u64,
    /// The value in force.
    value: Value,
    /// Whether the user changed it from the preset.
    changed: bool,
    /// The preset's default (normalised) and where it comes from.
    default: Option<Value>,
    spec: Option<ParamSpec>,
    error: Option<Text>,
    /// The baseline's value when the user set a baseline of their own.
    custom_baseline: Option<Option<Value>>,
    /// Whether the chosen text uses it (`app::params_use`); unused rows fold away.
    used: bool,
}

impl RowSnap {
    /// Shown without asking: used by the text, or changed, or wrong.
    fn shown(&self) -> bool {
        self.used || self.changed || self.error.is_some()
    }

    fn of(s: &State, id: &'static str) -> RowSnap {
        RowSnap {
            lang: s.lang,
            rev: s.rev,
            value: s.policy.values.get(id).cloned().unwrap_or(Value::Null),
            changed: s.is_changed(id),
            default: s.preset_default(id),
            spec: s.preset().parameters.get(id).cloned(),
            error: s.errors.get(&ErrorKey::Param(id)).cloned(),
            custom_baseline: s.review.baseline.as_ref().filter(|b| b.is_custom()).map(|b| b.value(id).cloned()),
            used: crate::app::params_use::uses(s.preset(), &s.policy, id),
        }
    }
}

impl PartialEq for RowProps {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.def, other.def) && self.snap == other.snap
    }
}

#[function_component(ParamRow)]
fn param_row_component(props: &RowProps) -> Html {
    param_row(props)
}

/// The rule toggles, rendered again only when a rule's state, the preset or the language changed.
#[derive(Properties)]
pub struct RulesProps {
    pub snap: RulesSnap,
    pub on_rule: Callback<(&'static str, bool)>,
}

impl PartialEq for RulesProps {
    fn eq(&self, other: &Self) -> bool {
        self.snap == other.snap
    }
}

/// The preset's rules and, for every rule of every family, whether it is on and whether the user
/// turned it so.
#[derive(Clone, Debug, PartialEq)]
pub struct RulesSnap {
    lang: Lang,
    presets: Shared<Vec<Preset>>,
    preset_idx: usize,
    /// Rule id → (on, changed by the user).
    rules: Vec<(&'static str, bool, bool)>,
}

fn rules_snap(s: &State) -> RulesSnap {
    // Every family: admission, the yearly assessment and the community budget.
    let all = crate::policy::rule_families().into_iter().flat_map(|(_, defs)| defs.iter());
    RulesSnap {
        lang: s.lang,
        presets: Shared(s.presets.clone()),
        preset_idx: s.preset_idx,
        rules: all.map(|d| (d.id, s.policy.is_on(d.id), s.overrides.contains_key(d.id))).collect(),
    }
}

#[function_component(RulesView)]
fn rules_view_component(props: &RulesProps) -> Html {
    rules_view(props)
}

fn param_row(props: &RowProps) -> Html {
    let snap = &props.snap;
    let def = props.def;
    let lang = snap.lang;
    let id = def.id;
    let current = snap.value.clone();
    let changed = snap.changed;
    let spec = snap.spec.as_ref();
    let error = snap.error.as_ref();
    let hook = Hook::Param(id);
    let set = props.on_set.reform(move |raw: String| (id, raw));

    let control = match def.kind {
        ParamKind::Number { min, max, step, auto, .. } => {
            let mut f = NumberField::new(lang, hook.clone(), def.label(), value_text(&current), set.clone());
            f.unit = def.unit();
            f.min = Some(num(min, 6));
            f.max = Some(num(max, 6));
            f.step = Some(num(step, 6));
            f.placeholder = auto.then(|| i::AUTO.get(lang).to_string());
            f.error = error;
            f.compact = true;
            let field = f.render();
            if id == "service_radius_m" {
                let (lo, hi) = crate::app::coverage::RADIUS_SLIDER_M;
                let x = current.as_f64().unwrap_or(800.0).clamp(lo, hi);
                // While dragging: at most one recompute per animation frame, with the latest value
                // (on a device too slow for that, one on release). The number beside it follows
                // the thumb either way.
                let per_frame = set.clone();
                let oninput = Callback::from(move |e: InputEvent| {
                    let value = e.target_unchecked_into::<HtmlInputElement>().value();
                    if let Some(field) = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| {
                            d.query_selector(&format!("input[type=number][data-param=\"{id}\"]")).ok().flatten()
                        })
                        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(el).ok())
                    {
                        field.set_value(&value);
                    }
                    emit_per_frame(per_frame.clone(), value)
                });
                html! {
                    <>
                        { field }
                        <div class="slider">
                            <input type="range" min={num(lo, 0)} max={num(hi, 0)} step="50" value={num(x, 0)}
                                data-param-range={id} aria-label={i::SLIDER_LABEL.get(lang)} {oninput}
                                onpointerdown={Callback::from(|_: PointerEvent| hold_slider(true))}
                                onpointerup={Callback::from(|_: PointerEvent| hold_slider(false))}
                                onpointercancel={Callback::from(|_: PointerEvent| hold_slider(false))}
                                onchange={Callback::from(|_: Event| flush_per_frame())} />
                            <div class="slider-scale" aria-hidden="true"><span>{ num(lo, 0) }</span><span>{ num(hi, 0) }</span></div>
                        </div>
                    </>
                }
            } else {
                field
            }
        }
        ParamKind::Choice(opts) => {
            let options = opts.iter().map(|o| Opt::new(o.value, Text::new(o.zh, o.en))).collect();
            select_field(lang, hook.clone(), &def.label(), options, &value_text(&current), None, error, set.clone())
        }
        ParamKind::Bool => {
            let on = current.as_bool().unwrap_or(false);
            let cb = set.reform(|v: bool| v.to_string());
            checkbox_field(lang, hook.clone(), &def.label(), on, None, cb)
        }
    };
    // A checkbox carries no message of its own above; show it below.
    let bool_error = matches!(def.kind, ParamKind::Bool).then(|| error_line(lang, &hook, error));

    let reset = props.on_reset.reform(move |_: MouseEvent| id);
    let default_text = snap.default.as_ref().map(|v| display_value(lang, def, v)).unwrap_or_default();
    // The baseline is the preset unless the user set one; a value that differs from a
    // set baseline shows it on a line of its own, else the preset line names it the baseline.
    let custom_baseline = snap.custom_baseline.as_ref();
    let baseline_differs = custom_baseline.and_then(|b| b.as_ref()).filter(|b| **b != current);
    html! {
        <div class={classes!("param", changed.then_some("is-changed"))} key={format!("{id}-{}", snap.rev)}
            data-param-row={id} data-changed={changed.to_string()}>
            if let Some(q) = def.question() {
                <p class="question">{ t(lang, &q) }</p>
            }
            { control }
            { bool_error.unwrap_or_default() }
            if let Some(spec) = spec {
                <p class="source">
                    <span class="source-label">{ i::SOURCE.get(lang) }{ i::COLON.get(lang) }</span>
                    { crate::policy::clauses::cite_in(lang, &t(lang, &spec.source)).into_owned() }
                    if spec.assumption {
                        { " " }<span class="tag tag-assumption">{ bi_t(lang, i::ASSUMPTION) }</span>
                    }
                    if spec.assumption || crate::policy::readings::is_switch(def) {
                        { " " }{ super::readings_panel::param_link(lang, id) }
                    }
                </p>
            }
            if changed {
                <p class="default" data-testid={format!("param-default-{id}")}>
                    <span class="tag tag-changed">{ i::CHANGED.get(lang) }</span>
                    { " " }{ if custom_baseline.is_some() { i::PRESET_DEFAULT } else { i::RV_BASELINE_IS_PRESET }.get(lang) }{ i::COLON.get(lang) }
                    <strong data-testid={custom_baseline.is_none().then(|| format!("param-baseline-{id}"))}>{ default_text }</strong>
                    <button type="button" class="btn btn-small" data-reset={id}
                        aria-label={format!("{}{}{}", i::RESET.get(lang), i::COLON.get(lang), t(lang, &def.label()))}
                        title={i::RESET_LABEL.get(lang)}
                        onclick={reset}>{ "↺ " }{ i::RESET.get(lang) }</button>
                </p>
            }
            if let Some(b) = baseline_differs {
                <p class="param-baseline">
                    <span class="tag tag-baseline">{ i::RV_BASELINE.get(lang) }</span>
                    { " " }{ i::RV_BASELINE_VALUE.get(lang) }{ i::COLON.get(lang) }
                    <strong data-testid={format!("param-baseline-{id}")}>{ display_value(lang, def, b) }</strong>
                </p>
            }
        </div>
    }
}

fn rules_view(props: &RulesProps) -> Html {
    let snap = &props.snap;
    let lang = snap.lang;
    let preset = &snap.presets[snap.preset_idx];
    let rule_item = |def: &'static crate::policy::RuleDef, in_preset: bool| -> Html {
        let rid = def.id;
        let (on, user) =
            snap.rules.iter().find(|(id, _, _)| *id == rid).map(|(_, on, user)| (*on, *user)).unwrap_or_default();
        let clause = preset
            .rules
            .iter()
            .chain(&preset.assessment_rules)
            .chain(&preset.budget_rules)
            .find(|r| r.rule == rid)
            .map(|r| r.clause.clone())
            .unwrap_or_else(|| def.origin_clause.to_string());
        let onchange =
            props.on_rule.reform(move |e: Event| (rid, e.target_unchecked_into::<HtmlInputElement>().checked()));
        let dom_id = format!("rule-{}", rid.replace('.', "-"));
        html! {
            <li class={classes!("rule-toggle", (!on).then_some("is-off"))} key={rid}>
                <input id={dom_id.clone()} type="checkbox" checked={on} data-rule-toggle={rid} {onchange} />
                <label for={dom_id}>
                    <span class="main">{ def.title().get(lang).to_string() }</span>
                    <span class="clause">{ clause }</span>
                    <span class="sub" lang={i::lang_tag(i::other(lang))}>{ def.title().get(i::other(lang)).to_string() }</span>
                    if user {
                        <span class="tag tag-changed">{ if in_preset { i::RULE_REMOVED } else { i::RULE_ADDED }.get(lang) }</span>
                    }
                </label>
            </li>
        }
    };
    let (ours, others): (Vec<_>, Vec<_>) = RULES.iter().partition(|d| preset.rules.iter().any(|r| r.rule == d.id));
    html! {
        <fieldset class="group rules" data-testid="rules">
            <legend>{ bi_t(lang, i::RULES_HEADING) }</legend>
            <p class="field-hint">{ i::RULES_INTRO.get(lang) }</p>
            <ul class="rule-list">{ for ours.into_iter().map(|d| rule_item(d, true)) }</ul>
            if !others.is_empty() {
                <h3 class="rules-other">{ bi_t(lang, i::RULES_OTHER) }</h3>
                <ul class="rule-list">{ for others.into_iter().map(|d| rule_item(d, false)) }</ul>
            }
            // The rules of the assessment and budget panels, each family on its own.
            { for [
                (i::AS_RULES_HEADING, crate::engine::exits::ASSESSMENT_RULES, &preset.assessment_rules),
                (i::BU_RULES_HEADING, crate::budget::BUDGET_RULES, &preset.budget_rules),
            ].into_iter().map(|(title, defs, specs)| html! {
                <>
                    <h3 class="rules-other" data-testid="rules-family">{ bi_t(lang, title) }</h3>
                    <ul class="rule-list">
                        { for defs.iter().map(|d| rule_item(d, specs.iter().any(|r| r.rule == d.id))) }
                    </ul>
                </>
            }) }
        </fieldset>
    }
}
