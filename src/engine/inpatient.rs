//! linyi-2025 三(一)1②: a same-type designated inpatient institution in the service circle.

use crate::words;
use super::proximity::{judge, moving_note, Neighbours, NeighboursOr, What};
use super::{Ctx, Judgement};
use crate::spatial::Among;
use crate::policy::{ActiveRule, NearbyEffect};
use crate::scenario::{Application, Kind};

/// 三(一)1②“‘15分钟医保服务圈’范围内已有同类型综合性或专科定点医疗机构的”，暂停县域内本年度新增住院医保定点受理评估
pub fn same_type_nearby(ctx: &Ctx, app: &Application, _: &ActiveRule) -> Judgement {
    let n = match same_type_neighbours(ctx, app) {
        Ok(n) => n,
        Err(j) => return j,
    };
    let p = judge(ctx, app, &n);
    let j = if !p.inside {
        Judgement::pass(p.detail)
    } else {
        match ctx.params.same_type_nearby_effect {
            NearbyEffect::Reject => Judgement::fail(p.detail),
            NearbyEffect::Suspend => Judgement::suspend(p.detail),
        }
        .switch("same_type_nearby_effect")
    };
    moving_note(app, j)
}

/// Designated inpatient institutions of the same type: general for a general applicant, the same
/// specialty for a specialty one.
pub fn same_type_neighbours(_: &Ctx, app: &Application) -> NeighboursOr {
    let kind = app.kind;
    let what = match kind {
        Kind::InpatientGeneral => What::Words(words!("综合性住院定点医疗机构", "a designated general inpatient institution")),
        Kind::InpatientSpecialty => match app.specialty {
            Some(s) => What::Specialty(s),
            None => return Err(Judgement::missing("specialty", words!("专科类别", "the specialty"))),
        },
        _ => return Err(Judgement::not_this_kind(app)),
    };
    let specialty = app.specialty;
    Ok(match kind {
        Kind::InpatientGeneral => Neighbours::of(what, Among::DesignatedKind(kind)),
        _ => Neighbours::new(what, move |i| i.designated && i.kind == kind && i.specialty == specialty).among(Among::DesignatedKind(kind)),
    })
}
