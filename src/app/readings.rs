//! The readings register's model: what the dialog shows (`ReadingsView`), which entry an
//! address asks for, how the register's entries fall into the dialog's sections for the active
//! preset, and the basis each preset's default is said to rest on.

use std::collections::BTreeSet;

use serde_json::Value;

use super::state::{Shared, State};
use crate::policy::readings::{Entry, EntryKind, Register};
use crate::policy::{Policy, Preset};
use crate::text::{Text, Words};

/// What the register shows of the state, compared by identity (the policy stands for the
/// preset and the overrides).
#[derive(Clone)]
pub struct ReadingsView {
    pub presets: Shared<Vec<Preset>>,
    pub preset_idx: usize,
    pub policy: Shared<Policy>,
    /// The parameters that differ from the preset.
    pub changed: BTreeSet<String>,
}

impl PartialEq for ReadingsView {
    fn eq(&self, o: &Self) -> bool {
        self.presets == o.presets && self.preset_idx == o.preset_idx && self.policy == o.policy
    }
}

impl ReadingsView {
    pub fn of(s: &State) -> ReadingsView {
        ReadingsView {
            presets: Shared(s.presets.clone()),
            preset_idx: s.preset_idx,
            policy: Shared(s.policy.clone()),
            changed: s.overrides.keys().cloned().collect(),
        }
    }

    pub fn preset(&self) -> &Preset {
        &self.presets[self.preset_idx]
    }

    pub fn active(&self) -> &str {
        self.preset().id.as_str()
    }

    pub fn preset_title(&self) -> &Text {
        &self.preset().title
    }

    pub fn current(&self, id: &str) -> Option<&Value> {
        self.policy.values.get(id)
    }

    pub fn is_changed(&self, id: &str) -> bool {
        self.changed.contains(id)
    }

    /// The dialog's sections: the switches, the active preset's assumptions, and the
    /// assumptions of other presets only.
    pub fn sections<'r>(&self, register: &'r Register) -> Sections<'r> {
        let active = self.active();
        let assumed_here = |e: &Entry| e.default_in(active).is_some_and(|d| d.assumption);
        let of = |kind| register.entries.iter().filter(move |e| e.kind == kind);
        Sections {
            switches: of(EntryKind::Switch).collect(),
            mine: of(EntryKind::Assumption).filter(|e| assumed_here(e)).collect(),
            others: of(EntryKind::Assumption).filter(|e| !assumed_here(e)).collect(),
        }
    }
}

pub struct Sections<'r> {
    pub switches: Vec<&'r Entry>,
    pub mine: Vec<&'r Entry>,
    pub others: Vec<&'r Entry>,
}

/// What an address fragment asks for: `Some("")` the register's top, `Some(id)` an entry.
pub fn target(hash: &str) -> Option<String> {
    let h = hash.strip_prefix('#')?;
    if h == "readings" {
        Some(String::new())
    } else {
        h.strip_prefix("reading-").filter(|id| !id.is_empty()).map(str::to_string)
    }
}

/// What a preset's default rests on: the text, a reading of it, or an assumption.
pub fn basis(kind: EntryKind, assumption: bool, words: [Words; 3]) -> Words {
    let [text, reading, assumed] = words;
    match (kind, assumption) {
        (_, false) => text,
        (EntryKind::Switch, true) => reading,
        (EntryKind::Assumption, true) => assumed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words;

    #[test]
    fn the_address_names_the_register_or_an_entry() {
        assert_eq!(target("#readings"), Some(String::new()));
        assert_eq!(target("#reading-service_radius_m"), Some("service_radius_m".into()));
        assert_eq!(target("#reading-"), None);
        assert_eq!(target("#s=1.abc"), None);
        assert_eq!(target(""), None);
    }

    #[test]
    fn every_entry_falls_in_one_section() {
        let s = State::new();
        let v = ReadingsView::of(&s);
        let register = Register::of(&s.presets);
        let sec = v.sections(&register);
        assert_eq!(sec.switches.len() + sec.mine.len() + sec.others.len(), register.entries.len());
        assert!(sec.switches.iter().all(|e| e.kind == EntryKind::Switch));
        assert!(!v.is_changed("service_radius_m"));
        let w = [words!("a", "a"), words!("b", "b"), words!("c", "c")];
        assert_eq!(basis(EntryKind::Switch, true, w).zh, "b");
        assert_eq!(basis(EntryKind::Assumption, false, w).zh, "a");
    }
}
