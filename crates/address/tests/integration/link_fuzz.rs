//! The bounded fuzz run of the link reader, on stable Rust: every seed of
//! the fuzz corpus (`fuzz/corpus/link/`) as it is, then a large number of
//! random mutations of them (inserted keys, separators, escapes and
//! non-ASCII; deleted, repeated and percent-encoded stretches). The long run
//! is `cargo xtask fuzz`, with cargo-fuzz on nightly, over the same corpus
//! and the same checks.

use crate::link_checks::{check_link, corpus};
use doorstroom_model::levers;
use proptest::prelude::*;

#[test]
fn the_corpus_holds_the_kinds_of_link_people_paste() {
    let corpus = corpus();
    assert!(corpus.len() >= 40, "{} seeds", corpus.len());
    let any = |what: &dyn Fn(&str) -> bool| corpus.iter().any(|(_, link)| what(link));
    assert!(any(&|l| l.contains("%25")), "double-encoded");
    assert!(any(&|l| l.contains('+')), "+ for a space");
    assert!(
        any(&|l| l.matches("intake=").count() > 1),
        "duplicated keys"
    );
    assert!(any(&|l| l.contains("1e308")), "huge numbers");
    assert!(any(&|l| l.contains("=-")), "negative numbers");
    assert!(any(&|l| l.contains("NaN")), "NaN");
    assert!(any(&|l| l.contains("=&")), "empty values");
    assert!(any(&|l| !l.is_ascii()), "unicode");
    assert!(any(&|l| l.len() > 4_000), "very long values");
}

#[test]
fn every_seed_passes_the_checks() {
    for (name, link) in corpus() {
        let outcome = std::panic::catch_unwind(|| check_link(&link));
        assert!(outcome.is_ok(), "seed {name} fails the checks");
    }
}

/// One change to a link; places are taken modulo the link's length.
#[derive(Clone, Debug)]
enum Mutation {
    /// A token from [`tokens`] inserted at a place.
    Insert(usize, usize),
    /// A stretch of up to 16 characters removed.
    Delete(usize, u8),
    /// A stretch of up to 16 characters repeated up to 64 times.
    Repeat(usize, u8, u8),
    /// A stretch of up to 16 characters percent-encoded, once or twice.
    Encode(usize, u8, bool),
    /// One character replaced by an arbitrary one.
    Replace(usize, char),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<usize>(), any::<usize>()).prop_map(|(at, t)| Mutation::Insert(at, t)),
        1 => (any::<usize>(), 1..16u8).prop_map(|(at, n)| Mutation::Delete(at, n)),
        1 => (any::<usize>(), 1..16u8, 1..64u8).prop_map(|(at, n, k)| Mutation::Repeat(at, n, k)),
        1 => (any::<usize>(), 1..16u8, any::<bool>()).prop_map(|(at, n, twice)| Mutation::Encode(at, n, twice)),
        1 => (any::<usize>(), any::<char>()).prop_map(|(at, c)| Mutation::Replace(at, c)),
    ]
}

/// The pieces query-like text is made of: every lever key and the page's
/// own keys, separators, number and date characters, escapes, non-ASCII.
fn tokens() -> Vec<String> {
    let mut t: Vec<String> = levers().iter().map(|l| format!("&{}=", l.key)).collect();
    t.extend(
        [
            "v=1",
            "v=2",
            "&v=",
            "lang=en",
            "&base=",
            "base=v%3D1%26",
            "=",
            "&",
            "&&",
            "?",
            "#",
            ";",
            "0",
            "1",
            "7",
            "9",
            "000",
            "-",
            "-0",
            ".",
            ",",
            "e",
            "E",
            "e-320",
            "e308",
            "+",
            "%",
            "%2",
            "%20",
            "%26",
            "%3D",
            "%25",
            "%2526",
            "%C3%A9",
            "%FF",
            "%00",
            "2023-05-01",
            "2033-04-30",
            "NaN",
            "inf",
            "six",
            "extended",
            "on",
            "off",
            "fifo",
            "court",
            " ",
            "é",
            "\u{0}",
            "🙂",
            "\u{FEFF}",
            "\u{202E}",
            "٧",
            "６",
        ]
        .map(String::from),
    );
    t
}

/// `link` with `mutations` applied in turn, on character boundaries.
fn mutate(link: &str, mutations: &[Mutation], tokens: &[String]) -> String {
    let mut chars: Vec<char> = link.chars().collect();
    for m in mutations {
        let len = chars.len();
        let at = |i: &usize| i % (len + 1);
        let end = |start: usize, n: u8| (start + usize::from(n)).min(len);
        match m {
            Mutation::Insert(i, t) => {
                let start = at(i);
                let token = &tokens[t % tokens.len()];
                chars.splice(start..start, token.chars());
            }
            Mutation::Delete(i, n) => {
                let start = at(i);
                chars.drain(start..end(start, *n));
            }
            Mutation::Repeat(i, n, k) => {
                let start = at(i);
                let stretch: Vec<char> = chars[start..end(start, *n)].to_vec();
                let repeated: Vec<char> = stretch.repeat(usize::from(*k));
                chars.splice(start..start, repeated);
            }
            Mutation::Encode(i, n, twice) => {
                let start = at(i);
                let stop = end(start, *n);
                let mut text: String = chars[start..stop].iter().collect();
                text = percent_encode(&text);
                if *twice {
                    text = percent_encode(&text);
                }
                chars.splice(start..stop, text.chars());
            }
            Mutation::Replace(i, c) => {
                if len > 0 {
                    chars[i % len] = *c;
                }
            }
        }
    }
    chars.into_iter().collect()
}

/// Every byte as `%XX`: the most a hand or a mail client may escape.
fn percent_encode(text: &str) -> String {
    text.bytes().map(|b| format!("%{b:02X}")).collect()
}

proptest! {
    // Reading and writing only, no simulation: cheap enough for many cases.
    #![proptest_config(ProptestConfig { cases: 50_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_seeds_pass_the_checks(seed in any::<usize>(), mutations in proptest::collection::vec(mutation(), 0..8)) {
        thread_local! {
            static SEEDS: (Vec<(String, String)>, Vec<String>) = (corpus(), tokens());
        }
        let link = SEEDS.with(|(seeds, tokens)| {
            let (_, seed) = &seeds[seed % seeds.len()];
            mutate(seed, &mutations, tokens)
        });
        check_link(&link);
    }
}

#[test]
fn mutations_do_what_they_say() {
    let tokens = vec!["&fte=".to_owned()];
    let first = 0;
    assert_eq!(
        mutate("v=1", &[Mutation::Insert(first, first)], &tokens),
        "&fte=v=1"
    );
    assert_eq!(
        mutate("v=1", &[Mutation::Encode(first, 2, false)], &tokens),
        "%76%3D1"
    );
    assert_eq!(
        mutate("v=1", &[Mutation::Encode(first, 1, true)], &tokens),
        "%25%37%36=1"
    );
    assert_eq!(
        mutate("ab", &[Mutation::Repeat(first, 1, 3)], &tokens),
        "aaaab"
    );
    assert_eq!(mutate("ab", &[Mutation::Delete(first, 9)], &tokens), "");
}
