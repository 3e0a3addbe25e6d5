//! National conditions for every preset (国家医疗保障局令第2号 medical institutions, 第3号
//! pharmacies). They are eligibility conditions: they bind exempt applicants too.

use super::{Ctx, Detail, Judgement};
use crate::policy::ActiveRule;
use crate::scenario::{Application, Kind};
use crate::text::{num, Text};
use crate::tr;
use crate::words;

/// What the national conditions read.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Reading {
    OperatingMonths {
        months: f64,
        pharmacy: bool,
    },
    Physicians(u64),
    Pharmacists(u64),
    /// Beds, and whether an insurance department is in place (`None`: fewer than 100 beds).
    Beds {
        beds: u64,
        dept: Option<bool>,
    },
}

impl Reading {
    pub(crate) fn render(&self) -> Text {
        match *self {
            Reading::OperatingMonths { months: m, pharmacy } => {
                let (zh_at, en_at) =
                    if pharmacy { ("在注册地址", " at the registered address") } else { ("", "") };
                let months = num(m, 1);
                if m >= 3.0 {
                    Text::new(
                        format!("{zh_at}正式运营{months}个月，满3个月"),
                        format!("operating{en_at} for {months} months, at least 3"),
                    )
                } else {
                    Text::new(
                        format!("{zh_at}正式运营{months}个月，不足3个月"),
                        format!("operating{en_at} for {months} months, fewer than 3"),
                    )
                }
            }
            Reading::Physicians(n) => {
                tr!("第一注册地在本机构的医师{}名，至少1名", "{} physician(s) first registered here, at least 1"; n)
            }
            Reading::Pharmacists(n) => {
                tr!("配备药师{}名，至少1名", "{} pharmacist(s), at least 1"; n)
            }
            Reading::Beds { beds, dept: None } => {
                tr!("{}张床位，不足100张，不要求设医保管理部门", "{} beds, fewer than 100: no insurance department required"; beds)
            }
            Reading::Beds { beds, dept: Some(true) } => {
                tr!("{}张床位（100张以上），已设医保管理部门", "{} beds (100 or more), has an insurance department"; beds)
            }
            Reading::Beds { beds, dept: Some(false) } => {
                tr!("{}张床位（100张以上）但未设医保管理部门", "{} beds (100 or more) but no insurance department"; beds)
            }
        }
    }
}

impl From<Reading> for Detail {
    fn from(r: Reading) -> Self {
        Detail::of(super::Reading::National(r))
    }
}

/// 令2号 第六条(一)“正式运营至少3个月” / 令3号（在注册地址正式经营至少3个月）
pub fn operating_months(_: &Ctx, app: &Application, _: &ActiveRule) -> Judgement {
    let Some(m) = app.operating_months else {
        return Judgement::missing("operating_months", words!("正式运营月数", "months in operation"));
    };
    let reading = Reading::OperatingMonths { months: m, pharmacy: app.kind == Kind::Pharmacy };
    if m >= 3.0 {
        Judgement::pass(reading)
    } else {
        Judgement::fail(reading)
    }
}

/// 令2号 第六条(二)“至少1名取得医师执业证书、乡村医生执业证书或中医(专长)医师资格证书且第一注册地在该医疗机构医师”
pub fn physician(_: &Ctx, app: &Application, _: &ActiveRule) -> Judgement {
    if !app.kind.is_medical() {
        return Judgement::not_this_kind(app);
    }
    match app.physicians {
        None => {
            Judgement::missing("physicians", words!("第一注册地在本机构的医师人数", "physicians first registered here"))
        }
        Some(n) if n >= 1 => Judgement::pass(Reading::Physicians(n)),
        Some(_) => Judgement::fail(words!(
            "没有第一注册地在本机构的医师，至少需要1名",
            "no physician first registered here; at least 1 is required"
        )),
    }
}

/// 令3号“应至少配备1名取得执业药师资格证书或具有药学、临床药学、中药学专业技术资格证书的药师”
pub fn pharmacist(_: &Ctx, app: &Application, _: &ActiveRule) -> Judgement {
    if app.kind != Kind::Pharmacy {
        return Judgement::not_this_kind(app);
    }
    match app.pharmacists {
        None => Judgement::missing("pharmacists", words!("药师人数", "number of pharmacists")),
        Some(n) if n >= 1 => Judgement::pass(Reading::Pharmacists(n)),
        Some(_) => Judgement::fail(words!("未配备药师，至少需要1名", "no pharmacist; at least 1 is required")),
    }
}

/// 令2号 第六条(三)“100张床位以上的医疗机构应设内部医保管理部门”（以上含本数）
pub fn insurance_dept(_: &Ctx, app: &Application, _: &ActiveRule) -> Judgement {
    if !app.kind.is_medical() {
        return Judgement::not_this_kind(app);
    }
    let Some(beds) = app.beds else {
        return Judgement::missing("beds", words!("床位数", "number of beds"));
    };
    if beds < 100 {
        return Judgement::pass(Reading::Beds { beds, dept: None });
    }
    match app.insurance_dept {
        None => Judgement::missing(
            "insurance_dept",
            words!("是否设有医保管理部门", "whether it has an insurance department"),
        ),
        Some(true) => Judgement::pass(Reading::Beds { beds, dept: Some(true) }),
        Some(false) => Judgement::fail(Reading::Beds { beds, dept: Some(false) }),
    }
}
