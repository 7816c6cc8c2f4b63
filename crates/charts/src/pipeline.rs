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

use crate::frame::{LEGEND_PX, Metrics, TICK_PX, TITLE_PX, fit_label, text_style, wrap_label};
use crate::{Format, Theme, palette};

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
/// The title where the whole one does not fit (the page's heading or the
/// presenter's chooser names the picture there).
const SHORT_TITLE: Text = Text {
    nl: "Week van",
    en: "Week of",
};
const UNITS: Text = Text {
    nl: "vakken: open zaken aan het eind van de week; pijlen: zaken in die week",
    en: "boxes: open cases at the end of the week; arrows: cases in that week",
};
const OPEN: Text = Text {
    nl: "open zaken",
    en: "open cases",
};
/// Said of the one row drawn when a row per stream has no room.
const TOGETHER: Text = Text {
    nl: "alle sporen samen",
    en: "all streams together",
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

/// A row's column of `measure`: one stream's, or all streams' (`None`).
fn column(row: Option<Stream>, measure: Measure) -> Column {
    row.map_or(Column::total(measure), |s| Column::of(measure, s))
}

impl PipelineInput<'_> {
    fn week(&self) -> usize {
        self.week.min(self.run.weeks().saturating_sub(1))
    }

    fn at(&self, c: Column) -> f64 {
        self.run.series(c).get(self.week()).copied().unwrap_or(0.0)
    }

    /// Cases of `stream` in status `status` at the end of the week.
    pub fn stock(&self, stream: Stream, status: Measure) -> f64 {
        self.at(Column::of(status, stream))
    }

    /// Cases of `stream` in `flow` in the week.
    pub fn flow(&self, stream: Stream, flow: Flow) -> f64 {
        self.at(Column::of(flow.measure(), stream))
    }

    /// The largest stock and the largest flow of any of `rows` in any week.
    fn scale(&self, rows: &[Option<Stream>]) -> (f64, f64) {
        let most = |measures: &mut dyn Iterator<Item = Measure>| {
            measures
                .flat_map(|m| rows.iter().map(move |&r| column(r, m)))
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
    /// The row's stream, or `None` for all streams together.
    pub stream: Option<Stream>,
    /// The status (a box) ...
    pub status: Option<Measure>,
    /// ... or the flow (an arrow).
    pub flow: Option<Flow>,
    pub value: f64,
    /// The box's width and height, or the arrow shaft's length and
    /// thickness, in device pixels.
    pub size: (i32, i32),
}

/// Draws the diagram on `area` (clearing it first), laid out at the area's
/// own size and the theme's type: a row per stream where the rows have
/// room for their boxes, numbers and names at that type, else one row of
/// all streams together (a projector's half screen), which the words
/// under the title say. Returns its boxes and arrows.
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
    // The charts' own type: the title, the legends' and the ticks' sizes.
    let label_size = m.font(LEGEND_PX);
    let small = m.font(TICK_PX);
    let line_h = |size: f64| (size * 1.2).ceil() as i32;
    let head = m.px(7.0);
    let week = input.week();
    let total: f64 = STATUSES.iter().map(|&st| input.at(Column::total(st))).sum();

    // The title: whole at the title's size, else the week alone, else at
    // the labels' size.
    let when = format!(
        "{} · {} {}",
        f.date(input.run.week_start(week)),
        f.number(total),
        OPEN.get(lang)
    );
    let room = width - 2 * pad;
    let (title, title_size) = [
        (format!("{} {when}", TITLE.get(lang)), m.font(TITLE_PX)),
        (
            format!("{} {when}", SHORT_TITLE.get(lang)),
            m.font(TITLE_PX),
        ),
        (format!("{} {when}", SHORT_TITLE.get(lang)), label_size),
    ]
    .into_iter()
    .find(|(t, size)| m.text_w(t, *size, true) <= room)
    .unwrap_or((format!("{} {when}", SHORT_TITLE.get(lang)), label_size));
    area.draw_text(
        &fit_label(&m, &title, room, title_size),
        &text_style(title_size, palette::INK, true, HPos::Left, VPos::Top),
        (pad, pad),
    )?;
    let units_top = pad + (title_size * 1.3) as i32;
    // Under the units' line(s): two lines of the statuses' names, two of
    // the flows', then the rows.
    let rows_top = |units: usize| {
        units_top
            + units as i32 * line_h(small)
            + (small * 0.4) as i32
            + 4 * line_h(small)
            + m.px(4.0)
    };
    let bottom = height - pad;

    // A row per stream if each has room for the arrows' numbers above its
    // arrows and a box with its number under it, and the streams' names
    // fit beside the rows; else one row of all streams.
    let names: Vec<Vec<String>> = Stream::ALL
        .iter()
        .map(|s| wrap_label(&m, s.label(lang), width / 4, label_size))
        .collect();
    let names_fit = !names.iter().flatten().any(|l| l.ends_with('…'));
    let full_units = wrap_label(&m, UNITS.get(lang), room, small);
    let row_need = ((label_size * 0.5 + f64::from(head) * 0.5 + 2.0 + f64::from(line_h(small)))
        / 0.39)
        .max(label_size * 3.6);
    let per_stream = names_fit
        && f64::from(bottom - rows_top(full_units.len())) / Stream::ALL.len() as f64 >= row_need;
    let (rows, units): (Vec<Option<Stream>>, Vec<String>) = if per_stream {
        (Stream::ALL.map(Some).to_vec(), full_units)
    } else {
        let words = format!("{}; {}", TOGETHER.get(lang), UNITS.get(lang));
        (vec![None], wrap_label(&m, &words, room, small))
    };
    for (k, l) in units.iter().enumerate() {
        area.draw_text(
            l,
            &text_style(small, palette::AXIS, false, HPos::Left, VPos::Top),
            (pad, units_top + k as i32 * line_h(small)),
        )?;
    }
    let header_top = units_top + units.len() as i32 * line_h(small) + (small * 0.4) as i32;
    let flow_top = header_top + 2 * line_h(small);
    let top = rows_top(units.len());

    // Columns: the streams' names, the intake arrow, then five boxes with
    // four gaps between them, and the decisions arrow. A stream's name
    // takes two lines rather than be cut ("Spoor 2" over "(veilig land)").
    let name_w = if per_stream {
        names
            .iter()
            .flatten()
            .map(|l| m.text_w(l, label_size, true))
            .max()
            .unwrap_or(0)
            + m.px(8.0)
    } else {
        0
    };
    let left = pad + name_w;
    let usable = (width - pad - left).max(100);
    // Shares of the width: arrows in and out 1 each, boxes 2 each, gaps 1.
    let unit = f64::from(usable) / (1.0 + 5.0 * 2.0 + 4.0 * 1.0 + 1.2);
    let arrow_in = (left, left + unit as i32);
    let box_x = |i: usize| left + (unit * (1.0 + 3.0 * i as f64)) as i32;
    let box_w = (unit * 2.0) as i32;
    let pitch = (unit * 3.0) as i32;
    let row_h = f64::from(bottom - top) / rows.len() as f64;
    let (most_stock, most_flow) = input.scale(&rows);
    // An arrow's number is written above it, and may be wider than its
    // gap: either the boxes leave it room on either side, or, where the
    // row is high enough for larger boxes so, it stands above the
    // largest box's top. The largest box fills its cell but for that room
    // and its own number under it.
    let widest_flow = m.text_w(&f.number(most_flow), small, false);
    let spill = ((widest_flow - (unit as i32 - m.px(8.0))) / 2).max(0) + m.px(3.0);
    let beside = f64::from(box_w - 2 * spill)
        .min(row_h - f64::from(label_size as i32) * 1.6)
        .max(4.0);
    let stacked = f64::from(box_w)
        .min(row_h - f64::from(line_h(small) + line_h(label_size) + m.px(8.0)))
        .max(4.0);
    let above = stacked > beside;
    let cell = if above { stacked } else { beside };
    // The thickest arrow stays thinner than the largest box.
    let thickest = (row_h * 0.22).min(cell * 0.4).max(3.0);

    // Lines of text centred on `x`, from `y` down.
    let lines = |lines: &[String], x: i32, y: i32, style: &TextStyle, size: f64| {
        lines
            .iter()
            .enumerate()
            .try_for_each(|(k, l)| area.draw_text(l, style, (x, y + k as i32 * line_h(size))))
    };

    // The headers: statuses over their boxes (a column is three units
    // wide), in two lines each; where a name does not fit its column, the
    // names stand in one line each, every other one lower, so that each
    // has two columns' room.
    let status_style = text_style(small, palette::INK, true, HPos::Center, VPos::Top);
    let wrapped: Vec<Vec<String>> = STATUS_NAMES
        .iter()
        .map(|name| wrap_label(&m, name.get(lang), pitch - m.px(8.0), small))
        .collect();
    let staggered = wrapped.iter().flatten().any(|l| l.ends_with('…'));
    for (i, name) in STATUS_NAMES.iter().enumerate() {
        let x = box_x(i) + box_w / 2;
        if staggered {
            let line = fit_label(&m, name.get(lang), 2 * pitch - m.px(8.0), small);
            // Centred over its box, but inside the picture.
            let half = m.text_w(&line, small, true) / 2;
            let x = x.min(width - pad - half).max(pad + half);
            area.draw_text(
                &line,
                &status_style,
                (x, header_top + (i % 2) as i32 * line_h(small)),
            )?;
        } else {
            // One line sits low, beside the two-line names.
            let w = &wrapped[i];
            let y = header_top + (2 - w.len() as i32) * line_h(small);
            lines(w, x, y, &status_style, small)?;
        }
    }
    // The decisions leave at the right, their name in two lines ending
    // there, over the last box, or where that is too narrow, reaching
    // back as far as the middle of the last box but one.
    let out = (box_x(4) + box_w, width - pad);
    let decisions = [out.1 - out.0 + box_w, out.1 - box_x(3) - box_w / 2]
        .into_iter()
        .map(|room| wrap_label(&m, Flow::Decisions.name().get(lang), room, small))
        .reduce(|narrow, wide| {
            if narrow.iter().any(|l| l.ends_with('…')) {
                wide
            } else {
                narrow
            }
        })
        .unwrap_or_default();
    // The flows' names between stand in the first line, beside the
    // decisions' first line.
    let decisions_left = out.1 - decisions.first().map_or(0, |l| m.text_w(l, small, false));
    let flow_style = text_style(small, palette::AXIS, false, HPos::Right, VPos::Top);
    lines(&decisions, out.1, flow_top, &flow_style, small)?;
    // The intake comes in at the left, its name starting there.
    let intake = Flow::Intake.name().get(lang);
    let intake_room = box_x(1) - arrow_in.0 - m.px(8.0);
    area.draw_text(
        &fit_label(&m, intake, intake_room, small),
        &text_style(small, palette::AXIS, false, HPos::Left, VPos::Top),
        (arrow_in.0, flow_top),
    )?;
    // The other flows' names, one line each, centred over their arrows: a
    // name may reach as far as its neighbours leave room (the term running
    // out has none, so "ingebrekestellingen" reaches over it). Where one
    // has not the room, none is written: the box each arrow leads to names
    // it, and the words under the title say what an arrow is.
    let between = [
        (Flow::Notices, box_x(2) - (unit / 2.0) as i32),
        (Flow::Appeals, box_x(3) - (unit / 2.0) as i32),
        (Flow::CourtOrders, box_x(4) - (unit / 2.0) as i32),
    ];
    let half = |i: usize| m.text_w(between[i].0.name().get(lang), small, false) / 2;
    let intake_right = arrow_in.0 + m.text_w(intake, small, false).min(intake_room);
    let fits = (0..between.len()).all(|i| {
        let x = between[i].1;
        let before = if i == 0 {
            x - intake_right
        } else {
            x - between[i - 1].1 - half(i - 1)
        };
        let after = between
            .get(i + 1)
            .map_or(decisions_left - x, |&(_, nx)| nx - x - half(i + 1));
        2 * half(i) <= 2 * before.min(after) - m.px(8.0)
    });
    if fits {
        let style = text_style(small, palette::AXIS, false, HPos::Center, VPos::Top);
        for &(flow, x) in &between {
            area.draw_text(flow.name().get(lang), &style, (x, flow_top))?;
        }
    }

    let mut drawn = Vec::new();
    for (r, &row) in rows.iter().enumerate() {
        let yc = if above {
            // The arrows' numbers, the largest box and its number, as one
            // block in the middle of the row.
            let row_top = top + (row_h * r as f64) as i32;
            let over = line_h(small) + m.px(2.0);
            let block = over + cell as i32 + m.px(3.0) + line_h(label_size);
            row_top + ((row_h as i32 - block) / 2).max(0) + over + cell as i32 / 2
        } else {
            top + (row_h * (r as f64 + 0.5)) as i32 - (label_size * 0.5) as i32
        };
        if row.is_some() {
            let name = &names[r];
            let name_top = yc - (name.len() as i32 - 1) * line_h(label_size) / 2;
            let name_style = text_style(label_size, palette::INK, true, HPos::Right, VPos::Center);
            lines(name, left - m.px(8.0), name_top, &name_style, label_size)?;
        }
        // The boxes: their area as their cases.
        let mut first_side = 0;
        for (i, &status) in STATUSES.iter().enumerate() {
            let v = input.at(column(row, status));
            let side = (cell * (v.max(0.0) / most_stock).sqrt()).round() as i32;
            let side = if v > 0.0 { side.max(1) } else { 0 };
            let cx = box_x(i) + box_w / 2;
            if i == 0 {
                first_side = side;
            }
            if side > 0 {
                let corners = [
                    (cx - side / 2, yc - side / 2),
                    (cx - side / 2 + side, yc - side / 2 + side),
                ];
                area.draw(&Rectangle::new(corners, STATUS_COLORS[i].filled()))?;
                area.draw(&Rectangle::new(
                    corners,
                    palette::INK.stroke_width(m.line(1.0)),
                ))?;
            }
            area.draw_text(
                &f.number(v),
                &text_style(label_size, palette::INK, false, HPos::Center, VPos::Top),
                (cx, yc + side / 2 + m.px(3.0)),
            )?;
            drawn.push(Drawn {
                stream: row,
                status: Some(status),
                flow: None,
                value: v,
                size: (side, side),
            });
        }
        // The arrows: their thickness as their cases.
        let mut arrow = |flow: Option<Flow>, x0: i32, x1: i32| -> Result<(), _> {
            let v = flow.map_or(0.0, |fl| input.at(column(row, fl.measure())));
            // A flow's shaft is at least a pixel thick, so that a week
            // without any still shows where the cases would go.
            let t = ((thickest * v.max(0.0) / most_flow).round() as i32).max(1);
            let head = head.max(t);
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
            let number_at = if above {
                yc - cell as i32 / 2 - m.px(2.0)
            } else {
                y - t / 2 - head / 2 - m.px(2.0)
            };
            area.draw_text(
                &f.number(v),
                &text_style(small, palette::INK, false, HPos::Center, VPos::Bottom),
                ((x0 + x1) / 2, number_at),
            )?;
            drawn.push(Drawn {
                stream: row,
                status: None,
                flow: Some(fl),
                value: v,
                size: (x1 - head - x0, t),
            });
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
    crate::svg_document(width, height, |root| draw_pipeline(root, input))
}
