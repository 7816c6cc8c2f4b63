//! Costs: monthly bars split into statutory penalties, court-ordered
//! penalties and legal costs (weekly bars are a comb at ~190 weeks and a blur
//! at 520; a month is also how budgets are read), with the cumulative cost
//! as a line on the right axis and the baseline's cumulative cost as a ghost.

use doorstroom_model::{Aggregate, Lang, Measure, Run, Text};
use plotters::coord::Shift;
use plotters::prelude::*;

use crate::format::Format;
use crate::frame::{Frame, Labels, Scale, legend_for};
use crate::{
    Chart, ChartInput, Plot, ReadoutRow, Series, SeriesKind, cursor, palette, shapes, time, total,
};

pub(crate) static SERIES: &[Series] = &[
    Series {
        label: Text {
            nl: "wettelijke dwangsom",
            en: "statutory penalty",
        },
        columns: &[total(Measure::PenaltyStatutoryEur)],
        color: palette::SKY_BLUE,
        kind: SeriesKind::Bar,
        aggregate: Aggregate::Sum,
    },
    Series {
        label: Text {
            nl: "dwangsom van de rechter",
            en: "court-ordered penalty",
        },
        columns: &[total(Measure::PenaltyCourtEur)],
        color: palette::VERMILLION,
        kind: SeriesKind::Bar,
        aggregate: Aggregate::Sum,
    },
    Series {
        label: Text {
            nl: "proceskosten",
            en: "legal costs",
        },
        columns: &[total(Measure::LegalCostsEur)],
        color: palette::BLUE,
        kind: SeriesKind::Bar,
        aggregate: Aggregate::Sum,
    },
    Series {
        label: Text {
            nl: "cumulatief (rechteras)",
            en: "cumulative (right axis)",
        },
        columns: &[total(Measure::CostCumulativeEur)],
        color: palette::INK,
        kind: SeriesKind::LineRight,
        aggregate: Aggregate::Last,
    },
    Series {
        label: Text {
            nl: "basislijn cumulatief",
            en: "baseline, cumulative",
        },
        columns: &[total(Measure::CostCumulativeEur)],
        color: palette::GHOST,
        kind: SeriesKind::Ghost,
        aggregate: Aggregate::Last,
    },
];

/// Sums of `values` over each span.
fn span_sums(values: &[f64], spans: &[(usize, usize)]) -> Vec<f64> {
    spans
        .iter()
        .map(|&(a, b)| {
            values
                .get(a..b.min(values.len()))
                .map_or(0.0, |s| s.iter().filter(|v| v.is_finite()).sum())
        })
        .collect()
}

pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
) -> Result<Plot, DrawingAreaErrorKind<DB::ErrorType>> {
    let run = input.run;
    let n = run.weeks();
    let [statutory, court, legal, cumulative, ghost] = SERIES else {
        unreachable!("five cost series")
    };
    let months = time::month_starts(run);
    let spans: Vec<(usize, usize)> = time::month_spans(&months, n)
        .map(|(a, b, _)| (a, b))
        .collect();
    let statutory_m = span_sums(&statutory.values(run), &spans);
    let court_m = span_sums(&court.values(run), &spans);
    let legal_m = span_sums(&legal.values(run), &spans);
    let cumulative_values = cumulative.values(run);
    let ghost_values = input.baseline.map(|b| ghost.values(b));

    let bar_max = (0..spans.len())
        .map(|k| statutory_m[k] + court_m[k] + legal_m[k])
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let left = Scale::nice(bar_max * 1.05, 1.0);
    let cum_max = shapes::max_of([&cumulative_values[..]])
        .max(ghost_values.as_deref().map_or(0.0, |g| shapes::max_of([g])));
    let right = Scale::matched(cum_max * 1.02, left.n);
    let left_ticks: Vec<String> = left.ticks().map(|v| input.format.euro(v)).collect();
    let right_ticks: Vec<String> = right.ticks().map(|v| input.format.euro(v)).collect();

    let frame = Frame::layout(
        area,
        input.theme,
        n,
        Labels {
            title: Chart::Costs.title(input.lang),
            legend: legend_for(SERIES, input.baseline.is_some(), input.lang),
            unit_left: Chart::Costs.unit(input.lang),
            unit_right: Text {
                nl: "cumulatief",
                en: "cumulative",
            }
            .get(input.lang),
            left_ticks: &left_ticks,
            right_ticks: &right_ticks,
        },
    );
    frame.draw_chrome(area)?;
    frame.draw_grid(area, &left)?;
    time::draw_year_grid(area, &frame, &months)?;
    shapes::bars(
        area,
        &frame,
        &left,
        &spans,
        &[
            (&statutory_m, statutory.color),
            (&court_m, court.color),
            (&legal_m, legal.color),
        ],
    )?;
    if let Some(g) = &ghost_values {
        shapes::line(area, &frame, &right, g, ghost.color, SeriesKind::Ghost, 2.0)?;
    }
    shapes::line(
        area,
        &frame,
        &right,
        &cumulative_values,
        cumulative.color,
        SeriesKind::Line,
        2.5,
    )?;
    frame.draw_baseline_axis(area)?;
    frame.draw_value_labels(area, &left, &left_ticks, false)?;
    frame.draw_value_labels(area, &right, &right_ticks, true)?;
    time::draw_time_axis(area, &frame, &months, input.format)?;
    if let Some(week) = input.cursor {
        let mut rows = Vec::with_capacity(6);
        readout(
            run,
            input.baseline,
            week,
            input.format,
            input.lang,
            &mut rows,
        );
        let w = week.min(n.saturating_sub(1));
        let marks = [
            (
                frame.mark(&right, cumulative_values.get(w).copied()),
                cumulative.color,
            ),
            (
                frame.mark(
                    &right,
                    ghost_values.as_deref().and_then(|g| g.get(w).copied()),
                ),
                ghost.color,
            ),
        ];
        cursor::draw(area, &frame, week, &rows, &marks)?;
    }
    Ok(frame.plot())
}

/// The month's costs (the bar under the pointer) and the cumulative cost at the week.
pub(crate) fn readout(
    run: &Run,
    baseline: Option<&Run>,
    week: usize,
    format: &dyn Format,
    lang: Lang,
    rows: &mut Vec<ReadoutRow>,
) {
    let n = run.weeks();
    let d = run.week_start(week);
    // The weeks starting in the same calendar month as `week`.
    let same = |i: usize| {
        let e = run.week_start(i);
        (e.year(), e.month()) == (d.year(), d.month())
    };
    let mut start = week;
    while start > 0 && same(start - 1) {
        start -= 1;
    }
    let mut end = week + 1;
    while end < n && same(end) {
        end += 1;
    }
    rows.push(ReadoutRow {
        label: Text {
            nl: "maand",
            en: "month",
        }
        .get(lang)
        .to_string(),
        value: format.month(d),
        swatch: None,
    });
    for s in SERIES {
        let (source, value) = match s.kind {
            SeriesKind::Bar => (run, (start..end).map(|i| s.value(run, i)).sum::<f64>()),
            SeriesKind::Ghost => match baseline {
                Some(b) if week < b.weeks() => (b, s.value(b, week)),
                _ => continue,
            },
            _ => (run, s.value(run, week)),
        };
        let _ = source;
        rows.push(ReadoutRow {
            label: s.label.get(lang).to_string(),
            value: format.euro(value),
            swatch: Some((s.color, s.kind)),
        });
    }
}
