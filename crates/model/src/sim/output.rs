//! From the simulation's weekly rows to the run's columns.

use super::account::Books;
use super::cohort::Cohort;
use super::staff;
use super::work_order::Tally;
use crate::run::{Column, Measure, Run, Total};
use crate::stream::Stream;

/// A wait still running at the end of the horizon is extrapolated, but never
/// beyond ten years.
const MAX_EXTRA_WAIT_WEEKS: f64 = 522.0;
/// Weeks at the end of the horizon whose mean decision rate extrapolates the
/// waits still running.
const RATE_WINDOW_WEEKS: usize = 13;

/// One week of one stream, before it is written into the run's columns.
pub(super) struct Row {
    pub intake: u32,
    pub capacity: u32,
    pub tally: Tally,
    pub books: Books,
    pub staff: Option<staff::Week>,
}

/// What the weekly loop leaves of one stream for the run's columns: one
/// contiguous series per measure (indexed by `Measure as usize`), pushed
/// week by week, so that the run's columns are copied from them and their
/// totals summed from contiguous memory.
#[derive(Default)]
pub(super) struct StreamOut {
    series: [Vec<f64>; MEASURES],
    /// Per filing week: weeks waited, cases filed, cases open (scratch of
    /// [`StreamOut::finish`]).
    waited: Vec<f64>,
    filed: Vec<f64>,
    open: Vec<f64>,
}

const MEASURES: usize = Measure::ALL.len();

/// Where the columns go, each in the run's column order.
pub(super) trait Sink {
    /// The values of column `c`, one per week.
    fn column(&mut self, c: Column, values: &[f64]);

    /// The all-streams column of `m`, after its four stream columns: week
    /// `w`'s value is `of(streams, w)`, where `streams` holds the four
    /// stream columns just written, one after the other.
    fn total(&mut self, m: Measure, of: impl Fn(&[f64], usize) -> f64);
}

/// Every column, appended in order to a run's empty buffer: each value is
/// written once, with no zeroing pass before.
pub(super) struct Append<'a> {
    pub data: &'a mut Vec<f64>,
    pub weeks: usize,
}

impl Sink for Append<'_> {
    fn column(&mut self, c: Column, values: &[f64]) {
        debug_assert_eq!(self.data.len(), c.index() * self.weeks, "{c:?} in order");
        self.data.extend_from_slice(values);
    }

    fn total(&mut self, m: Measure, of: impl Fn(&[f64], usize) -> f64) {
        let (n, weeks) = (self.data.len(), self.weeks);
        debug_assert_eq!(n, Column::total(m).index() * weeks, "{m:?} in order");
        let first = n - Stream::ALL.len() * weeks;
        for w in 0..weeks {
            let v = of(&self.data[first..n], w);
            self.data.push(v);
        }
    }
}

/// Only the columns `wanted` keeps, written in place into a run of the
/// right size; the other columns keep what they held.
pub(super) struct Only<'a> {
    pub run: &'a mut Run,
    pub wanted: fn(Column) -> bool,
}

impl Sink for Only<'_> {
    fn column(&mut self, c: Column, values: &[f64]) {
        if (self.wanted)(c) {
            self.run.series_mut(c).copy_from_slice(values);
        }
    }

    fn total(&mut self, m: Measure, of: impl Fn(&[f64], usize) -> f64) {
        if (self.wanted)(Column::total(m)) {
            let (streams, total) = self.run.measure_mut(m);
            for (w, v) in total.iter_mut().enumerate() {
                *v = of(streams, w);
            }
        }
    }
}

/// Writes every column of the four streams' `outs` (in [`Stream::ALL`]'s
/// order) to `sink`, measure by measure: each stream's column, then the
/// all-streams column, summed (or weighted, [`Total`]) from the stream
/// columns just written, in stream order from zero, as the totals always
/// were.
pub(super) fn write(sink: &mut impl Sink, outs: [&StreamOut; 4], weeks: usize) {
    for m in Measure::ALL {
        for stream in Stream::ALL {
            sink.column(
                Column::of(m, stream),
                &outs[stream.index()].series(m)[..weeks],
            );
        }
        match m.total() {
            Total::Sum => sink.total(m, |streams, w| {
                (0..Stream::ALL.len()).fold(0.0, |acc, s| acc + streams[s * weeks + w])
            }),
            Total::WeightedBy(weight) => {
                let weights = outs.map(|o| &o.series(weight)[..weeks]);
                sink.total(m, |streams, w| {
                    let (mut sum, mut total_weight) = (0.0, 0.0);
                    for (s, ws) in weights.iter().enumerate() {
                        sum += streams[s * weeks + w] * ws[w];
                        total_weight += ws[w];
                    }
                    if total_weight > 0.0 {
                        sum / total_weight
                    } else {
                        0.0
                    }
                });
            }
        }
    }
}

impl StreamOut {
    /// Empty series for a new run.
    pub(super) fn clear(&mut self, weeks: usize) {
        for series in &mut self.series {
            series.clear();
            series.reserve(weeks);
        }
    }

    /// The weeks `other` holds, in this one's buffers (a run resumed from a
    /// state kept at the join); the scratch of [`StreamOut::finish`] is not
    /// state.
    pub(super) fn restore(&mut self, other: &StreamOut) {
        for (mine, theirs) in self.series.iter_mut().zip(&other.series) {
            mine.clone_from(theirs);
        }
    }

    /// The weeks whose rows are pushed.
    pub(super) fn weeks(&self) -> usize {
        self.series(Measure::Intake).len()
    }

    fn series(&self, m: Measure) -> &[f64] {
        &self.series[m as usize]
    }

    /// The decisions of each week (for the tests).
    #[cfg(test)]
    pub(super) fn decisions(&self) -> &[f64] {
        self.series(Measure::Decisions)
    }

    /// Adds one week's row to the series (all but those
    /// [`StreamOut::finish`] reads at the end).
    pub(super) fn push(&mut self, r: &Row) {
        let b = &r.books.stocks;
        let t = &r.tally;
        let mut put = |m: Measure, v: f64| self.series[m as usize].push(v);
        put(Measure::Intake, f64::from(r.intake));
        put(Measure::Decisions, t.decisions as f64);
        put(Measure::DecisionsBaa, t.baa as f64);
        put(Measure::Capacity, f64::from(r.capacity));
        put(
            Measure::Backlog,
            (b.within_term + b.past_term + b.notice_sent + b.appeal_pending + b.court_order) as f64,
        );
        put(Measure::BacklogWithinTerm, b.within_term as f64);
        put(Measure::BacklogPastTerm, b.past_term as f64);
        put(Measure::BacklogNoticeSent, b.notice_sent as f64);
        put(Measure::BacklogAppealPending, b.appeal_pending as f64);
        put(Measure::BacklogCourtOrder, b.court_order as f64);
        put(
            Measure::BacklogOverdue,
            (b.past_term + b.notice_sent + b.appeal_pending + b.court_order) as f64,
        );
        put(Measure::NoticesSent, r.books.notices as f64);
        put(Measure::AppealsFiled, r.books.appeals as f64);
        put(Measure::CourtOrders, r.books.orders as f64);
        put(Measure::PenaltyStatutoryEur, r.books.statutory_eur);
        put(Measure::PenaltyCourtEur, r.books.court_eur);
        put(Measure::LegalCostsEur, r.books.legal_eur);
        put(
            Measure::CostEur,
            r.books.statutory_eur + r.books.court_eur + r.books.legal_eur,
        );
        put(Measure::DecidedWithinTerm, t.within_term as f64);
        put(
            Measure::DecidedAgeWeeks,
            if t.decisions == 0 {
                0.0
            } else {
                t.age_weeks as f64 / t.decisions as f64
            },
        );
        put(
            Measure::ProductiveFte,
            r.staff.map_or(0.0, |s| s.productive),
        );
        put(Measure::TraineeFte, r.staff.map_or(0.0, |s| s.trainees));
        put(Measure::BacklogOver6Months, b.over_6_months as f64);
        put(Measure::BacklogOver15Months, b.over_15_months as f64);
        put(Measure::DecidedWithin15Months, t.within_15_months as f64);
    }

    /// Reads the series that come from the cohorts at the end and the
    /// running cost, after the weekly loop has left its rows.
    ///
    /// The mean wait of the cases filed each week: realised for the cases
    /// decided within the horizon; for cases still waiting at its end, the
    /// weeks waited so far plus the time to decide the cases filed before
    /// them (and half their own cohort) at the stream's mean decision rate
    /// over the last weeks, as in a first-in-first-out queue. Weeks without
    /// intake repeat the previous week's figure.
    pub(super) fn finish(&mut self, cohorts: &[Cohort]) {
        let decisions = self.series(Measure::Decisions);
        let weeks = decisions.len();
        let window = &decisions[weeks.saturating_sub(RATE_WINDOW_WEEKS)..];
        let rate = window.iter().sum::<f64>() / window.len() as f64;
        let remaining = |ahead: f64| {
            if rate > 0.0 {
                (ahead / rate).min(MAX_EXTRA_WAIT_WEEKS)
            } else {
                MAX_EXTRA_WAIT_WEEKS
            }
        };
        let (waited, filed, open) = (&mut self.waited, &mut self.filed, &mut self.open);
        for v in [&mut *waited, &mut *filed, &mut *open] {
            v.clear();
            v.resize(weeks, 0.0);
        }
        // Cohorts are in filing order, so `ahead` counts the cases filed
        // earlier.
        let mut ahead = 0.0;
        for c in cohorts {
            let pending = f64::from(c.pending);
            if let Ok(w) = usize::try_from(c.filed) {
                let still = pending * ((weeks - w) as f64 + remaining(ahead + pending / 2.0));
                waited[w] += c.waited_weeks as f64 + still;
                filed[w] += f64::from(c.size());
                open[w] += pending;
            }
            ahead += pending;
        }
        let [wait, open_share, cost_cumulative, cost] = self
            .series
            .get_disjoint_mut([
                Measure::ExpectedWaitWeeks as usize,
                Measure::ExpectedWaitExtrapolated as usize,
                Measure::CostCumulativeEur as usize,
                Measure::CostEur as usize,
            ])
            .unwrap_or_else(|_| unreachable!("four measures"));
        let mut previous = 0.0;
        wait.clear();
        wait.extend((0..weeks).map(|w| {
            if filed[w] > 0.0 {
                previous = waited[w] / filed[w];
            }
            previous
        }));
        // Weeks without intake repeat the share as they repeat the wait.
        let mut previous = 0.0;
        open_share.clear();
        open_share.extend((0..weeks).map(|w| {
            if filed[w] > 0.0 {
                previous = open[w] / filed[w];
            }
            previous
        }));
        let mut total = 0.0;
        cost_cumulative.clear();
        cost_cumulative.extend(cost.iter().map(|c| {
            total += *c;
            total
        }));
    }
}
