//! The backlog, stacked by status: within term, past term (including those
//! who sent a notice of default), in court (appeal pending or court order
//! running); the total as a thin line and the baseline's total as a ghost.

use doorstroom_model::{Aggregate, Measure, Text};
use plotters::coord::Shift;
use plotters::prelude::*;

use crate::frame::{Frame, Labels, Scale, legend_for};
use crate::{
    Chart, ChartInput, Plot, Series, SeriesKind, cursor, palette, readout_rows, shapes, time, total,
};

pub(crate) static SERIES: &[Series] = &[
    Series {
        label: Text {
            nl: "binnen de beslistermijn",
            en: "within the decision term",
        },
        columns: &[total(Measure::BacklogWithinTerm)],
        color: palette::SKY_BLUE,
        kind: SeriesKind::Stacked,
        aggregate: Aggregate::Last,
    },
    Series {
        label: Text {
            nl: "termijn verstreken",
            en: "past the term",
        },
        columns: &[
            total(Measure::BacklogPastTerm),
            total(Measure::BacklogNoticeSent),
        ],
        color: palette::ORANGE,
        kind: SeriesKind::Stacked,
        aggregate: Aggregate::Last,
    },
    Series {
        label: Text {
            nl: "bij de rechter",
            en: "in court",
        },
        columns: &[
            total(Measure::BacklogAppealPending),
            total(Measure::BacklogCourtOrder),
        ],
        color: palette::BLUE,
        kind: SeriesKind::Stacked,
        aggregate: Aggregate::Last,
    },
    Series {
        label: Text {
            nl: "totaal",
            en: "total",
        },
        columns: &[total(Measure::Backlog)],
        color: palette::INK,
        kind: SeriesKind::Line,
        aggregate: Aggregate::Last,
    },
    Series {
        label: Text {
            nl: "basislijn (totaal)",
            en: "baseline (total)",
        },
        columns: &[total(Measure::Backlog)],
        color: palette::GHOST,
        kind: SeriesKind::Ghost,
        aggregate: Aggregate::Last,
    },
];

pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
) -> Result<Plot, DrawingAreaErrorKind<DB::ErrorType>> {
    let run = input.run;
    let n = run.weeks();
    let [within, past, court, sum, ghost] = SERIES else {
        unreachable!("five backlog series")
    };
    let within = within.values(run);
    let past = past.values(run);
    let court = court.values(run);
    let sum = sum.values(run);
    let ghost_values = input.baseline.map(|b| ghost.values(b));

    let stack_max = (0..n)
        .map(|i| within[i] + past[i] + court[i])
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let max = stack_max
        .max(shapes::max_of([&sum[..]]))
        .max(ghost_values.as_deref().map_or(0.0, |g| shapes::max_of([g])));
    let scale = Scale::nice(max * 1.02, 1.0);
    let ticks: Vec<String> = scale.ticks().map(|v| input.format.number(v)).collect();

    let frame = Frame::layout(
        area,
        input.theme,
        n,
        Labels {
            title: Chart::Backlog.title(input.lang),
            legend: legend_for(SERIES, input.baseline.is_some(), input.lang),
            unit_left: Chart::Backlog.unit(input.lang),
            unit_right: "",
            left_ticks: &ticks,
            right_ticks: &[],
        },
    );
    frame.draw_chrome(area)?;
    frame.draw_grid(area, &scale)?;
    let months = time::month_starts(run);
    time::draw_year_grid(area, &frame, &months)?;
    shapes::stacked(
        area,
        &frame,
        &scale,
        &[
            (&within, SERIES[0].color),
            (&past, SERIES[1].color),
            (&court, SERIES[2].color),
        ],
    )?;
    shapes::line(
        area,
        &frame,
        &scale,
        &sum,
        SERIES[3].color,
        SeriesKind::Line,
        1.5,
    )?;
    if let Some(g) = &ghost_values {
        shapes::line(area, &frame, &scale, g, ghost.color, SeriesKind::Ghost, 2.0)?;
    }
    frame.draw_baseline_axis(area)?;
    frame.draw_value_labels(area, &scale, &ticks, false)?;
    time::draw_time_axis(area, &frame, &months, input.format)?;
    if let Some(week) = input.cursor {
        let rows = readout_rows(
            Chart::Backlog,
            run,
            input.baseline,
            week,
            input.format,
            input.lang,
        );
        let w = week.min(n.saturating_sub(1));
        let marks = [
            (frame.mark(&scale, sum.get(w).copied()), SERIES[3].color),
            (
                frame.mark(
                    &scale,
                    ghost_values.as_deref().and_then(|g| g.get(w).copied()),
                ),
                ghost.color,
            ),
        ];
        cursor::draw(area, &frame, week, &rows, &marks)?;
    }
    Ok(frame.plot())
}
