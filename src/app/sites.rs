//! The suggested sites panel's model: the kinds one may ask for, the run's phases (greedy picks,
//! then random picks for comparison) stepped in slices by `SitesJob`, the words of its progress,
//! the chart's geometry and the application a pick becomes. The skin keeps only the timer that
//! gives the browser back between slices.

mod i {
    pub use crate::app::i18n::{sites::*, *};
}
use super::plan_job::{slice, PlanInputs};
use crate::engine::surface::placed;
use crate::planning::{Site, SiteSearch, SiteSpec};
use crate::scenario::{Application, Category, Kind, Scenario, Specialty};
use crate::text::{thousands, Lang};

/// At most this many suggestions.
pub const MAX_K: usize = 50;
/// The random comparison's seed (shown; the same as `dingdian plan --seed`'s default).
pub const SEED: u64 = 1;

/// The kinds one may ask suggestions for.
pub const KINDS: [Kind; 5] =
    [Kind::Pharmacy, Kind::Outpatient, Kind::PrimaryCare, Kind::InpatientGeneral, Kind::InpatientSpecialty];

/// What is asked for when a kind is chosen (a specialty hospital needs a specialty).
pub fn spec_for(kind_id: &str) -> Option<SiteSpec> {
    let kind = KINDS.into_iter().find(|k| k.id() == kind_id)?;
    let mut next = SiteSpec::new(kind);
    if kind == Kind::InpatientSpecialty {
        next.specialty = Some(Specialty::ALL[0]);
    }
    Some(next)
}

/// The spec with another pharmacy category (by id).
pub fn with_category(spec: SiteSpec, id: &str) -> Option<SiteSpec> {
    let c = Category::ALL.into_iter().find(|c| c.id() == id)?;
    Some(SiteSpec { category: Some(c), ..spec })
}

/// The spec with another specialty (by its index in `Specialty::ALL`).
pub fn with_specialty(spec: SiteSpec, index: &str) -> Option<SiteSpec> {
    let sp = Specialty::ALL.get(index.parse::<usize>().unwrap_or(0))?;
    Some(SiteSpec { specialty: Some(*sp), ..spec })
}

/// The number of suggestions typed, kept within 1..=MAX_K; None when it is not a number.
pub fn parse_k(raw: &str) -> Option<usize> {
    raw.trim().parse::<usize>().ok().map(|n| n.clamp(1, MAX_K))
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Phase {
    Greedy,
    Random,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SitesRun {
    Idle,
    Running { phase: Phase, done: usize, k: usize },
    Cancelled,
    Done,
}

impl SitesRun {
    pub fn id(self) -> &'static str {
        match self {
            SitesRun::Idle => "idle",
            SitesRun::Running { .. } => "running",
            SitesRun::Cancelled => "cancelled",
            SitesRun::Done => "done",
        }
    }

    /// The progress bar's fraction and its words, while running: greedy is the first half.
    pub fn progress(self, lang: Lang) -> Option<(f64, String)> {
        let SitesRun::Running { phase, done, k } = self else {
            return None;
        };
        let part = done as f64 / k.max(1) as f64 / 2.0;
        let (label, frac) = match phase {
            Phase::Greedy => (i::SITES_GREEDY_RUNNING, part),
            Phase::Random => (i::SITES_RANDOM_RUNNING, 0.5 + part),
        };
        Some((frac, format!("{} {}/{}", label.get(lang), done, k)))
    }
}

/// One finished (or cancelled) run.
#[derive(Clone, Debug, PartialEq)]
pub struct SitesOutcome {
    pub spec: SiteSpec,
    pub k: usize,
    pub greedy: Vec<Site>,
    pub random: Vec<Site>,
    pub covered_before: u64,
    /// Milliseconds from Run to the last random pick.
    pub ms: f64,
    /// The parameters or data changed since: the picks may no longer be accepted.
    pub stale: bool,
}

impl SitesOutcome {
    /// Fewer greedy picks than asked: no accepted place adds residents any more.
    pub fn exhausted(&self) -> bool {
        self.greedy.len() < self.k && !self.stale
    }

    /// The application a pick becomes when the user places it (named "建议点 3" …).
    pub fn pick_application(&self, n: usize, lang: Lang) -> Option<Application> {
        let site = self.greedy.get(n)?;
        let mut a = placed(&self.spec.template(), site.lon, site.lat, site.county.as_deref(), None);
        a.name = Some(format!("{} {}", i::SITES_PICK_NAME.get(lang), n + 1));
        Some(a)
    }
}

/// Residents added by all the picks.
pub fn total(sites: &[Site]) -> u64 {
    sites.last().map_or(0, |s| s.total_added)
}

/// A county's name by id ("" when none).
pub fn county_name(sc: &Scenario, id: Option<&str>) -> String {
    id.and_then(|id| sc.counties.iter().find(|c| c.id == id)).map(|c| c.name.clone()).unwrap_or_default()
}

/// What one slice of a run came to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SitesStep {
    /// More to do in this phase: show the progress, give the browser back.
    More(SitesRun),
    /// The greedy picks are complete (the map shows them); the random ones start.
    GreedyDone,
    Finished,
}

/// A run of the search, greedy then random, stepped in slices.
pub struct SitesJob<'a> {
    inputs: &'a PlanInputs,
    phase: Phase,
    search: SiteSearch<'a>,
    result: SitesOutcome,
}

impl<'a> SitesJob<'a> {
    pub fn new(inputs: &'a PlanInputs, spec: SiteSpec, k: usize) -> Self {
        let search = SiteSearch::greedy(&inputs.scenario, &inputs.policy, inputs.today, spec);
        let covered_before = search.covered_population();
        SitesJob {
            inputs,
            phase: Phase::Greedy,
            search,
            result: SitesOutcome {
                spec,
                k,
                greedy: Vec::new(),
                random: Vec::new(),
                covered_before,
                ms: 0.0,
                stale: false,
            },
        }
    }

    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// The greedy picks so far.
    pub fn greedy(&self) -> &[Site] {
        &self.result.greedy
    }

    /// Steps for up to `budget_ms` of `now`.
    pub fn slice(&mut self, now: impl Fn() -> f64, budget_ms: f64) -> SitesStep {
        let k = self.result.k;
        let search = &mut self.search;
        let more = slice(|| search.sites().len() < k && search.step().is_some(), now, budget_ms);
        let sites = self.search.sites().to_vec();
        let done = sites.len();
        match self.phase {
            Phase::Greedy => self.result.greedy = sites,
            Phase::Random => self.result.random = sites,
        }
        if more {
            return SitesStep::More(SitesRun::Running { phase: self.phase, done, k });
        }
        match self.phase {
            Phase::Greedy => {
                let i = self.inputs;
                self.phase = Phase::Random;
                self.search = SiteSearch::random(&i.scenario, &i.policy, i.today, self.result.spec, SEED);
                SitesStep::GreedyDone
            }
            Phase::Random => SitesStep::Finished,
        }
    }

    /// What was found, finished or not, after `ms`.
    pub fn outcome(&self, ms: f64) -> SitesOutcome {
        SitesOutcome { ms, ..self.result.clone() }
    }
}

/// The chart of K against residents added, in the SVG's coordinates.
pub struct SitesChart {
    pub w: f64,
    pub h: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    pub kmax: f64,
    pub ymax: f64,
    /// `x,y x,y …` from the origin through every pick.
    pub greedy_line: String,
    pub random_line: String,
    pub greedy_dots: Vec<(f64, f64)>,
    pub random_dots: Vec<(f64, f64)>,
    /// The chart in words, for screen readers.
    pub desc: String,
}

impl SitesChart {
    pub fn of(lang: Lang, greedy: &[Site], random: &[Site]) -> SitesChart {
        let (w, h) = (320.0, 180.0);
        let (l, r, t_, b) = (48.0, 10.0, 10.0, 30.0);
        let kmax = greedy.len().max(random.len()).max(1) as f64;
        let ymax = total(greedy).max(total(random)).max(1) as f64;
        let x = |k: f64| l + k / kmax * (w - l - r);
        let y = |v: f64| h - b - v / ymax * (h - t_ - b);
        let dots = |sites: &[Site]| -> Vec<(f64, f64)> {
            sites.iter().enumerate().map(|(n, s)| (x((n + 1) as f64), y(s.total_added as f64))).collect()
        };
        let line = |sites: &[Site]| {
            std::iter::once((x(0.0), y(0.0)))
                .chain(dots(sites))
                .map(|(x, y)| format!("{x:.1},{y:.1}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let desc = format!(
            "{} {} {}; {} {} {}",
            i::SITES_GREEDY.get(lang),
            thousands(total(greedy)),
            i::U_PERSONS.get(lang),
            i::SITES_RANDOM.get(lang),
            thousands(total(random)),
            i::U_PERSONS.get(lang)
        );
        SitesChart {
            w,
            h,
            left: l,
            right: r,
            top: t_,
            bottom: b,
            kmax,
            ymax,
            greedy_line: line(greedy),
            random_line: line(random),
            greedy_dots: dots(greedy),
            random_dots: dots(random),
            desc,
        }
    }

    /// The x of K = k.
    pub fn x(&self, k: f64) -> f64 {
        self.left + k / self.kmax * (self.w - self.left - self.right)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::State;
    use crate::engine::Outcome;

    fn site(total_added: u64, added: u64) -> Site {
        Site {
            lon: 118.3,
            lat: 35.1,
            cell: 0,
            county: None,
            outcome: Outcome::Accepted,
            added_population: added,
            total_added,
        }
    }

    #[test]
    fn choices_become_specs() {
        assert_eq!(spec_for("pharmacy").unwrap().category, Some(Category::Ordinary));
        let sp = spec_for(Kind::InpatientSpecialty.id()).unwrap();
        assert_eq!(sp.specialty, Some(Specialty::ALL[0]));
        assert!(spec_for("nonsense").is_none());
        let c = Category::ALL[Category::ALL.len() - 1];
        assert_eq!(with_category(sp, c.id()).unwrap().category, Some(c));
        assert_eq!(parse_k(" 500 "), Some(MAX_K));
        assert_eq!(parse_k("0"), Some(1));
        assert_eq!(parse_k("x"), None);
    }

    #[test]
    fn progress_counts_greedy_as_the_first_half() {
        let r = SitesRun::Running { phase: Phase::Random, done: 5, k: 10 };
        let (frac, words) = r.progress(Lang::En).unwrap();
        assert!((frac - 0.75).abs() < 1e-9);
        assert_eq!(words, format!("{} 5/10", i::SITES_RANDOM_RUNNING.en));
        assert!(SitesRun::Done.progress(Lang::En).is_none());
    }

    #[test]
    fn the_chart_runs_from_the_origin_to_the_largest_total() {
        let g = [site(100, 100), site(150, 50)];
        let r = [site(40, 40)];
        let c = SitesChart::of(Lang::En, &g, &r);
        assert_eq!(c.kmax, 2.0);
        assert_eq!(c.ymax, 150.0);
        assert!(c.greedy_line.starts_with("48.0,150.0 "));
        // The last greedy pick sits at the right and at the top.
        assert_eq!(c.greedy_dots[1], (310.0, 10.0));
        assert!(c.desc.contains("150") && c.desc.contains("40"));
    }

    #[test]
    fn a_run_finds_greedy_then_random_picks_in_slices() {
        let s = State::new();
        let inputs = PlanInputs::of(&s);
        let mut job = SitesJob::new(&inputs, SiteSpec::new(Kind::Pharmacy), 2);
        let mut steps = Vec::new();
        loop {
            // A slice of one step at a time: the clock always says the time is up.
            let t = std::cell::Cell::new(0.0);
            let st = job.slice(
                || {
                    t.set(t.get() + 100.0);
                    t.get()
                },
                1.0,
            );
            steps.push(st);
            if st == SitesStep::Finished || steps.len() > 100 {
                break;
            }
        }
        assert!(steps.contains(&SitesStep::GreedyDone));
        assert_eq!(steps.last(), Some(&SitesStep::Finished));
        let o = job.outcome(5.0);
        assert!(o.greedy.len() <= 2 && o.random.len() <= 2);
        assert_eq!(o.ms, 5.0);
        // Greedy is never worse than random over the same number of picks.
        if o.greedy.len() == o.random.len() {
            assert!(total(&o.greedy) >= total(&o.random));
        }
        if !o.greedy.is_empty() {
            let a = o.pick_application(0, Lang::En).unwrap();
            assert_eq!(a.name.as_deref(), Some(format!("{} 1", i::SITES_PICK_NAME.en).as_str()));
            assert_eq!((a.lon, a.lat), (o.greedy[0].lon, o.greedy[0].lat));
        }
    }
}
