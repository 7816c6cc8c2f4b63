//! Today's outlook, the page's default: the record up to its newest
//! figures, the reader's levers from the first of the next month, the
//! charts marking the join with a rule and the headline figures counting
//! from it; the switch beside the headline levers goes to the letter's
//! world and back.

use doorstroom_e2e::{Harness, Page};
use doorstroom_model::{Scenario, Summary};
use fantoccini::Locator;
use serde_json::json;

use super::locale::{Locale, parse_money, parse_number, parse_percent};
use super::{Result, assert_clean, drag, query_of, testid, wait_for_value, wait_until};

/// The longest vertical run of dark grey pixels (the rule's colour, not
/// the charts' coloured areas or their light grid) in any column of the
/// middle of chart `id`'s canvas, as a share of the canvas height.
async fn longest_grey_column(page: &Page, id: &str) -> Result<f64> {
    let share = page
        .client()
        .execute(
            "const c = document.querySelector(`[data-chart=${arguments[0]}] canvas`);
             if (!c || c.width === 0) return 0;
             const { width: w, height: h } = c;
             const d = c.getContext('2d').getImageData(0, 0, w, h).data;
             let best = 0;
             for (let x = Math.floor(w * 0.2); x < Math.floor(w * 0.9); x++) {
               let run = 0;
               for (let y = 0; y < h; y++) {
                 const i = (y * w + x) * 4;
                 const [r, g, b] = [d[i], d[i + 1], d[i + 2]];
                 const grey = r < 140 && g < 140 && b < 140
                   && Math.abs(r - g) < 25 && Math.abs(g - b) < 25;
                 run = grey ? run + 1 : 0;
                 if (run > best) best = run;
               }
             }
             return best / h;",
            vec![json!(id)],
        )
        .await?;
    share
        .as_f64()
        .ok_or_else(|| format!("no pixel answer: {share}").into())
}

async fn count(page: &Page, id: &str) -> Result<usize> {
    Ok(page
        .client()
        .find_all(Locator::Css(&testid(id)))
        .await?
        .len())
}

/// The rows of chart `id`'s table ("show as table"), each as its cells
/// joined by `|`, the month first.
async fn table_rows(page: &Page, id: &str) -> Result<Vec<String>> {
    page.strings(
        "return [...document.querySelectorAll(
             `[data-chart=${arguments[0]}] .chart-table > table > tbody > tr`)]
           .map(tr => [...tr.children].map(c => c.textContent).join('|'))",
        vec![json!(id)],
    )
    .await
}

/// Opens chart `id`'s table.
async fn show_table(page: &Page, id: &str) -> Result<()> {
    page.client()
        .find(Locator::Css(&format!(
            "[data-chart={id}] .chart-actions button"
        )))
        .await?
        .click()
        .await?;
    wait_until("the table", || async {
        let rows = table_rows(page, id).await?;
        Ok((!rows.is_empty(), format!("{} rows", rows.len())))
    })
    .await
}

/// The cards of a run from a later day, against the model's summary.
async fn assert_from_figures(page: &Page, query: &str) -> Result<()> {
    let expected = Summary::of_query(query).expect("a query read without warnings");
    let number = |t: String| parse_number(&t, Locale::Nl);
    assert_eq!(
        number(page.text(&testid("kpi-backlog-end")).await?),
        Some(expected.backlog_end.round()),
        "backlog at the end"
    );
    assert_eq!(
        number(page.text(&testid("kpi-backlog-peak")).await?),
        Some(expected.backlog_peak.round()),
        "peak from the join"
    );
    for (id, euros) in [
        ("kpi-cost-total", expected.cost_total_eur),
        ("kpi-cost-first-year", expected.cost_first_year_eur),
    ] {
        let text = page.text(&testid(id)).await?;
        let shown = parse_money(&text, Locale::Nl).ok_or(format!("{id}: {text:?}"))?;
        let tolerance = if euros >= 1e9 { 0.05e9 } else { 0.05e6 } + 1.0;
        assert!(
            (shown - euros).abs() <= tolerance,
            "{id}: {text} against {euros}"
        );
    }
    let text = page.text(&testid("kpi-in-term")).await?;
    let share = parse_percent(&text, Locale::Nl).ok_or(format!("{text:?}"))?;
    assert!(
        (share - expected.share_decided_in_term).abs() <= 0.0005 + 1e-9,
        "share in term from the join: {text} against {}",
        expected.share_decided_in_term
    );
    Ok(())
}

/// How many levers are marked changed on the page.
async fn changed_marks(page: &Page) -> Result<usize> {
    let n = page
        .client()
        .execute(
            "return [...document.querySelectorAll('.changed-mark')].filter(e => !e.hidden).length",
            vec![],
        )
        .await?;
    Ok(n.as_u64().unwrap_or(u64::MAX) as usize)
}

/// The cards count from the join, and say through which day the history
/// follows the published figures.
async fn assert_cards_count_from_the_join(page: &Page) -> Result<()> {
    wait_until("six cards counting from August 2026", || async {
        let texts = page
            .client()
            .execute(
                "return [...document.querySelectorAll('[data-testid=kpi-from]')].map(e => e.innerText)",
                vec![],
            )
            .await?;
        // In full, or short on the projector layout's narrow cards.
        let all = texts.as_array().is_some_and(|a| {
            a.len() == 6
                && a.iter().filter_map(|t| t.as_str()).all(|t| {
                    t == "vanaf augustus 2026; daarvóór zoals gepubliceerd t/m 26 juli 2026"
                        || t == "vanaf aug 2026"
                })
        });
        Ok((all, texts.to_string()))
    })
    .await
}

/// The page opens on today's outlook: history up to the newest published
/// figures, the levers from the next month on, no lever marked changed,
/// the heading, the baseline and the footer all naming it; the switch goes
/// to the letter's world and back.
pub async fn the_page_opens_on_today_s_outlook_and_the_switch_goes_to_the_letter(
    harness: &Harness,
) -> Result<()> {
    let mut page = harness.page("").await?;
    let switch = || async { page.client().find(Locator::Css(&testid("from-now"))).await };
    assert_eq!(
        switch().await?.attr("aria-checked").await?.as_deref(),
        Some("true")
    );
    assert_eq!(query_of(&page).await?, "v=2");
    wait_until("the rule at the join", || async {
        let on = longest_grey_column(&page, "backlog").await?;
        Ok((on > 0.3, format!("{on}")))
    })
    .await?;
    assert_cards_count_from_the_join(&page).await?;
    assert_eq!(count(&page, "kpi-cost-2024").await?, 0);
    assert_from_figures(&page, "v=2").await?;
    // One meaning of default: nothing changed against today's outlook.
    assert_eq!(changed_marks(&page).await?, 0);
    let heading = page.text(&testid("scenario-heading")).await?;
    assert!(heading.contains("geen wijzigingen"), "{heading}");
    let baseline = page.text(&testid("baseline-name")).await?;
    assert!(baseline.contains("Vooruitzicht van vandaag"), "{baseline}");
    let footer = page.text(".baseline-note").await?;
    assert!(footer.contains("Vooruitzicht van vandaag"), "{footer}");
    assert!(page.text(".kpis").await?.contains("gelijk aan basislijn"));

    // Off: the letter's world, whose defaults the page now measures by.
    switch().await?.click().await?;
    wait_until("the letter's link", || async {
        let q = query_of(&page).await?;
        Ok((Scenario::from_query(&q).0 == Scenario::default(), q))
    })
    .await?;
    wait_until("the cards of the letter's run", || async {
        let n = count(&page, "kpi-cost-2024").await?;
        Ok((n == 1, format!("{n}")))
    })
    .await?;
    assert_eq!(count(&page, "kpi-from").await?, 0);
    // The letter's preset reproduces the letter's figures: its run is the
    // model's run of a v=1 link that changes nothing.
    let letter = Summary::of_query("v=1").expect("a query read without warnings");
    assert_eq!(
        parse_number(&page.text(&testid("kpi-backlog-end")).await?, Locale::Nl),
        Some(letter.backlog_end.round()),
        "the letter's backlog at the end"
    );
    let total = page.text(&testid("kpi-cost-total")).await?;
    let shown = parse_money(&total, Locale::Nl).ok_or(format!("{total:?}"))?;
    assert!(
        (shown - letter.cost_total_eur).abs() <= 0.05e6 + 1.0,
        "the letter's cost: {total} against {}",
        letter.cost_total_eur
    );
    assert_eq!(changed_marks(&page).await?, 0, "the letter's own defaults");
    let baseline = page.text(&testid("baseline-name")).await?;
    assert!(baseline.contains("De brief van april 2023"), "{baseline}");
    let off = longest_grey_column(&page, "backlog").await?;
    assert!(off < 0.1, "no rule in the letter's world: {off}");

    // On again: today's outlook, exactly.
    switch().await?.click().await?;
    wait_until("the default link", || async {
        let q = query_of(&page).await?;
        Ok((q == "v=2", q))
    })
    .await?;
    assert_clean(&mut page).await?;
    page.close().await
}

/// "Back to default" on a lever returns it to today's value, not the
/// letter's.
pub async fn back_to_default_returns_to_today_s_values(harness: &Harness) -> Result<()> {
    let mut page = harness.page("?v=2&intake=60000").await?;
    wait_for_value(&page, "input-intake", "60.000").await?;
    assert_eq!(changed_marks(&page).await?, 1);
    page.client()
        .execute(
            "const b = [...document.querySelectorAll('button.link-button')]
               .find(b => !b.hidden && (b.getAttribute('aria-label') || '').includes('Instroom'));
             b.click();",
            vec![],
        )
        .await?;
    wait_until("today's intake", || async {
        let q = query_of(&page).await?;
        Ok((q == "v=2", q))
    })
    .await?;
    let today = Scenario::outlook().intake_per_year;
    wait_until("today's intake in its field", || async {
        let shown = page
            .client()
            .execute(
                "return document.querySelector('[data-testid=input-intake]').value",
                vec![],
            )
            .await?;
        let text = shown.as_str().unwrap_or_default().to_owned();
        Ok((parse_number(&text, Locale::Nl) == Some(today), text))
    })
    .await?;
    assert_eq!(changed_marks(&page).await?, 0);
    assert_from_figures(&page, "v=2").await?;
    assert_clean(&mut page).await?;
    page.close().await
}

pub async fn a_lever_moved_from_now_changes_the_run_only_from_the_rule_on(
    harness: &Harness,
) -> Result<()> {
    let query = "v=2".to_owned();
    let s = Scenario::outlook();
    let mut page = harness.page(&format!("?{query}")).await?;
    show_table(&page, "backlog").await?;
    show_table(&page, "costs").await?;
    let before = (
        table_rows(&page, "backlog").await?,
        table_rows(&page, "costs").await?,
    );
    let cost_before = page.text(&testid("kpi-cost-total")).await?;
    drag(&page, "lever-fte", &[800.0, 900.0]).await?;
    wait_for_value(&page, "input-fte", "900").await?;
    let moved = format!("{query}&fte=900");
    let (moved_scenario, _) = Scenario::from_query(&moved);
    assert_eq!(moved_scenario.join_week(), s.join_week());
    wait_until("the figures of fte=900", || async {
        let cost = page.text(&testid("kpi-cost-total")).await?;
        Ok((cost != cost_before, cost))
    })
    .await?;
    assert_from_figures(&page, &moved).await?;
    let after = (
        table_rows(&page, "backlog").await?,
        table_rows(&page, "costs").await?,
    );
    for (chart, before, after) in [
        ("backlog", &before.0, &after.0),
        ("costs", &before.1, &after.1),
    ] {
        assert_eq!(before.len(), after.len(), "{chart}: the same months");
        // The months before August 2026 are the record's run, whatever
        // the levers; from it on the levers act.
        let join = before
            .iter()
            .position(|r| r.starts_with("augustus 2026|"))
            .ok_or(format!("{chart}: no row for August 2026"))?;
        assert!(join > 24, "{chart}: the record runs from May 2023");
        // The run's own columns: once the run differs from its baseline,
        // the table adds the baseline's and the difference.
        let own = |rows: &[String]| -> Vec<String> {
            let width = before[0].split('|').count();
            rows.iter()
                .map(|r| r.split('|').take(width).collect::<Vec<_>>().join("|"))
                .collect()
        };
        let (before, after) = (own(before), own(after));
        assert_eq!(
            before[..join],
            after[..join],
            "{chart}: the run before the rule"
        );
        assert!(
            before[join..] != after[join..],
            "{chart}: the lever changes the run from the rule on"
        );
    }
    assert_clean(&mut page).await?;
    page.close().await
}
