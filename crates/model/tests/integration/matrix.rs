//! The 2N+3 matrix over the lever table: all levers at their default, all
//! at their minimum, all at their maximum, and each alone at its minimum and
//! at its maximum. Every run keeps its books, has a finite summary, and
//! (under first in, first out) responds monotonically to capacity, intake
//! and the decision term.

use crate::common::{self, assert_le_every_week, check_run, cumulative};
use doorstroom_model::{Measure, Scenario, Stream, TermPolicy, WorkOrder, levers};

#[derive(Clone, Copy)]
enum End {
    Min,
    Max,
}

/// Where `end` lies in a lever's range, for [`Lever::set_at`].
fn extreme(end: End) -> f64 {
    match end {
        End::Min => 0.0,
        End::Max => 1.0,
    }
}

fn matrix(base: &Scenario) -> Vec<(String, Scenario)> {
    let mut out = vec![("all default".to_string(), base.clone())];
    for end in [End::Min, End::Max] {
        let mut s = base.clone();
        for l in levers() {
            l.set_at(&mut s, extreme(end));
        }
        out.push((
            format!(
                "all {}",
                if matches!(end, End::Min) {
                    "min"
                } else {
                    "max"
                }
            ),
            s,
        ));
    }
    for l in levers() {
        for end in [End::Min, End::Max] {
            let mut s = base.clone();
            l.set_at(&mut s, extreme(end));
            let name = format!(
                "{} at {}",
                l.key,
                if matches!(end, End::Min) {
                    "min"
                } else {
                    "max"
                }
            );
            out.push((name, s));
        }
    }
    out
}

/// The scenario under first in, first out.
fn fifo(s: &Scenario) -> Scenario {
    Scenario {
        work_order: WorkOrder::Fifo,
        ..s.clone()
    }
}

fn cost(run: &doorstroom_model::Run, stream: Stream) -> &[f64] {
    common::col(run, Measure::CostCumulativeEur, stream)
}

/// More trained capacity (higher productivity and every other stream's
/// capacity) never leaves a larger backlog, more cases past term or higher
/// costs in any week.
///
/// Not for a run whose own levers follow the record (`intake_by_year=on`):
/// where the record has the production, its capacity levers only share
/// that production out between the streams, so one stream's gain is
/// another's loss by design. Before `from` the history's levers are the
/// preset's, whatever the scenario's.
fn check_capacity_monotone(name: &str, s: &Scenario) {
    if s.intake_by_year {
        return;
    }
    let base = fifo(s);
    let mut more = base.clone();
    more.decisions_per_fte_week = (more.decisions_per_fte_week * 1.25 + 0.05).min(3.0);
    more.capacity_dublin = (more.capacity_dublin + 500.0).min(40_000.0);
    more.capacity_safe_country = (more.capacity_safe_country + 100.0).min(20_000.0);
    more.capacity_family = (more.capacity_family + 1_000.0).min(60_000.0);
    let (a, b) = (more.run(), base.run());
    for stream in Stream::ALL {
        for m in [
            Measure::Backlog,
            Measure::BacklogOverdue,
            Measure::BacklogCourtOrder,
            Measure::CostEur,
        ] {
            let what = format!("{name}: capacity, {m:?} {stream:?}");
            assert_le_every_week(
                common::col(&a, m, stream),
                common::col(&b, m, stream),
                &what,
            );
        }
        assert_le_every_week(
            cost(&a, stream),
            cost(&b, stream),
            &format!("{name}: capacity, cost {stream:?}"),
        );
    }
}

/// More intake never gives a smaller backlog in any week.
fn check_intake_monotone(name: &str, s: &Scenario) {
    let base = fifo(s);
    let more = Scenario {
        intake_per_year: (base.intake_per_year + 7_000.0).min(200_000.0),
        ..base.clone()
    };
    let (a, b) = (base.run(), more.run());
    for stream in Stream::ALL {
        let what = format!("{name}: intake, backlog {stream:?}");
        assert_le_every_week(
            common::col(&a, Measure::Backlog, stream),
            common::col(&b, Measure::Backlog, stream),
            &what,
        );
    }
}

/// The six-month term never gives lower penalties (to date) than the
/// extended one.
///
/// Not for a run that follows the record: its court penalty rose in 2025,
/// so a later court order may cost more than an earlier one.
fn check_term_monotone(name: &str, s: &Scenario) {
    if s.intake_by_year {
        return;
    }
    let extended = Scenario {
        term: TermPolicy::Extended,
        ..fifo(s)
    };
    let six = Scenario {
        term: TermPolicy::SixMonths,
        ..fifo(s)
    };
    let (a, b) = (extended.run(), six.run());
    for stream in Stream::ALL {
        let penalties = |run: &doorstroom_model::Run| {
            let statutory = common::col(run, Measure::PenaltyStatutoryEur, stream);
            let court = common::col(run, Measure::PenaltyCourtEur, stream);
            cumulative(
                &statutory
                    .iter()
                    .zip(court)
                    .map(|(x, y)| x + y)
                    .collect::<Vec<_>>(),
            )
        };
        assert_le_every_week(
            &penalties(&a),
            &penalties(&b),
            &format!("{name}: term, penalties {stream:?}"),
        );
        let appeals = |run| cumulative(common::col(run, Measure::AppealsFiled, stream));
        assert_le_every_week(
            &appeals(&a),
            &appeals(&b),
            &format!("{name}: term, appeals {stream:?}"),
        );
    }
}

/// Runs the matrix around `base`: every run keeps its books and responds
/// monotonically.
fn check_matrix(base: &Scenario) {
    let cases = matrix(base);
    assert_eq!(cases.len(), 2 * levers().len() + 3);
    for (name, s) in &cases {
        let (valid, mut warnings) = s.clone().validated();
        // The two rules between two levers: the last day lies at most ten
        // years after `from`, so the latest `until` holds only with the
        // latest `from`, and not before `from` (then a year after it); any
        // other adjustment means set() did not clamp.
        warnings.retain(|w| {
            let used =
                |d: doorstroom_model::Date| w.used.as_deref() == Some(d.to_string().as_str());
            !(w.key == "until"
                && (used(valid.from.add_months(120).add_days(-1))
                    || (w.kind == doorstroom_model::WarningKind::EndBeforeFrom
                        && used(valid.from.add_months(12).add_days(-1)))))
        });
        assert!(
            warnings.is_empty(),
            "{name}: set() must clamp: {warnings:?}"
        );
        check_run(&valid, &valid.run());
        check_capacity_monotone(name, &valid);
        check_intake_monotone(name, &valid);
        check_term_monotone(name, &valid);
    }
}

#[test]
fn the_2n_plus_3_matrix() {
    check_matrix(&Scenario::default());
}

/// The same around a run from 1 January 2026 ("as it happened" before it),
/// through 2030: the levers set at their ends act from the join.
#[test]
fn the_2n_plus_3_matrix_from_2026() {
    let (base, warnings) = Scenario::from_query("from=2026-01-01&until=2030-12-31");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(base.join_week() > 0);
    check_matrix(&base);
}
