//! The page's speed where a reader feels it, in headless Chromium on the
//! release build in `dist/`. Run by `cargo xtask bench`.
//!
//! - Slider to paint: a slider input event, as a drag fires them, to the
//!   next painted frame, over `INPUTS` inputs. Reported two ways: the whole
//!   latency (which includes waiting for the frame to start, up to one
//!   refresh interval) and the page's work inside that frame (the run of
//!   the model, the headline figures, the levers and the four charts),
//!   before the browser lays out and paints.
//! - Navigation to the first drawn chart, over fresh browsers.
//! - The sizes of the wasm and the JS, gzipped, as a server would send them.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use doorstroom_e2e::{Harness, Result};
use fantoccini::wd::TimeoutConfiguration;
use flate2::Compression;
use flate2::write::GzEncoder;
use serde_json::{Value, json};

/// Slider inputs to time: at least 200, so that the 95th percentile rests
/// on ten or more inputs.
const INPUTS: usize = 240;
/// Fresh browsers to time the first chart in.
const LOADS: usize = 5;

/// Fires `arguments[0]` input events on the intake slider, one after the
/// other, each once the previous one has been painted, and answers with
/// [latencies, frame work times, final field value, last value sent].
const DRAG: &str = "
    const inputs = arguments[0];
    const done = arguments[arguments.length - 1];
    const slider = document.querySelector('[data-testid=\"lever-intake\"]');
    const field = document.querySelector('[data-testid=\"input-intake\"]');
    const latency = [];
    const work = [];
    let i = 0;
    let last = null;
    function next() {
        if (i === inputs) {
            requestAnimationFrame(() => setTimeout(() => done([latency, work, field.value, last]), 0));
            return;
        }
        // Values all over the range, never the same twice in a row.
        last = 20000 + ((i * 7919) % 150) * 1000;
        i += 1;
        // Frame callbacks run in the order they were asked for: this one
        // just before the page's, the one below just after it and after the
        // effects it set off, so the two bracket the page's work.
        let before = null;
        requestAnimationFrame(() => { before = performance.now(); });
        const sent = performance.now();
        slider.value = String(last);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        requestAnimationFrame(() => {
            const scripted = performance.now();
            const channel = new MessageChannel();
            // A message posted now is handled after the frame is painted.
            channel.port1.onmessage = () => {
                latency.push(performance.now() - sent);
                work.push(scripted - before);
                setTimeout(next, 0);
            };
            channel.port2.postMessage(0);
        });
    }
    next();
";

/// Milliseconds from navigation start to the first drawn chart, once the
/// page has drawn it.
const FIRST_CHART: &str = "
    const done = arguments[arguments.length - 1];
    const look = () => {
        const mark = performance.getEntriesByName('doorstroom:first-chart')[0];
        if (mark) { done(mark.startTime); } else { setTimeout(look, 10); }
    };
    look();
";

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn numbers(value: &Value) -> Result<Vec<f64>> {
    let mut out: Vec<f64> = value
        .as_array()
        .ok_or("expected a list of numbers")?
        .iter()
        .filter_map(Value::as_f64)
        .collect();
    out.sort_by(f64::total_cmp);
    Ok(out)
}

fn print_row(what: &str, sorted: &[f64]) {
    println!(
        "{what:<34} median {:>6.1} ms   p95 {:>6.1} ms   max {:>6.1} ms",
        percentile(sorted, 0.5),
        percentile(sorted, 0.95),
        sorted.last().copied().unwrap_or(f64::NAN),
    );
}

async fn with_long_scripts(page: &doorstroom_e2e::Page) -> Result<()> {
    let timeouts = TimeoutConfiguration::new(Some(Duration::from_secs(120)), None, None);
    page.client().update_timeouts(timeouts).await?;
    Ok(())
}

async fn slider_to_paint(harness: &Harness) -> Result<()> {
    let page = harness.page("").await?;
    with_long_scripts(&page).await?;
    page.client().execute_async(FIRST_CHART, vec![]).await?;
    let answer = page
        .client()
        .execute_async(DRAG, vec![json!(INPUTS)])
        .await?;
    page.close().await?;
    let latency = numbers(&answer[0])?;
    let work = numbers(&answer[1])?;
    let (shown, sent) = (&answer[2], &answer[3]);
    if shown.as_str() != sent.as_f64().map(|v| v.to_string()).as_deref() {
        return Err(format!("the drag ended on {shown}, not on the last value {sent}").into());
    }
    if latency.len() != INPUTS {
        return Err(format!("{} of {INPUTS} inputs timed", latency.len()).into());
    }
    println!("slider input to painted frame, over {INPUTS} inputs:");
    print_row("input event to painted frame", &latency);
    print_row("page's work in that frame", &work);
    Ok(())
}

async fn first_chart(harness: &Harness) -> Result<()> {
    let mut times = Vec::with_capacity(LOADS);
    for _ in 0..LOADS {
        let page = harness.page("").await?;
        with_long_scripts(&page).await?;
        let at = page.client().execute_async(FIRST_CHART, vec![]).await?;
        page.close().await?;
        times.push(at.as_f64().ok_or("no first-chart time")?);
    }
    times.sort_by(f64::total_cmp);
    println!("navigation to the first drawn chart, over {LOADS} fresh browsers:");
    print_row("first chart drawn", &times);
    Ok(())
}

fn dist() -> PathBuf {
    std::env::var_os("DOORSTROOM_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../dist"))
}

fn gzipped_size(bytes: &[u8]) -> Result<usize> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len())
}

fn sizes() -> Result<()> {
    let mut total = (0, 0);
    println!("sizes in dist/ (raw, gzipped):");
    let mut entries: Vec<_> = std::fs::read_dir(dist())?.collect::<std::io::Result<_>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.ends_with(".wasm") || name.ends_with(".js") || name.ends_with(".css")) {
            continue;
        }
        let bytes = std::fs::read(entry.path())?;
        let gz = gzipped_size(&bytes)?;
        total = (total.0 + bytes.len(), total.1 + gz);
        println!(
            "{name:<44} {:>8.1} KB {:>8.1} KB",
            bytes.len() as f64 / 1024.0,
            gz as f64 / 1024.0
        );
    }
    println!(
        "{:<44} {:>8.1} KB {:>8.1} KB",
        "all",
        total.0 as f64 / 1024.0,
        total.1 as f64 / 1024.0
    );
    Ok(())
}

fn main() -> ExitCode {
    let result = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(Into::into)
        .and_then(|runtime| {
            sizes()?;
            let harness = Harness::start()?;
            runtime.block_on(first_chart(&harness))?;
            runtime.block_on(slider_to_paint(&harness))
        });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
