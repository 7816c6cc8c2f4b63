//! Goal-seek against the cards: for random scenarios and goals, the answer
//! applied meets the card's own test and one step less does not. The test
//! reads the cards' figures (the run's summary), not the search's.

use doorstroom_model::uncertainty::{Goal, GoalLever, Outcome, seek};
use doorstroom_model::{Date, Measure, Scenario};

/// "From now": today's outlook, the page's default (history as it
/// happened, the levers from the join).
const FROM_NOW: &str = "v=2";
use proptest::prelude::*;

/// The views a reader starts from: the letter's, "from now", and a longer
/// horizon of the letter's.
const VIEWS: [&str; 3] = ["v=1", FROM_NOW, "v=1&until=2028-12-31"];

/// Whether the cards of scenario `s` show the goal met: the month of "back
/// within term" no later than the goal's day; the cost counted from the
/// join (the window of the cost cards) within the goal's amount.
fn card_met(s: &Scenario, goal: Goal) -> bool {
    let run = s.run();
    match goal {
        Goal::InTermBy(day) => run.summary().back_in_term_from.is_some_and(|m| m <= day),
        Goal::CostUnder { before, eur } => {
            let cost: f64 = (run.join_week()..run.weeks())
                .filter(|&w| run.week_start(w) < before)
                .map(|w| run.total(Measure::CostEur)[w])
                .sum();
            cost <= eur
        }
    }
}

fn join_day(s: &Scenario) -> Date {
    s.start.add_days(7 * s.join_week() as i64)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn the_answer_applied_meets_the_card_s_test_and_one_step_less_does_not(
        view in 0..VIEWS.len(),
        intake in 30_000u32..75_000,
        hiring in 10u32..100,
        nareis in 12_000u32..30_000,
        dublin in 6_000u32..14_000,
        baa in any::<bool>(),
        in_term in any::<bool>(),
        months in 6i32..84,
        share in 0.1f64..1.2,
    ) {
        let query = format!(
            "{}&intake={intake}&hiring_per_month={hiring}&capacity_nareis={nareis}&capacity_t1={dublin}",
            VIEWS[view]
        );
        let (s, _) = Scenario::from_query(&query);
        let lever = if baa { GoalLever::Baa } else { GoalLever::Fte };
        let join = join_day(&s);
        let goal = if in_term {
            Goal::InTermBy(join.first_of_month().add_months(months))
        } else {
            // A year of the horizon or after it, and an amount around the
            // scenario's own cost then.
            let year = join.year() + months / 24;
            let before = Date::from_ymd(year + 1, 1, 1).unwrap();
            let mut to = s.clone();
            to.end = to.end.max(before.add_days(-1));
            let run = to.run();
            let cost: f64 = (run.join_week()..run.weeks())
                .filter(|&w| run.week_start(w) < before)
                .map(|w| run.total(Measure::CostEur)[w])
                .sum();
            Goal::CostUnder { before, eur: (cost * share).round() }
        };
        let result = seek(&s, lever, goal);
        let (min, max, step) = lever.grid();
        match result.outcome {
            Outcome::Reached { value, .. } => {
                let applied = result.applied(&s).unwrap();
                prop_assert!(card_met(&applied, goal), "{query} {goal:?} at {value}");
                if let Some(end) = result.extended_to {
                    prop_assert!(end > s.end && applied.end == end);
                }
                if value > min {
                    let mut less = applied.clone();
                    match lever {
                        GoalLever::Fte => less.fte = value - step,
                        GoalLever::Baa => less.baa_per_year = value - step,
                    }
                    prop_assert!(!card_met(&less, goal), "{query} {goal:?} below {value}");
                }
            }
            Outcome::Unreachable { .. } => {
                let mut top = s.clone();
                if let Some(end) = result.extended_to {
                    top.end = end;
                }
                match lever {
                    GoalLever::Fte => top.fte = max,
                    GoalLever::Baa => top.baa_per_year = max,
                }
                prop_assert!(!card_met(&top, goal), "{query} {goal:?} at the maximum");
            }
            Outcome::AfterHorizon { end } => {
                prop_assert!(end < goal_day(goal), "{query} {goal:?}");
            }
            Outcome::BeforeLevers { .. } => prop_assert!(false, "{query} {goal:?}"),
        }
    }
}

fn goal_day(goal: Goal) -> Date {
    match goal {
        Goal::InTermBy(day) => day.add_days(-1),
        Goal::CostUnder { before, .. } => before.add_days(-1),
    }
}

#[test]
fn a_goal_after_the_horizon_extends_the_runs_and_applies_that_end() {
    let (s, _) = Scenario::from_query("capacity_nareis=20000&hiring_per_month=60");
    let day: Date = "2028-07-01".parse().unwrap();
    let result = seek(&s, GoalLever::Fte, Goal::InTermBy(day));
    assert_eq!(result.extended_to, Some("2028-06-30".parse().unwrap()));
    let applied = result.applied(&s).expect("reachable");
    assert_eq!(applied.end, "2028-06-30".parse().unwrap());
    assert!(card_met(&applied, Goal::InTermBy(day)));
}

#[test]
fn default_goals_follow_the_view() {
    let (day, year) = Goal::defaults(&Scenario::default());
    assert_eq!((day.to_string().as_str(), year), ("2027-01-01", 2024));
    let (s, _) = Scenario::from_query(FROM_NOW);
    let (day, year) = Goal::defaults(&s);
    assert_eq!((day.to_string().as_str(), year), ("2031-08-01", 2026));
    assert!(day > s.from);
}
