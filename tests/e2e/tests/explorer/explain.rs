//! "Why different?" and "Where are the cases?", end to end: the parts of
//! the difference name the levers that differ, the pipeline's picture
//! follows the charts' pointer, steps with the keys and plays, and both
//! export as PNG and SVG.

use doorstroom_e2e::{Harness, Page, Result};
use doorstroom_model::{Lang, Scenario, differing};
use fantoccini::Locator;
use serde_json::json;

use super::exports::{catch_downloads, click, offered, png_size_and_ink, unescape_xml};
use super::record::hover;
use super::{assert_clean, testid, wait_until};

/// The names of the levers in the table of parts, once it is computed.
async fn part_names(page: &Page) -> Result<Vec<String>> {
    page.strings(
        "return [...document.querySelectorAll('[data-testid=explain-row] th')].map(t => t.textContent)",
        vec![],
    )
    .await
}

async fn hidden(page: &Page, id: &str) -> Result<bool> {
    let value = page
        .client()
        .execute(
            "const e = document.querySelector(arguments[0]); return !e || e.hidden;",
            vec![json!(testid(id))],
        )
        .await?;
    Ok(value.as_bool().unwrap_or(true))
}

pub async fn why_different_names_the_levers_that_differ_and_exports(
    harness: &Harness,
) -> Result<()> {
    for (query, lang) in [
        ("?v=2&intake=90000&fte=400", Lang::Nl),
        (
            "?v=2&intake=90000&fte=400&legal_costs=3000&lang=en",
            Lang::En,
        ),
    ] {
        let mut page = harness.page(query).await?;
        let (s, _) = Scenario::from_query(query.trim_start_matches('?'));
        let base = s.baseline(None);
        let mut expected: Vec<String> = differing(&s, &base)
            .map(|l| l.label.get(lang).to_owned())
            .collect();
        expected.sort();
        assert!(expected.len() >= 2, "{query}");
        wait_until("the parts of the difference", || async {
            let mut names = part_names(&page).await?;
            names.sort();
            Ok((names == expected, format!("{names:?}")))
        })
        .await?;
        assert!(
            !hidden(&page, "explain").await?,
            "{query}: the section shows"
        );
        // The picture says the same in words.
        let label = page
            .client()
            .find(Locator::Css(&testid("explain-chart")))
            .await?
            .attr("aria-label")
            .await?
            .unwrap_or_default();
        for name in &expected {
            assert!(label.contains(name.as_str()), "{name} in {label}");
        }
        // Another figure: the table's caption names it.
        let before = page.text(&testid("explain-table")).await?;
        page.client()
            .execute(
                "const s = document.querySelector(arguments[0]);
                 s.value = 'backlog_end';
                 s.dispatchEvent(new Event('change', { bubbles: true }));",
                vec![json!(testid("explain-figure"))],
            )
            .await?;
        wait_until("the backlog's parts", || async {
            let now = page.text(&testid("explain-table")).await?;
            Ok((now != before, now))
        })
        .await?;
        // Both exports, named after the figure, with the levers in the SVG.
        catch_downloads(&page).await?;
        click(&page, &testid("explain-png")).await?;
        click(&page, &testid("explain-svg")).await?;
        let png = offered(&page, 0).await?;
        let svg = offered(&page, 1).await?;
        assert!(
            png.name.ends_with("-explain-backlog_end.png"),
            "{}",
            png.name
        );
        assert_eq!(png.mime, "image/png");
        let (size, ink) = png_size_and_ink(&png.bytes, 100)?;
        assert_eq!(size, (2400, 1350), "PNG size");
        assert!(ink > 1_000, "{ink} dark pixels in the caption band");
        assert_eq!(svg.mime, "image/svg+xml");
        let text = unescape_xml(&svg.text()?);
        for name in &expected {
            assert!(text.contains(name.as_str()), "{name} in the SVG");
        }
        assert_clean(&mut page).await?;
        page.close().await?;
    }
    // Nothing differs: nothing to explain, and nothing shown.
    let page = harness.page("?v=2").await?;
    wait_until("the results below the charts", || async {
        let found = !page
            .client()
            .find_all(Locator::Css(&testid("explain")))
            .await?
            .is_empty();
        Ok((found, String::new()))
    })
    .await?;
    assert!(hidden(&page, "explain").await?, "no levers differ");
    page.close().await
}

/// The day of the week the pipeline's picture shows.
async fn picture_week(page: &Page) -> Result<String> {
    Ok(page
        .client()
        .find(Locator::Css(&testid("flow-diagram")))
        .await?
        .attr("data-week")
        .await?
        .unwrap_or_default())
}

pub async fn the_pipeline_follows_the_pointer_plays_and_exports(harness: &Harness) -> Result<()> {
    let mut page = harness.page("?v=2&intake=90000").await?;
    wait_until("the pipeline's picture", || async {
        let week = picture_week(&page).await;
        Ok((
            week.as_ref().is_ok_and(|w| !w.is_empty()),
            format!("{week:?}"),
        ))
    })
    .await?;
    // On the desk the picture is drawn at its box's size × the pixel
    // ratio, a row per stream.
    let drawn = page
        .client()
        .execute(
            "const c = document.querySelector(arguments[0]); const r = c.getBoundingClientRect();
             return [c.width, c.height, r.width * devicePixelRatio, r.height * devicePixelRatio, c.dataset.rows];",
            vec![json!(testid("flow-diagram"))],
        )
        .await?;
    for k in 0..2 {
        let (backing, shown) = (
            drawn[k].as_f64().unwrap_or(0.0),
            drawn[k + 2].as_f64().unwrap_or(-9.0),
        );
        assert!((backing - shown).abs() <= 1.0, "{drawn}");
    }
    assert_eq!(drawn[4], json!("4"), "{drawn}");
    // The pointer on a chart, early and then late in the run: the picture
    // follows it, to a later week.
    let initial = picture_week(&page).await?;
    hover(&page, "backlog", 0.1).await?;
    wait_until("the picture at the pointer's week", || async {
        let now = picture_week(&page).await?;
        Ok((now != initial, now))
    })
    .await?;
    let early = picture_week(&page).await?;
    hover(&page, "backlog", 0.9).await?;
    wait_until("a later week", || async {
        let late = picture_week(&page).await?;
        Ok((late > early, late))
    })
    .await?;
    // The arrow keys on the picture step a week.
    let at = picture_week(&page).await?;
    page.client()
        .execute(
            "const c = document.querySelector(arguments[0]);
             c.focus();
             c.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));",
            vec![json!(testid("flow-diagram"))],
        )
        .await?;
    let start: doorstroom_model::Date = at.parse().map_err(|e| format!("{at}: {e:?}"))?;
    let before = start.add_days(-7).to_string();
    wait_until("a week earlier", || async {
        let now = picture_week(&page).await?;
        Ok((now == before, now))
    })
    .await?;
    // Playing moves the picture on by itself; pausing stops it.
    page.client()
        .execute(
            "const s = document.querySelector(arguments[0]);
             s.value = '0';
             s.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![json!(testid("flow-week"))],
        )
        .await?;
    let first = picture_week(&page).await?;
    click(&page, &testid("flow-play")).await?;
    wait_until("the picture playing", || async {
        let now = picture_week(&page).await?;
        Ok((now.as_str() > first.as_str(), now))
    })
    .await?;
    click(&page, &testid("flow-play")).await?;
    let pressed = page
        .client()
        .find(Locator::Css(&testid("flow-play")))
        .await?
        .attr("aria-pressed")
        .await?;
    assert_eq!(pressed.as_deref(), Some("false"));
    // For screen readers: a line per stream.
    let lines = page
        .client()
        .find_all(Locator::Css("[data-testid=flow-lines] li"))
        .await?;
    assert_eq!(lines.len(), 4);
    // Both exports.
    catch_downloads(&page).await?;
    click(&page, &testid("flow-png")).await?;
    click(&page, &testid("flow-svg")).await?;
    let png = offered(&page, 0).await?;
    let svg = offered(&page, 1).await?;
    assert!(png.name.contains("-pipeline-"), "{}", png.name);
    let (size, _) = png_size_and_ink(&png.bytes, 100)?;
    assert_eq!(size, (2400, 1350), "PNG size");
    let text = unescape_xml(&svg.text()?);
    assert!(text.contains("Waar de zaken zijn"), "the title in the SVG");
    assert!(text.contains("binnen termijn") && text.contains("rechter beval"));
    assert_clean(&mut page).await?;
    page.close().await
}
