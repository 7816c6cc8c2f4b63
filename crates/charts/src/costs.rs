//! Costs: monthly bars split into statutory penalties, court-ordered
//! penalties and legal costs (weekly bars are a comb at ~190 weeks and a blur
//! at 520; a month is also how budgets are read), with the cumulative cost
//! as a line on the right axis and the baseline's cumulative cost as a ghost.
//!
//! A bar is the cost of a calendar month, drawn over that month: each week's
//! cost is spread over its seven days. (Grouping weeks by the month they
//! start in would make months with five week-starts a quarter taller than
//! months with four, a sawtooth that reads as volatility.)

use doorstroom_model::{Aggregate, Lang, Measure, Run, Text};
use plotters::coord::Shift;
use plotters::prelude::*;

use crate::format::Format;
use crate::frame::{self, Axis, Body, Frame, Scale};
use crate::layers::{Layer, Scales};
use crate::{
    Chart, ChartInput, Plot, ReadoutRow, Series, SeriesKind, Spec, fan, palette, shapes, time,
    total,
};

pub(crate) static SPEC: Spec = Spec {
    title: Text {
        nl: "Kosten: dwangsommen en proceskosten",
        en: "Costs: penalties and legal costs",
    },
    unit: Text {
        nl: "kosten per maand",
        en: "cost per month",
    },
    series: &[
        Series {
            label: Text {
                nl: "wettelijke dwangsom",
                en: "statutory penalty",
            },
            columns: &[total(Measure::PenaltyStatutoryEur)],
            color: palette::SKY_BLUE,
            kind: SeriesKind::Bar,
            aggregate: Aggregate::Sum,
        },
        Series {
            label: Text {
                nl: "dwangsom van de rechter",
                en: "court-ordered penalty",
            },
            columns: &[total(Measure::PenaltyCourtEur)],
            color: palette::VERMILLION,
            kind: SeriesKind::Bar,
            aggregate: Aggregate::Sum,
        },
        Series {
            label: Text {
                nl: "proceskosten",
                en: "legal costs",
            },
            columns: &[total(Measure::LegalCostsEur)],
            color: palette::BLUE,
            kind: SeriesKind::Bar,
            aggregate: Aggregate::Sum,
        },
        Series {
            label: Text {
                nl: "totaal tot dan toe",
                en: "running total",
            },
            columns: &[total(Measure::CostCumulativeEur)],
            color: palette::INK,
            kind: SeriesKind::LineRight,
            aggregate: Aggregate::Last,
        },
        Series {
            label: Text {
                nl: "basislijn cumulatief",
                en: "baseline, cumulative",
            },
            columns: &[total(Measure::CostCumulativeEur)],
            color: palette::GHOST,
            kind: SeriesKind::Ghost,
            aggregate: Aggregate::Last,
        },
    ],
};

/// The months of the run, their extents on the time axis and the three cost
/// layers per calendar month (see [`time::by_calendar_month`]).
fn monthly_bars(run: &Run) -> (Vec<time::MonthStart>, [Vec<f64>; 3]) {
    let months = time::month_starts(run);
    let [statutory, court, legal, ..] = SPEC.series else {
        unreachable!("five cost series")
    };
    let layers = [statutory, court, legal].map(|s| time::by_calendar_month(run, &s.values(run)));
    (months, layers)
}

/// The month whose bar lies under the middle of `week`.
fn month_of_week(months: &[time::MonthStart], week: usize) -> usize {
    let x = week as f64 + 0.5;
    months.iter().rposition(|m| m.at <= x).unwrap_or(0)
}

/// The two value axes: the monthly bars and the published penalties on
/// the left; the running total, the baseline's, the compared scenarios'
/// and the band on the right, with the left's gridlines.
pub(crate) fn scales(input: &ChartInput) -> Scales {
    let [_, _, _, cumulative, ghost] = SPEC.series else {
        unreachable!("five cost series")
    };
    let run = input.run;
    let (months, [statutory_m, court_m, legal_m]) = monthly_bars(run);
    let spans = time::month_extents(&months, run.weeks());
    let bar_max = (0..spans.len())
        .map(|k| statutory_m[k] + court_m[k] + legal_m[k])
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max)
        .max(crate::published::max_value(&crate::published::of_input(
            Chart::Costs,
            input,
        )));
    let left = Scale::nice(bar_max * 1.05, 1.0);
    let cum_max = shapes::max_of([&cumulative.values(run)[..], &input.ghost(ghost)])
        .max(input.compared_max(ghost))
        .max(fan::max(fan::of_chart(Chart::Costs, input)));
    Scales {
        left,
        right: Some(Scale::matched(cum_max * 1.02, left.n)),
    }
}

pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
    scales: &Scales,
    layer: Layer,
) -> Result<Plot, DrawingAreaErrorKind<DB::ErrorType>> {
    let [statutory, court, legal, cumulative, ghost] = SPEC.series else {
        unreachable!("five cost series")
    };
    let run = input.run;
    let (months, [statutory_m, court_m, legal_m]) = monthly_bars(run);
    let spans = time::month_extents(&months, run.weeks());
    let cumulative_values = cumulative.values(run);
    let ghost_values = input.ghost(ghost);
    let euro = |v| input.format.euro(v);
    let left = Axis::new(scales.left, Chart::Costs.unit(input.lang), euro);
    let fan = fan::of_chart(Chart::Costs, input);
    let cumulative_unit = Text {
        nl: "totaal tot dan toe",
        en: "running total",
    };
    let right_scale = scales
        .right
        .unwrap_or_else(|| Scale::matched(1.0, scales.left.n));
    let right = Axis::new(right_scale, cumulative_unit.get(input.lang), euro);
    let marks = [
        (&cumulative_values[..], &right.scale, cumulative),
        (&ghost_values[..], &right.scale, ghost),
    ];
    let axes = (&left, Some(&right));
    // The bars are opaque: the band, the ghost and what is compared stand
    // over them, in the foreground.
    let own = |f: &Frame| {
        let layers = [
            (&statutory_m[..], statutory.color),
            (&court_m[..], court.color),
            (&legal_m[..], legal.color),
        ];
        shapes::bars(area, f, &left.scale, &spans, &layers)?;
        if let Some((band, color)) = fan {
            fan::draw(area, f, &right.scale, band, color)?;
        }
        shapes::line(area, f, &right.scale, &ghost_values, ghost, 2.0)?;
        shapes::line(area, f, &right.scale, &cumulative_values, cumulative, 2.5)
    };
    let body = Body {
        under: |_: &Frame| Ok(()),
        own,
        own_fills: true,
    };
    frame::draw(area, input, Chart::Costs, axes, &marks, layer, body)
}

/// The month's costs (the bar under the middle of the week, per calendar
/// month as drawn) and the cumulative cost at the week.
pub(crate) fn readout(
    run: &Run,
    baseline: Option<&Run>,
    week: usize,
    format: &dyn Format,
    lang: Lang,
    rows: &mut Vec<ReadoutRow>,
) {
    let (months, bars) = monthly_bars(run);
    let Some(k) = (!months.is_empty()).then(|| month_of_week(&months, week)) else {
        return;
    };
    let d = months[k].date;
    rows.push(ReadoutRow {
        label: Text {
            nl: "maand",
            en: "month",
        }
        .get(lang)
        .to_string(),
        value: format.month(d),
        swatch: None,
    });
    for (j, s) in SPEC.series.iter().enumerate() {
        let value = match s.kind {
            SeriesKind::Bar => bars[j][k],
            SeriesKind::Ghost => match baseline {
                Some(b) if week < b.weeks() => s.value(b, week),
                _ => continue,
            },
            _ => s.value(run, week),
        };
        rows.push(ReadoutRow {
            label: s.label.get(lang).to_string(),
            value: format.euro(value),
            swatch: Some((s.color, s.kind)),
        });
    }
}
