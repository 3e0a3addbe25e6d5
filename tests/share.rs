//! Share links and autosave (`dingdian::share`): a scenario survives the round trip through the
//! text of a link exactly; a link carries only the edits of a built-in data set; a damaged,
//! tampered, too new or too large link is refused with a message naming what was wrong.

use std::io::Write;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use dingdian::date::Date;
use dingdian::sample::linyi_sample;
use dingdian::scenario::{Application, Kind, Scenario};
use dingdian::share::{
    decode, encode, encode_with_policy, from_fragment, merge_apply, merge_diff, Base, ShareError, View, FORMAT,
    LINK_LIMIT_CHARS, LINK_MAX_DECODED_BYTES, STORE_MAX_DECODED_BYTES,
};
use dingdian::synth::{synth_scenario, SampleCity, SynthSpec};
use dingdian::text::Lang;
use dingdian::{evaluate, Outcome};
use serde_json::{json, Value};

fn view(dataset: &str) -> View {
    View { dataset: dataset.into(), lang: Lang::En, selected: 1 }
}

fn builtin_scenario(id: &str) -> Option<Scenario> {
    match id {
        "sample" => Some(linyi_sample()),
        "linyi" => Some(synth_scenario(&SynthSpec::published(SampleCity::Linyi, 1000.0))),
        _ => None,
    }
}

fn builtin(id: &str) -> Option<Base> {
    builtin_scenario(id).map(Base::new)
}

fn sample_base() -> Base {
    Base::new(linyi_sample())
}

/// The sample as a user left it: a parameter and a rule changed, the application moved, a
/// second one added, a county's beds and the city's fund months edited.
fn edited_sample() -> Scenario {
    let mut sc = linyi_sample();
    sc.policy.overrides.insert("service_radius_m".into(), json!(500));
    sc.policy.overrides.insert("fund.deficit".into(), json!(false));
    sc.applications[0].lon += 0.01;
    sc.applications[0].lat -= 0.005;
    let mut a = Application::new("a-new", Kind::Outpatient, 118.34, 35.06);
    a.name = Some("新诊所".into());
    sc.applications.push(a);
    sc.counties[0].open_beds = Some(12_345);
    sc.city.fund.as_mut().unwrap().resident_months = Some(5.5);
    sc
}

fn decisions(sc: &Scenario) -> Vec<(String, Outcome)> {
    let policy = dingdian::scenario::resolve_policy(sc, |_| Err("no files".into())).unwrap();
    evaluate(sc, &policy, Date::parse("2026-03-01").unwrap()).decisions.into_iter().map(|d| (d.id, d.outcome)).collect()
}

#[test]
fn an_edited_builtin_data_set_round_trips_exactly_with_the_same_decisions() {
    let sc = edited_sample();
    let enc = encode(&sc, &view("sample"), Some(&sample_base()), Some(LINK_LIMIT_CHARS));
    assert_eq!(enc.data_left_out, None);
    assert!(enc.text.starts_with(&format!("{FORMAT}.")), "{}", enc.text);
    let opened = decode(&enc.text, LINK_MAX_DECODED_BYTES, builtin).unwrap();
    assert_eq!(opened.scenario.as_ref(), Some(&sc));
    assert_eq!(opened.dataset, "sample");
    assert_eq!(opened.preset, "linyi-2025");
    assert_eq!(opened.overrides, sc.policy.overrides);
    assert_eq!((opened.lang, opened.selected), (Some(Lang::En), 1));
    assert!(opened.notes.is_empty(), "{:?}", opened.notes);
    assert_eq!(decisions(opened.scenario.as_ref().unwrap()), decisions(&sc));
}

#[test]
fn a_link_to_a_builtin_data_set_carries_only_the_edits() {
    // The synthetic Linyi has about 17,000 cells and 10,000 institutions: a link of the whole
    // data would be hundreds of kilobytes; the edits alone are a few hundred characters.
    let base = builtin("linyi").unwrap();
    let mut sc = base.scenario.clone();
    sc.policy.overrides.insert("service_radius_m".into(), json!(1200));
    sc.applications.push(Application::new("a-1", Kind::Pharmacy, 118.36, 35.1));
    sc.counties[3].open_beds = Some(4321);
    let enc = encode(&sc, &view("linyi"), Some(&base), Some(LINK_LIMIT_CHARS));
    assert!(enc.text.len() < 2000, "{} characters", enc.text.len());
    let opened = decode(&enc.text, LINK_MAX_DECODED_BYTES, builtin).unwrap();
    assert_eq!(opened.scenario.unwrap(), sc);

    let untouched = encode(&base.scenario, &view("linyi"), Some(&base), Some(LINK_LIMIT_CHARS));
    assert!(untouched.text.len() < 200, "{}", untouched.text);
}

#[test]
fn data_that_is_not_builtin_is_carried_whole_or_left_out_with_a_note() {
    let mut small = edited_sample();
    small.city.name = "某市".into();
    let enc = encode(&small, &view("imported"), None, Some(LINK_LIMIT_CHARS));
    assert_eq!(enc.data_left_out, None);
    assert_eq!(decode(&enc.text, LINK_MAX_DECODED_BYTES, builtin).unwrap().scenario.unwrap(), small);

    // Too large for a link: the parameters travel, the data does not, and opening says so.
    let mut big = builtin_scenario("linyi").unwrap();
    big.policy.overrides.insert("service_radius_m".into(), json!(900));
    let enc = encode(&big, &view("imported"), None, Some(LINK_LIMIT_CHARS));
    let full = enc.data_left_out.expect("left out");
    assert!(full > LINK_LIMIT_CHARS && enc.text.len() < 300, "{full} → {}", enc.text.len());
    let opened = decode(&enc.text, LINK_MAX_DECODED_BYTES, builtin).unwrap();
    assert_eq!(opened.scenario, None);
    assert_eq!(opened.overrides.get("service_radius_m"), Some(&json!(900)));
    assert!(opened.notes[0].en.contains("too large for the link"), "{:?}", opened.notes);
    assert!(opened.notes[0].zh.contains("过大"));

    // Autosave has no such limit: the whole data comes back.
    let stored = encode(&big, &view("imported"), None, None);
    assert_eq!(stored.data_left_out, None);
    assert_eq!(decode(&stored.text, STORE_MAX_DECODED_BYTES, builtin).unwrap().scenario.unwrap(), big);
}

#[test]
fn a_truncated_link_is_refused_naming_the_damage() {
    let enc = encode(&edited_sample(), &view("sample"), Some(&sample_base()), None);
    for cut in [enc.text.len() - 1, enc.text.len() - 7, enc.text.len() / 2, 4] {
        let err = decode(&enc.text[..cut], LINK_MAX_DECODED_BYTES, builtin).unwrap_err();
        assert!(matches!(err, ShareError::Damaged(_)), "cut at {cut}: {err:?}");
        let m = err.message();
        assert!(m.en.contains("damaged or cut short") && m.zh.contains("截断"), "{m:?}");
    }
    assert!(matches!(decode("1.", LINK_MAX_DECODED_BYTES, builtin), Err(ShareError::Damaged(_))));
}

#[test]
fn a_tampered_link_is_refused_never_opened_as_something_else() {
    let enc = encode(&edited_sample(), &view("sample"), Some(&sample_base()), None);
    // Every single-character change in the middle of the link: the zlib checksum (or the
    // inflater, or the scenario's own checks) refuses it.
    let body: Vec<char> = enc.text.chars().collect();
    for at in (2..body.len() - 2).step_by(3) {
        let mut t = body.clone();
        t[at] = if t[at] == 'A' { 'B' } else { 'A' };
        let t: String = t.into_iter().collect();
        match decode(&t, LINK_MAX_DECODED_BYTES, builtin) {
            Err(ShareError::Damaged(_) | ShareError::Invalid(_)) => {}
            other => panic!("changing character {at} gave {other:?}"),
        }
    }
    let mut t = enc.text.clone();
    t.insert(10, '!');
    assert_eq!(decode(&t, LINK_MAX_DECODED_BYTES, builtin).unwrap_err(), ShareError::BadCharacter(10, '!'));
    assert!(ShareError::BadCharacter(10, '!').message().en.contains("character 11 (“!”)"));
}

/// Packs any JSON the way a link does (to build links a user or an attacker could write).
fn pack(json: &str) -> String {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(json.as_bytes()).unwrap();
    format!("1.{}", URL_SAFE_NO_PAD.encode(z.finish().unwrap()))
}

/// The app's autosave gives the policy beside the data: the same text as the scenario carrying it,
/// on built-in data (edits only) and on data carried whole.
#[test]
fn a_policy_given_beside_the_data_encodes_as_the_scenario_carrying_it() {
    let mut policy = dingdian::scenario::PolicyRef { preset: Some("linyi-2025".into()), ..Default::default() };
    policy.overrides.insert("service_radius_m".into(), json!(650));
    let mut data = linyi_sample();
    data.applications[0].lon += 0.01;
    let carrying = Scenario { policy: policy.clone(), ..data.clone() };
    let base = sample_base();
    for b in [Some(&base), None] {
        assert_eq!(
            encode_with_policy(&data, &policy, &view("sample"), b, None).text,
            encode(&carrying, &view("sample"), b, None).text
        );
    }
}

/// A link made on the sample is recognised whatever parameters were set when the sample was
/// opened: the fingerprint is of the data alone, so that changed parameters never read as
/// "the built-in data changed since this link was made".
#[test]
fn the_base_fingerprint_is_of_the_data_not_its_parameters() {
    let mut with_policy = linyi_sample();
    with_policy.policy.overrides.insert("service_radius_m".into(), json!(500));
    with_policy.policy.preset = Some("linyi-2025".into());
    let plain = Base::new(linyi_sample());
    assert_eq!(Base::new(with_policy).fingerprint(), plain.fingerprint());
    // What links made so far carry: FNV-1a (32 bits) of the data's JSON, its policy the default.
    let mut data = linyi_sample();
    data.policy = Default::default();
    let fnv = serde_json::to_vec(&data)
        .unwrap()
        .iter()
        .fold(0x811c_9dc5u32, |h, &b| (h ^ b as u32).wrapping_mul(0x0100_0193));
    assert_eq!(plain.fingerprint(), format!("{fnv:08x}"));
    // The data itself does count.
    let mut moved = linyi_sample();
    moved.institutions[0].lon += 0.001;
    assert_ne!(Base::new(moved).fingerprint(), plain.fingerprint());
}

#[test]
fn a_valid_link_with_bad_content_names_the_field() {
    let cases = [
        (json!({"dataset": "sample", "preset": "linyi-2025", "colour": 1}), "unknown field `colour`"),
        (json!({"dataset": "sample", "preset": "nowhere-2030"}), "policy.preset: unknown preset \"nowhere-2030\""),
        (
            json!({"dataset": "sample", "preset": "linyi-2025", "overrides": {"service_radius_m": -5}}),
            "policy.overrides.service_radius_m",
        ),
        (
            json!({"dataset": "sample", "preset": "linyi-2025", "base": sample_base().fingerprint(),
                   "data": {"applications": [{"id": "a-1", "kind": "pharmacy", "lon": 118.3, "lat": 95}]}}),
            "applications[0].lat: 95 is outside -90..90",
        ),
        (
            json!({"dataset": "sample", "preset": "linyi-2025", "base": sample_base().fingerprint(),
                   "data": {"city": {"beds_per_cat": 3}}}),
            "city.beds_per_cat: unknown field",
        ),
        (
            json!({"dataset": "atlantis", "preset": "linyi-2025", "base": "00000000", "data": {}}),
            "dataset: \"atlantis\" is not a built-in data set",
        ),
    ];
    for (payload, expected) in cases {
        let err = decode(&pack(&payload.to_string()), LINK_MAX_DECODED_BYTES, builtin).unwrap_err();
        let m = err.message();
        assert!(m.en.contains(expected), "{payload}: {}", m.en);
        assert!(m.zh.contains("无效"), "{}", m.zh);
    }
    let err = decode(&pack("{\"dataset\": "), LINK_MAX_DECODED_BYTES, builtin).unwrap_err();
    assert!(err.message().en.contains("not valid JSON"), "{err:?}");
}

#[test]
fn formats_newer_or_unknown_say_exactly_why_they_do_not_open() {
    let m = decode("3.eJyrrgUAAXUA-Q", LINK_MAX_DECODED_BYTES, builtin).unwrap_err().message();
    assert!(m.en.contains("newer version (format 3)") && m.en.contains("reads formats 1–2"), "{}", m.en);
    assert!(m.zh.contains("格式 3"), "{}", m.zh);
    let m = decode("0.eJyrrgUAAXUA-Q", LINK_MAX_DECODED_BYTES, builtin).unwrap_err().message();
    assert!(m.en.contains("format 0 is no longer read"), "{}", m.en);
    assert_eq!(decode("eJyrrgUAAXUA-Q", LINK_MAX_DECODED_BYTES, builtin).unwrap_err(), ShareError::NoFormat);
    assert_eq!(decode("x.eJyrrgUAAXUA-Q", LINK_MAX_DECODED_BYTES, builtin).unwrap_err(), ShareError::NoFormat);
}

#[test]
fn the_oldest_format_still_opens() {
    // A format-1 link written by hand as the first version wrote it: it must keep opening.
    let v1 = pack(r#"{"dataset":"sample","lang":"zh","preset":"linyi-2025","overrides":{"service_radius_m":600}}"#);
    let opened = decode(&v1, LINK_MAX_DECODED_BYTES, builtin).unwrap();
    assert_eq!(opened.lang, Some(Lang::Zh));
    assert_eq!(opened.overrides.get("service_radius_m"), Some(&json!(600)));
    let mut expected = linyi_sample();
    expected.policy.overrides.insert("service_radius_m".into(), json!(600));
    assert_eq!(opened.scenario.unwrap(), expected);
}

#[test]
fn a_decompression_bomb_is_refused() {
    // 9 MB of spaces compress to a few kilobytes of link.
    let bomb = pack(&" ".repeat(9 * 1024 * 1024));
    assert!(bomb.len() < 20_000, "{}", bomb.len());
    let err = decode(&bomb, LINK_MAX_DECODED_BYTES, builtin).unwrap_err();
    assert_eq!(err, ShareError::TooLarge(LINK_MAX_DECODED_BYTES));
    assert!(err.message().en.contains("more than 8 MB"), "{}", err.message().en);
}

#[test]
fn a_changed_builtin_data_set_is_named_when_the_link_opens() {
    let sc = edited_sample();
    let enc = encode(&sc, &view("sample"), Some(&sample_base()), None);
    // The next version's sample has one more population cell.
    let changed = |id: &str| {
        builtin_scenario(id).map(|mut b| {
            let mut c = b.population_cells[0].clone();
            c.lon += 0.001;
            b.population_cells.push(c);
            Base::new(b)
        })
    };
    let opened = decode(&enc.text, LINK_MAX_DECODED_BYTES, changed).unwrap();
    assert!(opened.notes[0].en.contains("changed since this link was made"), "{:?}", opened.notes);
    assert_eq!(opened.scenario.unwrap().applications, sc.applications);
}

/// A built-in data set holds a year of applications: a link carries only those that changed,
/// whatever was done to them (moved, removed, added, reordered).
#[test]
fn a_link_carries_only_the_applications_that_changed() {
    let base = builtin("linyi").unwrap();
    assert!(base.scenario.applications.len() > 50);
    let mut sc = base.scenario.clone();
    sc.applications[3].lon += 0.002;
    sc.applications[7].name = Some("改名的申请".into());
    sc.applications.remove(10);
    sc.applications.push(Application::new("a-new", Kind::Outpatient, 118.4, 35.0));
    let enc = encode(&sc, &view("linyi"), Some(&base), Some(LINK_LIMIT_CHARS));
    assert!(enc.text.len() < 1000, "{} characters", enc.text.len());
    assert_eq!(decode(&enc.text, LINK_MAX_DECODED_BYTES, builtin).unwrap().scenario.unwrap(), sc);

    // A new order travels too.
    sc.applications.swap(0, 5);
    let enc = encode(&sc, &view("linyi"), Some(&base), Some(LINK_LIMIT_CHARS));
    assert_eq!(decode(&enc.text, LINK_MAX_DECODED_BYTES, builtin).unwrap().scenario.unwrap(), sc);

    // A tampered order is named.
    let bad = json!({"dataset": "sample", "preset": "linyi-2025", "base": sample_base().fingerprint(),
                     "data": {"applications": {"by_id": {}, "order": ["nobody"]}}});
    let err = decode(&pack(&bad.to_string()), LINK_MAX_DECODED_BYTES, builtin).unwrap_err();
    assert!(err.message().en.contains("data.applications: order: no application \"nobody\""), "{err:?}");
}

/// A link made before the sample held a year of applications (format 1, its one application
/// carried whole) still opens: on today's sample, with a note that the data set changed.
#[test]
fn a_format_1_link_of_the_one_application_sample_still_opens() {
    let old = json!({"dataset": "sample", "preset": "linyi-2025", "selected": 0, "base": "0badf00d",
        "overrides": {"service_radius_m": 500},
        "data": {"applications": [{"id": "a-1", "name": "拟开设药店（假设）", "kind": "pharmacy",
            "category": "ordinary", "change": "new", "lon": 118.33, "lat": 35.07, "county": "lanshan",
            "operating_months": 4, "pharmacists": 1}]}});
    let opened = decode(&pack(&old.to_string()), LINK_MAX_DECODED_BYTES, builtin).unwrap();
    assert!(opened.notes[0].en.contains("changed since this link was made"), "{:?}", opened.notes);
    let sc = opened.scenario.unwrap();
    assert_eq!(sc.applications.len(), 1, "the link's applications, as they were");
    assert_eq!(sc.applications[0].lon, 118.33);
    assert_eq!(sc.population_cells, linyi_sample().population_cells, "today's sample otherwise");
    assert_eq!(opened.overrides["service_radius_m"], json!(500));
}

#[test]
fn merge_patches_turn_the_base_into_the_target() {
    let base = json!({"a": 1, "b": {"c": [1, 2], "d": "x"}, "e": true});
    let target = json!({"a": 1, "b": {"c": [1, 3], "f": 2.5}, "g": null});
    let patch = merge_diff(&base, &target).unwrap();
    assert_eq!(patch, json!({"b": {"c": [1, 3], "d": null, "f": 2.5}, "e": null, "g": null}));
    let mut v = base.clone();
    merge_apply(&mut v, &patch);
    // A null in the target is absent after the patch (RFC 7386); the scenario has no nulls.
    assert_eq!(v, json!({"a": 1, "b": {"c": [1, 3], "f": 2.5}}));
    assert_eq!(merge_diff(&base, &base), None);
    let mut w: Value = json!([1]);
    merge_apply(&mut w, &json!({"k": 1}));
    assert_eq!(w, json!({"k": 1}));
}

#[test]
fn the_scenario_is_found_among_the_fragment_parts() {
    assert_eq!(from_fragment("#s=1.abc"), Some("1.abc"));
    assert_eq!(from_fragment("lang=en&s=1.abc"), Some("1.abc"));
    assert_eq!(from_fragment("#bench"), None);
}
