//! The line at the top of the page: what the last edit changed and where the work stands against
//! the baseline, in sentences (`ui/change_line.rs` renders them), and whether undo and redo can
//! go anywhere.

use super::figures::pct;
use super::history::Line;
use super::state::{Shared, State};
use crate::app::i18n::change as w;
use crate::review::{ChangeSummary, CountyChange, CoverageKind, DecisionChange};
use crate::scenario::Scenario;
use crate::text::{thousands, Lang, Text};

/// What the line shows, compared by identity.
#[derive(Clone, PartialEq)]
pub struct ChangeView {
    pub line: Shared<Line>,
    pub scenario: Shared<Scenario>,
    pub can_undo: bool,
    pub can_redo: bool,
}

/// One statement of the line; `key` names it for tests and styles.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub key: &'static str,
    pub text: Text,
}

impl ChangeView {
    pub fn of(s: &State) -> ChangeView {
        ChangeView {
            line: s.history.line.clone(),
            scenario: Shared(s.scenario.clone()),
            can_undo: s.history.can_undo(),
            can_redo: s.history.can_redo(),
        }
    }

    /// An application as the user knows it: its name, else its id.
    pub fn app_name(&self, id: &str) -> String {
        self.scenario.applications.iter().find(|a| a.id == id).and_then(|a| a.name.clone()).unwrap_or(id.to_string())
    }

    /// A changed decision in words: "name: rejected → accepted".
    pub fn decision(&self, d: &DecisionChange) -> Text {
        let name = self.app_name(&d.id);
        let (b, a) = (d.baseline.label(), d.draft.label());
        Text::new(format!("{name}：{} → {}", b.zh, a.zh), format!("{name}: {} → {}", b.en, a.en))
    }
}

fn kind_label(k: CoverageKind) -> &'static Text {
    match k {
        CoverageKind::Pharmacy => w::CH_PHARMACY,
        CoverageKind::Outpatient => w::CH_OUTPATIENT,
        CoverageKind::Inpatient => w::CH_INPATIENT,
    }
}

fn both(f: impl Fn(Lang) -> String) -> Text {
    Text::new(f(Lang::Zh), f(Lang::En))
}

fn names(cs: &[&CountyChange], lang: Lang) -> String {
    cs.iter().map(|c| c.name.as_str()).collect::<Vec<_>>().join(if lang == Lang::Zh { "、" } else { ", " })
}

/// Cells gained and lost, signed: "+2 格，−34 格".
fn cells(gained: u64, lost: u64, lang: Lang) -> String {
    let unit = if lang == Lang::Zh { " 格" } else { " cells" };
    let sep = if lang == Lang::Zh { "，" } else { ", " };
    let mut v = Vec::new();
    if gained > 0 {
        v.push(format!("+{}{unit}", thousands(gained)));
    }
    if lost > 0 {
        v.push(format!("−{}{unit}", thousands(lost)));
    }
    v.join(sep)
}

/// The statements of one summary, in the line's order: decisions, counties, coverage, area.
pub fn parts(s: &ChangeSummary) -> Vec<Part> {
    let mut out = Vec::new();
    let n = s.decisions.len();
    out.push(Part {
        key: "decisions",
        text: if n == 0 {
            w::CH_NO_DECISION.clone()
        } else {
            Text::new(format!("{n} 项判定改变"), format!("{n} decision{} changed", if n == 1 { "" } else { "s" }))
        },
    });
    let opened: Vec<&CountyChange> = s.opened().collect();
    let closed: Vec<&CountyChange> = s.closed().collect();
    let other: Vec<&CountyChange> = s.counties.iter().filter(|c| !c.opened() && !c.closed()).collect();
    if !opened.is_empty() {
        out.push(Part {
            key: "opened",
            text: both(|l| match l {
                Lang::Zh => format!("住院受理开放：{}", names(&opened, l)),
                Lang::En => format!("inpatient acceptance opened: {}", names(&opened, l)),
            }),
        });
    }
    if !closed.is_empty() {
        out.push(Part {
            key: "closed",
            text: both(|l| match l {
                Lang::Zh => format!("住院受理关闭：{}", names(&closed, l)),
                Lang::En => format!("inpatient acceptance closed: {}", names(&closed, l)),
            }),
        });
    }
    for c in other {
        let (b, a) = (c.before.label(), c.after.label());
        out.push(Part {
            key: "county",
            text: Text::new(
                format!("{}住院受理：{} → {}", c.name, b.zh, a.zh),
                format!("{} inpatient: {} → {}", c.name, b.en, a.en),
            ),
        });
    }
    // Coverage by kind in one statement: the kinds that changed, before → after.
    let changed: Vec<_> = s.coverage.iter().filter(|c| c.changed()).collect();
    out.push(Part {
        key: "coverage",
        text: if changed.is_empty() {
            w::CH_COVERAGE_SAME.clone()
        } else {
            both(|l| {
                let kinds: Vec<String> = changed
                    .iter()
                    .map(|c| format!("{} {} → {}", kind_label(c.kind).get(l), pct(c.before, l), pct(c.after, l)))
                    .collect();
                let sep = if l == Lang::Zh { "，" } else { ", " };
                format!("{}{}", w::CH_COVERAGE.get(l), kinds.join(sep))
            })
        },
    });
    let a = &s.area;
    if a.before.is_some() && a.after.is_some() && (a.gained.0 > 0 || a.lost.0 > 0) {
        out.push(Part {
            key: "area",
            text: both(|l| {
                let moved = crate::app::i18n::paren(l, &cells(a.gained.0, a.lost.0, l));
                format!("{}{} → {}{moved}", w::CH_AREA.get(l), pct(a.before, l), pct(a.after, l))
            }),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::Action;
    use std::rc::Rc;

    #[test]
    fn the_line_names_the_coverage_before_and_after_a_smaller_radius() {
        let s = Rc::new(State::new()).apply(Action::SetParam("service_radius_m", "500".into()));
        let v = ChangeView::of(&s);
        assert!(v.can_undo && !v.can_redo);
        let ps = parts(v.line.previous.as_ref().unwrap());
        let cov = ps.iter().find(|p| p.key == "coverage").unwrap();
        let c = &s.history.line.previous.as_ref().unwrap().coverage[0];
        assert!(cov.text.zh.starts_with("覆盖：药店"), "{cov:?}");
        assert!(cov.text.zh.contains(&format!("{} → {}", pct(c.before, Lang::Zh), pct(c.after, Lang::Zh))), "{cov:?}");
        assert!(cov.text.en.contains("coverage: pharmacy"), "{cov:?}");
        // Nothing changed: each statement says so.
        let same = parts(&ChangeSummary::default());
        assert_eq!(same[0].text, *w::CH_NO_DECISION);
        assert!(same.iter().any(|p| p.text == *w::CH_COVERAGE_SAME));
    }
}
