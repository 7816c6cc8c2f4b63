//! The model on the command line, for analysts and checks.
//!
//! ```text
//! cargo run -p doorstroom-model --example scenario -- 'v=1&intake=77000&fte=600'
//! cargo run -p doorstroom-model --example scenario -- --summary 'term=6'
//! cargo run -p doorstroom-model --example scenario -- --presets
//! cargo run -p doorstroom-model --example scenario -- --preset as_it_happened --record
//! cargo run -p doorstroom-model --example scenario -- --preset as_it_happened 'fte=900' --stream t4
//! ```
//!
//! Prints on stdout the weekly totals as CSV; with `--summary` the headline
//! figures as `key=value` lines; with `--stream t1|t2|t4|nareis` one
//! stream's weekly CSV of every measure; with `--record` the published
//! figures beside the model's (`measure,scope,date,published,model,
//! difference_pct,source`). `--presets` lists the presets; `--preset NAME`
//! starts from one, and a query given beside it changes levers on top.
//! Warnings about the query go to stderr.

use doorstroom_model::{Lang, PRESETS, Scenario, Stream, record};

const USAGE: &str = "usage: scenario [--presets] [--preset NAME] [--summary | --record | --stream t1|t2|t4|nareis] [QUERY]
  e.g. scenario --preset as_it_happened --record
       scenario 'v=1&intake=77000&fte=600'";

enum Output {
    Csv,
    Summary,
    Record,
    Stream(Stream),
}

fn main() {
    let mut output = Output::Csv;
    let mut preset = None;
    let mut query = String::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--summary" => output = Output::Summary,
            "--record" => output = Output::Record,
            "--presets" => {
                for p in PRESETS {
                    println!("{}\t{}\t{}", p.key, p.label.get(Lang::En), p.sets);
                }
                return;
            }
            "--preset" => {
                let Some(name) = args.next() else {
                    fail("--preset needs a name (see --presets)");
                };
                let Some(p) = PRESETS.iter().find(|p| p.key == name) else {
                    fail(&format!("no preset `{name}` (see --presets)"));
                };
                preset = Some(p.sets);
            }
            "--stream" => {
                let Some(key) = args.next() else {
                    fail("--stream needs t1, t2, t4 or nareis");
                };
                let Some(s) = Stream::ALL.into_iter().find(|s| s.key() == key) else {
                    fail(&format!("no stream `{key}`: t1, t2, t4 or nareis"));
                };
                output = Output::Stream(s);
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return;
            }
            _ if arg.starts_with("--") => fail(&format!("unknown option {arg}")),
            _ => query = arg,
        }
    }
    // A later repeat of a key wins, so the query changes the preset's levers.
    let full = match preset {
        Some(p) if query.is_empty() => p.to_string(),
        Some(p) => format!("{p}&{}", query.trim_start_matches('?')),
        None => query,
    };
    let (scenario, warnings) = Scenario::from_query(&full);
    for w in &warnings {
        eprintln!("warning: {}", w.message(Lang::En));
    }
    let run = scenario.run();
    match output {
        Output::Csv => print!("{}", run.to_csv()),
        Output::Summary => {
            for (key, value) in run.summary().to_key_values() {
                println!("{key}={value}");
            }
        }
        Output::Record => print!("{}", record::to_csv(&record::compare(&run))),
        Output::Stream(s) => print!("{}", run.stream_csv(s)),
    }
}

fn fail(message: &str) -> ! {
    eprintln!("{message}\n{USAGE}");
    std::process::exit(2);
}
