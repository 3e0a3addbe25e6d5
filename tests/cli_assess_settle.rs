//! `dingdian assess` (linyi-2019 政策措施(三)(四)(五)) and `dingdian settle` (shandong-2024): one
//! JSON document on stdout, exit 0; exit 2 on a bad input with a message naming the field path.

use std::io::Write;
use std::process::{Output, Stdio};

use serde_json::Value;

mod common;
use common::cli::{bin, fixture_path as fixture, run, stderr, stdout_json, Temp};

fn run_fixture(cmd: &str, name: &str) -> Output {
    run(&[cmd, fixture(name).to_str().unwrap()])
}

/// Standard output as JSON, after checking the run said nothing on stderr.
fn quiet_json(o: &Output) -> Value {
    assert!(o.stderr.is_empty(), "{}", String::from_utf8_lossy(&o.stderr));
    stdout_json(o)
}

/// Runs `cmd` on an edited copy of a fixture and expects exit 2 with `needle` on stderr.
fn refused(cmd: &str, fixture_name: &str, edit: impl FnOnce(&mut Value), needle: &str) {
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(fixture(fixture_name)).unwrap()).unwrap();
    edit(&mut v);
    refused_text(cmd, &v.to_string(), needle);
}

fn refused_text(cmd: &str, text: &str, needle: &str) {
    let t = Temp::beside_fixture("design-example.json", &format!("bad-{cmd}-{}.json", needle.len()), text);
    let o = run(&[cmd, t.path()]);
    assert_eq!(o.status.code(), Some(2), "{cmd} should refuse; stderr {}", stderr(&o));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains(needle), "stderr lacks {needle:?}: {}", stderr(&o));
}

fn inst<'a>(v: &'a Value, id: &str) -> &'a Value {
    v["institutions"].as_array().unwrap().iter().find(|i| i["id"] == id).unwrap_or_else(|| panic!("no {id}"))
}

fn rule<'a>(i: &'a Value, id: &str) -> &'a Value {
    i["rules"].as_array().unwrap().iter().find(|e| e["rule"] == id).unwrap_or_else(|| panic!("no {id} in {i}"))
}

#[test]
fn assess_prints_exits_renewals_and_coverage() {
    // 政策措施(三)“实施‘四退出’约束机制……实行末位淘汰制”；(四)“协议有效期一般为三年”
    let v = quiet_json(&run_fixture("assess", "assess-example.json"));
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["as_of", "institutions", "summary", "coverage"]);
    assert_eq!(v["as_of"], "2026-01-15");

    // The lowest pharmacy of the saturated area (3 in 4,000 residents: 7.5 per 10,000).
    let ph1 = inst(&v, "ph-1");
    assert_eq!(ph1["outcome"], "exits");
    assert_eq!(ph1["exit_reasons"], serde_json::json!(["exit.last_place"]));
    let e = rule(ph1, "exit.last_place");
    assert_eq!((e["clause"].as_str(), e["verdict"].as_str()), (Some("linyi-2019 政策措施(三)(五)"), Some("fail")));
    assert!(e["detail"]["zh"].as_str().unwrap().contains("7.5") && e["detail"]["en"].as_str().unwrap().contains("72"));
    assert_eq!(
        ph1["negative_list"],
        serde_json::json!({"reason": "agreement_terminated", "since": "2026-01-15", "switch": "exit_negative_list_scope"})
    );
    // 政策措施(三)“已被解除医保服务协议的……三年内不受理”: a last-place exit bars re-admission only on the
    // reading that it terminates the agreement, and the output names the switch.
    assert_eq!(ph1["negative_list_switch"], "exit_negative_list_scope");
    assert_eq!(rule(ph1, "negative_list")["switch"], "exit_negative_list_scope");
    // (五)“探索实行末位淘汰制”, and what “severely over” means is an assumption.
    assert_eq!(rule(ph1, "exit.last_place")["switch"], "last_place_severe_excess_pct");
    assert!(rule(ph1, "exit.last_place")["note"]["zh"].as_str().unwrap().contains("探索实行末位淘汰制"));
    assert_eq!(ph1["agreement"]["terminated_on"], "2026-01-15");
    // Below the pass mark.
    assert_eq!(inst(&v, "ph-4")["exit_reasons"], serde_json::json!(["exit.poor_management"]));
    // Last place in a county over its bed allocation (actual 9 beds per 1,000 above measured).
    assert_eq!(inst(&v, "hd-2")["exit_reasons"], serde_json::json!(["exit.last_place"]));
    assert_eq!(inst(&v, "hd-1")["outcome"], "renews");
    // Blacklisted on 2025-12-10 and the agreement terminated on the assessment date: of the two
    // bars the later-ending one is kept.
    let cl1 = inst(&v, "cl-1");
    assert_eq!(cl1["exit_reasons"], serde_json::json!(["exit.blacklist"]));
    assert!(rule(cl1, "exit.blacklist")["detail"]["zh"].as_str().unwrap().contains("2025-12-10"));
    // Only the reading that every exit terminates the agreement makes the later bar a termination
    // (under "sanctions_only" the blacklisting of 2025-12-10 is the entry), so it names the switch.
    assert_eq!(
        cl1["negative_list"],
        serde_json::json!({"reason": "agreement_terminated", "since": "2026-01-15", "switch": "exit_negative_list_scope"})
    );
    // Renewals: one violation in the term gives the ordinary three years; none gives five.
    let ph2 = inst(&v, "ph-2");
    assert_eq!(ph2["outcome"], "renews");
    assert_eq!(
        ph2["agreement"]["renewal"],
        serde_json::json!({"from": "2026-06-01", "years": 3, "term_end": "2029-06-01", "extended": false})
    );
    assert_eq!(inst(&v, "hd-1")["agreement"]["renewal"]["term_end"], "2030-12-01");
    // 29 February 2024 + 3 years ends on 28 February 2027, after the next assessment: continues.
    let ph3 = inst(&v, "ph-3");
    assert_eq!(ph3["outcome"], "continues");
    assert_eq!(ph3["agreement"]["term_end"], "2027-02-28");

    let s = &v["summary"];
    assert_eq!(
        (s["assessed"].as_u64(), s["exits"].as_u64(), s["renewals"].as_u64(), s["continuing"].as_u64()),
        (Some(7), Some(4), Some(2), Some(1))
    );

    let c = &v["coverage"];
    assert_eq!(c["exiting"], serde_json::json!(["ph-1", "ph-4", "hd-2", "cl-1"]));
    assert_eq!(c["lost"]["pharmacy"]["population_losing"], 12_000);
    assert_eq!(c["lost"]["inpatient"]["population_losing"], 30_000);
    assert_eq!(c["lost"]["outpatient"]["cells_losing"], 2);
    assert_eq!(c["cells_losing_count"], 3);
    assert_eq!(c["population_losing"], 46_000);
    assert_eq!(c["before"]["pharmacy"]["covered_population"], 16_000);
    assert_eq!(c["after"]["pharmacy"]["covered_population"], 4_000);
    let cell = &c["cells_losing_coverage"][2];
    assert_eq!(cell["kinds"], serde_json::json!(["outpatient", "inpatient"]));
    assert_eq!(cell["county"], "hedong");
}

#[test]
fn assess_reads_a_scenario_file_relative_to_the_input() {
    // 政策措施(三)“将管理差……的退出去” — the design example's pharmacy below the pass mark
    let v = quiet_json(&run_fixture("assess", "assess-with-file.json"));
    assert_eq!(v["as_of"], "2026-03-01");
    let p = inst(&v, "p-001");
    assert_eq!(p["outcome"], "exits");
    assert_eq!(v["coverage"]["population_losing"], 5_200);
    assert_eq!(v["coverage"]["lost"]["pharmacy"]["share_after"], 0.0);
    // A preset file named by the scenario file resolves relative to the scenario file.
    let v = quiet_json(&run_fixture("assess", "nested/../assess-nested.json"));
    assert_eq!(inst(&v, "p-1")["rules"], serde_json::json!([]), "the custom preset has no assessment rules");
    assert_eq!(inst(&v, "p-1")["outcome"], "continues");
}

#[test]
fn assess_pretty_and_stdin_give_the_same_document() {
    // 政策措施(五)“医保经办机构要每年组织一次对医保定点医药机构的考核评价” — the same result however it is read
    let a = quiet_json(&run_fixture("assess", "assess-example.json"));
    let o = run(&["assess", "--pretty", fixture("assess-example.json").to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("\n  \"institutions\""));
    assert_eq!(quiet_json(&o), a);
    let mut child = bin()
        .args(["assess", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(std::fs::read_to_string(fixture("assess-example.json")).unwrap().as_bytes())
        .unwrap();
    assert_eq!(quiet_json(&child.wait_with_output().unwrap()), a);
}

#[test]
fn assess_refuses_bad_input_naming_the_field() {
    // 政策措施(三)“根据服务质量及满意度测评结果” — the results must be well-formed, or the field is named
    let f = "assess-example.json";
    refused("assess", f, |v| v["institutions"][1]["scor"] = 3.into(), "institutions[1].scor: unknown field");
    refused(
        "assess",
        f,
        |v| v["scenario"]["institutions"][0]["lat"] = 95.into(),
        "scenario.institutions[0].lat: 95 is outside -90..90",
    );
    refused(
        "assess",
        f,
        |v| v["scenario"]["institutions"][0]["kind"] = "hospital".into(),
        "scenario.institutions[0].kind: unknown variant",
    );
    refused(
        "assess",
        f,
        |v| v["scenario"]["policy"]["overrides"] = serde_json::json!({"exit_bottom_share_pct": 150}),
        "scenario.policy.overrides.exit_bottom_share_pct: 150 is outside 0..100",
    );
    refused(
        "assess",
        f,
        |v| v["institutions"][2]["agreement_start"] = "2023-02-30".into(),
        "institutions[2].agreement_start: \"2023-02-30\" is not a date",
    );
    refused(
        "assess",
        f,
        |v| v["institutions"][0]["id"] = "nobody".into(),
        "institutions[0].id: \"nobody\" is not the id of any institution",
    );
    refused(
        "assess",
        f,
        |v| v["institutions"][1]["id"] = "ph-1".into(),
        "institutions[1].id: \"ph-1\" is assessed twice",
    );
    refused(
        "assess",
        f,
        |v| v["institutions"][3]["satisfaction_pct"] = 120.into(),
        "institutions[3].satisfaction_pct: 120 is outside 0..100",
    );
    refused(
        "assess",
        f,
        |v| v["institutions"][0]["blacklisted_since"] = "2025-01-01".into(),
        "institutions[0].blacklisted_since: given, but \"blacklisted\" is not true",
    );
    refused(
        "assess",
        f,
        |v| v["scenario"]["institutions"][0]["designated"] = false.into(),
        "institutions[0].id: \"ph-1\" is not designated",
    );
    refused("assess", f, |v| v["as_of"] = "15/01/2026".into(), "as_of: \"15/01/2026\" is not a date");
    refused("assess", f, |v| v["scenario_file"] = "design-example.json".into(), "scenario: give exactly one of");
    refused(
        "assess",
        f,
        |v| v["scenario"]["policy"]["overrides"] = serde_json::json!({"exit.nowhere": true}),
        "scenario.policy.overrides.exit.nowhere: unknown",
    );
    refused_text(
        "assess",
        r#"{"scenario_file": "missing.json", "institutions": []}"#,
        "scenario_file: cannot read \"missing.json\"",
    );
    refused_text(
        "assess",
        r#"{"scenario_file": "design-example.json", "institutions": [{"id": "p-001", "score": -1}]}"#,
        "institutions[0].score: -1",
    );
    refused_text("assess", "{\n  \"institutions\": [\n", "line 3 column 0");
}

fn close(v: &Value, want: f64) {
    let got = v.as_f64().unwrap_or_else(|| panic!("{v} is not a number"));
    assert!((got - want).abs() < 1e-6, "got {got}, want {want}");
}

#[test]
fn settle_prints_budget_settlement_checks_and_projection() {
    // 二(二)“合理测算各类人头预算标准，结合县域医共体服务人群”；二(三)“建立‘结余留用、合理超支分担’机制”；二(四)“预付1个月左右”；三(一)“相差不低于10个百分点”
    let v = quiet_json(&run_fixture("settle", "settle-example.json"));
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["year", "community", "eligible", "budget", "settlement", "prepayment", "projection", "rests_on", "rules"]
    );
    assert_eq!(v["eligible"], true);
    // 2,100 × 20,400 + 840 × 76,500: the people served grew, so the total grows by 7.1%.
    close(&v["budget"]["budget"], 107_100_000.0);
    close(&v["budget"]["growth_pct"], 7.1);
    assert_eq!(v["budget"]["per_head"][1]["served"], 76_500);
    let s = &v["settlement"];
    assert_eq!(s["outcome"], "settled");
    close(&s["spending"], 112_000_000.0);
    close(&s["overspend"], 4_900_000.0);
    close(&s["compensated"], 3_000_000.0);
    // Of the other 1,900,000, 1,200,000 found reasonable: half of it shared.
    close(&s["reasonable_overspend"], 1_200_000.0);
    close(&s["fund_shares"], 600_000.0);
    close(&s["community_bears"], 1_300_000.0);
    assert_eq!(s["objective_causes"], serde_json::json!(["public_health_event"]));
    assert_eq!(s["assessment"], serde_json::json!({"score": 92.0, "factor": null, "link": "not_applied"}));
    // Each figure that rests on the simulator's reading names it.
    assert_eq!(
        v["rests_on"]["settlement.fund_shares"],
        serde_json::json!(["budget_overspend_fund_share_pct", "budget_assessment_link"])
    );
    assert_eq!(v["rests_on"]["settlement.compensated"], serde_json::json!(["budget_objective_compensation_pct"]));
    assert!(v.get("undetermined").is_none());
    assert_eq!(v["prepayment"]["made"], true);
    close(&v["prepayment"]["amount"], 8_925_000.0);
    let rules = v["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 10);
    let gap = rules.iter().find(|e| e["rule"] == "benefit.reimbursement_gap").unwrap();
    assert_eq!((gap["clause"].as_str(), gap["verdict"].as_str()), (Some("shandong-2024 三(一)"), Some("pass")));
    let p = &v["projection"];
    assert_eq!(p["years"].as_array().unwrap().len(), 5);
    assert_eq!(p["ends_in"], "deficit");
    assert_eq!(p["years"][0]["year"], 2025);
    assert_eq!(p["years"][4]["projected"], true);
    assert!(p["years"][4]["budget"].as_f64().unwrap() > 130_000_000.0);
}

#[test]
fn settle_reads_a_file_written_before_the_per_head_standards() {
    // 二(三)“对县域医共体超支部分，应分析原因，厘清责任”；二(二)“合理测算各类人头预算标准”
    // The earlier example: a proposed total, no standards, no reasonable part stated. It loads;
    // the fund no longer pays half the other overspend (2,000,000 before): the split is open.
    let v = quiet_json(&run_fixture("settle", "settle-before-per-head.json"));
    close(&v["budget"]["budget"], 105_000_000.0);
    assert_eq!(v["budget"]["cap"], Value::Null);
    assert_eq!(rule(&v, "budget.growth_cap")["verdict"], "gap");
    let s = &v["settlement"];
    assert_eq!(s["outcome"], "undetermined");
    close(&s["compensated"], 3_000_000.0);
    assert_eq!((&s["fund_shares"], &s["community_bears"]), (&Value::Null, &Value::Null));
    assert_eq!(v["undetermined"]["settlement.fund_shares"], "settlement.reasonable_overspend");
    let e = rule(&v, "settlement.overspend_shared");
    assert_eq!(e["verdict"], "gap");
    assert!(e["detail"]["en"].as_str().unwrap().contains("settlement.reasonable_overspend"), "{e}");
}

#[test]
fn settle_refuses_bad_input_naming_the_field() {
    // 二(三)“将县域医共体按各种付费方式计算获取的医保基金与县域医共体支出总额预算对账” — payments by named methods only
    let f = "settle-example.json";
    refused("settle", f, |v| v["settlement"]["payments"]["drg"] = 1.into(), "settlement.payments.drg: unknown field");
    refused(
        "settle",
        f,
        |v| v["budget"]["fund_revenue_growth_pct"] = "5%".into(),
        "budget.fund_revenue_growth_pct: invalid type",
    );
    refused(
        "settle",
        f,
        |v| v["settlement"]["objective_causes"] = serde_json::json!([]),
        "settlement.objective_causes: name the objective cause",
    );
    refused(
        "settle",
        f,
        |v| v["settlement"]["objective_causes"] = serde_json::json!(["flood"]),
        r#"settlement.objective_causes[0]: "flood" is not one of"#,
    );
    refused(
        "settle",
        f,
        |v| v["budget"]["per_head"]["employee"]["served"] = (-3).into(),
        "budget.per_head.employee.served: invalid value",
    );
    refused("settle", f, |v| v["settlement"]["reasonable"] = 1.into(), "settlement.reasonable: unknown field");
    refused(
        "settle",
        f,
        |v| v["community"]["unifications"]["hr"] = true.into(),
        "community.unifications.hr: unknown field",
    );
    refused("settle", f, |v| v["year"] = 1999.into(), "year: 1999 is outside 2000..2100");
    refused(
        "settle",
        f,
        |v| v["policy"] = serde_json::json!({"preset": "beijing-2030"}),
        "policy.preset: unknown preset \"beijing-2030\"",
    );
    refused(
        "settle",
        f,
        |v| v["projection"]["spending_growth_pct"] = (-100).into(),
        "projection.spending_growth_pct: -100 is outside",
    );
    refused(
        "settle",
        f,
        |v| v.as_object_mut().unwrap().remove("budget").map(|_| ()).unwrap_or(()),
        "missing field `budget`",
    );
    refused_text("settle", "[1, 2]", "invalid type");
}

#[test]
fn garbage_never_panics() {
    // DESIGN §3 “Exit status 0 on success, 2 on a bad scenario with a message on stderr”
    for cmd in ["assess", "settle"] {
        for text in
            ["", "null", "[]", "{}", "\"x\"", "{\"institutions\": 5}", "\u{feff}{}", "{\"policy\": {\"preset\": 7}}"]
        {
            let t = Temp::beside_fixture("design-example.json", &format!("garbage-{cmd}.json"), text);
            let o = run(&[cmd, t.path()]);
            assert_eq!(o.status.code(), Some(2), "{cmd} on {text:?}: {}", stderr(&o));
            assert!(stderr(&o).starts_with("dingdian: "), "{}", stderr(&o));
        }
        let o = run(&[cmd, "/no/such/file.json"]);
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains("cannot read"), "{}", stderr(&o));
    }
}
