//! The embed page: `embed.html` framed by another site draws its chart,
//! with the scenario, the source and a link back, while the page itself
//! refuses to be framed; and the page's "Embed" button gives the code.

use doorstroom_e2e::{Harness, Page, Result, StaticServer};
use fantoccini::Locator;
use serde_json::{Value, json};

use super::{testid, wait_until};

/// An article on another origin (another port of 127.0.0.1) framing
/// `embed` and `index`.
fn article(embed: &str, index: &str) -> Result<(StaticServer, std::path::PathBuf)> {
    let folder = std::env::temp_dir().join(format!("doorstroom-article-{}", std::process::id()));
    std::fs::create_dir_all(&folder)?;
    std::fs::write(
        folder.join("article.html"),
        format!(
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>An article</title></head>\
             <body><h1>News</h1>\
             <iframe id=\"embed\" src=\"{embed}\" width=\"640\" height=\"480\" title=\"chart\"></iframe>\
             <iframe id=\"page\" src=\"{index}\" width=\"640\" height=\"480\" title=\"page\"></iframe>\
             </body></html>"
        ),
    )?;
    Ok((StaticServer::start(&folder)?, folder))
}

/// What the frame at `index` of the open page shows: whether its chart is
/// drawn (with ink on it), its caption, its source and its link, and
/// whether it holds the explorer page.
async fn in_frame(page: &Page, index: u16) -> Result<Value> {
    page.client().enter_frame(index).await?;
    let seen = page
        .client()
        .execute(
            "const c = document.querySelector('[data-testid=embed-chart]');
             let ink = 0;
             if (c && c.width > 0) {
               const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
               for (let i = 0; i < d.length; i += 4 * 97) if (d[i] < 200) ink++;
             }
             const text = s => (document.querySelector(s) || {}).textContent || '';
             return { drawn: !!c && c.dataset.drawn === 'true', ink,
                      width: c ? c.getBoundingClientRect().width : 0,
                      caption: text('[data-testid=embed-caption]'),
                      source: text('[data-testid=embed-source]'),
                      open: (document.querySelector('[data-testid=embed-open]') || {}).href || '',
                      explorer: !!document.querySelector('.page header h1'),
                      controls: document.querySelectorAll('input, button, select').length };",
            vec![],
        )
        .await;
    page.client().enter_parent_frame().await?;
    Ok(seen?)
}

pub async fn embed_html_draws_its_chart_in_another_site_s_frame_and_the_page_refuses_to_be_framed(
    harness: &Harness,
) -> Result<()> {
    let embed =
        harness.app_url("embed.html?chart=costs&intake=60000&title=Minder+instroom&lang=en");
    let index = harness.app_url("?intake=60000");
    let (server, folder) = article(&embed, &index)?;
    let mut page = harness
        .open(&format!("{}/article.html", server.origin()))
        .await?;
    wait_until("the embedded chart drawn", || async {
        let seen = in_frame(&page, 0).await?;
        Ok((
            seen["drawn"] == json!(true) && seen["ink"].as_u64() > Some(20),
            seen.to_string(),
        ))
    })
    .await?;
    let seen = in_frame(&page, 0).await?;
    assert_eq!(seen["caption"], json!("Minder instroom"), "{seen}");
    assert!(
        seen["source"]
            .as_str()
            .unwrap_or_default()
            .contains("Source"),
        "the English source line: {seen}"
    );
    let open = seen["open"].as_str().unwrap_or_default();
    assert!(
        open.starts_with(&harness.app_url("?"))
            && open.contains("intake=60000")
            && !open.contains("chart="),
        "the link opens the scenario on the page: {open}"
    );
    assert_eq!(seen["controls"], json!(0), "no controls: {seen}");
    assert!(
        seen["width"].as_f64() > Some(600.0),
        "sized to its frame: {seen}"
    );
    // The page itself is refused in the frame: the browser says so, and
    // the frame holds no explorer.
    let started = std::time::Instant::now();
    loop {
        let errors = page.console_errors().await?;
        // Chromium names the framed page by its address without the query.
        let framed = format!("Framing '{}'", harness.app_url(""));
        if errors
            .iter()
            .any(|e| e.contains("frame-ancestors") && e.contains(&framed))
        {
            break;
        }
        if started.elapsed() > std::time::Duration::from_secs(10) {
            return Err(format!("no refusal of {index} in a frame: {errors:?}").into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let framed_page = in_frame(&page, 1).await?;
    assert_eq!(framed_page["explorer"], json!(false), "{framed_page}");
    let errors = page.console_errors().await?;
    assert!(
        !errors.iter().any(|e| e.contains("embed.html")),
        "the embed page is framed without a refusal: {errors:?}"
    );
    assert_eq!(
        errors
            .iter()
            .filter(|e| e.contains("frame-ancestors"))
            .count(),
        1,
        "one refusal, of the page: {errors:?}"
    );
    page.close().await?;
    drop(server);
    let _ = std::fs::remove_dir_all(folder);
    Ok(())
}

pub async fn the_embed_button_gives_the_frame_code_in_both_languages(
    harness: &Harness,
) -> Result<()> {
    for (lang, button, heading) in [
        ("", "Insluiten", "Grafiek insluiten"),
        ("&lang=en", "Embed", "Embed the chart"),
    ] {
        let page = harness
            .page(&format!("?intake=60000&fte=600{lang}"))
            .await?;
        let open = page
            .client()
            .find(Locator::Css(&testid("embed-button")))
            .await?;
        assert_eq!(open.text().await?, button);
        open.click().await?;
        // The backlog first; then the waiting time chosen.
        let shown = |choose: Option<&'static str>| {
            let client = page.client().clone();
            async move {
                client
                    .execute(
                        "const d = document.querySelector('[data-testid=embed-dialog]');
                         if (arguments[0]) {
                           const s = d.querySelector('select');
                           s.value = arguments[0];
                           s.dispatchEvent(new Event('change', { bubbles: true }));
                         }
                         return [d.open, d.querySelector('h2').textContent,
                                 d.querySelector('textarea').value];",
                        vec![json!(choose)],
                    )
                    .await
            }
        };
        let first = shown(None).await?;
        assert_eq!(first[0], json!(true), "the dialog is open: {first}");
        assert_eq!(first[1], json!(heading));
        assert!(
            first[2]
                .as_str()
                .unwrap_or_default()
                .contains("embed.html?chart=backlog&"),
            "{first}"
        );
        shown(Some("waiting")).await?;
        // The code follows the choice in the next frame.
        wait_until("the waiting time's code", || async {
            let seen = shown(None).await?;
            let code = seen[2].as_str().unwrap_or_default();
            Ok((code.contains("chart=waiting"), code.to_owned()))
        })
        .await?;
        let chosen = shown(None).await?;
        let code = chosen[2].as_str().unwrap_or_default().to_owned();
        assert!(code.starts_with("<iframe src=\""), "{code}");
        let src = code
            .split('"')
            .nth(1)
            .ok_or("the frame's address")?
            .replace("&amp;", "&");
        assert!(
            src.starts_with(&harness.app_url("embed.html?chart=waiting&"))
                && src.contains("intake=60000")
                && src.contains("fte=600"),
            "{src}"
        );
        // The code's address shows that chart with that scenario.
        let framed = harness.open(&src).await?;
        wait_until("the embed page drawn", || async {
            let drawn = framed
                .client()
                .execute(
                    "const c = document.querySelector('[data-testid=embed-chart]');
                     return [c && c.dataset.drawn === 'true',
                             (document.querySelector('main.embed') || {dataset: {}}).dataset.chart];",
                    vec![],
                )
                .await?;
            Ok((drawn == json!([true, "waiting"]), drawn.to_string()))
        })
        .await?;
        framed.close().await?;
        page.client()
            .find(Locator::Css(
                "[data-testid=embed-dialog] [data-testid=embed-close]",
            ))
            .await?
            .click()
            .await?;
        let open = page
            .client()
            .execute(
                "return document.querySelector('[data-testid=embed-dialog]').open",
                vec![],
            )
            .await?;
        assert_eq!(open, json!(false), "closed");
        page.close().await?;
    }
    Ok(())
}
