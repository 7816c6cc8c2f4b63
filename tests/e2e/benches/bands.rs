//! The uncertainty bands in the browser: 1,000 Monte Carlo runs of the
//! default scenario computed by the page's Web Workers (one per core, at
//! most four), from the request to the merged bands, as the page measures
//! it (`data-millis` of the bands' status). The first job of a page also
//! waits for the workers (started when the bands are on, just before it)
//! to load their wasm; the rest are timed with the workers warm, each with
//! a new seed. Run by `cargo xtask bench`.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use doorstroom_e2e::{Harness, Page, Result};
use fantoccini::Locator;
use serde_json::json;

/// Timed jobs with warm workers, after the first.
const JOBS: u64 = 7;
const PATIENCE: Duration = Duration::from_secs(60);
const STATUS: &str = "[data-testid=\"bands-status\"]";

/// Waits until the bands of `seed` are ready and returns their time.
async fn ready(page: &Page, seed: u64) -> Result<f64> {
    let started = Instant::now();
    let wanted = format!("seed={seed}");
    loop {
        let status = page.client().find(Locator::Css(STATUS)).await?;
        let state = status.attr("data-state").await?.unwrap_or_default();
        let of = status.attr("data-of").await?.unwrap_or_default();
        if state == "ready" && (seed == 2023 || of.contains(&wanted)) {
            let millis = status.attr("data-millis").await?.unwrap_or_default();
            return Ok(millis.parse()?);
        }
        if started.elapsed() > PATIENCE {
            return Err(format!("no bands for seed {seed}: {state} of {of}").into());
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn measure(harness: &Harness) -> Result<(f64, Vec<f64>, f64)> {
    let page = harness.page("?bands=on&runs=1000").await?;
    let workers = page
        .client()
        .execute(
            "return Math.min(4, navigator.hardwareConcurrency || 1)",
            vec![],
        )
        .await?
        .as_f64()
        .unwrap_or(1.0);
    let first = ready(&page, 2023).await?;
    let mut warm = Vec::new();
    for seed in 1..=JOBS {
        page.client()
            .execute(
                "const [selector, seed] = arguments;
                 const input = document.querySelector(selector);
                 input.value = String(seed);
                 input.dispatchEvent(new Event('change', { bubbles: true }));",
                vec![json!("[data-testid=\"bands-seed\"]"), json!(seed)],
            )
            .await?;
        warm.push(ready(&page, seed).await?);
    }
    page.close().await?;
    Ok((first, warm, workers))
}

fn main() -> ExitCode {
    let result = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(Into::into)
        .and_then(|runtime| {
            let harness = Harness::start()?;
            runtime.block_on(measure(&harness))
        });
    match result {
        Ok((first, mut warm, workers)) => {
            warm.sort_by(f64::total_cmp);
            let median = warm[warm.len() / 2];
            println!(
                "bands in the browser: 1,000 runs of the default scenario over {workers} workers"
            );
            println!(
                "bench browser/bands_1000 median_ms={median:.0} min_ms={:.0} max_ms={:.0} jobs={} first_job_ms={first:.0}",
                warm[0],
                warm[warm.len() - 1],
                warm.len()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
