//! The four headline levers, always in view: intake, track-4 staff, the BAA
//! fast-track and the decision term (with the end date of the extension,
//! which only matters while the 15-month term applies).

use doorstroom_model::{Lever, TermPolicy, lever};
use leptos::prelude::*;

use crate::components::lever::LeverControl;
use crate::i18n;
use crate::state::use_store;

/// The levers shown here rather than in their folded group.
pub const HEADLINE_KEYS: [&str; 5] = ["intake", "fte", "baa", "term", "ext_until"];

fn table_lever(key: &str) -> &'static Lever {
    // The keys are the model's own (its tests pin the headline keys), so a
    // missing one is a programming error caught by the browser tests.
    lever(key).unwrap_or_else(|| panic!("the model has no lever `{key}`"))
}

#[component]
pub fn HeadlineLevers() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let six_months =
        Signal::derive(move || store.scenario.with(|s| s.term == TermPolicy::SixMonths));
    view! {
        <section class="headline-levers" aria-labelledby="headline-title">
            <h2 id="headline-title" class="section-title">
                {move || i18n::HEADLINE_LEVERS.get(lang.get())}
            </h2>
            <div class="card">
                <LeverControl lever=table_lever("intake") testid=true />
            </div>
            <div class="card">
                <LeverControl lever=table_lever("fte") testid=true />
            </div>
            <div class="card">
                <LeverControl lever=table_lever("baa") testid=true />
            </div>
            <div class="card">
                <LeverControl lever=table_lever("term") testid=true />
                <LeverControl
                    lever=table_lever("ext_until")
                    date_testid="input-term"
                    disabled=six_months
                />
            </div>
        </section>
    }
}
