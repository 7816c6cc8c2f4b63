//! Performance measures around the parts of the page's work after a
//! change: the model, the published record beside it, the headline
//! figures, each chart, the charts' text summaries, the
//! comparison, the address and the handout's QR code. `cargo xtask bench` reads them to
//! say where a frame's time goes, and the browser's profiler shows them by
//! name (`doorstroom:model`, `doorstroom:chart:backlog`, …).
//!
//! A measure costs a few microseconds, so only blocks of work are measured,
//! never a lever or a figure one by one. A page open for hours must not
//! keep a measure per change for ever: every [`CLEAR_EVERY`] changes the
//! page's measures are cleared, at the start of a change, before its work.

use std::cell::Cell;

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `performance.measure(name, { start, end })` (User Timing Level 3),
    /// which web-sys offers only among its unstable APIs.
    #[wasm_bindgen(catch, js_namespace = performance, js_name = measure)]
    fn measure_between(name: &str, options: &js_sys::Object) -> Result<JsValue, JsValue>;
}

/// A part of the page's work after a change.
#[derive(Clone, Copy, Debug)]
pub enum Part {
    /// The model's runs: the scenario, its baseline and compared scenarios.
    Model,
    /// The published figures matched to the run.
    Record,
    /// The headline figures' summaries.
    Headline,
    /// One chart's drawing, by its id.
    Chart(&'static str),
    /// The charts' text summaries for screen readers.
    ChartSummaries,
    /// The comparison table's text.
    Comparison,
    /// Writing the link into the address.
    Address,
    /// The printed handout's QR code.
    Handout,
    /// The forecast track record, computed when its panel is first opened.
    TrackRecord,
}

impl Part {
    fn name(self) -> String {
        match self {
            Part::Model => "doorstroom:model".to_owned(),
            Part::Record => "doorstroom:record".to_owned(),
            Part::Headline => "doorstroom:headline".to_owned(),
            Part::Chart(id) => format!("doorstroom:chart:{id}"),
            Part::ChartSummaries => "doorstroom:chart-summaries".to_owned(),
            Part::Comparison => "doorstroom:comparison".to_owned(),
            Part::Address => "doorstroom:address".to_owned(),
            Part::Handout => "doorstroom:handout".to_owned(),
            Part::TrackRecord => "doorstroom:track-record".to_owned(),
        }
    }
}

/// Changes between two clearings of the measures.
const CLEAR_EVERY: u32 = 100;

thread_local! {
    static CHANGES: Cell<u32> = const { Cell::new(0) };
}

fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|w| w.performance())
}

/// Runs `work` and records how long it took as a measure of `part`.
pub fn measure<R>(part: Part, work: impl FnOnce() -> R) -> R {
    let Some(performance) = performance() else {
        return work();
    };
    let start = performance.now();
    let result = work();
    let options = js_sys::Object::new();
    // Only the benchmark reads the measures; a page without them works the
    // same, so a failure to write one is ignored.
    let _ = js_sys::Reflect::set(&options, &"start".into(), &start.into());
    let _ = js_sys::Reflect::set(&options, &"end".into(), &performance.now().into());
    let _ = measure_between(&part.name(), &options);
    result
}

/// Called at the start of each change to the scenario on screen.
pub fn change_begins() {
    let n = CHANGES.get() + 1;
    if n >= CLEAR_EVERY {
        if let Some(performance) = performance() {
            performance.clear_measures();
        }
        CHANGES.set(0);
    } else {
        CHANGES.set(n);
    }
}
