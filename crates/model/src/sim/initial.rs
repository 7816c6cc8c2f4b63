//! The backlog on the start date, as cohorts by age.

use crate::scenario::Scenario;
use crate::stream::Stream;

/// The track-4 age profile of March 2023 (parameters.md, "age of the
/// track-4 backlog"): about 3,000 of the 33,555 cases older than 15 months
/// and about 14,000 aged 6 to 15 months; the rest younger.
/// As the ratios (count, of) so that the default backlog splits exactly.
const T4_OVER_15_MONTHS: (u64, u64) = (3_000, 33_555);
const T4_6_TO_15_MONTHS: (u64, u64) = (14_000, 33_555);

/// The filing week of the oldest cohort of any starting backlog: two years
/// before the start.
pub(crate) const OLDEST_FILED_WEEK: i32 = -104;

/// An age band: cases spread evenly over the weeks `from..to` of age.
struct Band {
    from: i32,
    to: i32,
    cases: u32,
}

/// The age bands of a stream's starting backlog. Ages in weeks: 26 weeks
/// is six months, 65 weeks fifteen. Assumptions where parameters.md gives
/// no profile: the oldest track-4 cases are at most two years old; track 1
/// is spread over half a year (Dublin transfers have six months), track 2
/// over eight weeks (decided within days once planned) and nareis over a
/// year.
fn bands(s: &Scenario, stream: Stream) -> Vec<Band> {
    match stream {
        Stream::General => {
            let n = s.backlog_general;
            let part = |(count, of): (u64, u64)| (u64::from(n) * count / of) as u32;
            let old = part(T4_OVER_15_MONTHS);
            let mid = part(T4_6_TO_15_MONTHS);
            vec![
                Band {
                    from: 0,
                    to: 26,
                    cases: n - old - mid,
                },
                Band {
                    from: 26,
                    to: 65,
                    cases: mid,
                },
                Band {
                    from: 65,
                    to: 104,
                    cases: old,
                },
            ]
        }
        Stream::Dublin => vec![Band {
            from: 0,
            to: 26,
            cases: s.backlog_dublin,
        }],
        Stream::SafeCountry => vec![Band {
            from: 0,
            to: 8,
            cases: s.backlog_safe_country,
        }],
        Stream::FamilyReunification => vec![Band {
            from: 0,
            to: 52,
            cases: s.backlog_family,
        }],
    }
}

/// The starting backlog as (week of filing, cases), oldest first. A case
/// aged `a` whole weeks at the start was filed in week `-1 - a`.
pub(crate) fn initial_cohorts(s: &Scenario, stream: Stream) -> Vec<(i32, u32)> {
    let mut out = Vec::new();
    for band in bands(s, stream).iter().rev() {
        let len = (band.to - band.from) as u64;
        let cases = u64::from(band.cases);
        for i in (0..len).rev() {
            // An even spread in whole cases: the i-th week gets the
            // difference of two floors, so the band adds up exactly.
            let n = ((i + 1) * cases / len - i * cases / len) as u32;
            out.push((-1 - band.from - i as i32, n));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_up_and_is_oldest_first() {
        let s = Scenario::default();
        for stream in Stream::ALL {
            let cohorts = initial_cohorts(&s, stream);
            assert!(cohorts.windows(2).all(|w| w[0].0 < w[1].0));
            let total: u32 = cohorts.iter().map(|c| c.1).sum();
            let expected = match stream {
                Stream::General => 33_555,
                Stream::Dublin => 3_650,
                Stream::SafeCountry => 125,
                Stream::FamilyReunification => 18_000,
            };
            assert_eq!(total, expected, "{stream:?}");
        }
    }

    #[test]
    fn track_4_has_the_march_2023_profile() {
        let cohorts = initial_cohorts(&Scenario::default(), Stream::General);
        let older = |weeks: i32| {
            cohorts
                .iter()
                .filter(|c| -1 - c.0 >= weeks)
                .map(|c| c.1)
                .sum::<u32>()
        };
        assert_eq!(older(65), 3_000);
        assert_eq!(older(26) - older(65), 14_000);
        assert_eq!(cohorts.len(), 104);
        assert_eq!(cohorts[0].0, OLDEST_FILED_WEEK);
    }
}
