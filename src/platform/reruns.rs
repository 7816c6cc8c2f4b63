//! A count of the page's reactive nodes re-run, by kind, for the slider
//! benchmark (`tests/e2e/benches/slider.rs`) and the browser test that a
//! slider input re-runs only what it changes. Only a build with the
//! `bench-counters` feature counts (`cargo xtask bench` builds one); in
//! every other build [`rerun`] is an empty inline function and the count
//! compiles to nothing.
//!
//! The page's own memos, effects and view closures that read the scenario
//! or a lever call [`rerun`] with their kind first thing. The benchmark
//! reads the counts through `window.doorstroomReruns()` before an input and
//! after its frame.

/// The kinds of node counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Node {
    /// A lever's control: its value, its "changed" mark, its default.
    Lever,
    /// A folded group's count of changed levers.
    Group,
    /// A preset's "active" mark.
    Preset,
    /// What a reader watches while dragging: the runs, the cards'
    /// numbers, the charts.
    Frame,
    /// What is read at rest: tables, comparison, summaries, the heading's
    /// words, the handout, the bands' scheduling.
    Rest,
}

// Only a bench build reads the counts, by kind and name.
#[cfg(feature = "bench-counters")]
impl Node {
    /// Every kind, in the order the counts are kept.
    pub const ALL: [Node; 5] = [
        Node::Lever,
        Node::Group,
        Node::Preset,
        Node::Frame,
        Node::Rest,
    ];

    /// The kind's name in the benchmark's report.
    pub fn name(self) -> &'static str {
        match self {
            Node::Lever => "lever",
            Node::Group => "group",
            Node::Preset => "preset",
            Node::Frame => "frame",
            Node::Rest => "rest",
        }
    }
}

#[cfg(not(feature = "bench-counters"))]
mod counting {
    use super::Node;

    /// Counts one re-run of a node of kind `node` (nothing: not a bench
    /// build).
    #[inline(always)]
    pub fn rerun(_node: Node) {}

    /// Nothing to publish outside bench builds.
    #[inline(always)]
    pub fn publish() {}
}

#[cfg(feature = "bench-counters")]
mod counting {
    use std::cell::Cell;

    use wasm_bindgen::prelude::*;

    use super::Node;

    thread_local! {
        static COUNTS: [Cell<u32>; Node::ALL.len()] = const {
            [const { Cell::new(0) }; Node::ALL.len()]
        };
    }

    /// Counts one re-run of a node of kind `node`.
    pub fn rerun(node: Node) {
        COUNTS.with(|counts| {
            let count = &counts[node as usize];
            count.set(count.get().wrapping_add(1));
        });
    }

    /// The counts so far, by kind.
    pub fn counts() -> [(Node, u32); Node::ALL.len()] {
        COUNTS.with(|counts| Node::ALL.map(|node| (node, counts[node as usize].get())))
    }

    /// Puts `doorstroomReruns()` on the window: the counts so far as an
    /// object `{lever, group, preset, frame, rest}`.
    pub fn publish() {
        let Some(window) = web_sys::window() else {
            return;
        };
        let read = Closure::<dyn Fn() -> JsValue>::new(|| {
            let object = js_sys::Object::new();
            for (node, count) in counts() {
                let _ = js_sys::Reflect::set(&object, &node.name().into(), &count.into());
            }
            object.into()
        });
        let _ = js_sys::Reflect::set(&window, &"doorstroomReruns".into(), read.as_ref());
        // The window keeps the function for the page's lifetime.
        read.forget();
    }
}

pub use counting::*;
