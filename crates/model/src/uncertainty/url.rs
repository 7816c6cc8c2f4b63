//! The Monte Carlo settings in the page's URL, beside the scenario's levers:
//! `bands=on`, `runs=`, `seed=` and one key per spread (`sd_intake=` …).
//! Only values that differ from the default are written. Reading never
//! fails: an unreadable value keeps its default and one out of range is
//! clamped, each with a [`Warning`]; keys that are not these settings are
//! left to the scenario's reader.

use percent_encoding::percent_decode_str;

use super::settings::{BandSettings, KEY_ON, KEY_RUNS, KEY_SEED, SPREADS};
use crate::scenario::Scenario;
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
            pairs.push(format!("{KEY_ON}={}", if self.on { "on" } else { "off" }));
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

    /// Reads these settings from a URL query (with or without `?`); other
    /// keys are ignored here. A later repeat of a key wins.
    #[must_use]
    pub fn from_query(q: &str) -> (BandSettings, Vec<Warning>) {
        let mut s = BandSettings::default();
        let mut warnings = Vec::new();
        let q = q.strip_prefix('?').unwrap_or(q);
        for pair in q.split('&').filter(|p| !p.is_empty()) {
            let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode(raw_key);
            if !BandSettings::owns_key(&key) {
                continue;
            }
            let given = decode(raw_value);
            let value = given.trim();
            let unreadable = |used: String| Warning {
                key: key.clone(),
                given: given.clone(),
                used: Some(used),
                kind: WarningKind::Unreadable,
            };
            match key.as_str() {
                KEY_ON => match value {
                    "on" | "1" | "true" => s.on = true,
                    "off" | "0" | "false" => s.on = false,
                    _ => warnings.push(unreadable(on_off(s.on))),
                },
                KEY_RUNS => match read_number(value) {
                    Some(x) => {
                        let used = x.round().clamp(0.0, f64::from(u32::MAX)) as u32;
                        s.runs = used;
                        let (valid, _) = s.validated();
                        if f64::from(valid.runs) != x {
                            warnings.push(Warning {
                                key: key.clone(),
                                given: given.clone(),
                                used: Some(valid.runs.to_string()),
                                kind: WarningKind::Clamped,
                            });
                        }
                        s.runs = valid.runs;
                    }
                    None => warnings.push(unreadable(s.runs.to_string())),
                },
                KEY_SEED => match value.parse::<u64>() {
                    Ok(seed) => s.seed = seed,
                    Err(_) => warnings.push(unreadable(s.seed.to_string())),
                },
                _ => {
                    let Some(i) = SPREADS.iter().position(|sp| sp.key == key) else {
                        continue;
                    };
                    let spread = &SPREADS[i];
                    let Some(slot) = s.spreads.value_mut(i) else {
                        continue;
                    };
                    match read_number(value) {
                        Some(x) => {
                            let used = spread.clamp(x);
                            if used != x {
                                warnings.push(Warning {
                                    key: key.clone(),
                                    given: given.clone(),
                                    used: Some(used.to_string()),
                                    kind: WarningKind::Clamped,
                                });
                            }
                            *slot = used;
                        }
                        None => warnings.push(unreadable(slot.to_string())),
                    }
                }
            }
        }
        (s, warnings)
    }
}

/// Reads a page's whole query: the scenario, the band settings, and the
/// warnings of both, without the scenario reader's "unknown key" for the
/// band settings' own keys.
#[must_use]
pub fn read_query(q: &str) -> (Scenario, BandSettings, Vec<Warning>) {
    let (scenario, scenario_warnings) = Scenario::from_query(q);
    let (bands, band_warnings) = BandSettings::from_query(q);
    let mut warnings: Vec<Warning> = scenario_warnings
        .into_iter()
        .filter(|w| !(w.kind == WarningKind::UnknownKey && BandSettings::owns_key(&w.key)))
        .collect();
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

fn on_off(on: bool) -> String {
    if on { "on" } else { "off" }.to_string()
}

/// A finite decimal number, with a decimal comma read as a point (`0,3`).
fn read_number(text: &str) -> Option<f64> {
    let text = if text.matches(',').count() == 1 && !text.contains('.') {
        std::borrow::Cow::Owned(text.replace(',', "."))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let looks_decimal = !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'));
    let x: f64 = if looks_decimal {
        text.parse().ok()?
    } else {
        None?
    };
    x.is_finite().then_some(x)
}

/// Percent-decoding of a URL component; invalid UTF-8 is replaced, never an
/// error.
fn decode(s: &str) -> String {
    percent_decode_str(&s.replace('+', " "))
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
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
            "bands=maybe&runs=99999&seed=-3&sd_intake=lots&sd_notice=7&sd_appeal=0,7",
        );
        let kinds: Vec<_> = w.iter().map(|w| (w.key.as_str(), w.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("bands", WarningKind::Unreadable),
                ("runs", WarningKind::Clamped),
                ("seed", WarningKind::Unreadable),
                ("sd_intake", WarningKind::Unreadable),
                ("sd_notice", WarningKind::Clamped),
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
        use crate::text::Lang;
        assert_eq!(
            w[1].message(Lang::En),
            "Number of runs: 99999 is out of range; using 5000."
        );
        assert!(
            w[4].message(Lang::Nl)
                .starts_with("Spreiding aandeel ingebrekestellingen: 7")
        );
    }

    #[test]
    fn the_page_s_query_reads_both_without_false_warnings() {
        let (scenario, bands, w) = read_query("v=1&fte=600&bands=on&seed=7&nope=1");
        assert_eq!(scenario.fte, 600.0);
        assert!(bands.on && bands.seed == 7);
        let keys: Vec<_> = w.iter().map(|w| w.key.as_str()).collect();
        assert_eq!(keys, ["nope"]);
        assert_eq!(
            write_query(&scenario, &bands),
            "v=1&fte=600&bands=on&seed=7"
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
