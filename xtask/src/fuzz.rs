//! `cargo xtask fuzz [SECONDS]`: the long fuzz run of the link reader, with
//! cargo-fuzz (libFuzzer) on a nightly toolchain, for `SECONDS` (default
//! 900), starting from the seed corpus in `fuzz/corpus/link/`.
//!
//! New inputs libFuzzer finds go to `target/fuzz-corpus/link/`, not into the
//! committed seeds; a failing input is saved under `fuzz/artifacts/link/`
//! and named at the end. `cargo xtask test` runs the bounded version of the
//! same checks on stable (`crates/address/tests/integration/link_fuzz.rs`).

use std::fs;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use crate::{Error, Result, process, workspace_root};

/// How long a run lasts unless told otherwise.
const DEFAULT_SECONDS: u64 = 900;

/// The longest input libFuzzer makes: long enough for a link with every
/// lever and a pinned baseline, and for values far longer than any lever's.
const MAX_LEN: usize = 8_192;

pub fn run(seconds: Option<&str>) -> Result<()> {
    let seconds = match seconds {
        None => DEFAULT_SECONDS,
        Some(text) => text
            .parse()
            .map_err(|_| Error::new(format!("`{text}` is not a number of seconds")))?,
    };
    nightly()?;
    cargo_fuzz()?;
    let root = workspace_root();
    let found = root.join("target/fuzz-corpus/link");
    fs::create_dir_all(&found)?;
    let mut fuzz = Command::new("cargo");
    fuzz.current_dir(&root)
        .args(["+nightly", "fuzz", "run", "link"])
        .arg(&found)
        .arg(root.join("fuzz/corpus/link"))
        .arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!("-max_len={MAX_LEN}"))
        .arg("-print_final_stats=1");
    let (succeeded, runs) = run_counting(&mut fuzz)?;
    match runs {
        Some(runs) => println!("\nxtask fuzz: {runs} inputs in {seconds} s"),
        None => println!("\nxtask fuzz: libFuzzer did not say how many inputs it ran"),
    }
    if succeeded {
        Ok(())
    } else {
        Err(Error::new(
            "the fuzz run found a failing input: see fuzz/artifacts/link/ and the output above",
        ))
    }
}

/// Fails, saying what to do, without a nightly toolchain: libFuzzer's
/// instrumentation needs it.
fn nightly() -> Result<()> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    if process::probe("cargo", &["+nightly", "--version"], &path).is_some() {
        return Ok(());
    }
    Err(Error::new(
        "cargo-fuzz needs a nightly toolchain: `rustup toolchain install nightly`",
    ))
}

/// Installs cargo-fuzz, once, from the lock file of its release.
fn cargo_fuzz() -> Result<()> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    if process::probe("cargo", &["fuzz", "--version"], &path).is_some() {
        return Ok(());
    }
    eprintln!("xtask: installing cargo-fuzz (once; this takes a while)");
    process::run(Command::new(process::cargo()).args(["install", "--locked", "cargo-fuzz"]))
}

/// Runs the fuzzer, echoing its output, and reads the number of inputs from
/// libFuzzer's closing `Done N runs in S second(s)` (or, on a failure, the
/// `stat::number_of_executed_units` of its final stats).
fn run_counting(command: &mut Command) -> Result<(bool, Option<u64>)> {
    eprintln!("\n$ {}", process::display(command));
    let mut child = command
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| Error::new(format!("cannot run cargo fuzz: {error}")))?;
    let stderr = child.stderr.take().expect("stderr is piped");
    let mut runs = None;
    for line in BufReader::new(stderr).split(b'\n') {
        let line = String::from_utf8_lossy(&line?).into_owned();
        eprintln!("{line}");
        if let Some(count) = executed_inputs(&line) {
            runs = Some(count);
        }
    }
    Ok((child.wait()?.success(), runs))
}

fn executed_inputs(line: &str) -> Option<u64> {
    if let Some(rest) = line.strip_prefix("Done ") {
        return rest.split_whitespace().next()?.parse().ok();
    }
    let rest = line.strip_prefix("stat::number_of_executed_units:")?;
    rest.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_libfuzzers_counts() {
        assert_eq!(
            executed_inputs("Done 1234567 runs in 901 second(s)"),
            Some(1_234_567)
        );
        assert_eq!(
            executed_inputs("stat::number_of_executed_units: 42"),
            Some(42)
        );
        assert_eq!(executed_inputs("#2 INITED cov: 10 ft: 10"), None);
    }
}
