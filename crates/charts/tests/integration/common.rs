//! What more than one test file reads in a chart's SVG.

use doorstroom_charts::palette;

/// The outlines of the diamonds: closed five-point paths in the markers'
/// colour (a flow's bar across its period is a two-point path).
pub fn diamonds(svg: &str) -> usize {
    let stroke = format!(
        "stroke=\"#{:02X}{:02X}{:02X}\"",
        palette::PUBLISHED.0,
        palette::PUBLISHED.1,
        palette::PUBLISHED.2
    );
    svg.match_indices("<polyline ")
        .map(|(i, _)| &svg[i..i + svg[i..].find('>').unwrap_or(0)])
        .filter(|el| el.contains(&stroke))
        .filter(|el| {
            el.split("points=\"").nth(1).map_or(0, |p| {
                p.split('"').next().unwrap_or("").split_whitespace().count()
            }) == 5
        })
        .count()
}
