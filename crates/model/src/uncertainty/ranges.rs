//! The plausible range of each lever that the tornado moves: the one table
//! of these ranges, keyed by lever key, each with its reason.
//!
//! A lever's own range (in the lever table) is what the page allows; the
//! plausible range is narrower: what the published record or the model's
//! own calibration says the value could well be. Levers that are measured
//! (the backlog on the start date) or that only name a date are left out.
//!
//! The table gives each range at the lever's default, as its sources do;
//! the tornado moves a lever around the scenario's own value ([`Plausible::around`]):
//! a level (an intake, a staff, a capacity) by the same factors (the
//! intake's 45,000 to 77,000 around 70,000 is 64% to 110% of any intake),
//! a share or a rate by the same distance, a choice between the scenario's
//! own option and the other one.

use crate::levers::{LeverKind, LeverValue, lever};
use crate::scenario::Scenario;
use crate::text::{Text, t};

/// How a range at the default carries over to another value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    /// The same factors of the value (a value of 0 takes the distances).
    Level,
    /// The same distances from the value.
    Offset,
    /// The scenario's own option and the other of the two.
    Choice,
}

/// One lever's plausible range.
#[derive(Clone, Copy, Debug)]
pub struct Plausible {
    /// The lever's URL key.
    pub key: &'static str,
    pub low: LeverValue,
    pub high: LeverValue,
    /// How the range moves with the scenario's value.
    pub span: Span,
    /// Why this range.
    pub reason: Text,
}

/// A level's range: factors of the value.
const fn n(key: &'static str, low: f64, high: f64, reason: Text) -> Plausible {
    Plausible {
        key,
        low: LeverValue::Number(low),
        high: LeverValue::Number(high),
        span: Span::Level,
        reason,
    }
}

/// A share's or a rate's range: distances from the value.
const fn o(key: &'static str, low: f64, high: f64, reason: Text) -> Plausible {
    Plausible {
        span: Span::Offset,
        ..n(key, low, high, reason)
    }
}

/// Every plausible range, grouped as the page groups the levers.
pub const PLAUSIBLE: [Plausible; 22] = [
    n(
        "intake",
        45_000.0,
        77_000.0,
        t(
            "Laag: wat in 2024 kwam (45.600, onder het MPP-minimum van 49.000; ministerie via RD.nl). Hoog: het MPP-maximum 2023 (77.000, brief).",
            "Low: what came in 2024 (45,600, below the MPP minimum of 49,000; ministry via RD.nl). High: the MPP 2023 maximum (77,000, letter).",
        ),
    ),
    o(
        "intake_growth",
        -0.1,
        0.1,
        t(
            "Een tiende per jaar naar beide kanten: van 2023 op 2024 daalde de instroom met 10% (50.600 naar 45.600; ministerie via RD.nl).",
            "A tenth a year either way: from 2023 to 2024 the intake fell by 10% (50,600 to 45,600; ministry via RD.nl).",
        ),
    ),
    o(
        "share_nareis",
        0.2,
        0.35,
        t(
            "22,8% in 2022 (10.925 van 47.911); in 2025 meer dan 16.000 nareizigers bij bijna 44.000 aanvragen, ruim 35% (CBS via ANP).",
            "22.8% in 2022 (10,925 of 47,911); in 2025 over 16,000 nareis arrivals among close to 44,000 applications, over 35% (CBS via ANP).",
        ),
    ),
    n(
        "fte",
        432.0,
        632.0,
        t(
            "Honderd fte naar beide kanten: de IND groeide in 2022 met 520 formatieplaatsen, waarvan ongeveer een derde hoor- en beslismedewerkers.",
            "A hundred FTE either way: the IND grew by 520 posts in 2022, about a third of them hearing and decision officers.",
        ),
    ),
    n(
        "productivity",
        0.7,
        0.9,
        t(
            "Een achtste naar beide kanten: de productie van 2022 lag 9% boven de opdracht (24.000 tegen 22.000; IND, Volkskrant).",
            "An eighth either way: the output of 2022 was 9% above the commission (24,000 against 22,000; IND, Volkskrant).",
        ),
    ),
    n(
        "training_weeks",
        39.0,
        52.0,
        t(
            "Negen tot twaalf maanden opleiding (IND).",
            "Nine to twelve months of training (IND).",
        ),
    ),
    o(
        "coaching",
        0.1,
        0.5,
        t(
            "Aanname zonder cijfer: van een halve dag tot een halve week begeleiding per nieuwe medewerker.",
            "Assumption without a figure: from half a day to half a week of coaching per new officer.",
        ),
    ),
    o(
        "hiring_per_month",
        5.0,
        30.0,
        t(
            "Van een derde tot het dubbele van de standaard (15, een derde van de groei van 2022).",
            "From a third to double the default (15, a third of the growth of 2022).",
        ),
    ),
    n(
        "capacity_t1",
        8_400.0,
        10_800.0,
        t(
            "De marge boven de instroom van spoor 1 (1.200 per jaar, de daling van jan–apr 2023 in de brief) weg of verdubbeld.",
            "The margin over track-1 intake (1,200 a year, the fall of Jan–Apr 2023 in the letter) gone or doubled.",
        ),
    ),
    n(
        "capacity_t2",
        1_800.0,
        2_600.0,
        t(
            "De marge boven de instroom van spoor 2 (ongeveer 435 per jaar, brief) weg of verdubbeld.",
            "The margin over track-2 intake (about 435 a year, letter) gone or doubled.",
        ),
    ),
    n(
        "capacity_nareis",
        12_000.0,
        16_000.0,
        t(
            "Van ongeveer het tempo van maart 2023 (1.110 besluiten in een maand; ind.nl) tot de nareisinstroom (15.960).",
            "From about the pace of March 2023 (1,110 decisions in a month; ind.nl) to the nareis intake (15,960).",
        ),
    ),
    n(
        "baa",
        6_500.0,
        13_000.0,
        t(
            "Van de helft van het doel tot het doel (brief); het gehaalde tempo is niet gepubliceerd.",
            "From half the target to the target (letter); the pace reached was not published.",
        ),
    ),
    n(
        "baa_months",
        12.0,
        24.0,
        t(
            "Het eerste jaar (brief), of verlengd met een tweede.",
            "The first year (letter), or extended by a second.",
        ),
    ),
    o(
        "baa_share",
        0.45,
        0.6,
        t(
            "Rond de pool van ongeveer 18.000 van 33.555 zaken (53,6%); het aandeel Syriërs en Jemenieten in de instroom wisselt.",
            "Around the pool of about 18,000 of 33,555 cases (53.6%); the share of Syrians and Yemenis in the intake varies.",
        ),
    ),
    Plausible {
        key: "term",
        low: LeverValue::Choice(0),
        high: LeverValue::Choice(2),
        span: Span::Choice,
        reason: t(
            "Zes maanden, of vijftien voor de aanvragen vanaf de datum van uw keuzes: rechtbanken hielden de verlenging voor 2024 (WBV 2023/26) vanaf december 2024 onverbindend, en een nieuwe verlenging is mogelijk (art. 42 lid 4 Vw).",
            "Six months, or fifteen for the applications from the date your choices apply: district courts held the extension for 2024 (WBV 2023/26) invalid from December 2024, and a new extension is possible (art. 42(4) Vw).",
        ),
    },
    o(
        "past_term_share",
        0.5,
        0.9,
        t(
            "Rond de 70/30 van de brief; de kalibratie toont hoe gevoelig de kosten hiervoor zijn.",
            "Around the letter's 70/30; the calibration shows how sensitive the cost is to it.",
        ),
    ),
    Plausible {
        key: "statutory_asylum",
        low: LeverValue::Choice(0),
        high: LeverValue::Choice(1),
        span: Span::Choice,
        reason: t(
            "Opgeschort of weer verschuldigd: de opschorting is tijdelijk (Tijdelijke wet opschorting dwangsommen IND).",
            "Suspended or due again: the suspension is temporary (Tijdelijke wet opschorting dwangsommen IND).",
        ),
    },
    o(
        "notice_share",
        0.4,
        0.6,
        t(
            "Het bereik van de kalibratietabel: gekalibreerd, niet gemeten.",
            "The calibration table's range: calibrated, not measured.",
        ),
    ),
    o(
        "notice_weeks",
        1.0,
        4.0,
        t(
            "Direct na de termijn tot een maand later (kalibratietabel).",
            "At once after the term to a month later (calibration table).",
        ),
    ),
    o(
        "appeal_share",
        0.6,
        1.0,
        t(
            "Het bereik van de kalibratietabel: gekalibreerd, niet gemeten.",
            "The calibration table's range: calibrated, not measured.",
        ),
    ),
    o(
        "court_weeks",
        8.0,
        12.0,
        t(
            "De wettelijke acht weken (Awb 8:55b) tot vier weken later, als rechtbanken achterlopen.",
            "The statutory eight weeks (Awb 8:55b) to four weeks later, when courts fall behind.",
        ),
    ),
    n(
        "court_penalty_cap_nareis",
        7_500.0,
        15_000.0,
        t(
            "De asielpraktijk (€7.500) of het algemene beleid van de rechtbanken (€15.000).",
            "The asylum practice (€7,500) or the courts' general policy (€15,000).",
        ),
    ),
];

impl Plausible {
    /// The range around scenario `s`'s own value of the lever (see
    /// [`Span`]), brought into the lever's range and onto its steps: it
    /// always holds that value. `None` if the key is no lever.
    pub fn around(&self, s: &Scenario) -> Option<(LeverValue, LeverValue)> {
        let l = lever(self.key)?;
        let own = l.get(s);
        let settle = |v: LeverValue| {
            let mut moved = s.clone();
            super::tornado::set(l, &mut moved, v);
            l.get(&moved)
        };
        let ends = match (&l.kind, own, self.low, self.high) {
            (
                LeverKind::Number(n),
                LeverValue::Number(v),
                LeverValue::Number(lo),
                LeverValue::Number(hi),
            ) => {
                let default = n.get(&Scenario::default());
                let (lo, hi) = match self.span {
                    // A level of nothing (no BAA, no hiring): from nothing
                    // to the range's top.
                    Span::Level if v == 0.0 => (0.0, hi),
                    Span::Level if default != 0.0 => (v * lo / default, v * hi / default),
                    _ => (v + lo - default, v + hi - default),
                };
                // Into range and onto the steps, never past the value.
                let lo = match settle(LeverValue::Number(lo.min(v))) {
                    LeverValue::Number(x) => x.min(v),
                    _ => v,
                };
                let hi = match settle(LeverValue::Number(hi.max(v))) {
                    LeverValue::Number(x) => x.max(v),
                    _ => v,
                };
                (LeverValue::Number(lo), LeverValue::Number(hi))
            }
            (
                LeverKind::Choice(_),
                LeverValue::Choice(i),
                LeverValue::Choice(a),
                LeverValue::Choice(b),
            ) => {
                let other = if i == a { b } else { a };
                (
                    LeverValue::Choice(i.min(other)),
                    LeverValue::Choice(i.max(other)),
                )
            }
            _ => return None,
        };
        Some(ends)
    }
}

/// The plausible range of the lever with key `key`.
pub fn plausible(key: &str) -> Option<&'static Plausible> {
    PLAUSIBLE.iter().find(|p| p.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::levers::{lever, levers};

    #[test]
    fn every_range_is_a_lever_s_and_inside_it() {
        for p in &PLAUSIBLE {
            let l = lever(p.key).unwrap_or_else(|| panic!("{} is no lever", p.key));
            for v in [p.low, p.high] {
                let mut s = crate::scenario::Scenario::default();
                crate::uncertainty::tornado::set(l, &mut s, v);
                assert_eq!(l.get(&s), v, "{} takes {v:?} as it is", p.key);
            }
            assert_ne!(p.low, p.high, "{}", p.key);
            if let (LeverValue::Number(lo), LeverValue::Number(hi)) = (p.low, p.high) {
                assert!(lo < hi, "{}", p.key);
            }
            assert!(!p.reason.nl.is_empty() && !p.reason.en.is_empty());
        }
    }

    #[test]
    fn one_range_per_lever() {
        let mut keys: Vec<_> = PLAUSIBLE.iter().map(|p| p.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), PLAUSIBLE.len());
        assert!(keys.len() < levers().len());
    }
}
