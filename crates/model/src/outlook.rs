//! Today's outlook, the page's default since links of format version 2,
//! and the one rule of which world a scenario stands in.
//!
//! Today's outlook is history as it happened up to the newest published
//! figures (`record::inputs::RECORD_END`), then the reader's levers from
//! the first of the next month (`inputs::outlook_from`), five years ahead.
//! Its levers are the record's newest state carried on, so that nothing
//! changes at the join that no lever changes: the intake at the 2026
//! weekly table's mean rate with the nareis share of the newest year, the
//! production of 2025 per stream (track 4's part as a productivity per
//! FTE at today's staff), the courts' penalty of 2025, the fitted
//! behaviour of "as it happened" and the six-month term the law has had
//! since the EU Court's judgment of 8 May 2025 (C-662/23; the EU Pact
//! keeps six months from 12 June 2026).
//!
//! The letter's world of April 2023 (`Scenario::default()`, the defaults
//! of a `v=1` link) is the other world: levers from the start, no
//! history. A scenario whose levers act from a day after the start
//! stands in today's outlook; one whose levers act from the start, in the
//! letter's. Each world's defaults are what "changed", "back to default",
//! the baseline and the heading refer to ([`World::defaults`]).

use std::sync::OnceLock;

use crate::date::Date;
use crate::levers::{LEVERS, LeverValue};
use crate::presets::AS_IT_HAPPENED;
use crate::record::inputs;
use crate::scenario::{Scenario, TermPolicy};
use crate::sim::WEEKS_PER_YEAR;
use crate::stream::Stream;
use crate::text::{Text, t};

/// The world a scenario stands in, which says what its defaults are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum World {
    /// The letter to Parliament of April 2023: every lever from 1 May 2023.
    Letter,
    /// Today's outlook: history up to the newest published figures, the
    /// levers after it.
    Outlook,
}

impl World {
    /// The world of `s`: today's outlook when its levers act from a day
    /// after the start (a history comes first), else the letter's.
    pub fn of(s: &Scenario) -> World {
        World::starting(s.start, s.from)
    }

    /// The world of a run that starts on `start` with its levers acting
    /// from `from` (see [`World::of`]).
    pub fn starting(start: Date, from: Date) -> World {
        if from > start {
            World::Outlook
        } else {
            World::Letter
        }
    }

    /// The scenario whose levers are this world's defaults.
    pub fn defaults(self) -> Scenario {
        match self {
            World::Letter => Scenario::default(),
            World::Outlook => Scenario::outlook(),
        }
    }

    /// Each lever's value in this world's defaults, in the lever table's
    /// order: read once, since the page asks at every change which levers
    /// differ from their default.
    pub fn lever_defaults(self) -> &'static [LeverValue] {
        static LETTER: OnceLock<Vec<LeverValue>> = OnceLock::new();
        static OUTLOOK: OnceLock<Vec<LeverValue>> = OnceLock::new();
        let cell = match self {
            World::Letter => &LETTER,
            World::Outlook => &OUTLOOK,
        };
        cell.get_or_init(|| {
            let defaults = self.defaults();
            LEVERS.iter().map(|l| l.get(&defaults)).collect()
        })
    }

    /// The world's name, as the page names its default.
    pub fn name(self) -> Text {
        match self {
            World::Letter => LETTER_NAME,
            World::Outlook => OUTLOOK_NAME,
        }
    }
}

/// The name of the letter's world, and of its preset.
pub const LETTER_NAME: Text = t("De brief van april 2023", "The letter of April 2023");
/// The name of today's outlook, and of its preset.
pub const OUTLOOK_NAME: Text = t("Vooruitzicht van vandaag", "Today's outlook");

impl Scenario {
    /// Today's outlook: the defaults of a `v=2` link and the page's first
    /// screen.
    #[must_use]
    pub fn outlook() -> Scenario {
        static OUTLOOK: OnceLock<Scenario> = OnceLock::new();
        OUTLOOK.get_or_init(outlook).clone()
    }

    /// The world this scenario stands in.
    #[must_use]
    pub fn world(&self) -> World {
        World::of(self)
    }

    /// The defaults of the world this scenario stands in: what its levers
    /// are "changed" against and "back to default" returns to.
    #[must_use]
    pub fn world_defaults(&self) -> Scenario {
        self.world().defaults()
    }

    /// The baseline this scenario is compared with: the pinned scenario
    /// if there is one, else the defaults of the world of a scenario whose
    /// levers apply from `self.from`; in both cases over this scenario's
    /// own horizon, since a longer or shorter horizon is a change of view,
    /// not of policy, and figures "at the end" must compare the same day.
    #[must_use]
    pub fn baseline(&self, pinned: Option<&Scenario>) -> Scenario {
        Scenario::baseline_over(pinned, self.end, self.from)
    }

    /// The baseline when none is pinned, for a scenario whose levers apply
    /// from `from`: the defaults of its world ([`Scenario::world_defaults`]),
    /// today's outlook for a run with a history before its levers, the
    /// letter's world for one whose levers act from the start. It depends on
    /// `from` alone, so a page reruns it only when `from` moves.
    #[must_use]
    pub fn unpinned_baseline(from: Date) -> Scenario {
        Scenario {
            from,
            ..Scenario::default()
        }
        .world_defaults()
    }

    /// [`Scenario::baseline`] of a scenario ending on `end` whose levers
    /// apply from `from`: all it depends on, so that a page reruns the
    /// baseline only when one of them moves.
    #[must_use]
    pub fn baseline_over(pinned: Option<&Scenario>, end: Date, from: Date) -> Scenario {
        Scenario {
            end,
            ..pinned
                .cloned()
                .unwrap_or_else(|| Scenario::unpinned_baseline(from))
        }
    }
}

/// Today's outlook, made from "as it happened" and the record's inputs.
fn outlook() -> Scenario {
    // Read as a link, not applied as a preset: the presets' targets hold
    // this outlook (`Sets::Outlook`), so applying one here would ask for
    // the outlook while making it.
    let (history, _) = Scenario::from_query(AS_IT_HAPPENED);
    let from = inputs::outlook_from();
    let letter = Scenario::default();
    // The record's newest nareis share of the intake; the asylum tracks
    // keep the proportions the history gave them (its shares are of an
    // intake with the lever's nareis share, `share` in the simulation).
    let nareis = inputs::nareis_share(inputs::RECORD_END.year()).unwrap_or(history.share_family);
    let asylum = (1.0 - nareis) / (1.0 - history.share_family).max(f64::EPSILON);
    let mut s = Scenario {
        from,
        end: inputs::outlook_until(),
        // The reader's intake from the join on, not the record's.
        intake_by_year: false,
        intake_per_year: inputs::intake_2026_mean_per_week() * WEEKS_PER_YEAR,
        share_family: nareis,
        share_dublin: history.share_dublin * asylum,
        share_safe_country: history.share_safe_country * asylum,
        term: TermPolicy::SixMonths,
        court_penalty_per_day: inputs::COURT_PENALTY_2025.per_day,
        court_penalty_cap: inputs::COURT_PENALTY_2025.cap,
        court_penalty_cap_family: inputs::COURT_PENALTY_2025.cap,
        // More staff is hired at the lever's pace, as in the letter's world:
        // the history hired none, since its production is the record's.
        hiring_per_month: letter.hiring_per_month,
        ..history.clone()
    };
    // Each stream's capacity carries the production of the record's last
    // day on: the stream's own capacity scaled as the record scales it.
    for stream in Stream::ALL {
        let Some(p) = inputs::production(inputs::RECORD_END, stream, history.from) else {
            continue;
        };
        let counted = Stream::ALL.into_iter().filter(|&q| p.covers(q));
        let total: f64 = counted.map(|q| own_capacity(&history, q)).sum();
        if total > 0.0 {
            let scale = p.per_year / total;
            match stream {
                Stream::Dublin => s.capacity_dublin = history.capacity_dublin * scale,
                Stream::SafeCountry => {
                    s.capacity_safe_country = history.capacity_safe_country * scale;
                }
                Stream::FamilyReunification => {
                    s.capacity_family = history.capacity_family * scale;
                }
                Stream::General => {
                    s.decisions_per_fte_week = history.decisions_per_fte_week * scale;
                }
            }
        }
    }
    s.validated().0
}

/// A stream's own capacity a year in `s` at today's staff (no trainees:
/// the history hires none).
fn own_capacity(s: &Scenario, stream: Stream) -> f64 {
    match stream {
        Stream::Dublin => s.capacity_dublin,
        Stream::SafeCountry => s.capacity_safe_country,
        Stream::FamilyReunification => s.capacity_family,
        Stream::General => s.fte * s.decisions_per_fte_week * WEEKS_PER_YEAR,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_worlds_lever_defaults_are_its_default_scenarios_values() {
        for world in [World::Letter, World::Outlook] {
            let defaults = world.defaults();
            assert_eq!(world.lever_defaults().len(), LEVERS.len());
            for (l, v) in LEVERS.iter().zip(world.lever_defaults()) {
                assert_eq!(l.get(&defaults), *v, "{}", l.key);
            }
            assert_eq!(World::starting(defaults.start, defaults.from), world);
        }
    }

    #[test]
    fn the_outlook_joins_after_the_record_and_looks_five_years_ahead() {
        let s = Scenario::outlook();
        assert_eq!(s.from, inputs::outlook_from());
        assert_eq!(s.end, inputs::outlook_until());
        assert_eq!(s.world(), World::Outlook);
        assert_eq!(Scenario::default().world(), World::Letter);
        assert_eq!(s.clone().validated().0, s, "it is its own validated form");
        // The intake carries the 2026 table's mean on (whole people a year).
        let weekly = s.intake_per_year / WEEKS_PER_YEAR;
        assert!((weekly - 854.1).abs() < 0.1, "{weekly}");
    }

    #[test]
    fn each_world_has_its_own_defaults() {
        assert_eq!(World::Letter.defaults(), Scenario::default());
        assert_eq!(World::Outlook.defaults(), Scenario::outlook());
        let (moved, _) = Scenario::from_query("v=2&fte=900");
        assert_eq!(moved.world_defaults(), Scenario::outlook());
        let (letter, _) = Scenario::from_query("v=1&fte=900");
        assert_eq!(letter.world_defaults(), Scenario::default());
    }
}
