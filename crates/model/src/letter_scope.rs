//! The rules by which the headline figures are set beside the letter and
//! counted from the join: the day a figure "from the join" counts from, and
//! the figure that compares like for like with the letter's EUR 55 million.
//! They are the model's, so the cards, the comparison and the command line
//! share them rather than each working them out.

use crate::date::Date;
use crate::scenario::Scenario;
use crate::summary::Summary;

/// The penalties through 2024 the letter to Parliament expected ("circa 55
/// miljoen euro": asylum penalties, the BAA left out).
pub const LETTER_PENALTIES_2024_EUR: f64 = 55_000_000.0;

impl Scenario {
    /// The first day of the first week in which the levers apply: the day
    /// the figures counted from the join (the costs, the first year, the
    /// share decided in term) count from. The run's `week_start` of its
    /// join week is the same day.
    pub fn counts_from(&self) -> Date {
        self.start.add_days(7 * self.join_week() as i64)
    }

    /// The scenario's asylum penalties through 2024 without the BAA: the
    /// figure of the letter's scope (its EUR 55 million left the BAA out).
    /// `summary` is this scenario's own; when the BAA is off already it is
    /// read from it, else the scenario runs again without the BAA, to the
    /// end of 2024 only (a run never looks ahead, and the figure counts
    /// weeks before 2025). Not a field of [`Summary`]: every summary would
    /// then cost a second run, the bands' and goal-seek's thousands too.
    pub fn letter_scope_penalties(&self, summary: &Summary) -> f64 {
        if self.baa_per_year == 0.0 {
            return summary.asylum_penalties_through_2024_eur;
        }
        let end_2024 = Date::from_ymd(2024, 12, 31).unwrap_or(self.end);
        let without_baa = Scenario {
            baa_per_year: 0.0,
            end: self.end.min(end_2024),
            ..self.clone()
        };
        without_baa
            .run()
            .summary()
            .asylum_penalties_through_2024_eur
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_letter_scope_leaves_the_baa_out() {
        let (with_baa, _) = Scenario::from_query("v=1&baa=8000");
        let summary = with_baa.run().summary();
        let scope = with_baa.letter_scope_penalties(&summary);
        let without = Scenario {
            baa_per_year: 0.0,
            ..with_baa.clone()
        };
        let plain = without.run().summary();
        assert_eq!(
            scope.to_bits(),
            plain.asylum_penalties_through_2024_eur.to_bits()
        );
        assert_eq!(
            without.letter_scope_penalties(&plain).to_bits(),
            plain.asylum_penalties_through_2024_eur.to_bits()
        );
        assert!(scope > summary.asylum_penalties_through_2024_eur);
    }

    #[test]
    fn figures_count_from_the_join_week_s_first_day() {
        for query in ["v=1", "v=2", "v=2&from=2027-03-01&until=2031-12-31"] {
            let (s, _) = Scenario::from_query(query);
            let run = s.run();
            assert_eq!(s.counts_from(), run.week_start(run.join_week()), "{query}");
            assert!(s.counts_from() >= s.from.min(s.start), "{query}");
        }
        assert_eq!(Scenario::default().counts_from(), Scenario::default().start);
    }
}
