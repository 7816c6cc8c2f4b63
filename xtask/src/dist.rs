//! `cargo xtask dist`: the optimised release build in `dist/`, ready to copy
//! to any static host, and what it weighs.

use std::fs;
use std::io::Write;
use std::path::Path;

use flate2::Compression;
use flate2::write::GzEncoder;

use crate::install::{self, WebTools};
use crate::{Result, lockdown, offline, single_file, web, workspace_root};

/// `cargo xtask dist [--single-file]`.
pub fn run(single_file: bool) -> Result<()> {
    let tools = install::web_tools()?;
    build(&tools)?;
    let dist = workspace_root().join("dist");
    print_sizes(&dist)?;
    if single_file {
        let out = single_file::write(&dist)?;
        let bytes = fs::metadata(&out)?.len() as usize;
        println!(
            "
single file: {} ({})",
            out.display(),
            kib(bytes)
        );
    }
    Ok(())
}

/// Builds `dist/` in release mode (`web.rs`: the wasm optimised by
/// wasm-opt), with the commit it was built from for the page to show; locks
/// the page down (its Content-Security-Policy, the integrity checks and
/// `_headers`), and then writes the service worker that caches the files as
/// they are served.
pub fn build(tools: &WebTools) -> Result<()> {
    build_with_features(tools, &[])
}

/// [`build`] with the page's cargo `features` on (the benchmark's
/// `bench-counters`).
pub fn build_with_features(tools: &WebTools, features: &[&str]) -> Result<()> {
    let dist = workspace_root().join("dist");
    web::build(tools, web::Mode::Release, &build_name(), features, &dist)?;
    lockdown::apply(&dist)?;
    let version = offline::write_worker(&dist)?;
    println!("xtask: service worker for release cache doorstroom-{version}");
    Ok(())
}

/// The commit the build is made from (with `-modified` when the work tree
/// differs from it), or "local" outside a git checkout.
pub fn build_name() -> String {
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(workspace_root())
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
    };
    match git(&["rev-parse", "--short=10", "HEAD"]) {
        Some(commit) => match git(&["status", "--porcelain", "--untracked-files=no"]) {
            Some(changes) if !changes.is_empty() => format!("{commit}-modified"),
            _ => commit,
        },
        None => "local".to_owned(),
    }
}

/// Prints the size of each wasm and JS file in `dist`, raw and gzipped (at
/// the highest level, as a static host would precompress them).
fn print_sizes(dist: &Path) -> Result<()> {
    let mut files: Vec<_> = fs::read_dir(dist)?
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<Result<_, _>>()?;
    files.retain(|file| {
        matches!(
            file.extension().and_then(|extension| extension.to_str()),
            Some("wasm" | "js")
        )
    });
    files.sort();
    println!("\n{:<44} {:>12} {:>12}", "dist/", "raw", "gzipped");
    for file in files {
        let bytes = fs::read(&file)?;
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        println!(
            "{name:<44} {:>12} {:>12}",
            kib(bytes.len()),
            kib(gzipped_len(&bytes)?)
        );
    }
    Ok(())
}

fn gzipped_len(bytes: &[u8]) -> Result<usize> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len())
}

fn kib(bytes: usize) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_shrinks_repetitive_bytes() {
        let bytes = vec![b'a'; 10_000];
        let gzipped = gzipped_len(&bytes).unwrap();
        assert!(gzipped > 0 && gzipped < 100, "{gzipped}");
    }

    #[test]
    fn sizes_read_in_kib() {
        assert_eq!(kib(1536), "1.5 KiB");
        assert_eq!(kib(0), "0.0 KiB");
    }
}
