//! The URL form: any valid scenario survives `to_query` and `from_query`
//! unchanged, and no string whatever makes `from_query` panic.

use doorstroom_model::{Date, LeverKind, LeverValue, Scenario, WarningKind, lever, levers};
use proptest::prelude::*;

/// A value for each lever, anywhere in its range: on its step grid, at an
/// end, or an arbitrary number in between (which must round-trip too).
fn lever_values() -> impl Strategy<Value = Vec<(usize, f64, u8)>> {
    proptest::collection::vec(
        (0..levers().len(), 0.0..=1.0f64, 0..4u8),
        0..=levers().len() * 2,
    )
}

fn scenario_from(picks: &[(usize, f64, u8)]) -> Scenario {
    let mut s = Scenario::default();
    for &(i, u, mode) in picks {
        let l = &levers()[i];
        let v = match l.kind {
            LeverKind::Number { min, max, step, .. } => {
                let x = min + u * (max - min);
                LeverValue::Number(match mode {
                    0 => min + ((x - min) / step).round() * step,
                    1 => min,
                    2 => max,
                    _ => x,
                })
            }
            LeverKind::Date { min, max } => {
                let span = min.days_until(max) as f64;
                LeverValue::Date(min.add_days((u * span).round() as i64))
            }
            LeverKind::Choice { options } => {
                LeverValue::Choice(((u * options.len() as f64) as usize).min(options.len() - 1))
            }
        };
        l.set(&mut s, v);
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn round_trip(picks in lever_values()) {
        let s = scenario_from(&picks);
        let (valid, warnings) = s.clone().validated();
        prop_assert!(warnings.is_empty(), "{:?}", warnings);
        let query = s.to_query();
        prop_assert!(query.starts_with("v=1"));
        let (back, warnings) = Scenario::from_query(&query);
        prop_assert!(warnings.is_empty(), "{}: {:?}", query, warnings);
        prop_assert_eq!(&back, &valid);
        prop_assert_eq!(back.to_query(), query);
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
    let (s, warnings) = Scenario::from_query("?intake=77000&fte=600");
    assert!(warnings.is_empty());
    assert_eq!((s.intake_per_year, s.fte), (77_000.0, 600.0));
    assert_eq!(s.to_query(), "v=1&intake=77000&fte=600");
}

#[test]
fn dates_round_trip_at_the_ends() {
    let until = lever("until").unwrap();
    let LeverKind::Date { min, max } = until.kind else {
        panic!()
    };
    for d in [min, max, Date::from_ymd(2030, 2, 28).unwrap()] {
        let mut s = Scenario::default();
        until.set(&mut s, LeverValue::Date(d));
        assert_eq!(Scenario::from_query(&s.to_query()).0, s);
    }
}
