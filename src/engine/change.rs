//! linyi-2025 三(四)1–2: new sites and address changes are judged under the plan as new
//! applications.

use crate::words;
use super::{Ctx, Judgement};
use crate::policy::ActiveRule;
use crate::scenario::{Application, Change};
use crate::text::Text;

/// 三(四)1“新增执业地点(新设分院区)的定点医疗机构视同新增定点，按照本规划执行”
pub fn new_site(_: &Ctx, app: &Application, _: &ActiveRule) -> Judgement {
    if app.change != Change::NewSite {
        return Judgement::na(words!("不是新增执业地点", "not a new practice site"));
    }
    if !app.kind.is_medical() {
        return Judgement::na(words!("本条针对定点医疗机构新增执业地点；药店按新增申请审核", "the clause concerns medical institutions; a pharmacy is judged as a new application"))
            .note(words!("视同新增申请", "judged as new"));
    }
    Judgement::pass(words!("新增执业地点（新设分院区）视同新增定点，按本规划审核", "a new practice site (branch campus) is judged as a new designation under the plan"))
        .note(words!("视同新增申请", "judged as new"))
}

/// 三(四)2“变更注册地址的定点医药机构，按照本规划执行”
pub fn address(_: &Ctx, app: &Application, _: &ActiveRule) -> Judgement {
    let Some(id) = app.moving_institution() else {
        return Judgement::na(words!("不是变更注册地址", "not an address change"));
    };
    Judgement::pass(Text::new(
        format!("变更注册地址，按新地址作为新增申请审核；原址（{id}）不参与邻近判断"),
        format!("address change: judged as a new application at the new address; the old site ({id}) is left out of proximity tests"),
    ))
    .note(words!("视同新增申请；原址不计入为模拟器的解读", "judged as new; leaving out the old site is the simulator's reading"))
}
