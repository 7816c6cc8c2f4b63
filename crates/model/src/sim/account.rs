//! The week's books for one stream: stocks by status, the flows of notices,
//! appeals and rulings, and what the waiting cases cost.

use super::cohort::Cohort;
use super::penalty::{STATUTORY_AFTER_NOTICE_WEEKS, STATUTORY_WEEKLY};

/// The end-of-week stocks and the week's flows and costs of one stream.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Books {
    pub within_term: u64,
    pub past_term: u64,
    pub notice_sent: u64,
    pub appeal_pending: u64,
    pub court_order: u64,
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

/// Books week `t` on the cases still waiting after its decisions. A case
/// decided during the week neither counts as waiting nor costs anything
/// that week.
pub(crate) fn book(cohorts: &[Cohort], t: i32, rules: &Rules<'_>) -> Books {
    let mut b = Books::default();
    for c in cohorts.iter().filter(|c| c.pending > 0) {
        let e = c.events;
        let pending = u64::from(c.pending);
        let noticers = u64::from(c.pending_noticers);
        let appealers = u64::from(c.pending_appealers);
        if t < e.lapse {
            b.within_term += pending;
        } else {
            let noticed = if t >= e.notice { noticers } else { 0 };
            let appealed = if t >= e.appeal { appealers } else { 0 };
            let ordered = if t >= e.ruling { appealers } else { 0 };
            b.past_term += pending - noticed;
            b.notice_sent += noticed - appealed;
            b.appeal_pending += appealed - ordered;
            b.court_order += ordered;
        }
        if t == e.notice {
            b.notices += noticers;
        }
        if t == e.appeal {
            b.appeals += appealers;
            b.legal_eur += appealers as f64 * rules.legal_per_appeal;
        }
        if t == e.ruling {
            b.orders += appealers;
        }
        if rules.statutory {
            let k = t - e.notice - STATUTORY_AFTER_NOTICE_WEEKS;
            if let Some(rate) = usize::try_from(k)
                .ok()
                .and_then(|k| STATUTORY_WEEKLY.get(k))
            {
                b.statutory_eur += noticers as f64 * rate;
            }
        }
        if let Some(rate) = usize::try_from(t - e.court_due)
            .ok()
            .and_then(|k| rules.court_weekly.get(k))
        {
            b.court_eur += appealers as f64 * rate;
        }
    }
    b
}
