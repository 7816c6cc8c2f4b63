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
