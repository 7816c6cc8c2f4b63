//! Levers from a date: before `from` the run is "as it happened", from it
//! the scenario's own levers, in one continuous run.

mod common;

use common::check_run;
use doorstroom_model::{Column, Measure, Run, Scenario, Stream, levers, preset, scenario_at};
use proptest::prelude::*;

/// "As it happened" under `s` from the start, over `s`'s horizon: what the
/// run with `from` must follow before its join.
fn as_it_happened(s: &Scenario) -> Scenario {
    let mut h = preset("as_it_happened").unwrap().apply(s);
    h.end = s.end;
    h.from = h.start;
    h
}

/// Every column that says what happened in its week. Not the expected
/// wait: it is the wait of the cases filed in the week, which depends on
/// the weeks after it, so after the join too.
fn columns() -> impl Iterator<Item = Column> {
    let of_the_week = |m: &Measure| *m != Measure::ExpectedWaitWeeks;
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
        "",
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
