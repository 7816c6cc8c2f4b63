//! The scenario store: the page's state as signals, the model's run and
//! summary as memos, and the few operations that change the scenario.
//!
//! Two rhythms meet here. A slider fires an input event for every pixel the
//! thumb moves; the page must follow the thumb but never compute more than
//! one run per painted frame. So `preview` only parks the newest scenario
//! and asks for an animation frame; the frame callback sets the signal once,
//! with whatever is newest by then. Stale values are simply overwritten
//! before anyone computes them. `commit` (drag end, field committed) flushes
//! at once and records one undo step and one history entry.

use std::sync::Arc;

use doorstroom_model::{Lang, Run, Scenario, Summary, Warning};
use leptos::prelude::*;

use crate::history::History;
use crate::location::{self, Entry};
use crate::url;

/// A warning from reading the link, and whether it was about the baseline.
#[derive(Clone, Debug)]
pub struct LinkWarning {
    pub in_baseline: bool,
    pub warning: Warning,
}

/// The page's state, shared through context. Every field is a `Copy` handle.
#[derive(Clone, Copy)]
pub struct Store {
    /// The scenario on screen: follows the sliders frame by frame.
    pub scenario: RwSignal<Scenario>,
    /// The pinned baseline, or `None` for the default scenario.
    pub pinned: RwSignal<Option<Scenario>>,
    pub lang: RwSignal<Lang>,
    /// What reading the link changed; the notice shows these until dismissed.
    pub warnings: RwSignal<Vec<LinkWarning>>,
    /// The scenario the page was opened with, for "reset to loaded".
    pub loaded: StoredValue<Scenario>,
    /// The model's run of `scenario`: recomputed once per change.
    pub run: Memo<Arc<Run>>,
    /// The run of the baseline (the pinned scenario or the default).
    pub baseline_run: Memo<Arc<Run>>,
    pub summary: Memo<Summary>,
    pub baseline_summary: Memo<Summary>,
    /// Whether undo / redo have anything to do (for the buttons' state).
    pub can_undo: RwSignal<bool>,
    /// Whether a drag is under way (from its first input to its commit):
    /// the headline figures are marked busy meanwhile, so that a screen
    /// reader announces where the drag ended rather than every step.
    pub dragging: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    history: StoredValue<History<Scenario>>,
    /// The newest scenario from a drag, waiting for the next frame.
    pending: StoredValue<Option<Scenario>>,
    /// Whether the current session-history entry holds a committed scenario:
    /// the first change after a commit pushes a new entry, later changes of
    /// the same drag rewrite it.
    entry_committed: StoredValue<bool>,
    /// When the address was last rewritten during a drag (ms since 1970).
    last_rewrite: StoredValue<f64>,
}

/// The least time between two rewrites of the address during a drag.
const REWRITE_EVERY_MS: f64 = 100.0;

/// Runs the model, shared behind an `Arc` so that a memo read clones a
/// pointer, not ten thousand numbers. A new run is always a change.
fn run_memo(source: impl Fn() -> Scenario + Send + Sync + 'static) -> Memo<Arc<Run>> {
    Memo::new_with_compare(move |_| Arc::new(source().run()), |_, _| true)
}

impl Store {
    /// Reads the scenario, the baseline and the language from the address,
    /// and rewrites the address in its canonical form (so that a copied link
    /// says exactly what is on screen, without the repaired parts).
    pub fn from_location() -> Self {
        let page = url::split(&location::query());
        let (scenario, scenario_warnings) = Scenario::from_query(&page.scenario);
        let (pinned, base_warnings) = match &page.base {
            Some(base) => {
                let (s, w) = Scenario::from_query(base);
                (Some(s), w)
            }
            None => (None, Vec::new()),
        };
        let warnings = scenario_warnings
            .into_iter()
            .map(|warning| LinkWarning {
                in_baseline: false,
                warning,
            })
            .chain(base_warnings.into_iter().map(|warning| LinkWarning {
                in_baseline: true,
                warning,
            }))
            .collect();
        let store = Self::new(scenario, pinned, page.lang, warnings);
        store.write_location(Entry::Replace);
        store
    }

    /// A store for the given state, without touching the address.
    pub fn new(
        scenario: Scenario,
        pinned: Option<Scenario>,
        lang: Lang,
        warnings: Vec<LinkWarning>,
    ) -> Self {
        let scenario_signal = RwSignal::new(scenario.clone());
        let pinned_signal = RwSignal::new(pinned);
        let run = run_memo(move || scenario_signal.get());
        // The baseline is run over the scenario's own horizon: a longer or
        // shorter horizon is a change of view, not of policy, and figures
        // "at the end" must compare the same day. The end is a memo of its
        // own, so that other levers do not rerun the baseline.
        let end = Memo::new(move |_| scenario_signal.with(|s| s.end));
        let baseline_run = run_memo(move || Scenario {
            end: end.get(),
            ..pinned_signal.get().unwrap_or_default()
        });
        // A summary equal to the last one (a lever that moved nothing) is
        // no change, so the headline figures are left alone.
        let summary = Memo::new(move |_| run.with(|r| r.summary()));
        let baseline_summary = Memo::new(move |_| baseline_run.with(|r| r.summary()));
        Self {
            scenario: scenario_signal,
            pinned: pinned_signal,
            lang: RwSignal::new(lang),
            warnings: RwSignal::new(warnings),
            loaded: StoredValue::new(scenario.clone()),
            run,
            baseline_run,
            summary,
            baseline_summary,
            can_undo: RwSignal::new(false),
            dragging: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            history: StoredValue::new(History::new(scenario)),
            pending: StoredValue::new(None),
            entry_committed: StoredValue::new(true),
            last_rewrite: StoredValue::new(0.0),
        }
    }

    /// Whether the scenario on screen is the baseline (then there is no
    /// change to show and no ghost line to draw).
    pub fn is_baseline(&self) -> bool {
        let pinned = self.pinned.read();
        let scenario = self.scenario.read();
        match &*pinned {
            Some(p) => *p == *scenario,
            None => *scenario == Scenario::default(),
        }
    }

    /// The newest scenario, including a drag's value not yet on screen: the
    /// base for the next change, so that no input event is lost.
    pub fn current(&self) -> Scenario {
        self.pending
            .with_value(Clone::clone)
            .unwrap_or_else(|| self.scenario.get_untracked())
    }

    /// A change while dragging: shown at the next frame, the newest wins.
    pub fn preview(&self, scenario: Scenario) {
        if !self.dragging.get_untracked() {
            self.dragging.set(true);
        }
        let idle = self.pending.with_value(Option::is_none);
        self.pending.set_value(Some(scenario));
        if idle {
            let store = *self;
            request_animation_frame(move || store.flush());
        }
    }

    /// Applies the parked scenario, if any, and mirrors it in the address.
    fn flush(&self) {
        let Some(next) = self.pending.try_update_value(Option::take).flatten() else {
            return;
        };
        // The frame may come after the app was unmounted (in the browser
        // tests): then there is nothing left to update.
        let Some(shown) = self.scenario.try_get_untracked() else {
            return;
        };
        if next != shown {
            self.scenario.set(next);
            self.write_change(false);
        }
    }

    /// The end of a drag or a committed field: one undo step, one entry in
    /// the session history.
    pub fn commit(&self) {
        self.flush();
        let current = self.scenario.get_untracked();
        let stepped = self
            .history
            .try_update_value(|h| h.commit(current))
            .unwrap_or(false);
        if stepped {
            // The entry may not have been pushed yet when a frame never came
            // between the change and the commit.
            self.write_change(true);
        } else if !self.entry_committed.get_value() {
            // A drag that ended where it started: the address, last written
            // somewhere along the way, says where it ended.
            self.write_location(Entry::Replace);
        }
        self.entry_committed.set_value(true);
        self.sync_undo_buttons();
        if self.dragging.get_untracked() {
            self.dragging.set(false);
        }
    }

    /// A discrete change (a preset, a reset, a typed value): at once, as one step.
    pub fn apply(&self, scenario: Scenario) {
        self.pending.set_value(None);
        if scenario != self.scenario.get_untracked() {
            self.scenario.set(scenario);
            self.write_change(true);
        }
        self.commit();
    }

    pub fn undo(&self) {
        self.commit();
        if let Some(previous) = self.history.try_update_value(|h| h.undo()).flatten() {
            self.show_from_history(previous);
        }
    }

    pub fn redo(&self) {
        self.commit();
        if let Some(next) = self.history.try_update_value(|h| h.redo()).flatten() {
            self.show_from_history(next);
        }
    }

    fn show_from_history(&self, scenario: Scenario) {
        self.scenario.set(scenario);
        self.entry_committed.set_value(true);
        self.write_location(Entry::Push);
        self.sync_undo_buttons();
    }

    pub fn reset_to_loaded(&self) {
        self.apply(self.loaded.get_value());
    }

    pub fn reset_to_default(&self) {
        self.apply(Scenario::default());
    }

    /// Compares from now on with the scenario on screen.
    pub fn pin(&self) {
        self.commit();
        let current = self.scenario.get_untracked();
        self.pinned.set(if current == Scenario::default() {
            None
        } else {
            Some(current)
        });
        self.write_location(Entry::Push);
    }

    pub fn unpin(&self) {
        self.commit();
        self.pinned.set(None);
        self.write_location(Entry::Push);
    }

    /// Switches the language; the same history entry, since the scenario
    /// did not change.
    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        self.write_location(Entry::Replace);
    }

    /// Back or Forward: show what the address says, and make it the
    /// committed state, so that undo steps back from there.
    pub fn restore_from_location(&self) {
        self.pending.set_value(None);
        let page = url::split(&location::query());
        let (scenario, _) = Scenario::from_query(&page.scenario);
        let pinned = page.base.map(|base| Scenario::from_query(&base).0);
        self.lang.set(page.lang);
        if pinned != self.pinned.get_untracked() {
            self.pinned.set(pinned);
        }
        if scenario != self.scenario.get_untracked() {
            self.scenario.set(scenario.clone());
        }
        self.history.update_value(|h| {
            h.commit(scenario);
        });
        self.entry_committed.set_value(true);
        self.sync_undo_buttons();
    }

    /// The page's query for the current state.
    pub fn query(&self) -> String {
        let scenario = self.scenario.with_untracked(Scenario::to_query);
        let base = self
            .pinned
            .with_untracked(|p| p.as_ref().map(Scenario::to_query));
        url::join(&scenario, base.as_deref(), self.lang.get_untracked())
    }

    /// Mirrors a scenario change in the address: a new entry for the first
    /// change after a commit, a rewrite for the rest of the drag.
    ///
    /// While dragging (`settled` false) the rewrites are spaced out:
    /// browsers ignore history calls that come faster than about 20 a
    /// second, and a drag fires one per frame. The commit at the end of the
    /// drag always writes, so the address ends on the final value.
    fn write_change(&self, settled: bool) {
        let entry = if self.entry_committed.get_value() {
            Entry::Push
        } else {
            Entry::Replace
        };
        let now = js_sys::Date::now();
        if entry == Entry::Replace
            && !settled
            && now - self.last_rewrite.get_value() < REWRITE_EVERY_MS
        {
            return;
        }
        self.last_rewrite.set_value(now);
        if self.write_location(entry) && entry == Entry::Push {
            self.entry_committed.set_value(false);
        }
    }

    fn write_location(&self, entry: Entry) -> bool {
        location::write(&self.query(), entry)
    }

    fn sync_undo_buttons(&self) {
        let (undo, redo) = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        self.can_undo.set(undo);
        self.can_redo.set(redo);
    }
}

/// The store of the page, provided by the app.
pub fn use_store() -> Store {
    expect_context::<Store>()
}
