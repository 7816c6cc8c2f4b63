//! The briefing file: golden files of each format version (so far 1), each
//! with what it must load, written back byte for byte; and a round trip
//! over random briefings (proptest).

use doorstroom_address::briefing::{Briefing, BriefingScenario, EXTENSION, MAX_SCENARIOS, VERSION};
use doorstroom_address::{NOTE_LIMIT, TITLE_LIMIT, TextLimit, tidy_text};
use doorstroom_model::{LEVER_COUNT, Scenario, scenario_at};
use proptest::prelude::*;

const CHARTS: [&str; 4] = ["backlog", "costs", "waiting", "flow"];

fn golden(name: &str) -> String {
    let path = format!(
        "{}/tests/briefings/{name}{EXTENSION}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn scenario(query: &str) -> Scenario {
    let (s, w) = Scenario::from_query(query);
    assert!(w.is_empty(), "{query}: {w:?}");
    s
}

#[test]
fn version_1_golden_files_load_and_write_back_the_same() {
    assert_eq!(VERSION, 1, "a new version gets golden files of its own");
    let cases = [
        (
            "v1-briefing-dg",
            Briefing {
                title: "Briefing DG".into(),
                note: "Drie keuzes voor 2026, van de letter tot nu".into(),
                baseline: None,
                charts: vec!["backlog".into(), "costs".into()],
                scenarios: vec![
                    BriefingScenario {
                        scenario: scenario("intake=60000"),
                        title: "Lagere instroom".into(),
                        note: "MPP-achtig".into(),
                    },
                    BriefingScenario {
                        scenario: scenario("fte=900"),
                        title: "Meer personeel".into(),
                        note: String::new(),
                    },
                    BriefingScenario {
                        scenario: scenario("intake=49000&term=6"),
                        ..BriefingScenario::default()
                    },
                ],
            },
        ),
        (
            "v1-from-now-baseline",
            Briefing {
                title: "Vanaf nu".into(),
                note: String::new(),
                baseline: Some(0),
                charts: vec!["waiting".into(), "flow".into()],
                scenarios: vec![
                    BriefingScenario {
                        scenario: scenario("fte=700&baa=5000"),
                        title: "Basis".into(),
                        note: String::new(),
                    },
                    BriefingScenario {
                        scenario: scenario("fte=800&baa=5000&ext_until=2025-06-30"),
                        title: "Verlenging korter".into(),
                        note: "De verlenging eindigt halverwege 2025".into(),
                    },
                ],
            },
        ),
    ];
    for (name, expected) in cases {
        let text = golden(name);
        let (read, warnings) = Briefing::read(&text, &CHARTS).expect("a briefing");
        assert!(warnings.is_empty(), "{name}: {warnings:?}");
        assert_eq!(read, expected, "{name}");
        // Written again, its links are of the newest format (`v=2`, whose
        // defaults are today's outlook, so a scenario of the letter's world
        // names the letter's values): not the same text, the same briefing.
        let (again, warnings) = Briefing::read(&expected.to_json(), &CHARTS).expect("a briefing");
        assert!(warnings.is_empty(), "{name}: {warnings:?}");
        assert_eq!(again, expected, "{name}: written and read back");
    }
}

fn titles(limit: TextLimit) -> impl Strategy<Value = String> {
    "[a-zA-Zé0-9 .,&=+%*?#<>\"'\\\\-]{0,40}".prop_map(move |t| tidy_text(&t, limit).0)
}

fn briefings() -> impl Strategy<Value = Briefing> {
    let scenario = (
        proptest::collection::vec((0..LEVER_COUNT, 0.0..=1.0f64), 0..10),
        titles(TITLE_LIMIT),
        titles(NOTE_LIMIT),
    )
        .prop_map(|(picks, title, note)| BriefingScenario {
            scenario: scenario_at(picks),
            title,
            note,
        });
    (
        titles(TITLE_LIMIT),
        titles(NOTE_LIMIT),
        proptest::collection::vec(scenario, 0..=MAX_SCENARIOS),
        any::<proptest::sample::Index>(),
        any::<bool>(),
        proptest::sample::subsequence(CHARTS.to_vec(), 0..=2),
    )
        .prop_map(|(title, note, scenarios, pick, pinned, charts)| {
            let baseline = (pinned && !scenarios.is_empty()).then(|| pick.index(scenarios.len()));
            Briefing {
                title,
                note,
                scenarios,
                baseline,
                charts: charts.into_iter().map(str::to_owned).collect(),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_briefing_round_trips(b in briefings()) {
        let text = b.to_json();
        let (back, warnings) = Briefing::read(&text, &CHARTS).expect("a briefing");
        prop_assert!(warnings.is_empty(), "{:?}", warnings);
        prop_assert_eq!(back.to_json(), text);
        prop_assert_eq!(back, b);
    }

    #[test]
    fn any_text_is_read_without_a_panic(text in ".{0,200}") {
        let _ = Briefing::read(&text, &CHARTS);
        let link = serde_json::to_string(&text).expect("a string");
        let wrapped = format!("{{\"format\": \"doorstroom-briefing\", \"scenarios\": [{{\"link\": {link}}}]}}");
        let (b, _) = Briefing::read(&wrapped, &CHARTS).expect("a briefing");
        prop_assert!(b.scenarios.len() <= 1);
    }
}
