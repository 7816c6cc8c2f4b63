//! The two buttons that offer a picture of the page as a file, PNG and
//! SVG, for the pictures outside the four charts (the explanation's
//! waterfall, the pipeline): one pair of buttons, one text each.

use leptos::prelude::*;

use crate::i18n;
use crate::state::use_store;

/// "PNG downloaden" and "SVG downloaden", `data-testid`
/// `{test_id}-png` and `{test_id}-svg`.
#[component]
pub fn ImageDownloads(
    test_id: &'static str,
    png: impl Fn(leptos::ev::MouseEvent) + 'static,
    svg: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let lang = use_store().lang();
    view! {
        <div class="explain-actions">
            <button
                type="button"
                class="small-button"
                data-testid=format!("{test_id}-png")
                on:click=png
            >
                {move || i18n::DOWNLOAD_PNG.get(lang.get())}
            </button>
            <button
                type="button"
                class="small-button"
                data-testid=format!("{test_id}-svg")
                on:click=svg
            >
                {move || i18n::DOWNLOAD_SVG.get(lang.get())}
            </button>
        </div>
    }
}
