//! The results table's model: what it shows (`ResultsView`), its rows with each application's
//! index, sorting by any column, filtering by outcome, kind and text, pages, the distance in
//! words, the counts per outcome, and the files the exports write. The skin renders the page of
//! rows and hands the files to the browser or the file worker.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

mod i {
    pub use crate::app::i18n::{results::*, *};
}
use super::state::{export_scenario, Dataset, Layers, Shared, State};
use crate::engine::{Evaluation, Outcome};
use crate::file_worker::Request;
use crate::results::{applications_geojson, cells_geojson, result_rows, ResultRow};
use crate::scenario::export::{institutions_geojson, scenario_json};
use crate::scenario::{Kind, Scenario};
use crate::text::{Lang, Words};

/// Rows on one page of the table.
pub const PAGE_ROWS: usize = 50;

/// What the results panel shows and exports.
#[derive(Clone, PartialEq)]
pub struct ResultsView {
    pub scenario: Shared<Scenario>,
    pub evaluation: Shared<Evaluation>,
    pub layers: Shared<Layers>,
    pub dataset: Dataset,
    pub selected: usize,
    /// The policy as chosen (preset and overrides), written into the exported scenario.
    pub preset: String,
    pub overrides: BTreeMap<String, Value>,
}

impl ResultsView {
    pub fn of(s: &State) -> ResultsView {
        ResultsView {
            scenario: Shared(s.scenario.clone()),
            evaluation: Shared(s.evaluation.clone()),
            layers: s.layers.clone(),
            dataset: s.dataset,
            selected: s.selected,
            preset: s.preset().id.clone(),
            overrides: s.overrides.clone(),
        }
    }

    /// Opened by itself when imported data holds more than one application.
    pub fn auto_open(&self) -> bool {
        self.dataset == Dataset::Imported && self.scenario.applications.len() > 1
    }

    pub fn selected_id(&self) -> Option<&str> {
        self.scenario.applications.get(self.selected).map(|a| a.id.as_str())
    }

    /// Applications per outcome, the outcomes that occur only.
    pub fn counts(&self) -> Vec<(Outcome, usize)> {
        Outcome::ALL
            .iter()
            .map(|o| {
                let n = self.evaluation.decisions.iter().filter(|d| d.outcome == *o).count();
                (*o, n)
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    }
}

/// The result rows and, for each, the application's index in the scenario.
#[derive(Default)]
pub struct Rows {
    pub rows: Vec<ResultRow>,
    pub index: Vec<usize>,
}

impl Rows {
    pub fn of(sc: &Scenario, ev: &Evaluation) -> Rows {
        let rows = result_rows(sc, &ev.decisions);
        let at: HashMap<&str, usize> = sc.applications.iter().enumerate().map(|(k, a)| (a.id.as_str(), k)).collect();
        let index = rows.iter().map(|r| at.get(r.id.as_str()).copied().unwrap_or(0)).collect();
        Rows { rows, index }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    Id,
    Name,
    Kind,
    County,
    Outcome,
    Rule,
    Nearest,
}

impl Col {
    pub const ALL: [Col; 7] = [Col::Id, Col::Name, Col::Kind, Col::County, Col::Outcome, Col::Rule, Col::Nearest];

    pub fn id(self) -> &'static str {
        match self {
            Col::Id => "id",
            Col::Name => "name",
            Col::Kind => "kind",
            Col::County => "county",
            Col::Outcome => "outcome",
            Col::Rule => "rule",
            Col::Nearest => "nearest",
        }
    }

    pub fn label(self) -> Words {
        match self {
            Col::Id => i::RS_COL_ID,
            Col::Name => i::RS_COL_NAME,
            Col::Kind => i::RS_COL_KIND,
            Col::County => i::RS_COL_COUNTY,
            Col::Outcome => i::RS_COL_OUTCOME,
            Col::Rule => i::RS_COL_RULE,
            Col::Nearest => i::RS_COL_NEAREST,
        }
    }
}

fn outcome_rank(o: Outcome) -> usize {
    Outcome::ALL.iter().position(|x| *x == o).unwrap_or(0)
}

fn compare(a: &ResultRow, b: &ResultRow, col: Col) -> Ordering {
    let text = |x: &Option<String>| x.clone().unwrap_or_default();
    match col {
        Col::Id => a.id.cmp(&b.id),
        Col::Name => text(&a.name).cmp(&text(&b.name)),
        Col::Kind => a.kind.id().cmp(b.kind.id()),
        Col::County => text(&a.county).cmp(&text(&b.county)),
        Col::Outcome => outcome_rank(a.outcome).cmp(&outcome_rank(b.outcome)),
        Col::Rule => text(&a.deciding_rule).cmp(&text(&b.deciding_rule)),
        // None (nothing within 50 km) sorts after every distance.
        Col::Nearest => match (a.nearest_same_type_m, b.nearest_same_type_m) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
    }
}

/// How the table is sorted, filtered and paged.
#[derive(Clone, Debug, PartialEq)]
pub struct TableView {
    pub sort: Col,
    pub ascending: bool,
    pub outcome: Option<Outcome>,
    pub kind: Option<Kind>,
    pub text: String,
    pub page: usize,
}

impl Default for TableView {
    fn default() -> Self {
        TableView { sort: Col::Outcome, ascending: true, outcome: None, kind: None, text: String::new(), page: 0 }
    }
}

impl TableView {
    /// A click on a column's header: that column ascending, or the other way round.
    pub fn sorted_by(&self, col: Col) -> TableView {
        let mut next = self.clone();
        if next.sort == col {
            next.ascending = !next.ascending;
        } else {
            next.sort = col;
            next.ascending = true;
        }
        next.page = 0;
        next
    }

    /// `aria-sort` of a column and its arrow.
    pub fn sort_of(&self, col: Col) -> (&'static str, &'static str) {
        match (self.sort == col, self.ascending) {
            (false, _) => ("none", "↕"),
            (true, true) => ("ascending", "▲"),
            (true, false) => ("descending", "▼"),
        }
    }

    /// The rows shown, in order: the filters, then the sort (ties in the data's order).
    pub fn order(&self, rows: &[ResultRow]) -> Vec<usize> {
        let needle = self.text.trim().to_lowercase();
        let has = |x: &Option<String>| x.as_deref().is_some_and(|n| n.to_lowercase().contains(&needle));
        let mut order: Vec<usize> = (0..rows.len())
            .filter(|&k| {
                let r = &rows[k];
                self.outcome.is_none_or(|o| r.outcome == o)
                    && self.kind.is_none_or(|x| r.kind == x)
                    && (needle.is_empty()
                        || r.id.to_lowercase().contains(&needle)
                        || has(&r.name)
                        || has(&r.county)
                        || has(&r.deciding_rule))
            })
            .collect();
        order.sort_by(|&a, &b| {
            let o = compare(&rows[a], &rows[b], self.sort).then_with(|| a.cmp(&b));
            if self.ascending {
                o
            } else {
                o.reverse()
            }
        });
        order
    }
}

/// Pages for `shown` rows (at least one), and the page to show of them.
pub fn pages(shown: usize, page: usize) -> (usize, usize) {
    let pages = shown.div_ceil(PAGE_ROWS).max(1);
    (pages, page.min(pages - 1))
}

/// The distance to the nearest same-type institution in words.
pub fn distance(lang: Lang, m: Option<f64>) -> String {
    match m {
        None => i::RS_NONE_NEAR.get(lang).to_string(),
        Some(d) if d < 1000.0 => format!("{} {}", d.round() as u64, i::METRES.get(lang)),
        Some(d) => format!("{:.2} {}", d / 1000.0, i::RS_KM.get(lang)),
    }
}

/// The panel's exports.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Export {
    ResultsCsv,
    ResultsXlsx,
    Scenario,
    Institutions,
    Applications,
    Cells,
}

/// A file to give the user: written by the file worker, or here.
pub enum ExportFile {
    Worker { request: Request, name: String, mime: &'static str },
    Made { name: &'static str, mime: &'static str, text: String },
}

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The file an export writes, in the page's language.
pub fn export(v: &ResultsView, what: Export, lang: Lang) -> ExportFile {
    let stem = i::RS_FILE.get(lang);
    let (sc, ev) = (&*v.scenario, &*v.evaluation);
    let made = |name, mime, text| ExportFile::Made { name, mime, text };
    match what {
        Export::ResultsCsv => ExportFile::Worker {
            request: Request::ResultsCsv { rows: result_rows(sc, &ev.decisions), lang },
            name: format!("{stem}.csv"),
            mime: "text/csv;charset=utf-8",
        },
        Export::ResultsXlsx => ExportFile::Worker {
            request: Request::ResultsXlsx { rows: result_rows(sc, &ev.decisions), lang },
            name: format!("{stem}.xlsx"),
            mime: XLSX_MIME,
        },
        Export::Scenario => {
            made("scenario.json", "application/json", scenario_json(&export_scenario(sc, &v.preset, &v.overrides)))
        }
        Export::Institutions => made("institutions.geojson", "application/geo+json", institutions_geojson(sc)),
        Export::Applications => {
            made("applications.geojson", "application/geo+json", applications_geojson(sc, Some(&ev.decisions)))
        }
        Export::Cells => made("cells.geojson", "application/geo+json", cells_geojson(sc, Some(&v.layers.coverage))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, outcome: Outcome, m: Option<f64>) -> ResultRow {
        let mut r = Rows::of(&State::new().scenario, &State::new().evaluation).rows.remove(0);
        r.id = id.into();
        r.name = Some(format!("name {id}"));
        r.outcome = outcome;
        r.nearest_same_type_m = m;
        r
    }

    #[test]
    fn sorting_filters_and_pages_as_the_user_asks() {
        let rows = vec![
            row("b", Outcome::Rejected, Some(800.0)),
            row("a", Outcome::Accepted, None),
            row("c", Outcome::Accepted, Some(100.0)),
        ];
        let v = TableView::default();
        // By outcome (accepted first), ties in the data's order.
        assert_eq!(v.order(&rows), vec![1, 2, 0]);
        let by_near = v.sorted_by(Col::Nearest);
        assert_eq!(by_near.order(&rows), vec![2, 0, 1], "no distance sorts last");
        assert_eq!(by_near.sort_of(Col::Nearest), ("ascending", "▲"));
        let back = by_near.sorted_by(Col::Nearest);
        assert_eq!(back.sort_of(Col::Nearest), ("descending", "▼"));
        assert_eq!(back.order(&rows), vec![1, 0, 2]);
        let text = TableView { text: " NAME C ".into(), ..TableView::default() };
        assert_eq!(text.order(&rows), vec![2]);
        let rejected = TableView { outcome: Some(Outcome::Rejected), ..TableView::default() };
        assert_eq!(rejected.order(&rows), vec![0]);
        assert_eq!(pages(0, 3), (1, 0));
        assert_eq!(pages(PAGE_ROWS + 1, 5), (2, 1));
    }

    #[test]
    fn distances_are_in_metres_then_kilometres() {
        assert_eq!(distance(Lang::En, Some(499.6)), format!("500 {}", i::METRES.en));
        assert_eq!(distance(Lang::En, Some(1234.0)), format!("1.23 {}", i::RS_KM.en));
        assert_eq!(distance(Lang::En, None), i::RS_NONE_NEAR.en);
    }

    #[test]
    fn exports_name_their_files_and_carry_the_policy() {
        let s = State::new();
        let v = ResultsView::of(&s);
        assert_eq!(v.counts().iter().map(|(_, n)| n).sum::<usize>(), s.evaluation.decisions.len());
        let rows = Rows::of(&v.scenario, &v.evaluation);
        assert_eq!(rows.rows.len(), rows.index.len());
        match export(&v, Export::ResultsCsv, Lang::En) {
            ExportFile::Worker { name, .. } => assert_eq!(name, format!("{}.csv", i::RS_FILE.en)),
            ExportFile::Made { .. } => panic!("tables are written by the worker"),
        }
        match export(&v, Export::Scenario, Lang::En) {
            ExportFile::Made { name, text, .. } => {
                assert_eq!(name, "scenario.json");
                assert!(text.contains(&s.preset().id));
            }
            ExportFile::Worker { .. } => panic!("the scenario is written here"),
        }
    }
}
