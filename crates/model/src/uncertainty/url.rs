//! The Monte Carlo settings in the page's URL, beside the scenario's levers:
//! `bands=on`, `runs=`, `seed=` and one key per spread (`sd_intake=` …).
//! Only values that differ from the default are written. Reading never
//! fails: an unreadable value keeps its default and one out of range is
//! brought to the nearest end, each with a [`Warning`]; keys that are not
//! these settings are left to the scenario's reader.

use std::borrow::Cow;

use super::settings::{BandSettings, KEY_ON, KEY_RUNS, KEY_SEED, SPREADS};
use crate::levers::Adjustment;
use crate::levers::number::{self, LoneGroup};
use crate::query::page_keys;
use crate::scenario::Scenario;
use crate::text::Lang;
use crate::warning::{Warning, WarningKind};

impl BandSettings {
    /// Whether `key` is one of these settings' URL keys.
    pub fn owns_key(key: &str) -> bool {
        matches!(key, KEY_ON | KEY_RUNS | KEY_SEED) || SPREADS.iter().any(|s| s.key == key)
    }

    /// The settings that differ from the default, as `key=value` pairs
    /// joined by `&` (empty if none), in the order of the keys above.
    #[must_use]
    pub fn to_query(&self) -> String {
        let default = BandSettings::default();
        let mut pairs: Vec<String> = Vec::new();
        if self.on != default.on {
            pairs.push(format!("{KEY_ON}={}", on_off(self.on)));
        }
        if self.runs != default.runs {
            pairs.push(format!("{KEY_RUNS}={}", self.runs));
        }
        if self.seed != default.seed {
            pairs.push(format!("{KEY_SEED}={}", self.seed));
        }
        let values = self.spreads.values();
        for (spread, (v, d)) in SPREADS
            .iter()
            .zip(values.iter().zip(default.spreads.values()))
        {
            if v.to_bits() != d.to_bits() {
                pairs.push(format!("{}={v}", spread.key));
            }
        }
        pairs.join("&")
    }

    /// Reads these settings from a URL query (with or without `?`),
    /// numbers as a Dutch reader writes them; other keys are ignored here.
    /// A later repeat of a key wins.
    #[must_use]
    pub fn from_query(q: &str) -> (BandSettings, Vec<Warning>) {
        let q = q.strip_prefix('?').unwrap_or(q);
        BandSettings::from_pairs(form_urlencoded::parse(q.as_bytes()), Lang::Nl)
    }

    /// Reads these settings from decoded `(key, value)` pairs; other keys
    /// are ignored.
    #[must_use]
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (Cow<'a, str>, Cow<'a, str>)>,
        lang: Lang,
    ) -> (BandSettings, Vec<Warning>) {
        let mut s = BandSettings::default();
        let mut warnings = Vec::new();
        for (key, given) in pairs {
            if BandSettings::owns_key(&key) {
                warnings.extend(s.read(&key, &given, lang));
            }
        }
        (s, warnings)
    }

    /// Sets the setting `key` from the text `given`, typed in a field or a
    /// link in `lang`; what had to change. Numbers are read by the levers'
    /// one number reader (`1.000` and `1,000` runs are a thousand in either
    /// language; `0,2` is a fifth), then brought into range.
    pub fn read(&mut self, key: &str, given: &str, lang: Lang) -> Option<Warning> {
        let value = given.trim();
        let warning = |used: String, kind| {
            Some(Warning {
                key: key.to_string(),
                given: given.to_string(),
                used: Some(used),
                kind,
            })
        };
        match key {
            KEY_ON => match value.to_ascii_lowercase().as_str() {
                "on" | "1" | "true" => self.on = true,
                "off" | "0" | "false" => self.on = false,
                _ => return warning(on_off(self.on).to_string(), WarningKind::Unreadable),
            },
            KEY_RUNS => {
                let Some(x) = number::read(value, lang, LoneGroup::Thousands) else {
                    return warning(self.runs.to_string(), WarningKind::Unreadable);
                };
                let (lo, hi) = (
                    f64::from(super::RUNS_RANGE.0),
                    f64::from(super::RUNS_RANGE.1),
                );
                let (runs, adjustment) = if x > hi {
                    (hi, Some(Adjustment::Maximum))
                } else if x < lo {
                    (lo, Some(Adjustment::Minimum))
                } else if x.fract() != 0.0 {
                    (x.round(), Some(Adjustment::Rounded))
                } else {
                    (x, None)
                };
                self.runs = runs as u32;
                if let Some(a) = adjustment {
                    return warning(self.runs.to_string(), WarningKind::Adjusted(a));
                }
            }
            KEY_SEED => {
                // Plain digits are read exactly (a fresh seed has up to 20);
                // anything else as any whole number is, then clamped.
                if let Ok(seed) = value.parse::<u64>() {
                    self.seed = seed;
                    return None;
                }
                let Some(x) = number::read(value, lang, LoneGroup::Thousands) else {
                    return warning(self.seed.to_string(), WarningKind::Unreadable);
                };
                let (seed, adjustment) = if x < 0.0 {
                    (0, Adjustment::Minimum)
                } else if x >= u64::MAX as f64 {
                    (u64::MAX, Adjustment::Maximum)
                } else {
                    (x.round() as u64, Adjustment::Rounded)
                };
                self.seed = seed;
                if x.fract() != 0.0 || x < 0.0 || x >= u64::MAX as f64 {
                    return warning(seed.to_string(), WarningKind::Adjusted(adjustment));
                }
            }
            _ => {
                let i = SPREADS.iter().position(|sp| sp.key == key)?;
                let spread = &SPREADS[i];
                let slot = self.spreads.value_mut(i)?;
                let Some(x) = number::read(value, lang, LoneGroup::Decimal) else {
                    return warning(slot.to_string(), WarningKind::Unreadable);
                };
                let (used, kind) = spread.settle(x);
                *slot = used;
                if let Some(kind) = kind {
                    return warning(used.to_string(), kind);
                }
            }
        }
        None
    }
}

/// Reads a page's whole query: the band settings from their own keys, the
/// page's own keys ([`page_keys`]) left to the page, and the scenario from
/// the rest, with the warnings of both. Numbers are read in the link's
/// language (`lang=en`: `77,000`), Dutch by default, as the page reads them.
#[must_use]
pub fn read_query(q: &str) -> (Scenario, BandSettings, Vec<Warning>) {
    let q = q.strip_prefix('?').unwrap_or(q);
    let (own, rest): (Vec<_>, Vec<_>) =
        form_urlencoded::parse(q.as_bytes()).partition(|(k, _)| BandSettings::owns_key(k));
    let (page, rest): (Vec<_>, Vec<_>) = rest
        .into_iter()
        .partition(|(k, _)| page_keys::ALL.contains(&k.as_ref()));
    let lang = match page.iter().rev().find(|(k, _)| k == page_keys::LANG) {
        Some((_, v)) if v.trim().eq_ignore_ascii_case("en") => Lang::En,
        _ => Lang::Nl,
    };
    let (scenario, mut warnings) = Scenario::from_pairs(rest, lang);
    let (bands, band_warnings) = BandSettings::from_pairs(own, lang);
    warnings.extend(band_warnings);
    (scenario, bands, warnings)
}

/// The page's whole query: the scenario's, then the band settings that
/// differ from the default.
#[must_use]
pub fn write_query(scenario: &Scenario, bands: &BandSettings) -> String {
    let mut q = scenario.to_query();
    let b = bands.to_query();
    if !b.is_empty() {
        q.push('&');
        q.push_str(&b);
    }
    q
}

fn on_off(on: bool) -> &'static str {
    if on { "on" } else { "off" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::levers::Adjustment;
    use crate::uncertainty::settings::{RUNS_RANGE, Spreads};

    #[test]
    fn the_default_writes_nothing_and_reads_back() {
        assert_eq!(BandSettings::default().to_query(), "");
        let (s, w) = BandSettings::from_query("v=1&intake=77000");
        assert_eq!(s, BandSettings::default());
        assert!(w.is_empty());
    }

    #[test]
    fn round_trips_every_setting() {
        let s = BandSettings {
            on: true,
            runs: 1_000,
            seed: u64::MAX,
            spreads: Spreads {
                intake: 0.25,
                intake_year: 0.1,
                intake_week: 0.0,
                productivity: 0.15,
                notice: 0.3,
                appeal: 1.25,
            },
        };
        let q = s.to_query();
        assert_eq!(
            q,
            "bands=on&runs=1000&seed=18446744073709551615&sd_intake=0.25&sd_intake_year=0.1&sd_intake_week=0\
             &sd_productivity=0.15&sd_notice=0.3&sd_appeal=1.25"
        );
        assert_eq!(BandSettings::from_query(&format!("?{q}")), (s, vec![]));
    }

    #[test]
    fn reports_unreadable_and_clamped_values() {
        let (s, w) = BandSettings::from_query(
            "bands=maybe&runs=99999&seed=x3&sd_intake=lots&sd_notice=7&sd_appeal=0,7",
        );
        let kinds: Vec<_> = w.iter().map(|w| (w.key.as_str(), w.kind)).collect();
        let max = WarningKind::Adjusted(Adjustment::Maximum);
        assert_eq!(
            kinds,
            [
                ("bands", WarningKind::Unreadable),
                ("runs", max),
                ("seed", WarningKind::Unreadable),
                ("sd_intake", WarningKind::Unreadable),
                ("sd_notice", max),
            ]
        );
        assert!(!s.on);
        assert_eq!(s.runs, RUNS_RANGE.1);
        assert_eq!(s.seed, BandSettings::default().seed);
        assert_eq!(s.spreads.notice, 2.0);
        assert_eq!(s.spreads.appeal, 0.7);
        assert_eq!(w[1].given, "99999");
        assert_eq!(w[1].used.as_deref(), Some("5000"));
        // The warnings name the settings as the page does.
        assert_eq!(
            w[1].message(Lang::En),
            "Number of runs: 5000 is the maximum; using 5000."
        );
        assert!(
            w[4].message(Lang::Nl)
                .starts_with("Spreiding aandeel ingebrekestellingen: 2 is het maximum")
        );
        let (s, w) = BandSettings::from_query("runs=2.5");
        assert_eq!(s.runs, 3);
        assert_eq!(w[0].kind, WarningKind::Adjusted(Adjustment::Rounded));
    }

    #[test]
    fn numbers_are_read_as_the_levers_read_them() {
        for (text, lang) in [
            ("1.000", Lang::Nl),
            ("1,000", Lang::Nl),
            ("1,000", Lang::En),
            ("1.000", Lang::En),
            ("1 000", Lang::En),
        ] {
            let mut s = BandSettings::default();
            assert_eq!(s.read("runs", text, lang), None, "{text}");
            assert_eq!(s.runs, 1_000, "{text} in {lang:?}");
        }
        let (s, w) = BandSettings::from_query("runs=1.000&sd_intake=0,25&seed=2.024&bands=ON");
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(
            (s.runs, s.spreads.intake, s.seed, s.on),
            (1_000, 0.25, 2_024, true)
        );
        // A seed below zero is the least seed, and says so.
        let mut s = BandSettings::default();
        let w = s.read("seed", "-1", Lang::Nl).expect("a warning");
        assert_eq!(s.seed, 0);
        assert_eq!(w.kind, WarningKind::Adjusted(Adjustment::Minimum));
        assert_eq!(w.used.as_deref(), Some("0"));
    }

    #[test]
    fn the_page_s_own_keys_are_no_unknown_settings() {
        let (scenario, _, w) = read_query("title=Hoog&base=*600&lang=en&intake=77,000&note=x");
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(scenario.intake_per_year, 77_000.0);
    }

    #[test]
    fn the_page_s_query_reads_both_without_false_warnings() {
        let (scenario, bands, w) = read_query("v=2&fte=600&bands=on&seed=7&nope=1");
        assert_eq!(scenario.fte, 600.0);
        assert!(bands.on && bands.seed == 7);
        let (_, encoded, _) = read_query("bands=o%6E&sd_intake=0%2C2");
        assert!(
            encoded.on && encoded.spreads.intake == 0.2,
            "decoded as a form"
        );
        let keys: Vec<_> = w.iter().map(|w| w.key.as_str()).collect();
        assert_eq!(keys, ["nope"]);
        assert_eq!(
            write_query(&scenario, &bands),
            "v=2&fte=600&bands=on&seed=7"
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        for q in [
            "&&",
            "=",
            "bands",
            "runs=",
            "seed=%",
            "sd_intake=%FF",
            "runs=1e400",
            "runs=-5",
        ] {
            let (s, _) = BandSettings::from_query(q);
            assert_eq!(s.validated().1, vec![], "{q}");
        }
    }

    #[test]
    fn no_key_is_a_lever_s() {
        for key in ["bands", "runs", "seed"]
            .into_iter()
            .chain(SPREADS.iter().map(|s| s.key))
        {
            assert!(crate::levers::lever(key).is_none(), "{key}");
            assert!(BandSettings::owns_key(key));
        }
        assert!(!BandSettings::owns_key("intake"));
    }
}
