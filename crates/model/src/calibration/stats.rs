//! Fit statistics as system-dynamics practice reports them (Sterman,
//! "Appropriate summary statistics for evaluating the historical fit of
//! system dynamics models", 1984): the mean absolute percentage error, and
//! Theil's inequality statistics, which split the mean squared error into
//! the part from a bias (`bias`, U^M), from a different spread (`variance`,
//! U^S) and from imperfect co-movement (`covariance`, U^C); the three add
//! up to one. A forecast whose error is mostly covariance follows the
//! record's level and spread and misses its wiggles; one whose error is
//! mostly bias is systematically high or low.
//!
//! The figures held against the model are of many measures and sizes (a
//! stock of 50,000, penalties of EUR 36.8 million), so the squared errors
//! are taken on the natural logarithms of model and published values: the
//! error of each figure is its log ratio, as in the fit's loss.

/// The fit statistics of a set of figures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ErrorStats {
    /// How many figures.
    pub n: usize,
    /// Mean absolute percentage error, `mean(|model − published| /
    /// published) × 100`.
    pub mape_pct: f64,
    /// Mean squared error of the log values.
    pub mse_log: f64,
    /// Theil's U^M: the share of `mse_log` due to bias.
    pub bias: f64,
    /// Theil's U^S: the share due to unequal variance.
    pub variance: f64,
    /// Theil's U^C: the share due to unequal covariation.
    pub covariance: f64,
}

/// The statistics of `(published, model)` pairs; pairs with a published
/// value of zero or less are left out, a model value of zero counts as a
/// hundredth of the published (as in the fit's loss). `None` without a
/// pair.
pub fn error_stats(pairs: &[(f64, f64)]) -> Option<ErrorStats> {
    let pairs: Vec<(f64, f64)> = pairs
        .iter()
        .filter(|(p, _)| *p > 0.0)
        .map(|&(p, m)| (p, m.max(p / 100.0)))
        .collect();
    if pairs.is_empty() {
        return None;
    }
    let n = pairs.len() as f64;
    let mape_pct = pairs.iter().map(|(p, m)| (m - p).abs() / p).sum::<f64>() / n * 100.0;
    let a: Vec<f64> = pairs.iter().map(|(p, _)| p.ln()).collect();
    let m: Vec<f64> = pairs.iter().map(|(_, m)| m.ln()).collect();
    let mean = |v: &[f64]| v.iter().sum::<f64>() / n;
    let (ma, mm) = (mean(&a), mean(&m));
    let sd = |v: &[f64], mu: f64| (v.iter().map(|x| (x - mu).powi(2)).sum::<f64>() / n).sqrt();
    let (sa, sm) = (sd(&a, ma), sd(&m, mm));
    let mse_log = a.iter().zip(&m).map(|(x, y)| (y - x).powi(2)).sum::<f64>() / n;
    let cov = a
        .iter()
        .zip(&m)
        .map(|(x, y)| (x - ma) * (y - mm))
        .sum::<f64>()
        / n;
    let r = if sa > 0.0 && sm > 0.0 {
        cov / (sa * sm)
    } else {
        1.0
    };
    let (bias, variance, covariance) = if mse_log > 0.0 {
        (
            (mm - ma).powi(2) / mse_log,
            (sm - sa).powi(2) / mse_log,
            2.0 * (1.0 - r) * sa * sm / mse_log,
        )
    } else {
        (0.0, 0.0, 0.0)
    };
    Some(ErrorStats {
        n: pairs.len(),
        mape_pct,
        mse_log,
        bias,
        variance,
        covariance,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_parts_add_up_to_one() {
        let pairs = [
            (100.0, 120.0),
            (200.0, 190.0),
            (50.0, 70.0),
            (1_000.0, 900.0),
        ];
        let s = error_stats(&pairs).unwrap();
        assert!(
            (s.bias + s.variance + s.covariance - 1.0).abs() < 1e-9,
            "{s:?}"
        );
        assert_eq!(s.n, 4);
        let mape = (20.0 + 5.0 + 40.0 + 10.0) / 4.0;
        assert!((s.mape_pct - mape).abs() < 1e-9);
    }

    #[test]
    fn a_constant_factor_is_all_bias() {
        let pairs = [(100.0, 110.0), (200.0, 220.0), (50.0, 55.0)];
        let s = error_stats(&pairs).unwrap();
        assert!((s.bias - 1.0).abs() < 1e-9, "{s:?}");
        assert!(s.variance.abs() < 1e-9 && s.covariance.abs() < 1e-9);
    }

    #[test]
    fn a_perfect_fit_has_no_error() {
        let s = error_stats(&[(10.0, 10.0), (20.0, 20.0)]).unwrap();
        assert_eq!((s.mape_pct, s.mse_log), (0.0, 0.0));
        assert_eq!(error_stats(&[]), None);
    }
}
