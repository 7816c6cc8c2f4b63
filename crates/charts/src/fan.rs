//! Fan bands: the P10–P90 range of the Monte Carlo runs as a translucent
//! area, and their median (P50) as a dotted line, drawn behind the chart's
//! central line (the deterministic run). Drawn only when the bands cover
//! the same weeks as the run, so bands of another horizon are never shown
//! against it.

use doorstroom_model::Text;
use doorstroom_model::uncertainty::Band;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

use crate::frame::{DrawResult, Frame, LegendItem, Scale, dash_pattern};
use crate::{Chart, ChartInput, SeriesKind, palette};

/// How opaque the band is over what lies under it (the backlog's stacked
/// areas stay readable through it).
const BAND_ALPHA: f64 = 0.28;

/// The band's colour as it looks on the paper: the swatch in the legend.
fn tint(color: RGBColor) -> RGBColor {
    let mix = |c: u8, p: u8| {
        (f64::from(c) * BAND_ALPHA + f64::from(p) * (1.0 - BAND_ALPHA)).round() as u8
    };
    RGBColor(
        mix(color.0, palette::PAPER.0),
        mix(color.1, palette::PAPER.1),
        mix(color.2, palette::PAPER.2),
    )
}

/// The band a chart draws and its colour (its central line's), if the
/// input has bands of the run's length: the backlog, the cumulative cost
/// and the expected wait have bands; the flow chart has none.
pub(crate) fn of_chart<'a>(chart: Chart, input: &ChartInput<'a>) -> Option<(&'a Band, RGBColor)> {
    let bands = input.bands?;
    let (band, color) = match chart {
        Chart::Backlog => (&bands.backlog, palette::INK),
        Chart::Costs => (&bands.cost_cumulative, palette::INK),
        Chart::Waiting => (&bands.expected_wait, palette::BLUE),
        Chart::Flow => return None,
    };
    (band.p50.len() == input.run.weeks()).then_some((band, color))
}

/// The largest P90 of `band` (0 without one), for the value axis.
pub(crate) fn max(band: Option<(&Band, RGBColor)>) -> f64 {
    band.map_or(0.0, |(b, _)| crate::shapes::max_of([&b.p90[..]]))
}

/// The legend entries of a band drawn in `color` over `runs` runs.
pub(crate) fn legend(color: RGBColor, runs: u32, lang: doorstroom_model::Lang) -> [LegendItem; 2] {
    let range = Text {
        nl: "P10–P90 van",
        en: "P10–P90 of",
    };
    let runs_word = Text {
        nl: "doorrekeningen",
        en: "runs",
    };
    let median = Text {
        nl: "mediaan (P50)",
        en: "median (P50)",
    };
    [
        LegendItem {
            label: format!("{} {runs} {}", range.get(lang), runs_word.get(lang)),
            color: tint(color),
            kind: SeriesKind::Area,
            overlay: None,
        },
        LegendItem {
            label: median.get(lang).to_string(),
            color,
            kind: SeriesKind::Reference,
            overlay: None,
        },
    ]
}

/// Draws `band` on `scale` in `color`: the P10–P90 area, then the P50 line.
pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
    scale: &Scale,
    band: &Band,
    color: RGBColor,
) -> DrawResult<DB> {
    let n = frame.n.min(band.p50.len());
    if n == 0 {
        return Ok(());
    }
    let finite = |v: f64| if v.is_finite() { v } else { scale.max };
    let mut points: Vec<(i32, i32)> = Vec::with_capacity(2 * n);
    for i in 0..n {
        points.push((frame.xc(i), frame.y(scale, finite(band.p90[i]))));
    }
    for i in (0..n).rev() {
        points.push((frame.xc(i), frame.y(scale, finite(band.p10[i]))));
    }
    area.draw(&Polygon::new(points, color.mix(BAND_ALPHA).filled()))?;
    let (dash, gap) = dash_pattern(&frame.m, SeriesKind::Reference);
    let median: Vec<(i32, i32)> = (0..n)
        .map(|i| (frame.xc(i), frame.y(scale, finite(band.p50[i]))))
        .collect();
    area.draw(&DashedPathElement::new(
        median,
        dash,
        gap,
        color.stroke_width(frame.m.line(1.5)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_swatch_is_the_band_on_paper() {
        assert_eq!(tint(palette::PAPER), palette::PAPER);
        let t = tint(RGBColor(0, 0, 0));
        assert_eq!(t.0, ((1.0 - BAND_ALPHA) * 255.0_f64).round() as u8);
    }
}
