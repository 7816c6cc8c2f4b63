//! The entry point Trunk builds: everything else lives in the library, so
//! that the browser tests can mount the same `App` the page shows.

fn main() {
    doorstroom::mount();
}
