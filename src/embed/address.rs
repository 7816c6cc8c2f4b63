//! The embed page's address: `embed.html?chart=ID&<scenario>`, the chart
//! chosen by `chart` and the rest read like the page's own link; and the
//! `<iframe>` code the page's "Embed" button gives for it.

use doorstroom_charts::Chart;

/// The key that chooses the chart.
pub const CHART_KEY: &str = "chart";

/// The embed page's file, beside `index.html`.
pub const FILE: &str = "embed.html";

/// The frame's height in the code the page gives: the chart, its caption,
/// its source line and the link fit at the width of an article's column.
const FRAME_HEIGHT: u32 = 480;

/// The chart a query asks for and the query without it (the scenario's
/// link). No `chart`, or one the page does not know, is the backlog chart:
/// `Err` holds the value that was not understood.
pub fn split(query: &str) -> (Result<Chart, String>, String) {
    let query = query.trim_start_matches('?');
    let mut chart = Ok(Chart::Backlog);
    let mut rest = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if key.eq_ignore_ascii_case(CHART_KEY) {
            let value = value.trim().to_ascii_lowercase();
            chart = Chart::ALL
                .into_iter()
                .find(|c| c.id() == value)
                .ok_or(value);
        } else {
            rest.push(pair);
        }
    }
    (chart, rest.join("&"))
}

/// The folder of a page's address (`https://host/path/` for
/// `https://host/path/index.html?…`): where `index.html` and `embed.html` lie.
pub fn folder(origin: &str, pathname: &str) -> String {
    let dir = pathname.rfind('/').map_or("/", |at| &pathname[..=at]);
    format!("{origin}{dir}")
}

/// The embed page's address for `chart` and the scenario's link query.
pub fn embed_url(folder: &str, chart: Chart, query: &str) -> String {
    let query = query.trim_start_matches('?');
    if query.is_empty() {
        format!("{folder}{FILE}?{CHART_KEY}={}", chart.id())
    } else {
        format!("{folder}{FILE}?{CHART_KEY}={}&{query}", chart.id())
    }
}

/// The page's own address for the scenario (its link), from the embed page.
pub fn page_url(folder: &str, query: &str) -> String {
    format!("{folder}?{}", query.trim_start_matches('?'))
}

/// The HTML an article pastes: a frame of the embed page, full width,
/// without a border, named for screen readers by `title`.
pub fn iframe_code(src: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{FRAME_HEIGHT}\" \
         style=\"border:0\" loading=\"lazy\"></iframe>",
        attribute(src),
        attribute(title)
    )
}

/// `text` as the value of a double-quoted HTML attribute.
fn attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in doorstroom_model::safe_text::line(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chart_key_is_taken_out_of_the_scenario_s_link() {
        let (chart, rest) = split("?chart=costs&v=1&intake=60000&lang=en");
        assert_eq!(chart, Ok(Chart::Costs));
        assert_eq!(rest, "v=1&intake=60000&lang=en");
        let (chart, rest) = split("intake=60000&CHART=Flow");
        assert_eq!(chart, Ok(Chart::Flow));
        assert_eq!(rest, "intake=60000");
        assert_eq!(split("").0, Ok(Chart::Backlog));
        assert_eq!(
            split("chart=pie&fte=600"),
            (Err("pie".to_owned()), "fte=600".to_owned())
        );
    }

    #[test]
    fn addresses_lie_beside_the_page() {
        let folder = folder("https://example.org", "/tools/doorstroom/index.html");
        assert_eq!(folder, "https://example.org/tools/doorstroom/");
        assert_eq!(
            embed_url(&folder, Chart::Waiting, "?v=1&fte=600"),
            "https://example.org/tools/doorstroom/embed.html?chart=waiting&v=1&fte=600"
        );
        assert_eq!(
            embed_url(&folder, Chart::Backlog, ""),
            "https://example.org/tools/doorstroom/embed.html?chart=backlog"
        );
        assert_eq!(
            page_url(&folder, "v=1&fte=600"),
            "https://example.org/tools/doorstroom/?v=1&fte=600"
        );
        assert_eq!(
            super::folder("http://127.0.0.1:8080", "/"),
            "http://127.0.0.1:8080/"
        );
    }

    #[test]
    fn the_frame_code_quotes_what_it_holds() {
        let code = iframe_code(
            "https://h/embed.html?chart=costs&title=%22x%22",
            "Doorstroom: \"Kosten\" <b>\u{202E}",
        );
        assert!(
            code.starts_with("<iframe src=\"https://h/embed.html?chart=costs&amp;title=%22x%22\"")
        );
        assert!(
            code.contains("title=\"Doorstroom: &quot;Kosten&quot; &lt;b&gt;\""),
            "{code}"
        );
        assert!(code.ends_with("></iframe>"));
    }
}
