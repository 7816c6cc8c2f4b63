//! A chart as it leaves the page: the chart with, under it, the scenario it
//! shows and where it comes from. Drawn with plotters like the chart, so the
//! PNG (a canvas in the browser) and the SVG twin carry the same words.

use doorstroom_model::{Lang, Text};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use crate::frame::{Metrics, text_style};
use crate::{Chart, ChartInput, Plot, Theme, draw, palette};

/// The lines under an exported chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Caption {
    /// The scenario: its title, or the levers that differ from the default.
    pub scenario: String,
    /// Where the figures come from (see [`source_line`]).
    pub source: String,
}

/// Caption type size in CSS pixels, before the theme's scale.
const CAPTION_PX: f64 = 13.0;

/// "Source: Doorstroom, model 0.1.0, exported on 1 December 2026; model" —
/// with the IND's published figures named when the chart draws them.
pub fn source_line(lang: Lang, exported: &str, record_drawn: bool) -> String {
    let figures = if record_drawn {
        Text {
            nl: "model; gepubliceerde cijfers van de IND",
            en: "model; published figures from the IND",
        }
    } else {
        Text {
            nl: "model",
            en: "model",
        }
    };
    let words = Text {
        nl: "Bron: Doorstroom, modelversie",
        en: "Source: Doorstroom, model version",
    };
    let on = Text {
        nl: "geëxporteerd op",
        en: "exported on",
    };
    format!(
        "{} {}, {} {exported}; {}",
        words.get(lang),
        doorstroom_model::VERSION,
        on.get(lang),
        figures.get(lang)
    )
}

/// A file name for `chart` of the scenario `slug` (see [`slug`]), without extension.
pub fn file_stem(slug: &str, chart: Chart) -> String {
    if slug.is_empty() {
        format!("doorstroom-{}", chart.id())
    } else {
        format!("doorstroom-{slug}-{}", chart.id())
    }
}

/// A short file-name-safe form of a caption: lower case letters and digits,
/// words joined by `-`, accents dropped, at most `max` characters cut at a
/// word.
pub fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            other => other,
        };
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    if out.len() > max {
        let cut = out[..max].rfind('-').unwrap_or(max);
        out.truncate(cut);
    }
    out
}

/// Splits `text` into lines of at most about `width` pixels at `size`.
fn wrap(m: &Metrics, text: &str, size: f64, width: i32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && m.text_w(&candidate, size, false) > width {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Draws `chart` with `caption` under it on `area`: the chart above, the
/// scenario (wrapped, at most three lines) and the source line below a rule.
pub fn draw_with_caption<DB: DrawingBackend>(
    chart: Chart,
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
    caption: &Caption,
) -> Result<Plot, DrawingAreaErrorKind<DB::ErrorType>> {
    above_caption(area, input.theme, caption, |top| draw(chart, top, input))
}

/// Draws `caption` at the foot of `area` as [`draw_with_caption`] does and
/// whatever `draw` draws above it: the one caption of every exported
/// picture, the page's charts and the others alike.
pub fn above_caption<DB: DrawingBackend, R>(
    area: &DrawingArea<DB, Shift>,
    theme: Theme,
    caption: &Caption,
    draw: impl FnOnce(&DrawingArea<DB, Shift>) -> Result<R, DrawingAreaErrorKind<DB::ErrorType>>,
) -> Result<R, DrawingAreaErrorKind<DB::ErrorType>> {
    let m = Metrics::new(theme);
    let (width, height) = area.dim_in_pixel();
    let pad = m.px(14.0);
    let size = m.font(CAPTION_PX);
    let line_h = (size * 1.4) as i32;
    // The caption as one line of ordinary characters, on a PNG as in an SVG.
    let scenario = doorstroom_model::safe_text::line(&caption.scenario);
    let mut lines = wrap(&m, &scenario, size, width as i32 - 2 * pad);
    lines.truncate(3);
    let band = pad + line_h * (lines.len() as i32 + 1) + pad;
    let split = (height as i32 - band).max(height as i32 / 2);
    let (top, bottom) = area.split_vertically(split);
    let plot = draw(&top)?;
    bottom.fill(&palette::PAPER)?;
    bottom.draw(&Rectangle::new(
        [(pad, 0), (width as i32 - pad, m.line(1.0) as i32)],
        palette::GRID.filled(),
    ))?;
    let mut y = pad / 2 + m.px(4.0);
    for line in &lines {
        bottom.draw_text(
            line,
            &text_style(size, palette::INK, false, HPos::Left, VPos::Top),
            (pad, y),
        )?;
        y += line_h;
    }
    bottom.draw_text(
        &caption.source,
        &text_style(size, palette::AXIS, false, HPos::Left, VPos::Top),
        (pad, y),
    )?;
    Ok(plot)
}

/// [`draw_with_caption`] into an SVG document of `width` × `height` pixels.
#[cfg(feature = "svg")]
pub fn to_svg_with_caption(
    chart: Chart,
    input: &ChartInput,
    width: u32,
    height: u32,
    caption: &Caption,
) -> String {
    svg_with_caption(width, height, input.theme, caption, |top| {
        draw(chart, top, input)
    })
}

/// An area of the one backend type every picture is drawn on.
#[cfg(feature = "svg")]
pub type SvgArea<'a> = DrawingArea<crate::AnyBackend<'a>, Shift>;

/// What `draw` draws, as an SVG document of `width` × `height` pixels: the
/// one SVG writer of every picture (the charts, the waterfall, the
/// pipeline, the forecast, the histogram). Drawn through
/// [`crate::AnyBackend`], so the pictures' code is the page's canvas code,
/// in the wasm once; only characters XML allows, whatever a title holds.
#[cfg(feature = "svg")]
pub fn svg_document<R>(
    width: u32,
    height: u32,
    draw: impl FnOnce(&SvgArea<'_>) -> Result<R, DrawingAreaErrorKind<crate::BackendError>>,
) -> String {
    let mut out = String::new();
    {
        let root = crate::AnyBackend::new(SVGBackend::with_string(&mut out, (width, height)))
            .into_drawing_area();
        // The SVG backend writes to a string and cannot fail.
        let _ = draw(&root);
        let _ = root.present();
    }
    doorstroom_model::safe_text::svg(&out)
}

/// What `draw` draws with `caption` under it ([`above_caption`]), as an
/// SVG document of `width` × `height` pixels: every exported SVG.
#[cfg(feature = "svg")]
pub fn svg_with_caption<R>(
    width: u32,
    height: u32,
    theme: Theme,
    caption: &Caption,
    draw: impl FnOnce(&SvgArea<'_>) -> Result<R, DrawingAreaErrorKind<crate::BackendError>>,
) -> String {
    svg_document(width, height, |root| {
        above_caption(root, theme, caption, draw)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_short_and_safe() {
        assert_eq!(
            slug("Instroom: 70.000 per jaar; BAA één", 80),
            "instroom-70-000-per-jaar-baa-een"
        );
        assert_eq!(slug("  ", 10), "");
        assert_eq!(slug("aaaa bbbb cccc", 10), "aaaa-bbbb");
        assert_eq!(file_stem("", Chart::Costs), "doorstroom-costs");
        assert_eq!(file_stem("x-y", Chart::Flow), "doorstroom-x-y-flow");
    }

    #[test]
    fn the_source_names_the_record_only_when_drawn() {
        let plain = source_line(Lang::En, "1 December 2026", false);
        assert_eq!(
            plain,
            format!(
                "Source: Doorstroom, model version {}, exported on 1 December 2026; model",
                doorstroom_model::VERSION
            )
        );
        assert!(
            source_line(Lang::Nl, "1 december 2026", true)
                .ends_with("model; gepubliceerde cijfers van de IND")
        );
    }
}
