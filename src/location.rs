//! The browser's address bar and session history: the one place the page
//! reads `location.search` and calls `pushState` / `replaceState`.

use leptos::prelude::window;
use wasm_bindgen::JsValue;

/// The query of the current address, without its `?`.
pub fn query() -> String {
    let search = window().location().search().unwrap_or_default();
    search.strip_prefix('?').unwrap_or(&search).to_owned()
}

/// The current address in full, for "copy link".
pub fn href() -> String {
    window().location().href().unwrap_or_default()
}

/// How a new address enters the session history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A new entry, so Back returns to the previous scenario.
    Push,
    /// The same entry, rewritten: while a slider is dragged.
    Replace,
}

/// Writes `query` to the address bar, unless it is already there (so that a
/// commit that changed nothing does not add an entry Back would have to step
/// over). Returns whether the address changed.
pub fn write(query: &str, entry: Entry) -> bool {
    if query == self::query() {
        return false;
    }
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    let Ok(history) = window().history() else {
        return false;
    };
    let result = match entry {
        Entry::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
        Entry::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
    };
    result.is_ok()
}
