//! A headline figure's change against the baseline: which way it moved,
//! whether that is good news, and how the change reads, once, on the cards,
//! the comparison, the presentation and the handout.
//!
//! The one rule: the amount is the size of the change without a sign and
//! the word says which way ("▼ € 23,6 mln. lager"); the arrow and the
//! colour beside it say it again for the eye. A sign on the amount as well
//! would make a fall read "▼ −€ 23,6 mln. lager", or worse "▼ +€ 428,2 dzd.
//! lager" when the difference is taken the other way round.

use doorstroom_model::{Date, Lang};

use super::notation::Notation;
use crate::i18n::{self, HIGHER, LOWER};

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

/// The word for a move in `direction` (empty when there is none).
pub fn word(direction: Direction, lang: Lang) -> &'static str {
    match direction {
        Direction::Up => HIGHER.get(lang),
        Direction::Down => LOWER.get(lang),
        Direction::Same => "",
    }
}

/// The size of a change `diff`, written by `amount` without a sign.
pub fn size(diff: f64, amount: impl Fn(f64) -> String) -> String {
    amount(diff.abs())
}

/// A change against the baseline, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The size of the change without a sign, or empty when a phrase says
    /// it all ("nu binnen termijn").
    pub amount: String,
    pub direction: Direction,
    pub tone: Tone,
    /// "hoger", "eerder", …
    pub word: &'static str,
}

impl Change {
    /// No change to show.
    pub fn same(lang: Lang) -> Self {
        Change {
            amount: String::new(),
            direction: Direction::Same,
            tone: Tone::Neutral,
            word: i18n::NO_CHANGE.get(lang),
        }
    }

    /// The change in words, its size then its way: "€ 23,6 mln. lager",
    /// "3 maanden eerder", "nu wel binnen de termijn": what the cards show
    /// after the arrow, and the comparison, presentation and handout with
    /// them.
    pub fn text(&self) -> String {
        if self.amount.is_empty() {
            self.word.to_owned()
        } else {
            format!("{} {}", self.amount, self.word)
        }
    }
}

/// The change of a number from `baseline` to `current`, judged at
/// `resolution`; `amount` writes its size.
pub fn number_change(
    current: f64,
    baseline: f64,
    resolution: f64,
    good: Good,
    amount: impl Fn(f64) -> String,
    lang: Lang,
) -> Change {
    let direction = direction(current, baseline, resolution);
    if direction == Direction::Same {
        return Change::same(lang);
    }
    Change {
        amount: size(current - baseline, amount),
        direction,
        tone: tone(direction, good),
        word: word(direction, lang),
    }
}

/// The change of the month the backlog is back within term.
pub fn month_change(current: Option<Date>, baseline: Option<Date>, f: &dyn Notation) -> Change {
    let lang = f.lang();
    let shift = month_shift(current, baseline);
    let (amount, word) = match shift {
        MonthShift::Months(0) | MonthShift::Neither => return Change::same(lang),
        MonthShift::Months(m) => {
            let unit = if m.abs() == 1 {
                i18n::MONTH
            } else {
                i18n::MONTHS
            };
            let word = if m > 0 { i18n::LATER } else { i18n::EARLIER };
            (
                format!("{} {}", f.whole(f64::from(m.abs())), unit.get(lang)),
                word.get(lang),
            )
        }
        MonthShift::NowWithin => (String::new(), i18n::NOW_WITHIN.get(lang)),
        MonthShift::NowNever => (String::new(), i18n::NOW_NEVER.get(lang)),
    };
    Change {
        amount,
        direction: shift.direction(),
        tone: shift.tone(),
        word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::compact::{Digits, euro};
    use crate::view_model::notation::Plain;

    impl Change {
        /// The change as a card shows it: the arrow, then the words.
        fn shown(&self) -> String {
            format!("{} {}", arrow(self.direction), self.text())
        }
    }

    /// A money change as the cards write it, spaces plain.
    fn money(now: f64, was: f64, lang: Lang) -> String {
        number_change(
            now,
            was,
            50_000.0,
            Good::Lower,
            |v| euro(v, lang, Digits::OneDecimal),
            lang,
        )
        .shown()
        .replace('\u{a0}', " ")
    }

    #[test]
    fn arrow_size_and_word_agree() {
        // The first year's cost of a scenario € 428,2 thousand below its
        // baseline: one way, said three times, never a sign against it.
        assert_eq!(
            money(1_000_000.0, 1_428_200.0, Lang::Nl),
            "▼ € 428,2 dzd. lager"
        );
        assert_eq!(money(1_000_000.0, 1_428_200.0, Lang::En), "▼ €428.2k lower");
        assert_eq!(
            money(10_000_000.0, 33_600_000.0, Lang::Nl),
            "▼ € 23,6 mln. lager"
        );
        assert_eq!(
            money(1_401_600.0, 1_000_000.0, Lang::En),
            "▲ €401.6k higher"
        );
        assert_eq!(
            money(1_000_000.0, 1_020_000.0, Lang::Nl),
            "= gelijk aan basislijn"
        );
        for (now, was) in [(0.0, 5e7), (5e7, 0.0), (1e4, 9e5), (3e9, 1e6), (-2e6, 1e6)] {
            for lang in [Lang::Nl, Lang::En] {
                let text = money(now, was, lang);
                let body = text.trim_start_matches(['▲', '▼', '=', ' ']);
                assert!(!body.contains(['+', '−', '-']), "{text}");
                let down = text.starts_with('▼');
                assert_eq!(down, now < was, "{text}");
                assert_eq!(
                    text.ends_with(LOWER.get(lang)),
                    down,
                    "the word says the arrow's way: {text}"
                );
            }
        }
    }

    #[test]
    fn a_month_change_reads_as_months_or_a_phrase() {
        let f = Plain(Lang::Nl);
        let d = |y, m| Some(Date::from_ymd(y, m, 1).unwrap());
        assert_eq!(
            month_change(d(2026, 1), d(2026, 4), &f).shown(),
            "▼ 3 maanden eerder"
        );
        assert_eq!(
            month_change(d(2026, 5), d(2026, 4), &Plain(Lang::En)).shown(),
            "▲ 1 month later"
        );
        let within = month_change(d(2026, 5), None, &f);
        assert_eq!(within.tone, Tone::Better);
        assert_eq!(within.text(), i18n::NOW_WITHIN.get(Lang::Nl));
        assert_eq!(month_change(None, None, &f).direction, Direction::Same);
    }

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
