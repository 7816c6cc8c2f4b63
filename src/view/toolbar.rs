//! The scenario's actions: undo and redo, reset to the loaded scenario or to
//! the default, pin the scenario as the baseline, copy the link, and the
//! language switch.

use doorstroom_model::Lang;
use leptos::prelude::*;
use std::time::Duration;

use crate::export::sheet;
use crate::i18n;
use crate::state::use_store;
use crate::view::briefing_file::BriefingFile;
use crate::view::embed_dialog::EmbedButton;
use crate::view::presentation::PresentButton;
use doorstroom_model::Period;
use doorstroom_model::Text;

const MONTHLY_CSV: Text = Text {
    nl: "CSV per maand",
    en: "CSV by month",
};
const MONTHLY_CSV_LABEL: Text = Text {
    nl: "CSV per maand downloaden",
    en: "Download CSV by month",
};
const MONTHLY_CSV_HELP: Text = Text {
    nl: "Download alle cijfers per maand van dit scenario, in totaal en per spoor, als CSV voor een spreadsheet.",
    en: "Download all of this scenario's figures by month, in total and by stream, as CSV for a spreadsheet.",
};

/// How long "link copied" stays on screen.
const CONFIRM_FOR: Duration = Duration::from_millis(2500);

/// Copies the link to what is on screen (built from the page's state, not
/// read from the address bar) to the clipboard; where there is no clipboard
/// the reader is told to copy from the address bar.
async fn copy_link(link: String) -> bool {
    crate::export::clipboard::write(&link).await
}

#[component]
pub fn Toolbar() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let status = RwSignal::new(None::<Text>);
    let pinned = move || store.pinned().with(Option::is_some);
    let copy = move |_| {
        let link = store.link();
        leptos::task::spawn_local(async move {
            let message = if copy_link(link).await {
                i18n::COPIED
            } else {
                i18n::COPY_FAILED
            };
            status.set(Some(message));
            set_timeout(move || status.set(None), CONFIRM_FOR);
        });
    };
    let text = move |t: Text| move || t.get(lang.get());
    view! {
        <div class="toolbar" role="toolbar" aria-label=text(i18n::TOOLBAR)>
            <div class="tool-group">
                <button
                    type="button"
                    class="icon-button"
                    data-testid="undo"
                    disabled=move || !store.can_undo.get()
                    aria-keyshortcuts="Control+Z"
                    aria-label=text(i18n::UNDO)
                    title=move || format!("{} ({})", i18n::UNDO.get(lang.get()), i18n::UNDO_KEYS.get(lang.get()))
                    on:click=move |_| store.undo()
                >
                    <span aria-hidden="true">"↶"</span>
                </button>
                <button
                    type="button"
                    class="icon-button"
                    data-testid="redo"
                    disabled=move || !store.can_redo.get()
                    aria-keyshortcuts="Control+Shift+Z"
                    aria-label=text(i18n::REDO)
                    title=move || format!("{} ({})", i18n::REDO.get(lang.get()), i18n::REDO_KEYS.get(lang.get()))
                    on:click=move |_| store.redo()
                >
                    <span aria-hidden="true">"↷"</span>
                </button>
            </div>
            <div class="tool-group">
                <button
                    type="button"
                    disabled=move || store.scenario().with(|s| store.is_loaded(s))
                    title=text(i18n::RESET_LOADED_HELP)
                    on:click=move |_| store.reset_to_loaded()
                >
                    {text(i18n::RESET_LOADED)}
                </button>
                <button
                    type="button"
                    disabled=move || store.is_default().get()
                    title=text(i18n::RESET_DEFAULT_HELP)
                    on:click=move |_| store.reset_to_default()
                >
                    {text(i18n::RESET_DEFAULT)}
                </button>
            </div>
            <div class="tool-group">
                <button
                    type="button"
                    data-testid="pin"
                    disabled=move || !store.can_pin()
                    title=move || {
                        let help = if store.pinned_count() >= doorstroom_address::MAX_PINNED {
                            i18n::PIN_FULL_HELP
                        } else if store.can_pin() {
                            i18n::PIN_HELP
                        } else {
                            i18n::PIN_SAME_HELP
                        };
                        help.get(lang.get())
                    }
                    on:click=move |_| store.pin()
                >
                    {text(i18n::PIN)}
                </button>
                <Show when=pinned>
                    <button
                        type="button"
                        data-testid="unpin"
                        title=text(i18n::UNPIN_HELP)
                        on:click=move |_| store.unpin()
                    >
                        {text(i18n::UNPIN)}
                    </button>
                </Show>
            </div>
            <div class="tool-group">
                <button
                    type="button"
                    data-testid="download-csv"
                    aria-label=text(i18n::DOWNLOAD_CSV_LABEL)
                    title=text(i18n::DOWNLOAD_CSV_HELP)
                    on:click=move |_| sheet::run_file(store, Period::Weekly)
                >
                    {text(i18n::DOWNLOAD_CSV)}
                </button>
                <button
                    type="button"
                    data-testid="download-csv-monthly"
                    aria-label=text(MONTHLY_CSV_LABEL)
                    title=text(MONTHLY_CSV_HELP)
                    on:click=move |_| sheet::run_file(store, Period::Monthly)
                >
                    {text(MONTHLY_CSV)}
                </button>
                <PresentButton />
                <BriefingFile />
                <EmbedButton />
                <button type="button" class="primary" data-testid="copy-link" on:click=copy>
                    {text(i18n::COPY_LINK)}
                </button>
                <span class="tool-status" role="status" aria-live="polite">
                    {move || status.get().map(|t| t.get(lang.get()))}
                </span>
            </div>
            <div class="tool-group">
                <button
                    type="button"
                    class="lang-switch"
                    data-testid="lang-switch"
                    lang=move || if lang.get() == Lang::Nl { "en" } else { "nl" }
                    title=text(i18n::OTHER_LANGUAGE_HELP)
                    on:click=move |_| {
                        store.set_lang(if lang.get_untracked() == Lang::Nl { Lang::En } else { Lang::Nl })
                    }
                >
                    {text(i18n::OTHER_LANGUAGE)}
                </button>
            </div>
        </div>
    }
}
