//! Offering a file for download from the page itself: an `<a download>`
//! clicked on the reader's behalf. The files are made in the page (a chart
//! drawn to PNG, the run as CSV), so nothing is fetched from anywhere: the
//! links are `data:` and `blob:` URLs of the page's own origin.

use leptos::prelude::{document, window};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Clicks a download link to `url`, saved as `file_name`.
pub fn offer(url: &str, file_name: &str) {
    let Some(link) = document()
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok())
    else {
        return;
    };
    link.set_href(url);
    link.set_download(file_name);
    link.click();
}

/// Offers `text` as a file of type `mime`.
pub fn offer_text(text: &str, mime: &str, file_name: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else {
        return;
    };
    offer(&url, file_name);
    // The click has started the download; the URL can go once it has been
    // read, which a moment later is certain.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    let _ = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
}
