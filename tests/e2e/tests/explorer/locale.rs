//! Reading the page's figures back from its locale format: `150.567`,
//! `€ 671,9 mln.`, `39,2%` in Dutch; `150,567`, `€671.9m`, `39.2%` in
//! English. Strict: text that is not a figure in that format is `None`.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    Nl,
    En,
}

impl Locale {
    fn separators(self) -> (char, char) {
        match self {
            Locale::Nl => ('.', ','),
            Locale::En => (',', '.'),
        }
    }

    /// How the page starts the month the backlog is back within term when
    /// it never is.
    pub fn not_before(self) -> &'static str {
        match self {
            Locale::Nl => "niet vóór",
            Locale::En => "not before",
        }
    }
}

/// Spaces of every width (Intl uses no-break and narrow no-break spaces).
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}'
}

/// A number with the locale's grouping and decimal signs.
pub fn parse_number(text: &str, locale: Locale) -> Option<f64> {
    let (group, decimal) = locale.separators();
    let mut normal = String::new();
    for c in text.trim().chars() {
        match c {
            '0'..='9' => normal.push(c),
            '-' | '−' => normal.push('-'),
            '+' => {}
            c if c == group => {}
            c if c == decimal => normal.push('.'),
            _ => return None,
        }
    }
    normal.parse().ok()
}

/// A compact euro amount: the sign, the number and the magnitude word.
pub fn parse_money(text: &str, locale: Locale) -> Option<f64> {
    let body: String = text
        .chars()
        .filter(|c| !is_space(*c) && *c != '€')
        .collect();
    let magnitudes: &[(&str, f64)] = match locale {
        // Dutch abbreviates with a point and never writes "K".
        Locale::Nl => &[("mld.", 1e9), ("mln.", 1e6), ("dzd.", 1e3), ("", 1.0)],
        Locale::En => &[
            ("bn", 1e9),
            ("B", 1e9),
            ("m", 1e6),
            ("M", 1e6),
            ("k", 1e3),
            ("K", 1e3),
            ("", 1.0),
        ],
    };
    magnitudes.iter().find_map(|(word, factor)| {
        let number = body.strip_suffix(word)?;
        parse_number(number, locale).map(|x| x * factor)
    })
}

/// A percentage as a share: `39,2%` is 0.392.
pub fn parse_percent(text: &str, locale: Locale) -> Option<f64> {
    let body: String = text.chars().filter(|c| !is_space(*c)).collect();
    parse_number(body.strip_suffix('%')?, locale).map(|x| x / 100.0)
}

/// Checks the readers on known texts (run as one of the end-to-end trials,
/// since this test target has no libtest harness of its own).
pub fn self_check() {
    let close = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() <= b.abs() * 1e-12);
    assert_eq!(parse_number("150.567", Locale::Nl), Some(150_567.0));
    assert_eq!(parse_number("150,567", Locale::En), Some(150_567.0));
    assert!(close(parse_money("€ 671,9 mln.", Locale::Nl), 671.9e6));
    assert!(close(parse_money("€671.9m", Locale::En), 671.9e6));
    assert!(close(
        parse_money("€\u{a0}1,2\u{a0}mld.", Locale::Nl),
        1.2e9
    ));
    assert!(close(parse_percent("39,2%", Locale::Nl), 0.392));
    assert!(close(parse_percent("39.2%", Locale::En), 0.392));
    assert_eq!(parse_number("later", Locale::En), None);
    assert_eq!(parse_money("€ 12 mln", Locale::En), None);
    assert!(close(parse_money("€ 401,6 dzd.", Locale::Nl), 401_600.0));
    assert_eq!(parse_money("€ 401,6K", Locale::Nl), None);
    assert!(close(parse_money("€23.6M", Locale::En), 23.6e6));
}
