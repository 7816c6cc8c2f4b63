//! Compared scenarios drawn over a chart: each one's line of the chart's
//! headline series (the one the baseline's ghost shows), in a style of its
//! own that differs in more than colour: a dash pattern and a marker shape,
//! so that the lines can be told apart in greyscale, on a washed-out
//! projector and by readers who do not see the colours.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

use doorstroom_model::Run;

use crate::frame::{DrawResult, Frame, Metrics, Scale};
use crate::palette;
use crate::{ChartInput, Series};

/// A marker drawn along a compared line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Triangle,
    Square,
}

/// How one compared scenario is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OverlayStyle {
    pub color: RGBColor,
    /// Dash and gap in CSS pixels.
    pub dash: (f64, f64),
    pub marker: Marker,
}

/// The styles of the compared scenarios, in order: three, the most that can
/// be pinned at once. Colours that no chart's own series uses.
pub const OVERLAY_STYLES: [OverlayStyle; 3] = [
    OverlayStyle {
        color: palette::REDDISH_PURPLE,
        dash: (12.0, 4.0),
        marker: Marker::Circle,
    },
    OverlayStyle {
        color: palette::COMPARE_PURPLE,
        dash: (4.0, 3.0),
        marker: Marker::Triangle,
    },
    OverlayStyle {
        color: palette::COMPARE_BROWN,
        dash: (2.0, 5.0),
        marker: Marker::Square,
    },
];

/// The style of the `i`-th compared scenario (repeating past the third).
pub fn style(i: usize) -> OverlayStyle {
    OVERLAY_STYLES[i % OVERLAY_STYLES.len()]
}

/// A compared scenario: its run and the label its lines carry in the legend.
#[derive(Clone, Copy, Debug)]
pub struct Overlay<'a> {
    pub run: &'a Run,
    pub label: &'a str,
}

impl ChartInput<'_> {
    /// The largest value of `series` in any compared run (for the axis).
    pub(crate) fn compared_max(&self, series: &Series) -> f64 {
        self.compared
            .iter()
            .map(|o| crate::shapes::max_of([&series.values(o.run)[..]]))
            .fold(0.0, f64::max)
    }
}

/// How many markers a line carries: few enough not to clutter, enough to
/// tell a line by its marks on any part of it.
const MARKERS: usize = 8;

/// Draws every compared run's `series` on `scale`.
pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
    scale: &Scale,
    input: &ChartInput,
    series: &Series,
) -> DrawResult<DB> {
    for (i, overlay) in input.compared.iter().enumerate() {
        let st = style(i);
        let values = series.values(overlay.run);
        let n = frame.n.min(values.len());
        let stroke = st.color.stroke_width(frame.m.line(2.5));
        let (dash, gap) = (frame.m.px(st.dash.0).max(1), frame.m.px(st.dash.1).max(1));
        let mut points = Vec::with_capacity(n);
        let flush = |points: &mut Vec<(i32, i32)>| -> DrawResult<DB> {
            if points.len() > 1 {
                area.draw(&DashedPathElement::new(
                    std::mem::take(points),
                    dash,
                    gap,
                    stroke,
                ))?;
            }
            points.clear();
            Ok(())
        };
        for (w, v) in values.iter().take(n).enumerate() {
            if v.is_finite() {
                points.push((frame.xc(w), frame.y(scale, *v)));
            } else {
                flush(&mut points)?;
            }
        }
        flush(&mut points)?;
        // Markers offset per scenario, so that two lines on top of each
        // other still show both kinds of mark.
        let every = (n / MARKERS).max(1);
        let offset = every * (i + 1) / (OVERLAY_STYLES.len() + 1);
        for w in (offset..n).step_by(every) {
            if values[w].is_finite() {
                marker(area, &frame.m, st, (frame.xc(w), frame.y(scale, values[w])))?;
            }
        }
    }
    Ok(())
}

/// One marker of `style` centred on `at`.
pub(crate) fn marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    m: &Metrics,
    style: OverlayStyle,
    at: (i32, i32),
) -> DrawResult<DB> {
    let r = m.px(4.5).max(2);
    let (x, y) = at;
    let fill = style.color.filled();
    let edge = palette::PAPER.stroke_width(m.line(1.0));
    match style.marker {
        Marker::Circle => {
            area.draw(&Circle::new(at, r, fill))?;
            area.draw(&Circle::new(at, r, edge))
        }
        Marker::Triangle => {
            let points = vec![(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)];
            area.draw(&Polygon::new(points.clone(), fill))?;
            let mut closed = points;
            closed.push(closed[0]);
            area.draw(&PathElement::new(closed, edge))
        }
        Marker::Square => {
            area.draw(&Rectangle::new([(x - r, y - r), (x + r, y + r)], fill))?;
            area.draw(&Rectangle::new([(x - r, y - r), (x + r, y + r)], edge))
        }
    }
}

/// A legend swatch for the `i`-th compared scenario: a short dashed line
/// with its marker in the middle.
pub(crate) fn swatch<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    m: &Metrics,
    i: usize,
    at: (i32, i32),
    width: i32,
) -> DrawResult<DB> {
    let st = style(i);
    let (x, y) = at;
    area.draw(&DashedPathElement::new(
        [(x, y), (x + width, y)],
        m.px(st.dash.0).max(1),
        m.px(st.dash.1).max(1),
        st.color.stroke_width(m.line(2.5)),
    ))?;
    marker(area, m, st, (x + width / 2, y))
}
