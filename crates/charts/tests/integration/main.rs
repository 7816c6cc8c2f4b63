//! The charts' integration tests, one binary: each file a module, drawn
//! into SVG (and through the type-erased backend) natively.
//!
//! One binary rather than one per file, since each linked the charts and
//! plotters on its own.

mod any_backend;
mod bands;
mod common;
mod compared;
mod forecast;
mod join;
mod layers;
mod legend;
mod pipeline;
mod published;
mod svg;
mod waterfall;
