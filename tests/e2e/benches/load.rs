//! The page's load time: from navigation to the app's `doorstroom:mounted`
//! performance mark, in a fresh headless Chromium each time (so nothing is
//! cached), served from loopback, on each machine of [`PROFILES`] with the
//! briefing page. Run by `cargo xtask bench`.

use std::process::ExitCode;

use doorstroom_e2e::{Harness, PROFILES, Profile, Result, bench_query};
use serde_json::Value;

/// How many loads to measure, each in a browser of its own.
const LOADS: usize = 10;

/// Milliseconds since navigation start: the mount mark, DOMContentLoaded and
/// the load event.
const TIMINGS: &str = "
    const navigation = performance.getEntriesByType('navigation')[0];
    const mounted = performance.getEntriesByName('doorstroom:mounted')[0];
    return [
        mounted ? mounted.startTime : null,
        navigation.domContentLoadedEventEnd,
        navigation.loadEventEnd,
    ];
";

struct Load {
    mounted: f64,
    content_loaded: f64,
    loaded: f64,
}

async fn load(harness: &Harness, profile: Profile) -> Result<Load> {
    let page = harness.page_on(profile, &bench_query()).await?;
    let timings = page.client().execute(TIMINGS, Vec::new()).await?;
    page.close().await?;
    let at = |index: usize| timings.get(index).and_then(Value::as_f64);
    Ok(Load {
        mounted: at(0).ok_or("the page set no doorstroom:mounted mark")?,
        content_loaded: at(1).ok_or("no DOMContentLoaded time")?,
        loaded: at(2).ok_or("no load event time")?,
    })
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    if values.len().is_multiple_of(2) {
        (values[middle - 1] + values[middle]) / 2.0
    } else {
        values[middle]
    }
}

fn print_row(what: &str, values: Vec<f64>) {
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    println!(
        "{what:<22} median {:>6.0} ms   min {min:>6.0} ms   max {max:>6.0} ms",
        median(values)
    );
}

fn main() -> ExitCode {
    // `cargo bench` passes `--bench`; there is nothing to configure.
    let result = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(Into::into)
        .and_then(|runtime| {
            let harness = Harness::start()?;
            for profile in PROFILES {
                let mut loads = Vec::with_capacity(LOADS);
                for _ in 0..LOADS {
                    loads.push(runtime.block_on(load(&harness, profile))?);
                }
                println!(
                    "{}: page load over {LOADS} fresh browsers, from navigation start:",
                    profile.name
                );
                print_row("app mounted", loads.iter().map(|l| l.mounted).collect());
                print_row(
                    "DOMContentLoaded",
                    loads.iter().map(|l| l.content_loaded).collect(),
                );
                print_row("load event", loads.iter().map(|l| l.loaded).collect());
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
