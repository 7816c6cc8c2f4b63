//! A chart's monthly figures as a table: the "show as table" view, for
//! readers who cannot see the chart and for anyone who wants the numbers;
//! with the baseline's headline figure and the difference to it.

use doorstroom_charts::{Chart, published_marks, table_against};
use doorstroom_model::{Text, t};
use leptos::prelude::*;

use crate::format::{Formats, formats};
use crate::platform::reruns::{Node, rerun};
use crate::state::use_store;

const PUBLISHED_TITLE: Text = t(
    "Gepubliceerd (IND), zoals in de grafiek",
    "Published (IND), as on the chart",
);
const PER_WEEK: Text = t("gemiddeld per week", "mean per week");
const PER_MONTH: Text = t("gemiddeld per maand", "mean per month");

fn cell(chart: Chart, f: &Formats, value: f64) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    match chart {
        Chart::Costs => f.euro_whole(value),
        Chart::Waiting => f.weeks(value),
        Chart::Backlog | Chart::Flow => f.whole(value),
    }
}

#[component]
pub fn ChartTable(chart: Chart) -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    // Formatted once per settled scenario, baseline or language: read
    // when the hand rests, so a drag's frames leave the table alone. At
    // rest the runs are those of the settled scenario.
    let body = Memo::new(move |_| {
        rerun(Node::Rest);
        let lang = lang.get();
        let f = formats(lang);
        store.settled().track();
        store.pinned().track();
        let same = store.is_baseline.get_untracked();
        let t = store.run.with_untracked(|run| {
            store
                .baseline_run
                .with_untracked(|base| table_against(chart, run, (!same).then_some(&**base), lang))
        });
        let rows: Vec<(String, Vec<String>)> = t
            .rows
            .iter()
            .map(|(month, values)| {
                (
                    f.month_long(month),
                    values.iter().map(|v| cell(chart, &f, *v)).collect(),
                )
            })
            .collect();
        (t.headers, rows)
    });
    // The published figures drawn on this chart, with the model's value
    // and the source (none when they are switched off).
    let published = Memo::new(move |_| {
        let lang = lang.get();
        if store.hide_published().get() {
            return Vec::new();
        }
        let f = formats(lang);
        // The record follows the settled scenario; the run is its run then.
        store.run.with_untracked(|run| {
            store.record.with(|rows| {
                published_marks(chart, run, rows)
                    .iter()
                    .map(|m| {
                        let p = m.row.published;
                        let when = if p.measure.is_stock() {
                            f.day(&m.row.compared.from)
                        } else {
                            let per = if chart == Chart::Costs {
                                PER_MONTH
                            } else {
                                PER_WEEK
                            };
                            format!(
                                "{} – {}, {}",
                                f.day(&m.row.compared.from),
                                f.day(&m.row.compared.to),
                                per.get(lang)
                            )
                        };
                        (
                            format!("{} ({when})", p.measure.label(lang)),
                            cell(chart, &f, m.value),
                            p.source.to_owned(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <div class="chart-table" tabindex="0">
            <table>
                <caption class="visually-hidden">{move || chart.title(lang.get())}</caption>
                <thead>
                    <tr>
                        {move || {
                            body.with(|(headers, _)| {
                                headers
                                    .iter()
                                    .map(|h| view! { <th scope="col">{h.clone()}</th> })
                                    .collect_view()
                            })
                        }}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        body.with(|(_, rows)| {
                            rows.iter()
                                .map(|(month, cells)| {
                                    view! {
                                        <tr>
                                            <th scope="row">{month.clone()}</th>
                                            {cells
                                                .iter()
                                                .map(|c| view! { <td>{c.clone()}</td> })
                                                .collect_view()}
                                        </tr>
                                    }
                                })
                                .collect_view()
                        })
                    }}
                </tbody>
            </table>
            {move || {
                published
                    .with(|lines| {
                        (!lines.is_empty())
                            .then(|| {
                                view! {
                                    <table class="chart-table-published" data-testid="table-published">
                                        <caption>{PUBLISHED_TITLE.get(lang.get())}</caption>
                                        <tbody>
                                            {lines
                                                .iter()
                                                .map(|(what, value, source)| {
                                                    view! {
                                                        <tr>
                                                            <th scope="row">{what.clone()}</th>
                                                            <td>{value.clone()}</td>
                                                            <td class="source">{source.clone()}</td>
                                                        </tr>
                                                    }
                                                })
                                                .collect_view()}
                                        </tbody>
                                    </table>
                                }
                            })
                    })
            }}
        </div>
    }
}
