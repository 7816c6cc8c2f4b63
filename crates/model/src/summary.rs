//! The headline figures of a run.

use crate::Scenario;
use crate::date::Date;
use crate::run::{Column, Measure, Run};
use crate::stream::Stream;
use crate::uncertainty::FIGURES;
use crate::warning::Warning;

/// Costs and appeals "through 2024" count the weeks that start before this
/// day, the horizon of the seed's EUR 55 million and 20,000 appeals.
fn end_of_2024() -> Date {
    crate::scenario::ymd(2025, 1, 1)
}

/// The headline figures of a run. Money in euros, counts in cases.
///
/// The figures over a period (the peak, the costs, the share in term, the
/// month back in term) count from the run's join week
/// ([`Run::join_week`]): from the start when the levers apply from it,
/// else from the first week from `from` on, so that a run "from now" says
/// what the reader's choices give, not what had happened before them. The
/// figures "through 2024" are the letter's scope and count from the start.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Open cases at the end of the last week.
    pub backlog_end: f64,
    /// The largest backlog at the end of any week ...
    pub backlog_peak: f64,
    /// ... and the first day of the first week it was reached.
    pub backlog_peak_week: Date,
    /// Penalties and legal costs from the join to the end, all streams.
    pub cost_total_eur: f64,
    /// Of which statutory penalties.
    pub cost_statutory_eur: f64,
    /// Of which court penalties.
    pub cost_court_eur: f64,
    /// Of which legal-costs awards.
    pub cost_legal_eur: f64,
    /// Of the total, on the asylum tracks (1, 2 and 4) ...
    pub cost_asylum_eur: f64,
    /// ... and on family reunification.
    pub cost_family_eur: f64,
    /// Penalties and legal costs in weeks starting before 2025, all streams.
    pub cost_through_2024_eur: f64,
    /// Penalties and legal costs in the first 52 weeks from the join, all
    /// streams.
    pub cost_first_year_eur: f64,
    /// Statutory and court penalties on tracks 1, 2 and 4 in weeks starting
    /// before 2025: the scope of the seed's EUR 55 million.
    pub asylum_penalties_through_2024_eur: f64,
    /// New appeals for not deciding in time on tracks 1, 2 and 4 in weeks
    /// starting before 2025 (the seed expected 20,000).
    pub appeals_through_2024: f64,
    /// Decisions within term as a share of all decisions from the join on
    /// (0 if none).
    pub share_decided_in_term: f64,
    /// The first day of the first month from which no case is past its term
    /// to the end of the horizon (the join's month if none is from the join
    /// on); `None` if cases are past term at the end.
    pub back_in_term_from: Option<Date>,
    /// The same for the asylum tracks (1, 2 and 4) alone: family
    /// reunification has its own term and capacity, and would otherwise
    /// hide what the asylum levers do.
    pub asylum_back_in_term_from: Option<Date>,
    /// Mean expected wait, in weeks, of cases filed in the last month.
    pub expected_wait_last_month_weeks: f64,
}

impl Summary {
    /// The summary of the scenario a link's query describes, if the query
    /// reads without a warning (else the warnings): what a test of the
    /// page compares the page's figures with, where a repaired query would
    /// compare with a scenario the test did not mean.
    pub fn of_query(query: &str) -> Result<Summary, Vec<Warning>> {
        let (scenario, warnings) = Scenario::from_query(query);
        if warnings.is_empty() {
            Ok(scenario.run().summary())
        } else {
            Err(warnings)
        }
    }

    pub(crate) fn of(run: &Run) -> Summary {
        let weeks = run.weeks();
        let join = run.join_week().min(weeks.saturating_sub(1));
        let backlog = run.backlog();
        let (peak_week, backlog_peak) = backlog.iter().copied().enumerate().skip(join).fold(
            (join, f64::MIN),
            |best, (w, v)| {
                if v > best.1 { (w, v) } else { best }
            },
        );
        let sum = |m: Measure| run.total(m)[join..].iter().sum::<f64>();
        // Whole weeks: 52 of them are a year less a day or two.
        let first_year = (weeks - join).min(52);
        let before_2025 = (0..weeks)
            .take_while(|&w| run.week_start(w) < end_of_2024())
            .count();
        let asylum_sum_2024 = |m: Measure| -> f64 {
            Stream::ALL
                .iter()
                .filter(|s| s.is_asylum())
                .map(|&s| {
                    run.series(Column::of(m, s))[..before_2025]
                        .iter()
                        .sum::<f64>()
                })
                .sum()
        };
        let stream_sum = |keep: &dyn Fn(Stream) -> bool| -> f64 {
            Stream::ALL
                .iter()
                .filter(|&&st| keep(st))
                .map(|&st| {
                    run.series(Column::of(Measure::CostEur, st))[join..]
                        .iter()
                        .sum::<f64>()
                })
                .sum()
        };
        let decisions = sum(Measure::Decisions);
        Summary {
            backlog_end: backlog.last().copied().unwrap_or(0.0),
            backlog_peak: backlog_peak.max(0.0),
            backlog_peak_week: run.week_start(peak_week),
            cost_total_eur: cost_window(run, join, None),
            cost_statutory_eur: sum(Measure::PenaltyStatutoryEur),
            cost_court_eur: sum(Measure::PenaltyCourtEur),
            cost_legal_eur: sum(Measure::LegalCostsEur),
            cost_asylum_eur: stream_sum(&|st: Stream| st.is_asylum()),
            cost_family_eur: stream_sum(&|st: Stream| !st.is_asylum()),
            cost_through_2024_eur: cost_window(run, 0, Some(end_of_2024())),
            cost_first_year_eur: run.total(Measure::CostEur)[join..join + first_year]
                .iter()
                .sum(),
            asylum_penalties_through_2024_eur: asylum_sum_2024(Measure::PenaltyStatutoryEur)
                + asylum_sum_2024(Measure::PenaltyCourtEur),
            appeals_through_2024: asylum_sum_2024(Measure::AppealsFiled),
            share_decided_in_term: if decisions > 0.0 {
                sum(Measure::DecidedWithinTerm) / decisions
            } else {
                0.0
            },
            back_in_term_from: back_in_term_from(run, join, |_| true),
            asylum_back_in_term_from: back_in_term_from(run, join, Stream::is_asylum),
            expected_wait_last_month_weeks: expected_wait_last_month(run),
        }
    }

    /// The summary as `key=value` lines for the CLI and the golden test:
    /// money and counts rounded to whole units, shares to four decimals,
    /// months as `YYYY-MM` or `never`. Written by the one table of the
    /// headline figures ([`FIGURES`]), whose keys and notation the bands
    /// and the page read too.
    pub fn to_key_values(&self) -> Vec<(&'static str, String)> {
        // A figure's dates are read as days after a day and written back
        // from it: any day gives the same date.
        let day = self.backlog_peak_week;
        FIGURES
            .iter()
            .map(|f| (f.key, f.write(f.read(self, day), day)))
            .collect()
    }

    /// Whether every figure is a finite number.
    pub fn is_finite(&self) -> bool {
        [
            self.backlog_end,
            self.backlog_peak,
            self.cost_total_eur,
            self.cost_statutory_eur,
            self.cost_court_eur,
            self.cost_legal_eur,
            self.cost_asylum_eur,
            self.cost_family_eur,
            self.cost_through_2024_eur,
            self.cost_first_year_eur,
            self.asylum_penalties_through_2024_eur,
            self.appeals_through_2024,
            self.share_decided_in_term,
            self.expected_wait_last_month_weeks,
        ]
        .iter()
        .all(|x| x.is_finite())
    }
}

/// Penalties and legal costs, all streams, in the weeks from `first` on
/// that start before `before` (to the end if `None`): the one cost window
/// of the cards (the total from the join, the letter's "through 2024" from
/// the start) and of goal-seek's cost goals.
pub(crate) fn cost_window(run: &Run, first: usize, before: Option<Date>) -> f64 {
    let cost = run.total(Measure::CostEur);
    (first..run.weeks())
        .take_while(|&w| before.is_none_or(|b| run.week_start(w) < b))
        .map(|w| cost[w])
        .sum()
}

/// The month after the month in which the last week from `join` on with a
/// case past its term (in the streams that pass `counts`) starts; the join's
/// month if there never was one; `None` if the last week still has one.
/// The card "back within term" shows it for every stream, and goal-seek's
/// "back within term by" tests it.
pub(crate) fn back_in_term_from(
    run: &Run,
    join: usize,
    counts: impl Fn(Stream) -> bool,
) -> Option<Date> {
    let streams: Vec<Stream> = Stream::ALL.into_iter().filter(|&s| counts(s)).collect();
    let overdue: Vec<f64> = (join..run.weeks())
        .map(|w| {
            streams
                .iter()
                .map(|&s| run.series(Column::of(Measure::BacklogOverdue, s))[w])
                .sum()
        })
        .collect();
    match overdue.iter().rposition(|&v| v > 0.0) {
        None => Some(run.week_start(join).first_of_month()),
        Some(w) if w + 1 == overdue.len() => None,
        Some(w) => Some(run.week_start(join + w).first_of_month().add_months(1)),
    }
}

/// The mean expected wait over the weeks that start in the last month of
/// the horizon.
fn expected_wait_last_month(run: &Run) -> f64 {
    let waits = run.total(Measure::ExpectedWaitWeeks);
    let Some(last) = waits.len().checked_sub(1) else {
        return 0.0;
    };
    let month = run.week_start(last).first_of_month();
    let in_month: Vec<f64> = (0..waits.len())
        .filter(|&w| run.week_start(w).first_of_month() == month)
        .map(|w| waits[w])
        .collect();
    in_month.iter().sum::<f64>() / in_month.len().max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clean_query_gives_its_scenarios_summary() {
        let query = "v=2&intake=77000&fte=600";
        let (scenario, _) = Scenario::from_query(query);
        assert_eq!(Summary::of_query(query), Ok(scenario.run().summary()));
    }

    #[test]
    fn a_query_the_model_repairs_gives_its_warnings() {
        let warnings = Summary::of_query("v=2&intake=lots").expect_err("a warning");
        assert!(!warnings.is_empty());
    }
}
