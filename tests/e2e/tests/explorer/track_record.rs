//! "Hoe goed rekent het model?" / "How well does the model forecast?": the
//! panel is folded and computes nothing until it is opened; opened, it
//! shows the letter's forecast and each origin with the model's and the
//! published figures, as the model's `calibration::track_record` gives
//! them (computed here, natively), in Dutch and in English, and after a
//! switch of language with the panel open.

use doorstroom_e2e::{Harness, Page};
use doorstroom_model::calibration::{TrackRecord, track_record};
use doorstroom_model::record::{self, RecordMeasure};
use fantoccini::Locator;
use serde_json::{Value, json};

use super::locale::{Locale, parse_number};
use super::{Result, assert_clean, testid, wait_until};

/// What the page shows per forecast.
const READ: &str =
    "return [...document.querySelectorAll('[data-testid=track-record] [data-testid=forecast]')]
  .map(a => ({
    origin: a.dataset.origin,
    title: a.querySelector('h3')?.textContent ?? '',
    n: a.querySelector('[data-stat=n]')?.textContent ?? '',
    words: a.querySelector('[data-testid=forecast-words]')?.textContent ?? '',
    drawn: (() => {
      const c = a.querySelector('canvas');
      return !!c && c.width > 0
        && c.width === Math.round(c.getBoundingClientRect().width * devicePixelRatio);
    })(),
    rows: [...a.querySelectorAll('tr[data-record]')].map(tr => ({
      record: tr.dataset.record,
      published: tr.querySelector('[data-testid=record-published]').textContent,
      model: tr.querySelector('[data-testid=record-model]').textContent,
    })),
  }))";

/// How often the page has computed the track record (its performance
/// measure).
async fn computed(page: &Page) -> Result<u64> {
    let n = page
        .client()
        .execute(
            "return performance.getEntriesByName('doorstroom:track-record').length",
            vec![],
        )
        .await?;
    Ok(n.as_u64().unwrap_or(0))
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_default()
}

/// Checks the page's forecasts against the natively computed record.
fn check(shown: &Value, record: &TrackRecord, locale: Locale) {
    let shown = shown.as_array().expect("a list of forecasts");
    let keys: Vec<&str> = shown.iter().map(|f| str_of(f, "origin")).collect();
    assert_eq!(
        keys,
        ["letter", "2023-05-01", "2024-01-01", "2025-01-01"],
        "the letter's forecast and the three origins"
    );
    for (page, forecast) in shown.iter().zip(&record.forecasts) {
        let origin = str_of(page, "origin");
        assert!(page["drawn"] == json!(true), "{origin}: its chart is drawn");
        // Every figure after the origin, the same rows as the command
        // line's `--track-record`.
        let expected: Vec<String> = forecast.rows.iter().map(record::csv_line).collect();
        assert!(!expected.is_empty(), "{origin}: figures after it");
        let rows = page["rows"].as_array().expect("rows");
        let lines: Vec<&str> = rows.iter().map(|r| str_of(r, "record")).collect();
        assert_eq!(lines, expected, "{origin}: the rows");
        // Each with a published and a model figure.
        for r in rows {
            for cell in ["published", "model"] {
                let text = str_of(r, cell);
                assert!(
                    text.chars().any(|c| c.is_ascii_digit()),
                    "{origin}: {cell} {text:?} in {}",
                    str_of(r, "record")
                );
            }
        }
        // The asylum stocks read back, in the page's notation, as the
        // model's and the published numbers.
        let stocks: Vec<_> = forecast
            .rows
            .iter()
            .zip(rows)
            .filter(|(r, _)| {
                r.published.measure == RecordMeasure::Backlog && r.published.scope.key() == "asylum"
            })
            .collect();
        assert!(!stocks.is_empty(), "{origin}: asylum stocks after it");
        for (r, shown) in stocks {
            let model = parse_number(str_of(shown, "model"), locale);
            let published = parse_number(str_of(shown, "published"), locale);
            assert_eq!(model, Some(r.model_value.round()), "{origin}: {shown}");
            assert_eq!(published, Some(r.published_value.round()), "{origin}");
        }
        let stats = forecast.stats.expect("statistics");
        assert_eq!(str_of(page, "n"), stats.n.to_string(), "{origin}: n");
        let words = str_of(page, "words");
        let marker = match locale {
            Locale::Nl => "cijfers",
            Locale::En => "figures",
        };
        assert!(words.contains(marker), "{origin}: {words}");
    }
}

pub async fn the_track_record_panel_shows_each_origin_with_the_model_and_published_figures(
    harness: &Harness,
) -> Result<()> {
    let record = track_record().expect("the track record");
    for (query, locale, title) in [
        ("", Locale::Nl, "Hoe goed rekent het model?"),
        ("?lang=en", Locale::En, "How well does the model forecast?"),
    ] {
        let mut page = harness.page(query).await?;
        assert_eq!(page.text("#track-record-title").await?, title);
        // Folded, and nothing computed on load.
        let open = page
            .client()
            .execute(
                "return document.querySelector(arguments[0]).open",
                vec![json!(testid("track-record"))],
            )
            .await?;
        assert_eq!(open, json!(false), "{query}: folded");
        assert_eq!(computed(&page).await?, 0, "{query}: computed on load");
        page.client()
            .execute(
                "const s = document.querySelector(arguments[0]);
                 s.scrollIntoView({ block: 'start' });
                 s.click();",
                vec![json!(format!("{} > summary", testid("track-record")))],
            )
            .await?;
        wait_until("the forecasts", || async {
            let shown = page.client().execute(READ, vec![]).await?;
            let ready = shown.as_array().is_some_and(|a| {
                a.len() == record.forecasts.len() && a.iter().all(|f| f["drawn"] == json!(true))
            });
            Ok((ready, shown.to_string()))
        })
        .await?;
        check(&page.client().execute(READ, vec![]).await?, &record, locale);
        assert_eq!(computed(&page).await?, 1, "{query}: computed once");
        if locale == Locale::Nl {
            // The language switched with the panel open: the same
            // forecasts in English, not computed again.
            page.client()
                .find(Locator::Css(&testid("lang-switch")))
                .await?
                .click()
                .await?;
            wait_until("the panel in English", || async {
                let words = page
                    .text(&format!(
                        "{} {}",
                        testid("forecast"),
                        testid("forecast-words")
                    ))
                    .await?;
                Ok((
                    words.starts_with("Right") || words.starts_with("None"),
                    words,
                ))
            })
            .await?;
            check(
                &page.client().execute(READ, vec![]).await?,
                &record,
                Locale::En,
            );
            assert_eq!(computed(&page).await?, 1, "not computed again");
        }
        assert_clean(&mut page).await?;
        page.close().await?;
    }
    Ok(())
}
