//! The run as CSV: the command-line view ([`Run::to_csv`], English keys and
//! a decimal point) and the page's downloads in the reader's language
//! ([`Run::to_sheet`], see `export`).

mod cell;
mod export;

pub use cell::Notation;
pub use export::{About, Cell, Period, Sheet, column_key, column_name, run_columns};

use crate::run::{Column, Measure, Run};
use crate::stream::Stream;
use crate::text::Lang;

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
    /// The weekly totals as CSV: a header row of quoted keys, then one row
    /// per week (`week_start` as `YYYY-MM-DD`; numbers with at most two
    /// decimals), `\n` line ends, written by the one [`Sheet`] writer. After [`CSV_COLUMNS`] come the
    /// week's penalties and legal costs split into the asylum tracks
    /// (`cost_asylum_eur`) and family reunification (`cost_nareis_eur`):
    /// their parameters differ, and nareis carries most of the cost.
    #[must_use]
    pub fn to_csv(&self) -> String {
        let mut sheet = Sheet::bare(Notation::of(Lang::En));
        sheet.text_row(
            std::iter::once("week_start")
                .chain(CSV_COLUMNS.iter().map(|m| m.key()))
                .chain(["cost_asylum_eur", "cost_nareis_eur"]),
        );
        let cost = |stream: Stream| self.series(Column::of(Measure::CostEur, stream));
        for w in 0..self.weeks() {
            let asylum: f64 = Stream::ALL
                .iter()
                .filter(|s| s.is_asylum())
                .map(|&s| cost(s)[w])
                .sum();
            let nareis = cost(Stream::FamilyReunification)[w];
            let values = CSV_COLUMNS
                .map(|m| self.total(m)[w])
                .into_iter()
                .chain([asylum, nareis]);
            sheet.number_row(self.week_start(w), values, 2);
        }
        sheet.finish()
    }

    /// One stream's weekly values of every measure as CSV: `week_start`,
    /// then [`Measure::ALL`] in order, in the same number format as
    /// [`Run::to_csv`].
    #[must_use]
    pub fn stream_csv(&self, stream: Stream) -> String {
        let mut sheet = Sheet::bare(Notation::of(Lang::En));
        sheet.text_row(std::iter::once("week_start").chain(Measure::ALL.iter().map(|m| m.key())));
        for w in 0..self.weeks() {
            let values = Measure::ALL.map(|m| self.series(Column::of(m, stream))[w]);
            sheet.number_row(self.week_start(w), values, 2);
        }
        sheet.finish()
    }
}

#[cfg(test)]
mod tests {
    use crate::Scenario;

    #[test]
    fn header_starts_with_the_issue_s_columns() {
        let csv = Scenario::default().run().to_csv();
        let mut lines = csv.lines();
        let header = lines.next().unwrap().replace('"', "");
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
        let at = |name: &str| {
            header
                .iter()
                .position(|&h| h == format!("\"{name}\""))
                .unwrap()
        };
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
        let backlog = header.iter().position(|&h| h == "\"backlog\"").unwrap();
        let first: Vec<&str> = csv.lines().nth(1).unwrap().split(',').collect();
        let nareis = run.series(crate::Column::of(
            crate::Measure::Backlog,
            crate::Stream::FamilyReunification,
        ))[0];
        assert_eq!(first[backlog], format!("{nareis:.0}"));
    }
}
