//! Percentiles by nearest rank: P10 of 500 runs is the 50th smallest value,
//! a value that some run gave (a whole number of cases stays whole), and
//! P10 ≤ P50 ≤ P90 by construction.

/// The three percentiles the bands show.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Percentiles {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

/// The 0-based rank of the `p`-th percentile (0 < p ≤ 1) of `n` values:
/// the smallest value with at least a share `p` of the values at or below
/// it.
pub(crate) fn rank(p: f64, n: usize) -> usize {
    ((p * n as f64).ceil() as usize).clamp(1, n.max(1)) - 1
}

/// P10, P50 and P90 of `values` (reordered in place; NaN sorts last). Zero
/// values give zeros.
pub(crate) fn percentiles(values: &mut [f64]) -> Percentiles {
    let n = values.len();
    if n == 0 {
        return Percentiles {
            p10: 0.0,
            p50: 0.0,
            p90: 0.0,
        };
    }
    let (r10, r50, r90) = (rank(0.1, n), rank(0.5, n), rank(0.9, n));
    // Three selections instead of a sort: the median first, then P10 among
    // the values below it and P90 among those above.
    let (below, &mut p50, above) = values.select_nth_unstable_by(r50, f64::total_cmp);
    let p10 = if r10 < r50 {
        *below.select_nth_unstable_by(r10, f64::total_cmp).1
    } else {
        p50
    };
    let p90 = if r90 > r50 {
        *above
            .select_nth_unstable_by(r90 - r50 - 1, f64::total_cmp)
            .1
    } else {
        p50
    };
    Percentiles { p10, p50, p90 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank() {
        let mut v: Vec<f64> = (1..=10).rev().map(f64::from).collect();
        assert_eq!(
            percentiles(&mut v),
            Percentiles {
                p10: 1.0,
                p50: 5.0,
                p90: 9.0
            }
        );
        assert_eq!(rank(0.1, 500), 49);
        assert_eq!(rank(0.9, 500), 449);
        assert_eq!(rank(0.5, 1), 0);
        let mut one = [3.5];
        assert_eq!(percentiles(&mut one).p90, 3.5);
        assert_eq!(percentiles(&mut []).p50, 0.0);
    }

    #[test]
    fn agrees_with_a_sort() {
        let mut x = 0.3f64;
        let mut v: Vec<f64> = (0..997)
            .map(|_| {
                x = (x * 3.9 * (1.0 - x)).fract();
                (x * 1000.0).floor()
            })
            .collect();
        let mut sorted = v.clone();
        sorted.sort_by(f64::total_cmp);
        let p = percentiles(&mut v);
        let n = sorted.len();
        assert_eq!(p.p10, sorted[rank(0.1, n)]);
        assert_eq!(p.p50, sorted[rank(0.5, n)]);
        assert_eq!(p.p90, sorted[rank(0.9, n)]);
        let mut inf = [f64::INFINITY, 1.0, f64::INFINITY];
        assert_eq!(percentiles(&mut inf).p90, f64::INFINITY);
    }
}
