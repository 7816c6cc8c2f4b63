//! End-to-end tests of the page on a meeting room's projector: the
//! presentation at 1280×720 and 1366×768 in both languages with three
//! pinned scenarios and the bands (every plot at least half its panel,
//! nothing cut, short slide titles, the deck from its first slide), and
//! the desk page's cards keeping their date and scope at those sizes, and
//! the pipeline's picture presented beside a chart.

use std::time::Duration;

use doorstroom_e2e::{Harness, Page, Result};
use fantoccini::key::Key;
use serde_json::{Value, json};

use super::briefing::{CUT_OFF, SMALL_TEXT, press, viewport};
use super::{assert_clean, testid, wait_until};

/// The projector sizes the README names.
const SIZES: [(u32, u32); 2] = [(1280, 720), (1366, 768)];

/// Three pinned scenarios (one with a long title, two without) and the
/// bands; the scenario on screen has no title and changes three levers.
const BRIEFING: &str = "?intake=60000&fte=700&term=6\
    &cmp1=77000&cmp1_title=Hoge+instroom+MPP+2023+hoog\
    &cmp2=49000&cmp3=*900&bands=on&runs=100";

/// Each presented chart: its panel's height, its plot's top and bottom
/// (CSS pixels, from the canvas's `data-plot`), and the panel's bottom.
const PLOTS: &str = "
    return [...document.querySelectorAll('figure.chart.presented')].map(f => {
        const c = f.querySelector('canvas');
        const [top, bottom] = (c.dataset.plot || '0 0').split(' ').map(Number);
        const r = f.getBoundingClientRect();
        return { chart: f.dataset.chart, panel: r.height, plot: bottom - top, bottom: r.bottom };
    });";

/// The slide title's lines, its text and whether it holds the whole name
/// in its tooltip.
const TITLE_LINES: &str = "
    const t = document.querySelector('[data-testid=deck-title]');
    const s = getComputedStyle(t);
    return [Math.round(t.getBoundingClientRect().height / parseFloat(s.lineHeight)), t.textContent, t.title];";

async fn lines_of_title(page: &Page) -> Result<(u64, String, String)> {
    let v = page.client().execute(TITLE_LINES, vec![]).await?;
    Ok((
        v[0].as_u64().unwrap_or(99),
        v[1].as_str().unwrap_or_default().to_owned(),
        v[2].as_str().unwrap_or_default().to_owned(),
    ))
}

async fn assert_fits(page: &Page, what: &str) -> Result<()> {
    let (width, height) = {
        let v = page
            .client()
            .execute("return [innerWidth, innerHeight]", vec![])
            .await?;
        (v[0].as_f64().unwrap_or(0.0), v[1].as_f64().unwrap_or(0.0))
    };
    let plots = page.client().execute(PLOTS, vec![]).await?;
    let plots = plots.as_array().cloned().unwrap_or_default();
    assert_eq!(plots.len(), 2, "{what}: two charts presented");
    for p in &plots {
        let (panel, plot, bottom) = (
            p["panel"].as_f64().unwrap_or(0.0),
            p["plot"].as_f64().unwrap_or(0.0),
            p["bottom"].as_f64().unwrap_or(f64::MAX),
        );
        assert!(
            2.0 * plot >= panel,
            "{what}: {}'s plot {plot} px of its panel's {panel} px",
            p["chart"]
        );
        assert!(bottom <= height, "{what}: {} ends at {bottom}", p["chart"]);
    }
    // Nothing cut: no control's text overflows, no select hides its
    // choice, no text under 18 px, nothing wider or higher than the screen.
    // The bar's title, pickers and buttons: the CUT_OFF check, on them.
    let bar_only = CUT_OFF.replace(
        "'button, select, label, .preset, a, .kpi-value, .lever-label'",
        "'.presentation-bar button, .presentation-bar select, .presentation-bar label'",
    );
    assert_ne!(bar_only, CUT_OFF, "the check's selector");
    let cut = page.client().execute(&bar_only, vec![]).await?;
    assert_eq!(cut, json!([]), "{what}: cut off");
    let small = page.client().execute(SMALL_TEXT, vec![]).await?;
    assert_eq!(small, json!([]), "{what}: text under 18 px");
    let scroll = page
        .client()
        .execute(
            "const e = document.documentElement; return [e.scrollWidth, e.scrollHeight]",
            vec![],
        )
        .await?;
    assert!(
        scroll[0].as_f64().unwrap_or(f64::MAX) <= width
            && scroll[1].as_f64().unwrap_or(f64::MAX) <= height,
        "{what}: the page scrolls ({scroll} in {width}×{height})"
    );
    let (lines, text, _) = lines_of_title(page).await?;
    assert!(
        lines <= 2,
        "{what}: the slide title takes {lines} lines: {text}"
    );
    Ok(())
}

pub async fn presentation_fits_a_projector_in_both_languages(harness: &Harness) -> Result<()> {
    for (lang, more) in [("nl", "meer"), ("en", "more")] {
        for (w, h) in SIZES {
            let what = format!("{lang} {w}×{h}");
            let mut page = harness.page(&format!("{BRIEFING}&lang={lang}")).await?;
            // The projector's screen: an emulated viewport, which full
            // screen (granted or not) leaves as it is.
            page.devtools(
                "Emulation.setDeviceMetricsOverride",
                json!({ "width": w, "height": h, "deviceScaleFactor": 1, "mobile": false }),
            )
            .await?;
            press(&page, "f").await?;
            // The deck opens at its first slide: the first pinned scenario.
            wait_until("the first slide", || async {
                let s = page.text(&testid("deck-step")).await?;
                Ok((s.ends_with("1 / 4"), s))
            })
            .await?;
            assert_eq!(
                page.text(&testid("deck-title")).await?,
                "Hoge instroom MPP 2023 hoog"
            );
            // The bands of the first slide drawn (each figure's median shows
            // when they are), then the charts laid out again.
            wait_until("the bands", || async {
                let n = page
                    .client()
                    .execute(
                        "return document.querySelectorAll('[data-testid^=median-]').length",
                        vec![],
                    )
                    .await?;
                Ok((n.as_u64().unwrap_or(0) >= 6, n.to_string()))
            })
            .await?;
            tokio::time::sleep(Duration::from_millis(400)).await;
            assert_fits(&page, &format!("{what}, slide 1")).await?;
            // The last slide: the scenario on screen, without a title,
            // named by its most important change and how many more.
            press(&page, &char::from(Key::End).to_string()).await?;
            wait_until("the last slide", || async {
                let s = page.text(&testid("deck-step")).await?;
                Ok((s.ends_with("4 / 4"), s))
            })
            .await?;
            tokio::time::sleep(Duration::from_millis(400)).await;
            let (_, title, full) = lines_of_title(&page).await?;
            assert!(
                title.ends_with(&format!("+ 2 {more}")),
                "{what}: slide title {title}"
            );
            assert!(
                full.len() > title.len() && full.contains(',') && !full.contains('+'),
                "{what}: the whole name on hover: {full}"
            );
            assert_fits(&page, &format!("{what}, slide 4")).await?;
            assert_clean(&mut page).await?;
            page.close().await?;
        }
    }
    Ok(())
}

/// Each card's note as shown: its text, whether it is in view and
/// whether its text overflows its box.
const NOTES: &str = "
    return [...document.querySelectorAll('.kpi')].map(k => {
        const n = k.querySelector('[data-testid=kpi-note]');
        const r = n.getBoundingClientRect();
        return {
            figure: k.querySelector('.kpi-value').dataset.testid,
            text: n.innerText.trim(),
            shown: r.height > 0 && r.width > 0 && getComputedStyle(n).visibility !== 'hidden',
            cut: n.scrollWidth > n.clientWidth + 1,
        };
    });";

pub async fn every_card_keeps_its_date_and_scope_on_a_projector(harness: &Harness) -> Result<()> {
    for (lang, scope, letter) in [
        ("nl", "alle stromen", "Kamerbrief €\u{a0}55"),
        ("en", "all streams", "the letter €55"),
    ] {
        // The letter's world, which has the letter's EUR 55 million card.
        let mut page = harness.page(&format!("?v=1&lang={lang}")).await?;
        for (w, h) in SIZES {
            viewport(&page, w, h).await?;
            tokio::time::sleep(Duration::from_millis(200)).await;
            let notes = page.client().execute(NOTES, vec![]).await?;
            let notes: Vec<Value> = notes.as_array().cloned().unwrap_or_default();
            assert_eq!(notes.len(), 6, "{notes:?}");
            for n in &notes {
                let text = n["text"].as_str().unwrap_or_default();
                assert!(
                    n["shown"] == json!(true) && !text.is_empty() && n["cut"] == json!(false),
                    "{lang} {w}×{h}: {n}"
                );
            }
            let by = |id: &str| {
                notes
                    .iter()
                    .find(|n| n["figure"] == json!(id))
                    .and_then(|n| n["text"].as_str())
                    .unwrap_or_default()
                    .to_owned()
            };
            // Date and scope: the backlog at the end says of what and when.
            let end = by("kpi-backlog-end");
            assert!(end.contains(scope) && end.contains("2026"), "{end}");
            // The letter's EUR 55 million stays beside its like.
            let letter_card = by("kpi-cost-2024");
            assert!(
                letter_card
                    .replace(' ', "\u{a0}")
                    .contains(&letter.replace(' ', "\u{a0}"))
                    || letter_card.contains(letter),
                "{lang}: {letter_card}"
            );
            for id in ["kpi-cost-total", "kpi-in-term"] {
                assert!(by(id).contains("2026"), "{id}: {}", by(id));
            }
        }
        assert_clean(&mut page).await?;
        page.close().await?;
    }
    Ok(())
}

/// The presented chart's and the presented pipeline's boxes, the
/// pipeline's picture, play button and slider (CSS pixels), and whether
/// the pipeline's section overflows.
const PIPELINE_BESIDE: &str = "
    const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
    const chart = document.querySelector('figure.chart.presented');
    const pipe = document.querySelector('section.pipeline.presented');
    if (!chart || !pipe) return null;
    const q = id => pipe.querySelector('[data-testid=' + id + ']');
    return {
        chart: box(chart), pipeline: box(pipe), picture: box(q('flow-diagram')),
        play: box(q('flow-play')), slider: box(q('flow-week')),
        overflows: pipe.scrollWidth > pipe.clientWidth + 1 || pipe.scrollHeight > pipe.clientHeight + 1,
        charts: document.querySelectorAll('figure.chart.presented').length,
        backing: [q('flow-diagram').width, q('flow-diagram').height],
        ratio: devicePixelRatio,
        rows: q('flow-diagram').dataset.rows,
    };";

pub async fn the_pipeline_is_presented_beside_a_chart(harness: &Harness) -> Result<()> {
    // A projector's screen, and a sharp laptop's at the same size.
    for (lang, ratio) in [("nl", 1), ("en", 2)] {
        let what = format!("{lang} 1280×720 at {ratio}×");
        let mut page = harness.page(&format!("?v=2&lang={lang}")).await?;
        page.devtools(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": 1280, "height": 720, "deviceScaleFactor": ratio, "mobile": false }),
        )
        .await?;
        press(&page, "f").await?;
        // The presenter puts the pipeline in the right-hand slot.
        page.client()
            .execute(
                "const s = document.querySelector(arguments[0]); s.value = 'pipeline'; s.dispatchEvent(new Event('change', {bubbles: true}));",
                vec![json!(testid("present-chart-1"))],
            )
            .await?;
        wait_until("the pipeline presented", || async {
            let v = page.client().execute(PIPELINE_BESIDE, vec![]).await?;
            Ok((!v.is_null(), v.to_string()))
        })
        .await?;
        tokio::time::sleep(Duration::from_millis(400)).await;
        let v = page.client().execute(PIPELINE_BESIDE, vec![]).await?;
        let b = |k: &str| -> Vec<f64> {
            v[k].as_array()
                .map(|a| a.iter().map(|x| x.as_f64().unwrap_or(f64::NAN)).collect())
                .unwrap_or_default()
        };
        let (chart, pipe, picture) = (b("chart"), b("pipeline"), b("picture"));
        assert_eq!(v["charts"], json!(1), "{what}: one chart beside it");
        // Side by side: the chart on the left, the pipeline on the right,
        // both on screen.
        assert!(chart[2] <= pipe[0], "{what}: {v}");
        assert!((chart[1] - pipe[1]).abs() < 2.0, "{what}: not level: {v}");
        for (name, r) in [
            ("chart", &chart),
            ("pipeline", &pipe),
            ("play", &b("play")),
            ("slider", &b("slider")),
        ] {
            assert!(
                r[0] >= 0.0
                    && r[1] >= 0.0
                    && r[2] <= 1280.0
                    && r[3] <= 720.0
                    && r[2] > r[0]
                    && r[3] > r[1],
                "{what}: the {name} is not on screen: {v}"
            );
        }
        // The picture is inside its section and large enough to be read.
        assert!(
            picture[0] >= pipe[0] && picture[2] <= pipe[2] && picture[3] <= pipe[3],
            "{what}: {v}"
        );
        assert!(picture[3] - picture[1] > 150.0, "{what}: {v}");
        assert_eq!(v["overflows"], json!(false), "{what}: {v}");
        // Drawn at its own size × the pixel ratio, not drawn larger and
        // scaled down: its type is the size it was laid out for, the
        // presented charts' large type (crates/charts/tests/pipeline.rs
        // holds it at 18 px or more). At this size all streams stand
        // together in one row.
        let backing = b("backing");
        let ratio = v["ratio"].as_f64().unwrap_or(0.0);
        assert_eq!(ratio, f64::from(ratio as u32), "{what}: {v}");
        for (drawn, shown) in [
            (backing[0], picture[2] - picture[0]),
            (backing[1], picture[3] - picture[1]),
        ] {
            assert!(
                (drawn - shown * ratio).abs() <= 1.0,
                "{what}: drawn {drawn} for {shown} CSS px at {ratio}×: {v}"
            );
        }
        assert_eq!(v["rows"], json!("1"), "{what}: {v}");
        // Playing moves the week on; pressing again stops it.
        let before = page.text(&testid("flow-date")).await?;
        page.client()
            .find(fantoccini::Locator::Css(&testid("flow-play")))
            .await?
            .click()
            .await?;
        wait_until("the pipeline playing", || async {
            let d = page.text(&testid("flow-date")).await?;
            Ok((d != before, d))
        })
        .await?;
        page.client()
            .find(fantoccini::Locator::Css(&testid("flow-play")))
            .await?
            .click()
            .await?;
        let scroll = page
            .client()
            .execute(
                "const e = document.documentElement; return [e.scrollWidth, e.scrollHeight]",
                vec![],
            )
            .await?;
        assert!(
            scroll[0].as_f64().unwrap_or(f64::MAX) <= 1280.0
                && scroll[1].as_f64().unwrap_or(f64::MAX) <= 720.0,
            "{what}: the page scrolls ({scroll})"
        );
        // The pipeline's arrow keys step its week, not the deck.
        let step = page.text(&testid("deck-step")).await?;
        let day = page.text(&testid("flow-date")).await?;
        page.client()
            .find(fantoccini::Locator::Css(&testid("flow-diagram")))
            .await?
            .send_keys(&char::from(Key::Right).to_string())
            .await?;
        wait_until("the pipeline's next week", || async {
            let d = page.text(&testid("flow-date")).await?;
            Ok((d != day, d))
        })
        .await?;
        assert_eq!(page.text(&testid("deck-step")).await?, step, "{what}");
        assert_clean(&mut page).await?;
        page.close().await?;
    }
    Ok(())
}
