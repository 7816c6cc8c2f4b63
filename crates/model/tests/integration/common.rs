//! Checks shared by the integration tests: what every run must satisfy.
#![allow(dead_code)]

use doorstroom_model::{Column, Measure, Run, Scenario, Stream};

/// The stocks that make up the backlog, disjoint.
pub const STATUSES: [Measure; 5] = [
    Measure::BacklogWithinTerm,
    Measure::BacklogPastTerm,
    Measure::BacklogNoticeSent,
    Measure::BacklogAppealPending,
    Measure::BacklogCourtOrder,
];

/// The measures whose all-streams column is the sum of the stream columns.
const SUMMED: [Measure; 25] = [
    Measure::Intake,
    Measure::Decisions,
    Measure::DecisionsBaa,
    Measure::Capacity,
    Measure::Backlog,
    Measure::BacklogWithinTerm,
    Measure::BacklogPastTerm,
    Measure::BacklogNoticeSent,
    Measure::BacklogAppealPending,
    Measure::BacklogCourtOrder,
    Measure::BacklogOverdue,
    Measure::NoticesSent,
    Measure::AppealsFiled,
    Measure::CourtOrders,
    Measure::PenaltyStatutoryEur,
    Measure::PenaltyCourtEur,
    Measure::LegalCostsEur,
    Measure::CostEur,
    Measure::CostCumulativeEur,
    Measure::DecidedWithinTerm,
    Measure::ProductiveFte,
    Measure::TraineeFte,
    Measure::BacklogOver6Months,
    Measure::BacklogOver15Months,
    Measure::DecidedWithin15Months,
];

pub fn scenario(query: &str) -> Scenario {
    let (s, warnings) = Scenario::from_query(query);
    assert!(warnings.is_empty(), "{query}: {warnings:?}");
    s
}

pub fn col(run: &Run, m: Measure, stream: Stream) -> &[f64] {
    run.series(Column::of(m, stream))
}

fn initial_backlog(s: &Scenario, stream: Stream) -> f64 {
    // The backlog at the start is that of the phase before `from`.
    let s = &s.clone().validated().0.before_from();
    f64::from(match stream {
        Stream::Dublin => s.backlog_dublin,
        Stream::SafeCountry => s.backlog_safe_country,
        Stream::General => s.backlog_general,
        Stream::FamilyReunification => s.backlog_family,
    })
}

/// Conservation, whole non-negative counts, statuses adding up, finite
/// values, totals equal to the sum of the streams, a finite summary.
pub fn check_run(s: &Scenario, run: &Run) {
    let label = s.to_query();
    assert!(run.weeks() >= 1, "{label}");
    for m in Measure::ALL {
        for stream in Stream::ALL.map(Some).into_iter().chain([None]) {
            let values = run.series(Column { measure: m, stream });
            assert_eq!(values.len(), run.weeks());
            assert!(
                values.iter().all(|v| v.is_finite() && *v >= 0.0),
                "{label}: {m:?} {stream:?}"
            );
        }
    }
    for stream in Stream::ALL {
        let intake = col(run, Measure::Intake, stream);
        let decisions = col(run, Measure::Decisions, stream);
        let backlog = col(run, Measure::Backlog, stream);
        let mut expected = initial_backlog(s, stream);
        for w in 0..run.weeks() {
            expected += intake[w] - decisions[w];
            assert_eq!(
                backlog[w], expected,
                "{label}: conservation, {stream:?} week {w}"
            );
            let statuses: f64 = STATUSES.iter().map(|&m| col(run, m, stream)[w]).sum();
            assert_eq!(
                statuses, backlog[w],
                "{label}: statuses, {stream:?} week {w}"
            );
            for m in [
                Measure::Intake,
                Measure::Decisions,
                Measure::Backlog,
                Measure::AppealsFiled,
            ] {
                let v = col(run, m, stream)[w];
                assert_eq!(v.fract(), 0.0, "{label}: whole cases, {m:?}");
            }
            assert!(col(run, Measure::DecisionsBaa, stream)[w] <= decisions[w]);
            assert!(col(run, Measure::DecidedWithinTerm, stream)[w] <= decisions[w]);
            assert!(col(run, Measure::DecidedWithin15Months, stream)[w] <= decisions[w]);
            // The age counts nest: over 15 months is part of over 6 months,
            // and both are part of the stock.
            let over_6 = col(run, Measure::BacklogOver6Months, stream)[w];
            let over_15 = col(run, Measure::BacklogOver15Months, stream)[w];
            assert!(
                over_15 <= over_6 && over_6 <= backlog[w],
                "{label}: ages, {stream:?} week {w}: {over_15} / {over_6} / {}",
                backlog[w]
            );
        }
    }
    for m in SUMMED {
        for (w, total) in run.total(m).iter().enumerate() {
            let sum: f64 = Stream::ALL.iter().map(|&st| col(run, m, st)[w]).sum();
            let tolerance = 1e-9 * sum.abs().max(1.0);
            assert!(
                (total - sum).abs() <= tolerance,
                "{label}: total of {m:?} week {w}"
            );
        }
    }
    let summary = run.summary();
    assert!(summary.is_finite(), "{label}: {summary:?}");
    assert!((0.0..=1.0).contains(&summary.share_decided_in_term));
}

/// `a[w] <= b[w]` for every week, with the first week that breaks it.
/// Counts compare exactly; sums of euros may differ in their last bits
/// when the same amounts are added in another order, so a difference of a
/// millionth of a millionth is not a break.
pub fn assert_le_every_week(a: &[f64], b: &[f64], what: &str) {
    assert_eq!(a.len(), b.len());
    for (w, (x, y)) in a.iter().zip(b).enumerate() {
        let rounding = 1e-12 * x.abs().max(y.abs());
        assert!(x - y <= rounding, "{what}: week {w}: {x} > {y}");
    }
}

/// The running sum of a weekly series.
pub fn cumulative(values: &[f64]) -> Vec<f64> {
    values
        .iter()
        .scan(0.0, |acc, v| {
            *acc += v;
            Some(*acc)
        })
        .collect()
}
