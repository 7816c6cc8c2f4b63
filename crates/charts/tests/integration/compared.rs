//! Native tests of compared scenarios: each is drawn over every chart in a
//! style of its own (colour, dash and marker), named in the legend and the
//! readout, and the axes make room for it. And briefing mode's type.

use doorstroom_charts::overlay::{Marker, OVERLAY_STYLES};
use doorstroom_charts::{Chart, ChartInput, Overlay, PlainFormat, Theme, to_svg};
use doorstroom_model::{Lang, Run, Scenario};
use plotters::style::RGBColor;

fn run(query: &str) -> Run {
    Scenario::from_query(query).0.run()
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

fn svg(
    chart: Chart,
    main: &Run,
    base: Option<&Run>,
    compared: &[Overlay],
    cursor: Option<usize>,
    theme: Theme,
) -> String {
    let format = PlainFormat { lang: Lang::En };
    to_svg(
        chart,
        &ChartInput {
            run: main,
            baseline: base,
            compared,
            cursor,
            lang: Lang::En,
            format: &format,
            theme,
            published: None,
            bands: None,
            from: None,
        },
        900,
        420,
    )
}

/// How many elements of `tag` are filled with `color`.
fn filled(svg: &str, tag: &str, color: RGBColor) -> usize {
    let open = format!("<{tag} ");
    let fill = format!("fill=\"{}\"", hex(color));
    svg.match_indices(&open)
        .filter(|(i, _)| {
            let end = svg[*i..].find('>').map_or(svg.len(), |e| i + e);
            svg[*i..end].contains(&fill)
        })
        .count()
}

/// How many lines are stroked with `color`.
fn stroked(svg: &str, color: RGBColor) -> usize {
    svg.matches(&format!("stroke=\"{}\"", hex(color))).count()
}

#[test]
fn styles_differ_in_more_than_colour() {
    for (i, a) in OVERLAY_STYLES.iter().enumerate() {
        for b in &OVERLAY_STYLES[i + 1..] {
            assert_ne!(a.color, b.color);
            assert_ne!(a.dash, b.dash);
            assert_ne!(a.marker, b.marker);
        }
    }
    let markers: Vec<Marker> = OVERLAY_STYLES.iter().map(|s| s.marker).collect();
    assert_eq!(markers, [Marker::Circle, Marker::Triangle, Marker::Square]);
    // No chart series uses a compared colour, so a compared line is never
    // mistaken for one of the scenario's own.
    for chart in Chart::ALL {
        for s in chart.series() {
            for o in OVERLAY_STYLES {
                assert_ne!(s.color, o.color, "{chart:?} {:?}", s.label);
            }
        }
    }
}

#[test]
fn every_chart_draws_each_compared_scenario_with_its_label_and_markers() {
    let main = run("intake=60000");
    let base = run("intake=77000");
    let high = run("intake=100000");
    let staff = run("fte=900");
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
    for chart in Chart::ALL {
        let plain = svg(chart, &main, Some(&base), &[], None, Theme::default());
        let with = svg(chart, &main, Some(&base), &compared, None, Theme::default());
        for o in &compared {
            assert!(!plain.contains(o.label), "{chart:?}");
            assert!(
                with.contains(o.label),
                "{chart:?}: legend names {}",
                o.label
            );
        }
        let (first, second) = (OVERLAY_STYLES[0].color, OVERLAY_STYLES[1].color);
        assert_eq!(
            stroked(&plain, first) + filled(&plain, "circle", first),
            0,
            "{chart:?}"
        );
        // A line (many dashes) and eight markers plus one in the legend.
        assert!(stroked(&with, first) > 20, "{chart:?}");
        assert!(filled(&with, "circle", first) >= 8, "{chart:?}: circles");
        assert!(
            filled(&with, "polygon", second) >= 8,
            "{chart:?}: triangles"
        );
        assert_eq!(
            filled(&with, "rect", OVERLAY_STYLES[2].color),
            0,
            "{chart:?}: no third"
        );
    }
}

#[test]
fn the_axis_makes_room_for_a_compared_scenario() {
    let main = run("intake=30000");
    let huge = run("intake=200000&fte=50");
    let compared = [Overlay {
        run: &huge,
        label: "Piek",
    }];
    let plain = svg(Chart::Backlog, &main, None, &[], None, Theme::default());
    let with = svg(
        Chart::Backlog,
        &main,
        None,
        &compared,
        None,
        Theme::default(),
    );
    // The backlog of the huge scenario is far above the small one's axis:
    // its top tick label must change.
    let ticks = |s: &str| -> Vec<String> {
        s.split("<text")
            .filter_map(|t| {
                t.split('>')
                    .nth(1)?
                    .split('<')
                    .next()
                    .map(|t| t.trim().to_owned())
            })
            .filter(|t| t.chars().next().is_some_and(|c| c.is_ascii_digit()) && !t.contains(' '))
            .collect()
    };
    assert_ne!(ticks(&plain), ticks(&with));
    let peak = huge.summary().backlog_peak;
    let top: f64 = ticks(&with)
        .iter()
        .filter_map(|t| t.replace(',', "").parse().ok())
        .fold(0.0, f64::max);
    assert!(top >= peak, "axis top {top} below the compared peak {peak}");
}

#[test]
fn the_readout_names_each_compared_scenario_with_its_value() {
    let main = run("");
    let other = run("intake=100000");
    let compared = [Overlay {
        run: &other,
        label: "Hoog",
    }];
    let week = 100;
    let drawn = svg(
        Chart::Backlog,
        &main,
        None,
        &compared,
        Some(week),
        Theme::default(),
    );
    let format = PlainFormat { lang: Lang::En };
    let value = doorstroom_charts::Format::number(&format, other.backlog()[week]);
    assert!(drawn.contains(&value), "readout shows {value}");
    assert!(drawn.matches("Hoog").count() >= 2, "legend and readout");
}

#[test]
fn briefing_type_is_at_least_18_pixels() {
    let main = run("");
    let base = run("intake=77000");
    let other = run("intake=100000");
    let compared = [Overlay {
        run: &other,
        label: "Hoog",
    }];
    let large = Theme {
        scale: 1.0,
        large: true,
    };
    for chart in Chart::ALL {
        let drawn = svg(chart, &main, Some(&base), &compared, Some(50), large);
        let sizes: Vec<f64> = drawn
            .split("font-size=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next()?.parse().ok())
            .collect();
        assert!(!sizes.is_empty());
        // plotters' SVG backend writes font sizes divided by 1.24; a canvas
        // draws them as given.
        for s in sizes {
            assert!(s * 1.24 >= 17.99, "{chart:?}: {} px", s * 1.24);
        }
    }
}
