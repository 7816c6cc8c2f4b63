//! Writes every chart as SVG into a folder, to look at them:
//! `cargo run -p doorstroom-charts --example render --features svg -- /tmp/charts [query] [lang] [cursor-week] [scale] [large] [bands]`
//!
//! With `bands` the charts carry the Monte Carlo bands of the query (its
//! band settings, e.g. `runs=` and `seed=`), and `histogram.svg` shows the
//! total cost over the runs.
use doorstroom_charts::{
    Chart, ChartInput, Format, HistogramInput, PlainFormat, Theme, histogram_svg, to_svg,
};
use doorstroom_model::uncertainty::{Bands, read_query, sample};
use doorstroom_model::{Lang, Scenario, Text};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args.get(1).map_or("/tmp/charts", |s| s.as_str());
    let query = args.get(2).map_or("", |s| s.as_str());
    let lang = if args.get(3).is_some_and(|s| s == "en") {
        Lang::En
    } else {
        Lang::Nl
    };
    let cursor = args.get(4).and_then(|s| s.parse().ok());
    let scale = args.get(5).and_then(|s| s.parse().ok()).unwrap_or(1.0);
    let large = args.get(6).is_some_and(|s| s == "large");
    let with_bands = args.get(7).is_some_and(|s| s == "bands");
    std::fs::create_dir_all(dir).expect("output folder");
    let (scenario, settings, _) = read_query(query);
    let run = scenario.run();
    let bands = with_bands.then(|| Bands::of(&sample(&scenario, &settings, 0..settings.runs)));
    let baseline = Scenario::default().run();
    let format = PlainFormat { lang };
    let record = doorstroom_model::record::compare(&run);
    for chart in Chart::ALL {
        let input = ChartInput {
            run: &run,
            baseline: if query.is_empty() {
                None
            } else {
                Some(&baseline)
            },
            compared: &[],
            cursor,
            lang,
            format: &format,
            theme: Theme { scale, large },
            published: Some(&record),
            from: None,
            bands: bands.as_ref(),
        };
        let w = (900.0 * scale) as u32;
        let h = (420.0 * scale) as u32;
        // plotters' SVG backend writes font sizes / 1.24; a canvas uses them as
        // they are. Undo that here so the picture shows what the canvas shows.
        write(dir, chart.id(), &to_svg(chart, &input, w, h));
    }
    if let Some(cost) = bands.as_ref().and_then(|b| b.figure("cost_total_eur")) {
        let euro = |v: f64| format.euro(v);
        let input = HistogramInput {
            distribution: cost,
            title: Text {
                nl: "Totale kosten over de doorrekeningen",
                en: "Total cost over the runs",
            },
            value: &euro,
            lang,
            format: &format,
            theme: Theme { scale, large },
            bins: 24,
        };
        let (w, h) = ((420.0 * scale) as u32, (240.0 * scale) as u32);
        write(dir, "histogram", &histogram_svg(&input, w, h));
    }
}

/// Writes `svg` to `dir/name.svg`.
fn write(dir: &str, name: &str, svg: &str) {
    {
        let svg = svg
            .split("font-size=\"")
            .enumerate()
            .map(|(i, part)| {
                if i == 0 {
                    return part.to_string();
                }
                let (num, rest) = part.split_once('"').unwrap_or((part, ""));
                let size = num
                    .parse::<f64>()
                    .map_or(num.to_string(), |v| format!("{:.1}", v * 1.24));
                format!("font-size=\"{size}\"{rest}")
            })
            .collect::<String>();
        let path = format!("{dir}/{name}.svg");
        std::fs::write(&path, svg).expect("write svg");
        println!("{path}");
    }
}
