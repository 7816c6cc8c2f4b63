//! The Web Worker that computes Monte Carlo runs for the page's bands, off
//! the page's thread. It is the page's own wasm module, which the page
//! posts to the worker as its first message (`bands.rs`); the module's
//! `main` finds itself in a worker and calls [`listen`] instead of mounting
//! the page, so the page and its workers share one download and one
//! compilation.
//!
//! The page sends `[job, query, first, count]` (the query holds the scenario
//! and the band settings); the worker answers `[job, first, weeks, values]`,
//! where `values` is the runs' samples as a `Float64Array` whose buffer is
//! handed over, not copied. It says `ready` once it listens: messages sent
//! before that would be lost.

use doorstroom_model::uncertainty::{read_query, sample};
use js_sys::{Array, Float64Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Whether the module runs in a dedicated worker rather than in the page.
pub fn in_worker() -> bool {
    js_sys::global().has_type::<DedicatedWorkerGlobalScope>()
}

/// Answers the page's jobs, for the lifetime of the worker.
pub fn listen() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |message: MessageEvent| {
        let data = Array::from(&message.data());
        let job = data.get(0);
        let query = data.get(1).as_string().unwrap_or_default();
        let number = |i: u32| data.get(i).as_f64().unwrap_or(0.0).max(0.0) as u32;
        let (first, count) = (number(2), number(3));
        let (scenario, settings, _) = read_query(&query);
        let samples = sample(&scenario, &settings, first..first.saturating_add(count));
        let values = Float64Array::from(samples.values());
        let answer = Array::of4(
            &job,
            &JsValue::from(first),
            &JsValue::from(samples.weeks() as u32),
            &values,
        );
        let _ = reply.post_message_with_transfer(&answer, &Array::of1(&values.buffer()));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
