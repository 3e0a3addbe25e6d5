//! The gaps report: every place where the current text leaves the outcome undetermined for the
//! current data — each rule that answered `gap`, with its clause and the interpretation switch
//! that would decide it, and how many applications and acceptance-surface cells fall into it —
//! and, beside them, the readings in force: trace entries a switch decided (`between_band =
//! suspend`, `same_type_nearby_effect` …), which a reviewer may want to write back about too.
//! Built from the engine's own traces; nothing is judged here.

use std::collections::HashMap;

use serde::Serialize;

use crate::engine::prepared::Prepared;
use crate::engine::surface::placed;
use crate::engine::{Decision, Outcome, Verdict};
use crate::policy::param_def;
use crate::scenario::Application;
use crate::text::Text;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GapItem {
    pub rule: String,
    pub clause: String,
    /// The switch that decides (or would decide) the entry.
    pub switch: Option<String>,
    /// The question the switch answers, from the parameter table.
    pub question: Option<Text>,
    /// The verdict the entry gave: `gap` for an open question.
    pub verdict: Verdict,
    /// A detail of one such entry, with its numbers.
    pub detail: Text,
    /// Applications whose trace has this entry.
    pub applications: Vec<String>,
    /// Of which, applications whose outcome is `undetermined`.
    pub applications_undetermined: usize,
    /// Acceptance-surface cells (and their residents) of the template application whose trace
    /// has this entry and whose outcome is `undetermined`; `None` for readings (not counted).
    pub cells: Option<u64>,
    pub population: Option<u64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct GapsReport {
    /// Entries that answered `gap`: the text is silent and the switch is left open.
    pub open: Vec<GapItem>,
    /// Entries a switch decided by a reading.
    pub readings: Vec<GapItem>,
    /// Surface cells and residents whose outcome is `undetermined`.
    pub undetermined_cells: u64,
    pub undetermined_population: u64,
}

fn item(e: &crate::engine::TraceEntry) -> GapItem {
    GapItem {
        rule: e.rule.to_string(),
        clause: e.clause.to_string(),
        switch: e.switch.as_deref().map(str::to_string),
        question: e.switch.as_deref().and_then(param_def).and_then(|d| d.question()),
        verdict: e.verdict,
        detail: e.detail.to_text(),
        applications: Vec::new(),
        applications_undetermined: 0,
        cells: None,
        population: None,
    }
}

/// The gaps and readings of the decisions, and of the acceptance surface `surface` of
/// `template` (the outcomes `Prepared::surface` gave for it; empty: no surface).
///
/// A gap at a surface cell comes from a rule that does not look at neighbours (bed supply,
/// area class, strict control: proximity rules never answer `gap`), so cells of the same
/// county and pharmacy area share their gap entries: one decision per such pair is enough.
pub fn gaps(
    prep: &Prepared,
    decisions: &[Decision],
    template: Option<&Application>,
    surface: &[Outcome],
) -> GapsReport {
    let mut report = GapsReport::default();
    let mut index: HashMap<(String, Option<String>, bool), usize> = HashMap::new();
    let mut slot = |report: &mut GapsReport, e: &crate::engine::TraceEntry| -> (bool, usize) {
        let open = e.verdict == Verdict::Gap;
        let key = (e.rule.to_string(), e.switch.as_deref().map(str::to_string), open);
        let list = if open { &mut report.open } else { &mut report.readings };
        let k = *index.entry(key).or_insert_with(|| {
            list.push(item(e));
            list.len() - 1
        });
        (open, k)
    };
    for d in decisions {
        for e in d
            .rules
            .iter()
            .filter(|e| e.verdict == Verdict::Gap || (e.switch.is_some() && e.verdict != Verdict::NotApplicable))
        {
            let (open, k) = slot(&mut report, e);
            let it = if open { &mut report.open[k] } else { &mut report.readings[k] };
            if !it.applications.contains(&d.id) {
                it.applications.push(d.id.clone());
                if d.outcome == Outcome::Undetermined {
                    it.applications_undetermined += 1;
                }
            }
        }
    }

    let cells = &prep.scenario.population_cells;
    if let Some(t) = template.filter(|_| surface.len() == cells.len() && !cells.is_empty()) {
        let mut memo: HashMap<(u32, u32), Vec<(String, Option<String>)>> = HashMap::new();
        let mut tally: HashMap<(String, Option<String>), (u64, u64)> = HashMap::new();
        for (k, c) in cells.iter().enumerate().filter(|(k, _)| surface[*k] == Outcome::Undetermined) {
            let pop = prep.data.cell_population[k];
            report.undetermined_cells += 1;
            report.undetermined_population = report.undetermined_population.saturating_add(pop);
            let key = (prep.data.cell_county[k], prep.areas.cell_area.get(k).copied().unwrap_or(u32::MAX));
            let entries = memo.entry(key).or_insert_with(|| {
                let app = placed(t, c.lon, c.lat, c.county.as_deref(), c.area.as_deref());
                prep.decide(&app)
                    .rules
                    .iter()
                    .filter(|e| e.verdict == Verdict::Gap)
                    .map(|e| (e.rule.to_string(), e.switch.as_deref().map(str::to_string)))
                    .collect()
            });
            for e in entries.iter() {
                let s = tally.entry(e.clone()).or_default();
                s.0 += 1;
                s.1 = s.1.saturating_add(pop);
                if !report.open.iter().any(|it| it.rule == e.0 && it.switch == e.1) {
                    // A gap only the surface meets: describe it from a decision at that cell.
                    let app = placed(t, c.lon, c.lat, c.county.as_deref(), c.area.as_deref());
                    if let Some(entry) =
                        prep.decide(&app).rules.iter().find(|x| x.rule == e.0 && x.verdict == Verdict::Gap)
                    {
                        slot(&mut report, entry);
                    }
                }
            }
        }
        for it in report.open.iter_mut() {
            let (n, p) = tally.get(&(it.rule.clone(), it.switch.clone())).copied().unwrap_or((0, 0));
            it.cells = Some(n);
            it.population = Some(p);
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::policy::{builtin_preset, Policy};
    use crate::scenario::{Kind, Scenario};
    use std::collections::BTreeMap;

    fn policy(overrides: &[(&str, serde_json::Value)]) -> Policy {
        let ov: BTreeMap<String, serde_json::Value> =
            overrides.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        Policy::resolve(&builtin_preset("linyi-2025").unwrap(), &ov, "o").unwrap()
    }

    fn report(s: &Scenario, p: &Policy, t: &Application) -> (GapsReport, Vec<Decision>, Vec<Outcome>) {
        let prep = Prepared::new(s, p, Date::new(2026, 3, 1).unwrap());
        let decisions: Vec<Decision> = s.applications.iter().map(|a| prep.decide(a)).collect();
        let surface = prep.surface(t).outcomes;
        (gaps(&prep, &decisions, Some(t), &surface), decisions, surface)
    }

    /// The sample's city figures with the target set so that the measured value lies between
    /// target and actual: the text is silent (linyi-2025 三(一)1).
    fn between_band_target(s: &Scenario) -> f64 {
        let p = policy(&[]);
        let f = crate::engine::figures::compute(s, &p.params);
        let (m, a) = (f.measured_beds_per_1000.unwrap(), f.actual_beds_per_1000.unwrap());
        // A target on the other side of the measured value from the actual one.
        let t = if a > m { m - 0.3 } else { m + 0.3 };
        (t * 100.0).round() / 100.0
    }

    /// The sample with a general hospital applying in its first county, away from the others.
    fn sample_with_inpatient_application() -> (Scenario, Application) {
        let mut s = crate::sample::linyi_sample();
        let mut a =
            Application::new("h", Kind::InpatientGeneral, s.institutions[0].lon + 0.2, s.institutions[0].lat + 0.2);
        a.county = s.counties.first().map(|c| c.id.clone());
        s.applications.push(a.clone());
        (s, a)
    }

    #[test]
    fn an_inpatient_application_between_target_and_actual_is_an_open_gap_everywhere() {
        let (s, a) = sample_with_inpatient_application();
        // Without the county rule (which suspends where the county is short of beds).
        let p = policy(&[
            ("target_beds_per_1000", between_band_target(&s).into()),
            ("inpatient.county_supply", false.into()),
        ]);
        let (r, decisions, surface) = report(&s, &p, &a);
        let gap = r.open.iter().find(|g| g.rule == "inpatient.city_supply").expect("the city band is open");
        assert_eq!(gap.switch.as_deref(), Some("between_band"));
        assert!(gap.clause.starts_with("linyi-2025 三(一)1"), "{}", gap.clause);
        assert!(gap.question.is_some());
        assert!(gap.applications.contains(&"h".to_string()));
        // Every application with the entry is counted, undetermined ones separately.
        let with: Vec<&Decision> = decisions
            .iter()
            .filter(|d| d.rules.iter().any(|e| e.rule == "inpatient.city_supply" && e.verdict == Verdict::Gap))
            .collect();
        assert_eq!(gap.applications.len(), with.len());
        assert_eq!(gap.applications_undetermined, with.iter().filter(|d| d.outcome == Outcome::Undetermined).count());
        // The surface: every undetermined cell carries the city gap.
        let undetermined = surface.iter().filter(|o| **o == Outcome::Undetermined).count() as u64;
        assert!(undetermined > 0);
        assert_eq!(r.undetermined_cells, undetermined);
        assert_eq!(gap.cells, Some(undetermined));
    }

    #[test]
    fn a_switch_set_to_a_reading_moves_the_entry_from_open_to_readings() {
        let (s, a) = sample_with_inpatient_application();
        let target = between_band_target(&s);
        let p = policy(&[("target_beds_per_1000", target.into()), ("between_band", "suspend".into())]);
        let (r, _, _) = report(&s, &p, &a);
        assert!(!r.open.iter().any(|g| g.switch.as_deref() == Some("between_band")));
        let reading = r.readings.iter().find(|g| g.switch.as_deref() == Some("between_band")).unwrap();
        assert_eq!(reading.verdict, Verdict::Suspend);
        assert_eq!(reading.cells, None);
    }

    #[test]
    fn surface_gap_counts_agree_with_single_decisions_at_every_cell() {
        // Saturated pharmacy areas left open: each undetermined cell's own decision names the
        // gaps the report attributes to it.
        use crate::synth::{synth_scenario, SampleCity, SynthSpec};
        let s = synth_scenario(&SynthSpec::published(SampleCity::Linyi, 4000.0));
        let p = policy(&[
            ("pharmacy_saturated_above_per_10k", 0.5.into()),
            ("pharmacy_insufficient_below_per_10k", 0.2.into()),
        ]);
        let t = Application::new("t", Kind::Pharmacy, 0.0, 0.0);
        let (r, _, surface) = report(&s, &p, &t);
        let prep = Prepared::new(&s, &p, Date::new(2026, 3, 1).unwrap());
        let mut want: HashMap<(String, Option<String>), u64> = HashMap::new();
        for (k, c) in s.population_cells.iter().enumerate() {
            if surface[k] != Outcome::Undetermined {
                continue;
            }
            let d = prep.decide(&placed(&t, c.lon, c.lat, c.county.as_deref(), c.area.as_deref()));
            for e in d.rules.iter().filter(|e| e.verdict == Verdict::Gap) {
                *want.entry((e.rule.to_string(), e.switch.as_deref().map(str::to_string))).or_default() += 1;
            }
        }
        assert!(!want.is_empty(), "the thresholds leave saturated areas open");
        for ((rule, switch), n) in &want {
            let it = r.open.iter().find(|g| &g.rule == rule && &g.switch == switch).expect("listed");
            assert_eq!(it.cells, Some(*n), "{rule}");
        }
        assert_eq!(r.open.iter().filter(|g| g.cells.unwrap_or(0) > 0).count(), want.len());
    }

    #[test]
    fn no_gap_no_entry() {
        let s = crate::sample::linyi_sample();
        let p = policy(&[("saturated_pharmacy_area", "fail".into())]);
        let t = Application::new("t", Kind::Pharmacy, 0.0, 0.0);
        let (r, _, _) = report(&s, &p, &t);
        assert!(r.open.iter().all(|g| g.rule != "pharmacy.area_class"));
    }
}
