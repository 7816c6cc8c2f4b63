//! Monte Carlo runs and their bands.
//!
//! [`sample`] computes the runs with indices in a range and keeps of each
//! what the bands need: its weekly backlog, cumulative cost and expected
//! wait, and its headline figures. Slices of the indices can be computed
//! apart (threads, Web Workers) and put together with [`Samples::merge`];
//! [`Bands::of`] takes the percentiles. Since run `i` depends only on the
//! scenario, the settings and `i`, the bands are the same however the runs
//! were split.

use std::ops::Range;

use super::draw::draw;
use super::headline::{FIGURES, Figure};
use super::percentile::{Percentiles, percentiles};
use super::settings::BandSettings;
use crate::date::Date;
use crate::run::{Column, Measure, Run};
use crate::scenario::Scenario;
use crate::sim::{Fixed, Scratch};

/// The weekly series kept per run, in the order of [`Bands`]' fields.
const SERIES: [Measure; 3] = [
    Measure::Backlog,
    Measure::CostCumulativeEur,
    Measure::ExpectedWaitWeeks,
];

/// Whether a Monte Carlo run writes column `c`: the measures of
/// [`SERIES`] and those the summary's headline figures read
/// (`Summary::of`), every stream's and the total. The test
/// `samples_are_those_of_whole_runs` holds this list to the summary.
fn banded(c: Column) -> bool {
    matches!(
        c.measure,
        Measure::Backlog
            | Measure::BacklogOverdue
            | Measure::Decisions
            | Measure::DecidedWithinTerm
            | Measure::AppealsFiled
            | Measure::PenaltyStatutoryEur
            | Measure::PenaltyCourtEur
            | Measure::LegalCostsEur
            | Measure::CostEur
            | Measure::CostCumulativeEur
            | Measure::ExpectedWaitWeeks
    )
}

/// The weeks [`Bands::of`] gathers at once: a block of a run's values is
/// two cache lines.
const WEEKS_GATHERED: usize = 16;

/// What the bands need of the runs with indices `first..first + runs`.
#[derive(Clone, Debug, PartialEq)]
pub struct Samples {
    start: Date,
    weeks: usize,
    first: u32,
    runs: u32,
    /// Per run: the weekly values of each of [`SERIES`], then one value per
    /// headline figure ([`FIGURES`]).
    values: Vec<f64>,
}

/// Why slices of runs do not merge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MergeError {
    /// No slices were given.
    Empty,
    /// The slices are of runs of different scenarios' horizons.
    Mismatch,
    /// The slices' run indices leave a gap or overlap.
    NotContiguous,
}

impl Samples {
    fn stride(weeks: usize) -> usize {
        SERIES.len() * weeks + FIGURES.len()
    }

    /// The first run index and the number of runs.
    pub fn runs(&self) -> Range<u32> {
        self.first..self.first + self.runs
    }

    /// The weeks of each run.
    pub fn weeks(&self) -> usize {
        self.weeks
    }

    /// The first day of the runs.
    pub fn start(&self) -> Date {
        self.start
    }

    /// The raw numbers, for sending to another thread or worker; see
    /// [`Samples::from_values`].
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// Samples from [`Samples::values`] and the other three accessors'
    /// results; `None` if the numbers do not fit them.
    pub fn from_values(start: Date, weeks: usize, first: u32, values: Vec<f64>) -> Option<Samples> {
        let stride = Samples::stride(weeks);
        if weeks == 0 || !values.len().is_multiple_of(stride) {
            return None;
        }
        let runs = u32::try_from(values.len() / stride).ok()?;
        first.checked_add(runs)?;
        Some(Samples {
            start,
            weeks,
            first,
            runs,
            values,
        })
    }

    /// One slice of runs from several, in run order. The slices may come in
    /// any order; together they must cover one range of indices once.
    pub fn merge(mut parts: Vec<Samples>) -> Result<Samples, MergeError> {
        parts.sort_by_key(|p| p.first);
        let mut iter = parts.into_iter();
        let mut all = iter.next().ok_or(MergeError::Empty)?;
        for p in iter {
            if (p.start, p.weeks) != (all.start, all.weeks) {
                return Err(MergeError::Mismatch);
            }
            if p.first != all.first + all.runs {
                return Err(MergeError::NotContiguous);
            }
            all.runs += p.runs;
            all.values.extend_from_slice(&p.values);
        }
        Ok(all)
    }
}

/// The runs with indices `indices` of scenario `s` under `settings` (the
/// number of runs in `settings` is not used here: the caller splits
/// `0..settings.runs`).
#[must_use]
pub fn sample(s: &Scenario, settings: &BandSettings, indices: Range<u32>) -> Samples {
    let (s, _) = s.clone().validated();
    let (settings, _) = settings.validated();
    let fixed = Fixed::new(&s);
    let weeks = crate::sim::horizon_weeks(&s);
    let join = s.join_week();
    let stride = Samples::stride(weeks);
    let mut values = Vec::with_capacity(stride * indices.len());
    // The weeks before the join are the record's, the same in every run:
    // computed once, and each run starts from their end.
    let at_join = fixed.at_join();
    // One run's buffers serve every run: each writes only the columns the
    // bands read, over the last one's.
    let mut scratch = Scratch::default();
    let mut run = Run::empty(s.start, weeks);
    for i in indices.clone() {
        let d = draw(&s, &settings.spreads, settings.seed, i, weeks, join);
        let (varied, _) = d.scenario.validated();
        fixed.run_into(
            &varied,
            &d.intake_factors,
            at_join.as_ref(),
            &mut scratch,
            &mut run,
            Some(banded),
        );
        for m in SERIES {
            values.extend_from_slice(run.total(m));
        }
        let summary = run.summary();
        values.extend(FIGURES.iter().map(|f| f.read(&summary, s.start)));
    }
    Samples {
        start: s.start,
        weeks,
        first: indices.start,
        runs: indices.len() as u32,
        values,
    }
}

/// The runs `0..settings.runs`, split over `threads` threads (at least one);
/// the result is the same for any number of threads.
#[cfg(not(target_arch = "wasm32"))]
#[must_use]
pub fn sample_threads(s: &Scenario, settings: &BandSettings, threads: usize) -> Samples {
    let (settings, _) = settings.validated();
    let slices = split(settings.runs, threads);
    let parts: Vec<Samples> = std::thread::scope(|scope| {
        let handles: Vec<_> = slices
            .into_iter()
            .map(|r| scope.spawn(move || sample(s, &settings, r)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    Samples::merge(parts).unwrap_or_else(|_| unreachable!("split covers 0..runs once"))
}

/// `0..runs` in `parts` nearly equal consecutive slices (at least one).
#[must_use]
pub fn split(runs: u32, parts: usize) -> Vec<Range<u32>> {
    let parts = parts.clamp(1, runs.max(1) as usize) as u32;
    (0..parts)
        .map(|k| {
            let at = |k: u32| (u64::from(runs) * u64::from(k) / u64::from(parts)) as u32;
            at(k)..at(k + 1)
        })
        .collect()
}

/// P10, P50 and P90 of one weekly series.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub p10: Vec<f64>,
    pub p50: Vec<f64>,
    pub p90: Vec<f64>,
}

/// The distribution of one headline figure over the runs.
#[derive(Clone, Debug, PartialEq)]
pub struct Distribution {
    pub figure: &'static Figure,
    pub percentiles: Percentiles,
    /// Every run's value, sorted (for histograms).
    pub sorted: Vec<f64>,
}

impl Distribution {
    /// Counts of the values in `bins` equal bins from the smallest to the
    /// largest finite value, as (lower edge, upper edge, count); one bin if
    /// all values are equal, none if no value is finite.
    pub fn histogram(&self, bins: usize) -> Vec<(f64, f64, u32)> {
        let finite: Vec<f64> = self
            .sorted
            .iter()
            .copied()
            .filter(|v| v.is_finite())
            .collect();
        let (Some(&lo), Some(&hi)) = (finite.first(), finite.last()) else {
            return Vec::new();
        };
        if hi <= lo || bins <= 1 {
            return vec![(lo, hi, finite.len() as u32)];
        }
        let width = (hi - lo) / bins as f64;
        let mut counts = vec![0u32; bins];
        for v in &finite {
            let b = (((v - lo) / width) as usize).min(bins - 1);
            counts[b] += 1;
        }
        counts
            .into_iter()
            .enumerate()
            .map(|(b, c)| (lo + width * b as f64, lo + width * (b + 1) as f64, c))
            .collect()
    }
}

/// The bands of a set of runs.
#[derive(Clone, Debug, PartialEq)]
pub struct Bands {
    pub start: Date,
    pub runs: u32,
    /// Open cases, all streams.
    pub backlog: Band,
    /// Penalties and legal costs to date, euros.
    pub cost_cumulative: Band,
    /// The expected wait of the cases filed each week.
    pub expected_wait: Band,
    /// One per headline figure, in the order of [`FIGURES`].
    pub figures: Vec<Distribution>,
}

impl Bands {
    /// The percentiles of `samples`, week by week and figure by figure.
    #[must_use]
    pub fn of(samples: &Samples) -> Bands {
        let weeks = samples.weeks;
        let stride = Samples::stride(weeks);
        let runs = samples.runs as usize;
        // A run's values lie together, a week's of all runs far apart: the
        // weeks are gathered a block at a time, each run's block read in
        // one piece, rather than one value per run and week.
        let mut columns = vec![0.0; runs * WEEKS_GATHERED];
        let bands: Vec<Band> = (0..SERIES.len())
            .map(|k| {
                let mut band = Band {
                    p10: Vec::with_capacity(weeks),
                    p50: Vec::with_capacity(weeks),
                    p90: Vec::with_capacity(weeks),
                };
                for first in (0..weeks).step_by(WEEKS_GATHERED) {
                    let n = WEEKS_GATHERED.min(weeks - first);
                    let offset = k * weeks + first;
                    for r in 0..runs {
                        let block = &samples.values[r * stride + offset..][..n];
                        for (j, &v) in block.iter().enumerate() {
                            columns[j * runs + r] = v;
                        }
                    }
                    for column in columns.chunks_exact_mut(runs.max(1)).take(n) {
                        let p = percentiles(&mut column[..runs]);
                        band.p10.push(p.p10);
                        band.p50.push(p.p50);
                        band.p90.push(p.p90);
                    }
                }
                band
            })
            .collect();
        let Ok([backlog, cost_cumulative, expected_wait]) = <[Band; 3]>::try_from(bands) else {
            unreachable!("one band per series")
        };
        let figures = FIGURES
            .iter()
            .enumerate()
            .map(|(i, figure)| {
                let mut sorted: Vec<f64> = (0..runs)
                    .map(|r| samples.values[r * stride + SERIES.len() * weeks + i])
                    .collect();
                sorted.sort_by(f64::total_cmp);
                let mut scratch = sorted.clone();
                Distribution {
                    figure,
                    percentiles: percentiles(&mut scratch),
                    sorted,
                }
            })
            .collect();
        Bands {
            start: samples.start,
            runs: samples.runs,
            backlog,
            cost_cumulative,
            expected_wait,
            figures,
        }
    }

    /// The distribution of the headline figure `key`.
    pub fn figure(&self, key: &str) -> Option<&Distribution> {
        self.figures.iter().find(|d| d.figure.key == key)
    }

    /// The distribution of `figure` (`Figure::BACKLOG_END`, …).
    pub fn distribution(&self, figure: &Figure) -> Option<&Distribution> {
        self.figures.iter().find(|d| d.figure == figure)
    }

    /// `KEY_p10`, `KEY_p50` and `KEY_p90` for every headline figure, written
    /// as in [`crate::Summary::to_key_values`].
    pub fn to_key_values(&self) -> Vec<(String, String)> {
        let mut out = Vec::with_capacity(self.figures.len() * 3);
        for d in &self.figures {
            let p = d.percentiles;
            for (name, x) in [("p10", p.p10), ("p50", p.p50), ("p90", p.p90)] {
                out.push((
                    format!("{}_{name}", d.figure.key),
                    d.figure.write(x, self.start),
                ));
            }
        }
        out
    }

    /// The weekly bands as CSV: the week's first day, then P10, P50 and P90
    /// of the backlog, the cumulative cost and the expected wait.
    pub fn to_csv(&self) -> String {
        let mut sheet = crate::csv::Sheet::bare(crate::csv::Notation::of(crate::text::Lang::En));
        sheet.text_row([
            "week",
            "backlog_p10",
            "backlog_p50",
            "backlog_p90",
            "cost_cumulative_eur_p10",
            "cost_cumulative_eur_p50",
            "cost_cumulative_eur_p90",
            "expected_wait_weeks_p10",
            "expected_wait_weeks_p50",
            "expected_wait_weeks_p90",
        ]);
        for w in 0..self.backlog.p50.len() {
            let values = [&self.backlog, &self.cost_cumulative, &self.expected_wait]
                .into_iter()
                .flat_map(|band| [band.p10[w], band.p50[w], band.p90[w]]);
            sheet.number_row(self.start.add_days(7 * w as i64), values, 6);
        }
        sheet.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_cover_the_runs_once() {
        for (runs, parts) in [(10, 3), (1, 4), (500, 4), (7, 7), (0, 2)] {
            let slices = split(runs, parts);
            assert_eq!(slices.first().map(|r| r.start), Some(0));
            assert_eq!(slices.last().map(|r| r.end), Some(runs));
            assert!(slices.windows(2).all(|w| w[0].end == w[1].start));
        }
        assert_eq!(split(10, 0).len(), 1);
    }

    #[test]
    fn merge_wants_one_range() {
        let s = Scenario {
            end: crate::scenario::ymd(2023, 8, 31),
            ..Scenario::default()
        };
        let settings = BandSettings::default();
        let a = sample(&s, &settings, 0..2);
        let b = sample(&s, &settings, 2..3);
        let c = sample(&s, &settings, 4..5);
        assert_eq!(Samples::merge(vec![]), Err(MergeError::Empty));
        assert_eq!(
            Samples::merge(vec![a.clone(), c]),
            Err(MergeError::NotContiguous)
        );
        let merged = Samples::merge(vec![b.clone(), a.clone()]).unwrap();
        assert_eq!(merged, sample(&s, &settings, 0..3));
        let back = Samples::from_values(a.start(), a.weeks(), 0, a.values().to_vec());
        assert_eq!(back, Some(a));
        assert_eq!(
            Samples::from_values(b.start(), b.weeks(), 0, vec![1.0]),
            None
        );
    }

    /// The bands gathered a block of weeks at a time are the percentiles
    /// of each week's values of all runs, one week at a time, bit for bit
    /// (a horizon that is no whole number of blocks, and one of a week).
    #[test]
    fn bands_are_the_percentiles_of_each_week() {
        let settings = BandSettings::default();
        for until in ["2024-04-07", "2023-05-03"] {
            let (s, _) = Scenario::from_query(&format!("v=1&until={until}"));
            let samples = sample(&s, &settings, 0..37);
            let bands = Bands::of(&samples);
            let weeks = samples.weeks();
            assert!(
                weeks == 1 || !weeks.is_multiple_of(WEEKS_GATHERED),
                "{weeks}"
            );
            let stride = Samples::stride(weeks);
            for (k, band) in [&bands.backlog, &bands.cost_cumulative, &bands.expected_wait]
                .into_iter()
                .enumerate()
            {
                for w in 0..weeks {
                    let mut column: Vec<f64> = (0..37)
                        .map(|r| samples.values()[r * stride + k * weeks + w])
                        .collect();
                    let p = percentiles(&mut column);
                    let got = (band.p10[w], band.p50[w], band.p90[w]);
                    assert_eq!(got, (p.p10, p.p50, p.p90), "series {k} week {w}");
                }
                assert_eq!(band.p50.len(), weeks);
            }
        }
    }

    /// A run that writes only the banded columns (and, from a join, starts
    /// from the state there) gives the bands and the figures of the whole
    /// run of the same draw, bit for bit: the letter's world, today's
    /// outlook (from a join), and a run whose
    /// courts order penalties and whose cases wait past their term.
    #[test]
    fn samples_are_those_of_whole_runs() {
        let settings = BandSettings::default();
        for s in [
            Scenario::default(),
            Scenario::outlook(),
            Scenario::from_query("v=1&term=6&order=court&until=2027-06-30").0,
        ] {
            let (s, _) = s.validated();
            let samples = sample(&s, &settings, 3..6);
            let weeks = samples.weeks();
            let stride = Samples::stride(weeks);
            for (k, i) in (3..6).enumerate() {
                let d = crate::uncertainty::draw_run(&s, &settings, i);
                let run = crate::simulate_with_intake_factors(&d.scenario, &d.intake_factors);
                let mut whole = Vec::new();
                for m in SERIES {
                    whole.extend_from_slice(run.total(m));
                }
                let summary = run.summary();
                whole.extend(FIGURES.iter().map(|f| f.read(&summary, s.start)));
                // Today's outlook's runs start from the state at its join,
                // computed once; the letter's world has no history.
                let fixed = Fixed::new(&s);
                let (varied, _) = d.scenario.clone().validated();
                let from_join = fixed
                    .at_join()
                    .is_some_and(|j| j.holds_for_run(&fixed, &varied, &d.intake_factors));
                assert_eq!(from_join, s.join_week() > 0, "{}", s.to_query());
                let got = &samples.values()[k * stride..(k + 1) * stride];
                let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(got), bits(&whole), "run {i} of {}", s.to_query());
            }
        }
    }

    #[test]
    fn histogram_counts_every_finite_value() {
        let d = Distribution {
            figure: &FIGURES[0],
            percentiles: Percentiles {
                p10: 0.0,
                p50: 0.0,
                p90: 0.0,
            },
            sorted: vec![0.0, 1.0, 1.0, 2.0, 10.0, f64::INFINITY],
        };
        let h = d.histogram(5);
        assert_eq!(h.len(), 5);
        assert_eq!(h.iter().map(|b| b.2).sum::<u32>(), 5);
        assert_eq!(h[0], (0.0, 2.0, 3));
        assert_eq!(h[4].2, 1);
    }
}
