//! Browser test: a panic anywhere in the app reaches the reader as a plain
//! message in both languages with a link to the default scenario, and the
//! panic is logged to the console. A file of its own, as it replaces the
//! page and traps the wasm, which no other test should share.

#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::Document;

wasm_bindgen_test_configure!(run_in_browser);

// The browser tests' helpers, shared with this binary of its own.
#[allow(dead_code)]
#[path = "browser/support.rs"]
mod support;

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Resolves after `ms` milliseconds.
async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Records what is written to `console.error` from now on, in place of it,
/// until the returned function is called.
fn capture_console_errors() -> (Rc<RefCell<Vec<String>>>, impl FnOnce()) {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let record = Closure::<dyn Fn(JsValue)>::new({
        let seen = Rc::clone(&seen);
        move |message: JsValue| {
            seen.borrow_mut()
                .push(message.as_string().unwrap_or_default())
        }
    });
    let console = Reflect::get(&js_sys::global(), &"console".into()).unwrap();
    let original = Reflect::get(&console, &"error".into()).unwrap();
    Reflect::set(&console, &"error".into(), record.as_ref()).unwrap();
    record.forget();
    let restore = move || {
        Reflect::set(&console, &"error".into(), &original).unwrap();
    };
    (seen, restore)
}

#[wasm_bindgen_test]
async fn a_panic_replaces_the_page_with_a_message_and_logs_it() {
    let document = document();
    let _page = support::mount();
    assert!(
        document
            .query_selector(".page header h1")
            .unwrap()
            .is_some()
    );

    let (errors, restore_console) = capture_console_errors();
    doorstroom::install_panic_hook();
    // The panic happens in a callback of the browser's, as one in an event
    // handler of the app would; the wasm traps there, and this test, which
    // runs on, looks at what was left.
    let panicking = Closure::once_into_js(|| -> () { panic!("a deliberate panic in a test") });
    web_sys::window()
        .unwrap()
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            panicking.unchecked_ref::<Function>(),
            0,
        )
        .unwrap();
    sleep(100).await;
    // From here on a failed check must be reported as usual.
    restore_console();

    let message = document
        .get_element_by_id(doorstroom::PANIC_PAGE_ID)
        .expect("the panic message replaced the page");
    assert!(
        document.query_selector(".page").unwrap().is_none(),
        "the app is gone"
    );
    let text = message.text_content().unwrap_or_default();
    assert!(text.contains("Er ging iets mis"), "{text}");
    assert!(text.contains("Something went wrong"), "{text}");
    assert!(
        !text.contains("deliberate"),
        "the panic's text is not shown: {text}"
    );
    let links = message.query_selector_all("a[href]").unwrap();
    assert_eq!(links.length(), 2, "a link in each language");
    for i in 0..links.length() {
        let link: web_sys::Element = links.item(i).unwrap().dyn_into().unwrap();
        assert_eq!(
            link.get_attribute("href").as_deref(),
            Some(doorstroom::DEFAULT_SCENARIO_HREF)
        );
    }
    let languages: Vec<_> = Array::from(&message.query_selector_all("[lang]").unwrap())
        .iter()
        .map(|node| {
            node.unchecked_into::<web_sys::Element>()
                .get_attribute("lang")
        })
        .collect();
    assert_eq!(languages, [Some("nl".into()), Some("en".into())]);

    let errors = errors.borrow();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("a deliberate panic in a test")),
        "the panic is on the console: {errors:?}"
    );
}
