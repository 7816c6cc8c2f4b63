//! Hiring costs output before it adds to it: new hearing and decision
//! officers are trainees for ten months and take experienced staff's time.
//! The model must show that dip and the recovery after it.

use crate::common::{self, col, cumulative, scenario};
use doorstroom_model::{FTE_AT_START, Measure, Stream};

#[test]
fn hiring_dips_then_recovers() {
    let base = scenario("v=1").run();
    let hired = scenario("fte=600").run();
    let fte = col(&hired, Measure::ProductiveFte, Stream::General);
    let trainees = col(&hired, Measure::TraineeFte, Stream::General);

    // First the dip: coaching takes experienced staff's time.
    assert!(fte[0] < FTE_AT_START && trainees[0] > 0.0);
    let lowest = fte.iter().copied().fold(f64::MAX, f64::min);
    assert!(lowest < FTE_AT_START - 10.0, "{lowest}");
    // Then the recovery: all 68 trained within two years, at the target.
    assert_eq!(fte[104], 600.0);
    assert_eq!(trainees[104], 0.0);

    // Output follows: fewer decisions at first, more later, and the
    // cumulative gap closes and turns.
    let regular = |run| cumulative(col(run, Measure::Capacity, Stream::General));
    let (b, h) = (regular(&base), regular(&hired));
    assert!(h[25] < b[25], "dip: {} vs {}", h[25], b[25]);
    let turn = (0..h.len())
        .find(|&w| h[w] > b[w])
        .expect("the hiring pays back");
    assert!((40..120).contains(&turn), "pays back in week {turn}");
    let backlog = |run| col(run, Measure::Backlog, Stream::General).to_vec();
    assert!(backlog(&hired).last() < backlog(&base).last());
}

#[test]
fn without_training_lag_hiring_only_helps() {
    let base = scenario("v=1").run();
    let hired = scenario("fte=600&training_weeks=0&coaching=0").run();
    common::assert_le_every_week(
        col(&hired, Measure::Backlog, Stream::General),
        col(&base, Measure::Backlog, Stream::General),
        "backlog",
    );
}
