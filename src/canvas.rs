//! Drawing a chart on a `<canvas>` with plotters-canvas, sharp on HiDPI
//! screens: the canvas's backing store is its CSS size times the device
//! pixel ratio, and the charts scale every line and font by the same ratio.

use doorstroom_charts::{Chart, ChartInput, Plot, draw};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

/// Sizes the canvas's backing store to `css` × `ratio` device pixels (only
/// when it changed: resizing clears the canvas and costs a reallocation).
pub fn fit(canvas: &HtmlCanvasElement, css: (f64, f64), ratio: f64) {
    let width = (css.0 * ratio).round().max(1.0) as u32;
    let height = (css.1 * ratio).round().max(1.0) as u32;
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
}

/// Draws `chart` on `canvas` at its current backing size. Returns where the
/// plot area landed (for the pointer), or `None` if the canvas has no 2D
/// context or the drawing failed (reported on the console: the page must
/// show the other charts, not stop).
pub fn paint(canvas: &HtmlCanvasElement, chart: Chart, input: &ChartInput) -> Option<Plot> {
    let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
    let area = backend.into_drawing_area();
    match draw(chart, &area, input) {
        Ok(plot) => {
            let _ = area.present();
            Some(plot)
        }
        Err(error) => {
            leptos::logging::warn!("chart {} not drawn: {error:?}", chart.id());
            None
        }
    }
}

/// The performance mark set when the first chart has been drawn; `cargo
/// xtask bench` reads it to measure the time to the first chart.
pub const FIRST_CHART_MARK: &str = "doorstroom:first-chart";

thread_local! {
    static FIRST_CHART_MARKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

pub fn mark_first_chart() {
    if FIRST_CHART_MARKED.replace(true) {
        return;
    }
    if let Some(performance) = leptos::prelude::window().performance() {
        // Only the benchmark reads the mark; a page without it works the same.
        let _ = performance.mark(FIRST_CHART_MARK);
    }
}
