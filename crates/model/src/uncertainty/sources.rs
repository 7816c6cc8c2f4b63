//! Where the bands' spread comes from: the runs drawn again with one
//! source of uncertainty at a time (the others at zero), and each source's
//! share of the sum of the variances they give alone.
//!
//! The shares are a guide, not an exact split: the sources interact (a
//! lower intake matters less when productivity is high too), so the
//! variance with every source on is not exactly the sum of the parts; the
//! page says so beside them.

use super::headline::Figure;
use super::monte_carlo::Bands;
use super::settings::Spreads;
use crate::text::{Text, t};

/// A group of the drawn inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    /// The intake: its level, each year's own draw around it and its weekly
    /// noise.
    Intake,
    /// Track-4 decisions per FTE.
    Productivity,
    /// Applicants' behaviour: the shares who send a notice of default and
    /// who then appeal.
    Behaviour,
}

impl Source {
    pub const ALL: [Source; 3] = [Source::Intake, Source::Productivity, Source::Behaviour];

    pub fn label(self) -> Text {
        match self {
            Source::Intake => t("instroom", "intake"),
            Source::Productivity => t("productiviteit", "productivity"),
            Source::Behaviour => t("gedrag van aanvragers", "applicants' behaviour"),
        }
    }

    /// `spreads` with only this source's spreads kept.
    #[must_use]
    pub fn only(self, spreads: &Spreads) -> Spreads {
        let mut only = Spreads::ZERO;
        match self {
            Source::Intake => {
                only.intake = spreads.intake;
                only.intake_year = spreads.intake_year;
                only.intake_week = spreads.intake_week;
            }
            Source::Productivity => only.productivity = spreads.productivity,
            Source::Behaviour => {
                only.notice = spreads.notice;
                only.appeal = spreads.appeal;
            }
        }
        only
    }
}

/// The runs for each source alone: a quarter of the bands' runs, at least
/// 100 (all of them if there are fewer): enough for a share to the nearest
/// few percent.
#[must_use]
pub fn source_runs(runs: u32) -> u32 {
    (runs / 4).max(100).min(runs)
}

/// The variance of the finite values of `figure` in `bands`.
fn variance(bands: &Bands, figure: &Figure) -> Option<f64> {
    let d = bands.distribution(figure)?;
    let values: Vec<f64> = d.sorted.iter().copied().filter(|v| v.is_finite()).collect();
    if values.len() < 2 {
        return Some(0.0);
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    Some(values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0))
}

/// Each source's share (0 to 1) of the sum of the variances of `figure`
/// over the bands of `parts` (one per source, drawn with that source
/// alone); `None` if no part has the figure or nothing varies.
#[must_use]
pub fn shares(parts: &[(Source, &Bands)], figure: &Figure) -> Option<Vec<(Source, f64)>> {
    let variances: Vec<(Source, f64)> = parts
        .iter()
        .map(|(s, b)| variance(b, figure).map(|v| (*s, v)))
        .collect::<Option<_>>()?;
    let total: f64 = variances.iter().map(|(_, v)| v).sum();
    (total > 0.0).then(|| variances.into_iter().map(|(s, v)| (s, v / total)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;
    use crate::uncertainty::{BandSettings, sample};

    fn bands_of(s: &Scenario, spreads: Spreads) -> Bands {
        let settings = BandSettings {
            on: true,
            runs: 60,
            seed: 11,
            spreads,
        };
        Bands::of(&sample(s, &settings, 0..60))
    }

    #[test]
    fn each_source_alone_and_their_shares() {
        let s = Scenario::from_query("until=2024-06-30").0;
        let all = Spreads::default();
        for source in Source::ALL {
            let only = source.only(&all);
            assert_ne!(only, Spreads::ZERO, "{source:?}");
            for other in Source::ALL.into_iter().filter(|&o| o != source) {
                assert_eq!(other.only(&only), Spreads::ZERO, "{source:?} {other:?}");
            }
        }
        let parts: Vec<(Source, Bands)> = Source::ALL
            .into_iter()
            .map(|source| (source, bands_of(&s, source.only(&all))))
            .collect();
        let refs: Vec<(Source, &Bands)> = parts.iter().map(|(s, b)| (*s, b)).collect();
        let shares = shares(&refs, &Figure::COST_TOTAL_EUR).unwrap();
        let sum: f64 = shares.iter().map(|(_, v)| v).sum();
        assert!((sum - 1.0).abs() < 1e-9);
        assert!(shares.iter().all(|(_, v)| (0.0..=1.0).contains(v)));
        // Behaviour moves the cost but decides no case: no share of the
        // backlog's spread.
        let backlog = super::shares(&refs, &Figure::BACKLOG_END).unwrap();
        let behaviour = backlog
            .iter()
            .find(|(s, _)| *s == Source::Behaviour)
            .unwrap();
        assert!(behaviour.1 < 1e-9, "{backlog:?}");
        // Nothing varies: no shares.
        let flat = bands_of(&s, Spreads::ZERO);
        assert_eq!(
            super::shares(&[(Source::Intake, &flat)], &Figure::COST_TOTAL_EUR),
            None
        );
        assert_eq!(source_runs(500), 125);
        assert_eq!(source_runs(200), 100);
        assert_eq!(source_runs(40), 40);
    }
}
