//! The machines the benchmarks stand in for: the developer's desk, and the
//! slow laptop of a briefing room (Chromium's CPU slowdown). Both open the
//! page as a briefing shows it: the published figures drawn, three pinned
//! scenarios compared on every chart, and the uncertainty bands on.

use serde_json::json;

use crate::{Harness, Page, Result};

/// One machine: a name for the report and a CPU slowdown factor.
#[derive(Clone, Copy, Debug)]
pub struct Profile {
    pub name: &'static str,
    /// The DevTools protocol's `Emulation.setCPUThrottlingRate`: 1 is the
    /// machine's own speed, 4 four times slower.
    pub slowdown: f64,
}

/// The profiles every page benchmark reports.
pub const PROFILES: [Profile; 2] = [
    Profile {
        name: "desk (no slowdown)",
        slowdown: 1.0,
    },
    Profile {
        name: "briefing laptop (4x CPU slowdown)",
        slowdown: 4.0,
    },
];

/// The briefing page: a scenario, a baseline and two more pinned scenarios
/// (pinned values in the address's fixed lever order: intake first, FTE
/// second), the bands on, the published figures shown (the default).
pub const BRIEFING_QUERY: &str = "?intake=60000&title=Briefing\
    &base=77000&base_title=Hoog&cmp1=49000&cmp1_title=Laag\
    &cmp2=*900&cmp2_title=Meer+fte&bands=on";

/// The page the benchmarks open: [`BRIEFING_QUERY`], or another link's
/// query given in `DOORSTROOM_BENCH_QUERY` (to see what a feature costs).
pub fn bench_query() -> String {
    std::env::var("DOORSTROOM_BENCH_QUERY").unwrap_or_else(|_| BRIEFING_QUERY.to_owned())
}

impl Harness {
    /// Opens the app with `query` in a new browser already slowed down as
    /// `profile` says (from the first byte of the page on), and waits until
    /// it has mounted.
    pub async fn page_on(&self, profile: Profile, query: &str) -> Result<Page> {
        let url = self.app_url(query);
        let mut page = self.open("about:blank").await?;
        page.set_origin_of(&url)?;
        let opened = match page
            .devtools(
                "Emulation.setCPUThrottlingRate",
                json!({ "rate": profile.slowdown }),
            )
            .await
        {
            Ok(_) => page.goto_app(&url).await,
            Err(error) => Err(error),
        };
        match opened {
            Ok(()) => Ok(page),
            Err(error) => {
                page.close().await?;
                Err(error)
            }
        }
    }
}
