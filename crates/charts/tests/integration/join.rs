//! Native tests of the rule at `from=`: a run whose levers apply from a
//! later date draws a labelled rule at the join, in either language; a run
//! from the start, or a join outside the run, draws none.

use doorstroom_charts::{Chart, ChartInput, PlainFormat, Theme, draw, join};
use doorstroom_model::{Lang, Run, Scenario};
use plotters::prelude::*;

fn svg(chart: Chart, run: &Run, from: Option<usize>, lang: Lang) -> String {
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
        bands: None,
        from,
    };
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (900, 420)).into_drawing_area();
        draw(chart, &root, &input).expect("draws");
        root.present().expect("present");
    }
    out
}

#[test]
fn the_join_is_marked_with_a_labelled_rule() {
    let s = Scenario::outlook();
    let run = s.run();
    let join = s.join_week();
    assert!(join > 0 && join < run.weeks());
    for chart in [Chart::Backlog, Chart::Costs] {
        for lang in [Lang::Nl, Lang::En] {
            let label = join::LABEL.get(lang);
            assert!(
                svg(chart, &run, Some(join), lang).contains(label),
                "{chart:?} {lang:?}"
            );
            assert!(!svg(chart, &run, None, lang).contains(label));
            assert!(
                !svg(chart, &run, Some(0), lang).contains(label),
                "no rule at the start"
            );
            assert!(
                !svg(chart, &run, Some(run.weeks()), lang).contains(label),
                "nor past the end"
            );
        }
    }
}
