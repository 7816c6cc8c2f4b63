//! The headline levers, always in view: those of the lever table's
//! headline group (intake, track-4 staff, the BAA fast track, the decision
//! term with the end date of the extension, which only matters while the
//! 15-month term applies).

use doorstroom_model::{LeverGroup, LeverKind, Scenario, TermPolicy, World};
use leptos::prelude::*;

use crate::format::formats;
use crate::i18n;
use crate::state::use_store;
use crate::view::lever::LeverControl;

#[component]
pub fn HeadlineLevers() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    // The extension's end date only matters under the extended term.
    // Read from the term lever's own signal, against the extended term's
    // value found once.
    let term = doorstroom_model::Named::Term.lever();
    let term_value = store.lever(term.index());
    let extended = term.get(&Scenario {
        term: TermPolicy::Extended,
        ..Scenario::default()
    });
    let six_months = Signal::derive(move || term_value.with(|v| *v != extended));
    // Today's outlook (the model's `from_now` preset, the page's default)
    // or the letter's world: the switch moves between the two worlds. Off
    // sets the outlook aside (its levers the reader has not moved since go
    // to the letter's values); on applies it again. Each world's defaults
    // are the model's (`Scenario::world_defaults`), so "changed" and "back
    // to default" follow the switch.
    let from_now = doorstroom_model::Preset::FROM_NOW;
    let world = store.world();
    let joined = Memo::new(move |_| world.get() == World::Outlook);
    let toggle = move |_| {
        let s = store.current();
        if joined.get_untracked() {
            store.apply(from_now.set_aside(&s));
        } else {
            store.apply(from_now.apply(&s));
        }
    };
    // What the switch stands at, in words: from when the levers apply.
    let state = move || {
        let lang = lang.get();
        let f = formats(lang);
        // The world and its first day, not the scenario: a drag of
        // another lever formats no date here.
        let (world, from, start) = (
            store.world().get(),
            store.levers_from().get(),
            store.start_day().get(),
        );
        if world == World::Outlook {
            format!(
                "{}; {} {}",
                i18n::history_followed(lang, &f, from),
                i18n::FROM_NOW_ON.get(lang),
                f.month_long(&from)
            )
        } else {
            format!("{} {}", i18n::FROM_NOW_OFF.get(lang), f.month_long(&start))
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
                class="from-now"
                data-testid="from-now"
                role="switch"
                aria-checked=move || if joined.get() { "true" } else { "false" }
                aria-describedby="from-now-state"
                title=move || from_now.help.get(lang.get())
                on:click=toggle
            >
                <span class="switch-track" aria-hidden="true">
                    <span class="switch-knob"></span>
                </span>
                <span class="from-now-texts">
                    <span class="from-now-label">{move || from_now.label.get(lang.get())}</span>
                    <span class="from-now-state" id="from-now-state">{state}</span>
                </span>
            </button>
            {cards}
        </section>
    }
}
