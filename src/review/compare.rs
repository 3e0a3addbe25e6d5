//! A draft against its baseline: the same data evaluated under two parameter sets. Which
//! decisions differ (application, baseline outcome → draft outcome, the rule that changed it),
//! the coverage, area-class, bed and surface figures side by side with their difference, and,
//! per population cell, whether it gains or loses coverage or its surface outcome changes.

use serde::Serialize;

use crate::engine::prepared::Prepared;
use crate::engine::{Decision, Figures, Outcome, TraceEntry, Verdict};
use crate::scenario::{Application, Category};
use crate::spatial::{AreaClass, Coverage, KindCoverage};
use crate::text::Text;

/// Pharmacy area classes in the order the figures list them.
pub const AREA_CLASSES: [AreaClass; 4] =
    [AreaClass::Blank, AreaClass::Insufficient, AreaClass::Adequate, AreaClass::Saturated];

/// Bits of `CoverageLayers::masks`: the pharmacy categories (0–2), outpatient, inpatient.
pub const PHARMACY_BITS: u8 = crate::spatial::PHARMACY;
pub const OUTPATIENT_BITS: u8 = crate::spatial::OUTPATIENT;
pub const INPATIENT_BITS: u8 = crate::spatial::INPATIENT;

/// One side of a comparison: what an evaluation under one parameter set shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    pub decisions: Vec<Decision>,
    pub figures: Figures,
    pub coverage: Coverage,
    /// Per population cell, the coverage layers that reach it (`CoverageLayers::masks`).
    pub masks: Vec<u8>,
    /// (areas, residents) per class in `AREA_CLASSES` order; areas with residents only.
    pub area_counts: [(u64, u64); 4],
    /// The acceptance surface of the template application (empty without one).
    pub surface: Vec<Outcome>,
    /// Each county's new inpatient designations (open, suspended …), as the annual plan says.
    pub counties: Vec<super::delta::CountyStatus>,
}

/// (areas, residents) per pharmacy area class, in `AREA_CLASSES` order.
pub fn area_counts(prep: &Prepared) -> [(u64, u64); 4] {
    let mut counts = [(0u64, 0u64); 4];
    for key in &prep.areas.keys {
        let (pharmacies, population) =
            prep.areas.stats.get(key).map(|st| (st.pharmacy_ids.len() as u32, st.population)).unwrap_or((0, 0));
        let (class, _) = AreaClass::classify(pharmacies, population, &prep.policy.params);
        if let Some(k) = AREA_CLASSES.iter().position(|c| *c == class) {
            counts[k].0 += 1;
            counts[k].1 = counts[k].1.saturating_add(population);
        }
    }
    counts
}

impl Snapshot {
    /// Everything of one side from a prepared scenario; `template`: the application whose
    /// acceptance surface is compared (the selected one in the app).
    pub fn compute(prep: &Prepared, template: Option<&Application>) -> Snapshot {
        let layers = prep.coverage_layers();
        let coverage = layers.summary_with(prep.scenario, &prep.data.cell_population, &prep.data.cell_county);
        Snapshot {
            decisions: prep.scenario.applications.iter().map(|a| prep.decide(a)).collect(),
            figures: prep.figures.clone(),
            coverage,
            masks: layers.masks,
            area_counts: area_counts(prep),
            surface: template.map(|t| prep.surface(t).outcomes).unwrap_or_default(),
            counties: super::delta::county_inpatient(prep),
        }
    }

    /// This snapshot as one side of a `delta`.
    pub fn side(&self) -> super::delta::Side<'_> {
        super::delta::Side {
            decisions: &self.decisions,
            coverage: &self.coverage,
            masks: &self.masks,
            surface: &self.surface,
            counties: &self.counties,
        }
    }
}

/// An application whose outcome differs between baseline and draft.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DecisionChange {
    pub id: String,
    pub baseline: Outcome,
    pub draft: Outcome,
    /// The rule that changed it: its id, clause, both verdicts and the draft's detail.
    pub rule: Option<RuleChange>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RuleChange {
    pub rule: String,
    pub clause: String,
    /// `None` where the rule is off on that side.
    pub baseline: Option<Verdict>,
    pub draft: Option<Verdict>,
    pub detail: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureUnit {
    /// A share of residents, 0..=1.
    Share,
    /// A count (areas, cells, residents).
    Count,
    /// Beds per 1,000 residents.
    PerThousand,
}

/// One figure on both sides.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureChange {
    /// A stable key (`coverage.pharmacy`, `areas.saturated.residents`, `beds.measured` …).
    pub key: String,
    pub label: Text,
    pub unit: FigureUnit,
    pub baseline: Option<f64>,
    pub draft: Option<f64>,
    /// The switches and assumptions the draft's figure rests on (the measured beds rest on the
    /// simulator's bed-need formula): empty when it is the data's or the text's own.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<&'static str>,
}

impl FigureChange {
    /// draft − baseline, when both exist.
    pub fn difference(&self) -> Option<f64> {
        Some(self.draft? - self.baseline?)
    }
    pub fn changed(&self) -> bool {
        match (self.baseline, self.draft) {
            (Some(a), Some(b)) => (a - b).abs() > 1e-12,
            (a, b) => a.is_some() != b.is_some(),
        }
    }
}

/// What happened to one population cell between baseline and draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CellChange {
    Same,
    Gained,
    Lost,
    /// Coverage unchanged, surface outcome changed.
    OutcomeChanged,
    GainedOutcomeChanged,
    LostOutcomeChanged,
}

impl CellChange {
    pub const ALL: [CellChange; 6] = [
        CellChange::Same,
        CellChange::Gained,
        CellChange::Lost,
        CellChange::OutcomeChanged,
        CellChange::GainedOutcomeChanged,
        CellChange::LostOutcomeChanged,
    ];
    pub fn id(self) -> &'static str {
        match self {
            CellChange::Same => "same",
            CellChange::Gained => "gained",
            CellChange::Lost => "lost",
            CellChange::OutcomeChanged => "outcome_changed",
            CellChange::GainedOutcomeChanged => "gained_outcome_changed",
            CellChange::LostOutcomeChanged => "lost_outcome_changed",
        }
    }
    pub fn label(self) -> Text {
        match self {
            CellChange::Same => Text::new("无变化", "unchanged"),
            CellChange::Gained => Text::new("新增覆盖", "gains coverage"),
            CellChange::Lost => Text::new("失去覆盖", "loses coverage"),
            CellChange::OutcomeChanged => Text::new("可受理结果改变", "surface outcome changed"),
            CellChange::GainedOutcomeChanged => Text::new("新增覆盖且结果改变", "gains coverage, outcome changed"),
            CellChange::LostOutcomeChanged => Text::new("失去覆盖且结果改变", "loses coverage, outcome changed"),
        }
    }
    pub fn gained(self) -> bool {
        matches!(self, CellChange::Gained | CellChange::GainedOutcomeChanged)
    }
    pub fn lost(self) -> bool {
        matches!(self, CellChange::Lost | CellChange::LostOutcomeChanged)
    }
    pub fn outcome_changed(self) -> bool {
        matches!(self, CellChange::OutcomeChanged | CellChange::GainedOutcomeChanged | CellChange::LostOutcomeChanged)
    }
}

/// Per cell change and the cells and residents that gain or lose coverage or change outcome.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CellChanges {
    pub cells: Vec<CellChange>,
    pub gained: (u64, u64),
    pub lost: (u64, u64),
    pub outcome_changed: (u64, u64),
}

/// Cells that gain or lose the coverage of the layers `bits` (of `CoverageLayers::masks`), and
/// cells whose surface outcome changed (compared only when both surfaces cover every cell).
pub fn cell_changes(baseline: &Snapshot, draft: &Snapshot, bits: u8, population: &[u64]) -> CellChanges {
    let n = population.len();
    let surfaces = baseline.surface.len() == n && draft.surface.len() == n;
    let mut out = CellChanges { cells: Vec::with_capacity(n), ..Default::default() };
    let add = |t: &mut (u64, u64), p: u64| {
        t.0 += 1;
        t.1 = t.1.saturating_add(p);
    };
    for (k, &pop) in population.iter().enumerate() {
        let before = baseline.masks.get(k).is_some_and(|m| m & bits != 0);
        let after = draft.masks.get(k).is_some_and(|m| m & bits != 0);
        let changed = surfaces && baseline.surface[k] != draft.surface[k];
        let c = match (before, after, changed) {
            (false, true, false) => CellChange::Gained,
            (true, false, false) => CellChange::Lost,
            (false, true, true) => CellChange::GainedOutcomeChanged,
            (true, false, true) => CellChange::LostOutcomeChanged,
            (_, _, true) => CellChange::OutcomeChanged,
            _ => CellChange::Same,
        };
        if c.gained() {
            add(&mut out.gained, pop);
        }
        if c.lost() {
            add(&mut out.lost, pop);
        }
        if c.outcome_changed() {
            add(&mut out.outcome_changed, pop);
        }
        out.cells.push(c);
    }
    out
}

/// Decisions that differ, counties whose inpatient status differs and the figures of both sides.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Comparison {
    pub decisions: Vec<DecisionChange>,
    /// Counties whose new inpatient designations open, close or otherwise change status.
    pub counties: Vec<super::delta::CountyChange>,
    pub figures: Vec<FigureChange>,
}

impl Comparison {
    pub fn changed_figures(&self) -> impl Iterator<Item = &FigureChange> {
        self.figures.iter().filter(|f| f.changed())
    }
}

/// The rule that turned the baseline outcome into the draft one: the draft's deciding rule if
/// its verdict differs from the baseline's, else the baseline's deciding rule (which the draft
/// no longer decides by), else the first rule whose verdict differs.
fn changing_rule(base: &Decision, draft: &Decision) -> Option<RuleChange> {
    let verdict = |d: &Decision, rule: &str| d.rules.iter().find(|e| e.rule == rule).map(|e| e.verdict);
    let change = |e: &TraceEntry, from: &Decision, to: &Decision| RuleChange {
        rule: e.rule.to_string(),
        clause: e.clause.to_string(),
        baseline: verdict(from, &e.rule),
        draft: verdict(to, &e.rule),
        detail: to
            .rules
            .iter()
            .find(|x| x.rule == e.rule)
            .map(|x| x.detail.to_text())
            .unwrap_or_else(|| e.detail.to_text()),
    };
    let differs = |e: &&TraceEntry| verdict(base, &e.rule) != verdict(draft, &e.rule);
    if let Some(e) = draft.deciding_rule().filter(differs) {
        return Some(change(e, base, draft));
    }
    if let Some(e) = base.deciding_rule().filter(differs) {
        return Some(change(e, base, draft));
    }
    draft.rules.iter().chain(&base.rules).find(differs).map(|e| change(e, base, draft))
}

fn share_fig(key: &str, label: Text, b: Option<f64>, d: Option<f64>) -> FigureChange {
    FigureChange { readings: Vec::new(), key: key.to_string(), label, unit: FigureUnit::Share, baseline: b, draft: d }
}

fn category_share(k: &KindCoverage, cat: &str) -> Option<f64> {
    k.by_category.as_ref()?.iter().find(|(c, _)| c == cat).and_then(|(_, v)| *v)
}

/// The decisions whose outcome differs, matched by application id (an application present on
/// one side only is not listed), each with the rule that changed it.
pub fn decision_changes(baseline: &[Decision], draft: &[Decision]) -> Vec<DecisionChange> {
    draft
        .iter()
        .enumerate()
        .filter_map(|(k, d)| {
            // Usually at the same index: no search over every decision per decision.
            let b = baseline.get(k).filter(|b| b.id == d.id).or_else(|| baseline.iter().find(|b| b.id == d.id))?;
            (b.outcome != d.outcome).then(|| DecisionChange {
                id: d.id.clone(),
                baseline: b.outcome,
                draft: d.outcome,
                rule: changing_rule(b, d),
            })
        })
        .collect()
}

/// Compares the draft with the baseline.
pub fn compare(baseline: &Snapshot, draft: &Snapshot, population: &[u64]) -> Comparison {
    let decisions = decision_changes(&baseline.decisions, &draft.decisions);

    let mut figures = Vec::new();
    let (bc, dc) = (&baseline.coverage, &draft.coverage);
    figures.push(share_fig(
        "coverage.pharmacy",
        Text::new("药店覆盖率", "pharmacy coverage"),
        bc.pharmacy.population_share,
        dc.pharmacy.population_share,
    ));
    for cat in Category::ALL {
        let l = cat.label();
        figures.push(share_fig(
            &format!("coverage.pharmacy.{}", cat.id()),
            Text::new(format!("{}药店覆盖率", l.zh), format!("{} pharmacy coverage", l.en)),
            category_share(&bc.pharmacy, cat.id()),
            category_share(&dc.pharmacy, cat.id()),
        ));
    }
    figures.push(share_fig(
        "coverage.outpatient",
        Text::new("门诊覆盖率", "outpatient coverage"),
        bc.outpatient.population_share,
        dc.outpatient.population_share,
    ));
    figures.push(share_fig(
        "coverage.inpatient",
        Text::new("住院覆盖率", "inpatient coverage"),
        bc.inpatient.population_share,
        dc.inpatient.population_share,
    ));
    // Coverage by kind and county (`coverage.county.<kind>.<county id>`).
    let county_name =
        |id: &str| draft.counties.iter().chain(&baseline.counties).find(|c| c.county == id).map(|c| c.name.clone());
    for (kind, b, d, zh, en) in [
        ("pharmacy", &bc.pharmacy, &dc.pharmacy, "药店覆盖率", "pharmacy coverage"),
        ("outpatient", &bc.outpatient, &dc.outpatient, "门诊覆盖率", "outpatient coverage"),
        ("inpatient", &bc.inpatient, &dc.inpatient, "住院覆盖率", "inpatient coverage"),
    ] {
        for (id, share) in &d.by_county {
            let name = county_name(id).unwrap_or_else(|| id.clone());
            let before = b.by_county.iter().find(|(c, _)| c == id).and_then(|(_, v)| *v);
            figures.push(share_fig(
                &format!("coverage.county.{kind}.{id}"),
                Text::new(format!("{name}{zh}"), format!("{name}: {en}")),
                before,
                *share,
            ));
        }
    }
    for (k, class) in AREA_CLASSES.iter().enumerate() {
        let l = class.label();
        let id = format!("{class:?}").to_lowercase();
        let (b, d) = (baseline.area_counts[k], draft.area_counts[k]);
        figures.push(FigureChange {
            readings: Vec::new(),
            key: format!("areas.{id}"),
            label: Text::new(format!("{}数", l.zh), format!("{}s", l.en)),
            unit: FigureUnit::Count,
            baseline: Some(b.0 as f64),
            draft: Some(d.0 as f64),
        });
        figures.push(FigureChange {
            readings: Vec::new(),
            key: format!("areas.{id}.residents"),
            label: Text::new(format!("{}常住人口", l.zh), format!("residents of {}s", l.en)),
            unit: FigureUnit::Count,
            baseline: Some(b.1 as f64),
            draft: Some(d.1 as f64),
        });
    }
    let beds = |key: &str, label: Text, f: fn(&Figures) -> Option<f64>| FigureChange {
        readings: Vec::new(),
        key: key.to_string(),
        label,
        unit: FigureUnit::PerThousand,
        baseline: f(&baseline.figures),
        draft: f(&draft.figures),
    };
    figures.push(beds("beds.target", Text::new("每千人目标床位数", "target beds per 1,000"), |f| {
        Some(f.target_beds_per_1000)
    }));
    let mut measured =
        beds("beds.measured", Text::new("全市千人测算床位数", "city measured beds per 1,000"), |f| {
            f.measured_beds_per_1000
        });
    measured.readings = draft.figures.readings_of("measured_beds_per_1000").iter().map(|r| r.id).collect();
    figures.push(measured);
    let n = population.len();
    if baseline.surface.len() == n && draft.surface.len() == n && n > 0 {
        let total: u64 = population.iter().fold(0u64, |a, &p| a.saturating_add(p));
        let open = |s: &[Outcome]| -> Option<f64> {
            let pop = s
                .iter()
                .zip(population)
                .filter(|(o, _)| matches!(o, Outcome::Accepted | Outcome::Prioritized))
                .fold(0u64, |a, (_, &p)| a.saturating_add(p));
            (total > 0).then(|| pop as f64 / total as f64)
        };
        figures.push(share_fig(
            "surface.accepting",
            Text::new(
                "所选申请可受理（含优先）的人口占比",
                "residents where the selected application would be accepted or prioritized",
            ),
            open(&baseline.surface),
            open(&draft.surface),
        ));
        for o in Outcome::ALL {
            let count = |s: &[Outcome]| Some(s.iter().filter(|x| **x == o).count() as f64);
            let l = o.label();
            figures.push(FigureChange {
                readings: Vec::new(),
                key: format!("surface.{}", o.id()),
                label: Text::new(format!("可受理范围格网：{}", l.zh), format!("surface cells: {}", l.en)),
                unit: FigureUnit::Count,
                baseline: count(&baseline.surface),
                draft: count(&draft.surface),
            });
        }
    }
    let counties = super::delta::county_changes(&baseline.counties, &draft.counties);
    Comparison { decisions, counties, figures }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::engine::prepared::{DataIndex, Prepared};
    use crate::policy::{builtin_preset, Policy};
    use crate::scenario::{Kind, Scenario};
    use std::collections::BTreeMap;
    use std::rc::Rc;

    fn today() -> Date {
        Date::new(2026, 3, 1).unwrap()
    }

    fn snap(
        s: &Scenario,
        data: &Rc<DataIndex>,
        overrides: &[(&str, serde_json::Value)],
        template: Option<&Application>,
    ) -> Snapshot {
        let ov: BTreeMap<String, serde_json::Value> =
            overrides.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        let policy = Policy::resolve(&builtin_preset("linyi-2025").unwrap(), &ov, "o").unwrap();
        let prep = Prepared::with_data(s, &policy, data.clone(), today());
        Snapshot::compute(&prep, template)
    }

    /// The sample with a pharmacy application standing 500 m from a designated pharmacy: it is
    /// rejected by the same-type rule at 800 m and not at 300 m.
    fn sample_with_pharmacy_near_another() -> Scenario {
        let mut s = crate::sample::linyi_sample();
        let p = s.institutions.iter().find(|i| i.designated && i.kind == Kind::Pharmacy).unwrap().clone();
        let mut a = Application::new("near", Kind::Pharmacy, p.lon + 0.0055, p.lat);
        a.county = p.county.clone();
        a.pharmacists = Some(2);
        a.operating_months = Some(12.0);
        a.category = Some(p.categories());
        s.applications.push(a);
        s
    }

    #[test]
    fn the_measured_beds_say_they_rest_on_the_simulators_reading() {
        // linyi-2025 三(一)1 names only the inputs of 测算值: the compared figure carries the
        // readings it rests on, beginning with the bed-need formula.
        let s = crate::sample::linyi_sample();
        let data = Rc::new(DataIndex::build(&s));
        let a = snap(&s, &data, &[], None);
        let b = snap(&s, &data, &[("target_beds_per_1000", 7.0.into())], None);
        let c = compare(&a, &b, &data.cell_population);
        let measured = c.figures.iter().find(|f| f.key == "beds.measured").unwrap();
        assert_eq!(measured.readings.first(), Some(&"bed_need_formula"), "{:?}", measured.readings);
        assert!(measured.readings.contains(&"fund_coef_enabled"));
        let target = c.figures.iter().find(|f| f.key == "beds.target").unwrap();
        assert!(target.readings.is_empty());
    }

    #[test]
    fn same_parameters_give_no_differences() {
        let s = sample_with_pharmacy_near_another();
        let data = Rc::new(DataIndex::build(&s));
        let t = s.applications.last().cloned();
        let a = snap(&s, &data, &[], t.as_ref());
        let b = snap(&s, &data, &[], t.as_ref());
        let pop = &data.cell_population;
        let c = compare(&a, &b, pop);
        assert!(c.decisions.is_empty());
        assert_eq!(c.changed_figures().count(), 0);
        let cells = cell_changes(&a, &b, PHARMACY_BITS, pop);
        assert!(cells.cells.iter().all(|c| *c == CellChange::Same));
        assert_eq!((cells.gained, cells.lost, cells.outcome_changed), ((0, 0), (0, 0), (0, 0)));
    }

    #[test]
    fn a_smaller_radius_lists_the_decision_it_changes_with_the_rule() {
        let s = sample_with_pharmacy_near_another();
        let data = Rc::new(DataIndex::build(&s));
        let t = s.applications.last().cloned();
        let base = snap(&s, &data, &[], t.as_ref());
        let draft = snap(&s, &data, &[("service_radius_m", 300.into())], t.as_ref());
        let c = compare(&base, &draft, &data.cell_population);
        let d = c.decisions.iter().find(|d| d.id == "near").expect("the near application changes");
        assert_eq!(d.baseline, Outcome::Rejected);
        assert_ne!(d.draft, Outcome::Rejected);
        let r = d.rule.as_ref().unwrap();
        assert_eq!(r.rule, "pharmacy.same_type_nearby");
        assert_eq!((r.baseline, r.draft), (Some(Verdict::Fail), Some(Verdict::Pass)));
        assert!(r.clause.starts_with("linyi-2025"));
        // Coverage shrinks with the radius, and the figure says by how much.
        let f = c.figures.iter().find(|f| f.key == "coverage.pharmacy").unwrap();
        assert!(f.difference().unwrap() < 0.0, "{f:?}");
        // Every decision not listed has the same outcome on both sides.
        for (b, d) in base.decisions.iter().zip(&draft.decisions) {
            assert_eq!(b.outcome != d.outcome, c.decisions.iter().any(|x| x.id == d.id));
        }
    }

    #[test]
    fn cells_lose_coverage_as_the_radius_shrinks_and_gain_as_it_grows() {
        let s = crate::sample::linyi_sample();
        let data = Rc::new(DataIndex::build(&s));
        let pop = &data.cell_population;
        let t = Application::new("t", Kind::Pharmacy, 0.0, 0.0);
        let base = snap(&s, &data, &[], Some(&t));
        let small = snap(&s, &data, &[("service_radius_m", 300.into())], Some(&t));
        let big = snap(&s, &data, &[("service_radius_m", 2000.into())], Some(&t));
        let shrink = cell_changes(&base, &small, PHARMACY_BITS, pop);
        assert!(shrink.lost.0 > 0 && shrink.gained.0 == 0, "{:?} {:?}", shrink.lost, shrink.gained);
        let grow = cell_changes(&base, &big, PHARMACY_BITS, pop);
        assert!(grow.gained.0 > 0 && grow.lost.0 == 0);
        // The counts agree with the cells, and a lost cell was covered before and is not after.
        for (k, c) in shrink.cells.iter().enumerate() {
            if c.lost() {
                assert!(base.masks[k] & PHARMACY_BITS != 0 && small.masks[k] & PHARMACY_BITS == 0);
            }
            assert_eq!(c.outcome_changed(), base.surface[k] != small.surface[k], "cell {k}");
        }
        assert_eq!(shrink.lost.0 as usize, shrink.cells.iter().filter(|c| c.lost()).count());
        // The covered residents' difference in the figures equals the residents lost.
        let c = compare(&base, &small, pop);
        let f = c.figures.iter().find(|f| f.key == "coverage.pharmacy").unwrap();
        let total: u64 = pop.iter().sum();
        assert!((f.difference().unwrap() + shrink.lost.1 as f64 / total as f64).abs() < 1e-9);
        assert!(shrink.outcome_changed.0 > 0, "the surface of a new pharmacy changes with the radius");
    }

    #[test]
    fn area_class_and_bed_figures_show_both_sides() {
        let s = crate::sample::linyi_sample();
        let data = Rc::new(DataIndex::build(&s));
        let base = snap(&s, &data, &[], None);
        let draft = snap(
            &s,
            &data,
            &[("pharmacy_saturated_above_per_10k", 2.5.into()), ("target_beds_per_1000", 9.into())],
            None,
        );
        let c = compare(&base, &draft, &data.cell_population);
        let get = |k: &str| c.figures.iter().find(|f| f.key == k).unwrap().clone();
        assert_eq!(get("beds.target").baseline, Some(7.45));
        assert_eq!(get("beds.target").draft, Some(9.0));
        let sat = get("areas.saturated");
        assert!(sat.draft.unwrap() >= sat.baseline.unwrap());
        // Areas are only reclassified: their total stays.
        let total = |side: fn(&FigureChange) -> Option<f64>| {
            AREA_CLASSES
                .iter()
                .map(|cl| side(&get(&format!("areas.{}", format!("{cl:?}").to_lowercase()))).unwrap())
                .sum::<f64>()
        };
        assert_eq!(total(|f| f.baseline), total(|f| f.draft));
        // Without surfaces no surface figure is listed.
        assert!(!c.figures.iter().any(|f| f.key.starts_with("surface.")));
    }
}
