//! What matters most: each lever moved over its plausible range around the
//! scenario's own value ([`Plausible::around`]), one at a time with every
//! other lever as in the scenario, and its effect on the total cost and on
//! the backlog at the end. Sorted by the size of the effect on cost, then
//! on the backlog. A lever acts from the date the scenario's levers apply
//! (`from`); before it the run is the record, whatever the lever. A bar
//! without effect says why ([`NoEffect`]).

use super::ranges::{PLAUSIBLE, Plausible};
use crate::csv::{Cell, Notation, Sheet};
use crate::levers::{Lever, LeverKind, LeverValue, lever};
use crate::scenario::Scenario;
use crate::text::Lang;

/// Why a lever's range changes neither the cost nor the backlog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoEffect {
    /// It does change them in a run that goes on to the latest end a run
    /// can have (`end`): it binds only after the horizon.
    AfterHorizon { end: crate::date::Date },
    /// Not even then: in this scenario the lever does not act (the
    /// mechanism it sets is switched off or never reached).
    Idle,
}

/// One lever's bar.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoBar {
    pub key: &'static str,
    /// The scenario's own value of the lever, which the range holds.
    pub value: LeverValue,
    pub low: LeverValue,
    pub high: LeverValue,
    /// Why the bar is empty, when it is.
    pub no_effect: Option<NoEffect>,
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

    /// The low and high ends, and the scenario's value, in words and the
    /// lever's units as its field shows them in `lang` (`45.000 per jaar`,
    /// `6 maanden (verlenging vernietigd)`).
    pub fn described(&self, lang: Lang) -> (String, String, String) {
        let Some(l) = lever(self.key) else {
            return (String::new(), String::new(), String::new());
        };
        let at = |v: LeverValue| {
            let mut s = Scenario::default();
            set(l, &mut s, v);
            l.describe(&s, lang)
        };
        (at(self.low), at(self.high), at(self.value))
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
    let (s, _) = s.clone().validated();
    // The latest end a run of `s` can have: ten years after `from`.
    let (longest, _) = Scenario {
        end: crate::date::Date::from_ymd(9999, 12, 31).unwrap_or(s.end),
        ..s.clone()
    }
    .validated();
    let mut bars: Vec<TornadoBar> = ranges
        .iter()
        .filter_map(|p| {
            let l = lever(p.key)?;
            let (low, high) = p.around(&s)?;
            let at = |base: &Scenario, v: LeverValue| {
                let mut moved = base.clone();
                set(l, &mut moved, v);
                let summary = moved.run().summary();
                (summary.cost_total_eur, summary.backlog_end)
            };
            let (cost_low, backlog_low) = at(&s, low);
            let (cost_high, backlog_high) = at(&s, high);
            let none =
                |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).abs() < 0.5 && (a.1 - b.1).abs() < 0.5;
            let no_effect = none((cost_low, backlog_low), (cost_high, backlog_high)).then(|| {
                if longest.end > s.end && !none(at(&longest, low), at(&longest, high)) {
                    NoEffect::AfterHorizon { end: longest.end }
                } else {
                    NoEffect::Idle
                }
            });
            Some(TornadoBar {
                key: p.key,
                value: l.get(&s),
                low,
                high,
                no_effect,
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

/// The tornado as CSV: `lever,value,low,high,cost_effect_eur,backlog_effect`.
#[must_use]
pub fn tornado_csv(bars: &[TornadoBar]) -> String {
    let mut sheet = Sheet::bare(Notation::of(Lang::En));
    sheet.text_row([
        "lever",
        "value",
        "low",
        "high",
        "cost_effect_eur",
        "backlog_effect",
    ]);
    // A lever's end is a number, a date or an option's key, as in a link.
    fn end(text: &str) -> Cell<'_> {
        match text.parse::<f64>() {
            Ok(v) if v.is_finite() => Cell::Number(v, 6),
            _ => Cell::Text(text),
        }
    }
    for b in bars {
        let (low, high) = b.ends();
        let value = lever(b.key).map_or_else(String::new, |l| {
            let mut s = Scenario::default();
            set(l, &mut s, b.value);
            l.link_text(&s)
        });
        sheet.row([
            Cell::Text(b.key),
            end(&value),
            end(&low),
            end(&high),
            Cell::Number(b.cost_effect(), 0),
            Cell::Number(b.backlog_effect(), 0),
        ]);
    }
    sheet.finish()
}
