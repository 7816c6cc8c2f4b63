//! Browser tests: the app mounted into a real DOM, in headless Chromium.
//!
//! Run by `cargo xtask test` through wasm-bindgen-test-runner and chromedriver
//! (see `.cargo/config.toml` and `webdriver.json`); they compile to nothing
//! natively.
//!
//! They are one test binary rather than one per file: each binary links the
//! whole page and is then read by wasm-bindgen, which took most of the
//! browser step's minutes. Only the panic test keeps its own binary
//! (`tests/panic.rs`), since a panic leaves the wasm instance it ran in
//! unfit for further tests.

#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::wasm_bindgen_test_configure;

wasm_bindgen_test_configure!(run_in_browser);

mod layers;
mod mount;
mod page;
#[cfg(feature = "bench-counters")]
mod reruns;
// The re-run counts are the only users of some helpers, and they are built
// only with the counters (`cargo xtask test` turns them on).
#[cfg_attr(not(feature = "bench-counters"), allow(dead_code))]
mod support;
