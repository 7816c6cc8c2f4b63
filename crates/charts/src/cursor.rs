//! The hover readout: a vertical rule at the week under the pointer and a
//! compact box with the values at that week, kept inside the plot.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use crate::frame::{DrawResult, Frame, READOUT_PX, draw_swatch, rule, text_style};
use crate::{ReadoutRow, palette};

pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
    week: usize,
    rows: &[ReadoutRow],
    marks: &[(f64, RGBColor)],
) -> DrawResult<DB> {
    if frame.n == 0 || rows.is_empty() {
        return Ok(());
    }
    let m = &frame.m;
    let week = week.min(frame.n - 1);
    let x = frame.xc(week);
    rule(
        area,
        (x, frame.top),
        (x, frame.bottom),
        m.line(1.0),
        palette::INK,
    )?;

    // A dot where each line crosses the rule (`marks`: pixel y and colour).
    let r = m.px(4.0).max(2) as u32;
    for (y, color) in marks {
        if y.is_finite() {
            let at = (x, y.round() as i32);
            area.draw(&Circle::new(at, r + m.line(1.5), palette::PAPER.filled()))?;
            area.draw(&Circle::new(at, r, color.filled()))?;
        }
    }

    let size = m.font(READOUT_PX);
    let line_h = (size * 1.45).round() as i32;
    let pad = m.px(8.0);
    let swatch = m.px(14.0);
    let gap = m.px(12.0);
    let label_w = rows
        .iter()
        .map(|r| {
            m.text_w(&r.label, size, false)
                + if r.swatch.is_some() {
                    swatch + m.px(6.0)
                } else {
                    0
                }
        })
        .max()
        .unwrap_or(0);
    let value_w = rows
        .iter()
        .map(|r| m.text_w(&r.value, size, true))
        .max()
        .unwrap_or(0);
    let w = pad * 2 + label_w + gap + value_w;
    let h = pad * 2 + line_h * rows.len() as i32;

    // Right of the rule if it fits, else left of it; if neither fits, flush
    // with the plot's edge on the roomier side (covering the rule least).
    let offset = m.px(10.0);
    let bx = if x + offset + w <= frame.right {
        x + offset
    } else if x - offset - w >= frame.left {
        x - offset - w
    } else if frame.right - x >= x - frame.left {
        (frame.right - w).max(frame.left)
    } else {
        frame.left
    };
    let by = frame.top + m.px(6.0);

    area.draw(&Rectangle::new(
        [(bx, by), (bx + w, by + h)],
        palette::PAPER.mix(0.97).filled(),
    ))?;
    area.draw(&Rectangle::new(
        [(bx, by), (bx + w, by + h)],
        palette::AXIS.stroke_width(m.line(1.0)),
    ))?;
    let label_style = text_style(size, palette::INK, false, HPos::Left, VPos::Center);
    let value_style = text_style(size, palette::INK, true, HPos::Right, VPos::Center);
    for (k, row) in rows.iter().enumerate() {
        let cy = by + pad + line_h * k as i32 + line_h / 2;
        let mut lx = bx + pad;
        if let Some((color, kind)) = row.swatch {
            draw_swatch(area, m, kind, color, (lx, cy), swatch)?;
            lx += swatch + m.px(6.0);
        }
        area.draw_text(&row.label, &label_style, (lx, cy))?;
        area.draw_text(&row.value, &value_style, (bx + w - pad, cy))?;
    }
    Ok(())
}
