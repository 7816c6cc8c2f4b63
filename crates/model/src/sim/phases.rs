//! The two phases of a run joined at `from`: "as it happened" before it, the
//! scenario's own levers from it on.
//!
//! One run, not two: the cohorts, the stocks and the books carry on across
//! the join. What the levers govern is read per week from the scenario of
//! that week's phase (intake, capacity, the BAA, the work order) and per
//! cohort from the scenario of its filing week's phase (its behaviour and
//! its term rules: an application keeps the term it was filed under).

use super::term::week_on_or_after;
use crate::presets::Preset;
use crate::scenario::Scenario;

/// The scenario that applies in each week of a run.
pub(crate) struct Phases<'a> {
    /// "As it happened", for the weeks before `join`; `None` when the
    /// levers apply from the start (then the run is exactly the plain one).
    before: Option<Scenario>,
    after: &'a Scenario,
    /// The first week from `from` on.
    pub join: i32,
}

impl<'a> Phases<'a> {
    /// The phases of the validated scenario `s`.
    pub fn new(s: &'a Scenario) -> Phases<'a> {
        let join = join_week(s);
        Phases {
            before: (join > 0).then(|| history(s)),
            after: s,
            join,
        }
    }

    /// The scenario of week `t` (a filing week before the start counts as
    /// before the join).
    pub fn at(&self, t: i32) -> &Scenario {
        match &self.before {
            Some(b) if t < self.join => b,
            _ => self.after,
        }
    }

    /// "As it happened" for the weeks before the join, if there are any.
    pub fn before(&self) -> Option<&Scenario> {
        self.before.as_ref()
    }
}

/// The first week (from `s`'s start) from `s.from` on: 0 when the levers
/// apply from the start. It depends on the two dates only, never on "as it
/// happened" itself, so no preset is read to find it.
fn join_week(s: &Scenario) -> i32 {
    week_on_or_after(s.start, s.from).max(0)
}

/// "As it happened" under `s`: the `as_it_happened` preset applied to `s`,
/// with `s`'s horizon and join, so that it covers the same weeks.
pub(crate) fn history(s: &Scenario) -> Scenario {
    let mut h = Preset::AS_IT_HAPPENED.apply(s);
    h.end = s.end;
    h.from = s.from;
    h
}

impl Scenario {
    /// The scenario that governs the weeks before [`Scenario::from`]
    /// (and the backlog at the start): "as it happened" under this one
    /// when `from` lies after the start, else this one.
    #[must_use]
    pub fn before_from(&self) -> Scenario {
        match Phases::new(self).before() {
            Some(b) => b.clone(),
            None => self.clone(),
        }
    }

    /// The first week (from `start`) in which the scenario's own levers
    /// apply: 0 when they apply from the start.
    #[must_use]
    pub fn join_week(&self) -> usize {
        join_week(self) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    /// The join week is the first Monday from `from` on, the same as the
    /// phases' own, for the letter's world, today's outlook and dates in
    /// between (before the start, on a Monday, mid-week, past the end).
    #[test]
    fn the_join_week_is_the_first_week_from_from() {
        let outlook = Scenario::outlook();
        let day = |s: &Scenario, w: usize| s.start.add_days(7 * w as i64);
        assert!(outlook.join_week() > 0);
        assert!(day(&outlook, outlook.join_week()) >= outlook.from);
        assert!(day(&outlook, outlook.join_week() - 1) < outlook.from);
        for query in [
            "v=1",
            "v=1&from=2023-05-01",
            "v=1&from=2025-01-01",
            "v=1&from=2026-01-05",
            "v=1&from=2026-01-06&until=2031-12-31",
            "",
            "from=2024-02-29&until=2033-04-30",
        ] {
            let (s, _) = Scenario::from_query(query);
            let join = s.join_week();
            assert_eq!(join, Phases::new(&s).join as usize, "{query}");
            assert_eq!(Phases::new(&s).before().is_some(), join > 0, "{query}");
            if join > 0 {
                assert!(
                    day(&s, join) >= s.from && day(&s, join - 1) < s.from,
                    "{query}"
                );
            } else {
                assert!(s.from <= s.start, "{query}");
            }
        }
        let (s, _) = Scenario::from_query("v=1&from=2026-01-01");
        assert_eq!(day(&s, s.join_week()), Date::from_ymd(2026, 1, 5).unwrap());
    }
}
