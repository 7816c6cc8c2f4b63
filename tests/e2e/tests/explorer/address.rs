//! The address always tells the truth: however fast the input comes, the
//! address, the fields and the figures end on the same scenario (the
//! browser drops history writes that come too fast; the page paces and
//! checks its writes).

use std::time::{Duration, Instant};

use doorstroom_e2e::{Harness, Result};
use doorstroom_model::Summary;
use fantoccini::Locator;

use super::{Locale, assert_clean, assert_figures, drag, query_of, testid, value_of, wait_until};

/// The address and the FTE field agree, and the figures are the model's
/// for the address.
async fn assert_agree(page: &doorstroom_e2e::Page, expected_fte: &str) -> Result<()> {
    // The pacer retries a dropped write after a second; give it two.
    wait_until("the address to hold the last value", || async {
        let query = query_of(page).await?;
        let held = if expected_fte == "532" {
            !query.contains("fte=")
        } else {
            query.split('&').any(|p| p == format!("fte={expected_fte}"))
        };
        Ok((held, query))
    })
    .await?;
    let query = query_of(page).await?;
    let slider = value_of(page, "lever-fte").await?;
    assert_eq!(slider, expected_fte, "the slider shows the last value");
    assert_figures(
        page,
        &Summary::of_query(&query).expect("a query read without warnings"),
        Locale::Nl,
    )
    .await
}

pub async fn three_hundred_key_presses_leave_the_address_right(harness: &Harness) -> Result<()> {
    let mut page = harness.page("").await?;
    let slider = page
        .client()
        .find(Locator::Css(&testid("lever-fte")))
        .await?;
    slider.click().await?;
    let started: f64 = value_of(&page, "lever-fte").await?.parse()?;
    let keys = "\u{E014}".repeat(300);
    let sent = Instant::now();
    slider.send_keys(&keys).await?;
    let took = sent.elapsed();
    println!("300 key presses sent in {:.1} s", took.as_secs_f64());
    let expected = format!("{}", (started + 300.0).min(2_000.0));
    assert_agree(&page, &expected).await?;
    // Still right after a pause: nothing owed overwrites it later.
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_agree(&page, &expected).await?;
    assert_clean(&mut page).await?;
    page.close().await
}

pub async fn two_thousand_inputs_end_on_the_last_value(harness: &Harness) -> Result<()> {
    let mut page = harness.page("").await?;
    // 2,000 input events in one burst, as fast as the browser takes them,
    // ending on 777, then the drag's end.
    let values: Vec<f64> = (0..2_000)
        .map(|i| f64::from(400 + (i * 37) % 1_200))
        .collect();
    let mut values = values;
    values.push(777.0);
    drag(&page, "lever-fte", &values).await?;
    assert_agree(&page, "777").await?;
    assert_clean(&mut page).await?;
    page.close().await
}
