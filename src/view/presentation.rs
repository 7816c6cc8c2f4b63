//! Presentation mode, for a projector at the front of a meeting room: the
//! page full screen (or filling the window when the browser refuses), type
//! large enough to read from the back (`:root.presenting` in the style
//! sheet), the charts in their large theme, the controls reduced to the
//! headline levers in one bar, two charts chosen by the presenter as large
//! as the screen allows, and a deck: the pinned scenarios and the one on
//! screen, stepped through with the arrow keys or a clicker (Page Up /
//! Page Down). Stepping changes the scenario in place, so each chart is
//! redrawn on its own canvas: no frame without charts between two steps.
//!
//! `F` (or the button) enters, `Esc` (or the button) leaves.

use doorstroom_charts::Chart;
use doorstroom_model::{Scenario, Text, t};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::state::{Store, use_store};
use crate::view_model::words::{name, short_name};

pub const PRESENT: Text = t("Presenteren", "Present");
pub const PRESENT_HELP: Text = t(
    "Volledig scherm met grote letters en de vastgezette scenario's als dia's (toets F; Esc verlaat).",
    "Full screen with large type and the pinned scenarios as slides (key F; Esc leaves).",
);
const LEAVE: Text = t("Presentatie verlaten (Esc)", "Leave presentation (Esc)");
/// The way out as the bar shows it: short, so the bar keeps room for the
/// slide's title and both pickers.
const LEAVE_SHORT: Text = t("Verlaten (Esc)", "Leave (Esc)");
const PREVIOUS: Text = t("Vorige", "Previous");
const NEXT: Text = t("Volgende", "Next");
const LEFT_CHART: Text = t("Grafiek links", "Left chart");
const RIGHT_CHART: Text = t("Grafiek rechts", "Right chart");
const NO_FULLSCREEN: Text = t(
    "Volledig scherm werd geweigerd; de presentatie vult het venster (F11 maakt het scherm vol).",
    "Full screen was refused; the presentation fills the window (F11 fills the screen).",
);
const DECK: Text = t("Scenario", "Scenario");

/// The class on `<html>` while presenting: the style sheet scales the type.
const PRESENTING_CLASS: &str = "presenting";

const PIPELINE_TITLE: Text = t("Waar de zaken zijn", "Where the cases are");

/// What a slot of presentation mode shows: one of the four charts, or the
/// pipeline's picture (src/view/pipeline.rs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    Chart(Chart),
    Pipeline,
}

impl Shown {
    pub const ALL: [Shown; 5] = [
        Shown::Chart(Chart::ALL[0]),
        Shown::Chart(Chart::ALL[1]),
        Shown::Chart(Chart::ALL[2]),
        Shown::Chart(Chart::ALL[3]),
        Shown::Pipeline,
    ];

    /// Its id in the chooser and in a briefing file: a chart's own id.
    pub fn id(self) -> &'static str {
        match self {
            Shown::Chart(c) => c.id(),
            Shown::Pipeline => "pipeline",
        }
    }

    pub fn from_id(id: &str) -> Option<Shown> {
        Shown::ALL.into_iter().find(|s| s.id() == id)
    }

    pub fn title(self, lang: doorstroom_model::Lang) -> &'static str {
        match self {
            Shown::Chart(c) => c.title(lang),
            Shown::Pipeline => PIPELINE_TITLE.get(lang),
        }
    }
}

/// One slide of the deck: a scenario and its title.
#[derive(Clone, Debug, PartialEq)]
pub struct Slide {
    pub scenario: Scenario,
    pub title: String,
}

/// The state of presentation mode, shared through context.
#[derive(Clone, Copy)]
pub struct Presentation {
    pub on: RwSignal<bool>,
    /// The two charts on screen, chosen by the presenter.
    pub charts: RwSignal<[Shown; 2]>,
    pub deck: RwSignal<Vec<Slide>>,
    /// The deck of an opened briefing file (up to twelve slides, in its
    /// order): presented instead of the pinned scenarios while it is set.
    pub loaded: RwSignal<Option<Vec<Slide>>>,
    /// The opened briefing's own title, kept for saving it again.
    pub loaded_title: RwSignal<String>,
    pub step: RwSignal<usize>,
    /// Whether the page went full screen (so leaving full screen leaves).
    fullscreen: RwSignal<bool>,
    notice: RwSignal<Option<Text>>,
}

/// The deck: the baseline, the other pinned scenarios, then the scenario on
/// screen unless it is one of them; and the step of the scenario on screen.
pub fn deck(baseline: Option<Slide>, compared: Vec<Slide>, current: Slide) -> (Vec<Slide>, usize) {
    let mut slides: Vec<Slide> = baseline.into_iter().chain(compared).collect();
    let step = match slides.iter().position(|s| s.scenario == current.scenario) {
        Some(i) => i,
        None => {
            slides.push(current);
            slides.len() - 1
        }
    };
    (slides, step)
}

/// The step after `key` from `step` in a deck of `len`, if the key steps.
pub fn step_for(key: &str, step: usize, len: usize) -> Option<usize> {
    let last = len.checked_sub(1)?;
    match key {
        "ArrowRight" | "ArrowDown" | "PageDown" | " " => Some((step + 1).min(last)),
        "ArrowLeft" | "ArrowUp" | "PageUp" => Some(step.saturating_sub(1)),
        "Home" => Some(0),
        "End" => Some(last),
        _ => None,
    }
}

fn root() -> Option<web_sys::Element> {
    document().document_element()
}

fn fullscreen_element() -> bool {
    js_sys::Reflect::get(&document(), &JsValue::from_str("fullscreenElement"))
        .map(|e| !e.is_null() && !e.is_undefined())
        .unwrap_or(false)
}

/// Asks for full screen; resolves to whether the browser granted it.
async fn request_fullscreen() -> bool {
    let Some(root) = root() else { return false };
    let Ok(function) = js_sys::Reflect::get(&root, &JsValue::from_str("requestFullscreen")) else {
        return false;
    };
    let Some(function) = function.dyn_ref::<js_sys::Function>() else {
        return false;
    };
    match function.call0(&root) {
        Ok(promise) => match promise.dyn_into::<js_sys::Promise>() {
            Ok(promise) => JsFuture::from(promise).await.is_ok(),
            Err(_) => fullscreen_element(),
        },
        Err(_) => false,
    }
}

fn exit_fullscreen() {
    if !fullscreen_element() {
        return;
    }
    if let Ok(function) = js_sys::Reflect::get(&document(), &JsValue::from_str("exitFullscreen"))
        && let Some(function) = function.dyn_ref::<js_sys::Function>()
        && let Ok(promise) = function.call0(&document())
        && let Ok(promise) = promise.dyn_into::<js_sys::Promise>()
    {
        // Leaving full screen may be refused too; the page leaves
        // presentation mode either way.
        leptos::task::spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}

impl Presentation {
    pub fn new() -> Self {
        Presentation {
            on: RwSignal::new(false),
            charts: RwSignal::new([Shown::Chart(Chart::Backlog), Shown::Chart(Chart::Costs)]),
            deck: RwSignal::new(Vec::new()),
            loaded: RwSignal::new(None),
            loaded_title: RwSignal::new(String::new()),
            step: RwSignal::new(0),
            fullscreen: RwSignal::new(false),
            notice: RwSignal::new(None),
        }
    }

    pub fn enter(&self, store: Store) {
        if self.on.get_untracked() {
            return;
        }
        let (slides, step) = self.slides(store);
        self.deck.set(slides);
        self.step.set(step);
        self.notice.set(None);
        // A deck opens at its first slide, as a talk starts at its first.
        if step != 0 {
            self.go(store, 0);
        }
        if let Some(root) = root() {
            let _ = root.class_list().add_1(PRESENTING_CLASS);
        }
        self.on.set(true);
        let this = *self;
        leptos::task::spawn_local(async move {
            let granted = request_fullscreen().await;
            this.fullscreen.set(granted);
            if !granted {
                this.notice.set(Some(NO_FULLSCREEN));
            }
        });
    }

    /// The deck as it would be presented now, and the step of the scenario
    /// on screen: an opened briefing's, else the pinned scenarios and the
    /// one on screen.
    pub fn slides(&self, store: Store) -> (Vec<Slide>, usize) {
        let current = Slide {
            scenario: store.scenario().get_untracked(),
            title: store.title().get_untracked(),
        };
        if let Some(loaded) = self.loaded.get_untracked().filter(|l| !l.is_empty()) {
            let step = loaded
                .iter()
                .position(|s| s.scenario == current.scenario)
                .unwrap_or(0);
            return (loaded, step);
        }
        let baseline_slide = store.pinned().get_untracked().map(|scenario| Slide {
            scenario,
            title: store.baseline_title().get_untracked(),
        });
        let compared = store
            .compared()
            .get_untracked()
            .into_iter()
            .map(|c| Slide {
                scenario: c.scenario,
                title: c.title,
            })
            .collect();
        deck(baseline_slide, compared, current)
    }

    pub fn leave(&self) {
        if !self.on.get_untracked() {
            return;
        }
        self.on.set(false);
        self.fullscreen.set(false);
        if let Some(root) = root() {
            let _ = root.class_list().remove_1(PRESENTING_CLASS);
        }
        exit_fullscreen();
    }

    /// Shows slide `step` of the deck.
    pub fn go(&self, store: Store, step: usize) {
        let Some(slide) = self.deck.with_untracked(|d| d.get(step).cloned()) else {
            return;
        };
        self.step.set(step);
        store.show(slide.scenario, slide.title);
    }
}

impl Default for Presentation {
    fn default() -> Self {
        Self::new()
    }
}

/// Presentation mode, if the page provides it (the browser tests mount
/// parts of the page without it).
pub fn use_presentation() -> Option<Presentation> {
    use_context::<Presentation>()
}

/// Whether a key event belongs to a control that uses the key itself.
fn for_a_control(event: &web_sys::KeyboardEvent) -> bool {
    let Some(target) = event.target() else {
        return false;
    };
    target.dyn_ref::<web_sys::HtmlInputElement>().is_some()
        || target.dyn_ref::<web_sys::HtmlSelectElement>().is_some()
        || target.dyn_ref::<web_sys::HtmlTextAreaElement>().is_some()
        || target.dyn_ref::<web_sys::HtmlCanvasElement>().is_some()
}

/// The keys of presentation mode, on the window while the app is mounted.
pub fn install(store: Store, p: Presentation) {
    let keys = window_event_listener(ev::keydown, move |event| {
        if event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        let key = event.key();
        let on = p.on.get_untracked();
        if key == "Escape" && on {
            event.prevent_default();
            p.leave();
            return;
        }
        // A clicker's Page Up / Page Down always steps, wherever the focus
        // is; other keys only when no control wants them.
        let page_key = key == "PageUp" || key == "PageDown";
        if for_a_control(&event) && !(on && page_key) {
            return;
        }
        if key.eq_ignore_ascii_case("f") {
            event.prevent_default();
            if on {
                p.leave()
            } else {
                p.enter(store)
            }
            return;
        }
        if !on {
            return;
        }
        let len = p.deck.with_untracked(Vec::len);
        if let Some(next) = step_for(&key, p.step.get_untracked(), len) {
            event.prevent_default();
            if next != p.step.get_untracked() {
                p.go(store, next);
            }
        }
    });
    // Esc in full screen is the browser's: it leaves full screen without a
    // key event, so leaving full screen leaves presentation mode.
    let change = window_event_listener(
        ev::Custom::<web_sys::Event>::new("fullscreenchange"),
        move |_| {
            if p.fullscreen.get_untracked() && !fullscreen_element() {
                p.leave();
            }
        },
    );
    on_cleanup(move || {
        keys.remove();
        change.remove();
    });
}

/// The presenter's bar: the deck's step and title, the chart choice, and
/// the way out.
#[component]
pub fn PresentationBar() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let p = expect_context::<Presentation>();
    let text = move |t: Text| move || t.get(lang.get());
    let len = move || p.deck.with(Vec::len);
    // The slide's title is its short name (at most two lines on screen);
    // the whole list of changes is its tooltip.
    let title = move || {
        let lang = lang.get();
        p.deck.with(|d| {
            d.get(p.step.get())
                .map(|s| short_name(&s.title, &s.scenario, lang))
                .unwrap_or_default()
        })
    };
    let full_title = move || {
        let lang = lang.get();
        p.deck.with(|d| {
            d.get(p.step.get())
                .map(|s| name(&s.title, Some(&s.scenario), lang))
                .unwrap_or_default()
        })
    };
    let chooser = move |slot: usize, label: Text| {
        let options = Shown::ALL
            .into_iter()
            .map(|c| {
                view! {
                    <option value=c.id() selected=move || p.charts.get()[slot] == c>
                        {move || c.title(lang.get())}
                    </option>
                }
            })
            .collect_view();
        view! {
            <label class="chart-choice" title=text(label)>
                <span>{text(label)}</span>
                <select
                    aria-label=text(label)
                    data-testid=format!("present-chart-{slot}")
                    on:change=move |ev| {
                        let id = event_target_value(&ev);
                        if let Some(c) = Shown::from_id(&id) {
                            p.charts.update(|charts| charts[slot] = c);
                        }
                    }
                >
                    {options}
                </select>
            </label>
        }
    };
    view! {
        <Show when=move || p.on.get()>
            <div class="presentation-bar" data-testid="presentation-bar">
                <div class="deck-step">
                    <button type="button" on:click=move |_| {
                        p.go(store, p.step.get_untracked().saturating_sub(1))
                    } aria-label=text(PREVIOUS)>
                        <span aria-hidden="true">"‹"</span>
                    </button>
                    <span class="deck-count" data-testid="deck-step">
                        <span class="visually-hidden">{text(DECK)}" "</span>
                        {move || format!("{} / {}", p.step.get() + 1, len())}
                    </span>
                    <button type="button" on:click=move |_| {
                        let next = (p.step.get_untracked() + 1).min(len().saturating_sub(1));
                        p.go(store, next)
                    } aria-label=text(NEXT)>
                        <span aria-hidden="true">"›"</span>
                    </button>
                </div>
                <h2 class="deck-title" data-testid="deck-title" title=full_title>{title}</h2>
                {chooser(0, LEFT_CHART)}
                {chooser(1, RIGHT_CHART)}
                <button type="button" class="leave" data-testid="leave-presentation" title=text(LEAVE) on:click=move |_| p.leave()>
                    {text(LEAVE_SHORT)}
                </button>
                {move || p.notice.get().map(|n| view! { <p class="present-notice" role="status">{n.get(lang.get())}</p> })}
            </div>
        </Show>
    }
}

/// The button that enters presentation mode.
#[component]
pub fn PresentButton() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let p = expect_context::<Presentation>();
    view! {
        <button
            type="button"
            data-testid="present"
            aria-keyshortcuts="F"
            title=move || PRESENT_HELP.get(lang.get())
            on:click=move |_| p.enter(store)
        >
            {move || PRESENT.get(lang.get())}
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_can_be_presented_is_every_chart_and_the_pipeline_by_distinct_ids() {
        for c in Chart::ALL {
            assert!(Shown::ALL.contains(&Shown::Chart(c)), "{c:?}");
        }
        for s in Shown::ALL {
            assert_eq!(Shown::from_id(s.id()), Some(s));
        }
        assert_eq!(Shown::from_id("pipeline"), Some(Shown::Pipeline));
        assert_eq!(Shown::from_id("pie"), None);
    }

    fn slide(q: &str, title: &str) -> Slide {
        Slide {
            scenario: Scenario::from_query(q).0,
            title: title.to_owned(),
        }
    }

    #[test]
    fn the_deck_is_the_pinned_scenarios_then_the_one_on_screen() {
        let (d, step) = deck(
            Some(slide("intake=77000", "Hoog")),
            vec![slide("intake=49000", "Laag")],
            slide("fte=700", ""),
        );
        assert_eq!(d.len(), 3);
        assert_eq!(step, 2);
        let (d, step) = deck(
            Some(slide("intake=77000", "Hoog")),
            vec![slide("intake=49000", "Laag")],
            slide("intake=49000", ""),
        );
        assert_eq!((d.len(), step), (2, 1));
        let (d, step) = deck(None, Vec::new(), slide("", ""));
        assert_eq!((d.len(), step), (1, 0));
    }

    #[test]
    fn keys_step_within_the_deck() {
        assert_eq!(step_for("PageDown", 0, 4), Some(1));
        assert_eq!(step_for("ArrowRight", 3, 4), Some(3));
        assert_eq!(step_for("PageUp", 0, 4), Some(0));
        assert_eq!(step_for("ArrowLeft", 2, 4), Some(1));
        assert_eq!(step_for("End", 0, 4), Some(3));
        assert_eq!(step_for("x", 0, 4), None);
        assert_eq!(step_for("PageDown", 0, 0), None);
    }
}
