//! linyi-2025 三(二): retail pharmacies — the same-type rule and the area classes.

use super::proximity::{judge, moving_note, Neighbours, NeighboursOr};
use super::{Ctx, Judgement};
use crate::policy::{ActiveRule, SaturatedArea};
use crate::scenario::{Application, Kind};
use crate::spatial::AreaClass;
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
    let c = app.categories().label();
    moving_note(app, j.note(Text::new(format!("同类：至少一个类别相同（{}）", c.zh), format!("same type: at least one category in common ({})", c.en))))
}

/// Designated pharmacies sharing at least one category with the applicant.
pub fn same_type_neighbours(_: &Ctx, app: &Application) -> NeighboursOr {
    if app.kind != Kind::Pharmacy {
        return Err(Judgement::not_this_kind(app));
    }
    let cats = app.categories();
    Ok(Neighbours::new(Text::new("同类定点药店", "a designated pharmacy of the same type"), move |i| {
        i.designated && i.kind == Kind::Pharmacy && i.categories().intersects(cats)
    })
    .among(crate::spatial::Among::PharmacyCategories(cats)))
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
            let own = app.own_institution();
            let n = stat.pharmacy_ids.iter().filter(|&&i| Some(ctx.scenario.institutions[i].id.as_str()) != own).count();
            (n as u32, stat.population)
        }
        None => (0, 0),
    };
    let (class, per_10k) = AreaClass::classify(pharmacies, population, ctx.params);
    AreaReading { pharmacies, population, class, per_10k }
}

/// 三(二)“目前无定点零售药店的区域……优先纳入……相对不足的区域……纳入……相对饱和的区域……逐步优化”
pub fn area_class(ctx: &Ctx, app: &Application, _: &ActiveRule) -> Judgement {
    if app.kind != Kind::Pharmacy {
        return Judgement::not_this_kind(app);
    }
    let areas = ctx.areas;
    if !areas.has_population {
        return Judgement::missing("population_cells", Text::new("常住人口分布", "where residents live"));
    }
    let key = areas.key_at(app.lon, app.lat, app.area.as_deref());
    let AreaReading { pharmacies, population, class, per_10k } = read_area(ctx, app, &key);
    let p = ctx.params;
    let area = key.label();
    let size = if areas.by_admin {
        tr!("", "")
    } else {
        let m = num(areas.cell_m, 0);
        Text::new(format!("（{m} 米网格）"), format!(" ({m} m grid)"))
    };
    let density = match per_10k {
        Some(d) => Text::new(format!("每万人{}家", num(d, 2)), format!("{} per 10,000 residents", num(d, 2))),
        None => tr!("区域内无常住人口", "no residents in the area"),
    };
    let cl = class.label();
    let detail = Text::new(
        format!("{}{}：定点药店{}家，常住人口{}人，{}，属{}", area.zh, size.zh, pharmacies, population, density.zh, cl.zh),
        format!("{}{}: {} designated pharmacies, {} residents, {}: {}", area.en, size.en, pharmacies, population, density.en, cl.en),
    );
    let thresholds = Text::new(
        format!("阈值为假设：低于{}为相对不足，高于{}为相对饱和", num(p.pharmacy_insufficient_below_per_10k, 2), num(p.pharmacy_saturated_above_per_10k, 2)),
        format!(
            "thresholds are assumptions: below {} insufficient, above {} saturated",
            num(p.pharmacy_insufficient_below_per_10k, 2),
            num(p.pharmacy_saturated_above_per_10k, 2)
        ),
    );
    let j = match class {
        AreaClass::Blank => Judgement::priority(Text::new(
            format!("{}；无定点零售药店的区域，新开设且符合规划要求的优先纳入评估", detail.zh),
            format!("{}; in an area with no designated pharmacy a new one comes first", detail.en),
        )),
        AreaClass::Insufficient | AreaClass::Adequate => Judgement::pass(detail),
        AreaClass::Saturated => {
            let silent = Text::new(
                format!("{}；条文只说“逐步优化布局及密度”，未说是否受理", detail.zh),
                format!("{}; the text says only “gradually optimise”, not whether to accept", detail.en),
            );
            match p.saturated_pharmacy_area {
                SaturatedArea::Gap => Judgement::gap(silent, "saturated_pharmacy_area"),
                SaturatedArea::Pass => Judgement::pass(silent).switch("saturated_pharmacy_area"),
                SaturatedArea::Fail => Judgement::fail(silent).switch("saturated_pharmacy_area"),
            }
        }
    };
    j.note(thresholds)
}
