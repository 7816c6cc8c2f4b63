use leptos::prelude::*;

use crate::i18n;
use crate::state::use_store;
use crate::view::headline_levers::HeadlineLevers;
use crate::view::lever_groups::LeverGroups;
use crate::view::presets::Presets;

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
