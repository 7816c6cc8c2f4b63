//! The penalty schedules: what one waiting case costs in a given week.

use super::term::week_on_or_after;
use crate::levers::LAST_DAY;
use crate::scenario::Scenario;

/// Days per week.
const DAYS: f64 = 7.0;

/// The statutory penalty (Awb 4:17(2)) per week, from the first week it is
/// due: EUR 23 a day for days 1-14, 35 for days 15-28, 45 for days 29-42,
/// then nothing (the 42-day cap, EUR 1,442 in all).
pub(crate) const STATUTORY_WEEKLY: [f64; 6] = [
    23.0 * DAYS,
    23.0 * DAYS,
    35.0 * DAYS,
    35.0 * DAYS,
    45.0 * DAYS,
    45.0 * DAYS,
];

/// The first week of the statutory penalty comes two weeks after the notice
/// (Awb 4:17(3)).
pub(crate) const STATUTORY_AFTER_NOTICE_WEEKS: i32 = 2;

/// The first week (from the run's start) whose notices of default earn no
/// statutory penalty: bill 35749 in force on `ends` (the lever's last day
/// means never), and not before the reader's levers apply at `from`, so
/// the history stands. `i32::MAX` when every notice earns one.
pub(crate) fn statutory_until(s: &Scenario) -> i32 {
    if s.statutory_ends >= LAST_DAY {
        return i32::MAX;
    }
    week_on_or_after(s.start, s.statutory_ends.max(s.from))
}

/// The court penalty per week from the first week it is due, until `cap`
/// is reached. Never longer than `max_weeks` (the horizon), so a tiny daily
/// amount under a large cap cannot make a long table.
pub(crate) fn court_weekly(per_day: f64, cap: f64, max_weeks: usize) -> Vec<f64> {
    let per_week = per_day * DAYS;
    let mut left = cap;
    let mut weeks = Vec::new();
    while left > 0.0 && per_week > 0.0 && weeks.len() < max_weeks {
        let amount = per_week.min(left);
        weeks.push(amount);
        left -= amount;
    }
    weeks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statutory_cap_is_1442() {
        assert_eq!(STATUTORY_WEEKLY.iter().sum::<f64>(), 1_442.0);
    }

    #[test]
    fn court_penalty_stops_at_the_cap() {
        let s = Scenario::default();
        let weeks = court_weekly(s.court_penalty_per_day, s.court_penalty_cap, 1_000);
        assert_eq!(weeks.len(), 11);
        assert_eq!(weeks.iter().sum::<f64>(), 7_500.0);
        assert_eq!(weeks[10], 500.0);
        let family = court_weekly(s.court_penalty_per_day, s.court_penalty_cap_family, 1_000);
        assert_eq!(family, weeks);
        assert_eq!(court_weekly(100.0, 15_000.0, 1_000).len(), 22);
        assert_eq!(court_weekly(1e-9, 7_500.0, 50).len(), 50);
        assert!(court_weekly(0.0, 7_500.0, 50).is_empty());
    }
}
