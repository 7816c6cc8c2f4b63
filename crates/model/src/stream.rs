//! The four streams of applications the model follows.

use crate::text::{Lang, Text, t};

/// A stream of applications with its own intake share, capacity, decision
/// term and penalty regime.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stream {
    /// Track 1: another EU state is responsible (Dublin regulation).
    Dublin,
    /// Track 2: safe country of origin or protection in another EU state.
    SafeCountry,
    /// Track 4: the general and extended asylum procedure (AA/VA).
    General,
    /// Family reunification of asylum holders (nareis).
    FamilyReunification,
}

impl Stream {
    /// Every stream, in the order of the result columns.
    pub const ALL: [Stream; 4] = [
        Stream::Dublin,
        Stream::SafeCountry,
        Stream::General,
        Stream::FamilyReunification,
    ];

    /// The short key used in URLs, CSV headers and column names.
    pub fn key(self) -> &'static str {
        match self {
            Stream::Dublin => "t1",
            Stream::SafeCountry => "t2",
            Stream::General => "t4",
            Stream::FamilyReunification => "nareis",
        }
    }

    /// The stream's name for people.
    pub fn label(self, lang: Lang) -> &'static str {
        self.text().get(lang)
    }

    fn text(self) -> Text {
        match self {
            Stream::Dublin => t("Spoor 1 (Dublin)", "Track 1 (Dublin)"),
            Stream::SafeCountry => t("Spoor 2 (veilig land)", "Track 2 (safe country)"),
            Stream::General => t("Spoor 4 (AA/VA)", "Track 4 (general procedure)"),
            Stream::FamilyReunification => t("Nareis", "Family reunification"),
        }
    }

    /// Whether this is an asylum track (1, 2 and 4): the scope of the seed's
    /// penalty forecast and of the temporary suspension of the statutory
    /// penalty.
    pub fn is_asylum(self) -> bool {
        !matches!(self, Stream::FamilyReunification)
    }

    /// The position of the stream in [`Stream::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_distinct_and_indices_follow_all() {
        for (i, s) in Stream::ALL.into_iter().enumerate() {
            assert_eq!(s.index(), i);
            assert!(!s.label(Lang::Nl).is_empty() && !s.label(Lang::En).is_empty());
        }
        let keys: Vec<_> = Stream::ALL.iter().map(|s| s.key()).collect();
        assert_eq!(keys, ["t1", "t2", "t4", "nareis"]);
    }
}
