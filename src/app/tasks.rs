//! The expert view's tasks: the panels below the working surface (parameters, map, decision),
//! grouped by what a reader is doing, one task shown at a time (`ui/nav.rs` renders them as
//! tabs). Which task holds an in-page link's target, so a link into a hidden panel opens its
//! task first.

mod i {
    pub use crate::app::i18n::nav::*;
}
use crate::text::Words;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Task {
    /// The application form and the suggested sites: what the map's click places.
    #[default]
    Application,
    /// The bed figures and last year's data they are worked out from.
    Figures,
    Coverage,
    /// The consultation's comparison with the baseline, the gaps report and the sweeps.
    Review,
    Plan,
    Assess,
    Budget,
    /// Imports and the table of every application's result (its downloads).
    Io,
}

impl Task {
    pub const ALL: [Task; 8] = [
        Task::Application,
        Task::Figures,
        Task::Coverage,
        Task::Review,
        Task::Plan,
        Task::Assess,
        Task::Budget,
        Task::Io,
    ];

    /// The tab's id in the page (`task-<id>`, its panel `task-<id>-panel`) and the tests'.
    pub fn id(self) -> &'static str {
        match self {
            Task::Application => "application",
            Task::Figures => "figures",
            Task::Coverage => "coverage",
            Task::Review => "review",
            Task::Plan => "plan",
            Task::Assess => "assess",
            Task::Budget => "budget",
            Task::Io => "io",
        }
    }

    pub fn label(self) -> Words {
        match self {
            Task::Application => i::TASK_APPLICATION,
            Task::Figures => i::TASK_FIGURES,
            Task::Coverage => i::TASK_COVERAGE,
            Task::Review => i::TASK_REVIEW,
            Task::Plan => i::TASK_PLAN,
            Task::Assess => i::TASK_ASSESS,
            Task::Budget => i::TASK_BUDGET,
            Task::Io => i::TASK_IO,
        }
    }

    /// The ids of the elements the task's panels carry that links point at (their headings).
    fn anchors(self) -> &'static [&'static str] {
        match self {
            Task::Application => &["form-heading", "sites-heading"],
            Task::Figures => &["figures-heading", "data-heading"],
            Task::Coverage => &["coverage-heading"],
            Task::Review => &["review-heading"],
            Task::Plan => &["plan-heading"],
            Task::Assess => &["assess-heading"],
            Task::Budget => &["budget-heading"],
            Task::Io => &["import-heading", "mapping-heading", "results-heading"],
        }
    }

    /// The task whose panels hold the element a fragment (`#review-heading`) names; `None` for
    /// one on the working surface or outside the tasks (the decision, the readings register).
    pub fn holding(fragment: &str) -> Option<Task> {
        let id = fragment.trim_start_matches('#');
        Task::ALL.into_iter().find(|t| t.anchors().contains(&id))
    }

    /// The tab a key moves to from this one (the WAI-ARIA tabs pattern: the arrows wrap
    /// around, Home and End go to the ends); `None` for any other key.
    pub fn after_key(self, key: &str) -> Option<Task> {
        let n = Task::ALL.len();
        let at = Task::ALL.iter().position(|t| *t == self).unwrap_or(0);
        match key {
            "ArrowRight" | "ArrowDown" => Some(Task::ALL[(at + 1) % n]),
            "ArrowLeft" | "ArrowUp" => Some(Task::ALL[(at + n - 1) % n]),
            "Home" => Some(Task::ALL[0]),
            "End" => Some(Task::ALL[n - 1]),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_change_lines_link_to_the_full_comparison_opens_compare_and_gaps() {
        assert_eq!(Task::holding("#review-heading"), Some(Task::Review));
        assert_eq!(Task::holding("results-heading"), Some(Task::Io));
        // The decision and the register are always in the page: no task to open.
        assert_eq!(Task::holding("#decision"), None);
        assert_eq!(Task::holding("#readings"), None);
    }

    #[test]
    fn arrows_wrap_around_the_tabs_and_home_and_end_reach_the_ends() {
        assert_eq!(Task::Application.after_key("ArrowRight"), Some(Task::Figures));
        assert_eq!(Task::Application.after_key("ArrowLeft"), Some(Task::Io));
        assert_eq!(Task::Io.after_key("ArrowRight"), Some(Task::Application));
        assert_eq!(Task::Review.after_key("Home"), Some(Task::Application));
        assert_eq!(Task::Review.after_key("End"), Some(Task::Io));
        assert_eq!(Task::Review.after_key("Enter"), None);
    }

    #[test]
    fn every_task_has_its_own_id_and_both_languages() {
        let ids: std::collections::BTreeSet<_> = Task::ALL.iter().map(|t| t.id()).collect();
        assert_eq!(ids.len(), Task::ALL.len());
        for t in Task::ALL {
            assert!(!t.label().zh.is_empty() && !t.label().en.is_empty(), "{t:?}");
        }
    }
}
