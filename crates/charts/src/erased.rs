//! One backend type for every backend: [`AnyBackend`] wraps a canvas, an
//! SVG string or any other plotters backend behind one trait object.
//!
//! The charts are generic over their `DrawingBackend`, and Rust compiles
//! generic code once per type it is used with: the page draws on canvases
//! and exports SVG, so every chart, every shape and plotters' own chart
//! machinery would be in its wasm twice. Drawn through `AnyBackend`, they
//! are in it once; only the few calls below are made per backend, and a
//! call through the trait object costs nothing next to drawing a line.
//!
//! plotters' own backend trait cannot be a trait object (its methods are
//! generic over styles and point iterators), so [`Backend`] is the same
//! calls with plain types: a stroke's colour and width, the points as a
//! slice, the text style as plotters' own `TextStyle` (which is what the
//! charts draw text with: the family, size, slant, rotation, colour and
//! anchor carry over unchanged).

use std::fmt;

use plotters::style::{FontDesc, FontFamily, TextStyle};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

/// A backend's failure, said in words: each backend has an error type of
/// its own, and one type must stand for them all.
#[derive(Debug)]
pub struct BackendError(String);

impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BackendError {}

type Drawn<T = ()> = Result<T, DrawingErrorKind<BackendError>>;

/// A stroke or fill: what a `BackendStyle` says, as a plain value.
#[derive(Clone, Copy)]
struct Stroke {
    color: BackendColor,
    width: u32,
}

impl Stroke {
    fn of<S: BackendStyle>(style: &S) -> Stroke {
        Stroke {
            color: style.color(),
            width: style.stroke_width(),
        }
    }
}

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        self.color
    }

    fn stroke_width(&self) -> u32 {
        self.width
    }
}

/// plotters' `DrawingBackend` with plain types, so that it can be a trait
/// object; implemented for every backend.
trait Backend {
    fn size(&self) -> (u32, u32);
    fn prepare(&mut self) -> Drawn;
    fn show(&mut self) -> Drawn;
    fn pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn;
    fn line(&mut self, from: BackendCoord, to: BackendCoord, stroke: Stroke) -> Drawn;
    fn rect(&mut self, from: BackendCoord, to: BackendCoord, stroke: Stroke, fill: bool) -> Drawn;
    fn path(&mut self, points: &[BackendCoord], stroke: Stroke) -> Drawn;
    fn circle(&mut self, center: BackendCoord, radius: u32, stroke: Stroke, fill: bool) -> Drawn;
    fn polygon(&mut self, points: &[BackendCoord], stroke: Stroke) -> Drawn;
    fn text(&mut self, text: &str, style: &TextStyle<'_>, at: BackendCoord) -> Drawn;
    fn text_size(&self, text: &str, style: &TextStyle<'_>) -> Drawn<(u32, u32)>;
}

/// A backend's error, as [`BackendError`].
fn erase<E: std::error::Error + Send + Sync>(
    error: DrawingErrorKind<E>,
) -> DrawingErrorKind<BackendError> {
    match error {
        DrawingErrorKind::DrawingError(error) => {
            DrawingErrorKind::DrawingError(BackendError(error.to_string()))
        }
        DrawingErrorKind::FontError(error) => DrawingErrorKind::FontError(error),
    }
}

impl<B: DrawingBackend> Backend for B {
    fn size(&self) -> (u32, u32) {
        self.get_size()
    }

    fn prepare(&mut self) -> Drawn {
        self.ensure_prepared().map_err(erase)
    }

    fn show(&mut self) -> Drawn {
        self.present().map_err(erase)
    }

    fn pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        self.draw_pixel(point, color).map_err(erase)
    }

    fn line(&mut self, from: BackendCoord, to: BackendCoord, stroke: Stroke) -> Drawn {
        self.draw_line(from, to, &stroke).map_err(erase)
    }

    fn rect(&mut self, from: BackendCoord, to: BackendCoord, stroke: Stroke, fill: bool) -> Drawn {
        self.draw_rect(from, to, &stroke, fill).map_err(erase)
    }

    fn path(&mut self, points: &[BackendCoord], stroke: Stroke) -> Drawn {
        self.draw_path(points.iter().copied(), &stroke)
            .map_err(erase)
    }

    fn circle(&mut self, center: BackendCoord, radius: u32, stroke: Stroke, fill: bool) -> Drawn {
        self.draw_circle(center, radius, &stroke, fill)
            .map_err(erase)
    }

    fn polygon(&mut self, points: &[BackendCoord], stroke: Stroke) -> Drawn {
        self.fill_polygon(points.iter().copied(), &stroke)
            .map_err(erase)
    }

    fn text(&mut self, text: &str, style: &TextStyle<'_>, at: BackendCoord) -> Drawn {
        self.draw_text(text, style, at).map_err(erase)
    }

    fn text_size(&self, text: &str, style: &TextStyle<'_>) -> Drawn<(u32, u32)> {
        self.estimate_text_size(text, style).map_err(erase)
    }
}

/// Any plotters backend, as one type: draw the charts on
/// `AnyBackend::new(backend).into_drawing_area()`.
pub struct AnyBackend<'a> {
    inner: Box<dyn Backend + 'a>,
}

impl<'a> AnyBackend<'a> {
    pub fn new<B: DrawingBackend + 'a>(backend: B) -> AnyBackend<'a> {
        AnyBackend {
            inner: Box::new(backend),
        }
    }
}

/// Any text style as plotters' own: the family by its name, and the size,
/// slant, rotation, colour and anchor as they are.
fn with_text_style<S: BackendTextStyle, T>(style: &S, then: impl FnOnce(&TextStyle<'_>) -> T) -> T {
    let family = style.family().as_str().to_owned();
    let font = FontDesc::new(
        FontFamily::from(family.as_str()),
        style.size(),
        style.style(),
    )
    .transform(style.transform());
    then(&TextStyle {
        font,
        color: style.color(),
        pos: style.anchor(),
    })
}

impl DrawingBackend for AnyBackend<'_> {
    type ErrorType = BackendError;

    fn get_size(&self) -> (u32, u32) {
        self.inner.size()
    }

    fn ensure_prepared(&mut self) -> Drawn {
        self.inner.prepare()
    }

    fn present(&mut self) -> Drawn {
        self.inner.show()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        self.inner.pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        self.inner.line(from, to, Stroke::of(style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        self.inner
            .rect(upper_left, bottom_right, Stroke::of(style), fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        let points: Vec<BackendCoord> = path.into_iter().collect();
        self.inner.path(&points, Stroke::of(style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        self.inner.circle(center, radius, Stroke::of(style), fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Drawn {
        let points: Vec<BackendCoord> = vert.into_iter().collect();
        self.inner.polygon(&points, Stroke::of(style))
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Drawn {
        with_text_style(style, |style| self.inner.text(text, style, pos))
    }

    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Drawn<(u32, u32)> {
        with_text_style(style, |style| self.inner.text_size(text, style))
    }
}
