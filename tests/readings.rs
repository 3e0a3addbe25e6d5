//! The readings register in docs/ is what `dingdian readings` prints, never a hand-edited copy.

mod common;
use common::cli::{run, stderr, stdout_json};

#[test]
fn docs_readings_md_is_what_the_command_prints() {
    let o = run(&["readings"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let printed = String::from_utf8(o.stdout).expect("UTF-8");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/readings.md");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == printed,
        "docs/readings.md differs from what `dingdian readings` prints (a switch, assumption, preset default or clause changed): regenerate it with `{}`",
        dingdian::policy::readings::REGENERATE
    );
}

#[test]
fn the_register_names_every_switch_with_its_clause_question_and_readings() {
    let md = String::from_utf8(run(&["readings"]).stdout).unwrap();
    for def in dingdian::policy::PARAMETERS.iter().filter(|d| dingdian::policy::readings::is_switch(d)) {
        let at = md.find(&format!("<a id=\"reading-{}\"></a>", def.id)).unwrap_or_else(|| panic!("no entry for {}", def.id));
        let section = &md[at..];
        let section = &section[..section[1..].find("\n### ").map(|i| i + 1).unwrap_or(section.len())];
        assert!(section.contains("**条文 Clause** "), "{}: no clause\n{section}", def.id);
        assert!(section.contains(def.question_zh), "{}: no question\n{section}", def.id);
        assert!(section.contains("**解读 Readings**"), "{}: no readings\n{section}", def.id);
    }
}

#[test]
fn readings_json_lists_each_presets_default_and_source() {
    let v = stdout_json(&run(&["readings", "--json"]));
    let entry = v["entries"].as_array().unwrap().iter().find(|e| e["param"] == "same_type_nearby_effect").expect("entry");
    assert_eq!(entry["kind"], "switch");
    assert_eq!(entry["clauses"][0]["id"], "linyi-2025 三(一)1②");
    let linyi = entry["defaults"].as_array().unwrap().iter().find(|d| d["preset"] == "linyi-2025").unwrap();
    assert_eq!(linyi["value"], "reject");
    assert_eq!(linyi["reading"]["en"], "reject the application");
}
