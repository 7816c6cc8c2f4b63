//! The notice that says what the page changed when it read a link: values
//! clamped into range, unreadable values left at their default, unknown
//! keys ignored. The page works either way; the notice says so, once, and
//! can be dismissed. What it lists is bounded (`notice_lines.rs`), so no link
//! can make it push the figures off the first screen.

use leptos::prelude::*;

use crate::i18n;
use crate::notice_lines::notice_lines;
use crate::state::use_store;

#[component]
pub fn Notice() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let warnings = store.warnings();
    view! {
        <Show when=move || warnings.with(|w| !w.is_empty())>
            <section class="notice" role="status" data-testid="notice">
                <div class="notice-text">
                    <h2>{move || i18n::NOTICE_TITLE.get(lang.get())}</h2>
                    <p>{move || i18n::NOTICE_BODY.get(lang.get())}</p>
                    {move || {
                        let lines = warnings.with(|w| {
                            notice_lines(w, lang.get())
                        });
                        view! {
                            <ul>
                                {lines
                                    .listed
                                    .into_iter()
                                    .map(|line| view! { <li>{line}</li> })
                                    .collect_view()}
                            </ul>
                            {lines.more.map(|more| view! { <p class="notice-more">{more}</p> })}
                        }
                    }}
                </div>
                <button
                    type="button"
                    class="notice-close"
                    aria-label=move || i18n::DISMISS.get(lang.get())
                    on:click=move |_| store.dismiss_warnings()
                >
                    <span aria-hidden="true">"×"</span>
                </button>
            </section>
        </Show>
    }
}
