//! Every string the page itself shows, in Dutch and in English.
//!
//! Lever labels, help and sources are not here: they come from the model's
//! lever table, the one source of truth for what a lever means. Chart titles
//! and axis labels come from the charts crate. Numbers and dates are not
//! formatted here either: that is `format.rs`, through the browser's `Intl`.

use doorstroom_model::Lang;

/// One string in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct T {
    pub nl: &'static str,
    pub en: &'static str,
}

impl T {
    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => self.nl,
            Lang::En => self.en,
        }
    }
}

const fn t(nl: &'static str, en: &'static str) -> T {
    T { nl, en }
}

/// The BCP 47 locale for `Intl` and for `<html lang>`.
pub fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "nl-NL",
        Lang::En => "en-GB",
    }
}

pub fn html_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "nl",
        Lang::En => "en",
    }
}

// The masthead and footer.
pub const TITLE: T = t("Doorstroom", "Doorstroom");
pub const TAGLINE: T = t(
    "scenario's voor de asielketen",
    "scenarios for the asylum pipeline",
);
pub const SUBTITLE: T = t(
    "Scenario's voor de asielketen van de IND: instroom, personeel, beslistermijn en wat vertraging kost.",
    "Scenarios for the IND asylum decision pipeline: intake, staff, decision term and what delay costs.",
);
pub const MODEL_VERSION: T = t("Rekenmodel versie", "Model version");
pub const MODEL_START: T = t("startpunt", "starting point");
pub const OFFLINE: T = t(
    "Werkt zonder server en zonder netwerk: alles rekent in uw browser.",
    "Works without a server or network: everything is computed in your browser.",
);
pub const BASELINE_IS_DEFAULT: T = t(
    "Verschillen zijn berekend ten opzichte van het standaardscenario.",
    "Changes are shown against the default scenario.",
);
pub const BASELINE_IS_PINNED: T = t(
    "Verschillen zijn berekend ten opzichte van het vastgezette scenario.",
    "Changes are shown against the pinned scenario.",
);

// The toolbar.
pub const TOOLBAR: T = t("Scenario-acties", "Scenario actions");
pub const DOWNLOAD_CSV: T = t("CSV", "CSV");
pub const DOWNLOAD_CSV_LABEL: T = t("CSV downloaden", "Download CSV");
pub const DOWNLOAD_CSV_HELP: T = t(
    "Download de cijfers per week van dit scenario als CSV.",
    "Download this scenario's weekly figures as CSV.",
);
pub const COPY_LINK: T = t("Link kopiëren", "Copy link");
pub const COPIED: T = t("Link gekopieerd", "Link copied");
pub const COPY_FAILED: T = t(
    "Kopiëren lukte niet; kopieer het adres uit de adresbalk.",
    "Copying failed; copy the address from the address bar.",
);
pub const UNDO: T = t("Ongedaan maken", "Undo");
pub const REDO: T = t("Opnieuw", "Redo");
pub const UNDO_KEYS: T = t("Ctrl+Z", "Ctrl+Z");
pub const REDO_KEYS: T = t("Ctrl+Shift+Z", "Ctrl+Shift+Z");
pub const RESET_LOADED: T = t("Terug naar geladen", "Reset to loaded");
pub const RESET_LOADED_HELP: T = t(
    "Zet alle hefbomen terug op het scenario waarmee de pagina werd geopend.",
    "Set every lever back to the scenario the page was opened with.",
);
pub const RESET_DEFAULT: T = t("Standaard", "Default");
pub const RESET_DEFAULT_HELP: T = t(
    "Zet alle hefbomen terug op hun standaardwaarde.",
    "Set every lever back to its default.",
);
pub const PIN: T = t("Vastzetten als basislijn", "Pin as baseline");
pub const PIN_HELP: T = t(
    "Vergelijk voortaan met dit scenario in plaats van met het standaardscenario.",
    "Compare with this scenario from now on instead of the default.",
);
pub const UNPIN: T = t("Basislijn: standaard", "Baseline: default");
pub const UNPIN_HELP: T = t(
    "Vergelijk weer met het standaardscenario.",
    "Compare with the default scenario again.",
);
pub const OTHER_LANGUAGE: T = t("English", "Nederlands");
pub const OTHER_LANGUAGE_HELP: T = t("Switch to English", "Schakel over naar Nederlands");

// The controls column.
pub const SCENARIO: T = t("Scenario", "Scenario");
pub const HEADLINE_LEVERS: T = t("Belangrijkste hefbomen", "Main levers");
pub const MORE_LEVERS: T = t("Alle hefbomen", "All levers");
pub const PRESETS: T = t("Voorbeeldscenario's", "Presets");
pub const DEFAULT: T = t("standaard", "default");
pub const CHANGED: T = t("gewijzigd", "changed");
pub const ABOUT: T = t("Uitleg bij", "About");
pub const SOURCE: T = t("Bron", "Source");
pub const CLOSE: T = t("Sluiten", "Close");
pub const TO_DEFAULT: T = t("Terug naar standaard", "Back to default");
pub const GROUP_CHANGED: T = t("gewijzigd", "changed");

// The presets. The MPP ones are named by the model (`INTAKE_PRESETS`).
pub const PRESET_MPP: T = t("MPP 2023, instroom", "MPP 2023, intake");
pub const PRESET_FORECAST: T = t(
    "Aannames van de prognose in de Kamerbrief",
    "Forecast assumptions of the letter to Parliament",
);
pub const PRESET_FORECAST_HELP: T = t(
    "15 maanden; 70% op zaken over de termijn, 30% op de nieuwste instroom; geen BAA.",
    "15 months; 70% on cases past their term, 30% on the newest intake; no BAA.",
);
pub const PRESET_COURTS: T = t(
    "Verlenging door de rechter opzij gezet",
    "Extension set aside by the courts",
);
pub const PRESET_COURTS_HELP: T = t(
    "Zes maanden beslistermijn voor iedereen.",
    "A six-month decision term for everyone.",
);

// The headline figures.
pub const FIGURES: T = t("Kerncijfers", "Headline figures");
pub const KPI_BACKLOG_END: T = t("Werkvoorraad aan het eind", "Backlog at the end");
pub const KPI_BACKLOG_PEAK: T = t("Hoogste werkvoorraad", "Peak backlog");
pub const KPI_COST_TOTAL: T = t("Dwangsommen en proceskosten", "Penalty and legal costs");
pub const KPI_COST_2024: T = t("Kosten tot en met 2024", "Costs through 2024");
pub const KPI_IN_TERM: T = t("Binnen de termijn beslist", "Decided within term");
pub const KPI_BACK_IN_TERM: T = t("Weer binnen de termijn", "Back within term");
/// The backlog cards count every stream, which the letter's 33,555 (track 4
/// alone) does not: say so where the figure stands.
pub const CASES_ALL_STREAMS: T = t(
    "zaken (spoor 1, 2, 4 en nareis)",
    "cases (tracks 1, 2, 4 and family)",
);
pub const AT: T = t("op", "on");
pub const IN: T = t("in", "in");
pub const TOTAL_UNTIL: T = t("totaal tot", "total until");
pub const OF_WHICH_ASYLUM_PENALTIES: T =
    t("waarvan dwangsommen asiel", "of which asylum penalties");
pub const LETTER_EXPECTED: T = t(
    "Kamerbrief verwachtte (zonder BAA)",
    "the letter expected (without the BAA)",
);
pub const OF_DECISIONS: T = t(
    "van alle beslissingen (alle sporen en nareis)",
    "of all decisions (all tracks and family)",
);
pub const NOT_BEFORE: T = t("niet vóór", "not before");
pub const NEVER_NOTE: T = t(
    "tot het eind van de periode blijven er zaken over de termijn",
    "cases stay past their term to the end of the horizon",
);
pub const FIRST_MONTH_NOTE: T = t(
    "eerste maand zonder zaken over de termijn",
    "first month without cases past term",
);
pub const VS_BASELINE: T = t("t.o.v. basislijn", "vs baseline");
pub const NO_CHANGE: T = t("gelijk aan basislijn", "same as baseline");
pub const HIGHER: T = t("hoger", "higher");
pub const LOWER: T = t("lager", "lower");
pub const EARLIER: T = t("eerder", "earlier");
pub const LATER: T = t("later", "later");
pub const PERCENT_POINTS: T = t("procentpunt", "percentage points");
pub const MONTHS: T = t("maanden", "months");
pub const MONTH: T = t("maand", "month");
pub const NOW_WITHIN: T = t("nu wel binnen de termijn", "now back within term");
pub const NOW_NEVER: T = t(
    "nu niet meer binnen de termijn",
    "no longer back within term",
);

// The charts.
pub const CHARTS: T = t("Grafieken", "Charts");
pub const SHOW_TABLE: T = t("Toon als tabel", "Show as table");
pub const SHOW_CHART: T = t("Toon als grafiek", "Show as chart");
pub const DOWNLOAD_PNG: T = t("PNG downloaden", "Download PNG");
pub const CHART_HINT: T = t(
    "Beweeg de muis over de grafiek voor de waarden per week.",
    "Move the pointer over the chart for the values per week.",
);

// The notice of repaired links.
pub const NOTICE_TITLE: T = t(
    "Niet alles in de link kon worden gebruikt",
    "Not everything in the link could be used",
);
pub const NOTICE_BODY: T = t(
    "De pagina heeft het volgende aangepast; de rest van het scenario is geladen.",
    "The page changed the following; the rest of the scenario was loaded.",
);
pub const NOTICE_BASE: T = t("In de basislijn:", "In the baseline:");
pub const DISMISS: T = t("Melding sluiten", "Dismiss notice");

#[cfg(test)]
mod tests {
    use super::*;

    /// Both languages are filled in for a sample of strings of every kind;
    /// an empty string would show as a blank button on the page.
    #[test]
    fn strings_are_filled_in_both_languages() {
        for s in [
            TITLE,
            SUBTITLE,
            COPY_LINK,
            UNDO,
            REDO,
            PIN,
            UNPIN,
            PRESET_FORECAST,
            PRESET_COURTS,
            KPI_BACKLOG_END,
            KPI_COST_2024,
            SHOW_TABLE,
            DOWNLOAD_PNG,
            NOTICE_TITLE,
            DISMISS,
        ] {
            assert!(!s.nl.is_empty() && !s.en.is_empty(), "{s:?}");
        }
        assert_eq!(COPY_LINK.get(Lang::Nl), "Link kopiëren");
        assert_eq!(COPY_LINK.get(Lang::En), "Copy link");
    }

    #[test]
    fn locales_are_the_ones_intl_knows() {
        assert_eq!(locale(Lang::Nl), "nl-NL");
        assert_eq!(locale(Lang::En), "en-GB");
    }
}
