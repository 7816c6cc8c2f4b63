//! Browser tests of the explorer page: the app mounted into a real DOM in
//! headless Chromium, driven through its controls as a reader would, and
//! checked against the model computed here, in the same wasm.
//!
//! Figures are compared as the page shows them, formatted through the
//! browser's own `Intl`, so a wrong number and a wrong format both fail.

use doorstroom_model::{PRESETS, Scenario, Summary, levers, preset};
use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Event, EventInit, HtmlElement, KeyboardEvent, KeyboardEventInit};

use crate::support::{Mounted, fire, mount, open_with, search, settle, window};

/// `value` as `Intl.NumberFormat(locale, options)` writes it.
fn intl(locale: &str, options: &[(&str, JsValue)], value: f64) -> String {
    let object = Object::new();
    for (key, v) in options {
        Reflect::set(&object, &JsValue::from_str(key), v).expect("an option");
    }
    let format = Intl::NumberFormat::new(&Array::of1(&JsValue::from_str(locale)), &object).format();
    format
        .call1(&JsValue::NULL, &JsValue::from_f64(value))
        .expect("formatted")
        .as_string()
        .expect("a string")
}

fn whole(locale: &str, value: f64) -> String {
    intl(
        locale,
        &[("maximumFractionDigits", JsValue::from_f64(0.0))],
        value,
    )
}

fn percent(locale: &str, value: f64) -> String {
    let digits = JsValue::from_f64(1.0);
    intl(
        locale,
        &[
            ("style", JsValue::from_str("percent")),
            ("minimumFractionDigits", digits.clone()),
            ("maximumFractionDigits", digits),
        ],
        value,
    )
}

fn millions(locale: &str, value: f64) -> String {
    let digits = JsValue::from_f64(1.0);
    intl(
        locale,
        &[
            ("style", JsValue::from_str("currency")),
            ("currency", JsValue::from_str("EUR")),
            ("notation", JsValue::from_str("compact")),
            ("minimumFractionDigits", digits.clone()),
            ("maximumFractionDigits", digits),
        ],
        value,
    )
}

fn assert_figures<App>(page: &Mounted<App>, expected: &Summary, locale: &str) {
    assert_eq!(
        page.text("kpi-backlog-end"),
        whole(locale, expected.backlog_end)
    );
    assert_eq!(
        page.text("kpi-backlog-peak"),
        whole(locale, expected.backlog_peak)
    );
    assert_eq!(
        page.text("kpi-cost-total"),
        millions(locale, expected.cost_total_eur)
    );
    // A run whose levers apply from a later day (the "From now" preset)
    // shows its first year in the fourth card, and on each card from when
    // it counts.
    let later = page.count("[data-testid=kpi-cost-first-year]") == 1;
    assert_eq!(
        page.count("[data-testid=kpi-from]"),
        if later { 6 } else { 0 }
    );
    if later {
        assert_eq!(
            page.text("kpi-cost-first-year"),
            millions(locale, expected.cost_first_year_eur)
        );
    } else {
        assert_eq!(
            page.text("kpi-cost-2024"),
            millions(locale, expected.cost_through_2024_eur)
        );
    }
    assert_eq!(
        page.text("kpi-in-term"),
        percent(locale, expected.share_decided_in_term)
    );
}

#[wasm_bindgen_test]
async fn the_headline_figures_follow_the_models_summary() {
    open_with("?intake=77000&fte=600");
    let page = mount();
    settle().await;
    assert_eq!(page.input("input-intake").value(), "77.000");
    assert_eq!(page.input("input-fte").value(), "600");
    assert_eq!(page.input("lever-intake").value(), "77000");
    assert_figures(
        &page,
        &Summary::of_query("intake=77000&fte=600").expect("a query read without warnings"),
        "nl-NL",
    );
    assert_eq!(page.count("[data-testid=notice]"), 0);
}

#[wasm_bindgen_test]
async fn a_typed_value_changes_the_scenario_and_the_address() {
    open_with("");
    let page = mount();
    settle().await;
    fire(&page.input("input-intake"), "49000", "change");
    settle().await;
    assert!(search().contains("intake=49000"), "{}", search());
    assert_figures(
        &page,
        &Summary::of_query("v=2&intake=49000").expect("a query read without warnings"),
        "nl-NL",
    );
    // A Dutch reader may type thousands with a dot.
    fire(&page.input("input-baa"), "20.000", "change");
    settle().await;
    assert_eq!(page.input("input-baa").value(), "20.000");
    assert_figures(
        &page,
        &Summary::of_query("v=2&intake=49000&baa=20000").expect("a query read without warnings"),
        "nl-NL",
    );
}

#[wasm_bindgen_test]
async fn out_of_range_values_are_clamped_by_the_model() {
    open_with("");
    let page = mount();
    settle().await;
    fire(&page.input("input-fte"), "999999", "change");
    settle().await;
    assert_eq!(page.input("input-fte").value(), "2.000");
    assert_figures(
        &page,
        &Summary::of_query("v=2&fte=2000").expect("a query read without warnings"),
        "nl-NL",
    );
    // The field keeps a note saying what was used.
    assert_eq!(
        page.text("note-fte"),
        "2.000 fte is het maximum; 2.000 gebruikt"
    );
    assert!(!page.find("note-fte").hidden());
}

#[wasm_bindgen_test]
async fn a_drag_follows_the_thumb_and_is_one_undo_step() {
    open_with("");
    let page = mount();
    settle().await;
    let slider = page.input("lever-fte");
    fire(&slider, "700", "input");
    fire(&slider, "800", "input");
    settle().await;
    assert_eq!(page.input("input-fte").value(), "800");
    assert_figures(
        &page,
        &Summary::of_query("v=2&fte=800").expect("a query read without warnings"),
        "nl-NL",
    );
    fire(&slider, "800", "change");
    settle().await;
    assert!(search().contains("fte=800"), "{}", search());

    // Ctrl+Z undoes the whole drag at once.
    let init = KeyboardEventInit::new();
    init.set_key("z");
    init.set_ctrl_key(true);
    init.set_bubbles(true);
    let undo = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("a key");
    window().dispatch_event(&undo).expect("dispatched");
    settle().await;
    assert_eq!(page.input("input-fte").value(), "532");
    assert!(!search().contains("fte="), "{}", search());
    assert_figures(
        &page,
        &Summary::of_query("v=2").expect("a query read without warnings"),
        "nl-NL",
    );
}

#[wasm_bindgen_test]
async fn a_garbage_query_shows_the_notice_and_a_working_page() {
    open_with("?intake=banana&zzz=1&fte=-5");
    let page = mount();
    settle().await;
    assert_eq!(page.count("[data-testid=notice] li"), 3);
    // The unreadable intake stays at its default, the FTE is clamped to 0.
    assert_eq!(page.input("input-intake").value(), "70.000");
    assert_eq!(page.input("input-fte").value(), "0");
    assert_figures(
        &page,
        &Summary::of_query("fte=0").expect("a query read without warnings"),
        "nl-NL",
    );
    page.container
        .query_selector(".notice-close")
        .expect("a selector")
        .expect("a close button")
        .dyn_into::<HtmlElement>()
        .expect("a button")
        .click();
    settle().await;
    assert_eq!(page.count("[data-testid=notice]"), 0);
}

#[wasm_bindgen_test]
async fn the_english_switch_changes_the_text_and_the_number_format() {
    open_with("?intake=77000");
    let page = mount();
    settle().await;
    let dutch = page.text("kpi-backlog-end");
    page.find("lang-switch").click();
    settle().await;
    let english = page.text("kpi-backlog-end");
    let expected = Summary::of_query("intake=77000").expect("a query read without warnings");
    assert_eq!(english, whole("en-GB", expected.backlog_end));
    assert_ne!(dutch, english, "the thousands separator differs");
    assert!(search().contains("lang=en"), "{}", search());
    assert_eq!(page.text("copy-link"), "Copy link");
    assert_figures(&page, &expected, "en-GB");
}

#[wasm_bindgen_test]
async fn pinning_compares_and_the_baseline_is_chosen_apart() {
    open_with("?intake=77000");
    let page = mount();
    settle().await;
    page.find("pin").click();
    settle().await;
    // Pinned to compare: the baseline is still the default.
    assert!(search().contains("cmp1=77000"), "{}", search());
    assert!(!search().contains("base="), "{}", search());
    let same = || {
        page.container
            .query_selector_all(".kpi-delta.same")
            .expect("a selector")
            .length()
    };
    assert!(same() < 6, "changes against the default");
    // Chosen as the baseline: against itself, every figure is unchanged.
    let choice = page.find("baseline-choice");
    Reflect::set(&choice, &"value".into(), &"0".into()).expect("a value");
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict("change", &init).expect("an event");
    choice.dispatch_event(&event).expect("dispatched");
    settle().await;
    assert!(search().contains("base=77000"), "{}", search());
    assert!(!search().contains("cmp1="), "{}", search());
    assert_eq!(same(), 6);
    page.find("unpin").click();
    settle().await;
    assert!(!search().contains("base="), "{}", search());
}

#[wasm_bindgen_test]
async fn a_longer_horizon_alone_changes_no_figure_against_the_baseline() {
    // The baseline runs over the scenario's own horizon, so the figures "at
    // the end" compare the same day; a longer view is not a worse policy.
    open_with("?until=2033-04-30");
    let page = mount();
    settle().await;
    let unchanged = page
        .container
        .query_selector_all(".kpi-delta.same")
        .expect("a selector")
        .length();
    assert_eq!(unchanged, 6);
    let expected = Summary::of_query("until=2033-04-30").expect("a query read without warnings");
    assert_figures(&page, &expected, "nl-NL");
}

#[wasm_bindgen_test]
async fn thousands_read_alike_in_either_notation_and_language() {
    for (lang_query, locale) in [("", "nl-NL"), ("?lang=en", "en-GB")] {
        for typed in ["77.000", "77,000", "77 000"] {
            open_with(lang_query);
            let page = mount();
            settle().await;
            fire(&page.input("input-intake"), typed, "change");
            settle().await;
            assert!(
                search().contains("intake=77000"),
                "{typed} in {locale}: {}",
                search()
            );
            assert_figures(
                &page,
                &Summary::of_query("v=2&intake=77000").expect("a query read without warnings"),
                locale,
            );
            assert!(page.find("note-intake").hidden(), "{typed}: no note");
        }
    }
}

#[wasm_bindgen_test]
async fn every_preset_keeps_the_levers_it_does_not_name() {
    let start = "intake=61000&fte=640&baa=2000&term=6&order=newest&notice_share=0.4";
    for p in PRESETS {
        open_with(&format!("?{start}"));
        let page = mount();
        settle().await;
        let before = Scenario::from_query(start).0;
        page.container
            .query_selector(&format!("[data-preset=\"{}\"]", p.key))
            .expect("a selector")
            .unwrap_or_else(|| panic!("no button for preset {}", p.key))
            .dyn_into::<HtmlElement>()
            .expect("a button")
            .click();
        settle().await;
        let query = search();
        let (after, _) = Scenario::from_query(&query);
        let named: Vec<&str> = p.levers().map(|l| l.key).collect();
        for l in levers().iter().filter(|l| !named.contains(&l.key)) {
            assert!(l.same(&before, &after), "{} changed {}", p.key, l.key);
        }
        assert!(
            p.is_active(&after),
            "{} is active after it is pressed",
            p.key
        );
        assert_figures(&page, &after.run().summary(), "nl-NL");
    }
}

#[wasm_bindgen_test]
async fn presets_combine_and_each_is_marked_by_its_own_levers() {
    open_with("?intake=77000");
    let page = mount();
    settle().await;
    let pressed = |key: &str| {
        page.container
            .query_selector(&format!("[data-preset=\"{key}\"]"))
            .expect("a selector")
            .expect("a preset button")
            .get_attribute("aria-pressed")
            .unwrap_or_default()
    };
    let click = |key: &str| {
        page.container
            .query_selector(&format!("[data-preset=\"{key}\"]"))
            .expect("a selector")
            .expect("a preset button")
            .dyn_into::<HtmlElement>()
            .expect("a button")
            .click()
    };
    assert_eq!(pressed("mpp_max"), "true");
    click("seed_forecast");
    settle().await;
    click("extension_falls");
    settle().await;
    let (s, _) = Scenario::from_query(&search());
    assert_eq!(s.baa_per_year, 0.0, "the forecast's BAA stays set");
    assert_eq!(s.intake_per_year, 77_000.0, "the intake stays set");
    assert_eq!(s.term, doorstroom_model::TermPolicy::SixMonths);
    assert_eq!(pressed("extension_falls"), "true");
    assert_eq!(pressed("mpp_max"), "true");
    let forecast = preset("seed_forecast").expect("the forecast preset");
    assert_eq!(
        pressed("seed_forecast"),
        if forecast.is_active(&s) {
            "true"
        } else {
            "false"
        },
        "marked by the one rule"
    );
}

#[wasm_bindgen_test]
async fn a_change_of_the_first_years_cost_reads_its_size_once() {
    // Today's outlook with other staff and intake: the first year costs
    // differ from the baseline's, and the arrow, the amount and the word
    // must agree (the amount is a size, the word says which way:
    // "▼ € 4,2 mln. lager", never "▼ +€ 4,2 mln. lager").
    for (query, lower, higher) in [
        ("?v=2&fte=300&intake=90000", "lager", "hoger"),
        ("?v=2&fte=300&intake=90000&lang=en", "lower", "higher"),
    ] {
        open_with(query);
        let page = mount();
        settle().await;
        let card = page
            .find("kpi-cost-first-year")
            .closest(".kpi")
            .expect("a valid selector")
            .expect("the first year's card");
        let delta = card
            .query_selector(".kpi-delta")
            .expect("a valid selector")
            .expect("the card's change")
            .text_content()
            .unwrap_or_default();
        let agrees = (delta.starts_with('▼') && delta.contains(lower))
            || (delta.starts_with('▲') && delta.contains(higher));
        assert!(agrees, "{query}: {delta}");
        assert!(!delta.contains(['+', '−', '-']), "{query}: {delta}");
    }
}
