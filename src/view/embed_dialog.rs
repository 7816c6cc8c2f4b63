//! The "Embed" button of the toolbar: the `<iframe>` code that shows a
//! chart (chosen in the dialog, the backlog first), with the scenario on
//! screen, in an article (`embed.html`), to copy. One button for the page
//! rather than one per chart: the charts' own bars stay on one line at a
//! projector's width.

use doorstroom_charts::Chart;
use doorstroom_model::Text;
use leptos::html;
use leptos::prelude::*;

use crate::embed::address;
use crate::export::clipboard;
use crate::i18n;
use crate::state::use_store;

const EMBED: Text = Text {
    nl: "Insluiten",
    en: "Embed",
};
const EMBED_HELP: Text = Text {
    nl: "Code om een grafiek met dit scenario in een artikel of website te tonen.",
    en: "Code to show a chart with this scenario in an article or website.",
};
const CHART: Text = Text {
    nl: "Grafiek",
    en: "Chart",
};
const HEADING: Text = Text {
    nl: "Grafiek insluiten",
    en: "Embed the chart",
};
const EXPLAIN: Text = Text {
    nl: "Plak deze code in een artikel of webpagina. Het kader toont deze grafiek met dit scenario, de bron en een link naar Doorstroom; het rekent in de browser van de lezer.",
    en: "Paste this code into an article or web page. The frame shows this chart with this scenario, its source and a link to Doorstroom; it computes in the reader's browser.",
};
const FROM_FILE: Text = Text {
    nl: "Deze pagina is als los bestand geopend: een artikel kan alleen een gehoste Doorstroom insluiten. Zet de map dist/ op een webserver en maak de code daar.",
    en: "This page was opened as a file: an article can only embed a hosted Doorstroom. Put the dist/ folder on a web server and make the code there.",
};
const COPY: Text = Text {
    nl: "Code kopiëren",
    en: "Copy code",
};
const COPIED: Text = Text {
    nl: "Code gekopieerd",
    en: "Code copied",
};
const CLOSE: Text = Text {
    nl: "Sluiten",
    en: "Close",
};

/// The code for `chart` with the page's state as its link holds it.
fn code(chart: Chart) -> String {
    let store = use_store();
    let location = window().location();
    let folder = address::folder(
        &location.origin().unwrap_or_default(),
        &location.pathname().unwrap_or_default(),
    );
    let lang = store.lang().get_untracked();
    let src = address::embed_url(&folder, chart, &store.page_state().to_query());
    address::iframe_code(&src, &format!("Doorstroom: {}", chart.title(lang)))
}

#[component]
pub fn EmbedButton() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let dialog_ref = NodeRef::<html::Dialog>::new();
    let chart = RwSignal::new(Chart::Backlog);
    let text = RwSignal::new(String::new());
    let status = RwSignal::new(None::<Text>);
    let from_file = move || window().location().protocol().is_ok_and(|p| p == "file:");
    let open = move |_| {
        text.set(untrack(|| code(chart.get())));
        status.set(None);
        if let Some(dialog) = dialog_ref.get_untracked() {
            let _ = dialog.show_modal();
        }
    };
    let choose = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        if let Some(c) = Chart::ALL.into_iter().find(|c| c.id() == id) {
            chart.set(c);
            text.set(untrack(|| code(c)));
            status.set(None);
        }
    };
    let options = move || {
        let lang = lang.get();
        Chart::ALL
            .into_iter()
            .map(|c| {
                view! {
                    <option value=c.id() selected=move || chart.get() == c>
                        {c.title(lang)}
                    </option>
                }
            })
            .collect_view()
    };
    let copy = move |_| {
        let code = text.get_untracked();
        leptos::task::spawn_local(async move {
            status.set(Some(if clipboard::write(&code).await {
                COPIED
            } else {
                i18n::COPY_FAILED
            }));
        });
    };
    view! {
        <button
            type="button"
            data-testid="embed-button"
            title=move || EMBED_HELP.get(lang.get())
            on:click=open
        >
            {move || EMBED.get(lang.get())}
        </button>
        <dialog
            class="embed-dialog"
            node_ref=dialog_ref
            aria-labelledby="embed-heading"
            data-testid="embed-dialog"
        >
            <h2 id="embed-heading">{move || HEADING.get(lang.get())}</h2>
            <p>
                {move || {
                    if from_file() { FROM_FILE } else { EXPLAIN }.get(lang.get())
                }}
            </p>
            <label class="embed-choice">
                <span>{move || CHART.get(lang.get())}</span>
                " "
                <select data-testid="embed-chart-choice" on:change=choose>
                    {options}
                </select>
            </label>
            <textarea
                class="embed-code"
                readonly
                rows="5"
                data-testid="embed-code"
                aria-label=move || HEADING.get(lang.get())
                prop:value=move || text.get()
                on:focus=move |ev| {
                    // One click selects the whole code, ready to copy.
                    event_target::<web_sys::HtmlTextAreaElement>(&ev).select();
                }
            ></textarea>
            <div class="embed-actions">
                <button type="button" class="small-button" data-testid="embed-copy" on:click=copy>
                    {move || COPY.get(lang.get())}
                </button>
                <span class="tool-status" role="status" aria-live="polite">
                    {move || status.get().map(|t| t.get(lang.get()))}
                </span>
                <button
                    type="button"
                    class="small-button"
                    data-testid="embed-close"
                    on:click=move |_| {
                        if let Some(dialog) = dialog_ref.get_untracked() {
                            dialog.close();
                        }
                    }
                >
                    {move || CLOSE.get(lang.get())}
                </button>
            </div>
        </dialog>
    }
}
