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

use doorstroom_model::{Lang, Measure, Scenario};

/// The CSV's columns after `week_start`: all-streams totals.
const COLUMNS: [Measure; 19] = [
    Measure::Intake,
    Measure::Decisions,
    Measure::DecisionsBaa,
    Measure::Backlog,
    Measure::BacklogWithinTerm,
    Measure::BacklogPastTerm,
    Measure::BacklogNoticeSent,
    Measure::BacklogAppealPending,
    Measure::BacklogCourtOrder,
    Measure::BacklogOverdue,
    Measure::NoticesSent,
    Measure::AppealsFiled,
    Measure::PenaltyStatutoryEur,
    Measure::PenaltyCourtEur,
    Measure::LegalCostsEur,
    Measure::CostCumulativeEur,
    Measure::DecidedAgeWeeks,
    Measure::ExpectedWaitWeeks,
    Measure::ProductiveFte,
];

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
        return;
    }
    let header: Vec<&str> = std::iter::once("week_start")
        .chain(COLUMNS.iter().map(|m| m.key()))
        .collect();
    println!("{}", header.join(","));
    for w in 0..run.weeks() {
        let mut line = run.week_start(w).to_string();
        for m in COLUMNS {
            let v = run.total(m)[w];
            if v.fract() == 0.0 {
                line.push_str(&format!(",{v:.0}"));
            } else {
                line.push_str(&format!(",{v:.2}"));
            }
        }
        println!("{line}");
    }
}
