//! The lever table: the one place that says, for every scenario field the
//! page can change, its URL key, its range and step, its unit, its texts and
//! its source. URL reading and writing, validation, the page's sliders and
//! info popovers and the 2N+3 test matrix are all driven by this table.
//!
//! A lever's kind carries the typed accessors of its field: a number lever
//! reads and writes an `f64`, a date lever a [`Date`], a choice lever an
//! option's index. So a value can never reach a field of another kind, and
//! every operation below is one exhaustive match on the kind.

pub(crate) mod number;
mod table;

pub use number::write_number;
pub(crate) use table::LAST_DAY;
pub use table::{LEVER_COUNT, LEVERS};

use crate::date::Date;
use crate::scenario::Scenario;
use crate::text::{Lang, Text, t};
use crate::warning::{Warning, WarningKind};
use number::LoneGroup;

/// The folded groups of levers on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LeverGroup {
    /// The headline levers, always visible.
    Headline,
    Intake,
    /// The backlog on the start date.
    Start,
    Capacity,
    Baa,
    Term,
    WorkOrder,
    Penalties,
    Horizon,
}

impl LeverGroup {
    /// Every group, in the page's order.
    pub const ALL: [LeverGroup; 9] = [
        LeverGroup::Headline,
        LeverGroup::Intake,
        LeverGroup::Start,
        LeverGroup::Capacity,
        LeverGroup::Baa,
        LeverGroup::Term,
        LeverGroup::WorkOrder,
        LeverGroup::Penalties,
        LeverGroup::Horizon,
    ];

    /// The group's heading.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            LeverGroup::Headline => t("Hoofdknoppen", "Headline levers"),
            LeverGroup::Intake => t("Instroom", "Intake"),
            LeverGroup::Start => t("Voorraad op 30 april 2023", "Backlog on 30 April 2023"),
            LeverGroup::Capacity => t("Capaciteit", "Capacity"),
            LeverGroup::Baa => t(
                "Bespoediging Afdoening Asiel (BAA)",
                "Fast-track project (BAA)",
            ),
            LeverGroup::Term => t("Beslistermijn", "Decision term"),
            LeverGroup::WorkOrder => t("Werkvolgorde", "Work order"),
            LeverGroup::Penalties => t("Dwangsommen en beroepen", "Penalties and appeals"),
            LeverGroup::Horizon => t("Horizon", "Horizon"),
        }
        .get(lang)
    }

    /// The levers of this group, in the table's order.
    pub fn levers(self) -> impl Iterator<Item = &'static Lever> {
        LEVERS.iter().filter(move |l| l.group == self)
    }
}

/// The unit of a number lever. Shares are stored as fractions: show them
/// multiplied by [`Unit::display_factor`] next to [`Unit::symbol`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    PerYear,
    Fte,
    DecisionsPerFteWeek,
    Share,
    SharePerYear,
    Weeks,
    Months,
    Euro,
    EuroPerDay,
    Cases,
    FtePerMonth,
}

impl Unit {
    /// The unit as written after a number.
    pub fn symbol(self, lang: Lang) -> &'static str {
        match self {
            Unit::PerYear => t("per jaar", "per year"),
            Unit::Fte => t("fte", "FTE"),
            Unit::DecisionsPerFteWeek => {
                t("besluiten per fte per week", "decisions per FTE per week")
            }
            Unit::Share => t("%", "%"),
            Unit::SharePerYear => t("% per jaar", "% per year"),
            Unit::Weeks => t("weken", "weeks"),
            Unit::Months => t("maanden", "months"),
            Unit::Euro => t("euro", "euros"),
            Unit::EuroPerDay => t("euro per dag", "euros per day"),
            Unit::Cases => t("zaken", "cases"),
            Unit::FtePerMonth => t("fte per maand", "FTE per month"),
        }
        .get(lang)
    }

    /// The unit as written after `value` (in display units): singular for
    /// exactly one week or month ("1 week", not "1 weken").
    pub fn symbol_for(self, value: f64, lang: Lang) -> &'static str {
        match (self, value == 1.0) {
            (Unit::Weeks, true) => t("week", "week").get(lang),
            (Unit::Months, true) => t("maand", "month").get(lang),
            _ => self.symbol(lang),
        }
    }

    /// The factor from the stored value to the shown one: 100 for shares
    /// (stored as fractions, shown as percentages), 1 otherwise.
    pub fn display_factor(self) -> f64 {
        match self {
            Unit::Share | Unit::SharePerYear => 100.0,
            _ => 1.0,
        }
    }
}

/// A number lever: its range, slider step and unit, and its field.
pub struct NumberLever {
    pub min: f64,
    pub max: f64,
    /// The slider's step. Typed values may lie between the steps (a
    /// published intake of 50,600 on a slider of thousands), but a lever
    /// with a step of 1 or more takes whole numbers only.
    pub step: f64,
    pub unit: Unit,
    get: fn(&Scenario) -> f64,
    put: fn(&mut Scenario, f64),
}

/// A date lever: its range and its field.
pub struct DateLever {
    pub min: Date,
    pub max: Date,
    get: fn(&Scenario) -> Date,
    put: fn(&mut Scenario, Date),
}

/// One option of a choice lever.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The option's URL value.
    pub key: &'static str,
    pub label: Text,
    /// Where the option is a law or a bill: its status in words ("in force
    /// since ...", "bill"), shown beside the lever while it is chosen.
    pub status: Option<Text>,
}

/// A choice lever: its options, in the page's order, and its field as an
/// index into them.
pub struct ChoiceLever {
    pub options: &'static [Choice],
    get: fn(&Scenario) -> usize,
    put: fn(&mut Scenario, usize),
}

/// What kind of value a lever takes, with its range and its field.
pub enum LeverKind {
    Number(NumberLever),
    Date(DateLever),
    Choice(ChoiceLever),
}

/// A lever's value, for comparing and showing levers of any kind.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LeverValue {
    Number(f64),
    Date(Date),
    /// An index into the lever's options.
    Choice(usize),
}

/// How a value given for a lever was changed to one it can take.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Adjustment {
    /// Below the range: the minimum is used.
    Minimum,
    /// Above the range: the maximum is used.
    Maximum,
    /// Between whole numbers on a whole-number lever: rounded.
    Rounded,
}

/// A number brought to a value its lever takes, and what that changed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settled {
    pub value: f64,
    pub adjustment: Option<Adjustment>,
}

impl NumberLever {
    pub fn get(&self, s: &Scenario) -> f64 {
        (self.get)(s)
    }

    /// Sets the field to `x` brought into range (see [`NumberLever::settle`]).
    pub fn set(&self, s: &mut Scenario, x: f64) -> Option<Adjustment> {
        // The default is only the fallback for a value that is no number:
        // a slider's every input must not build a default scenario.
        let fallback = if x.is_nan() {
            (self.get)(&Scenario::default())
        } else {
            x
        };
        let settled = self.settle(x, fallback);
        (self.put)(s, settled.value);
        settled.adjustment
    }

    /// Whether the lever takes whole numbers only.
    pub fn whole(&self) -> bool {
        self.step >= 1.0
    }

    /// `x` in range and, for a whole-number lever, rounded (a fractional
    /// lever keeps a hundredth of its step, which no field shows, so that
    /// is no adjustment); `fallback` if it is not a number at all. Infinities clamp like any number beyond
    /// the range, and negative zero is zero.
    pub fn settle(&self, x: f64, fallback: f64) -> Settled {
        if x.is_nan() {
            return Settled {
                value: fallback,
                adjustment: None,
            };
        }
        let (value, adjustment) = if x > self.max {
            (self.max, Some(Adjustment::Maximum))
        } else if x < self.min {
            (self.min, Some(Adjustment::Minimum))
        } else if self.whole() && x.fract() != 0.0 {
            // Rounding never leaves the range: its ends are whole numbers.
            (x.round(), Some(Adjustment::Rounded))
        } else if self.whole() {
            (x, None)
        } else {
            (self.to_precision(x), None)
        };
        Settled {
            value: value + 0.0,
            adjustment,
        }
    }

    /// The decimals a fractional lever keeps: two more than its step has
    /// (a hundredth of a step), so that a link writes it in a few
    /// characters (`0.35`, not the `0.35000000000000003` that a slider's
    /// `35 / 100` gives) while no reader can see the difference: a field
    /// shows three decimals of the shown unit.
    fn decimals(&self) -> usize {
        (-self.step.log10()).ceil().max(0.0) as usize + 2
    }

    /// `x` to [`NumberLever::decimals`] decimals, as the nearest f64 to
    /// that decimal: rounding again changes nothing.
    fn to_precision(&self, x: f64) -> f64 {
        format!("{:.*}", self.decimals(), x).parse().unwrap_or(x)
    }

    /// How a lone `1.250` reads for this lever: see [`LoneGroup`].
    fn lone_group(&self) -> LoneGroup {
        if self.whole() {
            LoneGroup::Thousands
        } else if self.max * self.unit.display_factor() >= 1_000.0 {
            LoneGroup::ByLanguage
        } else {
            LoneGroup::Decimal
        }
    }

    /// Reads a number as typed in `lang`, in the units of the field (shares
    /// as percentages when `shown` is true, as fractions in links), not
    /// yet settled. `None` if the text is no number.
    pub fn read(&self, text: &str, lang: Lang, shown: bool) -> Option<f64> {
        let factor = if shown {
            self.unit.display_factor()
        } else {
            1.0
        };
        number::read(text, lang, self.lone_group()).map(|x| x / factor)
    }

    /// The value as its field shows it in `lang`: in display units, grouped
    /// by thousands, at most three decimals (`70.000`, `0,8`, `22,8`).
    pub fn field_text(&self, x: f64, lang: Lang) -> String {
        let decimals = if self.whole() { 0 } else { 3 };
        number::show(x * self.unit.display_factor(), decimals, lang)
    }

    /// The value with its unit, for a sentence: `70.000 per jaar`, `12 %`.
    pub fn describe(&self, x: f64, lang: Lang) -> String {
        let shown = x * self.unit.display_factor();
        format!(
            "{} {}",
            self.field_text(x, lang),
            self.unit.symbol_for(shown, lang)
        )
    }
}

impl DateLever {
    pub fn get(&self, s: &Scenario) -> Date {
        (self.get)(s)
    }

    /// Sets the field to `d` clamped into range; says whether it clamped.
    pub fn set(&self, s: &mut Scenario, d: Date) -> Option<Adjustment> {
        let used = d.clamp(self.min, self.max);
        (self.put)(s, used);
        match used.cmp(&d) {
            std::cmp::Ordering::Less => Some(Adjustment::Maximum),
            std::cmp::Ordering::Greater => Some(Adjustment::Minimum),
            std::cmp::Ordering::Equal => None,
        }
    }
}

impl ChoiceLever {
    pub fn get(&self, s: &Scenario) -> usize {
        (self.get)(s)
    }

    /// Sets the field to option `i` (the last option if `i` is past it).
    pub fn set(&self, s: &mut Scenario, i: usize) {
        (self.put)(s, i.min(self.options.len() - 1));
    }

    /// The index of the option with URL value `key`.
    /// The option whose key is `key`, in any case (`ON`, `Fifo`), as the
    /// page's own switches read theirs.
    pub fn position(&self, key: &str) -> Option<usize> {
        self.options
            .iter()
            .position(|o| o.key.eq_ignore_ascii_case(key))
    }
}

/// One lever: a scenario field with its key, range, texts and source.
pub struct Lever {
    /// The URL key, readable snake_case.
    pub key: &'static str,
    pub group: LeverGroup,
    pub label: Text,
    /// One or two sentences for the info popover: what the lever means.
    pub help: Text,
    /// Where the default comes from.
    pub source: Text,
    /// Where the lever is a law's date: the law's status in words ("in
    /// force since ...", "published in the Staatsblad, date in force not
    /// found", "bill"), shown beside the lever. A choice lever's options
    /// carry their own ([`Choice::status`]).
    pub status: Option<Text>,
    pub kind: LeverKind,
}

impl std::fmt::Debug for Lever {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lever").field("key", &self.key).finish()
    }
}

impl Lever {
    /// The lever's value in `s`.
    pub fn get(&self, s: &Scenario) -> LeverValue {
        match &self.kind {
            LeverKind::Number(n) => LeverValue::Number(n.get(s)),
            LeverKind::Date(d) => LeverValue::Date(d.get(s)),
            LeverKind::Choice(c) => LeverValue::Choice(c.get(s)),
        }
    }

    /// The lever's value in `Scenario::default()`.
    pub fn default_value(&self) -> LeverValue {
        self.get(&Scenario::default())
    }

    /// Whether the lever has the same value in `a` and `b`.
    pub fn same(&self, a: &Scenario, b: &Scenario) -> bool {
        self.get(a) == self.get(b)
    }

    /// Sets the lever in `s` to `value` as it is: a value [`Lever::get`]
    /// read from a valid scenario (the page keeps one per lever and
    /// assembles the scenario from them). A value of another kind than the
    /// lever's is ignored.
    pub fn put(&self, s: &mut Scenario, value: LeverValue) {
        match (&self.kind, value) {
            (LeverKind::Number(n), LeverValue::Number(x)) => (n.put)(s, x),
            (LeverKind::Date(d), LeverValue::Date(x)) => (d.put)(s, x),
            (LeverKind::Choice(c), LeverValue::Choice(i)) => c.set(s, i),
            _ => {}
        }
    }

    /// The lever's place in [`LEVERS`], the index of its value in
    /// anything kept per lever.
    pub fn index(&self) -> usize {
        LEVERS
            .iter()
            .position(|l| std::ptr::eq(l, self))
            .unwrap_or(0)
    }

    /// The status of the law behind the lever's value in `s`: the chosen
    /// option's for a choice lever, else the lever's own; `None` where the
    /// lever is no law.
    pub fn status(&self, s: &Scenario) -> Option<Text> {
        match &self.kind {
            LeverKind::Choice(c) => c.options[c.get(s)].status,
            LeverKind::Number(_) | LeverKind::Date(_) => self.status,
        }
    }

    /// Sets this lever in `to` to its value in `from`.
    pub fn copy(&self, from: &Scenario, to: &mut Scenario) {
        match &self.kind {
            LeverKind::Number(n) => (n.put)(to, n.get(from)),
            LeverKind::Date(d) => (d.put)(to, d.get(from)),
            LeverKind::Choice(c) => (c.put)(to, c.get(from)),
        }
    }

    /// Sets the lever to the point `u` of its range, from 0 (the minimum,
    /// the first option) to 1 (the maximum, the last option): the one way
    /// to reach every value the levers can take, for the test matrix and
    /// for random scenarios.
    pub fn set_at(&self, s: &mut Scenario, u: f64) {
        let u = if u.is_nan() { 0.0 } else { u.clamp(0.0, 1.0) };
        match &self.kind {
            LeverKind::Number(n) => {
                let x = n.min + u * (n.max - n.min);
                let x = if n.whole() { x.round() } else { x };
                n.set(s, x);
            }
            LeverKind::Date(d) => {
                let span = d.min.days_until(d.max) as f64;
                d.set(s, d.min.add_days((u * span).round() as i64));
            }
            LeverKind::Choice(c) => {
                c.set(s, (u * c.options.len() as f64) as usize);
            }
        }
    }

    /// The value as written in a link: the shortest decimal that reads back
    /// to the same number, `YYYY-MM-DD`, or the option's URL value.
    pub fn link_text(&self, s: &Scenario) -> String {
        match &self.kind {
            LeverKind::Number(n) => number::link_text(n.get(s)),
            LeverKind::Date(d) => d.get(s).to_string(),
            LeverKind::Choice(c) => c.options[c.get(s)].key.to_owned(),
        }
    }

    /// The value in words, in display units: `70.000 per jaar`, `1 mei
    /// 2024` as `2024-05-01`, or the option's text.
    pub fn describe(&self, s: &Scenario, lang: Lang) -> String {
        match &self.kind {
            LeverKind::Number(n) => n.describe(n.get(s), lang),
            LeverKind::Date(d) => d.get(s).to_string(),
            LeverKind::Choice(c) => c.options[c.get(s)].label.get(lang).to_owned(),
        }
    }

    /// Sets the lever in `s` from `text` as a link or a field gives it,
    /// read in `lang` (`shown`: in the field's display units). Returns what
    /// had to change, with the text as given; an unreadable text leaves the
    /// lever as it was.
    pub fn read(&self, s: &mut Scenario, text: &str, lang: Lang, shown: bool) -> Option<Warning> {
        // Every warning says which value is used: the one kept when the
        // text cannot be read, the one it was brought to otherwise.
        let warning = |s: &Scenario, kind| {
            Some(Warning {
                key: self.key.to_owned(),
                given: text.to_owned(),
                used: Some(self.link_text(s)),
                kind,
            })
        };
        let adjustment = match &self.kind {
            LeverKind::Number(n) => match n.read(text, lang, shown) {
                Some(x) => n.set(s, x),
                None => return warning(s, WarningKind::Unreadable),
            },
            LeverKind::Date(d) => match text.trim().parse() {
                Ok(date) => d.set(s, date),
                Err(_) => return warning(s, WarningKind::Unreadable),
            },
            LeverKind::Choice(c) => match c.position(text.trim()) {
                Some(i) => {
                    c.set(s, i);
                    None
                }
                None => return warning(s, WarningKind::Unreadable),
            },
        };
        warning(s, WarningKind::Adjusted(adjustment?))
    }

    /// Brings the lever's value in `s` into range (fields set directly may
    /// hold anything), with a warning when that changed it.
    pub fn validate(&self, s: &mut Scenario) -> Option<Warning> {
        // Every run validates its scenario, so the value as given is kept
        // as a plain copy and written out only for a warning.
        let given = s.clone();
        let kind = match &self.kind {
            LeverKind::Number(n) => {
                let x = n.get(s);
                let settled = n.settle(x, n.get(&Scenario::default()));
                (n.put)(s, settled.value);
                if x.is_nan() {
                    Some(WarningKind::Unreadable)
                } else {
                    settled.adjustment.map(WarningKind::Adjusted)
                }
            }
            LeverKind::Date(d) => d.set(s, d.get(s)).map(WarningKind::Adjusted),
            LeverKind::Choice(c) => {
                let i = c.get(s);
                c.set(s, i);
                (i >= c.options.len()).then_some(WarningKind::Adjusted(Adjustment::Maximum))
            }
        }?;
        Some(Warning {
            key: self.key.to_owned(),
            given: self.link_text(&given),
            used: Some(self.link_text(s)),
            kind,
        })
    }
}

/// Every lever, in the page's order.
pub fn levers() -> &'static [Lever] {
    &LEVERS
}

/// The default scenario with, for each pick `(i, u)`, the table's lever `i`
/// (modulo the table's length) at the point `u` of its range (see
/// [`Lever::set_at`]): the model's one generator of arbitrary scenarios,
/// for property tests and end-to-end tests alike. The scenario is valid.
pub fn scenario_at(picks: impl IntoIterator<Item = (usize, f64)>) -> Scenario {
    let mut s = Scenario::default();
    for (i, u) in picks {
        LEVERS[i % LEVER_COUNT].set_at(&mut s, u);
    }
    // Each lever is in its range; validating applies the one rule between
    // levers, the last day at most ten years after `from`.
    s.validated().0
}

/// The URL key of the horizon's last day: moving it changes the view, not
/// the policy, so it is no difference between a scenario and its baseline.
pub const HORIZON_KEY: &str = "until";

/// The levers whose values differ between `a` and `b`, horizon aside, in
/// the table's order: what a scenario changes against its baseline.
pub fn differing<'a>(
    a: &'a Scenario,
    b: &'a Scenario,
) -> impl Iterator<Item = &'static Lever> + 'a {
    levers()
        .iter()
        .filter(move |l| l.key != HORIZON_KEY && !l.same(a, b))
}

/// The levers that code names, typed: each stands for its place in
/// [`LEVERS`], which a test checks against its key, so that code names a
/// lever without looking its key up (and handling a miss) at run time.
/// `lever(key)` stays for keys read at the edge (links, files).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Named {
    Intake = 0,
    Fte = 1,
    Baa = 2,
    Term = 3,
    From = 49,
    Until = 50,
}

impl Named {
    /// Every named lever.
    pub const ALL: [Named; 6] = [
        Named::Intake,
        Named::Fte,
        Named::Baa,
        Named::Term,
        Named::From,
        Named::Until,
    ];

    /// The lever's URL key.
    pub fn key(self) -> &'static str {
        match self {
            Named::Intake => "intake",
            Named::Fte => "fte",
            Named::Baa => "baa",
            Named::Term => "term",
            Named::From => "from",
            Named::Until => HORIZON_KEY,
        }
    }

    /// The lever.
    pub fn lever(self) -> &'static Lever {
        &LEVERS[self as usize]
    }
}

/// The lever with URL key `key`.
pub fn lever(key: &str) -> Option<&'static Lever> {
    LEVERS.iter().find(|l| l.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_lever_is_the_lever_of_its_key() {
        for n in Named::ALL {
            assert_eq!(n.lever().key, n.key(), "{n:?}");
            assert!(std::ptr::eq(n.lever(), lever(n.key()).unwrap()), "{n:?}");
            assert_eq!(n.lever().index(), n as usize);
        }
    }
    use crate::scenario::WorkOrder;

    #[test]
    fn a_scenario_put_together_lever_by_lever_is_the_scenario() {
        let from = Scenario::outlook();
        let mut s = Scenario::default();
        for (i, l) in levers().iter().enumerate() {
            assert_eq!(l.index(), i);
            l.put(&mut s, l.get(&from));
        }
        assert_eq!(s, from);
    }

    fn number(key: &str) -> &'static NumberLever {
        match &lever(key).unwrap().kind {
            LeverKind::Number(n) => n,
            LeverKind::Date(_) | LeverKind::Choice(_) => panic!("{key} is no number"),
        }
    }

    #[test]
    fn one_week_or_month_is_singular() {
        assert_eq!(Unit::Weeks.symbol_for(1.0, Lang::Nl), "week");
        assert_eq!(Unit::Weeks.symbol_for(2.0, Lang::Nl), "weken");
        assert_eq!(Unit::Months.symbol_for(1.0, Lang::En), "month");
        assert_eq!(Unit::Months.symbol_for(0.0, Lang::En), "months");
        assert_eq!(Unit::Euro.symbol_for(1.0, Lang::Nl), "euro");
    }

    #[test]
    fn keys_are_unique_and_readable() {
        let mut keys: Vec<_> = levers().iter().map(|l| l.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), LEVER_COUNT);
        for k in keys {
            assert!(
                k.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{k}"
            );
            assert_ne!(k, "v", "v is the format version");
        }
    }

    #[test]
    fn defaults_are_in_range_and_texts_present() {
        for l in levers() {
            let mut s = Scenario::default();
            assert_eq!(l.validate(&mut s), None, "{}", l.key);
            for text in [l.label, l.help, l.source] {
                assert!(!text.nl.is_empty() && !text.en.is_empty(), "{}", l.key);
            }
            if let LeverKind::Number(n) = &l.kind {
                assert!(n.min < n.max && n.step > 0.0, "{}", l.key);
            }
        }
    }

    #[test]
    fn defaults_and_ends_sit_on_the_slider_steps() {
        for l in levers() {
            if let LeverKind::Number(n) = &l.kind {
                for x in [n.get(&Scenario::default()), n.max] {
                    let steps = (x - n.min) / n.step;
                    assert!(
                        (steps - steps.round()).abs() < 1e-9,
                        "{}: {x} is off the {} grid",
                        l.key,
                        n.step
                    );
                }
            }
        }
    }

    /// The same text gives the same value in a field and in a link, in
    /// either language, for levers shown as they are stored.
    #[test]
    fn fields_and_links_read_alike() {
        let table: [(&str, &str, f64); 12] = [
            ("intake", "77000", 77_000.0),
            ("intake", "77.000", 77_000.0),
            ("intake", "77,000", 77_000.0),
            ("intake", "77 000", 77_000.0),
            ("intake", "1.077.000", 200_000.0),
            ("fte", "1.500", 1_500.0),
            ("productivity", "1.250", 1.25),
            ("productivity", "1,250", 1.25),
            ("productivity", "0,8", 0.8),
            ("productivity", "0.8", 0.8),
            ("hiring_per_month", "12", 12.0),
            ("capacity_t1", "9.600", 9_600.0),
        ];
        for (key, text, expected) in table {
            let l = lever(key).unwrap();
            for lang in [Lang::Nl, Lang::En] {
                for shown in [true, false] {
                    let mut s = Scenario::default();
                    l.read(&mut s, text, lang, shown);
                    assert_eq!(
                        l.get(&s),
                        LeverValue::Number(expected),
                        "{key} {text} {lang:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn shares_are_typed_as_percentages_in_fields() {
        let l = lever("past_term_share").unwrap();
        let mut s = Scenario::default();
        assert_eq!(l.read(&mut s, "62,5", Lang::Nl, true), None);
        assert_eq!(s.past_term_share, 0.625);
        assert_eq!(l.read(&mut s, "0.6", Lang::Nl, false), None);
        assert_eq!(s.past_term_share, 0.6);
        assert_eq!(
            number("past_term_share").field_text(0.625, Lang::Nl),
            "62,5"
        );
    }

    #[test]
    fn reading_reports_clamps_rounding_and_unreadable_text() {
        let l = lever("intake").unwrap();
        let mut s = Scenario::default();
        let w = l.read(&mut s, "250.000", Lang::Nl, true).unwrap();
        assert_eq!(w.kind, WarningKind::Adjusted(Adjustment::Maximum));
        assert_eq!(
            (w.given.as_str(), w.used.as_deref()),
            ("250.000", Some("200000"))
        );
        assert_eq!(s.intake_per_year, 200_000.0);
        let w = l.read(&mut s, "1e400", Lang::En, false).unwrap();
        assert_eq!(w.kind, WarningKind::Adjusted(Adjustment::Maximum));
        let w = l.read(&mut s, "-5", Lang::En, false).unwrap();
        assert_eq!(w.kind, WarningKind::Adjusted(Adjustment::Minimum));
        let w = l.read(&mut s, "77.5", Lang::En, true).unwrap();
        assert_eq!(w.kind, WarningKind::Adjusted(Adjustment::Rounded));
        assert_eq!(s.intake_per_year, 78.0);
        let w = l.read(&mut s, "lots", Lang::En, true).unwrap();
        assert_eq!(w.kind, WarningKind::Unreadable);
        assert_eq!(
            s.intake_per_year, 78.0,
            "an unreadable text changes nothing"
        );
        assert_eq!(l.read(&mut s, "-0", Lang::En, true).map(|w| w.kind), None);
        assert_eq!(s.intake_per_year.to_bits(), 0.0f64.to_bits());
    }

    #[test]
    fn fractional_levers_keep_a_hundredth_of_their_step() {
        let l = number("past_term_share");
        let mut s = Scenario::default();
        assert_eq!(l.set(&mut s, 35.0 / 100.0 + 1e-17), None);
        assert_eq!(lever("past_term_share").unwrap().link_text(&s), "0.35");
        assert_eq!(l.set(&mut s, 0.123_456_789), None);
        assert_eq!(s.past_term_share, 0.1235);
        let settled = l.settle(0.1235, 0.7);
        assert_eq!((settled.value, settled.adjustment), (0.1235, None));
    }

    #[test]
    fn set_at_reaches_both_ends_of_every_lever() {
        let order = lever("order").unwrap();
        let mut s = Scenario::default();
        order.set_at(&mut s, 1.0);
        assert_eq!(s.work_order, WorkOrder::NewestFirst);
        order.set_at(&mut s, 0.0);
        assert_eq!(s.work_order, WorkOrder::Fifo);
        let intake = lever("intake").unwrap();
        intake.set_at(&mut s, 1.0);
        assert_eq!(s.intake_per_year, 200_000.0);
        intake.set_at(&mut s, f64::NAN);
        assert_eq!(s.intake_per_year, 0.0);
    }

    #[test]
    fn headline_group_holds_the_main_levers() {
        let keys: Vec<_> = LeverGroup::Headline.levers().map(|l| l.key).collect();
        assert_eq!(keys, ["intake", "fte", "baa", "term", "ext_until"]);
    }
}
