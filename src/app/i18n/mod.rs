//! The UI's words in both languages, each feature's beside the others of that feature: one
//! module per panel or flow (`plan`, `assess`, `guided` …), and here the helpers and the few
//! words several features share. Every word is a `Words` (`&'static Text`, made by `words!`),
//! sentences with numbers in them are functions returning `Text` or `String`. Chinese first,
//! English alongside.
//!
//! A user imports its feature's module (`use crate::app::i18n::plan as w;`); the skin's
//! `ui::i18n` re-exports them all for the panels that still name words as `i::NAME`.

use crate::scenario::{Change, KeyLevel, NegativeReason, Scope};
use crate::text::{Lang, Text, Words};
use crate::words;

pub mod assess;
pub mod budget;
pub mod change;
pub mod coverage;
pub mod data;
pub mod datasets;
pub mod decision;
pub mod edits;
pub mod figures;
pub mod form;
pub mod guided;
pub mod import;
pub mod map;
pub mod nav;
pub mod page;
pub mod params;
pub mod plan;
pub mod results;
pub mod review;
pub mod share;
pub mod sites;
pub mod slip;
pub mod sweep;
pub mod way;

/// The current language's half of an engine text.
pub fn t(lang: Lang, text: &Text) -> String {
    text.get(lang).to_string()
}

pub fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    }
}

pub fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    }
}

/// `s` in parentheses of the language's kind: （…） or (…).
pub fn paren(lang: Lang, s: &str) -> String {
    match lang {
        Lang::Zh => format!("（{s}）"),
        Lang::En => format!(" ({s})"),
    }
}

// ---------------------------------------------------------------------------------------------
// Labels the engine has no `label()` for.

pub const CHANGES: [Change; 3] = [Change::New, Change::NewSite, Change::AddressChange];
pub const SCOPES: [Scope; 3] = [Scope::Basic, Scope::PersonalAccountOnly, Scope::MedicalAid];
pub const KEY_LEVELS: [KeyLevel; 3] = [KeyLevel::Municipal, KeyLevel::Provincial, KeyLevel::Central];

pub const NEGATIVE_REASONS: [NegativeReason; 3] =
    [NegativeReason::FalseMaterials, NegativeReason::AgreementTerminated, NegativeReason::Blacklisted];

pub fn change_id(c: Change) -> &'static str {
    match c {
        Change::New => "new",
        Change::NewSite => "new_site",
        Change::AddressChange => "address_change",
    }
}

pub fn change_label(c: Change) -> Text {
    match c {
        Change::New => Text::new("新增定点", "new designation"),
        Change::NewSite => Text::new("新增执业地点 / 分院区", "new practice site or branch"),
        Change::AddressChange => Text::new("变更注册地址", "change of registered address"),
    }
}

pub fn scope_id(s: Scope) -> &'static str {
    match s {
        Scope::Basic => "basic",
        Scope::PersonalAccountOnly => "personal_account_only",
        Scope::MedicalAid => "medical_aid",
    }
}

pub fn scope_label(s: Scope) -> Text {
    match s {
        Scope::Basic => Text::new("基本医保定点", "basic medical insurance"),
        Scope::PersonalAccountOnly => {
            Text::new("仅职工个人账户结算（门诊部、诊所）", "employee personal account only (clinics)")
        }
        Scope::MedicalAid => Text::new("医疗救助定点", "medical aid"),
    }
}

pub fn key_level_id(k: KeyLevel) -> &'static str {
    match k {
        KeyLevel::Municipal => "municipal",
        KeyLevel::Provincial => "provincial",
        KeyLevel::Central => "central",
    }
}

pub fn negative_reason_id(r: NegativeReason) -> &'static str {
    match r {
        NegativeReason::FalseMaterials => "false_materials",
        NegativeReason::AgreementTerminated => "agreement_terminated",
        NegativeReason::Blacklisted => "blacklisted",
    }
}

// ---------------------------------------------------------------------------------------------
// Words several features share: separators, yes and no, units, the kinds of coverage.

pub const COLON: Words = words!("：", ": ");
pub const SEMICOLON: Words = words!("；", "; ");
pub const LIST_SEP: Words = words!("、", ", ");
pub const CITY: Words = words!("全市", "City");
pub const YES: Words = words!("是", "yes");
pub const NO: Words = words!("否", "no");
pub const NOT_STATED: Words = words!("未说明", "not stated");
pub const U_PERSONS: Words = words!("人", "persons");
pub const U_BEDS: Words = words!("张", "beds");
pub const U_MONTHS: Words = words!("个月", "months");
pub const METRES: Words = words!("米", "m");
pub const FIG_COUNTY: Words = words!("县区", "county");
pub const COV_PHARMACY: Words = words!("零售药店", "pharmacies");
pub const COV_OUTPATIENT: Words = words!("门诊服务", "outpatient care");
pub const COV_INPATIENT: Words = words!("住院服务", "inpatient care");
pub const MS: Words = words!("毫秒", "ms");
pub const PLAN_DONE_IN: Words = words!("测算用时", "Computed in");
