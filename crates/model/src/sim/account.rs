//! The week's books for one stream: stocks by status, the flows of notices,
//! appeals and rulings, and what the waiting cases cost.
//!
//! The stocks are kept as running totals: a cohort's contribution changes
//! only when one of its events comes (the term lapses, the notice, the
//! appeal, the ruling) or when cases of it are decided, and both are booked
//! as they happen. The events and the penalties are read from running sums
//! by event week ([`ByWeek`]): for each week, the cases still waiting of the
//! cohorts whose event falls in it. A decision lowers the sums at its
//! cohort's event weeks, so a week's books never visit a cohort: the weekly
//! loop touches only the cohorts it decides. All counts are integers, so
//! the totals are exactly the sums over cohorts.

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
        Stocks::of_waiting(&c.events, Waiting::of(c), t)
    }

    /// The statuses in week `t` of the waiting counts `w` of a cohort with
    /// events `e`.
    fn of_waiting(e: &Events, w: Waiting, t: i32) -> Stocks {
        let pending = u64::from(w.cases);
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
        let noticers = u64::from(w.noticers);
        let appealers = u64::from(w.appealers);
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
    /// The first notice week that earns no statutory penalty (bill 35749
    /// in force: `penalty::statutory_until`); `i32::MAX` when every notice
    /// earns one.
    pub statutory_until: i32,
    /// The court penalty per week of a court order, from the week it is due.
    pub court_weekly: &'a [f64],
    /// The court penalty of the orders due in some weeks when a run follows
    /// the record (the courts' level from 2025: `record::inputs`); the
    /// other orders cost `court_weekly`.
    pub court_record: Option<CourtRecord<'a>>,
    /// The court penalty of the orders due before the join, in a run whose
    /// history comes before the reader's levers: the history's own levers
    /// (the record's level, `court_record`, goes first where it applies).
    pub court_before: Option<CourtRecord<'a>>,
    pub legal_per_appeal: f64,
}

/// The court penalty of the orders due in `weeks`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CourtRecord<'a> {
    pub weeks: (i32, i32),
    pub weekly: &'a [f64],
}

impl Rules<'_> {
    /// The weekly court penalty of an order due in week `due`.
    fn court_schedule(&self, due: i32) -> &[f64] {
        let holds = |r: &CourtRecord| r.weeks.0 <= due && due < r.weeks.1;
        match (self.court_record, self.court_before) {
            (Some(r), _) if holds(&r) => r.weekly,
            (_, Some(b)) if holds(&b) => b.weekly,
            _ => self.court_weekly,
        }
    }

    /// The first `k` after `k` at which [`Rules::court_schedule`] of the
    /// due week `t - k` may differ from that of `t - k + 1`: where the due
    /// week falls below an end of a range (`usize::MAX` if never).
    fn next_schedule_change(&self, t: i32, k: usize) -> usize {
        let ends = [self.court_record, self.court_before]
            .into_iter()
            .flatten()
            .flat_map(|r| [r.weeks.0, r.weeks.1]);
        ends.map(|end| i64::from(t) - i64::from(end) + 1)
            .filter(|&at| at > k as i64)
            .min()
            .map_or(usize::MAX, |at| usize::try_from(at).unwrap_or(usize::MAX))
    }

    /// The longest court penalty window, in weeks.
    fn court_window(&self) -> usize {
        let record = self.court_record.map_or(0, |r| r.weekly.len());
        let before = self.court_before.map_or(0, |r| r.weekly.len());
        self.court_weekly.len().max(record).max(before)
    }
}

/// One count per week `lo..hi` (weeks outside are never read).
#[derive(Default)]
struct Weekly {
    lo: i32,
    counts: Vec<u64>,
}

impl Weekly {
    /// All zeros for weeks `lo..hi`, in the buffer of the last run.
    fn reset(&mut self, lo: i32, hi: i32) {
        self.lo = lo;
        self.counts.clear();
        self.counts.resize((hi - lo).max(0) as usize, 0);
    }

    /// The counts `other` holds, in this one's buffer.
    fn restore(&mut self, other: &Weekly) {
        self.lo = other.lo;
        self.counts.clone_from(&other.counts);
    }

    fn slot(&mut self, w: i32) -> Option<&mut u64> {
        usize::try_from(w - self.lo)
            .ok()
            .and_then(|i| self.counts.get_mut(i))
    }

    fn add(&mut self, w: i32, n: u32) {
        if let Some(v) = self.slot(w) {
            *v += u64::from(n);
        }
    }

    /// Replaces a cohort's `before` count in week `w` by its `now` count.
    /// Usually `now` is the smaller, but not always: the noticers and
    /// appealers are spread evenly by rounding down, each by its own
    /// fraction, so the front passing an appealer decided out of turn can
    /// pass no noticer's place and leave one more noticer waiting than
    /// before. Adding before subtracting never goes below zero, since the
    /// slot holds the `before` count.
    fn rebook(&mut self, w: i32, before: u32, now: u32) {
        if let Some(v) = self.slot(w) {
            *v = *v + u64::from(now) - u64::from(before);
        }
    }

    /// The `len` counts of weeks `last - len + 1 ..= last`, in that order,
    /// or fewer where they reach before `lo`.
    fn window(&self, last: i32, len: usize) -> &[u64] {
        let end = usize::try_from(last - self.lo + 1)
            .unwrap_or(0)
            .min(self.counts.len());
        &self.counts[end.saturating_sub(len)..end]
    }

    fn at(&self, w: i32) -> u64 {
        usize::try_from(w - self.lo)
            .ok()
            .and_then(|i| self.counts.get(i))
            .copied()
            .unwrap_or(0)
    }
}

/// The waiting cases of the entered cohorts by the week of each event: the
/// cases that change status in a week, and the noticers and appealers whose
/// penalties run.
#[derive(Default)]
struct ByWeek {
    /// Pending cases by lapse week.
    lapse: Weekly,
    /// Pending noticers by notice week.
    notice: Weekly,
    /// Pending appealers by appeal, ruling and court-due week.
    appeal: Weekly,
    ruling: Weekly,
    court_due: Weekly,
    /// Pending cases by the week they are six and fifteen months old.
    aged_6_months: Weekly,
    aged_15_months: Weekly,
}

/// A cohort's waiting counts: all, noticers, appealers.
#[derive(Clone, Copy)]
pub(crate) struct Waiting {
    cases: u32,
    noticers: u32,
    appealers: u32,
}

impl Waiting {
    pub fn of(c: &Cohort) -> Waiting {
        Waiting {
            cases: c.pending,
            noticers: c.pending_noticers,
            appealers: c.pending_appealers,
        }
    }
}

impl ByWeek {
    fn restore(&mut self, other: &ByWeek) {
        self.lapse.restore(&other.lapse);
        self.notice.restore(&other.notice);
        self.appeal.restore(&other.appeal);
        self.ruling.restore(&other.ruling);
        self.court_due.restore(&other.court_due);
        self.aged_6_months.restore(&other.aged_6_months);
        self.aged_15_months.restore(&other.aged_15_months);
    }

    fn reset(&mut self, lo: i32, hi: i32) {
        for weekly in [
            &mut self.lapse,
            &mut self.notice,
            &mut self.appeal,
            &mut self.ruling,
            &mut self.court_due,
            &mut self.aged_6_months,
            &mut self.aged_15_months,
        ] {
            weekly.reset(lo, hi);
        }
    }

    /// Books a cohort entering: its waiting counts at each of `e`'s weeks.
    fn enter(&mut self, e: &Events, w: Waiting) {
        self.lapse.add(e.lapse, w.cases);
        self.notice.add(e.notice, w.noticers);
        self.appeal.add(e.appeal, w.appealers);
        self.ruling.add(e.ruling, w.appealers);
        self.court_due.add(e.court_due, w.appealers);
        self.aged_6_months.add(e.aged_6_months, w.cases);
        self.aged_15_months.add(e.aged_15_months, w.cases);
    }

    /// Books a decision: each of `e`'s weeks holds the cohort's `now`
    /// counts instead of its `before` counts.
    fn rebook(&mut self, e: &Events, before: Waiting, now: Waiting) {
        self.lapse.rebook(e.lapse, before.cases, now.cases);
        self.notice.rebook(e.notice, before.noticers, now.noticers);
        self.appeal
            .rebook(e.appeal, before.appealers, now.appealers);
        self.ruling
            .rebook(e.ruling, before.appealers, now.appealers);
        self.court_due
            .rebook(e.court_due, before.appealers, now.appealers);
        self.aged_6_months
            .rebook(e.aged_6_months, before.cases, now.cases);
        self.aged_15_months
            .rebook(e.aged_15_months, before.cases, now.cases);
    }
}

/// The running stocks of one stream and its waiting cases by event week.
#[derive(Default)]
pub(crate) struct Ledger {
    stocks: Stocks,
    by_week: ByWeek,
}

impl Ledger {
    /// Empty books for a run of `weeks` weeks, in the buffers of the last
    /// run (cohorts filed before the start may have penalties running into
    /// it, so the books reach back as far as a penalty window lasts).
    pub fn reset(&mut self, weeks: usize, rules: &Rules<'_>) {
        let back =
            (rules.court_window() + STATUTORY_WEEKLY.len()) as i32 + STATUTORY_AFTER_NOTICE_WEEKS;
        self.stocks = Stocks::default();
        self.by_week.reset(-back, weeks as i32);
    }

    /// The books `other` holds, in this one's buffers (a run resumed from
    /// a state kept at the join).
    pub fn restore(&mut self, other: &Ledger) {
        self.stocks = other.stocks;
        self.by_week.restore(&other.by_week);
    }

    /// The cases waiting now: within their term, and past it (in any of
    /// the four statuses after it), of every cohort entered.
    pub fn waiting(&self) -> (u64, u64) {
        let s = &self.stocks;
        (
            s.within_term,
            s.past_term + s.notice_sent + s.appeal_pending + s.court_order,
        )
    }

    /// The appealers waiting with a court order running.
    pub fn ordered(&self) -> u64 {
        self.stocks.court_order
    }

    /// Adds a cohort that enters in week `t` (at the start, or when filed).
    pub fn enter(&mut self, c: &Cohort, t: i32) {
        self.stocks.add(Stocks::of(c, t));
        self.by_week.enter(&c.events, Waiting::of(c));
    }

    /// Moves from week `t - 1` to week `t`: the cases of the cohorts with an
    /// event in week `t` change status. The events of a cohort come in the
    /// order lapse, notice, appeal, ruling, so each moves its cases one
    /// status on, and since [`Stocks::of`] is linear in the waiting counts
    /// between events, the sums move them all at once.
    pub fn advance(&mut self, t: i32) {
        let w = &self.by_week;
        let (lapsed, noticed, appealed, ruled) = (
            w.lapse.at(t),
            w.notice.at(t),
            w.appeal.at(t),
            w.ruling.at(t),
        );
        let s = &mut self.stocks;
        s.within_term -= lapsed;
        s.past_term += lapsed;
        s.past_term -= noticed;
        s.notice_sent += noticed;
        s.notice_sent -= appealed;
        s.appeal_pending += appealed;
        s.appeal_pending -= ruled;
        s.court_order += ruled;
        s.over_6_months += w.aged_6_months.at(t);
        s.over_15_months += w.aged_15_months.at(t);
    }

    /// Books cases of cohort `c` decided in week `t`: its waiting counts
    /// went from `before` to what they are now. (The statuses of the cases
    /// gone are not one `Stocks::of_waiting` of the difference: spreading
    /// noticers and appealers evenly, a decision can leave one more
    /// noticer without an appeal waiting than before.)
    pub fn decided(&mut self, c: &Cohort, t: i32, before: Waiting) {
        let now = Waiting::of(c);
        self.stocks.sub(Stocks::of_waiting(&c.events, before, t));
        self.stocks.add(Stocks::of_waiting(&c.events, now, t));
        self.by_week.rebook(&c.events, before, now);
    }

    /// Books week `t` on the cases still waiting after its decisions. A case
    /// decided during the week neither counts as waiting nor costs anything
    /// that week. Each euro amount is a rate times a count of cases; with
    /// whole-euro rates (all defaults) the products and sums are exact.
    pub fn book(&self, t: i32, rules: &Rules<'_>) -> Books {
        let w = &self.by_week;
        let count = |n: u64| n as f64;
        let appeals = w.appeal.at(t);
        let mut b = Books {
            stocks: self.stocks,
            notices: w.notice.at(t),
            appeals,
            orders: w.ruling.at(t),
            legal_eur: count(appeals) * rules.legal_per_appeal,
            ..Books::default()
        };
        // The books reach back a whole penalty window before week 0, so the
        // windows ending at `t` lie within them.
        if rules.statutory {
            let last = t - STATUTORY_AFTER_NOTICE_WEEKS;
            let noticers = w.notice.window(last, STATUTORY_WEEKLY.len());
            // The newest `late` counts are of notices sent from the week
            // bill 35749 applies: they and the rates they would meet drop.
            let late = usize::try_from(i64::from(last) - i64::from(rules.statutory_until) + 1)
                .unwrap_or(0)
                .min(noticers.len());
            b.statutory_eur = dot(
                &noticers[..noticers.len() - late],
                STATUTORY_WEEKLY.get(late..).unwrap_or_default(),
            );
        }
        b.court_eur = match rules.court_record.or(rules.court_before) {
            None => dot(
                w.court_due.window(t, rules.court_weekly.len()),
                rules.court_weekly,
            ),
            // Two schedules by the week an order fell due: each due week's
            // count meets its own schedule's rate.
            Some(_) => {
                // The counts of the due weeks `t - k` for `k` from 0 up,
                // read from one slice (none before the books' first week);
                // the schedule read again only where the due week crosses
                // an end of a range.
                let window = rules.court_window();
                let counts = w.court_due.window(t, window);
                let count = |k: usize| counts.len().checked_sub(k + 1).map_or(0, |i| counts[i]);
                // The terms in order of `k`, added one by one from the
                // value `sum` starts from, so the euros are those of one
                // `sum` over them, bit for bit; a stretch of one schedule
                // at a time, with no test per term of where it ends.
                let mut total: f64 = std::iter::empty::<f64>().sum();
                let mut k = 0;
                while k < window {
                    let schedule = rules.court_schedule(t - k as i32);
                    let end = rules.next_schedule_change(t, k).min(window);
                    for (j, rate) in schedule.iter().enumerate().take(end).skip(k) {
                        total += count(j) as f64 * rate;
                    }
                    k = end;
                }
                total
            }
        };
        b
    }
}

/// The euros of a penalty window: `counts` of cases by the week their
/// penalty began (oldest first) times `rates` by the week of the penalty
/// (the first week first), so the newest count meets the first rate.
fn dot(counts: &[u64], rates: &[f64]) -> f64 {
    counts
        .iter()
        .rev()
        .zip(rates)
        .map(|(&n, rate)| n as f64 * rate)
        .sum()
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
            .filter(|_| rules.statutory && e.notice < rules.statutory_until)
        {
            b.statutory_eur += noticers * rate;
        }
        if let Some(rate) = usize::try_from(t - e.court_due)
            .ok()
            .and_then(|k| rules.court_schedule(e.court_due).get(k))
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
