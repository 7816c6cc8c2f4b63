//! `cargo xtask bench`: how fast the model computes and how fast the page
//! loads. Speed is measured here, never asserted in a test.
//!
//! - the model crate's own benchmarks (`cargo bench -p doorstroom-model`);
//! - the release build's load time in headless Chromium: from navigation to
//!   the app's `doorstroom:mounted` performance mark, over fresh browsers
//!   (`tests/e2e/benches/load.rs`);
//! - the page's speed: slider input to painted frame, navigation to the
//!   first drawn chart, and the gzipped sizes (`tests/e2e/benches/slider.rs`);
//! - 1,000 Monte Carlo runs of the bands in the page's Web Workers
//!   (`tests/e2e/benches/bands.rs`).

use crate::{Result, dist, install, process, workspace_root};

pub fn run() -> Result<()> {
    let tools = install::web_tools()?;
    let browser = install::browser()?;
    let cargo = process::cargo();

    process::run(
        tools
            .command(&cargo)
            .args(["bench", "-p", "doorstroom-model"]),
    )?;

    // The page's own count of reactive nodes re-run per input
    // (`src/platform/reruns.rs`) is on in the benchmark's build only.
    dist::build_with_features(&tools, &["bench-counters"])?;
    for bench in ["load", "slider", "bands"] {
        process::run(
            tools
                .command(&cargo)
                .args(["bench", "-p", "doorstroom-e2e", "--bench", bench])
                .env("CHROMEDRIVER", &browser.chromedriver)
                .env("CHROME", &browser.chrome)
                .env("DOORSTROOM_DIST", workspace_root().join("dist")),
        )?;
    }
    Ok(())
}
