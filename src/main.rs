//! The entry point of the page's one wasm module: everything else lives in
//! the library, so that the browser tests can mount the same `App` the page
//! shows. The bands' Web Workers start the same module (`bands.rs`), and
//! there it answers their jobs instead.

fn main() {
    if doorstroom::bands_worker::in_worker() {
        doorstroom::bands_worker::listen();
    } else {
        doorstroom::mount();
    }
}
