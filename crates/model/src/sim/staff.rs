//! Track-4 staffing: hiring, training and coaching.
//!
//! The target level `fte` is reached from today's level
//! ([`FTE_AT_START`]). A cut takes effect at once. Growth is hired at most
//! `hiring_per_month`; each hire is a trainee for `training_weeks`, producing
//! nothing and costing experienced staff `coaching_per_trainee` FTE of their
//! time. So hiring first lowers output and only later raises it: the dip the
//! IND describes (parameters.md, "training").

use crate::scenario::{FTE_AT_START, Scenario};

/// Weeks per month on average (365.25 / 7 / 12).
const WEEKS_PER_MONTH: f64 = 365.25 / 7.0 / 12.0;

/// The staff of a run: one plan from the start, or "as it happened" up to
/// the join and the scenario's plan from it on.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Staff {
    before: Plan,
    after: Option<(i32, Plan)>,
}

/// One hiring plan from week 0: a target level reached from
/// [`FTE_AT_START`].
#[derive(Clone, Copy, Debug)]
struct Plan {
    target: f64,
    hires_per_week: f64,
    training_weeks: i32,
    coaching: f64,
}

/// The staff in one week.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Week {
    /// FTE producing decisions, after coaching.
    pub productive: f64,
    /// FTE in training.
    pub trainees: f64,
}

impl Staff {
    /// The staff of scenario `s` from the start.
    pub fn new(s: &Scenario) -> Staff {
        Staff {
            before: Plan::new(s),
            after: None,
        }
    }

    /// The staff of `before` up to week `join`, then of `after`. The hires
    /// made before the join train on; from the join `after`'s target is
    /// reached from the level then (everyone hired so far counted): more is
    /// hired at `after`'s pace, less is cut at once, as in one plan.
    pub fn joined(before: &Scenario, after: &Scenario, join: i32) -> Staff {
        Staff {
            before: Plan::new(before),
            after: Some((join, Plan::new(after))),
        }
    }

    /// The staff in week `t`.
    pub fn at(&self, t: i32) -> Week {
        let Some((join, after)) = self.after else {
            return self.before.at(t);
        };
        if t < join {
            return self.before.at(t);
        }
        let hired_before = if self.before.target > FTE_AT_START {
            self.before.hired_by(join - 1)
        } else {
            0.0
        };
        let level = FTE_AT_START + hired_before;
        if after.target < level {
            return Week {
                productive: after.target,
                trainees: 0.0,
            };
        }
        let wanted = after.target - level;
        let hired_after = |u: i32| {
            if u < join {
                0.0
            } else {
                wanted.min(after.hires_per_week * f64::from(u - join + 1))
            }
        };
        let hired_before_by = |u: i32| {
            if self.before.target > FTE_AT_START {
                self.before.hired_by(u.min(join - 1))
            } else {
                0.0
            }
        };
        let trained_before = hired_before_by(t - self.before.training_weeks);
        let trained_after = hired_after(t - after.training_weeks);
        let trainees = (hired_before - trained_before) + (hired_after(t) - trained_after);
        let experienced = FTE_AT_START + trained_before + trained_after;
        Week {
            productive: (experienced - after.coaching * trainees).max(0.0),
            trainees,
        }
    }
}

impl Plan {
    fn new(s: &Scenario) -> Plan {
        Plan {
            target: s.fte,
            hires_per_week: s.hiring_per_month / WEEKS_PER_MONTH,
            training_weeks: s.training_weeks as i32,
            coaching: s.coaching_per_trainee,
        }
    }

    /// New FTE hired from week 0 through week `t`.
    fn hired_by(&self, t: i32) -> f64 {
        let wanted = (self.target - FTE_AT_START).max(0.0);
        if t < 0 {
            0.0
        } else {
            wanted.min(self.hires_per_week * f64::from(t + 1))
        }
    }

    /// The staff in week `t`.
    fn at(&self, t: i32) -> Week {
        if self.target <= FTE_AT_START {
            return Week {
                productive: self.target,
                trainees: 0.0,
            };
        }
        let trained = self.hired_by(t - self.training_weeks);
        let trainees = self.hired_by(t) - trained;
        let experienced = FTE_AT_START + trained;
        Week {
            productive: (experienced - self.coaching * trainees).max(0.0),
            trainees,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Joined at week 30: the same as the first plan before, and from the
    /// join the hires made before train on while the second plan hires more.
    #[test]
    fn a_joined_plan_carries_the_trainees_over() {
        let before = Scenario {
            fte: 700.0,
            hiring_per_month: 30.0,
            ..Scenario::default()
        };
        let after = Scenario {
            fte: 900.0,
            ..before.clone()
        };
        let one = Staff::new(&before);
        let joined = Staff::joined(&before, &after, 30);
        for t in 0..30 {
            assert_eq!(joined.at(t), one.at(t), "week {t}");
        }
        let (at, just_before) = (joined.at(30), joined.at(29));
        assert!(
            at.trainees >= just_before.trainees,
            "{at:?} {just_before:?}"
        );
        assert!((at.productive - just_before.productive).abs() < 10.0);
        assert_eq!(joined.at(400).productive, 900.0);
        let same = Staff::joined(&before, &before, 30);
        for t in 30..200 {
            let (a, b) = (same.at(t), one.at(t));
            assert!((a.productive - b.productive).abs() < 1e-9, "week {t}");
        }
    }

    #[test]
    fn cuts_are_immediate() {
        let s = Scenario {
            fte: 400.0,
            ..Scenario::default()
        };
        assert_eq!(
            Staff::new(&s).at(0),
            Week {
                productive: 400.0,
                trainees: 0.0
            }
        );
    }

    #[test]
    fn hiring_dips_then_recovers() {
        let s = Scenario {
            fte: 600.0,
            ..Scenario::default()
        };
        let staff = Staff::new(&s);
        let first = staff.at(0);
        assert!(first.productive < FTE_AT_START && first.trainees > 0.0);
        // 68 FTE at 15 a month take 4.5 months; all trained 10 months later.
        let late = staff.at(70);
        assert_eq!(
            late,
            Week {
                productive: 600.0,
                trainees: 0.0
            }
        );
    }

    #[test]
    fn no_training_lag_means_no_dip() {
        let s = Scenario {
            fte: 600.0,
            training_weeks: 0,
            ..Scenario::default()
        };
        assert!(Staff::new(&s).at(0).productive > FTE_AT_START);
    }
}
