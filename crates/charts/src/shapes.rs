//! Drawing the data: stacked areas, monthly stacked bars, lines, ghost lines.
//! Points are computed straight from the slices, one vector per shape.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

use crate::frame::{DrawResult, Frame, Scale, dash_pattern};
use crate::palette;
use crate::{Series, SeriesKind};

/// Areas stacked bottom to top, each `layers[k]` a weekly slice, with a thin
/// paper-coloured edge between bands so neighbours stay apart.
pub(crate) fn stacked<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
    scale: &Scale,
    layers: &[(&[f64], RGBColor)],
) -> DrawResult<DB> {
    let n = frame.n;
    if n == 0 {
        return Ok(());
    }
    let mut lower = vec![0.0f64; n];
    let mut upper = vec![0.0f64; n];
    let edge = palette::PAPER.stroke_width(frame.m.line(1.0));
    let mut points: Vec<(i32, i32)> = Vec::with_capacity(2 * n + 2);
    for (values, color) in layers {
        for i in 0..n {
            let v = values.get(i).copied().unwrap_or(0.0);
            upper[i] = lower[i] + if v.is_finite() { v.max(0.0) } else { 0.0 };
        }
        points.clear();
        for (i, u) in upper.iter().enumerate() {
            points.push((week_x(frame, i), frame.y(scale, *u)));
        }
        for i in (0..n).rev() {
            points.push((week_x(frame, i), frame.y(scale, lower[i])));
        }
        area.draw(&Polygon::new(points.clone(), color.filled()))?;
        points.truncate(n);
        area.draw(&PathElement::new(points.clone(), edge))?;
        std::mem::swap(&mut lower, &mut upper);
    }
    Ok(())
}

/// The x of week `i` for areas and lines: the week's centre, where the
/// cursor's rule goes too.
fn week_x(frame: &Frame, i: usize) -> i32 {
    frame.xc(i)
}

/// Bars per span of (fractional) weeks (`[start, end)`), stacked bottom to
/// top; each layer holds one value per span.
pub(crate) fn bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
    scale: &Scale,
    spans: &[(f64, f64)],
    layers: &[(&[f64], RGBColor)],
) -> DrawResult<DB> {
    let gap = frame.m.px(1.0).max(1);
    for (k, (start, end)) in spans.iter().enumerate() {
        let x0 = frame.xw(*start).round() as i32 + gap;
        let x1 = (frame.xw(*end).round() as i32 - gap).max(x0 + 1);
        let mut base = 0.0;
        for (values, color) in layers {
            let v = values.get(k).copied().unwrap_or(0.0);
            let v = if v.is_finite() { v.max(0.0) } else { 0.0 };
            if v > 0.0 {
                let (y0, y1) = (frame.y(scale, base + v), frame.y(scale, base));
                if y1 > y0 {
                    area.draw(&Rectangle::new([(x0, y0), (x1, y1)], color.filled()))?;
                }
            }
            base += v;
        }
    }
    Ok(())
}

/// A line through the week centres in the colour of `series`, dashed for a
/// ghost, `width` CSS pixels wide; non-finite values break it.
pub(crate) fn line<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
    scale: &Scale,
    values: &[f64],
    series: &Series,
    width: f64,
) -> DrawResult<DB> {
    let n = frame.n.min(values.len());
    let style = series.color.stroke_width(frame.m.line(width));
    let (dash, gap) = dash_pattern(&frame.m, series.kind);
    let dashed = matches!(
        series.kind,
        SeriesKind::Ghost | SeriesKind::Reference | SeriesKind::Extrapolated
    );
    let mut points: Vec<(i32, i32)> = Vec::with_capacity(n);
    let flush = |points: &mut Vec<(i32, i32)>| -> DrawResult<DB> {
        if points.len() > 1 {
            if dashed {
                area.draw(&DashedPathElement::new(
                    points.iter().copied(),
                    dash,
                    gap,
                    style,
                ))?;
            } else {
                area.draw(&PathElement::new(std::mem::take(points), style))?;
            }
        }
        points.clear();
        Ok(())
    };
    for (i, v) in values.iter().take(n).enumerate() {
        if v.is_finite() {
            points.push((frame.xc(i), frame.y(scale, *v)));
        } else {
            flush(&mut points)?;
        }
    }
    flush(&mut points)
}

/// A horizontal reference line at `value` across the plot.
pub(crate) fn reference<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
    scale: &Scale,
    value: f64,
    color: RGBColor,
) -> DrawResult<DB> {
    let y = frame.y(scale, value);
    let (dash, gap) = dash_pattern(&frame.m, SeriesKind::Reference);
    area.draw(&DashedPathElement::new(
        [(frame.left, y), (frame.right, y)],
        dash,
        gap,
        color.stroke_width(frame.m.line(1.5)),
    ))
}

/// The largest finite value of the slices (0 when none).
pub(crate) fn max_of<'a>(slices: impl IntoIterator<Item = &'a [f64]>) -> f64 {
    slices
        .into_iter()
        .flat_map(|s| s.iter().copied())
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max)
}
