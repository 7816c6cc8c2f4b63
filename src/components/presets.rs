//! Preset scenarios, all built from the model: the MPP 2023 intake figures
//! (`INTAKE_PRESETS`), the letter's forecast assumptions
//! (`Scenario::seed_forecast`) and the extension set aside by the courts
//! (the term lever at six months for everyone).
//!
//! A preset changes only what it is about: an intake preset sets the intake
//! and keeps the other levers as they are, so presets combine.

use doorstroom_model::{INTAKE_PRESETS, Scenario, TermPolicy};
use leptos::prelude::*;

use crate::format::formats;
use crate::i18n;
use crate::state::use_store;

#[component]
pub fn Presets() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let intake_active = move |value: f64| store.scenario.with(|s| s.intake_per_year == value);
    let intake_buttons = INTAKE_PRESETS
        .iter()
        .map(|(value, name)| {
            let value = *value;
            view! {
                <button
                    type="button"
                    class="preset"
                    aria-pressed=move || if intake_active(value) { "true" } else { "false" }
                    on:click=move |_| {
                        let mut s = store.current();
                        s.intake_per_year = value;
                        store.apply(s);
                    }
                >
                    <span class="preset-figure">
                        {move || formats(lang.get()).whole(value)}
                    </span>
                    <span class="preset-name">{move || name.get(lang.get())}</span>
                </button>
            }
        })
        .collect_view();
    let is_forecast = move || store.scenario.with(|s| *s == Scenario::seed_forecast());
    let is_courts = move || store.scenario.with(|s| s.term == TermPolicy::SixMonths);
    view! {
        <section class="presets" aria-labelledby="presets-title">
            <h2 id="presets-title" class="section-title">
                {move || i18n::PRESETS.get(lang.get())}
            </h2>
            <p class="preset-group-label">{move || i18n::PRESET_MPP.get(lang.get())}</p>
            <div class="preset-row">{intake_buttons}</div>
            <div class="preset-column">
                <button
                    type="button"
                    class="preset wide"
                    aria-pressed=move || if is_forecast() { "true" } else { "false" }
                    title=move || i18n::PRESET_FORECAST_HELP.get(lang.get())
                    on:click=move |_| store.apply(Scenario::seed_forecast())
                >
                    <span class="preset-name">{move || i18n::PRESET_FORECAST.get(lang.get())}</span>
                    <span class="preset-help">
                        {move || i18n::PRESET_FORECAST_HELP.get(lang.get())}
                    </span>
                </button>
                <button
                    type="button"
                    class="preset wide"
                    aria-pressed=move || if is_courts() { "true" } else { "false" }
                    on:click=move |_| {
                        let mut s = store.current();
                        s.term = TermPolicy::SixMonths;
                        store.apply(s);
                    }
                >
                    <span class="preset-name">{move || i18n::PRESET_COURTS.get(lang.get())}</span>
                    <span class="preset-help">
                        {move || i18n::PRESET_COURTS_HELP.get(lang.get())}
                    </span>
                </button>
            </div>
        </section>
    }
}
