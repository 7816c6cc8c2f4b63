//! Named scenarios for the page's preset buttons and briefing decks.
//!
//! A preset sets its own levers and keeps every other one as it is, so that
//! presets combine: "MPP maximum" then "extension set aside" gives both. It
//! is written as the link pairs of the levers it sets, so a preset is
//! exactly what those pairs in a link would give; it is active when all of
//! its levers have its values, the one rule the page marks presets by.

use std::sync::OnceLock;

use crate::levers::{Lever, LeverValue, lever, levers};
use crate::outlook::{LETTER_NAME, OUTLOOK_NAME};
use crate::scenario::Scenario;
use crate::text::{Lang, Text, t};

/// Where a preset stands on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PresetGroup {
    /// An intake figure of the MPP (shown as a row of figures).
    Intake,
    /// A set of policy or behaviour assumptions.
    Policy,
}

/// A named set of lever values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    /// A short stable name, for a deck, the command line or a test.
    pub key: &'static str,
    pub group: PresetGroup,
    pub label: Text,
    /// What the preset assumes, in a sentence.
    pub help: Text,
    /// The levers it sets ([`Preset::sets`]).
    pub sets: Sets,
}

/// The levers a preset sets, as link pairs (`baa=0&order=split`) read with
/// the link reader: written out, or the difference between the two worlds
/// (the letter's and today's outlook), made from them so that it is said
/// once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sets {
    Pairs(&'static str),
    /// Every lever in which today's outlook differs from the letter's
    /// world, at the outlook's value.
    Outlook,
    /// Every lever in which the letter's world differs from today's
    /// outlook, at the letter's value.
    Letter,
}

/// The presets by name, so that code names one it needs by a typed
/// constant (`Preset::FROM_NOW`), not by a key looked up at run time.
impl Preset {
    pub const MPP_MIN: Preset = Preset {
        key: "mpp_min",
        group: PresetGroup::Intake,
        label: t("MPP minimum", "MPP minimum"),
        help: t(
            "Instroom 49.000 per jaar (MPP 2023).",
            "Intake 49,000 a year (MPP 2023).",
        ),
        sets: Sets::Pairs("intake=49000"),
    };

    pub const MPP_MID: Preset = Preset {
        key: "mpp_mid",
        group: PresetGroup::Intake,
        label: t("MPP medio", "MPP medium"),
        help: t(
            "Instroom 67.000 per jaar (MPP 2023).",
            "Intake 67,000 a year (MPP 2023).",
        ),
        sets: Sets::Pairs("intake=67000"),
    };

    pub const LETTER_INTAKE: Preset = Preset {
        key: "letter_intake",
        group: PresetGroup::Intake,
        label: t("Meest waarschijnlijk", "Most likely"),
        help: t(
            "Instroom 70.000 per jaar: ‘ruim 70.000’, wat de brief het meest waarschijnlijk acht.",
            "Intake 70,000 a year: ‘just over 70,000’, which the letter judges most likely.",
        ),
        sets: Sets::Pairs("intake=70000"),
    };

    pub const MPP_MAX: Preset = Preset {
        key: "mpp_max",
        group: PresetGroup::Intake,
        label: t("MPP maximum", "MPP maximum"),
        help: t(
            "Instroom 77.000 per jaar (MPP 2023).",
            "Intake 77,000 a year (MPP 2023).",
        ),
        sets: Sets::Pairs("intake=77000"),
    };

    pub const SEED_FORECAST: Preset = Preset {
        key: "seed_forecast",
        group: PresetGroup::Policy,
        label: t(
            "Aannames van de prognose in de Kamerbrief",
            "Forecast assumptions of the letter to Parliament",
        ),
        help: t(
            "De aannames achter de € 55 miljoen: 15 maanden tot 1 januari 2024; 70% op zaken over de termijn, 30% op de nieuwste instroom; geen BAA.",
            "The assumptions behind the EUR 55 million: 15 months until 1 January 2024; 70% on cases past their term, 30% on the newest intake; no BAA.",
        ),
        sets: Sets::Pairs("term=15&ext_until=2024-01-01&order=split&past_term_share=0.7&baa=0"),
    };

    pub const EXTENSION_FALLS: Preset = Preset {
        key: "extension_falls",
        group: PresetGroup::Policy,
        label: t(
            "Verlenging door de rechter opzij gezet",
            "Extension set aside by the courts",
        ),
        help: t(
            "Zes maanden beslistermijn voor iedereen.",
            "A six-month decision term for everyone.",
        ),
        sets: Sets::Pairs("term=6"),
    };

    pub const COURT_ORDERS_FIRST: Preset = Preset {
        key: "court_orders_first",
        group: PresetGroup::Policy,
        label: t("Rechterlijke lasten eerst", "Court orders first"),
        help: t(
            "Zaken met een last van de rechter gaan voor; verder oudste eerst.",
            "Cases with a court order go first; otherwise oldest first.",
        ),
        sets: Sets::Pairs("order=court"),
    };

    pub const AS_IT_HAPPENED: Preset = Preset {
        key: "as_it_happened",
        group: PresetGroup::Policy,
        label: t("Zo ging het", "As it happened"),
        help: t(
            "De gepubliceerde instroom 2023–2025, de verlenging voor 2024 en de intrekking in juni 2025, de capaciteit en het gedrag waarmee het model de cijfers van de IND volgt.",
            "The published intake 2023–2025, the extension for 2024 and its withdrawal in June 2025, and the capacity and behaviour with which the model tracks the IND's figures.",
        ),
        sets: Sets::Pairs(AS_IT_HAPPENED),
    };

    pub const FROM_NOW: Preset = Preset {
        key: "from_now",
        group: PresetGroup::Policy,
        label: OUTLOOK_NAME,
        help: t(
            "Tot de nieuwste gepubliceerde cijfers ‘Zo ging het’; daarna uw keuzes, vijf jaar vooruit. Instroom, productie, gedrag en dwangsommen lopen door zoals ze het laatst gepubliceerd zijn; de beslistermijn is zes maanden, de wet sinds het arrest van het EU-Hof van 8 mei 2025 (C-662/23).",
            "‘As it happened’ up to the newest published figures; your choices after them, five years ahead. Intake, production, behaviour and penalties carry on as last published; the decision term is six months, the law since the EU Court's judgment of 8 May 2025 (C-662/23).",
        ),
        sets: Sets::Outlook,
    };

    pub const LETTER: Preset = Preset {
        key: "letter",
        group: PresetGroup::Policy,
        label: LETTER_NAME,
        help: t(
            "De wereld van de Kamerbrief van april 2023: uw keuzes vanaf 1 mei 2023 tot eind 2026, met de aannames en de ijking van de brief (€ 55 miljoen, 20.000 beroepen).",
            "The world of the letter to Parliament of April 2023: your choices from 1 May 2023 to the end of 2026, with the letter's assumptions and calibration (EUR 55 million, 20,000 appeals).",
        ),
        sets: Sets::Letter,
    };

    pub const MPP2025_MIN: Preset = Preset {
        key: "mpp2025_min",
        group: PresetGroup::Intake,
        label: t("MPP 2025 minimum", "MPP 2025 minimum"),
        help: t(
            "Instroom 39.000 per jaar: de onderkant voor 2026 (MPP september 2025, rijksoverheid.nl, 26 september 2025).",
            "Intake 39,000 a year: the low end for 2026 (MPP September 2025, rijksoverheid.nl, 26 September 2025).",
        ),
        sets: Sets::Pairs("intake=39000"),
    };

    pub const MPP2025_MID: Preset = Preset {
        key: "mpp2025_mid",
        group: PresetGroup::Intake,
        label: t("MPP 2025 midden", "MPP 2025 middle"),
        help: t(
            "Instroom 53.050 per jaar: het midden van 39.000 tot 67.100 voor 2026 (MPP september 2025; het MPP noemt geen middenwaarde).",
            "Intake 53,050 a year: the midpoint of 39,000 to 67,100 for 2026 (MPP September 2025; the MPP names no central figure).",
        ),
        sets: Sets::Pairs("intake=53050"),
    };

    pub const MPP2025_MAX: Preset = Preset {
        key: "mpp2025_max",
        group: PresetGroup::Intake,
        label: t("MPP 2025 maximum", "MPP 2025 maximum"),
        help: t(
            "Instroom 67.100 per jaar: de bovenkant voor 2026 (MPP september 2025, rijksoverheid.nl, 26 september 2025).",
            "Intake 67,100 a year: the high end for 2026 (MPP September 2025, rijksoverheid.nl, 26 September 2025).",
        ),
        sets: Sets::Pairs("intake=67100"),
    };
}

/// The presets, in the page's order.
pub const PRESETS: [Preset; 13] = [
    Preset::MPP_MIN,
    Preset::MPP_MID,
    Preset::LETTER_INTAKE,
    Preset::MPP_MAX,
    Preset::SEED_FORECAST,
    Preset::EXTENSION_FALLS,
    Preset::COURT_ORDERS_FIRST,
    Preset::AS_IT_HAPPENED,
    Preset::FROM_NOW,
    Preset::LETTER,
    Preset::MPP2025_MIN,
    Preset::MPP2025_MID,
    Preset::MPP2025_MAX,
];

/// "As it happened": exactly what `scenario --fit` prints, the known
/// inputs (`calibration::RECORD_BASE`) and the values fitted to every
/// published figure (`calibration::FITTED`); a test checks that the fit
/// still gives it. The run ends with the record's inputs (26 July 2026).
/// Like every preset it sets only the levers it names; applied to the
/// default scenario (`Scenario::from_query(AS_IT_HAPPENED)`) it is the
/// calibrated run.
pub const AS_IT_HAPPENED: &str = "intake_by_year=on&baa=0&ext_until=2025-01-01&ext_withdrawn=2025-06-01\
&term=15&term_nareis=6&fte=532&hiring_per_month=0&capacity_t1=6720\
&capacity_t2=2200&capacity_nareis=7440&backlog_nareis=20300\
&order=split&share_nareis=0.228&court_penalty_cap=7500\
&court_penalty_cap_nareis=7500&from=2023-05-01&until=2026-07-26&productivity=0.53&past_term_share=0.95\
&share_t1=0.15&share_t2=0.055&notice_share=0.95&notice_weeks=0\
&appeal_share=0.19&notice_share_nareis=0.45&notice_weeks_nareis=24\
&appeal_share_nareis=0.29";
impl Sets {
    /// The link pairs.
    pub fn pairs(self) -> &'static str {
        static OUTLOOK: OnceLock<String> = OnceLock::new();
        static LETTER: OnceLock<String> = OnceLock::new();
        match self {
            Sets::Pairs(pairs) => pairs,
            Sets::Outlook => {
                OUTLOOK.get_or_init(|| difference(&Scenario::default(), &Scenario::outlook()))
            }
            Sets::Letter => {
                LETTER.get_or_init(|| difference(&Scenario::outlook(), &Scenario::default()))
            }
        }
    }
}

/// The link pairs of the levers in which `to` differs from `from`, at
/// `to`'s values.
fn difference(from: &Scenario, to: &Scenario) -> String {
    let pairs: Vec<String> = levers()
        .iter()
        .filter(|l| !l.same(from, to))
        .map(|l| format!("{}={}", l.key, l.link_text(to)))
        .collect();
    pairs.join("&")
}

/// The levers named in `sets`' link pairs, in their order.
fn parse_levers(sets: Sets) -> Vec<&'static Lever> {
    form_urlencoded::parse(sets.pairs().as_bytes())
        .filter_map(|(key, _)| lever(&key))
        .collect()
}

/// The default scenario with each preset applied, in `PRESETS`' order:
/// read once, since the page asks every frame which presets are active.
fn targets() -> &'static [Scenario] {
    static TARGETS: OnceLock<Vec<Scenario>> = OnceLock::new();
    TARGETS.get_or_init(|| {
        PRESETS
            .iter()
            .map(|p| Scenario::from_query(p.sets.pairs()).0)
            .collect()
    })
}

impl Preset {
    /// The levers this preset sets, in the order it names them: read from
    /// its link pairs once, since runs that follow "as it happened" apply
    /// it every time and the page asks every frame which presets are
    /// active.
    pub fn levers(&self) -> impl Iterator<Item = &'static Lever> {
        static LEVERS: OnceLock<Vec<Vec<&'static Lever>>> = OnceLock::new();
        let lists = LEVERS.get_or_init(|| PRESETS.iter().map(|p| parse_levers(p.sets)).collect());
        let i = PRESETS.iter().position(|p| p.key == self.key).unwrap_or(0);
        lists[i].iter().copied()
    }

    /// The default scenario with this preset's levers set.
    fn target(&self) -> &'static Scenario {
        let i = PRESETS.iter().position(|p| p.key == self.key).unwrap_or(0);
        &targets()[i]
    }

    /// `s` with this preset's levers set and every other lever kept.
    #[must_use]
    pub fn apply(&self, s: &Scenario) -> Scenario {
        let mut out = s.clone();
        for l in self.levers() {
            l.copy(self.target(), &mut out);
        }
        out
    }

    /// `s` with this preset set aside: each lever it sets that still has
    /// the preset's value goes back to its default (the world's of `s`;
    /// for a world's own preset, the other world's); a lever the reader
    /// moved since keeps the reader's value.
    #[must_use]
    pub fn set_aside(&self, s: &Scenario) -> Scenario {
        let default = match self.sets {
            Sets::Outlook => Scenario::default(),
            Sets::Letter => Scenario::outlook(),
            Sets::Pairs(_) => s.world_defaults(),
        };
        let mut out = s.clone();
        for l in self.levers() {
            if l.same(s, self.target()) {
                l.copy(&default, &mut out);
            }
        }
        out
    }

    /// The levers this preset sets, by their index in the lever table,
    /// with the values it sets them to: read once into typed form, so that
    /// the page's "active" mark compares values rather than reading the
    /// preset's link pairs at every change.
    pub fn values(&self) -> &'static [(usize, LeverValue)] {
        static VALUES: OnceLock<Vec<Vec<(usize, LeverValue)>>> = OnceLock::new();
        let all = VALUES.get_or_init(|| {
            PRESETS
                .iter()
                .map(|p| p.levers().map(|l| (l.index(), l.get(p.target()))).collect())
                .collect()
        });
        let i = PRESETS.iter().position(|p| p.key == self.key).unwrap_or(0);
        &all[i]
    }

    /// Whether every lever of this preset has its value in `s`.
    pub fn is_active(&self, s: &Scenario) -> bool {
        self.levers().all(|l| l.same(s, self.target()))
    }

    /// The levers it sets, for its help: "Zet: BAA, werkvolgorde."
    pub fn sets_text(&self, lang: Lang) -> String {
        let names: Vec<&str> = self.levers().map(|l| l.label.get(lang)).collect();
        let lead = t("Zet", "Sets").get(lang);
        format!("{lead}: {}.", names.join(", "))
    }
}

/// The preset with key `key`.
pub fn preset(key: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.key == key)
}

impl Scenario {
    /// The letter's forecast assumptions (the external model behind the EUR
    /// 55 million) on the default scenario: the `seed_forecast` preset.
    #[must_use]
    pub fn seed_forecast() -> Scenario {
        Preset::SEED_FORECAST.apply(&Scenario::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TermPolicy;

    #[test]
    fn each_preset_has_one_key_and_its_name_finds_it() {
        for (i, p) in PRESETS.iter().enumerate() {
            assert_eq!(preset(p.key), Some(p), "{}", p.key);
            assert!(PRESETS[..i].iter().all(|q| q.key != p.key), "{}", p.key);
        }
        assert_eq!(preset("from_now"), Some(&Preset::FROM_NOW));
        assert_eq!(preset("as_it_happened"), Some(&Preset::AS_IT_HAPPENED));
    }

    #[test]
    fn a_presets_typed_values_say_the_same_as_its_active_rule() {
        for p in &PRESETS {
            let values = p.values();
            assert_eq!(values.len(), p.levers().count(), "{}", p.key);
            for s in [
                Scenario::default(),
                Scenario::outlook(),
                Scenario::seed_forecast(),
            ] {
                let by_values = values.iter().all(|&(i, v)| levers()[i].get(&s) == v);
                assert_eq!(by_values, p.is_active(&s), "{}", p.key);
            }
            let on = p.apply(&Scenario::default());
            assert!(
                values.iter().all(|&(i, v)| levers()[i].get(&on) == v),
                "{}",
                p.key
            );
        }
    }

    #[test]
    fn setting_a_preset_aside_keeps_what_the_reader_moved_since() {
        let from_now = Preset::FROM_NOW;
        let default = Scenario::default();
        let on = from_now.apply(&default);
        assert_ne!(on, default);
        assert_eq!(from_now.set_aside(&on), default);
        let (moved, _) = Scenario::from_query("v=2&fte=950");
        let off = from_now.set_aside(&moved);
        assert_eq!(off.fte, 950.0);
        assert_eq!(off.from, default.from);
        assert_eq!(off.baa_per_year, default.baa_per_year);
        // The letter's preset is the way back, and set aside the way out.
        let letter = Preset::LETTER;
        assert_eq!(letter.apply(&Scenario::outlook()), default);
        assert_eq!(letter.set_aside(&default), Scenario::outlook());
        assert!(letter.is_active(&default) && from_now.is_active(&Scenario::outlook()));
        // An intake preset set aside goes back to its world's intake.
        let low = Preset::MPP2025_MIN;
        let outlook = Scenario::outlook();
        assert_eq!(low.set_aside(&low.apply(&outlook)), outlook);
    }

    #[test]
    fn every_preset_reads_cleanly_and_names_only_levers() {
        for p in PRESETS {
            let (_, warnings) = Scenario::from_query(p.sets.pairs());
            assert!(warnings.is_empty(), "{}: {warnings:?}", p.key);
            let pairs = form_urlencoded::parse(p.sets.pairs().as_bytes()).count();
            assert_eq!(p.levers().count(), pairs, "{}", p.key);
            assert!(pairs > 0, "{} sets nothing", p.key);
            assert!(p.is_active(&p.apply(&Scenario::default())), "{}", p.key);
        }
    }

    #[test]
    fn a_preset_keeps_the_levers_it_does_not_name() {
        let (start, _) = Scenario::from_query("intake=77000&term=6&fte=700");
        let forecast = Preset::SEED_FORECAST.apply(&start);
        assert_eq!((forecast.intake_per_year, forecast.fte), (77_000.0, 700.0));
        assert_eq!(forecast.baa_per_year, 0.0);
        assert_eq!(forecast.term, TermPolicy::Extended, "it names the term");
        let courts = Preset::EXTENSION_FALLS.apply(&forecast);
        assert_eq!(courts.baa_per_year, 0.0, "the forecast's BAA stays");
        assert_eq!(courts.term, TermPolicy::SixMonths);
        assert!(Preset::EXTENSION_FALLS.is_active(&courts));
        assert!(
            !Preset::SEED_FORECAST.is_active(&courts),
            "its term was changed"
        );
    }

    #[test]
    fn the_letter_s_forecast_is_the_default_without_the_baa() {
        let s = Scenario::seed_forecast();
        assert_eq!(
            Scenario {
                baa_per_year: 13_000.0,
                ..s
            },
            Scenario::default()
        );
    }

    #[test]
    fn help_says_which_levers_are_set() {
        let p = Preset::SEED_FORECAST;
        let text = p.sets_text(Lang::En);
        assert!(text.starts_with("Sets: Asylum decision term, "), "{text}");
        assert!(text.contains("BAA"), "{text}");
    }
}
