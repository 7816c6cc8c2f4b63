//! The run and a chart's table as spreadsheet files, and a table as text for
//! the clipboard (tab-separated, so that pasting into a spreadsheet gives
//! columns). The layout is the model's (`Run::to_sheet`, `Sheet`).

use doorstroom_charts::{Chart, file_stem, table_against, table_keys};
use doorstroom_model::{About, Lang, Notation, Period, Sheet, Text};

use crate::export::{baseline_caption, scenario_caption, slug, today};
use crate::platform::download;
use crate::state::Store;
use leptos::prelude::*;

fn about(store: Store, lang: Lang, what: String) -> About {
    About {
        what,
        caption: scenario_caption(store, lang),
        link: store.link(),
        baseline: baseline_caption(store, lang),
        exported: today(),
    }
}

/// Offers the run, `period` by period, as `doorstroom-<scenario>-<period>.csv`.
pub fn run_file(store: Store, period: Period) {
    let lang = store.lang().get_untracked();
    let what = match period {
        Period::Weekly => Text {
            nl: "Doorstroom: de modelrun per week, elke maat in totaal en per spoor",
            en: "Doorstroom: the model run by week, every measure in total and by stream",
        },
        Period::Monthly => Text {
            nl: "Doorstroom: de modelrun per maand, elke maat in totaal en per spoor",
            en: "Doorstroom: the model run by month, every measure in total and by stream",
        },
    };
    let about = about(store, lang, what.get(lang).to_owned());
    let text = store
        .run
        .with_untracked(|run| run.to_sheet(period, lang, &about));
    let name = format!("doorstroom-{}-{}.csv", slug(store, lang), period.key())
        .replace("doorstroom--", "doorstroom-");
    download::offer_text(&text, "text/csv;charset=utf-8", &name);
}

/// The chart's table with the baseline, written through `sheet`.
/// With `keys`, the columns' keys follow the names as a second header row.
fn write_table(store: Store, chart: Chart, lang: Lang, keys: bool, sheet: &mut Sheet) {
    let with_baseline = !store.is_baseline.get_untracked();
    store.run.with_untracked(|run| {
        store.baseline_run.with_untracked(|base| {
            let t = table_against(chart, run, with_baseline.then_some(&**base), lang);
            sheet.text_row(t.headers.iter().map(String::as_str));
            if keys {
                let keys = table_keys(chart, with_baseline);
                sheet.text_row(keys.iter().map(String::as_str));
            }
            for (month, values) in &t.rows {
                sheet.number_row(*month, values.iter().copied(), 2);
            }
        })
    });
}

/// Offers the chart's table as `doorstroom-<scenario>-<chart>.csv`.
pub fn table_file(store: Store, chart: Chart) {
    let lang = store.lang().get_untracked();
    let what = format!(
        "Doorstroom: {} ({})",
        chart.title(lang),
        Text {
            nl: "per maand",
            en: "by month"
        }
        .get(lang)
    );
    let mut sheet = Sheet::new(lang, &about(store, lang, what));
    write_table(store, chart, lang, true, &mut sheet);
    download::offer_text(
        &sheet.finish(),
        "text/csv;charset=utf-8",
        &format!("{}.csv", file_stem(&slug(store, lang), chart)),
    );
}

/// The chart's table as tab-separated text in the page's decimal sign: the
/// header row and one row per month, as on screen (no keys, no comments).
pub fn table_text(store: Store, chart: Chart) -> String {
    let lang = store.lang().get_untracked();
    let mut sheet = Sheet::bare(Notation {
        separator: '\t',
        decimal: Notation::of(lang).decimal,
    });
    write_table(store, chart, lang, false, &mut sheet);
    sheet.finish()
}
