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
use crate::platform::timing::{self, Part};
use crate::state::page_fields::ReadField;
use crate::state::use_store;

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
pub(crate) const NOTE: Text = t("toelichting (in het Engels)", "note");
const NONE: Text = t(
    "Geen gepubliceerde cijfers binnen deze periode.",
    "No published figures within this horizon.",
);

/// One row, formatted.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Line {
    /// The row as the command line's `--record` prints it.
    pub csv: String,
    /// What the figure measures, and its scope.
    pub figure: String,
    pub when: String,
    pub published: String,
    pub model: String,
    pub difference: String,
    /// Whether the model lies more than a quarter off (a mark beside it).
    pub far: bool,
    pub source: String,
    pub confidence: String,
    pub note: String,
}

/// A value of `measure` as the record's tables write it.
pub(crate) fn value(measure: RecordMeasure, f: &Formats, v: f64) -> String {
    match measure {
        RecordMeasure::PenaltiesEur => f.euro_compact(v),
        RecordMeasure::MeanTimeToDecisionWeeks => f.weeks(v.round()),
        RecordMeasure::ShareDecidedWithin15Months | RecordMeasure::ShareDecidedWithinTerm => {
            f.percent(v)
        }
        _ => f.whole(v.round()),
    }
}

/// A compared period as the record's tables write it: a day, a calendar
/// year, or its first and last day.
pub(crate) fn when(p: Period, f: &Formats) -> String {
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

/// A row of the record, formatted.
pub(crate) fn line(r: &RecordRow, f: &Formats, lang: Lang) -> Line {
    let p = r.published;
    let difference = r.difference_pct();
    Line {
        csv: record::csv_line(r),
        figure: format!("{}, {}", p.measure.label(lang), p.scope.label(lang)),
        when: when(r.compared, f),
        published: value(p.measure, f, r.published_value),
        model: value(p.measure, f, r.model_value),
        difference: difference.map_or_else(|| "–".to_owned(), |d| percent_difference(d, f)),
        far: difference.is_some_and(|d| d.abs() > 25.0),
        source: p.source.to_owned(),
        confidence: p.confidence.label(lang).to_owned(),
        note: p.note.to_owned(),
    }
}

/// A difference in per cent with its sign: `+12,5 %`.
pub(crate) fn percent_difference(d: f64, f: &Formats) -> String {
    format!("{} %", f.signed_one_decimal(d))
}

/// The header row of a record table.
pub(crate) fn head(lang: ReadField<Lang>) -> impl IntoView {
    view! {
        <tr>
            {move || {
                let lang = lang.get();
                [FIGURE, WHEN, PUBLISHED, MODEL, DIFFERENCE, SOURCE]
                    .map(|h| view! { <th scope="col">{h.get(lang)}</th> })
                    .collect_view()
            }}
        </tr>
    }
}

/// One row of a record table: the figure, its date, the published value
/// and the source as they are; the CSV line, the model's value, the
/// difference and its mark from what reads them (in the record panel they
/// follow the scenario on screen).
pub(crate) fn row(
    l: Line,
    note: &'static str,
    csv: impl Fn() -> Option<String> + Send + Sync + 'static,
    model: impl Fn() -> Option<String> + Send + Sync + 'static,
    difference: impl Fn() -> Option<String> + Send + Sync + 'static,
    far: impl Fn() -> bool + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <tr data-record=csv>
            <th scope="row">{l.figure}</th>
            <td>{l.when}</td>
            <td class="num" data-testid="record-published">
                {l.published}
            </td>
            <td class="num" data-testid="record-model">
                {model}
            </td>
            <td class="num" class:far=far>
                {difference}
            </td>
            <td class="source">
                <span>{l.source}</span>
                " "
                <span class="confidence">{format!("({})", l.confidence)}</span>
                {(!l.note.is_empty())
                    .then(|| {
                        view! {
                            <details>
                                <summary>{note}</summary>
                                {l.note}
                            </details>
                        }
                    })}
            </td>
        </tr>
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
                    <thead>{head(lang)}</thead>
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
                                            row(
                                                l.clone(),
                                                note,
                                                read(|l| l.csv.clone()),
                                                read(|l| l.model.clone()),
                                                read(|l| l.difference.clone()),
                                                far,
                                            )
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
