//! `dingdian`: the command line over the same engine as the app.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use dingdian::date::Date;
use dingdian::policy::{builtin_presets, Policy, PARAMETERS, RULES};
use dingdian::scenario::{parse, resolve_policy};

#[derive(Parser)]
#[command(name = "dingdian", version, about = "Simulates the rules that admit institutions to basic medical insurance as designated institutions (医保定点医药机构)")]
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
             before and after the fund and patient coefficients, with every intermediate number\n\
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
        Command::Synth { city, cell_m, seed } => synth(&city, cell_m, seed),
    }
}

fn evaluate(path: &Path, pretty: bool) -> ExitCode {
    let src = if path == Path::new("-") {
        let mut s = String::new();
        if let Err(e) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut s) {
            eprintln!("dingdian: cannot read standard input: {e}");
            return ExitCode::from(2);
        }
        s
    } else {
        match std::fs::read_to_string(path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("dingdian: cannot read {}: {e}", path.display());
                return ExitCode::from(2);
            }
        }
    };
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let result = parse(&src).and_then(|s| {
        let policy = resolve_policy(&s, |file| std::fs::read_to_string(base.join(file)).map_err(|e| e.to_string()))?;
        Ok((s, policy))
    });
    let (scenario, policy) = match result {
        Ok(x) => x,
        Err(e) => {
            eprintln!("dingdian: {}: {e}", path.display());
            return ExitCode::from(2);
        }
    };
    let out = dingdian::evaluate(&scenario, &policy, Date::today());
    let json = if pretty { serde_json::to_string_pretty(&out) } else { serde_json::to_string(&out) };
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
        for r in &policy.rules {
            println!("    {:<30} {}", r.def.id, r.clause);
        }
        let off: Vec<&str> = RULES.iter().filter(|d| !policy.is_on(d.id)).map(|d| d.id).collect();
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
