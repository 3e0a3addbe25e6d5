//! The sensitivity sweep's model: the parameters offered, what a run is asked (checked here,
//! with the messages the user sees), what it found so far, and the chart's layout (axes, ticks,
//! series, the current value) in the SVG's coordinates. The skin draws the layout and runs one
//! value per timer tick.

use std::collections::BTreeMap;

use serde_json::Value;

mod i {
    pub use crate::app::i18n::{sweep::*, *};
}
use super::state::{MapData, Shared, State};
use crate::date::Date;
use crate::engine::Outcome;
use crate::policy::{param_def, Group, ParamDef, ParamKind, Policy, Preset};
use crate::review::sweep::{sweep_values, sweepable, Sweep, SweepPoint};
use crate::scenario::{Kind, Scenario};
use crate::text::{num, Lang, Text, Words};

/// What a sweep runs on, compared by identity (the policy stands for the preset and overrides).
#[derive(Clone)]
pub struct SweepInputs {
    pub policy: Shared<Policy>,
    pub scenario: Shared<Scenario>,
    pub data: Shared<MapData>,
    pub presets: Shared<Vec<Preset>>,
    pub preset_idx: usize,
    pub overrides: BTreeMap<String, Value>,
    pub selected: usize,
    pub today: Date,
}

impl PartialEq for SweepInputs {
    fn eq(&self, o: &Self) -> bool {
        self.policy == o.policy
            && self.scenario == o.scenario
            && self.data == o.data
            && self.presets == o.presets
            && self.preset_idx == o.preset_idx
            && self.selected == o.selected
            && self.today == o.today
    }
}

impl SweepInputs {
    pub fn of(s: &State) -> SweepInputs {
        SweepInputs {
            policy: Shared(s.policy.clone()),
            scenario: Shared(s.scenario.clone()),
            data: s.data.clone(),
            presets: Shared(s.presets.clone()),
            preset_idx: s.preset_idx,
            overrides: s.overrides.clone(),
            selected: s.selected,
            today: s.today,
        }
    }

    /// A parameter's value now.
    pub fn value(&self, id: &str) -> Option<f64> {
        self.policy.values.get(id).and_then(|v| v.as_f64())
    }
}

/// The parameters offered: the numbers of the table the app shows.
pub fn offered() -> Vec<&'static ParamDef> {
    sweepable().filter(|d| !matches!(d.group, Group::Exits | Group::Budget)).collect()
}

/// Which coverage the chart shows for the selected application's kind (0 pharmacy, 1
/// outpatient, 2 inpatient), with its label.
pub fn coverage_of(kind: Option<Kind>) -> (usize, Words) {
    match kind {
        Some(Kind::InpatientGeneral | Kind::InpatientSpecialty) => (2, i::COV_INPATIENT),
        Some(Kind::Outpatient | Kind::PrimaryCare) => (1, i::COV_OUTPATIENT),
        _ => (0, i::COV_PHARMACY),
    }
}

pub fn unit(lang: Lang, def: &ParamDef) -> String {
    i::t(lang, &def.unit())
}

/// " km", or nothing for a number without a unit.
pub fn unit_suffix(lang: Lang, def: &ParamDef) -> String {
    let u = unit(lang, def);
    if u.is_empty() {
        u
    } else {
        format!(" {u}")
    }
}

pub fn label_with_unit(lang: Lang, def: &ParamDef) -> String {
    let u = unit(lang, def);
    if u.is_empty() {
        i::t(lang, &def.label())
    } else {
        format!("{}{}", i::t(lang, &def.label()), i::paren(lang, &u))
    }
}

/// A finished or running sweep as the page shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepResult {
    pub param: &'static str,
    pub lo: f64,
    pub hi: f64,
    /// The parameter's value when the sweep started: the marked one.
    pub current: f64,
    pub coverage_k: usize,
    pub coverage_label: Words,
    pub points: Vec<SweepPoint>,
    pub total: usize,
    pub running: bool,
}

impl SweepResult {
    /// Values the table's cross-checks refused.
    pub fn refused(&self) -> usize {
        self.points.iter().filter(|p| p.error.is_some()).count()
    }

    /// Stopped before the last value.
    pub fn cancelled(&self) -> bool {
        !self.running && self.points.len() < self.total
    }

    /// `dingdian-sweep-service_radius_m.csv` …
    pub fn file_name(&self, ext: &str) -> String {
        format!("dingdian-sweep-{}.{ext}", self.param)
    }
}

/// Checks what the user typed (range and steps) and starts a sweep of `def` over it.
pub fn start(
    inputs: &SweepInputs,
    def: &'static ParamDef,
    lo_text: &str,
    hi_text: &str,
    steps_text: &str,
) -> Result<Option<(Sweep, SweepResult)>, Text> {
    let parse = |x: &str| x.trim().replace(',', "").parse::<f64>().ok().filter(|v| v.is_finite());
    let (Some(lo), Some(hi)) = (parse(lo_text), parse(hi_text)) else {
        return Err(i::RV_SW_BAD_RANGE.clone());
    };
    let Some(n) = steps_text.trim().parse::<usize>().ok().filter(|n| (2..=101).contains(n)) else {
        return Err(i::RV_SW_BAD_STEPS.clone());
    };
    let ParamKind::Number { min, max, .. } = def.kind else {
        return Ok(None);
    };
    if lo >= hi || lo < min || hi > max {
        return Err(Text::new(
            format!("{}（{}–{}）", i::RV_SW_BAD_RANGE.zh, num(min, 6), num(max, 6)),
            format!("{} ({}–{})", i::RV_SW_BAD_RANGE.en, num(min, 6), num(max, 6)),
        ));
    }
    let values = sweep_values(def, lo, hi, n);
    let template = inputs.scenario.applications.get(inputs.selected).cloned();
    let (coverage_k, coverage_label) = coverage_of(template.as_ref().map(|a| a.kind));
    let preset = inputs.presets[inputs.preset_idx].clone();
    let sweep = Sweep::new(
        inputs.scenario.0.clone(),
        inputs.data.index.clone(),
        preset,
        inputs.overrides.clone(),
        def.id,
        values.clone(),
        template,
        inputs.today,
    )
    .map_err(|e| Text::new(e.clone(), e))?;
    let shown = SweepResult {
        param: def.id,
        lo: values.first().copied().unwrap_or(lo),
        hi: values.last().copied().unwrap_or(hi),
        current: inputs.value(def.id).unwrap_or(0.0),
        coverage_k,
        coverage_label,
        points: Vec::new(),
        total: values.len(),
        running: true,
    };
    Ok(Some((sweep, shown)))
}

// ---------------------------------------------------------------------------------------------
// The chart's layout

pub const W: f64 = 680.0;
pub const H: f64 = 440.0;
pub const ML: f64 = 60.0;
pub const MR: f64 = 60.0;
pub const MT: f64 = 34.0;
pub const PLOT_H: f64 = 250.0;

/// Round tick values covering lo..=hi, about `n` of them.
pub fn ticks(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    if !(hi > lo) {
        return vec![lo];
    }
    let raw = (hi - lo) / n.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag);
    let mut out = Vec::new();
    let mut x = (lo / step).ceil() * step;
    while x <= hi + step * 1e-9 {
        out.push((x * 1e9).round() / 1e9);
        x += step;
    }
    out
}

/// A line of the chart and how it is drawn.
pub struct Series {
    pub key: &'static str,
    pub label: Words,
    pub colour: &'static str,
    pub dash: &'static str,
    pub marker: &'static str,
    /// Counted on the right axis (applications), else a share on the left.
    pub right: bool,
    value: fn(&SweepPoint, usize) -> Option<f64>,
}

pub const SERIES: [Series; 4] = [
    Series {
        key: "coverage",
        label: i::RV_SW_COVERAGE,
        colour: "#21669c",
        dash: "",
        marker: "circle",
        right: false,
        value: |p, k| p.coverage[k],
    },
    Series {
        key: "accepting",
        label: i::RV_SW_ACCEPTING,
        colour: "#1b823c",
        dash: "8 4",
        marker: "square",
        right: false,
        value: |p, _| p.accepting_share,
    },
    Series {
        key: "suspended",
        label: i::RV_SW_SUSPENDED,
        colour: "#a06e00",
        dash: "2 3",
        marker: "triangle",
        right: true,
        value: |p, _| p.error.is_none().then(|| p.count(Outcome::Suspended) as f64),
    },
    Series {
        key: "rejected",
        label: i::RV_SW_REJECTED,
        colour: "#be231b",
        dash: "10 3 2 3",
        marker: "diamond",
        right: true,
        value: |p, _| p.error.is_none().then(|| p.count(Outcome::Rejected) as f64),
    },
];

/// A series placed: its SVG path and its points.
pub struct Line {
    pub series: &'static Series,
    pub path: String,
    pub points: Vec<(f64, f64)>,
    /// The legend's words: the label with its axis (and, for coverage, which coverage).
    pub legend: String,
}

/// The chart in the SVG's coordinates: `(position, label)` for every tick.
pub struct SweepChart {
    pub title: String,
    pub x_label: String,
    pub plot_w: f64,
    pub bottom: f64,
    pub share_ticks: Vec<(f64, String)>,
    pub count_ticks: Vec<(f64, String)>,
    pub x_ticks: Vec<(f64, String)>,
    pub lines: Vec<Line>,
    /// The current value's x, whether it lies in the range, and its label.
    pub current_x: f64,
    pub current_in: bool,
    pub current_label: String,
}

impl SweepChart {
    /// `current`: the parameter's value now (it may have moved since the sweep ran).
    pub fn layout(lang: Lang, r: &SweepResult, current: f64) -> Option<SweepChart> {
        let def = param_def(r.param)?;
        let (lo, hi) = (r.lo, if r.hi > r.lo { r.hi } else { r.lo + 1.0 });
        let pw = W - ML - MR;
        let x_of = |v: f64| ML + (v - lo) / (hi - lo) * pw;
        let y_share = |v: f64| MT + PLOT_H - v.clamp(0.0, 1.0) * PLOT_H;
        let max_count = r
            .points
            .iter()
            .filter(|p| p.error.is_none())
            .map(|p| p.count(Outcome::Suspended).max(p.count(Outcome::Rejected)))
            .max()
            .unwrap_or(0)
            .max(1) as f64;
        let count_ticks: Vec<f64> = ticks(0.0, max_count, 4).into_iter().filter(|v| v.fract() == 0.0).collect();
        let count_top = count_ticks.last().copied().unwrap_or(max_count).max(max_count);
        let y_count = |v: f64| MT + PLOT_H - v / count_top * PLOT_H;
        let lines = SERIES
            .iter()
            .map(|s| {
                let points: Vec<(f64, f64)> = r
                    .points
                    .iter()
                    .filter_map(|p| {
                        let v = (s.value)(p, r.coverage_k)?;
                        Some((x_of(p.value), if s.right { y_count(v) } else { y_share(v) }))
                    })
                    .collect();
                let path = points
                    .iter()
                    .enumerate()
                    .map(|(k, (x, y))| format!("{}{} {}", if k == 0 { "M" } else { "L" }, num(*x, 1), num(*y, 1)))
                    .collect();
                let label = if s.key == "coverage" {
                    format!("{}{}{}", s.label.get(lang), i::COLON.get(lang), r.coverage_label.get(lang))
                } else {
                    s.label.get(lang).to_string()
                };
                let axis = if s.right { i::RV_SW_RIGHT_AXIS } else { i::RV_SW_LEFT_AXIS };
                Line { series: s, path, points, legend: format!("{label}{}", i::paren(lang, axis.get(lang))) }
            })
            .collect();
        Some(SweepChart {
            title: format!("{} — {}", i::RV_SW_CHART_TITLE.get(lang), i::t(lang, &def.label())),
            x_label: label_with_unit(lang, def),
            plot_w: pw,
            bottom: MT + PLOT_H,
            share_ticks: ticks(0.0, 1.0, 5)
                .into_iter()
                .map(|v| (y_share(v), format!("{}%", num(v * 100.0, 0))))
                .collect(),
            count_ticks: count_ticks.iter().map(|v| (y_count(*v), num(*v, 0))).collect(),
            x_ticks: ticks(lo, hi, 6).into_iter().map(|v| (x_of(v), num(v, 2))).collect(),
            lines,
            current_x: x_of(current.clamp(lo, hi)),
            current_in: current >= lo && current <= hi,
            current_label: format!("{}{}{}", i::RV_SW_CURRENT.get(lang), num(current, 2), unit_suffix(lang, def)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(ticks(0.0, 1.0, 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(ticks(300.0, 1000.0, 6), vec![400.0, 600.0, 800.0, 1000.0]);
        assert_eq!(ticks(5.0, 5.0, 4), vec![5.0]);
    }

    #[test]
    fn a_bad_range_or_step_count_is_refused_with_its_words() {
        let s = State::new();
        let inputs = SweepInputs::of(&s);
        let def = param_def("service_radius_m").unwrap();
        let e = start(&inputs, def, "abc", "900", "10").err().unwrap();
        assert_eq!(e.get(Lang::En), i::RV_SW_BAD_RANGE.en);
        let e = start(&inputs, def, "100", "900", "1").err().unwrap();
        assert_eq!(e.get(Lang::En), i::RV_SW_BAD_STEPS.en);
        let e = start(&inputs, def, "900", "100", "10").err().unwrap();
        assert!(e.get(Lang::En).starts_with(&*i::RV_SW_BAD_RANGE.en));
    }

    #[test]
    fn a_sweep_runs_and_its_chart_marks_the_current_value() {
        let s = State::new();
        let inputs = SweepInputs::of(&s);
        let def = param_def("service_radius_m").unwrap();
        let (mut sweep, mut shown) = start(&inputs, def, "500", "1,500", "3").unwrap().unwrap();
        assert_eq!((shown.lo, shown.hi, shown.total), (500.0, 1500.0, 3));
        while !sweep.done() {
            if let Some(p) = sweep.step().cloned() {
                shown.points.push(p);
            }
        }
        shown.running = false;
        assert_eq!(shown.points.len(), 3);
        assert!(!shown.cancelled());
        assert_eq!(shown.file_name("csv"), "dingdian-sweep-service_radius_m.csv");
        let c = SweepChart::layout(Lang::En, &shown, 1000.0).unwrap();
        assert!(c.current_in);
        assert!((c.current_x - (ML + c.plot_w / 2.0)).abs() < 1e-9);
        assert_eq!(c.lines.len(), 4);
        assert_eq!(c.lines[0].points.len(), 3);
        assert!(c.lines[0].path.starts_with('M'));
        let outside = SweepChart::layout(Lang::En, &shown, 2000.0).unwrap();
        assert!(!outside.current_in);
    }
}
