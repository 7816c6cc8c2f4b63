//! What makes a text safe to leave the page, one function per format.
//!
//! A title or note is typed by anyone and travels in links, so every text
//! that leaves the page passes the function of the format it goes into:
//!
//! - [`line`]: one line of ordinary characters, for the tab title, a PNG's
//!   caption, the handout and a notice. Line and paragraph breaks become
//!   spaces; control characters, the marks that reorder right-to-left text
//!   (U+202E and friends, which can make a sentence around a title read
//!   backwards) and Unicode's noncharacters (U+FFFE, U+FFFF …) are removed.
//! - [`csv_cell`]: a text cell of a spreadsheet file, [`line`] quoted, with
//!   a leading `=`, `+`, `-`, `@`, tab or CR neutralised by a `'` (OWASP's
//!   advice on CSV injection), so that no cell runs as a formula.
//! - [`svg`]: an SVG document with only the characters XML allows, and no
//!   reordering marks.
//! - File names are `doorstroom_charts::slug`: lower-case ASCII letters,
//!   digits and `-` only.
//!
//! Zero-width joiners stay: they hold emoji and some scripts together.

/// Whether `c` reorders right-to-left text: the embeddings, overrides and
/// isolates, and the directional marks.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Whether `c` is one of Unicode's noncharacters (never to be interchanged;
/// U+FFFE and U+FFFF are not even allowed in XML).
pub fn is_noncharacter(c: char) -> bool {
    let c = c as u32;
    (0xFDD0..=0xFDEF).contains(&c) || c & 0xFFFE == 0xFFFE
}

/// Whether `c` breaks a line: a spreadsheet or a comment line would end at it.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Whether `c` takes no room and shows nothing: a title made only of these
/// (and spaces) is no title.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || is_bidi_control(c)
        || is_noncharacter(c)
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200D}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// Whether `text` shows anything at all.
pub fn is_visible(text: &str) -> bool {
    text.chars().any(|c| !is_invisible(c))
}

/// `text` as one line of ordinary characters (see the module's doc).
pub fn line(text: &str) -> String {
    text.chars()
        .filter_map(|c| {
            if is_line_break(c) {
                Some(' ')
            } else if c.is_control() || is_bidi_control(c) || is_noncharacter(c) || c == '\u{FEFF}'
            {
                None
            } else {
                Some(c)
            }
        })
        .collect()
}

/// The characters a spreadsheet reads as the start of a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `text` as a quoted text cell of a spreadsheet file, in any separator
/// (see the module's doc): quotes doubled, as RFC 4180 does it.
pub fn csv_cell(text: &str) -> String {
    let clean = line(text);
    let neutral = if clean.starts_with(FORMULA_STARTS) {
        format!("'{clean}")
    } else {
        clean
    };
    format!("\"{}\"", neutral.replace('"', "\"\""))
}

/// Whether XML allows `c` in a document (XML 1.0's `Char`).
fn xml_allows(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// An SVG document with every character XML does not allow, every
/// noncharacter and every reordering mark removed, and line or paragraph
/// separators as spaces (see the module's doc).
/// Its markup is the drawing library's; only the text in it can hold these.
pub fn svg(document: &str) -> String {
    document
        .chars()
        .filter(|&c| xml_allows(c) && !is_noncharacter(c) && !is_bidi_control(c))
        .map(|c| {
            if matches!(c, '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_line_loses_breaks_controls_reordering_marks_and_noncharacters() {
        assert_eq!(line("a\u{202E}b\u{0}c\nd\u{2028}e"), "abc d e");
        assert_eq!(line("x\u{FFFE}\u{FFFF}\u{FDD0}y"), "xy");
        assert_eq!(line("٧٧٠٠٠ 🙂 👩‍👩‍👧"), "٧٧٠٠٠ 🙂 👩‍👩‍👧");
    }

    #[test]
    fn formulas_are_neutralised_and_quotes_doubled() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+cmd|' /C calc'!A0"), "\"'+cmd|' /C calc'!A0\"");
        assert_eq!(csv_cell("-2"), "\"'-2\"");
        assert_eq!(csv_cell("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(csv_cell("Meer personeel; 2025"), "\"Meer personeel; 2025\"");
    }

    #[test]
    fn only_zero_width_characters_are_invisible() {
        assert!(!is_visible("\u{200B}\u{200B} \u{FEFF}\u{2060}"));
        assert!(is_visible("\u{200B}a"));
        assert!(is_visible("🙂"));
    }

    /// A cell as a spreadsheet reads it, in each separator: one field.
    fn read_cells(text: &str, separator: u8) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .delimiter(separator)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect()
    }

    /// Text as people type it: letters of several scripts, digits, spaces
    /// and punctuation, none of it a formula's start.
    fn ordinary() -> impl Strategy<Value = String> {
        "[a-zA-Zé0-9 .,;:()/'\"%€ا-ي一-龥]{0,40}"
            .prop_filter("no formula start", |s| !s.starts_with(FORMULA_STARTS))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn any_text_is_one_cell_and_never_a_formula(text in any::<String>()) {
            let cell = csv_cell(&text);
            for separator in [b',', b';', b'\t'] {
                // Two cells and a second row: the cell holds whatever the
                // text holds, and ends where it should.
                let file = format!("{cell}{}{cell}\n\"next\"\n", separator as char);
                let rows = read_cells(&file, separator);
                prop_assert_eq!(rows.len(), 2, "{:?}", file);
                prop_assert_eq!(rows[0].len(), 2);
                let read = &rows[0][0];
                prop_assert!(!read.starts_with(FORMULA_STARTS), "{:?}", read);
                prop_assert!(!read.chars().any(|c| is_bidi_control(c) || c.is_control()
                    || is_noncharacter(c) || c == '\u{2028}' || c == '\u{2029}'), "{:?}", read);
            }
        }

        #[test]
        fn ordinary_text_reads_back_unchanged(text in ordinary()) {
            let rows = read_cells(&format!("{};1\n", csv_cell(&text)), b';');
            prop_assert_eq!(&rows[0][0], &text);
            prop_assert_eq!(line(&text), text.clone());
            prop_assert_eq!(svg(&text), text);
        }

        #[test]
        fn any_text_in_an_svg_leaves_only_xml_characters(text in any::<String>()) {
            let clean = svg(&text);
            let kept = |c: char| xml_allows(c) && !is_noncharacter(c) && !is_bidi_control(c)
                && !matches!(c, '\u{2028}' | '\u{2029}');
            prop_assert!(clean.chars().all(kept), "{:?}", clean);
            prop_assert!(line(&text).chars().all(xml_allows));
        }
    }
}
