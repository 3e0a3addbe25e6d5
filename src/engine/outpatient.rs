//! linyi-2025 三(一)2: outpatient-only applicants (门诊部, 诊所).

use crate::words;
use super::proximity::{judge, moving_note, Neighbours, NeighboursOr};
use super::{Ctx, Judgement};
use crate::policy::ActiveRule;
use crate::scenario::{Application, Kind, Scope};

/// 三(一)2“在‘15分钟医保服务圈’范围内有提供门诊服务的定点医疗机构的，不再受理仅提供门诊服务的新增定点申请”
pub fn nearby(ctx: &Ctx, app: &Application, _: &ActiveRule) -> Judgement {
    let n = match neighbours(ctx, app) {
        Ok(n) => n,
        Err(j) => return j,
    };
    let p = judge(ctx, app, &n);
    let mut j = if p.inside { Judgement::fail(p.detail) } else { Judgement::pass(p.detail) };
    if app.scope == Scope::PersonalAccountOnly {
        j = j.note(words!(
            "仅申请开通职工医保个人账户结算的门诊部、诊所同样按本规划执行",
            "an outpatient department or clinic applying only for personal-account settlement is judged the same way"
        ));
    }
    moving_note(app, j)
}

/// Designated medical institutions that provide outpatient care.
pub fn neighbours(_: &Ctx, app: &Application) -> NeighboursOr {
    if app.kind != Kind::Outpatient {
        return Err(Judgement::not_this_kind(app));
    }
    Ok(Neighbours::new(words!("提供门诊服务的定点医疗机构", "a designated institution providing outpatient care"), |i| {
        i.designated && i.kind.is_medical() && i.provides_outpatient()
    }))
}
