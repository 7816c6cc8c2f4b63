//! The headline levers, always in view: those of the lever table's
//! headline group (intake, track-4 staff, the BAA fast track, the decision
//! term with the end date of the extension, which only matters while the
//! 15-month term applies).

use doorstroom_model::{LeverGroup, LeverKind, TermPolicy};
use leptos::prelude::*;

use crate::components::lever::LeverControl;
use crate::i18n;
use crate::state::use_store;

#[component]
pub fn HeadlineLevers() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let six_months =
        Signal::derive(move || store.scenario().with(|s| s.term == TermPolicy::SixMonths));
    // A date lever belongs with the choice before it (the extension's end
    // with the term), in the same card.
    let mut cards: Vec<Vec<&'static doorstroom_model::Lever>> = Vec::new();
    for lever in LeverGroup::Headline.levers() {
        match (&lever.kind, cards.last_mut()) {
            (LeverKind::Date(_), Some(card)) => card.push(lever),
            _ => cards.push(vec![lever]),
        }
    }
    let cards = cards
        .into_iter()
        .map(|card| {
            let controls = card
                .into_iter()
                .map(|lever| match lever.kind {
                    LeverKind::Date(_) => view! {
                        <LeverControl lever testid=true disabled=six_months />
                    }
                    .into_any(),
                    LeverKind::Number(_) | LeverKind::Choice(_) => {
                        view! { <LeverControl lever testid=true /> }.into_any()
                    }
                })
                .collect_view();
            view! { <div class="card">{controls}</div> }
        })
        .collect_view();
    view! {
        <section class="headline-levers" aria-labelledby="headline-title">
            <h2 id="headline-title" class="section-title">
                {move || i18n::HEADLINE_LEVERS.get(lang.get())}
            </h2>
            {cards}
        </section>
    }
}
