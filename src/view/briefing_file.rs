//! A briefing as a file (`crates/address/src/briefing.rs`): "Briefing
//! opslaan" writes the deck as it would be presented (an opened briefing's,
//! else the pinned scenarios and the one on screen), its baseline and the
//! two charts chosen for the presentation; "Openen", or dropping the file
//! on the page, reads it as a link is read: what was repaired is listed,
//! and what the reader had is replaced only after a question (and stays
//! one step Back in the browser's history). Everything happens in the
//! page: no request, so it works offline and in the single file.

use doorstroom_address::briefing::{
    Briefing, BriefingError, BriefingScenario, BriefingWarning, MAX_BYTES,
};
use doorstroom_address::{Compared, MAX_PINNED, PageState};
use doorstroom_model::{Lang, Text, t};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::notice_lines::MAX_LISTED;
use crate::platform::download;
use crate::state::{Store, use_store};
use crate::view::presentation::{Presentation, Shown, Slide};

const SAVE: Text = t("Briefing opslaan", "Save briefing");
const SAVE_HELP: Text = t(
    "Bewaar de scenario's van de presentatie, op volgorde, met de basislijn en de gekozen grafieken, als bestand (.doorstroom.json) om later of zonder netwerk te openen.",
    "Save the presentation's scenarios, in order, with the baseline and the chosen charts, as a file (.doorstroom.json) to open later or without a network.",
);
const OPEN: Text = t("Openen", "Open");
const OPEN_HELP: Text = t(
    "Open een briefing (.doorstroom.json); u kunt het bestand ook op de pagina slepen.",
    "Open a briefing (.doorstroom.json); you can also drop the file on the page.",
);
const NO_SCENARIOS: Text = t(
    "De briefing bevat geen scenario's; er is niets veranderd.",
    "The briefing holds no scenarios; nothing was changed.",
);
const KEPT: Text = t(
    "Niet geopend; alles staat nog zoals het was.",
    "Not opened; everything is as it was.",
);

/// The ids of what this release can present: the charts and the pipeline.
fn chart_ids() -> Vec<&'static str> {
    Shown::ALL.iter().map(|c| c.id()).collect()
}

/// The briefing of what the page would present now.
pub fn briefing_of(store: Store, p: Presentation) -> Briefing {
    let (slides, _) = p.slides(store);
    let current = store.scenario().get_untracked();
    let note = store.note().get_untracked();
    let baseline = store
        .pinned()
        .get_untracked()
        .and_then(|b| slides.iter().position(|s| s.scenario == b));
    let title = Some(p.loaded_title.get_untracked())
        .filter(|t| !t.is_empty() && p.loaded.with_untracked(Option::is_some))
        .unwrap_or_else(|| store.title().get_untracked());
    Briefing {
        title,
        note: String::new(),
        baseline,
        charts: p
            .charts
            .get_untracked()
            .iter()
            .map(|c| c.id().to_owned())
            .collect(),
        scenarios: slides
            .into_iter()
            .map(|s| BriefingScenario {
                note: if s.scenario == current {
                    note.clone()
                } else {
                    String::new()
                },
                scenario: s.scenario,
                title: s.title,
            })
            .collect(),
    }
}

/// The page's state for an opened briefing: its first scenario on screen,
/// its baseline pinned (if it names one), the others pinned beside it as
/// far as the charts have room; the view's settings as they are.
fn state_of(b: &Briefing, now: PageState) -> Option<PageState> {
    let first = b.scenarios.first()?;
    let baseline = b.baseline.and_then(|i| b.scenarios.get(i));
    let room = MAX_PINNED - usize::from(baseline.is_some());
    let compared = b
        .scenarios
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(i, _)| Some(*i) != b.baseline)
        .take(room)
        .map(|(_, s)| Compared {
            scenario: s.scenario.clone(),
            title: s.title.clone(),
        })
        .collect();
    Some(PageState {
        scenario: first.scenario.clone(),
        title: first.title.clone(),
        note: first.note.clone(),
        baseline: baseline.map(|s| s.scenario.clone()),
        baseline_title: baseline.map(|s| s.title.clone()).unwrap_or_default(),
        compared,
        ..now
    })
}

fn confirm(question: &str) -> bool {
    window().confirm_with_message(question).unwrap_or(false)
}

/// Opens a briefing file's text; returns what to tell the reader.
fn open_text(store: Store, p: Presentation, text: &str, lang: Lang) -> Vec<String> {
    let (b, mut warnings) = match Briefing::read(text, &chart_ids()) {
        Ok(read) => read,
        Err(e) => return vec![e.message(lang)],
    };
    let Some(state) = state_of(&b, store.page_state()) else {
        return vec![NO_SCENARIOS.get(lang).to_owned()];
    };
    let name = crate::notice_lines::quote(if b.title.is_empty() {
        &b.scenarios[0].title
    } else {
        &b.title
    });
    if store.holds_work() {
        let question = match lang {
            Lang::Nl => format!(
                "Briefing ‘{name}’ openen ({} scenario's)? Het scenario op het scherm en de vastgezette scenario's worden vervangen; de knop Terug van de browser brengt ze terug.",
                b.scenarios.len()
            ),
            Lang::En => format!(
                "Open briefing ‘{name}’ ({} scenarios)? The scenario on screen and the pinned scenarios are replaced; the browser's Back button brings them back.",
                b.scenarios.len()
            ),
        };
        if !confirm(&question) {
            return vec![KEPT.get(lang).to_owned()];
        }
    }
    store.open(state);
    p.loaded_title.set(b.title.clone());
    p.loaded.set(Some(
        b.scenarios
            .iter()
            .map(|s| Slide {
                scenario: s.scenario.clone(),
                title: s.title.clone(),
            })
            .collect(),
    ));
    let chosen: Vec<Shown> = b
        .charts
        .iter()
        .filter_map(|id| Shown::from_id(id))
        .collect();
    if let [a, b, ..] = chosen[..] {
        p.charts.set([a, b]);
    }
    let mut lines = vec![
        match lang {
            Lang::Nl => format!(
                "Briefing ‘{name}’ geopend: {} scenario's. {}",
                b.scenarios.len(),
                b.note
            ),
            Lang::En => format!(
                "Briefing ‘{name}’ opened: {} scenarios. {}",
                b.scenarios.len(),
                b.note
            ),
        }
        .trim()
        .to_owned(),
    ];
    BriefingWarning::by_weight(&mut warnings);
    lines.extend(warnings.iter().take(MAX_LISTED).map(|w| w.message(lang)));
    let rest = warnings.len().saturating_sub(MAX_LISTED);
    if rest > 0 {
        lines.push(match lang {
            Lang::Nl => format!("en nog {rest}"),
            Lang::En => format!("and {rest} more"),
        });
    }
    lines
}

/// Reads `file` and opens it, telling the reader in `status`.
fn open_file(store: Store, p: Presentation, file: web_sys::File, status: RwSignal<Vec<String>>) {
    let lang = store.lang().get_untracked();
    // A file too large is refused before it is read into memory.
    if file.size() > MAX_BYTES as f64 {
        status.set(vec![
            BriefingError::TooLarge(file.size() as usize).message(lang),
        ]);
        return;
    }
    leptos::task::spawn_local(async move {
        let text = JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|t| t.as_string());
        let lines = match text {
            Some(text) => open_text(store, p, &text, lang),
            None => vec![BriefingError::NotJson.message(lang)],
        };
        status.set(lines);
    });
}

/// The buttons: save and open; and the page as a drop target.
#[component]
pub fn BriefingFile() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let p = expect_context::<Presentation>();
    let status = RwSignal::new(Vec::<String>::new());
    let input = NodeRef::<leptos::html::Input>::new();
    let text = move |t: Text| move || t.get(lang.get());
    let save = move |_| {
        let b = briefing_of(store, p);
        download::offer_text(&b.to_json(), "application/json", &b.file_name());
    };
    let chosen = move |_| {
        let Some(input) = input.get() else { return };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            open_file(store, p, file, status);
        }
        // The same file can be chosen again.
        input.set_value("");
    };
    // A file dropped anywhere on the page opens as if chosen.
    let over = window_event_listener(ev::dragover, |e| {
        if carries_files(&e) {
            e.prevent_default();
        }
    });
    let drop = window_event_listener(ev::drop, move |e| {
        if !carries_files(&e) {
            return;
        }
        e.prevent_default();
        if let Some(file) = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            open_file(store, p, file, status);
        }
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
    view! {
        <button type="button" data-testid="save-briefing" title=text(SAVE_HELP) on:click=save>
            {text(SAVE)}
        </button>
        <label class="file-button" title=text(OPEN_HELP)>
            <span>{text(OPEN)}</span>
            <input
                type="file"
                class="visually-hidden"
                accept=".json,application/json"
                data-testid="open-briefing"
                node_ref=input
                on:change=chosen
            />
        </label>
        <ul class="tool-status briefing-status" role="status" data-testid="briefing-status" hidden=move || status.with(Vec::is_empty)>
            {move || status.get().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
        </ul>
    }
}

fn carries_files(e: &web_sys::DragEvent) -> bool {
    e.data_transfer()
        .map(|d| {
            d.types()
                .iter()
                .any(|t| t.as_string().as_deref() == Some("Files"))
        })
        .unwrap_or(false)
}
