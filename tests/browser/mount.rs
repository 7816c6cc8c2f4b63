//! The app mounted into a real DOM.

use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

use crate::support::{mount, open_with};

fn text_of(container: &HtmlElement, selector: &str) -> Option<String> {
    container
        .query_selector(selector)
        .expect("a valid selector")
        .and_then(|element| element.text_content())
}

#[wasm_bindgen_test]
fn mounts_with_its_heading() {
    let page = mount();
    assert_eq!(
        text_of(&page.container, "h1").as_deref(),
        Some("Doorstroom")
    );
}

#[wasm_bindgen_test]
fn footer_shows_the_model_version() {
    let page = mount();
    assert_eq!(
        text_of(&page.container, "footer .model-version").as_deref(),
        Some(doorstroom_model::VERSION)
    );
}

#[wasm_bindgen_test]
fn footer_shows_the_default_scenarios_start_date() {
    // The tests share one page: a test before this one may have left its
    // language in the address.
    open_with("");
    let page = mount();
    let start = page
        .container
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
    let page = mount();
    let container = page.container.clone();
    assert!(text_of(&container, "h1").is_some());
    // Dropping the mounted page unmounts the app (and takes the container
    // out of the document, which alone would leave its content).
    drop(page);
    assert_eq!(text_of(&container, "h1"), None);
}
