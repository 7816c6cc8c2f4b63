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
mod embed;
mod export;
mod format;
mod i18n;
mod notice_lines;
mod offline;
mod panic_page;
mod platform;
mod state;
mod view;
mod view_model;

pub use app::App;
pub use panic_page::{DEFAULT_SCENARIO_HREF, PANIC_PAGE_ID, install as install_panic_hook};
pub use platform::canvas::{Background, Layers, paint};
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
