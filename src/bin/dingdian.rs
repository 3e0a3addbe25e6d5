//! `dingdian`: the command line over the same engine as the app.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use dingdian::date::Date;
use dingdian::policy::{builtin_presets, Policy, PARAMETERS, RULES};
use dingdian::scenario::{parse, resolve_policy};

#[derive(Parser)]
#[command(
    name = "dingdian",
    version,
    about = "Simulates the rules that admit institutions to basic medical insurance as designated institutions (医保定点医药机构)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Judge every application of a scenario and print figures, decisions with traces and coverage as JSON.
    #[command(long_about = "Judge every application of a scenario and print one JSON document on stdout:\n\
  as_of      the date the applications were judged on (the scenario's, else today in Beijing time)\n\
  figures    bed figures of the city and each county: actual, target, required beds, measured\n\
             before and after the fund and patient coefficients, with every intermediate number;\n\
             rests_on names, figure by figure, the readings it rests on (switches and labelled\n\
             assumptions, explained under readings): the arithmetic of the measured value is the\n\
             simulator's reading of 三(一)1 and the annex, not a quote\n\
  decisions  one per application: outcome (accepted, prioritized, rejected, suspended,\n\
             undetermined) and the trace of every rule of the preset in order, each with rule id,\n\
             clause, verdict, and a detail sentence {zh, en} with the deciding numbers\n\
  coverage   share of the population within the service radius of a designated pharmacy,\n\
             outpatient provider and inpatient institution, city-wide, per county, per category\n\n\
The scenario format is DESIGN.md §3: policy (preset, file or inline, with overrides), city,\n\
counties, institutions, applications, population_cells, as_of. A preset file named by\n\
\"policy\": {\"file\": …} is read relative to the scenario.\n\n\
Exit status: 0 on success; 2 on a bad scenario, with a message on stderr naming the field path\n\
(e.g. applications[3].lat: 95 is outside -90..90) or the line and column of broken JSON.")]
    Evaluate {
        /// The scenario JSON file (`-` for standard input).
        scenario: PathBuf,
        /// Indent the output for reading.
        #[arg(long)]
        pretty: bool,
    },
    /// Write a seeded synthetic sample city (real county residents, synthetic locations) as a scenario.
    Synth {
        /// linyi or xian
        #[arg(long, value_parser = ["linyi", "xian"])]
        city: String,
        /// Spacing of population cells in metres (Xi'an at 184 m gives about 300,000 cells).
        #[arg(long, default_value_t = 500.0)]
        cell_m: f64,
        #[arg(long, default_value_t = 20250728)]
        seed: u64,
    },
    /// Assess designated institutions for the year: exits, renewals, negative-list entries, coverage lost.
    #[command(long_about = "Assess designated institutions under the yearly-assessment rules of linyi-2019\n\
(临医保发〔2019〕74号 政策措施(三)(四)(五)) and print one JSON document on stdout: per institution\n\
the outcome (exits, renews, continues), the exit rules that bit, the agreement term and any\n\
renewal, the negative-list entry an exit leaves (negative_list_switch names the switch it\n\
rests on when another reading would differ), and the trace of every assessment rule (an entry that rests on\n\
a switch or an assumed parameter names it); a summary; coverage before and after the\n\
exits and the population cells that lose it. Last-place elimination (末位淘汰) has two rules:\n\
exit.last_place (severely over quota) and exit.last_place_layout (not fitting the layout plan,\n\
from a record's fits_layout_plan); (五) only asks to explore it, and each such exit says so.\n\n\
The input (README, \"Assessment and settlement\") names a scenario (\"scenario\" inline or\n\
\"scenario_file\") and lists one record per assessed institution under \"institutions\".\n\n\
Exit status: 0 on success; 2 on a bad input, with a message on stderr naming the field path.")]
    Assess {
        /// The assessment JSON file (`-` for standard input).
        input: PathBuf,
        /// Indent the output for reading.
        #[arg(long)]
        pretty: bool,
    },
    /// Settle a county medical community's global budget for a year (shandong-2024) and project it.
    #[command(
        long_about = "Settle a county medical community's fund budget under 鲁医保发〔2024〕39号 and print one\n\
JSON document on stdout: eligibility (the six unifications), the budget (per-head standards\n\
capped by the revenue growth, times the people served), the year-end settlement (surplus\n\
retained, objective overspend compensated, reasonable overspend shared; a split the input leaves\n\
open is null and named under \"undetermined\"), the advance, the reimbursement-gap and DIP/DRG\n\
checks, an optional projection, \"rests_on\" (each figure's switches and assumed shares), and the\n\
trace of every budget rule.\n\n\
The input format is in README, \"Assessment and settlement\".\n\n\
Exit status: 0 on success; 2 on a bad input, with a message on stderr naming the field path."
    )]
    Settle {
        /// The settlement JSON file (`-` for standard input).
        input: PathBuf,
        /// Indent the output for reading.
        #[arg(long)]
        pretty: bool,
    },
    /// Import institutions, applications and population cells from CSV, xlsx or GeoJSON files into a scenario.
    #[command(long_about = "Read designated institutions, applications and population cells from the files bureaus\n\
publish and write a scenario JSON (DESIGN.md §3) on stdout; the row report goes to stderr.\n\n\
Files: CSV (UTF-8 with or without BOM, GBK/GB18030, UTF-16; comma or tab), workbooks (xlsx,\n\
xls; the first sheet or --sheet), GeoJSON (Point features; polygons go with --boundaries).\n\
Headers are recognised in Chinese and English (机构名称/name, 经度/lon, 纬度/lat, 类型/kind,\n\
区县/county, 床位数/beds, 类别/category, 是否定点/designated, 常住人口/population, 编号/id …),\n\
also under a title row; --mapping names others. Coordinates are converted to WGS-84 from\n\
--crs: wgs84, gcj02 (AMap, Tencent, DataV) or bd09 (Baidu), for every file or per file\n\
(--crs institutions=gcj02 --crs cells=wgs84).\n\n\
Without --into a new scenario is made (--preset, --city); counties named by the rows or by\n\
--boundaries are added. With --into, the imported lists replace the scenario's (or --upsert).\n\n\
Exit status: 0 on success; 2 when a file cannot be read, when any row is refused (each named\n\
by file, row, column and reason; --skip-bad-rows imports the others and exits 0), or when the\n\
result is not a valid scenario.")]
    Import(Box<ImportArgs>),
    /// Print each county's annual acceptance plan (年度受理计划) and, on request, suggested sites, as JSON.
    #[command(long_about = "Print one JSON document on stdout: under \"plan\", per county, whether new inpatient\n\
designations are open, suspended (naming the rule and clause) or undetermined (naming the\n\
switch), decided by the engine at a cell of the county; the designated-bed allowance\n\
(measured − actual) per 1,000 × residents ÷ 1000 with the arithmetic, labelled as the\n\
simulator's (assumption county_bed_allowance: 三(一)1(2) allocates beds by county without a\n\
method; it compares the measured value with the actual, not the target); the pharmacy areas by\n\
class and their residents; and how many new pharmacies and outpatient-only institutions the\n\
rules could still accept, each one tested by adding it and recomputing (up to --cap city-wide).\n\
With --suggest K, under \"suggestions\": up to K sites for --kind (and --category) the rules\n\
accept, chosen greedily to add the most covered residents, and K random accepted sites\n\
(--seed) for comparison.\n\n\
--format csv writes the plan instead as a table, one row per county (UTF-8 with BOM); --format\n\
xlsx as a workbook (binary, on stdout: redirect it to a file); --lang picks the headers' language.\n\n\
Exit status: 0 on success; 2 on a bad scenario or option, with a message on stderr.")]
    Plan {
        /// The scenario JSON file (`-` for standard input).
        scenario: PathBuf,
        /// The kind of the suggested sites: inpatient_general, inpatient_specialty, outpatient, primary_care, pharmacy.
        #[arg(long, default_value = "pharmacy")]
        kind: String,
        /// For pharmacies: ordinary, chronic or special_drug.
        #[arg(long)]
        category: Option<String>,
        /// For inpatient_specialty: the specialty (internal_medicine, surgery, paediatrics, …).
        #[arg(long)]
        specialty: Option<String>,
        /// json (the plan and any suggestions), csv or xlsx (the plan as a table).
        #[arg(long, default_value = "json", value_parser = ["json", "csv", "xlsx"])]
        format: String,
        /// Language of the table's headers and labels (csv, xlsx): zh or en.
        #[arg(long, default_value = "zh", value_parser = ["zh", "en"])]
        lang: String,
        /// Suggest up to K sites.
        #[arg(long)]
        suggest: Option<usize>,
        /// Seed of the random comparison.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// At most this many hypothetical institutions of each kind when counting what the rules could accept.
        #[arg(long, default_value_t = 500)]
        cap: usize,
        /// Indent the output for reading.
        #[arg(long)]
        pretty: bool,
    },
    /// Print the readings register (every switch and assumption of the built-in presets) as Markdown.
    #[command(
        long_about = "Print the readings register on stdout: every interpretation switch and every assumption of\n\
the built-in presets, with the clause it reads (quoted), the question the text leaves open, each\n\
reading, and each preset's default with its reason; then the index of every clause cited.\n\
docs/readings.md is this output: regenerate it with\n\
  cargo run --bin dingdian -- readings > docs/readings.md"
    )]
    Readings {
        /// Print JSON instead of Markdown.
        #[arg(long)]
        json: bool,
    },
    /// List the built-in presets with their rules, parameters and sources.
    Presets {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Evaluate { scenario, pretty } => evaluate(&scenario, pretty),
        Command::Presets { json } => presets(json),
        Command::Readings { json } => readings(json),
        Command::Plan { scenario, kind, category, specialty, format, lang, suggest, seed, cap, pretty } => {
            let o = PlanOptions { kind, category, specialty, format, lang, suggest, seed, cap, pretty };
            plan(&scenario, &o)
        }
        Command::Import(args) => import_files(*args),
        Command::Assess { input, pretty } => assess(&input, pretty),
        Command::Settle { input, pretty } => settle(&input, pretty),
        Command::Synth { city, cell_m, seed } => synth(&city, cell_m, seed),
    }
}

fn evaluate(path: &Path, pretty: bool) -> ExitCode {
    let src = match read_input(path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let result = parse(&src).and_then(|s| {
        let policy = resolve_policy(&s, |file| read_text(&base.join(file)))?;
        Ok((s, policy))
    });
    let (scenario, policy) = match result {
        Ok(x) => x,
        Err(e) => {
            eprintln!("dingdian: {}: {e}", path.display());
            return ExitCode::from(2);
        }
    };
    print_json(&dingdian::evaluate(&scenario, &policy, Date::today()), pretty)
}

fn presets(json: bool) -> ExitCode {
    let presets = builtin_presets();
    if json {
        println!("{}", serde_json::to_string_pretty(&presets).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    for p in &presets {
        let policy = match Policy::resolve(p, &Default::default(), "overrides") {
            Ok(x) => x,
            Err(e) => {
                eprintln!("dingdian: preset {}: {e}", p.id);
                return ExitCode::FAILURE;
            }
        };
        println!("{}  {}", p.id, p.title.zh);
        println!("    {}", p.title.en);
        println!("  rules:");
        for r in policy.rules.iter().chain(&policy.assessment_rules).chain(&policy.budget_rules) {
            println!("    {:<34} {}", r.def.id, r.clause);
        }
        let off: Vec<&str> = RULES
            .iter()
            .chain(dingdian::engine::exits::ASSESSMENT_RULES)
            .chain(dingdian::budget::BUDGET_RULES)
            .filter(|d| !policy.is_on(d.id))
            .map(|d| d.id)
            .collect();
        println!("  off (can be turned on with an override): {}", off.join(", "));
        println!("  parameters:");
        for def in PARAMETERS {
            let spec = &p.parameters[def.id];
            let unit = if def.unit_en.is_empty() { String::new() } else { format!(" {}", def.unit_en) };
            let mark = if spec.assumption { " [assumption]" } else { "" };
            println!("    {:<38} {}{}{}  — {}", def.id, spec.default, unit, mark, spec.source.zh);
        }
        println!();
    }
    ExitCode::SUCCESS
}

fn readings(json: bool) -> ExitCode {
    let register = dingdian::policy::readings::Register::of(&builtin_presets());
    if json {
        return print_json(&register, true);
    }
    print!("{}", dingdian::policy::readings::markdown(&register));
    ExitCode::SUCCESS
}

fn synth(city: &str, cell_m: f64, seed: u64) -> ExitCode {
    use dingdian::synth::{synth_scenario, SampleCity, SynthSpec};
    if !(50.0..=50_000.0).contains(&cell_m) {
        eprintln!("dingdian: --cell-m: {cell_m} is outside 50..50000");
        return ExitCode::from(2);
    }
    let city = if city == "xian" { SampleCity::Xian } else { SampleCity::Linyi };
    let spec = SynthSpec { seed, ..SynthSpec::published(city, cell_m) };
    match serde_json::to_string(&synth_scenario(&spec)) {
        Ok(s) => {
            println!("{s}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dingdian: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Reads an input file (`-`: standard input); the error is already printed.
fn read_input(path: &Path) -> Result<String, ExitCode> {
    let read = read_text(path);
    read.map_err(|e| {
        eprintln!("dingdian: {e}");
        ExitCode::from(2)
    })
}

/// A UTF-8 text file (or standard input), within `limits::MAX_FILE_BYTES`.
fn read_text(path: &Path) -> Result<String, String> {
    read_bytes(path).and_then(|b| {
        String::from_utf8(b).map_err(|e| {
            format!("cannot read {}: not UTF-8 text (byte {})", path.display(), e.utf8_error().valid_up_to())
        })
    })
}

/// The bytes of a file or of standard input ("-"), refused beyond `limits::MAX_FILE_BYTES`
/// before anything is read into memory.
fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let name = if path == Path::new("-") { "standard input".to_string() } else { path.display().to_string() };
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        std::io::stdin()
            .take(dingdian::limits::MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
    } else {
        let file = std::fs::File::open(path).map_err(|e| format!("cannot read {name}: {e}"))?;
        if let Some(m) = file.metadata().ok().and_then(|m| dingdian::limits::file_too_large(&name, m.len())) {
            return Err(m.en.into_owned());
        }
        file.take(dingdian::limits::MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read {name}: {e}"))?;
    }
    if bytes.len() as u64 > dingdian::limits::MAX_FILE_BYTES {
        // Reading stopped one byte past the limit: the true size is unknown.
        return Err(format!("{name} is over the limit of {} MB", dingdian::limits::MAX_FILE_BYTES / (1024 * 1024)));
    }
    Ok(bytes)
}

/// Prints a result as JSON on stdout.
fn print_json(out: &impl serde::Serialize, pretty: bool) -> ExitCode {
    let json = if pretty { serde_json::to_string_pretty(out) } else { serde_json::to_string(out) };
    match json {
        Ok(s) => {
            println!("{s}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dingdian: cannot write the result: {e}");
            ExitCode::FAILURE
        }
    }
}

fn assess(path: &Path, pretty: bool) -> ExitCode {
    let src = match read_input(path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let load = |file: &str| read_text(&base.join(file));
    match dingdian::engine::exits::read_assess_input(&src, load) {
        Ok(req) => print_json(&req.assess(Date::today()), pretty),
        Err(e) => {
            eprintln!("dingdian: {}: {e}", path.display());
            ExitCode::from(2)
        }
    }
}

fn settle(path: &Path, pretty: bool) -> ExitCode {
    let src = match read_input(path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let load = |file: &str| read_text(&base.join(file));
    match dingdian::budget::read_settle_input(&src, load) {
        Ok(req) => print_json(&req.settle(), pretty),
        Err(e) => {
            eprintln!("dingdian: {}: {e}", path.display());
            ExitCode::from(2)
        }
    }
}

#[derive(clap::Args)]
struct ImportArgs {
    /// Designated (and other) institutions: CSV, xlsx/xls or GeoJSON.
    #[arg(long)]
    institutions: Option<PathBuf>,
    /// Applications: CSV, xlsx/xls or GeoJSON.
    #[arg(long)]
    applications: Option<PathBuf>,
    /// Population cells (lon, lat, population): CSV, xlsx/xls or GeoJSON.
    #[arg(long)]
    cells: Option<PathBuf>,
    /// County outlines (GeoJSON polygons): the county of rows that name none, and the bounds.
    #[arg(long)]
    boundaries: Option<PathBuf>,
    /// Coordinate system: wgs84, gcj02 or bd09, for all files or as FILE-KIND=CRS
    /// (institutions, applications, cells, boundaries); repeatable.
    #[arg(long, default_value = "wgs84")]
    crs: Vec<String>,
    /// The workbook sheet to read (default: the first).
    #[arg(long)]
    sheet: Option<String>,
    /// A column mapping (JSON: {"header_row": 3, "columns": {"GPS东经": "lon"}}).
    #[arg(long)]
    mapping: Option<PathBuf>,
    /// The kind of rows without a kind column or value (before guessing from the name).
    #[arg(long, value_parser = ["pharmacy", "outpatient", "inpatient_general", "inpatient_specialty", "primary_care"])]
    kind: Option<String>,
    /// Refuse rows outside WEST,SOUTH,EAST,NORTH (WGS-84); default: the --into scenario's
    /// cells (else institutions) or the boundaries, plus 20 km.
    #[arg(long)]
    bounds: Option<String>,
    /// The scenario the rows join (its policy, city and counties); default: a new one.
    #[arg(long)]
    into: Option<PathBuf>,
    /// Replace records with the same id and append the others, instead of replacing the lists.
    #[arg(long)]
    upsert: bool,
    /// The preset of a new scenario.
    #[arg(long, default_value = "linyi-2025")]
    preset: String,
    /// The city of a new scenario (default: from a title such as 临沂市定点零售药店名单, else the file name).
    #[arg(long)]
    city: Option<String>,
    /// Import the good rows and exit 0 even when some rows are refused.
    #[arg(long)]
    skip_bad_rows: bool,
    /// Language of the report on stderr.
    #[arg(long, default_value = "en", value_parser = ["en", "zh"])]
    lang: String,
    /// Indent the output for reading.
    #[arg(long)]
    pretty: bool,
}

/// `dingdian import`: the files' rows into a scenario on stdout, the row report on stderr.
fn import_files(a: ImportArgs) -> ExitCode {
    use dingdian::scenario::import::{
        Boundaries, Bounds, ColumnMapping, Crs, Format, ImportOptions, Importer, Merge, Target,
    };
    use dingdian::scenario::{from_json, City, PolicyRef, Scenario};
    use dingdian::text::Lang;

    let lang = if a.lang == "zh" { Lang::Zh } else { Lang::En };
    let fail = |msg: String| {
        eprintln!("dingdian: {msg}");
        ExitCode::from(2)
    };
    let files: Vec<(Target, &PathBuf)> =
        [(Target::Institutions, &a.institutions), (Target::Applications, &a.applications), (Target::Cells, &a.cells)]
            .into_iter()
            .filter_map(|(t, p)| p.as_ref().map(|p| (t, p)))
            .collect();
    if files.is_empty() && a.boundaries.is_none() {
        return fail("import: give at least one of --institutions, --applications, --cells, --boundaries".into());
    }
    // --crs gcj02 | --crs cells=wgs84
    let mut crs_all = Crs::Wgs84;
    let mut crs_of: Vec<(String, Crs)> = Vec::new();
    for c in &a.crs {
        let (which, value) = match c.split_once('=') {
            Some((w, v)) => (Some(w.trim().to_string()), v),
            None => (None, c.as_str()),
        };
        let Some(crs) = Crs::parse(value) else {
            return fail(format!("--crs: \"{value}\" is not wgs84, gcj02 or bd09"));
        };
        match which {
            Some(w) if ["institutions", "applications", "cells", "boundaries"].contains(&w.as_str()) => {
                crs_of.push((w, crs))
            }
            Some(w) => return fail(format!("--crs: \"{w}\" is not institutions, applications, cells or boundaries")),
            None => crs_all = crs,
        }
    }
    let crs_for = |which: &str| crs_of.iter().rev().find(|(w, _)| w == which).map(|(_, c)| *c).unwrap_or(crs_all);
    let read = |p: &Path| read_bytes(p);
    let mapping: ColumnMapping = match &a.mapping {
        None => ColumnMapping::default(),
        Some(p) => match read_text(p).and_then(|s| from_json(&s, "").map_err(|e| e.to_string())) {
            Ok(m) => m,
            Err(e) => return fail(format!("--mapping {}: {e}", p.display())),
        },
    };
    let kind = a.kind.as_deref().and_then(|k| dingdian::Kind::ALL.into_iter().find(|x| x.id() == k));
    let mut scenario = match &a.into {
        Some(p) => match read_text(p).and_then(|s| parse(&s).map_err(|e| e.to_string())) {
            Ok(s) => s,
            Err(e) => return fail(format!("--into {}: {e}", p.display())),
        },
        None => Scenario {
            policy: PolicyRef { preset: Some(a.preset.clone()), ..Default::default() },
            city: City { name: a.city.clone().unwrap_or_default(), ..Default::default() },
            counties: Vec::new(),
            institutions: Vec::new().into(),
            applications: Vec::new(),
            population_cells: Vec::new().into(),
            as_of: None,
        },
    };
    let boundaries = match &a.boundaries {
        None => None,
        Some(p) => {
            let counties: Vec<(String, String)> =
                scenario.counties.iter().map(|c| (c.id.clone(), c.name.clone())).collect();
            match read(p).and_then(|b| {
                Boundaries::from_geojson(&b, crs_for("boundaries"), &counties)
                    .map_err(|e| format!("{}: {}", p.display(), e.message.get(lang)))
            }) {
                Ok(b) => {
                    let added = b.new_counties();
                    eprintln!("dingdian: {}: {} outlines, {} new counties", p.display(), b.areas.len(), added.len());
                    scenario.counties.extend(added);
                    Some(b)
                }
                Err(e) => return fail(e),
            }
        }
    };
    let bounds = match &a.bounds {
        Some(b) => match Bounds::parse(b) {
            Some(b) => Some(b),
            None => return fail(format!("--bounds: \"{b}\" is not WEST,SOUTH,EAST,NORTH")),
        },
        None => {
            Bounds::of_scenario(&scenario, 20_000.0).or_else(|| boundaries.as_ref().and_then(|b| b.extent(20_000.0)))
        }
    };
    let mut refused = 0usize;
    for (target, path) in files {
        let bytes = match read(path) {
            Ok(b) => b,
            Err(e) => return fail(e),
        };
        let name = path.display().to_string();
        let format = Format::detect(&name, &bytes);
        let options = ImportOptions {
            target,
            crs: crs_for(match target {
                Target::Institutions => "institutions",
                Target::Applications => "applications",
                Target::Cells => "cells",
            }),
            sheet: a.sheet.clone(),
            mapping: mapping.clone(),
            bounds,
            boundaries: boundaries.clone(),
            default_kind: kind,
            ..ImportOptions::new(target)
        }
        .with_counties_of(&scenario);
        let imported = match Importer::new(format, &bytes, options) {
            Ok(i) => i.finish(),
            Err(e) => return fail(format!("{name}: {}", e.message.get(lang))),
        };
        let report = &imported.report;
        eprintln!("dingdian: {name}: {}", report.summary(lang));
        for note in &report.notes {
            eprintln!("dingdian: {name}: {}", note.get(lang));
        }
        for issue in &report.issues {
            let level = match (issue.severity, lang) {
                (dingdian::scenario::import::Severity::Error, Lang::En) => "refused",
                (dingdian::scenario::import::Severity::Error, Lang::Zh) => "拒绝",
                (_, Lang::En) => "warning",
                (_, Lang::Zh) => "警告",
            };
            eprintln!("dingdian: {name}: {level}: {}", report.describe_issue(issue, lang));
        }
        let shown = report.issues.len();
        if report.errors + report.warnings > shown {
            eprintln!("dingdian: {name}: … and {} more", report.errors + report.warnings - shown);
        }
        refused += report.errors;
        if scenario.city.name.is_empty() {
            scenario.city.name = report
                .layout
                .title
                .as_deref()
                .and_then(|t| t.find('市').map(|i| t[..i + '市'.len_utf8()].to_string()))
                .or_else(|| path.file_stem().map(|s| s.to_string_lossy().into_owned()))
                .unwrap_or_default();
        }
        let merge = if a.upsert { Merge::Upsert } else { Merge::Replace };
        match imported.apply(&scenario, merge) {
            Ok(applied) => {
                if !applied.counties_added.is_empty() {
                    eprintln!("dingdian: {name}: counties added: {}", applied.counties_added.join(", "));
                }
                scenario = applied.scenario;
            }
            Err(e) => return fail(format!("{name}: {e}")),
        }
    }
    if refused > 0 && !a.skip_bad_rows {
        return fail(format!("{refused} rows refused; nothing written (--skip-bad-rows imports the others)"));
    }
    if let Err(e) = resolve_policy(&scenario, |_| Err("a policy file cannot be checked here".into())) {
        if scenario.policy.file.is_none() {
            return fail(format!("{e}"));
        }
    }
    let json = if a.pretty { serde_json::to_string_pretty(&scenario) } else { serde_json::to_string(&scenario) };
    match json {
        Ok(s) => {
            println!("{s}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(format!("cannot write the scenario: {e}")),
    }
}

/// Loads a scenario and its policy as `evaluate` does; exit 2 with a message on failure.
fn load_scenario(path: &Path) -> Result<(dingdian::Scenario, Policy), ExitCode> {
    let src = read_input(path)?;
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    parse(&src)
        .and_then(|s| {
            let policy = resolve_policy(&s, |file| read_text(&base.join(file)))?;
            Ok((s, policy))
        })
        .map_err(|e| {
            eprintln!("dingdian: {}: {e}", path.display());
            ExitCode::from(2)
        })
}

struct PlanOptions {
    kind: String,
    category: Option<String>,
    specialty: Option<String>,
    format: String,
    lang: String,
    suggest: Option<usize>,
    seed: u64,
    cap: usize,
    pretty: bool,
}

fn plan(path: &Path, o: &PlanOptions) -> ExitCode {
    use dingdian::planning::{annual_plan, plan_csv, plan_xlsx, suggest_sites, SiteSpec};
    use dingdian::scenario::{Category, Kind, Specialty};
    use std::io::Write;
    let fail = |m: String| {
        eprintln!("dingdian: {m}");
        ExitCode::from(2)
    };
    let Some(kind) = Kind::ALL.into_iter().find(|k| k.id() == o.kind) else {
        let ids: Vec<&str> = Kind::ALL.iter().map(|k| k.id()).collect();
        return fail(format!("--kind: \"{}\" is not one of {}", o.kind, ids.join(", ")));
    };
    let mut spec = SiteSpec::new(kind);
    if let Some(c) = &o.category {
        if kind != Kind::Pharmacy {
            return fail("--category applies to --kind pharmacy only".to_string());
        }
        match Category::ALL.into_iter().find(|x| x.id() == c) {
            Some(c) => spec.category = Some(c),
            None => {
                let ids: Vec<&str> = Category::ALL.iter().map(|c| c.id()).collect();
                return fail(format!("--category: \"{c}\" is not one of {}", ids.join(", ")));
            }
        }
    }
    if let Some(x) = &o.specialty {
        if kind != Kind::InpatientSpecialty {
            return fail("--specialty applies to --kind inpatient_specialty only".to_string());
        }
        // A specialty's id is its serde name (the scenario JSON's).
        let id = |s: &Specialty| {
            serde_json::to_value(s).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
        };
        match Specialty::ALL.into_iter().find(|s| id(s) == *x) {
            Some(sp) => spec.specialty = Some(sp),
            None => {
                let ids: Vec<String> = Specialty::ALL.iter().map(id).collect();
                return fail(format!("--specialty: \"{x}\" is not one of {}", ids.join(", ")));
            }
        }
    }
    if o.format != "json" && o.suggest.is_some() {
        return fail(format!("--suggest writes JSON only; drop --format {} or --suggest", o.format));
    }
    let (scenario, policy) = match load_scenario(path) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let today = Date::today();
    let plan = annual_plan(&scenario, &policy, today, o.cap);
    let lang = if o.lang == "en" { dingdian::text::Lang::En } else { dingdian::text::Lang::Zh };
    let bytes = match o.format.as_str() {
        "csv" => plan_csv(&plan, lang),
        "xlsx" => match plan_xlsx(&plan, lang) {
            Ok(b) => b,
            Err(e) => return fail(e.to_string()),
        },
        _ => {
            let suggestions = o.suggest.map(|k| suggest_sites(&scenario, &policy, today, spec, k, o.seed));
            #[derive(serde::Serialize)]
            struct Out {
                plan: dingdian::planning::AnnualPlan,
                #[serde(skip_serializing_if = "Option::is_none")]
                suggestions: Option<dingdian::planning::Suggestions>,
            }
            return print_json(&Out { plan, suggestions }, o.pretty);
        }
    };
    let mut out = std::io::stdout().lock();
    if out.write_all(&bytes).and_then(|_| out.flush()).is_err() {
        return fail("cannot write to standard output".to_string());
    }
    ExitCode::SUCCESS
}
