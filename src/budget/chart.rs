//! The geometry of the settlement charts, as plain numbers: the waterfall of one year's
//! settlement (二(三)) and the value axis of a chart. The app draws them as SVG
//! (src/ui/charts.rs); keeping the arithmetic here lets it be tested natively.

use super::Amounts;

/// How a step of the waterfall is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// A bar from zero: the budget, the balance, the community's result.
    Total,
    /// Money going out (spending, what returns to the fund).
    Down,
    /// Money coming back to the community (compensation, the fund's share of an overspend).
    Up,
}

/// One bar: from `from` to `to` in yuan. `key` names it for the labels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    pub key: &'static str,
    pub from: f64,
    pub to: f64,
    pub kind: StepKind,
}

impl Step {
    pub fn amount(&self) -> f64 {
        self.to - self.from
    }
}

/// Budget → spending in and out of the county → balance → how the balance is split. A surplus
/// ends in what the community retains; an overspend in what it bears after compensation and the
/// fund's share. Steps of zero (no out-of-county spending, nothing compensated) are left out.
/// When the split is undetermined the chart ends in an `undetermined` bar of what is left to split.
pub fn waterfall(a: &Amounts) -> Vec<Step> {
    let mut steps = vec![Step { key: "budget", from: 0.0, to: a.budget, kind: StepKind::Total }];
    let mut at = a.budget;
    let mut push = |steps: &mut Vec<Step>, key: &'static str, delta: f64, kind: StepKind| {
        if delta.abs() >= 0.005 {
            steps.push(Step { key, from: at, to: at + delta, kind });
            at += delta;
        }
    };
    push(&mut steps, "in_county", -a.in_county, StepKind::Down);
    push(&mut steps, "out_of_county", -a.out_of_county, StepKind::Down);
    steps.push(Step { key: "balance", from: 0.0, to: a.balance, kind: StepKind::Total });
    let mut at2 = a.balance;
    let mut push2 = |steps: &mut Vec<Step>, key: &'static str, delta: f64, kind: StepKind| {
        if delta.abs() >= 0.005 {
            steps.push(Step { key, from: at2, to: at2 + delta, kind });
            at2 += delta;
        }
    };
    if a.overspend > 0.0 {
        push2(&mut steps, "compensated", a.compensated, StepKind::Up);
        match (a.fund_shares, a.community_result) {
            (Some(f), Some(r)) => {
                push2(&mut steps, "fund_shares", f, StepKind::Up);
                steps.push(Step { key: "community_bears", from: 0.0, to: r, kind: StepKind::Total });
            }
            // Who bears what is left is undetermined: the bar shows what is still to split.
            _ => steps.push(Step { key: "undetermined", from: 0.0, to: at2, kind: StepKind::Total }),
        }
    } else {
        match (a.returned_to_fund, a.community_result) {
            (Some(back), Some(r)) => {
                push2(&mut steps, "returned_to_fund", -back, StepKind::Down);
                steps.push(Step { key: "retained", from: 0.0, to: r, kind: StepKind::Total });
            }
            _ => steps.push(Step { key: "undetermined", from: 0.0, to: at2, kind: StepKind::Total }),
        }
    }
    steps
}

/// A value axis: `lo..hi` covers the data and zero, in round steps.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    pub lo: f64,
    pub hi: f64,
    pub step: f64,
}

impl Axis {
    /// The smallest axis of 1, 2 or 5 × 10ⁿ steps (about `ticks` of them) covering `values` and 0.
    pub fn covering(values: impl IntoIterator<Item = f64>, ticks: usize) -> Axis {
        let (mut lo, mut hi) = (0.0f64, 0.0f64);
        for v in values.into_iter().filter(|v| v.is_finite()) {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        if hi - lo <= 0.0 {
            hi = lo + 1.0;
        }
        let raw = (hi - lo) / ticks.max(1) as f64;
        let mag = 10f64.powf(raw.log10().floor());
        let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag);
        Axis { lo: (lo / step).floor() * step, hi: (hi / step).ceil() * step, step }
    }

    /// The tick values from `lo` to `hi`.
    pub fn ticks(&self) -> Vec<f64> {
        let n = ((self.hi - self.lo) / self.step).round() as usize;
        (0..=n).map(|k| self.lo + k as f64 * self.step).collect()
    }

    /// Where `v` falls between `top` (at `hi`) and `bottom` (at `lo`) pixels.
    pub fn y(&self, v: f64, top: f64, bottom: f64) -> f64 {
        bottom - (v - self.lo) / (self.hi - self.lo) * (bottom - top)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amounts(budget: f64, in_county: f64, out: f64) -> Amounts {
        let spending = in_county + out;
        Amounts { budget, in_county, out_of_county: out, spending, balance: budget - spending, ..Default::default() }
    }

    #[test]
    fn a_surplus_runs_from_the_budget_to_what_is_retained() {
        let mut a = amounts(105.0, 80.0, 10.0);
        a.surplus = 15.0;
        a.retained = Some(9.0);
        a.returned_to_fund = Some(6.0);
        a.community_result = Some(9.0);
        let s = waterfall(&a);
        let keys: Vec<&str> = s.iter().map(|s| s.key).collect();
        assert_eq!(keys, ["budget", "in_county", "out_of_county", "balance", "returned_to_fund", "retained"]);
        assert_eq!(s[2].to, 15.0, "spending takes the budget down to the balance");
        assert_eq!(s[4].to, 9.0);
        assert_eq!(s.last().unwrap().to, 9.0);
    }

    #[test]
    fn an_overspend_climbs_back_by_compensation_and_the_funds_share() {
        let mut a = amounts(105.0, 100.0, 12.0);
        a.overspend = 7.0;
        a.compensated = 3.0;
        a.fund_shares = Some(2.0);
        a.community_bears = Some(2.0);
        a.community_result = Some(-2.0);
        let s = waterfall(&a);
        let keys: Vec<&str> = s.iter().map(|s| s.key).collect();
        assert_eq!(
            keys,
            ["budget", "in_county", "out_of_county", "balance", "compensated", "fund_shares", "community_bears"]
        );
        assert_eq!((s[3].to, s[4].to, s[5].to, s[6].to), (-7.0, -4.0, -2.0, -2.0));
        assert!(s[4].kind == StepKind::Up && s[6].kind == StepKind::Total);
    }

    #[test]
    fn an_undetermined_split_ends_in_what_is_left_to_split() {
        // 二(三)“对县域医共体超支部分，应分析原因，厘清责任”: until the reasonable part is known,
        // the chart does not draw a share.
        let mut a = amounts(105.0, 100.0, 12.0);
        a.overspend = 7.0;
        a.compensated = 3.0;
        let s = waterfall(&a);
        let keys: Vec<&str> = s.iter().map(|s| s.key).collect();
        assert_eq!(keys, ["budget", "in_county", "out_of_county", "balance", "compensated", "undetermined"]);
        assert_eq!(s.last().unwrap().to, -4.0);
    }

    #[test]
    fn zero_steps_are_left_out() {
        let mut a = amounts(100.0, 100.0, 0.0);
        a.returned_to_fund = Some(0.0);
        a.community_result = Some(0.0);
        let keys: Vec<&str> = waterfall(&a).iter().map(|s| s.key).collect();
        assert_eq!(keys, ["budget", "in_county", "balance", "retained"]);
    }

    #[test]
    fn the_axis_covers_the_data_and_zero_in_round_steps() {
        let ax = Axis::covering([105_000_000.0, -7_000_000.0], 5);
        assert_eq!(ax.step, 50_000_000.0);
        assert!(ax.lo <= -7_000_000.0 && ax.lo > -50_000_001.0);
        assert!(ax.hi >= 105_000_000.0);
        assert_eq!(ax.ticks().first(), Some(&ax.lo));
        assert_eq!(ax.y(ax.hi, 10.0, 110.0), 10.0);
        assert_eq!(ax.y(ax.lo, 10.0, 110.0), 110.0);
        let empty = Axis::covering([], 4);
        assert!(empty.hi > empty.lo);
    }
}
