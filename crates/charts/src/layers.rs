//! A chart in two layers, so that a page can redraw only what moves while a
//! slider moves.
//!
//! The **background** is what a slider does not move: paper, title, legend,
//! units, gridlines, the value and time axes' labels and, where nothing of
//! the scenario's own is drawn over them, the baseline's ghost, the
//! compared scenarios, the published figures, the bands and the "from"
//! rule. The **foreground** is the scenario's own series, what must stand
//! over them, the axis line and the pointer's rule and readout. Drawing the
//! background and then the foreground is drawing the chart whole
//! ([`crate::draw`] does exactly that), so a background copied from a cache
//! and a foreground drawn over it give the same pixels as a chart drawn at
//! once.
//!
//! A chart whose own series fill areas (the backlog's stack, the flow's
//! decisions, the cost bars) would hide a line or marker drawn under them,
//! so there the ghost, the compared scenarios, the published figures, the
//! bands and the rule stay in the foreground, over the fills, as they have
//! always been drawn. Only the waiting chart draws nothing but lines.
//!
//! Both layers are drawn on the same [`Scales`]; a page holds them while a
//! slider is dragged ([`Scales::hold`]) so the background stays valid, and
//! [`background_key`] tells it when the background must be drawn anew.

use std::hash::{DefaultHasher, Hash, Hasher};

use crate::frame::Scale;
use crate::{Chart, ChartInput};

/// Which part of a chart to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    /// The whole chart: the background, then the foreground.
    Whole,
    /// What a slider does not move (fills the area: it is opaque).
    Background,
    /// What moves with the scenario and the pointer, drawn over the
    /// background.
    Foreground,
}

impl Layer {
    pub(crate) fn background(self) -> bool {
        self != Layer::Foreground
    }

    pub(crate) fn foreground(self) -> bool {
        self != Layer::Background
    }
}

/// The value axes a chart is drawn on: the left one and, on the cost chart,
/// the right one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scales {
    pub left: Scale,
    pub right: Option<Scale>,
}

impl Scales {
    /// The scales to draw on while a slider is dragged: the `held` ones as
    /// long as the run's own (`fitted`) fit inside them, so the axes and the
    /// cached background stay put; the fitted ones as soon as the run leaves
    /// them (or nothing is held). When the hand rests, the page draws on
    /// the fitted scales again.
    pub fn hold(held: Option<Scales>, fitted: Scales) -> Scales {
        let inside = |held: &Scale, fitted: &Scale| fitted.max <= held.max;
        match held {
            Some(h)
                if inside(&h.left, &fitted.left)
                    && match (h.right, fitted.right) {
                        (Some(hr), Some(fr)) => inside(&hr, &fr),
                        (None, None) => true,
                        _ => false,
                    } =>
            {
                h
            }
            _ => fitted,
        }
    }
}

/// A fingerprint of everything `chart`'s background draws from `input` on
/// `scales` at `size` backend pixels: equal fingerprints, equal
/// backgrounds. The scenario's own run enters only through its horizon
/// (weeks and start), so a slider that moves the run and stays inside the
/// scales keeps the fingerprint.
pub fn background_key(chart: Chart, input: &ChartInput, scales: &Scales, size: (u32, u32)) -> u64 {
    let mut h = DefaultHasher::new();
    chart.hash(&mut h);
    size.hash(&mut h);
    input.theme.scale.to_bits().hash(&mut h);
    input.theme.large.hash(&mut h);
    input.lang.hash(&mut h);
    for scale in std::iter::once(&scales.left).chain(&scales.right) {
        for v in [scale.max, scale.step] {
            v.to_bits().hash(&mut h);
        }
        scale.n.hash(&mut h);
    }
    let run = input.run;
    run.weeks().hash(&mut h);
    if run.weeks() > 0 {
        run.week_start(0).hash(&mut h);
    }
    input.from.hash(&mut h);
    let values = |h: &mut DefaultHasher, values: &[f64]| {
        values.len().hash(h);
        for v in values {
            v.to_bits().hash(h);
        }
    };
    // The baseline and the compared scenarios: the ghost's series of each.
    let ghost = chart
        .series()
        .iter()
        .find(|s| s.kind == crate::SeriesKind::Ghost);
    input.baseline.is_some().hash(&mut h);
    if let Some(ghost) = ghost {
        values(&mut h, &input.ghost(ghost));
        for o in input.compared {
            o.label.hash(&mut h);
            values(&mut h, &ghost.values(o.run));
        }
    }
    input.compared.len().hash(&mut h);
    if let Some(bands) = input.bands {
        bands.runs.hash(&mut h);
    }
    if let Some((band, _)) = crate::fan::of_chart(chart, input) {
        for v in [&band.p10, &band.p50, &band.p90] {
            values(&mut h, v);
        }
    }
    input.published.is_some().hash(&mut h);
    for m in crate::published::of_input(chart, input) {
        (m.first_week, m.last_week).hash(&mut h);
        m.value.to_bits().hash(&mut h);
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scales(left: f64, right: Option<f64>) -> Scales {
        Scales {
            left: Scale::nice(left, 1.0),
            right: right.map(|r| Scale::matched(r, Scale::nice(left, 1.0).n)),
        }
    }

    #[test]
    fn a_held_scale_is_kept_while_the_run_fits_inside_it() {
        let held = scales(47_000.0, None);
        assert_eq!(held.left.max, 50_000.0);
        // A run that shrinks, or grows up to the held top, keeps the axis.
        for fitted in [scales(12_000.0, None), scales(49_990.0, None)] {
            assert_eq!(Scales::hold(Some(held), fitted), held);
        }
        // Nothing held: the run's own scale.
        let fitted = scales(12_000.0, None);
        assert_eq!(Scales::hold(None, fitted), fitted);
    }

    #[test]
    fn a_run_that_leaves_the_held_scale_refits() {
        let held = scales(47_000.0, None);
        let fitted = scales(51_000.0, None);
        assert!(fitted.left.max > held.left.max);
        assert_eq!(Scales::hold(Some(held), fitted), fitted);
    }

    #[test]
    fn both_axes_must_fit_to_keep_a_held_pair() {
        let held = scales(47_000.0, Some(1.0e8));
        // The right axis leaves, the left stays inside: both refit together
        // (the right axis's gridlines are the left's).
        let fitted = scales(20_000.0, Some(3.0e8));
        assert_eq!(Scales::hold(Some(held), fitted), fitted);
        let inside = scales(20_000.0, Some(0.5e8));
        assert_eq!(Scales::hold(Some(held), inside), held);
        // A held pair against a run drawn on one axis only is no match.
        assert_eq!(
            Scales::hold(Some(held), scales(1.0, None)),
            scales(1.0, None)
        );
    }
}
