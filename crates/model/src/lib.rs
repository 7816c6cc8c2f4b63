//! The flow model of Doorstroom: IND asylum cases as weekly cohorts,
//! decisions, decision terms and penalties. Pure Rust: no web, no UI, no I/O.
//!
//! A [`Scenario`] (every assumption, typed, with its source) goes in;
//! [`simulate`] gives a [`Run`] (weekly series per stream and measure) and
//! its [`Summary`]. The [`levers`] table is the one source of truth for the
//! scenario's URL form, ranges and texts. [`uncertainty`] runs the model
//! many times: Monte Carlo bands, goal-seek and the tornado.
//! [`Scenario::outlook`] is today's outlook, the page's default, and
//! [`World`] the one rule of which defaults a scenario is measured
//! against. `README.md` beside this crate
//! documents the model's equations, defaults and calibration.
//!
//! ```
//! use doorstroom_model::{Column, Measure, Scenario, Stream};
//!
//! // `v=2`: today's outlook, with two levers moved.
//! let (scenario, warnings) = Scenario::from_query("v=2&intake=77000&fte=600");
//! assert!(warnings.is_empty());
//! assert_eq!(scenario.to_query(), "v=2&intake=77000&fte=600");
//!
//! let run = scenario.run();
//! let track_4 = run.series(Column::of(Measure::Backlog, Stream::General));
//! assert_eq!(track_4.len(), run.weeks());
//! let summary = run.summary();
//! assert!(summary.backlog_peak >= summary.backlog_end);
//! ```

pub mod calibration;
mod csv;
mod date;
pub mod explain;
mod letter_scope;
mod levers;
mod outlook;
mod presets;
mod query;
pub mod record;
mod run;
pub mod safe_text;
mod scenario;
mod sim;
mod stream;
mod summary;
mod text;
pub mod uncertainty;
mod warning;

pub use csv::{
    About, CSV_COLUMNS, Cell, Notation, Period, Sheet, column_key, column_name, run_columns,
};
pub use date::{Date, ParseDateError};
pub use letter_scope::LETTER_PENALTIES_2024_EUR;
pub use levers::{
    Adjustment, Choice, ChoiceLever, DateLever, HORIZON_KEY, LEVER_COUNT, LEVERS, Lever,
    LeverGroup, LeverKind, LeverValue, Named, NumberLever, Settled, Unit, differing, lever, levers,
    scenario_at, write_number,
};
pub use outlook::{LETTER_NAME, OUTLOOK_NAME, World};
pub use presets::{AS_IT_HAPPENED, PRESETS, Preset, PresetGroup, Sets, preset};
pub use query::{QUERY_VERSION, VERSION_KEY, page_keys};
pub use run::{Aggregate, Column, Measure, Run};
pub use scenario::{FTE_AT_START, Scenario, TermPolicy, WorkOrder};
pub use sim::{Runner, simulate, simulate_with_intake_factors};
pub use stream::Stream;
pub use summary::Summary;
pub use text::{Lang, Text, t};
pub use warning::{Warning, WarningKind};

/// The version of this crate, shown in the page's footer.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

impl Scenario {
    /// Runs the model: the same as [`simulate`].
    #[must_use]
    pub fn run(&self) -> Run {
        simulate(self)
    }
}
