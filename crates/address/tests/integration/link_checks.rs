//! What every link the page may be given must satisfy, whatever its text:
//! shared by the bounded fuzz run in `link_fuzz.rs` and by the cargo-fuzz
//! target in `fuzz/` (which includes this file), so both check the same.
//! Each check panics with the link that broke it.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use doorstroom_address::PageState;
use doorstroom_model::Scenario;

/// The longest link the page may write: the practical limit of mail clients
/// and of many servers for a whole address.
pub const MAX_LINK_CHARS: usize = 2_000;

/// Reads `link` as the page does (`PageState::read`) and as the model does
/// (`Scenario::from_query`), and checks what was read: reading never
/// panics, every scenario is valid (validating it again changes nothing),
/// and the link written for it is short enough, reads back as the same,
/// without a warning, and writes itself again.
pub fn check_link(link: &str) {
    let (scenario, _) = Scenario::from_query(link);
    check_scenario(link, &scenario);

    let (state, _) = PageState::read(link);
    check_scenario(link, &state.scenario);
    if let Some(baseline) = &state.baseline {
        check_scenario(link, baseline);
    }
    let written = state.to_query();
    assert!(
        written.chars().count() < MAX_LINK_CHARS,
        "{link:?}: the page writes a link of {} characters",
        written.chars().count()
    );
    let (back, warnings) = PageState::read(&written);
    assert!(
        warnings.is_empty(),
        "{link:?}: the page's link {written:?} warns: {warnings:?}"
    );
    assert_eq!(
        back, state,
        "{link:?}: the page's link {written:?} reads back otherwise"
    );
    assert_eq!(
        back.to_query(),
        written,
        "{link:?}: the page's link writes itself otherwise"
    );
}

/// The scenario's own checks, for the scenario a link gave.
fn check_scenario(link: &str, scenario: &Scenario) {
    let (again, warnings) = scenario.clone().validated();
    assert!(
        warnings.is_empty(),
        "{link:?}: validating what was read warns: {warnings:?}"
    );
    assert_eq!(
        &again, scenario,
        "{link:?}: validating what was read changes it"
    );

    let written = scenario.to_query();
    assert!(
        written.chars().count() < MAX_LINK_CHARS,
        "{link:?}: writes a link of {} characters",
        written.chars().count()
    );
    let (back, warnings) = Scenario::from_query(&written);
    assert!(
        warnings.is_empty(),
        "{link:?}: the written link {written:?} warns: {warnings:?}"
    );
    assert_eq!(
        &back, scenario,
        "{link:?}: {written:?} reads back otherwise"
    );
    assert_eq!(
        back.to_query(),
        written,
        "{link:?}: writes itself otherwise"
    );
}

/// The seed corpus: the real-looking links in `fuzz/corpus/link/`, one a
/// file, sorted by name.
pub fn corpus() -> Vec<(String, String)> {
    let dir = corpus_dir();
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.expect("a corpus entry").path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|file| {
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            let bytes = fs::read(&file).unwrap();
            (name, String::from_utf8_lossy(&bytes).into_owned())
        })
        .collect()
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/link")
}
