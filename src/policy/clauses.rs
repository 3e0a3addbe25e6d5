//! The index of the clauses dingdian implements: each clause id exactly as the presets and the
//! rule registries cite it, with the sentence of the text it rests on (quoted from the files in
//! `policy-texts/`; for 令2号 and 令3号, which are not there, the quotes verified in DESIGN.md).
//! A policymaker reads the text's own words next to the simulator's reading of them.

use serde::Serialize;

use crate::text::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Clause {
    /// As cited: `linyi-2025 三(一)1(1)(2)`, `令2号 第六条(一)`.
    pub id: &'static str,
    /// The text's words. Pieces of the clause that are not contiguous are joined by “……”.
    pub quote: &'static str,
    /// What the quote says, in English (a gloss, not a translation of record).
    pub gloss: &'static str,
}

impl Clause {
    /// The document the clause belongs to: `linyi-2025`, `令2号`, ….
    pub fn document(&self) -> &'static str {
        self.id.split_whitespace().next().unwrap_or(self.id)
    }

    pub fn text(&self) -> Text {
        Text::new(self.quote, self.gloss)
    }

    /// The contiguous pieces of the quote.
    pub fn pieces(&self) -> impl Iterator<Item = &'static str> {
        self.quote.split("……").filter(|p| !p.is_empty())
    }
}

const fn c(id: &'static str, quote: &'static str, gloss: &'static str) -> Clause {
    Clause { id, quote, gloss }
}

/// Every clause a preset or a rule may cite. A citation missing here fails a test.
pub static CLAUSES: &[Clause] = &[
    // 国家医疗保障局令第2号、第3号 (quotes as verified in DESIGN.md)
    c("令2号 第六条(一)", "正式运营至少3个月",
        "in formal operation for at least 3 months"),
    c("令2号 第六条(二)", "至少1名取得医师执业证书、乡村医生执业证书或中医(专长)医师资格证书且第一注册地在该医疗机构医师",
        "at least one physician with a practising certificate (or village doctor, or TCM specialty) first registered at the institution"),
    c("令2号 第六条(三)", "100张床位以上的医疗机构应设内部医保管理部门",
        "an institution with 100 beds or more shall set up an internal insurance department"),
    c("令3号", "应至少配备1名取得执业药师资格证书或具有药学、临床药学、中药学专业技术资格证书的药师",
        "at least one licensed pharmacist, or a pharmacist qualified in pharmacy, clinical pharmacy or TCM pharmacy"),
    // linyi-2025 临沂市基本医保定点医药机构资源配置规划(2025-2027)(征求意见稿)
    c("linyi-2025 二(三)1", "构建“15分钟医保服务圈”(指服务半径800米范围内,下同)",
        "build the “15-minute insurance service circle” (a service radius of 800 m, here and below)"),
    c("linyi-2025 三(一)1", "每千常住人口床位数目标值(以下简称“目标值”)为7.45张。基本医保需要千人床位数测算值(以下简称“测算值”),根据住院人次、平均住院日、病床使用率、总参保人数等因素计算。",
        "the target is 7.45 beds per 1,000 residents; the measured beds per 1,000 insured are worked out from admissions, average stay, bed utilisation and the number insured"),
    c("linyi-2025 三(一)1(1)(2)", "(1)当全市测算值<目标值和实际值时,以优化存量为主,暂停全市当年度医疗机构新增医保定点的受理和评估。(2)当全市测算值>目标值和实际值时,以优化增量为主,各县区基本医保定点床位数实行分县区配置管理,及时将符合条件的医疗机构纳入医保定点管理。",
        "(1) city measured below both target and actual: new designations of medical institutions are suspended city-wide for the year; (2) above both: designated beds are allocated by county and eligible institutions taken in"),
    c("linyi-2025 三(一)1①", "当出现下列情形之一时,暂停县域内本年度新增住院医保定点受理评估:①上年度基本医保定点千人测算床位数小于每千常住人口目标床位数的;",
        "new inpatient designations in the county are suspended for the year when ① last year's measured beds per 1,000 are below the target"),
    c("linyi-2025 三(一)1②", "当出现下列情形之一时,暂停县域内本年度新增住院医保定点受理评估:……②“15分钟医保服务圈”范围内已有同类型综合性或专科定点医疗机构的。",
        "new inpatient designations in the county are suspended for the year when ② a designated general or specialty institution of the same type is already within the 15-minute circle"),
    c("linyi-2025 三(一)2", "在“15分钟医保服务圈”范围内有提供门诊服务的定点医疗机构的,不再受理仅提供门诊服务的新增定点申请。仅申请开通职工医保个人账户结算服务的医疗机构(指门诊部或诊所)按照本规划执行。",
        "where a designated outpatient provider is within the circle, no new outpatient-only application is accepted; one applying only for personal-account settlement (outpatient department or clinic) follows the plan too"),
    c("linyi-2025 三(一)2 ¶2", "按照《临沂市“十四五”医疗卫生服务体系规划》设立的乡镇卫生院、社区卫生服务中心(包括一体化管理的社区卫生服务站、村卫生室)以及高等院校等内设医疗机构符合条件的,可优先纳入医保定点。",
        "township and community health centres set up under the health plan (with stations and village clinics under integrated management) and in-university clinics may be designated first"),
    c("linyi-2025 三(二)", "“15分钟医保服务圈”范围内已有同类型定点零售药店的,不再受理新增定点申请。……目前无定点零售药店的区域,新开设且符合规划要求的零售药店,优先纳入基本医疗保险定点评估范围;目前定点零售药店相对不足的区域,新开设且符合条件的零售药店,纳入基本医疗保险定点评估范围;目前定点零售药店相对饱和的区域,按照区域常住人口购药需求逐步优化定点零售药店的布局及密度。",
        "no new application where a designated pharmacy of the same type is within the circle; in areas with none, new pharmacies come first; where relatively insufficient, they are assessed; where relatively saturated, layout and density are gradually optimised"),
    c("linyi-2025 三(三)1", "当出现下列情形之一时,暂停全市当年度医药机构新增医保定点的受理和评估:1.居民或职工医保基金上年度出现赤字;",
        "new designations are suspended city-wide for the year when 1. the resident or employee fund was in deficit last year"),
    c("linyi-2025 三(三)2", "当出现下列情形之一时,暂停全市当年度医药机构新增医保定点的受理和评估:……2.收到上级医保部门基金运行风险预警函;",
        "… when 2. a fund-risk warning letter came from a higher insurance authority"),
    c("linyi-2025 三(三)3", "3.上年度医保基金结余可支付月数低于国家规定最低月数(职工医保统筹基金不低于12个月、居民医保基金不低于6个月)。",
        "… when 3. last year's fund balance covers fewer months than the national minimum (employee pooled fund 12, resident fund 6)"),
    c("linyi-2025 三(四)1", "新增执业地点(新设分院区)的定点医疗机构视同新增定点,按照本规划执行。",
        "a designated institution adding a practice site (a new branch campus) is treated as a new designation under the plan"),
    c("linyi-2025 三(四)2", "变更注册地址的定点医药机构,按照本规划执行。",
        "a designated institution changing its registered address follows the plan"),
    c("linyi-2025 三(四)3", "列入中央、省、市重点建设项目的医疗机构,不受本规划限制,可按规定纳入医保定点评估范围。",
        "medical institutions listed as central, provincial or municipal key construction projects are not limited by the plan and may be assessed for designation"),
    c("linyi-2025 附件", "基金调节系数=基金可支付月数÷基金安全要求可支付月数……患者调节系数=(本地参保人在本地出院人次-本地参保人在异地出院人次+异地参保人在本地出院人次)÷本地参保人在本地出院人次",
        "fund coefficient = months payable ÷ months required for fund safety; patient coefficient = (local insured discharged locally − local insured discharged elsewhere + non-local insured discharged locally) ÷ local insured discharged locally"),
    // xian-2025 西安市医疗保障定点医药服务资源配置工作规划(2025-2027)(征求意见稿)
    c("xian-2025 规划目标和内容(二)", "（二）规划内容",
        "the plan's content: its three parts (inpatient institutions; pharmacies, outpatient departments and clinics; others) say nothing of address changes or new practice sites"),
    c("xian-2025 规划目标和内容(二)1", "按照规划原则，对住院定点医疗机构严格控制增量。对市卫生健康部门确定的分布不均衡区域内的住院医疗机构及短板资源类住院医疗机构，可优先按规定纳入医保定点管理。",
        "growth of designated inpatient institutions is strictly controlled; those in areas the health commission finds unevenly served, or of shortage types, may be designated first"),
    c("xian-2025 规划目标和内容(二)2", "我市现有定点零售药店和门诊部、诊所等定点医药机构总量已满足参保群众服务需求，本规划期内原则上不再新增。对参保人员步行15分钟有效活动半径范围内没有同类型医药机构的可按规定择优纳入。",
        "designated pharmacies, outpatient departments and clinics already meet demand: in principle none new in the plan period; where no institution of the same type lies within a 15-minute walk, the best may be taken in"),
    c("xian-2025 规划目标和内容(二)3(1)", "（1）列入省市政府重点建设项目的医疗机构和按照卫生规划设立的社区卫生服务中心、社区卫生服务站、乡镇卫生院（含一体化管理的村卫生室），以及高等院校、养老机构内设医疗机构，优先按规定纳入医保定点协议管理，不受本规划限制。",
        "provincial and municipal key projects, community health centres and stations, township health centres (with integrated village clinics), in-university and elderly-care-home clinics come first and are not limited by the plan"),
    c("xian-2025 规划目标和内容(二)3(2)", "（2）特药定点零售药店根据特药管理要求，结合重特大疾病患者用药需求，实行总量控制、动态管理。",
        "special-drug pharmacies: total quantity control and dynamic management, by the needs of patients with serious illness"),
    c("xian-2025 规划目标和内容(二)3(3)", "（3）医疗救助定点医疗机构按照上级规定，在医保定点医疗机构范围内按规定择优纳入。",
        "medical-aid designations are chosen from among the insurance-designated institutions"),
    // linyi-2019 临医保发〔2019〕74号
    c("linyi-2019 政策措施(二)", "定点医疗机构要加强内设医保机构和队伍建设，成立医保办，全面负责本医疗机构医疗保障服务的监督和管理，100张床位及以下的医疗机构最少配备1人，101张-1000张床位的原则上不少于3人，1000张床位以上的原则上不少于5人。",
        "designated institutions set up an insurance office: at least 1 staff for 100 beds or fewer, in principle at least 3 for 101–1,000 beds, in principle at least 5 for 1,000 beds and above"),
    c("linyi-2019 政策措施(三)", "将管理差、技术水平低、服务质量不高、群众满意度差的退出去，将根据综合绩效评估排位靠后的退出去，将根据信用评价进入黑名单的退出去，将严重违法违规违反协议的退出去。……探索建立准入负面清单制度，对提供虚假申请材料的、已被解除医保服务协议的、列入失信黑名单的，三年内不受理医保定点申请。",
        "exit for poor management, low skill, poor service or poor satisfaction; for a bottom rank in the comprehensive assessment; for the credit blacklist; for serious violations. A negative list: false materials, a terminated agreement or the dishonesty blacklist bar applications for three years"),
    c("linyi-2019 政策措施(三)(五)", "对不符合布局规划要求的或规划区域内严重超额的，实行末位淘汰制。……医保经办机构要每年组织一次对医保定点医药机构的考核评价，根据考核评价结果和定点医疗机构布局规划，探索实行末位淘汰制。",
        "last-place elimination where institutions do not fit the layout plan or the area is severely over quota; a yearly assessment, and last-place elimination by its results and the layout plan"),
    c("linyi-2019 政策措施(四)", "协议有效期一般为三年。探索建立协议有效期长、短相结合的管理模式，协议期内无违法违规行为的，延长续约有效期",
        "an agreement is generally valid for three years; with no violation in the term, the renewal's term is extended"),
    // shandong-2024 鲁医保发〔2024〕39号
    c("shandong-2024 二(一)", "对经医共体管委会评估达到“六统一”(统一人事管理、财务管理、资产管理、业务管理、药品耗材目录、药品耗材配送)的县域医共体,实行医保基金总额付费。",
        "a county medical community found to meet the six unifications (personnel, finance, assets, operations, drug and consumables list, their distribution) is paid by global budget"),
    c("shandong-2024 二(二)", "按照增幅不超过统筹区当年医保基金收入增幅的原则……对因合理控费和加强健康管理出现医保基金支出降低的县域医共体,不降低下年度总额付费预算指标。原则上,县域外发生的医保基金支出应纳入县域医共体医保基金支出总额预算。",
        "growth not above the pooling area's fund-revenue growth; spending lowered by sensible cost control does not cut next year's budget; out-of-county spending counts in the budget"),
    c("shandong-2024 二(三)", "对产生的结余或超支费用,按协议约定留用或分担,结余留用资金作为县域医共体业务收入。……确因政策调整、县域医共体服务能力变化、重大公共卫生事件等客观因素导致医疗费用发生重大变化的,医保基金应给予合理补偿。",
        "a surplus is retained and an overspend shared as the agreement provides; overspend from objective causes shall be reasonably compensated by the fund"),
    c("shandong-2024 二(四)", "各统筹区医保经办机构可根据基金结余情况向县域医共体预付1个月左右的医保基金,缓解其资金运行压力。……要加强对县域医共体的履约考核……考核结果与年终清算超支分担和结余留用机制挂钩。",
        "the agency may advance about one month of fund to the community, as the fund balance allows; the community's performance is assessed, and the results are linked to the year-end sharing of overspend and retention of surplus"),
    c("shandong-2024 三(一)", "乡镇卫生院和县级医院居民医保住院报销比例原则上相差不低于10个百分点。",
        "resident inpatient reimbursement of township centres and county hospitals in principle differ by at least 10 percentage points"),
    c("shandong-2024 三(四)", "2025年年底前DIP基层病种和DRG基层病组分别不少于80个和20个",
        "by the end of 2025, at least 80 DIP primary-care diseases and 20 DRG primary-care groups"),
];

pub fn clause(id: &str) -> Option<&'static Clause> {
    CLAUSES.iter().find(|c| c.id == id)
}

/// The file of `policy-texts/` a document's clauses are quoted from; `None` for 令2号 and 令3号,
/// quoted from DESIGN.md.
pub fn policy_text_file(document: &str) -> Option<&'static str> {
    match document {
        "linyi-2025" => Some("linyi-2025-designation-plan-draft.txt"),
        "xian-2025" => Some("xian-2025-designation-plan-draft.txt"),
        "linyi-2019" => Some("linyi-2019-incentive-constraint.txt"),
        "shandong-2024" => Some("shandong-2024-county-community-global-budget.txt"),
        _ => None,
    }
}

/// A clause citation as a reader of `lang` reads it. Chinese: as cited. English: the document's
/// parts translated — `令2号 第六条(一)` → `Order No. 2 Art. 6(1)`, `linyi-2025 三(一)1①` →
/// `linyi-2025 Sec. III(1)1①`, `linyi-2019 政策措施(三)` → `linyi-2019 Measures (3)`,
/// `xian-2025 规划目标和内容(二)3(1)` → `xian-2025 Goals and contents (2)3(1)`, `附件` → `Annex`;
/// the document ids (`linyi-2025` …) and anything it does not know are kept as they are.
pub fn cite(lang: crate::text::Lang, citation: &str) -> std::borrow::Cow<'_, str> {
    match lang {
        crate::text::Lang::Zh => citation.into(),
        crate::text::Lang::En => cite_en(citation).into(),
    }
}

/// An English sentence that cites clauses in passing ("as cited in linyi-2025 三(三)3"), with
/// each citation read as `cite` reads it; Chinese text is returned as it is. The sentence's own
/// words are left alone: only citation parts (令N号, 第N条, (一), a section number after a space
/// or an opening parenthesis, the named headings) change.
pub fn cite_in(lang: crate::text::Lang, text: &str) -> std::borrow::Cow<'_, str> {
    cite(lang, text)
}

/// The value of a run of Chinese numerals up to 99 (`三` 3, `十二` 12, `二十` 20).
fn chinese_number(run: &str) -> Option<u32> {
    let digit = |c: char| "零一二三四五六七八九".chars().position(|d| d == c).map(|v| v as u32);
    let cs: Vec<char> = run.chars().collect();
    match cs.as_slice() {
        [a] if *a == '十' => Some(10),
        [a] => digit(*a),
        ['十', b] => Some(10 + digit(*b)?),
        [a, '十'] => Some(10 * digit(*a)?),
        [a, '十', b] => Some(10 * digit(*a)? + digit(*b)?),
        _ => None,
    }
}

fn roman(n: u32) -> String {
    const R: [(u32, &str); 9] =
        [(90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"), (0, "")];
    let (mut n, mut out) = (n, String::new());
    for &(v, s) in &R {
        while v > 0 && n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

fn cite_en(citation: &str) -> String {
    const HEADINGS: [(&str, &str); 3] =
        [("政策措施", "Measures "), ("规划目标和内容", "Goals and contents "), ("附件", "Annex")];
    let is_numeral = |c: char| "零一二三四五六七八九十".contains(c);
    let cs: Vec<char> = citation.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    // Whether a numeral here starts a reference (a section number) rather than continues one.
    let mut at_start = true;
    while i < cs.len() {
        let rest: String = cs[i..].iter().collect();
        if let Some((zh, en)) = HEADINGS.iter().find(|(zh, _)| rest.starts_with(zh)) {
            out.push_str(en);
            i += zh.chars().count();
            at_start = false;
            continue;
        }
        let c = cs[i];
        let run_end = |from: usize| (from..cs.len()).find(|&j| !is_numeral(cs[j])).unwrap_or(cs.len());
        match c {
            '令' => {
                // 令2号: the order's number.
                let end = (i + 1..cs.len()).find(|&j| cs[j] == '号');
                match end {
                    Some(e) if e > i + 1 && cs[i + 1..e].iter().all(|d| d.is_ascii_digit()) => {
                        out.push_str("Order No. ");
                        out.extend(&cs[i + 1..e]);
                        i = e + 1;
                    }
                    _ => {
                        out.push(c);
                        i += 1;
                    }
                }
            }
            '第' => {
                let e = run_end(i + 1);
                let n = chinese_number(&cs[i + 1..e].iter().collect::<String>());
                match (n, cs.get(e)) {
                    (Some(n), Some('条')) => {
                        out.push_str(&format!("Art. {n}"));
                        i = e + 1;
                    }
                    _ => {
                        out.push(c);
                        i += 1;
                    }
                }
            }
            '(' | '（' => {
                let e = run_end(i + 1);
                let n = chinese_number(&cs[i + 1..e].iter().collect::<String>());
                match (n, cs.get(e)) {
                    (Some(n), Some(')' | '）')) => {
                        out.push_str(&format!("({n})"));
                        i = e + 1;
                    }
                    _ => {
                        // A plain parenthesis: a section number may follow, "(三(一)1)".
                        out.push(c);
                        i += 1;
                        at_start = true;
                        continue;
                    }
                }
            }
            ')' | '）' => {
                out.push(')');
                i += 1;
            }
            '、' | '，' => {
                out.push_str(", ");
                i += 1;
                at_start = true;
                continue;
            }
            _ if is_numeral(c) && at_start => {
                let e = run_end(i);
                match chinese_number(&cs[i..e].iter().collect::<String>()) {
                    Some(n) => out.push_str(&format!("Sec. {}", roman(n))),
                    None => out.extend(&cs[i..e]),
                }
                i = e;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
        at_start = c.is_whitespace();
    }
    out
}

/// A text as compared with a quote: no whitespace (the texts wrap lines, and page breaks split
/// words), full-width ASCII forms as half-width (the texts mix `（一）` and `(一)`).
pub fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{builtin_presets, rule_families};
    use std::path::PathBuf;

    #[test]
    fn clause_ids_are_unique() {
        for (i, c) in CLAUSES.iter().enumerate() {
            assert!(!CLAUSES[..i].iter().any(|o| o.id == c.id), "CLAUSES lists \"{}\" twice", c.id);
            assert!(!c.quote.is_empty() && !c.gloss.is_empty(), "\"{}\" needs its quote and its gloss", c.id);
        }
    }

    #[test]
    fn every_clause_a_preset_or_a_rule_cites_is_in_the_index() {
        let add = "add it to CLAUSES in src/policy/clauses.rs with the sentence of the text it rests on";
        for (family, defs) in rule_families() {
            // A general rule with no origin clause (one no text of ours has) is cited only by the
            // preset that turns it on, which the loop below checks for the built-in ones.
            for d in defs.iter().filter(|d| !d.origin_clause.is_empty()) {
                assert!(
                    clause(d.origin_clause).is_some(),
                    "rule {} ({family}) cites \"{}\" as its origin clause, which is not in the clause index: {add}",
                    d.id,
                    d.origin_clause
                );
            }
        }
        for p in builtin_presets() {
            for (family, specs) in
                [("rules", &p.rules), ("assessment_rules", &p.assessment_rules), ("budget_rules", &p.budget_rules)]
            {
                for r in specs {
                    assert!(
                        clause(&r.clause).is_some(),
                        "preset {} cites \"{}\" for {} in {family}, which is not in the clause index: {add}",
                        p.id,
                        r.clause,
                        r.rule
                    );
                }
            }
        }
    }

    #[test]
    fn a_citation_the_index_lacks_is_found() {
        // The check above would pass on an empty preset list; this one shows that it looks.
        assert!(clause("linyi-2025 三(九)").is_none());
        assert!(clause("linyi-2025 三(二)").is_some());
    }

    /// `policy-texts/` beside the repository (`../shared/policy-texts` in CI), or where
    /// `DINGDIAN_POLICY_TEXTS` says.
    fn policy_texts_dir() -> Option<PathBuf> {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        std::env::var_os("DINGDIAN_POLICY_TEXTS")
            .map(PathBuf::from)
            .into_iter()
            .chain([root.join("../shared/policy-texts"), root.join("../../shared/policy-texts")])
            .find(|d| d.is_dir())
    }

    #[test]
    fn every_quote_occurs_in_its_text() {
        let Some(dir) = policy_texts_dir() else {
            println!(
                "NOTICE: policy-texts/ not found beside the repository (set DINGDIAN_POLICY_TEXTS): quotes not checked"
            );
            return;
        };
        let design = std::fs::read_to_string(dir.join("../DESIGN.md")).ok().map(|s| normalise(&s));
        for c in CLAUSES {
            let text = match policy_text_file(c.document()) {
                Some(file) => {
                    let path = dir.join(file);
                    normalise(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
                }
                None => match &design {
                    Some(d) => d.clone(),
                    None => {
                        println!("NOTICE: DESIGN.md not found beside policy-texts/: \"{}\" not checked", c.id);
                        continue;
                    }
                },
            };
            for piece in c.pieces() {
                assert!(
                    text.contains(&normalise(piece)),
                    "the quote of \"{}\" in src/policy/clauses.rs is not in {}: «{piece}»",
                    c.id,
                    policy_text_file(c.document()).unwrap_or("DESIGN.md")
                );
            }
        }
    }

    #[test]
    fn citations_read_in_english_with_their_parts_translated() {
        use crate::text::Lang;
        let en = |c: &str| cite(Lang::En, c).into_owned();
        assert_eq!(en("令2号 第六条(一)"), "Order No. 2 Art. 6(1)");
        assert_eq!(en("令3号"), "Order No. 3");
        assert_eq!(en("linyi-2025 三(一)1(1)(2)"), "linyi-2025 Sec. III(1)1(1)(2)");
        assert_eq!(en("linyi-2025 三(一)1①"), "linyi-2025 Sec. III(1)1①");
        assert_eq!(en("linyi-2025 三(一)2 ¶2"), "linyi-2025 Sec. III(1)2 ¶2");
        assert_eq!(en("linyi-2025 一(一)、三(一)1"), "linyi-2025 Sec. I(1), Sec. III(1)1");
        assert_eq!(en("linyi-2019 政策措施(三)(五)"), "linyi-2019 Measures (3)(5)");
        assert_eq!(en("xian-2025 规划目标和内容(二)3(1)"), "xian-2025 Goals and contents (2)3(1)");
        assert_eq!(en("linyi-2025 附件"), "linyi-2025 Annex");
        assert_eq!(en("shandong-2024 二（四）"), "shandong-2024 Sec. II(4)");
        assert_eq!(en("linyi-2025"), "linyi-2025");
        // Citations inside an English sentence; its quoted Chinese words stay.
        assert_eq!(
            cite_in(Lang::En, "the body (三(一)1) never says; as cited in linyi-2025 三(三)3 “三年内”"),
            "the body (Sec. III(1)1) never says; as cited in linyi-2025 Sec. III(3)3 “三年内”"
        );
        assert_eq!(
            cite_in(Lang::En, "linyi-2025 一(一), 三(一)1 “the target is 7.45”"),
            "linyi-2025 Sec. I(1), Sec. III(1)1 “the target is 7.45”"
        );
        assert_eq!(cite(Lang::Zh, "令2号 第六条(一)"), "令2号 第六条(一)");
        // Every clause of the index reads without a Chinese numeral left in English.
        for c in CLAUSES {
            let e = en(c.id);
            assert!(!e.chars().any(|ch| "一二三四五六七八九十令第条号".contains(ch)), "{} → {e}", c.id);
        }
    }

    #[test]
    fn normalising_ignores_line_breaks_and_the_width_of_punctuation() {
        assert_eq!(normalise("原则上不\n\n少于5人（一）"), normalise("原则上不少于5人(一)"));
        assert_ne!(normalise("不少于5人"), normalise("不少于3人"));
    }
}
