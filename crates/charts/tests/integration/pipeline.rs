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

/// A text of an SVG: its words, its size in pixels, and its box (left,
/// top, right, bottom) estimated as the charts lay text out: 0.58 em a
/// character, 0.62 in bold, one em high from where its anchor puts it.
struct Placed {
    text: String,
    px: f64,
    rect: (f64, f64, f64, f64),
}

fn placed(svg: &str) -> Vec<Placed> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed XML");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            let num = |k: &str| n.attribute(k).unwrap().parse::<f64>().unwrap();
            // plotters' SVG backend writes font sizes divided by 1.24; a
            // canvas draws them at the size the chart asked for.
            let px = num("font-size") * 1.24;
            let text = n.text().unwrap_or("").trim().to_owned();
            let per = if n.attribute("font-weight") == Some("bold") {
                0.62
            } else {
                0.58
            };
            let w = text.chars().count() as f64 * px * per;
            let x = num("x");
            let left = match n.attribute("text-anchor") {
                Some("middle") => x - w / 2.0,
                Some("end") => x - w,
                _ => x,
            };
            let y = num("y");
            let top = match n.attribute("dy") {
                Some("0.76em") => y,
                Some("0.5ex") => y - px / 2.0,
                Some("-0.5ex") => y - px,
                other => panic!("a text anchored at {other:?}"),
            };
            Placed {
                text,
                px,
                rect: (left, top, left + w, top + px),
            }
        })
        .collect()
}

fn overlap(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// The presented picture: laid out at a projector slot's own size in the
/// large type (the page draws it at its box's size × the pixel ratio), its
/// type at least the 18 px of every text on a projector, no word cut, no
/// two texts and no two boxes over each other, no box over a text, its
/// numbers the run's, and its boxes and arrows still ordered by size.
#[test]
fn presented_at_a_projector_slot_it_reads_from_the_back_of_the_room() {
    use doorstroom_charts::pipeline::{Drawn, draw_pipeline};
    use doorstroom_charts::svg_document;
    // The slot at 1280 × 720 and 1366 × 768 with the pipeline beside a
    // chart (as the page lays it out), and the whole of a 1280 × 720 screen.
    let slots = [(602, 297), (645, 374), (1280, 720)];
    for query in [
        "v=2",
        "v=1&intake=77000&fte=400&term=6",
        "v=2&intake=60000&fte=900",
    ] {
        let run = Scenario::from_query(query).0.run();
        let backlog = run.backlog();
        let peak = (0..run.weeks())
            .max_by(|&a, &b| backlog[a].total_cmp(&backlog[b]))
            .unwrap();
        for lang in [Lang::Nl, Lang::En] {
            let format = PlainFormat { lang };
            for week in [0, run.weeks() / 3, peak, run.weeks() - 1] {
                let input = PipelineInput {
                    run: &run,
                    week,
                    lang,
                    format: &format,
                    theme: Theme {
                        scale: 1.0,
                        large: true,
                    },
                };
                for (w, h) in slots {
                    let what = format!("{query} {lang:?} week {week} at {w}×{h}");
                    let mut drawn: Vec<Drawn> = Vec::new();
                    let svg = svg_document(w, h, |root| {
                        drawn = draw_pipeline(root, &input)?;
                        Ok(())
                    });
                    let texts = placed(&svg);
                    for t in &texts {
                        assert!(t.px >= 18.0, "{what}: {:?} at {} px", t.text, t.px);
                        assert!(!t.text.contains('…'), "{what}: {:?} cut", t.text);
                        assert!(
                            t.rect.0 >= 0.0 && t.rect.2 <= f64::from(w) && t.rect.3 <= f64::from(h),
                            "{what}: {:?} leaves the picture at {:?}",
                            t.text,
                            t.rect
                        );
                    }
                    for (i, a) in texts.iter().enumerate() {
                        for b in &texts[i + 1..] {
                            assert!(
                                !overlap(a.rect, b.rect),
                                "{what}: {:?} {:?} over {:?} {:?}",
                                a.text,
                                a.rect,
                                b.text,
                                b.rect
                            );
                        }
                    }
                    let mut boxes = Vec::new();
                    for color in STATUS_COLORS {
                        let (rects, _) = parse(&svg, color);
                        boxes.extend(rects.into_iter().map(|(x, y, w, h)| (x, y, x + w, y + h)));
                    }
                    for (i, a) in boxes.iter().enumerate() {
                        for b in &boxes[i + 1..] {
                            assert!(!overlap(*a, *b), "{what}: boxes {a:?} and {b:?}");
                        }
                        for t in &texts {
                            assert!(!overlap(*a, t.rect), "{what}: box {a:?} over {:?}", t.text);
                        }
                    }

                    // A row per stream on the whole screen, all streams
                    // together in a slot, said in words.
                    let rows: Vec<Option<Stream>> =
                        drawn.iter().step_by(10).map(|d| d.stream).collect();
                    if (w, h) == (1280, 720) {
                        assert_eq!(rows, Stream::ALL.map(Some), "{what}");
                    } else {
                        assert_eq!(rows, [None], "{what}");
                        let together = match lang {
                            Lang::Nl => "alle sporen samen",
                            Lang::En => "all streams together",
                        };
                        assert!(
                            texts.iter().any(|t| t.text.starts_with(together)),
                            "{what}: the one row named"
                        );
                    }
                    // The numbers are the run's, written on the picture.
                    let mut written: Vec<&str> = texts.iter().map(|t| t.text.as_str()).collect();
                    for d in &drawn {
                        let measure = d.status.unwrap_or_else(|| d.flow.unwrap().measure());
                        let column = d
                            .stream
                            .map_or(Column::total(measure), |s| Column::of(measure, s));
                        assert_eq!(d.value, run.series(column)[week], "{what}: {d:?}");
                        let text = format.number(d.value);
                        let i = written
                            .iter()
                            .position(|t| *t == text)
                            .unwrap_or_else(|| panic!("{what}: {text} not written"));
                        written.remove(i);
                    }
                    let (stocks, flows): (Vec<&Drawn>, Vec<&Drawn>) =
                        drawn.iter().partition(|d| d.status.is_some());
                    ordered_as(
                        &stocks
                            .iter()
                            .map(|d| f64::from(d.size.0 * d.size.1))
                            .collect::<Vec<_>>(),
                        &stocks.iter().map(|d| d.value).collect::<Vec<_>>(),
                        &format!("{what}: boxes"),
                    );
                    ordered_as(
                        &flows
                            .iter()
                            .map(|d| f64::from(d.size.1))
                            .collect::<Vec<_>>(),
                        &flows.iter().map(|d| d.value).collect::<Vec<_>>(),
                        &format!("{what}: arrows"),
                    );
                }
            }
        }
    }
}
