//! The guided check's own reducer: which screen is shown, the answers so far, the raw text of the
//! number inputs (kept as typed until they parse), field messages, and where the browser's
//! position request stands. The rules are not here: `crate::guide` says which screens and which
//! fields the active rules need; the component passes them in with `Next`. The questions are
//! named by the scenario's own `Field` (kind, category, beds, the institution that moves …), and
//! the spot on the map by `GuideField::Place`.

use std::collections::BTreeMap;
use std::rc::Rc;

/// The words this file shows, from the features they belong to.
mod i {
    pub use crate::app::i18n::{edits::E_COUNT, guided::*};
}
use super::state::parse_count;
use crate::guide::{Answers, SizeFields, Step};
use crate::scenario::{Category, Change, Field, KeyLevel, Kind, NegativeReason, Specialty, Subtype};
use crate::text::{Text, Words};

/// Why the browser gave no position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocateError {
    /// The person (or the browser's settings) refused.
    Denied,
    /// The device could not tell where it is.
    Unavailable,
    Timeout,
    /// The browser has no geolocation (or not on this connection).
    Unsupported,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Locate {
    Idle,
    Asking,
    Failed(LocateError),
}

/// A question of the guided check that can carry a message: one of the application's fields,
/// or the spot where it would stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum GuideField {
    Field(Field),
    /// Chosen on the map or given by the browser.
    Place,
}

impl GuideField {
    /// What the page's ids are made of (`guide-error-beds`, `guide-error-place`).
    pub fn id(self) -> &'static str {
        match self {
            GuideField::Field(f) => f.id(),
            GuideField::Place => "place",
        }
    }
}

impl From<Field> for GuideField {
    fn from(f: Field) -> GuideField {
        GuideField::Field(f)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Guide {
    /// Guided mode is shown instead of the expert view.
    pub open: bool,
    pub step: Step,
    pub answers: Answers,
    /// Text inputs as typed (the figures, the institution that moves), by field.
    pub raw: BTreeMap<Field, String>,
    /// Messages, by question (kind, category, operating months, place, …).
    pub errors: BTreeMap<GuideField, Text>,
    pub locate: Locate,
    /// The last point offered (tap or position) lay outside the data set's city.
    pub outside: bool,
    /// Bumped when the screen changes: the component moves the focus to its heading.
    pub moves: u64,
}

impl Guide {
    pub fn new(open: bool) -> Guide {
        Guide {
            open,
            step: Step::Kind,
            answers: Answers::default(),
            raw: BTreeMap::new(),
            errors: BTreeMap::new(),
            locate: Locate::Idle,
            outside: false,
            moves: 0,
        }
    }

    pub fn error(&self, field: impl Into<GuideField>) -> Option<&Text> {
        self.errors.get(&field.into())
    }

    pub fn raw(&self, field: Field) -> String {
        self.raw.get(&field).cloned().unwrap_or_default()
    }

    fn go(&mut self, step: Step) {
        self.step = step;
        self.moves += 1;
    }

    /// Checks the current screen's answers; records a message per missing or bad field.
    fn check(&mut self, size: SizeFields) -> bool {
        self.errors.clear();
        let a = &self.answers;
        let mut missing: Vec<(GuideField, Words)> = Vec::new();
        let mut miss = |f: GuideField, m: Words| missing.push((f, m));
        match self.step {
            Step::Kind if a.kind.is_none() => miss(Field::Kind.into(), i::G_E_KIND),
            Step::Detail => match a.kind {
                Some(Kind::Pharmacy) if a.categories.is_empty() => miss(Field::Category.into(), i::G_E_CATEGORY),
                Some(Kind::InpatientSpecialty) if a.specialty.is_none() => miss(Field::Specialty.into(), i::G_E_CHOOSE),
                Some(Kind::PrimaryCare) if a.subtype.is_none() => miss(Field::Subtype.into(), i::G_E_CHOOSE),
                _ => {}
            },
            Step::Size => {
                for f in size.figures() {
                    match parse_count(&self.raw(f)) {
                        Ok(Some(_)) => {}
                        Ok(None) => miss(f.into(), i::G_E_REQUIRED),
                        Err(_) => miss(f.into(), i::E_COUNT),
                    }
                }
                if size.insurance_dept && a.insurance_dept.is_none() {
                    miss(Field::InsuranceDept.into(), i::G_E_CHOOSE);
                }
            }
            Step::Place if a.place.is_none() => {
                miss(GuideField::Place, if self.outside { i::G_OUTSIDE } else { i::G_E_PLACE })
            }
            _ => {}
        }
        for (f, m) in &missing {
            self.errors.insert(*f, (*m).clone());
        }
        missing.is_empty()
    }

    /// A figure as typed: kept raw, and in the answers when it parses. A field that is not one
    /// of the Size step's figures changes nothing.
    fn set_raw(&mut self, field: Field, raw: String) {
        let n = parse_count(&raw).ok().flatten();
        let a = &mut self.answers;
        match field {
            Field::OperatingMonths => a.operating_months = n.map(|x| x as f64),
            Field::Pharmacists => a.pharmacists = n,
            Field::Physicians => a.physicians = n,
            Field::Beds => a.beds = n,
            Field::InsuranceOfficeStaff => a.insurance_office_staff = n,
            _ => return,
        }
        self.raw.insert(field, raw);
        self.errors.remove(&field.into());
    }
}

pub enum GuideAction {
    /// Shows guided mode (true) or the expert view (false).
    Open(bool),
    Kind(Kind),
    Category(Category, bool),
    Specialty(Option<Specialty>),
    Subtype(Option<Subtype>),
    Integrated(bool),
    Change(Change),
    /// The designated institution that moves, as found from what was typed (`None`: not in the data).
    MovingFrom(Option<String>, String),
    /// A figure as typed (operating months, pharmacists, physicians, beds, insurance office staff).
    Raw(Field, String),
    InsuranceDept(bool),
    KeyProject(Option<KeyLevel>),
    Negative(Option<NegativeReason>),
    Shortage(bool),
    Uneven(bool),
    /// To the next of these screens, if the current one is complete.
    Next(Vec<Step>, SizeFields),
    Back(Vec<Step>),
    /// A point chosen on the map or given by the browser; `inside` the data set's city.
    Place {
        lon: f64,
        lat: f64,
        inside: bool,
    },
    /// From the answer back to the map, to choose another spot.
    ChangePlace,
    Locating,
    LocateFailed(LocateError),
    Restart,
}

impl Guide {
    /// The guided check's reducer (the Yew skin's `Reducible::reduce` calls it).
    pub fn apply(self: Rc<Self>, action: GuideAction) -> Rc<Self> {
        let mut g = (*self).clone();
        match action {
            GuideAction::Open(on) => {
                g.open = on;
                g.moves += 1;
            }
            GuideAction::Kind(k) => {
                if g.answers.kind != Some(k) {
                    // Another kind asks other questions: keep the place and the months only.
                    let keep = Answers {
                        kind: Some(k),
                        change: g.answers.change,
                        operating_months: g.answers.operating_months,
                        place: g.answers.place,
                        categories: if k == Kind::Pharmacy {
                            crate::scenario::Categories::of(&[Category::Ordinary])
                        } else {
                            Default::default()
                        },
                        ..Answers::default()
                    };
                    g.answers = keep;
                    g.raw.retain(|f, _| *f == Field::OperatingMonths);
                }
                g.errors.remove(&Field::Kind.into());
            }
            GuideAction::Category(c, on) => {
                let cats = g.answers.categories;
                let mut list: Vec<Category> = cats.iter().filter(|x| *x != c).collect();
                if on {
                    list.push(c);
                }
                g.answers.categories = crate::scenario::Categories::of(&list);
                g.errors.remove(&Field::Category.into());
            }
            GuideAction::Specialty(s) => {
                g.answers.specialty = s;
                g.errors.remove(&Field::Specialty.into());
            }
            GuideAction::Subtype(s) => {
                g.answers.subtype = s;
                g.errors.remove(&Field::Subtype.into());
            }
            GuideAction::Integrated(on) => g.answers.integrated = on,
            GuideAction::Change(c) => g.answers.change = c,
            GuideAction::MovingFrom(id, typed) => {
                g.answers.moving_from = id;
                g.raw.insert(Field::InstitutionId, typed);
            }
            GuideAction::Raw(f, raw) => g.set_raw(f, raw),
            GuideAction::InsuranceDept(on) => {
                g.answers.insurance_dept = Some(on);
                g.errors.remove(&Field::InsuranceDept.into());
            }
            GuideAction::KeyProject(k) => g.answers.key_project = k,
            GuideAction::Negative(n) => g.answers.negative_list = n,
            GuideAction::Shortage(on) => g.answers.shortage_type = on,
            GuideAction::Uneven(on) => g.answers.uneven_area = on,
            GuideAction::Next(steps, size) => {
                if g.check(size) {
                    if let Some(k) = steps.iter().position(|s| *s == g.step) {
                        if let Some(next) = steps.get(k + 1) {
                            g.go(*next);
                        }
                    } else {
                        // The current screen no longer applies (another kind): the first that does.
                        g.go(steps[0]);
                    }
                } else {
                    // The focus goes to the first message (the component reads `moves`).
                    g.moves += 1;
                }
            }
            GuideAction::Back(steps) => {
                g.errors.clear();
                let k = steps.iter().position(|s| *s == g.step).unwrap_or(0);
                g.go(steps[k.saturating_sub(1)]);
            }
            GuideAction::Place { lon, lat, inside } => {
                g.locate = Locate::Idle;
                g.outside = !inside;
                if inside {
                    g.answers.place = Some((lon, lat));
                    g.errors.remove(&GuideField::Place);
                } else {
                    g.errors.insert(GuideField::Place, i::G_OUTSIDE.clone());
                }
            }
            GuideAction::ChangePlace => g.go(Step::Place),
            GuideAction::Locating => {
                g.locate = Locate::Asking;
                g.errors.remove(&GuideField::Place);
            }
            GuideAction::LocateFailed(e) => g.locate = Locate::Failed(e),
            GuideAction::Restart => {
                let open = g.open;
                g = Guide { moves: g.moves + 1, ..Guide::new(open) };
            }
        }
        Rc::new(g)
    }
}
