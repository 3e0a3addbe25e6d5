//! The county medical community global budget (shandong-2024 总额付费、结余留用、合理超支分担):
//! the community's figures in, then eligibility (the six unifications), the budget, the
//! year-end settlement as a table and a waterfall, the monthly advance, the two checks and a
//! multi-year projection. Settling is arithmetic: it is redone on every edit.

use crate::words;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::charts::{projection_svg, waterfall_svg};
use super::decision_panel::verdict_symbol;
use super::i18n::{self as i, bi, bi_t, t};
use crate::app::assess::{budget_value, BudgetState, FieldKind, BUDGET_FIELDS};
use crate::app::state::Shared;
use crate::budget::chart::waterfall;
use crate::budget::{budget_rule_def, settle, yuan, Amounts, EndsIn, Settle};
use crate::engine::TraceEntry;
use crate::policy::Policy;
use crate::text::{num, Lang, Text, Words};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// The form's input, its refused values and their messages.
    pub budget: Shared<BudgetState>,
    /// The budget rules and parameters in force.
    pub policy: Shared<Policy>,
    /// A field typed or ticked: its id in `BUDGET_FIELDS` and the raw input.
    pub on_set: Callback<(&'static str, String)>,
    /// Back to the sample community.
    pub on_reset: Callback<()>,
}

fn yuan_text(lang: Lang, x: f64) -> String {
    format!("{} {}", yuan(x), i::BU_YUAN.get(lang))
}

// Words of the undetermined figures and of the marks of the simulator's readings.
const UNDETERMINED: Words = words!("待定", "undetermined");
const H_PER_HEAD: Words = words!("各类人头预算标准 × 服务人群", "Per-head standards × people served",);
const COL_STANDARD: Words = words!("本年标准（元/人）", "Standard (yuan a person)");
const COL_CAP: Words = words!("上限（元/人）", "Cap (yuan a person)");
const COL_SERVED: Words = words!("服务人群", "People served");
const COL_RESTS_ON: Words = words!("取决于（开关/假设）", "Rests on (switch / assumption)");
const EMPLOYEE: Words = words!("职工医保", "Employee insurance");
const RESIDENT: Words = words!("居民医保", "Resident insurance");
const R_REASONABLE: Words = words!("其中合理超支（分担）", "of which reasonable (shared)");
const R_UNREASONABLE: Words = words!("不合理超支（医共体承担）", "unreasonable (the community's)");
const S_UNDETERMINED: Words = words!("待分担（待定）", "to split (undetermined)");
const UNDETERMINED_HEAD: Words = words!(
    "以下数额待定：输入未给出决定它们的数据",
    "These figures are undetermined: the input does not give what decides them",
);
const NEEDS: Words = words!("需填写", "needs");
const SWITCH: Words = words!("开关", "switch");

fn yuan_opt(lang: Lang, x: Option<f64>) -> String {
    x.map(|v| yuan_text(lang, v)).unwrap_or_else(|| UNDETERMINED.get(lang).to_string())
}

/// The ids a figure rests on, each marked as the simulator's reading.
fn marks(lang: Lang, r: &Settle, figure: &str) -> Html {
    let Some(ids) = r.rests_on.get(figure) else {
        return html! {};
    };
    html! {
        <span class="budget-marks" data-rests-on={ids.join(" ")}>
            { for ids.iter().map(|id| html! { <span class="tag tag-assumption" title={param_title(id)}>{ switch_name(lang, id) }</span> }) }
        </span>
    }
}

fn param_title(id: &str) -> String {
    crate::policy::param_def(id).map(|d| format!("{} / {}", d.zh, d.en)).unwrap_or_default()
}

fn switch_name(lang: Lang, id: &str) -> String {
    crate::policy::param_def(id).map_or(id.to_string(), |d| t(lang, &d.label()))
}

fn rule_title(id: &str) -> Text {
    budget_rule_def(id).map(|d| d.title()).unwrap_or_else(|| Text::new(id.to_owned(), id.to_owned()))
}

#[function_component(BudgetPanel)]
pub fn budget_panel(props: &Props) -> Html {
    let lang = props.lang;
    // Folded until asked, unlike the plan and the assessment beside it: open, its form, tables
    // and charts make a page of about 7,000 px, and the line under the heading says what it holds.
    let open = use_state_eq(|| false);
    let input = props.budget.input.clone();
    let policy = props.policy.0.clone();
    // Settled only while the panel is open: folded, a parameter change costs it nothing.
    let result = use_memo((input, policy, *open), |(input, policy, open)| open.then(|| settle(input, policy)));
    let on_toggle = {
        let open = open.clone();
        super::widgets::on_details_toggle(move |o| open.set(o))
    };
    let on_reset = props.on_reset.reform(|_: MouseEvent| ());
    let has_errors = !props.budget.errors.is_empty();
    html! {
        <section class="panel panel-budget" aria-labelledby="budget-heading" data-testid="budget-panel">
            <details class="plan-details" open={*open} ontoggle={on_toggle}>
                <summary data-testid="budget-open">
                    <h2 id="budget-heading">{ bi_t(lang, i::BU_HEADING) }</h2>
                    <span class="plan-clause">{ i::BU_CLAUSE_NOTE.get(lang) }</span>
                    <span class="fold-hint" data-testid="fold-hint">{ i::BU_HOLDS.get(lang) }</span>
                </summary>
                if *open {
                    <p class="field-hint">{ i::BU_INTRO.get(lang) }</p>
                    <p class="assess-source"><span class="tag tag-assumption">{ bi_t(lang, i::BU_SAMPLE_TAG) }</span>{ " " }
                        { i::BU_SAMPLE_NOTE.get(lang) }</p>
                    <div class="budget-layout">
                        <div class="budget-inputs" key={format!("inputs-{}", props.budget.rev)}>
                            { inputs(props) }
                            <button type="button" class="btn btn-quiet" data-testid="budget-reset" onclick={on_reset}>
                                { "↺ " }{ i::BU_RESET.get(lang) }
                            </button>
                        </div>
                        <div class="budget-results" data-testid="budget-results">
                            if has_errors {
                                <p class="missing" role="alert" data-testid="budget-has-errors">{ i::BU_HAS_ERRORS.get(lang) }</p>
                            }
                            if let Some(r) = result.as_ref() {
                                { results(lang, r) }
                            }
                        </div>
                    </div>
                }
            </details>
        </section>
    }
}

/// The form, in groups; every field's message names it.
fn inputs(props: &Props) -> Html {
    let lang = props.lang;
    let b = &props.budget;
    let groups: [(Words, &[&str]); 5] = [
        (
            i::BU_G_COMMUNITY,
            &[
                "year",
                "u.personnel",
                "u.finance",
                "u.assets",
                "u.operations",
                "u.drug_catalogue",
                "u.drug_distribution",
                "township_pct",
                "county_hospital_pct",
                "dip_primary_diseases",
                "drg_primary_groups",
            ],
        ),
        (
            i::BU_G_BUDGET,
            &[
                "last_year_budget",
                "fund_revenue_growth_pct",
                "proposed",
                "spending_fell",
                "employee_last_standard",
                "employee_proposed_standard",
                "employee_served",
                "resident_last_standard",
                "resident_proposed_standard",
                "resident_served",
            ],
        ),
        (
            i::BU_G_SETTLEMENT,
            &[
                "drg_dip",
                "bed_day",
                "capitation",
                "other",
                "out_of_county",
                "objective_overspend",
                "cause.policy_adjustment",
                "cause.capacity_change",
                "cause.public_health_event",
                "cause.other",
                "reasonable_overspend",
                "assessment_score",
            ],
        ),
        (i::BU_G_PREPAY, &["fund_balance"]),
        (i::BU_G_PROJECTION, &["projection_years", "projection_revenue_pct", "projection_spending_pct"]),
    ];
    let field = |id: &'static str| -> Html {
        let Some((_, label, kind)) = BUDGET_FIELDS.iter().find(|(f, _, _)| *f == id) else {
            return html! {};
        };
        let dom_id = format!("budget-{}", id.replace('.', "-"));
        let err = b.errors.get(id);
        let set = props.on_set.clone();
        if *kind == FieldKind::Bool {
            let checked = budget_value(&b.input, id) == "true";
            let onchange =
                set.reform(move |e: Event| (id, e.target_unchecked_into::<HtmlInputElement>().checked().to_string()));
            // A refused tick (the last cause of an objective overspend) says why, as text fields do.
            let described = err.map(|_| format!("{dom_id}-error"));
            return html! {
                <div class={classes!("field", "field-check", err.map(|_| "has-error"))}>
                    <div class="check">
                        <input id={dom_id.clone()} type="checkbox" {checked} data-budget-field={id} {onchange}
                            aria-invalid={err.map(|_| "true")} aria-describedby={described} />
                        <label for={dom_id.clone()}>{ bi_t(lang, *label) }</label>
                    </div>
                    if let Some(e) = err {
                        <p class="field-error" id={format!("{dom_id}-error")} data-testid={format!("budget-error-{id}")} role="alert">
                            <span aria-hidden="true">{ "⚠ " }</span>{ t(lang, e) }
                        </p>
                    }
                </div>
            };
        }
        let value = b.raw.get(id).cloned().unwrap_or_else(|| budget_value(&b.input, id));
        let unit = match kind {
            FieldKind::Amount { .. } => i::BU_YUAN,
            FieldKind::Growth | FieldKind::Pct => i::BU_PCT,
            FieldKind::Years => i::AS_YEARS,
            _ => i::EMPTY,
        };
        let inputmode = if *kind == FieldKind::Text { "text" } else { "decimal" };
        let onchange = set.reform(move |e: Event| (id, e.target_unchecked_into::<HtmlInputElement>().value()));
        let described = err.map(|_| format!("{dom_id}-error"));
        html! {
            <div class={classes!("field", "field-row", err.map(|_| "has-error"))}>
                <label for={dom_id.clone()}>{ bi_t(lang, *label) }</label>
                <div class="control">
                    <input id={dom_id.clone()} type="text" {inputmode} {value} data-budget-field={id}
                        aria-invalid={err.map(|_| "true")} aria-describedby={described} {onchange} />
                    if !unit.zh.is_empty() {
                        <span class="unit">{ unit.get(lang) }</span>
                    }
                </div>
                if let Some(e) = err {
                    <p class="field-error" id={format!("{dom_id}-error")} data-testid={format!("budget-error-{id}")} role="alert">
                        <span aria-hidden="true">{ "⚠ " }</span>{ t(lang, e) }
                    </p>
                }
            </div>
        }
    };
    html! {
        <>
            { for groups.iter().map(|(title, ids)| html! {
                <fieldset class="group budget-group">
                    <legend>{ bi_t(lang, *title) }</legend>
                    { for ids.iter().map(|id| field(id)) }
                </fieldset>
            }) }
        </>
    }
}

fn entry<'a>(r: &'a Settle, rule: &str) -> Option<&'a TraceEntry> {
    r.rules.iter().find(|e| e.rule == rule)
}

fn verdict_line(lang: Lang, e: &TraceEntry, testid: &'static str) -> Html {
    html! {
        <div class={classes!("budget-check", format!("verdict-{}", e.verdict.id()))} data-testid={testid}
            data-rule={e.rule.clone()} data-verdict={e.verdict.id()}>
            <div class="trace-head">
                <span class="verdict">
                    <span class="verdict-symbol" aria-hidden="true">{ verdict_symbol(e.verdict) }</span>
                    { t(lang, &e.verdict.label()) }
                </span>
                <span class="trace-title">{ t(lang, &rule_title(&e.rule)) }</span>
                <span class="clause">{ crate::policy::clauses::cite(lang, &e.clause).into_owned() }</span>
                if let Some(sw) = &e.switch {
                    <span class="tag tag-assumption" data-switch={sw.to_string()} title={param_title(sw)}>
                        { format!("{} {}", SWITCH.get(lang), switch_name(lang, sw)) }
                    </span>
                }
            </div>
            <p class="trace-detail">{ t(lang, &e.detail) }</p>
            if let Some(n) = &e.note {
                <p class="trace-note">{ t(lang, n) }</p>
            }
            { super::readings_panel::trace_mark(lang, e) }
        </div>
    }
}

fn step_label(key: &str) -> Words {
    match key {
        "budget" => i::BU_S_BUDGET,
        "in_county" => i::BU_S_IN_COUNTY,
        "out_of_county" => i::BU_S_OUT,
        "balance" => i::BU_S_BALANCE,
        "returned_to_fund" => i::BU_S_RETURNED,
        "retained" => i::BU_S_RETAINED,
        "compensated" => i::BU_S_COMPENSATED,
        "fund_shares" => i::BU_S_FUND_SHARES,
        "undetermined" => S_UNDETERMINED,
        _ => i::BU_S_BEARS,
    }
}

/// The settlement's amounts as rows: key, label, value (`None`: undetermined), emphasised.
fn amount_rows(a: &Amounts) -> Vec<(&'static str, Words, Option<f64>, bool)> {
    let mut rows = vec![
        ("budget", i::BU_R_BUDGET, Some(a.budget), true),
        ("in_county", i::BU_R_IN_COUNTY, Some(a.in_county), false),
        ("out_of_county", i::BU_R_OUT, Some(a.out_of_county), false),
        ("spending", i::BU_R_SPENDING, Some(a.spending), true),
        ("balance", i::BU_R_BALANCE, Some(a.balance), true),
    ];
    if a.overspend > 0.0 {
        rows.extend([
            ("overspend", i::BU_R_OVERSPEND, Some(a.overspend), false),
            ("objective_overspend", i::BU_R_OBJECTIVE, Some(a.objective_overspend), false),
            ("compensated", i::BU_R_COMPENSATED, Some(a.compensated), false),
            ("other_overspend", i::BU_R_OTHER, Some(a.other_overspend), false),
            ("reasonable_overspend", R_REASONABLE, a.reasonable_overspend, false),
            ("unreasonable_overspend", R_UNREASONABLE, a.unreasonable_overspend, false),
            ("fund_shares", i::BU_R_FUND_SHARES, a.fund_shares, false),
            ("community_bears", i::BU_R_BEARS, a.community_bears, false),
        ]);
    } else {
        rows.extend([
            ("surplus", i::BU_R_SURPLUS, Some(a.surplus), false),
            ("retained", i::BU_R_RETAINED, a.retained, false),
            ("returned_to_fund", i::BU_R_RETURNED, a.returned_to_fund, false),
        ]);
    }
    rows.extend([
        ("community_result", i::BU_R_RESULT, a.community_result, true),
        ("fund_cost", i::BU_R_FUND_COST, a.fund_cost, true),
    ]);
    rows
}

fn results(lang: Lang, r: &Settle) -> Html {
    let six = entry(r, "community.six_unifications");
    let b = &r.budget;
    let budget_rows: Vec<(Words, Option<f64>)> = vec![
        (i::BU_B_LAST, Some(b.last_year)),
        (i::BU_B_CAP, b.cap),
        (i::BU_B_FLOOR, b.floor),
        (i::BU_B_PROPOSED, b.proposed),
    ];
    let budget_rules = ["budget.growth_cap", "budget.no_cut", "budget.out_of_county"];
    html! {
        <>
            <h3>{ bi_t(lang, i::BU_H_ELIGIBILITY) }</h3>
            <div data-testid="budget-eligibility" data-eligible={r.eligible.map(|e| e.to_string()).unwrap_or_default()}
                data-missing={r.missing_unifications.join(" ")}>
                { six.map(|e| verdict_line(lang, e, "budget-six")).unwrap_or_else(|| html! { <p class="empty">{ i::BU_RULE_OFF.get(lang) }</p> }) }
            </div>
            { for r.notes.iter().map(|n| html! { <p class="missing">{ t(lang, n) }</p> }) }

            <h3>{ bi_t(lang, i::BU_H_BUDGET) }</h3>
            <div class="table-scroll" tabindex="0">
                <table class="county-table budget-table" data-testid="budget-budget">
                    <tbody>
                        { for budget_rows.iter().filter(|(_, v)| v.is_some()).map(|(label, v)| html! {
                            <tr><th scope="row">{ bi_t(lang, *label) }</th><td>{ yuan_text(lang, v.unwrap_or(0.0)) }</td></tr>
                        }) }
                        <tr data-row="budget" data-value={b.budget.map(|x| format!("{x:.2}")).unwrap_or_else(|| "undetermined".into())}>
                            <th scope="row">{ bi_t(lang, i::BU_B_SETTLED) }</th><td>{ yuan_opt(lang, b.budget) }</td>
                        </tr>
                        <tr><th scope="row">{ bi_t(lang, i::BU_B_GROWTH) }</th>
                            <td>{ b.growth_pct.map(|g| format!("{}%", num(g, 2))).unwrap_or_else(|| UNDETERMINED.get(lang).to_string()) }</td></tr>
                    </tbody>
                </table>
            </div>
            if let Some(heads) = &b.per_head {
                <div class="table-scroll" tabindex="0">
                    <table class="county-table budget-table" data-testid="budget-per-head">
                        <caption>{ bi_t(lang, H_PER_HEAD) }</caption>
                        <thead><tr>
                            <th scope="col">{ i::BU_COL_ITEM.get(lang) }</th>
                            <th scope="col">{ COL_STANDARD.get(lang) }</th>
                            <th scope="col">{ COL_CAP.get(lang) }</th>
                            <th scope="col">{ COL_SERVED.get(lang) }</th>
                            <th scope="col">{ i::BU_COL_YUAN.get(lang) }</th>
                        </tr></thead>
                        <tbody>
                            { for heads.iter().map(|h| html! {
                                <tr data-row={h.category}>
                                    <th scope="row">{ if h.category == "employee" { EMPLOYEE } else { RESIDENT }.get(lang) }</th>
                                    <td>{ yuan(h.standard) }</td>
                                    <td>{ h.cap_standard.map(yuan).unwrap_or_default() }</td>
                                    <td>{ crate::text::thousands(h.served) }</td>
                                    <td>{ yuan(h.budget) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            { for budget_rules.iter().filter_map(|id| entry(r, id)).map(|e| verdict_line(lang, e, "budget-rule")) }

            if !r.undetermined.is_empty() {
                <div class="missing" role="status" data-testid="budget-undetermined" data-figures={r.undetermined.keys().cloned().collect::<Vec<_>>().join(" ")}>
                    <p>{ UNDETERMINED_HEAD.get(lang) }</p>
                    <ul>
                        { for r.undetermined.iter().map(|(fig, by)| html! {
                            <li data-figure={*fig} data-needs={*by}><code>{ *fig }</code>{ " — " }{ NEEDS.get(lang) }{ " " }<code>{ *by }</code></li>
                        }) }
                    </ul>
                </div>
            }
            if let Some(st) = &r.settlement {
                { settlement_view(lang, r, &st.amounts) }
            }

            <h3>{ bi_t(lang, i::BU_H_PREPAY) }</h3>
            if let Some(p) = &r.prepayment {
                <p data-testid="budget-prepay" data-made={p.made.to_string()}>
                    { format!("{} {} · {} ", num(p.months, 1), i::BU_MONTHS.get(lang), yuan_text(lang, p.amount)) }
                    <strong>{ if p.made { i::BU_PREPAY_MADE } else { i::BU_PREPAY_NOT } .get(lang) }</strong>
                    { i::BU_PER_MONTH_NOTE.get(lang) }
                    { format!("{}", yuan_text(lang, p.amount / p.months.max(1.0))) }
                </p>
            }
            { entry(r, "prepayment.one_month").map(|e| verdict_line(lang, e, "budget-rule")).unwrap_or_default() }

            <h3>{ bi_t(lang, i::BU_H_CHECKS) }</h3>
            { entry(r, "benefit.reimbursement_gap").map(|e| verdict_line(lang, e, "check-gap")).unwrap_or_default() }
            { entry(r, "payment.primary_groups").map(|e| verdict_line(lang, e, "check-groups")).unwrap_or_default() }

            if let Some(p) = &r.projection {
                { projection_view(lang, r, p) }
            }
            <details class="assess-trace-box">
                <summary>{ i::BU_TRACE.get(lang) }</summary>
                <ol class="trace">
                    { for r.rules.iter().map(|e| html! { <li>{ verdict_line(lang, e, "budget-trace") }</li> }) }
                </ol>
            </details>
        </>
    }
}

fn settlement_view(lang: Lang, r: &Settle, a: &Amounts) -> Html {
    let steps = waterfall(a);
    let labels: Vec<String> = steps.iter().map(|s| step_label(s.key).get(lang).to_string()).collect();
    let title = format!("{} {}", r.year, i::BU_WATERFALL_TITLE.get(lang));
    let outcome = if a.overspend > 0.0 { i::BU_OVERSPEND_WORDS } else { i::BU_SURPLUS_WORDS };
    let rules = ["settlement.surplus_retained", "settlement.objective_compensation", "settlement.overspend_shared"];
    html! {
        <>
            <h3>{ bi_t(lang, i::BU_H_SETTLEMENT) }</h3>
            <p class="budget-outcome" data-testid="budget-outcome"
                data-result={a.community_result.map(|x| format!("{x:.2}")).unwrap_or_else(|| "undetermined".into())}>
                <strong>{ outcome.get(lang) }</strong>{ " " }{ yuan_text(lang, a.balance.abs()) }
                { " · " }{ i::BU_R_RESULT.get(lang) }{ i::COLON.get(lang) }<strong>{ yuan_opt(lang, a.community_result) }</strong>
                { marks(lang, r, "settlement.community_result") }
            </p>
            <div class="table-scroll" tabindex="0">
                <table class="county-table budget-table" data-testid="settlement-table">
                    <thead><tr><th scope="col">{ i::BU_COL_ITEM.get(lang) }</th><th scope="col">{ i::BU_COL_YUAN.get(lang) }</th>
                        <th scope="col">{ COL_RESTS_ON.get(lang) }</th></tr></thead>
                    <tbody>
                        { for amount_rows(a).into_iter().map(|(key, label, v, strong)| html! {
                            <tr data-row={key} class={classes!(strong.then_some("is-strong"), v.is_none().then_some("is-undetermined"))}>
                                <th scope="row">{ bi_t(lang, label) }</th>
                                <td data-value={v.map(|v| format!("{v:.2}")).unwrap_or_else(|| "undetermined".into())}>{ yuan_opt(lang, v) }</td>
                                <td>{ marks(lang, r, settlement_figure(key)) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <figure class="chart-figure" tabindex="0">
                { waterfall_svg(lang, &title, &steps, &labels) }
                <figcaption class="chart-legend">
                    <span><span class="key key-total" aria-hidden="true"></span>{ i::BU_K_TOTAL.get(lang) }</span>
                    <span><span class="key key-down" aria-hidden="true"></span>{ "− " }{ i::BU_K_DOWN.get(lang) }</span>
                    <span><span class="key key-up" aria-hidden="true"></span>{ "+ " }{ i::BU_K_UP.get(lang) }</span>
                    <span class="field-hint">{ i::BU_K_UNIT.get(lang) }</span>
                </figcaption>
            </figure>
            { for rules.iter().filter_map(|id| entry(r, id)).map(|e| verdict_line(lang, e, "budget-rule")) }
        </>
    }
}

/// The key of a settlement row in `Settle::rests_on`.
fn settlement_figure(key: &str) -> &'static str {
    match key {
        // What returns to the fund is the surplus less what is retained: the same readings.
        "retained" | "returned_to_fund" => "settlement.retained",
        "compensated" => "settlement.compensated",
        "fund_shares" => "settlement.fund_shares",
        "community_bears" | "community_result" => "settlement.community_result",
        "fund_cost" => "settlement.fund_cost",
        _ => "",
    }
}

fn projection_view(lang: Lang, r: &Settle, p: &crate::budget::Projection) -> Html {
    let years: Vec<(i32, bool, f64, f64)> =
        p.years.iter().map(|y| (y.year, y.projected, y.amounts.budget, y.amounts.spending)).collect();
    let last = p.years.last().map(|y| y.year).unwrap_or(0);
    let ends = match p.ends_in {
        EndsIn::Surplus => i::BU_ENDS_SURPLUS,
        EndsIn::Deficit => i::BU_ENDS_DEFICIT,
        EndsIn::Balanced => i::BU_ENDS_BALANCED,
    };
    let sentence = Text::new(
        format!(
            "{}{}年{}{}；{}{}",
            i::BU_BY_END.zh,
            last,
            ends.zh,
            yuan_text(Lang::Zh, p.final_balance.abs()),
            i::BU_CUMULATIVE.zh,
            yuan_opt(Lang::Zh, p.cumulative_community_result)
        ),
        format!(
            "{}{last} {} {}; {}{}",
            i::BU_BY_END.en,
            ends.en,
            yuan_text(Lang::En, p.final_balance.abs()),
            i::BU_CUMULATIVE.en,
            yuan_opt(Lang::En, p.cumulative_community_result)
        ),
    );
    let title = i::BU_PROJECTION_TITLE.get(lang);
    html! {
        <>
            <h3>{ bi_t(lang, i::BU_H_PROJECTION) }</h3>
            <p class="field-hint">{ format!("{}{}%{}{}%", i::BU_PROJ_ASSUME.get(lang), num(p.revenue_growth_pct, 2), i::BU_PROJ_ASSUME2.get(lang), num(p.spending_growth_pct, 2)) }</p>
            <p class={classes!("budget-ends", format!("ends-{}", match p.ends_in { EndsIn::Surplus => "surplus", EndsIn::Deficit => "deficit", EndsIn::Balanced => "balanced" }))}
                data-testid="projection-ends" data-ends={match p.ends_in { EndsIn::Surplus => "surplus", EndsIn::Deficit => "deficit", EndsIn::Balanced => "balanced" }}>
                <span aria-hidden="true">{ match p.ends_in { EndsIn::Surplus => "▽ ", EndsIn::Deficit => "▲ ", EndsIn::Balanced => "= " } }</span>
                { bi(lang, &sentence) }
                { marks(lang, r, "projection.community_result") }
            </p>
            <figure class="chart-figure" tabindex="0">
                { projection_svg(lang, title, &years) }
                <figcaption class="chart-legend">
                    <span><span class="key key-total" aria-hidden="true"></span>{ i::BU_K_BUDGET.get(lang) }</span>
                    <span><span class="key key-spend" aria-hidden="true"></span>{ i::BU_K_SPENDING.get(lang) }</span>
                    <span>{ "▲ " }{ i::BU_K_OVER.get(lang) }{ " · ▽ " }{ i::BU_K_UNDER.get(lang) }</span>
                    <span class="field-hint">{ i::BU_K_PROJECTED.get(lang) }{ " · " }{ i::BU_K_UNIT.get(lang) }</span>
                </figcaption>
            </figure>
            <div class="table-scroll" tabindex="0">
                <table class="county-table budget-table" data-testid="projection-table">
                    <thead><tr>
                        <th scope="col">{ i::BU_COL_YEAR.get(lang) }</th>
                        <th scope="col">{ i::BU_R_BUDGET.get(lang) }</th>
                        <th scope="col">{ i::BU_R_SPENDING.get(lang) }</th>
                        <th scope="col">{ i::BU_R_BALANCE.get(lang) }</th>
                        <th scope="col">{ i::BU_R_RESULT.get(lang) }</th>
                        <th scope="col">{ i::BU_COL_CUMULATIVE.get(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for p.years.iter().map(|y| html! {
                            <tr data-year={y.year.to_string()}>
                                <th scope="row">{ if y.projected { format!("{}*", y.year) } else { y.year.to_string() } }</th>
                                <td>{ yuan(y.amounts.budget) }</td>
                                <td>{ yuan(y.amounts.spending) }</td>
                                <td>{ yuan(y.amounts.balance) }</td>
                                <td>{ y.amounts.community_result.map(yuan).unwrap_or_else(|| UNDETERMINED.get(lang).to_string()) }</td>
                                <td>{ y.cumulative_community_result.map(yuan).unwrap_or_else(|| UNDETERMINED.get(lang).to_string()) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}
