//! What happened, as inputs: the dated facts a run "as it happened" is
//! driven by, each with its source in `reference/published.md`.
//!
//! The figures in `data/published.csv` are what the model is *held
//! against*; these are what it is *driven by*: the intake as it came, the
//! production the IND reached, the decision moratorium for Syrian
//! applicants and the court penalty the courts set. They apply in the weeks
//! of a phase that follows the record (the lever `intake_by_year`, "inputs
//! as published"): in "as it happened" and in the history before `from`.
//! A figure used as an input is left out of the calibration's loss
//! ([`used_as_input`]): a fit cannot be judged on what it was given.
//!
//! The record's inputs reach to [`RECORD_END`], the last day of the newest
//! week in the government's intake table. Up to that day, after the newest
//! production figure its rate carries on (an assumption: no production
//! figure for 2026 was published); after it, the scenario's own levers
//! apply, as they do in a phase that does not follow the record. The court
//! penalty is a standing practice, not a flow, and holds until a lever or
//! a later record changes it.

use crate::date::Date;
use crate::record::{Published, RecordMeasure};
use crate::scenario::ymd;
use crate::stream::Stream;

/// The all-streams intake in the weeks of 2026 that the government's
/// weekly table gives (rijksoverheid.nl, "Asielinstroom per week in 2026",
/// copies of the page May-Aug 2026; published.md "Intake, 2025-2026"),
/// by ISO week: week 1 starts on Monday 29 December 2025, as every model
/// week starts on a Monday. Week 4 is not given (`None`): that week takes
/// the mean of the others.
pub const INTAKE_2026_WEEKLY: [Option<u32>; 30] = [
    Some(700),
    Some(700),
    Some(900),
    None,
    Some(900),
    Some(900),
    Some(900),
    Some(900),
    Some(800),
    Some(800),
    Some(900),
    Some(1000),
    Some(900),
    Some(900),
    Some(800),
    Some(900),
    Some(1000),
    Some(700),
    Some(900),
    Some(1000),
    Some(900),
    Some(800),
    Some(900),
    Some(710),
    Some(970),
    Some(690),
    Some(890),
    Some(810),
    Some(760),
    Some(840),
];

/// The Monday of ISO week 1 of 2026.
pub const INTAKE_2026_FIRST_WEEK: Date = ymd(2025, 12, 29);

/// The last day the record's inputs reach: the Sunday that ends week 30 of
/// [`INTAKE_2026_WEEKLY`].
pub const RECORD_END: Date = ymd(2026, 7, 26);

/// How many years today's outlook looks ahead from its join.
pub const OUTLOOK_YEARS: i32 = 5;

/// The day the reader's levers act from in today's outlook (the page's
/// default): the first of the month after the newest published figures
/// ([`RECORD_END`]), so that a link means the same on every day it is
/// opened. The one rule for the join; the outlook, the page and the
/// tests read it here.
pub fn outlook_from() -> Date {
    RECORD_END.first_of_month().add_months(1)
}

/// The last day of today's outlook: [`OUTLOOK_YEARS`] after its join.
pub fn outlook_until() -> Date {
    outlook_from().add_months(12 * OUTLOOK_YEARS).add_days(-1)
}

/// The last day a phase that follows the record, and whose reader's levers
/// act from `from`, carries the record's newest rates (the intake of the
/// 2026 table's weeks, the production of 2025) to: [`RECORD_END`], or the
/// day before `from` if that is later. The days between the newest figures
/// and the first of the next month (today's outlook's join) are history
/// too; what the record says of them is that its newest rates went on.
pub fn carried_until(from: Date) -> Date {
    RECORD_END.max(from.add_days(-1))
}

/// The mean of the weeks of [`INTAKE_2026_WEEKLY`] that are given: the
/// intake of a week the table leaves out, and of the weeks after it while
/// a run follows the record (about 854 a week, 44,600 a year).
pub fn intake_2026_mean_per_week() -> f64 {
    let given: Vec<f64> = INTAKE_2026_WEEKLY
        .iter()
        .flatten()
        .map(|&n| f64::from(n))
        .collect();
    given.iter().sum::<f64>() / given.len() as f64
}

/// The all-streams intake of the week that starts on `monday`, if the
/// weekly table covers it (a week it leaves out takes the mean).
pub fn intake_2026_week(monday: Date) -> Option<f64> {
    let days = INTAKE_2026_FIRST_WEEK.days_until(monday);
    if days < 0 {
        return None;
    }
    match INTAKE_2026_WEEKLY.get((days / 7) as usize)? {
        Some(n) => Some(f64::from(*n)),
        None => Some(intake_2026_mean_per_week()),
    }
}

/// The share of family reunification (nareis) in the all-streams intake of
/// a calendar year, where the record gives both. `None` before the first
/// year given: the lever `share_nareis` applies (CBS 2022). After the last
/// year given, its share carries on.
pub fn nareis_share(year: i32) -> Option<f64> {
    let last = NAREIS_SHARE_BY_YEAR.last().map(|s| s.year)?;
    let year = year.min(last);
    NAREIS_SHARE_BY_YEAR
        .iter()
        .find(|s| s.year == year)
        .map(|s| s.share)
}

/// The nareis share of one year's intake, with how it was derived.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YearShare {
    pub year: i32,
    pub share: f64,
    pub source: &'static str,
}

/// Nareis arrivals over the all-streams intake: 2025, 16,496 of close to
/// 44,000 (CBS via ANP; Hart van Nederland); 2024, "about 5,000 fewer"
/// than 2025, so about 11,500 of about 45,600 (the ministry via RD.nl).
pub const NAREIS_SHARE_BY_YEAR: [YearShare; 2] = [
    YearShare {
        year: 2024,
        share: 11_500.0 / 45_600.0,
        source: "nareis arrivals about 11,500 (2025's 16,496 less 'about 5,000', CBS via ANP) of about 45,600 (the ministry via RD.nl)",
    },
    YearShare {
        year: 2025,
        share: 16_496.0 / 44_000.0,
        source: "nareis arrivals 16,496 (CBS via ANP, 3 Feb 2026) of close to 44,000 (Hart van Nederland, 22 Dec 2025)",
    },
];

/// Decisions the IND took over a period, as a rate per year, for
/// `streams`: the run's regular capacity of those streams is scaled, in the
/// proportions of their own capacities, so that together they decide this
/// many a year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Production {
    pub from: Date,
    pub to: Date,
    pub streams: &'static [Stream],
    pub per_year: f64,
    pub source: &'static str,
}

impl Production {
    /// Whether `stream` is one of the streams this figure counts.
    pub fn covers(&self, stream: Stream) -> bool {
        self.streams.contains(&stream)
    }
}

/// The production as published (published.md "Decisions" and "Decisions,
/// 2025"). 2023 and 2024 are all-streams totals (the IND's "almost 35,000
/// asylum applications handled" leaves its scope open; the stocks and the
/// intake leave room for about 27,000 asylum decisions, so it is read as
/// asylum and nareis, as the record's comparison reads it); 2025 is split:
/// 4,730 first asylum applications granted were 33% of decisions (about
/// 14,300 from 1 January to 22 September, 19,600 a year) and 12,790 nareis
/// applications granted were 88% (about 14,500, 20,000 a year). A grant
/// rate counts decisions on the merits, which a Dublin claim (track 1) does
/// not get, so the asylum figure is read as tracks 2 and 4, and track 1
/// keeps its own capacity in 2025. After 2025 the 2025 rates carry on while
/// a run follows the record.
pub const PRODUCTION: [Production; 4] = [
    Production {
        from: ymd(2023, 1, 1),
        to: ymd(2023, 12, 31),
        streams: &Stream::ALL,
        per_year: 35_000.0,
        source: "ind.nl, annual figures 2023 (2 Feb 2024): almost 35,000 handled",
    },
    Production {
        from: ymd(2024, 1, 1),
        to: ymd(2024, 12, 31),
        streams: &Stream::ALL,
        per_year: 40_480.0,
        source: "IND annual figures 2024 via ANP: 5,480 more than in 2023",
    },
    Production {
        from: ymd(2025, 1, 1),
        to: ymd(2025, 12, 31),
        streams: &[Stream::SafeCountry, Stream::General],
        per_year: 14_300.0 * 365.0 / 265.0,
        source: "Kamerstuk 36820-XX nr. 3: 4,730 first applications granted, 33% of decisions, 1 Jan - 22 Sep 2025",
    },
    Production {
        from: ymd(2025, 1, 1),
        to: ymd(2025, 12, 31),
        streams: &[Stream::FamilyReunification],
        per_year: 14_500.0 * 365.0 / 265.0,
        source: "Kamerstuk 36820-XX nr. 3: 12,790 nareis applications granted, 88% of decisions, 1 Jan - 22 Sep 2025",
    },
];

/// The production figure in force on `day` for `stream` in a phase whose
/// reader's levers act from `from`: the one whose period holds the day and
/// counts the stream; after the newest period, up to
/// [`carried_until`]`(from)`, the newest figure that counts the stream (its
/// rate carries on). A stream no figure of the day counts keeps its own
/// capacity (`None`).
pub fn production(day: Date, stream: Stream, from: Date) -> Option<&'static Production> {
    if day > carried_until(from) {
        return None;
    }
    let mut covering = PRODUCTION.iter().filter(|p| p.covers(stream));
    if let Some(p) = covering.clone().find(|p| p.from <= day && day <= p.to) {
        return Some(p);
    }
    let newest = PRODUCTION.iter().map(|p| p.to).max()?;
    (day > newest)
        .then(|| covering.rfind(|p| p.to == newest))
        .flatten()
}

/// The decision moratorium for Syrian applicants (ANP; published.md
/// "Decisions, 2025"): from December 2024 to June 2025 the IND took no
/// decision on them, except on cases older than 21 months. The model's
/// Syrian cases are track 4's BAA-eligible part (Syrian and Yemeni,
/// parameters.md "BAA pool"). The days within the two months are not
/// published: the first and the last day of the months are taken.
pub struct Moratorium {
    pub from: Date,
    pub to: Date,
    /// Cases at least this old (21 months) are decided as usual.
    pub exempt_after_weeks: i32,
    pub source: &'static str,
}

/// The moratorium as it happened.
pub const MORATORIUM: Moratorium = Moratorium {
    from: ymd(2024, 12, 1),
    to: ymd(2025, 6, 30),
    exempt_after_weeks: 91,
    source: "ANP: decision moratorium for Syrian applicants, December 2024 to June 2025 (about 16,000 cases; cases older than 21 months exempt)",
};

/// The court penalty for not deciding in time as the courts set it from a
/// day on (published.md "Court penalties, 2025-2026"): The Hague district
/// court mostly EUR 100 a day with a cap of EUR 15,000 in 2025 and 2026,
/// and the Raad van State (nareis, 21 May 2025) that the backlog does not
/// justify a lower penalty, so the same cap for nareis. Before it, the
/// scenario's own levers (EUR 100 a day, cap EUR 7,500: parameters.md).
pub struct CourtPenalty {
    pub from: Date,
    pub per_day: f64,
    pub cap: f64,
    pub source: &'static str,
}

/// The court penalty from 2025 on.
pub const COURT_PENALTY_2025: CourtPenalty = CourtPenalty {
    from: ymd(2025, 1, 1),
    per_day: 100.0,
    cap: 15_000.0,
    source: "The Hague district court, 2025-2026: mostly EUR 100 a day, cap EUR 15,000 (ECLI:NL:RBDHA:2025:12330, 2025:13441, 2025:14214, 2025:17013, 2026:2612)",
};

/// Whether a published figure is one of the inputs above, and so left out
/// of the calibration's loss: the intake and the decisions (a run that
/// follows the record is given both).
pub fn used_as_input(p: &Published) -> bool {
    matches!(p.measure, RecordMeasure::Intake | RecordMeasure::Decisions)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_2026_table_gives_its_sum_and_mean() {
        let given: u32 = INTAKE_2026_WEEKLY.iter().flatten().sum();
        assert_eq!(given, 24_770, "published.md: about 24,770 in 29 weeks");
        let mean = intake_2026_mean_per_week();
        assert!((mean - 854.1).abs() < 0.1, "{mean}");
        assert_eq!(intake_2026_week(ymd(2025, 12, 29)), Some(700.0));
        assert_eq!(intake_2026_week(ymd(2026, 1, 19)), Some(mean), "week 4");
        assert_eq!(intake_2026_week(ymd(2026, 7, 20)), Some(840.0), "week 30");
        assert_eq!(intake_2026_week(ymd(2026, 7, 27)), None, "after the table");
        assert_eq!(intake_2026_week(ymd(2025, 12, 22)), None);
    }

    #[test]
    fn production_carries_on_after_the_last_figure() {
        let production = |day, stream| production(day, stream, ymd(2023, 5, 1));
        let p = production(ymd(2024, 6, 3), Stream::General).unwrap();
        assert_eq!(p.per_year, 40_480.0);
        assert_eq!(
            production(ymd(2025, 3, 3), Stream::Dublin),
            None,
            "own capacity"
        );
        assert_eq!(production(ymd(2026, 3, 2), Stream::Dublin), None);
        let asylum = production(ymd(2026, 3, 2), Stream::General).unwrap();
        assert!((asylum.per_year - 19_696.2).abs() < 1.0);
        let nareis = production(ymd(2026, 3, 2), Stream::FamilyReunification).unwrap();
        assert!((nareis.per_year - 19_971.7).abs() < 1.0);
        assert!(production(ymd(2022, 6, 1), Stream::General).is_none());
        assert!(production(RECORD_END, Stream::General).is_some());
        assert!(production(RECORD_END.add_days(1), Stream::General).is_none());
    }

    #[test]
    fn the_outlook_joins_on_the_first_of_the_month_after_the_record() {
        assert_eq!(outlook_from(), ymd(2026, 8, 1));
        assert_eq!(outlook_until(), ymd(2031, 7, 31));
        // The history before that join carries the newest rates on to it.
        assert_eq!(carried_until(outlook_from()), ymd(2026, 7, 31));
        assert_eq!(carried_until(ymd(2023, 5, 1)), RECORD_END);
        let late = production(ymd(2026, 7, 27), Stream::General, outlook_from());
        assert_eq!(
            late,
            production(RECORD_END, Stream::General, outlook_from())
        );
        assert!(production(ymd(2026, 8, 1), Stream::General, outlook_from()).is_none());
    }

    #[test]
    fn the_nareis_share_carries_on() {
        assert_eq!(nareis_share(2023), None);
        assert!((nareis_share(2025).unwrap() - 0.3749).abs() < 1e-3);
        assert_eq!(nareis_share(2027), nareis_share(2025));
    }
}
