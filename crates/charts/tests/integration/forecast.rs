//! Native tests of a forecast's chart in the track record: the model's
//! asylum backlog (tracks 1, 2 and 4), grey and dashed before the origin
//! and solid from it, the published asylum stocks as diamonds, the rule at
//! the origin, and one value axis for charts drawn side by side.

use doorstroom_charts::{
    ForecastInput, PlainFormat, Theme, asylum_backlog, asylum_stocks, forecast_max, forecast_svg,
    palette,
};
use doorstroom_model::record::{self, RecordRow};
use doorstroom_model::{AS_IT_HAPPENED, Date, Lang, Measure, Run, Scenario, Stream};

use crate::common::diamonds;

fn svg(run: &Run, rows: &[RecordRow], origin: Option<Date>, max: f64, lang: Lang) -> String {
    let format = PlainFormat { lang };
    let input = ForecastInput {
        run,
        published: rows,
        origin,
        max,
        lang,
        format: &format,
        theme: Theme::default(),
    };
    forecast_svg(&input, 640, 300)
}

/// The number of points of the longest line in `color`.
fn longest_line(svg: &str, color: doorstroom_charts::RGBColor) -> usize {
    let stroke = format!("stroke=\"#{:02X}{:02X}{:02X}\"", color.0, color.1, color.2);
    svg.match_indices("<polyline ")
        .map(|(i, _)| &svg[i..i + svg[i..].find('>').unwrap_or(0)])
        .filter(|el| el.contains(&stroke))
        .map(|el| {
            el.split("points=\"").nth(1).map_or(0, |p| {
                p.split('"').next().unwrap_or("").split_whitespace().count()
            })
        })
        .max()
        .unwrap_or(0)
}

fn as_it_happened() -> (Run, Vec<RecordRow>) {
    let run = Scenario::from_query(AS_IT_HAPPENED).0.run();
    let rows = record::compare(&run);
    (run, rows)
}

#[test]
fn the_asylum_backlog_is_tracks_1_2_and_4() {
    let (run, _) = as_it_happened();
    let asylum = asylum_backlog(&run);
    let nareis = run.series(doorstroom_model::Column::of(
        Measure::Backlog,
        Stream::FamilyReunification,
    ));
    assert_eq!(asylum.len(), run.weeks());
    for ((a, n), total) in asylum.iter().zip(nareis).zip(run.backlog()) {
        assert!(
            (a + n - total).abs() < 1e-6 * total.max(1.0),
            "{a} + {n} ≠ {total}"
        );
    }
    assert!(asylum.iter().all(|&a| a > 0.0));
}

#[test]
fn a_forecast_from_an_origin_draws_the_fitted_history_then_the_forecast() {
    let (run, rows) = as_it_happened();
    let stocks = asylum_stocks(&run, &rows);
    // The asylum stocks published from July 2023 to February 2026.
    assert!(stocks.len() >= 5, "{stocks:?}");
    let origin = Date::from_ymd(2024, 1, 1).unwrap();
    let drawn = svg(&run, &rows, Some(origin), 0.0, Lang::Nl);
    assert!(drawn.contains("Asielvoorraad (spoor 1, 2, 4)"), "the title");
    assert!(drawn.contains("beginpunt"), "the rule at the origin");
    assert!(drawn.contains("\nmodel\n</text>"), "the legend");
    assert!(drawn.contains("model vóór het beginpunt (gefit)"));
    assert!(drawn.contains("gepubliceerd (IND)"));
    // One diamond per published stock, one in the legend.
    assert_eq!(diamonds(&drawn), stocks.len() + 1);
    // The forecast runs solid from the week that holds the origin to the
    // end; 1 January 2024 lies in week 35 of a run from 1 May 2023.
    let first = run.week_start(0).days_until(origin) / 7;
    assert_eq!(first, 35);
    assert_eq!(
        longest_line(&drawn, palette::BLUE),
        run.weeks() - first as usize
    );
}

#[test]
fn the_letter_s_forecast_is_the_whole_run() {
    let (run, rows) = as_it_happened();
    let drawn = svg(&run, &rows, None, 0.0, Lang::En);
    assert!(!drawn.contains("origin"), "no rule");
    assert!(!drawn.contains("before the origin"), "no fitted history");
    assert!(drawn.contains("Asylum backlog (tracks 1, 2, 4)"));
    assert_eq!(longest_line(&drawn, palette::BLUE), run.weeks());
    // An origin on the run's first day is the same.
    let start = run.week_start(0);
    assert_eq!(svg(&run, &rows, Some(start), 0.0, Lang::En), drawn);
}

#[test]
fn charts_side_by_side_share_one_value_axis() {
    let (run, rows) = as_it_happened();
    let own = forecast_max(&run, &rows);
    assert!(own > 40_000.0 && own < 100_000.0, "{own}");
    let alone = svg(&run, &rows, None, 0.0, Lang::Nl);
    assert!(!alone.contains("150.000"), "its own axis");
    let shared = svg(&run, &rows, None, 140_000.0, Lang::Nl);
    assert!(shared.contains("150.000"), "the shared axis");
}

#[test]
fn a_run_without_published_stocks_draws_no_diamonds() {
    let s = Scenario {
        start: Date::from_ymd(2030, 1, 7).unwrap(),
        end: Date::from_ymd(2031, 6, 30).unwrap(),
        ..Scenario::default()
    };
    let run = s.run();
    let rows = record::compare(&run);
    let drawn = svg(&run, &rows, None, 0.0, Lang::Nl);
    assert_eq!(diamonds(&drawn), 0);
    assert!(!drawn.contains("gepubliceerd (IND)"));
}
