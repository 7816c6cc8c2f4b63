//! What leaves the page, end to end: chart images with their caption, the
//! run as a spreadsheet file in each language, a table on the clipboard,
//! the printed handout, and an accessibility audit with axe-core.

use doorstroom_e2e::{Harness, Page, Result};
use doorstroom_model::{Scenario, run_columns};
use fantoccini::Locator;
use fantoccini::wd::{PrintConfiguration, PrintMargins, PrintSize};
use serde_json::{Value, json};

use super::{assert_clean, testid, wait_until};

/// Catches the page's downloads (the links it clicks for the reader, and the
/// Blob behind each `blob:` link) and its clipboard writes, to look at what
/// they hold. The page's policy lets no script `fetch` a `blob:` URL, so the
/// Blob itself is kept as the page makes it.
pub(super) async fn catch_downloads(page: &Page) -> Result<()> {
    page.client()
        .execute(
            "window.__offered = [];
             const blobs = new Map();
             const create = URL.createObjectURL;
             URL.createObjectURL = function (object) {
               const url = create.call(URL, object);
               blobs.set(url, object);
               return url;
             };
             HTMLAnchorElement.prototype.click = function () {
               window.__offered.push([this.download, this.href, blobs.get(this.href) || null]);
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

/// A file the page offered for download.
pub(super) struct Download {
    pub(super) name: String,
    /// The type the page gave it, e.g. `text/csv;charset=utf-8`.
    pub(super) mime: String,
    pub(super) bytes: Vec<u8>,
}

impl Download {
    /// The file as UTF-8 text, byte order mark and all.
    pub(super) fn text(&self) -> Result<String> {
        Ok(String::from_utf8(self.bytes.clone())?)
    }
}

/// The type and bytes of a `data:` URL.
fn decode_data_url(url: &str) -> Result<(String, Vec<u8>)> {
    use base64::Engine;
    let rest = url.strip_prefix("data:").ok_or("not a data: URL")?;
    let (header, data) = rest.split_once(',').ok_or("a data: URL without a comma")?;
    let mime = header
        .strip_suffix(";base64")
        .ok_or_else(|| format!("a data: URL that is not base64: {header}"))?;
    let bytes = base64::engine::general_purpose::STANDARD.decode(data)?;
    Ok((mime.to_owned(), bytes))
}

/// The `n`th download offered so far. A `blob:` link's Blob is read with a
/// `FileReader` (as a `data:` URL, so bytes cross the driver as text); a
/// `data:` link (a canvas's PNG) is the file already.
pub(super) async fn offered(page: &Page, n: usize) -> Result<Download> {
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
             const [name, url, blob] = window.__offered[arguments[0]];
             if (url.startsWith('data:')) { done([name, url]); return; }
             if (!blob) { done([name, 'no Blob was made for ' + url]); return; }
             const reader = new FileReader();
             reader.onload = () => done([name, reader.result]);
             reader.onerror = () => done([name, 'the Blob could not be read: ' + reader.error]);
             reader.readAsDataURL(blob);",
            vec![Value::from(n)],
        )
        .await?;
    let text = |i: usize| found[i].as_str().unwrap_or_default().to_owned();
    let (name, url) = (text(0), text(1));
    let (mime, bytes) = decode_data_url(&url).map_err(|e| format!("{name}: {e}: {url:.80}"))?;
    let download = Download { name, mime, bytes };
    keep(&download.name, &download.bytes)?;
    Ok(download)
}

/// With `$DOORSTROOM_KEEP_DOWNLOADS` naming a folder, keeps each download
/// (and each printed handout) there under its own name, to look at by eye.
fn keep(name: &str, bytes: &[u8]) -> Result<()> {
    if let Some(folder) = std::env::var_os("DOORSTROOM_KEEP_DOWNLOADS") {
        let folder = std::path::PathBuf::from(folder);
        std::fs::create_dir_all(&folder)?;
        std::fs::write(folder.join(name), bytes)?;
    }
    Ok(())
}

/// A PNG's size, and how many of its pixels in the bottom `rows` rows are
/// dark (ink on the paper: the caption's text).
pub(super) fn png_size_and_ink(bytes: &[u8], rows: u32) -> Result<((u32, u32), usize)> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info()?;
    let mut buffer = vec![0; reader.output_buffer_size().ok_or("a PNG too large")?];
    let frame = reader.next_frame(&mut buffer)?;
    let (width, height) = (frame.width, frame.height);
    let channels = frame.color_type.samples();
    let line = frame.line_size;
    let mut ink = 0;
    for y in height.saturating_sub(rows)..height {
        let row = &buffer[y as usize * line..][..line];
        ink += row
            .chunks_exact(channels)
            .filter(|px| px.iter().take(3).map(|&c| u32::from(c)).sum::<u32>() < 3 * 110)
            .count();
    }
    Ok(((width, height), ink))
}

pub(super) async fn click(page: &Page, selector: &str) -> Result<()> {
    page.client()
        .find(Locator::Css(selector))
        .await?
        .click()
        .await?;
    Ok(())
}

/// The text of an SVG with the five XML entities read back.
pub(super) fn unescape_xml(svg: &str) -> String {
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
    use doorstroom_model::Lang;
    let mut page = harness.page("?intake=60000").await?;
    catch_downloads(&page).await?;
    click(&page, "[data-chart=costs] [data-export=png]").await?;
    click(&page, "[data-chart=costs] [data-export=svg]").await?;
    let png = offered(&page, 0).await?;
    let svg = offered(&page, 1).await?;
    // Named after the scenario and the chart, the same for both.
    assert!(
        png.name.starts_with("doorstroom-") && png.name.ends_with("-costs.png"),
        "{}",
        png.name
    );
    // The lever that changed, without its default: short enough to read.
    assert!(
        png.name.contains("instroom-60-000") && !png.name.contains("standaard"),
        "the scenario is in the name: {}",
        png.name
    );
    assert_eq!(
        svg.name.trim_end_matches(".svg"),
        png.name.trim_end_matches(".png")
    );
    assert_eq!(png.mime, "image/png");
    assert_eq!(svg.mime, "image/svg+xml");
    // Slide resolution, as an image viewer decodes it, with the caption's
    // text painted in its band along the bottom.
    let (size, ink) = png_size_and_ink(&png.bytes, 100)?;
    assert_eq!(size, (2400, 1350), "PNG size");
    assert!(ink > 2_000, "{ink} dark pixels in the caption band");
    // The caption: the chart's title, the lever that differs (with its
    // default), the source line with the model version and today's date.
    let text = unescape_xml(&svg.text()?);
    assert!(
        text.contains("Kosten: dwangsommen en proceskosten"),
        "title"
    );
    let lever = doorstroom_model::lever("intake").ok_or("the intake lever")?;
    let (scenario, _) = Scenario::from_query("intake=60000");
    let described = lever.describe(&scenario, Lang::Nl);
    let default = lever.describe(&Scenario::default(), Lang::Nl);
    let expected = format!(
        "{} {described} (standaard {default})",
        lever.label.get(Lang::Nl)
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
    page.close().await?;

    // A scenario with a title goes by its title, in the file's name and on
    // the image, in either language.
    let mut page = harness
        .page("?intake=60000&title=Minder%20instroom%202025&lang=en")
        .await?;
    catch_downloads(&page).await?;
    click(&page, "[data-chart=backlog] [data-export=svg]").await?;
    click(&page, "[data-chart=backlog] [data-export=png]").await?;
    let svg = offered(&page, 0).await?;
    let png = offered(&page, 1).await?;
    assert_eq!(svg.name, "doorstroom-minder-instroom-2025-backlog.svg");
    assert_eq!(png.name, "doorstroom-minder-instroom-2025-backlog.png");
    let text = unescape_xml(&svg.text()?);
    assert!(
        text.contains("Minder instroom 2025"),
        "the title on the image"
    );
    assert!(
        !text.contains(&format!("{}: ", lever.label.get(Lang::En))),
        "the title stands for the levers"
    );
    assert!(
        text.contains(&format!(
            "Source: Doorstroom, model version {}",
            doorstroom_model::VERSION
        )),
        "the English source line"
    );
    assert_eq!(png_size_and_ink(&png.bytes, 100)?.0, (2400, 1350));
    assert_clean(&mut page).await?;
    page.close().await
}

/// Reads a downloaded CSV with a real CSV reader: the `#` lines, then the
/// records.
fn read_csv(text: &str, separator: u8) -> Result<(Vec<String>, Vec<csv::StringRecord>)> {
    let text = text
        .strip_prefix('\u{feff}')
        .ok_or("a UTF-8 byte order mark")?;
    // A comment line as a spreadsheet reads it, its cells joined by a
    // space ("# Scenario: …"): two cells, the label and the text.
    let mut comments = Vec::new();
    for line in text.lines().take_while(|l| l.starts_with('#')) {
        let cells = csv::ReaderBuilder::new()
            .delimiter(separator)
            .has_headers(false)
            .from_reader(line.as_bytes())
            .records()
            .next()
            .ok_or("a comment line")??;
        if cells.len() != 2 {
            return Err(format!("{line}: {} cells", cells.len()).into());
        }
        comments.push(cells.iter().collect::<Vec<_>>().join(" "));
    }
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
    use doorstroom_model::{Column, Measure};
    let run = Scenario::from_query("intake=60000").0.run();
    let columns = run_columns();
    let intake_lever = doorstroom_model::lever("intake").ok_or("the intake lever")?;
    // The scenario in words: each lever that differs as its label and its
    // value (the default follows in brackets).
    let untitled = format!(
        "# Scenario: {} {}",
        intake_lever.label.nl,
        intake_lever.describe(
            &Scenario::from_query("intake=60000").0,
            doorstroom_model::Lang::Nl
        )
    );
    // In English, a scenario with a title: the file goes by it.
    for (lang, separator, decimal, labels, scenario) in [
        (
            "",
            b';',
            ',',
            ["# Modelversie: ", "# Basislijn: ", "Week (maandag)"],
            untitled.as_str(),
        ),
        (
            "&title=Minder%20instroom%202025&lang=en",
            b',',
            '.',
            ["# Model version: ", "# Baseline: ", "Week (Monday)"],
            "# Scenario: Minder instroom 2025",
        ),
    ] {
        let mut page = harness.page(&format!("?intake=60000{lang}")).await?;
        catch_downloads(&page).await?;
        click(&page, &testid("download-csv")).await?;
        let file = offered(&page, 0).await?;
        assert!(file.name.ends_with("-weekly.csv"), "{}", file.name);
        if lang.contains("title=") {
            assert_eq!(file.name, "doorstroom-minder-instroom-2025-weekly.csv");
        }
        assert_eq!(file.mime, "text/csv;charset=utf-8");
        let (comments, records) = read_csv(&file.text()?, separator)?;
        assert!(comments[0].starts_with("# Doorstroom: "), "{comments:?}");
        assert!(
            comments.iter().any(|c| c.starts_with(scenario)),
            "{scenario:?} in {comments:?}"
        );
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
        // By month: the same columns, a row per month, the first month's
        // intake the model's sum of its weeks.
        click(&page, &testid("download-csv-monthly")).await?;
        let file = offered(&page, 1).await?;
        assert!(file.name.ends_with("-monthly.csv"), "{}", file.name);
        let (_, monthly) = read_csv(&file.text()?, separator)?;
        assert_eq!(monthly[1].get(0), Some("month"));
        // The day of the month's stocks, then the columns.
        assert_eq!(monthly[1].get(1), Some("stocks_on"));
        assert_eq!(monthly[1].len(), columns.len() + 2);
        let intake = Column::total(Measure::Intake);
        let months = run.monthly(intake, Measure::Intake.aggregate());
        assert_eq!(monthly.len(), 2 + months.len());
        let at = columns
            .iter()
            .position(|c| *c == intake)
            .ok_or("the intake column")?;
        let first = &monthly[2];
        assert_eq!(first.get(0), Some(months[0].0.to_string().as_str()));
        let value: f64 = first
            .get(at + 2)
            .unwrap_or_default()
            .replace(decimal, ".")
            .parse()?;
        assert!(
            (value - months[0].1).abs() <= 0.005,
            "{value} vs {months:?}"
        );
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
    let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.map(|r| r.iter().map(str::to_owned).collect()))
        .collect::<std::result::Result<_, _>>()?;
    assert_eq!(rows.len(), 1 + months, "a header and a row per month");
    assert!(
        rows.iter().all(|r| r.len() == columns),
        "{columns} columns in every row"
    );
    assert_eq!(rows[0], headers);
    assert_clean(&mut page).await?;
    page.close().await
}

/// What a printed PDF holds, read with a PDF library: per page, the image
/// objects it draws (the charts' canvases print as images; the QR code is
/// drawn in vectors) and its text without white space; and the web links on
/// any page.
struct Printed {
    images_per_page: Vec<Vec<lopdf::ObjectId>>,
    text_per_page: Vec<String>,
    links: Vec<String>,
}

fn without_spaces(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn read_pdf(pdf: &[u8]) -> Result<Printed> {
    let doc = lopdf::Document::load_mem(pdf)?;
    let mut images_per_page = Vec::new();
    let mut text_per_page = Vec::new();
    let mut links = Vec::new();
    for (number, page) in doc.get_pages() {
        images_per_page.push(
            doc.get_page_images(page)?
                .into_iter()
                .map(|image| image.id)
                .collect(),
        );
        text_per_page.push(without_spaces(&doc.extract_text(&[number])?));
        for annotation in doc.get_page_annotations(page)? {
            let Ok(action) = annotation.get_deref(b"A", &doc) else {
                continue;
            };
            let Ok(action) = action.as_dict() else {
                continue;
            };
            if let Ok(uri) = action.get_deref(b"URI", &doc).and_then(|u| u.as_str()) {
                links.push(String::from_utf8_lossy(uri).into_owned());
            }
        }
    }
    Ok(Printed {
        images_per_page,
        text_per_page,
        links,
    })
}

/// Prints the page as the reader's browser prints to PDF: A4, the
/// handout's own margins, no backgrounds.
async fn print_a4(page: &Page) -> Result<Vec<u8>> {
    let config = PrintConfiguration::builder()
        .size(PrintSize::A4)
        .margins(PrintMargins {
            top: 1.2,
            bottom: 1.2,
            left: 1.2,
            right: 1.2,
        })
        .background(false)
        .shrink_to_fit(false)
        .build()
        .map_err(|e| format!("print configuration: {e:?}"))?;
    Ok(page.client().print(config).await?)
}

pub async fn the_handout_prints_on_two_a4_pages_with_the_link(harness: &Harness) -> Result<()> {
    // A scenario alone, and a briefing: a title, a note, a baseline and two
    // compared scenarios, whose comparison prints too, in both languages.
    for query in [
        "?intake=60000&baa=0",
        "?intake=60000&title=Nu&note=Met+minder+instroom&base=77000&base_title=Hoog\
         &cmp1=49000&cmp1_title=Laag&cmp2=*600&lang=en",
    ] {
        let mut page = harness.page(query).await?;
        wait_until("four drawn charts", || async {
            let drawn = page
                .client()
                .execute(
                    "return [...document.querySelectorAll('.chart .chart-box canvas')].every(c => c.width > 0)",
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
        assert!(link.contains("intake=60000"), "{link}");
        let qr = page
            .client()
            .execute(
                "return document.querySelectorAll('.handout-qr svg').length",
                vec![],
            )
            .await?;
        assert_eq!(qr, Value::from(1), "a QR code");
        // Each chart's summary in words, which prints under the chart in
        // its frame: the start of it names the chart.
        let summaries = page
            .client()
            .execute(
                "return [...document.querySelectorAll('figure.chart .chart-summary')].map(p => p.textContent)",
                vec![],
            )
            .await?;
        let summaries: Vec<String> = summaries
            .as_array()
            .ok_or("the charts' summaries")?
            .iter()
            .map(|s| {
                without_spaces(s.as_str().unwrap_or_default())
                    .chars()
                    .take(24)
                    .collect()
            })
            .collect();
        assert_eq!(summaries.len(), 4, "{summaries:?}");
        // The same pages from a wide window and from a narrow one: the
        // charts' height on paper does not follow the window's.
        for (width, height) in [(1280, 720), (800, 1000)] {
            page.client().set_window_size(width, height).await?;
            // The charts redraw at the new size in the next frames.
            tokio::time::sleep(std::time::Duration::from_millis(600)).await;
            let pdf = print_a4(&page).await?;
            keep(
                &format!("handout-{}-{width}.pdf", without_spaces(query).len()),
                &pdf,
            )?;
            let printed = read_pdf(&pdf)?;
            let pages = printed.images_per_page.len();
            assert!(
                (1..=2).contains(&pages),
                "{query} at {width} px: {pages} A4 pages"
            );
            // A chart whole on its page: its drawing and its summary on the
            // same page, so every page holds as many of each; a chart split
            // by a page break would leave one without the other.
            for (i, (images, text)) in printed
                .images_per_page
                .iter()
                .zip(&printed.text_per_page)
                .enumerate()
            {
                let said = summaries.iter().filter(|s| text.contains(*s)).count();
                assert_eq!(
                    images.len(),
                    said,
                    "{query} at {width} px: page {}: {} chart drawings, {said} chart summaries",
                    i + 1,
                    images.len()
                );
            }
            let drawn: Vec<_> = printed.images_per_page.iter().flatten().collect();
            assert_eq!(
                drawn.len(),
                4,
                "{query} at {width} px: the four charts, each on one page: {:?}",
                printed.images_per_page
            );
            let mut distinct = drawn.clone();
            distinct.sort();
            distinct.dedup();
            assert_eq!(
                distinct.len(),
                4,
                "{query} at {width} px: {:?}",
                printed.images_per_page
            );
            // The full link is on paper, as a link a PDF reader opens.
            assert!(
                printed.links.contains(&link),
                "{query} at {width} px: the link {link} among the PDF's links {:?}",
                printed.links
            );
        }
        assert_clean(&mut page).await?;
        page.close().await?;
    }
    Ok(())
}

/// What an axe-core run found.
struct Audit {
    /// The rules that passed: at least some, or axe did not look.
    passes: u64,
    /// The violated rules by impact ("minor", "moderate", "serious",
    /// "critical"), each as "rule ×nodes".
    by_impact: serde_json::Map<String, Value>,
    /// The serious and critical violations as "rule: target" lines.
    serious: Vec<String>,
}

/// Runs axe-core, served by the test server on the page's own origin (the
/// page's policy allows only its own scripts), over the whole document.
async fn audit(page: &Page) -> Result<Audit> {
    let result = page
        .client()
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const run = () => axe.run(document)
               .then(r => {
                 const byImpact = {};
                 for (const v of r.violations) (byImpact[v.impact] ||= []).push(v.id + ' ×' + v.nodes.length);
                 done({ passes: r.passes.length, byImpact, serious: r.violations
                   .filter(v => v.impact === 'serious' || v.impact === 'critical')
                   .flatMap(v => v.nodes.map(n => v.id + ': ' + n.target.join(' '))) });
               })
               .catch(e => done({ error: 'axe failed: ' + e }));
             if (window.axe) { run(); return; }
             const s = document.createElement('script');
             s.src = arguments[0] + 'axe.min.js';
             s.onload = run;
             s.onerror = () => done({ error: 'axe-core could not be loaded from the test server' });
             document.head.appendChild(s);",
            vec![Value::from(doorstroom_e2e::TOOLS_PATH)],
        )
        .await?;
    if let Some(error) = result.get("error") {
        return Err(error.to_string().into());
    }
    let serious = result["serious"]
        .as_array()
        .ok_or_else(|| format!("axe's answer: {result}"))?
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_owned())
        .collect();
    Ok(Audit {
        passes: result["passes"].as_u64().unwrap_or(0),
        by_impact: result["byImpact"].as_object().cloned().unwrap_or_default(),
        serious,
    })
}

/// Audits the page as it is now, under `what`, and fails on any serious or
/// critical violation. The counts by impact go to the test's output.
async fn assert_accessible(page: &Page, what: &str) -> Result<()> {
    let audit = audit(page).await?;
    eprintln!(
        "axe-core, {what}: {} rules passed; violations by impact: {}",
        audit.passes,
        Value::Object(audit.by_impact.clone())
    );
    assert!(
        audit.passes > 10,
        "{what}: axe checked {} rules",
        audit.passes
    );
    assert_eq!(audit.serious, Vec::<String>::new(), "{what}");
    Ok(())
}

fn require_axe() -> Result<()> {
    if std::env::var_os("DOORSTROOM_AXE").is_none() {
        return Err("DOORSTROOM_AXE names no axe-core folder; `cargo xtask test` sets it".into());
    }
    Ok(())
}

pub async fn axe_finds_no_serious_violation_in_either_language(harness: &Harness) -> Result<()> {
    require_axe()?;
    for query in ["?intake=60000", "?intake=60000&lang=en"] {
        let mut page = harness.page(query).await?;
        assert_accessible(&page, query).await?;
        // With a table open too: its markup is checked as well.
        click(&page, "[data-chart=flow] .chart-actions button").await?;
        page.client()
            .wait()
            .for_element(Locator::Css("[data-chart=flow] table"))
            .await?;
        assert_accessible(&page, &format!("{query}, a table open")).await?;
        // With the track record open: its charts, figures and tables.
        click(&page, &format!("{} > summary", testid("track-record"))).await?;
        page.client()
            .wait()
            .for_element(Locator::Css(&format!(
                "[data-origin='2025-01-01'] {}",
                testid("forecast-words")
            )))
            .await?;
        assert_accessible(&page, &format!("{query}, the track record open")).await?;
        assert_clean(&mut page).await?;
        page.close().await?;
    }
    Ok(())
}

pub async fn axe_finds_no_serious_violation_in_the_comparison_or_presentation_mode(
    harness: &Harness,
) -> Result<()> {
    require_axe()?;
    // Two pinned scenarios beside the one on screen: the comparison shows.
    let compared = "?intake=60000&title=Nu&base=77000&base_title=Hoog&cmp1=49000&cmp1_title=Laag";
    for lang in ["", "&lang=en"] {
        let query = format!("{compared}{lang}");
        let mut page = harness.page(&query).await?;
        page.client()
            .wait()
            .for_element(Locator::Css(&testid("cmp-kpi-backlog-end")))
            .await?;
        assert_accessible(&page, &format!("comparison {query}")).await?;
        // Presentation mode, from the keyboard.
        page.client()
            .find(Locator::Css("body"))
            .await?
            .send_keys("f")
            .await?;
        wait_until("presentation mode", || async {
            let on = page
                .client()
                .execute(
                    "return document.documentElement.classList.contains('presenting')",
                    vec![],
                )
                .await?;
            Ok((on == Value::Bool(true), on.to_string()))
        })
        .await?;
        assert_accessible(&page, &format!("presentation mode {query}")).await?;
        assert_clean(&mut page).await?;
        page.close().await?;
    }
    Ok(())
}

/// A title with each hostile class (a formula with the language's
/// separator and a quote, markup, a right-to-left override, a
/// noncharacter, a line separator), typed into the page: every export holds
/// it safely. Each CSV, read as a spreadsheet reads it (no lines skipped),
/// has as many rows as lines and no text cell that starts a formula; every
/// SVG parses as XML; the file names and the tab title carry none of it.
pub async fn a_hostile_title_leaves_every_export_safe(harness: &Harness) -> Result<()> {
    const HOSTILE: &str = "=HYPERLINK(\"x\");+a,<b>\u{202E}€\u{FFFE}\u{2028}@c";
    for (lang, separator) in [("", b';'), ("&lang=en", b',')] {
        let mut page = harness.page(&format!("?intake=60000{lang}")).await?;
        catch_downloads(&page).await?;
        let title = page
            .client()
            .find(Locator::Css(&testid("scenario-title")))
            .await?;
        // The browser's field refuses what is longer than the limit: the
        // value is set and `change` fired as a paste would.
        page.client()
            .execute(
                "const f = arguments[0]; f.value = arguments[1];
                 f.dispatchEvent(new Event('change', { bubbles: true }));",
                vec![serde_json::to_value(&title)?, Value::from(HOSTILE)],
            )
            .await?;
        wait_until("the tab title", || async {
            let t = page.client().title().await?;
            Ok((t.contains("HYPERLINK"), t))
        })
        .await?;
        let tab = page.client().title().await?;
        assert!(
            !tab.contains(['\u{202E}', '\u{FFFE}', '\u{2028}']),
            "{tab:?}"
        );
        let mut n = 0;
        let mut files = Vec::new();
        for selector in [
            testid("download-csv"),
            testid("download-csv-monthly"),
            "[data-chart=backlog] [data-export=csv]".to_owned(),
        ] {
            click(&page, &selector).await?;
            files.push(offered(&page, n).await?);
            n += 1;
        }
        for chart in ["backlog", "costs", "waiting", "flow"] {
            let selector = format!("[data-chart={chart}] [data-export=svg]");
            if page.client().find(Locator::Css(&selector)).await.is_ok() {
                click(&page, &selector).await?;
                files.push(offered(&page, n).await?);
                n += 1;
            }
        }
        for file in &files {
            assert!(
                file.name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.'),
                "{}",
                file.name
            );
            let text = file.text()?;
            if file.name.ends_with(".csv") {
                let body = text.trim_start_matches('\u{feff}');
                let rows = csv::ReaderBuilder::new()
                    .delimiter(separator)
                    .has_headers(false)
                    .flexible(true)
                    .from_reader(body.as_bytes())
                    .records()
                    .collect::<std::result::Result<Vec<_>, _>>()?;
                assert_eq!(rows.len(), body.lines().count(), "{}", file.name);
                let cells: Vec<&str> = rows.iter().flat_map(|r| r.iter()).collect();
                assert!(
                    cells.iter().any(|c| c.contains("HYPERLINK")),
                    "{}: the title",
                    file.name
                );
                for cell in cells {
                    let number = cell.replace(',', ".").parse::<f64>().is_ok();
                    assert!(
                        number || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                        "{}: {cell:?} starts a formula",
                        file.name
                    );
                    assert!(
                        !cell.contains(['\u{202E}', '\u{FFFE}', '\u{2028}', '\n']),
                        "{}: {cell:?}",
                        file.name
                    );
                }
            } else {
                let doc =
                    roxmltree::Document::parse(&text).map_err(|e| format!("{}: {e}", file.name))?;
                let words: String = doc.descendants().filter_map(|n| n.text()).collect();
                assert!(words.contains("HYPERLINK"), "{}: the title", file.name);
                assert!(
                    !words.contains(['\u{202E}', '\u{FFFE}', '\u{2028}']),
                    "{}",
                    file.name
                );
            }
        }
        assert_clean(&mut page).await?;
        page.close().await?;
    }
    Ok(())
}

/// Sets a text field's value and fires `change`, as a paste and Tab would.
async fn type_into(page: &Page, testid_of: &str, text: &str) -> Result<()> {
    let field = page.client().find(Locator::Css(&testid(testid_of))).await?;
    page.client()
        .execute(
            "const f = arguments[0]; f.value = arguments[1];
             f.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![serde_json::to_value(&field)?, Value::from(text)],
        )
        .await?;
    Ok(())
}

/// The handout as printed after the reader changed things: its link (and
/// so its QR code) holds the title typed and the runs changed; with three
/// pinned scenarios with the longest titles, a note and the bands on, it
/// stays on two A4 pages; the longest title is printed whole.
pub async fn the_handout_follows_what_is_printed_and_keeps_to_two_pages(
    harness: &Harness,
) -> Result<()> {
    let long = |word: &str| {
        let mut t = String::new();
        while t.chars().count() + word.len() < 32 {
            t.push_str(word);
        }
        t
    };
    let query = format!(
        "?intake=60000&note={}&base=77000&base_title={}&cmp1=49000&cmp1_title={}\
         &cmp2=*600&cmp2_title={}&bands=on&runs=200",
        "Met+minder+instroom+en+meer+personeel+in+2025".repeat(2),
        long("Hoog+"),
        long("Laag+"),
        long("Midden+"),
    );
    let mut page = harness.page(&query).await?;
    let title = "Een titel van precies 32 tekens lang";
    let title: String = title.chars().take(32).collect();
    type_into(&page, "scenario-title", &title).await?;
    type_into(&page, "bands-runs", "1.000").await?;
    let link = wait_until("the handout's link", || async {
        let link = page
            .client()
            .execute(
                "return document.querySelector('[data-testid=handout-link]').textContent",
                vec![],
            )
            .await?;
        let link = link.as_str().unwrap_or_default().to_owned();
        Ok((
            link.contains("runs=1000") && link.contains("title=Een+titel"),
            link,
        ))
    })
    .await;
    link?;
    let qr = page
        .client()
        .execute(
            "return document.querySelectorAll('.handout-qr svg').length",
            vec![],
        )
        .await?;
    assert_eq!(qr, Value::from(1), "a QR code");
    wait_until("four drawn charts", || async {
        let drawn = page
            .client()
            .execute(
                "return [...document.querySelectorAll('.chart .chart-box canvas')].every(c => c.width > 0)",
                vec![],
            )
            .await?;
        Ok((drawn == true, drawn.to_string()))
    })
    .await?;
    let pdf = print_a4(&page).await?;
    keep("handout-three-pinned.pdf", &pdf)?;
    let printed = read_pdf(&pdf)?;
    let pages = printed.text_per_page.len();
    assert!((1..=2).contains(&pages), "{pages} A4 pages");
    assert!(
        printed.text_per_page[0].contains(&without_spaces(&title)),
        "the whole title on page 1: {}",
        printed.text_per_page[0]
    );
    assert!(
        printed.links.iter().any(|l| l.contains("runs=1000")),
        "the current link in the PDF: {:?}",
        printed.links
    );
    // Page 1 holds the first two charts under the figures, not a half-empty
    // page beside the link.
    assert_eq!(
        printed.images_per_page[0].len(),
        2,
        "two charts on page 1: {:?}",
        printed.images_per_page
    );
    // Each chart's plot, measured in the page laid out for paper: the
    // print stylesheet at the width of A4 between the handout's margins.
    let plots = printed_plot_heights_mm(&page).await?;
    eprintln!("printed charts: {plots:?}");
    assert_eq!(plots.len(), 4, "{plots:?}");
    for (chart, box_mm, plot_mm) in &plots {
        assert!(
            *plot_mm >= MIN_PRINTED_PLOT_MM && *plot_mm >= box_mm / 2.0,
            "{chart}: a plot of {plot_mm:.1} mm in a drawing of {box_mm:.1} mm"
        );
    }
    // Where the legend stands beside the plot (it does for all but the
    // flow chart, whose ten entries with bands and three scenarios stand
    // above a wide plot), the plot is 6 cm tall.
    let tall = plots.iter().filter(|(_, _, plot)| *plot >= 60.0).count();
    assert!(tall >= 3, "{plots:?}");
    assert_clean(&mut page).await?;
    page.close().await
}

/// The least height of a chart's plot on paper, whatever its legend: more
/// than twice the 15 mm strip the screen's drawing printed as.
const MIN_PRINTED_PLOT_MM: f64 = 40.0;

/// Millimetres per CSS pixel (96 to the inch).
const MM_PER_PX: f64 = 25.4 / 96.0;

/// Lays the page out as it prints (print media, the width of A4 less the
/// handout's 12 mm margins) and returns, per chart, the printed drawing's
/// height and its plot's height in millimetres, from the computed boxes
/// and the share of the drawing the plot takes (`data-plot-share`).
async fn printed_plot_heights_mm(page: &Page) -> Result<Vec<(String, f64, f64)>> {
    let a4_between_margins = ((210.0 - 2.0 * 12.0) / MM_PER_PX).round();
    page.devtools("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await?;
    page.devtools(
        "Emulation.setDeviceMetricsOverride",
        json!({
            "width": a4_between_margins as u32,
            "height": 1100,
            "deviceScaleFactor": 1,
            "mobile": false
        }),
    )
    .await?;
    let measured = page
        .client()
        .execute(
            "return [...document.querySelectorAll('canvas.print-chart')].map(c => {
               const r = c.getBoundingClientRect();
               return [c.dataset.printChart, r.height, r.width, c.width / c.height,
                       c.dataset.plotShare || ''];
             })",
            vec![],
        )
        .await;
    page.devtools("Emulation.setEmulatedMedia", json!({ "media": "" }))
        .await?;
    page.devtools("Emulation.clearDeviceMetricsOverride", json!({}))
        .await?;
    let mut out = Vec::new();
    for row in measured?.as_array().ok_or("the printed charts")? {
        let chart = row[0].as_str().unwrap_or_default().to_owned();
        let (height, width, drawn_ratio) = (
            row[1].as_f64().unwrap_or(0.0),
            row[2].as_f64().unwrap_or(0.0),
            row[3].as_f64().unwrap_or(0.0),
        );
        // The drawing prints in its own proportions, not stretched.
        assert!(
            height > 0.0 && (width / height - drawn_ratio).abs() < 0.02,
            "{chart}: printed {width} × {height} px, drawn in the ratio {drawn_ratio}"
        );
        let share: Vec<f64> = row[4]
            .as_str()
            .unwrap_or_default()
            .split(' ')
            .filter_map(|v| v.parse().ok())
            .collect();
        let [top, bottom, ..] = share[..] else {
            return Err(format!("{chart}: no plot share in {row}").into());
        };
        out.push((
            chart,
            height * MM_PER_PX,
            (bottom - top) * height * MM_PER_PX,
        ));
    }
    Ok(out)
}
