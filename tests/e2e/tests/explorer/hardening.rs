//! End-to-end tests of the page's defences: its Content-Security-Policy
//! and integrity checks, links that try to break the layout or sneak in
//! HTML, a long session's memory, and random scenarios from the model's own
//! generator, each against the model's figures.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use doorstroom_e2e::{Harness, Page, Result};
use doorstroom_model::{Measure, Scenario, Stream, levers, scenario_at};
use fantoccini::Locator;
use fantoccini::wd::TimeoutConfiguration;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use serde_json::{Value, json};

use super::{Locale, assert_clean, assert_figures, drag, testid, wait_for_value, wait_until};

/// Run by the browser before any script of the page's: records every CSP
/// violation, and keeps the wasm's memory when the page's loader reports
/// the started app (its event, `doorstroom-started` from `xtask/src/page.rs`,
/// carries the wasm's exports).
const WATCH: &str = "
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
        window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
    addEventListener('doorstroom-started', (e) => { window.__memory = e.detail.wasm.memory; });
";

async fn violations(page: &Page) -> Result<Vec<String>> {
    let seen = page
        .client()
        .execute("return window.__violations", vec![])
        .await?;
    Ok(serde_json::from_value(seen)?)
}

async fn script(page: &Page, js: &str) -> Result<Value> {
    Ok(page.client().execute(js, vec![]).await?)
}

pub async fn under_its_csp_the_page_loads_and_works_without_a_violation(
    harness: &Harness,
) -> Result<()> {
    let mut page = harness
        .page_with_init_script("?intake=77000", WATCH)
        .await?;
    // The policy is in the page and in the headers, which add what only a
    // header can say.
    let meta = script(
        &page,
        "return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content",
    )
    .await?;
    let meta = meta.as_str().unwrap_or_default().to_owned();
    for directive in ["default-src 'self'", "'wasm-unsafe-eval'", "'sha256-"] {
        assert!(meta.contains(directive), "{directive} in {meta}");
    }
    assert!(
        !meta.contains("unsafe-inline") && !meta.contains("'unsafe-eval'"),
        "{meta}"
    );
    let headers = page
        .client()
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch(location.href).then(r => done([
               r.headers.get('content-security-policy'),
               r.headers.get('x-content-type-options'),
               r.headers.get('referrer-policy')]));",
            vec![],
        )
        .await?;
    let header_policy = headers[0].as_str().unwrap_or_default();
    assert!(
        header_policy.contains("frame-ancestors 'none'"),
        "{headers}"
    );
    assert!(
        header_policy.starts_with(&meta),
        "{header_policy} against {meta}"
    );
    assert_eq!(headers[1], json!("nosniff"));
    assert_eq!(headers[2], json!("no-referrer"));

    // The page at work: a drag, the English switch, a table, the downloads.
    drag(&page, "lever-fte", &[600.0, 650.0]).await?;
    wait_for_value(&page, "input-fte", "650").await?;
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
    page.client()
        .find(Locator::Css("[data-chart=backlog] .chart-actions button"))
        .await?
        .click()
        .await?;
    script(&page, "HTMLAnchorElement.prototype.click = function () {};").await?;
    page.client()
        .find(Locator::Css(&testid("download-csv")))
        .await?
        .click()
        .await?;
    page.client()
        .find(Locator::Css(
            "[data-chart=costs] .chart-actions button:nth-child(2)",
        ))
        .await?
        .click()
        .await?;
    assert_eq!(violations(&page).await?, Vec::<String>::new());
    assert_clean(&mut page).await?;

    // And the policy holds: an inline script someone manages to put in the
    // page does not run, and the listener above sees the refusal.
    script(
        &page,
        "const s = document.createElement('script');
         try { s.append('window.__ran = true'); } catch (_) {}
         document.head.append(s);",
    )
    .await?;
    wait_until("the refused script to be reported", || async {
        let seen = violations(&page).await?;
        Ok((!seen.is_empty(), format!("{seen:?}")))
    })
    .await?;
    assert_eq!(
        script(&page, "return window.__ran === undefined").await?,
        json!(true)
    );
    page.close().await
}

/// A copy of `dist/` in a fresh folder, for changing one file.
fn copy_of_dist(name: &str) -> Result<PathBuf> {
    let dist = std::env::var_os("DOORSTROOM_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dist"));
    let copy = std::env::temp_dir().join(format!("doorstroom-{name}-{}", std::process::id()));
    if copy.exists() {
        fs::remove_dir_all(&copy)?;
    }
    copy_dir(&dist, &copy)?;
    Ok(copy)
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// The one file of the app itself in `folder` whose name ends in `suffix`
/// (the build names the app's files `doorstroom-<hash>…`; the bands
/// worker's script beside them is not the page's loader).
fn file_ending(folder: &Path, suffix: &str) -> Result<PathBuf> {
    let mut found = fs::read_dir(folder)?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            name.is_some_and(|n| n.starts_with("doorstroom-") && n.ends_with(suffix))
        });
    match (found.next(), found.next()) {
        (Some(file), None) => Ok(file),
        _ => Err(format!("not one *{suffix} in {}", folder.display()).into()),
    }
}

/// The page from `folder` must not mount, and must say on the console that
/// a file failed its integrity check.
async fn assert_refused(harness: &Harness, folder: &Path, what: &str) -> Result<()> {
    let server = harness.serve_like_dist(folder)?;
    let mut page = harness.open(&format!("{}/", server.origin())).await?;
    // Long enough for the page to have mounted, were the file let in.
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    let mounted = page
        .client()
        .find_all(Locator::Css("body > .page > header h1"))
        .await?;
    assert!(mounted.is_empty(), "the app mounted with a changed {what}");
    let errors = page.console_errors().await?;
    assert!(
        errors.iter().any(|e| e.contains("integrity")),
        "a changed {what} is refused for its integrity: {errors:?}"
    );
    page.close().await
}

pub async fn a_changed_wasm_or_js_is_refused(harness: &Harness) -> Result<()> {
    // A byte of text in the wasm's data changed: the module stays valid and
    // would run, showing the changed text, were it not checked.
    let folder = copy_of_dist("changed-wasm")?;
    let wasm = file_ending(&folder, "_bg.wasm")?;
    let mut bytes = fs::read(&wasm)?;
    let at = bytes
        .windows(b"Doorstroom".len())
        .position(|w| w == b"Doorstroom")
        .ok_or("the wasm holds the page's name")?;
    bytes[at] = b'd';
    fs::write(&wasm, bytes)?;
    assert_refused(harness, &folder, "wasm").await?;
    fs::remove_dir_all(&folder)?;

    // A line added to the JS loader, which would run just as well.
    let folder = copy_of_dist("changed-js")?;
    let js = file_ending(&folder, ".js")?;
    let mut text = fs::read_to_string(&js)?;
    text.push_str("\nconsole.log('changed');\n");
    fs::write(&js, text)?;
    assert_refused(harness, &folder, "JS").await?;
    fs::remove_dir_all(&folder)?;
    Ok(())
}

/// The page is no wider than the window, and the first headline figure
/// lies wholly on the first screen.
async fn assert_first_screen(page: &Page) -> Result<()> {
    let layout = script(
        page,
        "window.scrollTo(0, 0);
         const figure = document.querySelector('.kpis .kpi-value').getBoundingClientRect();
         return [document.documentElement.scrollWidth, document.documentElement.clientWidth,
                 figure.top, figure.bottom, window.innerHeight];",
    )
    .await?;
    let n = |i: usize| layout[i].as_f64().unwrap_or(f64::NAN);
    assert!(
        n(0) <= n(1),
        "page {} px wide in a window of {} px",
        n(0),
        n(1)
    );
    assert!(
        n(2) >= 0.0 && n(3) <= n(4),
        "the first figure at {}..{} px in a screen of {} px",
        n(2),
        n(3),
        n(4)
    );
    Ok(())
}

pub async fn a_5000_digit_value_keeps_the_page_in_the_window(harness: &Harness) -> Result<()> {
    // As a value out of range, as a value that cannot be read, as a key.
    let digits = "7".repeat(5_000);
    let mut page = harness
        .page(&format!("?intake={digits}&fte={digits}x&{digits}=1"))
        .await?;
    let notice = page.text(&testid("notice")).await?;
    assert_eq!(notice.matches("7777…").count(), 2, "quoted short: {notice}");
    assert!(
        notice.chars().count() < 600,
        "{} characters",
        notice.chars().count()
    );
    assert_first_screen(&page).await?;
    assert_clean(&mut page).await?;
    page.close().await
}

pub async fn a_thousand_bad_parameters_keep_the_figures_on_the_first_screen(
    harness: &Harness,
) -> Result<()> {
    let bad: Vec<String> = (0..1_000).map(|i| format!("bad{i}=%zz")).collect();
    let mut page = harness.page(&format!("?{}", bad.join("&"))).await?;
    let items = page
        .client()
        .find_all(Locator::Css(&format!("{} li", testid("notice"))))
        .await?;
    assert!(items.len() <= 5, "{} items listed", items.len());
    let notice = page.text(&testid("notice")).await?;
    assert!(
        notice.contains("en nog 995"),
        "the rest are counted: {notice}"
    );
    assert_first_screen(&page).await?;
    assert_clean(&mut page).await?;
    page.close().await
}

pub async fn html_in_a_link_is_shown_as_text(harness: &Harness) -> Result<()> {
    let mut page = harness
        .page_with_init_script("?intake=%3Cimg%20src=x%3E&%3Cb%3Ex%3C/b%3E=1", WATCH)
        .await?;
    let notice = page.text(&testid("notice")).await?;
    assert!(notice.contains("<img src=x>"), "{notice}");
    assert!(notice.contains("<b>x</b>"), "{notice}");
    let elements = script(
        &page,
        "return document.querySelectorAll('[data-testid=notice] img, [data-testid=notice] b').length",
    )
    .await?;
    assert_eq!(elements, json!(0));
    assert_eq!(violations(&page).await?, Vec::<String>::new());
    assert_clean(&mut page).await?;
    page.close().await
}

/// Bytes of one run's columns (every measure, per stream and in total):
/// what a leak of every run would add per recompute, at the least.
fn bytes_per_run() -> f64 {
    let run = Scenario::default().run();
    let columns = Measure::ALL.len() * (Stream::ALL.len() + 1);
    (columns * run.weeks() * std::mem::size_of::<f64>()) as f64
}

/// The rounds of recomputes watched after the warm-up.
const ROUNDS: u32 = 1_000;

pub async fn a_thousand_recomputes_keep_the_wasm_memory_bounded(harness: &Harness) -> Result<()> {
    /// What the memory may grow by: room for the allocator's own
    /// bookkeeping (16 pages of 64 KiB), far less than a leak of even one
    /// run in a hundred. The bound, not the count of rounds, is what the
    /// test proves: a wasm memory only grows, so a leak of one run in a
    /// hundred over `ROUNDS` rounds would pass it by more than twice. (It
    /// ran 10,000 rounds with an 8 MiB bound before, seven minutes on a
    /// 2-core machine, and the memory never grew by a byte.)
    const BOUND: f64 = 1024.0 * 1024.0;
    let leak = f64::from(ROUNDS) * bytes_per_run();
    assert!(
        2.0 * BOUND < leak / 100.0,
        "the bound {BOUND} would miss a leak of {leak}"
    );

    let mut page = harness.page_with_init_script("", WATCH).await?;
    // The rounds run in one script, longer than WebDriver's usual 30 s.
    page.client()
        .update_timeouts(TimeoutConfiguration::new(
            Some(Duration::from_secs(900)),
            Some(Duration::from_secs(300)),
            Some(Duration::ZERO),
        ))
        .await?;
    // Each round moves the intake slider and lets go, then waits for the
    // headline figure to change: one recompute shown per round. A round
    // yields to the browser through a message, not a timer, which the
    // browser would slow down.
    let rounds = "
        const [rounds, done] = [arguments[0], arguments[arguments.length - 1]];
        const slider = document.querySelector('[data-testid=lever-intake]');
        const figure = document.querySelector('[data-testid=kpi-backlog-end]');
        const channel = new MessageChannel();
        const tick = () => new Promise((resolve) => {
            channel.port1.onmessage = resolve;
            channel.port2.postMessage(null);
        });
        (async () => {
            let changed = 0;
            for (let i = 0; i < rounds; i++) {
                const before = figure.textContent;
                slider.value = String(i % 2 === 0 ? 50000 : 90000);
                slider.dispatchEvent(new Event('input', { bubbles: true }));
                slider.dispatchEvent(new Event('change', { bubbles: true }));
                for (let wait = 0; wait < 1000 && figure.textContent === before; wait++) {
                    await tick();
                }
                if (figure.textContent !== before) changed++;
            }
            done([changed, window.__memory.buffer.byteLength]);
        })();";
    // Warm up first: the first runs grow the memory to its working size.
    let warm = page
        .client()
        .execute_async(rounds, vec![json!(200)])
        .await?;
    let before = warm[1].as_f64().ok_or("the wasm memory's size")?;
    let started = Instant::now();
    let after = page
        .client()
        .execute_async(rounds, vec![json!(ROUNDS)])
        .await?;
    let changed = after[0].as_u64().unwrap_or_default();
    let after = after[1].as_f64().ok_or("the wasm memory's size")?;
    println!(
        "{ROUNDS} recomputes in {:.1} s: wasm memory {before} -> {after} bytes",
        started.elapsed().as_secs_f64()
    );
    assert_eq!(changed, u64::from(ROUNDS), "every round recomputed");
    assert!(
        after - before <= BOUND,
        "the wasm memory grew from {before} to {after} bytes"
    );
    assert_clean(&mut page).await?;
    page.close().await
}

pub async fn a_hundred_random_scenarios_show_the_models_figures(harness: &Harness) -> Result<()> {
    // The model's own generator of arbitrary scenarios, as its property
    // tests use it, from a fixed seed so that a failure can be repeated.
    let picks = proptest::collection::vec((0..levers().len(), 0.0..=1.0f64), 0..16);
    let mut runner = TestRunner::deterministic();
    let scenarios: Vec<Scenario> = (0..100)
        .map(|_| {
            let tree = picks.new_tree(&mut runner).expect("a value");
            scenario_at(tree.current())
        })
        .collect();
    // One browser for all: each link is a new document all the same.
    let mut page = harness.page("").await?;
    for scenario in &scenarios {
        let query = scenario.to_query();
        let _named = NamedOnFailure(&query);
        let (read, warnings) = Scenario::from_query(&query);
        assert!(warnings.is_empty(), "{query}: {warnings:?}");
        assert_eq!(&read, scenario, "{query}");
        page.goto_app(&harness.app_url(&format!("?{query}")))
            .await?;
        assert_figures(&page, &scenario.run().summary(), Locale::Nl).await?;
        assert!(
            page.client()
                .find_all(Locator::Css(&testid("notice")))
                .await?
                .is_empty(),
            "?{query} shows a notice"
        );
    }
    assert_clean(&mut page).await?;
    page.close().await
}

/// Names the link being checked when a check fails (panics) while it lives.
struct NamedOnFailure<'a>(&'a str);

impl Drop for NamedOnFailure<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("while checking the link ?{}", self.0);
        }
    }
}

/// An arrow key held on a slider for three seconds (the keyboard repeats
/// it every 33 ms) is one entry of the browser's history, as the README
/// promises, and one undo step: Ctrl+Z goes back to before the key.
pub async fn a_key_held_for_three_seconds_is_one_history_entry_and_one_undo(
    harness: &Harness,
) -> Result<()> {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    use fantoccini::key::Key;
    let mut page = harness.page("?baa=1000").await?;
    let before = script(&page, "return history.length").await?;
    script(
        &page,
        "document.querySelector('[data-testid=\"lever-baa\"]').focus()",
    )
    .await?;
    let right = char::from(Key::Right);
    let mut held = KeyActions::new("keyboard".to_owned());
    for _ in 0..90 {
        held = held
            .then(KeyAction::Down { value: right })
            .then(KeyAction::Up { value: right })
            .pause(Duration::from_millis(33));
    }
    page.client().perform_actions(held).await?;
    // 90 steps of 500 from 1,000: 46,000, the lever's maximum is 40,000.
    wait_for_value(&page, "input-baa", "40.000").await?;
    wait_until("the address", || async {
        let q = page.client().current_url().await?.to_string();
        Ok((q.contains("baa=40000"), q))
    })
    .await?;
    let after = script(&page, "return history.length").await?;
    assert_eq!(
        after.as_u64(),
        before.as_u64().map(|b| b + 1),
        "one new history entry for the held key"
    );
    let ctrl = char::from(Key::Control);
    let undo = KeyActions::new("keyboard".to_owned())
        .then(KeyAction::Down { value: ctrl })
        .then(KeyAction::Down { value: 'z' })
        .then(KeyAction::Up { value: 'z' })
        .then(KeyAction::Up { value: ctrl });
    script(&page, "document.activeElement.blur()").await?;
    page.client().perform_actions(undo).await?;
    wait_for_value(&page, "input-baa", "1.000").await?;
    assert_clean(&mut page).await?;
    page.close().await
}

/// A value typed that cannot be read: the note says which value is used,
/// and the slider keeps its width beside the field.
pub async fn a_refused_typed_value_says_what_is_used_and_the_slider_keeps_its_width(
    harness: &Harness,
) -> Result<()> {
    // The letter's world, whose intake default is 70,000.
    let mut page = harness.page("?v=1").await?;
    let width = "return document.querySelector('[data-testid=\"lever-intake\"]')
                    .getBoundingClientRect().width";
    let wide = script(&page, width).await?.as_f64().unwrap_or(0.0);
    let field = page
        .client()
        .find(Locator::Css(&testid("input-intake")))
        .await?;
    field.click().await?;
    field.send_keys("abc\u{E007}").await?;
    let note = wait_until("the note", || async {
        let n = page.text(&testid("note-intake")).await.unwrap_or_default();
        Ok((n.contains("abc"), n))
    })
    .await;
    note?;
    let note = page.text(&testid("note-intake")).await?;
    assert_eq!(note, "‘abc’ is onleesbaar; 70.000 gebruikt", "{note}");
    let narrow = script(&page, width).await?.as_f64().unwrap_or(0.0);
    assert!(
        narrow >= wide - 1.0 && narrow > 100.0,
        "the slider was {wide} px wide, then {narrow} px"
    );
    assert_clean(&mut page).await?;
    page.close().await
}

/// Dates out of order and the longest titles in scripts that cost the
/// most in a link, on the page: the end is repaired and said, the address
/// holds the repaired pair; every title and the note are cut to their link
/// budget and the notice says so; the link the page makes (the handout's,
/// with its QR code) stays under 2,000 characters.
pub async fn dates_out_of_order_and_the_longest_non_ascii_titles_are_repaired_on_the_page(
    harness: &Harness,
) -> Result<()> {
    let mut page = harness.page("?from=2030-12-31&until=2026-01-01").await?;
    let notice = page.text(&testid("notice")).await?;
    assert!(
        notice.contains("2026-01-01") && notice.contains("vóór ‘Uw keuzes vanaf’"),
        "{notice}"
    );
    let query = super::query_of(&page).await?;
    assert!(
        query.contains("from=2030-12-31") && !query.contains("until=2026-01-01"),
        "the repaired end in the address: {query}"
    );
    assert_clean(&mut page).await?;
    page.close().await?;

    let emoji = "%F0%9F%98%80".repeat(200);
    let chinese = "%E4%B8%AD".repeat(300);
    let family = "%F0%9F%91%A9%E2%80%8D%F0%9F%91%A9%E2%80%8D%F0%9F%91%A7".repeat(60);
    let query = format!(
        "?intake=60000&title={emoji}&note={chinese}&base=77000&base_title={chinese}\
         &cmp1=49000&cmp1_title={family}&cmp2=*600&cmp2_title={emoji}"
    );
    let mut page = harness.page(&query).await?;
    let notice = page.text(&testid("notice")).await?;
    assert!(notice.contains("ingekort"), "the cuts are said: {notice}");
    wait_until("the handout's QR code", || async {
        let seen = page
            .client()
            .execute(
                "return [document.querySelector('[data-testid=handout-link]').textContent.length,
                         document.querySelectorAll('.handout-qr svg').length]",
                vec![],
            )
            .await?;
        let length = seen[0].as_u64().unwrap_or(u64::MAX);
        Ok((length < 2_000 && seen[1] == json!(1), seen.to_string()))
    })
    .await?;
    let address = page.client().current_url().await?;
    assert!(address.as_str().len() < 2_000, "{}", address.as_str().len());
    assert_clean(&mut page).await?;
    page.close().await?;

    // A right-to-left title is isolated in the page's own sentence, so it
    // cannot reorder "basislijn: …" around it.
    let page = harness
        .page("?intake=60000&base=77000&base_title=%D7%A9%D7%9C%D7%95%D7%9D+1%2C+2")
        .await?;
    let isolated = page
        .client()
        .execute(
            "const b = document.querySelector('[data-testid=baseline-name] bdi');
             return b ? [b.textContent, getComputedStyle(b).unicodeBidi] : null;",
            vec![],
        )
        .await?;
    assert_eq!(isolated, json!(["שלום 1, 2", "isolate"]), "{isolated}");
    page.close().await
}
