//! What the model says when it reads or validates a scenario and has to
//! change or ignore something. The page shows these; the CLI prints them to
//! stderr.

use crate::levers::lever;
use crate::text::Lang;

/// Why a value was not used as given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WarningKind {
    /// The URL has a key that is no lever; it is ignored.
    UnknownKey,
    /// The value could not be read; the lever keeps its default.
    Unreadable,
    /// The value was out of range; the nearest allowed value is used.
    Clamped,
}

/// One change or omission, with what was given and what is used instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The URL key (or lever key) concerned.
    pub key: String,
    /// The value as given.
    pub given: String,
    /// The value used instead, in URL form; `None` if the key is ignored.
    pub used: Option<String>,
    pub kind: WarningKind,
}

impl Warning {
    /// The warning as a sentence for people.
    pub fn message(&self, lang: Lang) -> String {
        let name = lever(&self.key)
            .map(|l| l.label)
            .or_else(|| crate::uncertainty::label(&self.key))
            .map_or(self.key.as_str(), |label| label.get(lang));
        let used = self.used.as_deref().unwrap_or("");
        match (self.kind, lang) {
            (WarningKind::UnknownKey, Lang::Nl) => {
                format!("Onbekende instelling ‘{}’ genegeerd.", self.key)
            }
            (WarningKind::UnknownKey, Lang::En) => {
                format!("Unknown setting ‘{}’ ignored.", self.key)
            }
            (WarningKind::Unreadable, Lang::Nl) => {
                format!("{name}: ‘{}’ is onleesbaar; {used} gebruikt.", self.given)
            }
            (WarningKind::Unreadable, Lang::En) => {
                format!("{name}: ‘{}’ cannot be read; using {used}.", self.given)
            }
            (WarningKind::Clamped, Lang::Nl) => {
                format!(
                    "{name}: {} valt buiten het bereik; {used} gebruikt.",
                    self.given
                )
            }
            (WarningKind::Clamped, Lang::En) => {
                format!("{name}: {} is out of range; using {used}.", self.given)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_lever() {
        let w = Warning {
            key: "intake".into(),
            given: "1e9".into(),
            used: Some("200000".into()),
            kind: WarningKind::Clamped,
        };
        assert_eq!(
            w.message(Lang::En),
            "Intake: 1e9 is out of range; using 200000."
        );
        assert!(w.message(Lang::Nl).starts_with("Instroom: 1e9"));
        let unknown = Warning {
            key: "x".into(),
            given: "1".into(),
            used: None,
            kind: WarningKind::UnknownKey,
        };
        assert!(unknown.message(Lang::Nl).contains("‘x’"));
    }
}
