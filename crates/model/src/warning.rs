//! What the model says when it reads or validates a scenario and has to
//! change or ignore something. The page shows these, in its link notice and
//! beside a number field; the CLI prints them to stderr.

use crate::levers::{Adjustment, Lever, LeverKind, lever};
use crate::text::Lang;

/// Why a value was not used as given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WarningKind {
    /// The URL has a key that is no lever; it is ignored.
    UnknownKey,
    /// The value could not be read; the lever keeps its value.
    Unreadable,
    /// The value was read and brought to one the lever takes.
    Adjusted(Adjustment),
    /// The link was written by a newer version of the page; it is read as
    /// far as this version understands it.
    NewerVersion,
    /// The run's end lies before the day the levers act from: the end is
    /// put a year after that day.
    EndBeforeFrom,
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

/// A lever's value in URL form as a reader reads it: `200.000 per jaar`
/// (`with_unit`) or `200.000`, a date as it is, an option by its text.
fn shown(l: &Lever, link: &str, lang: Lang, with_unit: bool) -> String {
    match &l.kind {
        LeverKind::Number(n) => match n.read(link, Lang::En, false) {
            Some(x) if with_unit => n.describe(x, lang),
            Some(x) => n.field_text(x, lang),
            None => link.to_owned(),
        },
        LeverKind::Date(_) => link.to_owned(),
        LeverKind::Choice(c) => c.position(link).map_or_else(
            || link.to_owned(),
            |i| c.options[i].label.get(lang).to_owned(),
        ),
    }
}

impl Warning {
    /// What was done, without the lever's name: the note beside a field
    /// ("200.000 per jaar is het maximum; 200.000 gebruikt").
    pub fn note(&self, lang: Lang) -> String {
        let l = lever(&self.key);
        let used = self.used.as_deref().unwrap_or("");
        let (used_unit, used_plain) = match l {
            Some(l) => (shown(l, used, lang, true), shown(l, used, lang, false)),
            None => (used.to_owned(), used.to_owned()),
        };
        let given = &self.given;
        match (self.kind, lang) {
            (WarningKind::UnknownKey, Lang::Nl) => {
                format!("onbekende instelling ‘{}’ genegeerd", self.key)
            }
            (WarningKind::UnknownKey, Lang::En) => {
                format!("unknown setting ‘{}’ ignored", self.key)
            }
            // Nothing used in its place: the value is left out.
            (WarningKind::Unreadable, Lang::Nl) if used_plain.is_empty() => {
                format!("‘{given}’ is onleesbaar en niet gebruikt")
            }
            (WarningKind::Unreadable, Lang::En) if used_plain.is_empty() => {
                format!("‘{given}’ cannot be read and is not used")
            }
            (WarningKind::Unreadable, Lang::Nl) => {
                format!("‘{given}’ is onleesbaar; {used_plain} gebruikt")
            }
            (WarningKind::Unreadable, Lang::En) => {
                format!("‘{given}’ cannot be read; using {used_plain}")
            }
            (WarningKind::Adjusted(Adjustment::Maximum), Lang::Nl) => {
                format!("{used_unit} is het maximum; {used_plain} gebruikt")
            }
            (WarningKind::Adjusted(Adjustment::Maximum), Lang::En) => {
                format!("{used_unit} is the maximum; using {used_plain}")
            }
            (WarningKind::Adjusted(Adjustment::Minimum), Lang::Nl) => {
                format!("{used_unit} is het minimum; {used_plain} gebruikt")
            }
            (WarningKind::Adjusted(Adjustment::Minimum), Lang::En) => {
                format!("{used_unit} is the minimum; using {used_plain}")
            }
            (WarningKind::Adjusted(Adjustment::Rounded), Lang::Nl) => {
                format!("alleen hele getallen; {given} afgerond op {used_plain}")
            }
            (WarningKind::Adjusted(Adjustment::Rounded), Lang::En) => {
                format!("whole numbers only; {given} rounded to {used_plain}")
            }
            (WarningKind::EndBeforeFrom, Lang::Nl) => {
                format!("{given} ligt vóór ‘Uw keuzes vanaf’; een jaar daarna gebruikt: {used}")
            }
            (WarningKind::EndBeforeFrom, Lang::En) => {
                format!("{given} is before ‘Your choices from’; using a year after it: {used}")
            }
            (WarningKind::NewerVersion, Lang::Nl) => format!(
                "link van een nieuwere versie (v={given}); gelezen als versie {used}, controleer de waarden"
            ),
            (WarningKind::NewerVersion, Lang::En) => format!(
                "link from a newer version (v={given}); read as version {used}, check the values"
            ),
        }
    }

    /// The warning as a sentence for people: the lever's name and the note.
    pub fn message(&self, lang: Lang) -> String {
        let note = self.note(lang);
        let label = lever(&self.key)
            .map(|l| l.label)
            .or_else(|| crate::uncertainty::label(&self.key));
        match label {
            Some(label) => format!("{}: {note}.", label.get(lang)),
            None => capitalised(&note) + ".",
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_lever_and_use_the_reader_s_notation() {
        let w = Warning {
            key: "intake".into(),
            given: "1e9".into(),
            used: Some("200000".into()),
            kind: WarningKind::Adjusted(Adjustment::Maximum),
        };
        assert_eq!(
            w.message(Lang::En),
            "Intake: 200,000 per year is the maximum; using 200,000."
        );
        assert_eq!(
            w.note(Lang::Nl),
            "200.000 per jaar is het maximum; 200.000 gebruikt"
        );
        let unknown = Warning {
            key: "x".into(),
            given: "1".into(),
            used: None,
            kind: WarningKind::UnknownKey,
        };
        assert_eq!(
            unknown.message(Lang::Nl),
            "Onbekende instelling ‘x’ genegeerd."
        );
        let share = Warning {
            key: "past_term_share".into(),
            given: "2".into(),
            used: Some("1".into()),
            kind: WarningKind::Adjusted(Adjustment::Maximum),
        };
        assert_eq!(share.note(Lang::Nl), "100 % is het maximum; 100 gebruikt");
        let choice = Warning {
            key: "term".into(),
            given: "9".into(),
            used: Some("15".into()),
            kind: WarningKind::Unreadable,
        };
        assert!(
            choice
                .note(Lang::En)
                .ends_with("using 15 months for applications before the end date")
        );
    }
}
