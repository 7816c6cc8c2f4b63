use leptos::ev;
use leptos::prelude::*;

use crate::bands;
use crate::components::shortcuts;
use crate::controls::Controls;
use crate::footer::Footer;
use crate::i18n;
use crate::masthead::Masthead;
use crate::results::Results;
use crate::state::Store;

/// The whole page: masthead on top, the controls beside the results, and the
/// footer. The grid itself is in `style/main.css`.
///
/// The app owns the scenario store: it reads the scenario from the address
/// once, keeps the address in step with every change, and restores the
/// scenario when the reader goes Back or Forward.
/// The first tab stop: past the controls, straight to the results.
const SKIP: doorstroom_model::Text = doorstroom_model::Text {
    nl: "Naar de uitkomsten",
    en: "Skip to the results",
};

#[component]
pub fn App() -> impl IntoView {
    let store = Store::from_location();
    provide_context(store);
    shortcuts::install(store);
    bands::install(store);
    let listening = window_event_listener(ev::popstate, move |_| store.restore_from_location());
    on_cleanup(move || listening.remove());

    // The document's language and title follow the switch, for screen
    // readers, hyphenation and the browser's tab.
    Effect::new(move |_| {
        let lang = store.lang().get();
        let document = document();
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", i18n::html_lang(lang));
        }
        document.set_title(&format!(
            "{} · {}",
            i18n::TITLE.get(lang),
            i18n::TAGLINE.get(lang)
        ));
    });

    view! {
        <a class="skip-link" href="#results">
            {move || SKIP.get(store.lang().get())}
        </a>
        <div class="page">
            <Masthead />
            <Controls />
            <Results />
            <Footer />
        </div>
    }
}
