//! "Why different?" as a waterfall: the baseline's figure, one bar per
//! lever that differs (its Shapley part, up or down from where the last
//! one ended), and the scenario's figure, which the parts reach.
//!
//! The waterfall lies on its side: one row per lever, so that the lever's
//! name and its two values read in full beside its bar at any number of
//! levers. Rows go from the largest part to the smallest, so that the
//! lever that made the difference is at the top. Up and down differ in
//! colour, in lightness (readable in black and white) and in the sign
//! written beside each bar.

use doorstroom_model::explain::{Explanation, FigureParts};
use doorstroom_model::{Lang, Text};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use crate::frame::{LEGEND_PX, Metrics, TICK_PX, TITLE_PX, fit_label, nice_step, rule, text_style};
use crate::{Theme, palette};

/// The baseline's and the scenario's bars.
pub const TOTAL_COLOR: RGBColor = palette::GHOST;
pub const SCENARIO_COLOR: RGBColor = palette::INK;
/// A part that raises the figure ...
pub const UP_COLOR: RGBColor = palette::BLUE;
/// ... and one that lowers it.
pub const DOWN_COLOR: RGBColor = palette::ORANGE;

/// The first row's name, before the baseline's own.
pub const BASELINE: Text = Text {
    nl: "Basislijn",
    en: "Baseline",
};
/// The last row's name.
pub const SCENARIO: Text = Text {
    nl: "Dit scenario",
    en: "This scenario",
};
/// Said of sampled parts: "± standard error".
const SAMPLED: Text = Text {
    nl: "steekproef over volgordes; ± is de standaardfout",
    en: "sampled over orders; ± is the standard error",
};

/// One lever's row.
#[derive(Clone, Debug, PartialEq)]
pub struct WaterfallStep {
    /// The lever's name in words.
    pub label: String,
    /// Its two values: "44.568 → 50.000 per jaar".
    pub detail: String,
    /// Its part of the difference.
    pub part: f64,
    /// The part's standard error, when sampled.
    pub error: Option<f64>,
}

/// Everything the waterfall needs.
pub struct WaterfallInput<'a> {
    pub title: String,
    /// The first and the last row: a name and the figure's value.
    pub baseline: (String, f64),
    pub scenario: (String, f64),
    /// The levers, largest part first.
    pub steps: Vec<WaterfallStep>,
    /// Writes an amount of the figure (unsigned): `EUR 12 mln`, `3.400`.
    pub value: &'a dyn Fn(f64) -> String,
    /// A note under the bars (how the parts were found), if any.
    pub note: Option<String>,
    pub lang: Lang,
    pub theme: Theme,
}

impl<'a> WaterfallInput<'a> {
    /// The waterfall of `figure` of `explanation`: `title` above it, the
    /// baseline named `baseline_name`, each lever by its name and its two
    /// values in words, in the levers' units (the lever table's own
    /// formatting), largest part first.
    pub fn of(
        explanation: &Explanation,
        figure: &FigureParts,
        title: String,
        baseline_name: &str,
        value: &'a dyn Fn(f64) -> String,
        lang: Lang,
        theme: Theme,
    ) -> WaterfallInput<'a> {
        let sampled = matches!(
            explanation.method,
            doorstroom_model::explain::Method::Sampled { .. }
        );
        let mut steps: Vec<WaterfallStep> = explanation
            .levers
            .iter()
            .zip(figure.parts.iter().zip(&figure.standard_errors))
            .map(|(l, (&part, &se))| WaterfallStep {
                label: l.label.get(lang).to_owned(),
                detail: format!(
                    "{} → {}",
                    l.describe(&explanation.baseline, lang),
                    l.describe(&explanation.scenario, lang)
                ),
                part,
                error: sampled.then_some(se),
            })
            .collect();
        steps.sort_by(|a, b| b.part.abs().total_cmp(&a.part.abs()));
        let base = if baseline_name.is_empty() {
            BASELINE.get(lang).to_owned()
        } else {
            format!("{}: {baseline_name}", BASELINE.get(lang))
        };
        WaterfallInput {
            title,
            baseline: (base, figure.baseline),
            scenario: (SCENARIO.get(lang).to_owned(), figure.scenario),
            steps,
            value,
            note: sampled.then(|| SAMPLED.get(lang).to_owned()),
            lang,
            theme,
        }
    }

    /// A part with its sign: `+EUR 12 mln`, `−3.400`, and `± …` when sampled.
    pub fn signed(&self, step: &WaterfallStep) -> String {
        let sign = if step.part < 0.0 { '−' } else { '+' };
        let mut text = format!("{sign}{}", (self.value)(step.part.abs()));
        if let Some(se) = step.error {
            text.push_str(&format!(" ± {}", (self.value)(se)));
        }
        text
    }

    /// The running totals: the baseline, then after each step.
    fn totals(&self) -> Vec<f64> {
        let mut t = vec![self.baseline.1];
        for s in &self.steps {
            t.push(t[t.len() - 1] + s.part);
        }
        t
    }
}

/// Where a bar was drawn, for tests and hit-testing: its row and its ends
/// in device pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bar {
    pub row: usize,
    pub x0: i32,
    pub x1: i32,
}

/// Draws the waterfall on `area` (clearing it first).
pub fn draw_waterfall<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &WaterfallInput,
) -> Result<Vec<Bar>, DrawingAreaErrorKind<DB::ErrorType>> {
    let m = Metrics::new(input.theme);
    let (w, h) = area.dim_in_pixel();
    let (width, height) = (w as i32, h as i32);
    let pad = m.px(12.0);
    area.fill(&palette::PAPER)?;
    let title_size = m.font(TITLE_PX * 0.9);
    area.draw_text(
        &fit_label(&m, &input.title, width - 2 * pad, title_size),
        &text_style(title_size, palette::INK, true, HPos::Left, VPos::Top),
        (pad, pad),
    )?;
    let label_size = m.font(LEGEND_PX);
    let detail_size = m.font(TICK_PX);
    let tick_size = m.font(TICK_PX);

    let totals = input.totals();
    let end = input.scenario.1;
    let finite = |v: &f64| v.is_finite();
    let lo_data = totals
        .iter()
        .chain([&end])
        .copied()
        .filter(finite)
        .fold(f64::INFINITY, f64::min);
    let hi_data = totals
        .iter()
        .chain([&end])
        .copied()
        .filter(finite)
        .fold(f64::NEG_INFINITY, f64::max);
    if !(lo_data.is_finite() && hi_data.is_finite()) {
        return Ok(Vec::new());
    }
    // The axis starts at zero when that leaves the parts readable (zero
    // lies within the data's own span of it); else it is cut near the
    // smallest total, and the baseline's and scenario's bars start at its
    // left end, their values written beside them.
    let span = (hi_data - lo_data).max(hi_data.abs().max(1.0) * 1e-6);
    let (lo, hi) = if lo_data >= 0.0 && lo_data <= span {
        (0.0, hi_data)
    } else if hi_data <= 0.0 && -hi_data <= span {
        (lo_data, 0.0)
    } else {
        (lo_data - 0.1 * span, hi_data + 0.1 * span)
    };
    let step = nice_step((hi - lo).max(f64::MIN_POSITIVE) / 4.0);
    let (lo, hi) = ((lo / step).floor() * step, (hi / step).ceil() * step);
    let hi = if hi > lo { hi } else { lo + step };

    let rows = input.steps.len() + 2;
    let names: Vec<(&str, String)> =
        std::iter::once((input.baseline.0.as_str(), (input.value)(input.baseline.1)))
            .chain(
                input
                    .steps
                    .iter()
                    .map(|s| (s.label.as_str(), s.detail.clone())),
            )
            .chain(std::iter::once((
                input.scenario.0.as_str(),
                (input.value)(input.scenario.1),
            )))
            .collect();
    let label_w = names
        .iter()
        .map(|(l, d)| {
            m.text_w(l, label_size, true)
                .max(m.text_w(d, detail_size, false))
        })
        .max()
        .unwrap_or(0)
        .min(width * 2 / 5);
    let texts: Vec<String> = std::iter::once((input.value)(input.baseline.1))
        .chain(input.steps.iter().map(|s| input.signed(s)))
        .chain(std::iter::once((input.value)(input.scenario.1)))
        .collect();
    let value_w = texts
        .iter()
        .map(|t| m.text_w(t, label_size, false))
        .max()
        .unwrap_or(0);
    let left = pad + label_w + m.px(12.0);
    let right = (width - pad - value_w - m.px(8.0)).max(left + m.px(40.0));
    let top = pad + (title_size * 1.6) as i32;
    let note_h = if input.note.is_some() {
        (tick_size * 1.5) as i32
    } else {
        0
    };
    let bottom = (height - pad - (tick_size * 1.8) as i32 - note_h).max(top + rows as i32);
    let row_h = f64::from(bottom - top) / rows as f64;
    let bar_h = ((row_h * 0.5) as i32).max(2);
    let x = |v: f64| left + ((v - lo) / (hi - lo) * f64::from(right - left)).round() as i32;
    let yc = |row: usize| top + (row_h * (row as f64 + 0.5)).round() as i32;

    // The value axis: gridlines and their values under the rows.
    let mut v = lo;
    while v <= hi + step * 1e-9 {
        let xx = x(v);
        rule(area, (xx, top), (xx, bottom), m.line(1.0), palette::GRID)?;
        area.draw_text(
            &(input.value)(v),
            &text_style(tick_size, palette::AXIS, false, HPos::Center, VPos::Top),
            (xx, bottom + m.px(4.0)),
        )?;
        v += step;
    }
    if lo < 0.0 && hi > 0.0 {
        rule(
            area,
            (x(0.0), top),
            (x(0.0), bottom),
            m.line(1.0),
            palette::AXIS,
        )?;
    }
    rule(
        area,
        (left, bottom),
        (right, bottom),
        m.line(1.0),
        palette::AXIS,
    )?;

    let origin = if lo <= 0.0 && 0.0 <= hi { x(0.0) } else { left };
    let mut bars = Vec::with_capacity(rows);
    let bar = |row: usize,
               a: i32,
               b: i32,
               color: RGBColor|
     -> Result<Bar, DrawingAreaErrorKind<DB::ErrorType>> {
        let (x0, x1) = (a.min(b), a.max(b).max(a.min(b) + 1));
        let y = yc(row);
        area.draw(&Rectangle::new(
            [(x0, y - bar_h / 2), (x1, y + bar_h - bar_h / 2)],
            color.filled(),
        ))?;
        Ok(Bar { row, x0, x1 })
    };
    bars.push(bar(0, origin, x(totals[0]), TOTAL_COLOR)?);
    for (i, s) in input.steps.iter().enumerate() {
        let color = if s.part < 0.0 { DOWN_COLOR } else { UP_COLOR };
        bars.push(bar(i + 1, x(totals[i]), x(totals[i + 1]), color)?);
    }
    bars.push(bar(rows - 1, origin, x(end), SCENARIO_COLOR)?);

    // Connectors: where each bar ends, the next one starts.
    let (dash, gap) = (m.px(3.0).max(1), m.px(3.0).max(1));
    for (row, &t) in totals.iter().enumerate() {
        let xx = x(t);
        area.draw(&DashedPathElement::new(
            [(xx, yc(row) + bar_h / 2), (xx, yc(row + 1) - bar_h / 2)],
            dash,
            gap,
            palette::AXIS.stroke_width(m.line(1.0)),
        ))?;
    }

    // Names, values and parts.
    for (row, ((name, detail), text)) in names.iter().zip(&texts).enumerate() {
        let y = yc(row);
        let total = row == 0 || row == rows - 1;
        let two_lines = row_h >= (label_size + detail_size) * 1.15 && !total;
        let (name_y, name_v) = if two_lines {
            (y, VPos::Bottom)
        } else {
            (y, VPos::Center)
        };
        area.draw_text(
            &fit_label(&m, name, label_w, label_size),
            &text_style(label_size, palette::INK, total, HPos::Right, name_v),
            (left - m.px(10.0), name_y),
        )?;
        if two_lines {
            area.draw_text(
                &fit_label(&m, detail, label_w, detail_size),
                &text_style(detail_size, palette::AXIS, false, HPos::Right, VPos::Top),
                (left - m.px(10.0), y + m.px(1.0)),
            )?;
        }
        let b = bars[row];
        let room = width - pad - b.x1 - m.px(6.0);
        let (at, hpos) = if m.text_w(text, label_size, false) <= room {
            (b.x1 + m.px(6.0), HPos::Left)
        } else {
            (b.x0 - m.px(6.0), HPos::Right)
        };
        area.draw_text(
            text,
            &text_style(label_size, palette::INK, total, hpos, VPos::Center),
            (at, y),
        )?;
    }
    if let Some(note) = &input.note {
        area.draw_text(
            &fit_label(&m, note, width - 2 * pad, tick_size),
            &text_style(tick_size, palette::AXIS, false, HPos::Left, VPos::Bottom),
            (pad, height - pad),
        )?;
    }
    Ok(bars)
}

/// The waterfall in words, one line per row, for a screen reader and for
/// the table beside the chart: "Instroom (44.568 → 50.000 per jaar):
/// +EUR 28 mln".
pub fn waterfall_lines(input: &WaterfallInput) -> Vec<String> {
    std::iter::once(format!(
        "{}: {}",
        input.baseline.0,
        (input.value)(input.baseline.1)
    ))
    .chain(
        input
            .steps
            .iter()
            .map(|s| format!("{} ({}): {}", s.label, s.detail, input.signed(s))),
    )
    .chain(std::iter::once(format!(
        "{}: {}",
        input.scenario.0,
        (input.value)(input.scenario.1)
    )))
    .collect()
}

/// Draws the waterfall into an SVG document of `width` × `height` pixels.
#[cfg(feature = "svg")]
pub fn waterfall_svg(input: &WaterfallInput, width: u32, height: u32) -> String {
    crate::svg_document(width, height, |root| draw_waterfall(root, input))
}
