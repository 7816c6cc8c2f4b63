//! The headline figures of a [`Summary`] as numbers, so that their
//! distribution over Monte Carlo runs can be taken, and back into the
//! summary's `key=value` notation.
//!
//! Dates become days after the run's start; "never" (no month from which no
//! case is past its term, because cases are past term at the end) is +∞,
//! so that it sorts after every date.

use crate::date::Date;
use crate::summary::Summary;

/// How a figure is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureKind {
    /// Cases or euros, rounded to whole units.
    Whole,
    /// A fraction, to four decimals.
    Share,
    /// Weeks, to one decimal.
    Weeks,
    /// A day (`YYYY-MM-DD`), as days after the start.
    Day,
    /// A month (`YYYY-MM`) as days after the start, or `never` (+∞).
    Month,
}

impl FigureKind {
    /// The decimals an amount of this kind is written with (0 for a day or
    /// a month, written as a date).
    pub fn decimals(self) -> usize {
        match self {
            FigureKind::Share => 4,
            FigureKind::Weeks => 1,
            FigureKind::Whole | FigureKind::Day | FigureKind::Month => 0,
        }
    }
}

/// One headline figure: its key (as in [`Summary::to_key_values`]), how it
/// is written, and how it is read from a summary of a run that starts on
/// the given day.
#[derive(Clone, Copy, Debug)]
pub struct Figure {
    pub key: &'static str,
    pub kind: FigureKind,
    read: fn(&Summary, Date) -> f64,
}

/// Figures are the same figure when their keys are.
impl PartialEq for Figure {
    fn eq(&self, other: &Figure) -> bool {
        self.key == other.key
    }
}

fn days(start: Date, d: Option<Date>) -> f64 {
    d.map_or(f64::INFINITY, |d| start.days_until(d) as f64)
}

/// The headline figures by name: the page's cards, the comparison and
/// the bands name the figure they show by these typed constants.
impl Figure {
    pub const BACKLOG_END: Figure = Figure {
        key: "backlog_end",
        kind: FigureKind::Whole,
        read: |s, _| s.backlog_end,
    };

    pub const BACKLOG_PEAK: Figure = Figure {
        key: "backlog_peak",
        kind: FigureKind::Whole,
        read: |s, _| s.backlog_peak,
    };

    pub const BACKLOG_PEAK_WEEK: Figure = Figure {
        key: "backlog_peak_week",
        kind: FigureKind::Day,
        read: |s, start| days(start, Some(s.backlog_peak_week)),
    };

    pub const COST_TOTAL_EUR: Figure = Figure {
        key: "cost_total_eur",
        kind: FigureKind::Whole,
        read: |s, _| s.cost_total_eur,
    };

    pub const COST_STATUTORY_EUR: Figure = Figure {
        key: "cost_statutory_eur",
        kind: FigureKind::Whole,
        read: |s, _| s.cost_statutory_eur,
    };

    pub const COST_COURT_EUR: Figure = Figure {
        key: "cost_court_eur",
        kind: FigureKind::Whole,
        read: |s, _| s.cost_court_eur,
    };

    pub const COST_LEGAL_EUR: Figure = Figure {
        key: "cost_legal_eur",
        kind: FigureKind::Whole,
        read: |s, _| s.cost_legal_eur,
    };

    pub const COST_ASYLUM_EUR: Figure = Figure {
        key: "cost_asylum_eur",
        kind: FigureKind::Whole,
        read: |s, _| s.cost_asylum_eur,
    };

    pub const COST_FAMILY_EUR: Figure = Figure {
        key: "cost_family_eur",
        kind: FigureKind::Whole,
        read: |s, _| s.cost_family_eur,
    };

    pub const COST_THROUGH_2024_EUR: Figure = Figure {
        key: "cost_through_2024_eur",
        kind: FigureKind::Whole,
        read: |s, _| s.cost_through_2024_eur,
    };

    pub const COST_FIRST_YEAR_EUR: Figure = Figure {
        key: "cost_first_year_eur",
        kind: FigureKind::Whole,
        read: |s, _| s.cost_first_year_eur,
    };

    pub const ASYLUM_PENALTIES_THROUGH_2024_EUR: Figure = Figure {
        key: "asylum_penalties_through_2024_eur",
        kind: FigureKind::Whole,
        read: |s, _| s.asylum_penalties_through_2024_eur,
    };

    pub const APPEALS_THROUGH_2024: Figure = Figure {
        key: "appeals_through_2024",
        kind: FigureKind::Whole,
        read: |s, _| s.appeals_through_2024,
    };

    pub const SHARE_DECIDED_IN_TERM: Figure = Figure {
        key: "share_decided_in_term",
        kind: FigureKind::Share,
        read: |s, _| s.share_decided_in_term,
    };

    pub const BACK_IN_TERM_FROM: Figure = Figure {
        key: "back_in_term_from",
        kind: FigureKind::Month,
        read: |s, start| days(start, s.back_in_term_from),
    };

    pub const ASYLUM_BACK_IN_TERM_FROM: Figure = Figure {
        key: "asylum_back_in_term_from",
        kind: FigureKind::Month,
        read: |s, start| days(start, s.asylum_back_in_term_from),
    };

    pub const EXPECTED_WAIT_LAST_MONTH_WEEKS: Figure = Figure {
        key: "expected_wait_last_month_weeks",
        kind: FigureKind::Weeks,
        read: |s, _| s.expected_wait_last_month_weeks,
    };
}

/// Every headline figure, in the order of [`Summary::to_key_values`].
pub const FIGURES: [Figure; 17] = [
    Figure::BACKLOG_END,
    Figure::BACKLOG_PEAK,
    Figure::BACKLOG_PEAK_WEEK,
    Figure::COST_TOTAL_EUR,
    Figure::COST_STATUTORY_EUR,
    Figure::COST_COURT_EUR,
    Figure::COST_LEGAL_EUR,
    Figure::COST_ASYLUM_EUR,
    Figure::COST_FAMILY_EUR,
    Figure::COST_THROUGH_2024_EUR,
    Figure::COST_FIRST_YEAR_EUR,
    Figure::ASYLUM_PENALTIES_THROUGH_2024_EUR,
    Figure::APPEALS_THROUGH_2024,
    Figure::SHARE_DECIDED_IN_TERM,
    Figure::BACK_IN_TERM_FROM,
    Figure::ASYLUM_BACK_IN_TERM_FROM,
    Figure::EXPECTED_WAIT_LAST_MONTH_WEEKS,
];

impl Figure {
    /// The figure's value in `summary` of a run starting on `start`.
    pub fn read(&self, summary: &Summary, start: Date) -> f64 {
        (self.read)(summary, start)
    }

    /// `x` (as [`Figure::read`] gives it) written as in
    /// [`Summary::to_key_values`].
    pub fn write(&self, x: f64, start: Date) -> String {
        let day = || start.add_days(x as i64);
        match self.kind {
            FigureKind::Whole | FigureKind::Share | FigureKind::Weeks => {
                format!("{x:.*}", self.kind.decimals())
            }
            FigureKind::Day => day().to_string(),
            FigureKind::Month if x.is_infinite() => "never".to_string(),
            FigureKind::Month => {
                let d = day();
                format!("{:04}-{:02}", d.year(), d.month())
            }
        }
    }

    /// The date a [`FigureKind::Day`] or [`FigureKind::Month`] figure
    /// stands for (`None` for "never" and for the other kinds).
    pub fn date(&self, x: f64, start: Date) -> Option<Date> {
        match self.kind {
            FigureKind::Day | FigureKind::Month if x.is_finite() => Some(start.add_days(x as i64)),
            _ => None,
        }
    }
}

/// The headline figure with key `key`.
pub fn figure(key: &str) -> Option<&'static Figure> {
    FIGURES.iter().find(|f| f.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;

    #[test]
    fn a_figure_reads_back_the_same_from_any_day() {
        // The summary's lines are written through FIGURES from a day of
        // its own (the golden test holds their text): any day must do.
        let other = Date::from_ymd(2020, 2, 29).unwrap();
        for query in ["", "intake=30000&fte=900", "term=6", "until=2024-03-31"] {
            let (s, _) = Scenario::from_query(query);
            let summary = s.run().summary();
            for f in &FIGURES {
                assert_eq!(
                    f.write(f.read(&summary, s.start), s.start),
                    f.write(f.read(&summary, other), other),
                    "{} {query}",
                    f.key
                );
            }
            let lines = summary.to_key_values();
            let keys: Vec<&str> = lines.iter().map(|(k, _)| *k).collect();
            assert_eq!(keys, FIGURES.map(|f| f.key));
            let back = lines.iter().find(|(k, _)| *k == "back_in_term_from");
            let expected = summary.back_in_term_from.map_or("never".to_owned(), |d| {
                format!("{:04}-{:02}", d.year(), d.month())
            });
            assert_eq!(back.map(|(_, v)| v.as_str()), Some(expected.as_str()));
        }
    }
}
