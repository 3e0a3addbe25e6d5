use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

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
    pub institutions: Vec<Institution>,
    #[serde(default)]
    pub applications: Vec<Application>,
    #[serde(default)]
    pub population_cells: Vec<PopulationCell>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    InpatientGeneral,
    InpatientSpecialty,
    Outpatient,
    PrimaryCare,
    Pharmacy,
}

impl Kind {
    pub const ALL: [Kind; 5] =
        [Kind::InpatientGeneral, Kind::InpatientSpecialty, Kind::Outpatient, Kind::PrimaryCare, Kind::Pharmacy];

    pub fn id(self) -> &'static str {
        match self {
            Kind::InpatientGeneral => "inpatient_general",
            Kind::InpatientSpecialty => "inpatient_specialty",
            Kind::Outpatient => "outpatient",
            Kind::PrimaryCare => "primary_care",
            Kind::Pharmacy => "pharmacy",
        }
    }

    pub fn label(self) -> Text {
        match self {
            Kind::InpatientGeneral => Text::new("住院医疗机构（综合）", "inpatient institution (general)"),
            Kind::InpatientSpecialty => Text::new("住院医疗机构（专科）", "inpatient institution (specialty)"),
            Kind::Outpatient => Text::new("门诊部、诊所（仅门诊）", "outpatient department or clinic"),
            Kind::PrimaryCare => Text::new("基层医疗卫生机构", "primary-care institution"),
            Kind::Pharmacy => Text::new("零售药店", "retail pharmacy"),
        }
    }

    pub fn is_inpatient(self) -> bool {
        matches!(self, Kind::InpatientGeneral | Kind::InpatientSpecialty)
    }

    pub fn is_medical(self) -> bool {
        self != Kind::Pharmacy
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Ordinary,
    Chronic,
    SpecialDrug,
}

impl Category {
    pub const ALL: [Category; 3] = [Category::Ordinary, Category::Chronic, Category::SpecialDrug];

    pub fn id(self) -> &'static str {
        match self {
            Category::Ordinary => "ordinary",
            Category::Chronic => "chronic",
            Category::SpecialDrug => "special_drug",
        }
    }

    pub fn label(self) -> Text {
        match self {
            Category::Ordinary => Text::new("普通", "ordinary"),
            Category::Chronic => Text::new("门诊慢特病", "chronic-disease"),
            Category::SpecialDrug => Text::new("特药", "special-drug"),
        }
    }
}

/// A pharmacy's categories: one (`"ordinary"`) or several (`["ordinary", "chronic"]`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Categories(u8);

impl Categories {
    pub fn of(cats: &[Category]) -> Self {
        Categories(cats.iter().fold(0, |acc, c| acc | 1 << (*c as u8)))
    }
    pub fn contains(self, c: Category) -> bool {
        self.0 & (1 << (c as u8)) != 0
    }
    pub fn intersects(self, other: Categories) -> bool {
        self.0 & other.0 != 0
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn without(self, c: Category) -> Categories {
        Categories(self.0 & !(1 << (c as u8)))
    }
    pub fn iter(self) -> impl Iterator<Item = Category> {
        Category::ALL.into_iter().filter(move |c| self.contains(*c))
    }
    pub fn label(self) -> Text {
        let parts: Vec<Text> = self.iter().map(Category::label).collect();
        Text {
            zh: parts.iter().map(|t| t.zh.as_str()).collect::<Vec<_>>().join("、"),
            en: parts.iter().map(|t| t.en.as_str()).collect::<Vec<_>>().join(", "),
        }
    }
}

impl Serialize for Categories {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let cats: Vec<Category> = self.iter().collect();
        if cats.len() == 1 {
            cats[0].serialize(s)
        } else {
            cats.serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for Categories {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Categories;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("\"ordinary\", \"chronic\", \"special_drug\" or a list of them")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Categories, E> {
                let c = Category::deserialize(de::value::StrDeserializer::<E>::new(v))?;
                Ok(Categories::of(&[c]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Categories, A::Error> {
                let mut cats = Vec::new();
                while let Some(c) = seq.next_element::<Category>()? {
                    cats.push(c);
                }
                if cats.is_empty() {
                    return Err(de::Error::custom("a pharmacy needs at least one category"));
                }
                Ok(Categories::of(&cats))
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Specialty {
    InternalMedicine,
    Surgery,
    Paediatrics,
    ObstetricsGynaecology,
    Orthopaedics,
    Ophthalmology,
    Ent,
    Stomatology,
    Dermatology,
    Psychiatry,
    Oncology,
    InfectiousDiseases,
    Cardiology,
    Rehabilitation,
    Geriatrics,
    Nursing,
    Tcm,
    Other,
}

impl Specialty {
    pub const ALL: [Specialty; 18] = [
        Specialty::InternalMedicine,
        Specialty::Surgery,
        Specialty::Paediatrics,
        Specialty::ObstetricsGynaecology,
        Specialty::Orthopaedics,
        Specialty::Ophthalmology,
        Specialty::Ent,
        Specialty::Stomatology,
        Specialty::Dermatology,
        Specialty::Psychiatry,
        Specialty::Oncology,
        Specialty::InfectiousDiseases,
        Specialty::Cardiology,
        Specialty::Rehabilitation,
        Specialty::Geriatrics,
        Specialty::Nursing,
        Specialty::Tcm,
        Specialty::Other,
    ];

    pub fn label(self) -> Text {
        let (zh, en) = match self {
            Specialty::InternalMedicine => ("内科", "internal medicine"),
            Specialty::Surgery => ("外科", "surgery"),
            Specialty::Paediatrics => ("儿科", "paediatrics"),
            Specialty::ObstetricsGynaecology => ("妇产科", "obstetrics and gynaecology"),
            Specialty::Orthopaedics => ("骨科", "orthopaedics"),
            Specialty::Ophthalmology => ("眼科", "ophthalmology"),
            Specialty::Ent => ("耳鼻喉科", "ENT"),
            Specialty::Stomatology => ("口腔科", "stomatology"),
            Specialty::Dermatology => ("皮肤科", "dermatology"),
            Specialty::Psychiatry => ("精神科", "psychiatry"),
            Specialty::Oncology => ("肿瘤科", "oncology"),
            Specialty::InfectiousDiseases => ("传染病科", "infectious diseases"),
            Specialty::Cardiology => ("心血管科", "cardiology"),
            Specialty::Rehabilitation => ("康复科", "rehabilitation"),
            Specialty::Geriatrics => ("老年医学科", "geriatrics"),
            Specialty::Nursing => ("护理", "nursing"),
            Specialty::Tcm => ("中医", "traditional Chinese medicine"),
            Specialty::Other => ("其他专科", "other specialty"),
        };
        Text::new(zh, en)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Subtype {
    TownshipCentre,
    CommunityCentre,
    CommunityStation,
    VillageClinic,
    CampusClinic,
    ElderlyCareClinic,
}

impl Subtype {
    pub const ALL: [Subtype; 6] = [
        Subtype::TownshipCentre,
        Subtype::CommunityCentre,
        Subtype::CommunityStation,
        Subtype::VillageClinic,
        Subtype::CampusClinic,
        Subtype::ElderlyCareClinic,
    ];

    pub fn label(self) -> Text {
        let (zh, en) = match self {
            Subtype::TownshipCentre => ("乡镇卫生院", "township health centre"),
            Subtype::CommunityCentre => ("社区卫生服务中心", "community health service centre"),
            Subtype::CommunityStation => ("社区卫生服务站", "community health service station"),
            Subtype::VillageClinic => ("村卫生室", "village clinic"),
            Subtype::CampusClinic => ("高等院校内设医疗机构", "in-university clinic"),
            Subtype::ElderlyCareClinic => ("养老机构内设医疗机构", "elderly-care-home clinic"),
        };
        Text::new(zh, en)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    #[default]
    New,
    NewSite,
    AddressChange,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    #[default]
    Basic,
    PersonalAccountOnly,
    MedicalAid,
}

/// Level of a key construction project (重点建设项目). `true` in a scenario means municipal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyLevel {
    Municipal,
    Provincial,
    Central,
}

impl KeyLevel {
    pub fn label(self) -> Text {
        match self {
            KeyLevel::Municipal => Text::new("市重点建设项目", "municipal key project"),
            KeyLevel::Provincial => Text::new("省重点建设项目", "provincial key project"),
            KeyLevel::Central => Text::new("中央重点建设项目", "central key project"),
        }
    }
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
        (self.change == Change::AddressChange)
            .then(|| self.institution_id.as_deref().unwrap_or(&self.id))
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
