//! The uncertainty bands, goal-seek and the tornado in the page. Expected
//! figures are the model's own, computed here natively.

use doorstroom_e2e::{Harness, Page, Result};
use doorstroom_model::Scenario;
use doorstroom_model::uncertainty::{
    Bands, GoalLever, Outcome, Percentiles, read_query, sample, seek,
};
use fantoccini::Locator;

use super::locale::{Locale, parse_money, parse_number};
use super::{
    assert_clean, drag, field_text, query_of, testid, value_of, wait_for_value, wait_until,
};

/// Waits until the bands of what is on screen are ready, and returns the
/// link they are of.
async fn bands_ready(page: &Page) -> Result<String> {
    let status = testid("bands-status");
    wait_until("the bands", || {
        let status = status.clone();
        async move {
            let element = page.client().find(Locator::Css(&status)).await?;
            let state = element.attr("data-state").await?.unwrap_or_default();
            let of = element.attr("data-of").await?.unwrap_or_default();
            Ok((state == "ready", format!("{state} of {of}")))
        }
    })
    .await?;
    let element = page.client().find(Locator::Css(&status)).await?;
    Ok(element.attr("data-of").await?.unwrap_or_default())
}

/// "From now": today's outlook, the page's default (history as it
/// happened, the levers from the join).
const FROM_NOW: &str = "v=2";

/// The bands the page should show for `query`, computed natively.
fn bands_of(query: &str) -> Bands {
    let (scenario, settings, warnings) = read_query(query);
    assert!(warnings.is_empty(), "{query}: {warnings:?}");
    Bands::of(&sample(&scenario, &settings, 0..settings.runs))
}

/// The P10 and P90 of a money figure as its card shows them.
async fn money_range(page: &Page, kpi: &str) -> Result<(f64, f64)> {
    let text = page.text(&testid(&format!("range-{kpi}"))).await?;
    let body = text
        .strip_prefix("P10–P90:")
        .ok_or(format!("{kpi}: {text:?}"))?;
    let (low, high) = body.split_once(" – ").ok_or(format!("{kpi}: {text:?}"))?;
    let read =
        |t: &str| parse_money(t.trim(), Locale::Nl).ok_or(format!("{kpi}: cannot read {t:?}"));
    Ok((read(low)?, read(high)?))
}

/// The shown P10 and P90 agree with the model's, at the tenth of a million
/// the card shows.
fn assert_close(shown: (f64, f64), expected: Percentiles, what: &str) {
    for (s, e) in [(shown.0, expected.p10), (shown.1, expected.p90)] {
        let tolerance = if e >= 1e9 { 0.05e9 } else { 0.05e6 } + 1.0;
        assert!(
            (s - e).abs() <= tolerance,
            "{what}: {shown:?} against {expected:?}"
        );
    }
}

pub async fn the_bands_appear_and_their_seed_reproduces_them(harness: &Harness) -> Result<()> {
    // The letter's world, which has the letter's cost-through-2024 card.
    let query = "?v=1&bands=on&runs=200&seed=7";
    let mut page = harness.page(query).await?;
    let of = bands_ready(&page).await?;
    assert_eq!(
        of, "v=1&bands=on&runs=200&seed=7",
        "the bands are of the link"
    );
    let expected = bands_of(query);
    for (kpi, key) in [
        ("kpi-cost-total", "cost_total_eur"),
        ("kpi-cost-2024", "cost_through_2024_eur"),
    ] {
        let shown = money_range(&page, kpi).await?;
        let p = expected.figure(key).ok_or(key)?.percentiles;
        assert_close(shown, p, kpi);
    }
    let backlog = page.text(&testid("range-kpi-backlog-end")).await?;
    let histogram = page
        .client()
        .find(Locator::Css(&testid("bands-histogram")))
        .await?;
    assert_eq!(histogram.css_value("display").await?, "block");
    assert!(query_of(&page).await?.contains("seed=7"));
    assert_clean(&mut page).await?;
    page.close().await?;

    // A fresh browser on the same link shows the same bands.
    let mut again = harness.page(query).await?;
    bands_ready(&again).await?;
    assert_eq!(again.text(&testid("range-kpi-backlog-end")).await?, backlog);
    // Another seed draws anew.
    let mut other = harness.page("?bands=on&runs=200&seed=8").await?;
    bands_ready(&other).await?;
    assert_ne!(other.text(&testid("range-kpi-backlog-end")).await?, backlog);
    assert_clean(&mut again).await?;
    assert_clean(&mut other).await?;
    again.close().await?;
    other.close().await
}

/// Sets field `id` to `text` as a reader's edit ends: its value, then a
/// change event (a date field's typing depends on the browser's locale).
async fn set_field(page: &Page, id: &str, text: &str) -> Result<()> {
    page.client()
        .execute(
            "const e = document.querySelector(arguments[0]); e.value = arguments[1]; \
             e.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![serde_json::json!(testid(id)), serde_json::json!(text)],
        )
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

/// Waits for goal-seek's answer to a new question and returns its text.
async fn seek_answer(page: &Page, before: &str) -> Result<String> {
    let answer = testid("goal-answer");
    wait_until("the goal-seek answer", || {
        let answer = answer.clone();
        async move {
            let text = match page.client().find(Locator::Css(&answer)).await {
                Ok(e) => e.text().await?,
                Err(_) => String::new(),
            };
            Ok((!text.is_empty() && text != before, text))
        }
    })
    .await?;
    page.text(&answer).await
}

/// What in `text` is a number or a date as no reader of `locale` writes
/// it: an ISO date (`2027-01-01`, `2027-01`), five or more digits without
/// grouping (`119038286`), four that are no year (`1104`), or a decimal
/// sign of the other language (`0.6` on the Dutch page).
fn raw_numbers(text: &str, locale: Locale) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let other_decimal = match locale {
        Locale::Nl => '.',
        Locale::En => ',',
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !digit(i) || (i > 0 && digit(i - 1)) {
            i += 1;
            continue;
        }
        let start = i;
        while digit(i) {
            i += 1;
        }
        let run: String = chars[start..i].iter().collect();
        let year = run.len() == 4 && (run.starts_with("19") || run.starts_with("20"));
        let glued = start > 0 && matches!(chars[start - 1], '.' | ',' | '\u{a0}' | '\u{202f}');
        if run.len() == 4 && chars.get(i) == Some(&'-') && digit(i + 1) && digit(i + 2) {
            found.push(format!("{run}-…"));
        } else if !glued && (run.len() >= 5 || (run.len() == 4 && !year)) {
            found.push(run.clone());
        }
        // A decimal sign of the other language: not followed by a group of
        // exactly three digits.
        if chars.get(i) == Some(&other_decimal) && digit(i + 1) {
            let mut j = i + 1;
            while digit(j) {
                j += 1;
            }
            if j - i - 1 != 3 {
                found.push(chars[start..j].iter().collect());
            }
        }
    }
    found
}

/// No raw number or ISO date in the text of `selector`'s elements.
async fn assert_readable(page: &Page, selector: &str, locale: Locale) -> Result<()> {
    for e in page.client().find_all(Locator::Css(selector)).await? {
        let text = e.text().await?;
        let raw = raw_numbers(&text, locale);
        if !raw.is_empty() {
            return Err(format!("{selector}: {raw:?} in {text:?}").into());
        }
    }
    Ok(())
}

pub async fn goal_seek_applies_its_answer(harness: &Harness) -> Result<()> {
    for (lang, locale, month, count) in [
        ("", Locale::Nl, "januari 2027", "1.680"),
        ("&lang=en", Locale::En, "January 2027", "1,680"),
    ] {
        // Nareis decided at its 2025 pace and staff hired quickly: the
        // card's test (every stream) can be met by track-4 staff.
        let query = "hiring_per_month=60&capacity_nareis=20000";
        let mut page = harness.page(&format!("?{query}{lang}")).await?;
        let s = Scenario::from_query(query).0;
        let expected = seek(
            &s,
            GoalLever::Fte,
            doorstroom_model::uncertainty::Goal::parse("in-term-by=2027-01-01")?,
        );
        let Outcome::Reached { value, .. } = expected.outcome else {
            return Err(format!("the model finds no answer: {:?}", expected.outcome).into());
        };
        // The goal's default in this view: back within term by January 2027.
        assert_eq!(value_of(&page, "goal-day").await?, "2027-01-01");
        click(&page, "goal-seek").await?;
        let text = seek_answer(&page, "").await?;
        let shown = page
            .client()
            .find(Locator::Css(&testid("goal-answer")))
            .await?
            .attr("data-value")
            .await?
            .unwrap_or_default();
        assert_eq!(shown, value.to_string());
        let spaced = text.replace(['\u{a0}', '\u{202f}'], " ");
        assert!(
            spaced.contains(&format!("{count} ")) && spaced.contains(month),
            "{text}"
        );
        assert!(raw_numbers(&text, locale).is_empty(), "{text}");
        click(&page, "goal-apply").await?;
        let link = value.to_string();
        let shown_fte = match doorstroom_model::lever("fte").map(|l| &l.kind) {
            Some(doorstroom_model::LeverKind::Number(n)) => n.field_text(
                value,
                if locale == Locale::En {
                    doorstroom_model::Lang::En
                } else {
                    doorstroom_model::Lang::Nl
                },
            ),
            _ => field_text("fte", &link),
        };
        wait_for_value(&page, "input-fte", &shown_fte).await?;
        assert!(query_of(&page).await?.contains(&format!("fte={link}")));
        // The card agrees: back within term, no later than the goal's month.
        let applied = expected.applied(&s).ok_or("applied")?;
        let m = applied
            .run()
            .summary()
            .back_in_term_from
            .ok_or("the model's card says never")?;
        assert!(m <= "2027-01-01".parse()?, "{m}");
        let card = page.text(&testid("kpi-back-in-term")).await?;
        assert!(!card.starts_with(locale.not_before()), "{card}");
        assert_readable(&page, ".kpi", locale).await?;
        assert_readable(&page, ".goal-panel", locale).await?;
        assert_clean(&mut page).await?;
        page.close().await?;
    }
    Ok(())
}

pub async fn goal_amounts_are_read_in_the_reader_s_notation(harness: &Harness) -> Result<()> {
    for (lang, locale, typed) in [
        (
            "",
            Locale::Nl,
            // Each answer differs from the one before it, so that the test
            // sees it arrive.
            [
                ("20.000.000", "€\u{a0}20\u{a0}mln."),
                ("400.000.000", "€\u{a0}400\u{a0}mln."),
                ("20000000,50", "€\u{a0}20\u{a0}mln."),
            ],
        ),
        (
            "?lang=en",
            Locale::En,
            [
                ("20,000,000", "€20m"),
                ("400,000,000", "€400m"),
                ("20000000,50", "€20m"),
            ],
        ),
    ] {
        let mut page = harness.page(lang).await?;
        // The default amount stands in the reader's notation.
        let default = value_of(&page, "goal-eur").await?;
        assert_eq!(
            parse_number(&default, locale),
            Some(20_000_000.0),
            "{default}"
        );
        let mut before = String::new();
        for (text, amount) in typed {
            set_field(&page, "goal-eur", text).await?;
            click(&page, "goal-kind-cost").await?;
            click(&page, "goal-seek").await?;

            let answer = seek_answer(&page, &before).await?;
            // The answer restates the goal as read: the amount and the
            // cards' cost window, from the levers' start through 2024.
            // Spaces of every width alike: WebDriver reads a no-break
            // space as a space.
            let spaced = |t: &str| t.replace(['\u{a0}', '\u{202f}'], " ");
            assert!(
                spaced(&answer).contains(&spaced(amount)),
                "{text}: {answer}"
            );
            assert!(raw_numbers(&answer, locale).is_empty(), "{text}: {answer}");
            let note = page
                .client()
                .find_all(Locator::Css(&testid("goal-note")))
                .await?;
            assert!(note.is_empty(), "{text} is read without a notice");
            before = answer;
        }
        // What is repaired or refused is said beside the fields.
        set_field(&page, "goal-eur", "-5").await?;
        click(&page, "goal-seek").await?;
        let note = page.text(&testid("goal-note")).await?;
        assert!(note.contains('0'), "{note}");
        set_field(&page, "goal-eur", "veel").await?;
        click(&page, "goal-seek").await?;
        wait_until("the unreadable notice", || {
            let page = &page;
            async move {
                let note = page.text(&testid("goal-note")).await.unwrap_or_default();
                Ok((note.contains("veel"), note))
            }
        })
        .await?;
        assert_clean(&mut page).await?;
        page.close().await?;
    }
    Ok(())
}

pub async fn goals_default_to_the_view_and_after_the_horizon_extend_it(
    harness: &Harness,
) -> Result<()> {
    let mut page = harness.page(&format!("?{FROM_NOW}")).await?;
    // In "from now" the goals are after the join.
    assert_eq!(value_of(&page, "goal-day").await?, "2031-08-01");
    assert_eq!(value_of(&page, "goal-year").await?, "2026");
    // A goal after the horizon runs on to it, and says so.
    set_field(&page, "goal-day", "2033-01-01").await?;
    click(&page, "goal-seek").await?;
    let answer = seek_answer(&page, "").await?;
    let until = page
        .client()
        .find(Locator::Css(&testid("goal-answer")))
        .await?
        .attr("data-until")
        .await?
        .unwrap_or_default();
    assert_eq!(until, "2032-12-31");
    assert!(answer.contains("31 december 2032"), "{answer}");
    assert!(raw_numbers(&answer, Locale::Nl).is_empty(), "{answer}");
    assert_clean(&mut page).await?;
    page.close().await
}

pub async fn a_drag_during_the_bands_ends_on_the_newest_value(harness: &Harness) -> Result<()> {
    let mut page = harness.page("?bands=on&runs=1000").await?;
    // The drag starts while the first bands are being computed.
    drag(&page, "lever-fte", &[560.0, 600.0, 650.0, 700.0]).await?;
    wait_for_value(&page, "input-fte", "700").await?;
    let of = bands_ready(&page).await?;
    assert_eq!(
        of, "v=2&fte=700&bands=on&runs=1000",
        "bands of the newest value"
    );
    let expected = bands_of("v=2&fte=700&bands=on&runs=1000");
    let shown = money_range(&page, "kpi-cost-total").await?;
    assert_close(
        shown,
        expected.figure("cost_total_eur").ok_or("cost")?.percentiles,
        "cost after the drag",
    );
    assert_eq!(value_of(&page, "input-fte").await?, "700");
    assert_clean(&mut page).await?;
    page.close().await
}

pub async fn the_tornado_lists_the_levers_largest_first(harness: &Harness) -> Result<()> {
    for (query, locale) in [
        // The letter's world in both languages, and today's outlook.
        ("v=1".to_owned(), Locale::Nl),
        ("v=1&lang=en".to_owned(), Locale::En),
        (FROM_NOW.to_owned(), Locale::Nl),
    ] {
        let mut page = harness.page(&format!("?{query}")).await?;
        click(&page, "tornado-run").await?;
        let rows = testid("tornado-row");
        wait_until("the tornado", || {
            let rows = rows.clone();
            let page = &page;
            async move {
                let n = page.client().find_all(Locator::Css(&rows)).await?.len();
                Ok((n > 0, format!("{n} rows")))
            }
        })
        .await?;
        let mut keys = Vec::new();
        let mut texts = Vec::new();
        for row in page.client().find_all(Locator::Css(&rows)).await? {
            keys.push(row.attr("data-key").await?.unwrap_or_default());
            texts.push(row.text().await?);
        }
        let (s, _) = Scenario::from_query(&query);
        let bars = doorstroom_model::uncertainty::tornado(&s);
        let expected: Vec<String> = bars.iter().map(|b| b.key.to_owned()).collect();
        assert_eq!(keys, expected);
        // Each row in the reader's words and units, around the scenario's
        // own value; a bar without effect says why instead of "€ 0".
        let lang = if locale == Locale::En {
            doorstroom_model::Lang::En
        } else {
            doorstroom_model::Lang::Nl
        };
        for (b, text) in bars.iter().zip(&texts) {
            let (low, high, value) = b.described(lang);
            assert!(
                text.contains(&format!("{low} → {high}")) && text.contains(&value),
                "{text}"
            );
            if b.no_effect.is_some() {
                assert!(!text.contains("€ 0") && !text.contains("€0"), "{text}");
            }
        }
        assert_readable(&page, &rows, locale).await?;
        if query == FROM_NOW {
            // The term acts from the join: it is no empty bar here.
            let term = bars.iter().find(|b| b.key == "term").ok_or("term")?;
            assert!(term.no_effect.is_none(), "{term:?}");
        }
        assert_clean(&mut page).await?;
        page.close().await?;
    }
    Ok(())
}

/// The single file (`cargo xtask dist --single-file`) in dist/.
fn single_file() -> Result<std::path::PathBuf> {
    let dist = std::env::var_os("DOORSTROOM_DIST")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../dist"));
    Ok(dist.join("doorstroom.html").canonicalize().map_err(|e| {
        format!("dist/doorstroom.html: {e}; build it with `cargo xtask dist --single-file`")
    })?)
}

pub async fn the_single_file_draws_the_bands_from_disk(harness: &Harness) -> Result<()> {
    let file = single_file()?;
    let query = "bands=on&runs=200&seed=7";
    let mut page = harness
        .page_at(&format!("file://{}?{query}", file.display()))
        .await?;
    let of = bands_ready(&page).await?;
    assert_eq!(of, format!("v=2&{query}"));
    let expected = bands_of(query);
    let shown = money_range(&page, "kpi-cost-total").await?;
    assert_close(
        shown,
        expected.figure("cost_total_eur").ok_or("cost")?.percentiles,
        "the single file's bands",
    );
    assert_eq!(page.console_errors().await?, Vec::<String>::new());
    page.close().await
}

pub async fn bands_from_now_start_at_the_join(harness: &Harness) -> Result<()> {
    for (query, first) in [
        (format!("{FROM_NOW}&bands=on&runs=100"), None),
        ("v=1&bands=on&runs=100".to_owned(), Some("2023-05-01")),
    ] {
        let mut page = harness.page(&format!("?{query}")).await?;
        bands_ready(&page).await?;
        let status = page
            .client()
            .find(Locator::Css(&testid("bands-status")))
            .await?;
        let from = status.attr("data-spread-from").await?.unwrap_or_default();
        let s = Scenario::from_query(&query).0;
        let join = s.start.add_days(7 * s.join_week() as i64).to_string();
        match first {
            Some(day) => assert_eq!(from, day),
            // Before the join the runs are the record: the band opens at
            // the join (or a week after, when the first week's draws change
            // nothing yet at its end).
            None => assert!(from >= join, "{from} before the join {join}"),
        }
        // Where the spread comes from, once each source's runs are in.
        let sources = testid("bands-sources");
        wait_until("the sources of the spread", || {
            let sources = sources.clone();
            let page = &page;
            async move {
                let text = page.text(&sources).await.unwrap_or_default();
                Ok((text.contains("instroom") && text.contains('%'), text))
            }
        })
        .await?;
        assert_clean(&mut page).await?;
        page.close().await?;
    }
    Ok(())
}
