//! One forecast of the track record beside what happened: the model's
//! asylum backlog (tracks 1, 2 and 4 together) over the forecast's run, the
//! published asylum stocks as hollow diamonds, and a rule at the forecast's
//! origin. Before the origin the run replays the history its fit was made
//! on (a grey dashed line: not a forecast); from the origin on the line is
//! the forecast, solid. The page draws one such chart per forecast, all on
//! one value axis, so that they can be read against each other.

use doorstroom_model::record::{RecordMeasure, RecordRow};
use doorstroom_model::{Aggregate, Column, Date, Lang, Measure, Run, Stream, Text, t};
use plotters::coord::Shift;
use plotters::prelude::*;

use crate::frame::{Axis, Frame, LegendItem, Scale};
use crate::{Format, Series, SeriesKind, Theme, join, palette, published, shapes, time};

/// The asylum backlog: tracks 1, 2 and 4.
const ASYLUM_BACKLOG: [Column; 3] = [
    Column {
        measure: Measure::Backlog,
        stream: Some(Stream::Dublin),
    },
    Column {
        measure: Measure::Backlog,
        stream: Some(Stream::SafeCountry),
    },
    Column {
        measure: Measure::Backlog,
        stream: Some(Stream::General),
    },
];

/// The chart's title.
pub const TITLE: Text = t(
    "Asielvoorraad (spoor 1, 2, 4)",
    "Asylum backlog (tracks 1, 2, 4)",
);

/// The forecast: from the origin on.
static FORECAST: Series = Series {
    label: t("model", "model"),
    columns: &ASYLUM_BACKLOG,
    color: palette::BLUE,
    kind: SeriesKind::Line,
    aggregate: Aggregate::Last,
};

/// The run before the origin: the history the fit knew.
static BEFORE: Series = Series {
    label: t(
        "model vóór het beginpunt (gefit)",
        "model before the origin (fitted)",
    ),
    columns: &ASYLUM_BACKLOG,
    color: palette::GHOST,
    kind: SeriesKind::Ghost,
    aggregate: Aggregate::Last,
};

/// The label of the rule at the origin.
pub const ORIGIN: Text = t("beginpunt", "origin");

/// The unit of the value axis.
pub const UNIT: Text = t("asielaanvragen in voorraad", "asylum applications waiting");

/// Everything a forecast's chart needs.
pub struct ForecastInput<'a> {
    /// The forecast's run.
    pub run: &'a Run,
    /// The published figures beside the run (`record::compare` of it): the
    /// asylum stocks among them are drawn.
    pub published: &'a [RecordRow],
    /// The forecast's origin; `None` (or the run's first week) when the
    /// whole run is the forecast.
    pub origin: Option<Date>,
    /// The top of the value axis at least (the largest value of all the
    /// charts drawn side by side, see [`forecast_max`]), so that they share
    /// one axis.
    pub max: f64,
    pub lang: Lang,
    pub format: &'a dyn Format,
    pub theme: Theme,
}

/// The model's asylum backlog of `run`, by week.
pub fn asylum_backlog(run: &Run) -> Vec<f64> {
    FORECAST.values(run).into_owned()
}

/// The published asylum stocks among `rows` that fall in `run`, as (week,
/// published value).
pub fn asylum_stocks(run: &Run, rows: &[RecordRow]) -> Vec<(usize, f64)> {
    rows.iter()
        .filter(|r| {
            r.published.measure == RecordMeasure::Backlog
                && r.published.scope.key() == "asylum"
                && r.week < run.weeks()
        })
        .map(|r| (r.week, r.published_value))
        .collect()
}

/// The largest value a forecast's chart shows: its path or a published
/// stock.
pub fn forecast_max(run: &Run, rows: &[RecordRow]) -> f64 {
    let stocks: Vec<f64> = asylum_stocks(run, rows).iter().map(|s| s.1).collect();
    shapes::max_of([&asylum_backlog(run)[..], &stocks])
}

/// Draws the forecast's chart on `area` (clearing it first).
pub fn draw_forecast<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ForecastInput,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let run = input.run;
    let n = run.weeks();
    let origin = input
        .origin
        .map(|day| week_of(run, day))
        .filter(|&w| w > 0 && w < n);
    let path = asylum_backlog(run);
    let stocks = asylum_stocks(run, input.published);
    let lang = input.lang;
    let max = forecast_max(run, input.published).max(input.max);
    let axis = Axis::new(Scale::nice(max * 1.02, 1.0), UNIT.get(lang), |v| {
        input.format.number(v)
    });
    let item = |s: &Series| LegendItem {
        label: s.label.get(lang).to_owned(),
        color: s.color,
        kind: s.kind,
        overlay: None,
    };
    let mut legend = vec![item(&FORECAST)];
    if origin.is_some() {
        legend.push(item(&BEFORE));
    }
    if !stocks.is_empty() {
        legend.push(LegendItem {
            label: published::LABEL.get(lang).to_owned(),
            color: palette::PUBLISHED,
            kind: SeriesKind::Published,
            overlay: None,
        });
    }
    let frame = Frame::layout(
        area,
        input.theme,
        n,
        crate::frame::Labels {
            title: TITLE.get(lang),
            legend,
            unit_left: &axis.unit,
            unit_right: "",
            left_ticks: &axis.ticks,
            right_ticks: &[],
        },
    );
    frame.draw_chrome(area)?;
    frame.draw_grid(area, &axis.scale)?;
    let months = time::month_starts(run);
    time::draw_year_grid(area, &frame, &months)?;
    // The two parts of the path meet at the origin's week.
    let start = origin.unwrap_or(0);
    let part = |keep: &dyn Fn(usize) -> bool| -> Vec<f64> {
        path.iter()
            .enumerate()
            .map(|(w, &v)| if keep(w) { v } else { f64::NAN })
            .collect()
    };
    if origin.is_some() {
        let before = part(&|w| w <= start);
        shapes::line(area, &frame, &axis.scale, &before, &BEFORE, 2.0)?;
    }
    let forecast = part(&|w| w >= start);
    shapes::line(area, &frame, &axis.scale, &forecast, &FORECAST, 2.5)?;
    if let Some(week) = origin {
        join::labelled_rule(area, &frame, week, ORIGIN.get(lang))?;
    }
    for &(week, value) in &stocks {
        let at = (frame.xc(week), frame.y(&axis.scale, value));
        published::diamond(area, &frame.m, at, 5.5, false)?;
    }
    frame.draw_baseline_axis(area)?;
    frame.draw_value_labels(area, &axis.scale, &axis.ticks, false)?;
    time::draw_time_axis(area, &frame, &months, input.format)
}

/// Draws the forecast's chart into an SVG document of `width` × `height`
/// pixels.
#[cfg(feature = "svg")]
pub fn forecast_svg(input: &ForecastInput, width: u32, height: u32) -> String {
    crate::svg_document(width, height, |root| draw_forecast(root, input))
}

/// The week of `run` that holds `day` (0 before the run, the last week
/// after it).
fn week_of(run: &Run, day: Date) -> usize {
    let days = run.week_start(0).days_until(day).max(0);
    usize::try_from(days / 7)
        .unwrap_or(0)
        .min(run.weeks().saturating_sub(1))
}
