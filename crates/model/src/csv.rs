//! The run as CSV: the command-line view ([`Run::to_csv`], English keys and
//! a decimal point) and the page's downloads in the reader's language
//! ([`Run::to_sheet`], see `export`).

use std::fmt::Write;

mod cell;
mod export;

pub use cell::Notation;
pub use export::{About, Period, Sheet, column_key, column_name, run_columns};

use crate::run::{Column, Measure, Run};
use crate::stream::Stream;

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
    /// values with two), `\n` line ends. After [`CSV_COLUMNS`] come the
    /// week's penalties and legal costs split into the asylum tracks
    /// (`cost_asylum_eur`) and family reunification (`cost_nareis_eur`):
    /// their parameters differ, and nareis carries most of the cost.
    #[must_use]
    pub fn to_csv(&self) -> String {
        let mut out = String::with_capacity(64 * (self.weeks() + 1) * 2);
        out.push_str("week_start");
        for m in CSV_COLUMNS {
            out.push(',');
            out.push_str(m.key());
        }
        out.push_str(",cost_asylum_eur,cost_nareis_eur\n");
        let cost = |stream: Stream| self.series(Column::of(Measure::CostEur, stream));
        for w in 0..self.weeks() {
            // Writing to a String cannot fail.
            let _ = write!(out, "{}", self.week_start(w));
            let asylum: f64 = Stream::ALL
                .iter()
                .filter(|s| s.is_asylum())
                .map(|&s| cost(s)[w])
                .sum();
            let nareis = cost(Stream::FamilyReunification)[w];
            for v in CSV_COLUMNS
                .map(|m| self.total(m)[w])
                .into_iter()
                .chain([asylum, nareis])
            {
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

    /// One stream's weekly values of every measure as CSV: `week_start`,
    /// then [`Measure::ALL`] in order, in the same number format as
    /// [`Run::to_csv`].
    #[must_use]
    pub fn stream_csv(&self, stream: Stream) -> String {
        let mut out = String::with_capacity(24 * Measure::ALL.len() * (self.weeks() + 1));
        out.push_str("week_start");
        for m in Measure::ALL {
            out.push(',');
            out.push_str(m.key());
        }
        out.push('\n');
        for w in 0..self.weeks() {
            let _ = write!(out, "{}", self.week_start(w));
            for m in Measure::ALL {
                let v = self.series(Column::of(m, stream))[w];
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
        assert!(header.ends_with(",cost_asylum_eur,cost_nareis_eur"));
    }

    #[test]
    fn the_cost_split_adds_up_to_the_week_s_cost() {
        let run = Scenario::default().run();
        let csv = run.to_csv();
        let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
        let at = |name: &str| header.iter().position(|&h| h == name).unwrap();
        let cost = run.total(crate::Measure::CostEur);
        for (w, line) in csv.lines().skip(1).enumerate() {
            let f: Vec<f64> = line
                .split(',')
                .skip(1)
                .map(|x| x.parse().unwrap())
                .collect();
            let split = f[at("cost_asylum_eur") - 1] + f[at("cost_nareis_eur") - 1];
            assert!(
                (split - cost[w]).abs() < 0.02,
                "week {w}: {split} vs {}",
                cost[w]
            );
        }
    }

    #[test]
    fn a_stream_s_csv_has_every_measure_of_that_stream() {
        let run = Scenario::default().run();
        let csv = run.stream_csv(crate::Stream::FamilyReunification);
        let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
        assert_eq!(header.len(), 1 + crate::Measure::ALL.len());
        let backlog = header.iter().position(|&h| h == "backlog").unwrap();
        let first: Vec<&str> = csv.lines().nth(1).unwrap().split(',').collect();
        let nareis = run.series(crate::Column::of(
            crate::Measure::Backlog,
            crate::Stream::FamilyReunification,
        ))[0];
        assert_eq!(first[backlog], format!("{nareis:.0}"));
    }
}
