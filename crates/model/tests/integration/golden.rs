//! The default scenario's summary, checked in: any change to the numbers
//! shows up here and must be explained in the commit that makes it.
//! To accept a change: `UPDATE_GOLDEN=1 cargo test -p doorstroom-model --test golden`.

use doorstroom_model::Scenario;

const GOLDEN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/golden/default_summary.txt"
);

fn summary_text() -> String {
    let summary = Scenario::default().run().summary();
    summary
        .to_key_values()
        .iter()
        .map(|(k, v)| format!("{k}={v}\n"))
        .collect()
}

#[test]
fn default_summary_is_unchanged() {
    let actual = summary_text();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(GOLDEN, &actual).expect("write the golden file");
        return;
    }
    let expected = std::fs::read_to_string(GOLDEN).expect("read the golden file");
    assert_eq!(
        actual, expected,
        "the default summary changed; see tests/golden.rs"
    );
}
