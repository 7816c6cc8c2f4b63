//! "Why different?": when the scenario's levers differ from its baseline's,
//! each headline figure's difference split over those levers (the model's
//! Shapley values, `doorstroom_model::explain`), drawn as a waterfall
//! (`doorstroom_charts::draw_waterfall`) with a table of the parts for
//! screen readers, and exported as PNG and SVG like the charts.
//!
//! It follows the settled scenario: nothing is computed during a drag.
//! Once the scenario rests the runs (2^n for n levers up to ten, about a
//! thousand beyond) are taken a few milliseconds at a time between frames,
//! so that a slider touched meanwhile answers at once; a newer scenario
//! abandons the older work.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use doorstroom_charts::{
    Theme, WaterfallInput, above_caption, draw_waterfall, svg_with_caption, waterfall_lines,
};
use doorstroom_model::explain::{Explainer, Explanation, explained_figures};
use doorstroom_model::{Lang, Runner, Scenario, Text, differing, t};
use leptos::html;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;

use crate::export::{self, image};
use crate::format::formats;
use crate::state::{baseline_for, use_store};
use crate::view::image_downloads::ImageDownloads;
use crate::view::kpis::{FIGURES, FigureSpec};

const HEADING: Text = t("Waarom anders?", "Why different?");
const INTRO: Text = t(
    "Het verschil met de basislijn, verdeeld over de hendels die anders staan: \
     het deel van elke hendel is zijn gemiddelde effect over alle volgordes \
     waarin de hendels van de basislijn naar dit scenario gaan (Shapley-waarden). \
     De delen tellen op tot het hele verschil.",
    "The difference from the baseline, split over the levers that differ: each \
     lever's part is its average effect over every order in which the levers \
     go from the baseline to this scenario (Shapley values). The parts add up \
     to the whole difference.",
);
const FIGURE: Text = t("Kerncijfer", "Headline figure");
const COMPUTING: Text = t("wordt berekend …", "computing …");
const LEVER: Text = t("Hendel", "Lever");
const IN_BASELINE: Text = t("Basislijn", "Baseline");
const IN_SCENARIO: Text = t("Dit scenario", "This scenario");
const PART: Text = t("Deel van het verschil", "Part of the difference");
const WHOLE: Text = t("Hele verschil", "Whole difference");

/// The canvas's size in CSS pixels: wide enough for a lever's name and its
/// two values beside the bars (style/main.css shrinks it, keeping its
/// shape, where the page is narrower).
const CSS_SIZE: (f64, f64) = (760.0, 360.0);

/// How long the scenario must rest before the work starts, and how much of
/// a frame one slice of it may take.
const SETTLE: Duration = Duration::from_millis(150);
const SLICE_MS: f64 = 8.0;

/// The cards' figures that can be split (amounts, not months), in the
/// cards' order, each in the view of a run from its start or from later.
fn choices(from_start: bool) -> Vec<&'static FigureSpec> {
    FIGURES
        .iter()
        .map(|f| f.for_run(from_start))
        .filter(|f| explained_figures().any(|e| e.key == f.measure.key))
        .collect()
}

/// An explanation under way: the work and the runner that keeps what the
/// runs share.
struct Job {
    generation: u64,
    explainer: Explainer,
    runner: Runner,
}

fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

#[component]
pub fn Explain() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    // The scenario and its baseline as they were when the hand last rested.
    let settled = Memo::new(
        move |previous: Option<&(Scenario, Scenario)>| match previous {
            Some(previous) if store.dragging().get() => previous.clone(),
            _ => {
                let s = store.scenario().get();
                let base = store.pinned().with(|p| baseline_for(p.as_ref(), &s));
                (s, base)
            }
        },
    );
    let differs = Memo::new(move |_| settled.with(|(s, b)| differing(s, b).next().is_some()));
    let result = RwSignal::new(None::<Arc<Explanation>>);
    let busy = RwSignal::new(false);
    let generation = StoredValue::new(0u64);
    let chosen = RwSignal::new("cost_total_eur");

    // Takes runs until the slice's time is up, then yields to the page.
    fn slice(
        job: Rc<RefCell<Job>>,
        generation: StoredValue<u64>,
        result: RwSignal<Option<Arc<Explanation>>>,
        busy: RwSignal<bool>,
    ) {
        let mut j = job.borrow_mut();
        if generation.get_value() != j.generation {
            return;
        }
        let start = now_ms();
        loop {
            let Job {
                explainer, runner, ..
            } = &mut *j;
            if explainer.step(runner) {
                result.set(explainer.finish().map(Arc::new));
                busy.set(false);
                return;
            }
            if now_ms() - start > SLICE_MS {
                break;
            }
        }
        drop(j);
        set_timeout(move || slice(job, generation, result, busy), Duration::ZERO);
    }

    Effect::new(move |_| {
        let (s, base) = settled.get();
        generation.update_value(|g| *g += 1);
        let current = generation.get_value();
        if differing(&s, &base).next().is_none() {
            result.set(None);
            busy.set(false);
            return;
        }
        busy.set(true);
        let job = Rc::new(RefCell::new(Job {
            generation: current,
            explainer: Explainer::new(&s, &base),
            runner: Runner::new(),
        }));
        set_timeout(move || slice(job, generation, result, busy), SETTLE);
    });

    // The chosen figure's spec, in the view of the scenario's run.
    let spec = move || {
        let from_start = store.scenario().with(|s| s.join_week() == 0);
        let key = chosen.get();
        let list = choices(from_start);
        list.iter()
            .find(|f| f.measure.key == key)
            .or(list.first())
            .copied()
    };
    let baseline_name = move |lang: Lang| {
        settled.with(|(_, base)| {
            crate::view_model::words::name(&store.baseline_title().get(), Some(base), lang)
        })
    };
    // Builds the waterfall's input for the chosen figure and hands it on.
    let with_input = move |scale: f64, draw: &mut dyn FnMut(&WaterfallInput)| {
        let lang = lang.get();
        let Some(spec) = spec() else { return };
        result.with(|e| {
            let Some(e) = e.as_ref() else { return };
            let Some(figure) = e.figure(spec.measure.key) else {
                return;
            };
            let f = formats(lang);
            let span = (e.scenario.start, e.scenario.end);
            let value = |v: f64| spec.show(&*f, v, span);
            let title = format!("{} {}", HEADING.get(lang), spec.label.get(lang));
            let input = WaterfallInput::of(
                e,
                figure,
                title,
                &baseline_name(lang),
                &value,
                lang,
                Theme {
                    scale,
                    large: false,
                },
            );
            draw(&input);
        });
    };

    let canvas_ref = NodeRef::<html::Canvas>::new();
    Effect::new(move |_| {
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let ratio = crate::platform::resize::device_pixel_ratio();
        crate::platform::canvas::fit(&canvas, CSS_SIZE, ratio);
        with_input(ratio, &mut |input| {
            if let Some(backend) = crate::platform::canvas::backend(&canvas) {
                let area = backend.into_drawing_area();
                if draw_waterfall(&area, input).is_ok() {
                    let _ = area.present();
                }
            }
        });
    });

    let stem = move |lang: Lang| {
        let key = spec().map_or("figure", |s| s.measure.key);
        format!("doorstroom-{}-explain-{key}", export::slug(store, lang))
    };
    let png = move |_| {
        untrack(|| {
            let lang = lang.get();
            let caption = export::model_caption(store, lang);
            let name = format!("{}.png", stem(lang));
            with_input(image::PNG_RATIO, &mut |input| {
                image::png_drawn(&name, |area| {
                    above_caption(area, input.theme, &caption, |top| {
                        draw_waterfall(top, input)
                    })
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
            with_input(1.0, &mut |input| {
                let (w, h) = image::CSS_SIZE;
                let text = svg_with_caption(w as u32, h as u32, input.theme, &caption, |top| {
                    draw_waterfall(top, input)
                });
                crate::platform::download::offer_text(&text, "image/svg+xml", &name);
            });
        });
    };

    // The parts as a table, for screen readers and for reading off.
    let table = move || {
        let lang = lang.get();
        let spec = spec()?;
        let f = formats(lang);
        result.with(|e| {
            let e = e.as_ref()?;
            let figure = e.figure(spec.measure.key)?;
            let span = (e.scenario.start, e.scenario.end);
            let value = |v: f64| spec.show(&*f, v, span);
            let input =
                WaterfallInput::of(e, figure, String::new(), "", &value, lang, Theme::default());
            let whole = input.signed(&doorstroom_charts::WaterfallStep {
                label: String::new(),
                detail: String::new(),
                part: figure.whole(),
                error: None,
            });
            let rows = input
                .steps
                .iter()
                .map(|step| {
                    let (from, to) = step.detail.split_once(" → ").unwrap_or((&step.detail, ""));
                    view! {
                        <tr data-testid="explain-row">
                            <th scope="row">{step.label.clone()}</th>
                            <td>{from.to_owned()}</td>
                            <td>{to.to_owned()}</td>
                            <td class="number">{input.signed(step)}</td>
                        </tr>
                    }
                })
                .collect_view();
            Some(view! {
                <table class="explain-table" data-testid="explain-table">
                    <caption>
                        {format!(
                            "{} {}: {} {} → {} {}; {} {}",
                            HEADING.get(lang),
                            spec.label.get(lang),
                            IN_BASELINE.get(lang),
                            value(figure.baseline),
                            IN_SCENARIO.get(lang).to_lowercase(),
                            value(figure.scenario),
                            WHOLE.get(lang).to_lowercase(),
                            whole,
                        )}
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{LEVER.get(lang)}</th>
                            <th scope="col">{IN_BASELINE.get(lang)}</th>
                            <th scope="col">{IN_SCENARIO.get(lang)}</th>
                            <th scope="col">{PART.get(lang)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            })
        })
    };
    // The chart in words, for the canvas's label.
    let label = move || {
        let mut words = Vec::new();
        with_input(1.0, &mut |input| words = waterfall_lines(input));
        words.join("; ")
    };
    let options = move || {
        let lang = lang.get();
        let from_start = store.scenario().with(|s| s.join_week() == 0);
        choices(from_start)
            .into_iter()
            .map(|f| {
                let key = f.measure.key;
                view! {
                    <option value=key selected=move || chosen.get() == key>
                        {f.label.get(lang)}
                    </option>
                }
            })
            .collect_view()
    };
    let choose = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        if let Some(f) = FIGURES
            .iter()
            .flat_map(|f| [Some(f), f.from_later])
            .flatten()
            .find(|f| f.measure.key == value)
        {
            chosen.set(f.measure.key);
        }
    };

    view! {
        <section
            class="why-different"
            data-testid="explain"
            aria-labelledby="explain-title"
            aria-busy=move || if busy.get() { "true" } else { "false" }
            hidden=move || !differs.get()
        >
            <h2 id="explain-title">{move || HEADING.get(lang.get())}</h2>
            <p class="explain-intro">{move || INTRO.get(lang.get())}</p>
            <label class="explain-figure">
                {move || FIGURE.get(lang.get())}
                " "
                <select
                    data-testid="explain-figure"
                    on:change=choose
                    prop:value=move || chosen.get()
                >
                    {options}
                </select>
            </label>
            <p class="explain-status" data-testid="explain-status" aria-live="polite">
                {move || busy.get().then(|| COMPUTING.get(lang.get()))}
            </p>
            <canvas
                node_ref=canvas_ref
                class="explain-chart"
                data-testid="explain-chart"
                role="img"
                aria-label=label
            ></canvas>
            <ImageDownloads test_id="explain" png svg />
            {table}
        </section>
    }
}
