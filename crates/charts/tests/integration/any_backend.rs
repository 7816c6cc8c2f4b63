//! The charts drawn through `AnyBackend` (the one backend type the page
//! draws on, so that the charts' code is in its wasm once) are the charts
//! drawn straight on the backend it wraps: the same SVG, byte for byte, for
//! every chart, language and size, and the same plot area.

use doorstroom_charts::{AnyBackend, Chart, ChartInput, PlainFormat, Theme, draw, to_svg};
use doorstroom_model::{Lang, Scenario};
use plotters::prelude::*;

#[test]
fn every_chart_through_any_backend_is_the_chart_drawn_straight() {
    let run = Scenario::from_query("intake=60000&fte=700").0.run();
    let baseline = Scenario::from_query("").0.run();
    for lang in [Lang::Nl, Lang::En] {
        for theme in [
            Theme::default(),
            Theme {
                scale: 2.0,
                large: true,
            },
        ] {
            let format = PlainFormat { lang };
            let input = ChartInput {
                run: &run,
                baseline: Some(&baseline),
                compared: &[],
                cursor: Some(30),
                lang,
                format: &format,
                theme,
                published: None,
                from: None,
                bands: None,
            };
            for chart in Chart::ALL {
                let size = (900, 420);
                let mut straight = String::new();
                let straight_plot = {
                    let area = SVGBackend::with_string(&mut straight, size).into_drawing_area();
                    let plot = draw(chart, &area, &input).unwrap();
                    area.present().unwrap();
                    plot
                };
                let mut erased = String::new();
                let erased_plot = {
                    let area = AnyBackend::new(SVGBackend::with_string(&mut erased, size))
                        .into_drawing_area();
                    let plot = draw(chart, &area, &input).unwrap();
                    area.present().unwrap();
                    plot
                };
                assert!(straight.contains("<text"), "{chart:?} draws its text");
                assert_eq!(erased, straight, "{chart:?} {lang:?} {theme:?}");
                assert_eq!(erased_plot, straight_plot, "{chart:?}");
                // `to_svg`, which draws through `AnyBackend`, gives the same.
                assert_eq!(
                    to_svg(chart, &input, size.0, size.1),
                    doorstroom_model::safe_text::svg(&straight)
                );
            }
        }
    }
}
