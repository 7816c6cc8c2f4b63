//! Installing what the commands need, once.
//!
//! Every tool is looked for first and installed only when it is missing or
//! at the wrong version, so the first run on a fresh machine sets everything
//! up and a second run installs nothing. Everything comes from a package
//! registry (crates.io, npm, Debian); the build itself (`web.rs`) never
//! downloads.
//!
//! - the `wasm32-unknown-unknown` target, with rustup;
//! - wasm-bindgen-cli (`wasm-bindgen` and `wasm-bindgen-test-runner`) at
//!   exactly the wasm-bindgen version in Cargo.lock, as the two must agree
//!   on the ABI between the wasm and its JS glue;
//! - wasm-opt from binaryen 132, the npm package `binaryen@132`, installed
//!   into a cache folder of our own;
//! - for the browser tests, Chromium and chromedriver, from Debian's
//!   packages when we may install them.

use std::env;
use std::ffi::{OsStr, OsString};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{Error, Result, process, workspace_root};

/// The binaryen release whose wasm-opt optimises the release's wasm.
const BINARYEN_VERSION: &str = "132";

/// The names Chromium goes by on PATH, most likely first.
const CHROME_NAMES: [&str; 4] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

/// The tools that build the page, and the PATH on which they are found.
pub struct WebTools {
    path: OsString,
}

impl WebTools {
    /// A command for `program`, found on (and run with) the tools' PATH.
    pub fn command(&self, program: impl AsRef<OsStr>) -> Command {
        let mut command = Command::new(program);
        command
            .env("PATH", &self.path)
            .current_dir(workspace_root());
        command
    }
}

/// Finds or installs the wasm target, wasm-bindgen-cli and wasm-opt.
pub fn web_tools() -> Result<WebTools> {
    wasm_target()?;

    // Tools that `cargo install` puts in Cargo's bin folder come first on
    // PATH, so that an older copy elsewhere cannot shadow them.
    let mut dirs = vec![cargo_home().join("bin")];
    dirs.extend(env::split_paths(&env::var_os("PATH").unwrap_or_default()));
    let path = env::join_paths(&dirs).map_err(|error| Error::new(error.to_string()))?;

    let wasm_bindgen = wasm_bindgen_version(&workspace_root())?;
    cargo_tool("wasm-bindgen", "wasm-bindgen-cli", &wasm_bindgen, &path)?;
    if let Some(binaryen) = wasm_opt(&path)? {
        dirs.insert(0, binaryen);
    }
    let path = env::join_paths(&dirs).map_err(|error| Error::new(error.to_string()))?;
    Ok(WebTools { path })
}

/// Where `cargo install` puts its programs, under `bin/`.
fn cargo_home() -> PathBuf {
    env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| home().join(".cargo"))
}

fn home() -> PathBuf {
    env::var_os("HOME")
        .or_else(|| env::var_os("USERPROFILE"))
        .map(PathBuf::from)
        .unwrap_or_default()
}

fn wasm_target() -> Result<()> {
    const TARGET: &str = "wasm32-unknown-unknown";
    let path = env::var_os("PATH").unwrap_or_default();
    let has_target = |path: &OsStr| {
        process::probe("rustc", &["--print", "sysroot"], path).is_some_and(|sysroot| {
            Path::new(&sysroot)
                .join("lib/rustlib")
                .join(TARGET)
                .is_dir()
        })
    };
    if has_target(&path) {
        return Ok(());
    }
    if process::probe("rustup", &["--version"], &path).is_none() {
        return Err(Error::new(format!(
            "the {TARGET} target is missing: add it to your Rust toolchain \
             (with rustup: `rustup target add {TARGET}`)"
        )));
    }
    eprintln!("xtask: installing the {TARGET} target (once)");
    process::run(Command::new("rustup").args(["target", "add", TARGET]))?;
    Ok(())
}

/// Makes sure `binary --version` reports `version`, installing `package` at
/// exactly that version with `cargo install` if it does not.
fn cargo_tool(binary: &str, package: &str, version: &str, path: &OsStr) -> Result<()> {
    let installed = || {
        process::probe(binary, &["--version"], path)
            .is_some_and(|output| reported_version(&output) == Some(version))
    };
    if installed() {
        return Ok(());
    }
    eprintln!("xtask: installing {package} {version} (once; this takes a while)");
    let mut install = Command::new(process::cargo());
    // wasm-bindgen-cli is installed as its own documentation says, without
    // --locked.
    install.args(["install", package, "--version", &format!("={version}")]);
    process::run(&mut install)?;
    if installed() {
        Ok(())
    } else {
        Err(Error::new(format!(
            "installed {package} {version}, but `{binary} --version` still reports another \
             version: remove the other `{binary}` from PATH"
        )))
    }
}

/// The version in a `--version` line such as `wasm-bindgen 0.2.130`.
fn reported_version(output: &str) -> Option<&str> {
    output.split_whitespace().nth(1)
}

/// The wasm-bindgen version in Cargo.lock: the CLI must be the same.
fn wasm_bindgen_version(root: &Path) -> Result<String> {
    let lock = read(&root.join("Cargo.lock"))?;
    locked_version(&lock, "wasm-bindgen")
        .map(str::to_owned)
        .ok_or_else(|| Error::new("Cargo.lock has no wasm-bindgen; run `cargo generate-lockfile`"))
}

fn read(file: &Path) -> Result<String> {
    fs::read_to_string(file).map_err(|error| Error::new(format!("{}: {error}", file.display())))
}

/// The version of `package` in the text of a Cargo.lock. A lock file lists
/// each package as `name = "…"` followed by `version = "…"`.
fn locked_version<'a>(lock: &'a str, package: &str) -> Option<&'a str> {
    let name = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    lines.find(|line| *line == name)?;
    lines
        .next()?
        .strip_prefix("version = \"")?
        .strip_suffix('"')
}

/// Finds wasm-opt from binaryen 132 on PATH, or installs it from npm into
/// our cache folder; returns that folder's `bin` when PATH needs it.
fn wasm_opt(path: &OsStr) -> Result<Option<PathBuf>> {
    let is_ours = |program: &OsStr| {
        process::probe(program, &["--version"], path).is_some_and(|output| {
            // `wasm-opt version 132 (version_132)`
            output.split_whitespace().nth(2) == Some(BINARYEN_VERSION)
        })
    };
    if is_ours(OsStr::new("wasm-opt")) {
        return Ok(None);
    }
    let prefix = cache_dir().join(format!("binaryen-{BINARYEN_VERSION}"));
    let bin = prefix.join("node_modules").join(".bin");
    if is_ours(bin.join("wasm-opt").as_os_str()) {
        return Ok(Some(bin));
    }
    if process::probe("npm", &["--version"], path).is_none() {
        return Err(Error::new(format!(
            "wasm-opt from binaryen {BINARYEN_VERSION} is missing: install Node.js with npm \
             so that it can be installed, or put binaryen {BINARYEN_VERSION}'s wasm-opt on PATH"
        )));
    }
    eprintln!("xtask: installing binaryen {BINARYEN_VERSION} from npm (once)");
    fs::create_dir_all(&prefix)?;
    process::run(
        Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--loglevel=error"])
            .arg("--prefix")
            .arg(&prefix)
            .arg(format!("binaryen@{BINARYEN_VERSION}")),
    )?;
    if is_ours(bin.join("wasm-opt").as_os_str()) {
        Ok(Some(bin))
    } else {
        Err(Error::new(format!(
            "npm installed binaryen into {}, but its wasm-opt does not report version {BINARYEN_VERSION}",
            prefix.display()
        )))
    }
}

/// Our folder in the user's cache (`$XDG_CACHE_HOME` or `~/.cache`).
pub(crate) fn cache_dir() -> PathBuf {
    env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| home().join(".cache"))
        .join("doorstroom")
}

/// The browser and its driver, for the browser and end-to-end tests.
pub struct Browser {
    pub chrome: PathBuf,
    pub chromedriver: PathBuf,
}

/// Finds Chromium and chromedriver (`$CHROME` and `$CHROMEDRIVER` first,
/// then PATH), installing Debian's packages when they are missing and we are
/// root on a system with apt-get.
pub fn browser() -> Result<Browser> {
    if let Some(browser) = find_browser()? {
        return Ok(browser);
    }
    let path = env::var_os("PATH").unwrap_or_default();
    if is_root() && find_on_path("apt-get", &path).is_some() {
        eprintln!("xtask: installing Chromium and chromedriver from Debian's packages (once)");
        process::run(Command::new("apt-get").arg("update"))?;
        process::run(Command::new("apt-get").args([
            "install",
            "-y",
            "chromium",
            "chromium-driver",
        ]))?;
        if let Some(browser) = find_browser()? {
            return Ok(browser);
        }
    }
    Err(Error::new(
        "the browser tests need Chromium and chromedriver of the same version: install them \
         (on Debian: `apt-get install chromium chromium-driver`), or set CHROME and \
         CHROMEDRIVER to their paths",
    ))
}

fn find_browser() -> Result<Option<Browser>> {
    let path = env::var_os("PATH").unwrap_or_default();
    let chrome = match from_env("CHROME")? {
        Some(chrome) => Some(chrome),
        None => CHROME_NAMES
            .iter()
            .find_map(|name| find_on_path(name, &path)),
    };
    let chromedriver = match from_env("CHROMEDRIVER")? {
        Some(chromedriver) => Some(chromedriver),
        None => find_on_path("chromedriver", &path),
    };
    Ok(chrome
        .zip(chromedriver)
        .map(|(chrome, chromedriver)| Browser {
            chrome,
            chromedriver,
        }))
}

/// The file an environment variable names, if it is set; an error if it
/// names nothing, as that is a mistake to point out rather than to work around.
fn from_env(variable: &str) -> Result<Option<PathBuf>> {
    match env::var_os(variable) {
        Some(value) if !value.is_empty() => {
            let file = PathBuf::from(value);
            if file.is_file() {
                Ok(Some(file))
            } else {
                Err(Error::new(format!(
                    "{variable} is set to {}, which is not a file: point it at the program or unset it",
                    file.display()
                )))
            }
        }
        _ => Ok(None),
    }
}

fn find_on_path(program: &str, path: &OsStr) -> Option<PathBuf> {
    env::split_paths(path)
        .map(|dir| dir.join(program))
        .find(|file| file.is_file())
}

fn is_root() -> bool {
    let path = env::var_os("PATH").unwrap_or_default();
    process::probe("id", &["-u"], &path).as_deref() == Some("0")
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "wasm-bindgen-backend"
version = "0.2.99"
"#;

    #[test]
    fn reads_a_version_from_the_lock_file() {
        assert_eq!(locked_version(LOCK, "wasm-bindgen"), Some("0.2.130"));
        assert_eq!(locked_version(LOCK, "wasm-bindgen-backend"), Some("0.2.99"));
        assert_eq!(locked_version(LOCK, "wasm"), None);
    }

    #[test]
    fn the_repository_locks_a_wasm_bindgen() {
        let version = wasm_bindgen_version(&workspace_root()).unwrap();
        assert!(version.starts_with("0.2."), "{version}");
    }

    #[test]
    fn reads_a_reported_version() {
        assert_eq!(reported_version("wasm-opt 0.21.14"), Some("0.21.14"));
        assert_eq!(reported_version("wasm-bindgen 0.2.130"), Some("0.2.130"));
        assert_eq!(reported_version("wasm-bindgen"), None);
    }
}
