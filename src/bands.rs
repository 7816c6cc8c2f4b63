//! The uncertainty bands, computed off the page's thread: a pool of Web
//! Workers (one per core, at most four) that each run slices of the Monte
//! Carlo runs (`bands_worker`, a binary of its own in the static build).
//!
//! The central line is the store's own run and follows a drag frame by
//! frame; the bands are asked for once the scenario has rested for
//! [`PAUSE_MS`]. A newer scenario or setting cancels the older job at once:
//! its slices still queued are dropped and answers still on their way are
//! ignored (each job has a number), so the last bands finished are always
//! those of the newest input. Runs go out in small slices, so that a
//! cancelled job holds a worker for one slice at most.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::ops::Range;
use std::sync::Arc;

use doorstroom_model::Scenario;
use doorstroom_model::uncertainty::{BandSettings, Bands, Samples, write_query};
use js_sys::{Array, Float64Array};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

use crate::state::{BandsOf, Store};

/// How long the scenario must rest before its bands are computed.
const PAUSE_MS: u64 = 200;
/// The most workers, whatever the number of cores.
const MAX_WORKERS: usize = 4;
/// Slices per worker and job: small enough to cancel quickly and to share
/// the work evenly, large enough that messages cost little.
const SLICES_PER_WORKER: u32 = 4;
/// The worker's loader, next to the page (built by Trunk from
/// `src/bin/bands_worker.rs`).
const WORKER_URL: &str = "./bands_worker_loader.js";

struct Slot {
    worker: Worker,
    ready: bool,
    busy: bool,
}

struct Job {
    number: u64,
    scenario: Scenario,
    settings: BandSettings,
    query: String,
    queue: VecDeque<Range<u32>>,
    parts: Vec<Samples>,
    slices: usize,
    started: f64,
}

#[derive(Default)]
struct Pool {
    slots: Vec<Slot>,
    job: Option<Job>,
    jobs: u64,
    /// The newest pending request's number (for the pause).
    waiting: u64,
    store: Option<Store>,
}

thread_local! {
    static POOL: RefCell<Pool> = RefCell::default();
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Starts following the store: bands are computed whenever they are on and
/// the scenario or the settings rest, and cancelled when they change.
pub fn install(store: Store) {
    POOL.with_borrow_mut(|p| p.store = Some(store));
    Effect::new(move |_| {
        // The workers start after the first screen is painted: their own
        // start-up would take the cores the first chart needs.
        if !store.first_screen_done().get() {
            return;
        }
        let settings = store.band_settings().get();
        let scenario = store.scenario().get();
        cancel();
        let done = store.bands_done().with_untracked(|b| {
            b.as_ref()
                .is_some_and(|b| b.settings == settings && b.scenario == scenario)
        });
        store.set_bands_busy(settings.on && !done);
        if !settings.on || done {
            return;
        }
        let waiting = POOL.with_borrow_mut(|p| {
            p.waiting += 1;
            p.waiting
        });
        set_timeout(
            move || {
                if POOL.with_borrow(|p| p.waiting) == waiting {
                    start(scenario, settings);
                }
            },
            std::time::Duration::from_millis(PAUSE_MS),
        );
    });
}

/// Drops the job under way, if any.
fn cancel() {
    POOL.with_borrow_mut(|p| {
        p.job = None;
        p.waiting += 1;
    });
}

/// The number of workers to use: one per core, at most four.
fn worker_count() -> usize {
    let cores = web_sys::window().map_or(1.0, |w| w.navigator().hardware_concurrency());
    (cores as usize).clamp(1, MAX_WORKERS)
}

fn spawn(index: usize) -> Option<Worker> {
    let worker = Worker::new(WORKER_URL).ok()?;
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |m: MessageEvent| {
        answered(index, m.data());
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The pool lives as long as the page.
    on_message.forget();
    Some(worker)
}

fn start(scenario: Scenario, settings: BandSettings) {
    POOL.with_borrow_mut(|p| {
        if p.slots.is_empty() {
            p.slots = (0..worker_count())
                .filter_map(|i| {
                    spawn(i).map(|worker| Slot {
                        worker,
                        ready: false,
                        busy: false,
                    })
                })
                .collect();
        }
        p.jobs += 1;
        let workers = p.slots.len().max(1) as u32;
        let slice = settings.runs.div_ceil(workers * SLICES_PER_WORKER).max(1);
        let queue: VecDeque<Range<u32>> = (0..settings.runs.div_ceil(slice))
            .map(|k| k * slice..((k + 1) * slice).min(settings.runs))
            .collect();
        p.job = Some(Job {
            number: p.jobs,
            query: write_query(&scenario, &settings),
            slices: queue.len(),
            scenario,
            settings,
            queue,
            parts: Vec::new(),
            started: now(),
        });
    });
    dispatch();
}

/// Gives every idle, ready worker the next slice of the job.
fn dispatch() {
    POOL.with_borrow_mut(|p| {
        let Pool { slots, job, .. } = p;
        let Some(job) = job.as_mut() else {
            return;
        };
        for slot in slots.iter_mut().filter(|s| s.ready && !s.busy) {
            let Some(range) = job.queue.pop_front() else {
                break;
            };
            let message = Array::of4(
                &JsValue::from_f64(job.number as f64),
                &JsValue::from_str(&job.query),
                &JsValue::from(range.start),
                &JsValue::from(range.end - range.start),
            );
            if slot.worker.post_message(&message).is_ok() {
                slot.busy = true;
            } else {
                job.queue.push_front(range);
            }
        }
    });
}

/// A worker's message: `ready`, or a slice of runs.
fn answered(index: usize, data: JsValue) {
    if data.as_string().as_deref() == Some("ready") {
        POOL.with_borrow_mut(|p| {
            if let Some(slot) = p.slots.get_mut(index) {
                slot.ready = true;
            }
        });
        dispatch();
        return;
    }
    let data = Array::from(&data);
    let number = data.get(0).as_f64().unwrap_or(-1.0) as u64;
    let first = data.get(1).as_f64().unwrap_or(0.0) as u32;
    let weeks = data.get(2).as_f64().unwrap_or(0.0) as usize;
    let values = data.get(3).dyn_into::<Float64Array>().map(|a| a.to_vec());
    let finished = POOL.with_borrow_mut(|p| {
        if let Some(slot) = p.slots.get_mut(index) {
            slot.busy = false;
        }
        let job = p.job.as_mut().filter(|j| j.number == number)?;
        let samples = Samples::from_values(job.scenario.start, weeks, first, values.ok()?)?;
        job.parts.push(samples);
        if job.parts.len() < job.slices {
            return None;
        }
        let job = p.job.take()?;
        let merged = Samples::merge(job.parts).ok()?;
        Some(BandsOf {
            scenario: job.scenario,
            settings: job.settings,
            bands: Arc::new(Bands::of(&merged)),
            millis: now() - job.started,
        })
    });
    if let Some(done) = finished
        && let Some(store) = POOL.with_borrow(|p| p.store)
    {
        store.set_bands_done(Some(done));
        store.set_bands_busy(false);
    }
    dispatch();
}

/// A fresh seed from the browser's cryptographic random numbers, for a new
/// draw.
pub fn fresh_seed() -> Option<u64> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let mut bytes = [0u8; 8];
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    // Seeds stay below 2^53, so that a seed shown or typed as a number in
    // JavaScript is the same seed.
    Some(u64::from_le_bytes(bytes) >> 11)
}
