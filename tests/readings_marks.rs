//! Every reading is visible where the answer is read: a trace entry names the switch that decided
//! it and the assumptions its verdict rests on, and a decision names the readings its outcome
//! rests on, so that the text's own answer can be told from the simulator's.

mod common;
use common::*;
use dingdian::scenario::Category::Ordinary;
use dingdian::{Outcome, Verdict};

#[test]
fn the_texts_own_answer_carries_no_reading() {
    // linyi-2025 三(二)“‘15分钟医保服务圈’范围内已有同类型定点零售药店的，不再受理新增定点申请”, with 二(三)1's
    // "服务半径800米": the rejection is the text's, and the decision says it rests on nothing else.
    let d = Sc::linyi()
        .inst(pharmacy("p-1", &[Ordinary], at(0.0, 300.0)))
        .app(pharmacy_app(&[Ordinary], ORIGIN).eligible())
        .decide();
    outcome(&d, Outcome::Rejected);
    assert!(d.readings.is_empty(), "{:?}", d.readings);
    assert!(entry(&d, "pharmacy.same_type_nearby").assumptions.is_empty());

    // On the sample, the area class beside it reads assumed thresholds (三(二) gives no numbers),
    // and says so; the outcome is still the text's answer.
    let s = dingdian::sample::linyi_sample();
    let policy =
        dingdian::Policy::resolve(&dingdian::policy::builtin_preset("linyi-2025").unwrap(), &Default::default(), "o")
            .unwrap();
    let ev = dingdian::evaluate(&s, &policy, dingdian::date::Date::new(2026, 3, 1).unwrap());
    let d = &ev.decisions[0];
    let area = entry(d, "pharmacy.area_class");
    assert!(area.assumptions.iter().any(|a| a == "pharmacy_saturated_above_per_10k"), "{}", show(d));
    if d.outcome == Outcome::Rejected {
        assert!(d.readings.is_empty(), "{:?}", d.readings);
    }
}

#[test]
fn an_outcome_that_rests_on_a_reading_names_it() {
    // xian-2025 规划目标和内容(二)2“对参保人员步行15分钟有效活动半径范围内没有同类型医药机构的可按规定择优纳入”:
    // the text gives no metres (1,000 m is an assumption) and does not say whether non-designated
    // pharmacies count (a switch).
    let d = Sc::xian()
        .inst(pharmacy("p-1", &[Ordinary], at(0.0, 300.0)))
        .app(pharmacy_app(&[Ordinary], ORIGIN).eligible())
        .decide();
    outcome(&d, Outcome::Rejected);
    let e = rule(&d, "outpatient_pharmacy.no_new", Verdict::Fail, "xian-2025 规划目标和内容(二)2", &["300"]);
    assert!(e.assumptions.iter().any(|a| a == "service_radius_m"), "{:?}", e.assumptions);
    for id in ["xian_count_non_designated", "service_radius_m"] {
        assert!(d.readings.iter().any(|r| r == id), "{id} in {:?}", d.readings);
    }

    // linyi-2025 三(一)1 covers only measured below both or above both: between them the outcome
    // is undetermined, and rests on the switch that left it so.
    let d = Sc::linyi()
        .city_figures(7.6, 7.8)
        .app(
            dingdian::scenario::Application::new("a-1", dingdian::Kind::InpatientGeneral, ORIGIN.0, ORIGIN.1)
                .eligible(),
        )
        .decide();
    outcome(&d, Outcome::Undetermined);
    assert!(d.readings.iter().any(|r| r == "between_band"), "{:?}", d.readings);
}

#[test]
fn the_command_line_prints_the_marks() {
    let s =
        Sc::xian().inst(pharmacy("p-1", &[Ordinary], at(0.0, 300.0))).app(pharmacy_app(&[Ordinary], ORIGIN).eligible());
    let v = serde_json::to_value(s.eval()).unwrap();
    let d = &v["decisions"][0];
    assert!(d["readings"].as_array().unwrap().iter().any(|r| r == "xian_count_non_designated"), "{d}");
    let e = d["rules"].as_array().unwrap().iter().find(|e| e["rule"] == "outpatient_pharmacy.no_new").unwrap();
    assert_eq!(e["switch"], "xian_count_non_designated");
    assert!(e["assumptions"].as_array().unwrap().iter().any(|a| a == "service_radius_m"), "{e}");
    // Entries that rest on nothing print no empty list.
    let n = d["rules"].as_array().unwrap().iter().find(|e| e["rule"] == "national.operating_months").unwrap();
    assert!(n.get("assumptions").is_none(), "{n}");
}

#[test]
fn an_answer_split_into_place_and_time_names_the_split() {
    // 令2号 第六条(一)“正式运营至少3个月”: a pharmacy open 1 month fails it. The answer then says
    // what the place would get apart from what the time lacks; no text sorts the rules so, and
    // the decision names the simulator's split (`where_when`) beside the text's rejection.
    let young =
        Sc::linyi().app(pharmacy_app(&[Ordinary], ORIGIN).eligible().with(|a| a.operating_months = Some(1.0))).decide();
    outcome(&young, Outcome::Rejected);
    assert_eq!(young.when_unmet, ["national.operating_months"]);
    assert!(young.readings.iter().any(|r| r == "where_when"), "{:?}", young.readings);
    let v = serde_json::to_value(&young).unwrap();
    assert!(v["readings"].as_array().unwrap().iter().any(|r| r == "where_when"), "{v}");

    // Open long enough, nothing of the time is missing: one answer, no split, no mark.
    let open = Sc::linyi().app(pharmacy_app(&[Ordinary], ORIGIN).eligible()).decide();
    assert!(open.when_unmet.is_empty());
    assert!(!open.readings.iter().any(|r| r == "where_when"), "{:?}", open.readings);
}
