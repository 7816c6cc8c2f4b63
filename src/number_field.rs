//! What a lever's number field shows and reads: plain decimals in the
//! reader's own notation. Pure, so it is tested natively.

use doorstroom_model::Lang;

/// A number as a number field holds it: no thousands separator, at most
/// three decimals, no trailing zeros (so 0.12 × 100 shows as 12, not as
/// 12.000000000000002), and the language's decimal sign (`0,8` in Dutch).
pub fn field_text(value: f64, lang: Lang) -> String {
    let text = format!("{value:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let text = if text == "-0" { "0" } else { text };
    match lang {
        Lang::Nl => text.replace('.', ","),
        Lang::En => text.to_owned(),
    }
}

/// Reads what a reader typed in a number field. In English a comma groups
/// thousands and a dot is the decimal sign. In Dutch it is the other way
/// round, but a dot is still read as a decimal sign unless it groups
/// thousands (`77.000`), since many Dutch readers type `0.8` too.
pub fn parse_field(text: &str, lang: Lang) -> Option<f64> {
    let cleaned: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let normal = match lang {
        Lang::En => cleaned.replace(',', ""),
        Lang::Nl => {
            if cleaned.contains(',') {
                cleaned.replace('.', "").replace(',', ".")
            } else if groups_thousands(&cleaned) {
                cleaned.replace('.', "")
            } else {
                cleaned
            }
        }
    };
    normal.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Whether every dot in `text` is followed by exactly three digits, as in
/// `77.000` or `1.250.000`.
fn groups_thousands(text: &str) -> bool {
    let mut parts = text.split('.');
    let first = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    !rest.is_empty()
        && !first.trim_start_matches('-').is_empty()
        && first.trim_start_matches('-').len() <= 3
        && rest
            .iter()
            .all(|p| p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_text_is_plain_and_short() {
        assert_eq!(field_text(77_000.0, Lang::Nl), "77000");
        assert_eq!(field_text(0.12 * 100.0, Lang::En), "12");
        assert_eq!(field_text(0.8, Lang::En), "0.8");
        assert_eq!(field_text(0.8, Lang::Nl), "0,8");
        assert_eq!(field_text(53.6, Lang::En), "53.6");
        assert_eq!(field_text(-0.0001, Lang::En), "0");
    }

    #[test]
    fn fields_read_what_readers_type() {
        assert_eq!(parse_field("0,8", Lang::Nl), Some(0.8));
        assert_eq!(parse_field("0.8", Lang::Nl), Some(0.8));
        assert_eq!(parse_field("77.000", Lang::Nl), Some(77_000.0));
        assert_eq!(parse_field("1.250.000,5", Lang::Nl), Some(1_250_000.5));
        assert_eq!(parse_field("77,000", Lang::En), Some(77_000.0));
        assert_eq!(parse_field(" 77000 ", Lang::En), Some(77_000.0));
        assert_eq!(parse_field("53.6", Lang::Nl), Some(53.6));
        assert_eq!(parse_field("abc", Lang::En), None);
        assert_eq!(parse_field("inf", Lang::Nl), None);
    }
}
