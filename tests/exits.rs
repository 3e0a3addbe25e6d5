//! The yearly assessment of linyi-2019 (临医保发〔2019〕74号) 政策措施(三)(四)(五): the four exits,
//! last-place elimination where the plan is over quota, agreement terms, the negative-list entry
//! an exit leaves, and the coverage the exits take away.

mod common;
use common::*;
use dingdian::date::Date;
use dingdian::engine::exits::{
    application_after_exit, assess, AssessOutcome, Assessment, AssessmentRecord, InstitutionAssessment,
};
use dingdian::scenario::Category::Ordinary;
use dingdian::scenario::{Kind, NegativeReason};
use dingdian::{Outcome, TraceEntry, Verdict};

const EXITS: &str = "linyi-2019 政策措施(三)";
const LAST: &str = "linyi-2019 政策措施(三)(五)";
const TERM: &str = "linyi-2019 政策措施(四)";

fn rec(id: &str, score: f64) -> AssessmentRecord {
    AssessmentRecord { id: id.into(), score: Some(score), ..Default::default() }
}

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn run(sc: &Sc, records: &[AssessmentRecord], as_of: &str) -> Assessment {
    assess(&sc.s, &sc.policy(), records, day(as_of))
}

fn of<'a>(a: &'a Assessment, id: &str) -> &'a InstitutionAssessment {
    a.institutions.iter().find(|i| i.id == id).unwrap_or_else(|| panic!("{id} was not assessed"))
}

fn show_one(i: &InstitutionAssessment) -> String {
    let mut s = format!("{} → {:?}\n", i.id, i.outcome);
    for e in &i.rules {
        s += &format!("  {:<24} {:<8} {} {:?}\n", e.rule, e.verdict.id(), e.detail.zh, e.note.as_ref().map(|n| &n.zh));
    }
    s
}

/// The entry of `rule`: its verdict, clause, and the numbers in both languages.
fn check<'a>(
    i: &'a InstitutionAssessment,
    rule: &str,
    verdict: Verdict,
    clause: &str,
    needles: &[&str],
) -> &'a TraceEntry {
    let e = i.rules.iter().find(|e| e.rule == rule).unwrap_or_else(|| panic!("no {rule}\n{}", show_one(i)));
    assert_eq!(e.verdict, verdict, "verdict of {rule}\n{}", show_one(i));
    assert_eq!(&*e.clause, clause);
    for n in needles {
        assert!(e.detail.zh.contains(n) && e.detail.en.contains(n), "{rule} lacks {n:?}: {:?}", e.detail);
    }
    e
}

/// `n` designated ordinary pharmacies, far apart, each with a score.
fn pharmacies(scores: &[f64]) -> (Sc, Vec<AssessmentRecord>) {
    let mut sc = Sc::linyi();
    let mut recs = Vec::new();
    for (k, s) in scores.iter().enumerate() {
        let id = format!("p-{k:02}");
        sc = sc.inst(pharmacy(&id, &[Ordinary], at(90.0, 3_000.0 * k as f64)));
        recs.push(rec(&id, *s));
    }
    (sc, recs)
}

#[test]
fn poor_management_by_score_or_satisfaction() {
    // 政策措施(三)“根据服务质量及满意度测评结果，将管理差、技术水平低、服务质量不高、群众满意度差的退出去”
    let (sc, mut recs) = pharmacies(&[59.5, 60.0, 90.0, 90.0]);
    recs[2].satisfaction_pct = Some(79.9);
    recs[3].satisfaction_pct = Some(80.0);
    let a = run(&sc, &recs, "2026-01-15");
    let e = check(of(&a, "p-00"), "exit.poor_management", Verdict::Fail, EXITS, &["59.5", "60"]);
    assert!(e.note.is_some(), "the satisfaction was not stated");
    assert_eq!(of(&a, "p-00").outcome, AssessOutcome::Exits);
    // Exactly at the pass mark stays (below it exits).
    check(of(&a, "p-01"), "exit.poor_management", Verdict::Pass, EXITS, &["60"]);
    check(of(&a, "p-02"), "exit.poor_management", Verdict::Fail, EXITS, &["79.9", "80"]);
    check(of(&a, "p-03"), "exit.poor_management", Verdict::Pass, EXITS, &["80"]);
    assert_eq!(of(&a, "p-03").outcome, AssessOutcome::Continues);
    // Both thresholds are parameters.
    let sc = with(&sc, "exit_score_min", 50).set("exit_satisfaction_min_pct", 70);
    let a = run(&sc, &recs, "2026-01-15");
    check(of(&a, "p-00"), "exit.poor_management", Verdict::Pass, EXITS, &["59.5", "50"]);
    check(of(&a, "p-02"), "exit.poor_management", Verdict::Pass, EXITS, &["79.9", "70"]);
}

#[test]
fn bottom_rank_takes_the_bottom_share_rounded_down() {
    // 政策措施(三)“将根据综合绩效评估排位靠后的退出去”：后5%，20家中1家
    let scores: Vec<f64> = (0..20).map(|k| 70.0 + k as f64).collect();
    let (sc, recs) = pharmacies(&scores);
    let a = run(&sc, &recs, "2026-01-15");
    let i = of(&a, "p-00");
    check(i, "exit.bottom_rank", Verdict::Fail, EXITS, &["70", "20", "5", "1"]);
    assert_eq!(i.exit_reasons, ["exit.bottom_rank"]);
    check(of(&a, "p-01"), "exit.bottom_rank", Verdict::Pass, EXITS, &["71"]);
    assert_eq!(a.summary.exits, 1);

    // 19 in the group: 19 × 5% = 0.95, rounded down to none.
    let (sc, recs) = pharmacies(&scores[..19]);
    let a = run(&sc, &recs, "2026-01-15");
    check(of(&a, "p-00"), "exit.bottom_rank", Verdict::Pass, EXITS, &["19", "0"]);
    assert_eq!(a.summary.exits, 0);

    // The share is a parameter: 10% of 20 is 2.
    let (sc, recs) = pharmacies(&scores);
    let a = run(&with(&sc, "exit_bottom_share_pct", 10), &recs, "2026-01-15");
    assert_eq!(a.summary.exits, 2);
}

#[test]
fn a_score_tied_at_the_cut_off_shares_the_rank() {
    // 政策措施(三)“排位靠后的退出去”：分界处两家并列（20家、后5%即1家，最低两家同为65分）
    let mut scores: Vec<f64> = (0..20).map(|k| 70.0 + k as f64).collect();
    scores[0] = 65.0;
    scores[1] = 65.0;
    let (sc, recs) = pharmacies(&scores);
    // Default: the tied share the rank and exit together.
    let a = run(&sc, &recs, "2026-01-15");
    for id in ["p-00", "p-01"] {
        let e = check(of(&a, id), "exit.bottom_rank", Verdict::Fail, EXITS, &["65", "1"]);
        assert_eq!(e.switch.as_deref(), Some("exit_tie_at_cutoff"));
        note_has(e, "并列");
    }
    assert_eq!(a.summary.exits, 2);
    check(of(&a, "p-02"), "exit.bottom_rank", Verdict::Pass, EXITS, &["72"]);

    // The other reading: the tied stay together.
    let a = run(&with(&sc, "exit_tie_at_cutoff", "none"), &recs, "2026-01-15");
    for id in ["p-00", "p-01"] {
        let e = check(of(&a, id), "exit.bottom_rank", Verdict::Pass, EXITS, &["65"]);
        assert_eq!(e.switch.as_deref(), Some("exit_tie_at_cutoff"));
    }
    assert_eq!(a.summary.exits, 0);

    // A tie wholly inside the bottom is no tie at the cut-off: 10% of 20 is 2.
    let a = run(&with(&sc, "exit_bottom_share_pct", 10), &recs, "2026-01-15");
    let e = check(of(&a, "p-00"), "exit.bottom_rank", Verdict::Fail, EXITS, &["65", "2"]);
    assert_eq!(e.switch, None);

    // A group that is all tied has no bottom: nobody ranks behind anyone.
    let (sc, recs) = pharmacies(&[80.0; 20]);
    let a = run(&sc, &recs, "2026-01-15");
    assert_eq!(a.summary.exits, 0);
    note_has(of(&a, "p-00").rules.iter().find(|e| e.rule == "exit.bottom_rank").unwrap(), "无人得分更高");
}

#[test]
fn ranking_groups_default_to_the_kind_and_can_be_named() {
    // 政策措施(三)“综合绩效评估排位靠后” — ranked among peers: the record's group, else its kind
    let mut sc = Sc::linyi();
    let mut recs = Vec::new();
    for k in 0..20 {
        let p = format!("p-{k:02}");
        let h = format!("h-{k:02}");
        sc = sc
            .inst(pharmacy(&p, &[Ordinary], at(90.0, 3_000.0 * k as f64)))
            .inst(hospital(&h, at(0.0, 3_000.0 * (k + 1) as f64)));
        recs.push(rec(&p, 80.0 + k as f64));
        recs.push(rec(&h, 60.0 + k as f64));
    }
    let a = run(&sc, &recs, "2026-01-15");
    // Each kind loses its own lowest, though every hospital scores below every pharmacy.
    assert_eq!(of(&a, "p-00").outcome, AssessOutcome::Exits);
    assert_eq!(of(&a, "h-00").outcome, AssessOutcome::Exits);
    assert_eq!(of(&a, "h-01").outcome, AssessOutcome::Continues);
    check(of(&a, "h-00"), "exit.bottom_rank", Verdict::Fail, EXITS, &["60", "20"]);
    zh_like(of(&a, "h-00"), "exit.bottom_rank", "住院医疗机构（综合）");
    // Named groups pool them: 40 in one group, 5% is 2 — the two lowest hospitals.
    for r in recs.iter_mut() {
        r.group = Some("二级".into());
    }
    let a = run(&sc, &recs, "2026-01-15");
    assert_eq!(a.summary.exits, 2);
    assert_eq!(of(&a, "h-01").outcome, AssessOutcome::Exits);
    assert_eq!(of(&a, "p-00").outcome, AssessOutcome::Continues);
    assert_eq!(of(&a, "p-00").group, "二级");
}

fn zh_like(i: &InstitutionAssessment, rule: &str, phrase: &str) {
    let e = i.rules.iter().find(|e| e.rule == rule).unwrap();
    assert!(e.detail.zh.contains(phrase), "{:?} lacks {phrase}", e.detail.zh);
}

#[test]
fn blacklist_and_serious_violation_exit() {
    // 政策措施(三)“将根据信用评价进入黑名单的退出去，将严重违法违规违反协议的退出去”
    let (sc, mut recs) = pharmacies(&[90.0, 90.0, 90.0]);
    recs[0].blacklisted = Some(true);
    recs[0].blacklisted_since = Some("2025-11-03".into());
    recs[1].serious_violations = Some(2);
    recs[2].blacklisted = Some(false);
    recs[2].serious_violations = Some(0);
    let a = run(&sc, &recs, "2026-01-15");
    check(of(&a, "p-00"), "exit.blacklist", Verdict::Fail, EXITS, &["2025-11-03"]);
    check(of(&a, "p-00"), "exit.serious_violation", Verdict::NotApplicable, EXITS, &["serious_violations"]);
    check(of(&a, "p-01"), "exit.serious_violation", Verdict::Fail, EXITS, &["2"]);
    check(of(&a, "p-01"), "exit.blacklist", Verdict::NotApplicable, EXITS, &["blacklisted"]);
    check(of(&a, "p-02"), "exit.blacklist", Verdict::Pass, EXITS, &[]);
    check(of(&a, "p-02"), "exit.serious_violation", Verdict::Pass, EXITS, &["0"]);
    assert_eq!(a.summary.exits, 2);
    let by: Vec<(String, usize)> = a.summary.exits_by_rule.iter().map(|r| (r.rule.clone(), r.count)).collect();
    assert!(by.contains(&("exit.blacklist".into(), 1)) && by.contains(&("exit.serious_violation".into(), 1)), "{by:?}");
}

/// Two administrative areas: "sat" (3,000 residents, 2 pharmacies: 6.7 per 10,000, saturated)
/// and "ok" (10,000 residents, 3 pharmacies: 3 per 10,000, adequate).
fn areas() -> Sc {
    Sc::linyi()
        .area_cell(at(0.0, 0.0), 3_000, "sat")
        .area_cell(at(90.0, 20_000.0), 10_000, "ok")
        .inst(pharmacy("s-1", &[Ordinary], at(0.0, 100.0)).area("sat"))
        .inst(pharmacy("s-2", &[Ordinary], at(0.0, 200.0)).area("sat"))
        .inst(pharmacy("o-1", &[Ordinary], at(90.0, 20_000.0)).area("ok"))
        .inst(pharmacy("o-2", &[Ordinary], at(90.0, 20_100.0)).area("ok"))
        .inst(pharmacy("o-3", &[Ordinary], at(90.0, 20_200.0)).area("ok"))
}

#[test]
fn last_place_only_in_saturated_pharmacy_areas() {
    // 政策措施(三)“对不符合布局规划要求的或规划区域内严重超额的，实行末位淘汰制”；(五)“根据考核评价结果和定点医疗机构布局规划，探索实行末位淘汰制”
    let recs = [rec("s-1", 70.0), rec("s-2", 90.0), rec("o-1", 60.5), rec("o-2", 95.0), rec("o-3", 96.0)];
    let a = run(&areas(), &recs, "2026-01-15");
    check(of(&a, "s-1"), "exit.last_place", Verdict::Fail, LAST, &["6.67", "70"]);
    zh_like(of(&a, "s-1"), "exit.last_place", "相对饱和");
    check(of(&a, "s-2"), "exit.last_place", Verdict::Pass, LAST, &["70", "90"]);
    // The adequate area's lowest is not eliminated.
    check(of(&a, "o-1"), "exit.last_place", Verdict::Pass, LAST, &["3"]);
    assert_eq!(of(&a, "o-1").outcome, AssessOutcome::Continues);

    // Tied at the last place: together, by the switch.
    let recs = [rec("s-1", 70.0), rec("s-2", 70.0)];
    let a = run(&areas(), &recs, "2026-01-15");
    // All tied: no one ranks behind anyone, so there is no last place.
    check(of(&a, "s-1"), "exit.last_place", Verdict::Pass, LAST, &["70"]);
    let a = run(
        &areas().inst(pharmacy("s-3", &[Ordinary], at(0.0, 300.0)).area("sat")),
        &[rec("s-1", 70.0), rec("s-2", 70.0), rec("s-3", 80.0)],
        "2026-01-15",
    );
    let e = check(of(&a, "s-1"), "exit.last_place", Verdict::Fail, LAST, &["70"]);
    assert_eq!(e.switch.as_deref(), Some("exit_tie_at_cutoff"));
    // The tie's switch decided; the reading of "severely over" is named beside it, by its name.
    let note = e.note.as_ref().unwrap();
    assert!(note.zh.contains("亦取决于假设（“严重超额”：超出规划配置的比例）"), "{}", note.zh);
    assert!(
        !note.zh.contains("last_place_severe_excess_pct") && !note.en.contains("last_place_severe_excess_pct"),
        "{note:?}"
    );
    assert_eq!(of(&a, "s-2").outcome, AssessOutcome::Exits);
    let sc = areas().inst(pharmacy("s-3", &[Ordinary], at(0.0, 300.0)).area("sat")).set("exit_tie_at_cutoff", "none");
    let a = run(&sc, &[rec("s-1", 70.0), rec("s-2", 70.0), rec("s-3", 80.0)], "2026-01-15");
    check(of(&a, "s-1"), "exit.last_place", Verdict::Pass, LAST, &["70"]);
}

#[test]
fn last_place_in_counties_over_their_bed_allocation() {
    // 政策措施(三)“规划区域内严重超额的，实行末位淘汰制”：县区每千人实际床位高于测算值即超出床位配置
    // (city coefficients 1, so each county's measured value is its raw value; actual 7.0 everywhere)
    let sc = Sc::linyi()
        .city_figures(8.0, 7.8)
        .county(county_measuring("over", 6.5))
        .county(county_measuring("equal", 7.0))
        .inst(hospital("h-1", at(0.0, 1_000.0)).county("over"))
        .inst(hospital("h-2", at(0.0, 2_000.0)).county("over"))
        .inst(specialty_hospital("h-3", dingdian::scenario::Specialty::Orthopaedics, at(0.0, 3_000.0)).county("over"))
        .inst(hospital("e-1", at(0.0, 4_000.0)).county("equal"))
        .inst(hospital("e-2", at(0.0, 5_000.0)).county("equal"))
        .inst(clinic("c-1", at(0.0, 6_000.0)).county("over"))
        .inst(clinic("c-2", at(0.0, 7_000.0)).county("over"));
    let recs = [
        rec("h-1", 88.0),
        rec("h-2", 91.0),
        rec("h-3", 86.5),
        rec("e-1", 70.0),
        rec("e-2", 95.0),
        rec("c-1", 50.0),
        rec("c-2", 99.0),
    ];
    let a = run(&sc, &recs, "2026-01-15");
    // General and specialty inpatient institutions share the county's allocation.
    check(of(&a, "h-3"), "exit.last_place", Verdict::Fail, LAST, &["7", "6.5", "86.5"]);
    check(of(&a, "h-1"), "exit.last_place", Verdict::Pass, LAST, &["86.5", "88"]);
    // Actual equal to measured is within the allocation.
    check(of(&a, "e-1"), "exit.last_place", Verdict::Pass, LAST, &["7"]);
    // No quantity is planned for outpatient clinics.
    check(of(&a, "c-1"), "exit.last_place", Verdict::NotApplicable, LAST, &[]);
    // Without a county the rule names what is missing.
    let sc = Sc::linyi().inst(hospital("h-9", ORIGIN));
    let a = run(&sc, &[rec("h-9", 50.0)], "2026-01-15");
    check(of(&a, "h-9"), "exit.last_place", Verdict::NotApplicable, LAST, &["county"]);
}

#[test]
fn agreement_term_ends_exactly_three_years_on() {
    // 政策措施(四)“协议有效期一般为三年……协议期内无违法违规行为的，延长续约有效期”
    let (sc, mut recs) = pharmacies(&[90.0]);
    recs[0].agreement_start = Some("2023-03-01".into());
    recs[0].violations_in_term = Some(0);
    // One year before the term ends it is not yet due: the next assessment comes on the last day.
    let a = run(&sc, &recs, "2025-03-01");
    let i = of(&a, "p-00");
    check(i, "agreement.term", Verdict::Pass, TERM, &["2023-03-01", "2026-03-01", "3"]);
    assert_eq!(i.outcome, AssessOutcome::Continues);
    assert_eq!(i.agreement.as_ref().unwrap().term_end.as_deref(), Some("2026-03-01"));
    assert!(i.agreement.as_ref().unwrap().renewal.is_none());
    // A day later the term ends before the next assessment: renewed, extended (no violation).
    let a = run(&sc, &recs, "2025-03-02");
    let i = of(&a, "p-00");
    assert_eq!(i.outcome, AssessOutcome::Renews);
    let r = i.agreement.as_ref().unwrap().renewal.as_ref().unwrap();
    assert_eq!((r.from.as_str(), r.years, r.term_end.as_str(), r.extended), ("2026-03-01", 5, "2031-03-01", true));
    check(i, "agreement.term", Verdict::Pass, TERM, &["2026-03-01", "5", "2031-03-01"]);
    // Assessed on the very day the term ends.
    let a = run(&sc, &recs, "2026-03-01");
    assert_eq!(of(&a, "p-00").outcome, AssessOutcome::Renews);

    // A violation in the term: the ordinary three years.
    recs[0].violations_in_term = Some(1);
    let a = run(&sc, &recs, "2026-03-01");
    let r = of(&a, "p-00").agreement.clone().unwrap().renewal.unwrap();
    assert_eq!((r.years, r.term_end.as_str(), r.extended), (3, "2029-03-01", false));
    // Not stated: the ordinary term, with a note.
    recs[0].violations_in_term = None;
    let a = run(&sc, &recs, "2026-03-01");
    let e = check(of(&a, "p-00"), "agreement.term", Verdict::Pass, TERM, &["3", "2029-03-01"]);
    note_has(e, "violations_in_term");
    // Both lengths are parameters.
    recs[0].violations_in_term = Some(0);
    let a = run(&with(&sc, "agreement_term_years", 2).set("agreement_extended_term_years", 4), &recs, "2025-03-01");
    let r = of(&a, "p-00").agreement.clone().unwrap().renewal.unwrap();
    assert_eq!((r.from.as_str(), r.term_end.as_str()), ("2025-03-01", "2029-03-01"));
}

#[test]
fn agreement_from_29_february_ends_on_28_february() {
    // 政策措施(四)“协议有效期一般为三年”：2024-02-29起，三年届满于2027-02-28
    let (sc, mut recs) = pharmacies(&[90.0]);
    recs[0].agreement_start = Some("2024-02-29".into());
    recs[0].violations_in_term = Some(0);
    let a = run(&sc, &recs, "2026-02-28");
    let i = of(&a, "p-00");
    assert_eq!(i.agreement.as_ref().unwrap().term_end.as_deref(), Some("2027-02-28"));
    assert_eq!(i.outcome, AssessOutcome::Continues);
    let a = run(&sc, &recs, "2026-03-01");
    let r = of(&a, "p-00").agreement.clone().unwrap().renewal.unwrap();
    assert_eq!((r.from.as_str(), r.term_end.as_str()), ("2027-02-28", "2032-02-28"));
}

#[test]
fn an_exit_ends_the_agreement_and_is_not_renewed() {
    // 政策措施(三)“将严重违法违规违反协议的退出去” — the agreement ends on the assessment date
    let (sc, mut recs) = pharmacies(&[90.0]);
    recs[0].agreement_start = Some("2023-03-01".into());
    recs[0].serious_violations = Some(1);
    let a = run(&sc, &recs, "2026-03-01");
    let i = of(&a, "p-00");
    assert_eq!(i.outcome, AssessOutcome::Exits);
    check(i, "agreement.term", Verdict::NotApplicable, TERM, &["2026-03-01"]);
    let ag = i.agreement.as_ref().unwrap();
    assert_eq!(ag.terminated_on.as_deref(), Some("2026-03-01"));
    assert!(ag.renewal.is_none());
}

#[test]
fn the_negative_list_entry_an_exit_leaves() {
    // 政策措施(三)“对提供虚假申请材料的、已被解除医保服务协议的、列入失信黑名单的，三年内不受理医保定点申请”
    let (sc, mut recs) = pharmacies(&[90.0, 90.0, 50.0, 90.0]);
    recs[0].blacklisted = Some(true);
    recs[0].blacklisted_since = Some("2025-11-03".into());
    recs[1].serious_violations = Some(1);
    recs[3].blacklisted = Some(true);
    recs[3].serious_violations = Some(1);
    let a = run(&sc, &recs, "2026-01-15");
    // Blacklisted on 2025-11-03, and the exit terminates the agreement on 2026-01-15: the bar
    // that ends later is kept.
    let n = of(&a, "p-00").negative_list.clone().unwrap();
    assert_eq!((n.reason, n.since.as_str()), (NegativeReason::AgreementTerminated, "2026-01-15"));
    let n = of(&a, "p-01").negative_list.clone().unwrap();
    assert_eq!((n.reason, n.since.as_str()), (NegativeReason::AgreementTerminated, "2026-01-15"));
    // An exit by assessment terminates the agreement too (the literal reading, default).
    let n = of(&a, "p-02").negative_list.clone().unwrap();
    assert_eq!(n.reason, NegativeReason::AgreementTerminated);
    // Blacklisted on the assessment date and terminated the same day: the blacklist is named.
    let n = of(&a, "p-03").negative_list.clone().unwrap();
    assert_eq!(n.reason, NegativeReason::Blacklisted);
    assert_eq!(a.summary.negative_list_entries, 4);

    // The other reading: only sanctions terminate the agreement.
    let a = run(&with(&sc, "exit_negative_list_scope", "sanctions_only"), &recs, "2026-01-15");
    assert!(of(&a, "p-02").negative_list.is_none());
    assert_eq!(of(&a, "p-02").outcome, AssessOutcome::Exits);
    assert!(of(&a, "p-01").negative_list.is_some());
    // … and a blacklist exit counts from the blacklisting.
    let n = of(&a, "p-00").negative_list.clone().unwrap();
    assert_eq!((n.reason, n.since.as_str()), (NegativeReason::Blacklisted, "2025-11-03"));
    // A blacklisting earlier than the termination: the later bar is kept.
    recs[3].blacklisted_since = Some("2025-06-01".into());
    let a = run(&sc, &recs, "2026-01-15");
    let n = of(&a, "p-03").negative_list.clone().unwrap();
    assert_eq!((n.reason, n.since.as_str()), (NegativeReason::AgreementTerminated, "2026-01-15"));
}

#[test]
fn an_exited_institution_reapplying_is_rejected_until_three_years_to_the_day() {
    // 政策措施(三)“已被解除医保服务协议的、列入失信黑名单的，三年内不受理医保定点申请”：2024-02-29退出，2027-02-28起可再申请
    let (sc, mut recs) = pharmacies(&[90.0]);
    recs[0].serious_violations = Some(1);
    let a = run(&sc, &recs, "2024-02-29");
    let entry = of(&a, "p-00").negative_list.clone().unwrap();
    assert_eq!(entry.since, "2024-02-29");
    let inst = sc.s.institutions[0].clone();
    let mut app = application_after_exit(&inst, &entry).eligible();
    app.id = "again".into();
    // The exited pharmacy is no longer designated, so its own site does not block it.
    let again = |as_of: &str| {
        let mut s = Sc::linyi().as_of(as_of).app(app.clone());
        s.s.institutions.push(dingdian::Institution { designated: false, ..inst.clone() });
        s.decide()
    };
    let d = again("2027-02-27");
    rule(&d, "negative_list", Verdict::Fail, EXITS, &["2024-02-29", "2027-02-28"]);
    outcome(&d, Outcome::Rejected);
    let d = again("2027-02-28");
    rule(&d, "negative_list", Verdict::Pass, EXITS, &["2027-02-28"]);
    outcome(&d, Outcome::Accepted);
    // The application keeps the old site's facts.
    assert_eq!((app.kind, app.lon, app.lat), (Kind::Pharmacy, inst.lon, inst.lat));
    assert_eq!(app.categories(), inst.categories());
}

#[test]
fn coverage_without_the_exiting_institutions() {
    // 政策措施(三)“实施‘四退出’约束机制” — and what the exits do to the 800 m service circle (linyi-2025 二(三)1 “服务半径800米范围内”)
    let sc = Sc::linyi()
        .cell(at(0.0, 0.0), 5_200)
        .cell(at(0.0, 5_000.0), 1_000)
        .cell(at(0.0, 10_000.0), 700)
        .inst(pharmacy("p-a", &[Ordinary], at(0.0, 100.0)))
        .inst(pharmacy("p-b", &[Ordinary], at(0.0, 5_100.0)))
        .inst(pharmacy("p-c", &[Ordinary], at(0.0, 5_200.0)))
        .inst(clinic("c-a", at(0.0, 200.0)));
    let mut recs = vec![rec("p-a", 90.0), rec("p-b", 90.0), rec("p-c", 90.0), rec("c-a", 90.0)];
    recs[0].serious_violations = Some(1);
    recs[1].blacklisted = Some(true);
    recs[3].serious_violations = Some(1);
    let a = run(&sc, &recs, "2026-01-15");
    let c = &a.coverage;
    assert_eq!(c.radius_m, 800.0);
    assert_eq!(c.exiting, ["p-a", "p-b", "c-a"]);
    assert_eq!((c.lost.pharmacy.covered_before, c.lost.pharmacy.covered_after), (6_200, 1_000));
    assert_eq!((c.lost.pharmacy.cells_losing, c.lost.pharmacy.population_losing), (1, 5_200));
    assert_eq!((c.lost.outpatient.covered_before, c.lost.outpatient.covered_after), (5_200, 0));
    close(c.lost.pharmacy.share_after, 1_000.0 / 6_900.0, 1e-12, "pharmacy share after");
    assert_eq!(c.after.pharmacy.covered_population, 1_000);
    // The cell at 5 km keeps its pharmacy: p-c still serves it.
    assert_eq!(c.cells_losing_count, 1);
    assert_eq!(c.population_losing, 5_200);
    let lost = &c.cells_losing_coverage[0];
    assert_eq!((lost.cell, lost.population), (0, 5_200));
    assert_eq!(lost.kinds, ["pharmacy", "outpatient"]);

    // Nobody exits: nothing changes.
    let a = run(&sc, &[rec("p-a", 90.0)], "2026-01-15");
    assert_eq!(a.coverage.before, a.coverage.after);
    assert!(a.coverage.cells_losing_coverage.is_empty());
}

#[test]
fn xian_has_no_assessment_rules_until_turned_on() {
    // Xi'an's draft has no linyi-2019 rules: off by default, as the negative list and staffing are
    let sc = Sc::xian().inst(pharmacy("p-1", &[Ordinary], ORIGIN));
    let mut r = rec("p-1", 10.0);
    r.blacklisted = Some(true);
    let a = run(&sc, &[r.clone()], "2026-01-15");
    assert!(of(&a, "p-1").rules.is_empty());
    assert_eq!(of(&a, "p-1").outcome, AssessOutcome::Continues);
    let a = run(&with(&sc, "exit.blacklist", true), &[r], "2026-01-15");
    let e = check(of(&a, "p-1"), "exit.blacklist", Verdict::Fail, EXITS, &[]);
    note_has(e, "本条由用户开启");
    assert_eq!(of(&a, "p-1").outcome, AssessOutcome::Exits);
}

#[test]
fn presets_carry_the_assessment_parameters_with_sources() {
    // linyi-2019 政策措施(四)“协议有效期一般为三年” is from the text; the other thresholds are assumptions
    for sc in [Sc::linyi(), Sc::xian()] {
        let p = sc.policy();
        assert_eq!(p.params.agreement_term_years, 3);
        assert!(!p.preset.parameters["agreement_term_years"].assumption);
        for id in
            ["exit_score_min", "exit_satisfaction_min_pct", "exit_bottom_share_pct", "agreement_extended_term_years"]
        {
            let spec = &p.preset.parameters[id];
            assert!(spec.assumption, "{id} should be marked an assumption in {}", p.preset.id);
            assert!(
                spec.source.zh.contains("假设") && spec.source.en.contains("assumption"),
                "{id}: {:?}",
                spec.source
            );
        }
    }
    let p = Sc::linyi().policy();
    let ids: Vec<&str> = p.assessment_rules.iter().map(|r| r.def.id).collect();
    assert_eq!(
        ids,
        [
            "exit.poor_management",
            "exit.bottom_rank",
            "exit.blacklist",
            "exit.serious_violation",
            "exit.last_place",
            "exit.last_place_layout",
            "agreement.term"
        ]
    );
    assert!(p.assessment_rules.iter().all(|r| r.clause.starts_with("linyi-2019 政策措施") && !r.added_by_user));
    assert!(Sc::xian().policy().assessment_rules.is_empty());
    // The extended term may not be shorter than the ordinary one.
    let err = Sc::linyi().set("agreement_extended_term_years", 2).try_policy().unwrap_err();
    assert!(err.starts_with("policy.overrides.agreement_extended_term_years:"), "{err}");
    let err = Sc::linyi().set("agreement_term_years", 6).try_policy().unwrap_err();
    assert!(err.starts_with("policy.overrides.agreement_term_years:"), "{err}");
    // An assessment rule listed among the admission rules of a preset file is refused, with a hint.
    let mut preset = dingdian::policy::builtin_preset("linyi-2025").unwrap();
    preset.rules.push(dingdian::policy::RuleSpec {
        rule: "exit.blacklist".into(),
        clause: "x".into(),
        subtypes: None,
        key_project_levels: None,
        radius_m: None,
        count_non_designated: None,
        quotas: None,
    });
    let mut sc = Sc::linyi();
    sc.s.policy = dingdian::scenario::PolicyRef { inline: Some(Box::new(preset)), ..Default::default() };
    let err = sc.try_policy().unwrap_err();
    assert!(err.starts_with("policy.inline.rules[19].rule") && err.contains("assessment_rules"), "{err}");
}

/// The scenario with one more override, leaving the original for further runs.
fn with(sc: &Sc, key: &str, v: impl Into<serde_json::Value>) -> Sc {
    Sc { s: sc.s.clone() }.set(key, v)
}

#[test]
fn severely_over_quota_is_a_parameter() {
    // 政策措施(三)“规划区域内严重超额的，实行末位淘汰制”: the text does not say what is severe.
    // The saturated area "sat" has 6.67 pharmacies per 10,000 against the 5.0 threshold: 33.33% over.
    let recs = [rec("s-1", 70.0), rec("s-2", 90.0)];
    let a = run(&areas(), &recs, "2026-01-15");
    let e = check(of(&a, "s-1"), "exit.last_place", Verdict::Fail, LAST, &["33.33", "0"]);
    assert_eq!(e.switch.as_deref(), Some("last_place_severe_excess_pct"));
    // (五)“探索实行末位淘汰制”: the exit says the text only asks to explore it.
    note_has(e, "探索实行末位淘汰制");
    assert!(e.note.as_ref().unwrap().en.contains("simulator applying it"), "{:?}", e.note);
    // Asking for more than a third over: the area is over, but not severely.
    let a = run(&areas().set("last_place_severe_excess_pct", 50), &recs, "2026-01-15");
    let e = check(of(&a, "s-1"), "exit.last_place", Verdict::Pass, LAST, &["33.33", "50"]);
    assert_eq!(e.switch.as_deref(), Some("last_place_severe_excess_pct"));
    assert_eq!(of(&a, "s-1").outcome, AssessOutcome::Continues);
    let spec = &areas().policy().preset.parameters["last_place_severe_excess_pct"];
    assert!(spec.assumption && spec.source.zh.contains("严重"), "{:?}", spec.source);
}

/// Four pharmacies far apart, each with a score and what its record says of the layout plan.
fn layout(entries: &[(f64, Option<bool>)]) -> (Sc, Vec<AssessmentRecord>) {
    let (sc, mut recs) = pharmacies(&entries.iter().map(|e| e.0).collect::<Vec<_>>());
    for (r, e) in recs.iter_mut().zip(entries) {
        r.fits_layout_plan = e.1;
    }
    (sc, recs)
}

#[test]
fn last_place_among_those_that_do_not_fit_the_layout_plan() {
    // 政策措施(三)“对不符合布局规划要求的……实行末位淘汰制”：the last among those the record says do not fit
    let (sc, recs) = layout(&[(70.0, Some(false)), (80.0, Some(false)), (50.0, Some(true)), (40.0, None)]);
    let a = run(&sc, &recs, "2026-01-15");
    const RULE: &str = "exit.last_place_layout";
    let e = check(of(&a, "p-00"), RULE, Verdict::Fail, LAST, &["2", "70"]);
    assert_eq!(e.switch.as_deref(), Some("last_place_layout_test"));
    note_has(e, "探索实行末位淘汰制");
    assert_eq!(of(&a, "p-00").exit_reasons, [RULE]);
    check(of(&a, "p-01"), RULE, Verdict::Pass, LAST, &["70", "80"]);
    // Fitting the plan, the lowest score of all is not eliminated by this branch.
    check(of(&a, "p-02"), RULE, Verdict::Pass, LAST, &[]);
    // The record is silent: by default the simulator infers nothing and says what is missing.
    let e = check(of(&a, "p-03"), RULE, Verdict::NotApplicable, LAST, &["fits_layout_plan"]);
    assert_eq!(e.switch.as_deref(), Some("last_place_layout_test"));
    assert_eq!(a.summary.exits_by_rule.iter().find(|r| r.rule == RULE).map(|r| r.count), Some(1));

    // Alone out of the plan: nobody scored higher, so there is no last place.
    let (sc, recs) = layout(&[(70.0, Some(false)), (80.0, Some(true))]);
    let a = run(&sc, &recs, "2026-01-15");
    check(of(&a, "p-00"), RULE, Verdict::Pass, LAST, &["1", "70"]);
}

#[test]
fn the_layout_plan_inferred_from_the_admission_rules_is_a_switch() {
    // 政策措施(三)“不符合布局规划要求的”: under last_place_layout_test = admission_rules, a silent
    // record is judged by linyi-2025 三(二)“‘15分钟医保服务圈’范围内已有同类型定点零售药店的，不再受理新增定点申请”.
    let sc = Sc::linyi()
        .inst(pharmacy("n-1", &[Ordinary], at(0.0, 0.0)))
        .inst(pharmacy("n-2", &[Ordinary], at(0.0, 300.0)))
        .inst(pharmacy("far", &[Ordinary], at(90.0, 20_000.0)))
        .set("last_place_layout_test", "admission_rules");
    let recs = [rec("n-1", 75.0), rec("n-2", 85.0), rec("far", 60.0)];
    let a = run(&sc, &recs, "2026-01-15");
    const RULE: &str = "exit.last_place_layout";
    // Each of the two is within 800 m of the other (its own site left out): neither fits.
    let e = check(of(&a, "n-1"), RULE, Verdict::Fail, LAST, &["pharmacy.same_type_nearby", "300", "75"]);
    assert_eq!(e.switch.as_deref(), Some("last_place_layout_test"));
    check(of(&a, "n-2"), RULE, Verdict::Pass, LAST, &["pharmacy.same_type_nearby", "85"]);
    check(of(&a, "far"), RULE, Verdict::Pass, LAST, &[]);
    assert_eq!(of(&a, "far").outcome, AssessOutcome::Continues);
    // A record that states it fits the plan wins over the inference: n-1 is then alone out of it.
    let mut recs = recs.to_vec();
    recs[1].fits_layout_plan = Some(true);
    let a = run(&sc, &recs, "2026-01-15");
    check(of(&a, "n-1"), RULE, Verdict::Pass, LAST, &["75"]);
    // The literal default infers nothing from the rules.
    let a = run(&with(&sc, "last_place_layout_test", "record"), &[rec("n-1", 75.0), rec("n-2", 85.0)], "2026-01-15");
    check(of(&a, "n-1"), RULE, Verdict::NotApplicable, LAST, &["fits_layout_plan"]);
}

#[test]
fn a_bar_after_an_exit_by_assessment_says_it_rests_on_a_switch() {
    // 政策措施(三)“对提供虚假申请材料的、已被解除医保服务协议的、列入失信黑名单的，三年内不受理医保定点申请”:
    // whether an exit for poor management is a terminated agreement is the switch exit_negative_list_scope.
    let (sc, mut recs) = pharmacies(&[55.0, 90.0]);
    recs[1].serious_violations = Some(1);
    let a = run(&sc, &recs, "2026-01-15");
    let poor = of(&a, "p-00");
    assert_eq!(poor.exit_reasons, ["exit.poor_management"]);
    // Literal default: every exit ends the agreement early, so it is a termination and bars re-admission.
    assert_eq!(poor.negative_list.as_ref().map(|n| n.reason), Some(NegativeReason::AgreementTerminated));
    assert_eq!(poor.negative_list_switch, Some("exit_negative_list_scope"));
    let e = check(poor, "negative_list", Verdict::Fail, EXITS, &["2026-01-15", "2029-01-15", "3"]);
    assert_eq!(e.switch.as_deref(), Some("exit_negative_list_scope"));
    note_has(e, "解除医保服务协议");
    // 政策措施(三)“探索建立准入负面清单制度”: the bar is the simulator applying what the text explores.
    note_has(e, "探索建立准入负面清单制度");
    // A serious violation is a termination under either reading: no switch to show.
    let grave = of(&a, "p-01");
    assert_eq!(grave.negative_list.as_ref().map(|n| n.reason), Some(NegativeReason::AgreementTerminated));
    assert_eq!(grave.negative_list_switch, None);
    assert_eq!(check(grave, "negative_list", Verdict::Fail, EXITS, &["2029-01-15"]).switch, None);
    // Staying: no entry at all.
    let (sc2, recs2) = pharmacies(&[90.0]);
    assert!(run(&sc2, &recs2, "2026-01-15").institutions[0].rules.iter().all(|e| e.rule != "negative_list"));

    // The other reading: the exit for poor management leaves no bar, and says why.
    let a = run(&with(&sc, "exit_negative_list_scope", "sanctions_only"), &recs, "2026-01-15");
    let poor = of(&a, "p-00");
    assert_eq!(poor.negative_list, None);
    assert_eq!(poor.negative_list_switch, Some("exit_negative_list_scope"));
    let e = check(poor, "negative_list", Verdict::Pass, EXITS, &[]);
    assert_eq!(e.switch.as_deref(), Some("exit_negative_list_scope"));
}

#[test]
fn a_reapplication_barred_by_an_exit_for_poor_management_names_the_switch() {
    // 政策措施(三)“已被解除医保服务协议的……三年内不受理医保定点申请”: the exit for poor management bars
    // re-admission only on the reading that it terminated the agreement; the admission trace says so.
    let (sc, recs) = pharmacies(&[55.0]);
    let a = run(&sc, &recs, "2026-01-15");
    let entry = of(&a, "p-00").negative_list.clone().unwrap();
    assert_eq!(entry.switch.as_deref(), Some("exit_negative_list_scope"));
    let inst = sc.s.institutions[0].clone();
    let mut app = application_after_exit(&inst, &entry).eligible();
    app.id = "again".into();
    let mut s = Sc::linyi().as_of("2026-06-01").app(app.clone());
    s.s.institutions.push(dingdian::Institution { designated: false, ..inst.clone() });
    let d = s.decide();
    let e = rule(&d, "negative_list", Verdict::Fail, EXITS, &["2026-01-15", "2029-01-15"]);
    assert_eq!(e.switch.as_deref(), Some("exit_negative_list_scope"));
    note_has(e, "年度考核退出");
    outcome(&d, Outcome::Rejected);
    // An entry the user states has no switch: the text's own words decide it.
    app.negative_list = Some(dingdian::scenario::NegativeList { switch: None, ..entry.clone() });
    let d = Sc::linyi().as_of("2026-06-01").app(app.clone()).decide();
    assert_eq!(rule(&d, "negative_list", Verdict::Fail, EXITS, &[]).switch, None);
    // A scenario naming an unknown switch is refused, naming the field.
    app.negative_list = Some(dingdian::scenario::NegativeList { switch: Some("no_such_switch".into()), ..entry });
    let bad = Sc::linyi().app(app);
    let err = dingdian::scenario::validate(&bad.s).unwrap_err().message;
    assert!(err.starts_with("applications[0].negative_list.switch:"), "{err}");
}
