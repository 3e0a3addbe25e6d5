//! What a parameter group's inputs are compared with, shown beside them in the params panel: the
//! city's fund months beside the fund thresholds, and beside the bed target the city's measured
//! and actual beds per 1,000 and each county's measured value. Read from the evaluation the
//! panel's answer comes from, so the two never disagree.

mod i {
    pub use crate::app::i18n::nav::*;
}
use super::figures::fmt;
use super::state::State;
use crate::place_names::county_label;
use crate::text::{Lang, Text, Words};

/// A figure beside an input: what it is, its value in words and where it stands against the
/// input's value (`Some(true)`: below it); `None` when the data lacks it.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub key: String,
    pub label: Text,
    pub value: Option<String>,
    pub below: Option<bool>,
}

/// Both groups' figures, in the language of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Beside {
    /// The city's employee and resident fund months, against their minimum months.
    pub fund: Vec<Figure>,
    /// The city's measured, actual and target beds per 1,000.
    pub beds: Vec<Figure>,
    /// Each county's measured value, against the target.
    pub counties: Vec<Figure>,
}

impl Beside {
    pub fn of(s: &State) -> Beside {
        let p = &s.policy.params;
        let f = &s.evaluation.figures;
        let fund = s.scenario.city.fund.unwrap_or_default();
        let months = |label: Words, m: Option<f64>, min: f64| Figure {
            key: String::new(),
            label: label.clone(),
            value: m.map(|m| format!("{} {}", fmt(m, 2), i::BESIDE_MONTHS.get(s.lang))),
            below: m.map(|m| m < min),
        };
        let target = f.target_beds_per_1000;
        let per_1000 = |x: Option<f64>, d: usize| x.map(|x| fmt(x, d));
        let bed = |key: &str, label: Words, x: Option<f64>, d: usize, compared: bool| Figure {
            key: key.to_string(),
            label: label.clone(),
            value: per_1000(x, d),
            below: if compared { x.map(|x| x < target) } else { None },
        };
        let county_name = |id: &str| {
            let name = s.scenario.counties.iter().find(|c| c.id == id).map_or(id, |c| c.name.as_str());
            Text::new(county_label(Lang::Zh, name).into_owned(), county_label(Lang::En, name).into_owned())
        };
        Beside {
            fund: vec![
                Figure {
                    key: "employee".into(),
                    ..months(i::BESIDE_EMPLOYEE, fund.employee_months, p.employee_fund_min_months)
                },
                Figure {
                    key: "resident".into(),
                    ..months(i::BESIDE_RESIDENT, fund.resident_months, p.resident_fund_min_months)
                },
            ],
            beds: vec![
                bed("measured", i::BESIDE_MEASURED, f.measured_beds_per_1000, 2, true),
                bed("actual", i::BESIDE_ACTUAL, f.actual_beds_per_1000, 2, false),
                bed("target", i::BESIDE_TARGET, Some(target), 2, false),
            ],
            counties: f
                .counties
                .iter()
                .map(|(id, c)| Figure {
                    key: id.clone(),
                    label: county_name(id),
                    value: per_1000(c.measured_beds_per_1000, 2),
                    below: c.measured_beds_per_1000.map(|m| m < target),
                })
                .collect(),
        }
    }
}

/// Where a fund figure stands against its minimum, in words.
pub fn fund_note(below: bool) -> Words {
    if below {
        i::BESIDE_BELOW
    } else {
        i::BESIDE_NOT_BELOW
    }
}

/// Where a measured value stands against the target, in words.
pub fn beds_note(below: bool) -> Words {
    if below {
        i::BESIDE_BELOW_TARGET
    } else {
        i::BESIDE_NOT_BELOW_TARGET
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::Action;
    use std::rc::Rc;

    #[test]
    fn the_fund_figures_say_below_the_minimum_once_the_threshold_passes_them() {
        let s = Rc::new(State::new());
        let months = s.scenario.city.fund.unwrap().employee_months.unwrap();
        let b = Beside::of(&s);
        let employee = &b.fund[0];
        assert_eq!(employee.key, "employee");
        assert!(employee.value.as_deref().unwrap().starts_with(&fmt(months, 2)), "{employee:?}");
        assert_eq!(employee.below, Some(months < s.policy.params.employee_fund_min_months));
        // A minimum above the city's months: the figure beside it now reads below.
        let raised = s.apply(Action::SetParam("employee_fund_min_months", format!("{}", (months + 1.0).ceil())));
        assert_eq!(Beside::of(&raised).fund[0].below, Some(true));
    }

    #[test]
    fn the_bed_target_sits_beside_the_city_and_each_county_measured_value() {
        let s = Rc::new(State::new());
        let b = Beside::of(&s);
        let f = &s.evaluation.figures;
        assert_eq!(b.beds[0].value, f.measured_beds_per_1000.map(|x| fmt(x, 2)));
        assert_eq!(b.counties.len(), f.counties.len());
        assert!(!b.counties.is_empty());
        let (id, c) = &f.counties[0];
        let name = &s.scenario.counties.iter().find(|k| &k.id == id).unwrap().name;
        assert_eq!(b.counties[0].label.zh, *name);
        assert_eq!(b.counties[0].below, c.measured_beds_per_1000.map(|m| m < f.target_beds_per_1000));
        // A target above every county's measured value: each county reads below it.
        let s2 = s.clone().apply(Action::SetParam("target_beds_per_1000", "50".into()));
        assert!(Beside::of(&s2).counties.iter().all(|c| c.below == Some(true)));
    }
}
