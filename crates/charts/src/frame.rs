//! The frame every chart shares: layout (title, legend, plot area, margins),
//! the value axes, text styles and sizes that follow the theme's scale, and
//! [`draw`], which draws a chart's data inside it.
//!
//! Text is never measured through the backend: on a canvas that would cost a
//! DOM layout per label (plotters' web font code measures with a `<span>`).
//! Widths are estimated from the character count instead, with room to spare.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontFamily, FontStyle, RGBColor, TextStyle};

use crate::layers::Layer;
use crate::{
    Chart, ChartInput, Plot, Series, SeriesKind, Theme, cursor, overlay, palette, readout_rows,
    time,
};

pub(crate) type DrawResult<DB> =
    Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The font stack: the platform's UI font, no web fonts (the page works offline).
pub(crate) const FONT: &str = "system-ui, Segoe UI, Roboto, Helvetica, Arial, sans-serif";

/// Sizes in CSS pixels, before the theme's scale.
pub(crate) const TITLE_PX: f64 = 17.0;
pub(crate) const LEGEND_PX: f64 = 13.5;
pub(crate) const TICK_PX: f64 = 12.5;
pub(crate) const READOUT_PX: f64 = 13.0;

/// Sizes scaled for the device pixel ratio and briefing mode.
#[derive(Clone, Copy, Debug)]
pub struct Metrics {
    /// Device pixels per CSS pixel: lines and gaps.
    pub s: f64,
    /// Device pixels per CSS pixel of type (larger in briefing mode).
    pub f: f64,
}

impl Metrics {
    pub fn new(theme: Theme) -> Self {
        let s = if theme.scale.is_finite() && theme.scale > 0.0 {
            theme.scale.clamp(0.25, 8.0)
        } else {
            1.0
        };
        // 1.5 puts the smallest type (ticks, 12.5 px) above 18 px, readable
        // from the back of a meeting room.
        let f = if theme.large { s * 1.5 } else { s };
        Metrics { s, f }
    }

    /// A length in device pixels.
    pub fn px(&self, css: f64) -> i32 {
        (css * self.s).round() as i32
    }

    /// A line width in device pixels, at least 1.
    pub fn line(&self, css: f64) -> u32 {
        ((css * self.s).round() as u32).max(1)
    }

    /// A font size in device pixels.
    pub fn font(&self, css: f64) -> f64 {
        (css * self.f).round()
    }

    /// An estimate of a text's width in device pixels (generous: ~0.58 em a character).
    pub fn text_w(&self, text: &str, size: f64, bold: bool) -> i32 {
        let per = if bold { 0.62 } else { 0.58 };
        (text.chars().count() as f64 * size * per).ceil() as i32
    }
}

pub(crate) fn text_style(
    size: f64,
    color: RGBColor,
    bold: bool,
    h: HPos,
    v: VPos,
) -> TextStyle<'static> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    FontDesc::new(FontFamily::Name(FONT), size, style)
        .color(&color)
        .pos(Pos::new(h, v))
}

/// One entry of a chart's legend.
#[derive(Clone, Debug)]
pub(crate) struct LegendItem {
    pub label: String,
    pub color: RGBColor,
    pub kind: SeriesKind,
    /// The compared scenario this item names, drawn in its style.
    pub overlay: Option<usize>,
}

/// A value axis from 0 to `max` in `n` steps of `step`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub max: f64,
    pub step: f64,
    pub n: usize,
}

/// The smallest "nice" step (1, 2, 2.5, 5 × 10^k) that is at least `raw`.
pub(crate) fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let mag = 10f64.powf(raw.log10().floor());
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        let step = m * mag;
        if step >= raw * (1.0 - 1e-9) {
            return step;
        }
    }
    10.0 * mag
}

impl Scale {
    /// About five gridlines from 0 to at least `max` (empty data gives 0..1).
    pub fn nice(max: f64, min_step: f64) -> Scale {
        let max = if max.is_finite() && max > 0.0 {
            max
        } else {
            1.0
        };
        let step = nice_step(max / 5.0).max(min_step);
        let n = ((max / step) - 1e-9).ceil().max(1.0) as usize;
        Scale {
            max: step * n as f64,
            step,
            n,
        }
    }

    /// A second axis with the same gridlines (`n` steps), reaching at least `max`.
    pub fn matched(max: f64, n: usize) -> Scale {
        let max = if max.is_finite() && max > 0.0 {
            max
        } else {
            1.0
        };
        let step = nice_step(max / n as f64);
        Scale {
            max: step * n as f64,
            step,
            n,
        }
    }

    /// A time axis in weeks whose gridlines fall on whole quarters, half
    /// years and years (13, 26, 52, 104 … weeks), so the decision terms
    /// (6 months = 26 weeks, 15 months ≈ 65 weeks) read off it.
    pub fn weeks(max: f64) -> Scale {
        let max = if max.is_finite() && max > 0.0 {
            max
        } else {
            1.0
        };
        let step = [
            1.0, 2.0, 4.0, 13.0, 26.0, 52.0, 104.0, 208.0, 260.0, 520.0, 1040.0, 2080.0,
        ]
        .into_iter()
        .find(|s| max / s <= 5.0)
        .unwrap_or_else(|| nice_step(max / 5.0));
        let n = ((max / step) - 1e-9).ceil().max(1.0) as usize;
        Scale {
            max: step * n as f64,
            step,
            n,
        }
    }

    pub fn ticks(&self) -> impl Iterator<Item = f64> + '_ {
        (0..=self.n).map(move |i| i as f64 * self.step)
    }
}

/// A value axis: its scale, the labels of its ticks and its unit.
pub(crate) struct Axis {
    pub scale: Scale,
    pub ticks: Vec<String>,
    pub unit: String,
}

impl Axis {
    /// `scale` with a tick label `label(v)` at each gridline.
    pub fn new(scale: Scale, unit: impl Into<String>, label: impl Fn(f64) -> String) -> Axis {
        Axis {
            ticks: scale.ticks().map(label).collect(),
            scale,
            unit: unit.into(),
        }
    }
}

/// A dot where a line crosses the cursor's rule, in the colour of its series:
/// the line's weekly values (none: no dot) and the scale they are drawn on.
pub(crate) type Mark<'a> = (&'a [f64], &'a Scale, &'a Series);

/// What a chart draws inside its frame: `under`, the data that does not
/// move with the scenario (the bands, the baseline's ghost, a reference),
/// and `own`, the scenario's own series. When `own_fills` (the own series
/// fill areas), what does not move is drawn over them, in the foreground:
/// then `own` draws everything in its order and `under` nothing.
pub(crate) struct Body<U, O> {
    pub under: U,
    pub own: O,
    pub own_fills: bool,
}

/// Draws `layer` of `chart` in the frame. The background: paper, title,
/// legend and units; gridlines; the value and time axes' labels (outside
/// the plot); and, unless the own series fill areas, `under`, the compared
/// scenarios, the published figures and the "from" rule. The foreground:
/// the own series (with, when they fill areas, all of the above that lies
/// over them); the axis line; and, at the cursor, the rule, a dot on each
/// of `marks` and the readout. See [`crate::layers`].
pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
    chart: Chart,
    (left, right): (&Axis, Option<&Axis>),
    marks: &[Mark],
    layer: Layer,
    body: Body<impl FnOnce(&Frame) -> DrawResult<DB>, impl FnOnce(&Frame) -> DrawResult<DB>>,
) -> Result<Plot, DrawingAreaErrorKind<DB::ErrorType>> {
    let run = input.run;
    let published = crate::published::of_input(chart, input);
    let mut legend = legend_for(chart.series(), input, input.lang);
    if published.iter().any(|m| !m.partial) {
        legend.push(LegendItem {
            label: crate::published::LABEL.get(input.lang).to_string(),
            color: palette::PUBLISHED,
            kind: SeriesKind::Published,
            overlay: None,
        });
    }
    if published.iter().any(|m| m.partial) {
        legend.push(LegendItem {
            label: crate::published::PART_LABEL.get(input.lang).to_string(),
            color: palette::PUBLISHED,
            kind: SeriesKind::PublishedPart,
            overlay: None,
        });
    }
    if let (Some((_, color)), Some(bands)) = (crate::fan::of_chart(chart, input), input.bands) {
        legend.extend(crate::fan::legend(color, bands.runs, input.lang));
    }
    let frame = Frame::layout(
        area,
        input.theme,
        run.weeks(),
        Labels {
            title: chart.title(input.lang),
            legend,
            unit_left: &left.unit,
            unit_right: right.map_or("", |r| &r.unit),
            left_ticks: &left.ticks,
            right_ticks: right.map_or(&[], |r| &r.ticks),
        },
    );
    let months = time::month_starts(run);
    let Body {
        under,
        own,
        own_fills,
    } = body;
    // What lies over the plot and does not move: the compared scenarios
    // (they follow the ghost's series, on its scale), the published
    // figures and the rule at `from=`.
    let mut fixed = Some(|frame: &Frame| -> DrawResult<DB> {
        under(frame)?;
        if let Some(&(_, scale, ghost)) = marks.iter().find(|m| m.2.kind == SeriesKind::Ghost) {
            overlay::draw(area, frame, scale, input, ghost)?;
        }
        crate::published::draw(area, frame, &left.scale, &published)?;
        if let Some(week) = input.from {
            crate::join::draw(area, frame, week, input.lang)?;
        }
        Ok(())
    });
    if layer.background() {
        frame.draw_chrome(area)?;
        frame.draw_grid(area, &left.scale)?;
        time::draw_year_grid(area, &frame, &months)?;
        frame.draw_value_labels(area, &left.scale, &left.ticks, false)?;
        if let Some(right) = right {
            frame.draw_value_labels(area, &right.scale, &right.ticks, true)?;
        }
        time::draw_time_axis(area, &frame, &months, input.format)?;
        if !own_fills && let Some(fixed) = fixed.take() {
            fixed(&frame)?;
        }
    }
    if !layer.foreground() {
        return Ok(frame.plot());
    }
    own(&frame)?;
    if own_fills && let Some(fixed) = fixed {
        fixed(&frame)?;
    }
    frame.draw_baseline_axis(area)?;
    if let Some(week) = input.cursor {
        let mut rows = readout_rows(chart, run, input.baseline, week, input.format, input.lang);
        if let Some(&(_, _, ghost)) = marks.iter().find(|m| m.2.kind == SeriesKind::Ghost) {
            for (i, o) in input.compared.iter().enumerate() {
                let v = ghost.value(o.run, week);
                rows.push(crate::ReadoutRow {
                    label: o.label.to_string(),
                    value: match chart {
                        Chart::Waiting => input.format.weeks(v),
                        Chart::Costs => input.format.euro(v),
                        _ => input.format.number(v),
                    },
                    swatch: Some((overlay::style(i).color, SeriesKind::Ghost)),
                });
            }
        }
        rows.extend(crate::published::readout(
            chart,
            &published,
            week,
            input.format,
            input.lang,
            true,
        ));
        let w = week.min(run.weeks().saturating_sub(1));
        let marks: Vec<(f64, RGBColor)> = marks
            .iter()
            .map(|&(values, scale, series)| {
                (frame.mark(scale, values.get(w).copied()), series.color)
            })
            .collect();
        cursor::draw(area, &frame, week, &rows, &marks)?;
    }
    Ok(frame.plot())
}

/// Where everything goes, in pixels relative to the drawing area.
#[derive(Clone, Debug)]
pub(crate) struct Frame {
    pub m: Metrics,
    /// The area's top-left corner in backend pixels.
    pub base: (i32, i32),
    pub width: i32,
    pub left: i32,
    pub top: i32,
    pub right: i32,
    pub bottom: i32,
    /// Weeks on the time axis.
    pub n: usize,
    title: String,
    /// The legend's items, each with the x of its swatch and the y of its
    /// middle.
    legend: Vec<(LegendItem, i32, i32)>,
    unit_left: String,
    unit_right: String,
    /// Where the right axis's unit ends (the legend may stand beside it).
    unit_right_x: i32,
    unit_y: i32,
}

pub(crate) struct Labels<'a> {
    pub title: &'a str,
    pub legend: Vec<LegendItem>,
    pub unit_left: &'a str,
    pub unit_right: &'a str,
    /// The widest tick labels on each side (for the margins).
    pub left_ticks: &'a [String],
    pub right_ticks: &'a [String],
}

impl Frame {
    pub(crate) fn layout<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        theme: Theme,
        n: usize,
        labels: Labels,
    ) -> Frame {
        let m = Metrics::new(theme);
        let (w, h) = area.dim_in_pixel();
        let (width, height) = (w as i32, h as i32);
        let base = area.get_base_pixel();
        let pad = m.px(14.0);
        let title_size = m.font(TITLE_PX);
        let tick_size = m.font(TICK_PX);

        let mut y = pad;
        // Title.
        y += (title_size * 1.35) as i32;
        let below_title = y;
        let widest = |ticks: &[String]| {
            ticks
                .iter()
                .map(|t| m.text_w(t, tick_size, false))
                .max()
                .unwrap_or(0)
        };
        let left = pad + widest(labels.left_ticks) + m.px(8.0);
        let right_pad = if labels.right_ticks.is_empty() {
            // Room for half a month label at the right end.
            m.px(26.0)
        } else {
            m.px(8.0) + widest(labels.right_ticks) + pad
        };
        // Below the plot: the time axis's labels.
        let bottom = height - pad - (tick_size * 1.3) as i32 - m.px(8.0);
        let units = m.px(4.0) + (tick_size * 1.9) as i32;
        let placed = place_legend(
            &m,
            labels.legend,
            LegendRoom {
                width,
                top: below_title,
                // The plot keeps at least half the chart's height.
                most_rows_height: (bottom - units - below_title - height / 2).max(0),
                // Beside the plot the legend may run down past the time
                // axis's labels, which stand under the plot only.
                beside_height: (height - pad - below_title).max(0),
                beside_width: (width - left - right_pad) * 2 / 5,
            },
        );
        let (legend, beside) = match placed {
            Placed::Above { items, height } => {
                y += height;
                (items, 0)
            }
            Placed::Beside { items, width } => (items, width),
        };
        // Unit labels above the axes, then the plot.
        let unit_y = y + m.px(4.0);
        y = unit_y + (tick_size * 1.9) as i32;
        let right = (width - right_pad - beside).max(left + 10);
        let bottom = bottom.max(y + 10);

        Frame {
            m,
            base,
            width,
            left,
            top: y,
            right,
            bottom,
            n,
            title: labels.title.to_string(),
            legend,
            unit_left: labels.unit_left.to_string(),
            unit_right: labels.unit_right.to_string(),
            unit_right_x: right + right_pad - pad,
            unit_y,
        }
    }

    /// The pixel x of the left edge of (fractional) week `w`.
    pub fn xw(&self, w: f64) -> f64 {
        self.left as f64 + w * (self.right - self.left) as f64 / self.n.max(1) as f64
    }

    /// The pixel x of the middle of week `i`.
    pub fn xc(&self, i: usize) -> i32 {
        self.xw(i as f64 + 0.5).round() as i32
    }

    /// The pixel y of value `v` on `scale`.
    pub fn y(&self, scale: &Scale, v: f64) -> i32 {
        let v = if v.is_finite() {
            v.clamp(0.0, scale.max)
        } else {
            0.0
        };
        (self.bottom as f64 - v / scale.max * (self.bottom - self.top) as f64).round() as i32
    }

    /// The pixel y of `v` for a cursor mark (NaN when `v` is not a number).
    fn mark(&self, scale: &Scale, v: Option<f64>) -> f64 {
        match v {
            Some(v) if v.is_finite() => self.y(scale, v) as f64,
            _ => f64::NAN,
        }
    }

    fn plot(&self) -> Plot {
        Plot {
            left: self.base.0 + self.left,
            top: self.base.1 + self.top,
            right: self.base.0 + self.right,
            bottom: self.base.1 + self.bottom,
            weeks: self.n,
        }
    }

    /// Paper, title, legend and unit labels.
    pub(crate) fn draw_chrome<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> DrawResult<DB> {
        let m = &self.m;
        area.fill(&palette::PAPER)?;
        let pad = m.px(14.0);
        // A title wider than the chart is set smaller, down to the
        // smallest type of the theme (18 px in briefing mode), and only
        // then cut with an ellipsis: never cut off by the edge.
        let room = self.width - 2 * pad;
        let per_char = 0.68;
        let chars = self.title.chars().count().max(1) as f64;
        let smallest = m.font(TICK_PX);
        let title_size = m
            .font(TITLE_PX)
            .min((room as f64 / (chars * per_char)).floor())
            .max(smallest);
        let title = if chars * per_char * title_size > room as f64 {
            let keep = ((room as f64 / (per_char * title_size)) as usize).saturating_sub(1);
            let kept: String = self.title.chars().take(keep.max(1)).collect();
            format!("{}…", kept.trim_end())
        } else {
            self.title.clone()
        };
        area.draw_text(
            &title,
            &text_style(title_size, palette::INK, true, HPos::Left, VPos::Top),
            (pad, pad),
        )?;
        let legend_size = m.font(LEGEND_PX);
        let swatch = m.px(22.0);
        for &(ref item, x, mid) in &self.legend {
            match item.overlay {
                Some(i) => overlay::swatch(area, m, i, (x, mid), swatch)?,
                None => draw_swatch(area, m, item.kind, item.color, (x, mid), swatch)?,
            }
            area.draw_text(
                &item.label,
                &text_style(legend_size, palette::INK, false, HPos::Left, VPos::Center),
                (x + swatch + m.px(6.0), mid),
            )?;
        }
        let tick_size = m.font(TICK_PX);
        if !self.unit_left.is_empty() {
            area.draw_text(
                &self.unit_left,
                &text_style(tick_size, palette::AXIS, false, HPos::Left, VPos::Top),
                (pad, self.unit_y),
            )?;
        }
        if !self.unit_right.is_empty() {
            area.draw_text(
                &self.unit_right,
                &text_style(tick_size, palette::AXIS, false, HPos::Right, VPos::Top),
                (self.unit_right_x, self.unit_y),
            )?;
        }
        Ok(())
    }

    /// Horizontal gridlines for `scale` (drawn under the data).
    pub(crate) fn draw_grid<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        scale: &Scale,
    ) -> DrawResult<DB> {
        let width = self.m.line(1.0);
        for v in scale.ticks().skip(1) {
            let y = self.y(scale, v);
            rule(area, (self.left, y), (self.right, y), width, palette::GRID)?;
        }
        Ok(())
    }

    /// Tick labels of a value axis, on the left or the right of the plot.
    pub(crate) fn draw_value_labels<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        scale: &Scale,
        labels: &[String],
        right: bool,
    ) -> DrawResult<DB> {
        let size = self.m.font(TICK_PX);
        let gap = self.m.px(8.0);
        let (x, h) = if right {
            (self.right + gap, HPos::Left)
        } else {
            (self.left - gap, HPos::Right)
        };
        let style = text_style(size, palette::AXIS, false, h, VPos::Center);
        // A short plot (large type in presentation mode, a small window)
        // would set the labels on top of each other: then every other one,
        // or every third, is written, from zero up.
        let ticks: Vec<f64> = scale.ticks().collect();
        let spacing = match ticks.as_slice() {
            [a, b, ..] => (self.y(scale, *a) - self.y(scale, *b)).abs() as f64,
            _ => f64::INFINITY,
        };
        let every = (1.2 * size / spacing.max(1.0)).ceil().max(1.0) as usize;
        for (v, label) in ticks.iter().zip(labels).step_by(every) {
            area.draw_text(label, &style, (x, self.y(scale, *v)))?;
        }
        Ok(())
    }

    /// The x axis line along the bottom of the plot.
    pub(crate) fn draw_baseline_axis<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> DrawResult<DB> {
        rule(
            area,
            (self.left, self.bottom),
            (self.right, self.bottom),
            self.m.line(1.0),
            palette::AXIS,
        )
    }
}

/// Where a legend may go: the chart's width, the top of the legend, how
/// high rows above the plot may be (so that the plot keeps half the
/// chart's height), and how high and wide a column beside the plot may be.
struct LegendRoom {
    width: i32,
    top: i32,
    most_rows_height: i32,
    beside_height: i32,
    beside_width: i32,
}

/// A placed legend: in rows above the plot (taking `height`), or in
/// columns beside it (taking `width` off the plot).
enum Placed {
    Above {
        items: Vec<(LegendItem, i32, i32)>,
        height: i32,
    },
    Beside {
        items: Vec<(LegendItem, i32, i32)>,
        width: i32,
    },
}

/// `label` cut with an ellipsis to at most `room` device pixels at `size`
/// (at least one letter is kept).
pub(crate) fn fit_label(m: &Metrics, label: &str, room: i32, size: f64) -> String {
    if m.text_w(label, size, false) <= room {
        return label.to_owned();
    }
    let per = size * 0.58;
    let keep = ((room as f64 / per).floor() as usize)
        .saturating_sub(1)
        .max(1);
    let kept: String = label.chars().take(keep).collect();
    format!("{}…", kept.trim_end())
}

/// `label` in at most two lines of at most `room` device pixels at `size`:
/// whole when it fits; else broken before its bracket when both parts fit
/// ("Spoor 2" over "(veilig land)"), else at the space that makes the longer
/// line shortest; a line still too long is cut by [`fit_label`].
pub(crate) fn wrap_label(m: &Metrics, label: &str, room: i32, size: f64) -> Vec<String> {
    let w = |t: &str| m.text_w(t, size, false);
    if w(label) <= room {
        return vec![label.to_owned()];
    }
    let breaks: Vec<(&str, &str)> = label
        .match_indices(' ')
        .map(|(i, _)| (label[..i].trim_end(), label[i..].trim_start()))
        .collect();
    let bracket = breaks
        .iter()
        .find(|(_, rest)| rest.starts_with('(') && !rest[1..].contains('('))
        .filter(|(a, b)| w(a) <= room && w(b) <= room);
    let best = bracket.or_else(|| breaks.iter().min_by_key(|(a, b)| w(a).max(w(b))));
    match best {
        Some((a, b)) => vec![fit_label(m, a, room, size), fit_label(m, b, room, size)],
        None => vec![fit_label(m, label, room, size)],
    }
}

/// Lays out a legend so that the plot keeps at least half the chart's
/// height: rows above the plot at full width when they fit; else one
/// column beside the plot, long names ellipsised (the readout at the
/// pointer gives each in full); else folded into one line above the plot;
/// else as many columns beside the plot as the items need.
fn place_legend(m: &Metrics, items: Vec<LegendItem>, room: LegendRoom) -> Placed {
    let size = m.font(LEGEND_PX);
    let pad = m.px(14.0);
    let swatch = m.px(22.0) + m.px(6.0);
    let gap = m.px(20.0);
    let row_h = (size * 1.5) as i32;
    let item_w = |item: &LegendItem| swatch + m.text_w(&item.label, size, false);
    if items.is_empty() {
        return Placed::Above {
            items: Vec::new(),
            height: 0,
        };
    }
    let n = items.len() as i32;
    // Rows at full width.
    let mut rows = 1;
    let mut x = pad;
    for item in &items {
        let w = item_w(item);
        if x > pad && x + w > room.width - pad {
            x = pad;
            rows += 1;
        }
        x += w + gap;
    }
    let top = room.top + m.px(2.0);
    if rows * row_h <= room.most_rows_height {
        let mut placed = Vec::with_capacity(items.len());
        let (mut x, mut y) = (pad, top);
        for item in items {
            let w = item_w(&item);
            if x > pad && x + w > room.width - pad {
                x = pad;
                y += row_h;
            }
            placed.push((item, x, y + row_h / 2));
            x += w + gap;
        }
        return Placed::Above {
            items: placed,
            height: rows * row_h,
        };
    }
    let tight_h = (size * 1.2) as i32;
    let column = |items: Vec<LegendItem>, columns: i32, row: i32| {
        let widest = items.iter().map(&item_w).max().unwrap_or(0);
        let col_w = (room.beside_width / columns).min(widest);
        let per_column = (n + columns - 1) / columns;
        let x0 = room.width - pad - columns * col_w - (columns - 1) * m.px(8.0);
        let placed = items
            .into_iter()
            .enumerate()
            .map(|(i, mut item)| {
                let (c, r) = (i as i32 / per_column, i as i32 % per_column);
                item.label = fit_label(m, &item.label, col_w - swatch, size);
                let x = x0 + c * (col_w + m.px(8.0));
                (item, x, top + r * row + row / 2)
            })
            .collect();
        Placed::Beside {
            items: placed,
            width: room.width - pad - x0 + m.px(12.0),
        }
    };
    if n * tight_h <= room.beside_height {
        return column(items, 1, tight_h);
    }
    // Closer rows still: one column reads better than two cut short.
    let close_h = (size * 1.05) as i32;
    if n * close_h <= room.beside_height {
        return column(items, 1, close_h);
    }
    if row_h <= room.most_rows_height {
        // One line: every label cut to an equal share of it.
        let share = (room.width - 2 * pad - (n - 1) * gap) / n;
        let mut x = pad;
        let placed = items
            .into_iter()
            .map(|mut item| {
                item.label = fit_label(m, &item.label, share - swatch, size);
                let w = item_w(&item);
                let at = (item, x, top + row_h / 2);
                x += w + gap;
                at
            })
            .collect();
        return Placed::Above {
            items: placed,
            height: row_h,
        };
    }
    let columns = ((n * tight_h + room.beside_height - 1) / room.beside_height.max(1)).clamp(1, n);
    column(items, columns, tight_h)
}

/// A horizontal or vertical line of `width` device pixels from `a` to `b`,
/// drawn as a filled rectangle on whole pixels: crisp on a canvas, where a
/// 1-pixel stroke on a pixel boundary smears over two pixels.
pub(crate) fn rule<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    a: (i32, i32),
    b: (i32, i32),
    width: u32,
    color: RGBColor,
) -> DrawResult<DB> {
    let w = width as i32;
    let (x0, y0, x1, y1) = if a.1 == b.1 {
        let y = a.1 - w / 2;
        (a.0.min(b.0), y, a.0.max(b.0), y + w)
    } else {
        let x = a.0 - w / 2;
        (x, a.1.min(b.1), x + w, a.1.max(b.1))
    };
    area.draw(&Rectangle::new([(x0, y0), (x1, y1)], color.filled()))
}

/// A legend swatch centred vertically on `at.1`, starting at `at.0`.
pub(crate) fn draw_swatch<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    m: &Metrics,
    kind: SeriesKind,
    color: RGBColor,
    at: (i32, i32),
    width: i32,
) -> DrawResult<DB> {
    let (x, y) = at;
    match kind {
        SeriesKind::Stacked | SeriesKind::Area | SeriesKind::Bar => {
            let half = m.px(6.0);
            area.draw(&Rectangle::new(
                [(x, y - half), (x + width, y + half)],
                color.filled(),
            ))
        }
        SeriesKind::Line | SeriesKind::LineRight => area.draw(&PathElement::new(
            vec![(x, y), (x + width, y)],
            color.stroke_width(m.line(3.0)),
        )),
        SeriesKind::Published | SeriesKind::PublishedPart => crate::published::diamond(
            area,
            m,
            (x + width / 2, y),
            5.5,
            kind == SeriesKind::PublishedPart,
        ),
        SeriesKind::Ghost | SeriesKind::Reference | SeriesKind::Extrapolated => {
            let (dash, gap) = dash_pattern(m, kind);
            let line = if kind == SeriesKind::Extrapolated {
                3.0
            } else {
                2.0
            };
            area.draw(&DashedPathElement::new(
                [(x, y), (x + width, y)],
                dash,
                gap,
                color.stroke_width(m.line(line)),
            ))
        }
    }
}

/// Dash and gap lengths in device pixels.
pub(crate) fn dash_pattern(m: &Metrics, kind: SeriesKind) -> (i32, i32) {
    match kind {
        SeriesKind::Reference => (m.px(3.0).max(1), m.px(3.0).max(1)),
        // Short dashes with wide gaps: unlike the ghost's, even in grey print.
        SeriesKind::Extrapolated => (m.px(4.0).max(1), m.px(5.0).max(1)),
        _ => (m.px(7.0).max(1), m.px(4.0).max(1)),
    }
}

/// The legend of a chart's series (the ghost only when there is a
/// baseline), then one item per compared scenario, with its label.
fn legend_for(
    series: &[Series],
    input: &ChartInput,
    lang: doorstroom_model::Lang,
) -> Vec<LegendItem> {
    let has_baseline = input.baseline.is_some();
    let mut items: Vec<LegendItem> = series
        .iter()
        .filter(|s| has_baseline || s.kind != SeriesKind::Ghost)
        .map(|s| LegendItem {
            label: s.label.get(lang).to_string(),
            color: s.color,
            kind: s.kind,
            overlay: None,
        })
        .collect();
    items.extend(input.compared.iter().enumerate().map(|(i, o)| LegendItem {
        label: o.label.to_string(),
        color: overlay::style(i).color,
        kind: SeriesKind::Ghost,
        overlay: Some(i),
    }));
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_wrap_before_their_bracket_else_where_lines_are_even() {
        let m = Metrics::new(Theme::default());
        let w = |t: &str| m.text_w(t, 15.0, false);
        let whole = "Spoor 2 (veilig land)";
        assert_eq!(wrap_label(&m, whole, w(whole), 15.0), [whole]);
        assert_eq!(
            wrap_label(&m, whole, w(whole) - 1, 15.0),
            ["Spoor 2", "(veilig land)"]
        );
        assert_eq!(
            wrap_label(&m, "Family reunification", 150, 15.0),
            ["Family", "reunification"]
        );
        // Where the bracket's part is too long, the lines are evened out.
        assert_eq!(
            wrap_label(
                &m,
                "Track 4 (general procedure)",
                w("Track 4 (general"),
                15.0
            ),
            ["Track 4 (general", "procedure)"]
        );
        // One word too long for the room is cut, as fit_label cuts.
        assert_eq!(
            wrap_label(&m, "ingebrekestellingen", 40, 15.0)[0]
                .chars()
                .last(),
            Some('…')
        );
    }

    #[test]
    fn nice_scales_cover_the_data() {
        let s = Scale::nice(47_000.0, 1.0);
        assert_eq!(s.step, 10_000.0);
        assert_eq!(s.max, 50_000.0);
        assert_eq!(s.n, 5);
        let s = Scale::nice(0.0, 1.0);
        assert_eq!((s.max, s.n), (1.0, 1));
        let s = Scale::nice(12.0, 1.0);
        assert!(s.max >= 12.0 && s.n <= 6, "{s:?}");
        let r = Scale::matched(123_456_789.0, 5);
        assert_eq!(r.n, 5);
        assert!(r.max >= 123_456_789.0 && r.max <= 250_000_000.0, "{r:?}");
        let w = Scale::weeks(70.0);
        assert_eq!((w.step, w.max), (26.0, 78.0));
        let w = Scale::weeks(763.0);
        assert_eq!(w.step, 208.0);
        assert!(Scale::weeks(0.0).max >= 1.0);
        // A small maximum with a minimum step of 1 (whole weeks).
        let s = Scale::nice(2.0, 1.0);
        assert_eq!(s.step, 1.0);
    }
}
