//! `cargo xtask serve`: the page on http://127.0.0.1:8080, built quickly
//! (a debug build, no wasm-opt) and built again whenever a source file
//! changes; reload the browser to see it.
//!
//! The build is `web.rs`'s, locked down as a release is (`lockdown.rs`, so
//! that the page runs under the policy it will be served with, and
//! `embed.html` is there), without the service worker, which would keep
//! answering with the build it cached. The server is tiny_http's, on
//! loopback only, in a thread of its own; the sources are watched by
//! polling their modification times, twice a second.

use std::fs;
use std::path::{Component, Path, PathBuf};
use std::thread;
use std::time::{Duration, SystemTime};

use tiny_http::{Header, Response, Server};

use crate::{Error, Result, dist, install, lockdown, web, workspace_root};

/// Where the page is served.
const ADDRESS: &str = "127.0.0.1:8080";

/// What the page is built from, relative to the workspace root.
const SOURCES: [&str; 7] = [
    "src",
    "crates",
    "style",
    "public",
    "index.html",
    "Cargo.toml",
    "Cargo.lock",
];

/// How often the sources are looked at.
const POLL: Duration = Duration::from_millis(500);

pub fn run() -> Result<()> {
    let tools = install::web_tools()?;
    let root = workspace_root();
    let out = root.join("target").join("serve");
    let server = Server::http(ADDRESS)
        .map_err(|error| Error::new(format!("cannot serve on {ADDRESS}: {error}")))?;
    let served = out.clone();
    thread::spawn(move || {
        for request in server.incoming_requests() {
            let response = respond(&served, request.url());
            // A browser that went away is no error of ours.
            let _ = request.respond(response);
        }
    });

    let mut seen = None;
    loop {
        let now = newest_change(&root)?;
        if seen != Some(now) {
            seen = Some(now);
            let built = web::build(&tools, web::Mode::Dev, &dist::build_name(), &[], &out)
                .and_then(|()| lockdown::apply(&out));
            match built {
                Ok(()) => eprintln!(
                    "\nxtask: serving Doorstroom at http://{ADDRESS}/ (reload the page after a \
                     change; Ctrl-C stops)"
                ),
                Err(error) => eprintln!("\nerror: {error}\nxtask: waiting for the next change"),
            }
        }
        thread::sleep(POLL);
    }
}

/// The latest modification time under the sources, with their number of
/// files, so that a removed file counts as a change too.
fn newest_change(root: &Path) -> Result<(SystemTime, usize)> {
    fn walk(path: &Path, newest: &mut (SystemTime, usize)) -> Result<()> {
        let meta = match fs::metadata(path) {
            Ok(meta) => meta,
            Err(_) => return Ok(()),
        };
        if meta.is_dir() {
            if path.file_name().is_some_and(|name| name == "target") {
                return Ok(());
            }
            for entry in fs::read_dir(path)? {
                walk(&entry?.path(), newest)?;
            }
        } else {
            newest.0 = newest.0.max(meta.modified()?);
            newest.1 += 1;
        }
        Ok(())
    }
    let mut newest = (SystemTime::UNIX_EPOCH, 0);
    for source in SOURCES {
        walk(&root.join(source), &mut newest)?;
    }
    Ok(newest)
}

/// The file the request's path names under `root` (a folder's
/// `index.html` for a folder), or 404.
fn respond(root: &Path, url: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let not_found = || Response::from_string("not found").with_status_code(404);
    let Some(file) = file_for(root, url) else {
        return not_found();
    };
    match fs::read(&file) {
        Ok(bytes) => Response::from_data(bytes)
            .with_header(header("Content-Type", content_type(&file)))
            // Every build is new: nothing may be answered from a cache.
            .with_header(header("Cache-Control", "no-store")),
        Err(_) => not_found(),
    }
}

/// The path under `root` that `url` names; `None` for one that would leave it.
fn file_for(root: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let relative = Path::new(path.trim_start_matches('/'));
    if relative
        .components()
        .any(|part| !matches!(part, Component::Normal(_)))
    {
        return None;
    }
    let file = root.join(relative);
    Some(if file.is_dir() {
        file.join("index.html")
    } else {
        file
    })
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

/// The `Content-Type` of a file of the page, by its extension (the browser
/// compiles a wasm as it streams in only as `application/wasm`).
fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|extension| extension.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("svg") => "image/svg+xml",
        Some("json") => "application/json",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_under_the_root() {
        let root = Path::new("/srv/page");
        assert_eq!(
            file_for(root, "/doorstroom-1_bg.wasm?x=1"),
            Some(root.join("doorstroom-1_bg.wasm"))
        );
        assert_eq!(file_for(root, "/../etc/passwd"), None);
        assert_eq!(file_for(root, "/public/../../x"), None);
    }

    #[test]
    fn a_folder_is_its_index() {
        let root = std::env::temp_dir();
        assert_eq!(file_for(&root, "/?v=2"), Some(root.join("index.html")));
    }

    #[test]
    fn files_have_their_types() {
        assert_eq!(content_type(Path::new("a_bg.wasm")), "application/wasm");
        assert_eq!(
            content_type(Path::new("index.html")),
            "text/html; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("bands_worker.js")),
            "text/javascript"
        );
    }
}
