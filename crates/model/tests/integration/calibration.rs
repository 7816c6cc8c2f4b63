//! Calibration to the seed letter: with the seed's forecast assumptions
//! (15-month term, 70/30 split with first in first out, no BAA) the model
//! gives the asylum penalties and appeals through 2024 in the range of the
//! seed's EUR 55 million and 20,000 new appeals (README, "Calibration").

use doorstroom_model::{Scenario, TermPolicy, WorkOrder};

#[test]
fn the_seed_s_forecast_world_gives_the_seed_s_figures() {
    let s = Scenario::seed_forecast();
    assert_eq!(
        (s.term, s.work_order, s.past_term_share, s.baa_per_year),
        (TermPolicy::Extended, WorkOrder::PastTermShare, 0.7, 0.0)
    );
    let summary = s.run().summary();
    let penalties = summary.asylum_penalties_through_2024_eur;
    let appeals = summary.appeals_through_2024;
    assert!(
        (35e6..=80e6).contains(&penalties),
        "asylum penalties through 2024: EUR {penalties:.0}"
    );
    assert!(
        (12_000.0..=30_000.0).contains(&appeals),
        "asylum appeals through 2024: {appeals:.0}"
    );
}

#[test]
fn the_seed_s_warning_holds_if_the_extension_falls() {
    // "Indien de verlengde beslistermijn geen standhoudt, zullen de bedragen
    // verder oplopen."
    let extended = Scenario::seed_forecast().run().summary();
    let six = Scenario {
        term: TermPolicy::SixMonths,
        ..Scenario::seed_forecast()
    }
    .run()
    .summary();
    assert!(
        six.asylum_penalties_through_2024_eur > 2.0 * extended.asylum_penalties_through_2024_eur
    );
}

#[test]
fn the_baa_lowers_the_penalties_through_2024() {
    let without = Scenario::seed_forecast().run().summary();
    let with = Scenario::default().run().summary();
    assert!(with.asylum_penalties_through_2024_eur < without.asylum_penalties_through_2024_eur);
    assert!(with.appeals_through_2024 < without.appeals_through_2024);
}

#[test]
fn the_start_matches_the_seed_s_count() {
    let run = Scenario::default().run();
    // 30 April 2023: 33,555 + 3,650 + 125 asylum cases and ~18,000 nareis;
    // the first week's backlog is that count plus one week's net flow.
    let first = run.backlog()[0];
    let start = 33_555.0 + 3_650.0 + 125.0 + 18_000.0;
    assert!((first - start).abs() < 1_000.0, "{first}");
}
