//! The law after the join as dated choices: act 35749 (no statutory penalty
//! for notices of default sent from its date in force; the appeal with the
//! court's penalty stays) and act 36349's date in force, in today's
//! outlook.

use doorstroom_model::{Column, LeverKind, Measure, Run, Scenario, Stream, lever};

fn run(query: &str) -> (Scenario, Run) {
    let (s, warnings) = Scenario::from_query(query);
    assert!(warnings.is_empty(), "{query}: {warnings:?}");
    let run = s.run();
    (s, run)
}

/// The first week of `run` that starts on or after `day`.
fn week_of(run: &Run, day: &str) -> usize {
    let day = day.parse().unwrap();
    (0..run.weeks())
        .find(|&w| run.week_start(w) >= day)
        .expect("the day lies in the run")
}

/// The statutory penalty runs six weeks from two weeks after its notice
/// (Awb 4:17): the last notice before the date in force earns its last
/// week seven weeks after the date's week.
const LAST_WEEK_OF_A_PENALTY: usize = 2 + 6;

#[test]
fn act_35749_stops_the_statutory_penalty_for_notices_from_its_date() {
    let (base_s, base) = run("v=2");
    let (s, law) = run("v=2&statutory_ends=2027-01-04");
    assert_eq!(s.from, base_s.from);
    let w = week_of(&law, "2027-01-04");
    let statutory = Column::total(Measure::PenaltyStatutoryEur);
    let (before, after) = (base.series(statutory), law.series(statutory));
    // Up to the week the first notice under the act would have earned its
    // first penalty, the same euros.
    assert_eq!(&after[..w + 2], &before[..w + 2]);
    // Then the notices sent before the date run out their six weeks, and
    // nothing more accrues.
    for t in w + 2..w + LAST_WEEK_OF_A_PENALTY {
        assert!(
            after[t] <= before[t],
            "week {t}: {} > {}",
            after[t],
            before[t]
        );
    }
    assert!(
        after[w + LAST_WEEK_OF_A_PENALTY..]
            .iter()
            .all(|&e| e == 0.0),
        "no statutory penalty for a notice sent from the date"
    );
    assert!(
        before[w + LAST_WEEK_OF_A_PENALTY..].iter().sum::<f64>() > 1e5,
        "without the act the nareis notices go on earning penalties (EUR 0.85 million)"
    );
    // The act changes the statutory penalty only: the notices, the appeals,
    // the court's penalties, the legal costs and every stock stay.
    for m in Measure::ALL.into_iter().filter(|&m| {
        !matches!(
            m,
            Measure::PenaltyStatutoryEur | Measure::CostEur | Measure::CostCumulativeEur
        )
    }) {
        for c in Stream::ALL
            .map(|st| Column::of(m, st))
            .into_iter()
            .chain([Column::total(m)])
        {
            assert_eq!(law.series(c), base.series(c), "{c:?}");
        }
    }
}

#[test]
fn act_35749_before_the_join_leaves_the_history_as_it_happened() {
    let (_, base) = run("v=2");
    let (_, law) = run("v=2&statutory_ends=2024-01-01");
    let join = law.join_week();
    let statutory = Column::total(Measure::PenaltyStatutoryEur);
    assert_eq!(
        &law.series(statutory)[..join + 2],
        &base.series(statutory)[..join + 2]
    );
    assert!(
        law.series(statutory)[join + LAST_WEEK_OF_A_PENALTY..]
            .iter()
            .all(|&e| e == 0.0)
    );
}

#[test]
fn act_35749_is_off_by_default_in_both_worlds_and_reads_back_from_its_link() {
    let lever = lever("statutory_ends").expect("the act's lever");
    let LeverKind::Date(date) = &lever.kind else {
        panic!("a date lever")
    };
    for s in [Scenario::default(), Scenario::outlook()] {
        assert_eq!(s.statutory_ends, date.max, "not in force: the last day");
        assert!(lever.status(&s).is_some(), "its status is said");
    }
    let (s, _) = run("v=2&statutory_ends=2027-01-04");
    assert_eq!(s.to_query(), "v=2&statutory_ends=2027-01-04");
    let (letter, _) = run("v=1&statutory_ends=2024-06-03");
    assert_eq!(letter.to_query(), "v=1&statutory_ends=2024-06-03");
}

#[test]
fn act_36349_applies_from_the_join_by_default_and_from_its_date_when_set() {
    // By default the act applies from `from`: the lever's first day, in
    // both worlds, so that every link written before the lever means what
    // it meant.
    for s in [Scenario::default(), Scenario::outlook()] {
        assert!(s.bill_36349_from <= s.from);
    }
    let (_, from_join) = run("v=2&term=36349");
    let (_, later) = run("v=2&term=36349&term_36349_from=2027-08-02");
    let (_, six) = run("v=2");
    let past_term = Column::total(Measure::BacklogPastTerm);
    let w = week_of(&later, "2027-08-02");
    // Filed between the join and the date in force, cases keep six months:
    // until those filed from the join reach six months the runs agree.
    let six_months = week_of(&later, "2027-02-01");
    assert_eq!(
        &later.series(past_term)[..six_months],
        &six.series(past_term)[..six_months]
    );
    // From the date on, the act's longer terms leave fewer cases past term
    // than six months would, but more than the act from the join.
    let end = later.weeks() - 1;
    assert!(later.series(past_term)[end] < six.series(past_term)[end]);
    assert!(later.series(past_term)[w + 26] > from_join.series(past_term)[w + 26]);
}
