//! The two phases of a run joined at `from`: "as it happened" before it, the
//! scenario's own levers from it on.
//!
//! One run, not two: the cohorts, the stocks and the books carry on across
//! the join. What the levers govern is read per week from the scenario of
//! that week's phase (intake, capacity, the BAA, the work order) and per
//! cohort from the scenario of its filing week's phase (its behaviour and
//! its term rules: an application keeps the term it was filed under).

use super::term::week_on_or_after;
use crate::presets::preset;
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
        let join = week_on_or_after(s.start, s.from).max(0);
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

/// "As it happened" under `s`: the `as_it_happened` preset applied to `s`,
/// with `s`'s horizon and join, so that it covers the same weeks.
pub(crate) fn history(s: &Scenario) -> Scenario {
    let mut h = preset("as_it_happened")
        .expect("the as_it_happened preset exists")
        .apply(s);
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
        Phases::new(self).join as usize
    }
}
