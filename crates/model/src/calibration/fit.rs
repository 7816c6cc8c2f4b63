//! The fit: the values of [`FITTED`] that minimise one stated loss over
//! the published figures up to a day.
//!
//! The loss is the weighted sum of squared log ratios, `Σ w(c) ×
//! ln(model / published)²`, over every published figure the fit may use
//! ([`in_fit`]), `w` by confidence ([`weight`]). A log ratio treats a
//! stock 10% high like one 10% low and a euro figure like a count; a model
//! value of zero counts as a hundredth of the published one, so that a
//! measure the run leaves empty is a large error, not an infinite one.
//!
//! The search is a coordinate descent on each value's grid: from the
//! letter's value (clamped into the bounds), each value in turn tries a
//! step up and a step down and keeps what lowers the loss, the steps
//! halving from a quarter of the range to the grid. It uses no random
//! numbers and no parallelism, so a fit is the same bit for bit; a few
//! hundred runs of the history take well under a second natively.

use std::fmt;

use super::{FITTED, RECORD_BASE, in_fit, weight};
use crate::date::Date;
use crate::levers::{LeverKind, lever};
use crate::record::{self, Published, RecordRow};
use crate::scenario::Scenario;
use crate::sim::Runner;

/// The result of a fit.
#[derive(Clone, Debug)]
pub struct Fit {
    /// The figures up to this day were used.
    pub until: Date,
    /// "As it happened" with the fitted values.
    pub scenario: Scenario,
    /// The fitted values, in [`FITTED`]'s order.
    pub values: Vec<f64>,
    pub loss: f64,
    /// Every figure the fit used, with the model's value.
    pub rows: Vec<RecordRow>,
    /// Runs of the model the search took.
    pub runs: usize,
}

/// A fit that could not be made.
#[derive(Clone, Debug, PartialEq)]
pub enum FitError {
    /// A key in [`FITTED`] or [`RECORD_BASE`] that is not a lever.
    UnknownLever(&'static str),
}

impl fmt::Display for FitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FitError::UnknownLever(key) => write!(f, "`{key}` is not a lever"),
        }
    }
}

impl Fit {
    /// The fitted scenario as link pairs that `scenario` runs as they are:
    /// [`RECORD_BASE`], then each fitted value (named even where it equals
    /// the default, so that as a preset it sets it).
    #[must_use]
    pub fn query(&self) -> String {
        let mut q = RECORD_BASE.to_owned();
        for f in &FITTED {
            if let Some(l) = lever(f.key) {
                q.push('&');
                q.push_str(f.key);
                q.push('=');
                q.push_str(&l.link_text(&self.scenario));
            }
        }
        q
    }
}

/// The loss of `s` over the figures a fit through `until` may use, with
/// those figures beside the model's values.
pub fn loss(s: &Scenario, until: Date) -> (f64, Vec<RecordRow>) {
    let run = s.run();
    let rows: Vec<RecordRow> = record::compare(&run)
        .into_iter()
        .filter(|r| in_fit(r.published, until))
        .collect();
    (rows_loss(&rows), rows)
}

fn rows_loss(rows: &[RecordRow]) -> f64 {
    rows.iter()
        .filter(|r| r.published_value > 0.0)
        .map(|r| {
            let model = r.model_value.max(r.published_value / 100.0);
            weight(r.published.confidence) * (model / r.published_value).ln().powi(2)
        })
        .sum()
}

/// Fits [`FITTED`] to the published figures dated up to `until`, starting
/// from the letter's values. With no figure to fit, the letter's values
/// (clamped into the bounds) are the answer.
///
/// # Errors
/// Only if the tables name a key that is not a lever, which the unit tests
/// rule out.
pub fn fit(until: Date) -> Result<Fit, FitError> {
    fit_to(base()?, record::published(), until)
}

/// The fit to `figures` (instead of the data file's), from the scenario
/// `start`, whose values of [`FITTED`] are the search's first start: a
/// test fits to figures the model itself made from known values.
///
/// # Errors
/// As [`fit`].
pub fn fit_to(
    start: Scenario,
    figures: &'static [Published],
    until: Date,
) -> Result<Fit, FitError> {
    fit_from(start, figures, until)
}

/// "As it happened" before the fit: the letter's world with
/// [`RECORD_BASE`] set.
fn base() -> Result<Scenario, FitError> {
    let (s, warnings) = Scenario::from_query(RECORD_BASE);
    match warnings.first() {
        Some(_) => Err(FitError::UnknownLever("RECORD_BASE")),
        None => Ok(s),
    }
}

/// The fit from the scenario `start` (whose values of [`FITTED`] are the
/// starting point).
fn fit_from(start: Scenario, figures: &'static [Published], until: Date) -> Result<Fit, FitError> {
    let levers = FITTED
        .iter()
        .map(|f| match lever(f.key).map(|l| &l.kind) {
            Some(LeverKind::Number(n)) => Ok(n),
            _ => Err(FitError::UnknownLever(f.key)),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let put = |s: &mut Scenario, values: &[f64]| {
        for (n, &v) in levers.iter().zip(values) {
            // Within the bounds, which lie in the lever's range: never adjusted.
            let _ = n.set(s, v);
        }
    };
    // Two starts, kept apart so that one local minimum does not decide:
    // the letter's values and the middle of every range.
    let letter: Vec<f64> = FITTED
        .iter()
        .zip(&levers)
        .map(|(f, n)| snap(f.lower, f.upper, f.step, n.get(&start)))
        .collect();
    let middle: Vec<f64> = FITTED
        .iter()
        .map(|f| snap(f.lower, f.upper, f.step, (f.lower + f.upper) / 2.0))
        .collect();
    let mut runner = Runner::new();
    let mut runs = 0;
    let mut evaluate = |values: &[f64]| {
        let mut s = start.clone();
        put(&mut s, values);
        runs += 1;
        let run = runner.run(&s);
        let rows: Vec<RecordRow> = record::compare_with(&run, figures)
            .into_iter()
            .filter(|r| in_fit(r.published, until))
            .collect();
        rows_loss(&rows)
    };
    let mut descend = |mut values: Vec<f64>| {
        let mut best = evaluate(&values);
        // Halving steps, from a quarter of each range down to its grid.
        for level in 0..12 {
            let mut any = false;
            for (i, f) in FITTED.iter().enumerate() {
                let step = ((f.upper - f.lower) / 4.0 / f64::from(1 << level)).max(f.step);
                let mut improved = true;
                while improved {
                    improved = false;
                    for dir in [1.0, -1.0] {
                        let mut trial = values.clone();
                        trial[i] = snap(f.lower, f.upper, f.step, values[i] + dir * step);
                        if trial[i] == values[i] {
                            continue;
                        }
                        let l = evaluate(&trial);
                        if l < best {
                            best = l;
                            values = trial;
                            improved = true;
                            any = true;
                            break;
                        }
                    }
                }
            }
            let finest = FITTED
                .iter()
                .all(|f| (f.upper - f.lower) / 4.0 / f64::from(1 << level) <= f.step);
            if finest && !any {
                break;
            }
        }
        (best, values)
    };
    let (a, b) = (descend(letter), descend(middle));
    let values = if b.0 < a.0 { b.1 } else { a.1 };
    let mut scenario = start;
    put(&mut scenario, &values);
    let rows: Vec<RecordRow> = record::compare_with(&scenario.run(), figures)
        .into_iter()
        .filter(|r| in_fit(r.published, until))
        .collect();
    let loss = rows_loss(&rows);
    Ok(Fit {
        until,
        scenario,
        values,
        loss,
        rows,
        runs,
    })
}

/// `x` on the grid `lower + k × step` within the bounds. The grid point is
/// rounded to twelve significant digits, so that it prints as the short
/// decimal a person would write.
fn snap(lower: f64, upper: f64, step: f64, x: f64) -> f64 {
    let k = ((x.clamp(lower, upper) - lower) / step).round();
    let v = (lower + k * step).clamp(lower, upper);
    let scale = 10f64.powi(12 - v.abs().max(1e-300).log10().ceil() as i32);
    (v * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_snap_to_their_grid() {
        assert_eq!(snap(0.1, 0.95, 0.05, 0.33), 0.35);
        assert_eq!(snap(0.0, 40.0, 1.0, 41.7), 40.0);
        assert_eq!(snap(0.4, 1.6, 0.01, 0.8), 0.8);
        assert_eq!(snap(0.05, 0.25, 0.005, 0.12), 0.12);
    }

    #[test]
    fn every_fitted_key_and_the_base_are_levers() {
        assert!(base().is_ok());
        for f in &FITTED {
            assert!(lever(f.key).is_some(), "{}", f.key);
            assert!(f.lower < f.upper && f.step > 0.0, "{}", f.key);
        }
    }
}
