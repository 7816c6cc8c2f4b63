//! What leaves the page: each chart as an image (PNG for slides, SVG for
//! editing) with the scenario and the source on it, the run and each chart's
//! table as spreadsheet files in the reader's language, a table as text for
//! the clipboard, and the caption the handout prints. Everything is made in
//! the page; nothing is fetched.

pub mod clipboard;
pub mod image;
pub mod sheet;

use doorstroom_model::{Date, Lang};
use leptos::prelude::*;

use crate::state::Store;
use crate::view_model::words;

/// Today's date in UTC (the export's date).
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::from_ymd(
        now.get_utc_full_year() as i32,
        now.get_utc_month() + 1,
        now.get_utc_date(),
    )
    // The browser's clock always gives a valid day; the model's start is
    // only a fallback that keeps the type total.
    .unwrap_or(doorstroom_model::Scenario::default().start)
}

/// The caption of the scenario on screen: its title, or what it changes.
pub fn scenario_caption(store: Store, lang: Lang) -> String {
    let title = store.title().get_untracked();
    store
        .scenario()
        .with_untracked(|s| words::caption(&title, s, lang))
}

/// The caption of a picture of the scenario on screen that draws none of
/// the IND's figures (the waterfall, the pipeline): the scenario, and the
/// model, today, as its source.
pub fn model_caption(store: Store, lang: Lang) -> doorstroom_charts::Caption {
    doorstroom_charts::Caption {
        scenario: scenario_caption(store, lang),
        source: doorstroom_charts::source_line(
            lang,
            &crate::format::formats(lang).day(&today()),
            false,
        ),
    }
}

/// The caption of the baseline, or `None` when the scenario is its own.
pub fn baseline_caption(store: Store, lang: Lang) -> Option<String> {
    if store.is_baseline.get_untracked() {
        return None;
    }
    let baseline = store.pinned().get_untracked().unwrap_or_default();
    let title = store.baseline_title().get_untracked();
    Some(words::caption(&title, &baseline, lang))
}

/// The scenario's part of exported file names: its name on screen (its
/// title, or the levers it changes, without their defaults), so that two
/// scenarios' files can be told apart and the name stays short.
pub fn slug(store: Store, lang: Lang) -> String {
    let title = store.title().get_untracked();
    let name = store
        .scenario()
        .with_untracked(|s| words::name(&title, Some(s), lang));
    doorstroom_charts::slug(&name, 60)
}
