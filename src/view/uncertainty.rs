//! Uncertainty and decisions, below the charts: the bands' switch and
//! settings with their status and the histogram of the total cost; goal-seek
//! with a button that applies its answer; and the tornado of what matters
//! most. The model does the work (`doorstroom_model::uncertainty`); the
//! bands' runs go to the workers (`crate::bands`), goal-seek and the tornado
//! are a few dozen runs and run here when asked for.

use doorstroom_charts::{HistogramInput, Theme, draw_histogram};
use doorstroom_model::uncertainty::{
    BandSettings, Goal, GoalLever, GoalResult, NoEffect, Outcome, RUNS_RANGE, SPREADS, TornadoBar,
    fresh_seed, seek, tornado, write_query,
};
use doorstroom_model::{Date, Scenario, Warning, lever};
use leptos::html;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;

use crate::format::formats;
use crate::i18n;
use crate::state::use_store;

#[component]
pub fn Uncertainty() -> impl IntoView {
    let lang = use_store().lang();
    view! {
        <section class="uncertainty" aria-labelledby="uncertainty-title">
            <h2 id="uncertainty-title">{move || i18n::UNCERTAINTY.get(lang.get())}</h2>
            <BandsPanel />
            <GoalPanel />
            <TornadoPanel />
        </section>
    }
}

/// The bands' switch, runs, seed and spreads, the status line and the
/// histogram of the total cost.
#[component]
fn BandsPanel() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let settings = store.band_settings();
    let change = move |edit: &dyn Fn(&mut BandSettings)| {
        let mut s = settings.get_untracked();
        edit(&mut s);
        store.set_band_settings(s);
    };
    // What a typed setting became, said beside the settings: read by the
    // levers' number reader in the page's language, as a link's is.
    let note = RwSignal::new(None::<Warning>);
    let typed = move |key: &'static str, ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let mut s = settings.get_untracked();
        note.set(s.read(key, &input.value(), lang.get_untracked()));
        store.set_band_settings(s);
    };
    let status = move || {
        let lang = lang.get();
        if !settings.get().on {
            return i18n::BANDS_OFF.get(lang).to_owned();
        }
        if store.bands_busy() {
            return i18n::BANDS_COMPUTING.get(lang).to_owned();
        }
        store.bands_done().with(|b| {
            b.as_ref().map_or_else(String::new, |b| {
                format!(
                    "{} {} {:.0} ms",
                    b.bands.runs,
                    i18n::BANDS_READY_RUNS.get(lang),
                    b.millis
                )
            })
        })
    };
    let state = move || {
        if !settings.get().on {
            "off"
        } else if store.bands_busy() || store.current_bands().is_none() {
            "computing"
        } else {
            "ready"
        }
    };
    // What the finished bands are of, as a link: the tests read it.
    let of = move || {
        store
            .bands_done()
            .with(|b| b.as_ref().map(|b| write_query(&b.scenario, &b.settings)))
            .unwrap_or_default()
    };
    // The first week whose backlog band has a width: the join "from now",
    // the start otherwise (the tests read it).
    let spread_from = move || {
        store
            .current_bands()
            .and_then(|b| {
                let w = (0..b.backlog.p10.len()).find(|&w| b.backlog.p90[w] > b.backlog.p10[w])?;
                Some(b.start.add_days(7 * w as i64).to_string())
            })
            .unwrap_or_default()
    };
    let millis = move || {
        store
            .bands_done()
            .with(|b| b.as_ref().map(|b| format!("{:.1}", b.millis)))
            .unwrap_or_default()
    };
    // Where the spread comes from, once each source's runs alone are in.
    let sources = move || {
        let lang = lang.get();
        store.current_bands()?;
        let f = formats(lang);
        store.bands_done().with(|b| {
            let shares = b.as_ref()?.sources.clone()?;
            let parts: Vec<String> = shares
                .iter()
                .map(|(source, share)| {
                    format!("{} {}", source.label().get(lang), f.percent(*share))
                })
                .collect();
            Some(format!(
                "{} {}. {}",
                i18n::SOURCES_INTRO.get(lang),
                parts.join(", "),
                i18n::SOURCES_NOTE.get(lang)
            ))
        })
    };
    let spreads = SPREADS
        .iter()
        .enumerate()
        .map(|(i, spread)| {
            let value = move || settings.get().spreads.values()[i].to_string();
            let id = format!("spread-{}", spread.key);
            view! {
                <label class="spread" title=move || spread.source.get(lang.get())>
                    <span>{move || spread.label.get(lang.get())}</span>
                    <input
                        type="text"
                        inputmode="decimal"
                        id=id
                        data-testid=format!("spread-{}", spread.key)
                        prop:value=value
                        on:change=move |ev| typed(spread.key, ev)
                    />
                </label>
            }
        })
        .collect_view();
    view! {
        <div class="bands-panel">
            <label class="switch">
                <input
                    type="checkbox"
                    data-testid="bands-switch"
                    prop:checked=move || settings.get().on
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        change(&|s: &mut BandSettings| s.on = on);
                    }
                />
                " "
                {move || i18n::BANDS_SWITCH.get(lang.get())}
            </label>
            <p class="explain">{move || i18n::BANDS_EXPLAIN.get(lang.get())}</p>
            <div class="bands-settings">
                <label>
                    <span>{move || i18n::BANDS_RUNS.get(lang.get())}</span>
                    <input
                        type="text"
                        inputmode="numeric"
                        data-testid="bands-runs"
                        title=move || format!("{}–{}", RUNS_RANGE.0, RUNS_RANGE.1)
                        prop:value=move || settings.get().runs.to_string()
                        on:change=move |ev| typed("runs", ev)
                    />
                </label>
                <label>
                    <span>{move || i18n::BANDS_SEED.get(lang.get())}</span>
                    <input
                        type="text"
                        inputmode="numeric"
                        data-testid="bands-seed"
                        prop:value=move || settings.get().seed.to_string()
                        on:change=move |ev| typed("seed", ev)
                    />
                </label>
                <button
                    type="button"
                    data-testid="bands-new-draw"
                    on:click=move |_| {
                        if let Some(seed) = fresh_seed() {
                            change(&|s: &mut BandSettings| s.seed = seed);
                        }
                    }
                >
                    {move || i18n::NEW_DRAW.get(lang.get())}
                </button>
            </div>
            <p
                class="field-note"
                role="status"
                data-testid="bands-note"
                hidden=move || note.with(Option::is_none)
            >
                {move || note.with(|n| n.as_ref().map(|w| w.message(lang.get())))}
            </p>
            <details class="spreads">
                <summary>{move || i18n::SPREADS.get(lang.get())}</summary>
                {spreads}
            </details>
            <p
                class="bands-status"
                role="status"
                data-testid="bands-status"
                data-state=state
                data-millis=millis
                data-of=of
                data-spread-from=spread_from
            >
                {status}
            </p>
            <p
                class="bands-sources"
                data-testid="bands-sources"
                hidden=move || sources().is_none()
            >
                {sources}
            </p>
            <Histogram />
        </div>
    }
}

/// The total cost over the runs, when bands of what is on screen are ready.
#[component]
fn Histogram() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let canvas_ref = NodeRef::<html::Canvas>::new();
    let shown = Memo::new(move |_| store.current_bands().is_some());
    Effect::new(move |_| {
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let Some(bands) = store.current_bands() else {
            return;
        };
        let Some(cost) = bands.distribution(&doorstroom_model::uncertainty::Figure::COST_TOTAL_EUR)
        else {
            return;
        };
        let lang = lang.get();
        let f = formats(lang);
        let ratio = crate::platform::resize::device_pixel_ratio();
        crate::platform::canvas::fit(&canvas, (420.0, 220.0), ratio);
        let euro = |v: f64| doorstroom_charts::Format::euro(&*f, v);
        let input = HistogramInput {
            distribution: cost,
            title: i18n::HISTOGRAM_TITLE,
            value: &euro,
            lang,
            format: &*f,
            theme: Theme {
                scale: ratio,
                large: false,
            },
            bins: 24,
        };
        if let Some(backend) = crate::platform::canvas::backend(&canvas) {
            let area = backend.into_drawing_area();
            if draw_histogram(&area, &input).is_ok() {
                let _ = area.present();
            }
        }
    });
    view! {
        <canvas
            node_ref=canvas_ref
            class="histogram"
            data-testid="bands-histogram"
            style:display=move || if shown.get() { "block" } else { "none" }
            style:width="420px"
            style:height="220px"
            role="img"
            aria-label=move || i18n::HISTOGRAM_TITLE.get(lang.get())
        ></canvas>
    }
}

/// Which goal the form asks for.
#[derive(Clone, Copy, PartialEq)]
enum GoalKind {
    InTerm,
    Cost,
}

/// The cost goal's amount until one is typed: written in the reader's
/// notation ("20.000.000", "20,000,000") and read back by the levers' one
/// number reader.
const DEFAULT_GOAL_EUR: f64 = 20_000_000.0;

/// Goal-seek: the goal, the lever, the answer and a button that applies it.
/// The goal's defaults follow the view (see [`Goal::defaults`]); what is
/// typed is kept until the view changes.
#[component]
fn GoalPanel() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let kind = RwSignal::new(GoalKind::InTerm);
    // The view is the horizon: the goals follow it, not the other levers,
    // so a drag of another lever recomputes nothing here.
    let (start, from, end) = (store.start_day(), store.levers_from(), store.end_day());
    let horizon = Memo::new(move |_| (start.get(), from.get(), end.get()));
    let view = move || {
        let (start, from, end) = horizon.get();
        Scenario {
            start,
            from,
            end,
            ..Scenario::default()
        }
    };
    let defaults = Memo::new(move |_| Goal::defaults(&view()));
    // The goal's bounds: from the levers' first month to ten years after
    // `from`, as far as a run can go.
    let bounds = Memo::new(move |_| {
        let s = view();
        let join = s.start.add_days(7 * s.join_week() as i64).first_of_month();
        (join, s.from.max(s.start).add_months(120))
    });
    let day = RwSignal::new(None::<String>);
    let year = RwSignal::new(None::<String>);
    let eur = RwSignal::new(None::<String>);
    // A new view brings goals that mean something in it.
    Effect::new(move |_| {
        defaults.track();
        day.set(None);
        year.set(None);
    });
    let day_text = move || day.get().unwrap_or_else(|| defaults.get().0.to_string());
    let year_text = move || year.get().unwrap_or_else(|| defaults.get().1.to_string());
    let eur_text = move || {
        eur.get()
            .unwrap_or_else(|| formats(lang.get()).whole(DEFAULT_GOAL_EUR))
    };
    let which = RwSignal::new(GoalLever::Fte);
    let answer = RwSignal::new(None::<GoalResult>);
    let bad_input = RwSignal::new(false);
    // What was repaired or refused in the goal's year and amount.
    let notes = RwSignal::new(Vec::<Warning>::new());
    let run = move |_| {
        let (goal, said) = match kind.get_untracked() {
            GoalKind::InTerm => (
                day_text().trim().parse::<Date>().ok().map(Goal::InTermBy),
                Vec::new(),
            ),
            GoalKind::Cost => Goal::cost(&year_text(), &eur_text(), lang.get_untracked()),
        };
        bad_input.set(goal.is_none() && said.is_empty());
        notes.set(said);
        answer.set(goal.map(|g| seek(&store.current(), which.get_untracked(), g)));
    };
    let apply = move |_| {
        let Some(result) = answer.get_untracked() else {
            return;
        };
        if let Some(s) = result.applied(&store.current()) {
            store.apply(s);
        }
    };
    let reached = move || {
        answer.with(|a| {
            a.as_ref()
                .is_some_and(|a| matches!(a.outcome, Outcome::Reached { .. }))
        })
    };
    view! {
        <div class="goal-panel">
            <h3>{move || i18n::GOAL_TITLE.get(lang.get())}</h3>
            <p class="explain">{move || i18n::GOAL_EXPLAIN.get(lang.get())}</p>
            <div class="goal-form">
                <label>
                    <input
                        type="radio"
                        name="goal-kind"
                        data-testid="goal-kind-in-term"
                        prop:checked=move || kind.get() == GoalKind::InTerm
                        on:change=move |_| kind.set(GoalKind::InTerm)
                    />
                    " "
                    {move || i18n::GOAL_IN_TERM.get(lang.get())}
                    " "
                    <input
                        type="date"
                        data-testid="goal-day"
                        min=move || bounds.get().0.to_string()
                        max=move || bounds.get().1.to_string()
                        prop:value=day_text
                        on:change=move |ev| {
                            day.set(Some(event_target_value(&ev)));
                            kind.set(GoalKind::InTerm);
                        }
                    />
                </label>
                <label>
                    <input
                        type="radio"
                        name="goal-kind"
                        data-testid="goal-kind-cost"
                        prop:checked=move || kind.get() == GoalKind::Cost
                        on:change=move |_| kind.set(GoalKind::Cost)
                    />
                    " "
                    {move || i18n::GOAL_COST.get(lang.get())}
                    " "
                    <input
                        type="text"
                        inputmode="numeric"
                        size="4"
                        data-testid="goal-year"
                        prop:value=year_text
                        on:change=move |ev| {
                            year.set(Some(event_target_value(&ev)));
                            kind.set(GoalKind::Cost);
                        }
                    />
                    " "
                    {move || i18n::GOAL_UNDER.get(lang.get())}
                    " "
                    <input
                        type="text"
                        inputmode="decimal"
                        size="14"
                        data-testid="goal-eur"
                        prop:value=eur_text
                        on:change=move |ev| {
                            eur.set(Some(event_target_value(&ev)));
                            kind.set(GoalKind::Cost);
                        }
                    />
                </label>
                <label>
                    {move || i18n::GOAL_LEVER.get(lang.get())}
                    " "
                    <select
                        data-testid="goal-lever"
                        on:change=move |ev| {
                            which
                                .set(
                                    if event_target_value(&ev) == "baa" {
                                        GoalLever::Baa
                                    } else {
                                        GoalLever::Fte
                                    },
                                )
                        }
                    >
                        <option value="fte" selected=move || which.get() == GoalLever::Fte>
                            {move || i18n::GOAL_FTE.get(lang.get())}
                        </option>
                        <option value="baa" selected=move || which.get() == GoalLever::Baa>
                            {move || i18n::GOAL_BAA.get(lang.get())}
                        </option>
                    </select>
                </label>
                <button type="button" data-testid="goal-seek" on:click=run>
                    {move || i18n::GOAL_SEEK.get(lang.get())}
                </button>
            </div>
            <Show when=move || bad_input.get()>
                <p class="goal-answer">{move || i18n::GOAL_BAD_INPUT.get(lang.get())}</p>
            </Show>
            <Show when=move || notes.with(|n| !n.is_empty())>
                <p class="field-note" role="status" data-testid="goal-note">
                    {move || {
                        notes
                            .with(|n| {
                                n.iter().map(|w| w.message(lang.get())).collect::<Vec<_>>().join(" ")
                            })
                    }}
                </p>
            </Show>
            <Show when=move || answer.with(Option::is_some)>
                <p
                    class="goal-answer"
                    data-testid="goal-answer"
                    data-value=move || {
                        answer
                            .with(|a| match a.as_ref().map(|a| a.outcome) {
                                Some(Outcome::Reached { value, .. }) => value.to_string(),
                                _ => String::new(),
                            })
                    }
                    data-until=move || {
                        answer
                            .with(|a| {
                                a.as_ref()
                                    .and_then(|a| a.extended_to)
                                    .map(|d| d.to_string())
                                    .unwrap_or_default()
                            })
                    }
                    role="status"
                >
                    {move || {
                        let lang = lang.get();
                        let f = formats(lang);
                        answer.with(|a| a.as_ref().map(|a| a.message(lang, &*f)))
                    }}
                </p>
            </Show>
            <Show when=reached>
                <button type="button" data-testid="goal-apply" on:click=apply>
                    {move || i18n::GOAL_APPLY.get(lang.get())}
                </button>
            </Show>
        </div>
    }
}

/// The tornado: a bar per lever for its effect on the total cost, with the
/// effect on the backlog beside it, largest first; each lever's range in
/// its own units around the scenario's value, and a bar without effect
/// said in words. Cleared when the scenario changes, so that it is always
/// of what is on screen.
#[component]
fn TornadoPanel() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let bars = RwSignal::new(None::<Vec<TornadoBar>>);
    Effect::new(move |_| {
        store.scenario().track();
        if bars.with_untracked(Option::is_some) {
            bars.set(None);
        }
    });
    let compute = move |_| bars.set(Some(tornado(&store.current())));
    let rows = move || {
        let lang = lang.get();
        let f = formats(lang);
        bars.with(|bars| {
            let Some(bars) = bars else {
                return Vec::new();
            };
            let widest = bars
                .iter()
                .map(|b| b.cost_effect().abs())
                .fold(0.0, f64::max)
                .max(1.0);
            bars.iter()
                .map(|b| {
                    let label = lever(b.key).map_or(b.key, |l| l.label.get(lang));
                    let (low, high, value) = b.described(lang);
                    let share = b.cost_effect().abs() / widest * 50.0;
                    let (left, class) = if b.cost_effect() < 0.0 {
                        (50.0 - share, "bar lower")
                    } else {
                        (50.0, "bar higher")
                    };
                    let effects = match b.no_effect {
                        Some(NoEffect::AfterHorizon { end }) => {
                            format!("{} {})", i18n::TORNADO_AFTER_HORIZON.get(lang), f.day(&end))
                        }
                        Some(NoEffect::Idle) => i18n::TORNADO_IDLE.get(lang).to_owned(),
                        None => format!(
                            "{} {} · {} {} {}",
                            i18n::TORNADO_COST.get(lang),
                            f.signed_euro_compact(b.cost_effect()),
                            i18n::TORNADO_BACKLOG.get(lang),
                            f.signed_whole(b.backlog_effect()),
                            i18n::TORNADO_CASES.get(lang),
                        ),
                    };
                    view! {
                        <li data-testid="tornado-row" data-key=b.key>
                            <span class="lever">
                                {format!(
                                    "{label}: {low} → {high} ({} {value})",
                                    i18n::TORNADO_NOW.get(lang),
                                )}
                            </span>
                            <span class="track" aria-hidden="true">
                                <span
                                    class=class
                                    style:left=format!("{left:.1}%")
                                    style:width=format!("{share:.1}%")
                                ></span>
                            </span>
                            <span class="effects">{effects}</span>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="tornado-panel">
            <h3>{move || i18n::TORNADO_TITLE.get(lang.get())}</h3>
            <p class="explain">{move || i18n::TORNADO_EXPLAIN.get(lang.get())}</p>
            <button type="button" data-testid="tornado-run" on:click=compute>
                {move || i18n::TORNADO_RUN.get(lang.get())}
            </button>
            <ol class="tornado" data-testid="tornado">
                {rows}
            </ol>
        </div>
    }
}
