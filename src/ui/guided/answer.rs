//! The answer screen: the outcome (symbol and words), one plain paragraph, the honest framing,
//! the reasons with their clauses and figures, what would change the answer, the nearest places
//! where it would be accepted (list and map) or the rule that closes the county, and the expert
//! trace folded beneath.

use yew::prelude::*;

use super::super::decision_panel::{outcome_badge, trace_entry, verdict_symbol};
use super::super::i18n::{self as i, t};
use super::super::widgets::AfterPaint;
use super::map::GuideMapView;
use super::place::{picker, template};
use super::{places_of, push_mode, slip, Computed, Props};
use crate::app::guided::{GuideAction, GuideField};
use crate::app::guided_view::for_expert;
use crate::app::slip::Slip;
use crate::engine::nearest_accepted::{AcceptedPlace, Closure};
use crate::engine::plain::{about_distance, Reason};
use crate::engine::Verdict;
use crate::policy::rule_def;
use crate::policy::Condition;
use crate::text::{Lang, Text};

fn closure_line(lang: Lang, props: &Props, c: &Closure, testid: &'static str) -> Html {
    let place = props.view.closed_where(c.county.as_deref());
    let rule = c.rule.as_ref().map(|e| {
        let title = rule_def(&e.rule).map(|d| d.title()).unwrap_or_else(|| Text::new(e.rule.clone(), e.rule.clone()));
        (t(lang, &title), crate::policy::clauses::cite(lang, &e.clause).into_owned(), t(lang, &e.detail))
    });
    html! {
        <p class="guide-closed" data-testid={testid} data-rule={c.rule.as_ref().map(|e| e.rule.clone())}>
            <span aria-hidden="true">{ "⊘ " }</span>
            { t(lang, &place) }{ i::G_CLOSED.get(lang) }
            if let Some((title, clause, detail)) = rule {
                { i::G_CLOSED_BY.get(lang) }<strong>{ title }</strong>{ " " }<span class="clause">{ clause }</span>
                { i::COLON.get(lang) }{ detail }
            }
        </p>
    }
}

/// The screen as what stands above the map, the map, and what stands below it. `trace_open`: the
/// folded expert trace is open (its entries are built only then).
pub fn answer(props: &Props, computed: Option<&Computed>, trace_open: &UseStateHandle<bool>) -> (Html, Html, Html) {
    let s = &props.view;
    let lang = props.lang;
    let d = props.on_guide.clone();
    let Some(c) = computed else {
        return (html! { <p class="empty">{ i::G_NO_ANSWER.get(lang) }</p> }, Html::default(), Html::default());
    };
    let x = &c.answer.explanation;
    let decision = &c.answer.decision;

    let synthetic = s.data_note();

    let reason_list = |testid: &'static str, rs: Vec<&Reason>| {
        html! {
            <ol class="guide-reasons" data-testid={testid}>
                { for rs.into_iter().map(|r| html! {
                    <li class={classes!("guide-reason", format!("verdict-{}", r.verdict.id()))} data-rule={r.rule.clone()} data-verdict={r.verdict.id()}>
                        <span class="verdict">
                            <span class="verdict-symbol" aria-hidden="true">{ verdict_symbol(r.verdict) }</span>
                            { t(lang, &r.verdict.label()) }
                        </span>
                        <span class="guide-reason-text">{ t(lang, &r.text) }</span>
                        <span class="guide-clause">{ i::G_CLAUSE.get(lang) }<span class="clause">{ crate::policy::clauses::cite(lang, &r.clause).into_owned() }</span></span>
                    </li>
                }) }
            </ol>
        }
    };
    // The conditions of the place apart from those of the time, when any of the latter is unmet.
    let (when, place): (Vec<&Reason>, Vec<&Reason>) =
        x.reasons.iter().partition(|r| r.condition == Some(Condition::When) && r.verdict != Verdict::Pass);
    let reasons = if when.is_empty() {
        html! { <div data-testid="guide-reasons">{ reason_list("guide-reasons-where", place) }</div> }
    } else {
        html! {
            <div class="guide-reason-groups" data-testid="guide-reasons">
                if !place.is_empty() {
                    <h5>{ i::G_REASONS_WHERE.get(lang) }</h5>
                    { reason_list("guide-reasons-where", place) }
                }
                <h5>{ i::G_REASONS_WHEN.get(lang) }</h5>
                { reason_list("guide-reasons-when", when) }
            </div>
        }
    };

    let changes = if x.changes.is_empty() {
        html! {}
    } else {
        html! {
            <>
                <h4>{ i::G_WHAT_CHANGES.get(lang) }</h4>
                <ul class="guide-changes" data-testid="guide-changes">
                    { for x.changes.iter().map(|ch| html! { <li>{ t(lang, ch) }</li> }) }
                </ul>
            </>
        }
    };

    // A place as the answer names it: its way from the spot, and its county's name.
    let way_of = |p: &AcceptedPlace| {
        let way = super::way::heading_distance(lang, (c.app.lon, c.app.lat), (p.lon, p.lat), p.distance_m);
        (way, p.county.as_deref().and_then(|id| s.county_name(id)))
    };

    // With no place at all the first screen has said everything (`first_place` below).
    let nearest = match c.answer.nearest.as_ref().filter(|n| !n.places.is_empty()) {
        None => html! {},
        Some(n) => {
            let list = html! {
                <ol class="guide-places" data-testid="guide-places">
                    { for n.places.iter().enumerate().map(|(k, p)| {
                        let (way, county) = way_of(p);
                        let county = county.map(|n| crate::place_names::county_label(lang, &n).into_owned());
                        let pick = picker(props);
                        let (lon, lat) = (p.lon, p.lat);
                        let dist = t(lang, &about_distance(p.distance_m));
                        html! {
                            <li data-testid="guide-place" data-distance-m={format!("{:.0}", p.distance_m)} data-outcome={p.outcome.id()}>
                                <span class="guide-place-no" aria-hidden="true">{ k + 1 }</span>
                                <span class="guide-place-text">
                                    <strong data-testid="guide-place-way">{ i::g_from_you(lang, &way) }</strong>
                                    if let Some(cn) = county { <span class="guide-place-county">{ cn }</span> }
                                    <span class="guide-place-outcome">{ t(lang, &p.outcome.label()) }</span>
                                    { super::way::place_links(lang, k + 1, (lon, lat), &way) }
                                </span>
                                <button type="button" class="btn btn-quiet btn-small" data-testid="guide-try-place"
                                    aria-label={i::g_try_place_label(lang, k + 1, &dist)}
                                    onclick={Callback::from(move |_| pick.emit((lon, lat)))}>
                                    { i::G_TRY_PLACE.get(lang) }
                                </button>
                            </li>
                        }
                    }) }
                </ol>
            };
            html! {
                <section class="guide-nearest" data-testid="guide-nearest" aria-labelledby="guide-nearest-h">
                    <h4 id="guide-nearest-h">{ i::G_NEAREST.get(lang) }</h4>
                    if let Some(cc) = &n.county_closed {
                        { closure_line(lang, props, cc, "guide-county-closed") }
                    }
                    <p class="field-hint">{ i::G_NEAREST_INTRO.get(lang) }</p>
                    { list }
                    if !x.when.is_empty() {
                        <p class="guide-nearest-when" data-testid="guide-nearest-when">{ i::G_NEAREST_WHEN.get(lang) }
                            { x.when.iter().map(|w| t(lang, w)).collect::<Vec<_>>().join(i::SEMICOLON.get(lang)) }
                        </p>
                    }
                    <p class="field-hint" data-testid="guide-coords-note">{ i::W_COORDS_NOTE.get(lang) }</p>
                </section>
            }
        }
    };

    // Where to go instead, on the first screen: the nearest place and a way down to them all;
    // or, with none, that none is open this year and why, or that none was found.
    let first_place = c.answer.nearest.as_ref().map(|n| match n.places.first() {
        Some(p) => {
            let (way, county) = way_of(p);
            let to_list = Callback::from(|_| {
                let el = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("guide-nearest-h"));
                if let Some(el) = el {
                    el.scroll_into_view();
                }
            });
            html! {
                <p class="guide-first-place" data-testid="guide-first-place" data-distance-m={format!("{:.0}", p.distance_m)}>
                    <span aria-hidden="true">{ "→ " }</span>{ i::G_FIRST_PLACE.get(lang) }
                    <strong>{ i::g_from_you(lang, &way) }</strong>
                    if let Some(cn) = county { { i::g_in_county(lang, &cn) } }
                    { " " }
                    <button type="button" class="link" data-testid="guide-first-place-more" onclick={to_list}>
                        { i::G_FIRST_PLACE_MORE.get(lang) }<span aria-hidden="true">{ " ↓" }</span>
                    </button>
                </p>
            }
        }
        None => match (&n.city_closed, &n.county_closed) {
            (Some(cc), _) => closure_line(lang, props, cc, "guide-city-closed"),
            (None, Some(cc)) => closure_line(lang, props, cc, "guide-county-closed"),
            (None, None) => html! {
                <p class="guide-closed" data-testid="guide-first-none">
                    <span aria-hidden="true">{ "→ " }</span>
                    { if n.cells_searched == 0 { i::G_NO_CELLS } else { i::G_NONE_FOUND }.get(lang) }
                </p>
            },
        },
    });

    let on_change_place = {
        let d = d.clone();
        Callback::from(move |_| d.emit(GuideAction::ChangePlace))
    };
    let on_restart = {
        let d = d.clone();
        Callback::from(move |_| d.emit(GuideAction::Restart))
    };
    let on_expert = {
        let d = d.clone();
        let expert = props.on_expert.clone();
        let app = for_expert(c, lang);
        Callback::from(move |_| {
            expert.emit(app.clone());
            push_mode(false);
            d.emit(GuideAction::Open(false));
        })
    };

    let on_trace = {
        let open = trace_open.clone();
        super::super::widgets::on_details_toggle(move |o| open.set(o))
    };

    let above = html! {
        <div class="guide-answer" data-testid="guide-answer" data-outcome={decision.outcome.id()}>
            { outcome_badge(lang, decision, "guide-outcome") }
            { super::super::readings_panel::outcome_mark(lang, decision) }
            <p class="guide-summary" data-testid="guide-summary">{ t(lang, &x.summary) }</p>
            { first_place.unwrap_or_default() }
            <p class="guide-framing" role="note" data-testid="guide-framing">
                <span aria-hidden="true">{ "ⓘ " }</span>{ t(lang, &x.framing) }{ " " }{ synthetic.get(lang) }
            </p>
            <h4>{ i::G_REASONS.get(lang) }</h4>
            { reasons }
            { changes }
            // Below the first screen: in the page from the frame after the one that shows the answer.
            <AfterPaint>{ nearest }</AfterPaint>
        </div>
    };
    let map = html! {
        <GuideMapView data={s.data.clone()} scenario={s.scenario.clone()} template={template(props)}
            spot={Some((c.app.lon, c.app.lat))} radius={s.radius()} outcome={Some(decision.outcome)}
            places={places_of(Some(c))} {lang} on_pick={picker(props)} />
    };
    let below = html! {
        <AfterPaint>
            <div class="guide-answer-below">
                { super::way::spot_line(lang, (c.app.lon, c.app.lat)) }
                <p class="field-hint">{ i::G_MAP_TAP_AGAIN.get(lang) }</p>
                { super::questions::message(lang, &props.guide, GuideField::Place) }
                <details class="guide-trace" data-testid="guide-trace" open={**trace_open} ontoggle={on_trace}>
                    <summary>{ i::G_TRACE.get(lang) }</summary>
                    if **trace_open {
                        <ol class="trace" data-testid="guide-trace-list">
                            { for decision.rules.iter().map(|e| trace_entry(lang, &s.policy, e)) }
                        </ol>
                    }
                </details>
                <slip::SlipKeep {lang} slip={Slip::of(s, c)} data={s.data.clone()} />
                <div class="guide-actions">
                    <button type="button" class="btn btn-quiet" data-testid="guide-change-place" onclick={on_change_place}>{ i::G_CHANGE_PLACE.get(lang) }</button>
                    <button type="button" class="btn btn-quiet" data-testid="guide-restart" onclick={on_restart}>{ i::G_RESTART.get(lang) }</button>
                    <button type="button" class="btn" data-testid="guide-to-expert" onclick={on_expert}>{ i::G_TO_EXPERT.get(lang) }</button>
                </div>
            </div>
        </AfterPaint>
    };
    (above, map, below)
}
