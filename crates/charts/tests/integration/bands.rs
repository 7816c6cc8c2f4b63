//! Native tests of the fan bands and the histogram, in SVG.

use doorstroom_charts::{
    Chart, ChartInput, Format, HistogramInput, PlainFormat, Theme, histogram_svg, to_svg,
};
use doorstroom_model::uncertainty::{BandSettings, Bands, sample};
use doorstroom_model::{Lang, Run, Scenario, Text};

fn bands_of(s: &Scenario, runs: u32) -> Bands {
    let settings = BandSettings {
        on: true,
        runs,
        ..BandSettings::default()
    };
    Bands::of(&sample(s, &settings, 0..runs))
}

fn svg(chart: Chart, run: &Run, bands: Option<&Bands>, lang: Lang) -> String {
    let format = PlainFormat { lang };
    let input = ChartInput {
        run,
        baseline: None,
        compared: &[],
        cursor: None,
        lang,
        format: &format,
        theme: Theme::default(),
        published: None,
        from: None,
        bands,
    };
    to_svg(chart, &input, 900, 420)
}

/// The points of the translucent band polygons (P10 up to P90 and back).
fn band_polygons(svg: &str) -> Vec<usize> {
    svg.match_indices("<polygon opacity=\"0.28\"")
        .map(|(i, _)| {
            let el = &svg[i..i + svg[i..].find('>').unwrap_or(0)];
            el.split("points=\"").nth(1).map_or(0, |p| {
                p.split('"').next().unwrap_or("").split_whitespace().count()
            })
        })
        .collect()
}

/// The texts of the SVG's text elements (tick labels among them).
fn axis_labels(svg: &str) -> Vec<String> {
    svg.match_indices("<text")
        .filter_map(|(i, _)| {
            let rest = &svg[i..];
            let open = rest.find('>')?;
            let close = rest.find("</text>")?;
            Some(rest[open + 1..close].trim().to_string())
        })
        .collect()
}

#[test]
fn backlog_cost_and_waiting_draw_a_fan_with_its_legend() {
    let s = Scenario::from_query("until=2024-12-31").0;
    let run = s.run();
    let bands = bands_of(&s, 40);
    for lang in [Lang::Nl, Lang::En] {
        for chart in [Chart::Backlog, Chart::Costs, Chart::Waiting] {
            let with = svg(chart, &run, Some(&bands), lang);
            assert_eq!(
                band_polygons(&with),
                [2 * run.weeks()],
                "{chart:?}: one band, a point per week up and back"
            );
            let (range, median) = match lang {
                Lang::Nl => ("P10–P90 van 40 doorrekeningen", "mediaan (P50)"),
                Lang::En => ("P10–P90 of 40 runs", "median (P50)"),
            };
            assert!(
                with.contains(range) && with.contains(median),
                "{chart:?} {lang:?}"
            );
            let without = svg(chart, &run, None, lang);
            assert!(
                band_polygons(&without).is_empty(),
                "{chart:?}: no bands, no fan"
            );
            assert!(!without.contains(median));
        }
        let flow = svg(Chart::Flow, &run, Some(&bands), lang);
        assert!(
            band_polygons(&flow).is_empty(),
            "the flow chart has no bands"
        );
    }
}

#[test]
fn the_axis_reaches_the_top_of_the_fan() {
    let s = Scenario::from_query("until=2024-12-31").0;
    let run = s.run();
    let bands = bands_of(&s, 40);
    let top = bands.backlog.p90.iter().copied().fold(0.0, f64::max);
    assert!(top > run.backlog().iter().copied().fold(0.0, f64::max));
    let with = svg(Chart::Backlog, &run, Some(&bands), Lang::En);
    let highest = axis_labels(&with)
        .iter()
        .filter_map(|t| t.replace(',', "").parse::<f64>().ok())
        .fold(0.0, f64::max);
    assert!(highest >= top, "axis to {highest}, band to {top}");
}

#[test]
fn bands_of_another_horizon_are_not_drawn() {
    let short = Scenario::from_query("until=2024-06-30").0;
    let bands = bands_of(&short, 10);
    let run = Scenario::from_query("until=2024-12-31").0.run();
    let drawn = svg(Chart::Backlog, &run, Some(&bands), Lang::Nl);
    assert!(band_polygons(&drawn).is_empty());
    assert!(!drawn.contains("mediaan (P50)"));
}

#[test]
fn the_histogram_counts_every_run_and_marks_the_percentiles() {
    let s = Scenario::from_query("until=2024-12-31").0;
    let bands = bands_of(&s, 60);
    let cost = bands.figure("cost_total_eur").unwrap();
    let format = PlainFormat { lang: Lang::En };
    let euro = |v: f64| format.euro(v);
    let input = HistogramInput {
        distribution: cost,
        title: Text {
            nl: "Totale kosten",
            en: "Total cost",
        },
        value: &euro,
        lang: Lang::En,
        format: &format,
        theme: Theme::default(),
        bins: 12,
    };
    let drawn = histogram_svg(&input, 420, 240);
    let filled = cost.histogram(12).iter().filter(|b| b.2 > 0).count();
    let bars = drawn.matches("fill=\"#56B4E9\"").count();
    assert_eq!(bars, filled, "a bar per bin with runs in it");
    assert_eq!(cost.histogram(12).iter().map(|b| b.2).sum::<u32>(), 60);
    let p = cost.percentiles;
    let line = format!(
        "P10 {}  ·  P50 {}  ·  P90 {}",
        format.euro(p.p10),
        format.euro(p.p50),
        format.euro(p.p90)
    );
    assert!(drawn.contains(&line), "{line}");
    assert!(drawn.contains("Total cost"));
}
