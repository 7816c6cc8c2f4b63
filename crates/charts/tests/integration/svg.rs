//! Native tests: every chart draws into SVG for the default scenario and for
//! extreme ones, and the SVG holds the expected series.

use doorstroom_charts::{
    Caption, Chart, ChartInput, Overlay, PlainFormat, Plot, SeriesKind, Theme, draw,
    extrapolated_from, palette, readout, source_line, table, to_svg_with_caption,
};
use doorstroom_model::{Lang, Run, Scenario};
use plotters::prelude::*;

/// Scenarios at the edges of the levers, and a ten-year horizon.
const EXTREMES: &[&str] = &[
    "intake=200000&fte=50&term=6&baa=0",
    "intake=0&fte=2000&baa=40000",
    "until=2033-04-30&intake=77000&term=6",
    "until=2023-06-01",
];

fn run(query: &str) -> Run {
    Scenario::from_query(query).0.run()
}

struct Drawn {
    svg: String,
    plot: Plot,
}

fn render(
    chart: Chart,
    run: &Run,
    baseline: Option<&Run>,
    cursor: Option<usize>,
    lang: Lang,
    theme: Theme,
) -> Drawn {
    let format = PlainFormat { lang };
    let input = ChartInput {
        run,
        baseline,
        compared: &[],
        cursor,
        lang,
        format: &format,
        theme,
        published: None,
        from: None,
        bands: None,
    };
    let (w, h) = ((900.0 * theme.scale) as u32, (420.0 * theme.scale) as u32);
    let mut svg = String::new();
    let plot = {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        let plot = draw(chart, &root, &input).expect("the chart draws without error");
        root.present().expect("present");
        plot
    };
    Drawn { svg, plot }
}

/// The SVG elements `tag` whose attributes hold all of `attrs` (name, value).
fn elements<'a>(svg: &'a str, tag: &str, attrs: &[(&str, &str)]) -> Vec<&'a str> {
    let open = format!("<{tag} ");
    svg.match_indices(&open)
        .map(|(i, _)| {
            let end = svg[i..].find('>').map_or(svg.len(), |e| i + e);
            &svg[i..end]
        })
        .filter(|el| {
            attrs
                .iter()
                .all(|(k, v)| el.contains(&format!("{k}=\"{v}\"")))
        })
        .collect()
}

fn points(el: &str) -> usize {
    el.split("points=\"").nth(1).map_or(0, |p| {
        p.split('"').next().unwrap_or("").split_whitespace().count()
    })
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// Checks that every series of `chart` is in the SVG as its kind is drawn.
fn assert_series(chart: Chart, drawn: &Drawn, run: &Run, has_baseline: bool, lang: Lang) {
    let svg = &drawn.svg;
    assert!(svg.contains(chart.title(lang)), "{chart:?}: title");
    let n = run.weeks();
    for s in chart.series() {
        let label = s.label.get(lang);
        let color = hex(s.color);
        match s.kind {
            SeriesKind::Stacked | SeriesKind::Area => {
                assert!(svg.contains(label), "{chart:?}: legend {label}");
                let polys = elements(svg, "polygon", &[("fill", &color)]);
                assert_eq!(polys.len(), 1, "{chart:?}: one area for {label}");
                assert_eq!(
                    points(polys[0]),
                    2 * n,
                    "{chart:?}: the area of {label} has a point per week, up and back"
                );
            }
            SeriesKind::Bar => {
                assert!(svg.contains(label), "{chart:?}: legend {label}");
                // The legend swatch is one rect; each month with a visible value adds a bar.
                let rects = elements(svg, "rect", &[("fill", &color)]).len();
                let monthly = s.monthly(run);
                let max: f64 = chart
                    .series()
                    .iter()
                    .filter(|t| t.kind == SeriesKind::Bar)
                    .map(|t| t.monthly(run).iter().map(|m| m.1).fold(0.0, f64::max))
                    .sum();
                let visible = monthly.iter().filter(|m| m.1 > 0.02 * max).count();
                assert!(
                    rects > visible,
                    "{chart:?}: {label}: {rects} rects for {visible} visible months"
                );
            }
            SeriesKind::Line | SeriesKind::LineRight => {
                assert!(svg.contains(label), "{chart:?}: legend {label}");
                let mut finite = s.values(run).iter().filter(|v| v.is_finite()).count();
                if chart == Chart::Waiting {
                    // The solid line stops where the extrapolated part starts.
                    finite = finite.min(extrapolated_from(run).unwrap_or(n));
                }
                let lines = elements(svg, "polyline", &[("stroke", &color)]);
                let longest = lines.iter().map(|l| points(l)).max().unwrap_or(0);
                assert!(
                    longest >= finite.min(n) / 2 && longest > 2,
                    "{chart:?}: a line for {label} ({longest} points of {n})"
                );
            }
            SeriesKind::Ghost => {
                let dashes = elements(svg, "polyline", &[("stroke", &color)]).len();
                if has_baseline {
                    assert!(svg.contains(label), "{chart:?}: legend {label}");
                    assert!(
                        dashes > 10,
                        "{chart:?}: a dashed ghost line ({dashes} dashes)"
                    );
                } else {
                    assert!(
                        !svg.contains(label),
                        "{chart:?}: no ghost legend without a baseline"
                    );
                    assert_eq!(dashes, 0, "{chart:?}: no ghost without a baseline");
                }
            }
            SeriesKind::Extrapolated => {
                assert!(svg.contains(label), "{chart:?}: legend {label}");
                let dashes = elements(svg, "polyline", &[("stroke", &color)]).len();
                if let Some(from) = extrapolated_from(run) {
                    assert!(
                        dashes > (n - from) / 8,
                        "{chart:?}: a dashed extrapolated part from week {from} ({dashes} dashes)"
                    );
                }
            }
            // Published figures are not a series of a chart (tests/published.rs).
            SeriesKind::Published | SeriesKind::PublishedPart => {
                unreachable!("{chart:?}: no chart series is published")
            }
            SeriesKind::Reference => {
                assert!(svg.contains(label), "{chart:?}: legend {label}");
                let dashes = elements(svg, "polyline", &[("stroke", &color)]).len();
                assert!(
                    dashes > 10,
                    "{chart:?}: a dotted reference line ({dashes} dashes)"
                );
            }
        }
    }
    assert!(drawn.plot.left < drawn.plot.right && drawn.plot.top < drawn.plot.bottom);
    assert_eq!(drawn.plot.weeks, n);
}

#[test]
fn every_chart_draws_the_default_scenario() {
    let run = run("");
    for chart in Chart::ALL {
        for lang in [Lang::Nl, Lang::En] {
            let drawn = render(chart, &run, None, None, lang, Theme::default());
            assert_series(chart, &drawn, &run, false, lang);
        }
    }
}

#[test]
fn every_chart_draws_extreme_scenarios_with_a_baseline() {
    let baseline = run("");
    for query in EXTREMES {
        let run = run(query);
        for chart in Chart::ALL {
            let drawn = render(
                chart,
                &run,
                Some(&baseline),
                Some(run.weeks() / 2),
                Lang::Nl,
                Theme::default(),
            );
            assert_series(chart, &drawn, &run, true, Lang::Nl);
        }
    }
}

#[test]
fn the_ghost_is_drawn_only_with_a_baseline() {
    let run = run("intake=77000");
    let baseline = self::run("");
    for chart in Chart::ALL {
        let ghost = chart
            .series()
            .iter()
            .find(|s| s.kind == SeriesKind::Ghost)
            .expect("a ghost series");
        let color = hex(ghost.color);
        let with = render(
            chart,
            &run,
            Some(&baseline),
            None,
            Lang::En,
            Theme::default(),
        );
        let without = render(chart, &run, None, None, Lang::En, Theme::default());
        assert!(
            elements(&with.svg, "polyline", &[("stroke", &color)]).len() > 10,
            "{chart:?}"
        );
        assert!(
            elements(&without.svg, "polyline", &[("stroke", &color)]).is_empty(),
            "{chart:?}"
        );
        assert!(with.svg.contains(ghost.label.get(Lang::En)));
        assert!(!without.svg.contains(ghost.label.get(Lang::En)));
    }
}

#[test]
fn the_cursor_draws_a_rule_and_the_readout() {
    let run = run("");
    let format = PlainFormat { lang: Lang::En };
    for chart in Chart::ALL {
        let week = run.weeks() / 3;
        let drawn = render(chart, &run, None, Some(week), Lang::En, Theme::default());
        let plain = render(chart, &run, None, None, Lang::En, Theme::default());
        let x = drawn.plot.x_of(week);
        // The rule is a one-pixel filled rectangle (crisp on a canvas).
        let (top, height) = (drawn.plot.top, drawn.plot.bottom - drawn.plot.top);
        let rule = format!(
            "<rect x=\"{x}\" y=\"{top}\" width=\"1\" height=\"{height}\" opacity=\"1\" fill=\"#1A1A1A\""
        );
        assert!(drawn.svg.contains(&rule), "{chart:?}: the rule at x = {x}");
        assert!(
            !plain.svg.contains(&rule),
            "{chart:?}: no rule without a cursor"
        );
        for (label, value) in readout(chart, &run, None, week, &format, Lang::En) {
            assert!(
                drawn.svg.contains(&label),
                "{chart:?}: readout label {label}"
            );
            assert!(
                drawn.svg.contains(&value),
                "{chart:?}: readout value {value}"
            );
        }
        assert_eq!(
            drawn
                .plot
                .week_at(x, (drawn.plot.top + drawn.plot.bottom) / 2),
            Some(week)
        );
    }
}

#[test]
fn week_at_maps_pixels_to_weeks() {
    let run = run("");
    let n = run.weeks();
    let plot = render(Chart::Backlog, &run, None, None, Lang::Nl, Theme::default()).plot;
    let mid = (plot.top + plot.bottom) / 2;
    assert_eq!(plot.week_at(plot.left, mid), Some(0));
    assert_eq!(plot.week_at(plot.right - 1, mid), Some(n - 1));
    assert_eq!(plot.week_at(plot.left - 1, mid), None);
    assert_eq!(plot.week_at(plot.right, mid), None);
    assert_eq!(plot.week_at(plot.left + 5, plot.top - 1), None);
    assert_eq!(plot.week_at(plot.left + 5, plot.bottom + 1), None);
    for week in 0..n {
        assert_eq!(
            plot.week_at(plot.x_of(week), mid),
            Some(week),
            "week {week}"
        );
    }
    // Monotone across the plot.
    let mut last = 0;
    for x in plot.left..plot.right {
        let w = plot.week_at(x, mid).expect("inside");
        assert!(w >= last);
        last = w;
    }
}

#[test]
fn hidpi_scales_the_plot_and_the_type() {
    let run = run("");
    let one = render(
        Chart::Flow,
        &run,
        None,
        None,
        Lang::Nl,
        Theme {
            scale: 1.0,
            large: false,
        },
    );
    let two = render(
        Chart::Flow,
        &run,
        None,
        None,
        Lang::Nl,
        Theme {
            scale: 2.0,
            large: false,
        },
    );
    let near = |a: i32, b: i32| (a - b).abs() <= 3;
    assert!(
        near(two.plot.left, 2 * one.plot.left),
        "{:?} {:?}",
        one.plot,
        two.plot
    );
    assert!(near(two.plot.right, 2 * one.plot.right));
    assert!(near(two.plot.top, 2 * one.plot.top));
    assert!(near(two.plot.bottom, 2 * one.plot.bottom));
    let sizes = |svg: &str| -> Vec<f64> {
        svg.split("font-size=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next()?.parse().ok())
            .collect()
    };
    let (s1, s2) = (sizes(&one.svg), sizes(&two.svg));
    assert_eq!(s1.len(), s2.len());
    for (a, b) in s1.iter().zip(&s2) {
        assert!((b / a - 2.0).abs() < 0.15, "font {a} → {b}");
    }
    let large = render(
        Chart::Flow,
        &run,
        None,
        None,
        Lang::Nl,
        Theme {
            scale: 1.0,
            large: true,
        },
    );
    let biggest = |v: &[f64]| v.iter().copied().fold(0.0, f64::max);
    assert!(
        biggest(&sizes(&large.svg)) > biggest(&s1) * 1.2,
        "briefing mode has larger type"
    );
}

#[test]
fn tables_have_a_row_per_month_with_the_models_monthly_figures() {
    for query in ["", "until=2033-04-30&intake=77000"] {
        let run = run(query);
        let mut months: Vec<(i32, u32)> = (0..run.weeks())
            .map(|i| (run.week_start(i).year(), run.week_start(i).month()))
            .collect();
        months.dedup();
        for chart in Chart::ALL {
            let t = table(chart, &run, Lang::Nl);
            let series: Vec<_> = chart
                .series()
                .iter()
                .filter(|s| {
                    !matches!(
                        s.kind,
                        SeriesKind::Ghost | SeriesKind::Reference | SeriesKind::Extrapolated
                    )
                })
                .collect();
            assert_eq!(t.headers.len(), series.len() + 1, "{chart:?}");
            assert_eq!(t.headers[0], "Maand");
            assert_eq!(t.rows.len(), months.len(), "{chart:?}: a row per month");
            for (k, s) in series.iter().enumerate() {
                assert_eq!(t.headers[k + 1], s.label.nl);
                if s.kind == SeriesKind::Bar {
                    // Bars are per calendar month (each week spread over its
                    // days), not the model's grouping by a week's start:
                    // all months together hold all weeks.
                    let weekly: f64 = s.values(&run).iter().filter(|v| v.is_finite()).sum();
                    let monthly: f64 = t.rows.iter().map(|r| r.1[k]).sum();
                    assert!(
                        (weekly - monthly).abs() <= 1e-6 * weekly.abs().max(1.0),
                        "{chart:?} {}: {monthly} vs {weekly}",
                        s.label.en
                    );
                    assert!(t.rows.iter().all(|r| r.1[k] >= 0.0));
                    continue;
                }
                // The sum of the model's monthly figures of the series' columns.
                let mut expected = vec![0.0; months.len()];
                for c in s.columns {
                    for (e, (_, v)) in expected.iter_mut().zip(run.monthly(*c, s.aggregate)) {
                        *e += v;
                    }
                }
                for (row, e) in t.rows.iter().zip(&expected) {
                    assert_eq!((row.0.year(), row.0.month()).0, row.0.year());
                    let v = row.1[k];
                    assert!(
                        (v - e).abs() <= 1e-9 * e.abs().max(1.0),
                        "{chart:?} {}: {v} vs {e}",
                        s.label.en
                    );
                }
            }
            for ((d, _), (y, m)) in t.rows.iter().zip(&months) {
                assert_eq!(
                    (d.year(), d.month()),
                    (*y, *m),
                    "{chart:?}: months in order"
                );
            }
        }
    }
}

#[test]
fn stocks_in_the_table_are_month_end_values_and_flows_are_sums() {
    let run = run("");
    let t = table(Chart::Flow, &run, Lang::En);
    let intake = &Chart::Flow.series()[2];
    assert_eq!(intake.label.en, "intake");
    let weekly_total: f64 = intake.values(&run).iter().sum();
    let monthly_total: f64 = t.rows.iter().map(|r| r.1[2]).sum();
    assert!((weekly_total - monthly_total).abs() < 1e-6 * weekly_total.max(1.0));
    let b = table(Chart::Backlog, &run, Lang::En);
    let last_week = run.weeks() - 1;
    let total = Chart::Backlog
        .series()
        .iter()
        .find(|s| s.label.en == "total")
        .expect("total");
    let last_row = b.rows.last().expect("rows");
    let col = b.headers.iter().position(|h| h == "total").expect("header") - 1;
    assert!((last_row.1[col] - total.value(&run, last_week)).abs() < 1e-9);
}

#[test]
fn readouts_name_the_week_and_format_the_values() {
    let run = run("");
    let baseline = self::run("intake=77000");
    let nl = PlainFormat { lang: Lang::Nl };
    let week = 10;
    let r = readout(Chart::Backlog, &run, Some(&baseline), week, &nl, Lang::Nl);
    assert_eq!(r[0].0, "week van");
    assert_eq!(
        r[0].1,
        doorstroom_charts::Format::date(&nl, run.week_start(week))
    );
    assert_eq!(r.len(), 1 + Chart::Backlog.series().len());
    let w = readout(Chart::Waiting, &run, None, week, &nl, Lang::Nl);
    assert_eq!(w.len(), 2, "the reference line has no readout row: {w:?}");
    let within = Chart::Backlog.series()[0].value(&run, week);
    assert_eq!(r[1].1, doorstroom_charts::Format::number(&nl, within));
    let without = readout(Chart::Backlog, &run, None, week, &nl, Lang::Nl);
    assert_eq!(
        without.len(),
        r.len() - 1,
        "no baseline row without a baseline"
    );
    let costs = readout(Chart::Costs, &run, None, week, &nl, Lang::Nl);
    assert_eq!(costs[0].0, "maand");
    assert!(
        costs[1..].iter().all(|(_, v)| v.starts_with("€ ")),
        "{costs:?}"
    );
    let wait = readout(Chart::Waiting, &run, None, week, &nl, Lang::Nl);
    assert!(
        wait[1].1.ends_with("weken") || wait[1].1.ends_with("week"),
        "{wait:?}"
    );
    // Past the end: clamped to the last week, never a panic.
    let end = readout(Chart::Flow, &run, None, 10_000, &nl, Lang::Nl);
    assert_eq!(
        end[0].1,
        doorstroom_charts::Format::date(&nl, run.week_start(run.weeks() - 1))
    );
}

#[test]
fn palette_colours_differ_within_each_chart() {
    for chart in Chart::ALL {
        // The extrapolated part of a line is that line's colour, dashed.
        let colors: Vec<_> = chart
            .series()
            .iter()
            .filter(|s| s.kind != SeriesKind::Extrapolated)
            .map(|s| s.color)
            .collect();
        for s in chart.series() {
            if s.kind == SeriesKind::Extrapolated {
                assert!(chart.series().iter().any(|l| l.kind == SeriesKind::Line
                    && l.color == s.color
                    && l.columns == s.columns));
            }
        }
        for (i, a) in colors.iter().enumerate() {
            for b in &colors[i + 1..] {
                assert_ne!(a, b, "{chart:?}");
            }
        }
        assert!(
            chart
                .series()
                .iter()
                .all(|s| s.kind != SeriesKind::Ghost || s.color == palette::GHOST)
        );
    }
}

#[test]
fn ids_and_titles() {
    let ids: Vec<_> = Chart::ALL.iter().map(|c| c.id()).collect();
    assert_eq!(ids, ["backlog", "costs", "waiting", "flow"]);
    for c in Chart::ALL {
        assert_ne!(c.title(Lang::Nl), c.title(Lang::En));
    }
}

#[test]
fn small_and_large_areas_draw_without_error() {
    let run = run("until=2033-04-30");
    let baseline = self::run("");
    let format = PlainFormat { lang: Lang::Nl };
    for chart in Chart::ALL {
        for (w, h, large) in [
            (120, 80, true),
            (320, 240, true),
            (360, 260, false),
            (2400, 900, false),
        ] {
            let input = ChartInput {
                run: &run,
                baseline: Some(&baseline),
                compared: &[],
                cursor: Some(run.weeks() - 1),
                lang: Lang::Nl,
                format: &format,
                theme: Theme { scale: 1.0, large },
                published: None,
                from: None,
                bands: None,
            };
            let mut svg = String::new();
            let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
            let plot = draw(chart, &root, &input).expect("draws");
            assert!(
                plot.left < plot.right && plot.top < plot.bottom,
                "{chart:?} {w}×{h}: {plot:?}"
            );
        }
    }
}

#[test]
fn the_cost_readout_shows_the_bar_of_the_month_under_the_pointer() {
    use doorstroom_charts::Format;
    let run = run("intake=77000&term=6");
    let nl = PlainFormat { lang: Lang::Nl };
    let t = table(Chart::Costs, &run, Lang::Nl);
    let bars = Chart::Costs
        .series()
        .iter()
        .filter(|s| s.kind == SeriesKind::Bar)
        .count();
    for week in (0..run.weeks()).step_by(3) {
        let r = readout(Chart::Costs, &run, None, week, &nl, Lang::Nl);
        // The bar under the middle of the week: the month of its fourth day.
        let mid = run.week_start(week).add_days(3);
        let row = t
            .rows
            .iter()
            .rposition(|(d, _)| (d.year(), d.month()) <= (mid.year(), mid.month()))
            .expect("a month");
        assert_eq!(r[0].1, nl.month(t.rows[row].0), "week {week}");
        for k in 0..bars {
            assert_eq!(r[1 + k].1, nl.euro(t.rows[row].1[k]), "week {week}: {r:?}");
        }
    }
}

#[test]
fn an_exported_chart_carries_its_caption_and_source() {
    let base = run("");
    let current = run("intake=60000");
    for lang in [Lang::Nl, Lang::En] {
        let format = PlainFormat { lang };
        let input = ChartInput {
            run: &current,
            baseline: Some(&base),
            compared: &[],
            cursor: None,
            lang,
            published: None,
            bands: None,
            from: None,
            format: &format,
            theme: Theme {
                scale: 2.0,
                large: false,
            },
        };
        let caption = Caption {
            scenario: "Instroom per jaar: 60.000 (standaard 77.000) & meer".into(),
            source: source_line(lang, "1 december 2026", false),
        };
        for chart in Chart::ALL {
            let svg = to_svg_with_caption(chart, &input, 2400, 1350, &caption);
            assert!(svg.contains(r#"width="2400""#) && svg.contains(r#"height="1350""#));
            assert!(svg.contains(chart.title(lang)), "{chart:?}: title");
            // Text is XML-escaped in SVG.
            assert!(
                svg.contains("Instroom per jaar: 60.000 (standaard 77.000) &amp; meer"),
                "{chart:?}: the scenario"
            );
            assert!(svg.contains(&caption.source), "{chart:?}: the source");
            assert!(svg.contains(doorstroom_model::VERSION));
        }
    }
}

/// The y positions of the value labels left of the plot (written flush
/// right), in the SVG.
fn left_label_ys(svg: &str) -> Vec<f64> {
    svg.split("<text")
        .skip(1)
        .filter(|t| t.contains("text-anchor=\"end\""))
        .filter_map(|t| {
            let y = t.split("y=\"").nth(1)?.split('"').next()?;
            y.parse().ok()
        })
        .collect()
}

#[test]
fn value_labels_of_a_short_plot_do_not_overlap() {
    let run = run("");
    let format = PlainFormat { lang: Lang::Nl };
    for chart in Chart::ALL {
        for (h, large) in [(180, true), (150, false), (420, false)] {
            let input = ChartInput {
                run: &run,
                baseline: None,
                compared: &[],
                cursor: None,
                lang: Lang::Nl,
                format: &format,
                theme: Theme { scale: 1.0, large },
                published: None,
                from: None,
                bands: None,
            };
            let mut svg = String::new();
            {
                let root = SVGBackend::with_string(&mut svg, (900, h)).into_drawing_area();
                draw(chart, &root, &input).expect("draws");
                root.present().expect("present");
            }
            let mut ys = left_label_ys(&svg);
            ys.sort_by(f64::total_cmp);
            // A tall plot keeps its labels; a short one at least its zero.
            let least = if h >= 420 { 3 } else { 1 };
            assert!(ys.len() >= least, "{chart:?} {h}: labels {ys:?}");
            let font = if large { 12.5 * 1.5 } else { 12.5 };
            for pair in ys.windows(2) {
                assert!(
                    pair[1] - pair[0] >= font,
                    "{chart:?} at {h} px: labels at {ys:?} overlap"
                );
            }
        }
    }
}

/// A title with each hostile class (a formula, markup, reordering marks,
/// noncharacters, control and line-separator characters), in the caption
/// and in a compared scenario's legend: every chart's SVG still parses as
/// XML and keeps none of them.
#[test]
fn a_hostile_title_leaves_every_svg_parseable() {
    let hostile = "=1+1 <b>&amp;\u{202E}evil\u{FFFE}\u{FFFF}\u{0}\u{1B}\u{2028}\u{FDD0}\"'";
    let base = run("");
    let current = run("intake=60000");
    let other = run("fte=900");
    let compared = [Overlay {
        run: &other,
        label: hostile,
    }];
    for lang in [Lang::Nl, Lang::En] {
        let format = PlainFormat { lang };
        let input = ChartInput {
            run: &current,
            baseline: Some(&base),
            compared: &compared,
            cursor: None,
            lang,
            published: None,
            bands: None,
            from: None,
            format: &format,
            theme: Theme {
                scale: 1.0,
                large: false,
            },
        };
        let caption = Caption {
            scenario: hostile.into(),
            source: source_line(lang, "1 december 2026", false),
        };
        for chart in Chart::ALL {
            for svg in [
                to_svg_with_caption(chart, &input, 1200, 675, &caption),
                doorstroom_charts::to_svg(chart, &input, 1200, 675),
            ] {
                let doc =
                    roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{chart:?}: {e}"));
                let text: String = doc.descendants().filter_map(|n| n.text()).collect();
                assert!(
                    !text.contains(['\u{202E}', '\u{FFFE}', '\u{2028}']),
                    "{chart:?}"
                );
            }
        }
        assert!(
            to_svg_with_caption(Chart::Backlog, &input, 1200, 675, &caption)
                .contains("=1+1 &lt;b&gt;&amp;amp;evil"),
            "the title's text kept, escaped"
        );
    }
}
