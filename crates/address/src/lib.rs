//! The page's address: everything Doorstroom keeps in its link, read by one
//! function and written by one, so that a link, Back and Forward, "copy
//! link" and every export say the same thing.
//!
//! ```text
//! ?v=2&intake=77000&term=6&base=v%3D2%26intake%3D67000&lang=en
//! ```
//!
//! - The scenario's own keys belong to the model (`Scenario::from_pairs`,
//!   `Scenario::to_query`), read in the link's language so that a number
//!   typed into a link means what it means typed into a field.
//! - `base=` is the pinned baseline: its own scenario query, encoded into
//!   one value, so that it carries the same format version and migrations.
//! - `lang=en` puts the page in English; Dutch is the default and is not
//!   written.
//! - The uncertainty bands' settings (`bands=on`, `runs=`, `seed=`, the
//!   `sd_…` spreads) belong to the model too (`BandSettings::from_pairs`,
//!   `BandSettings::to_query`); only those that differ from the default are
//!   written.
//! - `published=off` hides the published figures (the IND's record) on the
//!   charts; they are shown by default, and `on` is not written.
//! - `title=` and `note=` are the scenario's own short title and one-line
//!   note, shown on the page and in the browser's tab.
//! - `base_title=` names the baseline; `cmp1=`/`cmp1_title=` …
//!   `cmp3=`/`cmp3_title=` are the other pinned scenarios, compared on
//!   every chart (at most [`MAX_PINNED`] pinned in all, the baseline
//!   included). Without `base=` the baseline is the defaults of the
//!   scenario's world (`Scenario::world_defaults`: today's outlook, or the
//!   letter's world for a run whose levers act from its start), whatever
//!   is pinned.
//! - The link's format version (`v=2`, today's outlook as the defaults;
//!   `v=1` links keep the letter's) is the model's (`Scenario::from_pairs`).
//!
//! A pinned scenario is written compactly ([`pinned`]): its lever values in
//! a fixed order, separated by `*` (a character the query writer leaves as
//! it is), empty for a default, so that three pinned scenarios with every
//! lever changed still fit in a link of under 2,000 characters. An older
//! `base=` holding a whole scenario query (`v%3D1%26intake%3D…`) still reads.
//!
//! A key the page adds (compared scenarios, a deck, switches) gets a field
//! in [`PageState`], an arm in [`PageState::read`] and a line in
//! [`PageState::to_query`], and nowhere else.
//!
//! Pure Rust, no web: tested natively and fuzzed.

use std::borrow::Cow;

use doorstroom_model::uncertainty::BandSettings;
use doorstroom_model::{Lang, Scenario, Warning, safe_text, t};

pub mod briefing;
pub mod pinned;

// The page's keys are named in the model (`page_keys`), so that the command
// line, which reads the same links, knows them too.
pub use doorstroom_model::page_keys::{
    BASE as BASE_KEY, BASE_TITLE as BASE_TITLE_KEY, LANG as LANG_KEY, NOTE as NOTE_KEY,
    PUBLISHED as PUBLISHED_KEY, TITLE as TITLE_KEY,
};
/// The compared scenarios' keys, `(scenario, title)`, in order: as many
/// as can be pinned, since none need be the baseline.
pub const COMPARED_KEYS: [(&str, &str); MAX_PINNED] = doorstroom_model::page_keys::COMPARED;

/// How many scenarios can be pinned at once, the baseline included: more
/// lines than this on one chart can no longer be told apart.
pub const MAX_PINNED: usize = 3;
/// The longest title, in characters: a title is a label on a chart's legend
/// and a heading on a slide, not a sentence.
pub const MAX_TITLE: usize = 32;
/// The longest note, in characters: one line under the title (120 until
/// the two acts' dates in force joined every pinned scenario).
pub const MAX_NOTE: usize = 73;

/// How long a text may be: in characters, and in what it costs in a link
/// (a letter `a` costs one character, `é` six, a Chinese character nine,
/// an emoji twelve: each byte of UTF-8 beyond ASCII is written `%XX`).
/// Four titles and a note within these, beside every lever changed in the
/// scenario and in each of three pinned ones, keep the link under 2,000
/// characters (`the_longest_link_stays_under_2000_characters`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextLimit {
    pub chars: usize,
    pub link_chars: usize,
}

/// A title: 32 letters, or what costs as much as 33 in a link (accented
/// letters cost more: 28 letters with one accent; 3 Chinese characters, 2
/// emoji, a mother and child). The budget shrank from 64 when the nareis applicants' chain
/// added three levers to every pinned scenario, and from 44 when the two
/// acts' dates in force (`term_36349_from`, `statutory_ends`) did.
pub const TITLE_LIMIT: TextLimit = TextLimit {
    chars: MAX_TITLE,
    link_chars: 33,
};
/// A note: 120 letters, or what costs as much in a link.
pub const NOTE_LIMIT: TextLimit = TextLimit {
    chars: MAX_NOTE,
    link_chars: MAX_NOTE,
};

/// What `text` costs in a link, in characters.
pub fn link_cost(text: &str) -> usize {
    form_urlencoded::byte_serialize(text.as_bytes())
        .map(str::len)
        .sum()
}

/// A pinned scenario other than the baseline, with its title.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Compared {
    pub scenario: Scenario,
    pub title: String,
}

/// A compared scenario's values as given in a link: (scenario, title).
type Given<'a> = (Option<Cow<'a, str>>, Option<Cow<'a, str>>);

/// What the page shows, as its address says it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageState {
    pub scenario: Scenario,
    /// The scenario's own title (empty: none).
    pub title: String,
    /// A one-line note on the scenario (empty: none).
    pub note: String,
    /// The pinned baseline; `None` compares with the defaults of the
    /// scenario's world.
    pub baseline: Option<Scenario>,
    /// The baseline's title (empty: none, and always empty without a
    /// baseline).
    pub baseline_title: String,
    /// The other pinned scenarios, drawn beside the baseline; with the
    /// baseline never more than `MAX_PINNED`. A baseline is chosen, never
    /// the first of these by default.
    pub compared: Vec<Compared>,
    pub lang: Lang,
    /// Whether the uncertainty bands are shown, and how they are drawn.
    pub bands: BandSettings,
    /// Whether the published figures are hidden on the charts (`published=off`).
    pub hide_published: bool,
}

/// Something about the link itself rather than one of its levers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageWarning {
    /// More than one `?` before the first key.
    ExtraQuestionMarks,
    /// A `lang=` other than `nl` or `en`: Dutch is used.
    UnknownLanguage(String),
    /// A `published=` other than `on` or `off`: the figures are shown.
    UnknownPublished(String),
    /// A title or note longer than its limit, cut to it: the key and what
    /// was cut off.
    Shortened(&'static str, String),
    /// A title or note of only characters that show nothing (zero-width
    /// spaces, say), dropped (the key).
    Invisible(&'static str),
    /// A pinned scenario's title without its scenario (`base_title=`
    /// without `base=`), dropped: the title's key, the scenario's.
    TitleWithoutScenario(&'static str, &'static str),
}

/// A title or note as the page keeps it: one line of ordinary characters
/// ([`safe_text::line`]: no controls, no marks that reorder the text around
/// it), trimmed, within `limit` (cut at a character), and empty if nothing
/// of it would show. Returns what had to be cut off, if anything.
pub fn tidy_text(text: &str, limit: TextLimit) -> (String, Option<String>) {
    let one_line = safe_text::line(text);
    if !safe_text::is_visible(&one_line) {
        return (String::new(), None);
    }
    let trimmed = one_line.trim();
    let mut cost = 0;
    let end = trimmed
        .char_indices()
        .enumerate()
        .find_map(|(n, (i, c))| {
            cost += link_cost(c.encode_utf8(&mut [0; 4]));
            (n >= limit.chars || cost > limit.link_chars).then_some(i)
        })
        .unwrap_or(trimmed.len());
    let (kept, cut) = trimmed.split_at(end);
    (
        kept.trim_end().to_owned(),
        (!cut.is_empty()).then(|| cut.to_owned()),
    )
}

/// What reading a link changed or ignored, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkWarning {
    Scenario(Warning),
    Baseline(Warning),
    /// About the uncertainty bands' settings.
    Bands(Warning),
    Page(PageWarning),
}

impl LinkWarning {
    /// The warning as a sentence for people.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LinkWarning::Scenario(w) | LinkWarning::Bands(w) => w.message(lang),
            LinkWarning::Baseline(w) => format!(
                "{} {}",
                t("In de basislijn:", "In the baseline:").get(lang),
                w.message(lang)
            ),
            LinkWarning::Page(PageWarning::ExtraQuestionMarks) => t(
                "De link begon met meer dan één ‘?’; de extra tekens zijn genegeerd.",
                "The link started with more than one ‘?’; the extra ones were ignored.",
            )
            .get(lang)
            .to_owned(),
            LinkWarning::Page(PageWarning::UnknownLanguage(given)) => match lang {
                Lang::Nl => format!("Onbekende taal ‘{given}’; Nederlands gebruikt."),
                Lang::En => format!("Unknown language ‘{given}’; using Dutch."),
            },
            LinkWarning::Page(PageWarning::UnknownPublished(given)) => match lang {
                Lang::Nl => format!(
                    "‘published={given}’ is niet ‘on’ of ‘off’; de gepubliceerde cijfers staan aan."
                ),
                Lang::En => format!(
                    "‘published={given}’ is neither ‘on’ nor ‘off’; the published figures are shown."
                ),
            },
            LinkWarning::Page(PageWarning::Shortened(key, cut)) => match lang {
                Lang::Nl => format!(
                    "‘{key}’ was te lang voor een link en is ingekort; weggelaten: ‘{cut}’."
                ),
                Lang::En => {
                    format!("‘{key}’ was too long for a link and was shortened; left out: ‘{cut}’.")
                }
            },
            LinkWarning::Page(PageWarning::TitleWithoutScenario(title, scenario)) => match lang {
                Lang::Nl => {
                    format!("‘{title}’ staat in de link zonder ‘{scenario}’ en is weggelaten.")
                }
                Lang::En => {
                    format!("‘{title}’ is in the link without ‘{scenario}’ and was left out.")
                }
            },
            LinkWarning::Page(PageWarning::Invisible(key)) => match lang {
                Lang::Nl => format!(
                    "‘{key}’ in de link bevatte alleen onzichtbare tekens en is weggelaten."
                ),
                Lang::En => {
                    format!("‘{key}’ in the link held only invisible characters and was left out.")
                }
            },
        }
    }

    /// The warning's own text as given (a value or a key), for a notice
    /// that quotes only a bounded part of it.
    pub fn given(&self) -> &str {
        match self {
            LinkWarning::Scenario(w) | LinkWarning::Baseline(w) | LinkWarning::Bands(w) => &w.given,
            LinkWarning::Page(
                PageWarning::UnknownLanguage(given) | PageWarning::UnknownPublished(given),
            ) => given,
            LinkWarning::Page(PageWarning::ExtraQuestionMarks) => "?",
            LinkWarning::Page(
                PageWarning::Shortened(key, _)
                | PageWarning::Invisible(key)
                | PageWarning::TitleWithoutScenario(key, _),
            ) => key,
        }
    }
}

impl PageState {
    /// Reads a query, with or without its `?`. Never fails: what cannot be
    /// used is reported. A later repeat of a key wins.
    #[must_use]
    pub fn read(query: &str) -> (PageState, Vec<LinkWarning>) {
        let mut warnings = Vec::new();
        let trimmed = query.trim_start_matches('?');
        if query.len() - trimmed.len() > 1 {
            warnings.push(LinkWarning::Page(PageWarning::ExtraQuestionMarks));
        }
        let pairs: Vec<(Cow<str>, Cow<str>)> = form_urlencoded::parse(trimmed.as_bytes()).collect();
        // The language first: it says how the numbers are written.
        let mut lang = Lang::Nl;
        for (key, value) in pairs.iter().filter(|(k, _)| k == LANG_KEY) {
            lang = match value.trim().to_ascii_lowercase().as_str() {
                "en" => Lang::En,
                "nl" => Lang::Nl,
                _ => {
                    warnings.push(LinkWarning::Page(PageWarning::UnknownLanguage(
                        value.clone().into_owned(),
                    )));
                    Lang::Nl
                }
            };
            debug_assert_eq!(key, LANG_KEY);
        }
        let mut base = None;
        let (band_pairs, pairs): (Vec<_>, Vec<_>) = pairs
            .into_iter()
            .partition(|(k, _)| BandSettings::owns_key(k));
        let (bands, band_warnings) = BandSettings::from_pairs(band_pairs, lang);
        let mut texts: [Option<Cow<str>>; 3] = [None, None, None];
        let mut compared: [Given; MAX_PINNED] = Default::default();
        let mut published = None;
        let scenario_pairs = pairs.iter().filter_map(|(k, v)| {
            let slot = match k.as_ref() {
                LANG_KEY => return None,
                PUBLISHED_KEY => &mut published,
                BASE_KEY => &mut base,
                TITLE_KEY => &mut texts[0],
                NOTE_KEY => &mut texts[1],
                BASE_TITLE_KEY => &mut texts[2],
                key => match COMPARED_KEYS
                    .iter()
                    .position(|(s, t)| *s == key || *t == key)
                {
                    Some(i) if COMPARED_KEYS[i].0 == key => &mut compared[i].0,
                    Some(i) => &mut compared[i].1,
                    None => return Some((k.clone(), v.clone())),
                },
            };
            *slot = Some(v.clone());
            None
        });
        let (scenario, scenario_warnings) = Scenario::from_pairs(scenario_pairs, lang);
        warnings.extend(scenario_warnings.into_iter().map(LinkWarning::Scenario));
        let hide_published = match published.as_deref().map(|v| v.trim().to_ascii_lowercase()) {
            None => false,
            Some(v) if v == "off" => true,
            Some(v) if v == "on" => false,
            Some(_) => {
                warnings.push(LinkWarning::Page(PageWarning::UnknownPublished(
                    published.clone().unwrap_or_default().into_owned(),
                )));
                false
            }
        };
        let [title, note, base_title] = texts;
        let mut text = |given: Option<Cow<str>>, key: &'static str, limit: TextLimit| {
            let given = given.as_deref().unwrap_or("");
            let (kept, cut) = tidy_text(given, limit);
            if let Some(cut) = cut {
                warnings.push(LinkWarning::Page(PageWarning::Shortened(key, cut)));
            }
            if kept.is_empty() && !given.trim().is_empty() {
                warnings.push(LinkWarning::Page(PageWarning::Invisible(key)));
            }
            kept
        };
        let title = text(title, TITLE_KEY, TITLE_LIMIT);
        let note = text(note, NOTE_KEY, NOTE_LIMIT);
        let base_title = text(base_title, BASE_TITLE_KEY, TITLE_LIMIT);
        let compared_titles: Vec<String> = compared
            .iter()
            .zip(COMPARED_KEYS)
            .map(|((_, t), (_, key))| text(t.clone(), key, TITLE_LIMIT))
            .collect();
        // A title without its scenario has nothing to name.
        if base.is_none() && !base_title.is_empty() {
            warnings.push(LinkWarning::Page(PageWarning::TitleWithoutScenario(
                BASE_TITLE_KEY,
                BASE_KEY,
            )));
        }
        for (((s, _), title), (key, title_key)) in
            compared.iter().zip(&compared_titles).zip(COMPARED_KEYS)
        {
            if s.is_none() && !title.is_empty() {
                warnings.push(LinkWarning::Page(PageWarning::TitleWithoutScenario(
                    title_key, key,
                )));
            }
        }
        let mut read_pinned = |value: &str| {
            let (s, w) = pinned::read(value, lang);
            let garbled = !w.is_empty();
            warnings.extend(w.into_iter().map(LinkWarning::Baseline));
            (s, garbled)
        };
        // A baseline of which nothing could be read (only the compact
        // form's empties, with a warning) is no baseline.
        let baseline = base
            .map(|v| read_pinned(&v))
            .filter(|(s, garbled)| !(*garbled && *s == Scenario::default()))
            .map(|(s, _)| s);
        let others: Vec<Compared> = compared
            .iter()
            .zip(compared_titles)
            .filter_map(|((s, _), title)| {
                s.as_ref().map(|v| Compared {
                    scenario: read_pinned(v).0,
                    title,
                })
            })
            .collect();
        let mut state = PageState {
            scenario,
            title,
            note,
            baseline: None,
            baseline_title: String::new(),
            compared: Vec::new(),
            lang,
            hide_published,
            bands,
        };
        // A baseline equal to the default of the scenario's world (without
        // a title) is no pinned baseline: the link then says nothing about
        // one. The baseline is only ever what `base=` says: a compared
        // scenario never becomes it by being first.
        if let Some(scenario) = baseline
            && (scenario != state.scenario.world_defaults() || !base_title.is_empty())
        {
            state.baseline = Some(scenario);
            state.baseline_title = base_title;
        }
        let room = MAX_PINNED - usize::from(state.baseline.is_some());
        state.compared = others.into_iter().take(room).collect();
        warnings.extend(band_warnings.into_iter().map(LinkWarning::Bands));
        (state, warnings)
    }

    /// The query (without `?`) that reads back as this state.
    #[must_use]
    pub fn to_query(&self) -> String {
        let scenario = self.scenario.to_query();
        let mut out = form_urlencoded::Serializer::for_suffix(scenario, 0);
        for (key, text) in [(TITLE_KEY, &self.title), (NOTE_KEY, &self.note)] {
            if !text.is_empty() {
                out.append_pair(key, text);
            }
        }
        if let Some(base) = &self.baseline {
            out.append_pair(BASE_KEY, &pinned::write(base));
            if !self.baseline_title.is_empty() {
                out.append_pair(BASE_TITLE_KEY, &self.baseline_title);
            }
        }
        for (c, (key, title_key)) in self.compared.iter().zip(COMPARED_KEYS) {
            out.append_pair(key, &pinned::write(&c.scenario));
            if !c.title.is_empty() {
                out.append_pair(title_key, &c.title);
            }
        }
        if self.lang == Lang::En {
            out.append_pair(LANG_KEY, "en");
        }
        let bands = self.bands.to_query();
        for (key, value) in form_urlencoded::parse(bands.as_bytes()) {
            out.append_pair(&key, &value);
        }
        if self.hide_published {
            out.append_pair(PUBLISHED_KEY, "off");
        }
        out.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use doorstroom_model::{LEVER_COUNT, WarningKind, scenario_at};
    use proptest::prelude::*;

    #[test]
    fn reads_the_page_keys_and_the_scenario() {
        let (state, warnings) = PageState::read("?v=2&intake=77000&lang=en&fte=600");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(state.lang, Lang::En);
        assert_eq!(state.baseline, None);
        assert_eq!(state.scenario.to_query(), "v=2&intake=77000&fte=600");
        assert_eq!(state.to_query(), "v=2&intake=77000&fte=600&lang=en");
        // Only the page's keys: the page's default, today's outlook.
        let (state, warnings) = PageState::read("?lang=en");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(state.scenario, Scenario::outlook());
        assert_eq!(state.to_query(), "v=2&lang=en");
    }

    #[test]
    fn numbers_are_read_in_the_link_s_language() {
        let (nl, _) = PageState::read("productivity=0,9&intake=77.000");
        let (en, _) = PageState::read("lang=en&productivity=0.9&intake=77,000");
        assert_eq!(nl.scenario, en.scenario);
    }

    #[test]
    fn the_baseline_round_trips_encoded() {
        let (base, _) = Scenario::from_query("intake=49000&ext_until=2024-01-01&term=6");
        let state = PageState {
            scenario: Scenario::from_query("fte=700").0,
            baseline: Some(base),
            lang: Lang::En,
            ..PageState::default()
        };
        let q = state.to_query();
        assert!(q.contains("base=49000***6&"), "{q}");
        assert_eq!(PageState::read(&q), (state, Vec::new()));
    }

    #[test]
    fn old_links_with_plus_and_escapes_read_alike() {
        let (a, _) = PageState::read("intake=77+000&base=v%3D1%26fte%3D600");
        let (b, _) = PageState::read("intake=77000&base=v=1%26fte=600");
        assert_eq!(a, b);
        assert_eq!(a.baseline.map(|s| s.fte), Some(600.0));
    }

    #[test]
    fn a_garbage_baseline_is_reported_and_dropped() {
        let (state, warnings) = PageState::read("base=%%%zz");
        assert_eq!(state.baseline, None);
        assert!(
            matches!(&warnings[..], [LinkWarning::Baseline(w)] if w.kind == WarningKind::Unreadable)
        );
        assert_eq!(state.to_query(), "v=2");
    }

    #[test]
    fn page_level_oddities_are_reported() {
        let (state, warnings) = PageState::read("??intake=60000&lang=de");
        assert_eq!(state.scenario.intake_per_year, 60_000.0);
        assert_eq!(
            warnings,
            [
                LinkWarning::Page(PageWarning::ExtraQuestionMarks),
                LinkWarning::Page(PageWarning::UnknownLanguage("de".into())),
            ]
        );
        assert!(warnings[1].message(Lang::En).contains("‘de’"));
    }

    #[test]
    fn titles_notes_and_compared_scenarios_round_trip() {
        let (q, _) = (
            "intake=60000&title=Meer+personeel&note=Met+1.000+fte+in+2025\
             &base=*600&base_title=Laag&cmp1=77000&cmp1_title=Hoog&cmp2=49000&lang=en",
            (),
        );
        let (state, warnings) = PageState::read(q);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(state.title, "Meer personeel");
        assert_eq!(state.note, "Met 1.000 fte in 2025");
        assert_eq!(state.baseline.as_ref().map(|s| s.fte), Some(600.0));
        assert_eq!(state.baseline_title, "Laag");
        let compared: Vec<(f64, &str)> = state
            .compared
            .iter()
            .map(|c| (c.scenario.intake_per_year, c.title.as_str()))
            .collect();
        assert_eq!(compared, [(77_000.0, "Hoog"), (49_000.0, "")]);
        assert_eq!(PageState::read(&state.to_query()), (state, Vec::new()));
    }

    #[test]
    fn compared_without_a_baseline_stays_compared() {
        let (state, _) = PageState::read("v=2&cmp2=77000&cmp2_title=Hoog&cmp3=*700");
        assert_eq!(state.baseline, None);
        let titles: Vec<&str> = state.compared.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(titles, ["Hoog", ""]);
        assert_eq!(state.compared[0].scenario.intake_per_year, 77_000.0);
        assert_eq!(state.to_query(), "v=2&cmp1=77000&cmp1_title=Hoog&cmp2=*700");
        // With a baseline, three pinned in all.
        let (state, _) = PageState::read("base=49000&cmp1=77000&cmp2=*700&cmp3=*800");
        assert!(state.baseline.is_some());
        assert_eq!(state.compared.len(), MAX_PINNED - 1);
    }

    #[test]
    fn long_titles_and_notes_are_cut_and_reported() {
        let long = "x".repeat(MAX_NOTE + 5);
        let (state, warnings) = PageState::read(&format!("title={long}&note={long}"));
        assert_eq!(state.title.chars().count(), MAX_TITLE);
        assert_eq!(state.note.chars().count(), MAX_NOTE);
        assert_eq!(
            warnings,
            [
                LinkWarning::Page(PageWarning::Shortened(
                    TITLE_KEY,
                    "x".repeat(MAX_NOTE + 5 - MAX_TITLE),
                )),
                LinkWarning::Page(PageWarning::Shortened(NOTE_KEY, "xxxxx".into())),
            ]
        );
        assert!(
            warnings[1]
                .message(Lang::En)
                .ends_with("shortened; left out: ‘xxxxx’.")
        );
        let (state, _) = PageState::read("title=%0Aeen%09twee++");
        assert_eq!(state.title, "een twee");
    }

    /// The longest link the page writes: every lever changed in the scenario
    /// and in each of three pinned scenarios, each with a title of the
    /// longest length (accented, so each letter takes six characters escaped)
    /// and a note. Links longer than about 2,000 characters are cut by some
    /// mail programs and chat tools.
    #[test]
    fn the_longest_link_stays_under_2000_characters() {
        // Every lever at `u` of its range, numbers to four decimals as a
        // slider's steps or a typed value give them.
        let every = |u: f64| {
            let mut s = scenario_at((0..LEVER_COUNT).map(|i| (i, u)));
            for l in doorstroom_model::levers() {
                if let doorstroom_model::LeverKind::Number(n) = &l.kind {
                    let x: f64 = format!("{:.4}", n.get(&s)).parse().unwrap();
                    n.set(&mut s, x);
                }
            }
            s
        };
        let title = "é".repeat(MAX_TITLE / 4) + &"x".repeat(MAX_TITLE - MAX_TITLE / 4);
        let title = tidy_text(&title, TITLE_LIMIT).0;
        let state = PageState {
            scenario: every(0.61),
            title: title.clone(),
            note: "n".repeat(MAX_NOTE),
            baseline: Some(every(0.23)),
            baseline_title: title.clone(),
            compared: vec![
                Compared {
                    scenario: every(0.87),
                    title: title.clone(),
                },
                Compared {
                    scenario: every(0.05),
                    title,
                },
            ],
            lang: Lang::En,
            hide_published: true,
            bands: BandSettings::default(),
        };
        let q = state.to_query();
        assert!(q.len() < 2_000, "{} characters: {q}", q.len());
        assert_eq!(PageState::read(&q), (state, Vec::new()));
    }

    #[test]
    fn titles_without_their_scenario_are_reported() {
        let (state, warnings) =
            PageState::read("base_title=Laag&cmp2_title=Hoog&cmp1=77000&cmp1_title=Midden");
        // Pinning never makes a baseline: cmp1 stays a compared scenario.
        assert_eq!(state.baseline, None);
        assert_eq!(state.compared.len(), 1);
        assert_eq!(state.compared[0].title, "Midden");
        assert_eq!(
            warnings,
            [
                LinkWarning::Page(PageWarning::TitleWithoutScenario(BASE_TITLE_KEY, BASE_KEY)),
                LinkWarning::Page(PageWarning::TitleWithoutScenario("cmp2_title", "cmp2")),
            ]
        );
        assert_eq!(
            warnings[0].message(Lang::Nl),
            "‘base_title’ staat in de link zonder ‘base’ en is weggelaten."
        );
    }

    #[test]
    fn switches_read_in_any_case() {
        let (state, warnings) =
            PageState::read("v=2&bands=ON&published=OFF&lang=EN&statutory_asylum=On&order=FIFO");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(state.bands.on && state.hide_published);
        assert_eq!(state.lang, Lang::En);
        assert!(state.scenario.statutory_asylum);
        assert_eq!(
            state.to_query(),
            "v=2&order=fifo&statutory_asylum=on&lang=en&bands=on&published=off"
        );
    }

    #[test]
    fn titles_lose_reordering_marks_and_invisible_ones_are_dropped() {
        let (state, warnings) =
            PageState::read("title=a%E2%80%AEb%E2%80%A8c%EF%BF%BE&note=%E2%80%8B%E2%80%8B");
        assert_eq!(state.title, "ab c");
        assert_eq!(state.note, "");
        assert_eq!(
            warnings,
            [LinkWarning::Page(PageWarning::Invisible(NOTE_KEY))]
        );
        assert!(warnings[0].message(Lang::En).contains("invisible"));
        // Emoji sequences keep their joiners (a mother and child: 33 link
        // characters, within a title's budget).
        assert_eq!(tidy_text("👩‍👧", TITLE_LIMIT).0, "👩‍👧");
    }

    /// The longest titles and note in scripts that cost most in a link
    /// (emoji, Chinese, accents), beside every lever changed in four
    /// scenarios: cut to what the link affords, each cut said, and the link
    /// under 2,000 characters.
    #[test]
    fn the_longest_non_ascii_titles_keep_the_link_short() {
        let every = |u: f64| scenario_at((0..LEVER_COUNT).map(|i| (i, u)));
        for text in ["🙂", "👩‍👩‍👧", "中", "é", "ı̇", "\u{10FFFD}"] {
            let long = text.repeat(MAX_NOTE);
            let mut q = format!("{}&lang=en&published=off&bands=on", every(0.5).to_query());
            for (key, value) in [
                (TITLE_KEY, long.clone()),
                (NOTE_KEY, long.clone()),
                (BASE_KEY, pinned::write(&every(0.2))),
                (BASE_TITLE_KEY, long.clone()),
                ("cmp1", pinned::write(&every(0.7))),
                ("cmp1_title", long.clone()),
                ("cmp2", pinned::write(&every(0.9))),
                ("cmp2_title", long.clone()),
            ] {
                let value: String = form_urlencoded::byte_serialize(value.as_bytes()).collect();
                q.push_str(&format!("&{key}={value}"));
            }
            let (state, warnings) = PageState::read(&q);
            let cuts = warnings
                .iter()
                .filter(|w| matches!(w, LinkWarning::Page(PageWarning::Shortened(..))))
                .count();
            assert_eq!(cuts, 5, "{text}: {warnings:?}");
            assert!(!state.title.is_empty() && !state.note.is_empty(), "{text}");
            let link = state.to_query();
            assert!(link.len() < 2_000, "{text}: {} characters", link.len());
            assert_eq!(PageState::read(&link).0, state, "{text}");
        }
    }

    #[test]
    fn the_published_switch_is_kept_only_when_off() {
        let (off, warnings) = PageState::read("v=2&intake=77000&published=off");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(off.hide_published);
        assert_eq!(off.to_query(), "v=2&intake=77000&published=off");
        let (on, _) = PageState::read("published=on");
        assert!(!on.hide_published);
        assert_eq!(on.to_query(), "v=2");
        let (odd, warnings) = PageState::read("published=maybe");
        assert!(!odd.hide_published);
        assert_eq!(
            warnings,
            [LinkWarning::Page(PageWarning::UnknownPublished(
                "maybe".into()
            ))]
        );
    }

    fn titles() -> impl Strategy<Value = String> {
        "[a-zA-Zé0-9 .,&=+%*?#-]{0,32}".prop_map(|t| tidy_text(&t, TITLE_LIMIT).0)
    }

    fn states() -> impl Strategy<Value = PageState> {
        let picks = || proptest::collection::vec((0..LEVER_COUNT, 0.0..=1.0f64), 0..12);
        let bands = (any::<bool>(), 1..=5_000u32, any::<u64>(), 0.0..=1.0f64).prop_map(
            |(on, runs, seed, intake)| BandSettings {
                on,
                runs,
                seed,
                spreads: doorstroom_model::uncertainty::Spreads {
                    intake,
                    ..Default::default()
                },
            },
        );
        let compared = proptest::collection::vec(
            (picks(), titles()).prop_map(|(s, title)| Compared {
                scenario: scenario_at(s),
                title,
            }),
            0..=MAX_PINNED,
        );
        (
            (picks(), titles(), titles()),
            proptest::option::of((picks(), titles())),
            compared,
            (any::<bool>(), any::<bool>()),
            bands,
        )
            .prop_map(
                |((s, title, note), b, compared, (english, hide_published), bands)| {
                    let scenario = scenario_at(s);
                    let baseline = b
                        .map(|(b, t)| (scenario_at(b), t))
                        .filter(|(b, t)| *b != scenario.world_defaults() || !t.is_empty());
                    let has_baseline = baseline.is_some();
                    let (baseline, baseline_title) = baseline.unzip();
                    PageState {
                        scenario,
                        title,
                        note,
                        baseline,
                        baseline_title: baseline_title.unwrap_or_default(),
                        compared: compared
                            .into_iter()
                            .take(MAX_PINNED - usize::from(has_baseline))
                            .collect(),
                        lang: if english { Lang::En } else { Lang::Nl },
                        hide_published,
                        bands,
                    }
                },
            )
    }

    #[test]
    fn the_bands_settings_ride_along() {
        let (state, warnings) =
            PageState::read("v=2&intake=60000&bands=on&seed=42&sd_intake=0,2&runs=x");
        assert!(state.bands.on);
        assert_eq!((state.bands.seed, state.bands.spreads.intake), (42, 0.2));
        assert!(matches!(&warnings[..], [LinkWarning::Bands(w)] if w.key == "runs"));
        assert_eq!(
            state.to_query(),
            "v=2&intake=60000&bands=on&seed=42&sd_intake=0.2"
        );
        assert_eq!(PageState::read(&state.to_query()).0, state);
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1_000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn every_state_round_trips(state in states()) {
            let q = state.to_query();
            let (back, warnings) = PageState::read(&q);
            prop_assert!(warnings.is_empty(), "{}: {:?}", q, warnings);
            prop_assert_eq!(back.to_query(), q);
            prop_assert_eq!(back, state);
        }

        #[test]
        fn any_text_is_read_and_written_back_stably(text in ".{0,80}") {
            let (state, _) = PageState::read(&text);
            let (again, warnings) = PageState::read(&state.to_query());
            prop_assert!(warnings.is_empty(), "{:?}", warnings);
            prop_assert_eq!(again, state);
        }
    }
}
