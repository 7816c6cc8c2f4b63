//! The service worker of a release: `sw.js` beside the page, which caches
//! every file of `dist/` under a name that is the hash of their contents.
//! A new release has other contents, so another name: the browser installs
//! the new worker, which caches the new files and deletes the old caches.
//!
//! The worker answers from its cache first and goes to the network only for
//! what it does not hold, so after one visit the page opens with the network
//! cut. Navigations (the page with any query) are answered with the cached
//! page, whatever the query: the scenario lives in the query, not the file.

use std::fs;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::Result;

/// The worker's file name, relative to the page.
pub const WORKER: &str = "sw.js";

/// Every file under `dir`, relative to it, with `/` separators, sorted.
pub fn files(dir: &Path) -> Result<Vec<String>> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<()> {
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let path: PathBuf = entry.path();
            if path.is_dir() {
                walk(&path, &format!("{prefix}{name}/"), out)?;
            } else {
                out.push(format!("{prefix}{name}"));
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out)?;
    out.sort();
    Ok(out)
}

/// The cache's name for these files: a hash of their names and contents.
pub fn version(dir: &Path, files: &[String]) -> Result<String> {
    let mut hash = Sha256::new();
    for file in files {
        hash.update(file.as_bytes());
        hash.update([0]);
        hash.update(fs::read(dir.join(file))?);
        hash.update([0]);
    }
    let digest = hash.finalize();
    Ok(digest.iter().take(8).map(|b| format!("{b:02x}")).collect())
}

/// The worker's source for a cache named `version` holding `files`.
pub fn worker_source(version: &str, files: &[String]) -> String {
    let list = std::iter::once("./".to_owned())
        .chain(files.iter().map(|f| format!("./{f}")))
        .map(|f| format!("  {f:?},"))
        .collect::<Vec<_>>()
        .join("\n");
    format!(
        r#"// Doorstroom's service worker, written by `cargo xtask dist`: the
// release's own files, cached under the release's version.
const VERSION = "doorstroom-{version}";
const FILES = [
{list}
];

self.addEventListener("install", (event) => {{
  event.waitUntil(
    caches.open(VERSION).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()),
  );
}});

// A new release replaces the old one: every other cache goes.
self.addEventListener("activate", (event) => {{
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
}});

self.addEventListener("fetch", (event) => {{
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {{
    return;
  }}
  // The page with any query is the one cached page.
  const key = request.mode === "navigate" ? "./" : request;
  event.respondWith(
    caches
      .open(VERSION)
      .then((cache) => cache.match(key, {{ ignoreSearch: request.mode === "navigate" }}))
      .then((hit) => hit || fetch(request)),
  );
}});
"#
    )
}

/// Files in `dist/` that tell a static host how to serve the page rather
/// than being the page: many hosts do not serve them (Cloudflare Pages
/// answers `_headers` with 404), and one missing file would stop the worker
/// from installing, so they are never cached.
const HOST_FILES: [&str; 3] = ["_headers", "_redirects", "_routes.json"];

/// The files the worker caches: the page's own, not the host's.
pub fn page_files(dist: &Path) -> Result<Vec<String>> {
    Ok(files(dist)?
        .into_iter()
        .filter(|f| f != WORKER && !HOST_FILES.contains(&f.as_str()))
        .collect())
}

/// Writes `sw.js` into `dist`, caching the page's files in it
/// ([`page_files`]); returns the version.
pub fn write_worker(dist: &Path) -> Result<String> {
    let _ = fs::remove_file(dist.join(WORKER));
    let files = page_files(dist)?;
    let version = version(dist, &files)?;
    fs::write(dist.join(WORKER), worker_source(&version, &files))?;
    Ok(version)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-offline-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("public")).unwrap();
        dir
    }

    #[test]
    fn the_worker_lists_every_file_and_its_version_follows_the_contents() {
        let dir = temp("list");
        fs::write(dir.join("index.html"), "<p>a</p>").unwrap();
        fs::write(dir.join("public/favicon.svg"), "<svg/>").unwrap();
        fs::write(dir.join("_headers"), "/*\n  X-Frame-Options: DENY\n").unwrap();
        let first = write_worker(&dir).unwrap();
        let source = fs::read_to_string(dir.join(WORKER)).unwrap();
        assert!(source.contains(r#""./index.html","#), "{source}");
        assert!(source.contains(r#""./public/favicon.svg","#));
        assert!(
            !source.contains("sw.js"),
            "the worker does not cache itself"
        );
        assert!(
            !source.contains("_headers"),
            "nor the host's files, which a host need not serve"
        );
        assert!(source.contains(&format!("doorstroom-{first}")));
        // Same files, same version; a changed file, a new one.
        assert_eq!(write_worker(&dir).unwrap(), first);
        fs::write(dir.join("index.html"), "<p>b</p>").unwrap();
        assert_ne!(write_worker(&dir).unwrap(), first);
        fs::remove_dir_all(&dir).unwrap();
    }
}
