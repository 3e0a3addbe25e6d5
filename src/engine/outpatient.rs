//! linyi-2025 三(一)2: medical institutions that provide outpatient care only (门诊部, 诊所, 村卫生室,
//! 社区卫生服务站, 内设医疗机构), whatever their kind.

use super::primary_care::listed;
use super::proximity::{judge, moving_note, Neighbours, NeighboursOr};
use super::{Ctx, Judgement};
use crate::policy::{ActiveRule, ListedCircle};
use crate::scenario::{Application, Scope, Service};
use crate::words;

/// 三(一)2“在‘15分钟医保服务圈’范围内有提供门诊服务的定点医疗机构的，不再受理仅提供门诊服务的新增定点申请”
pub fn nearby(ctx: &Ctx, app: &Application, rule: &ActiveRule) -> Judgement {
    let n = match neighbours(ctx, app) {
        Ok(n) => n,
        Err(j) => return j,
    };
    let p = judge(ctx, app, rule, &n);
    let mut j = if p.inside { Judgement::fail(p.detail) } else { Judgement::pass(p.detail) };
    if app.scope == Scope::PersonalAccountOnly {
        j = j.note(words!(
            "仅申请开通职工医保个人账户结算的门诊部、诊所同样按本规划执行",
            "an outpatient department or clinic applying only for personal-account settlement is judged the same way"
        ));
    }
    if listed(ctx, app).is_some() {
        // The priority sentence of the same paragraph pulls the other way: the literal reading
        // applies this rule to listed primary care too, and the entry says so.
        j = j.switch("listed_primary_care_circle");
    }
    moving_note(ctx, app, j)
}

/// Designated medical institutions that provide outpatient care; the rule reaches every
/// outpatient-only applicant, and a listed primary-care one unless `priority_prevails`.
pub fn neighbours(ctx: &Ctx, app: &Application) -> NeighboursOr {
    match Judgement::service_of(app) {
        Ok(Service::OutpatientOnly) => {}
        Ok(other) => return Err(Judgement::not_this_service(other)),
        Err(j) => return Err(j),
    }
    if ctx.params.listed_primary_care_circle == ListedCircle::PriorityPrevails && listed(ctx, app).is_some() {
        return Err(Judgement::na(words!(
            "列明的基层医疗机构可优先纳入，按本开关的解读不再适用800米规则",
            "listed primary care may come first: under this reading the 800 m rule does not apply to it"
        ))
        .switch("listed_primary_care_circle"));
    }
    Ok(Neighbours::new(
        words!("提供门诊服务的定点医疗机构", "a designated institution providing outpatient care"),
        |i| i.designated && i.kind.is_medical() && i.provides_outpatient(),
    ))
}
