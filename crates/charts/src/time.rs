//! The time axis: x is the week index; ticks at month starts, labels every
//! 1, 2, 3, 6 or 12 months (years only) as the width allows, so a ten-year
//! horizon still reads.

use doorstroom_model::{Date, Run};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use crate::format::Format;
use crate::frame::{DrawResult, Frame, TICK_PX, rule, text_style};
use crate::palette;

/// A month's first day falls in the time axis at (fractional) week `at`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct MonthStart {
    pub at: f64,
    /// A date in that month (the first week starting in it).
    pub date: Date,
    /// The first week index that starts in this month.
    pub week: usize,
}

/// The month starts within the run, plus the month the run starts in.
pub(crate) fn month_starts(run: &Run) -> Vec<MonthStart> {
    let n = run.weeks();
    let mut out = Vec::with_capacity(n / 4 + 2);
    let mut prev: Option<(i32, u32)> = None;
    for i in 0..n {
        let d = run.week_start(i);
        let ym = (d.year(), d.month());
        if prev != Some(ym) {
            // The 1st of the month lies `day - 1` days before this week's start.
            let at = if i == 0 {
                0.0
            } else {
                (i as f64 - (d.day() as f64 - 1.0) / 7.0).max(0.0)
            };
            out.push(MonthStart {
                at,
                date: d,
                week: i,
            });
            prev = Some(ym);
        }
    }
    out
}

/// The week ranges `[start, end)` of the calendar months, for monthly bars.
pub(crate) fn month_spans(
    months: &[MonthStart],
    n: usize,
) -> impl Iterator<Item = (usize, usize, Date)> + '_ {
    months.iter().enumerate().map(move |(k, m)| {
        let end = months.get(k + 1).map_or(n, |next| next.week);
        (m.week, end, m.date)
    })
}

/// Vertical gridlines at the turn of each year (drawn under the data).
pub(crate) fn draw_year_grid<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
    months: &[MonthStart],
) -> DrawResult<DB> {
    let width = frame.m.line(1.0);
    for ms in months
        .iter()
        .filter(|ms| ms.date.month() == 1 && ms.at > 0.0)
    {
        let x = frame.xw(ms.at).round() as i32;
        rule(
            area,
            (x, frame.top),
            (x, frame.bottom),
            width,
            palette::GRID,
        )?;
    }
    Ok(())
}

/// Draws the month ticks and their labels under the plot.
pub(crate) fn draw_time_axis<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
    months: &[MonthStart],
    format: &dyn Format,
) -> DrawResult<DB> {
    let m = &frame.m;
    let size = m.font(TICK_PX);
    let plot_w = (frame.right - frame.left).max(1);
    let sample = months
        .first()
        .map(|s| format.month(s.date))
        .unwrap_or_default();
    let label_w = m.text_w(&sample, size, false) + m.px(14.0);
    let year_w = m.text_w("2024", size, false) + m.px(14.0);
    // The smallest step at which the labels fit.
    let count = months.len().max(1) as i32;
    let step = [1usize, 2, 3, 6]
        .into_iter()
        .find(|&s| count / s as i32 * label_w <= plot_w)
        .unwrap_or_else(|| {
            let years = (count / 12).max(1);
            if years * year_w <= plot_w {
                12
            } else if years / 2 * year_w <= plot_w {
                24
            } else {
                60
            }
        });

    let width = m.line(1.0);
    let minor = m.px(4.0);
    let major = m.px(7.0);
    let label_style = text_style(size, palette::AXIS, false, HPos::Center, VPos::Top);
    for ms in months {
        let x = frame.xw(ms.at).round() as i32;
        let january = ms.date.month() == 1;
        let labelled = if step >= 12 {
            january && (ms.date.year() as usize).is_multiple_of(step / 12)
        } else {
            (ms.date.month() as usize - 1).is_multiple_of(step)
        };
        let len = if labelled || january { major } else { minor };
        if step < 12 || january {
            rule(
                area,
                (x, frame.bottom),
                (x, frame.bottom + len),
                width,
                palette::AXIS,
            )?;
        }
        if labelled {
            let text = if step >= 12 {
                ms.date.year().to_string()
            } else {
                format.month(ms.date)
            };
            let half = m.text_w(&text, size, false) / 2;
            // Keep labels inside the area.
            if x - half >= 0 && x + half <= frame.width {
                area.draw_text(&text, &label_style, (x, frame.bottom + major + m.px(3.0)))?;
            }
        }
    }
    Ok(())
}
