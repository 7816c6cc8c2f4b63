//! The embed page (`embed.html`): one chart for an article, with its
//! title, the scenario it shows, its source line and a link that opens the
//! scenario on the page; sized to its frame, no controls.
//!
//! It is the same build as the page: `cargo xtask dist` writes
//! `embed.html` as a copy of the locked-down `index.html` (the same wasm,
//! the same hashes, the same Content-Security-Policy), and [`crate::mount`]
//! shows this view when the page's file is `embed.html`. Only that file may
//! be framed by another site (`dist/_headers`).

pub mod address;

use doorstroom_address::PageState;
use doorstroom_charts::{Chart, source_line};
use doorstroom_model::Text;
use leptos::html;
use leptos::prelude::*;

use crate::export;
use crate::format::formats;
use crate::notice_lines::notice_lines;
use crate::platform::canvas;
use crate::platform::resize::{device_pixel_ratio, observe_size};
use crate::state::Store;
use crate::state::location;
use crate::view::chart_panel::with_input;

const OPEN: Text = Text {
    nl: "openen in Doorstroom",
    en: "open in Doorstroom",
};
const OPEN_HELP: Text = Text {
    nl: "Dit scenario in Doorstroom, met alle knoppen en grafieken (nieuw tabblad)",
    en: "This scenario in Doorstroom, with every lever and chart (new tab)",
};
const UNKNOWN_CHART: Text = Text {
    nl: "is geen grafiek van Doorstroom (backlog, costs, waiting of flow); de werkvoorraad wordt getoond.",
    en: "is not a Doorstroom chart (backlog, costs, waiting or flow); the backlog is shown.",
};

/// Whether the page was opened as the embed page.
pub fn is_embed() -> bool {
    window()
        .location()
        .pathname()
        .is_ok_and(|path| path.ends_with(address::FILE))
}

/// The embed page: reads its address once and never writes it (the frame's
/// address is the article's business).
#[component]
pub fn Embed() -> impl IntoView {
    let (chart, query) = address::split(&location::query());
    let (state, warnings) = PageState::read(&query);
    let store = Store::new(state, warnings);
    provide_context(store);
    let lang = store.lang();
    let unknown = chart.as_ref().err().cloned();
    let chart = chart.unwrap_or(Chart::Backlog);

    let canvas_ref = NodeRef::<html::Canvas>::new();
    let box_ref = NodeRef::<html::Div>::new();
    let size = RwSignal::new((0.0, 0.0));
    let ratio = RwSignal::new(device_pixel_ratio());
    observe_size(box_ref, size, ratio);
    Effect::new(move |_| {
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let (width, height) = size.get();
        if width < 1.0 || height < 1.0 {
            return;
        }
        let ratio = ratio.get();
        canvas::fit(&canvas, (width, height), ratio);
        let drawn = with_input(store, None, None, ratio, |input| {
            canvas::paint(&canvas, chart, input)
        });
        if drawn.is_some() {
            let _ = canvas.set_attribute("data-drawn", "true");
        }
    });

    let caption = move || {
        lang.track();
        export::scenario_caption(store, lang.get())
    };
    let source = move || {
        let lang = lang.get();
        let day = formats(lang).day(&export::today());
        with_input(store, None, None, 1.0, |input| {
            let record_drawn = input.published.is_some_and(|rows| {
                !doorstroom_charts::published_marks(chart, input.run, rows).is_empty()
            });
            source_line(lang, &day, record_drawn)
        })
    };
    let page = move || {
        let location = window().location();
        let folder = address::folder(
            &location.origin().unwrap_or_default(),
            &location.pathname().unwrap_or_default(),
        );
        address::page_url(&folder, &store.page_state().to_query())
    };
    let notes = move || {
        let lang = lang.get();
        let mut lines: Vec<String> = unknown
            .iter()
            .map(|value| {
                format!(
                    "‘{}’ {}",
                    doorstroom_model::safe_text::line(value),
                    UNKNOWN_CHART.get(lang)
                )
            })
            .collect();
        store
            .warnings()
            .with(|w| lines.extend(notice_lines(w, lang).listed));
        lines
    };

    view! {
        <main class="embed" data-chart=chart.id()>
            <div class="embed-chart" node_ref=box_ref>
                <canvas
                    node_ref=canvas_ref
                    role="img"
                    data-testid="embed-chart"
                    aria-label=move || format!("{}: {}", chart.title(lang.get()), caption())
                ></canvas>
            </div>
            <p class="embed-caption">
                <bdi data-testid="embed-caption">{caption}</bdi>
            </p>
            <p class="embed-source">
                <span data-testid="embed-source">{source}</span>
                " · "
                <a
                    href=page
                    target="_blank"
                    rel="noopener"
                    data-testid="embed-open"
                    title=move || OPEN_HELP.get(lang.get())
                >
                    {move || OPEN.get(lang.get())}
                </a>
            </p>
            {move || {
                let lines = notes();
                (!lines.is_empty())
                    .then(|| {
                        view! {
                            <p class="embed-note" role="note" data-testid="embed-note">
                                {lines.join(" ")}
                            </p>
                        }
                    })
            }}
        </main>
    }
}
