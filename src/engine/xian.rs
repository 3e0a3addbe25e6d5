//! xian-2025 规划目标和内容(二): strict control of inpatient growth, no new pharmacies and clinics
//! in principle, the special-drug pharmacy quota, and medical-aid designation.

use super::proximity::{judge, moving_note, Neighbours, NeighboursOr};
use super::{Ctx, Detail, Judgement};
use crate::policy::{ActiveRule, SpecialDrugRegime, StrictControl};
use crate::scenario::{Application, Categories, Category, Kind, Scope, Service};
use crate::spatial::Among;
use crate::text::Text;
use crate::words;

/// (二)3(3)“医疗救助定点医疗机构……在医保定点医疗机构范围内按规定择优纳入”: a medical-aid
/// application names an institution that is already designated, so it is no new designation and
/// the rules on new designations ((二)1, (二)2) do not concern it — nor is it its own neighbour.
fn medical_aid_not_new(app: &Application) -> Option<Judgement> {
    (app.scope == Scope::MedicalAid).then(|| {
        Judgement::na(words!(
            "医疗救助定点申请：在已是医保定点的医疗机构中择优纳入，不是新增医保定点，按(二)3(3)审核",
            "a medical-aid application: chosen among institutions already designated, not a new designation; judged under (二)3(3)"
        ))
    })
}

/// (二)1“对住院定点医疗机构严格控制增量。对市卫生健康部门确定的分布不均衡区域内的住院医疗机构及短板资源类住院医疗机构，可优先按规定纳入”
pub fn strict_control(ctx: &Ctx, app: &Application, _: &ActiveRule) -> Judgement {
    match Judgement::service_of(app) {
        Ok(Service::Inpatient) => {}
        Ok(other) => return Judgement::not_this_service(other),
        Err(j) => return j,
    }
    if let Some(j) = medical_aid_not_new(app) {
        return j;
    }
    if app.uneven_area == Some(true) {
        return Judgement::priority(words!(
            "位于卫生健康部门确定的分布不均衡区域，可优先纳入",
            "in an area the health commission lists as unevenly served: may come first"
        ));
    }
    if app.shortage_type == Some(true) {
        return Judgement::priority(words!("短板资源类住院医疗机构，可优先纳入", "a shortage-resource inpatient institution: may come first"))
            .note(words!("短板资源类型的例子（护理、儿科、老年医学科、精神心理科、康复）取自滨州规划，是假设，不是西安原文", "example shortage types (nursing, paediatrics, geriatrics, psychiatry, rehabilitation) come from the Binzhou plan: an assumption, not Xi'an's text"));
    }
    let detail = words!("新增住院定点严格控制增量，且不属于不均衡区域或短板资源类", "new inpatient designations are strictly controlled, and it is neither in an unevenly served area nor of a shortage type");
    match ctx.params.xian_inpatient_default {
        StrictControl::Fail => Judgement::fail(detail).switch("xian_inpatient_default"),
        StrictControl::Gap => Judgement::gap(detail, "xian_inpatient_default"),
    }
}

/// The categories a pharmacy is judged by under (二)2: under `quota_only` a special-drug
/// pharmacy answers to its quota alone for that category.
fn radius_categories(ctx: &Ctx, app: &Application) -> Categories {
    let cats = app.categories();
    match ctx.params.xian_special_drug_regime {
        SpecialDrugRegime::QuotaOnly => cats.without(Category::SpecialDrug),
        SpecialDrugRegime::QuotaAndRadius => cats,
    }
}

/// (二)2“本规划期内原则上不再新增。对参保人员步行15分钟有效活动半径范围内没有同类型医药机构的可按规定择优纳入”
pub fn no_new(ctx: &Ctx, app: &Application, rule: &ActiveRule) -> Judgement {
    let n = match no_new_neighbours(ctx, app) {
        Ok(n) => n,
        Err(j) => return j,
    };
    let p = judge(ctx, app, rule, &n);
    let j = if p.inside {
        Judgement::fail(p.detail.then(words!("原则上不再新增", "no new ones in principle")))
    } else {
        Judgement::pass(p.detail.then(words!("可按规定择优纳入", "may be admitted on merit")))
    };
    let j = j.switch("xian_count_non_designated");
    let j = if app.kind == Kind::PrimaryCare { j.reading("xian_outpatient_etc") } else { j };
    let j = moving_note(ctx, app, j);
    j.note(words!(
        "原文没有米数：步行15分钟半径为假设",
        "the text gives no metres: the 15-minute walking radius is an assumption"
    ))
}

/// Institutions of the same type for (二)2: pharmacies sharing a category (special-drug left to
/// its quota under `quota_only`), or outpatient departments and clinics; designated ones unless
/// `xian_count_non_designated`.
pub fn no_new_neighbours(ctx: &Ctx, app: &Application) -> NeighboursOr {
    if app.kind.is_medical() {
        match Judgement::service_of(app) {
            Ok(Service::OutpatientOnly) => {}
            Ok(other) => return Err(Judgement::not_this_service(other)),
            Err(j) => return Err(j),
        }
    }
    if let Some(j) = medical_aid_not_new(app) {
        return Err(j);
    }
    let count_all = ctx.params.xian_count_non_designated;
    match app.kind {
        Kind::Pharmacy => {
            let cats = radius_categories(ctx, app);
            if cats.is_empty() {
                return Err(Judgement::na(words!("特药药店仅按总量控制审核", "a special-drug pharmacy is judged by its quota only"))
                    .switch("xian_special_drug_regime"));
            }
            let what = if count_all {
                words!("同类零售药店（含未定点）", "a pharmacy of the same type (designated or not)")
            } else {
                words!("同类定点零售药店", "a designated pharmacy of the same type")
            };
            Ok(Neighbours::of(what, if count_all { Among::PharmacyCategories(cats) } else { Among::DesignatedPharmacyCategories(cats) }))
        }
        Kind::Outpatient => {
            let what = if count_all {
                words!("门诊部、诊所（含未定点）", "an outpatient department or clinic (designated or not)")
            } else {
                words!("定点门诊部、诊所", "a designated outpatient department or clinic")
            };
            Ok(Neighbours::of(what, if count_all { Among::Kind(Kind::Outpatient) } else { Among::DesignatedKind(Kind::Outpatient) }))
        }
        // Another outpatient-only institution (a village clinic outside integrated management,
        // a station not set up under the health plan): (二)2 reaches it only through its “等”.
        Kind::PrimaryCare if !ctx.params.xian_outpatient_etc => Err(Judgement::na(words!(
            "(二)2只列门诊部、诊所；按封闭列举的解读，本条不涉及其他仅提供门诊服务的机构",
            "(二)2 names outpatient departments and clinics; read as a closed list, it does not reach other outpatient-only institutions"
        ))
        .switch("xian_outpatient_etc")),
        Kind::PrimaryCare => {
            let subtype = app.subtype;
            let what = if count_all {
                words!("同类基层医疗机构（含未定点）", "a primary-care institution of the same subtype (designated or not)")
            } else {
                words!("同类定点基层医疗机构", "a designated primary-care institution of the same subtype")
            };
            let among = if count_all { Among::Kind(Kind::PrimaryCare) } else { Among::DesignatedKind(Kind::PrimaryCare) };
            Ok(Neighbours::new(what, move |i| among.admits(i) && i.subtype == subtype).among(among))
        }
        _ => Err(Judgement::not_this_kind(app)),
    }
}

/// What the special-drug quota read: designated special-drug pharmacies and the quota.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Reading {
    Quota {
        count: u64,
        quota: u64,
    },
    /// No quota given: the text sets "总量控制" without a number.
    NoQuota {
        count: u64,
    },
}

impl Reading {
    pub(crate) fn render(&self) -> Text {
        let (count, quota) = match *self {
            Reading::Quota { count, quota } => (count, quota),
            Reading::NoQuota { count } => {
                return Text::new(
                    format!("现有特药定点药店{count}家；原文只说“实行总量控制”，没有给出总量，待定"),
                    format!(
                    "{count} designated special-drug pharmacies; the text sets a quota without a number: undetermined"
                ),
                )
            }
        };
        let detail = Text::new(
            format!("现有特药定点药店{count}家，总量{quota}家"),
            format!("{count} designated special-drug pharmacies, quota {quota}"),
        );
        if count >= quota {
            Text::new(format!("{}，已达总量", detail.zh), format!("{}: the quota is full", detail.en))
        } else {
            Text::new(format!("{}，未达总量", detail.zh), format!("{}: below the quota", detail.en))
        }
    }
}

impl From<Reading> for Detail {
    fn from(r: Reading) -> Self {
        Detail::of(super::Reading::Xian(r))
    }
}

/// (二)3(2)“特药定点零售药店根据特药管理要求，结合重特大疾病患者用药需求，实行总量控制、动态管理”
pub fn special_drug_quota(ctx: &Ctx, app: &Application, _: &ActiveRule) -> Judgement {
    if app.kind != Kind::Pharmacy {
        return Judgement::not_this_kind(app);
    }
    if !app.categories().contains(Category::SpecialDrug) {
        return Judgement::na(words!("不是特药药店", "not a special-drug pharmacy"));
    }
    let moving = app.own_institution();
    let count = ctx
        .scenario
        .institutions
        .iter()
        .filter(|i| {
            i.designated
                && i.kind == Kind::Pharmacy
                && i.categories().contains(Category::SpecialDrug)
                && Some(i.id.as_str()) != moving
        })
        .count() as u64;
    let Some(quota) = ctx.params.special_drug_quota else {
        // "实行总量控制" without a number: the total is the text's to give, not the data's.
        return moving_note(ctx, app, Judgement::gap(Reading::NoQuota { count }, "special_drug_quota"));
    };
    let reading = Reading::Quota { count, quota };
    let j = if count >= quota { Judgement::fail(reading) } else { Judgement::pass(reading) };
    moving_note(
        ctx,
        app,
        j.note(words!("总量为用户设定，原文没有数字", "the quota is set by the user; the text gives no number")),
    )
}

/// (二)3(3)“医疗救助定点医疗机构按照上级规定，在医保定点医疗机构范围内按规定择优纳入”
pub fn medical_aid_designated_only(ctx: &Ctx, app: &Application, _: &ActiveRule) -> Judgement {
    if app.scope != Scope::MedicalAid {
        return Judgement::na(words!("不是医疗救助定点申请", "not a medical-aid application"));
    }
    let id = app.institution_id.as_deref().unwrap_or(&app.id);
    match ctx.scenario.institutions.iter().find(|i| i.id == id) {
        Some(i) if i.designated && i.kind.is_medical() => Judgement::pass(Text::new(
            format!("{id}是医保定点医疗机构，可在其范围内择优纳入医疗救助定点"),
            format!("{id} is a designated medical institution: eligible for medical-aid designation"),
        )),
        Some(_) => Judgement::fail(Text::new(
            format!("{id}不是医保定点医疗机构，医疗救助定点只在医保定点医疗机构范围内纳入"),
            format!("{id} is not a designated medical institution; medical-aid designation is only among those"),
        )),
        None => Judgement::fail(Text::new(
            format!("数据中没有{id}这家医保定点医疗机构"),
            format!("no designated medical institution {id} in the data"),
        )),
    }
}
