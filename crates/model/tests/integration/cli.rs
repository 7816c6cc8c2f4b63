//! The command line (`examples/scenario.rs`) as an analyst runs it: what it
//! says on stderr about the query. `cargo test` builds the examples beside
//! the tests, so the binary is found next to this one.

use std::path::PathBuf;
use std::process::{Command, Output};

fn scenario_binary() -> PathBuf {
    let test = std::env::current_exe().expect("the test's own path");
    // target/debug/deps/cli-… → target/debug/examples/scenario
    let debug = test
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/debug");
    debug
        .join("examples")
        .join(format!("scenario{}", std::env::consts::EXE_SUFFIX))
}

fn run(args: &[&str]) -> Output {
    Command::new(scenario_binary())
        .args(args)
        .output()
        .expect("the scenario example runs (built by `cargo test`)")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn an_end_before_from_is_repaired_and_said() {
    let out = run(&["--summary", "from=2030-12-31&until=2026-01-01"]);
    assert!(out.status.success());
    let said = stderr(&out);
    assert!(
        said.contains("warning: Until: 2026-01-01 is before ‘Your choices from’; using a year after it: 2031-12-30."),
        "{said}"
    );
}

#[test]
fn runs_and_goals_are_read_as_the_page_reads_them() {
    let out = run(&[
        "--bands",
        "1.000",
        "--seed",
        "-1",
        "--summary",
        "until=2023-12-31",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(
        said.contains("warning: Seed: ‘-1’") || said.contains("warning: Seed: 0 is the minimum"),
        "{said}"
    );
    assert!(
        !said.contains("Number of runs"),
        "1.000 runs read as a thousand: {said}"
    );
    let out = run(&["--goal", "cost-0-under=20.000.000", "until=2024-12-31"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("warning: Goal year: 2023 is the minimum; using 2023."),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_page_s_keys_are_known_and_what_is_printed_is_escaped() {
    let out = run(&[
        "--summary",
        "title=Hoog&base=*600&lang=en&intake=77,000&bogus%1B%5B31m=1&fte=%E2%80%AE9",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(!said.contains("unknown setting ‘title’"), "{said}");
    assert!(!said.contains("unknown setting ‘base’"), "{said}");
    assert!(!said.contains("unknown setting ‘lang’"), "{said}");
    assert!(
        said.contains("note: ‘title’ is the page's own setting"),
        "{said}"
    );
    // Control characters and reordering marks are written as escapes.
    assert!(!said.contains(['\u{1B}', '\u{202E}']), "{said:?}");
    assert!(said.contains("bogus\\u{1b}[31m"), "{said}");
    assert!(said.contains("\\u{202e}9"), "{said}");
    // lang=en: 77,000 is seventy-seven thousand.
    let summary = String::from_utf8_lossy(&out.stdout).into_owned();
    let (english, _) = doorstroom_model::Scenario::from_query("intake=77000");
    let expected = english.run().summary().to_key_values();
    assert!(
        summary.contains(&format!("{}={}", expected[0].0, expected[0].1)),
        "{summary}"
    );
}

/// The seed a `--bands` run printed on stderr, if it drew one.
fn drawn_seed(output: &Output) -> Option<String> {
    stderr(output)
        .lines()
        .find_map(|l| l.strip_prefix("seed="))
        .and_then(|rest| rest.split_whitespace().next())
        .map(str::to_owned)
}

#[test]
fn bands_without_a_seed_draw_one_and_print_it() {
    let args = ["--bands", "20", "--summary", "until=2023-08-31"];
    let (a, b) = (run(&args), run(&args));
    assert!(a.status.success(), "{}", stderr(&a));
    let (sa, sb) = (
        drawn_seed(&a).expect("a seed"),
        drawn_seed(&b).expect("a seed"),
    );
    assert_ne!(sa, sb, "two fresh draws");
    // The printed seed draws the same bands again.
    let again = run(&[
        "--bands",
        "20",
        "--seed",
        &sa,
        "--summary",
        "until=2023-08-31",
    ]);
    assert_eq!(again.stdout, a.stdout);
    assert_eq!(drawn_seed(&again), None, "a seed given is not drawn");
    // Nor one in the link.
    let linked = run(&["--bands", "20", "--summary", "until=2023-08-31&seed=7"]);
    assert_eq!(drawn_seed(&linked), None);
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The rows of a CSV text after its header, read by the csv crate.
fn rows(text: &str, separator: u8) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .delimiter(separator)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn explain_prints_each_figure_s_parts_that_add_up_to_its_difference() {
    let out = run(&["--explain", "v=2&intake=50000&fte=900&lang=en"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(
        text.lines().next(),
        Some(r#""figure","lever","baseline","scenario","part","standard_error""#)
    );
    let rows = rows(&text, b',');
    let levers: Vec<&str> = rows
        .iter()
        .filter(|r| r[0] == "cost_total_eur")
        .map(|r| r[1].as_str())
        .collect();
    assert_eq!(levers, ["intake", "fte", "difference"]);
    // The scenario's values in words, in the link's language.
    let fte = rows.iter().find(|r| r[1] == "fte").unwrap();
    assert_eq!(fte[3], "900 FTE");
    let intake = rows.iter().find(|r| r[1] == "intake").unwrap();
    assert_eq!(intake[3], "50,000 per year");
    // Per figure, the parts (rounded to whole euros or cases) add up to
    // the difference, within the rounding of each.
    for figure in ["backlog_end", "cost_total_eur", "appeals_through_2024"] {
        let of: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == figure).collect();
        let parts: f64 = of[..2].iter().map(|r| r[4].parse::<f64>().unwrap()).sum();
        let whole: f64 = of[2][4].parse().unwrap();
        assert!((parts - whole).abs() <= 1.0, "{figure}: {parts} vs {whole}");
        let (base, now): (f64, f64) = (of[2][2].parse().unwrap(), of[2][3].parse().unwrap());
        assert!((now - base - whole).abs() <= 1.0, "{figure}");
    }
    assert!(
        stderr(&out).contains("2 levers differ; Exact, 4 runs"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn explain_against_a_given_baseline_in_dutch_notation() {
    // The baseline itself: nothing differs, nothing to split.
    let same = run(&["--explain", "v=2&fte=700", "--baseline", "v=2&fte=700"]);
    assert!(same.status.success());
    let text = stdout(&same);
    let same_rows = rows(&text, b';');
    assert!(!same_rows.is_empty());
    assert!(
        same_rows
            .iter()
            .all(|r| r[1] == "difference" && r[4] == "0"),
        "{text}"
    );
    // One lever against the given baseline: it gets the whole difference;
    // Dutch words and notation by default.
    let one = run(&["--explain", "v=2&fte=700", "--baseline", "v=2&fte=600"]);
    let text = stdout(&one);
    let rows = rows(&text, b';');
    let cost: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == "cost_total_eur").collect();
    assert_eq!(cost.len(), 2);
    assert_eq!(
        (cost[0][1].as_str(), cost[0][2].as_str()),
        ("fte", "600 fte")
    );
    assert_eq!(cost[0][4], cost[1][4]);
    let share = rows
        .iter()
        .find(|r| r[0] == "share_decided_in_term")
        .unwrap();
    assert!(share[4].contains(',') || share[4] == "0", "{share:?}");
    // A baseline without --explain is refused.
    let alone = run(&["--baseline", "v=2"]);
    assert!(!alone.status.success());
    assert!(stderr(&alone).contains("--baseline goes with --explain"));
}
