//! The scenario's URL form and its validation.
//!
//! A scenario is a URL: `v=2` (the format version) and then only the levers
//! that differ from the version's defaults, in the lever table's order,
//! e.g. `v=2&intake=77000&fte=600`. Version 2's defaults are today's
//! outlook (`Scenario::outlook()`); version 1's, the letter's world of
//! April 2023 (`Scenario::default()`), which a `v=1` link keeps meaning. Reading never fails: unknown keys, unreadable
//! values and values out of range each give a [`Warning`] and are ignored or
//! clamped.
//!
//! Numbers in a link are read by the same reader as the page's number
//! fields (see `levers/number.rs`), in the link's language, so that a link
//! typed by hand means what the same text typed in a field means.

use std::borrow::Cow;

use crate::levers::{lever, levers};
use crate::scenario::Scenario;
use crate::text::Lang;
use crate::warning::{Warning, WarningKind};

/// The format version written by [`Scenario::to_query`].
///
/// A link carries the version it was written in. Links of an older version
/// are migrated to this one where they are read, in [`migrate`]; a link of
/// a newer version is read as far as this version understands it, with a
/// warning.
pub const QUERY_VERSION: u32 = 2;

/// The version key of a link.
pub const VERSION_KEY: &str = "v";

/// The keys of a page's link that are not the scenario's: the page's own
/// (its language, its titles, its pinned scenarios, its switches), read by
/// the page's address (`doorstroom-address`). The bands' keys are the
/// model's own (`uncertainty::BandSettings`). Said here so that the
/// command line, which reads the same links, knows them too.
pub mod page_keys {
    pub const LANG: &str = "lang";
    pub const BASE: &str = "base";
    pub const PUBLISHED: &str = "published";
    pub const BASE_TITLE: &str = "base_title";
    pub const TITLE: &str = "title";
    pub const NOTE: &str = "note";
    /// The compared scenarios' keys, `(scenario, title)`, in order.
    pub const COMPARED: [(&str, &str); 3] = [
        ("cmp1", "cmp1_title"),
        ("cmp2", "cmp2_title"),
        ("cmp3", "cmp3_title"),
    ];
    /// Every one of them.
    pub const ALL: [&str; 12] = [
        LANG,
        BASE,
        PUBLISHED,
        BASE_TITLE,
        TITLE,
        NOTE,
        COMPARED[0].0,
        COMPARED[0].1,
        COMPARED[1].0,
        COMPARED[1].1,
        COMPARED[2].0,
        COMPARED[2].1,
    ];
}

/// The most days `end` may lie after `from` (and `start`): ten years.
const MAX_HORIZON_MONTHS: i32 = 120;
/// The fewest days a run covers: four weeks.
const MIN_HORIZON_DAYS: i64 = 28;

/// The scenario a link of format `version` starts from: the levers it
/// leaves out have these values. Version 2 changed only this (today's
/// outlook for the letter's world); no key was renamed, so [`migrate`]
/// has nothing to do yet.
fn defaults_of(version: u32) -> Scenario {
    match version {
        1 => Scenario::default(),
        _ => Scenario::outlook(),
    }
}

/// The version of a link that does not say: `v=1` if it names any lever
/// (every link the page wrote before version 2 said `v=1`; one typed by
/// hand meant its levers against the letter's world, as it was read then),
/// else the current one (an empty address, or one of only the page's keys
/// such as `lang=en`, opens the page's default, today's outlook).
fn version_unsaid(names_a_lever: bool) -> u32 {
    if names_a_lever { 1 } else { QUERY_VERSION }
}

/// Brings one pair of a link written in format `version` to the current
/// format: the one place where a change of a key or of a value's meaning
/// between format versions is undone. No key has been renamed yet (version
/// 2 changed the defaults only, [`defaults_of`]); a version that renames
/// a key adds its arm here and a golden link of each version in the tests.
fn migrate<'a>(
    version: u32,
    key: Cow<'a, str>,
    value: Cow<'a, str>,
) -> (Cow<'a, str>, Cow<'a, str>) {
    debug_assert!(version <= QUERY_VERSION);
    (key, value)
}

impl Scenario {
    /// The scenario with every lever brought into range, and a warning per
    /// change. A validated scenario never makes the model panic.
    #[must_use]
    pub fn validated(mut self) -> (Scenario, Vec<Warning>) {
        let mut warnings: Vec<Warning> = levers()
            .iter()
            .filter_map(|l| l.validate(&mut self))
            .collect();
        self.clamp_horizon(&mut warnings);
        (self, warnings)
    }

    /// `end` not before `from`, and within four weeks after `start` to ten
    /// years after `from` (or `start`, if later; the lever's own range covers the latest `from`;
    /// `start` is not a lever but is a public field).
    fn clamp_horizon(&mut self, warnings: &mut Vec<Warning>) {
        // An end before `from` would be a run that stops before the
        // reader's levers act: a year of them is shown instead.
        if self.end < self.from {
            let end = self.from.add_months(12).add_days(-1);
            warnings.push(Warning {
                key: "until".to_string(),
                given: self.end.to_string(),
                used: Some(end.to_string()),
                kind: WarningKind::EndBeforeFrom,
            });
            self.end = end;
        }
        let earliest = self.start.add_days(MIN_HORIZON_DAYS - 1);
        let latest = self
            .from
            .max(self.start)
            .add_months(MAX_HORIZON_MONTHS)
            .add_days(-1);
        let end = self.end.clamp(earliest, latest.max(earliest));
        if end != self.end {
            warnings.push(Warning {
                key: "until".to_string(),
                given: self.end.to_string(),
                used: Some(end.to_string()),
                kind: WarningKind::Adjusted(if end < self.end {
                    crate::Adjustment::Maximum
                } else {
                    crate::Adjustment::Minimum
                }),
            });
            self.end = end;
        }
    }

    /// The URL query (without `?`): the version of the scenario's world and
    /// the levers that differ from that world's defaults, each written
    /// exactly enough to read back the same value. A scenario in today's
    /// outlook writes `v=2`; one in the letter's world writes `v=1`, as it
    /// always did: written against the outlook, the letter's world would
    /// spell out some twenty levers (a link of 450 characters for one
    /// moved lever), and a v=1 link would not come back as itself.
    #[must_use]
    pub fn to_query(&self) -> String {
        let version = match crate::World::of(self) {
            crate::World::Letter => 1,
            crate::World::Outlook => QUERY_VERSION,
        };
        let default = defaults_of(version);
        let mut q = format!("{VERSION_KEY}={version}");
        for l in levers().iter().filter(|l| !l.same(self, &default)) {
            q.push('&');
            q.push_str(l.key);
            q.push('=');
            q.push_str(&l.link_text(self));
        }
        q
    }

    /// Reads a URL query, with or without the leading `?`, numbers as a
    /// Dutch reader writes them (the page's default language). Never fails
    /// and never panics: what cannot be used is reported and left at the
    /// default. A later repeat of a key wins.
    #[must_use]
    pub fn from_query(q: &str) -> (Scenario, Vec<Warning>) {
        let q = q.strip_prefix('?').unwrap_or(q);
        Scenario::from_pairs(form_urlencoded::parse(q.as_bytes()), Lang::Nl)
    }

    /// Reads decoded `(key, value)` pairs of a link, numbers in `lang`: the
    /// reader behind [`Scenario::from_query`], for a page that has already
    /// taken its own keys out of the link.
    #[must_use]
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (Cow<'a, str>, Cow<'a, str>)>,
        lang: Lang,
    ) -> (Scenario, Vec<Warning>) {
        let pairs: Vec<(Cow<'a, str>, Cow<'a, str>)> = pairs.into_iter().collect();
        let mut warnings = Vec::new();
        // The version first: it says what the levers left out are.
        let mut version = None;
        for (key, value) in pairs.iter().filter(|(k, _)| k == VERSION_KEY) {
            version = Some(match value.trim().parse::<u32>() {
                Ok(v) if v > QUERY_VERSION => {
                    warnings.push(Warning {
                        key: key.clone().into_owned(),
                        given: value.clone().into_owned(),
                        used: Some(QUERY_VERSION.to_string()),
                        kind: WarningKind::NewerVersion,
                    });
                    QUERY_VERSION
                }
                Ok(v) if v >= 1 => v,
                _ => {
                    warnings.push(Warning {
                        key: key.clone().into_owned(),
                        given: value.clone().into_owned(),
                        used: Some(QUERY_VERSION.to_string()),
                        kind: WarningKind::Unreadable,
                    });
                    QUERY_VERSION
                }
            });
        }
        let version = version
            .unwrap_or_else(|| version_unsaid(pairs.iter().any(|(k, _)| lever(k).is_some())));
        let mut s = defaults_of(version);
        for (key, value) in pairs {
            if key == VERSION_KEY {
                continue;
            }
            let (key, value) = migrate(version, key, value);
            match lever(&key) {
                Some(l) => warnings.extend(l.read(&mut s, &value, lang, false).map(|w| Warning {
                    used: w.used.or_else(|| Some(l.link_text(&s))),
                    ..w
                })),
                None => warnings.push(Warning {
                    key: key.into_owned(),
                    given: value.into_owned(),
                    used: None,
                    kind: WarningKind::UnknownKey,
                }),
            }
        }
        let (s, more) = s.validated();
        // A value clamped when read and again when validated (the horizon
        // after `from`) keeps one warning: what was given, what is used.
        for w in more {
            match warnings.iter_mut().find(|x| x.key == w.key) {
                Some(x) => x.used = w.used,
                None => warnings.push(w),
            }
        }
        (s, warnings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Adjustment;
    use crate::scenario::WorkOrder;

    #[test]
    fn default_writes_only_the_version() {
        assert_eq!(Scenario::outlook().to_query(), "v=2");
        for (link, expected) in [
            ("v=2", Scenario::outlook()),
            // Nothing said: the page's default.
            ("", Scenario::outlook()),
            ("v=1", Scenario::default()),
            // A lever without the version: as it was read before `v=2`.
            ("intake=70000", Scenario::default()),
        ] {
            let (s, w) = Scenario::from_query(link);
            assert_eq!(s, expected, "{link}");
            assert!(w.is_empty(), "{link}: {w:?}");
        }
        // The letter's world written as a `v=2` link reads back as itself.
        let letter = Scenario::default();
        let (back, w) = Scenario::from_query(&letter.to_query());
        assert_eq!((back, w), (letter, Vec::new()));
    }

    #[test]
    fn writes_changed_levers_in_table_order() {
        let s = Scenario {
            fte: 600.0,
            intake_per_year: 77_000.0,
            ..Scenario::outlook()
        };
        assert_eq!(s.to_query(), "v=2&intake=77000&fte=600");
        let (back, w) = Scenario::from_query("?v=2&intake=77000&fte=600");
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
                ("fte", WarningKind::Adjusted(Adjustment::Maximum)),
                ("term", WarningKind::Unreadable),
                ("until", WarningKind::Adjusted(Adjustment::Maximum)),
            ]
        );
        assert_eq!(s.intake_per_year, 70_000.0);
        assert_eq!(s.fte, 2_000.0);
        assert_eq!(w[2].given, "99999");
        assert_eq!(w[2].used.as_deref(), Some("2000"));
    }

    #[test]
    fn an_end_before_from_or_past_ten_years_is_repaired_and_reported() {
        let (s, w) = Scenario::from_query("from=2030-12-31&until=2026-01-01");
        assert_eq!(s.end.to_string(), "2031-12-30");
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].kind, WarningKind::EndBeforeFrom);
        assert_eq!(
            w[0].message(Lang::En),
            "Until: 2026-01-01 is before ‘Your choices from’; using a year after it: 2031-12-30."
        );
        assert!(w[0].message(Lang::Nl).contains("vóór ‘Uw keuzes vanaf’"));
        let (s, w) = Scenario::from_query("from=2025-01-01&until=2036-06-30");
        assert_eq!(s.end.to_string(), "2034-12-31");
        assert_eq!(w[0].kind, WarningKind::Adjusted(Adjustment::Maximum));
        // The repaired scenario reads back as it is, without a warning.
        let (again, none) = Scenario::from_query(&s.to_query());
        assert_eq!((again, none), (s, Vec::new()));
        // An unreadable end keeps the default, which is then repaired: one
        // warning, saying what is used.
        let (s, w) = Scenario::from_query("from=2030-01-01&until=later");
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].used.as_deref(), Some(s.end.to_string().as_str()));
        assert!(s.end > s.from);
    }

    #[test]
    fn reads_dutch_numbers_from_hand_edited_links() {
        let (s, w) = Scenario::from_query("v=2&intake=77.000&past_term_share=0,6");
        assert!(w.is_empty(), "{w:?}");
        assert_eq!((s.intake_per_year, s.past_term_share), (77_000.0, 0.6));
        assert_eq!(s.to_query(), "v=2&intake=77000&past_term_share=0.6");
    }

    #[test]
    fn numbers_beyond_f64_clamp_like_any_other() {
        for (text, bound) in [
            ("1e999", Adjustment::Maximum),
            ("1e308", Adjustment::Maximum),
            ("-1e999", Adjustment::Minimum),
        ] {
            let (s, w) = Scenario::from_query(&format!("intake={text}"));
            assert_eq!(w.len(), 1, "{text}: {w:?}");
            assert_eq!(w[0].kind, WarningKind::Adjusted(bound), "{text}");
            assert!(s.intake_per_year == 200_000.0 || s.intake_per_year == 0.0);
        }
        let (s, w) = Scenario::from_query(&format!("intake={}", "9".repeat(5_007)));
        assert_eq!((s.intake_per_year, w.len()), (200_000.0, 1));
        let (s, _) = Scenario::from_query("v=2&fte=1e-320");
        assert_eq!(s.to_query(), "v=2&fte=0");
    }

    #[test]
    fn rejects_words_that_are_no_numbers() {
        for bad in ["inf", "NaN", "infinity", "", " "] {
            let (s, w) = Scenario::from_query(&format!("intake={bad}"));
            assert_eq!(s.intake_per_year, 70_000.0, "{bad}");
            assert_eq!(w.len(), 1, "{bad}: {w:?}");
        }
    }

    #[test]
    fn a_newer_version_is_read_with_a_warning() {
        let (s, w) = Scenario::from_query("v=3&intake=60000");
        assert_eq!(s.intake_per_year, 60_000.0);
        assert_eq!(s.fte, Scenario::outlook().fte, "read as the newest known");
        assert_eq!(w[0].kind, WarningKind::NewerVersion);
        let (_, w) = Scenario::from_query("v=x");
        assert_eq!(w[0].kind, WarningKind::Unreadable);
    }

    #[test]
    fn plus_is_a_space_and_escapes_decode() {
        let (s, w) = Scenario::from_query("intake=77+000&fte=6%30%30");
        assert!(w.is_empty(), "{w:?}");
        assert_eq!((s.intake_per_year, s.fte), (77_000.0, 600.0));
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
}
