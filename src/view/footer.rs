use leptos::prelude::*;

use doorstroom_model::Scenario;

use crate::format::formats;
use crate::i18n;
use crate::state::use_store;

/// The footer names the model the figures come from (read from the model
/// crate itself, so that it cannot drift from what was built) and what the
/// changes are measured against.
#[component]
pub fn Footer() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    // The day the model starts from (the seed's backlog count), read from
    // the model crate so that the footer cannot drift from the figures.
    let start = Scenario::default().start;
    view! {
        <footer class="footer">
            <p>
                {move || i18n::MODEL_VERSION.get(lang.get())}
                " "
                <span class="model-version">{doorstroom_model::VERSION}</span>
                " · "
                {move || i18n::MODEL_START.get(lang.get())}
                " "
                <time class="model-start" datetime=start.to_string()>
                    {move || formats(lang.get()).day(&start)}
                </time>
            </p>
            <p class="baseline-note">
                {move || {
                    let lang = lang.get();
                    if store.pinned().with(Option::is_some) {
                        i18n::BASELINE_IS_PINNED.get(lang).to_owned()
                    } else {
                        // The default is the world's on screen: today's
                        // outlook, or the letter's in its preset.
                        let world = store.world().get().name();
                        format!("{} {}.", i18n::BASELINE_IS_DEFAULT.get(lang), world.get(lang))
                    }
                }}
            </p>
            <p>
                {move || i18n::OFFLINE.get(lang.get())}
                " "
                {move || i18n::RELEASE.get(lang.get())}
                " "
                <span class="release" data-testid="release">{format!("{}+{}", crate::offline::VERSION, crate::offline::BUILD)}</span>
            </p>
        </footer>
    }
}
