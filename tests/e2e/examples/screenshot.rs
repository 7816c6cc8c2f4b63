//! A screenshot of the release build in `dist/`, as a reader sees it, for
//! looking at what a change did (and for notes): the page with a link's
//! query at a window size, optionally in presentation mode (entered with
//! its `F` key, which a command-line screenshot cannot press).
//!
//! `cargo run -p doorstroom-e2e --example screenshot -- OUT.png [QUERY]
//! [--size 1280x720] [--present [--show ID]] [--click CSS] [--at CSS]`, with
//! `CHROMEDRIVER` set as for the end-to-end tests. `--size` is the page's
//! own size (the viewport, as on a projector), `--click` clicks an element
//! first (to open a folded panel), `--at` scrolls an element to the top,
//! `--show ID` presents `ID` (a chart's id or `pipeline`) on the right.

use std::process::ExitCode;
use std::time::Duration;

use doorstroom_e2e::{Harness, Result};
use fantoccini::Locator;
use serde_json::json;

struct Shot {
    out: String,
    query: String,
    size: (u32, u32),
    present: bool,
    click: Option<String>,
    at: Option<String>,
    show: Option<String>,
}

fn parse() -> Result<Shot> {
    let mut args = std::env::args().skip(1);
    let mut shot = Shot {
        out: String::new(),
        query: String::new(),
        size: (1280, 720),
        present: false,
        click: None,
        at: None,
        show: None,
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--present" => shot.present = true,
            "--click" => {
                shot.click = Some(args.next().ok_or("--click needs a CSS selector")?);
            }
            "--at" => shot.at = Some(args.next().ok_or("--at needs a CSS selector")?),
            "--show" => shot.show = Some(args.next().ok_or("--show needs an id")?),
            "--size" => {
                let size = args.next().ok_or("--size needs WIDTHxHEIGHT")?;
                let (w, h) = size.split_once('x').ok_or("--size needs WIDTHxHEIGHT")?;
                shot.size = (w.parse()?, h.parse()?);
            }
            _ if shot.out.is_empty() => shot.out = arg,
            _ => shot.query = arg,
        }
    }
    if shot.out.is_empty() {
        return Err(
            "usage: screenshot OUT.png [QUERY] [--size 1280x720] [--present [--show ID]] [--click CSS] [--at CSS]"
                .into(),
        );
    }
    Ok(shot)
}

async fn take(harness: &Harness, shot: &Shot) -> Result<()> {
    let page = harness.page(&shot.query).await?;
    let (width, height) = shot.size;
    page.devtools(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false }),
    )
    .await?;
    if let Some(click) = &shot.click {
        page.client()
            .execute(
                "document.querySelector(arguments[0]).click()",
                vec![json!(click)],
            )
            .await?;
        // Room for what the click starts (a panel's computation).
        tokio::time::sleep(Duration::from_millis(3_000)).await;
    }
    if let Some(at) = &shot.at {
        page.client()
            .execute(
                "document.querySelector(arguments[0]).scrollIntoView()",
                vec![json!(at)],
            )
            .await?;
    }
    if shot.present {
        page.client()
            .find(Locator::Css("body"))
            .await?
            .send_keys("f")
            .await?;
        if let Some(id) = &shot.show {
            page.client()
                .execute(
                    "const s = document.querySelector('[data-testid=present-chart-1]'); s.value = arguments[0]; s.dispatchEvent(new Event('change', {bubbles: true}));",
                    vec![json!(id)],
                )
                .await?;
        }
    }
    // Room for the layout to settle and the charts to redraw at the size.
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    let png = page.client().screenshot().await?;
    page.close().await?;
    std::fs::write(&shot.out, png)?;
    Ok(())
}

fn main() -> ExitCode {
    let result = parse().and_then(|shot| {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()?;
        let harness = Harness::start()?;
        runtime.block_on(take(&harness, &shot))
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
