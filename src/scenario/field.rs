//! The fields of the scenario contract, named once: what an import column holds and what an
//! application form edits (`Field`), and the city's and a county's figures (`DataField`). The
//! checks on them live in `validate.rs`.

use serde::{Deserialize, Serialize};

use crate::text::Text;

/// A field of the scenario contract (DESIGN.md §3) that an import column can hold and the
/// application form edits; `ignore` leaves a column out. Serialised with the contract's own names (`"lon"`, `"institution_id"`, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Id,
    Name,
    Kind,
    Category,
    Specialty,
    Subtype,
    Integrated,
    Lon,
    Lat,
    /// Longitude and latitude in one cell, `"118.35,35.05"` (as AMap gives `location`).
    Coordinates,
    County,
    Area,
    Designated,
    Beds,
    ProvidesOutpatient,
    Change,
    InstitutionId,
    Scope,
    KeyProject,
    InsuranceOfficeStaff,
    InsuranceDept,
    OperatingMonths,
    Physicians,
    Pharmacists,
    ShortageType,
    UnevenArea,
    NegativeListReason,
    NegativeListSince,
    Population,
    Ignore,
}

impl Field {
    pub const ALL: [Field; 30] = [
        Field::Id,
        Field::Name,
        Field::Kind,
        Field::Category,
        Field::Specialty,
        Field::Subtype,
        Field::Integrated,
        Field::Lon,
        Field::Lat,
        Field::Coordinates,
        Field::County,
        Field::Area,
        Field::Designated,
        Field::Beds,
        Field::ProvidesOutpatient,
        Field::Change,
        Field::InstitutionId,
        Field::Scope,
        Field::KeyProject,
        Field::InsuranceOfficeStaff,
        Field::InsuranceDept,
        Field::OperatingMonths,
        Field::Physicians,
        Field::Pharmacists,
        Field::ShortageType,
        Field::UnevenArea,
        Field::NegativeListReason,
        Field::NegativeListSince,
        Field::Population,
        Field::Ignore,
    ];

    /// The contract's name, also the English header of exports.
    pub fn id(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Name => "name",
            Field::Kind => "kind",
            Field::Category => "category",
            Field::Specialty => "specialty",
            Field::Subtype => "subtype",
            Field::Integrated => "integrated",
            Field::Lon => "lon",
            Field::Lat => "lat",
            Field::Coordinates => "coordinates",
            Field::County => "county",
            Field::Area => "area",
            Field::Designated => "designated",
            Field::Beds => "beds",
            Field::ProvidesOutpatient => "provides_outpatient",
            Field::Change => "change",
            Field::InstitutionId => "institution_id",
            Field::Scope => "scope",
            Field::KeyProject => "key_project",
            Field::InsuranceOfficeStaff => "insurance_office_staff",
            Field::InsuranceDept => "insurance_dept",
            Field::OperatingMonths => "operating_months",
            Field::Physicians => "physicians",
            Field::Pharmacists => "pharmacists",
            Field::ShortageType => "shortage_type",
            Field::UnevenArea => "uneven_area",
            Field::NegativeListReason => "negative_list_reason",
            Field::NegativeListSince => "negative_list_since",
            Field::Population => "population",
            Field::Ignore => "ignore",
        }
    }

    /// The Chinese header of exports (recognised on import) and an English label.
    pub fn label(self) -> Text {
        let (zh, en) = match self {
            Field::Id => ("编号", "id"),
            Field::Name => ("名称", "name"),
            Field::Kind => ("类型", "kind"),
            Field::Category => ("类别", "category"),
            Field::Specialty => ("专科", "specialty"),
            Field::Subtype => ("基层类型", "primary-care subtype"),
            Field::Integrated => ("一体化管理", "integrated management"),
            Field::Lon => ("经度", "longitude"),
            Field::Lat => ("纬度", "latitude"),
            Field::Coordinates => ("经纬度", "longitude,latitude"),
            Field::County => ("区县", "county"),
            Field::Area => ("乡镇街道", "town or street"),
            Field::Designated => ("是否定点", "designated"),
            Field::Beds => ("床位数", "beds"),
            Field::ProvidesOutpatient => ("提供门诊", "provides outpatient care"),
            Field::Change => ("申请类型", "change"),
            Field::InstitutionId => ("原机构编号", "institution id"),
            Field::Scope => ("申请范围", "scope"),
            Field::KeyProject => ("重点建设项目", "key project"),
            Field::InsuranceOfficeStaff => ("医保办人数", "insurance office staff"),
            Field::InsuranceDept => ("医保部门", "insurance department"),
            Field::OperatingMonths => ("运营月数", "operating months"),
            Field::Physicians => ("执业医师数", "physicians"),
            Field::Pharmacists => ("执业药师数", "pharmacists"),
            Field::ShortageType => ("紧缺型", "shortage type"),
            Field::UnevenArea => ("布局不均衡区域", "uneven area"),
            Field::NegativeListReason => ("负面清单", "negative list reason"),
            Field::NegativeListSince => ("负面清单日期", "negative list since"),
            Field::Population => ("常住人口", "population"),
            Field::Ignore => ("忽略", "ignore"),
        };
        Text::new(zh, en)
    }
}

/// A figure of last year's data that the city and every county have (the bed figures and the
/// three discharge counts), and the city's fund figures. Its `path` is the field's path in the
/// contract, below `city` or `counties[i]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DataField {
    ResidentPopulation,
    OpenBeds,
    Insured,
    Admissions,
    AvgStayDays,
    BedUtilisation,
    DischargesLocalLocal,
    DischargesLocalElsewhere,
    DischargesNonlocalLocal,
    /// The city's alone: the fund is pooled city-wide.
    FundEmployeeMonths,
    FundResidentMonths,
    FundEmployeeDeficit,
    FundResidentDeficit,
    FundWarningLetter,
}

impl DataField {
    pub const ALL: [DataField; 14] = [
        DataField::ResidentPopulation,
        DataField::OpenBeds,
        DataField::Insured,
        DataField::Admissions,
        DataField::AvgStayDays,
        DataField::BedUtilisation,
        DataField::DischargesLocalLocal,
        DataField::DischargesLocalElsewhere,
        DataField::DischargesNonlocalLocal,
        DataField::FundEmployeeMonths,
        DataField::FundResidentMonths,
        DataField::FundEmployeeDeficit,
        DataField::FundResidentDeficit,
        DataField::FundWarningLetter,
    ];

    /// The field's path below `city` or `counties[i]`: `open_beds`, `discharges.local_local`,
    /// `fund.employee_months` …
    pub fn path(self) -> &'static str {
        match self {
            DataField::ResidentPopulation => "resident_population",
            DataField::OpenBeds => "open_beds",
            DataField::Insured => "insured",
            DataField::Admissions => "admissions",
            DataField::AvgStayDays => "avg_stay_days",
            DataField::BedUtilisation => "bed_utilisation",
            DataField::DischargesLocalLocal => "discharges.local_local",
            DataField::DischargesLocalElsewhere => "discharges.local_elsewhere",
            DataField::DischargesNonlocalLocal => "discharges.nonlocal_local",
            DataField::FundEmployeeMonths => "fund.employee_months",
            DataField::FundResidentMonths => "fund.resident_months",
            DataField::FundEmployeeDeficit => "fund.employee_deficit",
            DataField::FundResidentDeficit => "fund.resident_deficit",
            DataField::FundWarningLetter => "fund.warning_letter",
        }
    }

    pub fn from_path(path: &str) -> Option<DataField> {
        DataField::ALL.into_iter().find(|f| f.path() == path)
    }

    /// Whether only the city has it (a county has no fund of its own).
    pub fn is_city_only(self) -> bool {
        matches!(
            self,
            DataField::FundEmployeeMonths
                | DataField::FundResidentMonths
                | DataField::FundEmployeeDeficit
                | DataField::FundResidentDeficit
                | DataField::FundWarningLetter
        )
    }
}
