//! The model on the command line, for analysts and checks.
//!
//! ```text
//! cargo run -p doorstroom-model --example scenario -- 'v=1&intake=77000&fte=600'
//! cargo run -p doorstroom-model --example scenario -- --summary 'term=6'
//! cargo run -p doorstroom-model --example scenario -- --bands 500 --seed 7 --summary
//! cargo run -p doorstroom-model --example scenario -- --goal 'in-term-by=2027-01-01'
//! cargo run -p doorstroom-model --example scenario -- --goal 'cost-2024-under=20000000' --goal-lever baa
//! cargo run -p doorstroom-model --example scenario -- --tornado
//! ```
//!
//! Prints the weekly totals as CSV (or, with `--summary`, the headline
//! figures as `key=value` lines) on stdout; warnings about the query go to
//! stderr. With `--bands N` the Monte Carlo bands of N runs: the weekly
//! P10/P50/P90 as CSV, or with `--summary` each headline figure also as
//! `KEY_p10`, `KEY_p50` and `KEY_p90`. The query may hold the band settings
//! (`seed=`, `sd_intake=` …); `--bands` and `--seed` override them.

use doorstroom_model::uncertainty::{
    Bands, Goal, GoalLever, read_query, sample_threads, seek, tornado, tornado_csv,
};
use doorstroom_model::{Lang, Scenario};

const USAGE: &str = "usage: scenario [--summary] [--bands N [--seed S]] [--goal GOAL [--goal-lever fte|baa]] [--tornado] [QUERY]
  QUERY   e.g. 'v=1&intake=77000&fte=600'
  GOAL    in-term-by=YYYY-MM-DD | cost-YYYY-under=EUR";

fn main() {
    let mut summary = false;
    let mut runs: Option<u32> = None;
    let mut seed: Option<u64> = None;
    let mut goal: Option<String> = None;
    let mut goal_lever = GoalLever::Fte;
    let mut want_tornado = false;
    let mut query = String::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .unwrap_or_else(|| fail(&format!("{name} needs a value")))
        };
        match arg.as_str() {
            "--summary" => summary = true,
            "--bands" => {
                let v = value("--bands");
                runs = Some(
                    v.parse()
                        .unwrap_or_else(|_| fail("--bands needs a number of runs")),
                );
            }
            "--seed" => {
                let v = value("--seed");
                seed = Some(
                    v.parse()
                        .unwrap_or_else(|_| fail("--seed needs a whole number")),
                );
            }
            "--goal" => goal = Some(value("--goal")),
            "--goal-lever" => {
                goal_lever = match value("--goal-lever").as_str() {
                    "fte" => GoalLever::Fte,
                    "baa" => GoalLever::Baa,
                    _ => fail("--goal-lever is fte or baa"),
                }
            }
            "--tornado" => want_tornado = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return;
            }
            _ if arg.starts_with("--") => fail(&format!("unknown option {arg}")),
            _ => query = arg,
        }
    }
    let (scenario, mut settings, warnings) = read_query(&query);
    for w in &warnings {
        eprintln!("warning: {}", w.message(Lang::En));
    }
    if let Some(text) = goal {
        let goal = Goal::parse(&text).unwrap_or_else(|e| fail(&e));
        let result = seek(&scenario, goal_lever, goal);
        println!("{}", result.to_line());
        eprintln!("{} ({} runs)", result.message(Lang::En), result.evaluations);
        return;
    }
    if want_tornado {
        print!("{}", tornado_csv(&tornado(&scenario)));
        return;
    }
    if let Some(n) = runs {
        settings.runs = n;
    }
    if let Some(s) = seed {
        settings.seed = s;
    }
    let (settings, more) = settings.validated();
    for w in &more {
        eprintln!("warning: {}", w.message(Lang::En));
    }
    let bands = runs.map(|_| {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        Bands::of(&sample_threads(&scenario, &settings, threads))
    });
    print_run(&scenario, summary, bands.as_ref());
}

fn print_run(scenario: &Scenario, summary: bool, bands: Option<&Bands>) {
    match (summary, bands) {
        (true, bands) => {
            for (key, value) in scenario.run().summary().to_key_values() {
                println!("{key}={value}");
            }
            for (key, value) in bands.map(Bands::to_key_values).unwrap_or_default() {
                println!("{key}={value}");
            }
        }
        (false, Some(bands)) => print!("{}", bands.to_csv()),
        (false, None) => print!("{}", scenario.run().to_csv()),
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}\n{USAGE}");
    std::process::exit(2)
}
