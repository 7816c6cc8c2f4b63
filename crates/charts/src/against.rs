//! A chart's table with the baseline beside it: the table's columns, then
//! the baseline's value of the chart's headline series (the one its ghost
//! line repeats) and the difference, per month. Keys name the columns in
//! files, the same in every language.

use doorstroom_model::{Date, Lang, Run, Text};

use crate::summary::headline;
use crate::{Chart, Series, Table, table};

/// The key of a series: its columns' keys joined by `+`.
fn series_key(s: &Series) -> String {
    s.columns
        .iter()
        .map(|c| doorstroom_model::column_key(*c))
        .collect::<Vec<_>>()
        .join("+")
}

/// The chart's table ([`table`]), with the baseline's headline series and
/// the difference to it when there is a baseline.
pub fn table_against(chart: Chart, run: &Run, baseline: Option<&Run>, lang: Lang) -> Table {
    let mut t = table(chart, run, lang);
    let (Some(base), Some((main, ghost))) = (baseline, headline(chart)) else {
        return t;
    };
    t.headers.push(ghost.label.get(lang).to_owned());
    t.headers.push(
        Text {
            nl: "verschil met de basislijn",
            en: "difference from the baseline",
        }
        .get(lang)
        .to_owned(),
    );
    let now: Vec<(Date, f64)> = main.monthly(run);
    let was: Vec<(Date, f64)> = main.monthly(base);
    for (month, values) in &mut t.rows {
        let find = |m: &[(Date, f64)]| m.iter().find(|(d, _)| d == month).map_or(f64::NAN, |p| p.1);
        let (a, b) = (find(&now), find(&was));
        values.push(b);
        values.push(a - b);
    }
    t
}

/// The keys of [`table_against`]'s columns, in its order.
pub fn table_keys(chart: Chart, with_baseline: bool) -> Vec<String> {
    let mut keys = vec!["month".to_owned()];
    keys.extend(
        chart
            .series()
            .iter()
            .filter(|s| s.drawn_in_table())
            .map(series_key),
    );
    if let (true, Some((main, _))) = (with_baseline, headline(chart)) {
        let key = series_key(main);
        keys.push(format!("baseline_{key}"));
        keys.push(format!("difference_{key}"));
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use doorstroom_model::{Aggregate, Column, Measure, Scenario};

    #[test]
    fn the_baseline_and_the_difference_follow_the_table() {
        let base = Scenario::default().run();
        let run = Scenario::from_query("intake=60000").0.run();
        for chart in Chart::ALL {
            let plain = table(chart, &run, Lang::En);
            let t = table_against(chart, &run, Some(&base), Lang::En);
            assert_eq!(t.headers.len(), plain.headers.len() + 2, "{chart:?}");
            assert_eq!(table_keys(chart, true).len(), t.headers.len(), "{chart:?}");
            assert_eq!(
                table_keys(chart, false).len(),
                plain.headers.len(),
                "{chart:?}"
            );
            assert_eq!(t.rows.len(), plain.rows.len());
        }
        let t = table_against(Chart::Backlog, &run, Some(&base), Lang::Nl);
        let was = base.monthly(Column::total(Measure::Backlog), Aggregate::Last);
        let now = run.monthly(Column::total(Measure::Backlog), Aggregate::Last);
        let (_, row) = &t.rows[20];
        let k = row.len();
        assert_eq!(row[k - 2], was[20].1);
        assert_eq!(row[k - 1], now[20].1 - was[20].1);
        assert!(row[k - 1] < 0.0, "less intake, smaller backlog");
        assert_eq!(
            table_against(Chart::Flow, &run, None, Lang::Nl),
            table(Chart::Flow, &run, Lang::Nl)
        );
    }
}
