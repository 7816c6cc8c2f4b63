use doorstroom_charts::Chart;
use leptos::prelude::*;

use crate::i18n;
use crate::state::use_store;
use crate::view::chart_panel::ChartPanel;
use crate::view::compare::{Comparison, PinnedList};
use crate::view::explain::Explain;
use crate::view::glossary::Glossary;
use crate::view::handout::Handout;
use crate::view::kpis::Kpis;
use crate::view::notice::Notice;
use crate::view::pipeline::{ChartPointer, Pipeline};
use crate::view::presentation::PresentationBar;
use crate::view::record_panel::RecordPanel;
use crate::view::scenario_heading::ScenarioHeading;
use crate::view::track_record::TrackRecordPanel;
use crate::view::uncertainty::Uncertainty;

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
