//! What the browser tests share: the app mounted into a fresh container,
//! the address set as if the page had been opened with it, a field's value
//! set as a reader's input sets it, and a wait for the page to settle.
//! Not every helper is used in every build: the re-run counts use the
//! counters' build only.

use js_sys::Promise;
use leptos::mount::mount_to;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Event, EventInit, HtmlElement, HtmlInputElement};

pub fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

/// Puts `query` in the address bar, as if the page had been opened with it.
pub fn open_with(query: &str) {
    let path = window().location().pathname().expect("a path");
    window()
        .history()
        .expect("a history")
        .replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{query}")))
        .expect("replaceState");
}

/// The address's query.
pub fn search() -> String {
    window().location().search().expect("a query")
}

/// The app, mounted into a fresh container; unmounted and removed on drop.
pub struct Mounted<App> {
    pub container: HtmlElement,
    _app: App,
}

/// Mounts the page's app into a fresh, attached container.
pub fn mount() -> Mounted<impl Sized> {
    let document = window().document().expect("a document");
    let container: HtmlElement = document
        .create_element("div")
        .expect("a div")
        .dyn_into()
        .expect("an HTML element");
    document
        .body()
        .expect("a body")
        .append_child(&container)
        .expect("attached");
    let app = mount_to(container.clone(), doorstroom::App);
    Mounted {
        container,
        _app: app,
    }
}

impl<App> Drop for Mounted<App> {
    fn drop(&mut self) {
        self.container.remove();
    }
}

impl<App> Mounted<App> {
    pub fn find(&self, testid: &str) -> HtmlElement {
        self.container
            .query_selector(&format!("[data-testid=\"{testid}\"]"))
            .expect("a valid selector")
            .unwrap_or_else(|| panic!("no element with data-testid={testid}"))
            .dyn_into()
            .expect("an HTML element")
    }

    pub fn text(&self, testid: &str) -> String {
        self.find(testid).text_content().unwrap_or_default()
    }

    pub fn input(&self, testid: &str) -> HtmlInputElement {
        self.find(testid).dyn_into().expect("an input")
    }

    pub fn count(&self, selector: &str) -> u32 {
        self.container
            .query_selector_all(selector)
            .expect("a valid selector")
            .length()
    }
}

/// Sets a field's value and fires `kind` ("input" or "change"), as the
/// browser does when a reader drags a slider or commits a field.
pub fn fire(input: &HtmlInputElement, value: &str, kind: &str) {
    input.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).expect("an event");
    input.dispatch_event(&event).expect("dispatched");
}

/// Waits for two animation frames and a pause: the store applies a drag's
/// newest value on the next frame, and the effects run right after; the
/// address follows within the pacer's gap between writes.
pub async fn settle() {
    for _ in 0..2 {
        let frame = Promise::new(&mut |resolve, _| {
            window().request_animation_frame(&resolve).expect("a frame");
        });
        JsFuture::from(frame).await.expect("a frame came");
    }
    let pause = Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 150)
            .expect("a timeout");
    });
    JsFuture::from(pause).await.expect("the pause ended");
}
