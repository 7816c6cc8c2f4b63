//! The waterfall of "why different?" in SVG: a bar per differing lever,
//! as long as its part, in the order of the parts' sizes, reaching from
//! the baseline's figure to the scenario's.

use doorstroom_charts::waterfall::{DOWN_COLOR, SCENARIO_COLOR, TOTAL_COLOR, UP_COLOR};
use doorstroom_charts::{
    Format, PlainFormat, RGBColor, Theme, WaterfallInput, waterfall_lines, waterfall_svg,
};
use doorstroom_model::explain::{Explanation, explain};
use doorstroom_model::{Lang, Scenario};

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// A drawn bar: its left and right ends and its top, in pixels.
#[derive(Debug, Clone, Copy)]
struct Rect {
    x0: f64,
    x1: f64,
    y: f64,
}

/// The rectangles of fill `color`, top to bottom, read by an XML parser.
fn rects(svg: &str, color: RGBColor) -> Vec<Rect> {
    let doc = roxmltree::Document::parse(svg).expect("the SVG is well-formed XML");
    let fill = hex(color);
    let mut found: Vec<Rect> = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect") && n.attribute("fill") == Some(fill.as_str()))
        .map(|n| {
            let num = |k: &str| n.attribute(k).unwrap().parse::<f64>().unwrap();
            Rect {
                x0: num("x"),
                x1: num("x") + num("width"),
                y: num("y"),
            }
        })
        .collect();
    found.sort_by(|a, b| a.y.total_cmp(&b.y));
    found
}

fn explained(query: &str, baseline: &str) -> Explanation {
    let (mut s, _) = Scenario::from_query(query);
    let (base, _) = Scenario::from_query(baseline);
    s.end = base.end;
    explain(&s, &s.baseline(Some(&base)))
}

#[test]
fn bars_are_as_long_as_the_parts_in_their_order_and_reach_the_scenario() {
    let e = explained("v=2&intake=90000&fte=400&legal_costs=3000", "v=2");
    assert_eq!(e.levers.len(), 3);
    let format = PlainFormat { lang: Lang::Nl };
    for key in ["cost_total_eur", "backlog_end", "backlog_peak"] {
        let figure = e.figure(key).unwrap();
        let value = |v: f64| format.number(v);
        let input = WaterfallInput::of(
            &e,
            figure,
            format!("Waarom anders? {key}"),
            "Vooruitzicht",
            &value,
            Lang::Nl,
            Theme::default(),
        );
        let svg = waterfall_svg(&input, 900, 420);
        let base = rects(&svg, TOTAL_COLOR);
        let end = rects(&svg, SCENARIO_COLOR);
        assert_eq!((base.len(), end.len()), (1, 1), "{key}");
        // One bar per lever, up or down as its part, the largest first.
        let mut parts: Vec<f64> = figure.parts.clone();
        parts.sort_by(|a, b| b.abs().total_cmp(&a.abs()));
        let mut bars: Vec<(Rect, f64)> = rects(&svg, UP_COLOR)
            .into_iter()
            .map(|r| (r, 1.0))
            .chain(rects(&svg, DOWN_COLOR).into_iter().map(|r| (r, -1.0)))
            .collect();
        bars.sort_by(|a, b| a.0.y.total_cmp(&b.0.y));
        assert_eq!(bars.len(), parts.len(), "{key}");
        let px_per_unit = (bars[0].0.x1 - bars[0].0.x0) / parts[0].abs();
        for ((bar, sign), part) in bars.iter().zip(&parts) {
            assert_eq!(*sign, part.signum(), "{key}: {part} drawn the other way");
            let length = bar.x1 - bar.x0;
            // As long as the part on one scale, to the pixel (a bar is at
            // least one pixel long).
            assert!(
                (length - (part.abs() * px_per_unit).max(1.0)).abs() <= 1.5,
                "{key}: {length} for {part}"
            );
        }
        for pair in bars.windows(2) {
            assert!(pair[0].0.x1 - pair[0].0.x0 >= pair[1].0.x1 - pair[1].0.x0 - 1.0);
        }
        // From the baseline's end, each bar starts where the last ended,
        // and together they reach the scenario's end.
        let mut at = base[0].x1;
        for (bar, sign) in &bars {
            let (from, to) = if *sign > 0.0 {
                (bar.x0, bar.x1)
            } else {
                (bar.x1, bar.x0)
            };
            assert!(
                (from - at).abs() <= 1.0,
                "{key}: a bar starts at {from}, not {at}"
            );
            at = to;
        }
        assert!(
            (at - end[0].x1).abs() <= 1.0 + bars.len() as f64,
            "{key}: {at} vs {}",
            end[0].x1
        );
        let signed: f64 = bars.iter().map(|(b, s)| s * (b.x1 - b.x0)).sum();
        assert!(
            (signed - (end[0].x1 - base[0].x1)).abs() <= bars.len() as f64 + 1.0,
            "{key}: the bars sum to {signed}"
        );
    }
}

#[test]
fn levers_are_named_in_words_with_their_two_values() {
    let e = explained("v=2&intake=90000&fte=400", "v=2&fte=600");
    let format = PlainFormat { lang: Lang::En };
    let euro = |v: f64| format.euro(v);
    let figure = e.figure("cost_total_eur").unwrap();
    let input = WaterfallInput::of(
        &e,
        figure,
        "Why different? Penalty and legal costs".into(),
        "High",
        &euro,
        Lang::En,
        Theme::default(),
    );
    let svg = waterfall_svg(&input, 1000, 420);
    assert!(svg.contains("Baseline: High"));
    assert!(svg.contains("This scenario"));
    assert!(svg.contains("600 FTE → 400 FTE"), "{svg}");
    assert!(svg.contains("per year → 90,000 per year"));
    let lines = waterfall_lines(&input);
    assert_eq!(lines.len(), 4);
    assert!(lines[0].starts_with("Baseline: High: "));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Staff") || l.contains("FTE →")),
        "{lines:?}"
    );
    let total: f64 = figure.parts.iter().sum();
    assert!((total - figure.whole()).abs() < 1.0);
}
