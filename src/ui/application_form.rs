//! Centre column: the application being judged (choose among several, or start a new one), every
//! field the rules read, and the institutions nearby with their distances.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::i18n::{self as i, bi, bi_t, t};
use super::widgets::{
    checkbox_field, error_line, hint_line, select_field, tristate_field, Hook, NumberField, Opt,
};
use crate::app::state::{Action, State};
use crate::scenario::{Application, Category, Change, Kind, Scope, Specialty, Subtype};
use crate::spatial::haversine_m;
use crate::text::{num, Lang, Text};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<State>,
}

fn json_id<E: serde::Serialize>(e: &E) -> String {
    serde_json::to_value(e)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[function_component(ApplicationForm)]
pub fn application_form(props: &Props) -> Html {
    let s = &*props.state;
    let lang = s.lang;
    let dispatch = props.state.dispatcher();
    let apps = &s.scenario.applications;

    let on_pick = {
        let d = dispatch.clone();
        Callback::from(move |raw: String| {
            if let Ok(idx) = raw.parse::<usize>() {
                d.dispatch(Action::SelectApp(idx))
            }
        })
    };
    let on_new = {
        let d = dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::NewApp))
    };
    let on_remove = {
        let d = dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::RemoveApp))
    };
    let app_label = |a: &Application| match &a.name {
        Some(n) => format!("{} · {}", a.id, n),
        None => format!("{} · {}", a.id, t(lang, &a.kind.label())),
    };
    let picker_id = "application-picker";
    let picker = html! {
        <div class="app-picker">
            <div class="field">
                <label for={picker_id}>{ bi_t(lang, i::APPLICATION_PICK) }</label>
                <div class="control">
                    <select id={picker_id} data-testid="application" ~value={s.selected.to_string()}
                        onchange={Callback::from(move |e: Event| on_pick.emit(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()))}>
                        { for apps.iter().enumerate().map(|(idx, a)| html! {
                            <option value={idx.to_string()} selected={idx == s.selected}>{ app_label(a) }</option>
                        }) }
                    </select>
                </div>
            </div>
            <div class="app-actions">
                <button type="button" class="btn" data-testid="new-application" onclick={on_new}>{ "+ " }{ i::NEW_APPLICATION.get(lang) }</button>
                if apps.len() > 1 {
                    <button type="button" class="btn btn-quiet" data-testid="remove-application" onclick={on_remove}>{ i::REMOVE_APPLICATION.get(lang) }</button>
                }
            </div>
        </div>
    };

    let body = match s.application() {
        Some(app) => form_body(props, app),
        None => html! { <p class="empty">{ i::NO_APPLICATION.get(lang) }</p> },
    };

    html! {
        <section class="panel panel-form" aria-labelledby="form-heading" data-testid="application-form">
            <h2 id="form-heading">{ bi_t(lang, i::FORM_HEADING) }</h2>
            { picker }
            <div class="form-body" key={format!("form-{}", s.rev)}>{ body }</div>
        </section>
    }
}

fn form_body(props: &Props, app: &Application) -> Html {
    let s = &*props.state;
    let lang = s.lang;
    let dispatch = props.state.dispatcher();
    let set = |field: &'static str| {
        let d = dispatch.clone();
        Callback::from(move |raw: String| d.dispatch(Action::SetApp(field, raw)))
    };
    let err = |field: &str| s.error(&format!("app:{field}"));
    let sel =
        |field: &'static str, label: Text, options: Vec<Opt>, value: &str, hint: Option<&Text>| {
            select_field(
                lang,
                Hook::Field(field),
                &label,
                options,
                value,
                hint,
                err(field),
                set(field),
            )
        };
    let count = |field: &'static str, label: i::Words, unit: i::Words, value: Option<u64>| {
        let mut f = NumberField::new(
            lang,
            Hook::Field(field),
            label.clone(),
            value.map(|v| v.to_string()).unwrap_or_default(),
            set(field),
        );
        f.unit = unit.clone();
        f.min = Some("0".into());
        f.step = Some("1".into());
        f.error = err(field);
        f.compact = true;
        f.render()
    };
    let tri = |field: &'static str, label: i::Words, value: Option<bool>| {
        tristate_field(
            lang,
            Hook::Field(field),
            label,
            value,
            err(field),
            set(field),
        )
    };

    // Name
    let name_id = Hook::Field("name").dom_id();
    let name_set = set("name");
    let name = html! {
        <div class="field field-wide">
            <label for={name_id.clone()}>{ bi_t(lang, i::A_NAME) }</label>
            <div class="control">
                <input id={name_id} type="text" data-field="name" value={app.name.clone().unwrap_or_default()}
                    onchange={Callback::from(move |e: Event| name_set.emit(e.target_unchecked_into::<HtmlInputElement>().value()))} />
            </div>
        </div>
    };

    let kind = sel(
        "kind",
        i::A_KIND.clone(),
        Kind::ALL
            .iter()
            .map(|k| Opt::new(k.id(), k.label()))
            .collect(),
        app.kind.id(),
        None,
    );

    let kind_specific = match app.kind {
        Kind::Pharmacy => {
            let cats = app.categories();
            html! {
                <fieldset class="field field-wide checks" data-testid="category">
                    <legend>{ bi_t(lang, i::A_CATEGORY) }</legend>
                    <div class="check-row">
                        { for Category::ALL.iter().map(|c| {
                            let c = *c;
                            let d = dispatch.clone();
                            let dom_id = format!("field-category-{}", c.id());
                            let onchange = Callback::from(move |e: Event| {
                                d.dispatch(Action::ToggleCategory(c, e.target_unchecked_into::<HtmlInputElement>().checked()))
                            });
                            html! {
                                <div class="check" key={format!("{}-{}", c.id(), s.rev)}>
                                    <input id={dom_id.clone()} type="checkbox" data-field="category" value={c.id()}
                                        checked={cats.contains(c)} {onchange} />
                                    <label for={dom_id}>{ bi(lang, &c.label()) }</label>
                                </div>
                            }
                        }) }
                    </div>
                    { error_line(lang, &Hook::Field("category"), err("category")) }
                </fieldset>
            }
        }
        Kind::InpatientSpecialty => {
            let mut options = vec![Opt::new("", i::NOT_STATED.clone())];
            options.extend(
                Specialty::ALL
                    .iter()
                    .map(|sp| Opt::new(json_id(sp), sp.label())),
            );
            sel(
                "specialty",
                i::A_SPECIALTY.clone(),
                options,
                &app.specialty.map(|x| json_id(&x)).unwrap_or_default(),
                None,
            )
        }
        Kind::PrimaryCare => {
            let mut options = vec![Opt::new("", i::NOT_STATED.clone())];
            options.extend(
                Subtype::ALL
                    .iter()
                    .map(|st| Opt::new(json_id(st), st.label())),
            );
            let integrated_set = set("integrated");
            html! {
                <>
                    { sel("subtype", i::A_SUBTYPE.clone(), options, &app.subtype.map(|x| json_id(&x)).unwrap_or_default(), None) }
                    { checkbox_field(lang, Hook::Field("integrated"), i::A_INTEGRATED, app.integrated == Some(true), err("integrated"),
                        Callback::from(move |on: bool| integrated_set.emit(on.to_string()))) }
                </>
            }
        }
        _ => html! {},
    };

    let change = sel(
        "change",
        i::A_CHANGE.clone(),
        i::CHANGES
            .iter()
            .map(|c| Opt::new(i::change_id(*c), i::change_label(*c)))
            .collect(),
        i::change_id(app.change),
        None,
    );
    let scope = sel(
        "scope",
        i::A_SCOPE.clone(),
        i::SCOPES
            .iter()
            .map(|sc| {
                let mut o = Opt::new(i::scope_id(*sc), i::scope_label(*sc));
                o.disabled = *sc == Scope::PersonalAccountOnly && app.kind != Kind::Outpatient;
                o
            })
            .collect(),
        i::scope_id(app.scope),
        None,
    );
    let needs_institution = app.change == Change::AddressChange || app.scope == Scope::MedicalAid;
    let institution = if needs_institution {
        let mut designated: Vec<(f64, &crate::scenario::Institution)> = s
            .scenario
            .institutions
            .iter()
            .filter(|x| x.designated)
            .map(|x| (haversine_m(app.lon, app.lat, x.lon, x.lat), x))
            .collect();
        designated.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut options = vec![Opt::new("", i::NONE.clone())];
        options.extend(designated.iter().map(|(_, x)| {
            let k = x.kind.label();
            let name = x.name.clone().unwrap_or_default();
            Opt::new(
                x.id.clone(),
                Text::new(
                    format!("{} {}（{}）", x.id, name, k.zh),
                    format!("{} {} ({})", x.id, name, k.en),
                ),
            )
        }));
        let hint = i::A_INSTITUTION_HINT.clone();
        sel(
            "institution_id",
            i::A_INSTITUTION.clone(),
            options,
            app.institution_id.as_deref().unwrap_or(""),
            Some(&hint),
        )
    } else {
        html! {}
    };
    let key_project = {
        let mut options = vec![Opt::new("", i::NONE.clone())];
        options.extend(
            i::KEY_LEVELS
                .iter()
                .map(|k| Opt::new(i::key_level_id(*k), k.label())),
        );
        sel(
            "key_project",
            i::A_KEY_PROJECT.clone(),
            options,
            app.key_level().map(i::key_level_id).unwrap_or(""),
            None,
        )
    };
    let county = {
        let mut options = vec![Opt::new("", i::NOT_STATED.clone())];
        options.extend(
            s.scenario
                .counties
                .iter()
                .map(|c| Opt::new(c.id.clone(), Text::new(c.name.clone(), c.id.clone()))),
        );
        sel(
            "county",
            i::A_COUNTY.clone(),
            options,
            app.county.as_deref().unwrap_or(""),
            None,
        )
    };

    let coord = |field: &'static str, label: i::Words, value: f64, min: &str, max: &str| {
        let mut f = NumberField::new(
            lang,
            Hook::Field(field),
            label.clone(),
            num(value, 6),
            set(field),
        );
        f.unit = Text::new("°", "°");
        f.step = Some("0.000001".into());
        f.min = Some(min.into());
        f.max = Some(max.into());
        f.placeholder = Some(String::new());
        f.error = err(field);
        f.render()
    };
    let operating = {
        let mut f = NumberField::new(
            lang,
            Hook::Field("operating_months"),
            i::A_OPERATING.clone(),
            app.operating_months.map(|x| num(x, 3)).unwrap_or_default(),
            set("operating_months"),
        );
        f.unit = i::U_MONTHS.clone();
        f.min = Some("0".into());
        f.step = Some("1".into());
        f.error = err("operating_months");
        f.compact = true;
        f.render()
    };
    let negative = {
        let mut options = vec![Opt::new("", i::NONE.clone())];
        options.extend(
            i::NEGATIVE_REASONS
                .iter()
                .map(|r| Opt::new(i::negative_reason_id(*r), r.label())),
        );
        let reason = app
            .negative_list
            .as_ref()
            .map(|n| i::negative_reason_id(n.reason))
            .unwrap_or("");
        let since = match &app.negative_list {
            Some(n) => {
                let hook = Hook::Field("negative_list_since");
                let dom_id = hook.dom_id();
                let since_set = set("negative_list_since");
                html! {
                    <div class={classes!("field", err("negative_list_since").map(|_| "has-error"))}>
                        <label for={dom_id.clone()}>{ bi_t(lang, i::A_NEGATIVE_SINCE) }</label>
                        <div class="control">
                            <input id={dom_id} type="date" data-field="negative_list_since" value={n.since.clone()}
                                onchange={Callback::from(move |e: Event| since_set.emit(e.target_unchecked_into::<HtmlInputElement>().value()))} />
                        </div>
                        { error_line(lang, &hook, err("negative_list_since")) }
                    </div>
                }
            }
            None => html! {},
        };
        html! {
            <>
                { sel("negative_list", i::A_NEGATIVE.clone(), options, reason, None) }
                { since }
            </>
        }
    };

    html! {
        <>
            <fieldset class="group">
                <legend>{ bi_t(lang, i::A_GROUP_BASIC) }</legend>
                <div class="field-grid">
                    { name }
                    { kind }
                    { kind_specific }
                    { change }
                    { institution }
                    { scope }
                    { key_project }
                    { county }
                </div>
            </fieldset>
            <fieldset class="group">
                <legend>{ bi_t(lang, i::A_LOCATION) }</legend>
                <div class="field-grid">
                    { coord("lon", i::A_LON, app.lon, "-180", "180") }
                    { coord("lat", i::A_LAT, app.lat, "-90", "90") }
                </div>
                { hint_line(lang, Some(i::A_LOCATION_HINT)) }
                { nearby(s, app, lang) }
            </fieldset>
            <fieldset class="group">
                <legend>{ bi_t(lang, i::A_GROUP_CONDITIONS) }</legend>
                <p class="field-hint">{ i::NOT_STATED_HINT.get(lang) }</p>
                <div class="field-grid">
                    { operating }
                    { count("physicians", i::A_PHYSICIANS, i::U_PERSONS, app.physicians) }
                    { count("pharmacists", i::A_PHARMACISTS, i::U_PERSONS, app.pharmacists) }
                    { count("beds", i::A_BEDS, i::U_BEDS, app.beds) }
                    { count("insurance_office_staff", i::A_STAFF, i::U_PERSONS, app.insurance_office_staff) }
                    { tri("insurance_dept", i::A_DEPT, app.insurance_dept) }
                    { negative }
                </div>
            </fieldset>
            <fieldset class="group">
                <legend>{ bi_t(lang, i::A_GROUP_XIAN) }</legend>
                <div class="field-grid">
                    { tri("shortage_type", i::A_SHORTAGE, app.shortage_type) }
                    { tri("uneven_area", i::A_UNEVEN, app.uneven_area) }
                </div>
            </fieldset>
        </>
    }
}

/// The closest institutions with their distances, so the proximity rules can be followed.
fn nearby(s: &State, app: &Application, lang: Lang) -> Html {
    let radius = s.policy.params.service_radius_m;
    let mut list: Vec<(f64, &crate::scenario::Institution)> = s
        .scenario
        .institutions
        .iter()
        .map(|x| (haversine_m(app.lon, app.lat, x.lon, x.lat), x))
        .collect();
    list.sort_by(|a, b| a.0.total_cmp(&b.0));
    list.truncate(8);
    let radius_text = format!("{} {}", num(radius, 0), i::METRES.get(lang));
    html! {
        <div class="nearby">
            <h3>{ bi_t(lang, i::NEARBY_HEADING) }<span class="nearby-radius">{ format!(" · r = {radius_text}") }</span></h3>
            <p class="field-hint">{ i::NEARBY_INTRO.get(lang) }</p>
            <ol class="nearby-list" data-testid="nearby">
                { for list.iter().map(|(d, x)| {
                    let within = *d <= radius;
                    let same_kind = x.kind == app.kind
                        && (x.kind != Kind::Pharmacy || x.categories().intersects(app.categories()));
                    let what = match x.kind {
                        Kind::Pharmacy => format!("{} · {}", t(lang, &x.kind.label()), t(lang, &x.categories().label())),
                        Kind::InpatientSpecialty => match x.specialty {
                            Some(sp) => format!("{} · {}", t(lang, &x.kind.label()), t(lang, &sp.label())),
                            None => t(lang, &x.kind.label()),
                        },
                        Kind::PrimaryCare => match x.subtype {
                            Some(st) => t(lang, &st.label()),
                            None => t(lang, &x.kind.label()),
                        },
                        _ => t(lang, &x.kind.label()),
                    };
                    html! {
                        <li class={classes!(within.then_some("is-within"), (within && same_kind && x.designated).then_some("is-hit"), (!x.designated).then_some("is-undesignated"))}
                            data-institution={x.id.clone()} data-distance-m={num(*d, 1)} data-within={within.to_string()}>
                            <span class="mark" aria-hidden="true">{ if within { "●" } else { "○" } }</span>
                            <span class="nearby-name">
                                <strong>{ x.name.clone().unwrap_or_else(|| x.id.clone()) }</strong>
                                <span class="nearby-what">{ what }</span>
                                <span class="nearby-tags">
                                    <span class={classes!("tag", if x.designated { "tag-designated" } else { "tag-plain" })}>
                                        { if x.designated { i::DESIGNATED } else { i::NOT_DESIGNATED }.get(lang) }
                                    </span>
                                    if same_kind {
                                        <span class="tag tag-same">{ i::SAME_TYPE.get(lang) }</span>
                                    }
                                    <span class="visually-hidden">{ if within { i::WITHIN } else { i::OUTSIDE }.get(lang) }</span>
                                </span>
                            </span>
                            <span class="nearby-distance">{ format!("{} {}", num(*d, 1), i::METRES.get(lang)) }</span>
                        </li>
                    }
                }) }
            </ol>
        </div>
    }
}
