//! A small histogram of one headline figure over the Monte Carlo runs (the
//! page shows the total cost): how many runs fell in each of equal bins,
//! with P10, P50 and P90 marked and written under the axis.

use doorstroom_model::uncertainty::Distribution;
use doorstroom_model::{Lang, Text};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use crate::frame::{LEGEND_PX, Metrics, Scale, TICK_PX, TITLE_PX, dash_pattern, rule, text_style};
use crate::{Format, SeriesKind, Theme, palette};

/// Everything the histogram needs.
pub struct HistogramInput<'a> {
    /// The figure's distribution, e.g. `bands.figure("cost_total_eur")`.
    pub distribution: &'a Distribution,
    /// The chart's title.
    pub title: Text,
    /// Writes the figure's values (for the cost: [`Format::euro`]).
    pub value: &'a dyn Fn(f64) -> String,
    pub lang: Lang,
    pub format: &'a dyn Format,
    pub theme: Theme,
    pub bins: usize,
}

/// Draws the histogram on `area` (clearing it first).
pub fn draw_histogram<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &HistogramInput,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let m = Metrics::new(input.theme);
    let (w, h) = area.dim_in_pixel();
    let (width, height) = (w as i32, h as i32);
    let pad = m.px(12.0);
    area.fill(&palette::PAPER)?;
    let title_size = m.font(TITLE_PX * 0.9);
    area.draw_text(
        input.title.get(input.lang),
        &text_style(title_size, palette::INK, true, HPos::Left, VPos::Top),
        (pad, pad),
    )?;
    let bins = input.distribution.histogram(input.bins.max(1));
    let Some(&(lo, _, _)) = bins.first() else {
        return Ok(());
    };
    let hi = bins.last().map_or(lo, |b| b.1);
    let tick_size = m.font(TICK_PX);
    let count_max = bins.iter().map(|b| b.2).max().unwrap_or(0);
    let counts = Scale::nice(f64::from(count_max), 1.0);
    let runs = Text {
        nl: "doorrekeningen",
        en: "runs",
    };
    let unit_y = pad + (title_size * 1.4) as i32;
    area.draw_text(
        runs.get(input.lang),
        &text_style(tick_size, palette::AXIS, false, HPos::Left, VPos::Top),
        (pad, unit_y),
    )?;
    let left = pad + m.text_w(&input.format.number(counts.max), tick_size, false) + m.px(8.0);
    let right = (width - pad - m.px(30.0)).max(left + 10);
    let top = unit_y + (tick_size * 1.8) as i32;
    let legend_size = m.font(LEGEND_PX);
    let bottom = (height - pad - (legend_size * 2.8) as i32).max(top + 10);
    let y = |c: f64| bottom - (c / counts.max * f64::from(bottom - top)).round() as i32;
    let span = if hi > lo { hi - lo } else { 1.0 };
    let x = |v: f64| left + ((v - lo) / span * f64::from(right - left)).round() as i32;

    for c in counts.ticks() {
        let yy = y(c);
        if c > 0.0 {
            rule(area, (left, yy), (right, yy), m.line(1.0), palette::GRID)?;
        }
        area.draw_text(
            &input.format.number(c),
            &text_style(tick_size, palette::AXIS, false, HPos::Right, VPos::Center),
            (left - m.px(6.0), yy),
        )?;
    }
    let gap = m.px(1.0).max(1);
    for &(b0, b1, count) in &bins {
        let (x0, x1) = if bins.len() == 1 {
            (left, right)
        } else {
            (x(b0) + gap, (x(b1) - gap).max(x(b0) + gap + 1))
        };
        if count > 0 {
            area.draw(&Rectangle::new(
                [(x0, y(f64::from(count))), (x1, bottom)],
                palette::SKY_BLUE.filled(),
            ))?;
        }
    }
    rule(
        area,
        (left, bottom),
        (right, bottom),
        m.line(1.0),
        palette::AXIS,
    )?;

    // P10, P50 and P90: dotted rules named above the plot, and their values
    // in one line under the axis (three labels under the rules would
    // collide when the percentiles lie close together).
    let p = input.distribution.percentiles;
    let (dash, dgap) = dash_pattern(&m, SeriesKind::Reference);
    let marks = [("P10", p.p10), ("P50", p.p50), ("P90", p.p90)];
    for (name, v) in marks {
        if !v.is_finite() {
            continue;
        }
        let xx = x(v).clamp(left, right);
        area.draw(&DashedPathElement::new(
            [(xx, top), (xx, bottom)],
            dash,
            dgap,
            palette::INK.stroke_width(m.line(1.5)),
        ))?;
        area.draw_text(
            name,
            &text_style(tick_size, palette::INK, false, HPos::Center, VPos::Bottom),
            (xx, top - m.px(2.0)),
        )?;
    }
    let values: Vec<String> = marks
        .iter()
        .map(|(name, v)| format!("{name} {}", (input.value)(*v)))
        .collect();
    area.draw_text(
        &values.join("  ·  "),
        &text_style(legend_size, palette::INK, false, HPos::Left, VPos::Top),
        (left, bottom + m.px(8.0)),
    )?;
    Ok(())
}

/// Draws the histogram into an SVG document of `width` × `height` pixels.
#[cfg(feature = "svg")]
pub fn histogram_svg(input: &HistogramInput, width: u32, height: u32) -> String {
    crate::svg_document(width, height, |root| draw_histogram(root, input))
}
