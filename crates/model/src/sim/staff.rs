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

#[derive(Clone, Copy, Debug)]
pub(crate) struct Staff {
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
    pub fn new(s: &Scenario) -> Staff {
        Staff {
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
    pub fn at(&self, t: i32) -> Week {
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
