//! Numbers, money and dates in the page's language, through the browser's
//! `Intl`, so that a Dutch reader sees `63.412` and `1 mei 2024` and an
//! English one `63,412` and `1 May 2024`, as their own software would write
//! them. Compact sums (`€ 55,3 mln.`, `€55.3M`) are written in Rust
//! ([`compact`]): `Intl` writes Dutch thousands as "K".
//!
//! `Intl` formatters are costly to build and cheap to use, and the charts ask
//! for dozens of tick labels on every frame of a drag, so each language's set
//! is built once and kept for the life of the page.

use std::cell::RefCell;
use std::rc::Rc;

use doorstroom_charts::Format;
use doorstroom_model::{Date, Lang};
use js_sys::{Array, Function, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::i18n;
use crate::view_model::Notation;

pub mod compact;

use compact::Digits;

/// One language's formatters.
pub struct Formats {
    lang: Lang,
    whole: Function,
    one_decimal: Function,
    signed_one_decimal: Function,
    euro: Function,
    percent: Function,
    month: Function,
    month_short: Function,
    day: Function,
    weeks: Function,
}

thread_local! {
    static CACHE: RefCell<Vec<Rc<Formats>>> = const { RefCell::new(Vec::new()) };
}

/// The formatters for `lang`, built on first use.
pub fn formats(lang: Lang) -> Rc<Formats> {
    CACHE.with(|cache| {
        if let Some(found) = cache.borrow().iter().find(|f| f.lang == lang) {
            return Rc::clone(found);
        }
        let built = Rc::new(Formats::new(lang));
        cache.borrow_mut().push(Rc::clone(&built));
        built
    })
}

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        // Setting a plain property on a fresh object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

fn s(text: &str) -> JsValue {
    JsValue::from_str(text)
}

fn n(value: f64) -> JsValue {
    JsValue::from_f64(value)
}

impl Formats {
    fn new(lang: Lang) -> Self {
        let locales = Array::of1(&s(i18n::locale(lang)));
        let number =
            |pairs: &[(&str, JsValue)]| Intl::NumberFormat::new(&locales, &options(pairs)).format();
        // Dates come from the model as calendar days; they are read and
        // written in UTC so that no time zone can move them to the day before.
        let date = |pairs: &[(&str, JsValue)]| {
            let mut all = pairs.to_vec();
            all.push(("timeZone", s("UTC")));
            Intl::DateTimeFormat::new(&locales, &options(&all)).format()
        };
        let euro = [("style", s("currency")), ("currency", s("EUR"))];
        Self {
            lang,
            whole: number(&[("maximumFractionDigits", n(0.0))]),
            one_decimal: number(&[
                ("minimumFractionDigits", n(1.0)),
                ("maximumFractionDigits", n(1.0)),
            ]),
            signed_one_decimal: number(&[
                ("minimumFractionDigits", n(1.0)),
                ("maximumFractionDigits", n(1.0)),
                ("signDisplay", s("exceptZero")),
            ]),
            euro: number(&[
                euro[0].clone(),
                euro[1].clone(),
                ("maximumFractionDigits", n(0.0)),
            ]),
            percent: number(&[
                ("style", s("percent")),
                ("minimumFractionDigits", n(1.0)),
                ("maximumFractionDigits", n(1.0)),
            ]),
            month: date(&[("month", s("long")), ("year", s("numeric"))]),
            month_short: date(&[("month", s("short")), ("year", s("numeric"))]),
            day: date(&[
                ("day", s("numeric")),
                ("month", s("long")),
                ("year", s("numeric")),
            ]),
            weeks: number(&[
                ("style", s("unit")),
                ("unit", s("week")),
                ("unitDisplay", s("long")),
                ("maximumFractionDigits", n(0.0)),
            ]),
        }
    }

    fn call(f: &Function, value: JsValue) -> String {
        f.call1(&JsValue::NULL, &value)
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    }

    fn date_value(date: &Date) -> JsValue {
        // `Date` displays as YYYY-MM-DD, which `new Date()` reads as UTC midnight.
        js_sys::Date::new(&s(&date.to_string())).into()
    }

    /// A whole number with the locale's thousands separator: `63.412`.
    pub fn whole(&self, value: f64) -> String {
        Self::call(&self.whole, n(value))
    }

    /// A number with one decimal: `2,5`.
    pub fn one_decimal(&self, value: f64) -> String {
        Self::call(&self.one_decimal, n(value))
    }

    /// A whole number with its sign, `+1.200` or `−300` (zero has none): for
    /// a column of effects, where the sign is the message.
    pub fn signed_whole(&self, value: f64) -> String {
        let text = self.whole(value);
        if value.round() > 0.0 {
            format!("+{text}")
        } else {
            text
        }
    }

    /// A compact sum with its sign, `+€ 1,2 mln.` or `−€ 1,2 mln.`: for a
    /// column of effects (a change against the baseline reads as a size and
    /// a word instead).
    pub fn signed_euro_compact(&self, value: f64) -> String {
        let text = self.euro_compact(value);
        if value > 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
            format!("+{text}")
        } else {
            text
        }
    }

    /// A deviation with its sign, `+3,2` or `−0,4` (zero has none): for a
    /// column of deviations, where the sign is the message; a change against
    /// the baseline reads as a size and a word instead (see `view_model::changes`).
    pub fn signed_one_decimal(&self, value: f64) -> String {
        Self::call(&self.signed_one_decimal, n(value))
    }

    /// Whole euros: `€ 1.250`.
    pub fn euro_whole(&self, value: f64) -> String {
        Self::call(&self.euro, n(value))
    }

    /// Large sums with one decimal: `€ 55,3 mln.` / `€55.3M`.
    pub fn euro_compact(&self, value: f64) -> String {
        compact::euro(value, self.lang, Digits::OneDecimal)
    }

    /// A share between 0 and 1 as a percentage: `38,4%`.
    pub fn percent(&self, share: f64) -> String {
        Self::call(&self.percent, n(share))
    }

    /// Sums in a note, to three significant digits: `€ 7,24 mln.`, `€ 55 mln.`.
    pub fn euro_short(&self, value: f64) -> String {
        compact::euro(value, self.lang, Digits::ThreeSignificant)
    }

    /// `mei 2024` / `May 2024`.
    pub fn month_long(&self, date: &Date) -> String {
        Self::call(&self.month, Self::date_value(date))
    }

    /// `mei 2024` / `May 2024` abbreviated, for chart axes.
    pub fn month_short(&self, date: &Date) -> String {
        Self::call(&self.month_short, Self::date_value(date))
    }

    /// `1 mei 2024` / `1 May 2024`.
    pub fn day(&self, date: &Date) -> String {
        Self::call(&self.day, Self::date_value(date))
    }

    /// `26 weken` / `26 weeks`.
    pub fn weeks(&self, value: f64) -> String {
        Self::call(&self.weeks, n(value))
    }
}

/// The view model's texts in the page's locale.
impl Notation for Formats {
    fn lang(&self) -> Lang {
        self.lang
    }

    fn whole(&self, value: f64) -> String {
        Formats::whole(self, value)
    }

    fn one_decimal(&self, value: f64) -> String {
        Formats::one_decimal(self, value)
    }

    fn percent(&self, share: f64) -> String {
        Formats::percent(self, share)
    }

    fn euro_compact(&self, value: f64) -> String {
        Formats::euro_compact(self, value)
    }

    fn euro_short(&self, value: f64) -> String {
        Formats::euro_short(self, value)
    }

    fn month_long(&self, date: &Date) -> String {
        Formats::month_long(self, date)
    }

    fn month_short(&self, date: &Date) -> String {
        Formats::month_short(self, date)
    }

    fn day(&self, date: &Date) -> String {
        Formats::day(self, date)
    }
}

/// Goal-seek's answers in the page's locale: `1.104`, `€ 119 mln.`,
/// `januari 2027`, `1 januari 2027`.
impl doorstroom_model::uncertainty::Wording for Formats {
    fn count(&self, v: f64) -> String {
        self.whole(v)
    }

    fn euro(&self, v: f64) -> String {
        self.euro_short(v)
    }

    fn month(&self, d: Date) -> String {
        self.month_long(&d)
    }

    fn day(&self, d: Date) -> String {
        Formats::day(self, &d)
    }
}

/// The charts' labels and readouts in the page's locale.
impl Format for Formats {
    fn number(&self, v: f64) -> String {
        self.whole(v)
    }

    fn euro(&self, v: f64) -> String {
        self.euro_short(v)
    }

    fn month(&self, d: Date) -> String {
        self.month_short(&d)
    }

    fn weeks(&self, v: f64) -> String {
        Formats::weeks(self, v)
    }

    fn date(&self, d: Date) -> String {
        self.day(&d)
    }
}
