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
        let at =
            md.find(&format!("<a id=\"reading-{}\"></a>", def.id)).unwrap_or_else(|| panic!("no entry for {}", def.id));
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
    let entry =
        v["entries"].as_array().unwrap().iter().find(|e| e["param"] == "same_type_nearby_effect").expect("entry");
    assert_eq!(entry["kind"], "switch");
    assert_eq!(entry["clauses"][0]["id"], "linyi-2025 三(一)1②");
    let linyi = entry["defaults"].as_array().unwrap().iter().find(|d| d["preset"] == "linyi-2025").unwrap();
    assert_eq!(linyi["value"], "reject");
    assert_eq!(linyi["reading"]["en"], "reject the application");
}

#[test]
fn every_reading_a_figure_or_the_plan_rests_on_has_an_entry() {
    // 三(一)1 names only the inputs of 测算值 and 三(一)1(2) only "分县区配置管理": the arithmetic the
    // figures and the plan rest on is the simulator's, and the register must say what it is.
    let reg = dingdian::policy::readings::Register::of(&dingdian::policy::builtin_presets());
    let s = dingdian::sample::linyi_sample();
    let policy =
        dingdian::Policy::resolve(&dingdian::policy::builtin_preset("linyi-2025").unwrap(), &Default::default(), "o")
            .unwrap();
    let f = dingdian::engine::figures::compute(&s, &policy.params);
    let mut ids: Vec<&str> = f.rests_on.iter().flat_map(|(_, ids)| ids.iter().copied()).collect();
    ids.push(dingdian::planning::BED_ALLOWANCE_ASSUMPTION);
    for id in ids {
        let e = reg.entry(id).unwrap_or_else(|| {
            panic!("{id} has no entry in the register (add it to readings::BUILT_IN or the parameter table)")
        });
        assert!(!e.clauses.is_empty(), "{id}: its clause is not in the index");
    }
}
