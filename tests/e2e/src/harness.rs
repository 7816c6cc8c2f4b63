//! The test harness: servers, chromedriver and the pages the tests open.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};
use url::{Origin, Url};

use crate::headers::{HeaderRules, read_headers_file};
use crate::server::Header;
use crate::{Chromedriver, Result, StaticServer};

/// How long a page may take to load and mount the app.
const LOAD_TIMEOUT: Duration = Duration::from_secs(30);

/// What the app renders once it has mounted and built what follows its
/// first screen (the page's `data-complete`: after navigation the first
/// chart comes first and the rest after the first paint).
const MOUNTED: &str = "body > .page[data-complete] > header h1";

/// Everything a test run shares: started once, stopped when dropped.
pub struct Harness {
    // Fields drop in order: chromedriver, and with it every browser, goes
    // first, so no browser outlives the servers it talks to.
    driver: Chromedriver,
    dist: StaticServer,
    parent_of_dist: StaticServer,
    dist_folder_name: String,
    fixtures: StaticServer,
    /// The rules of `dist/_headers`, which the servers of the app follow.
    headers: HeaderRules,
    capabilities: Capabilities,
}

impl Harness {
    /// Serves `dist/` (or `$DOORSTROOM_DIST`) with the headers of its
    /// `_headers` file, as a static host would, with the folder
    /// `$DOORSTROOM_AXE` (axe-core's, when set) under
    /// [`TOOLS_PATH`](crate::TOOLS_PATH); serves the fixtures; and starts
    /// chromedriver (`$CHROMEDRIVER`, or the one on `PATH`) with the Chromium
    /// flags of `webdriver.json` (and `$CHROME` as the browser, when set).
    pub fn start() -> Result<Harness> {
        let workspace = workspace_root();
        let dist = env::var_os("DOORSTROOM_DIST")
            .map(PathBuf::from)
            .unwrap_or_else(|| workspace.join("dist"));
        let dist = dist.canonicalize().map_err(|error| {
            format!(
                "{}: {error}; build it with `cargo xtask dist`",
                dist.display()
            )
        })?;
        if !dist.join("index.html").is_file() {
            return Err(format!(
                "{} has no index.html; build it with `cargo xtask dist`",
                dist.display()
            )
            .into());
        }
        let dist_folder_name = dist
            .file_name()
            .and_then(|name| name.to_str())
            .ok_or("dist/ must have a UTF-8 folder name")?
            .to_owned();
        let parent_of_dist = dist.parent().ok_or("dist/ must have a parent folder")?;
        let headers = read_headers_file(&dist.join("_headers"))?;
        Ok(Harness {
            capabilities: capabilities(&workspace.join("webdriver.json"))?,
            driver: Chromedriver::start()?,
            parent_of_dist: StaticServer::with_headers(parent_of_dist, headers.clone())?,
            // Test tools (axe-core, from npm) on the app's own origin.
            dist: StaticServer::with_tools(
                &dist,
                headers.clone(),
                env::var_os("DOORSTROOM_AXE").map(PathBuf::from),
            )?,
            dist_folder_name,
            // The fixtures are deliberately bad pages, served without the
            // headers that would stop them.
            fixtures: StaticServer::start(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"))?,
            headers,
        })
    }

    /// Serves `root` as `dist/` is served, with the same headers: for a
    /// changed copy of the build.
    pub fn serve_like_dist(&self, root: &Path) -> Result<StaticServer> {
        Ok(StaticServer::with_headers(root, self.headers.clone())?)
    }

    /// The headers the app's servers send for `path`, from `dist/_headers`.
    pub fn headers_for(&self, path: &str) -> Vec<Header> {
        self.headers.for_path(path)
    }

    /// Opens the app with `query` (`""` or e.g. `"?v=1"`) in a new browser and
    /// waits until the app has mounted.
    pub async fn page(&self, query: &str) -> Result<Page> {
        self.open_app(&format!("{}/{query}", self.dist.origin()))
            .await
    }

    /// The address of the app with `query` (`""` or e.g. `"?v=1"`).
    pub fn app_url(&self, query: &str) -> String {
        format!("{}/{query}", self.dist.origin())
    }

    /// Opens the app with `query` as [`Harness::page`] does, after having the
    /// browser run `script` at the start of every document it opens, before
    /// any script of the page's: to listen for what happens while it loads.
    pub async fn page_with_init_script(&self, query: &str, script: &str) -> Result<Page> {
        let url = self.app_url(query);
        let mut page = self.open("about:blank").await?;
        page.set_origin_of(&url)?;
        let opened = match page.add_init_script(script).await {
            Ok(()) => page.goto_app(&url).await,
            Err(error) => Err(error),
        };
        match opened {
            Ok(()) => Ok(page),
            Err(error) => {
                page.close().await?;
                Err(error)
            }
        }
    }

    /// Opens the app served from a folder below the server's root rather than
    /// at it, as a static host may, and waits until the app has mounted.
    pub async fn page_in_folder(&self, query: &str) -> Result<Page> {
        let url = format!(
            "{}/{}/{query}",
            self.parent_of_dist.origin(),
            self.dist_folder_name
        );
        self.open_app(&url).await
    }

    /// Opens the fixture page `name` from `tests/e2e/fixtures/` in a new
    /// browser and waits until it has loaded.
    pub async fn fixture(&self, name: &str) -> Result<Page> {
        self.open(&format!("{}/{name}", self.fixtures.origin()))
            .await
    }

    /// Opens the app at any `url` (another server's, a `file://` one) in a
    /// new browser and waits until the app has mounted.
    pub async fn page_at(&self, url: &str) -> Result<Page> {
        self.open_app(url).await
    }

    /// Opens the app at `url` (which may name another server) in a new
    /// browser and waits until it has mounted.
    pub async fn open_app(&self, url: &str) -> Result<Page> {
        let mut page = self.open(url).await?;
        let mounted = page
            .client
            .wait()
            .at_most(LOAD_TIMEOUT)
            .for_element(Locator::Css(MOUNTED))
            .await;
        if let Err(error) = mounted {
            let console = page.console_errors().await.unwrap_or_default();
            page.close().await?;
            return Err(format!(
                "the app did not mount at {url}: {error}; console errors: {console:?}"
            )
            .into());
        }
        Ok(page)
    }

    /// Opens `url` in a new browser and waits until it has loaded, but not
    /// for the app to mount: for pages that must not.
    pub async fn open(&self, url: &str) -> Result<Page> {
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(self.capabilities.clone())
            .connect(&self.driver.url())
            .await?;
        let page = Page {
            origin: Url::parse(url)?.origin(),
            client,
            console: Vec::new(),
            requests: Vec::new(),
        };
        match page.load(url).await {
            Ok(()) => Ok(page),
            Err(error) => {
                page.close().await?;
                Err(error)
            }
        }
    }
}

/// One browser with one page open. Close it with [`Page::close`]; a page that
/// is dropped instead is closed when the harness stops.
pub struct Page {
    client: Client,
    origin: Origin,
    /// The console messages and requests seen so far: chromedriver hands out
    /// each log entry once, so they are kept here.
    console: Vec<ConsoleMessage>,
    requests: Vec<String>,
}

struct ConsoleMessage {
    level: String,
    text: String,
}

impl Page {
    /// The WebDriver client, for anything the helpers here do not cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The text of the first element that matches the CSS `selector`.
    pub async fn text(&self, selector: &str) -> Result<String> {
        Ok(self
            .client
            .find(Locator::Css(selector))
            .await?
            .text()
            .await?)
    }

    /// The strings of the array that `script` returns (with `args`), its
    /// other values left out: the texts of a list of elements.
    pub async fn strings(&self, script: &str, args: Vec<Value>) -> Result<Vec<String>> {
        let value = self.client.execute(script, args).await?;
        Ok(value
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default())
    }

    /// Every error on the browser's console since the page opened: uncaught
    /// exceptions, `console.error` and failed loads alike.
    pub async fn console_errors(&mut self) -> Result<Vec<String>> {
        self.collect_logs().await?;
        Ok(self
            .console
            .iter()
            .filter(|message| message.level == "SEVERE")
            .map(|message| message.text.clone())
            .collect())
    }

    /// Every URL the browser requested since the page opened, in order,
    /// including requests that failed.
    pub async fn requests(&mut self) -> Result<Vec<String>> {
        self.collect_logs().await?;
        Ok(self.requests.clone())
    }

    /// The requested URLs that lie outside the page's own origin. `data:` and
    /// `blob:` URLs never touch the network and are not counted.
    pub async fn foreign_requests(&mut self) -> Result<Vec<String>> {
        let origin = self.origin.clone();
        Ok(self
            .requests()
            .await?
            .into_iter()
            .filter(|url| is_foreign(url, &origin))
            .collect())
    }

    /// Opens `url` in this browser (a new document, on the same origin) and
    /// waits until the app has mounted: for many links in one session.
    pub async fn goto_app(&mut self, url: &str) -> Result<()> {
        self.load(url).await?;
        self.wait_for_mount(url).await
    }

    /// Has the browser run `script` at the start of every document it opens
    /// from now on, before the page's own scripts (and outside its
    /// Content-Security-Policy, as the browser's own tools are).
    pub async fn add_init_script(&self, script: &str) -> Result<()> {
        self.devtools(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": script }),
        )
        .await?;
        Ok(())
    }

    /// Sends one DevTools protocol command to the page and answers with its
    /// result.
    pub async fn devtools(&self, command: &'static str, params: Value) -> Result<Value> {
        Ok(self.client.issue_cmd(Cdp { command, params }).await?)
    }

    /// Counts requests to `url`'s origin as the page's own from now on (for
    /// a page opened on `about:blank` that goes there next).
    pub fn set_origin_of(&mut self, url: &str) -> Result<()> {
        self.origin = Url::parse(url)?.origin();
        Ok(())
    }

    async fn wait_for_mount(&mut self, url: &str) -> Result<()> {
        let mounted = self
            .client
            .wait()
            .at_most(LOAD_TIMEOUT)
            .for_element(Locator::Css(MOUNTED))
            .await;
        if let Err(error) = mounted {
            let console = self.console_errors().await.unwrap_or_default();
            return Err(format!(
                "the app did not mount at {url}: {error}; console errors: {console:?}"
            )
            .into());
        }
        Ok(())
    }

    /// Ends the browser session.
    pub async fn close(self) -> Result<()> {
        Ok(self.client.close().await?)
    }

    async fn load(&self, url: &str) -> Result<()> {
        self.client.goto(url).await?;
        let deadline = Instant::now() + LOAD_TIMEOUT;
        loop {
            let state = self
                .client
                .execute("return document.readyState", Vec::new())
                .await?;
            if state == "complete" {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!("{url} did not finish loading").into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn collect_logs(&mut self) -> Result<()> {
        for entry in self.log("browser").await? {
            self.console.push(ConsoleMessage {
                level: string_at(&entry, "/level"),
                text: string_at(&entry, "/message"),
            });
        }
        // Each performance entry carries one DevTools protocol event, as a
        // JSON string; the network events name every request the page made.
        for entry in self.log("performance").await? {
            let event: Value = serde_json::from_str(&string_at(&entry, "/message"))?;
            let url = match event.pointer("/message/method").and_then(Value::as_str) {
                Some("Network.requestWillBeSent") => event.pointer("/message/params/request/url"),
                Some("Network.webSocketCreated") => event.pointer("/message/params/url"),
                _ => None,
            };
            if let Some(url) = url.and_then(Value::as_str) {
                self.requests.push(url.to_owned());
            }
        }
        Ok(())
    }

    async fn log(&self, kind: &'static str) -> Result<Vec<Value>> {
        match self.client.issue_cmd(GetLog(kind)).await? {
            Value::Array(entries) => Ok(entries),
            other => Err(format!("chromedriver's {kind} log is not a list: {other}").into()),
        }
    }
}

/// chromedriver's log endpoint, which is not part of W3C WebDriver and so not
/// of fantoccini: it returns, and forgets, the entries logged since the last
/// call. The capabilities below turn the `browser` (console) and
/// `performance` (DevTools events) logs on.
#[derive(Debug)]
struct GetLog(&'static str);

impl WebDriverCompatibleCommand for GetLog {
    fn endpoint(&self, base_url: &Url, session_id: Option<&str>) -> Result<Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": self.0 }).to_string()),
        )
    }
}

/// chromedriver's passage to the DevTools protocol, also outside W3C
/// WebDriver: one command with its parameters.
#[derive(Debug)]
struct Cdp {
    command: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base_url: &Url, session_id: Option<&str>) -> Result<Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "cmd": self.command, "params": self.params }).to_string()),
        )
    }
}

fn is_foreign(url: &str, origin: &Origin) -> bool {
    match Url::parse(url) {
        Ok(url) => !matches!(url.scheme(), "data" | "blob") && url.origin() != *origin,
        // What cannot be parsed cannot be shown to be ours.
        Err(_) => true,
    }
}

fn string_at(value: &Value, pointer: &str) -> String {
    value
        .pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The session's capabilities: the Chromium flags from `webdriver.json`, which
/// the wasm-bindgen browser tests use too, plus the logs the checks read.
fn capabilities(webdriver_json: &Path) -> Result<Capabilities> {
    let text = fs::read_to_string(webdriver_json)
        .map_err(|error| format!("{}: {error}", webdriver_json.display()))?;
    let mut capabilities: Capabilities = serde_json::from_str(&text)?;
    let chrome = capabilities
        .entry("goog:chromeOptions")
        .or_insert_with(|| json!({}))
        .as_object_mut()
        .ok_or("goog:chromeOptions in webdriver.json must be an object")?;
    chrome
        .entry("args")
        .or_insert_with(|| json!([]))
        .as_array_mut()
        .ok_or("goog:chromeOptions.args in webdriver.json must be a list")?
        .push(json!("--window-size=1400,900"));
    chrome.insert(
        "perfLoggingPrefs".into(),
        json!({ "enableNetwork": true, "enablePage": false }),
    );
    if let Some(binary) = env::var_os("CHROME") {
        let binary = binary.to_str().ok_or("CHROME must be a UTF-8 path")?;
        chrome.insert("binary".into(), json!(binary));
    }
    capabilities.insert(
        "goog:loggingPrefs".into(),
        json!({ "browser": "ALL", "performance": "ALL" }),
    );
    Ok(capabilities)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> Origin {
        Url::parse("http://127.0.0.1:8080/index.html")
            .unwrap()
            .origin()
    }

    #[test]
    fn same_origin_and_local_schemes_are_not_foreign() {
        for url in [
            "http://127.0.0.1:8080/doorstroom_bg.wasm",
            "http://127.0.0.1:8080/?v=1",
            "data:image/png;base64,AAAA",
            "blob:http://127.0.0.1:8080/0c3e",
        ] {
            assert!(!is_foreign(url, &origin()), "{url}");
        }
    }

    #[test]
    fn other_origins_are_foreign() {
        for url in [
            "http://127.0.0.1:8081/",
            "https://127.0.0.1:8080/",
            "http://localhost:8080/",
            "http://example.invalid/x.png",
            "ws://127.0.0.1:8080/live",
            "not a url",
        ] {
            assert!(is_foreign(url, &origin()), "{url}");
        }
    }

    #[test]
    fn capabilities_keep_the_flags_and_add_the_logs() {
        let capabilities = capabilities(&workspace_root().join("webdriver.json")).unwrap();
        let args = capabilities["goog:chromeOptions"]["args"]
            .as_array()
            .unwrap();
        assert!(args.contains(&json!("--headless=new")));
        assert!(args.contains(&json!("--window-size=1400,900")));
        assert_eq!(capabilities["goog:loggingPrefs"]["browser"], "ALL");
    }
}
