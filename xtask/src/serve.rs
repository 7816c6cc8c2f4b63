//! `cargo xtask serve`: the page on http://127.0.0.1:8080, rebuilt and
//! reloaded in the browser whenever a source file changes.

use crate::{Result, install, process};

/// Where Trunk serves; Trunk.toml's `[serve]` says the same.
const ADDRESS: &str = "http://127.0.0.1:8080/";

pub fn run() -> Result<()> {
    let tools = install::web_tools()?;
    eprintln!("\nxtask: serving Doorstroom at {ADDRESS} once it is built (Ctrl-C stops)");
    process::run(tools.command("trunk").arg("serve"))
}
