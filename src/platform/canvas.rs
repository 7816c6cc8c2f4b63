//! Drawing a chart on a `<canvas>` with plotters-canvas, sharp on HiDPI
//! screens: the canvas's backing store is its CSS size times the device
//! pixel ratio, and the charts scale every line and font by the same ratio.

use doorstroom_charts::{
    AnyBackend, Chart, ChartInput, Layer, Plot, Scales, background_key, draw, draw_layer,
};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

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

/// A plotters backend for `canvas`, as the one backend type every chart is
/// drawn on (`AnyBackend`): the charts' code is then in the wasm once, not
/// once for the canvas and again for the SVG export.
pub fn backend(canvas: &HtmlCanvasElement) -> Option<AnyBackend<'static>> {
    CanvasBackend::with_canvas_object(canvas.clone()).map(AnyBackend::new)
}

/// Draws `chart` on `canvas` at its current backing size. Returns where the
/// plot area landed (for the pointer), or `None` if the canvas has no 2D
/// context or the drawing failed (reported on the console: the page must
/// show the other charts, not stop).
pub fn paint(canvas: &HtmlCanvasElement, chart: Chart, input: &ChartInput) -> Option<Plot> {
    let backend = backend(canvas)?;
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

/// A chart's background kept in a canvas of its own (never in the
/// document), drawn again only when what it shows changes: on each paint
/// it is copied onto the chart's canvas and the foreground (the scenario's
/// own series and the pointer) is drawn over it. The charts crate draws
/// the whole chart as the background and then the foreground, so the
/// picture is the one [`paint`] gives (see `doorstroom_charts::layers`).
#[derive(Default)]
pub struct Layers {
    background: Option<HtmlCanvasElement>,
    /// The fingerprint of what the background holds (`None`: nothing yet).
    key: Option<u64>,
}

/// Whether a paint drew the background anew or copied the one it kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Background {
    Drawn,
    Kept,
}

impl Layers {
    /// Draws `chart` on `canvas` at its backing size on `scales`, from the
    /// kept background when `input` leaves it as it is. Returns where the
    /// plot landed and whether the background was drawn, or `None` (as
    /// [`paint`]) when a canvas has no 2D context or the drawing failed.
    pub fn paint(
        &mut self,
        canvas: &HtmlCanvasElement,
        chart: Chart,
        input: &ChartInput,
        scales: &Scales,
    ) -> Option<(Plot, Background)> {
        let size = (canvas.width(), canvas.height());
        let key = background_key(chart, input, scales, size);
        let made = if self.key == Some(key) {
            Background::Kept
        } else {
            // Forget the old one first: a failed drawing leaves no stale
            // background behind.
            self.key = None;
            let layer = match &self.background {
                Some(layer) => layer.clone(),
                None => {
                    let layer: HtmlCanvasElement = leptos::prelude::document()
                        .create_element("canvas")
                        .ok()?
                        .dyn_into()
                        .ok()?;
                    self.background = Some(layer.clone());
                    layer
                }
            };
            if (layer.width(), layer.height()) != size {
                layer.set_width(size.0);
                layer.set_height(size.1);
            }
            draw_on(&layer, chart, input, scales, Layer::Background)?;
            self.key = Some(key);
            Background::Drawn
        };
        let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        let layer = self.background.as_ref()?;
        context
            .draw_image_with_html_canvas_element(layer, 0.0, 0.0)
            .ok()?;
        let plot = draw_on(canvas, chart, input, scales, Layer::Foreground)?;
        Some((plot, made))
    }
}

/// Draws `layer` of `chart` on `canvas` (as [`paint`]: failures logged).
fn draw_on(
    canvas: &HtmlCanvasElement,
    chart: Chart,
    input: &ChartInput,
    scales: &Scales,
    layer: Layer,
) -> Option<Plot> {
    let backend = backend(canvas)?;
    let area = backend.into_drawing_area();
    match draw_layer(chart, &area, input, scales, layer) {
        Ok(plot) => {
            let _ = area.present();
            Some(plot)
        }
        Err(error) => {
            leptos::logging::warn!("chart {} ({layer:?}) not drawn: {error:?}", chart.id());
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
