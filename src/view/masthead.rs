use leptos::prelude::*;

use crate::i18n;
use crate::state::use_store;
use crate::view::toolbar::Toolbar;

/// The page's name, what it is for, and the scenario's actions.
#[component]
pub fn Masthead() -> impl IntoView {
    let lang = use_store().lang();
    view! {
        <header class="masthead">
            <div class="masthead-title">
                <h1>{move || i18n::TITLE.get(lang.get())}</h1>
                <p class="subtitle">{move || i18n::SUBTITLE.get(lang.get())}</p>
            </div>
            <Toolbar />
        </header>
    }
}
