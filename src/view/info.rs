//! A lever's meaning and source, from the model's lever table, behind a
//! small "i" button. A disclosure rather than a floating popover: it opens
//! in place under the lever, so it never covers the slider it explains, it
//! reads in order for a screen reader and it needs no positioning code.

use doorstroom_model::Lever;
use leptos::prelude::*;

use crate::i18n;
use crate::state::use_store;
use crate::view::glossary::Words;

fn panel_id(lever: &Lever) -> String {
    format!("info-{}", lever.key)
}

/// The "i" button that opens and closes the lever's info panel.
#[component]
pub fn InfoButton(lever: &'static Lever, open: RwSignal<bool>) -> impl IntoView {
    let lang = use_store().lang();
    view! {
        <button
            type="button"
            class="info-button"
            aria-expanded=move || if open.get() { "true" } else { "false" }
            aria-controls=panel_id(lever)
            aria-label=move || {
                format!("{} {}", i18n::ABOUT.get(lang.get()), lever.label.get(lang.get()))
            }
            on:click=move |_| open.update(|o| *o = !*o)
        >
            <span aria-hidden="true">"i"</span>
        </button>
    }
}

/// The lever's help text and source. Escape anywhere in the lever closes
/// it (see `LeverControl`).
#[component]
pub fn InfoPanel(lever: &'static Lever, open: RwSignal<bool>) -> impl IntoView {
    let lang = use_store().lang();
    view! {
        <div class="info-panel" id=panel_id(lever) hidden=move || !open.get()>
            <p>
                <Words text=Signal::derive(move || lever.help.get(lang.get()).to_owned()) />
            </p>
            <p class="source">
                <strong>{move || i18n::SOURCE.get(lang.get())} ": "</strong>
                {move || lever.source.get(lang.get())}
            </p>
            <button type="button" class="link-button" on:click=move |_| open.set(false)>
                {move || i18n::CLOSE.get(lang.get())}
            </button>
        </div>
    }
}
