//! The published figures on the charts: a marker of its own shape (a hollow
//! diamond, not only a colour) for each figure that belongs to a chart, in
//! the chart's unit. A stock sits on its week; a flow over a period becomes
//! its average per week (flow chart) or per month (cost chart), drawn as a
//! bar across the period with the diamond at its middle.

use doorstroom_model::record::{RecordMeasure, RecordRow};
use doorstroom_model::{Lang, Run, Text};
use plotters::coord::Shift;
use plotters::prelude::*;

use crate::format::Format;
use crate::frame::{DrawResult, Frame, Metrics, Scale};
use crate::{Chart, ReadoutRow, SeriesKind, palette};

/// The legend entry and readout label of the markers.
pub const LABEL: Text = Text {
    nl: "gepubliceerd (IND)",
    en: "published (IND)",
};

/// The legend entry of the figures of part of the streams published after
/// the newest figure of them all (a filled diamond): the record carried on
/// where the totals stop, such as the asylum stocks of 2025 and 2026.
pub const PART_LABEL: Text = Text {
    nl: "gepubliceerd (deel stromen)",
    en: "published (some streams)",
};

/// Days per month on average.
const DAYS_PER_MONTH: f64 = 365.25 / 12.0;

/// One published figure as a chart draws it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PublishedMark {
    /// The first and last week (inclusive) the figure covers; one week for
    /// a stock.
    pub first_week: usize,
    pub last_week: usize,
    /// The figure in the chart's unit (for a flow: its mean per week or per
    /// month over the period).
    pub value: f64,
    /// The figure beside the model's, with its source.
    pub row: RecordRow,
    /// Whether the figure covers part of the streams only (the chart's
    /// lines are all streams): drawn filled, its scope named.
    pub partial: bool,
}

/// The published figures among `rows` that belong to `chart`, for `run`:
/// on the backlog chart the stocks, on the flow chart decisions and intake
/// per week, on the cost chart the penalties per month. The chart's lines
/// are all streams together, so the figures of all streams are drawn, and
/// those of part of the streams only where they are newer than the newest
/// figure of all streams: the record goes on to the newest figure without
/// a figure of a part beside each total. The waiting chart shows the
/// expected wait of a week's filings, which nothing published measures.
pub fn marks(chart: Chart, run: &Run, rows: &[RecordRow]) -> Vec<PublishedMark> {
    let n = run.weeks();
    let value = |r: &RecordRow| {
        let per_day = r.published_value / r.compared.days() as f64;
        match (chart, r.published.measure) {
            (Chart::Backlog, RecordMeasure::Backlog) => Some(r.published_value),
            (Chart::Flow, RecordMeasure::Decisions | RecordMeasure::Intake) => Some(per_day * 7.0),
            (Chart::Costs, RecordMeasure::PenaltiesEur) => Some(per_day * DAYS_PER_MONTH),
            _ => None,
        }
    };
    let newest_total = rows
        .iter()
        .filter(|r| r.published.scope.is_all() && value(r).is_some())
        .map(|r| r.compared.to)
        .max();
    rows.iter()
        .filter(|r| r.week < n)
        .filter(|r| {
            r.published.scope.is_all() || newest_total.is_none_or(|day| r.compared.from > day)
        })
        .filter_map(|r| {
            let value = value(r)?;
            let days = run.week_start(r.week).days_until(r.compared.to).max(0);
            let last_week = (r.week + (days / 7) as usize).min(n - 1);
            Some(PublishedMark {
                first_week: r.week,
                last_week: if r.published.measure.is_stock() {
                    r.week
                } else {
                    last_week
                },
                value,
                row: *r,
                partial: !r.published.scope.is_all(),
            })
        })
        .collect()
}

/// The marks of `input` for `chart` (none when the markers are off).
pub(crate) fn of_input(chart: Chart, input: &crate::ChartInput) -> Vec<PublishedMark> {
    input
        .published
        .map_or_else(Vec::new, |rows| marks(chart, input.run, rows))
}

/// The largest value among `marks` (0 when none), for the value axis.
pub(crate) fn max_value(marks: &[PublishedMark]) -> f64 {
    marks
        .iter()
        .map(|m| m.value)
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max)
}

/// Draws every mark on `scale`: a bar across a flow's weeks, and the
/// diamond.
pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
    scale: &Scale,
    marks: &[PublishedMark],
) -> DrawResult<DB> {
    for m in marks {
        let y = frame.y(scale, m.value);
        let x = if m.first_week == m.last_week {
            frame.xc(m.first_week)
        } else {
            let x0 = frame.xw(m.first_week as f64).round() as i32;
            let x1 = frame.xw(m.last_week as f64 + 1.0).round() as i32;
            area.draw(&PathElement::new(
                vec![(x0, y), (x1, y)],
                palette::PUBLISHED.stroke_width(frame.m.line(2.0)),
            ))?;
            (x0 + x1) / 2
        };
        diamond(area, &frame.m, (x, y), 5.5, m.partial)?;
    }
    Ok(())
}

/// A diamond of half-width `r` CSS pixels centred on `at`: hollow for a
/// figure of all streams, filled for one of part of them.
pub(crate) fn diamond<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    m: &Metrics,
    at: (i32, i32),
    r: f64,
    filled: bool,
) -> DrawResult<DB> {
    let (x, y) = at;
    let r = m.px(r).max(2);
    let corners = vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y)];
    let inside = if filled {
        palette::PUBLISHED
    } else {
        palette::PAPER
    };
    area.draw(&Polygon::new(corners.clone(), inside.filled()))?;
    let mut outline = corners;
    outline.push((x, y - r));
    area.draw(&PathElement::new(
        outline,
        palette::PUBLISHED.stroke_width(m.line(2.0)),
    ))
}

/// The readout lines of the marks that cover `week`: per figure, the
/// published value with what it measures and its period, then its source
/// (cut short on the canvas when `short`; in full for a readout elsewhere).
pub(crate) fn readout(
    chart: Chart,
    marks: &[PublishedMark],
    week: usize,
    format: &dyn Format,
    lang: Lang,
    short: bool,
) -> Vec<ReadoutRow> {
    let mut rows = Vec::new();
    for m in marks
        .iter()
        .filter(|m| m.first_week <= week && week <= m.last_week)
    {
        let p = m.row.published;
        let value = match chart {
            Chart::Costs => format.euro(m.value),
            _ => format.number(m.value),
        };
        let when = if p.measure.is_stock() {
            format.date(m.row.compared.from)
        } else {
            let per = match chart {
                Chart::Costs => Text {
                    nl: "per maand",
                    en: "per month",
                },
                _ => Text {
                    nl: "per week",
                    en: "per week",
                },
            };
            let span = period_text(m.row.compared, format);
            format!("{} {span}, {}", p.measure.label(lang), per.get(lang))
        };
        let (label, kind) = if m.partial {
            (
                format!(
                    "{} · {} · {when}",
                    PART_LABEL.get(lang),
                    p.scope.label(lang)
                ),
                SeriesKind::PublishedPart,
            )
        } else {
            (
                format!("{} · {when}", LABEL.get(lang)),
                SeriesKind::Published,
            )
        };
        rows.push(ReadoutRow {
            label,
            value,
            swatch: Some((palette::PUBLISHED, kind)),
        });
        let source = if short && p.source.chars().count() > SHORT_SOURCE {
            let cut: String = p.source.chars().take(SHORT_SOURCE - 1).collect();
            format!("{cut}…")
        } else {
            p.source.to_string()
        };
        let bron = Text {
            nl: "bron",
            en: "source",
        };
        rows.push(ReadoutRow {
            label: format!("{}: {source}", bron.get(lang)),
            value: String::new(),
            swatch: None,
        });
    }
    rows
}

/// The most characters of a source in the canvas readout.
const SHORT_SOURCE: usize = 44;

/// A period as people read it: `2024` for a calendar year, else its first
/// and last month.
fn period_text(p: doorstroom_model::record::Period, format: &dyn Format) -> String {
    let (from, to) = (p.from, p.to);
    let whole_year = from.year() == to.year()
        && (from.month(), from.day()) == (1, 1)
        && (to.month(), to.day()) == (12, 31);
    if whole_year {
        from.year().to_string()
    } else if from.first_of_month() == to.first_of_month() {
        format.month(from)
    } else {
        format!("{} – {}", format.month(from), format.month(to))
    }
}

/// The published figures at `week` of `chart` as (label, value) pairs, for
/// a readout outside the canvas (the same lines the canvas readout shows).
pub fn readout_at(
    chart: Chart,
    run: &Run,
    rows: &[RecordRow],
    week: usize,
    format: &dyn Format,
    lang: Lang,
) -> Vec<(String, String)> {
    readout(chart, &marks(chart, run, rows), week, format, lang, false)
        .into_iter()
        .map(|r| (r.label, r.value))
        .collect()
}
