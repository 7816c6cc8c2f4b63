//! A small static file server on a free loopback port, for the tests only.
//!
//! It serves one directory over HTTP/1.1 with the MIME types a Trunk build
//! needs (`application/wasm` above all, or the browser refuses to stream-compile
//! the module), closes every connection after one response, and stops when it
//! is dropped. Loopback only, GET and HEAD only, nothing outside its root.

use std::fs;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// A running server. Dropping it stops the server.
pub struct StaticServer {
    addr: SocketAddr,
    stopping: Arc<AtomicBool>,
    acceptor: Option<JoinHandle<()>>,
}

impl StaticServer {
    /// Serves `root` on 127.0.0.1 at a port the system picks.
    pub fn start(root: impl Into<PathBuf>) -> io::Result<StaticServer> {
        StaticServer::start_with_tools(root, None)
    }

    /// Serves `root`, and `tools` (test tools such as axe-core) under
    /// [`TOOLS_PATH`] on the same origin, so that a page whose policy allows
    /// only its own scripts can load them.
    pub fn start_with_tools(
        root: impl Into<PathBuf>,
        tools: Option<PathBuf>,
    ) -> io::Result<StaticServer> {
        let root = root.into();
        if !root.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!("{} is not a directory", root.display()),
            ));
        }
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
        let addr = listener.local_addr()?;
        let stopping = Arc::new(AtomicBool::new(false));
        let acceptor = thread::spawn({
            let stopping = Arc::clone(&stopping);
            let roots = Arc::new(Roots { root, tools });
            move || accept(listener, &roots, &stopping)
        });
        Ok(StaticServer {
            addr,
            stopping,
            acceptor: Some(acceptor),
        })
    }

    /// The server's origin, e.g. `http://127.0.0.1:40123`, without a slash.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        // `accept` blocks; one last connection wakes it up to see the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
    }
}

/// Where test tools are served from, below the origin.
pub const TOOLS_PATH: &str = "/__test-tools__/";

struct Roots {
    root: PathBuf,
    tools: Option<PathBuf>,
}

fn accept(listener: TcpListener, root: &Arc<Roots>, stopping: &AtomicBool) {
    for stream in listener.incoming() {
        if stopping.load(Ordering::SeqCst) {
            return;
        }
        let Ok(stream) = stream else { continue };
        let root = Arc::clone(root);
        // One thread per connection: a browser opens several at once, and
        // the tests never make many.
        thread::spawn(move || {
            // A client that hangs up early is its own problem, not the test's.
            let _ = respond(stream, &root);
        });
    }
}

fn respond(mut stream: TcpStream, roots: &Roots) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read and drop the headers: nothing in them changes the answer.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }

    let mut parts = request_line.split_whitespace();
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
        return send(&mut stream, 400, "text/plain", b"bad request", true);
    };
    let with_body = match method {
        "GET" => true,
        "HEAD" => false,
        _ => return send(&mut stream, 405, "text/plain", b"method not allowed", true),
    };
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let (root, path) = match (&roots.tools, path.strip_prefix(TOOLS_PATH)) {
        (Some(tools), Some(rest)) => (tools.as_path(), rest),
        _ => (roots.root.as_path(), path),
    };
    let Some(relative) = relative_path(path) else {
        return send(&mut stream, 404, "text/plain", b"not found", with_body);
    };
    let mut file = root.join(&relative);
    if file.is_dir() {
        if !path.ends_with('/') {
            // Relative URLs inside the page resolve against the folder only
            // when the address ends in a slash.
            return redirect(&mut stream, &format!("{path}/"));
        }
        file.push("index.html");
    }
    match fs::read(&file) {
        Ok(body) => send(&mut stream, 200, mime_type(&file), &body, with_body),
        Err(_) => send(&mut stream, 404, "text/plain", b"not found", with_body),
    }
}

/// The path below the root that a request path names, or `None` when it tries
/// to leave the root or is not valid percent-encoded UTF-8.
fn relative_path(request_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(request_path)?;
    let relative = PathBuf::from(decoded.trim_start_matches('/'));
    relative
        .components()
        .all(|component| matches!(component, Component::Normal(_)))
        .then_some(relative)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            decoded.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(decoded).ok()
}

/// The `Content-Type` for a file, by its extension.
pub fn mime_type(file: &Path) -> &'static str {
    let extension = file.extension().and_then(|e| e.to_str()).unwrap_or("");
    match extension.to_ascii_lowercase().as_str() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "csv" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn redirect(stream: &mut TcpStream, location: &str) -> io::Result<()> {
    write!(
        stream,
        "HTTP/1.1 301 Moved Permanently\r\nLocation: {location}\r\n\
         Content-Length: 0\r\nConnection: close\r\n\r\n"
    )
}

fn send(
    stream: &mut TcpStream,
    status: u16,
    content_type: &str,
    body: &[u8],
    with_body: bool,
) -> io::Result<()> {
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        _ => "Method Not Allowed",
    };
    write!(
        stream,
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\n\
         Content-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if with_body {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn get(server: &StaticServer, path: &str) -> String {
        let mut stream = TcpStream::connect(server.addr).unwrap();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: test\r\n\r\n").unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        response
    }

    fn fixture_root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
    }

    #[test]
    fn serves_files_with_their_type() {
        let server = StaticServer::start(fixture_root()).unwrap();
        let response = get(&server, "/console-error.html?x=1");
        assert!(response.starts_with("HTTP/1.1 200 OK\r\n"), "{response}");
        assert!(response.contains("Content-Type: text/html; charset=utf-8\r\n"));
        assert!(response.contains("deliberate"));
    }

    #[test]
    fn never_leaves_its_root() {
        let server = StaticServer::start(fixture_root()).unwrap();
        for path in ["/../Cargo.toml", "/%2e%2e/Cargo.toml", "/nope.html", "/%zz"] {
            let response = get(&server, path);
            assert!(response.starts_with("HTTP/1.1 404 "), "{path}: {response}");
        }
    }

    #[test]
    fn redirects_a_folder_to_its_slash() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let server = StaticServer::start(root).unwrap();
        let response = get(&server, "/fixtures");
        assert!(response.starts_with("HTTP/1.1 301 "), "{response}");
        assert!(response.contains("Location: /fixtures/\r\n"));
    }

    #[test]
    fn wasm_is_application_wasm() {
        assert_eq!(mime_type(Path::new("app_bg.wasm")), "application/wasm");
        assert_eq!(
            mime_type(Path::new("app.JS")),
            "text/javascript; charset=utf-8"
        );
    }
}
