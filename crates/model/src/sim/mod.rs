//! The simulation: weekly steps over cohorts of cases, per stream.
//!
//! Each week, per stream: the week's intake forms a new cohort (for track 4
//! two: the BAA-eligible part and the rest); the BAA decides eligible
//! track-4 cases, oldest first; regular capacity decides cases in the work
//! order; then the books are kept: the stocks by status as running totals,
//! and the notices, appeals, rulings and penalties of the cohorts whose
//! event or penalty window falls in the week. The README gives every
//! equation.

mod account;
mod cohort;
mod initial;
mod output;
mod penalty;
mod phases;
mod staff;
mod term;
mod whole;
mod work_order;

use crate::date::Date;
use crate::record::inputs;
use crate::run::Run;
use crate::scenario::Scenario;
use crate::stream::Stream;
use account::{CourtRecord, Ledger, Rules};
use cohort::Cohort;
use output::{Row, StreamOut};
use phases::Phases;
use staff::Staff;
use term::Terms;
use whole::{Salt, whole};
use work_order::{Held, Tally};

/// Weeks per year (365.25 / 7): rates per year become rates per week.
pub(crate) const WEEKS_PER_YEAR: f64 = 365.25 / 7.0;

/// Runs the model on `s` (validated first, so any scenario is safe).
#[must_use]
pub fn simulate(s: &Scenario) -> Run {
    let (s, _) = s.clone().validated();
    Fixed::new(&s).run(&s, &[])
}

/// The parts of a run that depend only on the scenario's horizon, terms,
/// event delays, court penalties and starting backlog: the lapse weeks by
/// filing week and the weekly court penalties. Monte Carlo runs vary
/// intake, productivity and behaviour, goal-seek a capacity lever, and a
/// slider most levers, never these, so they compute them once for all
/// their runs.
pub(crate) struct Fixed {
    /// The validated scenario these parts were computed for.
    of: Scenario,
    weeks: usize,
    terms: Terms,
    court_asylum: Vec<f64>,
    court_family: Vec<f64>,
    /// The courts' penalty as the record has it (asylum and nareis alike)
    /// and the due weeks it applies to: from 2025 in the weeks of a phase
    /// that follows the record.
    court_record: Vec<f64>,
    court_record_weeks: (i32, i32),
    /// The history's own court penalties (asylum, nareis) for the orders
    /// due before the join, when a history comes before the levers.
    court_before: Option<(Vec<f64>, Vec<f64>)>,
}

impl Fixed {
    /// The fixed parts of the validated scenario `s`.
    pub(crate) fn new(s: &Scenario) -> Fixed {
        let weeks = horizon_weeks(s);
        let phases = Phases::new(s);
        Fixed {
            of: s.clone(),
            weeks,
            terms: Terms::new(&phases, initial::OLDEST_FILED_WEEK, weeks),
            court_asylum: penalty::court_weekly(
                s.court_penalty_per_day,
                s.court_penalty_cap,
                weeks,
            ),
            court_family: penalty::court_weekly(
                s.court_penalty_per_day,
                s.court_penalty_cap_family,
                weeks,
            ),
            court_record: penalty::court_weekly(
                inputs::COURT_PENALTY_2025.per_day,
                inputs::COURT_PENALTY_2025.cap,
                weeks,
            ),
            court_record_weeks: court_record_weeks(&phases),
            court_before: phases.before().map(|b| {
                (
                    penalty::court_weekly(b.court_penalty_per_day, b.court_penalty_cap, weeks),
                    penalty::court_weekly(
                        b.court_penalty_per_day,
                        b.court_penalty_cap_family,
                        weeks,
                    ),
                )
            }),
        }
    }

    /// Whether these parts hold for the validated scenario `s` as well.
    fn fits(&self, s: &Scenario) -> bool {
        let o = &self.of;
        let terms = |x: &Scenario| {
            (
                x.start,
                x.end,
                x.from,
                x.term,
                x.ext_until,
                x.ext_withdrawn,
                x.term_family_months,
                x.bill_36349_from,
            )
        };
        let events = |x: &Scenario| {
            (
                x.notice_weeks,
                x.notice_weeks_family,
                x.appeal_weeks,
                x.court_weeks,
                x.court_term_weeks,
            )
        };
        let court = |x: &Scenario| {
            (
                x.court_penalty_per_day,
                x.court_penalty_cap,
                x.court_penalty_cap_family,
            )
        };
        let backlog = |x: &Scenario| {
            (
                x.backlog_general,
                x.backlog_dublin,
                x.backlog_safe_country,
                x.backlog_family,
            )
        };
        terms(o) == terms(s)
            && o.intake_by_year == s.intake_by_year
            && events(o) == events(s)
            && court(o) == court(s)
            && backlog(o) == backlog(s)
    }

    /// Runs the validated scenario `s`, with week `t`'s intake (of every
    /// stream) multiplied by `intake_factors[t]` (1 past its end, so `&[]`
    /// is the plain run). If `s` differs from the scenario these parts were
    /// made for in what they depend on, they are made anew for it.
    pub(crate) fn run(&self, s: &Scenario, intake_factors: &[f64]) -> Run {
        let mut run = Run::empty(s.start, self.weeks);
        Scratch::with(|scratch| self.run_into(s, intake_factors, None, scratch, &mut run, None));
        run
    }

    /// [`Fixed::run`] into `run`'s buffer, with the buffers of the weekly
    /// loop kept in `scratch` between runs. With `only`, only the columns
    /// it keeps are written (in place; the others keep what they held):
    /// the Monte Carlo runs read a few columns of thousands of runs.
    pub(crate) fn run_into(
        &self,
        s: &Scenario,
        intake_factors: &[f64],
        at_join: Option<&AtJoin>,
        scratch: &mut Scratch,
        run: &mut Run,
        only: Option<fn(crate::run::Column) -> bool>,
    ) {
        if !self.fits(s) {
            return Fixed::new(s).run_into(s, intake_factors, None, scratch, run, only);
        }
        let weeks = self.weeks;
        let phases = Phases::new(s);
        let staff = match phases.before() {
            Some(before) => Staff::joined(before, s, phases.join),
            None => Staff::new(s),
        };
        let resumed = at_join.filter(|j| j.holds_for(self, &phases, intake_factors));
        for stream in Stream::ALL {
            let work = &mut scratch.streams[stream.index()];
            match resumed {
                Some(j) => {
                    work.restore(&j.streams[stream.index()]);
                    form_cohorts(&phases, self, stream, intake_factors, work, j.week());
                    let rules = stream_rules(&phases, self, stream);
                    run_weeks(&phases, self, stream, &staff, &rules, work, None);
                }
                None => simulate_stream(&phases, self, stream, &staff, intake_factors, work),
            }
            work.out.finish(&work.cohorts);
        }
        let outs = scratch.streams.each_ref().map(|w| &w.out);
        run.reset(s.start, weeks, only.is_some());
        run.join = (phases.join as usize).min(weeks);
        match only {
            None => output::write(
                &mut output::Append {
                    data: run.buffer(),
                    weeks,
                },
                outs,
                weeks,
            ),
            Some(wanted) => output::write(&mut output::Only { run, wanted }, outs, weeks),
        }
    }
}

/// The state of a run at its join, to start many runs from. Before the
/// join a run follows the record ("as it happened"): its weeks there are
/// the same in every run that shares the history, the penalty rules and an
/// unvaried intake before the join, which is what Monte Carlo runs "from
/// now" vary nothing of, so they compute those weeks once and each run
/// starts from here. A run started here is bit for bit the whole run (the
/// weekly loop does exactly the same from here on).
pub(crate) struct AtJoin {
    /// The validated scenario it was computed for (for its fixed parts).
    of: Scenario,
    before: Scenario,
    join: i32,
    rules: (bool, bool, i32, f64),
    /// Each stream's cohorts filed before the join, books and rows.
    streams: [StreamWork; 4],
}

impl AtJoin {
    /// The first week the runs started here compute.
    fn week(&self) -> i32 {
        self.join
    }

    /// Whether the run of the validated scenario `s` with `fixed`'s parts
    /// and `intake_factors` starts here (for the tests of its users).
    #[cfg(test)]
    pub(crate) fn holds_for_run(
        &self,
        fixed: &Fixed,
        s: &Scenario,
        intake_factors: &[f64],
    ) -> bool {
        self.holds_for(fixed, &Phases::new(s), intake_factors)
    }

    /// Whether a run with `fixed`'s parts, `phases` and `intake_factors`
    /// passes through this state: its weeks before the join are those
    /// computed here.
    fn holds_for(&self, fixed: &Fixed, phases: &Phases, intake_factors: &[f64]) -> bool {
        let join = self.join as usize;
        phases.join == self.join
            && phases.before() == Some(&self.before)
            && rules_key(phases.at(fixed.weeks as i32)) == self.rules
            && intake_factors.iter().take(join).all(|&f| f == 1.0)
            && fixed.fits(&self.of)
    }
}

impl Fixed {
    /// The state at the join of the runs of the scenario these parts were
    /// made for; `None` if its levers apply from the start (or its join
    /// lies past the horizon), when there is nothing before them to share.
    pub(crate) fn at_join(&self) -> Option<AtJoin> {
        let s = &self.of;
        let phases = Phases::new(s);
        let before = phases.before()?.clone();
        let join = usize::try_from(phases.join)
            .ok()
            .filter(|&j| j < self.weeks)?;
        let staff = Staff::joined(&before, s, phases.join);
        let streams = Stream::ALL.map(|stream| {
            let mut work = StreamWork::default();
            form_cohorts(&phases, self, stream, &[], &mut work, 0);
            let rules = stream_rules(&phases, self, stream);
            start_books(self.weeks, &rules, &mut work);
            run_weeks(&phases, self, stream, &staff, &rules, &mut work, Some(join));
            // The cohorts filed from the join on are the run's own.
            work.cohorts.truncate(work.started + join * lanes(stream));
            work.intakes.truncate(join);
            work
        });
        Some(AtJoin {
            of: s.clone(),
            rules: rules_key(phases.at(self.weeks as i32)),
            before,
            join: phases.join,
            streams,
        })
    }
}

/// The buffers of a run's weekly loop, kept from one run to the next so
/// that runs after the first allocate nothing but their result.
#[derive(Default)]
pub(crate) struct Scratch {
    streams: [StreamWork; 4],
}

impl Scratch {
    /// Calls `f` with this thread's scratch, so that plain runs
    /// ([`simulate`], goal-seek's) reuse their buffers too; with a fresh one
    /// if this thread's is in use.
    fn with<T>(f: impl FnOnce(&mut Scratch) -> T) -> T {
        thread_local! {
            static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
        }
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => f(&mut scratch),
            Err(_) => f(&mut Scratch::default()),
        })
    }
}

/// One stream's buffers: its cohorts, its intake by week, its books and
/// what it leaves for the run's columns.
#[derive(Default)]
struct StreamWork {
    cohorts: Vec<Cohort>,
    intakes: Vec<u32>,
    ledger: Ledger,
    out: StreamOut,
    /// The cohorts of the backlog at the start, before the first filed.
    started: usize,
    /// The first cohort with cases waiting.
    first_live: usize,
}

impl StreamWork {
    /// The state `other` holds, in this one's buffers.
    fn restore(&mut self, other: &StreamWork) {
        self.cohorts.clone_from(&other.cohorts);
        self.intakes.clone_from(&other.intakes);
        self.ledger.restore(&other.ledger);
        self.out.restore(&other.out);
        self.started = other.started;
        self.first_live = other.first_live;
    }
}

/// Runs one scenario after another, keeping from the last run the parts
/// that depend only on the horizon, the terms, the event delays, the court
/// penalties and the starting backlog while the next scenario shares them:
/// a slider moves one lever at a time, and most levers are none of these.
/// Each run is exactly [`simulate`]'s.
#[derive(Default)]
pub struct Runner {
    last: Option<Fixed>,
    scratch: Scratch,
}

impl Runner {
    /// A runner with nothing kept yet.
    #[must_use]
    pub fn new() -> Runner {
        Runner::default()
    }

    /// Runs the model on `s` (validated first, as by [`simulate`]).
    pub fn run(&mut self, s: &Scenario) -> Run {
        let (s, _) = s.clone().validated();
        let fixed = match self.last.take() {
            Some(fixed) if fixed.fits(&s) => fixed,
            _ => Fixed::new(&s),
        };
        let mut run = Run::empty(s.start, fixed.weeks);
        fixed.run_into(&s, &[], None, &mut self.scratch, &mut run, None);
        self.last = Some(fixed);
        run
    }
}

/// Runs the model on `s` with week `t`'s intake multiplied by
/// `intake_factors[t]` (1 past its end): the hook for week-to-week intake
/// noise. `s` is validated first, as by [`simulate`].
#[must_use]
pub fn simulate_with_intake_factors(s: &Scenario, intake_factors: &[f64]) -> Run {
    let (s, _) = s.clone().validated();
    Fixed::new(&s).run(&s, intake_factors)
}

/// The number of weeks from `start` through `end` (a last, partial week
/// counts whole).
pub(crate) fn horizon_weeks(s: &Scenario) -> usize {
    let days = s.start.days_until(s.end) + 1;
    ((days + 6) / 7).max(1) as usize
}

/// The share of the intake in `stream`; track 4 gets the rest.
fn share(s: &Scenario, stream: Stream) -> f64 {
    match stream {
        Stream::Dublin => s.share_dublin,
        Stream::SafeCountry => s.share_safe_country,
        Stream::FamilyReunification => s.share_family,
        Stream::General => (1.0 - s.share_dublin - s.share_safe_country - s.share_family).max(0.0),
    }
}

/// The due weeks of court orders that cost the courts' penalty as the
/// record has it: from 2025 on, in the phases that follow the record.
fn court_record_weeks(phases: &Phases) -> (i32, i32) {
    let after = phases.at(i32::MAX);
    let lo = term::week_on_or_after(after.start, inputs::COURT_PENALTY_2025.from);
    let before_follows = phases.before().unwrap_or(after).intake_by_year;
    match (before_follows, after.intake_by_year) {
        (true, true) => (lo, i32::MAX),
        (true, false) => (lo, phases.join),
        (false, true) => (lo.max(phases.join), i32::MAX),
        (false, false) => (0, 0),
    }
}

/// The Monday that starts week `t` of a run of `s`.
fn monday(s: &Scenario, t: i32) -> Date {
    s.start.add_days(7 * i64::from(t))
}

/// The intake of `stream` in week `t` as the record has it, per week, if
/// the scenario follows the record there: the weekly table of 2026 where
/// it reaches (and its mean after it), else the published total of the
/// week's year (the levers `intake_2023` .. `intake_2025`); the nareis part
/// as published for the year (CBS), the asylum tracks keeping their
/// proportions.
fn recorded_intake(s: &Scenario, stream: Stream, t: i32) -> Option<f64> {
    if !s.intake_by_year {
        return None;
    }
    let day = monday(s, t);
    let all = match inputs::intake_2026_week(day) {
        Some(per_week) => per_week,
        // Past the table, up to the join of a later phase, the table's
        // mean rate carries on (`inputs::carried_until`).
        None if day > inputs::RECORD_END && day <= inputs::carried_until(s.from) => {
            inputs::intake_2026_mean_per_week()
        }
        None => match day.year() {
            2023 => s.intake_2023 / WEEKS_PER_YEAR,
            2024 => s.intake_2024 / WEEKS_PER_YEAR,
            2025 => s.intake_2025 / WEEKS_PER_YEAR,
            _ => return None,
        },
    };
    let share = match inputs::nareis_share(day.year()) {
        None => share(s, stream),
        Some(nareis) if stream == Stream::FamilyReunification => nareis,
        Some(nareis) => {
            let asylum = 1.0 - s.share_family;
            if asylum > 0.0 {
                share(s, stream) * (1.0 - nareis) / asylum
            } else {
                0.0
            }
        }
    };
    Some(all * share)
}

/// Regular decisions per week in `stream` in week `t`: the stream's own
/// capacity, or where the scenario follows the record and the record has
/// the production of the week's period, that production shared over the
/// streams it counts in the proportions of their own capacities.
fn capacity_per_week(s: &Scenario, stream: Stream, staff: &Staff, t: i32) -> f64 {
    let own = |q: Stream| own_capacity_per_week(s, q, staff, t);
    if !s.intake_by_year {
        return own(stream);
    }
    let Some(p) = inputs::production(monday(s, t), stream, s.from) else {
        return own(stream);
    };
    let counted = Stream::ALL.into_iter().filter(|&q| p.covers(q));
    let (total, n) = counted.fold((0.0, 0.0), |(sum, n), q| (sum + own(q), n + 1.0));
    let per_week = p.per_year / WEEKS_PER_YEAR;
    if total > 0.0 {
        own(stream) * per_week / total
    } else {
        per_week / n
    }
}

/// The cases of the moratorium for Syrian applicants that regular capacity
/// holds in week `t`, if the scenario follows the record.
fn held(s: &Scenario, stream: Stream, t: i32) -> Held {
    let m = &inputs::MORATORIUM;
    // The flag first: a run that does not follow the record (the letter's,
    // a slider's) pays for no date arithmetic here.
    let on = s.intake_by_year && stream == Stream::General && {
        let day = monday(s, t);
        m.from <= day && day <= m.to
    };
    Held {
        younger_than_weeks: on.then_some(m.exempt_after_weeks),
    }
}

/// Regular decisions per week of `stream`'s own: its staff or its lever.
fn own_capacity_per_week(s: &Scenario, stream: Stream, staff: &Staff, t: i32) -> f64 {
    match stream {
        Stream::Dublin => s.capacity_dublin / WEEKS_PER_YEAR,
        Stream::SafeCountry => s.capacity_safe_country / WEEKS_PER_YEAR,
        Stream::FamilyReunification => s.capacity_family / WEEKS_PER_YEAR,
        Stream::General => staff.at(t).productive * s.decisions_per_fte_week,
    }
}

/// The BAA's weeks and speed.
struct Baa {
    first: i32,
    end: i32,
    per_week: f64,
    ramp_weeks: u32,
}

impl Baa {
    fn new(s: &Scenario) -> Baa {
        Baa {
            first: term::week_on_or_after(s.start, s.baa_start),
            end: term::week_on_or_after(s.start, s.baa_start.add_months(s.baa_months as i32)),
            per_week: s.baa_per_year / WEEKS_PER_YEAR,
            ramp_weeks: s.baa_ramp_weeks,
        }
    }

    /// BAA decisions per week in week `t`: zero outside its months, rising
    /// linearly over the ramp-up weeks.
    fn at(&self, t: i32) -> f64 {
        if t < self.first || t >= self.end {
            return 0.0;
        }
        let ramp = if self.ramp_weeks == 0 {
            1.0
        } else {
            (f64::from(t - self.first + 1) / f64::from(self.ramp_weeks)).min(1.0)
        };
        self.per_week * ramp
    }
}

/// The cohorts of `cases` filed in week `filed`, split for track 4 into the
/// rest and the BAA-eligible part (in that order), with their behaviour.
fn push_cohorts(
    s: &Scenario,
    terms: &Terms,
    stream: Stream,
    filed: i32,
    cases: u32,
    cohorts: &mut Vec<Cohort>,
) {
    let si = stream.index();
    let events = terms.events(s, stream, filed);
    let k = i64::from(filed);
    let (notice_share, appeal_share) = match stream {
        Stream::FamilyReunification => (s.notice_share_family, s.appeal_share_family),
        _ => (s.notice_share, s.appeal_share),
    };
    let mut push = |eligible: bool, size: u32| {
        let noticers = whole(f64::from(size) * notice_share, k, Salt::Notice, si);
        let appealers = whole(f64::from(noticers) * appeal_share, k, Salt::Appeal, si);
        cohorts.push(Cohort::new(
            filed, eligible, size, noticers, appealers, events,
        ));
    };
    if stream == Stream::General {
        let eligible = whole(f64::from(cases) * s.baa_share, k, Salt::Eligible, si).min(cases);
        push(false, cases - eligible);
        push(true, eligible);
    } else {
        push(false, cases);
    }
}

/// One stream's weeks under the validated scenario `s`, with the parts
/// `fixed` computed for it (or for one it fits): its rows and its cohorts
/// at the end, in `work`'s buffers.
fn simulate_stream(
    phases: &Phases,
    fixed: &Fixed,
    stream: Stream,
    staff: &Staff,
    intake_factors: &[f64],
    work: &mut StreamWork,
) {
    form_cohorts(phases, fixed, stream, intake_factors, work, 0);
    let rules = stream_rules(phases, fixed, stream);
    start_books(fixed.weeks, &rules, work);
    run_weeks(phases, fixed, stream, staff, &rules, work, None);
}

/// Forms `stream`'s cohorts and intakes from week `from` on, after those
/// `work` holds of the weeks before it (none when `from` is 0: then the
/// backlog at the start, the first phase's, comes first).
fn form_cohorts(
    phases: &Phases,
    fixed: &Fixed,
    stream: Stream,
    intake_factors: &[f64],
    work: &mut StreamWork,
    from: i32,
) {
    let (terms, weeks) = (&fixed.terms, fixed.weeks);
    let si = stream.index();
    let lanes = lanes(stream);
    let StreamWork {
        cohorts,
        intakes,
        started,
        ..
    } = work;
    // Intake does not depend on what happens to the cases, so every cohort
    // of the run is formed up front in one allocation, and week `t` works
    // on the cohorts filed up to `t`.
    if from == 0 {
        let initial = initial::initial_cohorts(phases.at(-1), stream);
        cohorts.clear();
        cohorts.reserve((initial.len() + weeks) * lanes);
        for &(filed, cases) in &initial {
            push_cohorts(phases.at(filed), terms, stream, filed, cases, cohorts);
        }
        *started = cohorts.len();
        intakes.clear();
        intakes.reserve(weeks);
    } else {
        cohorts.reserve((weeks - from as usize) * lanes);
        intakes.reserve(weeks - from as usize);
    }
    // Growth compounds from the first week of the phase whose intake lever
    // it is: from the start before the join, from the join after it. A
    // reader who sets the intake for the years after `from` (an MPP
    // forecast "for 2026" from January 2026) means that intake in the
    // first year from `from`, growing from there; compounding from the
    // start would put years of growth on it before it applies. With `from`
    // at the start there is one phase, and the run is the plain one. (A
    // run resumed at the join starts at 1 there as well.)
    let mut growth = 1.0;
    // Each phase's weekly growth factor, computed once rather than weekly.
    let growth_per_week = |s: &Scenario| (1.0 + s.intake_growth).powf(1.0 / WEEKS_PER_YEAR);
    let growth_before = phases.before().map(growth_per_week);
    let growth_after = growth_per_week(phases.at(weeks as i32));
    for t in from..weeks as i32 {
        if t == phases.join && phases.before().is_some() {
            growth = 1.0;
        }
        let s = phases.at(t);
        let growth_per_week = match growth_before {
            Some(g) if t < phases.join => g,
            _ => growth_after,
        };
        let factor = intake_factors.get(t as usize).copied().unwrap_or(1.0);
        let rate = match recorded_intake(s, stream, t) {
            Some(per_week) => per_week,
            None => s.intake_per_year * share(s, stream) / WEEKS_PER_YEAR * growth,
        };
        let intake = whole(rate * factor, i64::from(t), Salt::Intake, si);
        growth *= growth_per_week;
        push_cohorts(s, terms, stream, t, intake, cohorts);
        intakes.push(intake);
    }
}

/// Cohorts per filing week: track 4 has two (the rest and the
/// BAA-eligible part).
fn lanes(stream: Stream) -> usize {
    if stream == Stream::General { 2 } else { 1 }
}

/// `stream`'s penalty rules: the last phase's, with the court penalties of
/// `fixed`. What they read of the scenario is [`rules_key`].
fn stream_rules<'a>(phases: &Phases, fixed: &'a Fixed, stream: Stream) -> Rules<'a> {
    let s = phases.at(fixed.weeks as i32);
    let (statutory_asylum, statutory_family, statutory_until, legal_per_appeal) = rules_key(s);
    Rules {
        statutory: if stream.is_asylum() {
            statutory_asylum
        } else {
            statutory_family
        },
        statutory_until,
        court_weekly: if stream.is_asylum() {
            &fixed.court_asylum[..]
        } else {
            &fixed.court_family[..]
        },
        court_record: Some(CourtRecord {
            weeks: fixed.court_record_weeks,
            weekly: &fixed.court_record,
        })
        .filter(|r| r.weeks.0 < r.weeks.1),
        court_before: fixed
            .court_before
            .as_ref()
            .map(|(asylum, family)| CourtRecord {
                weeks: (i32::MIN, phases.join),
                weekly: if stream.is_asylum() { asylum } else { family },
            }),
        legal_per_appeal,
    }
}

/// What the penalty rules read of the scenario of the last phase (beside
/// the parts of [`Fixed`]): the statutory penalty for asylum and nareis,
/// the week it ends, the legal costs per appeal.
fn rules_key(s: &Scenario) -> (bool, bool, i32, f64) {
    (
        s.statutory_asylum,
        s.statutory_family,
        penalty::statutory_until(s),
        s.legal_costs_per_appeal,
    )
}

/// Empty books and series before week 0, with the backlog at the start
/// entered.
fn start_books(weeks: usize, rules: &Rules<'_>, work: &mut StreamWork) {
    work.ledger.reset(weeks, rules);
    for c in &work.cohorts[..work.started] {
        work.ledger.enter(c, 0);
    }
    work.first_live = 0;
    work.out.clear(weeks);
}

/// `stream`'s weeks from the week after those `work` holds (its intakes
/// formed, its rows written) up to `until` (the horizon's end if `None`).
fn run_weeks(
    phases: &Phases,
    fixed: &Fixed,
    stream: Stream,
    staff: &Staff,
    rules: &Rules<'_>,
    work: &mut StreamWork,
    until: Option<usize>,
) {
    let si = stream.index();
    let lanes = lanes(stream);
    let StreamWork {
        cohorts,
        intakes,
        ledger,
        out,
        started,
        first_live,
    } = work;
    let started = *started;
    let s = phases.at(fixed.weeks as i32);
    let baa_before = phases.before().map(Baa::new);
    let baa = Baa::new(s);
    let from = out.weeks();
    let until = until.unwrap_or(fixed.weeks).min(intakes.len());
    for (w, &intake) in intakes.iter().enumerate().take(until).skip(from) {
        let t = w as i32;
        if t > 0 {
            ledger.advance(t);
        }
        let filed = started + (w + 1) * lanes;
        for c in &cohorts[filed - lanes..filed] {
            ledger.enter(c, t);
        }

        let mut tally = Tally::default();
        let live = &mut cohorts[*first_live..filed];
        if stream == Stream::General {
            let baa = match &baa_before {
                Some(b) if t < phases.join => b,
                _ => &baa,
            };
            let baa_capacity = whole(baa.at(t), i64::from(t), Salt::Baa, si);
            work_order::baa(live, t, baa_capacity, &mut tally, ledger);
        }
        let p = phases.at(t);
        let capacity = whole(
            capacity_per_week(p, stream, staff, t),
            i64::from(t),
            Salt::Capacity,
            si,
        );
        work_order::regular(
            live,
            t,
            capacity,
            work_order::Rules {
                order: p.work_order,
                past_term_share: p.past_term_share,
                held: held(p, stream, t),
            },
            &mut tally,
            ledger,
        );
        while *first_live < filed && cohorts[*first_live].pending == 0 {
            *first_live += 1;
        }
        let books = ledger.book(t, rules);
        #[cfg(test)]
        check_books(&books, &account::book_by_brute_force(cohorts, t, rules));
        let staff_week = if stream == Stream::General {
            Some(staff.at(t))
        } else {
            None
        };
        out.push(&Row {
            intake,
            capacity,
            tally,
            books,
            staff: staff_week,
        });
    }
}

/// The running books agree with the brute-force ones: counts exactly, euros
/// up to the order of summation.
#[cfg(test)]
fn check_books(fast: &account::Books, slow: &account::Books) {
    assert_eq!(fast.stocks, slow.stocks);
    assert_eq!(
        (fast.notices, fast.appeals, fast.orders),
        (slow.notices, slow.appeals, slow.orders)
    );
    for (a, b) in [
        (fast.statutory_eur, slow.statutory_eur),
        (fast.court_eur, slow.court_eur),
        (fast.legal_eur, slow.legal_eur),
    ] {
        assert!((a - b).abs() <= 1e-9 * a.abs().max(1.0), "{a} vs {b}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parts computed for one scenario and reused for another give exactly
    /// the other's own run, whether they fit it (and are reused) or not (and
    /// are made anew).
    #[test]
    fn reused_parts_give_the_run_of_its_own() {
        let (base, _) = Scenario::default().validated();
        let fixed = Fixed::new(&base);
        let _warm = fixed.run(&base, &[]);
        for query in [
            "intake=90000&productivity=0.7&notice_share=0.6&appeal_share=0.9",
            "fte=800&baa=20000&intake_growth=0.1",
            "term=6&court_weeks=12&backlog_t4=40000",
            "notice_weeks=3&until=2025-06-30",
            "from=2026-01-01&term=36349&term_36349_from=2027-01-04&statutory_ends=2027-01-01",
        ] {
            let (varied, _) = Scenario::from_query(query);
            assert_eq!(fixed.run(&varied, &[]), simulate(&varied), "{query}");
        }
        let factors: Vec<f64> = (0..192)
            .map(|t| 1.0 + 0.3 * ((t % 7) as f64 - 3.0) / 3.0)
            .collect();
        assert_eq!(
            fixed.run(&base, &factors),
            simulate_with_intake_factors(&base, &factors)
        );
        assert_ne!(fixed.run(&base, &factors), simulate(&base));
    }

    /// Runs started from the state at the join are bit for bit the whole
    /// runs: today's outlook with levers, behaviour and productivity moved
    /// after the join and its intake varied from the join on; and where the
    /// state does not hold (the history moved, intake varied before the
    /// join, another horizon, another rule) the run is the whole one too.
    #[test]
    fn runs_from_the_join_are_the_whole_runs() {
        let (base, _) = Scenario::outlook().validated();
        let fixed = Fixed::new(&base);
        let at_join = fixed.at_join().expect("the outlook has a history");
        let join = base.join_week();
        let weeks = horizon_weeks(&base);
        let after: Vec<f64> = (0..weeks)
            .map(|t| {
                if t < join {
                    1.0
                } else {
                    1.0 + 0.2 * ((t % 5) as f64 - 2.0) / 2.0
                }
            })
            .collect();
        let before: Vec<f64> = (0..weeks).map(|t| if t == 3 { 1.1 } else { 1.0 }).collect();
        let mut scratch = Scratch::default();
        let mut cases = 0;
        let moved = |f: fn(&mut Scenario)| {
            let mut s = base.clone();
            f(&mut s);
            s.validated().0
        };
        for (name, varied, factors) in [
            ("as is", base.clone(), &[][..]),
            ("intake varied", base.clone(), &after[..]),
            (
                "behaviour",
                moved(|s| {
                    s.decisions_per_fte_week *= 1.13;
                    s.notice_share = 0.7;
                    s.appeal_share = 0.3;
                }),
                &after[..],
            ),
            (
                "levers",
                moved(|s| {
                    s.fte = 1400.0;
                    s.baa_per_year = 20_000.0;
                    s.work_order = crate::scenario::WorkOrder::CourtOrdersFirst;
                }),
                &[][..],
            ),
            (
                "nareis",
                moved(|s| {
                    s.notice_share_family = 0.3;
                    s.appeal_share_family = 0.5;
                }),
                &after[..],
            ),
            // The history keeps the reader's intake level and growth (where
            // the record has no intake): the state at the join does not hold.
            ("intake", moved(|s| s.intake_growth = 0.05), &[][..]),
            ("intake varied before", base.clone(), &before[..]),
            ("history", moved(|s| s.intake_2025 = 80_000.0), &[][..]),
            (
                "rules",
                moved(|s| s.legal_costs_per_appeal = 2_000.0),
                &[][..],
            ),
            (
                "horizon",
                moved(|s| s.end = crate::scenario::ymd(2030, 12, 31)),
                &[][..],
            ),
        ] {
            let mut run = Run::empty(varied.start, weeks);
            fixed.run_into(
                &varied,
                factors,
                Some(&at_join),
                &mut scratch,
                &mut run,
                None,
            );
            let whole = simulate_with_intake_factors(&varied, factors);
            assert_eq!(run, whole, "{name}");
            let phases = Phases::new(&varied);
            cases += usize::from(at_join.holds_for(&fixed, &phases, factors));
        }
        // The first five start from the join, the last five cannot.
        assert_eq!(cases, 5);
        assert!(Fixed::new(&Scenario::default()).at_join().is_none());
    }

    /// A runner's runs are the plain ones, whether it keeps its parts (a
    /// lever they do not depend on changed) or makes them anew.
    #[test]
    fn a_runner_gives_the_plain_runs() {
        let mut runner = Runner::new();
        for query in [
            "",
            "fte=900",
            "fte=901&baa=20000",
            "term=6",
            "term=6&intake=90000",
            "until=2030-12-31",
            "",
        ] {
            let (s, _) = Scenario::from_query(query);
            assert_eq!(runner.run(&s), simulate(&s), "{query}");
        }
    }

    /// Conservation per cohort: every case filed is decided or waiting,
    /// and the waiting behaviour types are consistent.
    #[test]
    fn every_cohort_keeps_its_cases() {
        for query in [
            "",
            "term=6&order=court",
            "order=newest&fte=900",
            "intake=150000&baa=40000",
        ] {
            let (s, _) = Scenario::from_query(query);
            let staff = Staff::new(&s);
            let fixed = Fixed::new(&s);
            let mut run = StreamWork::default();
            for stream in Stream::ALL {
                simulate_stream(&Phases::new(&s), &fixed, stream, &staff, &[], &mut run);
                let decided = run.out.decisions().iter().sum::<f64>() as u64;
                let mut filed = 0u64;
                for c in &run.cohorts {
                    assert_eq!(
                        c.decided + c.pending,
                        c.size(),
                        "{query} {stream:?} week {}",
                        c.filed
                    );
                    assert!(
                        c.pending_appealers <= c.pending_noticers
                            && c.pending_noticers <= c.pending
                    );
                    filed += u64::from(c.size());
                }
                let waiting: u64 = run.cohorts.iter().map(|c| u64::from(c.pending)).sum();
                assert_eq!(filed, decided + waiting, "{query} {stream:?}");
            }
        }
    }
}
