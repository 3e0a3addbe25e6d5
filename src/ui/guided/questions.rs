//! The question screens: kind, detail (categories, specialty, subtype), new / new site / moving,
//! size and staff, special situations. Big radio and checkbox rows (44 px and more), each with
//! its label; a message under a question names what is missing.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::super::i18n::{self as i, t, Words};
use crate::app::guided::{Guide, GuideAction, GuideField};
use crate::guide::{SizeFields, Specials};
use crate::scenario::{Category, Change, Field, Kind, Specialty, Subtype};
use crate::text::{Lang, Text};

/// What a question sends: the guide's intents (an answer chosen, a field typed).
type Dispatch = Callback<GuideAction>;

/// The message under a question, tied to it by id.
pub fn message(lang: Lang, g: &Guide, field: impl Into<GuideField>) -> Html {
    let field = field.into();
    let id = field.id();
    match g.error(field) {
        Some(e) => html! {
            <p class="field-error guide-error" id={format!("guide-error-{id}")} data-testid={format!("guide-error-{id}")} role="alert">
                <span aria-hidden="true">{ "⚠ " }</span>{ t(lang, e) }
            </p>
        },
        None => html! {},
    }
}

fn described(g: &Guide, field: impl Into<GuideField>) -> Option<String> {
    let field = field.into();
    g.error(field).map(|_| format!("guide-error-{}", field.id()))
}

/// One radio row: label text and an optional plain hint beneath.
struct Choice {
    value: String,
    label: Text,
    hint: Option<Text>,
    checked: bool,
    on: Callback<()>,
}

/// `name` makes the page's ids; the message under the question is `field`'s.
fn radios(lang: Lang, g: &Guide, field: Field, name: &'static str, legend: Words, choices: Vec<Choice>) -> Html {
    html! {
        <fieldset class="guide-q" data-testid={format!("guide-q-{name}")} aria-describedby={described(g, field)}>
            <legend class="guide-legend">{ legend.get(lang) }</legend>
            <div class="choices">
                { for choices.into_iter().map(|c| {
                    let id = format!("guide-{name}-{}", c.value);
                    let on = c.on.clone();
                    html! {
                        <label class={classes!("choice", c.checked.then_some("is-checked"))} for={id.clone()}>
                            <input type="radio" id={id} name={format!("guide-{name}")} value={c.value.clone()}
                                data-testid={format!("guide-{name}-{}", c.value)}
                                checked={c.checked} onchange={Callback::from(move |_| on.emit(()))} />
                            <span class="choice-text">
                                <span class="choice-label">{ t(lang, &c.label) }</span>
                                if let Some(h) = &c.hint {
                                    <span class="choice-hint">{ t(lang, h) }</span>
                                }
                            </span>
                        </label>
                    }
                }) }
            </div>
            { message(lang, g, field) }
        </fieldset>
    }
}

fn checkbox(id: &str, label: Text, hint: Option<Text>, checked: bool, lang: Lang, on: Callback<bool>) -> Html {
    let onchange = Callback::from(move |e: Event| on.emit(e.target_unchecked_into::<HtmlInputElement>().checked()));
    html! {
        <label class={classes!("choice", checked.then_some("is-checked"))} for={id.to_string()}>
            <input type="checkbox" id={id.to_string()} data-testid={id.to_string()} {checked} {onchange} />
            <span class="choice-text">
                <span class="choice-label">{ t(lang, &label) }</span>
                if let Some(h) = &hint {
                    <span class="choice-hint">{ t(lang, h) }</span>
                }
            </span>
        </label>
    }
}

fn kind_hint(k: Kind) -> Words {
    match k {
        Kind::Pharmacy => i::G_KIND_PHARMACY_HINT,
        Kind::Outpatient => i::G_KIND_OUTPATIENT_HINT,
        Kind::PrimaryCare => i::G_KIND_PRIMARY_HINT,
        Kind::InpatientGeneral => i::G_KIND_GENERAL_HINT,
        Kind::InpatientSpecialty => i::G_KIND_SPECIALTY_HINT,
    }
}

/// The public's order: the common cases first.
const KINDS: [Kind; 5] =
    [Kind::Pharmacy, Kind::Outpatient, Kind::PrimaryCare, Kind::InpatientGeneral, Kind::InpatientSpecialty];

pub fn kind(lang: Lang, g: &Guide, d: &Dispatch) -> Html {
    let choices = KINDS
        .iter()
        .map(|k| {
            let (k, d) = (*k, d.clone());
            Choice {
                value: k.id().to_string(),
                label: k.label(),
                hint: Some(kind_hint(k).clone()),
                checked: g.answers.kind == Some(k),
                on: Callback::from(move |_| d.emit(GuideAction::Kind(k))),
            }
        })
        .collect();
    radios(lang, g, Field::Kind, "kind", i::G_Q_KIND, choices)
}

fn json_id<E: serde::Serialize>(e: &E) -> String {
    serde_json::to_value(e).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

fn category_hint(c: Category) -> Words {
    match c {
        Category::Ordinary => i::G_CAT_ORDINARY_HINT,
        Category::Chronic => i::G_CAT_CHRONIC_HINT,
        Category::SpecialDrug => i::G_CAT_SPECIAL_HINT,
    }
}

/// A labelled select (for the long lists: specialties, subtypes).
fn select<E: Copy + serde::Serialize + PartialEq + 'static>(
    lang: Lang,
    g: &Guide,
    field: Field,
    label: Words,
    all: &[E],
    label_of: fn(E) -> Text,
    value: Option<E>,
    on: Callback<Option<E>>,
) -> Html {
    let id = format!("guide-{}", field.id());
    let options: Vec<(String, Text)> = all.iter().map(|e| (json_id(e), label_of(*e))).collect();
    let lookup: Vec<(String, E)> = all.iter().map(|e| (json_id(e), *e)).collect();
    let onchange = Callback::from(move |e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        on.emit(lookup.iter().find(|(id, _)| *id == v).map(|(_, e)| *e));
    });
    let current = value.map(|v| json_id(&v)).unwrap_or_default();
    html! {
        <div class="field guide-field">
            <label for={id.clone()} class="guide-legend">{ label.get(lang) }</label>
            <div class="control">
                <select id={id.clone()} data-testid={id} {onchange} aria-describedby={described(g, field)}>
                    <option value="" selected={current.is_empty()}>{ i::G_CHOOSE.get(lang) }</option>
                    { for options.iter().map(|(v, l)| html! {
                        <option value={v.clone()} selected={*v == current}>{ t(lang, l) }</option>
                    }) }
                </select>
            </div>
            { message(lang, g, field) }
        </div>
    }
}

pub fn detail(lang: Lang, g: &Guide, d: &Dispatch) -> Html {
    match g.answers.kind {
        Some(Kind::Pharmacy) => {
            let cats = g.answers.categories;
            html! {
                <fieldset class="guide-q" data-testid="guide-q-category" aria-describedby={described(g, Field::Category)}>
                    <legend class="guide-legend">{ i::G_Q_CATEGORY.get(lang) }</legend>
                    <p class="field-hint">{ i::G_Q_CATEGORY_HINT.get(lang) }</p>
                    <div class="choices">
                        { for Category::ALL.iter().map(|c| {
                            let (c, d) = (*c, d.clone());
                            checkbox(&format!("guide-category-{}", c.id()), c.label(), Some(category_hint(c).clone()), cats.contains(c), lang,
                                Callback::from(move |on| d.emit(GuideAction::Category(c, on))))
                        }) }
                    </div>
                    { message(lang, g, Field::Category) }
                </fieldset>
            }
        }
        Some(Kind::InpatientSpecialty) => {
            let d = d.clone();
            select(
                lang,
                g,
                Field::Specialty,
                i::G_Q_SPECIALTY,
                &Specialty::ALL,
                Specialty::label,
                g.answers.specialty,
                Callback::from(move |s| d.emit(GuideAction::Specialty(s))),
            )
        }
        Some(Kind::PrimaryCare) => {
            let d1 = d.clone();
            let d2 = d.clone();
            html! {
                <>
                    { select(lang, g, Field::Subtype, i::G_Q_SUBTYPE, &Subtype::ALL, Subtype::label, g.answers.subtype,
                        Callback::from(move |s| d1.emit(GuideAction::Subtype(s)))) }
                    <div class="choices guide-more">
                        { checkbox("guide-integrated", i::G_INTEGRATED.clone(), Some(i::G_INTEGRATED_HINT.clone()), g.answers.integrated, lang,
                            Callback::from(move |on| d2.emit(GuideAction::Integrated(on)))) }
                    </div>
                </>
            }
        }
        _ => html! {},
    }
}

pub fn change(lang: Lang, g: &Guide, d: &Dispatch, movers: Vec<(String, String)>) -> Html {
    let rows = [
        (Change::New, i::G_CHANGE_NEW, i::G_CHANGE_NEW_HINT),
        (Change::NewSite, i::G_CHANGE_SITE, i::G_CHANGE_SITE_HINT),
        (Change::AddressChange, i::G_CHANGE_MOVE, i::G_CHANGE_MOVE_HINT),
    ];
    let choices = rows
        .iter()
        .map(|(c, label, hint)| {
            let (c, d) = (*c, d.clone());
            Choice {
                value: i::change_id(c).to_string(),
                label: (*label).clone(),
                hint: Some((*hint).clone()),
                checked: g.answers.change == c,
                on: Callback::from(move |_| d.emit(GuideAction::Change(c))),
            }
        })
        .collect();
    html! {
        <>
            { radios(lang, g, Field::Change, "change", i::G_Q_CHANGE, choices) }
            if g.answers.change == Change::AddressChange {
                { moving_from(lang, g, d, movers) }
            }
        </>
    }
}

/// Which designated institution moves: typed with suggestions from the data, so that its old
/// site is not counted as a neighbour of its new one.
fn moving_from(lang: Lang, g: &Guide, d: &Dispatch, movers: Vec<(String, String)>) -> Html {
    let list = std::rc::Rc::new(movers);
    let oninput = {
        let (d, list) = (d.clone(), list.clone());
        Callback::from(move |e: InputEvent| {
            let typed = e.target_unchecked_into::<HtmlInputElement>().value();
            d.emit(GuideAction::MovingFrom(crate::guide::mover_typed(&list, &typed), typed))
        })
    };
    let typed = g.raw(Field::InstitutionId);
    let state = match (&g.answers.moving_from, typed.trim().is_empty()) {
        (Some(id), _) => {
            html! { <p class="field-hint" data-testid="guide-moving-found">{ format!("{} {id}", i::G_MOVING_FOUND.get(lang)) }</p> }
        }
        (None, false) => {
            html! { <p class="field-hint" data-testid="guide-moving-unlisted">{ i::G_MOVING_UNLISTED.get(lang) }</p> }
        }
        (None, true) => html! {},
    };
    html! {
        <div class="field guide-field">
            <label for="guide-moving-from" class="guide-legend">{ i::G_MOVING_FROM.get(lang) }</label>
            <div class="control">
                <input id="guide-moving-from" data-testid="guide-moving-from" type="text" autocomplete="off"
                    list="guide-movers" value={typed} {oninput} aria-describedby="guide-moving-from-hint" />
                <datalist id="guide-movers">
                    { for list.iter().map(|(id, name)| html! { <option value={crate::guide::mover_label(id, name)} /> }) }
                </datalist>
            </div>
            <p class="field-hint" id="guide-moving-from-hint">{ i::G_MOVING_FROM_HINT.get(lang) }</p>
            { state }
        </div>
    }
}

/// A figure the Size step asks, typed as text: kept as typed until it parses.
fn number(lang: Lang, g: &Guide, d: &Dispatch, field: Field) -> Html {
    let (label, unit, hint) = figure_words(field);
    let id = format!("guide-{}", field.id());
    let d = d.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        d.emit(GuideAction::Raw(field, e.target_unchecked_into::<HtmlInputElement>().value()))
    });
    let hint_id = format!("{id}-hint");
    let mut describedby = vec![hint_id.clone()];
    if let Some(e) = described(g, field) {
        describedby.push(e);
    }
    html! {
        <div class={classes!("field", "guide-field", g.error(field).map(|_| "has-error"))}>
            <label for={id.clone()} class="guide-legend">{ label.get(lang) }</label>
            <div class="control guide-number">
                <input id={id.clone()} type="text" inputmode="numeric" autocomplete="off" data-testid={id}
                    value={g.raw(field)} {oninput}
                    aria-invalid={g.error(field).map(|_| "true")}
                    aria-describedby={describedby.join(" ")} />
                <span class="unit">{ unit.get(lang) }</span>
            </div>
            <p class="field-hint" id={hint_id}>{ hint.get(lang) }</p>
            { message(lang, g, field) }
        </div>
    }
}

/// A figure's question, unit and hint (the figures of `SizeFields::figures`).
fn figure_words(field: Field) -> (Words, Words, Words) {
    match field {
        Field::OperatingMonths => (i::G_Q_MONTHS, i::U_MONTHS, i::G_Q_MONTHS_HINT),
        Field::Pharmacists => (i::G_Q_PHARMACISTS, i::U_PERSONS, i::G_Q_PHARMACISTS_HINT),
        Field::Physicians => (i::G_Q_PHYSICIANS, i::U_PERSONS, i::G_Q_PHYSICIANS_HINT),
        Field::Beds => (i::G_Q_BEDS, i::U_BEDS, i::G_Q_BEDS_HINT),
        // Field::InsuranceOfficeStaff, the last figure.
        _ => (i::G_Q_STAFF, i::U_PERSONS, i::G_Q_STAFF_HINT),
    }
}

pub fn size(lang: Lang, g: &Guide, d: &Dispatch, f: SizeFields) -> Html {
    let dept = if f.insurance_dept {
        let choices = [(true, i::YES), (false, i::NO)]
            .into_iter()
            .map(|(v, label)| {
                let d = d.clone();
                Choice {
                    value: v.to_string(),
                    label: label.clone(),
                    hint: None,
                    checked: g.answers.insurance_dept == Some(v),
                    on: Callback::from(move |_| d.emit(GuideAction::InsuranceDept(v))),
                }
            })
            .collect();
        radios(lang, g, Field::InsuranceDept, "insurance_dept", i::G_Q_DEPT, choices)
    } else {
        html! {}
    };
    html! {
        <div class="guide-q" data-testid="guide-q-size">
            <p class="field-hint">{ i::G_SIZE_INTRO.get(lang) }</p>
            { for f.figures().into_iter().map(|field| number(lang, g, d, field)) }
            { dept }
        </div>
    }
}

pub fn special(lang: Lang, g: &Guide, d: &Dispatch, sp: Specials) -> Html {
    let a = &g.answers;
    let key = if sp.key_project {
        let mut choices = vec![{
            let d = d.clone();
            Choice {
                value: "none".into(),
                label: i::G_NONE_OF_THESE.clone(),
                hint: None,
                checked: a.key_project.is_none(),
                on: Callback::from(move |_| d.emit(GuideAction::KeyProject(None))),
            }
        }];
        for k in i::KEY_LEVELS {
            let d = d.clone();
            choices.push(Choice {
                value: i::key_level_id(k).to_string(),
                label: k.label(),
                hint: None,
                checked: a.key_project == Some(k),
                on: Callback::from(move |_| d.emit(GuideAction::KeyProject(Some(k)))),
            });
        }
        radios(lang, g, Field::KeyProject, "key_project", i::G_Q_KEY, choices)
    } else {
        html! {}
    };
    let negative = if sp.negative_list {
        let mut choices = vec![{
            let d = d.clone();
            Choice {
                value: "none".into(),
                label: i::G_NONE_OF_THESE.clone(),
                hint: None,
                checked: a.negative_list.is_none(),
                on: Callback::from(move |_| d.emit(GuideAction::Negative(None))),
            }
        }];
        for r in i::NEGATIVE_REASONS {
            let d = d.clone();
            choices.push(Choice {
                value: i::negative_reason_id(r).to_string(),
                label: r.label(),
                hint: None,
                checked: a.negative_list == Some(r),
                on: Callback::from(move |_| d.emit(GuideAction::Negative(Some(r)))),
            });
        }
        radios(lang, g, Field::NegativeListReason, "negative", i::G_Q_NEGATIVE, choices)
    } else {
        html! {}
    };
    let d1 = d.clone();
    let d2 = d.clone();
    html! {
        <div data-testid="guide-q-special">
            { key }
            { negative }
            if sp.shortage_type || sp.uneven_area {
                <fieldset class="guide-q">
                    <legend class="guide-legend">{ i::G_Q_XIAN.get(lang) }</legend>
                    <div class="choices">
                        if sp.uneven_area {
                            { checkbox("guide-uneven", i::A_UNEVEN.clone(), Some(i::G_UNEVEN_HINT.clone()), a.uneven_area, lang,
                                Callback::from(move |on| d1.emit(GuideAction::Uneven(on)))) }
                        }
                        if sp.shortage_type {
                            { checkbox("guide-shortage", i::A_SHORTAGE.clone(), Some(i::G_SHORTAGE_HINT.clone()), a.shortage_type, lang,
                                Callback::from(move |on| d2.emit(GuideAction::Shortage(on)))) }
                        }
                    </div>
                </fieldset>
            }
        </div>
    }
}
