//! What the link notice says, bounded: however long a value or key in the
//! link and however many of them, the notice quotes a short prefix of each
//! and lists a handful, then "and N more", so it never pushes the figures
//! off the first screen. Pure text work, tested natively; the component is
//! `view/notice.rs`.

use doorstroom_address::{LinkWarning, PageWarning};
use doorstroom_model::{Lang, Warning, safe_text};

/// The most characters of a value or key the notice quotes; longer ones end
/// in "…". Enough for any real value (`2033-04-30`, `0,0060301501507537`).
pub const MAX_QUOTED_CHARS: usize = 24;

/// The most warnings the notice lists; the rest are counted.
pub const MAX_LISTED: usize = 5;

/// The lines of the notice: at most [`MAX_LISTED`], and the count of the
/// rest as a sentence when there are more.
#[derive(Debug, PartialEq)]
pub struct NoticeLines {
    pub listed: Vec<String>,
    pub more: Option<String>,
}

/// The notice's lines for `warnings` in `lang`.
pub fn notice_lines(warnings: &[LinkWarning], lang: Lang) -> NoticeLines {
    let listed = warnings
        .iter()
        .take(MAX_LISTED)
        .map(|warning| bounded(warning).message(lang))
        .collect();
    let rest = warnings.len().saturating_sub(MAX_LISTED);
    let more = (rest > 0).then(|| match lang {
        Lang::Nl => format!("en nog {rest}"),
        Lang::En => format!("and {rest} more"),
    });
    NoticeLines { listed, more }
}

/// The warning with every part it quotes from the link shortened.
fn bounded(warning: &LinkWarning) -> LinkWarning {
    match warning {
        LinkWarning::Scenario(w) => LinkWarning::Scenario(bounded_lever(w)),
        LinkWarning::Baseline(w) => LinkWarning::Baseline(bounded_lever(w)),
        LinkWarning::Bands(w) => LinkWarning::Bands(bounded_lever(w)),
        LinkWarning::Page(PageWarning::UnknownLanguage(given)) => {
            LinkWarning::Page(PageWarning::UnknownLanguage(quote(given)))
        }
        LinkWarning::Page(PageWarning::UnknownPublished(given)) => {
            LinkWarning::Page(PageWarning::UnknownPublished(quote(given)))
        }
        // Nothing from the link: the page's own words.
        LinkWarning::Page(PageWarning::Shortened(key, cut)) => {
            LinkWarning::Page(PageWarning::Shortened(key, quote(cut)))
        }
        LinkWarning::Page(
            page @ (PageWarning::ExtraQuestionMarks
            | PageWarning::Invisible(_)
            | PageWarning::TitleWithoutScenario(..)),
        ) => LinkWarning::Page(page.clone()),
    }
}

fn bounded_lever(warning: &Warning) -> Warning {
    Warning {
        key: quote(&warning.key),
        given: quote(&warning.given),
        used: warning.used.as_deref().map(quote),
        kind: warning.kind,
    }
}

/// At most [`MAX_QUOTED_CHARS`] characters of `text`, then "…" if there was
/// more. Characters that would not show as themselves (controls, and the
/// marks that reorder right-to-left text, which could make a quote read as
/// something else) are shown as "�".
pub fn quote(text: &str) -> String {
    let mut out: String = text
        .chars()
        .take(MAX_QUOTED_CHARS)
        .map(|c| if is_invisible(c) { '\u{FFFD}' } else { c })
        .collect();
    if text.chars().nth(MAX_QUOTED_CHARS).is_some() {
        out.push('…');
    }
    out
}

fn is_invisible(c: char) -> bool {
    c.is_control()
        || safe_text::is_bidi_control(c)
        || safe_text::is_noncharacter(c)
        || matches!(
            c,
            '\u{200B}'..='\u{200D}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use doorstroom_model::WarningKind;

    fn unknown(key: &str) -> LinkWarning {
        LinkWarning::Scenario(Warning {
            key: key.to_owned(),
            given: "1".to_owned(),
            used: None,
            kind: WarningKind::UnknownKey,
        })
    }

    fn unreadable(given: &str) -> LinkWarning {
        LinkWarning::Scenario(Warning {
            key: "intake".to_owned(),
            given: given.to_owned(),
            used: Some("70000".to_owned()),
            kind: WarningKind::Unreadable,
        })
    }

    #[test]
    fn short_text_is_quoted_whole() {
        assert_eq!(quote("lots"), "lots");
        assert_eq!(quote(""), "");
        let exactly = "x".repeat(MAX_QUOTED_CHARS);
        assert_eq!(quote(&exactly), exactly);
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        let digits = "7".repeat(5_000);
        let quoted = quote(&digits);
        assert_eq!(quoted, format!("{}…", "7".repeat(MAX_QUOTED_CHARS)));
        // By characters, never inside one.
        let accents = "é".repeat(100);
        assert_eq!(quote(&accents).chars().count(), MAX_QUOTED_CHARS + 1);
    }

    #[test]
    fn invisible_characters_show_as_replacements() {
        assert_eq!(quote("a\u{202E}b\u{0}c\nd"), "a\u{FFFD}b\u{FFFD}c\u{FFFD}d");
        assert_eq!(quote("٧٧٠٠٠ 🙂"), "٧٧٠٠٠ 🙂");
    }

    #[test]
    fn a_5000_digit_value_is_quoted_short() {
        let warning = unreadable(&"7".repeat(5_000));
        let lines = notice_lines(&[warning], Lang::En);
        assert_eq!(lines.more, None);
        let [line] = &lines.listed[..] else {
            panic!("{lines:?}")
        };
        assert!(line.chars().count() < 100, "{line}");
        assert!(
            line.contains(&format!("{}…", "7".repeat(MAX_QUOTED_CHARS))),
            "{line}"
        );
    }

    #[test]
    fn a_thousand_warnings_list_a_handful_and_count_the_rest() {
        let warnings: Vec<LinkWarning> = (0..1_000).map(|i| unknown(&format!("p{i}"))).collect();
        let lines = notice_lines(&warnings, Lang::Nl);
        assert_eq!(lines.listed.len(), MAX_LISTED);
        assert!(lines.listed[0].contains("‘p0’"), "{:?}", lines.listed);
        assert_eq!(lines.more.as_deref(), Some("en nog 995"));
        let english = notice_lines(&warnings, Lang::En);
        assert_eq!(english.more.as_deref(), Some("and 995 more"));
    }

    #[test]
    fn as_many_as_fit_are_all_listed() {
        let warnings: Vec<LinkWarning> =
            (0..MAX_LISTED).map(|i| unknown(&format!("p{i}"))).collect();
        let lines = notice_lines(&warnings, Lang::En);
        assert_eq!(lines.listed.len(), MAX_LISTED);
        assert_eq!(lines.more, None);
    }

    #[test]
    fn long_keys_are_quoted_short_and_the_baseline_is_named() {
        let LinkWarning::Scenario(warning) = unknown(&"x".repeat(3_000)) else {
            unreachable!()
        };
        let lines = notice_lines(&[LinkWarning::Baseline(warning)], Lang::En);
        let line = &lines.listed[0];
        assert!(line.starts_with("In the baseline: "), "{line}");
        assert!(line.chars().count() < 100, "{line}");
    }
}

#[cfg(test)]
mod page_warnings {
    use super::*;

    #[test]
    fn the_page_keys_values_are_quoted_short() {
        let long = "x".repeat(500);
        for warning in [
            PageWarning::UnknownLanguage(long.clone()),
            PageWarning::UnknownPublished(long),
        ] {
            let lines = notice_lines(&[LinkWarning::Page(warning)], Lang::En);
            assert!(lines.listed[0].chars().count() < 150, "{:?}", lines.listed);
            assert!(lines.listed[0].contains('…'), "{:?}", lines.listed);
        }
    }
}
