//! "As it happened" tracks the record: each calibration target of the
//! model's README ("The record") within its tolerance. The test prints the
//! whole comparison as it goes (`cargo test -p doorstroom-model --test
//! record -- --nocapture`).

use doorstroom_model::record::{self, RecordMeasure, RecordRow};
use doorstroom_model::{AS_IT_HAPPENED, Scenario};

/// A target: measure, scope key, compared period (as `--record` prints
/// it) and the largest difference allowed, in percent.
const TARGETS: [(RecordMeasure, &str, &str, f64); 9] = [
    (RecordMeasure::Backlog, "asylum", "2023-12-31", 15.0),
    (RecordMeasure::Backlog, "asylum", "2024-12-31", 15.0),
    (RecordMeasure::Backlog, "nareis", "2023-12-31", 25.0),
    (RecordMeasure::BacklogOver15Months, "t4", "2024-04-30", 30.0),
    (
        RecordMeasure::PenaltiesEur,
        "all",
        "2023-05-01..2023-12-31",
        30.0,
    ),
    (
        RecordMeasure::PenaltiesEur,
        "all",
        "2024-01-01..2024-12-31",
        30.0,
    ),
    (
        RecordMeasure::MeanTimeToDecisionWeeks,
        "asylum",
        "2023-05-01..2023-12-31",
        20.0,
    ),
    (
        RecordMeasure::MeanTimeToDecisionWeeks,
        "asylum",
        "2024-01-01..2024-12-31",
        20.0,
    ),
    (
        RecordMeasure::Decisions,
        "all",
        "2023-05-01..2023-12-31",
        15.0,
    ),
];

fn as_it_happened() -> Vec<RecordRow> {
    let (s, warnings) = Scenario::from_query(AS_IT_HAPPENED);
    assert!(warnings.is_empty(), "{warnings:?}");
    record::compare(&s.run())
}

#[test]
fn as_it_happened_meets_every_target() {
    let rows = as_it_happened();
    println!(
        "{:<30} {:<7} {:<24} {:>12} {:>12} {:>8} {:>6}",
        "measure", "scope", "compared", "published", "model", "diff %", "limit"
    );
    let mut misses = Vec::new();
    for (measure, scope, period, limit) in TARGETS {
        let row = rows
            .iter()
            .find(|r| {
                r.published.measure == measure
                    && r.published.scope.key() == scope
                    && r.compared.to_string() == period
            })
            .unwrap_or_else(|| panic!("no row for {measure:?} {scope} {period}"));
        let diff = row.difference_pct().expect("a published value above 0");
        println!(
            "{:<30} {:<7} {:<24} {:>12.1} {:>12.1} {:>8.1} {:>6.0}",
            measure.key(),
            scope,
            period,
            row.published_value,
            row.model_value,
            diff,
            limit
        );
        if diff.abs() > limit {
            misses.push(format!(
                "{measure:?} {scope} {period}: {diff:.1}% (limit {limit}%)"
            ));
        }
    }
    assert!(misses.is_empty(), "targets missed: {misses:#?}");
}

#[test]
fn every_figure_in_range_is_compared() {
    let rows = as_it_happened();
    // The run ends with 2025: every published figure lies in its horizon.
    assert_eq!(rows.len(), record::published().len());
    for r in &rows {
        assert!(r.model_value.is_finite() && r.model_value >= 0.0);
        assert!(r.published_value > 0.0, "{:?}", r.published);
    }
}

#[test]
fn the_default_is_held_against_the_same_figures() {
    let rows = record::compare(&Scenario::default().run());
    assert_eq!(rows.len(), record::published().len());
}
