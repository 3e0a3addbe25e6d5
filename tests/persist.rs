//! What the app opens with and what it keeps between visits (`dingdian::persist`): a share link
//! beats the autosaved work (which is put aside, not lost), a damaged link or save gives a
//! message naming what was wrong and the preset, the language follows `?lang=`, and a scenario
//! file opened in the app is checked like `dingdian evaluate` checks it.

use std::collections::BTreeMap;

use dingdian::persist::{
    lang_from_query, open_saved, open_scenario_file, query_with_lang, save_text, start, Level, Source,
};
use dingdian::sample::linyi_sample;
use dingdian::scenario::{PolicyRef, Scenario};
use dingdian::share::{encode, Base, View, LINK_LIMIT_CHARS};
use dingdian::text::Lang;
use serde_json::json;

fn builtin(id: &str) -> Option<Base> {
    (id == "sample").then(|| Base::new(linyi_sample()))
}

/// The sample as a user left it: the radius changed, the application moved and named.
fn edited() -> Scenario {
    let mut sc = linyi_sample();
    sc.policy = PolicyRef {
        preset: Some("linyi-2025".into()),
        overrides: BTreeMap::from([("service_radius_m".to_string(), json!(500))]),
        ..Default::default()
    };
    sc.applications[0].lon += 0.01;
    sc.applications[0].name = Some("my pharmacy".into());
    sc
}

fn view(lang: Lang) -> View {
    View { dataset: "sample".into(), lang, selected: 0 }
}

fn saved(lang: Lang) -> String {
    save_text(&edited(), &view(lang), builtin("sample").as_ref(), None)
}

fn link(lang: Lang) -> String {
    let e = encode(&edited(), &view(lang), builtin("sample").as_ref(), Some(LINK_LIMIT_CHARS));
    format!("#s={}", e.text)
}

#[test]
fn a_reload_opens_the_autosaved_work_as_it_was_left() {
    let s = start("", "", Some(&saved(Lang::En)), None, builtin);
    assert_eq!(s.source, Source::Autosave);
    let o = s.opened.expect("the saved work opens");
    let sc = o.scenario.expect("with its data");
    assert_eq!(sc.applications[0].name.as_deref(), Some("my pharmacy"));
    assert_eq!(sc.applications[0].lon, edited().applications[0].lon);
    assert_eq!(o.overrides.get("service_radius_m"), Some(&json!(500)));
    assert_eq!(s.lang, Lang::En, "the saved language comes back");
    assert!(s.notices.is_empty(), "nothing to say: {:?}", s.notices);
    assert!(!s.put_aside_saved && !s.clear_fragment);
}

#[test]
fn the_baseline_set_by_the_user_is_saved_too() {
    let baseline = BTreeMap::from([("service_radius_m".to_string(), json!(600))]);
    let text = save_text(&edited(), &view(Lang::Zh), builtin("sample").as_ref(), Some(&baseline));
    let s = open_saved(&text, builtin).expect("opens");
    assert_eq!(s.baseline, Some(baseline));
}

#[test]
fn a_share_link_beats_the_autosaved_work_which_is_put_aside_not_lost() {
    let s = start(&link(Lang::En), "", Some("{\"other\": 1}"), Some("zh"), builtin);
    assert_eq!(s.source, Source::Link);
    assert!(s.opened.is_some());
    assert!(s.clear_fragment, "the link leaves the address so that a reload keeps later edits");
    assert!(s.put_aside_saved, "the earlier work is kept aside");
    assert!(s.notices[0].offers_previous, "and offered back");
    assert_eq!(s.lang, Lang::En, "the link's language beats the stored one");
}

#[test]
fn a_tampered_link_says_why_and_opens_the_default_scenario() {
    let mut bad = link(Lang::Zh);
    bad.truncate(bad.len() - 9);
    let s = start(&bad, "", Some(&saved(Lang::Zh)), None, builtin);
    assert_eq!(s.source, Source::Preset);
    assert!(s.opened.is_none(), "the default scenario, not something half read");
    assert_eq!(s.notices.len(), 1);
    let n = &s.notices[0];
    assert_eq!(n.level, Level::Warning);
    assert!(n.text.en.contains("damaged or cut short"), "{}", n.text.en);
    assert!(n.text.zh.contains("已损坏或被截断"), "{}", n.text.zh);
    assert!(n.text.en.contains("default scenario"), "{}", n.text.en);
    assert!(n.offers_previous && s.put_aside_saved, "the autosaved work is not lost to a bad link");
    assert!(s.clear_fragment);

    let format = format!("s={}.", dingdian::share::FORMAT);
    let edited_char = link(Lang::Zh).replacen(&format, &format!("{format}*"), 1);
    let s = start(&edited_char, "", None, None, builtin);
    assert!(s.notices[0].text.en.contains("cannot occur in it"), "{}", s.notices[0].text.en);
    assert!(!s.notices[0].offers_previous, "nothing saved, nothing offered");
}

#[test]
fn a_link_from_a_newer_version_names_the_format() {
    let s = start("#s=7.eJwDAAAAAAE", "", None, None, builtin);
    assert_eq!(s.source, Source::Preset);
    assert!(s.notices[0].text.en.contains("newer version (format 7)"), "{}", s.notices[0].text.en);
}

#[test]
fn an_unreadable_save_is_named_kept_aside_and_the_preset_opens() {
    for (stored, says) in [
        ("{not json", "not valid JSON"),
        ("{\"work\": \"1.abc\"}", "format number is missing"),
        ("{\"dingdian_autosave\": 9, \"work\": \"1.abc\"}", "newer version (format 9)"),
        ("{\"dingdian_autosave\": 1, \"work\": \"1.abc\", \"x\": 1}", "unknown field `x`"),
        ("{\"dingdian_autosave\": 1, \"work\": \"1.AAAA\"}", "does not unpack"),
    ] {
        let s = start("", "", Some(stored), None, builtin);
        assert_eq!(s.source, Source::Preset, "{stored}");
        assert!(s.opened.is_none());
        let en = &s.notices[0].text.en;
        assert!(en.contains("autosaved work could not be restored") && en.contains(says), "{stored}: {en}");
        assert!(s.put_aside_saved, "{stored}: the unreadable save is kept aside, not overwritten");
    }
    let s = start("", "", Some("   "), None, builtin);
    assert!(s.notices.is_empty() && s.source == Source::Preset, "an empty save is no save");
}

#[test]
fn the_language_follows_the_address_then_the_link_then_storage() {
    assert_eq!(start(&link(Lang::Zh), "?lang=en", None, None, builtin).lang, Lang::En);
    assert_eq!(start("", "?x=1&lang=en", Some(&saved(Lang::Zh)), Some("zh"), builtin).lang, Lang::En);
    assert_eq!(start("", "", Some(&saved(Lang::Zh)), Some("en"), builtin).lang, Lang::En);
    assert_eq!(start("", "?lang=fr", None, None, builtin).lang, Lang::Zh, "an unknown language is ignored");
    assert_eq!(lang_from_query("?lang=zh"), Some(Lang::Zh));
    assert_eq!(lang_from_query("?a=lang=en"), None);
}

#[test]
fn the_language_toggle_rewrites_only_lang_in_the_query() {
    assert_eq!(query_with_lang("", Lang::En), "?lang=en");
    assert_eq!(query_with_lang("?lang=en", Lang::Zh), "?lang=zh");
    assert_eq!(query_with_lang("?a=1&lang=en&b=2", Lang::Zh), "?a=1&lang=zh&b=2");
    assert_eq!(query_with_lang("?a=1&lang=en&lang=zh", Lang::En), "?a=1&lang=en");
}

#[test]
fn a_scenario_file_opens_with_its_preset_and_overrides() {
    let text = std::fs::read_to_string("tests/fixtures/design-example.json").expect("fixture");
    let f = open_scenario_file("design-example.json", &text).expect("the DESIGN example opens");
    assert_eq!(f.preset, "linyi-2025");
    assert_eq!(f.scenario, dingdian::scenario::parse(&text).expect("parses"));

    let exported = dingdian::scenario::export::scenario_json(&edited());
    let f = open_scenario_file("x.json", &exported).expect("an exported scenario opens again");
    assert_eq!(f.overrides.get("service_radius_m"), Some(&json!(500)));
    assert_eq!(f.scenario, edited());
}

#[test]
fn a_bad_scenario_file_is_refused_naming_the_field() {
    let mut v: serde_json::Value = serde_json::from_str(&dingdian::scenario::export::scenario_json(&edited())).unwrap();
    v["applications"][0]["lat"] = json!(95);
    let e = open_scenario_file("x.json", &v.to_string()).expect_err("refused");
    assert!(e.en.contains("applications[0].lat: 95 is outside -90..90"), "{}", e.en);

    v["applications"][0]["lat"] = json!(35.0);
    v["policy"]["overrides"]["service_radius_m"] = json!(-3);
    let e = open_scenario_file("x.json", &v.to_string()).expect_err("refused");
    assert!(e.en.contains("service_radius_m"), "{}", e.en);

    v["policy"] = json!({"file": "my-preset.json"});
    let e = open_scenario_file("x.json", &v.to_string()).expect_err("refused");
    assert!(e.en.starts_with("policy.file: the app runs the built-in presets only"), "{}", e.en);

    let e = open_scenario_file("x.json", "{\"city\": ").expect_err("refused");
    assert!(e.en.contains("line 1"), "{}", e.en);
}

#[test]
fn a_link_that_left_the_edits_of_a_builtin_data_set_out_says_so() {
    let e = encode(&edited(), &view(Lang::En), builtin("sample").as_ref(), Some(10));
    assert!(e.data_left_out.is_some());
    let s = start(&format!("#s={}", e.text), "", None, None, builtin);
    assert_eq!(s.source, Source::Link);
    assert!(
        s.notices.iter().any(|n| n.level == Level::Warning && n.text.en.contains("too large for the link")),
        "{:?}",
        s.notices
    );
}

/// The exported scenario file is the scenario written straight to indented JSON, character for
/// character (the export goes through a `serde_json::Value` to keep the page's wasm small): keys
/// in their order, every number with the same digits, absent fields absent.
#[test]
fn the_exported_scenario_is_the_scenario_as_indented_json() {
    let mut awkward = edited();
    awkward.applications[0].lon = 0.1 + 0.2;
    awkward.applications[0].lat = 1e-7 + 35.0;
    awkward.institutions[0].lon = 118.356_789_012_345_67;
    for sc in [edited(), awkward, dingdian::bench::city(2000.0)] {
        assert_eq!(dingdian::scenario::export::scenario_json(&sc), serde_json::to_string_pretty(&sc).unwrap());
    }
}
