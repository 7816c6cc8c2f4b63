//! One lever of the model's lever table as a control: a slider with a typed
//! number field, a date field or a choice, with its label, unit, default, a
//! mark when it differs from the default, and its help and source.
//!
//! Everything the control says about the lever comes from the lever table,
//! and a typed number is read by the model's number reader, the same one
//! that reads links: the page holds no second copy of a range, a unit, a
//! source or a way to read a number.

use doorstroom_model::{
    ChoiceLever, DateLever, Lang, Lever, LeverKind, LeverValue, NumberLever, Scenario, Warning,
    World,
};
use leptos::prelude::*;

use crate::format::formats;
use crate::i18n;
use crate::platform::reruns::{Node, rerun};
use crate::state::{Store, use_store};
use crate::view::info::{InfoButton, InfoPanel};

/// The newest scenario with `set` applied to it.
fn changed(store: Store, set: impl FnOnce(&mut Scenario)) -> Scenario {
    let mut scenario = store.current();
    set(&mut scenario);
    scenario
}

/// The lever's default in `world` (today's outlook, or the letter's), in
/// words for the "default" line: `44.568 per jaar`. Read from the world's
/// typed defaults: no default scenario is built.
fn describe_default(lever: &'static Lever, world: World, lang: Lang) -> String {
    match (&lever.kind, world.lever_defaults()[lever.index()]) {
        (LeverKind::Date(_), LeverValue::Date(d)) => formats(lang).day(&d),
        (LeverKind::Number(n), LeverValue::Number(x)) => n.describe(x, lang),
        (LeverKind::Choice(c), LeverValue::Choice(i)) => c.options[i].label.get(lang).to_owned(),
        _ => String::new(),
    }
}

/// A lever with its frame. `testid` puts the stable test hooks
/// (`lever-KEY` on the slider or choice, `input-KEY` on the number or date
/// field) on the headline levers.
#[component]
pub fn LeverControl(
    lever: &'static Lever,
    #[prop(optional)] testid: bool,
    /// Greys out a lever that has no effect in the current scenario.
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let store = use_store();
    let changed_from_default = store.lever_changed(lever.index());
    // The world follows the day the levers act from alone, so the default
    // line is rewritten only when the world or the language changes.
    let world = store.world();
    let open = RwSignal::new(false);
    let lang = store.lang();
    let control_id = format!("ctl-{}", lever.key);
    let label_id = format!("label-{}", lever.key);

    let control = match &lever.kind {
        LeverKind::Number(number) => view! {
            <NumberControl lever number testid control_id=control_id.clone() />
        }
        .into_any(),
        LeverKind::Date(date) => view! {
            <DateControl lever date testid disabled control_id=control_id.clone() />
        }
        .into_any(),
        LeverKind::Choice(choice) => view! {
            <ChoiceControl lever choice testid control_id=control_id.clone() />
        }
        .into_any(),
    };

    view! {
        <div
            class="lever"
            class:changed=move || changed_from_default.get()
            class:inactive=move || disabled.get()
            data-lever=lever.key
            on:keydown=move |ev| {
                if ev.key() == "Escape" && open.get_untracked() {
                    open.set(false);
                }
            }
        >
            <div class="lever-head">
                <label id=label_id for=control_id class="lever-label">
                    {move || lever.label.get(lang.get())}
                </label>
                <span class="changed-mark" hidden=move || !changed_from_default.get()>
                    <span aria-hidden="true">"● "</span>
                    {move || i18n::CHANGED.get(lang.get())}
                </span>
                <InfoButton lever open />
            </div>
            {control}
            <div class="lever-meta">
                <span class="lever-default">
                    {move || i18n::DEFAULT.get(lang.get())}
                    ": "
                    {move || {
                        rerun(Node::Lever);
                        describe_default(lever, world.get(), lang.get())
                    }}
                </span>
                <button
                    type="button"
                    class="link-button"
                    aria-label=move || {
                        format!("{}: {}", i18n::TO_DEFAULT.get(lang.get()), lever.label.get(lang.get()))
                    }
                    hidden=move || !changed_from_default.get()
                    on:click=move |_| {
                        store.apply(changed(store, |s| lever.copy(&s.world_defaults(), s)))
                    }
                >
                    {move || i18n::TO_DEFAULT.get(lang.get())}
                </button>
            </div>
            <p class="lever-status" hidden=move || store.scenario().with(|s| lever.status(s).is_none())>
                {move || store.scenario().with(|s| lever.status(s).map(|status| status.get(lang.get())))}
            </p>
            <InfoPanel lever open />
        </div>
    }
}

/// A slider and a number field for one number lever. The field shows the
/// value in the unit and notation the reader knows (`70.000`, shares as
/// percentages) and reads what is typed with the model's number reader; a
/// typed value that had to be changed keeps a note beside the field saying
/// what was used.
#[component]
fn NumberControl(
    lever: &'static Lever,
    number: &'static NumberLever,
    testid: bool,
    control_id: String,
) -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let lever_value = store.lever(lever.index());
    let value = Memo::new(move |previous: Option<&f64>| {
        rerun(Node::Lever);
        match lever_value.get() {
            LeverValue::Number(x) => x,
            _ => previous.copied().unwrap_or(number.min),
        }
    });
    let factor = number.unit.display_factor();
    let note = RwSignal::new(None::<Warning>);
    let note_id = format!("note-{}", lever.key);
    let shown = move || number.field_text(value.get(), lang.get());
    // The slider's attributes are plain decimals with a dot, in display units.
    let plain = move |x: f64| format!("{}", (x * factor * 1e6).round() / 1e6);
    let unit = move || number.unit.symbol_for(value.get() * factor, lang.get());
    let slider_testid = testid.then(|| format!("lever-{}", lever.key));
    let field_testid = testid.then(|| format!("input-{}", lever.key));
    let note_testid = testid.then(|| format!("note-{}", lever.key));
    let field_id = format!("num-{}", lever.key);
    let described_by = note_id.clone();

    view! {
        <div class="lever-control number">
            <input
                type="range"
                id=control_id
                data-testid=slider_testid
                min=plain(number.min)
                max=plain(number.max)
                step=plain(number.step)
                prop:value=move || plain(value.get())
                aria-valuetext=move || number.describe(value.get(), lang.get())
                on:input=move |ev| {
                    if let Ok(x) = event_target_value(&ev).parse::<f64>() {
                        note.set(None);
                        store.preview(changed(store, |s| {
                            number.set(s, x / factor);
                        }));
                    }
                }
                on:change=move |_| store.commit()
            />
            <span class="field">
                <input
                    type="text"
                    inputmode="decimal"
                    id=field_id
                    class="number-field"
                    class:noted=move || note.with(Option::is_some)
                    data-testid=field_testid
                    prop:value=shown
                    aria-describedby=described_by
                    aria-label=move || format!("{} ({})", lever.label.get(lang.get()), unit())
                    on:focus=move |ev| {
                        // Typing replaces the value rather than adding to it.
                        event_target::<web_sys::HtmlInputElement>(&ev).select();
                    }
                    on:change=move |ev| {
                        let input = event_target::<web_sys::HtmlInputElement>(&ev);
                        let mut warning = None;
                        let next = changed(store, |s| {
                            warning = lever.read(s, &input.value(), lang.get_untracked(), true);
                        });
                        note.set(warning);
                        store.apply(next);
                        // Show what the model kept (clamped, rounded), even
                        // when that equals the value before the edit.
                        input.set_value(&shown());
                    }
                />
                <span class="unit">{unit}</span>
            </span>
            <p
                class="field-note"
                id=note_id
                role="status"
                data-testid=note_testid
                hidden=move || note.with(Option::is_none)
            >
                {move || note.with(|n| n.as_ref().map(|w| w.note(lang.get())))}
            </p>
        </div>
    }
}

/// A date field for a date lever.
#[component]
fn DateControl(
    lever: &'static Lever,
    date: &'static DateLever,
    testid: bool,
    control_id: String,
    disabled: Signal<bool>,
) -> impl IntoView {
    let store = use_store();
    let lever_value = store.lever(lever.index());
    let shown = move || {
        rerun(Node::Lever);
        match lever_value.get() {
            LeverValue::Date(d) => d.to_string(),
            _ => date.min.to_string(),
        }
    };
    let field_testid = testid.then(|| format!("input-{}", lever.key));
    view! {
        <div class="lever-control date">
            <input
                type="date"
                id=control_id
                data-testid=field_testid
                min=date.min.to_string()
                max=date.max.to_string()
                prop:value=shown
                disabled=move || disabled.get()
                on:change=move |ev| {
                    let input = event_target::<web_sys::HtmlInputElement>(&ev);
                    if let Ok(d) = input.value().parse() {
                        store.apply(changed(store, |s| {
                            date.set(s, d);
                        }));
                    }
                    input.set_value(&shown());
                }
            />
        </div>
    }
}

/// A choice as a `<select>`.
#[component]
fn ChoiceControl(
    lever: &'static Lever,
    choice: &'static ChoiceLever,
    testid: bool,
    control_id: String,
) -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let lever_value = store.lever(lever.index());
    let selected = Memo::new(move |_| {
        rerun(Node::Lever);
        match lever_value.get() {
            LeverValue::Choice(i) => i.min(choice.options.len() - 1),
            _ => 0,
        }
    });
    let select_testid = testid.then(|| format!("lever-{}", lever.key));
    view! {
        <div class="lever-control choice">
            <select
                id=control_id
                data-testid=select_testid
                prop:value=move || choice.options[selected.get()].key
                // The chosen option in full, where the column cuts it short.
                title=move || choice.options[selected.get()].label.get(lang.get())
                on:change=move |ev| {
                    if let Some(i) = choice.position(&event_target_value(&ev)) {
                        store.apply(changed(store, |s| choice.set(s, i)));
                    }
                }
            >
                {choice
                    .options
                    .iter()
                    .enumerate()
                    .map(|(i, option)| {
                        view! {
                            <option value=option.key selected=move || selected.get() == i>
                                {move || option.label.get(lang.get())}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
