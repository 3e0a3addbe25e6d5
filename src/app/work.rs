//! What the app's autosave and share links carry (`Work`, taken from the state with the
//! scenario shared, not copied), the built-in data sets they refer to, and what an opened link
//! or save becomes. The browser's side (storage, the address bar) is `ui::persist`.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use serde_json::Value;

use super::state::{Dataset, Loaded, State};
use crate::persist;
use crate::scenario::Scenario;
use crate::share::{self, Base, Opened, View};
use crate::text::Lang;

thread_local! {
    /// The built-in data sets as links refer to them, made once (a synthetic city takes a while).
    static BASES: RefCell<BTreeMap<Dataset, Rc<Base>>> = const { RefCell::new(BTreeMap::new()) };
}

/// A built-in data set as links and saves refer to it: always made in Chinese, so its
/// fingerprint does not depend on the language the user had on.
pub fn base_of(ds: Dataset) -> Option<Rc<Base>> {
    if !ds.is_builtin() || !ds.ready() {
        return None;
    }
    Some(BASES.with(|b| b.borrow_mut().entry(ds).or_insert_with(|| Rc::new(Base::new(ds.scenario(Lang::Zh)))).clone()))
}

/// Keeps `sc`, a built-in data set just made in Chinese (`Dataset::scenario(Lang::Zh)`, before
/// any edit), as the base links and saves refer to, so the first autosave does not make the
/// city a second time.
pub fn remember_base(ds: Dataset, sc: &Scenario) {
    if ds.is_builtin() {
        BASES.with(|b| {
            b.borrow_mut().entry(ds).or_insert_with(|| Rc::new(Base::new(sc.clone())));
        });
    }
}

/// Makes the fingerprint of a built-in data set kept by `remember_base`, if not made yet: a task
/// of its own once the city is shown, rather than a part of the first autosave after it.
pub fn fingerprint_base(ds: Dataset) {
    if let Some(b) = BASES.with(|b| b.borrow().get(&ds).cloned()) {
        b.fingerprint();
    }
}

pub fn base_for(id: &str) -> Option<Base> {
    Dataset::from_id(id).and_then(base_of).map(|b| (*b).clone())
}

/// What autosave and links carry, taken from the state (the scenario shared, not copied).
#[derive(Clone)]
pub struct Work {
    scenario: Rc<Scenario>,
    dataset: Dataset,
    preset: String,
    overrides: BTreeMap<String, Value>,
    selected: usize,
    lang: Lang,
    baseline: Option<BTreeMap<String, Value>>,
    /// The judging date the decisions used (today when the scenario names none).
    judged_on: String,
}

impl PartialEq for Work {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.scenario, &o.scenario)
            && self.dataset == o.dataset
            && self.preset == o.preset
            && self.overrides == o.overrides
            && self.selected == o.selected
            && self.lang == o.lang
            && self.baseline == o.baseline
    }
}

impl Work {
    pub fn of(s: &State) -> Work {
        Work {
            scenario: s.scenario.clone(),
            dataset: s.dataset,
            preset: s.preset().id.clone(),
            overrides: s.overrides.clone(),
            selected: s.selected,
            lang: s.lang,
            baseline: s.review.baseline.as_ref().filter(|b| b.is_custom()).map(|b| b.overrides.clone()),
            judged_on: s.evaluation.as_of.clone(),
        }
    }

    fn policy(&self) -> crate::scenario::PolicyRef {
        crate::scenario::PolicyRef {
            preset: Some(self.preset.clone()),
            overrides: self.overrides.clone(),
            ..Default::default()
        }
    }

    fn scenario_with_policy(&self) -> Scenario {
        Scenario { policy: self.policy(), ..(*self.scenario).clone() }
    }

    fn view(&self) -> View {
        View { dataset: self.dataset.id().to_string(), lang: self.lang, selected: self.selected }
    }

    /// The text autosave stores.
    pub fn save_text(&self) -> String {
        let base = base_of(self.dataset);
        // The scenario as it is shared, its policy beside it: no copy of the whole city after every edit.
        persist::save_text_with_policy(
            &self.scenario,
            &self.policy(),
            &self.view(),
            base.as_deref(),
            self.baseline.as_ref(),
        )
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The scenario file the share menu downloads, and its name.
    pub fn scenario_file(&self) -> (String, String) {
        let sc = super::state::export_scenario(&self.scenario, &self.preset, &self.overrides);
        (format!("dingdian-scenario-{}.json", self.dataset.id()), crate::scenario::export::scenario_json(&sc))
    }

    /// The share link from `page` (this page's address with its query, no fragment), and the
    /// size the data would have had when it was left out.
    pub fn link(&self, page: &str) -> (String, Option<usize>) {
        let base = base_of(self.dataset);
        let mut sc = self.scenario_with_policy();
        // A link opened another day judges on the day it was made: the same decisions (the
        // fund and operating-month rules count from this date).
        if sc.as_of.is_none() && !self.judged_on.is_empty() {
            sc.as_of = Some(self.judged_on.clone());
        }
        let e = share::encode(&sc, &self.view(), base.as_deref(), Some(share::LINK_LIMIT_CHARS));
        (format!("{page}#{}{}", share::FRAGMENT_KEY, e.text), e.data_left_out)
    }
}

/// What `Action::LoadScenario` needs from an opened link or save. A link that left out data
/// not built in opens its parameters on the sample.
pub fn loaded(o: Opened, baseline: Option<BTreeMap<String, Value>>, lang: Option<Lang>) -> Loaded {
    let (dataset, scenario) = match (Dataset::from_id(&o.dataset), o.scenario) {
        (Some(ds), Some(sc)) => (ds, sc),
        (None, Some(sc)) => (Dataset::Imported, sc),
        (_, None) => (Dataset::Sample, Dataset::Sample.scenario(lang.or(o.lang).unwrap_or_default())),
    };
    Loaded {
        dataset,
        scenario,
        preset: o.preset,
        overrides: o.overrides,
        selected: o.selected,
        lang: lang.or(o.lang),
        baseline,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_opens_the_work_it_was_made_from() {
        let mut s = State::new();
        s.selected = 0;
        let w = Work::of(&s);
        let (url, left_out) = w.link("https://example.org/app/");
        assert!(left_out.is_none());
        let text =
            share::from_fragment(url.strip_prefix("https://example.org/app/").unwrap()).expect("a share fragment");
        let o = share::decode(text, share::LINK_MAX_DECODED_BYTES, base_for).unwrap();
        let l = loaded(o, None, None);
        assert_eq!(l.dataset, s.dataset);
        assert_eq!(l.scenario.applications, s.scenario.applications);
        assert_eq!(l.preset, s.preset().id);
    }

    #[test]
    fn the_scenario_file_carries_the_chosen_policy() {
        let s = State::new();
        let (name, json) = Work::of(&s).scenario_file();
        assert_eq!(name, format!("dingdian-scenario-{}.json", s.dataset.id()));
        assert_eq!(json, crate::scenario::export::scenario_json(&s.export_scenario()));
        assert!(!Work::of(&s).save_text().is_empty());
        assert!(Work::of(&s) == Work::of(&s));
    }
}
