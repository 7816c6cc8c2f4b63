//! Named scenarios for the page's preset menu and briefing decks: each is a
//! URL query, so a preset is exactly what its link would give.

use crate::text::{Text, t};

/// A named scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    /// A short stable name, for a deck or a test.
    pub key: &'static str,
    pub label: Text,
    /// What the preset assumes, in a sentence.
    pub help: Text,
    /// The scenario as a URL query (read with `Scenario::from_query`).
    pub query: &'static str,
}

/// The presets, in the menu's order.
pub const PRESETS: [Preset; 7] = [
    Preset {
        key: "default",
        label: t("Standaard", "Default"),
        help: t(
            "De wereld van de brief op 1 mei 2023, met de BAA.",
            "The letter's world on 1 May 2023, with the BAA.",
        ),
        query: "v=1",
    },
    Preset {
        key: "seed_forecast",
        label: t("Prognose uit de brief", "The letter's forecast"),
        help: t(
            "De aannames achter de € 55 miljoen: 15 maanden, 70/30, zonder BAA.",
            "The assumptions behind the EUR 55 million: 15 months, 70/30, no BAA.",
        ),
        query: "v=1&baa=0",
    },
    Preset {
        key: "extension_falls",
        label: t("Verlenging vernietigd", "Extension set aside"),
        help: t(
            "De rechter zet de verlenging opzij: zes maanden voor iedereen.",
            "The courts set the extension aside: six months for everyone.",
        ),
        query: "v=1&term=6",
    },
    Preset {
        key: "mpp_max",
        label: t("MPP maximum", "MPP maximum"),
        help: t("Instroom 77.000 per jaar.", "Intake 77,000 a year."),
        query: "v=1&intake=77000",
    },
    Preset {
        key: "mpp_min",
        label: t("MPP minimum", "MPP minimum"),
        help: t("Instroom 49.000 per jaar.", "Intake 49,000 a year."),
        query: "v=1&intake=49000",
    },
    Preset {
        key: "court_orders_first",
        label: t("Rechterlijke lasten eerst", "Court orders first"),
        help: t(
            "Zaken met een last van de rechter gaan voor; verder oudste eerst.",
            "Cases with a court order go first; otherwise oldest first.",
        ),
        query: "v=1&order=court",
    },
    Preset {
        key: "as_it_happened",
        label: t("Zo ging het", "As it happened"),
        help: t(
            "De gepubliceerde instroom 2023–2025, de verlenging voor 2024 en de intrekking in juni 2025, de capaciteit en het gedrag waarmee het model de cijfers van de IND volgt.",
            "The published intake 2023–2025, the extension for 2024 and its withdrawal in June 2025, and the capacity and behaviour with which the model tracks the IND's figures.",
        ),
        query: AS_IT_HAPPENED,
    },
];

/// "As it happened": the scenario that the model's README ("The record")
/// calibrates to the published figures, each value with its reason there.
/// The intake follows the published totals for 2023 to 2025; the run ends
/// with 2025, the last year with a published intake.
pub const AS_IT_HAPPENED: &str = "v=1&fte=700&baa=0&intake_by_year=on&backlog_nareis=20300\
&hiring_per_month=30&capacity_t1=6720&capacity_nareis=7440&ext_until=2025-01-01\
&ext_withdrawn=2025-06-01&past_term_share=0.8&notice_share=0.6&notice_weeks=30\
&appeal_share=0.3&until=2025-12-31";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scenario;

    #[test]
    fn every_preset_reads_cleanly_and_writes_itself() {
        for p in PRESETS {
            let (s, warnings) = Scenario::from_query(p.query);
            assert!(warnings.is_empty(), "{}: {warnings:?}", p.key);
            assert_eq!(s.to_query(), p.query, "{}", p.key);
        }
        assert_eq!(
            Scenario::from_query(PRESETS[1].query).0,
            Scenario::seed_forecast()
        );
    }
}
