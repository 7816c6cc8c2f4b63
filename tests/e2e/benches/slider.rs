//! The page's speed where a reader feels it, in headless Chromium on the
//! release build in `dist/`, on each machine of [`PROFILES`] (the desk, and
//! a briefing-room laptop under a 4x CPU slowdown), with the page as a
//! briefing shows it (three pinned scenarios, the published figures, the
//! bands). Run by `cargo xtask bench`.
//!
//! - Slider to paint: a slider input event, as a drag fires them, to the
//!   next painted frame, over `INPUTS` inputs. Reported as the share of
//!   inputs painted in the first frame after them (the frame did not run
//!   over into the next one: the frame after it began within one and a
//!   half refresh intervals), the whole latency (which includes waiting for
//!   the frame to start, up to one refresh interval), and the page's work
//!   inside that frame before the browser lays out and paints, divided by
//!   the page's performance measures into the model, the published record,
//!   the headline figures, the levers, each chart, and the rest (the
//!   reactive updates of the page's text).
//! - Navigation to the first drawn chart, over fresh browsers.
//! - The sizes of the wasm and the JS, gzipped, as a server would send them.
//!
//! Each figure is printed beside its target, with whether it is met.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use doorstroom_e2e::{BRIEFING_QUERY, Harness, PROFILES, Page, Profile, Result, bench_query};
use fantoccini::Locator;
use fantoccini::wd::TimeoutConfiguration;
use flate2::Compression;
use flate2::write::GzEncoder;
use serde_json::{Value, json};

/// Slider inputs to time: at least 200, so that the 95th percentile rests
/// on ten or more inputs.
const INPUTS: usize = 240;
/// Fresh browsers to time the first chart in.
const LOADS: usize = 5;
/// The budget of the whole page, gzipped.
const SIZE_TARGET_KB: f64 = 200.0;

/// The targets of one profile.
struct Targets {
    first_frame_share: f64,
    work_p95_ms: Option<f64>,
    first_chart_ms: f64,
}

fn targets(profile: Profile) -> Targets {
    if profile.slowdown > 1.0 {
        Targets {
            first_frame_share: 0.95,
            work_p95_ms: None,
            first_chart_ms: 600.0,
        }
    } else {
        Targets {
            first_frame_share: 0.99,
            work_p95_ms: Some(4.0),
            first_chart_ms: 150.0,
        }
    }
}

/// The median interval between frames of the idle page, in milliseconds.
const FRAME_INTERVAL: &str = "
    const done = arguments[arguments.length - 1];
    const stamps = [];
    const tick = (t) => {
        stamps.push(t);
        if (stamps.length < 61) { requestAnimationFrame(tick); return; }
        const gaps = stamps.slice(1).map((t, i) => t - stamps[i]).sort((a, b) => a - b);
        done(gaps[Math.floor(gaps.length / 2)]);
    };
    requestAnimationFrame(tick);
";

/// Fires `arguments[0]` input events on the intake slider, one after the
/// other, each once the previous one has been painted, and answers with
/// [latencies, frame work times, gaps from the input's frame to the next,
/// the page's measures in each frame ({name: ms}), final field value, last
/// value sent, the page's reactive nodes re-run per input by kind
/// ({kind: count}; empty unless the page is a `bench-counters` build)].
const DRAG: &str = "
    const inputs = arguments[0];
    const done = arguments[arguments.length - 1];
    const slider = document.querySelector('[data-testid=\"lever-intake\"]');
    const field = document.querySelector('[data-testid=\"input-intake\"]');
    const latency = [];
    const work = [];
    const gaps = [];
    const parts = [];
    const reruns = [];
    const counted = () => (window.doorstroomReruns ? window.doorstroomReruns() : {});
    let i = 0;
    let last = null;
    performance.clearMeasures();
    function next() {
        if (i === inputs) {
            requestAnimationFrame(() => setTimeout(() => done([latency, work, gaps, parts, field.value, last, reruns]), 0));
            return;
        }
        // Values all over the range, never the same twice in a row.
        last = 20000 + ((i * 7919) % 150) * 1000;
        i += 1;
        // Frame callbacks run in the order they were asked for: this one
        // just before the page's, the one below just after it and after the
        // effects it set off, so the two bracket the page's work.
        let before = null;
        let frame = null;
        const counts = counted();
        requestAnimationFrame((t) => { before = performance.now(); frame = t; });
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
                const inFrame = {};
                for (const m of performance.getEntriesByType('measure')) {
                    if (m.name.startsWith('doorstroom:') && m.startTime >= before - 0.01) {
                        inFrame[m.name] = (inFrame[m.name] || 0) + m.duration;
                    }
                }
                performance.clearMeasures();
                parts.push(inFrame);
                const now = counted();
                const rerun = {};
                for (const kind of Object.keys(now)) { rerun[kind] = now[kind] - (counts[kind] || 0); }
                reruns.push(rerun);
                // The next frame's start says whether this one ran over.
                requestAnimationFrame((t) => {
                    gaps.push(t - frame);
                    setTimeout(next, 0);
                });
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

/// Whether the bands of what is on screen are ready.
const BANDS_READY: &str = "
    const status = document.querySelector('[data-testid=\"bands-status\"]');
    return status !== null && status.getAttribute('data-state') === 'ready';
";

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

/// A list of numbers, in the order given.
fn unsorted(value: &Value) -> Result<Vec<f64>> {
    Ok(value
        .as_array()
        .ok_or("expected a list of numbers")?
        .iter()
        .filter_map(Value::as_f64)
        .collect())
}

/// A list of numbers, sorted.
fn numbers(value: &Value) -> Result<Vec<f64>> {
    let mut out = unsorted(value)?;
    out.sort_by(f64::total_cmp);
    Ok(out)
}

fn print_row(what: &str, sorted: &[f64]) {
    println!(
        "  {what:<36} median {:>6.2} ms   p95 {:>6.2} ms   max {:>6.2} ms",
        percentile(sorted, 0.5),
        percentile(sorted, 0.95),
        sorted.last().copied().unwrap_or(f64::NAN),
    );
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "NOT MET" }
}

async fn with_long_scripts(page: &Page) -> Result<()> {
    let timeouts = TimeoutConfiguration::new(Some(Duration::from_secs(300)), None, None);
    page.client().update_timeouts(timeouts).await?;
    Ok(())
}

/// Waits until the bands are drawn, so that their workers do not share the
/// machine with the drag.
async fn wait_for_bands(page: &Page) -> Result<()> {
    for _ in 0..600 {
        if page.client().execute(BANDS_READY, vec![]).await? == json!(true) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err("the bands were not ready within a minute".into())
}

/// A part's name for the report: the measure's name without the prefix.
fn part_name(measure: &str) -> String {
    measure.trim_start_matches("doorstroom:").to_owned()
}

async fn slider_to_paint(harness: &Harness, profile: Profile) -> Result<()> {
    let page = harness.page_on(profile, &bench_query()).await?;
    with_long_scripts(&page).await?;
    page.client().execute_async(FIRST_CHART, vec![]).await?;
    // The briefing page is what is timed: three pinned scenarios and bands.
    let query = bench_query();
    if query == BRIEFING_QUERY {
        page.client()
            .find(Locator::Css("[data-testid=\"pinned-2\"]"))
            .await
            .map_err(|e| format!("the briefing page shows no third pinned scenario: {e}"))?;
    }
    if query.contains("bands=on") {
        wait_for_bands(&page).await?;
    }
    let interval = page
        .client()
        .execute_async(FRAME_INTERVAL, vec![])
        .await?
        .as_f64()
        .ok_or("no frame interval")?;
    let answer = page
        .client()
        .execute_async(DRAG, vec![json!(INPUTS)])
        .await?;
    page.close().await?;
    let latency = numbers(&answer[0])?;
    let work = unsorted(&answer[1])?;
    let gaps = numbers(&answer[2])?;
    let frames = answer[3].as_array().ok_or("no measures")?;
    let (shown, sent) = (&answer[4], &answer[5]);
    // The field writes the value as the page's language does ("111.000").
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let shown_digits = shown.as_str().map(digits);
    if shown_digits != sent.as_f64().map(|v| (v as u64).to_string()) {
        return Err(format!("the drag ended on {shown}, not on the last value {sent}").into());
    }
    if latency.len() != INPUTS || frames.len() != INPUTS {
        return Err(format!("{} of {INPUTS} inputs timed", latency.len()).into());
    }
    // Each frame's parts, and the rest of its work.
    let mut parts: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    let mut rest = Vec::with_capacity(INPUTS);
    for (frame, total) in frames.iter().zip(&work) {
        let measured = frame.as_object().ok_or("measures are not an object")?;
        let mut sum = 0.0;
        for (name, ms) in measured {
            let ms = ms.as_f64().unwrap_or(0.0);
            sum += ms;
            parts.entry(part_name(name)).or_default().push(ms);
        }
        rest.push((total - sum).max(0.0));
    }
    let in_first = gaps.iter().filter(|&&g| g < 1.5 * interval).count();
    let share = in_first as f64 / INPUTS as f64;
    let target = targets(profile);
    let mut work = work;
    work.sort_by(f64::total_cmp);
    println!(
        "{}: slider input to painted frame, over {INPUTS} inputs (frame interval {interval:.1} ms):",
        profile.name
    );
    println!(
        "  {:<36} {:>5.1} %   target at least {:.0} %: {}",
        "inputs painted in the first frame",
        share * 100.0,
        target.first_frame_share * 100.0,
        verdict(share >= target.first_frame_share)
    );
    print_row("input event to painted frame", &latency);
    print_row("page's work in that frame", &work);
    if let Some(p95) = target.work_p95_ms {
        let got = percentile(&work, 0.95);
        println!(
            "  {:<36} {got:>6.2} ms   target under {p95:.1} ms: {}",
            "page's work, p95",
            verdict(got < p95)
        );
    }
    println!("  the page's work by part (per frame; a part that did not run counts 0):");
    for (name, mut values) in parts {
        values.resize(INPUTS, 0.0);
        values.sort_by(f64::total_cmp);
        print_row(&format!("  {name}"), &values);
    }
    rest.sort_by(f64::total_cmp);
    print_row("  rest (reactive updates of the page)", &rest);
    print_reruns(&answer[6])?;
    Ok(())
}

/// The page's reactive nodes re-run per input, by kind, as a
/// `bench-counters` build counts them (`src/platform/reruns.rs`).
fn print_reruns(reruns: &Value) -> Result<()> {
    let inputs = reruns.as_array().ok_or("no re-run counts")?;
    let mut by_kind: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    let mut total = Vec::with_capacity(inputs.len());
    for input in inputs {
        let counts = input.as_object().ok_or("re-run counts are not an object")?;
        let mut sum = 0.0;
        for (kind, count) in counts {
            let count = count.as_f64().unwrap_or(0.0);
            sum += count;
            by_kind.entry(kind.clone()).or_default().push(count);
        }
        total.push(sum);
    }
    if by_kind.is_empty() {
        println!(
            "  reactive nodes re-run per input: not counted (build dist/ with the bench-counters feature)"
        );
        return Ok(());
    }
    println!("  reactive nodes re-run per input, by kind (median, max):");
    for (kind, mut counts) in by_kind {
        counts.sort_by(f64::total_cmp);
        println!(
            "    {kind:<34} {:>6.0}   max {:>6.0}",
            percentile(&counts, 0.5),
            counts.last().copied().unwrap_or(0.0)
        );
    }
    total.sort_by(f64::total_cmp);
    println!(
        "    {:<34} {:>6.0}   max {:>6.0}",
        "all",
        percentile(&total, 0.5),
        total.last().copied().unwrap_or(0.0)
    );
    Ok(())
}

async fn first_chart(harness: &Harness, profile: Profile) -> Result<()> {
    let mut times = Vec::with_capacity(LOADS);
    for _ in 0..LOADS {
        let page = harness.page_on(profile, &bench_query()).await?;
        with_long_scripts(&page).await?;
        let at = page.client().execute_async(FIRST_CHART, vec![]).await?;
        page.close().await?;
        times.push(at.as_f64().ok_or("no first-chart time")?);
    }
    times.sort_by(f64::total_cmp);
    let target = targets(profile).first_chart_ms;
    let median = percentile(&times, 0.5);
    println!(
        "{}: navigation to the first drawn chart, over {LOADS} fresh browsers:",
        profile.name
    );
    print_row("first chart drawn", &times);
    println!(
        "  {:<36} {median:>6.0} ms   target under {target:.0} ms: {}",
        "first chart, median",
        verdict(median < target)
    );
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
    let all_gz = total.1 as f64 / 1024.0;
    println!(
        "{:<44} {:>8.1} KB {:>8.1} KB   target at most {SIZE_TARGET_KB:.0} KB gzipped: {}",
        "all",
        total.0 as f64 / 1024.0,
        all_gz,
        verdict(all_gz <= SIZE_TARGET_KB)
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
            // `cargo bench --bench slider -- first-chart` times the sizes and
            // the first chart only, to compare two builds of the page quickly.
            let first_chart_only = std::env::args().any(|arg| arg == "first-chart");
            let harness = Harness::start()?;
            for profile in PROFILES {
                runtime.block_on(first_chart(&harness, profile))?;
                if !first_chart_only {
                    runtime.block_on(slider_to_paint(&harness, profile))?;
                }
            }
            Ok::<_, doorstroom_e2e::Error>(())
        });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
