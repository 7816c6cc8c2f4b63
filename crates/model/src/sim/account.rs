//! The week's books for one stream: stocks by status, the flows of notices,
//! appeals and rulings, and what the waiting cases cost.
//!
//! The stocks are kept as running totals: a cohort's contribution changes
//! only when one of its events comes (the term lapses, the notice, the
//! appeal, the ruling) or when cases of it are decided, and both are booked
//! as they happen. Flows and penalties are read from the cohorts whose
//! event or penalty window falls in the week. All counts are integers, so
//! the totals are exactly the sums over cohorts.

use super::calendar::Calendar;
use super::cohort::{Cohort, Events};
use super::penalty::{STATUTORY_AFTER_NOTICE_WEEKS, STATUTORY_WEEKLY};

/// Open cases by status; the five statuses add up to the backlog. The two
/// age counts cut across them: cases at least six and at least fifteen
/// months old, whatever their term.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Stocks {
    pub within_term: u64,
    pub past_term: u64,
    pub notice_sent: u64,
    pub appeal_pending: u64,
    pub court_order: u64,
    pub over_6_months: u64,
    pub over_15_months: u64,
}

impl Stocks {
    /// The statuses of cohort `c`'s waiting cases in week `t`.
    pub fn of(c: &Cohort, t: i32) -> Stocks {
        let e = c.events;
        let pending = u64::from(c.pending);
        let over_6_months = if t >= e.aged_6_months { pending } else { 0 };
        let over_15_months = if t >= e.aged_15_months { pending } else { 0 };
        if t < e.lapse {
            return Stocks {
                within_term: pending,
                over_6_months,
                over_15_months,
                ..Stocks::default()
            };
        }
        let noticers = u64::from(c.pending_noticers);
        let appealers = u64::from(c.pending_appealers);
        let noticed = if t >= e.notice { noticers } else { 0 };
        let appealed = if t >= e.appeal { appealers } else { 0 };
        let ordered = if t >= e.ruling { appealers } else { 0 };
        Stocks {
            within_term: 0,
            past_term: pending - noticed,
            notice_sent: noticed - appealed,
            appeal_pending: appealed - ordered,
            court_order: ordered,
            over_6_months,
            over_15_months,
        }
    }

    fn add(&mut self, o: Stocks) {
        self.within_term += o.within_term;
        self.past_term += o.past_term;
        self.notice_sent += o.notice_sent;
        self.appeal_pending += o.appeal_pending;
        self.court_order += o.court_order;
        self.over_6_months += o.over_6_months;
        self.over_15_months += o.over_15_months;
    }

    fn sub(&mut self, o: Stocks) {
        self.within_term -= o.within_term;
        self.past_term -= o.past_term;
        self.notice_sent -= o.notice_sent;
        self.appeal_pending -= o.appeal_pending;
        self.court_order -= o.court_order;
        self.over_6_months -= o.over_6_months;
        self.over_15_months -= o.over_15_months;
    }
}

/// Changes to the stocks from one week's decisions: what left the statuses
/// and what the decided cohorts' remaining cases now count for.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Shift {
    removed: Stocks,
    added: Stocks,
}

impl Shift {
    /// Records that a cohort's stocks went from `before` to `after`.
    pub fn record(&mut self, before: Stocks, after: Stocks) {
        self.removed.add(before);
        self.added.add(after);
    }
}

/// The end-of-week stocks and the week's flows and costs of one stream.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Books {
    pub stocks: Stocks,
    pub notices: u64,
    pub appeals: u64,
    pub orders: u64,
    pub statutory_eur: f64,
    pub court_eur: f64,
    pub legal_eur: f64,
}

/// The penalty rules of a stream.
pub(crate) struct Rules<'a> {
    pub statutory: bool,
    pub court_weekly: &'a [f64],
    pub legal_per_appeal: f64,
}

/// The event calendars of one stream's cohorts. They depend only on the
/// cohorts' event weeks, which Monte Carlo runs and goal-seek do not vary,
/// so such runs build them once and share them.
pub(crate) struct Calendars {
    lapse: Calendar,
    notice: Calendar,
    appeal: Calendar,
    ruling: Calendar,
    court_due: Calendar,
    aged_6_months: Calendar,
    aged_15_months: Calendar,
}

impl Calendars {
    /// The calendars of all cohorts of a run (`weeks` long; cohorts filed
    /// before the start may have penalties running into it, so the
    /// calendars reach back as far as a penalty window lasts).
    pub fn new(cohorts: &[Cohort], weeks: usize, rules: &Rules<'_>) -> Calendars {
        let hi = weeks as i32;
        let back = (rules.court_weekly.len() + STATUTORY_WEEKLY.len()) as i32
            + STATUTORY_AFTER_NOTICE_WEEKS;
        let lo = -back;
        let calendar = |week: fn(&Events) -> i32| {
            Calendar::new(lo, hi, cohorts.iter().map(move |c| week(&c.events)))
        };
        Calendars {
            lapse: calendar(|e| e.lapse),
            notice: calendar(|e| e.notice),
            appeal: calendar(|e| e.appeal),
            ruling: calendar(|e| e.ruling),
            court_due: calendar(|e| e.court_due),
            aged_6_months: calendar(|e| e.aged_6_months),
            aged_15_months: calendar(|e| e.aged_15_months),
        }
    }
}

/// The running stocks of one stream, over its cohorts' event calendars.
pub(crate) struct Ledger<'c> {
    stocks: Stocks,
    cal: &'c Calendars,
}

impl<'c> Ledger<'c> {
    /// Empty books over `calendars`.
    pub fn new(calendars: &'c Calendars) -> Ledger<'c> {
        Ledger {
            stocks: Stocks::default(),
            cal: calendars,
        }
    }

    /// Adds a cohort that enters in week `t` (at the start, or when filed).
    pub fn enter(&mut self, c: &Cohort, t: i32) {
        self.stocks.add(Stocks::of(c, t));
    }

    /// Moves from week `t - 1` to week `t`: the cohorts with an event in
    /// week `t` change status (each once, under its first event that week).
    pub fn advance(&mut self, cohorts: &[Cohort], t: i32) {
        let c = self.cal;
        let calendars = [
            &c.lapse,
            &c.notice,
            &c.appeal,
            &c.ruling,
            &c.aged_6_months,
            &c.aged_15_months,
        ];
        let mut stocks = self.stocks;
        for (k, calendar) in calendars.iter().enumerate() {
            for &i in calendar.on(t) {
                let c = &cohorts[i as usize];
                let e = c.events;
                let first = [
                    e.lapse,
                    e.notice,
                    e.appeal,
                    e.ruling,
                    e.aged_6_months,
                    e.aged_15_months,
                ][..k]
                    .iter()
                    .all(|&w| w != t);
                if first && c.pending > 0 {
                    stocks.sub(Stocks::of(c, t - 1));
                    stocks.add(Stocks::of(c, t));
                }
            }
        }
        self.stocks = stocks;
    }

    /// Applies a week's decisions.
    pub fn shift(&mut self, shift: Shift) {
        self.stocks.add(shift.added);
        self.stocks.sub(shift.removed);
    }

    /// Books week `t` on the cases still waiting after its decisions. A case
    /// decided during the week neither counts as waiting nor costs anything
    /// that week.
    pub fn book(&self, cohorts: &[Cohort], t: i32, rules: &Rules<'_>) -> Books {
        let mut b = Books {
            stocks: self.stocks,
            ..Books::default()
        };
        for c in waiting(cohorts, &self.cal.notice, t) {
            b.notices += u64::from(c.pending_noticers);
        }
        for c in waiting(cohorts, &self.cal.appeal, t) {
            b.appeals += u64::from(c.pending_appealers);
            b.legal_eur += f64::from(c.pending_appealers) * rules.legal_per_appeal;
        }
        for c in waiting(cohorts, &self.cal.ruling, t) {
            b.orders += u64::from(c.pending_appealers);
        }
        if rules.statutory {
            for (k, rate) in STATUTORY_WEEKLY.iter().enumerate() {
                for c in waiting(
                    cohorts,
                    &self.cal.notice,
                    t - STATUTORY_AFTER_NOTICE_WEEKS - k as i32,
                ) {
                    b.statutory_eur += f64::from(c.pending_noticers) * rate;
                }
            }
        }
        for (k, rate) in rules.court_weekly.iter().enumerate() {
            for c in waiting(cohorts, &self.cal.court_due, t - k as i32) {
                b.court_eur += f64::from(c.pending_appealers) * rate;
            }
        }
        b
    }
}

/// The cohorts under week `w` of `calendar` with cases still waiting.
fn waiting<'a>(
    cohorts: &'a [Cohort],
    calendar: &'a Calendar,
    w: i32,
) -> impl Iterator<Item = &'a Cohort> {
    calendar
        .on(w)
        .iter()
        .map(|&i| &cohorts[i as usize])
        .filter(|c| c.pending > 0)
}

/// The same books by brute force over every cohort filed by week `t`: the
/// check of the running totals and calendars (used by the unit tests).
#[cfg(test)]
pub(crate) fn book_by_brute_force(cohorts: &[Cohort], t: i32, rules: &Rules<'_>) -> Books {
    let mut b = Books::default();
    for c in cohorts.iter().filter(|c| c.pending > 0 && c.filed <= t) {
        let e = c.events;
        let (noticers, appealers) = (
            f64::from(c.pending_noticers),
            f64::from(c.pending_appealers),
        );
        b.stocks.add(Stocks::of(c, t));
        if t == e.notice {
            b.notices += u64::from(c.pending_noticers);
        }
        if t == e.appeal {
            b.appeals += u64::from(c.pending_appealers);
            b.legal_eur += appealers * rules.legal_per_appeal;
        }
        if t == e.ruling {
            b.orders += u64::from(c.pending_appealers);
        }
        let statutory = usize::try_from(t - e.notice - STATUTORY_AFTER_NOTICE_WEEKS).ok();
        if let Some(rate) = statutory
            .and_then(|k| STATUTORY_WEEKLY.get(k))
            .filter(|_| rules.statutory)
        {
            b.statutory_eur += noticers * rate;
        }
        if let Some(rate) = usize::try_from(t - e.court_due)
            .ok()
            .and_then(|k| rules.court_weekly.get(k))
        {
            b.court_eur += appealers * rate;
        }
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVENTS: Events = Events {
        lapse: 2,
        notice: 3,
        appeal: 5,
        ruling: 7,
        court_due: 9,
        aged_6_months: 4,
        aged_15_months: 8,
    };

    #[test]
    fn statuses_follow_the_events() {
        let c = Cohort::new(0, false, 10, 6, 3, EVENTS);
        let at = |t| Stocks::of(&c, t);
        assert_eq!(
            at(1),
            Stocks {
                within_term: 10,
                ..Stocks::default()
            }
        );
        assert_eq!(
            at(2),
            Stocks {
                past_term: 10,
                ..Stocks::default()
            }
        );
        assert_eq!(
            at(3),
            Stocks {
                past_term: 4,
                notice_sent: 6,
                ..Stocks::default()
            }
        );
        assert_eq!(
            at(5),
            Stocks {
                past_term: 4,
                notice_sent: 3,
                appeal_pending: 3,
                over_6_months: 10,
                ..Stocks::default()
            }
        );
        assert_eq!(
            at(7),
            Stocks {
                past_term: 4,
                notice_sent: 3,
                court_order: 3,
                over_6_months: 10,
                ..Stocks::default()
            }
        );
        assert_eq!(at(8).over_15_months, 10, "ages count whatever the status");
    }
}
