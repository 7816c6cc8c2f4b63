//! `cargo xtask test`: every check, from the cheapest to the slowest, and one
//! closing line that says how it went, which the CI reads:
//!
//! ```text
//! xtask test: 42 passed, 0 failed
//! ```
//!
//! 1. formatting (`cargo fmt --check`);
//! 2. lints, natively and for wasm32 (`cargo clippy -D warnings`);
//! 3. the native tests of every crate;
//! 4. the browser tests: wasm-bindgen-test in headless Chromium;
//! 5. the end-to-end tests against the release build in `dist/`.
//!
//! A failing step does not stop the later ones, except that the end-to-end
//! tests need `dist/` to build; the counts are summed from the `test result:`
//! lines of each test run. The report ends with each step's time, so that a
//! slow CI run says where its minutes went.

use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use crate::install::{self, Browser, WebTools};
use crate::{Result, dist, process, single_file, workspace_root};

const WASM: &str = "wasm32-unknown-unknown";

pub fn run() -> ExitCode {
    let started = Instant::now();
    let mut report = Report::default();
    if let Err(error) = report.run_all() {
        eprintln!("\nerror: {error}");
        report.failed_steps.push("setup");
    }
    report.print(started);
    if report.passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// What has run so far: test counts per kind of test, and the steps that
/// failed.
#[derive(Default)]
struct Report {
    kinds: Vec<(&'static str, Tally)>,
    failed_steps: Vec<&'static str>,
    /// Each step's name and how long it took, in order.
    times: Vec<(String, Duration)>,
}

/// Tests passed and failed, as libtest counts them.
#[derive(Clone, Copy, Default, Debug, PartialEq)]
struct Tally {
    passed: u64,
    failed: u64,
}

impl Report {
    fn run_all(&mut self) -> Result<()> {
        let started = Instant::now();
        let tools = install::web_tools()?;
        let browser = install::browser()?;
        self.times.push(("install".to_owned(), started.elapsed()));
        let cargo_program = process::cargo();
        let cargo = |args: &[&str]| {
            let mut command = tools.command(&cargo_program);
            command.args(args);
            command
        };

        self.check("format", &mut cargo(&["fmt", "--all", "--check"]))?;
        let deny_warnings = ["--", "-D", "warnings"];
        let mut clippy = cargo(&["clippy", "--workspace", "--all-targets"]);
        self.check("clippy", clippy.args(deny_warnings))?;
        let mut clippy_wasm = cargo(&["clippy", "-p", "doorstroom", "--all-targets"]);
        clippy_wasm.args(["--target", WASM]).args(deny_warnings);
        self.check("clippy wasm32", &mut clippy_wasm)?;

        // The end-to-end crate's own unit tests and doc tests run natively;
        // its `e2e` target needs dist/ and a browser, and runs last.
        let native = [
            &["test", "--workspace", "--exclude", "doorstroom-e2e"][..],
            &["test", "-p", "doorstroom-e2e", "--lib"],
            &["test", "-p", "doorstroom-e2e", "--doc"],
        ];
        for args in native {
            self.tests("native", &mut cargo(args))?;
        }

        // With the page's count of reactive nodes re-run on, for the test
        // that a slider input re-runs only what it changes (tests/browser/reruns.rs).
        // Only the two test binaries: the library's own unit tests run
        // natively, and each wasm binary costs a link of the whole page.
        let mut browser_tests = cargo(&[
            "test",
            "-p",
            "doorstroom",
            "--target",
            WASM,
            "--profile",
            "browser-test",
            "--features",
            "bench-counters",
            "--test",
            "browser",
            "--test",
            "panic",
        ]);
        browser_tests.env("CHROMEDRIVER", &browser.chromedriver);
        // The runner gives a whole test binary 20 seconds by default; the
        // page tests run the model (a debug build) dozens of times and take
        // about that long on a loaded machine. A limit, not a speed check:
        // speed is measured by `cargo xtask bench`.
        if std::env::var_os("WASM_BINDGEN_TEST_TIMEOUT").is_none() {
            browser_tests.env("WASM_BINDGEN_TEST_TIMEOUT", "90");
        }
        self.tests("browser", &mut browser_tests)?;

        self.end_to_end(
            &tools,
            &browser,
            cargo(&["test", "-p", "doorstroom-e2e", "--test", "e2e"]),
        )
    }

    fn end_to_end(&mut self, tools: &WebTools, browser: &Browser, mut e2e: Command) -> Result<()> {
        let started = Instant::now();
        let built = dist::build(tools)
            .and_then(|()| single_file::write(&workspace_root().join("dist")).map(|_| ()));
        self.times.push(("dist".to_owned(), started.elapsed()));
        if let Err(error) = built {
            eprintln!("error: {error}; the end-to-end tests need it");
            self.failed_steps.push("dist");
            return Ok(());
        }
        // The accessibility audit's checker, served to the browser by the
        // tests' own server.
        let axe = match crate::axe::axe_core() {
            Ok(folder) => folder,
            Err(error) => {
                eprintln!("error: {error}; the accessibility audit needs it");
                self.failed_steps.push("axe-core");
                return Ok(());
            }
        };
        e2e.env("CHROMEDRIVER", &browser.chromedriver)
            .env("CHROME", &browser.chrome)
            .env("DOORSTROOM_DIST", workspace_root().join("dist"))
            .env("DOORSTROOM_AXE", axe);
        self.tests("e2e", &mut e2e)
    }

    /// Runs a step that passes or fails as a whole.
    fn check(&mut self, step: &'static str, command: &mut Command) -> Result<()> {
        let started = Instant::now();
        if !process::succeeds(command)? {
            self.failed_steps.push(step);
        }
        self.times.push((step.to_owned(), started.elapsed()));
        Ok(())
    }

    /// Runs a libtest-style test run and adds up its `test result:` lines.
    fn tests(&mut self, kind: &'static str, command: &mut Command) -> Result<()> {
        let started = Instant::now();
        let mut tally = Tally::default();
        let succeeded = process::succeeds_with_lines(command, |line| {
            println!("{line}");
            if let Some(result) = parse_result_line(line) {
                tally.passed += result.passed;
                tally.failed += result.failed;
            }
        })?;
        match self.kinds.iter_mut().find(|(name, _)| *name == kind) {
            Some((_, total)) => {
                total.passed += tally.passed;
                total.failed += tally.failed;
            }
            None => self.kinds.push((kind, tally)),
        }
        // A run can fail without a failed test: it did not compile, or
        // crashed before it could count.
        if !succeeded && !self.failed_steps.contains(&kind) {
            self.failed_steps.push(kind);
        }
        let step = process::display(command);
        let step = step
            .rsplit_once("cargo ")
            .map_or(step.as_str(), |(_, args)| args);
        self.times.push((step.to_owned(), started.elapsed()));
        Ok(())
    }

    fn total(&self) -> Tally {
        self.kinds
            .iter()
            .fold(Tally::default(), |sum, (_, tally)| Tally {
                passed: sum.passed + tally.passed,
                failed: sum.failed + tally.failed,
            })
    }

    fn passed(&self) -> bool {
        self.failed_steps.is_empty() && self.total().failed == 0
    }

    fn print(&self, started: Instant) {
        let kinds: Vec<String> = self
            .kinds
            .iter()
            .map(|(kind, tally)| format!("{kind} {} passed, {} failed", tally.passed, tally.failed))
            .collect();
        println!("\nxtask test: where the time went");
        for (step, time) in &self.times {
            println!("  {:>6.0} s  {step}", time.as_secs_f64());
        }
        println!(
            "\nxtask test: {} in {:.0} s",
            if kinds.is_empty() {
                "no tests ran".to_owned()
            } else {
                kinds.join("; ")
            },
            started.elapsed().as_secs_f64()
        );
        let total = self.total();
        let mut closing = format!(
            "xtask test: {} passed, {} failed",
            total.passed, total.failed
        );
        if !self.failed_steps.is_empty() {
            closing.push_str(&format!("; failed steps: {}", self.failed_steps.join(", ")));
        }
        println!("{closing}");
    }
}

/// The counts in a libtest summary such as
/// `test result: ok. 3 passed; 1 failed; 0 ignored; …`.
fn parse_result_line(line: &str) -> Option<Tally> {
    let counts = line.trim().strip_prefix("test result: ")?;
    let mut tally = Tally::default();
    let words: Vec<&str> = counts.split([' ', ';']).filter(|w| !w.is_empty()).collect();
    for pair in words.windows(2) {
        match pair {
            [count, "passed"] => tally.passed = count.parse().ok()?,
            [count, "failed"] => tally.failed = count.parse().ok()?,
            _ => {}
        }
    }
    Some(tally)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_libtest_summaries() {
        let ok = "test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s";
        assert_eq!(
            parse_result_line(ok),
            Some(Tally {
                passed: 12,
                failed: 0
            })
        );
        let failed =
            "test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out";
        assert_eq!(
            parse_result_line(failed),
            Some(Tally {
                passed: 3,
                failed: 2
            })
        );
    }

    #[test]
    fn ignores_other_lines() {
        assert_eq!(parse_result_line("test server::tests::x ... ok"), None);
        assert_eq!(parse_result_line("running 3 tests"), None);
    }

    #[test]
    fn a_failed_step_fails_the_run() {
        let mut report = Report::default();
        report.kinds.push((
            "native",
            Tally {
                passed: 4,
                failed: 0,
            },
        ));
        assert!(report.passed());
        report.failed_steps.push("format");
        assert!(!report.passed());
    }

    #[test]
    fn a_failed_test_fails_the_run() {
        let mut report = Report::default();
        report.kinds.push((
            "native",
            Tally {
                passed: 4,
                failed: 0,
            },
        ));
        report.kinds.push((
            "e2e",
            Tally {
                passed: 6,
                failed: 1,
            },
        ));
        assert_eq!(
            report.total(),
            Tally {
                passed: 10,
                failed: 1
            }
        );
        assert!(!report.passed());
    }
}
