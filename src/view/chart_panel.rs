//! One chart: a canvas drawn by `doorstroom_charts`, redrawn when the run,
//! the baseline, the language, the pointer or the size changes; a hover
//! readout; a "show as table" view; the image, table and clipboard exports.
//!
//! The drawing is an effect because a canvas is the outside world. It reads
//! the run memo, so one scenario change is one redraw per chart, and the
//! store already coalesces a drag's input events to one change per frame.
//! A redraw copies the chart's background from its cache
//! ([`canvas::Layers`]) and draws only the scenario's own series and the
//! pointer over it; while a slider is dragged the axes hold their scale
//! ([`Scales::hold`]) so that the background stays valid.

use doorstroom_charts::{Caption, Chart, ChartInput, Overlay, Plot, Scales, Theme, source_line};
use doorstroom_model::Text;
use leptos::html;
use leptos::prelude::*;

use crate::chart_keys::{self, Step};
use crate::export::{self, clipboard, image, sheet};
use crate::format::formats;
use crate::i18n;
use crate::platform::canvas;
use crate::platform::resize::{device_pixel_ratio, observe_size};
use crate::platform::timing::{self, Part};
use crate::state::{Store, use_store};
use crate::view::chart_table::ChartTable;
use crate::view::pipeline::ChartPointer;
use crate::view::presentation::{Presentation, Shown, use_presentation};
use crate::view::printed_chart::PrintedChart;

/// Calls `draw` with the chart input for the run on screen and its
/// baseline (none while the scenario is its own baseline): the one place
/// the panel's drawing, readout and export build their input. It reads the
/// store tracked (for the drawing effect); event handlers call it inside
/// [`untrack`]; so does the printed chart ([`super::printed_chart`]).
pub(crate) fn with_input<R>(
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
    let join = store.run.with(|r| r.join_week());
    let format = formats(lang);
    let large = presentation.is_some_and(|p| p.on.get());
    let runs = store.compared_runs.get();
    let labels = store.compared_labels.get();
    let compared: Vec<Overlay> = runs
        .iter()
        .zip(labels.iter())
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

const PNG_HELP: Text = Text {
    nl: "De grafiek als afbeelding voor een presentatie (2400 × 1350), met het scenario en de bron eronder.",
    en: "The chart as an image for a slide (2400 × 1350), with the scenario and the source under it.",
};
const SVG_HELP: Text = Text {
    nl: "De grafiek als SVG, te bewerken in een presentatieprogramma, met het scenario en de bron eronder.",
    en: "The chart as SVG, to edit in a slide tool, with the scenario and the source under it.",
};
const TABLE_CSV: Text = Text {
    nl: "Tabel als CSV",
    en: "Table as CSV",
};
const TABLE_CSV_HELP: Text = Text {
    nl: "De cijfers per maand van deze grafiek, met de basislijn en het verschil, als CSV.",
    en: "This chart's figures by month, with the baseline and the difference, as CSV.",
};
const COPY_TABLE: Text = Text {
    nl: "Tabel kopiëren",
    en: "Copy table",
};
const COPY_TABLE_HELP: Text = Text {
    nl: "Kopieer de tabel; plakken in een spreadsheet geeft kolommen.",
    en: "Copy the table; pasting into a spreadsheet gives columns.",
};
const COPIED: Text = Text {
    nl: "Tabel gekopieerd",
    en: "Table copied",
};

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
    // The week under this chart's pointer, which the pipeline's picture follows.
    if let Some(shared) = use_context::<ChartPointer>() {
        Effect::new(move |_| {
            if let Some(week) = cursor.get() {
                shared.0.set(Some(week));
            }
        });
    }
    let plot = StoredValue::new(None::<Plot>);
    // The chart's background, drawn again only when it changes, and the
    // scales it was drawn on, held while a slider is dragged.
    let layers = StoredValue::new_local(canvas::Layers::default());
    let held = StoredValue::new(None::<Scales>);
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
        // After navigation the first chart comes first; the others are
        // drawn once the first screen has been painted.
        if chart != Chart::ALL[0] && !store.first_screen_done().get() {
            return;
        }
        let ratio = ratio.get();
        let cursor = cursor.get();
        // While a slider is dragged the axes stay where they are unless the
        // run leaves them (so the background stays valid and the picture
        // does not jump); when the hand rests they fit the run again.
        let dragging = store.dragging().get();
        canvas::fit(&canvas, (width, height), ratio);
        let painted = with_input(store, presentation, cursor, ratio, |input| {
            timing::measure(Part::Chart(chart.id()), || {
                let fitted = doorstroom_charts::scales(chart, input);
                let scales = if dragging {
                    Scales::hold(held.get_value(), fitted)
                } else {
                    fitted
                };
                held.set_value(Some(scales));
                layers
                    .try_update_value(|layers| layers.paint(&canvas, chart, input, &scales))
                    .flatten()
                    .map(|(plot, _)| plot)
            })
        });
        if let Some(p) = painted {
            canvas::mark_first_chart();
            // Where the plot went, in CSS pixels (top, bottom, left,
            // right): the projector tests measure it against the panel.
            let css = |v: i32| (f64::from(v) / ratio).round();
            let _ = canvas.set_attribute(
                "data-plot",
                &format!(
                    "{} {} {} {}",
                    css(p.top),
                    css(p.bottom),
                    css(p.left),
                    css(p.right)
                ),
            );
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

    // The image's caption: the scenario and where the figures come from.
    let caption = move |input: &ChartInput| {
        let lang = input.lang;
        let day = formats(lang).day(&export::today());
        // The source names the IND's figures only when this chart draws some.
        let record_drawn = input.published.is_some_and(|rows| {
            !doorstroom_charts::published_marks(chart, input.run, rows).is_empty()
        });
        Caption {
            scenario: export::scenario_caption(store, lang),
            source: source_line(lang, &day, record_drawn),
        }
    };
    let export_png = move |_| {
        let slug = export::slug(store, lang.get_untracked());
        untrack(|| {
            with_input(store, None, None, 1.0, |input| {
                image::png(chart, input, &caption(input), &slug)
            })
        })
    };
    let export_svg = move |_| {
        let slug = export::slug(store, lang.get_untracked());
        untrack(|| {
            with_input(store, None, None, 1.0, |input| {
                image::svg(chart, input, &caption(input), &slug)
            })
        })
    };
    let copied = RwSignal::new(None::<Text>);
    let copy_table = move |_| {
        let text = sheet::table_text(store, chart);
        leptos::task::spawn_local(async move {
            copied.set(Some(if clipboard::write(&text).await {
                COPIED
            } else {
                i18n::COPY_FAILED
            }));
            set_timeout(
                move || copied.set(None),
                std::time::Duration::from_millis(2500),
            );
        });
    };
    // The chart in words, for screen readers (and the printed handout).
    let summary_id = format!("chart-summary-{}", chart.id());
    let described_by = summary_id.clone();
    // Read at rest: it follows the settled scenario (whose runs are then
    // on screen), the baseline and the language, not every frame of a drag.
    let summary = Memo::new(move |_| {
        crate::platform::reruns::rerun(crate::platform::reruns::Node::Rest);
        store.settled().track();
        store.pinned().track();
        store.lang().track();
        untrack(|| {
            with_input(store, None, None, 1.0, |input| {
                timing::measure(Part::ChartSummaries, || {
                    doorstroom_charts::summary(
                        chart,
                        input.run,
                        input.baseline,
                        input.format,
                        input.lang,
                    )
                })
            })
        })
    });

    // In presentation mode only the two charts the presenter chose show,
    // in the order chosen.
    let presented = move || {
        presentation.filter(|p| p.on.get()).and_then(|p| {
            p.charts
                .get()
                .iter()
                .position(|c| *c == Shown::Chart(chart))
        })
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
                    aria-describedby=described_by
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
            <PrintedChart chart />
            <p class="visually-hidden" aria-live="polite">{move || spoken.get()}</p>
            <p id=summary_id class="chart-summary visually-hidden" data-testid=format!("summary-{}", chart.id())>
                {summary}
            </p>
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
                    <button
                        type="button"
                        class="small-button"
                        data-export="png"
                        title=move || PNG_HELP.get(lang.get())
                        on:click=export_png
                    >
                        {move || i18n::DOWNLOAD_PNG.get(lang.get())}
                    </button>
                    <button
                        type="button"
                        class="small-button"
                        data-export="svg"
                        title=move || SVG_HELP.get(lang.get())
                        on:click=export_svg
                    >
                        {move || i18n::DOWNLOAD_SVG.get(lang.get())}
                    </button>
                    <button
                        type="button"
                        class="small-button"
                        data-export="csv"
                        title=move || TABLE_CSV_HELP.get(lang.get())
                        on:click=move |_| sheet::table_file(store, chart)
                    >
                        {move || TABLE_CSV.get(lang.get())}
                    </button>
                    <button
                        type="button"
                        class="small-button"
                        data-export="copy"
                        title=move || COPY_TABLE_HELP.get(lang.get())
                        on:click=copy_table
                    >
                        {move || COPY_TABLE.get(lang.get())}
                    </button>
                    <span class="tool-status" role="status" aria-live="polite">
                        {move || copied.get().map(|t| t.get(lang.get()))}
                    </span>
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
