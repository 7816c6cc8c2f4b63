//! The charts of Doorstroom, drawn with plotters on any [`DrawingBackend`]:
//! on a canvas in the browser (`plotters-canvas`), into SVG in native tests.
//!
//! Four charts ([`Chart::ALL`]), each defined once by its [`Series`], which
//! drive the drawing, the hover [`readout`] and the "show as table" [`table`].
//! Every drawing function takes a [`ChartInput`] (the run, an optional
//! baseline drawn as a ghost line, the week under the pointer, the language,
//! a [`Format`], a [`Theme`] with the device pixel ratio, and optional Monte
//! Carlo bands drawn as fans) and returns a
//! [`Plot`] that maps the pointer back to a week.
//!
//! In the browser, with `plotters-canvas` (use the plotters re-exported here,
//! so the versions match):
//!
//! ```ignore
//! use doorstroom_charts::plotters::prelude::*;
//! use doorstroom_charts::{Chart, ChartInput, Theme};
//! use plotters_canvas::CanvasBackend;
//!
//! // Backing store in device pixels, CSS size in CSS pixels: crisp on HiDPI.
//! let dpr = window.device_pixel_ratio();
//! canvas.set_width((css_width * dpr).round() as u32);
//! canvas.set_height((css_height * dpr).round() as u32);
//! let root = CanvasBackend::with_canvas_object(canvas.clone()).unwrap().into_drawing_area();
//! let input = ChartInput { run: &run, baseline: Some(&baseline), compared: &[], cursor: hovered_week,
//!                          lang, format: &intl_format, theme: Theme { scale: dpr, large: briefing },
//!                          published: Some(&record_rows), bands: None,
//!                          from: None };
//! let plot = doorstroom_charts::draw(Chart::Backlog, &root, &input)?;
//! // On pointermove: the week under the pointer, in device pixels.
//! let week = plot.week_at((ev.offset_x() as f64 * dpr) as i32, (ev.offset_y() as f64 * dpr) as i32);
//! ```
//!
//! Text is drawn by the canvas with the platform's fonts and never measured
//! through the DOM (see `frame.rs`), so a redraw causes no layout.

use std::borrow::Cow;

use doorstroom_model::uncertainty::Bands;
use doorstroom_model::{Aggregate, Column, Date, Lang, Measure, Run, Text};
use plotters::coord::Shift;
use plotters::prelude::*;

mod against;
mod backlog;
mod caption;
mod costs;
mod cursor;
mod erased;
mod fan;
mod flow;
mod forecast;
pub mod format;
mod frame;
mod histogram;
pub mod join;
pub mod layers;
pub mod overlay;
pub mod palette;
pub mod pipeline;
pub mod published;
mod shapes;
mod summary;
mod time;
mod waiting;
pub mod waterfall;

pub use against::{table_against, table_keys};
pub use caption::{Caption, above_caption, draw_with_caption, file_stem, slug, source_line};
#[cfg(feature = "svg")]
pub use caption::{SvgArea, svg_document, svg_with_caption, to_svg_with_caption};
pub use erased::{AnyBackend, BackendError};
#[cfg(feature = "svg")]
pub use forecast::forecast_svg;
pub use forecast::{
    ForecastInput, TITLE as FORECAST_TITLE, asylum_backlog, asylum_stocks, draw_forecast,
    forecast_max,
};
pub use format::{Format, PlainFormat};
pub use frame::Scale;
#[cfg(feature = "svg")]
pub use histogram::histogram_svg;
pub use histogram::{HistogramInput, draw_histogram};
pub use layers::{Layer, Scales, background_key};
pub use overlay::Overlay;
#[cfg(feature = "svg")]
pub use pipeline::pipeline_svg;
pub use pipeline::{PipelineInput, draw_pipeline, pipeline_lines};
/// The plotters these charts are drawn with (create backends and areas with it).
pub use plotters;
pub use plotters::style::RGBColor;
pub use published::{PublishedMark, marks as published_marks, readout_at as published_readout};
pub use summary::summary;
pub use waiting::extrapolated_from;
#[cfg(feature = "svg")]
pub use waterfall::waterfall_svg;
pub use waterfall::{
    Bar as WaterfallBar, WaterfallInput, WaterfallStep, draw_waterfall, waterfall_lines,
};

/// The four charts of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Chart {
    /// The backlog stacked by status: within term, past term, in court.
    Backlog,
    /// Penalties and legal costs per month, and cumulative.
    Costs,
    /// The expected wait for an application filed in a given week.
    Waiting,
    /// Decisions (regular and BAA) against intake, per week.
    Flow,
}

impl Chart {
    pub const ALL: [Chart; 4] = [Chart::Backlog, Chart::Costs, Chart::Waiting, Chart::Flow];

    /// A stable identifier, for element ids, test hooks and file names.
    pub fn id(self) -> &'static str {
        match self {
            Chart::Backlog => "backlog",
            Chart::Costs => "costs",
            Chart::Waiting => "waiting",
            Chart::Flow => "flow",
        }
    }

    pub fn title(self, lang: Lang) -> &'static str {
        self.spec().title.get(lang)
    }

    /// The unit of the (left) value axis.
    pub fn unit(self, lang: Lang) -> &'static str {
        self.spec().unit.get(lang)
    }

    /// The series of this chart: one definition used by the drawing, the
    /// readout and the table.
    pub fn series(self) -> &'static [Series] {
        self.spec().series
    }

    fn spec(self) -> &'static Spec {
        match self {
            Chart::Backlog => &backlog::SPEC,
            Chart::Costs => &costs::SPEC,
            Chart::Waiting => &waiting::SPEC,
            Chart::Flow => &flow::SPEC,
        }
    }
}

/// What a chart shows, declared in its module: the title, the unit of the
/// (left) value axis and the series.
pub(crate) struct Spec {
    pub title: Text,
    pub unit: Text,
    pub series: &'static [Series],
}

/// How a series is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeriesKind {
    /// An area stacked on the ones before it.
    Stacked,
    /// An area from zero, in front of the ones before it (a part of an
    /// earlier series: "of which").
    Area,
    /// A bar per calendar month (each week's value spread over its days),
    /// stacked on the bars before it.
    Bar,
    /// A line on the left axis.
    Line,
    /// A line on the right (secondary) axis.
    LineRight,
    /// The baseline's value, drawn as a dashed grey line (only with a baseline).
    Ghost,
    /// A fixed reference (such as the decision term), thin and dotted.
    Reference,
    /// The part of a line that is extrapolated beyond what the run
    /// realised: the line's colour, dashed (drawn by the chart itself).
    Extrapolated,
    /// A published figure: a hollow diamond (not a series of the chart's
    /// own; used for the legend and readout swatch).
    Published,
    /// A published figure of part of the streams: a filled diamond.
    PublishedPart,
}

/// One series of a chart.
#[derive(Clone, Copy, Debug)]
pub struct Series {
    pub label: Text,
    /// The model columns whose sum this series shows (for a
    /// [`SeriesKind::Ghost`]: the baseline run's columns).
    pub columns: &'static [Column],
    pub color: RGBColor,
    pub kind: SeriesKind,
    /// How weeks add up to a month, for the table (bars are always summed
    /// per calendar month, see [`Series::monthly`]).
    pub aggregate: Aggregate,
}

impl Series {
    /// The weekly values of this series in `run` (borrowed when it is one column).
    pub fn values<'r>(&self, run: &'r Run) -> Cow<'r, [f64]> {
        match self.columns {
            [one] => Cow::Borrowed(run.series(*one)),
            many => {
                let mut sum = vec![0.0; run.weeks()];
                for c in many {
                    for (s, v) in sum.iter_mut().zip(run.series(*c)) {
                        *s += v;
                    }
                }
                Cow::Owned(sum)
            }
        }
    }

    /// The value of this series in `run` at `week` (0 past the end).
    pub fn value(&self, run: &Run, week: usize) -> f64 {
        if week >= run.weeks() {
            return 0.0;
        }
        self.columns.iter().map(|c| run.series(*c)[week]).sum()
    }

    /// The monthly figures of this series in `run`, keyed by the month's
    /// first day, as the model groups them (`Run::monthly`: a flow spread
    /// over its days, a stock at the month's last week), as drawn.
    pub fn monthly(&self, run: &Run) -> Vec<(Date, f64)> {
        let aggregate = match self.kind {
            SeriesKind::Bar => Aggregate::Sum,
            _ => self.aggregate,
        };
        run.monthly_of(&self.values(run), aggregate)
    }

    fn drawn_in_table(&self) -> bool {
        !matches!(
            self.kind,
            SeriesKind::Ghost
                | SeriesKind::Reference
                | SeriesKind::Published
                | SeriesKind::PublishedPart
                | SeriesKind::Extrapolated
        )
    }
}

/// Column shorthand for the series tables.
pub(crate) const fn total(measure: Measure) -> Column {
    Column {
        measure,
        stream: None,
    }
}

/// Look and size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    /// Device pixels per CSS pixel (`window.devicePixelRatio`): every font
    /// size and line width is multiplied by it. The canvas's backing store
    /// must be sized CSS size × scale.
    pub scale: f64,
    /// Briefing mode: larger type.
    pub large: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            scale: 1.0,
            large: false,
        }
    }
}

/// Everything a chart needs to draw itself.
pub struct ChartInput<'a> {
    pub run: &'a Run,
    /// Drawn as a ghost line when given.
    pub baseline: Option<&'a Run>,
    /// Other pinned scenarios, each drawn as a line of the series the
    /// ghost shows, in a style of its own ([`overlay::style`]), and named
    /// in the legend and the readout.
    pub compared: &'a [Overlay<'a>],
    /// The week under the pointer: a vertical rule and a readout box.
    pub cursor: Option<usize>,
    pub lang: Lang,
    pub format: &'a dyn Format,
    pub theme: Theme,
    /// Monte Carlo bands of this run's scenario: drawn as fans (P10–P90 and
    /// the median) behind the central line of the backlog, cost and waiting
    /// charts. Bands of another horizon than the run's are not drawn; bands
    /// of other lever values would be, so leave this `None` while they are
    /// being computed anew.
    pub bands: Option<&'a Bands>,
    /// The published figures beside the model's (`record::compare` of the
    /// run), drawn as markers on the charts they belong to; `None` hides
    /// them.
    pub published: Option<&'a [doorstroom_model::record::RecordRow]>,
    /// The week from which the scenario's own levers apply (`from=`): a
    /// labelled rule, "as it happened" before it. `None` (or week 0) when
    /// the levers apply from the start.
    pub from: Option<usize>,
}

impl<'a> ChartInput<'a> {
    /// The baseline's values of `ghost` (none without a baseline).
    pub(crate) fn ghost(&self, ghost: &Series) -> Cow<'a, [f64]> {
        self.baseline
            .map_or(Cow::Borrowed(&[]), |b| ghost.values(b))
    }
}

/// Where a chart's plot area landed, in backend pixels (device pixels on a
/// canvas), and the weeks it spans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plot {
    pub left: i32,
    pub top: i32,
    pub right: i32,
    pub bottom: i32,
    /// Weeks on the time axis (`0..weeks`).
    pub weeks: usize,
}

impl Plot {
    /// The week under a pointer at (`x_px`, `y_px`) in backend pixels (on a
    /// canvas: CSS offset × device pixel ratio), if it is over the plot area.
    pub fn week_at(&self, x_px: i32, y_px: i32) -> Option<usize> {
        if self.weeks == 0
            || x_px < self.left
            || x_px >= self.right
            || y_px < self.top
            || y_px > self.bottom
        {
            return None;
        }
        let w = (self.right - self.left).max(1) as f64;
        let week = ((x_px - self.left) as f64 / w * self.weeks as f64).floor() as usize;
        Some(week.min(self.weeks - 1))
    }

    /// The pixel x of the middle of `week` (where the cursor rule is drawn).
    pub fn x_of(&self, week: usize) -> i32 {
        let w = (self.right - self.left) as f64;
        (self.left as f64 + (week as f64 + 0.5) * w / self.weeks.max(1) as f64).round() as i32
    }
}

/// Draws `chart` on `area` (clearing it first) and returns where the plot
/// went: its background, then its foreground ([`draw_layer`]), on the
/// scales its input fits ([`scales`]).
pub fn draw<DB: DrawingBackend>(
    chart: Chart,
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
) -> Result<Plot, DrawingAreaErrorKind<DB::ErrorType>> {
    draw_layer(chart, area, input, &scales(chart, input), Layer::Whole)
}

/// The value axes `chart` fits to `input`: what [`draw`] draws on.
pub fn scales(chart: Chart, input: &ChartInput) -> Scales {
    match chart {
        Chart::Backlog => backlog::scales(input),
        Chart::Costs => costs::scales(input),
        Chart::Waiting => waiting::scales(input),
        Chart::Flow => flow::scales(input),
    }
}

/// Draws `layer` of `chart` on `area` on the given `scales` (the
/// background clears the area; the foreground draws over what is there)
/// and returns where the plot went, the same for every layer.
pub fn draw_layer<DB: DrawingBackend>(
    chart: Chart,
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
    scales: &Scales,
    layer: Layer,
) -> Result<Plot, DrawingAreaErrorKind<DB::ErrorType>> {
    match chart {
        Chart::Backlog => backlog::draw(area, input, scales, layer),
        Chart::Costs => costs::draw(area, input, scales, layer),
        Chart::Waiting => waiting::draw(area, input, scales, layer),
        Chart::Flow => flow::draw(area, input, scales, layer),
    }
}

/// One line of the hover readout, with how its series is drawn.
#[derive(Clone, Debug)]
pub(crate) struct ReadoutRow {
    pub label: String,
    pub value: String,
    pub swatch: Option<(RGBColor, SeriesKind)>,
}

/// The values at `week` as (label, formatted value) pairs; the first pair
/// names the week (or, for the monthly cost bars, the month).
pub fn readout(
    chart: Chart,
    run: &Run,
    baseline: Option<&Run>,
    week: usize,
    format: &dyn Format,
    lang: Lang,
) -> Vec<(String, String)> {
    readout_rows(chart, run, baseline, week, format, lang)
        .into_iter()
        .map(|r| (r.label, r.value))
        .collect()
}

pub(crate) fn readout_rows(
    chart: Chart,
    run: &Run,
    baseline: Option<&Run>,
    week: usize,
    format: &dyn Format,
    lang: Lang,
) -> Vec<ReadoutRow> {
    let n = run.weeks();
    if n == 0 {
        return Vec::new();
    }
    let week = week.min(n - 1);
    let mut rows = Vec::with_capacity(7);
    match chart {
        Chart::Costs => costs::readout(run, baseline, week, format, lang, &mut rows),
        _ => {
            rows.push(ReadoutRow {
                label: Text {
                    nl: "week van",
                    en: "week of",
                }
                .get(lang)
                .to_string(),
                value: format.date(run.week_start(week)),
                swatch: None,
            });
            let fmt = |v: f64| match chart {
                Chart::Waiting => format.weeks(v),
                _ => format.number(v),
            };
            for s in chart.series() {
                let source = match s.kind {
                    SeriesKind::Reference | SeriesKind::Extrapolated => continue,
                    SeriesKind::Ghost => match baseline {
                        Some(b) if week < b.weeks() => b,
                        _ => continue,
                    },
                    _ => run,
                };
                let v = s.value(source, week);
                rows.push(ReadoutRow {
                    label: s.label.get(lang).to_string(),
                    value: if v.is_finite() {
                        fmt(v)
                    } else {
                        "–".to_string()
                    },
                    swatch: Some((s.color, s.kind)),
                });
            }
        }
    }
    rows
}

/// The monthly figures of a chart, for "show as table".
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The month column's header, then one per series.
    pub headers: Vec<String>,
    /// Per month: a date in it (format it with [`Format::month`]) and one value per series.
    pub rows: Vec<(Date, Vec<f64>)>,
}

/// The chart's series per month (stocks at the month's last week, flows summed,
/// waiting times averaged, costs per calendar month as the bars show them).
/// The baseline is not in the table.
pub fn table(chart: Chart, run: &Run, lang: Lang) -> Table {
    let series: Vec<&Series> = chart
        .series()
        .iter()
        .filter(|s| s.drawn_in_table())
        .collect();
    let mut headers = Vec::with_capacity(series.len() + 1);
    headers.push(
        Text {
            nl: "Maand",
            en: "Month",
        }
        .get(lang)
        .to_string(),
    );
    headers.extend(series.iter().map(|s| s.label.get(lang).to_string()));
    let columns: Vec<Vec<(Date, f64)>> = series.iter().map(|s| s.monthly(run)).collect();
    let months = columns.first().map_or(0, |c| c.len());
    let rows = (0..months)
        .map(|i| (columns[0][i].0, columns.iter().map(|c| c[i].1).collect()))
        .collect();
    Table { headers, rows }
}

/// Draws `chart` into an SVG document of `width` × `height` pixels.
#[cfg(feature = "svg")]
pub fn to_svg(chart: Chart, input: &ChartInput, width: u32, height: u32) -> String {
    svg_document(width, height, |root| draw(chart, root, input))
}
