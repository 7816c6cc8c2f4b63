//! The two languages of the page and the bilingual texts the model owns.

/// The page's languages: Dutch by default, English on a switch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

/// A text in both languages: the one bilingual text type of the model, the
/// charts and the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Text {
    pub nl: &'static str,
    pub en: &'static str,
}

impl Text {
    /// The text in `lang`.
    pub const fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => self.nl,
            Lang::En => self.en,
        }
    }
}

/// Shorthand for the many constant texts: `t("nl", "en")`.
pub const fn t(nl: &'static str, en: &'static str) -> Text {
    Text { nl, en }
}
