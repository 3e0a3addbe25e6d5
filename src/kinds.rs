//! The vocabulary the policy texts and the scenario share: the kinds of institution and the
//! service they provide, pharmacy categories, specialties, primary-care subtypes, changes, scopes
//! and key-project levels. It sits below both the policy (which lists subtypes and levels) and
//! the scenario (whose records use them), so neither depends on the other for its words.

use std::fmt;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::text::Text;

/// The service a medical institution provides, as linyi-2025 三(一) sorts them: "提供住院服务的医疗机构"
/// (1) and "仅提供门诊服务的医疗机构" (2). The rules apply by service, not by kind: a 乡镇卫生院 with
/// beds is an inpatient provider, a 社区卫生服务站 an outpatient-only one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Service {
    Inpatient,
    OutpatientOnly,
}

impl Service {
    /// What a medical institution of `kind` provides; `None` for a pharmacy, and for a primary-care
    /// centre (or one of no stated subtype) whose beds are not stated.
    pub fn of(kind: Kind, subtype: Option<Subtype>, beds: Option<u64>) -> Option<Service> {
        match kind {
            Kind::Pharmacy => None,
            Kind::InpatientGeneral | Kind::InpatientSpecialty => Some(Service::Inpatient),
            // 门诊部、诊所: outpatient-only by what they are.
            Kind::Outpatient => Some(Service::OutpatientOnly),
            Kind::PrimaryCare => match beds {
                Some(b) if b > 0 => Some(Service::Inpatient),
                Some(_) => Some(Service::OutpatientOnly),
                None if subtype.is_some_and(|st| !st.may_run_wards()) => Some(Service::OutpatientOnly),
                None => None,
            },
        }
    }

    pub fn label(self) -> Text {
        match self {
            Service::Inpatient => Text::new("提供住院服务的医疗机构", "a medical institution providing inpatient care"),
            Service::OutpatientOnly => {
                Text::new("仅提供门诊服务的医疗机构", "a medical institution providing outpatient care only")
            }
        }
    }
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
        Text::new(
            parts.iter().map(|t| &*t.zh).collect::<Vec<_>>().join("、"),
            parts.iter().map(|t| &*t.en).collect::<Vec<_>>().join(", "),
        )
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

    /// Township and community health centres may run wards; stations, village clinics and the
    /// clinics inside universities and care homes provide outpatient care only.
    pub fn may_run_wards(self) -> bool {
        matches!(self, Subtype::TownshipCentre | Subtype::CommunityCentre)
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
