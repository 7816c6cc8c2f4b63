//! Browser tests of the charts' cached layers: a chart drawn from its kept
//! background with the foreground over it has the same pixels as the chart
//! drawn whole, for each chart with a baseline, compared scenarios,
//! published figures, bands, the "from" rule and the pointer; and the
//! background is kept across a slider-like change and drawn anew when
//! something it shows changes.

use doorstroom::{Background, Layers};
use doorstroom_charts::plotters::prelude::IntoDrawingArea;
use doorstroom_charts::{
    Chart, ChartInput, Layer, Overlay, PlainFormat, Scale, Scales, Theme, draw_layer, scales,
};
use doorstroom_model::record::{self, RecordRow};
use doorstroom_model::uncertainty::{BandSettings, Bands, sample};
use doorstroom_model::{Lang, Run, Scenario};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

fn run(query: &str) -> Run {
    Scenario::from_query(query).0.run()
}

/// A canvas of `width` × `height` device pixels, not in the document.
fn canvas(width: u32, height: u32) -> HtmlCanvasElement {
    let canvas: HtmlCanvasElement = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
        .create_element("canvas")
        .expect("a canvas")
        .dyn_into()
        .expect("a canvas element");
    canvas.set_width(width);
    canvas.set_height(height);
    canvas
}

fn pixels(canvas: &HtmlCanvasElement) -> Vec<u8> {
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .expect("a context")
        .expect("a 2D context")
        .dyn_into()
        .expect("a 2D context");
    context
        .get_image_data(0.0, 0.0, canvas.width().into(), canvas.height().into())
        .expect("image data")
        .data()
        .0
}

/// `chart` drawn whole on a fresh canvas on `scales`.
fn whole(chart: Chart, input: &ChartInput, scales: &Scales, size: (u32, u32)) -> Vec<u8> {
    let canvas = canvas(size.0, size.1);
    let area = CanvasBackend::with_canvas_object(canvas.clone())
        .expect("a backend")
        .into_drawing_area();
    draw_layer(chart, &area, input, scales, Layer::Whole).expect("drawn");
    pixels(&canvas)
}

/// The scenario, its baseline, two compared scenarios, the record and
/// bands: everything a background can hold.
struct Briefing {
    main: Run,
    moved: Run,
    base: Run,
    high: Run,
    staff: Run,
    record: Vec<RecordRow>,
    bands: Bands,
}

impl Briefing {
    fn new() -> Briefing {
        let scenario = Scenario::from_query("intake=60000").0;
        let settings = BandSettings {
            on: true,
            runs: 8,
            ..BandSettings::default()
        };
        let main = scenario.run();
        Briefing {
            record: record::compare(&main),
            bands: Bands::of(&sample(&scenario, &settings, 0..settings.runs)),
            main,
            // A slider a little further: the same horizon, other values.
            moved: run("intake=61000"),
            base: run(""),
            high: run("intake=100000"),
            staff: run("fte=900"),
        }
    }

    fn compared(&self) -> [Overlay<'_>; 2] {
        [
            Overlay {
                run: &self.high,
                label: "Hoog scenario",
            },
            Overlay {
                run: &self.staff,
                label: "Meer personeel",
            },
        ]
    }
}

fn input<'a>(
    b: &'a Briefing,
    run: &'a Run,
    compared: &'a [Overlay<'a>],
    format: &'a PlainFormat,
) -> ChartInput<'a> {
    ChartInput {
        run,
        baseline: Some(&b.base),
        compared,
        cursor: Some(60),
        lang: format.lang,
        format,
        theme: Theme {
            scale: 2.0,
            large: false,
        },
        bands: Some(&b.bands),
        published: Some(&b.record),
        from: Some(20),
    }
}

const SIZE: (u32, u32) = (1200, 700);

#[wasm_bindgen_test]
fn every_chart_from_its_layers_is_the_chart_drawn_whole() {
    let b = Briefing::new();
    let compared = b.compared();
    let format = PlainFormat { lang: Lang::Nl };
    let input = input(&b, &b.main, &compared, &format);
    for chart in Chart::ALL {
        // What the page paints whole (exports, the embed) ...
        let at_once = canvas(SIZE.0, SIZE.1);
        doorstroom::paint(&at_once, chart, &input).expect("drawn");
        // ... and from its layers.
        let layered = canvas(SIZE.0, SIZE.1);
        let mut layers = Layers::default();
        let fitted = scales(chart, &input);
        let (_, made) = layers
            .paint(&layered, chart, &input, &fitted)
            .expect("painted");
        assert_eq!(made, Background::Drawn, "{chart:?}");
        let (whole, from_layers) = (pixels(&at_once), pixels(&layered));
        assert_eq!(whole.len(), from_layers.len());
        let differ = whole
            .chunks(4)
            .zip(from_layers.chunks(4))
            .filter(|(a, b)| a != b)
            .count();
        assert_eq!(differ, 0, "{chart:?}: pixels that differ");
        // Not a blank canvas: the chart is there.
        assert!(whole.chunks(4).any(|p| p != &whole[..4]), "{chart:?}");
    }
}

#[wasm_bindgen_test]
fn the_background_is_kept_while_a_slider_moves_and_drawn_when_it_changes() {
    let b = Briefing::new();
    let compared = b.compared();
    let format = PlainFormat { lang: Lang::Nl };
    let en = PlainFormat { lang: Lang::En };
    for chart in Chart::ALL {
        let target = canvas(SIZE.0, SIZE.1);
        let mut layers = Layers::default();
        let first = input(&b, &b.main, &compared, &format);
        let held = scales(chart, &first);
        let made =
            |layers: &mut Layers, target: &HtmlCanvasElement, input: &ChartInput, s: &Scales| {
                layers.paint(target, chart, input, s).expect("painted").1
            };
        assert_eq!(made(&mut layers, &target, &first, &held), Background::Drawn);

        // A slider-like change: another run, on the held scales (it fits
        // inside them), and another pointer.
        let mut moved = input(&b, &b.moved, &compared, &format);
        moved.cursor = Some(100);
        let kept = Scales::hold(Some(held), scales(chart, &moved));
        assert_eq!(kept, held, "{chart:?}: the run stays inside the axes");
        assert_eq!(
            made(&mut layers, &target, &moved, &kept),
            Background::Kept,
            "{chart:?}"
        );
        // And the picture is that run's, drawn whole on those scales.
        assert_eq!(
            pixels(&target),
            whole(chart, &moved, &kept, SIZE),
            "{chart:?}"
        );
        // The pointer leaving: kept too.
        moved.cursor = None;
        assert_eq!(made(&mut layers, &target, &moved, &kept), Background::Kept);

        // Each input of the background: drawn anew.
        let other_language = input(&b, &b.moved, &compared, &en);
        assert_eq!(
            made(&mut layers, &target, &other_language, &kept),
            Background::Drawn,
            "{chart:?}: language"
        );
        let mut unpinned = input(&b, &b.moved, &compared[..1], &format);
        assert_eq!(
            made(&mut layers, &target, &unpinned, &kept),
            Background::Drawn,
            "{chart:?}: one scenario unpinned"
        );
        unpinned.published = None;
        assert_eq!(
            made(&mut layers, &target, &unpinned, &kept),
            Background::Drawn,
            "{chart:?}: published figures hidden"
        );
        unpinned.bands = None;
        assert_eq!(
            made(&mut layers, &target, &unpinned, &kept),
            Background::Drawn,
            "{chart:?}: bands gone"
        );
        unpinned.baseline = Some(&b.staff);
        assert_eq!(
            made(&mut layers, &target, &unpinned, &kept),
            Background::Drawn,
            "{chart:?}: another baseline"
        );
        unpinned.theme.large = true;
        assert_eq!(
            made(&mut layers, &target, &unpinned, &kept),
            Background::Drawn,
            "{chart:?}: presentation"
        );
        let wider = Scales {
            left: Scale::nice(kept.left.max * 3.0, 1.0),
            right: kept.right.map(|r| Scale::matched(r.max * 3.0, kept.left.n)),
        };
        assert_eq!(
            made(&mut layers, &target, &unpinned, &wider),
            Background::Drawn,
            "{chart:?}: another scale"
        );
        target.set_width(SIZE.0 - 100);
        assert_eq!(
            made(&mut layers, &target, &unpinned, &wider),
            Background::Drawn,
            "{chart:?}: another size"
        );
        // Nothing changed since: kept, and the same as drawn whole.
        assert_eq!(
            made(&mut layers, &target, &unpinned, &wider),
            Background::Kept
        );
        assert_eq!(
            pixels(&target),
            whole(chart, &unpinned, &wider, (SIZE.0 - 100, SIZE.1)),
            "{chart:?}"
        );
    }
}
