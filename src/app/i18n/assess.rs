//! The yearly assessment and exits of linyi-2019 (`app::assess`, `ui/assessment_panel.rs`).

use crate::text::Words;
use crate::words;

pub const AS_HEADING: Words = words!("年度考核与退出", "Annual assessment and exits");

pub const AS_CLAUSE_NOTE: Words = words!("临医保发〔2019〕74号 政策措施(三)(四)(五)", "linyi-2019 measures (3)(4)(5)",);

pub const AS_INTRO: Words = words!(
    "按考核结果判断每家定点机构是否退出（四退出、末位淘汰）、协议是否续签及续签多久，并看退出后哪些格网失去15分钟服务圈覆盖。参数在左侧参数表“年度考核与退出”一组。",
    "For each designated institution, decide from its assessment results whether it exits (the four exits, last-place elimination), whether its agreement renews and for how long, and which cells lose the 15-minute circle when the exits leave. The parameters are in the table on the left, group “Annual assessment and exits”.",
);
pub const AS_RECORDS: Words = words!("考核记录", "Assessment records");
pub const AS_RECORDS_UNIT: Words = words!("条", " records");
pub const AS_SOURCE_SYNTH: Words = words!("合成数据，种子 ", "synthetic, seed ");
pub const AS_SOURCE_FILE: Words = words!("文件 ", "file ");
pub const AS_SOURCE_EDITED: Words = words!("（已手工修改）", " (edited by hand)");
pub const AS_SYNTH_TAG: Words = words!("合成数据", "synthetic");

pub const AS_SYNTH_NOTE: Words = words!(
    "这些考核得分、满意度、黑名单和违规记录是按种子随机生成的演示数据，不是任何机构的真实考核结果。可载入真实记录文件或修改单条记录。",
    "These scores, satisfaction results, blacklist and violation records are demonstration data generated from a seed, not any institution's real assessment. Load a file of real records or edit a record.",
);
pub const AS_SEED: Words = words!("随机种子", "Seed");
pub const AS_LOAD: Words = words!("载入考核记录（JSON）", "Load records (JSON)");

pub const AS_LOAD_HINT: Words = words!(
    "格式同命令行 dingdian assess 的输入（其 institutions 数组），或直接一个记录数组；记录须对应当前数据中的定点机构。",
    "The input format of dingdian assess (its institutions array), or a bare array of records; each must name a designated institution of the data shown.",
);
pub const AS_FILE_REFUSED: Words = words!("文件未载入：", "File not loaded: ");
pub const AS_RUN: Words = words!("重新评估", "Assess again");
pub const AS_COMPUTING: Words = words!("正在评估……", "Assessing…");

pub const AS_STALE: Words = words!(
    "参数、数据或记录已改变，下列结果已过期；点“重新评估”更新。",
    "Parameters, data or records changed: the results below are out of date. Press “Assess again”.",
);
pub const AS_AS_OF: Words = words!("考核日期 ", "assessed on ");
pub const AS_ASSESSED: Words = words!("参加考核", "Assessed");
pub const AS_EXITS: Words = words!("退出", "Exit");
pub const AS_RENEWALS: Words = words!("续签协议", "Renew");
pub const AS_CONTINUING: Words = words!("协议继续有效", "Continue");
pub const AS_NEGATIVE: Words = words!("列入负面清单", "Negative-list entries");

pub const AS_NO_RULES: Words = words!(
    "本预设未开启年度考核规则（西安预设不含临医保发〔2019〕74号）；可在规则列表中逐条开启。",
    "This preset turns on no assessment rule (the Xi'an preset does not include linyi-2019); each can be turned on in the rule list.",
);
pub const AS_BY_RULE: Words = words!("各退出规则的退出数", "Exits per rule");
pub const AS_COL_RULE: Words = words!("规则", "Rule");
pub const AS_COL_CLAUSE: Words = words!("条款", "Clause");
pub const AS_COL_EXITS: Words = words!("退出数", "Exits");
pub const AS_COVERAGE: Words = words!("退出对覆盖的影响", "What the exits do to coverage");

pub const AS_COVERAGE_NOTE: Words =
    words!("退出机构不再定点后重算服务圈覆盖，半径 ", "Coverage recomputed without the exiting institutions, radius ",);
pub const AS_CELLS_LOSING: Words = words!("个格网失去覆盖", "cells lose coverage");
pub const AS_RESIDENTS_LOSING: Words = words!("名常住人口受影响", "residents affected");
pub const AS_SHOW_MAP: Words = words!("在地图上显示", "Show on the map");
pub const AS_COL_KIND: Words = words!("覆盖类型", "Coverage of");
pub const AS_COL_BEFORE: Words = words!("退出前覆盖人口", "Covered before");
pub const AS_COL_AFTER: Words = words!("退出后覆盖人口", "Covered after");
pub const AS_COL_CELLS: Words = words!("失去覆盖的格网", "Cells losing");
pub const AS_COL_RESIDENTS: Words = words!("失去覆盖的人口", "Residents losing");
pub const AS_EXITS_HEADING: Words = words!("退出的机构及原因", "Who exits, and why");
pub const AS_NO_EXITS: Words = words!("没有机构退出。", "No institution exits.");
pub const AS_NEG_ENTRY: Words = words!("列入负面清单：", "Negative list: ");
pub const AS_SINCE: Words = words!("，起始 ", ", since ");
pub const AS_TRACE: Words = words!("全部规则判定", "Every rule's verdict");
pub const AS_MORE: Words = words!("另有未列出的：", "Not listed here: ");
pub const AS_RENEWALS_HEADING: Words = words!("续签协议的机构", "Who renews, and for how long");

pub const AS_NO_RENEWALS: Words =
    words!("考核期内没有到期续签的协议。", "No agreement falls due for renewal before the next assessment.",);
pub const AS_COL_INSTITUTION: Words = words!("机构", "Institution");
pub const AS_COL_TERM_END: Words = words!("现协议到期", "Current term ends");
pub const AS_COL_RENEWAL: Words = words!("续签期限", "Renewal");
pub const AS_YEARS: Words = words!("年", "years");

pub const AS_EXTENDED: Words = words!("协议期内无违法违规，延长有效期", "no violation in the term: extended term",);

pub const AS_ORDINARY: Words = words!("协议期内有违规，按普通有效期", "a violation in the term: ordinary term",);
pub const AS_EDIT: Words = words!("修改记录", "Edit record");
pub const AS_EDITOR: Words = words!("修改一条考核记录", "Edit one record");
pub const AS_EDIT_ID: Words = words!("机构编号", "Institution id");

pub const AS_NO_RECORD: Words = words!("当前记录中没有这个机构编号。", "No record has this institution id.",);
pub const AS_F_SCORE: Words = words!("考核得分", "Assessment score");
pub const AS_F_SATISFACTION: Words = words!("满意度（%）", "Satisfaction (%)");
pub const AS_F_SERIOUS: Words = words!("本年严重违法违规次数", "Serious violations this year");
pub const AS_F_IN_TERM: Words = words!("协议期内违法违规次数", "Violations in the term");
pub const AS_F_START: Words = words!("协议起始日期（YYYY-MM-DD）", "Agreement start (YYYY-MM-DD)");
pub const AS_F_BLACKLISTED: Words = words!("信用评价列入黑名单", "On the credit blacklist");
pub const AS_E_SCORE: Words = words!("须为0或以上的数", "must be a number, 0 or more");
pub const AS_E_PCT: Words = words!("须为0到100之间的数", "must be a number from 0 to 100");
pub const AS_E_COUNT: Words = words!("须为0或正整数", "must be a whole number, 0 or more");
pub const AS_E_DATE: Words = words!("须为日期 YYYY-MM-DD", "must be a date YYYY-MM-DD");
pub const AS_REAPPLY: Words = words!("重新申请定点", "Apply again");

pub const AS_REAPPLY_HINT: Words = words!(
    "以退出机构的原址和负面清单记录新建一个申请，看准入规则如何判定（3年内不予受理）。",
    "Make an application from the exited institution at its old site with its negative-list entry, and see how admission judges it (rejected for 3 years).",
);

/// What the folded panel holds, on its summary line.
pub const AS_HOLDS: Words = words!(
    "内含：各定点机构的退出、协议续签及失去覆盖的格网",
    "Holds: each designated institution's exit, agreement renewal and the cells it leaves uncovered",
);
