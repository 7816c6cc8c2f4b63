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
    // The extension's end date only matters under the extended term.
    let six_months =
        Signal::derive(move || store.scenario().with(|s| s.term != TermPolicy::Extended));
    // "From now": the model's `from_now` preset. Off again sets it aside
    // (its levers that the reader has not moved since go back to their
    // defaults) and brings the levers back to acting from the letter's
    // start over the letter's horizon, whatever day the lever panel set.
    let from_now = doorstroom_model::preset("from_now").expect("the from_now preset exists");
    let joined = Memo::new(move |_| store.scenario().with(|s| s.join_week() > 0));
    let toggle = move |_| {
        let s = store.current();
        if joined.get_untracked() {
            let start = doorstroom_model::Scenario::default();
            store.apply(doorstroom_model::Scenario {
                from: start.from,
                end: start.end,
                ..from_now.set_aside(&s)
            });
        } else {
            store.apply(from_now.apply(&s));
        }
    };
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
            <button
                type="button"
                class="preset wide"
                data-testid="from-now"
                role="switch"
                aria-checked=move || if joined.get() { "true" } else { "false" }
                title=move || from_now.help.get(lang.get())
                on:click=toggle
            >
                {move || from_now.label.get(lang.get())}
            </button>
            {cards}
        </section>
    }
}
