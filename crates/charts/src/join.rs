//! The rule at `from=`: the week from which the reader's levers apply,
//! with "as it happened" before it.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use crate::frame::{DrawResult, Frame, rule, text_style};
use crate::palette;
use doorstroom_model::{Lang, t};

/// The rule's label.
pub const LABEL: doorstroom_model::Text = t("vanaf hier uw keuzes", "your choices from here");

/// Draws the rule at `week` (the join) over the plot, labelled at its top.
pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
    week: usize,
    lang: Lang,
) -> DrawResult<DB> {
    labelled_rule(area, frame, week, LABEL.get(lang))
}

/// A vertical rule at `week` over the plot, with `label` at its top: the
/// join, or the origin of a forecast. None at the first week or past the
/// last.
pub(crate) fn labelled_rule<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
    week: usize,
    label: &str,
) -> DrawResult<DB> {
    if frame.n == 0 || week == 0 || week >= frame.n {
        return Ok(());
    }
    let m = &frame.m;
    let x = frame.xc(week);
    rule(
        area,
        (x, frame.top),
        (x, frame.bottom),
        m.line(1.5),
        palette::AXIS,
    )?;
    let size = m.font(12.0);
    area.draw(&Text::new(
        label,
        (x + m.px(4.0), frame.top + m.px(2.0)),
        text_style(size, palette::AXIS, true, HPos::Left, VPos::Top),
    ))
}
