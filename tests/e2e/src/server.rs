//! A static file server on a free loopback port, for the tests only:
//! tower-http's `ServeDir` on hyper, in a thread with its own tokio runtime,
//! so that it serves whether or not a test is running on another runtime.
//!
//! `ServeDir` picks each file's `Content-Type` by its extension
//! (`application/wasm` above all, or the browser refuses to stream-compile
//! the module), answers only GET and HEAD, never leaves its root, and
//! redirects a folder to its address with a slash, where the page's relative
//! URLs resolve. Every response carries the headers the server was given (a
//! static host's security headers) and `Cache-Control: no-store`, so a test
//! never sees an earlier build. The server stops when it is dropped.
//!
//! A server may also serve a folder of test tools (axe-core, installed from
//! npm) under [`TOOLS_PATH`], on the page's own origin: a page whose policy
//! allows only its own scripts can then load them, and nothing comes from
//! elsewhere.

use std::io;
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::thread::{self, JoinHandle};

use http::header::{CACHE_CONTROL, HeaderName, HeaderValue};
use http::{Request, Response, Uri};
use hyper::server::conn::http1;
use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use tokio::sync::oneshot;
use tower::{ServiceExt, service_fn};
use tower_http::services::ServeDir;

use crate::headers::HeaderRules;

/// Where test tools are served, below the origin.
pub const TOOLS_PATH: &str = "/__test-tools__/";

/// A header the server adds to every response.
pub type Header = (HeaderName, HeaderValue);

/// A running server. Dropping it stops the server.
pub struct StaticServer {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl StaticServer {
    /// Serves `root` on 127.0.0.1 at a port the system picks.
    pub fn start(root: impl Into<PathBuf>) -> io::Result<StaticServer> {
        StaticServer::with_headers(root, Vec::new())
    }

    /// Serves `root` as [`StaticServer::start`] does, adding `headers` to
    /// every response (replacing any of the same name).
    pub fn with_headers(
        root: impl Into<PathBuf>,
        headers: impl Into<HeaderRules>,
    ) -> io::Result<StaticServer> {
        StaticServer::with_tools(root, headers, None)
    }

    /// Serves `root` as [`StaticServer::with_headers`] does, and the folder
    /// `tools` (when given) under [`TOOLS_PATH`].
    pub fn with_tools(
        root: impl Into<PathBuf>,
        headers: impl Into<HeaderRules>,
        tools: Option<PathBuf>,
    ) -> io::Result<StaticServer> {
        let root = root.into();
        let headers = headers.into();
        for folder in std::iter::once(&root).chain(&tools) {
            if !folder.is_dir() {
                return Err(io::Error::new(
                    io::ErrorKind::NotFound,
                    format!("{} is not a directory", folder.display()),
                ));
            }
        }
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let (stop, stopped) = oneshot::channel();
        let thread = thread::spawn(move || {
            runtime.block_on(async move {
                match tokio::net::TcpListener::from_std(listener) {
                    Ok(listener) => serve(listener, root, tools, headers, stopped).await,
                    Err(error) => eprintln!("static server on {addr}: {error}"),
                }
            });
        });
        Ok(StaticServer {
            addr,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// The server's origin, e.g. `http://127.0.0.1:40123`, without a slash.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            // The server may have ended already; then there is nobody to tell.
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The path of `uri` below [`TOOLS_PATH`], as an address of its own
/// (`/__test-tools__/axe.min.js` is `/axe.min.js`), or `None` for any other.
fn below_tools(uri: &Uri) -> Option<Uri> {
    let rest = uri.path().strip_prefix(TOOLS_PATH)?;
    Uri::builder()
        .path_and_query(format!("/{rest}"))
        .build()
        .ok()
}

/// Accepts connections until told to stop; each is served on its own task,
/// as a browser opens several at once. Every answer carries `headers` and
/// `no-store`.
async fn serve(
    listener: tokio::net::TcpListener,
    root: PathBuf,
    tools: Option<PathBuf>,
    headers: HeaderRules,
    mut stopped: oneshot::Receiver<()>,
) {
    let no_store = (CACHE_CONTROL, HeaderValue::from_static("no-store"));
    let site = ServeDir::new(root);
    let tools = tools.map(ServeDir::new);
    // Each ServeDir stays inside its own folder, so a tool's address can
    // reach nothing but the tools, and any other address nothing but `root`.
    // Each response gets the headers of the rules its path matches.
    let route = service_fn(move |mut request: Request<hyper::body::Incoming>| {
        let site = site.clone();
        let tools = tools.clone();
        let headers = headers
            .for_path(request.uri().path())
            .into_iter()
            .chain([no_store.clone()]);
        let headers: Vec<Header> = headers.collect();
        async move {
            let response = match (tools, below_tools(request.uri())) {
                (Some(tools), Some(uri)) => {
                    *request.uri_mut() = uri;
                    tools.oneshot(request).await
                }
                _ => site.oneshot(request).await,
            };
            response.map(|mut response: Response<_>| {
                for (name, value) in headers {
                    response.headers_mut().insert(name, value);
                }
                response
            })
        }
    });
    let service = route;
    loop {
        tokio::select! {
            _ = &mut stopped => return,
            accepted = listener.accept() => {
                // A client that fails to connect is its own problem.
                let Ok((stream, _)) = accepted else { continue };
                let service = TowerToHyperService::new(service.clone());
                tokio::spawn(async move {
                    // Nor is a client that hangs up early the test's.
                    let _ = http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpStream;
    use std::path::Path;

    fn get(server: &StaticServer, path: &str) -> String {
        let mut stream = TcpStream::connect(server.addr).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        response.to_ascii_lowercase()
    }

    fn fixture_root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
    }

    #[test]
    fn serves_files_with_their_type() {
        let server = StaticServer::start(fixture_root()).unwrap();
        let response = get(&server, "/console-error.html?x=1");
        assert!(response.starts_with("http/1.1 200 ok\r\n"), "{response}");
        assert!(response.contains("content-type: text/html"), "{response}");
        assert!(response.contains("cache-control: no-store\r\n"));
        assert!(response.contains("deliberate"));
    }

    #[test]
    fn wasm_is_application_wasm() {
        let server = StaticServer::start(fixture_root()).unwrap();
        let response = get(&server, "/empty.wasm");
        assert!(response.starts_with("http/1.1 200 ok\r\n"), "{response}");
        assert!(
            response.contains("content-type: application/wasm\r\n"),
            "{response}"
        );
        let script = get(&server, "/script.js");
        assert!(script.contains("content-type: text/javascript"), "{script}");
    }

    #[test]
    fn sends_the_headers_it_was_given() {
        let csp = HeaderName::from_static("content-security-policy");
        let server = StaticServer::with_headers(
            fixture_root(),
            vec![(csp, HeaderValue::from_static("default-src 'self'"))],
        )
        .unwrap();
        for path in ["/console-error.html", "/nope.html"] {
            let response = get(&server, path);
            assert!(
                response.contains("content-security-policy: default-src 'self'\r\n"),
                "{path}: {response}"
            );
        }
    }

    #[test]
    fn serves_the_tools_below_their_path_and_nothing_beside_them() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let server =
            StaticServer::with_tools(fixture_root(), Vec::new(), Some(root.join("src"))).unwrap();
        let tool = get(&server, "/__test-tools__/server.rs");
        assert!(tool.starts_with("http/1.1 200 ok\r\n"), "{tool}");
        assert!(tool.contains("pub const tools_path"), "{tool}");
        // The site's own files are still the site's.
        let page = get(&server, "/console-error.html");
        assert!(page.contains("deliberate"), "{page}");
        for path in [
            "/__test-tools__/../Cargo.toml",
            "/__test-tools__/%2e%2e/Cargo.toml",
            "/__test-tools__/nope.js",
            "/server.rs",
        ] {
            let response = get(&server, path);
            assert!(
                response.starts_with("http/1.1 404 ") || response.starts_with("http/1.1 400 "),
                "{path}: {response}"
            );
        }
        // Without tools, their path is just a missing file.
        let plain = StaticServer::start(fixture_root()).unwrap();
        assert!(get(&plain, "/__test-tools__/server.rs").starts_with("http/1.1 404 "));
    }

    #[test]
    fn never_leaves_its_root() {
        let server = StaticServer::start(fixture_root()).unwrap();
        for path in ["/../Cargo.toml", "/%2e%2e/Cargo.toml", "/nope.html", "/%zz"] {
            let response = get(&server, path);
            assert!(
                response.starts_with("http/1.1 404 ") || response.starts_with("http/1.1 400 "),
                "{path}: {response}"
            );
            assert!(!response.contains("[package]"), "{path}: {response}");
        }
    }

    #[test]
    fn answers_only_get_and_head() {
        let server = StaticServer::start(fixture_root()).unwrap();
        let mut stream = TcpStream::connect(server.addr).unwrap();
        write!(
            stream,
            "POST /console-error.html HTTP/1.1\r\nHost: test\r\n\
             Content-Length: 0\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        assert!(response.starts_with("HTTP/1.1 405 "), "{response}");
    }

    #[test]
    fn redirects_a_folder_to_its_slash() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let server = StaticServer::start(root).unwrap();
        let response = get(&server, "/fixtures");
        assert!(response.starts_with("http/1.1 30"), "{response}");
        assert!(response.contains("location: /fixtures/\r\n"), "{response}");
    }
}
