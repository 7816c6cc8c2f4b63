//! Calibration by a fit, not by hand, and the forecast track record.
//!
//! "As it happened" is two things: what is known (the record's inputs in
//! `record::inputs` and the levers in [`RECORD_BASE`], each with its
//! source) and what no publication states (the values in [`FITTED`], each
//! with its bounds and reason). [`fit`] chooses the second so that the run
//! comes as close as it can to the published figures up to a day, by one
//! stated loss ([`loss`]); [`track_record`] asks what a fit on the figures
//! known at three past dates would have said about what came after.

mod fit;
mod stats;
mod track_record;

pub use fit::{Fit, FitError, fit, fit_to, loss};
pub use stats::{ErrorStats, error_stats};
pub use track_record::{
    Forecast, ORIGINS, Origin, TrackRecord, judged_from, track_record, track_record_csv,
};

use crate::date::Date;
use crate::record::{Confidence, Published, inputs};

/// The levers of "as it happened" that are known, named even where they
/// equal the default so that the preset sets them whatever scenario it is
/// applied to (the history before `from` must not take a reader's levers):
/// - the inputs follow the record (`intake_by_year=on`: the intake by year
///   and week, the production, the moratorium, the court penalty from 2025;
///   `record::inputs`);
/// - no BAA (no count of BAA decisions was found; the production figures
///   count every decision);
/// - the term as it stood: fifteen months for applications filed before
///   2025 (WBV 2023/26, ind.nl May 2024), withdrawn in June 2025 for those
///   filed from 2024 (IB 2025/28, ANP; the day in June assumed), six
///   months for nareis;
/// - staff at today's level and no hiring path: the production is the
///   record's, and staff only share it out (with `productivity`, fitted);
/// - Dublin capacity 6,720 a year (560 decisions in April 2024, ind.nl),
///   track 2 at its default, nareis 7,440 (the IND was set up for 620 a
///   month, ind.nl 20 Apr 2023): only their proportions matter while the
///   production is the record's;
/// - the nareis stock on 30 April 2023, 20,300: a straight line between
///   about 18,000 at the end of 2022 and about 22,000 in July 2023;
/// - the work order of the letter (a share on cases past term, oldest
///   first; the rest on the young cases, newest first);
/// - the nareis share of the intake before the record gives one (2023:
///   CBS 2022, the lever's default) and the court penalty before the
///   courts raised it in 2025 (EUR 100 a day, cap EUR 7,500, parameters.md;
///   from 2025 the record's level applies), named so that the history
///   before today's outlook, whose own levers carry the newest share and
///   level on, is "as it happened" week for week;
/// - from the start, through the last day of the record's inputs.
pub const RECORD_BASE: &str = "intake_by_year=on&baa=0&ext_until=2025-01-01\
&ext_withdrawn=2025-06-01&term=15&term_nareis=6&fte=532&hiring_per_month=0\
&capacity_t1=6720&capacity_t2=2200&capacity_nareis=7440&backlog_nareis=20300\
&order=split&share_nareis=0.228&court_penalty_cap=7500\
&court_penalty_cap_nareis=7500&from=2023-05-01&until=2026-07-26";

/// A value no publication states, fitted within bounds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FittedValue {
    /// The lever's link key.
    pub key: &'static str,
    pub lower: f64,
    pub upper: f64,
    /// The grid the fit searches on (the value is a whole multiple of it
    /// above `lower`), so that the fitted link reads back exactly.
    pub step: f64,
    /// Why the value is not published, and why these bounds.
    pub reason: &'static str,
}

/// The values the fit chooses, with bounds and reasons.
pub const FITTED: [FittedValue; 10] = [
    FittedValue {
        key: "productivity",
        lower: 0.4,
        upper: 1.6,
        step: 0.01,
        reason: "track 4's part of the published production: the IND publishes no production by track; from half to twice the letter's 0.8 decisions per FTE-week",
    },
    FittedValue {
        key: "past_term_share",
        lower: 0.1,
        upper: 0.95,
        step: 0.05,
        reason: "the share of capacity on cases past their term, oldest first; the rest goes to young cases, newest first (the IND decided 65% and 57% of its cases within 15 months in 2023 and 2024 while old ones aged, and runs fast procedures: Dublin, safe countries, the AA). Not published; any split but all-or-nothing",
    },
    FittedValue {
        key: "share_t1",
        lower: 0.05,
        upper: 0.25,
        step: 0.005,
        reason: "the Dublin share of the intake: no source splits the intake by track; about 5,000 track 1 and 2 cases were waiting at the end of 2023 (IND via ANP)",
    },
    FittedValue {
        key: "share_t2",
        lower: 0.005,
        upper: 0.1,
        step: 0.005,
        reason: "the safe-country share of the intake: no source splits the intake by track; 180 track-2 cases were waiting in April 2024 (ind.nl)",
    },
    FittedValue {
        key: "notice_share",
        lower: 0.05,
        upper: 0.95,
        step: 0.01,
        reason: "the share of applicants past their term who send a notice of default: not published; the IND counted 28,670 and about 30,000 notices in 2023 and 2024",
    },
    FittedValue {
        key: "notice_weeks",
        lower: 0.0,
        upper: 40.0,
        step: 1.0,
        reason: "weeks from the lapse to the notice: not published; from at once to most of a year",
    },
    FittedValue {
        key: "appeal_share",
        lower: 0.02,
        upper: 0.95,
        step: 0.01,
        reason: "the share of those with a notice who appeal for not deciding in time: no count of these appeals was found (published.md)",
    },
    FittedValue {
        key: "notice_share_nareis",
        lower: 0.05,
        upper: 0.95,
        step: 0.01,
        reason: "the nareis applicants' notices, apart from asylum's: the penalties of 2024 were 'mostly nareis' (IND via ANP) while the statutory penalty is suspended for asylum; not published",
    },
    FittedValue {
        key: "notice_weeks_nareis",
        lower: 0.0,
        upper: 40.0,
        step: 1.0,
        reason: "weeks from a nareis lapse to the notice, apart from asylum's: not published",
    },
    FittedValue {
        key: "appeal_share_nareis",
        lower: 0.02,
        upper: 0.95,
        step: 0.01,
        reason: "the nareis applicants' appeals, apart from asylum's: not published",
    },
];

/// The weight of a figure's squared log error in the loss: an official
/// figure counts fully, a news report of official figures half, one of
/// unclear scope a tenth.
pub fn weight(c: Confidence) -> f64 {
    match c {
        Confidence::Official => 1.0,
        Confidence::Secondary => 0.5,
        Confidence::Unclear => 0.1,
    }
}

/// Whether a published figure is one a fit through `until` may use: dated
/// (its period ending) on or before `until`, and not one of the record's
/// inputs.
pub fn in_fit(p: &Published, until: Date) -> bool {
    p.period.to <= until && !inputs::used_as_input(p)
}
