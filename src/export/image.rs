//! A chart as an image file: PNG drawn on a detached canvas at slide size,
//! SVG drawn by the charts crate, both through `draw_with_caption`, so the
//! two carry the same title, scenario and source line.

use doorstroom_charts::AnyBackend;
use doorstroom_charts::{Caption, Chart, ChartInput, Theme, draw_with_caption, file_stem};
use leptos::prelude::document;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use crate::platform::canvas;
use crate::platform::download;

/// The exported image's size in CSS pixels, and the PNG's pixel ratio:
/// 2400 × 1350 pixels, sharp on a full-HD slide or a printed page
/// whatever the reader's screen; the SVG is drawn at the CSS size.
pub const CSS_SIZE: (f64, f64) = (1200.0, 675.0);
pub const PNG_RATIO: f64 = 2.0;

fn at_scale<'a>(input: &ChartInput<'a>, scale: f64) -> ChartInput<'a> {
    ChartInput {
        run: input.run,
        baseline: input.baseline,
        compared: input.compared,
        cursor: None,
        lang: input.lang,
        published: input.published,
        bands: input.bands,
        from: input.from,
        format: input.format,
        theme: Theme {
            scale,
            large: input.theme.large,
        },
    }
}

/// Offers `chart` as `doorstroom-<scenario>-<chart>.png`.
pub fn png(chart: Chart, input: &ChartInput, caption: &Caption, slug: &str) {
    png_drawn(
        &format!("{}.png", file_stem(slug, chart)),
        |area| match draw_with_caption(chart, area, &at_scale(input, PNG_RATIO), caption) {
            Ok(_) => true,
            Err(error) => {
                leptos::logging::warn!("chart {} not exported: {error:?}", chart.id());
                false
            }
        },
    );
}

/// Offers as `file_name` what `draw` draws (at [`PNG_RATIO`]) on a
/// detached canvas of the export's size, if it says it drew: the one PNG
/// writer of the charts and of the other pictures (the waterfall).
pub fn png_drawn(
    file_name: &str,
    draw: impl FnOnce(&DrawingArea<AnyBackend<'static>, Shift>) -> bool,
) {
    let Some(canvas) = document()
        .create_element("canvas")
        .ok()
        .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
    else {
        return;
    };
    canvas::fit(&canvas, CSS_SIZE, PNG_RATIO);
    let Some(backend) = canvas::backend(&canvas) else {
        return;
    };
    let area = backend.into_drawing_area();
    if !draw(&area) {
        return;
    }
    let _ = area.present();
    if let Ok(url) = canvas.to_data_url_with_type("image/png") {
        download::offer(&url, file_name);
    }
}

/// Offers `chart` as `doorstroom-<scenario>-<chart>.svg`.
pub fn svg(chart: Chart, input: &ChartInput, caption: &Caption, slug: &str) {
    let text = doorstroom_charts::to_svg_with_caption(
        chart,
        &at_scale(input, 1.0),
        CSS_SIZE.0 as u32,
        CSS_SIZE.1 as u32,
        caption,
    );
    download::offer_text(
        &text,
        "image/svg+xml",
        &format!("{}.svg", file_stem(slug, chart)),
    );
}
