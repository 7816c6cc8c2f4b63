//! Any text as a link, read by the page's reader (`PageState::read`) and by
//! the model's (`Scenario::from_query`): neither panics, what they read is
//! valid, and the link written for it is short and reads back the same. The
//! checks are the bounded run's (`crates/address/tests/link_checks`), so the
//! long run and `cargo xtask test` hold the readers to the same things.
#![no_main]

#[path = "../../crates/address/tests/link_checks/mod.rs"]
mod link_checks;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    // A browser hands the page its address as text; bytes that are no UTF-8
    // arrive replaced, as here.
    let link = String::from_utf8_lossy(bytes);
    link_checks::check_link(&link);
});
