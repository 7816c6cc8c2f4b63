//! How a value is written in a spreadsheet file of a language: Dutch
//! spreadsheets read `;` between fields and a decimal comma, English ones
//! `,` and a decimal point. No thousands separator: spreadsheets read a bare
//! number in either notation, and a grouped one may be read as text.

use crate::date::Date;
use crate::text::Lang;

/// The field separator and decimal sign of a language's spreadsheets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Notation {
    pub separator: char,
    pub decimal: char,
}

impl Notation {
    pub fn of(lang: Lang) -> Notation {
        match lang {
            Lang::Nl => Notation {
                separator: ';',
                decimal: ',',
            },
            Lang::En => Notation {
                separator: ',',
                decimal: '.',
            },
        }
    }

    /// A number as a cell: whole numbers without decimals, others with at
    /// most `decimals` (trailing zeros dropped), an ASCII minus; an
    /// undefined value is an empty cell.
    pub fn number(self, v: f64, decimals: usize) -> String {
        if !v.is_finite() {
            return String::new();
        }
        let text = format!("{v:.decimals$}");
        let text = if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.')
        } else {
            &text
        };
        // "-0" after rounding is zero.
        let text = if text == "-0" { "0" } else { text };
        text.replace('.', &self.decimal.to_string())
    }

    /// Text as a cell: always quoted, whatever the separator, and never a
    /// formula (the one rule, [`crate::safe_text::csv_cell`]).
    pub fn text(self, s: &str) -> String {
        crate::safe_text::csv_cell(s)
    }

    /// A day as a cell, `YYYY-MM-DD`: spreadsheets read it as a date.
    pub fn date(self, d: Date) -> String {
        d.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_both_notations() {
        let nl = Notation::of(Lang::Nl);
        let en = Notation::of(Lang::En);
        let table = [
            (0.0, "0", "0"),
            (63412.0, "63412", "63412"),
            (1234.5, "1234,5", "1234.5"),
            (0.126, "0,13", "0.13"),
            (-2.0, "-2", "-2"),
            (-0.001, "0", "0"),
            (26.004, "26", "26"),
            (f64::NAN, "", ""),
        ];
        for (v, dutch, english) in table {
            assert_eq!(nl.number(v, 2), dutch, "{v}");
            assert_eq!(en.number(v, 2), english, "{v}");
        }
    }

    #[test]
    fn text_is_always_quoted() {
        let nl = Notation::of(Lang::Nl);
        assert_eq!(nl.text("Voorraad, totaal"), "\"Voorraad, totaal\"");
        assert_eq!(nl.text("a;b"), "\"a;b\"");
        assert_eq!(Notation::of(Lang::En).text("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(nl.text("=1+1"), "\"'=1+1\"");
    }
}
