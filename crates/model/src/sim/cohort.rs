//! A cohort: the applications of one stream filed in one week (for track 4,
//! split into the BAA-eligible part and the rest).
//!
//! Every case of a cohort has the same term, so the same dates on which the
//! term lapses, the notice of default is sent, the appeal is filed and the
//! court rules ([`Events`]). Who sends a notice and who appeals is a
//! behaviour fixed when the cohort is formed: `noticers` of the cases will
//! send a notice if still waiting on the notice date, `appealers` of those
//! will appeal if still waiting on the appeal date.
//!
//! Inside a cohort the cases stand in filing order, with the noticers and
//! appealers spread evenly through it: among the first `d` cases there are
//! `floor(d * noticers / size)` noticers. First in, first out takes cases
//! from the front (`passed` moves on). "Court orders first" takes appealers
//! with a running court order out of turn: the first `jumped` appealers
//! after `passed`. This makes every status count a function of how many
//! cases were decided and when, never of rounding in between, so more
//! capacity never leaves more cases in any status (see the README's
//! monotonicity argument).

/// The weeks (counted from the run's start, negative before it) at which a
/// cohort's cases change status if still waiting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Events {
    /// First week in which the term has lapsed.
    pub lapse: i32,
    /// Week the noticers send their notice of default.
    pub notice: i32,
    /// Week the appealers file their appeal.
    pub appeal: i32,
    /// Week the court rules and orders a decision.
    pub ruling: i32,
    /// First week of the court penalty (the court's term has passed).
    pub court_due: i32,
    /// First week in which the cases are six months old, whatever their
    /// term (the IND publishes its stock by age).
    pub aged_6_months: i32,
    /// First week in which they are fifteen months old.
    pub aged_15_months: i32,
}

#[derive(Clone, Debug)]
pub(crate) struct Cohort {
    /// The week of filing, counted from the run's start.
    pub filed: i32,
    /// Whether these are BAA-eligible track-4 cases.
    pub eligible: bool,
    pub events: Events,
    size: u32,
    passed: u32,
    jumped: u32,
    noticers: u32,
    appealers: u32,
    /// Cases still waiting.
    pub pending: u32,
    /// Of which noticers (who have sent, or will send, a notice).
    pub pending_noticers: u32,
    /// Of which appealers.
    pub pending_appealers: u32,
    /// Cases decided.
    pub decided: u32,
    /// Sum over decided cases of the weeks from filing to decision.
    pub waited_weeks: u64,
}

impl Cohort {
    /// A cohort of `size` cases, `noticers` of whom would send a notice and
    /// `appealers` of those would appeal (both capped to be consistent).
    pub fn new(
        filed: i32,
        eligible: bool,
        size: u32,
        noticers: u32,
        appealers: u32,
        events: Events,
    ) -> Cohort {
        let noticers = noticers.min(size);
        let appealers = appealers.min(noticers);
        let mut c = Cohort {
            filed,
            eligible,
            events,
            size,
            passed: 0,
            jumped: 0,
            noticers,
            appealers,
            pending: 0,
            pending_noticers: 0,
            pending_appealers: 0,
            decided: 0,
            waited_weeks: 0,
        };
        c.refresh();
        c
    }

    /// The number of cases filed.
    pub fn size(&self) -> u32 {
        self.size
    }

    /// How many of the first `d` cases in filing order are of a type with
    /// `count` members spread evenly.
    fn among_first(&self, d: u32, count: u32) -> u32 {
        if self.size == 0 {
            return 0;
        }
        // The same quotient, by a 32-bit division where the product fits
        // (weekly cohorts are small): a 64-bit one costs several times more.
        let product = u64::from(d) * u64::from(count);
        match u32::try_from(product) {
            Ok(p) => p / self.size,
            Err(_) => (product / u64::from(self.size)) as u32,
        }
    }

    fn refresh(&mut self) {
        self.pending = self.size - self.passed - self.jumped;
        self.pending_noticers =
            self.noticers - self.among_first(self.passed, self.noticers) - self.jumped;
        self.pending_appealers =
            self.appealers - self.among_first(self.passed, self.appealers) - self.jumped;
    }

    /// Decides up to `k` cases in filing order; returns how many.
    pub fn decide_in_order(&mut self, k: u32) -> u32 {
        let k = k.min(self.pending);
        if k == 0 {
            return 0;
        }
        let room = self.size - self.passed;
        // Moving the front by `j` passes some appealer places; the first
        // `jumped` of those were decided already, so find the `j` that
        // decides exactly `k` new cases (a monotone fixed point).
        let skipped = |c: &Cohort, j: u32| {
            let from = c.among_first(c.passed, c.appealers);
            (c.among_first(c.passed + j, c.appealers) - from).min(c.jumped)
        };
        let mut j = k;
        if self.jumped > 0 {
            loop {
                let next = (k + skipped(self, j)).min(room);
                if next == j {
                    break;
                }
                j = next;
            }
        }
        let skip = skipped(self, j);
        self.passed += j;
        self.jumped -= skip;
        self.refresh();
        j - skip
    }

    /// Decides up to `k` of the waiting appealers out of turn (they are the
    /// cases with a court order once the ruling week has come); returns how
    /// many.
    pub fn decide_appealers(&mut self, k: u32) -> u32 {
        let take = k.min(self.pending_appealers);
        self.jumped += take;
        self.refresh();
        take
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVENTS: Events = Events {
        lapse: 10,
        notice: 14,
        appeal: 17,
        ruling: 29,
        court_due: 37,
        aged_6_months: 26,
        aged_15_months: 65,
    };

    fn check(c: &Cohort) {
        assert!(c.pending_appealers <= c.pending_noticers);
        assert!(c.pending_noticers <= c.pending);
        assert_eq!(c.pending, c.size - c.passed - c.jumped);
    }

    #[test]
    fn fifo_passes_types_evenly() {
        let mut c = Cohort::new(0, false, 100, 50, 20, EVENTS);
        assert_eq!(c.decide_in_order(10), 10);
        assert_eq!(
            (c.pending, c.pending_noticers, c.pending_appealers),
            (90, 45, 18)
        );
        assert_eq!(c.decide_in_order(1_000), 90);
        assert_eq!(
            (c.pending, c.pending_noticers, c.pending_appealers),
            (0, 0, 0)
        );
        assert_eq!(c.decide_in_order(1), 0);
    }

    #[test]
    fn jumped_appealers_are_not_decided_twice() {
        let mut c = Cohort::new(0, false, 100, 50, 20, EVENTS);
        assert_eq!(c.decide_appealers(5), 5);
        check(&c);
        assert_eq!((c.pending, c.pending_appealers), (95, 15));
        let mut total = 5;
        for k in [7, 13, 1, 30, 60] {
            total += c.decide_in_order(k);
            check(&c);
        }
        assert_eq!(total, 100);
        assert_eq!(c.pending, 0);
        assert_eq!(c.decide_appealers(3), 0);
    }

    #[test]
    fn decides_exactly_what_is_asked_for() {
        for appealers in [0, 1, 7, 40, 80] {
            let mut c = Cohort::new(3, true, 80, 80, appealers, EVENTS);
            c.decide_appealers(appealers / 2);
            let mut left = c.pending;
            while left > 0 {
                let got = c.decide_in_order(3);
                assert_eq!(got, 3.min(left));
                left -= got;
                check(&c);
            }
        }
    }

    /// Why the books rebook a decision rather than subtract what it took
    /// (`Ledger::decided`): with the noticers and the appealers each spread
    /// by its own rounding, the front can pass an appealer decided out of
    /// turn at a place that holds no noticer, and one more noticer waits
    /// after the decision than before it.
    #[test]
    fn a_decision_can_leave_one_more_noticer_waiting() {
        let mut c = Cohort::new(0, false, 8, 3, 2, EVENTS);
        c.decide_appealers(1);
        c.decide_appealers(1);
        c.decide_in_order(3);
        assert_eq!((c.pending, c.pending_noticers), (3, 0));
        c.decide_in_order(1);
        check(&c);
        assert_eq!((c.pending, c.pending_noticers), (2, 1));
    }

    #[test]
    fn empty_cohorts_are_harmless() {
        let mut c = Cohort::new(0, false, 0, 5, 5, EVENTS);
        assert_eq!(
            (c.pending, c.decide_in_order(5), c.decide_appealers(5)),
            (0, 0, 0)
        );
    }
}
