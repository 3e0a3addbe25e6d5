//! The app's edits through its reducer (`State::apply`): each field checked by the scenario's own
//! invariant, refused with the same words the importer and the scenario validation use, the
//! message kept under the field it belongs to and cleared by a valid value.

use std::rc::Rc;

use dingdian::app::state::{Action, ErrorKey, State};
use dingdian::scenario::import::{import, Format, ImportOptions, Severity, Target};
use dingdian::scenario::{
    field_fits_kind, parse, scope_fits_kind, scope_names_institution, validate, Categories, Category, DataField, Field,
    Kind, Scope, Specialty, AVG_STAY_DAYS, BED_UTILISATION,
};
use dingdian::text::Text;

fn apply(s: Rc<State>, actions: Vec<Action>) -> Rc<State> {
    actions.into_iter().fold(s, |s, a| s.apply(a))
}

fn set(f: Field, raw: &str) -> Action {
    Action::SetApp(f, raw.to_string())
}

/// The sample city with a new application selected (a pharmacy).
fn with_new_application() -> Rc<State> {
    Rc::new(State::new()).apply(Action::NewApp)
}

/// The state's scenario as the app exports it passes the scenario's validation.
fn exports_valid(s: &State) {
    let sc = s.export_scenario();
    if let Err(e) = validate(&sc) {
        panic!("the edited scenario is invalid: {e}");
    }
}

fn personal_account_refusal() -> Text {
    scope_fits_kind(Scope::PersonalAccountOnly, Kind::InpatientGeneral)
        .expect_err("a general hospital may not apply for personal-account settlement alone")
}

#[test]
fn personal_account_only_on_a_general_hospital_is_refused_with_the_message_and_the_scope_kept() {
    let s = apply(with_new_application(), vec![set(Field::Kind, "inpatient_general")]);
    let before = s.scenario.clone();
    let s = s.apply(set(Field::Scope, "personal_account_only"));
    let app = s.application().expect("selected");
    assert_eq!(app.kind, Kind::InpatientGeneral);
    assert_eq!(app.scope, Scope::Basic, "the scope is left as it was");
    assert!(Rc::ptr_eq(&before, &s.scenario), "a refused edit changes nothing");
    let msg = s.error(&ErrorKey::App(Field::Scope)).expect("a message under the scope field");
    assert_eq!(msg, &personal_account_refusal());
    assert!(msg.zh.contains("门诊部、诊所") && msg.en.contains("outpatient"), "{msg:?}");
    assert_eq!(s.errors.len(), 1, "only the scope is in error: {:?}", s.errors);

    // The same choice on an outpatient clinic is taken.
    let s = apply(s, vec![set(Field::Kind, "outpatient"), set(Field::Scope, "personal_account_only")]);
    assert_eq!(s.application().map(|a| a.scope), Some(Scope::PersonalAccountOnly));
    assert!(s.error(&ErrorKey::App(Field::Scope)).is_none());
    exports_valid(&s);
}

#[test]
fn personal_account_only_is_refused_by_the_importer_and_the_validation_in_the_same_words() {
    let want = personal_account_refusal();

    // The importer refuses the row, with the same message.
    let csv = "编号,名称,类型,经度,纬度,申请范围\n\
               A-1,某综合医院,综合医院,118.35,35.05,个人账户\n\
               A-2,某诊所,诊所,118.36,35.06,个人账户\n";
    let imp = import(Format::Csv, csv.as_bytes(), ImportOptions::new(Target::Applications)).expect("readable");
    assert_eq!(imp.applications.len(), 1, "{:#?}", imp.report.issues);
    assert_eq!(imp.applications[0].id, "A-2");
    let issue = imp
        .report
        .issues
        .iter()
        .find(|i| i.field == Some(Field::Scope))
        .expect("the hospital's row is refused on its scope");
    assert_eq!(issue.row, 2);
    assert_eq!(issue.severity, Severity::Error);
    assert_eq!(issue.reason, want);

    // The scenario validation refuses the file, naming the field path and the same words.
    let mut v: serde_json::Value = serde_json::from_str(include_str!("../tests/fixtures/design-example.json")).unwrap();
    let k = v["applications"]
        .as_array()
        .unwrap()
        .iter()
        .position(|a| a["kind"] != "outpatient")
        .expect("an application that is not an outpatient clinic");
    v["applications"][k]["scope"] = serde_json::json!("personal_account_only");
    let e = parse(&v.to_string()).expect_err("refused").message;
    assert_eq!(e, format!("applications[{k}].scope: {} / {}", want.zh, want.en));
}

#[test]
fn changing_the_kind_to_a_pharmacy_gives_the_ordinary_category_and_drops_the_specialty() {
    let s = apply(
        with_new_application(),
        vec![set(Field::Kind, "inpatient_specialty"), set(Field::Specialty, "ophthalmology")],
    );
    let app = s.application().unwrap();
    assert_eq!(app.specialty, Some(Specialty::Ophthalmology));
    assert_eq!(app.category, None, "only a pharmacy has a category");

    let s = s.apply(set(Field::Kind, "pharmacy"));
    let app = s.application().unwrap();
    assert_eq!(app.kind, Kind::Pharmacy);
    assert_eq!(app.category, Some(Categories::of(&[Category::Ordinary])));
    assert_eq!(app.specialty, None);
    assert!(field_fits_kind(Field::Specialty, Kind::Pharmacy).is_err());
    exports_valid(&s);

    // Back to a primary-care institution: the category goes, a subtype may be chosen.
    let s = apply(s, vec![set(Field::Kind, "primary_care"), set(Field::Subtype, "village_clinic")]);
    let app = s.application().unwrap();
    assert_eq!(app.category, None);
    assert!(app.subtype.is_some());
    exports_valid(&s);
}

#[test]
fn leaving_the_outpatient_kind_takes_the_personal_account_scope_back_to_basic() {
    let s = apply(
        with_new_application(),
        vec![
            set(Field::Kind, "outpatient"),
            set(Field::Scope, "personal_account_only"),
            set(Field::Kind, "inpatient_general"),
        ],
    );
    assert_eq!(s.application().map(|a| a.scope), Some(Scope::Basic));
    exports_valid(&s);
}

#[test]
fn a_medical_aid_application_keeps_the_institution_it_names() {
    let s = apply(with_new_application(), vec![set(Field::Scope, "medical_aid")]);
    let named = s
        .application()
        .and_then(|a| a.institution_id.clone())
        .expect("the nearest designated medical institution is named");
    let before = s.scenario.clone();
    let s = s.apply(set(Field::InstitutionId, ""));
    assert_eq!(s.application().and_then(|a| a.institution_id.clone()), Some(named));
    assert!(Rc::ptr_eq(&before, &s.scenario));
    assert_eq!(
        s.error(&ErrorKey::App(Field::InstitutionId)),
        scope_names_institution(Scope::MedicalAid, None).err().as_ref()
    );
    exports_valid(&s);
}

#[test]
fn an_average_stay_of_400_days_is_refused_for_that_field_only_and_the_figures_unchanged() {
    let s = Rc::new(State::new());
    let (city, figures) = (s.scenario.city.clone(), s.evaluation.figures.clone());
    let s = s.apply(Action::SetCity(DataField::AvgStayDays, "400".into()));
    assert_eq!(s.scenario.city, city);
    assert_eq!(s.evaluation.figures, figures);
    assert_eq!(s.errors.keys().collect::<Vec<_>>(), vec![&ErrorKey::City(DataField::AvgStayDays)]);
    assert_eq!(s.error(&ErrorKey::City(DataField::AvgStayDays)), Some(&AVG_STAY_DAYS.refusal()));
    assert!(!AVG_STAY_DAYS.contains(400.0) && AVG_STAY_DAYS.contains(365.0));

    // Another field is still taken while the message stays.
    let s = s.apply(Action::SetCity(DataField::OpenBeds, "12000".into()));
    assert_eq!(s.scenario.city.open_beds, Some(12000));
    assert!(s.error(&ErrorKey::City(DataField::AvgStayDays)).is_some());
}

#[test]
fn a_county_field_error_names_the_county() {
    let s = Rc::new(State::new());
    let county = s.scenario.counties[1].clone();
    let s = s.apply(Action::SetCounty(1, DataField::BedUtilisation, "2".into()));
    assert_eq!(s.scenario.counties[1], county, "the county is unchanged");
    assert_eq!(
        s.errors.keys().collect::<Vec<_>>(),
        vec![&ErrorKey::County(county.id.clone(), DataField::BedUtilisation)]
    );
    assert_eq!(
        s.error(&ErrorKey::County(county.id.clone(), DataField::BedUtilisation)),
        Some(&BED_UTILISATION.refusal())
    );
    assert!(s.error(&ErrorKey::City(DataField::BedUtilisation)).is_none());
}

#[test]
fn a_valid_value_clears_the_fields_message() {
    let s = apply(
        Rc::new(State::new()),
        vec![
            // A new application makes the inputs again: messages typed before it go (tested in
            // app_state.rs), so it comes first.
            Action::NewApp,
            Action::SetCity(DataField::AvgStayDays, "400".into()),
            Action::SetCounty(0, DataField::BedUtilisation, "0".into()),
            set(Field::Kind, "inpatient_general"),
            set(Field::Scope, "personal_account_only"),
            set(Field::Lat, "95"),
        ],
    );
    assert_eq!(s.errors.len(), 4, "{:?}", s.errors);
    let county = s.scenario.counties[0].id.clone();
    let s = apply(
        s,
        vec![
            Action::SetCity(DataField::AvgStayDays, "9.5".into()),
            Action::SetCounty(0, DataField::BedUtilisation, "0.9".into()),
            set(Field::Scope, "basic"),
            set(Field::Lat, "35.06"),
        ],
    );
    assert!(s.errors.is_empty(), "{:?}", s.errors);
    assert_eq!(s.scenario.city.avg_stay_days, Some(9.5));
    assert_eq!(s.scenario.counties[0].bed_utilisation, Some(0.9));
    assert_eq!(s.scenario.counties[0].id, county);
    assert_eq!(s.application().map(|a| a.lat), Some(35.06));
    exports_valid(&s);
}
