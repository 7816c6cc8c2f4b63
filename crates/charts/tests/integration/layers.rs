//! Native tests of the charts' two layers, in SVG: the background and then
//! the foreground are, element for element, the chart drawn whole; what a
//! slider moves is only in the foreground, and the pointer too.

use doorstroom_charts::plotters::prelude::*;
use doorstroom_charts::{
    Chart, ChartInput, Layer, Overlay, PlainFormat, Scales, Theme, draw_layer, scales,
};
use doorstroom_model::record;
use doorstroom_model::uncertainty::{BandSettings, Bands, sample};
use doorstroom_model::{Lang, Run, Scenario};

fn run(query: &str) -> Run {
    Scenario::from_query(query).0.run()
}

/// The elements `layer` of `chart` draws, one a line, without the SVG
/// document around them.
fn elements(chart: Chart, input: &ChartInput, scales: &Scales, layer: Layer) -> Vec<String> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (900, 420)).into_drawing_area();
        draw_layer(chart, &root, input, scales, layer).expect("drawn");
        root.present().expect("written");
    }
    out.lines()
        .filter(|l| !l.starts_with("<svg") && !l.starts_with("</svg"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn background_then_foreground_is_the_chart_drawn_whole() {
    let scenario = Scenario::from_query("intake=60000").0;
    let main = scenario.run();
    let moved = run("intake=64000");
    let base = run("");
    let high = run("intake=100000");
    let staff = run("fte=900");
    let settings = BandSettings {
        on: true,
        runs: 8,
        ..BandSettings::default()
    };
    let bands = Bands::of(&sample(&scenario, &settings, 0..settings.runs));
    let rows = record::compare(&main);
    let compared = [
        Overlay {
            run: &high,
            label: "Hoog scenario",
        },
        Overlay {
            run: &staff,
            label: "Meer personeel",
        },
    ];
    let format = PlainFormat { lang: Lang::Nl };
    let input = |run| ChartInput {
        run,
        baseline: Some(&base),
        compared: &compared,
        cursor: Some(60),
        lang: Lang::Nl,
        format: &format,
        theme: Theme::default(),
        bands: Some(&bands),
        published: Some(&rows),
        from: Some(20),
    };
    for chart in Chart::ALL {
        let first = input(&main);
        let s = scales(chart, &first);
        let background = elements(chart, &first, &s, Layer::Background);
        let foreground = elements(chart, &first, &s, Layer::Foreground);
        let whole = elements(chart, &first, &s, Layer::Whole);
        assert!(
            !background.is_empty() && !foreground.is_empty(),
            "{chart:?}"
        );
        assert_eq!(
            [background.clone(), foreground].concat(),
            whole,
            "{chart:?}"
        );
        // Another run on the same scales, without the pointer: the same
        // background, element for element.
        let mut other = input(&moved);
        other.cursor = None;
        assert_eq!(
            elements(chart, &other, &s, Layer::Background),
            background,
            "{chart:?}"
        );
        // The pointer's readout is in the foreground only.
        let readout = "week van";
        if chart != Chart::Costs {
            assert!(!background.iter().any(|e| e.contains(readout)), "{chart:?}");
            assert!(
                elements(chart, &first, &s, Layer::Foreground)
                    .iter()
                    .any(|e| e.contains(readout)),
                "{chart:?}"
            );
        }
    }
}
