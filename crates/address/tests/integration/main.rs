//! The address's integration tests, one binary: each file a module.
//!
//! One binary rather than one per file, since each linked the address and
//! the model on its own.

mod briefing_files;
mod golden_links;
mod link_checks;
mod link_fuzz;
