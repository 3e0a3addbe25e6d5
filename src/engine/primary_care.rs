//! linyi-2025 三(一)2 ¶2: listed primary care may come first. A priority, not an exemption: the
//! applicant is still judged by the rules of the service it provides (三(一)1 or 三(一)2).

use super::{Ctx, Judgement};
use crate::policy::{ActiveRule, ListedSubtype};
use crate::scenario::{Application, Kind, Subtype};
use crate::text::Text;
use crate::words;

/// Whether the text's list reaches the applicant, and how.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Listed {
    /// Named by the list (with integrated management where the list asks for it).
    Named(ListedSubtype),
    /// An elderly-care-home clinic, taken in by “高等院校等内设医疗机构” under `in_house_clinics_etc`.
    ByEtc,
}

/// The applicant's place on the priority list of the preset's `primary_care.priority`, if any.
pub fn listed(ctx: &Ctx, app: &Application) -> Option<Listed> {
    let rule = ctx.policy.rules.iter().find(|r| r.def.id == "primary_care.priority")?;
    listed_by(ctx, app, rule)
}

fn listed_by(ctx: &Ctx, app: &Application, rule: &ActiveRule) -> Option<Listed> {
    if app.kind != Kind::PrimaryCare {
        return None;
    }
    let st = app.subtype?;
    if let Some(l) =
        rule.subtypes.iter().find(|l| l.subtype == st && (!l.integrated_only || app.integrated == Some(true)))
    {
        return Some(Listed::Named(*l));
    }
    let lists_in_house = rule.subtypes.iter().any(|l| l.subtype == Subtype::CampusClinic);
    (st == Subtype::ElderlyCareClinic && lists_in_house && ctx.params.in_house_clinics_etc).then_some(Listed::ByEtc)
}

/// 三(一)2“按照《临沂市‘十四五’医疗卫生服务体系规划》设立的乡镇卫生院、社区卫生服务中心(包括一体化管理的社区卫生服务站、村卫生室)以及高等院校等内设医疗机构符合条件的，可优先纳入医保定点”
pub fn priority(ctx: &Ctx, app: &Application, rule: &ActiveRule) -> Judgement {
    if app.kind != Kind::PrimaryCare {
        return Judgement::not_this_kind(app);
    }
    let Some(st) = app.subtype else {
        return Judgement::missing("subtype", words!("基层机构类型", "the primary-care subtype"));
    };
    let label = st.label();
    let judged_by_service = words!(
        "不优先；按其提供的服务（住院或仅门诊）适用相应规则",
        "no priority; judged by the rules of the service it provides (inpatient or outpatient only)"
    );
    let lists_in_house = rule.subtypes.iter().any(|l| l.subtype == Subtype::CampusClinic);
    match listed_by(ctx, app, rule) {
        Some(Listed::Named(_)) => Judgement::priority(Text::new(
            format!("{}，符合条件的可优先纳入医保定点", label.zh),
            format!("{}: may come first if it meets the conditions", label.en),
        ))
        .note(words!(
            "优先不是豁免：仍按其提供的服务适用本规划的规则",
            "a priority, not an exemption: still judged by the plan's rules for the service it provides"
        )),
        Some(Listed::ByEtc) => Judgement::priority(Text::new(
            format!("{}：按“高等院校等内设医疗机构”的“等”纳入列明机构，可优先纳入", label.zh),
            format!("{}: taken in by “in-house clinics of universities and the like”; may come first", label.en),
        ))
        .switch("in_house_clinics_etc"),
        None => {
            let j = match rule.subtypes.iter().find(|l| l.subtype == st) {
                Some(l) if l.integrated_only => Judgement::pass(Text::new(
                    format!("{}须为一体化管理才列入优先；未说明一体化管理", label.zh),
                    format!("a {} is listed only under integrated management, which is not stated", label.en),
                )),
                _ => Judgement::pass(Text::new(
                    format!("{}不在本条列明的机构中", label.zh),
                    format!("a {} is not listed by this clause", label.en),
                )),
            }
            .note(judged_by_service);
            if st == Subtype::ElderlyCareClinic && lists_in_house {
                j.switch("in_house_clinics_etc")
            } else {
                j
            }
        }
    }
}
