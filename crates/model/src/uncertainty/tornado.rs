//! What matters most: each lever moved over its plausible range, one at a
//! time with every other lever as in the scenario, and its effect on the
//! total cost and on the backlog at the end. Sorted by the size of the
//! effect on cost, then on the backlog.

use super::ranges::{PLAUSIBLE, Plausible};
use crate::csv::{Cell, Notation, Sheet};
use crate::levers::{Lever, LeverKind, LeverValue, lever};
use crate::scenario::Scenario;
use crate::text::Lang;

/// One lever's bar.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoBar {
    pub key: &'static str,
    pub low: LeverValue,
    pub high: LeverValue,
    /// Total cost (euros) and backlog at the end, at the low end ...
    pub cost_low: f64,
    pub backlog_low: f64,
    /// ... and at the high end.
    pub cost_high: f64,
    pub backlog_high: f64,
}

impl TornadoBar {
    /// Total cost at the high end minus at the low end.
    pub fn cost_effect(&self) -> f64 {
        self.cost_high - self.cost_low
    }

    /// Backlog at the end, high end minus low end.
    pub fn backlog_effect(&self) -> f64 {
        self.backlog_high - self.backlog_low
    }

    /// The low and high ends as written in a URL.
    pub fn ends(&self) -> (String, String) {
        let Some(l) = lever(self.key) else {
            return (String::new(), String::new());
        };
        let at = |v: LeverValue| {
            let mut s = Scenario::default();
            set(l, &mut s, v);
            l.link_text(&s)
        };
        (at(self.low), at(self.high))
    }
}

/// Sets lever `l` in `s` to `v` (brought into range; a value of another
/// kind than the lever's is ignored).
pub(crate) fn set(l: &Lever, s: &mut Scenario, v: LeverValue) {
    match (&l.kind, v) {
        (LeverKind::Number(n), LeverValue::Number(x)) => {
            n.set(s, x);
        }
        (LeverKind::Date(d), LeverValue::Date(x)) => {
            d.set(s, x);
        }
        (LeverKind::Choice(c), LeverValue::Choice(i)) => c.set(s, i),
        _ => {}
    }
}

/// The tornado of scenario `s` over the plausible ranges ([`PLAUSIBLE`]).
#[must_use]
pub fn tornado(s: &Scenario) -> Vec<TornadoBar> {
    tornado_over(s, &PLAUSIBLE)
}

/// The tornado of scenario `s` over `ranges` (keys that are no lever are
/// left out).
#[must_use]
pub fn tornado_over(s: &Scenario, ranges: &[Plausible]) -> Vec<TornadoBar> {
    let mut bars: Vec<TornadoBar> = ranges
        .iter()
        .filter_map(|p| {
            let l = lever(p.key)?;
            let at = |v: LeverValue| {
                let mut moved = s.clone();
                set(l, &mut moved, v);
                let summary = moved.run().summary();
                (summary.cost_total_eur, summary.backlog_end)
            };
            let (cost_low, backlog_low) = at(p.low);
            let (cost_high, backlog_high) = at(p.high);
            Some(TornadoBar {
                key: p.key,
                low: p.low,
                high: p.high,
                cost_low,
                backlog_low,
                cost_high,
                backlog_high,
            })
        })
        .collect();
    // A stable sort: equal effects keep the table's order.
    bars.sort_by(|a, b| {
        b.cost_effect()
            .abs()
            .total_cmp(&a.cost_effect().abs())
            .then(
                b.backlog_effect()
                    .abs()
                    .total_cmp(&a.backlog_effect().abs()),
            )
    });
    bars
}

/// The tornado as CSV: `lever,low,high,cost_effect_eur,backlog_effect`.
#[must_use]
pub fn tornado_csv(bars: &[TornadoBar]) -> String {
    let mut sheet = Sheet::bare(Notation::of(Lang::En));
    sheet.text_row(["lever", "low", "high", "cost_effect_eur", "backlog_effect"]);
    // A lever's end is a number, a date or an option's key, as in a link.
    fn end(text: &str) -> Cell<'_> {
        match text.parse::<f64>() {
            Ok(v) if v.is_finite() => Cell::Number(v, 6),
            _ => Cell::Text(text),
        }
    }
    for b in bars {
        let (low, high) = b.ends();
        sheet.row([
            Cell::Text(b.key),
            end(&low),
            end(&high),
            Cell::Number(b.cost_effect(), 0),
            Cell::Number(b.backlog_effect(), 0),
        ]);
    }
    sheet.finish()
}
