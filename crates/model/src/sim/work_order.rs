//! Who gets decided: the BAA's and regular capacity's choice of cases.

use super::account::{Shift, Stocks};
use super::cohort::Cohort;
use crate::scenario::WorkOrder;

/// What one week's decisions in one stream add up to.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Tally {
    pub decisions: u64,
    pub baa: u64,
    pub within_term: u64,
    /// Decisions on cases not yet fifteen months old.
    pub within_15_months: u64,
    /// Sum over decided cases of their age in weeks.
    pub age_weeks: u64,
    /// How the decisions moved the stocks.
    pub shift: Shift,
}

impl Tally {
    /// Decides cases of `c` in week `t` with `how`, and records them.
    fn decide(&mut self, c: &mut Cohort, t: i32, how: impl FnOnce(&mut Cohort) -> u32) -> u32 {
        let before = Stocks::of(c, t);
        let decided = how(c);
        if decided > 0 {
            self.shift.record(before, Stocks::of(c, t));
            self.record(c, decided, t);
        }
        decided
    }

    fn record(&mut self, c: &mut Cohort, decided: u32, t: i32) {
        let d = u64::from(decided);
        let age = (t - c.filed).max(0) as u64;
        self.decisions += d;
        if t < c.events.lapse {
            self.within_term += d;
        }
        if t < c.events.aged_15_months {
            self.within_15_months += d;
        }
        self.age_weeks += d * age;
        c.decided += decided;
        c.waited_weeks += d * age;
    }
}

/// The BAA: up to `capacity` eligible cases, oldest first. Returns the
/// capacity left.
pub(crate) fn baa(cohorts: &mut [Cohort], t: i32, capacity: u32, tally: &mut Tally) -> u32 {
    let mut left = capacity;
    for c in cohorts.iter_mut().filter(|c| c.eligible) {
        if left == 0 {
            break;
        }
        let d = tally.decide(c, t, |c| c.decide_in_order(left));
        left -= d;
        tally.baa += u64::from(d);
    }
    left
}

/// Regular capacity in `order`. `cohorts` are oldest first and start at the
/// first with cases waiting. Returns the capacity left (none unless every
/// case is decided).
pub(crate) fn regular(
    cohorts: &mut [Cohort],
    t: i32,
    capacity: u32,
    order: WorkOrder,
    past_term_share: f64,
    tally: &mut Tally,
) -> u32 {
    match order {
        WorkOrder::Fifo => in_order(cohorts.iter_mut(), t, capacity, tally, |_| true),
        WorkOrder::NewestFirst => in_order(cohorts.iter_mut().rev(), t, capacity, tally, |_| true),
        WorkOrder::PastTermShare => {
            // The seed's split: a share of the capacity on the old backlog
            // past its term (oldest first), the rest on new intake (newest
            // first, within term); what one part cannot use goes to the
            // other, oldest first.
            let past = (f64::from(capacity) * past_term_share).floor() as u32;
            let past_left = in_order(cohorts.iter_mut(), t, past, tally, |c| t >= c.events.lapse);
            let new = capacity - past;
            let new_left = in_order(cohorts.iter_mut().rev(), t, new, tally, |c| {
                t < c.events.lapse
            });
            in_order(cohorts.iter_mut(), t, past_left + new_left, tally, |_| true)
        }
        WorkOrder::CourtOrdersFirst => {
            let mut left = capacity;
            for c in cohorts
                .iter_mut()
                .filter(|c| t >= c.events.ruling && c.pending_appealers > 0)
            {
                if left == 0 {
                    break;
                }
                left -= tally.decide(c, t, |c| c.decide_appealers(left));
            }
            in_order(cohorts.iter_mut(), t, left, tally, |_| true)
        }
    }
}

/// Decides up to `capacity` cases from the cohorts that pass `take`, in the
/// order given, each in filing order. Returns the capacity left.
fn in_order<'a>(
    cohorts: impl Iterator<Item = &'a mut Cohort>,
    t: i32,
    capacity: u32,
    tally: &mut Tally,
    take: impl Fn(&Cohort) -> bool,
) -> u32 {
    let mut left = capacity;
    for c in cohorts {
        if left == 0 {
            break;
        }
        if c.pending == 0 || !take(c) {
            continue;
        }
        left -= tally.decide(c, t, |c| c.decide_in_order(left));
    }
    left
}
