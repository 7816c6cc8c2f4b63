//! Goal-seek: the least value of a capacity lever (track-4 FTE or the BAA)
//! with which a goal is reached, by bisection on the model.
//!
//! A goal is tested as the cards test it, by one definition each (in
//! `summary.rs`): "back within term by D" is met when the card "back
//! within term" shows a month no later than D (every stream, from the
//! join); a cost goal counts the cards' cost window (penalties and legal
//! costs from the join, in the weeks that start before the end of its
//! year). So the answer, applied, makes the card agree. A goal after the
//! horizon extends the runs to it (at most ten years after `from`), and
//! the answer says so and applies that end too.
//!
//! Bisection relies on monotonicity: if the goal is met at a value, it is
//! met at every higher value (more capacity never leaves more asylum cases
//! past their term, nor a higher cost to date). The README shows this holds
//! exactly for more trained capacity under first in, first out. It does not
//! always hold here: hired FTE are trainees first and cost coaching time,
//! so more FTE can mean fewer decisions for most of a year; and the other
//! work orders may decide a different mix of cases. So the search checks
//! it: before bisecting it evaluates the lever at nine evenly spaced values
//! (the minimum and maximum among them) and bisects between the lowest that
//! meets the goal and the one below it. If a higher one misses the goal, the
//! answer carries that [`Violation`]: the goal is then met at the answer
//! and missed one step below it, but a value between two of the nine could
//! still meet it for less. If none of the nine meets the goal it is called
//! unreachable, with the shortfall at the maximum.

use crate::date::Date;
use crate::levers::number::{self, LoneGroup};
use crate::levers::{Adjustment, LeverKind, Named};
use crate::run::{Column, Measure, Run};
use crate::scenario::Scenario;
use crate::sim::Fixed;
use crate::stream::Stream;
use crate::summary::{back_in_term_from, cost_window};
use crate::text::Lang;
use crate::warning::{Warning, WarningKind};

/// What the lever should achieve.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Goal {
    /// The card "back within term" shows this day's month or an earlier
    /// one: from the first of that month to the horizon's end no case of
    /// any stream is past its term at the end of a week.
    InTermBy(Date),
    /// Penalties and legal costs, all streams, in the weeks from the join
    /// that start before `before`, at most `eur`.
    CostUnder { before: Date, eur: f64 },
}

/// The goal's keys, for its warnings (see [`super::settings::label`]).
pub(crate) const KEY_GOAL_YEAR: &str = "goal_year";
pub(crate) const KEY_GOAL_EUR: &str = "goal_eur";

/// The most euros a cost goal can name: far beyond any run's cost.
const MAX_GOAL_EUR: f64 = 1e12;

impl Goal {
    /// Reads `in-term-by=YYYY-MM-DD` or `cost-YYYY-under=EUR` (the cost of
    /// the weeks starting up to the end of year YYYY), numbers as a Dutch
    /// reader writes them (as links are read); see [`Goal::cost`] for what
    /// is repaired. A value that is repaired is said on stderr by the
    /// command line, as the page says it beside the fields.
    pub fn read(text: &str) -> Result<(Goal, Vec<Warning>), String> {
        let (key, value) = text
            .split_once('=')
            .ok_or_else(|| format!("'{text}' is not KEY=VALUE"))?;
        if key == "in-term-by" {
            let day = value
                .parse::<Date>()
                .map_err(|e| format!("'{value}': {e}"))?;
            return Ok((Goal::InTermBy(day), Vec::new()));
        }
        let year = key
            .strip_prefix("cost-")
            .and_then(|k| k.strip_suffix("-under"))
            .ok_or_else(|| {
                format!("unknown goal '{key}': use in-term-by=YYYY-MM-DD or cost-YYYY-under=EUR")
            })?;
        let (goal, warnings) = Goal::cost(year, value, Lang::Nl);
        match goal {
            Some(goal) => Ok((goal, warnings)),
            None => Err(warnings
                .iter()
                .map(|w| w.message(Lang::En))
                .collect::<Vec<_>>()
                .join(" ")),
        }
    }

    /// [`Goal::read`] without what was repaired.
    pub fn parse(text: &str) -> Result<Goal, String> {
        Goal::read(text).map(|(goal, _)| goal)
    }

    /// A cost goal from a year and an amount as typed in `lang`, read by
    /// the levers' one number reader (`20.000.000` on the Dutch page,
    /// `20,000,000` on the English one, `20000000,50` is twenty million and
    /// fifty cents in both). A year outside the years a run can cover
    /// (those of the `until` lever's range) or an amount below zero or
    /// beyond a trillion is brought to the nearest end, with a warning;
    /// an unreadable one gives no goal, with a warning.
    pub fn cost(year: &str, eur: &str, lang: Lang) -> (Option<Goal>, Vec<Warning>) {
        let mut warnings = Vec::new();
        let (first, last) = match &Named::Until.lever().kind {
            LeverKind::Date(d) => (d.min.year(), d.max.year()),
            _ => unreachable!("until is a date lever"),
        };
        let mut read = |key: &str, text: &str, lone, lo: f64, hi: f64, whole: bool| {
            let Some(x) = number::read(text, lang, lone) else {
                warnings.push(Warning {
                    key: key.to_owned(),
                    given: text.to_owned(),
                    used: None,
                    kind: WarningKind::Unreadable,
                });
                return None;
            };
            let (used, adjustment) = if x < lo {
                (lo, Some(Adjustment::Minimum))
            } else if x > hi {
                (hi, Some(Adjustment::Maximum))
            } else if whole && x.fract() != 0.0 {
                (x.round(), Some(Adjustment::Rounded))
            } else {
                (x, None)
            };
            if let Some(a) = adjustment {
                warnings.push(Warning {
                    key: key.to_owned(),
                    given: text.to_owned(),
                    used: Some(number::link_text(used)),
                    kind: WarningKind::Adjusted(a),
                });
            }
            Some(used)
        };
        let year = read(
            KEY_GOAL_YEAR,
            year,
            LoneGroup::Thousands,
            f64::from(first),
            f64::from(last),
            true,
        );
        let eur = read(
            KEY_GOAL_EUR,
            eur,
            LoneGroup::ByLanguage,
            0.0,
            MAX_GOAL_EUR,
            false,
        );
        let goal = year.zip(eur).and_then(|(year, eur)| {
            let before = Date::from_ymd(year as i32 + 1, 1, 1)?;
            Some(Goal::CostUnder { before, eur })
        });
        (goal, warnings)
    }

    /// The goals a form offers first for scenario `s`, so that they mean
    /// something in its view: back within term by the first of the month
    /// after the horizon's end (the card's "not before" month), and the
    /// cost through the year the levers start in (2024, the letter's
    /// horizon, when they apply from the start).
    pub fn defaults(s: &Scenario) -> (Date, i32) {
        let (s, _) = s.clone().validated();
        let after_end = s.end.add_days(1);
        let day = if after_end.day() == 1 {
            after_end
        } else {
            after_end.first_of_month().add_months(1)
        };
        let join = s.counts_from();
        let year = if s.join_week() == 0 {
            2024.min(s.end.year())
        } else {
            join.year()
        };
        (day, year)
    }

    /// The first day the goal needs the runs to cover.
    fn needs_until(self) -> Date {
        match self {
            Goal::InTermBy(day) => day.add_days(-1),
            Goal::CostUnder { before, .. } => before.add_days(-1),
        }
    }

    /// Whether `run` meets the goal, by the cards' own definitions.
    pub fn met(self, run: &Run) -> bool {
        match self {
            Goal::InTermBy(day) => {
                back_in_term_from(run, run.join_week(), |_| true).is_some_and(|m| m <= day)
            }
            Goal::CostUnder { before, eur } => {
                cost_window(run, run.join_week(), Some(before)) <= eur
            }
        }
    }
}

/// The lever the search moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GoalLever {
    /// Track-4 FTE (`fte`).
    Fte,
    /// BAA decisions a year (`baa`), for the months the BAA runs.
    Baa,
}

impl GoalLever {
    /// The lever in the lever table.
    pub fn lever(self) -> Named {
        match self {
            GoalLever::Fte => Named::Fte,
            GoalLever::Baa => Named::Baa,
        }
    }

    /// The lever's URL key.
    pub fn key(self) -> &'static str {
        self.lever().key()
    }

    fn set(self, s: &mut Scenario, v: f64) {
        match self {
            GoalLever::Fte => s.fte = v,
            GoalLever::Baa => s.baa_per_year = v,
        }
    }

    /// The lever's range and step from the lever table.
    pub fn grid(self) -> (f64, f64, f64) {
        match &self.lever().lever().kind {
            LeverKind::Number(n) => (n.min, n.max, n.step),
            _ => unreachable!("fte and baa are number levers"),
        }
    }
}

/// The goal is met at a value but missed at a higher one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Violation {
    pub met_at: f64,
    pub missed_at: f64,
}

/// How far the goal is missed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shortfall {
    /// Cases still past term at the end of the week starting `week` (the
    /// worst such week from the goal's day on); `lever_cannot_decide`
    /// names a stream with cases past term that the lever does not decide
    /// (tracks 1 and 2 and family reunification have capacities of their
    /// own).
    PastTerm {
        cases: f64,
        week: Date,
        lever_cannot_decide: Option<Stream>,
    },
    /// The cost in the goal's window, euros.
    Cost { eur: f64 },
}

/// The search's answer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Outcome {
    /// The goal is met at `value` and, unless `value` is the lever's
    /// minimum, missed one step below it.
    Reached {
        value: f64,
        violation: Option<Violation>,
    },
    /// The goal's day lies more than ten years after `from`: no run
    /// reaches it; the furthest a run can end is `end`.
    AfterHorizon { end: Date },
    /// The goal's day lies before the levers apply (`from`'s week starts
    /// on `join`): what happened before cannot be changed.
    BeforeLevers { join: Date },
    /// Even at the lever's maximum the goal is missed. `productive_fte`:
    /// the track-4 FTE producing decisions at the lever's maximum in the
    /// week that misses the goal, which hiring and training limit.
    Unreachable {
        max: f64,
        shortfall: Shortfall,
        productive_fte: f64,
        hiring_per_month: f64,
    },
}

/// A goal-seek's result.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GoalResult {
    pub lever: GoalLever,
    pub goal: Goal,
    pub outcome: Outcome,
    /// The horizon's end the runs used, when the goal lay after the
    /// scenario's own end: the answer holds for a run to that day.
    pub extended_to: Option<Date>,
    /// The first day of the levers' first week: cost goals count from it.
    pub join: Date,
    /// Model runs the search made.
    pub evaluations: u32,
}

/// The weeks that end on or after `day`.
fn weeks_from(run: &Run, day: Date) -> std::ops::Range<usize> {
    let first = (0..run.weeks())
        .find(|&w| run.week_start(w).add_days(6) >= day)
        .unwrap_or(run.weeks());
    first..run.weeks()
}

fn overdue(run: &Run, w: usize) -> f64 {
    Stream::ALL
        .iter()
        .map(|&s| run.series(Column::of(Measure::BacklogOverdue, s))[w])
        .sum()
}

/// The most cases past term at the end of a week ending on or after
/// `day`, and that week; `None` if there are none.
fn past_term_from(run: &Run, day: Date) -> Option<(f64, usize)> {
    weeks_from(run, day)
        .map(|w| (overdue(run, w), w))
        .filter(|&(cases, _)| cases > 0.0)
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
}

fn shortfall(goal: Goal, run: &Run, lever: GoalLever) -> Shortfall {
    match goal {
        Goal::InTermBy(day) => {
            let (cases, w) = past_term_from(run, day).unwrap_or((0.0, 0));
            let decides = |s: Stream| match lever {
                GoalLever::Fte | GoalLever::Baa => s == Stream::General,
            };
            let lever_cannot_decide = Stream::ALL.into_iter().find(|&s| {
                !decides(s)
                    && weeks_from(run, day)
                        .any(|w| run.series(Column::of(Measure::BacklogOverdue, s))[w] > 0.0)
            });
            Shortfall::PastTerm {
                cases,
                week: run.week_start(w),
                lever_cannot_decide,
            }
        }
        Goal::CostUnder { before, .. } => Shortfall::Cost {
            eur: cost_window(run, run.join_week(), Some(before)),
        },
    }
}

/// Evenly spaced values the search tries before it bisects (and the
/// maximum): they find where the goal is first met even when it is not
/// monotone, and show when it is not.
const GRID: u32 = 8;

/// The least value of `lever` (on its steps, within its range) at which
/// scenario `s` meets `goal`. A goal after the horizon runs the scenario to
/// the goal's day (see [`GoalResult::extended_to`]).
#[must_use]
pub fn seek(s: &Scenario, lever: GoalLever, goal: Goal) -> GoalResult {
    let (mut s, _) = s.clone().validated();
    let join = s.start.add_days(7 * s.join_week() as i64);
    let (min, max, step) = lever.grid();
    let steps = ((max - min) / step).round() as u32;
    let value = |k: u32| (min + f64::from(k) * step).min(max);
    let evaluations = std::cell::Cell::new(0);
    let result = |outcome, extended_to| GoalResult {
        lever,
        goal,
        outcome,
        extended_to,
        join,
        evaluations: evaluations.get(),
    };
    // Before the join the run is the record: nothing the lever does there
    // can meet a goal dated before it.
    let before_levers = match goal {
        Goal::InTermBy(day) => day < join.first_of_month(),
        Goal::CostUnder { before, .. } => before <= join,
    };
    if before_levers {
        return result(Outcome::BeforeLevers { join }, None);
    }
    let mut extended_to = None;
    let needed = goal.needs_until();
    if needed > s.end {
        let mut longer = s.clone();
        longer.end = needed;
        let (longer, _) = longer.validated();
        if longer.end < needed {
            return result(Outcome::AfterHorizon { end: longer.end }, None);
        }
        extended_to = Some(longer.end);
        s = longer;
    }
    let fixed = Fixed::new(&s);
    let run_at = |k: u32| -> Run {
        evaluations.set(evaluations.get() + 1);
        let mut moved = s.clone();
        lever.set(&mut moved, value(k));
        fixed.run(&moved, &[])
    };
    let mut seen: Vec<(u32, bool)> = Vec::new();
    let top = run_at(steps);
    let met = |k: u32, seen: &mut Vec<(u32, bool)>| {
        let ok = goal.met(&run_at(k));
        seen.push((k, ok));
        ok
    };
    // Nine evenly spaced values first, the maximum among them: the lowest
    // that meets the goal brackets the answer with the one below it, and
    // any higher one that misses it shows the goal is not monotone.
    seen.push((steps, goal.met(&top)));
    for i in 0..GRID {
        met(steps * i / GRID, &mut seen);
    }
    seen.sort_unstable();
    let Some(first) = seen.iter().position(|&(_, ok)| ok) else {
        let shortfall = shortfall(goal, &top, lever);
        let week = match (goal, shortfall) {
            (_, Shortfall::PastTerm { week, .. }) => week,
            (Goal::CostUnder { before, .. }, _) => before.add_days(-7),
            (Goal::InTermBy(day), _) => day,
        };
        let w = (0..top.weeks())
            .rev()
            .find(|&w| top.week_start(w) <= week)
            .unwrap_or(0);
        return result(
            Outcome::Unreachable {
                max: value(steps),
                shortfall,
                productive_fte: top.series(Column::of(Measure::ProductiveFte, Stream::General))[w],
                hiring_per_month: s.hiring_per_month,
            },
            extended_to,
        );
    };
    let violation = seen[first..]
        .iter()
        .rev()
        .find(|&&(_, ok)| !ok)
        .map(|&(missed, _)| Violation {
            met_at: value(seen[first].0),
            missed_at: value(missed),
        });
    let answer = if first == 0 {
        seen[0].0
    } else {
        // Invariant: missed at `lo`, met at `hi`.
        let (mut lo, mut hi) = (seen[first - 1].0, seen[first].0);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if met(mid, &mut seen) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        hi
    };
    result(
        Outcome::Reached {
            value: value(answer),
            violation,
        },
        extended_to,
    )
}

/// How a goal-seek answer writes its numbers and dates: the page passes
/// its own formatters (the reader's language and notation), the command
/// line [`LinkWording`].
pub trait Wording {
    /// A count, thousands grouped: `1.104`.
    fn count(&self, v: f64) -> String;
    /// A sum of money: `€ 119 mln.`.
    fn euro(&self, v: f64) -> String;
    /// A month: `januari 2027`.
    fn month(&self, d: Date) -> String;
    /// A day: `1 januari 2027`.
    fn day(&self, d: Date) -> String;
}

/// Numbers and dates as a link writes them (`1104`, `2027-01-01`): the
/// command line's notation, which scripts read back.
pub struct LinkWording;

impl Wording for LinkWording {
    fn count(&self, v: f64) -> String {
        number::link_text(v.round())
    }
    fn euro(&self, v: f64) -> String {
        format!("EUR {}", number::link_text(v.round()))
    }
    fn month(&self, d: Date) -> String {
        format!("{:04}-{:02}", d.year(), d.month())
    }
    fn day(&self, d: Date) -> String {
        d.to_string()
    }
}

impl GoalResult {
    /// The answer in the CLI's notation: `fte=…` (or `baa=…`), or
    /// `unreachable=` with the reason in English.
    pub fn to_line(&self) -> String {
        match self.outcome {
            Outcome::Reached { value, .. } => {
                let mut line = format!("{}={}", self.lever.key(), number::link_text(value));
                if let Some(end) = self.extended_to {
                    line.push_str(&format!("&until={end}"));
                }
                line
            }
            _ => format!("unreachable={}", self.message(Lang::En, &LinkWording)),
        }
    }

    /// Scenario `s` with the answer applied: the lever at its value and,
    /// if the runs were extended to the goal, the horizon's end there too,
    /// so that the cards show what the search saw. `None` if no value
    /// reaches the goal.
    pub fn applied(&self, s: &Scenario) -> Option<Scenario> {
        let Outcome::Reached { value, .. } = self.outcome else {
            return None;
        };
        let mut s = s.clone();
        self.lever.set(&mut s, value);
        if let Some(end) = self.extended_to {
            s.end = s.end.max(end);
        }
        Some(s)
    }

    /// The goal in words, as the form says it.
    fn goal_text(&self, en: bool, w: &dyn Wording) -> String {
        match self.goal {
            Goal::InTermBy(day) => {
                if en {
                    format!("back within term by {}", w.month(day))
                } else {
                    format!("weer binnen de termijn uiterlijk in {}", w.month(day))
                }
            }
            Goal::CostUnder { before, eur } => {
                let last = before.add_days(-1);
                if en {
                    format!(
                        "cost from {} through {} at most {}",
                        w.day(self.join),
                        w.day(last),
                        w.euro(eur)
                    )
                } else {
                    format!(
                        "kosten van {} tot en met {} hoogstens {}",
                        w.day(self.join),
                        w.day(last),
                        w.euro(eur)
                    )
                }
            }
        }
    }

    /// The answer as a sentence for people, its numbers and dates written
    /// by `w`.
    pub fn message(&self, lang: Lang, w: &dyn Wording) -> String {
        let en = lang == Lang::En;
        let lever = match (self.lever, en) {
            (GoalLever::Fte, false) => "fte spoor 4",
            (GoalLever::Fte, true) => "track-4 FTE",
            (GoalLever::Baa, false) => "BAA-besluiten per jaar",
            (GoalLever::Baa, true) => "BAA decisions a year",
        };
        let goal = self.goal_text(en, w);
        let mut m = match self.outcome {
            Outcome::Reached { value, violation } => {
                let (min, _, _) = self.lever.grid();
                let mut m = if value <= min {
                    if en {
                        format!(
                            "The goal ({goal}) is met even at {} {lever}.",
                            w.count(value)
                        )
                    } else {
                        format!(
                            "Het doel ({goal}) wordt al gehaald bij {} {lever}.",
                            w.count(value)
                        )
                    }
                } else if en {
                    format!(
                        "{} {lever} reach the goal ({goal}); one step less does not.",
                        w.count(value)
                    )
                } else {
                    format!(
                        "Met {} {lever} wordt het doel gehaald ({goal}); met een stap minder niet.",
                        w.count(value)
                    )
                };
                if let Some(v) = violation {
                    m.push(' ');
                    m.push_str(&if en {
                        format!(
                            "But the goal is met at {} and missed again at {}: more is not always better here (new staff are trainees first and need coaching), so this is the least of the values tried, not proven the least.",
                            w.count(v.met_at),
                            w.count(v.missed_at)
                        )
                    } else {
                        format!(
                            "Maar het doel wordt gehaald bij {} en weer gemist bij {}: meer is hier niet altijd beter (nieuwe mensen zijn eerst in opleiding en vragen begeleiding), dus dit is de laagste van de geprobeerde waarden, niet bewezen de laagste.",
                            w.count(v.met_at),
                            w.count(v.missed_at)
                        )
                    });
                }
                m
            }
            Outcome::AfterHorizon { end } => {
                if en {
                    format!(
                        "The goal ({goal}) lies beyond what a run can cover: at most ten years after your choices apply, to {}.",
                        w.day(end)
                    )
                } else {
                    format!(
                        "Het doel ({goal}) ligt verder dan een doorrekening reikt: hoogstens tien jaar na de datum van uw keuzes, tot {}.",
                        w.day(end)
                    )
                }
            }
            Outcome::BeforeLevers { join } => {
                if en {
                    format!(
                        "The goal ({goal}) lies before your choices apply ({}): until then the run follows what happened.",
                        w.day(join)
                    )
                } else {
                    format!(
                        "Het doel ({goal}) ligt vóór de datum van uw keuzes ({}): tot dan volgt de doorrekening wat er gebeurde.",
                        w.day(join)
                    )
                }
            }
            Outcome::Unreachable {
                max,
                shortfall,
                productive_fte,
                hiring_per_month,
            } => {
                let note = self.capacity_note(en, w, productive_fte, hiring_per_month);
                let at_max = if en {
                    format!(
                        "Not within the lever's range ({goal}): even at {} {lever}",
                        w.count(max)
                    )
                } else {
                    format!(
                        "Niet binnen het bereik ({goal}): ook bij {} {lever}",
                        w.count(max)
                    )
                };
                match shortfall {
                    Shortfall::PastTerm {
                        cases,
                        week,
                        lever_cannot_decide,
                    } => {
                        let mut m = if en {
                            format!(
                                "{at_max}, {} cases are past their term in the week of {}",
                                w.count(cases),
                                w.day(week)
                            )
                        } else {
                            format!(
                                "{at_max} zijn in de week van {} {} zaken over de termijn",
                                w.day(week),
                                w.count(cases)
                            )
                        };
                        if let Some(stream) = lever_cannot_decide {
                            m.push_str(&if en {
                                format!(
                                    ", some of them in {}, which this lever does not decide",
                                    stream.label(lang)
                                )
                            } else {
                                format!(
                                    ", deels in {}, waarover deze knop niet beslist",
                                    stream.label(lang)
                                )
                            });
                        }
                        m.push_str(&note);
                        m
                    }
                    Shortfall::Cost { eur } => {
                        if en {
                            format!("{at_max}, the cost is {}{note}", w.euro(eur))
                        } else {
                            format!("{at_max} zijn de kosten {}{note}", w.euro(eur))
                        }
                    }
                }
            }
        };
        if let Some(end) = self.extended_to {
            m.push(' ');
            m.push_str(&if en {
                format!(
                    "The goal lies after the horizon, so these runs go on to {}; applying the answer moves the end there too.",
                    w.day(end)
                )
            } else {
                format!(
                    "Het doel ligt na de horizon, dus deze doorrekeningen lopen door tot {}; toepassen zet het eind daar ook.",
                    w.day(end)
                )
            });
        }
        m
    }

    /// Why more of the lever cannot help beyond a point.
    fn capacity_note(
        &self,
        en: bool,
        w: &dyn Wording,
        productive_fte: f64,
        hiring_per_month: f64,
    ) -> String {
        match (self.lever, en) {
            (GoalLever::Fte, true) => format!(
                " (hired at {} FTE a month and productive only after training, {} FTE are productive then).",
                w.count(hiring_per_month),
                w.count(productive_fte)
            ),
            (GoalLever::Fte, false) => format!(
                " (geworven in een tempo van {} fte per maand en pas na de opleiding productief, zijn dan {} fte productief).",
                w.count(hiring_per_month),
                w.count(productive_fte)
            ),
            (GoalLever::Baa, true) => {
                " (the BAA decides only eligible track-4 cases, for its months).".to_string()
            }
            (GoalLever::Baa, false) => {
                " (de BAA beslist alleen op kansrijke zaken in spoor 4, in haar maanden)."
                    .to_string()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_amounts_and_years_are_read_as_the_levers_read_numbers() {
        let eur = |year: &str, text: &str, lang| match Goal::cost(year, text, lang) {
            (Some(Goal::CostUnder { before, eur }), w) => (before.year() - 1, eur, w.len()),
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(eur("2024", "20.000.000", Lang::Nl), (2024, 20e6, 0));
        assert_eq!(eur("2024", "20,000,000", Lang::En), (2024, 20e6, 0));
        assert_eq!(
            eur("2024", "20000000,50", Lang::Nl),
            (2024, 20_000_000.5, 0)
        );
        assert_eq!(
            eur("2024", "20000000,50", Lang::En),
            (2024, 20_000_000.5, 0)
        );
        assert_eq!(eur("2.024", "1", Lang::Nl), (2024, 1.0, 0));
        // A year no run covers is brought to the nearest, and said.
        let (goal, w) = Goal::cost("0", "1000", Lang::Nl);
        assert!(matches!(goal, Some(Goal::CostUnder { before, .. }) if before.year() == 2024));
        assert_eq!(w[0].kind, WarningKind::Adjusted(Adjustment::Minimum));
        assert_eq!(
            w[0].message(Lang::En),
            "Goal year: 2023 is the minimum; using 2023."
        );
        let (_, w) = Goal::cost("2024", "-5", Lang::En);
        assert_eq!(
            w[0].message(Lang::Nl),
            "Doelbedrag: 0 is het minimum; 0 gebruikt."
        );
        // Unreadable: no goal, and the reader is told.
        let (goal, w) = Goal::cost("2024", "veel", Lang::Nl);
        assert_eq!(goal, None);
        assert_eq!(w[0].kind, WarningKind::Unreadable);
        assert!(Goal::read("cost-0-under=1").is_ok_and(|(_, w)| w.len() == 1));
    }

    #[test]
    fn reads_the_cli_goals() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(
            Goal::parse("in-term-by=2027-01-01"),
            Ok(Goal::InTermBy(d("2027-01-01")))
        );
        assert_eq!(
            Goal::parse("cost-2024-under=50000000"),
            Ok(Goal::CostUnder {
                before: d("2025-01-01"),
                eur: 50e6
            })
        );
        assert_eq!(
            Goal::parse("cost-2024-under=50.000.000"),
            Goal::parse("cost-2024-under=50,000,000")
        );
        for bad in [
            "in-term-by=2027",
            "cost-20x-under=1",
            "cost-2024-under=lots",
            "x",
            "a=b",
        ] {
            assert!(Goal::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn weeks_from_counts_the_week_that_contains_the_day() {
        let run = Scenario::default().run();
        // The last week starts on 28 December 2026 and ends on 3 January 2027.
        let last = run.weeks() - 1;
        assert_eq!(run.week_start(last).to_string(), "2026-12-28");
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(weeks_from(&run, d("2027-01-01")), last..run.weeks());
        assert!(weeks_from(&run, d("2027-01-04")).is_empty());
        assert_eq!(weeks_from(&run, d("2020-01-01")), 0..run.weeks());
    }
}
