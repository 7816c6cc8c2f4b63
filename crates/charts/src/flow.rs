//! Decisions against intake, per week: all decisions as an area with the
//! BAA's share of them in front (the model counts BAA decisions within
//! `Decisions`), intake as a line on top, the baseline's decisions as a
//! ghost line.

use doorstroom_model::{Aggregate, Measure, Text};
use plotters::coord::Shift;
use plotters::prelude::*;

use crate::frame::{self, Axis, Body, Frame, Scale};
use crate::layers::{Layer, Scales};
use crate::{Chart, ChartInput, Plot, Series, SeriesKind, Spec, palette, shapes, total};

pub(crate) static SPEC: Spec = Spec {
    title: Text {
        nl: "Beslissingen tegenover instroom",
        en: "Decisions against intake",
    },
    unit: Text {
        nl: "aanvragen per week",
        en: "applications per week",
    },
    series: &[
        Series {
            label: Text {
                nl: "beslissingen",
                en: "decisions",
            },
            columns: &[total(Measure::Decisions)],
            color: palette::BLUISH_GREEN,
            kind: SeriesKind::Stacked,
            aggregate: Aggregate::Sum,
        },
        Series {
            label: Text {
                nl: "waarvan BAA",
                en: "of which BAA",
            },
            columns: &[total(Measure::DecisionsBaa)],
            color: palette::ORANGE,
            kind: SeriesKind::Area,
            aggregate: Aggregate::Sum,
        },
        Series {
            label: Text {
                nl: "instroom",
                en: "intake",
            },
            columns: &[total(Measure::Intake)],
            color: palette::INK,
            kind: SeriesKind::Line,
            aggregate: Aggregate::Sum,
        },
        Series {
            label: Text {
                nl: "basislijn (beslissingen)",
                en: "baseline (decisions)",
            },
            columns: &[total(Measure::Decisions)],
            color: palette::GHOST,
            kind: SeriesKind::Ghost,
            aggregate: Aggregate::Sum,
        },
    ],
};

/// The value axis: decisions, intake, the baseline, the compared
/// scenarios and the published figures, with room to spare.
pub(crate) fn scales(input: &ChartInput) -> Scales {
    let [decided, baa, intake, ghost] = SPEC.series else {
        unreachable!("four flow series")
    };
    let run = input.run;
    let max = shapes::max_of([
        &decided.values(run)[..],
        &baa.values(run),
        &intake.values(run),
        &input.ghost(ghost),
    ])
    .max(input.compared_max(ghost))
    .max(crate::published::max_value(&crate::published::of_input(
        Chart::Flow,
        input,
    )));
    Scales {
        left: Scale::nice(max * 1.05, 1.0),
        right: None,
    }
}

pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
    scales: &Scales,
    layer: Layer,
) -> Result<Plot, DrawingAreaErrorKind<DB::ErrorType>> {
    let [decided, baa, intake, ghost] = SPEC.series else {
        unreachable!("four flow series")
    };
    let run = input.run;
    let decided_values = decided.values(run);
    let baa_values = baa.values(run);
    let intake_values = intake.values(run);
    let ghost_values = input.ghost(ghost);
    let axis = Axis::new(scales.left, Chart::Flow.unit(input.lang), |v| {
        input.format.number(v)
    });
    let scale = &axis.scale;
    let marks = [
        (&decided_values[..], scale, decided),
        (&intake_values[..], scale, intake),
        (&ghost_values[..], scale, ghost),
    ];
    // The decisions are opaque areas: the ghost and what is compared stand
    // over them, in the foreground.
    let own = |f: &Frame| {
        shapes::stacked(area, f, scale, &[(&decided_values, decided.color)])?;
        shapes::stacked(area, f, scale, &[(&baa_values, baa.color)])?;
        shapes::line(area, f, scale, &ghost_values, ghost, 2.0)?;
        shapes::line(area, f, scale, &intake_values, intake, 2.5)
    };
    let body = Body {
        under: |_: &Frame| Ok(()),
        own,
        own_fills: true,
    };
    frame::draw(area, input, Chart::Flow, (&axis, None), &marks, layer, body)
}
