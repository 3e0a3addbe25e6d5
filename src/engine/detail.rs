//! A trace entry's detail as the trace keeps it: what the rule read — the deciding numbers and
//! facts, as plain values — and which sentence says it. The Chinese and English sentences are
//! rendered from the reading when someone first reads them (the panel, the JSON, a test), so a
//! decision nobody reads costs no formatting. Each rule family's readings and their sentences
//! live in the family's own file, next to the rule that decides them.

use std::cell::OnceCell;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{eligibility, exempt, fund, national, pharmacy, proximity, supply, xian};
use crate::scenario::{Kind, Service, Specialty};
use crate::text::{Text, Words};

/// What a rule read, by family. Rendered by `Reading::render`.
///
/// Kept to 32 bytes (a test holds it there): every decision moves one detail, and maybe a note,
/// per rule, and a larger detail makes every move a block copy. Readings that would not fit
/// (rare ones: negative-list dates, fund months) are boxed.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Reading {
    /// Already sentences (read back from JSON, or composed of run-time strings).
    Text(Box<Text>),
    Words(Words),
    /// Two details joined sentence-wise ("；" / "; ").
    Joined(Box<[Detail; 2]>),
    /// The rule does not concern this kind of applicant.
    NotThisKind(Kind),
    /// The rule concerns institutions of the other service.
    NotThisService(Service),
    /// A figure or fact the rule needs is absent.
    Missing {
        field: &'static str,
        what: Words,
    },
    National(national::Reading),
    Eligibility(Box<eligibility::Reading>),
    Exempt(exempt::Reading),
    Fund(fund::Reading),
    Supply(supply::Reading),
    Circle(proximity::CircleReading<Words>),
    SpecialtyCircle(proximity::CircleReading<Specialty>),
    Pharmacy(pharmacy::Reading),
    Xian(xian::Reading),
}

impl Reading {
    fn render(&self) -> Text {
        match self {
            Reading::Text(t) => (**t).clone(),
            // Fixed words are borrowed static strings: cloning them allocates nothing.
            Reading::Words(w) => (*w).clone(),
            Reading::Joined(pair) => pair[0].join(&pair[1]),
            Reading::NotThisKind(kind) => {
                let k = kind.label();
                Text::new(format!("本条不适用于{}", k.zh), format!("does not concern a {}", k.en))
            }
            Reading::NotThisService(service) => {
                let s = service.label();
                Text::new(format!("申请人是{}，本条不适用", s.zh), format!("the applicant is {}: not concerned", s.en))
            }
            Reading::Missing { field, what } => super::missing_text(field, what),
            Reading::National(r) => r.render(),
            Reading::Eligibility(r) => r.render(),
            Reading::Exempt(r) => r.render(),
            Reading::Fund(r) => r.render(),
            Reading::Supply(r) => r.render(),
            Reading::Circle(r) => r.render(),
            Reading::SpecialtyCircle(r) => r.render(),
            Reading::Pharmacy(r) => r.render(),
            Reading::Xian(r) => r.render(),
        }
    }
}

/// A rule's detail (or note): the reading, and its sentences once someone has read them.
/// Dereferences to the bilingual `Text`; serialises as that `Text` (`{"zh": …, "en": …}`).
#[derive(Clone)]
pub struct Detail {
    reading: Reading,
    text: OnceCell<Box<Text>>,
}

impl Detail {
    pub(crate) fn of(reading: Reading) -> Self {
        Detail { reading, text: OnceCell::new() }
    }

    /// The sentences, rendered on first use.
    pub fn text(&self) -> &Text {
        match &self.reading {
            Reading::Text(t) => t,
            r => self.text.get_or_init(|| Box::new(r.render())),
        }
    }

    /// The sentences, owned.
    pub fn to_text(&self) -> Text {
        match &self.reading {
            Reading::Text(t) => (**t).clone(),
            _ => self.text().clone(),
        }
    }
}

impl std::ops::Deref for Detail {
    type Target = Text;
    fn deref(&self) -> &Text {
        self.text()
    }
}

impl fmt::Debug for Detail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.text(), f)
    }
}

/// Two details are equal when they say the same.
impl PartialEq for Detail {
    fn eq(&self, other: &Self) -> bool {
        self.text() == other.text()
    }
}

impl PartialEq<Text> for Detail {
    fn eq(&self, other: &Text) -> bool {
        self.text() == other
    }
}

impl From<Reading> for Detail {
    fn from(r: Reading) -> Self {
        Detail::of(r)
    }
}

impl From<Text> for Detail {
    fn from(t: Text) -> Self {
        Detail::of(Reading::Text(Box::new(t)))
    }
}

impl From<Words> for Detail {
    fn from(w: Words) -> Self {
        Detail::of(Reading::Words(w))
    }
}

impl From<Detail> for Text {
    fn from(d: Detail) -> Self {
        match d.reading {
            Reading::Text(t) => *t,
            _ => d.to_text(),
        }
    }
}

impl Serialize for Detail {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.text().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Detail {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Text::deserialize(d).map(Detail::from)
    }
}

/// A shared string (a preset's clause, cited by every entry of every decision) as JSON text.
pub mod shared_str {
    use serde::{Deserialize, Deserializer, Serializer};
    use std::rc::Rc;

    pub fn serialize<S: Serializer>(v: &Rc<str>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(v)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Rc<str>, D::Error> {
        String::deserialize(d).map(Rc::from)
    }
}

/// Serde for a trace entry's reading ids: a list of strings, shared by every entry of the rule.
pub mod shared_ids {
    use serde::{Deserialize, Deserializer, Serializer};
    use std::borrow::Cow;
    use std::rc::Rc;

    pub fn serialize<S: Serializer>(v: &Rc<[Cow<'static, str>]>, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Rc<[Cow<'static, str>]>, D::Error> {
        Vec::<String>::deserialize(d).map(|v| v.into_iter().map(Cow::Owned).collect())
    }

    pub fn is_empty(v: &Rc<[Cow<'static, str>]>) -> bool {
        v.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_detail_stays_small() {
        // Every decision keeps one detail and maybe a note per rule: they are moved, not formatted.
        assert!(std::mem::size_of::<Reading>() <= 32, "{}", std::mem::size_of::<Reading>());
        assert!(std::mem::size_of::<Detail>() <= 40, "{}", std::mem::size_of::<Detail>());
        assert_eq!(std::mem::size_of::<Option<Detail>>(), std::mem::size_of::<Detail>());
    }
}
