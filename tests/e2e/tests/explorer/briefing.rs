//! End-to-end tests of briefings: pinned scenarios compared on the charts
//! and side by side, the baseline named in words, presentation mode and its
//! deck, the page at projector sizes, and the page with no network (the
//! service worker) and with no server (the single-file build).

use std::path::PathBuf;
use std::time::Duration;

use doorstroom_e2e::{Harness, Page, Result, StaticServer};
use doorstroom_model::Scenario;
use fantoccini::Locator;
use fantoccini::key::Key;
use serde_json::{Value, json};

use super::locale::{Locale, parse_number};
use super::{PATIENCE, assert_clean, testid, wait_until};

/// Sets the browser's viewport (not its window) to `width` × `height`.
pub(super) async fn viewport(page: &Page, width: u32, height: u32) -> Result<()> {
    page.client().set_window_size(width, height).await?;
    let inner = page
        .client()
        .execute("return [window.innerWidth, window.innerHeight]", vec![])
        .await?;
    let (w, h) = (
        inner[0].as_u64().unwrap_or(0) as u32,
        inner[1].as_u64().unwrap_or(0) as u32,
    );
    page.client()
        .set_window_size(2 * width - w.min(2 * width), 2 * height - h.min(2 * height))
        .await?;
    wait_until(&format!("a viewport of {width}×{height}"), || async {
        let inner = page
            .client()
            .execute("return [window.innerWidth, window.innerHeight]", vec![])
            .await?;
        Ok((inner == json!([width, height]), inner.to_string()))
    })
    .await
}

/// How many pixels of each colour (within a small tolerance, for
/// antialiasing) every chart canvas holds, by chart id.
const COUNT_COLOURS: &str = "
    const colours = arguments[0];
    const out = {};
    for (const fig of document.querySelectorAll('figure.chart')) {
        const c = fig.querySelector('canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        const n = colours.map(() => 0);
        for (let i = 0; i < d.length; i += 4) {
            colours.forEach(([r, g, b], k) => {
                if (Math.abs(d[i] - r) < 12 && Math.abs(d[i + 1] - g) < 12 && Math.abs(d[i + 2] - b) < 12) n[k]++;
            });
        }
        out[fig.dataset.chart] = n;
    }
    return out;";

/// The ghost's grey and the first two compared scenarios' colours.
const GHOST: [u8; 3] = [0x6E, 0x6E, 0x6E];
const FIRST: [u8; 3] = [0xCC, 0x79, 0xA7];
const SECOND: [u8; 3] = [0x6A, 0x3D, 0x9A];

pub(super) async fn press(page: &Page, keys: &str) -> Result<()> {
    page.client()
        .find(Locator::Css("body"))
        .await?
        .send_keys(keys)
        .await?;
    Ok(())
}

async fn click(page: &Page, id: &str) -> Result<()> {
    page.client()
        .find(Locator::Css(&testid(id)))
        .await?
        .click()
        .await?;
    Ok(())
}

/// Types `text` into field `id` and commits it (a change event).
async fn type_into(page: &Page, id: &str, text: &str) -> Result<()> {
    let field = page.client().find(Locator::Css(&testid(id))).await?;
    field.clear().await?;
    field
        .send_keys(&format!("{text}{}", char::from(Key::Enter)))
        .await?;
    page.client()
        .execute(
            "document.querySelector(arguments[0]).dispatchEvent(new Event('change', {bubbles: true}))",
            vec![json!(testid(id))],
        )
        .await?;
    Ok(())
}

/// Types a number into lever field `id` as a reader does: a click selects
/// the value, the typing replaces it, Enter commits it.
async fn type_number(page: &Page, id: &str, dutch: &str) -> Result<()> {
    let field = page.client().find(Locator::Css(&testid(id))).await?;
    field.click().await?;
    field.send_keys(&format!("{dutch}\u{E007}")).await?;
    Ok(())
}

fn whole(text: &str) -> Option<f64> {
    parse_number(text, Locale::Nl)
}

pub async fn pinning_two_scenarios_draws_three_sets_of_lines_and_compares_them(
    harness: &Harness,
) -> Result<()> {
    let mut page = harness.page("?intake=60000").await?;
    click(&page, "pin").await?;
    type_number(&page, "input-intake", "77.000").await?;
    wait_until("the second scenario on screen", || async {
        let q = super::query_of(&page).await?;
        Ok((q.contains("intake=77000"), q))
    })
    .await?;
    click(&page, "pin").await?;
    // Pinned rows: the compared ones from 1 (0 is a pinned baseline).
    type_into(&page, "pin-title-2", "Hoog").await?;
    type_number(&page, "input-intake", "90.000").await?;
    wait_until("the link holds both pinned scenarios", || async {
        let q = super::query_of(&page).await?;
        Ok((
            q.contains("intake=90000")
                && !q.contains("base=")
                && q.contains("cmp1=60000")
                && q.contains("cmp2=77000")
                && q.contains("cmp2_title=Hoog"),
            q,
        ))
    })
    .await?;
    // Pinning chose no baseline: the changes are still against the default
    // of the scenario's world (a v=1 link: the letter's).
    let baseline = page.text(&testid("baseline-name")).await?;
    assert!(baseline.contains("De brief van april 2023"), "{baseline}");
    // Three sets of lines on every chart besides the scenario's own: the
    // default's grey ghost and each pinned scenario's.
    wait_until("the compared lines on every chart", || async {
        let counts = page
            .client()
            .execute(COUNT_COLOURS, vec![json!([GHOST, FIRST, SECOND])])
            .await?;
        let ok = ["backlog", "costs", "waiting", "flow"].iter().all(|c| {
            let n = &counts[c];
            (0..3).all(|i| n[i].as_u64().unwrap_or(0) > 50)
        });
        Ok((ok, counts.to_string()))
    })
    .await?;
    // The comparison: each scenario's figures as the model computes them.
    let end_row = page
        .client()
        .find(Locator::Css(&testid("cmp-kpi-backlog-end")))
        .await?;
    let mut values = Vec::new();
    for cell in end_row.find_all(Locator::Css("td .cmp-value")).await? {
        values.push(whole(&cell.text().await?));
    }
    let expected: Vec<Option<f64>> = ["intake=90000", "v=1", "intake=60000", "intake=77000"]
        .iter()
        .map(|q| {
            Some(
                Scenario::from_query(q)
                    .0
                    .run()
                    .summary()
                    .backlog_end
                    .round(),
            )
        })
        .collect();
    assert_eq!(
        values, expected,
        "this scenario, the baseline (the default), the pinned ones"
    );
    let lever_row = page.text(&testid("cmp-lever-intake")).await?;
    assert!(
        lever_row.contains("90.000")
            && lever_row.contains("60.000")
            && lever_row.contains("77.000"),
        "{lever_row}"
    );
    assert!(page.text(&testid("pinned-name-2")).await?.contains("Hoog"));
    assert!(
        page.text(&testid("unpin-2"))
            .await?
            .contains("‘Hoog’ losmaken")
    );
    // The baseline, chosen: the first pinned scenario. The one it replaces
    // (the default) is no pin, so the other stays where it was.
    choose(&page, "baseline-choice", "0").await?;
    wait_until("the first pin as the baseline", || async {
        let q = super::query_of(&page).await?;
        Ok((q.contains("base=60000") && q.contains("cmp1=77000"), q))
    })
    .await?;
    assert_eq!(page.text(&testid("unpin-0")).await?, "basislijn losmaken");
    let expected_base = Scenario::from_query("intake=60000").0.run().summary();
    wait_until("the baseline's column", || async {
        let cells = page
            .client()
            .execute(
                "return [...document.querySelectorAll('[data-testid=cmp-kpi-backlog-end] td .cmp-value')].map(c => c.textContent)",
                vec![],
            )
            .await?;
        let second = cells[1].as_str().and_then(whole);
        Ok((second == Some(expected_base.backlog_end.round()), cells.to_string()))
    })
    .await?;
    // Back to the page's own baseline: the pinned one stays pinned, first.
    choose(&page, "baseline-choice", "own").await?;
    wait_until("the default as the baseline again", || async {
        let q = super::query_of(&page).await?;
        Ok((
            !q.contains("base=") && q.contains("cmp1=60000") && q.contains("cmp2=77000"),
            q,
        ))
    })
    .await?;
    assert_clean(&mut page).await?;
    page.close().await?;
    // The scenario on screen equal to a pinned one is one column, not two,
    // under the pinned one's title.
    let mut page = harness
        .page("?intake=77000&cmp1=60000&cmp2=77000&cmp2_title=Hoog")
        .await?;
    wait_until("one column for the scenario and its pin", || async {
        let n = page
            .client()
            .execute(
                "return document.querySelectorAll('[data-testid=cmp-kpi-backlog-end] td').length",
                vec![],
            )
            .await?;
        Ok((n == json!(3), n.to_string()))
    })
    .await?;
    let head = page
        .client()
        .execute(
            "return [...document.querySelectorAll('.comparison-table thead th')].map(t => t.textContent)",
            vec![],
        )
        .await?;
    assert_eq!(head[1], json!("Hoog"), "{head}");
    assert_clean(&mut page).await?;
    page.close().await
}

/// Chooses `value` in the select `id`, as a reader does.
pub(super) async fn choose(page: &Page, id: &str, value: &str) -> Result<()> {
    page.client()
        .execute(
            "const s = document.querySelector(arguments[0]); s.value = arguments[1]; s.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![json!(testid(id)), json!(value)],
        )
        .await?;
    Ok(())
}

pub async fn a_link_with_pinned_scenarios_names_each_on_screen(harness: &Harness) -> Result<()> {
    let mut page = harness
        .page("?intake=60000&title=Briefing+DG&note=Met+meer+personeel&base=77000***6&cmp1=*600&cmp1_title=Meer+fte")
        .await?;
    let baseline = page.text(&testid("baseline-name")).await?;
    assert!(
        baseline.starts_with("basislijn: Instroom 77.000") && baseline.contains("Beslistermijn"),
        "{baseline}"
    );
    let changed = page.text(&testid("changed-levers")).await?;
    assert!(
        changed.contains("Instroom 60.000") && changed.contains("Beslistermijn"),
        "{changed}"
    );
    assert_eq!(page.text(&testid("pinned-name-1")).await?, "Meer fte");
    let title = page
        .client()
        .execute("return document.title", vec![])
        .await?;
    assert_eq!(title, json!("Briefing DG · Doorstroom"));
    let shown = page
        .client()
        .find(Locator::Css(&testid("scenario-note")))
        .await?
        .prop("value")
        .await?;
    assert_eq!(shown.as_deref(), Some("Met meer personeel"));
    // In English, the same names in English words.
    page.client()
        .find(Locator::Css(&testid("lang-switch")))
        .await?
        .click()
        .await?;
    wait_until("the baseline named in English", || async {
        let b = page.text(&testid("baseline-name")).await?;
        Ok((b.starts_with("baseline: Intake 77,000"), b))
    })
    .await?;
    assert_clean(&mut page).await?;
    page.close().await
}

/// Every visible text on screen smaller than 18 px, as "size: text".
pub(super) const SMALL_TEXT: &str = "
    const small = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        const text = node.textContent.trim();
        const el = node.parentElement;
        if (!text || !el || el.closest('.visually-hidden, noscript, option')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || r.bottom < 0 || r.top > innerHeight) continue;
        if (getComputedStyle(el).visibility === 'hidden') continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < 18) small.push(size + ': ' + text.slice(0, 40));
    }
    for (const input of document.querySelectorAll('input, select')) {
        const r = input.getBoundingClientRect();
        if (r.width === 0 || input.type === 'range' || input.closest('[hidden]')) continue;
        const size = parseFloat(getComputedStyle(input).fontSize);
        if (size < 18) small.push(size + ': <' + input.tagName + '>');
    }
    return small;";

/// Records, on every frame until stopped, whether each presented chart's
/// canvas holds a drawing (any pixel that is not paper).
const WATCH_FRAMES: &str = "
    window.__frames = [];
    window.__watch = true;
    const look = () => {
        const canvases = [...document.querySelectorAll('figure.chart.presented .chart-box canvas')];
        window.__frames.push(canvases.length === 2 && canvases.every(c => {
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            for (let i = 0; i < d.length; i += 16) if (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250) return true;
            return false;
        }));
        if (window.__watch) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);";

pub async fn presentation_mode_reads_from_the_back_and_steps_through_a_deck(
    harness: &Harness,
) -> Result<()> {
    let mut page = harness
        .page("?intake=60000&title=Nu&base=77000&base_title=Hoog&cmp1=49000&cmp1_title=Laag")
        .await?;
    // A projector's 1280×720, which full screen leaves as it is.
    page.devtools(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 1280, "height": 720, "deviceScaleFactor": 1, "mobile": false }),
    )
    .await?;
    press(&page, "f").await?;
    wait_until("presentation mode", || async {
        let on = page
            .client()
            .execute(
                "return document.documentElement.classList.contains('presenting')",
                vec![],
            )
            .await?;
        Ok((on == json!(true), on.to_string()))
    })
    .await?;
    // Let the charts redraw in their large theme.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let small = page.client().execute(SMALL_TEXT, vec![]).await?;
    assert_eq!(small, json!([]), "text under 18 px in presentation mode");
    // Only the deck, the figures, two charts and the levers are on screen:
    // the panels for reading at a desk are not, and nothing is wider than
    // the screen.
    let shown = page
        .client()
        .execute(
            "return [...document.querySelectorAll('.record, .track-record, .uncertainty, .glossary, .comparison, .presets, .from-now')]
                 .filter(e => e.offsetParent !== null).map(e => e.className)",
            vec![],
        )
        .await?;
    assert_eq!(shown, json!([]), "desk panels shown in presentation mode");
    let wide = page
        .client()
        .execute(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth",
            vec![],
        )
        .await?;
    assert_eq!(
        wide,
        json!(false),
        "the presentation is wider than the screen"
    );
    let presented = page
        .client()
        .execute("return [...document.querySelectorAll('figure.chart.presented')].map(f => f.dataset.chart)", vec![])
        .await?;
    assert_eq!(presented, json!(["backlog", "costs"]));
    // The deck: baseline, compared, then the scenario on screen, opened
    // at its first slide. The step is read as "Scenario 1 / 3" (the word
    // for screen readers).
    wait_until("the first slide", || async {
        let s = page.text(&testid("deck-step")).await?;
        Ok((s.ends_with("1 / 3"), s))
    })
    .await?;
    assert_eq!(page.text(&testid("deck-title")).await?, "Hoog");
    page.client().execute(WATCH_FRAMES, vec![]).await?;
    for (key, step, title, intake) in [
        (Key::PageDown, "2 / 3", "Laag", "49.000"),
        (Key::Right, "3 / 3", "Nu", "60.000"),
        (Key::PageUp, "2 / 3", "Laag", "49.000"),
    ] {
        press(&page, &char::from(key).to_string()).await?;
        wait_until(&format!("step {step}"), || async {
            let s = page.text(&testid("deck-step")).await?;
            Ok((s.ends_with(step), s))
        })
        .await?;
        assert_eq!(page.text(&testid("deck-title")).await?, title);
        let field = page
            .client()
            .find(Locator::Css(&testid("input-intake")))
            .await?
            .prop("value")
            .await?;
        assert_eq!(field.as_deref(), Some(intake));
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let frames = page
        .client()
        .execute("window.__watch = false; return window.__frames", vec![])
        .await?;
    let frames = frames.as_array().cloned().unwrap_or_default();
    assert!(frames.len() > 10, "{} frames seen", frames.len());
    assert!(
        frames.iter().all(|f| *f == Value::Bool(true)),
        "a frame without charts: {frames:?}"
    );
    // The presenter picks the charts.
    page.client()
        .execute(
            "const s = document.querySelector(arguments[0]); s.value = 'waiting'; s.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![json!(testid("present-chart-1"))],
        )
        .await?;
    wait_until("the waiting chart presented", || async {
        let p = page
            .client()
            .execute("return [...document.querySelectorAll('figure.chart.presented')].map(f => f.dataset.chart).sort()", vec![])
            .await?;
        Ok((p == json!(["backlog", "waiting"]), p.to_string()))
    })
    .await?;
    press(&page, &char::from(Key::Escape).to_string()).await?;
    wait_until("presentation mode left", || async {
        let on = page
            .client()
            .execute("return document.documentElement.classList.contains('presenting') || !!document.fullscreenElement", vec![])
            .await?;
        Ok((on == json!(false), on.to_string()))
    })
    .await?;
    assert_clean(&mut page).await?;
    page.close().await
}

/// Controls whose text does not fit: an overflowing box, or a select whose
/// chosen option is wider than the select leaves for it.
pub(super) const CUT_OFF: &str = "
    const cut = [];
    const ctx = document.createElement('canvas').getContext('2d');
    for (const el of document.querySelectorAll('button, select, label, .preset, a, .kpi-value, .lever-label')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || el.closest('[hidden], .visually-hidden')) continue;
        if (el.scrollWidth > el.clientWidth + 1) cut.push(el.tagName + ' ' + el.textContent.trim().slice(0, 50) + ' ' + el.scrollWidth + '>' + el.clientWidth);
        if (el.tagName === 'SELECT') {
            const s = getComputedStyle(el);
            ctx.font = s.font;
            const text = el.options[el.selectedIndex]?.text ?? '';
            const room = el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - 20;
            if (ctx.measureText(text).width > room) cut.push('SELECT ' + text + ' ' + ctx.measureText(text).width + '>' + room);
        }
    }
    return cut;";

pub async fn the_page_fits_a_projector_and_no_control_is_cut_off(harness: &Harness) -> Result<()> {
    let mut page = harness.page("?term=15&lang=nl").await?;
    for width in [800, 1280, 1920, 2560] {
        viewport(&page, width, 720).await?;
        tokio::time::sleep(Duration::from_millis(200)).await;
        let cut = page.client().execute(CUT_OFF, vec![]).await?;
        assert_eq!(cut, json!([]), "cut off at {width} px");
    }
    viewport(&page, 1280, 720).await?;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let bottoms = page
        .client()
        .execute(
            "return [document.querySelector('.kpis').getBoundingClientRect().bottom,
                     document.querySelector('figure.chart').getBoundingClientRect().bottom]",
            vec![],
        )
        .await?;
    let (kpis, chart) = (
        bottoms[0].as_f64().unwrap_or(f64::MAX),
        bottoms[1].as_f64().unwrap_or(f64::MAX),
    );
    assert!(kpis <= 720.0, "the headline figures end at {kpis}");
    assert!(chart <= 720.0, "the first chart ends at {chart}");
    assert_clean(&mut page).await?;
    page.close().await
}

fn dist() -> PathBuf {
    std::env::var_os("DOORSTROOM_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../dist"))
}

/// Whether the page's charts are drawn: every canvas holds a drawing.
const CHARTS_DRAWN: &str = "
    const canvases = [...document.querySelectorAll('figure.chart .chart-box canvas')];
    return canvases.length === 4 && canvases.every(c => {
        if (c.width < 10) return false;
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let ink = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] < 200) ink++;
        return ink > 500;
    });";

async fn assert_charts_and_figures(page: &Page, query: &str) -> Result<()> {
    wait_until("the charts drawn", || async {
        let drawn = page.client().execute(CHARTS_DRAWN, vec![]).await?;
        Ok((drawn == json!(true), drawn.to_string()))
    })
    .await?;
    let expected = Scenario::from_query(query).0.run().summary();
    let end = whole(&page.text(&testid("kpi-backlog-end")).await?);
    assert_eq!(end, Some(expected.backlog_end.round()));
    Ok(())
}

pub async fn after_one_visit_the_page_works_with_the_server_gone(harness: &Harness) -> Result<()> {
    // A server of its own, to stop.
    let server = StaticServer::start(dist().canonicalize()?)?;
    works_offline_after_one_visit(harness, server).await
}

/// A copy of `from` in `to`, folders and all.
fn copy_folder(from: &std::path::Path, to: &std::path::Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_folder(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// On a host that does not serve `_headers` (Cloudflare Pages answers it
/// with 404; so does this server, on a copy of `dist/` without it), the
/// service worker installs and the page works with the server gone: the
/// worker caches only the page's own files.
pub async fn the_worker_installs_on_a_host_that_serves_no_headers_file(
    harness: &Harness,
) -> Result<()> {
    let copy = std::env::temp_dir().join(format!("doorstroom-no-headers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&copy);
    copy_folder(&dist().canonicalize()?, &copy)?;
    std::fs::remove_file(copy.join("_headers"))?;
    let server = harness.serve_like_dist(&copy)?;
    let missing = reqwest_status(&format!("{}/_headers", server.origin())).await?;
    assert_eq!(missing, 404, "the host serves no _headers");
    let result = works_offline_after_one_visit(harness, server).await;
    let _ = std::fs::remove_dir_all(&copy);
    result
}

/// The status of a GET of `url`, as a plain HTTP client sees it.
async fn reqwest_status(url: &str) -> Result<u16> {
    use std::io::{Read, Write};
    let url = url::Url::parse(url)?;
    let host = url.host_str().ok_or("a host")?.to_owned();
    let port = url.port().ok_or("a port")?;
    let path = url.path().to_owned();
    let status = tokio::task::spawn_blocking(move || -> std::io::Result<u16> {
        let mut stream = std::net::TcpStream::connect((host.as_str(), port))?;
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n"
        )?;
        let mut answer = String::new();
        stream.read_to_string(&mut answer)?;
        Ok(answer
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0))
    })
    .await??;
    Ok(status)
}

/// Visits the page once on `server`, waits for the service worker to take
/// control, stops the server and opens another scenario: it must draw.
async fn works_offline_after_one_visit(harness: &Harness, server: StaticServer) -> Result<()> {
    let url = format!("{}/?intake=60000", server.origin());
    let mut page = harness.page_at(&url).await?;
    let release = page.text(&testid("release")).await?;
    assert!(
        release.starts_with(env!("CARGO_PKG_VERSION").split('.').next().unwrap_or("0")),
        "{release}"
    );
    wait_until("the service worker in control", || async {
        let c = page
            .client()
            .execute("return !!navigator.serviceWorker.controller", vec![])
            .await;
        let c = match c {
            Ok(c) => c,
            Err(_) => json!(false),
        };
        if c != json!(true) {
            // The worker takes control of the page on its first visit
            // (clients.claim); a reload makes sure.
            let _ = page.client().refresh().await;
        }
        Ok((c == json!(true), c.to_string()))
    })
    .await?;
    drop(server);
    page.client().goto(&format!("{url}&fte=600")).await?;
    wait_until("the page again", || async {
        let h = page.client().find(Locator::Css("h1")).await.is_ok();
        Ok((h, String::new()))
    })
    .await?;
    assert_charts_and_figures(&page, "intake=60000&fte=600").await?;
    let _ = page.console_errors().await?;
    page.close().await
}

pub async fn the_single_file_opens_from_disk_and_draws_its_charts(harness: &Harness) -> Result<()> {
    let file = dist().join("doorstroom.html").canonicalize().map_err(|e| {
        format!("dist/doorstroom.html: {e}; build it with `cargo xtask dist --single-file`")
    })?;
    let mut page = harness
        .page_at(&format!("file://{}?intake=60000", file.display()))
        .await?;
    assert_charts_and_figures(&page, "intake=60000").await?;
    assert_eq!(page.console_errors().await?, Vec::<String>::new());
    let _ = PATIENCE;
    page.close().await
}
