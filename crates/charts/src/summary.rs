//! A chart in words, for readers who cannot see it: what its headline
//! series does (rises or falls, from what to what, its peak) and the largest
//! gap to the baseline. Screen readers read it beside the canvas.

use doorstroom_model::{Lang, Run, Text};

use crate::format::Format;
use crate::{Chart, Series, SeriesKind};

/// The series the words are about: the one the baseline's ghost repeats.
pub(crate) fn headline(chart: Chart) -> Option<(&'static Series, &'static Series)> {
    let series = chart.series();
    let ghost = series.iter().find(|s| s.kind == SeriesKind::Ghost)?;
    let main = series
        .iter()
        .find(|s| s.kind != SeriesKind::Ghost && s.columns == ghost.columns)?;
    Some((main, ghost))
}

fn amount(chart: Chart, format: &dyn Format, v: f64) -> String {
    match chart {
        Chart::Costs => format.euro(v),
        Chart::Waiting => format.weeks(v),
        Chart::Backlog | Chart::Flow => format.number(v),
    }
}

/// The chart in one or two sentences in `lang`.
pub fn summary(
    chart: Chart,
    run: &Run,
    baseline: Option<&Run>,
    format: &dyn Format,
    lang: Lang,
) -> String {
    let Some((main, _)) = headline(chart) else {
        return String::new();
    };
    let values = main.values(run);
    let n = values.len().min(run.weeks());
    if n == 0 {
        return String::new();
    }
    let label = main.label.get(lang);
    let first = values[0];
    let last = values[n - 1];
    let month = |w: usize| format.month(run.week_start(w));
    let say = |v: f64| amount(chart, format, v);
    // Judged at the precision shown: a move that does not change the
    // printed figure is no move.
    let moved = say(first) != say(last);
    let verb = match (moved, last > first) {
        (false, _) => Text {
            nl: "blijft gelijk op",
            en: "stays at",
        },
        (true, true) => Text {
            nl: "stijgt van",
            en: "rises from",
        },
        (true, false) => Text {
            nl: "daalt van",
            en: "falls from",
        },
    };
    let mut out = if moved {
        let to = Text {
            nl: "tot",
            en: "to",
        }
        .get(lang);
        let in_ = Text { nl: "in", en: "in" }.get(lang);
        format!(
            "{}: {label} {} {} {in_} {} {to} {} {in_} {}.",
            chart.title(lang),
            verb.get(lang),
            say(first),
            month(0),
            say(last),
            month(n - 1)
        )
    } else {
        format!(
            "{}: {label} {} {}.",
            chart.title(lang),
            verb.get(lang),
            say(first)
        )
    };
    let (peak_week, peak) = values[..n]
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, v)| v.is_finite())
        .fold((0, f64::NEG_INFINITY), |a, b| if b.1 > a.1 { b } else { a });
    if say(peak) != say(first.max(last)) && peak > first.max(last) {
        let words = Text {
            nl: "Hoogste punt",
            en: "Peak",
        };
        let in_ = Text { nl: "in", en: "in" }.get(lang);
        out.push_str(&format!(
            " {}: {} {in_} {}.",
            words.get(lang),
            say(peak),
            month(peak_week)
        ));
    }
    if let Some(base) = baseline {
        let other = main.values(base);
        let gap = (0..n.min(other.len()))
            .map(|w| (w, values[w] - other[w]))
            .filter(|(_, d)| d.is_finite())
            .fold(
                (0, 0.0f64),
                |a, b| if b.1.abs() > a.1.abs() { b } else { a },
            );
        let words = Text {
            nl: "Grootste verschil met de basislijn",
            en: "Largest gap to the baseline",
        };
        if say(gap.1.abs()) == say(0.0) {
            let same = Text {
                nl: "Gelijk aan de basislijn.",
                en: "The same as the baseline.",
            };
            out.push(' ');
            out.push_str(same.get(lang));
        } else {
            let way = if gap.1 > 0.0 {
                Text {
                    nl: "hoger",
                    en: "higher",
                }
            } else {
                Text {
                    nl: "lager",
                    en: "lower",
                }
            };
            let in_ = Text { nl: "in", en: "in" }.get(lang);
            out.push_str(&format!(
                " {}: {} {} {in_} {}.",
                words.get(lang),
                say(gap.1.abs()),
                way.get(lang),
                month(gap.0)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PlainFormat;
    use doorstroom_model::{Column, Measure, Scenario};

    #[test]
    fn every_chart_has_a_headline_series() {
        for chart in Chart::ALL {
            assert!(headline(chart).is_some(), "{chart:?}");
        }
    }

    #[test]
    fn the_backlog_in_words_names_its_first_and_last_value() {
        let run = Scenario::default().run();
        let f = PlainFormat::new(Lang::Nl);
        let text = summary(Chart::Backlog, &run, None, &f, Lang::Nl);
        let backlog = run.series(Column::total(Measure::Backlog));
        let first = f.number(backlog[0]);
        let last = f.number(*backlog.last().unwrap());
        assert!(text.starts_with("Voorraad naar status: totaal "), "{text}");
        assert!(
            text.contains(&format!("van {first} in mei 2023 tot {last}")),
            "{text}"
        );
        assert!(!text.contains("basislijn"), "{text}");
    }

    #[test]
    fn the_gap_to_the_baseline_reads_once() {
        let base = Scenario::default().run();
        let mut more = Scenario::default();
        more.intake_per_year *= 1.3;
        let run = more.run();
        let f = PlainFormat::new(Lang::En);
        let text = summary(Chart::Backlog, &run, Some(&base), &f, Lang::En);
        assert!(text.contains("Largest gap to the baseline: "), "{text}");
        assert!(text.contains(" higher in "), "{text}");
        assert!(
            !text.contains('+') && !text.contains('−'),
            "one sign only: {text}"
        );
        let same = summary(Chart::Waiting, &base, Some(&base), &f, Lang::En);
        assert!(same.ends_with("The same as the baseline."), "{same}");
    }
}
