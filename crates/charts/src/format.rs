//! Number, money and date formatting for the charts' labels and readouts.
//!
//! The app supplies its own [`Format`] in the browser (through `Intl`, in the
//! page's locale); [`PlainFormat`] is the pure-Rust one used natively and as a
//! fallback. Its output follows the Dutch and English conventions:
//! `12.345` and `€ 1,2 mln.` in Dutch, `12,345` and `€1.2M` in English.

use doorstroom_model::{Date, Lang};

/// How the charts turn numbers and dates into text.
pub trait Format {
    /// A count, rounded to a whole number, with thousands separators: `12.345`.
    fn number(&self, v: f64) -> String;
    /// An amount in euros, compact (for axes and readouts): `€ 12 mln.`, `€12M`.
    fn euro(&self, v: f64) -> String;
    /// A month with its year, short: `jan 2024`, `Jan 2024`.
    fn month(&self, d: Date) -> String;
    /// A duration in weeks, with its unit: `26 weken`, `26 weeks`.
    fn weeks(&self, v: f64) -> String;
    /// A day: `1 mei 2023`. Defaults to the day before [`Format::month`].
    fn date(&self, d: Date) -> String {
        format!("{} {}", d.day(), self.month(d))
    }
}

/// Pure-Rust formatting in Dutch or English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlainFormat {
    pub lang: Lang,
}

impl PlainFormat {
    pub fn new(lang: Lang) -> Self {
        PlainFormat { lang }
    }

    /// `v` with `decimals` decimals (trailing zeros dropped when `trim`),
    /// grouped by thousands: the model's one digit-grouping writer.
    pub fn decimal(&self, v: f64, decimals: usize, trim: bool) -> String {
        doorstroom_model::write_number(v, decimals, trim, self.lang)
    }
}

const MONTHS_NL: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Three significant digits at most, for compact amounts: 1.23, 12.3, 123.
fn compact_decimals(a: f64) -> usize {
    if a < 9.995 {
        2
    } else if a < 99.95 {
        1
    } else {
        0
    }
}

impl Format for PlainFormat {
    fn number(&self, v: f64) -> String {
        self.decimal(v, 0, false)
    }

    fn euro(&self, v: f64) -> String {
        let a = v.abs();
        let (body, unit) = if a >= 0.9995e9 {
            let x = v / 1e9;
            (
                self.decimal(x, compact_decimals(x.abs()), true),
                match self.lang {
                    Lang::Nl => " mld.",
                    Lang::En => "B",
                },
            )
        } else if a >= 0.9995e6 {
            let x = v / 1e6;
            (
                self.decimal(x, compact_decimals(x.abs()), true),
                match self.lang {
                    Lang::Nl => " mln.",
                    Lang::En => "M",
                },
            )
        } else {
            (self.decimal(v, 0, false), "")
        };
        match self.lang {
            Lang::Nl => format!("€ {body}{unit}"),
            Lang::En => match body.strip_prefix('−') {
                Some(rest) => format!("−€{rest}{unit}"),
                None => format!("€{body}{unit}"),
            },
        }
    }

    fn month(&self, d: Date) -> String {
        let i = (d.month() as usize).clamp(1, 12) - 1;
        let names = match self.lang {
            Lang::Nl => &MONTHS_NL,
            Lang::En => &MONTHS_EN,
        };
        format!("{} {}", names[i], d.year())
    }

    fn weeks(&self, v: f64) -> String {
        let body = if v.abs() < 9.95 {
            self.decimal(v, 1, true)
        } else {
            self.decimal(v, 0, false)
        };
        let one = body == "1";
        let unit = match (self.lang, one) {
            (Lang::Nl, true) => "week",
            (Lang::Nl, false) => "weken",
            (Lang::En, true) => "week",
            (Lang::En, false) => "weeks",
        };
        format!("{body} {unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NL: PlainFormat = PlainFormat { lang: Lang::Nl };
    const EN: PlainFormat = PlainFormat { lang: Lang::En };

    #[test]
    fn thousands_separators() {
        assert_eq!(NL.number(1234567.0), "1.234.567");
        assert_eq!(EN.number(1234567.0), "1,234,567");
        assert_eq!(NL.number(999.4), "999");
        assert_eq!(NL.number(999.6), "1.000");
        assert_eq!(EN.number(0.0), "0");
        assert_eq!(EN.number(-0.2), "0");
        assert_eq!(EN.number(-12345.0), "−12,345");
        assert_eq!(EN.number(100000.0), "100,000");
        assert_eq!(NL.number(f64::NAN), "–");
    }

    #[test]
    fn compact_euros() {
        assert_eq!(NL.euro(12_000_000.0), "€ 12 mln.");
        assert_eq!(EN.euro(12_000_000.0), "€12M");
        assert_eq!(NL.euro(1_234_567.0), "€ 1,23 mln.");
        assert_eq!(EN.euro(1_200_000.0), "€1.2M");
        assert_eq!(NL.euro(12_500_000.0), "€ 12,5 mln.");
        assert_eq!(EN.euro(250_000_000.0), "€250M");
        assert_eq!(NL.euro(2_500_000_000.0), "€ 2,5 mld.");
        assert_eq!(EN.euro(2_500_000_000.0), "€2.5B");
        assert_eq!(NL.euro(450_000.0), "€ 450.000");
        assert_eq!(EN.euro(450_000.0), "€450,000");
        assert_eq!(EN.euro(999_999.0), "€1M");
        assert_eq!(EN.euro(0.0), "€0");
        assert_eq!(EN.euro(-3_000_000.0), "−€3M");
    }

    #[test]
    fn months_and_days() {
        let d = Date::from_ymd(2024, 3, 4).expect("a date");
        assert_eq!(NL.month(d), "mrt 2024");
        assert_eq!(EN.month(d), "Mar 2024");
        assert_eq!(NL.date(d), "4 mrt 2024");
        assert_eq!(EN.date(d), "4 Mar 2024");
        let may = Date::from_ymd(2023, 5, 1).expect("a date");
        assert_eq!(NL.month(may), "mei 2023");
        assert_eq!(
            EN.month(Date::from_ymd(2033, 12, 31).expect("a date")),
            "Dec 2033"
        );
    }

    #[test]
    fn weeks_have_their_unit() {
        assert_eq!(NL.weeks(26.0), "26 weken");
        assert_eq!(EN.weeks(4.5), "4.5 weeks");
        assert_eq!(NL.weeks(4.5), "4,5 weken");
        assert_eq!(EN.weeks(1.0), "1 week");
        assert_eq!(EN.weeks(104.4), "104 weeks");
    }
}
