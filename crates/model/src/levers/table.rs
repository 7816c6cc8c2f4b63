//! The lever table itself: every lever with its key, range, texts and
//! source, in the page's order. The types are in `levers/mod.rs`.

use super::{Choice, ChoiceLever, DateLever, Lever, LeverGroup, LeverKind, NumberLever, Unit};
use crate::date::Date;
use crate::scenario::{TermPolicy, WorkOrder, ymd};
use crate::text::{Text, t};

macro_rules! number {
    ($key:literal, $group:ident, $field:ident as $ty:ident, $min:expr, $max:expr, $step:expr, $unit:ident,
     label: $label:expr, help: $help:expr, source: $source:expr $(,)?) => {
        Lever {
            key: $key,
            group: LeverGroup::$group,
            label: $label,
            help: $help,
            source: $source,
            status: None,
            kind: LeverKind::Number(NumberLever {
                min: $min,
                max: $max,
                step: $step,
                unit: Unit::$unit,
                get: |s| f64::from(s.$field),
                put: |s, x| s.$field = number!(@convert x, $ty),
            }),
        }
    };
    (@convert $x:ident, f64) => { $x };
    // Settled into a non-negative whole range first, so the cast is exact.
    (@convert $x:ident, u32) => { $x as u32 };
}

macro_rules! date {
    ($key:literal, $group:ident, $field:ident, $min:expr, $max:expr,
     label: $label:expr, help: $help:expr, source: $source:expr
     $(, status: $status:expr)? $(,)?) => {
        Lever {
            key: $key,
            group: LeverGroup::$group,
            label: $label,
            help: $help,
            source: $source,
            status: date!(@status $($status)?),
            kind: LeverKind::Date(DateLever {
                min: $min,
                max: $max,
                get: |s| s.$field,
                put: |s, d| s.$field = d,
            }),
        }
    };
    (@status) => { None };
    (@status $status:expr) => { Some($status) };
}

/// A choice lever over a field of type `$ty`: `$values` lists each value
/// with its URL value and text, once, in the page's order; the field's
/// option index is its place in that list.
macro_rules! choice {
    ($key:literal, $group:ident, $field:ident: $ty:ty = $values:ident,
     label: $label:expr, help: $help:expr, source: $source:expr $(,)?) => {
        Lever {
            key: $key,
            group: LeverGroup::$group,
            label: $label,
            help: $help,
            source: $source,
            status: None,
            kind: LeverKind::Choice(ChoiceLever {
                options: &{
                    let mut out = [Choice {
                        key: "",
                        label: t("", ""),
                        status: None,
                    }; $values.len()];
                    let mut i = 0;
                    while i < $values.len() {
                        out[i] = $values[i].1;
                        i += 1;
                    }
                    out
                },
                get: |s| {
                    let value: $ty = s.$field;
                    $values.iter().position(|(v, _)| *v == value).unwrap_or(0)
                },
                put: |s, i| s.$field = $values[i].0,
            }),
        }
    };
}

const fn option(key: &'static str, nl: &'static str, en: &'static str) -> Choice {
    Choice {
        key,
        label: t(nl, en),
        status: None,
    }
}

/// An option that is a law or a bill, with its status in words.
const fn law(key: &'static str, label: Text, status: Text) -> Choice {
    Choice {
        key,
        label,
        status: Some(status),
    }
}

/// The status of the two acts the Eerste Kamer lists as published in 2026
/// whose date in force was not found (published.md, "The law, 2025-2026").
const PUBLISHED_NOT_IN_FORCE: Text = t(
    "Gepubliceerd in het Staatsblad (2026); datum van inwerkingtreding niet gevonden: u kiest de datum.",
    "Published in the Staatsblad (2026); date in force not found: you choose the date.",
);

const OFF_ON: [(bool, Choice); 2] = [
    (false, option("off", "uit", "off")),
    (true, option("on", "aan", "on")),
];

// Short names, so that a closed choice shows its whole name in the
// controls column; the lever's help says what each one means.
const TERMS: [(TermPolicy, Choice); 4] = [
    (
        TermPolicy::SixMonths,
        law(
            "6",
            t(
                "6 maanden (verlenging vernietigd)",
                "6 months (extension set aside)",
            ),
            t(
                "Van kracht: zes maanden sinds het arrest van het EU-Hof van 8 mei 2025 (C-662/23); sinds 12 juni 2026 de termijn van het EU-Migratiepact (uitvoeringswet 36871).",
                "In force: six months since the EU Court's judgment of 8 May 2025 (C-662/23); since 12 June 2026 the term of the EU Pact on Migration and Asylum (implementation act 36871).",
            ),
        ),
    ),
    (
        TermPolicy::Extended,
        law(
            "15",
            t(
                "15 maanden voor aanvragen vóór de einddatum",
                "15 months for applications before the end date",
            ),
            t(
                "Niet meer van kracht: in juni 2025 ingetrokken voor aanvragen vanaf 1 januari 2024 (IB 2025/28), na het arrest van 8 mei 2025.",
                "No longer in force: withdrawn in June 2025 for applications from 1 January 2024 (IB 2025/28), after the judgment of 8 May 2025.",
            ),
        ),
    ),
    (
        TermPolicy::FifteenMonths,
        law(
            "15all",
            t(
                "15 maanden voor alle aanvragen",
                "15 months for all applications",
            ),
            t(
                "Geen wet of wetsvoorstel: een nieuwe verlenging; het EU-Hof staat die alleen toe bij een plotselinge grote stijging (C-662/23).",
                "No law or bill: a new extension; the EU Court allows one only for a sudden large rise (C-662/23).",
            ),
        ),
    ),
    (
        TermPolicy::Bill36349,
        law(
            "36349",
            t("Wet 36349 (21/9 maanden)", "Act 36349 (21/9 months)"),
            PUBLISHED_NOT_IN_FORCE,
        ),
    ),
];

const ORDERS: [(WorkOrder, Choice); 4] = [
    (
        WorkOrder::Fifo,
        option("fifo", "Oudste eerst (fifo)", "Oldest first (FIFO)"),
    ),
    (
        WorkOrder::PastTermShare,
        option(
            "split",
            "Deel op termijnoverschrijders, rest op nieuwe instroom",
            "Share on cases past term, rest on new intake",
        ),
    ),
    (
        WorkOrder::CourtOrdersFirst,
        option(
            "court",
            "Zaken met rechterlijke last eerst",
            "Court-ordered cases first",
        ),
    ),
    (
        WorkOrder::NewestFirst,
        option("newest", "Nieuwste eerst", "Newest first"),
    ),
];

/// The earliest and latest dates any date lever takes: the start of the
/// default scenario and ten years on.
const FIRST_DAY: Date = ymd(2023, 5, 1);
pub(crate) const LAST_DAY: Date = ymd(2033, 4, 30);
/// The latest day from which the levers may apply: design, the end of 2030
/// (a reader looks ahead from a day not far from today).
const LAST_FROM: Date = ymd(2030, 12, 31);
/// The latest last day of a run: ten years after [`LAST_FROM`].
const LAST_END: Date = ymd(2040, 12, 30);

/// The number of levers.
pub const LEVER_COUNT: usize = 51;

/// The lever table. Order: the page's order within each group.
pub static LEVERS: [Lever; LEVER_COUNT] = [
    // ---------------- headline ----------------
    number!("intake", Headline, intake_per_year as f64, 0.0, 200_000.0, 1_000.0, PerYear,
        label: t("Instroom", "Intake"),
        help: t("Asielaanvragen per jaar, alle stromen samen: eerste en herhaalde aanvragen, hervestiging en nareis.",
                "Applications per year, all streams: first and repeat asylum applications, resettlement and family reunification."),
        source: t("Brief: ruim 70.000 het meest waarschijnlijk (MPP 49.000 / 67.000 / 77.000).",
                  "Letter: just over 70,000 most likely (MPP 49,000 / 67,000 / 77,000).")),
    number!("fte", Headline, fte as f64, 0.0, 2_000.0, 1.0, Fte,
        label: t("Hoor- en beslismedewerkers spoor 4", "Track-4 hearing and decision officers"),
        help: t("Doelniveau in fte. Boven 532 wordt geworven: nieuwe mensen zijn pas na de opleiding productief en vragen begeleiding. Minder fte werkt direct.",
                "Target level in FTE. Above 532, staff are hired: new people are productive only after training and need coaching. Fewer FTE take effect at once."),
        source: t("Aanname: 532 fte × 0,8 besluiten per week = de opdracht 2023 van 22.184 besluiten (brief).",
                  "Assumption: 532 FTE × 0.8 decisions a week = the 2023 commission of 22,184 decisions (letter).")),
    number!("baa", Headline, baa_per_year as f64, 0.0, 40_000.0, 500.0, PerYear,
        label: t("BAA: extra besluiten", "BAA: extra decisions"),
        help: t("Extra besluiten per jaar, op volle snelheid, op kansrijke zaken van Syriërs en Jemenieten, bovenop de reguliere capaciteit.",
                "Extra decisions per year, at full speed, on likely-granted Syrian and Yemeni cases, on top of regular capacity."),
        source: t("Brief: 13.000 extra zaken in het eerste jaar vanaf mei 2023.",
                  "Letter: 13,000 extra cases in the first year from May 2023.")),
    choice!("term", Headline, term: TermPolicy = TERMS,
    label: t("Beslistermijn asiel", "Asylum decision term"),
    help: t(
        "Zes maanden (art. 42 Vw; de wet sinds het arrest van het EU-Hof van 8 mei 2025, C-662/23), of de verlenging tot 15 maanden voor aanvragen vóór de einddatum. ‘6’ betekent: de rechter zet de verlenging opzij, voor iedereen. ‘15 voor alle’: een nieuwe verlenging als die van de brief, voor aanvragen vanaf de keuzedatum. ‘36349’: wet 36349 (hoogstens 21 maanden asiel, 9 maanden nareis) voor aanvragen vanaf de keuzedatum en vanaf de dag van inwerkingtreding die u kiest onder ‘Beslistermijn’.",
        "Six months (art. 42 Vw; the law since the EU Court's judgment of 8 May 2025, C-662/23), or the extension to 15 months for applications before the end date. ‘6’ means the courts set the extension aside, for everyone. ‘15all’: a new extension like the letter's, for applications from the chosen date. ‘36349’: act 36349 (at most 21 months asylum, 9 months nareis) for applications from the chosen date and from the date in force you choose under ‘Decision term’.",
    ),
    source: t(
        "Brief: verlenging tot 15 maanden (WBV 2022/22, 2023/3). Zes maanden: HvJ EU 8 mei 2025, C-662/23; EU-Migratiepact vanaf 12 juni 2026. Wet 36349: 21 en 9 maanden, volgens de Eerste Kamer gepubliceerd in het Staatsblad.",
        "Letter: extension to 15 months (WBV 2022/22, 2023/3). Six months: EU Court 8 May 2025, C-662/23; EU Pact from 12 June 2026. Act 36349: 21 and 9 months, published in the Staatsblad according to the Eerste Kamer.",
    )),
    date!("ext_until", Headline, ext_until, ymd(2022, 9, 27), LAST_DAY,
        label: t("Verlenging voor aanvragen tot", "Extension for applications until"),
        help: t("Aanvragen vóór deze dag krijgen 15 maanden (als de termijn op 27 september 2022 nog liep); latere 6 maanden.",
                "Applications before this day get 15 months (if the term still ran on 27 September 2022); later ones 6 months."),
        source: t("WBV 2023/3: tot 1 januari 2024.", "WBV 2023/3: until 1 January 2024.")),
    // ---------------- intake ----------------
    number!("intake_growth", Intake, intake_growth as f64, -0.3, 0.5, 0.01, SharePerYear,
        label: t("Groei van de instroom", "Intake growth"),
        help: t("Jaarlijkse groei van de instroom, vanaf de datum waarop uw keuzes ingaan (‘Uw keuzes vanaf’; anders de startdatum).", "Yearly growth of the intake, from the date your choices apply (‘Your choices from’; else the start date)."),
        source: t("Aanname: geen groei; de brief geeft alleen 2023.", "Assumption: no growth; the letter gives 2023 only.")),
    number!("share_t1", Intake, share_dublin as f64, 0.0, 0.4, 0.005, Share,
        label: t("Aandeel spoor 1 (Dublin)", "Share in track 1 (Dublin)"),
        help: t("Deel van de instroom dat een Dublinzaak is.", "Part of the intake that is a Dublin case."),
        source: t("Aanname: 12%; geen bron met de verdeling over sporen.", "Assumption: 12%; no source splits the intake by track.")),
    number!("share_t2", Intake, share_safe_country as f64, 0.0, 0.2, 0.005, Share,
        label: t("Aandeel spoor 2 (veilig land)", "Share in track 2 (safe country)"),
        help: t("Deel van de instroom uit een veilig land van herkomst of met bescherming elders in de EU.",
                "Part of the intake from a safe country of origin or with protection elsewhere in the EU."),
        source: t("Aanname: 2,5%, passend bij een voorraad van 125 zaken (brief).", "Assumption: 2.5%, in line with a backlog of 125 cases (letter).")),
    number!("share_nareis", Intake, share_family as f64, 0.0, 0.4, 0.001, Share,
        label: t("Aandeel nareis", "Share of family reunification"),
        help: t("Deel van de instroom dat nareis is. Spoor 4 krijgt de rest.", "Part of the intake that is family reunification. Track 4 gets the rest."),
        source: t("CBS 2022: 10.925 van 47.911.", "CBS 2022: 10,925 of 47,911.")),
    choice!("intake_by_year", Intake, intake_by_year: bool = OFF_ON,
        label: t("Invoer zoals gepubliceerd", "Inputs as published"),
        help: t("Aan: waar de cijfers iets zeggen, volgt de run ze, tot en met 26 juli 2026: de instroom van 2023, 2024 en 2025 hieronder en per week in 2026 (met het nareisdeel van het CBS), de productie van de IND (2023–2025), de besluitstop voor Syriërs (december 2024 – juni 2025) en de dwangsom van de rechter vanaf 2025 (€ 100 per dag, hoogstens € 15.000). Daarna gelden de hefbomen.",
                "On: where the figures say something, the run follows them, through 26 July 2026: the intake of 2023, 2024 and 2025 below and by week in 2026 (with CBS's nareis part), the IND's production (2023–2025), the decision moratorium for Syrians (December 2024 – June 2025) and the court penalty from 2025 (EUR 100 a day, at most EUR 15,000). After that the levers apply."),
        source: t("Uit: de brief geeft één getal voor elk jaar.", "Off: the letter gives one figure for every year.")),
    number!("intake_2023", Intake, intake_2023 as f64, 0.0, 200_000.0, 100.0, PerYear,
        label: t("Instroom 2023", "Intake 2023"),
        help: t("Asielaanvragen in 2023, alle stromen, als de instroom per jaar aan staat.", "Applications in 2023, all streams, when the intake per year is on."),
        source: t("Ministerie via RD.nl (jan. 2025): circa 50.600.", "Ministry via RD.nl (Jan 2025): about 50,600.")),
    number!("intake_2024", Intake, intake_2024 as f64, 0.0, 200_000.0, 100.0, PerYear,
        label: t("Instroom 2024", "Intake 2024"),
        help: t("Asielaanvragen in 2024, alle stromen, als de instroom per jaar aan staat.", "Applications in 2024, all streams, when the intake per year is on."),
        source: t("Ministerie via RD.nl (jan. 2025): circa 45.600.", "Ministry via RD.nl (Jan 2025): about 45,600.")),
    number!("intake_2025", Intake, intake_2025 as f64, 0.0, 200_000.0, 100.0, PerYear,
        label: t("Instroom 2025", "Intake 2025"),
        help: t("Asielaanvragen in 2025, alle stromen, als de instroom per jaar aan staat.", "Applications in 2025, all streams, when the intake per year is on."),
        source: t("Hart van Nederland (22 dec. 2025): bijna 44.000, twee weken voor het eind.", "Hart van Nederland (22 Dec 2025): close to 44,000 with two weeks to go.")),
    // ---------------- start ----------------
    number!("backlog_t4", Start, backlog_general as u32, 0.0, 150_000.0, 1.0, Cases,
        label: t("Voorraad spoor 4", "Track-4 backlog"),
        help: t("Openstaande zaken op 30 april 2023, met de leeftijdsopbouw van maart 2023 (3.000 ouder dan 15 maanden, 14.000 van 6 tot 15 maanden).",
                "Open cases on 30 April 2023, with the age profile of March 2023 (3,000 older than 15 months, 14,000 aged 6 to 15 months)."),
        source: t("Brief: 33.555; leeftijden: Trouw, april 2023.", "Letter: 33,555; ages: Trouw, April 2023.")),
    number!("backlog_t1", Start, backlog_dublin as u32, 0.0, 30_000.0, 1.0, Cases,
        label: t("Voorraad spoor 1", "Track-1 backlog"),
        help: t("Openstaande zaken op 30 april 2023, gelijk verdeeld over de laatste 26 weken.", "Open cases on 30 April 2023, spread evenly over the last 26 weeks."),
        source: t("Brief: 3.650.", "Letter: 3,650.")),
    number!("backlog_t2", Start, backlog_safe_country as u32, 0.0, 10_000.0, 1.0, Cases,
        label: t("Voorraad spoor 2", "Track-2 backlog"),
        help: t("Openstaande zaken op 30 april 2023, gelijk verdeeld over de laatste 8 weken.", "Open cases on 30 April 2023, spread evenly over the last 8 weeks."),
        source: t("Brief: 125.", "Letter: 125.")),
    number!("backlog_nareis", Start, backlog_family as u32, 0.0, 60_000.0, 1.0, Cases,
        label: t("Voorraad nareis", "Family-reunification backlog"),
        help: t("Openstaande nareiszaken op 30 april 2023, gelijk verdeeld over de laatste 52 weken.", "Open family-reunification cases on 30 April 2023, spread evenly over the last 52 weeks."),
        source: t("Kamervragen 2023: circa 18.000 eind 2022, aangenomen gelijk gebleven.", "Parliamentary answers 2023: about 18,000 at the end of 2022, assumed unchanged.")),
    // ---------------- capacity ----------------
    number!("productivity", Capacity, decisions_per_fte_week as f64, 0.2, 3.0, 0.01, DecisionsPerFteWeek,
        label: t("Productiviteit spoor 4", "Track-4 productivity"),
        help: t("Besluiten per productieve fte per week.", "Decisions per productive FTE per week."),
        source: t("Aanname: 0,8 (circa 31 uur per besluit); niet gepubliceerd.", "Assumption: 0.8 (about 31 hours per decision); not published.")),
    number!("training_weeks", Capacity, training_weeks as u32, 0.0, 104.0, 1.0, Weeks,
        label: t("Opleidingstijd", "Training time"),
        help: t("Weken voordat een nieuwe hoor- en beslismedewerker productief is.", "Weeks before a new hearing and decision officer is productive."),
        source: t("IND 2021/2022: 9 tot 12 maanden; gekozen 10 maanden.", "IND 2021/2022: 9 to 12 months; 10 months chosen.")),
    number!("coaching", Capacity, coaching_per_trainee as f64, 0.0, 1.0, 0.05, Fte,
        label: t("Begeleiding per nieuwe medewerker", "Coaching per trainee"),
        help: t("Productieve fte die ervaren medewerkers per nieuwe medewerker aan begeleiding kwijt zijn.",
                "Productive FTE experienced staff lose to coaching, per trainee."),
        source: t("Aanname: 0,25 fte; de IND noemt begeleiding als knelpunt, zonder getal.", "Assumption: 0.25 FTE; the IND names coaching as the bottleneck, without a figure.")),
    number!("hiring_per_month", Capacity, hiring_per_month as f64, 0.0, 200.0, 1.0, FtePerMonth,
        label: t("Werving per maand", "Hiring per month"),
        help: t("Hoeveel fte er per maand hoogstens bij kunnen komen in spoor 4.", "The most track-4 FTE that can be added per month."),
        source: t("Aanname: 15; de IND groeide in 2022 met 520 formatieplaatsen.", "Assumption: 15; the IND grew by 520 posts in 2022.")),
    number!("capacity_t1", Capacity, capacity_dublin as f64, 0.0, 40_000.0, 100.0, PerYear,
        label: t("Besluiten spoor 1", "Track-1 decisions"),
        help: t("Besluitcapaciteit in spoor 1 per jaar.", "Track-1 decision capacity per year."),
        source: t("Aanname: instroom plus de daling van de voorraad in 2023 (brief).", "Assumption: intake plus the fall of the backlog in 2023 (letter).")),
    number!("capacity_t2", Capacity, capacity_safe_country as f64, 0.0, 20_000.0, 100.0, PerYear,
        label: t("Besluiten spoor 2", "Track-2 decisions"),
        help: t("Besluitcapaciteit in spoor 2 per jaar.", "Track-2 decision capacity per year."),
        source: t("Aanname: instroom plus de daling van de voorraad in 2023 (brief).", "Assumption: intake plus the fall of the backlog in 2023 (letter).")),
    number!("capacity_nareis", Capacity, capacity_family as f64, 0.0, 60_000.0, 100.0, PerYear,
        label: t("Besluiten nareis", "Family-reunification decisions"),
        help: t("Besluitcapaciteit voor nareis per jaar.", "Family-reunification decision capacity per year."),
        source: t("Aanname: iets onder de instroom; de nareisvoorraad groeide in 2022.", "Assumption: a little below intake; the backlog grew in 2022.")),
    // ---------------- BAA ----------------
    date!("baa_start", Baa, baa_start, FIRST_DAY, LAST_DAY,
        label: t("Start BAA", "BAA start"),
        help: t("Eerste dag van het project Bespoediging Afdoening Asiel.", "First day of the fast-track project."),
        source: t("Brief: 1 mei 2023.", "Letter: 1 May 2023.")),
    number!("baa_months", Baa, baa_months as u32, 0.0, 120.0, 1.0, Months,
        label: t("Looptijd BAA", "BAA duration"),
        help: t("Maanden dat de BAA loopt.", "Months the BAA runs."),
        source: t("Brief: doel voor het eerste jaar, evaluatie na een jaar.", "Letter: a target for the first year, evaluated after one year.")),
    number!("baa_ramp_weeks", Baa, baa_ramp_weeks as u32, 0.0, 52.0, 1.0, Weeks,
        label: t("Aanloop BAA", "BAA ramp-up"),
        help: t("Weken waarin de BAA lineair op volle snelheid komt.", "Weeks over which the BAA reaches full speed, linearly."),
        source: t("Aanname: 8 weken; personeel werd nog geworven.", "Assumption: 8 weeks; staff were still being recruited.")),
    number!("baa_share", Baa, baa_share as f64, 0.0, 1.0, 0.001, Share,
        label: t("Doelgroep BAA", "BAA-eligible share"),
        help: t("Deel van de spoor-4-zaken (voorraad en instroom) van Syriërs en Jemenieten dat in de BAA past.",
                "Part of track-4 cases (backlog and intake) of Syrians and Yemenis eligible for the BAA."),
        source: t("IND april 2023: circa 18.000 van de 33.555 zaken.", "IND April 2023: about 18,000 of the 33,555 cases.")),
    // ---------------- term ----------------
    date!("ext_withdrawn", Term, ext_withdrawn, FIRST_DAY, LAST_DAY,
        label: t("Verlenging ingetrokken op", "Extension withdrawn on"),
        help: t("Vanaf deze dag hebben asielaanvragen van 1 januari 2024 of later weer zes maanden; wie langer wacht, is meteen over de termijn. De laatste dag betekent: niet ingetrokken.",
                "From this day asylum applications filed on or after 1 January 2024 have six months again; those waiting longer are past term at once. The last day means: not withdrawn."),
        source: t("Niet ingetrokken (brief). Zo ging het: juni 2025, na het arrest van het Hof van Justitie van 8 mei 2025 (C-662/23); ANP.",
                  "Not withdrawn (letter). As it happened: June 2025, after the EU Court's judgment of 8 May 2025 (C-662/23); ANP.")),
    date!("term_36349_from", Term, bill_36349_from, FIRST_DAY, LAST_DAY,
        label: t("Wet 36349 van kracht vanaf", "Act 36349 in force from"),
        help: t("Bij de termijn ‘36349’: aanvragen vanaf deze dag krijgen hoogstens 21 maanden (asiel) en 9 maanden (nareis); eerdere houden zes maanden. Een dag vóór ‘Uw keuzes vanaf’ telt vanaf die datum.",
                "With the term ‘36349’: applications from this day get at most 21 months (asylum) and 9 months (nareis); earlier ones keep six months. A day before ‘Your choices from’ counts from that date."),
        source: t("Eerste Kamer, statusoverzicht wetsvoorstel 36349 (via kopieën). Standaard: vanaf ‘Uw keuzes vanaf’.",
                  "Eerste Kamer, status of bill 36349 (via copies). Default: from ‘Your choices from’."),
        status: PUBLISHED_NOT_IN_FORCE),
    number!("term_nareis", Term, term_family_months as u32, 1.0, 24.0, 1.0, Months,
        label: t("Beslistermijn nareis", "Family-reunification term"),
        help: t("Beslistermijn voor nareis in maanden.", "Decision term for family reunification, in months."),
        source: t("Aanname: 3 maanden plus 3 maanden verlenging.", "Assumption: 3 months plus a 3-month extension.")),
    // ---------------- work order ----------------
    choice!("order", WorkOrder, work_order: WorkOrder = ORDERS,
    label: t("Werkvolgorde", "Work order"),
    help: t(
        "Welke zaken de reguliere capaciteit eerst oppakt.",
        "Which cases regular capacity takes first.",
    ),
    source: t(
        "Brief: de prognose werkt fifo en zet 70% in op de oude voorraad over de termijn, 30% op de nieuwe instroom. Het model leest dat als: 70% oudste eerst over de termijn, 30% nieuwste eerst.",
        "Letter: the forecast works FIFO with 70% on the old backlog past its term and 30% on new intake. The model reads that as: 70% oldest first past term, 30% newest first.",
    )),
    number!("past_term_share", WorkOrder, past_term_share as f64, 0.0, 1.0, 0.05, Share,
        label: t("Deel op termijnoverschrijders", "Share on cases past term"),
        help: t("Bij de verdeelde werkvolgorde: deel van de capaciteit op zaken over de termijn.", "With the split work order: part of capacity on cases past their term."),
        source: t("Brief: 70%.", "Letter: 70%.")),
    // ---------------- penalties ----------------
    choice!("statutory_asylum", Penalties, statutory_asylum: bool = OFF_ON,
    label: t("Wettelijke dwangsom asiel", "Statutory penalty, asylum"),
    help: t(
        "Dwangsom bij niet tijdig beslissen (Awb 4:17): €23, €35, €45 per dag, hoogstens €1.442. Voor asiel opgeschort.",
        "Penalty for late decisions (Awb 4:17): €23, €35, €45 a day, at most €1,442. Suspended for asylum.",
    ),
    source: t(
        "Tijdelijke wet opschorting dwangsommen IND; RvS 30-11-2022.",
        "Temporary suspension act; Council of State 30 Nov 2022.",
    )),
    choice!("statutory_nareis", Penalties, statutory_family: bool = OFF_ON,
    label: t(
        "Wettelijke dwangsom nareis",
        "Statutory penalty, family reunification",
    ),
    help: t(
        "Dwangsom bij niet tijdig beslissen op nareis (Awb 4:17).",
        "Penalty for late family-reunification decisions (Awb 4:17).",
    ),
    source: t(
        "Geldt voor nareis (niet opgeschort).",
        "Due for family reunification (not suspended).",
    )),
    date!("statutory_ends", Penalties, statutory_ends, FIRST_DAY, LAST_DAY,
        label: t("Wet 35749: geen wettelijke dwangsom vanaf", "Act 35749: no statutory penalty from"),
        help: t("Ingebrekestellingen vanaf deze dag leveren de IND geen wettelijke dwangsom (Awb 4:17) meer op, asiel en nareis; het beroep niet tijdig beslissen met de dwangsom van de rechter blijft. Niet vóór ‘Uw keuzes vanaf’. De laatste dag betekent: niet van kracht.",
                "Notices of default from this day earn no statutory penalty (Awb 4:17) from the IND, asylum and nareis; the appeal for not deciding in time with the court's penalty stays. Not before ‘Your choices from’. The last day means: not in force."),
        source: t("Eerste Kamer, statusoverzicht wetsvoorstel 35749 (via kopieën); een samenvatting van derden. Standaard: niet van kracht.",
                  "Eerste Kamer, status of bill 35749 (via copies); a third party's summary. Default: not in force."),
        status: PUBLISHED_NOT_IN_FORCE),
    number!("notice_share", Penalties, notice_share as f64, 0.0, 1.0, 0.01, Share,
        label: t("Ingebrekestellingen", "Notices of default"),
        help: t("Deel van de wachtenden over de termijn dat de IND in gebreke stelt.", "Part of those waiting past their term who send a notice of default."),
        source: t("Aanname, gekalibreerd op 20.000 beroepen tot eind 2024 (brief).", "Assumption, calibrated to 20,000 appeals through 2024 (letter).")),
    number!("notice_weeks", Penalties, notice_weeks as u32, 0.0, 52.0, 1.0, Weeks,
        label: t("Wachttijd tot ingebrekestelling", "Delay before the notice"),
        help: t("Weken na het verlopen van de termijn tot de ingebrekestelling.", "Weeks after the term lapses before the notice is sent."),
        source: t("Aanname: 1 week; advocaten stellen direct na de termijn in gebreke.", "Assumption: 1 week; lawyers send the notice as soon as the term lapses.")),
    number!("appeal_share", Penalties, appeal_share as f64, 0.0, 1.0, 0.01, Share,
        label: t("Beroepen niet tijdig beslissen", "Appeals for late decisions"),
        help: t("Deel van wie in gebreke stelde en nog wacht, dat beroep instelt (BNTB).", "Part of those with a notice, still waiting, who appeal (BNTB)."),
        source: t("Aanname, gekalibreerd op 20.000 beroepen tot eind 2024 (brief).", "Assumption, calibrated to 20,000 appeals through 2024 (letter).")),
    number!("notice_share_nareis", Penalties, notice_share_family as f64, 0.0, 1.0, 0.01, Share,
        label: t("Ingebrekestellingen nareis", "Notices of default, family reunification"),
        help: t("Deel van de nareizigers over de termijn dat de IND in gebreke stelt.", "Part of the family-reunification applicants past their term who send a notice of default."),
        source: t("Aanname: als bij asiel (de brief kent één keten); ‘Zo ging het’ past de nareisketen apart aan de cijfers.", "Assumption: as for asylum (the letter has one chain); ‘As it happened’ fits the nareis chain apart to the figures.")),
    number!("notice_weeks_nareis", Penalties, notice_weeks_family as u32, 0.0, 52.0, 1.0, Weeks,
        label: t("Wachttijd tot ingebrekestelling nareis", "Delay before the notice, family reunification"),
        help: t("Weken na het verlopen van de nareistermijn tot de ingebrekestelling.", "Weeks after a family-reunification term lapses before the notice is sent."),
        source: t("Aanname: als bij asiel (de brief kent één keten).", "Assumption: as for asylum (the letter has one chain).")),
    number!("appeal_share_nareis", Penalties, appeal_share_family as f64, 0.0, 1.0, 0.01, Share,
        label: t("Beroepen niet tijdig beslissen nareis", "Appeals for late decisions, family reunification"),
        help: t("Deel van de nareizigers die in gebreke stelden en nog wachten, dat beroep instelt.", "Part of the family-reunification applicants with a notice, still waiting, who appeal."),
        source: t("Aanname: als bij asiel (de brief kent één keten).", "Assumption: as for asylum (the letter has one chain).")),
    number!("appeal_weeks", Penalties, appeal_weeks as u32, 0.0, 52.0, 1.0, Weeks,
        label: t("Wachttijd tot beroep", "Delay before the appeal"),
        help: t("Weken na de vroegst mogelijke dag (twee weken na de ingebrekestelling) tot het beroep.",
                "Weeks after the earliest possible day (two weeks after the notice) before the appeal."),
        source: t("Awb 6:12; aanname: direct (0 weken).", "Awb 6:12; assumption: at once (0 weeks).")),
    number!("court_weeks", Penalties, court_weeks as u32, 0.0, 104.0, 1.0, Weeks,
        label: t("Doorlooptijd rechtbank", "Court lead time"),
        help: t("Weken van beroep tot uitspraak.", "Weeks from appeal to ruling."),
        source: t("Awb 8:55b: uitspraak binnen acht weken.", "Awb 8:55b: a ruling within eight weeks.")),
    number!("court_term_weeks", Penalties, court_term_weeks as u32, 0.0, 52.0, 1.0, Weeks,
        label: t("Termijn van de rechter", "Term set by the court"),
        help: t("Weken die de rechter de IND geeft om alsnog te beslissen.", "Weeks the court gives the IND to decide."),
        source: t("Rb Den Haag 2023: 8 weken.", "District court The Hague 2023: 8 weeks.")),
    number!("court_penalty_day", Penalties, court_penalty_per_day as f64, 0.0, 1_000.0, 10.0, EuroPerDay,
        label: t("Dwangsom van de rechter per dag", "Court penalty per day"),
        help: t("Dwangsom per dag na de termijn van de rechter.", "Penalty per day after the court's term."),
        source: t("Rb Den Haag 2023: €100 per dag.", "District court The Hague 2023: €100 a day.")),
    number!("court_penalty_cap", Penalties, court_penalty_cap as f64, 0.0, 50_000.0, 500.0, Euro,
        label: t("Maximum dwangsom van de rechter, asiel", "Court penalty cap, asylum"),
        help: t("Hoogste dwangsom van de rechter per asielzaak.", "Highest court penalty per asylum case."),
        source: t("Rb Den Haag 2023: €7.500.", "District court The Hague 2023: €7,500.")),
    number!("court_penalty_cap_nareis", Penalties, court_penalty_cap_family as f64, 0.0, 50_000.0, 500.0, Euro,
        label: t("Maximum dwangsom van de rechter, nareis", "Court penalty cap, family reunification"),
        help: t("Hoogste dwangsom van de rechter per nareiszaak.", "Highest court penalty per family-reunification case."),
        source: t("Aanname: de asielpraktijk (€7.500), want nareis geeft een asielvergunning; het algemene beleid van de rechtbanken is €15.000.",
                  "Assumption: the asylum practice (€7,500), as nareis gives an asylum permit; the courts' general policy is €15,000.")),
    number!("legal_costs", Penalties, legal_costs_per_appeal as f64, 0.0, 5_000.0, 1.0, Euro,
        label: t("Proceskosten per beroep", "Legal costs per appeal"),
        help: t("Proceskostenvergoeding per beroep, ook als de IND vóór de uitspraak beslist (Awb 8:75a).",
                "Legal-costs award per appeal, also when the IND decides before the ruling (Awb 8:75a)."),
        source: t("Aanname: één punt Bpb, waarde 2023 (€837).", "Assumption: one point of the costs decree, 2023 value (€837).")),
    // ---------------- horizon ----------------
    date!("from", Horizon, from, FIRST_DAY, LAST_FROM,
        label: t("Uw keuzes vanaf", "Your choices from"),
        help: t("Tot deze dag volgt het model ‘Zo ging het’ (instroom, capaciteit, gedrag, termijnen); vanaf deze dag gelden de hendels. Aanvragen van vóór deze dag houden hun termijn.",
                "Until this day the model follows ‘As it happened’ (intake, capacity, behaviour, terms); from this day the levers apply. Applications filed before it keep their term."),
        source: t("Ontwerp: standaard de start van de brief, 1 mei 2023.", "Design: by default the letter's start, 1 May 2023.")),
    date!("until", Horizon, end, ymd(2023, 6, 1), LAST_END,
        label: t("Tot en met", "Until"),
        help: t("Laatste gesimuleerde dag, hoogstens tien jaar na de keuzedatum.", "Last simulated day, at most ten years after the date your choices apply from."),
        source: t("Ontwerp: standaard eind 2026.", "Design: end of 2026 by default.")),
];
