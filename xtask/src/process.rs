//! Running other programs: echoed as they start, so that the output reads as
//! a log of what was done, and failing with the command line in the error.

use std::env;
use std::ffi::{OsStr, OsString};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use crate::{Error, Result};

/// The cargo that runs us (Cargo sets `$CARGO` for the programs it runs), so
/// that every step uses the toolchain rust-toolchain.toml pins.
pub fn cargo() -> OsString {
    env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

/// The command line, as it would be typed.
pub fn display(command: &Command) -> String {
    let mut line = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        line.push(' ');
        line.push_str(&arg.to_string_lossy());
    }
    line
}

fn announce(command: &Command) {
    eprintln!("\n$ {}", display(command));
}

fn spawn_error(command: &Command, error: std::io::Error) -> Error {
    Error::new(format!("cannot run `{}`: {error}", display(command)))
}

/// Runs `command` and fails unless it succeeds.
pub fn run(command: &mut Command) -> Result<()> {
    if succeeds(command)? {
        Ok(())
    } else {
        Err(Error::new(format!("`{}` failed", display(command))))
    }
}

/// Runs `command` and tells whether it succeeded; fails only when it cannot
/// be started at all.
pub fn succeeds(command: &mut Command) -> Result<bool> {
    announce(command);
    let status = command
        .status()
        .map_err(|error| spawn_error(command, error))?;
    Ok(status.success())
}

/// Runs `command`, passing each line of its standard output to `on_line`
/// (which should print it) as it comes, and tells whether it succeeded.
pub fn succeeds_with_lines(command: &mut Command, mut on_line: impl FnMut(&str)) -> Result<bool> {
    announce(command);
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|error| spawn_error(command, error))?;
    let stdout = child.stdout.take().expect("stdout is piped");
    // Bytes, not `lines()`: a test may print what is not UTF-8, and that
    // must not stop us from reading on and waiting for the child.
    for line in BufReader::new(stdout).split(b'\n') {
        on_line(String::from_utf8_lossy(&line?).trim_end_matches('\r'));
    }
    Ok(child.wait()?.success())
}

/// The trimmed standard output of `program args`, or `None` when it cannot
/// run or fails: for asking a tool its version, quietly.
pub fn probe(program: impl AsRef<OsStr>, args: &[&str], path: &OsStr) -> Option<String> {
    let output = Command::new(program)
        .args(args)
        .env("PATH", path)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}
