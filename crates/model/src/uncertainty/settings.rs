//! The Monte Carlo settings: whether bands are shown, how many runs, the
//! seed, and how far each uncertain input spreads around its value.
//!
//! These are not levers of the scenario: a scenario says what the world is
//! assumed to be, these say how unsure that assumption is. They have URL
//! keys of their own (see `url.rs`) and a range each; [`BandSettings::validated`]
//! brings any value into range and reports what it changed, like the
//! scenario's validation.
//!
//! Each spread is the standard deviation of a normal draw `z` on the scale
//! named in [`Spread`]; the README ("Uncertainty") gives the numbers behind
//! every default.

use crate::levers::Adjustment;
use crate::text::{Text, t};
use crate::warning::{Warning, WarningKind};

/// How a spread acts on its input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpreadScale {
    /// The input is multiplied by `exp(sd × z)`: its median stays the value
    /// chosen, and it never turns negative.
    Log,
    /// The share's log-odds move by `sd × z`: the median stays the share
    /// chosen, and the share stays between 0 and 1.
    LogOdds,
}

/// One uncertain input: its URL key, texts, range, default and source.
#[derive(Clone, Copy, Debug)]
pub struct Spread {
    /// The URL key.
    pub key: &'static str,
    pub label: Text,
    pub scale: SpreadScale,
    pub max: f64,
    pub default: f64,
    /// Where the default comes from.
    pub source: Text,
}

/// The intake's spread in any one year ahead, as the MPP's record of its
/// own errors gives it: the root mean square of `ln(outcome / forecast)`
/// of its four forecasts made up to a year and a half before the year's
/// end (README, "The intake's spread from the MPP's record"; the table
/// [`MPP_RECORD`]). The errors one year ahead (0.38, the forecasts made in
/// the spring of their own year) are no larger than two years ahead (0.25,
/// those made in the autumn for the next year), so the record shows no
/// growth with the horizon; beyond two years it has no forecast to judge,
/// so the spread is held there, not extrapolated. Bounds: at least the
/// spread the MPP claimed (its ranges read as P10-P90, 0.17 to 0.21), at
/// most its largest error (0.43).
pub const INTAKE_SPREAD_PER_YEAR: f64 = 0.32;

/// One MPP intake forecast and what came: the record the intake's spread
/// is calibrated to (published.md, "Intake" and "Intake, 2025-2026").
#[derive(Clone, Copy, Debug)]
pub struct MppForecast {
    /// When and where it was published.
    pub made: &'static str,
    /// The year it was published in: the year it forecast (one year ahead)
    /// or the year before (two).
    pub made_in: i32,
    /// The year it forecast.
    pub year: i32,
    /// Its central figure: as stated, or the midpoint of its range.
    pub central: f64,
    /// Its range (low, high).
    pub range: (f64, f64),
    /// The all-asylum intake of the year (2026: the weekly table's mean
    /// rate through July, a year's worth).
    pub outcome: f64,
}

/// The MPP's forecasts made in or before the year they forecast, at least
/// half a year before its end. Left out: the nowcasts (November 2023 for
/// 2023, September 2025 for 2025), which knew most of their year.
pub const MPP_RECORD: [MppForecast; 4] = [
    MppForecast {
        made: "letter, April 2023 (MPP spring 2023)",
        made_in: 2023,
        year: 2023,
        central: 70_000.0,
        range: (49_000.0, 77_000.0),
        outcome: 50_600.0,
    },
    MppForecast {
        made: "news reports, April 2024",
        made_in: 2024,
        year: 2024,
        central: 69_800.0,
        range: (49_800.0, 78_500.0),
        outcome: 45_600.0,
    },
    MppForecast {
        made: "ind.nl; nieuws.nl, 10 November 2023",
        made_in: 2023,
        year: 2024,
        central: 62_500.0,
        range: (49_000.0, 76_000.0),
        outcome: 45_600.0,
    },
    MppForecast {
        made: "rijksoverheid.nl, 26 September 2025",
        made_in: 2025,
        year: 2026,
        central: 53_050.0,
        range: (39_000.0, 67_100.0),
        outcome: 44_568.0,
    },
];

/// The spread of the intake's level: the part of the forecast's error that
/// holds for the whole horizon, one draw per run. With the year's own part
/// ([`YEARLY_INTAKE_SPREAD`]) it makes [`INTAKE_SPREAD_PER_YEAR`] in every
/// year: `sqrt(0.315² + 0.07²) = 0.32`.
pub const INTAKE_SPREAD: Spread = Spread {
    key: "sd_intake",
    label: t("Spreiding niveau instroom", "Spread of the intake level"),
    scale: SpreadScale::Log,
    max: 1.0,
    default: 0.315,
    source: t(
        "De fout van de MPP-prognoses zelf, een tot twee jaar vooruit: voorjaar 2023 ruim 70.000 voor 2023, ongeveer 50.600 gekomen; \
         april 2024 69.800 en november 2023 49.000 tot 76.000 (midden 62.500) voor 2024, ongeveer 45.600 gekomen; \
         september 2025 39.000 tot 67.100 (midden 53.050) voor 2026, 854 per week gekomen. \
         De wortel uit het gemiddelde kwadraat van ln(uitkomst/prognose) is 0,32 per jaar, een jaar vooruit niet kleiner dan twee; \
         de MPP-bandbreedtes zelf (als P10–P90) zeggen 0,17 tot 0,21. Het niveau houdt 0,315 daarvan vast over de hele horizon.",
        "The MPP forecasts' own error, one to two years ahead: spring 2023 expected just over 70,000 for 2023, about 50,600 came; \
         April 2024 gave 69,800 and November 2023 49,000 to 76,000 (midpoint 62,500) for 2024, about 45,600 came; \
         September 2025 gave 39,000 to 67,100 (midpoint 53,050) for 2026, 854 a week came. \
         The root mean square of ln(outcome/forecast) is 0.32 a year, no smaller one year ahead than two; \
         the MPP's ranges themselves (as P10–P90) say 0.17 to 0.21. The level holds 0.315 of it over the whole horizon.",
    ),
};

/// The spread of each year's own intake around the level: drawn anew for
/// every year of the horizon (not a random walk), so a year's intake never
/// spreads more than [`INTAKE_SPREAD_PER_YEAR`], however far ahead.
pub const YEARLY_INTAKE_SPREAD: Spread = Spread {
    key: "sd_intake_year",
    label: t(
        "Spreiding instroom per jaar",
        "Spread of each year's intake",
    ),
    scale: SpreadScale::Log,
    max: 0.5,
    default: 0.07,
    source: t(
        "De instroom zelf van jaar op jaar: 47.911 (2022), ongeveer 50.600 (2023), 45.600 (2024), bijna 44.000 (2025) \
         (CBS; ministerie via RD.nl; Hart van Nederland): +5,5%, −10%, −3,6%. De wortel uit het gemiddelde kwadraat \
         van de log-veranderingen is 0,07. Elk jaar een eigen trekking rond het niveau, geen optelsom: de spreiding groeit niet met de horizon.",
        "The intake itself from year to year: 47,911 (2022), about 50,600 (2023), 45,600 (2024), close to 44,000 (2025) \
         (CBS; ministry via RD.nl; Hart van Nederland): +5.5%, −10%, −3.6%. The root mean square of the log changes \
         is 0.07. Each year its own draw around the level, not a running sum: the spread does not grow with the horizon.",
    ),
};

/// The week-to-week noise on the intake, independent per week.
pub const WEEKLY_INTAKE_SPREAD: Spread = Spread {
    key: "sd_intake_week",
    label: t("Spreiding instroom per week", "Week-to-week intake spread"),
    scale: SpreadScale::Log,
    max: 0.5,
    default: 0.1,
    source: t(
        "Aanname: aankomsten komen in golven (groepen, seizoenen); er is geen weekreeks gepubliceerd. \
         Over een jaar middelt dit uit, dus het verbreedt de banden weinig.",
        "Assumption: arrivals come in waves (groups, seasons); no weekly series is published. \
         Over a year this averages out, so it widens the bands little.",
    ),
};

/// The spread of track-4 productivity (decisions per FTE per week), one
/// draw per run.
pub const PRODUCTIVITY_SPREAD: Spread = Spread {
    key: "sd_productivity",
    label: t("Spreiding productiviteit", "Spread of productivity"),
    scale: SpreadScale::Log,
    max: 0.5,
    default: 0.1,
    source: t(
        "De productie van de IND tegen haar opdracht: 2022 ongeveer 24.000 spoor-4-besluiten tegen 22.000 (+9%, IND/Volkskrant); \
         april 2024 'iets onder de prognose' (ind.nl).",
        "The IND's output against its commission: 2022 about 24,000 track-4 decisions against 22,000 (+9%, IND/Volkskrant); \
         April 2024 'slightly below forecast' (ind.nl).",
    ),
};

/// The spread of the share of waiting applicants who send a notice of
/// default, one draw per run.
pub const NOTICE_SPREAD: Spread = Spread {
    key: "sd_notice",
    label: t(
        "Spreiding aandeel ingebrekestellingen",
        "Spread of the notice share",
    ),
    scale: SpreadScale::LogOdds,
    max: 2.0,
    default: 0.4,
    source: t(
        "Aanname: het aandeel is gekalibreerd, niet gemeten; 0,4 op de log-odds geeft P10–P90 van 37% tot 63% rond 50%, \
         het bereik van de kalibratietabel (40% tot 60%).",
        "Assumption: the share is calibrated, not measured; 0.4 on the log-odds gives P10–P90 of 37% to 63% around 50%, \
         the calibration table's range (40% to 60%).",
    ),
};

/// The spread of the share of applicants with a notice who appeal, one draw
/// per run.
pub const APPEAL_SPREAD: Spread = Spread {
    key: "sd_appeal",
    label: t("Spreiding aandeel beroepen", "Spread of the appeal share"),
    scale: SpreadScale::LogOdds,
    max: 2.0,
    default: 0.5,
    source: t(
        "Aanname: het aandeel is gekalibreerd, niet gemeten; 0,5 op de log-odds geeft P10–P90 van 68% tot 88% rond 80%, \
         binnen het bereik van de kalibratietabel (60% tot 100%).",
        "Assumption: the share is calibrated, not measured; 0.5 on the log-odds gives P10–P90 of 68% to 88% around 80%, \
         within the calibration table's range (60% to 100%).",
    ),
};

/// Every spread, in the order of [`Spreads`]' fields and of the URL.
pub const SPREADS: [Spread; 6] = [
    INTAKE_SPREAD,
    YEARLY_INTAKE_SPREAD,
    WEEKLY_INTAKE_SPREAD,
    PRODUCTIVITY_SPREAD,
    NOTICE_SPREAD,
    APPEAL_SPREAD,
];

/// The spreads' values, one per entry of [`SPREADS`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spreads {
    pub intake: f64,
    pub intake_year: f64,
    pub intake_week: f64,
    pub productivity: f64,
    pub notice: f64,
    pub appeal: f64,
}

impl Spreads {
    /// Every spread at zero: each run is the deterministic run.
    pub const ZERO: Spreads = Spreads {
        intake: 0.0,
        intake_year: 0.0,
        intake_week: 0.0,
        productivity: 0.0,
        notice: 0.0,
        appeal: 0.0,
    };

    /// The values in the order of [`SPREADS`].
    pub fn values(&self) -> [f64; 6] {
        [
            self.intake,
            self.intake_year,
            self.intake_week,
            self.productivity,
            self.notice,
            self.appeal,
        ]
    }

    pub(crate) fn value_mut(&mut self, i: usize) -> Option<&mut f64> {
        match i {
            0 => Some(&mut self.intake),
            1 => Some(&mut self.intake_year),
            2 => Some(&mut self.intake_week),
            3 => Some(&mut self.productivity),
            4 => Some(&mut self.notice),
            5 => Some(&mut self.appeal),
            _ => None,
        }
    }
}

impl Default for Spreads {
    fn default() -> Spreads {
        Spreads {
            intake: INTAKE_SPREAD.default,
            intake_year: YEARLY_INTAKE_SPREAD.default,
            intake_week: WEEKLY_INTAKE_SPREAD.default,
            productivity: PRODUCTIVITY_SPREAD.default,
            notice: NOTICE_SPREAD.default,
            appeal: APPEAL_SPREAD.default,
        }
    }
}

/// The fewest and most Monte Carlo runs.
pub const RUNS_RANGE: (u32, u32) = (1, 5_000);
/// The default number of runs: enough for stable P10 and P90 (each rests on
/// 50 runs beyond it) while 500 runs stay well under a second in the page.
pub const DEFAULT_RUNS: u32 = 500;
/// The default seed. Any fixed number would do: it only makes a link
/// without a seed show the same bands every time.
pub const DEFAULT_SEED: u64 = 2023;

/// A fresh seed for a new draw, from the system's random numbers (the
/// browser's `crypto.getRandomValues` in the page): the one way both the
/// page's "new draw" and the command line's `--bands` without `--seed` get
/// one. Seeds stay below 2^53, so that a seed shown or typed as a number in
/// JavaScript is the same seed. `None` if the system has no random numbers
/// to give.
#[cfg(feature = "fresh-seed")]
pub fn fresh_seed() -> Option<u64> {
    getrandom::u64().ok().map(|x| x >> 11)
}

/// Whether the page shows bands, how they are drawn and how far each input
/// spreads.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BandSettings {
    /// Bands shown in the page (the CLI computes them when asked).
    pub on: bool,
    /// Monte Carlo runs.
    pub runs: u32,
    /// The seed: run `i` draws from a generator derived from it and `i`.
    pub seed: u64,
    pub spreads: Spreads,
}

impl Default for BandSettings {
    fn default() -> BandSettings {
        BandSettings {
            on: false,
            runs: DEFAULT_RUNS,
            seed: DEFAULT_SEED,
            spreads: Spreads::default(),
        }
    }
}

/// The URL keys of the settings that are not spreads.
pub(crate) const KEY_ON: &str = "bands";
pub(crate) const KEY_RUNS: &str = "runs";
pub(crate) const KEY_SEED: &str = "seed";

impl BandSettings {
    /// These settings with only `source`'s spreads, over `runs` runs:
    /// the runs that say how much of the spread that source gives.
    #[must_use]
    pub fn only(self, source: super::Source, runs: u32) -> BandSettings {
        BandSettings {
            runs,
            spreads: source.only(&self.spreads),
            ..self
        }
    }

    /// The settings with every value brought into range, and a warning per
    /// change: a number that is not finite becomes its default, one out of
    /// range the nearest end.
    #[must_use]
    pub fn validated(mut self) -> (BandSettings, Vec<Warning>) {
        let mut warnings = Vec::new();
        let runs = self.runs.clamp(RUNS_RANGE.0, RUNS_RANGE.1);
        if runs != self.runs {
            let side = if runs > self.runs {
                Adjustment::Minimum
            } else {
                Adjustment::Maximum
            };
            warnings.push(adjusted(
                KEY_RUNS,
                self.runs,
                runs,
                WarningKind::Adjusted(side),
            ));
            self.runs = runs;
        }
        for (i, spread) in SPREADS.iter().enumerate() {
            if let Some(v) = self.spreads.value_mut(i) {
                let (used, kind) = spread.settle(*v);
                if let Some(kind) = kind {
                    warnings.push(adjusted(spread.key, *v, used, kind));
                    *v = used;
                }
            }
        }
        (self, warnings)
    }
}

impl Spread {
    /// `v` in `0..=max`, and what that changed: not a number gives the
    /// default (unreadable), a value beyond an end that end.
    pub fn settle(&self, v: f64) -> (f64, Option<WarningKind>) {
        if v.is_nan() {
            (self.default, Some(WarningKind::Unreadable))
        } else if v > self.max {
            (self.max, Some(WarningKind::Adjusted(Adjustment::Maximum)))
        } else if v < 0.0 {
            (0.0, Some(WarningKind::Adjusted(Adjustment::Minimum)))
        } else {
            (v + 0.0, None)
        }
    }
}

fn adjusted(
    key: &str,
    given: impl std::fmt::Display,
    used: impl std::fmt::Display,
    kind: WarningKind,
) -> Warning {
    Warning {
        key: key.to_string(),
        given: given.to_string(),
        used: Some(used.to_string()),
        kind,
    }
}

/// The label of a settings key, for warnings.
pub(crate) fn label(key: &str) -> Option<Text> {
    match key {
        KEY_ON => Some(t("Onzekerheidsbanden", "Uncertainty bands")),
        KEY_RUNS => Some(t("Aantal doorrekeningen", "Number of runs")),
        KEY_SEED => Some(t("Startgetal", "Seed")),
        super::goal::KEY_GOAL_YEAR => Some(t("Doeljaar", "Goal year")),
        super::goal::KEY_GOAL_EUR => Some(t("Doelbedrag", "Goal amount")),
        _ => SPREADS.iter().find(|s| s.key == key).map(|s| s.label),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_in_range_and_need_no_repair() {
        let (s, w) = BandSettings::default().validated();
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(s, BandSettings::default());
        for spread in SPREADS {
            assert!(
                (0.0..=spread.max).contains(&spread.default),
                "{}",
                spread.key
            );
            assert!(!spread.source.nl.is_empty() && !spread.source.en.is_empty());
        }
    }

    #[test]
    fn repairs_what_is_out_of_range() {
        let s = BandSettings {
            runs: 0,
            spreads: Spreads {
                intake: -1.0,
                notice: f64::NAN,
                appeal: 9.0,
                ..Spreads::default()
            },
            ..BandSettings::default()
        };
        let (v, w) = s.validated();
        assert_eq!(v.runs, 1);
        assert_eq!(v.spreads.intake, 0.0);
        assert_eq!(v.spreads.notice, NOTICE_SPREAD.default);
        assert_eq!(v.spreads.appeal, APPEAL_SPREAD.max);
        let keys: Vec<_> = w.iter().map(|w| w.key.as_str()).collect();
        assert_eq!(keys, ["runs", "sd_intake", "sd_notice", "sd_appeal"]);
        let kinds: Vec<_> = w.iter().map(|w| w.kind).collect();
        assert_eq!(
            kinds,
            [
                WarningKind::Adjusted(Adjustment::Minimum),
                WarningKind::Adjusted(Adjustment::Minimum),
                WarningKind::Unreadable,
                WarningKind::Adjusted(Adjustment::Maximum),
            ]
        );
        assert_eq!(v.validated(), (v, vec![]));
    }

    #[test]
    fn the_intake_default_is_the_record_s_error() {
        let log_error = |f: &MppForecast| (f.outcome / f.central).ln();
        let rms = |errors: &[f64]| {
            (errors.iter().map(|e| e * e).sum::<f64>() / errors.len() as f64).sqrt()
        };
        let all: Vec<f64> = MPP_RECORD.iter().map(log_error).collect();
        assert!(
            (rms(&all) - INTAKE_SPREAD_PER_YEAR).abs() < 0.005,
            "{all:?}"
        );
        // No growth with the horizon: the forecasts for their own year err
        // no less than those for the next.
        let ahead = |next: bool| -> Vec<f64> {
            MPP_RECORD
                .iter()
                .filter(|f| (f.made_in < f.year) == next)
                .map(log_error)
                .collect()
        };
        let (same_year, next_year) = (rms(&ahead(false)), rms(&ahead(true)));
        assert!((same_year - 0.379).abs() < 0.005, "{same_year}");
        assert!((next_year - 0.254).abs() < 0.005, "{next_year}");
        assert!(next_year <= same_year);
        // The 2026 outcome is the weekly table's rate, a year's worth.
        let rate = crate::record::inputs::intake_2026_mean_per_week() * crate::sim::WEEKS_PER_YEAR;
        assert!((MPP_RECORD[3].outcome - rate).abs() < 1.0, "{rate}");
        // The MPP's ranges read as P10-P90 claim less spread than it had,
        // and half the outcomes fell below the range: the realised error is
        // taken, and these are its lower bound.
        let claimed: Vec<f64> = MPP_RECORD
            .iter()
            .map(|f| (f.range.1 / f.range.0).ln() / (2.0 * 1.2816))
            .collect();
        assert!(
            claimed.iter().all(|&c| (0.17..0.22).contains(&c)),
            "{claimed:?}"
        );
        let outside = MPP_RECORD
            .iter()
            .filter(|f| f.outcome < f.range.0 || f.outcome > f.range.1)
            .count();
        assert_eq!(outside, 2);
        assert!(INTAKE_SPREAD_PER_YEAR > claimed.iter().copied().fold(0.0, f64::max));
        assert!(INTAKE_SPREAD_PER_YEAR < all.iter().map(|e| e.abs()).fold(0.0, f64::max));
        // The level and each year's own draw make the year's spread.
        let per_year = INTAKE_SPREAD.default.hypot(YEARLY_INTAKE_SPREAD.default);
        assert!(
            (per_year - INTAKE_SPREAD_PER_YEAR).abs() < 0.005,
            "{per_year}"
        );
        // ln of the intake's change from one year to the next, 2022 to 2025.
        let years = [47_911.0f64, 50_600.0, 45_600.0, 44_000.0];
        let changes: Vec<f64> = years.windows(2).map(|w| (w[1] / w[0]).ln()).collect();
        assert!((rms(&changes) - YEARLY_INTAKE_SPREAD.default).abs() < 0.005);
    }
}
