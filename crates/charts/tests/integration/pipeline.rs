//! The pipeline's picture in SVG: its numbers are the run's stocks and
//! flows of the week shown, and its boxes and arrows are ordered by size
//! as those numbers are.

use doorstroom_charts::pipeline::{ARROW_COLOR, Flow, STATUS_COLORS, STATUSES};
use doorstroom_charts::{
    Format, PipelineInput, PlainFormat, RGBColor, Theme, pipeline_lines, pipeline_svg,
};
use doorstroom_model::{Column, Lang, Run, Scenario, Stream};

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// A rectangle's left, top, width and height.
type Rect = (f64, f64, f64, f64);

/// The SVG's rectangles filled with `color`, and its texts.
fn parse(svg: &str, color: RGBColor) -> (Vec<Rect>, Vec<String>) {
    let doc = roxmltree::Document::parse(svg).expect("well-formed XML");
    let fill = hex(color);
    let rects = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect") && n.attribute("fill") == Some(fill.as_str()))
        .map(|n| {
            let num = |k: &str| n.attribute(k).unwrap().parse::<f64>().unwrap();
            (num("x"), num("y"), num("width"), num("height"))
        })
        .collect();
    let texts = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").trim().to_owned())
        .collect();
    (rects, texts)
}

/// Larger numbers never get smaller shapes.
fn ordered_as(sizes: &[f64], values: &[f64], what: &str) {
    assert_eq!(sizes.len(), values.len(), "{what}");
    for i in 0..sizes.len() {
        for j in 0..sizes.len() {
            if values[i] > values[j] {
                assert!(
                    sizes[i] >= sizes[j],
                    "{what}: {} for {} but {} for {}",
                    sizes[i],
                    values[i],
                    sizes[j],
                    values[j]
                );
            }
        }
    }
}

fn check(run: &Run, week: usize, lang: Lang) {
    let format = PlainFormat { lang };
    let input = PipelineInput {
        run,
        week,
        lang,
        format: &format,
        theme: Theme::default(),
    };
    let svg = pipeline_svg(&input, 1280, 720);
    let at = |c: Column| run.series(c)[week];

    // Every stock and flow of the week is written, as the page writes numbers.
    let (_, texts) = parse(&svg, ARROW_COLOR);
    let mut written = texts.clone();
    for stream in Stream::ALL {
        let numbers = STATUSES.iter().map(|&st| at(Column::of(st, stream))).chain(
            Flow::ALL
                .iter()
                .map(|f| at(Column::of(f.measure(), stream))),
        );
        for v in numbers {
            let text = format.number(v);
            let i = written
                .iter()
                .position(|t| *t == text)
                .unwrap_or_else(|| panic!("{text} ({stream:?}, week {week}) not written"));
            written.remove(i);
        }
    }

    // The boxes: one colour per status, one row per stream, top to bottom;
    // their areas ordered as the cases they hold.
    let mut areas = Vec::new();
    let mut stocks = Vec::new();
    for (i, &status) in STATUSES.iter().enumerate() {
        let (mut rects, _) = parse(&svg, STATUS_COLORS[i]);
        rects.sort_by(|a, b| a.1.total_cmp(&b.1));
        let held: Vec<f64> = Stream::ALL
            .iter()
            .map(|&s| at(Column::of(status, s)))
            .filter(|&v| v > 0.0)
            .collect();
        assert_eq!(
            rects.len(),
            held.len(),
            "{status:?}: a box per stream with cases"
        );
        for (r, v) in rects.iter().zip(held) {
            assert!((r.2 - r.3).abs() < 1e-9, "a box is square");
            areas.push(r.2 * r.3);
            stocks.push(v);
        }
    }
    ordered_as(&areas, &stocks, "boxes");

    // The arrows: five shafts a row (intake, notices, appeals, court
    // orders, decisions, left to right), as thick as their flows.
    let (mut shafts, _) = parse(&svg, ARROW_COLOR);
    assert_eq!(shafts.len(), 5 * Stream::ALL.len());
    shafts.sort_by(|a, b| (a.1 + a.3 / 2.0).total_cmp(&(b.1 + b.3 / 2.0)));
    let mut thickness = Vec::new();
    let mut flows = Vec::new();
    for (row, stream) in shafts.chunks_mut(5).zip(Stream::ALL) {
        row.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (shaft, flow) in row.iter().zip(Flow::ALL) {
            thickness.push(shaft.3);
            flows.push(at(Column::of(flow.measure(), stream)));
        }
    }
    ordered_as(&thickness, &flows, "arrows");

    // In words for a screen reader: a line per stream with its numbers.
    let lines = pipeline_lines(&input);
    assert_eq!(lines.len(), 1 + Stream::ALL.len());
    let t4 = at(Column::of(STATUSES[0], Stream::General));
    assert!(lines[3].contains(&format.number(t4)), "{}", lines[3]);
}

#[test]
fn the_numbers_are_the_run_s_and_sizes_follow_them() {
    for (query, lang) in [
        ("v=2", Lang::Nl),
        ("v=1&intake=77000&fte=400&term=6", Lang::En),
        ("v=1", Lang::Nl),
    ] {
        let run = Scenario::from_query(query).0.run();
        for week in [0, run.weeks() / 3, run.weeks() / 2, run.weeks() - 1] {
            check(&run, week, lang);
        }
    }
}

#[test]
fn the_week_is_named_and_clamped_to_the_run() {
    let run = Scenario::from_query("v=2").0.run();
    let format = PlainFormat { lang: Lang::En };
    let input = PipelineInput {
        run: &run,
        week: run.weeks() + 10,
        lang: Lang::En,
        format: &format,
        theme: Theme::default(),
    };
    let svg = pipeline_svg(&input, 1280, 720);
    let last = format.date(run.week_start(run.weeks() - 1));
    assert!(svg.contains(&last), "{last}");
    assert!(svg.contains("within term") && svg.contains("court order"));
}

#[test]
fn no_label_is_cut_in_either_language() {
    let run = Scenario::from_query("v=2").0.run();
    for lang in [Lang::Nl, Lang::En] {
        let format = PlainFormat { lang };
        for week in [0, run.weeks() / 2, run.weeks() - 1] {
            let input = PipelineInput {
                run: &run,
                week,
                lang,
                format: &format,
                theme: Theme::default(),
            };
            // The page's size (src/components/pipeline.rs), the exported
            // picture's above its caption (src/export/image.rs) and a
            // projector's.
            for (w, h) in [(1000, 560), (1200, 600), (1280, 720)] {
                let svg = pipeline_svg(&input, w, h);
                let (_, texts) = parse(&svg, ARROW_COLOR);
                let cut: Vec<&String> = texts.iter().filter(|t| t.contains('…')).collect();
                assert!(cut.is_empty(), "{lang:?} at {w}×{h}: {cut:?}");
                // Every stream is named in full, if on two lines.
                for stream in Stream::ALL {
                    let name = stream.label(lang);
                    let whole = texts.iter().any(|t| t == name);
                    let split = texts
                        .windows(2)
                        .any(|p| format!("{} {}", p[0], p[1]) == name);
                    assert!(whole || split, "{lang:?} at {w}×{h}: {name} not written");
                }
            }
        }
    }
}
