//! axe-core, the accessibility checker the end-to-end tests run in the
//! page: the npm package, installed once into our cache folder (like
//! binaryen) and handed to the tests as a folder that their local server
//! serves to the browser. Nothing is fetched by the browser from elsewhere.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use crate::install::cache_dir;
use crate::{Error, Result, process};

/// The axe-core release the audit is made with.
const AXE_VERSION: &str = "4.14.1";

/// The folder that holds `axe.min.js`, installing the package when missing.
pub fn axe_core() -> Result<PathBuf> {
    let prefix = cache_dir().join(format!("axe-core-{AXE_VERSION}"));
    let folder = prefix.join("node_modules").join("axe-core");
    let is_ours = || {
        fs::read_to_string(folder.join("package.json"))
            .is_ok_and(|p| p.contains(&format!("\"version\": \"{AXE_VERSION}\"")))
            && folder.join("axe.min.js").is_file()
    };
    if is_ours() {
        return Ok(folder);
    }
    eprintln!("xtask: installing axe-core {AXE_VERSION} from npm (once)");
    fs::create_dir_all(&prefix)?;
    process::run(
        Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--loglevel=error"])
            .arg("--prefix")
            .arg(&prefix)
            .arg(format!("axe-core@{AXE_VERSION}")),
    )?;
    if is_ours() {
        Ok(folder)
    } else {
        Err(Error::new(format!(
            "npm installed axe-core into {}, but not version {AXE_VERSION} with axe.min.js",
            prefix.display()
        )))
    }
}
