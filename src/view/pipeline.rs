//! Where the cases are: the pipeline of the run on screen at one week, as
//! a stock-and-flow picture (`doorstroom_charts::draw_pipeline`) on a
//! canvas. Its week follows the charts' pointer ([`ChartPointer`]), a time
//! slider, the arrow keys on the picture and a play button that steps
//! through the run; its numbers are listed for screen readers; it exports
//! as PNG and SVG like the charts.

use std::time::Duration;

use doorstroom_charts::pipeline::STATUSES;
use doorstroom_charts::{
    PipelineInput, Theme, above_caption, draw_pipeline, pipeline_lines, svg_with_caption,
};
use doorstroom_model::{Lang, Text, t};
use leptos::html;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;

use crate::chart_keys::{self, Step};
use crate::export::{self, image};
use crate::format::formats;
use crate::platform::resize::{device_pixel_ratio, observe_size};
use crate::state::use_store;
use crate::view::image_downloads::ImageDownloads;
use crate::view::presentation::{Shown, use_presentation};

const HEADING: Text = t("Waar zijn de zaken?", "Where are the cases?");
const INTRO: Text = t(
    "De doorstroom in één week: per spoor de open zaken naar hun stand, en \
     de zaken die die week binnenkomen, verder gaan of beslist worden. Kies \
     de week met de schuif, de pijltjestoetsen of de muis op een grafiek, of \
     speel de hele periode af.",
    "The flow in one week: per stream the open cases by where they stand, \
     and the cases that come in, move on or are decided that week. Choose \
     the week with the slider, the arrow keys or the pointer on a chart, or \
     play the whole period.",
);
const WEEK: Text = t("Week", "Week");
const PLAY: Text = t("Afspelen", "Play");
const PAUSE: Text = t("Pauzeren", "Pause");

/// The week under the pointer on any chart: the charts write it, the
/// pipeline follows it. Provided once above both.
#[derive(Clone, Copy)]
pub struct ChartPointer(pub RwSignal<Option<usize>>);

impl ChartPointer {
    pub fn provide() {
        provide_context(ChartPointer(RwSignal::new(None)));
    }
}

/// The time between two weeks when playing: a year in about eight seconds.
const PLAY_STEP: Duration = Duration::from_millis(150);

#[component]
pub fn Pipeline() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let weeks = Memo::new(move |_| store.run.with(|r| r.weeks()));
    // The first week of the reader's levers until a week is chosen.
    let week = RwSignal::new(store.scenario().with_untracked(|s| s.join_week()));
    let playing = RwSignal::new(false);
    let timer = StoredValue::new(None::<IntervalHandle>);

    // The charts' pointer moves the picture (and stops it playing).
    if let Some(pointer) = use_context::<ChartPointer>() {
        Effect::new(move |_| {
            if let Some(w) = pointer.0.get() {
                playing.set(false);
                week.set(w);
            }
        });
    }
    // A shorter run keeps the week inside it.
    Effect::new(move |_| {
        let last = weeks.get().saturating_sub(1);
        if week.get_untracked() > last {
            week.set(last);
        }
    });
    // Playing: a week further every step, stopping at the end.
    Effect::new(move |_| {
        if let Some(handle) = timer.get_value() {
            handle.clear();
            timer.set_value(None);
        }
        if !playing.get() {
            return;
        }
        let handle = set_interval_with_handle(
            move || {
                let last = weeks.get_untracked().saturating_sub(1);
                let now = week.get_untracked();
                if now >= last {
                    playing.set(false);
                } else {
                    week.set(now + 1);
                }
            },
            PLAY_STEP,
        )
        .ok();
        timer.set_value(handle);
    });
    on_cleanup(move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
    });
    let toggle = move |_| {
        if !playing.get_untracked() && week.get_untracked() + 1 >= weeks.get_untracked() {
            week.set(0);
        }
        playing.update(|p| *p = !*p);
    };

    // In presentation mode it shows when the presenter chose it, in its
    // slot, in the presented charts' large type.
    let presentation = use_presentation();
    let presented = move || {
        presentation
            .filter(|p| p.on.get())
            .and_then(|p| p.charts.get().iter().position(|c| *c == Shown::Pipeline))
    };

    // Builds the picture's input for the week and hands it on: `large` is
    // the presentation's type, which only the presented picture has (the
    // exports keep the page's).
    let with_input = move |scale: f64, large: bool, draw: &mut dyn FnMut(&PipelineInput)| {
        let lang = lang.get();
        let f = formats(lang);
        let week = week.get();
        store.run.with(|run| {
            draw(&PipelineInput {
                run,
                week,
                lang,
                format: &*f,
                theme: Theme { scale, large },
            })
        });
    };

    // The picture is laid out at its box's own size (the page's width, or
    // the presenter's slot) and drawn at that size × the pixel ratio, so
    // that its type is the size it was laid out for, never scaled down.
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
        crate::platform::canvas::fit(&canvas, (width, height), ratio);
        with_input(ratio, presented().is_some(), &mut |input| {
            if let Some(backend) = crate::platform::canvas::backend(&canvas) {
                let area = backend.into_drawing_area();
                if let Ok(drawn) = draw_pipeline(&area, input) {
                    let _ = area.present();
                    // How many rows it drew (a stream's each, or one of all
                    // streams together), for the projector tests.
                    let rows = drawn
                        .iter()
                        .filter(|d| d.status == STATUSES.first().copied())
                        .count();
                    let _ = canvas.set_attribute("data-rows", &rows.to_string());
                }
            }
        });
    });
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == " " {
            ev.prevent_default();
            toggle(());
            return;
        }
        match chart_keys::step(&ev.key(), Some(week.get_untracked()), weeks.get_untracked()) {
            Step::To(w) => {
                ev.prevent_default();
                playing.set(false);
                week.set(w);
            }
            Step::Clear => playing.set(false),
            Step::Ignore => {}
        }
    };
    let on_slider = move |ev: leptos::ev::Event| {
        if let Ok(w) = event_target_value(&ev).parse::<usize>() {
            playing.set(false);
            week.set(w.min(weeks.get_untracked().saturating_sub(1)));
        }
    };
    let date = move || {
        store
            .run
            .with(|r| r.week_start(week.get().min(r.weeks().saturating_sub(1))))
    };
    let lines = move || {
        let mut out = Vec::new();
        with_input(1.0, false, &mut |input| out = pipeline_lines(input));
        out
    };

    let stem = move |lang: Lang| {
        format!(
            "doorstroom-{}-pipeline-{}",
            export::slug(store, lang),
            date()
        )
    };
    let png = move |_| {
        untrack(|| {
            let lang = lang.get();
            let caption = export::model_caption(store, lang);
            let name = format!("{}.png", stem(lang));
            with_input(image::PNG_RATIO, false, &mut |input| {
                image::png_drawn(&name, |area| {
                    above_caption(area, input.theme, &caption, |top| draw_pipeline(top, input))
                        .is_ok()
                });
            });
        });
    };
    let svg = move |_| {
        untrack(|| {
            let lang = lang.get();
            let caption = export::model_caption(store, lang);
            let name = format!("{}.svg", stem(lang));
            with_input(1.0, false, &mut |input| {
                let (w, h) = image::CSS_SIZE;
                let text = svg_with_caption(w as u32, h as u32, input.theme, &caption, |top| {
                    draw_pipeline(top, input)
                });
                crate::platform::download::offer_text(&text, "image/svg+xml", &name);
            });
        });
    };

    view! {
        <section
            class="pipeline"
            class:presented=move || presented().is_some()
            style:order=move || presented().map(|i| i.to_string())
            data-testid="pipeline"
            aria-labelledby="pipeline-title"
        >
            <h2 id="pipeline-title">{move || HEADING.get(lang.get())}</h2>
            <p class="explain-intro">{move || INTRO.get(lang.get())}</p>
            <div class="pipeline-controls">
                <button
                    type="button"
                    class="small-button"
                    data-testid="flow-play"
                    aria-pressed=move || if playing.get() { "true" } else { "false" }
                    on:click=move |_| toggle(())
                >
                    {move || if playing.get() { PAUSE } else { PLAY }.get(lang.get())}
                </button>
                <label class="pipeline-week">
                    {move || WEEK.get(lang.get())}
                    " "
                    <input
                        type="range"
                        data-testid="flow-week"
                        min="0"
                        max=move || weeks.get().saturating_sub(1).to_string()
                        step="1"
                        prop:value=move || week.get().to_string()
                        on:input=on_slider
                    />
                </label>
                <output data-testid="flow-date">
                    {move || formats(lang.get()).day(&date())}
                </output>
            </div>
            <div node_ref=box_ref class="pipeline-box">
                <canvas
                    node_ref=canvas_ref
                    class="pipeline-chart"
                    data-testid="flow-diagram"
                    data-week=move || date().to_string()
                    tabindex="0"
                    role="img"
                    aria-label=move || lines().first().cloned().unwrap_or_default()
                    aria-describedby="pipeline-lines"
                    on:keydown=on_key
                ></canvas>
            </div>
            <ul id="pipeline-lines" class="visually-hidden" data-testid="flow-lines">
                {move || lines().into_iter().skip(1).map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
            <ImageDownloads test_id="flow" png svg />
        </section>
    }
}
