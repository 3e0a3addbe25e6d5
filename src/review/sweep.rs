//! Sensitivity sweeps: one numeric parameter of the table stepped over a range, everything else
//! as set, and at each value the coverage shares, the acceptance share of the template
//! application's surface and the outcomes of the applications. `Sweep::step` computes one value
//! per call, so the page can show progress, yield between steps and cancel by dropping it.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde::Serialize;
use serde_json::Value;

use crate::date::Date;
use crate::engine::prepared::{DataIndex, Prepared};
use crate::engine::Outcome;
use crate::policy::{param_def, ParamDef, ParamKind, Policy, Preset, PARAMETERS};
use crate::scenario::{Application, Scenario};
use crate::text::num;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SweepPoint {
    pub value: f64,
    /// City-wide coverage shares: pharmacy, outpatient, inpatient.
    pub coverage: [Option<f64>; 3],
    /// Share of residents where the template would be accepted or prioritized.
    pub accepting_share: Option<f64>,
    /// Applications per outcome, in `Outcome::ALL` order.
    pub outcomes: [usize; 5],
    /// The value was refused by the table's cross-checks (e.g. the two area thresholds).
    pub error: Option<String>,
}

impl SweepPoint {
    pub fn count(&self, o: Outcome) -> usize {
        self.outcomes[Outcome::ALL.iter().position(|x| *x == o).unwrap_or(4)]
    }
}

/// The parameters a sweep can step: every number of the table (not one meaning "from the data").
pub fn sweepable() -> impl Iterator<Item = &'static ParamDef> {
    PARAMETERS.iter().filter(|d| matches!(d.kind, ParamKind::Number { auto: false, .. }))
}

/// A sensible range to sweep: 200–2,000 m for the radius (the slider's); otherwise from 0 (or
/// the table's minimum) to twice the current value, within the table's range.
pub fn default_range(def: &ParamDef, current: f64) -> (f64, f64) {
    let ParamKind::Number { min, max, step, .. } = def.kind else {
        return (0.0, 0.0);
    };
    if def.id == "service_radius_m" {
        return (200.0, 2000.0);
    }
    let hi = (current * 2.0).max(current + step * 10.0).min(max);
    (min.max(0.0).min(current), hi)
}

/// `n` values from `lo` to `hi` inclusive, each rounded to the parameter's step and kept in
/// its range; duplicates removed.
pub fn sweep_values(def: &ParamDef, lo: f64, hi: f64, n: usize) -> Vec<f64> {
    let ParamKind::Number { min, max, step, integer, .. } = def.kind else {
        return Vec::new();
    };
    let (lo, hi) = (lo.min(hi).clamp(min, max), hi.max(lo).clamp(min, max));
    let n = n.max(2);
    let mut out: Vec<f64> = Vec::with_capacity(n);
    for k in 0..n {
        let x = lo + (hi - lo) * k as f64 / (n - 1) as f64;
        let mut v = if step > 0.0 { (x / step).round() * step } else { x };
        if integer {
            v = v.round();
        }
        let v = (v * 1e9).round() / 1e9;
        let v = v.clamp(min, max);
        if out.last().is_none_or(|l| (l - v).abs() > 1e-12) {
            out.push(v);
        }
    }
    out
}

/// Whole numbers as JSON integers, as the app stores them.
fn json_number(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        Value::from(x as i64)
    } else {
        Value::from(x)
    }
}

/// A sweep in progress. Owns what it reads, so the page can keep it between animation frames.
pub struct Sweep {
    scenario: Rc<Scenario>,
    data: Rc<DataIndex>,
    preset: Preset,
    overrides: BTreeMap<String, Value>,
    pub param: &'static str,
    pub values: Vec<f64>,
    template: Option<Application>,
    today: Date,
    pub points: Vec<SweepPoint>,
}

impl Sweep {
    /// `data` must be `DataIndex::build(&scenario)`. Errors: an unknown or non-numeric parameter.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        scenario: Rc<Scenario>,
        data: Rc<DataIndex>,
        preset: Preset,
        overrides: BTreeMap<String, Value>,
        param: &str,
        values: Vec<f64>,
        template: Option<Application>,
        today: Date,
    ) -> Result<Sweep, String> {
        let def = param_def(param).ok_or_else(|| format!("{param}: unknown parameter"))?;
        if !sweepable().any(|d| d.id == def.id) {
            return Err(format!("{param}: not a number that can be swept"));
        }
        Ok(Sweep { scenario, data, preset, overrides, param: def.id, values, template, today, points: Vec::new() })
    }

    pub fn done(&self) -> bool {
        self.points.len() >= self.values.len()
    }

    /// Share of the values computed, 0..=1.
    pub fn fraction(&self) -> f64 {
        if self.values.is_empty() {
            1.0
        } else {
            self.points.len() as f64 / self.values.len() as f64
        }
    }

    /// Computes the next value; `None` when every value is done.
    pub fn step(&mut self) -> Option<&SweepPoint> {
        let value = *self.values.get(self.points.len())?;
        let point = self.point(value);
        self.points.push(point);
        self.points.last()
    }

    fn point(&self, value: f64) -> SweepPoint {
        let mut ov = self.overrides.clone();
        ov.insert(self.param.to_string(), json_number(value));
        let policy = match Policy::resolve(&self.preset, &ov, "sweep") {
            Ok(p) => p,
            Err(e) => {
                return SweepPoint {
                    value,
                    coverage: [None; 3],
                    accepting_share: None,
                    outcomes: [0; 5],
                    error: Some(e),
                };
            }
        };
        let s = &*self.scenario;
        let prep = Prepared::with_data(s, &policy, self.data.clone(), self.today);
        let mut outcomes = [0usize; 5];
        for a in &s.applications {
            let o = prep.decide(a).outcome;
            outcomes[Outcome::ALL.iter().position(|x| *x == o).unwrap_or(4)] += 1;
        }
        let cov = prep.coverage();
        let accepting_share = self.template.as_ref().and_then(|t| {
            let surface = prep.surface(t);
            let total: u64 = surface.counts.iter().fold(0u64, |a, c| a.saturating_add(c.population));
            let open: u64 = surface
                .counts
                .iter()
                .filter(|c| matches!(c.outcome, Some(Outcome::Accepted | Outcome::Prioritized)))
                .fold(0u64, |a, c| a.saturating_add(c.population));
            (total > 0).then(|| open as f64 / total as f64)
        });
        SweepPoint {
            value,
            coverage: [cov.pharmacy.population_share, cov.outpatient.population_share, cov.inpatient.population_share],
            accepting_share,
            outcomes,
            error: None,
        }
    }

    /// Every value at once.
    pub fn run(mut self) -> Vec<SweepPoint> {
        while self.step().is_some() {}
        self.points
    }
}

/// The sweep as CSV in UTF-8 with a BOM (so Excel reads the Chinese): one row per value, the
/// header in both languages.
pub fn sweep_csv(param: &ParamDef, points: &[SweepPoint]) -> String {
    let share = |x: Option<f64>| x.map(|v| num(v, 6)).unwrap_or_default();
    let mut out = String::from("\u{feff}");
    let unit = if param.unit_en.is_empty() { String::new() } else { format!(" ({})", param.unit_en) };
    let header = [
        format!(
            "{}{} / {}{unit}",
            param.zh,
            if param.unit_zh.is_empty() { String::new() } else { format!("（{}）", param.unit_zh) },
            param.en
        ),
        "药店覆盖率 / pharmacy coverage".into(),
        "门诊覆盖率 / outpatient coverage".into(),
        "住院覆盖率 / inpatient coverage".into(),
        "可受理人口占比 / accepting share of residents".into(),
        "受理 / accepted".into(),
        "优先纳入 / prioritized".into(),
        "不予受理 / rejected".into(),
        "暂停受理评估 / suspended".into(),
        "待定 / undetermined".into(),
        "说明 / note".into(),
    ];
    let field = |s: &str| {
        if s.contains([',', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    out.push_str(&header.iter().map(|h| field(h)).collect::<Vec<_>>().join(","));
    out.push_str("\r\n");
    for p in points {
        let mut row = vec![
            num(p.value, 6),
            share(p.coverage[0]),
            share(p.coverage[1]),
            share(p.coverage[2]),
            share(p.accepting_share),
        ];
        if p.error.is_some() {
            row.extend(std::iter::repeat_n(String::new(), 5));
        } else {
            row.extend(p.outcomes.iter().map(|n| n.to_string()));
        }
        row.push(p.error.clone().unwrap_or_default());
        out.push_str(&row.iter().map(|s| field(s)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::builtin_preset;
    use crate::scenario::Kind;

    fn sweep(param: &str, values: Vec<f64>, s: Scenario) -> Vec<SweepPoint> {
        let s = Rc::new(s);
        let data = Rc::new(DataIndex::build(&s));
        let t = Application::new("t", Kind::Pharmacy, 0.0, 0.0);
        Sweep::new(
            s,
            data,
            builtin_preset("linyi-2025").unwrap(),
            BTreeMap::new(),
            param,
            values,
            Some(t),
            Date::new(2026, 3, 1).unwrap(),
        )
        .unwrap()
        .run()
    }

    #[test]
    fn coverage_never_decreases_as_the_radius_grows() {
        let def = param_def("service_radius_m").unwrap();
        let (lo, hi) = default_range(def, 800.0);
        assert_eq!((lo, hi), (200.0, 2000.0));
        let values = sweep_values(def, lo, hi, 19);
        assert_eq!(values.first(), Some(&200.0));
        assert_eq!(values.last(), Some(&2000.0));
        assert_eq!(values.len(), 19);
        let pts = sweep("service_radius_m", values, crate::sample::linyi_sample());
        assert_eq!(pts.len(), 19);
        for w in pts.windows(2) {
            for k in 0..3 {
                let (a, b) = (w[0].coverage[k].unwrap_or(0.0), w[1].coverage[k].unwrap_or(0.0));
                assert!(b >= a, "coverage {k} fell from {a} at {} to {b} at {}", w[0].value, w[1].value);
            }
        }
        assert!(pts.last().unwrap().coverage[0] > pts.first().unwrap().coverage[0]);
        // The acceptance share of a new pharmacy shrinks as the same-type circle grows.
        assert!(pts.last().unwrap().accepting_share < pts.first().unwrap().accepting_share);
    }

    #[test]
    fn a_point_equals_an_evaluation_at_that_value() {
        let s = crate::sample::linyi_sample();
        let pts = sweep("service_radius_m", vec![500.0], s.clone());
        let ov = [("service_radius_m".to_string(), Value::from(500))].into_iter().collect();
        let policy = Policy::resolve(&builtin_preset("linyi-2025").unwrap(), &ov, "o").unwrap();
        let e = crate::evaluate(&s, &policy, Date::new(2026, 3, 1).unwrap());
        assert_eq!(pts[0].coverage[0], e.coverage.pharmacy.population_share);
        let rejected = e.decisions.iter().filter(|d| d.outcome == Outcome::Rejected).count();
        assert_eq!(pts[0].count(Outcome::Rejected), rejected);
        assert_eq!(pts[0].outcomes.iter().sum::<usize>(), s.applications.len());
    }

    #[test]
    fn a_higher_fund_floor_suspends_more_never_fewer() {
        let mut s = crate::sample::linyi_sample();
        s.city.fund.get_or_insert_with(Default::default).employee_months = Some(14.0);
        let def = param_def("employee_fund_min_months").unwrap();
        let pts = sweep(def.id, sweep_values(def, 0.0, 24.0, 13), s);
        let suspended: Vec<usize> = pts.iter().map(|p| p.count(Outcome::Suspended)).collect();
        assert!(suspended.windows(2).all(|w| w[1] >= w[0]), "{suspended:?}");
        assert!(suspended.last() > suspended.first(), "{suspended:?}");
    }

    #[test]
    fn a_refused_value_is_a_point_with_its_reason_and_csv_has_a_bom_and_a_row_each() {
        // The “insufficient” threshold above the “saturated” one is refused by the table.
        let def = param_def("pharmacy_insufficient_below_per_10k").unwrap();
        let pts = sweep(def.id, vec![1.0, 9.0], crate::sample::linyi_sample());
        assert!(pts[0].error.is_none());
        assert!(pts[1].error.as_deref().unwrap().contains("saturated"));
        let csv = sweep_csv(def, &pts);
        assert!(csv.starts_with('\u{feff}'));
        assert_eq!(csv.lines().count(), 3);
        assert!(csv.contains("药店覆盖率 / pharmacy coverage"));
    }

    #[test]
    fn values_follow_the_step_and_the_range() {
        let def = param_def("negative_list_years").unwrap();
        let v = sweep_values(def, 0.0, 5.0, 11);
        assert_eq!(v, vec![0.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
        assert!(Sweep::new(
            Rc::new(crate::sample::linyi_sample()),
            Rc::new(DataIndex::build(&crate::sample::linyi_sample())),
            builtin_preset("linyi-2025").unwrap(),
            BTreeMap::new(),
            "between_band",
            vec![],
            None,
            Date::new(2026, 3, 1).unwrap()
        )
        .is_err());
        assert!(sweepable().all(|d| d.id != "special_drug_quota"));
    }
}
