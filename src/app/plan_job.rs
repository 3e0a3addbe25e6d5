//! The annual plan panel's model: what a plan depends on, where a run stands, the words of its
//! progress and the names of its files. The plan is built by `planning::PlanBuilder` one
//! hypothetical institution at a time; `slice` runs steps for a few milliseconds so the skin can
//! give the browser back between slices (its timer is the only part left in `ui`).

use std::rc::Rc;

mod i {
    pub use crate::app::i18n::{plan::*, *};
}
use super::state::State;
use crate::date::Date;
use crate::file_worker::Request;
use crate::planning::{plan_rows, AnnualPlan, PlanPhase, PlanProgress};
use crate::policy::Policy;
use crate::scenario::Scenario;
use crate::text::{thousands, Lang, Text, Words};

/// At most this many hypothetical institutions of each kind city-wide (as `dingdian plan`).
pub const PLAN_CAP: usize = 500;
/// Quiet time after the last change before a new plan is started.
pub const DEBOUNCE_MS: u64 = 350;
/// Work done between two returns to the browser.
pub const SLICE_MS: f64 = 12.0;

/// Runs `step` until it says there is no more or `budget_ms` of `now` have passed (at least one
/// step); whether more remains.
pub fn slice(mut step: impl FnMut() -> bool, now: impl Fn() -> f64, budget_ms: f64) -> bool {
    let start = now();
    loop {
        if !step() {
            return false;
        }
        if now() - start >= budget_ms {
            return true;
        }
    }
}

/// What the plan (and the suggested sites) depend on. Moving or editing an application changes
/// the scenario but not the plan: the data is compared without the applications.
#[derive(Clone)]
pub struct PlanInputs {
    pub policy: Rc<Policy>,
    pub scenario: Rc<Scenario>,
    pub today: Date,
}

impl PlanInputs {
    pub fn of(s: &State) -> PlanInputs {
        PlanInputs { policy: s.policy.clone(), scenario: s.scenario.clone(), today: s.today }
    }
}

impl PartialEq for PlanInputs {
    fn eq(&self, o: &Self) -> bool {
        let (a, b) = (&*self.scenario, &*o.scenario);
        Rc::ptr_eq(&self.policy, &o.policy)
            && self.today == o.today
            && (Rc::ptr_eq(&self.scenario, &o.scenario)
                || (a.as_of == b.as_of
                    && a.city == b.city
                    && a.counties == b.counties
                    && a.institutions == b.institutions
                    && a.population_cells == b.population_cells))
    }
}

/// Where the panel's computation stands.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PlanRun {
    /// The panel is closed: nothing is computed.
    Idle,
    /// A change came in; the plan starts after a quiet moment.
    Waiting,
    Running(PlanProgress),
    Done {
        ms: f64,
    },
}

impl PlanRun {
    pub fn id(self) -> &'static str {
        match self {
            PlanRun::Idle => "idle",
            PlanRun::Waiting => "waiting",
            PlanRun::Running(_) => "running",
            PlanRun::Done { .. } => "done",
        }
    }
}

/// What a running plan is doing, in words.
pub fn step_text(p: &PlanProgress) -> Text {
    let counted = |w: Words| Text::new(format!("{}{}", w.zh, p.added), format!("{}{}", w.en, p.added));
    match p.phase {
        PlanPhase::Pharmacy => counted(i::PLAN_STEP_PHARMACY),
        PlanPhase::Outpatient => counted(i::PLAN_STEP_OUTPATIENT),
        PlanPhase::Counties | PlanPhase::Done => i::PLAN_STEP_COUNTIES.clone(),
    }
}

/// "Done in 1,234 ms", for the plan and the suggested sites.
pub fn done_in(lang: Lang, ms: f64) -> String {
    format!("{} {} {}", i::PLAN_DONE_IN.get(lang), thousands(ms.round() as u64), i::MS.get(lang))
}

/// The plan's downloads, written by the file worker.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PlanFile {
    Csv,
    Xlsx,
}

impl PlanFile {
    pub fn ext(self) -> &'static str {
        match self {
            PlanFile::Csv => "csv",
            PlanFile::Xlsx => "xlsx",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            PlanFile::Csv => "text/csv;charset=utf-8",
            PlanFile::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }

    /// `年度受理计划-2025-01-01.csv` or `annual-plan-….xlsx`, in the page's language.
    pub fn name(self, lang: Lang, plan: &AnnualPlan) -> String {
        format!("{}-{}.{}", i::PLAN_FILE.get(lang), plan.as_of, self.ext())
    }

    /// What the file worker is asked to write.
    pub fn request(self, plan: &AnnualPlan, lang: Lang) -> Request {
        let (headers, rows) = plan_rows(plan, lang);
        match self {
            PlanFile::Csv => Request::PlanCsv { headers, rows },
            PlanFile::Xlsx => Request::PlanXlsx { headers, rows, lang },
        }
    }
}

/// The plan's year, from its `as_of` date.
pub fn year_of(as_of: &str) -> String {
    as_of.split('-').next().unwrap_or_default().to_string()
}

/// The title of a county's printed page, in the shape a bureau would publish.
pub fn print_title(lang: Lang, county: &str, year: &str) -> String {
    match lang {
        Lang::Zh => format!("《{county}{year}年新增定点医药机构年度受理计划》"),
        Lang::En => {
            format!("{county}: annual acceptance plan for new designated medical institutions and pharmacies, {year}")
        }
    }
}

/// The line under a printed page's title: city, county, year and the data's date.
pub fn print_meta(lang: Lang, city: &str, county: &str, year: &str, as_of: &str) -> String {
    let c = i::COLON.get(lang);
    format!(
        "{}{c}{city}  ·  {}{c}{county}  ·  {}{c}{year}  ·  {}{c}{as_of}",
        i::PLAN_P_CITY.get(lang),
        i::FIG_COUNTY.get(lang),
        i::PLAN_P_YEAR.get(lang),
        i::PLAN_P_AS_OF.get(lang),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn a_slice_stops_when_the_work_ends_or_the_time_is_up() {
        // A clock that advances 5 ms at every reading.
        let clock = Cell::new(0.0);
        let now = || {
            clock.set(clock.get() + 5.0);
            clock.get()
        };
        let mut left = 100;
        let more = slice(
            || {
                left -= 1;
                left > 0
            },
            now,
            12.0,
        );
        assert!(more);
        assert!(left < 100 && left > 95, "a few steps, then the browser: {left}");
        let mut left = 2;
        assert!(!slice(
            || {
                left -= 1;
                left > 0
            },
            || 0.0,
            12.0
        ));
        assert_eq!(left, 0);
    }

    #[test]
    fn moving_an_application_does_not_change_what_the_plan_depends_on() {
        let s = State::new();
        let a = PlanInputs::of(&s);
        let mut moved = (*s.scenario).clone();
        if let Some(app) = moved.applications.first_mut() {
            app.lon += 0.01;
        }
        let b = PlanInputs { scenario: Rc::new(moved.clone()), ..a.clone() };
        assert!(a == b);
        moved.institutions.pop();
        let c = PlanInputs { scenario: Rc::new(moved), ..a.clone() };
        assert!(a != c);
    }

    #[test]
    fn file_names_and_titles_are_in_the_page_language() {
        assert_eq!(year_of("2025-03-01"), "2025");
        assert_eq!(print_title(Lang::Zh, "兰山区", "2025"), "《兰山区2025年新增定点医药机构年度受理计划》");
        assert!(print_title(Lang::En, "Lanshan", "2025").starts_with("Lanshan: annual acceptance plan"));
        assert_eq!(done_in(Lang::En, 1234.4), format!("{} 1,234 {}", i::PLAN_DONE_IN.en, i::MS.en));
        let p = PlanProgress { phase: PlanPhase::Pharmacy, added: 7, cap: 500, fraction: 0.1 };
        assert_eq!(step_text(&p).get(Lang::Zh), format!("{}7", i::PLAN_STEP_PHARMACY.zh));
        let meta = print_meta(Lang::En, "Linyi", "Lanshan", "2025", "2025-03-01");
        assert!(meta.contains("Linyi") && meta.contains("2025-03-01"));
    }
}
