//! linyi-2025 三(一)1②: a same-type designated inpatient institution in the service circle.

use super::proximity::{judge, moving_note, Neighbours, NeighboursOr, What};
use super::{Ctx, Judgement};
use crate::policy::{ActiveRule, NearbyEffect, PrimaryCareSameType};
use crate::scenario::{Application, Kind, Service};
use crate::spatial::Among;
use crate::words;

/// 三(一)1②“‘15分钟医保服务圈’范围内已有同类型综合性或专科定点医疗机构的”，暂停县域内本年度新增住院医保定点受理评估
pub fn same_type_nearby(ctx: &Ctx, app: &Application, rule: &ActiveRule) -> Judgement {
    let n = match same_type_neighbours(ctx, app) {
        Ok(n) => n,
        Err(j) => return j,
    };
    let p = judge(ctx, app, rule, &n);
    let j = if !p.inside {
        Judgement::pass(p.detail)
    } else {
        match ctx.params.same_type_nearby_effect {
            NearbyEffect::Reject => Judgement::fail(p.detail),
            NearbyEffect::Suspend => Judgement::suspend(p.detail),
        }
        .switch("same_type_nearby_effect")
    };
    // Who counts as the same type for a primary-care centre is a reading, whatever the verdict.
    let j = if app.kind == Kind::PrimaryCare { j.reading("primary_care_same_type") } else { j };
    moving_note(ctx, app, j)
}

/// Designated inpatient institutions of the same type: general for a general applicant, the same
/// specialty for a specialty one; for a primary-care centre with beds, by `primary_care_same_type`.
pub fn same_type_neighbours(ctx: &Ctx, app: &Application) -> NeighboursOr {
    match Judgement::service_of(app) {
        Ok(Service::Inpatient) => {}
        Ok(other) => return Err(Judgement::not_this_service(other)),
        Err(j) => return Err(j),
    }
    let kind = app.kind;
    Ok(match kind {
        Kind::InpatientGeneral => Neighbours::of(
            words!("综合性住院定点医疗机构", "a designated general inpatient institution"),
            Among::DesignatedKind(kind),
        ),
        Kind::InpatientSpecialty => {
            let Some(s) = app.specialty else {
                return Err(Judgement::missing("specialty", words!("专科类别", "the specialty")));
            };
            Neighbours::new(What::Specialty(s), move |i| i.designated && i.kind == kind && i.specialty == Some(s))
                .among(Among::DesignatedKind(kind))
        }
        _ => match ctx.params.primary_care_same_type {
            PrimaryCareSameType::PrimaryCare => Neighbours::new(
                words!(
                    "提供住院服务的基层定点医疗机构",
                    "a designated primary-care institution providing inpatient care"
                ),
                |i| i.designated && i.kind == Kind::PrimaryCare && i.service() == Some(Service::Inpatient),
            )
            .among(Among::DesignatedKind(Kind::PrimaryCare)),
            PrimaryCareSameType::General => Neighbours::new(
                words!(
                    "综合性住院定点医疗机构（含提供住院服务的基层机构）",
                    "a designated general inpatient institution (primary-care ones with beds included)"
                ),
                |i| {
                    i.designated
                        && (i.kind == Kind::InpatientGeneral
                            || (i.kind == Kind::PrimaryCare && i.service() == Some(Service::Inpatient)))
                },
            ),
        },
    })
}
