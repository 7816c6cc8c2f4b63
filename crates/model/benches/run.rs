//! The model's speed, natively. `cargo xtask bench` runs this with
//! `cargo bench -p doorstroom-model --bench run`.
//!
//! No benchmark framework: each case runs a warm-up, then many timed runs;
//! the output is one stable line per case,
//! `bench model/<case> median_us=… p10_us=… p90_us=… runs=…`.
//! Cases: one run of three scenarios; 1,000 Monte Carlo runs of the default
//! scenario (with the bands' percentiles) on one thread and on all threads;
//! one goal-seek.

use std::hint::black_box;
use std::time::{Duration, Instant};

use doorstroom_model::uncertainty::{
    BandSettings, Bands, Goal, GoalLever, sample, sample_threads, seek,
};
use doorstroom_model::{Scenario, simulate};

/// Stop a case early if it takes longer than this in all (slow machines).
const BUDGET: Duration = Duration::from_secs(20);
/// Monte Carlo runs per timed repetition: the 1,000.
const MONTE_CARLO_RUNS: u32 = 1_000;

fn main() {
    // `cargo bench` passes `--bench`; a name filter may follow.
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let wanted = |name: &str| filter.as_deref().is_none_or(|f| name.contains(f));
    for (name, query) in [
        ("model/default", ""),
        ("model/ten_years", "until=2033-04-30"),
        ("model/seed_forecast", "baa=0"),
    ] {
        if wanted(name) {
            let (scenario, _) = Scenario::from_query(query);
            bench(name, 400, 20, || {
                black_box(simulate(black_box(&scenario)));
            });
        }
    }

    let scenario = Scenario::default();
    let settings = BandSettings {
        on: true,
        runs: MONTE_CARLO_RUNS,
        ..BandSettings::default()
    };
    if wanted("model/monte_carlo_1000_one_thread") {
        bench("model/monte_carlo_1000_one_thread", 15, 1, || {
            let samples = sample(&scenario, &settings, 0..MONTE_CARLO_RUNS);
            black_box(Bands::of(&samples));
        });
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let name = format!("model/monte_carlo_1000_threads_{threads}");
    if wanted(&name) || wanted("model/monte_carlo_1000_all_threads") {
        bench(&name, 15, 1, || {
            let samples = sample_threads(&scenario, &settings, threads);
            black_box(Bands::of(&samples));
        });
    }
    if wanted("model/goal_seek") {
        let goal = Goal::parse("cost-2026-under=500000000").unwrap_or_else(|e| panic!("{e}"));
        bench("model/goal_seek_fte_cost", 40, 2, || {
            black_box(seek(&scenario, GoalLever::Fte, goal));
        });
    }
}

/// Times `f` `runs` times after `warm_up` untimed calls and prints the line.
fn bench(name: &str, runs: usize, warm_up: usize, mut f: impl FnMut()) {
    for _ in 0..warm_up {
        f();
    }
    let started = Instant::now();
    let mut times: Vec<f64> = Vec::with_capacity(runs);
    while times.len() < runs && started.elapsed() < BUDGET {
        let t = Instant::now();
        f();
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
