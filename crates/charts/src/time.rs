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

/// The weekly `values` per calendar month of `months`: each week's value is
/// spread evenly over its seven days and each day counts in the month it
/// falls in, so a month holds its own days whether four or five weeks start
/// in it. Days past the last month (the run's last week running into a month
/// in which no week starts) count in the last month, so the months add up
/// to the weeks. Non-finite values count as 0.
pub(crate) fn by_calendar_month(run: &Run, values: &[f64], months: &[MonthStart]) -> Vec<f64> {
    let n = values.len().min(run.weeks());
    spread_over_months(&values[..n], |i| run.week_start(i), months)
}

/// [`by_calendar_month`] for weeks whose first days are `week_start`.
fn spread_over_months(
    values: &[f64],
    week_start: impl Fn(usize) -> Date,
    months: &[MonthStart],
) -> Vec<f64> {
    let mut out = vec![0.0; months.len()];
    let Some(last) = months.len().checked_sub(1) else {
        return out;
    };
    let mut k = 0;
    for (i, &v) in values.iter().enumerate() {
        if !v.is_finite() {
            continue;
        }
        let start = week_start(i);
        for day in 0..7 {
            let d = start.add_days(day);
            let ym = (d.year(), d.month());
            while k < last && {
                let next = months[k + 1].date;
                (next.year(), next.month()) <= ym
            } {
                k += 1;
            }
            out[k] += v / 7.0;
        }
    }
    out
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
    fn a_constant_weekly_cost_gives_months_by_their_days_not_their_week_starts() {
        // Two years from Monday 1 January 2024.
        let n = 104;
        let week_start = weeks_from(2024, 1, 1);
        let months = month_starts_of(n, &week_start);
        let per_month = spread_over_months(&vec![700.0; n], &week_start, &months);
        let month = |y: i32, m: u32| {
            let k = months
                .iter()
                .position(|s| (s.date.year(), s.date.month()) == (y, m))
                .expect("month in the run");
            per_month[k]
        };
        let starts_in = |y: i32, m: u32| {
            (0..n)
                .filter(|&i| (week_start(i).year(), week_start(i).month()) == (y, m))
                .count()
        };
        // November 2024 has four Mondays, December five: grouped by the
        // week's start, December would be 25% more.
        assert_eq!((starts_in(2024, 11), starts_in(2024, 12)), (4, 5));
        let (nov, dec) = (month(2024, 11), month(2024, 12));
        assert!((nov - 30.0 * 100.0).abs() < 1e-9, "November: {nov}");
        assert!((dec - 31.0 * 100.0).abs() < 1e-9, "December: {dec}");
        assert!(
            (dec / nov - 1.0).abs() < 0.05,
            "comparable bars: {nov} vs {dec}"
        );
        // The weeks' total is in the months.
        let total: f64 = per_month.iter().sum();
        assert!((total - 700.0 * n as f64).abs() < 1e-6 * total);
    }

    #[test]
    fn weeks_split_at_month_ends_and_bars_span_the_calendar() {
        // Six weeks from Wednesday 26 June 2024: the first has five days in
        // June, the last (31 July to 6 August) runs into a month in which no
        // week starts, so its August days count in July.
        let n = 6;
        let week_start = weeks_from(2024, 6, 26);
        let months = month_starts_of(n, &week_start);
        assert_eq!(months.len(), 2);
        let per_month = spread_over_months(&[7.0; 6], &week_start, &months);
        assert!((per_month[0] - 5.0).abs() < 1e-12, "{per_month:?}");
        assert!((per_month[1] - 37.0).abs() < 1e-12, "{per_month:?}");
        // 1 July is five days into week 0.
        let extents = month_extents(&months, n);
        assert_eq!(extents[0].0, 0.0);
        assert!((extents[0].1 - 5.0 / 7.0).abs() < 1e-12, "{extents:?}");
        assert_eq!(extents[1], (extents[0].1, 6.0));
    }
}
