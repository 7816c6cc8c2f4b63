//! The forecast track record: what the model, fitted on what was known at
//! a past date, would have said about what came after.
//!
//! From each origin the values of [`super::FITTED`] are fitted only on the
//! figures dated before it (their period ends before the origin); the run
//! then gets the inputs that became known later (the intake, the
//! production, the law: `record::inputs` and [`super::RECORD_BASE`]), as a
//! forecaster who knew those would have run it, and is held against every
//! published figure dated on or after the origin that is not one of those
//! inputs. So the track record judges the model's mechanisms and fitted
//! behaviour, not a forecast of the intake (the uncertainty bands do that).
//! Beside the first origin stands the letter's own forecast: the default
//! scenario, its world of April 2023.

use super::fit::{Fit, FitError, fit};
use super::stats::{ErrorStats, error_stats};
use crate::csv::{Cell, Notation, Sheet};
use crate::date::Date;
use crate::record::{self, RecordRow, inputs};
use crate::run::Run;
use crate::scenario::{Scenario, ymd};
use crate::text::{Lang, Text, t};

/// A day from which the model forecasts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Origin {
    pub day: Date,
    pub label: Text,
}

/// The three origins: the letter's day, and the first day of 2024 and of
/// 2025.
pub const ORIGINS: [Origin; 3] = [
    Origin {
        day: ymd(2023, 5, 1),
        label: t("1 mei 2023 (de brief)", "1 May 2023 (the letter)"),
    },
    Origin {
        day: ymd(2024, 1, 1),
        label: t("1 januari 2024", "1 January 2024"),
    },
    Origin {
        day: ymd(2025, 1, 1),
        label: t("1 januari 2025", "1 January 2025"),
    },
];

/// One forecast and how it fared.
#[derive(Clone, Debug)]
pub struct Forecast {
    /// The origin, or `None` for the letter's own forecast.
    pub origin: Option<Origin>,
    /// The fit on the figures before the origin (`None` for the letter).
    pub fit: Option<Fit>,
    /// The scenario run.
    pub scenario: Scenario,
    /// Its run.
    pub run: Run,
    /// Every published figure dated on or after the origin, beside the
    /// model's value.
    pub rows: Vec<RecordRow>,
    pub stats: Option<ErrorStats>,
}

/// The forecasts from every origin, and the letter's.
#[derive(Clone, Debug)]
pub struct TrackRecord {
    pub forecasts: Vec<Forecast>,
}

/// Whether a figure is one a forecast from `origin` is held against: dated
/// on or after it (its period ends then or later), and not an input.
pub fn judged_from(p: &record::Published, origin: Date) -> bool {
    p.period.to >= origin && !inputs::used_as_input(p)
}

fn forecast(origin: Option<Origin>, fit: Option<Fit>, scenario: Scenario, day: Date) -> Forecast {
    let run = scenario.run();
    let rows: Vec<RecordRow> = record::compare(&run)
        .into_iter()
        .filter(|r| judged_from(r.published, day))
        .collect();
    let pairs: Vec<(f64, f64)> = rows
        .iter()
        .map(|r| (r.published_value, r.model_value))
        .collect();
    Forecast {
        origin,
        fit,
        scenario,
        run,
        stats: error_stats(&pairs),
        rows,
    }
}

/// The track record from [`ORIGINS`], and the letter's forecast held
/// against the same figures as the first origin.
///
/// # Errors
/// As [`fit`].
pub fn track_record() -> Result<TrackRecord, FitError> {
    let mut forecasts = Vec::with_capacity(ORIGINS.len() + 1);
    let letter = Scenario {
        end: inputs::RECORD_END,
        ..Scenario::default()
    };
    forecasts.push(forecast(None, None, letter, ORIGINS[0].day));
    for origin in ORIGINS {
        let fitted = fit(origin.day.add_days(-1))?;
        let scenario = fitted.scenario.clone();
        forecasts.push(forecast(Some(origin), Some(fitted), scenario, origin.day));
    }
    Ok(TrackRecord { forecasts })
}

/// The track record as CSV: the record's own rows ([`record::write_row`])
/// with the forecast's origin before each, `letter` for the letter's,
/// written by the one CSV writer.
pub fn track_record_csv(record: &TrackRecord) -> String {
    let mut sheet = Sheet::bare(Notation::of(Lang::En));
    sheet.text_row(std::iter::once("origin").chain(record::RECORD_CSV_COLUMNS));
    for f in &record.forecasts {
        let origin = f
            .origin
            .map_or_else(|| "letter".to_owned(), |o| o.day.to_string());
        for r in &f.rows {
            record::write_row(&mut sheet, Some(Cell::Text(&origin)), r);
        }
    }
    sheet.finish()
}
