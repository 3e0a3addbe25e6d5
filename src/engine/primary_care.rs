//! linyi-2025 三(一)2 ¶2: primary care comes first. Primary-care applicants are not subject to
//! the bed-supply and proximity rules of the other kinds (those apply by kind).

use crate::words;
use super::{Ctx, Judgement};
use crate::policy::ActiveRule;
use crate::scenario::{Application, Kind};
use crate::text::Text;

/// 三(一)2“按照《临沂市‘十四五’医疗卫生服务体系规划》设立的乡镇卫生院、社区卫生服务中心(包括一体化管理的社区卫生服务站、村卫生室)以及高等院校等内设医疗机构符合条件的，可优先纳入医保定点”
pub fn priority(_: &Ctx, app: &Application, rule: &ActiveRule) -> Judgement {
    if app.kind != Kind::PrimaryCare {
        return Judgement::not_this_kind(app);
    }
    let Some(st) = app.subtype else {
        return Judgement::missing("subtype", words!("基层机构类型", "the primary-care subtype"));
    };
    let label = st.label();
    match rule.subtypes.iter().find(|l| l.subtype == st) {
        Some(l) if l.integrated_only && app.integrated != Some(true) => Judgement::pass(Text::new(
            format!("{}须为一体化管理才优先纳入；未说明一体化管理", label.zh),
            format!("a {} comes first only under integrated management, which is not stated", label.en),
        )),
        Some(_) => Judgement::priority(Text::new(format!("{}，可优先纳入医保定点", label.zh), format!("{}: may come first", label.en))),
        None => Judgement::pass(Text::new(format!("{}不在本条列明的机构中", label.zh), format!("a {} is not listed by this clause", label.en)))
            .note(words!("按机构类型审核，不适用其他类型的床位和邻近规则", "judged by its kind: the bed and proximity rules of other kinds do not apply")),
    }
}
