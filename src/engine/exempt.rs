//! Exemptions ("不受本规划限制") and priority listings. An `exempt` verdict makes the plan's other
//! rules not applicable for the applicant; eligibility conditions still bind.

use super::{Ctx, Detail, Judgement};
use crate::policy::{ActiveRule, ListedSubtype};
use crate::scenario::{Application, KeyLevel, Kind, Subtype};
use crate::text::Text;
use crate::tr;
use crate::words;

fn listed_subtype(app: &Application, rule: &ActiveRule) -> Option<ListedSubtype> {
    if app.kind != Kind::PrimaryCare {
        return None;
    }
    let st = app.subtype?;
    rule.subtypes.iter().find(|l| l.subtype == st && (!l.integrated_only || app.integrated == Some(true))).copied()
}

fn listed_key_project(app: &Application, rule: &ActiveRule) -> Option<KeyLevel> {
    // Key construction projects are medical institutions in both texts; pharmacies are not covered.
    if !app.kind.is_medical() {
        return None;
    }
    let level = app.key_level()?;
    rule.key_project_levels.contains(&level).then_some(level)
}

/// Why an applicant is listed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Listing {
    KeyProject(KeyLevel),
    Subtype(ListedSubtype),
}

impl Listing {
    fn text(self) -> Text {
        match self {
            Listing::KeyProject(level) => level.label(),
            Listing::Subtype(l) => {
                let label = l.subtype.label();
                if l.integrated_only {
                    Text::new(format!("一体化管理的{}", label.zh), format!("{} under integrated management", label.en))
                } else {
                    label
                }
            }
        }
    }
}

/// Why an applicant is not listed, beyond "not among the institutions this clause lists".
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Unlisted {
    Plainly,
    /// A pharmacy that states a key-project level.
    PharmacyKeyProject,
    LevelNotListed(KeyLevel),
    /// A subtype listed only under integrated management, which is not stated.
    NotIntegrated(Subtype),
}

/// What the exemption and priority listings read.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Reading {
    /// exempt.key_project: a listed level.
    KeyProject(KeyLevel),
    Exempt(Listing),
    Priority(Listing),
    Unlisted(Unlisted),
}

impl Reading {
    pub(crate) fn render(&self) -> Text {
        match *self {
            Reading::KeyProject(level) => {
                let level = level.label();
                Text::new(
                    format!("{}的医疗机构，不受本规划限制", level.zh),
                    format!("a medical institution that is a {}: not limited by the plan", level.en),
                )
            }
            Reading::Exempt(l) => {
                let what = l.text();
                Text::new(format!("{}，不受本规划限制", what.zh), format!("{}: not limited by the plan", what.en))
            }
            Reading::Priority(l) => {
                let what = l.text();
                Text::new(format!("{}，优先按规定纳入", what.zh), format!("{}: comes first", what.en))
            }
            Reading::Unlisted(u) => {
                let why = tr!("不属于本条列明的机构", "not among the institutions this clause lists");
                match u {
                    Unlisted::Plainly => why,
                    Unlisted::PharmacyKeyProject => why.join(&tr!(
                        "重点建设项目条款只涉及医疗机构，不含药店",
                        "the key-project clause covers medical institutions, not pharmacies"
                    )),
                    Unlisted::LevelNotListed(level) => {
                        let l = level.label();
                        why.join(&Text::new(
                            format!("本条未列{}", l.zh),
                            format!("this clause does not list a {}", l.en),
                        ))
                    }
                    Unlisted::NotIntegrated(st) => {
                        let l = st.label();
                        why.join(&Text::new(
                            format!("{}须为一体化管理", l.zh),
                            format!("a {} must be under integrated management", l.en),
                        ))
                    }
                }
            }
        }
    }
}

impl From<Reading> for Detail {
    fn from(r: Reading) -> Self {
        Detail::of(super::Reading::Exempt(r))
    }
}

/// Why an applicant is listed, or why it is not.
fn listing(app: &Application, rule: &ActiveRule) -> Result<Listing, Unlisted> {
    if let Some(level) = listed_key_project(app, rule) {
        return Ok(Listing::KeyProject(level));
    }
    if let Some(l) = listed_subtype(app, rule) {
        return Ok(Listing::Subtype(l));
    }
    if app.kind == Kind::Pharmacy && app.key_level().is_some() {
        Err(Unlisted::PharmacyKeyProject)
    } else if let Some(level) = app.key_level().filter(|_| app.kind.is_medical()) {
        Err(Unlisted::LevelNotListed(level))
    } else if app.kind == Kind::PrimaryCare && app.integrated != Some(true) {
        match app.subtype.filter(|st| rule.subtypes.iter().any(|l| l.subtype == *st && l.integrated_only)) {
            Some(st) => Err(Unlisted::NotIntegrated(st)),
            None => Err(Unlisted::Plainly),
        }
    } else {
        Err(Unlisted::Plainly)
    }
}

/// linyi-2025 三(四)3“列入中央、省、市重点建设项目的医疗机构，不受本规划限制，可按规定纳入医保定点评估范围”
pub fn key_project(_: &Ctx, app: &Application, rule: &ActiveRule) -> Judgement {
    if app.key_project.is_none() {
        return Judgement::na(words!(
            "申请未说明是否为重点建设项目",
            "not stated whether it is a key construction project"
        ));
    }
    match listed_key_project(app, rule) {
        Some(level) => Judgement::exempt(Reading::KeyProject(level)).switch("key_project_escapes_fund"),
        None if app.kind == Kind::Pharmacy && app.key_level().is_some() => Judgement::na(words!(
            "本条只涉及医疗机构，药店不在其列",
            "the clause covers medical institutions; pharmacies are not covered",
        )),
        None => Judgement::pass(words!(
            "不是重点建设项目，按本规划审核",
            "not a key construction project: judged under the plan"
        )),
    }
}

/// xian-2025 规划目标和内容(二)3(1)“列入省市政府重点建设项目的医疗机构和按照卫生规划设立的社区卫生服务中心、社区卫生服务站、乡镇卫生院（含一体化管理的村卫生室），以及高等院校、养老机构内设医疗机构……不受本规划限制”
pub fn listed(_: &Ctx, app: &Application, rule: &ActiveRule) -> Judgement {
    match listing(app, rule) {
        Ok(what) => Judgement::exempt(Reading::Exempt(what)).switch("key_project_escapes_fund"),
        Err(why) => Judgement::pass(Reading::Unlisted(why)),
    }
}

/// xian-2025 规划目标和内容(二)3(1)“……优先按规定纳入医保定点协议管理”
pub fn priority_listed(_: &Ctx, app: &Application, rule: &ActiveRule) -> Judgement {
    match listing(app, rule) {
        Ok(what) => Judgement::priority(Reading::Priority(what)),
        Err(why) => Judgement::pass(Reading::Unlisted(why)),
    }
}
