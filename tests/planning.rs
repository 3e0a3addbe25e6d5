//! Planning outputs: the annual acceptance plan (linyi-2025 四(一)) and suggested sites, each
//! checked against the engine's own decisions.

mod common;

use common::*;
use dingdian::date::Date;
use dingdian::engine::prepared::Prepared;
use dingdian::engine::surface::placed;
use dingdian::planning::{annual_plan, suggest_sites, InpatientStatus, SiteSearch, SiteSpec, Suggestions};
use dingdian::policy::Policy;
use dingdian::scenario::{Category, Institution, Kind, PopulationCell, Scenario};
use dingdian::Outcome;

fn today() -> Date {
    Date::new(2026, 3, 1).unwrap()
}

fn county_cell(sc: &mut Sc, p: (f64, f64), population: u64, county: &str) {
    sc.s.population_cells.push(PopulationCell {
        lon: p.0,
        lat: p.1,
        population,
        county: Some(county.into()),
        area: None,
    });
}

/// The scenario with the first `n` suggested sites added as designated institutions of the kind.
fn with_sites(s: &Scenario, spec: SiteSpec, sites: &Suggestions, n: usize) -> Scenario {
    let mut s = s.clone();
    let t = spec.template();
    for (k, site) in sites.greedy.sites[..n].iter().enumerate() {
        let c = &s.population_cells[site.cell];
        s.institutions.push(Institution {
            id: format!("site-{k}"),
            name: None,
            kind: t.kind,
            category: t.category,
            specialty: None,
            subtype: None,
            integrated: None,
            lon: c.lon,
            lat: c.lat,
            county: c.county.clone(),
            area: c.area.clone(),
            designated: true,
            beds: None,
            provides_outpatient: None,
        });
    }
    s
}

fn small_synthetic() -> (Scenario, Policy) {
    use dingdian::synth::{synth_scenario, SampleCity, SynthSpec};
    let mut s = synth_scenario(&SynthSpec::published(SampleCity::Linyi, 4000.0));
    s.as_of = Some("2026-03-01".into());
    let policy = dingdian::scenario::resolve_policy(&s, |_| Err("no files".into())).unwrap();
    (s, policy)
}

/// 三(二)“‘15分钟医保服务圈’范围内已有同类型定点零售药店的，不再受理新增定点申请”: the greedy
/// first pick is the cell whose circle covers the three-cell cluster (300 residents) rather
/// than a side cell (200) or the lone far cell (250); the side cells then lie within the
/// radius of the first pick and are rejected, so the second pick is the far cell.
#[test]
fn greedy_picks_the_known_best_cell_first() {
    // Cells carry their county: the acceptance surface keys the county rule by county index.
    let mut sc = Sc::linyi();
    county_cell(&mut sc, ORIGIN, 100, "lanshan");
    county_cell(&mut sc, at(90.0, 500.0), 100, "lanshan");
    county_cell(&mut sc, at(270.0, 500.0), 100, "lanshan");
    county_cell(&mut sc, at(0.0, 20_000.0), 250, "lanshan");
    let policy = sc.policy();
    assert_eq!(policy.params.service_radius_m, 800.0);
    let spec = SiteSpec::new(Kind::Pharmacy);
    let out = suggest_sites(&sc.s, &policy, today(), spec, 5, 7);
    let g = &out.greedy;
    assert_eq!(g.sites[0].cell, 0, "{:?}", g.sites);
    assert_eq!(g.sites[0].added_population, 300);
    assert_eq!(g.sites[1].cell, 3);
    assert_eq!(g.sites[1].added_population, 250);
    assert_eq!(g.curve[..2], [300, 550]);
    // Nothing else is accepted: the side cells are within 800 m of the first site.
    assert_eq!(g.sites.len(), 2);
    assert!(g.exhausted);
    // The random run also stops when no cell is accepted, and never beats the greedy total here.
    assert!(out.random.curve.last().copied().unwrap_or(0) <= 550);
}

/// 三(二) same-type rule, and the acceptance surface of DESIGN §2: every suggested site is
/// accepted (or prioritized) when submitted as an application with the suggestions before it
/// already designated; and no two suggestions lie within the same-type radius of each other.
#[test]
fn every_suggested_site_is_accepted_and_respects_the_same_type_radius() {
    let (s, policy) = small_synthetic();
    for spec in [
        SiteSpec::new(Kind::Pharmacy),
        SiteSpec { category: Some(Category::Chronic), ..SiteSpec::new(Kind::Pharmacy) },
        SiteSpec::new(Kind::Outpatient),
    ] {
        let out = suggest_sites(&s, &policy, today(), spec, 6, 11);
        assert!(!out.greedy.sites.is_empty(), "{spec:?}");
        for (n, site) in out.greedy.sites.iter().enumerate() {
            let sn = with_sites(&s, spec, &out, n);
            let prep = Prepared::new(&sn, &policy, today());
            let c = &sn.population_cells[site.cell];
            let app = placed(&spec.template(), c.lon, c.lat, c.county.as_deref(), c.area.as_deref());
            let d = prep.decide(&app);
            assert!(
                matches!(d.outcome, Outcome::Accepted | Outcome::Prioritized),
                "site {n} of {spec:?}\n{}",
                show(&d)
            );
            assert_eq!(d.outcome, site.outcome);
        }
        let r = policy.params.service_radius_m;
        for (i, a) in out.greedy.sites.iter().enumerate() {
            for b in &out.greedy.sites[i + 1..] {
                assert!(dist((a.lon, a.lat), (b.lon, b.lat)) > r, "{spec:?}: two suggestions within {r} m");
            }
        }
        // The curve is the running total, non-decreasing.
        assert!(out.greedy.curve.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(out.greedy.curve.len(), out.greedy.sites.len());
    }
}

/// The step API gives the same sites as the batch function, one per call.
#[test]
fn the_step_api_matches_the_batch_result() {
    let (s, policy) = small_synthetic();
    let spec = SiteSpec::new(Kind::Pharmacy);
    let batch = suggest_sites(&s, &policy, today(), spec, 4, 3);
    let mut search = SiteSearch::greedy(&s, &policy, today(), spec);
    for want in &batch.greedy.sites {
        let got = search.step().expect("a site").clone();
        assert_eq!(&got, want);
    }
    assert_eq!(search.total_added(), batch.greedy.curve[3]);
}

/// 三(一)1“当出现下列情形之一时，暂停县域内本年度新增住院医保定点受理评估：①上年度基本医保定点千人
/// 测算床位数小于每千常住人口目标床位数的”: the plan's inpatient status is what deciding a new
/// inpatient application in the county gives, at the site the plan names.
#[test]
fn the_plan_inpatient_status_matches_a_decision_in_the_county() {
    let mut sc = Sc::linyi().county(county_measuring("low", 5.0));
    county_cell(&mut sc, ORIGIN, 5_000, "lanshan");
    county_cell(&mut sc, at(90.0, 3_000.0), 2_000, "lanshan");
    county_cell(&mut sc, at(180.0, 30_000.0), 4_000, "low");
    let sc = sc.inst(hospital("h1", ORIGIN).county("lanshan"));
    let policy = sc.policy();
    let plan = annual_plan(&sc.s, &policy, today(), 50);
    assert_eq!(plan.clause, "四(一)");
    let template = SiteSpec::new(Kind::InpatientGeneral).template();
    let prep = Prepared::new(&sc.s, &policy, today());
    for c in &plan.counties {
        let app = placed(&template, c.inpatient.lon, c.inpatient.lat, Some(&c.county), None);
        let d = prep.decide(&app);
        assert_eq!(d.outcome, c.inpatient.outcome, "{}", c.county);
    }
    let lanshan = plan.counties.iter().find(|c| c.county == "lanshan").unwrap();
    assert_eq!(lanshan.inpatient.status, InpatientStatus::Open);
    // The site chosen is not the one next to the existing hospital (same-type rule), but the other cell.
    assert!(dist((lanshan.inpatient.lon, lanshan.inpatient.lat), ORIGIN) > 2_000.0);
    let low = plan.counties.iter().find(|c| c.county == "low").unwrap();
    assert_eq!(low.inpatient.status, InpatientStatus::Suspended);
    let r = low.inpatient.deciding_rule.as_ref().unwrap();
    assert_eq!(r.rule, "inpatient.county_supply");
    // The rule by its title, the clause as the reader's language cites it.
    assert!(low.inpatient.text.zh.contains("县区床位测算值") && low.inpatient.text.zh.contains(&r.clause));
    assert!(
        low.inpatient.text.en.contains("county bed supply")
            && low.inpatient.text.en.contains("linyi-2025 Sec. III(1)1①")
    );
    assert!(!low.inpatient.text.en.contains("inpatient.county_supply"), "{}", low.inpatient.text.en);
}

/// 三(一)1 bed figures: the allowance is (measured − actual) per 1,000 × residents ÷ 1000, shown
/// as arithmetic; none when measured ≤ actual.
#[test]
fn the_bed_allowance_arithmetic() {
    let mut sc = Sc::linyi().county(county_measuring("low", 5.0));
    county_cell(&mut sc, ORIGIN, 1_000, "lanshan");
    county_cell(&mut sc, at(180.0, 30_000.0), 1_000, "low");
    let policy = sc.policy();
    let e = sc.eval();
    let plan = annual_plan(&sc.s, &policy, today(), 10);
    let lanshan = plan.counties.iter().find(|c| c.county == "lanshan").unwrap();
    let f = e.figures.county("lanshan").unwrap();
    let (m, a) = (f.measured_beds_per_1000.unwrap(), f.actual_beds_per_1000.unwrap());
    assert!(m > a);
    let want = (m - a) * 1_837_789.0 / 1000.0;
    let got = lanshan.beds.beds.unwrap();
    assert!((got - want).abs() < 1e-9, "{got} vs {want}");
    assert_eq!(lanshan.beds.whole_beds, Some(want.floor() as u64));
    for needle in ["1,837,789", &dingdian::text::num(m, 4), &dingdian::text::num(a, 4), &dingdian::text::num(want, 1)] {
        assert!(
            lanshan.beds.text.zh.contains(needle) && lanshan.beds.text.en.contains(needle),
            "{needle}: {:?}",
            lanshan.beds.text
        );
    }
    let low = plan.counties.iter().find(|c| c.county == "low").unwrap();
    assert!(low.beds.measured_per_1000.unwrap() <= low.beds.actual_per_1000.unwrap());
    assert_eq!(low.beds.beds, Some(0.0));
    assert_eq!(low.beds.whole_beds, Some(0));
    assert!(
        low.beds.text.zh.contains("无新增定点床位额度") && low.beds.text.en.contains("no designated-bed allowance")
    );
}

/// 三(一)1(2)“各县区基本医保定点床位数实行分县区配置管理” gives no method: the allowance says it is
/// the simulator's arithmetic, what it compares against, and the readings of the measured value.
#[test]
fn the_bed_allowance_is_labelled_as_the_simulators_arithmetic() {
    let mut sc = Sc::linyi();
    county_cell(&mut sc, ORIGIN, 1_000, "lanshan");
    let plan = annual_plan(&sc.s, &sc.policy(), today(), 10);
    let b = &plan.counties[0].beds;
    assert_eq!(b.assumption, "county_bed_allowance");
    // Measured against actual, not against the target.
    assert_eq!(b.compares_against, "actual_per_1000");
    assert!(
        b.reading.zh.contains("各县区基本医保定点床位数实行分县区配置管理") && b.reading.zh.contains("不是原文"),
        "{}",
        b.reading.zh
    );
    assert!(b.reading.en.contains("not with the target 7.45"), "{}", b.reading.en);
    assert_eq!(b.rests_on[0], "county_bed_allowance");
    assert!(
        b.rests_on.contains(&"bed_need_formula") && b.rests_on.contains(&"county_patient_coef_fallback"),
        "{:?}",
        b.rests_on
    );
    // Every reading is explained, by its name (never its id): the allowance's own in its text,
    // the others in the figures' readings.
    let figures = sc.eval().figures;
    let name = |id: &str| dingdian::policy::readings::label_of(id).expect("a named reading");
    for id in &b.rests_on[1..] {
        assert!(figures.readings.iter().any(|r| r.id == *id), "{id}");
        assert!(b.reading.en.contains(&*name(id).en) && b.reading.zh.contains(&*name(id).zh), "{id}");
        assert!(!b.reading.en.contains(id), "{id} by its name");
    }
    assert!(b.reading.zh.contains(&*name("county_bed_allowance").zh));
    // The table and the printout carry the label in a column of its own.
    let (headers, rows) = dingdian::planning::plan_rows(&plan, dingdian::text::Lang::Zh);
    let col = headers.iter().position(|h| h == "床位额度依据的解读（假设）").expect("a column for the reading");
    assert!(matches!(&rows[0][col], dingdian::planning::PlanCell::Text(t) if t.contains("县区定点床位额度")));
}

/// 三(三)“当出现下列情形之一时，暂停全市当年度医药机构新增医保定点的受理和评估：1.居民或职工医保
/// 基金上年度出现赤字”: a fund deficit closes every county, and the plan names fund.deficit;
/// no new pharmacy or outpatient institution can be accepted anywhere either.
#[test]
fn a_fund_suspension_closes_every_county() {
    let mut sc = Sc::linyi().county(county_measuring("low", 5.0)).fund(|f| f.resident_deficit = Some(true));
    county_cell(&mut sc, ORIGIN, 1_000, "lanshan");
    county_cell(&mut sc, at(180.0, 30_000.0), 1_000, "low");
    let policy = sc.policy();
    let plan = annual_plan(&sc.s, &policy, today(), 10);
    assert_eq!(plan.counties.len(), 2);
    for c in &plan.counties {
        assert_eq!(c.inpatient.status, InpatientStatus::Suspended, "{}", c.county);
        assert_eq!(c.inpatient.deciding_rule.as_ref().unwrap().rule, "fund.deficit");
        assert!(c.inpatient.text.zh.contains("基金赤字暂停受理"), "{}", c.inpatient.text.zh);
        assert_eq!(c.pharmacy.new_institutions, 0);
        assert_eq!(c.outpatient.new_institutions, 0);
        assert_eq!(c.pharmacy.limited_by.as_ref().unwrap().rule, "fund.deficit");
    }
}

/// 三(二): the count of new pharmacies the rules could accept is found by adding them one by
/// one; in a county of two cells 3 km apart both are accepted, then none; the area counts and
/// residents add up to the county's cells.
#[test]
fn pharmacy_capacity_is_tested_one_by_one() {
    let mut sc = Sc::linyi();
    county_cell(&mut sc, ORIGIN, 1_000, "lanshan");
    county_cell(&mut sc, at(90.0, 3_000.0), 500, "lanshan");
    county_cell(&mut sc, at(90.0, 3_300.0), 400, "lanshan");
    let policy = sc.policy();
    let plan = annual_plan(&sc.s, &policy, today(), 10);
    let c = &plan.counties[0];
    assert_eq!(c.pharmacy.new_institutions, 2);
    assert!(!c.pharmacy.capped);
    assert_eq!(c.pharmacy.limited_by.as_ref().unwrap().rule, "pharmacy.same_type_nearby");
    let residents: u64 = c.pharmacy_areas.iter().map(|a| a.residents).sum();
    assert_eq!(residents, 1_900);
    assert_eq!(c.cell_residents, 1_900);
    // A cap of 1 stops early and says so.
    let capped = annual_plan(&sc.s, &policy, today(), 1);
    assert_eq!(capped.counties[0].pharmacy.new_institutions, 1);
    assert!(capped.counties[0].pharmacy.capped);
}

/// Timing on the Xi'an synthetic city at 1 km cells (printed, not asserted).
#[test]
fn xian_fifty_suggestions_timing() {
    use dingdian::synth::{synth_scenario, SampleCity, SynthSpec};
    let mut s = synth_scenario(&SynthSpec::published(SampleCity::Xian, 1000.0));
    s.as_of = Some("2026-03-01".into());
    let policy = dingdian::scenario::resolve_policy(&s, |_| Err("no files".into())).unwrap();
    let t = std::time::Instant::now();
    let out = suggest_sites(&s, &policy, today(), SiteSpec::new(Kind::Pharmacy), 50, 1);
    eprintln!(
        "xian 1 km: {} cells, {} institutions; K=50 greedy+random in {:?}; greedy adds {}, random adds {}",
        s.population_cells.len(),
        s.institutions.len(),
        t.elapsed(),
        out.greedy.curve.last().copied().unwrap_or(0),
        out.random.curve.last().copied().unwrap_or(0)
    );
    assert!(out.greedy.sites.len() <= 50);
}

/// `dingdian plan`: the plan and suggestions as JSON; exit 2 on a bad option or scenario.
#[test]
fn the_plan_command() {
    let bin = env!("CARGO_BIN_EXE_dingdian");
    let scenario = fixtures().join("design-example.json");
    let out = std::process::Command::new(bin)
        .arg("plan")
        .arg(&scenario)
        .args(["--suggest", "2", "--seed", "5"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["plan"]["clause"], "四(一)");
    assert!(v["plan"]["counties"].as_array().is_some_and(|c| !c.is_empty()));
    assert_eq!(v["suggestions"]["seed"], 5);
    let bad = std::process::Command::new(bin).arg("plan").arg(&scenario).args(["--kind", "hospital"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--kind"));
    let cat = std::process::Command::new(bin)
        .arg("plan")
        .arg(&scenario)
        .args(["--kind", "outpatient", "--category", "chronic"])
        .output()
        .unwrap();
    assert_eq!(cat.status.code(), Some(2));
    let missing = std::process::Command::new(bin).args(["plan", "/no/such/scenario.json"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

/// The plan built step by step (the app's chunks) is the plan built at once; progress only
/// grows and ends at 1.
#[test]
fn the_plan_step_api_matches_the_batch_plan() {
    use dingdian::planning::{PlanBuilder, PlanPhase};
    let (s, policy) = small_synthetic();
    let batch = annual_plan(&s, &policy, today(), 30);
    let mut b = PlanBuilder::new(&s, &policy, today(), 30);
    let mut last = b.progress().fraction;
    assert_eq!(b.progress().phase, PlanPhase::Pharmacy);
    let mut steps = 0;
    let mut phases = vec![b.progress().phase];
    while b.step() {
        steps += 1;
        let p = b.progress();
        assert!(p.fraction >= last && p.fraction <= 1.0, "{last} then {}", p.fraction);
        last = p.fraction;
        if phases.last() != Some(&p.phase) {
            phases.push(p.phase);
        }
    }
    assert_eq!(b.progress().phase, PlanPhase::Done);
    assert!((b.progress().fraction - 1.0).abs() < 1e-12);
    assert!(steps >= 2, "one step per added institution, and the counties");
    assert_eq!(phases.first(), Some(&PlanPhase::Pharmacy));
    assert!(phases.contains(&PlanPhase::Outpatient));
    assert_eq!(b.finish(), batch);
}

/// The plan's table as CSV: UTF-8 with BOM and CRLF, a header and one row per county, the
/// county's status and counts as the plan says, and the clauses relied on (四(一) and the
/// rule that suspended the county).
#[test]
fn the_plan_as_csv() {
    use dingdian::planning::plan_csv;
    use dingdian::text::Lang;
    let mut sc = Sc::linyi().county(county_measuring("low", 5.0));
    county_cell(&mut sc, ORIGIN, 1_000, "lanshan");
    county_cell(&mut sc, at(90.0, 3_000.0), 500, "lanshan");
    county_cell(&mut sc, at(180.0, 30_000.0), 700, "low");
    let policy = sc.policy();
    let plan = annual_plan(&sc.s, &policy, today(), 10);
    let bytes = plan_csv(&plan, Lang::Zh);
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a byte-order mark for Excel");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.contains("\r\n"));
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    let col =
        |name: &str| headers.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}: {headers:?}"));
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), plan.counties.len());
    for (row, c) in rows.iter().zip(&plan.counties) {
        assert_eq!(row.len(), headers.len());
        assert_eq!(&row[col("区县代码")], c.county);
        assert_eq!(&row[col("新增住院定点")], c.inpatient.status.label().zh);
        assert_eq!(row[col("可受理新增定点零售药店（家）")].parse::<u64>().unwrap(), c.pharmacy.new_institutions);
        assert_eq!(row[col("可受理新增门诊定点机构（家）")].parse::<u64>().unwrap(), c.outpatient.new_institutions);
        assert_eq!(
            row[col("空白区域常住人口")].parse::<u64>().unwrap(),
            c.areas_of(dingdian::spatial::AreaClass::Blank).1
        );
        assert!(row[col("依据条款")].starts_with("linyi-2025 四(一)"));
    }
    let low = rows.iter().find(|r| &r[col("区县代码")] == "low").unwrap();
    assert_eq!(&low[col("新增住院定点")], "暂停受理");
    assert_eq!(&low[col("住院判定依据规则")], "县区床位测算值", "the rule by its title");
    assert!(low[col("依据条款")].contains(&low[col("住院判定依据条款")]));
    assert!(!low[col("住院判定依据条款")].is_empty());
    // English headers on request.
    let en = plan_csv(&plan, Lang::En);
    assert!(std::str::from_utf8(&en[3..]).unwrap().starts_with("county id,county,"));
}

/// The plan as an xlsx workbook: read back, one row per county under the header, numbers as
/// numbers.
#[test]
fn the_plan_as_xlsx() {
    use calamine::{open_workbook_auto_from_rs, Data, Reader};
    use dingdian::planning::{plan_rows, plan_xlsx};
    use dingdian::text::Lang;
    let (s, policy) = small_synthetic();
    let plan = annual_plan(&s, &policy, today(), 20);
    let bytes = plan_xlsx(&plan, Lang::Zh).unwrap();
    let mut book = open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names(), vec!["年度受理计划".to_string()]);
    let range = book.worksheet_range("年度受理计划").unwrap();
    let (headers, _) = plan_rows(&plan, Lang::Zh);
    assert_eq!(range.height(), plan.counties.len() + 1);
    assert_eq!(range.width(), headers.len());
    let col = headers.iter().position(|h| h == "可受理新增定点零售药店（家）").unwrap();
    for (k, c) in plan.counties.iter().enumerate() {
        assert_eq!(range.get((k + 1, 1)), Some(&Data::String(c.name.clone())));
        assert_eq!(range.get((k + 1, col)), Some(&Data::Float(c.pharmacy.new_institutions as f64)));
    }
}

/// `dingdian plan --format csv|xlsx`, and `--specialty` for specialty hospitals.
#[test]
fn the_plan_command_writes_csv_and_xlsx() {
    let bin = env!("CARGO_BIN_EXE_dingdian");
    let scenario = fixtures().join("design-example.json");
    let run = |args: &[&str]| std::process::Command::new(bin).arg("plan").arg(&scenario).args(args).output().unwrap();
    let csv = run(&["--format", "csv", "--cap", "5"]);
    assert!(csv.status.success(), "{}", String::from_utf8_lossy(&csv.stderr));
    assert!(csv.stdout.starts_with(b"\xEF\xBB\xBF\xE5\x8C\xBA\xE5\x8E\xBF"), "BOM then 区县");
    let en = run(&["--format", "csv", "--lang", "en", "--cap", "5"]);
    assert!(String::from_utf8_lossy(&en.stdout).contains("new pharmacies the rules could accept"));
    let xlsx = run(&["--format", "xlsx", "--cap", "5"]);
    assert!(xlsx.status.success());
    assert!(xlsx.stdout.starts_with(b"PK"), "a zip container");
    let both = run(&["--format", "csv", "--suggest", "2"]);
    assert_eq!(both.status.code(), Some(2));
    let sp = run(&["--kind", "inpatient_specialty", "--specialty", "paediatrics", "--suggest", "1", "--cap", "5"]);
    assert!(sp.status.success(), "{}", String::from_utf8_lossy(&sp.stderr));
    let v: serde_json::Value = serde_json::from_slice(&sp.stdout).unwrap();
    assert_eq!(v["suggestions"]["spec"]["specialty"], "paediatrics");
    let bad = run(&["--kind", "inpatient_specialty", "--specialty", "astrology"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--specialty"));
}
