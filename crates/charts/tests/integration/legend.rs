//! Native tests of the legend's place: on a projector's small panel with
//! three compared scenarios, the published figures and the bands, the
//! legend goes beside the plot or onto one line, never over half the
//! chart's height, and long names are ellipsised.

use doorstroom_charts::{Chart, ChartInput, Overlay, PlainFormat, Plot, Theme, draw};
use doorstroom_model::record::{self, RecordRow};
use doorstroom_model::uncertainty::{BandSettings, Bands, sample};
use doorstroom_model::{Lang, Run, Scenario};
use plotters::prelude::*;

fn run(query: &str) -> Run {
    Scenario::from_query(query).0.run()
}

/// Draws `chart` at `width` × `height` into SVG; returns the drawing and
/// where its plot went.
fn drawn(chart: Chart, input: &ChartInput, width: u32, height: u32) -> (String, Plot) {
    let mut out = String::new();
    let plot = {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        let plot = draw(chart, &root, input).expect("SVG never fails");
        root.present().expect("SVG never fails");
        plot
    };
    (out, plot)
}

fn texts(svg: &str) -> Vec<String> {
    svg.match_indices("<text")
        .filter_map(|(i, _)| {
            let rest = &svg[i..];
            let open = rest.find('>')?;
            let close = rest.find("</text>")?;
            Some(rest[open + 1..close].trim().to_string())
        })
        .collect()
}

struct Fixture {
    main: Run,
    base: Run,
    others: Vec<Run>,
    bands: Bands,
    published: Vec<RecordRow>,
}

fn fixture() -> Fixture {
    let main = run("intake=60000");
    let settings = BandSettings {
        on: true,
        runs: 40,
        ..BandSettings::default()
    };
    let s = Scenario::from_query("intake=60000").0;
    Fixture {
        published: record::compare(&main),
        bands: Bands::of(&sample(&s, &settings, 0..40)),
        base: run(""),
        others: vec![
            run("intake=77000"),
            run("fte=900"),
            run("intake=49000&term=6"),
        ],
        main,
    }
}

const NAMES: [&str; 3] = [
    "Instroom 77.000 per jaar + 2 meer en nog veel meer woorden",
    "Meer personeel",
    "Lage instroom, korte termijn",
];

#[test]
fn the_plot_keeps_half_the_panel_at_projector_sizes() {
    let f = fixture();
    let compared: Vec<Overlay> = f
        .others
        .iter()
        .zip(NAMES)
        .map(|(run, label)| Overlay { run, label })
        .collect();
    // A presented chart's panel at 1280×720 and 1366×768 (two across, type
    // at 150 %), at device pixel ratio 1 and 2, and a desk-sized one.
    for (lang, (w, h), large, scale) in [
        (Lang::Nl, (620, 330), true, 1.0),
        (Lang::En, (620, 330), true, 1.0),
        (Lang::Nl, (660, 360), true, 2.0),
        (Lang::En, (660, 360), true, 1.0),
        (Lang::Nl, (900, 420), false, 1.0),
    ] {
        let format = PlainFormat { lang };
        let input = ChartInput {
            run: &f.main,
            baseline: Some(&f.base),
            compared: &compared,
            cursor: None,
            lang,
            format: &format,
            theme: Theme { scale, large },
            published: Some(&f.published),
            bands: Some(&f.bands),
            from: None,
        };
        let (w, h) = ((w as f64 * scale) as u32, (h as f64 * scale) as u32);
        for chart in Chart::ALL {
            let (svg, plot) = drawn(chart, &input, w, h);
            let plot_h = plot.bottom - plot.top;
            assert!(
                2 * plot_h >= h as i32,
                "{chart:?} {lang:?} {w}×{h}: plot {plot_h} px of {h}"
            );
            assert!(plot.right - plot.left > w as i32 / 3, "{chart:?}: {plot:?}");
            let texts = texts(&svg);
            // Every compared scenario is named, whole or ellipsised.
            for name in NAMES {
                let head: String = name.chars().take(1).collect();
                assert!(
                    texts.iter().any(|t| t == name
                        || (t.ends_with('…') && t.starts_with(&head))
                        || t.contains(name)),
                    "{chart:?} {w}×{h}: {name} missing in {texts:?}"
                );
            }
            // Nothing written past the right edge: every legend text
            // starts inside the chart.
            for x in svg
                .split("<text x=\"")
                .skip(1)
                .filter_map(|s| s.split('"').next()?.parse::<f64>().ok())
            {
                assert!(x >= 0.0 && x < w as f64, "{chart:?}: text at x = {x}");
            }
        }
    }
}

#[test]
fn a_wide_chart_keeps_its_legend_above_and_whole() {
    let f = fixture();
    let compared = [Overlay {
        run: &f.others[0],
        label: NAMES[0],
    }];
    let format = PlainFormat { lang: Lang::Nl };
    let input = ChartInput {
        run: &f.main,
        baseline: Some(&f.base),
        compared: &compared,
        cursor: None,
        lang: Lang::Nl,
        format: &format,
        theme: Theme::default(),
        published: None,
        bands: None,
        from: None,
    };
    let (svg, plot) = drawn(Chart::Backlog, &input, 1200, 675);
    assert!(texts(&svg).iter().any(|t| t == NAMES[0]), "whole name");
    // The plot spans the chart's width: no column beside it.
    assert!(plot.right > 1100, "{plot:?}");
}
