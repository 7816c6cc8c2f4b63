//! The lever table: the one place that says, for every scenario field the
//! page can change, its URL key, its range and step, its unit, its texts and
//! its source. URL reading and writing, validation, the page's sliders and
//! info popovers and the 2N+3 test matrix are all driven by this table.

mod table;

pub(crate) use table::LAST_DAY;
pub use table::{LEVER_COUNT, LEVERS};

use crate::date::Date;
use crate::scenario::Scenario;
use crate::text::{Lang, Text, t};

/// The folded groups of levers on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LeverGroup {
    /// The four headline levers, always visible.
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

/// What kind of value a lever takes, with its range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LeverKind {
    Number {
        min: f64,
        max: f64,
        step: f64,
        unit: Unit,
    },
    Date {
        min: Date,
        max: Date,
    },
    /// The options as (URL value, text), in the page's order.
    Choice {
        options: &'static [(&'static str, Text)],
    },
}

/// A lever's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LeverValue {
    Number(f64),
    Date(Date),
    /// An index into the lever's options.
    Choice(usize),
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
    pub kind: LeverKind,
    get: fn(&Scenario) -> LeverValue,
    /// Writes a value already clamped by [`Lever::set`].
    put: fn(&mut Scenario, LeverValue),
}

impl std::fmt::Debug for Lever {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lever")
            .field("key", &self.key)
            .field("kind", &self.kind)
            .finish()
    }
}

impl Lever {
    /// The lever's value in `s`.
    pub fn get(&self, s: &Scenario) -> LeverValue {
        (self.get)(s)
    }

    /// Sets the lever in `s` to `v`, clamped into range (a number that is not
    /// finite becomes the default; whole-number fields round). A value of the
    /// wrong kind is ignored.
    pub fn set(&self, s: &mut Scenario, v: LeverValue) {
        if let Some(v) = self.clamp(v) {
            (self.put)(s, v);
        }
    }

    /// The lever's value in `Scenario::default()`.
    pub fn default_value(&self) -> LeverValue {
        self.get(&Scenario::default())
    }

    /// `v` brought into range, or `None` if it is of the wrong kind.
    pub fn clamp(&self, v: LeverValue) -> Option<LeverValue> {
        match (self.kind, v) {
            (LeverKind::Number { min, max, .. }, LeverValue::Number(x)) => {
                if x.is_finite() {
                    Some(LeverValue::Number(x.clamp(min, max)))
                } else {
                    Some(self.default_value())
                }
            }
            (LeverKind::Date { min, max }, LeverValue::Date(d)) => {
                Some(LeverValue::Date(d.clamp(min, max)))
            }
            (LeverKind::Choice { options }, LeverValue::Choice(i)) => {
                Some(LeverValue::Choice(i.min(options.len() - 1)))
            }
            _ => None,
        }
    }

    /// The value as written in a URL: the shortest decimal that reads back
    /// to the same number, `YYYY-MM-DD`, or the option's URL value.
    pub fn format(&self, v: LeverValue) -> String {
        match (self.kind, v) {
            (LeverKind::Choice { options }, LeverValue::Choice(i)) => options
                .get(i)
                .map_or_else(|| i.to_string(), |o| o.0.to_string()),
            (_, LeverValue::Number(x)) => format!("{x}"),
            (_, LeverValue::Date(d)) => d.to_string(),
            (_, LeverValue::Choice(i)) => i.to_string(),
        }
    }

    /// Reads a URL value of this lever's kind (not yet clamped), or `None`
    /// if it cannot be read. Numbers must be finite; people who edit a link
    /// by hand may write them the Dutch way, so a decimal comma (`0,7`) is
    /// read as a decimal point, and for whole-number levers (step 1 or more)
    /// digits grouped by threes with points or commas (`77.000`, `77,000`)
    /// are read as thousands.
    pub fn parse(&self, text: &str) -> Option<LeverValue> {
        match self.kind {
            LeverKind::Number { step, .. } => {
                let normalised = normalise_number(text, step >= 1.0);
                let looks_decimal = !normalised.is_empty()
                    && normalised.bytes().all(|b| {
                        b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E')
                    });
                let x: f64 = if looks_decimal {
                    normalised.parse().ok()?
                } else {
                    return None;
                };
                x.is_finite().then_some(LeverValue::Number(x))
            }
            LeverKind::Date { .. } => text.parse().ok().map(LeverValue::Date),
            LeverKind::Choice { options } => options
                .iter()
                .position(|o| o.0 == text)
                .map(LeverValue::Choice),
        }
    }
}

/// A number as typed by a Dutch or English reader, in Rust's notation:
/// thousands groups (`77.000`, `77,000`, only if `whole`) lose their
/// separators, and a single decimal comma becomes a point.
fn normalise_number(text: &str, whole: bool) -> std::borrow::Cow<'_, str> {
    let grouped = |sep: char| {
        let mut groups = text.split(sep);
        let first = groups.next().unwrap_or("");
        let rest: Vec<&str> = groups.collect();
        !rest.is_empty()
            && (1..=3).contains(&first.len())
            && first.bytes().all(|b| b.is_ascii_digit())
            && rest
                .iter()
                .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
    };
    if whole && (grouped('.') || grouped(',')) {
        return text.replace(['.', ','], "").into();
    }
    if text.matches(',').count() == 1 && !text.contains('.') {
        return text.replace(',', ".").into();
    }
    text.into()
}

/// Every lever, in the page's order.
pub fn levers() -> &'static [Lever] {
    &LEVERS
}

/// The lever with URL key `key`.
pub fn lever(key: &str) -> Option<&'static Lever> {
    LEVERS.iter().find(|l| l.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::WorkOrder;

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
    fn headline_keys_are_the_issue_s() {
        for key in ["intake", "fte", "baa", "term"] {
            assert_eq!(lever(key).unwrap().group, LeverGroup::Headline);
        }
        assert!(lever("ext_until").is_some());
        assert!(lever("nope").is_none());
    }

    #[test]
    fn defaults_are_in_range_and_texts_present() {
        for l in levers() {
            let d = l.default_value();
            assert_eq!(l.clamp(d), Some(d), "{}", l.key);
            for text in [l.label, l.help, l.source] {
                assert!(!text.nl.is_empty() && !text.en.is_empty(), "{}", l.key);
            }
            if let LeverKind::Number { min, max, step, .. } = l.kind {
                assert!(min < max && step > 0.0, "{}", l.key);
            }
        }
    }

    #[test]
    fn defaults_and_ends_sit_on_the_slider_steps() {
        for l in levers() {
            if let LeverKind::Number { min, max, step, .. } = l.kind {
                let LeverValue::Number(d) = l.default_value() else {
                    panic!()
                };
                for x in [d, max] {
                    let steps = (x - min) / step;
                    assert!(
                        (steps - steps.round()).abs() < 1e-9,
                        "{}: {x} is off the {step} grid",
                        l.key
                    );
                }
            }
        }
    }

    #[test]
    fn reads_numbers_as_people_write_them() {
        let number = |key: &str, text: &str| match lever(key).unwrap().parse(text) {
            Some(LeverValue::Number(x)) => Some(x),
            _ => None,
        };
        assert_eq!(number("intake", "77000"), Some(77_000.0));
        assert_eq!(number("intake", "77.000"), Some(77_000.0));
        assert_eq!(number("intake", "77,000"), Some(77_000.0));
        assert_eq!(number("intake", "1.077.000"), Some(1_077_000.0));
        assert_eq!(number("intake", "77.5"), Some(77.5));
        assert_eq!(number("past_term_share", "0,7"), Some(0.7));
        assert_eq!(number("past_term_share", "0.7"), Some(0.7));
        assert_eq!(
            number("past_term_share", "1.000"),
            Some(1.0),
            "not a whole-number lever"
        );
        assert_eq!(number("fte", "1.500"), Some(1_500.0));
        assert_eq!(number("intake", "77.00"), Some(77.0), "not groups of three");
        for bad in ["7,7,7", "77.000,5", "1,2.3", "", ",", "."] {
            assert_eq!(number("intake", bad), None, "{bad}");
        }
    }

    #[test]
    fn the_end_test_s_query_is_in_range() {
        let fte = lever("fte").unwrap();
        assert_eq!(
            fte.clamp(LeverValue::Number(600.0)),
            Some(LeverValue::Number(600.0))
        );
        assert_ne!(fte.default_value(), LeverValue::Number(600.0));
    }

    #[test]
    fn set_clamps_and_ignores_the_wrong_kind() {
        let mut s = Scenario::default();
        let intake = lever("intake").unwrap();
        intake.set(&mut s, LeverValue::Number(1e12));
        assert_eq!(s.intake_per_year, 200_000.0);
        intake.set(&mut s, LeverValue::Number(f64::NAN));
        assert_eq!(s.intake_per_year, 70_000.0);
        intake.set(&mut s, LeverValue::Choice(3));
        assert_eq!(s.intake_per_year, 70_000.0);
        let order = lever("order").unwrap();
        order.set(&mut s, LeverValue::Choice(99));
        assert_eq!(s.work_order, WorkOrder::NewestFirst);
        assert!(matches!(order.kind, LeverKind::Choice { options } if options.len() == 4));
    }
}
