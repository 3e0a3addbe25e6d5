//! linyi-2025 三(三): conditions that suspend every new designation city-wide ("暂停全市当年度
//! 医药机构新增医保定点的受理和评估"), for every kind.

use super::{Ctx, Judgement};
use crate::policy::ActiveRule;
use crate::scenario::Application;
use crate::text::{num, Text};
use crate::tr;

/// 三(三)1“居民或职工医保基金上年度出现赤字”
pub fn deficit(ctx: &Ctx, _: &Application, _: &ActiveRule) -> Judgement {
    let fund = ctx.scenario.city.fund.unwrap_or_default();
    match (fund.employee_deficit, fund.resident_deficit) {
        (Some(true), _) | (_, Some(true)) => {
            let which = match (fund.employee_deficit, fund.resident_deficit) {
                (Some(true), Some(true)) => tr!("职工和居民医保基金", "employee and resident funds"),
                (Some(true), _) => tr!("职工医保基金", "employee fund"),
                _ => tr!("居民医保基金", "resident fund"),
            };
            Judgement::suspend(Text::new(
                format!("{}上年度出现赤字，暂停全市新增定点受理评估", which.zh),
                format!("{} in deficit last year: all new designations suspended city-wide", which.en),
            ))
        }
        (Some(false), Some(false)) => Judgement::pass(tr!("职工、居民医保基金上年度均无赤字", "no deficit in either fund last year")),
        (None, _) => Judgement::missing("city.fund.employee_deficit", Text::new("职工医保基金是否赤字", "whether the employee fund was in deficit")),
        (_, None) => Judgement::missing("city.fund.resident_deficit", Text::new("居民医保基金是否赤字", "whether the resident fund was in deficit")),
    }
}

/// 三(三)2“收到上级医保部门基金运行风险预警函”
pub fn warning_letter(ctx: &Ctx, _: &Application, _: &ActiveRule) -> Judgement {
    match ctx.scenario.city.fund.and_then(|f| f.warning_letter) {
        Some(true) => Judgement::suspend(tr!(
            "收到上级医保部门基金运行风险预警函，暂停全市新增定点受理评估",
            "a fund-risk warning letter from a higher authority: all new designations suspended city-wide"
        )),
        Some(false) => Judgement::pass(tr!("未收到基金运行风险预警函", "no fund-risk warning letter")),
        None => Judgement::missing("city.fund.warning_letter", Text::new("是否收到风险预警函", "whether a warning letter was received")),
    }
}

/// 三(三)3“上年度医保基金结余可支付月数低于国家规定最低月数(职工医保统筹基金不低于12个月、居民医保基金不低于6个月)”
pub fn months_below_minimum(ctx: &Ctx, _: &Application, _: &ActiveRule) -> Judgement {
    let fund = ctx.scenario.city.fund.unwrap_or_default();
    let (emin, rmin) = (ctx.params.employee_fund_min_months, ctx.params.resident_fund_min_months);
    let part = |months: Option<f64>, min: f64, zh: &str, en: &str| -> Option<(bool, Text)> {
        let m = months?;
        let ok = m >= min;
        let rel = if ok { "≥" } else { "<" };
        Some((
            ok,
            Text::new(format!("{zh}可支付{}个月{rel}{}", num(m, 2), num(min, 2)), format!("{en} {} months {rel} {}", num(m, 2), num(min, 2))),
        ))
    };
    let e = part(fund.employee_months, emin, "职工统筹基金", "employee fund");
    let r = part(fund.resident_months, rmin, "居民基金", "resident fund");
    let detail = match (&e, &r) {
        (Some((_, a)), Some((_, b))) => a.join(b),
        (Some((_, a)), None) | (None, Some((_, a))) => a.clone(),
        (None, None) => Text::default(),
    };
    let below = e.as_ref().is_some_and(|(ok, _)| !ok) || r.as_ref().is_some_and(|(ok, _)| !ok);
    if below {
        return Judgement::suspend(Text::new(
            format!("{}，低于最低月数，暂停全市新增定点受理评估", detail.zh),
            format!("{}: below the minimum, all new designations suspended city-wide", detail.en),
        ));
    }
    match (&e, &r) {
        (Some(_), Some(_)) => Judgement::pass(detail),
        (None, _) => Judgement::missing("city.fund.employee_months", Text::new("职工统筹基金可支付月数", "employee fund months payable")),
        (_, None) => Judgement::missing("city.fund.resident_months", Text::new("居民基金可支付月数", "resident fund months payable")),
    }
}
