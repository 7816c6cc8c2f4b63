//! End-to-end tests of Doorstroom: the release build in `dist/`, served over
//! HTTP and driven in headless Chromium through chromedriver.
//!
//! A test run starts one [`Harness`]: a static server for `dist/`, one for the
//! test fixtures, and chromedriver. Each test then opens its own browser with
//! [`Harness::page`] and checks what it needs; every page can report the
//! errors on its console and the requests it made outside its own origin.
//!
//! ```no_run
//! # async fn example(harness: &doorstroom_e2e::Harness) -> doorstroom_e2e::Result<()> {
//! let mut page = harness.page("").await?;
//! assert_eq!(page.text("h1").await?, "Doorstroom");
//! assert_eq!(page.console_errors().await?, Vec::<String>::new());
//! page.close().await
//! # }
//! ```

mod chromedriver;
mod harness;
mod headers;
pub use headers::HeaderRules;
mod profile;
mod server;

pub use chromedriver::Chromedriver;
pub use harness::{Harness, Page};
pub use profile::{BRIEFING_QUERY, PROFILES, Profile, bench_query};
pub use server::{Header, StaticServer, TOOLS_PATH};

/// Errors in a test are reported, not handled: any error will do.
pub type Error = Box<dyn std::error::Error + Send + Sync>;
pub type Result<T, E = Error> = std::result::Result<T, E>;
