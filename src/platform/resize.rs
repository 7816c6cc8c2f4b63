//! The size of an element and the screen's pixel ratio, as signals: what a
//! canvas needs to stay sharp and to follow the layout.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{ResizeObserver, ResizeObserverEntry};

/// Device pixels per CSS pixel (1 when the browser says nothing usable).
pub fn device_pixel_ratio() -> f64 {
    let ratio = window().device_pixel_ratio();
    if ratio.is_finite() && ratio > 0.0 {
        ratio
    } else {
        1.0
    }
}

/// Keeps `size` equal to the element's content box, in CSS pixels, and
/// `ratio` to the device pixel ratio (which changes with the browser's zoom
/// and when the window moves to another screen; both also resize the box).
pub fn observe_size(target: NodeRef<html::Div>, size: RwSignal<(f64, f64)>, ratio: RwSignal<f64>) {
    Effect::new(move |_| {
        let Some(element) = target.get() else {
            return;
        };
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Some(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>().ok() else {
                return;
            };
            let rect = entry.content_rect();
            let next = (rect.width(), rect.height());
            if size.get_untracked() != next {
                size.set(next);
            }
            let r = device_pixel_ratio();
            if ratio.get_untracked() != r {
                ratio.set(r);
            }
        });
        let Ok(observer) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
            return;
        };
        observer.observe(&element);
        // The observer and its callback live until the element goes (or the
        // effect runs again for another element).
        let alive = StoredValue::new_local((observer, on_resize));
        on_cleanup(move || {
            alive.with_value(|(observer, _)| observer.disconnect());
            alive.dispose();
        });
    });
}
