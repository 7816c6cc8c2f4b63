use doorstroom_charts::Chart;
use leptos::prelude::*;

use crate::components::chart_panel::ChartPanel;
use crate::components::compare::{Comparison, PinnedList};
use crate::components::explain::Explain;
use crate::components::glossary::Glossary;
use crate::components::handout::Handout;
use crate::components::kpis::Kpis;
use crate::components::notice::Notice;
use crate::components::pipeline::{ChartPointer, Pipeline};
use crate::components::presentation::PresentationBar;
use crate::components::record_panel::RecordPanel;
use crate::components::scenario_heading::ScenarioHeading;
use crate::components::track_record::TrackRecordPanel;
use crate::components::uncertainty::Uncertainty;
use crate::i18n;
use crate::state::use_store;

/// The results: the presenter's bar (in presentation mode), the scenario's
/// heading, the notice (if the link needed repair), the handout's own lines
/// (shown only in print), the headline figures, the four charts, the pinned
/// scenarios with their comparison, the model beside the record, its
/// forecast track record (folded), the
/// glossary, and the uncertainty and decision tools.
///
/// After navigation only what the first screen shows is built at once;
/// the handout's lines (print only) and everything under the charts are
/// built when the first screen has been painted
/// ([`Store::first_screen_done`](crate::state::Store::first_screen_done)).
#[component]
pub fn Results() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let later = move || store.first_screen_done().get();
    ChartPointer::provide();
    view! {
        <main class="results" id="results" tabindex="-1">
            <PresentationBar />
            <ScenarioHeading />
            <Notice />
            {move || later().then(|| view! { <Handout /> })}
            <Kpis />
            <section class="charts" aria-labelledby="charts-title">
                <h2 id="charts-title" class="visually-hidden">
                    {move || i18n::CHARTS.get(lang.get())}
                </h2>
                {Chart::ALL.into_iter().map(|chart| view! { <ChartPanel chart /> }).collect_view()}
                // The pipeline's picture below the charts, in their grid so
                // that presentation mode can show it in a chart's place.
                {move || later().then(|| view! { <Pipeline /> })}
            </section>
            {move || {
                later()
                    .then(|| {
                        view! {
                            <PinnedList />
                            <Comparison />
                            <Explain />
                            <RecordPanel />
                            <TrackRecordPanel />
                            <Glossary />
                            <Uncertainty />
                        }
                    })
            }}
        </main>
    }
}
