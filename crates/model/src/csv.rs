//! The run as CSV: the command-line view ([`Run::to_csv`], English keys and
//! a decimal point) and the page's downloads in the reader's language
//! ([`Run::to_sheet`], see `export`).

use std::fmt::Write;

mod cell;
mod export;

pub use cell::Notation;
pub use export::{About, Period, Sheet, column_key, column_name, run_columns};

use crate::run::{Measure, Run};

/// The CSV's columns after `week_start`, all-streams totals: first the
/// columns every export has had, in their order, then the rest of the picture.
pub const CSV_COLUMNS: [Measure; 20] = [
    Measure::Intake,
    Measure::Decisions,
    Measure::Backlog,
    Measure::BacklogPastTerm,
    Measure::AppealsFiled,
    Measure::PenaltyStatutoryEur,
    Measure::PenaltyCourtEur,
    Measure::LegalCostsEur,
    Measure::CostCumulativeEur,
    Measure::DecisionsBaa,
    Measure::BacklogWithinTerm,
    Measure::BacklogNoticeSent,
    Measure::BacklogAppealPending,
    Measure::BacklogCourtOrder,
    Measure::BacklogOverdue,
    Measure::NoticesSent,
    Measure::DecidedAgeWeeks,
    Measure::ExpectedWaitWeeks,
    Measure::ProductiveFte,
    Measure::TraineeFte,
];

impl Run {
    /// The weekly totals as CSV: a header row, then one row per week
    /// (`week_start` as `YYYY-MM-DD`; whole numbers without decimals, other
    /// values with two), `\n` line ends.
    #[must_use]
    pub fn to_csv(&self) -> String {
        let mut out = String::with_capacity(64 * (self.weeks() + 1) * 2);
        out.push_str("week_start");
        for m in CSV_COLUMNS {
            out.push(',');
            out.push_str(m.key());
        }
        out.push('\n');
        for w in 0..self.weeks() {
            // Writing to a String cannot fail.
            let _ = write!(out, "{}", self.week_start(w));
            for m in CSV_COLUMNS {
                let v = self.total(m)[w];
                let _ = if v.fract() == 0.0 {
                    write!(out, ",{v:.0}")
                } else {
                    write!(out, ",{v:.2}")
                };
            }
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::Scenario;

    #[test]
    fn header_starts_with_the_issue_s_columns() {
        let csv = Scenario::default().run().to_csv();
        let mut lines = csv.lines();
        let header = lines.next().unwrap();
        assert!(header.starts_with(
            "week_start,intake,decisions,backlog,backlog_past_term,appeals_filed,\
             penalty_statutory_eur,penalty_court_eur,legal_costs_eur,cost_cumulative_eur,"
        ));
        let first = lines.next().unwrap();
        assert!(first.starts_with("2023-05-01,"));
        assert_eq!(first.split(',').count(), header.split(',').count());
        assert_eq!(csv.lines().count(), 1 + 192);
    }
}
