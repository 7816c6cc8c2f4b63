//! Native tests of the published figures on the charts: a run whose
//! horizon holds published figures draws their markers (a hollow diamond,
//! in the legend as "gepubliceerd (IND)"); a horizon without any, or the
//! markers switched off, draws none.

use doorstroom_charts::{
    Chart, ChartInput, PlainFormat, Theme, draw, published_marks, published_readout,
};
use doorstroom_model::record::{self, RecordRow};
use doorstroom_model::{AS_IT_HAPPENED, Date, Lang, Run, Scenario};
use plotters::prelude::*;

use crate::common::diamonds;

fn svg(chart: Chart, run: &Run, published: Option<&[RecordRow]>, cursor: Option<usize>) -> String {
    let format = PlainFormat { lang: Lang::Nl };
    let input = ChartInput {
        run,
        baseline: None,
        compared: &[],
        cursor,
        lang: Lang::Nl,
        format: &format,
        theme: Theme::default(),
        published,
        bands: None,
        from: None,
    };
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (900, 420)).into_drawing_area();
        draw(chart, &root, &input).expect("draws");
        root.present().expect("present");
    }
    out
}

/// Filled diamonds: a polygon filled with the published figures' colour.
fn filled_diamonds(svg: &str) -> usize {
    svg.match_indices("<polygon ")
        .map(|(i, _)| &svg[i..i + svg[i..].find('>').unwrap_or(0)])
        .filter(|el| el.contains("fill=\"#000000\""))
        .count()
}

fn as_it_happened() -> Run {
    Scenario::from_query(AS_IT_HAPPENED).0.run()
}

#[test]
fn charts_with_published_figures_in_range_draw_their_markers() {
    let run = as_it_happened();
    let rows = record::compare(&run);
    for chart in [Chart::Backlog, Chart::Costs, Chart::Flow] {
        let marks = published_marks(chart, &run, &rows);
        assert!(!marks.is_empty(), "{chart:?}: figures belong to it");
        let drawn = svg(chart, &run, Some(&rows), None);
        // One diamond per figure, one more in the legend for the figures
        // of all streams and one for those of part of them.
        let legend = 1 + usize::from(marks.iter().any(|m| m.partial));
        assert_eq!(diamonds(&drawn), marks.len() + legend, "{chart:?}");
        assert!(drawn.contains("gepubliceerd (IND)"), "{chart:?}: legend");
        // Switched off: none, and no legend entry.
        let off = svg(chart, &run, None, None);
        assert_eq!(diamonds(&off), 0, "{chart:?}");
        assert!(!off.contains("gepubliceerd (IND)"));
    }
    // The waiting chart shows a wait that nothing published measures.
    assert!(published_marks(Chart::Waiting, &run, &rows).is_empty());
}

#[test]
fn a_horizon_without_published_figures_draws_no_markers() {
    let s = Scenario {
        start: Date::from_ymd(2030, 1, 7).unwrap(),
        end: Date::from_ymd(2031, 6, 30).unwrap(),
        ..Scenario::default()
    };
    let run = s.run();
    let rows = record::compare(&run);
    assert!(rows.is_empty());
    for chart in Chart::ALL {
        let drawn = svg(chart, &run, Some(&rows), None);
        assert_eq!(diamonds(&drawn), 0, "{chart:?}");
        assert!(!drawn.contains("gepubliceerd (IND)"), "{chart:?}");
    }
}

#[test]
fn markers_sit_at_the_published_value() {
    let run = as_it_happened();
    let rows = record::compare(&run);
    let marks = published_marks(Chart::Backlog, &run, &rows);
    let end_2023 = marks
        .iter()
        .find(|m| m.row.compared.from.to_string() == "2023-12-31")
        .expect("the end-2023 total");
    assert_eq!(end_2023.value, 77_000.0);
    assert_eq!(end_2023.first_week, end_2023.last_week);
    // A flow is its mean per week over the part of the period in the run.
    let flow = published_marks(Chart::Flow, &run, &rows);
    let decisions_2024 = flow
        .iter()
        .find(|m| m.row.compared.to.to_string() == "2024-12-31")
        .unwrap();
    assert!((decisions_2024.value - 40_480.0 / 366.0 * 7.0).abs() < 1e-6);
    assert!(decisions_2024.last_week > decisions_2024.first_week + 50);
}

#[test]
fn the_readout_gives_the_published_value_and_its_source() {
    let run = as_it_happened();
    let rows = record::compare(&run);
    let marks = published_marks(Chart::Backlog, &run, &rows);
    let m = marks[0];
    let format = PlainFormat { lang: Lang::En };
    let lines = published_readout(Chart::Backlog, &run, &rows, m.first_week, &format, Lang::En);
    assert!(lines[0].0.starts_with("published (IND)"), "{lines:?}");
    assert_eq!(lines[0].1, format_number(m.value));
    assert!(lines[1].0.contains(m.row.published.source), "{lines:?}");
    // The canvas readout at that week shows it too.
    let drawn = svg(Chart::Backlog, &run, Some(&rows), Some(m.first_week));
    assert!(drawn.contains("gepubliceerd (IND) ·"));
    // A week without a published stock has none.
    assert!(published_readout(Chart::Backlog, &run, &rows, 0, &format, Lang::En).is_empty());
}

fn format_number(v: f64) -> String {
    use doorstroom_charts::Format;
    PlainFormat { lang: Lang::En }.number(v)
}

/// The record on the charts goes on to the newest published figure: where
/// the figures of all streams stop (the backlog at the end of 2024), those
/// of part of them published later are drawn filled, their scope named (the
/// asylum stocks of 1 January and February 2026), and listed beside the
/// model; a part published beside a total is not drawn twice.
#[test]
fn figures_of_2026_are_drawn_and_listed() {
    let run = Scenario::outlook().run();
    let rows = record::compare(&run);
    let day = |d: &str| d.parse::<Date>().unwrap();
    let listed = |d: &str| rows.iter().any(|r| r.compared.from == day(d));
    assert!(listed("2026-02-13"), "the newest stock is listed");
    assert!(listed("2026-01-26"), "the 2026 weekly intake is listed");
    let backlog = published_marks(Chart::Backlog, &run, &rows);
    let newest = backlog
        .iter()
        .find(|m| m.row.compared.from == day("2026-02-13"))
        .expect("the asylum stock of February 2026 on the backlog chart");
    assert!(newest.partial);
    assert_eq!(newest.value, 50_000.0);
    assert!(
        backlog
            .iter()
            .filter(|m| m.row.compared.from == day("2023-12-31"))
            .all(|m| !m.partial),
        "beside a total, its parts are not drawn"
    );
    let drawn = svg(Chart::Backlog, &run, Some(&rows), None);
    let parts = backlog.iter().filter(|m| m.partial).count();
    assert_eq!(parts, 2, "the stocks of 1 January and February 2026");
    // Each part filled, and one more in the legend.
    assert_eq!(filled_diamonds(&drawn), parts + 1);
    assert!(drawn.contains("gepubliceerd (deel stromen)"));
    let format = PlainFormat { lang: Lang::En };
    let lines = published_readout(
        Chart::Backlog,
        &run,
        &rows,
        newest.first_week,
        &format,
        Lang::En,
    );
    assert!(
        lines[0].0.starts_with("published (some streams) · asylum"),
        "{lines:?}"
    );
    let flow = published_marks(Chart::Flow, &run, &rows);
    assert!(
        flow.iter()
            .any(|m| !m.partial && m.row.compared.to == day("2026-07-26")),
        "the 2026 weekly intake on the flow chart"
    );
}
