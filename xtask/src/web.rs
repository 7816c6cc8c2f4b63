//! The page's build, by the tools themselves and no bundler:
//!
//! 1. `cargo build --target wasm32-unknown-unknown` of the app, with the
//!    build's name in `DOORSTROOM_BUILD` for the page to show;
//! 2. `wasm-bindgen --target web`: the wasm and its JS glue, an ES module;
//! 3. in a release, `wasm-opt -Oz` on the wasm;
//! 4. the folder the page is served from: the glue, the wasm and the style
//!    sheets under names that carry a hash of their contents, `public/` as
//!    it is, the bands' worker (`bands_worker.js`, which starts the same
//!    module with the worker's entry) and `index.html` from its template
//!    (`page.rs`).
//!
//! `dist.rs` locks the result down and adds the service worker; `serve.rs`
//! serves it as it is.

use std::fs;
use std::path::{Path, PathBuf};

use crate::install::WebTools;
use crate::page::{self, Asset};
use crate::{Error, Result, process, workspace_root};

const TARGET: &str = "wasm32-unknown-unknown";

/// The app's binary and the name of its files.
const APP: &str = "doorstroom";

/// The bands' worker beside the page; `src/bands.rs` names it too.
pub const WORKER_FILE: &str = "bands_worker.js";

/// A release (optimised, small) or a quick build to work on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Mode {
    Release,
    Dev,
}

impl Mode {
    /// Cargo's name for the profile's folder under `target/`.
    fn profile_dir(self) -> &'static str {
        match self {
            Mode::Release => "release",
            Mode::Dev => "debug",
        }
    }
}

/// Builds the page into `out` (emptied first), its build named `build_name`,
/// with the page's cargo `features` on (the benchmark's `bench-counters`).
pub fn build(
    tools: &WebTools,
    mode: Mode,
    build_name: &str,
    features: &[&str],
    out: &Path,
) -> Result<()> {
    let root = workspace_root();
    let mut cargo = tools.command(process::cargo());
    cargo.args(["build", "-p", APP, "--bin", APP, "--target", TARGET]);
    if mode == Mode::Release {
        cargo.arg("--release");
    }
    if !features.is_empty() {
        cargo.args(["--features", &features.join(",")]);
    }
    process::run(cargo.env("DOORSTROOM_BUILD", build_name))?;

    let wasm = target_dir(&root)
        .join(TARGET)
        .join(mode.profile_dir())
        .join(format!("{APP}.wasm"));
    let bound = target_dir(&root).join("web").join(mode.profile_dir());
    let _ = fs::remove_dir_all(&bound);
    let mut bindgen = tools.command("wasm-bindgen");
    bindgen
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&bound)
        .arg(&wasm);
    process::run(&mut bindgen)?;
    let bound_wasm = bound.join(format!("{APP}_bg.wasm"));
    if mode == Mode::Release {
        let mut opt = tools.command("wasm-opt");
        opt.arg("-Oz").arg(&bound_wasm).arg("-o").arg(&bound_wasm);
        process::run(&mut opt)?;
    }

    let glue_bytes = read(&bound.join(format!("{APP}.js")))?;
    let wasm_bytes = read(&bound_wasm)?;
    // The glue and the wasm share one hash, as a pair: the glue names the
    // wasm's imports.
    let hash = page::content_hash(&[&wasm_bytes[..], &glue_bytes[..]].concat());
    let app = page::App {
        glue: Asset {
            name: format!("{APP}-{hash}.js"),
            integrity: page::integrity(&glue_bytes),
        },
        wasm: Asset {
            name: format!("{APP}-{hash}_bg.wasm"),
            integrity: page::integrity(&wasm_bytes),
        },
    };

    let _ = fs::remove_dir_all(out);
    fs::create_dir_all(out)?;
    fs::write(out.join(&app.glue.name), &glue_bytes)?;
    fs::write(out.join(&app.wasm.name), &wasm_bytes)?;
    fs::write(out.join(WORKER_FILE), page::worker_file(&app.glue))?;
    copy_dir(&root.join("public"), &out.join("public"))?;
    let template = fs::read_to_string(root.join("index.html"))?;
    let html = page::render(&template, &app, |href| {
        let css = read(&root.join(href))?;
        let stem = Path::new(href)
            .file_stem()
            .and_then(|stem| stem.to_str())
            .ok_or_else(|| {
                Error::new(format!("index.html: a style sheet without a name: {href}"))
            })?;
        let asset = Asset::of(stem, "css", &css);
        fs::write(out.join(&asset.name), &css)?;
        Ok(asset)
    })?;
    fs::write(out.join("index.html"), html)?;
    Ok(())
}

/// Cargo's target folder: `$CARGO_TARGET_DIR` or `target/` in the workspace.
fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from)
}

fn read(file: &Path) -> Result<Vec<u8>> {
    fs::read(file).map_err(|error| Error::new(format!("{}: {error}", file.display())))
}

/// Copies the folder `from` to `to`, files and folders alike.
fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_a_folder_with_its_subfolders() {
        let base = std::env::temp_dir().join(format!("xtask-web-copy-{}", std::process::id()));
        let _ = fs::remove_dir_all(&base);
        fs::create_dir_all(base.join("from/icons")).unwrap();
        fs::write(base.join("from/a.svg"), "<svg/>").unwrap();
        fs::write(base.join("from/icons/b.svg"), "<svg></svg>").unwrap();
        copy_dir(&base.join("from"), &base.join("to")).unwrap();
        assert_eq!(fs::read_to_string(base.join("to/a.svg")).unwrap(), "<svg/>");
        assert_eq!(
            fs::read_to_string(base.join("to/icons/b.svg")).unwrap(),
            "<svg></svg>"
        );
        fs::remove_dir_all(&base).unwrap();
    }
}
