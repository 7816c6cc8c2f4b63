//! Whole cases from fractional flows.
//!
//! Intake and capacity are rates (70,000 a year is 1,341.6 a week), but
//! cases are whole. Rounding each week down would lose up to a case a week
//! per stream; carrying the fraction forward would keep totals exact but
//! make next week's count depend on this week's fraction, so a higher rate
//! could give a lower count in some week, and the model's monotone tests
//! must hold exactly. Instead each week's count is `floor(x + phase)` with a
//! phase from a fixed low-discrepancy (Weyl) sequence in the week number:
//! a higher rate never gives fewer cases in any week, the sum over `n`
//! weeks is within a few cases of the exact total, and the result depends
//! only on the scenario, so runs are bit-for-bit reproducible.

/// The fractional part of the golden ratio: the Weyl sequence with the most
/// even spread.
const GOLDEN: f64 = 0.618_033_988_749_894_9;
/// Offsets the sequences of different uses (the plastic number's inverse).
const SALT_STEP: f64 = 0.754_877_666_246_692_7;

/// What a rounding is for, so that the phases of different flows are not
/// aligned.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Salt {
    Intake = 0,
    Capacity = 4,
    Eligible = 8,
    Notice = 12,
    Appeal = 16,
    Baa = 20,
}

/// `floor(x + phase(k))`, saturating at 0 and `u32::MAX`; `x` NaN gives 0.
/// `stream` (0..4) further offsets the phase.
pub(crate) fn whole(x: f64, k: i64, salt: Salt, stream: usize) -> u32 {
    let offset = (salt as usize + stream) as f64 * SALT_STEP;
    let turns = k as f64 * GOLDEN + offset;
    // The fractional part, in [0, 1) for negative `k` too.
    let phase = turns - turns.floor();
    let v = (x + phase).floor();
    if v >= f64::from(u32::MAX) {
        u32::MAX
    } else if v > 0.0 {
        v as u32
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_stay_close_to_the_exact_total() {
        for &x in &[0.3, 1.0, 2.7, 184.04, 841.3] {
            let total: u64 = (0..520)
                .map(|k| u64::from(whole(x, k, Salt::Intake, 2)))
                .sum();
            let exact = x * 520.0;
            assert!(
                (total as f64 - exact).abs() <= 4.0,
                "{x}: {total} vs {exact}"
            );
        }
    }

    #[test]
    fn monotone_in_the_rate_every_week() {
        for k in -100..500 {
            let mut last = 0;
            for i in 0..200 {
                let n = whole(f64::from(i) * 0.037, k, Salt::Capacity, 1);
                assert!(n >= last);
                last = n;
            }
        }
    }

    #[test]
    fn whole_numbers_stay_whole_and_bad_input_is_zero() {
        assert_eq!(whole(5.0, 17, Salt::Notice, 0), 5);
        assert_eq!(whole(f64::NAN, 3, Salt::Notice, 0), 0);
        assert_eq!(whole(-3.0, 3, Salt::Notice, 0), 0);
        assert_eq!(whole(1e300, 3, Salt::Notice, 0), u32::MAX);
    }
}
