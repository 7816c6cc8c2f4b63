//! The model on the command line, for analysts and checks.
//!
//! ```text
//! cargo run -p doorstroom-model --example scenario -- 'v=1&intake=77000&fte=600'
//! cargo run -p doorstroom-model --example scenario -- --summary 'term=6'
//! ```
//!
//! Prints the weekly totals as CSV (or, with `--summary`, the headline
//! figures as `key=value` lines) on stdout; warnings about the query go to
//! stderr.

use doorstroom_model::{Lang, Scenario};

fn main() {
    let mut summary = false;
    let mut query = String::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--summary" => summary = true,
            "-h" | "--help" => {
                println!("usage: scenario [--summary] [QUERY]   e.g. 'v=1&intake=77000&fte=600'");
                return;
            }
            _ => query = arg,
        }
    }
    let (scenario, warnings) = Scenario::from_query(&query);
    for w in &warnings {
        eprintln!("warning: {}", w.message(Lang::En));
    }
    let run = scenario.run();
    if summary {
        for (key, value) in run.summary().to_key_values() {
            println!("{key}={value}");
        }
    } else {
        print!("{}", run.to_csv());
    }
}
