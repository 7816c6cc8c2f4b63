//! What leaves the page, end to end: chart images with their caption, the
//! run as a spreadsheet file in each language, a table on the clipboard,
//! the printed handout, and an accessibility audit with axe-core.

use doorstroom_e2e::{Harness, Page, Result};
use doorstroom_model::{Scenario, run_columns};
use fantoccini::Locator;
use fantoccini::wd::{PrintConfiguration, PrintMargins, PrintSize};
use serde_json::Value;

use super::{assert_clean, testid, wait_until};

/// Catches the page's downloads (the links it clicks for the reader) and
/// clipboard writes, to look at what they hold.
async fn catch_downloads(page: &Page) -> Result<()> {
    page.client()
        .execute(
            "window.__offered = [];
             HTMLAnchorElement.prototype.click = function () {
               window.__offered.push([this.download, this.href]);
             };
             window.__clipboard = [];
             Object.defineProperty(navigator, 'clipboard', { value: {
               writeText: text => { window.__clipboard.push(text); return Promise.resolve(); }
             }});",
            vec![],
        )
        .await?;
    Ok(())
}

/// The `n`th download offered so far: its file name and its content (text,
/// or the `data:` URL for an image).
async fn offered(page: &Page, n: usize) -> Result<(String, String)> {
    wait_until("a download", || async {
        let count = page
            .client()
            .execute("return window.__offered.length", vec![])
            .await?;
        Ok((count.as_u64().unwrap_or(0) as usize > n, count.to_string()))
    })
    .await?;
    let found = page
        .client()
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const [name, url] = window.__offered[arguments[0]];
             if (url.startsWith('data:')) { done([name, url]); return; }
             // Decoded keeping the byte order mark, which `text()` drops.
             fetch(url).then(r => r.arrayBuffer()).then(b =>
               done([name, new TextDecoder('utf-8', { ignoreBOM: true }).decode(b)]));",
            vec![Value::from(n)],
        )
        .await?;
    let text = |i: usize| found[i].as_str().unwrap_or_default().to_owned();
    Ok((text(0), text(1)))
}

async fn click(page: &Page, selector: &str) -> Result<()> {
    page.client()
        .find(Locator::Css(selector))
        .await?
        .click()
        .await?;
    Ok(())
}

/// The text of an SVG with the five XML entities read back.
fn unescape_xml(svg: &str) -> String {
    svg.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

pub async fn a_chart_exports_a_slide_png_and_an_svg_twin_with_its_caption(
    harness: &Harness,
) -> Result<()> {
    let mut page = harness.page("?intake=60000").await?;
    catch_downloads(&page).await?;
    click(&page, "[data-chart=costs] [data-export=png]").await?;
    click(&page, "[data-chart=costs] [data-export=svg]").await?;
    let (png_name, png_url) = offered(&page, 0).await?;
    let (svg_name, svg) = offered(&page, 1).await?;
    // Named after the scenario and the chart, the same for both.
    assert!(
        png_name.starts_with("doorstroom-") && png_name.ends_with("-costs.png"),
        "{png_name}"
    );
    assert!(
        png_name.contains("60-000"),
        "the scenario is in the name: {png_name}"
    );
    assert_eq!(
        svg_name.trim_end_matches(".svg"),
        png_name.trim_end_matches(".png")
    );
    // Slide resolution.
    let size = page
        .client()
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const img = new Image();
             img.onload = () => done([img.naturalWidth, img.naturalHeight]);
             img.src = arguments[0];",
            vec![Value::from(png_url)],
        )
        .await?;
    assert_eq!(size, serde_json::json!([2400, 1350]), "PNG size");
    // The caption: the chart's title, the lever that differs (with its
    // default), the source line with the model version and today's date.
    let text = unescape_xml(&svg);
    assert!(
        text.contains("Kosten: dwangsommen en proceskosten"),
        "title"
    );
    let lever = doorstroom_model::lever("intake").ok_or("the intake lever")?;
    let (scenario, _) = Scenario::from_query("intake=60000");
    let described = lever.describe(&scenario, doorstroom_model::Lang::Nl);
    let default = lever.describe(&Scenario::default(), doorstroom_model::Lang::Nl);
    let expected = format!(
        "{}: {described} (standaard {default})",
        lever.label.get(doorstroom_model::Lang::Nl)
    );
    assert!(
        text.contains(&expected),
        "the scenario's caption {expected:?} in the SVG"
    );
    let source = format!(
        "Bron: Doorstroom, modelversie {}, geëxporteerd op ",
        doorstroom_model::VERSION
    );
    assert!(text.contains(&source), "the source line in the SVG");
    assert_clean(&mut page).await?;
    page.close().await
}

/// Reads a downloaded CSV with a real CSV reader: the `#` lines, then the
/// records.
fn read_csv(text: &str, separator: u8) -> Result<(Vec<String>, Vec<csv::StringRecord>)> {
    let text = text
        .strip_prefix('\u{feff}')
        .ok_or("a UTF-8 byte order mark")?;
    let comments = text
        .lines()
        .take_while(|l| l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .comment(Some(b'#'))
        .has_headers(false)
        .from_reader(text.as_bytes());
    let records = reader
        .records()
        .collect::<std::result::Result<Vec<_>, _>>()?;
    Ok((comments, records))
}

pub async fn the_run_downloads_as_csv_in_dutch_and_in_english(harness: &Harness) -> Result<()> {
    let run = Scenario::from_query("intake=60000").0.run();
    let columns = run_columns();
    for (lang, separator, decimal, labels) in [
        (
            "",
            b';',
            ',',
            ["# Modelversie: ", "# Basislijn: ", "Week (maandag)"],
        ),
        (
            "&lang=en",
            b',',
            '.',
            ["# Model version: ", "# Baseline: ", "Week (Monday)"],
        ),
    ] {
        let mut page = harness.page(&format!("?intake=60000{lang}")).await?;
        catch_downloads(&page).await?;
        click(&page, &testid("download-csv")).await?;
        let (name, text) = offered(&page, 0).await?;
        assert!(name.ends_with("-weekly.csv"), "{name}");
        let (comments, records) = read_csv(&text, separator)?;
        assert!(comments[0].starts_with("# Doorstroom: "), "{comments:?}");
        let link = comments
            .iter()
            .find(|c| c.starts_with("# Link: http"))
            .ok_or("the link line")?;
        assert!(link.contains("intake=60000"), "{link}");
        assert!(
            comments
                .iter()
                .any(|c| c == &format!("{}{}", labels[0], doorstroom_model::VERSION)),
            "{comments:?}"
        );
        assert!(
            comments.iter().any(|c| c.starts_with(labels[1])),
            "{comments:?}"
        );
        assert_eq!(records[0].get(0), Some(labels[2]));
        assert_eq!(records[1].get(0), Some("week_start"));
        assert_eq!(records[1].len(), columns.len() + 1);
        assert_eq!(records.len(), 2 + run.weeks());
        // The first week, column by column, is the model's.
        let first = &records[2];
        assert_eq!(first.get(0), Some(run.week_start(0).to_string().as_str()));
        for (i, column) in columns.iter().enumerate() {
            assert_eq!(
                records[1].get(i + 1),
                Some(doorstroom_model::column_key(*column).as_str())
            );
            let cell = first.get(i + 1).unwrap_or_default();
            let other = if decimal == ',' { '.' } else { ',' };
            assert!(!cell.contains(other), "{cell}: the other decimal sign");
            let value: f64 = cell.replace(decimal, ".").parse()?;
            let expected = run.series(*column)[0];
            assert!(
                (value - expected).abs() <= 0.005,
                "{:?}: {value} vs {expected}",
                column
            );
        }
        assert_clean(&mut page).await?;
        page.close().await?;
    }
    Ok(())
}

pub async fn a_table_copies_as_rows_and_columns(harness: &Harness) -> Result<()> {
    let mut page = harness.page("?intake=60000").await?;
    catch_downloads(&page).await?;
    // The table view, with the baseline and the difference.
    click(&page, "[data-chart=backlog] .chart-actions button").await?;
    let shape = page
        .client()
        .execute(
            "const t = document.querySelector('[data-chart=backlog] table');
             return [t.tHead.rows[0].cells.length, t.tBodies[0].rows.length,
                     [...t.tHead.rows[0].cells].map(c => c.textContent)];",
            vec![],
        )
        .await?;
    let columns = shape[0].as_u64().unwrap_or(0) as usize;
    let months = shape[1].as_u64().unwrap_or(0) as usize;
    let headers: Vec<String> = shape[2]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|h| h.as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default();
    assert!(
        headers.iter().any(|h| h == "verschil met de basislijn"),
        "{headers:?}"
    );
    click(&page, "[data-chart=backlog] [data-export=copy]").await?;
    wait_until("the clipboard", || async {
        let n = page
            .client()
            .execute("return window.__clipboard.length", vec![])
            .await?;
        Ok((n == 1, n.to_string()))
    })
    .await?;
    let text = page
        .client()
        .execute("return window.__clipboard[0]", vec![])
        .await?;
    let text = text.as_str().unwrap_or_default();
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 1 + months, "a header and a row per month");
    assert!(
        rows.iter().all(|r| r.len() == columns),
        "{columns} columns in every row"
    );
    assert_eq!(
        rows[0],
        headers.iter().map(String::as_str).collect::<Vec<_>>()
    );
    assert_clean(&mut page).await?;
    page.close().await
}

/// The number of pages of a PDF: its page objects (`/Type /Page`, not `/Pages`).
fn pdf_pages(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    pdf.windows(needle.len() + 1)
        .filter(|w| &w[..needle.len()] == needle && w[needle.len()] != b's')
        .count()
}

pub async fn the_handout_prints_on_two_a4_pages_with_the_link(harness: &Harness) -> Result<()> {
    let mut page = harness.page("?intake=60000&baa=0").await?;
    wait_until("four drawn charts", || async {
        let drawn = page
            .client()
            .execute(
                "return [...document.querySelectorAll('.chart canvas')].every(c => c.width > 0)",
                vec![],
            )
            .await?;
        Ok((drawn == true, drawn.to_string()))
    })
    .await?;
    let link = page
        .client()
        .execute(
            "return document.querySelector('[data-testid=handout-link]').textContent",
            vec![],
        )
        .await?;
    let link = link.as_str().unwrap_or_default().to_owned();
    let here = page.client().current_url().await?;
    assert!(
        link.starts_with(&here.origin().ascii_serialization()),
        "{link}"
    );
    assert!(
        link.contains("intake=60000") && link.contains("baa=0"),
        "{link}"
    );
    let qr = page
        .client()
        .execute(
            "return document.querySelectorAll('.handout-qr svg').length",
            vec![],
        )
        .await?;
    assert_eq!(qr, Value::from(1), "a QR code");
    let config = PrintConfiguration::builder()
        .size(PrintSize::A4)
        .margins(PrintMargins {
            top: 1.2,
            bottom: 1.2,
            left: 1.2,
            right: 1.2,
        })
        .background(false)
        .shrink_to_fit(true)
        .build()
        .map_err(|e| format!("print configuration: {e:?}"))?;
    let pdf = page.client().print(config).await?;
    let pages = pdf_pages(&pdf);
    assert!((1..=2).contains(&pages), "{pages} A4 pages");
    assert_clean(&mut page).await?;
    page.close().await
}

/// Runs axe-core, served by the test server on the page's own origin, and
/// returns the serious and critical violations as "rule: target" lines.
async fn axe_violations(page: &Page) -> Result<Vec<String>> {
    let result = page
        .client()
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const run = () => axe.run(document)
               .then(r => done({ passes: r.passes.length, violations: r.violations
                 .filter(v => v.impact === 'serious' || v.impact === 'critical')
                 .flatMap(v => v.nodes.map(n => v.id + ': ' + n.target.join(' '))) }))
               .catch(e => done({ passes: 0, violations: ['axe failed: ' + e] }));
             if (window.axe) { run(); return; }
             const s = document.createElement('script');
             s.src = '/__test-tools__/axe.min.js';
             s.onload = run;
             s.onerror = () => done({ passes: 0, violations: ['axe-core could not be loaded from the test server'] });
             document.head.appendChild(s);",
            vec![],
        )
        .await?;
    Ok(result
        .as_array()
        .map(|a| {
            a.iter()
                .map(|v| v.as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default())
}

pub async fn axe_finds_no_serious_violation_in_either_language(harness: &Harness) -> Result<()> {
    if std::env::var_os("DOORSTROOM_AXE").is_none() {
        return Err("DOORSTROOM_AXE names no axe-core folder; `cargo xtask test` sets it".into());
    }
    for query in ["?intake=60000", "?intake=60000&lang=en"] {
        let mut page = harness.page(query).await?;
        // With a table open too: its markup is checked as well.
        click(&page, "[data-chart=flow] .chart-actions button").await?;
        let violations = axe_violations(&page).await?;
        assert_eq!(violations, Vec::<String>::new(), "{query}");
        assert_clean(&mut page).await?;
        page.close().await?;
    }
    Ok(())
}
