//! How the view model writes numbers, money and dates: the few notations
//! its texts need, as a trait. The page writes them through the browser's
//! `Intl` (`format::Formats`); the native tests write them with [`Plain`],
//! so that every text the view model makes is tested without a browser.

use doorstroom_model::{Date, Lang};

/// The notations of the view model's texts, in one language.
pub trait Notation {
    /// The language the texts are in.
    fn lang(&self) -> Lang;
    /// A whole number with the locale's thousands separator: `63.412`.
    fn whole(&self, value: f64) -> String;
    /// A number with one decimal: `2,5`.
    fn one_decimal(&self, value: f64) -> String;
    /// A share between 0 and 1 as a percentage with one decimal: `38,4%`.
    fn percent(&self, share: f64) -> String;
    /// Large sums with one decimal: `€ 55,3 mln.` / `€55.3m`.
    fn euro_compact(&self, value: f64) -> String;
    /// Sums in a note, to three significant digits: `€ 7,24 mln.`.
    fn euro_short(&self, value: f64) -> String;
    /// `mei 2024` / `May 2024`.
    fn month_long(&self, date: &Date) -> String;
    /// `mei 2024` / `May 2024` abbreviated: `jan 2027`.
    fn month_short(&self, date: &Date) -> String;
    /// `1 mei 2024` / `1 May 2024`.
    fn day(&self, date: &Date) -> String;
}

/// The notations written in Rust, as `Intl` writes them in `nl-NL` and
/// `en-GB`: what the native tests read the view model's texts with.
#[cfg(test)]
#[derive(Clone, Copy, Debug)]
pub struct Plain(pub Lang);

#[cfg(test)]
mod plain {
    use doorstroom_model::{Date, Lang, write_number};

    use super::{Notation, Plain};
    use crate::format::compact::{Digits, euro};

    const MONTHS_NL: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const MONTHS_EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];

    impl Plain {
        fn month_name(&self, date: &Date) -> &'static str {
            let i = date.month() as usize - 1;
            match self.0 {
                Lang::Nl => MONTHS_NL[i],
                Lang::En => MONTHS_EN[i],
            }
        }
    }

    impl Notation for Plain {
        fn lang(&self) -> Lang {
            self.0
        }

        fn whole(&self, value: f64) -> String {
            write_number(value, 0, false, self.0)
        }

        fn one_decimal(&self, value: f64) -> String {
            write_number(value, 1, false, self.0)
        }

        fn percent(&self, share: f64) -> String {
            format!("{}%", write_number(share * 100.0, 1, false, self.0))
        }

        fn euro_compact(&self, value: f64) -> String {
            euro(value, self.0, Digits::OneDecimal)
        }

        fn euro_short(&self, value: f64) -> String {
            euro(value, self.0, Digits::ThreeSignificant)
        }

        fn month_long(&self, date: &Date) -> String {
            format!("{} {}", self.month_name(date), date.year())
        }

        fn month_short(&self, date: &Date) -> String {
            // `Intl` abbreviates to three letters (`sep` in Dutch,
            // `Sept` in British English; the tests need not tell).
            let name: String = self.month_name(date).chars().take(3).collect();
            format!("{name} {}", date.year())
        }

        fn day(&self, date: &Date) -> String {
            format!("{} {} {}", date.day(), self.month_name(date), date.year())
        }
    }
}
