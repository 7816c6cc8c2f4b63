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
//! The search works on each value's grid: a coordinate descent, each value
//! in turn trying a step up and a step down while that lowers the loss,
//! the steps halving from a quarter of its range to its grid, and at the
//! grid each pair of values stepped together (two values that trade off
//! lie in valleys no single step leaves), from nine
//! starts (the letter's values, clamped into the bounds, and eight points
//! of a Halton sequence over the bounds); the lowest loss wins. It uses no random
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
    let letter: Vec<f64> = FITTED
        .iter()
        .zip(&levers)
        .map(|(f, n)| snap(f.lower, f.upper, f.step, n.get(&start)))
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
    // A coordinate descent from each start: each value in turn tries a step
    // up and a step down while that lowers the loss, the steps halving from
    // a quarter of its range to its grid.
    let mut descend = |mut values: Vec<f64>| {
        let mut best = evaluate(&values);
        for level in 0..40 {
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
                            (best, values, improved, any) = (l, trial, true, true);
                            break;
                        }
                    }
                }
            }
            let finest = FITTED
                .iter()
                .all(|f| (f.upper - f.lower) / 4.0 / f64::from(1 << level) <= f.step);
            if !finest {
                continue;
            }
            // At the grid, two values that trade off (noticers and
            // appealers; track 4's productivity and the other tracks'
            // shares) can lie in a valley no single step leaves: try each
            // pair stepped together, and go on while that lowers the loss.
            let mut paired = false;
            for i in 0..FITTED.len() {
                for j in i + 1..FITTED.len() {
                    for (di, dj) in [(1.0, 1.0), (1.0, -1.0), (-1.0, 1.0), (-1.0, -1.0)] {
                        let (fi, fj) = (&FITTED[i], &FITTED[j]);
                        let mut trial = values.clone();
                        trial[i] = snap(fi.lower, fi.upper, fi.step, values[i] + di * fi.step);
                        trial[j] = snap(fj.lower, fj.upper, fj.step, values[j] + dj * fj.step);
                        if trial[i] == values[i] || trial[j] == values[j] {
                            continue;
                        }
                        let l = evaluate(&trial);
                        if l < best {
                            (best, values, paired) = (l, trial, true);
                        }
                    }
                }
            }
            if !any && !paired {
                break;
            }
        }
        (best, values)
    };
    // The starts: the letter's values, then points spread evenly over the
    // box of bounds (a Halton sequence, one prime base per value), so that
    // one local minimum does not decide; the landscape has many, for the
    // week counts are whole and the cases too.
    let mut starts = vec![letter];
    for k in 1..=STARTS {
        starts.push(
            FITTED
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    let u = halton(k, PRIMES[i % PRIMES.len()]);
                    snap(f.lower, f.upper, f.step, f.lower + u * (f.upper - f.lower))
                })
                .collect(),
        );
    }
    // With no figure to fit (an origin before the first), every value
    // fits as well as any: the letter's stand.
    let any_figure = figures.iter().any(|p| in_fit(p, until));
    if !any_figure {
        starts.truncate(1);
    }
    let mut best: Option<(f64, Vec<f64>)> = None;
    for first in starts {
        if !any_figure {
            best = Some((0.0, first));
            break;
        }
        let found = descend(first);
        // The first of equal losses wins: the order of the starts decides
        // a tie, the same way every time.
        if best.as_ref().is_none_or(|b| found.0 < b.0) {
            best = Some(found);
        }
    }
    let values = best.map(|b| b.1).unwrap_or_default();
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

/// Starts of the search besides the letter's values.
const STARTS: u32 = 8;

/// One prime base per fitted value for the Halton sequence of starts.
const PRIMES: [u32; 10] = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29];

/// The `k`th number of the van der Corput sequence in `base`: `k`'s digits
/// mirrored behind the point, spread evenly over 0 to 1.
fn halton(mut k: u32, base: u32) -> f64 {
    let (mut x, mut f) = (0.0, 1.0);
    while k > 0 {
        f /= f64::from(base);
        x += f * f64::from(k % base);
        k /= base;
    }
    x
}

/// `x` on the grid `lower + k × step` within the bounds. The grid point is
/// rounded to twelve significant digits, so that it prints as the short
/// decimal a person would write.
fn snap(lower: f64, upper: f64, step: f64, x: f64) -> f64 {
    let k = ((x.clamp(lower, upper) - lower) / step).round();
    let v = (lower + k * step).clamp(lower, upper);
    if v == 0.0 {
        return 0.0;
    }
    let scale = 10f64.powi(12 - v.abs().max(1e-300).log10().ceil() as i32);
    (v * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starts_spread_over_the_range() {
        assert_eq!(halton(1, 2), 0.5);
        assert_eq!(halton(2, 2), 0.25);
        assert_eq!(halton(3, 2), 0.75);
        assert!((halton(1, 3) - 1.0 / 3.0).abs() < 1e-12);
        assert!((1..=STARTS).all(|k| (0.0..1.0).contains(&halton(k, 29))));
    }

    #[test]
    fn values_snap_to_their_grid() {
        assert_eq!(snap(0.1, 0.95, 0.05, 0.33), 0.35);
        assert_eq!(snap(0.0, 40.0, 1.0, 41.7), 40.0);
        assert_eq!(snap(0.4, 1.6, 0.01, 0.8), 0.8);
        assert_eq!(snap(0.05, 0.25, 0.005, 0.12), 0.12);
        assert_eq!(snap(0.0, 40.0, 1.0, 0.2), 0.0);
        assert_eq!(snap(0.0, 40.0, 1.0, -3.0), 0.0);
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
