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
///
/// Written with truncating casts rather than `floor`: on x86-64 without
/// SSE4.1 `floor` is a library call, and this is called for every cohort
/// and every weekly flow. The results are the same bit for bit: the phase
/// `turns - trunc(turns)` is exact (the two are within a factor of two, or
/// the truncation is zero), plus one when negative, as `turns - floor`
/// would give; and for `x + phase` a saturating cast to `u32` is `floor`
/// for every value at least 0, and 0 for the rest and for NaN.
pub(crate) fn whole(x: f64, k: i64, salt: Salt, stream: usize) -> u32 {
    let offset = (salt as usize + stream) as f64 * SALT_STEP;
    let turns = k as f64 * GOLDEN + offset;
    let mut phase = turns - (turns as i64) as f64;
    if phase < 0.0 {
        phase += 1.0;
    }
    (x + phase) as u32
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

    /// The cast form agrees with the plain `floor` form everywhere it is used.
    #[test]
    fn casts_give_what_floor_gives() {
        let by_floor = |x: f64, k: i64, salt: Salt, stream: usize| {
            let offset = (salt as usize + stream) as f64 * SALT_STEP;
            let turns = k as f64 * GOLDEN + offset;
            let v = (x + (turns - turns.floor())).floor();
            if v >= f64::from(u32::MAX) {
                u32::MAX
            } else if v > 0.0 {
                v as u32
            } else {
                0
            }
        };
        for k in -2_000..6_000 {
            for salt in [Salt::Intake, Salt::Capacity, Salt::Appeal, Salt::Baa] {
                for x in [0.0, 0.25, 0.999_999, 1.0, 7.5, 841.3, 1e9, -0.5, -3.0, 5e9] {
                    for stream in 0..4 {
                        assert_eq!(whole(x, k, salt, stream), by_floor(x, k, salt, stream));
                    }
                }
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
