//! The `Run` accessors agree with each other and with the summary.

use doorstroom_model::{Aggregate, Column, Measure, Scenario, Stream};

#[test]
fn totals_months_years_and_summary_agree() {
    let run = Scenario::default().run();
    assert_eq!(run.weeks(), 192);
    assert_eq!(run.week_start(0).to_string(), "2023-05-01");
    assert_eq!(run.week_start(191).to_string(), "2026-12-28");
    assert_eq!(run.total(Measure::Backlog), run.backlog());
    assert_eq!(
        run.total(Measure::Intake),
        run.series(Column {
            measure: Measure::Intake,
            stream: None
        })
    );

    let intake = Column::total(Measure::Intake);
    let weekly: f64 = run.total(Measure::Intake).iter().sum();
    let monthly = run.monthly(intake, Aggregate::Sum);
    assert_eq!(monthly.len(), 44, "May 2023 to December 2026");
    assert_eq!(monthly[0].0.to_string(), "2023-05-01");
    // Flows spread each week over its days: the months add up to the weeks
    // up to rounding.
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs();
    assert!(close(monthly.iter().map(|m| m.1).sum::<f64>(), weekly));
    let yearly = run.yearly(intake, Aggregate::Sum);
    assert_eq!(
        yearly.iter().map(|y| y.0).collect::<Vec<_>>(),
        [2023, 2024, 2025, 2026]
    );
    assert!(close(yearly.iter().map(|y| y.1).sum::<f64>(), weekly));
    let backlog_by_year = run.yearly(Column::total(Measure::Backlog), Aggregate::Last);
    assert_eq!(backlog_by_year[3].1, *run.backlog().last().unwrap());

    let s = run.summary();
    assert_eq!(s.cost_total_eur, *run.cost_cumulative().last().unwrap());
    assert_eq!(
        s.cost_total_eur,
        s.cost_statutory_eur + s.cost_court_eur + s.cost_legal_eur
    );
    assert_eq!(s.backlog_end, *run.backlog().last().unwrap());
    assert!(s.backlog_peak >= s.backlog_end);
    assert!(s.cost_through_2024_eur <= s.cost_total_eur);
    let ppl: f64 = Stream::ALL
        .iter()
        .map(|&st| {
            run.series(Column::of(Measure::Intake, st))
                .iter()
                .sum::<f64>()
        })
        .sum();
    assert_eq!(ppl, weekly);
}

#[test]
fn a_cleared_backlog_is_back_in_term() {
    let (s, _) = Scenario::from_query(
        "intake=30000&fte=1200&hiring_per_month=60&capacity_nareis=25000&until=2028-12-31",
    );
    let summary = s.run().summary();
    let back = summary.back_in_term_from.expect("back in term");
    assert_eq!(back.day(), 1);
    assert!(summary.asylum_back_in_term_from.unwrap() <= back);
    let lines = summary.to_key_values();
    assert!(
        lines
            .iter()
            .any(|(k, v)| *k == "back_in_term_from" && v.len() == 7)
    );
}

#[test]
fn summary_keys_include_the_cli_s() {
    let keys: Vec<_> = Scenario::default()
        .run()
        .summary()
        .to_key_values()
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    for key in [
        "backlog_end",
        "backlog_peak",
        "cost_total_eur",
        "cost_through_2024_eur",
        "asylum_penalties_through_2024_eur",
        "appeals_through_2024",
        "share_decided_in_term",
        "back_in_term_from",
    ] {
        assert!(keys.contains(&key), "{key}");
    }
}

/// The page compares the letter's EUR 55 million with the scenario's asylum
/// penalties through 2024 from a run that stops at the end of 2024: a run
/// never looks ahead, so the figure is the full horizon's.
#[test]
fn penalties_through_2024_do_not_depend_on_a_later_horizon() {
    for query in ["baa=0", "baa=0&term=6", "baa=0&intake=90000&order=fifo"] {
        let (full, _) = doorstroom_model::Scenario::from_query(query);
        let (short, _) =
            doorstroom_model::Scenario::from_query(&format!("{query}&until=2024-12-31"));
        assert_eq!(
            full.run().summary().asylum_penalties_through_2024_eur,
            short.run().summary().asylum_penalties_through_2024_eur,
            "{query}"
        );
    }
}
