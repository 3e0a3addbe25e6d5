//! Synthetic yearly assessment records (linyi-2019 政策措施(三)(四)) for the built-in data sets,
//! which come with institutions but no assessment results. The app labels them synthetic; a
//! user replaces them by a file in the format of `dingdian assess` or edits a record.
//!
//! Deterministic from a seed (PCG64 from rand_pcg, as the synthetic cities), so that a screen,
//! a test and a bug report show the same exits. The shares are plausible, not measured: most
//! institutions pass comfortably; a few fail the pass mark or the satisfaction survey, fewer are
//! blacklisted or seriously in breach; agreements started over the last three years, so about
//! a third fall due for renewal within the year.

use rand_core::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;

use crate::date::Date;
use crate::engine::exits::AssessmentRecord;
use crate::scenario::Scenario;

/// The seed the app starts with.
pub const DEFAULT_SEED: u64 = 20_190_074;

struct Uniform(Pcg64Mcg);

impl Uniform {
    fn f(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.f()
    }
    fn below(&mut self, n: u64) -> u64 {
        ((self.f() * n as f64) as u64).min(n.saturating_sub(1))
    }
}

/// Rounded to half a point, as scoring sheets give them.
fn half(x: f64) -> f64 {
    (x * 2.0).round() / 2.0
}

/// `months` calendar months before `d`, on a day that exists in every month (1–28).
fn months_before(d: Date, months: u32, day: u32) -> Date {
    let total = d.year * 12 + d.month as i32 - 1 - months as i32;
    let (year, month) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    Date::new(year, month, day.clamp(1, 28)).unwrap_or(d)
}

/// One record per designated institution of `scenario`, in its order.
///
/// At least one record scores below 60 (the preset pass mark), so that even the small sample
/// shows an exit with its clause.
pub fn synth_records(scenario: &Scenario, seed: u64, as_of: Date) -> Vec<AssessmentRecord> {
    let mut rng = Uniform(Pcg64Mcg::seed_from_u64(seed));
    let designated: Vec<&str> = scenario.institutions.iter().filter(|i| i.designated).map(|i| i.id.as_str()).collect();
    let mut out: Vec<AssessmentRecord> = designated
        .iter()
        .map(|id| {
            // A sum of three uniforms: bell-shaped around 82, most between 70 and 94.
            let bell = (rng.f() + rng.f() + rng.f()) / 3.0;
            let weak = rng.f() < 0.04;
            let score = if weak { half(rng.range(42.0, 59.5)) } else { half(62.0 + bell * 38.0).min(100.0) };
            let satisfaction = if rng.f() < 0.03 { half(rng.range(60.0, 79.5)) } else { half(rng.range(80.0, 99.5)) };
            let blacklisted = rng.f() < 0.01;
            let serious = if rng.f() < 0.012 { 1 + rng.below(2) } else { 0 };
            let in_term = if serious > 0 {
                serious
            } else if rng.f() < 0.15 {
                1 + rng.below(2)
            } else {
                0
            };
            let start = months_before(as_of, 1 + rng.below(36) as u32, 1 + rng.below(28) as u32);
            let since = blacklisted
                .then(|| months_before(as_of, 1 + rng.below(10) as u32, 1 + rng.below(28) as u32).to_string());
            AssessmentRecord {
                id: (*id).to_string(),
                group: None,
                score: Some(score),
                satisfaction_pct: Some(satisfaction),
                blacklisted: Some(blacklisted),
                blacklisted_since: since,
                serious_violations: Some(serious),
                violations_in_term: Some(in_term),
                agreement_start: Some(start.to_string()),
                fits_layout_plan: None,
            }
        })
        .collect();
    if !out.is_empty() && out.iter().all(|r| r.score.unwrap_or(100.0) >= 60.0) {
        let k = rng.below(out.len() as u64) as usize;
        out[k].score = Some(half(rng.range(48.0, 59.5)));
    }
    out
}
