//! Goal-seek: the least value of a capacity lever (track-4 FTE or the BAA)
//! with which a goal is reached, by bisection on the model.
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
use crate::levers::{Adjustment, LeverKind, lever};
use crate::run::{Column, Measure, Run};
use crate::scenario::Scenario;
use crate::sim::Fixed;
use crate::stream::Stream;
use crate::text::Lang;
use crate::warning::{Warning, WarningKind};

/// What the lever should achieve.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Goal {
    /// No case on the asylum tracks (1, 2 and 4) past its term at the end
    /// of any week that ends on or after this day, to the horizon's end.
    InTermBy(Date),
    /// Penalties and legal costs, all streams, in the weeks that start
    /// before `before`, at most `eur`.
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
        let (first, last) = match lever("until").map(|l| &l.kind) {
            Some(LeverKind::Date(d)) => (d.min.year(), d.max.year()),
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
    /// The lever's URL key.
    pub fn key(self) -> &'static str {
        match self {
            GoalLever::Fte => "fte",
            GoalLever::Baa => "baa",
        }
    }

    fn set(self, s: &mut Scenario, v: f64) {
        match self {
            GoalLever::Fte => s.fte = v,
            GoalLever::Baa => s.baa_per_year = v,
        }
    }

    /// The lever's range and step from the lever table.
    fn grid(self) -> (f64, f64, f64) {
        match lever(self.key()).map(|l| &l.kind) {
            Some(LeverKind::Number(n)) => (n.min, n.max, n.step),
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
    /// Asylum cases still past term at the end of the week starting `week`
    /// (the worst such week from the goal's day on); `lever_cannot_decide`
    /// names a stream with cases past term that the lever does not decide
    /// (tracks 1 and 2 have capacities of their own).
    PastTerm {
        cases: f64,
        week: Date,
        lever_cannot_decide: Option<Stream>,
    },
    /// The cost to date, euros.
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
    /// The goal's day lies beyond the horizon, which ends on `end`.
    AfterHorizon { end: Date },
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
    /// Model runs the search made.
    pub evaluations: u32,
}

/// How far the run is from the goal: zero or less means met.
fn miss(goal: Goal, run: &Run) -> f64 {
    match goal {
        Goal::InTermBy(day) => past_term_from(run, day).map_or(0.0, |(cases, _)| cases),
        Goal::CostUnder { before, eur } => cost_before(run, before) - eur,
    }
}

/// The weeks that end on or after `day`.
fn weeks_from(run: &Run, day: Date) -> std::ops::Range<usize> {
    let first = (0..run.weeks())
        .find(|&w| run.week_start(w).add_days(6) >= day)
        .unwrap_or(run.weeks());
    first..run.weeks()
}

fn asylum_overdue(run: &Run, w: usize) -> f64 {
    Stream::ALL
        .iter()
        .filter(|s| s.is_asylum())
        .map(|&s| run.series(Column::of(Measure::BacklogOverdue, s))[w])
        .sum()
}

/// The most asylum cases past term at the end of a week ending on or after
/// `day`, and that week; `None` if there are none.
fn past_term_from(run: &Run, day: Date) -> Option<(f64, usize)> {
    weeks_from(run, day)
        .map(|w| (asylum_overdue(run, w), w))
        .filter(|&(cases, _)| cases > 0.0)
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
}

fn cost_before(run: &Run, before: Date) -> f64 {
    let cost = run.total(Measure::CostEur);
    (0..run.weeks())
        .take_while(|&w| run.week_start(w) < before)
        .map(|w| cost[w])
        .sum()
}

fn shortfall(goal: Goal, run: &Run, lever: GoalLever) -> Shortfall {
    match goal {
        Goal::InTermBy(day) => {
            let (cases, w) = past_term_from(run, day).unwrap_or((0.0, 0));
            let decides = |s: Stream| match lever {
                GoalLever::Fte | GoalLever::Baa => s == Stream::General,
            };
            let lever_cannot_decide = Stream::ALL.into_iter().find(|&s| {
                s.is_asylum()
                    && !decides(s)
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
            eur: cost_before(run, before),
        },
    }
}

/// Evenly spaced values the search tries before it bisects (and the
/// maximum): they find where the goal is first met even when it is not
/// monotone, and show when it is not.
const GRID: u32 = 8;

/// The least value of `lever` (on its steps, within its range) at which
/// scenario `s` meets `goal`.
#[must_use]
pub fn seek(s: &Scenario, lever: GoalLever, goal: Goal) -> GoalResult {
    let (s, _) = s.clone().validated();
    let fixed = Fixed::new(&s);
    let (min, max, step) = lever.grid();
    let steps = ((max - min) / step).round() as u32;
    let value = |k: u32| (min + f64::from(k) * step).min(max);
    let end = s.end;
    let evaluations = std::cell::Cell::new(0);
    let mut seen: Vec<(u32, bool)> = Vec::new();
    let run_at = |k: u32| -> Run {
        evaluations.set(evaluations.get() + 1);
        let mut moved = s.clone();
        lever.set(&mut moved, value(k));
        fixed.run(&moved, &[])
    };
    let result = |outcome| GoalResult {
        lever,
        goal,
        outcome,
        evaluations: evaluations.get(),
    };

    let top = run_at(steps);
    let horizon_short = match goal {
        Goal::InTermBy(day) => weeks_from(&top, day).is_empty(),
        Goal::CostUnder { before, .. } => end < before.add_days(-1),
    };
    if horizon_short {
        return result(Outcome::AfterHorizon { end });
    }
    let met = |k: u32, seen: &mut Vec<(u32, bool)>| {
        let ok = miss(goal, &run_at(k)) <= 0.0;
        seen.push((k, ok));
        ok
    };
    // Nine evenly spaced values first, the maximum among them: the lowest
    // that meets the goal brackets the answer with the one below it, and
    // any higher one that misses it shows the goal is not monotone.
    seen.push((steps, miss(goal, &top) <= 0.0));
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
        return result(Outcome::Unreachable {
            max: value(steps),
            shortfall,
            productive_fte: top.series(Column::of(Measure::ProductiveFte, Stream::General))[w],
            hiring_per_month: s.hiring_per_month,
        });
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
    result(Outcome::Reached {
        value: value(answer),
        violation,
    })
}

impl GoalResult {
    /// The answer in the CLI's notation: `fte=…` (or `baa=…`), or
    /// `unreachable=` with the reason in English.
    pub fn to_line(&self) -> String {
        match self.outcome {
            Outcome::Reached { value, .. } => format!("{}={value}", self.lever.key()),
            _ => format!("unreachable={}", self.message(Lang::En)),
        }
    }

    /// The answer as a sentence for people.
    pub fn message(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        let lever = match (self.lever, en) {
            (GoalLever::Fte, false) => "fte spoor 4",
            (GoalLever::Fte, true) => "track-4 FTE",
            (GoalLever::Baa, false) => "BAA-besluiten per jaar",
            (GoalLever::Baa, true) => "BAA decisions a year",
        };
        match self.outcome {
            Outcome::Reached { value, violation } => {
                let mut m = if en {
                    format!("{value} {lever} reach the goal; one step less does not.")
                } else {
                    format!("{value} {lever} halen het doel; een stap minder niet.")
                };
                if let Some(v) = violation {
                    m.push(' ');
                    m.push_str(&if en {
                        format!(
                            "But the goal is met at {} and missed again at {}: more is not always better here (new staff are trainees first and need coaching), so this is the least of the values tried, not proven the least.",
                            v.met_at, v.missed_at
                        )
                    } else {
                        format!(
                            "Maar het doel wordt gehaald bij {} en weer gemist bij {}: meer is hier niet altijd beter (nieuwe mensen zijn eerst in opleiding en vragen begeleiding), dus dit is de laagste van de geprobeerde waarden, niet bewezen de laagste.",
                            v.met_at, v.missed_at
                        )
                    });
                }
                m
            }
            Outcome::AfterHorizon { end } => {
                if en {
                    format!(
                        "the goal's date lies after the horizon, which ends on {end}; move the end date later"
                    )
                } else {
                    format!(
                        "de datum van het doel ligt na de horizon, die eindigt op {end}; zet de einddatum later"
                    )
                }
            }
            Outcome::Unreachable {
                max,
                shortfall,
                productive_fte,
                hiring_per_month,
            } => {
                let note = self.capacity_note(en, productive_fte, hiring_per_month);
                let at_max = if en {
                    format!("not within the lever's range: even at {max} {lever}")
                } else {
                    format!("niet binnen het bereik: ook bij {max} {lever}")
                };
                match shortfall {
                    Shortfall::PastTerm {
                        cases,
                        week,
                        lever_cannot_decide,
                    } => {
                        let mut m = if en {
                            format!(
                                "{at_max}, {cases:.0} asylum cases are past their term in the week of {week}"
                            )
                        } else {
                            format!(
                                "{at_max} zijn in de week van {week} {cases:.0} asielzaken over de termijn"
                            )
                        };
                        if let Some(stream) = lever_cannot_decide {
                            m.push_str(&if en {
                                format!(
                                    ", some of them on {}, which this lever does not decide",
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
                            format!("{at_max}, the cost to date is EUR {eur:.0}{note}")
                        } else {
                            format!("{at_max} zijn de kosten tot dan EUR {eur:.0}{note}")
                        }
                    }
                }
            }
        }
    }

    /// Why more of the lever cannot help beyond a point.
    fn capacity_note(&self, en: bool, productive_fte: f64, hiring_per_month: f64) -> String {
        match (self.lever, en) {
            (GoalLever::Fte, true) => format!(
                " (hired at {hiring_per_month} FTE a month and productive only after training, {productive_fte:.0} FTE are productive then)"
            ),
            (GoalLever::Fte, false) => format!(
                " (geworven in een tempo van {hiring_per_month} fte per maand en pas na de opleiding productief, zijn dan {productive_fte:.0} fte productief)"
            ),
            (GoalLever::Baa, true) => {
                " (the BAA decides only eligible track-4 cases, for its months)".to_string()
            }
            (GoalLever::Baa, false) => {
                " (de BAA beslist alleen op kansrijke zaken in spoor 4, in haar maanden)"
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
