//! "From now": the switch beside the headline levers joins the record and
//! the reader's levers at `from=`, the charts mark the join with a rule,
//! and the headline figures count from it.

use doorstroom_e2e::{Harness, Page};
use doorstroom_model::{FROM_NOW, Scenario};
use fantoccini::Locator;
use serde_json::json;

use super::locale::{Locale, parse_money, parse_number, parse_percent};
use super::{Result, assert_clean, drag, query_of, summary_of, testid, wait_for_value, wait_until};

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
    let rows = page
        .client()
        .execute(
            "return [...document.querySelectorAll(
                 `[data-chart=${arguments[0]}] .chart-table > table > tbody > tr`)]
               .map(tr => [...tr.children].map(c => c.textContent).join('|'))",
            vec![json!(id)],
        )
        .await?;
    Ok(rows
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default())
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
    let expected = summary_of(query);
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

pub async fn the_from_now_switch_sets_from_draws_the_rule_and_the_cards_count_from_it(
    harness: &Harness,
) -> Result<()> {
    let mut page = harness.page("").await?;
    let switch = || async { page.client().find(Locator::Css(&testid("from-now"))).await };
    assert_eq!(
        switch().await?.attr("aria-checked").await?.as_deref(),
        Some("false")
    );
    // Off: the letter's run, no rule, cards without a start of their own.
    wait_until("the backlog chart drawn", || async {
        let drawn = page
            .client()
            .execute(
                "return document.querySelector('[data-chart=backlog] canvas').width > 0",
                vec![],
            )
            .await?;
        Ok((drawn == json!(true), drawn.to_string()))
    })
    .await?;
    // The rule runs the plot's height (about two fifths of the canvas);
    // off, nothing dark grey runs more than a sliver of it.
    let off = longest_grey_column(&page, "backlog").await?;
    assert!(off < 0.1, "no rule while the switch is off: {off}");
    assert_eq!(count(&page, "kpi-from").await?, 0);
    assert_eq!(count(&page, "kpi-cost-2024").await?, 1);

    switch().await?.click().await?;
    wait_until("from= in the address", || async {
        let q = query_of(&page).await?;
        Ok((q.contains("from=2026-01-01"), q))
    })
    .await?;
    let query = query_of(&page).await?;
    assert!(query.contains("until=2030-12-31"), "five years on: {query}");
    assert!(query.contains("term=6"), "the law as it stands: {query}");
    assert!(
        query.contains("intake=53050"),
        "the letter's intake gives way to the middle of the latest MPP: {query}"
    );
    assert_eq!(
        switch().await?.attr("aria-checked").await?.as_deref(),
        Some("true")
    );
    wait_until("the rule at from=", || async {
        let on = longest_grey_column(&page, "backlog").await?;
        Ok((on > 0.3, format!("{on} (off: {off})")))
    })
    .await?;
    // Every card says from when it counts; the letter's EUR 55 M is not
    // compared with a run that does not start with the letter.
    wait_until("six cards counting from January 2026", || async {
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
                && a.iter()
                    .all(|t| t == "vanaf januari 2026" || t == "vanaf jan 2026")
        });
        Ok((all, texts.to_string()))
    })
    .await?;
    assert_eq!(count(&page, "kpi-cost-2024").await?, 0);
    assert_eq!(count(&page, "kpi-cost-first-year").await?, 1);
    let cards = page.text(".kpis").await?;
    assert!(!cards.contains("Kamerbrief"), "{cards}");
    assert_from_figures(&page, &query).await?;
    // Unpinned, the run is its own baseline: "From now" from that day.
    let baseline = page.text(&testid("baseline-name")).await?;
    assert!(baseline.contains("Vanaf nu"), "{baseline}");
    assert!(page.text(".kpis").await?.contains("gelijk aan basislijn"));

    // Off again: back to the letter's scenario, exactly.
    switch().await?.click().await?;
    wait_until("the default link", || async {
        let q = query_of(&page).await?;
        Ok((q == "v=1", q))
    })
    .await?;
    wait_until("the cards of the letter's run", || async {
        let n = count(&page, "kpi-cost-2024").await?;
        Ok((n == 1, format!("{n}")))
    })
    .await?;
    assert_eq!(count(&page, "kpi-from").await?, 0);
    assert_clean(&mut page).await?;
    page.close().await
}

pub async fn a_lever_moved_from_now_changes_the_run_only_from_the_rule_on(
    harness: &Harness,
) -> Result<()> {
    let query = format!("{FROM_NOW}&intake=53050");
    let (s, w) = Scenario::from_query(&query);
    assert!(w.is_empty(), "{w:?}");
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
        // The months before January 2026 are the record's run, whatever
        // the levers; from it on the levers act.
        let join = before
            .iter()
            .position(|r| r.starts_with("januari 2026|"))
            .ok_or(format!("{chart}: no row for January 2026"))?;
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
