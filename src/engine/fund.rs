//! linyi-2025 三(三): conditions that suspend every new designation city-wide ("暂停全市当年度
//! 医药机构新增医保定点的受理和评估"), for every kind.

use super::{Ctx, Detail, Judgement};
use crate::policy::ActiveRule;
use crate::scenario::Application;
use crate::text::Words;
use crate::text::{num, Text};
use crate::words;

/// What the fund conditions read.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Reading {
    /// Which fund (or both) was in deficit.
    Deficit(Words),
    /// Months payable against the minimum, for each fund given; `below`: either is under it.
    /// (Boxed: larger than a detail may be.)
    Months(Box<Months>),
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Months {
    employee: Option<(f64, f64)>,
    resident: Option<(f64, f64)>,
    below: bool,
}

impl Reading {
    pub(crate) fn render(&self) -> Text {
        match *self {
            Reading::Deficit(which) => Text::new(
                format!("{}上年度出现赤字，暂停全市新增定点受理评估", which.zh),
                format!("{} in deficit last year: all new designations suspended city-wide", which.en),
            ),
            Reading::Months(ref months) => {
                let Months { employee, resident, below } = **months;
                let part = |months: Option<(f64, f64)>, zh: &str, en: &str| -> Option<Text> {
                    let (m, min) = months?;
                    let rel = if m >= min { "≥" } else { "<" };
                    Some(Text::new(
                        format!("{zh}可支付{}个月{rel}{}", num(m, 2), num(min, 2)),
                        format!("{en} {} months {rel} {}", num(m, 2), num(min, 2)),
                    ))
                };
                let e = part(employee, "职工统筹基金", "employee fund");
                let r = part(resident, "居民基金", "resident fund");
                let detail = match (e, r) {
                    (Some(a), Some(b)) => a.join(&b),
                    (Some(a), None) | (None, Some(a)) => a,
                    (None, None) => Text::default(),
                };
                if below {
                    Text::new(
                        format!("{}，低于最低月数，暂停全市新增定点受理评估", detail.zh),
                        format!("{}: below the minimum, all new designations suspended city-wide", detail.en),
                    )
                } else {
                    detail
                }
            }
        }
    }
}

impl From<Reading> for Detail {
    fn from(r: Reading) -> Self {
        Detail::of(super::Reading::Fund(r))
    }
}

/// 三(三)1“居民或职工医保基金上年度出现赤字”
pub fn deficit(ctx: &Ctx, _: &Application, _: &ActiveRule) -> Judgement {
    let fund = ctx.scenario.city.fund.unwrap_or_default();
    match (fund.employee_deficit, fund.resident_deficit) {
        (Some(true), _) | (_, Some(true)) => {
            let which = match (fund.employee_deficit, fund.resident_deficit) {
                (Some(true), Some(true)) => {
                    words!("职工和居民医保基金", "employee and resident funds")
                }
                (Some(true), _) => words!("职工医保基金", "employee fund"),
                _ => words!("居民医保基金", "resident fund"),
            };
            Judgement::suspend(Reading::Deficit(which))
        }
        (Some(false), Some(false)) => {
            Judgement::pass(words!("职工、居民医保基金上年度均无赤字", "no deficit in either fund last year"))
        }
        (None, _) => Judgement::missing(
            "city.fund.employee_deficit",
            words!("职工医保基金是否赤字", "whether the employee fund was in deficit"),
        ),
        (_, None) => Judgement::missing(
            "city.fund.resident_deficit",
            words!("居民医保基金是否赤字", "whether the resident fund was in deficit"),
        ),
    }
}

/// 三(三)2“收到上级医保部门基金运行风险预警函”
pub fn warning_letter(ctx: &Ctx, _: &Application, _: &ActiveRule) -> Judgement {
    match ctx.scenario.city.fund.and_then(|f| f.warning_letter) {
        Some(true) => Judgement::suspend(words!(
            "收到上级医保部门基金运行风险预警函，暂停全市新增定点受理评估",
            "a fund-risk warning letter from a higher authority: all new designations suspended city-wide",
        )),
        Some(false) => Judgement::pass(words!("未收到基金运行风险预警函", "no fund-risk warning letter")),
        None => Judgement::missing(
            "city.fund.warning_letter",
            words!("是否收到风险预警函", "whether a warning letter was received"),
        ),
    }
}

/// 三(三)3“上年度医保基金结余可支付月数低于国家规定最低月数(职工医保统筹基金不低于12个月、居民医保基金不低于6个月)”
pub fn months_below_minimum(ctx: &Ctx, _: &Application, _: &ActiveRule) -> Judgement {
    let fund = ctx.scenario.city.fund.unwrap_or_default();
    let (emin, rmin) = (ctx.params.employee_fund_min_months, ctx.params.resident_fund_min_months);
    let employee = fund.employee_months.map(|m| (m, emin));
    let resident = fund.resident_months.map(|m| (m, rmin));
    let below = employee.is_some_and(|(m, min)| !(m >= min)) || resident.is_some_and(|(m, min)| !(m >= min));
    if below {
        return Judgement::suspend(Reading::Months(Box::new(Months { employee, resident, below })));
    }
    match (employee, resident) {
        (Some(_), Some(_)) => Judgement::pass(Reading::Months(Box::new(Months { employee, resident, below }))),
        (None, _) => Judgement::missing(
            "city.fund.employee_months",
            words!("职工统筹基金可支付月数", "employee fund months payable"),
        ),
        (_, None) => Judgement::missing(
            "city.fund.resident_months",
            words!("居民基金可支付月数", "resident fund months payable"),
        ),
    }
}
