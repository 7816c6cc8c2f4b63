//! The simulation: weekly steps over cohorts of cases, per stream.
//!
//! Each week, per stream: the week's intake forms a new cohort (for track 4
//! two: the BAA-eligible part and the rest); the BAA decides eligible
//! track-4 cases, oldest first; regular capacity decides cases in the work
//! order; then the books are kept on the cases still waiting (statuses,
//! notices, appeals, rulings, penalties). The README gives every equation.

mod account;
mod cohort;
mod initial;
mod penalty;
mod staff;
mod term;
mod whole;
mod work_order;

use crate::run::{Column, Measure, Run, Total};
use crate::scenario::Scenario;
use crate::stream::Stream;
use account::{Books, Rules};
use cohort::Cohort;
use staff::Staff;
use whole::{Salt, whole};
use work_order::Tally;

/// Weeks per year (365.25 / 7): rates per year become rates per week.
pub(crate) const WEEKS_PER_YEAR: f64 = 365.25 / 7.0;
/// A wait still running at the end of the horizon is extrapolated, but never
/// beyond ten years.
const MAX_EXTRA_WAIT_WEEKS: f64 = 522.0;
/// Weeks at the end of the horizon whose mean decision rate extrapolates the
/// waits still running.
const RATE_WINDOW_WEEKS: usize = 13;

/// Runs the model on `s` (validated first, so any scenario is safe).
pub fn simulate(s: &Scenario) -> Run {
    let (s, _) = s.clone().validated();
    let weeks = horizon_weeks(&s);
    let mut run = Run::zeroed(s.start, weeks);
    let court_weekly = penalty::court_weekly(&s, weeks);
    let staff = Staff::new(&s);
    for stream in Stream::ALL {
        simulate_stream(&s, stream, &staff, &court_weekly, &mut run);
    }
    fill_totals(&mut run);
    run
}

/// The number of weeks from `start` through `end` (a last, partial week
/// counts whole).
fn horizon_weeks(s: &Scenario) -> usize {
    let days = s.start.days_until(s.end) + 1;
    ((days + 6) / 7).max(1) as usize
}

/// The share of the intake in `stream`; track 4 gets the rest.
fn share(s: &Scenario, stream: Stream) -> f64 {
    match stream {
        Stream::Dublin => s.share_dublin,
        Stream::SafeCountry => s.share_safe_country,
        Stream::FamilyReunification => s.share_family,
        Stream::General => (1.0 - s.share_dublin - s.share_safe_country - s.share_family).max(0.0),
    }
}

/// Regular decisions per week in `stream` in week `t`.
fn capacity_per_week(s: &Scenario, stream: Stream, staff: &Staff, t: i32) -> f64 {
    match stream {
        Stream::Dublin => s.capacity_dublin / WEEKS_PER_YEAR,
        Stream::SafeCountry => s.capacity_safe_country / WEEKS_PER_YEAR,
        Stream::FamilyReunification => s.capacity_family / WEEKS_PER_YEAR,
        Stream::General => staff.at(t).productive * s.decisions_per_fte_week,
    }
}

/// BAA decisions per week in week `t`: zero outside its months, rising
/// linearly over the ramp-up weeks.
fn baa_per_week(s: &Scenario, t: i32) -> f64 {
    let first = term::week_on_or_after(s.start, s.baa_start);
    let end = term::week_on_or_after(s.start, s.baa_start.add_months(s.baa_months as i32));
    if t < first || t >= end {
        return 0.0;
    }
    let ramp = if s.baa_ramp_weeks == 0 {
        1.0
    } else {
        (f64::from(t - first + 1) / f64::from(s.baa_ramp_weeks)).min(1.0)
    };
    s.baa_per_year / WEEKS_PER_YEAR * ramp
}

/// The cohorts of `cases` filed in week `filed`, split for track 4 into the
/// rest and the BAA-eligible part (in that order), with their behaviour.
fn push_cohorts(s: &Scenario, stream: Stream, filed: i32, cases: u32, cohorts: &mut Vec<Cohort>) {
    let si = stream.index();
    let events = term::events(s, stream, filed);
    let k = i64::from(filed);
    let mut push = |eligible: bool, size: u32| {
        let noticers = whole(f64::from(size) * s.notice_share, k, Salt::Notice, si);
        let appealers = whole(f64::from(noticers) * s.appeal_share, k, Salt::Appeal, si);
        cohorts.push(Cohort::new(
            filed, eligible, size, noticers, appealers, events,
        ));
    };
    if stream == Stream::General {
        let eligible = whole(f64::from(cases) * s.baa_share, k, Salt::Eligible, si).min(cases);
        push(false, cases - eligible);
        push(true, eligible);
    } else {
        push(false, cases);
    }
}

fn simulate_stream(
    s: &Scenario,
    stream: Stream,
    staff: &Staff,
    court_weekly: &[f64],
    run: &mut Run,
) {
    let weeks = run.weeks();
    let si = stream.index();
    let lanes = if stream == Stream::General { 2 } else { 1 };
    let initial = initial::initial_cohorts(s, stream);
    let mut cohorts = Vec::with_capacity((initial.len() + weeks) * lanes);
    for &(filed, cases) in &initial {
        push_cohorts(s, stream, filed, cases, &mut cohorts);
    }
    let rules = Rules {
        statutory: if stream.is_asylum() {
            s.statutory_asylum
        } else {
            s.statutory_family
        },
        court_weekly,
        legal_per_appeal: s.legal_costs_per_appeal,
    };
    let intake_per_week = s.intake_per_year * share(s, stream) / WEEKS_PER_YEAR;
    let growth_per_week = (1.0 + s.intake_growth).powf(1.0 / WEEKS_PER_YEAR);
    let mut growth = 1.0;
    let mut first_live = 0;
    let mut rows = Vec::with_capacity(weeks);
    for w in 0..weeks {
        let t = w as i32;
        let intake = whole(intake_per_week * growth, i64::from(t), Salt::Intake, si);
        growth *= growth_per_week;
        push_cohorts(s, stream, t, intake, &mut cohorts);

        let mut tally = Tally::default();
        let live = &mut cohorts[first_live..];
        if stream == Stream::General {
            let baa = whole(baa_per_week(s, t), i64::from(t), Salt::Baa, si);
            work_order::baa(live, t, baa, &mut tally);
        }
        let capacity = whole(
            capacity_per_week(s, stream, staff, t),
            i64::from(t),
            Salt::Capacity,
            si,
        );
        work_order::regular(
            live,
            t,
            capacity,
            s.work_order,
            s.past_term_share,
            &mut tally,
        );
        while first_live < cohorts.len() && cohorts[first_live].pending == 0 {
            first_live += 1;
        }
        let books = account::book(&cohorts[first_live..], t, &rules);
        let staff_week = if stream == Stream::General {
            Some(staff.at(t))
        } else {
            None
        };
        rows.push(Row {
            intake,
            capacity,
            tally,
            books,
            staff: staff_week,
        });
    }
    write_rows(run, stream, &rows);
    write_waits(run, stream, &cohorts);
}

/// One week of one stream, before it is written into the run's columns.
struct Row {
    intake: u32,
    capacity: u32,
    tally: Tally,
    books: Books,
    staff: Option<staff::Week>,
}

fn write_rows(run: &mut Run, stream: Stream, rows: &[Row]) {
    let mut put = |m: Measure, f: &dyn Fn(&Row) -> f64| {
        for (v, row) in run.series_mut(Column::of(m, stream)).iter_mut().zip(rows) {
            *v = f(row);
        }
    };
    put(Measure::Intake, &|r| f64::from(r.intake));
    put(Measure::Decisions, &|r| r.tally.decisions as f64);
    put(Measure::DecisionsBaa, &|r| r.tally.baa as f64);
    put(Measure::Capacity, &|r| f64::from(r.capacity));
    put(Measure::BacklogWithinTerm, &|r| r.books.within_term as f64);
    put(Measure::BacklogPastTerm, &|r| r.books.past_term as f64);
    put(Measure::BacklogNoticeSent, &|r| r.books.notice_sent as f64);
    put(Measure::BacklogAppealPending, &|r| {
        r.books.appeal_pending as f64
    });
    put(Measure::BacklogCourtOrder, &|r| r.books.court_order as f64);
    put(Measure::BacklogOverdue, &|r| {
        (r.books.past_term + r.books.notice_sent + r.books.appeal_pending + r.books.court_order)
            as f64
    });
    put(Measure::Backlog, &|r| {
        let b = &r.books;
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
/// weeks waited so far plus the stream's final backlog divided by its mean
/// decision rate over the last weeks (the wait of a case at the back of a
/// first-in-first-out queue). Weeks without intake repeat the previous
/// week's figure.
fn write_waits(run: &mut Run, stream: Stream, cohorts: &[Cohort]) {
    let weeks = run.weeks();
    let backlog_end = run.series(Column::of(Measure::Backlog, stream))[weeks - 1];
    let decisions = run.series(Column::of(Measure::Decisions, stream));
    let window = &decisions[weeks.saturating_sub(RATE_WINDOW_WEEKS)..];
    let rate = window.iter().sum::<f64>() / window.len() as f64;
    let extra = if rate > 0.0 {
        (backlog_end / rate).min(MAX_EXTRA_WAIT_WEEKS)
    } else {
        MAX_EXTRA_WAIT_WEEKS
    };
    let mut waited = vec![0.0; weeks];
    let mut filed = vec![0.0; weeks];
    for c in cohorts.iter().filter(|c| c.filed >= 0) {
        let w = c.filed as usize;
        let still = f64::from(c.pending) * ((weeks - w) as f64 + extra);
        waited[w] += c.waited_weeks as f64 + still;
        filed[w] += f64::from(c.size());
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
}

/// The all-streams columns: sums, or means weighted by another measure.
fn fill_totals(run: &mut Run) {
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
