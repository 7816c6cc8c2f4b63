//! The scenario's heading, always in view above the results: its title and
//! one-line note (both editable, both in the link), the baseline named in
//! words, and a line that says what the scenario changes against it.

use doorstroom_address::{MAX_NOTE, MAX_TITLE};
use doorstroom_model::{Text, t};
use leptos::prelude::*;

use crate::state::{baseline_for, unpinned_baseline, use_store};
use crate::view_model::words::{self, BASELINE, changes};

const TITLE_PLACEHOLDER: Text = t("Titel van dit scenario", "Title of this scenario");
const NOTE_PLACEHOLDER: Text = t("Eén regel toelichting", "A one-line note");
const TITLE_LABEL: Text = t("Titel van het scenario", "Scenario title");
const NOTE_LABEL: Text = t("Toelichting bij het scenario", "Note on the scenario");
const CHANGED: Text = t("Gewijzigd", "Changed");

#[component]
pub fn ScenarioHeading() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    // The baseline's name, without "basislijn: ".
    let baseline = move || {
        let lang = lang.get();
        let pinned = store.pinned().get();
        match pinned {
            // Unpinned, the baseline is the defaults of the scenario's
            // world, named as such.
            None => {
                let from = store.settled().with(|s| s.from);
                words::world_name(&unpinned_baseline(from), lang)
            }
            Some(p) => words::name(&store.baseline_title().get(), Some(&p), lang),
        }
    };
    let changed = move || {
        crate::platform::reruns::rerun(crate::platform::reruns::Node::Rest);
        let lang = lang.get();
        // The heading's words are read at rest: they follow the settled
        // scenario, not every frame of a drag.
        let words = store.settled().with(|s| {
            store
                .pinned()
                .with(|p| changes(s, &baseline_for(p.as_ref(), s), lang))
        });
        if words.is_empty() {
            words::NO_CHANGES.get(lang).to_owned()
        } else {
            words.join(" · ")
        }
    };
    view! {
        <section class="scenario-heading" data-testid="scenario-heading">
            <div class="scenario-texts">
                <label class="scenario-title">
                    <span class="visually-hidden">{move || TITLE_LABEL.get(lang.get())}</span>
                    <input
                        type="text"
                        data-testid="scenario-title"
                        maxlength=MAX_TITLE
                        placeholder=move || TITLE_PLACEHOLDER.get(lang.get())
                        prop:value=move || store.title().get()
                        on:change=move |ev| store.set_title(&event_target_value(&ev))
                    />
                    // On paper the title is text that wraps, never a field
                    // that clips it.
                    <span class="print-only printed-title" data-testid="printed-title">
                        {move || store.title().get()}
                    </span>
                </label>
                <label class="scenario-note">
                    <span class="visually-hidden">{move || NOTE_LABEL.get(lang.get())}</span>
                    <input
                        type="text"
                        data-testid="scenario-note"
                        maxlength=MAX_NOTE
                        placeholder=move || NOTE_PLACEHOLDER.get(lang.get())
                        prop:value=move || store.note().get()
                        on:change=move |ev| store.set_note(&event_target_value(&ev))
                    />
                    <span class="print-only printed-note">{move || store.note().get()}</span>
                </label>
            </div>
            <p class="changed-line" data-testid="changed-line">
                <span class="baseline-name" data-testid="baseline-name">
                    {move || format!("{}: ", BASELINE.get(lang.get()))}
                    // A title is isolated: whatever its script, it cannot
                    // reorder the sentence around it.
                    <bdi>{baseline}</bdi>
                </span>
                <span class="changed-label">
                    {move || format!(" — {}: ", CHANGED.get(lang.get()))}
                </span>
                <span class="changed-levers" data-testid="changed-levers">{changed}</span>
            </p>
        </section>
    }
}
