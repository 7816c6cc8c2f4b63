//! What the reader sees when the app panics: not a page frozen half-way, but
//! a plain message in both languages with a link to the default scenario.
//! The panic itself goes to the browser console with its Rust message (as
//! `console_error_panic_hook` writes it), where the end-to-end tests, which
//! fail on any console error, see it.
//!
//! The message is built node by node, never from HTML text, and names no
//! part of the panic: the page cannot be made to show what a link said.

use std::panic::PanicHookInfo;

use doorstroom_model::{Lang, Text};
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement};

/// The `id` of the message, so that a second panic does not build another.
pub const PANIC_PAGE_ID: &str = "panic-page";

/// The app's root element, which the message replaces.
const APP_ROOT: &str = ".page";

/// The link to the default scenario: the page's own address with `v=2`, so
/// it works from any folder.
pub const DEFAULT_SCENARIO_HREF: &str = "?v=2";

const TITLE: Text = Text {
    nl: "Er ging iets mis",
    en: "Something went wrong",
};
const BODY: Text = Text {
    nl: "Door een fout in Doorstroom kon de pagina niet verder. Begin opnieuw met het standaardscenario.",
    en: "An error in Doorstroom stopped the page. Start again from the default scenario.",
};
const LINK: Text = Text {
    nl: "Open het standaardscenario",
    en: "Open the default scenario",
};

/// Sets the panic hook for the lifetime of the page: every panic is logged
/// to the console and replaces the page with the message.
pub fn install() {
    std::panic::set_hook(Box::new(on_panic));
}

fn on_panic(info: &PanicHookInfo<'_>) {
    console_error_panic_hook::hook(info);
    // The page is gone either way; a message that cannot be built leaves
    // the console's report as the only one.
    let _ = show();
}

/// Replaces the app (its root, `.page`) with the message, once; before the
/// app is on the page, the message is added to the body.
fn show() -> Option<()> {
    let document = web_sys::window()?.document()?;
    if document.get_element_by_id(PANIC_PAGE_ID).is_some() {
        return Some(());
    }
    let body = document.body()?;
    let main = element(&document, "main")?;
    main.set_id(PANIC_PAGE_ID);
    main.set_class_name("panic-page");
    main.set_attribute("role", "alert").ok()?;
    let title = text_element(&document, "h1", "Doorstroom")?;
    main.append_child(&title).ok()?;
    for (lang, code) in [(Lang::Nl, "nl"), (Lang::En, "en")] {
        let section = element(&document, "section")?;
        section.set_attribute("lang", code).ok()?;
        let heading = text_element(&document, "h2", TITLE.get(lang))?;
        section.append_child(&heading).ok()?;
        let body_text = text_element(&document, "p", BODY.get(lang))?;
        section.append_child(&body_text).ok()?;
        let link = text_element(&document, "a", LINK.get(lang))?;
        link.set_attribute("href", DEFAULT_SCENARIO_HREF).ok()?;
        let paragraph = text_element(&document, "p", "")?;
        paragraph.append_child(&link).ok()?;
        section.append_child(&paragraph).ok()?;
        main.append_child(&section).ok()?;
    }
    match document.query_selector(APP_ROOT).ok()? {
        Some(app) => app.replace_with_with_node_1(&main).ok()?,
        None => drop(body.append_child(&main).ok()?),
    }
    Some(())
}

fn element(document: &Document, tag: &str) -> Option<HtmlElement> {
    document.create_element(tag).ok()?.dyn_into().ok()
}

fn text_element(document: &Document, tag: &str, text: &str) -> Option<HtmlElement> {
    let element = element(document, tag)?;
    element.set_text_content(Some(text));
    Some(element)
}
