//! One Monte Carlo draw: the scenario with its uncertain inputs perturbed,
//! and the weekly multipliers on the intake.
//!
//! Run `i` of seed `s` draws from its own generator (xoshiro256++ seeded
//! with a SplitMix64 hash of `s` and `i`), so any slice of the run indices
//! can be computed anywhere — another thread, another Web Worker — and the
//! merged result is the same. Every run draws its normal numbers in the
//! same order whatever the spreads (productivity, notice share, appeal
//! share, one per year of the horizon, one per week), so changing one
//! spread rescales its own draws and leaves the others as they were.
//!
//! The intake of week `t` in year `k` of the levers' time (`k = 0` for the
//! first 52.18 weeks from the join, the first week the scenario's own levers
//! apply) is the scenario's times
//! `exp(sd_intake × z_level + sd_intake_year × z_k + sd_intake_week × z_t)`:
//! a forecast error of the level that holds for the whole run, each year's
//! own draw around it, and independent weekly noise. Each year's draw is
//! its own, not a running sum (a random walk would widen without bound),
//! so a year's intake spreads as much ten years ahead as one: the MPP's
//! record shows no growth of its errors with the horizon
//! (`settings::INTAKE_SPREAD_PER_YEAR`).
//! Before the join the run is the record (what happened is not uncertain):
//! its intake is not drawn, so that bands "from now" start at the join.

use rand_distr::{Distribution, StandardNormal};
use rand_xoshiro::Xoshiro256PlusPlus;
use rand_xoshiro::rand_core::{RngCore, SeedableRng};

use super::settings::Spreads;
use crate::scenario::Scenario;
use crate::sim::WEEKS_PER_YEAR;

/// The generator of run `index` under `seed`.
pub(crate) fn generator(seed: u64, index: u32) -> Xoshiro256PlusPlus {
    // Two rounds of SplitMix64 mix seed and index into one 64-bit key, from
    // which `seed_from_u64` (SplitMix64 again) fills the 256-bit state.
    let mut outer = rand_xoshiro::SplitMix64::seed_from_u64(seed);
    let key = outer.next_u64() ^ u64::from(index).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let mut inner = rand_xoshiro::SplitMix64::seed_from_u64(key);
    Xoshiro256PlusPlus::seed_from_u64(inner.next_u64())
}

/// The inputs of one Monte Carlo run.
#[derive(Clone, Debug, PartialEq)]
pub struct Draw {
    /// The scenario with productivity and the notice and appeal shares
    /// drawn around their values.
    pub scenario: Scenario,
    /// Week `t`'s intake (every stream) is multiplied by `intake_factors[t]`:
    /// the year's level times the week's noise.
    pub intake_factors: Vec<f64>,
}

/// The draw of run `index` under `seed` around the validated scenario `s`,
/// whose horizon has `weeks` weeks and whose levers apply from week `join`.
pub(crate) fn draw(
    s: &Scenario,
    spreads: &Spreads,
    seed: u64,
    index: u32,
    weeks: usize,
    join: usize,
) -> Draw {
    let mut rng = generator(seed, index);
    let mut z = || -> f64 { StandardNormal.sample(&mut rng) };
    let mut scenario = s.clone();
    let (zp, zn, za, z_level) = (z(), z(), z(), z());
    scenario.decisions_per_fte_week =
        log_scaled(s.decisions_per_fte_week, spreads.productivity, zp);
    scenario.notice_share = log_odds_moved(s.notice_share, spreads.notice, zn);
    scenario.appeal_share = log_odds_moved(s.appeal_share, spreads.appeal, za);
    // One draw of behaviour moves both chains alike.
    scenario.notice_share_family = log_odds_moved(s.notice_share_family, spreads.notice, zn);
    scenario.appeal_share_family = log_odds_moved(s.appeal_share_family, spreads.appeal, za);

    let join = join.min(weeks);
    let years = (((weeks - join) as f64 / WEEKS_PER_YEAR).ceil() as usize).max(1);
    let levels: Vec<f64> = (0..years)
        .map(|_| spreads.intake * z_level + spreads.intake_year * z())
        .collect();
    let intake_factors = (0..weeks)
        .map(|t| {
            let Some(t) = t.checked_sub(join) else {
                return 1.0;
            };
            let year = ((t as f64 / WEEKS_PER_YEAR) as usize).min(years - 1);
            let log = levels[year] + spreads.intake_week * z();
            if log == 0.0 { 1.0 } else { log.exp() }
        })
        .collect();
    Draw {
        scenario,
        intake_factors,
    }
}

/// `x × exp(sd × z)`, exactly `x` when `sd` is 0.
fn log_scaled(x: f64, sd: f64, z: f64) -> f64 {
    if sd == 0.0 { x } else { x * (sd * z).exp() }
}

/// The share `p` with its log-odds moved by `sd × z`; exactly `p` when `sd`
/// is 0, and a share of 0 or 1 stays where it is.
fn log_odds_moved(p: f64, sd: f64, z: f64) -> f64 {
    if sd == 0.0 || p <= 0.0 || p >= 1.0 {
        return p;
    }
    let odds = (p / (1.0 - p)).ln() + sd * z;
    1.0 / (1.0 + (-odds).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_draw_from_different_streams() {
        let a: Vec<u64> = (0..4).map(|_| generator(1, 0).next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]), "same seed and index");
        let firsts: Vec<u64> = (0..100).map(|i| generator(1, i).next_u64()).collect();
        let mut unique = firsts.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), firsts.len());
        assert_ne!(generator(1, 0).next_u64(), generator(2, 0).next_u64());
    }

    #[test]
    fn zero_spreads_change_nothing() {
        let s = Scenario::default();
        let d = draw(&s, &Spreads::ZERO, 9, 3, 192, 0);
        assert_eq!(d.scenario, s);
        assert!(d.intake_factors.iter().all(|&f| f == 1.0));
        assert_eq!(d.intake_factors.len(), 192);
    }

    #[test]
    fn shares_stay_shares_and_keep_their_median() {
        assert_eq!(log_odds_moved(0.0, 1.0, 3.0), 0.0);
        assert_eq!(log_odds_moved(1.0, 1.0, -3.0), 1.0);
        assert!((log_odds_moved(0.8, 0.5, 0.0) - 0.8).abs() < 1e-12);
        for z in [-6.0, -1.0, 1.0, 6.0] {
            let p = log_odds_moved(0.5, 2.0, z);
            assert!(p > 0.0 && p < 1.0);
        }
        // P90 of the notice share at the default spread: about 63%.
        assert!((log_odds_moved(0.5, 0.4, 1.2816) - 0.625).abs() < 0.002);
    }

    #[test]
    fn the_intake_level_steps_once_a_year() {
        let spreads = Spreads {
            intake_year: 0.3,
            ..Spreads::ZERO
        };
        let d = draw(&Scenario::default(), &spreads, 5, 0, 192, 0);
        let f = &d.intake_factors;
        assert!(f[..52].iter().all(|&x| x == f[0]));
        assert!(f[53..104].iter().all(|&x| x == f[53]));
        assert_ne!(f[0], f[53]);
        // From a later join: the record's weeks are not drawn, and the
        // years count from the join.
        let d = draw(&Scenario::default(), &spreads, 5, 0, 192, 100);
        let f = &d.intake_factors;
        assert!(f[..100].iter().all(|&x| x == 1.0));
        assert!(f[100..152].iter().all(|&x| x == f[100]));
        assert_ne!(f[100], f[153]);
    }

    /// A year's intake spreads as much in the tenth year as in the first:
    /// each year draws around the level, it does not add to the year
    /// before (the log factor's standard deviation over many runs is the
    /// level's and the year's together in every year).
    #[test]
    fn a_year_s_intake_spread_does_not_grow_with_the_horizon() {
        let spreads = Spreads {
            intake: 0.315,
            intake_year: 0.07,
            ..Spreads::ZERO
        };
        let weeks = 522;
        let runs = 4_000;
        let sd_of_year = |year: usize| {
            let week = (year as f64 * WEEKS_PER_YEAR) as usize + 1;
            let logs: Vec<f64> = (0..runs)
                .map(|i| {
                    draw(&Scenario::default(), &spreads, 11, i, weeks, 0).intake_factors[week].ln()
                })
                .collect();
            let mean = logs.iter().sum::<f64>() / f64::from(runs);
            (logs.iter().map(|l| (l - mean).powi(2)).sum::<f64>() / f64::from(runs)).sqrt()
        };
        let expected = 0.315f64.hypot(0.07);
        for year in [0, 1, 4, 9] {
            let sd = sd_of_year(year);
            assert!((sd - expected).abs() < 0.02, "year {year}: {sd}");
        }
    }
}
