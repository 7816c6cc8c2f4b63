//! Large sums in words of the reader's language, written here rather than by
//! `Intl`'s compact notation: in `nl-NL` that writes thousands as "K"
//! ("€ 401,6K"), which no Dutch text does. Dutch uses `dzd.`, `mln.` and
//! `mld.` after a space, English (`en-GB`, as `Intl` writes it) `k`, `m` and
//! `bn` without one. Dutch spaces
//! are no-break spaces, as `Intl` writes them, so that a sum never breaks
//! over two lines.

use doorstroom_charts::PlainFormat;
use doorstroom_model::Lang;

/// How many digits a compact sum shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Digits {
    /// One decimal, always: `€ 23,6 mln.` (the headline figures).
    OneDecimal,
    /// At most three significant digits: `€ 7,24 mln.`, `€ 55 mln.` (notes).
    ThreeSignificant,
}

/// `value` euros, compact: `€ 23,6 mln.` / `€23.6M`; below a thousand, whole
/// euros. Rounding that reaches the next unit moves to it (`€ 1,0 mln.`,
/// not `€ 1.000,0 dzd.`). Negative sums carry a minus before the sign.
pub fn euro(value: f64, lang: Lang, digits: Digits) -> String {
    let plain = PlainFormat::new(lang);
    if !value.is_finite() {
        return "–".to_owned();
    }
    let units: [(f64, &str, &str); 3] =
        [(1e9, "mld.", "bn"), (1e6, "mln.", "m"), (1e3, "dzd.", "k")];
    let a = value.abs();
    let decimals = |x: f64| match digits {
        Digits::OneDecimal => 1,
        Digits::ThreeSignificant if x < 9.995 => 2,
        Digits::ThreeSignificant if x < 99.95 => 1,
        Digits::ThreeSignificant => 0,
    };
    let round = |x: f64, d: usize| (x * 10f64.powi(d as i32)).round() / 10f64.powi(d as i32);
    // The largest unit the sum reaches; one up when rounding reaches a
    // thousand of it (999,96 thousand shows as 1,0 million).
    let mut unit = units.iter().position(|u| a >= u.0);
    if let Some(i) = unit {
        let x = a / units[i].0;
        if i > 0 && round(x, decimals(x)) >= 1000.0 {
            unit = Some(i - 1);
        }
    }
    let body = unit.map(|i| {
        let (size, nl, en) = units[i];
        let x = a / size;
        // Formatting the rounded value rounds halves away from zero, as
        // `Intl` does (1,25 → 1,3), not to even.
        let d = decimals(x);
        let number = plain.decimal(round(x, d), d, digits == Digits::ThreeSignificant);
        match lang {
            Lang::Nl => format!("{number}\u{a0}{nl}"),
            Lang::En => format!("{number}{en}"),
        }
    });
    let body = body.unwrap_or_else(|| plain.decimal(a, 0, false));
    let negative = value < 0.0 && body.bytes().any(|b| (b'1'..=b'9').contains(&b));
    let minus = if negative { "−" } else { "" };
    match lang {
        Lang::Nl => format!("{minus}€\u{a0}{body}"),
        Lang::En => format!("{minus}€{body}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Digits::*;

    /// (value, Dutch, English, digits): the headline and note formats.
    const TABLE: [(f64, &str, &str, Digits); 14] = [
        (23_600_000.0, "€ 23,6 mln.", "€23.6m", OneDecimal),
        (401_600.0, "€ 401,6 dzd.", "€401.6k", OneDecimal),
        (1_250_000_000.0, "€ 1,3 mld.", "€1.3bn", OneDecimal),
        (999_960.0, "€ 1,0 mln.", "€1.0m", OneDecimal),
        (950.0, "€ 950", "€950", OneDecimal),
        (0.0, "€ 0", "€0", OneDecimal),
        (-23_600_000.0, "−€ 23,6 mln.", "−€23.6m", OneDecimal),
        (
            1_234_567_890_123.0,
            "€ 1.234,6 mld.",
            "€1,234.6bn",
            OneDecimal,
        ),
        (7_240_000.0, "€ 7,24 mln.", "€7.24m", ThreeSignificant),
        (55_000_000.0, "€ 55 mln.", "€55m", ThreeSignificant),
        (123_456.0, "€ 123 dzd.", "€123k", ThreeSignificant),
        (1_500.0, "€ 1,5 dzd.", "€1.5k", ThreeSignificant),
        (999_999.0, "€ 1 mln.", "€1m", ThreeSignificant),
        (-0.4, "€ 0", "€0", ThreeSignificant),
    ];

    #[test]
    fn dutch_and_english_compact_sums() {
        for (v, nl, en, digits) in TABLE {
            // Written with no-break spaces; the table reads easier with plain ones.
            assert_eq!(euro(v, Lang::Nl, digits).replace('\u{a0}', " "), nl, "{v}");
            assert_eq!(euro(v, Lang::En, digits), en, "{v}");
        }
    }

    #[test]
    fn dutch_never_writes_k_and_a_sum_has_one_sign() {
        let mut v = 0.37;
        while v < 1e13 {
            for digits in [OneDecimal, ThreeSignificant] {
                let nl = euro(v, Lang::Nl, digits);
                assert!(
                    !nl.contains('K') && !nl.contains('M') && !nl.contains('B'),
                    "{nl}"
                );
                assert!(!nl.contains('+'), "{nl}");
                let minus = euro(-v, Lang::Nl, digits);
                assert!(minus.matches('−').count() <= 1, "{minus}");
            }
            v *= 1.7;
        }
        assert!(f64::NAN.is_nan() && euro(f64::NAN, Lang::Nl, OneDecimal) == "–");
    }
}
