//! The preset buttons: exactly the model's `PRESETS`, each setting its own
//! levers and keeping the others, each marked pressed by the model's one
//! rule (all of its levers at its values).

use doorstroom_model::{PRESETS, Preset, PresetGroup};
use leptos::prelude::*;

use crate::i18n;
use crate::platform::reruns::{Node, rerun};
use crate::state::use_store;

#[component]
fn PresetButton(preset: &'static Preset) -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    // The preset's levers and values, read once into typed form; the mark
    // reads only those levers' signals.
    let values: Vec<_> = preset
        .values()
        .iter()
        .map(|&(i, v)| (store.lever(i), v))
        .collect();
    let active = Memo::new(move |_| {
        rerun(Node::Preset);
        values.iter().all(|(signal, v)| signal.with(|now| now == v))
    });
    let help = move || {
        let lang = lang.get();
        format!("{} {}", preset.help.get(lang), preset.sets_text(lang))
    };
    let (class, figure) = match preset.group {
        PresetGroup::Intake => ("preset", true),
        PresetGroup::Policy => ("preset wide", false),
    };
    view! {
        <button
            type="button"
            class=class
            data-preset=preset.key
            aria-pressed=move || if active.get() { "true" } else { "false" }
            title=help
            on:click=move |_| store.apply(preset.apply(&store.current()))
        >
            {figure.then(|| view! {
                <span class="preset-figure">
                    {move || {
                        let lang = lang.get();
                        // An intake preset names one number lever: its
                        // figure is the button's title.
                        preset.values().first().and_then(|&(i, value)| {
                            match (&doorstroom_model::levers()[i].kind, value) {
                                (
                                    doorstroom_model::LeverKind::Number(n),
                                    doorstroom_model::LeverValue::Number(x),
                                ) => Some(n.field_text(x, lang)),
                                _ => None,
                            }
                        })
                    }}
                </span>
            })}
            <span class="preset-name">{move || preset.label.get(lang.get())}</span>
            {(!figure).then(|| view! { <span class="preset-help">{help}</span> })}
        </button>
    }
}

#[component]
pub fn Presets() -> impl IntoView {
    let lang = use_store().lang();
    let of = |group: PresetGroup| {
        PRESETS
            .iter()
            .filter(move |p| p.group == group)
            .map(|preset| view! { <PresetButton preset /> })
            .collect_view()
    };
    view! {
        <section class="presets" aria-labelledby="presets-title">
            <h2 id="presets-title" class="section-title">
                {move || i18n::PRESETS.get(lang.get())}
            </h2>
            <p class="preset-group-label">{move || i18n::PRESET_MPP.get(lang.get())}</p>
            <div class="preset-row">{of(PresetGroup::Intake)}</div>
            <div class="preset-column">{of(PresetGroup::Policy)}</div>
        </section>
    }
}
