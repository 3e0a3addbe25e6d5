//! What guided mode shows of the expert state (`GuidedView`: the rules, the data and its maps,
//! the judging day) and what it works out from it: the answer for the chosen spot, whether a
//! spot lies in the city, a county's name, and the notes that say what the data is.

mod i {
    pub use crate::app::i18n::guided::*;
}
use super::state::{Dataset, MapData, Shared, State};
use crate::date::Date;
use crate::engine::prepared::Prepared;
use crate::guide::{self as g, Answers, GuideAnswer};
use crate::policy::Policy;
use crate::scenario::{Application, Scenario};
use crate::text::{Text, Words};

/// What guided mode reads of the expert state, compared by identity.
#[derive(Clone, PartialEq)]
pub struct GuidedView {
    pub policy: Shared<Policy>,
    pub scenario: Shared<Scenario>,
    pub data: Shared<MapData>,
    pub today: Date,
    pub dataset: Dataset,
    /// The preset's short name ("the rules used").
    pub preset_short: Text,
}

/// The answer for the chosen spot, with the application it judged.
#[derive(PartialEq)]
pub struct Computed {
    pub app: Application,
    pub answer: GuideAnswer,
    /// The day the rules were applied as of (the scenario's, else today).
    pub as_of: Date,
}

impl GuidedView {
    pub fn of(s: &State) -> GuidedView {
        GuidedView {
            policy: Shared(s.policy.clone()),
            scenario: Shared(s.scenario.clone()),
            data: s.data.clone(),
            today: s.today,
            dataset: s.dataset,
            preset_short: s.preset().short.clone(),
        }
    }

    pub fn radius(&self) -> f64 {
        self.policy.params.service_radius_m
    }

    /// The answer for the spot the answers chose (None before a spot is chosen).
    pub fn answer(&self, answers: &Answers) -> Option<Computed> {
        let (lon, lat) = answers.place?;
        let prep = Prepared::with_data(&self.scenario, &self.policy, self.data.index.clone(), self.today);
        let county = self.data.county_at(&self.scenario, lon, lat);
        let app = g::application(answers, lon, lat, county, &prep.as_of.to_string());
        let gap = self.data.spacing_m.max(300.0);
        let answer = g::answer(&prep, &app, gap);
        Some(Computed { app, answer, as_of: prep.as_of })
    }

    /// Whether a spot lies in the data set's city (near its bounds when it has neither outlines
    /// nor cells).
    pub fn inside(&self, lon: f64, lat: f64) -> bool {
        let d = &self.data;
        if d.outlines.areas.is_empty() && d.points.is_empty() {
            g::inside_bounds(d.bounds, 5_000.0, lon, lat)
        } else {
            g::inside_city(&d.outlines, &d.points, d.spacing_m, lon, lat)
        }
    }

    /// A county's name by id.
    pub fn county_name(&self, id: &str) -> Option<String> {
        self.scenario.counties.iter().find(|x| x.id == id).map(|x| x.name.clone())
    }

    /// The county at a spot, by name ("" outside every county).
    pub fn county_at(&self, lon: f64, lat: f64) -> String {
        self.data.county_at(&self.scenario, lon, lat).and_then(|c| self.county_name(&c)).unwrap_or_default()
    }

    /// Where the rule closes acceptance: the county by name, or the whole city.
    pub fn closed_where(&self, county: Option<&str>) -> Text {
        match county {
            Some(id) => {
                let name = self.county_name(id).unwrap_or(id.to_string());
                Text::new(format!("您所在的{name}"), format!("In {name}"))
            }
            None => i::G_WHOLE_CITY.clone(),
        }
    }

    /// What the data is: a sample, a synthetic city, or the user's own (only as right as the
    /// file).
    pub fn data_note(&self) -> Words {
        match self.dataset {
            Dataset::Sample => i::G_SAMPLE_NOTE,
            Dataset::Linyi | Dataset::Xian => i::G_SYNTH_NOTE,
            Dataset::Imported => i::G_IMPORTED_NOTE,
        }
    }
}

/// The application the expert view gets from the answer ("the guided check's application").
pub fn for_expert(c: &Computed, lang: crate::text::Lang) -> Application {
    let mut app = c.app.clone();
    app.name = Some(i::G_APP_NAME.get(lang).to_string());
    app
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Kind;
    use crate::text::Lang;

    #[test]
    fn a_spot_in_the_city_gets_the_expert_views_decision() {
        let s = State::new();
        let v = GuidedView::of(&s);
        let a = s.application().unwrap();
        assert!(v.inside(a.lon, a.lat));
        assert!(!v.inside(a.lon + 20.0, a.lat));
        let mut answers = Answers { kind: Some(Kind::Pharmacy), ..Answers::default() };
        assert!(v.answer(&answers).is_none(), "no spot, no answer");
        answers.place = Some((a.lon, a.lat));
        let c = v.answer(&answers).unwrap();
        assert_eq!((c.app.lon, c.app.lat), (a.lon, a.lat));
        assert_eq!(for_expert(&c, Lang::En).name.as_deref(), Some(&*i::G_APP_NAME.en));
        assert_eq!(v.data_note(), i::G_SAMPLE_NOTE);
        let id = &s.scenario.counties[0].id;
        assert_eq!(v.closed_where(Some(id)).get(Lang::En), format!("In {}", s.scenario.counties[0].name));
        assert_eq!(v.closed_where(None), i::G_WHOLE_CITY.clone());
    }
}
