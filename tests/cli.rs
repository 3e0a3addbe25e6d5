//! The command line (DESIGN.md §3): `dingdian evaluate SCENARIO.json` prints one JSON document;
//! exit 0 on success, 2 on a bad scenario with a message naming the field.

use std::io::Write;
use std::process::Stdio;

use serde_json::Value;

mod common;
use common::cli::{bin, fixture_path as fixture, run, stderr, stdout_json, Temp};

fn design_example() -> String {
    std::fs::read_to_string(fixture("design-example.json")).unwrap()
}

#[test]
fn evaluate_prints_the_design_example() {
    let o = run(&["evaluate", fixture("design-example.json").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = stdout_json(&o);
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["as_of", "figures", "decisions", "coverage"]);
    assert_eq!(v["as_of"], "2026-03-01");

    let f = &v["figures"];
    let near = |x: &Value, want: f64, tol: f64| assert!((x.as_f64().unwrap() - want).abs() <= tol, "{x} vs {want}");
    near(&f["required_beds"], 78_800.53, 1e-2);
    near(&f["measured_raw_per_1000"], 7.7255, 1e-4);
    near(&f["fund_coef"], 1.1833, 1e-4);
    near(&f["patient_coef"], 0.964, 1e-9);
    near(&f["measured_beds_per_1000"], 8.8128, 1e-4);
    near(&f["counties"]["lanshan"]["measured_beds_per_1000"], 8.3805, 1e-4);
    // Full precision, not rounded for display.
    assert_ne!(f["measured_beds_per_1000"].as_f64().unwrap(), 8.8128);

    let d = &v["decisions"][0];
    assert_eq!(d["id"], "a-1");
    assert_eq!(d["outcome"], "rejected");
    let rules = d["rules"].as_array().unwrap();
    // Every rule of the linyi-2025 preset is listed.
    assert_eq!(rules.len(), 19);
    let nearby = rules.iter().find(|e| e["rule"] == "pharmacy.same_type_nearby").unwrap();
    assert_eq!(nearby["clause"], "linyi-2025 三(二)");
    assert_eq!(nearby["verdict"], "fail");
    assert_eq!(nearby["detail"]["zh"], "800 米内已有同类定点药店（最近 143.7 米）");
    let months = rules.iter().find(|e| e["rule"] == "fund.months_below_minimum").unwrap();
    assert_eq!(months["verdict"], "pass");
    assert!(months["detail"]["zh"].as_str().unwrap().contains("14.2"));

    let c = &v["coverage"];
    assert_eq!(c["pharmacy"]["population_share"], 1.0);
    assert_eq!(c["pharmacy"]["by_county"]["lanshan"], 1.0);
    assert_eq!(c["pharmacy"]["by_category"]["ordinary"], 1.0);
    assert_eq!(c["pharmacy"]["by_category"]["chronic"], 1.0);
    assert_eq!(c["pharmacy"]["by_category"]["special_drug"], 0.0);
    assert_eq!(c["outpatient"]["population_share"], 0.0);
    assert_eq!(c["inpatient"]["population_share"], 0.0);
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
}

#[test]
fn pretty_output_is_the_same_document() {
    let p = fixture("design-example.json");
    let a = stdout_json(&run(&["evaluate", p.to_str().unwrap()]));
    let o = run(&["evaluate", "--pretty", p.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("\n  \"figures\""));
    assert_eq!(stdout_json(&o), a);
}

#[test]
fn bad_scenario_exits_2_naming_the_field() {
    let mut v: Value = serde_json::from_str(&design_example()).unwrap();
    v["applications"][0]["lat"] = 95.into();
    let t = Temp::new("bad-lat.json", &v.to_string());
    let o = run(&["evaluate", t.path()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("applications[0].lat: 95 is outside -90..90"), "{}", stderr(&o));

    let t = Temp::new("broken.json", "{\n \"policy\": {\"preset\": \"linyi-2025\"},\n \"city\": }\n");
    let o = run(&["evaluate", t.path()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("line 3 column"), "{}", stderr(&o));

    let mut v: Value = serde_json::from_str(&design_example()).unwrap();
    v["policy"]["overrides"] = serde_json::json!({"radius": 900});
    let t = Temp::new("bad-override.json", &v.to_string());
    let o = run(&["evaluate", t.path()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("policy.overrides.radius"), "{}", stderr(&o));
}

#[test]
fn missing_file_exits_2() {
    let o = run(&["evaluate", "/nonexistent/dingdian/scenario.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/nonexistent/dingdian/scenario.json"), "{}", stderr(&o));
}

#[test]
fn presets_lists_both() {
    let o = run(&["presets"]);
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    for needle in [
        "linyi-2025",
        "xian-2025",
        "临沂市基本医保定点医药机构资源配置规划",
        "西安市医疗保障定点医药服务资源配置工作规划",
        "service_radius_m",
        "[assumption]",
    ] {
        assert!(out.contains(needle), "presets output lacks {needle}:\n{out}");
    }
    let v = stdout_json(&run(&["presets", "--json"]));
    let ids: Vec<&str> = v.as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["linyi-2025", "xian-2025"]);
}

#[test]
fn evaluate_help_documents_the_output() {
    let o = run(&["evaluate", "--help"]);
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    for needle in ["as_of", "figures", "decisions", "coverage", "Exit status", "-90..90", "standard input"] {
        assert!(out.contains(needle), "help lacks {needle}:\n{out}");
    }
}

#[test]
fn stdin_dash_reads_standard_input() {
    let mut child = bin()
        .args(["evaluate", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(design_example().as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    let from_stdin = stdout_json(&o);
    let from_file = stdout_json(&run(&["evaluate", fixture("design-example.json").to_str().unwrap()]));
    assert_eq!(from_stdin, from_file);
}

#[test]
fn policy_file_is_resolved_relative_to_the_scenario() {
    // Run from elsewhere: "../custom-preset.json" is relative to tests/fixtures/nested/.
    let o = bin()
        .current_dir(std::env::temp_dir())
        .args(["evaluate", fixture("nested/scenario-with-preset-file.json").to_str().unwrap()])
        .output()
        .unwrap();
    let v = stdout_json(&o);
    let d = v["decisions"].as_array().unwrap();
    assert_eq!(d[0]["id"], "near");
    assert_eq!(d[0]["outcome"], "rejected");
    let nearby = d[0]["rules"].as_array().unwrap().iter().find(|e| e["rule"] == "pharmacy.same_type_nearby").unwrap();
    assert_eq!(nearby["clause"], "custom 第四条");
    assert!(nearby["detail"]["zh"].as_str().unwrap().starts_with("500 米内已有"));
    // 646 m away: outside this preset's 500 m.
    assert_eq!(d[1]["id"], "far");
    assert_eq!(d[1]["outcome"], "accepted");
}

#[test]
fn as_of_left_out_is_today_and_echoed() {
    let mut v: Value = serde_json::from_str(&design_example()).unwrap();
    v.as_object_mut().unwrap().remove("as_of");
    let t = Temp::new("no-as-of.json", &v.to_string());
    let before = dingdian::date::Date::today();
    let out = stdout_json(&run(&["evaluate", t.path()]));
    let after = dingdian::date::Date::today();
    let as_of = dingdian::date::Date::parse(out["as_of"].as_str().unwrap()).expect("a YYYY-MM-DD date");
    // Today in Beijing time (either side of a midnight during the run).
    assert!(as_of == before || as_of == after, "{as_of} is not {before}");
}

#[test]
fn evaluate_marks_the_figures_that_rest_on_a_reading() {
    // 三(一)1 names the inputs of 测算值, the annex the two coefficients; the arithmetic is the
    // simulator's reading, and the JSON says so beside the figures, city and county.
    let o = run(&["evaluate", fixture("design-example.json").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let f = &stdout_json(&o)["figures"];
    assert_eq!(f["rests_on"]["measured_beds_per_1000"][0], "bed_need_formula");
    assert_eq!(f["counties"]["lanshan"]["rests_on"]["fund_coef"][2], "county_fund_coef_city");
    let readings = f["readings"].as_array().unwrap();
    let formula = readings.iter().find(|r| r["id"] == "bed_need_formula").unwrap();
    assert_eq!(formula["kind"], "assumption");
    assert!(formula["text"]["en"].as_str().unwrap().contains("simulator's reading, not a quote"));
    let switch = readings.iter().find(|r| r["id"] == "patient_coef_enabled").unwrap();
    assert_eq!((switch["kind"].as_str(), switch["value"].as_bool()), (Some("switch"), Some(true)));
    // Every id a figure rests on is explained in `readings`.
    for (_, ids) in
        f["rests_on"].as_object().unwrap().iter().chain(f["counties"]["lanshan"]["rests_on"].as_object().unwrap())
    {
        for id in ids.as_array().unwrap() {
            assert!(readings.iter().any(|r| &r["id"] == id), "{id} is not in readings");
        }
    }
}
