//! Today's outlook, the page's default: its history is "as it happened"
//! week for week, and at its join nothing changes that no lever changed.

use doorstroom_model::record::inputs;
use doorstroom_model::{AS_IT_HAPPENED, Column, Measure, Run, Scenario, Stream};

/// Every column that says what happened in its week (not the expected
/// wait of the cases filed in it, which depends on the weeks after it).
fn columns() -> impl Iterator<Item = Column> {
    Measure::ALL
        .into_iter()
        .filter(|m| {
            !matches!(
                m,
                Measure::ExpectedWaitWeeks | Measure::ExpectedWaitExtrapolated
            )
        })
        .flat_map(|m| {
            Stream::ALL
                .map(|st| Column::of(m, st))
                .into_iter()
                .chain([Column::total(m)])
        })
}

fn outlook() -> Run {
    Scenario::outlook().run()
}

#[test]
fn the_outlook_s_history_is_as_it_happened_week_for_week() {
    let (history, warnings) = Scenario::from_query(AS_IT_HAPPENED);
    assert!(warnings.is_empty(), "{warnings:?}");
    let (past, run) = (history.run(), outlook());
    assert_eq!(past.week_start(0), run.week_start(0));
    // "As it happened" runs to the newest figures; the outlook's join lies
    // after them.
    let weeks = past.weeks();
    assert!(weeks <= run.join_week(), "{weeks} {}", run.join_week());
    assert_eq!(run.week_start(weeks - 1).add_days(6), inputs::RECORD_END);
    for c in columns() {
        assert_eq!(
            &run.series(c)[..weeks],
            past.series(c),
            "{c:?} before the newest figures"
        );
    }
}

/// At the join no stock or flow of any stream or status changes by more
/// than it changed from week to week in the four weeks before it. Counts
/// are whole cases, rounded week by week without bias (`whole` in the
/// simulation), so a count may move by one case more in any week.
#[test]
fn the_outlook_has_no_seam_at_its_join() {
    let run = outlook();
    let join = run.join_week();
    assert_eq!(run.week_start(join), inputs::outlook_from().add_days(2));
    let mut seams = Vec::new();
    for c in columns() {
        let x = run.series(c);
        let step = |k: usize| (x[k] - x[k - 1]).abs();
        let before = (join - 4..join).map(step).fold(0.0, f64::max);
        let at = step(join);
        let whole = x[join - 5..=join].iter().all(|v| v.fract() == 0.0);
        let rounding = if whole { 1.0 } else { 0.0 };
        if at > before + rounding {
            seams.push(format!(
                "{c:?}: {} -> {} ({at} against at most {before} before)",
                x[join - 1],
                x[join]
            ));
        }
    }
    assert!(seams.is_empty(), "seams at the join: {seams:#?}");
}
