//! Decisions against intake, per week: all decisions as an area with the
//! BAA's share of them in front (the model counts BAA decisions within
//! `Decisions`), intake as a line on top, the baseline's decisions as a
//! ghost line.

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
            nl: "beslissingen",
            en: "decisions",
        },
        columns: &[total(Measure::Decisions)],
        color: palette::BLUISH_GREEN,
        kind: SeriesKind::Stacked,
        aggregate: Aggregate::Sum,
    },
    Series {
        label: Text {
            nl: "waarvan BAA",
            en: "of which BAA",
        },
        columns: &[total(Measure::DecisionsBaa)],
        color: palette::ORANGE,
        kind: SeriesKind::Area,
        aggregate: Aggregate::Sum,
    },
    Series {
        label: Text {
            nl: "instroom",
            en: "intake",
        },
        columns: &[total(Measure::Intake)],
        color: palette::INK,
        kind: SeriesKind::Line,
        aggregate: Aggregate::Sum,
    },
    Series {
        label: Text {
            nl: "basislijn (beslissingen)",
            en: "baseline (decisions)",
        },
        columns: &[total(Measure::Decisions)],
        color: palette::GHOST,
        kind: SeriesKind::Ghost,
        aggregate: Aggregate::Sum,
    },
];

pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
) -> Result<Plot, DrawingAreaErrorKind<DB::ErrorType>> {
    let run = input.run;
    let n = run.weeks();
    let [decided, baa, intake, ghost] = SERIES else {
        unreachable!("four flow series")
    };
    let decided_values = decided.values(run);
    let baa_values = baa.values(run);
    let intake_values = intake.values(run);
    let ghost_values = input.baseline.map(|b| ghost.values(b));

    let max = shapes::max_of([&decided_values[..], &baa_values[..]])
        .max(shapes::max_of([&intake_values[..]]))
        .max(ghost_values.as_deref().map_or(0.0, |g| shapes::max_of([g])));
    let scale = Scale::nice(max * 1.05, 1.0);
    let ticks: Vec<String> = scale.ticks().map(|v| input.format.number(v)).collect();

    let frame = Frame::layout(
        area,
        input.theme,
        n,
        Labels {
            title: Chart::Flow.title(input.lang),
            legend: legend_for(SERIES, input.baseline.is_some(), input.lang),
            unit_left: Chart::Flow.unit(input.lang),
            unit_right: "",
            left_ticks: &ticks,
            right_ticks: &[],
        },
    );
    frame.draw_chrome(area)?;
    frame.draw_grid(area, &scale)?;
    let months = time::month_starts(run);
    time::draw_year_grid(area, &frame, &months)?;
    shapes::stacked(area, &frame, &scale, &[(&decided_values, decided.color)])?;
    shapes::stacked(area, &frame, &scale, &[(&baa_values, baa.color)])?;
    if let Some(g) = &ghost_values {
        shapes::line(area, &frame, &scale, g, ghost.color, SeriesKind::Ghost, 2.0)?;
    }
    shapes::line(
        area,
        &frame,
        &scale,
        &intake_values,
        intake.color,
        SeriesKind::Line,
        2.5,
    )?;
    frame.draw_baseline_axis(area)?;
    frame.draw_value_labels(area, &scale, &ticks, false)?;
    time::draw_time_axis(area, &frame, &months, input.format)?;
    if let Some(week) = input.cursor {
        let rows = readout_rows(
            Chart::Flow,
            run,
            input.baseline,
            week,
            input.format,
            input.lang,
        );
        let w = week.min(n.saturating_sub(1));
        let marks = [
            (
                frame.mark(&scale, decided_values.get(w).copied()),
                decided.color,
            ),
            (
                frame.mark(&scale, intake_values.get(w).copied()),
                intake.color,
            ),
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
