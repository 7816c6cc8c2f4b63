//! A briefing as a file, `<title>.doorstroom.json`: the scenarios a
//! presenter steps through, in order, prepared the day before and opened
//! on a meeting room's laptop without a network.
//!
//! ```json
//! {
//!   "format": "doorstroom-briefing",
//!   "version": 1,
//!   "title": "Briefing DG",
//!   "note": "Drie keuzes voor 2026",
//!   "baseline": null,
//!   "charts": ["backlog", "costs"],
//!   "scenarios": [
//!     { "link": "v=1&intake=60000", "title": "Lage instroom", "note": "" }
//!   ]
//! }
//! ```
//!
//! Each scenario is its link query, read by the link's own reader, so a
//! file keeps its meaning as links do (their format version, their
//! migrations). `baseline` is the index of the scenario the others are
//! measured against, or `null` for the page's own (the default, or
//! carrying on). `charts` are the two charts of the presentation.
//!
//! A file is read as a link is: what can be used is used, what was
//! repaired or left out is reported ([`BriefingWarning`]); a newer version
//! loads as far as this one understands it. Only what is no briefing at
//! all (not JSON, another format, too large) is refused.

use doorstroom_model::{Lang, Scenario, Warning, t};
use serde::Serialize;
use serde_json::Value;

use crate::{NOTE_LIMIT, TITLE_LIMIT, TextLimit, tidy_text};

/// What the file says it is.
pub const FORMAT: &str = "doorstroom-briefing";
/// The format version this release writes.
pub const VERSION: u64 = 1;
/// The most scenarios a briefing holds: a meeting's worth.
pub const MAX_SCENARIOS: usize = 12;
/// The largest file read: a briefing of twelve scenarios with every lever
/// changed takes about 10 kB.
pub const MAX_BYTES: usize = 256 * 1024;
/// The file name's ending.
pub const EXTENSION: &str = ".doorstroom.json";

/// One scenario of a briefing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BriefingScenario {
    pub scenario: Scenario,
    pub title: String,
    pub note: String,
}

/// A briefing: its title and note, its scenarios in order, the baseline
/// and the charts chosen for the presentation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Briefing {
    pub title: String,
    pub note: String,
    pub scenarios: Vec<BriefingScenario>,
    /// The index of the baseline among the scenarios; `None`: the page's own.
    pub baseline: Option<usize>,
    /// The ids of the charts shown in the presentation, in order.
    pub charts: Vec<String>,
}

/// Why a file is no briefing at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BriefingError {
    TooLarge(usize),
    NotJson,
    NotABriefing,
}

impl BriefingError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (BriefingError::TooLarge(n), Lang::Nl) => format!(
                "Dit bestand is te groot voor een briefing ({} kB; hooguit {} kB). Er is niets veranderd.",
                n / 1024,
                MAX_BYTES / 1024
            ),
            (BriefingError::TooLarge(n), Lang::En) => format!(
                "This file is too large for a briefing ({} kB; at most {} kB). Nothing was changed.",
                n / 1024,
                MAX_BYTES / 1024
            ),
            (BriefingError::NotJson, _) => t(
                "Dit bestand is geen briefing (geen JSON). Er is niets veranderd.",
                "This file is no briefing (not JSON). Nothing was changed.",
            )
            .get(lang)
            .to_owned(),
            (BriefingError::NotABriefing, _) => t(
                "Dit bestand is geen Doorstroom-briefing. Er is niets veranderd.",
                "This file is no Doorstroom briefing. Nothing was changed.",
            )
            .get(lang)
            .to_owned(),
        }
    }
}

/// What reading a briefing repaired or left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BriefingWarning {
    /// A newer format version: read as far as this release understands.
    NewerVersion(String),
    /// A field of the wrong kind (a number where text belongs), left out.
    WrongKind(&'static str),
    /// A title or note cut to its length (the field).
    Shortened(&'static str),
    /// More scenarios than a briefing holds: the first ones kept.
    TooManyScenarios(usize),
    /// Scenario `n` (from 1) is no scenario and was left out.
    BadScenario(usize),
    /// What reading scenario `n`'s link (from 1) changed.
    Link(usize, Warning),
    /// A baseline that names no scenario: the page's own is used.
    BadBaseline,
    /// A chart this release does not draw.
    UnknownChart(String),
}

/// At most this many characters of a value from a file are quoted back
/// (a notice, not a link: what it costs in a link does not count).
const QUOTE: TextLimit = TextLimit {
    chars: 24,
    link_chars: usize::MAX,
};

fn quote(text: &str) -> String {
    let (kept, cut) = tidy_text(text, QUOTE);
    if cut.is_some() {
        format!("{kept}…")
    } else {
        kept
    }
}

impl BriefingWarning {
    /// How much the reader must know it, most first: what was left out of
    /// the file (a scenario, a chart, the baseline) before what was
    /// repaired in it (a cut title, a value read otherwise). A notice that
    /// lists only the first few puts the weightiest there.
    pub fn weight(&self) -> u8 {
        match self {
            BriefingWarning::NewerVersion(_) => 0,
            BriefingWarning::TooManyScenarios(_) | BriefingWarning::BadScenario(_) => 1,
            BriefingWarning::BadBaseline | BriefingWarning::UnknownChart(_) => 2,
            BriefingWarning::WrongKind(_) | BriefingWarning::Shortened(_) => 3,
            BriefingWarning::Link(..) => 4,
        }
    }

    /// `warnings` in the order a notice lists them: by [`Self::weight`],
    /// and within a weight as the file had them.
    pub fn by_weight(warnings: &mut [BriefingWarning]) {
        warnings.sort_by_key(BriefingWarning::weight);
    }

    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (BriefingWarning::NewerVersion(v), Lang::Nl) => format!(
                "Deze briefing is van een nieuwere versie ({}); gelezen wat deze versie kent.",
                quote(v)
            ),
            (BriefingWarning::NewerVersion(v), Lang::En) => format!(
                "This briefing is of a newer version ({}); read as far as this version understands it.",
                quote(v)
            ),
            (BriefingWarning::WrongKind(field), Lang::Nl) => {
                format!("‘{field}’ in de briefing had de verkeerde vorm en is overgeslagen.")
            }
            (BriefingWarning::WrongKind(field), Lang::En) => {
                format!("‘{field}’ in the briefing had the wrong form and was skipped.")
            }
            (BriefingWarning::Shortened(field), Lang::Nl) => {
                format!("‘{field}’ in de briefing was te lang en is ingekort.")
            }
            (BriefingWarning::Shortened(field), Lang::En) => {
                format!("‘{field}’ in the briefing was too long and was shortened.")
            }
            (BriefingWarning::TooManyScenarios(n), Lang::Nl) => format!(
                "De briefing had {n} scenario's; de eerste {MAX_SCENARIOS} zijn geladen."
            ),
            (BriefingWarning::TooManyScenarios(n), Lang::En) => format!(
                "The briefing had {n} scenarios; the first {MAX_SCENARIOS} were loaded."
            ),
            (BriefingWarning::BadScenario(n), Lang::Nl) => {
                format!("Scenario {n} van de briefing was onleesbaar en is overgeslagen.")
            }
            (BriefingWarning::BadScenario(n), Lang::En) => {
                format!("Scenario {n} of the briefing was unreadable and was skipped.")
            }
            (BriefingWarning::Link(n, w), Lang::Nl) => {
                format!("Scenario {n}: {}", w.message(lang))
            }
            (BriefingWarning::Link(n, w), Lang::En) => {
                format!("Scenario {n}: {}", w.message(lang))
            }
            (BriefingWarning::BadBaseline, _) => t(
                "De basislijn van de briefing wees geen scenario aan; de eigen basislijn van de pagina is gebruikt.",
                "The briefing's baseline named no scenario; the page's own baseline is used.",
            )
            .get(lang)
            .to_owned(),
            (BriefingWarning::UnknownChart(id), Lang::Nl) => {
                format!("Onbekende grafiek ‘{}’ overgeslagen.", quote(id))
            }
            (BriefingWarning::UnknownChart(id), Lang::En) => {
                format!("Unknown chart ‘{}’ skipped.", quote(id))
            }
        }
    }
}

/// The file as written: borrowed from the briefing.
#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u64,
    title: &'a str,
    note: &'a str,
    baseline: Option<usize>,
    charts: &'a [String],
    scenarios: Vec<ScenarioOut<'a>>,
}

#[derive(Serialize)]
struct ScenarioOut<'a> {
    link: String,
    title: &'a str,
    note: &'a str,
}

impl Briefing {
    /// The file's text (pretty JSON, so that a reader can see what it holds).
    pub fn to_json(&self) -> String {
        let out = FileOut {
            format: FORMAT,
            version: VERSION,
            title: &self.title,
            note: &self.note,
            baseline: self.baseline,
            charts: &self.charts,
            scenarios: self
                .scenarios
                .iter()
                .map(|s| ScenarioOut {
                    link: s.scenario.to_query(),
                    title: &s.title,
                    note: &s.note,
                })
                .collect(),
        };
        // Strings, numbers and lists only: writing cannot fail.
        serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
    }

    /// The file name: the title (or "briefing") in letters, digits and
    /// dashes, with the format's ending.
    pub fn file_name(&self) -> String {
        let mut stem = String::new();
        for c in self.title.chars().flat_map(char::to_lowercase) {
            if c.is_alphanumeric() {
                stem.push(c);
            } else if !stem.ends_with('-') && !stem.is_empty() {
                stem.push('-');
            }
        }
        let stem: String = stem.trim_end_matches('-').chars().take(60).collect();
        let stem = stem.trim_end_matches('-');
        format!(
            "{}{EXTENSION}",
            if stem.is_empty() { "briefing" } else { stem }
        )
    }

    /// Reads a briefing file. `charts` are the chart ids this release
    /// draws. Never panics; what is no briefing at all is an error, what
    /// could be repaired is reported.
    pub fn read(
        text: &str,
        charts: &[&str],
    ) -> Result<(Briefing, Vec<BriefingWarning>), BriefingError> {
        if text.len() > MAX_BYTES {
            return Err(BriefingError::TooLarge(text.len()));
        }
        let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|_| BriefingError::NotJson)?;
        let Value::Object(file) = value else {
            return Err(BriefingError::NotABriefing);
        };
        if file.get("format").and_then(Value::as_str) != Some(FORMAT) {
            return Err(BriefingError::NotABriefing);
        }
        let mut warnings = Vec::new();
        match file.get("version") {
            Some(Value::Number(n)) if n.as_u64() == Some(VERSION) => {}
            Some(v) => warnings.push(BriefingWarning::NewerVersion(match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })),
            None => warnings.push(BriefingWarning::WrongKind("version")),
        }
        let text_of = |value: Option<&Value>,
                       field: &'static str,
                       limit: TextLimit,
                       warnings: &mut Vec<BriefingWarning>| match value {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => {
                let (kept, cut) = tidy_text(s, limit);
                if cut.is_some() {
                    warnings.push(BriefingWarning::Shortened(field));
                }
                kept
            }
            Some(_) => {
                warnings.push(BriefingWarning::WrongKind(field));
                String::new()
            }
        };
        let title = text_of(file.get("title"), "title", TITLE_LIMIT, &mut warnings);
        let note = text_of(file.get("note"), "note", NOTE_LIMIT, &mut warnings);
        let mut scenarios = Vec::new();
        match file.get("scenarios") {
            Some(Value::Array(list)) => {
                if list.len() > MAX_SCENARIOS {
                    warnings.push(BriefingWarning::TooManyScenarios(list.len()));
                }
                for (i, item) in list.iter().take(MAX_SCENARIOS).enumerate() {
                    let link = item.get("link").and_then(Value::as_str);
                    let (Value::Object(fields), Some(link)) = (item, link) else {
                        warnings.push(BriefingWarning::BadScenario(i + 1));
                        continue;
                    };
                    let (scenario, link_warnings) = Scenario::from_query(link);
                    warnings.extend(
                        link_warnings
                            .into_iter()
                            .map(|w| BriefingWarning::Link(i + 1, w)),
                    );
                    let title = text_of(fields.get("title"), "title", TITLE_LIMIT, &mut warnings);
                    let note = text_of(fields.get("note"), "note", NOTE_LIMIT, &mut warnings);
                    scenarios.push(BriefingScenario {
                        scenario,
                        title,
                        note,
                    });
                }
            }
            None | Some(Value::Null) => {}
            Some(_) => warnings.push(BriefingWarning::WrongKind("scenarios")),
        }
        let baseline = match file.get("baseline") {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => match n.as_u64().map(|n| n as usize) {
                Some(i) if i < scenarios.len() => Some(i),
                _ => {
                    warnings.push(BriefingWarning::BadBaseline);
                    None
                }
            },
            Some(_) => {
                warnings.push(BriefingWarning::BadBaseline);
                None
            }
        };
        let mut chosen = Vec::new();
        match file.get("charts") {
            Some(Value::Array(list)) => {
                for item in list {
                    match item.as_str() {
                        Some(id) if charts.contains(&id) => {
                            if !chosen.iter().any(|c| c == id) {
                                chosen.push(id.to_owned());
                            }
                        }
                        Some(id) => warnings.push(BriefingWarning::UnknownChart(id.to_owned())),
                        None => warnings.push(BriefingWarning::UnknownChart(item.to_string())),
                    }
                }
            }
            None | Some(Value::Null) => {}
            Some(_) => warnings.push(BriefingWarning::WrongKind("charts")),
        }
        Ok((
            Briefing {
                title,
                note,
                scenarios,
                baseline,
                charts: chosen,
            },
            warnings,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MAX_NOTE;

    #[test]
    fn what_was_left_out_comes_before_what_was_repaired() {
        let mut w = vec![
            BriefingWarning::Shortened("title"),
            BriefingWarning::UnknownChart("pie".into()),
            BriefingWarning::BadScenario(2),
            BriefingWarning::NewerVersion("99".into()),
            BriefingWarning::BadScenario(3),
        ];
        BriefingWarning::by_weight(&mut w);
        assert_eq!(w[0], BriefingWarning::NewerVersion("99".into()));
        assert_eq!(
            w[1..3],
            [
                BriefingWarning::BadScenario(2),
                BriefingWarning::BadScenario(3)
            ]
        );
        assert_eq!(w[3], BriefingWarning::UnknownChart("pie".into()));
        assert_eq!(w[4], BriefingWarning::Shortened("title"));
    }

    const CHARTS: [&str; 4] = ["backlog", "costs", "waiting", "flow"];

    fn briefing() -> Briefing {
        Briefing {
            title: "Briefing DG".into(),
            note: "Drie keuzes".into(),
            scenarios: vec![
                BriefingScenario {
                    scenario: Scenario::from_query("intake=60000").0,
                    title: "Laag".into(),
                    note: String::new(),
                },
                BriefingScenario {
                    scenario: Scenario::from_query("fte=900&term=6").0,
                    title: String::new(),
                    note: "Met meer personeel".into(),
                },
            ],
            baseline: Some(1),
            charts: vec!["waiting".into(), "costs".into()],
        }
    }

    #[test]
    fn a_briefing_round_trips_and_names_its_file() {
        let b = briefing();
        let (back, warnings) = Briefing::read(&b.to_json(), &CHARTS).unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(back, b);
        assert_eq!(b.file_name(), "briefing-dg.doorstroom.json");
        let untitled = Briefing::default();
        assert_eq!(untitled.file_name(), "briefing.doorstroom.json");
        let odd = Briefing {
            title: "<b>Één/twee</b> \u{202e}x".into(),
            ..Briefing::default()
        };
        assert_eq!(odd.file_name(), "b-één-twee-b-x.doorstroom.json");
    }

    #[test]
    fn what_is_no_briefing_is_refused() {
        assert_eq!(Briefing::read("nope", &CHARTS), Err(BriefingError::NotJson));
        assert_eq!(
            Briefing::read("[1, 2]", &CHARTS),
            Err(BriefingError::NotABriefing)
        );
        assert_eq!(
            Briefing::read(r#"{"format": "other"}"#, &CHARTS),
            Err(BriefingError::NotABriefing)
        );
        let huge = format!(
            r#"{{"format": "{FORMAT}", "title": "{}"}}"#,
            "x".repeat(MAX_BYTES)
        );
        assert!(matches!(
            Briefing::read(&huge, &CHARTS),
            Err(BriefingError::TooLarge(_))
        ));
    }

    #[test]
    fn a_newer_or_damaged_file_loads_as_far_as_it_can() {
        let text = format!(
            r#"{{"format": "{FORMAT}", "version": 7, "title": 5, "future": true,
                "note": "{}",
                "baseline": 9, "charts": ["backlog", "pie", 3],
                "scenarios": [{{"link": "intake=abc&fte=600", "title": "<b>x</b>"}}, 4,
                              {{"link": "term=6", "title": "\u202eevil", "extra": 1}}]}}"#,
            "n".repeat(MAX_NOTE + 10)
        );
        let (b, w) = Briefing::read(&text, &CHARTS).unwrap();
        assert_eq!(b.scenarios.len(), 2);
        assert_eq!(b.scenarios[0].scenario.fte, 600.0);
        // HTML stays text (the page never builds HTML from it).
        assert_eq!(b.scenarios[0].title, "<b>x</b>");
        // A bidi override is dropped: no title reads backwards.
        assert_eq!(b.scenarios[1].title, "evil");
        assert_eq!(b.baseline, None);
        assert_eq!(b.charts, ["backlog"]);
        assert_eq!(b.note.chars().count(), MAX_NOTE);
        let kinds: Vec<String> = w.iter().map(|w| format!("{w:?}")).collect();
        for expected in [
            "NewerVersion(\"7\")",
            "WrongKind(\"title\")",
            "Shortened(\"note\")",
            "BadScenario(2)",
            "BadBaseline",
            "UnknownChart(\"pie\")",
            "UnknownChart(\"3\")",
        ] {
            assert!(
                kinds.iter().any(|k| k == expected),
                "{expected} in {kinds:?}"
            );
        }
        assert!(w.iter().any(|w| matches!(w, BriefingWarning::Link(1, _))));
        for w in &w {
            assert!(!w.message(Lang::Nl).is_empty() && !w.message(Lang::En).is_empty());
        }
    }

    #[test]
    fn more_than_twelve_scenarios_keep_the_first_twelve() {
        let b = Briefing {
            scenarios: (0..15)
                .map(|i| BriefingScenario {
                    scenario: Scenario::from_query(&format!("fte={}", 500 + i)).0,
                    ..BriefingScenario::default()
                })
                .collect(),
            ..Briefing::default()
        };
        let (back, w) = Briefing::read(&b.to_json(), &CHARTS).unwrap();
        assert_eq!(back.scenarios.len(), MAX_SCENARIOS);
        assert_eq!(back.scenarios[11].scenario.fte, 511.0);
        assert_eq!(w, [BriefingWarning::TooManyScenarios(15)]);
    }
}
