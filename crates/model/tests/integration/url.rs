//! The URL form: any valid scenario survives `to_query` and `from_query`
//! unchanged, and no string whatever makes `from_query` panic.

use doorstroom_model::{Date, Lang, LeverKind, Scenario, WarningKind, lever, levers, scenario_at};
use proptest::prelude::*;

/// Picks of levers and points in their ranges; `exact` keeps an arbitrary
/// point (off the slider's step, which must round-trip too) rather than
/// the nearest step.
fn lever_values() -> impl Strategy<Value = Vec<(usize, f64, bool)>> {
    proptest::collection::vec(
        (0..levers().len(), 0.0..=1.0f64, any::<bool>()),
        0..=levers().len() * 2,
    )
}

fn scenario_from(picks: &[(usize, f64, bool)]) -> Scenario {
    let mut s = scenario_at(picks.iter().map(|&(i, u, _)| (i, u)));
    for &(i, u, exact) in picks {
        if let (LeverKind::Number(n), false) = (&levers()[i].kind, exact) {
            let x = n.min + u * (n.max - n.min);
            n.set(&mut s, n.min + ((x - n.min) / n.step).round() * n.step);
        }
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn round_trip(picks in lever_values(), english in any::<bool>()) {
        let s = scenario_from(&picks);
        let (valid, warnings) = s.clone().validated();
        prop_assert!(warnings.is_empty(), "{:?}", warnings);
        let query = s.to_query();
        // Each scenario is written in the version of its world.
        let version = match doorstroom_model::World::of(&valid) {
            doorstroom_model::World::Letter => "v=1",
            doorstroom_model::World::Outlook => "v=2",
        };
        prop_assert!(query.starts_with(version), "{}", query);
        let lang = if english { Lang::En } else { Lang::Nl };
        let (back, warnings) = Scenario::from_pairs(form_urlencoded::parse(query.as_bytes()), lang);
        prop_assert!(warnings.is_empty(), "{}: {:?}", query, warnings);
        prop_assert_eq!(&back, &valid);
        prop_assert_eq!(back.to_query(), query);
    }

    /// What a number field shows reads back, in either language, as the
    /// value it shows (to the three decimals a field shows).
    #[test]
    fn fields_read_back_what_they_show(i in 0..levers().len(), u in 0.0..=1.0f64, english in any::<bool>()) {
        let lang = if english { Lang::En } else { Lang::Nl };
        if let LeverKind::Number(n) = &levers()[i].kind {
            let mut s = Scenario::default();
            levers()[i].set_at(&mut s, u);
            let factor = n.unit.display_factor();
            let shown_value = (n.get(&s) * factor * 1_000.0).round() / 1_000.0 / factor;
            n.set(&mut s, shown_value);
            let x = n.get(&s);
            let text = n.field_text(x, lang);
            let read = n.read(&text, lang, true);
            prop_assert!(read.is_some(), "{}: {}", levers()[i].key, text);
            let read = read.unwrap_or_default();
            prop_assert!((read - x).abs() <= 1e-9 * x.abs().max(1.0), "{}: {} -> {} != {}", levers()[i].key, text, read, x);
        }
    }
}

/// The pieces query-like strings are made of: every lever key, the version
/// key, separators, number and date characters, escapes and non-ASCII.
fn tokens() -> Vec<&'static str> {
    let mut t: Vec<&'static str> = levers().iter().map(|l| l.key).collect();
    t.extend([
        "v",
        "=",
        "=",
        "&",
        "&",
        "?",
        "0",
        "1",
        "2",
        "5",
        "7",
        "9",
        "00",
        "-",
        ".",
        "e",
        "E",
        "+",
        "%",
        "%2",
        "%26",
        "%3D",
        "%C3%A9",
        "%FF",
        "2023-05-01",
        "2033-04-30",
        "1e308",
        "-0",
        "NaN",
        "inf",
        "six",
        "on",
        "off",
        "fifo",
        "court",
        " ",
        "é",
        "\u{0}",
        "🙂",
        "\u{FEFF}",
    ]);
    t
}

/// Strings that look like queries, built from random bytes picking tokens:
/// cheap to generate, so 100,000 cases run in seconds.
fn query_like() -> impl Strategy<Value = String> {
    let tokens = tokens();
    proptest::collection::vec(any::<u8>(), 0..40).prop_map(move |bytes| {
        bytes
            .iter()
            .map(|&b| tokens[usize::from(b) % tokens.len()])
            .collect()
    })
}

/// Arbitrary text: random bytes, invalid UTF-8 replaced.
fn any_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<u8>(), 0..64)
        .prop_map(|b| String::from_utf8_lossy(&b).into_owned())
}

proptest! {
    // Cheap bodies: parsing only, no simulation.
    #![proptest_config(ProptestConfig { cases: 100_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_string_is_read_without_panicking(q in prop_oneof![any_text(), query_like()]) {
        let (s, warnings) = Scenario::from_query(&q);
        // Whatever was read is valid: validating again changes nothing.
        let (again, none) = s.clone().validated();
        prop_assert!(none.is_empty());
        prop_assert_eq!(again, s);
        for w in &warnings {
            prop_assert!(w.kind != WarningKind::UnknownKey || lever(&w.key).is_none());
        }
    }
}

#[test]
fn the_end_to_end_query_reads_cleanly() {
    let (s, warnings) = Scenario::from_query("?v=2&intake=77000&fte=600");
    assert!(warnings.is_empty());
    assert_eq!((s.intake_per_year, s.fte), (77_000.0, 600.0));
    assert_eq!(s.to_query(), "v=2&intake=77000&fte=600");
    // A link without its version that names levers is read as `v=1` was,
    // and written again as `v=2` with the letter's values it left out.
    let (old, warnings) = Scenario::from_query("?intake=77000&fte=600");
    assert!(warnings.is_empty());
    assert_eq!(Scenario::from_query(&old.to_query()).0, old);
}

#[test]
fn dates_round_trip_at_the_ends() {
    let until = lever("until").unwrap();
    let LeverKind::Date(range) = &until.kind else {
        panic!("until is a date")
    };
    let from = levers().iter().position(|l| l.key == "from").unwrap();
    for d in [range.min, range.max, Date::from_ymd(2030, 2, 28).unwrap()] {
        // The latest last day needs the latest `from` (ten years before);
        // the others an earlier one (the run ends after `from`).
        let at = if d == range.max { 1.0 } else { 0.0 };
        let mut s = scenario_at([(from, at)]);
        range.set(&mut s, d);
        assert_eq!(Scenario::from_query(&s.to_query()).0, s);
    }
}
