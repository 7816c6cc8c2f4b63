use leptos::prelude::*;

/// The footer names the model the figures come from, read from the model
/// crate itself so that it cannot drift from what was built.
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="footer">
            <p>
                "Rekenmodel versie "
                <span class="model-version">{doorstroom_model::VERSION}</span>
            </p>
            <p>"Werkt zonder server en zonder netwerk: alles rekent in uw browser."</p>
        </footer>
    }
}
