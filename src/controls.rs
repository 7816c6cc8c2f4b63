use leptos::prelude::*;

use crate::components::headline_levers::HeadlineLevers;
use crate::components::lever_groups::LeverGroups;
use crate::components::presets::Presets;
use crate::i18n;
use crate::state::use_store;

/// The controls column: the headline levers, the presets, then every other
/// lever in folded groups.
#[component]
pub fn Controls() -> impl IntoView {
    let lang = use_store().lang();
    view! {
        <aside class="controls" aria-labelledby="controls-title">
            <h2 id="controls-title" class="visually-hidden">
                {move || i18n::SCENARIO.get(lang.get())}
            </h2>
            <HeadlineLevers />
            <Presets />
            <LeverGroups />
        </aside>
    }
}
