//! The scenario: every assumption of a run, typed, with its default and the
//! default's source.
//!
//! `Scenario::default()` is the seed letter's world on 1 May 2023 with the
//! BAA project on. Sources are cited as "seed" (the 2023 letter of the State
//! Secretary, `reference/letter-2023-04-30.txt` beside this crate), "parameters.md"
//! with the row's name (`reference/parameters.md`) or "assumption:" with
//! the reason.
//! The ranges of the fields, their URL keys and their texts live in the lever
//! table (`levers.rs`); this file only says what the numbers mean.

use crate::date::Date;

/// Which decision term applies to the asylum tracks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TermPolicy {
    /// Six months for every asylum application (art. 42 Vw): the extension
    /// is set aside by the courts, retroactively.
    SixMonths,
    /// Fifteen months (six plus the nine-month extension of WBV 2022/22 and
    /// 2023/3) for applications filed before [`Scenario::ext_until`] whose
    /// six-month term had not lapsed on 27 September 2022; six months for
    /// the rest.
    Extended,
    /// Fifteen months for every asylum application: a new extension of six
    /// plus nine months (art. 42(4)(b) Vw), as in the letter, for the
    /// applications filed from [`Scenario::from`] on.
    FifteenMonths,
    /// Bill 36349 (listed by the Eerste Kamer as "published in the
    /// Staatsblad" in 2026; its number and date in force not found): at
    /// most 21 months for asylum and 9 months for family reunification, for
    /// the applications filed from [`Scenario::from`] and from
    /// [`Scenario::bill_36349_from`] on (six months, and the nareis
    /// lever's term, for those filed between).
    Bill36349,
}

/// The order in which regular decision capacity picks cases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WorkOrder {
    /// First in, first out: the oldest application first.
    Fifo,
    /// The seed's forecast: a share of the capacity on cases past their term
    /// (oldest first), the rest on new intake: cases within their term,
    /// newest first. What one part cannot use goes to the other.
    PastTermShare,
    /// Cases with a running court order first (oldest first), then FIFO.
    CourtOrdersFirst,
    /// The newest application first (last in, first out).
    NewestFirst,
}

/// Every assumption of a run. Construct with `Scenario::default()` or from a
/// URL with [`Scenario::from_query`], then change fields; `validated()`
/// clamps what is out of range.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    // ---- horizon ----
    /// First simulated day, a Monday. Default 2023-05-01: seed, the day after
    /// the backlog count of 30 April 2023 (not a lever: the starting backlog
    /// is that day's count).
    pub start: Date,
    /// Last simulated day. Default 2026-12-31: the
    /// project's design ("default to end 2026"); at most ten years after `start`.
    pub end: Date,
    /// The day from which the scenario's own levers apply. Before it the run
    /// follows "as it happened" (the `as_it_happened` preset applied to this
    /// scenario): its intake, capacity, behaviour and, for applications
    /// filed before it, its term rules. Default 2023-05-01 = `start`: every
    /// lever acts from the start, as in the letter.
    pub from: Date,

    // ---- intake ----
    /// Applications per year, all streams (first and repeat asylum
    /// applications, resettlement and family reunification). Default 70,000:
    /// seed, "ruim 70.000" judged most likely (MPP 2023: 49,000 / 67,000 /
    /// 77,000).
    pub intake_per_year: f64,
    /// Growth of the intake per year, as a fraction (0.1 = +10% a year,
    /// compounded weekly). Default 0: assumption, the seed gives one figure
    /// for 2023 only.
    pub intake_growth: f64,
    /// Share of the intake in track 1 (Dublin), a fraction. Default 0.12:
    /// assumption, about one in six first asylum applications is a Dublin
    /// claim; parameters.md gives no split by track.
    pub share_dublin: f64,
    /// Share of the intake in track 2 (safe country), a fraction. Default
    /// 0.025: assumption, small enough that the track-2 backlog of 125
    /// (seed) is a few weeks of intake.
    pub share_safe_country: f64,
    /// Share of the intake that is family reunification (nareis), a fraction.
    /// Default 0.228: parameters.md "2022 intake", 10,925 of 47,911.
    /// Track 4 gets the rest of the intake.
    pub share_family: f64,
    /// Whether the intake follows the published totals per calendar year
    /// (`intake_2023` .. `intake_2025`) in the weeks that start in those
    /// years; `intake_per_year` (with its growth) then applies from 2026.
    /// Default off: the seed's one figure for every year.
    pub intake_by_year: bool,
    /// The intake in 2023 at a rate per year, when `intake_by_year` is on.
    /// Default 50,600: the ministry's count for 2023 (via RD.nl, Jan 2025),
    /// all asylum applications with family reunification and resettlement.
    pub intake_2023: f64,
    /// The intake in 2024. Default 45,600: the ministry's count for 2024
    /// (via RD.nl, Jan 2025), the same scope.
    pub intake_2024: f64,
    /// The intake in 2025. Default 44,000: "close to 44,000 with two weeks
    /// to go" (Hart van Nederland, 22 Dec 2025), the same scope.
    pub intake_2025: f64,

    // ---- the backlog on 30 April 2023 ----
    /// Open track-4 cases at the start. Default 33,555: seed (30 April 2023).
    /// Its age profile is fixed by parameters.md "age of the track-4
    /// backlog": see `initial.rs`.
    pub backlog_general: u32,
    /// Open track-1 cases at the start. Default 3,650: seed.
    pub backlog_dublin: u32,
    /// Open track-2 cases at the start. Default 125: seed.
    pub backlog_safe_country: u32,
    /// Open family-reunification cases at the start. Default 18,000:
    /// parameters.md "stock at the end of 2022" (about 18,000 nareis cases
    /// open), assumed unchanged to 30 April 2023.
    pub backlog_family: u32,

    // ---- capacity ----
    /// Track-4 hearing and decision officers, FTE, as the target level.
    /// Default 532: assumption, the level that with `decisions_per_fte_week`
    /// gives the 2023 commission of 22,184 track-4 decisions a year (seed):
    /// 532 x 0.8 x 52.18 = 22,207. Above 532 the difference is hired (with
    /// the hiring cap and training lag); below it the cut is immediate.
    pub fte: f64,
    /// Track-4 decisions per productive FTE per week. Default 0.8:
    /// assumption (parameters.md: "not published"), about 31 hours per
    /// decision at 1,300 productive hours a year.
    pub decisions_per_fte_week: f64,
    /// Weeks before a new hearing and decision officer is productive.
    /// Default 43 (10 months): parameters.md "training", 9 to 12 months.
    pub training_weeks: u32,
    /// Productive FTE lost to coaching per trainee, a fraction. Default 0.25:
    /// assumption, parameters.md says experienced staff coach the trainees
    /// but gives no figure; a quarter of an FTE is a day a week plus review.
    pub coaching_per_trainee: f64,
    /// Most new track-4 FTE hired per month. Default 15: assumption, the IND
    /// grew by 520 posts in 2022 (parameters.md "staff"), about 43 a month,
    /// of which about a third hearing and decision officers.
    pub hiring_per_month: f64,
    /// Track-1 decisions per year. Default 9,600: assumption, the default
    /// track-1 intake (8,400) plus the 1,200 a year by which the track-1
    /// backlog fell in January to April 2023 (seed: 400 in four months).
    pub capacity_dublin: f64,
    /// Track-2 decisions per year. Default 2,200: assumption, the default
    /// track-2 intake (1,750) plus the 435 a year by which the backlog fell
    /// in January to April 2023 (seed: 145 in four months).
    pub capacity_safe_country: f64,
    /// Family-reunification decisions per year. Default 14,000: assumption,
    /// below the default nareis intake (15,960) because the nareis backlog
    /// kept growing in 2022-2023 (parameters.md "stock at the end of 2022").
    pub capacity_family: f64,

    // ---- BAA ----
    /// BAA extra track-4 decisions per year at full speed, on the eligible
    /// (Syrian and Yemeni) cases. Default 13,000: seed, the target for the
    /// first year from May 2023.
    pub baa_per_year: f64,
    /// First day of the BAA. Default 2023-05-01: seed.
    pub baa_start: Date,
    /// Months the BAA runs. Default 12: seed ("in het eerste jaar"; to be
    /// evaluated after one year).
    pub baa_months: u32,
    /// Weeks over which the BAA ramps up linearly to full speed. Default 8:
    /// assumption, the seed says staff were still being recruited.
    pub baa_ramp_weeks: u32,
    /// Share of track-4 cases (backlog and new intake) eligible for the BAA,
    /// a fraction. Default 0.536: parameters.md "BAA pool", about 18,000 of
    /// the 33,555 track-4 cases; assumption: new intake has the same mix.
    pub baa_share: f64,

    // ---- decision term ----
    /// The asylum decision term. Default `Extended`: seed (WBV 2023/3, kept
    /// for applications filed in 2023).
    pub term: TermPolicy,
    /// Applications filed before this day get the 15-month term under
    /// `Extended`. Default 2024-01-01: seed, WBV 2023/3.
    pub ext_until: Date,
    /// The family-reunification decision term in months. Default 6:
    /// assumption, the three-month term for an entry visa plus one
    /// three-month extension; parameters.md lists no nareis term.
    pub term_family_months: u32,
    /// The day the extension is withdrawn for asylum applications filed
    /// from 1 January 2024 (WBV 2023/26): from then on they have six months
    /// again, so those older than six months are past their term at once.
    /// The lever's last day (2033-04-30) means "not withdrawn", which is
    /// the default: the seed's law. As it happened: June 2025, after the EU
    /// Court's judgment of 8 May 2025 (C-662/23), ANP.
    pub ext_withdrawn: Date,
    /// The day bill 36349 enters into force, under [`TermPolicy::Bill36349`]:
    /// applications filed from this day (and from [`Scenario::from`]) get
    /// its terms. Default 2023-05-01, the first day any date lever takes, so
    /// that the bill applies from `from` as it did before this lever: the
    /// date in force was not found (published.md, "The law, 2025-2026"), so
    /// the reader chooses it.
    pub bill_36349_from: Date,

    // ---- work order ----
    /// How regular capacity picks cases. Default `PastTermShare`: seed, the
    /// forecast's 70/30 split.
    pub work_order: WorkOrder,
    /// Under `PastTermShare`, the fraction of capacity on cases past their
    /// term. Default 0.7: seed.
    pub past_term_share: f64,

    // ---- penalties ----
    /// Whether the statutory penalty (Awb 4:17) is due on the asylum tracks.
    /// Default off: parameters.md, suspended by the Tijdelijke wet opschorting
    /// dwangsommen IND, upheld by the Raad van State on 30 Nov 2022.
    pub statutory_asylum: bool,
    /// Whether the statutory penalty is due on family reunification. Default
    /// on: parameters.md, "still due for family reunification (nareis)".
    pub statutory_family: bool,
    /// The day bill 35749 enters into force: notices of default sent from
    /// this day (and from [`Scenario::from`]) earn no statutory penalty,
    /// on any stream; the appeal with its court penalty stays. The lever's
    /// last day (2033-04-30) means "not in force", the default: the bill is
    /// listed as "published in the Staatsblad" in 2026, its date in force
    /// not found (published.md, "The law, 2025-2026").
    pub statutory_ends: Date,
    /// Fraction of applicants still waiting past their term who send a
    /// notice of default. Default 0.5: assumption, calibrated with
    /// `appeal_share` (README, "Calibration") so that the seed's forecast
    /// world gives about the seed's 20,000 new appeals through 2024.
    pub notice_share: f64,
    /// Weeks after the term lapses before the notice is sent. Default 1:
    /// assumption, lawyers send the notice as soon as the term lapses.
    pub notice_weeks: u32,
    /// Fraction of the applicants with a notice who then appeal for not
    /// deciding in time (BNTB), if still waiting. Default 0.8: assumption,
    /// calibrated with `notice_share`; an appeal costs the applicant nothing
    /// and pays their lawyer.
    pub appeal_share: f64,
    /// The share of nareis applicants past their term who send a notice of
    /// default. Default 0.5, as `notice_share`: the letter's world has one
    /// chain for every stream. The record has its own: the penalties of
    /// 2024 were "mostly nareis" (IND via ANP) and 7% of nareis decisions
    /// came within the term in 2024 (2025D31279), so "as it happened" fits
    /// the nareis chain apart from the asylum one.
    pub notice_share_family: f64,
    /// The share of nareis applicants with a notice who appeal. Default
    /// 0.8, as `appeal_share`.
    pub appeal_share_family: f64,
    /// Weeks after a nareis term lapses before the notice. Default 1, as
    /// `notice_weeks`.
    pub notice_weeks_family: u32,
    /// Weeks after the earliest possible day (two weeks after the notice,
    /// Awb 6:12) before the appeal is filed. Default 0: assumption, the
    /// lawyer who sent the notice appeals as soon as the law allows.
    pub appeal_weeks: u32,
    /// Weeks from the appeal to the court's ruling. Default 8: Awb 8:55b,
    /// the court rules on an appeal for not deciding in time within eight
    /// weeks, as a rule without a hearing.
    pub court_weeks: u32,
    /// Weeks the court gives the IND to decide. Default 8: parameters.md
    /// "court penalty" (Rb Den Haag 2023).
    pub court_term_weeks: u32,
    /// Court penalty per day once the court's term has passed, euros.
    /// Default 100: parameters.md "court penalty" (asylum practice 2022-2025).
    pub court_penalty_per_day: f64,
    /// Maximum court penalty per asylum case, euros. Default 7,500:
    /// parameters.md "court penalty" (asylum practice 2022-2025).
    pub court_penalty_cap: f64,
    /// Maximum court penalty per family-reunification case, euros. Default
    /// 7,500: assumption, a nareis permit is an asylum permit (art. 29(2)
    /// Vw) and its appeals go to the same courts, so their asylum practice
    /// (parameters.md "court penalty") applies; the courts' general policy
    /// (parameters.md, cap EUR 15,000) is the alternative.
    pub court_penalty_cap_family: f64,
    /// Legal-costs award per appeal, euros, due whether the IND decides
    /// before the ruling (Awb 8:75a) or the court rules. Default 837:
    /// assumption, one point of the Besluit proceskosten bestuursrecht at
    /// the 2023 value.
    pub legal_costs_per_appeal: f64,
}

/// Shorthand for constant dates in the defaults; panics only on a typo in a
/// literal, caught by the tests.
pub(crate) const fn ymd(year: i32, month: u32, day: u32) -> Date {
    match Date::from_ymd(year, month, day) {
        Some(d) => d,
        None => panic!("invalid constant date"),
    }
}

impl Default for Scenario {
    fn default() -> Scenario {
        Scenario {
            start: ymd(2023, 5, 1),
            end: ymd(2026, 12, 31),
            from: ymd(2023, 5, 1),
            intake_per_year: 70_000.0,
            intake_growth: 0.0,
            share_dublin: 0.12,
            share_safe_country: 0.025,
            share_family: 0.228,
            intake_by_year: false,
            intake_2023: 50_600.0,
            intake_2024: 45_600.0,
            intake_2025: 44_000.0,
            backlog_general: 33_555,
            backlog_dublin: 3_650,
            backlog_safe_country: 125,
            backlog_family: 18_000,
            fte: 532.0,
            decisions_per_fte_week: 0.8,
            training_weeks: 43,
            coaching_per_trainee: 0.25,
            hiring_per_month: 15.0,
            capacity_dublin: 9_600.0,
            capacity_safe_country: 2_200.0,
            capacity_family: 14_000.0,
            baa_per_year: 13_000.0,
            baa_start: ymd(2023, 5, 1),
            baa_months: 12,
            baa_ramp_weeks: 8,
            baa_share: 0.536,
            term: TermPolicy::Extended,
            ext_until: ymd(2024, 1, 1),
            term_family_months: 6,
            ext_withdrawn: crate::levers::LAST_DAY,
            bill_36349_from: ymd(2023, 5, 1),
            statutory_ends: crate::levers::LAST_DAY,
            work_order: WorkOrder::PastTermShare,
            past_term_share: 0.7,
            statutory_asylum: false,
            statutory_family: true,
            notice_share: 0.5,
            notice_weeks: 1,
            appeal_share: 0.8,
            notice_share_family: 0.5,
            appeal_share_family: 0.8,
            notice_weeks_family: 1,
            appeal_weeks: 0,
            court_weeks: 8,
            court_term_weeks: 8,
            court_penalty_per_day: 100.0,
            court_penalty_cap: 7_500.0,
            court_penalty_cap_family: 7_500.0,
            legal_costs_per_appeal: 837.0,
        }
    }
}

/// The track-4 FTE on 1 May 2023: the default of [`Scenario::fte`]. Staff
/// above this level must be hired and trained; below it they are cut.
pub const FTE_AT_START: f64 = 532.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_capacity_is_the_commission() {
        let s = Scenario::default();
        let per_year = s.fte * s.decisions_per_fte_week * 365.25 / 7.0;
        assert!((per_year - 22_184.0).abs() / 22_184.0 < 0.002, "{per_year}");
        assert_eq!(s.fte, FTE_AT_START);
    }

    #[test]
    fn default_shares_leave_track_4_the_rest() {
        let s = Scenario::default();
        let rest = 1.0 - s.share_dublin - s.share_safe_country - s.share_family;
        assert!((0.6..0.65).contains(&rest), "{rest}");
    }
}
