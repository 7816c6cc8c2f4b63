//! Why a scenario differs from its baseline: each headline figure's
//! difference split over the levers that differ, by Shapley values.
//!
//! The levers' effects do not add up (fewer staff cost more when intake is
//! high than when it is low), so "what did each lever do" has no single
//! answer. The Shapley value is the fair one: a lever's part is its effect
//! of being switched from the baseline's value to the scenario's, averaged
//! over every order in which the differing levers can be switched. The
//! parts add up to the whole difference, a lever that does not differ gets
//! none, and with one lever differing its part is the whole.
//!
//! Up to [`MAX_EXACT`] differing levers the values are exact: every subset
//! of them switched is run once (2^n runs). Beyond, random orders are
//! sampled ([`Method::Sampled`], seeded and so deterministic): each order's
//! parts add up to the whole difference by construction, so their mean
//! does too, and each part comes with its standard error.
//!
//! The work is a sequence of runs that an [`Explainer`] takes one at a
//! time, so that the page can spread it over idle moments; [`explain`] takes
//! them all at once.

use rand_distr::{Distribution, Uniform};
use rand_xoshiro::Xoshiro256PlusPlus;
use rand_xoshiro::rand_core::SeedableRng;

use crate::csv::{Cell, Notation, Sheet};
use crate::levers::{Lever, differing};
use crate::scenario::Scenario;
use crate::sim::Runner;
use crate::summary::Summary;
use crate::text::Lang;
use crate::uncertainty::{FIGURES, Figure, FigureKind};

/// The most differing levers explained exactly: 2^10 = 1,024 runs.
pub const MAX_EXACT: usize = 10;

/// About as many runs as the exact case's largest, spent on sampled orders
/// when more levers differ.
pub const SAMPLED_RUNS: usize = 1 << MAX_EXACT;

/// The seed of the sampled orders: a fixed one, so that the same two
/// scenarios are always explained alike.
pub const DEFAULT_SEED: u64 = 25;

/// The headline figures that can be split: amounts (cases, euros, shares,
/// weeks), in the order of [`FIGURES`]. The dates (the peak's week, the
/// month back within term) are left out: "never" is no number, and a date
/// moved by half a lever is no date.
pub fn explained_figures() -> impl Iterator<Item = &'static Figure> {
    FIGURES.iter().filter(|f| {
        matches!(
            f.kind,
            FigureKind::Whole | FigureKind::Share | FigureKind::Weeks
        )
    })
}

/// How the parts were found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// Every subset of the differing levers run: exact values.
    Exact,
    /// `orders` random orders of switching the levers, drawn from `seed`.
    Sampled { orders: usize, seed: u64 },
}

/// One figure's difference split over the differing levers.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureParts {
    pub figure: &'static Figure,
    /// The figure in the baseline's run ...
    pub baseline: f64,
    /// ... and in the scenario's (the baseline with every differing lever
    /// switched).
    pub scenario: f64,
    /// Each differing lever's part, in the order of [`Explanation::levers`].
    pub parts: Vec<f64>,
    /// The standard error of each part: 0 for exact values.
    pub standard_errors: Vec<f64>,
}

impl FigureParts {
    /// The whole difference, scenario less baseline.
    pub fn whole(&self) -> f64 {
        self.scenario - self.baseline
    }
}

/// A scenario's difference from its baseline, split over the levers.
#[derive(Clone, Debug)]
pub struct Explanation {
    pub scenario: Scenario,
    pub baseline: Scenario,
    /// The levers that differ, in the table's order.
    pub levers: Vec<&'static Lever>,
    pub method: Method,
    /// One entry per [`explained_figures`], in their order.
    pub figures: Vec<FigureParts>,
}

impl Explanation {
    /// The parts of the figure with key `key`.
    pub fn figure(&self, key: &str) -> Option<&FigureParts> {
        self.figures.iter().find(|f| f.figure.key == key)
    }

    /// The table of parts as CSV in `lang`'s notation, by the one
    /// [`Sheet`] writer: `figure,lever,baseline,scenario,part,
    /// standard_error`, one row per figure and differing lever (its two
    /// values in words and units, as the page shows them), then a row
    /// `difference` with the figure in the baseline and in the scenario
    /// and the whole difference. Keys, not words, name the figures and the
    /// levers, so that a script can read the table in either language.
    pub fn to_csv(&self, lang: Lang) -> String {
        let mut sheet = Sheet::bare(Notation::of(lang));
        sheet.text_row([
            "figure",
            "lever",
            "baseline",
            "scenario",
            "part",
            "standard_error",
        ]);
        for f in &self.figures {
            let decimals = f.figure.kind.decimals();
            for (i, l) in self.levers.iter().enumerate() {
                let (from, to) = (
                    l.describe(&self.baseline, lang),
                    l.describe(&self.scenario, lang),
                );
                sheet.row([
                    Cell::Text(f.figure.key),
                    Cell::Text(l.key),
                    Cell::Text(&from),
                    Cell::Text(&to),
                    Cell::Number(f.parts[i], decimals),
                    Cell::Number(f.standard_errors[i], decimals),
                ]);
            }
            sheet.row([
                Cell::Text(f.figure.key),
                Cell::Text("difference"),
                Cell::Number(f.baseline, decimals),
                Cell::Number(f.scenario, decimals),
                Cell::Number(f.whole(), decimals),
                Cell::Number(0.0, decimals),
            ]);
        }
        sheet.finish()
    }
}

/// The figures' values in a run's summary, in the order of
/// [`explained_figures`].
fn values(summary: &Summary, s: &Scenario) -> Vec<f64> {
    explained_figures()
        .map(|f| f.read(summary, s.start))
        .collect()
}

/// The work still to do.
enum Plan {
    /// Subsets in Gray-code order (one lever switched between one run and
    /// the next, so that the runner keeps what the others share); the
    /// values by subset, bit `i` for lever `i`.
    Exact {
        next: usize,
        values: Vec<Vec<f64>>,
    },
    Sampled(Box<Sampling>),
}

/// The state of permutation sampling.
struct Sampling {
    orders: usize,
    seed: u64,
    rng: Xoshiro256PlusPlus,
    /// The baseline's and the scenario's figures, run first.
    ends: Vec<Vec<f64>>,
    done: usize,
    /// The order under way, how far it has come, the scenario switched so
    /// far, its figures and this order's parts (figure, lever).
    order: Vec<usize>,
    position: usize,
    switched: Scenario,
    last: Vec<f64>,
    parts: Vec<Vec<f64>>,
    /// Sums of the orders' parts and of their squares (figure, lever).
    sum: Vec<Vec<f64>>,
    sum_sq: Vec<Vec<f64>>,
}

/// An explanation under way, one run at a time.
pub struct Explainer {
    scenario: Scenario,
    baseline: Scenario,
    levers: Vec<&'static Lever>,
    plan: Plan,
    runs_done: usize,
}

impl Explainer {
    /// The explanation of `scenario` against `baseline` (take the baseline
    /// over the scenario's own horizon, as the page compares them: a
    /// horizon is a view, not a lever), sampled beyond [`MAX_EXACT`]
    /// levers with [`DEFAULT_SEED`].
    pub fn new(scenario: &Scenario, baseline: &Scenario) -> Explainer {
        Explainer::with_seed(scenario, baseline, DEFAULT_SEED)
    }

    /// As [`Explainer::new`], sampled orders drawn from `seed`.
    pub fn with_seed(scenario: &Scenario, baseline: &Scenario, seed: u64) -> Explainer {
        let levers: Vec<&'static Lever> = differing(scenario, baseline).collect();
        let n = levers.len();
        let plan = if n <= MAX_EXACT {
            Plan::Exact {
                next: 0,
                values: vec![Vec::new(); 1 << n],
            }
        } else {
            let figures = explained_figures().count();
            Plan::Sampled(Box::new(Sampling {
                // Each order runs the n - 1 mixes between the two ends.
                orders: SAMPLED_RUNS.div_ceil(n - 1),
                seed,
                rng: Xoshiro256PlusPlus::seed_from_u64(seed),
                ends: Vec::new(),
                done: 0,
                order: Vec::new(),
                position: 0,
                switched: baseline.clone(),
                last: Vec::new(),
                parts: vec![vec![0.0; n]; figures],
                sum: vec![vec![0.0; n]; figures],
                sum_sq: vec![vec![0.0; n]; figures],
            }))
        };
        Explainer {
            scenario: scenario.clone(),
            baseline: baseline.clone(),
            levers,
            plan,
            runs_done: 0,
        }
    }

    /// The levers that differ, in the table's order.
    pub fn levers(&self) -> &[&'static Lever] {
        &self.levers
    }

    /// How many runs the explanation takes in all ...
    pub fn runs_total(&self) -> usize {
        match &self.plan {
            Plan::Exact { values, .. } => values.len(),
            Plan::Sampled(s) => 2 + s.orders * (self.levers.len() - 1),
        }
    }

    /// ... and how many are done.
    pub fn runs_done(&self) -> usize {
        self.runs_done
    }

    /// Whether every run is done.
    pub fn is_done(&self) -> bool {
        self.runs_done >= self.runs_total()
    }

    /// The baseline with the levers in `mask` (bit `i` for lever `i`)
    /// switched to the scenario's values.
    fn mixed(&self, mask: usize) -> Scenario {
        let mut s = self.baseline.clone();
        for (i, l) in self.levers.iter().enumerate() {
            if mask & (1 << i) != 0 {
                l.copy(&self.scenario, &mut s);
            }
        }
        s
    }

    /// Does the next run; returns whether the explanation is then done.
    pub fn step(&mut self, runner: &mut Runner) -> bool {
        if self.is_done() {
            return true;
        }
        let n = self.levers.len();
        match &mut self.plan {
            Plan::Exact { next, .. } => {
                let k = *next;
                let mask = k ^ (k >> 1);
                let s = self.mixed(mask);
                let v = values(&runner.run(&s).summary(), &s);
                if let Plan::Exact { next, values } = &mut self.plan {
                    values[mask] = v;
                    *next += 1;
                }
            }
            Plan::Sampled(sampling) => {
                let sampling = sampling.as_mut();
                if sampling.ends.len() < 2 {
                    let s = if sampling.ends.is_empty() {
                        &self.baseline
                    } else {
                        &self.scenario
                    };
                    sampling.ends.push(values(&runner.run(s).summary(), s));
                } else {
                    sampling.advance(runner, &self.levers, &self.baseline, &self.scenario, n);
                }
            }
        }
        self.runs_done += 1;
        self.is_done()
    }

    /// The explanation, once every run is done (`None` before).
    pub fn finish(&self) -> Option<Explanation> {
        if !self.is_done() {
            return None;
        }
        let n = self.levers.len();
        let (method, figures) = match &self.plan {
            Plan::Exact { values, .. } => (Method::Exact, exact_parts(values, n)),
            Plan::Sampled(s) => (
                Method::Sampled {
                    orders: s.orders,
                    seed: s.seed,
                },
                s.parts(),
            ),
        };
        Some(Explanation {
            scenario: self.scenario.clone(),
            baseline: self.baseline.clone(),
            levers: self.levers.clone(),
            method,
            figures,
        })
    }
}

impl Sampling {
    /// One run of the order under way (drawing a new order first if none
    /// is): the next lever in it switched, its marginal effect booked.
    fn advance(
        &mut self,
        runner: &mut Runner,
        levers: &[&'static Lever],
        baseline: &Scenario,
        scenario: &Scenario,
        n: usize,
    ) {
        if self.position == 0 {
            // A uniformly random order (Fisher–Yates), from the baseline.
            self.order = (0..n).collect();
            for i in (1..n).rev() {
                let j = Uniform::new_inclusive(0, i)
                    .expect("0 ≤ i")
                    .sample(&mut self.rng);
                self.order.swap(i, j);
            }
            self.switched = baseline.clone();
            self.last = self.ends[0].clone();
        }
        let lever = self.order[self.position];
        levers[lever].copy(scenario, &mut self.switched);
        let now = values(&runner.run(&self.switched).summary(), &self.switched);
        self.book(lever, now);
        self.position += 1;
        if self.position == n - 1 {
            // The last lever switched gives the scenario itself, run once.
            let lever = self.order[n - 1];
            let end = self.ends[1].clone();
            self.book(lever, end);
            for (f, parts) in self.parts.iter().enumerate() {
                for (i, &p) in parts.iter().enumerate() {
                    self.sum[f][i] += p;
                    self.sum_sq[f][i] += p * p;
                }
            }
            self.position = 0;
            self.done += 1;
        }
    }

    /// Books `now - last` to `lever` in this order's parts.
    fn book(&mut self, lever: usize, now: Vec<f64>) {
        for (f, (&x, &before)) in now.iter().zip(&self.last).enumerate() {
            self.parts[f][lever] = x - before;
        }
        self.last = now;
    }

    /// The mean part over the orders and its standard error.
    fn parts(&self) -> Vec<FigureParts> {
        let m = self.done as f64;
        explained_figures()
            .enumerate()
            .map(|(f, figure)| {
                let mean: Vec<f64> = self.sum[f].iter().map(|s| s / m).collect();
                let standard_errors = self.sum_sq[f]
                    .iter()
                    .zip(&mean)
                    .map(|(sq, mu)| {
                        // The sample variance of the orders' parts.
                        let var = if m > 1.0 {
                            ((sq - m * mu * mu) / (m - 1.0)).max(0.0)
                        } else {
                            0.0
                        };
                        (var / m).sqrt()
                    })
                    .collect();
                FigureParts {
                    figure,
                    baseline: self.ends[0][f],
                    scenario: self.ends[1][f],
                    parts: mean,
                    standard_errors,
                }
            })
            .collect()
    }
}

/// The exact Shapley values from the figures of every subset: lever `i`'s
/// part is the sum over the subsets `S` without it of
/// `|S|! (n - |S| - 1)! / n!` times `v(S ∪ {i}) - v(S)`.
fn exact_parts(values: &[Vec<f64>], n: usize) -> Vec<FigureParts> {
    let full = (1 << n) - 1;
    // weight[s] = 1 / (n · C(n-1, s)).
    let weight: Vec<f64> = (0..n)
        .map(|s| {
            let choose = (0..s).fold(1.0, |c, k| c * (n - 1 - k) as f64 / (k + 1) as f64);
            1.0 / (n as f64 * choose)
        })
        .collect();
    explained_figures()
        .enumerate()
        .map(|(f, figure)| {
            let parts = (0..n)
                .map(|i| {
                    let bit = 1 << i;
                    (0..=full)
                        .filter(|mask| mask & bit == 0)
                        .map(|mask: usize| {
                            weight[mask.count_ones() as usize]
                                * (values[mask | bit][f] - values[mask][f])
                        })
                        .sum()
                })
                .collect();
            FigureParts {
                figure,
                baseline: values[0][f],
                scenario: values[full][f],
                parts,
                standard_errors: vec![0.0; n],
            }
        })
        .collect()
}

/// The explanation of `scenario` against `baseline`, all runs at once (see
/// [`Explainer`]).
pub fn explain(scenario: &Scenario, baseline: &Scenario) -> Explanation {
    let mut explainer = Explainer::new(scenario, baseline);
    let mut runner = Runner::new();
    while !explainer.step(&mut runner) {}
    explainer
        .finish()
        .expect("every run is done once step says so")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(q: &str) -> Scenario {
        Scenario::from_query(q).0
    }

    #[test]
    fn the_same_scenario_has_nothing_to_explain() {
        let s = query("intake=60000");
        let e = explain(&s, &s);
        assert!(e.levers.is_empty());
        assert_eq!(e.method, Method::Exact);
        for f in &e.figures {
            assert!(f.parts.is_empty());
            assert_eq!(f.whole(), 0.0);
        }
    }

    #[test]
    fn the_figures_are_the_amounts_of_the_summary() {
        let keys: Vec<&str> = explained_figures().map(|f| f.key).collect();
        assert!(keys.contains(&"cost_total_eur"));
        assert!(keys.contains(&"backlog_end"));
        assert!(!keys.contains(&"back_in_term_from"));
        assert!(!keys.contains(&"backlog_peak_week"));
    }

    #[test]
    fn two_levers_split_the_difference_and_order_does_not_matter() {
        let base = Scenario::default();
        let s = query("intake=40000&fte=900");
        let e = explain(&s, &base);
        let keys: Vec<&str> = e.levers.iter().map(|l| l.key).collect();
        assert_eq!(keys, ["intake", "fte"]);
        // With two levers the Shapley value is the mean of the two orders.
        let only = |key: &str| {
            let mut x = base.clone();
            crate::levers::lever(key).unwrap().copy(&s, &mut x);
            x.run().summary().backlog_end
        };
        let (b, full) = (
            base.run().summary().backlog_end,
            s.run().summary().backlog_end,
        );
        let intake = 0.5 * ((only("intake") - b) + (full - only("fte")));
        let f = e.figure("backlog_end").unwrap();
        assert!(
            (f.parts[0] - intake).abs() < 1e-6,
            "{} {intake}",
            f.parts[0]
        );
        assert!((f.parts.iter().sum::<f64>() - f.whole()).abs() < 1e-6);
    }
}
