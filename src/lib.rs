//! Doorstroom, the web app: the imperative shell around the flow model in
//! `doorstroom-model`. It is rendered on the client by Leptos and built to
//! WebAssembly by `cargo xtask dist`; there is no server.
//!
//! The app is split into components by region of the page: the masthead,
//! the controls column, the results area (headline figures and charts) and the
//! footer. [`App`] lays them out; [`mount`] puts it on the page.

mod app;
mod bands;
pub mod bands_worker;
mod chart_keys;
mod components;
mod controls;
mod embed;
mod export;
mod footer;
mod format;
mod i18n;
mod masthead;
mod notice_lines;
mod offline;
mod panic_page;
mod platform;
mod results;
mod state;
mod view_model;

// The page's state (store, history, pacer, address) lives in `state/`,
// what talks to the browser (canvas, resize, downloads, timing) in
// `platform/`. Their old paths stay as names, so that code written against
// `crate::canvas` or `crate::timing` keeps building.
use platform::{canvas, download, resize, timing};
use state::{history, location, pacer};
// The pure texts of the page live in `view_model/`; the change's rules
// and the scenario's words keep their old names for code written against
// `crate::delta` and `crate::scenario_names`.
use view_model::changes as delta;
use view_model::words as scenario_names;

pub use app::App;
pub use canvas::{Background, Layers, paint};
pub use panic_page::{DEFAULT_SCENARIO_HREF, PANIC_PAGE_ID, install as install_panic_hook};
#[cfg(feature = "bench-counters")]
pub use platform::reruns::{Node as RerunNode, counts as reruns};

/// The performance mark set once the app is in the DOM; `cargo xtask bench`
/// reads it to measure the load time.
pub const MOUNTED_MARK: &str = "doorstroom:mounted";

/// Mounts the app into `<body>`, for the lifetime of the page.
///
/// A panic is reported on the browser console with its Rust message (rather
/// than as an opaque `unreachable` trap), where the end-to-end tests, which
/// fail on any console error, will see it, and the page is replaced by a
/// plain message with a link to the default scenario (`panic_page.rs`).
pub fn mount() {
    install_panic_hook();
    platform::reruns::publish();
    if embed::is_embed() {
        // One chart in an article's frame: no address of its own to keep,
        // nothing to keep offline.
        leptos::mount::mount_to_body(embed::Embed);
    } else {
        leptos::mount::mount_to_body(App);
        offline::register();
    }
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        // Only the benchmark reads the mark; a page without it works the same.
        let _ = performance.mark(MOUNTED_MARK);
    }
}
