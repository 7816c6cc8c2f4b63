//! A chart's monthly figures as a table: the "show as table" view, for
//! readers who cannot see the chart and for anyone who wants the numbers;
//! with the baseline's headline figure and the difference to it.

use doorstroom_charts::{Chart, table_against};
use leptos::prelude::*;

use crate::format::{Formats, formats};
use crate::state::use_store;

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
    // Formatted once per change of run or language; the rows are plain text.
    let body = Memo::new(move |_| {
        let lang = lang.get();
        let f = formats(lang);
        let same = store.is_baseline.get();
        let t = store.run.with(|run| {
            store
                .baseline_run
                .with(|base| table_against(chart, run, (!same).then_some(&**base), lang))
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
        </div>
    }
}
