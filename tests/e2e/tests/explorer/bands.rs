//! The uncertainty bands, goal-seek and the tornado in the page. Expected
//! figures are the model's own, computed here natively.

use doorstroom_e2e::{Harness, Page, Result};
use doorstroom_model::Scenario;
use doorstroom_model::uncertainty::{
    Bands, GoalLever, Outcome, Percentiles, read_query, sample, seek,
};
use fantoccini::Locator;

use super::locale::{Locale, parse_money};
use super::{
    assert_clean, drag, field_text, query_of, testid, value_of, wait_for_value, wait_until,
};

/// Waits until the bands of what is on screen are ready, and returns the
/// link they are of.
async fn bands_ready(page: &Page) -> Result<String> {
    let status = testid("bands-status");
    wait_until("the bands", || {
        let status = status.clone();
        async move {
            let element = page.client().find(Locator::Css(&status)).await?;
            let state = element.attr("data-state").await?.unwrap_or_default();
            let of = element.attr("data-of").await?.unwrap_or_default();
            Ok((state == "ready", format!("{state} of {of}")))
        }
    })
    .await?;
    let element = page.client().find(Locator::Css(&status)).await?;
    Ok(element.attr("data-of").await?.unwrap_or_default())
}

/// The bands the page should show for `query`, computed natively.
fn bands_of(query: &str) -> Bands {
    let (scenario, settings, warnings) = read_query(query);
    assert!(warnings.is_empty(), "{query}: {warnings:?}");
    Bands::of(&sample(&scenario, &settings, 0..settings.runs))
}

/// The P10 and P90 of a money figure as its card shows them.
async fn money_range(page: &Page, kpi: &str) -> Result<(f64, f64)> {
    let text = page.text(&testid(&format!("range-{kpi}"))).await?;
    let body = text
        .strip_prefix("P10–P90:")
        .ok_or(format!("{kpi}: {text:?}"))?;
    let (low, high) = body.split_once(" – ").ok_or(format!("{kpi}: {text:?}"))?;
    let read =
        |t: &str| parse_money(t.trim(), Locale::Nl).ok_or(format!("{kpi}: cannot read {t:?}"));
    Ok((read(low)?, read(high)?))
}

/// The shown P10 and P90 agree with the model's, at the tenth of a million
/// the card shows.
fn assert_close(shown: (f64, f64), expected: Percentiles, what: &str) {
    for (s, e) in [(shown.0, expected.p10), (shown.1, expected.p90)] {
        let tolerance = if e >= 1e9 { 0.05e9 } else { 0.05e6 } + 1.0;
        assert!(
            (s - e).abs() <= tolerance,
            "{what}: {shown:?} against {expected:?}"
        );
    }
}

pub async fn the_bands_appear_and_their_seed_reproduces_them(harness: &Harness) -> Result<()> {
    let query = "?bands=on&runs=200&seed=7";
    let mut page = harness.page(query).await?;
    let of = bands_ready(&page).await?;
    assert_eq!(
        of, "v=2&bands=on&runs=200&seed=7",
        "the bands are of the link"
    );
    let expected = bands_of(query);
    for (kpi, key) in [
        ("kpi-cost-total", "cost_total_eur"),
        ("kpi-cost-2024", "cost_through_2024_eur"),
    ] {
        let shown = money_range(&page, kpi).await?;
        let p = expected.figure(key).ok_or(key)?.percentiles;
        assert_close(shown, p, kpi);
    }
    let backlog = page.text(&testid("range-kpi-backlog-end")).await?;
    let histogram = page
        .client()
        .find(Locator::Css(&testid("bands-histogram")))
        .await?;
    assert_eq!(histogram.css_value("display").await?, "block");
    assert!(query_of(&page).await?.contains("seed=7"));
    assert_clean(&mut page).await?;
    page.close().await?;

    // A fresh browser on the same link shows the same bands.
    let mut again = harness.page(query).await?;
    bands_ready(&again).await?;
    assert_eq!(again.text(&testid("range-kpi-backlog-end")).await?, backlog);
    // Another seed draws anew.
    let mut other = harness.page("?bands=on&runs=200&seed=8").await?;
    bands_ready(&other).await?;
    assert_ne!(other.text(&testid("range-kpi-backlog-end")).await?, backlog);
    assert_clean(&mut again).await?;
    assert_clean(&mut other).await?;
    again.close().await?;
    other.close().await
}

pub async fn goal_seek_applies_its_answer(harness: &Harness) -> Result<()> {
    let mut page = harness.page("?hiring_per_month=60").await?;
    let expected = seek(
        &Scenario::from_query("hiring_per_month=60").0,
        GoalLever::Fte,
        doorstroom_model::uncertainty::Goal::parse("in-term-by=2027-01-01")?,
    );
    let Outcome::Reached { value, .. } = expected.outcome else {
        return Err(format!("the model finds no answer: {:?}", expected.outcome).into());
    };
    page.client()
        .find(Locator::Css(&testid("goal-seek")))
        .await?
        .click()
        .await?;
    let answer = testid("goal-answer");
    wait_until("the goal-seek answer", || {
        let answer = answer.clone();
        let page = &page;
        async move {
            let shown = match page.client().find(Locator::Css(&answer)).await {
                Ok(e) => e.attr("data-value").await?.unwrap_or_default(),
                Err(_) => String::new(),
            };
            Ok((shown == value.to_string(), shown))
        }
    })
    .await?;
    page.client()
        .find(Locator::Css(&testid("goal-apply")))
        .await?
        .click()
        .await?;
    let link = value.to_string();
    wait_for_value(&page, "input-fte", &field_text("fte", &link)).await?;
    assert!(query_of(&page).await?.contains(&format!("fte={link}")));
    assert_clean(&mut page).await?;
    page.close().await
}

pub async fn a_drag_during_the_bands_ends_on_the_newest_value(harness: &Harness) -> Result<()> {
    let mut page = harness.page("?bands=on&runs=1000").await?;
    // The drag starts while the first bands are being computed.
    drag(&page, "lever-fte", &[560.0, 600.0, 650.0, 700.0]).await?;
    wait_for_value(&page, "input-fte", "700").await?;
    let of = bands_ready(&page).await?;
    assert_eq!(
        of, "v=2&fte=700&bands=on&runs=1000",
        "bands of the newest value"
    );
    let expected = bands_of("v=2&fte=700&bands=on&runs=1000");
    let shown = money_range(&page, "kpi-cost-total").await?;
    assert_close(
        shown,
        expected.figure("cost_total_eur").ok_or("cost")?.percentiles,
        "cost after the drag",
    );
    assert_eq!(value_of(&page, "input-fte").await?, "700");
    assert_clean(&mut page).await?;
    page.close().await
}

pub async fn the_tornado_lists_the_levers_largest_first(harness: &Harness) -> Result<()> {
    // The letter's world, whose tornado is computed below.
    let mut page = harness.page("?v=1").await?;
    page.client()
        .find(Locator::Css(&testid("tornado-run")))
        .await?
        .click()
        .await?;
    let rows = testid("tornado-row");
    wait_until("the tornado", || {
        let rows = rows.clone();
        let page = &page;
        async move {
            let n = page.client().find_all(Locator::Css(&rows)).await?.len();
            Ok((n > 0, format!("{n} rows")))
        }
    })
    .await?;
    let mut keys = Vec::new();
    for row in page.client().find_all(Locator::Css(&rows)).await? {
        keys.push(row.attr("data-key").await?.unwrap_or_default());
    }
    let expected: Vec<String> = doorstroom_model::uncertainty::tornado(&Scenario::default())
        .iter()
        .map(|b| b.key.to_owned())
        .collect();
    assert_eq!(keys, expected);
    assert_clean(&mut page).await?;
    page.close().await
}
