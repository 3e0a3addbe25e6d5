//! Left column, below the parameters: last year's city and county figures, editable, each field
//! checked on its own (an invalid value is refused with a message and not applied).

use yew::prelude::*;

use super::i18n::{self as i, bi_t, Words};
use super::widgets::{tristate_field, Hook, NumberField};
use crate::app::state::{ErrorKey, State};
use crate::scenario::{data_range, City, County, DataField, Discharges};
use crate::text::{num, Lang, Text};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// What the panel shows: it is rendered again only when this changed (not on a parameter
    /// change or a map click), which keeps a slider drag on a city of many counties light.
    pub snap: DataSnap,
    /// A city figure typed: the field and the raw input.
    pub on_city: Callback<(DataField, String)>,
    /// A county figure typed: the county's index, the field and the raw input.
    pub on_county: Callback<(usize, DataField, String)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DataSnap {
    lang: Lang,
    rev: String,
    city: City,
    counties: Vec<County>,
    errors: Vec<(ErrorKey, Text)>,
}

impl DataSnap {
    pub fn of(s: &State) -> DataSnap {
        DataSnap {
            lang: s.lang,
            rev: s.data_inputs_rev(),
            city: s.scenario.city.clone(),
            counties: s.scenario.counties.clone(),
            errors: s
                .errors
                .iter()
                .filter(|(k, _)| matches!(k, ErrorKey::City(_) | ErrorKey::County(..)))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        }
    }

    fn error(&self, key: &ErrorKey) -> Option<Text> {
        self.errors.iter().find(|(k, _)| k == key).map(|(_, t)| t.clone())
    }
}

fn opt_u(v: Option<u64>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

fn opt_f(v: Option<f64>) -> String {
    v.map(|x| num(x, 6)).unwrap_or_default()
}

/// The bed inputs the city and a county share, in the order of the annex.
struct BedValues {
    resident_population: Option<u64>,
    open_beds: Option<u64>,
    insured: Option<u64>,
    admissions: Option<u64>,
    avg_stay_days: Option<f64>,
    bed_utilisation: Option<f64>,
    discharges: Option<Discharges>,
}

fn bed_fields(
    lang: Lang,
    v: &BedValues,
    hook: &dyn Fn(DataField) -> Hook,
    error: &dyn Fn(DataField) -> Option<Text>,
    set: &dyn Fn(DataField) -> Callback<String>,
) -> Html {
    let count = |field: DataField, label: Words, unit: Words, value: Option<u64>| -> Html {
        let h = hook(field);
        let err = error(field);
        let mut f = NumberField::new(lang, h, label.clone(), opt_u(value), set(field));
        f.unit = unit.clone();
        f.min = Some("0".into());
        f.step = Some("1".into());
        f.error = err.as_ref();
        f.compact = true;
        f.placeholder = Some(i::DATA_BLANK.get(lang).to_string());
        f.render()
    };
    // The input's bounds are the validation's range.
    let real = |field: DataField, label: Words, unit: Words, value: Option<f64>, step: &str| -> Html {
        let h = hook(field);
        let err = error(field);
        let mut f = NumberField::new(lang, h, label.clone(), opt_f(value), set(field));
        f.unit = unit.clone();
        f.step = Some(step.into());
        f.min = data_range(field).map(|r| r.min_attr());
        f.max = data_range(field).map(|r| r.max_attr());
        f.error = err.as_ref();
        f.compact = true;
        f.placeholder = Some(i::DATA_BLANK.get(lang).to_string());
        f.render()
    };
    let d = v.discharges;
    html! {
        <>
            <div class="field-grid">
                { count(DataField::ResidentPopulation, i::F_RESIDENT_POPULATION, i::U_PERSONS, v.resident_population) }
                { count(DataField::OpenBeds, i::F_OPEN_BEDS, i::U_BEDS, v.open_beds) }
                { count(DataField::Insured, i::F_INSURED, i::U_PERSONS, v.insured) }
                { count(DataField::Admissions, i::F_ADMISSIONS, i::U_TIMES, v.admissions) }
                { real(DataField::AvgStayDays, i::F_AVG_STAY, i::U_DAYS, v.avg_stay_days, "0.1") }
                { real(DataField::BedUtilisation, i::F_UTILISATION, i::U_FRACTION, v.bed_utilisation, "0.01") }
            </div>
            <fieldset class="subgroup">
                <legend>{ bi_t(lang, i::F_DISCHARGES) }</legend>
                <div class="field-grid">
                    { count(DataField::DischargesLocalLocal, i::F_LOCAL_LOCAL, i::U_TIMES, d.map(|d| d.local_local)) }
                    { count(DataField::DischargesLocalElsewhere, i::F_LOCAL_ELSEWHERE, i::U_TIMES, d.map(|d| d.local_elsewhere)) }
                    { count(DataField::DischargesNonlocalLocal, i::F_NONLOCAL_LOCAL, i::U_TIMES, d.map(|d| d.nonlocal_local)) }
                </div>
                <p class="field-hint">{ i::DISCHARGES_HINT.get(lang) }</p>
            </fieldset>
        </>
    }
}

#[function_component(DataPanel)]
pub fn data_panel(props: &Props) -> Html {
    let snap = &props.snap;
    let lang = snap.lang;
    let city = &snap.city;

    let city_values = BedValues {
        resident_population: city.resident_population,
        open_beds: city.open_beds,
        insured: city.insured,
        admissions: city.admissions,
        avg_stay_days: city.avg_stay_days,
        bed_utilisation: city.bed_utilisation,
        discharges: city.discharges,
    };
    let city_hook = |f: DataField| Hook::City(f.path());
    let city_err = |f: DataField| snap.error(&ErrorKey::City(f));
    let city_set = |f: DataField| props.on_city.reform(move |raw: String| (f, raw));
    let fund = city.fund.unwrap_or_default();
    let fund_months = |field: DataField, label: Words, value: Option<f64>| -> Html {
        let e = city_err(field);
        let mut f = NumberField::new(lang, city_hook(field), label.clone(), opt_f(value), city_set(field));
        f.unit = i::U_MONTHS.clone();
        f.step = Some("0.1".into());
        f.min = data_range(field).map(|r| r.min_attr());
        f.max = data_range(field).map(|r| r.max_attr());
        f.error = e.as_ref();
        f.compact = true;
        f.placeholder = Some(i::DATA_BLANK.get(lang).to_string());
        f.render()
    };
    let fund_flag = |field: DataField, label: Words, value: Option<bool>| -> Html {
        let e = city_err(field);
        tristate_field(lang, city_hook(field), &label.clone(), value, e.as_ref(), city_set(field))
    };

    html! {
        <section class="panel panel-data" aria-labelledby="data-heading" data-testid="data" key={format!("data-{}", snap.rev)}>
            <h2 id="data-heading">{ bi_t(lang, i::DATA_HEADING) }</h2>
            <p class="panel-intro">{ i::DATA_INTRO.get(lang) }</p>
            <details class="group" open=true data-testid="city-data">
                <summary>{ bi_t(lang, i::CITY) }<span class="summary-name">{ city.name.clone() }</span></summary>
                { bed_fields(lang, &city_values, &city_hook, &city_err, &city_set) }
                <fieldset class="subgroup">
                    <legend>{ bi_t(lang, i::F_FUND) }</legend>
                    <div class="field-grid">
                        { fund_months(DataField::FundEmployeeMonths, i::F_EMPLOYEE_MONTHS, fund.employee_months) }
                        { fund_months(DataField::FundResidentMonths, i::F_RESIDENT_MONTHS, fund.resident_months) }
                        { fund_flag(DataField::FundEmployeeDeficit, i::F_EMPLOYEE_DEFICIT, fund.employee_deficit) }
                        { fund_flag(DataField::FundResidentDeficit, i::F_RESIDENT_DEFICIT, fund.resident_deficit) }
                        { fund_flag(DataField::FundWarningLetter, i::F_WARNING_LETTER, fund.warning_letter) }
                    </div>
                </fieldset>
            </details>
            { for snap.counties.iter().enumerate().map(|(idx, c)| {
                let values = BedValues {
                    resident_population: c.resident_population,
                    open_beds: c.open_beds,
                    insured: c.insured,
                    admissions: c.admissions,
                    avg_stay_days: c.avg_stay_days,
                    bed_utilisation: c.bed_utilisation,
                    discharges: c.discharges,
                };
                let cid = c.id.clone();
                let hook = move |f: DataField| Hook::County(cid.clone(), f.path());
                let err = |f: DataField| snap.error(&ErrorKey::County(c.id.clone(), f));
                let set = |f: DataField| props.on_county.reform(move |raw: String| (idx, f, raw));
                // Folded: a city of twelve counties would fill its task; the city's own stays open.
                html! {
                    <details class="group" key={c.id.clone()} data-testid={format!("county-data-{}", c.id)}>
                        <summary><span class="main">{ crate::place_names::county_label(lang, &c.name).into_owned() }</span><span class="sub">{ c.id.clone() }</span></summary>
                        { bed_fields(lang, &values, &hook, &err, &set) }
                    </details>
                }
            }) }
        </section>
    }
}
