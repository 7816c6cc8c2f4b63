//! Every string the page itself shows, in Dutch and in English.
//!
//! Lever labels, help and sources are not here: they come from the model's
//! lever table, the one source of truth for what a lever means. Chart titles
//! and axis labels come from the charts crate. Numbers and dates are not
//! formatted here either: that is `format.rs`, through the browser's `Intl`.
//! The texts are the model's `Text`, the one bilingual type of the project.

use doorstroom_model::{Date, Lang, Text, t};

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
pub const TITLE: Text = t("Doorstroom", "Doorstroom");
pub const TAGLINE: Text = t(
    "scenario's voor de asielketen",
    "scenarios for the asylum pipeline",
);
pub const SUBTITLE: Text = t(
    "Scenario's voor de asielketen van de IND: instroom, personeel, beslistermijn en wat vertraging kost.",
    "Scenarios for the IND asylum decision pipeline: intake, staff, decision term and what delay costs.",
);
pub const MODEL_VERSION: Text = t("Rekenmodel versie", "Model version");
pub const MODEL_START: Text = t("startpunt", "starting point");
pub const OFFLINE: Text = t(
    "Werkt zonder server en zonder netwerk: alles rekent in uw browser.",
    "Works without a server or network: everything is computed in your browser.",
);
pub const RELEASE: Text = t("Deze pagina is versie", "This page is release");
/// Followed by the name of the scenario's world (its defaults).
pub const BASELINE_IS_DEFAULT: Text = t(
    "Verschillen zijn berekend ten opzichte van de standaard:",
    "Changes are shown against the default:",
);
pub const BASELINE_IS_PINNED: Text = t(
    "Verschillen zijn berekend ten opzichte van het vastgezette scenario.",
    "Changes are shown against the pinned scenario.",
);

// The toolbar.
pub const TOOLBAR: Text = t("Scenario-acties", "Scenario actions");
pub const DOWNLOAD_CSV: Text = t("CSV", "CSV");
pub const DOWNLOAD_CSV_LABEL: Text = t("CSV downloaden", "Download CSV");
pub const DOWNLOAD_CSV_HELP: Text = t(
    "Download alle cijfers per week van dit scenario, in totaal en per spoor, als CSV voor een spreadsheet.",
    "Download all of this scenario's figures by week, in total and by stream, as CSV for a spreadsheet.",
);
pub const COPY_LINK: Text = t("Link kopiëren", "Copy link");
pub const COPIED: Text = t("Link gekopieerd", "Link copied");
pub const COPY_FAILED: Text = t(
    "Kopiëren lukte niet; kopieer het adres uit de adresbalk.",
    "Copying failed; copy the address from the address bar.",
);
pub const UNDO: Text = t("Ongedaan maken", "Undo");
pub const REDO: Text = t("Opnieuw", "Redo");
pub const UNDO_KEYS: Text = t("Ctrl+Z", "Ctrl+Z");
pub const REDO_KEYS: Text = t("Ctrl+Shift+Z", "Ctrl+Shift+Z");
pub const RESET_LOADED: Text = t("Terug naar geladen", "Reset to loaded");
pub const RESET_LOADED_HELP: Text = t(
    "Zet alle hefbomen terug op het scenario waarmee de pagina werd geopend.",
    "Set every lever back to the scenario the page was opened with.",
);
pub const RESET_DEFAULT: Text = t("Standaard", "Default");
pub const RESET_DEFAULT_HELP: Text = t(
    "Zet alle hefbomen terug op hun standaardwaarde.",
    "Set every lever back to its default.",
);
pub const PIN: Text = t("Vastzetten", "Pin");
pub const PIN_HELP: Text = t(
    "Zet dit scenario vast om te vergelijken: zijn lijnen komen in elke grafiek en zijn cijfers in de vergelijking. De basislijn blijft wat u kiest.",
    "Pin this scenario to compare: its lines go on every chart and its figures into the comparison. The baseline stays what you chose.",
);
pub const PIN_FULL_HELP: Text = t(
    "Er staan al drie scenario's vast; maak er eerst een los.",
    "Three scenarios are pinned already; unpin one first.",
);
pub const PIN_SAME_HELP: Text = t(
    "Dit scenario staat al vast (of is het standaardscenario).",
    "This scenario is pinned already (or is the default).",
);
/// The choice of the baseline, beside the pinned scenarios.
pub const BASELINE_CHOICE: Text = t("Vergelijken met", "Compare with");
pub const UNPIN: Text = t("Basislijn losmaken", "Unpin baseline");
pub const UNPIN_HELP: Text = t(
    "Vergelijk weer met het standaardscenario.",
    "Compare with the default scenario again.",
);
pub const OTHER_LANGUAGE: Text = t("English", "Nederlands");
pub const OTHER_LANGUAGE_HELP: Text = t("Switch to English", "Schakel over naar Nederlands");

// The controls column.
pub const SCENARIO: Text = t("Scenario", "Scenario");
pub const HEADLINE_LEVERS: Text = t("Belangrijkste hefbomen", "Main levers");
pub const MORE_LEVERS: Text = t("Alle hefbomen", "All levers");
pub const PRESETS: Text = t("Voorbeeldscenario's", "Presets");
pub const DEFAULT: Text = t("standaard", "default");
pub const CHANGED: Text = t("gewijzigd", "changed");
pub const ABOUT: Text = t("Uitleg bij", "About");
pub const SOURCE: Text = t("Bron", "Source");
pub const CLOSE: Text = t("Sluiten", "Close");
pub const TO_DEFAULT: Text = t("Terug naar standaard", "Back to default");
pub const GROUP_CHANGED: Text = t("gewijzigd", "changed");
/// Under the switch of today's outlook, on: which published figures the
/// history follows through which day ([`history_followed`]), then from
/// when the reader's levers apply.
pub const FROM_NOW_ON: Text = t("uw keuzes vanaf", "your choices from");
/// Under the switch, off: the letter's world, and from when its levers
/// apply.
pub const FROM_NOW_OFF: Text = t(
    "uit: de wereld van de brief van april 2023, uw keuzes vanaf",
    "off: the world of the letter of April 2023, your choices from",
);
/// The published figures a history follows (`record::inputs`), each with
/// the year of its newest figure.
const FOLLOWS_INTAKE: Text = t("instroom", "intake");
const FOLLOWS_PRODUCTION: Text = t("productie", "production");
const FOLLOWS_COURT: Text = t("dwangsom rechter", "court penalty");

/// Which published figures the history before `from` follows, through
/// which day: "zoals gepubliceerd t/m 26 juli 2026 (instroom 2026,
/// productie 2025, dwangsom rechter 2025)". The
/// day is the record's newest input day (`record::inputs::RECORD_END`), or
/// the day before `from` if that comes first; each figure's year is its
/// newest in the record's inputs (production after it carries on).
pub fn history_followed(lang: Lang, f: &crate::format::Formats, from: Date) -> String {
    use doorstroom_model::record::inputs;
    let through = inputs::RECORD_END.min(from.add_days(-1));
    let production = inputs::PRODUCTION
        .iter()
        .map(|p| p.to.min(through).year())
        .max()
        .unwrap_or(through.year());
    let court = inputs::COURT_PENALTY_2025.from;
    let mut parts = vec![format!("{} {}", FOLLOWS_INTAKE.get(lang), through.year())];
    parts.push(format!("{} {production}", FOLLOWS_PRODUCTION.get(lang)));
    if court <= through {
        parts.push(format!("{} {}", FOLLOWS_COURT.get(lang), court.year()));
    }
    format!(
        "{} {} ({})",
        AS_PUBLISHED_THROUGH.get(lang),
        f.day(&through),
        parts.join(", ")
    )
}
/// Before the day the history follows the published figures through.
const AS_PUBLISHED_THROUGH: Text = t("zoals gepubliceerd t/m", "as published through");

// The presets are the model's (`PRESETS`), with their names and help.
pub const PRESET_MPP: Text = t("MPP 2023, instroom", "MPP 2023, intake");
// The headline figures.
pub const FIGURES: Text = t("Kerncijfers", "Headline figures");
pub const KPI_BACKLOG_END: Text = t("Werkvoorraad aan het eind", "Backlog at the end");
pub const STILL_RISING: Text = t(
    "nog stijgend: de hoogste stand is die aan het eind, er is geen piek binnen de periode",
    "still rising: the highest is the one at the end, there is no peak within the period",
);
pub const KPI_BACKLOG_PEAK: Text = t("Hoogste werkvoorraad", "Peak backlog");
pub const KPI_COST_TOTAL: Text = t("Dwangsommen en proceskosten", "Penalty and legal costs");
pub const KPI_COST_2024: Text = t("Kosten tot en met 2024", "Costs through 2024");
/// In a run from a later day the fourth card shows the first year of the
/// reader's choices instead of the letter's horizon.
pub const KPI_COST_FIRST_YEAR: Text = t("Kosten eerste jaar", "Costs in the first year");
pub const FIRST_52_WEEKS_UNTIL: Text = t("de eerste 52 weken, tot", "the first 52 weeks, until");
/// On each card of a run from a later day: from when it counts.
pub const COUNTS_FROM: Text = t("vanaf", "from");
/// After "vanaf augustus 2026" on a card: the history before it follows
/// the published figures through a day.
pub const HISTORY_THROUGH: Text = t(
    "daarvóór zoals gepubliceerd t/m",
    "before it as published through",
);
pub const KPI_IN_TERM: Text = t("Binnen de termijn beslist", "Decided within term");
pub const KPI_BACK_IN_TERM: Text = t("Weer binnen de termijn", "Back within term");
/// The backlog cards count every stream, which the letter's 33,555 (track 4
/// alone) does not: say so where the figure stands.
pub const CASES_ALL_STREAMS: Text = t(
    "zaken (spoor 1, 2, 4 en nareis)",
    "cases (tracks 1, 2, 4 and family)",
);
pub const AT: Text = t("op", "on");
pub const IN: Text = t("in", "in");
pub const TOTAL_UNTIL: Text = t("totaal tot", "total until");
pub const OF_WHICH_ASYLUM_PENALTIES: Text =
    t("waarvan dwangsommen asiel", "of which asylum penalties");
/// The letter the page cites: the State Secretary's letter to the Tweede
/// Kamer on the IND's backlog, with its count of 30 April 2023 (its own
/// parliamentary number was not found; it cites the letters 19 637 nrs.
/// 3068 and 3100).
pub const LETTER_NAME: Text = t(
    "Kamerbrief (stand 30 april 2023)",
    "the letter (count of 30 April 2023)",
);
pub const WITHOUT_BAA: Text = t("zonder BAA", "without the BAA");
pub const LETTER_SCOPE: Text = t(
    "voor dwangsommen asiel zonder BAA",
    "for asylum penalties without the BAA",
);
pub const ASYLUM: Text = t("asiel", "asylum");
/// The cards' notes in short, for the narrow cards of the projector
/// layout: date and scope in a few words.
pub const ALL_STREAMS: Text = t("alle stromen", "all streams");
pub const STILL_RISING_SHORT: Text = t("nog stijgend tot", "still rising to");
pub const ASYLUM_AND_NAREIS: Text = t("asiel en nareis", "asylum and family");
pub const LETTER_SHORT: Text = t("Kamerbrief", "the letter");
pub const UNTIL: Text = t("tot", "until");
pub const ALL_DECISIONS_UNTIL: Text = t("alle beslissingen tot", "all decisions until");
pub const PAST_TERM_UNTIL: Text = t("zaken over termijn tot", "cases past term until");
pub const FIRST_MONTH_SHORT: Text = t(
    "eerste maand zonder zaken over termijn",
    "first month with none past term",
);
pub const NAREIS: Text = t("nareis", "family");
pub const OF_DECISIONS: Text = t(
    "van alle beslissingen (alle sporen en nareis)",
    "of all decisions (all tracks and family)",
);
pub const NOT_BEFORE: Text = t("niet vóór", "not before");
pub const NEVER_NOTE: Text = t(
    "tot het eind van de periode blijven er zaken over de termijn",
    "cases stay past their term to the end of the horizon",
);
pub const FIRST_MONTH_NOTE: Text = t(
    "eerste maand zonder zaken over de termijn",
    "first month without cases past term",
);
pub const VS_BASELINE: Text = t("t.o.v. basislijn", "vs baseline");
pub const NO_CHANGE: Text = t("gelijk aan basislijn", "same as baseline");
pub const HIGHER: Text = t("hoger", "higher");
pub const LOWER: Text = t("lager", "lower");
pub const EARLIER: Text = t("eerder", "earlier");
pub const LATER: Text = t("later", "later");
pub const PERCENT_POINTS: Text = t("procentpunt", "percentage points");
pub const MONTHS: Text = t("maanden", "months");
pub const MONTH: Text = t("maand", "month");
pub const NOW_WITHIN: Text = t("nu wel binnen de termijn", "now back within term");
pub const NOW_NEVER: Text = t(
    "nu niet meer binnen de termijn",
    "no longer back within term",
);

// The charts.
pub const CHARTS: Text = t("Grafieken", "Charts");
/// The switch of the published figures, in every chart's bar (it acts on
/// all charts, and the address keeps it).
pub const HIDE_PUBLISHED: Text = t("IND-cijfers verbergen", "Hide IND figures");
pub const SHOW_PUBLISHED: Text = t("IND-cijfers tonen", "Show IND figures");
pub const SHOW_TABLE: Text = t("Toon als tabel", "Show as table");
pub const SHOW_CHART: Text = t("Toon als grafiek", "Show as chart");
pub const DOWNLOAD_PNG: Text = t("PNG downloaden", "Download PNG");
pub const DOWNLOAD_SVG: Text = t("SVG downloaden", "Download SVG");
pub const CHART_HINT: Text = t(
    "Pijltjestoetsen links en rechts: week voor week; Page Up en Page Down: een maand; Home en End: begin en eind; Escape: weg. Of wijs met de muis.",
    "Left and right arrow keys: week by week; Page Up and Page Down: a month; Home and End: start and end; Escape: clear. Or point with the mouse.",
);

// The notice of repaired links.
pub const NOTICE_TITLE: Text = t(
    "Niet alles in de link kon worden gebruikt",
    "Not everything in the link could be used",
);
pub const NOTICE_BODY: Text = t(
    "De pagina heeft het volgende aangepast; de rest van het scenario is geladen.",
    "The page changed the following; the rest of the scenario was loaded.",
);
pub const DISMISS: Text = t("Melding sluiten", "Dismiss notice");

// Uncertainty: bands, goal-seek, what matters most.
pub const P10_P90: Text = t("P10–P90:", "P10–P90:");
/// The median of the runs, labelled apart from the card's figure (the
/// central run): the two differ, and may even lie on either side of P10.
pub const BAND_MEDIAN: Text = t("doorrekeningen: mediaan", "runs: median");
pub const OF_THE_RUNS: Text = t("van de doorrekeningen", "of the runs");
pub const UNCERTAINTY: Text = t("Onzekerheid en beslissen", "Uncertainty and decisions");
pub const BANDS_SWITCH: Text = t("Onzekerheidsbanden tonen", "Show uncertainty bands");
pub const BANDS_EXPLAIN: Text = t(
    "Het vlak om de lijn loopt van P10 tot P90 over de doorrekeningen: in acht van de tien ligt de uitkomst daartussen. Elke doorrekening trekt de instroom, de productiviteit en het gedrag van aanvragers rond hun waarde; de spreiding van de instroom komt uit de eigen fouten van de MPP-prognoses. Het grote getal op een kaart is de centrale doorrekening, met elke aanname op haar waarde; daaronder staan de mediaan en P10–P90 van de doorrekeningen. Die mediaan is niet de centrale doorrekening en de centrale doorrekening kan zelfs buiten P10–P90 vallen: het model is niet lineair (een tekort aan capaciteit stapelt zich op, een overschot niet), dus de aanname in het midden geeft niet de middelste uitkomst. ‘Niet vóór’ telt als uitkomst: het aandeel doorrekeningen dat tot het eind over de termijn blijft. Wat vóór de datum van uw keuzes gebeurde, is gebeurd: daar trekt geen doorrekening iets.",
    "The band around the line runs from P10 to P90 over the runs: eight in ten outcomes lie inside it. Each run draws the intake, productivity and applicants' behaviour around their values; the intake's spread comes from the MPP forecasts' own errors. The large figure on a card is the central run, every assumption at its value; below it stand the median and P10–P90 of the runs. That median is not the central run, and the central run may even lie outside P10–P90: the model is not linear (a shortage of capacity piles up, a surplus does not), so the middle assumption does not give the middle outcome. ‘Not before’ counts as an outcome: the share of runs that stay past term to the end. What happened before the date your choices apply has happened: no run draws anything there.",
);
pub const SOURCES_INTRO: Text = t(
    "Waar de spreiding van de totale kosten vandaan komt (elke bron apart doorgerekend, als aandeel in de som van hun varianties):",
    "Where the spread of the total cost comes from (each source run alone, as a share of the sum of their variances):",
);
pub const SOURCES_NOTE: Text = t(
    "De bronnen werken op elkaar in, dus dit is een richtlijn, geen exacte verdeling.",
    "The sources interact, so this is a guide, not an exact split.",
);
pub const BANDS_RUNS: Text = t("Doorrekeningen", "Runs");
pub const BANDS_SEED: Text = t("Startgetal", "Seed");
pub const NEW_DRAW: Text = t("Nieuwe trekking", "New draw");
pub const BANDS_COMPUTING: Text = t("Banden worden berekend …", "Computing the bands …");
pub const BANDS_READY_RUNS: Text = t("doorrekeningen, berekend in", "runs, computed in");
pub const BANDS_OFF: Text = t("Banden staan uit.", "Bands are off.");
pub const SPREADS: Text = t(
    "Spreidingen (standaardafwijking)",
    "Spreads (standard deviation)",
);
pub const HISTOGRAM_TITLE: Text = t(
    "Totale kosten over de doorrekeningen",
    "Total cost over the runs",
);
pub const GOAL_TITLE: Text = t("Doel zoeken", "Goal-seek");
pub const GOAL_EXPLAIN: Text = t(
    "De kleinste waarde van een knop waarmee het doel gehaald wordt, gezocht door het model steeds opnieuw door te rekenen.",
    "The least value of a lever that reaches the goal, found by running the model again and again.",
);
pub const GOAL_IN_TERM: Text = t(
    "Weer binnen de termijn (zoals de kaart het telt, alle stromen) uiterlijk in de maand van",
    "Back within term (as the card counts it, every stream) by the month of",
);
pub const GOAL_COST: Text = t(
    "Kosten (dwangsommen en proceskosten) vanaf de datum van uw keuzes tot en met eind",
    "Cost (penalties and legal costs) from the date your choices apply through the end of",
);
pub const GOAL_UNDER: Text = t("onder (euro)", "under (euros)");
pub const GOAL_LEVER: Text = t("met", "using");
pub const GOAL_FTE: Text = t("fte spoor 4", "track-4 FTE");
pub const GOAL_BAA: Text = t("BAA-besluiten per jaar", "BAA decisions a year");
pub const GOAL_SEEK: Text = t("Zoek", "Seek");
pub const GOAL_APPLY: Text = t("Toepassen", "Apply");
pub const GOAL_BAD_INPUT: Text = t(
    "Kies een datum voor het doel.",
    "Choose a date for the goal.",
);
pub const TORNADO_TITLE: Text = t("Wat telt het zwaarst", "What matters most");
pub const TORNADO_EXPLAIN: Text = t(
    "Elke knop over zijn aannemelijke bereik rond de waarde in dit scenario, de rest zoals nu, vanaf de datum van uw keuzes: het effect op de totale kosten en op de voorraad aan het eind, de grootste eerst. Een aantal of capaciteit beweegt met dezelfde factoren als het bereik bij de standaardwaarde, een aandeel met dezelfde afstand.",
    "Each lever over its plausible range around its value in this scenario, the rest as now, from the date your choices apply: the effect on total cost and on the backlog at the end, largest first. A count or a capacity moves by the same factors as the range at the default, a share by the same distance.",
);
pub const TORNADO_NOW: Text = t("in dit scenario", "in this scenario");
pub const TORNADO_CASES: Text = t("zaken", "cases");
pub const TORNADO_AFTER_HORIZON: Text = t(
    "geen effect tot het eind van de periode: werkt pas later (wel in een doorrekening tot",
    "no effect to the end of the horizon: it binds only later (it does in a run to",
);
pub const TORNADO_IDLE: Text = t(
    "geen effect: wat deze knop regelt, speelt in dit scenario niet (staat uit of wordt niet bereikt), ook niet in een langere doorrekening",
    "no effect: what this lever sets does not act in this scenario (it is off or never reached), not even in a longer run",
);
pub const TORNADO_RUN: Text = t("Bereken", "Compute");
pub const TORNADO_COST: Text = t("totale kosten", "total cost");
pub const TORNADO_BACKLOG: Text = t("voorraad aan het eind", "backlog at the end");

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
            KPI_BACKLOG_END,
            KPI_COST_2024,
            KPI_COST_FIRST_YEAR,
            FIRST_52_WEEKS_UNTIL,
            COUNTS_FROM,
            SHOW_TABLE,
            DOWNLOAD_PNG,
            NOTICE_TITLE,
            DISMISS,
        ] {
            assert!(!s.nl.is_empty() && !s.en.is_empty(), "{s:?}");
        }
    }
}
