use leptos::prelude::*;

use crate::controls::Controls;
use crate::footer::Footer;
use crate::masthead::Masthead;
use crate::results::Results;

/// The whole page: masthead on top, the controls beside the results, and the
/// footer. The grid itself is in `style/main.css`.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <div class="page">
            <Masthead />
            <Controls />
            <Results />
            <Footer />
        </div>
    }
}
