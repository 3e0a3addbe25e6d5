//! linyi-2025 三(四)1–2: new sites and address changes are judged under the plan as new
//! applications.

use super::{Ctx, Judgement};
use crate::policy::{ActiveRule, ChangeWithoutClause};
use crate::scenario::{Application, Change};
use crate::text::Text;
use crate::words;

/// 三(四)1“新增执业地点(新设分院区)的定点医疗机构视同新增定点，按照本规划执行”
pub fn new_site(_: &Ctx, app: &Application, _: &ActiveRule) -> Judgement {
    if app.change != Change::NewSite {
        return Judgement::na(words!("不是新增执业地点", "not a new practice site"));
    }
    if !app.kind.is_medical() {
        return Judgement::na(words!(
            "本条针对定点医疗机构新增执业地点；药店按新增申请审核",
            "the clause concerns medical institutions; a pharmacy is judged as a new application"
        ))
        .note(words!("视同新增申请", "judged as new"));
    }
    Judgement::pass(words!(
        "新增执业地点（新设分院区）视同新增定点，按本规划审核",
        "a new practice site (branch campus) is judged as a new designation under the plan"
    ))
    .note(words!("视同新增申请", "judged as new"))
}

/// 三(四)2“变更注册地址的定点医药机构，按照本规划执行”
pub fn address(ctx: &Ctx, app: &Application, _: &ActiveRule) -> Judgement {
    let Some(id) = app.moving_institution() else {
        return Judgement::na(words!("不是变更注册地址", "not an address change"));
    };
    let (zh, en) = super::proximity::named_site(ctx, id);
    Judgement::pass(Text::new(
        format!("变更注册地址，按新地址作为新增申请审核；原址{zh}不参与邻近判断"),
        format!("address change: judged as a new application at the new address; the old site{en} is left out of proximity tests"),
    ))
    .note(words!("视同新增申请；原址不计入为模拟器的解读", "judged as new; leaving out the old site is the simulator's reading"))
}

/// A plan with no clause on moves or new sites (xian-2025 规划目标和内容(二) lists what is planned
/// and says nothing of them): the outcome is the text's silence, unless the user borrows
/// linyi-2025 三(四)1–2 by the switch `change_without_clause`.
pub fn unregulated(ctx: &Ctx, app: &Application, _: &ActiveRule) -> Judgement {
    let what = match app.change {
        Change::New => return Judgement::na(words!("新增申请", "a new application")),
        Change::NewSite => words!("新增执业地点", "a new practice site"),
        Change::AddressChange => words!("变更注册地址", "an address change"),
    };
    let what = what.clone();
    match ctx.params.change_without_clause {
        ChangeWithoutClause::Gap => Judgement::gap(
            Text::new(
                format!("{}：本规划没有相应条款，条文未规定", what.zh),
                format!("{}: the plan has no clause on it; the text is silent", what.en),
            ),
            "change_without_clause",
        ),
        ChangeWithoutClause::AsNew => Judgement::pass(Text::new(
            format!("{}：借用临沂三(四)1–2的做法，视同新增申请审核；原址不参与邻近判断", what.zh),
            format!(
                "{}: judged as a new application, borrowing {}; the old site is left out of proximity tests",
                what.en,
                crate::policy::clauses::cite(crate::text::Lang::En, "linyi-2025 三(四)1–2")
            ),
        ))
        .switch("change_without_clause")
        .note(words!(
            "本规划原文无此规定，是模拟器借用的解读",
            "not in this plan's text: a reading the simulator borrows"
        )),
    }
}
