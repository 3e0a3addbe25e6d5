//! What the map shows of the state (`MapView`): the data and its layers, the selected
//! application with its outcome, suggested sites, the review's baseline, the last assessment of
//! the data set shown, imported boundaries, and what asks the map to move. Compared by identity
//! on every render; the Leaflet side is `ui::map`.

use super::assess::AssessResult;
use super::review::Review;
use super::state::{Dataset, Layers, MapData, Shared, State, Timing};
use crate::engine::Outcome;
use crate::planning::Site;
use crate::scenario::import::Boundaries;
use crate::scenario::{Application, Scenario};

#[derive(Clone, PartialEq)]
pub struct MapView {
    pub data: Shared<MapData>,
    pub scenario: Shared<Scenario>,
    pub layers: Shared<Layers>,
    pub radius: f64,
    /// The selected application and the outcome it got.
    pub app: Option<Application>,
    pub outcome: Option<Outcome>,
    /// Suggested sites, numbered from 1 on the map.
    pub sites: Shared<Vec<Site>>,
    /// The baseline and the draft, for the difference layer.
    pub review: Shared<Review>,
    /// The last assessment when it is of the data set shown, for the lost-coverage layer.
    pub exits: Option<Shared<AssessResult>>,
    /// Bumped by the assessment panel's "show on the map".
    pub show_exits: u64,
    /// Imported county boundaries, drawn (with imported data only) instead of the outlines.
    pub boundaries: Option<Shared<Boundaries>>,
    /// Bumped when the map should pan to the selected application (a results row).
    pub focus: u64,
    /// The last recompute's times, for the page's own measurements.
    pub timing: Timing,
}

impl MapView {
    pub fn of(s: &State) -> MapView {
        let app = s.application().cloned();
        let outcome =
            app.as_ref().and_then(|a| s.evaluation.decisions.iter().find(|d| d.id == a.id)).map(|d| d.outcome);
        MapView {
            data: s.data.clone(),
            scenario: Shared(s.scenario.clone()),
            layers: s.layers.clone(),
            radius: s.policy.params.service_radius_m,
            app,
            outcome,
            sites: s.sites.clone(),
            review: s.review.clone(),
            exits: s.exits.result.clone().filter(|r| r.dataset == s.dataset),
            show_exits: s.exits.show_on_map,
            boundaries: s.boundaries.clone().filter(|_| s.dataset == Dataset::Imported).map(Shared),
            focus: s.focus,
            timing: s.timing,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::Action;
    use std::rc::Rc;

    #[test]
    fn the_map_shows_the_selected_application_with_its_outcome() {
        let s = Rc::new(State::new());
        let v = MapView::of(&s);
        let a = s.application().unwrap();
        assert_eq!(v.app.as_ref().map(|x| &x.id), Some(&a.id));
        let d = s.evaluation.decisions.iter().find(|d| d.id == a.id).unwrap();
        assert_eq!(v.outcome, Some(d.outcome));
        assert!(v.exits.is_none() && v.boundaries.is_none());
        assert!(MapView::of(&s) == v, "nothing changed, nothing to redraw");
        let moved = s.clone().apply(Action::PlaceApp(a.lon + 0.001, a.lat));
        assert!(MapView::of(&moved) != v);
    }
}
