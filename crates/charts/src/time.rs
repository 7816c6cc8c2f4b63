//! The time axis: x is the week index; ticks at month starts, labels every
//! 1, 2, 3, 6 or 12 months (years only) as the width allows, so a ten-year
//! horizon still reads.

use doorstroom_model::{Aggregate, Date, Run};
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
}

/// The month starts within the run, plus the month the run starts in.
pub(crate) fn month_starts(run: &Run) -> Vec<MonthStart> {
    month_starts_of(run.weeks(), |i| run.week_start(i))
}

/// The month starts of `n` weeks whose first days are `week_start`.
fn month_starts_of(n: usize, week_start: impl Fn(usize) -> Date) -> Vec<MonthStart> {
    let mut out = Vec::with_capacity(n / 4 + 2);
    let mut prev: Option<(i32, u32)> = None;
    for i in 0..n {
        let d = week_start(i);
        let ym = (d.year(), d.month());
        if prev != Some(ym) {
            // The 1st of the month lies `day - 1` days before this week's start.
            let at = if i == 0 {
                0.0
            } else {
                (i as f64 - (d.day() as f64 - 1.0) / 7.0).max(0.0)
            };
            out.push(MonthStart { at, date: d });
            prev = Some(ym);
        }
    }
    out
}

/// The span `[start, end)` of each month on the time axis, in (fractional)
/// weeks: from its first day (or the start of the run) to the next month's
/// first day (or the end of the run), for the monthly bars.
pub(crate) fn month_extents(months: &[MonthStart], n: usize) -> Vec<(f64, f64)> {
    months
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let end = months.get(k + 1).map_or(n as f64, |next| next.at);
            (m.at, end)
        })
        .collect()
}

/// The weekly `values` per calendar month of the run, as the model sums a
/// flow by month (each week spread over its days; see `Run::monthly`): one
/// value per entry of [`month_starts`].
pub(crate) fn by_calendar_month(run: &Run, values: &[f64]) -> Vec<f64> {
    run.monthly_of(values, Aggregate::Sum)
        .into_iter()
        .map(|(_, v)| v)
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The first days of weeks from `y`-`m`-`d`.
    fn weeks_from(y: i32, m: u32, d: u32) -> impl Fn(usize) -> Date {
        let start = Date::from_ymd(y, m, d).expect("a date");
        move |i| start.add_days(7 * i as i64)
    }

    #[test]
    fn bars_span_the_calendar() {
        // Six weeks from Wednesday 26 June 2024: the first has five days in
        // June; 1 July is five days into week 0.
        let n = 6;
        let week_start = weeks_from(2024, 6, 26);
        let months = month_starts_of(n, &week_start);
        assert_eq!(months.len(), 2);
        let extents = month_extents(&months, n);
        assert_eq!(extents[0].0, 0.0);
        assert!((extents[0].1 - 5.0 / 7.0).abs() < 1e-12, "{extents:?}");
        assert_eq!(extents[1], (extents[0].1, 6.0));
    }
}
