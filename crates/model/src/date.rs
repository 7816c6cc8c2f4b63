//! A civil date in the proleptic Gregorian calendar, as a day number.
//!
//! The model steps in weeks but its rules are written in dates (terms lapse
//! on a calendar day, the extension ends on 1 January 2024), so it needs a
//! small, exact date type. Days are counted from 1970-01-01, which makes
//! `add_days` and `days_until` plain integer arithmetic; the conversion to and
//! from year-month-day is Howard Hinnant's `days_from_civil` algorithm.

use std::fmt;
use std::str::FromStr;

/// A calendar day, `Copy` and totally ordered. Years 1 to 9999 only, so that
/// every date has the four-digit `YYYY-MM-DD` form of the URL.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Days since 1970-01-01 (negative before it).
    days: i32,
}

/// The first and last representable days, 0001-01-01 and 9999-12-31.
const MIN_DAYS: i32 = -719_162;
const MAX_DAYS: i32 = 2_932_896;

impl Date {
    /// The date of a year, month (1-12) and day (1-31), or `None` if there is
    /// no such day (30 February) or the year is outside 1..=9999.
    pub const fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if year < 1 || year > 9999 || month < 1 || month > 12 {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            days: days_from_civil(year, month, day),
        })
    }

    /// The year, 1..=9999.
    pub fn year(self) -> i32 {
        self.ymd().0
    }

    /// The month, 1..=12.
    pub fn month(self) -> u32 {
        self.ymd().1
    }

    /// The day of the month, 1..=31.
    pub fn day(self) -> u32 {
        self.ymd().2
    }

    /// The date `n` days later (earlier if `n` is negative), saturating at
    /// the ends of the representable range so that no input can panic.
    #[must_use]
    pub fn add_days(self, n: i64) -> Date {
        let days = i64::from(self.days)
            .saturating_add(n)
            .clamp(i64::from(MIN_DAYS), i64::from(MAX_DAYS));
        Date { days: days as i32 }
    }

    /// The number of days from `self` to `other` (negative if `other` is
    /// earlier).
    #[must_use]
    pub fn days_until(self, other: Date) -> i64 {
        i64::from(other.days) - i64::from(self.days)
    }

    /// The same day `months` calendar months later, clipped to the month's
    /// last day (31 August + 6 months = 28 or 29 February), which is how a
    /// term "in months" is counted. Saturates at the representable range.
    #[must_use]
    pub fn add_months(self, months: i32) -> Date {
        let (y, m, d) = self.ymd();
        Date::ymd_add_months(y, m, d, months)
    }

    /// The same day `a` and `b` months later, as two [`Date::add_months`]
    /// would give, reading the civil date once.
    #[must_use]
    pub(crate) fn add_months_both(self, a: i32, b: i32) -> (Date, Date) {
        let (y, m, d) = self.ymd();
        (
            Date::ymd_add_months(y, m, d, a),
            Date::ymd_add_months(y, m, d, b),
        )
    }

    fn ymd_add_months(y: i32, m: u32, d: u32, months: i32) -> Date {
        let index = i64::from(y) * 12 + i64::from(m - 1) + i64::from(months);
        let year = index.div_euclid(12);
        if year < 1 {
            return Date { days: MIN_DAYS };
        }
        if year > 9999 {
            return Date { days: MAX_DAYS };
        }
        let year = year as i32;
        let month = index.rem_euclid(12) as u32 + 1;
        let day = d.min(days_in_month(year, month));
        Date {
            days: days_from_civil(year, month, day),
        }
    }

    /// The first day of this date's month.
    #[must_use]
    pub fn first_of_month(self) -> Date {
        let (y, m, _) = self.ymd();
        Date {
            days: days_from_civil(y, m, 1),
        }
    }

    fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.days)
    }
}

const fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

const fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a valid civil date (Hinnant, "chrono-Compatible
/// Low-Level Date Algorithms"): years are shifted to start in March so that
/// the leap day is the last day of the shifted year.
const fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let y = year as i64 - (month <= 2) as i64;
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe - 719_468) as i32
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = i64::from(days) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// The reason a string is not a `YYYY-MM-DD` date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseDateError;

impl fmt::Display for ParseDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a date of the form YYYY-MM-DD")
    }
}

impl std::error::Error for ParseDateError {}

impl FromStr for Date {
    type Err = ParseDateError;

    /// Reads exactly `YYYY-MM-DD` (four, two and two ASCII digits).
    fn from_str(s: &str) -> Result<Date, ParseDateError> {
        let b = s.as_bytes();
        let shape_ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape_ok {
            return Err(ParseDateError);
        }
        let number = |range: std::ops::Range<usize>| -> u32 {
            b[range].iter().fold(0, |n, c| n * 10 + u32::from(c - b'0'))
        };
        Date::from_ymd(number(0..4) as i32, number(5..7), number(8..10)).ok_or(ParseDateError)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn epoch_and_known_days() {
        assert_eq!(Date::from_ymd(1970, 1, 1).unwrap().days, 0);
        assert_eq!(d("2023-05-01").days, 19_478);
        assert_eq!(d("2000-03-01").days_until(d("2000-02-28")), -2);
    }

    #[test]
    fn round_trips_every_day_of_four_centuries() {
        let first = d("1900-01-01");
        let mut previous = first;
        for n in 1..(146_097 + 366) {
            let day = first.add_days(n);
            assert_eq!(day.to_string().parse::<Date>().unwrap(), day);
            assert!(day > previous);
            previous = day;
        }
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::from_ymd(2023, 2, 29).is_none());
        assert!(Date::from_ymd(2024, 2, 29).is_some());
        assert!(Date::from_ymd(1900, 2, 29).is_none());
        assert!(Date::from_ymd(2023, 13, 1).is_none());
        assert!(Date::from_ymd(0, 1, 1).is_none());
        for bad in [
            "2023-5-01",
            "2023-05-01x",
            "2023/05/01",
            "",
            "+023-05-01",
            "2023-02-30",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
    }

    #[test]
    fn months_clip_to_the_last_day() {
        assert_eq!(d("2023-08-31").add_months(6), d("2024-02-29"));
        assert_eq!(d("2022-09-27").add_months(-6), d("2022-03-27"));
        assert_eq!(d("2023-01-15").add_months(15), d("2024-04-15"));
        assert_eq!(d("9999-12-01").add_months(1), Date { days: MAX_DAYS });
    }

    #[test]
    fn saturates_instead_of_overflowing() {
        assert_eq!(d("2023-01-01").add_days(i64::MAX).to_string(), "9999-12-31");
        assert_eq!(d("2023-01-01").add_days(i64::MIN).to_string(), "0001-01-01");
    }
}
