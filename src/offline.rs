//! Working with no network: the service worker that `cargo xtask dist`
//! writes next to the page (`sw.js`, which caches the release's own files
//! under its version) is registered here, and the release's name is shown
//! in the footer, so that a room can tell which copy it runs.
//!
//! A page opened from a file (the single-file build on a USB stick) has no
//! service worker and needs none: everything is inside it.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// The release: the app's version and the commit it was built from
/// (`DOORSTROOM_BUILD`, set by `cargo xtask dist`; "dev" for other builds).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
pub const BUILD: &str = match option_env!("DOORSTROOM_BUILD") {
    Some(build) => build,
    None => "dev",
};

/// Where the service worker is, relative to the page.
const WORKER: &str = "sw.js";

/// Registers the service worker when the page is served over HTTP(S) and
/// the browser has service workers. A build without `sw.js` (`cargo xtask
/// serve`) fails to register, which changes nothing.
pub fn register() {
    let window = leptos::prelude::window();
    let secure = window
        .location()
        .protocol()
        .is_ok_and(|p| p == "https:" || p == "http:");
    let navigator = window.navigator();
    let has_workers =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    if !secure || !has_workers {
        return;
    }
    let promise = navigator.service_worker().register(WORKER);
    leptos::task::spawn_local(async move {
        if let Err(error) = JsFuture::from(promise).await {
            leptos::logging::warn!("no service worker: {error:?}");
        }
    });
}
