//! The headline figures: six large numbers, each with its change against the
//! baseline. The figure itself sits alone in its element (the test hooks
//! read it); the label and the change are siblings.
//!
//! The texts are the view model's (`view_model::figures`): the change is
//! said once in words, its size and its way ("€ 23,6 mln. lager"), with an
//! arrow and a colour beside it, so that colour is never the only sign.

use doorstroom_model::record;
use leptos::prelude::*;

use crate::format::formats;
use crate::i18n;
use crate::state::use_store;
use crate::view::glossary::Words;
use crate::view_model::changes::{self, Direction};
pub(crate) use crate::view_model::figures::{Context, FIGURES, FigureSpec};

/// Figures longer than this (a phrase rather than a number) are set smaller,
/// so that they fit their card without being cut off.
const LONG_FIGURE: usize = 13;

/// The headline figures, in an aria-live region so that a screen reader
/// hears the new figures after a change.
#[component]
pub fn Kpis() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    // Only the horizon's end of the scenario shows here; a memo keeps the
    // other levers from recomputing the figures' texts.
    let end = store.end_day();
    // The first day of the first week of the reader's levers, and the day
    // they apply from (`None` from the start).
    // The run knows its first week of the levers: no scenario is read.
    let first_day = Memo::new(move |_| store.run.with(|r| r.week_start(r.join_week())));
    let from = Memo::new(move |_| {
        let from = store.levers_from().get();
        store.run.with(|r| (r.join_week() > 0).then_some(from))
    });
    let from_start = Memo::new(move |_| from.with(Option::is_none));
    // "vanaf januari 2026" on each card of a run from a later day: the
    // figures count from there.
    // In full and short ("vanaf jan 2026"), for the narrow cards of the
    // projector layout.
    let counts_from = Memo::new(move |_| {
        let from = from.get()?;
        let lang = lang.get();
        let f = formats(lang);
        let (long, short) = if from.day() == 1 {
            (f.month_long(&from), f.month_short(&from))
        } else {
            (f.day(&from), f.day(&from))
        };
        let word = i18n::COUNTS_FROM.get(lang);
        // The history before the join follows the record's inputs up to
        // its last day (or to the join, if that comes first).
        let through = record::inputs::RECORD_END.min(from.add_days(-1));
        let history = i18n::HISTORY_THROUGH.get(lang);
        Some((
            format!("{word} {long}; {history} {}", f.day(&through)),
            format!("{word} {short}"),
        ))
    });
    let cards = FIGURES
        .iter()
        .map(|slot| {
            // The figure of this card: the slot's, or the one it shows in
            // a run from a later day.
            let spec = move || slot.for_run(from_start.get());
            let figure = Memo::new(move |_| {
                crate::platform::reruns::rerun(crate::platform::reruns::Node::Frame);
                let lang = lang.get();
                let end = end.get();
                let from_start = from_start.get();
                let spec = slot.for_run(from_start);
                let f = formats(lang);
                let letter_scope = store.letter_scope_penalties.get();
                store.summary.with(|now| {
                    store.baseline_summary.with(|base| {
                        (spec.figure)(&Context {
                            now,
                            base,
                            f: &*f,
                            end,
                            letter_scope,
                            from_start,
                            first_day: first_day.get(),
                        })
                    })
                })
            });
            let long = Memo::new(move |_| figure.with(|f| f.value.chars().count() > LONG_FIGURE));
            // P10 to P90 and the median over the bands' runs, when bands of
            // what is on screen are ready; "never" counted as a value.
            let range = Memo::new(move |_| {
                let bands = store.current_bands()?;
                let f = formats(lang.get());
                let spec = spec();
                let d = bands.distribution(spec.measure)?;
                Some(spec.band_line(d, (bands.start, end.get()), &*f))
            });
            let range_testid = move || format!("range-{}", spec().testid);
            let change = move || figure.with(|f| f.change.clone());
            view! {
                <div class="kpi">
                    <p class="kpi-label">
                        <Words text=Signal::derive(move || spec().label.get(lang.get()).to_owned()) />
                    </p>
                    <Show when=move || counts_from.with(Option::is_some)>
                        <p
                            class="kpi-from"
                            data-testid="kpi-from"
                            title=move || {
                                from.get().map(|d| i18n::history_followed(lang.get(), &formats(lang.get()), d))
                            }
                        >
                            <span class="kpi-from-long">
                                {move || counts_from.get().unwrap_or_default().0}
                            </span>
                            <span class="kpi-from-short">
                                {move || counts_from.get().unwrap_or_default().1}
                            </span>
                        </p>
                    </Show>
                    <p class="kpi-value" class:long=long data-testid=move || spec().testid>
                        {move || figure.with(|f| f.value.clone())}
                    </p>
                    <p class="kpi-note" data-testid="kpi-note">
                        <span class="kpi-note-long">
                            <Words text=Signal::derive(move || figure.with(|f| f.note.clone())) />
                        </span>
                        <span class="kpi-note-short">
                            {move || figure.with(|f| f.short_note.clone())}
                        </span>
                    </p>
                    <Show when=move || range.with(Option::is_some)>
                        <p class="kpi-band">
                            <span class="kpi-median" data-testid=move || format!("median-{}", spec().testid)>
                                {move || range.with(|r| r.as_ref().map(|r| r.median.clone()))}
                            </span>
                            <Show when=move || range.with(|r| r.as_ref().is_some_and(|r| r.range.is_some()))>
                                " · "
                                <span class="kpi-range" data-testid=range_testid>
                                    {move || range.with(|r| r.as_ref().and_then(|r| r.range.clone()))}
                                </span>
                            </Show>
                            <Show when=move || range.with(|r| r.as_ref().is_some_and(|r| r.never.is_some()))>
                                " · "
                                <span class="kpi-never" data-testid=move || format!("never-{}", spec().testid)>
                                    {move || range.with(|r| r.as_ref().and_then(|r| r.never.clone()))}
                                </span>
                            </Show>
                        </p>
                    </Show>
                    <p class=move || format!("kpi-delta {}", change().tone.class())>
                        <span class="arrow" aria-hidden="true">
                            {move || changes::arrow(change().direction)}
                        </span>
                        " "
                        <span class="change">{move || change().text()}</span>
                        <span class="vs">
                            {move || {
                                if change().direction == Direction::Same {
                                    String::new()
                                } else {
                                    format!(" {}", i18n::VS_BASELINE.get(lang.get()))
                                }
                            }}
                        </span>
                    </p>
                </div>
            }
        })
        .collect_view();
    view! {
        <section
            class="kpis"
            aria-labelledby="kpis-title"
            aria-live="polite"
            aria-busy=move || if store.dragging().get() { "true" } else { "false" }
        >
            <h2 id="kpis-title" class="visually-hidden">
                {move || i18n::FIGURES.get(lang.get())}
            </h2>
            {cards}
        </section>
    }
}
