//! Decision terms and the weeks at which a cohort's cases change status.

use super::cohort::Events;
use super::phases::Phases;
use crate::date::Date;
use crate::scenario::{Scenario, TermPolicy, ymd};
use crate::stream::Stream;

/// The asylum term without extension: six months (art. 42(1) Vw).
const ASYLUM_TERM_MONTHS: i32 = 6;
/// The extended term: six plus nine months (art. 42(4)(b) Vw, WBV 2022/22).
const EXTENDED_TERM_MONTHS: i32 = 15;
/// The most months for an asylum decision under bill 36349 (published in
/// the Staatsblad in 2026, its date in force not found).
const BILL_36349_ASYLUM_MONTHS: i32 = 21;
/// The most months for a family-reunification decision under bill 36349.
const BILL_36349_FAMILY_MONTHS: i32 = 9;
/// The extension covered applications whose six-month term had not lapsed
/// on the day WBV 2022/22 was published (seed).
const EXTENSION_PUBLISHED: Date = ymd(2022, 9, 27);
/// The first filing day covered by WBV 2023/26, which extended the term to
/// the applications filed in 2024; the extension was withdrawn for these
/// applications after the EU Court's judgment of 8 May 2025 (C-662/23).
pub(crate) const WBV_2023_26_FROM: Date = ymd(2024, 1, 1);
/// The earliest appeal for not deciding in time: two weeks after the notice
/// of default (Awb 6:12(2)).
const APPEAL_AFTER_NOTICE_WEEKS: i32 = 2;

/// A filing day with the days six and fifteen months after it: month
/// arithmetic is the costliest part of forming a cohort, and every term
/// rule and age measure asks for one of these two.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Filed {
    on: Date,
    six_months: Date,
    fifteen_months: Date,
}

impl Filed {
    pub fn new(on: Date) -> Filed {
        let (six_months, fifteen_months) =
            on.add_months_both(ASYLUM_TERM_MONTHS, EXTENDED_TERM_MONTHS);
        Filed {
            on,
            six_months,
            fifteen_months,
        }
    }

    /// The same day `months` calendar months after filing.
    fn after(&self, months: i32) -> Date {
        match months {
            ASYLUM_TERM_MONTHS => self.six_months,
            EXTENDED_TERM_MONTHS => self.fifteen_months,
            _ => self.on.add_months(months),
        }
    }
}

/// The decision term, in months, of a case of `stream` filed on `filed`.
fn term_months(s: &Scenario, stream: Stream, filed: &Filed) -> i32 {
    // The bill's terms hold for the applications filed from its date in
    // force; those filed before it keep the law they were filed under: six
    // months, and the nareis lever's term.
    let bill = s.term == TermPolicy::Bill36349 && filed.on >= s.bill_36349_from;
    if stream == Stream::FamilyReunification {
        return if bill {
            BILL_36349_FAMILY_MONTHS
        } else {
            s.term_family_months as i32
        };
    }
    match s.term {
        TermPolicy::SixMonths => ASYLUM_TERM_MONTHS,
        TermPolicy::FifteenMonths => EXTENDED_TERM_MONTHS,
        TermPolicy::Bill36349 if bill => BILL_36349_ASYLUM_MONTHS,
        TermPolicy::Bill36349 => ASYLUM_TERM_MONTHS,
        TermPolicy::Extended => {
            let running_on_publication = filed.six_months >= EXTENSION_PUBLISHED;
            if filed.on < s.ext_until && running_on_publication {
                EXTENDED_TERM_MONTHS
            } else {
                ASYLUM_TERM_MONTHS
            }
        }
    }
}

/// The first week (from `start`) that starts on or after `day`.
pub(crate) fn week_on_or_after(start: Date, day: Date) -> i32 {
    let days = start.days_until(day);
    (days + 6)
        .div_euclid(7)
        .clamp(i64::from(i32::MIN / 2), i64::from(i32::MAX / 2)) as i32
}

/// The day on which the term of a case of `stream` filed on `filed` lapses
/// under scenario `s`. When the extension is withdrawn (`ext_withdrawn`
/// before the lever's last day, which means "not withdrawn"), an extended
/// asylum case filed on or after [`WBV_2023_26_FROM`] has six months again:
/// its term lapses six months after filing, but not before the withdrawal,
/// and never later than its fifteen months.
pub(crate) fn lapse_day(s: &Scenario, stream: Stream, filed: &Filed) -> Date {
    let months = term_months(s, stream, filed);
    let extended = filed.after(months);
    let withdrawn = s.ext_withdrawn < crate::levers::LAST_DAY
        && s.term == TermPolicy::Extended
        && stream.is_asylum()
        && months == EXTENDED_TERM_MONTHS
        && filed.on >= WBV_2023_26_FROM;
    if withdrawn {
        extended.min(filed.six_months.max(s.ext_withdrawn))
    } else {
        extended
    }
}

/// The week in which the term of a case of `stream` filed on `filed`
/// lapses under scenario `s`.
fn lapse_week(s: &Scenario, start: Date, stream: Stream, filed: &Filed) -> i32 {
    week_on_or_after(start, lapse_day(s, stream, filed))
}

/// The first weeks in which a case filed on `filed` is six and fifteen
/// months old.
fn age_weeks(start: Date, filed: &Filed) -> (i32, i32) {
    (
        week_on_or_after(start, filed.six_months),
        week_on_or_after(start, filed.fifteen_months),
    )
}

/// The lapse weeks of one run by filing week, for the asylum tracks (which
/// share their term rules) and for nareis, under the scenario and under the
/// rules in force at the start. Computed once per run: date arithmetic in
/// months is the costliest part of forming a cohort.
pub(crate) struct Terms {
    first: i32,
    /// (scenario, historical) lapse week per filing week from `first`.
    asylum: Vec<(i32, i32)>,
    family: Vec<(i32, i32)>,
    /// The weeks in which the cases filed in each week from `first` are
    /// six and fifteen months old.
    ages: Vec<(i32, i32)>,
}

impl Terms {
    /// The lapse weeks of cohorts filed in weeks `first..weeks`.
    /// Each cohort's term follows the rules of its filing week's phase.
    pub fn new(phases: &Phases, first: i32, weeks: usize) -> Terms {
        let historical = Scenario::default();
        let s = phases.at(weeks as i32);
        let filed: Vec<Filed> = (first..weeks as i32)
            .map(|week| Filed::new(s.start.add_days(7 * i64::from(week))))
            .collect();
        let table = |stream: Stream| {
            (first..)
                .zip(&filed)
                .map(|(week, filed)| {
                    let lapse = lapse_week(phases.at(week), s.start, stream, filed);
                    let then = if week < 0 {
                        lapse_week(&historical, s.start, stream, filed)
                    } else {
                        lapse
                    };
                    (lapse, then)
                })
                .collect()
        };
        let ages = filed.iter().map(|f| age_weeks(s.start, f)).collect();
        Terms {
            first,
            asylum: table(Stream::General),
            family: table(Stream::FamilyReunification),
            ages,
        }
    }

    /// The status weeks of a cohort of `stream` filed in week `filed`. The
    /// filing date is the first day of that week: the earliest, so a term
    /// never lapses later than the law says.
    ///
    /// The past is not rewritten: for a case filed before the start whose
    /// term the scenario shortens (the extension set aside, retroactively),
    /// the term has lapsed, but no notice could have been sent before the
    /// start while the term in force then still ran; the notice comes at the
    /// start at the earliest, and the appeal and ruling follow from there.
    pub fn events(&self, s: &Scenario, stream: Stream, filed: i32) -> Events {
        let table = if stream.is_asylum() {
            &self.asylum
        } else {
            &self.family
        };
        let index = usize::try_from(filed - self.first).ok();
        let (aged_6_months, aged_15_months) = index
            .and_then(|i| self.ages.get(i).copied())
            .unwrap_or_else(|| {
                age_weeks(s.start, &Filed::new(s.start.add_days(7 * i64::from(filed))))
            });
        let (lapse, historical) = index
            .and_then(|i| table.get(i).copied())
            .unwrap_or_else(|| {
                let filed_on = Filed::new(s.start.add_days(7 * i64::from(filed)));
                let lapse = lapse_week(s, s.start, stream, &filed_on);
                (
                    lapse,
                    lapse_week(&Scenario::default(), s.start, stream, &filed_on),
                )
            });
        let delay = match stream {
            Stream::FamilyReunification => s.notice_weeks_family,
            _ => s.notice_weeks,
        };
        let mut notice = lapse + delay as i32;
        if filed < 0 && lapse < historical && historical >= 0 {
            notice = notice.max(0);
        }
        let appeal = notice + APPEAL_AFTER_NOTICE_WEEKS + s.appeal_weeks as i32;
        let ruling = appeal + s.court_weeks as i32;
        Events {
            lapse,
            notice,
            appeal,
            ruling,
            court_due: ruling + s.court_term_weeks as i32,
            aged_6_months,
            aged_15_months,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn the_extension_covers_the_seed_s_cases() {
        let s = Scenario::default();
        let g = Stream::General;
        assert_eq!(
            term_months(&s, g, &Filed::new(d("2022-03-26"))),
            6,
            "lapsed before 27 Sep 2022"
        );
        assert_eq!(
            term_months(&s, g, &Filed::new(d("2022-03-27"))),
            15,
            "still running then"
        );
        assert_eq!(term_months(&s, g, &Filed::new(d("2023-12-31"))), 15);
        assert_eq!(term_months(&s, g, &Filed::new(d("2024-01-01"))), 6);
        assert_eq!(
            term_months(
                &s,
                Stream::FamilyReunification,
                &Filed::new(d("2023-06-01"))
            ),
            6
        );
        let six = Scenario {
            term: TermPolicy::SixMonths,
            ..s
        };
        assert_eq!(term_months(&six, g, &Filed::new(d("2023-06-01"))), 6);
    }

    #[test]
    fn the_withdrawal_gives_2024_filings_six_months_from_the_withdrawal_on() {
        let (s, w) = Scenario::from_query("ext_until=2025-01-01&ext_withdrawn=2025-06-01");
        assert!(w.is_empty(), "{w:?}");
        let g = Stream::General;
        // Filed June 2024: six months lapsed before the withdrawal, fifteen
        // would run after it: the term lapses on the day of the withdrawal.
        assert_eq!(
            lapse_day(&s, g, &Filed::new(d("2024-06-03"))).to_string(),
            "2025-06-01"
        );
        // Filed February 2024: fifteen months end before the withdrawal.
        assert_eq!(
            lapse_day(&s, g, &Filed::new(d("2024-02-01"))).to_string(),
            "2025-05-01"
        );
        // Filed December 2024: six months after filing, after the withdrawal.
        assert_eq!(
            lapse_day(&s, g, &Filed::new(d("2024-12-16"))).to_string(),
            "2025-06-16"
        );
        // Filed in 2023: the withdrawal does not reach them.
        assert_eq!(
            lapse_day(&s, g, &Filed::new(d("2023-06-05"))).to_string(),
            "2024-09-05"
        );
        // Nareis has its own term.
        assert_eq!(
            lapse_day(
                &s,
                Stream::FamilyReunification,
                &Filed::new(d("2024-01-08"))
            )
            .to_string(),
            "2024-07-08"
        );
        // Without the withdrawal, 2024 filings keep fifteen months.
        let (kept, _) = Scenario::from_query("ext_until=2025-01-01");
        assert_eq!(
            lapse_day(&kept, g, &Filed::new(d("2024-01-08"))).to_string(),
            "2025-04-08"
        );
    }

    #[test]
    fn events_follow_each_other() {
        let s = Scenario::default();
        let e = Terms::new(&Phases::new(&s), -104, 192).events(&s, Stream::General, 0);
        // Filed 1 May 2023, 15 months: lapses 1 Aug 2024, 66 weeks and 3 days on.
        assert_eq!(e.lapse, 66);
        assert_eq!(e.notice, 67);
        assert_eq!(e.appeal, 69);
        assert_eq!(e.ruling, 77);
        assert_eq!(e.court_due, 85);
        assert_eq!(week_on_or_after(s.start, d("2023-04-30")), 0);
        assert_eq!(week_on_or_after(s.start, d("2023-04-24")), -1);
        assert_eq!(week_on_or_after(s.start, d("2023-04-23")), -1);
    }

    #[test]
    fn a_retroactive_six_month_term_does_not_rewrite_the_past() {
        let six = Scenario {
            term: TermPolicy::SixMonths,
            ..Scenario::default()
        };
        // Filed a year before the start: 15 months ran on, 6 months had lapsed.
        let terms = Terms::new(&Phases::new(&six), -104, 192);
        let e = terms.events(&six, Stream::General, -52);
        assert!(e.lapse < 0);
        assert_eq!((e.notice, e.appeal), (0, 2));
        // Filed two years before: lapsed under either term, history stands.
        let old = terms.events(&six, Stream::General, -104);
        let default = Scenario::default();
        assert_eq!(
            old,
            Terms::new(&Phases::new(&default), -104, 192).events(&default, Stream::General, -104)
        );
        // Outside the table the same rules apply.
        assert_eq!(
            terms.events(&six, Stream::General, -300),
            Terms::new(&Phases::new(&six), 0, 1).events(&six, Stream::General, -300)
        );
    }

    /// Bill 36349 from 1 January 2026: a case filed in the week before the
    /// join keeps the rules of "as it happened" (six months, asylum and
    /// nareis alike); one filed in the join week gets 21 months (asylum) or
    /// 9 months (nareis).
    #[test]
    fn the_bill_s_terms_apply_to_cases_filed_from_the_join() {
        let (s, w) = Scenario::from_query("from=2026-01-01&term=36349&until=2030-12-31");
        assert!(w.is_empty(), "{w:?}");
        let phases = Phases::new(&s);
        let join = phases.join;
        // 1 January 2026 is a Thursday: the join is Monday 5 January.
        assert_eq!(s.start.add_days(7 * i64::from(join)), d("2026-01-05"));
        let weeks = super::super::horizon_weeks(&s);
        let terms = Terms::new(&phases, -104, weeks);
        let lapse =
            |stream: Stream, filed: i32| terms.events(phases.at(filed), stream, filed).lapse;
        let week_of = |day: &str| week_on_or_after(s.start, d(day));
        // Filed Monday 29 December 2025: six months, 29 June 2026.
        assert_eq!(lapse(Stream::General, join - 1), week_of("2026-06-29"));
        assert_eq!(
            lapse(Stream::FamilyReunification, join - 1),
            week_of("2026-06-29")
        );
        // Filed Monday 5 January 2026: 21 months, 5 October 2027; nareis 9
        // months, 5 October 2026.
        assert_eq!(lapse(Stream::General, join), week_of("2027-10-05"));
        assert_eq!(lapse(Stream::Dublin, join), week_of("2027-10-05"));
        assert_eq!(
            lapse(Stream::FamilyReunification, join),
            week_of("2026-10-05")
        );
        // A case filed under the bill sends its notice after its own term.
        let e = terms.events(phases.at(join), Stream::General, join);
        assert_eq!(e.notice, e.lapse + s.notice_weeks as i32);
    }

    /// Bill 36349 in force from a date the reader chose, after the join:
    /// the applications filed between the join and that date keep six
    /// months (nareis: the lever's term); those filed from it get 21 and 9.
    #[test]
    fn the_bill_s_terms_apply_from_its_date_in_force() {
        let (s, w) = Scenario::from_query(
            "from=2026-01-01&term=36349&term_36349_from=2027-01-04&until=2030-12-31",
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(s.bill_36349_from, d("2027-01-04"));
        let phases = Phases::new(&s);
        let terms = Terms::new(&phases, -104, super::super::horizon_weeks(&s));
        let week_of = |day: &str| week_on_or_after(s.start, d(day));
        let lapse =
            |stream: Stream, filed: i32| terms.events(phases.at(filed), stream, filed).lapse;
        // Filed Monday 28 December 2026, after the join, before the date.
        let before = week_of("2026-12-28");
        assert_eq!(lapse(Stream::General, before), week_of("2027-06-28"));
        assert_eq!(
            lapse(Stream::FamilyReunification, before),
            week_of("2027-06-28"),
            "the nareis lever's six months"
        );
        // Filed Monday 4 January 2027, the day in force.
        let from = week_of("2027-01-04");
        assert_eq!(lapse(Stream::General, from), week_of("2028-10-04"));
        assert_eq!(
            lapse(Stream::FamilyReunification, from),
            week_of("2027-10-04")
        );
        // A date before the join changes nothing: the history stands.
        let (early, _) = Scenario::from_query(
            "from=2026-01-01&term=36349&term_36349_from=2024-01-01&until=2030-12-31",
        );
        let (plain, _) = Scenario::from_query("from=2026-01-01&term=36349&until=2030-12-31");
        assert_eq!(crate::simulate(&early), crate::simulate(&plain));
    }
}
