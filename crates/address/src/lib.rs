//! The page's address: everything Doorstroom keeps in its link, read by one
//! function and written by one, so that a link, Back and Forward, "copy
//! link" and every export say the same thing.
//!
//! ```text
//! ?v=1&intake=77000&term=6&base=v%3D1%26intake%3D67000&lang=en
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
//!
//! A key the page adds (compared scenarios, a deck, switches) gets a field
//! in [`PageState`], an arm in [`PageState::read`] and a line in
//! [`PageState::to_query`], and nowhere else.
//!
//! Pure Rust, no web: tested natively and fuzzed.

use std::borrow::Cow;

use doorstroom_model::uncertainty::BandSettings;
use doorstroom_model::{Lang, Scenario, Warning, t};

pub const LANG_KEY: &str = "lang";
pub const BASE_KEY: &str = "base";
pub const PUBLISHED_KEY: &str = "published";

/// What the page shows, as its address says it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageState {
    pub scenario: Scenario,
    /// The pinned baseline; `None` compares with the default scenario.
    pub baseline: Option<Scenario>,
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
        let (bands, band_warnings) = BandSettings::from_pairs(band_pairs);
        let mut hide_published = false;
        let mut page_warnings = Vec::new();
        let scenario_pairs = pairs.iter().filter_map(|(k, v)| match k.as_ref() {
            LANG_KEY => None,
            BASE_KEY => {
                base = Some(v.clone());
                None
            }
            PUBLISHED_KEY => {
                hide_published = match v.trim().to_ascii_lowercase().as_str() {
                    "off" => true,
                    "on" => false,
                    _ => {
                        page_warnings.push(LinkWarning::Page(PageWarning::UnknownPublished(
                            v.clone().into_owned(),
                        )));
                        false
                    }
                };
                None
            }
            _ => Some((k.clone(), v.clone())),
        });
        let (scenario, scenario_warnings) = Scenario::from_pairs(scenario_pairs, lang);
        warnings.extend(page_warnings);
        warnings.extend(scenario_warnings.into_iter().map(LinkWarning::Scenario));
        let baseline = base.and_then(|base| {
            let base = base.trim_start_matches('?');
            let (s, w) = Scenario::from_pairs(form_urlencoded::parse(base.as_bytes()), lang);
            warnings.extend(w.into_iter().map(LinkWarning::Baseline));
            // A baseline equal to the default is no pinned baseline: the
            // link then says nothing about one.
            (s != Scenario::default()).then_some(s)
        });
        warnings.extend(band_warnings.into_iter().map(LinkWarning::Bands));
        (
            PageState {
                scenario,
                baseline,
                lang,
                bands,
                hide_published,
            },
            warnings,
        )
    }

    /// The query (without `?`) that reads back as this state.
    #[must_use]
    pub fn to_query(&self) -> String {
        let scenario = self.scenario.to_query();
        let mut out = form_urlencoded::Serializer::for_suffix(scenario, 0);
        if let Some(base) = &self.baseline {
            out.append_pair(BASE_KEY, &base.to_query());
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
        let (state, warnings) = PageState::read("?intake=77000&lang=en&fte=600");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(state.lang, Lang::En);
        assert_eq!(state.baseline, None);
        assert_eq!(state.scenario.to_query(), "v=1&intake=77000&fte=600");
        assert_eq!(state.to_query(), "v=1&intake=77000&fte=600&lang=en");
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
            bands: BandSettings::default(),
            hide_published: false,
        };
        let q = state.to_query();
        assert!(q.contains("base=v%3D1%26intake%3D49000"), "{q}");
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
            matches!(&warnings[..], [LinkWarning::Baseline(w)] if w.kind == WarningKind::UnknownKey)
        );
        assert_eq!(state.to_query(), "v=1");
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
    fn the_published_switch_is_kept_only_when_off() {
        let (off, warnings) = PageState::read("intake=77000&published=off");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(off.hide_published);
        assert_eq!(off.to_query(), "v=1&intake=77000&published=off");
        let (on, _) = PageState::read("published=on");
        assert!(!on.hide_published);
        assert_eq!(on.to_query(), "v=1");
        let (odd, warnings) = PageState::read("published=maybe");
        assert!(!odd.hide_published);
        assert_eq!(
            warnings,
            [LinkWarning::Page(PageWarning::UnknownPublished(
                "maybe".into()
            ))]
        );
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
        (
            picks(),
            proptest::option::of(picks()),
            any::<bool>(),
            any::<bool>(),
            bands,
        )
            .prop_map(|(s, b, english, hide_published, bands)| PageState {
                scenario: scenario_at(s),
                baseline: b.map(scenario_at).filter(|s| *s != Scenario::default()),
                lang: if english { Lang::En } else { Lang::Nl },
                hide_published,
                bands,
            })
    }

    #[test]
    fn the_bands_settings_ride_along() {
        let (state, warnings) =
            PageState::read("intake=60000&bands=on&seed=42&sd_intake=0,2&runs=x");
        assert!(state.bands.on);
        assert_eq!((state.bands.seed, state.bands.spreads.intake), (42, 0.2));
        assert!(matches!(&warnings[..], [LinkWarning::Bands(w)] if w.key == "runs"));
        assert_eq!(
            state.to_query(),
            "v=1&intake=60000&bands=on&seed=42&sd_intake=0.2"
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
