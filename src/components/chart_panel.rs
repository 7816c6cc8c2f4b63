//! One chart: a canvas drawn by `doorstroom_charts`, redrawn when the run,
//! the baseline, the language, the pointer or the size changes; a hover
//! readout; a "show as table" view; and a PNG download.
//!
//! The drawing is an effect because a canvas is the outside world. It reads
//! the run memo, so one scenario change is one redraw per chart, and the
//! store already coalesces a drag's input events to one change per frame.

use doorstroom_charts::{Chart, ChartInput, Overlay, Plot, Theme};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use crate::canvas;
use crate::chart_keys::{self, Step};
use crate::components::chart_table::ChartTable;
use crate::components::presentation::{Presentation, use_presentation};
use crate::download;
use crate::format::formats;
use crate::i18n;
use crate::resize::{device_pixel_ratio, observe_size};
use crate::state::{Store, use_store};

/// The size of the exported PNG in CSS pixels, and its pixel ratio: large
/// enough for a slide or a printed handout, whatever the reader's screen.
const EXPORT_CSS: (f64, f64) = (1200.0, 675.0);
const EXPORT_RATIO: f64 = 2.0;

/// Draws the chart into a fresh, detached canvas at export size and offers
/// it as a download.
fn download_png(chart: Chart, input: &ChartInput) {
    let Some(canvas) = document()
        .create_element("canvas")
        .ok()
        .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
    else {
        return;
    };
    canvas::fit(&canvas, EXPORT_CSS, EXPORT_RATIO);
    canvas::paint(&canvas, chart, input);
    if let Ok(url) = canvas.to_data_url_with_type("image/png") {
        download::offer(&url, &format!("doorstroom-{}.png", chart.id()));
    }
}

/// Calls `draw` with the chart input for the run on screen and its
/// baseline (none while the scenario is its own baseline): the one place
/// the panel's drawing, readout and export build their input. It reads the
/// store tracked (for the drawing effect); event handlers call it inside
/// [`untrack`].
fn with_input<R>(
    store: Store,
    presentation: Option<Presentation>,
    cursor: Option<usize>,
    scale: f64,
    draw: impl FnOnce(&ChartInput) -> R,
) -> R {
    let lang = store.lang().get();
    let same = store.is_baseline.get();
    let hidden = store.hide_published().get();
    let record = store.record.get();
    let bands = store.current_bands();
    // The week from which the reader's levers apply, marked on every chart.
    let join = store.scenario().with(|s| s.join_week());
    let format = formats(lang);
    let large = presentation.is_some_and(|p| p.on.get());
    let runs = store.compared_runs.get();
    let labels = compared_labels(store, lang);
    let compared: Vec<Overlay> = runs
        .iter()
        .zip(&labels)
        .map(|(run, label)| Overlay { run, label })
        .collect();
    store.run.with(|run| {
        store.baseline_run.with(|base| {
            draw(&ChartInput {
                run,
                baseline: (!same).then_some(&**base),
                compared: &compared,
                cursor,
                lang,
                format: &*format,
                theme: Theme { scale, large },
                bands: bands.as_deref(),
                published: (!hidden).then_some(&record[..]),
                from: (join > 0).then_some(join),
            })
        })
    })
}

/// The legend labels of the compared scenarios: their names on screen.
fn compared_labels(store: Store, lang: doorstroom_model::Lang) -> Vec<String> {
    let label = |c: &doorstroom_address::Compared| {
        crate::scenario_names::name(&c.title, Some(&c.scenario), lang)
    };
    let shorten = |s: String| {
        // A name in words can be long; the legend keeps the first part.
        if s.chars().count() > 48 {
            format!("{}…", s.chars().take(47).collect::<String>())
        } else {
            s
        }
    };
    store
        .compared()
        .with(|c| c.iter().map(label).map(shorten).collect())
}

#[component]
pub fn ChartPanel(chart: Chart) -> impl IntoView {
    let store = use_store();
    let presentation = use_presentation();
    let lang = store.lang();
    let canvas_ref = NodeRef::<html::Canvas>::new();
    let box_ref = NodeRef::<html::Div>::new();
    let size = RwSignal::new((0.0, 0.0));
    let ratio = RwSignal::new(device_pixel_ratio());
    let cursor = RwSignal::new(None::<usize>);
    let plot = StoredValue::new(None::<Plot>);
    let as_table = RwSignal::new(false);
    // What a keyboard user hears when stepping through the weeks.
    let spoken = RwSignal::new(String::new());
    let title_id = format!("chart-title-{}", chart.id());
    let labelled_by = title_id.clone();

    observe_size(box_ref, size, ratio);

    Effect::new(move |_| {
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let (width, height) = size.get();
        if as_table.get() || width < 1.0 || height < 1.0 {
            return;
        }
        let ratio = ratio.get();
        let cursor = cursor.get();
        canvas::fit(&canvas, (width, height), ratio);
        let painted = with_input(store, presentation, cursor, ratio, |input| {
            canvas::paint(&canvas, chart, input)
        });
        if painted.is_some() {
            canvas::mark_first_chart();
        }
        plot.set_value(painted);
    });

    let point_at = move |x: i32, y: i32| {
        let r = ratio.get_untracked();
        let week = plot.with_value(|p| {
            p.and_then(|p| p.week_at((f64::from(x) * r) as i32, (f64::from(y) * r) as i32))
        });
        if cursor.get_untracked() != week {
            cursor.set(week);
        }
    };

    // The published figures at the week under the pointer, as text beside
    // the canvas (the canvas readout draws the same lines).
    let published_here = Memo::new(move |_| {
        let Some(week) = cursor.get() else {
            return Vec::new();
        };
        with_input(store, None, None, 1.0, |input| {
            input.published.map_or_else(Vec::new, |rows| {
                doorstroom_charts::published_readout(
                    chart,
                    input.run,
                    rows,
                    week,
                    input.format,
                    input.lang,
                )
            })
        })
    });

    let speak = move |week: usize| {
        let rows = untrack(|| {
            with_input(store, None, None, 1.0, |input| {
                let mut rows = doorstroom_charts::readout(
                    chart,
                    input.run,
                    input.baseline,
                    week,
                    input.format,
                    input.lang,
                );
                if let Some(published) = input.published {
                    rows.extend(doorstroom_charts::published_readout(
                        chart,
                        input.run,
                        published,
                        week,
                        input.format,
                        input.lang,
                    ));
                }
                rows
            })
        });
        let text = rows
            .iter()
            .map(|(label, value)| format!("{label}: {value}"))
            .collect::<Vec<_>>()
            .join("; ");
        spoken.set(text);
    };

    let on_key = move |ev: web_sys::KeyboardEvent| {
        let weeks = store.run.with_untracked(|r| r.weeks());
        match chart_keys::step(&ev.key(), cursor.get_untracked(), weeks) {
            Step::To(week) => {
                ev.prevent_default();
                cursor.set(Some(week));
                speak(week);
            }
            Step::Clear => {
                cursor.set(None);
                spoken.set(String::new());
            }
            Step::Ignore => {}
        }
    };

    let export = move |_| {
        untrack(|| {
            with_input(store, None, None, EXPORT_RATIO, |input| {
                download_png(chart, input)
            })
        })
    };

    // In presentation mode only the two charts the presenter chose show,
    // in the order chosen.
    let presented = move || {
        presentation
            .filter(|p| p.on.get())
            .and_then(|p| p.charts.get().iter().position(|c| *c == chart))
    };
    view! {
        <figure
            class="chart"
            class:presented=move || presented().is_some()
            style:order=move || presented().map(|i| i.to_string())
            data-chart=chart.id()
            aria-labelledby=labelled_by
        >
            <h3 id=title_id class="chart-title" class:visually-hidden=move || !as_table.get()>
                {move || chart.title(lang.get())}
            </h3>
            <div class="chart-box" node_ref=box_ref hidden=move || as_table.get()>
                <canvas
                    node_ref=canvas_ref
                    tabindex="0"
                    role="img"
                    aria-label=move || {
                        format!("{}. {}", chart.title(lang.get()), i18n::CHART_HINT.get(lang.get()))
                    }
                    on:pointermove=move |ev| point_at(ev.offset_x(), ev.offset_y())
                    on:pointerdown=move |ev| point_at(ev.offset_x(), ev.offset_y())
                    on:pointerleave=move |_| cursor.set(None)
                    on:keydown=on_key
                    on:blur=move |_| {
                        cursor.set(None);
                        spoken.set(String::new());
                    }
                ></canvas>
            </div>
            <p class="visually-hidden" aria-live="polite">{move || spoken.get()}</p>
            <ul
                class="chart-published"
                data-testid=format!("published-{}", chart.id())
                hidden=move || published_here.with(Vec::is_empty)
            >
                {move || {
                    published_here
                        .with(|lines| {
                            lines
                                .iter()
                                .map(|(label, value)| {
                                    let text = if value.is_empty() {
                                        label.clone()
                                    } else {
                                        format!("{label}: {value}")
                                    };
                                    view! { <li>{text}</li> }
                                })
                                .collect_view()
                        })
                }}
            </ul>
            {move || as_table.get().then(|| view! { <ChartTable chart /> })}
            <div class="chart-bar">
                <div class="chart-actions">
                    <button
                        type="button"
                        class="small-button"
                        aria-pressed=move || if as_table.get() { "true" } else { "false" }
                        on:click=move |_| as_table.update(|t| *t = !*t)
                    >
                        {move || {
                            if as_table.get() { i18n::SHOW_CHART } else { i18n::SHOW_TABLE }
                                .get(lang.get())
                        }}
                    </button>
                    <button type="button" class="small-button" on:click=export>
                        {move || i18n::DOWNLOAD_PNG.get(lang.get())}
                    </button>
                    <button
                        type="button"
                        class="small-button"
                        data-testid="published-switch"
                        aria-pressed=move || {
                            if store.hide_published().get() { "true" } else { "false" }
                        }
                        on:click=move |_| {
                            store.set_hide_published(!store.hide_published().get_untracked())
                        }
                    >
                        {move || {
                            if store.hide_published().get() {
                                i18n::SHOW_PUBLISHED
                            } else {
                                i18n::HIDE_PUBLISHED
                            }
                                .get(lang.get())
                        }}
                    </button>
                </div>
            </div>
        </figure>
    }
}
