//! Monte Carlo bands, goal-seek and the tornado, checked against the model
//! itself.

use doorstroom_model::uncertainty::{
    BandSettings, Bands, FIGURES, Goal, GoalLever, LinkWording, Outcome, Plausible, Samples,
    Shortfall, Span, Spreads, sample, sample_threads, seek, split, tornado, tornado_over,
};
use doorstroom_model::{Date, LeverKind, LeverValue, Measure, Scenario, Stream, lever};

/// "From now": today's outlook, the page's default (history as it
/// happened, the levers from the join).
const FROM_NOW: &str = "v=2";

/// A short horizon keeps the many runs of these tests quick.
fn short() -> Scenario {
    Scenario::from_query("until=2024-12-31").0
}

fn settings(runs: u32, seed: u64) -> BandSettings {
    BandSettings {
        on: true,
        runs,
        seed,
        spreads: Spreads::default(),
    }
}

fn bits(v: &[f64]) -> Vec<u64> {
    v.iter().map(|x| x.to_bits()).collect()
}

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

#[test]
fn the_same_seed_gives_the_same_bands_bit_for_bit() {
    let s = short();
    let a = sample(&s, &settings(60, 11), 0..60);
    let b = sample(&s, &settings(60, 11), 0..60);
    assert_eq!(bits(a.values()), bits(b.values()));
    assert_eq!(Bands::of(&a), Bands::of(&b));
    let other = sample(&s, &settings(60, 12), 0..60);
    assert_ne!(
        bits(a.values()),
        bits(other.values()),
        "another seed draws anew"
    );
}

#[test]
fn zero_spreads_give_the_deterministic_run_at_every_percentile() {
    for query in ["", "term=6&fte=700", "order=fifo&intake=50000"] {
        let s = Scenario::from_query(query).0;
        let zero = BandSettings {
            spreads: Spreads::ZERO,
            ..settings(7, 3)
        };
        let bands = Bands::of(&sample(&s, &zero, 0..7));
        let run = s.run();
        for (band, m) in [
            (&bands.backlog, Measure::Backlog),
            (&bands.cost_cumulative, Measure::CostCumulativeEur),
            (&bands.expected_wait, Measure::ExpectedWaitWeeks),
        ] {
            let exact = bits(run.total(m));
            assert_eq!(bits(&band.p10), exact, "{query} {m:?}");
            assert_eq!(bits(&band.p50), exact, "{query} {m:?}");
            assert_eq!(bits(&band.p90), exact, "{query} {m:?}");
        }
        let summary = run.summary();
        for (f, dist) in FIGURES.iter().zip(&bands.figures) {
            let x = f.read(&summary, s.start).to_bits();
            let p = dist.percentiles;
            assert_eq!(
                [p.p10, p.p50, p.p90].map(f64::to_bits),
                [x; 3],
                "{query} {}",
                f.key
            );
        }
    }
}

#[test]
fn percentiles_are_ordered_everywhere() {
    let s = short();
    let bands = Bands::of(&sample(&s, &settings(101, 5), 0..101));
    for band in [&bands.backlog, &bands.cost_cumulative, &bands.expected_wait] {
        for w in 0..band.p50.len() {
            assert!(
                band.p10[w] <= band.p50[w] && band.p50[w] <= band.p90[w],
                "week {w}"
            );
        }
    }
    for dist in &bands.figures {
        let p = dist.percentiles;
        assert!(p.p10 <= p.p50 && p.p50 <= p.p90, "{}", dist.figure.key);
    }
    // The spreads do spread: the backlog at the end is not one number.
    let end = bands.figure("backlog_end").unwrap().percentiles;
    assert!(end.p10 < end.p50 && end.p50 < end.p90, "{end:?}");
}

#[test]
fn splitting_the_runs_over_workers_changes_nothing() {
    let s = short();
    let st = settings(30, 99);
    let whole = sample(&s, &st, 0..30);
    for workers in [1, 2, 4] {
        let parts: Vec<Samples> = split(30, workers)
            .into_iter()
            .rev()
            .map(|r| sample(&s, &st, r))
            .collect();
        let merged = Samples::merge(parts).unwrap();
        assert_eq!(
            bits(merged.values()),
            bits(whole.values()),
            "{workers} workers"
        );
        let threads = sample_threads(&s, &st, workers);
        assert_eq!(
            bits(threads.values()),
            bits(whole.values()),
            "{workers} threads"
        );
        assert_eq!(Bands::of(&merged), Bands::of(&whole));
    }
}

/// Runs `s` with the goal's lever at `v` (and the horizon the search
/// used) and says whether the goal is met by the cards' own figures: the
/// month of the card "back within term", or the cost from the join that
/// the cost cards count, computed here from the run's columns rather than
/// by the search.
fn met(s: &Scenario, lever: GoalLever, goal: Goal, v: f64) -> bool {
    let mut moved = s.clone();
    match lever {
        GoalLever::Fte => moved.fte = v,
        GoalLever::Baa => moved.baa_per_year = v,
    }
    card_met(&moved, goal)
}

fn card_met(s: &Scenario, goal: Goal) -> bool {
    let run = s.run();
    let summary = run.summary();
    match goal {
        Goal::InTermBy(day) => summary.back_in_term_from.is_some_and(|m| m <= day),
        Goal::CostUnder { before, eur } => {
            let join = run.join_week();
            let cost: f64 = (join..run.weeks())
                .filter(|&w| run.week_start(w) < before)
                .map(|w| run.total(Measure::CostEur)[w])
                .sum();
            // The window is the cards' own: the total from the join when it
            // covers the horizon, the letter's "through 2024" from the start.
            if before > s.end {
                assert!((cost - summary.cost_total_eur).abs() < 1e-6 * cost.max(1.0));
            }
            if join == 0 && before == d("2025-01-01") {
                assert!((cost - summary.cost_through_2024_eur).abs() < 1e-6 * cost.max(1.0));
            }
            cost <= eur
        }
    }
}

#[test]
fn goal_seek_answers_hold_at_the_answer_and_not_one_step_below() {
    let cases = [
        (
            "intake=49000&hiring_per_month=50&capacity_nareis=20000",
            GoalLever::Fte,
            "in-term-by=2027-01-01",
            1.0,
        ),
        ("v=1", GoalLever::Fte, "cost-2026-under=500000000", 1.0),
        ("v=1", GoalLever::Fte, "cost-2024-under=120000000", 1.0),
        (
            "intake=49000&baa_months=48&capacity_nareis=20000",
            GoalLever::Baa,
            "in-term-by=2027-01-01",
            500.0,
        ),
    ];
    for (query, lever, goal_text, step) in cases {
        let s = Scenario::from_query(query).0;
        let goal = Goal::parse(goal_text).unwrap();
        let result = seek(&s, lever, goal);
        let Outcome::Reached { value, .. } = result.outcome else {
            panic!("{query} {goal_text}: {:?}", result.outcome)
        };
        assert!(
            met(&s, lever, goal, value),
            "{query} {goal_text} at {value}"
        );
        assert!(
            !met(&s, lever, goal, value - step),
            "{query} {goal_text} one step below {value}"
        );
        assert!(result.to_line().starts_with(&format!("{}=", lever.key())));
    }
}

#[test]
fn goal_seek_says_when_a_goal_is_out_of_reach() {
    // Without track-1 capacity the Dublin cases lapse whatever track 4 does.
    let s = Scenario::from_query("capacity_t1=0&intake=30000&hiring_per_month=100").0;
    let result = seek(
        &s,
        GoalLever::Fte,
        Goal::parse("in-term-by=2026-06-01").unwrap(),
    );
    let Outcome::Unreachable { max, shortfall, .. } = result.outcome else {
        panic!("{:?}", result.outcome)
    };
    assert_eq!(max, 2000.0);
    assert!(matches!(
        shortfall,
        Shortfall::PastTerm { cases, lever_cannot_decide: Some(Stream::Dublin), .. } if cases > 0.0
    ));
    let line = result.to_line();
    assert!(
        line.starts_with("unreachable=") && line.contains("Dublin"),
        "{line}"
    );
    assert!(!met(&s, GoalLever::Fte, result.goal, max));

    // No cost is below zero.
    let s = Scenario::default();
    let result = seek(
        &s,
        GoalLever::Baa,
        Goal::parse("cost-2024-under=0").unwrap(),
    );
    assert!(matches!(result.outcome, Outcome::Unreachable { .. }));

    // A day after the horizon cannot be checked.
    // Nor one more than ten years after the levers apply.
    let result = seek(&short(), GoalLever::Fte, Goal::InTermBy(d("2040-01-01")));
    assert_eq!(
        result.outcome,
        Outcome::AfterHorizon {
            end: d("2033-04-30")
        }
    );
    // Nor one before they apply: that is the record.
    let from_now = Scenario::from_query(FROM_NOW).0;
    let result = seek(&from_now, GoalLever::Fte, Goal::InTermBy(d("2025-06-01")));
    assert!(matches!(result.outcome, Outcome::BeforeLevers { .. }));
}

#[test]
fn goal_seek_reports_the_lever_s_minimum_when_it_already_suffices() {
    let s = Scenario::default();
    let result = seek(
        &s,
        GoalLever::Fte,
        Goal::parse("cost-2024-under=1e12").unwrap(),
    );
    assert!(matches!(result.outcome, Outcome::Reached { value, violation: None } if value == 0.0));
}

#[test]
fn tornado_sorts_by_the_size_of_the_effect() {
    let s = short();
    let t = |nl, en| doorstroom_model::Text { nl, en };
    let number = |key, low, high| Plausible {
        key,
        low: LeverValue::Number(low),
        high: LeverValue::Number(high),
        span: Span::Level,
        reason: t("test", "test"),
    };
    // Legal costs scale one cost term a little, the intake everything a lot,
    // and the training of staff nobody hires changes nothing.
    let ranges = [
        number("training_weeks", 39.0, 52.0),
        number("legal_costs", 800.0, 900.0),
        number("intake", 40_000.0, 100_000.0),
    ];
    let bars = tornado_over(&s, &ranges);
    let keys: Vec<_> = bars.iter().map(|b| b.key).collect();
    assert_eq!(keys, ["intake", "legal_costs", "training_weeks"]);
    assert!(bars[0].cost_effect() > bars[1].cost_effect() && bars[1].cost_effect() > 0.0);
    assert_eq!(bars[2].cost_effect(), 0.0);
    assert_eq!(
        bars[2].no_effect,
        Some(doorstroom_model::uncertainty::NoEffect::Idle)
    );
    assert_eq!(bars[1].backlog_effect(), 0.0, "legal costs decide no case");
    assert!(bars[0].backlog_effect() > 0.0);

    // The real table: sorted, every bar's ends are its lever's.
    let all = tornado(&s);
    assert!(
        all.windows(2)
            .all(|w| w[0].cost_effect().abs() >= w[1].cost_effect().abs())
    );
    for b in &all {
        let l = lever(b.key).unwrap();
        let mut at_low = s.clone();
        match (&l.kind, b.low) {
            (LeverKind::Number(n), LeverValue::Number(x)) => {
                n.set(&mut at_low, x);
            }
            (LeverKind::Choice(c), LeverValue::Choice(i)) => c.set(&mut at_low, i),
            (_, v) => panic!("{}: {v:?}", b.key),
        }
        assert_eq!(
            at_low.run().summary().cost_total_eur,
            b.cost_low,
            "{}",
            b.key
        );
    }
}

#[test]
fn goal_seek_reports_where_more_staff_is_worse() {
    // Hired staff are trainees first: cost through 2026 is lowest near 750
    // FTE and higher again from 1,000, where hiring runs on into 2026.
    let s = Scenario::default();
    let goal = Goal::parse("cost-2026-under=485000000").unwrap();
    let result = seek(&s, GoalLever::Fte, goal);
    let Outcome::Reached {
        value,
        violation: Some(v),
    } = result.outcome
    else {
        panic!("{:?}", result.outcome)
    };
    assert!(met(&s, GoalLever::Fte, goal, value) && !met(&s, GoalLever::Fte, goal, value - 1.0));
    assert!(met(&s, GoalLever::Fte, goal, v.met_at), "{v:?}");
    assert!(!met(&s, GoalLever::Fte, goal, v.missed_at), "{v:?}");
    assert!(v.met_at < v.missed_at && value <= v.met_at);
    assert!(!met(&s, GoalLever::Fte, goal, 2000.0));
    assert!(
        result
            .message(doorstroom_model::Lang::En, &LinkWording)
            .contains("more is not always better")
    );
}

mod around_the_scenario {
    use super::*;
    use doorstroom_model::uncertainty::{NoEffect, PLAUSIBLE};
    use doorstroom_model::{levers, scenario_at};
    use proptest::prelude::*;

    /// The views a reader starts from, each with levers moved at random.
    const VIEWS: [&str; 3] = ["v=1", FROM_NOW, doorstroom_model::AS_IT_HAPPENED];

    fn holds(b: &doorstroom_model::uncertainty::TornadoBar) -> bool {
        match (b.low, b.value, b.high) {
            (LeverValue::Number(lo), LeverValue::Number(v), LeverValue::Number(hi)) => {
                lo <= v && v <= hi
            }
            (LeverValue::Choice(lo), LeverValue::Choice(v), LeverValue::Choice(hi)) => {
                v == lo || v == hi
            }
            _ => false,
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

        #[test]
        fn every_range_holds_the_scenario_s_own_value(
            view in 0..VIEWS.len(),
            picks in proptest::collection::vec((0..levers().len(), 0.0f64..=1.0), 0..4),
        ) {
            let mut s = Scenario::from_query(VIEWS[view]).0;
            let moved = scenario_at(picks.iter().copied());
            for (i, _) in &picks {
                levers()[*i].copy(&moved, &mut s);
            }
            let (s, _) = s.validated();
            let bars = tornado(&s);
            prop_assert_eq!(bars.len(), PLAUSIBLE.len());
            for b in &bars {
                prop_assert!(holds(b), "{}: {:?} {:?} {:?}", b.key, b.low, b.value, b.high);
                prop_assert_eq!(b.value, lever(b.key).unwrap().get(&s));
                let empty = (b.cost_effect().abs() < 0.5) && (b.backlog_effect().abs() < 0.5);
                prop_assert_eq!(b.no_effect.is_some(), empty, "{}", b.key);
            }
        }
    }

    #[test]
    fn the_term_acts_from_the_date_the_levers_apply() {
        // "From now" has six months; the other option is fifteen for the
        // applications from its date, which does change the cost.
        let s = Scenario::from_query(FROM_NOW).0;
        let bars = tornado(&s);
        let term = bars.iter().find(|b| b.key == "term").unwrap();
        assert_eq!(term.value, LeverValue::Choice(0));
        assert!(term.cost_effect() < -1e6, "{term:?}");
        // No BAA in it: the range runs from none to the letter's target.
        let baa = bars.iter().find(|b| b.key == "baa").unwrap();
        assert_eq!(
            (baa.low, baa.high),
            (LeverValue::Number(0.0), LeverValue::Number(13_000.0))
        );
        // A lever whose effect falls after the horizon says so.
        let short = Scenario::from_query("until=2023-08-31").0;
        let bars = tornado(&short);
        assert!(
            bars.iter()
                .any(|b| matches!(b.no_effect, Some(NoEffect::AfterHorizon { .. }))),
            "{bars:?}"
        );
    }
}

#[test]
fn bands_from_now_start_at_the_join() {
    // Before the join the run is the record: every run agrees with the
    // central one there, and they part from the join on.
    let mut s = Scenario::from_query(FROM_NOW).0;
    s.end = d("2027-06-30");
    let join = s.join_week();
    assert!(join > 100);
    let central = s.run();
    let bands = Bands::of(&sample(&s, &settings(40, 3), 0..40));
    for w in 0..join {
        let c = central.backlog()[w];
        for p in [
            bands.backlog.p10[w],
            bands.backlog.p50[w],
            bands.backlog.p90[w],
        ] {
            assert!(
                (p - c).abs() < 1e-6 * c.max(1.0),
                "week {w}: {p} against {c}"
            );
        }
    }
    let last = central.weeks() - 1;
    assert!(bands.backlog.p90[last] > bands.backlog.p10[last] + 100.0);
}
