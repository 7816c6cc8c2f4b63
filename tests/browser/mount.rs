//! The app mounted into a real DOM.

use leptos::mount::mount_to;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement};

fn document() -> Document {
    web_sys::window()
        .expect("a window")
        .document()
        .expect("a document")
}

/// A fresh, attached `<div>` to mount into, so that tests do not share DOM.
fn fresh_container() -> HtmlElement {
    let document = document();
    let div: HtmlElement = document
        .create_element("div")
        .expect("a div")
        .dyn_into()
        .expect("an HTML element");
    document
        .body()
        .expect("a body")
        .append_child(&div)
        .expect("attached");
    div
}

fn text_of(container: &HtmlElement, selector: &str) -> Option<String> {
    container
        .query_selector(selector)
        .expect("a valid selector")
        .and_then(|element| element.text_content())
}

#[wasm_bindgen_test]
fn mounts_with_its_heading() {
    let container = fresh_container();
    let _app = mount_to(container.clone(), doorstroom::App);
    assert_eq!(text_of(&container, "h1").as_deref(), Some("Doorstroom"));
}

#[wasm_bindgen_test]
fn footer_shows_the_model_version() {
    let container = fresh_container();
    let _app = mount_to(container.clone(), doorstroom::App);
    assert_eq!(
        text_of(&container, "footer .model-version").as_deref(),
        Some(doorstroom_model::VERSION)
    );
}

#[wasm_bindgen_test]
fn footer_shows_the_default_scenarios_start_date() {
    let container = fresh_container();
    let _app = mount_to(container.clone(), doorstroom::App);
    let start = container
        .query_selector("footer time.model-start")
        .expect("a valid selector")
        .expect("the start date in the footer");
    assert_eq!(
        start.get_attribute("datetime"),
        Some(doorstroom_model::Scenario::default().start.to_string())
    );
    // Dutch by default, through Intl: the seed's day, 1 May 2023.
    assert_eq!(start.text_content().as_deref(), Some("1 mei 2023"));
}

#[wasm_bindgen_test]
fn unmounting_removes_the_app() {
    let container = fresh_container();
    let app = mount_to(container.clone(), doorstroom::App);
    drop(app);
    assert_eq!(text_of(&container, "h1"), None);
}
