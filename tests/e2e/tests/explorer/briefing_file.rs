//! End-to-end tests of the briefing file: a briefing of eight scenarios
//! opened, saved, opened again in a fresh browser and stepped through
//! gives the model's figures for each; a hostile file (too large, a newer
//! version, bad values, HTML and bidi characters in its titles) loads with
//! a notice and breaks nothing; and what the reader had is replaced only
//! after a question.

use std::path::{Path, PathBuf};

use doorstroom_address::briefing::{Briefing, BriefingScenario, MAX_BYTES};
use doorstroom_e2e::{Harness, Page, Result};
use doorstroom_model::Scenario;
use fantoccini::Locator;
use fantoccini::key::Key;
use serde_json::json;

use super::briefing::press;
use super::locale::{Locale, parse_number};
use super::{assert_clean, testid, wait_until};

const CHARTS: [&str; 4] = ["backlog", "costs", "waiting", "flow"];

/// Catches the files the page offers (the download link's click and its
/// blob), so that a test can read them.
const CATCH_DOWNLOADS: &str = "
    window.__offered = [];
    window.__blobs = new Map();
    HTMLAnchorElement.prototype.click = function () { window.__offered.push([this.download, this.href]); };
    const makeUrl = URL.createObjectURL;
    URL.createObjectURL = (blob) => { const url = makeUrl(blob); window.__blobs.set(url, blob); return url; };";

/// A file of the test's own, in the system's temporary folder.
fn temp_file(name: &str, text: &str) -> Result<PathBuf> {
    let path = std::env::temp_dir().join(format!("doorstroom-e2e-{}-{name}", std::process::id()));
    std::fs::write(&path, text)?;
    Ok(path)
}

/// Opens `path` through the page's "Open" button (its file field).
async fn open(page: &Page, path: &Path) -> Result<()> {
    page.client()
        .find(Locator::Css(&testid("open-briefing")))
        .await?
        .send_keys(&path.display().to_string())
        .await?;
    Ok(())
}

async fn status(page: &Page) -> Result<String> {
    let s = page
        .client()
        .execute(
            "return document.querySelector('[data-testid=briefing-status]').textContent",
            vec![],
        )
        .await?;
    Ok(s.as_str().unwrap_or_default().to_owned())
}

fn eight() -> Briefing {
    let queries = [
        "intake=60000",
        "fte=900",
        "intake=49000&term=6",
        "baa=20000",
        "intake=77000&fte=800",
        "term=6",
        "fte=450&intake=67000",
        "from=2026-01-01&until=2030-12-31&intake=53050&term=6",
    ];
    Briefing {
        title: "Briefing DG".into(),
        note: "Acht keuzes".into(),
        baseline: None,
        charts: vec!["waiting".into(), "flow".into()],
        scenarios: queries
            .iter()
            .enumerate()
            .map(|(i, q)| BriefingScenario {
                scenario: Scenario::from_query(q).0,
                title: format!("Keuze {}", i + 1),
                note: String::new(),
            })
            .collect(),
    }
}

pub async fn a_briefing_of_eight_saved_and_reopened_gives_the_same_figures(
    harness: &Harness,
) -> Result<()> {
    let prepared = eight();
    let file = temp_file("eight.doorstroom.json", &prepared.to_json())?;
    let mut page = harness.page("").await?;
    open(&page, &file).await?;
    wait_until("the briefing opened", || async {
        let s = status(&page).await?;
        Ok((s.contains("geopend: 8 scenario's"), s))
    })
    .await?;
    // The address holds the first scenario and its pins.
    let q = super::query_of(&page).await?;
    assert!(
        q.contains("intake=60000") && q.contains("cmp1=") && q.contains("cmp2="),
        "{q}"
    );
    page.client().execute(CATCH_DOWNLOADS, vec![]).await?;
    page.client()
        .find(Locator::Css(&testid("save-briefing")))
        .await?
        .click()
        .await?;
    let saved = page
        .client()
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const [[name, url]] = window.__offered;
             window.__blobs.get(url).text().then(text => done([name, text]));",
            vec![],
        )
        .await?;
    assert_eq!(saved[0], json!("briefing-dg.doorstroom.json"), "{saved}");
    let text = saved[1].as_str().unwrap_or_default().to_owned();
    let (read, warnings) = Briefing::read(&text, &CHARTS).map_err(|e| format!("{e:?}"))?;
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        read.scenarios, prepared.scenarios,
        "the same scenarios, in order"
    );
    assert_eq!(read.charts, prepared.charts);
    assert_clean(&mut page).await?;
    page.close().await?;

    // A fresh browser, the saved file: the same eight, stepped through.
    let file = temp_file("saved.doorstroom.json", &text)?;
    let mut page = harness.page("?lang=en").await?;
    open(&page, &file).await?;
    wait_until("the saved briefing opened", || async {
        let s = status(&page).await?;
        Ok((s.contains("opened: 8 scenarios"), s))
    })
    .await?;
    press(&page, "f").await?;
    for (i, s) in prepared.scenarios.iter().enumerate() {
        let step = format!("{} / 8", i + 1);
        wait_until(&format!("slide {step}"), || async {
            let at = page.text(&testid("deck-step")).await?;
            Ok((at.ends_with(&step), at))
        })
        .await?;
        assert_eq!(page.text(&testid("deck-title")).await?, s.title);
        let expected = s.scenario.run().summary().backlog_end.round();
        wait_until(&format!("slide {step}'s figures"), || async {
            let shown = page.text(&testid("kpi-backlog-end")).await?;
            Ok((parse_number(&shown, Locale::En) == Some(expected), shown))
        })
        .await?;
        let presented = page
            .client()
            .execute("return [...document.querySelectorAll('figure.chart.presented')].map(f => f.dataset.chart)", vec![])
            .await?;
        assert_eq!(presented, json!(["waiting", "flow"]));
        press(&page, &char::from(Key::PageDown).to_string()).await?;
    }
    assert_clean(&mut page).await?;
    let _ = std::fs::remove_file(&file);
    page.close().await
}

pub async fn a_hostile_briefing_loads_with_a_notice_and_breaks_nothing(
    harness: &Harness,
) -> Result<()> {
    let mut page = harness.page("").await?;
    // Too large: refused before it is read.
    let huge = temp_file(
        "huge.doorstroom.json",
        &format!(
            r#"{{"format": "doorstroom-briefing", "note": "{}"}}"#,
            "x".repeat(MAX_BYTES + 10)
        ),
    )?;
    open(&page, &huge).await?;
    wait_until("the large file refused", || async {
        let s = status(&page).await?;
        Ok((s.contains("te groot"), s))
    })
    .await?;
    // No briefing at all.
    let other = temp_file("other.doorstroom.json", "<html><script>alert(1)</script>")?;
    open(&page, &other).await?;
    wait_until("the other file refused", || async {
        let s = status(&page).await?;
        Ok((s.contains("geen briefing"), s))
    })
    .await?;
    // A newer version with bad values and hostile titles: loaded, repaired,
    // reported.
    let hostile = r#"{"format": "doorstroom-briefing", "version": 99, "title": "<img src=x onerror=alert(1)>",
        "baseline": 42, "charts": ["pie", "costs", "backlog"], "unknown": {"deep": [1, 2, 3]},
        "scenarios": [
            {"link": "intake=abc&fte=99999999&term=never", "title": "\u202eevil <b>bold</b>"},
            "not a scenario",
            {"link": "intake=60000", "title": 7, "note": "<script>alert(2)</script>"}
        ]}"#;
    let file = temp_file("hostile.doorstroom.json", hostile)?;
    open(&page, &file).await?;
    wait_until("the hostile file loaded with a notice", || async {
        let s = status(&page).await?;
        Ok((
            s.contains("nieuwere versie") && s.contains("overgeslagen") && s.contains("en nog"),
            s,
        ))
    })
    .await?;
    // Titles are text: no element was made from them, no bidi override kept.
    let made = page
        .client()
        .execute(
            "return [document.querySelectorAll('main img, main b, main script').length, document.title]",
            vec![],
        )
        .await?;
    assert_eq!(made[0], json!(0), "{made}");
    assert!(
        !made[1].as_str().unwrap_or_default().contains('\u{202e}'),
        "{made}"
    );
    let title = page
        .client()
        .find(Locator::Css(&testid("scenario-title")))
        .await?
        .prop("value")
        .await?;
    assert_eq!(title.as_deref(), Some("evil <b>bold</b>"));
    // The page works: the figures are the model's for the repaired scenario.
    let repaired = Scenario::from_query("intake=abc&fte=99999999&term=never").0;
    let expected = repaired.run().summary().backlog_end.round();
    let shown = page.text(&testid("kpi-backlog-end")).await?;
    assert_eq!(parse_number(&shown, Locale::Nl), Some(expected), "{shown}");
    // With work on the page, opening asks first; declined, nothing changes.
    let before = super::query_of(&page).await?;
    let good = temp_file("good.doorstroom.json", &eight().to_json())?;
    open(&page, &good).await?;
    wait_until("the question", || async {
        let text = page.client().get_alert_text().await;
        Ok((text.is_ok(), format!("{text:?}")))
    })
    .await?;
    page.client().dismiss_alert().await?;
    wait_until("nothing changed", || async {
        let s = status(&page).await?;
        Ok((s.contains("Niet geopend"), s))
    })
    .await?;
    assert_eq!(super::query_of(&page).await?, before);
    for f in [huge, other, file, good] {
        let _ = std::fs::remove_file(f);
    }
    assert_clean(&mut page).await?;
    page.close().await
}

/// A briefing of twelve scenarios (the most a file holds), its baseline the
/// sixth.
fn twelve() -> Briefing {
    let queries = [
        "intake=60000",
        "fte=900",
        "intake=49000&term=6",
        "baa=20000",
        "intake=77000&fte=800",
        "term=6",
        "fte=450&intake=67000",
        "intake=53050&term=6",
        "fte=700",
        "intake=45000",
        "baa=0&fte=650",
        "intake=80000&term=9",
    ];
    Briefing {
        title: "Twaalf keuzes".into(),
        note: String::new(),
        baseline: Some(5),
        charts: vec!["backlog".into(), "costs".into()],
        scenarios: queries
            .iter()
            .enumerate()
            .map(|(i, q)| BriefingScenario {
                scenario: Scenario::from_query(q).0,
                title: format!("Keuze {}", i + 1),
                note: String::new(),
            })
            .collect(),
    }
}

/// The comparison's column headings (after the row labels' own).
async fn comparison_heads(page: &Page) -> Result<Vec<String>> {
    page.strings(
        "return [...document.querySelectorAll('[data-testid=comparison] thead th')].slice(1).map(th => th.textContent)",
        vec![],
    )
    .await
}

/// An opened briefing of twelve: every scenario has its column in the
/// comparison (the charts keep the baseline and three pinned ones), with
/// the model's figures, while the deck steps through all twelve; the
/// address keeps the scenario on screen and its pins.
pub async fn a_briefing_of_twelve_shows_all_in_the_comparison_and_the_deck(
    harness: &Harness,
) -> Result<()> {
    let prepared = twelve();
    let file = temp_file("twelve.doorstroom.json", &prepared.to_json())?;
    let mut page = harness.page("?lang=en").await?;
    open(&page, &file).await?;
    wait_until("the briefing opened", || async {
        let s = status(&page).await?;
        Ok((s.contains("opened: 12 scenarios"), s))
    })
    .await?;
    let titles: Vec<String> = prepared.scenarios.iter().map(|s| s.title.clone()).collect();
    let every_title_once = |heads: &[String]| {
        titles
            .iter()
            .all(|t| heads.iter().filter(|h| h.ends_with(t.as_str())).count() == 1)
    };
    wait_until("twelve scenarios in the comparison", || async {
        let heads = comparison_heads(&page).await?;
        Ok((
            heads.len() == 12 && every_title_once(&heads),
            format!("{heads:?}"),
        ))
    })
    .await?;
    // The last scenario's figure in its column is the model's.
    let last = prepared.scenarios[11]
        .scenario
        .run()
        .summary()
        .backlog_end
        .round();
    let cells = page
        .client()
        .execute(
            "return [...document.querySelectorAll('[data-testid=cmp-kpi-backlog-end] td .cmp-value')].map(td => td.textContent)",
            vec![],
        )
        .await?;
    let heads = comparison_heads(&page).await?;
    let column = heads
        .iter()
        .position(|h| h.ends_with("Keuze 12"))
        .ok_or("Keuze 12's column")?;
    let shown = cells[column].as_str().unwrap_or_default();
    assert_eq!(parse_number(shown, Locale::En), Some(last), "{cells}");
    // The charts draw the baseline and three pinned scenarios at most.
    let q = super::query_of(&page).await?;
    assert!(
        q.contains("intake=60000") && q.contains("base=") && q.contains("cmp2="),
        "{q}"
    );
    assert!(
        !q.contains("cmp3="),
        "the baseline and two more pinned: {q}"
    );
    assert!(q.len() < 2000, "{}", q.len());
    press(&page, "f").await?;
    for (i, s) in prepared.scenarios.iter().enumerate() {
        let step = format!("{} / 12", i + 1);
        wait_until(&format!("slide {step}"), || async {
            let at = page.text(&testid("deck-step")).await?;
            Ok((at.ends_with(&step), at))
        })
        .await?;
        assert_eq!(page.text(&testid("deck-title")).await?, s.title);
        let expected = s.scenario.run().summary().backlog_end.round();
        wait_until(&format!("slide {step}'s figures"), || async {
            let shown = page.text(&testid("kpi-backlog-end")).await?;
            Ok((parse_number(&shown, Locale::En) == Some(expected), shown))
        })
        .await?;
        press(&page, &char::from(Key::PageDown).to_string()).await?;
    }
    // Stepping kept every scenario in the comparison.
    let heads = comparison_heads(&page).await?;
    assert!(heads.len() == 12 && every_title_once(&heads), "{heads:?}");
    assert_clean(&mut page).await?;
    let _ = std::fs::remove_file(&file);
    page.close().await
}
