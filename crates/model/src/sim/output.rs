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

pub(super) fn write_rows(run: &mut Run, stream: Stream, rows: &[Row]) {
    let mut put = |m: Measure, f: &dyn Fn(&Row) -> f64| {
        for (v, row) in run.series_mut(Column::of(m, stream)).iter_mut().zip(rows) {
            *v = f(row);
        }
    };
    put(Measure::Intake, &|r| f64::from(r.intake));
    put(Measure::Decisions, &|r| r.tally.decisions as f64);
    put(Measure::DecisionsBaa, &|r| r.tally.baa as f64);
    put(Measure::Capacity, &|r| f64::from(r.capacity));
    put(Measure::BacklogWithinTerm, &|r| {
        r.books.stocks.within_term as f64
    });
    put(Measure::BacklogPastTerm, &|r| {
        r.books.stocks.past_term as f64
    });
    put(Measure::BacklogNoticeSent, &|r| {
        r.books.stocks.notice_sent as f64
    });
    put(Measure::BacklogAppealPending, &|r| {
        r.books.stocks.appeal_pending as f64
    });
    put(Measure::BacklogCourtOrder, &|r| {
        r.books.stocks.court_order as f64
    });
    put(Measure::BacklogOverdue, &|r| {
        (r.books.stocks.past_term
            + r.books.stocks.notice_sent
            + r.books.stocks.appeal_pending
            + r.books.stocks.court_order) as f64
    });
    put(Measure::Backlog, &|r| {
        let b = &r.books.stocks;
        (b.within_term + b.past_term + b.notice_sent + b.appeal_pending + b.court_order) as f64
    });
    put(Measure::NoticesSent, &|r| r.books.notices as f64);
    put(Measure::AppealsFiled, &|r| r.books.appeals as f64);
    put(Measure::CourtOrders, &|r| r.books.orders as f64);
    put(Measure::PenaltyStatutoryEur, &|r| r.books.statutory_eur);
    put(Measure::PenaltyCourtEur, &|r| r.books.court_eur);
    put(Measure::LegalCostsEur, &|r| r.books.legal_eur);
    put(Measure::CostEur, &|r| {
        r.books.statutory_eur + r.books.court_eur + r.books.legal_eur
    });
    put(Measure::DecidedWithinTerm, &|r| r.tally.within_term as f64);
    put(Measure::DecidedWithin15Months, &|r| {
        r.tally.within_15_months as f64
    });
    put(Measure::BacklogOver6Months, &|r| {
        r.books.stocks.over_6_months as f64
    });
    put(Measure::BacklogOver15Months, &|r| {
        r.books.stocks.over_15_months as f64
    });
    put(Measure::DecidedAgeWeeks, &|r| {
        if r.tally.decisions == 0 {
            0.0
        } else {
            r.tally.age_weeks as f64 / r.tally.decisions as f64
        }
    });
    put(Measure::ProductiveFte, &|r| {
        r.staff.map_or(0.0, |s| s.productive)
    });
    put(Measure::TraineeFte, &|r| {
        r.staff.map_or(0.0, |s| s.trainees)
    });
    let mut total = 0.0;
    for v in run
        .series_mut(Column::of(Measure::CostCumulativeEur, stream))
        .iter_mut()
        .zip(rows)
    {
        total += v.1.books.statutory_eur + v.1.books.court_eur + v.1.books.legal_eur;
        *v.0 = total;
    }
}

/// The mean wait of the cases filed each week: realised for the cases
/// decided within the horizon; for cases still waiting at its end, the
/// weeks waited so far plus the time to decide the cases filed before them
/// (and half their own cohort) at the stream's mean decision rate over the
/// last weeks, as in a first-in-first-out queue. Weeks without intake
/// repeat the previous week's figure.
pub(super) fn write_waits(run: &mut Run, stream: Stream, cohorts: &[Cohort]) {
    let weeks = run.weeks();
    let decisions = run.series(Column::of(Measure::Decisions, stream));
    let window = &decisions[weeks.saturating_sub(RATE_WINDOW_WEEKS)..];
    let rate = window.iter().sum::<f64>() / window.len() as f64;
    let remaining = |ahead: f64| {
        if rate > 0.0 {
            (ahead / rate).min(MAX_EXTRA_WAIT_WEEKS)
        } else {
            MAX_EXTRA_WAIT_WEEKS
        }
    };
    let mut waited = vec![0.0; weeks];
    let mut filed = vec![0.0; weeks];
    let mut open = vec![0.0; weeks];
    // Cohorts are in filing order, so `ahead` counts the cases filed earlier.
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
    for (w, v) in run
        .series_mut(Column::of(Measure::ExpectedWaitWeeks, stream))
        .iter_mut()
        .enumerate()
    {
        if filed[w] > 0.0 {
            previous = waited[w] / filed[w];
        }
        *v = previous;
    }
    // Weeks without intake repeat the share as they repeat the wait.
    let mut previous = 0.0;
    for (w, v) in run
        .series_mut(Column::of(Measure::ExpectedWaitExtrapolated, stream))
        .iter_mut()
        .enumerate()
    {
        if filed[w] > 0.0 {
            previous = open[w] / filed[w];
        }
        *v = previous;
    }
}

/// The all-streams columns: sums, or means weighted by another measure.
pub(super) fn fill_totals(run: &mut Run) {
    let weeks = run.weeks();
    let mut total = vec![0.0; weeks];
    for m in Measure::ALL {
        total.iter_mut().for_each(|v| *v = 0.0);
        match m.total() {
            Total::Sum => {
                for stream in Stream::ALL {
                    for (acc, v) in total.iter_mut().zip(run.series(Column::of(m, stream))) {
                        *acc += v;
                    }
                }
            }
            Total::WeightedBy(weight) => {
                let mut weights = vec![0.0; weeks];
                for stream in Stream::ALL {
                    let values = run.series(Column::of(m, stream));
                    let ws = run.series(Column::of(weight, stream));
                    for w in 0..weeks {
                        total[w] += values[w] * ws[w];
                        weights[w] += ws[w];
                    }
                }
                for (acc, wt) in total.iter_mut().zip(&weights) {
                    *acc = if *wt > 0.0 { *acc / wt } else { 0.0 };
                }
            }
        }
        run.series_mut(Column::total(m)).copy_from_slice(&total);
    }
}
