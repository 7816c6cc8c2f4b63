//! A pinned scenario in one link value, compactly: the values of the
//! levers in [`ORDER`], separated by `*`, empty where the lever is at the
//! letter's world's value (the defaults of `v=1`: this form carries no
//! version of its own, so its empties keep the meaning they had when
//! links were first written), trailing empties left out:
//!
//! ```text
//! base=49000**0*six_months
//! ```
//!
//! Dates are written as eight digits (`20260101`); the form with dashes
//! reads as well.
//!
//! `*` is one of the few characters a query writer leaves as it is, and no
//! lever's link text holds one, so the value needs no second layer of
//! escapes. A scenario with every lever changed takes about 300 characters
//! this way instead of about 1,000 as an escaped scenario query.
//!
//! [`ORDER`] is part of the link format: a lever added to the model is
//! added at its end (a test checks that every lever is in it), so that old
//! links keep their meaning.

use std::borrow::Cow;

use doorstroom_model::{Lang, LeverKind, Scenario, VERSION_KEY, Warning, lever};

/// The order of the levers in a pinned value. Append, never reorder.
pub const ORDER: [&str; 51] = [
    "intake",
    "fte",
    "baa",
    "term",
    "ext_until",
    "intake_growth",
    "share_t1",
    "share_t2",
    "share_nareis",
    "backlog_t4",
    "backlog_t1",
    "backlog_t2",
    "backlog_nareis",
    "productivity",
    "training_weeks",
    "coaching",
    "hiring_per_month",
    "capacity_t1",
    "capacity_t2",
    "capacity_nareis",
    "baa_start",
    "baa_months",
    "baa_ramp_weeks",
    "baa_share",
    "term_nareis",
    "order",
    "past_term_share",
    "statutory_asylum",
    "statutory_nareis",
    "notice_share",
    "notice_weeks",
    "appeal_share",
    "appeal_weeks",
    "court_weeks",
    "court_term_weeks",
    "court_penalty_day",
    "court_penalty_cap",
    "court_penalty_cap_nareis",
    "legal_costs",
    "until",
    "intake_by_year",
    "intake_2023",
    "intake_2024",
    "intake_2025",
    "ext_withdrawn",
    "from",
    "notice_share_nareis",
    "appeal_share_nareis",
    "notice_weeks_nareis",
    "term_36349_from",
    "statutory_ends",
];

const SEPARATOR: char = '*';

/// The pinned value of `s`.
pub fn write(s: &Scenario) -> String {
    // The letter's world, whatever the link's version (see above).
    let default = Scenario::default();
    let mut slots: Vec<String> = ORDER
        .iter()
        .map(|key| match lever(key) {
            Some(l) if !l.same(s, &default) => match l.kind {
                // Two characters fewer per date: a pinned value holds up to
                // seven dates, and a link holds up to three pinned values.
                LeverKind::Date(_) => l.link_text(s).replace('-', ""),
                _ => l.link_text(s),
            },
            _ => String::new(),
        })
        .collect();
    while slots.last().is_some_and(String::is_empty) {
        slots.pop();
    }
    slots.join(&SEPARATOR.to_string())
}

/// Reads a pinned value, in either form: the compact one written by
/// [`write`], or a whole scenario query (`v=1&intake=…`) as older links
/// carry it. Numbers are read as a reader writes them in `lang`.
pub fn read(value: &str, lang: Lang) -> (Scenario, Vec<Warning>) {
    if value.contains('=') {
        let query = value.trim_start_matches('?');
        return Scenario::from_pairs(form_urlencoded::parse(query.as_bytes()), lang);
    }
    let mut warnings = Vec::new();
    let slots: Vec<&str> = value.split(SEPARATOR).collect();
    // The empties are the letter's values, the defaults of `v=1`.
    let version = (Cow::Borrowed(VERSION_KEY), Cow::Borrowed("1"));
    let pairs = ORDER
        .iter()
        .zip(&slots)
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (Cow::Borrowed(*k), with_dashes(k, v)));
    let pairs = std::iter::once(version).chain(pairs);
    let (s, w) = Scenario::from_pairs(pairs, lang);
    warnings.extend(w);
    // More slots than levers: a link from a newer release.
    if slots.len() > ORDER.len() {
        let (_, w) = Scenario::from_pairs(
            [(
                Cow::Borrowed("*"),
                Cow::Owned(slots[ORDER.len()..].join("*")),
            )],
            lang,
        );
        warnings.extend(w);
    }
    (s, warnings)
}

/// A date lever's eight digits as the lever reads them (`2026-01-01`);
/// any other value as it is.
fn with_dashes<'a>(key: &str, value: &'a str) -> Cow<'a, str> {
    let is_date = lever(key).is_some_and(|l| matches!(l.kind, LeverKind::Date(_)));
    if is_date && value.len() == 8 && value.bytes().all(|b| b.is_ascii_digit()) {
        Cow::Owned(format!("{}-{}-{}", &value[..4], &value[4..6], &value[6..]))
    } else {
        Cow::Borrowed(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use doorstroom_model::{LEVER_COUNT, levers, scenario_at};

    #[test]
    fn every_lever_has_a_place_and_no_place_is_taken_twice() {
        assert_eq!(ORDER.len(), LEVER_COUNT);
        for l in levers() {
            assert!(ORDER.contains(&l.key), "{} is not in ORDER", l.key);
        }
        let mut keys = ORDER.to_vec();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), ORDER.len());
    }

    #[test]
    fn the_default_is_empty_and_defaults_are_empty_slots() {
        assert_eq!(write(&Scenario::default()), "");
        let (s, _) = Scenario::from_query("fte=600");
        assert_eq!(write(&s), "*600");
        assert_eq!(read("*600", Lang::Nl), (s, Vec::new()));
    }

    #[test]
    fn old_whole_queries_still_read() {
        let (s, w) = read("v=1&intake=49000&term=6", Lang::Nl);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(s.intake_per_year, 49_000.0);
        assert_eq!(read(&write(&s), Lang::En), (s, Vec::new()));
    }

    #[test]
    fn unreadable_slots_and_extra_slots_are_reported() {
        let (s, w) = read("abc", Lang::Nl);
        assert_eq!(s, Scenario::default());
        assert_eq!(w.len(), 1);
        let extra = format!("{}*7", "*".repeat(ORDER.len() - 1));
        let (_, w) = read(&extra, Lang::Nl);
        assert_eq!(w.len(), 1, "{w:?}");
    }

    #[test]
    fn dates_are_eight_digits_and_dashes_still_read() {
        let (s, _) = Scenario::from_query("from=2026-01-01&until=2030-12-31");
        let v = write(&s);
        assert!(v.ends_with("*20301231******20260101"), "{v}");
        assert!(!v.contains('-'), "{v}");
        assert_eq!(read(&v, Lang::Nl), (s.clone(), Vec::new()));
        let dashed = v
            .replace("20301231", "2030-12-31")
            .replace("20260101", "2026-01-01");
        assert_eq!(read(&dashed, Lang::Nl), (s, Vec::new()));
        // Eight digits that are no date are reported, not read as a number.
        let bad = v.replace("20260101", "20261301");
        assert_eq!(read(&bad, Lang::Nl).1.len(), 1);
    }

    #[test]
    fn every_lever_changed_round_trips() {
        let s = scenario_at((0..LEVER_COUNT).map(|i| (i, 0.37)));
        let v = write(&s);
        assert!(v.split('*').filter(|v| !v.is_empty()).count() > LEVER_COUNT / 2);
        assert_eq!(read(&v, Lang::Nl), (s, Vec::new()));
    }
}
