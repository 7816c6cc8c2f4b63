//! One lever of the model's lever table as a control: a slider with a typed
//! number field, a date field or a choice, with its label, unit, default, a
//! mark when it differs from the default, and its help and source.
//!
//! Everything the control says about the lever comes from the lever table:
//! the page holds no second copy of a range, a unit or a source.

use doorstroom_model::{Lang, Lever, LeverKind, LeverValue, Scenario};
use leptos::prelude::*;

use crate::components::info::{InfoButton, InfoPanel};
use crate::format::formats;
use crate::i18n;
use crate::number_field::{field_text, parse_field};
use crate::state::{Store, use_store};

/// The value of `lever` in the scenario on screen, tracked per lever, so that
/// a drag of one slider re-renders only that lever's control.
pub fn lever_value(store: Store, lever: &'static Lever) -> Memo<LeverValue> {
    Memo::new(move |_| store.scenario.with(|s| lever.get(s)))
}

/// `scenario` with `lever` set to `value` (clamped by the model).
pub fn with_lever(store: Store, lever: &'static Lever, value: LeverValue) -> Scenario {
    let mut scenario = store.current();
    lever.set(&mut scenario, value);
    scenario
}

/// The lever's value in words for the "default" line: `70.000 per jaar`.
pub fn describe(lever: &'static Lever, value: LeverValue, lang: Lang) -> String {
    let f = formats(lang);
    match (lever.kind, value) {
        (LeverKind::Number { unit, .. }, LeverValue::Number(x)) => {
            let shown = x * unit.display_factor();
            format!("{} {}", f.plain(shown), unit.symbol_for(shown, lang))
        }
        (LeverKind::Date { .. }, LeverValue::Date(d)) => f.day(&d),
        (LeverKind::Choice { options }, LeverValue::Choice(i)) => options
            .get(i)
            .map(|o| o.1.get(lang).to_owned())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// A lever with its frame. `testid` puts the stable test hooks
/// (`lever-KEY` on the slider or choice, `input-KEY` on the number field)
/// on the headline levers.
#[component]
pub fn LeverControl(
    lever: &'static Lever,
    #[prop(optional)] testid: bool,
    /// The test hook of a date field (the extension's end date carries the
    /// term's `input-term`).
    #[prop(optional)]
    date_testid: Option<&'static str>,
    /// Greys out a lever that has no effect in the current scenario.
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let store = use_store();
    let value = lever_value(store, lever);
    let default = lever.default_value();
    let changed = Memo::new(move |_| value.get() != default);
    let open = RwSignal::new(false);
    let lang = store.lang;
    let control_id = format!("ctl-{}", lever.key);
    let label_id = format!("label-{}", lever.key);

    let control = match lever.kind {
        LeverKind::Number {
            min,
            max,
            step,
            unit,
        } => view! {
            <NumberControl
                lever
                value
                range=(min, max, step)
                factor=unit.display_factor()
                testid
                control_id=control_id.clone()
            />
        }
        .into_any(),
        LeverKind::Date { min, max } => view! {
            <DateControl
                lever
                value
                min
                max
                testid=date_testid
                disabled
                control_id=control_id.clone()
            />
        }
        .into_any(),
        LeverKind::Choice { options } => view! {
            <ChoiceControl lever value options testid control_id=control_id.clone() />
        }
        .into_any(),
    };

    view! {
        <div
            class="lever"
            class:changed=move || changed.get()
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
                <span class="changed-mark" hidden=move || !changed.get()>
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
                    {move || describe(lever, default, lang.get())}
                </span>
                <button
                    type="button"
                    class="link-button"
                    aria-label=move || {
                        format!("{}: {}", i18n::TO_DEFAULT.get(lang.get()), lever.label.get(lang.get()))
                    }
                    hidden=move || !changed.get()
                    on:click=move |_| store.apply(with_lever(store, lever, default))
                >
                    {move || i18n::TO_DEFAULT.get(lang.get())}
                </button>
            </div>
            <InfoPanel lever open />
        </div>
    }
}

/// A slider and a number field for one number lever. The field shows the
/// value in the unit the reader knows (shares as percentages).
#[component]
fn NumberControl(
    lever: &'static Lever,
    value: Memo<LeverValue>,
    range: (f64, f64, f64),
    factor: f64,
    testid: bool,
    control_id: String,
) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let (min, max, step) = range;
    let shown = move || match value.get() {
        LeverValue::Number(x) => field_text(x * factor, lang.get()),
        _ => String::new(),
    };
    // The slider's value attribute is always a plain decimal with a dot.
    let slider_value = move || match value.get() {
        LeverValue::Number(x) => field_text(x * factor, Lang::En),
        _ => String::new(),
    };
    let unit = move || match (lever.kind, value.get()) {
        (LeverKind::Number { unit, .. }, LeverValue::Number(x)) => {
            unit.symbol_for(x * factor, lang.get())
        }
        _ => "",
    };
    let slider_testid = testid.then(|| format!("lever-{}", lever.key));
    let field_testid = testid.then(|| format!("input-{}", lever.key));
    let field_id = format!("num-{}", lever.key);
    let to_value = move |text: &str, lang: Lang| {
        parse_field(text, lang).map(|x| LeverValue::Number(x / factor))
    };

    view! {
        <div class="lever-control number">
            <input
                type="range"
                id=control_id
                data-testid=slider_testid
                min=field_text(min * factor, Lang::En)
                max=field_text(max * factor, Lang::En)
                step=field_text(step * factor, Lang::En)
                prop:value=slider_value
                aria-valuetext=move || match value.get() {
                    LeverValue::Number(x) => {
                        format!("{} {}", formats(lang.get()).plain(x * factor), unit())
                    }
                    _ => String::new(),
                }
                on:input=move |ev| {
                    if let Some(v) = to_value(&event_target_value(&ev), Lang::En) {
                        store.preview(with_lever(store, lever, v));
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
                    data-testid=field_testid
                    prop:value=shown
                    aria-label=move || format!("{} ({})", lever.label.get(lang.get()), unit())
                    on:focus=move |ev| {
                        // Typing replaces the value rather than adding to it.
                        event_target::<web_sys::HtmlInputElement>(&ev).select();
                    }
                    on:change=move |ev| {
                        let input = event_target::<web_sys::HtmlInputElement>(&ev);
                        if let Some(v) = to_value(&input.value(), lang.get_untracked()) {
                            store.apply(with_lever(store, lever, v));
                        }
                        // Show what the model kept (clamped, rounded), even
                        // when that equals the value before the edit.
                        input.set_value(&shown());
                    }
                />
                <span class="unit">{unit}</span>
            </span>
        </div>
    }
}

/// A date field for a date lever.
#[component]
pub fn DateControl(
    lever: &'static Lever,
    value: Memo<LeverValue>,
    min: doorstroom_model::Date,
    max: doorstroom_model::Date,
    testid: Option<&'static str>,
    control_id: String,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    let store = use_store();
    let shown = move || match value.get() {
        LeverValue::Date(d) => d.to_string(),
        _ => String::new(),
    };
    view! {
        <div class="lever-control date">
            <input
                type="date"
                id=control_id
                data-testid=testid
                min=min.to_string()
                max=max.to_string()
                prop:value=shown
                disabled=move || disabled.get()
                on:change=move |ev| {
                    let input = event_target::<web_sys::HtmlInputElement>(&ev);
                    if let Some(d) = lever.parse(&input.value()) {
                        store.apply(with_lever(store, lever, d));
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
    value: Memo<LeverValue>,
    options: &'static [(&'static str, doorstroom_model::Text)],
    testid: bool,
    control_id: String,
) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let selected = move || match value.get() {
        LeverValue::Choice(i) => options.get(i).map(|o| o.0).unwrap_or_default(),
        _ => "",
    };
    let select_testid = testid.then(|| format!("lever-{}", lever.key));
    view! {
        <div class="lever-control choice">
            <select
                id=control_id
                data-testid=select_testid
                prop:value=selected
                // The chosen option in full, where the column cuts it short.
                title=move || match value.get() {
                    LeverValue::Choice(i) => {
                        options.get(i).map(|o| o.1.get(lang.get())).unwrap_or_default()
                    }
                    _ => "",
                }
                on:change=move |ev| {
                    if let Some(v) = lever.parse(&event_target_value(&ev)) {
                        store.apply(with_lever(store, lever, v));
                    }
                }
            >
                {options
                    .iter()
                    .map(|(key, text)| {
                        view! {
                            <option value=*key selected=move || selected() == *key>
                                {move || text.get(lang.get())}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
