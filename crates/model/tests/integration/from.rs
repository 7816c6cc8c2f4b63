//! Levers from a date: before `from` the run is "as it happened", from it
//! the scenario's own levers, in one continuous run.

use crate::common::check_run;
use doorstroom_model::{Column, Measure, Run, Scenario, Stream, levers, preset, scenario_at};
use proptest::prelude::*;

/// "As it happened" under `s` over `s`'s horizon, all of it history up to
/// `s`'s `from` (the record's newest rates carry on to it,
/// `record::inputs::carried_until`): what the run with `from` must follow
/// before its join.
fn as_it_happened(s: &Scenario) -> Scenario {
    let mut h = preset("as_it_happened").unwrap().apply(s);
    h.end = s.end;
    h.from = s.from;
    h
}

/// Every column that says what happened in its week. Not the expected
/// wait, nor the share of it extrapolated past the horizon: they are of
/// the cases filed in the week, which depends on the weeks after it, so
/// after the join too.
fn columns() -> impl Iterator<Item = Column> {
    let of_the_week = |m: &Measure| {
        !matches!(
            m,
            Measure::ExpectedWaitWeeks | Measure::ExpectedWaitExtrapolated
        )
    };
    Measure::ALL.into_iter().filter(of_the_week).flat_map(|m| {
        Stream::ALL
            .map(|st| Column::of(m, st))
            .into_iter()
            .chain([Column::total(m)])
    })
}

/// Weeks `0..join` of `a` and `b` agree in every column.
fn same_before(a: &Run, b: &Run, join: usize, label: &str) {
    for c in columns() {
        assert_eq!(
            &a.series(c)[..join],
            &b.series(c)[..join],
            "{label}: {c:?} before the join"
        );
    }
}

#[test]
fn from_at_the_start_is_the_run_without_it() {
    for query in [
        "v=1",
        "term=6&fte=700",
        "intake=39000&term=36349",
        "term=15all&baa=0",
    ] {
        let (plain, _) = Scenario::from_query(query);
        let (with, w) = Scenario::from_query(&format!("{query}&from=2023-05-01"));
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(with.join_week(), 0);
        assert_eq!(plain.run(), with.run(), "{query}");
    }
}

/// The join in the middle of the history: before it "as it happened",
/// from it the scenario's levers change what happens.
#[test]
fn a_run_from_2025_follows_the_history_before_it() {
    let (s, w) = Scenario::from_query("from=2025-03-01&fte=900&intake=90000&term=36349");
    assert!(w.is_empty(), "{w:?}");
    let join = s.join_week();
    let (run, history) = (s.run(), as_it_happened(&s).run());
    same_before(&run, &history, join, "from 2025-03-01");
    let after = |r: &Run| r.series(Column::total(Measure::Intake))[join..].to_vec();
    assert_ne!(after(&run), after(&history), "the levers act from the join");
    check_run(&s, &run);
}

/// Continuity at the join: the stocks carry on (last week's stock plus the
/// week's intake less its decisions), the cumulative cost only grows by the
/// week's cost, and the cases waiting keep their ages (no case is younger
/// or older at the join than one week on from the week before).
fn check_continuous(s: &Scenario, run: &Run) {
    let join = s.join_week();
    if join == 0 || join >= run.weeks() {
        return;
    }
    let label = s.to_query();
    let col = |m: Measure| run.series(Column::total(m));
    let (backlog, intake, decisions) = (
        col(Measure::Backlog),
        col(Measure::Intake),
        col(Measure::Decisions),
    );
    assert_eq!(
        backlog[join],
        backlog[join - 1] + intake[join] - decisions[join],
        "{label}: backlog at the join"
    );
    let (cum, cost) = (col(Measure::CostCumulativeEur), col(Measure::CostEur));
    let step = cum[join] - cum[join - 1];
    assert!(
        (step - cost[join]).abs() <= 1e-6 * cum[join].abs().max(1.0),
        "{label}: cumulative cost at the join"
    );
    // Cases over six months at the join were filed before it: they are
    // at most those waiting the week before (ages carry over, one week on).
    let over6 = col(Measure::BacklogOver6Months);
    assert!(
        over6[join] <= backlog[join - 1],
        "{label}: ages at the join"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// For any scenario and any `from`: "as it happened" week for week
    /// before the join, continuous at it, and the books kept throughout.
    #[test]
    fn any_from_follows_the_history_and_joins_it(
        picks in proptest::collection::vec((0..levers().len(), 0.0..=1.0f64), 0..8),
        from_at in 0.0..=0.45f64,
    ) {
        let from = levers().iter().position(|l| l.key == "from").unwrap();
        let until = levers().iter().position(|l| l.key == "until").unwrap();
        let mut picks: Vec<_> = picks.into_iter().filter(|&(i, _)| i != from && i != until).collect();
        // `from` from the start to about 2026, a horizon that covers it.
        picks.push((from, from_at));
        picks.push((until, 0.5));
        let s = scenario_at(picks);
        let run = s.run();
        let join = s.join_week().min(run.weeks());
        same_before(&run, &as_it_happened(&s).run(), join, &s.to_query());
        check_continuous(&s, &run);
        check_run(&s, &run);
    }
}

/// Intake growth compounds from the join: the intake set for the years
/// after `from` is the intake of the first year from `from` on, and a year
/// later it has grown by the growth lever once.
#[test]
fn intake_growth_compounds_from_the_join() {
    let base = "from=2026-01-01&until=2030-12-31&intake=52180";
    let (flat, _) = Scenario::from_query(base);
    let (grown, w) = Scenario::from_query(&format!("{base}&intake_growth=0.2"));
    assert!(w.is_empty(), "{w:?}");
    let join = grown.join_week();
    let intake = |s: &Scenario| s.run().series(Column::total(Measure::Intake)).to_vec();
    let (flat, grown) = (intake(&flat), intake(&grown));
    // Before the join the published intakes, the same either way.
    assert_eq!(flat[..join], grown[..join]);
    // In the join week no growth yet: the same rate, so the same cases.
    assert_eq!(flat[join], grown[join]);
    // Over the first year 20% compounded weekly: on average 0.2 / ln 1.2
    // = 9.7% more; the second year 20% more than the first (within the
    // whole-case rounding of four streams).
    let year = |v: &[f64], from: usize| v[from..from + 52].iter().sum::<f64>();
    let first = year(&grown, join) / year(&flat, join);
    assert!((first - 0.2 / 1.2f64.ln()).abs() < 0.005, "{first}");
    let second = year(&grown, join + 52) / year(&grown, join);
    assert!((second - 1.2).abs() < 0.005, "{second}");
}

/// The summary counts from the join: costs, the peak and the share in term
/// of the weeks from `from` on; the figures "through 2024" (the letter's
/// scope) from the start.
#[test]
fn the_summary_counts_from_the_join() {
    let s = Scenario::outlook();
    let join = s.join_week();
    assert!(join > 0);
    let run = s.run();
    assert_eq!(run.join_week(), join);
    let sum = |m: Measure, from: usize| run.total(m)[from..].iter().sum::<f64>();
    let summary = run.summary();
    let near = |a: f64, b: f64| (a - b).abs() <= 1e-6 * b.abs().max(1.0);
    assert!(near(summary.cost_total_eur, sum(Measure::CostEur, join)));
    assert!(summary.cost_total_eur < sum(Measure::CostEur, 0));
    let decided = sum(Measure::DecidedWithinTerm, join) / sum(Measure::Decisions, join);
    assert!(near(summary.share_decided_in_term, decided));
    let backlog = run.backlog();
    let peak = backlog[join..].iter().copied().fold(f64::MIN, f64::max);
    assert_eq!(summary.backlog_peak, peak);
    assert!(run.week_start(join) <= summary.backlog_peak_week);
    let first_year: f64 = run.total(Measure::CostEur)[join..join + 52].iter().sum();
    assert!(near(summary.cost_first_year_eur, first_year));
    let before_2025 = (0..run.weeks())
        .take_while(|&w| run.week_start(w) < "2025-01-01".parse().unwrap())
        .count();
    assert!(near(
        summary.cost_through_2024_eur,
        run.total(Measure::CostEur)[..before_2025].iter().sum()
    ));
    if let Some(back) = summary.back_in_term_from {
        assert!(back >= run.week_start(join).first_of_month());
    }
}
