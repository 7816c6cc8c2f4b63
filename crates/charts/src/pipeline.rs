//! Where the cases are: a stock-and-flow picture of the pipeline at one
//! week of a run. One row per stream; in each, a box per status of the
//! open cases (within term, past term, notice sent, appeal pending, court
//! order), its area as the number of cases it holds, and arrows for the
//! week's flows (intake in, notices, appeals and court orders between the
//! boxes, decisions out), their thickness as the number of cases. Every
//! box and arrow has its number written on it, and the statuses are named
//! over their columns: readable in black and white, by position and words.
//!
//! Sizes are on one scale over the whole run (the largest box and the
//! largest flow of any week), so that a picture that plays over the run
//! grows and shrinks with the cases.

use doorstroom_model::{Column, Lang, Measure, Run, Stream, Text};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use crate::frame::{Metrics, fit_label, text_style, wrap_label};
use crate::{Format, Theme, palette};

/// The diagram's type in CSS pixels, above the charts' ticks and legends:
/// the page lays the picture out 1000 pixels wide and shows it about 790
/// wide at 1280 × 720, where its smallest type is then still 12 pixels.
const TITLE_SIZE_PX: f64 = 18.0;
const LABEL_PX: f64 = 16.5;
const SMALL_PX: f64 = 15.5;

/// The statuses of an open case, in the order a case passes them.
pub const STATUSES: [Measure; 5] = [
    Measure::BacklogWithinTerm,
    Measure::BacklogPastTerm,
    Measure::BacklogNoticeSent,
    Measure::BacklogAppealPending,
    Measure::BacklogCourtOrder,
];

/// The statuses' names over their columns.
const STATUS_NAMES: [Text; 5] = [
    Text {
        nl: "binnen termijn",
        en: "within term",
    },
    Text {
        nl: "termijn verstreken",
        en: "past term",
    },
    Text {
        nl: "in gebreke gesteld",
        en: "notice sent",
    },
    Text {
        nl: "beroep loopt",
        en: "appeal pending",
    },
    Text {
        nl: "rechter beval",
        en: "court order",
    },
];

/// The boxes' fills: light to dark as a case goes further, so that the
/// order reads in grey too.
pub const STATUS_COLORS: [RGBColor; 5] = [
    RGBColor(0xC6, 0xE3, 0xF5),
    RGBColor(0xF5, 0xD9, 0x9E),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0x8E, 0x3B, 0x16),
];

/// The arrows' fill.
pub const ARROW_COLOR: RGBColor = palette::AXIS;

/// The week's flows drawn as arrows: in, between the boxes, out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// Into "within term".
    Intake,
    /// "Past term" to "notice sent".
    Notices,
    /// "Notice sent" to "appeal pending".
    Appeals,
    /// "Appeal pending" to "court order".
    CourtOrders,
    /// Out of the pipeline, from every status.
    Decisions,
}

impl Flow {
    pub const ALL: [Flow; 5] = [
        Flow::Intake,
        Flow::Notices,
        Flow::Appeals,
        Flow::CourtOrders,
        Flow::Decisions,
    ];

    /// The run's measure of this flow.
    pub fn measure(self) -> Measure {
        match self {
            Flow::Intake => Measure::Intake,
            Flow::Notices => Measure::NoticesSent,
            Flow::Appeals => Measure::AppealsFiled,
            Flow::CourtOrders => Measure::CourtOrders,
            Flow::Decisions => Measure::Decisions,
        }
    }

    pub fn name(self) -> Text {
        match self {
            Flow::Intake => Text {
                nl: "instroom",
                en: "intake",
            },
            Flow::Notices => Text {
                nl: "ingebrekestellingen",
                en: "notices",
            },
            Flow::Appeals => Text {
                nl: "beroepen",
                en: "appeals",
            },
            Flow::CourtOrders => Text {
                nl: "bevelen",
                en: "court orders",
            },
            Flow::Decisions => Text {
                nl: "beslissingen (uit elk vak)",
                en: "decisions (from every box)",
            },
        }
    }
}

const TITLE: Text = Text {
    nl: "Waar de zaken zijn, week van",
    en: "Where the cases are, week of",
};
const UNITS: Text = Text {
    nl: "vakken: open zaken aan het eind van de week; pijlen: zaken in die week",
    en: "boxes: open cases at the end of the week; arrows: cases in that week",
};
const OPEN: Text = Text {
    nl: "open zaken",
    en: "open cases",
};

/// Everything the diagram needs.
pub struct PipelineInput<'a> {
    pub run: &'a Run,
    /// The week shown (clamped to the run).
    pub week: usize,
    pub lang: Lang,
    pub format: &'a dyn Format,
    pub theme: Theme,
}

impl PipelineInput<'_> {
    fn week(&self) -> usize {
        self.week.min(self.run.weeks().saturating_sub(1))
    }

    /// Cases of `stream` in status `status` at the end of the week.
    pub fn stock(&self, stream: Stream, status: Measure) -> f64 {
        self.run
            .series(Column::of(status, stream))
            .get(self.week())
            .copied()
            .unwrap_or(0.0)
    }

    /// Cases of `stream` in `flow` in the week.
    pub fn flow(&self, stream: Stream, flow: Flow) -> f64 {
        self.run
            .series(Column::of(flow.measure(), stream))
            .get(self.week())
            .copied()
            .unwrap_or(0.0)
    }

    /// The largest stock and the largest flow of any stream in any week.
    fn scale(&self) -> (f64, f64) {
        let most = |measures: &mut dyn Iterator<Item = Measure>| {
            measures
                .flat_map(|m| Stream::ALL.map(|s| Column::of(m, s)))
                .flat_map(|c| self.run.series(c).iter().copied())
                .fold(0.0, f64::max)
        };
        (
            most(&mut STATUSES.into_iter()).max(1.0),
            most(&mut Flow::ALL.iter().map(|f| f.measure())).max(1.0),
        )
    }
}

/// Where a box and an arrow were drawn, for tests and hit-testing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Drawn {
    pub stream: Stream,
    /// The status (a box) ...
    pub status: Option<Measure>,
    /// ... or the flow (an arrow).
    pub flow: Option<Flow>,
    pub value: f64,
    /// The box's width and height, or the arrow shaft's length and
    /// thickness, in device pixels.
    pub size: (i32, i32),
}

/// Draws the diagram on `area` (clearing it first); returns its boxes and
/// arrows.
pub fn draw_pipeline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &PipelineInput,
) -> Result<Vec<Drawn>, DrawingAreaErrorKind<DB::ErrorType>> {
    let m = Metrics::new(input.theme);
    let (w, h) = area.dim_in_pixel();
    let (width, height) = (w as i32, h as i32);
    let pad = m.px(12.0);
    let lang = input.lang;
    let f = input.format;
    area.fill(&palette::PAPER)?;
    let title_size = m.font(TITLE_SIZE_PX);
    let label_size = m.font(LABEL_PX);
    let small = m.font(SMALL_PX);
    let line_h = |size: f64| (size * 1.2) as i32;
    let week = input.week();
    let total: f64 = STATUSES
        .iter()
        .flat_map(|&st| Stream::ALL.map(|s| input.stock(s, st)))
        .sum();
    let title = format!(
        "{} {} · {} {}",
        TITLE.get(lang),
        f.date(input.run.week_start(week)),
        f.number(total),
        OPEN.get(lang)
    );
    area.draw_text(
        &fit_label(&m, &title, width - 2 * pad, title_size),
        &text_style(title_size, palette::INK, true, HPos::Left, VPos::Top),
        (pad, pad),
    )?;
    area.draw_text(
        &fit_label(&m, UNITS.get(lang), width - 2 * pad, small),
        &text_style(small, palette::AXIS, false, HPos::Left, VPos::Top),
        (pad, pad + (title_size * 1.3) as i32),
    )?;

    // Columns: the streams' names, the intake arrow, then five boxes with
    // four gaps between them, and the decisions arrow. A stream's name
    // takes two lines rather than be cut ("Spoor 2" over "(veilig land)").
    let names: Vec<Vec<String>> = Stream::ALL
        .iter()
        .map(|s| wrap_label(&m, s.label(lang), width / 5, label_size))
        .collect();
    let name_w = names
        .iter()
        .flatten()
        .map(|l| m.text_w(l, label_size, true))
        .max()
        .unwrap_or(0);
    let left = pad + name_w + m.px(8.0);
    let usable = (width - pad - left).max(100);
    // Shares of the width: arrows in and out 1 each, boxes 2 each, gaps 1.
    let unit = f64::from(usable) / (1.0 + 5.0 * 2.0 + 4.0 * 1.0 + 1.2);
    let arrow_in = (left, left + unit as i32);
    let box_x = |i: usize| left + (unit * (1.0 + 3.0 * i as f64)) as i32;
    let box_w = (unit * 2.0) as i32;
    let header_top = pad + (title_size * 1.3 + small * 1.6) as i32;
    // Two lines for the statuses' names, two for the flows'.
    let flow_top = header_top + 2 * line_h(small);
    let top = flow_top + 2 * line_h(small) + m.px(4.0);
    let bottom = height - pad;
    let row_h = f64::from(bottom - top) / Stream::ALL.len() as f64;
    // The largest box fills its cell but for room for its number.
    let cell = (f64::from(box_w)).min(row_h - f64::from(label_size as i32) * 1.6);
    let (most_stock, most_flow) = input.scale();
    let thickest = (row_h * 0.22).max(3.0);

    // Lines of text centred on `x`, from `y` down.
    let lines = |lines: &[String], x: i32, y: i32, style: &TextStyle, size: f64| {
        lines
            .iter()
            .enumerate()
            .try_for_each(|(k, l)| area.draw_text(l, style, (x, y + k as i32 * line_h(size))))
    };

    // The headers: statuses over their boxes (a column is three units
    // wide), flows over their gaps.
    let status_room = (unit * 3.0) as i32 - m.px(8.0);
    let status_style = text_style(small, palette::INK, true, HPos::Center, VPos::Top);
    for (i, name) in STATUS_NAMES.iter().enumerate() {
        let wrapped = wrap_label(&m, name.get(lang), status_room, small);
        // One line sits low, beside the two-line names.
        let y = header_top + (2 - wrapped.len() as i32) * line_h(small);
        lines(&wrapped, box_x(i) + box_w / 2, y, &status_style, small)?;
    }
    // The decisions leave at the right, their name in two lines ending there.
    let out = (box_x(4) + box_w, width - pad);
    let decisions = wrap_label(
        &m,
        Flow::Decisions.name().get(lang),
        out.1 - out.0 + box_w,
        small,
    );
    let decisions_left = out.1 - decisions.first().map_or(0, |l| m.text_w(l, small, false));
    let flow_style = text_style(small, palette::AXIS, false, HPos::Right, VPos::Top);
    lines(&decisions, out.1, flow_top, &flow_style, small)?;
    // The other flows' names, one line each, centred over their arrows: a
    // name may reach as far as its neighbours leave room (the term running
    // out has none, so "ingebrekestellingen" reaches over it).
    let heads = [
        (Flow::Intake, (arrow_in.0 + arrow_in.1) / 2),
        (Flow::Notices, box_x(2) - (unit / 2.0) as i32),
        (Flow::Appeals, box_x(3) - (unit / 2.0) as i32),
        (Flow::CourtOrders, box_x(4) - (unit / 2.0) as i32),
    ];
    let half = |i: usize| m.text_w(heads[i].0.name().get(lang), small, false) / 2;
    let flow_style = text_style(small, palette::AXIS, false, HPos::Center, VPos::Top);
    for (i, &(flow, x)) in heads.iter().enumerate() {
        let before = if i == 0 {
            x - pad
        } else {
            x - heads[i - 1].1 - half(i - 1)
        };
        let after = heads
            .get(i + 1)
            .map_or(decisions_left - x, |&(_, nx)| nx - x - half(i + 1));
        let room = 2 * before.min(after) - m.px(8.0);
        area.draw_text(
            &fit_label(&m, flow.name().get(lang), room, small),
            &flow_style,
            (x, flow_top),
        )?;
    }

    let mut drawn = Vec::new();
    for (r, &stream) in Stream::ALL.iter().enumerate() {
        let yc = top + (row_h * (r as f64 + 0.5)) as i32 - (label_size * 0.5) as i32;
        let name = &names[r];
        let name_top = yc - (name.len() as i32 - 1) * line_h(label_size) / 2;
        let name_style = text_style(label_size, palette::INK, true, HPos::Right, VPos::Center);
        for (k, l) in name.iter().enumerate() {
            area.draw_text(
                l,
                &name_style,
                (left - m.px(8.0), name_top + k as i32 * line_h(label_size)),
            )?;
        }
        // The boxes: their area as their cases.
        let mut first_side = 0;
        for (i, &status) in STATUSES.iter().enumerate() {
            let v = input.stock(stream, status);
            let side = (cell * (v.max(0.0) / most_stock).sqrt()).round() as i32;
            let side = if v > 0.0 { side.max(1) } else { 0 };
            let cx = box_x(i) + box_w / 2;
            if i == 0 {
                first_side = side;
            }
            if side > 0 {
                area.draw(&Rectangle::new(
                    [
                        (cx - side / 2, yc - side / 2),
                        (cx - side / 2 + side, yc - side / 2 + side),
                    ],
                    STATUS_COLORS[i].filled(),
                ))?;
                area.draw(&Rectangle::new(
                    [
                        (cx - side / 2, yc - side / 2),
                        (cx - side / 2 + side, yc - side / 2 + side),
                    ],
                    palette::INK.stroke_width(m.line(1.0)),
                ))?;
            }
            area.draw_text(
                &f.number(v),
                &text_style(label_size, palette::INK, false, HPos::Center, VPos::Top),
                (cx, yc + side / 2 + m.px(3.0)),
            )?;
            drawn.push(Drawn {
                stream,
                status: Some(status),
                flow: None,
                value: v,
                size: (side, side),
            });
        }
        // The arrows: their thickness as their cases.
        let mut arrow = |flow: Option<Flow>, x0: i32, x1: i32| -> Result<(), _> {
            let v = flow.map_or(0.0, |fl| input.flow(stream, fl));
            // A flow's shaft is at least a pixel thick, so that a week
            // without any still shows where the cases would go.
            let t = ((thickest * v.max(0.0) / most_flow).round() as i32).max(1);
            let head = m.px(7.0).max(t);
            let y = yc;
            let Some(fl) = flow else {
                // The term running out: a dashed line, no count of its own.
                area.draw(&DashedPathElement::new(
                    [(x0, y), (x1 - head, y)],
                    m.px(3.0).max(1),
                    m.px(3.0).max(1),
                    palette::GHOST.stroke_width(m.line(1.5)),
                ))?;
                area.draw(&Polygon::new(
                    vec![
                        (x1 - head, y - head / 2),
                        (x1, y),
                        (x1 - head, y + head / 2),
                    ],
                    palette::GHOST.filled(),
                ))?;
                return Ok(());
            };
            area.draw(&Rectangle::new(
                [(x0, y - t / 2), (x1 - head, y - t / 2 + t)],
                ARROW_COLOR.filled(),
            ))?;
            area.draw(&Polygon::new(
                vec![
                    (x1 - head, y - head / 2 - t / 2),
                    (x1, y),
                    (x1 - head, y + head / 2 + t / 2),
                ],
                ARROW_COLOR.filled(),
            ))?;
            {
                area.draw_text(
                    &f.number(v),
                    &text_style(small, palette::INK, false, HPos::Center, VPos::Bottom),
                    ((x0 + x1) / 2, y - t / 2 - head / 2 - m.px(2.0)),
                )?;
                drawn.push(Drawn {
                    stream,
                    status: None,
                    flow: Some(fl),
                    value: v,
                    size: (x1 - head - x0, t),
                });
            }
            Ok::<(), DrawingAreaErrorKind<DB::ErrorType>>(())
        };
        let gap = |i: usize| (box_x(i) + box_w + m.px(4.0), box_x(i + 1) - m.px(4.0));
        // The intake ends at the first box, however large.
        let into = (box_x(0) + box_w / 2 - first_side / 2 - m.px(4.0)).max(arrow_in.0 + m.px(20.0));
        arrow(Some(Flow::Intake), arrow_in.0, into)?;
        // Within term to past term: the term runs out; no count of its own.
        arrow(None, gap(0).0, gap(0).1)?;
        arrow(Some(Flow::Notices), gap(1).0, gap(1).1)?;
        arrow(Some(Flow::Appeals), gap(2).0, gap(2).1)?;
        arrow(Some(Flow::CourtOrders), gap(3).0, gap(3).1)?;
        arrow(Some(Flow::Decisions), out.0 + m.px(4.0), out.1)?;
    }
    Ok(drawn)
}

/// The diagram in words, one line per stream, for a screen reader: "Spoor
/// 4 (AA/VA): binnen termijn 40.000, …; instroom 800, …".
pub fn pipeline_lines(input: &PipelineInput) -> Vec<String> {
    let lang = input.lang;
    let f = input.format;
    let mut lines = vec![format!(
        "{} {}",
        TITLE.get(lang),
        f.date(input.run.week_start(input.week()))
    )];
    for stream in Stream::ALL {
        let stocks: Vec<String> = STATUSES
            .iter()
            .zip(STATUS_NAMES)
            .map(|(&st, name)| format!("{} {}", name.get(lang), f.number(input.stock(stream, st))))
            .collect();
        let flows: Vec<String> = Flow::ALL
            .iter()
            .map(|&fl| {
                format!(
                    "{} {}",
                    fl.name().get(lang),
                    f.number(input.flow(stream, fl))
                )
            })
            .collect();
        lines.push(format!(
            "{}: {}; {}",
            stream.label(lang),
            stocks.join(", "),
            flows.join(", ")
        ));
    }
    lines
}

/// Draws the diagram into an SVG document of `width` × `height` pixels.
#[cfg(feature = "svg")]
pub fn pipeline_svg(input: &PipelineInput, width: u32, height: u32) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        // The SVG backend writes to a string and cannot fail.
        let _ = draw_pipeline(&root, input);
        let _ = root.present();
    }
    doorstroom_model::safe_text::svg(&out)
}

/// The diagram with `caption` under it, as the page exports it.
#[cfg(feature = "svg")]
pub fn pipeline_svg_with_caption(
    input: &PipelineInput,
    width: u32,
    height: u32,
    caption: &crate::Caption,
) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        let _ = crate::above_caption(&root, input.theme, caption, |top| draw_pipeline(top, input));
        let _ = root.present();
    }
    doorstroom_model::safe_text::svg(&out)
}
