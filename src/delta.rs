//! Which way a headline figure moved against the baseline, and whether that
//! is good news. Pure, so the rules are tested natively; the words and the
//! numbers are put on it by the KPI cards.

use doorstroom_model::Date;

/// Whether a figure moved, judged at the precision it is shown with (a
/// backlog 0.3 cases higher shows the same number, so it did not move).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Same,
}

/// Whether the move is good or bad news for the reader; drives the colour,
/// which is never the only sign (the arrow and the word say it too).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Better,
    Worse,
    Neutral,
}

impl Tone {
    pub fn class(self) -> &'static str {
        match self {
            Tone::Better => "better",
            Tone::Worse => "worse",
            Tone::Neutral => "same",
        }
    }
}

/// Which way is good for a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Good {
    Lower,
    Higher,
}

/// The direction of `current` against `baseline`, ignoring differences
/// smaller than `resolution` (half the last shown digit).
pub fn direction(current: f64, baseline: f64, resolution: f64) -> Direction {
    let diff = current - baseline;
    if !diff.is_finite() || diff.abs() < resolution {
        Direction::Same
    } else if diff > 0.0 {
        Direction::Up
    } else {
        Direction::Down
    }
}

pub fn tone(direction: Direction, good: Good) -> Tone {
    match (direction, good) {
        (Direction::Same, _) => Tone::Neutral,
        (Direction::Down, Good::Lower) | (Direction::Up, Good::Higher) => Tone::Better,
        _ => Tone::Worse,
    }
}

pub fn arrow(direction: Direction) -> &'static str {
    match direction {
        Direction::Up => "▲",
        Direction::Down => "▼",
        Direction::Same => "=",
    }
}

/// How the month the backlog is back within term moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthShift {
    /// Both runs get back within term; positive months is later.
    Months(i32),
    /// Only the current run gets back within term.
    NowWithin,
    /// Only the baseline got back within term.
    NowNever,
    /// Neither gets back within term.
    Neither,
}

pub fn month_shift(current: Option<Date>, baseline: Option<Date>) -> MonthShift {
    match (current, baseline) {
        (Some(c), Some(b)) => {
            MonthShift::Months((c.year() - b.year()) * 12 + c.month() as i32 - b.month() as i32)
        }
        (Some(_), None) => MonthShift::NowWithin,
        (None, Some(_)) => MonthShift::NowNever,
        (None, None) => MonthShift::Neither,
    }
}

impl MonthShift {
    pub fn tone(self) -> Tone {
        match self {
            MonthShift::Months(m) if m < 0 => Tone::Better,
            MonthShift::Months(m) if m > 0 => Tone::Worse,
            MonthShift::NowWithin => Tone::Better,
            MonthShift::NowNever => Tone::Worse,
            _ => Tone::Neutral,
        }
    }

    pub fn direction(self) -> Direction {
        match self {
            MonthShift::Months(m) if m > 0 => Direction::Up,
            MonthShift::Months(m) if m < 0 => Direction::Down,
            MonthShift::NowWithin => Direction::Down,
            MonthShift::NowNever => Direction::Up,
            _ => Direction::Same,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32) -> Date {
        Date::from_ymd(y, m, 1).unwrap()
    }

    #[test]
    fn small_differences_are_no_change() {
        assert_eq!(direction(100.3, 100.0, 0.5), Direction::Same);
        assert_eq!(direction(101.0, 100.0, 0.5), Direction::Up);
        assert_eq!(direction(99.0, 100.0, 0.5), Direction::Down);
        assert_eq!(direction(f64::NAN, 1.0, 0.5), Direction::Same);
    }

    #[test]
    fn a_larger_backlog_is_worse_and_more_in_term_is_better() {
        assert_eq!(tone(Direction::Up, Good::Lower), Tone::Worse);
        assert_eq!(tone(Direction::Down, Good::Lower), Tone::Better);
        assert_eq!(tone(Direction::Up, Good::Higher), Tone::Better);
        assert_eq!(tone(Direction::Same, Good::Higher), Tone::Neutral);
    }

    #[test]
    fn months_count_across_years() {
        assert_eq!(
            month_shift(Some(d(2025, 2)), Some(d(2024, 11))),
            MonthShift::Months(3)
        );
        assert_eq!(
            month_shift(Some(d(2024, 1)), Some(d(2024, 6))).tone(),
            Tone::Better
        );
        assert_eq!(month_shift(None, Some(d(2024, 6))), MonthShift::NowNever);
        assert_eq!(month_shift(Some(d(2024, 6)), None).tone(), Tone::Better);
        assert_eq!(month_shift(None, None).tone(), Tone::Neutral);
    }
}
