//! End-to-end tests of the explorer page: the release build in `dist/`,
//! opened in Chromium and used as a reader would. Expected figures are
//! computed here, natively, with the same model crate, and compared with
//! the page's text after reading it back from the page's locale format.

use std::time::{Duration, Instant};

use doorstroom_e2e::{Page, Result};
use doorstroom_model::Summary;
use fantoccini::Locator;
use serde_json::json;

mod address;
mod bands;
mod briefing;
mod briefing_file;
mod embed;
mod explain;
mod exports;
mod from_now;
mod hardening;
mod locale;
mod projector;
mod record;
mod track_record;

use locale::{Locale, parse_money, parse_number, parse_percent};

pub use self::address::*;
pub use self::bands::*;
pub use self::briefing::*;
pub use self::briefing_file::*;
pub use self::cases::*;
pub use self::embed::*;
pub use self::explain::*;
pub use self::exports::*;
pub use self::from_now::*;
pub use self::hardening::*;
pub use self::projector::*;
pub use self::record::*;
pub use self::track_record::*;

/// How long the page may take to show the result of an action.
const PATIENCE: Duration = Duration::from_secs(10);

fn testid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

/// The `value` of a form control.
/// What the Dutch number field of lever `key` shows for the link value
/// `link` (`20500` shows as `20.500`): the model's own field text.
fn field_text(key: &str, link: &str) -> String {
    match &doorstroom_model::lever(key).expect("a lever").kind {
        doorstroom_model::LeverKind::Number(n) => {
            let x: f64 = link.parse().expect("a number");
            n.field_text(x, doorstroom_model::Lang::Nl)
        }
        _ => link.to_owned(),
    }
}

async fn value_of(page: &Page, id: &str) -> Result<String> {
    let element = page.client().find(Locator::Css(&testid(id))).await?;
    Ok(element.prop("value").await?.unwrap_or_default())
}

async fn query_of(page: &Page) -> Result<String> {
    Ok(page
        .client()
        .current_url()
        .await?
        .query()
        .unwrap_or("")
        .to_owned())
}

/// Waits until `check` holds, or fails with what was last seen.
async fn wait_until<F, Fut>(what: &str, mut check: F) -> Result<()>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<(bool, String)>>,
{
    let started = Instant::now();
    loop {
        let (done, seen) = check().await?;
        if done {
            return Ok(());
        }
        if started.elapsed() > PATIENCE {
            return Err(format!("timed out waiting for {what}; last seen: {seen}").into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn wait_for_value(page: &Page, id: &str, expected: &str) -> Result<()> {
    wait_until(&format!("{id} = {expected}"), || async {
        let value = value_of(page, id).await?;
        Ok((value == expected, value))
    })
    .await
}

/// Checks the six headline figures against the model's summary, reading
/// each back from the page's locale format at the precision it is shown.
async fn assert_figures(page: &Page, expected: &Summary, locale: Locale) -> Result<()> {
    let number = |text: String| parse_number(&text, locale);
    let end = number(page.text(&testid("kpi-backlog-end")).await?);
    assert_eq!(
        end,
        Some(expected.backlog_end.round()),
        "backlog at the end"
    );
    let peak = number(page.text(&testid("kpi-backlog-peak")).await?);
    assert_eq!(peak, Some(expected.backlog_peak.round()), "peak backlog");
    // A run whose levers apply from a later day shows its first year in
    // the fourth card, and on each card from when it counts.
    let later = !page
        .client()
        .find_all(Locator::Css(&testid("kpi-cost-first-year")))
        .await?
        .is_empty();
    let counts_from = page
        .client()
        .find_all(Locator::Css(&testid("kpi-from")))
        .await?
        .len();
    assert_eq!(
        counts_from,
        if later { 6 } else { 0 },
        "cards saying from when"
    );
    let fourth = if later {
        ("kpi-cost-first-year", expected.cost_first_year_eur)
    } else {
        ("kpi-cost-2024", expected.cost_through_2024_eur)
    };
    for (id, euros) in [("kpi-cost-total", expected.cost_total_eur), fourth] {
        let text = page.text(&testid(id)).await?;
        let shown = parse_money(&text, locale).ok_or(format!("{id}: cannot read {text:?}"))?;
        // Shown in tenths of a million (or of a billion past a billion).
        let tolerance = if euros >= 1e9 { 0.05e9 } else { 0.05e6 } + 1.0;
        assert!(
            (shown - euros).abs() <= tolerance,
            "{id}: {text} against {euros}"
        );
    }
    let text = page.text(&testid("kpi-in-term")).await?;
    let share = parse_percent(&text, locale).ok_or(format!("cannot read {text:?}"))?;
    assert!(
        (share - expected.share_decided_in_term).abs() <= 0.0005 + 1e-9,
        "share in term: {text} against {}",
        expected.share_decided_in_term
    );
    let back = page.text(&testid("kpi-back-in-term")).await?;
    match expected.back_in_term_from {
        Some(date) => assert!(
            back.contains(&date.year().to_string()),
            "{back} against {date}"
        ),
        None => assert!(
            back.starts_with(locale.not_before()),
            "{back}: the backlog does not get back within term"
        ),
    }
    Ok(())
}

/// Drags a slider as the browser reports a drag: a series of input events,
/// then one change event when the thumb is let go.
async fn drag(page: &Page, id: &str, values: &[f64]) -> Result<()> {
    page.client()
        .execute(
            "const [selector, values] = arguments;
             const slider = document.querySelector(selector);
             for (const v of values) {
               slider.value = String(v);
               slider.dispatchEvent(new Event('input', { bubbles: true }));
             }
             slider.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![json!(testid(id)), json!(values)],
        )
        .await?;
    Ok(())
}

async fn assert_clean(page: &mut Page) -> Result<()> {
    assert_eq!(page.console_errors().await?, Vec::<String>::new());
    assert_eq!(page.foreign_requests().await?, Vec::<String>::new());
    Ok(())
}

mod cases {
    pub async fn the_locale_reader_reads_both_locales(_: &doorstroom_e2e::Harness) -> Result<()> {
        super::locale::self_check();
        Ok(())
    }

    use super::*;
    use doorstroom_e2e::Harness;
    use fantoccini::actions::{InputSource, MouseActions, PointerAction};

    pub async fn a_scenario_link_shows_its_levers_and_the_models_figures(
        harness: &Harness,
    ) -> Result<()> {
        let mut page = harness.page("?intake=77000&fte=600").await?;
        assert_eq!(value_of(&page, "input-intake").await?, "77.000");
        assert_eq!(value_of(&page, "input-fte").await?, "600");
        assert_eq!(value_of(&page, "lever-intake").await?, "77000");
        assert_eq!(value_of(&page, "lever-fte").await?, "600");
        assert_figures(
            &page,
            &Summary::of_query("intake=77000&fte=600").expect("a query read without warnings"),
            Locale::Nl,
        )
        .await?;
        assert!(
            page.client()
                .find_all(Locator::Css(&testid("notice")))
                .await?
                .is_empty(),
            "a clean link shows no notice"
        );
        // "Copy link" says what became of the copy (a headless browser may
        // refuse the clipboard; then the page says to use the address bar).
        page.client()
            .find(Locator::Css(&testid("copy-link")))
            .await?
            .click()
            .await?;
        wait_until("the copy to be confirmed", || async {
            // The toolbar's status (the briefing file's list of notices is
            // a `ul` of the same class).
            let said = page
                .text("[data-testid=copy-link] ~ span.tool-status")
                .await?;
            let known = said == "Link gekopieerd" || said.starts_with("Kopiëren lukte niet");
            Ok((known, said))
        })
        .await?;
        assert_clean(&mut page).await?;
        page.close().await
    }

    pub async fn a_drag_changes_the_figures_and_the_address_and_back_restores(
        harness: &Harness,
    ) -> Result<()> {
        let mut page = harness.page("?intake=77000").await?;
        let before = query_of(&page).await?;
        drag(&page, "lever-fte", &[560.0, 600.0, 650.0, 700.0]).await?;
        wait_for_value(&page, "input-fte", "700").await?;
        let after = query_of(&page).await?;
        assert!(after.contains("fte=700"), "the address follows: {after}");
        assert!(
            after.contains("intake=77000"),
            "and keeps the rest: {after}"
        );
        assert_figures(
            &page,
            &Summary::of_query("intake=77000&fte=700").expect("a query read without warnings"),
            Locale::Nl,
        )
        .await?;

        // The drag was one history entry: one Back returns to before it.
        page.client().back().await?;
        wait_for_value(&page, "input-fte", "532").await?;
        assert_eq!(query_of(&page).await?, before);
        assert_eq!(value_of(&page, "input-intake").await?, "77.000");
        assert_figures(
            &page,
            &Summary::of_query("intake=77000").expect("a query read without warnings"),
            Locale::Nl,
        )
        .await?;

        // And Forward brings it back.
        page.client().forward().await?;
        wait_for_value(&page, "input-fte", "700").await?;
        assert_figures(
            &page,
            &Summary::of_query("intake=77000&fte=700").expect("a query read without warnings"),
            Locale::Nl,
        )
        .await?;
        assert_clean(&mut page).await?;
        page.close().await
    }

    pub async fn the_keyboard_moves_a_slider_and_types_a_value(harness: &Harness) -> Result<()> {
        // The letter's world, whose figures the summaries below are of.
        let mut page = harness.page("?v=1").await?;
        let slider = page
            .client()
            .find(Locator::Css(&testid("lever-baa")))
            .await?;
        slider.click().await?;
        // Right arrow: one step (500 decisions a year) up from wherever the
        // click put the thumb.
        let clicked: f64 = value_of(&page, "lever-baa").await?.parse()?;
        slider.send_keys("\u{E014}").await?;
        let stepped = format!("{}", (clicked + 500.0).min(40_000.0));
        wait_for_value(&page, "input-baa", &field_text("baa", &stepped)).await?;

        let field = page
            .client()
            .find(Locator::Css(&testid("input-intake")))
            .await?;
        // Clicking the field selects its value, so typing replaces it.
        field.click().await?;
        field.send_keys("67.000\u{E007}").await?;
        wait_for_value(&page, "input-intake", "67.000").await?;
        assert_figures(
            &page,
            &Summary::of_query(&format!("intake=67000&baa={stepped}"))
                .expect("a query read without warnings"),
            Locale::Nl,
        )
        .await?;
        assert!(query_of(&page).await?.contains("intake=67000"));
        assert_clean(&mut page).await?;
        page.close().await
    }

    pub async fn a_garbage_query_shows_the_notice_and_a_working_page(
        harness: &Harness,
    ) -> Result<()> {
        let mut page = harness
            .page("?intake=lots&fte=99999&%ZZ=%%&v=7&&&=")
            .await?;
        let notice = page.text(&testid("notice")).await?;
        assert!(notice.contains("lots"), "says what was ignored: {notice}");
        assert!(notice.contains("2.000"), "says what was clamped: {notice}");
        // `v=7`, a newer format, is read as the newest this page knows
        // (`v=2`): today's outlook with what could be read of it.
        assert_eq!(value_of(&page, "input-intake").await?, "44.568");
        assert_eq!(value_of(&page, "input-fte").await?, "2.000");
        assert_figures(
            &page,
            &Summary::of_query("v=2&fte=2000").expect("a query read without warnings"),
            Locale::Nl,
        )
        .await?;
        // The address now holds what is on screen, not the garbage.
        let query = query_of(&page).await?;
        assert!(!query.contains("lots"), "{query}");

        // The page works: a drag recomputes, and the notice can be dismissed.
        drag(&page, "lever-intake", &[50_000.0]).await?;
        wait_for_value(&page, "input-intake", "50.000").await?;
        assert_figures(
            &page,
            &Summary::of_query("v=2&intake=50000&fte=2000").expect("a query read without warnings"),
            Locale::Nl,
        )
        .await?;
        page.client()
            .find(Locator::Css(".notice-close"))
            .await?
            .click()
            .await?;
        wait_until("the notice to close", || async {
            let left = page
                .client()
                .find_all(Locator::Css(&testid("notice")))
                .await?;
            Ok((left.is_empty(), format!("{} notices", left.len())))
        })
        .await?;
        assert_clean(&mut page).await?;
        page.close().await
    }

    pub async fn the_english_switch_changes_the_text_and_the_number_format(
        harness: &Harness,
    ) -> Result<()> {
        let mut page = harness.page("?intake=77000").await?;
        assert_eq!(page.text(&testid("copy-link")).await?, "Link kopiëren");
        let dutch = page.text(&testid("kpi-backlog-end")).await?;
        assert!(
            dutch.contains('.'),
            "Dutch groups thousands with a dot: {dutch}"
        );
        page.client()
            .find(Locator::Css(&testid("lang-switch")))
            .await?
            .click()
            .await?;
        wait_until("English", || async {
            let text = page.text(&testid("copy-link")).await?;
            Ok((text == "Copy link", text))
        })
        .await?;
        let english = page.text(&testid("kpi-backlog-end")).await?;
        assert!(
            english.contains(','),
            "English groups with a comma: {english}"
        );
        assert_figures(
            &page,
            &Summary::of_query("intake=77000").expect("a query read without warnings"),
            Locale::En,
        )
        .await?;
        assert!(query_of(&page).await?.contains("lang=en"));
        let lang = page
            .client()
            .execute("return document.documentElement.lang", vec![])
            .await?;
        assert_eq!(lang, json!("en"));

        // A link with lang=en opens in English.
        let mut reopened = harness.page("?intake=77000&lang=en").await?;
        assert_eq!(reopened.text(&testid("copy-link")).await?, "Copy link");
        assert_clean(&mut reopened).await?;
        reopened.close().await?;
        assert_clean(&mut page).await?;
        page.close().await
    }

    pub async fn the_charts_draw_hover_and_show_their_tables(harness: &Harness) -> Result<()> {
        let mut page = harness.page("?intake=77000&term=6").await?;
        // Each canvas is drawn at its CSS size times the pixel ratio.
        wait_until("four drawn charts", || async {
            let sizes = page
                .client()
                .execute(
                    "return [...document.querySelectorAll('.chart .chart-box canvas')].map(c =>
                       c.width > 0 && c.width === Math.round(c.getBoundingClientRect().width * devicePixelRatio))",
                    vec![],
                )
                .await?;
            let ok = sizes.as_array().is_some_and(|a| a.len() == 4 && a.iter().all(|v| v == true));
            Ok((ok, sizes.to_string()))
        })
        .await?;
        // The pointer over the backlog chart draws the readout (a rule and a
        // box with the values), so the pixels change.
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
        // The chart in the middle of the window, wholly in view (the
        // pointer is moved relative to it).
        page.client()
            .execute(
                "document.querySelector('[data-chart=backlog] canvas').scrollIntoView({ block: 'center' })",
                vec![],
            )
            .await?;
        let before = pixels().await?;
        let canvas = page
            .client()
            .find(Locator::Css("[data-chart=backlog] canvas"))
            .await?;
        page.client()
            .perform_actions(MouseActions::new("mouse".to_owned()).then(
                PointerAction::MoveToElement {
                    element: canvas,
                    duration: None,
                    x: 40.0,
                    y: 20.0,
                },
            ))
            .await?;
        wait_until("the hover readout", || async {
            let now = pixels().await?;
            Ok((now != before, "the same pixels".to_owned()))
        })
        .await?;
        // The table view lists the months.
        page.client()
            .find(Locator::Css("[data-chart=backlog] .chart-actions button"))
            .await?
            .click()
            .await?;
        let rows = page
            .client()
            .find_all(Locator::Css("[data-chart=backlog] tbody tr"))
            .await?;
        assert!(
            rows.len() >= 40,
            "one row a month, May 2023 to December 2026: {}",
            rows.len()
        );
        // The downloads: links the page clicks for the reader, caught here
        // instead of saved, to look at what they hold.
        page.client()
            .execute(
                "window.__offered = [];
                 window.__blobs = new Map();
                 HTMLAnchorElement.prototype.click = function () {
                   window.__offered.push([this.download, this.href]);
                 };
                 // The page's policy lets no script fetch a blob: URL, so the
                 // blob is kept as the page makes it.
                 const makeUrl = URL.createObjectURL;
                 URL.createObjectURL = (blob) => {
                   const url = makeUrl(blob);
                   window.__blobs.set(url, blob);
                   return url;
                 };",
                vec![],
            )
            .await?;
        // The PNG download draws a detached canvas into a data: URL: no
        // request leaves the page and nothing fails.
        page.client()
            .find(Locator::Css(
                "[data-chart=costs] .chart-actions button:nth-child(2)",
            ))
            .await?
            .click()
            .await?;
        // So does the CSV of the run (a blob: URL of the page's own).
        page.client()
            .find(Locator::Css(&testid("download-csv")))
            .await?
            .click()
            .await?;
        let offered = page
            .client()
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const [[png, pngUrl], [csv, csvUrl]] = window.__offered;
                 window.__blobs.get(csvUrl).text().then(text =>
                   done([png, pngUrl.slice(0, 22), csv, text.split('\\n')[0], text.split('\\n').length]));",
                vec![],
            )
            .await?;
        let png = offered[0].as_str().unwrap_or_default();
        assert!(
            png.starts_with("doorstroom-") && png.ends_with("-costs.png"),
            "{png}"
        );
        assert_eq!(offered[1], json!("data:image/png;base64,"));
        let csv = offered[2].as_str().unwrap_or_default();
        assert!(csv.ends_with("-weekly.csv"), "{csv}");
        let header = offered[3].as_str().unwrap_or_default();
        // `text()` drops the byte order mark the file starts with; the
        // comment lines are cells of the one CSV writer (`#;"Doorstroom: …"`).
        assert!(
            header.starts_with('#') && header.contains("Doorstroom: "),
            "{header}"
        );
        let lines = offered[4].as_u64().unwrap_or_default();
        assert!(lines > 150, "one line a week: {lines}");
        assert_clean(&mut page).await?;
        page.close().await
    }
}
