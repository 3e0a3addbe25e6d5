use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

pub use crate::kinds::*;
use crate::policy::Preset;
use crate::text::Text;

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub policy: PolicyRef,
    pub city: City,
    #[serde(default)]
    pub counties: Vec<County>,
    #[serde(default)]
    pub institutions: SharedList<Institution>,
    #[serde(default)]
    pub applications: Vec<Application>,
    #[serde(default)]
    pub population_cells: SharedList<PopulationCell>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
}

/// A list that copies of a scenario share until one of them changes it (copy on write), so
/// that moving an application or keeping an undo step copies the applications, not the city's
/// institutions and population cells. Reads and writes go through `Vec`; JSON is a plain array.
#[derive(Clone, Debug)]
pub struct SharedList<T>(std::rc::Rc<Vec<T>>);

impl<T> Default for SharedList<T> {
    fn default() -> Self {
        SharedList(std::rc::Rc::new(Vec::new()))
    }
}

impl<T> SharedList<T> {
    /// Whether both are the one list in memory (not merely equal).
    pub fn is_shared_with(&self, other: &SharedList<T>) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for SharedList<T> {
    type Target = Vec<T>;
    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

impl<T: Clone> std::ops::DerefMut for SharedList<T> {
    fn deref_mut(&mut self) -> &mut Vec<T> {
        std::rc::Rc::make_mut(&mut self.0)
    }
}

impl<T> From<Vec<T>> for SharedList<T> {
    fn from(v: Vec<T>) -> Self {
        SharedList(std::rc::Rc::new(v))
    }
}

impl<T> FromIterator<T> for SharedList<T> {
    fn from_iter<I: IntoIterator<Item = T>>(it: I) -> Self {
        SharedList::from(it.into_iter().collect::<Vec<T>>())
    }
}

impl<'a, T> IntoIterator for &'a SharedList<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T: PartialEq> PartialEq for SharedList<T> {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

impl<T: Serialize> Serialize for SharedList<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for SharedList<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::deserialize(d).map(SharedList::from)
    }
}

/// Which preset the scenario is judged under: a built-in one, a file, or one carried inline;
/// each with optional overrides of parameters, switches and rules (`"fund.deficit": true`).
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PolicyRef {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inline: Option<Box<Preset>>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub overrides: BTreeMap<String, serde_json::Value>,
}

/// City-level figures of the previous year (上年度). Fund figures are city-level: funds are pooled
/// at city level. Every figure but the name may be absent.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct City {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resident_population: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_beds: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insured: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admissions: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_stay_days: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bed_utilisation: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discharges: Option<Discharges>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fund: Option<Fund>,
}

/// A county (区县) with the city's field names; no fund figures (funds are pooled by the city).
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct County {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resident_population: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_beds: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insured: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admissions: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_stay_days: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bed_utilisation: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discharges: Option<Discharges>,
}

/// Discharges (出院人次) for the patient coefficient of the annex.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Discharges {
    /// 本地参保人在本地出院人次
    pub local_local: u64,
    /// 本地参保人在异地出院人次
    pub local_elsewhere: u64,
    /// 异地参保人在本地出院人次
    pub nonlocal_local: u64,
}

#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Fund {
    /// 职工医保统筹基金累计结余可支付月数
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employee_months: Option<f64>,
    /// 居民医保基金累计结余可支付月数
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resident_months: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employee_deficit: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resident_deficit: Option<bool>,
    /// 收到上级医保部门基金运行风险预警函
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warning_letter: Option<bool>,
}

/// `key_project`: `false`, `true` (= municipal), or `"municipal" | "provincial" | "central"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyProject(pub Option<KeyLevel>);

impl Serialize for KeyProject {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            None => s.serialize_bool(false),
            Some(level) => level.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for KeyProject {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = KeyProject;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("false, true, \"municipal\", \"provincial\" or \"central\"")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<KeyProject, E> {
                Ok(KeyProject(v.then_some(KeyLevel::Municipal)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<KeyProject, E> {
                KeyLevel::deserialize(de::value::StrDeserializer::<E>::new(v)).map(|l| KeyProject(Some(l)))
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NegativeReason {
    /// 提供虚假申请材料
    FalseMaterials,
    /// 已被解除医保服务协议
    AgreementTerminated,
    /// 列入失信黑名单
    Blacklisted,
}

impl NegativeReason {
    pub fn label(self) -> Text {
        match self {
            NegativeReason::FalseMaterials => Text::new("提供虚假申请材料", "false application materials"),
            NegativeReason::AgreementTerminated => Text::new("已被解除医保服务协议", "agreement terminated"),
            NegativeReason::Blacklisted => Text::new("列入失信黑名单", "on the dishonesty blacklist"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NegativeList {
    pub reason: NegativeReason,
    pub since: String,
    /// The switch the entry rests on: an assessment exit leaves an entry that only one reading
    /// of “已被解除医保服务协议” gives (`exit_negative_list_scope`). A stated entry has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub switch: Option<String>,
}

/// An institution in the data: designated (定点) or not.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Institution {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Categories>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specialty: Option<Specialty>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtype: Option<Subtype>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integrated: Option<bool>,
    pub lon: f64,
    pub lat: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    #[serde(default = "yes")]
    pub designated: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beds: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provides_outpatient: Option<bool>,
}

fn yes() -> bool {
    true
}

impl Institution {
    /// The service it provides (`Service::of`).
    pub fn service(&self) -> Option<Service> {
        Service::of(self.kind, self.subtype, self.beds)
    }

    /// Pharmacies without a stated category are ordinary ones.
    pub fn categories(&self) -> Categories {
        self.category.unwrap_or(Categories::of(&[Category::Ordinary]))
    }

    /// Default true for every medical kind, false for pharmacies.
    pub fn provides_outpatient(&self) -> bool {
        self.provides_outpatient.unwrap_or(self.kind.is_medical())
    }
}

/// A hypothetical or real application for designation.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Application {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Categories>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specialty: Option<Specialty>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtype: Option<Subtype>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integrated: Option<bool>,
    #[serde(default)]
    pub change: Change,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution_id: Option<String>,
    #[serde(default)]
    pub scope: Scope,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_project: Option<KeyProject>,
    pub lon: f64,
    pub lat: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beds: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insurance_office_staff: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insurance_dept: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operating_months: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub physicians: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pharmacists: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shortage_type: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uneven_area: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub negative_list: Option<NegativeList>,
}

impl Application {
    /// The service it would provide (`Service::of`): the rules of linyi-2025 三(一)1 or 三(一)2.
    pub fn service(&self) -> Option<Service> {
        Service::of(self.kind, self.subtype, self.beds)
    }

    /// A new blank application of a kind at a point; everything else unstated.
    pub fn new(id: &str, kind: Kind, lon: f64, lat: f64) -> Self {
        Application {
            id: id.to_string(),
            name: None,
            kind,
            category: (kind == Kind::Pharmacy).then(|| Categories::of(&[Category::Ordinary])),
            specialty: None,
            subtype: None,
            integrated: None,
            change: Change::New,
            institution_id: None,
            scope: Scope::Basic,
            key_project: None,
            lon,
            lat,
            county: None,
            area: None,
            beds: None,
            insurance_office_staff: None,
            insurance_dept: None,
            operating_months: None,
            physicians: None,
            pharmacists: None,
            shortage_type: None,
            uneven_area: None,
            negative_list: None,
        }
    }

    pub fn categories(&self) -> Categories {
        self.category.unwrap_or(Categories::of(&[Category::Ordinary]))
    }

    /// The designated institution whose own site is left out of proximity tests: the one that
    /// moves (address change) — named by `institution_id`, else the application's own id.
    pub fn moving_institution(&self) -> Option<&str> {
        (self.change == Change::AddressChange).then(|| self.institution_id.as_deref().unwrap_or(&self.id))
    }

    /// The existing institution this application concerns, which is never its own neighbour:
    /// the one that moves (address change), or the designated one applying for medical aid.
    pub fn own_institution(&self) -> Option<&str> {
        match (self.change, self.scope) {
            (Change::AddressChange, _) => self.moving_institution(),
            (_, Scope::MedicalAid) => self.institution_id.as_deref(),
            _ => None,
        }
    }

    pub fn key_level(&self) -> Option<KeyLevel> {
        self.key_project.and_then(|k| k.0)
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PopulationCell {
    pub lon: f64,
    pub lat: f64,
    pub population: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
}
