//! The built-in data sets respond to the draft's parameters as a bureau would try them: each
//! holds a year of hypothetical applications of every kind, and changing the bed target, the
//! service radius or the fund's months visibly changes some decisions. Driven through the app's
//! reducer, as the page drives it; every outcome is the engine's, none is written down.

use std::collections::BTreeMap;
use std::rc::Rc;

use dingdian::app::state::{Action, Dataset, State};
use dingdian::engine::{Decision, Outcome, Verdict};
use dingdian::kinds::Service;
use dingdian::scenario::{Category, Change, DataField, Kind};

const ALL: [Dataset; 3] = [Dataset::Sample, Dataset::Linyi, Dataset::Xian];

fn start(d: Dataset) -> Rc<State> {
    let s = Rc::new(State::new());
    let s = if d == Dataset::Sample { s } else { s.apply(Action::SetDataset(d)) };
    assert_eq!(s.dataset, d);
    s
}

fn decisions(s: &State) -> BTreeMap<String, Decision> {
    s.evaluation.decisions.iter().map(|d| (d.id.clone(), d.clone())).collect()
}

fn verdict(d: &Decision, rule: &str) -> Option<Verdict> {
    d.rules.iter().find(|r| r.rule == rule).map(|r| r.verdict)
}

fn admitted(o: Outcome) -> bool {
    matches!(o, Outcome::Accepted | Outcome::Prioritized)
}

fn county_name(s: &State, id: Option<&str>) -> String {
    let id = id.unwrap_or_default();
    s.scenario.counties.iter().find(|c| c.id == id).map_or(id.to_string(), |c| c.name.clone())
}

/// The applications whose outcome went from refused (rejected or suspended) to admitted, with
/// their county's name.
fn opened(before: &State, after: &State) -> Vec<(String, String)> {
    let (b, a) = (decisions(before), decisions(after));
    after
        .scenario
        .applications
        .iter()
        .filter(|app| {
            matches!(b[&app.id].outcome, Outcome::Rejected | Outcome::Suspended) && admitted(a[&app.id].outcome)
        })
        .map(|app| (app.id.clone(), county_name(after, app.county.as_deref())))
        .collect()
}

#[test]
fn every_built_in_data_set_holds_a_year_of_applications_of_every_kind() {
    for d in ALL {
        let s = start(d);
        let apps = &s.scenario.applications;
        let expected = if d == Dataset::Sample { 12..=20 } else { 70..=90 };
        assert!(expected.contains(&apps.len()), "{d:?}: {} applications", apps.len());
        for k in Kind::ALL {
            assert!(apps.iter().any(|a| a.kind == k), "{d:?}: no application of kind {k:?}");
        }
        for c in Category::ALL {
            assert!(apps.iter().any(|a| a.kind == Kind::Pharmacy && a.categories().contains(c)), "{d:?}: no {c:?}");
        }
        assert!(apps.iter().any(|a| a.change == Change::AddressChange), "{d:?}: no pharmacy moves");
        // Spread over the counties: the sample's three, every county of a synthetic city.
        for c in &s.scenario.counties {
            assert!(apps.iter().any(|a| a.county.as_deref() == Some(&c.id)), "{d:?}: nothing in {}", c.name);
        }
        // Realistic files: most have operated 3 months or more, a few not yet.
        let young = apps.iter().filter(|a| a.operating_months.is_some_and(|m| m < 3.0)).count();
        assert!(young > 0 && young * 5 < apps.len(), "{d:?}: {young} under 3 months");
        // Inpatient ones state their beds.
        assert!(apps.iter().filter(|a| a.kind.is_inpatient()).all(|a| a.beds.is_some_and(|b| b > 0)));
        // Labelled as made up, whatever the language.
        assert!(
            apps.iter().all(|a| a.name.as_deref().is_some_and(|n| [
                "（样例）",
                "（合成）",
                "（假设）",
                "(hypothetical)"
            ]
            .iter()
            .any(|l| n.contains(l)))),
            "{d:?}: an application not labelled synthetic"
        );
        // And the year is a mix of answers, not one.
        let mut outcomes: Vec<Outcome> = s.evaluation.decisions.iter().map(|d| d.outcome).collect();
        outcomes.sort_by_key(|o| *o as u8);
        outcomes.dedup();
        assert!(outcomes.len() >= 3, "{d:?}: outcomes {outcomes:?}");
    }
}

/// The target beds per 1,000 decides a county's inpatient applications (linyi-2025 三(一)1①):
/// at 7.0 a county measured between 7.0 and 7.45 opens.
#[test]
fn lowering_the_bed_target_opens_a_county_to_inpatient_applications() {
    for (d, county) in [(Dataset::Sample, "罗庄区"), (Dataset::Linyi, "郯城县")] {
        let before = start(d);
        let after = before.clone().apply(Action::SetParam("target_beds_per_1000", "7.0".into()));
        let opened = opened(&before, &after);
        let here: Vec<_> = opened.iter().filter(|(_, c)| c == county).collect();
        assert!(!here.is_empty(), "{d:?}: nothing in {county} opens at 7.0 ({opened:?})");
        let (b, a) = (decisions(&before), decisions(&after));
        for (id, _) in &here {
            assert_eq!(verdict(&b[id], "inpatient.county_supply"), Some(Verdict::Suspend), "{id}");
            assert_eq!(verdict(&a[id], "inpatient.county_supply"), Some(Verdict::Pass), "{id}");
        }
        // Only inpatient providers are concerned.
        for app in after.scenario.applications.iter().filter(|x| b[&x.id].outcome != a[&x.id].outcome) {
            assert_eq!(app.service(), Some(Service::Inpatient), "{d:?}: {} changed", app.id);
        }
    }
}

/// The service radius decides pharmacies (linyi-2025 三(二), xian-2025 规划目标和内容(二)2): at a
/// shorter radius some pharmacy with a same-type neighbour a little further off is admitted.
#[test]
fn a_shorter_service_radius_admits_some_pharmacies() {
    for (d, preset) in [(Dataset::Sample, "linyi-2025"), (Dataset::Linyi, "linyi-2025"), (Dataset::Xian, "xian-2025")] {
        let before = start(d).apply(Action::SetPreset(preset.into()));
        let after = before.clone().apply(Action::SetParam("service_radius_m", "500".into()));
        let opened = opened(&before, &after);
        let pharmacies: Vec<_> = opened
            .iter()
            .filter(|(id, _)| after.scenario.applications.iter().any(|a| &a.id == id && a.kind == Kind::Pharmacy))
            .collect();
        assert!(!pharmacies.is_empty(), "{d:?}: no pharmacy admitted at 500 m");
        // And not every pharmacy: some are refused for other reasons or have a neighbour closer.
        let refused = decisions(&after)
            .values()
            .filter(|x| !admitted(x.outcome))
            .filter(|x| after.scenario.applications.iter().any(|a| a.id == x.id && a.kind == Kind::Pharmacy))
            .count();
        assert!(refused > 0, "{d:?}");
    }
}

/// linyi-2025 三(三)3: a fund that can pay for fewer months than the minimum suspends new
/// designations; lowering the minimum to the fund's months lifts it.
#[test]
fn the_fund_months_decide_what_the_fund_rule_says() {
    for d in [Dataset::Sample, Dataset::Linyi] {
        let before = start(d);
        let b = decisions(&before);
        assert!(b.values().all(|x| verdict(x, "fund.months_below_minimum") == Some(Verdict::Pass)), "{d:?}");
        let short = before.clone().apply(Action::SetCity(DataField::FundEmployeeMonths, "11".into()));
        let s = decisions(&short);
        assert!(s.values().all(|x| verdict(x, "fund.months_below_minimum") == Some(Verdict::Suspend)), "{d:?}");
        assert!(s.values().all(|x| !admitted(x.outcome)), "{d:?}: admitted with the fund below its minimum");
        let changed = b.iter().filter(|(id, x)| admitted(x.outcome) && s[*id].outcome == Outcome::Suspended).count();
        assert!(changed > 0, "{d:?}");

        // (The months also move the bed figures' fund coefficient, so other answers may differ.)
        let lowered = short.apply(Action::SetParam("employee_fund_min_months", "11".into()));
        let l = decisions(&lowered);
        assert!(l.values().all(|x| verdict(x, "fund.months_below_minimum") == Some(Verdict::Pass)), "{d:?}");
        assert!(l.values().any(|x| admitted(x.outcome)), "{d:?}");
    }
}

/// xian-2025 规划目标和内容(二)3(2) sets no number for special-drug pharmacies: undetermined until
/// the user sets the quota, which then decides them.
#[test]
fn xians_special_drug_quota_decides_its_special_drug_pharmacies() {
    let before = start(Dataset::Xian).apply(Action::SetPreset("xian-2025".into()));
    let b = decisions(&before);
    let special: Vec<&str> = before
        .scenario
        .applications
        .iter()
        .filter(|a| a.kind == Kind::Pharmacy && a.categories().contains(Category::SpecialDrug))
        .map(|a| a.id.as_str())
        .collect();
    assert!(special.iter().any(|id| verdict(&b[*id], "special_drug_pharmacy.quota") == Some(Verdict::Gap)));
    let after = before.clone().apply(Action::SetParam("special_drug_quota", "100000".into()));
    let a = decisions(&after);
    assert!(special.iter().any(|id| b[*id].outcome == Outcome::Undetermined && admitted(a[*id].outcome)));
}
