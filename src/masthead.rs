use leptos::prelude::*;

/// The page's name and what it is for, in one line each.
#[component]
pub fn Masthead() -> impl IntoView {
    view! {
        <header class="masthead">
            <h1>"Doorstroom"</h1>
            <p class="subtitle">
                "Verken scenario's voor de asielketen van de IND: instroom, personeel, "
                "beslistermijn en wat vertraging kost."
            </p>
        </header>
    }
}
