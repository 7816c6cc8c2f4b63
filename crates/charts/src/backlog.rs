//! The backlog, stacked by status: within term, past term (including those
//! who sent a notice of default), in court (appeal pending or court order
//! running); the total as a thin line and the baseline's total as a ghost.

use doorstroom_model::{Aggregate, Measure, Text};
use plotters::coord::Shift;
use plotters::prelude::*;

use crate::frame::{self, Axis, Body, Frame, Scale};
use crate::layers::{Layer, Scales};
use crate::{Chart, ChartInput, Plot, Series, SeriesKind, Spec, fan, palette, shapes, total};

pub(crate) static SPEC: Spec = Spec {
    title: Text {
        nl: "Voorraad naar status",
        en: "Backlog by status",
    },
    unit: Text {
        nl: "aanvragen in voorraad",
        en: "applications waiting",
    },
    series: &[
        Series {
            label: Text {
                nl: "binnen de beslistermijn",
                en: "within the decision term",
            },
            columns: &[total(Measure::BacklogWithinTerm)],
            color: palette::SKY_BLUE,
            kind: SeriesKind::Stacked,
            aggregate: Aggregate::Last,
        },
        Series {
            label: Text {
                nl: "termijn verstreken, geen beroep",
                en: "past term, no appeal",
            },
            columns: &[
                total(Measure::BacklogPastTerm),
                total(Measure::BacklogNoticeSent),
            ],
            color: palette::ORANGE,
            kind: SeriesKind::Stacked,
            aggregate: Aggregate::Last,
        },
        Series {
            label: Text {
                nl: "bij de rechter",
                en: "in court",
            },
            columns: &[
                total(Measure::BacklogAppealPending),
                total(Measure::BacklogCourtOrder),
            ],
            color: palette::BLUE,
            kind: SeriesKind::Stacked,
            aggregate: Aggregate::Last,
        },
        Series {
            label: Text {
                nl: "totaal",
                en: "total",
            },
            columns: &[total(Measure::Backlog)],
            color: palette::INK,
            kind: SeriesKind::Line,
            aggregate: Aggregate::Last,
        },
        Series {
            label: Text {
                nl: "basislijn (totaal)",
                en: "baseline (total)",
            },
            columns: &[total(Measure::Backlog)],
            color: palette::GHOST,
            kind: SeriesKind::Ghost,
            aggregate: Aggregate::Last,
        },
    ],
};

/// The value axis: the stack, the total, the baseline, the compared
/// scenarios, the published figures and the band, with room to spare.
pub(crate) fn scales(input: &ChartInput) -> Scales {
    let [within, past, court, sum, ghost] = SPEC.series else {
        unreachable!("five backlog series")
    };
    let run = input.run;
    let (within_values, past_values, court_values) =
        (within.values(run), past.values(run), court.values(run));
    let stack_max = (0..run.weeks())
        .map(|i| within_values[i] + past_values[i] + court_values[i])
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let published = crate::published::of_input(Chart::Backlog, input);
    let max = stack_max
        .max(shapes::max_of([&sum.values(run)[..], &input.ghost(ghost)]))
        .max(input.compared_max(ghost))
        .max(crate::published::max_value(&published))
        .max(fan::max(fan::of_chart(Chart::Backlog, input)));
    Scales {
        left: Scale::nice(max * 1.02, 1.0),
        right: None,
    }
}

pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
    scales: &Scales,
    layer: Layer,
) -> Result<Plot, DrawingAreaErrorKind<DB::ErrorType>> {
    let [within, past, court, sum, ghost] = SPEC.series else {
        unreachable!("five backlog series")
    };
    let run = input.run;
    let within_values = within.values(run);
    let past_values = past.values(run);
    let court_values = court.values(run);
    let sum_values = sum.values(run);
    let ghost_values = input.ghost(ghost);
    let fan = fan::of_chart(Chart::Backlog, input);
    let axis = Axis::new(scales.left, Chart::Backlog.unit(input.lang), |v| {
        input.format.number(v)
    });
    let scale = &axis.scale;
    let marks = [
        (&sum_values[..], scale, sum),
        (&ghost_values[..], scale, ghost),
    ];
    // The stack is opaque: the band, the ghost and what is compared stand
    // over it, in the foreground.
    let own = |f: &Frame| {
        let layers = [
            (&within_values[..], within.color),
            (&past_values[..], past.color),
            (&court_values[..], court.color),
        ];
        shapes::stacked(area, f, scale, &layers)?;
        if let Some((band, color)) = fan {
            fan::draw(area, f, scale, band, color)?;
        }
        shapes::line(area, f, scale, &sum_values, sum, 1.5)?;
        shapes::line(area, f, scale, &ghost_values, ghost, 2.0)
    };
    let body = Body {
        under: |_: &Frame| Ok(()),
        own,
        own_fills: true,
    };
    frame::draw(
        area,
        input,
        Chart::Backlog,
        (&axis, None),
        &marks,
        layer,
        body,
    )
}
