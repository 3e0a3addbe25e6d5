//! Centre column: the application being judged (choose among several, or start a new one), every
//! field the rules read, and the institutions nearby with their distances.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::i18n::{self as i, bi, bi_t, t};
use super::widgets::{checkbox_field, error_line, hint_line, select_field, tristate_field, Hook, NumberField, Opt};
use crate::app::state::{ErrorKey, Shared, State};
use crate::scenario::{
    field_range, scope_fits_kind, Application, Category, Change, Field, Kind, Scenario, Scope, Specialty, Subtype,
};
use crate::spatial::haversine_m;
use crate::text::{num, Lang, Text};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// Bumped when the inputs must be re-created from the data (another application, a reset).
    pub rev: String,
    /// The applications, the counties they may lie in and the institutions around them.
    pub scenario: Shared<Scenario>,
    /// Index into the scenario's applications.
    pub selected: usize,
    /// The messages of the selected application's fields (`field_errors`).
    pub errors: Vec<(Field, Text)>,
    pub on_pick: Callback<usize>,
    pub on_new: Callback<()>,
    pub on_remove: Callback<()>,
    /// A field typed or chosen: the field and the raw input.
    pub on_field: Callback<(Field, String)>,
    /// A pharmacy category ticked (true) or cleared.
    pub on_category: Callback<(Category, bool)>,
}

/// The service radius in force, by which the nearest institutions are marked within it or not: a
/// context the page provides, so that a radius step renders those rows again, not the form.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ServiceRadius(pub f64);

/// The messages of the application's fields in `state`.
pub fn field_errors(s: &State) -> Vec<(Field, Text)> {
    s.errors
        .iter()
        .filter_map(|(k, t)| match k {
            ErrorKey::App(f) => Some((*f, t.clone())),
            _ => None,
        })
        .collect()
}

impl Props {
    fn error(&self, f: Field) -> Option<&Text> {
        self.errors.iter().find(|(k, _)| *k == f).map(|(_, t)| t)
    }
}

/// The input's name in the page (`data-field`, `field-<name>`): the contract's field id, but the
/// negative-list reason's select is `negative_list`.
fn dom_name(f: Field) -> &'static str {
    match f {
        Field::NegativeListReason => "negative_list",
        f => f.id(),
    }
}

fn json_id<E: serde::Serialize>(e: &E) -> String {
    serde_json::to_value(e).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

#[function_component(ApplicationForm)]
pub fn application_form(props: &Props) -> Html {
    let lang = props.lang;
    let apps = &props.scenario.applications;
    let selected = props.selected;

    let on_pick = props.on_pick.clone();
    let on_new = props.on_new.reform(|_: MouseEvent| ());
    let on_remove = props.on_remove.reform(|_: MouseEvent| ());
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
                    <select id={picker_id} data-testid="application" ~value={selected.to_string()}
                        onchange={Callback::from(move |e: Event| {
                            if let Ok(idx) = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value().parse() {
                                on_pick.emit(idx)
                            }
                        })}>
                        { for apps.iter().enumerate().map(|(idx, a)| html! {
                            <option value={idx.to_string()} selected={idx == selected}>{ app_label(a) }</option>
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

    let body = match apps.get(selected) {
        Some(app) => form_body(props, app),
        None => html! { <p class="empty">{ i::NO_APPLICATION.get(lang) }</p> },
    };

    html! {
        <section class="panel panel-form" aria-labelledby="form-heading" data-testid="application-form">
            <h2 id="form-heading">{ bi_t(lang, i::FORM_HEADING) }</h2>
            { picker }
            <div class="form-body" key={format!("form-{}", props.rev)}>{ body }</div>
        </section>
    }
}

fn form_body(props: &Props, app: &Application) -> Html {
    let lang = props.lang;
    let rev = &props.rev;
    let sc = &*props.scenario;
    let set = |field: Field| props.on_field.reform(move |raw: String| (field, raw));
    let err = |field: Field| props.error(field);
    let hook = |field: Field| Hook::Field(dom_name(field));
    let sel = |field: Field, label: Text, options: Vec<Opt>, value: &str, hint: Option<&Text>| {
        select_field(lang, hook(field), &label, options, value, hint, err(field), set(field))
    };
    let count = |field: Field, label: i::Words, unit: i::Words, value: Option<u64>| {
        let mut f = NumberField::new(
            lang,
            hook(field),
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
    let tri = |field: Field, label: i::Words, value: Option<bool>| {
        tristate_field(lang, hook(field), &label.clone(), value, err(field), set(field))
    };

    // Name
    let name_id = hook(Field::Name).dom_id();
    let name_set = set(Field::Name);
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
        Field::Kind,
        i::A_KIND.clone(),
        Kind::ALL.iter().map(|k| Opt::new(k.id(), k.label())).collect(),
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
                            let dom_id = format!("field-category-{}", c.id());
                            let onchange = props.on_category.reform(move |e: Event| {
                                (c, e.target_unchecked_into::<HtmlInputElement>().checked())
                            });
                            html! {
                                <div class="check" key={format!("{}-{}", c.id(), rev)}>
                                    <input id={dom_id.clone()} type="checkbox" data-field="category" value={c.id()}
                                        checked={cats.contains(c)} {onchange} />
                                    <label for={dom_id}>{ bi(lang, &c.label()) }</label>
                                </div>
                            }
                        }) }
                    </div>
                    { error_line(lang, &hook(Field::Category), err(Field::Category)) }
                </fieldset>
            }
        }
        Kind::InpatientSpecialty => {
            let mut options = vec![Opt::new("", i::NOT_STATED.clone())];
            options.extend(Specialty::ALL.iter().map(|sp| Opt::new(json_id(sp), sp.label())));
            sel(
                Field::Specialty,
                i::A_SPECIALTY.clone(),
                options,
                &app.specialty.map(|x| json_id(&x)).unwrap_or_default(),
                None,
            )
        }
        Kind::PrimaryCare => {
            let mut options = vec![Opt::new("", i::NOT_STATED.clone())];
            options.extend(Subtype::ALL.iter().map(|st| Opt::new(json_id(st), st.label())));
            let integrated_set = set(Field::Integrated);
            html! {
                <>
                    { sel(Field::Subtype, i::A_SUBTYPE.clone(), options, &app.subtype.map(|x| json_id(&x)).unwrap_or_default(), None) }
                    { checkbox_field(lang, hook(Field::Integrated), &i::A_INTEGRATED.clone(), app.integrated == Some(true), err(Field::Integrated),
                        Callback::from(move |on: bool| integrated_set.emit(on.to_string()))) }
                </>
            }
        }
        _ => html! {},
    };

    let change = sel(
        Field::Change,
        i::A_CHANGE.clone(),
        i::CHANGES.iter().map(|c| Opt::new(i::change_id(*c), i::change_label(*c))).collect(),
        i::change_id(app.change),
        None,
    );
    let scope = sel(
        Field::Scope,
        i::A_SCOPE.clone(),
        i::SCOPES
            .iter()
            .map(|sc| {
                let mut o = Opt::new(i::scope_id(*sc), i::scope_label(*sc));
                // What the validation would refuse is not offered.
                o.disabled = scope_fits_kind(*sc, app.kind).is_err();
                o
            })
            .collect(),
        i::scope_id(app.scope),
        None,
    );
    let needs_institution = app.change == Change::AddressChange || app.scope == Scope::MedicalAid;
    let institution = if needs_institution {
        let mut designated: Vec<(f64, &crate::scenario::Institution)> = sc
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
                Text::new(format!("{} {}（{}）", x.id, name, k.zh), format!("{} {} ({})", x.id, name, k.en)),
            )
        }));
        let hint = i::A_INSTITUTION_HINT.clone();
        sel(
            Field::InstitutionId,
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
        options.extend(i::KEY_LEVELS.iter().map(|k| Opt::new(i::key_level_id(*k), k.label())));
        sel(
            Field::KeyProject,
            i::A_KEY_PROJECT.clone(),
            options,
            app.key_level().map(i::key_level_id).unwrap_or(""),
            None,
        )
    };
    let county = {
        let mut options = vec![Opt::new("", i::NOT_STATED.clone())];
        options.extend(sc.counties.iter().map(|c| {
            Opt::new(
                c.id.clone(),
                Text::new(c.name.clone(), crate::place_names::county_label(Lang::En, &c.name).into_owned()),
            )
        }));
        sel(Field::County, i::A_COUNTY.clone(), options, app.county.as_deref().unwrap_or(""), None)
    };

    // The input's bounds are the validation's range.
    let coord = |field: Field, label: i::Words, value: f64| {
        let mut f = NumberField::new(lang, hook(field), label.clone(), num(value, 6), set(field));
        f.unit = Text::new("°", "°");
        f.step = Some("0.000001".into());
        f.min = field_range(field).map(|r| r.min_attr());
        f.max = field_range(field).map(|r| r.max_attr());
        f.placeholder = Some(String::new());
        f.error = err(field);
        f.render()
    };
    let operating = {
        let mut f = NumberField::new(
            lang,
            hook(Field::OperatingMonths),
            i::A_OPERATING.clone(),
            app.operating_months.map(|x| num(x, 3)).unwrap_or_default(),
            set(Field::OperatingMonths),
        );
        f.unit = i::U_MONTHS.clone();
        f.min = field_range(Field::OperatingMonths).map(|r| r.min_attr());
        f.step = Some("1".into());
        f.error = err(Field::OperatingMonths);
        f.compact = true;
        f.render()
    };
    let negative = {
        let mut options = vec![Opt::new("", i::NONE.clone())];
        options.extend(i::NEGATIVE_REASONS.iter().map(|r| Opt::new(i::negative_reason_id(*r), r.label())));
        let reason = app.negative_list.as_ref().map(|n| i::negative_reason_id(n.reason)).unwrap_or("");
        let since = match &app.negative_list {
            Some(n) => {
                let since_hook = hook(Field::NegativeListSince);
                let dom_id = since_hook.dom_id();
                let since_set = set(Field::NegativeListSince);
                html! {
                    <div class={classes!("field", err(Field::NegativeListSince).map(|_| "has-error"))}>
                        <label for={dom_id.clone()}>{ bi_t(lang, i::A_NEGATIVE_SINCE) }</label>
                        <div class="control">
                            <input id={dom_id} type="date" data-field="negative_list_since" value={n.since.clone()}
                                onchange={Callback::from(move |e: Event| since_set.emit(e.target_unchecked_into::<HtmlInputElement>().value()))} />
                        </div>
                        { error_line(lang, &since_hook, err(Field::NegativeListSince)) }
                    </div>
                }
            }
            None => html! {},
        };
        html! {
            <>
                { sel(Field::NegativeListReason, i::A_NEGATIVE.clone(), options, reason, None) }
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
                    { coord(Field::Lon, i::A_LON, app.lon) }
                    { coord(Field::Lat, i::A_LAT, app.lat) }
                </div>
                { hint_line(lang, Some(&i::A_LOCATION_HINT.clone())) }
                <Nearby {lang} scenario={props.scenario.clone()} app={app.clone()} />
            </fieldset>
            <fieldset class="group">
                <legend>{ bi_t(lang, i::A_GROUP_CONDITIONS) }</legend>
                <p class="field-hint">{ i::NOT_STATED_HINT.get(lang) }</p>
                <div class="field-grid">
                    { operating }
                    { count(Field::Physicians, i::A_PHYSICIANS, i::U_PERSONS, app.physicians) }
                    { count(Field::Pharmacists, i::A_PHARMACISTS, i::U_PERSONS, app.pharmacists) }
                    { count(Field::Beds, i::A_BEDS, i::U_BEDS, app.beds) }
                    { count(Field::InsuranceOfficeStaff, i::A_STAFF, i::U_PERSONS, app.insurance_office_staff) }
                    { tri(Field::InsuranceDept, i::A_DEPT, app.insurance_dept) }
                    { negative }
                </div>
            </fieldset>
            <fieldset class="group">
                <legend>{ bi_t(lang, i::A_GROUP_XIAN) }</legend>
                <div class="field-grid">
                    { tri(Field::ShortageType, i::A_SHORTAGE, app.shortage_type) }
                    { tri(Field::UnevenArea, i::A_UNEVEN, app.uneven_area) }
                </div>
            </fieldset>
        </>
    }
}

/// The closest institutions with their distances, so the proximity rules can be followed.
#[derive(Properties, PartialEq)]
struct NearbyProps {
    lang: Lang,
    scenario: Shared<Scenario>,
    app: Application,
}

/// Its own component, the distances kept while the data and the place stay: a radius step
/// re-marks eight rows instead of measuring to every institution of the city again.
#[function_component(Nearby)]
fn nearby_component(props: &NearbyProps) -> Html {
    let (app, lang) = (&props.app, props.lang);
    let list = use_memo((props.scenario.clone(), app.lon, app.lat), |(sc, lon, lat)| {
        let mut list: Vec<(f64, usize)> =
            sc.institutions.iter().enumerate().map(|(k, x)| (haversine_m(*lon, *lat, x.lon, x.lat), k)).collect();
        let by_distance = |a: &(f64, usize), b: &(f64, usize)| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1));
        if list.len() > 8 {
            list.select_nth_unstable_by(7, by_distance);
            list.truncate(8);
        }
        list.sort_by(by_distance);
        list
    });
    let sc = &*props.scenario;
    let list: Vec<(f64, &crate::scenario::Institution)> = list.iter().map(|&(d, k)| (d, &sc.institutions[k])).collect();
    let radius = use_context::<ServiceRadius>().map_or(0.0, |r| r.0);
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
