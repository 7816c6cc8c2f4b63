//! The model's integration tests, one binary: each file a module.
//!
//! One binary rather than one per file, since each was compiled and linked
//! on its own (with the model at opt-level 3, and proptest beside it), and
//! the shared checks (`common`) were compiled again in every one of them.

mod bands_calibrated;
mod calibration;
mod cli;
mod common;
mod conservation;
mod determinism;
mod explain;
mod fit;
mod from;
mod goal;
mod golden;
mod hiring;
mod law;
mod matrix;
mod monotone;
mod outlook;
mod record;
mod run_api;
mod uncertainty;
mod url;
