//! Costs: monthly bars split into statutory penalties, court-ordered
//! penalties and legal costs (weekly bars are a comb at ~190 weeks and a blur
//! at 520; a month is also how budgets are read), with the cumulative cost
//! as a line on the right axis and the baseline's cumulative cost as a ghost.

use doorstroom_model::{Aggregate, Lang, Measure, Run, Text};
use plotters::coord::Shift;
use plotters::prelude::*;

use crate::format::Format;
use crate::frame::{self, Axis, Scale};
use crate::{
    Chart, ChartInput, Plot, ReadoutRow, Series, SeriesKind, Spec, palette, shapes, time, total,
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
                nl: "cumulatief (rechteras)",
                en: "cumulative (right axis)",
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

/// Sums of `values` over each span.
fn span_sums(values: &[f64], spans: &[(usize, usize)]) -> Vec<f64> {
    spans
        .iter()
        .map(|&(a, b)| {
            values
                .get(a..b.min(values.len()))
                .map_or(0.0, |s| s.iter().filter(|v| v.is_finite()).sum())
        })
        .collect()
}

pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
) -> Result<Plot, DrawingAreaErrorKind<DB::ErrorType>> {
    let [statutory, court, legal, cumulative, ghost] = SPEC.series else {
        unreachable!("five cost series")
    };
    let run = input.run;
    let spans: Vec<(usize, usize)> = time::month_spans(&time::month_starts(run), run.weeks())
        .map(|(a, b, _)| (a, b))
        .collect();
    let statutory_m = span_sums(&statutory.values(run), &spans);
    let court_m = span_sums(&court.values(run), &spans);
    let legal_m = span_sums(&legal.values(run), &spans);
    let cumulative_values = cumulative.values(run);
    let ghost_values = input.ghost(ghost);

    let bar_max = (0..spans.len())
        .map(|k| statutory_m[k] + court_m[k] + legal_m[k])
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let euro = |v| input.format.euro(v);
    let left = Axis::new(
        Scale::nice(bar_max * 1.05, 1.0),
        Chart::Costs.unit(input.lang),
        euro,
    );
    let cum_max = shapes::max_of([&cumulative_values[..], &ghost_values]);
    let cumulative_unit = Text {
        nl: "cumulatief",
        en: "cumulative",
    };
    let right = Axis::new(
        Scale::matched(cum_max * 1.02, left.scale.n),
        cumulative_unit.get(input.lang),
        euro,
    );
    let marks = [
        (&cumulative_values[..], &right.scale, cumulative),
        (&ghost_values[..], &right.scale, ghost),
    ];
    let axes = (&left, Some(&right));
    frame::draw(area, input, Chart::Costs, axes, &marks, |f| {
        let layers = [
            (&statutory_m[..], statutory.color),
            (&court_m[..], court.color),
            (&legal_m[..], legal.color),
        ];
        shapes::bars(area, f, &left.scale, &spans, &layers)?;
        shapes::line(area, f, &right.scale, &ghost_values, ghost, 2.0)?;
        shapes::line(area, f, &right.scale, &cumulative_values, cumulative, 2.5)
    })
}

/// The month's costs (the bar under the pointer) and the cumulative cost at the week.
pub(crate) fn readout(
    run: &Run,
    baseline: Option<&Run>,
    week: usize,
    format: &dyn Format,
    lang: Lang,
    rows: &mut Vec<ReadoutRow>,
) {
    let n = run.weeks();
    let d = run.week_start(week);
    // The weeks starting in the same calendar month as `week`.
    let same = |i: usize| {
        let e = run.week_start(i);
        (e.year(), e.month()) == (d.year(), d.month())
    };
    let mut start = week;
    while start > 0 && same(start - 1) {
        start -= 1;
    }
    let mut end = week + 1;
    while end < n && same(end) {
        end += 1;
    }
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
    for s in SPEC.series {
        let (source, value) = match s.kind {
            SeriesKind::Bar => (run, (start..end).map(|i| s.value(run, i)).sum::<f64>()),
            SeriesKind::Ghost => match baseline {
                Some(b) if week < b.weeks() => (b, s.value(b, week)),
                _ => continue,
            },
            _ => (run, s.value(run, week)),
        };
        let _ = source;
        rows.push(ReadoutRow {
            label: s.label.get(lang).to_string(),
            value: format.euro(value),
            swatch: Some((s.color, s.kind)),
        });
    }
}
