//! `cargo xtask`: Doorstroom's own tooling, in Rust, so that it runs wherever
//! Cargo does and needs no shell scripts.
//!
//! ```text
//! cargo xtask serve   build the page, serve it and build it again on changes
//! cargo xtask dist    the optimised release build in dist/, with its sizes
//!                     (--single-file: also one self-contained HTML file)
//! cargo xtask test    every check and test there is; what the CI runs
//! cargo xtask bench   the benchmarks
//! cargo xtask fuzz    the long fuzz run of the link reader (nightly)
//! ```
//!
//! Each command first installs what it needs and is missing (see
//! `install.rs`), so that on a fresh machine the first run sets everything up
//! and later runs install nothing.

mod axe;
mod bench;
mod dist;
mod fuzz;
mod install;
mod lockdown;
mod offline;
mod page;
mod process;
mod serve;
mod single_file;
mod test;
mod web;

use std::fmt;
use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve   build the page and serve it on http://127.0.0.1:8080, built again
          whenever a source changes
  dist    build the optimised page into dist/ and print its sizes;
          with --single-file also dist/doorstroom.html, the whole page in
          one file that opens from disk
  test    formatting, lints, native tests, browser tests and end-to-end tests
  bench   the model benchmarks and the page's load time in Chromium
  fuzz [SECONDS]
          fuzz the link reader with cargo-fuzz on nightly (default 900 s)";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1).peekable();
    let command = args.next();
    // Only `fuzz` takes an argument: how long to run.
    let argument = match command.as_deref() {
        Some("fuzz") => args.next(),
        _ => None,
    };
    let single_file = command.as_deref() == Some("dist")
        && args.peek().map(String::as_str) == Some("--single-file");
    if single_file {
        args.next();
    }
    if let Some(extra) = args.next() {
        eprintln!("error: unexpected argument `{extra}`\n\n{USAGE}");
        return ExitCode::FAILURE;
    }
    let result = match command.as_deref() {
        Some("serve") => serve::run(),
        Some("dist") => dist::run(single_file),
        Some("test") => return test::run(),
        Some("bench") => bench::run(),
        Some("fuzz") => fuzz::run(argument.as_deref()),
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(Error::new(format!("unknown command `{other}`\n\n{USAGE}"))),
        None => Err(Error::new(USAGE)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The root of the workspace, where `Cargo.toml`, `index.html` and `dist/`
/// are. `cargo xtask` (a `cargo run` alias) sets `CARGO_MANIFEST_DIR` for
/// the run as well as for the build; the run's value comes first, because a
/// build directory shared by two clones may hold an xtask built in the other
/// clone, and that one would work on the other clone's files.
fn workspace_root() -> PathBuf {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from);
    manifest_dir
        .parent()
        .expect("xtask/ lies in the workspace root")
        .to_path_buf()
}

/// Whatever went wrong, said in one sentence for the person at the terminal.
#[derive(Debug)]
pub struct Error(String);

impl Error {
    pub fn new(message: impl Into<String>) -> Error {
        Error(message.into())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<io::Error> for Error {
    fn from(error: io::Error) -> Error {
        Error(error.to_string())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
