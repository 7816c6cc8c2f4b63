//! The record on the page: the published figures beside the model's, as
//! the model's `record` module gives them (the command line's `--record`).

use doorstroom_e2e::Harness;
use doorstroom_model::Scenario;
use doorstroom_model::record::{self, RecordMeasure};
use fantoccini::Locator;
use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use serde_json::json;

use super::{Result, assert_clean, query_of, testid, wait_until};

/// The `--record` lines (without the header) for a link's scenario.
fn record_lines(query: &str) -> Vec<String> {
    let (scenario, warnings) = Scenario::from_query(query);
    assert!(warnings.is_empty(), "{query}: {warnings:?}");
    record::to_csv(&record::compare(&scenario.run()))
        .lines()
        .skip(1)
        .map(str::to_owned)
        .collect()
}

/// The `data-record` lines of the page's "Model en werkelijkheid" panel.
async fn panel_lines(page: &doorstroom_e2e::Page) -> Result<Vec<String>> {
    page.strings(
        "return [...document.querySelectorAll('[data-testid=record-panel] tr[data-record]')]
           .map(tr => tr.dataset.record)",
        vec![],
    )
    .await
}

/// The text of the published figures beside chart `id` ("" when hidden).
async fn published_beside(page: &doorstroom_e2e::Page, id: &str) -> Result<String> {
    let text = page
        .client()
        .execute(
            "const el = document.querySelector(arguments[0]);
             return el && !el.hidden ? el.textContent : '';",
            vec![json!(testid(&format!("published-{id}")))],
        )
        .await?;
    Ok(text.as_str().unwrap_or("").to_owned())
}

/// Moves the pointer over chart `id` at `share` of its width, mid-height.
pub(super) async fn hover(page: &doorstroom_e2e::Page, id: &str, share: f64) -> Result<()> {
    page.client()
        .execute(
            "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })",
            vec![json!(format!("[data-chart={id}] canvas"))],
        )
        .await?;
    let canvas = page
        .client()
        .find(Locator::Css(&format!("[data-chart={id}] canvas")))
        .await?;
    // `share` of the way along the plot (a legend may stand beside it), as
    // an offset from the canvas's centre, from the plot's place in CSS
    // pixels that the page writes on the canvas (`data-plot`).
    let offset = page
        .client()
        .execute(
            "const c = document.querySelector(arguments[0]);
             const [, , left, right] = (c.dataset.plot || '').split(' ').map(Number);
             const w = c.getBoundingClientRect().width;
             const [l, r] = Number.isFinite(right) && right > left ? [left, right] : [0, w];
             return l + arguments[1] * (r - l) - w / 2;",
            vec![json!(format!("[data-chart={id}] canvas")), json!(share)],
        )
        .await?
        .as_f64()
        .unwrap_or(0.0);
    page.client()
        .perform_actions(
            MouseActions::new("mouse".to_owned()).then(PointerAction::MoveToElement {
                element: canvas,
                duration: None,
                // From the element's centre.
                x: offset,
                y: 0.0,
            }),
        )
        .await?;
    Ok(())
}

pub async fn the_record_panel_shows_the_model_s_record_for_the_link(
    harness: &Harness,
) -> Result<()> {
    for query in [
        "?intake=60000&fte=600",
        &format!("?{}", doorstroom_model::AS_IT_HAPPENED),
    ] {
        let mut page = harness.page(query).await?;
        let expected = record_lines(query);
        assert!(!expected.is_empty(), "{query}: figures in the horizon");
        wait_until("the record panel", || async {
            let lines = panel_lines(&page).await?;
            Ok((lines == expected, format!("{lines:#?}")))
        })
        .await?;
        // Each row shows the source in place and the panel names itself.
        let title = page.text("#record-title").await?;
        assert_eq!(title, "Model en werkelijkheid");
        let first_source = page
            .text("[data-testid=record-panel] tbody tr:first-child td.source span")
            .await?;
        assert_eq!(
            first_source,
            record::compare(&Scenario::from_query(query).0.run())[0]
                .published
                .source
        );
        assert_clean(&mut page).await?;
        page.close().await?;
    }
    Ok(())
}

pub async fn hovering_a_week_with_a_published_figure_shows_its_value_and_source(
    harness: &Harness,
) -> Result<()> {
    let mut page = harness.page("?v=1").await?;
    // The letter's horizon runs to 2026: a third of the way along the flow
    // chart lies in 2024, whose published decisions and intake are drawn
    // there as their mean per week.
    let run = Scenario::default().run();
    let rows = record::compare(&run);
    let decisions_2024 = rows
        .iter()
        .find(|r| {
            r.published.measure == RecordMeasure::Decisions
                && r.published.scope.is_all()
                && r.compared.to.to_string() == "2024-12-31"
        })
        .expect("the decisions of 2024");
    let per_week = (decisions_2024.published_value / decisions_2024.compared.days() as f64 * 7.0)
        .round()
        .to_string();
    wait_until("the published figures at the pointer", || async {
        hover(&page, "flow", 0.36).await?;
        let text = published_beside(&page, "flow").await?;
        let shown = text.contains("gepubliceerd (IND)")
            && text.contains(&per_week)
            && text.contains(decisions_2024.published.source);
        Ok((shown, text))
    })
    .await?;
    assert_clean(&mut page).await?;
    page.close().await
}

pub async fn the_published_switch_hides_and_shows_the_markers_and_is_kept_in_the_link(
    harness: &Harness,
) -> Result<()> {
    let mut page = harness.page("?intake=60000").await?;
    let pixels = || async {
        Ok::<_, doorstroom_e2e::Error>(
            page.client()
                .execute(
                    "return document.querySelector('[data-chart=backlog] canvas').toDataURL()",
                    vec![],
                )
                .await?,
        )
    };
    // Every chart has the switch; it acts on all of them.
    let switch = format!("[data-chart=backlog] {}", testid("published-switch"));
    let pressed = |page: &doorstroom_e2e::Page| {
        let client = page.client().clone();
        let switch = switch.clone();
        async move {
            Ok::<_, doorstroom_e2e::Error>(
                client
                    .execute(
                        "return document.querySelector(arguments[0]).getAttribute('aria-pressed')",
                        vec![json!(switch)],
                    )
                    .await?,
            )
        }
    };
    assert_eq!(pressed(&page).await?, json!("false"), "shown by default");
    let shown = pixels().await?;
    page.client()
        .find(Locator::Css(&switch))
        .await?
        .click()
        .await?;
    wait_until("published=off in the address", || async {
        let q = query_of(&page).await?;
        Ok((q.contains("published=off"), q))
    })
    .await?;
    wait_until("the markers gone", || async {
        let now = pixels().await?;
        Ok((now != shown, "the same pixels".to_owned()))
    })
    .await?;
    // Hidden, the pointer shows no published figure either.
    hover(&page, "flow", 0.36).await?;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(published_beside(&page, "flow").await?, "");
    // A link with the switch off opens with it off.
    let mut reopened = harness.page("?intake=60000&published=off").await?;
    assert_eq!(
        pressed(&reopened).await?,
        json!("true"),
        "hidden by the link"
    );
    assert_clean(&mut reopened).await?;
    reopened.close().await?;
    // On again: the markers are back and the address no longer says off.
    page.client()
        .find(Locator::Css(&switch))
        .await?
        .click()
        .await?;
    wait_until("published=off gone from the address", || async {
        let q = query_of(&page).await?;
        Ok((!q.contains("published="), q))
    })
    .await?;
    wait_until("the markers back", || async {
        let now = pixels().await?;
        Ok((now == shown, "other pixels".to_owned()))
    })
    .await?;
    assert_clean(&mut page).await?;
    page.close().await
}
