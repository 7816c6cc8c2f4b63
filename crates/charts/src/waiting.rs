//! The expected wait for an application filed in a given week, in weeks,
//! with the baseline's as a ghost line and the six-month decision term
//! (without extension) as a reference. The value axis is in weeks with gridlines on quarters, half
//! years and years (see `Scale::weeks`).

use doorstroom_model::{Aggregate, Measure, Run, Text};
use plotters::coord::Shift;
use plotters::prelude::*;

use crate::frame::{self, Axis, Body, Frame, Scale};
use crate::layers::{Layer, Scales};
use crate::{Chart, ChartInput, Plot, Series, SeriesKind, Spec, fan, palette, shapes, total};

pub(crate) static SPEC: Spec = Spec {
    title: Text {
        nl: "Verwachte wachttijd nieuwe aanvraag",
        en: "Expected wait for a new application",
    },
    unit: Text {
        nl: "weken tot de beslissing",
        en: "weeks until the decision",
    },
    series: &[
        Series {
            label: Text {
                nl: "verwachte wachttijd",
                en: "expected wait",
            },
            columns: &[total(Measure::ExpectedWaitWeeks)],
            color: palette::BLUE,
            kind: SeriesKind::Line,
            aggregate: Aggregate::Mean,
        },
        Series {
            label: Text {
                nl: "geëxtrapoleerd: nog niet beslist aan het eind",
                en: "extrapolated: not yet decided at the end",
            },
            columns: &[total(Measure::ExpectedWaitWeeks)],
            color: palette::BLUE,
            kind: SeriesKind::Extrapolated,
            aggregate: Aggregate::Mean,
        },
        Series {
            label: Text {
                nl: "beslistermijn zonder verlenging: 6 maanden",
                en: "term without extension: 6 months",
            },
            columns: &[],
            color: palette::VERMILLION,
            kind: SeriesKind::Reference,
            aggregate: Aggregate::Mean,
        },
        Series {
            label: Text {
                nl: "basislijn",
                en: "baseline",
            },
            columns: &[total(Measure::ExpectedWaitWeeks)],
            color: palette::GHOST,
            kind: SeriesKind::Ghost,
            aggregate: Aggregate::Mean,
        },
    ],
};

/// The decision term for asylum without extension (art. 42 Vw): six months.
/// Applications filed before 2024 under the default policy have a longer
/// (extended) term, so the line is labelled as the term without extension.
const TERM_WEEKS: f64 = 26.0;

/// The value axis in weeks: the wait, the baseline's, the compared
/// scenarios', the band and at least the decision term.
pub(crate) fn scales(input: &ChartInput) -> Scales {
    let [wait, _, _, ghost] = SPEC.series else {
        unreachable!("four waiting series")
    };
    let all_values = wait.values(input.run);
    let (wait_values, _) = split_extrapolated(input.run, &all_values);
    let max = shapes::max_of([&wait_values[..], &input.ghost(ghost)])
        .max(input.compared_max(ghost))
        .max(fan::max(fan::of_chart(Chart::Waiting, input)));
    Scales {
        left: Scale::weeks(max.max(TERM_WEEKS) * 1.05),
        right: None,
    }
}

pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
    scales: &Scales,
    layer: Layer,
) -> Result<Plot, DrawingAreaErrorKind<DB::ErrorType>> {
    let [wait, extrapolated, term, ghost] = SPEC.series else {
        unreachable!("four waiting series")
    };
    let all_values = wait.values(input.run);
    let (wait_values, extrapolated_values) = split_extrapolated(input.run, &all_values);
    let ghost_values = input.ghost(ghost);
    let fan = fan::of_chart(Chart::Waiting, input);
    let scale = scales.left;
    let unit = Chart::Waiting.unit(input.lang);
    let unit = if scale.step >= 52.0 {
        let hint = Text {
            nl: "52 weken = 1 jaar",
            en: "52 weeks = 1 year",
        };
        format!("{unit} · {}", hint.get(input.lang))
    } else {
        unit.to_string()
    };
    let axis = Axis::new(scale, unit, |v| input.format.number(v));
    let scale = &axis.scale;
    let marks = [
        (&all_values[..], scale, wait),
        (&ghost_values[..], scale, ghost),
    ];
    // Only lines: the term, the band and the ghost lie under the wait, in
    // the background.
    let body = Body {
        under: |f: &Frame| {
            shapes::reference(area, f, scale, TERM_WEEKS, term.color)?;
            if let Some((band, color)) = fan {
                fan::draw(area, f, scale, band, color)?;
            }
            shapes::line(area, f, scale, &ghost_values, ghost, 2.0)
        },
        own: |f: &Frame| {
            shapes::line(area, f, scale, &wait_values, wait, 3.0)?;
            shapes::line(area, f, scale, &extrapolated_values, extrapolated, 3.0)
        },
        own_fills: false,
    };
    frame::draw(
        area,
        input,
        Chart::Waiting,
        (&axis, None),
        &marks,
        layer,
        body,
    )
}

/// A filing week's wait counts as extrapolated once more than this share of
/// its applications is still undecided at the end of the run: below it the
/// extrapolated weeks move the mean by less than the line's width.
pub(crate) const EXTRAPOLATED_FROM_SHARE: f64 = 0.01;

/// The first filing week whose wait is extrapolated (see
/// [`EXTRAPOLATED_FROM_SHARE`]), if any. The model decides first in, first
/// out within a stream, so from there on the waits only grow more
/// extrapolated.
pub fn extrapolated_from(run: &Run) -> Option<usize> {
    run.total(Measure::ExpectedWaitExtrapolated)
        .iter()
        .position(|&share| share > EXTRAPOLATED_FROM_SHARE)
}

/// The waits split into the realised part (NaN from the first extrapolated
/// week on) and the extrapolated part (NaN before it; it starts one week
/// early so that the two lines join).
fn split_extrapolated(run: &Run, values: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let from = extrapolated_from(run).unwrap_or(values.len());
    let realised = values
        .iter()
        .enumerate()
        .map(|(w, &v)| if w < from { v } else { f64::NAN })
        .collect();
    let joined = from.saturating_sub(1);
    let extrapolated = values
        .iter()
        .enumerate()
        .map(|(w, &v)| {
            if w >= joined && from < values.len() {
                v
            } else {
                f64::NAN
            }
        })
        .collect();
    (realised, extrapolated)
}
