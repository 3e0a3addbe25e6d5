//! linyi-2025 三(二): retail pharmacies — the same-type rule and the area classes.

use crate::words;
use super::proximity::{judge, moving_note, Neighbours, NeighboursOr};
use super::{Ctx, Detail, Judgement};
use crate::policy::{ActiveRule, SaturatedArea};
use crate::scenario::{Application, Categories, Kind};
use crate::spatial::{AreaClass, AreaKey};
use crate::text::{num, Text};
use crate::tr;

/// 三(二)“‘15分钟医保服务圈’范围内已有同类型定点零售药店的，不再受理新增定点申请”
pub fn same_type_nearby(ctx: &Ctx, app: &Application, _: &ActiveRule) -> Judgement {
    let n = match same_type_neighbours(ctx, app) {
        Ok(n) => n,
        Err(j) => return j,
    };
    let p = judge(ctx, app, &n);
    let j = if p.inside { Judgement::fail(p.detail) } else { Judgement::pass(p.detail) };
    moving_note(app, j.note(Reading::SameType(app.categories())))
}

/// Designated pharmacies sharing at least one category with the applicant.
pub fn same_type_neighbours(_: &Ctx, app: &Application) -> NeighboursOr {
    if app.kind != Kind::Pharmacy {
        return Err(Judgement::not_this_kind(app));
    }
    let same_type = crate::spatial::Among::DesignatedPharmacyCategories(app.categories());
    Ok(Neighbours::of(words!("同类定点药店", "a designated pharmacy of the same type"), same_type))
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
                own => stat.pharmacy_ids.iter().filter(|&&i| Some(ctx.scenario.institutions[i].id.as_str()) != own).count(),
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
                Text::new(format!("同类：至少一个类别相同（{}）", c.zh), format!("same type: at least one category in common ({})", c.en))
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
                    Some(d) => Text::new(format!("每万人{}家", num(*d, 2)), format!("{} per 10,000 residents", num(*d, 2))),
                    None => tr!("区域内无常住人口", "no residents in the area"),
                };
                let cl = class.label();
                let detail = Text::new(
                    format!("{}{}：定点药店{}家，常住人口{}人，{}，属{}", area.zh, size.zh, pharmacies, population, density.zh, cl.zh),
                    format!("{}{}: {} designated pharmacies, {} residents, {}: {}", area.en, size.en, pharmacies, population, density.en, cl.en),
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
                format!("阈值为假设：低于{}为相对不足，高于{}为相对饱和", num(*insufficient_below, 2), num(*saturated_above, 2)),
                format!("thresholds are assumptions: below {} insufficient, above {} saturated", num(*insufficient_below, 2), num(*saturated_above, 2)),
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
    let thresholds =
        Reading::Thresholds { insufficient_below: p.pharmacy_insufficient_below_per_10k, saturated_above: p.pharmacy_saturated_above_per_10k };
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
