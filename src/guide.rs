//! The guided check for the public, the part that is plain data: which questions a
//! person is asked (only those the active rules read), the application their answers make, whether
//! a chosen point lies in the data set's city, and the answer — the decision, the same decision in
//! everyday words, and the nearest places where it would be accepted. The app's guided mode
//! (src/ui/guided) renders these and holds nothing of the rules.

use serde::Serialize;

use crate::engine::nearest_accepted::{nearest_accepted, NearestAccepted};
use crate::engine::plain::{explain, Explanation};
use crate::engine::prepared::Prepared;
use crate::engine::Decision;
use crate::policy::Policy;
use crate::scenario::import::Boundaries;
use crate::scenario::{
    Application, Categories, Category, Change, Field, Institution, KeyLevel, KeyProject, Kind, NegativeList,
    NegativeReason, Specialty, Subtype,
};
use crate::spatial::haversine_m;

/// One screen of the guided check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// What kind of institution.
    Kind,
    /// The pharmacy's categories, the hospital's specialty or the primary-care subtype.
    Detail,
    /// New, a new site, or moving.
    Change,
    /// Months in operation, staff, beds: the national conditions and staffing rules.
    Size,
    /// The special situations the active rules name (key project, negative list, …).
    Special,
    /// Where: a point on the map or the browser's position.
    Place,
    Answer,
}

/// What a person answered so far. Numbers are `None` until given.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answers {
    pub kind: Option<Kind>,
    pub categories: Categories,
    pub specialty: Option<Specialty>,
    pub subtype: Option<Subtype>,
    pub integrated: bool,
    pub change: Change,
    pub operating_months: Option<f64>,
    pub pharmacists: Option<u64>,
    pub physicians: Option<u64>,
    pub beds: Option<u64>,
    pub insurance_office_staff: Option<u64>,
    pub insurance_dept: Option<bool>,
    pub key_project: Option<KeyLevel>,
    pub negative_list: Option<NegativeReason>,
    pub shortage_type: bool,
    pub uneven_area: bool,
    /// Longitude, latitude (WGS-84) of the chosen spot.
    pub place: Option<(f64, f64)>,
    /// The designated institution that moves (an address change), so that its old site is not
    /// counted as its own neighbour; `None` when it is not in the data.
    pub moving_from: Option<String>,
}

/// Which special situations the active rules read for this kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Specials {
    /// exempt.key_project / exempt.listed: key construction projects are exempt.
    pub key_project: bool,
    /// negative_list: a bar of some years after false materials, a terminated agreement, ….
    pub negative_list: bool,
    /// xian-2025 (二)1: inpatient institutions of a shortage type or in an unevenly served area come first.
    pub shortage_type: bool,
    pub uneven_area: bool,
}

impl Specials {
    pub fn any(self) -> bool {
        self.key_project || self.negative_list || self.shortage_type || self.uneven_area
    }
}

pub fn specials(kind: Kind, policy: &Policy) -> Specials {
    let strict = kind.is_inpatient() && policy.is_on("inpatient.strict_control");
    Specials {
        key_project: policy.is_on("exempt.key_project") || policy.is_on("exempt.listed"),
        negative_list: policy.is_on("negative_list"),
        shortage_type: strict,
        uneven_area: strict,
    }
}

/// Which figures the Size step asks for this kind under these rules.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SizeFields {
    pub operating_months: bool,
    pub pharmacists: bool,
    pub physicians: bool,
    pub beds: bool,
    pub insurance_office_staff: bool,
    /// Asked only at 100 beds or more (令2号: an internal insurance department).
    pub insurance_dept: bool,
}

impl SizeFields {
    /// The figures asked, as the application's fields, in the screen's order (the insurance
    /// department is a yes or no, not a figure).
    pub fn figures(self) -> Vec<Field> {
        [
            (Field::OperatingMonths, self.operating_months),
            (Field::Pharmacists, self.pharmacists),
            (Field::Physicians, self.physicians),
            (Field::Beds, self.beds),
            (Field::InsuranceOfficeStaff, self.insurance_office_staff),
        ]
        .into_iter()
        .filter_map(|(f, asked)| asked.then_some(f))
        .collect()
    }
}

pub fn size_fields(a: &Answers, policy: &Policy) -> SizeFields {
    let Some(kind) = a.kind else {
        return SizeFields::default();
    };
    let staffing = kind.is_medical() && policy.is_on("staffing.insurance_office");
    let dept_rule = kind.is_medical() && policy.is_on("national.insurance_dept");
    SizeFields {
        operating_months: policy.is_on("national.operating_months"),
        pharmacists: kind == Kind::Pharmacy && policy.is_on("national.pharmacist"),
        physicians: kind.is_medical() && policy.is_on("national.physician"),
        // A health centre's beds decide whether the inpatient or the outpatient-only rules judge it.
        beds: staffing
            || (dept_rule && kind.is_inpatient())
            || (kind == Kind::PrimaryCare && a.subtype.is_none_or(|st| st.may_run_wards())),
        insurance_office_staff: staffing,
        insurance_dept: dept_rule && a.beds.is_some_and(|b| b >= 100),
    }
}

/// The screens for these answers, in order: a kind with nothing to specify skips Detail, rules
/// that name no special situation skip Special.
pub fn steps(a: &Answers, policy: &Policy) -> Vec<Step> {
    let mut v = vec![Step::Kind];
    if matches!(a.kind, Some(Kind::Pharmacy | Kind::InpatientSpecialty | Kind::PrimaryCare) | None) {
        v.push(Step::Detail);
    }
    v.push(Step::Change);
    if size_fields(a, policy) != SizeFields::default() || a.kind.is_none() {
        v.push(Step::Size);
    }
    if a.kind.map_or(true, |k| specials(k, policy).any()) {
        v.push(Step::Special);
    }
    v.push(Step::Place);
    v.push(Step::Answer);
    v
}

/// The application the answers describe, standing at (lon, lat) in `county`. What a person was
/// not asked stays unstated; `as_of` dates a negative-list entry given today.
pub fn application(a: &Answers, lon: f64, lat: f64, county: Option<String>, as_of: &str) -> Application {
    let kind = a.kind.unwrap_or(Kind::Pharmacy);
    let mut app = Application::new("guide", kind, lon, lat);
    if kind == Kind::Pharmacy {
        let cats = if a.categories.is_empty() { Categories::of(&[Category::Ordinary]) } else { a.categories };
        app.category = Some(cats);
    }
    if kind == Kind::InpatientSpecialty {
        app.specialty = a.specialty;
    }
    if kind == Kind::PrimaryCare {
        app.subtype = a.subtype;
        app.integrated = a.integrated.then_some(true);
    }
    app.change = a.change;
    if a.change == Change::AddressChange {
        app.institution_id = a.moving_from.clone();
    }
    app.county = county;
    app.operating_months = a.operating_months;
    if kind == Kind::Pharmacy {
        app.pharmacists = a.pharmacists;
    } else {
        app.physicians = a.physicians;
        app.beds = a.beds;
        app.insurance_office_staff = a.insurance_office_staff;
        app.insurance_dept = if a.beds.is_some_and(|b| b >= 100) { a.insurance_dept } else { None };
    }
    app.key_project = a.key_project.map(|l| KeyProject(Some(l)));
    app.negative_list = a.negative_list.map(|reason| NegativeList { reason, since: as_of.to_string(), switch: None });
    if kind.is_inpatient() {
        app.shortage_type = a.shortage_type.then_some(true);
        app.uneven_area = a.uneven_area.then_some(true);
    }
    app
}

/// The designated institutions an applicant of these answers could be moving: same kind and,
/// for pharmacies, a category in common — as (id, name or else id), by name then id.
pub fn movers(a: &Answers, institutions: &[Institution]) -> Vec<(String, String)> {
    let Some(kind) = a.kind else {
        return Vec::new();
    };
    let cats = if a.categories.is_empty() { Categories::of(&[Category::Ordinary]) } else { a.categories };
    let mut list: Vec<(String, String)> = institutions
        .iter()
        .filter(|i| i.designated && i.kind == kind && (kind != Kind::Pharmacy || i.categories().intersects(cats)))
        .map(|i| (i.id.clone(), i.name.clone().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| i.id.clone())))
        .collect();
    list.sort_by(|x, y| x.1.cmp(&y.1).then_with(|| x.0.cmp(&y.0)));
    list
}

/// How a mover is written in the list the applicant picks from: "name（id）", or the id alone.
pub fn mover_label(id: &str, name: &str) -> String {
    if name == id {
        id.to_string()
    } else {
        format!("{name}（{id}）")
    }
}

/// The mover an applicant typed or picked: a list entry as labelled, its id, or a name that
/// only one entry has. `None` when nothing matches (then it is judged as if not in the data).
pub fn mover_typed(movers: &[(String, String)], typed: &str) -> Option<String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return None;
    }
    if let Some((id, _)) = movers.iter().find(|(id, name)| mover_label(id, name) == typed || id == typed) {
        return Some(id.clone());
    }
    let mut named = movers.iter().filter(|(_, name)| name == typed);
    match (named.next(), named.next()) {
        (Some((id, _)), None) => Some(id.clone()),
        _ => None,
    }
}

/// Whether a point lies in the data set's city: inside a county's outline, or within one and a
/// half cell spacings of a population cell (data whose outlines cover only some of its cells).
pub fn inside_city(outlines: &Boundaries, cells: &[(f64, f64)], spacing_m: f64, lon: f64, lat: f64) -> bool {
    if !(lon.is_finite() && lat.is_finite()) {
        return false;
    }
    if crate::outlines::county_at(outlines, lon, lat).is_some() {
        return true;
    }
    let reach = (spacing_m * 1.5).max(500.0);
    cells.iter().any(|&(x, y)| haversine_m(lon, lat, x, y) <= reach)
}

/// For data with neither outlines nor population cells (an imported list of institutions): the
/// box round the data, grown by `margin_m` on every side.
pub fn inside_bounds(wsen: [f64; 4], margin_m: f64, lon: f64, lat: f64) -> bool {
    let dlat = (margin_m / crate::spatial::EARTH_RADIUS_M).to_degrees();
    let dlon = dlat / ((wsen[1] + wsen[3]) / 2.0).to_radians().cos().max(0.05);
    lon >= wsen[0] - dlon && lon <= wsen[2] + dlon && lat >= wsen[1] - dlat && lat <= wsen[3] + dlat
}

/// What the guided check shows for one application.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GuideAnswer {
    pub decision: Decision,
    pub explanation: Explanation,
    /// Searched only when the conditions of the place do not accept (or prioritize) it here:
    /// the places are searched on those conditions, the conditions of the time said beside.
    pub nearest: Option<NearestAccepted>,
}

/// How many other places the answer offers.
pub const PLACES_OFFERED: usize = 3;

/// Decides `app`, explains it, and when the conditions of the place do not open it here finds
/// the nearest places where they do, at least `min_gap_m` apart. A condition of the time (months
/// in operation, staff, the fund state) never sends anyone elsewhere: it is the same everywhere.
pub fn answer(prep: &Prepared, app: &Application, min_gap_m: f64) -> GuideAnswer {
    let decision = prep.decide(app);
    let open = matches!(decision.where_outcome, crate::engine::Outcome::Accepted | crate::engine::Outcome::Prioritized);
    let nearest = (!open).then(|| nearest_accepted(prep, app, PLACES_OFFERED, min_gap_m));
    let places_below = nearest.as_ref().is_some_and(|n| !n.places.is_empty());
    let explanation = explain(prep, app, &decision, places_below);
    GuideAnswer { decision, explanation, nearest }
}
