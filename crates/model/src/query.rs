//! The scenario's URL form and its validation.
//!
//! A scenario is a URL: `v=1` (the format version) and then only the levers
//! that differ from the default, in the lever table's order, e.g.
//! `v=1&intake=77000&fte=600`. Reading never fails: unknown keys, unreadable
//! values and values out of range each give a [`Warning`] and are ignored or
//! clamped.

use crate::levers::{Lever, LeverValue, lever, levers};
use crate::scenario::Scenario;
use crate::warning::{Warning, WarningKind};

/// The format version written by [`Scenario::to_query`].
pub const QUERY_VERSION: u32 = 1;

/// The most days `end` may lie after `start`: ten years.
const MAX_HORIZON_MONTHS: i32 = 120;
/// The fewest days a run covers: four weeks.
const MIN_HORIZON_DAYS: i64 = 28;

impl Scenario {
    /// The scenario with every lever brought into range, and a warning per
    /// change. A validated scenario never makes the model panic.
    #[must_use]
    pub fn validated(mut self) -> (Scenario, Vec<Warning>) {
        let mut warnings = Vec::new();
        for l in levers() {
            let given = l.get(&self);
            if l.clamp(given) == Some(given) {
                continue;
            }
            l.set(&mut self, given);
            warnings.push(Warning {
                key: l.key.to_string(),
                given: l.format(given),
                used: Some(l.format(l.get(&self))),
                kind: WarningKind::Clamped,
            });
        }
        self.clamp_horizon(&mut warnings);
        (self, warnings)
    }

    /// `end` within four weeks to ten years after `start` (the lever's own
    /// range assumes the default start; `start` is not a lever but is a
    /// public field).
    fn clamp_horizon(&mut self, warnings: &mut Vec<Warning>) {
        let earliest = self.start.add_days(MIN_HORIZON_DAYS - 1);
        let latest = self.start.add_months(MAX_HORIZON_MONTHS).add_days(-1);
        let end = self.end.clamp(earliest, latest.max(earliest));
        if end != self.end {
            warnings.push(Warning {
                key: "until".to_string(),
                given: self.end.to_string(),
                used: Some(end.to_string()),
                kind: WarningKind::Clamped,
            });
            self.end = end;
        }
    }

    /// The URL query (without `?`): `v=1` and the levers that differ from
    /// the default, each written exactly enough to read back the same value.
    #[must_use]
    pub fn to_query(&self) -> String {
        let default = Scenario::default();
        let mut q = format!("v={QUERY_VERSION}");
        for l in levers() {
            let v = l.get(self);
            if v != l.get(&default) {
                q.push('&');
                q.push_str(l.key);
                q.push('=');
                q.push_str(&l.format(v));
            }
        }
        q
    }

    /// Reads a URL query, with or without the leading `?`. Never fails and
    /// never panics: what cannot be used is reported and left at the
    /// default. A later repeat of a key wins.
    #[must_use]
    pub fn from_query(q: &str) -> (Scenario, Vec<Warning>) {
        let mut s = Scenario::default();
        let mut warnings = Vec::new();
        let q = q.strip_prefix('?').unwrap_or(q);
        for pair in q.split('&').filter(|p| !p.is_empty()) {
            let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode(raw_key);
            let value = decode(raw_value);
            if key == "v" {
                if value.trim() != QUERY_VERSION.to_string() {
                    warnings.push(Warning {
                        key,
                        given: value,
                        used: Some(QUERY_VERSION.to_string()),
                        kind: WarningKind::Unreadable,
                    });
                }
                continue;
            }
            let Some(l) = lever(&key) else {
                warnings.push(Warning {
                    key,
                    given: value,
                    used: None,
                    kind: WarningKind::UnknownKey,
                });
                continue;
            };
            match l.parse(value.trim()) {
                Some(v) => set_reporting_clamp(&mut s, l, v, &value, &mut warnings),
                None => {
                    let used = l.get(&s);
                    warnings.push(Warning {
                        key,
                        given: value,
                        used: Some(l.format(used)),
                        kind: WarningKind::Unreadable,
                    });
                }
            }
        }
        let (s, more) = s.validated();
        warnings.extend(more);
        (s, warnings)
    }
}

/// Sets `l` to `v`, clamped, and reports the clamp with the value as the
/// URL gave it: validation later could only show the clamped value, since a
/// field may not hold what was given (1e300 for a count, 2.5 for a whole
/// number).
fn set_reporting_clamp(
    s: &mut Scenario,
    l: &Lever,
    v: LeverValue,
    given: &str,
    warnings: &mut Vec<Warning>,
) {
    l.set(s, v);
    let used = l.get(s);
    if used != v {
        warnings.push(Warning {
            key: l.key.to_string(),
            given: given.to_string(),
            used: Some(l.format(used)),
            kind: WarningKind::Clamped,
        });
    }
}

/// Percent-decoding (and `+` as space) of a URL component; invalid escapes
/// and invalid UTF-8 are kept as they are, never an error.
fn decode(s: &str) -> String {
    if !s.contains(['%', '+']) {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::WorkOrder;

    #[test]
    fn default_writes_only_the_version() {
        assert_eq!(Scenario::default().to_query(), "v=1");
        let (s, w) = Scenario::from_query("v=1");
        assert_eq!(s, Scenario::default());
        assert!(w.is_empty());
    }

    #[test]
    fn writes_changed_levers_in_table_order() {
        let s = Scenario {
            fte: 600.0,
            intake_per_year: 77_000.0,
            ..Scenario::default()
        };
        assert_eq!(s.to_query(), "v=1&intake=77000&fte=600");
        let (back, w) = Scenario::from_query("?v=1&intake=77000&fte=600");
        assert_eq!(back, s);
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn reads_choices_and_dates() {
        let (s, w) =
            Scenario::from_query("term=6&order=fifo&ext_until=2024-07-01&statutory_asylum=on");
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(s.term, crate::TermPolicy::SixMonths);
        assert_eq!(s.work_order, WorkOrder::Fifo);
        assert_eq!(s.ext_until.to_string(), "2024-07-01");
        assert!(s.statutory_asylum);
    }

    #[test]
    fn reports_unknown_unreadable_and_clamped() {
        let (s, w) =
            Scenario::from_query("v=1&foo=1&intake=lots&fte=99999&term=9&until=2099-01-01");
        let kinds: Vec<_> = w.iter().map(|w| (w.key.as_str(), w.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("foo", WarningKind::UnknownKey),
                ("intake", WarningKind::Unreadable),
                ("fte", WarningKind::Clamped),
                ("term", WarningKind::Unreadable),
                ("until", WarningKind::Clamped),
            ]
        );
        assert_eq!(s.intake_per_year, 70_000.0);
        assert_eq!(s.fte, 2_000.0);
        assert_eq!(w[2].given, "99999");
        assert_eq!(w[2].used.as_deref(), Some("2000"));
    }

    #[test]
    fn reads_dutch_numbers_from_hand_edited_links() {
        let (s, w) = Scenario::from_query("intake=77.000&past_term_share=0,6");
        assert!(w.is_empty(), "{w:?}");
        assert_eq!((s.intake_per_year, s.past_term_share), (77_000.0, 0.6));
        assert_eq!(s.to_query(), "v=1&intake=77000&past_term_share=0.6");
    }

    #[test]
    fn rejects_non_finite_numbers() {
        for bad in ["inf", "NaN", "infinity", "1e999", "", " "] {
            let (s, w) = Scenario::from_query(&format!("intake={bad}"));
            assert_eq!(s.intake_per_year, 70_000.0, "{bad}");
            assert_eq!(w.len(), 1, "{bad}: {w:?}");
        }
    }

    #[test]
    fn validated_clamps_fields_set_directly() {
        let s = Scenario {
            past_term_share: 1.5,
            fte: f64::NAN,
            ..Scenario::default()
        };
        let (v, w) = s.validated();
        assert_eq!(v.past_term_share, 1.0);
        assert_eq!(v.fte, 532.0);
        assert_eq!(w.len(), 2);
        let (again, none) = v.clone().validated();
        assert_eq!(again, v);
        assert!(none.is_empty());
    }

    #[test]
    fn decodes_percent_escapes_without_panicking() {
        assert_eq!(decode("a%20b+c"), "a b c");
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("%4"), "%4");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%C3%A9"), "é");
        assert_eq!(decode("%FF"), "\u{FFFD}");
    }
}
