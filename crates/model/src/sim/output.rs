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

/// What the weekly loop leaves of one stream for the run's columns: its
/// rows, and the series read from its cohorts at the end.
#[derive(Default)]
pub(super) struct StreamOut {
    pub rows: Vec<Row>,
    /// The mean expected wait of the cases filed each week.
    wait: Vec<f64>,
    /// The share of each week's cases undecided at the end.
    open_share: Vec<f64>,
    /// Penalties and legal costs from the start through each week.
    cost_cumulative: Vec<f64>,
    /// Per filing week: weeks waited, cases filed, cases open (scratch of
    /// [`StreamOut::finish`]).
    waited: Vec<f64>,
    filed: Vec<f64>,
    open: Vec<f64>,
}

/// Where the columns go, each in the run's column order.
pub(super) trait Sink {
    /// The values of column `c`, one per week.
    fn column(&mut self, c: Column, values: impl Iterator<Item = f64>);
}

/// Every column, appended in order to a run's empty buffer: each value is
/// written once, with no zeroing pass before.
pub(super) struct Append<'a> {
    pub data: &'a mut Vec<f64>,
    pub weeks: usize,
}

impl Sink for Append<'_> {
    fn column(&mut self, c: Column, values: impl Iterator<Item = f64>) {
        debug_assert_eq!(self.data.len(), c.index() * self.weeks, "{c:?} in order");
        self.data.extend(values);
    }
}

/// Only the columns `wanted` keeps, written in place into a run of the
/// right size; the other columns keep what they held.
pub(super) struct Only<'a> {
    pub run: &'a mut Run,
    pub wanted: fn(Column) -> bool,
}

impl Sink for Only<'_> {
    fn column(&mut self, c: Column, values: impl Iterator<Item = f64>) {
        if (self.wanted)(c) {
            for (v, x) in self.run.series_mut(c).iter_mut().zip(values) {
                *v = x;
            }
        }
    }
}

/// Writes every column of the four streams' `outs` (in [`Stream::ALL`]'s
/// order) to `sink`, measure by measure: each stream's column, then the
/// all-streams column, summed (or weighted, [`Total`]) from the values just
/// written, in stream order from zero, as the totals always were.
pub(super) fn write(sink: &mut impl Sink, outs: [&StreamOut; 4], weeks: usize) {
    let rows = outs.map(|o| &o.rows[..weeks]);
    let waits = outs.map(|o| &o.wait[..weeks]);
    let open_shares = outs.map(|o| &o.open_share[..weeks]);
    let costs = outs.map(|o| &o.cost_cumulative[..weeks]);
    let intake = |r: &Row| f64::from(r.intake);
    let decisions = |r: &Row| r.tally.decisions as f64;
    let value = |x: &f64| *x;
    for m in Measure::ALL {
        match m {
            Measure::Intake => summed(sink, m, rows, intake),
            Measure::Decisions => summed(sink, m, rows, decisions),
            Measure::DecisionsBaa => summed(sink, m, rows, |r| r.tally.baa as f64),
            Measure::Capacity => summed(sink, m, rows, |r| f64::from(r.capacity)),
            Measure::Backlog => summed(sink, m, rows, |r| {
                let b = &r.books.stocks;
                (b.within_term + b.past_term + b.notice_sent + b.appeal_pending + b.court_order)
                    as f64
            }),
            Measure::BacklogWithinTerm => {
                summed(sink, m, rows, |r| r.books.stocks.within_term as f64)
            }
            Measure::BacklogPastTerm => summed(sink, m, rows, |r| r.books.stocks.past_term as f64),
            Measure::BacklogNoticeSent => {
                summed(sink, m, rows, |r| r.books.stocks.notice_sent as f64)
            }
            Measure::BacklogAppealPending => {
                summed(sink, m, rows, |r| r.books.stocks.appeal_pending as f64)
            }
            Measure::BacklogCourtOrder => {
                summed(sink, m, rows, |r| r.books.stocks.court_order as f64)
            }
            Measure::BacklogOverdue => summed(sink, m, rows, |r| {
                let b = &r.books.stocks;
                (b.past_term + b.notice_sent + b.appeal_pending + b.court_order) as f64
            }),
            Measure::NoticesSent => summed(sink, m, rows, |r| r.books.notices as f64),
            Measure::AppealsFiled => summed(sink, m, rows, |r| r.books.appeals as f64),
            Measure::CourtOrders => summed(sink, m, rows, |r| r.books.orders as f64),
            Measure::PenaltyStatutoryEur => summed(sink, m, rows, |r| r.books.statutory_eur),
            Measure::PenaltyCourtEur => summed(sink, m, rows, |r| r.books.court_eur),
            Measure::LegalCostsEur => summed(sink, m, rows, |r| r.books.legal_eur),
            Measure::CostEur => summed(sink, m, rows, |r| {
                r.books.statutory_eur + r.books.court_eur + r.books.legal_eur
            }),
            Measure::CostCumulativeEur => {
                summed(sink, m, costs, value);
            }
            Measure::DecidedWithinTerm => summed(sink, m, rows, |r| r.tally.within_term as f64),
            Measure::DecidedAgeWeeks => {
                let age = |r: &Row| {
                    if r.tally.decisions == 0 {
                        0.0
                    } else {
                        r.tally.age_weeks as f64 / r.tally.decisions as f64
                    }
                };
                weighted(sink, m, rows, age, (rows, decisions));
            }
            Measure::ExpectedWaitWeeks => {
                weighted(sink, m, waits, value, (rows, intake));
            }
            Measure::ExpectedWaitExtrapolated => {
                weighted(sink, m, open_shares, value, (rows, intake));
            }
            Measure::ProductiveFte => {
                summed(sink, m, rows, |r| r.staff.map_or(0.0, |s| s.productive))
            }
            Measure::TraineeFte => summed(sink, m, rows, |r| r.staff.map_or(0.0, |s| s.trainees)),
            Measure::BacklogOver6Months => {
                summed(sink, m, rows, |r| r.books.stocks.over_6_months as f64)
            }
            Measure::BacklogOver15Months => {
                summed(sink, m, rows, |r| r.books.stocks.over_15_months as f64)
            }
            Measure::DecidedWithin15Months => {
                summed(sink, m, rows, |r| r.tally.within_15_months as f64)
            }
        }
    }
}

/// The four stream columns of `m` (`f` of each stream's values) and their
/// sum.
fn summed<T>(sink: &mut impl Sink, m: Measure, cols: [&[T]; 4], f: impl Fn(&T) -> f64 + Copy) {
    debug_assert_eq!(m.total(), Total::Sum, "{m:?}");
    for stream in Stream::ALL {
        sink.column(Column::of(m, stream), cols[stream.index()].iter().map(f));
    }
    let [a, b, c, d] = cols;
    let total = a.iter().zip(b).zip(c).zip(d);
    sink.column(
        Column::total(m),
        total.map(|(((a, b), c), d)| 0.0 + f(a) + f(b) + f(c) + f(d)),
    );
}

/// The four stream columns of `m` and their mean weighted by the
/// weights' `wf` (0 where the weights are).
fn weighted<T>(
    sink: &mut impl Sink,
    m: Measure,
    cols: [&[T]; 4],
    f: impl Fn(&T) -> f64 + Copy,
    (weights, wf): ([&[Row]; 4], impl Fn(&Row) -> f64),
) {
    debug_assert!(matches!(m.total(), Total::WeightedBy(_)), "{m:?}");
    for stream in Stream::ALL {
        sink.column(Column::of(m, stream), cols[stream.index()].iter().map(f));
    }
    let weeks = cols[0].len();
    let total = |w: usize| {
        let (mut sum, mut total_weight) = (0.0, 0.0);
        for (col, ws) in cols.iter().zip(weights) {
            let weight = wf(&ws[w]);
            sum += f(&col[w]) * weight;
            total_weight += weight;
        }
        if total_weight > 0.0 {
            sum / total_weight
        } else {
            0.0
        }
    };
    sink.column(Column::total(m), (0..weeks).map(total));
}

impl StreamOut {
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
        let weeks = self.rows.len();
        let window = &self.rows[weeks.saturating_sub(RATE_WINDOW_WEEKS)..];
        let rate =
            window.iter().map(|r| r.tally.decisions as f64).sum::<f64>() / window.len() as f64;
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
        let mut previous = 0.0;
        self.wait.clear();
        self.wait.extend((0..weeks).map(|w| {
            if filed[w] > 0.0 {
                previous = waited[w] / filed[w];
            }
            previous
        }));
        // Weeks without intake repeat the share as they repeat the wait.
        let mut previous = 0.0;
        self.open_share.clear();
        self.open_share.extend((0..weeks).map(|w| {
            if filed[w] > 0.0 {
                previous = open[w] / filed[w];
            }
            previous
        }));
        let mut total = 0.0;
        self.cost_cumulative.clear();
        self.cost_cumulative.extend(self.rows.iter().map(|r| {
            total += r.books.statutory_eur + r.books.court_eur + r.books.legal_eur;
            total
        }));
    }
}
