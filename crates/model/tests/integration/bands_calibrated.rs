//! The bands of today's outlook, calibrated to the MPP's record of its own
//! errors: their P10-P90 stay within what the calibrated spreads imply.
//!
//! The bound of a figure is the figure of two plain runs: every input that
//! has a spread at its own P90 in the direction that raises the figure,
//! and at its P10 in the other, for the whole horizon after the join. A
//! band's P10 and P90 are each a percentile of one figure over runs whose
//! inputs are drawn independently, so they lie inside these joint extremes
//! (the year's own intake draws average out over the years, which only
//! narrows the band further).

use doorstroom_model::uncertainty::{
    BandSettings, Bands, INTAKE_SPREAD_PER_YEAR, Spreads, figure, sample,
};
use doorstroom_model::{Scenario, Summary, simulate_with_intake_factors};

/// The z of the 90th percentile of a standard normal.
const Z90: f64 = 1.281_551_6;

fn settings(spreads: Spreads) -> BandSettings {
    BandSettings {
        on: true,
        runs: 1_000,
        seed: 7,
        spreads,
    }
}

/// The share `p` with its log-odds moved by `sd × z`.
fn log_odds_moved(p: f64, sd: f64, z: f64) -> f64 {
    let odds = (p / (1.0 - p)).ln() + sd * z;
    1.0 / (1.0 + (-odds).exp())
}

/// The plain run of `s` with every input that has a spread at `z` of its
/// spread (`z > 0`: the side that raises the backlog and the cost):
/// intake up, productivity down, the notice and appeal shares up.
fn at_extreme(s: &Scenario, spreads: &Spreads, intake_sd: f64, z: f64) -> Summary {
    let mut s = s.clone();
    s.decisions_per_fte_week *= (-spreads.productivity * z).exp();
    for (share, sd) in [
        (&mut s.notice_share, spreads.notice),
        (&mut s.notice_share_family, spreads.notice),
        (&mut s.appeal_share, spreads.appeal),
        (&mut s.appeal_share_family, spreads.appeal),
    ] {
        *share = log_odds_moved(*share, sd, z);
    }
    let join = s.join_week();
    let weeks = s.run().weeks();
    let factors: Vec<f64> = (0..weeks)
        .map(|t| if t < join { 1.0 } else { (intake_sd * z).exp() })
        .collect();
    simulate_with_intake_factors(&s, &factors).summary()
}

fn percentiles(bands: &Bands, key: &str) -> (f64, f64) {
    assert!(figure(key).is_some(), "{key} is a headline figure");
    let d = bands.figures.iter().find(|d| d.figure.key == key).unwrap();
    (d.percentiles.p10, d.percentiles.p90)
}

/// The intake's spread alone: the end backlog's P10-P90 lies between the
/// runs with the intake at the P10 and P90 of a year's calibrated spread
/// (0.32 in the log) from the join on.
#[test]
fn the_outlook_s_intake_band_is_within_the_calibrated_spread() {
    let s = Scenario::outlook();
    let spreads = Spreads {
        productivity: 0.0,
        notice: 0.0,
        appeal: 0.0,
        ..Spreads::default()
    };
    let per_year = spreads.intake.hypot(spreads.intake_year);
    assert!((per_year - INTAKE_SPREAD_PER_YEAR).abs() < 0.005);
    let bands = Bands::of(&sample(&s, &settings(spreads), 0..1_000));
    let (p10, p90) = percentiles(&bands, "backlog_end");
    let low = at_extreme(&s, &spreads, INTAKE_SPREAD_PER_YEAR, -Z90).backlog_end;
    let high = at_extreme(&s, &spreads, INTAKE_SPREAD_PER_YEAR, Z90).backlog_end;
    eprintln!("end backlog P10-P90 {p10:.0}-{p90:.0}, bound {low:.0}-{high:.0}");
    // One percent for the weekly noise.
    assert!(p10 >= 0.99 * low, "{p10} below {low}");
    assert!(p90 <= 1.01 * high, "{p90} above {high}");
    // A band, not a point: the calibrated spread is there.
    assert!(p90 > 1.5 * p10, "{p10}-{p90}");
}

/// Every spread at its default: the end backlog's and the first year's
/// cost's P90/P10 are no more than the joint extremes imply, and these are
/// stated: the first year's cost within a fifth either way, the end
/// backlog within a factor of seven.
#[test]
fn the_outlook_s_bands_are_within_what_the_calibration_implies() {
    let s = Scenario::outlook();
    let spreads = Spreads::default();
    let bands = Bands::of(&sample(&s, &settings(spreads), 0..1_000));
    let low = at_extreme(&s, &spreads, INTAKE_SPREAD_PER_YEAR, -Z90);
    let high = at_extreme(&s, &spreads, INTAKE_SPREAD_PER_YEAR, Z90);
    for (key, lo, hi) in [
        ("backlog_end", low.backlog_end, high.backlog_end),
        (
            "cost_first_year_eur",
            low.cost_first_year_eur,
            high.cost_first_year_eur,
        ),
    ] {
        let (p10, p90) = percentiles(&bands, key);
        eprintln!("{key}: P10-P90 {p10:.0}-{p90:.0}, bound {lo:.0}-{hi:.0}");
        assert!(p10 >= 0.99 * lo && p90 <= 1.01 * hi, "{key}");
        assert!(p90 / p10 <= hi / lo * 1.02, "{key}: ratio");
    }
    let (p10, p90) = percentiles(&bands, "backlog_end");
    assert!(p90 / p10 < 7.0, "end backlog {p10}-{p90}");
    let (p10, p90) = percentiles(&bands, "cost_first_year_eur");
    let central = s.run().summary().cost_first_year_eur;
    assert!(p10 > 0.8 * central && p90 < 1.2 * central, "{p10}-{p90}");
}
