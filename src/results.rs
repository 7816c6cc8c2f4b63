use doorstroom_charts::Chart;
use leptos::prelude::*;

use crate::components::chart_panel::ChartPanel;
use crate::components::kpis::Kpis;
use crate::components::notice::Notice;
use crate::components::record_panel::RecordPanel;
use crate::i18n;
use crate::state::use_store;

/// The results: the notice (if the link needed repair), the headline
/// figures, the four charts with the switch for the published figures, and
/// the model beside the record.
#[component]
pub fn Results() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let hidden = store.hide_published();
    view! {
        <main class="results">
            <Notice />
            <Kpis />
            <section class="charts" aria-labelledby="charts-title">
                <h2 id="charts-title" class="visually-hidden">
                    {move || i18n::CHARTS.get(lang.get())}
                </h2>
                <label class="published-switch">
                    <input
                        type="checkbox"
                        data-testid="published-switch"
                        prop:checked=move || !hidden.get()
                        on:change=move |ev| store.set_hide_published(!event_target_checked(&ev))
                    />
                    " "
                    {move || i18n::SHOW_PUBLISHED.get(lang.get())}
                </label>
                {Chart::ALL.into_iter().map(|chart| view! { <ChartPanel chart /> }).collect_view()}
            </section>
            <RecordPanel />
        </main>
    }
}
