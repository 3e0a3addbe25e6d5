//! linyi-2025 三(二): retail pharmacies — the same-type rule and the area classes.

use super::proximity::{judge, moving_note, Neighbours, NeighboursOr};
use super::{Ctx, Detail, Judgement};
use crate::policy::{ActiveRule, SaturatedArea};
use crate::scenario::{Application, Categories, Kind};
use crate::spatial::{Among, AreaClass, AreaKey};
use crate::text::{num, Text};
use crate::tr;
use crate::words;

/// 三(二)“‘15分钟医保服务圈’范围内已有同类型定点零售药店的，不再受理新增定点申请”
pub fn same_type_nearby(ctx: &Ctx, app: &Application, rule: &ActiveRule) -> Judgement {
    let n = match same_type_neighbours(ctx, app, rule) {
        Ok(n) => n,
        Err(j) => return j,
    };
    let p = judge(ctx, app, rule, &n);
    let j = if p.inside { Judgement::fail(p.detail) } else { Judgement::pass(p.detail) };
    moving_note(ctx, app, j.note(Reading::SameType(app.categories())))
}

/// Designated pharmacies sharing at least one category with the applicant (any pharmacy of the
/// category where the preset counts non-designated ones).
pub fn same_type_neighbours(_: &Ctx, app: &Application, rule: &ActiveRule) -> NeighboursOr {
    if app.kind != Kind::Pharmacy {
        return Err(Judgement::not_this_kind(app));
    }
    let cats = app.categories();
    Ok(if rule.count_non_designated {
        Neighbours::of(
            words!("同类药店（含未定点）", "a pharmacy of the same type (designated or not)"),
            Among::PharmacyCategories(cats),
        )
    } else {
        Neighbours::of(
            words!("同类定点药店", "a designated pharmacy of the same type"),
            Among::DesignatedPharmacyCategories(cats),
        )
    })
}

/// A minimum spacing between any two pharmacies, whatever their categories: a rule some regions'
/// plans set (e.g. "新开办药店与已有药店间距不少于…米"); no built-in text has it, so a preset that
/// turns it on cites its own clause and gives the spacing as the rule's `radius_m`.
pub fn min_spacing(ctx: &Ctx, app: &Application, rule: &ActiveRule) -> Judgement {
    let n = match spacing_neighbours(ctx, app, rule) {
        Ok(n) => n,
        Err(j) => return j,
    };
    let p = judge(ctx, app, rule, &n);
    let j = if p.inside { Judgement::fail(p.detail) } else { Judgement::pass(p.detail) };
    moving_note(ctx, app, j)
}

/// Every designated pharmacy (every pharmacy where the preset counts non-designated ones).
pub fn spacing_neighbours(_: &Ctx, app: &Application, rule: &ActiveRule) -> NeighboursOr {
    if app.kind != Kind::Pharmacy {
        return Err(Judgement::not_this_kind(app));
    }
    Ok(if rule.count_non_designated {
        Neighbours::of(
            words!("任何药店（不论类别，含未定点）", "a pharmacy of any category (designated or not)"),
            Among::Kind(Kind::Pharmacy),
        )
    } else {
        Neighbours::of(
            words!("任何定点药店（不论类别）", "a designated pharmacy of any category"),
            Among::DesignatedKind(Kind::Pharmacy),
        )
    })
}

/// A quota of designated pharmacies per category (a general form of Xi'an's special-drug quota,
/// for texts that set one per category): the applicant fails where any of its categories is full.
/// The moving pharmacy's own site is left out of the count (a move adds none).
pub fn category_quota(ctx: &Ctx, app: &Application, rule: &ActiveRule) -> Judgement {
    if app.kind != Kind::Pharmacy {
        return Judgement::not_this_kind(app);
    }
    let own = app.own_institution();
    let cats = app.categories();
    let mut read = Vec::new();
    for &(category, quota) in rule.quotas.iter().filter(|(c, _)| cats.contains(*c)) {
        let count = ctx
            .scenario
            .institutions
            .iter()
            .filter(|i| {
                i.designated
                    && i.kind == Kind::Pharmacy
                    && i.categories().contains(category)
                    && Some(i.id.as_str()) != own
            })
            .count() as u64;
        read.push((category, count, quota));
    }
    if read.is_empty() {
        return Judgement::na(words!("本条没有为申请人的类别设总量", "no quota is set for the applicant's categories"));
    }
    let line = |(c, count, quota): &(crate::scenario::Category, u64, u64)| {
        let l = c.label();
        Text::new(
            format!("{}定点药店{count}家，总量{quota}家", l.zh),
            format!("{count} designated {} pharmacies, quota {quota}", l.en),
        )
    };
    let full = read.iter().any(|(_, count, quota)| count >= quota);
    let detail = read.iter().map(line).reduce(|a, b| a.join(&b)).unwrap_or_else(|| Text::new("", ""));
    let detail = if full {
        detail.join(&tr!("已达总量", "a quota is full"))
    } else {
        detail.join(&tr!("未达总量", "below the quota"))
    };
    moving_note(ctx, app, if full { Judgement::fail(detail) } else { Judgement::pass(detail) })
}

/// An area as the applicant sees it: designated pharmacies (its own existing site left out),
/// residents, and the class they give.
pub struct AreaReading {
    pub pharmacies: u32,
    pub population: u64,
    pub class: AreaClass,
    pub per_10k: Option<f64>,
}

pub fn read_area(ctx: &Ctx, app: &Application, key: &crate::spatial::AreaKey) -> AreaReading {
    let (pharmacies, population) = match ctx.areas.stats.get(key) {
        Some(stat) => {
            let n = match app.own_institution() {
                None => stat.pharmacy_ids.len(),
                own => {
                    stat.pharmacy_ids.iter().filter(|&&i| Some(ctx.scenario.institutions[i].id.as_str()) != own).count()
                }
            };
            (n as u32, stat.population)
        }
        None => (0, 0),
    };
    let (class, per_10k) = AreaClass::classify(pharmacies, population, ctx.params);
    AreaReading { pharmacies, population, class, per_10k }
}

/// The applicant's area as the area-class rule read it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct AreaLine {
    key: AreaKey,
    grid_m: Option<f64>,
    pharmacies: u32,
    population: u64,
    per_10k: Option<f64>,
    class: AreaClass,
}

/// What the pharmacy rules read.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Reading {
    /// The note of the same-type rule: the applicant's categories.
    SameType(Categories),
    /// The applicant's area: its key (and grid size when not by administrative area), the
    /// designated pharmacies and residents in it, and the class they give.
    /// (Boxed: the largest reading, and one a decision per pharmacy.)
    Area(Box<AreaLine>),
    /// The two density thresholds (pharmacies per 10,000 residents).
    Thresholds { insufficient_below: f64, saturated_above: f64 },
}

impl Reading {
    pub(crate) fn render(&self) -> Text {
        match self {
            Reading::SameType(cats) => {
                let c = cats.label();
                Text::new(
                    format!("同类：至少一个类别相同（{}）", c.zh),
                    format!("same type: at least one category in common ({})", c.en),
                )
            }
            Reading::Area(line) => {
                let AreaLine { key, grid_m, pharmacies, population, per_10k, class } = &**line;
                let area = key.label();
                let size = match grid_m {
                    None => tr!("", ""),
                    Some(cell_m) => {
                        let m = num(*cell_m, 0);
                        Text::new(format!("（{m} 米网格）"), format!(" ({m} m grid)"))
                    }
                };
                let density = match per_10k {
                    Some(d) => {
                        Text::new(format!("每万人{}家", num(*d, 2)), format!("{} per 10,000 residents", num(*d, 2)))
                    }
                    None => tr!("区域内无常住人口", "no residents in the area"),
                };
                let cl = class.label();
                let detail = Text::new(
                    format!(
                        "{}{}：定点药店{}家，常住人口{}人，{}，属{}",
                        area.zh, size.zh, pharmacies, population, density.zh, cl.zh
                    ),
                    format!(
                        "{}{}: {} designated pharmacies, {} residents, {}: {}",
                        area.en, size.en, pharmacies, population, density.en, cl.en
                    ),
                );
                match class {
                    AreaClass::Blank => Text::new(
                        format!("{}；无定点零售药店的区域，新开设且符合规划要求的优先纳入评估", detail.zh),
                        format!("{}; in an area with no designated pharmacy a new one comes first", detail.en),
                    ),
                    AreaClass::Insufficient | AreaClass::Adequate => detail,
                    AreaClass::Saturated => Text::new(
                        format!("{}；条文只说“逐步优化布局及密度”，未说是否受理", detail.zh),
                        format!("{}; the text says only “gradually optimise”, not whether to accept", detail.en),
                    ),
                }
            }
            Reading::Thresholds { insufficient_below, saturated_above } => Text::new(
                format!(
                    "阈值为假设：低于{}为相对不足，高于{}为相对饱和",
                    num(*insufficient_below, 2),
                    num(*saturated_above, 2)
                ),
                format!(
                    "thresholds are assumptions: below {} insufficient, above {} saturated",
                    num(*insufficient_below, 2),
                    num(*saturated_above, 2)
                ),
            ),
        }
    }
}

impl From<Reading> for Detail {
    fn from(r: Reading) -> Self {
        Detail::of(super::Reading::Pharmacy(r))
    }
}

/// 三(二)“目前无定点零售药店的区域……优先纳入……相对不足的区域……纳入……相对饱和的区域……逐步优化”
pub fn area_class(ctx: &Ctx, app: &Application, _: &ActiveRule) -> Judgement {
    if app.kind != Kind::Pharmacy {
        return Judgement::not_this_kind(app);
    }
    let areas = ctx.areas;
    if !areas.has_population {
        return Judgement::missing("population_cells", words!("常住人口分布", "where residents live"));
    }
    let key = areas.key_at(app.lon, app.lat, app.area.as_deref());
    let AreaReading { pharmacies, population, class, per_10k } = read_area(ctx, app, &key);
    let p = ctx.params;
    let grid_m = (!areas.by_admin).then_some(areas.cell_m);
    let detail = Reading::Area(Box::new(AreaLine { key, grid_m, pharmacies, population, per_10k, class }));
    let thresholds = Reading::Thresholds {
        insufficient_below: p.pharmacy_insufficient_below_per_10k,
        saturated_above: p.pharmacy_saturated_above_per_10k,
    };
    let j = match class {
        AreaClass::Blank => Judgement::priority(detail),
        AreaClass::Insufficient | AreaClass::Adequate => Judgement::pass(detail),
        AreaClass::Saturated => match p.saturated_pharmacy_area {
            SaturatedArea::Gap => Judgement::gap(detail, "saturated_pharmacy_area"),
            SaturatedArea::Pass => Judgement::pass(detail).switch("saturated_pharmacy_area"),
            SaturatedArea::Fail => Judgement::fail(detail).switch("saturated_pharmacy_area"),
        },
    };
    j.note(thresholds)
}
