//! Uncertainty and decision support: Monte Carlo bands around a scenario,
//! goal-seek on a lever, and the levers that matter most (tornado).
//!
//! - [`BandSettings`] (URL keys of their own, never a scenario lever) say
//!   how many runs, which seed and how far each uncertain input spreads.
//! - [`sample`] runs a slice of the Monte Carlo runs, [`Samples::merge`]
//!   joins slices, [`Bands::of`] gives P10, P50 and P90 per week and per
//!   headline figure.
//! - [`seek`] finds the least value of a lever that reaches a [`Goal`].
//! - [`tornado`] moves each lever over its plausible range ([`PLAUSIBLE`]).

mod draw;
mod goal;
mod headline;
mod monte_carlo;
mod percentile;
mod ranges;
mod settings;
mod sources;
mod tornado;
mod url;

pub use draw::Draw;
pub use goal::{
    Goal, GoalLever, GoalResult, LinkWording, Outcome, Shortfall, Violation, Wording, seek,
};
pub use headline::{FIGURES, Figure, FigureKind, figure};
#[cfg(not(target_arch = "wasm32"))]
pub use monte_carlo::sample_threads;
pub use monte_carlo::{Band, Bands, Distribution, MergeError, Samples, sample, split};
pub use percentile::Percentiles;
pub use ranges::{PLAUSIBLE, Plausible, Span, plausible};
#[cfg(feature = "fresh-seed")]
pub use settings::fresh_seed;
pub(crate) use settings::label;
pub use settings::{
    APPEAL_SPREAD, BandSettings, DEFAULT_RUNS, DEFAULT_SEED, INTAKE_SPREAD, INTAKE_SPREAD_PER_YEAR,
    MPP_RECORD, MppForecast, NOTICE_SPREAD, PRODUCTIVITY_SPREAD, RUNS_RANGE, SPREADS, Spread,
    SpreadScale, Spreads, WEEKLY_INTAKE_SPREAD, YEARLY_INTAKE_SPREAD,
};
pub use sources::{Source, shares as source_shares, source_runs};
pub use tornado::{NoEffect, TornadoBar, tornado, tornado_csv, tornado_over};
pub use url::{read_query, write_query};

/// The draw of run `index` of `settings` around scenario `s`: the perturbed
/// scenario and the weekly intake multipliers. [`sample`] runs exactly
/// these; exposed so that a run of the bands can be reproduced on its own.
#[must_use]
pub fn draw_run(s: &crate::Scenario, settings: &BandSettings, index: u32) -> Draw {
    let (s, _) = s.clone().validated();
    let (settings, _) = settings.validated();
    let weeks = crate::sim::horizon_weeks(&s);
    draw::draw(
        &s,
        &settings.spreads,
        settings.seed,
        index,
        weeks,
        s.join_week(),
    )
}
