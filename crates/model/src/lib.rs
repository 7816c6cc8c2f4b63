//! The flow model of Doorstroom. Pure Rust: no web, no UI.

/// The version of this crate, shown in the page's footer.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
