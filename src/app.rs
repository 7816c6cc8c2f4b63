use leptos::ev;
use leptos::prelude::*;

use crate::bands;
use crate::i18n;
use crate::state::Store;
use crate::view::controls::Controls;
use crate::view::footer::Footer;
use crate::view::masthead::Masthead;
use crate::view::presentation::{self, Presentation};
use crate::view::results::Results;
use crate::view::shortcuts;

/// The first tab stop: past the controls, straight to the results.
const SKIP: doorstroom_model::Text = doorstroom_model::Text {
    nl: "Naar de uitkomsten",
    en: "Skip to the results",
};

/// Lets the rest of the page follow once the first screen is painted: the
/// first frame's callback runs before the frame is laid out (where the
/// charts learn their size and the first ones are drawn) and painted; a
/// timeout set from it runs after the paint, when the page is otherwise
/// idle.
fn finish_first_screen_after_paint(store: Store) {
    request_animation_frame(move || {
        set_timeout(
            move || store.finish_first_screen(),
            std::time::Duration::ZERO,
        );
    });
}

/// The whole page: masthead on top, the controls beside the results, and the
/// footer. The grid itself is in `style/main.css`.
///
/// The app owns the scenario store: it reads the scenario from the address
/// once, keeps the address in step with every change, and restores the
/// scenario when the reader goes Back or Forward.
#[component]
pub fn App() -> impl IntoView {
    let store = Store::from_location();
    provide_context(store);
    shortcuts::install(store);
    bands::install(store);
    let presentation = Presentation::new();
    provide_context(presentation);
    presentation::install(store, presentation);
    finish_first_screen_after_paint(store);
    let listening = window_event_listener(ev::popstate, move |_| store.restore_from_location());
    on_cleanup(move || listening.remove());

    // The document's language and title follow the switch and the
    // scenario's title, for screen readers, hyphenation and the browser's tab.
    Effect::new(move |_| {
        let lang = store.lang().get();
        let document = document();
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", i18n::html_lang(lang));
        }
        // The tab title is one line of ordinary characters, whatever the title holds.
        let title = doorstroom_model::safe_text::line(&store.title().get());
        document.set_title(&if title.is_empty() {
            format!("{} · {}", i18n::TITLE.get(lang), i18n::TAGLINE.get(lang))
        } else {
            format!("{title} · {}", i18n::TITLE.get(lang))
        });
    });

    view! {
        <a class="skip-link" href="#results">
            {move || SKIP.get(store.lang().get())}
        </a>
        <div
            class="page"
            class:presenting=move || presentation.on.get()
            data-complete=move || store.first_screen_done().get().then_some("")
        >
            <Masthead />
            <Controls />
            <Results />
            <Footer />
        </div>
    }
}
