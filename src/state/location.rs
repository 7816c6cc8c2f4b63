//! The browser's address bar and session history: the one place the page
//! reads `location.search` and calls `pushState` / `replaceState`.

use leptos::prelude::window;
use wasm_bindgen::JsValue;

use crate::state::pacer::Entry;

/// The query of the current address, with its `?`s as they are (the page's
/// reader reports more than one).
pub fn query() -> String {
    let search = window().location().search().unwrap_or_default();
    search.strip_prefix('?').unwrap_or(&search).to_owned()
}

/// The page's address with `query`: for "copy link" and exports, built
/// from the page's state rather than read back from the address bar.
pub fn link(query: &str) -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    format!("{origin}{path}?{query}{hash}")
}

/// Writes `query` to the address bar, keeping the path and the fragment,
/// and says whether the browser holds it afterwards (it silently drops
/// writes that come too fast).
pub fn write(query: &str, entry: Entry) -> bool {
    if query == self::query() {
        return true;
    }
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = format!("{path}?{query}{hash}");
    let Ok(history) = window().history() else {
        return false;
    };
    let _ = match entry {
        Entry::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
        Entry::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
    };
    query == self::query()
}
