//! A chart as the handout prints it: its own canvas, hidden on screen,
//! drawn at a fixed size in the proportions of its box on A4 paper.
//!
//! A browser prints the page as laid out for paper without giving the
//! screen's canvas a frame to redraw in: that canvas, drawn for a wide
//! window, printed scaled into its paper box, its legend and title taking
//! most of the height and the plot a strip of 15 mm. This canvas is drawn
//! for the paper box instead (two charts side by side on A4), so its
//! legend stands beside the plot and the plot keeps most of the height.
//! It follows the settled scenario: drawn a moment after the last change
//! (never on every frame of a drag), and at once when the browser says it
//! is about to print.

use doorstroom_charts::Chart;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use crate::platform::canvas;
use crate::state::use_store;
use crate::view::chart_panel::with_input;

/// The drawing's size in CSS pixels: a column of A4 (about 89 mm wide) at
/// this width gives the charts' type 6 to 7 pt on paper; the height keeps
/// the plot about 6 cm tall in that column (the legend beside it). The canvas prints at the
/// column's width and, from its backing store, in these proportions.
pub const PRINT_SIZE: (f64, f64) = (440.0, 425.0);

/// Backing pixels per CSS pixel: sharp at a printer's resolution.
const PRINT_SCALE: f64 = 3.0;

/// How long the scenario must rest before the paper's charts redraw.
const SETTLE: std::time::Duration = std::time::Duration::from_millis(300);

#[component]
pub fn PrintedChart(chart: Chart) -> impl IntoView {
    let store = use_store();
    let canvas_ref = NodeRef::<html::Canvas>::new();
    let pending = StoredValue::new(None::<TimeoutHandle>);

    let draw = move || {
        let Some(canvas) = canvas_ref.get_untracked() else {
            return;
        };
        canvas::fit(&canvas, PRINT_SIZE, PRINT_SCALE);
        let painted = untrack(|| {
            with_input(store, None, None, PRINT_SCALE, |input| {
                canvas::paint(&canvas, chart, input)
            })
        });
        if let Some(p) = painted {
            // Where the plot went, as shares of the drawing (top, bottom,
            // left, right): the handout's test measures the printed plot
            // with them.
            let (w, h) = (PRINT_SIZE.0 * PRINT_SCALE, PRINT_SIZE.1 * PRINT_SCALE);
            let share = |v: i32, of: f64| format!("{:.4}", f64::from(v) / of);
            let _ = canvas.set_attribute(
                "data-plot-share",
                &format!(
                    "{} {} {} {}",
                    share(p.top, h),
                    share(p.bottom, h),
                    share(p.left, w),
                    share(p.right, w)
                ),
            );
        }
    };
    let draw_now = move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
            pending.set_value(None);
        }
        draw();
    };

    Effect::new(move |_| {
        // Everything the drawing reads, tracked; drawn once it rests.
        with_input(store, None, None, PRINT_SCALE, |_| ());
        if store.dragging().get() || canvas_ref.get().is_none() {
            return;
        }
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        pending.set_value(
            set_timeout_with_handle(
                move || {
                    pending.set_value(None);
                    draw();
                },
                SETTLE,
            )
            .ok(),
        );
    });
    // Printing right after a change: the drawing is made before the page
    // is laid out for paper.
    let listener = window_event_listener(
        ev::Custom::<web_sys::Event>::new("beforeprint"),
        move |_| draw_now(),
    );
    on_cleanup(move || {
        listener.remove();
        // A redraw still waiting would find the canvas gone.
        if let Some(Some(handle)) = pending.try_get_value() {
            handle.clear();
        }
    });

    view! {
        <canvas
            class="print-chart print-only"
            node_ref=canvas_ref
            data-print-chart=chart.id()
            aria-hidden="true"
        ></canvas>
    }
}
