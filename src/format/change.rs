//! How a change against the baseline reads: once. The amount is the size of
//! the change without a sign and the word says which way ("€ 23,6 mln.
//! lager"); the arrow and colour beside it say it again for the eye. A sign
//! on the amount as well would make a fall read "▼ −€ 23,6 mln. lager".

use doorstroom_model::Lang;

use crate::delta::Direction;
use crate::i18n::{HIGHER, LOWER};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::delta::direction;
    use crate::format::compact::{Digits, euro};

    fn phrase(now: f64, was: f64, lang: Lang) -> String {
        let d = direction(now, was, 50_000.0);
        format!(
            "{} {}",
            size(now - was, |v| euro(v, lang, Digits::OneDecimal)),
            word(d, lang)
        )
        .replace('\u{a0}', " ")
    }

    #[test]
    fn a_change_reads_once() {
        assert_eq!(
            phrase(10_000_000.0, 33_600_000.0, Lang::Nl),
            "€ 23,6 mln. lager"
        );
        assert_eq!(phrase(1_401_600.0, 1_000_000.0, Lang::En), "€401.6k higher");
        assert_eq!(
            phrase(1_401_600.0, 1_000_000.0, Lang::Nl),
            "€ 401,6 dzd. hoger"
        );
        for (now, was) in [(0.0, 5e7), (5e7, 0.0), (1e4, 9e5), (3e9, 1e6)] {
            for lang in [Lang::Nl, Lang::En] {
                let text = phrase(now, was, lang);
                assert!(!text.contains(['+', '−', '-']), "{text}");
            }
        }
    }
}
