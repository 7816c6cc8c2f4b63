//! How much drawing costs: time per chart on a backend that only counts the
//! calls (a canvas pays per call across the JS boundary, so the count matters
//! as much as the time). `cargo run --release -p doorstroom-charts --example bench`
use std::cell::Cell;
use std::rc::Rc;
use std::time::Instant;

use doorstroom_charts::plotters::prelude::IntoDrawingArea;
use doorstroom_charts::{Chart, ChartInput, PlainFormat, Theme, draw};
use doorstroom_model::{Lang, Scenario};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

#[derive(Debug)]
struct NoError;
impl std::fmt::Display for NoError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "none")
    }
}
impl std::error::Error for NoError {}

/// Counts backend calls and the points sent.
struct Counting {
    calls: Rc<Cell<usize>>,
    points: Rc<Cell<usize>>,
}

impl Counting {
    fn call(&self, points: usize) {
        self.calls.set(self.calls.get() + 1);
        self.points.set(self.points.get() + points);
    }
}

impl DrawingBackend for Counting {
    type ErrorType = NoError;
    fn get_size(&self) -> (u32, u32) {
        (1800, 840)
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<NoError>> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<NoError>> {
        Ok(())
    }
    fn draw_pixel(
        &mut self,
        _: BackendCoord,
        _: BackendColor,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        self.call(0);
        Ok(())
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        _: BackendCoord,
        _: BackendCoord,
        _: &S,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        self.call(2);
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        _: BackendCoord,
        _: BackendCoord,
        _: &S,
        _: bool,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        self.call(0);
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        _: &S,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        self.call(path.into_iter().count());
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        _: &S,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        self.call(path.into_iter().count());
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        _: BackendCoord,
        _: u32,
        _: &S,
        _: bool,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        self.call(0);
        Ok(())
    }
    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        _: &str,
        _: &TStyle,
        _: BackendCoord,
    ) -> Result<(), DrawingErrorKind<NoError>> {
        self.call(0);
        Ok(())
    }
}

fn main() {
    for query in ["", "until=2033-04-30"] {
        let run = Scenario::from_query(query).0.run();
        let baseline = Scenario::default().run();
        let record = doorstroom_model::record::compare(&run);
        let format = PlainFormat { lang: Lang::Nl };
        println!("scenario {query:?}: {} weeks", run.weeks());
        for chart in Chart::ALL {
            let input = ChartInput {
                run: &run,
                baseline: Some(&baseline),
                compared: &[],
                cursor: Some(run.weeks() / 2),
                lang: Lang::Nl,
                format: &format,
                theme: Theme {
                    scale: 2.0,
                    large: false,
                },
                published: Some(&record),
                from: None,
                bands: None,
            };
            let reps = 2000;
            let t = Instant::now();
            let (calls, points) = (Rc::new(Cell::new(0)), Rc::new(Cell::new(0)));
            for _ in 0..reps {
                calls.set(0);
                points.set(0);
                let root = Counting {
                    calls: calls.clone(),
                    points: points.clone(),
                }
                .into_drawing_area();
                draw(chart, &root, &input).expect("draws");
            }
            let (calls, points) = (calls.get(), points.get());
            let us = t.elapsed().as_secs_f64() * 1e6 / reps as f64;
            println!(
                "  {:8} {:7.1} µs/draw  {calls:4} backend calls  {points:5} points",
                chart.id(),
                us
            );
        }
    }
}
