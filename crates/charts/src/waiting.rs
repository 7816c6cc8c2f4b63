//! The expected wait for an application filed in a given week, in weeks,
//! with the baseline's as a ghost line and the six-month decision term as a
//! reference. The value axis is in weeks with gridlines on quarters, half
//! years and years (see `Scale::weeks`).

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
            nl: "verwachte wachttijd",
            en: "expected wait",
        },
        columns: &[total(Measure::ExpectedWaitWeeks)],
        color: palette::BLUE,
        kind: SeriesKind::Line,
        aggregate: Aggregate::Mean,
    },
    Series {
        label: Text {
            nl: "wettelijke beslistermijn: 6 maanden",
            en: "statutory decision term: 6 months",
        },
        columns: &[],
        color: palette::VERMILLION,
        kind: SeriesKind::Reference,
        aggregate: Aggregate::Mean,
    },
    Series {
        label: Text {
            nl: "basislijn",
            en: "baseline",
        },
        columns: &[total(Measure::ExpectedWaitWeeks)],
        color: palette::GHOST,
        kind: SeriesKind::Ghost,
        aggregate: Aggregate::Mean,
    },
];

/// The statutory decision term for asylum (art. 42 Vw): six months.
const TERM_WEEKS: f64 = 26.0;

pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
) -> Result<Plot, DrawingAreaErrorKind<DB::ErrorType>> {
    let run = input.run;
    let n = run.weeks();
    let [wait, term, ghost] = SERIES else {
        unreachable!("three waiting series")
    };
    let wait_values = wait.values(run);
    let ghost_values = input.baseline.map(|b| ghost.values(b));
    let max = shapes::max_of([&wait_values[..]])
        .max(ghost_values.as_deref().map_or(0.0, |g| shapes::max_of([g])));
    let scale = Scale::weeks(max.max(TERM_WEEKS) * 1.05);
    let ticks: Vec<String> = scale.ticks().map(|v| input.format.number(v)).collect();

    let unit = if scale.step >= 52.0 {
        let hint = Text {
            nl: "52 weken = 1 jaar",
            en: "52 weeks = 1 year",
        };
        format!(
            "{} · {}",
            Chart::Waiting.unit(input.lang),
            hint.get(input.lang)
        )
    } else {
        Chart::Waiting.unit(input.lang).to_string()
    };
    let frame = Frame::layout(
        area,
        input.theme,
        n,
        Labels {
            title: Chart::Waiting.title(input.lang),
            legend: legend_for(SERIES, input.baseline.is_some(), input.lang),
            unit_left: &unit,
            unit_right: "",
            left_ticks: &ticks,
            right_ticks: &[],
        },
    );
    frame.draw_chrome(area)?;
    frame.draw_grid(area, &scale)?;
    let months = time::month_starts(run);
    time::draw_year_grid(area, &frame, &months)?;
    shapes::reference(area, &frame, &scale, TERM_WEEKS, term.color)?;
    if let Some(g) = &ghost_values {
        shapes::line(area, &frame, &scale, g, ghost.color, SeriesKind::Ghost, 2.0)?;
    }
    shapes::line(
        area,
        &frame,
        &scale,
        &wait_values,
        wait.color,
        SeriesKind::Line,
        3.0,
    )?;
    frame.draw_baseline_axis(area)?;
    frame.draw_value_labels(area, &scale, &ticks, false)?;
    time::draw_time_axis(area, &frame, &months, input.format)?;
    if let Some(week) = input.cursor {
        let rows = readout_rows(
            Chart::Waiting,
            run,
            input.baseline,
            week,
            input.format,
            input.lang,
        );
        let w = week.min(n.saturating_sub(1));
        let marks = [
            (frame.mark(&scale, wait_values.get(w).copied()), wait.color),
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
