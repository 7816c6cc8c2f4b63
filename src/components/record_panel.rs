//! "Model en werkelijkheid" / "Model and record": every published figure in
//! the horizon beside the model's value for the scenario on screen, the
//! difference and the source, read in place. The rows are the model's
//! `record::compare`, the same numbers as the command line's `--record`;
//! each row carries that line in `data-record` so that a test can hold the
//! page against it.

use doorstroom_model::record::{self, Period, RecordMeasure, RecordRow};
use doorstroom_model::{Lang, Text, t};
use leptos::prelude::*;

use crate::format::{Formats, formats};
use crate::state::use_store;
use crate::timing::{self, Part};

const TITLE: Text = t("Model en werkelijkheid", "Model and record");
const LEDE: Text = t(
    "Elk gepubliceerd cijfer binnen de periode naast wat het model voor dit scenario geeft. Cijfers over heel 2023 zijn teruggebracht tot mei–december, het deel dat het model rekent; ‘Zo ging het’ is het scenario dat deze cijfers volgt.",
    "Every published figure within the horizon beside what the model gives for this scenario. Figures for all of 2023 are cut to May–December, the part the model covers; ‘As it happened’ is the scenario that tracks them.",
);
const FIGURE: Text = t("Cijfer", "Figure");
const WHEN: Text = t("Datum of periode", "Date or period");
const PUBLISHED: Text = t("Gepubliceerd", "Published");
const MODEL: Text = t("Model", "Model");
const DIFFERENCE: Text = t("Verschil", "Difference");
const SOURCE: Text = t("Bron", "Source");
const NOTE: Text = t("toelichting (in het Engels)", "note");
const NONE: Text = t(
    "Geen gepubliceerde cijfers binnen deze periode.",
    "No published figures within this horizon.",
);

/// One row, formatted.
#[derive(Clone, Debug, PartialEq)]
struct Line {
    csv: String,
    figure: String,
    when: String,
    published: String,
    model: String,
    difference: String,
    /// Whether the model lies more than a quarter off (a mark beside it).
    far: bool,
    source: String,
    confidence: String,
    note: String,
}

fn value(measure: RecordMeasure, f: &Formats, v: f64) -> String {
    match measure {
        RecordMeasure::PenaltiesEur => f.euro_compact(v),
        RecordMeasure::MeanTimeToDecisionWeeks => f.weeks(v.round()),
        RecordMeasure::ShareDecidedWithin15Months | RecordMeasure::ShareDecidedWithinTerm => {
            f.percent(v)
        }
        _ => f.whole(v.round()),
    }
}

fn when(p: Period, f: &Formats) -> String {
    if p.from == p.to {
        return f.day(&p.from);
    }
    let whole_year = p.from.year() == p.to.year()
        && (p.from.month(), p.from.day()) == (1, 1)
        && (p.to.month(), p.to.day()) == (12, 31);
    if whole_year {
        p.from.year().to_string()
    } else {
        format!("{} – {}", f.day(&p.from), f.day(&p.to))
    }
}

fn line(r: &RecordRow, f: &Formats, lang: Lang) -> Line {
    let p = r.published;
    let difference = r.difference_pct();
    Line {
        csv: record::csv_line(r),
        figure: format!("{}, {}", p.measure.label(lang), p.scope.label(lang)),
        when: when(r.compared, f),
        published: value(p.measure, f, r.published_value),
        model: value(p.measure, f, r.model_value),
        difference: difference.map_or_else(
            || "–".to_owned(),
            |d| format!("{} %", f.signed_one_decimal(d)),
        ),
        far: difference.is_some_and(|d| d.abs() > 25.0),
        source: p.source.to_owned(),
        confidence: p.confidence.label(lang).to_owned(),
        note: p.note.to_owned(),
    }
}

#[component]
pub fn RecordPanel() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let lines = Memo::new(move |_| {
        let lang = lang.get();
        let f = formats(lang);
        store.record.with(|rows| {
            timing::measure(Part::Record, || {
                rows.iter().map(|r| line(r, &f, lang)).collect::<Vec<_>>()
            })
        })
    });
    // What a scenario does not change: which figures, their published
    // values and sources. The table is built anew only when these change
    // (another horizon, another language); a drag rewrites the model's
    // values and the differences in place.
    let shape = Memo::new(move |_| {
        lines.with(|ls| {
            ls.iter()
                .map(|l| Line {
                    csv: String::new(),
                    model: String::new(),
                    difference: String::new(),
                    far: false,
                    ..l.clone()
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="record" aria-labelledby="record-title" data-testid="record-panel">
            <h2 id="record-title">{move || TITLE.get(lang.get())}</h2>
            <p class="record-lede">{move || LEDE.get(lang.get())}</p>
            <div class="record-table" tabindex="0">
                <table>
                    <thead>
                        <tr>
                            {move || {
                                let lang = lang.get();
                                [FIGURE, WHEN, PUBLISHED, MODEL, DIFFERENCE, SOURCE]
                                    .map(|h| view! { <th scope="col">{h.get(lang)}</th> })
                                    .collect_view()
                            }}
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let note = NOTE.get(lang.get_untracked());
                            shape
                                .with(|shape| {
                                    shape
                                        .iter()
                                        .enumerate()
                                        .map(|(i, l)| {
                                            // The cells the scenario changes read their
                                            // line; the rest is built once per shape.
                                            let read = move |f: fn(&Line) -> String| {
                                                move || lines.with(|ls| ls.get(i).map(f))
                                            };
                                            let far = move || {
                                                lines.with(|ls| ls.get(i).is_some_and(|l| l.far))
                                            };
                                            view! {
                                                <tr data-record=read(|l| l.csv.clone())>
                                                    <th scope="row">{l.figure.clone()}</th>
                                                    <td>{l.when.clone()}</td>
                                                    <td class="num" data-testid="record-published">
                                                        {l.published.clone()}
                                                    </td>
                                                    <td class="num" data-testid="record-model">
                                                        {read(|l| l.model.clone())}
                                                    </td>
                                                    <td class="num" class:far=far>
                                                        {read(|l| l.difference.clone())}
                                                    </td>
                                                    <td class="source">
                                                        <span>{l.source.clone()}</span>
                                                        " "
                                                        <span class="confidence">
                                                            {format!("({})", l.confidence)}
                                                        </span>
                                                        {(!l.note.is_empty())
                                                            .then(|| {
                                                                view! {
                                                                    <details>
                                                                        <summary>{note}</summary>
                                                                        {l.note.clone()}
                                                                    </details>
                                                                }
                                                            })}
                                                    </td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()
                                })
                        }}
                    </tbody>
                </table>
            </div>
            {move || {
                lines
                    .with(Vec::is_empty)
                    .then(|| view! { <p class="record-none">{NONE.get(lang.get())}</p> })
            }}
        </section>
    }
}
