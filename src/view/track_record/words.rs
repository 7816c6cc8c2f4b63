//! What a forecast got right and wrong, in words: read from its rows (the
//! published figures after its origin beside the model's) and its fit
//! statistics, so that the sentences say what the table and the numbers
//! say and nothing else.

use doorstroom_model::calibration::ErrorStats;
use doorstroom_model::record::{RecordMeasure, RecordRow, Scope};
use doorstroom_model::{Lang, Text, t};

use crate::format::Formats;
use crate::view::record_panel::{percent_difference, when};

/// A figure within this many per cent of the published one counts as
/// right: the target for the asylum stocks.
pub(crate) const WITHIN_PCT: f64 = 15.0;

/// The most figures named as right in a sentence.
const MOST_NAMED: usize = 3;

/// Which of Theil's parts the error is mostly made of.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Mostly {
    /// U^M: the model is high (or low) across the board.
    Bias,
    /// U^S: its figures spread more or less than the published ones.
    Variance,
    /// U^C: no steady bias or spread; the single figures do not follow.
    Covariance,
}

/// What a forecast got right and wrong.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Verdict<'a> {
    /// Figures with a difference (a published value other than 0).
    pub n: usize,
    /// Of those, how many lie within [`WITHIN_PCT`].
    pub within: usize,
    /// The figures (measure and scope) all of whose rows lie within
    /// [`WITHIN_PCT`], in the rows' order.
    pub right: Vec<(RecordMeasure, Scope)>,
    /// The largest overestimate, and the largest underestimate.
    pub over: Option<&'a RecordRow>,
    pub under: Option<&'a RecordRow>,
    /// How many figures the model puts too high.
    pub high: usize,
    /// The largest of Theil's parts, and its share.
    pub mostly: Option<(Mostly, f64)>,
}

/// The verdict on `rows`, with their statistics.
pub(crate) fn verdict<'a>(rows: &'a [RecordRow], stats: Option<&ErrorStats>) -> Verdict<'a> {
    let judged: Vec<(&RecordRow, f64)> = rows
        .iter()
        .filter_map(|r| r.difference_pct().map(|d| (r, d)))
        .collect();
    let within = |d: f64| d.abs() <= WITHIN_PCT;
    let mut right: Vec<(RecordMeasure, Scope)> = Vec::new();
    for (r, _) in &judged {
        let figure = (r.published.measure, r.published.scope);
        let all_within = judged
            .iter()
            .filter(|(o, _)| (o.published.measure, o.published.scope) == figure)
            .all(|&(_, d)| within(d));
        if all_within && !right.contains(&figure) {
            right.push(figure);
        }
    }
    let by_difference = |a: &&(&RecordRow, f64), b: &&(&RecordRow, f64)| a.1.total_cmp(&b.1);
    let over = judged
        .iter()
        .filter(|(_, d)| *d > 0.0)
        .max_by(by_difference)
        .map(|(r, _)| *r);
    let under = judged
        .iter()
        .filter(|(_, d)| *d < 0.0)
        .min_by(by_difference)
        .map(|(r, _)| *r);
    let mostly = stats.filter(|s| s.mse_log > 0.0).map(|s| {
        [
            (Mostly::Bias, s.bias),
            (Mostly::Variance, s.variance),
            (Mostly::Covariance, s.covariance),
        ]
        .into_iter()
        .fold((Mostly::Bias, f64::NEG_INFINITY), |best, part| {
            if part.1 > best.1 { part } else { best }
        })
    });
    Verdict {
        n: judged.len(),
        within: judged.iter().filter(|&&(_, d)| within(d)).count(),
        right,
        over,
        under,
        high: judged.iter().filter(|(_, d)| *d > 0.0).count(),
        mostly,
    }
}

/// A figure's name as the tables give it: its measure and its scope.
pub(crate) fn figure(measure: RecordMeasure, scope: Scope, lang: Lang) -> String {
    format!("{}, {}", measure.label(lang), scope.label(lang))
}

const NONE_WITHIN: Text = t(
    "Geen van de {n} cijfers ligt binnen 15 % van het gepubliceerde.",
    "None of the {n} figures is within 15 % of the published one.",
);
const SOME_WITHIN: Text = t(
    "Goed: {k} van de {n} cijfers liggen binnen 15 % van het gepubliceerde",
    "Right: {k} of the {n} figures are within 15 % of the published ones",
);
const EVERY_FIGURE_OF: Text = t(", en elk cijfer van ", ", and every figure of ");
const AND: Text = t(" en ", " and ");
const TOO_HIGH: Text = t("Het verst te hoog: ", "Furthest too high: ");
const TOO_LOW: Text = t("Het verst te laag: ", "Furthest too low: ");
const THEN_TOO_LOW: Text = t("; het verst te laag: ", "; furthest too low: ");
const NONE_LOW: Text = t("; geen cijfer te laag", "; no figure too low");
const NONE_HIGH: Text = t("Geen cijfer te hoog; ", "No figure too high; ");
const BIAS: Text = t(
    "De fout is vooral vertekening (Theil {p}): het model ligt bij {k} van de {n} cijfers te hoog.",
    "The error is mostly bias (Theil {p}): the model is too high on {k} of the {n} figures.",
);
const BIAS_LOW: Text = t(
    "De fout is vooral vertekening (Theil {p}): het model ligt bij {k} van de {n} cijfers te laag.",
    "The error is mostly bias (Theil {p}): the model is too low on {k} of the {n} figures.",
);
const VARIANCE: Text = t(
    "De fout zit vooral in de spreiding (Theil {p}): de cijfers van het model lopen anders uiteen dan de gepubliceerde.",
    "The error is mostly unequal variation (Theil {p}): the model's figures spread differently from the published ones.",
);
const COVARIANCE: Text = t(
    "De fout is vooral onsystematisch (Theil {p}): geen vaste afwijking naar boven of beneden, maar de afzonderlijke cijfers volgen het gepubliceerde niet.",
    "The error is mostly unsystematic (Theil {p}): no steady bias up or down, but the single figures do not follow the published ones.",
);

/// `items` joined as a list in words: `a, b en c`.
fn list(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}{}{last}", rest.join(", "), AND.get(lang)),
    }
}

/// A row as the sentences name it: `‘figure’, date: +12,5 %`.
fn named(r: &RecordRow, f: &Formats, lang: Lang) -> String {
    let p = r.published;
    let difference = r
        .difference_pct()
        .map_or_else(String::new, |d| percent_difference(d, f));
    format!(
        "‘{}’, {}: {difference}",
        figure(p.measure, p.scope, lang),
        when(r.compared, f)
    )
}

/// The verdict in two or three sentences.
pub(crate) fn sentences(v: &Verdict, f: &Formats, lang: Lang) -> Vec<String> {
    let n = v.n.to_string();
    let mut out = Vec::with_capacity(3);
    if v.within == 0 {
        out.push(NONE_WITHIN.get(lang).replace("{n}", &n));
    } else {
        let mut s = SOME_WITHIN
            .get(lang)
            .replace("{k}", &v.within.to_string())
            .replace("{n}", &n);
        if !v.right.is_empty() {
            let names: Vec<String> = v
                .right
                .iter()
                .take(MOST_NAMED)
                .map(|&(m, scope)| format!("‘{}’", figure(m, scope, lang)))
                .collect();
            s.push_str(EVERY_FIGURE_OF.get(lang));
            s.push_str(&list(&names, lang));
        }
        s.push('.');
        out.push(s);
    }
    let wrong = match (v.over, v.under) {
        (Some(o), Some(u)) => Some(format!(
            "{}{}{}{}.",
            TOO_HIGH.get(lang),
            named(o, f, lang),
            THEN_TOO_LOW.get(lang),
            named(u, f, lang)
        )),
        (Some(o), None) => Some(format!(
            "{}{}{}.",
            TOO_HIGH.get(lang),
            named(o, f, lang),
            NONE_LOW.get(lang)
        )),
        (None, Some(u)) => Some(format!(
            "{}{}{}.",
            NONE_HIGH.get(lang),
            TOO_LOW.get(lang).to_lowercase(),
            named(u, f, lang)
        )),
        (None, None) => None,
    };
    out.extend(wrong);
    if let Some((mostly, share)) = v.mostly {
        let (text, k) = match mostly {
            Mostly::Bias if v.high * 2 >= v.n => (BIAS, v.high),
            Mostly::Bias => (BIAS_LOW, v.n - v.high),
            Mostly::Variance => (VARIANCE, 0),
            Mostly::Covariance => (COVARIANCE, 0),
        };
        out.push(
            text.get(lang)
                .replace("{p}", &f.percent(share))
                .replace("{k}", &k.to_string())
                .replace("{n}", &n),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use doorstroom_model::calibration::error_stats;
    use doorstroom_model::record::{self, Period, Published};
    use doorstroom_model::{AS_IT_HAPPENED, Date, Scenario};

    /// The record rows of "as it happened", with the model's values replaced.
    fn rows_with(model: impl Fn(&Published, f64) -> f64) -> Vec<RecordRow> {
        let run = Scenario::from_query(AS_IT_HAPPENED).0.run();
        record::compare(&run)
            .into_iter()
            .map(|r| RecordRow {
                model_value: model(r.published, r.published_value),
                ..r
            })
            .collect()
    }

    fn stats(rows: &[RecordRow]) -> Option<ErrorStats> {
        let pairs: Vec<(f64, f64)> = rows
            .iter()
            .map(|r| (r.published_value, r.model_value))
            .collect();
        error_stats(&pairs)
    }

    #[test]
    fn a_model_high_by_a_fifth_everywhere_is_all_bias_and_never_right() {
        let rows = rows_with(|_, p| p * 1.2);
        let v = verdict(&rows, stats(&rows).as_ref());
        assert!(v.n > 10, "{}", v.n);
        assert_eq!((v.within, v.high), (0, v.n));
        assert!(v.right.is_empty());
        assert!(v.over.is_some() && v.under.is_none());
        let (mostly, share) = v.mostly.unwrap();
        assert_eq!(mostly, Mostly::Bias);
        assert!((share - 1.0).abs() < 1e-9);
    }

    #[test]
    fn the_furthest_off_and_the_figures_all_within_are_named() {
        // The asylum stocks right, a penalty figure twice as high, one
        // notice count half as high, the rest a quarter high.
        let penalty_2024 = |p: &Published| {
            p.measure == RecordMeasure::PenaltiesEur
                && p.period
                    == Period {
                        from: Date::from_ymd(2024, 1, 1).unwrap(),
                        to: Date::from_ymd(2024, 12, 31).unwrap(),
                    }
        };
        let rows = rows_with(|p, v| {
            if p.measure == RecordMeasure::Backlog && p.scope.key() == "asylum" {
                v * 1.1
            } else if penalty_2024(p) {
                v * 2.0
            } else if p.measure == RecordMeasure::Notices {
                v * 0.5
            } else {
                v * 1.25
            }
        });
        let v = verdict(&rows, stats(&rows).as_ref());
        let asylum_stocks = rows
            .iter()
            .filter(|r| {
                r.published.measure == RecordMeasure::Backlog && r.published.scope.key() == "asylum"
            })
            .count();
        assert!(asylum_stocks > 0);
        assert_eq!(v.within, asylum_stocks);
        assert_eq!(v.right.len(), 1);
        assert_eq!(v.right[0].0, RecordMeasure::Backlog);
        assert!(penalty_2024(v.over.unwrap().published));
        assert_eq!(v.under.unwrap().published.measure, RecordMeasure::Notices);
    }

    #[test]
    fn no_rows_say_nothing() {
        let v = verdict(&[], None);
        assert_eq!((v.n, v.within, v.high), (0, 0, 0));
        assert_eq!((v.over, v.under, v.mostly), (None, None, None));
    }

    #[test]
    fn a_list_in_words() {
        let items = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(list(&items(&["a"]), Lang::Nl), "a");
        assert_eq!(list(&items(&["a", "b", "c"]), Lang::Nl), "a, b en c");
        assert_eq!(list(&items(&["a", "b"]), Lang::En), "a and b");
    }
}
