//! The uncertainty bands, computed off the page's thread: a pool of Web
//! Workers (one per core, at most four) that each run slices of the Monte
//! Carlo runs (`bands_worker.rs`: the page's own wasm module, started with
//! the worker's entry).
//!
//! The central line is the store's own run and follows a drag frame by
//! frame; the bands follow the settled scenario (`Store::settled`, which
//! holds during a drag) and are asked for once it has rested for
//! [`PAUSE_MS`] (keys pressed one after the other settle at each press). A newer scenario or setting cancels the older job at once:
//! its slices still queued are dropped and answers still on their way are
//! ignored (each job has a number), so the last bands finished are always
//! those of the newest input. Runs go out in small slices, so that a
//! cancelled job holds a worker for one slice at most.
//!
//! After the bands' own runs a job runs each source of uncertainty alone
//! (`Source`, fewer runs each), to say beside the bands how much of the
//! spread each gives; the bands show as soon as their own runs are in.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::ops::Range;
use std::sync::Arc;

use doorstroom_model::Scenario;
use doorstroom_model::uncertainty::{
    BandSettings, Bands, Figure, Samples, Source, source_runs, source_shares, write_query,
};
use js_sys::{Array, Float64Array};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::state::{BandsOf, Store};

/// How long the scenario must rest before its bands are computed.
const PAUSE_MS: u64 = 200;
/// The most workers, whatever the number of cores.
const MAX_WORKERS: usize = 4;
/// Slices per worker and job: small enough to cancel quickly and to share
/// the work evenly, large enough that messages cost little.
const SLICES_PER_WORKER: u32 = 4;
/// The worker's script, next to the page (written by `cargo xtask dist`):
/// it imports the page's JS glue and starts it with the module the page
/// posts.
const WORKER_URL: &str = "./bands_worker.js";

struct Slot {
    worker: Worker,
    ready: bool,
    busy: bool,
}

/// One set of runs of a job: the bands' own (`source` `None`) or one
/// source's alone.
struct Variant {
    source: Option<Source>,
    query: String,
    parts: Vec<Samples>,
    slices: usize,
    bands: Option<Bands>,
}

struct Job {
    number: u64,
    scenario: Scenario,
    settings: BandSettings,
    variants: Vec<Variant>,
    /// Slices still to send: the variant and the runs.
    queue: VecDeque<(usize, Range<u32>)>,
    started: f64,
    /// Milliseconds from the request to the bands' own runs merged: set
    /// when they are in and shown.
    shown: Option<f64>,
}

/// A job's variants go to the workers as one number: the job's times this,
/// plus the variant's index.
const VARIANTS: u64 = 8;

/// The bands' figure whose spread is split over its sources.
const SPLIT_FIGURE: &Figure = &Figure::COST_TOTAL_EUR;

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
        crate::platform::reruns::rerun(crate::platform::reruns::Node::Rest);
        // The workers start after the first screen is painted: their own
        // start-up would take the cores the first chart needs.
        if !store.first_screen_done().get() {
            return;
        }
        let settings = store.band_settings().get();
        let scenario = store.settled().get();
        cancel();
        // The workers start as soon as the bands are on, so that they have
        // loaded the module while the scenario rests for its pause.
        if settings.on {
            start_workers();
        }
        let done = store.bands_done().with_untracked(|b| {
            b.as_ref()
                .is_some_and(|b| b.settings == settings && b.scenario == scenario)
        });
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

/// The id of the element in which the single file (`cargo xtask dist
/// --single-file`) carries the worker's glue and wasm as text.
const WORKER_SOURCE_ID: &str = "bands-worker-source";

thread_local! {
    /// Where the workers are loaded from, found once.
    static WORKER_FROM: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The worker's address: a blob URL of the source the single file carries
/// (a page opened from disk can load no file, but can start a worker from
/// a blob of its own), else the script beside the page.
fn worker_url() -> String {
    WORKER_FROM.with_borrow_mut(|from| {
        from.get_or_insert_with(|| {
            let carried = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(WORKER_SOURCE_ID))
                .and_then(|e| e.text_content())
                .and_then(|source| {
                    let options = web_sys::BlobPropertyBag::new();
                    options.set_type("text/javascript");
                    let blob = web_sys::Blob::new_with_str_sequence_and_options(
                        &Array::of1(&JsValue::from_str(&source)),
                        &options,
                    )
                    .ok()?;
                    web_sys::Url::create_object_url_with_blob(&blob).ok()
                });
            carried.unwrap_or_else(|| WORKER_URL.to_owned())
        })
        .clone()
    })
}

/// A worker running the page's own module, sent the compiled module as its
/// first message, so nothing is fetched or compiled again. The script
/// beside the page is an ES module (it imports the glue); the single file's
/// carried one is a classic script, as a page opened from disk may start a
/// classic worker from a blob but not a module worker.
fn spawn(index: usize) -> Option<Worker> {
    let url = worker_url();
    let options = WorkerOptions::new();
    if !url.starts_with("blob:") {
        options.set_type(WorkerType::Module);
    }
    let worker = Worker::new_with_options(&url, &options).ok()?;
    worker.post_message(&wasm_bindgen::module()).ok()?;
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |m: MessageEvent| {
        answered(index, m.data());
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The pool lives as long as the page.
    on_message.forget();
    Some(worker)
}

/// Starts the pool's workers, once for the page.
fn start_workers() {
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
    });
}

fn start(scenario: Scenario, settings: BandSettings) {
    start_workers();
    POOL.with_borrow_mut(|p| {
        p.jobs += 1;
        let workers = p.slots.len().max(1) as u32;
        let mut variants = vec![(None, settings)];
        variants.extend(Source::ALL.into_iter().map(|source| {
            (
                Some(source),
                settings.only(source, source_runs(settings.runs)),
            )
        }));
        let mut queue = VecDeque::new();
        let variants: Vec<Variant> = variants
            .into_iter()
            .enumerate()
            .map(|(v, (source, settings))| {
                let slice = settings.runs.div_ceil(workers * SLICES_PER_WORKER).max(1);
                let slices = settings.runs.div_ceil(slice);
                queue.extend(
                    (0..slices).map(|k| (v, k * slice..((k + 1) * slice).min(settings.runs))),
                );
                Variant {
                    source,
                    query: write_query(&scenario, &settings),
                    parts: Vec::new(),
                    slices: slices as usize,
                    bands: None,
                }
            })
            .collect();
        p.job = Some(Job {
            number: p.jobs,
            scenario,
            settings,
            variants,
            queue,
            started: now(),
            shown: None,
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
            let Some((v, range)) = job.queue.pop_front() else {
                break;
            };
            let message = Array::of4(
                &JsValue::from_f64((job.number * VARIANTS + v as u64) as f64),
                &JsValue::from_str(&job.variants[v].query),
                &JsValue::from(range.start),
                &JsValue::from(range.end - range.start),
            );
            if slot.worker.post_message(&message).is_ok() {
                slot.busy = true;
            } else {
                job.queue.push_front((v, range));
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
    let tag = data.get(0).as_f64().unwrap_or(-1.0).max(0.0) as u64;
    let (number, v) = (tag / VARIANTS, (tag % VARIANTS) as usize);
    let first = data.get(1).as_f64().unwrap_or(0.0) as u32;
    let weeks = data.get(2).as_f64().unwrap_or(0.0) as usize;
    let values = data.get(3).dyn_into::<Float64Array>().map(|a| a.to_vec());
    let finished = POOL.with_borrow_mut(|p| {
        if let Some(slot) = p.slots.get_mut(index) {
            slot.busy = false;
        }
        let job = p.job.as_mut().filter(|j| j.number == number)?;
        let samples = Samples::from_values(job.scenario.start, weeks, first, values.ok()?)?;
        let variant = job.variants.get_mut(v)?;
        variant.parts.push(samples);
        if variant.parts.len() < variant.slices {
            return None;
        }
        let merged = Samples::merge(std::mem::take(&mut variant.parts)).ok()?;
        variant.bands = Some(Bands::of(&merged));
        let all_in = job.variants.iter().all(|v| v.bands.is_some());
        // The bands show as soon as their own runs are in, and again with
        // the sources' shares once those are.
        let show = (v == 0 && job.shown.is_none()) || all_in;
        if !show {
            return None;
        }
        let millis = *job.shown.get_or_insert(now() - job.started);
        let bands = job.variants[0].bands.clone()?;
        let sources = all_in.then(|| {
            let parts: Vec<(Source, &Bands)> = job
                .variants
                .iter()
                .filter_map(|v| Some((v.source?, v.bands.as_ref()?)))
                .collect();
            source_shares(&parts, SPLIT_FIGURE)
        });
        let done = BandsOf {
            scenario: job.scenario.clone(),
            settings: job.settings,
            bands: Arc::new(bands),
            millis,
            sources: sources.flatten().map(Arc::new),
        };
        if all_in {
            p.job = None;
        }
        Some(done)
    });
    if let Some(done) = finished
        && let Some(store) = POOL.with_borrow(|p| p.store)
    {
        store.set_bands_done(Some(done));
    }
    dispatch();
}
