//! The model's speed, natively. `cargo xtask bench` runs this with
//! `cargo bench -p doorstroom-model --bench run`.
//!
//! No benchmark framework: each case runs a warm-up, then many timed runs;
//! the output is one stable line per case,
//! `bench model/<case> median_us=… p10_us=… p90_us=… runs=…`.
//! Cases: one run of four scenarios; a slider step (one lever moved, the
//! parts the runs share kept); 1,000 Monte Carlo runs of the letter's
//! default scenario (with the bands' percentiles) on one thread and on all
//! threads, and of today's outlook on one thread; the bands' percentiles
//! alone of today's outlook's 1,000 runs; one goal-seek.
//!
//! The names keep the meaning they had when issue 21 was filed, when the
//! page's default was the letter's world: `model/default` is the letter's
//! default run (`v=1`, 2023 to 2028), `model/ten_years` the letter's
//! over ten years (`v=1&until=2033-04-30`), `model/seed_forecast` the
//! letter's without the BAA (`v=1&baa=0`). `model/outlook` is the page's
//! default today: today's outlook (query ``, 2023 to 2031, "as it
//! happened" up to its join).

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
    // The frame budget's targets for one run: the letter's default
    // scenario, and ten years.
    for (name, query, target_us) in [
        ("model/default", "v=1", Some(60.0)),
        ("model/ten_years", "v=1&until=2033-04-30", Some(150.0)),
        ("model/seed_forecast", "v=1&baa=0", None),
        ("model/outlook", "", None),
    ] {
        if wanted(name) {
            let (scenario, _) = Scenario::from_query(query);
            let median = bench(name, 400, 20, || {
                black_box(simulate(black_box(&scenario)));
            });
            if let Some(target) = target_us {
                let met = if median < target { "met" } else { "NOT MET" };
                println!("target {name} median under {target} us: {met}");
            }
        }
    }

    // A slider step: one lever moves, and the runner keeps what the run
    // before shares with this one (as the page's runner does).
    if wanted("model/slider_step") {
        let steps: Vec<Scenario> = (0..8)
            .map(|i| Scenario::from_query(&format!("fte={}", 800 + 10 * i)).0)
            .collect();
        let mut runner = doorstroom_model::Runner::new();
        let mut i = 0;
        bench("model/slider_step", 400, 20, || {
            i = (i + 1) % steps.len();
            black_box(runner.run(black_box(&steps[i])));
        });
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
    if wanted("model/monte_carlo_1000_outlook_one_thread") {
        let outlook = Scenario::outlook();
        bench("model/monte_carlo_1000_outlook_one_thread", 15, 1, || {
            let samples = sample(&outlook, &settings, 0..MONTE_CARLO_RUNS);
            black_box(Bands::of(&samples));
        });
    }
    // The page's share of a job: the percentiles of today's outlook's
    // 1,000 runs, taken on the page's thread once the workers' slices are in.
    if wanted("model/bands_of_1000_outlook") {
        let samples = sample(&Scenario::outlook(), &settings, 0..MONTE_CARLO_RUNS);
        bench("model/bands_of_1000_outlook", 40, 2, || {
            black_box(Bands::of(black_box(&samples)));
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

/// Times `f` `runs` times after `warm_up` untimed calls, prints the line and
/// answers with the median in microseconds.
fn bench(name: &str, runs: usize, warm_up: usize, mut f: impl FnMut()) -> f64 {
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
    at(0.5)
}
