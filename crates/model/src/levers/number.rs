//! Numbers as people write them, read and shown the same way in a number
//! field and in a link.
//!
//! Dutch writes `70.000` and `0,8`; English writes `70,000` and `0.8`; both
//! write `70 000`, and many Dutch readers type `0.8` as well. One reader
//! serves the fields and the links, so that the same text always gives the
//! same number, whatever the place it was typed in.

use crate::text::Lang;

/// The language's decimal sign and thousands separator.
fn signs(lang: Lang) -> (char, char) {
    match lang {
        Lang::Nl => (',', '.'),
        Lang::En => ('.', ','),
    }
}

/// How a lone separator followed by exactly three digits (`1.250`, `1,250`)
/// is read: the one case where a decimal sign and a thousands separator look
/// the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LoneGroup {
    /// As thousands, whichever sign: a whole-number lever (`77.000` and
    /// `77,000` are 77,000 in both languages).
    Thousands,
    /// By the language: its thousands separator groups, its decimal sign
    /// is a decimal sign. For a fractional lever whose range reaches 1,000.
    ByLanguage,
    /// As a decimal sign, whichever sign: a fractional lever whose range
    /// stays under 1,000 cannot mean thousands (`1.250` decisions per FTE
    /// is 1.25 in both languages).
    Decimal,
}

/// Whether `int` is digits grouped by threes with `sep` (`1.250.000`):
/// a first group of one to three digits not starting with 0, then groups of
/// exactly three.
fn grouped(int: &str, sep: char) -> bool {
    let mut groups = int.split(sep);
    let first = groups.next().unwrap_or_default();
    let mut rest = groups.peekable();
    rest.peek().is_some()
        && (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && !first.starts_with('0')
        && rest.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

fn digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

/// Reads a number typed in `lang`, or `None` if it is not a number. Values
/// beyond f64's range come back infinite (and zero below it), so that the
/// caller clamps them as it clamps any other value out of range.
pub(crate) fn read(text: &str, lang: Lang, lone: LoneGroup) -> Option<f64> {
    let text = text.trim();
    let (negative, body) = match text.chars().next()? {
        '-' | '−' => (true, &text[text.chars().next()?.len_utf8()..]),
        '+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    // Spaces (also the no-break and thin ones `Intl` writes) only ever group.
    let spaced = mantissa.contains([' ', '\u{a0}', '\u{202f}', '\u{2009}']);
    let mantissa: String = if spaced {
        let int_end = mantissa.find(['.', ',']).unwrap_or(mantissa.len());
        let int: String = mantissa[..int_end]
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect();
        if !grouped(&int, ' ') || mantissa[int_end..].contains(char::is_whitespace) {
            return None;
        }
        mantissa.chars().filter(|c| !c.is_whitespace()).collect()
    } else {
        mantissa.to_owned()
    };
    let (int, frac) = split_mantissa(&mantissa, lang, lone, spaced)?;
    if int.is_empty() && frac.is_empty() || !digits(&int) || !digits(frac) {
        return None;
    }
    let mut plain = String::with_capacity(int.len() + frac.len() + 8);
    if negative {
        plain.push('-');
    }
    plain.push_str(if int.is_empty() { "0" } else { &int });
    if !frac.is_empty() {
        plain.push('.');
        plain.push_str(frac);
    }
    if let Some(e) = exponent {
        let e_digits = e.strip_prefix(['-', '+']).unwrap_or(e);
        if e_digits.is_empty() || !digits(e_digits) {
            return None;
        }
        plain.push('e');
        plain.push_str(e);
    }
    // Rust's reader is exact (correctly rounded) and turns what is beyond
    // f64's range into an infinity or a zero, never an error.
    let x: f64 = plain.parse().ok()?;
    Some(if x == 0.0 { 0.0 } else { x })
}

/// The integer digits (without separators) and the fraction's digits.
fn split_mantissa(m: &str, lang: Lang, lone: LoneGroup, spaced: bool) -> Option<(String, &str)> {
    let dots = m.matches('.').count();
    let commas = m.matches(',').count();
    let as_decimal = |sep: char| {
        let (int, frac) = m.split_once(sep)?;
        Some((int.to_owned(), frac))
    };
    let as_groups = |sep: char| grouped(m, sep).then(|| (m.replace(sep, ""), ""));
    match (dots, commas) {
        (0, 0) => Some((m.to_owned(), "")),
        // Both signs: the last is the decimal sign, the other groups.
        (_, _) if dots > 0 && commas > 0 => {
            let last = m.rfind(['.', ','])?;
            let decimal = m[last..].chars().next()?;
            let group = if decimal == '.' { ',' } else { '.' };
            if m.matches(decimal).count() != 1 {
                return None;
            }
            let (int, frac) = m.split_once(decimal)?;
            grouped(int, group).then(|| (int.replace(group, ""), frac))
        }
        // One sign, more than once: it can only group.
        (d, c) if d > 1 || c > 1 => as_groups(if d > 1 { '.' } else { ',' }),
        _ => {
            let sep = if dots == 1 { '.' } else { ',' };
            // Spaces already grouped the integer: this is its decimal sign.
            if spaced || !grouped(m, sep) {
                return as_decimal(sep);
            }
            let thousands = match lone {
                LoneGroup::Thousands => true,
                LoneGroup::ByLanguage => sep == signs(lang).1,
                LoneGroup::Decimal => false,
            };
            if thousands {
                as_groups(sep)
            } else {
                as_decimal(sep)
            }
        }
    }
}

/// `x` as a reader writes it in `lang`: thousands grouped, at most
/// `decimals` decimals with trailing zeros dropped, `−` for minus:
/// `70.000`, `0,8`, `1.250,5` in Dutch; `70,000`, `0.8` in English.
pub(crate) fn show(x: f64, decimals: usize, lang: Lang) -> String {
    write_number(x, decimals, true, lang)
}

/// `x` with `decimals` decimals in `lang`'s notation, thousands grouped,
/// `−` for a minus that leaves a digit showing, trailing zeros dropped
/// when `trim`: the one digit-grouping writer, of the levers' fields and
/// the charts' labels alike.
pub fn write_number(x: f64, decimals: usize, trim: bool, lang: Lang) -> String {
    if !x.is_finite() {
        return "–".to_owned();
    }
    let (decimal, group) = signs(lang);
    let text = format!("{:.*}", decimals, x.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac = if trim {
        frac.trim_end_matches('0')
    } else {
        frac
    };
    let negative = x < 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b));
    let mut out = String::with_capacity(text.len() + text.len() / 3 + 2);
    if negative {
        out.push('−');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

/// `x` as written in a link: the shortest text that reads back to exactly
/// `x`. Whole numbers below 10^15 are written out (`77000`, readable in a
/// link); anything else takes the exponent form where that is at least
/// three characters shorter (`1e-320`, not 323 zeros; but `0.001`). Negative zero is `0`.
pub(crate) fn link_text(x: f64) -> String {
    if x == 0.0 {
        return "0".to_owned();
    }
    let plain = format!("{x}");
    if x.fract() == 0.0 && x.abs() < 1e15 {
        return plain;
    }
    // A few characters saved are not worth the reader's trouble.
    let exponent = format!("{x:e}");
    if exponent.len() + 3 <= plain.len() {
        exponent
    } else {
        plain
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use LoneGroup::*;

    #[test]
    fn whole_numbers_group_in_either_notation_and_language() {
        for lang in [Lang::Nl, Lang::En] {
            for text in [
                "77000",
                "77.000",
                "77,000",
                "77 000",
                "77\u{a0}000",
                "+77000",
            ] {
                assert_eq!(
                    read(text, lang, Thousands),
                    Some(77_000.0),
                    "{text} {lang:?}"
                );
            }
            assert_eq!(read("1.077.000", lang, Thousands), Some(1_077_000.0));
            assert_eq!(read("1,077,000", lang, Thousands), Some(1_077_000.0));
            assert_eq!(read("1 077 000", lang, Thousands), Some(1_077_000.0));
        }
    }

    #[test]
    fn decimals_follow_the_language() {
        let table = [
            // (text, lang, lone, expected)
            ("0,8", Lang::Nl, Decimal, Some(0.8)),
            ("0.8", Lang::Nl, Decimal, Some(0.8)),
            ("0.8", Lang::En, Decimal, Some(0.8)),
            ("0,8", Lang::En, Decimal, Some(0.8)),
            ("1.250", Lang::Nl, Decimal, Some(1.25)),
            ("1,250", Lang::En, Decimal, Some(1.25)),
            ("1.250", Lang::Nl, ByLanguage, Some(1_250.0)),
            ("1.250", Lang::En, ByLanguage, Some(1.25)),
            ("1,250", Lang::Nl, ByLanguage, Some(1.25)),
            ("1,250", Lang::En, ByLanguage, Some(1_250.0)),
            ("0.500", Lang::Nl, ByLanguage, Some(0.5)),
            ("1.250.000,5", Lang::Nl, Decimal, Some(1_250_000.5)),
            ("1,250,000.5", Lang::En, Decimal, Some(1_250_000.5)),
            ("1,250.5", Lang::Nl, Decimal, Some(1_250.5)),
            ("77.5", Lang::Nl, Thousands, Some(77.5)),
            ("77,5", Lang::En, Thousands, Some(77.5)),
            ("77.00", Lang::Nl, Thousands, Some(77.0)),
            (".5", Lang::En, Decimal, Some(0.5)),
            ("5.", Lang::En, Decimal, Some(5.0)),
            ("-3", Lang::En, Thousands, Some(-3.0)),
            ("−3", Lang::Nl, Thousands, Some(-3.0)),
            ("-0", Lang::En, Thousands, Some(0.0)),
            ("2,5e3", Lang::Nl, Decimal, Some(2_500.0)),
            ("1e-3", Lang::En, Decimal, Some(0.001)),
            ("1E5", Lang::En, Thousands, Some(100_000.0)),
        ];
        for (text, lang, lone, expected) in table {
            assert_eq!(read(text, lang, lone), expected, "{text} {lang:?} {lone:?}");
        }
    }

    #[test]
    fn what_is_no_number_is_none() {
        for bad in [
            "",
            " ",
            ",",
            ".",
            "-",
            "e5",
            "1e",
            "1e+",
            "abc",
            "inf",
            "NaN",
            "infinity",
            "7,7,7",
            "77.000,5,5",
            "1,2.3",
            "1 2",
            "12 34",
            "1.2.3",
            "0x10",
            "1_000",
            "٣",
        ] {
            assert_eq!(read(bad, Lang::Nl, Thousands), None, "{bad}");
            assert_eq!(read(bad, Lang::En, Decimal), None, "{bad}");
        }
    }

    #[test]
    fn beyond_f64_is_infinite_or_zero_not_unreadable() {
        assert_eq!(read("1e999", Lang::En, Decimal), Some(f64::INFINITY));
        assert_eq!(read("-1e999", Lang::En, Decimal), Some(f64::NEG_INFINITY));
        assert_eq!(read("1e-999", Lang::En, Decimal), Some(0.0));
        let long = "9".repeat(5_000);
        assert_eq!(read(&long, Lang::Nl, Thousands), Some(f64::INFINITY));
    }

    #[test]
    fn shown_in_the_reader_s_notation() {
        assert_eq!(show(70_000.0, 0, Lang::Nl), "70.000");
        assert_eq!(show(70_000.0, 0, Lang::En), "70,000");
        assert_eq!(show(0.8, 3, Lang::Nl), "0,8");
        assert_eq!(show(1_250_000.5, 3, Lang::Nl), "1.250.000,5");
        assert_eq!(show(-1_200.0, 0, Lang::En), "−1,200");
        assert_eq!(show(-0.0001, 3, Lang::En), "0");
        assert_eq!(show(12.000_000_000_000_002, 3, Lang::En), "12");
        assert_eq!(show(999.0, 0, Lang::Nl), "999");
    }

    #[test]
    fn link_numbers_are_short_and_exact() {
        for (x, text) in [
            (77_000.0, "77000"),
            (0.7, "0.7"),
            (-0.0, "0"),
            (1e-320, "1e-320"),
            (1e300, "1e300"),
            (0.000_123, "0.000123"),
            (1.23e-9, "1.23e-9"),
            (0.001, "0.001"),
            (1.5e-7, "1.5e-7"),
        ] {
            assert_eq!(link_text(x), text);
            assert_eq!(
                read(text, Lang::Nl, Decimal),
                Some(if x == 0.0 { 0.0 } else { x })
            );
        }
    }
}
