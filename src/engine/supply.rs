//! Bed supply, linyi-2025 三(一)1: the city's measured value against target and actual, and each
//! county's measured value against the target.

use super::{Ctx, Detail, Judgement};
use crate::policy::{ActiveRule, BetweenBand, SupplyScope};
use crate::scenario::{Application, Service};
use crate::text::{num, Text};
use crate::words;

/// Whether the city rule concerns the applicant: an inpatient provider under either scope, any
/// medical institution under `all_medical`; otherwise the judgement that says why not.
fn concerned(ctx: &Ctx, app: &Application) -> Result<(), Judgement> {
    if !app.kind.is_medical() {
        return Err(Judgement::not_this_kind(app));
    }
    match (app.service(), ctx.params.city_supply_scope) {
        (Some(Service::Inpatient), _) | (_, SupplyScope::AllMedical) => Ok(()),
        (Some(other), SupplyScope::Inpatient) => Err(Judgement::not_this_service(other).switch("city_supply_scope")),
        (None, SupplyScope::Inpatient) => Err(Judgement::beds_unstated().switch("city_supply_scope")),
    }
}

fn f2(x: f64) -> String {
    num(x, 2)
}

/// What the city bed-supply rule read: the measured value against target and actual.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Reading {
    City { measured: f64, target: f64, actual: f64 },
}

impl Reading {
    pub(crate) fn render(&self) -> Text {
        let Reading::City { measured, target, actual } = *self;
        let nums = Text::new(
            format!("全市测算值{}，目标值{}，实际值{}", f2(measured), f2(target), f2(actual)),
            format!("city measured {}, target {}, actual {}", f2(measured), f2(target), f2(actual)),
        );
        if measured < target && measured < actual {
            Text::new(
                format!("{}：测算值低于目标值和实际值，暂停全市新增定点受理评估", nums.zh),
                format!("{}: measured below both, new designations suspended city-wide", nums.en),
            )
        } else if measured > target && measured > actual {
            Text::new(
                format!("{}：测算值高于目标值和实际值，分县区配置", nums.zh),
                format!("{}: measured above both, beds allocated by county", nums.en),
            )
        } else {
            Text::new(
                format!("{}：测算值介于目标值与实际值之间（或相等），条文未规定", nums.zh),
                format!("{}: measured between target and actual (or equal to one); the text is silent", nums.en),
            )
        }
    }
}

impl From<Reading> for Detail {
    fn from(r: Reading) -> Self {
        Detail::of(super::Reading::Supply(r))
    }
}

/// 三(一)1(1)“当全市测算值<目标值和实际值时……暂停全市当年度医疗机构新增医保定点的受理和评估”；(2)“当全市测算值>目标值和实际值时……及时将符合条件的医疗机构纳入”
pub fn city_supply(ctx: &Ctx, app: &Application, _: &ActiveRule) -> Judgement {
    if let Err(j) = concerned(ctx, app) {
        return j;
    }
    let f = ctx.figures;
    let target = f.target_beds_per_1000;
    let Some(actual) = f.actual_beds_per_1000 else {
        return Judgement::missing(
            "city.open_beds, city.resident_population",
            words!("全市实际床位数", "the city's actual beds per 1,000"),
        );
    };
    let Some(measured) = f.measured_beds_per_1000 else {
        return Judgement::missing_text(
            &f.missing.join(", "),
            Text::new("全市测算值的输入", "inputs of the city's measured value"),
        );
    };
    let reading = Reading::City { measured, target, actual };
    let mut j = if measured < target && measured < actual {
        Judgement::suspend(reading)
    } else if measured > target && measured > actual {
        Judgement::pass(reading)
    } else {
        match ctx.params.between_band {
            BetweenBand::Gap => Judgement::gap(reading, "between_band"),
            BetweenBand::Suspend => Judgement::suspend(reading).switch("between_band"),
            BetweenBand::Pass => Judgement::pass(reading).switch("between_band"),
        }
    };
    if app.service() != Some(Service::Inpatient) {
        j = j.reading("city_supply_scope");
    }
    j
}

/// 三(一)1①“上年度基本医保定点千人测算床位数小于每千常住人口目标床位数的”，暂停县域内本年度新增住院医保定点受理评估
pub fn county_supply(ctx: &Ctx, app: &Application, _: &ActiveRule) -> Judgement {
    match Judgement::service_of(app) {
        Ok(Service::Inpatient) => {}
        Ok(other) => return Judgement::not_this_service(other),
        Err(j) => return j,
    }
    let Some(county_id) = app.county.as_deref() else {
        return Judgement::missing("county", words!("申请所在县区", "the applicant's county"));
    };
    let name = ctx
        .scenario
        .counties
        .iter()
        .find(|c| c.id == county_id)
        .map(|c| c.name.clone())
        .unwrap_or(county_id.to_string());
    let name_en = crate::place_names::county_label(crate::text::Lang::En, &name);
    let Some(cf) = ctx.figures.county(county_id) else {
        return Judgement::missing_text(
            &format!("counties[id={county_id}]"),
            Text::new("该县区的床位数据", "the county's bed figures"),
        );
    };
    let target = ctx.figures.target_beds_per_1000;
    let Some(measured) = cf.measured_beds_per_1000 else {
        return Judgement::missing_text(
            &cf.missing.join(", "),
            Text::new(format!("{name}测算值的输入"), format!("inputs of {name_en}'s measured value")),
        );
    };
    if measured < target {
        Judgement::suspend(Text::new(
            format!("{name}测算值{}小于目标值{}，暂停县域内新增住院定点受理评估", f2(measured), f2(target)),
            format!(
                "{name_en} measured {} below target {}: new inpatient designations suspended in the county",
                f2(measured),
                f2(target)
            ),
        ))
    } else {
        Judgement::pass(Text::new(
            format!("{name}测算值{}不小于目标值{}", f2(measured), f2(target)),
            format!("{name_en} measured {} not below target {}", f2(measured), f2(target)),
        ))
    }
}
