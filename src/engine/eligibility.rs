//! Local eligibility conditions of linyi-2019 (临医保发〔2019〕74号): the admission negative list
//! and insurance-office staffing. They bind exempt applicants too.

use super::{Ctx, Detail, Judgement};
use crate::date::Date;
use crate::policy::ActiveRule;
use crate::scenario::{Application, NegativeReason};
use crate::text::Text;
use crate::text::Words;
use crate::words;

/// What the local eligibility conditions read.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Reading {
    /// A negative-list entry dated after the judging date.
    NotYetInForce {
        reason: NegativeReason,
        since: Date,
        as_of: Date,
    },
    /// Still barred, until `until`.
    Barred {
        reason: NegativeReason,
        since: Date,
        years: i32,
        until: Date,
    },
    /// The years barred have ended.
    Ended {
        reason: NegativeReason,
        since: Date,
        years: i32,
        until: Date,
    },
    Staffing {
        beds: u64,
        tier: Words,
        required: u64,
        staff: u64,
    },
}

impl Reading {
    pub(crate) fn render(&self) -> Text {
        match *self {
            Reading::NotYetInForce { reason, since, as_of } => {
                let reason = reason.label();
                Text::new(
                    format!("{}的日期{}晚于审核日{}，尚未生效", reason.zh, since, as_of),
                    format!("{} dated {} is after the judging date {}: not yet in force", reason.en, since, as_of),
                )
            }
            Reading::Barred { reason, since, years, until } => {
                let reason = reason.label();
                Text::new(
                    format!("{}（{}起），{}年内不受理，至{}止", reason.zh, since, years, until),
                    format!(
                        "{} since {}: no application accepted for {} years, until {}",
                        reason.en, since, years, until
                    ),
                )
            }
            Reading::Ended { reason, since, years, until } => {
                let reason = reason.label();
                Text::new(
                    format!("{}（{}起）已满{}年（{}届满）", reason.zh, since, years, until),
                    format!("{} since {}: the {} years ended on {}", reason.en, since, years, until),
                )
            }
            Reading::Staffing { beds, tier, required, staff } => Text::new(
                format!("{}张床位（{}）要求医保办至少{}人，现有{}人", beds, tier.zh, required, staff),
                format!(
                    "{} beds ({}) require at least {} insurance-office staff; has {}",
                    beds, tier.en, required, staff
                ),
            ),
        }
    }
}

impl From<Reading> for Detail {
    fn from(r: Reading) -> Self {
        Detail::of(super::Reading::Eligibility(Box::new(r)))
    }
}

/// 政策措施(三)“对提供虚假申请材料的、已被解除医保服务协议的、列入失信黑名单的，三年内不受理医保定点申请”
pub fn negative_list(ctx: &Ctx, app: &Application, _: &ActiveRule) -> Judgement {
    let Some(entry) = &app.negative_list else {
        return Judgement::na(words!("申请未列明负面清单情形", "no negative-list entry stated"));
    };
    // Validation guarantees the date; a bad one here would be a bug upstream, so say so plainly.
    let Some(since) = Date::parse(&entry.since) else {
        return Judgement::missing("negative_list.since", words!("列入日期", "date listed"));
    };
    let years = ctx.params.negative_list_years;
    let until = since.add_years(years);
    let reason = entry.reason;
    let j = if since > ctx.as_of {
        Judgement::pass(Reading::NotYetInForce { reason, since, as_of: ctx.as_of })
    } else if ctx.as_of < until {
        Judgement::fail(Reading::Barred { reason, since, years, until })
    } else {
        Judgement::pass(Reading::Ended { reason, since, years, until })
    };
    // An entry an assessment exit left under one reading of “已被解除医保服务协议” says so.
    match entry.switch.as_deref().and_then(crate::policy::param_def) {
        Some(def) => j.switch(def.id).note(words!(
            "本条负面清单来自年度考核退出：该退出是否算“已被解除医保服务协议”原文未说，取决于解释开关",
            "this entry comes from an assessment exit: whether that exit counts as “agreement terminated” the text does not say; a switch decides"
        )),
        None => j,
    }
}

/// 政策措施(二)“100张床位及以下的医疗机构最少配备1人，101张-1000张床位的原则上不少于3人，1000张床位以上的原则上不少于5人”
pub fn insurance_office_staffing(ctx: &Ctx, app: &Application, _: &ActiveRule) -> Judgement {
    if !app.kind.is_medical() {
        return Judgement::not_this_kind(app);
    }
    let Some(beds) = app.beds else {
        return Judgement::missing("beds", words!("床位数", "number of beds"));
    };
    let Some(staff) = app.insurance_office_staff else {
        return Judgement::missing("insurance_office_staff", words!("医保办工作人员数", "insurance office staff"));
    };
    let p = ctx.params;
    let (required, tier, at_overlap) = match beds {
        0..=100 => (p.staffing_min_up_to_100_beds, words!("100张床位及以下", "100 beds or fewer"), false),
        1000 => {
            let r = if p.staffing_at_1000_beds == 5 {
                p.staffing_min_over_1000_beds
            } else {
                p.staffing_min_101_to_1000_beds
            };
            (r, words!("恰好1000张床位", "exactly 1,000 beds"), true)
        }
        101..=999 => (p.staffing_min_101_to_1000_beds, words!("101–1000张床位", "101–1,000 beds"), false),
        _ => (p.staffing_min_over_1000_beds, words!("1000张床位以上", "over 1,000 beds"), false),
    };
    let detail = Reading::Staffing { beds, tier, required, staff };
    let mut j = if staff >= required {
        Judgement::pass(detail)
    } else if p.staffing_is_admission_condition {
        Judgement::fail(detail).switch("staffing_is_admission_condition")
    } else {
        Judgement::pass(detail)
            .note(words!(
                "人员不足，但按当前解释不作为受理条件（仅提示）",
                "understaffed, but under the current reading not an admission condition (a warning)"
            ))
            .switch("staffing_is_admission_condition")
    };
    if at_overlap {
        j = j.switch("staffing_at_1000_beds");
    }
    j
}
