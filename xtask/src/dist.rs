//! `cargo xtask dist`: the optimised release build in `dist/`, ready to copy
//! to any static host, and what it weighs.

use std::fs;
use std::io::Write;
use std::path::Path;

use flate2::Compression;
use flate2::write::GzEncoder;

use crate::install::{self, WebTools};
use crate::{Result, lockdown, process, workspace_root};

pub fn run() -> Result<()> {
    let tools = install::web_tools()?;
    build(&tools)?;
    print_sizes(&workspace_root().join("dist"))
}

/// Builds `dist/` with Trunk in release mode (Trunk runs wasm-opt on the
/// wasm, `data-wasm-opt` in index.html), then locks the page down: its
/// Content-Security-Policy, the integrity checks and `_headers`.
pub fn build(tools: &WebTools) -> Result<()> {
    process::run(tools.command("trunk").args(["build", "--release"]))?;
    lockdown::apply(&workspace_root().join("dist"))
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
