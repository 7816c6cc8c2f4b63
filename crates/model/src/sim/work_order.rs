//! Who gets decided: the BAA's and regular capacity's choice of cases.

use super::account::{Ledger, Waiting};
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
}

impl Tally {
    /// Decides cases of `c` in week `t` with `how`, and records them here
    /// and in the stream's books.
    fn decide(
        &mut self,
        books: &mut Ledger,
        c: &mut Cohort,
        t: i32,
        how: impl FnOnce(&mut Cohort) -> u32,
    ) -> u32 {
        let before = Waiting::of(c);
        let decided = how(c);
        if decided > 0 {
            books.decided(c, t, before);
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
pub(crate) fn baa(
    cohorts: &mut [Cohort],
    t: i32,
    capacity: u32,
    tally: &mut Tally,
    books: &mut Ledger,
) -> u32 {
    let mut left = capacity;
    for c in cohorts.iter_mut().filter(|c| c.eligible) {
        if left == 0 {
            break;
        }
        let d = tally.decide(books, c, t, |c| c.decide_in_order(left));
        left -= d;
        tally.baa += u64::from(d);
    }
    left
}

/// Which cases regular capacity may not decide in a week: during the
/// decision moratorium for Syrian applicants (`record::inputs::MORATORIUM`)
/// the BAA-eligible track-4 cases (the model's Syrian and Yemeni cases)
/// younger than its exempt age.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Held {
    /// The exempt age in weeks while a moratorium holds; `None` otherwise.
    pub younger_than_weeks: Option<i32>,
}

impl Held {
    fn holds(self, c: &Cohort, t: i32) -> bool {
        match self.younger_than_weeks {
            Some(age) => c.eligible && t - c.filed < age,
            None => false,
        }
    }
}

/// How regular capacity picks its cases in a week.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rules {
    pub order: WorkOrder,
    /// Under [`WorkOrder::PastTermShare`], the share on cases past term.
    pub past_term_share: f64,
    pub held: Held,
}

/// Regular capacity in `order`. `cohorts` are oldest first and start at the
/// first with cases waiting. Returns the capacity left (none unless every
/// case is decided).
pub(crate) fn regular(
    cohorts: &mut [Cohort],
    t: i32,
    capacity: u32,
    rules: Rules,
    tally: &mut Tally,
    books: &mut Ledger,
) -> u32 {
    let Rules {
        order,
        past_term_share,
        held,
    } = rules;
    let open = |c: &Cohort| !held.holds(c, t);
    match order {
        WorkOrder::Fifo => in_order(cohorts.iter_mut(), t, capacity, tally, books, open),
        WorkOrder::NewestFirst => {
            in_order(cohorts.iter_mut().rev(), t, capacity, tally, books, open)
        }
        WorkOrder::PastTermShare => {
            // The seed's split: a share of the capacity on the old backlog
            // past its term (oldest first), the rest on new intake (newest
            // first, within term); what one part cannot use goes to the
            // other, oldest first.
            // A part finds nothing when the books hold no case of its kind
            // (early on, no case is past its term): it then skips the
            // search through every cohort, with the same result.
            let past = (f64::from(capacity) * past_term_share).floor() as u32;
            let past_left = if books.waiting().1 == 0 {
                past
            } else {
                in_order(cohorts.iter_mut(), t, past, tally, books, |c| {
                    t >= c.events.lapse && open(c)
                })
            };
            let new = capacity - past;
            let new_left = if books.waiting().0 == 0 {
                new
            } else {
                in_order(cohorts.iter_mut().rev(), t, new, tally, books, |c| {
                    t < c.events.lapse && open(c)
                })
            };
            in_order(
                cohorts.iter_mut(),
                t,
                past_left + new_left,
                tally,
                books,
                open,
            )
        }
        WorkOrder::CourtOrdersFirst => {
            let mut left = capacity;
            // The cases with a court order running are the appealers of the
            // cohorts past their ruling week: none in the books, none to
            // find.
            let ordered = if books.ordered() == 0 {
                0
            } else {
                cohorts.len()
            };
            for c in cohorts[..ordered]
                .iter_mut()
                .filter(|c| t >= c.events.ruling && c.pending_appealers > 0 && open(c))
            {
                if left == 0 {
                    break;
                }
                left -= tally.decide(books, c, t, |c| c.decide_appealers(left));
            }
            in_order(cohorts.iter_mut(), t, left, tally, books, open)
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
    books: &mut Ledger,
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
        left -= tally.decide(books, c, t, |c| c.decide_in_order(left));
    }
    left
}
