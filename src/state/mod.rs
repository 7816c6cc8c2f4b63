//! The scenario store: the page's state as signals, the model's run and
//! summary as memos, and the operations that change the state. Its fields
//! are private: every change goes through a method, so nothing can change
//! the scenario behind the undo history or the address.
//!
//! The scenario is kept lever by lever: one signal per lever of the model's
//! lever table ([`Levers`]), and the whole [`Scenario`] a memo assembled
//! from them that only the runs (and what follows the scenario as a whole)
//! read. A lever's control, its "changed" mark, its group's count and a
//! preset's "active" mark read only their own levers, so a slider input
//! re-runs the nodes of its lever and of the outputs, not of every lever.
//!
//! Two rhythms meet here. A slider fires an input event for every pixel the
//! thumb moves; the page must follow the thumb but never compute more than
//! one run per painted frame. So `preview` only parks the newest scenario
//! and asks for an animation frame; the frame callback sets the signal once,
//! with whatever is newest by then. `commit` (drag end, field committed)
//! flushes at once and records one undo step. The address follows through
//! the [`Pacer`], which decides when a write is a new history entry and
//! spaces the writes out so that the browser keeps them all. What is read
//! when the hand rests (tables, the comparison, summaries, the heading's
//! words, the handout, the bands' scheduling) follows [`Store::settled`],
//! which holds during a drag.

pub mod history;
pub mod location;
pub mod pacer;
pub mod page_fields;

use std::sync::{Arc, PoisonError};

use doorstroom_address::{
    Compared, LinkWarning, MAX_PINNED, NOTE_LIMIT, PageState, PageWarning, TITLE_LIMIT, TextLimit,
    tidy_text,
};
use doorstroom_model::record::{self, RecordRow};
use doorstroom_model::uncertainty::{BandSettings, Bands};
use doorstroom_model::{Date, Lang, LeverValue, Run, Runner, Scenario, Summary, World, levers};
use leptos::prelude::*;
use reactive_stores::Patch;

use crate::platform::reruns::{Node, rerun};
use crate::platform::timing::{self, Part};
use crate::state::history::History;
use crate::state::pacer::{Change, Pacer, Plan};
use crate::state::page_fields::{PageFields, PageFieldsStoreFields, ReadField};
use crate::view_model::words;

/// The scenario lever by lever: a signal per lever of the lever table (in
/// its order), and the one field no lever sets (the start of the run).
struct Levers {
    values: Vec<RwSignal<LeverValue>>,
    start: RwSignal<Date>,
    /// The world on screen: follows the day the levers act from alone.
    world: Memo<World>,
    /// Whether each lever differs from its default in the world on screen.
    changed: Vec<Memo<bool>>,
}

impl Levers {
    fn new(scenario: &Scenario) -> Self {
        let values = levers()
            .iter()
            .map(|l| RwSignal::new(l.get(scenario)))
            .collect::<Vec<_>>();
        let start = RwSignal::new(scenario.start);
        let from = values[doorstroom_model::Named::From as usize];
        // The world follows the day the levers act from, and only it.
        let world = Memo::new(move |_| {
            let LeverValue::Date(from) = from.get() else {
                return World::Letter;
            };
            World::starting(start.get(), from)
        });
        let changed = values
            .iter()
            .enumerate()
            .map(|(i, &value)| {
                Memo::new(move |_| {
                    rerun(Node::Lever);
                    value.get() != world.get().lever_defaults()[i]
                })
            })
            .collect();
        Levers {
            values,
            start,
            world,
            changed,
        }
    }

    /// Sets the levers whose value differs in `next`: a lever that did not
    /// move notifies nothing.
    fn set(&self, next: &Scenario) {
        for (l, value) in levers().iter().zip(&self.values) {
            let v = l.get(next);
            if value.try_with_untracked(|now| *now != v).unwrap_or(false) {
                value.set(v);
            }
        }
        if self
            .start
            .try_get_untracked()
            .is_some_and(|s| s != next.start)
        {
            self.start.set(next.start);
        }
    }
}

/// The page's state, shared through context. Every field is a `Copy` handle.
#[derive(Clone, Copy)]
pub struct Store {
    levers: StoredValue<Arc<Levers>>,
    /// The scenario assembled from the levers: follows every frame.
    scenario: Memo<Scenario>,
    /// The scenario when the hand rests: holds during a drag.
    settled: Memo<Scenario>,
    end: Memo<Date>,
    from: Memo<Date>,
    is_default: Memo<bool>,
    /// The page's own fields (titles, note, pinned scenarios, language,
    /// bands' settings, the published switch), each tracked on its own.
    page: reactive_stores::Store<PageFields>,
    /// The newest bands the workers finished, with the scenario and
    /// settings they are of (older than the screen while a drag goes on).
    bands: RwSignal<Option<BandsOf>>,
    warnings: RwSignal<Vec<LinkWarning>>,
    loaded: StoredValue<Scenario>,
    history: RwSignal<History<Scenario>>,
    dragging: RwSignal<bool>,
    /// Whether the first screen has been painted, so that what can wait
    /// (the pinned runs, the record, the bands, what lies below) follows.
    first_screen_done: RwSignal<bool>,
    /// The newest scenario from a drag, waiting for the next frame.
    pending: StoredValue<Option<Scenario>>,
    pacer: StoredValue<Pacer>,
    /// Whether a timer for the pacer is set.
    timer_set: StoredValue<bool>,
    /// The model's run of the scenario: recomputed once per change.
    pub run: Memo<Arc<Run>>,
    /// The run of the baseline (the pinned scenario or the default).
    pub baseline_run: Memo<Arc<Run>>,
    /// The runs of the other pinned scenarios, over the scenario's horizon.
    pub compared_runs: Memo<Arc<Vec<Arc<Run>>>>,
    pub summary: Memo<Summary>,
    pub baseline_summary: Memo<Summary>,
    pub compared_summaries: Memo<Vec<Summary>>,
    /// The legend labels of the compared scenarios (their names on
    /// screen): made when the pinned scenarios or the language change, not
    /// at every frame of a drag.
    pub compared_labels: Memo<Arc<[String]>>,
    /// The published figures in the run's horizon beside the model's
    /// values (`record::compare`, as `--record` prints them).
    pub record: Memo<Arc<Vec<RecordRow>>>,
    /// The asylum penalties through 2024 of the scenario without the BAA:
    /// the figure that compares like for like with the letter's EUR 55
    /// million, which left the BAA out.
    pub letter_scope_penalties: Memo<f64>,
    /// Whether the scenario on screen is its baseline (no change to show,
    /// no ghost line).
    pub is_baseline: Memo<bool>,
    pub can_undo: Memo<bool>,
    pub can_redo: Memo<bool>,
}

/// Bands computed by the workers, and what they were computed for.
#[derive(Clone)]
pub struct BandsOf {
    pub scenario: Scenario,
    pub settings: BandSettings,
    pub bands: Arc<Bands>,
    /// Milliseconds from the request to the merged bands.
    pub millis: f64,
    /// Each source's share of the spread of the total cost, once its runs
    /// alone are in (see `doorstroom_model::uncertainty::Source`).
    pub sources: Option<Arc<Vec<(doorstroom_model::uncertainty::Source, f64)>>>,
}

/// Runs the model, shared behind an `Arc` so that a memo read clones a
/// pointer, not ten thousand numbers. A new run is always a change. The
/// memo keeps a [`Runner`], so that a slider's runs reuse what the
/// scenario before shared with them (the terms of every filing week).
fn run_memo(source: impl Fn() -> Scenario + Send + Sync + 'static) -> Memo<Arc<Run>> {
    let runner = std::sync::Mutex::new(Runner::new());
    Memo::new_with_compare(
        move |_| {
            rerun(Node::Frame);
            let scenario = source();
            let mut runner = runner.lock().unwrap_or_else(PoisonError::into_inner);
            Arc::new(timing::measure(Part::Model, || runner.run(&scenario)))
        },
        |_, _| true,
    )
}

/// The date of lever `key` as a memo of its own signal: the horizon's end
/// and the day the levers act from, which the baseline follows, without
/// rerunning it when another lever moves.
fn lever_date(levers: &Levers, lever: doorstroom_model::Named, initial: Date) -> Memo<Date> {
    let value = levers.values[lever as usize];
    Memo::new(move |_| match value.get() {
        LeverValue::Date(d) => d,
        _ => initial,
    })
}

/// A name in words can be long; a legend keeps the first part.
fn legend_label(name: String) -> String {
    const MOST: usize = 48;
    if name.chars().count() > MOST {
        format!("{}…", name.chars().take(MOST - 1).collect::<String>())
    } else {
        name
    }
}

/// The baseline as run and compared: the pinned scenario (or, unpinned,
/// [`unpinned_baseline`]) over the scenario's own horizon, since a longer
/// or shorter horizon is a change of view, not of policy, and figures "at
/// the end" must compare the same day.
pub fn baseline_for(pinned: Option<&Scenario>, scenario: &Scenario) -> Scenario {
    scenario.baseline(pinned)
}

fn baseline_over(pinned: Option<&Scenario>, end: Date, from: Date) -> Scenario {
    Scenario::baseline_over(pinned, end, from)
}

/// The baseline when none is pinned: the model's rule
/// ([`Scenario::unpinned_baseline`]), named here for the page's views.
pub fn unpinned_baseline(from: Date) -> Scenario {
    Scenario::unpinned_baseline(from)
}

impl Store {
    /// Reads the page's state from the address, and rewrites the address
    /// in its canonical form (so that a copied link says exactly what is on
    /// screen, without the repaired parts).
    pub fn from_location() -> Self {
        let (state, warnings) = PageState::read(&location::query());
        let store = Self::new(state, warnings);
        store.address_changed(Change::Relabel);
        store
    }

    /// A store for the given state, without touching the address.
    pub fn new(state: PageState, warnings: Vec<LinkWarning>) -> Self {
        let (scenario, fields) = PageFields::split(state);
        let page = reactive_stores::Store::new(fields);
        let lever_state = Arc::new(Levers::new(&scenario));
        let scenario_signal = {
            let lever_state = Arc::clone(&lever_state);
            let template = scenario.clone();
            Memo::new(move |previous: Option<&Scenario>| {
                rerun(Node::Frame);
                let mut s = previous.cloned().unwrap_or_else(|| template.clone());
                s.start = lever_state.start.get();
                for (l, value) in levers().iter().zip(&lever_state.values) {
                    l.put(&mut s, value.get());
                }
                s
            })
        };
        let dragging = RwSignal::new(false);
        // The settled scenario: the scenario, except during a drag, when it
        // keeps the one before the drag (and reads nothing else).
        let settled = Memo::new(move |previous: Option<&Scenario>| match previous {
            Some(previous) if dragging.get() => previous.clone(),
            _ => scenario_signal.get(),
        });
        let baseline_signal = page.baseline();
        let compared_signal = page.compared();
        // After navigation the scenario's own run and the first chart come
        // first; the pinned runs and the record follow once the first
        // screen is painted (see `App`).
        let first_screen_done = RwSignal::new(false);
        let run = run_memo(move || scenario_signal.get());
        // The end is a memo of its own, so that other levers do not rerun
        // the baseline.
        let end = lever_date(&lever_state, doorstroom_model::Named::Until, scenario.end);
        // So is the day the levers apply from: the unpinned baseline
        // follows it.
        let from = lever_date(&lever_state, doorstroom_model::Named::From, scenario.from);
        let baseline_run = run_memo(move || {
            let (end, from) = (end.get(), from.get());
            baseline_signal.with(|p| baseline_over(p.as_ref(), end, from))
        });
        let compared_runs = Memo::new_with_compare(
            move |_| {
                if !first_screen_done.get() {
                    return Arc::new(Vec::new());
                }
                let end = end.get();
                compared_signal.with(|list| {
                    Arc::new(
                        list.iter()
                            .map(|c| {
                                let scenario = Scenario {
                                    end,
                                    ..c.scenario.clone()
                                };
                                Arc::new(timing::measure(Part::Model, || scenario.run()))
                            })
                            .collect::<Vec<_>>(),
                    )
                })
            },
            |_, _| true,
        );
        let compared_summaries = Memo::new(move |_| {
            compared_runs.with(|runs| runs.iter().map(|r| r.summary()).collect())
        });
        let lang_signal = page.lang();
        let compared_labels = Memo::new(move |_| {
            let lang = lang_signal.get();
            compared_signal.with(|list| {
                list.iter()
                    .map(|c| legend_label(words::short_name(&c.title, &c.scenario, lang)))
                    .collect::<Arc<[String]>>()
            })
        });
        // A summary equal to the last one (a lever that moved nothing) is
        // no change, so the headline figures are left alone.
        let summary = Memo::new(move |_| {
            rerun(Node::Frame);
            run.with(|r| timing::measure(Part::Headline, || r.summary()))
        });
        let baseline_summary = Memo::new(move |_| {
            baseline_run.with(|r| timing::measure(Part::Headline, || r.summary()))
        });
        let record = Memo::new_with_compare(
            move |_| {
                rerun(Node::Rest);
                if !first_screen_done.get() {
                    return Arc::new(Vec::new());
                }
                // At rest the run is of the settled scenario: the record
                // follows it, not every frame of a drag.
                settled.track();
                run.with_untracked(|r| {
                    Arc::new(timing::measure(Part::Record, || record::compare(r)))
                })
            },
            |_, _| true,
        );
        // The model's rule (`Scenario::letter_scope_penalties`), timed as
        // a run of the model.
        let letter_scope_penalties = Memo::new(move |_| {
            rerun(Node::Frame);
            scenario_signal.with(|s| {
                summary.with(|m| timing::measure(Part::Model, || s.letter_scope_penalties(m)))
            })
        });
        // Unpinned, the baseline is the world's defaults over the
        // scenario's horizon: the scenario is its baseline when no lever
        // but the horizon's end differs from its default, which the
        // levers' marks say without building a scenario.
        let until = doorstroom_model::Named::Until as usize;
        let marks_but_end: Vec<Memo<bool>> = lever_state
            .changed
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != until)
            .map(|(_, &m)| m)
            .collect();
        let at_world_defaults = Memo::new(move |_| marks_but_end.iter().all(|m| !m.get()));
        let is_baseline = Memo::new(move |_| {
            rerun(Node::Frame);
            if baseline_signal.with(Option::is_none) {
                return at_world_defaults.get();
            }
            scenario_signal.with(|s| baseline_signal.with(|p| *s == baseline_for(p.as_ref(), s)))
        });
        let history = RwSignal::new(History::new(scenario.clone()));
        let is_default = {
            let marks = lever_state.changed.clone();
            Memo::new(move |_| marks.iter().all(|m| !m.get()))
        };
        Self {
            levers: StoredValue::new(lever_state),
            scenario: scenario_signal,
            settled,
            end,
            from,
            is_default,
            page,
            bands: RwSignal::new(None),
            warnings: RwSignal::new(warnings),
            loaded: StoredValue::new(scenario),
            history,
            dragging,
            first_screen_done,
            pending: StoredValue::new(None),
            pacer: StoredValue::new(Pacer::new()),
            timer_set: StoredValue::new(false),
            run,
            baseline_run,
            compared_runs,
            summary,
            baseline_summary,
            compared_summaries,
            compared_labels,
            record,
            letter_scope_penalties,
            is_baseline,
            can_undo: Memo::new(move |_| history.with(History::can_undo)),
            can_redo: Memo::new(move |_| history.with(History::can_redo)),
        }
    }

    /// The scenario on screen: follows the sliders frame by frame. Only
    /// what shows the scenario as a whole reads it; a lever's own nodes
    /// read [`Store::lever`].
    pub fn scenario(&self) -> Memo<Scenario> {
        self.scenario
    }

    /// The scenario when the hand rests: the scenario on screen, except
    /// during a drag, when it holds the one before the drag. What is read
    /// at rest follows it (tables, comparison, summaries, words, handout,
    /// the bands' scheduling), so a drag's frames leave it alone.
    pub fn settled(&self) -> Memo<Scenario> {
        self.settled
    }

    /// The day the levers act from: its lever's value alone.
    pub fn levers_from(&self) -> Memo<Date> {
        self.from
    }

    /// The horizon's end: its lever's value alone.
    pub fn end_day(&self) -> Memo<Date> {
        self.end
    }

    /// The run's first day (no lever sets it).
    pub fn start_day(&self) -> ReadSignal<Date> {
        self.levers.with_value(|l| l.start.read_only())
    }

    /// Whether `s` is the scenario the page was opened with.
    pub fn is_loaded(&self, s: &Scenario) -> bool {
        self.loaded.with_value(|loaded| loaded == s)
    }

    /// Whether every lever is at its default in the world on screen: from
    /// the levers' "changed" marks, so it re-runs when one of them flips.
    pub fn is_default(&self) -> Memo<bool> {
        self.is_default
    }

    /// The value of lever `index` (its place in the lever table).
    pub fn lever(&self, index: usize) -> RwSignal<LeverValue> {
        self.levers.with_value(|l| l.values[index])
    }

    /// The world on screen (today's outlook, or the letter's), whose
    /// defaults the levers are "changed" against.
    pub fn world(&self) -> Memo<World> {
        self.levers.with_value(|l| l.world)
    }

    /// Whether lever `index` differs from its default in the world on
    /// screen (today's outlook, or the letter's).
    pub fn lever_changed(&self, index: usize) -> Memo<bool> {
        self.levers.with_value(|l| l.changed[index])
    }

    /// Sets the scenario lever by lever: only the levers that moved
    /// notify their readers.
    fn set_scenario(&self, next: &Scenario) {
        self.levers.with_value(|l| l.set(next));
    }

    /// The pinned baseline, or `None` for the default scenario.
    pub fn pinned(&self) -> ReadField<Option<Scenario>> {
        ReadField::new(self.page.baseline())
    }

    /// The baseline's title (empty: none).
    pub fn baseline_title(&self) -> ReadField<String> {
        ReadField::new(self.page.baseline_title())
    }

    /// The other pinned scenarios, with their titles.
    pub fn compared(&self) -> ReadField<Vec<Compared>> {
        ReadField::new(self.page.compared())
    }

    /// The scenario's own title and note (empty: none).
    pub fn title(&self) -> ReadField<String> {
        ReadField::new(self.page.title())
    }

    pub fn note(&self) -> ReadField<String> {
        ReadField::new(self.page.note())
    }

    /// How many scenarios are pinned, the baseline included.
    pub fn pinned_count(&self) -> usize {
        usize::from(self.page.baseline().with(Option::is_some))
            + self.page.compared().with(Vec::len)
    }

    pub fn lang(&self) -> ReadField<Lang> {
        ReadField::new(self.page.lang())
    }

    /// The uncertainty bands' settings (on or off, runs, seed, spreads).
    pub fn band_settings(&self) -> ReadField<BandSettings> {
        ReadField::new(self.page.bands())
    }

    /// Changes the bands' settings: a change of view, in the same history
    /// entry, as the language is.
    pub fn set_band_settings(&self, settings: BandSettings) {
        let (settings, _) = settings.validated();
        if settings != self.page.bands().get_untracked() {
            self.page.bands().set(settings);
            self.address_changed(Change::Relabel);
        }
    }

    /// The newest finished bands, whatever they are of.
    pub fn bands_done(&self) -> ReadSignal<Option<BandsOf>> {
        self.bands.read_only()
    }

    /// Bands the workers finished.
    pub fn set_bands_done(&self, done: Option<BandsOf>) {
        self.bands.set(done);
    }

    /// Whether bands are being computed for what is on screen: they are
    /// on, the first screen is painted, and the newest finished bands are
    /// not of the scenario and settings shown. Derived, never set.
    pub fn bands_busy(&self) -> bool {
        let settings = self.page.bands().get();
        settings.on
            && self.first_screen_done.get()
            && !self.bands.with(|b| {
                b.as_ref().is_some_and(|b| {
                    b.settings == settings && self.scenario.with(|s| b.scenario == *s)
                })
            })
    }

    /// The bands of what is on screen: the newest finished bands if they
    /// are of the scenario and settings shown and bands are on, else none
    /// (bands of a scenario the screen has left are never drawn).
    pub fn current_bands(&self) -> Option<Arc<Bands>> {
        let settings = self.page.bands().get();
        if !settings.on {
            return None;
        }
        self.bands.with(|b| {
            b.as_ref()
                .filter(|b| b.settings == settings && self.scenario.with(|s| b.scenario == *s))
                .map(|b| Arc::clone(&b.bands))
        })
    }

    /// Whether the published figures are hidden on the charts.
    pub fn hide_published(&self) -> ReadField<bool> {
        ReadField::new(self.page.hide_published())
    }

    /// Shows or hides the published figures; a view setting, so the same
    /// history entry, like the language.
    pub fn set_hide_published(&self, hide: bool) {
        self.page.hide_published().set(hide);
        self.address_changed(Change::Relabel);
    }

    /// What reading the link changed; the notice shows these until dismissed.
    pub fn warnings(&self) -> ReadSignal<Vec<LinkWarning>> {
        self.warnings.read_only()
    }

    pub fn dismiss_warnings(&self) {
        self.warnings.set(Vec::new());
    }

    /// Whether a drag is under way (from its first input to its commit):
    /// the headline figures are marked busy meanwhile, so that a screen
    /// reader announces where the drag ended rather than every step.
    pub fn dragging(&self) -> ReadSignal<bool> {
        self.dragging.read_only()
    }

    /// Whether the first screen has been painted: until then the pinned
    /// scenarios' runs and the record are empty, the bands wait and what
    /// lies below the first screen is not built.
    pub fn first_screen_done(&self) -> ReadSignal<bool> {
        self.first_screen_done.read_only()
    }

    /// Lets what waited for the first screen follow (once; see `App`).
    pub fn finish_first_screen(&self) {
        if !self.first_screen_done.get_untracked() {
            self.first_screen_done.set(true);
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
            timing::change_begins();
            self.set_scenario(&next);
            self.address_changed(Change::Drag);
        }
    }

    /// The end of a drag or a committed field: one undo step.
    pub fn commit(&self) {
        self.flush();
        let current = self.scenario.get_untracked();
        let stepped = self
            .history
            .try_update(|h| {
                h.commit_at(current, js_sys::Date::now(), crate::state::pacer::BURST_MS)
            })
            .unwrap_or(false);
        if stepped || self.dragging.get_untracked() {
            self.address_changed(Change::Settled);
        }
        if self.dragging.get_untracked() {
            self.dragging.set(false);
        }
    }

    /// A discrete change (a preset, a reset, a typed value): at once, as one step.
    pub fn apply(&self, scenario: Scenario) {
        self.pending.set_value(None);
        if scenario != self.scenario.get_untracked() {
            timing::change_begins();
            self.set_scenario(&scenario);
        }
        self.commit();
    }

    pub fn undo(&self) {
        self.commit();
        if let Some(previous) = self.history.try_update(|h| h.undo()).flatten() {
            self.set_scenario(&previous);
            self.address_changed(Change::Settled);
        }
    }

    pub fn redo(&self) {
        self.commit();
        if let Some(next) = self.history.try_update(|h| h.redo()).flatten() {
            self.set_scenario(&next);
            self.address_changed(Change::Settled);
        }
    }

    pub fn reset_to_loaded(&self) {
        self.apply(self.loaded.get_value());
    }

    /// Back to the defaults of the world on screen (today's outlook, or
    /// the letter's world in its preset).
    pub fn reset_to_default(&self) {
        self.apply(self.scenario.with_untracked(Scenario::world_defaults));
    }

    /// Pins the scenario on screen, with its title, to compare (up to
    /// [`MAX_PINNED`] in all). Pinning never changes the baseline: that is
    /// chosen ([`Store::choose_baseline`]). A scenario already pinned is
    /// not pinned twice.
    pub fn pin(&self) {
        self.commit();
        if !self.can_pin() {
            return;
        }
        let current = self.scenario.get_untracked();
        let title = self.page.title().get_untracked();
        self.page.compared().update(|c| {
            c.push(Compared {
                scenario: current,
                title,
            })
        });
        self.address_changed(Change::Settled);
    }

    /// Whether the scenario on screen can be pinned: there is room, and it
    /// is neither the default nor pinned already.
    pub fn can_pin(&self) -> bool {
        let current = self.scenario.get();
        let pinned_already = self.page.baseline().with(|b| b.as_ref() == Some(&current))
            || self
                .page
                .compared()
                .with(|c| c.iter().any(|c| c.scenario == current));
        let count = usize::from(self.page.baseline().with(Option::is_some))
            + self.page.compared().with(Vec::len);
        !pinned_already
            && count < MAX_PINNED
            && (current != current.world_defaults() || !self.page.title().with(String::is_empty))
    }

    /// Chooses the baseline: pinned scenario `i` of the compared ones, or
    /// (`None`) the page's own (the defaults of the scenario's world). The
    /// a later day). The pinned scenario that was the baseline stays
    /// pinned, as a compared one in the chosen one's place (or first).
    pub fn choose_baseline(&self, choice: Option<usize>) {
        self.commit();
        let old = self
            .page
            .baseline()
            .get_untracked()
            .map(|scenario| Compared {
                scenario,
                title: self.page.baseline_title().get_untracked(),
            });
        let mut compared = self.page.compared().get_untracked();
        let chosen = match choice {
            Some(i) if i < compared.len() => {
                let chosen = compared.remove(i);
                if let Some(old) = old {
                    compared.insert(i, old);
                }
                Some(chosen)
            }
            Some(_) => return,
            None => {
                if let Some(old) = old {
                    compared.insert(0, old);
                }
                None
            }
        };
        let (scenario, title) = chosen.map(|c| (c.scenario, c.title)).unzip();
        self.page.baseline().set(scenario);
        self.page.baseline_title().set(title.unwrap_or_default());
        self.page.compared().set(compared);
        self.address_changed(Change::Settled);
    }

    /// Unpins the baseline: the page's own baseline is used again, and the
    /// other pinned scenarios stay as they are.
    pub fn unpin(&self) {
        self.commit();
        self.page.baseline().set(None);
        self.page.baseline_title().set(String::new());
        self.address_changed(Change::Settled);
    }

    /// Unpins the `i`-th other pinned scenario.
    pub fn unpin_compared(&self, i: usize) {
        if i < self.page.compared().with_untracked(Vec::len) {
            self.page.compared().update(|c| {
                c.remove(i);
            });
            self.address_changed(Change::Settled);
        }
    }

    /// Renames pinned scenario `i` (0: the baseline, then the others).
    pub fn rename_pinned(&self, i: usize, title: &str) {
        let key = if i == 0 {
            doorstroom_address::BASE_TITLE_KEY
        } else {
            doorstroom_address::COMPARED_KEYS[(i - 1).min(MAX_PINNED - 2)].1
        };
        let title = self.tidied(title, key, TITLE_LIMIT);
        if i == 0 {
            if self.page.baseline().with_untracked(Option::is_some) {
                self.page.baseline_title().set(title);
            }
        } else {
            self.page.compared().update(|c| {
                if let Some(c) = c.get_mut(i - 1) {
                    c.title = title;
                }
            });
        }
        self.address_changed(Change::Settled);
    }

    /// A typed title or note as the link keeps it; what had to be cut off
    /// (a title in emoji costs more of the link than one in letters) is
    /// said in the notice, as it is for a link.
    fn tidied(&self, text: &str, key: &'static str, limit: TextLimit) -> String {
        let (kept, cut) = tidy_text(text, limit);
        if let Some(cut) = cut {
            self.warnings
                .set(vec![LinkWarning::Page(PageWarning::Shortened(key, cut))]);
        }
        kept
    }

    /// Sets the scenario's own title.
    pub fn set_title(&self, title: &str) {
        let title = self.tidied(title, doorstroom_address::TITLE_KEY, TITLE_LIMIT);
        self.page.title().set(title);
        self.address_changed(Change::Settled);
    }

    /// Sets the scenario's one-line note.
    pub fn set_note(&self, note: &str) {
        let note = self.tidied(note, doorstroom_address::NOTE_KEY, NOTE_LIMIT);
        self.page.note().set(note);
        self.address_changed(Change::Settled);
    }

    /// Shows a scenario with its title (a step of a deck): one discrete
    /// change, like a preset.
    pub fn show(&self, scenario: Scenario, title: String) {
        if title != self.page.title().get_untracked() {
            self.page.title().set(title);
        }
        self.apply(scenario);
        self.address_changed(Change::Settled);
    }

    /// Shows what an opened briefing holds (its scenario, title, note,
    /// baseline and pinned scenarios; the view's settings stay): one
    /// change, in a new history entry, so that Back returns to what was on
    /// screen before.
    pub fn open(&self, state: PageState) {
        self.pending.set_value(None);
        let (scenario, fields) = PageFields::split(state);
        self.page.patch(fields);
        self.apply(scenario);
        self.address_changed(Change::Settled);
    }

    /// Whether the page holds anything a reader made: pinned scenarios, a
    /// title or note, or a scenario other than the default.
    pub fn holds_work(&self) -> bool {
        self.pinned_count_untracked() > 0
            || !self.page.title().with_untracked(String::is_empty)
            || !self.page.note().with_untracked(String::is_empty)
            || self.scenario.with_untracked(|s| *s != s.world_defaults())
    }

    fn pinned_count_untracked(&self) -> usize {
        usize::from(self.page.baseline().with_untracked(Option::is_some))
            + self.page.compared().with_untracked(Vec::len)
    }

    /// Switches the language; the same history entry, since the scenario
    /// did not change.
    pub fn set_lang(&self, lang: Lang) {
        self.page.lang().set(lang);
        self.address_changed(Change::Relabel);
    }

    /// Back or Forward: show what the address says, with what reading it
    /// repaired, and make it the committed state, so that undo steps back
    /// from there.
    pub fn restore_from_location(&self) {
        self.pending.set_value(None);
        self.pacer.update_value(Pacer::navigated);
        let (state, warnings) = PageState::read(&location::query());
        let (scenario, fields) = PageFields::split(state);
        // One patch: only the fields the address changed notify.
        self.page.patch(fields);
        if scenario != self.scenario.get_untracked() {
            self.set_scenario(&scenario);
        }
        if !warnings.is_empty() {
            self.warnings.set(warnings);
        }
        self.history.update(|h| {
            h.commit(scenario);
        });
    }

    /// The page's state as its address says it.
    pub fn page_state(&self) -> PageState {
        self.page
            .get_untracked()
            .with_scenario(self.scenario.get_untracked())
    }

    /// Subscribes the running effect or memo to everything the link holds
    /// besides the scenario's levers (titles, note, pinned scenarios,
    /// language, bands' settings, switches): what follows the link at rest
    /// tracks the levers' settled value itself and calls this for the rest.
    pub fn track_page_state(&self) {
        self.page.track();
    }

    /// The link to what is on screen, built from the state (never read back
    /// from the address bar, which may lag behind).
    pub fn link(&self) -> String {
        location::link(&self.page_state().to_query())
    }

    /// Tells the pacer the address should change, and does what it says.
    fn address_changed(&self, change: Change) {
        let now = js_sys::Date::now();
        let plan = self
            .pacer
            .try_update_value(|p| p.change(change, now))
            .unwrap_or(Plan::Idle);
        self.follow(plan);
    }

    fn follow(&self, mut plan: Plan) {
        loop {
            match plan {
                Plan::Write(entry) => {
                    let held = timing::measure(Part::Address, || {
                        location::write(&self.page_state().to_query(), entry)
                    });
                    let now = js_sys::Date::now();
                    plan = self
                        .pacer
                        .try_update_value(|p| p.written(entry, held, now))
                        .unwrap_or(Plan::Idle);
                }
                Plan::WaitUntil(at) => {
                    if !self.timer_set.get_value() {
                        self.timer_set.set_value(true);
                        let store = *self;
                        let wait = (at - js_sys::Date::now()).max(0.0);
                        set_timeout(
                            move || {
                                if store.timer_set.try_set_value(false).is_some() {
                                    return;
                                }
                                let now = js_sys::Date::now();
                                if let Some(plan) = store.pacer.try_update_value(|p| p.tick(now)) {
                                    store.follow(plan);
                                }
                            },
                            std::time::Duration::from_millis(wait.ceil() as u64),
                        );
                    }
                    return;
                }
                Plan::Idle => return,
            }
        }
    }
}

/// The store of the page, provided by the app.
pub fn use_store() -> Store {
    expect_context::<Store>()
}
