//! The model's speed: time per run, natively. `cargo xtask bench` runs this
//! with `cargo bench -p doorstroom-model --bench run`.
//!
//! No benchmark framework: each case runs a warm-up, then many timed runs;
//! the output is one stable line per case,
//! `bench model/<case> median_us=… p10_us=… p90_us=… runs=…`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use doorstroom_model::{Scenario, simulate};

/// Timed runs per case, after the warm-up.
const RUNS: usize = 400;
const WARM_UP: usize = 20;
/// Stop early if a case takes longer than this in all (slow machines).
const BUDGET: Duration = Duration::from_secs(20);

fn main() {
    // `cargo bench` passes `--bench`; a name filter may follow.
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let cases = [
        ("model/default", ""),
        ("model/ten_years", "until=2033-04-30"),
        ("model/seed_forecast", "baa=0"),
    ];
    for (name, query) in cases {
        if filter.as_deref().is_some_and(|f| !name.contains(f)) {
            continue;
        }
        let (scenario, _) = Scenario::from_query(query);
        bench(name, &scenario);
    }
}

fn bench(name: &str, scenario: &Scenario) {
    for _ in 0..WARM_UP {
        black_box(simulate(black_box(scenario)));
    }
    let started = Instant::now();
    let mut times: Vec<f64> = Vec::with_capacity(RUNS);
    while times.len() < RUNS && started.elapsed() < BUDGET {
        let t = Instant::now();
        black_box(simulate(black_box(scenario)));
        times.push(t.elapsed().as_secs_f64() * 1e6);
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "bench {name} median_us={:.1} p10_us={:.1} p90_us={:.1} runs={}",
        at(0.5),
        at(0.1),
        at(0.9),
        times.len()
    );
}
