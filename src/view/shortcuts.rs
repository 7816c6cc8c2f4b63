//! Keyboard shortcuts for the whole page: Ctrl+Z undoes a lever change,
//! Ctrl+Shift+Z (or Ctrl+Y) redoes it (Cmd on a Mac). In a text field the
//! browser's own undo of the typing wins.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::Store;

/// Whether the key event comes from a field where the reader types text.
fn in_text_field(event: &web_sys::KeyboardEvent) -> bool {
    let Some(target) = event.target() else {
        return false;
    };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return !matches!(
            input.type_().as_str(),
            "range" | "button" | "checkbox" | "radio"
        );
    }
    target.dyn_ref::<web_sys::HtmlTextAreaElement>().is_some()
}

/// Listens for the shortcuts on the window while the app is mounted.
pub fn install(store: Store) {
    let listening = window_event_listener(ev::keydown, move |event| {
        if !(event.ctrl_key() || event.meta_key()) || event.alt_key() || in_text_field(&event) {
            return;
        }
        let key = event.key().to_lowercase();
        let redo = (key == "z" && event.shift_key()) || key == "y";
        let undo = key == "z" && !event.shift_key();
        if redo {
            event.prevent_default();
            store.redo();
        } else if undo {
            event.prevent_default();
            store.undo();
        }
    });
    on_cleanup(move || listening.remove());
}
