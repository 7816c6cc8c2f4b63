//! The model on the command line, for analysts and checks.
//!
//! ```text
//! cargo run -p doorstroom-model --example scenario -- 'v=1&intake=77000&fte=600'
//! cargo run -p doorstroom-model --example scenario -- --summary 'term=6'
//! cargo run -p doorstroom-model --example scenario -- --presets
//! cargo run -p doorstroom-model --example scenario -- --preset as_it_happened --record
//! cargo run -p doorstroom-model --example scenario -- --preset as_it_happened 'fte=900' --stream t4
//! cargo run -p doorstroom-model --example scenario -- --bands 500 --seed 7 --summary
//! cargo run -p doorstroom-model --example scenario -- --goal 'in-term-by=2027-01-01'
//! cargo run -p doorstroom-model --example scenario -- --goal 'cost-2024-under=20000000' --goal-lever baa
//! cargo run -p doorstroom-model --example scenario -- --tornado
//! cargo run -p doorstroom-model --example scenario -- --explain 'v=2&intake=50000&fte=900' [--baseline 'v=2&intake=80000']
//! cargo run -p doorstroom-model --example scenario -- --fit [--fit-until 2024-12-31]
//! cargo run -p doorstroom-model --example scenario -- --track-record
//! cargo run -p doorstroom-model --example scenario -- --deck briefing-dg.doorstroom.json --summary
//! ```
//!
//! Prints on stdout the weekly totals as CSV; with `--summary` the headline
//! figures as `key=value` lines; with `--stream t1|t2|t4|nareis` one
//! stream's weekly CSV of every measure; with `--record` the published
//! figures beside the model's (`measure,scope,date,published,model,
//! difference_pct,source`). `--presets` lists the presets; `--preset NAME`
//! starts from one, and a query given beside it changes levers on top.
//! With `--bands N` the Monte Carlo bands of N runs: the weekly P10/P50/P90
//! as CSV, or with `--summary` each headline figure also as `KEY_p10`,
//! `KEY_p50` and `KEY_p90`; the query may hold the band settings (`seed=`,
//! `sd_intake=` …), and `--bands` and `--seed` override them; with no seed
//! in either a fresh one is drawn (getrandom) and printed on stderr. `--goal`
//! prints `fte=…` (or `baa=…` with `--goal-lever baa`) or `unreachable=`
//! with the reason; `--tornado` prints `lever,value,low,high,cost_effect_eur,
//! backlog_effect`. `--explain QUERY` splits each headline figure's
//! difference between the scenario QUERY and its baseline (the defaults of
//! its world, or `--baseline QUERY`, over the scenario's horizon, as the
//! page compares them) over the levers that differ, by Shapley values, and
//! prints `figure,lever,baseline,scenario,part,standard_error` in the
//! notation of the link's language (`lang=en`: `,` and a decimal point;
//! else Dutch, `;` and a decimal comma), the levers' values in its words.
//! `--fit` fits the values no publication states to the
//! published figures dated up to `--fit-until` (default: all) and prints
//! the fitted scenario as a query that this command runs as it is, with
//! the loss, the fitted values and each figure's error on stderr;
//! `--track-record` prints the forecasts from three origins against what
//! was published after each (`origin,measure,scope,date,published,model,
//! difference_pct,source`), then one `# origin …` line of fit statistics
//! each. `--deck FILE` reads a briefing file as the page does
//! and prints, for each of its scenarios in order, a `# N title` line, its
//! `link=` and (with `--summary`) its headline figures. Warnings about the
//! query go to stderr.

use doorstroom_model::explain::Explainer;
use doorstroom_model::uncertainty::{
    BandSettings, Bands, Goal, GoalLever, LinkWording, fresh_seed, read_query, sample_threads,
    seek, tornado, tornado_csv,
};
use doorstroom_model::{
    Date, Lang, PRESETS, Runner, Scenario, Stream, calibration, page_keys, record, safe_text,
};

const USAGE: &str =
    "usage: scenario [--presets] [--preset NAME] [--summary | --record | --stream t1|t2|t4|nareis]
                [--bands N [--seed S]] [--goal GOAL [--goal-lever fte|baa]] [--tornado]
                [--explain QUERY [--baseline QUERY]]
                [--fit [--fit-until YYYY-MM-DD]] [--track-record]
                [--deck FILE] [QUERY]
  GOAL  in-term-by=YYYY-MM-DD | cost-YYYY-under=EUR
  e.g. scenario --preset as_it_happened --record
       scenario 'v=1&intake=77000&fte=600'";

enum Output {
    Csv,
    Summary,
    Record,
    Stream(Stream),
}

fn main() {
    let mut output = Output::Csv;
    let mut preset = None;
    let mut runs: Option<String> = None;
    let mut seed: Option<String> = None;
    let mut goal: Option<String> = None;
    let mut goal_lever = GoalLever::Fte;
    let mut want_tornado = false;
    let mut want_explain = false;
    let mut baseline: Option<String> = None;
    let mut want_fit = false;
    let mut fit_until: Option<Date> = None;
    let mut deck: Option<String> = None;
    let mut query = String::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .unwrap_or_else(|| fail(&format!("{name} needs a value")))
        };
        match arg.as_str() {
            "--summary" => output = Output::Summary,
            "--record" => output = Output::Record,
            "--presets" => {
                for p in PRESETS {
                    println!("{}\t{}\t{}", p.key, p.label.get(Lang::En), p.sets.pairs());
                }
                return;
            }
            "--preset" => {
                let name = value("--preset");
                let Some(p) = PRESETS.iter().find(|p| p.key == name) else {
                    fail(&format!("no preset `{name}` (see --presets)"));
                };
                preset = Some(p.sets.pairs());
            }
            "--stream" => {
                let key = value("--stream");
                let Some(s) = Stream::ALL.into_iter().find(|s| s.key() == key) else {
                    fail(&format!("no stream `{key}`: t1, t2, t4 or nareis"));
                };
                output = Output::Stream(s);
            }
            "--bands" => runs = Some(value("--bands")),
            "--seed" => seed = Some(value("--seed")),
            "--goal" => goal = Some(value("--goal")),
            "--goal-lever" => {
                goal_lever = match value("--goal-lever").as_str() {
                    "fte" => GoalLever::Fte,
                    "baa" => GoalLever::Baa,
                    _ => fail("--goal-lever is fte or baa"),
                }
            }
            "--tornado" => want_tornado = true,
            "--explain" => {
                want_explain = true;
                query = value("--explain");
            }
            "--baseline" => baseline = Some(value("--baseline")),
            "--fit" => want_fit = true,
            "--fit-until" => {
                let v = value("--fit-until");
                fit_until = Some(
                    v.parse()
                        .unwrap_or_else(|_| fail("--fit-until needs a date, YYYY-MM-DD")),
                );
            }
            "--track-record" => {
                print_track_record();
                return;
            }
            "--deck" => deck = Some(value("--deck")),
            "-h" | "--help" => {
                println!("{USAGE}");
                return;
            }
            _ if arg.starts_with("--") => fail(&format!("unknown option {arg}")),
            _ => query = arg,
        }
    }
    if want_fit {
        print_fit(fit_until.unwrap_or(record::inputs::RECORD_END));
        return;
    }
    if let Some(path) = deck {
        print_deck(&path, matches!(output, Output::Summary));
        return;
    }
    // A later repeat of a key wins, so the query changes the preset's levers.
    let full = match preset {
        Some(p) if query.is_empty() => p.to_string(),
        Some(p) => format!("{p}&{}", query.trim_start_matches('?')),
        None => query,
    };
    let (scenario, mut settings, warnings) = read_query(&full);
    for w in &warnings {
        eprintln!("warning: {}", printable(&w.message(Lang::En)));
    }
    // The page's own keys are known, read (`lang=` says how numbers are
    // written) or left to the page.
    for (key, _) in form_urlencoded::parse(full.trim_start_matches('?').as_bytes()) {
        if page_keys::ALL.contains(&key.as_ref()) && key != page_keys::LANG {
            eprintln!("note: ‘{key}’ is the page's own setting; the command line leaves it out");
        }
    }
    if let Some(text) = goal {
        let (goal, repaired) = Goal::read(&text).unwrap_or_else(|e| fail(&e));
        for w in &repaired {
            eprintln!("warning: {}", printable(&w.message(Lang::En)));
        }
        let result = seek(&scenario, goal_lever, goal);
        println!("{}", result.to_line());
        eprintln!(
            "{} ({} runs)",
            result.message(Lang::En, &LinkWording),
            result.evaluations
        );
        return;
    }
    if want_explain {
        print_explanation(&scenario, baseline.as_deref(), language(&full));
        return;
    }
    if baseline.is_some() {
        fail("--baseline goes with --explain");
    }
    if want_tornado {
        print!("{}", tornado_csv(&tornado(&scenario)));
        return;
    }
    let bands = runs.map(|n| bands(&scenario, &mut settings, &full, &n, seed.as_deref()));
    let run = scenario.run();
    match (output, bands) {
        (Output::Summary, bands) => {
            for (key, value) in run.summary().to_key_values() {
                println!("{key}={value}");
            }
            for (key, value) in bands.map(|b| b.to_key_values()).unwrap_or_default() {
                println!("{key}={value}");
            }
        }
        (Output::Csv, Some(bands)) => print!("{}", bands.to_csv()),
        (Output::Csv, None) => print!("{}", run.to_csv()),
        (Output::Record, _) => {
            // With `from=` the published figures are compared with the run
            // up to the join: after it the levers are the reader's, not
            // history. A run is causal, so the weeks before the join of a
            // run that ends there are those of the whole run.
            let join = scenario.join_week();
            let history = if join > 0 && join < run.weeks() {
                let mut upto = scenario.clone();
                upto.end = run.week_start(join).add_days(-1);
                upto.run()
            } else {
                run
            };
            print!("{}", record::to_csv(&record::compare(&history)));
        }
        (Output::Stream(s), _) => print!("{}", run.stream_csv(s)),
    }
}

/// The bands of `n` runs (and `seed`, if given; else the link's, else a
/// fresh one, printed on stderr) over all threads, both read as the page
/// reads them (`1.000` runs are a thousand), with its warnings.
fn bands(
    scenario: &Scenario,
    settings: &mut BandSettings,
    link: &str,
    n: &str,
    seed: Option<&str>,
) -> Bands {
    // No seed in the command or the link: a fresh one, said so that the
    // bands can be drawn again.
    let in_link = form_urlencoded::parse(link.trim_start_matches('?').as_bytes())
        .any(|(key, _)| key == "seed");
    let drawn = (seed.is_none() && !in_link).then(|| {
        let seed = fresh_seed().unwrap_or_else(|| fail("no random numbers for a fresh seed"));
        eprintln!("seed={seed} (a fresh draw; --seed {seed} draws these bands again)");
        seed.to_string()
    });
    let seed = seed.or(drawn.as_deref());
    let said = [Some(("runs", n)), seed.map(|s| ("seed", s))];
    for (key, text) in said.into_iter().flatten() {
        if let Some(w) = settings.read(key, text, Lang::Nl) {
            eprintln!("warning: {}", printable(&w.message(Lang::En)));
        }
    }
    let (settings, more) = settings.validated();
    for w in &more {
        eprintln!("warning: {}", printable(&w.message(Lang::En)));
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    Bands::of(&sample_threads(scenario, &settings, threads))
}

/// The language a link's numbers are read in (`lang=en`), Dutch by
/// default, as the page reads them.
fn language(link: &str) -> Lang {
    let lang = form_urlencoded::parse(link.trim_start_matches('?').as_bytes())
        .filter(|(key, _)| key == page_keys::LANG)
        .last();
    match lang {
        Some((_, v)) if v.trim().eq_ignore_ascii_case("en") => Lang::En,
        _ => Lang::Nl,
    }
}

/// `--explain`: the Shapley parts against the baseline (the pinned
/// `baseline` query's scenario, or the defaults of the scenario's world),
/// with the number of runs on stderr.
fn print_explanation(scenario: &Scenario, baseline: Option<&str>, lang: Lang) {
    let pinned = baseline.map(|q| {
        let (pinned, _, warnings) = read_query(q);
        for w in &warnings {
            eprintln!("warning (baseline): {}", printable(&w.message(Lang::En)));
        }
        pinned
    });
    let mut explainer = Explainer::new(scenario, &scenario.baseline(pinned.as_ref()));
    let mut runner = Runner::new();
    while !explainer.step(&mut runner) {}
    let explanation = explainer.finish().expect("every run done");
    print!("{}", explanation.to_csv(lang));
    eprintln!(
        "{} levers differ; {:?}, {} runs",
        explanation.levers.len(),
        explanation.method,
        explainer.runs_done()
    );
}

/// `--fit`: the query on stdout, how it fits on stderr.
fn print_fit(until: Date) {
    let fit = calibration::fit(until).unwrap_or_else(|e| fail(&e.to_string()));
    println!("{}", fit.query());
    eprintln!(
        "fit through {until}: loss {:.4} over {} figures ({} runs)",
        fit.loss,
        fit.rows.len(),
        fit.runs
    );
    for (f, v) in calibration::FITTED.iter().zip(&fit.values) {
        eprintln!("  {} = {v} (bounds {} to {})", f.key, f.lower, f.upper);
    }
    eprint!("{}", record::to_csv(&fit.rows));
}

/// `--track-record`: every forecast's figures, then its statistics.
fn print_track_record() {
    let record = calibration::track_record().unwrap_or_else(|e| fail(&e.to_string()));
    print!("{}", calibration::track_record_csv(&record));
    for f in &record.forecasts {
        let origin = f
            .origin
            .map_or_else(|| "letter".to_owned(), |o| o.day.to_string());
        match f.stats {
            Some(s) => println!(
                "# {origin}: {} figures, MAPE {:.1}%, MSE(log) {:.4}, Theil U_M {:.2} U_S {:.2} U_C {:.2}",
                s.n, s.mape_pct, s.mse_log, s.bias, s.variance, s.covariance
            ),
            None => println!("# {origin}: no figures"),
        }
    }
}

/// `text` with what a terminal would act on or hide (control characters,
/// marks that reorder text, line separators) written as `\u{…}` escapes.
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control()
                || safe_text::is_bidi_control(c)
                || safe_text::is_noncharacter(c)
                || matches!(c, '\u{2028}' | '\u{2029}')
            {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn fail(message: &str) -> ! {
    eprintln!("error: {}\n{USAGE}", printable(message));
    std::process::exit(2)
}

/// A briefing file's scenarios in order, read as the page reads the file.
fn print_deck(path: &str, summary: bool) {
    use doorstroom_address::briefing::Briefing;
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    let charts = ["backlog", "costs", "waiting", "flow"];
    let (briefing, warnings) =
        Briefing::read(&text, &charts).unwrap_or_else(|e| fail(&e.message(Lang::En)));
    for w in &warnings {
        eprintln!("warning: {}", w.message(Lang::En));
    }
    if !briefing.title.is_empty() {
        println!("# {}", briefing.title);
    }
    for (i, s) in briefing.scenarios.iter().enumerate() {
        let role = if briefing.baseline == Some(i) {
            " (baseline)"
        } else {
            ""
        };
        println!("# {} {}{role}", i + 1, s.title);
        println!("link={}", s.scenario.to_query());
        if summary {
            for (key, value) in s.scenario.run().summary().to_key_values() {
                println!("{key}={value}");
            }
        }
    }
}
