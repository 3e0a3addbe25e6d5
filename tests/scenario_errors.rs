//! The scenario contract (DESIGN.md §3) refuses bad input with a message that names the field
//! path, or the line and column of broken JSON — never a crash.

use dingdian::scenario::parse;
use serde_json::{json, Value};

fn base() -> Value {
    json!({
        "policy": {"preset": "linyi-2025"},
        "city": {"name": "临沂市", "resident_population": 10848400, "open_beds": 84634},
        "counties": [{"id": "lanshan", "name": "兰山区"}, {"id": "luozhuang", "name": "罗庄区"}],
        "institutions": [
            {"id": "p-1", "kind": "pharmacy", "category": ["ordinary", "chronic"], "lon": 118.35, "lat": 35.05, "county": "lanshan"},
            {"id": "h-1", "kind": "inpatient_general", "lon": 118.36, "lat": 35.06, "beds": 300}
        ],
        "applications": [
            {"id": "a-0", "kind": "pharmacy", "category": "ordinary", "lon": 118.351, "lat": 35.051},
            {"id": "a-1", "kind": "outpatient", "lon": 118.352, "lat": 35.052, "scope": "personal_account_only"},
            {"id": "a-2", "kind": "inpatient_specialty", "specialty": "paediatrics", "lon": 118.353, "lat": 35.053, "county": "luozhuang"},
            {"id": "a-3", "kind": "primary_care", "subtype": "village_clinic", "integrated": true, "lon": 118.354, "lat": 35.054,
             "negative_list": {"reason": "blacklisted", "since": "2024-02-29"}}
        ],
        "population_cells": [{"lon": 118.35, "lat": 35.05, "population": 5200, "county": "lanshan"}],
        "as_of": "2026-03-01"
    })
}

fn edit(f: impl FnOnce(&mut Value)) -> String {
    let mut v = base();
    f(&mut v);
    v.to_string()
}

fn error_of(src: &str) -> String {
    match parse(src) {
        Ok(_) => panic!("accepted: {src}"),
        Err(e) => e.message,
    }
}

#[test]
fn the_base_scenario_is_valid() {
    let s = parse(&base().to_string()).expect("valid");
    assert_eq!(s.applications.len(), 4);
}

#[test]
fn unknown_fields_are_named_with_their_path() {
    let e = error_of(&edit(|v| v["polcy"] = json!({})));
    assert!(e.contains("polcy"), "{e}");
    let e = error_of(&edit(|v| v["applications"][2]["bedz"] = json!(10)));
    assert!(e.starts_with("applications[2]") && e.contains("bedz"), "{e}");
    let e = error_of(&edit(|v| v["city"]["fund"] = json!({"employee_months": 14.2, "reserve": 1})));
    assert!(e.starts_with("city.fund") && e.contains("reserve"), "{e}");
    let e = error_of(&edit(|v| v["applications"][3]["negative_list"]["why"] = json!("x")));
    assert!(e.starts_with("applications[3].negative_list") && e.contains("why"), "{e}");
}

#[test]
fn coordinates_out_of_range_name_the_field() {
    // DESIGN §3: `applications[3].lat: 95 is outside -90..90`
    let e = error_of(&edit(|v| v["applications"][3]["lat"] = json!(95)));
    assert_eq!(e, "applications[3].lat: 95 is outside -90..90");
    let e = error_of(&edit(|v| v["institutions"][1]["lon"] = json!(181.5)));
    assert_eq!(e, "institutions[1].lon: 181.5 is outside -180..180");
    let e = error_of(&edit(|v| v["population_cells"][0]["lat"] = json!(-90.5)));
    assert_eq!(e, "population_cells[0].lat: -90.5 is outside -90..90");
}

#[test]
fn broken_json_gives_line_and_column() {
    let src = "{\n  \"policy\": {\"preset\": \"linyi-2025\"},\n  \"city\": {\"name\": \"x\",}\n}";
    let e = error_of(src);
    assert!(e.contains("not valid JSON") && e.contains("line 3") && e.contains("column"), "{e}");
    let e = error_of("{\"policy\": ");
    assert!(e.contains("line 1") && e.contains("column"), "{e}");
    let e = error_of("");
    assert!(e.contains("line 1"), "{e}");
}

#[test]
fn wrong_types_name_the_field() {
    let e = error_of(&edit(|v| v["applications"][2]["beds"] = json!("many")));
    assert!(e.starts_with("applications[2].beds:") && e.contains("string"), "{e}");
    let e = error_of(&edit(|v| v["city"]["open_beds"] = json!(84634.5)));
    assert!(e.starts_with("city.open_beds:"), "{e}");
    let e = error_of(&edit(|v| v["city"]["resident_population"] = json!(-1)));
    assert!(e.starts_with("city.resident_population:"), "{e}");
    let e = error_of(&edit(|v| v["institutions"][0]["designated"] = json!("yes")));
    assert!(e.starts_with("institutions[0].designated:"), "{e}");
    let e = error_of(&edit(|v| v["applications"][0]["kind"] = json!("hospital")));
    assert!(e.starts_with("applications[0].kind:") && e.contains("inpatient_general"), "{e}");
    let e = error_of(&edit(|v| v["applications"][0]["category"] = json!("herbal")));
    assert!(e.starts_with("applications[0].category:"), "{e}");
    let e = error_of(&edit(|v| v["applications"][0]["category"] = json!([])));
    assert!(e.starts_with("applications[0].category:") && e.contains("at least one"), "{e}");
    let e = error_of(&edit(|v| v["applications"][2]["key_project"] = json!("national")));
    assert!(e.starts_with("applications[2].key_project:"), "{e}");
    let e = error_of(&edit(|v| v["applications"][2]["operating_months"] = json!("six")));
    assert!(e.starts_with("applications[2].operating_months:"), "{e}");
    let e = error_of(&edit(|v| v["applications"] = json!({"a": 1})));
    assert!(e.starts_with("applications:"), "{e}");
    // A required field missing.
    let e = error_of(&edit(|v| v["applications"][1].as_object_mut().unwrap().remove("kind").map(|_| ()).unwrap()));
    assert!(e.starts_with("applications[1]") && e.contains("kind"), "{e}");
    let e = error_of(&edit(|v| v["city"].as_object_mut().unwrap().remove("name").map(|_| ()).unwrap()));
    assert!(e.starts_with("city") && e.contains("name"), "{e}");
}

#[test]
fn figures_out_of_range_name_the_field() {
    let e = error_of(&edit(|v| v["city"]["bed_utilisation"] = json!(0)));
    assert!(e.starts_with("city.bed_utilisation: 0 is outside"), "{e}");
    let e = error_of(&edit(|v| v["counties"][1]["bed_utilisation"] = json!(1.6)));
    assert!(e.starts_with("counties[1].bed_utilisation: 1.6 is outside"), "{e}");
    // 1.5 is the documented upper bound (0 < u ≤ 1.5).
    parse(&edit(|v| v["counties"][1]["bed_utilisation"] = json!(1.5))).expect("1.5 is allowed");
    let e = error_of(&edit(|v| v["city"]["avg_stay_days"] = json!(0)));
    assert!(e.starts_with("city.avg_stay_days:"), "{e}");
    let e = error_of(&edit(|v| v["city"]["fund"] = json!({"employee_months": -1})));
    assert!(e.starts_with("city.fund.employee_months:"), "{e}");
    let e = error_of(&edit(|v| v["applications"][0]["operating_months"] = json!(-0.5)));
    assert!(e.starts_with("applications[0].operating_months:"), "{e}");
}

#[test]
fn unknown_county_reference_is_named() {
    let e = error_of(&edit(|v| v["applications"][2]["county"] = json!("nowhere")));
    assert_eq!(e, "applications[2].county: \"nowhere\" is not the id of any entry in counties");
    let e = error_of(&edit(|v| v["institutions"][0]["county"] = json!("Lanshan")));
    assert!(e.starts_with("institutions[0].county:"), "{e}");
    let e = error_of(&edit(|v| v["population_cells"][0]["county"] = json!("x")));
    assert!(e.starts_with("population_cells[0].county:"), "{e}");
}

#[test]
fn duplicate_ids_are_named() {
    let e = error_of(&edit(|v| v["institutions"][1]["id"] = json!("p-1")));
    assert_eq!(e, "institutions[1].id: \"p-1\" is used twice");
    let e = error_of(&edit(|v| v["applications"][3]["id"] = json!("a-0")));
    assert_eq!(e, "applications[3].id: \"a-0\" is used twice");
    let e = error_of(&edit(|v| v["counties"][1]["id"] = json!("lanshan")));
    assert_eq!(e, "counties[1].id: \"lanshan\" is used twice");
    let e = error_of(&edit(|v| v["applications"][0]["id"] = json!("")));
    assert!(e.starts_with("applications[0].id:"), "{e}");
}

#[test]
fn bad_dates_are_named() {
    let e = error_of(&edit(|v| v["as_of"] = json!("2026-02-30")));
    assert!(e.starts_with("as_of:") && e.contains("2026-02-30"), "{e}");
    let e = error_of(&edit(|v| v["as_of"] = json!("2026/03/01")));
    assert!(e.starts_with("as_of:"), "{e}");
    let e = error_of(&edit(|v| v["applications"][3]["negative_list"]["since"] = json!("2025-02-29")));
    assert!(e.starts_with("applications[3].negative_list.since:") && e.contains("2025-02-29"), "{e}");
    let e = error_of(&edit(|v| v["applications"][3]["negative_list"]["reason"] = json!("late_payment")));
    assert!(e.starts_with("applications[3].negative_list.reason:"), "{e}");
}

#[test]
fn scope_and_kind_fields_must_fit_the_kind() {
    // 三(一)2: personal-account-only applies to 门诊部、诊所 alone
    let e = error_of(&edit(|v| v["applications"][0]["scope"] = json!("personal_account_only")));
    assert!(e.starts_with("applications[0].scope:") && e.contains("outpatient"), "{e}");
    let e = error_of(&edit(|v| v["applications"][2]["scope"] = json!("personal_account_only")));
    assert!(e.starts_with("applications[2].scope:"), "{e}");
    let e = error_of(&edit(|v| v["applications"][1]["scope"] = json!("medical_aid")));
    assert!(e.starts_with("applications[1].institution_id:"), "{e}");
    let e = error_of(&edit(|v| v["applications"][1]["category"] = json!("ordinary")));
    assert!(e.starts_with("applications[1].category:"), "{e}");
    let e = error_of(&edit(|v| v["institutions"][0]["specialty"] = json!("surgery")));
    assert!(e.starts_with("institutions[0].specialty:"), "{e}");
    let e = error_of(&edit(|v| v["applications"][0]["subtype"] = json!("village_clinic")));
    assert!(e.starts_with("applications[0].subtype:"), "{e}");
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = |open: &str, close: &str, n: usize| format!("{}{}", open.repeat(n), close.repeat(n));
    // 10,000 levels inside an override value (a free-form JSON value).
    let src = format!(
        "{{\"policy\": {{\"preset\": \"linyi-2025\", \"overrides\": {{\"service_radius_m\": {}}}}}, \"city\": {{\"name\": \"x\"}}}}",
        deep("[", "]", 10_000)
    );
    let e = error_of(&src);
    assert!(e.contains("recursion limit") && e.contains("line 1"), "{e}");
    // …and at the top, and as objects.
    let e = error_of(&deep("[", "]", 10_000));
    assert!(e.contains("line 1"), "{e}");
    let e = error_of(&format!("{{\"policy\": {}", deep("{\"a\":", "}", 10_000)));
    assert!(!e.is_empty(), "{e}");
}

#[test]
fn policy_must_name_exactly_one_source() {
    let e = error_of(&edit(|v| v["policy"] = json!({})));
    assert!(e.starts_with("policy:"), "{e}");
    let e = error_of(&edit(|v| v["policy"] = json!({"preset": "linyi-2025", "file": "x.json"})));
    assert!(e.starts_with("policy:"), "{e}");
    let e = error_of(&edit(|v| v["policy"]["inline"] = json!({"id": "x"})));
    assert!(e.starts_with("policy.inline"), "{e}");
}

#[test]
fn an_address_change_must_name_an_institution_that_exists() {
    let msg = error_of(&edit(|v| {
        v["applications"][0]["change"] = json!("address_change");
        v["applications"][0]["institution_id"] = json!("p-404");
    }));
    assert!(msg.starts_with("applications[0].institution_id: \"p-404\""), "{msg}");
    // Naming one that exists is fine.
    parse(&edit(|v| {
        v["applications"][0]["change"] = json!("address_change");
        v["applications"][0]["institution_id"] = json!("p-1");
    }))
    .expect("valid");
}
